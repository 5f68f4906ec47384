//! The numeral parser, the figure extractor and the load path on
//! arbitrary text: no panic, no hang, every figure points at its own text
//! and every block at its own chars.
#![no_main]

use lawgov_tui::figures::{self, Catalogue};
use lawgov_tui::text::numeral;
use lawgov_tui::Report;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    // The whole load path too: decoding, chrome, outline, parts, figures.
    // Every block's text is the chars its line, column and length name.
    if let Ok(r) = Report::from_bytes("fuzz.txt", data) {
        for (i, b) in r.blocks.iter().enumerate() {
            let by_chars: String = r.line(b.line).chars().skip(b.col).take(b.len).collect();
            assert_eq!(r.block_text(i), by_chars);
        }
    }
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let _ = numeral::parse(text);
    let _ = figures::quantity(text);
    let catalogue = Catalogue::builtin();
    let lines = text.lines().enumerate().map(|(i, l)| (i + 1, l));
    for f in figures::extract(lines, |_, _| 0, catalogue) {
        let line: Vec<char> = text.lines().nth(f.line - 1).unwrap_or("").chars().collect();
        let at: String = line[f.col..f.col + f.len].iter().collect();
        assert_eq!(at, f.raw);
    }
});
