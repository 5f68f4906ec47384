//! Where a heading's title ends when the page lost the break after it and
//! no stop closes it: `(一)持续深入学习宣传贯彻习近平法治思想市委、市政府持续
//! 发挥…`. A title is a phrase that ends on a noun of the genre (思想, 建设,
//! 职责, 机制, 环境…); the paragraph after it opens as the genre's sentences
//! open: with who acts (市委、市政府, 各级, 我区), a year, or a verb that
//! starts a sentence (坚持, 根据, 组织, 将…). The title ends at the first
//! place where both meet.
//!
//! Only a title that would otherwise run on past the length of a title is
//! read this way; a title that ends on its own line keeps every word.

use std::sync::LazyLock;

/// A title candidate longer than this, with no stop, has run on.
pub(crate) const RUN_ON_CHARS: usize = 30;
/// The fewest chars a title has.
const MIN_TITLE_CHARS: usize = 4;
/// The most chars a title has.
const MAX_TITLE_CHARS: usize = 60;

/// Words a heading's title ends on.
const TITLE_ENDS: &[&str] = &[
    "建设", "思想", "职责", "责任", "领导", "改革", "环境", "监管", "机制", "体系", "能力", "水平",
    "情况", "工作", "成效", "保障", "制度", "决策", "执法", "监督", "服务", "治理", "作用", "格局",
    "质效", "效能", "力度", "基础", "规范", "精神", "部署", "措施", "任务", "效率", "安全", "公开",
    "审查", "复议", "诉讼", "纠纷", "宣传", "教育", "队伍", "素养", "意识", "氛围", "立法", "清单",
    "权力", "职能", "政府", "法治", "理论", "要求", "转变", "提升", "落实", "推进", "化解", "管理",
    "发展", "创新", "建议", "提案", "程序", "备案", "引领", "统筹", "协调", "主线", "方向", "举措",
    "稳定",
];

/// How the genre's sentences open.
const OPENERS: &[&str] = &[
    // Who acts.
    "市委",
    "区委",
    "县委",
    "省委",
    "州委",
    "党委",
    "各级",
    "各地",
    "各部门",
    "全市",
    "全区",
    "全县",
    "全省",
    "我市",
    "我区",
    "我县",
    "我省",
    "我局",
    "本市",
    "本区",
    "本县",
    "市政府",
    "区政府",
    "县政府",
    "省政府",
    "党的领导是",
    // Verbs a sentence starts with.
    "坚持",
    "持续",
    "建立",
    "健全",
    "完善",
    "优化",
    "制定",
    "出台",
    "印发",
    "组织",
    "开展",
    "召开",
    "推动",
    "根据",
    "按照",
    "围绕",
    "聚焦",
    "将",
    "把",
    "通过",
    "进一步",
    "率先",
    "着力",
    "切实",
    "成立",
    "编制",
    "修订",
    "举办",
    "完成",
    "累计",
    "全年",
    "今年",
    "年内",
    "一年来",
    "深入贯彻",
    "深入推进",
    "深入开展",
    "深入学习",
    "为深入",
    "深化",
    "一方面",
    "充分发挥",
    "牢牢",
];

/// The byte offset in `title` (a heading's text after its marker, up to
/// its first stop) where its title ends and its paragraph begins, when
/// the two ran together.
pub(crate) fn run_on_end(title: &str) -> Option<usize> {
    // A paragraph's indent inside the title (two spaces, an ideographic
    // one): the break was there.
    if let Some(i) = indent_at(title) {
        return Some(i);
    }
    // A title's length is all that is read of the line after it.
    if title.len() <= RUN_ON_CHARS {
        return None;
    }
    title.chars().nth(RUN_ON_CHARS)?;
    let head = crate::text::take_chars(title, MAX_TITLE_CHARS + 8);
    let chars: Vec<(usize, char)> = head.char_indices().collect();
    let keys: Vec<char> = chars
        .iter()
        .map(|&(_, c)| crate::text::script::key_char(c))
        .collect();
    let at = |i: usize, w: &str| crate::text::numeral::starts_with(&keys, i, w);
    let ends_at = |i: usize| {
        TITLE_ENDS.iter().any(|w| {
            let n = w.chars().count();
            i >= n && at(i - n, w)
        })
    };
    let opens_at = |i: usize| OPENERS.iter().any(|w| at(i, w)) || year_at(&keys, i);
    // One look at the two chars around a place spares it the word lists.
    let (lasts, firsts) = edge_chars();
    (MIN_TITLE_CHARS..chars.len().min(MAX_TITLE_CHARS))
        .filter(|&i| lasts.binary_search(&keys[i - 1]).is_ok())
        .filter(|&i| keys[i].is_ascii_digit() || firsts.binary_search(&keys[i]).is_ok())
        .find(|&i| ends_at(i) && opens_at(i))
        .map(|i| chars[i].0)
}

/// Where a paragraph's indent stands inside a title: after its first
/// chars, two spaces or more (one may stand between a number and its
/// unit), then text.
fn indent_at(title: &str) -> Option<usize> {
    let mut run = 0;
    for (n, (i, c)) in title.char_indices().enumerate() {
        if crate::text::normal_char(c) == ' ' {
            run += 1;
        } else if run > 0 {
            if n > MIN_TITLE_CHARS + run && run >= 2 {
                return Some(i);
            }
            run = 0;
        }
    }
    None
}

/// The chars title ends end with and openers start with, sorted.
fn edge_chars() -> &'static (Vec<char>, Vec<char>) {
    static EDGES: LazyLock<(Vec<char>, Vec<char>)> = LazyLock::new(|| {
        let mut lasts: Vec<char> = TITLE_ENDS.iter().filter_map(|w| w.chars().last()).collect();
        let mut firsts: Vec<char> = OPENERS.iter().filter_map(|w| w.chars().next()).collect();
        lasts.sort_unstable();
        lasts.dedup();
        firsts.sort_unstable();
        firsts.dedup();
        (lasts, firsts)
    });
    &EDGES
}

/// A year and 年 at `i`: 2020年是….
fn year_at(keys: &[char], i: usize) -> bool {
    keys.len() > i + 4
        && keys[i..i + 4].iter().all(char::is_ascii_digit)
        && keys[i + 4] == '年'
        && matches!(keys[i..i + 2], ['1', '9'] | ['2', '0'])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(s: &str) -> (&str, &str) {
        match run_on_end(s) {
            Some(i) => (&s[..i], &s[i..]),
            None => (s, ""),
        }
    }

    #[test]
    fn a_run_on_title_ends_where_its_paragraph_opens() {
        for (text, title) in [
            (
                "持续深入学习宣传贯彻习近平法治思想市委、市政府持续发挥示范引领作用,结合深入开展学习",
                "持续深入学习宣传贯彻习近平法治思想",
            ),
            (
                "坚持党的领导,坚决扛牢法治政府建设政治责任坚持“思想引领、学习在先”,以习近平法治思想引领法治政府建设",
                "坚持党的领导,坚决扛牢法治政府建设政治责任",
            ),
            (
                "持续完善行政权力运作机制根据行政复议体制改革有关工作要求,核增政法专项编制",
                "持续完善行政权力运作机制",
            ),
            (
                "加强党的领导,坚持以习近平法治思想引领法治政府建设区委、区政府切实履行法治政府领导责任",
                "加强党的领导,坚持以习近平法治思想引领法治政府建设",
            ),
            (
                "基本情况2020年是武汉市法治政府建设实施方案(2016-2020)收官之年",
                "基本情况",
            ),
        ] {
            assert_eq!(split(text).0, title, "{text}");
        }
        assert_eq!(
            split("区政府主要负责同志履行推进法治建设第一责任人职责情况    深入贯彻落实中央"),
            (
                "区政府主要负责同志履行推进法治建设第一责任人职责情况    ",
                "深入贯彻落实中央"
            )
        );
        // A long title on its own keeps every word.
        let alone = "以贯彻落实党的十九大精神、习近平新时代中国特色社会主义思想为指引,努力推动实现新起点上新跨越";
        assert_eq!(split(alone).0, alone);
        assert_eq!(split("坚持高位推进"), ("坚持高位推进", ""));
    }
}
