//! `lawgov-tui check FILE... [--json]`.

use std::io::{self, Write};

use serde_json::json;

use lawgov_tui::report::Part;
use lawgov_tui::text::printable;
use lawgov_tui::Report;

const COLUMNS: [(&str, usize); 7] = [
    ("report", 18),
    ("measures", 9),
    ("shortcomings", 13),
    ("leader_duty", 12),
    ("next_year", 10),
    ("on time", 8),
    ("file", 0),
];

pub fn print(out: &mut impl Write, reports: &[Report], as_json: bool) -> io::Result<()> {
    if as_json {
        let rows: Vec<_> = reports.iter().map(to_json).collect();
        serde_json::to_writer_pretty(&mut *out, &rows)?;
        return writeln!(out);
    }
    let header = COLUMNS.map(|(h, _)| h.to_owned());
    writeln!(out, "{}", super::table_row(&header, &COLUMNS))?;
    for r in reports {
        let parts = &r.parts.parts;
        let on_time = match r.parts.published_on_time {
            Some(true) => "yes",
            Some(false) => "LATE",
            None => "unknown",
        };
        let values = [
            printable(&r.label()).into_owned(),
            status(&parts.measures),
            status(&parts.shortcomings),
            status(&parts.leader_duty),
            status(&parts.next_year),
            on_time.to_owned(),
            printable(&r.file).into_owned(),
        ];
        writeln!(out, "{}", super::table_row(&values, &COLUMNS))?;
    }
    Ok(())
}

fn status(p: &Part) -> String {
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
        "published_on_time": r.parts.published_on_time,
    })
}
