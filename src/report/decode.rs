//! Bytes to text. Government pages come as UTF-8 (with or without BOM),
//! UTF-16 with a BOM, or GB18030/GBK; the user never says which.

use encoding_rs::{Encoding, GB18030, UTF_16BE, UTF_16LE, UTF_8};

use super::{gbk, LoadError};

/// Reports are tens of kilobytes; anything past this is not a report, and
/// refusing it early keeps every later step bounded.
pub const MAX_BYTES: usize = 32 * 1024 * 1024;

/// The encoding a text was read in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TextEncoding {
    Utf8,
    Utf8Bom,
    Utf16Le,
    Utf16Be,
    Gb18030,
}

impl TextEncoding {
    pub fn name(self) -> &'static str {
        match self {
            TextEncoding::Utf8 => "UTF-8",
            TextEncoding::Utf8Bom => "UTF-8 (BOM)",
            TextEncoding::Utf16Le => "UTF-16LE",
            TextEncoding::Utf16Be => "UTF-16BE",
            TextEncoding::Gb18030 => "GB18030",
        }
    }
}

/// Decodes `bytes`, refusing what is not a text report: empty input,
/// binary files, undecodable bytes and text made of control characters.
pub fn decode(bytes: &[u8]) -> Result<(String, TextEncoding), LoadError> {
    if bytes.is_empty() {
        return Err(LoadError::Empty);
    }
    if bytes.len() > MAX_BYTES {
        return Err(LoadError::TooLarge(bytes.len()));
    }
    if let Some(kind) = binary_signature(bytes) {
        return Err(LoadError::Binary(kind));
    }
    let (text, enc) = match Encoding::for_bom(bytes) {
        Some((enc, bom)) => (strict(enc, &bytes[bom..])?, bom_kind(enc)),
        None => sniff(bytes)?,
    };
    check_text(&text)?;
    Ok((text, enc))
}

fn bom_kind(enc: &'static Encoding) -> TextEncoding {
    if enc == UTF_16LE {
        TextEncoding::Utf16Le
    } else if enc == UTF_16BE {
        TextEncoding::Utf16Be
    } else {
        TextEncoding::Utf8Bom
    }
}

fn sniff(bytes: &[u8]) -> Result<(String, TextEncoding), LoadError> {
    if memchr::memchr(0, bytes).is_some() {
        return Err(LoadError::Binary("NUL bytes"));
    }
    if let Some(s) = utf8(bytes) {
        return Ok((s.to_owned(), TextEncoding::Utf8));
    }
    let text = match gbk::decode(bytes) {
        Some(text) => text,
        None => strict(GB18030, bytes)?,
    };
    Ok((text, TextEncoding::Gb18030))
}

fn strict(enc: &'static Encoding, bytes: &[u8]) -> Result<String, LoadError> {
    let text = if enc == UTF_8 {
        utf8(bytes).map(str::to_owned)
    } else {
        enc.decode_without_bom_handling_and_without_replacement(bytes)
            .map(|c| c.into_owned())
    };
    text.ok_or(LoadError::Undecodable)
}

/// UTF-8 validation with SIMD: most reports are UTF-8 and nearly all of
/// their bytes are multi-byte Han, where the standard library's check
/// goes a byte at a time.
fn utf8(bytes: &[u8]) -> Option<&str> {
    simdutf8::basic::from_utf8(bytes).ok()
}

/// File formats that are often misnamed or picked up by a folder scan.
fn binary_signature(bytes: &[u8]) -> Option<&'static str> {
    const SIGNATURES: &[(&[u8], &str)] = &[
        (b"\x89PNG\r\n\x1a\n", "a PNG image"),
        (b"\xFF\xD8\xFF", "a JPEG image"),
        (b"GIF8", "a GIF image"),
        (b"%PDF-", "a PDF document"),
        (b"PK\x03\x04", "a ZIP archive (or .docx/.xlsx)"),
        (b"\xD0\xCF\x11\xE0", "an MS Office document"),
        (b"\x1F\x8B", "a gzip archive"),
        (b"\x7FELF", "an executable"),
    ];
    SIGNATURES
        .iter()
        .find(|(magic, _)| bytes.starts_with(magic))
        .map(|&(_, kind)| kind)
}

/// Text that is mostly control characters is a terminal capture or a binary
/// file, not a report; a few stray escapes are kept and shown harmlessly.
fn check_text(text: &str) -> Result<(), LoadError> {
    // Nearly every report has no control character at all: then a byte
    // scan decides, and only a visible character needs finding.
    if !has_control(text.as_bytes()) {
        return match text.chars().any(|c| !c.is_whitespace()) {
            true => Ok(()),
            false => Err(LoadError::Empty),
        };
    }
    let mut visible = 0usize;
    let mut control = 0usize;
    for c in text.chars() {
        match c {
            '\n' | '\r' | '\t' | '\u{c}' => {}
            c if c.is_control() => control += 1,
            c if c.is_whitespace() => {}
            _ => visible += 1,
        }
    }
    if visible == 0 && control == 0 {
        return Err(LoadError::Empty);
    }
    if control * 10 > visible + control {
        return Err(LoadError::Binary("mostly control characters"));
    }
    Ok(())
}

/// Whether UTF-8 `bytes` hold a control character other than the line
/// and page breaks and tab: C0 and DEL are single bytes, and C1
/// (U+0080–U+009F) is 0xC2 followed by 0x80–0x9F.
fn has_control(bytes: &[u8]) -> bool {
    let c0 = |b: u8| (b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0C)) || b == 0x7F;
    // A fold over each chunk (no early exit inside) vectorises.
    bytes
        .chunks(256)
        .any(|ch| ch.iter().fold(false, |any, &b| any | c0(b)))
        || memchr::memchr_iter(0xC2, bytes)
            .any(|i| bytes.get(i + 1).is_some_and(|b| (0x80..0xA0).contains(b)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utf16(s: &str, le: bool) -> Vec<u8> {
        let mut out = if le {
            vec![0xFF, 0xFE]
        } else {
            vec![0xFE, 0xFF]
        };
        for u in s.encode_utf16() {
            let b = if le { u.to_le_bytes() } else { u.to_be_bytes() };
            out.extend_from_slice(&b);
        }
        out
    }

    #[test]
    fn reads_every_supported_encoding() {
        let s = "一、政府职能依法全面履行\r\n（一）１．测试";
        assert_eq!(
            decode(s.as_bytes()).unwrap(),
            (s.to_owned(), TextEncoding::Utf8)
        );
        let bom = [b"\xEF\xBB\xBF".as_slice(), s.as_bytes()].concat();
        assert_eq!(decode(&bom).unwrap(), (s.to_owned(), TextEncoding::Utf8Bom));
        assert_eq!(
            decode(&utf16(s, true)).unwrap(),
            (s.to_owned(), TextEncoding::Utf16Le)
        );
        assert_eq!(
            decode(&utf16(s, false)).unwrap(),
            (s.to_owned(), TextEncoding::Utf16Be)
        );
        let (gbk, _, _) = GB18030.encode(s);
        assert_eq!(decode(&gbk).unwrap(), (s.to_owned(), TextEncoding::Gb18030));
        let trad = "張家港市人民政府";
        let (gbk, _, _) = GB18030.encode(trad);
        assert_eq!(decode(&gbk).unwrap().0, trad);
    }

    #[test]
    fn refuses_what_is_not_a_report() {
        assert!(matches!(decode(b""), Err(LoadError::Empty)));
        assert!(matches!(decode(b"  \n\r\n"), Err(LoadError::Empty)));
        assert!(matches!(
            decode(b"\x89PNG\r\n\x1a\n\0\0"),
            Err(LoadError::Binary(_))
        ));
        assert!(matches!(decode(b"ab\0cd"), Err(LoadError::Binary(_))));
        assert!(matches!(
            decode(&[0x81, 0x20, 0xFF, 0xFE, 0x80]),
            Err(LoadError::Undecodable)
        ));
        let c1 = "\u{85}\u{9b}".repeat(50);
        assert!(matches!(decode(c1.as_bytes()), Err(LoadError::Binary(_))));
        assert!(matches!(
            decode("\u{3000}\u{a0}\n".as_bytes()),
            Err(LoadError::Empty)
        ));
        let escapes = "\u{1b}[2J\u{1b}[31m\u{7}".repeat(50);
        assert!(matches!(
            decode(escapes.as_bytes()),
            Err(LoadError::Binary(_))
        ));
    }
}
