//! `lawgov-tui years PATHS... [--json|--csv]`: for each place with two
//! reports or more, its indicators across the years.

use std::io::{self, Write};

use serde_json::{json, Map, Value};

use lawgov_tui::corpus::places::{self, Series};
use lawgov_tui::corpus::years::{self, Row};
use lawgov_tui::corpus::Choices;
use lawgov_tui::figures::{Catalogue, Difference, Figure};
use lawgov_tui::text::printable;
use lawgov_tui::Report;

pub enum Format {
    Text,
    Json,
    Csv,
}

/// The places with two reports or more, and their rows.
fn trends<'a>(
    reports: &'a [Report],
    catalogue: &Catalogue,
    choices: &Choices,
) -> Vec<(Series, Vec<&'a Report>, Vec<Row>)> {
    places::series(reports)
        .into_iter()
        .filter(|p| p.reports.len() >= 2)
        .map(|p| {
            let rs: Vec<&Report> = p.reports.iter().map(|&i| &reports[i]).collect();
            let rows = years::rows(&rs, catalogue, Some(choices));
            (p, rs, rows)
        })
        .collect()
}

pub fn print(
    out: &mut impl Write,
    reports: &[Report],
    catalogue: &Catalogue,
    choices: &Choices,
    format: Format,
) -> io::Result<()> {
    let trends = trends(reports, catalogue, choices);
    match format {
        Format::Json => {
            let all: Vec<Value> = trends
                .iter()
                .map(|(p, rs, rows)| to_json(p, rs, rows))
                .collect();
            super::write_json(out, &all)
        }
        Format::Csv => write_csv(out, &trends),
        Format::Text => write_text(out, &trends, catalogue),
    }
}

/// A column's name: its year, or its file when the year is unknown; a
/// second report of one year is told apart by its file.
fn column_names(rs: &[&Report]) -> Vec<String> {
    let mut names: Vec<String> = Vec::new();
    for r in rs {
        let name = r
            .meta
            .year
            .map_or_else(|| r.file.clone(), |y| y.to_string());
        let name = match names.contains(&name) {
            true => format!("{name} ({})", r.file),
            false => name,
        };
        names.push(name);
    }
    names
}

/// A year's cell and its change from the year before (null for the first
/// year, or where the two are not of one unit).
fn cell_json(r: &Report, f: &Figure, change: Option<&Difference>) -> Value {
    json!({
        "value": super::json_number(f),
        "unit": f.unit,
        "qualifier": f.qualifier.map(|q| q.name()),
        "kind": f.kind.name(),
        "sign": super::json_sign(f),
        "raw": f.raw,
        "line": r.file_line(f.line),
        "change": change,
    })
}

fn to_json(p: &Series, rs: &[&Report], rows: &[Row]) -> Value {
    let names = column_names(rs);
    let mut indicators = Map::new();
    for row in rows {
        let mut by_year = Map::new();
        for (k, cell) in row.cells.iter().enumerate() {
            if let Some(f) = cell {
                let change = row.differences[k].as_ref();
                by_year.insert(
                    names[k].clone(),
                    cell_json(rs[k], &rs[k].figures[*f], change),
                );
            }
        }
        indicators.insert(row.indicator.clone(), Value::Object(by_year));
    }
    let reports: Vec<Value> = rs
        .iter()
        .map(|r| json!({"file": r.file, "year": r.meta.year}))
        .collect();
    json!({"place": p.name, "reports": reports, "indicators": indicators})
}

fn write_csv(out: &mut impl Write, trends: &[(Series, Vec<&Report>, Vec<Row>)]) -> io::Result<()> {
    let mut w = csv::Writer::from_writer(out);
    let header = [
        "place",
        "indicator",
        "year",
        "value",
        "unit",
        "qualifier",
        "kind",
        "sign",
        "raw",
        "change",
        "change_unit",
        "change_sign",
        "change_bound",
        "file",
        "line",
    ];
    w.write_record(header).map_err(super::csv_to_io)?;
    for (p, rs, rows) in trends {
        for row in rows {
            for (k, cell) in row.cells.iter().enumerate() {
                let Some(f) = cell.map(|f| &rs[k].figures[f]) else {
                    continue;
                };
                let d = row.differences[k].as_ref();
                let record = [
                    super::csv_text(&p.name),
                    row.indicator.clone(),
                    rs[k].meta.year.map(|y| y.to_string()).unwrap_or_default(),
                    f.value.to_string(),
                    f.unit.clone(),
                    f.qualifier.map(|q| q.name().to_owned()).unwrap_or_default(),
                    f.kind.name().to_owned(),
                    super::csv_sign(f.sign).to_owned(),
                    super::csv_text(&f.raw),
                    d.map(|d| d.value.to_string()).unwrap_or_default(),
                    d.map(|d| d.unit.clone()).unwrap_or_default(),
                    // Equal values: 0.
                    d.map_or("", |d| d.sign.map_or("0", |s| s.csv())).to_owned(),
                    d.and_then(|d| d.bound)
                        .map(|b| b.name().to_owned())
                        .unwrap_or_default(),
                    super::csv_text(&rs[k].file),
                    rs[k].file_line(f.line).to_string(),
                ];
                w.write_record(&record).map_err(super::csv_to_io)?;
            }
        }
    }
    w.flush()
}

const NAME_CELLS: usize = 22;
const YEAR_CELLS: usize = 36;

fn write_text(
    out: &mut impl Write,
    trends: &[(Series, Vec<&Report>, Vec<Row>)],
    catalogue: &Catalogue,
) -> io::Result<()> {
    if trends.is_empty() {
        return writeln!(out, "no place has reports of two years or more");
    }
    for (p, rs, rows) in trends {
        let names = column_names(rs);
        writeln!(out, "{} · {}", printable(&p.name), names.join(", "))?;
        let mut columns = vec![("indicator", NAME_CELLS)];
        columns.extend(names.iter().map(|_| ("", YEAR_CELLS)));
        let mut header = vec!["indicator".to_owned()];
        header.extend(names.iter().cloned());
        writeln!(out, "{}", super::table_row(&header, &columns))?;
        for row in rows {
            let name = catalogue
                .get(&row.indicator)
                .map_or(row.indicator.as_str(), |i| i.name.as_str());
            let mut values = vec![name.to_owned()];
            for (k, cell) in row.cells.iter().enumerate() {
                let shown = cell.map_or_else(
                    || "—".to_owned(),
                    |f| {
                        let fig = &rs[k].figures[f];
                        match &row.differences[k] {
                            Some(d) => format!("{} ({})", fig.display_value(), d.shown),
                            None => fig.display_value(),
                        }
                    },
                );
                values.push(shown);
            }
            writeln!(out, "{}", super::table_row(&values, &columns))?;
        }
        writeln!(out)?;
    }
    Ok(())
}
