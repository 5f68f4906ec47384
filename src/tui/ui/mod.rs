//! Drawing: every function here only reads the [`App`].

mod compare;
mod corpus;
mod figures;
mod help;
mod reader;
mod reports;
mod status;
pub mod theme;
mod tree;

use ratatui::layout::Alignment;
use ratatui::text::Line;
use ratatui::widgets::{Block, BorderType, Borders, Paragraph, Wrap};
use ratatui::Frame;

use super::app::App;
use super::layout::{MIN_HEIGHT, MIN_WIDTH};
use crate::text;
use theme::Theme;

pub fn draw(app: &App, theme: Theme, frame: &mut Frame) {
    let a = app.areas;
    if a.too_small {
        return too_small(app, frame);
    }
    match (&app.corpus, &app.compare) {
        (Some(c), _) => corpus::draw(app, c, theme, frame, a),
        (None, Some(c)) => compare::draw(app, c, theme, frame, a),
        (None, None) => {
            reports::draw(app, theme, frame, a.reports);
            tree::draw(app, theme, frame, a.tree);
            reader::draw(app, theme, frame, a.reader);
            if app.figures_shown() {
                figures::draw(app, theme, frame, a.figures);
            }
        }
    }
    status::draw(app, theme, frame, a.status);
    if app.show_help {
        help::draw(theme, frame, a.screen, app.focus);
    }
}

fn too_small(app: &App, frame: &mut Frame) {
    let s = app.areas.screen;
    let msg = format!(
        "Terminal too small: {}x{}. lawgov-tui needs at least {MIN_WIDTH}x{MIN_HEIGHT}. Enlarge the window, or press q to quit.",
        s.width, s.height
    );
    let p = Paragraph::new(msg)
        .wrap(Wrap { trim: true })
        .alignment(Alignment::Center);
    frame.render_widget(p, s);
}

/// A bordered pane with a title cut to fit.
fn pane(title: &str, focused: bool, theme: Theme, width: u16) -> Block<'static> {
    let room = (width as usize).saturating_sub(4);
    let title = text::truncate(title, room).into_owned();
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
