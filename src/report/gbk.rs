//! A fast path for GBK, the ASCII-plus-two-byte part of GB18030 that
//! Chinese government pages are written in.
//!
//! encoding_rs decodes GB18030 with a byte-at-a-time state machine that
//! also handles the four-byte ranges, at about 31 instructions a byte of
//! report text: the largest single cost of load + outline. Here every
//! two-byte code is one lookup in a table of ready-made UTF-8, built once
//! from encoding_rs itself, so both paths give the same text. The rare
//! four-byte code (a no-break space, a rare Han) is handed to encoding_rs
//! on its own: GB18030 codes stand alone, so that reads it as the whole
//! file would. Anything else (the single bytes 0x80 and 0xFF, malformed
//! input) sends the whole file back to encoding_rs.

use std::sync::OnceLock;

use encoding_rs::GB18030;

/// The UTF-8 of one two-byte code in bytes 0..3 and its length in byte
/// 3, or in byte 3 one of the marks below.
type Entry = [u8; 4];
/// Not a code: malformed, or not the fast path's (see [`table`]).
const NONE: u8 = 0;
/// A lead byte and a digit: the first half of a four-byte code.
const FOUR: u8 = 4;

/// One entry for every byte pair whose first byte is 0x80 or above,
/// indexed by the pair's low fifteen bits: a fixed-size array that
/// needs no range or bounds checks, 128 KB.
const TABLE_LEN: usize = 1 << 15;

/// Decodes `bytes` when they are ASCII, two-byte and four-byte codes;
/// `None` otherwise, for the caller to hand them to the full decoder.
pub fn decode(bytes: &[u8]) -> Option<String> {
    let table = table();
    let mut out = String::with_capacity(bytes.len() + bytes.len() / 2);
    let mut chunk = [0u8; CHUNK + 4];
    let mut rest = bytes;
    while !rest.is_empty() {
        let (written, read) = fill(table, rest, &mut chunk)?;
        // Valid by construction; the SIMD check is cheap.
        out.push_str(simdutf8::basic::from_utf8(&chunk[..written]).ok()?);
        rest = &rest[read..];
        if read == 0 {
            let four = rest.get(..4)?;
            out.push_str(&GB18030.decode_without_bom_handling_and_without_replacement(four)?);
            rest = &rest[4..];
        }
    }
    Some(out)
}

const CHUNK: usize = 4096;

/// Decodes ASCII and two-byte codes from the start of `bytes` into
/// `chunk` until it is full or a four-byte code comes next; returns the
/// bytes written and read. Its locals stay in registers, where pushing to
/// the output `String` code by code cost three times the instructions.
fn fill(
    table: &[Entry; TABLE_LEN],
    bytes: &[u8],
    chunk: &mut [u8; CHUNK + 4],
) -> Option<(usize, usize)> {
    let (mut read, mut written) = (0, 0);
    while written < CHUNK {
        let Some(&lead) = bytes.get(read) else { break };
        if lead < 0x80 {
            chunk[written] = lead;
            written += 1;
            read += 1;
            continue;
        }
        let trail = *bytes.get(read + 1)?;
        let entry = table[pair_index(lead, trail)];
        match entry[3] {
            NONE => return None,
            FOUR => break,
            len => {
                // The four bytes of slack past CHUNK let every entry be
                // written whole, then its length added: a fixed
                // four-byte copy beats a copy of two or three.
                chunk[written..written + 4].copy_from_slice(&entry);
                written += usize::from(len);
                read += 2;
            }
        }
    }
    Some((written, read))
}

fn pair_index(lead: u8, trail: u8) -> usize {
    usize::from(lead & 0x7F) << 8 | usize::from(trail)
}

fn table() -> &'static [Entry; TABLE_LEN] {
    static TABLE: OnceLock<Box<[Entry; TABLE_LEN]>> = OnceLock::new();
    TABLE.get_or_init(build)
}

/// Decodes every candidate pair (lead 0x81–0xFE, trail 0x40–0xFE) in one
/// call, each followed by a newline so that a pair encoding_rs refuses
/// (it then re-reads an ASCII trail on its own) cannot run into the
/// next. The lead 0x80 alone is the euro sign and 0xFF is never a lead:
/// both stay NONE, for encoding_rs.
fn build() -> Box<[Entry; TABLE_LEN]> {
    let leads = 0x81..=0xFE_u8;
    let pairs: Vec<(u8, u8)> = leads
        .clone()
        .flat_map(|lead| (0x40..=0xFE_u8).map(move |trail| (lead, trail)))
        .collect();
    let bytes: Vec<u8> = pairs.iter().flat_map(|&(l, t)| [l, t, b'\n']).collect();
    let (text, _) = GB18030.decode_without_bom_handling(&bytes);
    let mut table = Box::new([[0, 0, 0, NONE]; TABLE_LEN]);
    for (&(lead, trail), piece) in pairs.iter().zip(text.split('\n')) {
        let mut chars = piece.chars();
        if let (Some(c), None) = (chars.next(), chars.next()) {
            if c != char::REPLACEMENT_CHARACTER && !c.is_ascii() && c.len_utf8() <= 3 {
                let slot = &mut table[pair_index(lead, trail)];
                c.encode_utf8(&mut slot[..3]);
                slot[3] = c.len_utf8() as u8;
            }
        }
    }
    for lead in leads {
        for digit in b'0'..=b'9' {
            table[pair_index(lead, digit)][3] = FOUR;
        }
    }
    table
}

#[cfg(test)]
mod tests {
    use super::*;

    fn full(bytes: &[u8]) -> Option<String> {
        GB18030
            .decode_without_bom_handling_and_without_replacement(bytes)
            .map(|c| c.into_owned())
    }

    #[test]
    fn every_two_byte_code_reads_as_encoding_rs_reads_it() {
        let mut decoded = 0;
        for lead in 0x80..=0xFF_u8 {
            for trail in 0x00..=0xFF_u8 {
                let bytes = [b'a', lead, trail, b'z'];
                let fast = decode(&bytes);
                if fast.is_some() {
                    decoded += 1;
                }
                assert!(
                    fast.is_none() || fast == full(&bytes),
                    "{lead:02X} {trail:02X}: {fast:?} against {:?}",
                    full(&bytes)
                );
            }
        }
        // All 126 × 190 two-byte codes take the fast path.
        assert_eq!(decoded, 126 * 190);
    }

    #[test]
    fn four_byte_codes_are_read_one_by_one() {
        let text = "法\u{a0}治 𠀀 € 〇";
        let bytes = GB18030.encode(text).0.into_owned();
        assert_eq!(decode(&bytes).as_deref(), Some(text));
        // 0x84 0x31 0xA5 0x30 lies between the BMP codes and the
        // supplementary ones: no character.
        let gap = [0xB0, 0xA1, 0x84, 0x31, 0xA5, 0x30];
        assert_eq!((decode(&gap), full(&gap)), (None, None));
        assert_eq!(decode(&[0x81, 0x30, 0x81]), None, "cut short");
    }

    #[test]
    fn malformed_input_is_left_to_the_full_decoder() {
        assert_eq!(decode(&[0x80]), None, "0x80 alone is the full decoder's");
        assert_eq!(decode(&[0xB0]), None, "a lead byte at the end");
        assert_eq!(decode(&[0xB0, 0x7F]), None);
        assert_eq!(decode(&[0xFF, 0xA1]), None);
    }

    #[test]
    fn reports_read_the_same_on_both_paths() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/data");
        for entry in std::fs::read_dir(dir).unwrap() {
            let text = std::fs::read_to_string(entry.unwrap().path()).unwrap();
            let gbk = GB18030.encode(&text).0.into_owned();
            assert_eq!(decode(&gbk).as_deref(), Some(text.as_str()));
        }
    }

    proptest::proptest! {
        #[test]
        fn fast_path_never_disagrees(bytes in proptest::collection::vec(
            proptest::prop_oneof![0x20..0x7Fu8, 0x80..=0xFFu8, 0x30..0x3Au8], 0..64)) {
            let fast = decode(&bytes);
            proptest::prop_assert!(fast.is_none() || fast == full(&bytes));
        }
    }
}
