//! One government across two years: the plans of year N's report against
//! what year N+1's report says it did, and the shortcomings year N+1
//! writes again. Every finding carries its evidence, the passage of the
//! next report and how alike the two are, so that the user sees why.

mod passages;
mod similar;

pub use passages::Passage;

use serde::Serialize;

use crate::report::Report;

/// A plan's best passage must be at least this alike for the plan to
/// count as reported (tf-idf cosine of bigrams). Set on one government's
/// consecutive reports judged by hand (see `tests/followup.rs`).
pub const REPORTED: f32 = 0.22;
/// How much one sentence of a plan matching counts against the whole
/// plan: a short sentence matches more easily.
const PIECE: f32 = 0.8;
/// A passage this alike or more is shown as evidence beside the best.
const ALSO_SHOWN: f32 = 0.16;
/// Evidence passages shown per plan.
const EVIDENCE: usize = 3;
/// A sentence of the later shortcomings counts as repeated when this
/// share of its bigrams stands in one sentence of the earlier ones.
pub const REPEATED: f32 = 0.6;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// The next report has a passage on it.
    Reported,
    /// No passage of the next report is alike enough.
    NotFound,
}

impl Status {
    pub fn name(self) -> &'static str {
        match self {
            Status::Reported => "reported",
            Status::NotFound => "not found",
        }
    }
}

/// A passage of the next report, and how alike it is to the plan.
#[derive(Debug, Clone, PartialEq)]
pub struct Evidence {
    pub passage: Passage,
    pub score: f32,
}

/// One thing a report planned, and what the next report says of it.
#[derive(Debug, Clone, PartialEq)]
pub struct Promise {
    pub plan: Passage,
    pub status: Status,
    /// Best first; empty when nothing is alike at all.
    pub evidence: Vec<Evidence>,
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
    pub promises: Vec<Promise>,
    pub shortcomings: Shortcomings,
}

impl Followup {
    /// Plans the next report reports on, of all plans.
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

/// Year N's report `a` against year N+1's report `b`.
pub fn followup(a: &Report, b: &Report) -> Followup {
    Followup {
        promises: promises(a, b),
        shortcomings: repeated(a, b),
    }
}

fn promises(a: &Report, b: &Report) -> Vec<Promise> {
    let plans = passages::plans(a);
    let said = passages::reported(b);
    // A plan is read whole and sentence by sentence: its first sentence
    // often names the task (确保粮食能源安全。), the rest how.
    let pieces: Vec<Vec<String>> = plans.iter().map(|p| plan_sentences(&p.text)).collect();
    let pt: Vec<&str> = plans.iter().map(|p| p.text.as_str()).collect();
    let qt: Vec<&str> = pieces.iter().flatten().map(String::as_str).collect();
    let st: Vec<&str> = said.iter().map(|p| p.text.as_str()).collect();
    let vectors = similar::vectors(&[&pt, &qt, &st]);
    let (pv, qv, sv) = (&vectors[0], &vectors[1], &vectors[2]);
    let mut next_piece = 0;
    plans
        .into_iter()
        .zip(pv)
        .zip(&pieces)
        .map(|((plan, v), own)| {
            let qs = &qv[next_piece..next_piece + own.len()];
            next_piece += own.len();
            let mut scored: Vec<(f32, usize)> = sv
                .iter()
                .enumerate()
                .map(|(j, s)| {
                    let whole = similar::cosine(v, s);
                    let piece = qs.iter().map(|q| similar::cosine(q, s)).fold(0.0, f32::max);
                    (whole.max(PIECE * piece), j)
                })
                .filter(|&(score, _)| score >= ALSO_SHOWN)
                .collect();
            scored.sort_by(|x, y| y.0.total_cmp(&x.0).then(x.1.cmp(&y.1)));
            scored.truncate(EVIDENCE);
            let status = match scored.first() {
                Some(&(best, _)) if best >= REPORTED => Status::Reported,
                _ => Status::NotFound,
            };
            let evidence = scored
                .into_iter()
                .map(|(score, j)| Evidence {
                    passage: said[j].clone(),
                    score,
                })
                .collect();
            Promise {
                plan,
                status,
                evidence,
            }
        })
        .collect()
}

/// The sentences of a plan worth matching alone.
fn plan_sentences(text: &str) -> Vec<String> {
    text.split_inclusive(['。', '；', ';', '！', '\n'])
        .map(str::trim)
        .filter(|s| s.chars().count() >= 6)
        .map(str::to_owned)
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
    for later in &sb {
        let best = sa
            .iter()
            .map(|earlier| (similar::covered(&later.text, &earlier.text), earlier))
            .max_by(|x, y| x.0.total_cmp(&y.0));
        if let Some((share, earlier)) = best.filter(|(s, _)| *s >= REPEATED) {
            same += later.text.chars().count();
            out.repeated.push(Repeat {
                b: later.clone(),
                a: earlier.clone(),
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
