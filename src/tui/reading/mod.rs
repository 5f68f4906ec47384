//! The reading screen: the reports list, the section tree, the reader and
//! the figures pane. It owns what each pane shows and turns actions into
//! changes of it, or into a transition to another screen.

pub mod figures;
pub mod filter;
mod mouse;
pub mod search;
pub mod text;
pub mod tree;

use ratatui::layout::Rect;

use crate::report::Hit;
use crate::report::Report;

use self::figures::FigureList;
use self::filter::Filter;
use self::search::Search;
use self::text::Text;
use self::tree::{Node, Tree};
use super::action::Action;
use super::copy;
use super::keys::Scope;
use super::layout::{inner_height, inner_width, Areas};
use super::list::Cursor;
use super::screen::{Route, Transition};
use super::session::Session;

/// The pane that has the keys.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pane {
    Reports,
    Tree,
    Reader,
    Figures,
}

impl Pane {
    const CYCLE: [Pane; 4] = [Pane::Reports, Pane::Tree, Pane::Reader, Pane::Figures];

    fn cycled(self, delta: isize, figures_shown: bool) -> Pane {
        let n = Pane::CYCLE.len() as isize;
        let mut i = Pane::CYCLE.iter().position(|&f| f == self).unwrap_or(0) as isize;
        loop {
            i = (i + delta).rem_euclid(n);
            let p = Pane::CYCLE[i as usize];
            if p != Pane::Figures || figures_shown {
                return p;
            }
        }
    }
}

#[derive(Debug, Clone)]
pub struct Reading {
    pub focus: Pane,
    /// Over the listed reports, `rows` (the skipped files are listed
    /// after them, not selectable).
    pub reports: Cursor,
    /// The library indices of the reports listed: all, or those the
    /// filter names.
    pub rows: Vec<usize>,
    pub filter: Filter,
    /// The report the tree and the reader show (a library index): it
    /// stays when a filter lists no report.
    pub report: usize,
    pub tree: Tree,
    pub text: Text,
    pub figures: FigureList,
    pub search: Search,
    pub areas: Areas,
}

impl Reading {
    /// The first report's first section.
    pub fn new(s: &Session) -> Reading {
        let mut r = Reading {
            focus: Pane::Tree,
            reports: Cursor::default(),
            rows: (0..s.library.reports.len()).collect(),
            filter: Filter::default(),
            report: 0,
            tree: Tree::new(s.library.reports.len()),
            text: Text::default(),
            figures: FigureList::default(),
            search: Search::default(),
            areas: Areas::default(),
        };
        r.reports.set_len(s.library.reports.len());
        r.resize(s, s.body);
        r.select_report(s, 0);
        r
    }

    /// A report opened at a section, with a span marked (from another
    /// screen); the reader has the keys.
    pub fn at(s: &Session, report: usize, section: usize, span: Option<Hit>) -> Reading {
        let mut r = Reading::new(s);
        r.select_report(s, report);
        match span {
            Some(span) => r.show_span(s, span),
            None => r.show_section(s, section),
        }
        r.focus = Pane::Reader;
        r
    }

    pub fn scope(&self) -> Scope {
        if self.search.editing.is_some() {
            return Scope::SearchField;
        }
        if self.filter.editing {
            return Scope::FilterField;
        }
        match self.focus {
            Pane::Reports => Scope::Reports,
            Pane::Tree => Scope::Tree,
            Pane::Reader => Scope::Reader,
            Pane::Figures => Scope::Figures,
        }
    }

    /// The selected report's index in the library.
    pub(crate) fn report_index(&self) -> usize {
        self.report
    }

    pub fn report<'a>(&self, s: &'a Session) -> Option<&'a Report> {
        s.library.reports.get(self.report)
    }

    pub(crate) fn resize(&mut self, s: &Session, body: Rect) {
        let rows = s.library.reports.len() + s.library.skipped.len();
        self.areas = Areas::compute(body, rows);
        self.reports.set_height(inner_height(self.areas.reports));
        self.tree.cursor.set_height(inner_height(self.areas.tree));
        self.figures
            .cursor
            .set_height(inner_height(self.areas.figures));
        let width = inner_width(self.areas.reader).saturating_sub(1).max(2);
        let report = self.report(s);
        self.text
            .resize(report, width, inner_height(self.areas.reader));
        if self.focus == Pane::Figures && !self.areas.figures_shown() {
            self.focus = Pane::Reader;
        }
    }

    /// What `Y` copies: the selected figure with its sentence, the
    /// current search hit's line, the selected section, or the report.
    pub fn copy(&self, s: &Session) -> Option<String> {
        let r = self.report(s)?;
        match self.focus {
            Pane::Reports => Some(copy::report(r)),
            Pane::Figures => copy::figure(r, self.figures.selected()?),
            Pane::Reader if self.search.current.is_some() => {
                let hit = self.search.hits.get(self.search.current?)?;
                Some(copy::line(r, r.blocks().get(hit.block)?.line))
            }
            Pane::Tree | Pane::Reader => copy::section(r, self.text.section?),
        }
    }

    /// A paste, while the search field is open, goes into it whole.
    pub fn paste(&mut self, text: &str, s: &mut Session) {
        if self.filter.editing {
            if self.filter.paste(text) {
                s.say(format!(
                    "the filter holds {} characters: the rest of the paste is left out",
                    search::MAX_QUERY
                ));
            }
            return self.refilter(s);
        }
        if self.search.paste(text) {
            s.say(format!(
                "the search field holds {} characters: the rest of the paste is left out",
                search::MAX_QUERY
            ));
        }
    }

    pub fn update(&mut self, action: Action, s: &mut Session) -> Transition {
        match action {
            Action::Up => self.step(s, -1),
            Action::Down => self.step(s, 1),
            Action::Left => self.left(s),
            Action::Right => self.right(s),
            Action::PageUp | Action::PageDown if self.focus == Pane::Reports => {
                let page = self.reports.page();
                let delta = if action == Action::PageUp {
                    -page
                } else {
                    page
                };
                self.step(s, delta)
            }
            Action::PageUp => self.text.cursor.scroll(-self.text.cursor.page()),
            Action::PageDown => self.text.cursor.scroll(self.text.cursor.page()),
            Action::Top => self.jump(s, false),
            Action::Bottom => self.jump(s, true),
            Action::FocusNext => self.cycle(1),
            Action::FocusPrev => self.cycle(-1),
            Action::Open => self.open(s),
            Action::FiguresScope => self.toggle_figures_scope(s),
            Action::Mark => mark_report(s, self.report_index()),
            Action::Corpus => {
                return Transition::Open(Route::Corpus {
                    at: Some(self.report_index()),
                    shown: self.rows.clone(),
                })
            }
            Action::Compare => return self.compare(s),
            Action::Followup => {
                return crate::tui::followup::open_from_list(s, self.report_index())
            }
            Action::Years => {
                return Transition::Open(Route::Years {
                    report: self.report_index(),
                })
            }
            Action::Shared => return self.shared(s),
            Action::ReuseList => return Transition::Open(Route::Reuse),
            Action::Find => return Transition::Open(Route::Finder),
            Action::Filter => self.filter.editing = true,
            Action::SearchInput(c) if self.filter.editing => self.filter_input(s, Some(c)),
            Action::SearchBackspace if self.filter.editing => self.filter_input(s, None),
            Action::SearchConfirm if self.filter.editing => self.filter_keep(s),
            Action::Back if self.filter.editing => self.filter_clear(s),
            Action::SearchStart => self.search.start(),
            Action::SearchInput(c) => self.search.input(Some(c)),
            Action::SearchBackspace => self.search.input(None),
            Action::SearchConfirm => self.search_confirm(s),
            Action::SearchNext => self.search_step(s, 1),
            Action::SearchPrev => self.search_step(s, -1),
            Action::Back if self.search.editing.is_some() => self.search.cancel(),
            Action::Back => return Transition::Back,
            Action::Click { col, row } => self.click(s, col, row),
            Action::Wheel { col, row, down } => self.wheel(s, col, row, down),
            Action::Help
            | Action::Quit
            | Action::Sort
            | Action::Choose
            | Action::Read
            | Action::CompareFigures
            | Action::Copy
            | Action::Export
            | Action::AllColumns
            | Action::HideEmpty
            | Action::Columns
            | Action::Toggle
            | Action::NoColumns
            | Action::MainColumns
            | Action::RegexToggle
            | Action::Resize(..) => {}
        }
        Transition::Stay
    }

    fn step(&mut self, s: &Session, delta: isize) {
        match self.focus {
            Pane::Reports => {
                self.select_list_row(s, self.reports.selected().saturating_add_signed(delta))
            }
            Pane::Tree => {
                self.select_row(s, self.tree.cursor.selected().saturating_add_signed(delta))
            }
            Pane::Reader => self.text.cursor.scroll(delta),
            Pane::Figures => self.figures.cursor.step(delta),
        }
    }

    fn jump(&mut self, s: &Session, end: bool) {
        let to = if end { usize::MAX } else { 0 };
        match self.focus {
            Pane::Reports => self.select_list_row(s, to),
            Pane::Tree => self.select_row(s, to),
            Pane::Reader => self.text.cursor.scroll_to(to),
            Pane::Figures => self.figures.cursor.select(to),
        }
    }

    fn cycle(&mut self, delta: isize) {
        self.focus = self.focus.cycled(delta, self.areas.figures_shown());
    }

    fn left(&mut self, s: &Session) {
        match self.focus {
            Pane::Reports => {}
            Pane::Reader | Pane::Figures => self.focus = Pane::Tree,
            Pane::Tree => {
                let (Some(report), Some(row)) = (self.report(s), self.tree.selected().cloned())
                else {
                    return self.focus = Pane::Reports;
                };
                if let (true, Node::Section(sec)) = (row.expanded, row.node) {
                    return self.tree.set_folded(report, self.report_index(), sec, true);
                }
                match tree::parent(report, row.node).and_then(|p| self.tree.position(p)) {
                    Some(i) => self.select_row(s, i),
                    None => self.focus = Pane::Reports,
                }
            }
        }
    }

    fn right(&mut self, s: &Session) {
        match self.focus {
            Pane::Reports => self.focus = Pane::Tree,
            Pane::Reader | Pane::Figures => {}
            Pane::Tree => match (self.report(s), self.tree.selected().cloned()) {
                (Some(report), Some(row)) if row.has_children && !row.expanded => {
                    if let Node::Section(sec) = row.node {
                        self.tree
                            .set_folded(report, self.report_index(), sec, false);
                    }
                }
                _ => self.focus = Pane::Reader,
            },
        }
    }

    fn open(&mut self, s: &Session) {
        match self.focus {
            Pane::Reports => self.focus = Pane::Tree,
            Pane::Figures => self.go_to_figure(s),
            Pane::Tree | Pane::Reader => self.focus = Pane::Reader,
        }
    }

    /// Room for reports added at the end of the library.
    /// The list shows them when the filter names them; the report shown
    /// stays shown and selected.
    pub fn grow(&mut self, s: &Session) {
        self.tree.grow(s.library.reports.len());
        self.rows = self.filter.rows(&s.library.reports);
        self.reports.set_len(self.rows.len());
        if let Ok(pos) = self.rows.binary_search(&self.report) {
            self.reports.select(pos);
        }
    }

    /// Selects the report at row `pos` of the list (clamped); an empty
    /// list keeps the report shown.
    pub(crate) fn select_list_row(&mut self, s: &Session, pos: usize) {
        self.reports.select(pos);
        if let Some(&i) = self.rows.get(self.reports.selected()) {
            self.select_report(s, i);
        }
    }

    /// Shows report `i` of the library (clamped), selecting its row when
    /// the list holds it.
    pub(crate) fn select_report(&mut self, s: &Session, i: usize) {
        self.report = i.min(s.library.reports.len().saturating_sub(1));
        if let Ok(pos) = self.rows.binary_search(&self.report) {
            self.reports.select(pos);
        }
        self.search.clear_hits();
        let r = self.report_index();
        let report = self.report(s);
        self.tree.rebuild(report, r, None);
        self.tree.cursor.select(0);
        self.text.reused = reused(s, r);
        // Another report's sections share indices with this one's: show
        // whatever the first row is, even at the same index.
        self.text.section = None;
        self.show_row(s);
    }

    pub(crate) fn select_row(&mut self, s: &Session, i: usize) {
        self.tree.cursor.select(i);
        self.show_row(s);
    }

    /// The reader shows the selected row's section, from its top, with an
    /// item's marker highlighted.
    fn show_row(&mut self, s: &Session) {
        let report = self.report(s);
        let node = self.tree.selected().map(|r| r.node);
        let section = report.zip(node).map(|(r, n)| tree::section_of(r, n));
        if section != self.text.section || section.is_none() {
            let width = inner_width(self.areas.reader).saturating_sub(1).max(2);
            self.text.show(report, section, width);
            self.figures.rebuild(report, section);
        }
        self.text.cursor.scroll_to(0);
        let mark = match (report, node) {
            (Some(r), Some(Node::Item(it))) => r.item_span(it),
            _ => None,
        };
        self.text.mark(mark);
    }

    /// Selects a section of the report, unfolding what holds it.
    pub(crate) fn show_section(&mut self, s: &Session, section: usize) {
        let Some(report) = self.report(s) else { return };
        self.tree.unfold_to(report, self.report_index(), section);
        if let Some(i) = self.tree.position(Node::Section(section)) {
            self.select_row(s, i);
        }
    }

    /// Selects the section that holds a span and highlights the span.
    pub(crate) fn show_span(&mut self, s: &Session, span: Hit) {
        let Some(section) = self
            .report(s)
            .and_then(|r| r.blocks().get(span.block))
            .map(|b| b.section)
        else {
            return;
        };
        self.show_section(s, section);
        self.text.mark(Some(span));
    }

    /// Enter on a figure: the reader shows its sentence with the figure
    /// highlighted; the list keeps its place.
    fn go_to_figure(&mut self, s: &Session) {
        let Some(fi) = self.figures.selected() else {
            return;
        };
        let Some(span) = self.report(s).and_then(|r| r.figure_span(&r.figures()[fi])) else {
            return;
        };
        let keep = self.figures.cursor;
        self.show_span(s, span);
        if self.figures.all {
            self.figures.cursor = keep;
        } else {
            self.figures.select_figure(fi);
        }
        self.focus = Pane::Figures;
    }

    fn toggle_figures_scope(&mut self, s: &mut Session) {
        self.figures.all = !self.figures.all;
        let report = s.library.reports.get(self.report);
        self.figures.rebuild(report, self.text.section);
        s.say(if self.figures.all {
            "figures: the whole report"
        } else {
            "figures: the selected section"
        });
    }

    fn search_confirm(&mut self, s: &mut Session) {
        let from = self.text.top_block().unwrap_or(0);
        let report = s.library.reports.get(self.report);
        let hit = self.search.confirm(report, from);
        s.say(self.search.status());
        if let Some(hit) = hit {
            self.show_span(s, hit);
        }
    }

    fn search_step(&mut self, s: &mut Session, delta: isize) {
        let hit = self.search.step(delta);
        s.say(self.search.status());
        if let Some(hit) = hit {
            self.show_span(s, hit);
        }
    }

    fn filter_input(&mut self, s: &mut Session, c: Option<char>) {
        self.filter.input(c);
        self.refilter(s);
    }

    /// The list shows the reports the filter names; the shown report
    /// stays selected when it is among them, else the first is shown.
    fn refilter(&mut self, s: &mut Session) {
        self.rows = self.filter.rows(&s.library.reports);
        self.reports.set_len(self.rows.len());
        match self.rows.binary_search(&self.report) {
            Ok(pos) => self.reports.select(pos),
            Err(_) if !self.rows.is_empty() => self.select_list_row(s, 0),
            Err(_) => {}
        }
    }

    /// Enter: the filter stays, the list keeps the keys.
    fn filter_keep(&mut self, s: &mut Session) {
        self.filter.editing = false;
        if self.filter.is_active() {
            s.say(format!(
                "{} of {} reports: press / then Esc to list them all",
                self.rows.len(),
                s.library.reports.len()
            ));
        }
    }

    /// Esc: every report is listed again, the shown one selected.
    fn filter_clear(&mut self, s: &mut Session) {
        self.filter = Filter::default();
        self.refilter(s);
    }

    /// `r`: where else the shown section's text appears.
    fn shared(&self, s: &mut Session) -> Transition {
        match self.text.section {
            Some(section) => Transition::Open(Route::Shared {
                report: self.report_index(),
                section,
            }),
            None => {
                s.say("select a section first");
                Transition::Stay
            }
        }
    }

    /// `d`: the marked report (A) against the selected one (B).
    fn compare(&mut self, s: &mut Session) -> Transition {
        let b = self.report_index();
        match s.marked {
            Some(a) if a != b && a < s.library.reports.len() => {
                Transition::Open(Route::Compare { a, b })
            }
            Some(_) => {
                s.say("select a report other than the marked one, then press d");
                Transition::Stay
            }
            None => {
                s.say("press m on a report to mark it as A, then d on another");
                Transition::Stay
            }
        }
    }
}

/// The passages of report `r` that other loaded reports share, when the
/// reuse of the loaded reports is found (or quick to find).
fn reused(s: &Session, r: usize) -> Vec<crate::report::Hit> {
    if r >= s.library.reports.len() || s.reuse_if_quick().is_none() {
        return Vec::new();
    }
    let partners = s.partners(r);
    let spans = partners.iter().flat_map(|p| &p.shared.passages);
    spans.flat_map(|x| x.a_spans.iter().copied()).collect()
}

/// `m`: the selected report becomes A (again: unmarked).
fn mark_report(s: &mut Session, report: usize) {
    if s.marked == Some(report) {
        s.marked = None;
        s.say("unmarked");
        return;
    }
    s.marked = Some(report);
    let name = s
        .library
        .reports
        .get(report)
        .map(|r| r.label())
        .unwrap_or_default();
    s.say(format!(
        "marked {name} as A: select another report and press d to compare"
    ));
}
