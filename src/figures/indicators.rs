//! The indicator catalogue: the quantities readers compare across cities
//! (行政复议纠错率, 负责人出庭应诉率…), each with the names reports give it.
//! A figure maps to an indicator when its label contains one of the
//! indicator's aliases (compared as Simplified keys, so either script
//! matches) and its kind agrees.
//!
//! The catalogue is `assets/indicators.toml`, compiled in; a user file
//! `indicators.toml` in the config dir adds indicators, and replaces those
//! with the same id.

use std::collections::HashMap;
use std::path::Path;

use aho_corasick::AhoCorasick;
use serde::Deserialize;

use super::{Figure, Kind};
pub use crate::config::CatalogueError;
use crate::config::{self, one_line};
use crate::script;

const BUILTIN: &str = include_str!("../../assets/indicators.toml");

#[derive(Debug, Clone, Deserialize)]
pub struct Indicator {
    pub id: String,
    /// The Chinese name shown in tables.
    pub name: String,
    /// Names reports use, in either script.
    pub aliases: Vec<String>,
    /// The usual unit ("件", "%", "元").
    pub unit: String,
    pub kind: Kind,
    /// Shown in the corpus view's table.
    #[serde(default)]
    pub main: bool,
    /// Alias keys (Simplified, normal form), longest first.
    #[serde(skip)]
    keys: Vec<String>,
}

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
    /// Every alias key at once, so a label is read in one pass.
    matcher: Option<AliasMatcher>,
}

#[derive(Debug, Clone)]
struct AliasMatcher {
    automaton: AhoCorasick,
    /// Per pattern: (indicator index, length in chars).
    patterns: Vec<(usize, usize)>,
}

impl AliasMatcher {
    fn new(indicators: &[Indicator]) -> Option<AliasMatcher> {
        let mut keys = Vec::new();
        let mut patterns = Vec::new();
        for (i, ind) in indicators.iter().enumerate() {
            for k in &ind.keys {
                keys.push(k.as_str());
                patterns.push((i, k.chars().count()));
            }
        }
        // A DFA: every figure's label is searched, and the alias list is
        // small enough that its larger build is paid once, at start.
        let automaton = AhoCorasick::builder()
            .kind(crate::config::automaton_kind(keys.len()))
            .build(keys)
            .ok()?;
        Some(AliasMatcher {
            automaton,
            patterns,
        })
    }
}

impl Catalogue {
    /// The catalogue compiled into the program.
    pub fn builtin() -> Catalogue {
        Catalogue::parse(BUILTIN).expect("assets/indicators.toml is valid")
    }

    pub fn parse(text: &str) -> Result<Catalogue, String> {
        let file: File = toml::from_str(text).map_err(|e| one_line(&e.to_string()))?;
        let mut c = Catalogue::default();
        c.extend(file.indicators)?;
        Ok(c)
    }

    /// Adds indicators, one with an id already here replacing it.
    fn extend(&mut self, mut more: Vec<Indicator>) -> Result<(), String> {
        for i in &mut more {
            prepare(i)?;
        }
        config::merge_by_id(&mut self.indicators, more, |i| &i.id);
        self.by_id = (0..self.indicators.len())
            .map(|i| (self.indicators[i].id.clone(), i))
            .collect();
        self.matcher = AliasMatcher::new(&self.indicators);
        Ok(())
    }

    /// The builtin catalogue extended by a user file.
    pub fn with_user_file(path: &Path) -> Result<Catalogue, CatalogueError> {
        let mut c = Catalogue::builtin();
        let err = |problem| config::user_error(path, problem);
        let text = config::read_user_file(path)?;
        let file: File = toml::from_str(&text).map_err(|e| err(e.to_string()))?;
        c.extend(file.indicators).map_err(err)?;
        Ok(c)
    }

    pub fn get(&self, id: &str) -> Option<&Indicator> {
        self.by_id.get(id).map(|&i| &self.indicators[i])
    }

    /// The indicator a figure's label names: the longest alias found in
    /// the label, among indicators of the figure's kind.
    pub fn match_figure(&self, f: &Figure) -> Option<&Indicator> {
        let m = self.matcher.as_ref()?;
        let label = script::key(&f.label);
        m.automaton
            .find_overlapping_iter(&label)
            .map(|hit| m.patterns[hit.pattern().as_usize()])
            .filter(|&(i, _)| kinds_agree(self.indicators[i].kind, f.kind))
            .min_by_key(|&(i, len)| (std::cmp::Reverse(len), i))
            .map(|(i, _)| &self.indicators[i])
    }

    /// The indicators shown in the corpus view.
    pub fn main(&self) -> impl Iterator<Item = &Indicator> {
        self.indicators.iter().filter(|i| i.main)
    }
}

/// Checks an indicator and makes its alias keys. An empty alias would
/// match every label.
fn prepare(i: &mut Indicator) -> Result<(), String> {
    if i.id.trim().is_empty() || i.aliases.is_empty() {
        return Err(format!(
            "indicator {:?} needs an id and at least one alias",
            i.name
        ));
    }
    if i.aliases.iter().any(|a| crate::text::trim(a).is_empty()) {
        return Err(format!("indicator {:?}: an alias is empty", i.id));
    }
    i.keys = i
        .aliases
        .iter()
        .chain([&i.name])
        .filter(|a| !crate::text::trim(a).is_empty())
        .map(|a| script::key(a))
        .collect();
    i.keys.sort_by_key(|k| std::cmp::Reverse(k.chars().count()));
    i.keys.dedup();
    Ok(())
}

fn kinds_agree(indicator: Kind, figure: Kind) -> bool {
    indicator == figure || (indicator == Kind::Count && figure == Kind::Duration)
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
    fn labels_map_in_either_script() {
        let c = Catalogue::builtin();
        let f = |label: &str, kind| Figure {
            raw: String::new(),
            value: crate::numeral::Decimal::ZERO,
            unit: String::new(),
            qualifier: None,
            kind,
            sign: None,
            label: label.into(),
            indicator: None,
            section: 0,
            line: 0,
            col: 0,
            len: 0,
        };
        let id = |label, kind| c.match_figure(&f(label, kind)).map(|i| i.id.clone());
        assert_eq!(
            id("行政復議糾錯率", Kind::Rate),
            id("行政复议纠错率", Kind::Rate)
        );
        assert!(id("行政复议纠错率", Kind::Rate).is_some());
        assert_eq!(
            id("行政复议纠错率", Kind::Count),
            None,
            "a count is not a rate"
        );
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
        let c = Catalogue::with_user_file(&path).unwrap();
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
