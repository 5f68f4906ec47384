//! One promise per commitment. A plan paragraph of a work report holds
//! several (实施…；推进…；制定…), and a reader asks of each whether the
//! next report says it was done. A paragraph is read sentence by sentence,
//! and a sentence clause by clause: a clause that starts a new action (a
//! verb such as 实施, 推进, 加快, after its modifiers) starts a commitment,
//! one that leads into the next (对…的企业，) belongs to the next, and any
//! other carries on the one before. Bare exhortations (坚持…, 不断…), the
//! year's stance (…为指导, 总基调) and the paragraph's title sentence are
//! no promises; each target of the targets list is one.

use std::ops::Range;

use super::clauses::{self, han_count, has_digit};
use super::targets;
use super::words::{self, Opening, CARRIES_ON, MODALS, STANCE};

/// What a promise is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum PromiseKind {
    /// An action planned.
    Commitment,
    /// One of the year's targets (GDP, jobs, prices, …).
    Target,
}

/// A paragraph read for its promises: char ranges of its keys.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct Split {
    /// The opening sentence that names the paragraph's task (稳定和扩大消
    /// 费。), when it has one.
    pub title: Option<Range<usize>>,
    pub promises: Vec<(Range<usize>, PromiseKind)>,
}

/// A title sentence is this short at most (in Han chars), and the
/// paragraph says more after it (做好巩固拓展脱贫攻坚成果同乡村振兴有效衔
/// 接。 is 21).
const TITLE_MAX: usize = 24;
/// A commitment says at least this many Han chars (补上短板漏洞): a
/// verb and a word (加快发展, 深化改革) say nothing one could check.
const MIN_HAN: usize = 5;

/// Reads a paragraph's keys; `keep` says which sentences may hold
/// promises (a section of shortcomings and plans drops what fell short).
pub fn split(keys: &[char], keep: impl Fn(&[char]) -> bool) -> Split {
    let mut out = Split::default();
    let listed = targets::targets(keys);
    let skip = listed.as_ref().map_or(0..0, |(span, _)| span.clone());
    if let Some((_, list)) = listed {
        out.promises
            .extend(list.into_iter().map(|t| (t, PromiseKind::Target)));
    }
    let sentences: Vec<Range<usize>> = clauses::sentences(keys, 0..keys.len())
        .into_iter()
        .filter(|s| s.end <= skip.start || s.start >= skip.end)
        .collect();
    for (i, s) in sentences.iter().enumerate() {
        let text = &keys[s.clone()];
        if i == 0 && sentences.len() > 1 && is_title(text) {
            out.title = Some(clauses::trim(keys, s.clone()));
            continue;
        }
        if STANCE.anywhere(text) || !keep(text) {
            continue;
        }
        out.promises.extend(
            commitments(keys, s.clone())
                .into_iter()
                .map(|c| (c, PromiseKind::Commitment)),
        );
    }
    out.promises.sort_by_key(|(r, _)| r.start);
    out
}

fn is_title(sentence: &[char]) -> bool {
    han_count(sentence) <= TITLE_MAX && !has_digit(sentence)
}

/// What a clause does in its sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Clause {
    /// Starts a new action.
    Action,
    /// Starts an exhortation: no promise.
    Exhortation,
    /// Leads into the clause after it.
    Lead,
    /// Carries on the clause before it.
    Other,
}

fn clause(keys: &[char]) -> Clause {
    // A figure is something to check (…贷款增长30%以上), and 不再 undoes
    // an action, which is one too.
    let opening = words::opening(keys);
    if opening == Opening::Exhortation {
        return Clause::Exhortation;
    }
    // An amount alone (投资1260万元，完成…) is the means of the action
    // after it.
    if is_amount(keys) {
        return Clause::Lead;
    }
    // A statement of what something is (抓好项目建设是稳增长的保障) or a
    // clause that carries on the action before it (…，力争年内开工建设)
    // starts no commitment, whatever verb it holds.
    if is_copula(keys) || CARRIES_ON.at_start(keys).is_some() {
        return Clause::Other;
    }
    if has_digit(keys) || keys.starts_with(&['不', '再']) {
        return Clause::Action;
    }
    match opening {
        // (An exhortation was answered above.)
        Opening::Action | Opening::Exhortation => Clause::Action,
        // A lead that names a topic leads into the next clause; 对 or 在
        // with a verb of its own after it is an action (对先进制造业企业按
        // 月全额退还…; 在…基础上加强…), while a lead that names a means or
        // a focus (通过专项整治，聚焦…问题，) leads whatever it holds.
        Opening::Lead(_) if ends_in_topic(keys) => Clause::Lead,
        Opening::Lead(n)
            if matches!(keys[n - 1], '对' | '在') && words::acts_after_lead(&keys[n..]) =>
        {
            Clause::Action
        }
        Opening::Lead(_) => Clause::Lead,
        _ if ends_in_topic(keys) => Clause::Lead,
        // A subject and what it is to do (中央本级支出继续安排负增长).
        _ if (1..keys.len()).any(|i| MODALS.at_start(&keys[i..]).is_some()) => Clause::Action,
        _ => Clause::Other,
    }
}

/// Chars that make the 是 after them no copula (一是, 还是, 但是, 于是, …).
const NOT_COPULA: [char; 19] = [
    '一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '第', '还', '或', '总', '于', '但',
    '而', '只', '凡',
];

/// Whether a clause says what something is ("X是Y", "X就是Y") rather
/// than what is to be done.
fn is_copula(keys: &[char]) -> bool {
    (1..keys.len()).any(|i| {
        keys[i] == '是' && !NOT_COPULA.contains(&keys[i - 1]) && keys.get(i + 1) != Some(&'否')
    })
}

/// Whether a clause is an amount to spend and nothing more (投资1260万元,
/// 年内投资1.6亿元).
fn is_amount(keys: &[char]) -> bool {
    let spend = |w: &[char]| w == ['投', '资'] || w == ['投', '入'];
    has_digit(keys) && keys.windows(2).any(spend) && han_count(keys) <= 6
}

/// A clause that ends on "的" and a short noun names a topic for the
/// clause after it (企业和群众经常办理的事项，今年要…).
fn ends_in_topic(keys: &[char]) -> bool {
    let n = keys.len();
    (2..=4).any(|k| n > k && keys[n - k] == '的')
}

/// A commitment being gathered: its range and whether it is an
/// exhortation.
struct Open {
    range: Range<usize>,
    exhortation: bool,
    /// Opened by an action (not a clause that only carries on).
    acts: bool,
}

/// Whether a sentence that opens no action still says one: a verb
/// somewhere and no copula (各位代表, 各类市场主体都是…的建设者 say none).
fn says_action(keys: &[char]) -> bool {
    words::VERBS.anywhere(keys) && !keys.contains(&'是')
}

/// The commitments of one sentence, as trimmed ranges of `keys`.
fn commitments(keys: &[char], sentence: Range<usize>) -> Vec<Range<usize>> {
    let parts = clauses::clauses(keys, sentence);
    let mut done: Vec<Open> = Vec::new();
    let mut lead: Option<usize> = None;
    for (i, c) in parts.iter().enumerate() {
        let core = clauses::trim(keys, c.clone());
        let mut kind = clause(&keys[core]);
        // A lead with nothing after it is its own (在确保安全的前提下积
        // 极有序发展核电).
        if kind == Clause::Lead && i + 1 == parts.len() {
            kind = Clause::Action;
        }
        match (kind, done.last_mut()) {
            (Clause::Action | Clause::Exhortation, _) => {
                let start = lead.take().unwrap_or(c.start);
                done.push(Open {
                    range: start..c.end,
                    exhortation: kind == Clause::Exhortation,
                    acts: true,
                });
            }
            (Clause::Lead, _) => {
                lead.get_or_insert(c.start);
            }
            (Clause::Other, _) if lead.is_some() => {}
            (Clause::Other, Some(last)) => last.range.end = c.end,
            (Clause::Other, None) => done.push(Open {
                range: c.clone(),
                exhortation: false,
                acts: false,
            }),
        }
    }
    if let (Some(start), Some(end)) = (lead, parts.last().map(|c| c.end)) {
        match done.last_mut() {
            Some(last) => last.range.end = end,
            None => done.push(Open {
                range: start..end,
                exhortation: false,
                acts: false,
            }),
        }
    }
    // A clause that opens no action stands in a sentence of actions as
    // one of them (货币供应量…增速与名义经济增速基本匹配，保持流动性…);
    // alone it must say one itself.
    let acting = done.iter().any(|o| o.acts && !o.exhortation);
    done.into_iter()
        .filter(|o| !o.exhortation && (o.acts || acting || says_action(&keys[o.range.clone()])))
        .map(|o| clauses::trim(keys, o.range))
        .filter(|r| han_count(&keys[r.clone()]) >= MIN_HAN)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn promises(text: &str) -> Vec<String> {
        let keys: Vec<char> = crate::text::script::key(text).chars().collect();
        split(&keys, |_| true)
            .promises
            .iter()
            .map(|(r, _)| keys[r.clone()].iter().collect())
            .collect()
    }

    #[test]
    fn each_action_is_one_commitment() {
        assert_eq!(
            promises(
                "稳健的货币政策要灵活精准、合理适度。延续普惠小微企业贷款延期还本付息政策，\
                 加大再贷款再贴现支持普惠金融力度。对受疫情持续影响行业企业，继续给予定向支持。\
                 大型商业银行普惠小微企业贷款增长30%以上。"
            ),
            [
                "延续普惠小微企业贷款延期还本付息政策",
                "加大再贷款再贴现支持普惠金融力度",
                "对受疫情持续影响行业企业,继续给予定向支持",
                "大型商业银行普惠小微企业贷款增长30%以上",
            ]
        );
    }

    #[test]
    fn exhortations_stance_and_titles_are_no_promises() {
        let stance = "做好政府工作，要以习近平新时代中国特色社会主义思想为指导，\
                      坚持稳中求进工作总基调。今年要重点做好以下几方面工作。";
        assert!(promises(stance).is_empty());
        assert_eq!(
            promises(
                "保障好群众住房需求。坚持房子是用来住的、不是用来炒的定位，不断完善长租房政策，\
                 切实增加保障性租赁住房供给。"
            ),
            ["切实增加保障性租赁住房供给"]
        );
    }

    /// A local report's plans: an amount leads into its project, an aim
    /// carries on its action, a statement of what something is and the
    /// year's situation promise nothing.
    #[test]
    fn amounts_aims_and_statements_belong_to_their_action() {
        assert_eq!(
            promises(
                "抓好重点项目建设。抓好项目建设是稳增长的保障。当前，加大投资力度仍然是重要引擎。\
                 投资1260万元，完成5个村的饮水安全工程。加快推进大唐露天矿前期工作，力争年内开工建设。"
            ),
            [
                "投资1260万元,完成5个村的饮水安全工程",
                "加快推进大唐露天矿前期工作,力争年内开工建设",
            ]
        );
    }

    #[test]
    fn a_subject_and_its_modal_is_an_action() {
        assert_eq!(
            promises("中央本级支出继续安排负增长，进一步大幅压减非急需非刚性支出。"),
            [
                "中央本级支出继续安排负增长",
                "进一步大幅压减非急需非刚性支出"
            ]
        );
    }
}
