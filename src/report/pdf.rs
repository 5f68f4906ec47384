//! A PDF's text layer to the report's lines. lopdf (maintained, MIT)
//! parses the file; the pages' content streams are walked here (walk.rs)
//! to hand each glyph over with its position, which is what tells a
//! wrapped line from a paragraph's end, a running header from the text,
//! and a page number from a figure. Fonts are decoded through their
//! ToUnicode CMaps (fonts.rs, cmap.rs), which is how every PDF writer stores
//! Chinese (the fixtures' WenQuanYi subsets come back as the characters
//! written). pdf-extract, which did the walk before, read every font
//! afresh on every page, and no maintained crate keeps a document's fonts
//! across pages; walk.rs says more.
//!
//! The glyphs of a page are put into lines by their baseline; lines in the
//! top and bottom margins that are page numbers or repeat on other pages
//! are dropped; a line that reaches the right margin goes on in the next
//! when that one starts at the left margin (a paragraph's first line is
//! indented, a heading starts with its marker); a title broken over two
//! centred lines is one line.

use std::collections::HashMap;

use lopdf::Document;

use walk::{Glyph, Page};

use super::outline::marker_of;
use super::unwrap::is_page_number;
use super::LoadError;

mod cmap;
mod content;
mod fonts;
mod walk;

/// The share of a page's height at its top and at its bottom where
/// running headers, footers and page numbers stand.
const MARGIN_SHARE: f64 = 0.11;

/// The report text of a PDF, one logical line per line.
pub fn read(bytes: &[u8]) -> Result<String, LoadError> {
    // The reader walks untrusted structures and has panics of its own: one
    // becomes this file's reason, never the folder's end.
    let pages = crate::guard::catch(|| glyphs(bytes))
        .map_err(|bug| LoadError::Damaged(format!("the PDF reader failed on it ({bug})")))??;
    if pages.iter().all(|p| p.glyphs.is_empty()) {
        return Err(LoadError::NoTextLayer);
    }
    let lines = page_lines(&pages);
    let lines = drop_furniture(lines, &pages);
    let text = join_lines(&lines);
    if crate::text::is_blank(&text) {
        return Err(LoadError::NoTextLayer);
    }
    Ok(text)
}

fn glyphs(bytes: &[u8]) -> Result<Vec<Page>, LoadError> {
    let mut doc = Document::load_mem(bytes).map_err(|e| damaged(&e))?;
    if doc.is_encrypted() && doc.decrypt("").is_err() {
        return Err(LoadError::Encrypted);
    }
    walk::pages(&doc).map_err(|e| damaged(&e))
}

fn damaged(e: &lopdf::Error) -> LoadError {
    let what = e.to_string();
    let what = what.lines().next().unwrap_or("").trim();
    LoadError::Damaged(format!("damaged or truncated PDF ({what})"))
}

/// One printed line: its text and where it stands.
#[derive(Debug, Clone)]
struct PdfLine {
    page: usize,
    text: String,
    x0: f64,
    x1: f64,
    y: f64,
    size: f64,
}

/// The lines of every page, top to bottom, each left to right.
fn page_lines(pages: &[Page]) -> Vec<PdfLine> {
    let mut out = Vec::new();
    for (no, page) in pages.iter().enumerate() {
        let mut glyphs: Vec<&Glyph> = page.glyphs.iter().filter(|g| g.size > 0.0).collect();
        glyphs.sort_by(|a, b| a.y.total_cmp(&b.y).then(a.x.total_cmp(&b.x)));
        let mut rows: Vec<Vec<&Glyph>> = Vec::new();
        for g in glyphs {
            match rows.last_mut() {
                // One baseline, give or take a superscript.
                Some(row) if (g.y - row[0].y).abs() <= 0.4 * row[0].size.max(g.size) => row.push(g),
                _ => rows.push(vec![g]),
            }
        }
        for mut row in rows {
            row.sort_by(|a, b| a.x.total_cmp(&b.x));
            out.push(line_of(no, &row));
        }
    }
    out
}

fn line_of(page: usize, row: &[&Glyph]) -> PdfLine {
    let mut text = String::new();
    let mut end: Option<f64> = None;
    for g in row {
        // A gap wider than a quarter em is a space the writer moved over.
        if end.is_some_and(|e| g.x - e > 0.25 * g.size) {
            text.push(' ');
        }
        text.push_str(&g.text);
        end = Some(g.x + g.advance);
    }
    let size = row.iter().map(|g| g.size).fold(0.0, f64::max);
    PdfLine {
        page,
        text,
        x0: row.first().map_or(0.0, |g| g.x),
        x1: end.unwrap_or(0.0),
        y: row.first().map_or(0.0, |g| g.y),
        size,
    }
}

/// The lines less page numbers and the running headers and footers: lines
/// in a page's top or bottom margin that other pages repeat (digits aside).
fn drop_furniture(lines: Vec<PdfLine>, pages: &[Page]) -> Vec<PdfLine> {
    let in_margin = |l: &PdfLine| {
        let h = pages.get(l.page).map_or(0.0, |p| p.height);
        l.y < h * MARGIN_SHARE || l.y > h * (1.0 - MARGIN_SHARE)
    };
    let key = |l: &PdfLine| -> String {
        l.text
            .chars()
            .filter(|c| !c.is_ascii_digit() && !c.is_whitespace())
            .collect()
    };
    let mut pages_of: HashMap<String, Vec<usize>> = HashMap::new();
    for l in lines.iter().filter(|l| in_margin(l)) {
        let seen = pages_of.entry(key(l)).or_default();
        if seen.last() != Some(&l.page) {
            seen.push(l.page);
        }
    }
    lines
        .into_iter()
        .filter(|l| {
            !(is_page_number(&l.text)
                || in_margin(l) && pages_of.get(&key(l)).is_some_and(|p| p.len() >= 2))
        })
        .collect()
}

/// The printed lines as logical lines.
fn join_lines(lines: &[PdfLine]) -> String {
    let body = body_size(lines);
    let left = margin(lines, body, |l| -l.x0).map_or(0.0, |m| -m);
    let right = right_edge(lines, body);
    let mut out = String::new();
    for (i, line) in lines.iter().enumerate() {
        if i > 0 {
            let prev = &lines[i - 1];
            // A line broken early keeps a closing mark off the next line's
            // start, or a figure whole: two or three chars short.
            let wraps = prev.x1 >= right - 3.0 * prev.size
                && line.x0 <= left + 0.5 * line.size
                && marker_of(&line.text).is_none();
            let title_goes_on = is_centred(prev, left, right)
                && is_centred(line, left, right)
                && prev.size > body * 1.1
                && (prev.size - line.size).abs() < 0.5
                && line.page == prev.page;
            if !(wraps || title_goes_on) {
                out.push('\n');
            }
        }
        out.push_str(&line.text);
    }
    out.push('\n');
    out
}

/// The commonest glyph size of the lines: the body text's.
fn body_size(lines: &[PdfLine]) -> f64 {
    let mut counts: HashMap<i64, usize> = HashMap::new();
    for l in lines {
        *counts.entry((l.size * 10.0).round() as i64).or_default() += l.text.chars().count();
    }
    counts
        .into_iter()
        .max_by_key(|&(size, n)| (n, size))
        .map_or(12.0, |(size, _)| size as f64 / 10.0)
}

/// The edge most body lines reach: the largest of `edge` over lines of the
/// body size, which full lines share.
fn margin(lines: &[PdfLine], body: f64, edge: impl Fn(&PdfLine) -> f64) -> Option<f64> {
    lines
        .iter()
        .filter(|l| (l.size - body).abs() < 0.5)
        .map(edge)
        .max_by(f64::total_cmp)
}

/// The right edge of the text block: where most lines of the body size
/// end (the widest line may hang a closing mark past it).
fn right_edge(lines: &[PdfLine], body: f64) -> f64 {
    let mut counts: HashMap<i64, usize> = HashMap::new();
    for l in lines.iter().filter(|l| (l.size - body).abs() < 0.5) {
        *counts.entry(l.x1.round() as i64).or_default() += 1;
    }
    counts
        .into_iter()
        .max_by_key(|&(x, n)| (n, x))
        .map_or(f64::MAX, |(x, _)| x as f64)
}

/// A line set in the middle of the text block, both sides well clear.
fn is_centred(l: &PdfLine, left: f64, right: f64) -> bool {
    let (before, after) = (l.x0 - left, right - l.x1);
    before > 2.0 * l.size && after > 2.0 * l.size && (before - after).abs() < 1.5 * l.size
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fixture(name: &str) -> Vec<u8> {
        let path = format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"));
        std::fs::read(path).expect("fixture")
    }

    /// The report PDF wraps lines at the page width, prints `- N -` at
    /// each foot and the title atop every page after the first.
    #[test]
    fn reads_the_text_layer_as_the_report_s_lines() {
        let text = read(&fixture("formats/hongze-2023.pdf")).unwrap();
        let lines: Vec<&str> = text.lines().collect();
        assert!(!lines.iter().any(|l| is_page_number(l)), "{text}");
        let title = "关于洪泽区2023年度法治政府建设工作的报告";
        assert_eq!(
            lines.iter().filter(|l| l.trim() == title).count(),
            1,
            "{text}"
        );
        assert!(
            lines
                .iter()
                .any(|l| l.contains("大力提升基层依法治理能力水平")),
            "a wrapped line is joined: {text}"
        );
        assert!(
            lines.contains(&"（一）政务服务效能全面提升")
                || lines.contains(&"(一)政务服务效能全面提升"),
            "{text}"
        );
    }

    #[test]
    fn a_pdf_without_text_needs_ocr_and_a_locked_or_cut_one_says_so() {
        assert!(matches!(
            read(&fixture("broken/scanned.pdf")),
            Err(LoadError::NoTextLayer)
        ));
        assert!(matches!(
            read(&fixture("broken/encrypted.pdf")),
            Err(LoadError::Encrypted)
        ));
        let cut = read(&fixture("broken/truncated.pdf"))
            .unwrap_err()
            .to_string();
        assert!(cut.contains("truncated") && !cut.contains('\n'), "{cut}");
    }
}
