//! Comparing two reports (spec §6): sections paired topic with topic,
//! the text of each pair marked for what both say and what one alone
//! says, and the figures of both face to face.
//!
//! Everything is computed once, by [`compare`]; the views only read it.

pub mod align;
pub mod facing;
pub mod marks;
pub mod topics;

use std::time::{Duration, Instant};

use crate::figures::Catalogue as Indicators;
use crate::Report;

pub use facing::Facing;
pub use marks::{Mark, Marked, Mode, Span, Want};

/// A whole comparison gets this long for character diffs; pairs after it
/// get the linear phrases mode instead, so no pair of reports, however
/// large or alike, keeps a user waiting.
pub const DIFF_BUDGET: Duration = Duration::from_millis(60);

/// One row of the comparison: two paired sections, or one alone.
#[derive(Debug, Clone)]
pub struct Pair {
    /// Indices into each report's sections.
    pub a: Option<usize>,
    pub b: Option<usize>,
    /// Index into the topic catalogue.
    pub topic: Option<usize>,
    /// How well the two sections match (0-1; 0 when alone).
    pub score: f32,
    /// Each side's own text (heading, then paragraphs, one per line), as
    /// written; spans index its chars.
    pub a_text: String,
    pub b_text: String,
    /// Whether each text's first line is its section's heading.
    pub titled: [bool; 2],
    pub marked: Marked,
    /// The figures of the two sections, face to face.
    pub figures: Vec<Facing>,
}

impl Pair {
    /// How the pair was matched, for headers: "only in A", or
    /// "match 0.62 · phrases (3% shared)".
    pub fn summary(&self) -> String {
        match (self.a, self.b) {
            (Some(_), None) => "only in A".to_owned(),
            (None, Some(_)) => "only in B".to_owned(),
            _ => format!(
                "match {:.2} · {} ({:.0}% shared)",
                self.score,
                self.marked.mode.name(),
                self.marked.share * 100.0
            ),
        }
    }
}

#[derive(Debug, Clone)]
pub struct Comparison {
    pub pairs: Vec<Pair>,
    /// The measured share (0-1) of the two reports' text in runs both
    /// have: it decides between character diffs and shared phrases.
    pub share: f32,
    /// The figures of the whole reports, face to face.
    pub figures: Vec<Facing>,
    /// Some pairs that were close enough for a character diff got the
    /// phrases mode because the time budget ran out.
    pub degraded: bool,
}

/// Compares two reports with the given catalogues.
pub fn compare(
    a: &Report,
    b: &Report,
    topics: &topics::Catalogue,
    indicators: &Indicators,
) -> Comparison {
    let (ta, tb) = (topics::of_report(a, topics), topics::of_report(b, topics));
    let aligned = align::align(a, b, &ta.sections, &tb.sections, topics.topics.len());
    let started = Instant::now();
    let share = marks::text_share(&a.body_text(), &b.body_text());
    let close = share >= marks::CLOSE_SHARE;
    let mut degraded = false;
    let pairs = aligned
        .into_iter()
        .map(|x| {
            let a_text = x.a.map_or_else(String::new, |s| a.section_text(s, false));
            let b_text = x.b.map_or_else(String::new, |s| b.section_text(s, false));
            let marked = if x.a.is_some() && x.b.is_some() {
                let late = started.elapsed() > DIFF_BUDGET;
                let want = match (late, close) {
                    (true, _) => Want::Phrases,
                    (false, true) => Want::Diff,
                    (false, false) => Want::Measure,
                };
                degraded |= late && close;
                marks::mark(&a_text, &b_text, topics, want)
            } else {
                Marked::alone()
            };
            let (fa, fb) = (own_figures(a, x.a), own_figures(b, x.b));
            Pair {
                a: x.a,
                b: x.b,
                topic: x.topic,
                score: x.score,
                titled: [titled(a, x.a), titled(b, x.b)],
                a_text,
                b_text,
                marked,
                figures: facing::table(&fa, &fb, indicators),
            }
        })
        .collect();
    Comparison {
        pairs,
        share,
        figures: facing::table(
            &a.figures.iter().collect::<Vec<_>>(),
            &b.figures.iter().collect::<Vec<_>>(),
            indicators,
        ),
        degraded,
    }
}

/// The figures a section's own text states.
fn own_figures(r: &Report, section: Option<usize>) -> Vec<&crate::figures::Figure> {
    match section {
        Some(s) => r.figures.iter().filter(|f| f.section == s).collect(),
        None => Vec::new(),
    }
}

fn titled(r: &Report, section: Option<usize>) -> bool {
    section
        .and_then(|s| r.section_blocks(s, false).next())
        .is_some_and(|b| r.blocks[b].kind == crate::report::BlockKind::Heading)
}
