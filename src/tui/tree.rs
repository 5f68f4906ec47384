//! The section tree pane's model: which nodes are visible given what is
//! collapsed. Items (一是/二是) are leaves under their section.

use std::collections::HashSet;

use crate::Report;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Node {
    Section(usize),
    Item(usize),
}

#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    pub node: Node,
    pub depth: usize,
    pub has_children: bool,
    pub expanded: bool,
}

/// The visible rows of a report's tree.
pub fn rows(report: &Report, collapsed: &HashSet<usize>) -> Vec<Row> {
    let mut out = Vec::new();
    for (i, s) in report.sections.iter().enumerate() {
        if s.parent.is_none() {
            push_section(report, collapsed, i, &mut out);
        }
    }
    out
}

fn children(report: &Report, section: usize) -> impl Iterator<Item = usize> + '_ {
    report
        .sections
        .iter()
        .enumerate()
        .filter(move |(_, s)| s.parent == Some(section))
        .map(|(i, _)| i)
}

fn items(report: &Report, section: usize) -> impl Iterator<Item = usize> + '_ {
    report
        .items
        .iter()
        .enumerate()
        .filter(move |(_, it)| it.section == section)
        .map(|(i, _)| i)
}

fn push_section(report: &Report, collapsed: &HashSet<usize>, i: usize, out: &mut Vec<Row>) {
    let depth = report.sections[i].depth;
    let has_children = children(report, i).next().is_some() || items(report, i).next().is_some();
    let expanded = has_children && !collapsed.contains(&i);
    out.push(Row {
        node: Node::Section(i),
        depth,
        has_children,
        expanded,
    });
    if !expanded {
        return;
    }
    for it in items(report, i) {
        out.push(Row {
            node: Node::Item(it),
            depth: depth + 1,
            has_children: false,
            expanded: false,
        });
    }
    let kids: Vec<usize> = children(report, i).collect();
    for c in kids {
        push_section(report, collapsed, c, out);
    }
}

/// The section a node shows in the reader.
pub fn section_of(report: &Report, node: Node) -> usize {
    match node {
        Node::Section(s) => s,
        Node::Item(i) => report.items.get(i).map_or(0, |it| it.section),
    }
}

/// The parent node in the tree.
pub fn parent(report: &Report, node: Node) -> Option<Node> {
    match node {
        Node::Section(s) => report.sections.get(s)?.parent.map(Node::Section),
        Node::Item(i) => report.items.get(i).map(|it| Node::Section(it.section)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::TextEncoding;

    #[test]
    fn collapse_hides_descendants() {
        let r = Report::parse(
            "t",
            "一、甲\n(一)乙。一是丙,二是丁。\n二、戊\n".into(),
            TextEncoding::Utf8,
        );
        let all = rows(&r, &HashSet::new());
        let nodes: Vec<Node> = all.iter().map(|r| r.node).collect();
        assert_eq!(
            nodes,
            vec![
                Node::Section(0),
                Node::Section(1),
                Node::Item(0),
                Node::Item(1),
                Node::Section(2)
            ]
        );
        let folded = rows(&r, &HashSet::from([0]));
        assert_eq!(folded.len(), 2);
        assert!(!folded[0].expanded && folded[0].has_children);
        assert_eq!(parent(&r, Node::Item(1)), Some(Node::Section(1)));
    }
}
