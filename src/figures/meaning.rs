//! Which indicator a figure is: the catalogue's words read in the figure's
//! zones (see [`super::context`]), nearest first.
//!
//! A figure is an indicator only when its kind and unit fit, none of the
//! indicator's `not` words stands among its own words, and either a name
//! of the indicator stands among its own words, or a cue does and the
//! subject is named there, in its clause, in the clauses it leans on, or
//! (weakest) earlier in its sentence. The nearest and longest evidence
//! wins; a generic indicator gives way to any specific one that fits.
//! Averages over years or months (年均, 月均) are no year's figure.

use std::ops::Range;

use super::context::{self, Zones};
use super::indicators::{Catalogue, Indicator, Role};
use super::scan;
use super::Kind;

/// How near the evidence stands, strongest first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Strength {
    /// The subject earlier in the sentence, the cue in the figure's words.
    Sentence,
    /// The subject in the clause, or in the clauses the figure leans on.
    Near,
    /// Subject and cue among the figure's own words.
    Own,
    /// A name of the indicator among the figure's own words.
    Named,
}

/// Words that make any figure an average, not the year's figure.
const AVERAGES: [&str; 4] = ["年均", "月均", "日均", "人均"];

/// What the catalogue's words say in one zone: per indicator, the roles
/// found and the longest word of each.
#[derive(Default)]
struct Found {
    /// (indicator, role, length)
    hits: Vec<(usize, Role, usize)>,
}

impl Found {
    fn read(catalogue: &Catalogue, text: &str) -> Found {
        let mut hits = Vec::new();
        for (len, roles) in catalogue.words_in(text) {
            hits.extend(roles.iter().map(|&(i, role)| (i, role, len)));
        }
        Found { hits }
    }

    /// The longest word of `role` for indicator `i`, if any.
    fn longest(&self, i: usize, role: Role) -> Option<usize> {
        self.hits
            .iter()
            .filter(|h| h.0 == i && h.1 == role)
            .map(|h| h.2)
            .max()
    }
}

/// The text of some ranges of the key, kept apart so that no word is
/// found across two of them.
fn text_of(key: &[char], ranges: &[Range<usize>]) -> String {
    let mut s = String::new();
    for r in ranges {
        s.extend(&key[r.clone()]);
        s.push('|');
    }
    s
}

/// What the words around each figure of a line say: its indicator (as a
/// catalogue index), and whether it is counted over years.
pub(super) fn read(
    catalogue: &Catalogue,
    key: &[char],
    found: &[scan::Found],
) -> Vec<(Option<usize>, bool)> {
    let zones = context::zones(key, found);
    let indicators = indicators(catalogue, key, found, &zones);
    zones
        .iter()
        .zip(indicators)
        .map(|(z, i)| (i, cumulative(key, z)))
        .collect()
}

/// Words that make a figure a count over years.
const CUMULATIVE: [&str; 6] = ["累计", "累积", "历年", "以来", "年来", "至今"];

fn cumulative(key: &[char], z: &Zones) -> bool {
    let own = text_of(key, &[z.before.clone(), z.after.clone()]);
    CUMULATIVE.iter().any(|w| own.contains(w))
}

/// The indicator (as a catalogue index) of each figure of a line.
fn indicators(
    catalogue: &Catalogue,
    key: &[char],
    found: &[scan::Found],
    zones: &[Zones],
) -> Vec<Option<usize>> {
    let mut out: Vec<Option<usize>> = found
        .iter()
        .zip(zones)
        .map(|(f, z)| indicator(catalogue, key, z, f.part.as_deref(), f.kind, f.unit))
        .collect();
    // 其中: a part of the figure counted before it in the sentence (the
    // nearest in the same unit) is not that quantity's figure.
    for i in 0..found.len() {
        let z = &zones[i];
        if !z.part_of_previous || out[i].is_none() {
            continue;
        }
        let whole = (0..i).rev().find(|&j| {
            let f = &found[j];
            z.sentence.start <= f.start && f.start < z.clause.start && f.unit == found[i].unit
        });
        if whole.is_some_and(|j| out[j] == out[i]) {
            out[i] = None;
        }
    }
    out
}

/// The catalogue index of the indicator a figure is, or None.
/// `part`: the one thing of several a shared value is said of, which then
/// stands for the figure's words before it.
pub(super) fn indicator(
    catalogue: &Catalogue,
    key: &[char],
    zones: &Zones,
    part: Option<&[char]>,
    kind: Kind,
    unit: &str,
) -> Option<usize> {
    let rest = text_of(key, &[zones.after.clone(), zones.tail.clone()]);
    let own_text = match part {
        Some(p) => format!("{}|{rest}", p.iter().collect::<String>()),
        None => format!(
            "{}{rest}",
            text_of(key, std::slice::from_ref(&zones.before))
        ),
    };
    if AVERAGES.iter().any(|w| own_text.contains(w)) {
        return None;
    }
    let own = Found::read(catalogue, &own_text);
    // A figure with a noun of its own after it counts that noun: its
    // subject is not looked for elsewhere. One that leans on the clauses
    // before it takes its subject there, not from further back.
    let (near, sentence) = if zones.after.is_empty() {
        let near = text_of(key, &[zones.clause.clone(), zones.carried.clone()]);
        let sentence = match zones.carried.is_empty() {
            true => text_of(key, std::slice::from_ref(&zones.sentence)),
            false => String::new(),
        };
        (
            Found::read(catalogue, &near),
            Found::read(catalogue, &sentence),
        )
    } else {
        (Found::default(), Found::default())
    };
    let mut best: Option<((Strength, usize), usize)> = None;
    let mut best_specific: Option<((Strength, usize), usize)> = None;
    for (i, ind) in catalogue.indicators.iter().enumerate() {
        if !ind.fits(kind, unit) || own.longest(i, Role::Not).is_some() {
            continue;
        }
        let Some(score) = evidence(i, ind, &own, &near, &sentence) else {
            continue;
        };
        let better = |b: &Option<((Strength, usize), usize)>| b.is_none_or(|(s, _)| score > s);
        if better(&best) {
            best = Some((score, i));
        }
        if !ind.generic && better(&best_specific) {
            best_specific = Some((score, i));
        }
    }
    best_specific.or(best).map(|(_, i)| i)
}

/// How strongly the zones say indicator `i`, and the length of the words
/// that say it.
fn evidence(
    i: usize,
    ind: &Indicator,
    own: &Found,
    near: &Found,
    sentence: &Found,
) -> Option<(Strength, usize)> {
    if let Some(len) = own.longest(i, Role::Alias) {
        return Some((Strength::Named, len));
    }
    let about = |f: &Found| f.longest(i, Role::About);
    if ind.about.is_empty() {
        // A cue alone says it, among the figure's own words.
        return own.longest(i, Role::Cue).map(|len| (Strength::Own, len));
    }
    if ind.cues.is_empty() {
        // The subject alone says it: near the figure, never from afar.
        return match (about(own), about(near)) {
            (Some(len), _) => Some((Strength::Own, len)),
            (None, Some(len)) => Some((Strength::Near, len)),
            _ => None,
        };
    }
    let cue = own.longest(i, Role::Cue)?;
    let (strength, len) = match (about(own), about(near), about(sentence)) {
        (Some(len), _, _) => (Strength::Own, len),
        (None, Some(len), _) => (Strength::Near, len),
        (None, None, Some(len)) => (Strength::Sentence, len),
        _ => return None,
    };
    Some((strength, len + cue))
}

#[cfg(test)]
mod tests {
    use crate::figures::scan::line;

    /// (raw, indicator) of each figure of a sentence.
    fn read(sentence: &str) -> Vec<(String, Option<String>)> {
        line(sentence)
            .into_iter()
            .map(|f| (f.raw, f.indicator))
            .collect()
    }

    fn is(sentence: &str, raw: &str, want: Option<&str>) {
        let figures = read(sentence);
        let got = figures
            .iter()
            .find(|(r, _)| r == raw)
            .unwrap_or_else(|| panic!("{raw} not found in {sentence}: {figures:?}"));
        assert_eq!(got.1.as_deref(), want, "{raw} in {sentence}");
    }

    #[test]
    fn the_unit_must_fit_the_quantity() {
        let s = "全年开展32个主题的法治宣传活动1200余场。";
        is(s, "32个", None);
        is(s, "1200余场", Some("publicity_events"));
        let s = "举办行政执法人员培训班5期,培训执法人员1350人次。";
        is(s, "5期", Some("enforcement_trainings"));
        is(s, "1350人次", Some("enforcement_staff_trained"));
        is(
            "新建法律援助工作站45个,办理法律援助案件2100件。",
            "45个",
            None,
        );
        is(
            "新建法律援助工作站45个,办理法律援助案件2100件。",
            "2100件",
            Some("legal_aid_cases"),
        );
        is("报送包容审慎监管典型案例3篇。", "3篇", None);
        is(
            "整合组建综合行政执法队伍12支。",
            "12支",
            Some("enforcement_teams"),
        );
    }

    #[test]
    fn the_verb_must_fit_the_quantity() {
        is("全县开展矛盾纠纷排查620次。", "620次", None);
        is("全年排查矛盾纠纷3400件。", "3400件", None);
        is(
            "全年排查化解矛盾纠纷3180件,调解成功率98.6%。",
            "3180件",
            Some("disputes_resolved"),
        );
        is(
            "全年排查化解矛盾纠纷3180件,调解成功率98.6%。",
            "98.6%",
            Some("mediation_success_rate"),
        );
        is(
            "全区各级人民调解组织受理纠纷4120件,调解成功4090件。",
            "4120件",
            Some("mediation_cases"),
        );
        is("960余项政务服务事项实现网上可查。", "960余项", None);
        is(
            "860项政务服务事项实现全程网办。",
            "860项",
            Some("online_services"),
        );
        let s = "完成规范性文件清理86件,其中废止12件、修改9件。";
        is(s, "86件", Some("normative_docs_cleanup"));
        is(s, "12件", None);
        is(s, "9件", None);
        is("审核区政府规范性文件14件。", "14件", None);
        is(
            "出台区政府规范性文件14件。",
            "14件",
            Some("normative_docs_made"),
        );
    }

    #[test]
    fn the_scope_is_the_government_as_a_whole() {
        is(
            "全县19个乡镇(街道)完成重大事项合法性审查320余件。",
            "320余件",
            None,
        );
        let s = "全年化解矛盾纠纷5210件,其中通过线上平台化解1260件。";
        is(s, "5210件", Some("disputes_resolved"));
        is(s, "1260件", None);
        is("近三年年均受理行政复议案件300余件。", "300余件", None);
        is("执法投诉量月均下降6.5%。", "6.5%", None);
    }

    #[test]
    fn the_reconsideration_indicators_take_the_government_as_reviewer() {
        is("县政府行政复议案件被纠错率为0。", "0", None);
        is(
            "全年行政复议纠错率为12.5%。",
            "12.5%",
            Some("reconsideration_correction_rate"),
        );
        let s = "全年共收到行政复议申请96件,审结88件,其中调解和解11件,纠错率14.8%。";
        is(s, "96件", Some("reconsideration_received"));
        is(s, "88件", Some("reconsideration_closed"));
        is(s, "11件", Some("mediation_in_reconsideration"));
        is(s, "14.8%", Some("reconsideration_correction_rate"));
    }

    #[test]
    fn values_said_respectively_and_in_either_script() {
        let s = "全县刑事、治安案件持续下降,立案数分别下降12%、8.5%。";
        is(s, "12%", Some("criminal_cases_change"));
        is(s, "8.5%", Some("public_order_change"));
        is(
            "受理行政複議案件96件。",
            "96件",
            Some("reconsideration_received"),
        );
        is(
            "行政機關負責人出庭應訴率達100%。",
            "100%",
            Some("leader_court_rate"),
        );
    }

    #[test]
    fn a_share_is_of_the_figure_before_it() {
        let s = "全县审批事项网上办理412项,占比81.2%,企业事项205项,占比49.8%。";
        is(s, "412项", Some("online_services"));
        is(s, "81.2%", Some("online_service_rate"));
        is(s, "49.8%", None);
    }
}
