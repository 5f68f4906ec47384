//! A generated corpus at the users' scale: the five bundled reports
//! rewritten for 1,000 real places × the years 2016-2025.
//!
//! Each report is a bundled report (its "family") with its place, its
//! parent city, its province and its years changed; it reads back with
//! the new place and year. Files are `PROVINCE/PLACE-YEAR.txt`, half of
//! them UTF-8 and half GB18030. Sizes:
//!
//! - 1,000 reports: every tenth place (100 places, all provinces) × 10 years;
//! - 10,000 reports: all 1,000 places × 10 years (about 100 MB);
//! - 100,000 reports: the 10,000 ten times, the copies named
//!   `PLACE-YEAR-R.txt` (R = 1..9) with the same place and year (about 1 GB).
//!
//! A corpus is written once under `target/tmp/corpus-N` (or
//! `$LAWGOV_BENCH_CORPUS/corpus-N`) and reused: its `MANIFEST.tsv` (the
//! expected place and year of every file) is written last, so a folder
//! with a manifest of the same version and size is complete.
//!
//! How a report is rewritten:
//! - places: the bundled report's own name (常州市, 常州; both scripts), its
//!   prefecture when it is a county-level place (苏州市, 苏州) and its
//!   province (江苏省, 江苏) become the new place's, parent's and
//!   province's, long form for long form and short for short (a one-letter
//!   short form stays long: 泾县). In the two Traditional reports the new
//!   names are written in Traditional characters (see [`ToTraditional`]).
//!   One-character abbreviations (苏解纷, 蘇公網安備) and towns stay.
//! - years: the year before, the covered year and the year after
//!   (2023, 2024, 2025 in a 2024 report) move by the same offset, in
//!   dates and document numbers too; year ranges (2021-2025年,
//!   2023—2025年, 2021~2035) and every other year stay.

#![allow(dead_code)]

use std::collections::{HashMap, HashSet};
use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use lawgov_tui::text::script;

/// Bump when the generated text changes: cached corpora of another
/// version are written anew.
pub const VERSION: u32 = 3;
pub const FIRST_YEAR: u16 = 2016;
pub const LAST_YEAR: u16 = 2025;
pub const PLACES: usize = 1_000;
const MANIFEST: &str = "MANIFEST.tsv";
/// Written first: the folder is one this module made (and may remove).
const MARK: &str = "GENERATED-CORPUS";

/// One generated file and what it must read back as.
#[derive(Debug, Clone)]
pub struct Entry {
    /// Relative to the corpus folder.
    pub path: String,
    pub province: String,
    /// Simplified, as in `assets/divisions.tsv`.
    pub place: String,
    pub year: u16,
    /// Index into [`FAMILIES`].
    pub family: usize,
    pub gb18030: bool,
}

#[derive(Debug, Clone)]
pub struct Generated {
    pub dir: PathBuf,
    pub entries: Vec<Entry>,
    pub bytes: u64,
    /// False when the folder was reused.
    pub written: bool,
}

impl Generated {
    pub fn file(&self, e: &Entry) -> PathBuf {
        self.dir.join(&e.path)
    }
}

/// A bundled report and the names in it that are rewritten.
pub struct Family {
    pub file: &'static str,
    pub year: u16,
    pub traditional: bool,
    /// The report's own place: long forms, then short forms (both scripts).
    pub place: (&'static [&'static str], &'static [&'static str]),
    /// Its prefecture, for a county-level place.
    pub parent: (&'static [&'static str], &'static [&'static str]),
    pub province: (&'static [&'static str], &'static [&'static str]),
}

pub const FAMILIES: [Family; 5] = [
    Family {
        file: "changzhou-2024.txt",
        year: 2024,
        traditional: true,
        place: (&["常州市"], &["常州"]),
        parent: (&[], &[]),
        province: (&["江苏省", "江蘇省"], &["江苏", "江蘇"]),
    },
    Family {
        file: "hongze-2023.txt",
        year: 2023,
        traditional: false,
        place: (&["洪泽区", "洪澤區"], &["洪泽", "洪澤"]),
        parent: (&["淮安市"], &["淮安"]),
        province: (&["江苏省", "江蘇省"], &["江苏", "江蘇"]),
    },
    Family {
        file: "mianyang-2024.txt",
        year: 2024,
        traditional: false,
        place: (&["绵阳市", "綿陽市"], &["绵阳", "綿陽"]),
        parent: (&[], &[]),
        province: (&["四川省"], &["四川"]),
    },
    Family {
        file: "yixing-2024.txt",
        year: 2024,
        traditional: false,
        place: (&["宜兴市", "宜興市"], &["宜兴", "宜興"]),
        parent: (&["无锡市", "無錫市"], &["无锡", "無錫"]),
        province: (&["江苏省", "江蘇省"], &["江苏", "江蘇"]),
    },
    Family {
        file: "zhangjiagang-2023.txt",
        year: 2023,
        traditional: true,
        place: (&["张家港市", "張家港市"], &["张家港", "張家港"]),
        parent: (&["苏州市", "蘇州市"], &["苏州", "蘇州"]),
        province: (&["江苏省", "江蘇省"], &["江苏", "江蘇"]),
    },
];

/// A place of the gazetteer with its prefecture (or province) and province.
#[derive(Debug, Clone)]
pub struct Place {
    pub code: String,
    pub name: String,
    pub parent: String,
    pub province: String,
}

/// The 1,000 places, in corpus order: current county-level places (市, 区,
/// 县, 旗 and the autonomous 县 and 旗) and prefecture-level cities (市)
/// whose name no other current division has, sorted by code, 1,000 taken
/// at even steps; then reordered so that every tenth comes first (the
/// first 100 span all provinces).
pub fn places() -> Vec<Place> {
    let tsv = fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/assets/divisions.tsv"))
        .expect("assets/divisions.tsv");
    let rows: Vec<[&str; 4]> = tsv
        .lines()
        .filter(|l| !l.starts_with('#') && !l.is_empty())
        .map(|l| {
            let mut f = l.split('\t');
            let mut next = || f.next().unwrap_or("");
            [next(), next(), next(), next()]
        })
        .collect();
    let current: Vec<&[&str; 4]> = rows.iter().filter(|r| r[3].is_empty()).collect();
    let by_code: HashMap<&str, &str> = current.iter().map(|r| (r[0], r[1])).collect();
    let parent_of: HashMap<&str, &str> = current.iter().map(|r| (r[0], r[2])).collect();
    let mut names: HashMap<&str, usize> = HashMap::new();
    for r in &current {
        *names.entry(r[1]).or_default() += 1;
    }
    let eligible: Vec<&[&str; 4]> = current
        .iter()
        .copied()
        .filter(|r| {
            let (code, name, parent) = (r[0], r[1], r[2]);
            if parent.is_empty() || names[name] > 1 {
                return false;
            }
            let prefecture = code.ends_with("00");
            if prefecture {
                name.ends_with('市')
            } else {
                ["市", "区", "县", "旗"].iter().any(|s| name.ends_with(s))
            }
        })
        .collect();
    assert!(eligible.len() >= PLACES, "{} places", eligible.len());
    let picked: Vec<Place> = (0..PLACES)
        .map(|i| {
            let r = eligible[i * eligible.len() / PLACES];
            let parent = r[2];
            // A prefecture's parent is its province; a county's is its
            // prefecture, or its province (municipal districts, 省直辖).
            let province = match parent_of.get(parent) {
                Some(p) if !p.is_empty() => *p,
                _ => parent,
            };
            Place {
                code: r[0].to_string(),
                name: r[1].to_string(),
                parent: by_code[parent].to_string(),
                province: by_code[province].to_string(),
            }
        })
        .collect();
    // Every tenth first: 0, 10, 20, …, 990, 1, 11, …
    (0..PLACES)
        .map(|j| picked[(j % 100) * 10 + j / 100].clone())
        .collect()
}

/// The 55 minority peoples, as autonomous places' names write them, and
/// 各 (龙胜各族自治县).
const ETHNIC: &str = "蒙古 回 藏 维吾尔 苗 彝 壮 布依 朝鲜 满 侗 瑶 白 土家 哈尼 哈萨克 傣 黎 \
    傈僳 佤 畲 高山 拉祜 水 东乡 纳西 景颇 柯尔克孜 土 达斡尔 仫佬 羌 布朗 撒拉 毛南 仡佬 锡伯 \
    阿昌 普米 塔吉克 怒 乌孜别克 俄罗斯 鄂温克 德昂 保安 裕固 京 塔塔尔 独龙 鄂伦春 赫哲 门巴 \
    珞巴 基诺 各";

/// The short form a report writes (常州 for 常州市, 长阳 for
/// 长阳土家族自治县, 内蒙古 for 内蒙古自治区); the name itself when that
/// would leave one character (泾县).
pub fn short_name(name: &str) -> String {
    let mut s = name;
    let mut autonomous = false;
    for suffix in [
        "自治区",
        "自治州",
        "自治县",
        "自治旗",
        "新区",
        "林区",
        "特区",
        "地区",
        "省",
        "市",
        "区",
        "县",
        "旗",
        "盟",
    ] {
        if let Some(rest) = s.strip_suffix(suffix) {
            s = rest;
            autonomous = suffix.starts_with("自治");
            break;
        }
    }
    if autonomous {
        let longest = |s: &str| {
            ETHNIC
                .split_whitespace()
                .filter(|e| s.ends_with(e))
                .max_by_key(|e| e.len())
                .map(|e| e.len())
        };
        if s.ends_with('族') {
            // 积石山保安族东乡族撒拉族 → 积石山
            while let Some(rest) = s.strip_suffix('族') {
                match longest(rest) {
                    Some(len) => s = &rest[..rest.len() - len],
                    None => break,
                }
            }
        } else if let Some(len) = longest(s) {
            // 新疆维吾尔, 察布查尔锡伯
            s = &s[..s.len() - len];
        }
    }
    if s.chars().count() < 2 {
        name.to_string()
    } else {
        s.to_string()
    }
}

/// Simplified → Traditional, character by character, from the
/// library's own Traditional → Simplified fold. A character whose
/// Traditional forms (in the main CJK block) include just one the bundled
/// Traditional reports use takes it (区 → 區, 丰 → 豐); else one that Big5
/// has stays as it is, being Traditional too (松, 旗, 台); else one with a
/// single Traditional form takes it (东 → 東); else it stays.
pub struct ToTraditional {
    map: HashMap<char, char>,
}

impl ToTraditional {
    pub fn new(bundled_traditional: &str) -> Self {
        let mut candidates: HashMap<char, Vec<char>> = HashMap::new();
        for u in 0x4E00u32..0xA000 {
            let Some(t) = char::from_u32(u) else { continue };
            let s = script::fold_char(t);
            if s != t {
                candidates.entry(s).or_default().push(t);
            }
        }
        let used: HashSet<char> = bundled_traditional.chars().collect();
        let in_big5 = |c: char| {
            let mut buf = [0u8; 4];
            let (_, _, unmappable) = encoding_rs::BIG5.encode(c.encode_utf8(&mut buf));
            !unmappable
        };
        let map = candidates
            .into_iter()
            .filter_map(|(s, ts)| {
                let seen: Vec<char> = ts.iter().copied().filter(|t| used.contains(t)).collect();
                if seen.len() == 1 {
                    Some((s, seen[0]))
                } else if in_big5(s) {
                    None
                } else {
                    (ts.len() == 1).then(|| (s, ts[0]))
                }
            })
            .collect();
        ToTraditional { map }
    }

    pub fn convert(&self, s: &str) -> String {
        s.chars().map(|c| *self.map.get(&c).unwrap_or(&c)).collect()
    }
}

/// What a family's names become for one place.
struct Rewriter {
    finder: AhoCorasick,
    /// Per pattern: 0 place, 1 place short, 2 parent, 3 parent short,
    /// 4 province, 5 province short.
    roles: Vec<usize>,
}

impl Rewriter {
    fn new(f: &Family) -> Self {
        let mut patterns = Vec::new();
        let mut roles = Vec::new();
        for (role, list) in [
            f.place.0,
            f.place.1,
            f.parent.0,
            f.parent.1,
            f.province.0,
            f.province.1,
        ]
        .into_iter()
        .enumerate()
        {
            for p in list {
                patterns.push(*p);
                roles.push(role);
            }
        }
        let finder = AhoCorasickBuilder::new()
            .match_kind(MatchKind::LeftmostLongest)
            .build(&patterns)
            .expect("patterns");
        Rewriter { finder, roles }
    }

    fn rewrite(&self, text: &str, names: &[String; 6]) -> String {
        let mut out = String::with_capacity(text.len() + 256);
        let mut at = 0;
        for m in self.finder.find_iter(text) {
            out.push_str(&text[at..m.start()]);
            out.push_str(&names[self.roles[m.pattern().as_usize()]]);
            at = m.end();
        }
        out.push_str(&text[at..]);
        out
    }
}

fn is_range_dash(c: char) -> bool {
    matches!(c, '-' | '–' | '—' | '~' | '～' | '至')
}

/// Moves the years `from - 1 ..= from + 1` by `to - from` wherever they
/// stand alone (a run of exactly four ASCII digits that is not one end of
/// a year range such as 2021-2025 or 2023—2025).
pub fn shift_years(text: &str, from: u16, to: u16) -> String {
    let d = to as i32 - from as i32;
    let b = text.as_bytes();
    let mut out = String::with_capacity(text.len());
    let mut copied = 0;
    let mut i = 0;
    let digits_at = |start: usize| b[start..].iter().take_while(|c| c.is_ascii_digit()).count();
    let digits_before = |end: usize| {
        b[..end]
            .iter()
            .rev()
            .take_while(|c| c.is_ascii_digit())
            .count()
    };
    while i < b.len() {
        if !b[i].is_ascii_digit() {
            i += 1;
            continue;
        }
        let n = digits_at(i);
        let end = i + n;
        if n == 4 {
            let v: i32 = text[i..end].parse().expect("digits");
            let in_window = (from as i32 - 1..=from as i32 + 1).contains(&v);
            // A range: "2021-2025" seen from either end.
            let after = text[end..].chars().next();
            let range_after = after
                .filter(|&c| is_range_dash(c))
                .is_some_and(|c| digits_at(end + c.len_utf8()) == 4);
            let before = text[..i].chars().next_back();
            let range_before = before
                .filter(|&c| is_range_dash(c))
                .is_some_and(|c| digits_before(i - c.len_utf8()) == 4);
            if in_window && !range_after && !range_before {
                out.push_str(&text[copied..i]);
                out.push_str(&(v + d).to_string());
                copied = end;
            }
        }
        i = end;
    }
    out.push_str(&text[copied..]);
    out
}

/// The folder a corpus of `n` reports lives in.
pub fn corpus_dir(n: usize) -> PathBuf {
    let base = std::env::var_os("LAWGOV_BENCH_CORPUS")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_TARGET_TMPDIR")));
    base.join(format!("corpus-{n}"))
}

/// The corpus of `n` reports (1,000, 10,000 or 100,000), written if its
/// folder does not hold it already.
pub fn corpus(n: usize) -> Generated {
    generate(&corpus_dir(n), n)
}

/// The (place, year, repetition) combinations of a corpus of `n`, in order.
fn plan(n: usize) -> Vec<(usize, u16, usize)> {
    let years = (LAST_YEAR - FIRST_YEAR + 1) as usize;
    let (places, reps) = match n {
        1_000 => (100, 1),
        10_000 => (PLACES, 1),
        100_000 => (PLACES, 10),
        _ => panic!("corpus sizes are 1000, 10000 and 100000, not {n}"),
    };
    assert_eq!(places * years * reps, n);
    let mut out = Vec::with_capacity(n);
    for r in 0..reps {
        for p in 0..places {
            for y in FIRST_YEAR..=LAST_YEAR {
                out.push((p, y, r));
            }
        }
    }
    out
}

fn header(n: usize) -> String {
    format!("# lawgov-tui generated corpus v{VERSION} n={n}")
}

fn read_manifest(dir: &Path, n: usize) -> Option<Generated> {
    let text = fs::read_to_string(dir.join(MANIFEST)).ok()?;
    let mut lines = text.lines();
    if lines.next()? != header(n) {
        return None;
    }
    let bytes: u64 = lines.next()?.strip_prefix("# bytes=")?.parse().ok()?;
    let entries: Vec<Entry> = lines
        .filter(|l| !l.starts_with('#'))
        .map(|l| {
            let f: Vec<&str> = l.split('\t').collect();
            Some(Entry {
                path: f.first()?.to_string(),
                province: f.get(1)?.to_string(),
                place: f.get(2)?.to_string(),
                year: f.get(3)?.parse().ok()?,
                family: f.get(4)?.parse().ok()?,
                gb18030: *f.get(5)? == "gb18030",
            })
        })
        .collect::<Option<_>>()?;
    (entries.len() == n).then(|| Generated {
        dir: dir.to_path_buf(),
        entries,
        bytes,
        written: false,
    })
}

/// Writes the corpus of `n` reports into `dir`, or reuses it when `dir`
/// holds a complete one (its manifest, written last, says so).
pub fn generate(dir: &Path, n: usize) -> Generated {
    if let Some(g) = read_manifest(dir, n) {
        return g;
    }
    if dir.exists() {
        // An incomplete or older corpus: removed only when this module
        // wrote it (its mark is the first file written).
        assert!(
            dir.join(MARK).exists() || fs::read_dir(dir).is_ok_and(|mut d| d.next().is_none()),
            "{} exists and is no generated corpus: remove it or set LAWGOV_BENCH_CORPUS",
            dir.display()
        );
        fs::remove_dir_all(dir).expect("remove an incomplete corpus");
    }
    fs::create_dir_all(dir).expect("corpus dir");
    fs::write(dir.join(MARK), "written by benches/common/generated.rs\n").expect("mark");
    let bundled: HashMap<String, String> = super::bundled_texts()
        .into_iter()
        .map(|(name, b)| (name, String::from_utf8(b).expect("utf-8")))
        .collect();
    let texts: Vec<&String> = FAMILIES.iter().map(|f| &bundled[f.file]).collect();
    let traditional_text: String = FAMILIES
        .iter()
        .zip(&texts)
        .filter(|(f, _)| f.traditional)
        .map(|(_, t)| t.as_str())
        .collect();
    let to_traditional = ToTraditional::new(&traditional_text);
    let rewriters: Vec<Rewriter> = FAMILIES.iter().map(Rewriter::new).collect();
    let places = places();
    let mut entries = Vec::with_capacity(n);
    let mut bytes = 0u64;
    let mut dirs = HashSet::new();
    for (i, (p, year, rep)) in plan(n).into_iter().enumerate() {
        let place = &places[p];
        let family = p % FAMILIES.len();
        let f = &FAMILIES[family];
        let script_of = |s: String| {
            if f.traditional {
                to_traditional.convert(&s)
            } else {
                s
            }
        };
        let names = [
            script_of(place.name.clone()),
            script_of(short_name(&place.name)),
            script_of(place.parent.clone()),
            script_of(short_name(&place.parent)),
            script_of(place.province.clone()),
            script_of(short_name(&place.province)),
        ];
        let text = shift_years(
            &rewriters[family].rewrite(texts[family], &names),
            f.year,
            year,
        );
        let gb18030 = (i + rep) % 2 == 1;
        let data = if gb18030 {
            encoding_rs::GB18030.encode(&text).0.into_owned()
        } else {
            text.into_bytes()
        };
        let suffix = if rep == 0 {
            String::new()
        } else {
            format!("-{rep}")
        };
        let rel = format!("{}/{}-{year}{suffix}.txt", place.province, place.name);
        if dirs.insert(place.province.clone()) {
            fs::create_dir_all(dir.join(&place.province)).expect("province dir");
        }
        fs::write(dir.join(&rel), &data).expect("write report");
        bytes += data.len() as u64;
        entries.push(Entry {
            path: rel,
            province: place.province.clone(),
            place: place.name.clone(),
            year,
            family,
            gb18030,
        });
    }
    // The manifest last, whole or not at all: it marks the corpus complete.
    let mut m = String::new();
    m.push_str(&header(n));
    m.push('\n');
    m.push_str(&format!("# bytes={bytes}\n"));
    m.push_str("# path\tprovince\tplace\tyear\tfamily\tencoding\n");
    for e in &entries {
        m.push_str(&format!(
            "{}\t{}\t{}\t{}\t{}\t{}\n",
            e.path,
            e.province,
            e.place,
            e.year,
            e.family,
            if e.gb18030 { "gb18030" } else { "utf-8" }
        ));
    }
    let tmp = dir.join(format!("{MANIFEST}.tmp"));
    let mut file = fs::File::create(&tmp).expect("manifest");
    file.write_all(m.as_bytes()).expect("manifest");
    file.sync_all().expect("manifest");
    fs::rename(&tmp, dir.join(MANIFEST)).expect("manifest");
    Generated {
        dir: dir.to_path_buf(),
        entries,
        bytes,
        written: true,
    }
}
