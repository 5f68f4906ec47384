//! The list of reports: place and year, a parts badge, and the files that
//! were skipped.

use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use ratatui::Frame;

use std::path::Path;

use crate::corpus::Progress;
use crate::report::{PartStatus, PartsCheck, Report};
use crate::text;

use super::theme::Theme;
use crate::tui::layout::{inner_height, inner_width};
use crate::tui::reading::{Pane, Reading};
use crate::tui::session::Session;

/// Four parts and the deadline: "●●◐○ ✓".
const BADGE_CELLS: usize = 6;

pub fn draw(r: &Reading, s: &Session, theme: Theme, frame: &mut Frame, area: Rect) {
    let focused = super::focused(r, Pane::Reports);
    let reports = &s.library.reports;
    let mut title = match r.filter.is_active() {
        true => format!(
            "Reports ({} of {}) · {}",
            r.rows.len(),
            reports.len(),
            text::printable(&r.filter.query)
        ),
        false => format!("Reports ({})", reports.len()),
    };
    // The whole progress stands over the keys (see `status`).
    if s.loading.is_some() {
        title.push_str(" · reading…");
    }
    let block = super::pane(&title, focused, theme, area.width)
        .title_bottom(legend(theme, inner_width(area)));
    let width = inner_width(area);
    let mut lines: Vec<Line> = Vec::new();
    for pos in r.reports.visible() {
        let Some(&i) = r.rows.get(pos) else { break };
        let report = &reports[i];
        let label_w = width.saturating_sub(BADGE_CELLS + 1);
        let label = row_label(reports, i, s.marked == Some(i), label_w);
        let mut spans = vec![Span::raw(label), Span::raw(" ")];
        spans.extend(badge(&report.parts, theme));
        let mut line = Line::from(spans);
        if pos == r.reports.selected() && i == r.report {
            line = line.style(theme.selected(focused));
        }
        lines.push(line);
    }
    if r.rows.is_empty() && r.filter.is_active() {
        lines.push(Line::styled("no report matches the filter", theme.dim()));
    }
    let room = inner_height(area).saturating_sub(lines.len());
    for skipped in s.library.skipped.iter().take(room) {
        let msg = format!("✗ {skipped}");
        lines.push(Line::styled(
            text::truncate(&text::printable(&msg), width).into_owned(),
            theme.error(),
        ));
    }
    if lines.is_empty() {
        lines.push(Line::styled("no reports loaded", theme.dim()));
    }
    frame.render_widget(Paragraph::new(lines).block(block), area);
}

/// How far the background load has come: files and MiB read, files
/// skipped, and the time left once it can be told; while the folders are
/// still being walked, the files found so far.
pub(crate) fn loading_line(p: &Progress) -> String {
    let mut line = format!(
        "reading {} of {} files{}, {:.1} MiB",
        p.read + p.skipped,
        p.files,
        if p.walking { " found so far" } else { "" },
        p.bytes as f64 / (1024.0 * 1024.0)
    );
    if p.skipped > 0 {
        line.push_str(&format!(", {} skipped", p.skipped));
    }
    if p.walking {
        line.push_str(", still finding files");
    }
    if let Some(left) = p.time_left() {
        line.push_str(&format!(", about {} s left", left.as_secs() + 1));
    }
    line
}

/// A report's row, `cells` wide: place and year, and its file name when
/// a report beside it has the same (the library lists one place's
/// reports together by year, so reports of one label are neighbours);
/// the name is kept whole and the label cut, since it is what tells them
/// apart.
fn row_label(reports: &[Report], i: usize, marked: bool, cells: usize) -> String {
    let label = reports[i].label();
    let same = |j: Option<usize>| {
        j.and_then(|j| reports.get(j))
            .is_some_and(|o| o.label() == label)
    };
    let mut name = match marked {
        true => format!("A {label}"),
        false => label.clone(),
    };
    if same(i.checked_sub(1)) || same(i.checked_add(1)) {
        let file = Path::new(&reports[i].file).file_name().map_or_else(
            || reports[i].file.clone(),
            |n| n.to_string_lossy().into_owned(),
        );
        let file = text::printable(&file);
        let file_w = text::width(&file).min(cells.saturating_sub(2));
        let head = text::fit(&text::printable(&name), cells.saturating_sub(file_w + 1));
        name = format!("{} {}", head.trim_end(), text::truncate(&file, file_w));
    }
    text::fit(&text::printable(&name), cells)
}

/// What the badge's marks mean, along the pane's lower border: each mark
/// of a part in its own style where the pane is wide enough, else the
/// marks grouped. Help says it in words.
fn legend(theme: Theme, width: usize) -> Line<'static> {
    let long = [
        ("●", theme.good()),
        ("part ", theme.dim()),
        ("◐", theme.warn()),
        ("mention ", theme.dim()),
        ("○", theme.error()),
        ("none ", theme.dim()),
        ("✓✗?", theme.warn()),
        (" by 3/31", theme.dim()),
    ];
    let short = [
        ("●◐○", theme.warn()),
        (" parts ", theme.dim()),
        ("✓✗?", theme.warn()),
        (" by 3/31", theme.dim()),
    ];
    let cells = |spans: &[(&str, Style)]| spans.iter().map(|(t, _)| text::width(t)).sum::<usize>();
    let chosen: &[(&'static str, Style)] = if cells(&long) + 2 <= width {
        &long
    } else {
        &short
    };
    let mut spans = vec![Span::raw(" ")];
    spans.extend(chosen.iter().map(|&(t, style)| Span::styled(t, style)));
    spans.push(Span::raw(" "));
    Line::from(spans)
}

pub(crate) fn badge(parts: &PartsCheck, theme: Theme) -> Vec<Span<'static>> {
    let mut spans: Vec<Span> = parts
        .parts
        .named()
        .iter()
        .map(|(_, p)| match p.status {
            PartStatus::Section => Span::styled("●", theme.good()),
            PartStatus::Mention => Span::styled("◐", theme.warn()),
            PartStatus::Absent => Span::styled("○", theme.error()),
        })
        .collect();
    spans.push(Span::raw(" "));
    spans.push(match parts.published_on_time {
        Some(true) => Span::styled("✓", theme.good()),
        Some(false) => Span::styled("✗", theme.error()),
        None => Span::styled("?", theme.dim()),
    });
    spans
}
