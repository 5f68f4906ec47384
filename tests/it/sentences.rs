//! Report-like sentences built from the genre's parts (subjects, numerals
//! in both forms, hedges, units and counted nouns, verbs of change, titles
//! and quotes, heading and item markers), read whole: no panic, every
//! figure names its own text, every block its own chars. Random bytes
//! rarely form such sentences; these are what real pages hold.

use lawgov_tui::report::{Report, TextEncoding};
use proptest::prelude::*;

const PARTS: &[&str] = &[
    // Subjects and bodies.
    "我市",
    "全区",
    "本县",
    "市司法局",
    "四部委",
    "十大案例",
    "三大行动",
    "两级法院",
    "各部门",
    "全市",
    "區政府",
    "縣司法局",
    // Numerals.
    "1",
    "12",
    "120",
    "3.5",
    "0.8",
    "2024",
    "1.5万",
    "6798万",
    "12.3万余",
    "1亿",
    "一",
    "二",
    "三",
    "十",
    "十二",
    "一百二十",
    "两",
    "百分之三十六点九",
    "二〇二四",
    "第三",
    "第21",
    "１２",
    "數十",
    "上百",
    "数百",
    // Hedges and qualifiers.
    "约",
    "近",
    "超",
    "超过",
    "大",
    "余",
    "多",
    "不到",
    "不足",
    "以上",
    "左右",
    "达",
    // Units and counted nouns.
    "件",
    "人次",
    "%",
    "个",
    "项",
    "家",
    "倍",
    "万元",
    "亿元",
    "元",
    "部门",
    "部委",
    "次",
    "年",
    "月",
    "日",
    "天",
    "个工作日",
    "小时",
    "人",
    "名",
    "条",
    "份",
    "场",
    "期",
    "宗",
    // Verbs, changes and glue.
    "办结",
    "表彰",
    "被",
    "联合",
    "下降",
    "增长",
    "同比",
    "较上年",
    "压减",
    "提速",
    "其中",
    "分别为",
    "均为",
    "累计",
    "共",
    "的",
    "和",
    "、",
    "及",
    "是",
    "为",
    "全年",
    "开展",
    "行政复议",
    "纠错率",
    "出庭应诉率",
    "案件",
    "收案",
    // Titles, quotes, brackets.
    "《",
    "》",
    "“",
    "”",
    "(",
    ")",
    "（",
    "）",
    "【",
    "】",
    "〔",
    "〕",
    // Markers and punctuation.
    "一、",
    "(一)",
    "1.",
    "(1)",
    "①",
    "一是",
    "二是",
    "第一,",
    "。",
    ",",
    "，",
    ";",
    "：",
    ":",
    "!",
    "？",
    " ",
    "\u{3000}",
    "-",
    "—",
    "~",
    "至",
];

fn sentence() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(PARTS), 1..24).prop_map(|p| p.concat())
}

fn report_text() -> impl Strategy<Value = String> {
    prop::collection::vec(sentence(), 1..8).prop_map(|lines| {
        let mut text = String::from("某某市2024年法治政府建设情况报告\n一、主要举措\n");
        for l in lines {
            text.push_str(&l);
            text.push('\n');
        }
        text
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(3000))]

    #[test]
    fn report_like_sentences_are_read_whole(text in report_text()) {
        let r = Report::parse("gen.txt", text, TextEncoding::Utf8);
        for f in r.figures() {
            let line: Vec<char> = r.line(f.line).chars().collect();
            let at: String = line.get(f.col..f.col + f.len).unwrap_or_default().iter().collect();
            prop_assert_eq!(&at, &f.raw);
        }
        for (i, b) in r.blocks().iter().enumerate() {
            let by_chars: String = r.line(b.line).chars().skip(b.col).take(b.len).collect();
            prop_assert_eq!(r.block_text(i), by_chars);
        }
    }
}

#[test]
fn a_counted_noun_after_ten_big_ones_reads() {
    // Once a panic (a label's range ran backwards).
    let text = "一、总体情况\n我市十大案例被四部委联合表彰。\n".to_owned();
    let r = Report::parse("x.txt", text, TextEncoding::Utf8);
    let raws: Vec<&str> = r.figures().iter().map(|f| f.raw.as_str()).collect();
    assert_eq!(raws, ["四部委"]);
}

#[test]
fn a_value_said_of_one_thing_in_a_list_sentence_reads() {
    // Once a panic (a list of one was looked for before the value).
    let text =
        "一、主要举措\n市司法局分别为(1)12.3万余办结,提速分别为均为万元各部门我市\n".to_owned();
    let r = Report::parse("x.txt", text, TextEncoding::Utf8);
    assert_eq!(r.headings().len(), 1);
    assert_eq!(r.blocks().len(), 2);
}
