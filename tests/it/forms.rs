//! The forms real pages give one report's text in: spaces inside figures
//! and titles, full- and half-width characters, the two scripts, lost and
//! hard line breaks, web pages and their chrome. Each form is a pure
//! function of the text and works on any report: nothing here knows a file.
//!
//! A form must leave a reader's reading of the report as it was: what the
//! report is (place, level, year, date, title), its headings, its figures
//! and its table. `invariance.rs` checks that it does.

use std::sync::OnceLock;

use ferrous_opencc::{config::BuiltinConfig, OpenCC};

/// One form: its name, the change, and the extension of the file name the
/// changed text is read under (`html` makes the library read a web page).
pub struct Form {
    pub name: &'static str,
    pub apply: fn(&str) -> String,
    pub ext: &'static str,
}

/// A form read as a `.txt` file.
const fn text(name: &'static str, apply: fn(&str) -> String) -> Form {
    Form {
        name,
        apply,
        ext: "txt",
    }
}

/// A form read as an `.html` file.
const fn page(name: &'static str, apply: fn(&str) -> String) -> Form {
    Form {
        name,
        apply,
        ext: "html",
    }
}

/// Every form, in the order the table prints them.
pub const FORMS: &[Form] = &[
    text("space-ascii", space_ascii),
    text("space-nbsp", space_nbsp),
    text("space-ideographic", space_ideographic),
    text("space-thin", space_thin),
    text("to-full-width", to_full_width),
    text("to-half-width", to_half_width),
    text("to-traditional", to_traditional),
    text("to-simplified", to_simplified),
    text("one-paragraph", one_paragraph),
    text("pdf-wrapped", pdf_wrapped),
    page("html-page", html_page),
    page("html-old-page", html_old_page),
    text("chrome-page", chrome_page),
    text("chrome-banner", chrome_banner),
    text("chrome-tag", chrome_tag),
    text("chrome-docshare", chrome_docshare),
];

// ---------------------------------------------------------------------------
// Shared readings of the text.

fn is_digit(c: char) -> bool {
    c.is_ascii_digit() || ('０'..='９').contains(&c)
}

fn is_han(c: char) -> bool {
    ('\u{4E00}'..='\u{9FFF}').contains(&c) || ('\u{3400}'..='\u{4DBF}').contains(&c)
}

/// The line that is the report's title, if one stands near the top: short,
/// about 法治 and a 报告/情况/总结, and no label, breadcrumb or menu.
pub fn title_line(text: &str) -> Option<usize> {
    text.lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
        .take(12)
        .find(|(_, l)| {
            let l = l.trim();
            let n = l.chars().count();
            (8..=60).contains(&n)
                && (l.contains("法治") || l.contains("依法行政"))
                && (l.contains("报告")
                    || l.contains("報告")
                    || l.ends_with("情况")
                    || l.ends_with("情況")
                    || l.ends_with("总结")
                    || l.ends_with("總結"))
                && !l.contains(['>', '|', ':', '：', '》', '。', ','])
                && !l.starts_with('标')
                && !l.starts_with('標')
                && !l.starts_with('《')
                && !is_heading(l)
        })
        .map(|(i, _)| i)
}

/// A line that opens with a heading's number: 一、 (一) （一） 1. 1、 (1).
fn is_heading(line: &str) -> bool {
    let rest = line.trim_start_matches(['(', '（']);
    let numeral = rest
        .chars()
        .take_while(|c| "一二三四五六七八九十".contains(*c) || is_digit(*c))
        .count();
    numeral > 0
        && (rest.len() < line.len() || {
            let after = rest.chars().nth(numeral);
            matches!(after, Some('、' | '.' | '．' | ' ' | ')' | '）'))
        })
}

/// The title line's index, or else the first line with text.
fn title_or_first_line(text: &str) -> usize {
    title_line(text)
        .or_else(|| text.lines().position(|l| !l.trim().is_empty()))
        .unwrap_or(0)
}

/// Replaces line `no` (0-based) by `f(line)`, keeping every line ending.
fn map_line(text: &str, no: usize, f: impl FnOnce(&str) -> String) -> String {
    let mut out = String::with_capacity(text.len() + 64);
    let mut f = Some(f);
    for (i, piece) in text.split_inclusive('\n').enumerate() {
        if i == no {
            let body = piece.trim_end_matches(['\n', '\r']);
            let end = &piece[body.len()..];
            out.push_str(&(f.take().expect("once"))(body));
            out.push_str(end);
        } else {
            out.push_str(piece);
        }
    }
    out
}

/// The years the text names (four digits, 1990–2099).
fn years_named(text: &str) -> Vec<i32> {
    let mut years = Vec::new();
    let mut run = String::new();
    for c in text.chars().chain(std::iter::once(' ')) {
        if c.is_ascii_digit() {
            run.push(c);
        } else {
            if run.len() == 4 {
                let y: i32 = run.parse().unwrap_or(0);
                if (1990..=2099).contains(&y) {
                    years.push(y);
                }
            }
            run.clear();
        }
    }
    years
}

/// A year the text never names, later than all it does: what the chrome's
/// own dates use, so that a chrome date read as the report's shows.
pub fn foreign_year(text: &str) -> i32 {
    years_named(text).into_iter().max().map_or(2031, |y| y + 1)
}

/// 星期一 … 星期日 of a date (Sakamoto's method).
fn weekday(y: i32, m: u32, d: u32) -> &'static str {
    const T: [i32; 12] = [0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4];
    let y = if m < 3 { y - 1 } else { y };
    let w = (y + y / 4 - y / 100 + y / 400 + T[m as usize - 1] + d as i32) % 7;
    [
        "星期日",
        "星期一",
        "星期二",
        "星期三",
        "星期四",
        "星期五",
        "星期六",
    ][w as usize]
}

// ---------------------------------------------------------------------------
// 1. Spaces between a number and its unit, a year and 年, and in the title.

/// What may follow a number as its unit, multiplier or hedge (both
/// scripts), and 年 after a year.
const UNITS: &[&str] = &[
    "%", "％", "‰", "年", "万", "萬", "亿", "億", "余", "餘", "多", "件", "人", "次", "名", "家",
    "个", "個", "项", "項", "条", "條", "份", "场", "場", "期", "支", "批", "天", "小时", "小時",
    "分钟", "分鐘", "元", "倍", "户", "戶", "所", "座", "台", "辆", "輛", "起", "宗", "笔", "筆",
    "篇", "部", "类", "類", "种", "種", "位", "轮", "輪", "处", "處", "套", "例", "课时", "課時",
    "学时", "學時", "周", "週", "亩", "畝", "张", "張", "册", "冊", "块", "塊", "组", "組", "队",
    "隊", "公里", "平方",
];

/// `text` with `space` between every number and the unit after it, and
/// between two characters in the middle of the title line.
pub fn spaced(text: &str, space: char) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    let mut prev: Option<char> = None;
    for (at, c) in text.char_indices() {
        if prev.is_some_and(is_digit)
            && !is_digit(c)
            && UNITS.iter().any(|u| text[at..].starts_with(u))
        {
            out.push(space);
        }
        out.push(c);
        prev = Some(c);
    }
    match title_line(&out) {
        Some(no) => map_line(&out, no, |line| space_in_title(line, space)),
        None => out,
    }
}

/// A space between the two Han characters nearest the middle of a line.
fn space_in_title(line: &str, space: char) -> String {
    let chars: Vec<char> = line.chars().collect();
    let mid = chars.len() / 2;
    let at = (1..chars.len())
        // Not inside 年度: the space after a year is a form of its own.
        .filter(|&i| is_han(chars[i - 1]) && is_han(chars[i]))
        .filter(|&i| !"年度".contains(chars[i - 1]) && !"年度".contains(chars[i]))
        .min_by_key(|&i| i.abs_diff(mid));
    match at {
        Some(i) => {
            let mut s: String = chars[..i].iter().collect();
            s.push(space);
            s.extend(&chars[i..]);
            s
        }
        None => line.to_owned(),
    }
}

pub fn space_ascii(text: &str) -> String {
    spaced(text, ' ')
}

pub fn space_nbsp(text: &str) -> String {
    spaced(text, '\u{00A0}')
}

pub fn space_ideographic(text: &str) -> String {
    spaced(text, '\u{3000}')
}

pub fn space_thin(text: &str) -> String {
    spaced(text, '\u{2009}')
}

// ---------------------------------------------------------------------------
// 2. Full-width and half-width characters.

/// Digits, Latin letters and punctuation in their full-width forms (，：
/// （）％ １２．５); spaces and line breaks stay.
pub fn to_full_width(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '!'..='~' => char::from_u32(c as u32 + 0xFEE0).unwrap_or(c),
            _ => c,
        })
        .collect()
}

/// Full-width digits, letters and punctuation in their ASCII forms, the
/// ideographic space as a space and the full stop 。 as `.`.
pub fn to_half_width(text: &str) -> String {
    text.chars().map(half_width_char).collect()
}

pub fn half_width_char(c: char) -> char {
    match c {
        '！'..='～' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        '\u{3000}' => ' ',
        '。' => '.',
        _ => c,
    }
}

// ---------------------------------------------------------------------------
// 3. The two scripts, by OpenCC.

fn opencc(config: BuiltinConfig, cell: &'static OnceLock<OpenCC>) -> &'static OpenCC {
    cell.get_or_init(|| OpenCC::from_config(config).expect("OpenCC dictionaries"))
}

/// Simplified → Traditional (OpenCC s2t).
pub fn to_traditional(text: &str) -> String {
    static CC: OnceLock<OpenCC> = OnceLock::new();
    opencc(BuiltinConfig::S2t, &CC).convert(text)
}

/// Traditional → Simplified (OpenCC t2s).
pub fn to_simplified(text: &str) -> String {
    static CC: OnceLock<OpenCC> = OnceLock::new();
    opencc(BuiltinConfig::T2s, &CC).convert(text)
}

// ---------------------------------------------------------------------------
// 4. Line breaks lost, and lines hard-wrapped as a PDF's text is.

/// The whole page one paragraph: every line break taken out.
pub fn one_paragraph(text: &str) -> String {
    text.lines().collect()
}

/// Lines hard-wrapped at 30–40 characters (the width varies line by line)
/// with a page number every 40 lines, in the forms PDFs print them.
pub fn pdf_wrapped(text: &str) -> String {
    let mut lines: Vec<String> = Vec::new();
    for line in text.lines() {
        let chars: Vec<char> = line.chars().collect();
        if chars.is_empty() {
            lines.push(String::new());
            continue;
        }
        let mut at = 0;
        while at < chars.len() {
            let width = 30 + lines.len() % 11;
            let end = (at + width).min(chars.len());
            lines.push(chars[at..end].iter().collect());
            at = end;
        }
    }
    const PAGE: usize = 40;
    let pages = lines.len().div_ceil(PAGE).max(1);
    let mut out = String::with_capacity(text.len() + lines.len() * 2);
    for (page, chunk) in lines.chunks(PAGE).enumerate() {
        for l in chunk {
            out.push_str(l);
            out.push('\n');
        }
        let n = page + 1;
        let number = match page % 3 {
            0 => format!("- {n} -"),
            1 => format!("— {n} —"),
            _ => format!("第{n}页 共{pages}页"),
        };
        out.push_str(&number);
        out.push('\n');
    }
    out
}

// ---------------------------------------------------------------------------
// 5. Web pages.

/// Text as HTML: & < > escaped, and the quotes and dots pages write as
/// entities.
fn html_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '“' => out.push_str("&ldquo;"),
            '”' => out.push_str("&rdquo;"),
            '‘' => out.push_str("&lsquo;"),
            '’' => out.push_str("&rsquo;"),
            '·' => out.push_str("&middot;"),
            '—' => out.push_str("&mdash;"),
            _ => out.push(c),
        }
    }
    out
}

/// The browser title a page gives: the report's title and the column, or
/// the column alone when the text has no title.
fn page_title(text: &str) -> String {
    match title_line(text) {
        Some(no) => format!(
            "{}_政务公开",
            html_escape(text.lines().nth(no).unwrap_or("").trim())
        ),
        None => "政务公开".to_owned(),
    }
}

/// A government site's article page: head, nav bar, each line a
/// `<p><span>` with indents of `&nbsp;`/`&ensp;`/`&emsp;`, a few `<br>`,
/// comments, entities, and a footer.
pub fn html_page(text: &str) -> String {
    let mut out = String::with_capacity(text.len() * 2 + 2048);
    out.push_str("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n");
    out.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    out.push_str(&format!("<title>{}</title>\n", page_title(text)));
    out.push_str("<link rel=\"stylesheet\" href=\"/css/article.css\">\n");
    out.push_str("<script type=\"text/javascript\" src=\"/js/jquery-1.12.4.min.js\"></script>\n");
    out.push_str("</head>\n<body>\n");
    out.push_str("<div class=\"nav\"><a href=\"/\">首页</a> <a href=\"/zwgk/\">政务公开</a> <a href=\"/hdjl/\">互动交流</a> <a href=\"/bsfw/\">办事服务</a> <a href=\"/zjxx/\">走进本市</a></div>\n");
    out.push_str("<div class=\"article\">\n<!-- 正文开始 2019-01-01 共120件 -->\n");
    for (i, line) in text.lines().enumerate() {
        let line = line.trim_end_matches('\r');
        if line.trim().is_empty() {
            out.push_str("<p><br></p>\n");
            continue;
        }
        let indent = match i % 4 {
            1 => "&nbsp;&nbsp;&nbsp;&nbsp;",
            2 => "&ensp;&ensp;",
            3 => "&emsp;&emsp;",
            _ => "",
        };
        let br = if i % 9 == 8 { "<br>" } else { "" };
        out.push_str(&format!(
            "<p style=\"text-indent:2em\"><span>{indent}{}{br}</span></p>\n",
            html_escape(line)
        ));
    }
    out.push_str("<!-- 正文结束 -->\n</div>\n");
    out.push_str("<div class=\"footer\">\n<p>版权所有:某某市人民政府办公室&nbsp;&nbsp;主办:某某市人民政府办公室&nbsp;&nbsp;网站标识码:3205820001</p>\n");
    out.push_str("<p><a href=\"https://beian.miit.gov.cn\">ICP备05012345号</a>&nbsp;&nbsp;<a href=\"/lxwm/\">联系我们</a>&nbsp;&nbsp;<a href=\"/wzdt/\">网站地图</a></p>\n</div>\n");
    out.push_str("</body>\n</html>\n");
    out
}

/// An older page: upper-case tags, the article inside nested tables,
/// `<FONT>` tags (a line split over two of them), attributes with `>`
/// inside quotes, numeric entities, a script and a style with dates and
/// numbers of their own.
pub fn html_old_page(text: &str) -> String {
    let year = foreign_year(text);
    let mut out = String::with_capacity(text.len() * 2 + 4096);
    out.push_str(
        "<HTML>\n<HEAD>\n<META http-equiv=\"Content-Type\" content=\"text/html; charset=utf-8\">\n",
    );
    out.push_str(&format!("<TITLE>{}</TITLE>\n", page_title(text)));
    out.push_str(
        "<STYLE type=\"text/css\">td > p { margin: 0 } .t14 { font-size: 14px }</STYLE>\n",
    );
    out.push_str(&format!(
        "<SCRIPT language=\"javascript\">var d = new Date(); if (d.getFullYear() > 2000) {{ document.write(\"今天是{year}年3月5日 共88件\"); }}</SCRIPT>\n"
    ));
    out.push_str("</HEAD>\n<BODY leftmargin=\"0\" topmargin=\"0\">\n");
    out.push_str("<TABLE width=\"100%\" border=\"0\" cellpadding=\"0\" cellspacing=\"0\">\n<TR><TD class=\"nav\" height=\"30\">");
    out.push_str("<A href=\"/\" title=\"首页 > 政务公开\" onclick=\"if (a > b) return false;\">首页</A> &gt; <A href=\"/zwgk/\">政务公开</A> &gt; <A href=\"/zwgk/fzzf/\">法治政府</A></TD></TR>\n");
    out.push_str("<TR><TD>\n<TABLE width=\"960\" align=\"center\"><TR><TD class=\"content\" onmouseover=\"if(x>1){y()}\">\n");
    for (i, line) in text.lines().enumerate() {
        let line = line.trim_end_matches('\r');
        if line.trim().is_empty() {
            out.push_str("<P>&nbsp;</P>\n");
            continue;
        }
        let indent = if i % 3 == 0 { "&#12288;&#x3000;" } else { "" };
        let chars: Vec<char> = line.chars().collect();
        let body = if i % 3 == 1 && chars.len() >= 4 {
            // Word's export: one line over two <FONT> runs.
            let mid = chars.len() / 2;
            let a: String = chars[..mid].iter().collect();
            let b: String = chars[mid..].iter().collect();
            format!(
                "<FONT face=\"仿宋_GB2312\" size=\"4\">{}</FONT><FONT face='仿宋_GB2312' size=4>{}</FONT>",
                html_escape(&a),
                html_escape(&b)
            )
        } else {
            format!(
                "<FONT face=\"仿宋_GB2312\" size=\"4\">{}</FONT>",
                html_escape(line)
            )
        };
        out.push_str(&format!(
            "<P align=\"justify\" class=\"t14\">{indent}{body}</P>\n"
        ));
    }
    out.push_str("</TD></TR></TABLE>\n</TD></TR>\n");
    out.push_str(&format!(
        "<TR><TD class=\"footer\" align=\"center\">版权所有:某某市人民政府办公室 &copy; 2003-{year}<BR>网站标识码:3205820001&nbsp;ICP备05012345号<BR><A href=\"mailto:a@b.cn\">联系我们</A></TD></TR>\n"
    ));
    out.push_str("</TABLE>\n<IMG src=\"/images/qr.png\" alt=\"扫一扫 > 手机看\" width=\"90\">\n</BODY>\n</HTML>\n");
    out
}

// ---------------------------------------------------------------------------
// 6. Site chrome above and below the report.

/// A site's clock, breadcrumb and font widget above the text; print and
/// share bars and the copyright footer below. The clock's year is one the
/// text never names.
pub fn chrome_page(text: &str) -> String {
    let year = foreign_year(text);
    let mut out = String::with_capacity(text.len() + 512);
    out.push_str(&format!("今天是:{year}年3月5日 {}\n", weekday(year, 3, 5)));
    out.push_str("当前位置: 首页 > 政务公开 > 法治政府建设\n");
    out.push_str("【字体:大 中 小】\n");
    out.push_str(text);
    if !text.ends_with('\n') {
        out.push('\n');
    }
    out.push_str("打印本页 关闭窗口\n");
    out.push_str("分享到: 微信 微博 QQ空间\n");
    out.push_str("版权所有:某某市人民政府办公室 主办:某某市人民政府办公室 网站标识码:3205820001 ICP备05012345号\n");
    out
}

/// A site's banner glued to the title (or the first line) with no break.
pub fn chrome_banner(text: &str) -> String {
    map_line(text, title_or_first_line(text), |l| {
        format!("首页|政务公开|政策文件{l}")
    })
}

/// A column tag before the title (or the first line): [权威发布] and
/// 【法治政府】, one after the other.
pub fn chrome_tag(text: &str) -> String {
    map_line(text, title_or_first_line(text), |l| {
        format!("[权威发布]【法治政府】{l}")
    })
}

/// A document-sharing site's header line above the text.
pub fn chrome_docshare(text: &str) -> String {
    let name = title_line(text)
        .and_then(|no| text.lines().nth(no))
        .map_or_else(
            || "法治政府建设工作报告".to_owned(),
            |l| l.trim().to_owned(),
        );
    format!(
        "《{name}.docx》由会员分享，可在线阅读，更多相关《{name}.docx(12页珍藏版)》请在某某文库上搜索。\n{text}"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = "关于某某县2023年度法治政府建设情况的报告\n全年办结行政复议案件120件,纠错率12.5%,同比下降3个百分点。\n";

    #[test]
    fn spaces_stand_between_numbers_and_units_and_in_the_title() {
        for (form, sp) in [
            (space_ascii as fn(&str) -> String, ' '),
            (space_nbsp, '\u{00A0}'),
            (space_ideographic, '\u{3000}'),
            (space_thin, '\u{2009}'),
        ] {
            let got = form(SAMPLE);
            assert!(got.contains(&format!("2023{sp}年度")), "{got}");
            assert!(got.contains(&format!("120{sp}件")), "{got}");
            assert!(got.contains(&format!("12.5{sp}%")), "{got}");
            assert!(got.contains(&format!("3{sp}个百分点")), "{got}");
            let title = got.lines().next().unwrap();
            assert_eq!(title.matches(sp).count(), 2, "{title}");
            assert!(!title.contains(&format!("{sp}关")) && !title.ends_with(sp));
            assert_eq!(got.replace(sp, ""), SAMPLE);
        }
    }

    #[test]
    fn widths_convert_both_ways() {
        let full = to_full_width(SAMPLE);
        assert!(full.contains("１２０件，纠错率１２．５％"), "{full}");
        assert!(!full.chars().any(|c| c.is_ascii_graphic()));
        let half = to_half_width(&full);
        assert_eq!(half, SAMPLE.replace('。', "."));
        assert_eq!(to_half_width("（一）１．５％，。　"), "(一)1.5%,. ");
    }

    #[test]
    fn scripts_convert_both_ways() {
        let t = to_traditional(SAMPLE);
        assert!(t.contains("關於某某縣") && t.contains("報告"), "{t}");
        assert_eq!(to_simplified(&t), SAMPLE);
    }

    #[test]
    fn lines_run_together_or_wrap_with_page_numbers() {
        assert_eq!(one_paragraph(SAMPLE), SAMPLE.replace('\n', ""),);
        let long = SAMPLE.repeat(40);
        let wrapped = pdf_wrapped(&long);
        assert!(wrapped.lines().all(|l| l.chars().count() <= 40));
        assert!(wrapped.lines().any(|l| l.chars().count() > 30));
        assert!(wrapped.contains("- 1 -\n") && wrapped.contains("— 2 —\n"));
        assert!(wrapped.contains("第3页 共"), "{wrapped}");
        let unwrapped: String = wrapped
            .lines()
            .filter(|l| !l.starts_with('-') && !l.starts_with('—') && !l.starts_with('第'))
            .collect();
        assert_eq!(unwrapped, long.replace('\n', ""));
    }

    #[test]
    fn pages_wrap_the_text_in_html() {
        let sample = format!("{SAMPLE}“放管服”改革·持续深化\n");
        for page in [html_page(&sample), html_old_page(&sample)] {
            assert!(
                page.to_lowercase()
                    .contains("<title>关于某某县2023年度法治政府建设情况的报告_政务公开</title>"),
                "{page}"
            );
            assert!(page.contains("办结行政复议案件120件"), "{page}");
            assert!(
                page.contains("&ldquo;放管服&rdquo;改革&middot;持续深化"),
                "{page}"
            );
            assert!(page.contains("ICP备05012345号"));
        }
        assert!(html_page(SAMPLE).contains("<span>&nbsp;&nbsp;&nbsp;&nbsp;全年办结"));
        assert!(html_old_page(SAMPLE).contains("</FONT><FONT"));
    }

    #[test]
    fn chrome_surrounds_the_text_with_dates_of_its_own() {
        let page = chrome_page(SAMPLE);
        assert!(page.starts_with("今天是:2024年3月5日 星期二\n"), "{page}");
        assert!(page.contains(SAMPLE) && page.ends_with("ICP备05012345号\n"));
        assert_eq!(
            chrome_banner(SAMPLE).lines().next(),
            Some("首页|政务公开|政策文件关于某某县2023年度法治政府建设情况的报告")
        );
        assert!(chrome_tag(SAMPLE).starts_with("[权威发布]【法治政府】关于"));
        let shared = chrome_docshare(SAMPLE);
        assert!(shared.starts_with("《关于某某县2023年度法治政府建设情况的报告.docx》由会员分享"));
        assert!(shared.ends_with(SAMPLE));
        // A heading is no title; with no title the first line takes the
        // banner.
        assert_eq!(title_line("一、2019年推进法治政府建设情况\n"), None);
        assert_eq!(
            title_line("市司法局>专题专栏>法治政府建设工作情况报告\n"),
            None
        );
        assert!(chrome_banner("2023年,我县坚持。\n").starts_with("首页|政务公开|政策文件2023年"));
    }

    #[test]
    fn weekdays_are_right() {
        assert_eq!(weekday(2024, 3, 5), "星期二");
        assert_eq!(weekday(2025, 3, 5), "星期三");
        assert_eq!(weekday(2000, 1, 1), "星期六");
    }
}
