//! One report: its text as written, which lines are web chrome, its
//! metadata, its section tree and its parts check. Everything is computed
//! once, when the report is loaded.

mod body_place;
mod chrome;
mod cite;
mod cut;
mod dates;
mod decode;
mod divisions;
mod docx;
mod file_map;
mod format;
mod gbk;
mod html;
mod lines;
mod meta;
mod nav;
mod outline;
mod part;
mod parts;
mod pdf;
pub mod place;
mod scrub;
mod search;
mod segment;
pub(crate) mod stored;
mod title;
mod unwrap;

use std::ops::Range;
use std::path::Path;
use std::sync::{Arc, OnceLock};

pub use cut::TextCut;
pub use decode::{TextEncoding, MAX_BYTES};
pub use meta::{Meta, Sources};
pub use outline::{Block, BlockKind, Heading, Item, Outline, Section, SectionKind};
pub use parts::{Part, PartFinding, PartStatus, Parts, PartsCheck};
pub use place::Level;
pub use search::Hit;

use std::time::Instant;

use crate::figures::{self, Catalogue, Figure};
use crate::files::{self, ReadError};
use crate::text;
use crate::text::script;

/// Why a file is not a report we can read.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    #[error("{0}")]
    Read(ReadError),
    #[error("empty file (no text)")]
    Empty,
    #[error("too large for a report ({}; the limit is {})", files::mib(*.0 as u64), files::mib(MAX_BYTES as u64))]
    TooLarge(usize),
    #[error("binary file ({0}), not a text report")]
    Binary(&'static str),
    #[error("{0}")]
    Damaged(String),
    #[error("encrypted PDF: it needs a password; save a copy without one to read it")]
    Encrypted,
    #[error("no text layer: a scanned PDF needs OCR first")]
    NoTextLayer,
    #[error("{0} is not read; convert it to .docx with LibreOffice: soffice --headless --convert-to docx FILE")]
    NotConverted(&'static str),
    #[error("a zip archive, not a Word document (it has no word/document.xml)")]
    NotDocx,
    #[error(
        "encoding cannot be told: the bytes read as none of UTF-8, UTF-16, GB18030/GBK or Big5"
    )]
    Undecodable,
    /// A bug met while reading this file: the file is skipped, the rest
    /// are read.
    #[error("could not be read (a bug in lawgov-tui: {0}); the other files are read")]
    Internal(String),
}

/// What a line of the file is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LineKind {
    Blank,
    /// Navigation, metadata tables, footers, signature: not report text.
    Chrome,
    Text,
}

/// One line of the file; `range` is its byte range in [`Report::text`].
#[derive(Debug, Clone)]
pub struct Line {
    pub range: Range<usize>,
    pub kind: LineKind,
}

#[derive(Debug, Clone)]
pub struct Report {
    /// The name the user gave (a path, or `data/NAME` for bundled reports).
    pub file: String,
    /// The decoded text as written, less what a document site wrote into
    /// its lines (watermarks, bullets); lines are those of the file.
    pub text: String,
    pub encoding: TextEncoding,
    pub lines: Vec<Line>,
    pub meta: Meta,
    pub parts: PartsCheck,
    /// The headings, items, sections and blocks ([`Report::sections`] and
    /// the others): kept as read, or, once let go ([`Report::lighten`]),
    /// read again from the text when next asked.
    kept_outline: OnceLock<Outline>,
    /// Every figure the report text states ([`Report::figures`]), kept or
    /// read again as the outline is.
    kept_figures: OnceLock<Vec<Figure>>,
    /// The blocks' spans ([`Report::block_spans`]) while the outline is
    /// let go; empty while it is held.
    light_spans: Box<[(u32, u32)]>,
    /// The catalogue the figures are read again with once let go.
    reread: Option<Arc<Catalogue>>,
    /// The line figure reading stopped in at a deadline
    /// ([`Depth::FullUntil`]); None when every line was read.
    pub figures_cut_at: Option<usize>,
    /// Where a deadline ([`Depth::FullUntil`]) cut the text read: the
    /// report is then that of the text before the cut. None when the
    /// whole file was read.
    pub text_cut: Option<TextCut>,
    /// Where the file's lines were read as other lines (a hard-wrapped
    /// page's lines joined, a page of one line taken apart): where each of
    /// [`Report::lines`] comes from in the file. None when the lines are
    /// the file's.
    pub file_map: Option<file_map::FileMap>,
}

/// How much loading computes.
#[derive(Debug, Clone, Copy)]
pub enum Depth<'a> {
    /// Everything: outline, parts, and figures mapped to this catalogue's
    /// indicators.
    Full(&'a Catalogue),
    /// The outline and parts check alone, `figures` left empty: what
    /// `outline` and `check` read, at several times the speed.
    Outline,
    /// [`Depth::Outline`] without the parts check, which `outline` never
    /// prints: `parts` is [`PartsCheck::unchecked`], and sections are in
    /// the opening or the year's work.
    Sections,
    /// [`Depth::Full`] until a deadline (a command's `--time-limit`): the
    /// text read only as far as it can be in half the time left
    /// ([`Report::text_cut`]), its figures until the deadline
    /// ([`Report::figures_cut_at`]).
    FullUntil(&'a Catalogue, Instant),
}

impl Depth<'static> {
    /// Everything, with the built-in indicator catalogue.
    pub fn full() -> Depth<'static> {
        Depth::Full(Catalogue::builtin())
    }
}

impl Report {
    /// Reads and parses a file with the built-in catalogue; input files
    /// are only ever read.
    pub fn open(path: &Path) -> Result<Report, LoadError> {
        Report::open_to(path, Depth::full())
    }

    /// [`Report::open`], computing what `depth` says.
    pub fn open_to(path: &Path, depth: Depth) -> Result<Report, LoadError> {
        let bytes = files::read_regular(path, MAX_BYTES as u64).map_err(|e| match e {
            ReadError::TooLarge { size, .. } => LoadError::TooLarge(size as usize),
            e => LoadError::Read(e),
        })?;
        Report::from_bytes_to(&path.display().to_string(), &bytes, depth)
    }

    pub fn from_bytes(file: &str, bytes: &[u8]) -> Result<Report, LoadError> {
        Report::from_bytes_to(file, bytes, Depth::full())
    }

    /// [`Report::from_bytes`], computing what `depth` says.
    pub fn from_bytes_to(file: &str, bytes: &[u8], depth: Depth) -> Result<Report, LoadError> {
        let lower = file.to_lowercase();
        if let Some((text, encoding)) = format::read_document(&lower, bytes)? {
            return Ok(Report::parse_page(
                file,
                text,
                encoding,
                depth,
                &html::HeadMeta::default(),
            ));
        }
        let (mut text, encoding) = decode::decode(bytes)?;
        let mut head = html::HeadMeta::default();
        if lower.ends_with(".htm") || lower.ends_with(".html") || html::looks_like_html(&text) {
            (text, head) = html::read(&text);
            if text::is_blank(&text) {
                return Err(LoadError::Empty);
            }
        }
        Ok(Report::parse_page(file, text, encoding, depth, &head))
    }

    /// Parses decoded text. Never fails: text with no structure is one
    /// section.
    ///
    /// ```
    /// use lawgov_tui::report::{Report, TextEncoding};
    /// let r = Report::parse("r.txt", "一、总体情况\n（一）学习。一是培训,二是考核。\n".into(), TextEncoding::Utf8);
    /// assert_eq!(r.headings()[1].marker, "（一）");
    /// assert_eq!(r.items().len(), 2);
    /// ```
    pub fn parse(file: &str, text: String, encoding: TextEncoding) -> Report {
        Report::parse_to(file, text, encoding, Depth::full())
    }

    /// [`Report::parse`], computing what `depth` says.
    pub fn parse_to(file: &str, text: String, encoding: TextEncoding, depth: Depth) -> Report {
        Report::parse_page(file, text, encoding, depth, &html::HeadMeta::default())
    }

    /// [`Report::parse_to`] for a web page's text, with what its head says.
    fn parse_page(
        file: &str,
        text: String,
        encoding: TextEncoding,
        depth: Depth,
        head: &html::HeadMeta,
    ) -> Report {
        let (catalogue, deadline) = match depth {
            Depth::Full(catalogue) => (Some(catalogue), None),
            Depth::FullUntil(catalogue, deadline) => (Some(catalogue), Some(deadline)),
            Depth::Outline | Depth::Sections => (None, None),
        };
        let check_parts = !matches!(depth, Depth::Sections);
        // Under a deadline the reading steps take half of the time left
        // (what they read is cut to fit), the figures the rest.
        let (read, text_cut) = match deadline {
            Some(d) => {
                let now = Instant::now();
                let half = d.saturating_duration_since(now) / 2;
                cut::read_until(text, now + half, |t| Read::of(t, head, check_parts))
            }
            None => (Read::of(text, head, check_parts), None),
        };
        let Read {
            text,
            file_map,
            lines,
            outline,
            meta,
            parts,
        } = read;
        let outline = finish_outline(outline, &parts);
        let (figures, figures_cut_at) = match catalogue {
            Some(catalogue) => figures::extract_until(
                text_lines(&text, &lines),
                |line, col| section_at(&outline.blocks, line, col),
                catalogue,
                deadline,
            ),
            None => (Vec::new(), None),
        };
        // A corpus holds thousands of reports: what each list grew by
        // doubling is given back once it is complete.
        let mut figures = figures;
        figures.shrink_to_fit();
        let mut text = text;
        text.shrink_to_fit();
        let mut lines = lines;
        lines.shrink_to_fit();
        Report {
            file: file.to_owned(),
            encoding,
            meta,
            parts,
            kept_outline: OnceLock::from(outline),
            kept_figures: OnceLock::from(figures),
            light_spans: Box::default(),
            reread: None,
            figures_cut_at,
            text_cut,
            lines,
            text,
            file_map,
        }
    }

    /// The headings, in document order.
    pub fn headings(&self) -> &[Heading] {
        &self.outline().headings
    }

    /// The enumerated items (一是, 1., （一） within a paragraph).
    pub fn items(&self) -> &[Item] {
        &self.outline().items
    }

    /// The section tree in document order; parents come before children.
    pub fn sections(&self) -> &[Section] {
        &self.outline().sections
    }

    /// Report text in reading order; sections index into it.
    pub fn blocks(&self) -> &[Block] {
        &self.outline().blocks
    }

    /// Every figure the report text states, in reading order.
    pub fn figures(&self) -> &[Figure] {
        self.kept_figures.get_or_init(|| match &self.reread {
            Some(catalogue) => self.read_figures(catalogue),
            None => Vec::new(),
        })
    }

    fn outline(&self) -> &Outline {
        self.kept_outline.get_or_init(|| self.read_outline())
    }

    /// Lets go of the outline and the figures, which are read again from
    /// the text, exactly as they were, when next asked (about half a
    /// millisecond): what a library of thousands keeps of the reports
    /// nobody is reading. `catalogue` is the one the report was read with.
    /// A report a deadline cut keeps them, since that reading cannot be
    /// repeated.
    pub fn lighten(&mut self, catalogue: &Arc<Catalogue>) {
        if self.text_cut.is_some() || self.figures_cut_at.is_some() {
            return;
        }
        if let Some(outline) = self.kept_outline.take() {
            self.light_spans = spans_of(&self.lines, &outline.blocks);
        }
        self.kept_figures = OnceLock::new();
        self.reread = Some(Arc::clone(catalogue));
    }

    /// Whether the outline and figures are held now (not let go, or read
    /// again since).
    pub fn is_heavy(&self) -> bool {
        self.kept_outline.get().is_some() || self.kept_figures.get().is_some()
    }

    /// The outline read again from the lines as the first reading left
    /// them: the same steps on the same lines give the same outline.
    fn read_outline(&self) -> Outline {
        let strs: Vec<&str> = self
            .lines
            .iter()
            .map(|l| &self.text[l.range.clone()])
            .collect();
        let facts: Vec<lines::LineFacts> = strs.iter().map(|l| lines::LineFacts::new(l)).collect();
        let kinds: Vec<LineKind> = self.lines.iter().map(|l| l.kind).collect();
        finish_outline(outline::parse(&strs, &facts, &kinds), &self.parts)
    }

    fn read_figures(&self, catalogue: &Catalogue) -> Vec<Figure> {
        let blocks = self.blocks();
        let (mut figures, _) = figures::extract_until(
            text_lines(&self.text, &self.lines),
            |line, col| section_at(blocks, line, col),
            catalogue,
            None,
        );
        figures.shrink_to_fit();
        figures
    }

    /// Where char `col` of line `line` stands in the file, as a user
    /// counts: (1-based line, 0-based char column). Every position shown
    /// or exported goes through here.
    pub fn file_position(&self, line: usize, col: usize) -> (usize, usize) {
        match &self.file_map {
            Some(map) => map.position(line, col),
            None => (line, col),
        }
    }

    /// This report's identity and `figures` alone, for a command that
    /// holds thousands of reports and needs none of their text (`years`):
    /// the file, the metadata, the parts check and the line map stay, so
    /// places, years and the file's own lines read as before.
    pub fn identity_with(&self, figures: Vec<Figure>) -> Report {
        Report {
            file: self.file.clone(),
            text: String::new(),
            encoding: self.encoding,
            lines: Vec::new(),
            meta: self.meta.clone(),
            parts: self.parts.clone(),
            kept_outline: OnceLock::from(Outline::default()),
            kept_figures: OnceLock::from(figures),
            light_spans: Box::default(),
            reread: None,
            figures_cut_at: self.figures_cut_at,
            text_cut: self.text_cut,
            file_map: self.file_map.clone(),
        }
    }

    /// The 1-based file line where line `no` starts.
    pub fn file_line(&self, no: usize) -> usize {
        self.file_position(no, 0).0
    }

    /// The text of line `no` (1-based), as written.
    pub fn line(&self, no: usize) -> &str {
        self.lines
            .get(no.wrapping_sub(1))
            .map_or("", |l| &self.text[l.range.clone()])
    }

    /// The 1-based numbers of the chrome lines.
    pub fn chrome_lines(&self) -> Vec<usize> {
        self.lines
            .iter()
            .enumerate()
            .filter(|(_, l)| l.kind == LineKind::Chrome)
            .map(|(i, _)| i + 1)
            .collect()
    }

    /// The text of block `b`, as written.
    pub fn block_text(&self, b: usize) -> &str {
        let Some(block) = self.blocks().get(b) else {
            return "";
        };
        let line = self.line(block.line);
        line.get(block.bytes.clone()).unwrap_or_default()
    }

    /// The blocks of a section: its own, or with its descendants'.
    pub(crate) fn section_blocks(
        &self,
        s: usize,
        descendants: bool,
    ) -> impl Iterator<Item = usize> + '_ {
        let range = self.sections().get(s).map_or(0..0, |x| x.blocks.clone());
        range.filter(move |&b| descendants || self.blocks()[b].section == s)
    }

    /// A section's text as written, one block per line (heading first).
    pub fn section_text(&self, s: usize, descendants: bool) -> String {
        self.join_blocks(self.section_blocks(s, descendants))
    }

    /// The report up to its `n`th section, or None when it has no more
    /// than `n`: what a comparison reads of a report too long to compare
    /// whole. Sections, blocks and figures keep their indices, so what is
    /// found in the prefix points into the whole report too.
    pub(crate) fn first_sections(&self, n: usize) -> Option<Report> {
        let next = self.sections().get(n)?;
        let blocks_end = next.blocks.start;
        let last_line = self.blocks()[..blocks_end].last().map_or(0, |b| b.line);
        let lines = &self.lines[..last_line.min(self.lines.len())];
        let text_end = lines.last().map_or(0, |l| l.range.end);
        let sections = self.sections()[..n]
            .iter()
            .map(|s| {
                let mut s = s.clone();
                s.blocks.end = s.blocks.end.min(blocks_end);
                s.blocks.start = s.blocks.start.min(s.blocks.end);
                s
            })
            .collect();
        let headings_end = self.sections()[..n]
            .iter()
            .filter_map(|s| s.heading)
            .max()
            .map_or(0, |h| h + 1);
        let outline = Outline {
            headings: self.headings()[..headings_end].to_vec(),
            items: self
                .items()
                .iter()
                .filter(|i| i.section < n)
                .cloned()
                .collect(),
            sections,
            blocks: self.blocks()[..blocks_end].to_vec(),
        };
        let figures: Vec<Figure> = self
            .figures()
            .iter()
            .filter(|f| f.section < n)
            .cloned()
            .collect();
        Some(Report {
            file: self.file.clone(),
            text: self.text[..text_end].to_owned(),
            encoding: self.encoding,
            lines: lines.to_vec(),
            meta: self.meta.clone(),
            parts: self.parts.clone(),
            kept_outline: OnceLock::from(outline),
            kept_figures: OnceLock::from(figures),
            light_spans: Box::default(),
            reread: None,
            figures_cut_at: self.figures_cut_at.filter(|&l| l <= last_line),
            text_cut: self.text_cut,
            file_map: self.file_map.clone(),
        })
    }

    /// The whole report text, chrome left out, one block per line.
    pub fn body_text(&self) -> String {
        let mut out = String::new();
        self.each_block_text(|b, text| {
            if b > 0 {
                out.push('\n');
            }
            out.push_str(text);
        });
        out
    }

    /// Calls `f` with each block and its text, in reading order. An
    /// outline let go is read for the pass and not kept: a pass over every
    /// report of a library (a search's index, reuse) leaves it as light
    /// as it found it.
    pub fn each_block_text(&self, mut f: impl FnMut(usize, &str)) {
        let read;
        let blocks = match self.kept_outline.get() {
            Some(outline) => &outline.blocks,
            None => {
                read = self.read_outline();
                &read.blocks
            }
        };
        for (b, block) in blocks.iter().enumerate() {
            f(
                b,
                self.line(block.line)
                    .get(block.bytes.clone())
                    .unwrap_or_default(),
            );
        }
    }

    /// Where each block lies in [`Report::text`] (byte spans), in reading
    /// order: what a search across reports reads, kept when the outline
    /// is let go so that a search reads no outline again.
    pub fn block_spans(&self) -> std::borrow::Cow<'_, [(u32, u32)]> {
        match self.kept_outline.get() {
            Some(outline) => spans_of(&self.lines, &outline.blocks).into_vec().into(),
            None => self.light_spans.as_ref().into(),
        }
    }

    fn join_blocks(&self, blocks: impl Iterator<Item = usize>) -> String {
        let mut out = String::new();
        for b in blocks {
            if !out.is_empty() {
                out.push('\n');
            }
            out.push_str(self.block_text(b));
        }
        out
    }

    /// Where every item's text lies: its block and the char range in that
    /// block's text, from its marker to the next item in the block or the
    /// block's end (None for an item outside any block). One pass for all,
    /// so that a report of one long line with thousands of items stays
    /// linear.
    pub(crate) fn item_spans(&self) -> Vec<Option<(usize, Range<usize>)>> {
        let mut block = 0;
        (0..self.items().len())
            .map(|i| {
                let it = &self.items()[i];
                while self
                    .blocks()
                    .get(block)
                    .is_some_and(|b| (b.line, b.col + b.len) <= (it.line, it.col))
                {
                    block += 1;
                }
                let b = self
                    .blocks()
                    .get(block)
                    .filter(|b| b.line == it.line && b.col <= it.col)?;
                let end = self
                    .items()
                    .get(i + 1)
                    .filter(|n| n.line == it.line && n.col > it.col)
                    .map_or(b.col + b.len, |n| n.col.min(b.col + b.len));
                Some((block, it.col - b.col..end - b.col))
            })
            .collect()
    }

    /// A short name for lists: place (a department's name for its report)
    /// and year, or the file name.
    pub fn label(&self) -> String {
        let name = Path::new(&self.file)
            .file_stem()
            .map_or_else(|| self.file.clone(), |s| s.to_string_lossy().into_owned());
        // A department's report is the department's, not its place's.
        let who = match self.meta.level {
            Some(Level::Department) => self.meta.issuer.as_ref(),
            _ => None,
        };
        match (who.or(self.meta.place.as_ref()), self.meta.year) {
            (Some(p), Some(y)) => format!("{p} {y}"),
            (Some(p), None) => p.clone(),
            _ => name,
        }
    }
}

/// What the reading steps make of a text, before its figures.
struct Read {
    text: String,
    file_map: Option<file_map::FileMap>,
    lines: Vec<Line>,
    outline: outline::Outline,
    meta: Meta,
    parts: PartsCheck,
}

impl Read {
    fn of(text: String, head: &html::HeadMeta, check_parts: bool) -> Read {
        let text = scrub::scrub(&text).unwrap_or(text);
        // A PDF's wrapped lines joined, or a page of one line taken apart.
        let (text, file_map) = match unwrap::unwrap(&text) {
            Some(u) => (u.text, Some(u.map)),
            None => (text, None),
        };
        let (text, file_map) = match segment::segment(&text) {
            Some(s) => {
                let map = match &file_map {
                    Some(outer) => s.map.through(outer),
                    None => s.map,
                };
                (s.text, Some(map))
            }
            None => (text, file_map),
        };
        let mut lines: Vec<Line> = line_ranges(&text)
            .into_iter()
            .map(|range| Line {
                kind: LineKind::Text,
                range,
            })
            .collect();
        let strs: Vec<&str> = lines.iter().map(|l| &text[l.range.clone()]).collect();
        let facts: Vec<lines::LineFacts> = strs.iter().map(|l| lines::LineFacts::new(l)).collect();
        let kinds = chrome::classify(&text, &facts);
        for (line, kind) in lines.iter_mut().zip(&kinds) {
            line.kind = *kind;
        }
        let script = judge_script(&strs, &kinds);
        let outline = outline::parse(&strs, &facts, &kinds);
        let meta = meta::extract(&strs, &kinds, &outline.headings, script, head);
        let parts = match check_parts {
            true => parts::check(&strs, &kinds, &outline, &meta),
            false => PartsCheck::unchecked(),
        };
        Read {
            text,
            file_map,
            lines,
            outline,
            meta,
            parts,
        }
    }
}

/// The script of the report text, judged from its first paragraphs (the
/// whole file when nothing is report text).
fn judge_script(lines: &[&str], kinds: &[LineKind]) -> script::Script {
    let mut tally = script::Tally::default();
    let body = lines
        .iter()
        .zip(kinds)
        .filter(|(_, k)| **k == LineKind::Text);
    for (line, _) in body {
        if !tally.read(line) {
            break;
        }
    }
    if tally.han == 0 {
        for line in lines {
            if !tally.read(line) {
                break;
            }
        }
    }
    tally.script()
}

/// The outline with each section's part of the parts check, its lists
/// given back what they grew by.
fn finish_outline(mut outline: Outline, parts: &PartsCheck) -> Outline {
    for (s, part) in parts::section_parts(&outline.sections, parts)
        .into_iter()
        .enumerate()
    {
        outline.sections[s].part = part;
    }
    outline.headings.shrink_to_fit();
    outline.items.shrink_to_fit();
    outline.sections.shrink_to_fit();
    outline.blocks.shrink_to_fit();
    outline
}

/// The report text's lines (chrome and blank lines left out), numbered
/// from 1: what figures are read from.
fn text_lines<'a>(text: &'a str, lines: &'a [Line]) -> impl Iterator<Item = (usize, &'a str)> {
    lines
        .iter()
        .enumerate()
        .filter(|(_, l)| l.kind == LineKind::Text)
        .map(|(i, l)| (i + 1, &text[l.range.clone()]))
}

/// The section of the block at or before (line, col); blocks are in
/// reading order.
fn section_at(blocks: &[Block], line: usize, col: usize) -> usize {
    let i = blocks.partition_point(|b| (b.line, b.col) <= (line, col));
    i.checked_sub(1).map_or(0, |i| blocks[i].section)
}

/// Each block's byte span in the text its `lines` are ranges of. A
/// report's text is at most a few times [`MAX_BYTES`], far below 4 GiB.
fn spans_of(lines: &[Line], blocks: &[outline::Block]) -> Box<[(u32, u32)]> {
    let at = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
    blocks
        .iter()
        .map(|b| {
            let start = lines
                .get(b.line.wrapping_sub(1))
                .map_or(0, |l| l.range.start);
            (at(start + b.bytes.start), at(start + b.bytes.end))
        })
        .collect()
}

/// Byte offset of the `n`-th char of `s` (or its length).
pub(crate) fn char_to_byte(s: &str, n: usize) -> usize {
    text::take_chars(s, n).len()
}

fn line_ranges(text: &str) -> Vec<Range<usize>> {
    let base = text.as_ptr() as usize;
    text::split_lines(text)
        .into_iter()
        .map(|l| {
            let start = l.as_ptr() as usize - base;
            start..start + l.len()
        })
        .collect()
}

/// The lines rules written by hand are held to their patterns on.
#[cfg(test)]
pub(crate) mod samples {
    use crate::text::script;

    /// Every line of the bundled reports, as written and in Simplified.
    pub(crate) fn bundled_lines() -> Vec<String> {
        let mut lines = Vec::new();
        for (_, bytes) in crate::bundled::BUNDLED {
            let text = std::str::from_utf8(bytes).expect("utf-8");
            for t in [text.to_owned(), script::to_simplified(text)] {
                lines.extend(t.lines().map(str::to_owned));
            }
        }
        lines
    }

    /// The wild pages (tests/shared/dev/wild) whole, as written: pages as
    /// sites serve them, chrome and all.
    pub(crate) fn wild_pages() -> Vec<String> {
        let wild = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/shared/dev/wild");
        let mut pages = Vec::new();
        for entry in std::fs::read_dir(wild).expect("wild pages") {
            let path = entry.expect("entry").path();
            if path.extension().is_some_and(|e| e == "txt" || e == "html") {
                pages.push(std::fs::read_to_string(path).expect("utf-8 page"));
            }
        }
        pages
    }

    /// Every line of the wild pages.
    pub(crate) fn wild_lines() -> Vec<String> {
        let pages = wild_pages();
        pages
            .iter()
            .flat_map(|p| p.lines().map(str::to_owned))
            .collect()
    }

    /// Each line whole, with every head and tail of it up to `max` chars.
    pub(crate) fn cuts(lines: impl IntoIterator<Item = String>, max: usize) -> Vec<String> {
        let mut out = Vec::new();
        for line in lines {
            let chars: Vec<char> = line.chars().collect();
            let n = chars.len();
            for cut in 0..=n.min(max) {
                out.push(chars[..cut].iter().collect());
                out.push(chars[n - cut..].iter().collect());
            }
            out.push(line);
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The outline records each block's bytes as it reads the line; they
    /// must be the very chars its column and length name.
    #[test]
    fn block_bytes_are_the_blocks_chars() {
        let odd = "\u{3000}\u{3000}一、依法行政。\t本年度\u{a0}完成３项。 \n\
                   （二）标题\n\t\t1. 第一，一是推进。二是完成。\n\
                   一、只有标题。\n无标题段落\u{3000}";
        let mut reports = vec![Report::parse("odd.txt", odd.into(), TextEncoding::Utf8)];
        reports.extend(crate::corpus::Library::bundled().reports);
        for r in &reports {
            for (i, b) in r.blocks().iter().enumerate() {
                let by_chars: String = r.line(b.line).chars().skip(b.col).take(b.len).collect();
                assert_eq!(r.block_text(i), by_chars, "{} block {i}", r.file);
            }
        }
        assert!(reports[0].blocks().len() >= 6, "{:?}", reports[0].blocks());
    }

    /// The line rules read lines as written with patterns made for keys:
    /// every bundled line, and the same with full-width digits and
    /// brackets, is judged as its key is.
    #[test]
    fn line_rules_judge_text_as_they_judge_its_key() {
        let wide = |s: &str| -> String {
            s.chars()
                .map(|c| match c {
                    '0'..='9' | '(' | ')' | ':' | '>' => {
                        char::from_u32(c as u32 + 0xFEE0).unwrap_or(c)
                    }
                    _ => c,
                })
                .collect()
        };
        let mut markers = 0;
        for (_, bytes) in crate::bundled::BUNDLED {
            let text = std::str::from_utf8(bytes).expect("utf-8");
            for text in [text.to_owned(), wide(text)] {
                let key = script::key(&text);
                let lines = text::split_lines(&text);
                let keys = text::split_lines(&key);
                let facts: Vec<_> = lines.iter().map(|l| lines::LineFacts::new(l)).collect();
                let key_facts: Vec<_> = keys.iter().map(|l| lines::LineFacts::new(l)).collect();
                assert_eq!(
                    chrome::classify(&text, &facts),
                    chrome::classify(&key, &key_facts)
                );
                for (f, k) in facts.iter().zip(&key_facts) {
                    let marker = outline::marker_of(f.text);
                    assert_eq!(marker, outline::marker_of(k.text), "{}", f.text);
                    markers += usize::from(marker.is_some());
                }
            }
        }
        assert!(markers > 100, "{markers}");
    }

    /// Loading to the outline gives the same report less its figures.
    #[test]
    fn outline_depth_is_the_full_report_without_figures() {
        for (name, bytes) in crate::bundled::BUNDLED {
            let full = Report::from_bytes(name, bytes).expect("bundled");
            let part = Report::from_bytes_to(name, bytes, Depth::Outline).expect("bundled");
            assert!(!full.figures().is_empty(), "{name}");
            assert!(part.figures().is_empty(), "{name}");
            let without = |r: &Report| {
                format!(
                    "{:?}",
                    Report {
                        kept_figures: OnceLock::from(Vec::new()),
                        light_spans: Box::default(),
                        ..r.clone()
                    }
                )
            };
            assert_eq!(without(&part), without(&full), "{name}");
        }
    }

    /// A report let go of its outline and figures reads them again as
    /// they were, on every form of page the tests hold.
    #[test]
    fn a_lightened_report_reads_its_outline_and_figures_again_as_they_were() {
        let catalogue = Arc::new(Catalogue::builtin().clone());
        let mut pages: Vec<Report> = crate::corpus::Library::bundled().reports;
        let wild = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/shared/dev/wild");
        let mut files: Vec<_> = std::fs::read_dir(&wild)
            .expect("the wild openings")
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "txt" || x == "html"))
            .collect();
        files.sort();
        pages.extend(files.iter().filter_map(|f| Report::open(f).ok()));
        assert!(pages.len() > 30, "{}", pages.len());
        for r in pages {
            let mut light = r.clone();
            light.lighten(&catalogue);
            assert!(!light.is_heavy(), "{}", r.file);
            assert_eq!(light.block_spans(), r.block_spans(), "{}", r.file);
            assert!(!light.is_heavy(), "the spans are kept: {}", r.file);
            assert_eq!(light.figures(), r.figures(), "{}", r.file);
            assert_eq!(light.sections(), r.sections(), "{}", r.file);
            assert_eq!(light.headings(), r.headings(), "{}", r.file);
            assert_eq!(light.items(), r.items(), "{}", r.file);
            assert_eq!(light.blocks(), r.blocks(), "{}", r.file);
            assert!(light.is_heavy(), "{}", r.file);
        }
    }

    #[test]
    fn the_first_sections_of_a_report_keep_their_indices() {
        let mut text =
            String::from("某某市2024年法治政府建设情况报告\n前言正文,全年办结案件3件。\n");
        for i in 1..=30 {
            text.push_str(&format!("({i})第{i}节\n全年办结案件{i}件。\n"));
        }
        let r = Report::parse("r.txt", text, TextEncoding::Utf8);
        assert!(r.first_sections(r.sections().len()).is_none());
        let p = r.first_sections(10).unwrap();
        assert_eq!(p.sections().len(), 10);
        for s in 0..10 {
            assert_eq!(p.section_text(s, true), r.section_text(s, false), "{s}");
            assert_eq!(p.heading_label(s), r.heading_label(s));
        }
        assert!(p.figures().iter().all(|f| f.section < 10));
        assert_eq!(
            p.figures().len(),
            r.figures().iter().filter(|f| f.section < 10).count()
        );
        assert_eq!(&r.text[..p.text.len()], p.text);
    }
}
