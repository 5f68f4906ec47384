//! Search across every loaded report: the hits grouped by report, a hit
//! read in its report, and back to the list where it was.

use super::*;
use crate::tui::finder::{Finder, FoundRow};

fn finder(app: &App) -> &Finder {
    match app.top() {
        Screen::Finder(f) => f,
        _ => panic!("the search screen is on top"),
    }
}

fn search(app: &mut App, query: &str) {
    app.update(Action::Find);
    for c in query.chars() {
        app.update(Action::SearchInput(c));
    }
    app.update(Action::SearchConfirm);
}

#[test]
fn a_phrase_lists_hits_by_report_in_either_script() {
    let mut app = bundled(140, 40);
    // Simplified: the Traditional reports' 行政復議 are hits too.
    search(&mut app, "行政复议");
    let f = finder(&app);
    let reports: Vec<(usize, usize)> = f
        .rows
        .iter()
        .filter_map(|r| match *r {
            FoundRow::Report { report, count } => Some((report, count)),
            FoundRow::Hit { .. } => None,
        })
        .collect();
    let named = |stem: &str| report_named(&app, stem);
    assert!(reports.iter().any(|&(r, _)| r == named("changzhou")));
    assert!(reports.iter().any(|&(r, _)| r == named("mianyang")));
    // Each report's count is the number of its hit rows.
    for &(report, count) in &reports {
        let listed = f
            .rows
            .iter()
            .filter(|r| matches!(r, FoundRow::Hit { report: x, .. } if *x == report))
            .count();
        assert_eq!(listed, count);
    }
    let screen = squeezed(&screen_text(&app));
    assert!(screen.contains("常州市2024·"), "{screen}");
    assert!(screen.contains("行政復議"), "{screen}");
    assert!(screen.contains(&format!("{}hitsin", f.hits)), "{screen}");
}

#[test]
fn enter_reads_the_hit_and_esc_comes_back_where_it_was() {
    let mut app = bundled(140, 40);
    search(&mut app, "張家港");
    for _ in 0..3 {
        app.update(Action::Down);
    }
    let at = finder(&app).cursor.selected();
    let Some(FoundRow::Hit { report, hit }) = finder(&app).selected() else {
        panic!("a hit row")
    };
    app.update(Action::Open);
    let r = reading(&app);
    assert_eq!(r.report_index(), report);
    assert_eq!(r.text.mark, Some(hit));
    assert!(matches!(
        marked_text(&app, hit).as_str(),
        "張家港" | "张家港"
    ));
    app.update(Action::Back);
    assert_eq!(finder(&app).cursor.selected(), at);
}

#[test]
fn a_regular_expression_on_request_and_a_bad_one_said() {
    let mut app = bundled(140, 40);
    search(&mut app, r"复议.{0,12}\d+件");
    assert_eq!(finder(&app).hits, 0, "a phrase: the pattern is text");
    app.update(Action::RegexToggle);
    let f = finder(&app);
    assert!(f.regex && f.hits > 0);
    let screen = squeezed(&screen_text(&app));
    assert!(screen.contains("regularexpression"), "{screen}");
    app.update(Action::SearchStart);
    app.update(Action::SearchInput('('));
    app.update(Action::SearchConfirm);
    assert!(finder(&app).problem.is_some());
    assert!(app
        .session
        .message
        .as_deref()
        .unwrap_or("")
        .contains("regular expression"));
}
