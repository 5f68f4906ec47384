//! China's administrative divisions to county level (assets/divisions.tsv,
//! GB/T 2260 with its history; see assets/divisions.md), loaded once and
//! kept compact: names are slices of the bundled table, and lookups go by
//! name (常州市), or by short name (常州) where the text names a division
//! as a parent of another (河北唐山芦台经济开发区).
//!
//! A place read from a report must be one of these, or a zone, town or
//! street under one: that is what tells 杭州市 from 杭州市人民政府關於杭州市,
//! and 海南区 of 乌海 from 海南省.

use std::collections::HashMap;
use std::sync::LazyLock;

const TABLE: &str = include_str!("../../assets/divisions.tsv");

/// One division. `parent` indexes the table.
#[derive(Debug)]
pub(crate) struct Division {
    pub code: u32,
    /// Its name in Simplified, as the code list writes it.
    pub name: &'static str,
    pub parent: Option<u32>,
    /// Abolished or renamed since 2010.
    pub old: bool,
}

pub(crate) struct Gazetteer {
    /// The chars names start with, sorted, each with the longest name
    /// (full or short) it starts, in chars: most places in a text start
    /// none and are turned away by one look, the rest try few lengths.
    first_chars: Vec<(char, usize)>,
    divisions: Vec<Division>,
    names: HashMap<&'static str, Vec<u32>>,
    shorts: HashMap<&'static str, Vec<u32>>,
}

/// The table, parsed at its first use.
pub fn gazetteer() -> &'static Gazetteer {
    static G: LazyLock<Gazetteer> = LazyLock::new(|| Gazetteer::parse(TABLE));
    &G
}

/// Unit words a short name leaves off, longest first: 自治 names also
/// leave off their peoples (恩施土家族苗族自治州 is 恩施).
const SUFFIXES: &[&str] = &[
    "自治区",
    "自治州",
    "自治县",
    "自治旗",
    "地区",
    "林区",
    "特区",
    "新区",
    "省",
    "市",
    "区",
    "县",
    "盟",
];

/// The peoples autonomous divisions are named for, as their names write
/// them (with or without 族).
const PEOPLES: &[&str] = &[
    "维吾尔",
    "哈萨克",
    "柯尔克孜",
    "塔吉克",
    "锡伯",
    "达斡尔",
    "鄂温克",
    "鄂伦春",
    "蒙古",
    "土家",
    "布依",
    "朝鲜",
    "哈尼",
    "傈僳",
    "拉祜",
    "纳西",
    "景颇",
    "仫佬",
    "仡佬",
    "毛南",
    "撒拉",
    "东乡",
    "保安",
    "裕固",
    "独龙",
    "普米",
    "阿昌",
    "德昂",
    "布朗",
    "基诺",
    "各",
    "满",
    "回",
    "藏",
    "苗",
    "彝",
    "壮",
    "侗",
    "瑶",
    "白",
    "黎",
    "佤",
    "畲",
    "水",
    "羌",
    "土",
    "怒",
    "京",
];

impl Gazetteer {
    fn parse(table: &'static str) -> Gazetteer {
        let rows: Vec<(u32, &'static str, Option<u32>, bool)> = table
            .lines()
            .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
            .filter_map(|l| {
                let mut f = l.split('\t');
                let code = f.next()?.parse().ok()?;
                let name = f.next()?;
                let parent = f.next().and_then(|p| p.parse().ok());
                let old = f.next().is_some_and(|o| o == "old");
                Some((code, name, parent, old))
            })
            .collect();
        // A code may stand twice (a current and a former name): a parent
        // code means its current row, which comes first.
        let mut by_code: HashMap<u32, u32> = HashMap::with_capacity(rows.len());
        for (i, (code, ..)) in rows.iter().enumerate() {
            by_code.entry(*code).or_insert(i as u32);
        }
        let mut g = Gazetteer {
            first_chars: Vec::new(),
            divisions: Vec::with_capacity(rows.len()),
            names: HashMap::with_capacity(rows.len()),
            shorts: HashMap::with_capacity(rows.len()),
        };
        for (i, &(code, name, parent, old)) in rows.iter().enumerate() {
            g.divisions.push(Division {
                code,
                name,
                parent: parent.and_then(|p| by_code.get(&p).copied()),
                old,
            });
            g.names.entry(name).or_default().push(i as u32);
            if let Some(short) = short_name(name) {
                g.shorts.entry(short).or_default().push(i as u32);
            }
        }
        let mut firsts: Vec<(char, usize)> = rows
            .iter()
            .filter_map(|r| Some((r.1.chars().next()?, r.1.chars().count())))
            .collect();
        firsts.sort_unstable();
        // Sorted by char then length: the last of each char is its longest.
        firsts.reverse();
        firsts.dedup_by_key(|f| f.0);
        firsts.reverse();
        g.first_chars = firsts;
        g
    }

    /// The longest name that starts with `c`, in chars (0 for none).
    fn longest_from(&self, c: char) -> usize {
        self.first_chars
            .binary_search_by_key(&c, |f| f.0)
            .map_or(0, |i| self.first_chars[i].1)
    }

    /// The names of the divisions in use now.
    pub(crate) fn current_names(&self) -> Vec<&'static str> {
        self.divisions
            .iter()
            .filter(|d| !d.old)
            .map(|d| d.name)
            .collect()
    }

    pub fn get(&self, i: u32) -> &Division {
        &self.divisions[i as usize]
    }

    /// The divisions of this full name (Simplified), current ones first.
    pub fn named(&self, name: &str) -> &[u32] {
        self.names.get(name).map_or(&[], Vec::as_slice)
    }

    /// The divisions of this short name (常州 for 常州市).
    pub(crate) fn short_named(&self, name: &str) -> &[u32] {
        self.shorts.get(name).map_or(&[], Vec::as_slice)
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

/// A division's short name: its name less its unit word (and its peoples),
/// when two chars or more are left.
fn short_name(name: &'static str) -> Option<&'static str> {
    let base = SUFFIXES.iter().find_map(|s| name.strip_suffix(s))?;
    let mut short = base;
    loop {
        let trimmed = short.strip_suffix('族').unwrap_or(short);
        match PEOPLES.iter().find_map(|p| trimmed.strip_suffix(p)) {
            Some(rest) if rest.chars().count() >= 2 => short = rest,
            _ => break,
        }
    }
    (short.chars().count() >= 2 && short != name).then_some(short)
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
        assert!(g.divisions.len() > 3500);
    }

    #[test]
    fn short_names_leave_off_unit_words_and_peoples() {
        for (name, short) in [
            ("常州市", Some("常州")),
            ("新疆维吾尔自治区", Some("新疆")),
            ("内蒙古自治区", Some("内蒙古")),
            ("恩施土家族苗族自治州", Some("恩施")),
            ("浦东新区", Some("浦东")),
            ("神农架林区", Some("神农架")),
            ("丰县", None),
        ] {
            assert_eq!(short_name(name), short, "{name}");
        }
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
