//! What a page's typesetting adds to a line that no reader reads as
//! meaning, taken out before the scan: the spaces a Western font or a
//! word processor puts around numbers (`412 件`, `15.6 万元`, `约 6798
//! 万元`, `2023 年`, a thin space grouping thousands in `1 208`), and the
//! full stop written as an ASCII `.` where a page was converted to half
//! width (`…100%.全年…`).
//!
//! The scan, labels and meaning then read the same key whatever the page
//! did; a map from the tidied line back to the line as written keeps every
//! span (col, len, raw) where the text has it.

/// Tidies a line's chars and keys in place, when there is anything to
/// tidy (most lines of most reports have no space and no ASCII full
/// stop): `written` then holds the chars as written and `at[i]` is where
/// char `i` of the tidied line stands in it. Returns whether it tidied.
pub(super) fn tidy(
    orig: &mut Vec<char>,
    key: &mut Vec<char>,
    written: &mut Vec<char>,
    at: &mut Vec<usize>,
) -> bool {
    // Decide on the line as written, then compact.
    let mut gaps: Vec<std::ops::Range<usize>> = Vec::new();
    let mut stops: Vec<usize> = Vec::new();
    let mut i = 0;
    while i < key.len() {
        let c = key[i];
        if is_space(c) {
            let end = (i..key.len())
                .find(|&j| !is_space(key[j]))
                .unwrap_or(key.len());
            if typographic(key, i, end) {
                gaps.push(i..end);
            }
            i = end;
            continue;
        }
        if c == '.' && is_full_stop(key, i) && !marker_end(key, i) {
            stops.push(i);
        }
        i += 1;
    }
    if gaps.is_empty() && stops.is_empty() {
        return false;
    }
    for &j in &stops {
        key[j] = '。';
    }
    written.clear();
    written.extend_from_slice(orig);
    at.clear();
    let mut gaps = gaps.into_iter().peekable();
    let mut keep = 0;
    let mut j = 0;
    while j < key.len() {
        if let Some(gap) = gaps.next_if(|g| g.start == j) {
            j = gap.end;
            continue;
        }
        orig[keep] = orig[j];
        key[keep] = key[j];
        at.push(j);
        keep += 1;
        j += 1;
    }
    orig.truncate(keep);
    key.truncate(keep);
    true
}

/// A heading's number ends here ("1.加强…" at the line's start): no
/// sentence ends, and nothing needs tidying.
fn marker_end(key: &[char], at: usize) -> bool {
    let from = key.iter().position(|&c| !is_space(c)).unwrap_or(0);
    (1..=3).contains(&at.saturating_sub(from)) && key[from..at].iter().all(char::is_ascii_digit)
}

fn is_space(c: char) -> bool {
    c == ' ' || c == '\t'
}

/// Whether the gap of spaces `from..to` is only typesetting: it stands
/// beside a number (or its `%`) and what is on its other side belongs to
/// the same phrase, or it groups a number's thousands. Spaces between
/// words, or between two numbers of a table's row, stay: they part
/// phrases.
fn typographic(key: &[char], from: usize, to: usize) -> bool {
    let (Some(&l), Some(&r)) = (from.checked_sub(1).and_then(|j| key.get(j)), key.get(to)) else {
        return false;
    };
    let digit = |c: char| c.is_ascii_digit();
    let number_side = |c: char| digit(c) || c == '%';
    let word = |c: char| c.is_ascii_alphabetic();
    match (digit(l), digit(r)) {
        (true, true) => to - from == 1 && thousands_group(key, from, to),
        (true, false) => !word(r),
        (false, true) => !word(l) && !number_side(l),
        (false, false) => l == '%' && !word(r) && !digit(r),
    }
}

/// `1 208`, `12 345 678`: a space between a run of one to three digits
/// and groups of exactly three, the last of which ends the number.
fn thousands_group(key: &[char], gap: usize, after: usize) -> bool {
    let digit = |j: usize| key.get(j).is_some_and(char::is_ascii_digit);
    let lead = (0..gap).rev().take_while(|&j| digit(j)).count();
    let before_lead = gap - lead;
    if lead > 3 || (before_lead > 0 && matches!(key[before_lead - 1], '.' | ',')) {
        return false;
    }
    let mut j = after;
    loop {
        if !(j..j + 3).all(digit) || digit(j + 3) {
            return false;
        }
        j += 3;
        // Another group follows after one space: it must be one too.
        if key.get(j) == Some(&' ') && digit(j + 1) {
            j += 1;
            continue;
        }
        return true;
    }
}

/// An ASCII `.` ends a sentence unless it stands between two letters or
/// digits (12.5, 2.0, www.gov.cn), the spaces a wrap left beside it
/// aside (`17. 8万`, `17 .8万`).
fn is_full_stop(key: &[char], at: usize) -> bool {
    let alnum = |c: Option<&char>| c.is_some_and(char::is_ascii_alphanumeric);
    let before = key[..at].iter().rev().find(|&&c| !is_space(c));
    let after = key[at + 1..].iter().find(|&&c| !is_space(c));
    !(alnum(before) && alnum(after))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tidied(s: &str) -> (String, Vec<usize>) {
        let mut orig: Vec<char> = s.chars().collect();
        let mut key: Vec<char> = crate::text::script::key(s).chars().collect();
        let (mut written, mut at) = (Vec::new(), Vec::new());
        if !tidy(&mut orig, &mut key, &mut written, &mut at) {
            at = (0..key.len()).collect();
        }
        (key.into_iter().collect(), at)
    }

    #[test]
    fn spaces_beside_numbers_go() {
        for (text, want) in [
            ("办理 412 件", "办理412件"),
            ("金额 15.6\u{00A0}万元", "金额15.6万元"),
            ("约\u{3000}6798 万元", "约6798万元"),
            ("2023\u{2009}年", "2023年"),
            ("达到 95 % 以上", "达到95%以上"),
            ("共 1 208 件", "共1208件"),
            ("共 12\u{2009}345\u{2009}678 元", "共12345678元"),
        ] {
            assert_eq!(tidied(text).0, want, "{text}");
        }
    }

    #[test]
    fn spaces_between_words_and_table_cells_stay() {
        for text in [
            "市司法局 市政府",
            "5G 网络",
            "120 135 12.5%",
            "1.5 208",
            "2024 12345",
        ] {
            assert_eq!(tidied(text).0, crate::text::script::key(text), "{text}");
        }
    }

    #[test]
    fn an_ascii_stop_ends_a_sentence_but_not_a_number() {
        assert_eq!(tidied("达到100%.全年12.5%").0, "达到100%。全年12.5%");
        assert_eq!(tidied("V2.0版 www.gov.cn").0, "V2.0版 www.gov.cn");
    }

    #[test]
    fn spaced_figures_read_as_unspaced_ones() {
        let read = |s: &str| {
            crate::figures::extract::line(s)
                .into_iter()
                .map(|f| (f.raw, f.value.to_string(), f.unit, f.col, f.len))
                .collect::<Vec<_>>()
        };
        assert_eq!(
            read("受理 412 件,涉及 15.6\u{00A0}万元,参训 92.4\u{3000}万名,共 1\u{2009}208 件。"),
            [
                ("412 件".into(), "412".into(), "件", 3, 5),
                ("15.6\u{00A0}万元".into(), "156000".into(), "元", 12, 7),
                ("92.4\u{3000}万名".into(), "924000".into(), "名", 23, 7),
                ("1\u{2009}208 件".into(), "1208".into(), "件", 33, 7),
            ]
        );
        let spaced = crate::figures::extract::line("全年办理行政复议案件 35 件,纠错率 12.5 %。");
        let plain = crate::figures::extract::line("全年办理行政复议案件35件,纠错率12.5%。");
        let meaning = |fs: &[crate::figures::Figure]| {
            fs.iter()
                .map(|f| (f.label.clone(), f.indicator.clone()))
                .collect::<Vec<_>>()
        };
        assert_eq!(meaning(&spaced), meaning(&plain));
    }

    /// A PDF's hard wrap can split a figure anywhere; once the report
    /// joins the lines again (with nothing, or with a space) it reads
    /// whole.
    #[test]
    fn a_figure_split_by_a_wrap_reads_whole_once_joined() {
        let whole = crate::figures::extract::line("举办法治讲座3530余场,参加人员17.8万余人次。");
        for (a, b) in [
            ("举办法治讲座3530余场,参加人员17.8", "万余人次。"),
            ("举办法治讲座3530余场,参加人员17.", "8万余人次。"),
            ("举办法治讲座3530余场,参加人员17", ".8万余人次。"),
        ] {
            for joint in ["", " ", "\u{3000}"] {
                let joined = crate::figures::extract::line(&format!("{a}{joint}{b}"));
                let read = |fs: &[crate::figures::Figure]| {
                    fs.iter()
                        .map(|f| (f.value, f.unit, f.qualifier, f.label.clone()))
                        .collect::<Vec<_>>()
                };
                assert_eq!(read(&joined), read(&whole), "{a}|{joint}|{b}");
            }
        }
    }

    #[test]
    fn positions_map_back_to_the_text_as_written() {
        let (key, at) = tidied("办理 412 件。");
        assert_eq!(key, "办理412件。");
        assert_eq!(at, [0, 1, 3, 4, 5, 7, 8]);
    }
}
