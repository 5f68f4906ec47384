//! The candidates screen: the figures that could fill a table cell, the
//! current one marked, and the selected one's sentence below with the
//! figure highlighted.

use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use ratatui::Frame;

use crate::text;

use super::theme::Theme;
use crate::tui::candidates::{Candidate, Candidates};
use crate::tui::layout::inner_width;
use crate::tui::session::Session;

const VALUE_CELLS: usize = 18;

pub fn draw(c: &Candidates, s: &Session, theme: Theme, frame: &mut Frame) {
    let report = &s.library.reports[c.report];
    let name = s
        .catalogues
        .indicators
        .get(&c.indicator)
        .map_or(c.indicator.as_str(), |i| i.name.as_str());
    let now = match (c.current, c.chosen) {
        (Some(f), true) => format!("now {} (your choice)", report.figures()[f].raw),
        (Some(f), false) => format!("now {} (the rule's)", report.figures()[f].raw),
        (None, true) => "now empty (your choice)".to_owned(),
        (None, false) => "now empty".to_owned(),
    };
    let title = format!("Choose the figure of {name} · {} · {now}", report.label());
    let block = super::pane(&title, true, theme, c.list.width);
    let width = inner_width(c.list);
    let lines: Vec<Line> = c
        .cursor
        .visible()
        .map(|i| {
            let row = c.rows[i];
            let style = if i == c.cursor.selected() {
                theme.selected(true)
            } else {
                Style::new()
            };
            let is_current = match row {
                Candidate::Figure(f) => c.current == Some(f),
                Candidate::Empty => c.current.is_none() && c.chosen,
                Candidate::Rule | Candidate::ByHand => false,
            };
            let mark = if is_current { "● " } else { "  " };
            let text = match row {
                Candidate::Figure(f) => {
                    let fig = &report.figures()[f];
                    let read = if fig.indicator.as_deref() == Some(c.indicator.as_str()) {
                        ""
                    } else {
                        "  (not read as this indicator)"
                    };
                    format!(
                        "{}{}  {}{read}",
                        text::fit(&fig.display_value(), VALUE_CELLS),
                        text::printable(&fig.label),
                        text::printable(&report.heading_label(fig.section)),
                    )
                }
                Candidate::Empty => "No figure: leave this cell empty".to_owned(),
                Candidate::Rule => "The rule's figure: forget my choice".to_owned(),
                Candidate::ByHand => {
                    "✎ Type the value by hand, with a note (the text states it in a form not read)"
                        .to_owned()
                }
            };
            Line::styled(text::fit(&format!("{mark}{text}"), width), style)
        })
        .collect();
    frame.render_widget(Paragraph::new(lines).block(block), c.list);
    draw_sentence(c, s, theme, frame, c.sentence);
}

/// The selected figure's sentence, the figure highlighted.
fn draw_sentence(c: &Candidates, s: &Session, theme: Theme, frame: &mut Frame, area: Rect) {
    let report = &s.library.reports[c.report];
    if let Some(field) = &c.editing {
        let block = super::pane("Value by hand", true, theme, area.width);
        let unit = s
            .catalogues
            .indicators
            .get(&c.indicator)
            .map(|i| {
                let mut units = vec![i.unit.clone()];
                units.extend(i.units.iter().filter(|u| **u != i.unit).cloned());
                units.join(" ")
            })
            .unwrap_or_default();
        let lines = vec![
            Line::styled(
                format!("a number, a unit ({unit}; else the first), then your note · Enter keeps · Esc cancels"),
                theme.dim(),
            ),
            Line::raw(format!("✎ {}▏", text::printable(field))),
        ];
        frame.render_widget(Paragraph::new(lines).block(block), area);
        return;
    }
    let block = super::pane("Sentence", false, theme, area.width);
    let lines = match c.selected() {
        Some(Candidate::Figure(f)) => {
            let fig = &report.figures()[f];
            let chars: Vec<char> = text::printable(report.line(fig.line)).chars().collect();
            let sentence = report.sentence_at(fig.line, fig.col);
            let said: String = chars[sentence.clone()].iter().collect();
            let at =
                fig.col - sentence.start..(fig.col + fig.len).min(sentence.end) - sentence.start;
            marked_rows(&said, at, inner_width(area), theme.current_hit())
        }
        Some(Candidate::Empty) => vec![Line::styled(
            "The cell will show no figure for this report.",
            theme.dim(),
        )],
        Some(Candidate::ByHand) => vec![Line::styled(
            "Enter, then type the value as the text states it, a unit and a note: \
             the cell shows it marked ✎, in the table and every export.",
            theme.dim(),
        )],
        Some(Candidate::Rule) | None => vec![Line::styled(
            "The cell will show the figure the rule picks.",
            theme.dim(),
        )],
    };
    frame.render_widget(Paragraph::new(lines).block(block), area);
}

/// Text wrapped to `width` cells as the reader wraps it (a number keeps its
/// unit), the chars `mark` in `style`.
fn marked_rows(
    said: &str,
    mark: std::ops::Range<usize>,
    width: usize,
    style: Style,
) -> Vec<Line<'static>> {
    text::wrap(said, width)
        .into_iter()
        .map(|row| {
            let chars: Vec<char> = said[row.bytes.clone()].chars().collect();
            let cut = |at: usize| at.clamp(row.chars.start, row.chars.end) - row.chars.start;
            let (a, b) = (cut(mark.start), cut(mark.end));
            let part = |r: std::ops::Range<usize>| chars[r].iter().collect::<String>();
            Line::from(vec![
                Span::raw(part(0..a)),
                Span::styled(part(a..b), style),
                Span::raw(part(b..chars.len())),
            ])
        })
        .collect()
}
