//! Reading a text under a deadline (a command's `--time-limit`): the
//! reading steps (cleaning, unwrapping, chrome, metadata, outline, parts)
//! run on the whole text, or, when that would not end in time, on the
//! longest beginning of it that does, and the report is that beginning's.
//!
//! The steps are linear in the text, so the time a short beginning takes
//! foretells a longer one's: a first beginning small enough to take a few
//! milliseconds is read, then one four times as long, and so on while
//! the next is foretold to fit. Each try reads at most four times what
//! the one before read, so the deadline is passed by at most the error
//! of one foretelling.

use std::time::{Duration, Instant};

use crate::text;

/// The first beginning read: a few milliseconds of the slowest text, and
/// more than most reports hold, which are then read once, whole.
const FIRST_BYTES: usize = 64 * 1024;
/// Each try reads at most this many times what the one before read.
const GROWTH: usize = 4;

/// Where reading stopped at a deadline: what was read of the text, in
/// characters and lines as a user counts them in the file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TextCut {
    /// The characters read, from the text's start.
    pub chars: usize,
    /// The characters of the whole text.
    pub of_chars: usize,
    /// The 1-based line the last character read stands in.
    pub line: usize,
    /// The lines of the whole text.
    pub of_lines: usize,
}

impl TextCut {
    fn new(text: &str, end: usize) -> TextCut {
        let chars = text[..end].chars().count();
        TextCut {
            chars,
            of_chars: chars + text[end..].chars().count(),
            line: text::split_lines(&text[..end]).len(),
            of_lines: text::split_lines(text).len(),
        }
    }
}

/// `read` of the whole `text`, or of the longest beginning of it that is
/// foretold to be read by `until`, and where it was cut.
pub(super) fn read_until<R>(
    text: String,
    until: Instant,
    read: impl Fn(String) -> R,
) -> (R, Option<TextCut>) {
    if text.len() <= FIRST_BYTES {
        return (read(text), None);
    }
    let mut end = cut_point(&text, FIRST_BYTES);
    // The first read of a run builds the steps' patterns, which takes
    // longer than reading a short text: it foretells nothing.
    read(text[..end].to_owned());
    loop {
        let started = Instant::now();
        let done = read(text[..end].to_owned());
        let took = started.elapsed();
        let left = until.saturating_duration_since(Instant::now());
        let next = cut_point(&text, end.saturating_mul(GROWTH));
        if next <= end || foretell(took, end, next) > left {
            let cut = TextCut::new(&text, end);
            return (done, Some(cut));
        }
        if next == text.len() {
            return (read(text), None);
        }
        end = next;
    }
}

/// What reading `bytes` takes, when reading `read` took `took`.
fn foretell(took: Duration, read: usize, bytes: usize) -> Duration {
    took.mul_f64(bytes as f64 / read.max(1) as f64)
}

/// Where to cut `text` near `at` bytes, at most `at`: after the last
/// line end in the second half, else after the last clause's mark (a
/// page of one line), else at a char boundary. Never before `at / 2`, so
/// that each try reads more than the one before.
fn cut_point(text: &str, at: usize) -> usize {
    if at >= text.len() {
        return text.len();
    }
    let end = floor_char_boundary(text, at);
    let start = floor_char_boundary(text, at / 2);
    let window = &text[start..end];
    if let Some(i) = window.rfind(['\n', '\r']) {
        return start + i + 1;
    }
    match window.rfind(['。', '，', '；', '！', '？', ',', ';']) {
        Some(i) => start + i + window[i..].chars().next().map_or(0, char::len_utf8),
        None => end,
    }
}

/// The largest char boundary of `text` at or before `at`; std's own is
/// newer than the Rust this crate builds with.
fn floor_char_boundary(text: &str, at: usize) -> usize {
    let mut at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_text_is_cut_after_a_line_else_after_a_clause() {
        let lines = "一二三\n".repeat(1000);
        let at = cut_point(&lines, 100);
        assert!(
            lines[..at].ends_with('\n') && (50..=100).contains(&at),
            "{at}"
        );
        let sentence = "全市办理案件3件，".repeat(1000);
        let at = cut_point(&sentence, 100);
        assert!(
            sentence[..at].ends_with('，') && (50..=100).contains(&at),
            "{at}"
        );
        let han = "一".repeat(1000);
        assert!(han.is_char_boundary(cut_point(&han, 100)));
        assert_eq!(cut_point(&han, 5000), han.len());
    }

    #[test]
    fn a_cut_counts_chars_and_lines_as_written() {
        let text = "一二\r\n三四\n五六";
        let cut = TextCut::new(text, text.find('三').unwrap() + 3);
        assert_eq!(
            cut,
            TextCut {
                chars: 5,
                of_chars: 9,
                line: 2,
                of_lines: 3
            }
        );
    }

    /// A deadline already passed reads one short beginning and says so;
    /// no deadline to speak of reads the whole.
    #[test]
    fn a_passed_deadline_reads_the_first_beginning_only() {
        let text = "全市办理案件3件，".repeat(100_000);
        let (read, cut) = read_until(text.clone(), Instant::now(), |t| t.len());
        assert!(read <= FIRST_BYTES && read > FIRST_BYTES / 2, "{read}");
        let cut = cut.expect("cut");
        assert_eq!((cut.line, cut.of_lines), (1, 1));
        assert_eq!(cut.of_chars, text.chars().count());
        let later = Instant::now() + Duration::from_secs(3600);
        assert_eq!(
            read_until(text.clone(), later, |t| t.len()),
            (text.len(), None)
        );
    }
}
