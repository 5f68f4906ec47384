//! The reading screen: the tree, the reader, the figures pane, search.

use super::*;
use crate::tui::reading::tree::Node;
use crate::tui::reading::Pane;

#[test]
fn down_moves_the_tree_and_the_reader_follows() {
    let mut app = bundled(160, 48);
    assert_eq!(reading(&app).focus, Pane::Tree);
    app.update(Action::Down);
    app.update(Action::Down);
    let r = reading(&app);
    let report = r.report(&app.session).unwrap();
    let Some(Node::Section(s)) = r.tree.selected().map(|row| row.node) else {
        panic!("expected a section")
    };
    assert_eq!(r.text.section, Some(s));
    let first = r.text.rows.first().and_then(|row| row.block).unwrap();
    assert_eq!(report.blocks()[first].section, s);
    app.update(Action::Open);
    assert_eq!(reading(&app).focus, Pane::Reader);
}

#[test]
fn left_folds_and_right_unfolds() {
    let mut app = bundled(160, 48);
    app.update(Action::Down); // 一、 with children
    let before = reading(&app).tree.rows.len();
    app.update(Action::Left);
    assert!(reading(&app).tree.rows.len() < before);
    assert!(!reading(&app).tree.selected().unwrap().expanded);
    app.update(Action::Right);
    assert_eq!(reading(&app).tree.rows.len(), before);
    app.update(Action::Right);
    assert_eq!(reading(&app).focus, Pane::Reader);
    app.update(Action::Left);
    assert_eq!(reading(&app).focus, Pane::Tree);
}

#[test]
fn tab_cycles_panes_and_reports_switch() {
    let mut app = bundled(120, 40);
    app.update(Action::FocusNext);
    assert_eq!(reading(&app).focus, Pane::Reader);
    app.update(Action::FocusNext);
    assert_eq!(reading(&app).focus, Pane::Figures);
    app.update(Action::FocusNext);
    assert_eq!(reading(&app).focus, Pane::Reports);
    app.update(Action::Down);
    assert_eq!(reading(&app).report_index(), 1);
    assert_eq!(reading(&app).tree.cursor.selected(), 0);
    app.update(Action::FocusPrev);
    assert_eq!(reading(&app).focus, Pane::Figures);
}

#[test]
fn tab_skips_the_figures_pane_when_it_does_not_fit() {
    let mut app = bundled(80, 14);
    assert!(!reading(&app).areas.figures_shown());
    app.update(Action::FocusNext);
    app.update(Action::FocusNext);
    assert_eq!(reading(&app).focus, Pane::Reports);
}

#[test]
fn figures_pane_follows_the_section_and_the_scope_key() {
    let mut app = bundled(160, 48);
    select_report_named(&mut app, "mianyang");
    let total = reading(&app).report(&app.session).unwrap().figures().len();
    // Walk to a section that has some of the report's figures.
    for _ in 0..40 {
        let n = reading(&app).figures.rows.len();
        if n > 0 && n < total {
            break;
        }
        app.update(Action::Down);
    }
    let r = reading(&app);
    let in_section = r.figures.rows.len();
    assert!(in_section > 0 && in_section < total);
    let report = r.report(&app.session).unwrap();
    let within = report.sections()[r.text.section.unwrap()].blocks.clone();
    for &fi in &r.figures.rows {
        let own = &report.sections()[report.figures()[fi].section].blocks;
        assert!(within.start <= own.start && own.end <= within.end);
    }
    app.update(Action::FiguresScope);
    assert_eq!(reading(&app).figures.rows.len(), total);
    app.update(Action::FiguresScope);
    assert_eq!(reading(&app).figures.rows.len(), in_section);
}

#[test]
fn enter_on_a_figure_marks_its_span_in_the_reader() {
    let mut app = bundled(160, 48);
    select_report_named(&mut app, "yixing");
    app.update(Action::FiguresScope);
    while reading(&app).focus != Pane::Figures {
        app.update(Action::FocusNext);
    }
    for _ in 0..10 {
        app.update(Action::Down);
    }
    let fi = reading(&app).figures.selected().unwrap();
    app.update(Action::Open);
    let r = reading(&app);
    let report = r.report(&app.session).unwrap();
    let f = &report.figures()[fi];
    let mark = r.text.mark.expect("a marked span");
    assert_eq!(marked_text(&app, mark), f.raw);
    assert_eq!(r.text.section, Some(report.blocks()[mark.block].section));
    // The span is on screen, and the figures list kept its place.
    let row = r.text.row_of(mark.block, mark.col).unwrap();
    assert!(r.text.cursor.visible().contains(&row));
    assert_eq!(r.figures.selected(), Some(fi));
    assert!(squeezed(&screen_text(&app)).contains(&squeezed(&f.raw)));
}

#[test]
fn reader_marks_figures_in_the_text() {
    let mut app = bundled(160, 48);
    select_report_named(&mut app, "mianyang");
    while reading(&app).text.figures.is_empty() {
        app.update(Action::Down);
    }
    let buf = buffer(&app);
    let underlined = buf
        .content()
        .iter()
        .filter(|c| c.modifier.contains(ratatui::style::Modifier::UNDERLINED))
        .count();
    assert!(underlined > 0, "figures are underlined in the reader");
}

#[test]
fn search_is_blind_to_script_and_esc_closes_the_field() {
    let mut app = bundled(120, 40);
    select_report_named(&mut app, "zhangjiagang");
    app.update(Action::SearchStart);
    app.update(Action::SearchInput('x'));
    app.update(Action::Back);
    assert!(
        reading(&app).search.editing.is_none(),
        "Esc cancels the field"
    );
    assert!(!app.quit);
    app.update(Action::SearchStart);
    for c in "张家港".chars() {
        app.update(Action::SearchInput(c));
    }
    app.update(Action::SearchConfirm);
    let n = reading(&app).search.hits.len();
    assert!(n >= 2, "Simplified query finds Traditional text");
    let mark = reading(&app).text.mark.expect("current hit marked");
    assert_eq!(marked_text(&app, mark), "張家港");
    assert!(app
        .session
        .message
        .as_deref()
        .unwrap()
        .starts_with("hit 1/"));
    app.update(Action::SearchNext);
    assert_eq!(reading(&app).search.current, Some(1));
    app.update(Action::SearchPrev);
    app.update(Action::SearchPrev);
    assert_eq!(reading(&app).search.current, Some(n - 1));
}

#[test]
fn an_item_row_scrolls_the_reader_to_its_marker() {
    let mut app = bundled(120, 24);
    select_report_named(&mut app, "yixing");
    let rows = &reading(&app).tree.rows;
    let items: Vec<usize> = (0..rows.len())
        .filter(|&i| matches!(rows[i].node, Node::Item(_)))
        .collect();
    for &row in &items {
        select_row(&mut app, row);
        let r = reading(&app);
        let mark = r.text.mark.expect("item marked");
        assert!(marked_text(&app, mark).ends_with('是'), "{row}");
        let at = r.text.row_of(mark.block, mark.col).unwrap();
        assert!(
            r.text.cursor.visible().contains(&at),
            "the marker is on screen"
        );
    }
    assert!(items.len() >= 3);
}

#[test]
fn reader_rows_fit_at_every_width() {
    let mut app = bundled(60, 20);
    select_report_named(&mut app, "changzhou");
    for w in [60u16, 61, 79, 80, 97, 120, 160, 201] {
        app.update(Action::Resize(w, 30));
        let r = reading(&app);
        let inner = super::super::layout::inner_width(r.areas.reader) - 1;
        let report = r.report(&app.session).unwrap();
        for row in &r.text.rows {
            if let Some(b) = row.block {
                let text = &report.block_text(b)[row.bytes.clone()];
                assert!(crate::text::width(text) <= inner, "{w}: {text}");
            }
        }
    }
}

/// Esc on the reading screen at the bottom goes nowhere and never quits.
#[test]
fn esc_at_the_top_level_does_not_quit() {
    let mut app = bundled(120, 40);
    let before = screen_text(&app);
    app.update(Action::Back);
    assert!(!app.quit);
    assert_eq!(app.stack.len(), 1);
    assert_eq!(screen_text(&app), before);
}

/// A paste is one event, however long: the field takes its first
/// characters up to its limit and says the rest was left out; keys typed
/// after it are keys again.
#[test]
fn a_long_paste_fills_the_search_field_once_and_says_it_was_cut() {
    let mut app = bundled(120, 40);
    app.paste("不在搜索框时粘贴的文字");
    assert!(reading(&app).search.editing.is_none());
    app.update(Action::SearchStart);
    let page = "行政复议\n".repeat(2_500);
    app.paste(&page);
    let field = reading(&app).search.editing.clone().unwrap();
    assert_eq!(
        field.chars().count(),
        crate::tui::reading::search::MAX_QUERY
    );
    assert!(!field.contains('\n'));
    assert!(app.session.message.as_deref().unwrap().contains("left out"));
    app.update(Action::Back);
    assert!(reading(&app).search.editing.is_none());
}
