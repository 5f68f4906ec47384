//! Bytes to text. Government pages come as UTF-8 (with or without BOM),
//! UTF-16 with a BOM, GB18030/GBK, or Big5 (Traditional pages and the
//! big5 gateways of mainland sites); the user never says which. A page's
//! own `<meta charset>` is believed when its bytes decode in it; else
//! chardetng (the detector Firefox uses) guesses among the Chinese
//! encodings, and bytes no Chinese encoding reads are refused, saying so.

use chardetng::{EncodingDetector, Iso2022JpDetection, Utf8Detection};
use encoding_rs::{Encoding, BIG5, GB18030, GBK, UTF_16BE, UTF_16LE, UTF_8};

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
    Big5,
    /// A PDF's text layer.
    Pdf,
    /// A Word document's XML.
    Docx,
}

impl TextEncoding {
    pub fn name(self) -> &'static str {
        match self {
            TextEncoding::Utf8 => "UTF-8",
            TextEncoding::Utf8Bom => "UTF-8 (BOM)",
            TextEncoding::Utf16Le => "UTF-16LE",
            TextEncoding::Utf16Be => "UTF-16BE",
            TextEncoding::Gb18030 => "GB18030",
            TextEncoding::Big5 => "Big5",
            TextEncoding::Pdf => "PDF text layer",
            TextEncoding::Docx => "Word (.docx)",
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
        return utf16_without_bom(bytes).ok_or(LoadError::Binary("NUL bytes"));
    }
    if let Some(s) = utf8(bytes) {
        return Ok((s.to_owned(), TextEncoding::Utf8));
    }
    // What the page says it is, then what its bytes look like, then the
    // Chinese encodings in turn: the first that reads every byte.
    let declared = declared_charset(bytes);
    if let Some(read) = declared.and_then(|enc| decode_as(enc, bytes)) {
        return Ok(read);
    }
    // Most pages are GBK, and GBK text reads as Chinese: the detector is
    // asked only of bytes that do not (Big5 read as GBK reads as noise).
    if let Some(read) = decode_as(GBK, bytes).filter(|(t, _)| reads_as_chinese(t)) {
        return Ok(read);
    }
    let tries = [Some(guess(bytes)), Some(GB18030), Some(BIG5)];
    for enc in tries.into_iter().flatten() {
        if let Some(read) = decode_as(enc, bytes) {
            return Ok(read);
        }
    }
    Err(LoadError::Undecodable)
}

/// Whether decoded text reads as Chinese: the commonest characters of
/// the genre, in either script, make at least one in fifty of its Han.
fn reads_as_chinese(text: &str) -> bool {
    let sample = crate::text::take_chars(text, 1024);
    let (mut han, mut common) = (0usize, 0usize);
    for c in sample.chars() {
        if crate::text::chars::is_han(c) {
            han += 1;
            common += usize::from(matches!(
                c,
                '的' | '一'
                    | '是'
                    | '在'
                    | '了'
                    | '和'
                    | '有'
                    | '法'
                    | '政'
                    | '府'
                    | '年'
                    | '市'
                    | '人'
                    | '工'
                    | '作'
                    | '行'
                    | '依'
                    | '治'
                    | '全'
                    | '面'
                    | '加'
                    | '强'
            ));
        }
    }
    han > 0 && common * 50 >= han
}

/// `bytes` in one of the Chinese encodings, when every byte reads.
fn decode_as(enc: &'static Encoding, bytes: &[u8]) -> Option<(String, TextEncoding)> {
    if enc == GB18030 || enc == GBK {
        let text = gbk::decode(bytes).or_else(|| strict(GB18030, bytes).ok())?;
        return Some((text, TextEncoding::Gb18030));
    }
    if enc == BIG5 {
        return Some((strict(BIG5, bytes).ok()?, TextEncoding::Big5));
    }
    None
}

/// The bytes a guess reads: a page's head and opening say its encoding.
const GUESS_BYTES: usize = 64 * 1024;

/// chardetng's guess, among the legacy encodings of the web.
fn guess(bytes: &[u8]) -> &'static Encoding {
    let mut detector = EncodingDetector::new(Iso2022JpDetection::Deny);
    let head = &bytes[..bytes.len().min(GUESS_BYTES)];
    detector.feed(head, head.len() == bytes.len());
    detector.guess(None, Utf8Detection::Deny)
}

/// The charset a page declares in its first bytes (`<meta charset=…>` or
/// `content="text/html; charset=…"`), as the HTML standard's prescan
/// looks for it.
fn declared_charset(bytes: &[u8]) -> Option<&'static Encoding> {
    const PRESCAN: usize = 4096;
    let head = &bytes[..bytes.len().min(PRESCAN)];
    // Only a page declares one, with a tag: text is told by one search.
    memchr::memchr(b'<', head)?;
    let lower = head.to_ascii_lowercase();
    let at = memchr::memmem::find(&lower, b"charset")?;
    let rest = &lower[at + b"charset".len()..];
    let rest = rest.strip_prefix(b"=").or_else(|| {
        let trimmed = rest.trim_ascii_start();
        trimmed.strip_prefix(b"=")
    })?;
    let label: Vec<u8> = rest
        .trim_ascii_start()
        .iter()
        .copied()
        .skip_while(|b| matches!(b, b'"' | b'\''))
        .take_while(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b':'))
        .collect();
    Encoding::for_label(&label)
}

/// UTF-16 written without a byte-order mark (some Windows tools save it
/// so): the NUL bytes, the high bytes of ASCII chars (digits, line ends),
/// nearly all on one side of the code units (the other side's are the
/// low bytes of the few Han such as 一, U+4E00), and the bytes read as
/// UTF-16 of that order. A binary file has NULs on both sides alike.
fn utf16_without_bom(bytes: &[u8]) -> Option<(String, TextEncoding)> {
    if !bytes.len().is_multiple_of(2) {
        return None;
    }
    let (mut even, mut odd) = (0usize, 0usize);
    for at in memchr::memchr_iter(0, bytes) {
        match at % 2 {
            0 => even += 1,
            _ => odd += 1,
        }
    }
    let (enc, kind) = if odd >= 8 * even {
        (UTF_16LE, TextEncoding::Utf16Le)
    } else if even >= 8 * odd {
        (UTF_16BE, TextEncoding::Utf16Be)
    } else {
        return None;
    };
    Some((strict(enc, bytes).ok()?, kind))
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
    fn big5_pages_and_declared_charsets_read_right() {
        let page = "<html><head><meta charset=\"big5\"><title>東城區2022年法治政府建設年度情況報告</title></head>\
                    <body><p>2022年,東城區堅持以習近平法治思想為指導,全面推進依法行政,行政複議案件辦結率達到100%。</p></body></html>";
        let (big5, _, _) = BIG5.encode(page);
        assert_eq!(
            decode(&big5).unwrap(),
            (page.to_owned(), TextEncoding::Big5)
        );
        // Undeclared, the bytes say Big5.
        let text = page.replace(" charset=\"big5\"", "");
        let (big5, _, _) = BIG5.encode(&text);
        assert_eq!(decode(&big5).unwrap(), (text.clone(), TextEncoding::Big5));
        // A page declaring GBK in its http-equiv meta.
        let gb = "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=gb2312\"></head>\
                  <body><p>宜兴市人民政府2024年法治政府建设情况报告</p></body></html>";
        let (bytes, _, _) = GB18030.encode(gb);
        assert_eq!(
            decode(&bytes).unwrap(),
            (gb.to_owned(), TextEncoding::Gb18030)
        );
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
