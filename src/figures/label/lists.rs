//! The words a label is cut by: what ends the text before a figure
//! (verbs of measurement, hedges), what opens it (lead words, bodies),
//! the verbs and adverbs where a predicate starts, and the heads of
//! compound nouns whose first half is a verb.

use std::sync::LazyLock;

use super::super::words::Words;

/// Words trimmed from the end of the text before a figure, longest first
/// within each group of the same ending.
pub(super) const TAIL: &[&str] = &[
    "同比增长",
    "同比下降",
    "同比提高",
    "同比减少",
    "分别达到",
    "分别下降",
    "平均为",
    "平均达",
    "降低到",
    "降低至",
    "提高到",
    "提高至",
    "提升至",
    "降至",
    "降到",
    "降为",
    "升至",
    "增至",
    "减至",
    "分别增长",
    "分别为",
    "均达到",
    "均达",
    "均为",
    "均在",
    "均是",
    "都达到",
    "都为",
    "达到",
    "达",
    "为",
    "是",
    "在",
    "共计",
    "合计",
    "总计",
    "累计",
    "共",
    "计",
    "约",
    "近",
    "超过",
    "超",
    "逾",
    "同比",
    "增长",
    "下降",
    "提高",
    "上升",
    "提升",
    "提速",
    "增加",
    "减少",
    "降低",
    "降幅",
    "增幅",
    "精简",
    "压缩",
    "缩短",
    "平均",
    "月均",
    "年均",
    "分别",
    "均",
    "都",
    "了",
    "有",
    "至",
    "到",
    "已",
    "实现",
    "连续",
    "连年",
    "保持",
    "稳定",
    "维持",
    "控制",
    "突破",
];

/// Words trimmed from the start of a label.
/// The heads of nouns of people: a count of people names them with one.
pub(super) const PEOPLE_HEADS: &[&str] = &[
    "人员",
    "干部",
    "群众",
    "律师",
    "职工",
    "代表",
    "委员",
    "学生",
    "工作者",
    "法官",
    "检察官",
    "党员",
    "公务员",
    "人才",
    "志愿者",
    "调解员",
    "明白人",
    "顾问",
    "村民",
    "居民",
    "企业家",
];

pub(super) static PEOPLE: LazyLock<Words> =
    LazyLock::new(|| Words::new(PEOPLE_HEADS.iter().copied()));

/// Verbs of reaching and holding a level that end a subject ("粮食产量
/// 再上新台阶", "财政收入突破…"), besides the predicate words.
pub(super) const MOVE: &[&str] = &[
    "再上", "迈上", "跃上", "登上", "再创", "创下", "突破", "保持", "稳定", "维持", "连年", "持续",
    "实现", "达到",
];

pub(super) static MOVES: LazyLock<Words> = LazyLock::new(|| Words::new(MOVE.iter().copied()));

pub(super) const LEAD: &[&str] = &[
    "其中",
    "全年",
    "共",
    "累计",
    "并",
    "且",
    "已",
    "先后",
    "同时",
    "此外",
    "另外",
    "目前",
    "截至目前",
    "今年以来",
    "年内",
    "共有",
    "全市",
    "全区",
    "全县",
    "全省",
    "我市",
    "我区",
    "我县",
    "积极",
    "有效",
    "依法",
    "进一步",
];

/// Verbs that take the counted noun as their object ("组织800名执法人员").
pub(super) const VERBS: &[&str] = &[
    "实现", "开展", "办理", "受理", "组织", "举办", "培训", "审查", "制定", "清理", "完成", "化解",
    "收到", "出台", "发布", "公布", "建立", "建成", "设立", "聘请", "覆盖", "涉及", "新增", "处理",
    "调处", "提出", "解决", "梳理", "修改", "废止", "评查", "召开", "签订", "印发", "帮助", "服务",
    "挽回", "减免", "培育", "选派", "组建", "打造", "推出", "开设", "编制", "审核", "备案", "成立",
    "配备", "落实", "参加", "参与", "引导", "分", "对", "向", "为", "推动", "推进", "形成", "汇编",
    "收集", "征集", "办结", "接待", "走访", "指导", "入选", "获评", "荣获", "实行", "实施",
];

/// Words after a figure that begin a predicate, not a noun.
pub(super) const ADVERBS: &[&str] = &[
    "进一步",
    "依法",
    "按时",
    "按期",
    "及时",
    "进行",
    "被",
    "获",
    "得到",
    "通过",
    "全部",
    "均",
    "已",
    "不",
    "以",
    "在",
    "从",
    "将",
    "纳入",
    "次",
    "参加",
    "参与",
    "接受",
    "得以",
    "予以",
    "大幅",
    "有效",
    "同比",
    "分别",
];

pub(super) static TAIL_WORDS: LazyLock<Words> = LazyLock::new(|| Words::new(TAIL.iter().copied()));
pub(super) static LEAD_WORDS: LazyLock<Words> = LazyLock::new(|| Words::new(LEAD.iter().copied()));
/// Verbs and adverbs: where a predicate starts.
pub(super) static PREDICATE_WORDS: LazyLock<Words> =
    LazyLock::new(|| Words::new(VERBS.iter().chain(ADVERBS).copied()));
/// Verbs and lead words: text before a figure that names no noun.
pub(super) static NO_NOUN_WORDS: LazyLock<Words> =
    LazyLock::new(|| Words::new(VERBS.iter().chain(LEAD).copied()));

/// Longest label kept, in chars, where a word starts to cut it: the end
/// of a long clause is what it counts.
pub(super) const MAX_LABEL: usize = 18;

/// Words of the genre a label may start or end beside (besides the verbs,
/// adverbs and lead and tail words above): the places and bodies that
/// open a noun phrase.
pub(super) const OPENERS: &[&str] = &[
    "全市",
    "全区",
    "全县",
    "全省",
    "全国",
    "各级",
    "各类",
    "市政府",
    "区政府",
    "县政府",
    "市委",
    "区委",
    "县委",
    "市级",
    "区级",
    "县级",
    "镇街",
    "乡镇",
    "重点",
    "年度",
    "全面",
    "深入",
    "持续",
    "累计",
    "共计",
    "其中",
    "同时",
    "积极",
    "推动",
    "推进",
    "实行",
    "建立",
    "健全",
    "完善",
    "加强",
    "强化",
    "深化",
    "落实",
    "全年",
    "今年",
    "去年",
    "当年",
];

/// The words of two chars or more of these lists.
pub(super) fn long_words(lists: &[&[&'static str]]) -> Words {
    Words::new(
        lists
            .iter()
            .flat_map(|l| l.iter().copied())
            .filter(|w| w.chars().count() >= 2),
    )
}

/// Every word a label may be cut beside.
pub(super) static CUT_WORDS: LazyLock<Words> =
    LazyLock::new(|| long_words(&[VERBS, ADVERBS, LEAD, TAIL, OPENERS]));

/// Words a label may start after: the predicate and lead words before a
/// noun. Not the openers, which begin the noun (a label starts at 市委 in
/// 市委常委会会议, never after it).
pub(super) static AFTER_WORDS: LazyLock<Words> =
    LazyLock::new(|| long_words(&[VERBS, ADVERBS, LEAD, TAIL]));

/// Bodies a figure counts ("32个职能部门"): the noun ends there, whatever
/// follows is another phrase's.
pub(super) const BODY_HEADS: &[&str] =
    &["部门", "单位", "机关", "乡镇", "街道", "镇街", "社区", "村"];

pub(super) static BODIES: LazyLock<Words> =
    LazyLock::new(|| Words::new(BODY_HEADS.iter().copied()));

/// Whether a predicate starts at `j`: a verb or adverb that is not the
/// first half of a compound noun ("服务" in 政务服务事项, "培训" in 培训班).
/// A predicate that ends a noun inside it: an adverb (均, 已), or a verb
/// of two chars or more; a one-char verb (分, 对, 为) there is more often
/// part of a word (部分).
pub(super) fn long_predicate_at(key: &[char], j: usize) -> bool {
    PREDICATE_WORDS.at(key, j).is_some_and(|(_, n)| n >= 2) || ADVERB_WORDS.at(key, j).is_some()
}

pub(super) static ADVERB_WORDS: LazyLock<Words> =
    LazyLock::new(|| Words::new(ADVERBS.iter().copied()));

pub(in crate::figures) fn predicate_at(key: &[char], j: usize) -> bool {
    PREDICATE_WORDS
        .at(key, j)
        .is_some_and(|(_, n)| NOUN_HEADS.at(key, j + n).is_none())
}

/// The heads of compound nouns whose first half is a verb.
pub(super) const HEADS: &[&str] = &[
    "事项", "中心", "站", "点", "平台", "体系", "人员", "机构", "案件", "组织", "队伍", "窗口",
    "热线", "专线", "网点", "场所", "阵地", "基地", "项目", "资金", "文件", "清单", "班", "对象",
    "材料", "意见", "建议", "报告", "率",
];

pub(super) static NOUN_HEADS: LazyLock<Words> = LazyLock::new(|| Words::new(HEADS.iter().copied()));
