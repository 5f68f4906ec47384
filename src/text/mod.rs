//! Small text helpers shared by the domain: line splitting as `cat -n`
//! counts lines, the character-for-character normal form used to read
//! markers, and the printable form of untrusted text.

pub mod chars;
use chars::is_han;
pub(crate) mod classes;
mod fold_pairs;
#[cfg(test)]
mod fold_source;
pub(crate) mod grams;
pub mod numeral;
pub mod pattern;
pub mod script;
pub mod stock;
pub mod stops;

use std::borrow::Cow;
use std::ops::Range;

/// The longest problem a catalogue error quotes, in chars: a parser may
/// echo a whole line of a hostile file.
const MAX_PROBLEM: usize = 240;

/// A parser's message on one line, cut to a readable length, for a
/// one-line error.
pub fn one_line(s: &str) -> String {
    let line = s.split_whitespace().collect::<Vec<_>>().join(" ");
    match line.char_indices().nth(MAX_PROBLEM) {
        Some((cut, _)) => format!("{}…", &line[..cut]),
        None => line,
    }
}

/// Splits on `\n`, `\r\n` and a lone `\r`. A final line end does not start a
/// new line, so the count equals `cat -n` on files with `\n` ends.
pub fn split_lines(text: &str) -> Vec<&str> {
    let bytes = text.as_bytes();
    let mut lines = Vec::new();
    let mut start = 0;
    while let Some(off) = memchr::memchr2(b'\n', b'\r', &bytes[start..]) {
        let end = start + off;
        lines.push(&text[start..end]);
        let crlf = bytes[end] == b'\r' && bytes.get(end + 1) == Some(&b'\n');
        start = end + if crlf { 2 } else { 1 };
    }
    if start < bytes.len() {
        lines.push(&text[start..]);
    }
    lines
}

/// One character of the normal form: full-width digits, letters,
/// parentheses and punctuation become ASCII, and every kind of space
/// (NBSP, ideographic, em) becomes a plain space. One char in, one char out,
/// so offsets in the normal form are offsets in the text as written.
#[inline]
pub(crate) fn normal_char(c: char) -> char {
    match c {
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        '\u{00A0}' | '\u{2000}'..='\u{200A}' | '\u{202F}' | '\u{205F}' | '\u{3000}' => ' ',
        '\u{FE59}' => '(',
        '\u{FE5A}' => ')',
        '\u{2024}' | '\u{FE52}' => '.',
        _ => c,
    }
}

/// True when the line holds nothing but spaces of any kind.
pub(crate) fn is_blank(line: &str) -> bool {
    line.chars()
        .all(|c| c.is_whitespace() || normal_char(c) == ' ')
}

/// Trims every kind of space, including NBSP and the ideographic space.
pub fn trim(s: &str) -> &str {
    s.trim_matches(|c: char| c.is_whitespace() || normal_char(c) == ' ')
}

/// Text from a file is untrusted: control characters (ESC above all) and
/// bidirectional overrides are shown as visible symbols, never passed to a
/// terminal. C0 controls become their Control Pictures (ESC is `␛`).
pub fn printable(s: &str) -> Cow<'_, str> {
    if !s.chars().any(needs_escape) {
        return Cow::Borrowed(s);
    }
    Cow::Owned(s.chars().map(printable_char).collect())
}

fn needs_escape(c: char) -> bool {
    c.is_control()
        || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}')
}

/// One char of [`printable`]: one in, one out, so offsets carry over.
#[inline]
pub(crate) fn printable_char(c: char) -> char {
    match c {
        '\t' => ' ',
        '\u{0}'..='\u{1F}' => char::from_u32(0x2400 + c as u32).unwrap_or('\u{FFFD}'),
        '\u{7F}' => '\u{2421}',
        c if needs_escape(c) => '\u{FFFD}',
        c => c,
    }
}

/// The first `n` characters of `s` (all of it when shorter).
pub(crate) fn take_chars(s: &str, n: usize) -> &str {
    // No text has more chars than bytes: short texts need no walk.
    if s.len() <= n {
        return s;
    }
    // Report text is mostly Han, three bytes a char: count the chars of
    // the first 3n bytes in one go (the standard count reads a word at a
    // time), then walk char by char only over the few left either way.
    let mut end = n.saturating_mul(3).min(s.len());
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    let head = &s[..end];
    let count = head.chars().count();
    let cut = if count > n {
        head.char_indices().rev().nth(count - n - 1).map(|(i, _)| i)
    } else {
        s[end..].char_indices().nth(n - count).map(|(i, _)| end + i)
    };
    &s[..cut.unwrap_or(s.len())]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn take_chars_cuts_after_n_chars() {
        let mixed = "2024年,a法b治\u{1F600}c。依法行政1.5万件";
        for s in [
            "",
            "ab",
            "法治政府",
            "a法b治\u{1F600}c",
            "\u{3000}１２",
            mixed,
        ] {
            for n in 0..s.chars().count() + 3 {
                let want: String = s.chars().take(n).collect();
                assert_eq!(take_chars(s, n), want, "{s:?} {n}");
            }
        }
    }

    #[test]
    fn splits_all_line_ends() {
        assert_eq!(split_lines("a\nb\r\nc\rd"), vec!["a", "b", "c", "d"]);
        assert_eq!(split_lines("a\n"), vec!["a"]);
        assert_eq!(split_lines("a\n\nb"), vec!["a", "", "b"]);
        assert!(split_lines("").is_empty());
    }

    #[test]
    fn normal_form_keeps_length() {
        let s = "（一）１．２\u{3000}ａ\u{a0}";
        let n: String = s.chars().map(normal_char).collect();
        assert_eq!(n, "(一)1.2 a ");
        assert_eq!(n.chars().count(), s.chars().count());
    }

    #[test]
    fn blank_lines_include_nbsp() {
        assert!(is_blank("\u{a0}"));
        assert!(is_blank(" \u{3000} "));
        assert!(!is_blank(" x "));
    }

    fn rows(s: &str, cells: usize) -> Vec<String> {
        wrap(s, cells)
            .into_iter()
            .map(|p| s[p.bytes].to_owned())
            .collect()
    }

    /// Wherever the row ends, a number keeps its unit and a Latin word
    /// stays whole; every row fits.
    #[test]
    fn wraps_keep_numbers_with_units_and_words_whole() {
        let s = "全年办理行政复议案件3006件，涉及金额约6798万元，培训800余人次，纠错率12.5%。See the help text.";
        for cells in 6..40 {
            let rows = rows(s, cells);
            assert_eq!(rows.concat(), s);
            for r in &rows {
                assert!(width(r) <= cells, "{cells}: {r}");
            }
            for whole in ["3006件", "6798万元", "800余人", "12.5%", "help", "text."] {
                let fits = width(whole) <= cells;
                assert!(
                    !fits || rows.iter().any(|r| r.contains(whole)),
                    "{cells}: {whole} split in {rows:?}"
                );
            }
            if cells >= 10 {
                let punct = |r: &&String| r.starts_with(['，', '。']);
                assert!(!rows.iter().skip(1).any(|r| punct(&r)), "{rows:?}");
            }
        }
        // A run longer than a row is cut where the row ends.
        assert_eq!(rows("12345678901234567890", 6).len(), 4);
    }

    #[test]
    fn escapes_never_survive() {
        let p = printable("a\u{1b}[31mred\u{7}\u{9b}b");
        assert!(!p.chars().any(|c| c.is_control()));
        assert!(p.contains('␛'));
        assert_eq!(printable("干净"), Cow::Borrowed("干净"));
    }
}

/// Display width in terminal cells: CJK characters take two.
pub fn width(s: &str) -> usize {
    unicode_width::UnicodeWidthStr::width(s)
}

fn char_width(c: char) -> usize {
    unicode_width::UnicodeWidthChar::width(c).unwrap_or(0)
}

/// `s` cut to at most `max` cells, ending in `…` when cut. Never splits a
/// wide character.
pub fn truncate(s: &str, max: usize) -> Cow<'_, str> {
    if width(s) <= max {
        return Cow::Borrowed(s);
    }
    if max == 0 {
        return Cow::Borrowed("");
    }
    let mut out = String::new();
    let mut used = 0;
    for c in s.chars() {
        let w = char_width(c);
        if used + w > max - 1 {
            break;
        }
        out.push(c);
        used += w;
    }
    out.push('…');
    Cow::Owned(out)
}

/// `s` cut or padded with spaces to exactly `cells` cells.
pub fn fit(s: &str, cells: usize) -> String {
    let t = truncate(s, cells);
    let pad = cells.saturating_sub(width(&t));
    format!("{t}{}", " ".repeat(pad))
}

/// One row of wrapped text: its chars, and the same chars as bytes, so that
/// drawing a row far into a long line slices it instead of walking to it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Piece {
    pub chars: Range<usize>,
    pub bytes: Range<usize>,
}

/// Wraps `s` into rows of at most `cells` cells, each as it shows through
/// [`printable_char`] (so raw text wraps as it will be drawn). Chinese has
/// no spaces, so a row may end between any two characters except where
/// [`Glue`] holds them together: a number and its unit (3006件, 6798万元),
/// a Latin word or number (2.0, 12345), and closing punctuation with what
/// it closes. A run too long for a row is cut at the row's end.
pub fn wrap(s: &str, cells: usize) -> Vec<Piece> {
    let mut rows = Vec::new();
    let (mut chars, mut bytes) = (0, 0);
    loop {
        let row = wrap_row(s, chars, bytes, cells);
        (chars, bytes) = (row.chars.end, row.bytes.end);
        rows.push(row);
        if bytes >= s.len() {
            return rows;
        }
    }
}

/// The row of [`wrap`] that starts at char `chars` (byte `bytes`) of `s`:
/// one row at a time, for views that lay out only what they show.
pub(crate) fn wrap_row(s: &str, chars: usize, bytes: usize, cells: usize) -> Piece {
    let cells = cells.max(2);
    let mut used = 0;
    let mut i = chars;
    let mut glue = Glue::default();
    // The last places this row may end (after its first char): where
    // nothing holds, and where only punctuation does.
    let (mut free, mut weak) = (None, None);
    let mut prev_byte = bytes;
    for (off, c) in s[bytes..].char_indices() {
        let (byte, w) = (bytes + off, char_width(printable_char(c)));
        let held = glue.holds(c);
        if i > chars {
            match held {
                Hold::Free => free = Some((i, byte)),
                Hold::Weak => weak = Some((i, byte)),
                Hold::Strong => {}
            }
        }
        if used + w > cells && i > chars {
            let (end, end_byte) = match (held, free.or(weak)) {
                (Hold::Free, _) => (i, byte),
                (_, Some(at)) => at,
                // A run too long for any row is cut, but not so that a
                // row starts with closing punctuation.
                _ if is_closing(c) && i > chars + 1 => (i - 1, prev_byte),
                _ => (i, byte),
            };
            return Piece {
                chars: chars..end,
                bytes: bytes..end_byte,
            };
        }
        used += w;
        i += 1;
        prev_byte = byte;
    }
    Piece {
        chars: chars..i,
        bytes: bytes..s.len(),
    }
}

/// How strongly a char is held to the one before it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Hold {
    Free,
    /// Punctuation: a closing mark after its text, text after an opening
    /// mark. Given up before a row would overflow with no other place to
    /// end.
    Weak,
    /// A number and its unit, a Latin word: never parted unless the run
    /// is longer than a row.
    Strong,
}

/// What holds the next char to the ones before it, so that no row ends
/// between them. Hand-written: line-breaking crates follow UAX #14, which
/// lets a row end between any two ideographs, 3006 and 件 included.
#[derive(Debug, Default)]
struct Glue {
    prev: Option<char>,
    /// Chars after a number still held to it: its unit, and the unit's
    /// second char after 万/亿/余/多 (6798万元, 800余人).
    unit: bool,
}

impl Glue {
    /// How `c` is held to the char before it; moves on.
    fn holds(&mut self, c: char) -> Hold {
        let Some(prev) = self.prev.replace(c) else {
            self.unit = is_numeral(c);
            return Hold::Free;
        };
        let latin = |x: char| x.is_ascii_graphic() || ('\u{FF01}'..='\u{FF5E}').contains(&x);
        let strong = (latin(prev) && latin(c))
            || (is_numeral(prev) && (is_numeral(c) || matches!(c, '%' | '％' | '.' | '．')))
            || (self.unit && is_han(c));
        let multiplier = matches!(c, '万' | '萬' | '亿' | '億' | '余' | '餘' | '多');
        self.unit = is_numeral(c) || (self.unit && multiplier);
        if strong {
            Hold::Strong
        } else if is_closing(c) || is_opening(prev) {
            Hold::Weak
        } else {
            Hold::Free
        }
    }
}

/// Opening brackets and quotes, which never end a row.
fn is_opening(c: char) -> bool {
    matches!(
        c,
        '(' | '（' | '“' | '‘' | '《' | '〈' | '「' | '『' | '【' | '〔' | '['
    )
}

/// Digits in any width, and the numerals of Chinese numbers.
fn is_numeral(c: char) -> bool {
    c.is_ascii_digit()
        || ('０'..='９').contains(&c)
        || "一二三四五六七八九十百千万亿两零〇萬億兩".contains(c)
}

fn is_closing(c: char) -> bool {
    matches!(
        c,
        '。' | ','
            | '，'
            | '、'
            | ';'
            | '；'
            | ':'
            | '：'
            | ')'
            | '）'
            | '”'
            | '’'
            | '》'
            | '!'
            | '！'
            | '?'
            | '？'
            | '.'
    )
}

#[cfg(test)]
mod width_tests {
    use super::*;

    #[test]
    fn cjk_is_two_cells() {
        assert_eq!(width("法治ab"), 6);
        assert_eq!(truncate("法治政府", 5), "法治…");
        assert_eq!(width(&fit("法治政府", 5)), 5);
        assert_eq!(fit("ab", 4), "ab  ");
    }

    #[test]
    fn wrap_by_cells_never_overflows() {
        let s = "甲乙丙丁戊己庚辛壬癸,甲乙丙丁，戊。";
        for w in 2..30 {
            let rows = wrap(s, w);
            let chars: Vec<char> = s.chars().collect();
            let mut next = 0;
            for r in &rows {
                assert_eq!(r.chars.start, next);
                next = r.chars.end;
                let row: String = chars[r.chars.clone()].iter().collect();
                assert_eq!(row, s[r.bytes.clone()], "bytes and chars agree");
                assert!(width(&row) <= w.max(2), "{w}: {row}");
            }
            assert_eq!(next, chars.len());
        }
        // The comma is not left at the start of a row.
        let rows = wrap(s, 20);
        assert_eq!(rows[1].chars.start, 9);
        // A tab or control character takes the cell its stand-in takes.
        let rows = wrap("\t\u{1b}甲乙", 4);
        assert_eq!(rows[0].chars, 0..3, "{rows:?}");
    }
}
