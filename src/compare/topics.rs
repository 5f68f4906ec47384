//! Topics (spec §4): the areas of work a report covers, whatever its own
//! wording and order. Each section and item gets the topics its keywords
//! point to, with a share that says how strongly.
//!
//! The catalogue is `assets/topics.toml`, compiled in; a user file
//! `topics.toml` in the config dir adds topics, and replaces those with
//! the same id.

use std::collections::HashMap;
use std::path::Path;
use std::time::Instant;

use aho_corasick::{AhoCorasick, MatchKind};
use serde::Deserialize;

use crate::catalogue_file::{self, CatalogueError};
use crate::report::Report;
use crate::report::SectionKind;
use crate::text::{self, script};

const BUILTIN: &str = include_str!("../../assets/topics.toml");

#[derive(Debug, Clone, Deserialize)]
pub struct Topic {
    pub id: String,
    /// The Chinese name shown in the compare view.
    pub name: String,
    #[serde(default)]
    pub about: String,
    pub keywords: Vec<Keywords>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct Keywords {
    #[serde(deserialize_with = "weight")]
    pub weight: f32,
    pub terms: Vec<String>,
}

/// The heaviest keyword weight: the built-in ones run 1 to 5, and a
/// weight beyond this would swamp every other topic's evidence.
pub(crate) const MAX_WEIGHT: f64 = 1000.0;

/// A keyword weight, read as the number the file writes so that one out
/// of range is named as written (1e308 is no f32).
fn weight<'de, D: serde::Deserializer<'de>>(d: D) -> Result<f32, D::Error> {
    let w = f64::deserialize(d)?;
    if w.is_finite() && w > 0.0 && w <= MAX_WEIGHT {
        return Ok(w as f32);
    }
    let written = match w.abs() < 1e6 {
        true => format!("{w}"),
        false => format!("{w:e}"),
    };
    Err(serde::de::Error::custom(format!(
        "keyword weight {written} is out of range: a weight is a number above 0 and at most {MAX_WEIGHT}"
    )))
}

#[derive(Debug, Deserialize)]
struct File {
    #[serde(default, rename = "topic")]
    topics: Vec<Topic>,
}

/// A topic of a section or item, and its share (0-1) of the keyword
/// evidence.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Scored {
    pub topic: usize,
    pub score: f32,
}

#[derive(Debug, Clone, Default)]
pub struct TopicCatalogue {
    pub topics: Vec<Topic>,
    matcher: Option<Matcher>,
}

/// Every keyword at once, leftmost-longest, so that 重大行政决策 counts
/// once and not again as 行政决策 and 决策.
#[derive(Debug, Clone)]
struct Matcher {
    automaton: AhoCorasick,
    /// Per pattern: (topic, weight) for every topic that lists it.
    patterns: Vec<Vec<(usize, f32)>>,
}

impl Matcher {
    fn new(topics: &[Topic]) -> Option<Matcher> {
        let mut keys: Vec<String> = Vec::new();
        let mut index: HashMap<String, usize> = HashMap::new();
        let mut patterns: Vec<Vec<(usize, f32)>> = Vec::new();
        for (t, topic) in topics.iter().enumerate() {
            for group in &topic.keywords {
                for term in &group.terms {
                    let key = script::key(term);
                    let i = *index.entry(key.clone()).or_insert_with(|| {
                        keys.push(key);
                        patterns.push(Vec::new());
                        keys.len() - 1
                    });
                    match patterns[i].iter_mut().find(|(x, _)| *x == t) {
                        Some(p) => p.1 = p.1.max(group.weight),
                        None => patterns[i].push((t, group.weight)),
                    }
                }
            }
        }
        // A full DFA: the catalogue is small and every loaded text runs
        // through it; keywords all start with common UTF-8 lead bytes, so a
        // prefilter only slows it down.
        let automaton = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .kind(crate::text::pattern::automaton_kind(keys.len()))
            .prefilter(false)
            .build(&keys)
            .ok()?;
        Some(Matcher {
            automaton,
            patterns,
        })
    }
}

impl TopicCatalogue {
    /// The catalogue compiled into the program, built once per process.
    pub fn builtin() -> &'static TopicCatalogue {
        static BUILT: std::sync::LazyLock<TopicCatalogue> = std::sync::LazyLock::new(|| {
            TopicCatalogue::parse("(built in)", BUILTIN).expect("assets/topics.toml is valid")
        });
        &BUILT
    }

    fn parse(name: &str, text: &str) -> Result<TopicCatalogue, CatalogueError> {
        let file: File = catalogue_file::parse(name, text)?;
        let mut c = TopicCatalogue::default();
        c.extend(file.topics)
            .map_err(|p| catalogue_file::error(name, p))?;
        Ok(c)
    }

    /// Adds topics, one with an id already here replacing it; an entry
    /// [`catalogue_file::refusal`] refuses is left out, and why is
    /// returned.
    fn extend(&mut self, topics: Vec<Topic>) -> Result<Vec<String>, String> {
        let mut refused = Vec::new();
        let mut topics: Vec<Topic> = topics
            .into_iter()
            .filter(|t| {
                let words = t.keywords.iter().flat_map(|k| &k.terms);
                let why = catalogue_file::refusal("topic", &t.id, words);
                why.map(|w| refused.push(w)).is_none()
            })
            .collect();
        topics.iter().try_for_each(check)?;
        for t in &mut topics {
            t.name = catalogue_file::shown_name(&t.name);
        }
        catalogue_file::merge_by_id(&mut self.topics, topics, |t| &t.id);
        self.matcher = Matcher::new(&self.topics);
        Ok(refused)
    }

    /// The builtin catalogue extended by a user file, and a warning for
    /// each entry of it that was refused.
    pub(crate) fn with_user_file(
        path: &Path,
    ) -> Result<(TopicCatalogue, Vec<CatalogueError>), CatalogueError> {
        catalogue_file::extended(
            path,
            TopicCatalogue::builtin().clone(),
            |f: File| f.topics,
            TopicCatalogue::extend,
        )
    }

    pub fn get(&self, id: &str) -> Option<&Topic> {
        self.topics.iter().find(|t| t.id == id)
    }

    /// Adds the weighted keyword hits of a Simplified key to `into` (one
    /// slot per topic).
    pub fn evidence(&self, key: &str, into: &mut [f32]) {
        for (_, p) in self.hits(key) {
            self.add_hit(p, into);
        }
    }

    /// Every keyword hit in a Simplified key: (char start, pattern).
    fn hits(&self, key: &str) -> Vec<(usize, usize)> {
        let Some(m) = &self.matcher else {
            return Vec::new();
        };
        let (mut chars, mut byte) = (0, 0);
        m.automaton
            .find_iter(key)
            .map(|hit| {
                chars += key[byte..hit.start()].chars().count();
                byte = hit.start();
                (chars, hit.pattern().as_usize())
            })
            .collect()
    }

    fn add_hit(&self, pattern: usize, into: &mut [f32]) {
        let Some(m) = &self.matcher else { return };
        for &(t, w) in &m.patterns[pattern] {
            if let Some(slot) = into.get_mut(t) {
                *slot += w;
            }
        }
    }

    /// Every key term (a keyword of weight [`KEY_TERM`] or more) in a
    /// Simplified key: (char start, char length), in order. The compare
    /// view marks the terms one side alone uses.
    pub(crate) fn terms_in(&self, key: &str) -> Vec<(usize, usize)> {
        let Some(m) = &self.matcher else {
            return Vec::new();
        };
        let mut out = Vec::new();
        let mut chars = 0;
        let mut byte = 0;
        for hit in m.automaton.find_iter(key) {
            let weight = m.patterns[hit.pattern().as_usize()]
                .iter()
                .map(|p| p.1)
                .fold(0.0, f32::max);
            if weight < KEY_TERM {
                continue;
            }
            chars += key[byte..hit.start()].chars().count();
            let len = key[hit.start()..hit.end()].chars().count();
            out.push((chars, len));
            chars += len;
            byte = hit.end();
        }
        out
    }
}

/// A topic needs an id, keywords that are not empty, and finite positive
/// weights: an empty term would match everywhere, an infinite weight
/// would swamp every score.
fn check(t: &Topic) -> Result<(), String> {
    let terms = t.keywords.iter().map(|k| k.terms.len()).sum::<usize>();
    if t.id.trim().is_empty() || terms == 0 {
        return Err(format!(
            "topic {:?} needs an id and at least one keyword",
            t.name
        ));
    }
    if let Some(k) = t
        .keywords
        .iter()
        .find(|k| !k.weight.is_finite() || k.weight <= 0.0)
    {
        return Err(format!(
            "topic {:?}: keyword weight {} is out of range: a weight is a number above 0 and at most {MAX_WEIGHT}",
            t.id, k.weight
        ));
    }
    if t.keywords
        .iter()
        .flat_map(|k| &k.terms)
        .any(|term| text::trim(term).is_empty())
    {
        return Err(format!("topic {:?}: a keyword is empty", t.id));
    }
    Ok(())
}

/// The topics of every section and item of a report.
#[derive(Debug, Clone, Default)]
pub struct ReportTopics {
    pub sections: Vec<Vec<Scored>>,
    pub items: Vec<Vec<Scored>>,
}

/// How much each piece of evidence counts. A heading says what its
/// section is about more reliably than the text, which wanders; the
/// parent's heading places a section whose own title is vague.
const TITLE: f32 = 0.5;
const TEXT: f32 = 0.35;
const PARENT: f32 = 0.15;
/// A container (a heading whose text is all in its subsections) is read
/// through its subsections' text, at this weight.
const DESCENDANTS: f32 = 0.35;
/// Keywords this heavy are key terms: specific enough to mark in text.
pub(crate) const KEY_TERM: f32 = 3.0;
/// The opening text, before the first heading, is the report's overview.
const OVERVIEW: &str = "overview";
/// Topics below this share of the strongest are not listed.
const KEEP: f32 = 0.5;

pub fn of_report(report: &Report, catalogue: &TopicCatalogue) -> ReportTopics {
    of_report_within(report, catalogue, None).0
}

/// A paragraph is a few hundred characters; past this many, a block
/// (text with no line breaks at all) is read for topics, and for
/// alignment, by its start, which keeps both linear in blocks, not bytes.
pub(crate) const BLOCK_READ_CHARS: usize = 20_000;

/// [`of_report`], reading block text only until `deadline`; the blocks
/// after it count by their titles alone. The flag says whether any did.
pub(crate) fn of_report_within(
    report: &Report,
    catalogue: &TopicCatalogue,
    deadline: Option<Instant>,
) -> (ReportTopics, bool) {
    let n = catalogue.topics.len();
    let evidence = |text: &str| {
        let mut v = vec![0.0; n];
        catalogue.evidence(&script::key(text), &mut v);
        v
    };
    let overview = catalogue.topics.iter().position(|t| t.id == OVERVIEW);
    let titles: Vec<Vec<f32>> = report
        .sections()
        .iter()
        .map(|s| {
            let mut v = evidence(&s.title);
            if let (SectionKind::Preamble, Some(o)) = (s.kind, overview) {
                v[o] += 1.0;
            }
            v
        })
        .collect();
    // Keywords never span a block boundary, so a section's evidence is the
    // sum of its blocks', and an item's is the hits inside its span: each
    // block is read once, however deep it sits.
    let mut cut = false;
    let hits: Vec<Vec<(usize, usize)>> = (0..report.blocks().len())
        .map(|b| {
            cut = cut || (b % 16 == 0 && deadline.is_some_and(|d| Instant::now() >= d));
            match cut {
                true => Vec::new(),
                false => catalogue.hits(&script::key(text::take_chars(
                    report.block_text(b),
                    BLOCK_READ_CHARS,
                ))),
            }
        })
        .collect();
    let of_hits = |hits: &mut dyn Iterator<Item = &(usize, usize)>| {
        let mut v = vec![0.0; n];
        hits.for_each(|&(_, p)| catalogue.add_hit(p, &mut v));
        v
    };
    let blocks: Vec<Vec<f32>> = hits.iter().map(|h| of_hits(&mut h.iter())).collect();
    let sum = |bs: &mut dyn Iterator<Item = usize>| {
        let mut v = vec![0.0; n];
        for b in bs {
            v.iter_mut().zip(&blocks[b]).for_each(|(x, y)| *x += y);
        }
        v
    };
    let sections = (0..report.sections().len())
        .map(|s| {
            let sec = &report.sections()[s];
            let own = sum(&mut report.section_blocks(s, false));
            let text = if own.iter().sum::<f32>() > 0.0 || sec.kind != SectionKind::Heading {
                (TEXT, own)
            } else {
                (DESCENDANTS, sum(&mut report.section_blocks(s, true)))
            };
            let parent = sec
                .parent
                .map_or_else(|| vec![0.0; n], |p| titles[p].clone());
            ranked(&[(TITLE, titles[s].clone()), text, (PARENT, parent)])
        })
        .collect();
    let items = report
        .item_spans()
        .into_iter()
        .zip(report.items())
        .map(|(span, it)| {
            let own = span.map_or_else(
                || vec![0.0; n],
                |(b, chars)| {
                    let h = &hits[b];
                    let from = h.partition_point(|x| x.0 < chars.start);
                    let to = h.partition_point(|x| x.0 < chars.end);
                    of_hits(&mut h[from..to.max(from)].iter())
                },
            );
            let section = titles
                .get(it.section)
                .cloned()
                .unwrap_or_else(|| vec![0.0; n]);
            ranked(&[(TITLE, evidence(&it.label)), (TEXT, own), (PARENT, section)])
        })
        .collect();
    (ReportTopics { sections, items }, cut)
}

/// Combines pieces of evidence, each as shares of its own total so that a
/// long text cannot drown a title, and lists the strong topics, strongest
/// first.
fn ranked(parts: &[(f32, Vec<f32>)]) -> Vec<Scored> {
    let n = parts.first().map_or(0, |p| p.1.len());
    let mut combined = vec![0.0f32; n];
    let mut weight = 0.0;
    for (w, raw) in parts {
        let total: f32 = raw.iter().sum();
        if total <= 0.0 {
            continue;
        }
        weight += w;
        for (c, r) in combined.iter_mut().zip(raw) {
            *c += w * r / total;
        }
    }
    if weight == 0.0 {
        return Vec::new();
    }
    let best = combined.iter().cloned().fold(0.0, f32::max);
    let mut out: Vec<Scored> = combined
        .iter()
        .enumerate()
        .filter(|(_, &c)| c > 0.0 && c >= KEEP * best)
        .map(|(topic, &c)| Scored {
            topic,
            score: c / weight,
        })
        .collect();
    out.sort_by(|a, b| b.score.total_cmp(&a.score).then(a.topic.cmp(&b.topic)));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_catalogue_covers_the_spec_areas() {
        let c = TopicCatalogue::builtin();
        for id in [
            "functions",
            "rules",
            "decisions",
            "enforcement",
            "emergencies",
            "disputes",
            "oversight",
            "digital",
            "leadership",
        ] {
            assert!(c.get(id).is_some(), "{id}");
        }
    }

    #[test]
    fn keywords_count_in_either_script_and_longest_first() {
        let c = TopicCatalogue::builtin();
        let n = c.topics.len();
        let (mut s, mut t) = (vec![0.0; n], vec![0.0; n]);
        c.evidence(&script::key("推进重大行政决策科学化"), &mut s);
        c.evidence(&script::key("推進重大行政決策科學化"), &mut t);
        assert_eq!(s, t);
        let decisions = c.topics.iter().position(|t| t.id == "decisions").unwrap();
        assert_eq!(s[decisions], 3.0, "counted once, as the longest term");
    }

    #[test]
    fn the_title_outweighs_a_long_text() {
        let mut title = vec![0.0; 3];
        title[0] = 3.0;
        let mut body = vec![0.0; 3];
        body[1] = 60.0;
        body[0] = 10.0;
        let r = ranked(&[(TITLE, title), (TEXT, body)]);
        assert_eq!(r[0].topic, 0, "{r:?}");
    }

    #[test]
    fn a_user_file_adds_and_replaces() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("topics.toml");
        std::fs::write(
            &path,
            "[[topic]]\nid = \"rivers\"\nname = \"河长制\"\n[[topic.keywords]]\nweight = 2\nterms = [\"河长\", \"河長\"]\n",
        )
        .unwrap();
        let (c, _) = TopicCatalogue::with_user_file(&path).unwrap();
        assert!(c.get("rivers").is_some());
        assert_eq!(c.topics.len(), TopicCatalogue::builtin().topics.len() + 1);
        std::fs::write(
            &path,
            "[[topic]]\nid = \"x\"\nname = \"x\"\nkeywords = []\n",
        )
        .unwrap();
        let e = TopicCatalogue::with_user_file(&path)
            .unwrap_err()
            .to_string();
        assert!(
            e.starts_with(&path.display().to_string()) && e.contains("keyword"),
            "{e}"
        );
    }
}
