//! Text hard-wrapped as a PDF's text is: every line cut at the page's
//! width (30-40 Han chars on A4), page numbers between the pages
//! (`- 3 -`, `— 3 —`, `第3页 共12页`). Such text is read in logical lines:
//! a full line that ends mid-sentence goes on in the next, a line that
//! stops short ends its paragraph or heading, a line that starts with a
//! heading's marker starts one, and page-number lines go. Each logical
//! line keeps the number of the file line it starts on.

use std::sync::LazyLock;

use regex::Regex;

use super::file_map::FileMap;
use super::outline::marker_of;
use crate::text;

/// Logical lines, joined into one text, and where each comes from in the
/// file.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Unwrapped {
    pub text: String,
    pub map: FileMap,
}

/// A page number alone on its line.
static PAGE_NUMBER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"^(?:[-—–－]+\s*\d{1,4}\s*[-—–－]+",
        r"|第\s*\d{1,4}\s*页(?:\s*[,，/]?\s*共\s*\d{1,4}\s*页)?",
        r"|\d{1,4}\s*/\s*\d{1,4})$",
    ))
    .expect("page number")
});

/// The widest page a wrapped text is cut at, in chars: wider lines are
/// paragraphs, not a page's lines.
const MAX_WIDTH: usize = 60;
/// Lines needed to tell a wrapped text.
const MIN_LINES: usize = 5;

/// Whether a line is a page number.
pub(crate) fn is_page_number(line: &str) -> bool {
    let t = text::trim(line);
    // One look at the first char turns away nearly every line.
    let first = t.chars().next().map(text::normal_char);
    let may = first.is_some_and(|c| c.is_ascii_digit() || matches!(c, '-' | '—' | '–' | '第'));
    may && t.len() <= 24 && PAGE_NUMBER.is_match(&crate::text::script::key(t))
}

/// The text in logical lines, or None when it is not hard-wrapped.
pub fn unwrap(text: &str) -> Option<Unwrapped> {
    // Most texts have a line wider than two pages: one byte scan tells.
    if has_longer_line(text, 4 * 2 * MAX_WIDTH) {
        return None;
    }
    let lines = text::split_lines(text);
    let width = wrap_width(&lines)?;
    // The file's lines less its page numbers, with their numbers.
    let kept: Vec<(usize, &str)> = lines
        .iter()
        .enumerate()
        .filter(|(_, l)| !is_page_number(l))
        .map(|(i, l)| (i + 1, *l))
        .collect();
    let mut out = Unwrapped {
        text: String::with_capacity(text.len()),
        map: FileMap::default(),
    };
    let mut open = false;
    // Chars of the logical line written so far.
    let mut col = 0;
    for (k, &(no, line)) in kept.iter().enumerate() {
        let t = text::trim(line);
        if open {
            let lead = line
                .chars()
                .take_while(|&c| c.is_whitespace() || text::normal_char(c) == ' ')
                .count();
            out.map.continue_line(col, no, lead);
            out.text.push_str(t);
            col += t.chars().count();
        } else {
            out.map.start_line(no, 0);
            let kept = line.trim_end();
            out.text.push_str(kept);
            col = kept.chars().count();
        }
        let next = kept.get(k + 1).map(|(_, l)| text::trim(l));
        open = next.is_some_and(|n| goes_on(t, n, width));
        if !open {
            out.text.push('\n');
        }
    }
    Some(out)
}

/// Whether a line of a text wrapped at `width` goes on in the next: it
/// reaches the page's edge and the next starts no heading and no blank.
/// A heading's title that fills the line goes on only into a short rest
/// (the title's end), never into a paragraph.
fn goes_on(line: &str, next: &str, width: usize) -> bool {
    let reaches_edge = |s: &str| s.chars().count() * 4 >= width * 3;
    if !reaches_edge(line) || next.is_empty() || marker_of(next).is_some() {
        return false;
    }
    let heading = marker_of(line).is_some() && text::stops::find_full_stop(line).is_none();
    let title = heading || is_report_title(line);
    !title || (!reaches_edge(next) && text::stops::find_full_stop(next).is_none())
}

/// Whether a line of `text` is longer than `bytes` bytes.
pub(crate) fn has_longer_line(text: &str, bytes: usize) -> bool {
    let mut start = 0;
    for end in memchr::memchr2_iter(b'\n', b'\r', text.as_bytes()) {
        if end - start > bytes {
            return true;
        }
        start = end + 1;
    }
    text.len() - start > bytes
}

/// The width a text is wrapped at, when it is: most lines within a
/// quarter of the widest common one, which is a page's width, and many
/// of those ending mid-sentence.
fn wrap_width(lines: &[&str]) -> Option<usize> {
    // A line of more chars than two pages' widths is a paragraph: most
    // texts are told by their first (a char is at most four bytes).
    if lines.iter().any(|l| l.len() > 4 * 2 * MAX_WIDTH) {
        return None;
    }
    let mut lengths: Vec<usize> = lines
        .iter()
        .filter(|l| !text::is_blank(l) && !is_page_number(l))
        .map(|l| text::trim(l).chars().count())
        .collect();
    if lengths.len() < MIN_LINES {
        return None;
    }
    lengths.sort_unstable();
    // The widest line but a few (a stray long one: a URL, a table row).
    let width = lengths[(lengths.len() - 1) * 9 / 10];
    if !(20..=MAX_WIDTH).contains(&width) || *lengths.last()? > width * 2 {
        return None;
    }
    let full = lengths.iter().filter(|&&n| n * 4 >= width * 3).count();
    let open = lines
        .iter()
        .map(|l| text::trim(l))
        .filter(|t| t.chars().count() * 4 >= width * 3 && !ends_sentence(t))
        .count();
    (full * 2 >= lengths.len() && open * 3 >= lengths.len()).then_some(width)
}

/// Whether a line is a report's title, whole (…法治政府建设情况的报告).
fn is_report_title(line: &str) -> bool {
    super::title::in_line(line).is_some_and(|r| r.end == line.chars().count())
}

/// Whether a line ends a sentence or a clause a paragraph may end on.
fn ends_sentence(line: &str) -> bool {
    line.chars()
        .next_back()
        .map(text::normal_char)
        .is_some_and(|c| matches!(c, '。' | '!' | '?' | ';' | ':' | '”' | '」'))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn wrap(text: &str, width: usize) -> String {
        let mut out = String::new();
        for (n, line) in text.lines().enumerate() {
            let chars: Vec<char> = line.chars().collect();
            for chunk in chars.chunks(width) {
                out.extend(chunk);
                out.push('\n');
            }
            if n % 3 == 2 {
                out.push_str(&format!("- {n} -\n"));
            }
        }
        out
    }

    #[test]
    fn wrapped_lines_are_joined_and_page_numbers_go() {
        let para = "全年办结行政复议案件120件,依法行政工作取得新成效,各项工作稳步推进,法治政府建设迈出坚实步伐。";
        let text = format!(
            "关于德清县2023年度法治政府建设情况的报告\n{p}{p}\n一、主要举措和成效\n{p}\n(一)完善制度体系,提升依法行政水平,推动法治政府建设走深走实\n{p}{p}{p}\n德清县人民政府\n2024年1月25日\n",
            p = para
        );
        let wrapped = wrap(&text, 33);
        let u = unwrap(&wrapped).expect("wrapped");
        let lines: Vec<&str> = u.text.lines().collect();
        let want: Vec<&str> = text.lines().collect();
        assert_eq!(lines, want);
        assert_eq!(u.map.position(1, 0), (1, 0));
        assert_eq!(u.map.len(), want.len());
    }

    #[test]
    fn paragraphs_are_not_a_wrapped_text() {
        let text = "一、主要举措\n全年办结行政复议案件120件,依法行政工作取得新成效,各项工作稳步推进,法治政府建设迈出坚实步伐,群众满意度持续提升。\n二、存在的不足\n短句。\n";
        assert_eq!(unwrap(&text.repeat(3)), None);
        assert!(is_page_number("— 3 —") && is_page_number("第3页 共12页"));
        assert!(!is_page_number("2024年"));
    }
}
