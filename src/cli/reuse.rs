//! `lawgov-tui reuse PATHS... [--min-chars N] [--json|--csv]`: the pairs
//! of reports that share passages, most shared first, with their longest
//! passages; groups of near copies as one group with its members.

use super::Format;
use std::io::{self, Write};

use serde::Serialize;

use lawgov_tui::corpus::reuse::{
    Change, Doc, Relation, Reuse, ReusePair, SharedPassage, Source, Spot,
};
use lawgov_tui::text::{printable, truncate};
use lawgov_tui::Report;

/// The text form shows this many pairs, this many passages of each and
/// this many members of a group; JSON and CSV show all.
const TEXT_PAIRS: usize = 100;
const TEXT_PASSAGES: usize = 3;
const TEXT_MEMBERS: usize = 10;
/// Cells of a passage's text in the text form.
const TEXT_WIDTH: usize = 72;

pub fn print(
    out: &mut impl Write,
    r: &Reuse,
    source: &dyn Source,
    format: Format,
) -> io::Result<()> {
    match format {
        Format::Json => write_json(out, r, source),
        Format::Csv => write_csv(out, r, source),
        Format::Text => write_text(out, r, source),
    }
}

/// One end of a pair, or a member of a group.
#[derive(Serialize)]
struct End {
    file: String,
    place: Option<String>,
    year: Option<i32>,
    /// The group of near copies it stands for (1-based).
    group: Option<usize>,
}

fn end(d: &Doc) -> End {
    End {
        file: d.file.clone(),
        place: d.meta.place.clone(),
        year: d.meta.year,
        group: d.cluster.map(|c| c + 1),
    }
}

#[derive(Serialize)]
struct JsonSpot {
    section: String,
    line: usize,
    col: usize,
    end_line: usize,
    end_col: usize,
}

/// Where a passage stands, as the report's file counts lines and columns.
fn json_spot(r: &Report, s: &Spot) -> JsonSpot {
    let (line, col) = r.file_position(s.line, s.col);
    let (end_line, end_col) = r.file_position(s.end_line, s.end_col);
    JsonSpot {
        section: r.heading_label(s.section),
        line,
        col,
        end_line,
        end_col,
    }
}

#[derive(Serialize)]
struct JsonPassage<'a> {
    chars: usize,
    a: JsonSpot,
    b: JsonSpot,
    a_text: &'a str,
    b_text: &'a str,
    numbers: &'a [Change],
    edits: &'a [Change],
}

/// Shares as JSON and CSV give them: three decimals.
fn share(x: f32) -> f64 {
    (f64::from(x) * 1000.0).round() / 1000.0
}

/// A pair's two reports read again and its passages described (none
/// when a file changed since it was read).
fn described<'s>(
    r: &Reuse,
    source: &'s dyn Source,
    p: &ReusePair,
) -> Option<(
    std::borrow::Cow<'s, Report>,
    std::borrow::Cow<'s, Report>,
    Vec<SharedPassage>,
)> {
    let (a, b) = (r.report(source, p.a)?, r.report(source, p.b)?);
    let shared = r.passages(p, &a, &b)?;
    Some((a, b, shared.passages))
}

/// The JSON object, written a pair at a time: a corpus of many pairs with
/// long passages is never held whole.
fn write_json(out: &mut impl Write, r: &Reuse, source: &dyn Source) -> io::Result<()> {
    let skipped: Vec<serde_json::Value> = r
        .skipped
        .iter()
        .map(|s| serde_json::json!({"file": s.file, "reason": s.reason.to_string()}))
        .collect();
    writeln!(out, "{{")?;
    writeln!(out, "  \"reports\": {},", r.docs.len())?;
    writeln!(out, "  \"min_chars\": {},", r.min_chars)?;
    writeln!(
        out,
        "  \"skipped\": {},",
        indented(&super::json_text(&skipped)?)
    )?;
    writeln!(
        out,
        "  \"groups\": {},",
        indented(&super::json_text(&groups(r))?)
    )?;
    write!(out, "  \"pairs\": [")?;
    for (i, p) in r.pairs.iter().enumerate() {
        let sep = if i == 0 { "" } else { "," };
        let pair = super::json_text(&pair_json(r, source, p))?;
        write!(out, "{sep}\n    {}", indented(&indented(&pair)))?;
    }
    let end = if r.pairs.is_empty() { "" } else { "\n  " };
    writeln!(out, "{end}]\n}}")
}

/// Pretty JSON one level further in.
fn indented(text: &str) -> String {
    text.replace('\n', "\n  ")
}

fn groups(r: &Reuse) -> Vec<serde_json::Value> {
    r.clusters
        .iter()
        .enumerate()
        .map(|(i, c)| {
            let members: Vec<serde_json::Value> = c
                .members
                .iter()
                .map(|m| {
                    let mut v = serde_json::to_value(end(&r.docs[m.doc])).unwrap_or_default();
                    v["share"] = share(m.share).into();
                    v
                })
                .collect();
            serde_json::json!({"id": i + 1, "members": members})
        })
        .collect()
}

fn pair_json(r: &Reuse, source: &dyn Source, p: &ReusePair) -> serde_json::Value {
    let passages: Vec<serde_json::Value> = match described(r, source, p) {
        Some((a, b, ps)) => ps
            .iter()
            .map(|x| {
                serde_json::to_value(JsonPassage {
                    chars: x.chars,
                    a: json_spot(&a, &x.a),
                    b: json_spot(&b, &x.b),
                    a_text: &x.a_text,
                    b_text: &x.b_text,
                    numbers: &x.numbers,
                    edits: &x.edits,
                })
                .unwrap_or_default()
            })
            .collect(),
        None => Vec::new(),
    };
    serde_json::json!({
        "a": end(&r.docs[p.a]),
        "b": end(&r.docs[p.b]),
        "relation": p.relation.name(),
        "a_share": share(p.a_share),
        "b_share": share(p.b_share),
        "chars": p.chars,
        "passages": passages,
    })
}

/// One CSV row: a passage of a pair, or a member of a group (against the
/// group's first report).
#[derive(Serialize, Default)]
struct CsvRow {
    kind: &'static str,
    a_file: String,
    a_place: String,
    a_year: Option<i32>,
    a_group: Option<usize>,
    b_file: String,
    b_place: String,
    b_year: Option<i32>,
    b_group: Option<usize>,
    relation: &'static str,
    a_share: f64,
    b_share: f64,
    pair_chars: usize,
    chars: Option<usize>,
    a_section: String,
    a_line: Option<usize>,
    b_section: String,
    b_line: Option<usize>,
    numbers: String,
    edits: String,
    a_text: String,
    b_text: String,
}

fn csv_ends(row: &mut CsvRow, a: &Doc, b: &Doc) {
    let cell = |s: &Option<String>| super::csv_text(s.as_deref().unwrap_or(""));
    row.a_file = super::csv_text(&a.file);
    row.a_place = cell(&a.meta.place);
    row.a_year = a.meta.year;
    row.a_group = a.cluster.map(|c| c + 1);
    row.b_file = super::csv_text(&b.file);
    row.b_place = cell(&b.meta.place);
    row.b_year = b.meta.year;
    row.b_group = b.cluster.map(|c| c + 1);
}

fn changes(list: &[Change]) -> String {
    let all: Vec<String> = list.iter().map(|c| format!("{}→{}", c.a, c.b)).collect();
    super::csv_text(&all.join("; "))
}

fn write_csv(out: &mut impl Write, r: &Reuse, source: &dyn Source) -> io::Result<()> {
    let mut w = csv::WriterBuilder::new().has_headers(true).from_writer(out);
    for c in &r.clusters {
        let first = &r.docs[c.members[0].doc];
        for m in &c.members[1..] {
            let mut row = CsvRow {
                kind: "member",
                a_share: 1.0,
                b_share: share(m.share),
                ..CsvRow::default()
            };
            csv_ends(&mut row, first, &r.docs[m.doc]);
            w.serialize(row).map_err(super::csv_to_io)?;
        }
    }
    for p in &r.pairs {
        let Some((a, b, passages)) = described(r, source, p) else {
            continue;
        };
        for x in &passages {
            let mut row = CsvRow {
                kind: "passage",
                relation: p.relation.name(),
                a_share: share(p.a_share),
                b_share: share(p.b_share),
                pair_chars: p.chars,
                chars: Some(x.chars),
                a_section: super::csv_text(&a.heading_label(x.a.section)),
                a_line: Some(a.file_line(x.a.line)),
                b_section: super::csv_text(&b.heading_label(x.b.section)),
                b_line: Some(b.file_line(x.b.line)),
                numbers: changes(&x.numbers),
                edits: changes(&x.edits),
                a_text: super::csv_text(&x.a_text),
                b_text: super::csv_text(&x.b_text),
                ..CsvRow::default()
            };
            csv_ends(&mut row, &r.docs[p.a], &r.docs[p.b]);
            w.serialize(row).map_err(super::csv_to_io)?;
        }
    }
    w.flush()
}

/// A report as the text form names it: its label, and its group.
fn name(r: &Reuse, d: usize) -> String {
    let doc = &r.docs[d];
    let label = printable(&doc.label).into_owned();
    match doc.cluster {
        Some(c) => format!(
            "{label} and {} near copies (group {})",
            r.clusters[c].members.len() - 1,
            c + 1
        ),
        None => label,
    }
}

fn percent(x: f32) -> String {
    format!("{:.0}%", x * 100.0)
}

fn write_text(out: &mut impl Write, r: &Reuse, source: &dyn Source) -> io::Result<()> {
    writeln!(
        out,
        "{} reports, passages of {}+ characters: {} groups of near copies, {} pairs share passages",
        r.docs.len(),
        r.min_chars,
        r.clusters.len(),
        r.pairs.len()
    )?;
    for (i, c) in r.clusters.iter().enumerate() {
        writeln!(out, "\nGroup {}: {} near copies", i + 1, c.members.len())?;
        for m in c.members.iter().take(TEXT_MEMBERS) {
            let d = &r.docs[m.doc];
            let first = if m.doc == c.members[0].doc {
                "first".to_owned()
            } else {
                percent(m.share)
            };
            let label = lawgov_tui::text::fit(&printable(&d.label), 20);
            writeln!(out, "  {label} {first:>5}  {}", printable(&d.file))?;
        }
        if c.members.len() > TEXT_MEMBERS {
            let more = c.members.len() - TEXT_MEMBERS;
            writeln!(out, "  … and {more} more (--json or --csv lists all)")?;
        }
    }
    for (i, p) in r.pairs.iter().take(TEXT_PAIRS).enumerate() {
        write_pair(out, r, source, i + 1, p)?;
    }
    if r.pairs.len() > TEXT_PAIRS {
        let more = r.pairs.len() - TEXT_PAIRS;
        writeln!(out, "\n… and {more} more pairs (--json or --csv lists all)")?;
    }
    Ok(())
}

fn write_pair(
    out: &mut impl Write,
    r: &Reuse,
    source: &dyn Source,
    n: usize,
    p: &ReusePair,
) -> io::Result<()> {
    let flag = match p.relation {
        Relation::Other => String::new(),
        rel => format!("  [{}]", rel.name()),
    };
    writeln!(out, "\n{n}. {} ↔ {}{flag}", name(r, p.a), name(r, p.b))?;
    writeln!(
        out,
        "   A {}\n   B {}",
        printable(&r.docs[p.a].file),
        printable(&r.docs[p.b].file)
    )?;
    writeln!(
        out,
        "   shares {} of A, {} of B: {} passages, {} characters",
        percent(p.a_share),
        percent(p.b_share),
        p.found.len(),
        p.chars
    )?;
    let Some((a, b, passages)) = described(r, source, p) else {
        return writeln!(out, "   (a file changed since it was read)");
    };
    for x in passages.iter().take(TEXT_PASSAGES) {
        write_passage(out, &a, &b, x)?;
    }
    if passages.len() > TEXT_PASSAGES {
        writeln!(out, "   … and {} shorter", passages.len() - TEXT_PASSAGES)?;
    }
    Ok(())
}

fn write_passage(
    out: &mut impl Write,
    a: &Report,
    b: &Report,
    x: &SharedPassage,
) -> io::Result<()> {
    let at = |r: &Report, s: &Spot| {
        let section = printable(&r.heading_label(s.section)).into_owned();
        format!("line {} {}", r.file_line(s.line), truncate(&section, 28))
    };
    writeln!(
        out,
        "   · {} chars  A {}  │  B {}",
        x.chars,
        at(a, &x.a),
        at(b, &x.b)
    )?;
    let text = printable(&x.a_text.replace('\n', " ⏎ ")).into_owned();
    writeln!(out, "     {}", truncate(&text, TEXT_WIDTH))?;
    let list = |v: &[Change]| -> String {
        let all: Vec<String> = v
            .iter()
            .map(|c| {
                let side = |s: &str| match s {
                    "" => "∅".to_owned(),
                    s => truncate(&printable(&s.replace('\n', "⏎")), 16).into_owned(),
                };
                format!("{}→{}", side(&c.a), side(&c.b))
            })
            .collect();
        truncate(&all.join(", "), TEXT_WIDTH).into_owned()
    };
    if !x.numbers.is_empty() {
        writeln!(out, "     numbers: {}", list(&x.numbers))?;
    }
    if !x.edits.is_empty() {
        writeln!(out, "     words: {}", list(&x.edits))?;
    }
    Ok(())
}
