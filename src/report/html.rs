//! Saved web pages (.htm/.html) to lines of text, and what their head
//! says (title, publication date, source).
//!
//! Read with html5ever's tokenizer (MIT/Apache): it splits a page as a
//! browser does (the WHATWG algorithm), so comments (`<!-- <p>…</p> -->`),
//! attribute values holding `>`, every named and numeric entity, and
//! scripts and styles read as raw text are all handled as the standard
//! says, where a hand-written reader met each only when a page showed it.
//! The tokenizer alone is used, not the tree builder: the line policy
//! needs tags and text in document order, not a tree, so a page costs one
//! pass and no DOM. Crates that render HTML to text (html2text and the
//! like) re-wrap lines and add bullets and link footnotes, which would
//! move line numbers and put decorations into the report text.
//!
//! The line policy: one line per block element (p, div, br, li, tr, h1-h6
//! and the like) and per table cell; comments, scripts, styles, templates,
//! and hidden elements (`hidden`, `display:none`) are not text; source line
//! breaks inside a block are not text breaks.

use std::cell::RefCell;

use html5ever::tendril::StrTendril;
use html5ever::tokenizer::states::RawKind;
use html5ever::tokenizer::{
    BufferQueue, Tag, TagKind, Token, TokenSink, TokenSinkResult, Tokenizer, TokenizerOpts,
};

/// Elements whose start or end begins a new line.
const BLOCK_TAGS: &[&str] = &[
    "p",
    "div",
    "br",
    "li",
    "tr",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "table",
    "section",
    "article",
    "ul",
    "ol",
    "header",
    "footer",
    "title",
    "td",
    "th",
    "dd",
    "dt",
    "blockquote",
    "hr",
    "nav",
    "aside",
    "main",
    "pre",
    "form",
    "center",
];

/// Elements whose content is never text, and how the tokenizer reads it.
const SKIP_TAGS: &[(&str, Option<RawKind>)] = &[
    ("script", Some(RawKind::ScriptData)),
    ("style", Some(RawKind::Rawtext)),
    ("xmp", Some(RawKind::Rawtext)),
    ("iframe", Some(RawKind::Rawtext)),
    ("noembed", Some(RawKind::Rawtext)),
    ("noframes", Some(RawKind::Rawtext)),
    ("textarea", Some(RawKind::Rcdata)),
    ("noscript", None),
    ("template", None),
    ("svg", None),
    ("select", None),
];

/// Elements that hold nothing: no end tag closes them.
const VOID_TAGS: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track",
    "wbr",
];

/// True when the text looks like an HTML page rather than a plain report.
pub(crate) fn looks_like_html(text: &str) -> bool {
    // The first 4 KB hold the page's opening tags; a report without a `<`
    // there (nearly all) is decided by one byte search.
    let mut end = text.len().min(4096);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let head = &text[..end];
    if memchr::memchr(b'<', head.as_bytes()).is_none() {
        return false;
    }
    let head = head.to_ascii_lowercase();
    head.contains("<html")
        || head.contains("<!doctype html")
        || head.contains("<body")
        || head.contains("<p>")
}

/// What a page's `<head>` says of it: government sites write the article's
/// title, publication time and source into `<meta>` tags (ArticleTitle,
/// PubDate, ContentSource), and the browser title into `<title>`.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct HeadMeta {
    /// The article's title, from its `<meta>`.
    pub title: Option<String>,
    /// The browser title, often `标题_网站名`: a title when no other is.
    pub page_title: Option<String>,
    /// The publication time as written (`2024-03-28 10:02`).
    pub published: Option<String>,
    pub source: Option<String>,
}

/// The page's text, one line per block, and what its head says.
pub fn read(html: &str) -> (String, HeadMeta) {
    let sink = Reader::default();
    let tokenizer = Tokenizer::new(sink, TokenizerOpts::default());
    let input = BufferQueue::default();
    input.push_back(StrTendril::from_slice(html));
    // The sink never asks to run a script, so one feed reads the page.
    let _ = tokenizer.feed(&input);
    tokenizer.end();
    let state = tokenizer.sink.state.into_inner();
    (state.out, state.head)
}

/// The page's text, one line per block.
#[cfg(test)]
pub(crate) fn to_text(html: &str) -> String {
    read(html).0
}

/// The `<head>` facts of a page.
#[cfg(test)]
pub(crate) fn head_meta(html: &str) -> HeadMeta {
    read(html).1
}

#[derive(Default)]
struct Reader {
    state: RefCell<State>,
}

#[derive(Default)]
struct State {
    out: String,
    head: HeadMeta,
    /// An element whose content is not text, and how deep inside it.
    skipping: Option<(String, usize)>,
    /// Inside `<head>`: only its title and metadata are read.
    in_head: bool,
    /// Inside `<title>`: its text is the browser title.
    title: Option<String>,
}

impl TokenSink for Reader {
    type Handle = ();

    fn process_token(&self, token: Token, _line: u64) -> TokenSinkResult<()> {
        let mut s = self.state.borrow_mut();
        match token {
            Token::TagToken(tag) => return s.tag(&tag),
            Token::CharacterTokens(text) => s.text(&text),
            _ => {}
        }
        TokenSinkResult::Continue
    }
}

impl State {
    fn tag(&mut self, tag: &Tag) -> TokenSinkResult<()> {
        let name: &str = &tag.name;
        let start = tag.kind == TagKind::StartTag;
        if let Some((skip, depth)) = &mut self.skipping {
            if name == skip.as_str() && !VOID_TAGS.contains(&name) {
                if start && !tag.self_closing {
                    *depth += 1;
                } else if !start {
                    *depth -= 1;
                    if *depth == 0 {
                        self.skipping = None;
                    }
                }
            }
            return TokenSinkResult::Continue;
        }
        match (start, name) {
            (true, "head") => self.in_head = true,
            (true, "body") | (false, "head") => self.in_head = false,
            (true, "meta") => self.meta(tag),
            (true, "title") if !tag.self_closing => {
                self.title = Some(String::new());
                return TokenSinkResult::RawData(RawKind::Rcdata);
            }
            (false, "title") => {
                if let Some(t) = self.title.take() {
                    if self.head.page_title.is_none() {
                        self.head.page_title = non_empty(&t);
                    }
                }
            }
            _ => {}
        }
        if start && !tag.self_closing {
            if let Some((_, raw)) = SKIP_TAGS.iter().find(|(t, _)| *t == name) {
                self.skipping = Some((name.to_owned(), 1));
                return raw.map_or(TokenSinkResult::Continue, TokenSinkResult::RawData);
            }
            if is_hidden(tag) && !VOID_TAGS.contains(&name) {
                self.skipping = Some((name.to_owned(), 1));
                return TokenSinkResult::Continue;
            }
        }
        if BLOCK_TAGS.contains(&name) && !self.out.is_empty() && !self.out.ends_with('\n') {
            self.out.push('\n');
        }
        TokenSinkResult::Continue
    }

    /// Text: a title's, or the page's outside its head. Source line
    /// breaks inside a block are not text breaks.
    fn text(&mut self, text: &str) {
        if self.skipping.is_some() {
            return;
        }
        if let Some(title) = &mut self.title {
            title.push_str(text);
            return;
        }
        if self.in_head {
            return;
        }
        self.out
            .extend(text.chars().filter(|c| !matches!(c, '\n' | '\r')));
    }

    fn meta(&mut self, tag: &Tag) {
        let attr = |name: &str| {
            tag.attrs
                .iter()
                .find(|a| (*a.name.local).eq_ignore_ascii_case(name))
                .map(|a| a.value.to_string())
        };
        let Some(name) = attr("name").or_else(|| attr("property")) else {
            return;
        };
        let Some(content) = attr("content").and_then(|c| non_empty(&c)) else {
            return;
        };
        let slot = match name.to_ascii_lowercase().as_str() {
            "articletitle" => &mut self.head.title,
            "pubdate"
            | "publishdate"
            | "firstpublishedtime"
            | "pubtime"
            | "article:published_time" => &mut self.head.published,
            "contentsource" | "source" => &mut self.head.source,
            _ => return,
        };
        // The head's own metadata, not a later one in the body.
        if self.in_head || slot.is_none() {
            slot.get_or_insert(content);
        }
    }
}

/// An element a browser does not show: `hidden`, or a style that hides it.
fn is_hidden(tag: &Tag) -> bool {
    tag.attrs.iter().any(|a| {
        let name: &str = &a.name.local;
        match name {
            "hidden" => true,
            "style" => {
                let style: String = a
                    .value
                    .chars()
                    .filter(|c| !c.is_whitespace())
                    .collect::<String>()
                    .to_ascii_lowercase();
                style.contains("display:none") || style.contains("visibility:hidden")
            }
            _ => false,
        }
    })
}

fn non_empty(s: &str) -> Option<String> {
    let t = crate::text::trim(s);
    (!t.is_empty()).then(|| t.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blocks_become_lines() {
        let html = "<html><head><title>t</title><style>p{}</style></head><body>\n<div>首页&gt;公开</div><p>一、标题</p><p>正文&nbsp;1&amp;2<br>下一行</p><script>alert(1)</script></body></html>";
        let text = to_text(html);
        let lines: Vec<&str> = text.lines().filter(|l| !l.trim().is_empty()).collect();
        assert_eq!(
            lines,
            vec!["首页>公开", "一、标题", "正文\u{a0}1&2", "下一行"]
        );
    }

    #[test]
    fn pages_are_told_from_reports_by_their_opening_tags() {
        assert!(looks_like_html("<!DOCTYPE HTML>\n<Html><body>报告</body>"));
        assert!(looks_like_html(&format!(
            "{}<p>正文</p>",
            "前言".repeat(500)
        )));
        assert!(!looks_like_html("一、总体情况\n数量a<b,较上年增长。"));
        // Tags past the first 4 KB do not make a report a page.
        assert!(!looks_like_html(&format!("{}<html>", "法".repeat(1400))));
    }

    #[test]
    fn broken_markup_is_kept_as_text() {
        assert_eq!(to_text("a < b &unknown; c"), "a < b &unknown; c");
    }

    #[test]
    fn comments_entities_attributes_and_hidden_elements_read_as_a_browser_shows_them() {
        let html = concat!(
            "<body><p>全年办结案件120件。</p><!-- <p>全年办结案件999件。</p> -->",
            "<p>&ensp;&ensp;&emsp;一、主要举措</p>",
            "<p><a title=\"a > b\" onclick=\"if (x > 1) go()\">链接</a>正文</p>",
            "<div style=\"display: none\"><p>隐藏的999件</p><div>更深</div></div>",
            "<p hidden>也隐藏</p><p>&#x3000;&#12288;缩进&hellip;&ldquo;引号&rdquo;&middot;</p>",
            "<table><tr><td>甲</td><td>乙</td></tr></table></body>"
        );
        let text = to_text(html);
        assert!(!text.contains("999"), "{text}");
        assert!(!text.contains("更深") && !text.contains("也隐藏"), "{text}");
        assert!(
            text.contains("\u{2002}\u{2002}\u{2003}一、主要举措"),
            "{text}"
        );
        assert!(
            text.contains("链接正文") && !text.contains("go()"),
            "{text}"
        );
        assert!(text.contains("\u{3000}\u{3000}缩进…“引号”·"), "{text}");
        assert!(text.contains("甲\n乙"), "{text}");
    }

    #[test]
    fn a_pages_head_says_its_title_date_and_source() {
        let html = concat!(
            "<html><head><meta charset=\"utf-8\">",
            "<META NAME=\"ArticleTitle\" CONTENT=\"某某市2023年法治政府建设年度报告\">",
            "<meta name='PubDate' content='2024-03-28 10:02'>",
            "<meta name=\"ContentSource\" content=\"市司法局\">",
            "<meta name=\"keywords\" content=\"法治\">",
            "<title>某某市2023年法治政府建设年度报告_某某市人民政府</title></head>",
            "<body><meta name=\"PubDate\" content=\"1999-01-01\"><p>正文</p></body></html>"
        );
        let m = head_meta(html);
        assert_eq!(m.title.as_deref(), Some("某某市2023年法治政府建设年度报告"));
        assert_eq!(m.published.as_deref(), Some("2024-03-28 10:02"));
        assert_eq!(m.source.as_deref(), Some("市司法局"));
        assert_eq!(
            m.page_title.as_deref(),
            Some("某某市2023年法治政府建设年度报告_某某市人民政府")
        );
        assert_eq!(head_meta("<p>正文</p>"), HeadMeta::default());
    }
}
