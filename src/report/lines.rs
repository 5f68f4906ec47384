//! What every line rule asks of a line, read once per line: the line
//! trimmed, its length, and (when asked) whether it holds a stop or a
//! clause mark.

use crate::text;

/// What the line rules need to know of a line: the line as written,
/// trimmed, and its length. Whether it holds a stop or a clause mark is
/// asked of few lines (short ones, and those around the body's ends), so
/// that is looked up when asked, not counted over every byte.
#[derive(Debug, Clone, Copy)]
pub(crate) struct LineFacts<'a> {
    /// The line less the spaces around it.
    pub text: &'a str,
    /// Chars, after trimming.
    pub chars: usize,
}

impl<'a> LineFacts<'a> {
    pub fn new(line: &'a str) -> LineFacts<'a> {
        let text = text::trim(line);
        LineFacts {
            text,
            chars: text.chars().count(),
        }
    }

    /// Whether the line holds a full stop (。, or a dot that ends a
    /// sentence).
    pub(super) fn has_stop(&self) -> bool {
        text::stops::find_full_stop(self.text).is_some()
    }

    /// Whether the line holds a clause mark: , ， ; ； 、
    pub(super) fn has_clause(&self) -> bool {
        let bytes = self.text.as_bytes();
        // The full-width marks are three bytes led by E3 (CJK
        // punctuation) or EF (full-width forms), lead bytes that Han
        // characters (E4–E9) never have.
        memchr::memchr2(b',', b';', bytes).is_some()
            || memchr::memchr2_iter(0xE3, 0xEF, bytes).any(|i| {
                matches!(
                    bytes.get(i..i + 3),
                    Some(b"\xEF\xBC\x8C" | b"\xEF\xBC\x9B" | b"\xE3\x80\x81")
                )
            })
    }
}
