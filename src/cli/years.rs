//! `lawgov-tui years PATHS... [--json|--csv]`: for each place with two
//! reports or more, its indicators across the years.

use super::Format;
use std::io::{self, Write};

use serde_json::{json, Map, Value};

use lawgov_tui::corpus::places::{self, Series};
use lawgov_tui::corpus::years::{self, Row, Year};
use lawgov_tui::corpus::TableCell;
use lawgov_tui::figures::{Catalogue, Difference, Figure};
use lawgov_tui::text::printable;
use lawgov_tui::Report;

/// A place with two reports or more: its years, each read from one file
/// (two files of one year are one year, the first read), and its rows.
struct Trend<'a> {
    place: Series,
    years: Vec<Year>,
    /// The place's reports, oldest first; `years` index into them.
    reports: Vec<&'a Report>,
    rows: Vec<Row>,
}

impl Trend<'_> {
    /// The report year `k` is read from.
    fn report(&self, k: usize) -> &Report {
        self.reports[self.years[k].report()]
    }
}

fn trends<'a>(
    reports: &'a [Report],
    cells: &[Vec<TableCell>],
    catalogue: &Catalogue,
) -> Vec<Trend<'a>> {
    places::series(reports)
        .into_iter()
        .filter(|p| p.reports.len() >= 2)
        .map(|p| {
            let rs: Vec<&Report> = p.reports.iter().map(|&i| &reports[i]).collect();
            let years = years::years(rs.iter().map(|r| r.meta.year));
            let read: Vec<&Report> = years.iter().map(|y| rs[y.report()]).collect();
            let read_cells: Vec<&[TableCell]> = years
                .iter()
                .map(|y| cells[p.reports[y.report()]].as_slice())
                .collect();
            let rows = years::rows_of_cells(&read, &read_cells, catalogue);
            Trend {
                place: p,
                years,
                reports: rs,
                rows,
            }
        })
        .collect()
}

pub fn print(
    out: &mut impl Write,
    reports: &[Report],
    cells: &[Vec<TableCell>],
    catalogue: &Catalogue,
    format: Format,
) -> io::Result<()> {
    let trends = trends(reports, cells, catalogue);
    match format {
        // A place at a time: the whole array as values would take many
        // times its text.
        Format::Json => {
            let mut array = super::stream::JsonArray::default();
            for t in &trends {
                array.push(out, &to_json(t))?;
            }
            array.finish(out)
        }
        Format::Csv => write_csv(out, &trends),
        Format::Text => write_text(out, &trends, catalogue),
    }
}

/// A year's cell and its change from the year before (null for the first
/// year, or where the two are not of one unit).
fn cell_json(r: &Report, f: &Figure, change: Option<&Difference>) -> Value {
    json!({
        "file": r.file,
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

fn to_json(t: &Trend) -> Value {
    let mut indicators = Map::new();
    for row in &t.rows {
        let mut by_year = Map::new();
        for (k, cell) in row.cells.iter().enumerate() {
            if let Some(f) = cell {
                let r = t.report(k);
                let change = row.differences[k].as_ref();
                by_year.insert(t.years[k].name(), cell_json(r, &r.figures()[*f], change));
            }
        }
        indicators.insert(row.indicator.clone(), Value::Object(by_year));
    }
    let years: Vec<Value> = t
        .years
        .iter()
        .map(|y| {
            let others: Vec<&str> = y.others().map(|o| t.reports[o].file.as_str()).collect();
            json!({"year": y.year, "file": t.reports[y.report()].file, "others": others})
        })
        .collect();
    let reports: Vec<Value> = t
        .reports
        .iter()
        .map(|r| json!({"file": r.file, "year": r.meta.year}))
        .collect();
    json!({"place": t.place.name, "years": years, "reports": reports, "indicators": indicators})
}

fn write_csv(out: &mut impl Write, trends: &[Trend]) -> io::Result<()> {
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
    for t in trends {
        for row in &t.rows {
            for (k, cell) in row.cells.iter().enumerate() {
                let r = t.report(k);
                let Some(f) = cell.map(|f| &r.figures()[f]) else {
                    continue;
                };
                let d = row.differences[k].as_ref();
                let record = [
                    super::csv_text(&t.place.name),
                    row.indicator.clone(),
                    r.meta.year.map(|y| y.to_string()).unwrap_or_default(),
                    f.value.to_string(),
                    f.unit.to_owned(),
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
                    super::csv_text(&r.file),
                    r.file_line(f.line).to_string(),
                ];
                w.write_record(&record).map_err(super::csv_to_io)?;
            }
        }
    }
    w.flush()
}

const NAME_CELLS: usize = 22;
const YEAR_CELLS: usize = 36;

fn write_text(out: &mut impl Write, trends: &[Trend], catalogue: &Catalogue) -> io::Result<()> {
    if trends.is_empty() {
        return writeln!(out, "no place has reports of two years or more");
    }
    for t in trends {
        let names: Vec<String> = t.years.iter().map(Year::name).collect();
        writeln!(out, "{} · {}", printable(&t.place.name), names.join(", "))?;
        // A year's other files are read by no column: named, so the user
        // knows which file the column is and that the year is not lost.
        for y in &t.years {
            let others: Vec<String> = y
                .others()
                .map(|o| printable(&t.reports[o].file).into_owned())
                .collect();
            if !others.is_empty() {
                writeln!(
                    out,
                    "  {}: {} (also: {})",
                    y.name(),
                    printable(&t.reports[y.report()].file),
                    others.join(", ")
                )?;
            }
        }
        let mut columns = vec![("indicator", NAME_CELLS)];
        columns.extend(names.iter().map(|_| ("", YEAR_CELLS)));
        let mut header = vec!["indicator".to_owned()];
        header.extend(names.iter().cloned());
        writeln!(out, "{}", super::table_row(&header, &columns))?;
        for row in &t.rows {
            let name = catalogue
                .get(&row.indicator)
                .map_or(row.indicator.as_str(), |i| i.name.as_str());
            let mut values = vec![printable(name).into_owned()];
            for (k, cell) in row.cells.iter().enumerate() {
                let shown = cell.map_or_else(
                    || "—".to_owned(),
                    |f| {
                        let fig = &t.report(k).figures()[f];
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
