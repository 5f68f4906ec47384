//! The reader: the selected section's text, wrapped by display width,
//! with search hits, figures and the highlighted span marked.

use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::Paragraph;
use ratatui::Frame;

use crate::report::{Hit, Report};

use super::theme::Theme;
use crate::tui::reading::text::WrappedRow;
use crate::tui::reading::{Pane, Reading};
use crate::tui::session::Session;

pub fn draw(r: &Reading, s: &Session, theme: Theme, frame: &mut Frame, area: Rect) {
    let focused = super::focused(r, Pane::Reader);
    let (Some(report), Some(section)) = (r.report(s), r.text.section) else {
        let block = super::pane("Reader", focused, theme, area.width);
        frame.render_widget(Paragraph::new("No report to show.").block(block), area);
        return;
    };
    let block = super::pane(&report.heading_path(section), focused, theme, area.width);
    let cursor = &r.text.cursor;
    let lines: Vec<Line> = cursor
        .visible()
        .map(|i| row_line(r, report, theme, &r.text.rows[i]))
        .collect();
    frame.render_widget(Paragraph::new(lines).block(block), area);
    super::scrollbar(frame, area, cursor);
}

/// One wrapped row, split into spans where the highlighting changes.
fn row_line(r: &Reading, report: &Report, theme: Theme, row: &WrappedRow) -> Line<'static> {
    let Some(b) = row.block else {
        return Line::raw("");
    };
    let text = report.block_text(b);
    let base = if row.heading {
        theme.heading()
    } else {
        Style::new()
    };
    // Only what touches this row: a long block can hold thousands.
    let on_row =
        |h: &&Hit| h.block == b && h.col < row.chars.end && h.col + h.len > row.chars.start;
    let hits: Vec<&Hit> = r.search.hits.iter().filter(on_row).collect();
    let figures: Vec<&Hit> = r.text.figures.iter().filter(on_row).collect();
    let reused: Vec<&Hit> = r.text.reused.iter().filter(on_row).collect();
    let mark = r.text.mark;
    let style_at = |col: usize| -> Style {
        let inside = |h: &Hit| (h.col..h.col + h.len).contains(&col);
        if mark.is_some_and(|m| m.block == b && inside(&m)) {
            theme.current_hit()
        } else if hits.iter().any(|h| inside(h)) {
            theme.hit()
        } else if figures.iter().any(|h| inside(h)) {
            base.patch(theme.figure())
        } else if reused.iter().any(|h| inside(h)) {
            base.patch(theme.reused())
        } else {
            base
        }
    };
    let shown = text.get(row.bytes.clone()).unwrap_or_default();
    super::styled_run(shown, row.chars.start, style_at)
}
