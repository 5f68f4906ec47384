//! One font's decoding: how a shown string splits into character codes,
//! and the text and the advance each code stands for. A font is read once
//! per document and kept by its dictionary (see walk.rs for why).
//!
//! The CMaps are read by cmap.rs; a simple font's own encoding (a
//! standard one, or one with Differences) by lopdf.

use std::borrow::Cow;
use std::collections::HashMap;

use lopdf::{Dictionary, Document, Object, Stream};

use super::cmap::{self, CidRange, CodeRange};

/// The advance of a glyph the font gives none for, in thousandths of an
/// em: half an em, a Latin letter's, when a standard font leaves out its
/// widths; a CID font says its own default (DW).
const UNKNOWN_WIDTH: f64 = 500.0;

#[derive(Debug)]
enum Kind {
    /// One byte a code; the code picks the width.
    Simple {
        /// The text of each byte by the font's encoding, for codes the
        /// ToUnicode CMap leaves out (or when there is none).
        encoding: Vec<String>,
    },
    /// Codes of one to four bytes, mapped to CIDs, which pick the width.
    Composite {
        codespace: Vec<CodeRange>,
        /// Empty: the code is the CID (Identity-H/V).
        cids: Vec<CidRange>,
        /// The codes are UTF-16 code units (the predefined Uni…-UCS2 and
        /// Uni…-UTF16 CMaps), text when no ToUnicode says otherwise.
        utf16: bool,
    },
}

#[derive(Debug)]
pub(super) struct Font {
    kind: Kind,
    unicode: HashMap<u32, String>,
    widths: HashMap<u32, f64>,
    default_width: f64,
}

/// One character code of a shown string.
#[derive(Debug, Clone, Copy)]
pub(super) struct Code {
    pub code: u32,
    /// Its length in bytes: word spacing applies to a one-byte 32 only.
    pub len: u8,
}

impl Font {
    pub fn load(doc: &Document, font: &Dictionary) -> Font {
        let unicode = to_unicode(doc, font);
        if name(doc, font, b"Subtype") == Some(b"Type0".as_slice()) {
            composite(doc, font, unicode)
        } else {
            simple(doc, font, unicode)
        }
    }

    /// The codes of a shown string, in order.
    pub fn codes<'a>(&'a self, bytes: &'a [u8]) -> impl Iterator<Item = Code> + 'a {
        let mut rest = bytes;
        std::iter::from_fn(move || {
            let code = self.next_code(rest)?;
            rest = &rest[usize::from(code.len)..];
            Some(code)
        })
    }

    fn next_code(&self, bytes: &[u8]) -> Option<Code> {
        let first = *bytes.first()?;
        let Kind::Composite { codespace, .. } = &self.kind else {
            return Some(Code {
                code: u32::from(first),
                len: 1,
            });
        };
        let mut code = 0u32;
        for (i, &b) in bytes.iter().take(4).enumerate() {
            code = code << 8 | u32::from(b);
            let len = i as u8 + 1;
            if codespace
                .iter()
                .any(|r| r.len == len && (r.first..=r.last).contains(&code))
            {
                return Some(Code { code, len });
            }
        }
        // Outside every range: the shortest code of the font, so that the
        // rest of the string still reads.
        let len = codespace.iter().map(|r| r.len).min().unwrap_or(1);
        let len = usize::from(len).clamp(1, bytes.len());
        let code = bytes[..len]
            .iter()
            .fold(0u32, |c, &b| c << 8 | u32::from(b));
        Some(Code {
            code,
            len: len as u8,
        })
    }

    /// The text a code shows: its ToUnicode entry, else what the font's
    /// encoding says, else nothing.
    pub fn text(&self, code: Code) -> Cow<'_, str> {
        if let Some(text) = self.unicode.get(&code.code) {
            return Cow::Borrowed(text);
        }
        match &self.kind {
            Kind::Simple { encoding } => {
                Cow::Borrowed(encoding.get(code.code as usize).map_or("", |s| s))
            }
            Kind::Composite { utf16: true, .. } => {
                char::from_u32(code.code).map_or(Cow::Borrowed(""), |c| Cow::Owned(c.to_string()))
            }
            Kind::Composite { .. } => Cow::Borrowed(""),
        }
    }

    /// The advance of a code, in thousandths of an em.
    pub fn width(&self, code: Code) -> f64 {
        let key = match &self.kind {
            Kind::Composite { cids, .. } if !cids.is_empty() => cids
                .iter()
                .find(|r| (r.first..=r.last).contains(&code.code))
                .map_or(0, |r| code.code - r.first + r.cid),
            _ => code.code,
        };
        self.widths.get(&key).copied().unwrap_or(self.default_width)
    }
}

fn simple(doc: &Document, font: &Dictionary, unicode: HashMap<u32, String>) -> Font {
    let mut widths = HashMap::new();
    let first = get(doc, font, b"FirstChar").and_then(number);
    let list = get(doc, font, b"Widths").and_then(|o| o.as_array().ok());
    if let (Some(first), Some(list)) = (first, list) {
        for (i, w) in list.iter().enumerate() {
            if let Some(w) = number(deref(doc, w)) {
                widths.insert(first as u32 + i as u32, w);
            }
        }
    }
    let missing = get(doc, font, b"FontDescriptor")
        .and_then(|d| d.as_dict().ok())
        .and_then(|d| get(doc, d, b"MissingWidth"))
        .and_then(number);
    // Without widths (a standard font) every glyph is guessed alike.
    let default_width = if widths.is_empty() {
        UNKNOWN_WIDTH
    } else {
        missing.unwrap_or(0.0)
    };
    Font {
        kind: Kind::Simple {
            encoding: encoding(doc, font),
        },
        unicode,
        widths,
        default_width,
    }
}

/// The text of each byte by the simple font's own encoding, the ToUnicode
/// CMap set aside (lopdf would prefer it when no Encoding is named).
fn encoding(doc: &Document, font: &Dictionary) -> Vec<String> {
    let mut bare = font.clone();
    bare.remove(b"ToUnicode");
    let Ok(encoding) = bare.get_font_encoding(doc) else {
        return Vec::new();
    };
    (0..=255u8)
        .map(|b| encoding.bytes_to_string(&[b]).unwrap_or_default())
        .collect()
}

fn composite(doc: &Document, font: &Dictionary, unicode: HashMap<u32, String>) -> Font {
    let two_bytes = || {
        vec![CodeRange {
            len: 2,
            first: 0,
            last: 0xffff,
        }]
    };
    let (codespace, cids, utf16) = match get(doc, font, b"Encoding") {
        Some(Object::Stream(stream)) => match cmap::encoding(&contents(stream)) {
            (codespace, cids) if !codespace.is_empty() => (codespace, cids, false),
            _ => (two_bytes(), Vec::new(), false),
        },
        // Identity-H/V and, read as two-byte codes, every predefined CMap
        // (the CJK ones are mostly two bytes a character).
        Some(Object::Name(name)) => {
            let utf16 = name.starts_with(b"Uni")
                && (name.windows(4).any(|w| w == b"UCS2")
                    || name.windows(5).any(|w| w == b"UTF16"));
            (two_bytes(), Vec::new(), utf16)
        }
        _ => (two_bytes(), Vec::new(), false),
    };
    let descendant = get(doc, font, b"DescendantFonts")
        .and_then(|o| o.as_array().ok())
        .and_then(|a| a.first())
        .and_then(|o| deref(doc, o).as_dict().ok());
    let (widths, default_width) = descendant.map_or((HashMap::new(), 1000.0), |d| {
        let default = get(doc, d, b"DW").and_then(number).unwrap_or(1000.0);
        (cid_widths(doc, d), default)
    });
    Font {
        kind: Kind::Composite {
            codespace,
            cids,
            utf16,
        },
        unicode,
        widths,
        default_width,
    }
}

/// A CID font's W array: `c [w1 w2 …]` gives CIDs from c on their widths,
/// `c_first c_last w` gives the range one width.
fn cid_widths(doc: &Document, cid_font: &Dictionary) -> HashMap<u32, f64> {
    let mut widths = HashMap::new();
    let Some(list) = get(doc, cid_font, b"W").and_then(|o| o.as_array().ok()) else {
        return widths;
    };
    let list: Vec<&Object> = list.iter().map(|o| deref(doc, o)).collect();
    let mut i = 0;
    while i + 1 < list.len() {
        let Some(first) = number(list[i]).map(|c| c as u32) else {
            break;
        };
        if let Ok(each) = list[i + 1].as_array() {
            for (j, w) in each.iter().enumerate() {
                if let Some(w) = number(deref(doc, w)) {
                    widths.insert(first + j as u32, w);
                }
            }
            i += 2;
        } else {
            let last = number(list[i + 1]).map_or(first, |c| c as u32);
            let Some(w) = list.get(i + 2).and_then(|o| number(o)) else {
                break;
            };
            // A damaged range must not make a map of four billion entries.
            for cid in first..=last.min(first.saturating_add(0xffff)) {
                if widths.len() >= cmap::MAX_CODES {
                    break;
                }
                widths.insert(cid, w);
            }
            i += 3;
        }
    }
    widths
}

/// The font's ToUnicode CMap: code to text.
fn to_unicode(doc: &Document, font: &Dictionary) -> HashMap<u32, String> {
    let Some(Object::Stream(stream)) = get(doc, font, b"ToUnicode") else {
        return HashMap::new();
    };
    cmap::unicode_map(&contents(stream))
}

/// A stream's data, decoded by its filters where they can be.
pub(super) fn contents(stream: &Stream) -> Vec<u8> {
    stream
        .decompressed_content()
        .unwrap_or_else(|_| stream.content.clone())
}

/// An object, followed through references (a few, against cycles).
pub(super) fn deref<'a>(doc: &'a Document, mut object: &'a Object) -> &'a Object {
    for _ in 0..8 {
        match object {
            Object::Reference(id) => match doc.get_object(*id) {
                Ok(o) => object = o,
                Err(_) => return &Object::Null,
            },
            _ => return object,
        }
    }
    &Object::Null
}

/// A dictionary's entry, references followed.
pub(super) fn get<'a>(doc: &'a Document, dict: &'a Dictionary, key: &[u8]) -> Option<&'a Object> {
    dict.get(key).ok().map(|o| deref(doc, o))
}

fn name<'a>(doc: &'a Document, dict: &'a Dictionary, key: &[u8]) -> Option<&'a [u8]> {
    get(doc, dict, key).and_then(|o| o.as_name().ok())
}

/// A PDF number as f64.
pub(super) fn number(object: &Object) -> Option<f64> {
    match *object {
        Object::Integer(i) => Some(i as f64),
        Object::Real(r) => Some(f64::from(r)),
        _ => None,
    }
}
