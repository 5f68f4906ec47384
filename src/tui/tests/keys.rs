//! Every key that help and the status bar show, in every place, does
//! something there; help scrolls to its end on a small screen.

use crossterm::event::{KeyEvent, KeyModifiers};

use super::*;
use crate::tui::keys::{self, KeyPlace, Scope};

/// The app in a state where every key of `scope` has something to do: a
/// middle report, a long section scrolled down a little, several figures,
/// a compare and a corpus with rows above and below.
fn prepared(scope: Scope) -> App {
    if matches!(scope, Scope::Years | Scope::Followup) {
        return prepared_years(scope);
    }
    if matches!(scope, Scope::ReuseList | Scope::SharedFacing) {
        return prepared_reuse(scope);
    }
    let mut app = bundled(120, 40);
    app.session.compare_budget = std::time::Duration::from_secs(60);
    select_report_named(&mut app, "mianyang");
    // The longest section, for paging both ways.
    let lengths: Vec<usize> = (0..reading(&app).tree.rows.len())
        .map(|i| {
            select_row(&mut app, i);
            reading(&app).text.rows.len()
        })
        .collect();
    let longest = (0..lengths.len()).max_by_key(|&i| lengths[i]).unwrap();
    select_row(&mut app, longest);
    assert!(lengths[longest] > reading(&app).text.cursor.height() + 4);
    app.update(Action::FiguresScope);
    let to = |app: &mut App, pane: crate::tui::reading::Pane| {
        while reading(app).focus != pane {
            app.update(Action::FocusNext);
        }
    };
    use crate::tui::reading::Pane;
    match scope {
        Scope::Reports => to(&mut app, Pane::Reports),
        Scope::Tree => to(&mut app, Pane::Tree),
        Scope::Reader => to(&mut app, Pane::Reader),
        Scope::Figures => to(&mut app, Pane::Figures),
        Scope::SearchField => {
            app.update(Action::SearchStart);
            app.update(Action::SearchInput('法'));
        }
        Scope::Finder | Scope::FinderField => {
            app.update(Action::Find);
            app.update(Action::SearchInput('法'));
            if scope == Scope::Finder {
                app.update(Action::SearchInput('治'));
                app.update(Action::SearchConfirm);
                app.update(Action::Down);
                app.update(Action::Down);
            }
        }
        Scope::FilterField => {
            to(&mut app, Pane::Reports);
            app.update(Action::Filter);
            app.update(Action::SearchInput('市'));
        }
        Scope::Corpus => {
            app.update(Action::Corpus);
            app.update(Action::Right);
        }
        Scope::Columns | Scope::ColumnsField => {
            // A middle row, one main indicator unchecked, so that all,
            // none and main each change the checks.
            app.update(Action::Corpus);
            app.update(Action::Columns);
            app.update(Action::Toggle);
            for _ in 0..10 {
                app.update(Action::Down);
            }
            if scope == Scope::ColumnsField {
                app.update(Action::Filter);
                app.update(Action::SearchInput('复'));
            }
        }
        Scope::Compare | Scope::CompareFigures => {
            open_compare(&mut app, "changzhou", "mianyang");
            if scope == Scope::CompareFigures {
                app.update(Action::CompareFigures);
            }
        }
        Scope::Help => {
            app.update(Action::Resize(80, 24));
            app.update(Action::Help);
        }
        Scope::Years | Scope::Followup => unreachable!("prepared_years"),
        Scope::ReuseList | Scope::SharedFacing => unreachable!("prepared_reuse"),
        Scope::Candidates => {
            // 绵阳's 人大代表建议: its figure, 政协提案's beside it, none.
            app.update(Action::Corpus);
            let col = corpus(&app)
                .columns
                .iter()
                .position(|c| c.id == "npc_suggestions")
                .unwrap();
            for _ in 0..col {
                app.update(Action::Right);
            }
            app.update(Action::Choose);
            app.update(Action::Down);
        }
        Scope::ValueField => {
            app.update(Action::Corpus);
            app.update(Action::Choose);
            // The row before the last (no figure), with no choice made:
            // typing a value by hand.
            app.update(Action::Bottom);
            app.update(Action::Up);
            app.update(Action::Open);
            app.update(Action::SearchInput('5'));
        }
    }
    // Away from the first rows, so that up and home move too.
    if matches!(
        scope,
        Scope::Reader | Scope::Figures | Scope::Compare | Scope::CompareFigures | Scope::Help
    ) {
        app.update(Action::Down);
        app.update(Action::Down);
    }
    if matches!(scope, Scope::Reader | Scope::Compare | Scope::Help) {
        app.update(Action::PageDown);
    }
    if matches!(scope, Scope::Reports | Scope::Tree | Scope::Figures) {
        // The text scrolled a little, for the paging keys.
        let App { stack, .. } = &mut app;
        if let Some(Screen::Reading(r)) = stack.last_mut() {
            r.text.cursor.scroll(2);
        }
    }
    assert_eq!(app.place().scope, scope);
    app
}

/// Three years of one place, the middle year and a middle row selected;
/// its follow-up on a middle plan.
fn prepared_years(scope: Scope) -> App {
    let mut app = super::years::three_years(120, 40);
    super::years::open_years(&mut app);
    app.update(Action::Down);
    if scope == Scope::Followup {
        app.update(Action::Followup);
        app.update(Action::Down);
    }
    assert_eq!(app.place().scope, scope);
    app
}

/// Three years of one place: the pairs of the loaded reports, a middle
/// row selected; face to face, 2023 and 2024 at their second passage,
/// scrolled a little.
fn prepared_reuse(scope: Scope) -> App {
    let mut app = super::years::three_years(120, 40);
    app.update(Action::ReuseList);
    app.update(Action::Down);
    if scope == Scope::SharedFacing {
        let rows = match app.top() {
            Screen::ReuseList(l) => l.rows.clone(),
            _ => unreachable!(),
        };
        let self_reuse = rows.iter().position(|r| r.what == "self-reuse").unwrap();
        app.update(Action::Top);
        for _ in 0..self_reuse {
            app.update(Action::Down);
        }
        app.update(Action::Open);
        app.update(Action::Right);
        app.update(Action::Down);
        app.update(Action::Down);
    }
    assert_eq!(app.place().scope, scope);
    app
}

fn key_events(b: &keys::Binding) -> Vec<KeyEvent> {
    let mods = if b.ctrl {
        KeyModifiers::CONTROL
    } else {
        KeyModifiers::NONE
    };
    b.keys.iter().map(|&k| KeyEvent::new(k, mods)).collect()
}

/// What a person could tell apart: the screen (text and styles), and
/// whether the program is still running.
fn seen(app: &App) -> (Buffer, bool) {
    (buffer(app), app.quit)
}

#[test]
fn every_key_shown_does_something_where_it_is_shown() {
    for scope in Scope::ALL {
        let place = prepared(scope).place();
        let table = keys::table(place);
        assert!(!table.is_empty());
        for b in &table {
            for k in key_events(b) {
                let mut app = prepared(scope);
                let before = seen(&app);
                let action = keys::action_for(app.place(), k)
                    .unwrap_or_else(|| panic!("{scope:?}: {k:?} is shown but unbound"));
                assert_eq!(action, b.action);
                app.update(action);
                assert_ne!(
                    seen(&app),
                    before,
                    "{scope:?}: {} ({}) changes nothing",
                    b.label(),
                    b.help
                );
            }
        }
    }
}

/// The status bar shows keys of the place the user is in, and always
/// help.
#[test]
fn the_status_bar_shows_this_place_and_help() {
    for scope in Scope::ALL {
        let app = prepared(scope);
        let last = screen_text(&app).lines().last().unwrap().to_owned();
        let table = keys::table(app.place());
        let shown: Vec<_> = table
            .iter()
            .filter(|b| {
                b.hint
                    .is_some_and(|h| last.contains(&format!("{} {h}", b.short_label())))
            })
            .collect();
        assert!(!shown.is_empty(), "{scope:?}: {last}");
        if !matches!(scope, Scope::Help) && !scope.is_field() {
            assert!(last.contains("? help"), "{scope:?}: {last}");
        }
    }
}

#[test]
fn help_at_80x24_scrolls_to_its_last_line() {
    let mut app = bundled(80, 24);
    app.update(Action::Help);
    let help = app.help.as_ref().unwrap();
    assert!(
        help.cursor.len() > help.cursor.height(),
        "help is longer than the screen"
    );
    let last = match help.lines.last().unwrap() {
        crate::tui::help::HelpLine::Note(t) => t.clone(),
        other => panic!("{other:?}"),
    };
    assert!(!squeezed(&screen_text(&app)).contains(&squeezed(&last)));
    for _ in 0..help.cursor.len() {
        app.update(Action::Down);
    }
    assert!(squeezed(&screen_text(&app)).contains(&squeezed(&last)));
    app.update(Action::Back);
    assert!(app.help.is_none() && !app.quit, "Esc closes help");
}

#[test]
fn keys_do_not_leak_through_help() {
    let mut app = bundled(120, 40);
    let place = app.place();
    app.update(Action::Help);
    app.update(Action::Down);
    app.update(Action::Corpus);
    app.update(Action::Back);
    assert_eq!(app.place(), place);
    assert_eq!(app.stack.len(), 1);
    assert_eq!(reading(&app).tree.cursor.selected(), 0);
    let _ = KeyPlace {
        scope: Scope::Help,
        nested: false,
    };
}
