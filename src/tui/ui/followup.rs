//! The follow-up screen: the plans (reported ✓ or not found ✗), the
//! selected plan with the passages that report on it, and the
//! shortcomings written again.

use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use ratatui::Frame;

use crate::followup::Status;
use crate::text;

use super::theme::Theme;
use crate::tui::followup::{FollowupView, Side};
use crate::tui::layout::{inner_height, inner_width};
use crate::tui::session::Session;

pub fn draw(f: &FollowupView, s: &Session, theme: Theme, frame: &mut Frame) {
    draw_plans(f, s, theme, frame, f.left);
    draw_evidence(f, s, theme, frame, f.right);
    draw_shortcomings(f, s, theme, frame, f.bottom);
}

fn draw_plans(f: &FollowupView, s: &Session, theme: Theme, frame: &mut Frame, area: Rect) {
    let a = &s.library.reports[f.a];
    let (k, n) = f.result.reported();
    let title = format!("Plans of {} · {k}/{n} reported", a.label());
    let focused = f.side == Side::Plans;
    let block = super::pane(&title, focused, theme, area.width);
    let width = inner_width(area);
    let mut lines: Vec<Line> = f
        .plans
        .visible()
        .map(|i| {
            let p = &f.result.promises[i];
            let (mark, style) = match p.status {
                Status::Reported => ("✓ ", theme.good()),
                Status::NotFound => ("✗ ", theme.error()),
                Status::Unchecked => ("? ", theme.dim()),
            };
            let base = if i == f.plans.selected() {
                theme.selected(focused)
            } else {
                Style::new()
            };
            let first = p.plan.text.lines().next().unwrap_or("");
            Line::from(vec![
                Span::styled(mark, style.patch(base)),
                Span::styled(
                    text::fit(&text::printable(first), width.saturating_sub(2)),
                    base,
                ),
            ])
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
    let focused = f.side == Side::Evidence;
    let block = super::pane(&format!("In {}", b.label()), focused, theme, area.width);
    let width = inner_width(area);
    let mut lines = Vec::new();
    if let Some(p) = f.selected() {
        lines.push(Line::styled(
            format!("Plan, line {}:", p.plan.line),
            theme.heading(),
        ));
        lines.extend(wrapped(&p.plan.text, width, theme.dim()));
        lines.push(Line::raw(""));
        if p.evidence.is_empty() {
            lines.push(Line::styled(
                format!("Not found: no passage of {} is alike enough.", b.label()),
                theme.error(),
            ));
        }
        for (i, e) in p.evidence.iter().enumerate() {
            let chosen = focused && i == f.evidence;
            let head = format!(
                "{} line {} · alike {:.2}",
                if chosen { "▶" } else { " " },
                e.passage.line,
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
    lines.truncate(inner_height(area));
    frame.render_widget(Paragraph::new(lines).block(block), area);
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
            let at = format!("line {} = line {} · ", r.b.line, r.a.line);
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
