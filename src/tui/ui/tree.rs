//! The section tree of the selected report.

use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::Paragraph;
use ratatui::Frame;

use crate::text;

use super::theme::Theme;
use crate::tui::app::{App, Focus};
use crate::tui::layout::Areas;
use crate::tui::tree::Node;

pub fn draw(app: &App, theme: Theme, frame: &mut Frame, area: Rect) {
    let focused = app.focus == Focus::Tree;
    let Some(report) = app.current() else {
        frame.render_widget(
            Paragraph::new("").block(super::pane("Sections", focused, theme, area.width)),
            area,
        );
        return;
    };
    let title = format!("Sections · {}", report.label());
    let block = super::pane(&title, focused, theme, area.width);
    let width = Areas::inner_width(area);
    let lines: Vec<Line> = app
        .tree
        .iter()
        .enumerate()
        .skip(app.tree_offset)
        .take(Areas::inner_height(area))
        .map(|(i, row)| {
            let fold = match (row.has_children, row.expanded) {
                (false, _) => "  ",
                (true, true) => "▾ ",
                (true, false) => "▸ ",
            };
            let label = match row.node {
                Node::Section(s) => {
                    let sec = &report.sections[s];
                    format!("{}{}", sec.marker, sec.title)
                }
                Node::Item(it) => {
                    let item = &report.items[it];
                    format!("· {}{}", item.marker, item.label)
                }
            };
            let indent = "  ".repeat(row.depth);
            let cell = text::fit(&text::printable(&format!("{indent}{fold}{label}")), width);
            let style = match row.node {
                _ if i == app.tree_selected => theme.selected(focused),
                Node::Item(_) => theme.dim(),
                Node::Section(_) => ratatui::style::Style::new(),
            };
            Line::styled(cell, style)
        })
        .collect();
    frame.render_widget(Paragraph::new(lines).block(block), area);
}
