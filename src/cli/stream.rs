//! Reading the reports a command names one at a time: each is read,
//! written out and forgotten, so a command's memory is that of one report
//! and its output however many files the paths name.

use std::io::{self, Write};
use std::path::PathBuf;

use lawgov_tui::corpus::library::{guarded, report_files};
use lawgov_tui::corpus::Skipped;
use lawgov_tui::report::Depth;
use lawgov_tui::text::printable;
use lawgov_tui::Report;

use super::UserError;

/// Reads every report `paths` name, in order, and hands each to `each`.
///
/// A file that gives no report is skipped with a one-line warning naming
/// it. When none gives a report, the first problem is the error. When a
/// file named on the command line (not one found in a folder) was
/// skipped, the rest is still read and written, and the error at the end
/// says how many were skipped, so that the exit status tells a script.
pub fn each_report(
    paths: &[PathBuf],
    depth: Depth,
    mut each: impl FnMut(&Report) -> io::Result<()>,
) -> Result<(), UserError> {
    let (files, mut pending) = report_files(paths);
    let named = |file: &str| paths.iter().any(|p| p.display().to_string() == file);
    let mut named_skipped = pending.iter().filter(|s| named(&s.file)).count();
    let mut read = 0;
    for f in files {
        match guarded(|| Report::open_to(&f, depth)) {
            Ok(r) => {
                if read == 0 {
                    pending.drain(..).for_each(|s| warn(&s));
                }
                read += 1;
                match each(&r) {
                    Ok(()) => {}
                    Err(e) if e.kind() == io::ErrorKind::BrokenPipe => return Ok(()),
                    Err(e) => return Err(UserError(format!("cannot write output: {e}"))),
                }
            }
            Err(e) => {
                let s = Skipped {
                    file: f.display().to_string(),
                    reason: e.into(),
                };
                named_skipped += usize::from(named(&s.file));
                match read {
                    0 => pending.push(s),
                    _ => warn(&s),
                }
            }
        }
    }
    if read == 0 {
        let mut rest = pending.into_iter();
        let first = rest.next();
        rest.for_each(|s| warn(&s));
        return Err(UserError(
            first.map_or_else(|| "no reports".to_owned(), |s| s.to_string()),
        ));
    }
    match named_skipped {
        0 => Ok(()),
        n => Err(UserError(format!(
            "{n} file(s) named on the command line skipped (see the warnings above); the rest was written"
        ))),
    }
}

/// The end of the output written: a closed pipe is no failure.
pub fn written(r: io::Result<()>) -> Result<(), UserError> {
    match r {
        Err(e) if e.kind() != io::ErrorKind::BrokenPipe => {
            Err(UserError(format!("cannot write output: {e}")))
        }
        _ => Ok(()),
    }
}

fn warn(s: &Skipped) {
    eprintln!("lawgov-tui: warning: skipped {}", printable(&s.to_string()));
}

/// A JSON array written an element at a time, as [`super::write_json`]
/// writes a whole one (pretty, two spaces an indent level).
#[derive(Default)]
pub struct JsonArray {
    started: bool,
}

impl JsonArray {
    pub fn push(&mut self, out: &mut impl Write, value: &impl serde::Serialize) -> io::Result<()> {
        let text = super::json_text(value)?;
        out.write_all(if self.started { b",\n" } else { b"[\n" })?;
        self.started = true;
        // JSON strings hold no raw line end: every line is the value's.
        for (i, line) in text.split('\n').enumerate() {
            if i > 0 {
                out.write_all(b"\n")?;
            }
            write!(out, "  {line}")?;
        }
        Ok(())
    }

    pub fn finish(self, out: &mut impl Write) -> io::Result<()> {
        match self.started {
            true => out.write_all(b"\n]\n"),
            false => out.write_all(b"[]\n"),
        }
    }
}

/// CSV records written a report at a time: the header comes with the
/// first record, as one writer over the whole output would write it.
#[derive(Default)]
pub struct CsvRows {
    header_written: bool,
}

impl CsvRows {
    pub fn write<T: serde::Serialize>(
        &mut self,
        out: &mut impl Write,
        rows: impl IntoIterator<Item = T>,
    ) -> io::Result<()> {
        let mut w = csv::WriterBuilder::new()
            .has_headers(!self.header_written)
            .from_writer(Vec::new());
        for row in rows {
            w.serialize(row).map_err(super::csv_to_io)?;
            self.header_written = true;
        }
        let bytes = w
            .into_inner()
            .map_err(|e| io::Error::other(e.to_string()))?;
        out.write_all(&bytes)
    }

    /// Plain records (a header the caller writes first).
    pub fn records(out: &mut impl Write, rows: &[Vec<String>]) -> io::Result<()> {
        let mut w = csv::Writer::from_writer(Vec::new());
        for row in rows {
            w.write_record(row).map_err(super::csv_to_io)?;
        }
        let bytes = w
            .into_inner()
            .map_err(|e| io::Error::other(e.to_string()))?;
        out.write_all(&bytes)
    }
}
