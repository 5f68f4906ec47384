//! The follow-up screen: the plans, commitments under their paragraph
//! (reported ✓, not found ✗, unchecked ?), the selected one with the
//! passages that report on it, and the shortcomings written again.

use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use ratatui::Frame;

use crate::followup::{Promise, PromiseKind, Status};
use crate::text;

use super::theme::Theme;
use crate::tui::followup::{FollowupSide, FollowupView, PlanRow};
use crate::tui::layout::{inner_height, inner_width};
use crate::tui::session::Session;

pub fn draw(f: &FollowupView, s: &Session, theme: Theme, frame: &mut Frame) {
    draw_plans(f, s, theme, frame, f.left);
    draw_evidence(f, s, theme, frame, f.right);
    draw_shortcomings(f, s, theme, frame, f.bottom);
}

fn mark(status: Status, theme: Theme) -> (&'static str, Style) {
    match status {
        Status::Reported => ("✓ ", theme.good()),
        Status::NotFound => ("✗ ", theme.error()),
        Status::Unchecked => ("? ", theme.dim()),
    }
}

fn draw_plans(f: &FollowupView, s: &Session, theme: Theme, frame: &mut Frame, area: Rect) {
    let a = &s.library.reports[f.a];
    let (k, n) = f.result.reported();
    let mut title = format!("Plans of {} · {k}/{n} reported", a.label());
    if f.result.unchecked > 0 {
        title.push_str(&format!(" · {} unchecked (time limit)", f.result.unchecked));
    }
    let focused = f.side == FollowupSide::Plans;
    let block = super::pane(&title, focused, theme, area.width);
    let width = inner_width(area);
    let mut lines: Vec<Line> = f
        .plans
        .visible()
        .map(|i| {
            let base = if i == f.plans.selected() {
                theme.selected(focused)
            } else {
                Style::new()
            };
            match f.rows[i] {
                PlanRow::Paragraph(p) => paragraph_row(f, p, width, theme, base),
                PlanRow::Promise(p) => promise_row(&f.result.promises[p], width, theme, base),
            }
        })
        .collect();
    if lines.is_empty() {
        lines.push(Line::styled(
            format!("{} states no plans for the next year.", a.label()),
            theme.dim(),
        ));
    }
    frame.render_widget(Paragraph::new(lines).block(block), area);
    super::scrollbar(frame, area, &f.plans);
}

/// A paragraph's heading: its title (or its opening) and how many of its
/// promises are reported.
fn paragraph_row(
    f: &FollowupView,
    p: usize,
    width: usize,
    theme: Theme,
    base: Style,
) -> Line<'static> {
    let para = &f.result.paragraphs[p];
    let (k, n) = f.reported_in(p);
    let count = format!(" {k}/{n}");
    let title = para.title.as_deref().unwrap_or(para.at.text.as_str());
    let room = width.saturating_sub(text::width(&count) + 2);
    Line::from(vec![
        Span::styled("¶ ", theme.dim().patch(base)),
        Span::styled(
            text::fit(&text::printable(&text::one_line(title)), room),
            theme.heading().patch(base),
        ),
        Span::styled(count, theme.dim().patch(base)),
    ])
}

/// A promise, indented under its paragraph, with its status.
fn promise_row(p: &Promise, width: usize, theme: Theme, base: Style) -> Line<'static> {
    let (mark, style) = mark(p.status, theme);
    let target = if p.kind == PromiseKind::Target {
        "◎ "
    } else {
        ""
    };
    let room = width.saturating_sub(4 + text::width(target));
    Line::from(vec![
        Span::styled("  ", base),
        Span::styled(mark, style.patch(base)),
        Span::styled(target, theme.dim().patch(base)),
        Span::styled(
            text::fit(&text::printable(&text::one_line(&p.plan.text)), room),
            base,
        ),
    ])
}

/// Text wrapped to `width` cells, in `style`.
fn wrapped(said: &str, width: usize, style: Style) -> Vec<Line<'static>> {
    said.lines()
        .flat_map(|line| {
            let line = text::printable(line);
            text::wrap(&line, width)
                .into_iter()
                .map(|row| Line::styled(line[row.bytes].to_owned(), style))
                .collect::<Vec<_>>()
        })
        .collect()
}

fn draw_evidence(f: &FollowupView, s: &Session, theme: Theme, frame: &mut Frame, area: Rect) {
    let b = &s.library.reports[f.b];
    let focused = f.side == FollowupSide::Evidence;
    let block = super::pane(&format!("In {}", b.label()), focused, theme, area.width);
    let width = inner_width(area);
    let mut lines = Vec::new();
    if let Some(note) = &f.note {
        lines.extend(wrapped(&format!("Note: {note}."), width, theme.warn()));
    }
    match (f.row(), f.selected()) {
        (Some(PlanRow::Paragraph(p)), _) => paragraph_lines(f, s, p, width, theme, &mut lines),
        (_, Some(p)) => promise_lines(f, s, p, width, theme, &mut lines),
        _ => {}
    }
    lines.truncate(inner_height(area));
    frame.render_widget(Paragraph::new(lines).block(block), area);
}

fn paragraph_lines(
    f: &FollowupView,
    s: &Session,
    p: usize,
    width: usize,
    theme: Theme,
    lines: &mut Vec<Line>,
) {
    let a = &s.library.reports[f.a];
    let para = &f.result.paragraphs[p];
    let (k, n) = f.reported_in(p);
    lines.push(Line::styled(
        format!(
            "Paragraph, line {}: {k} of {n} reported",
            a.file_line(para.at.line)
        ),
        theme.heading(),
    ));
    lines.extend(wrapped(&para.at.text, width, theme.dim()));
}

fn promise_lines(
    f: &FollowupView,
    s: &Session,
    p: &Promise,
    width: usize,
    theme: Theme,
    lines: &mut Vec<Line>,
) {
    let (a, b_report) = (&s.library.reports[f.a], &s.library.reports[f.b]);
    let b = b_report.label();
    let kind = match p.kind {
        PromiseKind::Commitment => "Commitment",
        PromiseKind::Target => "Target",
    };
    lines.push(Line::styled(
        format!("{kind}, line {}:", a.file_line(p.plan.line)),
        theme.heading(),
    ));
    lines.extend(wrapped(&p.plan.text, width, theme.dim()));
    if let Some(st) = &p.stated {
        lines.push(Line::styled(
            format!(
                "set {} · stated {} · {}",
                st.set,
                st.stated,
                st.outcome.name()
            ),
            theme.good(),
        ));
    }
    lines.push(Line::raw(""));
    let focused = f.side == FollowupSide::Evidence;
    match p.status {
        Status::Unchecked => lines.push(Line::styled(
            "Unchecked: the time allowed ran out first.",
            theme.dim(),
        )),
        Status::NotFound if p.evidence.is_empty() => lines.push(Line::styled(
            format!("Not found: nothing in {b}'s review is alike."),
            theme.error(),
        )),
        Status::NotFound => lines.push(Line::styled(
            format!("Not found: {b}'s review says nothing close enough; the nearest:"),
            theme.error(),
        )),
        Status::Reported => {}
    }
    for (i, e) in p.evidence.iter().enumerate() {
        let chosen = focused && i == f.evidence;
        let head = format!(
            "{} line {} · alike {:.2}",
            if chosen { "▶" } else { " " },
            b_report.file_line(e.passage.line),
            e.score
        );
        lines.push(Line::styled(head, theme.heading()));
        let style = if chosen {
            theme.selected(true)
        } else {
            Style::new()
        };
        lines.extend(wrapped(&e.passage.text, width, style));
    }
}

fn draw_shortcomings(f: &FollowupView, s: &Session, theme: Theme, frame: &mut Frame, area: Rect) {
    let (a, b) = (&s.library.reports[f.a], &s.library.reports[f.b]);
    let sc = &f.result.shortcomings;
    let title = match sc.found {
        [true, true] => format!(
            "Shortcomings · {:.0}% of {}'s written again from {}",
            sc.share * 100.0,
            b.label(),
            a.label()
        ),
        [_, false] => format!("Shortcomings · {} states none", b.label()),
        [false, true] => format!("Shortcomings · {} states none to repeat", a.label()),
    };
    let block = super::pane(&title, false, theme, area.width);
    let width = inner_width(area);
    let mut lines: Vec<Line> = sc
        .repeated
        .iter()
        .map(|r| {
            let at = format!(
                "line {} = line {} · ",
                b.file_line(r.b.line),
                a.file_line(r.a.line)
            );
            let room = width.saturating_sub(text::width(&at));
            Line::from(vec![
                Span::styled(at, theme.dim()),
                Span::raw(text::fit(&text::printable(&r.b.text), room)),
            ])
        })
        .collect();
    if lines.is_empty() && sc.found == [true, true] {
        lines.push(Line::styled("No sentence is written again.", theme.dim()));
    }
    frame.render_widget(Paragraph::new(lines).block(block), area);
}
