//! Search across every loaded report: the field, then the hits as a list
//! grouped by report (a row naming the report and its count, then a row
//! per hit). Enter reads a hit in its report; going back from there
//! shows the list where it was. The matching is the library's
//! ([`crate::corpus::search`]); this screen only holds what it found.

use std::time::{Duration, Instant};

use ratatui::layout::Rect;

use crate::corpus::search::{Query, ReportHits};
use crate::report::Hit;

use super::action::Action;
use super::copy;
use super::keys::Scope;
use super::layout::inner_height;
use super::list::Cursor;
use super::reading::filter::Filter;
use super::screen::{Route, Transition};
use super::session::Session;

/// A report's hits listed beyond this many are counted, not listed: a
/// pattern such as `.` must not list every char of the library.
pub(crate) const LISTED_PER_REPORT: usize = 200;

/// One row of the list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FoundRow {
    /// A report with hits, and how many.
    Report {
        report: usize,
        count: usize,
    },
    Hit {
        report: usize,
        hit: Hit,
    },
}

impl FoundRow {
    fn report(self) -> usize {
        match self {
            FoundRow::Report { report, .. } | FoundRow::Hit { report, .. } => report,
        }
    }
}

#[derive(Debug, Clone)]
pub struct Finder {
    /// The field, open while the query is typed.
    pub field: Filter,
    /// A regular expression rather than a literal phrase.
    pub regex: bool,
    /// The query the rows are of.
    pub query: String,
    pub rows: Vec<FoundRow>,
    pub cursor: Cursor,
    /// Hits and reports with hits, and how long the search took.
    pub hits: usize,
    pub reports: usize,
    pub took: Duration,
    /// Why the query could not run.
    pub problem: Option<String>,
    pub area: Rect,
}

impl Finder {
    /// The screen with its field open.
    pub fn new() -> Finder {
        Finder {
            field: Filter {
                editing: true,
                query: String::new(),
            },
            regex: false,
            query: String::new(),
            rows: Vec::new(),
            cursor: Cursor::default(),
            hits: 0,
            reports: 0,
            took: Duration::ZERO,
            problem: None,
            area: Rect::default(),
        }
    }

    pub fn scope(&self) -> Scope {
        match self.field.editing {
            true => Scope::FinderField,
            false => Scope::Finder,
        }
    }

    pub(crate) fn resize(&mut self, body: Rect) {
        self.area = body;
        self.cursor.set_height(inner_height(body));
    }

    pub fn selected(&self) -> Option<FoundRow> {
        self.rows.get(self.cursor.selected()).copied()
    }

    /// "literal phrase" or "regular expression", for the field and title.
    pub fn mode(&self) -> &'static str {
        match self.regex {
            true => "regular expression",
            false => "phrase",
        }
    }

    pub fn paste(&mut self, text: &str, s: &mut Session) {
        if self.field.editing && self.field.paste(text) {
            s.say("the field is full: the rest of the paste is left out");
        }
    }

    pub fn update(&mut self, action: Action, s: &mut Session) -> Transition {
        if self.field.editing {
            return self.update_field(action, s);
        }
        if self.cursor.apply(action) {
            return Transition::Stay;
        }
        match action {
            Action::SearchStart => self.field.editing = true,
            Action::RegexToggle => {
                self.regex = !self.regex;
                self.run(s);
            }
            Action::Open => return self.open(s),
            Action::Back | Action::Find => return Transition::Back,
            _ => {}
        }
        Transition::Stay
    }

    fn update_field(&mut self, action: Action, s: &mut Session) -> Transition {
        match action {
            Action::SearchInput(c) => self.field.input(Some(c)),
            Action::SearchBackspace => self.field.input(None),
            Action::RegexToggle => self.regex = !self.regex,
            Action::SearchConfirm => {
                self.field.editing = false;
                self.query = self.field.query.clone();
                self.run(s);
            }
            // Esc closes the field; with nothing found yet, the screen.
            Action::Back if self.query.is_empty() => return Transition::Back,
            Action::Back => {
                self.field.editing = false;
                self.field.query = self.query.clone();
            }
            _ => {}
        }
        Transition::Stay
    }

    /// Searches every loaded report for the query, the list at its top.
    fn run(&mut self, s: &mut Session) {
        let start = Instant::now();
        self.rows.clear();
        (self.hits, self.reports) = (0, 0);
        self.problem = None;
        match Query::new(&self.query, self.regex) {
            Ok(q) => {
                let found = q.search(&s.library.reports);
                self.list(&found);
            }
            Err(e) => self.problem = Some(e.to_string()),
        }
        self.took = start.elapsed();
        self.cursor.set_len(self.rows.len());
        self.cursor.select(0);
        if let Some(p) = &self.problem {
            s.say(p.clone());
        }
    }

    fn list(&mut self, found: &[ReportHits]) {
        for f in found {
            self.rows.push(FoundRow::Report {
                report: f.report,
                count: f.hits.len(),
            });
            let listed = f.hits.iter().take(LISTED_PER_REPORT);
            self.rows.extend(listed.map(|&hit| FoundRow::Hit {
                report: f.report,
                hit,
            }));
            self.hits += f.hits.len();
        }
        self.reports = found.len();
    }

    /// Enter: the report at the hit (a report's row: at its first hit).
    fn open(&self, s: &Session) -> Transition {
        let i = self.cursor.selected();
        let hit = match self.rows.get(i) {
            Some(FoundRow::Hit { report, hit }) => Some((*report, *hit)),
            Some(FoundRow::Report { report, .. }) => match self.rows.get(i + 1) {
                Some(FoundRow::Hit { hit, .. }) => Some((*report, *hit)),
                _ => None,
            },
            None => None,
        };
        let Some((report, hit)) = hit else {
            return Transition::Stay;
        };
        let section = s
            .library
            .reports
            .get(report)
            .and_then(|r| r.blocks().get(hit.block))
            .map_or(0, |b| b.section);
        Transition::Open(Route::Reading {
            report,
            section,
            span: Some(hit),
        })
    }

    /// What `Y` copies: the hit's line with where it stands, or the
    /// report.
    pub fn copy(&self, s: &Session) -> Option<String> {
        let row = self.selected()?;
        let r = s.library.reports.get(row.report())?;
        match row {
            FoundRow::Hit { hit, .. } => Some(copy::line(r, r.blocks().get(hit.block)?.line)),
            FoundRow::Report { .. } => Some(copy::report(r)),
        }
    }
}

impl Default for Finder {
    fn default() -> Finder {
        Finder::new()
    }
}
