//! Traditional → Simplified keys, so that search, comparison and indicator
//! matching never care which script a report is written in.
//!
//! Two forms, both from OpenCC's `t2s` dictionaries (via `ferrous-opencc`):
//! - [`to_simplified`]: the full phrase-aware conversion, for whole texts
//!   where the exact OpenCC answer matters;
//! - [`fold`]: a one-to-one character fold derived from the same
//!   dictionaries and committed as data (see `fold_source`). It keeps character positions, so a hit in the folded key is
//!   a hit at the same offset in the text as written, and it runs at memory
//!   speed. OpenCC's phrase rules change only a handful of characters over
//!   megabytes of reports (tested against `../shared/oracle`).

use std::sync::OnceLock;

use ferrous_opencc::{config::BuiltinConfig, OpenCC};

use crate::text::fold_pairs::PAIRS;

/// Which script a text is written in, judged from its Han characters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Script {
    Simplified,
    Traditional,
}

impl Script {
    pub fn name(self) -> &'static str {
        match self {
            Script::Simplified => "simplified",
            Script::Traditional => "traditional",
        }
    }
}

/// The CJK blocks the fold table covers: Extension A and the Unified
/// block, plus the compatibility ideographs. Other characters fold to
/// themselves. Entries are u16 (every target is in the BMP) so the table
/// stays small enough for the cache: it is read for every character loaded.
pub(crate) const MAIN: std::ops::Range<u32> = 0x3400..0xA000;
pub(crate) const COMPAT: std::ops::Range<u32> = 0xF900..0xFB00;
const MAIN_LEN: usize = (MAIN.end - MAIN.start) as usize;
const COMPAT_LEN: usize = (COMPAT.end - COMPAT.start) as usize;

struct FoldTable {
    main: [u16; MAIN_LEN],
    compat: [u16; COMPAT_LEN],
}

/// The table is laid out when the program is compiled, from the pairs
/// derived once from OpenCC and committed (`fold_pairs.rs`): building it
/// from the dictionaries at run time cost every process several
/// milliseconds, more than a one-file command's own work.
static TABLE: FoldTable = FoldTable {
    main: block(MAIN.start),
    compat: block(COMPAT.start),
};

/// The fold of the `N` chars from `start`: each char itself, then the
/// pairs that fall in the block.
const fn block<const N: usize>(start: u32) -> [u16; N] {
    let mut table = [0u16; N];
    let mut i = 0;
    while i < N {
        table[i] = (start + i as u32) as u16;
        i += 1;
    }
    let mut p = 0;
    while p < PAIRS.len() {
        let (from, to) = (PAIRS[p].0 as u32, PAIRS[p].1 as u32);
        if from >= start && from - start < N as u32 {
            assert!(to <= 0xFFFF, "fold targets are BMP chars");
            table[(from - start) as usize] = to as u16;
        }
        p += 1;
    }
    table
}

impl FoldTable {
    #[inline]
    fn get(&self, c: char) -> char {
        let u = c as u32;
        let v = if MAIN.contains(&u) {
            self.main[(u - MAIN.start) as usize]
        } else if COMPAT.contains(&u) {
            self.compat[(u - COMPAT.start) as usize]
        } else {
            return c;
        };
        char::from_u32(v as u32).unwrap_or(c)
    }

    /// The key form of one character: full-width and odd spaces made
    /// plain, then Simplified. Ideographs come first because they are most
    /// of a report and no normalisation touches them.
    #[inline(always)]
    fn key(&self, c: char) -> char {
        let u = c as u32;
        if let Some(&v) = self.main.get(u.wrapping_sub(MAIN.start) as usize) {
            char::from_u32(u32::from(v)).unwrap_or(c)
        } else if c.is_ascii() {
            c
        } else {
            self.key_other(c)
        }
    }

    /// The rare rest: punctuation, full-width forms, compatibility
    /// ideographs (kept out of line so the common path inlines).
    #[inline(never)]
    fn key_other(&self, c: char) -> char {
        self.get(crate::text::normal_char(c))
    }
}

pub(crate) fn opencc() -> Option<&'static OpenCC> {
    static CONVERTER: OnceLock<Option<OpenCC>> = OnceLock::new();
    CONVERTER
        .get_or_init(|| OpenCC::from_config(BuiltinConfig::T2s).ok())
        .as_ref()
}

fn fold_table() -> &'static FoldTable {
    &TABLE
}

/// The Simplified form of one character (itself when there is none).
#[inline]
pub fn fold_char(c: char) -> char {
    fold_table().get(c)
}

/// The key of one character (as [`key`] gives it).
#[inline]
pub(crate) fn key_char(c: char) -> char {
    fold_table().key(c)
}

/// A position-keeping Simplified key: same number of characters as `text`.
///
/// ```
/// assert_eq!(lawgov_tui::text::script::fold("張家港市法治政府建設"), "张家港市法治政府建设");
/// ```
pub fn fold(text: &str) -> String {
    let table = fold_table();
    text.chars().map(|c| table.get(c)).collect()
}

/// The matching key of a text in one pass: normal form (see
/// [`crate::text::normal_char`]) then Simplified. Same number of chars as
/// `text`; ASCII is copied as is.
pub fn key(text: &str) -> String {
    let table = fold_table();
    let mut out = String::with_capacity(text.len());
    // Most characters are their own key: copy the runs between the ones
    // that change instead of pushing char by char.
    let mut copied = 0;
    for (i, c) in text.char_indices() {
        let k = table.key(c);
        if k != c {
            out.push_str(&text[copied..i]);
            out.push(k);
            copied = i + c.len_utf8();
        }
    }
    out.push_str(&text[copied..]);
    out
}

/// The text's chars and their keys (as [`key`] gives them), appended to
/// two vectors in one pass.
pub(crate) fn chars_and_keys(text: &str, chars: &mut Vec<char>, keys: &mut Vec<char>) {
    let table = fold_table();
    for c in text.chars() {
        chars.push(c);
        keys.push(table.key(c));
    }
}

/// The key of `text` as a string, given its chars' keys (from
/// [`chars_and_keys`]): the runs of chars that are their own key are
/// copied whole, as bytes.
pub(crate) fn key_text(text: &str, keys: &[char], out: &mut String) {
    out.clear();
    out.reserve(text.len());
    let mut run = 0;
    for ((at, c), &k) in text.char_indices().zip(keys) {
        if c != k {
            out.push_str(&text[run..at]);
            out.push(k);
            run = at + c.len_utf8();
        }
    }
    out.push_str(&text[run..]);
}

/// OpenCC's phrase-aware Traditional → Simplified conversion.
pub fn to_simplified(text: &str) -> String {
    match opencc() {
        Some(cc) => cc.convert(text),
        None => fold(text),
    }
}

/// Han characters enough to judge a script by: in a Traditional report
/// about a third of them have another Simplified form (the bundled ones:
/// 33–34%, over 150 here where 25 decide), in a Simplified one quoting a
/// Traditional name a handful.
const DETECT_HAN: usize = 500;

/// Han characters read and how many of them have another Simplified form:
/// what a text's script is judged from.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Tally {
    pub han: usize,
    pub changed: usize,
}

impl Tally {
    /// Traditional when a clear share of the Han characters have another
    /// Simplified form; a Simplified text quoting a Traditional name stays
    /// Simplified.
    pub fn script(self) -> Script {
        if self.han > 0 && self.changed * 20 >= self.han && self.changed >= 3 {
            Script::Traditional
        } else {
            Script::Simplified
        }
    }

    /// Counts the Han characters of `text` until the tally holds enough
    /// to judge the script by; false once it does.
    pub fn read(&mut self, text: &str) -> bool {
        let table = fold_table();
        // Counted in locals, which stay in registers, and added once.
        let (mut han, mut changed) = (self.han, self.changed);
        for c in text.chars() {
            let u = c as u32;
            // The main block by one index and no branch on the answer.
            if let Some(&v) = table.main.get(u.wrapping_sub(MAIN.start) as usize) {
                han += 1;
                changed += usize::from(u32::from(v) != u);
                if han >= DETECT_HAN {
                    break;
                }
            } else if COMPAT.contains(&u) {
                han += 1;
                changed += usize::from(table.get(c) != c);
            }
        }
        (self.han, self.changed) = (han, changed);
        han < DETECT_HAN
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fold_keeps_length_and_maps_traditional() {
        let t = "張家港市法治政府建設";
        let f = fold(t);
        assert_eq!(f, "张家港市法治政府建设");
        assert_eq!(f.chars().count(), t.chars().count());
    }

    #[test]
    fn simplified_text_is_left_alone() {
        let s = "显著提升执法效能,捍卫公平正义";
        assert_eq!(fold(s), s);
        assert_eq!(to_simplified(s), s);
    }

    /// The script a tally judges from the start of `text`.
    fn detect(text: &str) -> Script {
        let mut tally = Tally::default();
        tally.read(text);
        tally.script()
    }

    #[test]
    fn detects_script() {
        assert_eq!(
            detect("黨政主要負責人履行推進法治建設第一責任人職責"),
            Script::Traditional
        );
        assert_eq!(
            detect("党政主要负责人履行推进法治建设第一责任人职责"),
            Script::Simplified
        );
        assert_eq!(detect("abc 123"), Script::Simplified);
    }

    #[test]
    fn tally_reads_han_until_it_has_enough() {
        let mut tally = Tally::default();
        assert!(tally.read("（一）張家港ab"));
        assert_eq!(tally, Tally { han: 4, changed: 1 });
        assert!(!tally.read(&"法".repeat(2 * DETECT_HAN)));
        assert_eq!(tally.han, DETECT_HAN);
        assert_eq!(key("（一）張家港ab"), "(一)张家港ab");
    }
}
