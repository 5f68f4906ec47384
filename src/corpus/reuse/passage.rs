//! A shared passage as a reader sees it: where it stands in each report,
//! its text as each writes it, and what differs: the numbers (a report
//! copied from last year with new figures is the common case) and the
//! words one side changed, put in or left out.

use std::ops::Range;

use serde::Serialize;

use super::align::Alignment;
use super::folded::{Folded, Origin, DIGIT};
use crate::report::{char_to_byte, Hit, Report};

/// At most this many numbers and edits are listed for one passage.
const MAX_CHANGES: usize = 32;

/// One report's side of a passage and the report it is in.
#[derive(Clone, Copy)]
pub struct ReportSide<'a> {
    pub report: &'a Report,
    pub syms: &'a [u16],
    pub origins: &'a [Origin],
}

impl<'a> ReportSide<'a> {
    pub fn new(report: &'a Report, folded: &'a Folded, origins: &'a [Origin]) -> ReportSide<'a> {
        ReportSide {
            report,
            syms: &folded.syms,
            origins,
        }
    }
}

/// Where a passage stands in one report: its section, and its first and
/// last char as line and column (chars of the line, 1-based lines).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Spot {
    pub section: usize,
    pub line: usize,
    pub col: usize,
    pub end_line: usize,
    /// Just past the passage's last char.
    pub end_col: usize,
}

/// What one side writes where the other writes something else.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Change {
    pub a: String,
    pub b: String,
}

/// A passage two reports share.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SharedPassage {
    /// Its length in chars as written (punctuation inside it counted),
    /// the longer side's.
    pub chars: usize,
    pub a: Spot,
    pub b: Spot,
    /// The passage as each report writes it (lines joined by `\n`).
    pub a_text: String,
    pub b_text: String,
    /// Numbers that differ, in order: A's and B's as written.
    pub numbers: Vec<Change>,
    /// Words that differ: a changed name, words put in (`a` empty) or
    /// left out (`b` empty).
    pub edits: Vec<Change>,
    /// The passage's chars in each report, block by block (for marking
    /// it where the report is shown).
    #[serde(skip)]
    pub a_spans: Vec<Hit>,
    #[serde(skip)]
    pub b_spans: Vec<Hit>,
    /// Where each run of the same text, and each block of A inside one,
    /// starts on both sides: what stands against a place of A in B,
    /// inside a long passage.
    #[serde(skip)]
    pub anchors: Vec<Anchor>,
}

/// A place of A and the place of B that stands against it (block and
/// char of the block's text).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Anchor {
    pub a: (usize, usize),
    pub b: (usize, usize),
}

/// The passage `al` describes, between sides `a` and `b`.
pub(crate) fn describe(al: &Alignment, a: ReportSide, b: ReportSide) -> SharedPassage {
    let (ra, rb) = (al.a(), al.b());
    let mut numbers = Numbers::default();
    let mut edits = Vec::new();
    for (k, run) in al.runs.iter().enumerate() {
        for t in 0..run.len {
            if a.syms[run.a + t] == DIGIT {
                numbers.pair(a, b, run.a + t, run.b + t);
            }
        }
        let Some(next) = al.runs.get(k + 1) else {
            break;
        };
        let (ga, gb) = (run.a + run.len..next.a, run.b + run.len..next.b);
        let (na, nb) = (numbers_in(a, &ga), numbers_in(b, &gb));
        for (&i, &j) in na.iter().zip(&nb) {
            numbers.pair(a, b, i, j);
        }
        if edits.len() < MAX_CHANGES && !(ga.is_empty() && gb.is_empty()) {
            edits.push(Change {
                a: text(a, ga),
                b: text(b, gb),
            });
        }
    }
    SharedPassage {
        chars: al.chars,
        a: spot(a, &ra),
        b: spot(b, &rb),
        anchors: anchors(al, a, b),
        a_spans: spans(a, &ra),
        b_spans: spans(b, &rb),
        a_text: text(a, ra),
        b_text: text(b, rb),
        numbers: numbers.changes,
        edits,
    }
}

/// The first digit of each number in `range`.
fn numbers_in(side: ReportSide, range: &Range<usize>) -> Vec<usize> {
    range
        .clone()
        .filter(|&i| side.syms[i] == DIGIT && (i == range.start || !side.origins[i].joined))
        .collect()
}

/// Number pairs compared for one passage, at most: bounds the work on a
/// passage of a table of figures.
const MAX_COMPARED: usize = 256;

/// The numbers that differ, each pair listed once.
#[derive(Default)]
struct Numbers {
    changes: Vec<Change>,
    seen: Vec<(Range<usize>, Range<usize>)>,
}

impl Numbers {
    /// Lists the numbers holding symbol `i` of A and `j` of B when they
    /// differ.
    fn pair(&mut self, a: ReportSide, b: ReportSide, i: usize, j: usize) {
        let (x, y) = (number(a, i), number(b, j));
        let full = self.changes.len() >= MAX_CHANGES || self.seen.len() >= MAX_COMPARED;
        if full || self.seen.contains(&(x.clone(), y.clone())) {
            return;
        }
        if value(a, &x) != value(b, &y) {
            self.changes.push(Change {
                a: text(a, x.clone()),
                b: text(b, y.clone()),
            });
        }
        self.seen.push((x, y));
    }
}

/// The symbols of the number symbol `i` is a digit of.
fn number(side: ReportSide, i: usize) -> Range<usize> {
    let o = side.origins;
    let mut start = i;
    while start > 0 && o[start].joined {
        start -= 1;
    }
    let mut end = i + 1;
    while end < o.len() && o[end].joined {
        end += 1;
    }
    start..end
}

/// A number's digits and the chars it takes as written (12.5 is not 125).
fn value(side: ReportSide, n: &Range<usize>) -> (Vec<Option<u8>>, u32) {
    let o = &side.origins[n.clone()];
    let digits = o.iter().map(|x| x.digit).collect();
    let width = o.last().map_or(0, |l| l.col + 1) - o.first().map_or(0, |f| f.col);
    (digits, width)
}

/// Where symbols `range` stand in the report.
fn spot(side: ReportSide, range: &Range<usize>) -> Spot {
    let at = |o: &Origin, end: bool| {
        let block = &side.report.blocks()[o.block as usize];
        let col = o.col as usize + usize::from(end);
        (block.section, block.line, block.col + col)
    };
    let first = &side.origins[range.start];
    let last = &side.origins[range.end.max(range.start + 1) - 1];
    let (section, line, col) = at(first, false);
    let (_, end_line, end_col) = at(last, true);
    Spot {
        section,
        line,
        col,
        end_line,
        end_col,
    }
}

/// Where each run starts on both sides, and where each block of A a run
/// goes on into starts (a run may hold many paragraphs).
fn anchors(al: &Alignment, a: ReportSide, b: ReportSide) -> Vec<Anchor> {
    let mut out = Vec::new();
    for r in &al.runs {
        for t in 0..r.len {
            let new_block = t == 0 || a.origins[r.a + t].block != a.origins[r.a + t - 1].block;
            if new_block {
                out.push(Anchor {
                    a: place(a, r.a + t),
                    b: place(b, r.b + t),
                });
            }
        }
    }
    out
}

/// Where symbol `i` stands: its block and its char there.
fn place(side: ReportSide, i: usize) -> (usize, usize) {
    let o = side.origins[i];
    (o.block as usize, o.col as usize)
}

/// The chars of symbols `range`, from the first to the last, as a span of
/// each block they cross.
fn spans(side: ReportSide, range: &Range<usize>) -> Vec<Hit> {
    if range.is_empty() {
        return Vec::new();
    }
    let (first, last) = (side.origins[range.start], side.origins[range.end - 1]);
    (first.block..=last.block)
        .map(|block| {
            let col = if block == first.block { first.col } else { 0 } as usize;
            let end = match block == last.block {
                true => last.col as usize + 1,
                false => side.report.blocks()[block as usize].len,
            };
            Hit {
                block: block as usize,
                col,
                len: end.saturating_sub(col),
            }
        })
        .collect()
}

/// The report's text from the first symbol of `range` to its last, as
/// written; blocks joined by `\n`. Empty for no symbols.
pub fn text(side: ReportSide, range: Range<usize>) -> String {
    if range.is_empty() {
        return String::new();
    }
    let (first, last) = (side.origins[range.start], side.origins[range.end - 1]);
    let mut out = String::new();
    for block in first.block..=last.block {
        let t = side.report.block_text(block as usize);
        let to = match block == last.block {
            true => char_to_byte(t, last.col as usize + 1),
            false => t.len(),
        };
        let from = match block == first.block {
            true => char_to_byte(&t[..to], first.col as usize),
            false => 0,
        };
        if block != first.block {
            out.push('\n');
        }
        out.push_str(&t[from..to]);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::align::align;
    use super::super::folded::{origins, Folded};
    use super::*;
    use crate::report::TextEncoding;
    use crate::text::stock::Stock;

    fn report(text: &str) -> Report {
        Report::parse("r.txt", text.to_owned(), TextEncoding::Utf8)
    }

    #[test]
    fn numbers_and_names_that_differ_are_listed() {
        let a = report(
            "一、概况\n甲乙丙丁。\n全年办理行政复议案件256件，2023年洪泽区纠错率12.5%，开展执法案卷评查活动覆盖全区各执法部门，推动执法信息化建设取得新进展。\n",
        );
        let b = report(
            "一、總體\n天地玄黃。\n全年辦理行政復議案件312件，2024年宜興市糾錯率12.5%，開展執法案卷評查活動覆蓋全區各執法部門，大力推動執法信息化建設取得新進展。\n",
        );
        let stock = Stock::builtin();
        let (fa, fb) = (Folded::of(&a, stock), Folded::of(&b, stock));
        let (oa, ob) = (origins(&a), origins(&b));
        let found = align(&fa, &fb, 30);
        assert_eq!(found.len(), 1, "{found:?}");
        let p = describe(
            &found[0],
            ReportSide::new(&a, &fa, &oa),
            ReportSide::new(&b, &fb, &ob),
        );
        let pairs = |v: &[Change]| -> Vec<(String, String)> {
            v.iter().map(|c| (c.a.clone(), c.b.clone())).collect()
        };
        assert_eq!(
            pairs(&p.numbers),
            [("256".into(), "312".into()), ("2023".into(), "2024".into())]
        );
        assert_eq!(
            pairs(&p.edits),
            [
                ("洪泽区".into(), "宜興市".into()),
                (String::new(), "大力".into())
            ]
        );
        assert_eq!((p.a.line, p.a.col), (3, 0));
        assert!(p.a_text.starts_with("全年办理") && p.a_text.ends_with("新进展"));
        assert!(p.b_text.starts_with("全年辦理"));
        assert_eq!(p.a.end_col, p.a_text.chars().count());
        assert_eq!(a.sections()[p.a.section].title, "概况");
        let [span] = &p.a_spans[..] else {
            panic!("{:?}", p.a_spans)
        };
        let shown: String = a
            .block_text(span.block)
            .chars()
            .skip(span.col)
            .take(span.len)
            .collect();
        assert_eq!(shown, p.a_text);
    }
}
