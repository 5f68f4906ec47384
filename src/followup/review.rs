//! What the next report may show a plan done by: its review of the year
//! (its first part, the measures and results), without its shortcomings
//! and never its own plans or policy stance for the coming year, nor a
//! page's footer. A plan is held against the review's sentences and
//! clauses, and against each two clauses that stand together: one
//! commitment is rarely a whole sentence of the next report, and a long
//! sentence would dilute it.

use std::ops::Range;

use super::clauses;
use super::passages::{self, Passage};
use super::plans::footer_start;
use super::stretch::{self, BlockSpan, Stretch};
use crate::report::{BlockKind, PartFinding, PartStatus, Report};

/// A sentence of this many clauses or more is read whole too.
const WHOLE_SENTENCE_CLAUSES: usize = 3;
/// A clause is read alone when it says this many Han chars at least: a
/// bare "增长8.1%" or "再就业15326人" says nothing without the clause
/// before it.
const MIN_CLAUSE_HAN: usize = 5;

/// The passages of the review a plan may be found in.
pub fn units(r: &Report) -> Vec<Passage> {
    let mut out = Vec::new();
    for s in stretch::stretches(r, &review_spans(r)) {
        for sentence in clauses::sentences(&s.keys, 0..s.len()) {
            sentence_units(r, &s, sentence, &mut out);
        }
    }
    out
}

fn sentence_units(r: &Report, s: &Stretch, sentence: Range<usize>, out: &mut Vec<Passage>) {
    let parts: Vec<Range<usize>> = clauses::clauses(&s.keys, sentence.clone())
        .into_iter()
        .map(|c| clauses::trim(&s.keys, c))
        .filter(|c| !c.is_empty())
        .collect();
    let mut push = |range: Range<usize>| {
        if let Some(p) = s.passage(r, range) {
            out.push(p);
        }
    };
    for (i, c) in parts.iter().enumerate() {
        if clauses::han_count(&s.keys[c.clone()]) >= MIN_CLAUSE_HAN {
            push(c.clone());
        }
        if let Some(next) = parts.get(i + 1) {
            push(c.start..next.end);
        }
    }
    if parts.len() >= WHOLE_SENTENCE_CLAUSES {
        push(clauses::trim(&s.keys, sentence));
    }
}

/// The spans of the review: the section of the year's measures (its
/// sub-headings, which state results, but not its own heading), or, when
/// the report has none, its paragraphs before its plans; never a section
/// of shortcomings or plans, an admission of shortcomings from the
/// sentence it starts in, or anything from the page's footer on.
fn review_spans(r: &Report) -> Vec<BlockSpan> {
    let parts = &r.parts.parts;
    let section = |p: &PartFinding| p.section.filter(|_| p.status == PartStatus::Section);
    let end = footer_start(r);
    let blocks: Vec<usize> = match section(&parts.measures) {
        Some(s) => r
            .section_blocks(s, true)
            .filter(|&b| r.blocks()[b].kind == BlockKind::Paragraph || r.blocks()[b].section != s)
            .collect(),
        None => {
            let plans = section(&parts.next_year).map_or(end, |s| r.sections()[s].blocks.start);
            (0..plans)
                .filter(|&b| r.blocks()[b].kind == BlockKind::Paragraph)
                .collect()
        }
    };
    let excluded = |b: usize| {
        [&parts.next_year, &parts.shortcomings]
            .iter()
            .filter_map(|p| section(p))
            .any(|s| r.sections()[s].blocks.contains(&b))
    };
    let admitted: Vec<BlockSpan> = match parts.shortcomings.status {
        PartStatus::Mention => passages::part_spans(r, &parts.shortcomings),
        _ => Vec::new(),
    };
    blocks
        .into_iter()
        .filter(|&b| b < end && !excluded(b))
        .filter_map(|b| match admitted.iter().find(|(x, _)| *x == b) {
            Some((_, from)) => {
                let cut = sentence_start(r.block_text(b), from.start);
                (cut > 0).then_some((b, 0..cut))
            }
            None => Some(stretch::whole(r, b)),
        })
        .collect()
}

/// The char where the sentence holding char `at` of `text` starts.
fn sentence_start(text: &str, at: usize) -> usize {
    let keys: Vec<char> = crate::text::script::key(text).chars().take(at).collect();
    keys.iter()
        .rposition(|&c| matches!(c, '。' | '!' | '?' | ';'))
        .map_or(0, |i| i + 1)
}
