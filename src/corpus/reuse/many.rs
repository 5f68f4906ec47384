//! Reuse across a corpus: which reports share passages, and how much.
//!
//! 1. Each report is read once (in parallel), folded, and kept as its
//!    symbols, its winnowed fingerprints and their signature; the stock
//!    phrases are the built-in list and what half of a sample of the
//!    corpus writes.
//! 2. Near copies are grouped from their signatures ([`cluster`]); a
//!    group is compared through its first report (the earliest year),
//!    each member once against it.
//! 3. CandidatePair pairs come from shared fingerprints ([`candidates`]), and
//!    only they are aligned, in parallel. Pairs that prove near copies
//!    (each 80% in passages) join their groups: a signature is an
//!    estimate, an alignment is not.
//!
//! Memory holds the symbols (two bytes each, about two thirds of the text
//! as UTF-8), the fingerprints and the index, never the reports.

use std::borrow::Cow;

use rayon::prelude::*;

use super::align::{self, Alignment};
use super::folded::Folded;
use super::sketch::{self, Signature};
use super::source::Source;
use super::{candidates, cluster, Shared};
use crate::corpus::places::writers;
use crate::corpus::Skipped;
use crate::report::{Meta, Report};
use crate::text::stock::{self, Stock};

/// A report read for reuse.
#[derive(Debug, Clone)]
pub struct Doc {
    /// Its number in the source.
    pub source: usize,
    pub file: String,
    /// Place and year, or the file's name (as lists show a report).
    pub label: String,
    pub meta: Meta,
    /// Its length in symbols (chars less punctuation and spaces).
    pub symbols: usize,
    /// The group of near copies it is in.
    pub cluster: Option<usize>,
    /// A hash of its symbols: the text read again must be the text read.
    check: u64,
}

/// Near copies: the first (the earliest year, then the first read) and
/// the others, each with the share of its text it shares with the first.
#[derive(Debug, Clone, PartialEq)]
pub struct Cluster {
    pub members: Vec<Member>,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Member {
    pub doc: usize,
    pub share: f32,
}

/// How two reports' writers are related.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Relation {
    /// One writer's consecutive years: a report and its own past.
    SelfReuse,
    /// One writer, years further apart or unknown.
    SamePlace,
    Other,
}

impl Relation {
    pub fn name(self) -> &'static str {
        match self {
            Relation::SelfReuse => "self-reuse",
            Relation::SamePlace => "same-place",
            Relation::Other => "other",
        }
    }
}

/// Two reports (or groups, through their first reports) that share
/// passages.
#[derive(Debug, Clone, PartialEq)]
pub struct ReusePair {
    pub a: usize,
    pub b: usize,
    pub relation: Relation,
    pub a_share: f32,
    pub b_share: f32,
    /// The passages' length, summed (chars as written).
    pub chars: usize,
    /// The passages, longest first.
    pub found: Vec<Alignment>,
}

/// What a corpus shares.
#[derive(Debug)]
pub struct Reuse {
    pub docs: Vec<Doc>,
    pub skipped: Vec<Skipped>,
    pub clusters: Vec<Cluster>,
    /// Most shared first (the larger of the two shares).
    pub pairs: Vec<ReusePair>,
    pub stock: Stock,
    pub min_chars: usize,
}

/// One report as held while the corpus is read.
struct Held {
    folded: Folded,
    fps: Vec<u32>,
    sig: Option<Signature>,
}

/// The reuse among the reports of `source`, passages of at least
/// `min_chars` chars.
pub fn reuse(source: &dyn Source, min_chars: usize) -> Reuse {
    let min_chars = min_chars.max(1);
    let stock = sample_stock(source);
    let (mut docs, mut held, skipped) = read_all(source, &stock);
    let sigs: Vec<Option<Signature>> = held.iter().map(|h| h.sig).collect();
    let groups = first_first(cluster::near_copies(&sigs), &docs);
    let nodes = nodes(&groups, docs.len());
    let fps: Vec<Vec<u32>> = nodes
        .iter()
        .map(|&d| std::mem::take(&mut held[d].fps))
        .collect();
    held.iter_mut().for_each(|h| h.fps = Vec::new());
    let cands = candidates::candidates(&fps);
    drop(fps);
    let pairs = align_candidates(&cands, &nodes, &docs, &held, min_chars);
    // Near copies the signatures kept apart are found as pairs: joined.
    let near: Vec<(usize, usize)> = pairs
        .iter()
        .filter(|p| p.a_share.min(p.b_share) >= cluster::NEAR_SHARE)
        .map(|p| (p.a, p.b))
        .collect();
    let groups = first_first(cluster::merged(&groups, docs.len(), &near), &docs);
    for (c, g) in groups.iter().enumerate() {
        for &d in g {
            docs[d].cluster = Some(c);
        }
    }
    let clusters = members(&groups, &held, min_chars);
    let is_node = |d: usize| docs[d].cluster.is_none_or(|c| groups[c][0] == d);
    let pairs = pairs
        .into_iter()
        .filter(|p| is_node(p.a) && is_node(p.b))
        .filter(|p| docs[p.a].cluster.is_none() || docs[p.a].cluster != docs[p.b].cluster)
        .collect();
    Reuse {
        docs,
        skipped,
        clusters,
        pairs,
        stock,
        min_chars,
    }
}

/// Each group with its first report first: the earliest year, then the
/// first read (who wrote it first).
fn first_first(mut groups: Vec<Vec<usize>>, docs: &[Doc]) -> Vec<Vec<usize>> {
    for g in &mut groups {
        g.sort_by_key(|&d| (docs[d].meta.year.is_none(), docs[d].meta.year, d));
    }
    groups
}

/// The reports compared with others: those in no group, and each group's
/// first.
fn nodes(groups: &[Vec<usize>], n: usize) -> Vec<usize> {
    let mut member = vec![false; n];
    for g in groups {
        for &d in &g[1..] {
            member[d] = true;
        }
    }
    (0..n).filter(|&d| !member[d]).collect()
}

/// The built-in stock phrases and the four-character runs that half of a
/// sample of the corpus writes.
fn sample_stock(source: &dyn Source) -> Stock {
    let texts: Vec<String> = stock::sample(source.len())
        .filter_map(|i| source.get(i).ok())
        .map(|r| crate::text::take_chars(&r.body_text(), stock::SAMPLE_CHARS).to_owned())
        .collect();
    Stock::of(texts.iter().map(String::as_str))
}

/// Every report read and folded, in source order.
fn read_all(source: &dyn Source, stock: &Stock) -> (Vec<Doc>, Vec<Held>, Vec<Skipped>) {
    let read: Vec<Result<(Doc, Held), Skipped>> = (0..source.len())
        .into_par_iter()
        .map(|i| source.get(i).map(|r| read_one(i, &r, stock)))
        .collect();
    let (mut docs, mut held, mut skipped) = (Vec::new(), Vec::new(), Vec::new());
    for r in read {
        match r {
            Ok((d, h)) => {
                docs.push(d);
                held.push(h);
            }
            Err(s) => skipped.push(s),
        }
    }
    (docs, held, skipped)
}

fn read_one(source: usize, report: &Report, stock: &Stock) -> (Doc, Held) {
    let folded = Folded::of(report, stock);
    let fps = sketch::fingerprints(&folded);
    let sig = cluster::enough(fps.len()).then(|| sketch::signature(&fps));
    let doc = Doc {
        source,
        file: report.file.clone(),
        label: report.label(),
        meta: report.meta.clone(),
        symbols: folded.len(),
        cluster: None,
        check: checksum(&folded.syms),
    };
    (doc, Held { folded, fps, sig })
}

fn checksum(syms: &[u16]) -> u64 {
    sketch::grams(syms, 1).fold(syms.len() as u64, |h, (_, g)| sketch::mix(h ^ g))
}

/// Each group with each member's share of text shared with its first.
fn members(groups: &[Vec<usize>], held: &[Held], min: usize) -> Vec<Cluster> {
    groups
        .iter()
        .map(|g| {
            let first = &held[g[0]].folded;
            let members = g
                .par_iter()
                .map(|&d| {
                    let share = match d == g[0] {
                        true => 1.0,
                        false => {
                            let found = align::align(first, &held[d].folded, min);
                            align::share(&found, Alignment::b, held[d].folded.len())
                        }
                    };
                    Member { doc: d, share }
                })
                .collect();
            Cluster { members }
        })
        .collect()
}

/// The candidate pairs (of `nodes`) that share passages, most shared
/// first.
fn align_candidates(
    cands: &[candidates::CandidatePair],
    nodes: &[usize],
    docs: &[Doc],
    held: &[Held],
    min: usize,
) -> Vec<ReusePair> {
    let metas: Vec<&Meta> = docs.iter().map(|d| &d.meta).collect();
    let writer = writers(&metas);
    let mut pairs: Vec<ReusePair> = cands
        .par_iter()
        .filter_map(|c| {
            let (a, b) = (nodes[c.a as usize], nodes[c.b as usize]);
            let (fa, fb) = (&held[a].folded, &held[b].folded);
            let mut found = align::align(fa, fb, min);
            if found.is_empty() {
                return None;
            }
            found.sort_by_key(|al| std::cmp::Reverse(al.chars));
            let relation = relation(&docs[a].meta, &docs[b].meta, writer[a] == writer[b]);
            Some(ReusePair {
                a,
                b,
                relation,
                a_share: align::share(&found, Alignment::a, fa.len()),
                b_share: align::share(&found, Alignment::b, fb.len()),
                chars: found.iter().map(|al| al.chars).sum(),
                found,
            })
        })
        .collect();
    pairs.sort_by(|x, y| {
        let most = |p: &ReusePair| p.a_share.max(p.b_share);
        most(y)
            .total_cmp(&most(x))
            .then(y.chars.cmp(&x.chars))
            .then((x.a, x.b).cmp(&(y.a, y.b)))
    });
    pairs
}

fn relation(a: &Meta, b: &Meta, one_writer: bool) -> Relation {
    match (one_writer, a.year, b.year) {
        (false, _, _) => Relation::Other,
        (true, Some(x), Some(y)) if x.abs_diff(y) == 1 => Relation::SelfReuse,
        (true, _, _) => Relation::SamePlace,
    }
}

impl Reuse {
    /// The passages of `pair`, described from its two reports (read
    /// again); None when a report's text is no longer the text read.
    pub fn passages(&self, pair: &ReusePair, a: &Report, b: &Report) -> Option<Shared> {
        let fa = self.folded(pair.a, a)?;
        let fb = self.folded(pair.b, b)?;
        Some(super::described(a, b, &fa, &fb, &pair.found))
    }

    /// Report `doc` folded again; None when its text is no longer the
    /// text read.
    pub(super) fn folded(&self, doc: usize, report: &Report) -> Option<Folded> {
        let f = Folded::of(report, &self.stock);
        self.same_text(doc, &f).then_some(f)
    }

    /// Whether `f` is report `doc` as it was read.
    pub(super) fn same_text(&self, doc: usize, f: &Folded) -> bool {
        self.docs
            .get(doc)
            .is_some_and(|d| checksum(&f.syms) == d.check)
    }

    /// Report `doc` of the source, read again.
    pub fn report<'a>(&self, source: &'a dyn Source, doc: usize) -> Option<Cow<'a, Report>> {
        source.get(self.docs.get(doc)?.source).ok()
    }
}
