//! The passages two texts share, allowing small edits: seeds, runs and
//! chains, as text-reuse tools align (passim, BLAST's seed and extend).
//!
//! 1. Seeds: every run of [`SEED`] symbols both texts have, unless stock
//!    phrases cover it wholly.
//! 2. Runs: seeds on one diagonal that follow each other make a run,
//!    stretched both ways while the symbols agree (through stock phrases
//!    too: inside a copied passage they are part of the copy).
//! 3. Chains: runs that follow each other in both texts, with at most
//!    [`MAX_GAP`] symbols between them on either side and sides that shift
//!    by at most [`MAX_SHIFT`]: a changed place name, a few words in or
//!    out. Numbers are one symbol already, so new figures never break one.
//! 4. A chain is a passage when it is long enough on both sides, mostly
//!    runs, and not mostly stock; of passages that cover one text twice
//!    (a paragraph the other repeats) the longer stands.

use std::ops::Range;

use rustc_hash::FxHashMap as HashMap;

use super::folded::Folded;
use super::sketch::grams;

/// Symbols in a seed: three words or so.
pub(crate) const SEED: usize = 6;
/// Places in one text a seed is looked up at: a run repeated more often
/// is the report's own formula, and the bound keeps a pair linear.
const MAX_REPEATS: usize = 8;
/// Symbols between two runs of one passage, on either side.
pub(crate) const MAX_GAP: usize = 16;
/// How far the two sides may shift between runs: words in or out.
pub(crate) const MAX_SHIFT: usize = 12;
/// Chains still open to a run: more are not followed (bounds the time on
/// a text of one phrase repeated).
const MAX_OPEN: usize = 32;
/// A passage is at least this share runs (the rest is edits).
const MIN_RUN_SHARE: f32 = 0.5;

/// Symbols that are the same on both sides: `a..a+len` and `b..b+len`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Run {
    pub a: usize,
    pub b: usize,
    pub len: usize,
}

/// One shared passage: its runs, in order on both sides, and its length
/// in chars as written (the longer side's: a passage copied with words
/// left out is as long as what was copied).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Alignment {
    pub runs: Vec<Run>,
    pub chars: usize,
}

impl Alignment {
    /// The symbols the passage takes in the first text.
    pub fn a(&self) -> Range<usize> {
        self.runs[0].a..self.runs.last().map_or(0, |r| r.a + r.len)
    }

    /// The symbols it takes in the second text.
    pub fn b(&self) -> Range<usize> {
        self.runs[0].b..self.runs.last().map_or(0, |r| r.b + r.len)
    }

    /// Symbols in its runs.
    pub fn matched(&self) -> usize {
        self.runs.iter().map(|r| r.len).sum()
    }

    /// The same passage seen from the second text.
    pub fn swapped(&self) -> Alignment {
        Alignment {
            runs: self
                .runs
                .iter()
                .map(|r| Run {
                    a: r.b,
                    b: r.a,
                    len: r.len,
                })
                .collect(),
            chars: self.chars,
        }
    }
}

/// The passages of at least `min` symbols `a` and `b` share, in `a`'s
/// order.
pub fn align(a: &Folded, b: &Folded, min: usize) -> Vec<Alignment> {
    let runs = runs(a, b);
    let mut found: Vec<Alignment> = chain(runs)
        .into_iter()
        .map(|mut al| {
            al.chars = a.written(al.a()).max(b.written(al.b()));
            al
        })
        .filter(|al| is_passage(al, a, min))
        .collect();
    found.sort_by_key(|al| std::cmp::Reverse(al.matched()));
    let mut kept: Vec<Alignment> = Vec::new();
    for al in found {
        let overlaps = |side: fn(&Alignment) -> Range<usize>| {
            let r = side(&al);
            let taken: usize = kept.iter().map(|k| overlap(&side(k), &r)).sum();
            taken * 2 > r.len()
        };
        if !overlaps(Alignment::a) && !overlaps(Alignment::b) {
            kept.push(al);
        }
    }
    kept.sort_by_key(|al| al.runs[0].a);
    kept
}

/// The share of `len` symbols that the passages cover (on side `side`).
pub fn share(found: &[Alignment], side: fn(&Alignment) -> Range<usize>, len: usize) -> f32 {
    if len == 0 {
        return 0.0;
    }
    let mut ranges: Vec<Range<usize>> = found.iter().map(side).collect();
    ranges.sort_by_key(|r| r.start);
    let (mut covered, mut end) = (0, 0);
    for r in ranges {
        let start = r.start.max(end);
        if r.end > start {
            covered += r.end - start;
            end = r.end;
        }
    }
    covered as f32 / len as f32
}

fn overlap(x: &Range<usize>, y: &Range<usize>) -> usize {
    x.end.min(y.end).saturating_sub(x.start.max(y.start))
}

/// Long enough, mostly runs, and not mostly stock: a quarter of `min` of
/// its symbols outside stock phrases (the genre's formulae strung
/// together leave a few at most; a passage of a report's own words,
/// however formulaic, a dozen or more).
fn is_passage(al: &Alignment, a: &Folded, min: usize) -> bool {
    let span = al.a().len().max(al.b().len());
    let particular: usize = al
        .runs
        .iter()
        .map(|r| r.len - a.stock.count(r.a..r.a + r.len))
        .sum();
    al.chars >= min && al.matched() as f32 >= MIN_RUN_SHARE * span as f32 && particular * 4 >= min
}

/// The runs both texts have, sorted by where they start in `a`.
fn runs(a: &Folded, b: &Folded) -> Vec<Run> {
    let (sa, sb) = (&a.syms[..], &b.syms[..]);
    let index = SeedIndex::of(a);
    let mut seeds: Vec<(i64, usize)> = Vec::new();
    for (j, hash) in grams(sb, SEED) {
        if b.stock.count(j..j + SEED) == SEED {
            continue;
        }
        for i in index.places(hash) {
            if sa[i..i + SEED] == sb[j..j + SEED] {
                seeds.push((j as i64 - i as i64, i));
            }
        }
    }
    seeds.sort_unstable();
    let mut out: Vec<Run> = Vec::new();
    let mut k = 0;
    while k < seeds.len() {
        let (d, first) = seeds[k];
        let mut last = first;
        k += 1;
        while k < seeds.len() && seeds[k] == (d, last + 1) {
            last += 1;
            k += 1;
        }
        // A run stretched over a stock phrase holds the next seeds of its
        // diagonal already.
        if out
            .last()
            .is_some_and(|r| diagonal(r) == d && first < r.a + r.len)
        {
            continue;
        }
        // Stretched both ways while the two agree.
        let (mut i, mut len) = (first, last - first + SEED);
        let mut j = (first as i64 + d) as usize;

        while i > 0 && j > 0 && sa[i - 1] == sb[j - 1] {
            i -= 1;
            j -= 1;
            len += 1;
        }
        while i + len < sa.len() && j + len < sb.len() && sa[i + len] == sb[j + len] {
            len += 1;
        }
        out.push(Run { a: i, b: j, len });
    }
    out.sort_unstable_by_key(|r| (r.a, r.b));
    out.dedup();
    out
}

fn diagonal(r: &Run) -> i64 {
    r.b as i64 - r.a as i64
}

/// Where each seed of a text starts: a map from hash to the first place,
/// and from each place to the next with the same hash.
struct SeedIndex {
    first: HashMap<u64, u32>,
    next: Vec<u32>,
}

const NONE: u32 = u32::MAX;

impl SeedIndex {
    fn of(a: &Folded) -> SeedIndex {
        let n = a.len().saturating_sub(SEED - 1);
        let mut first = HashMap::with_capacity_and_hasher(n, Default::default());
        let mut next = vec![NONE; n];
        // Backwards, so each list runs in text order.
        let grams: Vec<(usize, u64)> = grams(&a.syms, SEED).collect();
        for &(i, hash) in grams.iter().rev() {
            if a.stock.count(i..i + SEED) == SEED {
                continue;
            }
            if let Some(old) = first.insert(hash, i as u32) {
                next[i] = old;
            }
        }
        SeedIndex { first, next }
    }

    fn places(&self, hash: u64) -> impl Iterator<Item = usize> + '_ {
        let start = self.first.get(&hash).copied().unwrap_or(NONE);
        std::iter::successors((start != NONE).then_some(start), |&i| {
            let n = self.next[i as usize];
            (n != NONE).then_some(n)
        })
        .take(MAX_REPEATS)
        .map(|i| i as usize)
    }
}

/// Runs joined into chains: each run goes to the open chain it follows
/// most closely in both texts, or starts one.
fn chain(runs: Vec<Run>) -> Vec<Alignment> {
    let mut chains: Vec<Alignment> = Vec::new();
    let mut open: Vec<usize> = Vec::new();
    for run in runs {
        open.retain(|&c| end_a(&chains[c]) + MAX_GAP >= run.a);
        let best = open
            .iter()
            .filter_map(|&c| follows(&chains[c], run).map(|(cost, r)| (cost, c, r)))
            .min_by_key(|&(cost, c, _)| (cost, c));
        match best {
            Some((_, c, trimmed)) => chains[c].runs.push(trimmed),
            None => {
                chains.push(Alignment {
                    runs: vec![run],
                    chars: 0,
                });
                open.push(chains.len() - 1);
                if open.len() > MAX_OPEN {
                    open.remove(0);
                }
            }
        }
    }
    chains
}

fn end_a(c: &Alignment) -> usize {
    c.runs.last().map_or(0, |r| r.a + r.len)
}

/// Whether `run` can follow chain `c`: the run less what overlaps the
/// chain, and the gap it leaves (the larger side's), or None.
fn follows(c: &Alignment, run: Run) -> Option<(usize, Run)> {
    let last = c.runs.last()?;
    let (ea, eb) = (last.a + last.len, last.b + last.len);
    if run.a < last.a || run.b < last.b {
        return None;
    }
    let trim = ea.saturating_sub(run.a).max(eb.saturating_sub(run.b));
    if trim >= run.len {
        return None;
    }
    let r = Run {
        a: run.a + trim,
        b: run.b + trim,
        len: run.len - trim,
    };
    let (ga, gb) = (r.a - ea, r.b - eb);
    (ga <= MAX_GAP && gb <= MAX_GAP && ga.abs_diff(gb) <= MAX_SHIFT).then_some((ga.max(gb), r))
}

#[cfg(test)]
mod tests {
    use super::super::folded::Bits;
    use super::*;

    fn folded(text: &str) -> Folded {
        Folded::plain(text)
    }

    const P1: &str = "全面推行行政执法公示制度执法全过程记录制度重大执法决定法制审核制度推动执法信息化建设开展执法案卷评查活动";
    const P2: &str = "深化行政复议体制改革发挥行政复议化解行政争议主渠道作用全年共收到行政复议申请并依法受理审结";
    const FILL_A: &str = "甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉戌亥";
    const FILL_B: &str = "天地玄黄宇宙洪荒日月盈昃辰宿列张寒来暑往秋收冬藏";

    #[test]
    fn a_copied_passage_is_found_with_its_places() {
        let a = folded(&format!("{FILL_A}{P1}{FILL_A}"));
        let b = folded(&format!("{FILL_B}{P1}"));
        let found = align(&a, &b, 40);
        assert_eq!(found.len(), 1);
        let n = FILL_A.chars().count();
        let m = FILL_B.chars().count();
        let len = P1.chars().count();
        assert_eq!(found[0].a(), n..n + len);
        assert_eq!(found[0].b(), m..m + len);
        assert_eq!(
            share(&found, Alignment::b, b.len()),
            len as f32 / b.len() as f32
        );
    }

    #[test]
    fn small_edits_keep_one_passage() {
        let edited = P1
            .replacen("公示", "公开", 1)
            .replacen("重大执法决定", "重大决定", 1)
            .replacen("推动", "大力推动全面", 1);
        let a = folded(&format!("{FILL_A}{P1}"));
        let b = folded(&format!("{edited}{FILL_B}"));
        let found = align(&a, &b, 40);
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(found[0].runs.len() >= 3);
        assert_eq!(found[0].a().len(), P1.chars().count());
    }

    #[test]
    fn reordered_paragraphs_are_two_passages() {
        let a = folded(&format!("{P1}{FILL_A}{P2}"));
        let b = folded(&format!("{P2}{FILL_B}{P1}"));
        let found = align(&a, &b, 40);
        assert_eq!(found.len(), 2, "{found:?}");
    }

    #[test]
    fn short_or_stock_passages_are_not_passages() {
        let a = folded(&format!("{FILL_A}{P1}"));
        let b = folded(&format!("{P1}{FILL_B}"));
        assert!(align(&a, &b, 60).is_empty(), "too short");
        let mut a = a;
        a.stock = Bits::from(&vec![true; a.len()]);
        assert!(align(&a, &b, 40).is_empty(), "stock alone");
    }

    #[test]
    fn unrelated_texts_share_nothing() {
        let a = folded(&format!("{P1}{FILL_A}"));
        let b = folded(&format!("{P2}{FILL_B}"));
        assert!(align(&a, &b, 20).is_empty());
        assert!(align(&folded(""), &b, 20).is_empty());
    }
}
