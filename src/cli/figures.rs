//! `lawgov-tui figures FILE... [--json|--csv] [--indicator ID]`: a
//! report at a time.

use super::Format;
use std::io::{self, Write};
use std::path::PathBuf;

use serde::Serialize;

use lawgov_tui::figures::Figure;
use lawgov_tui::report::Depth;
use lawgov_tui::text::printable;
use lawgov_tui::Report;

use super::stream::{self, CsvRows, JsonArray};

/// One output row: the documented JSON object, and the CSV columns in the
/// same order.
#[derive(Serialize)]
struct Row<'a> {
    file: String,
    raw: String,
    value: serde_json::Value,
    unit: &'a str,
    qualifier: Option<&'static str>,
    kind: &'static str,
    sign: Option<&'static str>,
    label: String,
    indicator: Option<&'a str>,
    section: String,
    line: usize,
    col: usize,
}

fn row<'a>(r: &'a Report, f: &'a Figure) -> Row<'a> {
    let section = r.heading_label(f.section);
    let (line, col) = r.file_position(f.line, f.col);
    Row {
        file: r.file.clone(),
        raw: f.raw.clone(),
        value: super::json_number(f),
        unit: f.unit,
        qualifier: f.qualifier.map(|q| q.name()),
        kind: f.kind.name(),
        sign: super::json_sign(f),
        label: f.label.clone(),
        indicator: f.indicator.as_deref(),
        section,
        line,
        col,
    }
}

pub fn print(
    out: &mut impl Write,
    paths: &[PathBuf],
    depth: Depth,
    indicator: Option<&str>,
    format: Format,
) -> Result<(), super::UserError> {
    let mut array = JsonArray::default();
    let mut csv = CsvRows::default();
    let mut any = false;
    let streamed = stream::each_report(paths, depth, |r| {
        let first = !std::mem::replace(&mut any, true);
        let selected: Vec<(&Report, &Figure)> = r
            .figures()
            .iter()
            .filter(|f| indicator.is_none_or(|id| f.indicator.as_deref() == Some(id)))
            .map(|f| (r, f))
            .collect();
        let rows = || selected.iter().map(|(r, f)| row(r, f));
        match format {
            Format::Json => rows().try_for_each(|row| array.push(out, &row)),
            Format::Csv => write_csv(out, &mut csv, rows()),
            Format::Text => write_table(out, &selected, first),
        }
    });
    if any && format == Format::Json {
        stream::written(array.finish(out))?;
    }
    streamed
}

fn write_csv<'a>(
    out: &mut impl Write,
    csv: &mut CsvRows,
    rows: impl Iterator<Item = Row<'a>>,
) -> io::Result<()> {
    let mut plain = Vec::new();
    for r in rows {
        let file = super::csv_text(&r.file);
        let (raw, label, section) = (
            super::csv_text(&r.raw),
            super::csv_text(&r.label),
            super::csv_text(&r.section),
        );
        // In CSV a sign is a number: see `csv_sign`.
        let sign = match r.sign {
            Some("+") => Some("1"),
            Some("-") => Some("-1"),
            other => other,
        };
        plain.push(Row {
            file,
            raw,
            label,
            section,
            sign,
            ..r
        });
    }
    csv.write(out, plain)
}

const COLUMNS: [(&str, usize); 6] = [
    ("report", 16),
    ("line", 5),
    ("value", 22),
    ("kind", 8),
    ("indicator", 30),
    ("label", 0),
];

fn write_table(
    out: &mut impl Write,
    selected: &[(&Report, &Figure)],
    first: bool,
) -> io::Result<()> {
    if first {
        let header = COLUMNS.map(|(h, _)| h.to_owned());
        writeln!(out, "{}", super::table_row(&header, &COLUMNS))?;
    }
    for (r, f) in selected {
        let values = [
            printable(&r.label()).into_owned(),
            r.file_line(f.line).to_string(),
            f.display_value(),
            f.kind.name().to_owned(),
            f.indicator.clone().unwrap_or_default(),
            printable(&f.label).into_owned(),
        ];
        writeln!(out, "{}", super::table_row(&values, &COLUMNS))?;
    }
    Ok(())
}
