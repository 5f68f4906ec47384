//! Reuse on a corpus made here from the bundled reports, with passages
//! copied between them under known edits and of known lengths, and stock
//! phrases in every report: recall and precision of the planted passages,
//! and no pair on stock phrases alone.
//!
//! The hosts are the halves of the five bundled reports, each under a
//! title of its own place (ten reports that share nothing but the
//! genre's phrases). A plant takes a passage from one paragraph of a
//! host and writes it, edited, into another: as a paragraph of its own
//! or at the end of one. Sources are never written over, so every plant
//! stands where it was put.

use std::ops::Range;

use lawgov_tui::corpus::reuse::{self, SharedPassage, Spot};
use lawgov_tui::report::{Depth, TextEncoding};
use lawgov_tui::Report;

use crate::common::shared_dir;
use crate::forms::{to_simplified, to_traditional};

const BUNDLED: [&str; 5] = [
    "changzhou-2024",
    "hongze-2023",
    "mianyang-2024",
    "yixing-2024",
    "zhangjiagang-2023",
];
const PLACES: [&str; 10] = [
    "江阴市",
    "溧阳市",
    "金坛区",
    "海门区",
    "如皋市",
    "泰兴市",
    "丹阳市",
    "句容市",
    "昆山市",
    "太仓市",
];
/// Lines of a bundled report before its text: chrome, title, addressee.
const HEAD: usize = 8;

/// Formulae every host writes: what the genre says, never reuse.
const STOCK_PARAGRAPHS: [&str; 2] = [
    "深入学习贯彻习近平新时代中国特色社会主义思想，全面贯彻党的二十大和二十届二中、三中全会精神，深入学习贯彻习近平法治思想，坚持党的领导、人民当家作主、依法治国有机统一，扎实推进法治政府建设。",
    "坚持以习近平新时代中国特色社会主义思想为指导，认真落实党政主要负责人履行推进法治建设第一责任人职责规定，全面推进依法行政，加快建设职能科学、权责法定、执法严明、公开公正、智能高效、廉洁诚信、人民满意的法治政府。",
];

/// A small deterministic generator (xorshift).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Edit {
    Exact,
    Script,
    Numbers,
    Place,
    Inserted,
    Dropped,
    ScriptAndNumbers,
}

const EDITS: [Edit; 7] = [
    Edit::Exact,
    Edit::Script,
    Edit::Numbers,
    Edit::Place,
    Edit::Inserted,
    Edit::Dropped,
    Edit::ScriptAndNumbers,
];

/// One host: its place, its lines, what is appended to each line and the
/// paragraphs written after each.
struct Host {
    place: &'static str,
    traditional: bool,
    lines: Vec<String>,
    appended: Vec<Vec<String>>,
    inserted: Vec<Vec<String>>,
    /// Char ranges of each line taken as sources.
    taken: Vec<Vec<Range<usize>>>,
}

/// Where a plant's text stands: its host, line index (of the host's own
/// lines) and how it was written there.
#[derive(Debug, Clone)]
struct Plant {
    source: usize,
    s_line: usize,
    s_cols: Range<usize>,
    target: usize,
    t_line: usize,
    append: bool,
    /// Its place among what was written at that line.
    slot: usize,
    len: usize,
    edit: Edit,
    text: String,
}

/// A spot in a host's final text: 1-based line and char columns.
#[derive(Debug, Clone, PartialEq)]
struct At {
    line: usize,
    cols: Range<usize>,
}

fn hosts() -> Vec<Host> {
    let mut out = Vec::new();
    for (i, name) in BUNDLED.iter().enumerate() {
        let path = shared_dir().join("reports").join(format!("{name}.txt"));
        let text = std::fs::read_to_string(path).expect("bundled report");
        let lines: Vec<String> = text.lines().skip(HEAD).map(str::to_owned).collect();
        let mid = lines.len() / 2;
        let traditional = matches!(i, 0 | 4);
        for (h, half) in [&lines[..mid], &lines[mid..]].into_iter().enumerate() {
            let place = PLACES[2 * i + h];
            let title = format!("关于{place}2024年法治政府建设情况的报告");
            let title = if traditional {
                to_traditional(&title)
            } else {
                title
            };
            let mut lines = vec![title];
            lines.extend(half.iter().cloned());
            let n = lines.len();
            out.push(Host {
                place,
                traditional,
                lines,
                appended: vec![Vec::new(); n],
                inserted: vec![Vec::new(); n],
                taken: vec![Vec::new(); n],
            });
        }
    }
    out
}

/// A passage of `len` chars from a long line of `host`, starting after a
/// stop, apart from what was taken before: (line, cols).
fn take(host: &mut Host, len: usize, rng: &mut Rng) -> Option<(usize, Range<usize>)> {
    for _ in 0..200 {
        let l = 2 + rng.below(host.lines.len() - 2);
        let chars: Vec<char> = host.lines[l].chars().collect();
        if chars.len() < len + 20 {
            continue;
        }
        let starts: Vec<usize> = (1..chars.len() - len)
            .filter(|&i| matches!(chars[i - 1], '。' | '；' | '，'))
            .collect();
        if starts.is_empty() {
            continue;
        }
        let s = starts[rng.below(starts.len())];
        let cols = s..s + len;
        let free = host.taken[l]
            .iter()
            .all(|t| t.end + 5 <= cols.start || cols.end + 5 <= t.start);
        if free && !chars[cols.clone()].iter().any(|c| c.is_ascii_control()) {
            host.taken[l].push(cols.clone());
            return Some((l, cols));
        }
    }
    None
}

/// The passage as the target writes it.
fn edited(text: &str, edit: Edit, from: &Host, to: &Host, rng: &mut Rng) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mid = chars.len() / 2;
    let at = |k: usize| 10 + (mid.saturating_sub(10)) * k / 3;
    let script = |t: String| match (from.traditional, to.traditional) {
        (false, _) => to_traditional(&t),
        (true, _) => to_simplified(&t),
    };
    match edit {
        Edit::Exact => text.to_owned(),
        Edit::Script => script(text.to_owned()),
        Edit::Numbers => new_numbers(text, rng),
        Edit::ScriptAndNumbers => script(new_numbers(text, rng)),
        Edit::Place => {
            let mut c = chars.clone();
            c.splice(mid..mid + 3, to.place.chars());
            c.into_iter().collect()
        }
        Edit::Inserted => {
            let mut c = chars.clone();
            c.splice(at(2)..at(2), "进一步切实".chars());
            c.splice(at(1)..at(1), "全力".chars());
            c.into_iter().collect()
        }
        Edit::Dropped => {
            let mut c = chars.clone();
            c.drain(at(2)..at(2) + 3);
            c.drain(at(1)..at(1) + 2);
            c.into_iter().collect()
        }
    }
}

/// Every number changed; a passage without one gets one.
fn new_numbers(text: &str, rng: &mut Rng) -> String {
    let mut out = String::new();
    let mut in_number = false;
    let mut any = false;
    for c in text.chars() {
        if c.is_ascii_digit() {
            if !in_number {
                out.push_str(&(1 + rng.below(900)).to_string());
                any = true;
            }
            in_number = true;
        } else {
            in_number = false;
            out.push(c);
        }
    }
    if !any {
        let mid = out
            .char_indices()
            .nth(out.chars().count() / 2)
            .map_or(0, |(i, _)| i);
        out.insert_str(mid, &format!("共{}件", 10 + rng.below(90)));
    }
    out
}

/// Plants `n` passages; lengths cycle through `lengths`, edits through
/// [`EDITS`]; every seventh plant is two passages written in the other
/// order (reordered paragraphs).
fn plant(hosts: &mut [Host], n: usize, rng: &mut Rng) -> Vec<Plant> {
    const LENGTHS: [usize; 9] = [50, 55, 60, 75, 90, 120, 160, 220, 36];
    let mut plants = Vec::new();
    let mut k = 0;
    while plants.len() < n && k < 20 * n {
        k += 1;
        let source = rng.below(hosts.len());
        let target = (source + 1 + rng.below(hosts.len() - 1)) % hosts.len();
        let reorder = k % 7 == 0;
        let count = if reorder { 2 } else { 1 };
        let mut batch = Vec::new();
        for j in 0..count {
            let len = LENGTHS[(k + j) % LENGTHS.len()];
            let Some((s_line, s_cols)) = take(&mut hosts[source], len, rng) else {
                continue;
            };
            let original: String = hosts[source].lines[s_line]
                .chars()
                .skip(s_cols.start)
                .take(len)
                .collect();
            let edit = EDITS[(k + j) % EDITS.len()];
            let text = edited(&original, edit, &hosts[source], &hosts[target], rng);
            batch.push((s_line, s_cols, len, edit, text));
        }
        // Reordered: the later passage first, at one place.
        batch.sort_by_key(|b| std::cmp::Reverse((b.0, b.1.start)));
        if !reorder {
            batch.reverse();
        }
        let t_line = 2 + rng.below(hosts[target].lines.len() - 2);
        let append = !reorder && k % 2 == 0;
        for (s_line, s_cols, len, edit, text) in batch {
            let host = &mut hosts[target];
            let list = match append {
                true => &mut host.appended[t_line],
                false => &mut host.inserted[t_line],
            };
            list.push(text.clone());
            plants.push(Plant {
                source,
                s_line,
                s_cols,
                target,
                t_line,
                append,
                slot: list.len() - 1,
                len,
                edit,
                text,
            });
        }
    }
    plants
}

/// Writes each host's text, every stock paragraph in it; and says where
/// each of a host's lines and of what was written into it stands.
struct Written {
    text: String,
    /// For each own line, its 1-based line in the text.
    line_at: Vec<usize>,
    /// For each own line, the 1-based lines of the paragraphs after it.
    inserted_at: Vec<Vec<usize>>,
}

fn write(host: &Host, extra: &[(usize, String)]) -> Written {
    let mut out: Vec<String> = Vec::new();
    let mut line_at = Vec::new();
    let mut inserted_at = Vec::new();
    let n = host.lines.len();
    for (i, line) in host.lines.iter().enumerate() {
        let mut l = line.clone();
        for a in &host.appended[i] {
            l.push_str(a);
        }
        out.push(l);
        line_at.push(out.len());
        let mut at = Vec::new();
        for p in &host.inserted[i] {
            out.push(p.clone());
            at.push(out.len());
        }
        inserted_at.push(at);
        for (_, e) in extra.iter().filter(|(after, _)| *after == i) {
            out.push(e.clone());
        }
        // The genre's formulae, in every report.
        if i == n / 3 || i == 2 * n / 3 {
            let s = STOCK_PARAGRAPHS[usize::from(i == 2 * n / 3)];
            out.push(if host.traditional {
                to_traditional(s)
            } else {
                s.to_owned()
            });
        }
    }
    Written {
        text: out.join("\n") + "\n",
        line_at,
        inserted_at,
    }
}

/// A sentence of the shipped stock phrases alone, longer than a passage.
fn stock_sentence() -> String {
    let list = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/stock-phrases.txt"),
    )
    .expect("stock list");
    let phrases: Vec<&str> = list
        .lines()
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .collect();
    let mut out = String::new();
    for (i, p) in phrases.iter().step_by(7).take(16).enumerate() {
        out.push_str(p);
        out.push(if i % 3 == 2 { '，' } else { '、' });
    }
    out.push('。');
    out
}

/// Where a plant stands in its target and its source.
fn plant_spots(p: &Plant, written: &[Written], hosts: &[Host]) -> (At, At) {
    let t = &written[p.target];
    let target = if p.append {
        let own = hosts[p.target].lines[p.t_line].chars().count();
        let before: usize = hosts[p.target].appended[p.t_line][..p.slot]
            .iter()
            .map(|a| a.chars().count())
            .sum();
        let start = own + before;
        At {
            line: t.line_at[p.t_line],
            cols: start..start + p.text.chars().count(),
        }
    } else {
        At {
            line: t.inserted_at[p.t_line][p.slot],
            cols: 0..p.text.chars().count(),
        }
    };
    let source = At {
        line: written[p.source].line_at[p.s_line],
        cols: p.s_cols.clone(),
    };
    (target, source)
}

/// Chars of `at` a passage's spot covers.
fn covered(spot: &Spot, at: &At) -> usize {
    if at.line < spot.line || at.line > spot.end_line {
        return 0;
    }
    let from = if at.line == spot.line { spot.col } else { 0 };
    let to = if at.line == spot.end_line {
        spot.end_col
    } else {
        usize::MAX
    };
    to.min(at.cols.end).saturating_sub(from.max(at.cols.start))
}

/// A found passage between hosts, with the spots on each side.
struct Found {
    x: usize,
    y: usize,
    passage: SharedPassage,
}

/// Whether passage `f` is plant `p` (found between its two hosts, on
/// at least half of the plant in the target and some of it in the source).
fn finds(f: &Found, p: &Plant, t: &At, s: &At) -> bool {
    let (ts, ss) = match (f.x, f.y) {
        (x, y) if x == p.target && y == p.source => (&f.passage.a, &f.passage.b),
        (x, y) if x == p.source && y == p.target => (&f.passage.b, &f.passage.a),
        _ => return false,
    };
    covered(ts, t) * 2 >= t.cols.len() && covered(ss, s) > 0
}

/// What one planted corpus gave.
#[derive(Default)]
struct Tally {
    counted: usize,
    missed: usize,
    found: usize,
    wrong: usize,
    /// Per edit: plants of 50+ chars and those found.
    by_edit: Vec<(Edit, usize, usize)>,
}

/// Plants `n` passages in the hosts with `seed`, reads the corpus, and
/// checks what it finds; failures the tally cannot hold panic here.
fn run(seed: u64, n: usize) -> Tally {
    let mut rng = Rng(seed);
    let mut hosts = hosts();
    let plants = plant(&mut hosts, n, &mut rng);
    // Two hosts also share a sentence of stock phrases alone.
    let stock = stock_sentence();
    let extra = |h: usize| match h {
        3 | 7 => vec![(4, stock.clone())],
        _ => Vec::new(),
    };
    let written: Vec<Written> = hosts
        .iter()
        .enumerate()
        .map(|(i, h)| write(h, &extra(i)))
        .collect();
    let reports: Vec<Report> = written
        .iter()
        .enumerate()
        .map(|(i, w)| {
            let name = format!("host-{i}.txt");
            Report::parse_to(&name, w.text.clone(), TextEncoding::Utf8, Depth::Outline)
        })
        .collect();
    let r = reuse::reuse(&reuse::Loaded(&reports), reuse::MIN_CHARS);
    assert!(r.clusters.is_empty(), "no near copies here");
    // No pair on stock phrases alone: the formulae every host writes and
    // the stock sentence two hosts share make no pair.
    for pair in &r.pairs {
        let (a, b) = (r.docs[pair.a].source, r.docs[pair.b].source);
        let planted = plants
            .iter()
            .any(|p| (p.source, p.target) == (a, b) || (p.source, p.target) == (b, a));
        assert!(planted, "hosts {a} and {b} share nothing planted");
    }
    let mut found = Vec::new();
    for pair in &r.pairs {
        let (a, b) = (r.docs[pair.a].source, r.docs[pair.b].source);
        let shared = r
            .passages(pair, &reports[a], &reports[b])
            .expect("same text");
        found.extend(shared.passages.into_iter().map(|passage| Found {
            x: a,
            y: b,
            passage,
        }));
    }
    let spots: Vec<(At, At)> = plants
        .iter()
        .map(|p| plant_spots(p, &written, &hosts))
        .collect();
    let mut tally = Tally {
        found: found.len(),
        ..Tally::default()
    };
    for edit in EDITS {
        tally.by_edit.push((edit, 0, 0));
    }
    for (p, (t, s)) in plants.iter().zip(&spots) {
        let hit = found.iter().find(|f| finds(f, p, t, s));
        if let Some(f) = hit {
            shows_the_edit(p, &f.passage);
        }
        if p.len < 50 {
            continue;
        }
        tally.counted += 1;
        let row = tally.by_edit.iter_mut().find(|(e, _, _)| *e == p.edit);
        if let Some((_, n, k)) = row {
            *n += 1;
            *k += usize::from(hit.is_some());
        }
        if hit.is_none() {
            tally.missed += 1;
            eprintln!(
                "  missed {:?} {} chars {}→{}: {}",
                p.edit, p.len, p.source, p.target, p.text
            );
        }
    }
    for f in &found {
        if !plants
            .iter()
            .zip(&spots)
            .any(|(p, (t, s))| finds(f, p, t, s))
        {
            tally.wrong += 1;
            eprintln!("  wrong {}↔{}: {}", f.x, f.y, f.passage.a_text);
        }
    }
    tally
}

/// A passage found for a plant shows what the plant changed: its new
/// numbers, or the place name written in.
fn shows_the_edit(p: &Plant, found: &SharedPassage) {
    let all =
        |v: &[reuse::Change]| -> String { v.iter().map(|c| format!("{}|{}|", c.a, c.b)).collect() };
    match p.edit {
        Edit::Numbers | Edit::ScriptAndNumbers => {
            let digits = p.text.chars().any(|c| c.is_ascii_digit());
            let listed = !found.numbers.is_empty() || !found.edits.is_empty();
            assert!(!digits || listed, "new numbers not shown: {found:?}");
        }
        Edit::Place => {
            let place = PLACES.iter().find(|pl| p.text.contains(*pl));
            if let Some(place) = place {
                assert!(
                    all(&found.edits).contains(place),
                    "{place} not shown: {found:?}"
                );
            }
        }
        _ => {}
    }
}

#[test]
fn planted_passages_are_found_and_stock_alone_is_not() {
    let mut total = Tally::default();
    for seed in [0x2545_F491_4F6C_DD1D, 0x9E37_79B9_7F4A_7C15, 7919 * 3 + 13] {
        let t = run(seed, 90);
        total.counted += t.counted;
        total.missed += t.missed;
        total.found += t.found;
        total.wrong += t.wrong;
        for (edit, n, k) in t.by_edit {
            match total.by_edit.iter_mut().find(|(e, _, _)| *e == edit) {
                Some((_, tn, tk)) => {
                    *tn += n;
                    *tk += k;
                }
                None => total.by_edit.push((edit, n, k)),
            }
        }
    }
    let recall = 1.0 - total.missed as f64 / total.counted as f64;
    let precision = 1.0 - total.wrong as f64 / total.found.max(1) as f64;
    eprintln!(
        "reuse: {} plants of 50+ chars in three corpora, {} passages found; recall {recall:.3}, precision {precision:.3}",
        total.counted, total.found
    );
    for (edit, n, k) in &total.by_edit {
        eprintln!("  {edit:?}: {k} of {n} found");
    }
    assert!(total.counted >= 200, "{} plants counted", total.counted);
    assert!(recall >= 0.95, "recall {recall:.3}");
    assert!(precision >= 0.95, "precision {precision:.3}");
}
