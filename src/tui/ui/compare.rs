//! The compare view: a header with both reports, then the paired sections
//! side by side (or one side at a time on a narrow screen), or the table of
//! figures face to face.

use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use ratatui::Frame;

use crate::compare::facing::Stated;
use crate::compare::marks::MarkedLine;
use crate::compare::Mark;
use crate::text;

use super::theme::Theme;
use crate::tui::compare::rows::{CompareView, LineSlice, RowKind, Side};
use crate::tui::compare::Compare;
use crate::tui::layout::inner_width;
use crate::tui::session::Session;

pub fn draw(screen: &Compare, s: &Session, theme: Theme, frame: &mut Frame) {
    let c = &screen.view;
    let b = screen.body;
    let [header, _pane] = Layout::vertical([Constraint::Length(1), Constraint::Fill(1)]).areas(b);
    draw_header(c, s, theme, frame, header);
    let pane = screen.pane();
    if screen.figures {
        draw_figures(screen, theme, frame, pane);
    } else {
        draw_pairs(c, s, theme, frame, pane);
    }
}

/// "A 常州市 2024 ●●●● ✓" and the same for B; the focused side stands out.
fn draw_header(c: &CompareView, s: &Session, theme: Theme, frame: &mut Frame, area: Rect) {
    let half = (area.width as usize) / 2;
    let mut spans = Vec::new();
    for (side, i) in [(Side::A, c.a), (Side::B, c.b)] {
        let Some(r) = s.library.reports.get(i) else {
            continue;
        };
        let style = if side == c.side {
            theme.selected(true)
        } else {
            theme.heading()
        };
        let label = format!(" {} {} ", side.letter(), text::printable(&r.label()));
        let room = half.saturating_sub(8);
        let label = text::truncate(&label, room).into_owned();
        let used = text::width(&label) + 7;
        spans.push(Span::styled(label, style));
        spans.push(Span::raw(" "));
        spans.extend(super::reports::badge(&r.parts, theme));
        spans.push(Span::raw(" ".repeat(half.saturating_sub(used))));
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}

fn pane_title(c: &CompareView) -> String {
    let pairs = &c.comparison.pairs;
    let both = pairs
        .iter()
        .filter(|p| p.a.is_some() && p.b.is_some())
        .count();
    let only_a = pairs.iter().filter(|p| p.b.is_none() && !p.outline).count();
    let only_b = pairs.iter().filter(|p| p.a.is_none() && !p.outline).count();
    let how = if c.comparison.share >= crate::compare::marks::CLOSE_SHARE {
        "character diff"
    } else {
        "shared phrases"
    };
    let side = if c.two_columns {
        String::new()
    } else {
        format!(
            " ({} side, Tab: {})",
            c.side.letter(),
            c.side.other().letter()
        )
    };
    let cut = if c.comparison.degraded.any() {
        " · cut short for time"
    } else {
        ""
    };
    // A heading whose text is all in its subsections heads the rows
    // below it: it is no pair, and the counts add up without it.
    let at = match c.ordinal(c.pair) {
        Some(k) => format!("pair {k}/{}", c.pair_count()),
        None => "a heading".to_owned(),
    };
    format!(
        "Compare{side} · {at} · {both} paired, {only_a} only in A, {only_b} only in B · {how} ({:.0}% of text shared){cut}",
        c.comparison.share * 100.0
    )
}

/// What the marks mean, in the marks' own styles: the key along the
/// pane's bottom border.
fn legend(c: &CompareView, theme: Theme) -> Line<'static> {
    let diff = c.comparison.share >= crate::compare::marks::CLOSE_SHARE;
    let mut spans = vec![Span::raw(" ")];
    if diff {
        spans.push(Span::styled("only in A", theme.only(true)));
        spans.push(Span::raw(" · "));
        spans.push(Span::styled("only in B", theme.only(false)));
        spans.push(Span::raw(" · unmarked: both say it "));
    } else {
        spans.push(Span::styled("both say it", theme.shared()));
        spans.push(Span::raw(" (not the genre's stock phrases) · "));
        spans.push(Span::styled("key term only A uses", theme.only(true)));
        spans.push(Span::raw(" · "));
        spans.push(Span::styled("only B uses", theme.only(false)));
        spans.push(Span::raw(" "));
    }
    Line::from(spans)
}

fn draw_pairs(c: &CompareView, s: &Session, theme: Theme, frame: &mut Frame, area: Rect) {
    let block = super::pane(&pane_title(c), true, theme, area.width).title_bottom(legend(c, theme));
    let w = c.column_width;
    let topics = &s.catalogues.topics;
    let mut lines = Vec::new();
    for row in c.rows.iter().skip(c.scroll).take(c.height) {
        let pair = &c.comparison.pairs[row.pair];
        let selected = row.pair == c.pair;
        let line = match &row.kind {
            RowKind::Band(part) => {
                let name = format!("━━ {} ", part.name());
                let fill = inner_width(area).saturating_sub(text::width(&name));
                Line::styled(format!("{name}{}", "━".repeat(fill)), theme.heading())
            }
            RowKind::Header => {
                let topic = pair
                    .topic
                    .and_then(|t| topics.topics.get(t))
                    .map_or("no topic", |t| t.name.as_str());
                let how = pair.summary();
                let number = c
                    .ordinal(row.pair)
                    .map_or_else(|| "§".to_owned(), |k| format!("{k}."));
                let text = format!(
                    "{} {number} {topic} · {how}",
                    if selected { "▶" } else { " " }
                );
                let style = if selected {
                    theme.selected(true)
                } else {
                    theme.dim()
                };
                Line::styled(text::fit(&text, inner_width(area)), style)
            }
            RowKind::Text { a, b } | RowKind::Alone { a, b } => {
                let alone = matches!(row.kind, RowKind::Alone { .. });
                let cell = |side: Side, cell: &Option<LineSlice>| -> Vec<Span<'static>> {
                    let k = usize::from(side == Side::B);
                    match cell {
                        Some(cell) => {
                            let heading = pair.titled[k] && cell.line == 0;
                            let l = &c.lines[row.pair][k][cell.line];
                            marked(l, cell, w, side, heading, theme)
                        }
                        None if alone => {
                            let msg = format!("— only in {} —", side.other().letter());
                            vec![Span::styled(text::fit(&msg, w), theme.dim())]
                        }
                        None => vec![Span::raw(" ".repeat(w))],
                    }
                };
                let mut spans = Vec::new();
                if c.two_columns {
                    spans.extend(cell(Side::A, a));
                    spans.push(Span::styled(" │ ", theme.dim()));
                    spans.extend(cell(Side::B, b));
                } else {
                    let shown = if c.side == Side::A { a } else { b };
                    spans.extend(cell(c.side, shown));
                }
                Line::from(spans)
            }
            RowKind::Blank => Line::raw(""),
        };
        lines.push(line);
    }
    frame.render_widget(Paragraph::new(lines).block(block), area);
}

/// A cell of text with its marks styled, padded to `w` cells.
fn marked(
    line: &MarkedLine,
    cell: &LineSlice,
    w: usize,
    side: Side,
    heading: bool,
    theme: Theme,
) -> Vec<Span<'static>> {
    let chars: Vec<char> = line.text[cell.bytes.clone()].chars().collect();
    let base = if heading {
        theme.heading()
    } else {
        Style::new()
    };
    let style_of = |m: Mark| match m {
        Mark::Same => base,
        Mark::Shared => base.patch(theme.shared()),
        Mark::Only => base.patch(theme.only(side == Side::A)),
    };
    let mut spans = Vec::new();
    let (first, end) = (cell.chars.start, cell.chars.end);
    let mut at = first;
    let mut push = |from: usize, to: usize, style: Style| {
        if from < to {
            spans.push(Span::styled(
                chars[from - first..to - first].iter().collect::<String>(),
                style,
            ));
        }
    };
    // The line's marks are sorted and disjoint: skip to the row's.
    let from = line.marks.partition_point(|(r, _)| r.end <= first);
    for (r, m) in line.marks[from..].iter().take_while(|(r, _)| r.start < end) {
        let (s, e) = (r.start.max(at), r.end.min(end));
        if s >= e {
            continue;
        }
        push(at, s, base);
        push(s, e, style_of(*m));
        at = e;
    }
    push(at, end, base);
    let used: usize = spans.iter().map(|s| text::width(&s.content)).sum();
    spans.push(Span::raw(" ".repeat(w.saturating_sub(used))));
    spans
}

const FIGURE_HEADERS: [&str; 4] = ["indicator", "A", "B", "B − A"];
/// Widths of the columns: an indicator's name at most, a value at most,
/// and the narrowest a name may become to leave B − A whole.
const NAME_CELLS: usize = 22;
const VALUE_CELLS: usize = 22;
const MIN_NAME_CELLS: usize = 6;

fn draw_figures(screen: &Compare, theme: Theme, frame: &mut Frame, area: Rect) {
    let c = &screen.view;
    let figures = &c.comparison.figures;
    let title = format!(
        "Figures face to face · {} indicators · Enter reads side {} · f: back to the text",
        figures.len(),
        c.side.letter()
    );
    let block = super::pane(&title, true, theme, area.width);
    let width = inner_width(area);
    let value = |s: &Option<Stated>| {
        s.as_ref().map_or_else(
            || "—".to_owned(),
            |s| match s.chosen {
                true => format!("{}*", s.shown),
                false => s.shown.clone(),
            },
        )
    };
    // B − A is never cut: its column is as wide as its widest value, and
    // the indicator's name gives way first.
    let widest = |get: &dyn Fn(&crate::compare::Facing) -> String, header: &str| {
        figures
            .iter()
            .map(|f| text::width(&get(f)))
            .chain([text::width(header)])
            .max()
            .unwrap_or(1)
    };
    let a_w = widest(&|f| value(&f.a), "A").min(VALUE_CELLS);
    let b_w = widest(&|f| value(&f.b), "B").min(VALUE_CELLS);
    let diff_w = widest(
        &|f| {
            f.difference
                .as_ref()
                .map_or_else(String::new, |d| d.shown.clone())
        },
        "B − A",
    );
    let name_w = width
        .saturating_sub(a_w + b_w + diff_w + 3)
        .clamp(MIN_NAME_CELLS, NAME_CELLS);
    let widths = [name_w, a_w, b_w, diff_w];
    let row = |values: [String; 4]| -> String {
        let cells: Vec<String> = values
            .iter()
            .zip(widths)
            .map(|(v, w)| text::fit(v, w))
            .collect();
        text::truncate(cells.join(" ").trim_end(), width).into_owned()
    };
    let mut lines = vec![Line::styled(
        row(FIGURE_HEADERS.map(str::to_owned)),
        theme.heading(),
    )];
    for i in screen.figure_rows.visible() {
        let f = &figures[i];
        let values = [
            text::printable(&f.name).into_owned(),
            value(&f.a),
            value(&f.b),
            f.difference
                .as_ref()
                .map_or_else(String::new, |d| d.shown.clone()),
        ];
        let style = if i == screen.figure_rows.selected() {
            theme.selected(true)
        } else {
            Style::new()
        };
        lines.push(Line::styled(row(values), style));
    }
    if figures.is_empty() {
        lines.push(Line::styled(
            "neither report states a catalogued indicator",
            theme.dim(),
        ));
    }
    frame.render_widget(Paragraph::new(lines).block(block), area);
}
