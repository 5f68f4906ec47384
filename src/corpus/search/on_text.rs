//! A query on the search key, turned into one on the text as written.
//!
//! A search is blind to script, width and Latin case because it matches
//! keys: each char of the text stands for its key (its script key, Latin
//! lower case). Instead of keeping a folded copy of every report (as
//! large as the text), every char the query names is widened to the chars
//! whose key it is, so the text is searched where it lies: `复议` becomes
//! `[复複][议議]`, `,` becomes `[,，]`. The widening is exact, char for char: a char of the
//! text matches the widened query exactly when its key matches the query.
//!
//! By hand, on the parsed pattern: no crate maps a pattern through a
//! char mapping, and the pattern must keep every operator it had.

use std::sync::LazyLock;

use regex_syntax::hir::{Capture, Class, ClassUnicode, ClassUnicodeRange, Hir, HirKind};
use regex_syntax::hir::{Literal, Repetition};

use crate::text::pattern;

/// The key a search matches a char by: its script key, Latin lower case.
/// One char in, one char out, so offsets in a key are offsets in the text.
#[cfg(test)]
fn key_of(c: char) -> char {
    crate::text::script::key_char(c).to_ascii_lowercase()
}

/// Every char whose key is another char, with that key: those the
/// script key changes, and Latin capitals.
fn keyed_apart() -> &'static [(char, char)] {
    static APART: LazyLock<Vec<(char, char)>> = LazyLock::new(|| {
        let script = pattern::keyed_apart()
            .iter()
            .map(|&(c, k)| (c, k.to_ascii_lowercase()));
        let capitals = ('A'..='Z').map(|c| (c, c.to_ascii_lowercase()));
        script.chain(capitals).collect()
    });
    &APART
}

fn contains(class: &ClassUnicode, c: char) -> bool {
    let ranges = class.ranges();
    let i = ranges.partition_point(|r| r.end() < c);
    ranges.get(i).is_some_and(|r| r.start() <= c)
}

fn chars(chars: &[char]) -> ClassUnicode {
    ClassUnicode::new(chars.iter().map(|&c| ClassUnicodeRange::new(c, c)))
}

/// The chars whose key is in `class`. A char that is its own key stays as
/// the class has it; only the chars keyed apart can move in or out.
pub(crate) fn preimage(class: &ClassUnicode) -> ClassUnicode {
    let (mut come, mut go) = (Vec::new(), Vec::new());
    for &(c, key) in keyed_apart() {
        match (contains(class, c), contains(class, key)) {
            (false, true) => come.push(c),
            (true, false) => go.push(c),
            _ => {}
        }
    }
    let mut out = class.clone();
    out.union(&chars(&come));
    out.difference(&chars(&go));
    out
}

/// The chars whose key is `c`.
fn keyed_to(c: char) -> Hir {
    Hir::class(Class::Unicode(preimage(&chars(&[c]))))
}

/// A phrase's key as a pattern on the text: each char, the chars keyed
/// to it.
pub(crate) fn phrase(key: &str) -> Hir {
    Hir::concat(key.chars().map(keyed_to).collect())
}

/// A pattern on keys as the pattern on the text it matches the same
/// places in. Byte classes and byte literals (`(?-u)`) are left as
/// written: they name bytes, not chars.
pub(crate) fn pattern(h: &Hir) -> Hir {
    match h.kind() {
        HirKind::Empty | HirKind::Look(_) | HirKind::Class(Class::Bytes(_)) => h.clone(),
        HirKind::Literal(Literal(bytes)) => match std::str::from_utf8(bytes) {
            Ok(s) => phrase(s),
            Err(_) => h.clone(),
        },
        HirKind::Class(Class::Unicode(class)) => Hir::class(Class::Unicode(preimage(class))),
        HirKind::Repetition(r) => Hir::repetition(Repetition {
            sub: Box::new(pattern(&r.sub)),
            ..r.clone()
        }),
        HirKind::Capture(c) => Hir::capture(Capture {
            sub: Box::new(pattern(&c.sub)),
            ..c.clone()
        }),
        HirKind::Concat(subs) => Hir::concat(subs.iter().map(pattern).collect()),
        HirKind::Alternation(subs) => Hir::alternation(subs.iter().map(pattern).collect()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn class_of(h: &Hir) -> ClassUnicode {
        match h.kind() {
            HirKind::Class(Class::Unicode(c)) => c.clone(),
            other => panic!("not a class: {other:?}"),
        }
    }

    #[test]
    fn a_char_widens_to_every_char_keyed_to_it() {
        let c = class_of(&keyed_to('复'));
        for x in ['复', '複'] {
            assert!(contains(&c, x), "{x}");
        }
        assert!(contains(&class_of(&keyed_to(',')), '，'));
        assert!(contains(&class_of(&keyed_to('a')), 'Ａ'));
        // A char that is not its own key is in no key: nothing matches it.
        assert_eq!(keyed_to('A'), Hir::fail());
    }

    #[test]
    fn every_char_keyed_apart_is_listed() {
        let listed: std::collections::HashMap<char, char> = keyed_apart().iter().copied().collect();
        for c in (0..=u32::from(char::MAX)).filter_map(char::from_u32) {
            let k = key_of(c);
            assert_eq!(listed.get(&c).copied(), (k != c).then_some(k), "{c:?}");
        }
    }

    #[test]
    fn the_preimage_holds_exactly_the_chars_whose_key_is_in_the_class() {
        let classes = [
            chars(&['复', '议', ',', 'a', 'A', '(']),
            ClassUnicode::new([ClassUnicodeRange::new('\u{4e00}', '\u{9fff}')]),
            {
                let mut not_comma = chars(&[',']);
                not_comma.negate();
                not_comma
            },
        ];
        for class in classes {
            let image = preimage(&class);
            for c in (0..=u32::from(char::MAX)).filter_map(char::from_u32) {
                assert_eq!(contains(&image, c), contains(&class, key_of(c)), "{c:?}");
            }
        }
    }
}
