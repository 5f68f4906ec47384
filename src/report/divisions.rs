//! China's administrative divisions to county level (assets/divisions.tsv,
//! GB/T 2260 with its history; see assets/divisions.md), laid out at
//! compile time: lookups go by name (常州市), or by short name (常州) where
//! the text names a division as a parent of another (河北唐山芦台经济开发区).
//!
//! A place read from a report must be one of these, or a zone, town or
//! street under one: that is what tells 杭州市 from 杭州市人民政府關於杭州市,
//! and 海南区 of 乌海 from 海南省.

mod table;
#[cfg(test)]
mod table_source;

/// One division. `parent` indexes the table.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Division {
    pub code: u32,
    /// Its name in Simplified, as the code list writes it.
    pub name: &'static str,
    pub parent: Option<u32>,
    /// Abolished or renamed since 2010.
    pub old: bool,
}

/// The table, laid out at compile time (`divisions/table.rs`, generated
/// from assets/divisions.tsv): a command that reads one report pays
/// nothing to parse 3,600 rows and index their names. The layout holds
/// only integers and one string, so the loader has no pointers to
/// relocate in it.
pub(crate) struct Gazetteer;

/// A row of [`table::ROWS`]: code, its name's byte range in
/// [`table::NAMES`], its parent's row ([`NO_PARENT`] for none), and
/// whether it is old.
type Row = (u32, u32, u32, u32, bool);

/// A name of [`table::FULL`] or [`table::SHORT`]: its byte range in
/// [`table::NAMES`], then the range of its rows in the matching ids.
type Name = (u32, u32, u32, u32);

const NO_PARENT: u32 = u32::MAX;

pub fn gazetteer() -> &'static Gazetteer {
    &Gazetteer
}

impl Gazetteer {
    /// The longest name that starts with `c`, in chars (0 for none).
    fn longest_from(&self, c: char) -> usize {
        table::FIRST_CHARS
            .binary_search_by_key(&c, |f| f.0)
            .map_or(0, |i| table::FIRST_CHARS[i].1 as usize)
    }

    #[cfg(test)]
    fn len(&self) -> usize {
        table::ROWS.len()
    }

    /// The names of the divisions in use now.
    #[cfg(test)]
    pub(crate) fn current_names(&self) -> Vec<&'static str> {
        (0..self.len() as u32)
            .map(|i| self.get(i))
            .filter(|d| !d.old)
            .map(|d| d.name)
            .collect()
    }

    pub fn get(&self, i: u32) -> Division {
        let (code, start, end, parent, old) = table::ROWS[i as usize];
        Division {
            code,
            name: name_at(start, end),
            parent: (parent != NO_PARENT).then_some(parent),
            old,
        }
    }

    /// The divisions of this full name (Simplified), current ones first.
    pub fn named(&self, name: &str) -> &'static [u32] {
        find(table::FULL, table::FULL_IDS, name)
    }

    /// The divisions of this short name (常州 for 常州市).
    pub(crate) fn short_named(&self, name: &str) -> &'static [u32] {
        find(table::SHORT, table::SHORT_IDS, name)
    }

    /// Whether `a` is `b` or lies under it.
    pub fn within(&self, a: u32, b: u32) -> bool {
        let mut at = Some(a);
        while let Some(i) = at {
            if i == b {
                return true;
            }
            at = self.get(i).parent;
        }
        false
    }

    /// The province-level division a division lies in (itself for one).
    pub fn province(&self, i: u32) -> u32 {
        let mut at = i;
        while let Some(p) = self.get(at).parent {
            at = p;
        }
        at
    }

    /// Whether a current division other than `i` has its name: then the
    /// name alone does not say which place it is (鼓楼区 of 南京 and of
    /// 福州).
    pub(crate) fn is_ambiguous(&self, i: u32) -> bool {
        let d = self.get(i);
        self.named(d.name)
            .iter()
            .any(|&j| j != i && !self.get(j).old && self.get(j).code != d.code)
    }
}

/// Every current division's full name in a key, leftmost first and the
/// longest there, each looked for from the end of the last: byte ranges.
/// By hand, on the sorted name table: an automaton of 3,000 names costs
/// more to build than a report takes to read.
pub(crate) fn current_names_in(key: &str) -> impl Iterator<Item = std::ops::Range<usize>> + '_ {
    let mut from = 0;
    std::iter::from_fn(move || loop {
        let rest = key.get(from..)?;
        let c = rest.chars().next()?;
        let at = from;
        match longest_current_at(rest) {
            Some(len) => {
                from += len;
                return Some(at..from);
            }
            None => from += c.len_utf8(),
        }
    })
}

/// The byte length of the longest current division's name `s` starts
/// with. The names that start with each longer head of `s` are a run of
/// the sorted table, narrowed a char at a time.
fn longest_current_at(s: &str) -> Option<usize> {
    let g = gazetteer();
    if g.longest_from(s.chars().next()?) == 0 {
        return None;
    }
    let names = table::FULL;
    let (mut lo, mut hi) = (0, names.len());
    let mut longest = None;
    for (i, c) in s.char_indices() {
        let head = &s[..i + c.len_utf8()];
        let name = |&(start, end, _, _): &Name| name_at(start, end);
        lo += names[lo..hi].partition_point(|n| name(n) < head);
        hi = lo + names[lo..hi].partition_point(|n| name(n).starts_with(head));
        let Some(&(start, end, from, to)) = names.get(lo).filter(|_| lo < hi) else {
            break;
        };
        let current = || {
            table::FULL_IDS[from as usize..to as usize]
                .iter()
                .any(|&d| !g.get(d).old)
        };
        if name_at(start, end) == head && current() {
            longest = Some(head.len());
        }
    }
    longest
}

fn name_at(start: u32, end: u32) -> &'static str {
    &table::NAMES[start as usize..end as usize]
}

/// The rows of `name` in a sorted list of names and its ids.
fn find(names: &[Name], ids: &'static [u32], name: &str) -> &'static [u32] {
    names
        .binary_search_by(|&(start, end, _, _)| name_at(start, end).cmp(name))
        .map_or(&[], |i| {
            let (_, _, from, to) = names[i];
            &ids[from as usize..to as usize]
        })
}

/// The province's name and the code of a division (by its index).
pub(crate) fn province_and_code(division: Option<u32>) -> (Option<String>, Option<u32>) {
    let g = gazetteer();
    match division {
        Some(d) => (
            Some(g.get(g.province(d)).name.to_owned()),
            Some(g.get(d).code),
        ),
        None => (None, None),
    }
}

/// A division named at a position of a key (Simplified chars): the
/// candidates, where the name ends, and whether it was a short name.
#[derive(Debug, Clone)]
pub struct Named {
    pub end: usize,
    pub candidates: Vec<u32>,
    pub short: bool,
}

/// Whether a division's name may start with `c`: most chars start none.
pub(crate) fn may_start_name(c: char) -> bool {
    gazetteer().longest_from(c) > 0
}

/// The longest division name at `at` in `key` whose candidates lie under
/// `parent` (any, when none).
pub(crate) fn named_at(key: &[char], at: usize, parent: Option<&[u32]>) -> Option<Named> {
    let g = gazetteer();
    let longest = key
        .get(at)
        .map_or(0, |&c| g.longest_from(c))
        .min(key.len().saturating_sub(at));
    if longest < 2 {
        return None;
    }
    let mut name: String = key[at..at + longest].iter().collect();
    let mut chars = longest;
    for len in (2..=longest).rev() {
        // Longest first: each shorter name is the last one less a char.
        while chars > len {
            name.pop();
            chars -= 1;
        }
        for (found, short) in [(g.named(&name), false), (g.short_named(&name), true)] {
            let candidates: Vec<u32> = found
                .iter()
                .copied()
                .filter(|&c| parent.is_none_or(|ps| ps.iter().any(|&p| p != c && g.within(c, p))))
                .collect();
            if !candidates.is_empty() {
                return Some(Named {
                    end: at + len,
                    candidates,
                    short,
                });
            }
        }
    }
    None
}

/// Of several divisions of one name, the one meant: the only current one,
/// else none.
pub(crate) fn pick(candidates: &[u32]) -> Option<u32> {
    let g = gazetteer();
    let mut current = candidates.iter().copied().filter(|&c| !g.get(c).old);
    match (current.next(), current.next()) {
        (Some(c), None) => Some(c),
        (None, None) if candidates.len() == 1 => candidates.first().copied(),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys(s: &str) -> Vec<char> {
        s.chars().collect()
    }

    /// The hand scan finds what an automaton of every current name finds
    /// (leftmost, longest), on the bundled reports in both scripts, the
    /// wild pages and names at the edges: old names, a name inside a
    /// longer one, names glued together.
    #[test]
    fn current_names_are_found_as_an_automaton_of_them_finds_them() {
        let automaton = aho_corasick::AhoCorasick::builder()
            .match_kind(aho_corasick::MatchKind::LeftmostLongest)
            .build(gazetteer().current_names())
            .unwrap();
        let mut texts: Vec<String> = crate::report::samples::bundled_lines();
        texts.extend(crate::report::samples::wild_pages());
        let g = gazetteer();
        let all: Vec<&str> = (0..g.len() as u32).map(|i| g.get(i).name).collect();
        texts.push(all.concat());
        texts.push(all.join("、"));
        texts.extend(
            [
                "襄樊市",
                "巢湖市",
                "北京市市辖区",
                "常州市武进区",
                "长沙县长沙市",
            ]
            .map(str::to_owned),
        );
        let mut found = 0;
        for text in texts.iter().map(|t| crate::text::script::key(t)) {
            let want: Vec<std::ops::Range<usize>> =
                automaton.find_iter(&text).map(|m| m.range()).collect();
            assert_eq!(
                current_names_in(&text).collect::<Vec<_>>(),
                want,
                "{text:?}"
            );
            found += want.len();
        }
        assert!(found > 3000, "{found}");
    }

    fn name_of(i: u32) -> &'static str {
        gazetteer().get(i).name
    }

    #[test]
    fn the_table_loads_with_its_parents() {
        let g = gazetteer();
        let zjg = g.named("张家港市")[0];
        assert_eq!(g.get(zjg).code, 320582);
        assert_eq!(name_of(g.get(zjg).parent.unwrap()), "苏州市");
        assert_eq!(name_of(g.province(zjg)), "江苏省");
        let haenan = g.named("海南区")[0];
        assert_eq!(name_of(g.province(haenan)), "内蒙古自治区");
        assert_eq!(name_of(g.province(g.named("铜梁区")[0])), "重庆市");
        assert!(g.len() > 3500);
    }

    #[test]
    fn names_are_read_longest_first_and_under_their_parent() {
        let k = keys("河北唐山芦台经济开发区");
        let hebei = named_at(&k, 0, None).unwrap();
        assert!(hebei.short);
        // 河北 is a province, and a district of 天津.
        assert!(hebei.candidates.iter().any(|&c| name_of(c) == "河北省"));
        let tangshan = named_at(&k, hebei.end, Some(&hebei.candidates)).unwrap();
        assert_eq!(name_of(pick(&tangshan.candidates).unwrap()), "唐山市");
        // 海南区 is read whole, never as 海南 (the province) and 区.
        let k = keys("海南区人民政府");
        let n = named_at(&k, 0, None).unwrap();
        assert_eq!(
            (n.end, name_of(pick(&n.candidates).unwrap())),
            (3, "海南区")
        );
        // 鼓楼区 is four districts; under 福州市, one.
        let k = keys("鼓楼区");
        assert_eq!(pick(&named_at(&k, 0, None).unwrap().candidates), None);
        let fuzhou = gazetteer().named("福州市").to_vec();
        let n = named_at(&k, 0, Some(&fuzhou)).unwrap();
        assert_eq!(gazetteer().get(pick(&n.candidates).unwrap()).code, 350102);
    }
}
