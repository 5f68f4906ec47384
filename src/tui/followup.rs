//! The follow-up screen: one year's plans on the left, each marked
//! reported or not found, and on the right the selected plan in full with
//! the passages of the next year's report that report on it, best first,
//! each with its score; the shortcomings the next year repeats below.
//! Enter reads the selected passage in its report.

use ratatui::layout::{Constraint, Layout, Rect};

use crate::followup::{self, Followup, Passage};
use crate::report::Hit;

use super::action::Action;
use super::keys::Scope;
use super::layout::inner_height;
use super::list::Cursor;
use super::screen::{Route, Transition};
use super::session::Session;

/// Which side has the keys.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Side {
    Plans,
    Evidence,
}

#[derive(Debug, Clone)]
pub struct FollowupView {
    /// Library indices: the year of the plans and the year after.
    pub a: usize,
    pub b: usize,
    pub result: Followup,
    pub plans: Cursor,
    /// The selected evidence passage of the selected plan.
    pub evidence: usize,
    pub side: Side,
    pub left: Rect,
    pub right: Rect,
    pub bottom: Rect,
}

impl FollowupView {
    pub fn new(s: &Session, a: usize, b: usize) -> FollowupView {
        let reports = &s.library.reports;
        let result = followup::followup(&reports[a], &reports[b]);
        FollowupView {
            a,
            b,
            plans: Cursor::new(result.promises.len(), 1),
            result,
            evidence: 0,
            side: Side::Plans,
            left: Rect::default(),
            right: Rect::default(),
            bottom: Rect::default(),
        }
    }

    pub fn scope(&self) -> Scope {
        Scope::Followup
    }

    pub fn resize(&mut self, body: Rect) {
        let bottom_h = (body.height / 4).clamp(3, 10).min(body.height);
        let [top, bottom] =
            Layout::vertical([Constraint::Fill(1), Constraint::Length(bottom_h)]).areas(body);
        [self.left, self.right] =
            Layout::horizontal([Constraint::Length(body.width * 2 / 5), Constraint::Fill(1)])
                .areas(top);
        self.bottom = bottom;
        self.plans.set_height(inner_height(self.left));
    }

    pub fn update(&mut self, action: Action, s: &mut Session) -> Transition {
        match (action, self.side) {
            (Action::Up, Side::Plans) => self.step_plan(-1),
            (Action::Down, Side::Plans) => self.step_plan(1),
            (Action::Up, Side::Evidence) => self.evidence = self.evidence.saturating_sub(1),
            (Action::Down, Side::Evidence) => {
                let n = self.selected().map_or(0, |p| p.evidence.len());
                self.evidence = (self.evidence + 1).min(n.saturating_sub(1));
            }
            (Action::Top, _) => self.step_plan(isize::MIN / 2),
            (Action::Bottom, _) => self.step_plan(isize::MAX / 2),
            (Action::PageUp, _) => self.step_plan(-self.plans.page()),
            (Action::PageDown, _) => self.step_plan(self.plans.page()),
            (Action::FocusNext, _) => {
                self.side = match self.side {
                    Side::Plans => Side::Evidence,
                    Side::Evidence => Side::Plans,
                }
            }
            (Action::Open, _) => return self.read(s),
            (Action::Back | Action::Followup, _) => return Transition::Back,
            _ => {}
        }
        Transition::Stay
    }

    fn step_plan(&mut self, delta: isize) {
        self.plans.step(delta);
        self.evidence = 0;
    }

    pub fn selected(&self) -> Option<&followup::Promise> {
        self.result.promises.get(self.plans.selected())
    }

    /// Enter: on the plans side the plan in its report; on the other the
    /// selected passage in the next year's (the plan when it has none).
    fn read(&self, s: &Session) -> Transition {
        let Some(p) = self.selected() else {
            return Transition::Stay;
        };
        let (report, passage) = match (self.side, p.evidence.get(self.evidence)) {
            (Side::Evidence, Some(e)) => (self.b, &e.passage),
            _ => (self.a, &p.plan),
        };
        let r = &s.library.reports[report];
        let section = r.blocks.get(passage.block).map_or(0, |b| b.section);
        Transition::Open(Route::Reading {
            report,
            section,
            span: Some(hit(passage)),
        })
    }
}

impl FollowupView {
    /// What `Y` copies: the selected plan and the passage that reports on
    /// it (when there is one), each with where it stands.
    pub fn copy(&self, s: &Session) -> Option<String> {
        let p = self.selected()?;
        let (a, b) = (&s.library.reports[self.a], &s.library.reports[self.b]);
        let cite = |r: &crate::report::Report, x: &Passage| {
            let section = r.blocks.get(x.block).map(|b| b.section);
            format!("{}\n— {}", x.text.trim(), r.citation(section, Some(x.line)))
        };
        let mut out = cite(a, &p.plan);
        if let Some(e) = p.evidence.get(self.evidence) {
            out.push_str(&format!("\n\nreported:\n{}", cite(b, &e.passage)));
        }
        Some(out)
    }
}

/// A passage as a span of its block, for the reader to show.
fn hit(p: &Passage) -> Hit {
    Hit {
        block: p.block,
        col: p.chars.start,
        len: p.chars.len(),
    }
}
