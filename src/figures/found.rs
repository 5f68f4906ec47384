//! A figure as the scan finds it in a line, before its meaning is read,
//! and the punctuation that bounds the words around it: what every step
//! of extraction (scan, label, context, meaning) shares.

use super::{Kind, Qualifier, Sign};
use crate::text::numeral::Decimal;

/// A figure found in a line, before its label.
#[derive(Debug, Clone)]
pub(super) struct Found {
    /// Span in chars, hedging words included.
    pub start: usize,
    pub end: usize,
    /// Where the number itself starts (after 约, 近, 超).
    pub num_start: usize,
    pub value: Decimal,
    pub unit: &'static str,
    /// The unit is a counted noun (五部门, 四大行动), not a measure word.
    pub noun_unit: bool,
    pub qualifier: Option<Qualifier>,
    pub kind: Kind,
    pub sign: Option<Sign>,
    pub label: String,
    /// One of several things one value or a list of values is said of
    /// ("备案率" of "审查率、备案率均为100%"), completed, as keys.
    pub part: Option<Vec<char>>,
}

/// Chars that end a clause, in key form (full-width punctuation is ASCII
/// there).
pub(super) fn is_clause_end(c: char) -> bool {
    matches!(c, '。' | ',' | ';' | ':' | '!' | '?' | '…')
}

/// Chars that end a phrase: clause ends and the enumeration comma.
pub(super) fn is_phrase_end(c: char) -> bool {
    is_clause_end(c) || matches!(c, '、' | '(' | ')' | '“' | '”' | '《' | '》' | ' ')
}

/// Chars that end a sentence, in key form.
pub(super) fn is_sentence_end(c: char) -> bool {
    matches!(c, '。' | ';' | '!' | '?')
}
