//! A light report ([`Report::lighten`]) as bytes and back: what the read
//! cache keeps of a report, so that a library read before opens without
//! reading its files again.
//!
//! Written by hand rather than derived: the report's types are serialized
//! for users (JSON) with fields left out and renamed, some hold names as
//! `&'static str`, and a cache needs every field exactly. The form is
//! plain: integers as LEB128, strings and lists with their length first.
//! Reading never trusts the bytes: every length is checked against what
//! is left, every name against the known ones, and a damaged or foreign
//! entry reads as None.

use std::collections::HashSet;
use std::sync::{Arc, Mutex, OnceLock};

use super::file_map::{FileMap, Piece};
use super::parts::{PartFinding, PartStatus, Parts, PartsCheck};
use super::{Level, Line, LineKind, Meta, Report, Sources, TextEncoding};
use crate::figures::Catalogue;
use crate::text::script::Script;

/// Bytes being written.
#[derive(Default)]
pub struct Writer {
    pub bytes: Vec<u8>,
}

impl Writer {
    pub fn uint(&mut self, mut n: u64) {
        loop {
            let low = (n & 0x7f) as u8;
            n >>= 7;
            if n == 0 {
                self.bytes.push(low);
                return;
            }
            self.bytes.push(low | 0x80);
        }
    }

    pub fn usize(&mut self, n: usize) {
        self.uint(n as u64);
    }

    pub fn u128(&mut self, n: u128) {
        self.uint(n as u64);
        self.uint((n >> 64) as u64);
    }

    pub fn bool(&mut self, b: bool) {
        self.bytes.push(u8::from(b));
    }

    pub fn str(&mut self, s: &str) {
        self.usize(s.len());
        self.bytes.extend_from_slice(s.as_bytes());
    }

    pub fn opt_str(&mut self, s: Option<&str>) {
        self.bool(s.is_some());
        if let Some(s) = s {
            self.str(s);
        }
    }

    /// A small choice (an enum's variant), 0 for none and `i + 1` for `i`.
    pub fn pick(&mut self, i: Option<usize>) {
        self.usize(i.map_or(0, |i| i + 1));
    }
}

/// Bytes being read; every getter is None past the end or on a value out
/// of range.
pub struct Reader<'a> {
    bytes: &'a [u8],
}

impl<'a> Reader<'a> {
    pub fn new(bytes: &'a [u8]) -> Reader<'a> {
        Reader { bytes }
    }

    pub fn is_empty(&self) -> bool {
        self.bytes.is_empty()
    }

    pub fn uint(&mut self) -> Option<u64> {
        let mut n: u64 = 0;
        for shift in (0..64).step_by(7) {
            let (&b, rest) = self.bytes.split_first()?;
            self.bytes = rest;
            n |= u64::from(b & 0x7f).checked_shl(shift)?;
            if b & 0x80 == 0 {
                return Some(n);
            }
        }
        None
    }

    pub fn usize(&mut self) -> Option<usize> {
        usize::try_from(self.uint()?).ok()
    }

    /// A count of things each taking at least one byte: never more than
    /// the bytes left, so that a damaged length cannot ask for memory.
    pub fn count(&mut self) -> Option<usize> {
        self.usize().filter(|&n| n <= self.bytes.len())
    }

    pub fn u128(&mut self) -> Option<u128> {
        let low = u128::from(self.uint()?);
        let high = u128::from(self.uint()?);
        Some(low | (high << 64))
    }

    pub fn bool(&mut self) -> Option<bool> {
        let (&b, rest) = self.bytes.split_first()?;
        self.bytes = rest;
        match b {
            0 => Some(false),
            1 => Some(true),
            _ => None,
        }
    }

    pub fn str(&mut self) -> Option<&'a str> {
        std::str::from_utf8(self.str_bytes()?).ok()
    }

    /// Bytes written with their length first.
    pub fn str_bytes(&mut self) -> Option<&'a [u8]> {
        let n = self.count()?;
        let (s, rest) = self.bytes.split_at(n);
        self.bytes = rest;
        Some(s)
    }

    pub fn string(&mut self) -> Option<String> {
        self.str().map(str::to_owned)
    }

    pub fn opt_string(&mut self) -> Option<Option<String>> {
        match self.bool()? {
            true => Some(Some(self.string()?)),
            false => Some(None),
        }
    }

    /// A choice among `of`, or none.
    pub fn pick<T: Copy>(&mut self, of: &[T]) -> Option<Option<T>> {
        match self.usize()? {
            0 => Some(None),
            i => of.get(i - 1).map(|&t| Some(t)),
        }
    }
}

/// A name kept as `&'static str` (a unit, where a field was read), read
/// back as the same static name. The names are few; the table is capped
/// so that a damaged cache cannot grow it.
pub fn static_name(s: &str) -> Option<&'static str> {
    const MAX_NAMES: usize = 4096;
    static NAMES: OnceLock<Mutex<HashSet<&'static str>>> = OnceLock::new();
    let mut names = NAMES.get_or_init(Default::default).lock().ok()?;
    if let Some(&known) = names.get(s) {
        return Some(known);
    }
    if names.len() >= MAX_NAMES {
        return None;
    }
    let leaked: &'static str = Box::leak(s.to_owned().into_boxed_str());
    names.insert(leaked);
    Some(leaked)
}

const ENCODINGS: [TextEncoding; 8] = [
    TextEncoding::Utf8,
    TextEncoding::Utf8Bom,
    TextEncoding::Utf16Le,
    TextEncoding::Utf16Be,
    TextEncoding::Gb18030,
    TextEncoding::Big5,
    TextEncoding::Pdf,
    TextEncoding::Docx,
];
const KINDS: [LineKind; 3] = [LineKind::Blank, LineKind::Chrome, LineKind::Text];
const SCRIPTS: [Script; 2] = [Script::Simplified, Script::Traditional];
const LEVELS: [Level; 6] = [
    Level::Province,
    Level::City,
    Level::County,
    Level::Zone,
    Level::Township,
    Level::Department,
];
const STATUSES: [PartStatus; 3] = [PartStatus::Section, PartStatus::Mention, PartStatus::Absent];

fn index<T: PartialEq>(of: &[T], t: &T) -> Option<usize> {
    of.iter().position(|x| x == t)
}

impl Report {
    /// The report as the read cache keeps it; None for a report that
    /// cannot be let go (a deadline cut it), which is not kept.
    pub(crate) fn stored(&self) -> Option<Vec<u8>> {
        if self.text_cut.is_some() || self.figures_cut_at.is_some() {
            return None;
        }
        let mut w = Writer::default();
        w.str(&self.text);
        w.pick(index(&ENCODINGS, &self.encoding));
        w.usize(self.lines.len());
        for line in &self.lines {
            w.usize(line.range.start);
            w.usize(line.range.end);
            w.pick(index(&KINDS, &line.kind));
        }
        write_meta(&mut w, &self.meta);
        write_parts(&mut w, &self.parts);
        match &self.file_map {
            Some(map) => {
                w.bool(true);
                w.usize(map.lines.len());
                for pieces in &map.lines {
                    w.usize(pieces.len());
                    for p in pieces {
                        w.usize(p.col);
                        w.usize(p.file_line);
                        w.usize(p.file_col);
                    }
                }
            }
            None => w.bool(false),
        }
        let spans = self.block_spans();
        w.usize(spans.len());
        for &(start, end) in spans.iter() {
            w.usize(start as usize);
            w.usize(end as usize);
        }
        Some(w.bytes)
    }

    /// A report read back from [`Report::stored`] under the name `file`:
    /// light, its outline and figures read from its text (with
    /// `catalogue`) when first asked. None when the bytes are not a whole
    /// stored report.
    pub(crate) fn from_stored(
        file: &str,
        bytes: &[u8],
        catalogue: &Arc<Catalogue>,
    ) -> Option<Report> {
        let mut r = Reader::new(bytes);
        let text = r.string()?;
        let encoding = r.pick(&ENCODINGS)??;
        let n = r.count()?;
        let mut lines = Vec::with_capacity(n);
        for _ in 0..n {
            let range = r.usize()?..r.usize()?;
            let kind = r.pick(&KINDS)??;
            text.get(range.clone())?;
            lines.push(Line { range, kind });
        }
        let meta = read_meta(&mut r)?;
        let parts = read_parts(&mut r)?;
        let file_map = match r.bool()? {
            true => Some(read_file_map(&mut r)?),
            false => None,
        };
        let light_spans = read_spans(&mut r, &text)?;
        if !r.is_empty() {
            return None;
        }
        let mut report = Report {
            file: file.to_owned(),
            text,
            encoding,
            lines,
            meta,
            parts,
            kept_outline: OnceLock::new(),
            kept_figures: OnceLock::new(),
            light_spans,
            reread: None,
            figures_cut_at: None,
            text_cut: None,
            file_map,
        };
        report.lighten(catalogue);
        Some(report)
    }
}

/// The blocks' spans, each a span of the text on char boundaries.
fn read_spans(r: &mut Reader, text: &str) -> Option<Box<[(u32, u32)]>> {
    let n = r.count()?;
    let mut spans = Vec::with_capacity(n);
    for _ in 0..n {
        let (start, end) = (r.usize()?, r.usize()?);
        text.get(start..end)?;
        spans.push((u32::try_from(start).ok()?, u32::try_from(end).ok()?));
    }
    Some(spans.into_boxed_slice())
}

fn write_meta(w: &mut Writer, m: &Meta) {
    for s in [
        &m.issuer,
        &m.place,
        &m.published,
        &m.title,
        &m.source,
        &m.province,
    ] {
        w.opt_str(s.as_deref());
    }
    w.bool(m.year.is_some());
    // A year is stored shifted to stay a small unsigned number.
    w.uint(
        m.year
            .map_or(0, |y| (i64::from(y) - i64::from(i32::MIN)) as u64),
    );
    w.pick(index(&SCRIPTS, &m.script));
    w.pick(m.level.and_then(|l| index(&LEVELS, &l)));
    w.bool(m.division.is_some());
    w.uint(u64::from(m.division.unwrap_or(0)));
    let s = &m.sources;
    for name in [s.place, s.issuer, s.year, s.published] {
        w.opt_str(name);
    }
    w.bool(s.place_inferred);
}

fn read_meta(r: &mut Reader) -> Option<Meta> {
    let issuer = r.opt_string()?;
    let place = r.opt_string()?;
    let published = r.opt_string()?;
    let title = r.opt_string()?;
    let source = r.opt_string()?;
    let province = r.opt_string()?;
    let has_year = r.bool()?;
    let year = i32::try_from(r.uint()? as i64 + i64::from(i32::MIN)).ok()?;
    let script = r.pick(&SCRIPTS)??;
    let level = r.pick(&LEVELS)?;
    let has_division = r.bool()?;
    let division = u32::try_from(r.uint()?).ok()?;
    let mut names = [None; 4];
    for name in &mut names {
        *name = match r.bool()? {
            true => Some(static_name(r.str()?)?),
            false => None,
        };
    }
    let [s_place, s_issuer, s_year, s_published] = names;
    Some(Meta {
        issuer,
        place,
        year: has_year.then_some(year),
        published,
        title,
        source,
        script,
        level,
        province,
        division: has_division.then_some(division),
        sources: Sources {
            place: s_place,
            issuer: s_issuer,
            year: s_year,
            published: s_published,
            place_inferred: r.bool()?,
        },
    })
}

fn write_parts(w: &mut Writer, p: &PartsCheck) {
    for (_, f) in p.parts.named() {
        w.pick(index(&STATUSES, &f.status));
        w.opt_str(f.evidence.as_deref());
        w.bool(f.section.is_some());
        w.usize(f.section.unwrap_or(0));
    }
    w.pick(p.published_on_time.map(usize::from));
}

fn read_parts(r: &mut Reader) -> Option<PartsCheck> {
    let mut finding = || -> Option<PartFinding> {
        let status = r.pick(&STATUSES)??;
        let evidence = r.opt_string()?;
        let has_section = r.bool()?;
        let section = r.usize()?;
        Some(PartFinding {
            status,
            evidence,
            section: has_section.then_some(section),
        })
    };
    let parts = Parts {
        measures: finding()?,
        shortcomings: finding()?,
        leader_duty: finding()?,
        next_year: finding()?,
    };
    Some(PartsCheck {
        parts,
        published_on_time: r.pick(&[false, true])?,
    })
}

fn read_file_map(r: &mut Reader) -> Option<FileMap> {
    let n = r.count()?;
    let mut lines = Vec::with_capacity(n);
    for _ in 0..n {
        let m = r.count()?;
        let mut pieces = Vec::with_capacity(m);
        for _ in 0..m {
            pieces.push(Piece {
                col: r.usize()?,
                file_line: r.usize()?,
                file_col: r.usize()?,
            });
        }
        lines.push(pieces);
    }
    Some(FileMap { lines })
}
