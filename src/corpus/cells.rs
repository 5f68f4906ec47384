//! One table: for each report and indicator, the one figure a comparison
//! shows. A report may state an indicator more than once (the city's total
//! and a district's, the year's and a cumulative count); the headline is
//! the year's figure, the first in reading order, and a cumulative one
//! only when the report gives no other. A user's choice, where there is
//! one, overrides the rule: another figure, or none.

use crate::report::Report;

use super::choices::{fingerprint, Choices};
use crate::figures::Catalogue;

/// One cell: an indicator and the figure that fills it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TableCell {
    pub indicator: String,
    /// Index into the report's figures.
    pub figure: usize,
    /// The user chose this figure over the rule's.
    pub chosen: bool,
}

/// The cells of a report, in catalogue order; indicators with no figure
/// (or whose cell the user emptied) have none.
pub fn cells(report: &Report, catalogue: &Catalogue, choices: Option<&Choices>) -> Vec<TableCell> {
    let key = choices
        .filter(|c| !c.is_empty())
        .map(|_| fingerprint(report));
    catalogue
        .indicators
        .iter()
        .filter_map(|ind| {
            let choice = key
                .as_ref()
                .zip(choices)
                .and_then(|(k, c)| c.get(k, &ind.id));
            let (figure, chosen) = match choice {
                // The user emptied the cell.
                Some(None) => return None,
                Some(Some(f)) if f.find(report).is_some() => (f.find(report)?, true),
                // No choice, or one whose figure the text no longer has.
                _ => (headline(report, &ind.id)?, false),
            };
            Some(TableCell {
                indicator: ind.id.clone(),
                figure,
                chosen,
            })
        })
        .collect()
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
/// figures, or the first cumulative one when the report gives no other.
pub fn headline(report: &Report, id: &str) -> Option<usize> {
    let of = |cumulative: bool| {
        report
            .figures
            .iter()
            .position(|f| f.indicator.as_deref() == Some(id) && f.cumulative == cumulative)
    };
    of(false).or_else(|| of(true))
}

/// The figures a user may choose from for an indicator's cell, best first:
/// those read as the indicator, then those of its kind and unit whose own
/// sentence names any of its words.
pub fn candidates(report: &Report, catalogue: &Catalogue, id: &str) -> Vec<usize> {
    let Some(ind) = catalogue.get(id) else {
        return Vec::new();
    };
    let mapped =
        (0..report.figures.len()).filter(|&i| report.figures[i].indicator.as_deref() == Some(id));
    let words: Vec<String> = ind
        .aliases
        .iter()
        .chain(&ind.about)
        .chain(&ind.cues)
        .map(|w| crate::text::script::key(w))
        .collect();
    let related = (0..report.figures.len()).filter(|&i| {
        let f = &report.figures[i];
        if f.indicator.as_deref() == Some(id) || !ind.fits(f.kind, &f.unit) {
            return false;
        }
        let range = report.sentence_at(f.line, f.col);
        let line = report.line(f.line);
        let sentence: String = line.chars().skip(range.start).take(range.len()).collect();
        let sentence = crate::text::script::key(&sentence);
        words.iter().any(|w| sentence.contains(w.as_str()))
    });
    mapped.chain(related).collect()
}
