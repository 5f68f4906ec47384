//! The follow-up screen: one year's plans on the left, commitment by
//! commitment under the paragraph that holds them, each marked reported
//! (✓), not found (✗) or left unchecked at the time limit (?); on the
//! right the selected commitment (or paragraph) in full with the passages
//! of the next report's review that report on it, best first, each with
//! its score, and for a target the figure stated; the shortcomings the
//! next year repeats below. Enter reads the selected passage in its
//! report. Any two reports may be followed up: a note says when they are
//! not one place's consecutive years.

use ratatui::layout::{Constraint, Layout, Rect};

use crate::corpus::places;
use crate::followup::{self, Followup, Passage, Promise, Status};
use crate::report::Hit;

use super::action::Action;
use super::keys::Scope;
use super::layout::inner_height;
use super::list::Cursor;
use super::screen::{Route, Transition};
use super::session::Session;

/// Which side has the keys.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FollowupSide {
    Plans,
    Evidence,
}

/// A row of the plans list: a paragraph's heading, or one of its
/// promises (indices into the follow-up's lists).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PlanRow {
    Paragraph(usize),
    Promise(usize),
}

#[derive(Debug, Clone)]
pub struct FollowupView {
    /// Library indices: the report of the plans and the one read for them.
    pub a: usize,
    pub b: usize,
    pub result: Followup,
    /// Each paragraph's heading, then its promises, in the report's order.
    pub rows: Vec<PlanRow>,
    pub plans: Cursor,
    /// The selected evidence passage of the selected promise.
    pub evidence: usize,
    pub side: FollowupSide,
    /// Why the two are not one place's consecutive years, when they are
    /// not.
    pub note: Option<String>,
    pub left: Rect,
    pub right: Rect,
    pub bottom: Rect,
}

impl FollowupView {
    pub fn new(s: &Session, a: usize, b: usize) -> FollowupView {
        let reports = &s.library.reports;
        let result = followup::followup_within(&reports[a], &reports[b], s.followup_budget);
        let note = followup::not_consecutive(&reports[a], &reports[b], |r| r.label());
        let rows = rows(&result);
        // The first commitment, not its paragraph's heading.
        let first = rows
            .iter()
            .position(|r| matches!(r, PlanRow::Promise(_)))
            .unwrap_or(0);
        let mut plans = Cursor::new(rows.len(), 1);
        plans.select(first);
        FollowupView {
            a,
            b,
            plans,
            rows,
            result,
            evidence: 0,
            side: FollowupSide::Plans,
            note,
            left: Rect::default(),
            right: Rect::default(),
            bottom: Rect::default(),
        }
    }

    pub fn scope(&self) -> Scope {
        Scope::Followup
    }

    pub(crate) fn resize(&mut self, body: Rect) {
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
            (Action::Up, FollowupSide::Plans) => self.step_plan(-1),
            (Action::Down, FollowupSide::Plans) => self.step_plan(1),
            (Action::Up, FollowupSide::Evidence) => self.evidence = self.evidence.saturating_sub(1),
            (Action::Down, FollowupSide::Evidence) => {
                let n = self.selected().map_or(0, |p| p.evidence.len());
                self.evidence = (self.evidence + 1).min(n.saturating_sub(1));
            }
            (Action::Top, _) => self.step_plan(isize::MIN / 2),
            (Action::Bottom, _) => self.step_plan(isize::MAX / 2),
            (Action::PageUp, _) => self.step_plan(-self.plans.page()),
            (Action::PageDown, _) => self.step_plan(self.plans.page()),
            (Action::FocusNext | Action::FocusPrev, _) => {
                self.side = match self.side {
                    FollowupSide::Plans => FollowupSide::Evidence,
                    FollowupSide::Evidence => FollowupSide::Plans,
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

    /// The selected row.
    pub fn row(&self) -> Option<PlanRow> {
        self.rows.get(self.plans.selected()).copied()
    }

    /// The selected promise (None on a paragraph's heading).
    pub fn selected(&self) -> Option<&Promise> {
        match self.row()? {
            PlanRow::Promise(i) => self.result.promises.get(i),
            PlanRow::Paragraph(_) => None,
        }
    }

    /// The paragraph of the selected row.
    pub fn paragraph(&self) -> Option<usize> {
        match self.row()? {
            PlanRow::Paragraph(i) => Some(i),
            PlanRow::Promise(i) => self.result.promises.get(i).map(|p| p.paragraph),
        }
    }

    /// A paragraph's promises reported, of all its promises.
    pub(crate) fn reported_in(&self, paragraph: usize) -> (usize, usize) {
        let of = self
            .result
            .promises
            .iter()
            .filter(|p| p.paragraph == paragraph);
        let k = of.clone().filter(|p| p.status == Status::Reported).count();
        (k, of.count())
    }

    /// Enter: on the plans side the promise (or paragraph) in its report;
    /// on the other the selected passage in the next report (the promise
    /// when it has none).
    fn read(&self, s: &Session) -> Transition {
        let passage =
            match (self.row(), self.side) {
                (Some(PlanRow::Paragraph(i)), _) => {
                    self.result.paragraphs.get(i).map(|p| (self.a, &p.at))
                }
                (Some(PlanRow::Promise(i)), side) => self.result.promises.get(i).map(|p| {
                    match (side, p.evidence.get(self.evidence)) {
                        (FollowupSide::Evidence, Some(e)) => (self.b, &e.passage),
                        _ => (self.a, &p.plan),
                    }
                }),
                (None, _) => None,
            };
        let Some((report, passage)) = passage else {
            return Transition::Stay;
        };
        let r = &s.library.reports[report];
        let section = r.blocks().get(passage.block).map_or(0, |b| b.section);
        Transition::Open(Route::Reading {
            report,
            section,
            span: Some(hit(passage)),
        })
    }
}

impl FollowupView {
    /// What `Y` copies: the selected commitment (or paragraph) and the
    /// passage that reports on it, when there is one, each with where it
    /// stands.
    pub fn copy(&self, s: &Session) -> Option<String> {
        let (a, b) = (&s.library.reports[self.a], &s.library.reports[self.b]);
        let cite = |r: &crate::report::Report, x: &Passage| {
            let section = r.blocks().get(x.block).map(|b| b.section);
            format!("{}\n— {}", x.text.trim(), r.citation(section, Some(x.line)))
        };
        let Some(p) = self.selected() else {
            let paragraph = self.result.paragraphs.get(self.paragraph()?)?;
            return Some(cite(a, &paragraph.at));
        };
        let mut out = cite(a, &p.plan);
        match p.evidence.get(self.evidence) {
            Some(e) if p.status == Status::Reported => {
                out.push_str(&format!("\n\nreported:\n{}", cite(b, &e.passage)));
            }
            _ => out.push_str("\n\nnot found in the next year's review"),
        }
        Some(out)
    }
}

/// Each paragraph's heading followed by its promises.
fn rows(f: &Followup) -> Vec<PlanRow> {
    let mut out = Vec::with_capacity(f.paragraphs.len() + f.promises.len());
    let mut paragraph = None;
    for (i, p) in f.promises.iter().enumerate() {
        if paragraph != Some(p.paragraph) {
            paragraph = Some(p.paragraph);
            out.push(PlanRow::Paragraph(p.paragraph));
        }
        out.push(PlanRow::Promise(i));
    }
    out
}

/// A passage as a span of its block, for the reader to show.
fn hit(p: &Passage) -> Hit {
    Hit {
        block: p.block,
        col: p.chars.start,
        len: p.chars.len(),
    }
}

/// `f` in the report list: the marked report's (A) plans against the
/// selected one (B), whatever the two are, with a note when they are not
/// one place's consecutive years; with none marked, the selected
/// report's plans against its place's next year.
pub(crate) fn open_from_list(s: &mut Session, selected: usize) -> Transition {
    let b = match s.marked {
        Some(a) if a == selected => {
            s.say("select a report other than the marked one, then press f");
            return Transition::Stay;
        }
        Some(a) if a < s.library.reports.len() => {
            let reports = &s.library.reports;
            if let Some(why) =
                followup::not_consecutive(&reports[a], &reports[selected], |r| r.label())
            {
                s.say(format!("note: {why}; followed up all the same"));
            }
            return Transition::Open(Route::Followup { a, b: selected });
        }
        _ => next_year(s, selected),
    };
    match b {
        Some(b) => Transition::Open(Route::Followup { a: selected, b }),
        None => {
            s.say("no next year of this place: press m on a report to mark it as A, then f on another");
            Transition::Stay
        }
    }
}

/// The report of the year after report `a`'s, in its place's series.
fn next_year(s: &Session, a: usize) -> Option<usize> {
    let series = places::series_of(s.series(), a)?;
    let year = s.library.reports[a].meta.year?;
    series
        .reports
        .iter()
        .copied()
        .find(|&r| s.library.reports[r].meta.year == Some(year + 1))
}
