//! The screens the TUI stacks: reading at the bottom, the corpus and
//! compare screens (and a reading screen opened from them) above. Keys go
//! to the screen on top; leaving it shows the one below as it was. A
//! route a screen returns is built into its screen here.

use ratatui::layout::Rect;

use crate::report::Hit;

use super::action::Action;
use super::candidates::Candidates;
use super::compare::Compare;
use super::corpus::Corpus;
use super::finder::Finder;
use super::followup::FollowupView;
use super::keys::Scope;
use super::reading::Reading;
use super::reuse::{ReuseList, SharedFacing};
use super::screen::{Route, Transition};
use super::session::Session;
use super::years::Years;

#[derive(Debug, Clone)]
pub enum Screen {
    Reading(Box<Reading>),
    Corpus(Box<Corpus>),
    Compare(Box<Compare>),
    Candidates(Box<Candidates>),
    Years(Box<Years>),
    Followup(Box<FollowupView>),
    ReuseList(Box<ReuseList>),
    SharedFacing(Box<SharedFacing>),
    Finder(Box<Finder>),
}

impl Screen {
    /// The screen a route opens.
    pub fn open(route: Route, s: &Session) -> Screen {
        match route {
            Route::Reading {
                report,
                section,
                span,
            } => Screen::reading_at(s, report, section, span),
            Route::Corpus { at, shown } => Screen::corpus(s, at, shown),
            Route::Compare { a, b } => Screen::compare(s, a, b),
            Route::Candidates { report, indicator } => Screen::candidates(s, report, &indicator),
            Route::Years { report } => Screen::years(s, report),
            Route::Followup { a, b } => Screen::followup(s, a, b),
            Route::Shared { report, section } => {
                Screen::reuse_list(s, ReuseList::of_section(s, report, section))
            }
            Route::Reuse => Screen::reuse_list(s, ReuseList::of_corpus(s)),
            Route::Finder => {
                let mut f = Finder::new();
                f.resize(s.body);
                Screen::Finder(Box::new(f))
            }
            Route::SharedFacing {
                a,
                b,
                passage,
                anchor,
            } => {
                let mut f = SharedFacing::new(s, a, b, passage, anchor);
                f.resize(s, s.body);
                Screen::SharedFacing(Box::new(f))
            }
        }
    }

    /// The corpus view, the row of report `at` selected.
    pub fn corpus(s: &Session, at: Option<usize>, shown: Vec<usize>) -> Screen {
        let mut c = Corpus::new(s, at, shown);
        c.resize(s.body);
        Screen::Corpus(Box::new(c))
    }

    /// The marked report (A) against report `b`.
    pub fn compare(s: &Session, a: usize, b: usize) -> Screen {
        let mut c = Compare::new(s, a, b);
        c.resize(s.body);
        Screen::Compare(Box::new(c))
    }

    /// The figures that could fill a report's cell of an indicator.
    pub fn candidates(s: &Session, report: usize, indicator: &str) -> Screen {
        let mut c = Candidates::new(s, report, indicator);
        c.resize(s.body);
        Screen::Candidates(Box::new(c))
    }

    /// The years of report `report`'s place.
    pub fn years(s: &Session, report: usize) -> Screen {
        let mut y = Years::new(s, report);
        y.resize(s.body);
        Screen::Years(Box::new(y))
    }

    /// Report `a`'s plans against report `b`, of the year after.
    pub fn followup(s: &Session, a: usize, b: usize) -> Screen {
        let mut f = FollowupView::new(s, a, b);
        f.resize(s.body);
        Screen::Followup(Box::new(f))
    }

    fn reuse_list(s: &Session, mut list: ReuseList) -> Screen {
        list.resize(s.body);
        Screen::ReuseList(Box::new(list))
    }

    /// A reading screen at a report's section, a span highlighted.
    pub(crate) fn reading_at(
        s: &Session,
        report: usize,
        section: usize,
        span: Option<Hit>,
    ) -> Screen {
        Screen::Reading(Box::new(Reading::at(s, report, section, span)))
    }

    pub fn scope(&self) -> Scope {
        match self {
            Screen::Reading(r) => r.scope(),
            Screen::Corpus(c) => c.scope(),
            Screen::Compare(c) => c.scope(),
            Screen::Candidates(c) => c.scope(),
            Screen::Years(y) => y.scope(),
            Screen::Followup(f) => f.scope(),
            Screen::ReuseList(l) => l.scope(),
            Screen::SharedFacing(f) => f.scope(),
            Screen::Finder(f) => f.scope(),
        }
    }

    /// The screen's share of the terminal changed (`body` is the screen
    /// less the status line).
    pub(crate) fn resize(&mut self, s: &Session, body: Rect) {
        match self {
            Screen::Reading(r) => r.resize(s, body),
            Screen::Corpus(c) => c.resize(body),
            Screen::Compare(c) => c.resize(body),
            Screen::Candidates(c) => c.resize(body),
            Screen::Years(y) => y.resize(body),
            Screen::Followup(f) => f.resize(body),
            Screen::ReuseList(l) => l.resize(body),
            Screen::SharedFacing(f) => f.resize(s, body),
            Screen::Finder(f) => f.resize(body),
        }
    }

    /// The screen shows again, the one above it closed: what that screen
    /// may have changed (a choice of cell) is read again.
    pub(crate) fn resume(&mut self, s: &Session) {
        match self {
            Screen::Corpus(c) => c.resume(s),
            Screen::Compare(c) => c.resume(s),
            Screen::Reading(_)
            | Screen::Candidates(_)
            | Screen::Years(_)
            | Screen::Followup(_)
            | Screen::ReuseList(_)
            | Screen::SharedFacing(_)
            | Screen::Finder(_) => {}
        }
    }

    /// What is selected, with where it stands, as text to copy.
    pub fn copy(&self, s: &Session) -> Option<String> {
        match self {
            Screen::Reading(r) => r.copy(s),
            Screen::Corpus(c) => c.copy(s),
            Screen::Compare(c) => c.copy(s),
            Screen::Candidates(c) => c.copy(s),
            Screen::Years(y) => y.copy(s),
            Screen::Followup(f) => f.copy(s),
            Screen::ReuseList(l) => l.copy(),
            Screen::SharedFacing(f) => f.copy(s),
            Screen::Finder(f) => f.copy(s),
        }
    }

    /// Pasted text, for the screen's open text field if it has one.
    pub fn paste(&mut self, text: &str, s: &mut Session) {
        match self {
            Screen::Reading(r) => r.paste(text, s),
            Screen::Finder(f) => f.paste(text, s),
            Screen::Corpus(c) => c.paste(text),
            _ => {}
        }
    }

    pub fn update(&mut self, action: Action, s: &mut Session) -> Transition {
        match self {
            Screen::Reading(r) => r.update(action, s),
            Screen::Corpus(c) => c.update(action, s),
            Screen::Compare(c) => c.update(action, s),
            Screen::Candidates(c) => c.update(action, s),
            Screen::Years(y) => y.update(action, s),
            Screen::Followup(f) => f.update(action, s),
            Screen::ReuseList(l) => l.update(action),
            Screen::SharedFacing(f) => f.update(action, s),
            Screen::Finder(f) => f.update(action, s),
        }
    }
}
