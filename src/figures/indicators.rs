//! The indicator catalogue: the quantities readers compare across cities
//! (行政复议纠错率, 负责人出庭应诉率…), each with a definition, its kind
//! and units, and the words reports use for it: names that say it alone,
//! a subject and cues that say it together, and words that make a figure
//! another quantity. [`super::meaning`] reads a figure's surroundings with
//! these words.
//!
//! The catalogue is `assets/indicators.toml`, compiled in; a user file
//! `indicators.toml` in the config dir adds indicators, and replaces those
//! with the same id.

use std::collections::HashMap;
use std::path::Path;

use aho_corasick::AhoCorasick;
use serde::Deserialize;

use super::trie::Trie;
use super::Kind;
use crate::catalogue_file;
pub use crate::catalogue_file::CatalogueError;
use crate::text::script;

const BUILTIN: &str = include_str!("../../assets/indicators.toml");

#[derive(Debug, Clone, Deserialize)]
pub struct Indicator {
    pub id: String,
    /// The Chinese name shown in tables.
    pub name: String,
    /// What is counted, in which units, and what is not.
    #[serde(default)]
    pub definition: String,
    /// Names that say the quantity on their own, in either script.
    #[serde(default)]
    pub aliases: Vec<String>,
    /// The subject a cue is said of (行政复议).
    #[serde(default)]
    pub about: Vec<String>,
    /// What is counted of the subject (审结, 纠错率).
    #[serde(default)]
    pub cues: Vec<String>,
    /// Words that make a figure another quantity (被纠错, 年均…).
    #[serde(default)]
    pub not: Vec<String>,
    /// The unit tables show ("件", "%", "元").
    pub unit: String,
    /// The units a figure of it may have; any of its kind when empty.
    #[serde(default)]
    pub units: Vec<String>,
    pub kind: Kind,
    /// Shown in the corpus view's table.
    #[serde(default)]
    pub main: bool,
    /// Gives way to any more specific indicator that also fits.
    #[serde(default)]
    pub generic: bool,
    /// The quantity is itself what was removed or cut (证明事项精简): it
    /// takes figures stated as a change of a stock ("取消16项"), which no
    /// other indicator does.
    #[serde(default)]
    pub delta: bool,
    /// A share (its cues say 占比, 比例): a percentage of a noun ("98%以上
    /// 事项实现网上办理") states one without the word. Set from the cues.
    #[serde(skip)]
    pub share: bool,
}

impl Indicator {
    /// Whether a figure of this kind and unit can be this indicator.
    pub(crate) fn fits(&self, kind: Kind, unit: &str) -> bool {
        kind == self.kind && (self.units.is_empty() || self.units.iter().any(|u| u == unit))
    }
}

/// What a word says of an indicator.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Role {
    Alias,
    About,
    Cue,
    /// A cue that names a rate (纠错率): its figure says its own
    /// quantity, so it leans on no clause before it. Also a [`Role::Cue`].
    RateName,
    /// A subject written before 率 ("一网通办"率): it names a rate, as an
    /// alias does. Read from the text, never listed.
    NamedRate,
    Not,
    /// Any figure: an average over years or months (年均, 月均), no
    /// year's figure. Said of [`ANY`].
    Average,
    /// Any figure: counted over years (累计, 以来). Said of [`ANY`].
    Cumulative,
}

/// The indicator index the words said of every figure carry.
pub(crate) const ANY: usize = usize::MAX;

/// Cues that make an indicator a share of something.
const SHARES: [&str; 3] = ["占比", "比例", "比重"];

const AVERAGES: [&str; 4] = ["年均", "月均", "日均", "人均"];
const CUMULATIVE: [&str; 6] = ["累计", "累积", "历年", "以来", "年来", "至今"];

#[derive(Debug, Deserialize)]
struct File {
    #[serde(default, rename = "indicator")]
    indicators: Vec<Indicator>,
}

impl<'de> Deserialize<'de> for Kind {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Kind, D::Error> {
        let s = String::deserialize(d)?;
        Ok(match s.as_str() {
            "count" => Kind::Count,
            "money" => Kind::Money,
            "rate" => Kind::Rate,
            "change" => Kind::Change,
            "duration" => Kind::Duration,
            "ratio" => Kind::Ratio,
            other => {
                return Err(serde::de::Error::custom(format!(
                    "unknown kind {other:?} (count, money, rate, change, duration, ratio)"
                )))
            }
        })
    }
}

#[derive(Debug, Clone, Default)]
pub struct Catalogue {
    pub indicators: Vec<Indicator>,
    /// Index into `indicators` by id.
    by_id: HashMap<String, usize>,
    /// Every word of every indicator at once, so a text is read in one
    /// pass.
    words: Option<WordMatcher>,
}

/// What a word says: (indicator, role, the word's length in chars).
pub(crate) type Said = (usize, Role, usize);

#[derive(Debug, Clone)]
struct WordMatcher {
    trie: Trie,
    /// The words' keys, for the tests that hold the trie to a search of
    /// them by other means.
    #[cfg(test)]
    keys: Vec<String>,
    /// Per pattern: its length in chars, and (indicator, role, length of
    /// the word) for each indicator that lists it or a word inside it.
    patterns: Vec<(usize, Vec<Said>)>,
}

impl WordMatcher {
    fn new(indicators: &[Indicator]) -> Option<WordMatcher> {
        let mut keys: Vec<String> = Vec::new();
        let mut index: HashMap<String, usize> = HashMap::new();
        let mut patterns: Vec<(usize, Vec<Said>)> = Vec::new();
        let mut add = |w: &str, i: usize, role: Role| {
            for key in script_forms(&script::key(w)) {
                let len = key.chars().count();
                let p = *index.entry(key.clone()).or_insert_with(|| {
                    patterns.push((len, Vec::new()));
                    keys.push(key);
                    keys.len() - 1
                });
                patterns[p].1.push((i, role, len));
            }
        };
        for (i, ind) in indicators.iter().enumerate() {
            let roles = [
                (&ind.aliases, Role::Alias),
                (&ind.about, Role::About),
                (&ind.cues, Role::Cue),
                (&ind.not, Role::Not),
            ];
            for (words, role) in roles {
                for w in words.iter().filter(|w| !crate::text::trim(w).is_empty()) {
                    add(w, i, role);
                    if role == Role::Cue && w.ends_with('率') {
                        add(w, i, Role::RateName);
                    }
                }
            }
        }
        for w in AVERAGES {
            add(w, ANY, Role::Average);
        }
        for w in CUMULATIVE {
            add(w, ANY, Role::Cumulative);
        }
        // A text is searched for the longest words, leftmost first, which
        // is several times faster than reporting every overlapping word;
        // so each word carries what the words inside it say too
        // (收到行政复议案件 is also 行政复议, a subject, and 收到, a cue).
        let inner = AhoCorasick::new(&keys).ok()?;
        let own: Vec<Vec<Said>> = patterns.iter().map(|p| p.1.clone()).collect();
        for (p, key) in keys.iter().enumerate() {
            for hit in inner.find_overlapping_iter(key.as_str()) {
                let q = hit.pattern().as_usize();
                if q != p {
                    patterns[p].1.extend_from_slice(&own[q]);
                }
            }
        }
        Some(WordMatcher {
            trie: Trie::new(keys.iter().map(String::as_str)),
            #[cfg(test)]
            keys,
            patterns,
        })
    }
}

impl Catalogue {
    /// The catalogue compiled into the program.
    /// The catalogue compiled into the program, built once per process.
    pub fn builtin() -> &'static Catalogue {
        static BUILT: std::sync::LazyLock<Catalogue> = std::sync::LazyLock::new(|| {
            Catalogue::parse("(built in)", BUILTIN).expect("assets/indicators.toml is valid")
        });
        &BUILT
    }

    fn parse(name: &str, text: &str) -> Result<Catalogue, CatalogueError> {
        let file: File = catalogue_file::parse(name, text)?;
        let mut c = Catalogue::default();
        c.extend(file.indicators)
            .map_err(|p| catalogue_file::error(name, p))?;
        Ok(c)
    }

    /// Adds indicators, one with an id already here replacing it; an
    /// entry [`catalogue_file::refusal`] refuses is left out, and why is
    /// returned.
    fn extend(&mut self, more: Vec<Indicator>) -> Result<Vec<String>, String> {
        let mut refused = Vec::new();
        let mut more: Vec<Indicator> = more
            .into_iter()
            .filter(|i| {
                let words = i
                    .aliases
                    .iter()
                    .chain(&i.about)
                    .chain(&i.cues)
                    .chain(&i.not);
                let why = catalogue_file::refusal("indicator", &i.id, words);
                why.map(|w| refused.push(w)).is_none()
            })
            .collect();
        more.iter().try_for_each(check)?;
        for i in &mut more {
            i.share = i.cues.iter().any(|c| SHARES.contains(&c.as_str()));
            i.name = catalogue_file::shown_name(&i.name);
        }
        catalogue_file::merge_by_id(&mut self.indicators, more, |i| &i.id);
        self.by_id = (0..self.indicators.len())
            .map(|i| (self.indicators[i].id.clone(), i))
            .collect();
        self.words = WordMatcher::new(&self.indicators);
        Ok(refused)
    }

    /// The builtin catalogue extended by a user file, and a warning for
    /// each entry of it that was refused.
    pub(crate) fn with_user_file(
        path: &Path,
    ) -> Result<(Catalogue, Vec<CatalogueError>), CatalogueError> {
        catalogue_file::extended(
            path,
            Catalogue::builtin().clone(),
            |f: File| f.indicators,
            Catalogue::extend,
        )
    }

    pub fn get(&self, id: &str) -> Option<&Indicator> {
        self.by_id.get(id).map(|&i| &self.indicators[i])
    }

    /// The longest words of the catalogue in a Simplified key, leftmost
    /// first, in order: where each ends (a char index), its length in
    /// chars, and what it (and every word inside it) says of which
    /// indicators, with each such word's length.
    pub(crate) fn words_ending<'a, 't>(
        &'a self,
        key: &'t [char],
    ) -> impl Iterator<Item = (usize, usize, &'a [Said])> + use<'a, 't> {
        self.words.iter().flat_map(move |m| {
            m.trie.words_in(key).map(move |(end, _, word)| {
                let (len, roles) = &m.patterns[word];
                (end, *len, roles.as_slice())
            })
        })
    }

    /// The indicators shown in the corpus view.
    pub fn main(&self) -> impl Iterator<Item = &Indicator> {
        self.indicators.iter().filter(|i| i.main)
    }
}

/// Simplified characters whose Traditional form in some words is itself a
/// Simplified character, so that a text's key keeps it: 答复 is 答覆 in
/// Traditional (回覆, 批覆), and 覆 is 覆 in 覆盖. (The key of a character
/// is one character; only a word knows which it is.)
const TWINS: [(char, char); 4] = [('复', '覆'), ('着', '著'), ('干', '乾'), ('了', '瞭')];

/// A word's key and the keys a Traditional text may give it.
fn script_forms(key: &str) -> Vec<String> {
    let mut out = vec![key.to_owned()];
    for (simplified, twin) in TWINS {
        if key.contains(simplified) {
            out.push(key.replace(simplified, &twin.to_string()));
        }
    }
    out
}

/// An indicator needs an id, and names or a subject to be found by; no
/// word may be empty, which would match everywhere.
fn check(i: &Indicator) -> Result<(), String> {
    if i.id.trim().is_empty() || (i.aliases.is_empty() && i.about.is_empty() && i.cues.is_empty()) {
        return Err(format!(
            "indicator {:?} needs an id and at least one alias (or about and cues)",
            i.name
        ));
    }
    let words = [&i.aliases, &i.about, &i.cues, &i.not];
    if words
        .iter()
        .any(|w| w.iter().any(|a| crate::text::trim(a).is_empty()))
    {
        return Err(format!("indicator {:?}: a word is empty", i.id));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_catalogue_is_large_and_well_formed() {
        let c = Catalogue::builtin();
        assert!(c.indicators.len() >= 40, "{}", c.indicators.len());
        let mut ids: Vec<&str> = c.indicators.iter().map(|i| i.id.as_str()).collect();
        ids.sort();
        ids.dedup();
        assert_eq!(ids.len(), c.indicators.len(), "ids are unique");
        assert!(c.main().count() >= 8);
    }

    #[test]
    fn words_match_their_traditional_twins() {
        let c = Catalogue::builtin();
        let hits = |text: &str| c.words_ending(&text.chars().collect::<Vec<_>>()).count();
        assert!(hits("依申请公开按期答覆率") >= 1);
        assert_eq!(hits("依申请公开按期答覆率"), hits("依申请公开按期答复率"));
    }

    /// The trie finds what a leftmost-longest automaton over the same
    /// words finds, word for word, in every line of the bundled and wild
    /// reports.
    #[test]
    fn the_word_trie_finds_what_an_automaton_finds() {
        let m = Catalogue::builtin().words.as_ref().expect("words");
        let automaton = AhoCorasick::builder()
            .match_kind(aho_corasick::MatchKind::LeftmostLongest)
            .build(&m.keys)
            .unwrap();
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/shared");
        let mut lines = 0;
        for dir in ["reports", "dev/wild"] {
            for entry in std::fs::read_dir(root.join(dir)).unwrap() {
                let Ok(text) = std::fs::read_to_string(entry.unwrap().path()) else {
                    continue;
                };
                for line in text.lines() {
                    let key = script::key(line);
                    let chars: Vec<char> = key.chars().collect();
                    let by_trie: Vec<(usize, usize)> = m
                        .trie
                        .words_in(&chars)
                        .map(|(end, _, w)| (end, w))
                        .collect();
                    let by_automaton: Vec<(usize, usize)> = automaton
                        .find_iter(&key)
                        .map(|h| (key[..h.end()].chars().count(), h.pattern().as_usize()))
                        .collect();
                    assert_eq!(by_trie, by_automaton, "{line}");
                    lines += usize::from(!by_trie.is_empty());
                }
            }
        }
        assert!(lines > 200, "{lines} lines hold words");
    }

    #[test]
    fn a_user_file_adds_and_replaces() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("indicators.toml");
        std::fs::write(
            &path,
            "[[indicator]]\nid = \"river_chiefs\"\nname = \"河长\"\naliases = [\"河长\", \"河長\"]\nunit = \"名\"\nkind = \"count\"\n",
        )
        .unwrap();
        let (c, _) = Catalogue::with_user_file(&path).unwrap();
        assert!(c.get("river_chiefs").is_some());
        assert_eq!(
            c.indicators.len(),
            Catalogue::builtin().indicators.len() + 1
        );
        std::fs::write(&path, "[[indicator]]\nid = 3").unwrap();
        let e = Catalogue::with_user_file(&path).unwrap_err().to_string();
        assert!(
            e.starts_with(&path.display().to_string()) && !e.contains('\n'),
            "{e}"
        );
    }
}
