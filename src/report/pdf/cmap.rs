//! The CMaps a PDF embeds: a font's ToUnicode map (code to text) and a
//! composite font's encoding (code lengths and code-to-CID ranges).
//!
//! Read here rather than by a crate: adobe-cmap-parser builds and formats
//! an error message at every alternative its parser tries, which made the
//! CMaps half of a PDF's load time, and lopdf's parser is not public. A
//! CMap is a flat run of PostScript tokens; only the `bf…`, `cid…` and
//! `codespacerange` blocks carry what we read.

use std::collections::HashMap;

/// The most codes one range may give: a damaged range must not make a map
/// of four billion entries.
const MAX_RANGE: u32 = 0xffff;

/// The most codes a map holds, twice a full CID font's glyphs: many large
/// ranges in a hostile file stop here.
pub(super) const MAX_CODES: usize = 0x20000;

#[derive(Debug, Clone, PartialEq)]
enum Token<'a> {
    /// A string's bytes (hex `<…>` or literal `(…)`).
    Bytes(Vec<u8>),
    Int(i64),
    Keyword(&'a [u8]),
    Open,
    Close,
}

/// Code to text, as the ToUnicode CMap says (UTF-16BE values).
pub(super) fn unicode_map(data: &[u8]) -> HashMap<u32, String> {
    let tokens = tokens(data);
    let mut map = HashMap::new();
    for block in blocks(&tokens, b"beginbfchar", b"endbfchar") {
        for pair in block.chunks_exact(2) {
            if let (Token::Bytes(src), Token::Bytes(dst)) = (&pair[0], &pair[1]) {
                insert(&mut map, code(src), utf16(dst));
            }
        }
    }
    for block in blocks(&tokens, b"beginbfrange", b"endbfrange") {
        let mut rest = block;
        while let [Token::Bytes(lo), Token::Bytes(hi), target, tail @ ..] = rest {
            if map.len() >= MAX_CODES {
                break;
            }
            let (lo, hi) = (code(lo), code(hi));
            let hi = hi.min(lo.saturating_add(MAX_RANGE));
            match target {
                // The first code's text, its last unit counting up.
                Token::Bytes(dst) => {
                    let units = utf16(dst);
                    for (i, c) in (lo..=hi).enumerate() {
                        let mut units = units.clone();
                        if let Some(last) = units.last_mut() {
                            *last = last.wrapping_add(i as u16);
                        }
                        insert(&mut map, c, units);
                    }
                    rest = tail;
                }
                // One text per code.
                Token::Open => {
                    let end = tail
                        .iter()
                        .position(|t| *t == Token::Close)
                        .unwrap_or(tail.len());
                    for (c, dst) in (lo..=hi).zip(&tail[..end]) {
                        if let Token::Bytes(dst) = dst {
                            insert(&mut map, c, utf16(dst));
                        }
                    }
                    rest = tail.get(end + 1..).unwrap_or(&[]);
                }
                _ => rest = tail,
            }
        }
    }
    map
}

/// A range of codes of one length in bytes (a CMap's codespace).
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct CodeRange {
    pub len: u8,
    pub first: u32,
    pub last: u32,
}

/// Codes `first..=last` stand for CIDs from `cid` on.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct CidRange {
    pub first: u32,
    pub last: u32,
    pub cid: u32,
}

/// A composite font's encoding CMap: its code ranges and CID ranges.
pub(super) fn encoding(data: &[u8]) -> (Vec<CodeRange>, Vec<CidRange>) {
    let tokens = tokens(data);
    let mut codespace = Vec::new();
    for block in blocks(&tokens, b"begincodespacerange", b"endcodespacerange") {
        for pair in block.chunks_exact(2) {
            if let (Token::Bytes(lo), Token::Bytes(hi)) = (&pair[0], &pair[1]) {
                if (1..=4).contains(&lo.len()) {
                    codespace.push(CodeRange {
                        len: lo.len() as u8,
                        first: code(lo),
                        last: code(hi),
                    });
                }
            }
        }
    }
    let mut cids = Vec::new();
    for block in blocks(&tokens, b"begincidrange", b"endcidrange") {
        for triple in block.chunks_exact(3) {
            if let [Token::Bytes(lo), Token::Bytes(hi), Token::Int(cid)] = triple {
                cids.push(CidRange {
                    first: code(lo),
                    last: code(hi),
                    cid: *cid as u32,
                });
            }
        }
    }
    for block in blocks(&tokens, b"begincidchar", b"endcidchar") {
        for pair in block.chunks_exact(2) {
            if let [Token::Bytes(c), Token::Int(cid)] = pair {
                cids.push(CidRange {
                    first: code(c),
                    last: code(c),
                    cid: *cid as u32,
                });
            }
        }
    }
    (codespace, cids)
}

fn insert(map: &mut HashMap<u32, String>, code: u32, units: Vec<u16>) {
    if map.len() >= MAX_CODES && !map.contains_key(&code) {
        return;
    }
    // A lone surrogate is no text.
    if let Ok(text) = String::from_utf16(&units) {
        map.insert(code, text);
    }
}

/// A string's bytes as a code, big-endian.
fn code(bytes: &[u8]) -> u32 {
    bytes.iter().fold(0, |c, &b| c << 8 | u32::from(b))
}

/// A string's bytes as UTF-16BE units (an odd last byte dropped).
fn utf16(bytes: &[u8]) -> Vec<u16> {
    bytes
        .chunks_exact(2)
        .map(|p| u16::from_be_bytes([p[0], p[1]]))
        .collect()
}

/// The tokens between each `begin` keyword and its `end`.
fn blocks<'t, 'a>(
    tokens: &'t [Token<'a>],
    begin: &'static [u8],
    end: &'static [u8],
) -> impl Iterator<Item = &'t [Token<'a>]> {
    let mut rest = tokens;
    std::iter::from_fn(move || {
        let start = rest.iter().position(|t| *t == Token::Keyword(begin))? + 1;
        let len = rest[start..]
            .iter()
            .position(|t| *t == Token::Keyword(end))
            .unwrap_or(rest.len() - start);
        let block = &rest[start..start + len];
        rest = &rest[(start + len).min(rest.len())..];
        Some(block)
    })
}

fn tokens(data: &[u8]) -> Vec<Token<'_>> {
    let mut out = Vec::new();
    let mut i = 0;
    while let Some(&b) = data.get(i) {
        match b {
            b'%' => {
                while data.get(i).is_some_and(|&c| c != b'\n' && c != b'\r') {
                    i += 1;
                }
            }
            b'<' if data.get(i + 1) == Some(&b'<') => i += 2,
            b'>' => i += 1,
            b'<' => {
                let end = data[i..]
                    .iter()
                    .position(|&c| c == b'>')
                    .map_or(data.len(), |p| i + p);
                out.push(Token::Bytes(hex(&data[i + 1..end])));
                i = end + 1;
            }
            b'(' => {
                let (bytes, end) = literal(data, i + 1);
                out.push(Token::Bytes(bytes));
                i = end;
            }
            b'[' => {
                out.push(Token::Open);
                i += 1;
            }
            b']' => {
                out.push(Token::Close);
                i += 1;
            }
            b'{' | b'}' => i += 1,
            _ if b.is_ascii_whitespace() || b == 0 => i += 1,
            _ => {
                let start = i;
                // A name's slash starts a word; the next one ends it.
                i += 1;
                while data
                    .get(i)
                    .is_some_and(|&c| !c.is_ascii_whitespace() && !b"%<>()[]{}/".contains(&c))
                {
                    i += 1;
                }
                let word = &data[start..i];
                match std::str::from_utf8(word).ok().and_then(|w| w.parse().ok()) {
                    Some(n) => out.push(Token::Int(n)),
                    None => out.push(Token::Keyword(word)),
                }
            }
        }
    }
    out
}

/// Hex digits to bytes, whitespace skipped, an odd last digit as if
/// followed by 0.
pub(super) fn hex(digits: &[u8]) -> Vec<u8> {
    let nibbles: Vec<u8> = digits
        .iter()
        .filter_map(|&c| (c as char).to_digit(16).map(|d| d as u8))
        .collect();
    nibbles
        .chunks(2)
        .map(|p| p[0] << 4 | p.get(1).copied().unwrap_or(0))
        .collect()
}

/// A literal string from just after its `(`: its bytes and where it ends.
pub(super) fn literal(data: &[u8], mut i: usize) -> (Vec<u8>, usize) {
    let mut out = Vec::new();
    let mut depth = 0;
    while let Some(&b) = data.get(i) {
        i += 1;
        match b {
            b'\\' => {
                let Some(&e) = data.get(i) else { break };
                i += 1;
                match e {
                    b'n' => out.push(b'\n'),
                    b'r' => out.push(b'\r'),
                    b't' => out.push(b'\t'),
                    b'b' => out.push(8),
                    b'f' => out.push(12),
                    b'0'..=b'7' => {
                        let mut v = u32::from(e - b'0');
                        for _ in 0..2 {
                            match data.get(i) {
                                Some(&d @ b'0'..=b'7') => {
                                    v = v * 8 + u32::from(d - b'0');
                                    i += 1;
                                }
                                _ => break,
                            }
                        }
                        out.push(v as u8);
                    }
                    b'\r' | b'\n' => {}
                    _ => out.push(e),
                }
            }
            b'(' => {
                depth += 1;
                out.push(b);
            }
            b')' if depth == 0 => break,
            b')' => {
                depth -= 1;
                out.push(b);
            }
            _ => out.push(b),
        }
    }
    (out, i)
}

#[cfg(test)]
mod tests {
    use super::*;

    const CMAP: &str = "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n\
        /CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n\
        /CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n\
        1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n\
        2 beginbfchar\n<0003> <6CD5>\n<0004><6CBB>\nendbfchar\n\
        2 beginbfrange\n<0010> <0012> <0031>\n<0020> <0021> [<D835DC00> <0066006C>]\nendbfrange\n\
        endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n";

    #[test]
    fn a_to_unicode_cmap_maps_chars_ranges_and_arrays() {
        let map = unicode_map(CMAP.as_bytes());
        let text = |c: u32| map.get(&c).map(String::as_str);
        assert_eq!(text(3), Some("法"));
        assert_eq!(text(4), Some("治"));
        assert_eq!(
            [text(0x10), text(0x11), text(0x12), text(0x13)],
            [Some("1"), Some("2"), Some("3"), None]
        );
        assert_eq!(text(0x20), Some("𝐀"));
        assert_eq!(text(0x21), Some("fl"));
        assert_eq!(map.len(), 7);
    }

    #[test]
    fn an_encoding_cmap_gives_code_lengths_and_cids() {
        let cmap = "begincmap 2 begincodespacerange <00> <80> <8140> <FEFE> endcodespacerange\n\
                    1 begincidrange <8140> <817E> 633 endcidrange 1 begincidchar <20> 1 endcidchar endcmap";
        let (codespace, cids) = encoding(cmap.as_bytes());
        let codespace: Vec<_> = codespace.iter().map(|r| (r.len, r.first, r.last)).collect();
        let cids: Vec<_> = cids.iter().map(|r| (r.first, r.last, r.cid)).collect();
        assert_eq!(codespace, [(1, 0, 0x80), (2, 0x8140, 0xfefe)]);
        assert_eq!(cids, [(0x8140, 0x817e, 633), (0x20, 0x20, 1)]);
    }

    #[test]
    fn a_damaged_cmap_reads_what_it_can_and_never_runs_away() {
        let cut = &CMAP.as_bytes()[..CMAP.find("<0004>").unwrap() + 3];
        assert_eq!(unicode_map(cut).get(&3).map(String::as_str), Some("法"));
        let huge = "1 beginbfrange <00000000> <FFFFFFFF> <0041> endbfrange";
        let huge = unicode_map(huge.as_bytes());
        assert!(!huge.is_empty() && huge.len() <= MAX_RANGE as usize + 1);
        let many: String = (0..64u32)
            .map(|i| format!("<{:08X}> <{:08X}> <4E00>\n", i << 16, (i << 16) + 0xffff))
            .collect();
        let many = unicode_map(format!("beginbfrange\n{many}endbfrange").as_bytes());
        assert_eq!(many.len(), MAX_CODES);
        assert!(unicode_map(b"(unclosed <41").is_empty());
    }
}
