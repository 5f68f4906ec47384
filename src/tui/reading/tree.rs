//! The section tree pane's model: which nodes show given what is folded,
//! and the cursor over them. Items (一是/二是) are leaves under their
//! section.

use std::collections::HashSet;

use crate::report::Report;
use crate::tui::list::Cursor;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Node {
    Section(usize),
    Item(usize),
}

#[derive(Debug, Clone, PartialEq)]
pub struct TreeRow {
    pub node: Node,
    pub depth: usize,
    pub has_children: bool,
    pub expanded: bool,
}

/// The visible rows of a report's tree: one walk, each section's children
/// found from the report's navigation, so a report of 70,000 headings
/// costs one pass.
pub fn rows(report: &Report, collapsed: &HashSet<usize>) -> Vec<TreeRow> {
    let mut out = Vec::new();
    // A stack of sections still to visit, next on top.
    let mut todo: Vec<usize> = report.roots().collect();
    todo.reverse();
    while let Some(s) = todo.pop() {
        let depth = report.sections()[s].depth;
        let items = report.items_of(s);
        let first_child = report.children(s).next();
        let has_children = first_child.is_some() || !items.is_empty();
        let expanded = has_children && !collapsed.contains(&s);
        out.push(TreeRow {
            node: Node::Section(s),
            depth,
            has_children,
            expanded,
        });
        if !expanded {
            continue;
        }
        out.extend(items.map(|it| TreeRow {
            node: Node::Item(it),
            depth: depth + 1,
            has_children: false,
            expanded: false,
        }));
        let at = todo.len();
        todo.extend(report.children(s));
        todo[at..].reverse();
    }
    out
}

/// The section a node shows in the reader.
pub(crate) fn section_of(report: &Report, node: Node) -> usize {
    match node {
        Node::Section(s) => s,
        Node::Item(i) => report.items().get(i).map_or(0, |it| it.section),
    }
}

/// The parent node in the tree.
pub fn parent(report: &Report, node: Node) -> Option<Node> {
    match node {
        Node::Section(s) => report.sections().get(s)?.parent.map(Node::Section),
        Node::Item(i) => report.items().get(i).map(|it| Node::Section(it.section)),
    }
}

/// The tree pane: what is folded in each report, the rows of the report
/// shown and the cursor over them.
#[derive(Debug, Clone, Default)]
pub struct Tree {
    /// Folded sections, per report.
    folded: Vec<HashSet<usize>>,
    pub rows: Vec<TreeRow>,
    pub cursor: Cursor,
}

impl Tree {
    pub fn new(reports: usize) -> Tree {
        Tree {
            folded: vec![HashSet::new(); reports],
            ..Tree::default()
        }
    }

    /// Room for `reports`, what was folded kept.
    pub fn grow(&mut self, reports: usize) {
        if self.folded.len() < reports {
            self.folded.resize(reports, HashSet::new());
        }
    }

    /// Shows report `r`'s rows, keeping the cursor on `keep` if it is
    /// still a row.
    pub(crate) fn rebuild(&mut self, report: Option<&Report>, r: usize, keep: Option<Node>) {
        self.rows = match (report, self.folded.get(r)) {
            (Some(report), Some(f)) => rows(report, f),
            _ => Vec::new(),
        };
        self.cursor.set_len(self.rows.len());
        if let Some(i) = keep.and_then(|n| self.position(n)) {
            self.cursor.select(i);
        }
    }

    pub fn selected(&self) -> Option<&TreeRow> {
        self.rows.get(self.cursor.selected())
    }

    pub fn position(&self, node: Node) -> Option<usize> {
        self.rows.iter().position(|r| r.node == node)
    }

    /// Folds or unfolds section `s` of report `r`.
    pub(crate) fn set_folded(&mut self, report: &Report, r: usize, s: usize, fold: bool) {
        if let Some(f) = self.folded.get_mut(r) {
            if fold {
                f.insert(s);
            } else {
                f.remove(&s);
            }
        }
        let keep = self.selected().map(|row| row.node);
        self.rebuild(Some(report), r, keep);
    }

    /// Unfolds the sections that hold section `s`, so that it shows.
    pub(crate) fn unfold_to(&mut self, report: &Report, r: usize, s: usize) {
        let keep = self.selected().map(|row| row.node);
        if let Some(f) = self.folded.get_mut(r) {
            for a in report.ancestors(s) {
                f.remove(&a);
            }
        }
        self.rebuild(Some(report), r, keep);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::TextEncoding;

    #[test]
    fn folding_hides_descendants() {
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

    /// A flat report of many headings builds its rows in one pass (a test
    /// of the shape, the bench times it).
    #[test]
    fn many_headings_make_one_row_each() {
        let text: String = (0..3000)
            .map(|i| format!("{}.标题{i}\n正文。\n", i % 999 + 1))
            .collect();
        let r = Report::parse("t", text, TextEncoding::Utf8);
        let rows = rows(&r, &HashSet::new());
        assert_eq!(rows.len(), r.sections().len());
        assert!(rows.len() >= 3000);
    }
}
