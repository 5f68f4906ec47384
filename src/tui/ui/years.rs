//! The years screen: one row per indicator, one column per year (the
//! table cell, and the change from the year before), a line of bars.

use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use ratatui::Frame;

use crate::corpus::years::signed;
use crate::text;

use super::theme::Theme;
use crate::tui::layout::inner_width;
use crate::tui::session::Session;
use crate::tui::years::Years;

const NAME_CELLS: usize = 20;
const MIN_COL: usize = 10;
const MAX_COL: usize = 24;
const BARS: [char; 8] = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];

pub fn draw(y: &Years, s: &Session, theme: Theme, frame: &mut Frame) {
    let reports = &s.library.reports;
    // A year with more files than the one read says how many: `e` reads
    // the next.
    let years: Vec<String> = y
        .years
        .iter()
        .map(|year| match year.reports.len() {
            1 => year.name(),
            n => format!("{} ({n} files)", year.name()),
        })
        .collect();
    let several = y.years.iter().any(|year| year.reports.len() > 1);
    let title = format!(
        "Years · {} · {} · {}{}",
        text::printable(&y.name),
        years.join(", "),
        match y.reports.len() {
            1 => "one year: open its other years to see them side by side".to_owned(),
            n => format!("{n} years · f: a year's plans against the next"),
        },
        if several {
            " · e: another file of the year"
        } else {
            ""
        }
    );
    let block = super::pane(&title, true, theme, y.area.width);
    let width = inner_width(y.area);
    let cells: Vec<Vec<String>> = y
        .rows
        .iter()
        .map(|row| {
            row.cells
                .iter()
                .enumerate()
                .map(|(k, cell)| match cell {
                    None => "—".to_owned(),
                    Some(f) => {
                        let fig = &reports[y.reports[k]].figures()[*f];
                        match row.changes[k] {
                            Some(c) => format!("{} {}", fig.display_value(), signed(c)),
                            None => fig.display_value(),
                        }
                    }
                })
                .collect()
        })
        .collect();
    let col_w = cells
        .iter()
        .flatten()
        .map(|c| text::width(c))
        .chain(years.iter().map(|c| text::width(c)))
        .max()
        .unwrap_or(MIN_COL)
        .clamp(MIN_COL, MAX_COL);
    let spark_w = y.reports.len().max(1);
    let room = width.saturating_sub(NAME_CELLS + spark_w + 2);
    let fit = (room / (col_w + 1)).max(1);
    let first = y
        .col
        .saturating_sub(fit - 1)
        .min(y.reports.len().saturating_sub(fit));
    let shown = first..(first + fit).min(y.reports.len());
    let mut lines = vec![header(&years, shown.clone(), col_w, theme)];
    for i in y.cursor.visible() {
        let row = &y.rows[i];
        let name = s
            .catalogues
            .indicators
            .get(&row.indicator)
            .map_or(row.indicator.as_str(), |ind| ind.name.as_str());
        let selected = i == y.cursor.selected();
        let base = if selected {
            theme.selected(true)
        } else {
            Style::new()
        };
        let mut spans = vec![Span::styled(text::fit(name, NAME_CELLS), base)];
        for k in shown.clone() {
            let style = if selected && k == y.col {
                theme.cell_cursor()
            } else {
                base
            };
            spans.push(Span::styled(" ", base));
            spans.push(Span::styled(text::fit(&cells[i][k], col_w), style));
        }
        spans.push(Span::styled(" ", base));
        spans.push(Span::styled(sparkline(y, s, i), base));
        lines.push(Line::from(spans));
    }
    if y.rows.is_empty() {
        lines.push(Line::styled(
            "No indicator of the catalogue is stated in these reports.",
            theme.dim(),
        ));
    }
    frame.render_widget(Paragraph::new(lines).block(block), y.area);
}

fn header(
    years: &[String],
    shown: std::ops::Range<usize>,
    col_w: usize,
    theme: Theme,
) -> Line<'static> {
    let mut h = text::fit("indicator", NAME_CELLS);
    for k in shown {
        h.push(' ');
        h.push_str(&text::fit(&years[k], col_w));
    }
    h.push_str(" trend");
    Line::styled(h, theme.heading())
}

/// A bar per year, as high as the year's value among the row's (values
/// in one unit only; a year without one is a space).
fn sparkline(y: &Years, s: &Session, i: usize) -> String {
    let row = &y.rows[i];
    let figures: Vec<Option<&crate::figures::Figure>> = row
        .cells
        .iter()
        .enumerate()
        .map(|(k, c)| c.map(|f| &s.library.reports[y.reports[k]].figures()[f]))
        .collect();
    let unit = figures.iter().flatten().next().map(|f| f.unit);
    let values: Vec<Option<f64>> = figures
        .iter()
        .map(|f| {
            f.filter(|f| Some(&f.unit) == unit.as_ref())
                .map(|f| f.value.to_f64())
        })
        .collect();
    let (lo, hi) = values
        .iter()
        .flatten()
        .fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), &v| {
            (lo.min(v), hi.max(v))
        });
    values
        .iter()
        .map(|v| match v {
            None => ' ',
            Some(_) if hi <= lo => BARS[BARS.len() / 2],
            Some(v) => BARS[(((v - lo) / (hi - lo)) * (BARS.len() - 1) as f64).round() as usize],
        })
        .collect()
}
