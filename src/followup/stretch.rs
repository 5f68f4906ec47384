//! Text read on across blocks. A page that lost a hidden line break in
//! the middle of a sentence splits one paragraph into two blocks (…扩大失
//! 业保险返还等阶段性稳 | 岗政策惠及范围，…): follow-up reads them as one,
//! and maps what it finds back to the block and column where it starts.

use std::ops::Range;

use super::passages::Passage;
pub(crate) use super::passages::{whole, BlockSpan};
use crate::report::{BlockKind, Report};
use crate::text::script;

/// One block's share of a stretch: its chars from `from` on, at `at` in
/// the stretch.
#[derive(Debug, Clone)]
struct Piece {
    block: usize,
    from: usize,
    at: usize,
    len: usize,
}

#[derive(Debug, Clone, Default)]
pub(crate) struct Stretch {
    pieces: Vec<Piece>,
    /// The text as written, and its keys (Simplified, normal form), char
    /// for char.
    pub chars: Vec<char>,
    pub keys: Vec<char>,
}

impl Stretch {
    fn push(&mut self, r: &Report, block: usize, chars: Range<usize>) {
        let text = r.block_text(block);
        let start = crate::report::char_to_byte(text, chars.start);
        let rest = &text[start..];
        let end = crate::report::char_to_byte(rest, chars.len());
        let at = self.chars.len();
        script::chars_and_keys(&rest[..end], &mut self.chars, &mut self.keys);
        self.pieces.push(Piece {
            block,
            from: chars.start,
            at,
            len: self.chars.len() - at,
        });
    }

    pub fn len(&self) -> usize {
        self.chars.len()
    }

    pub fn is_empty(&self) -> bool {
        self.chars.is_empty()
    }

    pub fn text(&self, range: Range<usize>) -> String {
        self.chars[range].iter().collect()
    }

    /// The piece that holds char `i` of the stretch (the last for its end).
    fn piece_at(&self, i: usize) -> Option<&Piece> {
        let n = self.pieces.partition_point(|p| p.at <= i);
        self.pieces.get(n.checked_sub(1)?)
    }

    /// A passage of the stretch: placed at the block and column where it
    /// starts (its `chars` cut at that block's end), with all its text and
    /// where it ends.
    pub fn passage(&self, r: &Report, range: Range<usize>) -> Option<Passage> {
        let first = self.piece_at(range.start)?;
        let start = first.from + range.start - first.at;
        let end = first.from + range.end.min(first.at + first.len) - first.at;
        let mut p = Passage::placed(r, first.block, start..end, self.text(range.clone()));
        let last = self.piece_at(range.end.saturating_sub(1).max(range.start))?;
        let b = &r.blocks()[last.block];
        p.end = (b.line, b.col + last.from + range.end - last.at);
        Some(p)
    }
}

/// The chars a block's text must reach, or hold a clause mark, to run on
/// into the next: a short line without one is a title, not half a
/// sentence.
const RUN_ON_CHARS: usize = 20;

/// Whether a block stops in the middle of its sentence.
fn runs_on(keys: &[char]) -> bool {
    let last = keys.iter().rev().find(|c| !c.is_whitespace());
    let open = last.is_some_and(|&c| !matches!(c, '。' | '!' | '?' | ';' | ':' | '”' | ')' | '…'));
    let long = keys.len() >= RUN_ON_CHARS || keys.iter().any(|&c| matches!(c, ',' | '、'));
    open && long
}

/// The blocks given (each a span of its chars), read as stretches: a
/// paragraph that stops in the middle of its sentence runs on into the
/// next block when that is the next paragraph of its section.
pub(crate) fn stretches(r: &Report, blocks: &[BlockSpan]) -> Vec<Stretch> {
    let mut out: Vec<Stretch> = Vec::new();
    let mut open = false;
    let mut prev: Option<usize> = None;
    for (b, chars) in blocks {
        let (b, from) = (*b, chars.start);
        let joins = open
            && from == 0
            && prev.is_some_and(|p| {
                p + 1 == b
                    && r.blocks()[p].section == r.blocks()[b].section
                    && r.blocks()[b].kind == BlockKind::Paragraph
            });
        if !joins {
            out.push(Stretch::default());
        }
        let Some(s) = out.last_mut() else {
            continue;
        };
        let before = s.len();
        s.push(r, b, chars.clone());
        open = r.blocks()[b].kind == BlockKind::Paragraph && runs_on(&s.keys[before..]);
        prev = Some(b);
    }
    out.retain(|s| !s.is_empty());
    out
}
