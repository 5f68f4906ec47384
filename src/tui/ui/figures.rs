//! The figures pane: the figures of the selected section (or of the whole
//! report), each with its value, label and indicator.

use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use ratatui::Frame;

use crate::text;

use super::theme::Theme;
use crate::tui::layout::inner_width;
use crate::tui::reading::{Pane, Reading};
use crate::tui::session::Session;

const VALUE_CELLS: usize = 20;

pub fn draw(r: &Reading, s: &Session, theme: Theme, frame: &mut Frame, area: Rect) {
    let focused = super::focused(r, Pane::Figures);
    let list = &r.figures;
    let scope = if list.all { "whole report" } else { "section" };
    let title = format!("Figures · {scope} · {}", list.rows.len());
    let block = super::pane(&title, focused, theme, area.width);
    let Some(report) = r.report(s) else {
        frame.render_widget(Paragraph::new("").block(block), area);
        return;
    };
    let width = inner_width(area);
    if list.rows.is_empty() {
        let msg = if list.all {
            "This report states no figures."
        } else {
            "No figures in this section. Press a for the whole report's."
        };
        let line = Line::styled(text::truncate(msg, width).into_owned(), theme.dim());
        frame.render_widget(Paragraph::new(line).block(block), area);
        return;
    }
    let catalogue = &s.catalogues.indicators;
    let ind_cells = (width / 4).clamp(8, 18);
    let label_cells = width.saturating_sub(VALUE_CELLS + ind_cells + 2);
    let lines: Vec<Line> = list
        .cursor
        .visible()
        .map(|i| {
            let f = &report.figures()[list.rows[i]];
            let indicator = f
                .indicator
                .as_deref()
                .and_then(|id| catalogue.get(id))
                .map_or(String::new(), |ind| ind.name.clone());
            let style = if i == list.cursor.selected() {
                theme.selected(focused)
            } else {
                Style::new()
            };
            Line::from(vec![
                Span::styled(
                    text::fit(&f.display_value(), VALUE_CELLS),
                    style.patch(theme.key()),
                ),
                Span::styled(" ", style),
                Span::styled(text::fit(&text::printable(&f.label), label_cells), style),
                Span::styled(" ", style),
                Span::styled(text::fit(&indicator, ind_cells), style.patch(theme.dim())),
            ])
        })
        .collect();
    frame.render_widget(Paragraph::new(lines).block(block), area);
}
