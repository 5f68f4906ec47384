//! The corpus view's column chooser: every indicator with its check,
//! group and count; Space, the filter in either script, all/none/main,
//! Enter and Esc; and the table's `a`/`z` agreeing with it.

use super::*;
use crate::tui::columns::{Chooser, Group};

fn chooser(app: &App) -> &Chooser {
    corpus(app).chooser.as_ref().expect("the chooser is open")
}

fn ids(app: &App) -> Vec<String> {
    corpus(app).columns.iter().map(|c| c.id.clone()).collect()
}

fn catalogue(app: &App) -> &crate::figures::Catalogue {
    &app.session.catalogues.indicators
}

fn type_text(app: &mut App, text: &str) {
    for c in text.chars() {
        app.update(Action::SearchInput(c));
    }
}

/// The names the filter keeps, in the list's order.
fn listed(app: &App) -> Vec<String> {
    let c = chooser(app);
    c.visible.iter().map(|&i| c.rows[i].name.clone()).collect()
}

#[test]
fn the_chooser_lists_every_indicator_with_its_group_and_count() {
    let mut app = bundled(120, 40);
    app.update(Action::Corpus);
    app.update(Action::Columns);
    assert_eq!(app.place().scope, crate::tui::keys::Scope::Columns);
    let c = chooser(&app);
    let cat = &catalogue(&app).indicators;
    assert_eq!(c.rows.len(), cat.len(), "every indicator of the catalogue");
    for (k, (row, i)) in c.rows.iter().zip(cat).enumerate() {
        assert_eq!(row.name, i.name, "the catalogue's order");
        assert_eq!(c.checked[k], i.main, "{}: checked as the table shows", i.id);
        let group = match (i.main, i.kind == crate::figures::Kind::Change) {
            (true, _) => Group::Main,
            (false, true) => Group::Change,
            (false, false) => Group::Other,
        };
        assert_eq!(row.group, group, "{}", i.id);
        let stating = (0..app.session.library.reports.len())
            .filter(|&r| app.session.cell(r, &i.id).is_some())
            .count();
        assert_eq!(row.filled, stating, "{}: reports that state it", i.id);
    }
    assert!(c.rows.iter().any(|r| r.group == Group::Change));
    assert!(c.rows.iter().any(|r| r.filled > 0) && c.rows.iter().any(|r| r.filled == 0));
    // On screen: the checks, a CJK name, its group and count.
    let screen = screen_text(&app);
    let first = &cat[0];
    let line = screen
        .lines()
        .find(|l| squeezed(l).contains(&format!("[x]{}main{}", first.name, c.rows[0].filled)))
        .unwrap_or_else(|| panic!("{screen}"));
    assert!(line.contains("[x] "), "{line}");
    assert!(squeezed(&screen).contains(&format!("{}of{}checked", c.count(), cat.len())));
}

#[test]
fn space_checks_and_enter_shows_only_the_checked_columns() {
    let mut app = bundled(120, 40);
    app.update(Action::Corpus);
    let main = ids(&app);
    app.update(Action::Columns);
    app.update(Action::NoColumns);
    assert_eq!(chooser(&app).count(), 0);
    // Two indicators checked, found by moving down the list: the second
    // and a change indicator further down.
    let cat: Vec<_> = catalogue(&app).indicators.clone();
    let change = cat.iter().position(|i| i.id.ends_with("_change")).unwrap();
    app.update(Action::Down);
    app.update(Action::Toggle);
    for _ in 1..change {
        app.update(Action::Down);
    }
    app.update(Action::Toggle);
    app.update(Action::Toggle);
    app.update(Action::Toggle);
    assert_eq!(chooser(&app).count(), 2, "toggled thrice: checked");
    // Nothing changes in the table until Enter.
    assert_eq!(ids(&app), main);
    app.update(Action::Open);
    assert!(corpus(&app).chooser.is_none());
    assert_eq!(ids(&app), vec![cat[1].id.clone(), cat[change].id.clone()]);
    let screen = squeezed(&screen_text(&app));
    assert!(screen.contains("2chosenindicators·"), "{screen}");
    assert!(screen.contains(&cat[change].name), "{screen}");
    assert!(!screen.contains(&cat[0].name), "{screen}");
    // Kept for the session: the view opens again with them.
    app.update(Action::Back);
    app.update(Action::Corpus);
    assert_eq!(ids(&app), vec![cat[1].id.clone(), cat[change].id.clone()]);
}

#[test]
fn the_filter_matches_either_script_and_full_width() {
    let mut app = bundled(120, 40);
    app.update(Action::Corpus);
    app.update(Action::Columns);
    app.update(Action::Filter);
    assert_eq!(app.place().scope, crate::tui::keys::Scope::ColumnsField);
    type_text(&mut app, "复议");
    let simplified = listed(&app);
    assert!(simplified.len() > 1, "{simplified:?}");
    assert!(
        simplified.iter().all(|n| n.contains("复议")),
        "{simplified:?}"
    );
    assert!(simplified.len() < chooser(&app).rows.len());
    app.update(Action::SearchBackspace);
    app.update(Action::SearchBackspace);
    type_text(&mut app, "復議");
    assert_eq!(listed(&app), simplified, "Traditional finds the same");
    // Full-width digits, and the group's word.
    app.update(Action::Back);
    assert_eq!(listed(&app).len(), chooser(&app).rows.len(), "Esc clears");
    app.update(Action::Filter);
    type_text(&mut app, "１２３４５");
    assert_eq!(listed(&app), vec!["12345热线诉求".to_owned()]);
    app.update(Action::Back);
    app.update(Action::Filter);
    type_text(&mut app, "CHANGE");
    let changes = chooser(&app)
        .rows
        .iter()
        .filter(|r| r.group == Group::Change)
        .count();
    assert_eq!(listed(&app).len(), changes);
    // Enter keeps the filter; Space checks the selected row of it.
    app.update(Action::SearchConfirm);
    assert_eq!(app.place().scope, crate::tui::keys::Scope::Columns);
    assert_eq!(listed(&app).len(), changes);
    app.update(Action::NoColumns);
    app.update(Action::Bottom);
    app.update(Action::Toggle);
    let last = chooser(&app).visible.last().copied().unwrap();
    assert!(chooser(&app).checked[last]);
    assert_eq!(chooser(&app).count(), 1);
}

#[test]
fn all_none_and_main_then_esc_leaves_the_table_as_it_was() {
    let mut app = bundled(120, 40);
    app.update(Action::Corpus);
    let before = ids(&app);
    let main: Vec<bool> = catalogue(&app).indicators.iter().map(|i| i.main).collect();
    app.update(Action::Columns);
    app.update(Action::AllColumns);
    assert!(chooser(&app).checked.iter().all(|&x| x));
    app.update(Action::NoColumns);
    assert!(chooser(&app).checked.iter().all(|&x| !x));
    app.update(Action::MainColumns);
    assert_eq!(chooser(&app).checked, main);
    app.update(Action::NoColumns);
    app.update(Action::Back);
    assert!(corpus(&app).chooser.is_none(), "Esc closes the chooser");
    assert_eq!(ids(&app), before, "the table as it was");
    app.update(Action::Columns);
    assert_eq!(chooser(&app).checked, main, "nothing was applied");
}

/// `a` in the table is every indicator checked in the chooser, and back
/// to the main ones; `z` hides the chosen columns no report fills.
#[test]
fn the_tables_keys_agree_with_the_chooser() {
    let mut app = bundled(120, 40);
    app.update(Action::Corpus);
    app.update(Action::AllColumns);
    app.update(Action::Columns);
    assert!(chooser(&app).checked.iter().all(|&x| x));
    app.update(Action::Back);
    app.update(Action::AllColumns);
    let main: Vec<bool> = catalogue(&app).indicators.iter().map(|i| i.main).collect();
    app.update(Action::Columns);
    assert_eq!(chooser(&app).checked, main);
    // One empty and one filled indicator chosen; z hides the empty one.
    let c = chooser(&app);
    let empty = c.rows.iter().position(|r| r.filled == 0).unwrap();
    let full = c.rows.iter().position(|r| r.filled > 0).unwrap();
    app.update(Action::NoColumns);
    for k in [empty, full] {
        app.update(Action::Top);
        for _ in 0..k {
            app.update(Action::Down);
        }
        app.update(Action::Toggle);
    }
    app.update(Action::Open);
    assert_eq!(ids(&app).len(), 2);
    app.update(Action::HideEmpty);
    let full_id = catalogue(&app).indicators[full].id.clone();
    assert_eq!(ids(&app), vec![full_id]);
    // From a choice of its own, `a` checks every indicator.
    app.update(Action::AllColumns);
    app.update(Action::Columns);
    assert!(chooser(&app).checked.iter().all(|&x| x));
}

/// At 80 columns the chooser's rows end at its border: each name is cut
/// by display width, so a CJK name never pushes the row over.
#[test]
fn the_chooser_fits_80_columns() {
    let mut app = bundled(80, 24);
    app.update(Action::Corpus);
    app.update(Action::Columns);
    let area = chooser(&app).area;
    assert!(area.width <= 80 && area.x + area.width <= 80);
    let buf = buffer(&app);
    for y in area.y + 1..area.y + area.height - 1 {
        let left = buf[(area.x, y)].symbol().to_owned();
        let right = buf[(area.x + area.width - 1, y)].symbol().to_owned();
        assert_eq!(left, "┃", "row {y}");
        // The border, or the scroll bar drawn down it.
        assert!(
            ["┃", "║", "█"].contains(&right.as_str()),
            "row {y}: {right:?}"
        );
    }
    let screen = screen_text(&app);
    assert!(squeezed(&screen).contains("[x]行政复议收案数"), "{screen}");
}
