//! The help popup: the lines help's model built from the key table, as
//! far as they are scrolled, with a scroll bar when they do not fit.

use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph};
use ratatui::Frame;

use crate::text;

use super::theme::Theme;
use crate::tui::help::{self, Help, KEY_CELLS};

pub fn draw(h: &Help, theme: Theme, frame: &mut Frame, screen: Rect) {
    let area = h.area;
    let lines: Vec<Line> = h
        .cursor
        .visible()
        .map(|i| match &h.lines[i] {
            help::HelpLine::Heading(t) => Line::styled(t.clone(), theme.heading()),
            help::HelpLine::Key(k, t) => Line::from(vec![
                Span::styled(text::fit(k, KEY_CELLS), theme.key()),
                Span::raw(t.clone()),
            ]),
            help::HelpLine::Note(t) => Line::styled(t.clone(), theme.dim()),
            help::HelpLine::Blank => Line::raw(""),
        })
        .collect();
    // Clear a column either side too: a wide character half under the
    // popup's edge would otherwise draw over its border.
    let margin = Rect::new(
        area.x.saturating_sub(1),
        area.y,
        (area.width + 2).min(screen.width),
        area.height,
    );
    frame.render_widget(Clear, margin);
    let c = &h.cursor;
    let title = if c.len() > c.height() {
        format!(
            "Keys · {}-{} of {} lines",
            c.offset() + 1,
            c.visible().end,
            c.len()
        )
    } else {
        "Keys".to_owned()
    };
    frame.render_widget(
        Paragraph::new(lines).block(super::pane(&title, true, theme, area.width)),
        area,
    );
    super::scrollbar(frame, area, c);
}
