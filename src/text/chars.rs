//! What kind of character a report's text holds: one answer to each
//! question, for every module that asks it.

/// A Han ideograph: the unified ideographs with Extension A, the
/// compatibility ideographs, and the supplementary-plane extensions (rare
/// characters of place and person names are written there).
pub fn is_han(c: char) -> bool {
    matches!(
        c,
        '\u{3400}'..='\u{4DBF}'
            | '\u{4E00}'..='\u{9FFF}'
            | '\u{F900}'..='\u{FAFF}'
            | '\u{20000}'..='\u{323AF}'
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn han_in_every_block_and_nothing_else() {
        for c in ['法', '㐀', '郞', '𠀀', '𫟹'] {
            assert!(is_han(c), "{c}");
        }
        for c in ['a', '１', '，', '。', 'ー', '가', '〇'] {
            assert!(!is_han(c), "{c}");
        }
    }
}
