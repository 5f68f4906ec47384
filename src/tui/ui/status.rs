//! The status bar: the search field while it is open, else a message and
//! the keys that work in the focused pane (from the key table).

use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use ratatui::Frame;

use crate::text;

use super::theme::Theme;
use crate::tui::app::App;
use crate::tui::keys;

pub fn draw(app: &App, theme: Theme, frame: &mut Frame, area: Rect) {
    let width = area.width as usize;
    if let Some(field) = &app.search.editing {
        let hint = "  Enter search · Esc cancel";
        let room = width.saturating_sub(text::width(hint) + 2);
        let shown = tail(&text::printable(field), room);
        let line = Line::from(vec![
            Span::styled("/", theme.key()),
            Span::raw(format!("{shown}▏")),
            Span::styled(hint, theme.dim()),
        ]);
        frame.render_widget(Paragraph::new(line), area);
        return;
    }
    let mut spans: Vec<Span> = Vec::new();
    let mut used = 0;
    if let Some(msg) = &app.message {
        let msg = text::truncate(&text::printable(msg), width).into_owned();
        used += text::width(&msg) + 2;
        spans.push(Span::styled(msg, theme.warn()));
        spans.push(Span::raw("  "));
    }
    for b in keys::hints(app.focus) {
        let word = b.hint.unwrap_or_default();
        let cells = text::width(b.label) + 1 + text::width(word) + 2;
        if used + cells > width {
            break;
        }
        used += cells;
        spans.push(Span::styled(b.label, theme.key()));
        spans.push(Span::raw(format!(" {word}  ")));
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}

/// The end of `s` that fits in `cells` (the cursor end of a long field).
fn tail(s: &str, cells: usize) -> String {
    let mut out: Vec<char> = Vec::new();
    let mut used = 0;
    for c in s.chars().rev() {
        let w = text::width(c.encode_utf8(&mut [0; 4]));
        if used + w > cells {
            break;
        }
        used += w;
        out.push(c);
    }
    out.into_iter().rev().collect()
}
