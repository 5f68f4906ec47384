//! Where a sentence ends. Pages write the full stop as 。, and some (text
//! run through a half-width converter, pages typed on a Western keyboard)
//! as `.` or `．`: a dot ends a sentence when it follows no Latin letter or
//! digit, so 1.5万, 2.0版, www.gov.cn and the marker of `2.开展` stay whole
//! while `…执法质效.2.开展` and `…100%.` end their sentences.

use std::sync::LazyLock;

use memchr::memmem::Finder;

use super::normal_char;

/// Whether the dot at byte `i` of `s` (a `.` or `．`) ends a sentence: not
/// after a letter or digit, nor before a letter (报告.docx).
pub(crate) fn dot_ends_sentence(s: &str, i: usize) -> bool {
    let prev = s[..i].chars().next_back().map(normal_char);
    let next = s[i..].chars().nth(1).map(normal_char);
    !prev.is_some_and(|c| c.is_ascii_alphanumeric() || c == '.')
        && !next.is_some_and(|c| c.is_ascii_alphabetic())
}

/// The first full stop in `s`: its byte offset and length.
pub(crate) fn find_full_stop(s: &str) -> Option<(usize, usize)> {
    let bytes = s.as_bytes();
    // Most text has 。 and few dots: the dots are looked for only before
    // the first 。.
    // Finders built once: building one costs more than most searches.
    static ZH: LazyLock<Finder> = LazyLock::new(|| Finder::new("。"));
    static WIDE: LazyLock<Finder> = LazyLock::new(|| Finder::new("．"));
    let zh = ZH.find(bytes);
    let before = &bytes[..zh.unwrap_or(bytes.len())];
    let dot = memchr::memchr_iter(b'.', before).find(|&i| dot_ends_sentence(s, i));
    let wide = WIDE.find_iter(before).find(|&i| dot_ends_sentence(s, i));
    match (dot, wide) {
        (Some(d), Some(w)) if w < d => Some((w, 3)),
        (Some(d), _) => Some((d, 1)),
        (None, Some(w)) => Some((w, 3)),
        (None, None) => zh.map(|i| (i, 3)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_dot_ends_a_sentence_unless_it_sits_in_a_number_or_a_word() {
        assert_eq!(find_full_stop("坚持高位推进。6月"), Some((18, 3)));
        assert_eq!(find_full_stop("坚持高位推进.6月"), Some((18, 1)));
        assert_eq!(find_full_stop("坚持高位推进．6月"), Some((18, 3)));
        assert_eq!(find_full_stop("增长1.5万件,达到2.0版"), None);
        assert_eq!(find_full_stop("见www.gov.cn"), None);
        assert_eq!(find_full_stop("《报告.docx》"), None);
        assert_eq!(find_full_stop("率达100%.下一句"), Some((10, 1)));
        assert_eq!(find_full_stop("１．５万件"), None);
        assert_eq!(find_full_stop("无句号"), None);
    }
}
