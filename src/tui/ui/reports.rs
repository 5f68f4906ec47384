//! The list of reports: place and year, a parts badge, and the files that
//! were skipped.

use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use ratatui::Frame;

use crate::report::{PartStatus, PartsCheck};
use crate::text;

use super::theme::Theme;
use crate::tui::app::{App, Focus};
use crate::tui::layout::Areas;

/// Four parts and the deadline: "●●◐○ ✓".
const BADGE_CELLS: usize = 6;

pub fn draw(app: &App, theme: Theme, frame: &mut Frame, area: Rect) {
    let focused = app.focus == Focus::Reports;
    let n = app.library.reports.len();
    let title = format!("Reports ({n})");
    let block = super::pane(&title, focused, theme, area.width);
    let width = Areas::inner_width(area);
    let height = Areas::inner_height(area);
    let mut lines: Vec<Line> = Vec::new();
    for (i, r) in app
        .library
        .reports
        .iter()
        .enumerate()
        .skip(app.reports_offset)
        .take(height)
    {
        let label_w = width.saturating_sub(BADGE_CELLS + 1);
        // The report marked for comparing carries an "A".
        let name = match app.marked == Some(i) {
            true => format!("A {}", r.label()),
            false => r.label(),
        };
        let label = text::fit(&text::printable(&name), label_w);
        let mut spans = vec![Span::raw(label), Span::raw(" ")];
        spans.extend(badge(&r.parts, theme));
        let mut line = Line::from(spans);
        if i == app.report {
            line = line.style(theme.selected(focused));
        }
        lines.push(line);
    }
    let room = height.saturating_sub(lines.len());
    for s in app.library.skipped.iter().take(room) {
        let msg = format!("✗ {s}");
        lines.push(Line::styled(
            text::truncate(&text::printable(&msg), width).into_owned(),
            theme.error(),
        ));
    }
    if n == 0 && lines.is_empty() {
        lines.push(Line::styled("no reports loaded", theme.dim()));
    }
    frame.render_widget(Paragraph::new(lines).block(block), area);
}

pub fn badge(parts: &PartsCheck, theme: Theme) -> Vec<Span<'static>> {
    let mut spans: Vec<Span> = parts
        .parts
        .named()
        .iter()
        .map(|(_, p)| match p.status {
            PartStatus::Section => Span::styled("●", theme.good()),
            PartStatus::Mention => Span::styled("◐", theme.warn()),
            PartStatus::Absent => Span::styled("○", theme.error()),
        })
        .collect();
    spans.push(Span::raw(" "));
    spans.push(match parts.published_on_time {
        Some(true) => Span::styled("✓", theme.good()),
        Some(false) => Span::styled("✗", theme.error()),
        None => Span::styled("?", theme.dim()),
    });
    spans
}
