//! The corpus view: every loaded report against the main indicators, and
//! a bar chart of the selected indicator across the reports.

use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph};
use ratatui::Frame;

use crate::text;

use super::theme::Theme;
use crate::figures::units::same_quantity;
use crate::tui::columns::{Chooser, Group, GROUP_CELLS};
use crate::tui::corpus::{Corpus, CorpusCell, Sort};
use crate::tui::layout::{inner_height, inner_width};

/// The chart's column of names.
const NAME_CELLS: usize = 16;

/// Takes no session: a frame reads what the corpus screen computed when
/// its cells were read (labels, widths, cells), and computes nothing.
pub fn draw(c: &Corpus, theme: Theme, frame: &mut Frame) {
    draw_table(c, theme, frame, c.table);
    draw_chart(c, theme, frame, c.chart);
    if let Some(chooser) = &c.chooser {
        draw_chooser(chooser, theme, frame);
    }
}

/// The column chooser over the table: a header, then a row per
/// indicator the filter keeps, each fitted by display width (names are
/// CJK) to the widths its model set when the screen was sized.
fn draw_chooser(ch: &Chooser, theme: Theme, frame: &mut Frame) {
    let area = ch.area;
    let (name_cells, count_cells) = (ch.name_cells, ch.count_cells);
    let mut lines = vec![Line::styled(
        format!(
            "    {} {} {:>count_cells$}",
            text::fit("indicator", name_cells),
            text::fit("group", GROUP_CELLS),
            "reports"
        ),
        theme.dim(),
    )];
    if ch.visible.is_empty() {
        lines.push(Line::styled("no indicator matches the filter", theme.dim()));
    }
    for pos in ch.cursor.visible() {
        let i = ch.visible[pos];
        let row = &ch.rows[i];
        let style = if pos == ch.cursor.selected() {
            theme.selected(true)
        } else {
            Style::new()
        };
        let group_style = match row.group {
            Group::Main => style.patch(theme.key()),
            Group::Change | Group::Other => style.patch(theme.dim()),
        };
        lines.push(Line::from(vec![
            Span::styled(
                format!(
                    "{} {}",
                    if ch.checked[i] { "[x]" } else { "[ ]" },
                    text::fit(&row.name, name_cells)
                ),
                style,
            ),
            Span::styled(" ", style),
            Span::styled(text::fit(row.group.word(), GROUP_CELLS), group_style),
            Span::styled(format!(" {:>count_cells$}", row.filled), style),
        ]));
    }
    let filter = match (ch.editing, ch.query.is_empty()) {
        (false, true) => String::new(),
        _ => format!(
            " · filter “{}”: {} of {}",
            text::printable(&ch.query),
            ch.visible.len(),
            ch.rows.len()
        ),
    };
    let title = format!(
        "Columns · {} of {} checked{filter} · counts of {} reports",
        ch.count(),
        ch.rows.len(),
        ch.reports
    );
    // Clear a column either side too: a wide character of the table
    // half under the chooser's edge would otherwise draw over its border.
    let margin = Rect::new(
        area.x.saturating_sub(1),
        area.y,
        area.width + 2,
        area.height,
    )
    .intersection(frame.area());
    frame.render_widget(Clear, margin);
    frame.render_widget(
        Paragraph::new(lines).block(super::pane(&title, true, theme, area.width)),
        area,
    );
    super::scrollbar(frame, area, &ch.cursor);
}

/// The columns shown: from the first that keeps the selected one on
/// screen, as many as fit `room` cells.
fn shown_columns(c: &Corpus, widths: &[usize], room: usize) -> std::ops::Range<usize> {
    let fits =
        |from: usize, to: usize| widths[from..=to].iter().map(|w| w + 1).sum::<usize>() <= room;
    let mut first = 0;
    while first < c.col && !fits(first, c.col) {
        first += 1;
    }
    let mut end = first;
    while end < widths.len() && fits(first, end) {
        end += 1;
    }
    first..end.max((first + 1).min(widths.len()))
}

/// Drawn by hand rather than with ratatui's `Table`: `Table` has no
/// horizontal scrolling, and this one shows a window of columns around the
/// selected one (with counts of those off-screen either side) beside a row
/// number and report name that stay, each cell fitted by display width so
/// that CJK text keeps its columns.
fn draw_table(c: &Corpus, theme: Theme, frame: &mut Frame, area: Rect) {
    let width = inner_width(area);
    // Rows are numbered in the order shown; the number and the report's
    // name stay while the columns scroll right.
    let number_cells = c.order.len().max(1).to_string().len();
    let name_cells = c.name_cells;
    let widths = &c.widths;
    // Room for the arrows that say more columns lie either side.
    let shown = shown_columns(
        c,
        widths,
        width.saturating_sub(number_cells + 1 + name_cells + 4),
    );
    let (left, right) = (shown.start, c.columns.len() - shown.end);
    let more = match (left, right) {
        (0, 0) => String::new(),
        _ => format!(
            " · columns {}-{} of {} (←→)",
            shown.start + 1,
            shown.end,
            c.columns.len()
        ),
    };
    let title = format!(
        "Corpus · {} reports{} · {} {}indicator{}{}{more} · * your choice · ✎ typed by hand · e choose",
        c.order.len(),
        match c.order.len() < c.cells.len() {
            true => format!(" of {} (the list's filter)", c.cells.len()),
            false => String::new(),
        },
        c.columns.len(),
        c.which,
        if c.columns.len() == 1 { "" } else { "s" },
        if c.picked.hide_empty {
            " (empty hidden)"
        } else {
            ""
        },
    );
    let block = super::pane(&title, true, theme, area.width);
    let edge = |n: usize, arrow: &str| {
        if n > 0 {
            format!("{arrow}{n}")
        } else {
            String::new()
        }
    };
    let mut header = vec![Span::styled(
        format!(
            "{:>number_cells$} {}",
            "#",
            text::fit(&format!("report {}", edge(left, "◂")), name_cells)
        ),
        theme.dim(),
    )];
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
            text::fit(&format!("{arrow}{}", col.name), widths[i]),
            style,
        ));
    }
    if right > 0 {
        header.push(Span::styled(format!(" {}", edge(right, "▸")), theme.dim()));
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
        let mut spans = vec![Span::styled(
            format!(
                "{:>number_cells$} {}",
                pos + 1,
                text::fit(&c.labels[r], name_cells)
            ),
            row_style,
        )];
        for i in shown.clone() {
            let cell = c.cells[r][i].as_deref();
            let shown_text = cell.map_or_else(|| "—".to_owned(), CorpusCell::shown);
            let style = match (cell, i == c.col, selected) {
                (_, true, true) => theme.cell_cursor(),
                (None, _, _) => row_style.patch(theme.dim()),
                (Some(_), true, false) => row_style.patch(theme.key()),
                (Some(_), false, _) => row_style,
            };
            spans.push(Span::styled(" ", row_style));
            spans.push(Span::styled(text::fit(&shown_text, widths[i]), style));
        }
        lines.push(Line::from(spans));
    }
    frame.render_widget(Paragraph::new(lines).block(block), area);
}

fn draw_chart(c: &Corpus, theme: Theme, frame: &mut Frame, area: Rect) {
    let Some(col) = c.columns.get(c.col) else {
        frame.render_widget(
            Paragraph::new("No indicators.").block(super::pane("Chart", false, theme, area.width)),
            area,
        );
        return;
    };
    let unit = c.chart_unit().unwrap_or_else(|| col.unit.clone());
    let title = format!("{} ({unit}) across reports", col.name);
    let block = super::pane(&title, false, theme, area.width);
    let width = inner_width(area);
    let value_cells = 34.min(width / 3);
    let bar_cells = width.saturating_sub(NAME_CELLS + value_cells + 2);
    // One chart, one unit: a cell in another unit is listed, not drawn.
    let charted = |x: &CorpusCell| same_quantity(&x.unit, &unit);
    let max = c
        .column_values()
        .filter_map(|(_, v)| v.filter(|x| charted(x)).map(|v| v.value))
        .fold(0.0_f64, f64::max);
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
            let name = text::fit(&c.labels[r], NAME_CELLS);
            let (bar, value) = match cell {
                Some(x) if charted(x) => (bar(x.value, max, bar_cells), x.text.clone()),
                Some(x) => (
                    String::new(),
                    format!("{} (in {}, not charted)", x.text, x.unit),
                ),
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
