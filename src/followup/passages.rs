//! Passages of a report that follow-up reads and shows: where each
//! starts and ends, and the shortcomings of a report, sentence by
//! sentence.

use std::ops::Range;

use crate::report::Report;
use crate::report::{BlockKind, PartFinding, PartStatus};

/// A stretch of one report's text: where it starts (its block, and the
/// chars of that block it covers) and the text read, which may run on
/// into the next block when the page broke a sentence in two.
#[derive(Debug, Clone, PartialEq)]
pub struct Passage {
    pub block: usize,
    /// Chars of the block's text.
    pub chars: Range<usize>,
    pub text: String,
    /// 1-based line, and the 0-based char column of its start in it.
    pub line: usize,
    pub col: usize,
    /// Line and char column just past its end (the same counts).
    pub end: (usize, usize),
}

impl Passage {
    /// The passage of `text` that starts at char `chars.start` of block
    /// `block`. The caller gives the text it has at hand: cutting it from
    /// the block here would walk the block's chars from its start for
    /// every passage, quadratic in a paragraph of one long sentence.
    pub(super) fn placed(r: &Report, block: usize, chars: Range<usize>, text: String) -> Passage {
        let b = &r.blocks()[block];
        Passage {
            block,
            line: b.line,
            col: b.col + chars.start,
            end: (b.line, b.col + chars.end),
            chars,
            text,
        }
    }
}

/// Sentences shorter than this join the next: "一是。" says nothing alone.
const MIN_SENTENCE_CHARS: usize = 8;

/// A block and the chars of it to read.
pub(crate) type BlockSpan = (usize, Range<usize>);

/// The whole of block `b`.
pub fn whole(r: &Report, b: usize) -> BlockSpan {
    (b, 0..r.blocks()[b].len)
}

/// The sentences of a block, from char `from`: each ends on 。！？；.
pub fn sentences(r: &Report, block: usize, from: usize) -> Vec<Passage> {
    let chars: Vec<char> = r.block_text(block).chars().collect();
    let mut out = Vec::new();
    let mut start = from.min(chars.len());
    for (i, &c) in chars.iter().enumerate().skip(start) {
        let stop = matches!(c, '。' | '！' | '!' | '？' | '?' | '；' | ';');
        if stop && i + 1 - start >= MIN_SENTENCE_CHARS {
            let text = chars[start..=i].iter().collect();
            out.push(Passage::placed(r, block, start..i + 1, text));
            start = i + 1;
        }
    }
    if chars.len().saturating_sub(start) >= MIN_SENTENCE_CHARS {
        let text = chars[start..].iter().collect();
        out.push(Passage::placed(r, block, start..chars.len(), text));
    }
    out
}

/// The spans of a part: its section's blocks and its subsections', or,
/// for a part only mentioned, the paragraph that mentions it from the
/// mention on.
pub(super) fn part_spans(r: &Report, part: &PartFinding) -> Vec<BlockSpan> {
    match (part.status, part.section) {
        (PartStatus::Section, Some(s)) => r.section_blocks(s, true).map(|b| whole(r, b)).collect(),
        (PartStatus::Mention, _) => {
            let Some(evidence) = part.evidence.as_deref() else {
                return Vec::new();
            };
            (0..r.blocks().len())
                .find_map(|b| {
                    let text = r.block_text(b);
                    let at = text[..].find(evidence)?;
                    let from = text[..at].chars().count();
                    Some(vec![(b, from..r.blocks()[b].len)])
                })
                .unwrap_or_default()
        }
        _ => Vec::new(),
    }
}

/// Words of a sentence about what fell short, not about what will be done.
pub(super) fn says_shortfall(text: &str) -> bool {
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

/// The sentences of a report's shortcomings.
pub fn shortcomings(r: &Report) -> Vec<Passage> {
    let part = &r.parts.parts.shortcomings;
    let combined = part.section.is_some() && part.section == r.parts.parts.next_year.section;
    part_spans(r, part)
        .into_iter()
        .filter(|(b, _)| r.blocks()[*b].kind == BlockKind::Paragraph)
        .flat_map(|(b, from)| sentences(r, b, from.start))
        .filter(|p| !combined || says_shortfall(&p.text))
        .collect()
}
