//! The plans of one year's report, read paragraph by paragraph into
//! promises: its part on the next year (a section, the section it shares
//! with shortcomings, or the paragraph that mentions it) with the section
//! before it on that year's policy stance, and the year's targets
//! wherever the report lists them outside its review.

use super::commitments::{self, PromiseKind};
use super::passages::{self, says_shortfall, Passage};
use super::stretch::{self, BlockSpan, Stretch};
use super::words::FOOTER;
use crate::report::{BlockKind, PartStatus, Report};
use crate::text::script;

/// A plan paragraph as the report groups its commitments.
#[derive(Debug, Clone, PartialEq)]
pub struct Paragraph {
    /// The whole paragraph, placed where it starts.
    pub at: Passage,
    /// The sentence that names its task (稳定和扩大消费), or its
    /// sub-heading's title when it is the first under one.
    pub title: Option<String>,
}

/// One commitment or target as read, before it is followed up.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Planned {
    pub plan: Passage,
    pub kind: PromiseKind,
    /// Index into the paragraphs.
    pub paragraph: usize,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct Plans {
    pub paragraphs: Vec<Paragraph>,
    pub promises: Vec<Planned>,
}

/// The block where a page's footer or licence begins (the report's
/// length when there is none): it and every block after are the page's,
/// not the report's. The footer is the first line after the report's
/// last heading that has a footer's words, whether the page's chrome
/// was recognised as such or not; a site's header above the report
/// (…维基文库…) is no footer.
pub(crate) fn footer_start(r: &Report) -> usize {
    let last_heading = r
        .blocks()
        .iter()
        .rev()
        .find(|b| b.kind == BlockKind::Heading)
        .map_or(0, |b| b.line);
    let footer = (last_heading + 1..=r.lines.len()).find(|&no| {
        let keys: Vec<char> = script::key(r.line(no)).chars().collect();
        FOOTER.anywhere(&keys)
    });
    footer.map_or(r.blocks().len(), |line| {
        r.blocks().partition_point(|b| b.line < line)
    })
}

/// The report's plans, paragraph by paragraph.
pub fn read(r: &Report) -> Plans {
    let end = footer_start(r);
    let (mut spans, combined) = plan_spans(r);
    spans.extend(target_spans(r, end, &spans));
    spans.retain(|(b, _)| *b < end);
    spans.sort_by_key(|(b, c)| (*b, c.start));
    spans.dedup();
    let mut out = Plans::default();
    for s in stretch::stretches(r, &spans) {
        read_paragraph(r, &s, combined, &mut out);
    }
    out
}

fn read_paragraph(r: &Report, s: &Stretch, combined: bool, out: &mut Plans) {
    // In a section of shortcomings and plans together, what fell short is
    // no plan.
    let keep =
        |sentence: &[char]| !combined || !says_shortfall(&sentence.iter().collect::<String>());
    let split = commitments::split(&s.keys, keep);
    if split.promises.is_empty() {
        return;
    }
    let Some(at) = s.passage(r, 0..s.len()) else {
        return;
    };
    let title = split
        .title
        .map(|t| s.text(t))
        .or_else(|| heading_title(r, at.block));
    let paragraph = out.paragraphs.len();
    out.paragraphs.push(Paragraph { at, title });
    for (range, kind) in split.promises {
        if let Some(plan) = s.passage(r, range) {
            out.promises.push(Planned {
                plan,
                kind,
                paragraph,
            });
        }
    }
}

/// The title of the sub-heading block `b` is the first paragraph under.
fn heading_title(r: &Report, b: usize) -> Option<String> {
    let s = &r.sections()[r.blocks()[b].section];
    let first = r
        .section_blocks(r.blocks()[b].section, false)
        .find(|&x| r.blocks()[x].kind == BlockKind::Paragraph)?;
    (first == b && s.heading.is_some()).then(|| s.title.clone())
}

/// The spans of the part on next year's plans, and whether the part is
/// one section with the shortcomings.
fn plan_spans(r: &Report) -> (Vec<BlockSpan>, bool) {
    let parts = &r.parts.parts;
    let next = &parts.next_year;
    match (next.status, next.section) {
        (PartStatus::Section, Some(s)) => {
            let combined = parts.shortcomings.section == Some(s);
            let spans = stance_sections(r, s)
                .into_iter()
                .chain([s])
                .flat_map(|x| section_spans(r, x))
                .collect();
            (spans, combined)
        }
        _ => (passages::part_spans(r, next), false),
    }
}

/// The paragraphs of section `s` and its subsections, less their
/// introductions.
fn section_spans(r: &Report, s: usize) -> Vec<BlockSpan> {
    r.section_blocks(s, true)
        .filter(|&b| r.blocks()[b].kind == BlockKind::Paragraph && !is_intro(r, b, s))
        .map(|b| stretch::whole(r, b))
        .collect()
}

/// Top-level sections before the plans that set the plan year's policy
/// stance (二、2022年经济社会发展总体要求和政策取向): a national report
/// states its macro policies and targets there (赤字率拟按…安排), and they
/// are plans too. A section on a five-year plan names no year of plans.
fn stance_sections(r: &Report, plans: usize) -> Vec<usize> {
    let Some(year) = r.meta.year.map(|y| y + 1) else {
        return Vec::new();
    };
    let named = format!("{year}年");
    let review = r.parts.parts.measures.section;
    (0..plans)
        .filter(|&x| {
            let s = &r.sections()[x];
            s.parent.is_none()
                && s.heading.is_some()
                && Some(x) != review
                && (s.title.contains(&named) || s.title.contains("今年"))
        })
        .collect()
}

/// A one-sentence paragraph that opens a sub-section with more to say
/// restates its heading (促进科技创新与实体经济深度融合，更好发挥创新驱动
/// 发展作用。): an introduction, not a plan.
fn is_intro(r: &Report, b: usize, part: usize) -> bool {
    let section = r.blocks()[b].section;
    if section == part {
        return false;
    }
    let mut paragraphs = r
        .section_blocks(section, false)
        .filter(|&x| r.blocks()[x].kind == BlockKind::Paragraph);
    let (Some(first), Some(_)) = (paragraphs.next(), paragraphs.next()) else {
        return false;
    };
    if first != b {
        return false;
    }
    let keys: Vec<char> = script::key(r.block_text(b)).chars().collect();
    super::clauses::sentences(&keys, 0..keys.len()).len() == 1
}

/// Paragraphs outside the review and the plans already read that list
/// the year's targets.
fn target_spans(r: &Report, end: usize, plans: &[BlockSpan]) -> Vec<BlockSpan> {
    let review = r.parts.parts.measures.section;
    let in_review = |b: usize| review.is_some_and(|s| r.sections()[s].blocks.contains(&b));
    let mut planned = vec![false; r.blocks().len()];
    plans.iter().for_each(|(b, _)| planned[*b] = true);
    (0..end)
        .filter(|&b| r.blocks()[b].kind == BlockKind::Paragraph && !in_review(b) && !planned[b])
        .filter(|&b| {
            let keys: Vec<char> = script::key(r.block_text(b)).chars().collect();
            super::targets::targets(&keys).is_some()
        })
        .map(|b| stretch::whole(r, b))
        .collect()
}
