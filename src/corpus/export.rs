//! The corpus table as a spreadsheet reads it: the rows and columns a
//! user chose to see, in their order, each indicator as the four columns
//! `table --csv` writes (the plain number, its unit, its hedge, its sign),
//! text from files made safe for a spreadsheet and a terminal.

use std::io;
use std::path::{Path, PathBuf};

use super::cells::Amount;
use super::choices::ByHand;
use crate::report::Report;

/// What fills a cell: a figure of the text, or a value the user typed.
pub(crate) enum ExportCell<'a> {
    Figure(Amount),
    ByHand(&'a ByHand),
}

/// One row of the export: a report and, per column, what fills its cell.
pub(crate) struct ExportRow<'a> {
    pub report: &'a Report,
    pub cells: Vec<Option<ExportCell<'a>>>,
}

/// The CSV text: `row,file,place,year`, then for each indicator id
/// `<id>,<id>_unit,<id>_qualifier,<id>_sign`, then `by_hand`: the cells
/// the user typed, `<id>: <note>` joined by `; `.
pub(crate) fn corpus_csv(ids: &[&str], rows: &[ExportRow]) -> io::Result<Vec<u8>> {
    let mut w = csv::Writer::from_writer(Vec::new());
    let mut header: Vec<String> = ["row", "file", "place", "year"].map(String::from).to_vec();
    for id in ids {
        header.push((*id).to_owned());
        for part in ["unit", "qualifier", "sign"] {
            header.push(format!("{id}_{part}"));
        }
    }
    header.push("by_hand".to_owned());
    w.write_record(&header).map_err(io::Error::other)?;
    for (n, row) in rows.iter().enumerate() {
        let r = row.report;
        let mut record = vec![
            (n + 1).to_string(),
            csv_text(&r.file),
            csv_text(r.meta.place.as_deref().unwrap_or("")),
            r.meta.year.map(|y| y.to_string()).unwrap_or_default(),
        ];
        let mut by_hand = Vec::new();
        for (cell, id) in row.cells.iter().zip(ids) {
            match cell {
                Some(ExportCell::ByHand(v)) => {
                    record.extend([
                        csv_text(&v.value),
                        csv_text(&v.unit),
                        String::new(),
                        String::new(),
                    ]);
                    by_hand.push(format!("{id}: {}", v.note));
                }
                Some(ExportCell::Figure(f)) => record.extend([
                    f.value.to_string(),
                    csv_text(f.unit),
                    f.qualifier.map_or("", |q| q.name()).to_owned(),
                    f.sign.map_or("", |s| s.csv()).to_owned(),
                ]),
                None => record.extend(std::iter::repeat_n(String::new(), 4)),
            }
        }
        record.push(csv_text(&by_hand.join("; ")));
        w.write_record(&record).map_err(io::Error::other)?;
    }
    w.into_inner().map_err(|e| io::Error::other(e.to_string()))
}

/// Text from a file as a CSV cell, as `table --csv` writes it: control
/// characters shown as symbols, and a cell a spreadsheet would run as a
/// formula (=, +, -, @, tab, carriage return first) made text with a
/// leading apostrophe, as OWASP advises for CSV injection.
pub fn csv_text(s: &str) -> String {
    let formula = s.starts_with(['=', '+', '-', '@', '\t', '\r']);
    let s = crate::text::printable(s);
    if formula {
        format!("'{s}")
    } else {
        s.into_owned()
    }
}

/// A file name in `dir` for an export that no file has yet:
/// `lawgov-corpus.csv`, then `lawgov-corpus-2.csv`, … (an export never
/// overwrites the user's files).
pub(crate) fn free_name(dir: &Path) -> PathBuf {
    (1..)
        .map(|n| match n {
            1 => dir.join("lawgov-corpus.csv"),
            n => dir.join(format!("lawgov-corpus-{n}.csv")),
        })
        .find(|p| !p.exists())
        .unwrap_or_else(|| dir.join("lawgov-corpus.csv"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::TextEncoding;

    #[test]
    fn cells_keep_sign_and_hedge_and_names_cannot_be_formulas() {
        let r = Report::parse(
            "=HYPERLINK(\"x\").txt",
            "某某市2024年法治政府建设情况报告\n一、主要举措\n全市信访总量同比下降31.4%,全年新收行政复议案件120余件。\n"
                .into(),
            TextEncoding::Utf8,
        );
        let fig = |raw: &str| {
            r.figures()
                .iter()
                .find(|f| f.raw.contains(raw))
                .map(Amount::of)
        };
        let rows = [ExportRow {
            report: &r,
            cells: vec![
                fig("31.4").map(ExportCell::Figure),
                fig("120").map(ExportCell::Figure),
                None,
            ],
        }];
        let bytes = corpus_csv(
            &["petitions_change", "reconsideration_received", "x"],
            &rows,
        )
        .unwrap();
        let text = String::from_utf8(bytes).unwrap();
        let mut lines = text.lines();
        assert!(lines.next().unwrap().starts_with(
            "row,file,place,year,petitions_change,petitions_change_unit,petitions_change_qualifier,petitions_change_sign,"
        ));
        let row = lines.next().unwrap();
        assert!(row.starts_with("1,\"'=HYPERLINK"), "{row}");
        assert!(
            row.ends_with(",某某市,2024,31.4,%,,-1,120,件,more_than,,,,,,"),
            "{row}"
        );
    }

    #[test]
    fn an_export_takes_a_name_no_file_has() {
        let dir = tempfile::tempdir().unwrap();
        let first = free_name(dir.path());
        assert!(first.ends_with("lawgov-corpus.csv"));
        std::fs::write(&first, "mine").unwrap();
        assert!(free_name(dir.path()).ends_with("lawgov-corpus-2.csv"));
    }
}
