//! Which indicator a figure is: the catalogue's words read in the figure's
//! zones (see [`super::context`]), nearest first.
//!
//! A figure is an indicator only when its kind and unit fit, none of the
//! indicator's `not` words stands among its own words, and either a name
//! of the indicator stands among its own words, or a cue does and the
//! subject is named there, in its clause, in the clauses it leans on, or
//! (weakest) earlier in its sentence. The nearest and longest evidence
//! wins; a generic indicator gives way to any specific one that fits.
//! Averages over years or months (年均, 月均) are no year's figure.
//!
//! The catalogue's words are found once per sentence that holds figures;
//! each figure then reads the ones inside its zones.

mod words;

use super::context::{self, Zones};
use super::found;
use super::indicators::{Catalogue, Indicator, Role, ANY};
use words::{word_hits, Found, Words};

/// How near the evidence stands, strongest first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Strength {
    /// The subject earlier in the sentence, the cue in the figure's words.
    Sentence,
    /// The subject in the clause, or in the clauses the figure leans on.
    Near,
    /// Subject and cue among the figure's own words.
    Own,
    /// A name of the indicator among the figure's own words.
    Named,
}

/// The buffers one figure's reading fills, kept from figure to figure.
#[derive(Default)]
struct Scratch {
    own: Found,
    near: Found,
    far: Found,
    candidates: Vec<usize>,
}

/// What the words around a figure say of it.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub(super) struct Meaning {
    /// The indicator it is, as a catalogue index.
    pub indicator: Option<usize>,
    /// Counted over years (累计, 以来).
    pub cumulative: bool,
    /// Given as the whole area's total (共计, 全市共).
    pub total: bool,
}

/// What the words around each figure of a line say.
pub(super) fn read(catalogue: &Catalogue, key: &[char], found: &[found::Found]) -> Vec<Meaning> {
    let words = Words::read(catalogue, key, found);
    if words.words.is_empty() {
        return vec![Meaning::default(); found.len()];
    }
    let zones = context::zones(key, found);
    let read = indicators(catalogue, &words, key, found, &zones);
    read.into_iter()
        .zip(&zones)
        .map(|((indicator, cumulative), z)| Meaning {
            indicator,
            cumulative,
            total: indicator.is_some() && super::scope::total(key, &z.before),
        })
        .collect()
}

/// The indicator (as a catalogue index) of each figure of a line.
fn indicators(
    catalogue: &Catalogue,
    s: &Words,
    key: &[char],
    found: &[found::Found],
    zones: &[Zones],
) -> Vec<(Option<usize>, bool)> {
    let mut out: Vec<(Option<usize>, bool)> = Vec::with_capacity(found.len());
    let mut scratch = Scratch::default();
    let deltas = Deltas {
        key,
        found,
        zones,
        words: s,
        memo: std::cell::RefCell::new(vec![None; found.len()]),
    };
    for (i, (f, z)) in found.iter().zip(zones).enumerate() {
        let figure = Figure {
            found: f,
            zones: z,
            delta: std::cell::OnceCell::new(),
            deltas: &deltas,
            index: i,
        };
        let indicator = indicator(catalogue, s, key, &figure, &mut scratch);
        // 累计 among the words before it or after it.
        let counted = &mut scratch.far;
        counted.hits.clear();
        s.within(&[z.before.clone(), z.after.clone()], counted);
        let cumulative = counted.hits.iter().any(|h| h.1 == Role::Cumulative);
        out.push((indicator, cumulative));
    }
    // 其中: a part of the figure counted before it in the sentence (the
    // nearest in the same unit) is not that quantity's figure.
    for i in 0..found.len() {
        let z = &zones[i];
        if !z.part_of_previous || out[i].0.is_none() {
            continue;
        }
        let whole = (0..i).rev().find(|&j| {
            let f = &found[j];
            z.sentence.start <= f.start && f.start < z.clause.start && f.unit == found[i].unit
        });
        if whole.is_some_and(|j| out[j].0 == out[i].0) {
            out[i].0 = None;
        }
    }
    out
}

/// Whether each figure is stated as a change of a stock: by its own verb,
/// or, as the next item of a list, by the verb of the item before it
/// ("精简行政许可事项140项,中介服务事项20项"). Read only of the figures
/// that could be an indicator.
struct Deltas<'a> {
    key: &'a [char],
    found: &'a [found::Found],
    zones: &'a [Zones],
    words: &'a Words<'a>,
    memo: std::cell::RefCell<Vec<Option<bool>>>,
}

impl Deltas<'_> {
    fn of(&self, i: usize) -> bool {
        if let Some(d) = self.memo.borrow()[i] {
            return d;
        }
        let (f, z) = (&self.found[i], &self.zones[i]);
        let own = !matches!(f.kind, super::Kind::Rate | super::Kind::Change)
            && super::delta::governed(self.key, f.start);
        let before = || {
            (0..i).rev().find(|&j| {
                let g = &self.found[j];
                g.start >= z.sentence.start && g.unit == f.unit
            })
        };
        let d = own
            || (z.listed && before().is_some_and(|j| self.of(j)) && !verb_of_own(self.words, z));
        self.memo.borrow_mut()[i] = Some(d);
        d
    }
}

/// Whether a figure's words before it hold a verb the catalogue knows
/// (保留, 调解): a list's item with a verb of its own does not take the
/// list's.
fn verb_of_own(s: &Words, z: &Zones) -> bool {
    let mut words = Found::default();
    s.within(std::slice::from_ref(&z.before), &mut words);
    words
        .hits
        .iter()
        .any(|h| matches!(h.1, Role::Cue | Role::Not))
}

/// One figure as its meaning is read.
struct Figure<'a> {
    found: &'a found::Found,
    zones: &'a Zones,
    /// Stated as a change of a stock (see [`super::delta`]), once asked.
    delta: std::cell::OnceCell<bool>,
    deltas: &'a Deltas<'a>,
    index: usize,
}

impl Figure<'_> {
    fn delta(&self) -> bool {
        *self.delta.get_or_init(|| self.deltas.of(self.index))
    }
}

/// The catalogue index of the indicator a figure is, or None.
fn indicator(
    catalogue: &Catalogue,
    sentence: &Words,
    key: &[char],
    figure: &Figure,
    scratch: &mut Scratch,
) -> Option<usize> {
    let (f, zones) = (figure.found, figure.zones);
    for found in [&mut scratch.own, &mut scratch.near, &mut scratch.far] {
        found.hits.clear();
    }
    let own = &mut scratch.own;
    // A shared value said of several things: its one thing stands for
    // its words before it.
    match &f.part {
        Some(part) => {
            for w in word_hits(catalogue, part, 0) {
                own.add(&w);
            }
        }
        None => sentence.within(std::slice::from_ref(&zones.before), own),
    }
    sentence.within(&[zones.after.clone(), zones.tail.clone()], own);
    // A figure its own words do not name may be named by a short name
    // said again ("…重大行政决策事项目录,20件决策事项…").
    if !own.hits.iter().any(|h| h.1 == Role::Alias) {
        sentence.echo(key, &zones.after, &zones.sentence, own);
    }
    // An average is no year's figure.
    if own.hits.iter().any(|h| h.1 == Role::Average) {
        return None;
    }
    // A figure with a noun of its own after it counts that noun: its
    // subject is not looked for elsewhere. One that leans on the clauses
    // before it takes its subject there, not from further back.
    if zones.after.is_empty() {
        let near = &mut scratch.near;
        sentence.within(&[zones.clause.clone(), zones.carried.clone()], near);
    }
    let best = choose(catalogue, sentence, key, figure, scratch);
    // Some bodies' figure is not the area's.
    best.filter(|_| !super::scope::some_bodies(key, &zones.before))
}

/// The best indicator of the words read so far into `scratch`.
fn choose(
    catalogue: &Catalogue,
    sentence: &Words,
    key: &[char],
    figure: &Figure,
    scratch: &mut Scratch,
) -> Option<usize> {
    let (f, zones) = (figure.found, figure.zones);
    let Scratch {
        own,
        near,
        far,
        candidates,
    } = scratch;
    // The next item of a list takes the verb the list began with.
    let inherits = zones.listed
        && !own
            .hits
            .iter()
            .any(|h| matches!(h.1, Role::Cue | Role::Not));
    if zones.after.is_empty() || inherits {
        sentence.within(std::slice::from_ref(&zones.sentence), far);
    }
    let reading = Reading {
        own,
        near,
        sentence: far,
        leans: !zones.carried.is_empty(),
        inherits,
        // A percentage of a noun ("98%以上事项", "90%的事项") is a share
        // of it.
        share: f.unit == "%" && (!zones.after.is_empty() || key.get(f.end) == Some(&'的')),
        percent: f.unit == "%",
    };
    let mut best: Option<((Strength, usize), usize)> = None;
    let mut best_specific: Option<((Strength, usize), usize)> = None;
    candidates.clear();
    let named = own.hits.iter().chain(&near.hits).map(|h| h.0);
    candidates.extend(named.filter(|&i| i != ANY));
    candidates.sort_unstable();
    candidates.dedup();
    for &i in candidates.iter() {
        let ind = &catalogue.indicators[i];
        if !ind.fits(f.kind, f.unit) || own.longest(i, Role::Not).is_some() {
            continue;
        }
        // A change of a stock is not the stock.
        if !ind.delta && figure.delta() {
            continue;
        }
        let Some(score) = reading.evidence(i, ind) else {
            continue;
        };
        let better = |b: &Option<((Strength, usize), usize)>| b.is_none_or(|(s, _)| score > s);
        if better(&best) {
            best = Some((score, i));
        }
        if !ind.generic && better(&best_specific) {
            best_specific = Some((score, i));
        }
    }
    best_specific.or(best).map(|(_, i)| i)
}

/// What the zones of one figure say.
struct Reading<'a> {
    own: &'a Found,
    near: &'a Found,
    sentence: &'a Found,
    /// The figure leans on the clauses before it.
    leans: bool,
    /// The next item of a list: the sentence's cues are its own.
    inherits: bool,
    /// A percentage of a noun: a share, as 占比 says.
    share: bool,
    /// A percentage.
    percent: bool,
}

impl Reading<'_> {
    /// How strongly the zones say indicator `i`, and the length of the
    /// words that say it.
    fn evidence(&self, i: usize, ind: &Indicator) -> Option<(Strength, usize)> {
        let (own, near, sentence) = (self.own, self.near, self.sentence);
        if let Some(len) = own.longest(i, Role::Alias) {
            return Some((Strength::Named, len));
        }
        // A share's subject before 率 names it ("一网通办"率 is the share
        // handled 一网通办); a rate of another sort has a name of its own
        // (调处率 is not 调处成功率).
        if ind.share {
            if let Some(len) = own.longest(i, Role::NamedRate) {
                return Some((Strength::Named, len));
            }
        }
        let about = |f: &Found| f.longest(i, Role::About);
        // The next item of a list takes the list's verb for the subject it
        // names itself, not for one the sentence named before it.
        let inherited = || {
            (self.inherits && about(own).is_some())
                .then(|| sentence.longest(i, Role::Cue))
                .flatten()
        };
        let cue = || {
            own.longest(i, Role::Cue)
                .or_else(inherited)
                .or((self.share && ind.share).then_some(0))
        };
        if ind.about.is_empty() {
            // A cue alone says it, among the figure's own words.
            return own.longest(i, Role::Cue).map(|len| (Strength::Own, len));
        }
        if ind.cues.is_empty() {
            // The subject alone says it: near the figure, never from afar.
            return match (about(own), about(near)) {
                (Some(len), _) => Some((Strength::Own, len)),
                (None, Some(len)) => Some((Strength::Near, len)),
                _ => None,
            };
        }
        let cue = cue()?;
        let (strength, len) = match (about(own), about(near), about(sentence)) {
            (Some(len), _, _) => (Strength::Own, len),
            (None, Some(len), _) => (Strength::Near, len),
            // A share that leans on the clause before it (…412项,占比81.2%)
            // is of that clause's figure, not of the sentence's subject; a
            // named rate (纠错率21.7%) and a count with a verb of its own
            // (…,经审查,审结100件) are the sentence's.
            (None, None, Some(len))
                if !self.leans || !self.percent || own.longest(i, Role::RateName).is_some() =>
            {
                (Strength::Sentence, len)
            }
            _ => return None,
        };
        Some((strength, len + cue))
    }
}

#[cfg(test)]
mod tests;
