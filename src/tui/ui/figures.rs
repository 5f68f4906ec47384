//! The figures pane: the figures of the selected section (or of the whole
//! report), each with its value, label and indicator.

use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use ratatui::Frame;

use crate::figures::indicators;
use crate::text;

use super::theme::Theme;
use crate::tui::app::{App, Focus};
use crate::tui::layout::Areas;

const VALUE_CELLS: usize = 20;

pub fn draw(app: &App, theme: Theme, frame: &mut Frame, area: Rect) {
    let focused = app.focus == Focus::Figures;
    let scope = if app.figures_all {
        "whole report"
    } else {
        "section"
    };
    let title = format!("Figures · {scope} · {}", app.figure_rows.len());
    let block = super::pane(&title, focused, theme, area.width);
    let Some(report) = app.current() else {
        frame.render_widget(Paragraph::new("").block(block), area);
        return;
    };
    let width = Areas::inner_width(area);
    if app.figure_rows.is_empty() {
        let msg = if app.figures_all {
            "This report states no figures."
        } else {
            "No figures in this section. Press a for the whole report's."
        };
        let line = Line::styled(text::truncate(msg, width).into_owned(), theme.dim());
        frame.render_widget(Paragraph::new(line).block(block), area);
        return;
    }
    let catalogue = &indicators::global().0;
    let ind_cells = (width / 4).clamp(8, 18);
    let label_cells = width.saturating_sub(VALUE_CELLS + ind_cells + 2);
    let lines: Vec<Line> = app
        .figure_rows
        .iter()
        .enumerate()
        .skip(app.figures_offset)
        .take(Areas::inner_height(area))
        .map(|(i, &fi)| {
            let f = &report.figures[fi];
            let indicator = f
                .indicator
                .as_deref()
                .and_then(|id| catalogue.get(id))
                .map_or(String::new(), |ind| ind.name.clone());
            let style = if i == app.figures_selected {
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
