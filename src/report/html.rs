//! Saved web pages (.htm/.html) to lines of text.
//!
//! Written by hand because what we need is narrow and exact: the page's
//! text with one line per block element and nothing added. Crates that
//! render HTML to text (html2text and the like) re-wrap lines and add list
//! bullets, heading hashes and link footnotes, which would move line
//! numbers and put decorations into the report text.

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
];
/// Elements whose content is never text.
const SKIP_TAGS: &[&str] = &["script", "style", "head", "noscript", "template", "svg"];

/// True when the text looks like an HTML page rather than a plain report.
pub fn looks_like_html(text: &str) -> bool {
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

/// The page's text, one line per block, entities decoded. Linear in the
/// input; never fails (stray `<` are kept as text).
pub fn to_text(html: &str) -> String {
    let mut out = String::with_capacity(html.len() / 2);
    let mut rest = html;
    let mut skipping: Option<String> = None;
    while let Some(lt) = rest.find('<') {
        if skipping.is_none() {
            push_text(&mut out, &rest[..lt]);
        }
        let after = &rest[lt + 1..];
        let Some(gt) = after.find('>') else {
            if skipping.is_none() {
                push_text(&mut out, &rest[lt..]);
            }
            rest = "";
            break;
        };
        let tag = &after[..gt];
        rest = &after[gt + 1..];
        let (closing, name) = tag_name(tag);
        if let Some(skip) = &skipping {
            if closing && name == *skip {
                skipping = None;
            }
            continue;
        }
        if !closing && SKIP_TAGS.contains(&name.as_str()) && !tag.ends_with('/') {
            skipping = Some(name);
        } else if BLOCK_TAGS.contains(&name.as_str()) && !out.ends_with('\n') && !out.is_empty() {
            out.push('\n');
        }
    }
    if skipping.is_none() {
        push_text(&mut out, rest);
    }
    out
}

fn tag_name(tag: &str) -> (bool, String) {
    let t = tag.trim_start();
    let (closing, t) = match t.strip_prefix('/') {
        Some(t) => (true, t),
        None => (false, t),
    };
    let name: String = t
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric())
        .map(|c| c.to_ascii_lowercase())
        .collect();
    (closing, name)
}

/// Source line breaks inside a block are not text breaks in HTML.
fn push_text(out: &mut String, raw: &str) {
    let mut rest = raw;
    while !rest.is_empty() {
        match rest.find(['&', '\n', '\r']) {
            None => {
                out.push_str(rest);
                break;
            }
            Some(i) => {
                out.push_str(&rest[..i]);
                rest = &rest[i..];
                if rest.starts_with('&') {
                    let (decoded, used) = entity(rest);
                    out.push_str(&decoded);
                    rest = &rest[used..];
                } else {
                    rest = &rest[1..];
                }
            }
        }
    }
}

fn entity(s: &str) -> (String, usize) {
    let end = s
        .char_indices()
        .take(12)
        .find(|&(_, c)| c == ';')
        .map(|(i, _)| i);
    let Some(end) = end else {
        return ("&".into(), 1);
    };
    let name = &s[1..end];
    let decoded = match name {
        "nbsp" => Some('\u{a0}'),
        "amp" => Some('&'),
        "lt" => Some('<'),
        "gt" => Some('>'),
        "quot" => Some('"'),
        "apos" => Some('\''),
        "ldquo" => Some('“'),
        "rdquo" => Some('”'),
        "middot" => Some('·'),
        "mdash" => Some('—'),
        "hellip" => Some('…'),
        _ => numeric(name),
    };
    match decoded {
        Some(c) => (c.to_string(), end + 1),
        None => ("&".into(), 1),
    }
}

fn numeric(name: &str) -> Option<char> {
    let n = name.strip_prefix('#')?;
    let code = match n.strip_prefix(['x', 'X']) {
        Some(hex) => u32::from_str_radix(hex, 16).ok()?,
        None => n.parse().ok()?,
    };
    char::from_u32(code)
}

/// What a page's `<head>` says of it: government sites write the article's
/// title, publication time and source into `<meta>` tags (ArticleTitle,
/// PubDate, ContentSource), and the browser title into `<title>`.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct HeadMeta {
    /// The article's title, from its `<meta>`.
    pub title: Option<String>,
    /// The browser title, often `标题_网站名`: a title when no other is.
    pub page_title: Option<String>,
    /// The publication time as written (`2024-03-28 10:02`).
    pub published: Option<String>,
    pub source: Option<String>,
}

/// Bytes of a page read for its head: heads are short, and a page without
/// one must not be walked twice.
const HEAD_MAX_BYTES: usize = 64 * 1024;

/// The `<head>` facts of a page.
pub fn head_meta(html: &str) -> HeadMeta {
    let mut end = html.len().min(HEAD_MAX_BYTES);
    while !html.is_char_boundary(end) {
        end -= 1;
    }
    let head = &html[..end];
    let mut meta = HeadMeta::default();
    let mut rest = head;
    while let Some(lt) = rest.find('<') {
        let after = &rest[lt + 1..];
        let Some(gt) = after.find('>') else {
            break;
        };
        let tag = &after[..gt];
        rest = &after[gt + 1..];
        let (closing, name) = tag_name(tag);
        match (closing, name.as_str()) {
            (false, "meta") => read_meta_tag(tag, &mut meta),
            (false, "title") => {
                let text = rest.find('<').map_or(rest, |i| &rest[..i]);
                let mut t = String::new();
                push_text(&mut t, text);
                meta.page_title = non_empty(&t);
            }
            (false, "body") | (true, "head") => break,
            _ => {}
        }
    }
    meta
}

fn read_meta_tag(tag: &str, meta: &mut HeadMeta) {
    let Some(name) = attribute(tag, "name").or_else(|| attribute(tag, "property")) else {
        return;
    };
    let Some(content) = attribute(tag, "content").and_then(|c| non_empty(&c)) else {
        return;
    };
    let slot = match name.to_ascii_lowercase().as_str() {
        "articletitle" => &mut meta.title,
        "pubdate" | "publishdate" | "firstpublishedtime" | "pubtime" | "article:published_time" => {
            &mut meta.published
        }
        "contentsource" | "source" => &mut meta.source,
        _ => return,
    };
    slot.get_or_insert(content);
}

/// An attribute's value in a tag, entities decoded: `name="v"`, `name='v'`
/// or `name=v`, the name in any case.
fn attribute(tag: &str, name: &str) -> Option<String> {
    let lower = tag.to_ascii_lowercase();
    let mut from = 0;
    while let Some(i) = lower[from..].find(name) {
        let at = from + i;
        from = at + name.len();
        let starts_word = at == 0 || !lower.as_bytes()[at - 1].is_ascii_alphanumeric();
        let rest = tag[from..].trim_start();
        let Some(value) = rest.strip_prefix('=').map(str::trim_start) else {
            continue;
        };
        if !starts_word {
            continue;
        }
        let raw = match value.chars().next() {
            Some(q @ ('"' | '\'')) => value[1..].split(q).next().unwrap_or(""),
            _ => value
                .split(|c: char| c.is_whitespace() || c == '/')
                .next()
                .unwrap_or(""),
        };
        let mut out = String::new();
        push_text(&mut out, raw);
        return Some(out);
    }
    None
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
