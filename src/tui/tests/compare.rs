//! The compare screen: pairs, layout, figures face to face, and coming
//! back to it.

use super::*;
use crate::tui::compare::rows::{RowKind, Side};
use crate::tui::reading::Pane;

#[test]
fn compare_needs_a_marked_report_and_another_one() {
    let mut app = bundled(120, 40);
    app.update(Action::Compare);
    assert_eq!(app.stack.len(), 1);
    assert!(app
        .session
        .message
        .as_deref()
        .unwrap_or("")
        .contains("press m"));
    app.update(Action::Mark);
    app.update(Action::Compare);
    assert_eq!(app.stack.len(), 1, "a report is not compared with itself");
    app.update(Action::Mark);
    assert_eq!(app.session.marked, None, "m again unmarks");
}

#[test]
fn compare_view_steps_pair_by_pair_with_both_sides_on_one_row() {
    let mut app = bundled(200, 50);
    open_compare(&mut app, "changzhou", "zhangjiagang");
    let c = &compare(&app).view;
    assert!(c.two_columns);
    assert!(app.session.library.reports[c.a].file.contains("changzhou"));
    for step in 1..4 {
        app.update(Action::Down);
        let c = &compare(&app).view;
        assert_eq!(c.pair, step);
        assert_eq!(c.scroll, c.starts[step].min(c.max_scroll()));
        // A pair shows its number among the pairs; a heading of the
        // pairs below it, §.
        let marker = match c.ordinal(step) {
            Some(k) => format!("▶ {k}."),
            None => "▶ §".to_owned(),
        };
        assert!(screen_text(&app).contains(&marker), "{marker}");
    }
    app.update(Action::Up);
    assert_eq!(compare(&app).view.pair, 2);
    // Each pair's two sections begin on its header's next row.
    let c = &mut compare_mut(&mut app).view;
    c.lay_all();
    for (i, p) in c.comparison.pairs.iter().enumerate() {
        // A part's first pair opens with the part's band.
        let header =
            c.starts[i] + usize::from(matches!(c.rows[c.starts[i]].kind, RowKind::Band(_)));
        assert_eq!(c.rows[header].kind, RowKind::Header, "pair {i}");
        let first = &c.rows[header + 1];
        let (RowKind::Text { a, b } | RowKind::Alone { a, b }) = &first.kind else {
            panic!("pair {i} starts with text");
        };
        assert_eq!(a.is_some(), p.a.is_some(), "pair {i}");
        assert_eq!(b.is_some(), p.b.is_some(), "pair {i}");
    }
}

#[test]
fn compare_view_lays_out_what_is_reached_and_paging_reaches_every_row() {
    let mut app = bundled(200, 50);
    open_compare(&mut app, "changzhou", "zhangjiagang");
    let c = &mut compare_mut(&mut app).view;
    let pairs = c.comparison.pairs.len();
    assert!(c.starts.len() < pairs, "opening lays out the first screen");
    assert!(c.rows.len() >= c.height, "but a full screen of rows");
    loop {
        let before = c.scroll;
        c.scroll_by(c.page());
        if c.scroll == before {
            break;
        }
    }
    assert_eq!(c.starts.len(), pairs);
    assert_eq!(c.scroll, c.rows.len() - c.height);
    for i in 0..pairs {
        let end = c.starts.get(i + 1).copied().unwrap_or(c.rows.len());
        let rows = &c.rows[c.starts[i]..end];
        let mut text_rows = 0;
        for (k, side) in [Side::A, Side::B].into_iter().enumerate() {
            let cells: Vec<(usize, std::ops::Range<usize>)> = rows
                .iter()
                .filter_map(|r| match &r.kind {
                    RowKind::Text { a, b } | RowKind::Alone { a, b } => {
                        if side == Side::A { a } else { b }.clone()
                    }
                    _ => None,
                })
                .map(|cell| (cell.line, cell.chars))
                .collect();
            let present = [c.comparison.pairs[i].a, c.comparison.pairs[i].b][k].is_some();
            let whole: Vec<(usize, std::ops::Range<usize>)> = c.lines[i][k]
                .iter()
                .enumerate()
                .filter(|_| present)
                .flat_map(|(n, l)| {
                    crate::text::wrap(&l.text, c.column_width)
                        .into_iter()
                        .map(move |p| (n, p.chars))
                })
                .collect();
            assert_eq!(cells, whole, "pair {i} side {k}");
            text_rows = text_rows.max(whole.len());
        }
        let band = usize::from(matches!(rows[0].kind, RowKind::Band(_)));
        assert_eq!(rows.len(), band + 2 + text_rows.max(1), "pair {i}");
    }
    app.update(Action::Top);
    app.update(Action::Bottom);
    assert_eq!(compare(&app).view.pair, pairs - 1);
}

#[test]
fn compare_view_at_80_columns_shows_one_side_and_tab_switches() {
    let mut app = bundled(80, 24);
    open_compare(&mut app, "yixing", "mianyang");
    assert!(!compare(&app).view.two_columns);
    assert!(squeezed(&screen_text(&app)).contains("Compare(Aside"));
    app.update(Action::FocusNext);
    assert!(squeezed(&screen_text(&app)).contains("Compare(Bside"));
    let c = &mut compare_mut(&mut app).view;
    c.lay_all();
    for row in &c.rows {
        let (RowKind::Text { a, b } | RowKind::Alone { a, b }) = &row.kind else {
            continue;
        };
        for (k, cell) in [(0, a), (1, b)] {
            if let Some(cell) = cell {
                let text = &c.lines[row.pair][k][cell.line].text[cell.bytes.clone()];
                assert!(crate::text::width(text) <= c.column_width, "{text}");
            }
        }
    }
}

#[test]
fn figures_face_to_face_have_a_row_cursor_and_enter_reads_the_figure() {
    let mut app = bundled(160, 48);
    open_compare(&mut app, "yixing", "mianyang");
    app.update(Action::CompareFigures);
    let screen = squeezed(&screen_text(&app));
    assert!(screen.contains("Figuresfacetoface") && screen.contains("行政复议收案数"));
    let c = compare(&app);
    let row = (0..c.view.comparison.figures.len())
        .find(|&i| c.view.comparison.figures[i].b.is_some())
        .unwrap();
    for _ in 0..row {
        app.update(Action::Down);
    }
    app.update(Action::FocusNext);
    let stated = compare(&app).view.comparison.figures[row]
        .b
        .clone()
        .unwrap();
    let b = compare(&app).view.b;
    app.update(Action::Open);
    let r = reading(&app);
    assert_eq!(r.report_index(), b);
    assert_eq!(marked_text(&app, r.text.mark.unwrap()), stated.raw);
    app.update(Action::Back);
    assert_eq!(compare(&app).figure_rows.selected(), row, "the same row");
}

#[test]
fn reading_a_section_and_coming_back_keeps_the_pair_and_scroll() {
    let mut app = bundled(160, 48);
    open_compare(&mut app, "changzhou", "mianyang");
    for _ in 0..4 {
        app.update(Action::Down);
    }
    app.update(Action::PageDown);
    let (pair, scroll) = (compare(&app).view.pair, compare(&app).view.scroll);
    app.update(Action::FocusNext);
    let (report, section) = compare(&app).view.focused_section().unwrap();
    app.update(Action::Open);
    let r = reading(&app);
    assert_eq!((r.report_index(), r.text.section), (report, Some(section)));
    assert_eq!(r.focus, Pane::Reader);
    app.update(Action::Back);
    let c = &compare(&app).view;
    assert_eq!((c.pair, c.scroll, c.side), (pair, scroll, Side::B));
    app.update(Action::Quit);
    assert!(app.quit, "q quits from the compare screen");
}

#[test]
fn b_minus_a_is_never_cut_at_80_columns() {
    let mut app = bundled(80, 40);
    open_compare(&mut app, "zhangjiagang", "changzhou");
    app.update(Action::CompareFigures);
    let differences: Vec<String> = compare(&app)
        .view
        .comparison
        .figures
        .iter()
        .filter_map(|f| f.difference.as_ref().map(|d| d.shown.clone()))
        .collect();
    assert!(!differences.is_empty());
    let screen = squeezed(&screen_text(&app));
    let shown = compare(&app).figure_rows.visible();
    let figures = &compare(&app).view.comparison.figures;
    for i in shown {
        if let Some(d) = figures[i].difference.as_ref().map(|d| &d.shown) {
            assert!(screen.contains(&squeezed(d)), "{d} cut:\n{screen}");
        }
    }
}

#[test]
fn a_click_on_a_side_focuses_it() {
    let mut app = bundled(160, 48);
    open_compare(&mut app, "changzhou", "zhangjiagang");
    assert_eq!(compare(&app).view.side, Side::A);
    app.update(Action::Click { col: 120, row: 10 });
    assert_eq!(compare(&app).view.side, Side::B, "the right half is B");
    app.update(Action::Click { col: 20, row: 10 });
    assert_eq!(compare(&app).view.side, Side::A);
}
