//! A report's text as reuse compares it: its report text (no chrome), in
//! Simplified keys, letters, digits and Han characters only, every digit
//! one symbol. Punctuation and spaces say nothing of whether a passage
//! was copied, and a copied passage with new figures is still the
//! passage, so neither may break a match: 256 and 312 are the same three
//! symbols, and 256 against 1024 costs one symbol put in, as a word would.
//! A passage's length is its symbols: its characters less punctuation and
//! spaces. Each symbol knows whether a stock phrase of the genre covers
//! it.

use crate::report::Report;
use crate::text::chars::is_han;
use crate::text::script;
use crate::text::stock::Stock;

/// The symbol every digit folds to.
pub(crate) const DIGIT: u16 = b'#' as u16;
/// A Han character outside the Basic Multilingual Plane (rare characters
/// of names): one symbol for all, which costs a match at worst.
const FAR: u16 = 0xFFFD;

/// Reuse reads at most this many symbols of a report (about a long
/// report's first 110,000 characters): a passage is found wherever two
/// reports' first parts share it, and time and memory stay bounded on a
/// 30 MB file.
pub(crate) const MAX_SYMBOLS: usize = 100_000;

/// A report's symbols, which of them stock phrases cover, and how many
/// chars each takes as written with the punctuation after it (so that a
/// passage's length is its characters as a reader counts them).
#[derive(Debug, Clone, Default)]
pub struct Folded {
    pub syms: Box<[u16]>,
    pub stock: Bits,
    pub widths: Box<[u8]>,
}

impl Folded {
    /// A text as its own symbols, one cell wide each, nothing stock: what
    /// the tests of the search and the alignment start from.
    #[cfg(test)]
    pub(super) fn plain(text: &str) -> Folded {
        let syms: Vec<u16> = text.chars().map(|c| c as u16).collect();
        let stock = Bits::from(&vec![false; syms.len()]);
        Folded {
            widths: vec![1; syms.len()].into_boxed_slice(),
            syms: syms.into_boxed_slice(),
            stock,
        }
    }

    pub fn of(report: &Report, stock: &Stock) -> Folded {
        let (mut syms, mut marks, mut widths) = (Vec::new(), Vec::new(), Vec::new());
        walk(report, Some(stock), |s| {
            syms.push(s.sym);
            marks.push(s.stock);
            widths.push(s.width);
        });
        Folded {
            syms: syms.into_boxed_slice(),
            stock: Bits::from(&marks),
            widths: widths.into_boxed_slice(),
        }
    }

    pub fn len(&self) -> usize {
        self.syms.len()
    }

    pub fn is_empty(&self) -> bool {
        self.syms.is_empty()
    }

    /// The chars symbols `range` take as written, from the first to the
    /// last (the punctuation between them counted, none after).
    pub fn written(&self, range: std::ops::Range<usize>) -> usize {
        match range.is_empty() {
            true => 0,
            false => {
                let inner = &self.widths[range.start..range.end - 1];
                inner.iter().map(|&w| usize::from(w)).sum::<usize>() + 1
            }
        }
    }
}

/// Where a symbol stands in the report: its block, and its char in the
/// block's text; for a digit, its value, and whether it goes on a number
/// the digit before it started (3006, 12.5, 3,006).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Origin {
    pub block: u32,
    pub col: u32,
    pub digit: Option<u8>,
    pub joined: bool,
}

/// Every symbol's origin, in the order [`Folded::of`] gives the symbols.
pub(crate) fn origins(report: &Report) -> Vec<Origin> {
    let mut out = Vec::new();
    walk(report, None, |s| out.push(s.origin));
    out
}

/// One symbol as [`walk`] gives it.
struct Symbol {
    sym: u16,
    origin: Origin,
    /// Whether a stock phrase covers it (never without stock phrases).
    stock: bool,
    /// Its char and the punctuation and spaces after it in its block.
    width: u8,
}

/// Calls `f` with each symbol of the report text.
fn walk(report: &Report, stock: Option<&Stock>, mut f: impl FnMut(Symbol)) {
    let mut count = 0;
    let mut key = String::new();
    let (mut chars, mut keys, mut cols) = (Vec::new(), Vec::new(), Vec::new());
    report.each_block_text(|block, text| {
        if count == MAX_SYMBOLS {
            return;
        }
        chars.clear();
        keys.clear();
        script::chars_and_keys(text, &mut chars, &mut keys);
        let covered = match stock {
            Some(stock) => {
                script::key_text(text, &keys, &mut key);
                stock.covered(&key)
            }
            None => Vec::new(),
        };
        cols.clear();
        cols.extend((0..keys.len()).filter(|&c| symbol(keys[c]).is_some()));
        for (n, &col) in cols.iter().enumerate() {
            if count == MAX_SYMBOLS {
                return;
            }
            count += 1;
            let k = keys[col];
            let sym = symbol(k).unwrap_or(FAR);
            let next = cols.get(n + 1).copied().unwrap_or(keys.len());
            f(Symbol {
                sym,
                origin: Origin {
                    block: block as u32,
                    col: col as u32,
                    digit: k.to_digit(10).map(|d| d as u8),
                    joined: sym == DIGIT && joins(&keys[..col]),
                },
                stock: covered.get(col).copied().unwrap_or(false),
                width: u8::try_from(next - col).unwrap_or(u8::MAX),
            });
        }
    });
}

/// Whether a digit after `before` goes on the number there: right after
/// a digit, or after a point or comma that follows one.
fn joins(before: &[char]) -> bool {
    match before {
        [.., d] if d.is_ascii_digit() => true,
        [.., d, '.' | ','] => d.is_ascii_digit(),
        _ => false,
    }
}

/// The symbol a key char is, or None for punctuation and space.
fn symbol(k: char) -> Option<u16> {
    if k.is_ascii_digit() {
        Some(DIGIT)
    } else if k.is_ascii_alphabetic() {
        Some(k.to_ascii_lowercase() as u16)
    } else if is_han(k) {
        Some(u16::try_from(k as u32).unwrap_or(FAR))
    } else {
        None
    }
}

/// A fixed set of bits, one per symbol: an eighth of a bool each, for
/// corpora of many reports held at once.
#[derive(Debug, Clone, Default)]
pub struct Bits {
    words: Box<[u64]>,
    len: usize,
}

impl Bits {
    pub fn from(marks: &[bool]) -> Bits {
        let mut words = vec![0u64; marks.len().div_ceil(64)];
        for (i, _) in marks.iter().enumerate().filter(|(_, &m)| m) {
            words[i / 64] |= 1 << (i % 64);
        }
        Bits {
            words: words.into_boxed_slice(),
            len: marks.len(),
        }
    }

    /// Whether bit `i` is set (false past the end).
    pub fn get(&self, i: usize) -> bool {
        i < self.len && self.words[i / 64] & (1 << (i % 64)) != 0
    }

    /// How many bits of `range` are set.
    pub fn count(&self, range: std::ops::Range<usize>) -> usize {
        range.filter(|&i| self.get(i)).count()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::TextEncoding;

    fn report(text: &str) -> Report {
        Report::parse("r.txt", text.to_owned(), TextEncoding::Utf8)
    }

    fn string(f: &Folded) -> String {
        f.syms
            .iter()
            .map(|&s| char::from_u32(u32::from(s)).unwrap_or('?'))
            .collect()
    }

    #[test]
    fn numbers_fold_and_punctuation_goes() {
        let r = report("一、總體情況\n全年辦理案件3,006件，同比增長12.5%，ＡＢ類1.2萬件。\n");
        let f = Folded::of(&r, Stock::builtin());
        assert_eq!(
            string(&f),
            "一总体情况全年办理案件####件同比增长###ab类##万件"
        );
        let o = origins(&r);
        assert_eq!(o.len(), f.len());
        // 3,006: the comma goes, each digit stays where it is written.
        assert_eq!((o[11].col, o[12].col, o[14].col), (6, 8, 10));
        assert_eq!(
            r.block_text(o[14].block as usize).chars().nth(10),
            Some('6')
        );
        // 件，同: the comma counts where a passage goes on past it.
        assert_eq!(f.written(14..18), 5);
        assert_eq!(f.written(14..16), 2);
        let digits: Vec<_> = o[11..15].iter().map(|o| (o.digit, o.joined)).collect();
        assert_eq!(
            digits,
            [
                (Some(3), false),
                (Some(0), true),
                (Some(0), true),
                (Some(6), true)
            ]
        );
    }

    #[test]
    fn stock_phrases_are_marked_per_symbol() {
        let r = report("一、概况\n全年坚持习近平法治思想，办理案件12件。\n");
        let f = Folded::of(&r, Stock::builtin());
        let s = string(&f);
        let at = s.chars().position(|c| c == '习').unwrap();
        assert!(f.stock.get(at) && f.stock.get(at + 6));
        let case = s.chars().position(|c| c == '案').unwrap();
        assert!(!f.stock.get(case));
        assert_eq!(f.stock.count(at..at + 7), 7);
    }

    #[test]
    fn bits_round_trip() {
        let marks: Vec<bool> = (0..130).map(|i| i % 3 == 0).collect();
        let b = Bits::from(&marks);
        assert!((0..130).all(|i| b.get(i) == marks[i]));
        assert!(!b.get(500));
        assert_eq!(b.count(0..130), 44);
    }
}
