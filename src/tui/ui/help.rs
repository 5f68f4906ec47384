//! The help popup, built from the same key table that input uses.

use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph};
use ratatui::Frame;

use crate::text;

use super::theme::Theme;
use crate::tui::app::Focus;
use crate::tui::keys::{Scope, BINDINGS};

const KEY_CELLS: usize = 12;

/// The keys of the screen the user is on: the reading panes, the corpus
/// view or the compare view, under that screen's heading.
pub fn draw(theme: Theme, frame: &mut Frame, screen: Rect, focus: Focus) {
    let shown: Vec<_> = BINDINGS
        .iter()
        .filter(|b| match focus {
            Focus::Corpus | Focus::Compare => b.scope.applies(focus),
            _ => b.scope.title() == Scope::Reader.title(),
        })
        .collect();
    let w = screen.width.saturating_sub(4).min(76);
    let h = (shown.len() as u16 + 6).min(screen.height.saturating_sub(2));
    let area = Rect::new((screen.width - w) / 2, (screen.height - h) / 2, w, h);
    let inner = (w as usize).saturating_sub(2);
    let screen_title = match focus {
        Focus::Corpus => Scope::Corpus.title(),
        Focus::Compare => Scope::Compare.title(),
        _ => Scope::Reader.title(),
    };
    let mut lines: Vec<Line> = Vec::new();
    let mut heading = "";
    for b in shown {
        let title = match b.scope {
            Scope::Always => screen_title,
            s => s.title(),
        };
        if title != heading {
            heading = title;
            if !lines.is_empty() {
                lines.push(Line::raw(""));
            }
            lines.push(Line::styled(heading, theme.heading()));
        }
        let scope = match b.scope {
            Scope::Lists => " (lists)",
            Scope::Reader => " (reader)",
            Scope::Always | Scope::Everywhere | Scope::Corpus | Scope::Compare => "",
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
    // Clear a column either side too: a wide character half under the
    // popup's edge would otherwise draw over its border.
    let margin = Rect::new(
        area.x.saturating_sub(1),
        area.y,
        (area.width + 2).min(screen.width),
        area.height,
    );
    frame.render_widget(Clear, margin);
    frame.render_widget(
        Paragraph::new(lines).block(super::pane("Keys", true, theme, w)),
        area,
    );
}
