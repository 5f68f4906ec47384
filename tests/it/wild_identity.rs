//! What a report is, on real pages the rules were not written from: the
//! 32 wild openings (`dev/wild/gold.json`) and the five bundled reports'
//! gold, read for place, year, publication date and headings. Text
//! compares after one folding (Traditional → Simplified, full width →
//! half width, spaces of every kind as one, trimmed), as a reader would
//! compare two copies of one report.
//!
//! Acceptance (issue 24): on the 32, place, year and date right on at
//! least 95% of the reports and headings F1 at least 0.97; on the five,
//! everything right.

use std::collections::BTreeSet;

use lawgov_tui::report::Depth;
use lawgov_tui::Report;
use serde_json::Value;

use crate::common::{gold, gold_names, shared_dir};
use crate::forms;

/// Text as compared.
fn fold(text: &str) -> String {
    let simple = lawgov_tui::text::script::to_simplified(text);
    let folded: String = simple
        .chars()
        .map(forms::half_width_char)
        .map(|c| if c.is_whitespace() { ' ' } else { c })
        .collect();
    folded.trim().to_owned()
}

fn fold_opt(v: Option<&str>) -> Option<String> {
    v.map(fold).filter(|s| !s.is_empty())
}

/// What the gold says a report is.
struct Truth {
    place: Option<String>,
    year: Option<i64>,
    published: Option<String>,
    /// level, marker, title
    headings: BTreeSet<(u64, String, String)>,
}

impl Truth {
    fn from_wild(g: &Value) -> Truth {
        let headings = g["headings"]
            .as_array()
            .expect("headings")
            .iter()
            .map(|h| {
                (
                    h[0].as_u64().expect("level"),
                    fold(h[1].as_str().expect("marker")),
                    fold(h[2].as_str().expect("title")),
                )
            })
            .collect();
        Truth {
            place: fold_opt(g["place"].as_str()),
            year: g["year"].as_i64(),
            published: fold_opt(g["published"].as_str()),
            headings,
        }
    }

    fn from_bundled(g: &Value) -> Truth {
        let meta = &g["meta"];
        let headings = g["headings"]
            .as_array()
            .expect("headings")
            .iter()
            .map(|h| {
                (
                    h["level"].as_u64().expect("level"),
                    fold(h["marker"].as_str().expect("marker")),
                    fold(h["title"].as_str().expect("title")),
                )
            })
            .collect();
        Truth {
            place: fold_opt(meta["place"].as_str()),
            year: meta["year"].as_i64(),
            published: fold_opt(meta["published"].as_str()),
            headings,
        }
    }
}

/// Counts over a set of reports.
#[derive(Default)]
struct Score {
    reports: usize,
    place: usize,
    year: usize,
    published: usize,
    /// headings found and right, found and wrong, missed
    right: usize,
    extra: usize,
    missed: usize,
    wrong: Vec<String>,
}

impl Score {
    fn add(&mut self, name: &str, r: &Report, truth: &Truth) {
        let m = &r.meta;
        self.reports += 1;
        let place = fold_opt(m.place.as_deref());
        let published = fold_opt(m.published.as_deref());
        let year = m.year.map(i64::from);
        self.place += usize::from(place == truth.place);
        self.year += usize::from(year == truth.year);
        self.published += usize::from(published == truth.published);
        if place != truth.place {
            self.wrong
                .push(format!("{name}: place {place:?}, gold {:?}", truth.place));
        }
        if year != truth.year {
            self.wrong
                .push(format!("{name}: year {year:?}, gold {:?}", truth.year));
        }
        if published != truth.published {
            self.wrong.push(format!(
                "{name}: published {published:?}, gold {:?}",
                truth.published
            ));
        }
        let ours: BTreeSet<(u64, String, String)> = r
            .headings()
            .iter()
            .map(|h| (u64::from(h.level), fold(&h.marker), fold(&h.title)))
            .collect();
        self.right += ours.intersection(&truth.headings).count();
        for h in ours.difference(&truth.headings) {
            self.extra += 1;
            self.wrong.push(format!("{name}: heading found {h:?}"));
        }
        for h in truth.headings.difference(&ours) {
            self.missed += 1;
            self.wrong.push(format!("{name}: heading missed {h:?}"));
        }
    }

    fn rate(&self, n: usize) -> f64 {
        n as f64 / self.reports.max(1) as f64
    }

    fn f1(&self) -> (f64, f64, f64) {
        let p = self.right as f64 / (self.right + self.extra).max(1) as f64;
        let r = self.right as f64 / (self.right + self.missed).max(1) as f64;
        let f = if p + r > 0.0 {
            2.0 * p * r / (p + r)
        } else {
            0.0
        };
        (p, r, f)
    }

    fn print(&self, what: &str) {
        let (p, r, f) = self.f1();
        println!(
            "\n{what}: place {}/{n} ({:.3}), year {}/{n} ({:.3}), published {}/{n} ({:.3}); headings P {p:.3} R {r:.3} F1 {f:.3}",
            self.place,
            self.rate(self.place),
            self.year,
            self.rate(self.year),
            self.published,
            self.rate(self.published),
            n = self.reports,
        );
        for w in &self.wrong {
            println!("    {w}");
        }
    }
}

fn wild_score() -> Score {
    let dir = shared_dir().join("dev/wild");
    let gold: Value = serde_json::from_str(
        &std::fs::read_to_string(dir.join("gold.json")).expect("read wild gold"),
    )
    .expect("wild gold json");
    let mut files: Vec<(&String, &Value)> = gold.as_object().expect("gold object").iter().collect();
    files.sort_by_key(|(f, _)| f.as_str());
    let mut score = Score::default();
    for (file, g) in files {
        let bytes = std::fs::read(dir.join(file)).expect("read wild opening");
        let r = Report::from_bytes_to(file, &bytes, Depth::Outline).expect("opening loads");
        score.add(file, &r, &Truth::from_wild(g));
    }
    score
}

fn bundled_score() -> Score {
    let mut score = Score::default();
    for name in gold_names() {
        let path = shared_dir().join("reports").join(format!("{name}.txt"));
        let bytes = std::fs::read(&path).expect("read report");
        let r = Report::from_bytes_to(&format!("{name}.txt"), &bytes, Depth::Outline)
            .expect("report loads");
        score.add(&name, &r, &Truth::from_bundled(&gold(&name)));
    }
    score
}

#[test]
fn wild_identity_reaches_the_acceptance() {
    let wild = wild_score();
    wild.print("wild openings");
    assert_eq!(wild.reports, 32, "the 32 wild openings");
    let (_, _, f1) = wild.f1();
    for (what, n) in [
        ("place", wild.place),
        ("year", wild.year),
        ("published", wild.published),
    ] {
        assert!(
            wild.rate(n) >= 0.95,
            "{what}: {n}/{} right, under 0.95",
            wild.reports
        );
    }
    assert!(f1 >= 0.97, "headings F1 {f1:.3} under 0.97");
}

#[test]
fn wild_identity_of_the_bundled_five_stays_exact() {
    let bundled = bundled_score();
    bundled.print("bundled reports");
    assert!(bundled.reports >= 5);
    assert!(
        bundled.wrong.is_empty(),
        "bundled reports read differently from their gold:\n{}",
        bundled.wrong.join("\n")
    );
}
