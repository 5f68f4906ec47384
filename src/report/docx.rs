//! A Word (.docx) file to the report's lines: one line per paragraph in
//! document order, a table one line per row with its cells apart. Word
//! stores a numbered heading's `一、` or `（一）` nowhere in its text: the
//! paragraph names a style (styles.xml), the style a list
//! (numbering.xml), and the list's level says what to show (`%1、` in
//! chineseCounting). That marker is what a reader sees, and what the
//! outline reads, so it is generated here as Word does.
//!
//! zip (MIT) opens the package and quick-xml (MIT) reads its parts; no
//! crate reads WordprocessingML's numbering, hence the counters below.

use std::collections::HashMap;
use std::io::{Cursor, Read};

use quick_xml::events::{BytesStart, Event};
use quick_xml::Reader;

use super::{LoadError, MAX_BYTES};

/// The report text of a .docx file.
pub fn read(bytes: &[u8]) -> Result<String, LoadError> {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes))
        .map_err(|e| LoadError::Damaged(format!("damaged Word file (bad zip archive: {e})")))?;
    let document = part(&mut zip, "word/document.xml")?.ok_or(LoadError::NotDocx)?;
    let styles =
        part(&mut zip, "word/styles.xml")?.map_or_else(Styles::default, |x| Styles::read(&x));
    let numbering = part(&mut zip, "word/numbering.xml")?
        .map_or_else(Numbering::default, |x| Numbering::read(&x));
    let text = body(&document, &styles, &numbering)?;
    if crate::text::is_blank(&text) {
        return Err(LoadError::Empty);
    }
    Ok(text)
}

/// One part of the package, at most [`MAX_BYTES`] of it (a zip bomb stops
/// there), or None when the package has no such part.
fn part(zip: &mut zip::ZipArchive<Cursor<&[u8]>>, name: &str) -> Result<Option<String>, LoadError> {
    let file = match zip.by_name(name) {
        Ok(f) => f,
        Err(zip::result::ZipError::FileNotFound) => return Ok(None),
        Err(e) => {
            return Err(LoadError::Damaged(format!(
                "damaged Word file ({name}: {e})"
            )))
        }
    };
    let mut out = Vec::new();
    file.take(MAX_BYTES as u64 + 1)
        .read_to_end(&mut out)
        .map_err(|e| LoadError::Damaged(format!("damaged Word file ({name}: {e})")))?;
    if out.len() > MAX_BYTES {
        return Err(LoadError::TooLarge(out.len()));
    }
    String::from_utf8(out)
        .map(Some)
        .map_err(|_| LoadError::Damaged(format!("damaged Word file ({name} is not UTF-8)")))
}

/// The value of an attribute by its local name (`w:val` → `val`).
fn attr(e: &BytesStart, name: &str) -> Option<String> {
    e.attributes()
        .flatten()
        .find(|a| a.key.local_name().into_inner() == name)
        .map(|a| a.value.into_owned())
}

/// A list reference: which list, which level.
#[derive(Debug, Clone, Copy, Default)]
struct NumRef {
    num: Option<u32>,
    level: Option<usize>,
}

/// What a paragraph style gives a paragraph.
#[derive(Debug, Clone, Default)]
struct Style {
    based_on: Option<String>,
    numbering: NumRef,
}

#[derive(Debug, Default)]
struct Styles(HashMap<String, Style>);

impl Styles {
    fn read(xml: &str) -> Styles {
        let mut styles = HashMap::new();
        let mut reader = Reader::from_str(xml);
        let mut current: Option<(String, Style)> = None;
        while let Ok(ev) = reader.read_event() {
            match ev {
                Event::Start(e) | Event::Empty(e) => match e.local_name().into_inner() {
                    "style" => current = attr(&e, "styleId").map(|id| (id, Style::default())),
                    "basedOn" => {
                        if let Some((_, s)) = &mut current {
                            s.based_on = attr(&e, "val");
                        }
                    }
                    "numId" => {
                        if let Some((_, s)) = &mut current {
                            s.numbering.num = attr(&e, "val").and_then(|v| v.parse().ok());
                        }
                    }
                    "ilvl" => {
                        if let Some((_, s)) = &mut current {
                            s.numbering.level = attr(&e, "val").and_then(|v| v.parse().ok());
                        }
                    }
                    _ => {}
                },
                Event::End(e) if e.local_name().into_inner() == "style" => {
                    if let Some((id, s)) = current.take() {
                        styles.insert(id, s);
                    }
                }
                Event::Eof => break,
                _ => {}
            }
        }
        Styles(styles)
    }

    /// The list a style numbers its paragraphs in, through the styles it
    /// is based on.
    fn numbering(&self, id: &str) -> NumRef {
        let mut at = self.0.get(id);
        for _ in 0..16 {
            let Some(s) = at else { break };
            if s.numbering.num.is_some() {
                return s.numbering;
            }
            at = s.based_on.as_deref().and_then(|b| self.0.get(b));
        }
        NumRef::default()
    }
}

/// One level of a list: how its number is written.
#[derive(Debug, Clone, Default)]
struct Level {
    start: u32,
    format: String,
    text: String,
    style: Option<String>,
}

#[derive(Debug, Default)]
struct Numbering {
    /// abstractNumId → its levels by ilvl.
    abstract_levels: HashMap<u32, HashMap<usize, Level>>,
    /// numId → abstractNumId.
    nums: HashMap<u32, u32>,
}

impl Numbering {
    fn read(xml: &str) -> Numbering {
        let mut n = Numbering::default();
        let mut reader = Reader::from_str(xml);
        let mut abstract_id: Option<u32> = None;
        let mut level: Option<(usize, Level)> = None;
        let mut num_id: Option<u32> = None;
        let num = |e: &BytesStart, name: &str| attr(e, name).and_then(|v| v.parse::<u32>().ok());
        while let Ok(ev) = reader.read_event() {
            match ev {
                Event::Start(e) | Event::Empty(e) => match e.local_name().into_inner() {
                    "abstractNum" => abstract_id = num(&e, "abstractNumId"),
                    "lvl" if abstract_id.is_some() => {
                        let ilvl = num(&e, "ilvl").unwrap_or(0) as usize;
                        level = Some((
                            ilvl,
                            Level {
                                start: 1,
                                ..Level::default()
                            },
                        ));
                    }
                    "start" => {
                        if let Some((_, l)) = &mut level {
                            l.start = num(&e, "val").unwrap_or(1);
                        }
                    }
                    "numFmt" => {
                        if let Some((_, l)) = &mut level {
                            l.format = attr(&e, "val").unwrap_or_default();
                        }
                    }
                    "lvlText" => {
                        if let Some((_, l)) = &mut level {
                            l.text = attr(&e, "val").unwrap_or_default();
                        }
                    }
                    "pStyle" => {
                        if let Some((_, l)) = &mut level {
                            l.style = attr(&e, "val");
                        }
                    }
                    "num" => num_id = num(&e, "numId"),
                    "abstractNumId" => {
                        if let (Some(id), Some(a)) = (num_id, num(&e, "val")) {
                            n.nums.insert(id, a);
                        }
                    }
                    _ => {}
                },
                Event::End(e) => match e.local_name().into_inner() {
                    "lvl" => {
                        if let (Some(a), Some((ilvl, l))) = (abstract_id, level.take()) {
                            n.abstract_levels.entry(a).or_default().insert(ilvl, l);
                        }
                    }
                    "abstractNum" => abstract_id = None,
                    "num" => num_id = None,
                    _ => {}
                },
                Event::Eof => break,
                _ => {}
            }
        }
        n
    }
}

/// Counts the numbered paragraphs of each list as Word does: a level's
/// number goes up, the levels below it start again.
#[derive(Default)]
struct Counters(HashMap<u32, Vec<u32>>);

impl Counters {
    /// The marker a paragraph shows, if it is numbered.
    fn marker(&mut self, numbering: &Numbering, r: NumRef, style: Option<&str>) -> Option<String> {
        let abstract_id = *numbering.nums.get(&r.num?)?;
        let levels = numbering.abstract_levels.get(&abstract_id)?;
        // A style linked to a list says its level in the list's own levels.
        let ilvl = r
            .level
            .or_else(|| {
                levels
                    .iter()
                    .find(|(_, l)| l.style.is_some() && l.style.as_deref() == style)
                    .map(|(i, _)| *i)
            })
            .unwrap_or(0)
            .min(8);
        let level = levels.get(&ilvl)?;
        let counts = self.0.entry(abstract_id).or_insert_with(|| vec![0; 9]);
        let start = |i: usize| levels.get(&i).map_or(1, |l| l.start);
        counts[ilvl] = if counts[ilvl] == 0 {
            start(ilvl)
        } else {
            counts[ilvl] + 1
        };
        for c in counts.iter_mut().skip(ilvl + 1) {
            *c = 0;
        }
        if level.format == "bullet" || level.format == "none" {
            return None;
        }
        let mut out = String::new();
        let mut chars = level.text.chars().peekable();
        while let Some(c) = chars.next() {
            match (c, chars.peek().and_then(|d| d.to_digit(10))) {
                ('%', Some(d @ 1..=9)) => {
                    chars.next();
                    let i = d as usize - 1;
                    let n = if counts[i] == 0 { start(i) } else { counts[i] };
                    let format = levels.get(&i).map_or("decimal", |l| l.format.as_str());
                    out.push_str(&number_in(format, n));
                }
                _ => out.push(c),
            }
        }
        Some(out)
    }
}

/// `n` written in one of Word's number formats.
fn number_in(format: &str, n: u32) -> String {
    match format {
        "chineseCounting"
        | "chineseCountingThousand"
        | "ideographTraditional"
        | "japaneseCounting"
        | "taiwaneseCounting" => chinese(n),
        "decimalFullWidth" | "decimalFullWidth2" => n
            .to_string()
            .chars()
            .map(|c| char::from_u32(c as u32 + 0xFEE0).unwrap_or(c))
            .collect(),
        "lowerLetter" | "upperLetter" => {
            let base = if format == "lowerLetter" { b'a' } else { b'A' };
            let c = (base + ((n.max(1) - 1) % 26) as u8) as char;
            c.to_string().repeat(((n.max(1) - 1) / 26 + 1) as usize)
        }
        "decimalEnclosedCircle" | "decimalEnclosedCircleChinese" if (1..=20).contains(&n) => {
            char::from_u32(0x2460 + n - 1).map_or(n.to_string(), String::from)
        }
        _ => n.to_string(),
    }
}

/// 一 … 九十九 as headings count; larger numbers in digits.
fn chinese(n: u32) -> String {
    const DIGITS: [&str; 10] = ["〇", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
    match n {
        0..=9 => DIGITS[n as usize].to_owned(),
        10..=19 => format!(
            "十{}",
            if n > 10 {
                DIGITS[(n % 10) as usize]
            } else {
                ""
            }
        ),
        20..=99 => format!(
            "{}十{}",
            DIGITS[(n / 10) as usize],
            if !n.is_multiple_of(10) {
                DIGITS[(n % 10) as usize]
            } else {
                ""
            }
        ),
        _ => n.to_string(),
    }
}

/// The paragraph being read.
#[derive(Default)]
struct Paragraph {
    text: String,
    style: Option<String>,
    numbering: NumRef,
}

/// The document's body: paragraphs as lines, table rows as lines with
/// their cells apart.
fn body(xml: &str, styles: &Styles, numbering: &Numbering) -> Result<String, LoadError> {
    let mut reader = Reader::from_str(xml);
    let mut out = String::new();
    let mut counters = Counters::default();
    let mut para: Option<Paragraph> = None;
    let mut in_text = false;
    // Cells of the rows being read (tables nest); a cell's paragraphs.
    let mut rows: Vec<Vec<String>> = Vec::new();
    loop {
        let ev = reader.read_event().map_err(|e| {
            LoadError::Damaged(format!("damaged Word file (word/document.xml: {e})"))
        })?;
        match ev {
            Event::Start(e) | Event::Empty(e) => match e.local_name().into_inner() {
                "p" => para = Some(Paragraph::default()),
                "pStyle" => {
                    if let Some(p) = &mut para {
                        p.style = attr(&e, "val");
                    }
                }
                "numId" => {
                    if let Some(p) = &mut para {
                        p.numbering.num = attr(&e, "val").and_then(|v| v.parse().ok());
                    }
                }
                "ilvl" => {
                    if let Some(p) = &mut para {
                        p.numbering.level = attr(&e, "val").and_then(|v| v.parse().ok());
                    }
                }
                "t" => in_text = true,
                "tab" => push_text(&mut para, "\t"),
                "br" | "cr" => push_text(&mut para, "\n"),
                "tr" => rows.push(Vec::new()),
                "tc" => {
                    if let Some(r) = rows.last_mut() {
                        r.push(String::new());
                    }
                }
                _ => {}
            },
            Event::Text(t) if in_text => push_text(&mut para, &t.xml10_content()),
            Event::GeneralRef(r) if in_text => {
                let c = match r.resolve_char_ref() {
                    Ok(Some(c)) => Some(c),
                    _ => match r.xml10_content().as_ref() {
                        "amp" => Some('&'),
                        "lt" => Some('<'),
                        "gt" => Some('>'),
                        "quot" => Some('"'),
                        "apos" => Some('\''),
                        _ => None,
                    },
                };
                if let Some(c) = c {
                    push_text(&mut para, c.encode_utf8(&mut [0; 4]));
                }
            }
            Event::End(e) => match e.local_name().into_inner() {
                "t" => in_text = false,
                "p" => {
                    if let Some(p) = para.take() {
                        let line = paragraph_line(p, styles, numbering, &mut counters);
                        match rows.last_mut().and_then(|r| r.last_mut()) {
                            Some(cell) => {
                                if !cell.is_empty() && !line.is_empty() {
                                    cell.push(' ');
                                }
                                cell.push_str(&line);
                            }
                            None => {
                                out.push_str(&line);
                                out.push('\n');
                            }
                        }
                    }
                }
                "tr" => {
                    if let Some(cells) = rows.pop() {
                        let row = cells.join("\t");
                        match rows.last_mut().and_then(|r| r.last_mut()) {
                            Some(cell) => cell.push_str(&row),
                            None => {
                                out.push_str(&row);
                                out.push('\n');
                            }
                        }
                    }
                }
                _ => {}
            },
            Event::Eof => break,
            _ => {}
        }
    }
    Ok(out)
}

fn push_text(para: &mut Option<Paragraph>, s: &str) {
    if let Some(p) = para {
        p.text.push_str(s);
    }
}

/// A paragraph's line: the marker its list shows, then its text.
fn paragraph_line(
    p: Paragraph,
    styles: &Styles,
    numbering: &Numbering,
    counters: &mut Counters,
) -> String {
    let style = p.style.as_deref();
    let from_style = style.map(|s| styles.numbering(s)).unwrap_or_default();
    let r = NumRef {
        num: p.numbering.num.or(from_style.num),
        level: p.numbering.level.or(from_style.level),
    };
    // numId 0 takes a paragraph out of its style's list.
    let marker = match r.num {
        Some(0) | None => None,
        Some(_) => counters.marker(numbering, r, style),
    };
    let text = p.text.replace('\n', " ");
    match marker {
        Some(m) if !text.trim().is_empty() => format!("{m}{}", text.trim_start()),
        _ => text,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chinese_counting_reads_as_headings_count() {
        let got: Vec<String> = [1, 9, 10, 11, 20, 21, 99].map(chinese).to_vec();
        assert_eq!(got, ["一", "九", "十", "十一", "二十", "二十一", "九十九"]);
    }
}
