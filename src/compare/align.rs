//! Pairs the sections of two reports by topic and text, whatever their
//! order, numbering or depth (spec §6).
//!
//! Each section is a vector of Han-character bigrams over Simplified keys
//! (so either script compares equal), weighted by tf-idf over both
//! reports' sections so that the words every report uses (法治, 政府)
//! count for little. A pair's score mixes the cosine of those vectors with
//! the cosine of the two sections' topic shares; pairs are taken greedily,
//! best first, one partner per section, above a floor.

use std::time::Instant;

use rustc_hash::FxHashMap as HashMap;

use super::topics::Scored;
use crate::report::BlockKind;
use crate::report::Report;
use crate::text::grams::{self, normalise, Counts, GramIds, Vector};

/// How much each agreement counts: the two sections' topics, their text,
/// and the topics of the top-level parts they sit in (a plan for next year
/// against a plan, rather than against this year's work).
const TOPIC: f32 = 0.45;
const TEXT: f32 = 0.4;
const PART: f32 = 0.15;
/// Below this a section is left unpaired: it says something the other
/// report has no section on.
pub const MIN_SCORE: f32 = 0.3;
/// A heading says more per character than a paragraph.
const TITLE_WEIGHT: f32 = 3.0;
/// A section whose text is all in its subsections is read through them,
/// at this weight.
const DESCENDANTS_WEIGHT: f32 = 0.5;

/// Two sections paired, or one alone; indices into `Report::sections`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Aligned {
    pub a: Option<usize>,
    pub b: Option<usize>,
    /// The topic the pair is about: the one both share most (or the lone
    /// section's first).
    pub topic: Option<usize>,
    /// 0-1; 0 for a section alone.
    pub score: f32,
}

/// The partners kept for each section of A, best first: enough for the
/// greedy pairing to find a free one when better pairs took the first.
const KEPT: usize = 16;

/// The best [`KEPT`] partners of one section, above [`MIN_SCORE`].
#[derive(Default)]
struct Best {
    offers: Vec<(f32, usize)>,
}

impl Best {
    fn offer(&mut self, score: f32, j: usize) {
        if score < MIN_SCORE {
            return;
        }
        self.offers.push((score, j));
        // Cut back to the best now and then: a row's offers stay a few
        // times KEPT, never a row as long as B.
        if self.offers.len() >= 4 * KEPT {
            self.keep_best();
        }
    }

    fn keep_best(&mut self) {
        if self.offers.len() > KEPT {
            // Ties go to document order, as in the pairing.
            self.offers
                .select_nth_unstable_by(KEPT - 1, |x, y| y.0.total_cmp(&x.0).then(x.1.cmp(&y.1)));
            self.offers.truncate(KEPT);
        }
    }

    fn drain_into(&mut self, i: usize, out: &mut Vec<(f32, usize, usize)>) {
        self.keep_best();
        out.extend(self.offers.drain(..).map(|(score, j)| (score, i, j)));
    }
}

/// Past the deadline, a section of A is scored against this many B
/// sections either side of where its position would put it, by topics
/// alone: a cheap, order-keeping fallback for reports too large to score
/// every pair in time.
const FALLBACK_WINDOW: usize = 12;

/// Aligns the sections of `a` and `b`; `ta`/`tb` are their topics per
/// section, `n_topics` the catalogue's size. The result lists every
/// section of both once: A's in order, B's alone ones after the B section
/// they follow. Sections of A still unscored at `deadline` get the
/// fallback; the flag says whether any did.
pub fn align(
    a: &Report,
    b: &Report,
    ta: &[Vec<Scored>],
    tb: &[Vec<Scored>],
    n_topics: usize,
    deadline: Instant,
) -> (Vec<Aligned>, bool) {
    let (na, nb) = (a.sections().len(), b.sections().len());
    let (pa, pb) = (topic_vectors(ta, n_topics), topic_vectors(tb, n_topics));
    let (ra, rb) = (tops(a), tops(b));
    // A's vectors are sparse (a section has a topic or three), so the dot
    // products read B's dense rows at A's few topics: a pair's topic score,
    // its part score too, costs a few multiplications and no table.
    let sparse: Vec<Vec<(usize, f32)>> = pa.iter().map(|v| nonzero(v)).collect();
    // Sections pair within one part of the reports, and a heading whose
    // text is all in its subsections fills no pair alone.
    let (parts_a, parts_b) = (a.section_parts(), b.section_parts());
    let lone_a: Vec<bool> = (0..na).map(|i| a.heading_only(i)).collect();
    let lone_b: Vec<bool> = (0..nb).map(|j| b.heading_only(j)).collect();
    let may_pair =
        |i: usize, j: usize| !lone_a[i] && !lone_b[j] && parts_a[i].pairs_with(parts_b[j]);
    let topic = |i: usize, j: usize| {
        TOPIC * sparse_dot(&sparse[i], &pb[j]) + PART * sparse_dot(&sparse[ra[i]], &pb[rb[j]])
    };
    // Only each A section's best few partners are kept: memory grows with
    // the sections, not with their pairs, and the greedy pairing sorts a
    // list as long as the report.
    let mut candidates = Vec::with_capacity(na.min(1 << 20) * KEPT);
    let mut best = Best::default();
    let mut scored = 0;
    if let Some(text) = TextCosines::new(a, b, deadline) {
        let mut row = vec![0.0f32; nb];
        while scored < na && Instant::now() < deadline {
            text.row(scored, &mut row);
            for (j, t) in row.iter_mut().enumerate() {
                let text = TEXT * std::mem::take(t);
                if may_pair(scored, j) {
                    best.offer(topic(scored, j) + text, j);
                }
            }
            best.drain_into(scored, &mut candidates);
            scored += 1;
        }
    }
    for i in scored..na {
        let centre = i * nb / na.max(1);
        for j in centre.saturating_sub(FALLBACK_WINDOW)..(centre + FALLBACK_WINDOW + 1).min(nb) {
            if may_pair(i, j) {
                best.offer(topic(i, j), j);
            }
        }
        best.drain_into(i, &mut candidates);
    }
    let partners = greedy(candidates, na, nb);
    let rows = order(&partners, nb)
        .into_iter()
        .map(|(x, y, score)| Aligned {
            a: x,
            b: y,
            topic: pair_topic(x.map(|i| &ta[i][..]), y.map(|j| &tb[j][..])),
            score,
        })
        .collect();
    (rows, scored < na)
}

/// Text cosines of A's sections against all of B's, a row at a time
/// through an inverted index of B's grams: the cost is the grams the two
/// reports share, not the product of their sizes.
struct TextCosines {
    ga: Vec<Vector>,
    postings: Vec<Vec<(u32, f32)>>,
}

impl TextCosines {
    /// None when the deadline passes while reading the texts.
    fn new(a: &Report, b: &Report, deadline: Instant) -> Option<TextCosines> {
        let mut ids = GramIds::default();
        let ia = Ids::of(a, &mut ids, deadline)?;
        let ib = Ids::of(b, &mut ids, deadline)?;
        let mut sums = Sums::new(ids.len());
        let (ga, gb) = (sums.sections(a, &ia), sums.sections(b, &ib));
        let mut weighed = grams::tf_idf(vec![ga, gb], ids.len()).into_iter();
        let (ga, gb) = (weighed.next()?, weighed.next()?);
        let mut postings = vec![Vec::new(); ids.len()];
        for (j, v) in gb.iter().enumerate() {
            for &(g, w) in v {
                postings[g as usize].push((j as u32, w));
            }
        }
        Some(TextCosines { ga, postings })
    }

    /// Adds section `i`'s cosines with every B section to `row`.
    fn row(&self, i: usize, row: &mut [f32]) {
        for &(g, w) in &self.ga[i] {
            for &(j, wb) in &self.postings[g as usize] {
                row[j as usize] += w * wb;
            }
        }
    }
}

/// The bigram ids of a report's blocks and section titles, each text read
/// once: a section that is read through its subsections then costs a walk
/// over ids, not another pass over the text.
struct Ids {
    blocks: Vec<Vec<u32>>,
    titles: Vec<Vec<u32>>,
}

impl Ids {
    /// None when the deadline passes first.
    fn of(r: &Report, ids: &mut GramIds, deadline: Instant) -> Option<Ids> {
        let mut of = |text: &str| ids.of(text);
        let mut blocks = Vec::with_capacity(r.blocks().len());
        for b in 0..r.blocks().len() {
            if b % 64 == 0 && Instant::now() >= deadline {
                return None;
            }
            blocks.push(of(crate::text::take_chars(
                r.block_text(b),
                super::topics::BLOCK_READ_CHARS,
            )));
        }
        let titles = r.sections().iter().map(|s| of(&s.title)).collect();
        Some(Ids { blocks, titles })
    }
}

/// Dense sums over gram ids, reset after each section through the list of
/// ids it touched.
struct Sums {
    weight: Vec<f32>,
    touched: Vec<u32>,
}

impl Sums {
    fn new(n_grams: usize) -> Sums {
        Sums {
            weight: vec![0.0; n_grams],
            touched: Vec::new(),
        }
    }

    fn add(&mut self, grams: &[u32], w: f32) {
        for &g in grams {
            let slot = &mut self.weight[g as usize];
            if *slot == 0.0 {
                self.touched.push(g);
            }
            *slot += w;
        }
    }

    /// The sums, in the order first touched (nothing reads them in id
    /// order), and a clean slate.
    fn take(&mut self) -> Counts {
        let out = self
            .touched
            .iter()
            .map(|&g| (g, std::mem::take(&mut self.weight[g as usize])))
            .collect();
        self.touched.clear();
        out
    }

    /// Each section's bigram counts: its title (weighted), then its own
    /// paragraphs, or its subsections' text when it has none of its own.
    fn sections(&mut self, r: &Report, ids: &Ids) -> Vec<Counts> {
        (0..r.sections().len())
            .map(|s| {
                self.add(&ids.titles[s], TITLE_WEIGHT);
                let before = self.touched.len();
                for x in r.section_blocks(s, false) {
                    if r.blocks()[x].kind != BlockKind::Heading {
                        self.add(&ids.blocks[x], 1.0);
                    }
                }
                if self.touched.len() == before {
                    for x in r.section_blocks(s, true) {
                        self.add(&ids.blocks[x], DESCENDANTS_WEIGHT);
                    }
                }
                self.take()
            })
            .collect()
    }
}

/// The top-level section each section sits in (itself at the top).
fn tops(r: &Report) -> Vec<usize> {
    (0..r.sections().len())
        .map(|mut s| {
            while let Some(p) = r.sections()[s].parent {
                s = p;
            }
            s
        })
        .collect()
}

fn topic_vectors(topics: &[Vec<Scored>], n: usize) -> Vec<Vec<f32>> {
    topics
        .iter()
        .map(|t| {
            let mut v = vec![0.0f32; n];
            for x in t {
                if let Some(slot) = v.get_mut(x.topic) {
                    *slot = x.score;
                }
            }
            normalise(&mut v, |w| w);
            v
        })
        .collect()
}

fn nonzero(v: &[f32]) -> Vec<(usize, f32)> {
    v.iter()
        .enumerate()
        .filter(|(_, &w)| w != 0.0)
        .map(|(t, &w)| (t, w))
        .collect()
}

fn sparse_dot(a: &[(usize, f32)], b: &[f32]) -> f32 {
    a.iter().map(|&(t, w)| w * b[t]).sum()
}

/// Best pairs first, each section at most once. Ties go to document
/// order, so the result is the same on every run.
fn greedy(
    mut candidates: Vec<(f32, usize, usize)>,
    na: usize,
    nb: usize,
) -> Vec<Option<(usize, f32)>> {
    candidates.sort_by(|x, y| y.0.total_cmp(&x.0).then((x.1, x.2).cmp(&(y.1, y.2))));
    let mut partner = vec![None; na];
    let mut taken = vec![false; nb];
    for (score, i, j) in candidates {
        if partner[i].is_none() && !taken[j] {
            partner[i] = Some((j, score));
            taken[j] = true;
        }
    }
    partner
}

/// Rows in reading order: A's sections in order with their partners; the
/// B sections left alone go, in B's order, just before the row of the
/// next paired B section (a heading before its paired subsections), or at
/// the end.
fn order(partner: &[Option<(usize, f32)>], nb: usize) -> Vec<(Option<usize>, Option<usize>, f32)> {
    let mut paired = vec![false; nb];
    for p in partner.iter().flatten() {
        paired[p.0] = true;
    }
    // B's lone sections, grouped by the paired B section they precede.
    let mut before: HashMap<Option<usize>, Vec<usize>> = HashMap::default();
    let mut waiting = Vec::new();
    for (j, &is_paired) in paired.iter().enumerate() {
        if is_paired {
            before.insert(Some(j), std::mem::take(&mut waiting));
        } else {
            waiting.push(j);
        }
    }
    before.insert(None, waiting);
    let mut alone = |k: Option<usize>| {
        before
            .remove(&k)
            .unwrap_or_default()
            .into_iter()
            .map(|j| (None, Some(j), 0.0))
            .collect::<Vec<_>>()
    };
    let mut rows = Vec::new();
    for (i, p) in partner.iter().enumerate() {
        if let Some((j, _)) = p {
            rows.extend(alone(Some(*j)));
        }
        rows.push((Some(i), p.map(|(j, _)| j), p.map_or(0.0, |(_, s)| s)));
    }
    rows.extend(alone(None));
    rows
}

/// The topic both sections share most; a lone section's first topic.
fn pair_topic(a: Option<&[Scored]>, b: Option<&[Scored]>) -> Option<usize> {
    match (a, b) {
        (Some(a), Some(b)) => a
            .iter()
            .filter_map(|x| {
                let y = b.iter().find(|y| y.topic == x.topic)?;
                Some((x.score.min(y.score), x.topic))
            })
            .max_by(|p, q| p.0.total_cmp(&q.0).then(q.1.cmp(&p.1)))
            .map(|(_, t)| t)
            .or_else(|| a.first().map(|x| x.topic)),
        (Some(t), None) | (None, Some(t)) => t.first().map(|x| x.topic),
        (None, None) => None,
    }
}
