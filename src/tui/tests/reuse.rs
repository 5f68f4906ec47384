//! Reuse in the TUI: 张家港's 2023 report and the 2024 report written
//! from it share passages, which the reader marks; `r` lists where a
//! section's text appears, Enter opens the two face to face, `u` lists
//! the pairs of the loaded reports.

use super::years::three_years;
use super::*;
use crate::tui::reuse::{ReuseList, SharedFacing};

fn list(app: &App) -> &ReuseList {
    match app.top() {
        Screen::ReuseList(l) => l,
        _ => panic!("the reuse list is on top"),
    }
}

fn facing(app: &App) -> &SharedFacing {
    match app.top() {
        Screen::SharedFacing(f) => f,
        _ => panic!("the face to face screen is on top"),
    }
}

/// 张家港 2024's sections, the one with shared text selected.
fn at_shared_section(app: &mut App) {
    select_report_named(app, "zhangjiagang-2024-next");
    let r = reading(app);
    assert!(!r.text.reused.is_empty(), "the reader marks shared text");
    let block = r.text.reused[0].block;
    let report = r.report(&app.session).unwrap();
    let section = report.blocks()[block].section;
    let App { stack, session, .. } = app;
    if let Some(Screen::Reading(r)) = stack.last_mut() {
        r.show_section(session, section);
    }
}

#[test]
fn shared_text_is_marked_listed_and_opened_face_to_face() {
    let mut app = three_years(160, 40);
    at_shared_section(&mut app);
    // Marked in the reader: the shared text has the reuse style.
    let buf = buffer(&app);
    let reused = COLOUR.reused();
    let marked = (0..buf.area.height)
        .flat_map(|y| (0..buf.area.width).map(move |x| (x, y)))
        .any(|(x, y)| buf[(x, y)].fg == reused.fg.unwrap());
    assert!(marked, "{}", screen_text(&app));
    app.update(Action::Shared);
    let l = list(&app);
    assert!(!l.rows.is_empty());
    assert!(
        l.rows.iter().all(|r| r.who.starts_with("張家港市")),
        "{:?}",
        l.rows
    );
    let screen = screen_text(&app);
    assert!(
        squeezed(&screen).contains("Whereelse張家港市2024"),
        "{screen}"
    );
    app.update(Action::Open);
    let f = facing(&app);
    let p = f.current().expect("a passage").clone();
    let screen = screen_text(&app);
    let flat = squeezed(&screen);
    assert!(
        flat.contains(&format!("passage1/{}", f.shared.passages.len())),
        "{screen}"
    );
    assert!(
        flat.contains("A張家港市2024") && flat.contains("B張家港市"),
        "{screen}"
    );
    // Both sides show the passage's first words.
    let words: String = p
        .b_text
        .chars()
        .filter(|c| !c.is_whitespace())
        .take(6)
        .collect();
    assert!(flat.contains(&words), "{words} in {screen}");
    // Enter reads the focused side; Esc comes back face to face, then to
    // the list, then to the reader.
    app.update(Action::FocusNext);
    app.update(Action::Open);
    assert!(app.reading().is_some());
    app.update(Action::Back);
    facing(&app);
    app.update(Action::Back);
    list(&app);
    app.update(Action::Back);
    assert!(app.reading().is_some());
}

#[test]
fn the_pairs_of_the_loaded_reports_and_their_passages() {
    let mut app = three_years(160, 40);
    app.update(Action::ReuseList);
    let l = list(&app);
    assert!(l.rows.len() >= 2, "{:?}", l.rows);
    assert!(
        l.rows.iter().any(|r| r.what == "self-reuse"),
        "{:?}",
        l.rows
    );
    let screen = screen_text(&app);
    assert!(screen.contains("Reuse among 7 reports"), "{screen}");
    app.update(Action::Open);
    let first = facing(&app).passage;
    app.update(Action::Right);
    let f = facing(&app);
    assert!(f.passage == first + 1 || f.shared.passages.len() == 1);
    app.update(Action::ReuseList);
    facing(&app);
    app.update(Action::Back);
    app.update(Action::ReuseList);
    assert!(app.reading().is_some(), "u in the list goes back");
}

#[test]
fn a_section_no_other_report_shares_says_so() {
    let mut app = bundled(120, 30);
    app.update(Action::Shared);
    let l = list(&app);
    assert!(l.rows.is_empty());
    let screen = screen_text(&app);
    assert!(
        squeezed(&screen).contains("Nootherloadedreportshares"),
        "{screen}"
    );
    app.update(Action::Open);
    list(&app);
}
