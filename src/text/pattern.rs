//! Patterns written for keys, rewritten to match text as written.
//!
//! Rules match Simplified, normal-form keys ([`crate::text::script::key`]), so
//! that neither the script nor full-width forms matter. Keying a text costs
//! a table lookup per char; for a rule that reads every paragraph,
//! [`for_text`] does that work once, in the pattern: each char the pattern
//! names is widened to every char whose key it is, so the new pattern
//! matches a text exactly where the old one matches the text's key (keys
//! have the same chars as the text, one for one).
//!
//! Why by hand: regex-syntax parses and prints patterns, but no crate
//! rewrites one through a character mapping.

use std::sync::OnceLock;

use regex_syntax::hir::{self, Class, ClassUnicode, ClassUnicodeRange, Hir, HirKind};

use crate::text::script;

/// Every char whose key is another char, with that key: sorted by char,
/// and again by key. Keys change BMP chars only (the fold table and the
/// normal form cover no other plane).
struct Changing {
    by_char: Vec<(char, char)>,
    by_key: Vec<(char, char)>,
}

impl Changing {
    /// The pairs whose char (or key, with `pick`) lies in `range`.
    fn within<'a>(
        pairs: &'a [(char, char)],
        pick: fn(&(char, char)) -> char,
        range: &ClassUnicodeRange,
    ) -> &'a [(char, char)] {
        let from = pairs.partition_point(|p| pick(p) < range.start());
        let to = pairs.partition_point(|p| pick(p) <= range.end());
        &pairs[from..to.max(from)]
    }
}

fn changing() -> &'static Changing {
    static LIST: OnceLock<Changing> = OnceLock::new();
    LIST.get_or_init(|| {
        let by_char = changing_chars();
        let mut by_key = by_char.clone();
        by_key.sort_unstable_by_key(|&(c, k)| (k, c));
        Changing { by_char, by_key }
    })
}

/// Every BMP char whose key is another char, with that key, sorted by
/// char. A key changes only the chars the fold table pairs and those the
/// normal form rewrites ([`crate::text::normal_char`]): asking those
/// alone spares each process the key of 65,536 chars (a test holds the
/// two to the same list).
fn changing_chars() -> Vec<(char, char)> {
    let normal = [
        '\u{A0}', '\u{202F}', '\u{205F}', '\u{3000}', '\u{FE59}', '\u{FE5A}', '\u{2024}',
        '\u{FE52}',
    ]
    .into_iter()
    .chain('\u{2000}'..='\u{200A}')
    .chain('\u{FF01}'..='\u{FF5E}');
    let mut chars: Vec<char> = super::fold_pairs::PAIRS
        .iter()
        .map(|p| p.0)
        .chain(normal)
        .collect();
    chars.sort_unstable();
    chars.dedup();
    chars
        .into_iter()
        .filter_map(|c| {
            let k = script::key_char(c);
            (k != c).then_some((c, k))
        })
        .collect()
}

/// Every char whose key is `key`: `key` itself when it is its own key,
/// and the chars keyed to it (頁 and 页 for 页).
#[cfg(test)]
pub(crate) fn keyed_to(key: char) -> Vec<char> {
    let range = ClassUnicodeRange::new(key, key);
    let apart = Changing::within(&changing().by_key, |p| p.1, &range);
    let own = (script::key_char(key) == key).then_some(key);
    own.into_iter().chain(apart.iter().map(|p| p.0)).collect()
}

/// Every char whose key is another char, with that key, sorted by char.
pub(crate) fn keyed_apart() -> &'static [(char, char)] {
    &changing().by_char
}

/// `pattern`, which is written to match keys, rewritten to match the text
/// they are the keys of.
///
/// ```
/// let re = regex::Regex::new(&lawgov_tui::text::pattern::for_text("责任|下一步").unwrap()).unwrap();
/// assert!(re.is_match("第一責任人"));
/// assert!(re.is_match("下一步"));
/// ```
pub fn for_text(pattern: &str) -> Result<String, Box<regex_syntax::Error>> {
    let hir = regex_syntax::Parser::new()
        .parse(pattern)
        .map_err(Box::new)?;
    Ok(widen(&hir).to_string())
}

/// [`for_text`] compiled, for the fixed patterns of the rules, where a
/// pattern that does not parse is a bug.
pub(crate) fn text_regex(pattern: &str) -> regex::Regex {
    for_text(pattern)
        .map_err(|e| e.to_string())
        .and_then(|p| regex::Regex::new(&p).map_err(|e| e.to_string()))
        .unwrap_or_else(|e| panic!("pattern {pattern:?}: {e}"))
}

/// Up to eight rules asked of many short texts (section titles), each
/// written for keys and matched as [`text_regex`]. A regex call costs a
/// few hundred instructions of set-up and of a searcher made for long
/// haystacks, more than a title's whole length; one pass over the title's
/// chars, each looked up in a table of the rules whose matches can start
/// with it, leaves the engine only the rules that may match.
pub(crate) struct RuleSet {
    rules: Vec<Deferred>,
    /// For each BMP char, one bit per rule whose matches can start with it.
    starts: Box<[u8]>,
    /// Rules whose first chars are unknown or outside the table.
    always: u8,
}

impl RuleSet {
    pub fn new(patterns: &[&str]) -> RuleSet {
        assert!(patterns.len() <= 8, "one bit a rule");
        let mut set = RuleSet {
            rules: Vec::new(),
            starts: vec![0; 0x10000].into_boxed_slice(),
            always: 0,
        };
        for (i, pattern) in patterns.iter().enumerate() {
            let (re, first) = text_rule(pattern);
            let bit = 1 << i;
            match first {
                Some(first) => {
                    for c in first {
                        match set.starts.get_mut(c as usize) {
                            Some(slot) => *slot |= bit,
                            None => set.always |= bit,
                        }
                    }
                }
                None => set.always |= bit,
            }
            set.rules.push(re);
        }
        set
    }

    /// The rules that may match in `text`, one bit each, for [`Self::is_match`].
    pub fn candidates(&self, text: &str) -> u8 {
        text.chars().fold(self.always, |bits, c| {
            bits | self.starts.get(c as usize).copied().unwrap_or(0)
        })
    }

    /// Whether rule `i` matches in `text`, whose [`Self::candidates`] are
    /// given.
    pub(crate) fn is_match(&self, i: usize, text: &str, candidates: u8) -> bool {
        candidates & 1 << i != 0 && self.rules[i].get().is_match(text)
    }
}

/// A fixed rule's [`text_regex`], compiled when first asked, and the
/// chars its matches can begin with when the pattern says (see
/// [`first_chars`]).
fn text_rule(pattern: &str) -> (Deferred, Option<Vec<char>>) {
    let hir = regex_syntax::Parser::new()
        .parse(pattern)
        .map(|h| widen(&h))
        .unwrap_or_else(|e| panic!("pattern {pattern:?}: {e}"));
    let re = Deferred {
        pattern: hir.to_string(),
        re: OnceLock::new(),
    };
    (re, first_chars(&hir))
}

/// A rule's regex, compiled at its first search. Compiling costs a
/// tenth of a millisecond or more a rule, and the rules of a set or a
/// start rule go to the engine only for a text holding a char their
/// matches can start with: some never do, and a one-file command should
/// not pay for them.
struct Deferred {
    /// Parsed already (a pattern that does not parse fails when the rule
    /// is made); what is left to fail is the engine's size limit.
    pattern: String,
    re: OnceLock<regex::Regex>,
}

impl Deferred {
    fn get(&self) -> &regex::Regex {
        self.re.get_or_init(|| {
            regex::Regex::new(&self.pattern)
                .unwrap_or_else(|e| panic!("pattern {:?}: {e}", self.pattern))
        })
    }
}

/// The first chars of the prefixes regex-syntax finds for `hir`, when
/// they are a finite set of whole chars.
fn first_chars(hir: &Hir) -> Option<Vec<char>> {
    use regex_syntax::hir::literal::{ExtractKind, Extractor};
    let seq = Extractor::new().kind(ExtractKind::Prefix).extract(hir);
    let mut first = seq
        .literals()?
        .iter()
        .map(|lit| {
            let bytes = lit.as_bytes();
            let len = bytes.first().map(|&b| utf8_len(b))?;
            std::str::from_utf8(bytes.get(..len)?).ok()?.chars().next()
        })
        .collect::<Option<Vec<char>>>()?;
    first.sort_unstable();
    first.dedup();
    Some(first)
}

fn utf8_len(lead: u8) -> usize {
    match lead {
        0..=0x7F => 1,
        0xC0..=0xDF => 2,
        0xE0..=0xEF => 3,
        _ => 4,
    }
}

fn widen(h: &Hir) -> Hir {
    match h.kind() {
        HirKind::Empty | HirKind::Look(_) | HirKind::Class(Class::Bytes(_)) => h.clone(),
        HirKind::Literal(hir::Literal(bytes)) => match std::str::from_utf8(bytes) {
            Ok(s) => Hir::concat(
                s.chars()
                    .map(|c| widen_class(&ClassUnicode::new([ClassUnicodeRange::new(c, c)])))
                    .collect(),
            ),
            // Byte literals come only from (?-u) patterns, which keys
            // never need.
            Err(_) => h.clone(),
        },
        HirKind::Class(Class::Unicode(c)) => widen_class(c),
        HirKind::Repetition(r) => Hir::repetition(hir::Repetition {
            sub: Box::new(widen(&r.sub)),
            ..r.clone()
        }),
        HirKind::Capture(c) => Hir::capture(hir::Capture {
            sub: Box::new(widen(&c.sub)),
            ..c.clone()
        }),
        HirKind::Concat(v) => Hir::concat(v.iter().map(widen).collect()),
        HirKind::Alternation(v) => Hir::alternation(v.iter().map(widen).collect()),
    }
}

/// The chars whose key is in `class`: the class, less its chars whose key
/// is outside it, plus the chars outside it whose key is in it. Only the
/// pairs of [`changing`] near the class's ranges are read.
fn widen_class(class: &ClassUnicode) -> Hir {
    let ranges = class.ranges();
    let holds = |c: char| {
        let i = ranges.partition_point(|r| r.end() < c);
        ranges.get(i).is_some_and(|r| r.start() <= c)
    };
    let changing = changing();
    let (mut add, mut drop) = (Vec::new(), Vec::new());
    for r in ranges {
        for &(c, k) in Changing::within(&changing.by_char, |p| p.0, r) {
            if !holds(k) {
                drop.push(ClassUnicodeRange::new(c, c));
            }
        }
        for &(c, _) in Changing::within(&changing.by_key, |p| p.1, r) {
            if !holds(c) {
                add.push(ClassUnicodeRange::new(c, c));
            }
        }
    }
    let mut out = class.clone();
    out.union(&ClassUnicode::new(add));
    out.difference(&ClassUnicode::new(drop));
    Hir::class(Class::Unicode(out))
}

/// A full DFA for a catalogue of the usual size, searched for every label
/// and text; past a few thousand keywords (a user's generated file) the
/// DFA's build time and memory grow out of bounds, so the crate picks.
pub(crate) fn automaton_kind(patterns: usize) -> Option<aho_corasick::AhoCorasickKind> {
    (patterns <= 5_000).then_some(aho_corasick::AhoCorasickKind::DFA)
}

#[cfg(test)]
mod tests {
    use super::*;
    use regex::Regex;

    fn both(pattern: &str) -> (Regex, Regex) {
        let text = for_text(pattern).expect("pattern");
        (
            Regex::new(pattern).expect("key pattern"),
            Regex::new(&text).expect("text pattern"),
        )
    }

    /// Whatever the text, the rewritten pattern says what the original
    /// says of its key, and finds the same span.
    #[test]
    fn text_pattern_matches_where_the_key_pattern_matches_the_key() {
        let patterns = [
            r"(还|仍|仍然|依然)存在|存在(一些|一定|不少)的?(不足|差距|问题|短板)",
            r"第一责任人|主要负责人.{0,20}(述法|履行|职责)",
            r"^[(〔][一二三四五六七八九十]{1,4}[)〕]",
            r"来\s*源\s*:\s*([^\s:]+)",
            r"[0-9]{1,3}[.、]",
        ];
        let texts = [
            "仍存在一些不足",
            "仍存在一些問題",
            "還存在不少短板和差距",
            "黨政主要負責人認真履行推進法治建設第一責任人職責",
            "主要负责人　　述法",
            "（一）堅持高位推進",
            "〔十二〕标题",
            "(二)半角",
            "來源：市司法局",
            "来 源 : 市政府 浏览",
            "１２．全角数字",
            "12、半角",
            "問題與原因",
            "",
        ];
        for p in patterns {
            let (key_re, text_re) = both(p);
            for t in texts {
                let key = script::key(t);
                let span = |re: &Regex, s: &str| re.find(s).map(|m| s[..m.start()].chars().count());
                assert_eq!(
                    span(&text_re, t),
                    span(&key_re, &key),
                    "{p:?} on {t:?} (key {key:?})"
                );
            }
        }
    }

    #[test]
    fn a_rule_is_compiled_only_when_a_text_may_match_it() {
        let set = RuleSet::new(&[r"举措|成效", r"存在.{0,6}问题"]);
        let title = "主要舉措";
        let candidates = set.candidates(title);
        assert!(set.is_match(0, title, candidates));
        assert!(!set.is_match(1, title, candidates));
        assert!(set.rules[0].re.get().is_some());
        assert!(set.rules[1].re.get().is_none(), "no title starts it");
    }

    #[test]
    fn a_rule_set_matches_where_each_rule_does() {
        let patterns = [
            r"举措|成效",
            r"存在.{0,6}问题",
            r"(19|20)\d{2}年",
            r"\p{Han}市",
            "𠀀",
        ];
        let set = RuleSet::new(&patterns);
        assert_eq!(set.always, 0b11000, "a class and an astral char");
        let texts = [
            "主要舉措和成效",
            "存在的問題",
            "２０２４年工作安排",
            "1999年",
            "常州市",
            "𠀀",
            "无关的标题",
            "",
        ];
        let mut hits = 0;
        for t in texts {
            let candidates = set.candidates(t);
            for (i, p) in patterns.iter().enumerate() {
                let want = text_regex(p).is_match(t);
                assert_eq!(set.is_match(i, t, candidates), want, "{p} on {t}");
                hits += usize::from(want);
            }
        }
        assert_eq!(hits, 6);
        assert_eq!(set.candidates("无关的标题") & 0b111, 0, "no call for these");
    }

    #[test]
    fn the_changing_chars_are_every_bmp_char_whose_key_changes() {
        let every: Vec<(char, char)> = (0..=0xFFFFu32)
            .filter_map(char::from_u32)
            .filter_map(|c| {
                let k = script::key_char(c);
                (k != c).then_some((c, k))
            })
            .collect();
        assert!(every.len() > 2000, "{}", every.len());
        assert_eq!(changing_chars(), every);
    }

    #[test]
    fn every_changing_char_matches_its_key_and_not_itself_alone() {
        let (_, re) = both("^责$");
        assert!(re.is_match("責"));
        assert!(re.is_match("责"));
        assert!(!re.is_match("貴"));
        // A Traditional char in a key pattern never matched a key; it
        // matches no text either.
        let (_, re) = both("^責$");
        assert!(!re.is_match("責"));
        let (_, re) = both("^[^:]$");
        assert!(!re.is_match("："));
        assert!(re.is_match("a"));
    }
}
