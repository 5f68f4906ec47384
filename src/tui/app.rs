//! The one state of the TUI and its transitions: `update` takes an
//! [`Action`] and changes state; nothing here draws or reads the terminal,
//! so every transition is testable as a plain function.

use std::collections::HashSet;

use crate::report::Hit;
use crate::{Library, Report};

use super::action::Action;
use super::compare::CompareView;
use super::corpus::Corpus;
use super::layout::Areas;
use super::reader;
use super::tree::{self, Node};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Focus {
    Reports,
    Tree,
    Reader,
    Figures,
    /// The corpus view, over the whole screen.
    Corpus,
    /// The compare view, over the whole screen.
    Compare,
}

impl Focus {
    const CYCLE: [Focus; 4] = [Focus::Reports, Focus::Tree, Focus::Reader, Focus::Figures];

    fn cycled(self, delta: isize, figures_shown: bool) -> Focus {
        let n = Focus::CYCLE.len() as isize;
        let mut i = Focus::CYCLE.iter().position(|&f| f == self).unwrap_or(0) as isize;
        loop {
            i = (i + delta).rem_euclid(n);
            let f = Focus::CYCLE[i as usize];
            if f != Focus::Figures || figures_shown {
                return f;
            }
        }
    }
}

#[derive(Debug, Default)]
pub struct Search {
    /// The field being typed, while it is open.
    pub editing: Option<String>,
    pub query: String,
    pub hits: Vec<Hit>,
    pub current: Option<usize>,
}

pub struct App {
    pub library: Library,
    pub focus: Focus,
    pub report: usize,
    pub reports_offset: usize,
    /// Collapsed sections, per report.
    pub collapsed: Vec<HashSet<usize>>,
    pub tree: Vec<tree::Row>,
    pub tree_selected: usize,
    pub tree_offset: usize,
    /// The section the reader shows, and its wrapped rows.
    pub section: usize,
    pub reader: Vec<reader::Row>,
    pub reader_scroll: usize,
    /// The span the reader highlights: an item marker or the current hit.
    pub mark: Option<Hit>,
    pub search: Search,
    /// The figures pane shows the whole report rather than the section.
    pub figures_all: bool,
    /// Indices into the report's figures, as the pane lists them.
    pub figure_rows: Vec<usize>,
    pub figures_selected: usize,
    pub figures_offset: usize,
    /// Figure spans in the reader's section, to mark in the text.
    pub reader_figures: Vec<Hit>,
    pub corpus: Option<Corpus>,
    /// The pane to go back to when the corpus view closes.
    pub before_corpus: Focus,
    /// The report marked as A for comparing.
    pub marked: Option<usize>,
    pub compare: Option<CompareView>,
    /// How long a comparison may take (see [`crate::compare::BUDGET`]).
    pub compare_budget: std::time::Duration,
    pub before_compare: Focus,
    pub show_help: bool,
    pub areas: Areas,
    pub message: Option<String>,
    pub quit: bool,
}

const WHEEL_ROWS: usize = 3;

impl App {
    pub fn new(library: Library, width: u16, height: u16) -> App {
        let n = library.reports.len();
        let message = match library.skipped.len() {
            0 => None,
            k => Some(format!(
                "skipped {k} file(s) that are not readable reports: see the reports pane"
            )),
        };
        let mut app = App {
            library,
            focus: Focus::Tree,
            report: 0,
            reports_offset: 0,
            collapsed: vec![HashSet::new(); n],
            tree: Vec::new(),
            tree_selected: 0,
            tree_offset: 0,
            section: 0,
            reader: Vec::new(),
            reader_scroll: 0,
            mark: None,
            search: Search::default(),
            figures_all: false,
            figure_rows: Vec::new(),
            figures_selected: 0,
            figures_offset: 0,
            reader_figures: Vec::new(),
            corpus: None,
            before_corpus: Focus::Tree,
            marked: None,
            compare: None,
            compare_budget: crate::compare::BUDGET,
            before_compare: Focus::Tree,
            show_help: false,
            areas: Areas::default(),
            message,
            quit: false,
        };
        app.resize(width, height);
        app.select_report(0);
        app
    }

    pub fn current(&self) -> Option<&Report> {
        self.library.reports.get(self.report)
    }

    /// Rows of the reports pane: the reports, then what was skipped.
    pub fn list_rows(&self) -> usize {
        self.library.reports.len() + self.library.skipped.len()
    }

    pub fn update(&mut self, action: Action) {
        if let Action::Resize(w, h) = action {
            return self.resize(w, h);
        }
        if self.show_help {
            if matches!(action, Action::Quit | Action::Help | Action::Open) {
                self.show_help = false;
            }
            return;
        }
        if self.focus == Focus::Corpus {
            return self.corpus_update(action);
        }
        if self.focus == Focus::Compare {
            return self.compare_update(action);
        }
        match action {
            Action::Up => self.step(-1),
            Action::Down => self.step(1),
            Action::Left => self.left(),
            Action::Right => self.right(),
            Action::PageUp => self.scroll_reader(-(self.page() as isize)),
            Action::PageDown => self.scroll_reader(self.page() as isize),
            Action::Top => self.jump_end(false),
            Action::Bottom => self.jump_end(true),
            Action::FocusNext => self.focus = self.focus.cycled(1, self.figures_shown()),
            Action::FocusPrev => self.focus = self.focus.cycled(-1, self.figures_shown()),
            Action::FiguresScope => self.toggle_figures_scope(),
            Action::Corpus => self.open_corpus(),
            Action::Mark => self.mark_report(),
            Action::Compare => self.open_compare(),
            Action::Sort => {}
            Action::Open => self.open(),
            Action::Help => self.show_help = true,
            Action::Quit => self.quit = true,
            Action::SearchStart => self.search.editing = Some(String::new()),
            Action::SearchInput(c) => self.search_input(Some(c)),
            Action::SearchBackspace => self.search_input(None),
            Action::SearchConfirm => self.search_confirm(),
            Action::SearchCancel => self.search.editing = None,
            Action::SearchNext => self.search_step(1),
            Action::SearchPrev => self.search_step(-1),
            Action::Click { col, row } => self.click(col, row),
            Action::Wheel { col, row, down } => self.wheel(col, row, down),
            Action::Resize(..) => {}
        }
    }

    fn step(&mut self, delta: isize) {
        match self.focus {
            Focus::Reports => self.select_report(add(self.report, delta)),
            Focus::Tree => self.select_tree(add(self.tree_selected, delta)),
            Focus::Reader => self.scroll_reader(delta),
            Focus::Figures => self.select_figure(add(self.figures_selected, delta)),
            Focus::Corpus | Focus::Compare => {}
        }
    }

    fn left(&mut self) {
        match self.focus {
            Focus::Reports | Focus::Corpus | Focus::Compare => {}
            Focus::Reader | Focus::Figures => self.focus = Focus::Tree,
            Focus::Tree => {
                let Some(row) = self.tree.get(self.tree_selected).cloned() else {
                    return self.focus = Focus::Reports;
                };
                if let (true, Node::Section(s)) = (row.expanded, row.node) {
                    return self.set_collapsed(s, true);
                }
                match self.current().and_then(|r| tree::parent(r, row.node)) {
                    Some(p) => self.select_node(p),
                    None => self.focus = Focus::Reports,
                }
            }
        }
    }

    fn right(&mut self) {
        match self.focus {
            Focus::Reports => self.focus = Focus::Tree,
            Focus::Reader | Focus::Figures | Focus::Corpus | Focus::Compare => {}
            Focus::Tree => match self.tree.get(self.tree_selected).cloned() {
                Some(row) if row.has_children && !row.expanded => {
                    if let Node::Section(s) = row.node {
                        self.set_collapsed(s, false);
                    }
                }
                _ => self.focus = Focus::Reader,
            },
        }
    }

    fn open(&mut self) {
        self.focus = match self.focus {
            Focus::Reports => Focus::Tree,
            Focus::Figures => return self.go_to_figure(),
            Focus::Tree | Focus::Reader | Focus::Corpus | Focus::Compare => Focus::Reader,
        };
    }

    fn jump_end(&mut self, end: bool) {
        match self.focus {
            Focus::Reports => self.select_report(if end { usize::MAX } else { 0 }),
            Focus::Tree => self.select_tree(if end { usize::MAX } else { 0 }),
            Focus::Reader => self.reader_scroll = if end { self.max_scroll() } else { 0 },
            Focus::Figures => self.select_figure(if end { usize::MAX } else { 0 }),
            Focus::Corpus | Focus::Compare => {}
        }
    }

    pub fn select_report(&mut self, i: usize) {
        let n = self.library.reports.len();
        if n == 0 {
            return;
        }
        self.report = i.min(n - 1);
        self.reports_offset = visible_offset(
            self.reports_offset,
            self.report,
            Areas::inner_height(self.areas.reports),
        );
        self.search.hits.clear();
        self.search.current = None;
        self.rebuild_tree();
        self.tree_offset = 0;
        self.section = usize::MAX;
        self.select_tree(0);
        // select_tree rebuilds the figures list with the section; a report
        // with no tree rows has no section to select.
        if self.tree.is_empty() {
            self.rebuild_figures();
        }
    }

    fn rebuild_tree(&mut self) {
        self.tree = match (
            self.library.reports.get(self.report),
            self.collapsed.get(self.report),
        ) {
            (Some(r), Some(c)) => tree::rows(r, c),
            _ => Vec::new(),
        };
    }

    pub fn select_tree(&mut self, i: usize) {
        if self.tree.is_empty() {
            return;
        }
        self.tree_selected = i.min(self.tree.len() - 1);
        self.tree_offset = visible_offset(
            self.tree_offset,
            self.tree_selected,
            Areas::inner_height(self.areas.tree),
        );
        let node = self.tree[self.tree_selected].node;
        let Some(report) = self.current() else { return };
        let section = tree::section_of(report, node);
        let mark = match node {
            Node::Item(it) => item_mark(report, it),
            Node::Section(_) => None,
        };
        if section != self.section {
            self.section = section;
            self.rewrap();
            self.rebuild_figures();
        }
        self.reader_scroll = 0;
        self.mark = mark;
        if let Some(m) = mark {
            self.reveal(m);
        }
    }

    fn select_node(&mut self, node: Node) {
        if let Some(i) = self.tree.iter().position(|r| r.node == node) {
            self.select_tree(i);
        }
    }

    fn set_collapsed(&mut self, section: usize, collapse: bool) {
        if let Some(c) = self.collapsed.get_mut(self.report) {
            if collapse {
                c.insert(section);
            } else {
                c.remove(&section);
            }
        }
        let node = self.tree.get(self.tree_selected).map(|r| r.node);
        self.rebuild_tree();
        if let Some(i) = node.and_then(|n| self.tree.iter().position(|r| r.node == n)) {
            self.tree_selected = i;
        }
    }

    fn rewrap(&mut self) {
        let width = Areas::inner_width(self.areas.reader)
            .saturating_sub(1)
            .max(2);
        self.reader = match self.current() {
            Some(r) => reader::rows(r, self.section, width),
            None => Vec::new(),
        };
        self.reader_figures = match self.current() {
            Some(r) => reader::figure_spans(r, self.section),
            None => Vec::new(),
        };
        self.reader_scroll = self.reader_scroll.min(self.max_scroll());
    }

    fn resize(&mut self, w: u16, h: u16) {
        self.areas = Areas::compute(w, h, self.list_rows());
        if let Some(c) = self.compare.as_mut() {
            let pair = c.pair;
            c.layout(
                Areas::compare_width(self.areas),
                Areas::compare_height(self.areas),
            );
            c.select(pair);
        }
        self.rewrap();
        self.reports_offset = visible_offset(
            self.reports_offset,
            self.report,
            Areas::inner_height(self.areas.reports),
        );
        self.tree_offset = visible_offset(
            self.tree_offset,
            self.tree_selected,
            Areas::inner_height(self.areas.tree),
        );
    }

    pub fn page(&self) -> usize {
        Areas::inner_height(self.areas.reader)
            .saturating_sub(1)
            .max(1)
    }

    pub fn max_scroll(&self) -> usize {
        self.reader
            .len()
            .saturating_sub(Areas::inner_height(self.areas.reader))
    }

    fn scroll_reader(&mut self, delta: isize) {
        self.reader_scroll = add(self.reader_scroll, delta).min(self.max_scroll());
    }

    /// Scrolls so that a span's row stands a third of the way down.
    fn reveal(&mut self, span: Hit) {
        if let Some(row) = reader::row_of(&self.reader, span.block, span.col) {
            let third = Areas::inner_height(self.areas.reader) / 3;
            self.reader_scroll = row.saturating_sub(third).min(self.max_scroll());
        }
    }

    fn search_input(&mut self, c: Option<char>) {
        let Some(field) = self.search.editing.as_mut() else {
            return;
        };
        match c {
            Some(c) if !c.is_control() => field.push(c),
            Some(_) => {}
            None => {
                field.pop();
            }
        }
    }

    fn search_confirm(&mut self) {
        let Some(query) = self.search.editing.take() else {
            return;
        };
        self.search.query = query;
        self.search.hits = self
            .current()
            .map(|r| r.find(&self.search.query))
            .unwrap_or_default();
        if self.search.hits.is_empty() {
            self.search.current = None;
            self.message = Some(format!("no hits for “{}”", self.search.query));
            return;
        }
        let from = self
            .reader
            .get(self.reader_scroll)
            .and_then(|r| r.block)
            .unwrap_or(0);
        let first = self
            .search
            .hits
            .iter()
            .position(|h| h.block >= from)
            .unwrap_or(0);
        self.go_to_hit(first);
    }

    fn search_step(&mut self, delta: isize) {
        let n = self.search.hits.len();
        if n == 0 {
            self.message = Some("no search: press / to search".into());
            return;
        }
        let cur = self.search.current.unwrap_or(0) as isize;
        self.go_to_hit((cur + delta).rem_euclid(n as isize) as usize);
    }

    fn go_to_hit(&mut self, i: usize) {
        let Some(&hit) = self.search.hits.get(i) else {
            return;
        };
        self.search.current = Some(i);
        self.message = Some(format!(
            "hit {}/{} for “{}”",
            i + 1,
            self.search.hits.len(),
            self.search.query
        ));
        self.show_span(hit);
    }

    /// Selects the section that holds a span, unfolding its ancestors, and
    /// marks the span in the reader.
    fn show_span(&mut self, hit: Hit) {
        let Some(report) = self.current() else { return };
        let section = report.blocks[hit.block].section;
        self.show_section(section);
        self.mark = Some(hit);
        self.reveal(hit);
    }

    /// Selects a section of the current report, unfolding its ancestors.
    fn show_section(&mut self, section: usize) {
        let Some(report) = self.current() else { return };
        let mut ancestors = Vec::new();
        let mut s = report.sections[section].parent;
        while let Some(p) = s {
            ancestors.push(p);
            s = report.sections[p].parent;
        }
        if let Some(c) = self.collapsed.get_mut(self.report) {
            for a in ancestors {
                c.remove(&a);
            }
        }
        self.rebuild_tree();
        self.select_node(Node::Section(section));
    }

    fn click(&mut self, col: u16, row: u16) {
        let a = self.areas;
        if let Some(r) = Areas::row_in(a.reports, col, row) {
            self.focus = Focus::Reports;
            if self.reports_offset + r < self.library.reports.len() {
                self.select_report(self.reports_offset + r);
            }
        } else if let Some(r) = Areas::row_in(a.tree, col, row) {
            self.focus = Focus::Tree;
            if self.tree_offset + r < self.tree.len() {
                self.select_tree(self.tree_offset + r);
            }
        } else if Areas::row_in(a.reader, col, row).is_some() {
            self.focus = Focus::Reader;
        } else if let Some(r) = Areas::row_in(a.figures, col, row) {
            self.focus = Focus::Figures;
            if self.figures_offset + r < self.figure_rows.len() {
                self.select_figure(self.figures_offset + r);
            }
        }
    }

    fn wheel(&mut self, col: u16, row: u16, down: bool) {
        let d: isize = if down { 1 } else { -1 };
        let a = self.areas;
        if Areas::row_in(a.reader, col, row).is_some() {
            self.scroll_reader(d * WHEEL_ROWS as isize);
        } else if Areas::row_in(a.tree, col, row).is_some() {
            self.select_tree(add(self.tree_selected, d));
        } else if Areas::row_in(a.reports, col, row).is_some() {
            self.select_report(add(self.report, d));
        } else if Areas::row_in(a.figures, col, row).is_some() {
            self.select_figure(add(self.figures_selected, d));
        }
    }

    pub fn figures_shown(&self) -> bool {
        self.areas.figures.height > 2
    }

    fn toggle_figures_scope(&mut self) {
        self.figures_all = !self.figures_all;
        self.rebuild_figures();
        self.message = Some(if self.figures_all {
            "figures: the whole report".into()
        } else {
            "figures: the selected section".into()
        });
    }

    /// Lists the figures of the selected section (with its subsections),
    /// or of the whole report.
    fn rebuild_figures(&mut self) {
        let all = self.figures_all;
        let section = self.section;
        self.figure_rows = match self.current() {
            Some(r) => {
                let within = r.sections.get(section).map(|s| s.blocks.clone());
                r.figures
                    .iter()
                    .enumerate()
                    .filter(|(_, f)| {
                        all || within.as_ref().is_some_and(|b| {
                            let own = &r.sections[f.section].blocks;
                            b.start <= own.start && own.end <= b.end
                        })
                    })
                    .map(|(i, _)| i)
                    .collect()
            }
            None => Vec::new(),
        };
        self.figures_selected = 0;
        self.figures_offset = 0;
    }

    pub fn select_figure(&mut self, i: usize) {
        if self.figure_rows.is_empty() {
            return;
        }
        self.figures_selected = i.min(self.figure_rows.len() - 1);
        self.figures_offset = visible_offset(
            self.figures_offset,
            self.figures_selected,
            Areas::inner_height(self.areas.figures),
        );
    }

    /// Enter on a figure: the reader shows its section with its span marked.
    fn go_to_figure(&mut self) {
        let Some(&fi) = self.figure_rows.get(self.figures_selected) else {
            return;
        };
        let Some(hit) = self
            .current()
            .and_then(|r| reader::figure_hit(r, &r.figures[fi]))
        else {
            return;
        };
        let (all, selected, offset) =
            (self.figures_all, self.figures_selected, self.figures_offset);
        self.show_span(hit);
        // Keep the figures list where it was when it lists the whole report.
        if all {
            self.figures_selected = selected;
            self.figures_offset = offset;
        } else if let Some(i) = self.figure_rows.iter().position(|&x| x == fi) {
            self.select_figure(i);
        }
        self.focus = Focus::Figures;
    }

    fn open_corpus(&mut self) {
        self.corpus = Some(Corpus::new(
            &self.library.reports,
            &crate::figures::indicators::global().0,
        ));
        self.before_corpus = self.focus;
        self.focus = Focus::Corpus;
    }

    fn corpus_update(&mut self, action: Action) {
        let Some(c) = self.corpus.as_mut() else {
            self.focus = self.before_corpus;
            return;
        };
        match action {
            Action::Up => c.step_row(-1),
            Action::Down => c.step_row(1),
            Action::Left => c.step_col(-1),
            Action::Right => c.step_col(1),
            Action::Top => c.row = 0,
            Action::Bottom => c.step_row(isize::MAX),
            Action::Sort => c.cycle_sort(),
            Action::Open => {
                let report = c.order.get(c.row).copied();
                self.close_corpus();
                if let Some(r) = report {
                    self.select_report(r);
                }
            }
            Action::Corpus => self.close_corpus(),
            Action::Help => self.show_help = true,
            Action::Quit => self.quit = true,
            _ => {}
        }
    }

    fn close_corpus(&mut self) {
        self.corpus = None;
        self.focus = self.before_corpus;
    }

    /// `m`: the selected report becomes A (again: unmarked).
    fn mark_report(&mut self) {
        if self.marked == Some(self.report) {
            self.marked = None;
            self.message = Some("unmarked".into());
            return;
        }
        self.marked = Some(self.report);
        let name = self.current().map(|r| r.label()).unwrap_or_default();
        self.message = Some(format!(
            "marked {name} as A: select another report and press d to compare"
        ));
    }

    /// `d`: the marked report (A) against the selected one (B).
    fn open_compare(&mut self) {
        let b = self.report;
        let a = match self.marked {
            Some(a) if a != b && a < self.library.reports.len() => a,
            Some(_) => {
                self.message =
                    Some("select a report other than the marked one, then press d".into());
                return;
            }
            None => {
                self.message =
                    Some("press m on a report to mark it as A, then d on another".into());
                return;
            }
        };
        let reports = &self.library.reports;
        let comparison = crate::compare::compare_within(
            &reports[a],
            &reports[b],
            &crate::compare::topics::global().0,
            &crate::figures::indicators::global().0,
            self.compare_budget,
        );
        let mut view = CompareView::new(a, b, comparison);
        view.layout(
            Areas::compare_width(self.areas),
            Areas::compare_height(self.areas),
        );
        self.compare = Some(view);
        self.before_compare = self.focus;
        self.focus = Focus::Compare;
        self.message = None;
    }

    fn compare_update(&mut self, action: Action) {
        let Some(c) = self.compare.as_mut() else {
            self.focus = self.before_compare;
            return;
        };
        match action {
            Action::Up => c.step(-1),
            Action::Down => c.step(1),
            Action::PageUp => c.scroll_by(-c.page()),
            Action::PageDown => c.scroll_by(c.page()),
            Action::Top => c.step(isize::MIN),
            Action::Bottom => c.step(isize::MAX),
            Action::FocusNext | Action::FocusPrev => c.switch_side(),
            Action::FiguresScope => c.figures = !c.figures,
            Action::Wheel { down, .. } => c.scroll_by(if down { 3 } else { -3 }),
            Action::Open => {
                let target = c.focused_section();
                self.close_compare();
                if let Some((report, section)) = target {
                    self.select_report(report);
                    self.show_section(section);
                    self.focus = Focus::Reader;
                }
            }
            Action::Compare => self.close_compare(),
            Action::Help => self.show_help = true,
            Action::Quit => self.quit = true,
            _ => {}
        }
    }

    fn close_compare(&mut self) {
        self.compare = None;
        self.focus = self.before_compare;
    }
}

fn add(i: usize, delta: isize) -> usize {
    i.saturating_add_signed(delta)
}

/// The scroll offset that keeps `selected` inside a window of `height` rows.
fn visible_offset(offset: usize, selected: usize, height: usize) -> usize {
    let height = height.max(1);
    if selected < offset {
        selected
    } else if selected >= offset + height {
        selected + 1 - height
    } else {
        offset
    }
}

/// The marker of an item as a span of its block.
fn item_mark(report: &Report, item: usize) -> Option<Hit> {
    let it = report.items.get(item)?;
    let (b, block) = report
        .blocks
        .iter()
        .enumerate()
        .find(|(_, b)| b.line == it.line && (b.col..b.col + b.len).contains(&it.col))?;
    Some(Hit {
        block: b,
        col: it.col - block.col,
        len: it.marker.chars().count(),
    })
}
