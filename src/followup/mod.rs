//! One government across two years: each commitment of year N's plans
//! against what year N+1's report says it did, and the shortcomings year
//! N+1 writes again. Every finding carries its evidence, the passage of
//! the next report's review and how alike the two are, so that the user
//! sees why.
//!
//! A plan paragraph is split into its commitments and the year's targets
//! (`commitments`, `targets`); the next report is read only in its review
//! of the year (`review`); each commitment is scored against the review's
//! clauses, pairs of clauses and sentences (`matching`), and one that sets
//! a figure is reported only where the review states that figure.

mod clauses;
mod commitments;
mod matching;
mod pair;
mod passages;
mod plans;
mod review;
mod similar;
mod stretch;
mod targets;
mod umbrella;
mod words;

pub use commitments::PromiseKind;
pub use pair::not_consecutive;
pub use passages::Passage;
pub use plans::Paragraph;
pub use targets::{Outcome, TargetStated};

use std::time::{Duration, Instant};

use serde::Serialize;

use crate::figures::Figure;
use crate::report::Report;

/// A commitment's best passage must be at least this alike for it to
/// count as reported (tf-idf cosine of bigrams, stock words discounted).
/// Chosen by five-fold cross-validation over the paragraphs of the
/// development gold (the national 2021 plans judged against the 2022
/// review, commitment by commitment): each fold's threshold is the one
/// that agrees best with the other four folds, and every fold chose this
/// one (see `tests/it/followup.rs`).
pub const REPORTED: f32 = 0.25;
/// A passage this alike or more is shown as evidence.
const SHOWN: f32 = 0.16;
/// Evidence passages shown per promise.
const EVIDENCE: usize = 3;
/// A sentence of the later shortcomings counts as repeated when this
/// share of its bigrams stands in one sentence of the earlier ones.
pub(crate) const REPEATED: f32 = 0.6;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// The next report's review has a passage on it.
    Reported,
    /// No passage of the review is alike enough.
    NotFound,
    /// Not checked: the time allowed ran out first.
    Unchecked,
}

impl Status {
    pub fn name(self) -> &'static str {
        match self {
            Status::Reported => "reported",
            Status::NotFound => "not found",
            Status::Unchecked => "unchecked",
        }
    }
}

/// A passage of the next report, and how alike it is to the promise.
#[derive(Debug, Clone, PartialEq)]
pub struct Evidence {
    pub passage: Passage,
    pub score: f32,
}

/// One commitment or target, and what the next report says of it.
#[derive(Debug, Clone, PartialEq)]
pub struct Promise {
    pub plan: Passage,
    pub kind: PromiseKind,
    /// Index into [`Followup::paragraphs`].
    pub paragraph: usize,
    pub status: Status,
    /// How alike its best passage is, among those that may show it done
    /// (one that sets a figure: those stating it); 0 when none.
    pub score: f32,
    /// Best first; empty when nothing is alike at all.
    pub evidence: Vec<Evidence>,
    /// For a promise that sets a figure, the figure the review states.
    pub stated: Option<TargetStated>,
}

/// A sentence of the later shortcomings that the earlier ones have.
#[derive(Debug, Clone, PartialEq)]
pub struct Repeat {
    /// In the later report.
    pub b: Passage,
    /// The earlier sentence it repeats.
    pub a: Passage,
    /// The share of the later sentence the earlier one has.
    pub share: f32,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Shortcomings {
    /// The later report's shortcomings, by sentence.
    pub b: Vec<Passage>,
    /// The share (0-1) of their characters in repeated sentences.
    pub share: f32,
    pub repeated: Vec<Repeat>,
    /// Whether each report states shortcomings at all.
    pub found: [bool; 2],
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Followup {
    /// The plan paragraphs, as the report groups its commitments.
    pub paragraphs: Vec<Paragraph>,
    pub promises: Vec<Promise>,
    pub shortcomings: Shortcomings,
    /// Promises left unchecked when the time allowed ran out.
    pub unchecked: usize,
}

impl Followup {
    /// Promises the next report reports on, of all promises.
    pub fn reported(&self) -> (usize, usize) {
        let n = self.promises.len();
        let k = self
            .promises
            .iter()
            .filter(|p| p.status == Status::Reported)
            .count();
        (k, n)
    }
}

/// Year N's report `a` against year N+1's report `b`, however long it
/// takes.
pub fn followup(a: &Report, b: &Report) -> Followup {
    followup_within(a, b, Duration::MAX)
}

/// [`followup`] within `budget`: promises not scored by then are
/// [`Status::Unchecked`], and [`Followup::unchecked`] says how many.
pub fn followup_within(a: &Report, b: &Report, budget: Duration) -> Followup {
    let started = Instant::now();
    let deadline = started
        .checked_add(budget)
        .unwrap_or(started + Duration::from_secs(86_400 * 365));
    let plans = plans::read(a);
    let units = review::units(b);
    let pt: Vec<&str> = plans
        .promises
        .iter()
        .map(|p| p.plan.text.as_str())
        .collect();
    let ut: Vec<&str> = units.iter().map(|p| p.text.as_str()).collect();
    let m = matching::matches(&pt, &ut, deadline);
    let judge = Judge {
        a,
        b,
        units: &units,
    };
    let promises: Vec<Promise> = plans
        .promises
        .into_iter()
        .enumerate()
        .map(|(i, p)| judge.promise(p, m.best.get(i).map(Vec::as_slice)))
        .collect();
    Followup {
        paragraphs: plans.paragraphs,
        promises,
        shortcomings: repeated(a, b),
        unchecked: m.unread,
    }
}

/// What decides a promise's status, and shows why.
struct Judge<'a> {
    a: &'a Report,
    b: &'a Report,
    units: &'a [Passage],
}

impl Judge<'_> {
    /// `best` is None when the promise was left unread.
    fn promise(&self, p: plans::Planned, best: Option<&[(f32, usize)]>) -> Promise {
        let mut out = Promise {
            plan: p.plan,
            kind: p.kind,
            paragraph: p.paragraph,
            status: Status::Unchecked,
            score: 0.0,
            evidence: Vec::new(),
            stated: None,
        };
        let Some(best) = best else {
            return out;
        };
        // A figure written in digits is one to check; 二期工程 names a
        // phase, not an amount.
        let set: Vec<&Figure> = figures_in(self.a, &out.plan)
            .into_iter()
            .filter(|f| f.raw.chars().any(|c| c.is_ascii_digit()))
            .collect();
        // A promise that sets a figure may only be shown done by a
        // passage that states it.
        let eligible = best.iter().find_map(|&(score, j)| {
            if set.is_empty() {
                return Some((score, j, None));
            }
            let u = &self.units[j];
            let keys: Vec<char> = crate::text::script::key(&u.text).chars().collect();
            targets::stated(&set, &figures_in(self.b, u), &keys).map(|s| (score, j, Some(s)))
        });
        let mut shown = best.to_vec();
        if let Some((score, j, stated)) = eligible {
            out.score = score;
            if score >= REPORTED {
                out.stated = stated;
            }
            // The passage that states the figure set is shown first.
            shown.retain(|&(_, x)| x != j);
            shown.insert(0, (score, j));
        }
        out.status = if out.score >= REPORTED {
            Status::Reported
        } else {
            Status::NotFound
        };
        out.evidence = self.evidence(&shown);
        out
    }

    /// The best passages above [`SHOWN`], none overlapping another shown.
    fn evidence(&self, best: &[(f32, usize)]) -> Vec<Evidence> {
        let mut out: Vec<Evidence> = Vec::new();
        for &(score, j) in best.iter().filter(|(s, _)| *s >= SHOWN) {
            let u = &self.units[j];
            if out.iter().any(|e| overlaps(&e.passage, u)) {
                continue;
            }
            out.push(Evidence {
                passage: u.clone(),
                score,
            });
            if out.len() == EVIDENCE {
                break;
            }
        }
        out
    }
}

fn overlaps(x: &Passage, y: &Passage) -> bool {
    (x.line, x.col) < y.end && (y.line, y.col) < x.end
}

/// The figures of `r` inside passage `p`.
fn figures_in<'r>(r: &'r Report, p: &Passage) -> Vec<&'r Figure> {
    let start = r
        .figures()
        .partition_point(|f| (f.line, f.col) < (p.line, p.col));
    r.figures()[start..]
        .iter()
        .take_while(|f| (f.line, f.col + f.len) <= p.end)
        .collect()
}

fn repeated(a: &Report, b: &Report) -> Shortcomings {
    let (sa, sb) = (passages::shortcomings(a), passages::shortcomings(b));
    let mut out = Shortcomings {
        found: [!sa.is_empty(), !sb.is_empty()],
        ..Shortcomings::default()
    };
    let total: usize = sb.iter().map(|p| p.text.chars().count()).sum();
    let mut same = 0;
    let tb: Vec<&str> = sb.iter().map(|p| p.text.as_str()).collect();
    let ta: Vec<&str> = sa.iter().map(|p| p.text.as_str()).collect();
    let best = similar::best_covers(&tb, &ta);
    for (later, best) in sb.iter().zip(best) {
        if let Some((i, share)) = best.filter(|&(_, s)| s >= REPEATED) {
            same += later.text.chars().count();
            out.repeated.push(Repeat {
                b: later.clone(),
                a: sa[i].clone(),
                share,
            });
        }
    }
    out.share = if total == 0 {
        0.0
    } else {
        same as f32 / total as f32
    };
    out.b = sb;
    out
}
