//! Comparing two reports (spec §6): sections paired topic with topic,
//! the text of each pair marked for what both say and what one alone
//! says, and the figures of both face to face.
//!
//! Everything is computed once, by [`compare`]; the views only read it.

pub mod align;
pub mod facing;
pub mod groups;
pub mod marks;
pub mod topics;

use std::time::{Duration, Instant};

use crate::corpus::Choices;
use crate::figures::{Catalogue as Indicators, Figure};
use crate::report::Part;
use crate::report::Report;

pub use facing::Facing;
pub use marks::{Mark, Marked, Mode, Span, Want};

/// A whole comparison gets this long, so that no pair of reports, however
/// large or alike, keeps a user waiting. Each step stops at its share of
/// it: reading for topics at [`TOPICS_SHARE`], scoring pairs at
/// [`ALIGN_SHARE`] (the rest are paired by position and their headings'
/// topics); close pairs get a character diff until [`DIFF_SHARE`] and the
/// linear phrases mode after; past all of it, the pairs left are not
/// marked. [`Comparison::degraded`] says what was cut. Sixty, not a
/// hundred: copying the pairs' texts and tabling their figures come after
/// the budget, then the view lays out a screen and draws it (the compare
/// bench times the whole path from the key).
pub const BUDGET: Duration = Duration::from_millis(60);
/// Reading the texts for topics stops at this share of the budget.
const TOPICS_SHARE: f32 = 0.25;
/// Scoring pairs by their text stops at this share.
const ALIGN_SHARE: f32 = 0.5;
/// Character diffs may start until this share of the budget.
const DIFF_SHARE: f32 = 0.75;

/// Sections of each report a comparison reads: far more than any real
/// report has (a few hundred), few enough that every step stays small
/// whatever the file. A longer report is compared up to its
/// `MAX_SECTIONS`th section, and the comparison says so.
pub(crate) const MAX_SECTIONS: usize = 5_000;

/// What a comparison cut short to stay within its time budget.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize)]
pub struct Degraded {
    /// A report had more than [`MAX_SECTIONS`] sections: the rest were
    /// not compared.
    pub sections: bool,
    /// Some sections were paired by position and the topics of their
    /// headings, their text unread.
    pub alignment: bool,
    /// Some close pairs got shared phrases instead of a character diff.
    pub diffs: bool,
    /// Some pairs were left unmarked.
    pub marks: bool,
}

impl Degraded {
    pub fn any(&self) -> bool {
        self.sections || self.alignment || self.diffs || self.marks
    }

    /// One line for the user, or None when nothing was cut.
    pub fn note(&self) -> Option<String> {
        let first = format!("only the first {MAX_SECTIONS} sections of each report compared");
        let cuts: Vec<&str> = [
            (self.sections, first.as_str()),
            (
                self.alignment,
                "later sections paired by position and headings",
            ),
            (
                self.diffs,
                "later pairs show shared phrases, not a character diff",
            ),
            (self.marks, "the last pairs are unmarked"),
        ]
        .iter()
        .filter(|(on, _)| *on)
        .map(|(_, what)| *what)
        .collect();
        (!cuts.is_empty()).then(|| {
            format!(
                "comparison cut short to keep within its time limit: {}",
                cuts.join("; ")
            )
        })
    }
}

/// One row of the comparison: two paired sections, or one alone.
#[derive(Debug, Clone)]
pub struct Pair {
    /// Indices into each report's sections: the first of each side's.
    pub a: Option<usize>,
    pub b: Option<usize>,
    /// The other sections on the pair's topic each side gathers (the
    /// texts hold them after the first).
    pub a_more: Vec<usize>,
    pub b_more: Vec<usize>,
    /// Index into the topic catalogue.
    pub topic: Option<usize>,
    /// The part of the reports the pair is in (A's section's, or B's).
    pub part: Part,
    /// How well the two sections match (0-1; 0 when alone).
    pub score: f32,
    /// Each side's own text (heading, then paragraphs, one per line), as
    /// written; spans index its chars.
    pub a_text: String,
    pub b_text: String,
    /// Whether each text's first line is its section's heading.
    pub titled: [bool; 2],
    /// A heading alone whose text is all in its subsections: it heads
    /// the rows below it and is no section missing from the other side.
    pub outline: bool,
    pub marked: Marked,
    /// The figures of the two sections, face to face.
    pub figures: Vec<Facing>,
}

impl Pair {
    /// Every section of A the pair holds: its first, then the others.
    pub fn a_sections(&self) -> impl Iterator<Item = usize> + '_ {
        self.a.into_iter().chain(self.a_more.iter().copied())
    }

    /// Every section of B the pair holds.
    pub fn b_sections(&self) -> impl Iterator<Item = usize> + '_ {
        self.b.into_iter().chain(self.b_more.iter().copied())
    }

    /// How the pair was matched, for headers: "only in A", or
    /// "match 0.62 · phrases (3% shared)".
    pub fn summary(&self) -> String {
        match (self.a, self.b) {
            (Some(_), None) if self.outline => "A's heading of the sections below".to_owned(),
            (None, Some(_)) if self.outline => "B's heading of the sections below".to_owned(),
            (Some(_), None) => "only in A".to_owned(),
            (None, Some(_)) => "only in B".to_owned(),
            _ => {
                let (na, nb) = (1 + self.a_more.len(), 1 + self.b_more.len());
                let gathered = match (na, nb) {
                    (1, 1) => String::new(),
                    _ => format!(
                        " · {na} section{} of A, {nb} of B",
                        if na > 1 { "s" } else { "" }
                    ),
                };
                format!(
                    "match {:.2}{gathered} · {} ({:.0}% shared)",
                    self.score,
                    self.marked.mode.name(),
                    self.marked.share * 100.0
                )
            }
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
    /// What was cut to stay within [`BUDGET`].
    pub degraded: Degraded,
}

/// Compares two reports with the given catalogues, within [`BUDGET`].
pub fn compare(
    a: &Report,
    b: &Report,
    topics: &topics::TopicCatalogue,
    indicators: &Indicators,
) -> Comparison {
    compare_within(a, b, topics, indicators, None, BUDGET)
}

/// [`compare`] with the user's choices of table cells (the figures face
/// to face are the two reports' table cells) and another time budget
/// (tests use a zero budget to see every fallback at work).
pub fn compare_within(
    a: &Report,
    b: &Report,
    topics: &topics::TopicCatalogue,
    indicators: &Indicators,
    choices: Option<&Choices>,
    budget: Duration,
) -> Comparison {
    let with = With {
        choices,
        budget,
        stock: crate::text::stock::Stock::builtin(),
    };
    compare_with(a, b, topics, indicators, &with)
}

/// What a comparison reads besides the two reports and the catalogues.
pub struct With<'a> {
    /// The user's choices of table cells.
    pub choices: Option<&'a Choices>,
    pub budget: Duration,
    /// The genre's stock phrases: the built-in list, or one that also
    /// knows what the loaded reports commonly write.
    pub stock: &'a crate::text::stock::Stock,
}

/// [`compare_within`] with the stock phrases of the loaded reports.
pub(crate) fn compare_with(
    a: &Report,
    b: &Report,
    topics: &topics::TopicCatalogue,
    indicators: &Indicators,
    with: &With,
) -> Comparison {
    let With {
        choices,
        budget,
        stock,
    } = *with;
    let (cut_a, cut_b) = (
        a.first_sections(MAX_SECTIONS),
        b.first_sections(MAX_SECTIONS),
    );
    let too_long = cut_a.is_some() || cut_b.is_some();
    let tables = facing::of_tables(a, b, indicators, choices);
    let (a, b) = (cut_a.as_ref().unwrap_or(a), cut_b.as_ref().unwrap_or(b));
    let mut c = compare_whole(a, b, topics, indicators, stock, budget);
    c.figures = tables;
    c.degraded.sections = too_long;
    c
}

/// [`compare_within`] of reports short enough to compare whole, less the
/// figures of the whole reports.
fn compare_whole<'a>(
    a: &'a Report,
    b: &'a Report,
    topics: &topics::TopicCatalogue,
    indicators: &Indicators,
    stock: &crate::text::stock::Stock,
    budget: Duration,
) -> Comparison {
    let started = Instant::now();
    // A budget too large for the clock is as good as a day.
    let at = |share: f32| {
        Duration::try_from_secs_f32(budget.as_secs_f32() * share)
            .ok()
            .and_then(|d| started.checked_add(d))
            .unwrap_or(started + Duration::from_secs(86_400))
    };
    let (ta, topics_cut_a) = topics::of_report_within(a, topics, Some(at(TOPICS_SHARE)));
    let (tb, topics_cut_b) = topics::of_report_within(b, topics, Some(at(TOPICS_SHARE)));
    let (aligned, late_alignment) = align::align(
        a,
        b,
        &ta.sections,
        &tb.sections,
        topics.topics.len(),
        at(ALIGN_SHARE),
    );
    let share = marks::text_share(&a.body_text(), &b.body_text());
    let close = share >= marks::CLOSE_SHARE;
    let (fig_a, fig_b) = (by_section(a), by_section(b));
    let (parts_a, parts_b) = (a.section_parts(), b.section_parts());
    let may_join_a = |s: usize| !a.heading_only(s);
    let may_join_b = |s: usize| !b.heading_only(s);
    let gathered = groups::gather(
        aligned,
        &groups::SideSections {
            topics: &ta.sections,
            parts: &parts_a,
            may_join: &may_join_a,
        },
        &groups::SideSections {
            topics: &tb.sections,
            parts: &parts_b,
            may_join: &may_join_b,
        },
        close,
    );
    let mut degraded = Degraded {
        alignment: late_alignment || topics_cut_a || topics_cut_b,
        ..Degraded::default()
    };
    let pairs: Vec<Pair> = gathered
        .into_iter()
        .map(|x| {
            let a_text = group_text(a, &x.a);
            let b_text = group_text(b, &x.b);
            let (first_a, first_b) = (x.a.first().copied(), x.b.first().copied());
            let marked = if x.a.is_empty() || x.b.is_empty() {
                Marked::alone()
            } else if Instant::now() >= at(1.0) {
                degraded.marks = true;
                Marked::unmarked()
            } else {
                let late = Instant::now() >= at(DIFF_SHARE);
                degraded.diffs |= late && close;
                let want = match (late, close) {
                    (true, _) => Want::Phrases,
                    (false, true) => Want::Diff,
                    (false, false) => Want::Measure,
                };
                let m = marks::mark(&a_text, &b_text, topics, stock, want, at(1.0));
                degraded.marks |= m.mode == Mode::Unmarked;
                m
            };
            let own = |by: &[Vec<&'a Figure>], ss: &[usize]| -> Vec<&'a Figure> {
                ss.iter()
                    .filter_map(|&s| by.get(s))
                    .flatten()
                    .copied()
                    .collect()
            };
            let (fa, fb) = (own(&fig_a, &x.a), own(&fig_b, &x.b));
            Pair {
                part: first_a
                    .map(|s| parts_a[s])
                    .or_else(|| first_b.map(|s| parts_b[s]))
                    .unwrap_or(Part::Work),
                a: first_a,
                b: first_b,
                a_more: x.a.get(1..).unwrap_or_default().to_vec(),
                b_more: x.b.get(1..).unwrap_or_default().to_vec(),
                topic: x.topic,
                score: x.score,
                titled: [titled(a, first_a), titled(b, first_b)],
                outline: match (first_a, first_b) {
                    (Some(s), None) => a.heading_only(s),
                    (None, Some(s)) => b.heading_only(s),
                    _ => false,
                },
                a_text,
                b_text,
                marked,
                figures: facing::table(&fa, &fb, indicators),
            }
        })
        .collect();
    // The parts in one order on both sides: the opening, the year's work,
    // shortcomings, then plans; within a part, the order of the reports.
    let mut pairs: Vec<Pair> = pairs;
    pairs.sort_by_key(|p| p.part.rank());
    Comparison {
        pairs,
        share,
        figures: Vec::new(),
        degraded,
    }
}

/// The text of a group's sections, one after another.
fn group_text(r: &Report, sections: &[usize]) -> String {
    let texts: Vec<String> = sections.iter().map(|&s| r.section_text(s, false)).collect();
    texts.join("\n")
}

/// The figures each section's own text states.
fn by_section(r: &Report) -> Vec<Vec<&Figure>> {
    let mut out = vec![Vec::new(); r.sections().len()];
    for f in r.figures() {
        if let Some(v) = out.get_mut(f.section) {
            v.push(f);
        }
    }
    out
}

fn titled(r: &Report, section: Option<usize>) -> bool {
    section
        .and_then(|s| r.section_blocks(s, false).next())
        .is_some_and(|b| r.blocks()[b].kind == crate::report::BlockKind::Heading)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::TextEncoding;

    /// A report of `n` short sections.
    fn sections(n: usize, word: &str) -> Report {
        let mut text = String::from("某某市2024年法治政府建设情况报告\n");
        for i in 0..n {
            text.push_str(&format!(
                "({})依法行政{word}。全年办结案件{i}件。\n",
                i % 40 + 1
            ));
        }
        Report::parse("r.txt", text, TextEncoding::Utf8)
    }

    #[test]
    fn a_report_of_too_many_sections_is_compared_up_to_the_limit_and_says_so() {
        let (a, b) = (
            sections(MAX_SECTIONS + 300, "甲"),
            sections(MAX_SECTIONS + 10, "乙"),
        );
        let topics = topics::TopicCatalogue::builtin();
        let c = compare(&a, &b, topics, Indicators::builtin());
        assert!(c.degraded.sections);
        // Any budget, the largest too.
        let whole = compare_within(&a, &b, topics, Indicators::builtin(), None, Duration::MAX);
        assert!(whole.degraded.sections && !whole.degraded.alignment);
        assert!(c
            .degraded
            .note()
            .unwrap()
            .contains("only the first 5000 sections"));
        assert!(c
            .pairs
            .iter()
            .all(|p| p.a.is_none_or(|s| s < MAX_SECTIONS) && p.b.is_none_or(|s| s < MAX_SECTIONS)));
        let listed = |side: fn(&Pair) -> Option<usize>| c.pairs.iter().filter_map(side).count();
        assert_eq!(listed(|p| p.a), MAX_SECTIONS);
        assert_eq!(listed(|p| p.b), MAX_SECTIONS);
        let (small_a, small_b) = (sections(20, "甲"), sections(20, "乙"));
        assert!(
            !compare(&small_a, &small_b, topics, Indicators::builtin())
                .degraded
                .sections
        );
    }
}
