//! `lawgov-tui search PATTERN PATHS... [--regex] [--json|--csv]`: every
//! hit of a phrase (or a regular expression) in the reports, one a line,
//! with where it stands in the file.
//!
//! Reports are read a batch at a time on every core and forgotten once
//! their hits are written, so memory stays that of one batch however many
//! files the paths name.

use super::Format;
use std::io::{self, Write};
use std::path::PathBuf;

use rayon::prelude::*;
use serde_json::json;

use lawgov_tui::corpus::search::Query;
use lawgov_tui::report::{Depth, Hit};
use lawgov_tui::text::printable;
use lawgov_tui::Report;

/// Files read at once: enough to keep every core busy, few enough that
/// their text is a few megabytes.
const BATCH: usize = 64;

const CSV_HEADER: [&str; 9] = [
    "file", "place", "year", "section", "line", "col", "len", "match", "text",
];

/// One hit as written.
struct FoundLine {
    file: String,
    place: String,
    year: Option<i32>,
    section: String,
    line: usize,
    col: usize,
    len: usize,
    matched: String,
    text: String,
}

/// Writes every hit of `query` in the reports `files` names. A file that
/// cannot be read is skipped with a warning on stderr; the number skipped
/// is returned.
pub fn print(
    out: &mut impl Write,
    query: &Query,
    files: &[PathBuf],
    format: Format,
) -> io::Result<usize> {
    let mut skipped = 0;
    if format == Format::Csv {
        write_csv(out, [CSV_HEADER.map(String::from)])?;
    }
    for batch in files.chunks(BATCH) {
        let found: Vec<Result<Vec<FoundLine>, String>> = batch
            .par_iter()
            .map(|f| {
                let r = Report::open_to(f, Depth::Outline)
                    .map_err(|e| format!("{}: {e}", f.display()))?;
                let hits = query.hits(&r);
                Ok(hits.iter().map(|&h| found_line(&r, h)).collect())
            })
            .collect();
        for result in found {
            match result {
                Ok(lines) => write(out, &lines, format)?,
                Err(e) => {
                    skipped += 1;
                    eprintln!("lawgov-tui: warning: skipped {}", printable(&e));
                }
            }
        }
    }
    Ok(skipped)
}

/// CSV records, written through a buffer so that the writer needs no
/// hold on `out` between batches.
fn write_csv(
    out: &mut impl Write,
    records: impl IntoIterator<Item = [String; 9]>,
) -> io::Result<()> {
    let mut w = csv::Writer::from_writer(Vec::new());
    for r in records {
        w.write_record(r).map_err(super::csv_to_io)?;
    }
    let bytes = w
        .into_inner()
        .map_err(|e| io::Error::other(e.to_string()))?;
    out.write_all(&bytes)
}

fn write(out: &mut impl Write, lines: &[FoundLine], format: Format) -> io::Result<()> {
    if format == Format::Csv {
        return write_csv(
            out,
            lines.iter().map(|l| {
                [
                    super::csv_text(&l.file),
                    super::csv_text(&l.place),
                    l.year.map_or(String::new(), |y| y.to_string()),
                    super::csv_text(&l.section),
                    l.line.to_string(),
                    l.col.to_string(),
                    l.len.to_string(),
                    super::csv_text(&l.matched),
                    super::csv_text(&l.text),
                ]
            }),
        );
    }
    for l in lines {
        match format {
            Format::Json => {
                let o = json!({
                    "file": l.file, "place": l.place, "year": l.year,
                    "section": l.section, "line": l.line, "col": l.col,
                    "len": l.len, "match": l.matched, "text": l.text,
                });
                let one = serde_json::to_string(&o).map_err(io::Error::other)?;
                writeln!(out, "{}", super::json_safe(&one))?;
            }
            Format::Text | Format::Csv => {
                let year = l.year.map_or(String::new(), |y| y.to_string());
                let who = format!("{} {year}", l.place);
                writeln!(
                    out,
                    "{}:{}:{}\t{}\t{}\t{}",
                    printable(&l.file),
                    l.line,
                    l.col,
                    printable(who.trim()),
                    printable(&l.section),
                    l.text
                )?;
            }
        }
    }
    Ok(())
}

/// A hit with where it stands in the file (the file's own line and
/// column, see [`Report::file_position`]) and its line's text, control
/// characters shown as symbols.
fn found_line(r: &Report, h: Hit) -> FoundLine {
    let block = &r.blocks()[h.block];
    let (line, col) = r.file_position(block.line, block.col + h.col);
    let section = r
        .sections()
        .get(block.section)
        .map(|s| format!("{}{}", s.marker, s.title))
        .unwrap_or_default();
    let matched: String = r
        .block_text(h.block)
        .chars()
        .skip(h.col)
        .take(h.len)
        .collect();
    let who = match r.meta.level {
        Some(lawgov_tui::report::Level::Department) => r.meta.issuer.as_ref(),
        _ => None,
    };
    FoundLine {
        file: r.file.clone(),
        place: who.or(r.meta.place.as_ref()).cloned().unwrap_or_default(),
        year: r.meta.year,
        section,
        line,
        col,
        len: h.len,
        matched: printable(&matched).into_owned(),
        text: printable(r.line(block.line)).into_owned(),
    }
}
