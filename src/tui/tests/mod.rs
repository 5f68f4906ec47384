//! TUI state transitions and rendering, without a terminal: each screen
//! driven by actions, drawn into a test buffer.

mod columns;
mod compare;
mod corpus;
mod finder;
mod keys;
mod list;
mod loading;
mod reading;
mod reuse;
mod years;

use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::Terminal;

use crate::catalogues::Catalogues;
use crate::corpus::Library;
use crate::report::Hit;

use super::action::Action;
use super::app::App;
use super::compare::Compare;
use super::corpus::Corpus;
use super::reading::Reading;
use super::stack::Screen;
use super::ui::{self, theme::Theme};

const PLAIN: Theme = Theme { color: false };
const COLOUR: Theme = Theme { color: true };

fn bundled(w: u16, h: u16) -> App {
    App::new(Library::bundled(), Catalogues::builtin().clone(), w, h)
}

fn render(app: &App, theme: Theme) -> Terminal<TestBackend> {
    let a = app.screen;
    let mut t = Terminal::new(TestBackend::new(a.width, a.height)).expect("test terminal");
    t.draw(|f| ui::draw(app, theme, f)).expect("draw");
    t
}

fn buffer(app: &App) -> Buffer {
    render(app, COLOUR).backend().buffer().clone()
}

fn screen_text(app: &App) -> String {
    let t = render(app, PLAIN);
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

fn reading(app: &App) -> &Reading {
    app.reading().expect("the reading screen is on top")
}

fn corpus(app: &App) -> &Corpus {
    match app.top() {
        Screen::Corpus(c) => c,
        _ => panic!("the corpus screen is on top"),
    }
}

fn compare(app: &App) -> &Compare {
    match app.top() {
        Screen::Compare(c) => c,
        _ => panic!("the compare screen is on top"),
    }
}

fn compare_mut(app: &mut App) -> &mut Compare {
    match app.stack.last_mut() {
        Some(Screen::Compare(c)) => c,
        _ => panic!("the compare screen is on top"),
    }
}

/// The text of the shown report under a highlighted span.
fn marked_text(app: &App, span: Hit) -> String {
    let report = reading(app).report(&app.session).unwrap();
    report
        .block_text(span.block)
        .chars()
        .skip(span.col)
        .take(span.len)
        .collect()
}

fn report_named(app: &App, stem: &str) -> usize {
    app.session
        .library
        .reports
        .iter()
        .position(|r| r.file.contains(stem))
        .expect("report")
}

fn select_report_named(app: &mut App, stem: &str) {
    let i = report_named(app, stem);
    let App { stack, session, .. } = app;
    match stack.last_mut() {
        Some(Screen::Reading(r)) => r.select_report(session, i),
        _ => panic!("the reading screen is on top"),
    }
}

fn select_row(app: &mut App, i: usize) {
    let App { stack, session, .. } = app;
    match stack.last_mut() {
        Some(Screen::Reading(r)) => r.select_row(session, i),
        _ => panic!("the reading screen is on top"),
    }
}

/// Marks one report as A and compares it with another.
fn open_compare(app: &mut App, a: &str, b: &str) {
    // What is checked here must not depend on the machine's speed.
    app.session.compare_budget = std::time::Duration::from_secs(60);
    select_report_named(app, a);
    app.update(Action::Mark);
    select_report_named(app, b);
    app.update(Action::Compare);
    assert!(
        matches!(app.top(), Screen::Compare(_)),
        "{:?}",
        app.session.message
    );
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

#[test]
fn snapshot_compare_100x30() {
    let mut app = bundled(100, 30);
    open_compare(&mut app, "changzhou", "zhangjiagang");
    insta::assert_snapshot!(screen_text(&app));
}

#[test]
fn snapshot_compare_200x50() {
    let mut app = bundled(200, 50);
    open_compare(&mut app, "yixing", "mianyang");
    app.update(Action::Down);
    insta::assert_snapshot!(screen_text(&app));
}

#[test]
fn too_small_terminal_says_so_and_huge_ones_are_capped() {
    let mut app = bundled(120, 40);
    app.update(Action::Resize(40, 10));
    assert!(screen_text(&app).contains("too small"));
    app.update(Action::Resize(120, 40));
    assert!(!app.too_small);
    app.update(Action::Resize(9999, 9999));
    let s = app.screen;
    assert!(s.width <= super::layout::MAX_WIDTH && s.height <= super::layout::MAX_HEIGHT);
    app.update(Action::Quit);
    assert!(app.quit, "q still quits");
}

#[test]
fn no_color_means_no_colours() {
    let app = bundled(100, 30);
    let t = render(&app, PLAIN);
    for cell in t.backend().buffer().content() {
        assert_eq!(
            (cell.fg, cell.bg),
            (ratatui::style::Color::Reset, ratatui::style::Color::Reset)
        );
    }
    assert!(buffer(&app)
        .content()
        .iter()
        .any(|c| c.fg != ratatui::style::Color::Reset));
}

#[test]
fn escape_sequences_never_reach_the_screen() {
    use crate::report::TextEncoding;
    let evil = "一、标题\u{1b}]0;pwned\u{7}\n正文\u{1b}[2J\u{1b}[31m红色\u{9b}31m文字,这是一段足够长的正文,用来确认不会被当成网页框架。\n";
    let report = crate::report::Report::parse("evil.txt", evil.into(), TextEncoding::Utf8);
    let lib = Library {
        reports: vec![report],
        skipped: vec![],
    };
    let mut app = App::new(lib, Catalogues::builtin().clone(), 100, 30);
    app.update(Action::Down);
    let screen = screen_text(&app);
    assert!(
        !screen.chars().any(|c| c.is_control() && c != '\n'),
        "{screen:?}"
    );
    // The reader's title, from the heading, shows the escape as the text
    // does.
    assert!(screen.lines().next().unwrap().contains('␛'), "{screen}");
}

#[test]
fn skipped_files_are_listed() {
    let mut lib = Library::bundled();
    lib.skipped.push(crate::Skipped {
        file: "bad.png".into(),
        reason: crate::report::LoadError::Binary("NUL bytes").into(),
    });
    let app = App::new(lib, Catalogues::builtin().clone(), 120, 40);
    assert!(screen_text(&app).contains("bad.png"));
    assert!(app
        .session
        .message
        .as_deref()
        .unwrap()
        .contains("skipped 1"));
}
