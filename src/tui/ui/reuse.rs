//! The reuse screens: the list of where text appears elsewhere, and two
//! reports face to face with their shared passages marked.

use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::Paragraph;
use ratatui::Frame;

use crate::corpus::reuse::Change;
use crate::report::{Hit, Report};
use crate::text;

use super::theme::Theme;
use crate::tui::layout::inner_width;
use crate::tui::reading::text::WrappedRow;
use crate::tui::reuse::facing::SideText;
use crate::tui::reuse::{ReuseList, SharedFacing};
use crate::tui::session::Session;

const SHARE_CELLS: usize = 10;
const CHARS_CELLS: usize = 7;
const WHO_CELLS: usize = 40;

pub(crate) fn draw_list(l: &ReuseList, theme: Theme, frame: &mut Frame) {
    let area = l.area;
    let block = super::pane(&l.title, true, theme, area.width);
    let width = inner_width(area);
    let header = format!(
        "{}{}{}{}",
        text::fit("share", SHARE_CELLS),
        text::fit("chars", CHARS_CELLS),
        text::fit("report", WHO_CELLS),
        "where"
    );
    let mut lines = vec![Line::styled(text::fit(&header, width), theme.dim())];
    for i in l.cursor.visible() {
        let r = &l.rows[i];
        let style = match i == l.cursor.selected() {
            true => theme.selected(true),
            false => Style::new(),
        };
        let chars = r.chars.map_or(String::new(), |c| c.to_string());
        let row = format!(
            "{}{}{}{}",
            text::fit(&r.share, SHARE_CELLS),
            text::fit(&chars, CHARS_CELLS),
            text::fit(&text::printable(&r.who), WHO_CELLS),
            text::printable(&r.what)
        );
        lines.push(Line::styled(text::fit(&row, width), style));
    }
    if l.rows.is_empty() {
        lines.push(Line::styled(l.empty.clone(), theme.dim()));
    }
    frame.render_widget(
        Paragraph::new(lines)
            .wrap(ratatui::widgets::Wrap { trim: false })
            .block(block),
        area,
    );
}

pub(crate) fn draw_facing(f: &SharedFacing, s: &Session, theme: Theme, frame: &mut Frame) {
    draw_header(f, s, theme, frame);
    for (k, (side, area)) in f.sides.iter().zip(f.panes).enumerate() {
        let report = &s.library.reports[side.report];
        let heading = f.top_block(k).map_or(String::new(), |b| {
            report.heading_label(report.blocks()[b].section)
        });
        let title = format!(
            "{} {} · {heading}",
            if k == 0 { "A" } else { "B" },
            report.label()
        );
        let block = super::pane(&title, f.focus == k, theme, area.width);
        let lines: Vec<Line> = side
            .cursor
            .visible()
            .map(|i| row_line(report, side, &side.rows[i], theme))
            .collect();
        frame.render_widget(Paragraph::new(lines).block(block), area);
        super::scrollbar(frame, area, &side.cursor);
    }
}

/// Which passage, how long, where on each side, and what differs.
fn draw_header(f: &SharedFacing, s: &Session, theme: Theme, frame: &mut Frame) {
    let area = f.header;
    let width = area.width as usize;
    let Some(p) = f.current() else {
        let line = Line::styled("These two reports share no passage now.", theme.dim());
        frame.render_widget(Paragraph::new(line), area);
        return;
    };
    let first = format!(
        "passage {}/{} · {} chars · A line {} ({:.0}% of A shared) · B line {} ({:.0}% of B shared)",
        f.passage + 1,
        f.shared.passages.len(),
        p.chars,
        s.library.reports[f.sides[0].report].file_line(p.a.line),
        f.shared.a_share * 100.0,
        s.library.reports[f.sides[1].report].file_line(p.b.line),
        f.shared.b_share * 100.0,
    );
    let list = |v: &[Change]| -> String {
        let all: Vec<String> = v
            .iter()
            .map(|c| {
                let side = |x: &str| match x {
                    "" => "∅".to_owned(),
                    x => text::printable(&x.replace('\n', "⏎")).into_owned(),
                };
                format!("{}→{}", side(&c.a), side(&c.b))
            })
            .collect();
        all.join(", ")
    };
    let mut second = Vec::new();
    if !p.numbers.is_empty() {
        second.push(format!("numbers {}", list(&p.numbers)));
    }
    if !p.edits.is_empty() {
        second.push(format!("words {}", list(&p.edits)));
    }
    if second.is_empty() {
        second.push("the same text on both sides".to_owned());
    }
    let lines = vec![
        Line::styled(text::fit(&first, width), theme.heading()),
        Line::raw(text::fit(&second.join(" · "), width)),
    ];
    frame.render_widget(Paragraph::new(lines), area);
}

/// One wrapped row of a side, the shared passages marked.
fn row_line(report: &Report, side: &SideText, row: &WrappedRow, theme: Theme) -> Line<'static> {
    let Some(b) = row.block else {
        return Line::raw("");
    };
    let base = match row.heading {
        true => theme.heading(),
        false => Style::new(),
    };
    let on_row =
        |h: &&Hit| h.block == b && h.col < row.chars.end && h.col + h.len > row.chars.start;
    let current: Vec<&Hit> = side.current.iter().filter(on_row).collect();
    let marks: Vec<&Hit> = side.marks.iter().filter(on_row).collect();
    let inside = |h: &&Hit, col: usize| (h.col..h.col + h.len).contains(&col);
    let style_at = |col: usize| -> Style {
        if current.iter().any(|h| inside(h, col)) {
            base.patch(theme.current_reused())
        } else if marks.iter().any(|h| inside(h, col)) {
            base.patch(theme.reused())
        } else {
            base
        }
    };
    let shown = report
        .block_text(b)
        .get(row.bytes.clone())
        .unwrap_or_default();
    super::styled_run(shown, row.chars.start, style_at)
}
