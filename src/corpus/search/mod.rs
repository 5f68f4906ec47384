//! Search across reports: a phrase, or a regular expression, over the
//! text of every loaded report, blind to script (張 finds 张 and back), to
//! full-width forms and to Latin case.
//!
//! A query is on keys (each char folded as [`search_key`] does, one char
//! for one); it runs on the text as written, each char it names widened
//! to the chars keyed to it ([`on_text`]), so no folded copy of the
//! reports is kept: a report's text and where its blocks lie in it
//! ([`Report::block_spans`]) are all a search reads. A hit is a match
//! inside one block, as if each block were searched alone: `^` and `$`
//! are a block's ends.

mod on_text;

use rayon::prelude::*;
use regex_automata::meta::Regex;

use super::filter::search_key;
use crate::report::{Hit, Report};
use crate::text;

/// The blocks a match at `at..end` of a report's text touches, of the
/// blocks' spans there.
fn touched(spans: &[(u32, u32)], at: usize, end: usize) -> std::ops::Range<usize> {
    let first = spans.partition_point(|&(_, e)| (e as usize) < at);
    let last = spans.partition_point(|&(s, _)| (s as usize) < end.max(at + 1));
    first..last.max(first)
}

/// What is searched for.
#[derive(Debug, Clone)]
pub struct Query {
    regex: Regex,
    /// Whether the query asks where it stands (`^`, `$`, `\b`): then each
    /// block is searched alone, as the text around it could answer
    /// otherwise.
    looks: bool,
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
        Query::on_text(&on_text::phrase(&key))
    }

    /// A regular expression, its literal chars folded as the text is.
    pub fn pattern(pattern: &str) -> Result<Query, QueryError> {
        if pattern.is_empty() {
            return Err(QueryError::Empty);
        }
        let on_keys = regex_syntax::ParserBuilder::new()
            .case_insensitive(true)
            .build()
            .parse(&fold_pattern(pattern))
            .map_err(|e| QueryError::Pattern(text::one_line(&e.to_string())))?;
        Query::on_text(&on_text::pattern(&on_keys))
    }

    fn on_text(hir: &regex_syntax::hir::Hir) -> Result<Query, QueryError> {
        let regex = Regex::builder()
            .configure(Regex::config().nfa_size_limit(Some(PATTERN_SIZE_LIMIT)))
            .build_from_hir(hir)
            .map_err(|e| QueryError::Pattern(text::one_line(&e.to_string())))?;
        Ok(Query {
            regex,
            looks: !hir.properties().look_set().is_empty(),
        })
    }

    /// [`Query::pattern`] when `regex`, else [`Query::phrase`].
    pub fn new(text: &str, regex: bool) -> Result<Query, QueryError> {
        match regex {
            true => Query::pattern(text),
            false => Query::phrase(text),
        }
    }

    /// Every hit in one report, in reading order; empty matches are none.
    pub fn hits(&self, report: &Report) -> Vec<Hit> {
        let (text, spans) = (report.text.as_str(), report.block_spans());
        let mut hits = Vec::new();
        let mut next = 0;
        for block in self.blocks_to_search(text, &spans) {
            // A match across the text can touch a block twice.
            if block < next {
                continue;
            }
            next = block + 1;
            let (start, end) = spans[block];
            let Some(hay) = text.get(start as usize..end as usize) else {
                continue;
            };
            for m in self.regex.find_iter(hay) {
                if m.is_empty() {
                    continue;
                }
                hits.push(Hit {
                    block,
                    col: hay[..m.start()].chars().count(),
                    len: hay[m.range()].chars().count(),
                });
            }
        }
        hits
    }

    /// The blocks that may hold a hit, in order. One pass over the whole
    /// text finds them: where a block alone has a match, the same chars
    /// match in the text, so some match there starts at or runs over it.
    /// Each is then searched alone, which gives the hits exactly.
    fn blocks_to_search(&self, text: &str, spans: &[(u32, u32)]) -> Vec<usize> {
        match self.looks {
            true => (0..spans.len()).collect(),
            false => self
                .regex
                .find_iter(text)
                .flat_map(|m| touched(spans, m.start(), m.end()))
                .collect(),
        }
    }

    /// The hits in every report, on every core: one entry per report with
    /// a hit, in the reports' order.
    pub fn search(&self, reports: &[Report]) -> Vec<ReportHits> {
        reports
            .par_iter()
            .enumerate()
            .filter_map(|(report, r)| {
                let hits = self.hits(r);
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
        let k = crate::text::script::key_char(c);
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
    use crate::text::script;

    fn report(text: &str) -> Report {
        Report::parse("t.txt", text.into(), TextEncoding::Utf8)
    }

    fn found(q: &Query, r: &Report) -> Vec<String> {
        q.hits(r)
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
        let hits = Query::phrase("法治").unwrap().hits(&r);
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
        let found = Query::phrase("法治").unwrap().search(&reports);
        let counts: Vec<(usize, usize)> = found.iter().map(|f| (f.report, f.hits.len())).collect();
        assert_eq!(counts, vec![(0, 1), (2, 2)]);
    }

    /// The search as it was, on a folded copy of each report: every block
    /// keyed and joined by line breaks, a phrase found by substring and a
    /// pattern on the keys. The search on the text must find the same.
    fn keys(r: &Report) -> (String, Vec<usize>) {
        let (mut key, mut starts) = (String::new(), Vec::new());
        r.each_block_text(|_, text| {
            starts.push(key.len());
            key.push_str(&search_key(text));
            key.push('\n');
        });
        (key, starts)
    }

    fn by_keys((key, starts): &(String, Vec<usize>), re: &regex::Regex) -> Vec<Hit> {
        re.find_iter(key)
            .filter(|m| !m.is_empty())
            .map(|m| {
                let block = starts.partition_point(|&s| s <= m.start()) - 1;
                Hit {
                    block,
                    col: key[starts[block]..m.start()].chars().count(),
                    len: m.as_str().chars().count(),
                }
            })
            .collect()
    }

    fn sample_reports() -> Vec<Report> {
        let mut texts: Vec<String> = Vec::new();
        for (_, bytes) in crate::bundled::BUNDLED {
            let text = std::str::from_utf8(bytes).expect("utf-8");
            texts.push(text.to_owned());
            texts.push(script::to_simplified(text));
        }
        texts.extend(crate::report::samples::wild_pages());
        texts.into_iter().map(|t| report(&t)).collect()
    }

    /// Phrases from the reports themselves (every so many blocks, a run
    /// of chars from inside), and forms the texts may not hold as typed.
    fn sample_phrases(reports: &[Report]) -> Vec<String> {
        let mut phrases: Vec<String> = [
            "行政复议",
            "行政複議",
            "法治",
            "ＡＢ",
            "ab",
            "（一）",
            "(一)",
            "，",
            "2023年",
            "%",
            "a b",
        ]
        .map(str::to_owned)
        .to_vec();
        for r in reports {
            for b in (0..r.blocks().len()).step_by(11) {
                let chars: Vec<char> = r.block_text(b).chars().collect();
                for (at, n) in [(0, 4), (3, 2), (5, 6)] {
                    if at + n <= chars.len()
                        && !text::trim(&chars[at..at + n].iter().collect::<String>()).is_empty()
                    {
                        phrases.push(chars[at..at + n].iter().collect());
                    }
                }
            }
        }
        phrases
    }

    #[test]
    fn the_text_is_searched_as_its_keys_would_be() {
        let reports = sample_reports();
        let phrases = sample_phrases(&reports);
        // Patterns whose matches cannot hold a line break: the keys'
        // search could run one across blocks, which the text's never does.
        let patterns = [
            r"复议.{0,8}\d+件",
            r"\d+(\.\d+)?%",
            r"（[一二三四五六七八九十]+）",
            "法治|依法行政",
            r"[a-z]+",
            r"\p{Han}{2}局",
            r"[^\s，。、]{3}率",
            "x*",
            "(?-u:a)",
        ];
        let mut queries: Vec<(String, Query, regex::Regex)> = Vec::new();
        for p in &phrases {
            let on_keys = regex::Regex::new(&regex::escape(&search_key(text::trim(p))));
            queries.push((
                format!("phrase {p:?}"),
                Query::phrase(p).unwrap(),
                on_keys.unwrap(),
            ));
        }
        for p in patterns {
            let on_keys = regex::RegexBuilder::new(&fold_pattern(p))
                .case_insensitive(true)
                .build();
            queries.push((
                format!("pattern {p:?}"),
                Query::pattern(p).unwrap(),
                on_keys.unwrap(),
            ));
        }
        let mut compared = 0;
        for r in &reports {
            let keyed = keys(r);
            for (name, q, on_keys) in &queries {
                assert_eq!(q.hits(r), by_keys(&keyed, on_keys), "{name} in {}", r.file);
                compared += 1;
            }
        }
        assert!(compared > 10_000, "{compared} searches compared");
    }

    #[test]
    fn a_hit_stays_in_its_block_and_anchors_are_the_blocks_ends() {
        let r = report("一、总体情况\n法治政府建设取得成效。\n坚持依法行政，推进法治。\n");
        let p = |s| Query::pattern(s).unwrap();
        assert_eq!(found(&p("^法治"), &r), vec!["法治"]);
        assert_eq!(found(&p("法治。$"), &r), vec!["法治。"]);
        assert_eq!(found(&p(r"。\s*坚持"), &r), Vec::<String>::new());
        assert_eq!(found(&p(r"[^，]+"), &r).len(), 4);
    }
}
