//! The corpus view: every loaded report against the main indicators, and
//! a bar chart of the selected indicator across the reports.

use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use ratatui::Frame;

use crate::text;

use super::theme::Theme;
use crate::tui::app::Session;
use crate::tui::corpus::{Corpus, Sort};
use crate::tui::layout::{inner_height, inner_width};

const NAME_CELLS: usize = 16;
const COL_CELLS: usize = 16;

pub fn draw(c: &Corpus, s: &Session, theme: Theme, frame: &mut Frame) {
    draw_table(c, s, theme, frame, c.table);
    draw_chart(c, s, theme, frame, c.chart);
}

/// The first column shown so that the selected one is on screen.
fn first_column(c: &Corpus, fit: usize) -> usize {
    let fit = fit.max(1);
    if c.col < fit {
        0
    } else {
        c.col + 1 - fit
    }
}

fn draw_table(c: &Corpus, s: &Session, theme: Theme, frame: &mut Frame, area: Rect) {
    let title = format!(
        "Corpus · {} reports · {} indicators",
        c.order.len(),
        c.columns.len()
    );
    let block = super::pane(&title, true, theme, area.width);
    let width = inner_width(area);
    let fit = width.saturating_sub(NAME_CELLS) / (COL_CELLS + 1);
    let first = first_column(c, fit);
    let shown = first..(first + fit).min(c.columns.len());
    let mut header = vec![Span::styled(text::fit("report", NAME_CELLS), theme.dim())];
    for i in shown.clone() {
        let col = &c.columns[i];
        let arrow = match c.sort {
            Some((s, Sort::Descending)) if s == i => "▼",
            Some((s, Sort::Ascending)) if s == i => "▲",
            _ => "",
        };
        let style = if i == c.col {
            theme.selected(true)
        } else {
            theme.heading()
        };
        header.push(Span::raw(" "));
        header.push(Span::styled(
            text::fit(&format!("{arrow}{}", col.name), COL_CELLS),
            style,
        ));
    }
    let mut lines = vec![Line::from(header)];
    for pos in c.rows.visible() {
        let r = c.order[pos];
        let selected = pos == c.rows.selected();
        let row_style = if selected {
            theme.selected(true)
        } else {
            Style::new()
        };
        let name = s.library.reports[r].label();
        let mut spans = vec![Span::styled(
            text::fit(&text::printable(&name), NAME_CELLS),
            row_style,
        )];
        for i in shown.clone() {
            let cell = c.cells[r][i].as_ref();
            let shown_text = cell.map_or("—", |x| x.text.as_str());
            let style = match (cell, i == c.col) {
                (None, _) => row_style.patch(theme.dim()),
                (Some(_), true) => row_style.patch(theme.key()),
                (Some(_), false) => row_style,
            };
            spans.push(Span::styled(" ", row_style));
            spans.push(Span::styled(text::fit(shown_text, COL_CELLS), style));
        }
        lines.push(Line::from(spans));
    }
    frame.render_widget(Paragraph::new(lines).block(block), area);
}

fn draw_chart(c: &Corpus, s: &Session, theme: Theme, frame: &mut Frame, area: Rect) {
    let Some(col) = c.columns.get(c.col) else {
        frame.render_widget(
            Paragraph::new("No indicators.").block(super::pane("Chart", false, theme, area.width)),
            area,
        );
        return;
    };
    let title = format!("{} ({}) across reports", col.name, col.unit);
    let block = super::pane(&title, false, theme, area.width);
    let width = inner_width(area);
    let value_cells = 20;
    let bar_cells = width.saturating_sub(NAME_CELLS + value_cells + 2);
    let max = c
        .column_values()
        .filter_map(|(_, v)| v.map(|v| v.value))
        .fold(0.0_f64, f64::max);
    // The chart shows the same rows as the table, as far as it has room.
    let rows = c.rows.visible();
    let lines: Vec<Line> = c
        .column_values()
        .enumerate()
        .skip(rows.start)
        .take(inner_height(area))
        .map(|(pos, (r, cell))| {
            let style = if pos == c.rows.selected() {
                theme.selected(true)
            } else {
                Style::new()
            };
            let name = text::fit(&text::printable(&s.library.reports[r].label()), NAME_CELLS);
            let (bar, value) = match cell {
                Some(x) => (bar(x.value, max, bar_cells), x.text.clone()),
                None => (String::new(), "—".to_owned()),
            };
            Line::from(vec![
                Span::styled(name, style),
                Span::raw(" "),
                Span::styled(text::fit(&bar, bar_cells), theme.key()),
                Span::raw(" "),
                Span::styled(text::fit(&value, value_cells), style),
            ])
        })
        .collect();
    frame.render_widget(Paragraph::new(lines).block(block), area);
}

/// A horizontal bar of `value / max` of `cells`, in eighths of a cell.
pub fn bar(value: f64, max: f64, cells: usize) -> String {
    const EIGHTHS: [char; 8] = [' ', '▏', '▎', '▍', '▌', '▋', '▊', '▉'];
    if max <= 0.0 || !value.is_finite() || value <= 0.0 {
        return String::new();
    }
    let eighths = ((value / max).min(1.0) * cells as f64 * 8.0).round() as usize;
    let mut s = "█".repeat(eighths / 8);
    if !eighths.is_multiple_of(8) {
        s.push(EIGHTHS[eighths % 8]);
    }
    s
}

#[cfg(test)]
mod tests {
    use super::bar;

    #[test]
    fn bars_scale_to_the_largest_value() {
        assert_eq!(bar(10.0, 10.0, 4), "████");
        assert_eq!(bar(5.0, 10.0, 4), "██");
        assert_eq!(bar(1.0, 16.0, 2), "▏");
        assert_eq!(bar(0.0, 10.0, 4), "");
    }
}
