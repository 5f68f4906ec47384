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
//!
//! The catalogue's words are found once per sentence that holds figures;
//! each figure then reads the ones inside its zones.

use std::ops::Range;

use super::context::{self, Zones};
use super::found::{self, is_sentence_end};
use super::indicators::{Catalogue, Indicator, Role, Said, ANY};

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

/// A catalogue word found in a sentence: its char range in the line's key
/// and what it says of which indicators.
struct Word<'a> {
    at: Range<usize>,
    roles: &'a [Said],
}

/// The catalogue's words of one line, in order of their start.
struct Words<'a> {
    words: Vec<Word<'a>>,
}

impl<'a> Words<'a> {
    /// The words of the sentences that hold figures: the others are
    /// never read.
    fn read(
        catalogue: &'a Catalogue,
        key: &[char],
        key_text: &str,
        found: &[found::Found],
    ) -> Words<'a> {
        let mut words = Vec::new();
        let (mut char_at, mut byte_at) = (0, 0);
        let mut figures = found.iter().map(|f| f.start).peekable();
        let mut start = 0;
        for (j, &c) in key.iter().enumerate() {
            let end = j + 1 == key.len() || is_sentence_end(c);
            if !end {
                continue;
            }
            let sentence = start..j + 1;
            start = j + 1;
            let mut held = false;
            while figures.next_if(|&f| f < sentence.end).is_some() {
                held = true;
            }
            if !held {
                continue;
            }
            // Bytes of the key up to the sentence, counted from the last.
            let from = byte_at
                + key[char_at..sentence.start]
                    .iter()
                    .map(|c| c.len_utf8())
                    .sum::<usize>();
            let to = from
                + key[sentence.clone()]
                    .iter()
                    .map(|c| c.len_utf8())
                    .sum::<usize>();
            (char_at, byte_at) = (sentence.end, to);
            // Leftmost-longest hits come in order and never overlap.
            words.extend(word_hits(catalogue, &key_text[from..to], sentence.start));
        }
        Words { words }
    }

    /// The words wholly inside any of `ranges`.
    fn within(&self, ranges: &[Range<usize>], into: &mut Found) {
        for r in ranges.iter().filter(|r| !r.is_empty()) {
            let from = self.words.partition_point(|w| w.at.start < r.start);
            for w in self.words[from..].iter().take_while(|w| w.at.start < r.end) {
                if w.at.end <= r.end {
                    into.add(w);
                }
            }
        }
    }
}

/// The catalogue's words in `text`, their char ranges offset by `base`.
fn word_hits<'a>(catalogue: &'a Catalogue, text: &str, base: usize) -> Vec<Word<'a>> {
    // Hits come in order of their end: count chars as they pass.
    let (mut chars, mut byte) = (0, 0);
    let mut words = Vec::new();
    for (end, len, roles) in catalogue.words_ending(text) {
        chars += text[byte..end].chars().count();
        byte = end;
        words.push(Word {
            at: base + chars - len..base + chars,
            roles,
        });
    }
    words
}

/// What the catalogue's words say in a zone: (indicator, role, length).
#[derive(Default)]
struct Found {
    hits: Vec<Said>,
}

/// The buffers one figure's reading fills, kept from figure to figure.
#[derive(Default)]
struct Scratch {
    own: Found,
    near: Found,
    far: Found,
    candidates: Vec<usize>,
}

impl Found {
    fn add(&mut self, w: &Word) {
        self.hits.extend_from_slice(w.roles);
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

/// What the words around each figure of a line say: its indicator (as a
/// catalogue index), and whether it is counted over years.
pub(super) fn read(
    catalogue: &Catalogue,
    key: &[char],
    key_text: &str,
    found: &[found::Found],
) -> Vec<(Option<usize>, bool)> {
    let words = Words::read(catalogue, key, key_text, found);
    if words.words.is_empty() {
        return vec![(None, false); found.len()];
    }
    let zones = context::zones(key, found);
    indicators(catalogue, &words, found, &zones)
}

/// The indicator (as a catalogue index) of each figure of a line.
fn indicators(
    catalogue: &Catalogue,
    s: &Words,
    found: &[found::Found],
    zones: &[Zones],
) -> Vec<(Option<usize>, bool)> {
    let mut out: Vec<(Option<usize>, bool)> = Vec::with_capacity(found.len());
    let mut scratch = Scratch::default();
    for (f, z) in found.iter().zip(zones) {
        let indicator = indicator(catalogue, s, z, f, &mut scratch);
        // 累计 among the words before it or after it.
        let counted = &mut scratch.far;
        counted.hits.clear();
        s.within(&[z.before.clone(), z.after.clone()], counted);
        let cumulative = counted.hits.iter().any(|h| h.1 == Role::Cumulative);
        out.push((indicator, cumulative));
    }
    // 其中: a part of the figure counted before it in the sentence (the
    // nearest in the same unit) is not that quantity's figure.
    for i in 0..found.len() {
        let z = &zones[i];
        if !z.part_of_previous || out[i].0.is_none() {
            continue;
        }
        let whole = (0..i).rev().find(|&j| {
            let f = &found[j];
            z.sentence.start <= f.start && f.start < z.clause.start && f.unit == found[i].unit
        });
        if whole.is_some_and(|j| out[j].0 == out[i].0) {
            out[i].0 = None;
        }
    }
    out
}

/// The catalogue index of the indicator a figure is, or None.
fn indicator(
    catalogue: &Catalogue,
    sentence: &Words,
    zones: &Zones,
    f: &found::Found,
    scratch: &mut Scratch,
) -> Option<usize> {
    let (kind, unit) = (f.kind, f.unit);
    let rest = [zones.after.clone(), zones.tail.clone()];
    let Scratch {
        own,
        near,
        far,
        candidates,
    } = scratch;
    for found in [&mut *own, &mut *near, &mut *far] {
        found.hits.clear();
    }
    // A shared value said of several things: its one thing stands for
    // its words before it.
    match &f.part {
        Some(part) => {
            let text: String = part.iter().collect();
            for w in word_hits(catalogue, &text, 0) {
                own.add(&w);
            }
        }
        None => sentence.within(std::slice::from_ref(&zones.before), own),
    }
    sentence.within(&rest, own);
    if own.hits.iter().any(|h| h.1 == Role::Average) {
        return None;
    }
    // A figure with a noun of its own after it counts that noun: its
    // subject is not looked for elsewhere. One that leans on the clauses
    // before it takes its subject there, not from further back.
    if zones.after.is_empty() {
        sentence.within(&[zones.clause.clone(), zones.carried.clone()], near);
        sentence.within(std::slice::from_ref(&zones.sentence), far);
    }
    let leans = !zones.carried.is_empty();
    let mut best: Option<((Strength, usize), usize)> = None;
    let mut best_specific: Option<((Strength, usize), usize)> = None;
    candidates.clear();
    candidates.extend(
        own.hits
            .iter()
            .chain(&near.hits)
            .map(|h| h.0)
            .filter(|&i| i != ANY),
    );
    candidates.sort_unstable();
    candidates.dedup();
    for &i in candidates.iter() {
        let ind = &catalogue.indicators[i];
        if !ind.fits(kind, unit) || own.longest(i, Role::Not).is_some() {
            continue;
        }
        let Some(score) = evidence(i, ind, own, near, far, leans) else {
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
/// that say it; `leans` when the figure leans on the clauses before it.
fn evidence(
    i: usize,
    ind: &Indicator,
    own: &Found,
    near: &Found,
    sentence: &Found,
    leans: bool,
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
        // A share that leans on the clause before it (…412项,占比81.2%)
        // is of that clause's figure, not of the sentence's subject; a
        // named rate (纠错率21.7%) is its sentence's.
        (None, None, Some(len)) if !leans || own.longest(i, Role::RateName).is_some() => {
            (Strength::Sentence, len)
        }
        _ => return None,
    };
    Some((strength, len + cue))
}

#[cfg(test)]
mod tests {
    use crate::figures::extract::line;

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
        // The leaders' study is no event for the public.
        is(
            "健全理论学习中心组学习机制,以集体学习等形式开展学习宣传活动9场次。",
            "9场次",
            None,
        );
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
        // One channel's disputes (a lawsuit's, by settlement) are not the
        // area's disputes resolved.
        is(
            "府院联动,通过行政和解等方式化解涉案纠纷57件。",
            "57件",
            None,
        );
        is(
            "加强复议、诉讼风险研判,通过行政和解等方式化解涉案纠纷57件。",
            "57件",
            None,
        );
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

    #[test]
    fn a_named_rate_is_its_sentences_after_a_part() {
        let s = "全年收到行政复议申请860件,审结812件,其中撤销、变更等纠错97件,纠错率11.3%。";
        is(s, "11.3%", Some("reconsideration_correction_rate"));
        is(s, "860件", Some("reconsideration_received"));
    }
}
