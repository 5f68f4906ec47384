//! The passages follow-up reads: the plans of one year's report (its plan
//! items, sub-headings, paragraphs or sentences), the text of the next
//! year's report that may report on them, and the shortcomings of both.

use std::ops::Range;

use crate::report::Report;
use crate::report::{BlockKind, PartFinding, PartStatus};

/// A stretch of one report's text: where it starts (its block, and the
/// chars of that block it covers) and the text read, which for a
/// sub-heading is its title and its paragraph.
#[derive(Debug, Clone, PartialEq)]
pub struct Passage {
    pub block: usize,
    /// Chars of the block's text.
    pub chars: Range<usize>,
    pub text: String,
    /// 1-based line and char column of its start.
    pub line: usize,
    pub col: usize,
}

impl Passage {
    fn of_block(r: &Report, block: usize, chars: Range<usize>) -> Passage {
        let b = &r.blocks[block];
        let text: String = r
            .block_text(block)
            .chars()
            .skip(chars.start)
            .take(chars.len())
            .collect();
        Passage {
            block,
            line: b.line,
            col: b.col + chars.start,
            chars,
            text,
        }
    }
}

/// Sentences shorter than this join the next: "一是。" says nothing alone.
const MIN_SENTENCE_CHARS: usize = 8;

/// The sentences of a block, from char `from`: each ends on 。！？；.
pub fn sentences(r: &Report, block: usize, from: usize) -> Vec<Passage> {
    let chars: Vec<char> = r.block_text(block).chars().collect();
    let mut out = Vec::new();
    let mut start = from.min(chars.len());
    for (i, &c) in chars.iter().enumerate().skip(start) {
        let stop = matches!(c, '。' | '！' | '!' | '？' | '?' | '；' | ';');
        if stop && i + 1 - start >= MIN_SENTENCE_CHARS {
            out.push(Passage::of_block(r, block, start..i + 1));
            start = i + 1;
        }
    }
    if chars.len().saturating_sub(start) >= MIN_SENTENCE_CHARS {
        out.push(Passage::of_block(r, block, start..chars.len()));
    }
    out
}

/// A plan shorter than this is a fragment (各位代表！), not a plan.
const MIN_PLAN_CHARS: usize = 12;

/// The blocks of a part: its section's and its subsections', or, for a
/// part only mentioned, the paragraph that mentions it from the mention
/// on. The char where reading starts comes with each block.
fn part_blocks(r: &Report, part: &PartFinding) -> Vec<(usize, usize)> {
    match (part.status, part.section) {
        (PartStatus::Section, Some(s)) => r.section_blocks(s, true).map(|b| (b, 0)).collect(),
        (PartStatus::Mention, _) => {
            let Some(evidence) = part.evidence.as_deref() else {
                return Vec::new();
            };
            (0..r.blocks.len())
                .find_map(|b| {
                    let text = r.block_text(b);
                    let at = text.find(evidence)?;
                    Some(vec![(b, text[..at].chars().count())])
                })
                .unwrap_or_default()
        }
        _ => Vec::new(),
    }
}

/// Words of a sentence about what fell short, not about what will be done.
fn says_shortfall(text: &str) -> bool {
    const WORDS: [&str; 12] = [
        "存在",
        "不足",
        "差距",
        "短板",
        "有待",
        "仍需",
        "尚需",
        "不够",
        "不强",
        "欠缺",
        "薄弱",
        "不到位",
    ];
    let key = crate::text::script::key(text);
    WORDS.iter().any(|w| key.contains(w))
}

/// The plans of a report, one passage per thing planned: each plan item
/// (一是…), each sub-heading with its paragraph, each paragraph of a
/// sub-heading that has several, or each sentence of a plan that is one
/// paragraph. A section on shortcomings and plans together gives its
/// sentences that do not say what fell short.
pub fn plans(r: &Report) -> Vec<Passage> {
    let mut plans = all_plans(r);
    plans.retain(|p| p.text.chars().count() >= MIN_PLAN_CHARS);
    plans
}

fn all_plans(r: &Report) -> Vec<Passage> {
    let parts = &r.parts.parts;
    let next = &parts.next_year;
    let Some(s) = next.section.filter(|_| next.status == PartStatus::Section) else {
        return part_blocks(r, next)
            .into_iter()
            .flat_map(|(b, from)| sentences(r, b, from))
            .collect();
    };
    if parts.shortcomings.section == Some(s) {
        return part_blocks(r, next)
            .into_iter()
            .filter(|&(b, _)| r.blocks[b].kind == BlockKind::Paragraph)
            .flat_map(|(b, from)| sentences(r, b, from))
            .filter(|p| !says_shortfall(&p.text))
            .collect();
    }
    let spans = r.item_spans();
    let mut out = Vec::new();
    for leaf in (s..r.subtree_end(s)).filter(|&x| r.children(x).next().is_none()) {
        let items: Vec<Passage> = r
            .items_of(leaf)
            .filter_map(|i| spans[i].clone())
            .map(|(b, chars)| Passage::of_block(r, b, chars))
            .collect();
        if !items.is_empty() {
            out.extend(items);
            continue;
        }
        let paragraphs: Vec<usize> = r
            .section_blocks(leaf, false)
            .filter(|&b| r.blocks[b].kind == BlockKind::Paragraph)
            .collect();
        match (leaf == s, paragraphs.as_slice()) {
            (true, [one]) => out.extend(sentences(r, *one, 0)),
            (false, [] | [_]) => out.extend(titled(r, leaf, paragraphs.first().copied())),
            _ => out.extend(paragraphs.iter().map(|&b| whole(r, b))),
        }
    }
    out
}

fn whole(r: &Report, block: usize) -> Passage {
    Passage::of_block(r, block, 0..r.blocks[block].len)
}

/// A sub-heading with its paragraph, read as one plan, placed at the
/// heading.
fn titled(r: &Report, section: usize, paragraph: Option<usize>) -> Option<Passage> {
    let heading = r.section_blocks(section, false).next()?;
    let mut p = whole(r, heading);
    if let Some(b) = paragraph.filter(|&b| b != heading) {
        p.text.push('\n');
        p.text.push_str(r.block_text(b));
    }
    Some(p)
}

/// The text of a report that may report on last year's plans: the
/// sentences of its paragraphs outside its own plans and shortcomings.
pub fn reported(r: &Report) -> Vec<Passage> {
    reported_blocks(r)
        .into_iter()
        .flat_map(|b| sentences(r, b, 0))
        .collect()
}

/// The paragraphs [`reported`] reads.
fn reported_blocks(r: &Report) -> Vec<usize> {
    let parts = &r.parts.parts;
    let outside = |b: usize| {
        [&parts.next_year, &parts.shortcomings].iter().all(|p| {
            p.section
                .filter(|_| p.status == PartStatus::Section)
                .is_none_or(|s| !r.sections[s].blocks.contains(&b))
        })
    };
    (0..r.blocks.len())
        .filter(|&b| r.blocks[b].kind == BlockKind::Paragraph && outside(b))
        .collect()
}

/// The sentences of a report's shortcomings.
pub fn shortcomings(r: &Report) -> Vec<Passage> {
    let part = &r.parts.parts.shortcomings;
    let combined = part.section.is_some() && part.section == r.parts.parts.next_year.section;
    part_blocks(r, part)
        .into_iter()
        .filter(|&(b, _)| r.blocks[b].kind == BlockKind::Paragraph)
        .flat_map(|(b, from)| sentences(r, b, from))
        .filter(|p| !combined || says_shortfall(&p.text))
        .collect()
}
