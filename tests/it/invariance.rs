//! Invariance: every report we have gold for, read in each form of
//! `forms.rs` one at a time, must read as the unchanged text does: place,
//! level, year, publication date, title, headings, figures (as a multiset:
//! lines move) and the table's cells. Text compares after one folding
//! (Traditional → Simplified, full-width → ASCII, whitespace out); numbers
//! compare exactly.
//!
//! The pairs that fail today are listed in `KNOWN`; the list may only
//! shrink (a listed pair that passes fails `known_has_no_stale_entries`).

use std::collections::BTreeMap;
use std::sync::OnceLock;

use lawgov_tui::corpus::cells::cells;
use lawgov_tui::{Catalogues, Report};

use crate::common::shared_dir;
use crate::forms::{self, Form, FORMS};

/// The pairs that read differently today: for a form, why, and the
/// reports it changes the reading of. A fix removes reports from here;
/// nothing may be added.
#[rustfmt::skip]
const KNOWN: &[(&str, &str, &[&str])] = &[
    ("one-paragraph", "the last heading stands at the excerpt's cut end: with no line break and no body after it, it reads as text", &[
        "huangpi-2020",
    ]),
    ("one-paragraph", "a heading run into its paragraph with no stop: its end is found where its line ends, not inside one paragraph", &[
        "shanghai-sfj-2023",
    ]),
    ("one-paragraph", "the page as given reads a heading too long (past the site's page marker 3、); as one paragraph it reads the gold's", &[
        "shanghai-2023-yzwku",
    ]),
];

/// One report's text, under its name (the file stem).
struct Source {
    name: String,
    text: String,
}

/// Every report with gold: the bundled five and the wild openings.
fn sources() -> Vec<Source> {
    let shared = shared_dir();
    let mut out = Vec::new();
    let mut bundled: Vec<String> = std::fs::read_dir(shared.join("gold"))
        .expect("gold dir")
        .filter_map(|e| e.ok())
        .filter_map(|e| {
            e.file_name()
                .to_str()?
                .strip_suffix(".gold.json")
                .map(str::to_owned)
        })
        .filter(|n| shared.join("reports").join(format!("{n}.txt")).is_file())
        .collect();
    bundled.sort();
    for name in bundled {
        let text = std::fs::read_to_string(shared.join("reports").join(format!("{name}.txt")))
            .expect("read report");
        out.push(Source { name, text });
    }
    let wild = shared.join("dev/wild");
    let gold: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(wild.join("gold.json")).expect("read wild gold"),
    )
    .expect("wild gold json");
    let mut files: Vec<&String> = gold.as_object().expect("gold object").keys().collect();
    files.sort();
    for file in files {
        let text = std::fs::read_to_string(wild.join(file)).expect("read wild opening");
        let name = file.strip_suffix(".txt").unwrap_or(file).to_owned();
        out.push(Source { name, text });
    }
    let mut names: Vec<&str> = out.iter().map(|s| s.name.as_str()).collect();
    names.sort();
    names.dedup();
    assert_eq!(names.len(), out.len(), "report names are not unique");
    out
}

/// Text as compared: Traditional → Simplified, full-width → ASCII, and
/// no whitespace.
pub fn fold(text: &str) -> String {
    lawgov_tui::text::script::to_simplified(text)
        .chars()
        .map(forms::half_width_char)
        .filter(|c| !c.is_whitespace())
        .collect()
}

/// What a reader takes from a report.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Reading {
    pub(crate) place: Option<String>,
    level: Option<String>,
    year: Option<i32>,
    published: Option<String>,
    title: Option<String>,
    /// level, marker, title
    pub(crate) headings: Vec<String>,
    /// value, unit, qualifier, sign, kind, indicator; sorted.
    pub(crate) figures: Vec<String>,
    /// indicator → value, unit, qualifier, sign of the cell's figure.
    cells: BTreeMap<String, String>,
}

fn figure_key(f: &lawgov_tui::figures::Figure) -> String {
    format!(
        "{}{} {}{} {} {}",
        f.sign.map_or("", |s| s.symbol()),
        f.value,
        fold(f.unit),
        f.qualifier
            .map_or(String::new(), |q| format!(" {}", q.name())),
        f.kind.name(),
        f.indicator.as_deref().unwrap_or("-"),
    )
}

fn read(file: &str, text: &str) -> Reading {
    read_bytes(file, text.as_bytes())
}

/// What a reader takes from a file's bytes, whatever its format.
pub(crate) fn read_bytes(file: &str, bytes: &[u8]) -> Reading {
    let r = Report::from_bytes(file, bytes).expect("report loads");
    let m = &r.meta;
    let mut figures: Vec<String> = r.figures().iter().map(figure_key).collect();
    figures.sort();
    let catalogue = &Catalogues::builtin().indicators;
    let cells = cells(&r, catalogue, None)
        .into_iter()
        .map(|c| {
            let f = &r.figures()[c.figure];
            let v = format!(
                "{}{} {}{}",
                f.sign.map_or("", |s| s.symbol()),
                f.value,
                fold(f.unit),
                f.qualifier
                    .map_or(String::new(), |q| format!(" {}", q.name())),
            );
            (c.indicator, v)
        })
        .collect();
    Reading {
        place: m.place.as_deref().map(fold),
        level: m.level.map(|l| l.name().to_owned()),
        year: m.year,
        published: m.published.as_deref().map(fold),
        title: m.title.as_deref().map(fold),
        headings: r
            .headings()
            .iter()
            .map(|h| format!("{} {} {}", h.level, fold(&h.marker), fold(&h.title)))
            .collect(),
        figures,
        cells,
    }
}

fn show<T: std::fmt::Display>(v: &Option<T>) -> String {
    v.as_ref().map_or("—".to_owned(), |v| v.to_string())
}

/// The two sequences' differences: (before, after) for each item one of
/// them lacks, in order (a longest common subsequence is what stays).
fn sequence_diff(a: &[String], b: &[String]) -> Vec<(Option<String>, Option<String>)> {
    let (n, m) = (a.len(), b.len());
    let mut lcs = vec![vec![0u32; m + 1]; n + 1];
    for i in (0..n).rev() {
        for j in (0..m).rev() {
            lcs[i][j] = if a[i] == b[j] {
                lcs[i + 1][j + 1] + 1
            } else {
                lcs[i + 1][j].max(lcs[i][j + 1])
            };
        }
    }
    let (mut i, mut j) = (0, 0);
    let mut out = Vec::new();
    while i < n || j < m {
        if i < n && j < m && a[i] == b[j] {
            i += 1;
            j += 1;
        } else if j == m || (i < n && lcs[i + 1][j] >= lcs[i][j + 1]) {
            out.push((Some(a[i].clone()), None));
            i += 1;
        } else {
            out.push((None, Some(b[j].clone())));
            j += 1;
        }
    }
    out
}

/// Each difference on one line: `field: before → after`.
pub(crate) fn differences(before: &Reading, after: &Reading) -> Vec<String> {
    let mut out = Vec::new();
    let mut field = |name: &str, a: String, b: String| {
        if a != b {
            out.push(format!("{name}: {a} → {b}"));
        }
    };
    field("place", show(&before.place), show(&after.place));
    field("level", show(&before.level), show(&after.level));
    field("year", show(&before.year), show(&after.year));
    field("published", show(&before.published), show(&after.published));
    field("title", show(&before.title), show(&after.title));
    let side = |s: Option<String>| s.unwrap_or_else(|| "—".to_owned());
    let headings = sequence_diff(&before.headings, &after.headings);
    if !headings.is_empty() {
        out.push(format!(
            "headings: {} → {} ({} differ)",
            before.headings.len(),
            after.headings.len(),
            headings.len()
        ));
    }
    for (a, b) in headings {
        out.push(format!("heading: {} → {}", side(a), side(b)));
    }
    // Figures as multisets: sorted, so a sequence diff of the sorted lists
    // is the multiset difference.
    let figures = sequence_diff(&before.figures, &after.figures);
    if !figures.is_empty() {
        out.push(format!(
            "figures: {} → {} ({} differ)",
            before.figures.len(),
            after.figures.len(),
            figures.len()
        ));
    }
    for (a, b) in figures {
        out.push(format!("figure: {} → {}", side(a), side(b)));
    }
    let ids: std::collections::BTreeSet<&String> =
        before.cells.keys().chain(after.cells.keys()).collect();
    for id in ids {
        let (a, b) = (before.cells.get(id), after.cells.get(id));
        if a != b {
            out.push(format!(
                "cell {id}: {} → {}",
                a.map_or("—", |s| s.as_str()),
                b.map_or("—", |s| s.as_str())
            ));
        }
    }
    out
}

/// One (form, report) pair's outcome: its differences, none when it reads
/// the same.
struct Outcome {
    form: &'static str,
    report: String,
    diffs: Vec<String>,
}

struct Run {
    reports: usize,
    outcomes: Vec<Outcome>,
}

/// Every pair, computed once for all the tests here (on two threads), and
/// the table printed.
fn run() -> &'static Run {
    static RUN: OnceLock<Run> = OnceLock::new();
    RUN.get_or_init(|| {
        let sources = sources();
        let jobs: Vec<(usize, Option<&Form>)> = (0..sources.len())
            .flat_map(|s| std::iter::once((s, None)).chain(FORMS.iter().map(move |f| (s, Some(f)))))
            .collect();
        let threads = 2;
        let mut readings: Vec<Option<Reading>> = vec![None; jobs.len()];
        std::thread::scope(|scope| {
            let handles: Vec<_> = (0..threads)
                .map(|t| {
                    let jobs = &jobs;
                    let sources = &sources;
                    scope.spawn(move || {
                        let mut out = Vec::new();
                        for (k, (s, form)) in jobs.iter().enumerate() {
                            if k % threads != t {
                                continue;
                            }
                            let src = &sources[*s];
                            let reading = match form {
                                None => read(&format!("{}.txt", src.name), &src.text),
                                Some(f) => {
                                    read(&format!("{}.{}", src.name, f.ext), &(f.apply)(&src.text))
                                }
                            };
                            out.push((k, reading));
                        }
                        out
                    })
                })
                .collect();
            for h in handles {
                for (k, reading) in h.join().expect("reading thread") {
                    readings[k] = Some(reading);
                }
            }
        });
        let mut outcomes = Vec::new();
        let per = FORMS.len() + 1;
        for (s, src) in sources.iter().enumerate() {
            let before = readings[s * per].as_ref().expect("baseline");
            for (i, form) in FORMS.iter().enumerate() {
                let after = readings[s * per + 1 + i].as_ref().expect("reading");
                outcomes.push(Outcome {
                    form: form.name,
                    report: src.name.clone(),
                    diffs: differences(before, after),
                });
            }
        }
        let run = Run {
            reports: sources.len(),
            outcomes,
        };
        print_table(&run);
        run
    })
}

fn print_table(run: &Run) {
    const SHOWN: usize = 3;
    let mut out = String::new();
    out.push_str(&format!(
        "\nInvariance: reports reading the same, out of {}\n",
        run.reports
    ));
    for form in FORMS {
        let same = run
            .outcomes
            .iter()
            .filter(|o| o.form == form.name && o.diffs.is_empty())
            .count();
        out.push_str(&format!(
            "  {:<18} {:>2}/{}\n",
            form.name, same, run.reports
        ));
    }
    for form in FORMS {
        for o in run
            .outcomes
            .iter()
            .filter(|o| o.form == form.name && !o.diffs.is_empty())
        {
            out.push_str(&format!(
                "\n{} × {} ({} differences)\n",
                o.form,
                o.report,
                o.diffs.len()
            ));
            for d in o.diffs.iter().take(SHOWN) {
                out.push_str(&format!("    {d}\n"));
            }
        }
    }
    println!("{out}");
}

fn known(form: &str, report: &str) -> Option<&'static str> {
    KNOWN
        .iter()
        .find(|(f, _, reports)| *f == form && reports.contains(&report))
        .map(|(_, why, _)| *why)
}

#[test]
fn invariance_every_form_reads_as_the_plain_text() {
    let run = run();
    let mut failing: BTreeMap<usize, Vec<&str>> = BTreeMap::new();
    let mut first = Vec::new();
    for o in &run.outcomes {
        if !o.diffs.is_empty() && known(o.form, &o.report).is_none() {
            let i = FORMS.iter().position(|f| f.name == o.form).expect("form");
            failing.entry(i).or_default().push(&o.report);
            first.push(format!("{} × {}: {}", o.form, o.report, o.diffs[0]));
        }
    }
    let entries: Vec<String> = failing
        .iter()
        .map(|(i, reports)| {
            format!(
                "    (\"{}\", \"fails today\", &[{}]),",
                FORMS[*i].name,
                reports
                    .iter()
                    .map(|r| format!("\"{r}\""))
                    .collect::<Vec<_>>()
                    .join(", ")
            )
        })
        .collect();
    assert!(
        failing.is_empty(),
        "{} pairs read differently and are not in KNOWN:\n{}\n\nKNOWN entries for them:\n{}",
        first.len(),
        first.join("\n"),
        entries.join("\n")
    );
}

#[test]
fn invariance_known_has_no_stale_entries() {
    let run = run();
    let mut stale = Vec::new();
    let mut seen = std::collections::BTreeSet::new();
    for (form, _, reports) in KNOWN {
        assert!(
            FORMS.iter().any(|f| f.name == *form),
            "KNOWN names no form {form}"
        );
        for report in *reports {
            assert!(
                seen.insert((*form, *report)),
                "KNOWN lists {form} × {report} twice"
            );
            match run
                .outcomes
                .iter()
                .find(|o| o.form == *form && o.report == *report)
            {
                None => stale.push(format!("KNOWN names no report {report} (under {form})")),
                Some(o) if o.diffs.is_empty() => stale.push(format!(
                    "{form} × {report} now reads the same: remove it from KNOWN"
                )),
                Some(_) => {}
            }
        }
    }
    assert!(stale.is_empty(), "{}", stale.join("\n"));
}

/// The harness tests something: every form changes every report's text
/// (a script form only the reports in the other script, one-paragraph
/// only those of more than one line), and each
/// unchanged report has headings or figures to lose.
#[test]
fn invariance_forms_change_every_report() {
    let sources = sources();
    assert_eq!(
        sources.len(),
        37,
        "five bundled reports and 32 wild openings"
    );
    let mut unchanged = Vec::new();
    for src in &sources {
        let traditional = forms::to_simplified(&src.text) != src.text
            && src
                .text
                .chars()
                .zip(forms::to_simplified(&src.text).chars())
                .filter(|(a, b)| a != b)
                .count()
                * 20
                > src
                    .text
                    .chars()
                    .filter(|c| ('\u{4E00}'..='\u{9FFF}').contains(c))
                    .count();
        for form in FORMS {
            let exempt = (form.name == "to-traditional" && traditional)
                || (form.name == "to-simplified" && !traditional)
                || (form.name == "one-paragraph" && src.text.trim().lines().count() == 1);
            if !exempt && (form.apply)(&src.text) == src.text {
                unchanged.push(format!("{} leaves {} as it was", form.name, src.name));
            }
        }
        let r = read(&format!("{}.txt", src.name), &src.text);
        assert!(
            !r.headings.is_empty() || !r.figures.is_empty(),
            "{} reads no headings and no figures",
            src.name
        );
    }
    assert!(unchanged.is_empty(), "{}", unchanged.join("\n"));
}

/// Whatever form the page takes, every position shown points into the
/// file as given: a figure's file line and column hold its text (a figure
/// a hard wrap splits starts there and goes on in the next line), and a
/// heading's file line holds its marker.
#[test]
fn positions_point_into_the_file_in_every_form() {
    let forms = [
        "one-paragraph",
        "pdf-wrapped",
        "chrome-page",
        "chrome-docshare",
    ];
    let mut checked = 0;
    for source in sources() {
        for form in FORMS.iter().filter(|f| forms.contains(&f.name)) {
            let text = (form.apply)(&source.text);
            let r = Report::from_bytes(&format!("{}.txt", source.name), text.as_bytes())
                .expect("report loads");
            let file: Vec<&str> = lawgov_tui::text::split_lines(&text);
            let at = |line: usize, col: usize| -> String {
                let (l, c) = r.file_position(line, col);
                file.get(l - 1)
                    .map_or(String::new(), |t| t.chars().skip(c).collect())
            };
            for f in r.figures() {
                let rest = at(f.line, f.col);
                let rest = rest.trim_end();
                assert!(
                    rest.starts_with(&f.raw) || (!rest.is_empty() && f.raw.starts_with(rest)),
                    "{} {}: {} at line {} is {rest:?}",
                    form.name,
                    source.name,
                    f.raw,
                    r.file_line(f.line)
                );
                checked += 1;
            }
            for (i, h) in r.headings().iter().enumerate() {
                let (l, c) = r.heading_file_position(i);
                let line: String = file
                    .get(l - 1)
                    .map_or(String::new(), |t| t.chars().skip(c).collect());
                let (rest, marker) = (line.trim(), h.marker.trim());
                assert!(
                    rest.starts_with(marker) || (!rest.is_empty() && marker.starts_with(rest)),
                    "{} {}: heading {}{} not on file line {l} col {c}: {line:?}",
                    form.name,
                    source.name,
                    h.marker,
                    h.title
                );
            }
        }
    }
    assert!(checked > 1000, "{checked} figures checked");
}
