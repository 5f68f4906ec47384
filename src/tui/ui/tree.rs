//! The section tree of the selected report.

use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::Paragraph;
use ratatui::Frame;

use crate::text;

use super::theme::Theme;
use crate::tui::layout::inner_width;
use crate::tui::reading::tree::Node;
use crate::tui::reading::{Pane, Reading};
use crate::tui::session::Session;

pub fn draw(r: &Reading, s: &Session, theme: Theme, frame: &mut Frame, area: Rect) {
    let focused = super::focused(r, Pane::Tree);
    let Some(report) = r.report(s) else {
        let block = super::pane("Sections", focused, theme, area.width);
        frame.render_widget(Paragraph::new("").block(block), area);
        return;
    };
    let title = format!("Sections · {}", report.label());
    let block = super::pane(&title, focused, theme, area.width);
    let width = inner_width(area);
    let lines: Vec<Line> = r
        .tree
        .cursor
        .visible()
        .map(|i| {
            let row = &r.tree.rows[i];
            let fold = match (row.has_children, row.expanded) {
                (false, _) => "  ",
                (true, true) => "▾ ",
                (true, false) => "▸ ",
            };
            let label = match row.node {
                Node::Section(sec) => report.heading_label(sec),
                Node::Item(it) => {
                    let item = &report.items()[it];
                    format!("· {}{}", item.marker, item.label)
                }
            };
            let indent = "  ".repeat(row.depth);
            let cell = text::fit(&text::printable(&format!("{indent}{fold}{label}")), width);
            let style = match row.node {
                _ if i == r.tree.cursor.selected() => theme.selected(focused),
                Node::Item(_) => theme.dim(),
                Node::Section(_) => Style::new(),
            };
            Line::styled(cell, style)
        })
        .collect();
    frame.render_widget(Paragraph::new(lines).block(block), area);
}
