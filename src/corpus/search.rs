//! Search across reports: a phrase, or a regular expression, over the
//! text of every loaded report, blind to script (張 finds 张 and back), to
//! full-width forms and to Latin case.
//!
//! Each report's key text (its blocks folded as [`search_key`] does, one
//! block a line) is built once, with where each block starts in it; a
//! search then runs `memchr`'s substring finder or a `regex` over those
//! keys on every core. The key keeps one char for each char of the text,
//! so a hit's char offset in its block's key is its offset in the text as
//! written.

use memchr::memmem;
use rayon::prelude::*;

use super::filter::search_key;
use crate::report::{Hit, Report};
use crate::text::{self, script};

/// One report's text as a search reads it.
#[derive(Debug, Clone, Default)]
pub struct SearchText {
    key: String,
    /// The byte offset in `key` where each block starts.
    starts: Vec<usize>,
}

impl SearchText {
    pub fn of(report: &Report) -> SearchText {
        let mut key = String::with_capacity(report.text.len());
        let mut starts = Vec::new();
        report.each_block_text(|_, text| {
            // A key may be longer in bytes than its text (a full-width
            // form is three bytes, its ASCII key one): starts are offsets
            // in the key.
            starts.push(key.len());
            key.push_str(&search_key(text));
            key.push('\n');
        });
        starts.shrink_to_fit();
        SearchText { key, starts }
    }

    /// The block and char span of the byte range `at..end` of the key;
    /// a span that runs past its block's end is cut there.
    fn hit(&self, at: usize, end: usize) -> Option<Hit> {
        let block = self.starts.partition_point(|&s| s <= at).checked_sub(1)?;
        let start = self.starts[block];
        let block_end = self
            .starts
            .get(block + 1)
            .map_or(self.key.len(), |&n| n - 1);
        let end = end.min(block_end);
        let col = self.key.get(start..at)?.chars().count();
        let len = self.key.get(at..end)?.chars().count();
        (len > 0).then_some(Hit { block, col, len })
    }
}

/// The search texts of many reports, built on every core.
pub fn search_texts(reports: &[Report]) -> Vec<SearchText> {
    reports.par_iter().map(SearchText::of).collect()
}

/// What is searched for.
#[derive(Debug, Clone)]
pub struct Query {
    matcher: Matcher,
}

#[derive(Debug, Clone)]
enum Matcher {
    Phrase(Box<memmem::Finder<'static>>),
    Pattern(regex::Regex),
}

/// Why a query cannot run.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum QueryError {
    #[error("nothing to search for")]
    Empty,
    #[error("not a regular expression: {0}")]
    Pattern(String),
}

/// A regular expression's compiled size is bounded: a pattern typed or
/// given on the command line must not take the machine's memory.
const PATTERN_SIZE_LIMIT: usize = 1 << 22;

impl Query {
    /// A literal phrase (spaces at its ends left out).
    pub fn phrase(phrase: &str) -> Result<Query, QueryError> {
        let key = search_key(text::trim(phrase));
        if key.is_empty() {
            return Err(QueryError::Empty);
        }
        let finder = Box::new(memmem::Finder::new(key.as_bytes()).into_owned());
        Ok(Query {
            matcher: Matcher::Phrase(finder),
        })
    }

    /// A regular expression, its literal chars folded as the text is.
    pub fn pattern(pattern: &str) -> Result<Query, QueryError> {
        if pattern.is_empty() {
            return Err(QueryError::Empty);
        }
        let regex = regex::RegexBuilder::new(&fold_pattern(pattern))
            .case_insensitive(true)
            .size_limit(PATTERN_SIZE_LIMIT)
            .build()
            .map_err(|e| QueryError::Pattern(text::one_line(&e.to_string())))?;
        Ok(Query {
            matcher: Matcher::Pattern(regex),
        })
    }

    /// [`Query::pattern`] when `regex`, else [`Query::phrase`].
    pub fn new(text: &str, regex: bool) -> Result<Query, QueryError> {
        match regex {
            true => Query::pattern(text),
            false => Query::phrase(text),
        }
    }

    /// Every hit in one report's search text, in reading order; empty
    /// matches are none.
    pub fn hits(&self, t: &SearchText) -> Vec<Hit> {
        let hay = t.key.as_bytes();
        match &self.matcher {
            Matcher::Phrase(f) => {
                let n = f.needle().len();
                f.find_iter(hay)
                    .filter_map(|at| t.hit(at, at + n))
                    .collect()
            }
            Matcher::Pattern(re) => re
                .find_iter(&t.key)
                .filter_map(|m| t.hit(m.start(), m.end()))
                .collect(),
        }
    }

    /// The hits in every report, on every core: one entry per report with
    /// a hit, in the reports' order.
    pub fn search(&self, texts: &[SearchText]) -> Vec<ReportHits> {
        texts
            .par_iter()
            .enumerate()
            .filter_map(|(report, t)| {
                let hits = self.hits(t);
                (!hits.is_empty()).then_some(ReportHits { report, hits })
            })
            .collect()
    }
}

/// One report's hits.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReportHits {
    /// Its index among the texts searched.
    pub report: usize,
    pub hits: Vec<Hit>,
}

/// A pattern with each char folded as the text is, where that keeps the
/// pattern's meaning: a full-width （ or ＊ folds to a char the pattern
/// language reads as an operator, so it is escaped to stay literal.
fn fold_pattern(pattern: &str) -> String {
    let mut out = String::with_capacity(pattern.len());
    for c in pattern.chars() {
        let k = script::key_char(c);
        if !c.is_ascii() && k.is_ascii() && regex_syntax::is_meta_character(k) {
            out.push('\\');
        }
        out.push(k);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::TextEncoding;

    fn report(text: &str) -> Report {
        Report::parse("t.txt", text.into(), TextEncoding::Utf8)
    }

    fn found(q: &Query, r: &Report) -> Vec<String> {
        let t = SearchText::of(r);
        q.hits(&t)
            .iter()
            .map(|h| {
                let b = r.block_text(h.block);
                b.chars().skip(h.col).take(h.len).collect()
            })
            .collect()
    }

    #[test]
    fn a_phrase_finds_either_script_and_width() {
        let r = report(
            "一、總體情況\n張家港市法治建設。张家港ＡＢＣ（一）\n二、工作\n行政復議12件。\n",
        );
        let q = |s| Query::phrase(s).unwrap();
        assert_eq!(found(&q("张家港"), &r), vec!["張家港", "张家港"]);
        assert_eq!(found(&q("行政复议"), &r), vec!["行政復議"]);
        assert_eq!(found(&q("abc(一)"), &r), vec!["ＡＢＣ（一）"]);
        assert_eq!(found(&q("总体情况"), &r), vec!["總體情況"]);
        assert!(found(&q("不在"), &r).is_empty());
        assert_eq!(Query::phrase("  ").unwrap_err(), QueryError::Empty);
    }

    #[test]
    fn hits_point_at_their_block_and_column() {
        let r = report("一、總體情況\nＡＢ法治。法治\n");
        let t = SearchText::of(&r);
        let hits = Query::phrase("法治").unwrap().hits(&t);
        assert_eq!(hits.len(), 2);
        assert_eq!(r.block_text(hits[1].block), "ＡＢ法治。法治");
        assert_eq!((hits[0].col, hits[1].col, hits[1].len), (2, 5, 2));
    }

    #[test]
    fn a_pattern_is_folded_but_keeps_its_meaning() {
        let r = report("一、总体\n行政複議案件12件，纠错3件。（二）\n");
        let p = |s| Query::pattern(s).unwrap();
        assert_eq!(
            found(&p(r"行政复议案件\d+件"), &r),
            vec!["行政複議案件12件"]
        );
        assert_eq!(
            found(&p("（二）"), &r),
            vec!["（二）"],
            "full-width stays literal"
        );
        assert_eq!(found(&p("纠错|複議"), &r), vec!["複議", "纠错"]);
        assert!(found(&p("x*"), &r).is_empty(), "empty matches are none");
        assert!(matches!(Query::pattern("("), Err(QueryError::Pattern(_))));
    }

    #[test]
    fn every_report_is_searched_in_order() {
        let reports = vec![
            report("一、总体情况\n推进法治政府建设。\n"),
            report("一、总体情况\n推进政府建设。\n"),
            report("一、总体情况\n推进法治建设，法治。\n"),
        ];
        let texts = search_texts(&reports);
        let found = Query::phrase("法治").unwrap().search(&texts);
        let counts: Vec<(usize, usize)> = found.iter().map(|f| (f.report, f.hits.len())).collect();
        assert_eq!(counts, vec![(0, 1), (2, 2)]);
    }
}
