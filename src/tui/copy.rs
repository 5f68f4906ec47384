//! Copying what is selected, with where it stands, to the clipboard. The
//! text is sent as an OSC 52 sequence, which the terminal (and tmux, and
//! a terminal over ssh) puts on the clipboard: no clipboard daemon or X
//! connection is needed.

use base64::Engine;

use crate::report::Report;

/// The most a copy holds: terminals drop longer OSC 52 sequences.
pub const MAX_BYTES: usize = 75_000;

/// The sequence that puts `text` on the clipboard.
pub(crate) fn osc52(text: &str) -> String {
    let mut end = text.len().min(MAX_BYTES);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let text = &text[..end];
    let data = base64::engine::general_purpose::STANDARD.encode(text);
    format!("\x1b]52;c;{data}\x07")
}

/// A figure with its sentence, and where it stands.
pub fn figure(r: &Report, figure: usize) -> Option<String> {
    let f = r.figures().get(figure)?;
    let sentence = r.sentence_text(f.line, f.col);
    Some(format!(
        "{} {}\n{}\n— {}",
        f.label,
        f.raw,
        sentence.trim(),
        r.citation(Some(f.section), Some(f.line))
    ))
}

/// A section's text (with its subsections), and where it stands.
pub fn section(r: &Report, s: usize) -> Option<String> {
    let line = r.sections().get(s)?.line;
    Some(format!(
        "{}\n— {}",
        r.section_text(s, true).trim_end(),
        r.citation(Some(s), Some(line))
    ))
}

/// A line of the text (a search hit's), and where it stands.
pub fn line(r: &Report, line: usize) -> String {
    format!(
        "{}\n— {}",
        r.line(line).trim(),
        r.citation(Some(r.section_at(line, 0)), Some(line))
    )
}

/// A report as a whole: where it is.
pub fn report(r: &Report) -> String {
    r.citation(None, None)
}

/// The first words of a copy, for the message that says what was copied.
pub(crate) fn preview(text: &str) -> String {
    let first = text.lines().next().unwrap_or_default();
    crate::text::truncate(&crate::text::printable(first), 30).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_sequence_carries_the_text() {
        let seq = osc52("法治 ok");
        assert!(seq.starts_with("\x1b]52;c;") && seq.ends_with('\x07'));
        let data = &seq[7..seq.len() - 1];
        let back = base64::engine::general_purpose::STANDARD
            .decode(data)
            .unwrap();
        assert_eq!(String::from_utf8(back).unwrap(), "法治 ok");
        assert!(osc52(&"字".repeat(100_000)).len() < MAX_BYTES * 2);
    }
}
