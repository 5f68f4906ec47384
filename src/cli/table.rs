//! `lawgov-tui table FILE... [--json|--csv] [--long]`: for each report and
//! indicator, the one figure a comparison shows (the headline, or the
//! user's choice), with the sentence it comes from.

use super::Format;
use std::io::{self, Write};
use std::path::PathBuf;

use serde::Serialize;
use serde_json::{json, Map, Value};

use lawgov_tui::corpus::cells::{self, TableCell};
use lawgov_tui::corpus::Choices;
use lawgov_tui::figures::{Catalogue, Figure};
use lawgov_tui::report::Depth;
use lawgov_tui::text::printable;
use lawgov_tui::Report;

use super::stream::{self, CsvRows, JsonArray};

/// One cell in long form: the documented row, and the CSV columns in the
/// same order.
#[derive(Serialize)]
struct Long<'a> {
    file: String,
    place: String,
    year: Option<i32>,
    indicator: &'a str,
    value: Value,
    unit: &'a str,
    qualifier: Option<&'static str>,
    kind: &'static str,
    sign: Option<&'static str>,
    raw: String,
    label: String,
    section: String,
    line: Option<usize>,
    col: Option<usize>,
    chosen: bool,
    /// A value the user typed, with the note they gave (no figure of the
    /// text fills the cell: `raw`, `label`, `section` and the position
    /// are empty).
    by_hand: bool,
    note: String,
}

/// How the table is written: chosen once, fed a report at a time.
pub struct Output<'a> {
    pub catalogue: &'a Catalogue,
    pub choices: &'a Choices,
    pub format: Format,
    pub long: bool,
}

pub fn print(
    out: &mut impl Write,
    paths: &[PathBuf],
    depth: Depth,
    o: &Output,
) -> Result<(), super::UserError> {
    let mut array = JsonArray::default();
    let mut csv = CsvRows::default();
    let mut any = false;
    let streamed = stream::each_report(paths, depth, |r| {
        let first = !std::mem::replace(&mut any, true);
        let tables = [(r, cells::cells(r, o.catalogue, Some(o.choices)))];
        match (o.format, o.long) {
            (Format::Json, false) => {
                array.push(out, &wide_json(r, &tables[0].1, o.catalogue, o.choices))
            }
            (Format::Json, true) => long_rows(&tables, o.catalogue, o.choices, false)
                .try_for_each(|row| array.push(out, &row)),
            (Format::Csv, false) => wide_csv(out, &tables, o.catalogue, o.choices, first),
            (Format::Csv, true) => csv.write(out, long_rows(&tables, o.catalogue, o.choices, true)),
            (Format::Text, _) => text(out, &tables, o.catalogue, o.choices, first),
        }
    });
    if any && o.format == Format::Json {
        stream::written(array.finish(out))?;
    }
    streamed
}

fn place(r: &Report) -> String {
    r.meta.place.clone().unwrap_or_default()
}

/// `{"file","place","year","cells":{"<id>": {…} | null}}`, every
/// indicator of the catalogue.
fn wide_json(r: &Report, cells: &[TableCell], catalogue: &Catalogue, choices: &Choices) -> Value {
    let mut map = Map::new();
    let key = choices.key_of(r);
    for ind in &catalogue.indicators {
        let cell = cells.iter().find(|c| c.indicator == ind.id);
        // A value typed by hand: the user's number, unit and note.
        let typed = || {
            choices.by_hand(&key, &ind.id).map_or(Value::Null, |v| {
                json!({"value": v.value.parse::<f64>().ok(), "unit": v.unit,
                       "by_hand": true, "note": v.note})
            })
        };
        let value = cell.map_or_else(typed, |c| {
            let f = &r.figures()[c.figure];
            let (line, col) = r.file_position(f.line, f.col);
            json!({
                "value": super::json_number(f),
                "unit": f.unit,
                "qualifier": f.qualifier.map(|q| q.name()),
                "kind": f.kind.name(),
                "sign": super::json_sign(f),
                "raw": f.raw,
                "label": f.label,
                "section": r.heading_label(f.section),
                "line": line,
                "col": col,
                "chosen": c.chosen,
            })
        });
        map.insert(ind.id.clone(), value);
    }
    json!({"file": r.file, "place": r.meta.place, "year": r.meta.year, "cells": map})
}

fn long_rows<'a>(
    tables: &'a [(&'a Report, Vec<TableCell>)],
    catalogue: &'a Catalogue,
    choices: &'a Choices,
    csv: bool,
) -> impl Iterator<Item = Long<'a>> + 'a {
    let text = move |s: &str| {
        if csv {
            super::csv_text(s)
        } else {
            s.to_owned()
        }
    };
    tables.iter().flat_map(move |(r, cells)| {
        let key = choices.key_of(r);
        let typed = catalogue.indicators.iter().filter_map(move |ind| {
            let v = choices
                .by_hand(&key, &ind.id)
                .filter(|_| !cells.iter().any(|c| c.indicator == ind.id))?;
            Some(Long {
                file: text(&r.file),
                place: text(&place(r)),
                year: r.meta.year,
                indicator: &ind.id,
                value: v.value.parse::<f64>().map_or(Value::Null, Value::from),
                unit: &v.unit,
                qualifier: None,
                kind: "",
                sign: None,
                raw: String::new(),
                label: String::new(),
                section: String::new(),
                line: None,
                col: None,
                chosen: true,
                by_hand: true,
                note: text(&v.note),
            })
        });
        let read = cells.iter().map(move |c| {
            let f: &Figure = &r.figures()[c.figure];
            let (line, col) = r.file_position(f.line, f.col);
            Long {
                file: text(&r.file),
                place: text(&place(r)),
                year: r.meta.year,
                indicator: &c.indicator,
                value: super::json_number(f),
                unit: f.unit,
                qualifier: f.qualifier.map(|q| q.name()),
                kind: f.kind.name(),
                sign: match csv {
                    true => f.sign.map(|s| s.csv()),
                    false => super::json_sign(f),
                },
                raw: text(&f.raw),
                label: text(&f.label),
                section: text(&r.heading_label(f.section)),
                line: Some(line),
                col: Some(col),
                chosen: c.chosen,
                by_hand: false,
                note: String::new(),
            }
        });
        read.chain(typed)
    })
}

/// One row per report and, for each indicator, four columns: `<id>` the
/// plain number (money in 元, rates as the percent number, never
/// negative), `<id>_unit`, `<id>_qualifier` and `<id>_sign` (1 a rise, -1
/// a fall): what a spreadsheet, Stata or R reads.
fn wide_csv(
    out: &mut impl Write,
    tables: &[(&Report, Vec<TableCell>)],
    catalogue: &Catalogue,
    choices: &Choices,
    first: bool,
) -> io::Result<()> {
    let mut rows = Vec::new();
    if first {
        let mut header = vec!["file".to_owned(), "place".to_owned(), "year".to_owned()];
        for i in &catalogue.indicators {
            header.push(i.id.clone());
            for part in ["unit", "qualifier", "sign"] {
                header.push(format!("{}_{part}", i.id));
            }
        }
        // Ids are checked when a catalogue is read; the header is made
        // safe as any cell is all the same, a spreadsheet being unforgiving.
        let mut header: Vec<String> = header.iter().map(|h| super::csv_text(h)).collect();
        header.push("by_hand".to_owned());
        rows.push(header);
    }
    for (r, cells) in tables {
        let mut row = vec![
            super::csv_text(&r.file),
            super::csv_text(&place(r)),
            r.meta.year.map(|y| y.to_string()).unwrap_or_default(),
        ];
        let key = choices.key_of(r);
        let mut by_hand = Vec::new();
        for ind in &catalogue.indicators {
            let cell = cells.iter().find(|c| c.indicator == ind.id);
            let typed = choices.by_hand(&key, &ind.id).filter(|_| cell.is_none());
            if let Some(v) = typed {
                row.extend([
                    super::csv_text(&v.value),
                    super::csv_text(&v.unit),
                    String::new(),
                    String::new(),
                ]);
                by_hand.push(format!("{}: {}", ind.id, v.note));
                continue;
            }
            match cell.map(|c| &r.figures()[c.figure]) {
                Some(f) => row.extend([
                    f.value.to_string(),
                    f.unit.to_owned(),
                    f.qualifier.map_or("", |q| q.name()).to_owned(),
                    super::csv_sign(f.sign).to_owned(),
                ]),
                None => row.extend(std::iter::repeat_n(String::new(), 4)),
            }
        }
        row.push(super::csv_text(&by_hand.join("; ")));
        rows.push(row);
    }
    CsvRows::records(out, &rows)
}

const COLUMNS: [(&str, usize); 5] = [
    ("report", 16),
    ("indicator", 18),
    ("value", 18),
    ("line", 5),
    ("label", 0),
];

fn text(
    out: &mut impl Write,
    tables: &[(&Report, Vec<TableCell>)],
    catalogue: &Catalogue,
    choices: &Choices,
    first: bool,
) -> io::Result<()> {
    if first {
        let header = COLUMNS.map(|(h, _)| h.to_owned());
        writeln!(out, "{}", super::table_row(&header, &COLUMNS))?;
    }
    for (r, cells) in tables {
        for c in cells {
            let f = &r.figures()[c.figure];
            let name = catalogue
                .get(&c.indicator)
                .map_or(c.indicator.as_str(), |i| i.name.as_str());
            let chosen = if c.chosen { " (your choice)" } else { "" };
            let values = [
                printable(&r.label()).into_owned(),
                name.to_owned(),
                f.display_value(),
                r.file_line(f.line).to_string(),
                format!("{}{chosen}", printable(&f.label)),
            ];
            writeln!(out, "{}", super::table_row(&values, &COLUMNS))?;
        }
        // Values typed by hand, where no figure of the text fills the cell.
        let key = choices.key_of(r);
        for ind in &catalogue.indicators {
            let Some(v) = choices
                .by_hand(&key, &ind.id)
                .filter(|_| !cells.iter().any(|c| c.indicator == ind.id))
            else {
                continue;
            };
            let values = [
                printable(&r.label()).into_owned(),
                ind.name.clone(),
                printable(&format!("{} {}✎", v.value, v.unit)).into_owned(),
                String::new(),
                format!("by hand: {}", printable(&v.note)),
            ];
            writeln!(out, "{}", super::table_row(&values, &COLUMNS))?;
        }
    }
    Ok(())
}
