//! The help popup, built from the same key table that input uses.

use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph};
use ratatui::Frame;

use crate::text;

use super::theme::Theme;
use crate::tui::keys::{Scope, BINDINGS};

const KEY_CELLS: usize = 12;

pub fn draw(theme: Theme, frame: &mut Frame, screen: Rect) {
    let w = screen.width.saturating_sub(4).min(76);
    let h = (BINDINGS.len() as u16 + 4).min(screen.height.saturating_sub(2));
    let area = Rect::new((screen.width - w) / 2, (screen.height - h) / 2, w, h);
    let inner = (w as usize).saturating_sub(2);
    let mut lines: Vec<Line> = BINDINGS
        .iter()
        .map(|b| {
            let scope = match b.scope {
                Scope::Everywhere => "",
                Scope::Lists => " (lists)",
                Scope::Reader => " (reader)",
            };
            let desc = format!("{}{scope}", b.help);
            let room = inner.saturating_sub(KEY_CELLS);
            Line::from(vec![
                Span::styled(text::fit(b.label, KEY_CELLS), theme.key()),
                Span::raw(text::truncate(&desc, room).into_owned()),
            ])
        })
        .collect();
    lines.push(Line::raw(""));
    lines.push(Line::styled(
        text::truncate(
            "Mouse: wheel scrolls, click selects.  ? / Esc / q close this help.",
            inner,
        )
        .into_owned(),
        theme.dim(),
    ));
    frame.render_widget(Clear, area);
    frame.render_widget(
        Paragraph::new(lines).block(super::pane("Keys", true, theme, w)),
        area,
    );
}
