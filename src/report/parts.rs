//! The parts check (spec §3): for each of the four parts the 2019
//! regulation requires, whether the report gives it a section, only
//! mentions it, or lacks it; and whether it was published by 31 March.

use std::cell::OnceCell;
use std::sync::{LazyLock, OnceLock};

use regex::Regex;
use serde::Serialize;

use super::meta::Meta;
use super::outline::{BlockKind, Outline, Section, SectionKind};
pub use super::part::Part;
use super::LineKind;
use crate::text::pattern::RuleSet;
use crate::text::{self, script};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum PartStatus {
    Section,
    Mention,
    Absent,
}

impl PartStatus {
    pub fn name(self) -> &'static str {
        match self {
            PartStatus::Section => "section",
            PartStatus::Mention => "mention",
            PartStatus::Absent => "absent",
        }
    }
}

/// What the report says of one required part.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PartFinding {
    pub status: PartStatus,
    /// Exact text of the file that shows it (null when absent).
    pub evidence: Option<String>,
    /// The section that is the part, when it has one.
    #[serde(skip)]
    pub section: Option<usize>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Parts {
    pub measures: PartFinding,
    pub shortcomings: PartFinding,
    pub leader_duty: PartFinding,
    pub next_year: PartFinding,
}

impl Parts {
    /// The four parts with their names, in the regulation's order.
    pub fn named(&self) -> [(&'static str, &PartFinding); 4] {
        [
            ("measures", &self.measures),
            ("shortcomings", &self.shortcomings),
            ("leader_duty", &self.leader_duty),
            ("next_year", &self.next_year),
        ]
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PartsCheck {
    pub parts: Parts,
    /// Published by 31 March of the year after the year covered; None when
    /// the date or the year is unknown.
    pub published_on_time: Option<bool>,
}

impl PartsCheck {
    /// What a report read without the check holds ([`super::Depth::Sections`]):
    /// every part absent, no date judged.
    pub fn unchecked() -> PartsCheck {
        let absent = || PartFinding {
            status: PartStatus::Absent,
            evidence: None,
            section: None,
        };
        PartsCheck {
            parts: Parts {
                measures: absent(),
                shortcomings: absent(),
                leader_duty: absent(),
                next_year: absent(),
            },
            published_on_time: None,
        }
    }
}

/// The part of each section, from the sections the check found for the
/// required parts; a section is in the part of its nearest ancestor that
/// is one.
pub(super) fn section_parts(sections: &[Section], check: &PartsCheck) -> Vec<Part> {
    let parts = &check.parts;
    let section = |p: &PartFinding| p.section.filter(|_| p.status == PartStatus::Section);
    let (short, next) = (section(&parts.shortcomings), section(&parts.next_year));
    let own = |s: usize| -> Option<Part> {
        if sections[s].kind == SectionKind::Preamble {
            return Some(Part::Opening);
        }
        match (Some(s) == short, Some(s) == next) {
            (true, true) => Some(Part::ShortcomingsAndPlans),
            (true, false) => Some(Part::Shortcomings),
            (false, true) => Some(Part::Plans),
            _ => None,
        }
    };
    (0..sections.len())
        .map(|s| {
            std::iter::successors(Some(s), |&a| sections[a].parent)
                .find_map(own)
                .unwrap_or(Part::Work)
        })
        .collect()
}

fn re(pattern: &str) -> Regex {
    Regex::new(pattern).expect("parts pattern")
}

/// What section titles are read for, one pattern each, in [`TITLE_WORDS`].
#[derive(Clone, Copy)]
enum Title {
    Measures,
    Short,
    /// Words that make a "problems" title about solving them.
    ShortNot,
    Leader,
    /// Duty words: a leader-duty section when its first sentence says so.
    LeaderTopic,
    Next,
    /// Words that make a title with a year's tasks a review of them.
    NextNot,
}

/// The title patterns in [`Title`]'s order, matched on titles as written
/// (see [`crate::text::pattern`]). Each part reads titles only until it finds
/// its section, one pattern at a time, and a title is sent to a pattern's
/// regex only when it holds a char a match can start with.
static TITLE_WORDS: LazyLock<RuleSet> = LazyLock::new(|| RuleSet::new(&TITLE_PATTERNS));

/// Written for keys, Simplified and normal-form.
const TITLE_PATTERNS: [&str; 7] = [
    r"举措|成效|主要工作|工作情况|工作开展情况",
    r"不足|差距|存在.{0,6}(问题|短板|困难)|问题(和|及|与)原因",
    r"补齐|弥补|补足|解决|化解",
    r"第一责任人|主要负责人|履行.{0,16}职责",
    r"责任|职责",
    r"下一年度|下一步|明年|今后|(19|20)\d{2}年度?.{0,24}(安排|计划|打算|思路|重点|任务|建议)|主要安排|工作打算|工作计划|努力方向|工作思路|今年.{0,8}工作的?(建议|安排)",
    r"完成|落实情况|回顾|成效",
];

/// Which [`Title`] patterns each section's title may match, found for
/// all titles when a part first asks.
struct Titles<'a> {
    outline: &'a Outline,
    candidates: OnceCell<Vec<u8>>,
}

impl Titles<'_> {
    /// Whether heading section `i` has the words of `t` in its title.
    fn has(&self, i: usize, t: Title) -> bool {
        let s = &self.outline.sections[i];
        let candidates = self.candidates.get_or_init(|| {
            let sections = &self.outline.sections;
            sections
                .iter()
                .map(|s| TITLE_WORDS.candidates(&s.title))
                .collect()
        });
        s.kind == SectionKind::Heading && TITLE_WORDS.is_match(t as usize, &s.title, candidates[i])
    }
}

/// Words a paragraph is searched for: the pattern for keys, and the same
/// pattern for the text as written (see [`crate::text::pattern`]), which picks
/// the paragraphs worth keying without keying them all. Each is compiled
/// when first used: a part found as a section needs neither, a title's
/// first sentence only the text form.
struct Words {
    pattern: &'static str,
    key: OnceLock<Regex>,
    text: OnceLock<Regex>,
}

impl Words {
    const fn new(pattern: &'static str) -> Words {
        Words {
            pattern,
            key: OnceLock::new(),
            text: OnceLock::new(),
        }
    }

    fn key(&self) -> &Regex {
        self.key.get_or_init(|| re(self.pattern))
    }

    fn text(&self) -> &Regex {
        self.text
            .get_or_init(|| crate::text::pattern::text_regex(self.pattern))
    }
}

static LEADER_WORDS: Words = Words::new(r"第一责任人|主要负责人.{0,20}(述法|履行|职责)");
/// An admission of shortcomings inside a paragraph counts as a mention:
/// besides "还存在…" and "不足之处", the turn the genre takes from the
/// year's results to its problems ("我们也清醒看到/认识到…困难和问题")
/// and the plain "政府工作存在不足", in national and local reports alike.
static SHORT_WORDS: Words = Words::new(concat!(
    r"(还|仍|仍然|依然)存在|存在的?(一些|一定|不少|诸多|许多|很多)的?(不足|差距|问题|短板|困难)",
    r"|不足之处|差距和不足|问题和不足|工作中?存在(不足|差距|短板)",
    r"|清醒地?(看到|认识到).{0,40}(困难|问题|挑战|不足|差距|短板)",
));
static NEXT_WORDS: LazyLock<Regex> = LazyLock::new(|| re(r"下一步|下一年度|明年|今后|接下来"));
static WILL: LazyLock<Regex> = LazyLock::new(|| {
    re(r"将(深入|继续|持续|进一步|坚持|坚决|全面|着力|聚焦|大力|不断|加快|重点|围绕|紧扣)")
});
/// Either kind of forward-looking words, to pick paragraphs worth splitting.
static NEXT_ANY: Words = Words::new(
    r"下一步|下一年度|明年|今后|接下来|将(深入|继续|持续|进一步|坚持|坚决|全面|着力|聚焦|大力|不断|加快|重点|围绕|紧扣)",
);
static MEASURE_WORDS: Words = Words::new(r"举措|成效|取得");
static TITLES: LazyLock<Regex> = LazyLock::new(|| re(r"《[^》]*》|“[^”]*”"));

pub fn check(lines: &[&str], kinds: &[LineKind], outline: &Outline, meta: &Meta) -> PartsCheck {
    let titles = Titles {
        outline,
        candidates: OnceCell::new(),
    };
    let titled = |i, t| titles.has(i, t);
    // Sentences are only needed for a part that has no section of its own.
    let paragraphs = OnceCell::new();
    let find = |section: &dyn Fn(usize, &Section) -> bool,
                words: &Words,
                mention: &dyn Fn(&Sentence) -> Option<String>|
     -> PartFinding {
        let heading = outline
            .sections
            .iter()
            .enumerate()
            .find(|&(i, s)| section(i, s));
        if let Some((i, s)) = heading {
            return PartFinding {
                status: PartStatus::Section,
                evidence: Some(evidence_of(lines, outline, s)),
                section: Some(i),
            };
        }
        let all = paragraphs.get_or_init(|| body_paragraphs(lines, kinds, outline));
        let found = all
            .iter()
            .filter(|p| words.text().is_match(p.text))
            .find_map(|p| p.sentences().find_map(|s| mention(&s)));
        match found {
            Some(e) => PartFinding {
                status: PartStatus::Mention,
                evidence: Some(e),
                section: None,
            },
            None => PartFinding {
                status: PartStatus::Absent,
                evidence: None,
                section: None,
            },
        }
    };
    let shortcomings = find(
        &|i, _| titled(i, Title::Short) && !titled(i, Title::ShortNot),
        &SHORT_WORDS,
        &|s| s.clause_span(SHORT_WORDS.key()),
    );
    let leader_duty = find(
        &|i, s| {
            titled(i, Title::Leader)
                || (titled(i, Title::LeaderTopic)
                    && first_sentence(lines, outline, s)
                        .is_some_and(|f| LEADER_WORDS.text().is_match(f)))
        },
        &LEADER_WORDS,
        &|s| s.clause_span(LEADER_WORDS.key()),
    );
    let next_year = find(
        &|i, _| titled(i, Title::Next) && !titled(i, Title::NextNot),
        &NEXT_ANY,
        &|s| next_year_mention(s, meta.year),
    );
    let others = [&shortcomings, &leader_duty, &next_year];
    let measures = find(
        &|i, s| {
            titled(i, Title::Measures)
                || (s.kind == SectionKind::Heading
                    && s.depth == 0
                    && !others
                        .iter()
                        .any(|p| p.evidence.as_deref() == Some(&evidence_of(lines, outline, s))))
        },
        &MEASURE_WORDS,
        &|s| s.clause_span(MEASURE_WORDS.key()),
    );
    PartsCheck {
        parts: Parts {
            measures,
            shortcomings,
            leader_duty,
            next_year,
        },
        published_on_time: on_time(meta),
    }
}

fn key(s: &str) -> String {
    script::key(s)
}

fn on_time(meta: &Meta) -> Option<bool> {
    let published = meta.published.as_deref()?;
    let deadline = format!("{:04}-03-31", meta.year? + 1);
    Some(published <= deadline.as_str())
}

/// A heading's own line: the marker and title, and for an inline-body
/// heading the first sentence of its body too.
fn evidence_of(lines: &[&str], outline: &Outline, s: &Section) -> String {
    let heading = &outline.headings[s.heading.unwrap_or(0)];
    let head = format!("{}{}", heading.marker, heading.title);
    match first_sentence(lines, outline, s) {
        Some(first) if heading.inline_body => format!("{head}。{first}"),
        _ => head,
    }
}

/// The first sentence of a heading's body when it is on the heading's line.
fn first_sentence<'a>(lines: &[&'a str], outline: &Outline, s: &Section) -> Option<&'a str> {
    let heading = &outline.headings[s.heading?];
    if !heading.inline_body {
        return None;
    }
    let block = outline.blocks[s.blocks.clone()]
        .iter()
        .find(|b| b.kind == BlockKind::Paragraph)?;
    let line = lines[block.line - 1];
    let body = &line[super::char_to_byte(line, block.col)..];
    Some(body.split('。').next().unwrap_or(body))
}

/// A sentence of report text with its Simplified key and the paragraph it
/// stands in.
struct Sentence<'a> {
    text: &'a str,
    key: &'a str,
    paragraph_key: &'a str,
}

/// A paragraph of report text and its key, made when first read: most
/// paragraphs are passed over by their text alone.
struct Paragraph<'a> {
    text: &'a str,
    key: OnceCell<String>,
}

impl Paragraph<'_> {
    fn key(&self) -> &str {
        self.key.get_or_init(|| key(self.text))
    }

    /// Text and key are split at the same stops, which the key keeps (。)
    /// or maps to one another (；→;), so the pieces line up.
    fn sentences(&self) -> impl Iterator<Item = Sentence<'_>> {
        const STOPS: [char; 7] = ['。', ';', '；', '!', '！', '?', '？'];
        let paragraph_key = self.key();
        self.text
            .split(STOPS)
            .zip(paragraph_key.split(STOPS))
            .filter_map(move |(text, key)| {
                let (text, key) = (text::trim(text), text::trim(key));
                (!text.is_empty()).then_some(Sentence {
                    text,
                    key,
                    paragraph_key,
                })
            })
    }
}

impl Sentence<'_> {
    /// From the clause of the first hit to the end of the clause of the
    /// last: the words that show the part, without the rest of a long
    /// sentence.
    fn clause_span(&self, re: &Regex) -> Option<String> {
        let first = re.find(self.key)?;
        let last = re.find_iter(self.key).last().unwrap_or(first);
        let start = self.key[..first.start()]
            .rfind(is_clause_end)
            .map_or(0, |i| i + ','.len_utf8());
        let end = self.key[last.end()..]
            .find(is_clause_end)
            .map_or(self.key.len(), |i| last.end() + i);
        Some(self.original(start, end))
    }

    fn original(&self, start: usize, end: usize) -> String {
        let c0 = self.key[..start].chars().count();
        let n = self.key[start..end].chars().count();
        let b0 = super::char_to_byte(self.text, c0);
        let b1 = b0 + super::char_to_byte(&self.text[b0..], n);
        self.text[b0..b1].to_owned()
    }
}

fn is_clause_end(c: char) -> bool {
    matches!(c, ',' | ';' | ':')
}

/// Forward-looking text: "下一步…", or a "…将深入…" sentence in a paragraph
/// that names the next year outside titles and quotes.
fn next_year_mention(s: &Sentence, year: Option<i32>) -> Option<String> {
    if NEXT_WORDS.is_match(s.key) {
        return Some(s.text.to_owned());
    }
    let next = format!("{}年", year? + 1);
    // The sentence first: the paragraph is read again for each of its
    // sentences, so only a sentence that says "will" pays for it.
    if !WILL.is_match(s.key) {
        return None;
    }
    let paragraph = TITLES.replace_all(s.paragraph_key, "");
    paragraph.contains(&next).then(|| s.text.to_owned())
}

fn body_paragraphs<'a>(
    lines: &[&'a str],
    kinds: &[LineKind],
    outline: &Outline,
) -> Vec<Paragraph<'a>> {
    outline
        .blocks
        .iter()
        .filter(|b| b.kind == BlockKind::Paragraph && kinds[b.line - 1] == LineKind::Text)
        .map(|b| {
            let line = lines[b.line - 1];
            let text = &line[b.bytes.start..];
            Paragraph {
                text,
                key: OnceCell::new(),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The text form of each word rule (title words too, as the title
    /// rule set runs them) picks exactly the paragraphs whose key the key
    /// form matches: every line of every
    /// bundled report, in its own script and in Simplified.
    #[test]
    fn text_words_pick_the_paragraphs_key_words_pick() {
        let mut rules = vec![&LEADER_WORDS, &SHORT_WORDS, &NEXT_ANY, &MEASURE_WORDS];
        let titles: Vec<Words> = TITLE_PATTERNS.iter().map(|p| Words::new(p)).collect();
        rules.extend(&titles);
        let mut hits = 0;
        for (_, bytes) in crate::bundled::BUNDLED {
            let text = std::str::from_utf8(bytes).expect("utf-8");
            for t in [text.to_owned(), script::to_simplified(text)] {
                for line in t.lines() {
                    let k = key(line);
                    for w in &rules {
                        assert_eq!(w.text().is_match(line), w.key().is_match(&k), "{line}");
                        hits += usize::from(w.key().is_match(&k));
                    }
                    let candidates = TITLE_WORDS.candidates(line);
                    for (i, w) in titles.iter().enumerate() {
                        let got = TITLE_WORDS.is_match(i, line, candidates);
                        assert_eq!(got, w.key().is_match(&k), "{line}");
                    }
                }
            }
        }
        assert!(hits > 50, "{hits}");
    }

    /// An admission inside a paragraph is a mention (◐), whether the
    /// report is national or local, and whatever its script.
    #[test]
    fn an_admission_inside_a_paragraph_is_a_mention() {
        let national = "一、过去一年工作回顾\n过去一年，经济运行总体平稳。\n\
                        在肯定成绩的同时，我们也清醒看到面临的问题和挑战。外部环境复杂严峻。\
                        政府工作存在不足，形式主义、官僚主义现象仍较突出。\n\
                        二、今年政府工作任务\n（一）扩大国内需求。实施城市更新行动。\n";
        let local = "一、2015年工作回顾\n全区地区生产总值完成274.4亿元。\n\
                     在看到成绩的同时，我們也清醒地認識到當前存在的諸多困難和問題：產業結構不夠合理。\n\
                     二、2016年工作安排\n加快推进新区建设。\n";
        let plain = "一、主要举措和成效\n政府工作存在不足，形式主义现象仍较突出。\n";
        for (text, evidence) in [
            (national, "我们也清醒看到面临的问题和挑战"),
            (local, "我們也清醒地認識到當前存在的諸多困難和問題"),
            (plain, "政府工作存在不足"),
        ] {
            let r = crate::report::Report::parse(
                "r.txt",
                text.into(),
                crate::report::TextEncoding::Utf8,
            );
            let s = &r.parts.parts.shortcomings;
            assert_eq!(s.status, PartStatus::Mention, "{text}");
            assert_eq!(s.evidence.as_deref(), Some(evidence));
        }
        // Evaluating what was done and what fell short is no admission.
        let r = crate::report::Report::parse(
            "r.txt",
            "一、主要举措和成效\n评估行政决策的实施成效和存在不足，提升管理水平。\n".into(),
            crate::report::TextEncoding::Utf8,
        );
        assert_eq!(r.parts.parts.shortcomings.status, PartStatus::Absent);
    }

    #[test]
    fn sections_know_their_part() {
        let text = "2024年,全市法治政府建设取得新成效,现将有关情况报告如下。\n\
                    一、主要举措和成效\n(一)深化改革。全年办结案件12件。\n\
                    二、存在的不足\n执法规范化水平有待提升。\n\
                    三、2025年工作安排\n(一)深化改革。推进示范创建。\n";
        let r =
            crate::report::Report::parse("r.txt", text.into(), crate::report::TextEncoding::Utf8);
        let parts: Vec<Part> = r.sections().iter().map(|s| s.part).collect();
        use Part::*;
        assert_eq!(parts, [Opening, Work, Work, Shortcomings, Plans, Plans]);
        assert!(r.heading_only(1) && !r.heading_only(2));
        assert!(ShortcomingsAndPlans.pairs_with(Plans) && !Work.pairs_with(Plans));
    }

    /// `outline` reads without the check: everything it prints (metadata,
    /// headings, items, the section tree) is what the checked report has.
    #[test]
    fn a_report_read_without_the_check_has_the_same_outline() {
        use crate::report::{Depth, Report};
        for (name, bytes) in crate::bundled::BUNDLED {
            let checked = Report::from_bytes_to(name, bytes, Depth::Outline).expect("bundled");
            let unchecked = Report::from_bytes_to(name, bytes, Depth::Sections).expect("bundled");
            assert_ne!(checked.parts, unchecked.parts, "{name} has parts");
            assert_eq!(unchecked.parts, PartsCheck::unchecked());
            assert_eq!(unchecked.meta, checked.meta, "{name}");
            assert_eq!(unchecked.headings(), checked.headings(), "{name}");
            assert_eq!(unchecked.items(), checked.items(), "{name}");
            let tree = |r: &Report| -> Vec<(usize, String, usize, usize)> {
                (0..r.sections().len())
                    .map(|s| {
                        let x = &r.sections()[s];
                        (x.depth, r.heading_label(s), x.line, r.items_of(s).len())
                    })
                    .collect()
            };
            assert_eq!(tree(&unchecked), tree(&checked), "{name}");
        }
    }
}
