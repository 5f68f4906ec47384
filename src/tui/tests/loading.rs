//! Reports taken in while the screens are in use, and the list settled
//! in order when the load ends.

use super::*;
use crate::corpus::loading::Read;
use crate::report::Report;

/// A bundled report under another file name, as read in the background
/// (its cells read, its outline and figures let go).
fn read_as(order: usize, name: &str, file: &str) -> Read {
    let bytes = crate::bundled::BUNDLED
        .iter()
        .find(|(n, _)| n.ends_with(name))
        .map(|(_, b)| *b)
        .unwrap();
    let catalogue = std::sync::Arc::new(crate::figures::Catalogue::builtin().clone());
    let report = Report::from_bytes(file, bytes).unwrap();
    Read::light(order, bytes.len() as u64, Ok(report), &catalogue)
}

fn files(app: &App) -> Vec<String> {
    app.session
        .library
        .reports
        .iter()
        .map(|r| r.file.clone())
        .collect()
}

#[test]
fn reports_taken_in_go_last_and_nothing_a_screen_holds_moves() {
    let mut app = bundled(160, 48);
    app.update(Action::Down);
    let (report, section) = (reading(&app).report_index(), reading(&app).text.section);
    app.take_in(vec![read_as(0, "hongze-2023.txt", "/x/hongze-copy.txt")]);
    assert_eq!(app.session.library.reports.len(), 6);
    assert_eq!(files(&app).last().unwrap(), "/x/hongze-copy.txt");
    assert_eq!(reading(&app).report_index(), report);
    assert_eq!(reading(&app).text.section, section);
    assert_eq!(reading(&app).reports.len(), 6);
    // The new report can be selected, its tree opened and its cells read.
    for _ in 0..6 {
        app.update(Action::FocusNext);
        if reading(&app).focus == super::super::reading::Pane::Reports {
            break;
        }
    }
    app.update(Action::Bottom);
    assert_eq!(reading(&app).report_index(), 5);
    assert!(!app.session.cells(5).is_empty());
    screen_text(&app);
}

#[test]
fn at_the_end_the_list_is_grouped_by_place_and_keeps_the_selection_and_mark() {
    let mut app = bundled(160, 48);
    app.session.marked = Some(1);
    let marked = files(&app)[1].clone();
    app.take_in(vec![read_as(
        0,
        "changzhou-2024.txt",
        "/x/changzhou-copy.txt",
    )]);
    let order = |r: &Report| usize::from(r.file.starts_with("/x/"));
    // Not while another screen is open over the list.
    app.update(Action::Corpus);
    assert!(!app.settle(order));
    app.update(Action::Back);
    assert!(app.settle(order));
    let list = files(&app);
    let copy = list
        .iter()
        .position(|f| f == "/x/changzhou-copy.txt")
        .unwrap();
    let original = list
        .iter()
        .position(|f| f == "data/changzhou-2024.txt")
        .unwrap();
    assert_eq!(
        copy.abs_diff(original),
        1,
        "one place's reports together: {list:?}"
    );
    assert_eq!(list[app.session.marked.unwrap()], marked);
}

/// While the folders are still being walked, the progress line counts
/// the files found so far and guesses no time left; once the walk is
/// over it gives the total and, later, the time left.
#[test]
fn the_progress_line_says_the_files_are_still_being_found() {
    let mut app = bundled(160, 48);
    let mut progress = crate::corpus::Progress {
        files: 3104,
        read: 900,
        skipped: 2,
        bytes: 10 * 1024 * 1024,
        elapsed: std::time::Duration::from_secs(1),
        walking: true,
    };
    app.session.loading = Some(progress);
    let screen = screen_text(&app);
    assert!(
        screen.contains(
            "reading 902 of 3104 files found so far, 10.0 MiB, 2 skipped, still finding files"
        ),
        "{screen}"
    );
    assert!(!screen.contains("left"), "{screen}");
    progress.walking = false;
    app.session.loading = Some(progress);
    let screen = screen_text(&app);
    assert!(
        screen.contains("reading 902 of 3104 files, 10.0 MiB, 2 skipped, about 3 s left"),
        "{screen}"
    );
}

/// A report read in the background keeps its text and lets go of its
/// outline and figures once its table cells are read: the corpus table
/// (cells moved with their reports when the list settles) computes none
/// of them again and shows what the report read whole shows, and the
/// report's figures read again are those it had.
#[test]
fn reports_taken_in_are_light_and_the_corpus_table_reads_them_unchanged() {
    let names = ["changzhou-2024.txt", "hongze-2023.txt", "yixing-2024.txt"];
    let mut app = bundled(160, 48);
    let reads = names
        .iter()
        .enumerate()
        .map(|(i, n)| read_as(i, n, &format!("/x/copy-{n}")))
        .collect();
    app.take_in(reads);
    let copies = |app: &App| -> Vec<usize> {
        (0..app.session.library.reports.len())
            .filter(|&i| app.session.library.reports[i].file.starts_with("/x/"))
            .collect()
    };
    for i in copies(&app) {
        assert!(!app.session.library.reports[i].is_heavy(), "{i}");
    }
    for i in 0..app.session.library.reports.len() {
        app.session.cells(i);
    }
    let computed = app.session.tables.computed();
    assert!(app.settle(|r| usize::from(r.file.starts_with("/x/"))));
    app.update(Action::Corpus);
    assert_eq!(app.session.tables.computed(), computed, "cells read again");
    let lib = &app.session.library;
    for i in copies(&app) {
        let copy = &lib.reports[i];
        let stem = copy.file.trim_start_matches("/x/copy-");
        let original = lib
            .reports
            .iter()
            .position(|r| r.file == format!("data/{stem}"))
            .unwrap();
        let shown = |i: usize| -> Vec<(String, String)> {
            corpus(&app).cells[i]
                .iter()
                .zip(&corpus(&app).columns)
                .filter_map(|(c, col)| Some((col.id.clone(), c.as_ref()?.text.clone())))
                .collect()
        };
        assert!(!shown(i).is_empty(), "{stem}");
        assert_eq!(shown(i), shown(original), "{stem}");
        assert_eq!(copy.figures(), lib.reports[original].figures(), "{stem}");
    }
}

/// Reading report after report down a long list keeps at most a few
/// dozen reports' outlines and figures, the one shown among them.
#[test]
fn reading_report_after_report_keeps_the_library_light() {
    let mut app = bundled(160, 48);
    let reads = (0..80)
        .map(|i| read_as(i, "hongze-2023.txt", &format!("/x/copy-{i:02}.txt")))
        .collect();
    app.take_in(reads);
    for _ in 0..6 {
        app.update(Action::FocusNext);
        if reading(&app).focus == super::super::reading::Pane::Reports {
            break;
        }
    }
    for _ in 0..84 {
        app.update(Action::Down);
        screen_text(&app);
    }
    let reports = &app.session.library.reports;
    let heavy = reports.iter().filter(|r| r.is_heavy()).count();
    assert!(
        heavy <= crate::tui::session::HEAVY_AT_MOST + 1,
        "{heavy} of {}",
        reports.len()
    );
    let shown = reading(&app).report_index();
    assert!(shown > 70, "{shown}");
    assert!(reports[shown].is_heavy());
}
