//! One table: for each report and indicator, the one figure a comparison
//! shows. A report may state an indicator more than once (the city's total
//! and a district's, the year's and a cumulative count); the headline is
//! the year's figure, the first in reading order, and a cumulative one
//! only when the report gives no other. A user's choice, where there is
//! one, overrides the rule: another figure, or none.

use crate::report::Report;

use super::choices::{fingerprint, Choices};
use crate::figures::{Catalogue, Figure, Qualifier, Sign};
use crate::text::numeral::Decimal;

/// One cell: an indicator and the figure that fills it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TableCell {
    pub indicator: String,
    /// Index into the report's figures.
    pub figure: usize,
    /// The user chose this figure over the rule's.
    pub chosen: bool,
    /// What a table shows of the figure, kept with the cell: a table of
    /// thousands of reports never reads their figures again.
    pub amount: Amount,
}

/// A figure's value as tables show and export it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Amount {
    pub value: Decimal,
    pub unit: &'static str,
    pub qualifier: Option<Qualifier>,
    pub sign: Option<Sign>,
}

impl Amount {
    pub fn of(f: &Figure) -> Amount {
        Amount {
            value: f.value,
            unit: f.unit,
            qualifier: f.qualifier,
            sign: f.sign,
        }
    }

    /// The value as tables show it ("≈6798万元", "6.8%").
    pub fn shown(&self) -> String {
        crate::figures::shown(self.value, self.unit, self.qualifier, self.sign)
    }
}

/// The cells of a report, in catalogue order; indicators with no figure
/// (or whose cell the user emptied) have none.
pub fn cells(report: &Report, catalogue: &Catalogue, choices: Option<&Choices>) -> Vec<TableCell> {
    let rule = rule_cells(report, catalogue);
    match choices.filter(|c| !c.is_empty()) {
        Some(choices) => with_choices(rule, report, catalogue, choices),
        None => rule,
    }
}

/// The cells the rule gives, no choice applied: what a report read in the
/// background brings with it.
pub fn rule_cells(report: &Report, catalogue: &Catalogue) -> Vec<TableCell> {
    // Few figures are any indicator's: each indicator looks among those
    // only, not through every figure of the report.
    let named: Vec<usize> = (report.figures().iter().enumerate())
        .filter_map(|(i, f)| f.indicator.is_some().then_some(i))
        .collect();
    catalogue
        .indicators
        .iter()
        .filter_map(|ind| {
            let first = headline_among(report, &named, &ind.id)?;
            cell_of(report, &ind.id, first, false)
        })
        .collect()
}

/// The rule's cells `rule` of a report with the user's choices applied.
/// The report's figures are read only where the user chose one for it.
pub fn with_choices(
    rule: Vec<TableCell>,
    report: &Report,
    catalogue: &Catalogue,
    choices: &Choices,
) -> Vec<TableCell> {
    let key = fingerprint(report);
    let mut rule = rule.into_iter().peekable();
    catalogue
        .indicators
        .iter()
        .filter_map(|ind| {
            // The rule's cells are in catalogue order.
            let ruled = rule.next_if(|c| c.indicator == ind.id);
            match choices.get(&key, &ind.id) {
                // The user emptied the cell.
                Some(None) => None,
                Some(Some(f)) => match f.find(report) {
                    Some(figure) => cell_of(report, &ind.id, figure, true),
                    // A choice whose figure the text no longer has.
                    None => ruled,
                },
                None => ruled,
            }
        })
        .collect()
}

fn cell_of(report: &Report, id: &str, figure: usize, chosen: bool) -> Option<TableCell> {
    Some(TableCell {
        indicator: id.to_owned(),
        figure,
        chosen,
        amount: Amount::of(report.figures().get(figure)?),
    })
}

/// The cell of one indicator.
pub fn cell(
    report: &Report,
    catalogue: &Catalogue,
    choices: Option<&Choices>,
    id: &str,
) -> Option<TableCell> {
    cells(report, catalogue, choices)
        .into_iter()
        .find(|c| c.indicator == id)
}

/// The figure the rule shows for an indicator: the first of the year's
/// figures, or the first cumulative one when the report gives no other;
/// but where a later figure of the same paragraph is given as the area's
/// total (共计, 全市共) and the first is not, that total.
pub fn headline(report: &Report, id: &str) -> Option<usize> {
    let every: Vec<usize> = (0..report.figures().len()).collect();
    headline_among(report, &every, id)
}

/// [`headline`], `among` holding (in order) every figure read as any
/// indicator, and maybe others.
fn headline_among(report: &Report, among: &[usize], id: &str) -> Option<usize> {
    let figures = &report.figures();
    let of = |cumulative: bool| {
        among.iter().copied().find(|&i| {
            let f = &figures[i];
            f.indicator.as_deref() == Some(id) && f.cumulative == cumulative
        })
    };
    let first = of(false).or_else(|| of(true))?;
    let head = &figures[first];
    if head.total {
        return Some(first);
    }
    let total = (first + 1..figures.len())
        .take_while(|&i| figures[i].line == head.line)
        .find(|&i| {
            let f = &figures[i];
            f.total && f.cumulative == head.cumulative && f.indicator.as_deref() == Some(id)
        });
    Some(total.unwrap_or(first))
}

/// The figures a user may choose from for an indicator's cell, best first:
/// those read as the indicator, then those of its kind and unit whose own
/// sentence names any of its words, then every other figure of its kind
/// and unit (the matcher may have missed the sentence's wording, and the
/// user, who reads it, decides).
pub fn candidates(report: &Report, catalogue: &Catalogue, id: &str) -> Vec<usize> {
    let Some(ind) = catalogue.get(id) else {
        return Vec::new();
    };
    let words: Vec<String> = ind
        .aliases
        .iter()
        .chain(&ind.about)
        .chain(&ind.cues)
        .map(|w| crate::text::script::key(w))
        .collect();
    let names_a_word = |i: usize| {
        let f = &report.figures()[i];
        let range = report.sentence_at(f.line, f.col);
        let line = report.line(f.line);
        let sentence: String = line.chars().skip(range.start).take(range.len()).collect();
        let sentence = crate::text::script::key(&sentence);
        words.iter().any(|w| sentence.contains(w.as_str()))
    };
    // 0: read as the indicator, 1: fits and names its words, 2: fits.
    let mut ranked: Vec<(u8, usize)> = (0..report.figures().len())
        .filter_map(|i| {
            let f = &report.figures()[i];
            if f.indicator.as_deref() == Some(id) {
                Some((0, i))
            } else if ind.fits(f.kind, f.unit) {
                Some((if names_a_word(i) { 1 } else { 2 }, i))
            } else {
                None
            }
        })
        .collect();
    // Stable: reading order within a rank.
    ranked.sort_by_key(|&(rank, _)| rank);
    ranked.into_iter().map(|(_, i)| i).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::choices::FigureRef;
    use crate::report::TextEncoding;

    /// The rule's cells with the choices applied are the cells read with
    /// them, and a report the user chose nothing for is not read again.
    #[test]
    fn choices_apply_to_the_rules_cells_as_to_a_whole_reading() {
        let dir = tempfile::tempdir().unwrap();
        let catalogue = std::sync::Arc::new(Catalogue::builtin().clone());
        let text = "一、情况\n全年办理法律援助案件120件,其中未成年人案件30件。\n\
                    全年办理政协提案45件,信访总量下降12%。\n";
        let r = Report::parse("a.txt", text.into(), TextEncoding::Utf8);
        let other = Report::parse("b.txt", text.replace("120", "121"), TextEncoding::Utf8);
        let mut c = Choices::load(&dir.path().join("choices.json")).unwrap();
        c.set(&r, "legal_aid_cases", Some(FigureRef::of(&r.figures()[1])))
            .unwrap();
        c.set(&r, "cppcc_proposals", None).unwrap();
        let whole = cells(&r, &catalogue, Some(&c));
        let ids: Vec<(&str, usize, bool)> = whole
            .iter()
            .map(|c| (c.indicator.as_str(), c.figure, c.chosen))
            .collect();
        assert!(ids.contains(&("legal_aid_cases", 1, true)), "{ids:?}");
        assert!(!ids.iter().any(|c| c.0 == "cppcc_proposals"), "{ids:?}");
        for report in [r, other] {
            let rule = rule_cells(&report, &catalogue);
            let mut light = report.clone();
            light.lighten(&catalogue);
            let chosen = with_choices(rule.clone(), &light, &catalogue, &c);
            assert_eq!(
                chosen,
                cells(&report, &catalogue, Some(&c)),
                "{}",
                report.file
            );
            if report.file == "b.txt" {
                assert_eq!(chosen, rule);
                assert!(!light.is_heavy(), "read again for no choice");
            }
        }
    }

    fn cell_raw(text: &str, id: &str) -> Option<String> {
        let r = Report::parse(
            "r.txt",
            format!("一、主要工作\n{text}\n"),
            TextEncoding::Utf8,
        );
        headline(&r, id).map(|i| r.figures()[i].raw.clone())
    }

    #[test]
    fn the_areas_total_fills_the_cell_over_a_part_before_it() {
        let s = "通过门户网站发布政策信息64条,全年主动公开政府信息共计2900余条。";
        assert_eq!(cell_raw(s, "disclosure_items").as_deref(), Some("2900余条"));
        // Two figures neither given as the total: the first.
        let s = "通过门户网站发布政策信息64条,通过政务新媒体发布信息120条。";
        assert_eq!(cell_raw(s, "disclosure_items").as_deref(), Some("64条"));
        // The year's figure over a cumulative one.
        let s = "近三年累计培训执法人员1.2万人次,全年培训执法人员3200人次。";
        assert_eq!(
            cell_raw(s, "enforcement_staff_trained").as_deref(),
            Some("3200人次")
        );
    }

    #[test]
    fn every_figure_of_the_cells_kind_and_unit_is_a_candidate_best_first() {
        let r = Report::parse(
            "r.txt",
            "一、主要工作\n共办结案子7件,占比12%。全年新收行政复议案件120件。\n".into(),
            TextEncoding::Utf8,
        );
        let raws: Vec<&str> = candidates(&r, Catalogue::builtin(), "reconsideration_received")
            .into_iter()
            .map(|i| r.figures()[i].raw.as_str())
            .collect();
        // The matched figure first; 7件 in a sentence the matcher does not
        // read as the indicator still fits a count of cases; 12% does not.
        assert_eq!(raws, ["120件", "7件"]);
    }
}
