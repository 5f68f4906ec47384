//! The search across reports: a row per report with hits (place, year,
//! count, file), then a row per hit (its section, and its line around the
//! hit, the hit marked).

use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use ratatui::Frame;

use crate::report::{Hit, Report};
use crate::text;

use super::theme::Theme;
use crate::tui::finder::{Finder, FoundRow};
use crate::tui::layout::inner_width;
use crate::tui::session::Session;

/// The section column of a hit's row, at most.
const SECTION_CELLS: usize = 28;

pub fn draw(f: &Finder, s: &Session, theme: Theme, frame: &mut Frame) {
    let area = f.area;
    let reports = &s.library.reports;
    let title = match f.query.is_empty() {
        true => format!("Search across {} reports", reports.len()),
        false => format!(
            "Search · “{}” · {} · {} hits in {} of {} reports · {} ms",
            f.query,
            f.mode(),
            f.hits,
            f.reports,
            reports.len(),
            f.took.as_millis()
        ),
    };
    let block = super::pane(&title, true, theme, area.width);
    let width = inner_width(area);
    let mut lines: Vec<Line> = Vec::new();
    for i in f.cursor.visible() {
        let Some(&row) = f.rows.get(i) else { break };
        let selected = i == f.cursor.selected();
        let line = match row {
            FoundRow::Report { report, count } => report_row(&reports[report], count, width, theme),
            FoundRow::Hit { report, hit } => hit_row(&reports[report], hit, width, theme),
        };
        lines.push(match selected {
            true => line.style(theme.selected(true)),
            false => line,
        });
    }
    if lines.is_empty() {
        let say = match (&f.problem, f.query.is_empty()) {
            (Some(p), _) => p.clone(),
            (None, true) => format!(
                "Type a {} and press Enter; Ctrl-R: a phrase or a regular expression.",
                f.mode()
            ),
            (None, false) => format!("No loaded report has “{}”.", f.query),
        };
        lines.push(Line::styled(
            text::printable(&say).into_owned(),
            theme.dim(),
        ));
    }
    frame.render_widget(Paragraph::new(lines).block(block), area);
}

/// "張家港市 2023 · 12 hits · zhangjiagang-2023.txt".
fn report_row(r: &Report, count: usize, width: usize, theme: Theme) -> Line<'static> {
    let file = std::path::Path::new(&r.file)
        .file_name()
        .map_or_else(|| r.file.clone(), |n| n.to_string_lossy().into_owned());
    let head = format!(
        "{} · {count} hit{}",
        r.label(),
        if count == 1 { "" } else { "s" }
    );
    let head = text::truncate(&text::printable(&head), width).into_owned();
    let room = width.saturating_sub(text::width(&head) + 3);
    Line::from(vec![
        Span::styled(head, theme.heading()),
        Span::styled(
            format!(" · {}", text::truncate(&text::printable(&file), room)),
            theme.dim(),
        ),
    ])
}

/// The hit's section, then its line from a little before the hit, the
/// hit marked.
fn hit_row(r: &Report, hit: Hit, width: usize, theme: Theme) -> Line<'static> {
    let section = r
        .blocks()
        .get(hit.block)
        .and_then(|b| r.sections().get(b.section))
        .map(|s| format!("{}{}", s.marker, s.title))
        .unwrap_or_default();
    let section_w = SECTION_CELLS.min(width / 3);
    let section = text::fit(&text::printable(&section), section_w);
    let room = width.saturating_sub(section_w + 4);
    let chars: Vec<char> = r
        .block_text(hit.block)
        .chars()
        .map(text::printable_char)
        .collect();
    let end = (hit.col + hit.len).min(chars.len());
    let start = hit.col.min(end);
    // Up to a third of the room before the hit, so that it shows.
    let mut from = start;
    let mut before_w = 0;
    while from > 0 && before_w + char_cells(chars[from - 1]) <= room / 3 {
        from -= 1;
        before_w += char_cells(chars[from]);
    }
    let lead = if from > 0 { "…" } else { "" };
    let before: String = chars[from..start].iter().collect();
    let found: String = chars[start..end].iter().collect();
    let after: String = chars[end..].iter().collect();
    let found = text::truncate(&found, room.saturating_sub(before_w + 1)).into_owned();
    let left = room.saturating_sub(before_w + text::width(&found) + 1);
    let after = text::truncate(&after, left).into_owned();
    Line::from(vec![
        Span::raw("  "),
        Span::styled(section, theme.dim()),
        Span::raw("  "),
        Span::styled(lead, theme.dim()),
        Span::raw(before),
        Span::styled(found, theme.hit()),
        Span::styled(after, Style::new()),
    ])
}

fn char_cells(c: char) -> usize {
    text::width(c.encode_utf8(&mut [0; 4]))
}
