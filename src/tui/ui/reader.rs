//! The reader: the selected section's text, wrapped by display width,
//! with search hits and the selected item marked.

use ratatui::layout::{Margin, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Scrollbar, ScrollbarOrientation, ScrollbarState};
use ratatui::Frame;

use crate::report::Hit;
use crate::text;

use super::theme::Theme;
use crate::tui::app::{App, Focus};
use crate::tui::layout::Areas;
use crate::tui::reader::{heading_path, Row};

pub fn draw(app: &App, theme: Theme, frame: &mut Frame, area: Rect) {
    let focused = app.focus == Focus::Reader;
    let Some(report) = app.current() else {
        let block = super::pane("Reader", focused, theme, area.width);
        frame.render_widget(Paragraph::new("No report to show.").block(block), area);
        return;
    };
    let path = heading_path(report, app.section);
    let block = super::pane(&path, focused, theme, area.width);
    let height = Areas::inner_height(area);
    let lines: Vec<Line> = app
        .reader
        .iter()
        .skip(app.reader_scroll)
        .take(height)
        .map(|row| row_line(app, theme, row))
        .collect();
    frame.render_widget(Paragraph::new(lines).block(block), area);
    if app.reader.len() > height {
        let mut state = ScrollbarState::new(app.max_scroll()).position(app.reader_scroll);
        let bar = Scrollbar::new(ScrollbarOrientation::VerticalRight)
            .begin_symbol(None)
            .end_symbol(None);
        frame.render_stateful_widget(
            bar,
            area.inner(Margin {
                vertical: 1,
                horizontal: 0,
            }),
            &mut state,
        );
    }
}

/// One wrapped row, split into spans where the highlighting changes.
fn row_line(app: &App, theme: Theme, row: &Row) -> Line<'static> {
    let (Some(b), Some(report)) = (row.block, app.current()) else {
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
    let hits: Vec<&Hit> = app.search.hits.iter().filter(on_row).collect();
    let figures: Vec<&Hit> = app.reader_figures.iter().filter(on_row).collect();
    let style_at = |col: usize| -> Style {
        let inside = |h: &Hit| (h.col..h.col + h.len).contains(&col);
        if app.mark.is_some_and(|m| m.block == b && inside(&m)) {
            theme.current_hit()
        } else if hits.iter().any(|h| inside(h)) {
            theme.hit()
        } else if figures.iter().any(|h| inside(h)) {
            base.patch(theme.figure())
        } else {
            base
        }
    };
    let mut spans: Vec<Span> = Vec::new();
    let mut run = String::new();
    let mut run_style = None;
    let shown = text.get(row.bytes.clone()).unwrap_or_default();
    for (col, c) in (row.chars.start..).zip(shown.chars().map(text::printable_char)) {
        let style = style_at(col);
        if run_style.is_some_and(|s| s != style) {
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
    Line::from(spans)
}
