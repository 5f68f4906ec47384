//! One table: for each report and indicator, the one figure a comparison
//! shows. A report may state an indicator more than once (the city's total
//! and a district's, the year's and a cumulative count); the headline is
//! the whole government's figure for the year, the first such in reading
//! order. A user's choice, where there is one, overrides the rule.

use crate::Report;

use super::Catalogue;

/// One cell: an indicator and the figure that fills it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cell {
    pub indicator: String,
    /// Index into the report's figures.
    pub figure: usize,
    /// The user chose this figure (or chose none, and there is no cell).
    pub chosen: bool,
}

/// The headline figure of each indicator the report states, in catalogue
/// order.
pub fn cells(report: &Report, catalogue: &Catalogue, _choices: Option<&()>) -> Vec<Cell> {
    catalogue
        .indicators
        .iter()
        .filter_map(|ind| {
            let figure = headline(report, &ind.id)?;
            Some(Cell {
                indicator: ind.id.clone(),
                figure,
                chosen: false,
            })
        })
        .collect()
}

/// The figure a table shows for an indicator: the first of the year's
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
