//! `lawgov-tui check FILE... [--json]`: a report at a time.

use std::io::{self, Write};
use std::path::PathBuf;

use serde_json::json;

use lawgov_tui::report::{Depth, Level, PartFinding};
use lawgov_tui::text::printable;
use lawgov_tui::Report;

use super::stream;

const COLUMNS: [(&str, usize); 9] = [
    ("report", 18),
    ("level", 10),
    ("measures", 9),
    ("shortcomings", 13),
    ("leader_duty", 12),
    ("next_year", 10),
    ("published", 11),
    ("on time", 13),
    ("file", 0),
];

pub fn print(
    out: &mut impl Write,
    paths: &[PathBuf],
    as_json: bool,
) -> Result<(), super::UserError> {
    let mut array = stream::JsonArray::default();
    let mut any = false;
    let streamed = stream::each_report(paths, Depth::Outline, |r| {
        let first = !std::mem::replace(&mut any, true);
        match as_json {
            true => array.push(out, &to_json(r)),
            false => row(out, r, first),
        }
    });
    if any && as_json {
        stream::written(array.finish(out))?;
    }
    streamed
}

fn row(out: &mut impl Write, r: &Report, first: bool) -> io::Result<()> {
    if first {
        let header = COLUMNS.map(|(h, _)| h.to_owned());
        writeln!(out, "{}", super::table_row(&header, &COLUMNS))?;
    }
    let parts = &r.parts.parts;
    {
        let values = [
            printable(&r.label()).into_owned(),
            r.meta.level.map_or("", Level::name).to_owned(),
            status(&parts.measures),
            status(&parts.shortcomings),
            status(&parts.leader_duty),
            status(&parts.next_year),
            printable(r.meta.published.as_deref().unwrap_or("")).into_owned(),
            on_time(r).to_owned(),
            printable(&r.file).into_owned(),
        ];
        writeln!(out, "{}", super::table_row(&values, &COLUMNS))?;
    }
    Ok(())
}

/// Published before 1 April of the next year, or why that is not known:
/// never a guess.
fn on_time(r: &Report) -> &'static str {
    match (r.parts.published_on_time, &r.meta.published) {
        (Some(true), _) => "yes",
        (Some(false), _) => "LATE",
        (None, None) => "date unknown",
        (None, Some(_)) => "year unknown",
    }
}

fn status(p: &PartFinding) -> String {
    p.status.name().to_owned()
}

pub fn to_json(r: &Report) -> serde_json::Value {
    let p = &r.parts.parts;
    let evidence: serde_json::Map<String, serde_json::Value> = p
        .named()
        .iter()
        .map(|(name, part)| (name.to_string(), json!(part.evidence)))
        .collect();
    json!({
        "file": r.file,
        "parts": {
            "measures": p.measures.status,
            "shortcomings": p.shortcomings.status,
            "leader_duty": p.leader_duty.status,
            "next_year": p.next_year.status,
            "evidence": evidence,
        },
        "place": r.meta.place,
        "level": r.meta.level,
        "year": r.meta.year,
        "published": r.meta.published,
        "date_source": r.meta.sources.published,
        "published_on_time": r.parts.published_on_time,
        "on_time": on_time(r),
    })
}
