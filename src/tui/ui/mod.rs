//! Drawing: every function here only reads the [`App`] and what its
//! screens hold.

mod candidates;
mod compare;
mod corpus;
mod figures;
mod finder;
mod followup;
mod help;
mod reader;
mod reports;
mod reuse;
mod status;
pub mod theme;
mod tree;
mod years;

use ratatui::layout::{Alignment, Margin, Rect};
use ratatui::text::Line;
use ratatui::widgets::{
    Block, BorderType, Borders, Paragraph, Scrollbar, ScrollbarOrientation, ScrollbarState, Wrap,
};
use ratatui::Frame;

use super::app::App;
use super::layout::{MIN_HEIGHT, MIN_WIDTH};
use super::list::Cursor;
use super::reading::{Pane, Reading};
use super::session::Session;
use super::stack::Screen;
use crate::text;
use theme::Theme;

pub fn draw(app: &App, theme: Theme, frame: &mut Frame) {
    if app.too_small {
        return too_small(app, frame);
    }
    let s = &app.session;
    match app.top() {
        Screen::Reading(r) => draw_reading(r, s, theme, frame),
        Screen::Corpus(c) => corpus::draw(c, theme, frame),
        Screen::Compare(c) => compare::draw(c, s, theme, frame),
        Screen::Candidates(c) => candidates::draw(c, s, theme, frame),
        Screen::Years(y) => years::draw(y, s, theme, frame),
        Screen::Followup(f) => followup::draw(f, s, theme, frame),
        Screen::ReuseList(l) => reuse::draw_list(l, theme, frame),
        Screen::SharedFacing(f) => reuse::draw_facing(f, s, theme, frame),
        Screen::Finder(f) => finder::draw(f, s, theme, frame),
    }
    status::draw(app, theme, frame);
    if let Some(h) = &app.help {
        help::draw(h, theme, frame, app.screen);
    }
}

fn draw_reading(r: &Reading, s: &Session, theme: Theme, frame: &mut Frame) {
    let a = r.areas;
    reports::draw(r, s, theme, frame, a.reports);
    tree::draw(r, s, theme, frame, a.tree);
    reader::draw(r, s, theme, frame, a.reader);
    if a.figures_shown() {
        figures::draw(r, s, theme, frame, a.figures);
    }
}

/// Whether a pane of the reading screen has the keys.
/// A row of text from char column `start`, its control characters shown
/// as symbols, each char styled by `style_at` its column, chars of one
/// style in one span.
fn styled_run(
    shown: &str,
    start: usize,
    style_at: impl Fn(usize) -> ratatui::style::Style,
) -> ratatui::text::Line<'static> {
    use ratatui::text::Span;
    let mut spans: Vec<Span> = Vec::new();
    let (mut run, mut run_style) = (String::new(), None);
    for (col, c) in (start..).zip(shown.chars().map(crate::text::printable_char)) {
        let style = style_at(col);
        if run_style.is_some_and(|x| x != style) {
            spans.push(Span::styled(
                std::mem::take(&mut run),
                run_style.unwrap_or_default(),
            ));
        }
        run_style = Some(style);
        run.push(c);
    }
    if !run.is_empty() {
        spans.push(Span::styled(run, run_style.unwrap_or_default()));
    }
    ratatui::text::Line::from(spans)
}

fn focused(r: &Reading, pane: Pane) -> bool {
    r.focus == pane
}

fn too_small(app: &App, frame: &mut Frame) {
    let s = app.screen;
    let msg = format!(
        "Terminal too small: {}x{}. lawgov-tui needs at least {MIN_WIDTH}x{MIN_HEIGHT}. Enlarge the window, or press q to quit.",
        s.width, s.height
    );
    let p = Paragraph::new(msg)
        .wrap(Wrap { trim: true })
        .alignment(Alignment::Center);
    frame.render_widget(p, s);
}

/// A bordered pane with a title cut to fit; text from files in the title
/// shows its control characters as symbols, as the text does.
fn pane(title: &str, focused: bool, theme: Theme, width: u16) -> Block<'static> {
    let room = (width as usize).saturating_sub(4);
    let title = text::truncate(&text::printable(title), room).into_owned();
    Block::default()
        .borders(Borders::ALL)
        .border_type(if focused {
            BorderType::Thick
        } else {
            BorderType::Plain
        })
        .border_style(theme.border(focused))
        .title(Line::from(format!(" {title} ")))
}

/// A scroll bar down the right border of a bordered pane, when its text
/// does not fit.
fn scrollbar(frame: &mut Frame, area: Rect, cursor: &Cursor) {
    if cursor.len() <= cursor.height() {
        return;
    }
    let mut state = ScrollbarState::new(cursor.max_offset()).position(cursor.offset());
    let bar = Scrollbar::new(ScrollbarOrientation::VerticalRight)
        .begin_symbol(None)
        .end_symbol(None);
    let inside = area.inner(Margin {
        vertical: 1,
        horizontal: 0,
    });
    frame.render_stateful_widget(bar, inside, &mut state);
}
