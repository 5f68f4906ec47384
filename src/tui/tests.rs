//! TUI state transitions and rendering, without a terminal.

use ratatui::backend::TestBackend;
use ratatui::style::Color;
use ratatui::Terminal;

use crate::report::{Hit, TextEncoding};
use crate::{Library, Report};

use super::action::Action;
use super::app::{App, Focus};
use super::compare::{RowKind, Side};
use super::keys::BINDINGS;
use super::tree::Node;
use super::ui::{self, theme::Theme};

const PLAIN: Theme = Theme { color: false };

fn bundled(w: u16, h: u16) -> App {
    App::new(Library::bundled(), w, h)
}

fn render(app: &App, theme: Theme) -> Terminal<TestBackend> {
    let a = app.areas.screen;
    let mut t = Terminal::new(TestBackend::new(a.width, a.height)).expect("test terminal");
    t.draw(|f| ui::draw(app, theme, f)).expect("draw");
    t
}

fn screen_text(t: &Terminal<TestBackend>) -> String {
    let buf = t.backend().buffer();
    let mut out = String::new();
    for y in 0..buf.area.height {
        for x in 0..buf.area.width {
            out.push_str(buf[(x, y)].symbol());
        }
        out.push('\n');
    }
    out
}

/// Screen text without spaces: a wide char's second cell reads as a space.
fn squeezed(screen: &str) -> String {
    screen.chars().filter(|&c| c != ' ').collect()
}

/// The text of the report under a highlighted span.
fn marked_text(app: &App, span: Hit) -> String {
    let report = app.current().unwrap();
    report
        .block_text(span.block)
        .chars()
        .skip(span.col)
        .take(span.len)
        .collect()
}

fn select_report_named(app: &mut App, stem: &str) {
    let i = app
        .library
        .reports
        .iter()
        .position(|r| r.file.contains(stem))
        .expect("report");
    app.select_report(i);
}

#[test]
fn down_moves_the_tree_and_the_reader_follows() {
    let mut app = bundled(160, 48);
    assert_eq!(app.focus, Focus::Tree);
    app.update(Action::Down);
    app.update(Action::Down);
    let report = app.current().unwrap();
    let node = app.tree[app.tree_selected].node;
    let Node::Section(s) = node else {
        panic!("expected a section")
    };
    assert_eq!(app.section, s);
    let first = app.reader.first().and_then(|r| r.block).unwrap();
    assert_eq!(report.blocks[first].section, s);
    app.update(Action::Open);
    assert_eq!(app.focus, Focus::Reader);
}

#[test]
fn left_collapses_and_right_expands() {
    let mut app = bundled(160, 48);
    app.update(Action::Down); // 一、 with children
    let before = app.tree.len();
    app.update(Action::Left);
    assert!(app.tree.len() < before);
    assert!(!app.tree[app.tree_selected].expanded);
    app.update(Action::Right);
    assert_eq!(app.tree.len(), before);
    app.update(Action::Right);
    assert_eq!(app.focus, Focus::Reader);
    app.update(Action::Left);
    assert_eq!(app.focus, Focus::Tree);
}

#[test]
fn tab_cycles_focus_and_reports_switch() {
    let mut app = bundled(120, 40);
    app.update(Action::FocusNext);
    assert_eq!(app.focus, Focus::Reader);
    app.update(Action::FocusNext);
    assert_eq!(app.focus, Focus::Figures);
    app.update(Action::FocusNext);
    assert_eq!(app.focus, Focus::Reports);
    app.update(Action::Down);
    assert_eq!(app.report, 1);
    assert_eq!(app.tree_selected, 0);
    app.update(Action::FocusPrev);
    assert_eq!(app.focus, Focus::Figures);
}

#[test]
fn tab_skips_the_figures_pane_when_it_does_not_fit() {
    let mut app = bundled(80, 14);
    assert!(!app.figures_shown());
    app.update(Action::FocusNext);
    app.update(Action::FocusNext);
    assert_eq!(app.focus, Focus::Reports);
}

#[test]
fn figures_pane_follows_the_section_and_the_scope_key() {
    let mut app = bundled(160, 48);
    select_report_named(&mut app, "mianyang");
    let report = app.current().unwrap();
    let total = report.figures.len();
    // Walk to a section that has some of the report's figures.
    for _ in 0..40 {
        if !app.figure_rows.is_empty() && app.figure_rows.len() < total {
            break;
        }
        app.update(Action::Down);
    }
    let in_section = app.figure_rows.len();
    assert!(in_section > 0 && in_section < total);
    let section = app.section;
    let report = app.current().unwrap();
    let within = report.sections[section].blocks.clone();
    for &fi in &app.figure_rows {
        let own = &report.sections[report.figures[fi].section].blocks;
        assert!(within.start <= own.start && own.end <= within.end);
    }
    app.update(Action::FiguresScope);
    assert_eq!(app.figure_rows.len(), total);
    app.update(Action::FiguresScope);
    assert_eq!(app.figure_rows.len(), in_section);
}

#[test]
fn enter_on_a_figure_marks_its_span_in_the_reader() {
    let mut app = bundled(160, 48);
    select_report_named(&mut app, "yixing");
    app.update(Action::FiguresScope);
    app.focus = Focus::Figures;
    for _ in 0..10 {
        app.update(Action::Down);
    }
    let fi = app.figure_rows[app.figures_selected];
    app.update(Action::Open);
    let report = app.current().unwrap();
    let f = &report.figures[fi];
    let mark = app.mark.expect("a marked span");
    assert_eq!(marked_text(&app, mark), f.raw);
    assert_eq!(app.section, report.blocks[mark.block].section);
    // The span is on screen, and the figures list kept its place.
    let row = super::reader::row_of(&app.reader, mark.block, mark.col).unwrap();
    let height = app.areas.reader.height as usize - 2;
    assert!(row >= app.reader_scroll && row < app.reader_scroll + height);
    assert_eq!(app.figure_rows[app.figures_selected], fi);
    let screen = screen_text(&render(&app, PLAIN));
    assert!(
        squeezed(&screen).contains(&squeezed(&f.raw)),
        "the reader shows {}",
        f.raw
    );
}

#[test]
fn reader_marks_figures_in_the_text() {
    let mut app = bundled(160, 48);
    select_report_named(&mut app, "mianyang");
    while app.reader_figures.is_empty() {
        app.update(Action::Down);
    }
    let t = render(&app, Theme { color: true });
    let buf = t.backend().buffer();
    let underlined = (0..buf.area.height)
        .flat_map(|y| (0..buf.area.width).map(move |x| (x, y)))
        .filter(|&(x, y)| {
            buf[(x, y)]
                .modifier
                .contains(ratatui::style::Modifier::UNDERLINED)
        })
        .count();
    assert!(underlined > 0, "figures are underlined in the reader");
}

#[test]
fn corpus_view_sorts_and_opens_a_report() {
    let mut app = bundled(160, 48);
    app.update(Action::Corpus);
    assert_eq!(app.focus, Focus::Corpus);
    let c = app.corpus.as_ref().unwrap();
    assert_eq!(c.order.len(), app.library.reports.len());
    let col = c
        .columns
        .iter()
        .position(|col| col.id == "leader_court_rate")
        .expect("a main indicator");
    for _ in 0..col {
        app.update(Action::Right);
    }
    app.update(Action::Sort);
    let c = app.corpus.as_ref().unwrap();
    let values: Vec<Option<f64>> = c.column_values().map(|(_, v)| v.map(|v| v.value)).collect();
    let known: Vec<f64> = values.iter().flatten().copied().collect();
    assert!(known.len() >= 3, "{values:?}");
    assert!(
        known.windows(2).all(|w| w[0] >= w[1]),
        "largest first: {values:?}"
    );
    assert!(
        values
            .iter()
            .skip_while(|v| v.is_some())
            .all(|v| v.is_none()),
        "missing last"
    );
    let screen = screen_text(&render(&app, PLAIN));
    assert!(squeezed(&screen).contains("负责人出庭应诉"), "{screen}");
    assert!(screen.contains('█'), "a bar chart");
    app.update(Action::Sort);
    let c = app.corpus.as_ref().unwrap();
    let known: Vec<f64> = c
        .column_values()
        .filter_map(|(_, v)| v.map(|v| v.value))
        .collect();
    assert!(known.windows(2).all(|w| w[0] <= w[1]), "smallest first");
    app.update(Action::Down);
    let c = app.corpus.as_ref().unwrap();
    let chosen = c.order[c.row];
    app.update(Action::Open);
    assert!(app.corpus.is_none());
    assert_eq!(app.report, chosen);
    app.update(Action::Corpus);
    app.update(Action::Corpus);
    assert!(app.corpus.is_none(), "c closes the view");
}

#[test]
fn search_is_blind_to_script() {
    let mut app = bundled(120, 40);
    select_report_named(&mut app, "zhangjiagang");
    app.update(Action::SearchStart);
    for c in "张家港".chars() {
        app.update(Action::SearchInput(c));
    }
    app.update(Action::SearchConfirm);
    let n = app.search.hits.len();
    assert!(n >= 2, "Simplified query finds Traditional text");
    let mark = app.mark.expect("current hit marked");
    let text = marked_text(&app, mark);
    assert_eq!(text, "張家港");
    assert!(app.message.as_deref().unwrap().starts_with("hit 1/"));
    app.update(Action::SearchNext);
    assert_eq!(app.search.current, Some(1));
    app.update(Action::SearchPrev);
    app.update(Action::SearchPrev);
    assert_eq!(app.search.current, Some(n - 1));
}

#[test]
fn item_selection_marks_its_marker() {
    let mut app = bundled(120, 40);
    select_report_named(&mut app, "yixing");
    let row = app
        .tree
        .iter()
        .position(|r| matches!(r.node, Node::Item(_)))
        .unwrap();
    app.select_tree(row);
    let mark = app.mark.expect("item marked");
    let text = marked_text(&app, mark);
    assert_eq!(text, "一是");
}

/// Help lists every key of the screen it is opened on.
fn help_shows(app: &mut App, focus: Focus) {
    app.update(Action::Help);
    let screen = screen_text(&render(app, PLAIN));
    for b in BINDINGS.iter().filter(|b| b.scope.applies(focus)) {
        assert!(
            screen.contains(b.label),
            "{focus:?}: help shows {}",
            b.label
        );
        assert!(
            screen.contains(b.help.chars().take(20).collect::<String>().as_str()),
            "{focus:?}: {}",
            b.help
        );
    }
    app.update(Action::Help);
}

#[test]
fn help_lists_every_binding_and_closes() {
    let mut app = bundled(120, 40);
    for focus in [Focus::Tree, Focus::Reader, Focus::Reports] {
        app.focus = focus;
        help_shows(&mut app, focus);
    }
    app.update(Action::Corpus);
    help_shows(&mut app, Focus::Corpus);
    app.update(Action::Corpus);
    open_compare(&mut app, "changzhou", "zhangjiagang");
    help_shows(&mut app, Focus::Compare);
    app.update(Action::Compare);
    app.update(Action::Help);
    app.update(Action::Down);
    assert!(app.show_help, "keys do not leak through help");
    app.update(Action::Quit);
    assert!(!app.show_help && !app.quit);
}

/// Marks one report as A and compares it with another.
fn open_compare(app: &mut App, a: &str, b: &str) {
    // What is checked here must not depend on the machine's speed.
    app.compare_budget = std::time::Duration::from_secs(60);
    app.focus = Focus::Reports;
    select_report_named(app, a);
    app.update(Action::Mark);
    select_report_named(app, b);
    app.update(Action::Compare);
    assert_eq!(app.focus, Focus::Compare, "{:?}", app.message);
}

#[test]
fn compare_needs_a_marked_report_and_another_one() {
    let mut app = bundled(120, 40);
    app.update(Action::Compare);
    assert!(app.compare.is_none());
    assert!(app.message.as_deref().unwrap_or("").contains("press m"));
    app.update(Action::Mark);
    app.update(Action::Compare);
    assert!(
        app.compare.is_none(),
        "a report is not compared with itself"
    );
    app.update(Action::Mark);
    assert_eq!(app.marked, None, "m again unmarks");
}

#[test]
fn compare_view_steps_pair_by_pair_with_both_sides_on_one_row() {
    let mut app = bundled(200, 50);
    open_compare(&mut app, "changzhou", "zhangjiagang");
    let c = app.compare.as_ref().unwrap();
    assert!(c.two_columns);
    let a_name = &app.library.reports[c.a].file;
    assert!(a_name.contains("changzhou"), "the marked report is A");
    for step in 1..4 {
        app.update(Action::Down);
        let c = app.compare.as_ref().unwrap();
        assert_eq!(c.pair, step);
        assert_eq!(
            c.scroll,
            c.starts[step].min(c.max_scroll()),
            "the pair's first row is at the top"
        );
        let screen = screen_text(&render(&app, PLAIN));
        assert!(screen.contains(&format!("▶ {}.", step + 1)), "{screen}");
    }
    app.update(Action::Up);
    assert_eq!(app.compare.as_ref().unwrap().pair, 2);
    // Each pair's two sections begin on its header's next row.
    let c = app.compare.as_mut().unwrap();
    c.lay_all();
    for (i, p) in c.comparison.pairs.iter().enumerate() {
        let first = &c.rows[c.starts[i] + 1];
        let (super::compare::RowKind::Text { a, b } | super::compare::RowKind::Alone { a, b }) =
            &first.kind
        else {
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
    let c = app.compare.as_mut().unwrap();
    let pairs = c.comparison.pairs.len();
    assert!(
        c.starts.len() < pairs,
        "opening lays out the first screen, not all {pairs} pairs"
    );
    assert!(c.rows.len() >= c.height, "but a full screen of rows");
    // Page down to the end: every pair gets laid out on the way, each
    // side's rows being its lines wrapped whole, the longer side setting
    // the pair's height.
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
        assert_eq!(rows.len(), 2 + text_rows.max(1), "pair {i}");
    }
    // End from a fresh view selects the last pair.
    app.update(Action::Top);
    app.update(Action::Bottom);
    assert_eq!(app.compare.as_ref().unwrap().pair, pairs - 1);
}

#[test]
fn compare_view_at_80_columns_shows_one_side_and_tab_switches() {
    let mut app = bundled(80, 24);
    open_compare(&mut app, "yixing", "mianyang");
    let c = app.compare.as_ref().unwrap();
    assert!(!c.two_columns);
    let screen = squeezed(&screen_text(&render(&app, PLAIN)));
    assert!(screen.contains("Compare(Aside"), "{screen}");
    app.update(Action::FocusNext);
    let screen = squeezed(&screen_text(&render(&app, PLAIN)));
    assert!(screen.contains("Compare(Bside"), "{screen}");
    // Every wrapped cell fits its column by display width.
    let c = app.compare.as_mut().unwrap();
    c.lay_all();
    for row in &c.rows {
        let (super::compare::RowKind::Text { a, b } | super::compare::RowKind::Alone { a, b }) =
            &row.kind
        else {
            continue;
        };
        for (k, cell) in [(0, a), (1, b)] {
            if let Some(cell) = cell {
                let line = &c.lines[row.pair][k][cell.line];
                let text: String = line
                    .text
                    .chars()
                    .skip(cell.chars.start)
                    .take(cell.chars.len())
                    .collect();
                assert!(crate::text::width(&text) <= c.column_width, "{text}");
            }
        }
    }
}

#[test]
fn compare_view_figures_table_and_enter_reads_a_side() {
    let mut app = bundled(160, 48);
    open_compare(&mut app, "yixing", "mianyang");
    app.update(Action::FiguresScope);
    let screen = squeezed(&screen_text(&render(&app, PLAIN)));
    assert!(
        screen.contains("Figuresfacetoface") && screen.contains("行政复议收案数"),
        "{screen}"
    );
    app.update(Action::FiguresScope);
    app.update(Action::Down);
    app.update(Action::FocusNext);
    let c = app.compare.as_ref().unwrap();
    let (report, section) = c.focused_section().unwrap();
    app.update(Action::Open);
    assert_eq!(app.focus, Focus::Reader);
    assert_eq!((app.report, app.section), (report, section));
    assert!(app.compare.is_none());
}

#[test]
fn snapshot_compare_100x30() {
    let mut app = bundled(100, 30);
    open_compare(&mut app, "changzhou", "zhangjiagang");
    insta::assert_snapshot!(screen_text(&render(&app, PLAIN)));
}

#[test]
fn snapshot_compare_200x50() {
    let mut app = bundled(200, 50);
    open_compare(&mut app, "yixing", "mianyang");
    app.update(Action::Down);
    insta::assert_snapshot!(screen_text(&render(&app, PLAIN)));
}

#[test]
fn too_small_terminal_says_so() {
    let mut app = bundled(120, 40);
    app.update(Action::Resize(40, 10));
    let screen = screen_text(&render(&app, PLAIN));
    assert!(screen.contains("too small"), "{screen}");
    app.update(Action::Resize(120, 40));
    assert!(!app.areas.too_small);
}

#[test]
fn reader_rows_fit_at_every_width() {
    let mut app = bundled(60, 20);
    select_report_named(&mut app, "changzhou");
    for w in [60u16, 61, 79, 80, 97, 120, 160, 201] {
        app.update(Action::Resize(w, 30));
        let inner = super::layout::Areas::inner_width(app.areas.reader) - 1;
        let report = app.current().unwrap();
        for row in &app.reader {
            if let Some(b) = row.block {
                let text: String = report
                    .block_text(b)
                    .chars()
                    .skip(row.chars.start)
                    .take(row.chars.len())
                    .collect();
                assert!(crate::text::width(&text) <= inner, "{w}: {text}");
            }
        }
    }
}

#[test]
fn no_color_means_no_colours() {
    let app = bundled(100, 30);
    let t = render(&app, PLAIN);
    for cell in t.backend().buffer().content() {
        assert_eq!((cell.fg, cell.bg), (Color::Reset, Color::Reset));
    }
    let coloured = render(&app, Theme { color: true });
    assert!(coloured
        .backend()
        .buffer()
        .content()
        .iter()
        .any(|c| c.fg != Color::Reset));
}

#[test]
fn escape_sequences_never_reach_the_screen() {
    let evil = "一、标题\u{1b}]0;pwned\u{7}\n正文\u{1b}[2J\u{1b}[31m红色\u{9b}31m文字,这是一段足够长的正文,用来确认不会被当成网页框架。\n";
    let report = Report::parse("evil.txt", evil.into(), TextEncoding::Utf8);
    let lib = Library {
        reports: vec![report],
        skipped: vec![],
    };
    let mut app = App::new(lib, 100, 30);
    app.update(Action::Down);
    let screen = screen_text(&render(&app, PLAIN));
    assert!(
        !screen.chars().any(|c| c.is_control() && c != '\n'),
        "{screen:?}"
    );
    assert!(screen.contains('␛'));
}

#[test]
fn skipped_files_are_listed() {
    let mut lib = Library::bundled();
    lib.skipped.push(crate::Skipped {
        file: "bad.png".into(),
        reason: "binary file".into(),
    });
    let app = App::new(lib, 120, 40);
    let screen = screen_text(&render(&app, PLAIN));
    assert!(screen.contains("bad.png"));
    assert!(app.message.as_deref().unwrap().contains("skipped 1"));
}

#[test]
fn snapshot_80x24() {
    let app = bundled(80, 24);
    insta::assert_snapshot!(render(&app, PLAIN).backend());
}

#[test]
fn snapshot_160x48_section_open() {
    let mut app = bundled(160, 48);
    select_report_named(&mut app, "hongze");
    for _ in 0..3 {
        app.update(Action::Down);
    }
    app.update(Action::Open);
    insta::assert_snapshot!(render(&app, PLAIN).backend());
}
