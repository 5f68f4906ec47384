//! The report list: filtered as the user types, moved by pages and ends,
//! and rows of one place and year told apart by their file names.

use super::*;
use crate::report::{Report, TextEncoding};
use crate::tui::reading::Pane;

fn to_list(app: &mut App) {
    while reading(app).focus != Pane::Reports {
        app.update(Action::FocusNext);
    }
}

fn type_text(app: &mut App, text: &str) {
    for c in text.chars() {
        app.update(Action::SearchInput(c));
    }
}

#[test]
fn typing_filters_the_list_enter_keeps_it_esc_clears_it() {
    let mut app = bundled(120, 40);
    to_list(&mut app);
    app.update(Action::Filter);
    // Simplified words find the Traditional report.
    type_text(&mut app, "张家港");
    let r = reading(&app);
    assert_eq!(r.rows.len(), 1);
    assert!(r
        .report(&app.session)
        .unwrap()
        .file
        .contains("zhangjiagang"));
    let screen = squeezed(&screen_text(&app));
    assert!(screen.contains("Reports(1of5)"), "{screen}");
    assert!(screen.contains("filter:张家港"), "{screen}");
    assert!(!screen.contains("常州市2024"), "{screen}");
    // Enter keeps the filter and gives the list its keys back.
    app.update(Action::SearchConfirm);
    assert_eq!(app.place().scope, crate::tui::keys::Scope::Reports);
    assert!(squeezed(&screen_text(&app)).contains("Reports(1of5)"));
    // Words that name nothing: the list says so, the report stays.
    app.update(Action::Filter);
    type_text(&mut app, " 2099");
    assert!(reading(&app).rows.is_empty());
    let screen = squeezed(&screen_text(&app));
    assert!(screen.contains("noreportmatches"), "{screen}");
    assert!(screen.contains("Sections·張家港市2023"), "{screen}");
    // Esc lists every report again, the shown one still selected.
    app.update(Action::Back);
    let r = reading(&app);
    assert_eq!(r.rows.len(), 5);
    assert_eq!(r.rows[r.reports.selected()], r.report_index());
    assert!(screen_text(&app).contains("Reports (5)"));
}

#[test]
fn pages_and_ends_move_the_list() {
    let mut lib = Library::bundled();
    let text = String::from_utf8_lossy(crate::bundled::BUNDLED[0].1).into_owned();
    for k in 0..60 {
        let name = format!("copies/copy-{k:02}.txt");
        lib.reports
            .push(Report::parse(&name, text.clone(), TextEncoding::Utf8));
    }
    lib.group_by_place();
    let mut app = App::new(lib, Catalogues::builtin().clone(), 120, 40);
    to_list(&mut app);
    let page = reading(&app).reports.page() as usize;
    app.update(Action::PageDown);
    assert_eq!(reading(&app).reports.selected(), page);
    app.update(Action::PageUp);
    assert_eq!(reading(&app).reports.selected(), 0);
    app.update(Action::Bottom);
    assert_eq!(reading(&app).report_index(), 64);
    app.update(Action::Top);
    assert_eq!(reading(&app).report_index(), 0);
    // Sixty-one reports of one place and year: each row names its file.
    let screen = screen_text(&app);
    assert!(screen.contains("copy-00.txt"), "{screen}");
    assert!(screen.contains("copy-01.txt"), "{screen}");
}

#[test]
fn the_corpus_view_and_its_export_hold_the_reports_the_filter_keeps() {
    let mut app = bundled(160, 48);
    to_list(&mut app);
    app.update(Action::Filter);
    type_text(&mut app, "江苏 2024");
    app.update(Action::SearchConfirm);
    let kept = reading(&app).rows.clone();
    assert!((1..5).contains(&kept.len()), "{kept:?}");
    app.update(Action::Corpus);
    let c = corpus(&app);
    let mut shown = c.order.clone();
    shown.sort_unstable();
    assert_eq!(shown, kept);
    let screen = squeezed(&screen_text(&app));
    let title = format!("Corpus·{}reportsof5(thelist'sfilter)", kept.len());
    assert!(screen.contains(&title), "{screen}");
    // The export writes those rows only.
    let dir = tempfile::tempdir().unwrap();
    app.session.export_dir = Some(dir.path().to_owned());
    app.update(Action::Export);
    let file = std::fs::read_dir(dir.path())
        .unwrap()
        .next()
        .unwrap()
        .unwrap();
    let csv = std::fs::read_to_string(file.path()).unwrap();
    assert_eq!(csv.lines().count(), kept.len() + 1, "{csv}");
    assert!(!csv.contains("绵阳市"), "{csv}");
}
