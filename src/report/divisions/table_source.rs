//! Where the gazetteer's compiled table comes from: assets/divisions.tsv,
//! read row by row and laid out as `table.rs` holds it. A test lays it out
//! again and fails when the committed file differs (the list was
//! updated, say); `cargo test --lib report::divisions -- --ignored`
//! writes it anew.

use std::collections::HashMap;

use super::{Name, Row, NO_PARENT};

const TSV: &str = include_str!("../../../assets/divisions.tsv");

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

/// The table as its parts: rows, the names one after another, the sorted
/// full and short names with their rows, and the first chars of names
/// with the longest name each starts.
pub(super) struct Layout {
    pub names: String,
    pub rows: Vec<Row>,
    pub full: (Vec<Name>, Vec<u32>),
    pub short: (Vec<Name>, Vec<u32>),
    pub first_chars: Vec<(char, u32)>,
}

pub(super) fn layout(tsv: &'static str) -> Layout {
    let rows: Vec<(u32, &'static str, Option<u32>, bool)> = tsv
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
    let mut names = String::new();
    let mut laid = Vec::with_capacity(rows.len());
    // Each name (full or short) with its byte range and its rows, in
    // table order.
    let mut full: HashMap<&str, ((u32, u32), Vec<u32>)> = HashMap::new();
    let mut short: HashMap<&str, ((u32, u32), Vec<u32>)> = HashMap::new();
    for (i, &(code, name, parent, old)) in rows.iter().enumerate() {
        let start = names.len() as u32;
        names.push_str(name);
        let end = names.len() as u32;
        let parent = parent.and_then(|p| by_code.get(&p).copied());
        laid.push((code, start, end, parent.unwrap_or(NO_PARENT), old));
        full.entry(name)
            .or_insert(((start, end), Vec::new()))
            .1
            .push(i as u32);
        if let Some(s) = short_name(name) {
            // A short name is its name's start.
            let range = (start, start + s.len() as u32);
            short
                .entry(s)
                .or_insert((range, Vec::new()))
                .1
                .push(i as u32);
        }
    }
    let mut firsts: Vec<(char, u32)> = rows
        .iter()
        .filter_map(|r| Some((r.1.chars().next()?, r.1.chars().count() as u32)))
        .collect();
    firsts.sort_unstable();
    // Sorted by char then length: the last of each char is its longest.
    firsts.reverse();
    firsts.dedup_by_key(|f| f.0);
    firsts.reverse();
    Layout {
        names,
        rows: laid,
        full: sorted(full),
        short: sorted(short),
        first_chars: firsts,
    }
}

/// Names sorted as `str`s compare, each with the range of its rows in the
/// list of rows that follows.
fn sorted(map: HashMap<&str, ((u32, u32), Vec<u32>)>) -> (Vec<Name>, Vec<u32>) {
    let mut entries: Vec<_> = map.into_iter().collect();
    entries.sort_unstable_by_key(|e| e.0);
    let (mut names, mut ids) = (Vec::new(), Vec::new());
    for (_, ((start, end), rows)) in entries {
        let from = ids.len() as u32;
        ids.extend(rows);
        names.push((start, end, from, ids.len() as u32));
    }
    (names, ids)
}

/// The layout as the Rust source of `table.rs`.
pub(super) fn render(l: &Layout) -> String {
    let mut out = String::from(concat!(
        "//! Generated by `cargo test --lib report::divisions -- --ignored` from\n",
        "//! assets/divisions.tsv; do not edit by hand.\n",
        "\n",
        "use super::{Name, Row};\n",
        "\n",
        "/// Every row's name (Simplified), one after another, in table order.\n",
        "#[rustfmt::skip]\n",
        "pub(super) const NAMES: &str = concat!(\n",
    ));
    let rows: Vec<&str> = l
        .rows
        .iter()
        .map(|r| &l.names[r.1 as usize..r.2 as usize])
        .collect();
    for line in rows.chunks(24) {
        out.push_str(&format!("    {:?},\n", line.concat()));
    }
    out.push_str(");\n\n");
    let list = |out: &mut String, doc: &str, head: &str, cells: Vec<String>, per_line| {
        out.push_str(&format!("/// {doc}\n#[rustfmt::skip]\n{head} = &[\n"));
        for line in cells.chunks(per_line) {
            out.push_str(&format!("    {},\n", line.join(", ")));
        }
        out.push_str("];\n");
    };
    let rows = l.rows.iter();
    let rows = rows.map(|r| format!("({}, {}, {}, {}, {})", r.0, r.1, r.2, r.3, r.4));
    list(
        &mut out,
        "The rows, in the file's order.",
        "pub(super) const ROWS: &[Row]",
        rows.collect(),
        4,
    );
    for (what, (names, ids)) in [("FULL", &l.full), ("SHORT", &l.short)] {
        let cells = names
            .iter()
            .map(|n| format!("({}, {}, {}, {})", n.0, n.1, n.2, n.3));
        out.push('\n');
        list(
            &mut out,
            "The names, sorted, each with its rows.",
            &format!("pub(super) const {what}: &[Name]"),
            cells.collect(),
            4,
        );
        out.push('\n');
        list(
            &mut out,
            "The rows of the names, current ones first.",
            &format!("pub(super) const {what}_IDS: &[u32]"),
            ids.iter().map(u32::to_string).collect(),
            16,
        );
    }
    out.push('\n');
    let firsts = l.first_chars.iter().map(|(c, n)| format!("({c:?}, {n})"));
    list(
        &mut out,
        "The chars names start with, sorted, each with its longest name in chars.",
        "pub(super) const FIRST_CHARS: &[(char, u32)]",
        firsts.collect(),
        10,
    );
    out
}

#[cfg(test)]
mod tests {
    use super::super::table;
    use super::*;

    /// The committed table is the file's, row for row: when the list
    /// changes, this fails until the table is written anew.
    #[test]
    fn committed_table_is_the_files() {
        let l = layout(TSV);
        assert!(l.rows.len() > 3500);
        assert_eq!(table::NAMES, l.names);
        assert_eq!(table::ROWS, l.rows);
        assert_eq!(
            (table::FULL, table::FULL_IDS),
            (&l.full.0[..], &l.full.1[..])
        );
        assert_eq!(
            (table::SHORT, table::SHORT_IDS),
            (&l.short.0[..], &l.short.1[..])
        );
        assert_eq!(table::FIRST_CHARS, l.first_chars);
        let path =
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src/report/divisions/table.rs");
        let committed = std::fs::read_to_string(path).expect("table.rs");
        assert!(committed == render(&l), "table.rs is stale: write it anew");
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

    /// Writes `table.rs` from assets/divisions.tsv.
    #[test]
    #[ignore = "writes src/report/divisions/table.rs"]
    fn write_table() {
        let path =
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src/report/divisions/table.rs");
        crate::files::write_atomically(&path, render(&layout(TSV)).as_bytes())
            .expect("write table.rs");
    }
}
