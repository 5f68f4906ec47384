//! Dates in digits in a page's metadata, read by hand on keys: 2024-03-01,
//! 2024年3月1日, and the same after a label (发布日期: 2024-03-01). The
//! patterns they hold to are kept for the tests; compiled, their classes
//! of every digit of every script cost more to build than a page's head
//! takes to read.

use std::ops::Range;

use crate::text::classes;

/// A date in digits, as [`DIGITS_DATE`] reads it (byte ranges of a key).
#[cfg(test)]
pub(crate) const DIGITS_DATE: &str = r"(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})";

/// A date after its label, as [`LABELLED`] reads it.
#[cfg(test)]
pub(crate) const LABELLED: &str = concat!(
    r"(发布日期|发布时间|公开日期|公开时间|成文日期|发文日期|更新时间|更新日期|日期|时间)",
    r"\s*:?\s*(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})",
);

/// The labels of [`LABELLED`], in the pattern's order.
const LABELS: [&str; 10] = [
    "发布日期",
    "发布时间",
    "公开日期",
    "公开时间",
    "成文日期",
    "发文日期",
    "更新时间",
    "更新日期",
    "日期",
    "时间",
];

/// A date found in a key: the whole match and its year, month and day.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Dated<'a> {
    pub whole: Range<usize>,
    pub label: &'a str,
    pub year: &'a str,
    pub month: &'a str,
    pub day: &'a str,
}

impl<'a> Dated<'a> {
    /// The date from byte `start` of `s` whose year, month and day
    /// [`digits_at`] found.
    fn of(s: &'a str, start: usize, label: &'a str, [y, m, d]: [Range<usize>; 3]) -> Dated<'a> {
        Dated {
            whole: start..d.end,
            label,
            year: &s[y],
            month: &s[m],
            day: &s[d],
        }
    }
}

/// A key read char by char from a byte offset.
struct Cursor<'a> {
    s: &'a str,
    at: usize,
}

impl Cursor<'_> {
    fn peek(&self) -> Option<char> {
        self.s[self.at..].chars().next()
    }

    /// Takes the next char when `f` says so.
    fn take(&mut self, f: impl Fn(char) -> bool) -> bool {
        match self.peek() {
            Some(c) if f(c) => {
                self.at += c.len_utf8();
                true
            }
            _ => false,
        }
    }

    /// Takes up to `most` chars that `f` says so of; how many it took.
    fn take_up_to(&mut self, most: usize, f: impl Fn(char) -> bool) -> usize {
        (0..most).take_while(|_| self.take(&f)).count()
    }

    fn spaces(&mut self) {
        while self.take(classes::is_space) {}
    }

    /// Takes `word` whole, or nothing.
    fn word(&mut self, word: &str) -> bool {
        let found = self.s[self.at..].starts_with(word);
        if found {
            self.at += word.len();
        }
        found
    }

    /// Runs `part`; where it does not stand whole, the cursor stays.
    fn optional(&mut self, part: impl FnOnce(&mut Self) -> bool) {
        let at = self.at;
        if !part(self) {
            self.at = at;
        }
    }
}

/// The [`DIGITS_DATE`] that starts at byte `at` of `s`: its year, month
/// and day (the day ends it). Each run of digits stops at the first char
/// that is not one, which is then never the separator the pattern wants
/// after a shorter run, so the longest run is the only one to try.
fn digits_at(s: &str, at: usize) -> Option<[Range<usize>; 3]> {
    let mut c = Cursor { s, at };
    let year = c.at;
    if c.take_up_to(4, classes::is_digit) < 4 {
        return None;
    }
    let year = year..c.at;
    c.spaces();
    if !c.take(|x| matches!(x, '-' | '/' | '.' | '年')) {
        return None;
    }
    c.spaces();
    let month = c.at;
    if c.take_up_to(2, classes::is_digit) == 0 {
        return None;
    }
    let month = month..c.at;
    c.spaces();
    if !c.take(|x| matches!(x, '-' | '/' | '.' | '月')) {
        return None;
    }
    c.spaces();
    let day = c.at;
    if c.take_up_to(2, classes::is_digit) == 0 {
        return None;
    }
    Some([year, month, day..c.at])
}

/// The first [`DIGITS_DATE`] in a key.
pub(crate) fn first_digits_date(s: &str) -> Option<Dated<'_>> {
    s.char_indices()
        .find_map(|(i, _)| Some(Dated::of(s, i, "", digits_at(s, i)?)))
}

/// The [`LABELLED`] date whose label starts at byte `at`.
fn labelled_at(s: &str, at: usize) -> Option<Dated<'_>> {
    LABELS.iter().find_map(|&label| {
        if !s[at..].starts_with(label) {
            return None;
        }
        let mut c = Cursor {
            s,
            at: at + label.len(),
        };
        c.spaces();
        c.take(|x| x == ':');
        c.spaces();
        Some(Dated::of(s, at, label, digits_at(s, c.at)?))
    })
}

/// Every [`LABELLED`] date in a key, leftmost first, each looked for from
/// the end of the last.
pub(crate) fn labelled_dates(s: &str) -> Vec<Dated<'_>> {
    let mut found = Vec::new();
    let mut at = 0;
    while at < s.len() {
        match labelled_at(s, at) {
            Some(d) => {
                at = d.whole.end;
                found.push(d);
            }
            None => at += s[at..].chars().next().map_or(1, char::len_utf8),
        }
    }
    found
}

/// A date, perhaps with its time and weekday: a metadata value ends with
/// it. As a pattern for tests; read by hand in [`date_time_ends`].
#[cfg(test)]
pub(crate) const DATE_TIME: &str = concat!(
    r"(?:19|20)\d{2}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?",
    r"(?:\s*\d{1,2}\s*[:时]\s*\d{1,2}\s*分?(?:\s*:\s*\d{1,2})?)?",
    r"(?:\s*星期[一二三四五六日天])?",
);

/// Where each [`DATE_TIME`] in a key ends, leftmost first, each looked for
/// from the end of the last.
pub(crate) fn date_time_ends(s: &str) -> Vec<usize> {
    let mut ends = Vec::new();
    let mut at = 0;
    while at < s.len() {
        match date_time_at(s, at) {
            Some(end) => {
                ends.push(end);
                at = end;
            }
            None => at += s[at..].chars().next().map_or(1, char::len_utf8),
        }
    }
    ends
}

/// The end of the [`DATE_TIME`] at byte `at`. What follows the date is
/// optional, each part taken when it stands whole, as the pattern's greedy
/// parts are: a part that does not leaves the text where it was.
fn date_time_at(s: &str, at: usize) -> Option<usize> {
    if !(s[at..].starts_with("19") || s[at..].starts_with("20")) {
        return None;
    }
    let [_, _, day] = digits_at(s, at)?;
    let mut c = Cursor { s, at: day.end };
    c.spaces();
    c.take(|x| x == '日');
    let digits = |c: &mut Cursor| c.take_up_to(2, classes::is_digit) > 0;
    let time = |c: &mut Cursor| {
        c.spaces();
        if !(digits(c)
            && {
                c.spaces();
                c.take(|x| x == ':' || x == '时')
            }
            && {
                c.spaces();
                digits(c)
            })
        {
            return false;
        }
        c.spaces();
        c.take(|x| x == '分');
        c.optional(|c| {
            c.spaces();
            c.take(|x| x == ':') && {
                c.spaces();
                digits(c)
            }
        });
        true
    };
    c.optional(time);
    c.optional(|c| {
        c.spaces();
        c.word("星期") && c.take(|x| "一二三四五六日天".contains(x))
    });
    Some(c.at)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::samples;
    use crate::text::script;

    fn sample_keys() -> Vec<String> {
        let mut lines = samples::bundled_lines();
        lines.extend(samples::wild_lines());
        lines.extend(
            [
                "发布日期：2024-03-01 10:20",
                "发布时间 : 2024年3月1日",
                "更新日期2024.3.1",
                "日期:12024-03-011",
                "时间：２０２４／０３／０１",
                "2024 年 3 月 1 日",
                "2024-3-",
                "2024--3-1",
                "时间:2024-123-1",
                "日期 ::2024-03-01",
                "成文日期:2024年13月45日 公开日期:2024-03-02",
                "٢٠٢٤-٣-١",
            ]
            .map(str::to_owned),
        );
        samples::cuts(lines, 40)
            .iter()
            .map(|l| script::key(l))
            .collect()
    }

    #[test]
    fn the_date_rules_are_their_patterns() {
        let digits = regex::Regex::new(DIGITS_DATE).unwrap();
        let labelled = regex::Regex::new(LABELLED).unwrap();
        let (mut dates, mut labels) = (0, 0);
        for k in sample_keys() {
            let want = digits.captures(&k).map(|c| {
                (
                    c.get(0).unwrap().range(),
                    c[1].to_owned(),
                    c[2].to_owned(),
                    c[3].to_owned(),
                )
            });
            let got = first_digits_date(&k).map(|d| {
                (
                    d.whole,
                    d.year.to_owned(),
                    d.month.to_owned(),
                    d.day.to_owned(),
                )
            });
            assert_eq!(got, want, "{k:?}");
            dates += usize::from(want.is_some());
            let want: Vec<_> = labelled
                .captures_iter(&k)
                .map(|c| {
                    (
                        c.get(0).unwrap().range(),
                        c[1].to_owned(),
                        c[2].to_owned(),
                        c[3].to_owned(),
                        c[4].to_owned(),
                    )
                })
                .collect();
            let got: Vec<_> = labelled_dates(&k)
                .into_iter()
                .map(|d| {
                    (
                        d.whole,
                        d.label.to_owned(),
                        d.year.to_owned(),
                        d.month.to_owned(),
                        d.day.to_owned(),
                    )
                })
                .collect();
            assert_eq!(got, want, "{k:?}");
            labels += want.len();
        }
        assert!(dates > 20 && labels > 5, "{dates} {labels}");
    }

    #[test]
    fn the_date_time_rule_is_its_pattern() {
        let re = regex::Regex::new(DATE_TIME).unwrap();
        let mut keys = sample_keys();
        keys.extend(
            [
                "2024-03-01 10:20:30 星期五x",
                "2024年3月1日 10时20分",
                "2024-03-01 10:",
                "2024-03-01 123:45",
                "2024-03-01 10:20 :",
                "2024-03-01 星期八",
                "2024-03-01  ",
                "20241-03-01 2019.1.2",
            ]
            .map(String::from),
        );
        let mut seen = 0;
        for k in &keys {
            let want: Vec<usize> = re.find_iter(k).map(|m| m.end()).collect();
            assert_eq!(date_time_ends(k), want, "{k:?}");
            seen += want.len();
        }
        assert!(seen > 20, "{seen}");
    }
}
