//! The regex engine's Unicode classes as plain tests of a char, for the
//! rules written by hand where compiling a pattern cost more than reading
//! the line: `\p{Han}`, `\d` and `\s` mean here what they mean in a
//! pattern, char for char. The ranges come from regex-syntax's own tables,
//! so that a rule and its pattern cannot drift apart; no crate exposes a
//! membership test for them without building an automaton.

use std::sync::LazyLock;

use regex_syntax::hir::{Class, HirKind};

/// The ranges of one class, sorted.
pub(crate) struct Ranges(Vec<(char, char)>);

impl Ranges {
    fn of(class: &str) -> Ranges {
        let hir = regex_syntax::Parser::new()
            .parse(class)
            .unwrap_or_else(|e| panic!("class {class:?}: {e}"));
        match hir.kind() {
            HirKind::Class(Class::Unicode(c)) => {
                Ranges(c.ranges().iter().map(|r| (r.start(), r.end())).collect())
            }
            _ => panic!("class {class:?} is not a Unicode class"),
        }
    }

    pub(crate) fn contains(&self, c: char) -> bool {
        let i = self.0.partition_point(|r| r.1 < c);
        self.0.get(i).is_some_and(|r| r.0 <= c)
    }
}

/// `\p{Han}`: the Han script, 〇 and 々 with the ideographs.
pub(crate) fn is_han_script(c: char) -> bool {
    static HAN: LazyLock<Ranges> = LazyLock::new(|| Ranges::of(r"\p{Han}"));
    HAN.contains(c)
}

/// `\d`: a decimal digit of any script (０ and ٣ with 3).
pub(crate) fn is_digit(c: char) -> bool {
    static DIGIT: LazyLock<Ranges> = LazyLock::new(|| Ranges::of(r"\d"));
    c.is_ascii_digit() || DIGIT.contains(c)
}

/// `\s`: White_Space.
pub(crate) fn is_space(c: char) -> bool {
    static SPACE: LazyLock<Ranges> = LazyLock::new(|| Ranges::of(r"\s"));
    SPACE.contains(c)
}

#[cfg(test)]
mod tests {
    use super::*;
    use regex::Regex;

    /// Each test says of every char what its class says.
    #[test]
    fn each_class_holds_the_chars_its_pattern_matches() {
        type Test = fn(char) -> bool;
        let tests: [(&str, Test); 3] = [
            (r"^\p{Han}$", is_han_script),
            (r"^\d$", is_digit),
            (r"^\s$", is_space),
        ];
        for (pattern, test) in tests {
            let re = Regex::new(pattern).expect("class");
            let mut held = 0;
            for c in (0..=0x10FFFF).filter_map(char::from_u32) {
                let mut buf = [0; 4];
                let want = re.is_match(c.encode_utf8(&mut buf));
                assert_eq!(test(c), want, "{pattern} on {c:?}");
                held += usize::from(want);
            }
            assert!(held > 20, "{pattern}: {held}");
        }
        assert!(is_han_script('〇') && is_digit('３') && is_space('\u{3000}'));
    }
}
