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
    let h = (BINDINGS.len() as u16 + 7).min(screen.height.saturating_sub(2));
    let area = Rect::new((screen.width - w) / 2, (screen.height - h) / 2, w, h);
    let inner = (w as usize).saturating_sub(2);
    // Reading keys first, then the corpus view's, each under its heading.
    let reading = BINDINGS.iter().filter(|b| b.scope != Scope::Corpus);
    let corpus = BINDINGS.iter().filter(|b| b.scope == Scope::Corpus);
    let mut lines: Vec<Line> = Vec::new();
    let mut heading = "";
    for b in reading.chain(corpus) {
        if b.scope.title() != heading {
            heading = b.scope.title();
            if !lines.is_empty() {
                lines.push(Line::raw(""));
            }
            lines.push(Line::styled(heading, theme.heading()));
        }
        let scope = match b.scope {
            Scope::Lists => " (lists)",
            Scope::Reader => " (reader)",
            Scope::Always | Scope::Everywhere | Scope::Corpus => "",
        };
        let desc = format!("{}{scope}", b.help);
        let room = inner.saturating_sub(KEY_CELLS);
        lines.push(Line::from(vec![
            Span::styled(text::fit(b.label, KEY_CELLS), theme.key()),
            Span::raw(text::truncate(&desc, room).into_owned()),
        ]));
    }
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
