//! One place's reports across the years: which reports belong together
//! (the same place in either script, with or without its city; the
//! government's reports apart from each department's), and the indicators
//! table across them, one column per year. Two files of one year (a copy
//! saved twice, a draft and the final text) are one year: the first is
//! read, the others are named beside it, so a year is never counted twice.

use super::cells::{self, TableCell};
use super::choices::Choices;
use crate::figures::{difference, Catalogue, Difference, Figure};
use crate::report::Report;

/// One year of a place: its reports (indices into the place's reports,
/// oldest first) and which of them the table reads.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Year {
    /// None for the reports whose year is unknown, which stand together.
    pub year: Option<i32>,
    pub reports: Vec<usize>,
    /// Index into `reports`: the first file unless the user picks another.
    pub chosen: usize,
}

impl Year {
    /// The report the year's cells come from.
    pub fn report(&self) -> usize {
        self.reports[self.chosen]
    }

    /// The year's other files, read by no cell.
    pub fn others(&self) -> impl Iterator<Item = usize> + '_ {
        let chosen = self.chosen;
        self.reports
            .iter()
            .enumerate()
            .filter(move |&(k, _)| k != chosen)
            .map(|(_, &r)| r)
    }

    /// The next file of the year is read instead (round to the first).
    pub(crate) fn choose_next(&mut self) {
        self.chosen = (self.chosen + 1) % self.reports.len().max(1);
    }

    /// The year as a column's name: `2023`, or `undated`.
    pub fn name(&self) -> String {
        self.year
            .map_or_else(|| "undated".to_owned(), |y| y.to_string())
    }
}

/// A place's reports (oldest first, as [`super::places::series`] gives
/// them) gathered by year, each year once, the first file chosen.
pub fn years(years_of: impl IntoIterator<Item = Option<i32>>) -> Vec<Year> {
    let mut out: Vec<Year> = Vec::new();
    for (k, year) in years_of.into_iter().enumerate() {
        match out.iter_mut().find(|y| y.year == year) {
            Some(y) => y.reports.push(k),
            None => out.push(Year {
                year,
                reports: vec![k],
                chosen: 0,
            }),
        }
    }
    out
}

/// One indicator across a place's years: the table cell of each report
/// (an index into its figures) and the change from the year before where
/// both have a value in one unit.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    pub indicator: String,
    pub cells: Vec<Option<usize>>,
    /// The change as a signed number, for bars and sorting.
    pub changes: Vec<Option<f64>>,
    /// The change as exports give it: magnitude, sign, unit and the bound
    /// the values' hedges make of it.
    pub differences: Vec<Option<Difference>>,
}

/// The rows of the indicators any of the reports states, in catalogue
/// order: one report per year (see [`years`]); a change is given between
/// two years that are both known.
pub fn rows(reports: &[&Report], catalogue: &Catalogue, choices: Option<&Choices>) -> Vec<Row> {
    let cells: Vec<Vec<TableCell>> = reports
        .iter()
        .map(|r| cells::cells(r, catalogue, choices))
        .collect();
    let cells: Vec<&[TableCell]> = cells.iter().map(Vec::as_slice).collect();
    rows_of_cells(reports, &cells, catalogue)
}

/// [`rows`] from the reports' cells, where they are kept.
pub fn rows_of_cells(
    reports: &[&Report],
    cells: &[&[TableCell]],
    catalogue: &Catalogue,
) -> Vec<Row> {
    catalogue
        .indicators
        .iter()
        .filter_map(|ind| {
            let cells: Vec<Option<usize>> = cells
                .iter()
                .map(|cs| cs.iter().find(|c| c.indicator == ind.id).map(|c| c.figure))
                .collect();
            if cells.iter().all(Option::is_none) {
                return None;
            }
            let figure = |k: usize| cells[k].map(|f| &reports[k].figures()[f]);
            let dated = |k: usize| reports[k].meta.year.is_some();
            let differences: Vec<Option<Difference>> = (0..cells.len())
                .map(|k| match k.checked_sub(1) {
                    Some(b) if dated(b) && dated(k) => change(figure(b), figure(k)),
                    _ => None,
                })
                .collect();
            Some(Row {
                indicator: ind.id.clone(),
                cells,
                changes: differences
                    .iter()
                    .map(|d| d.as_ref().map(Difference::to_f64))
                    .collect(),
                differences,
            })
        })
        .collect()
}

/// The change from one year's figure to the next, when both are of one
/// kind and unit: a fall stays a fall, a hedge makes it a bound.
fn change(before: Option<&Figure>, now: Option<&Figure>) -> Option<Difference> {
    difference(before?, now?)
}

/// A change with its sign, as short as it reads: +20, −3.5, ±0.
pub fn signed(c: f64) -> String {
    let n = if c.fract() == 0.0 {
        format!("{}", c.abs())
    } else {
        format!("{:.1}", c.abs())
    };
    match c {
        c if c > 0.0 => format!("+{n}"),
        c if c < 0.0 => format!("−{n}"),
        _ => "±0".to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::TextEncoding;

    fn report(file: &str, text: &str) -> Report {
        Report::parse(file, text.to_owned(), TextEncoding::Utf8)
    }

    #[test]
    fn a_places_years_in_order_with_changes() {
        let reports = vec![
            report(
                "b.txt",
                "張家港市2023年法治政府建設情況報告\n一、主要舉措\n全年新收行政復議案件120件。\n",
            ),
            report(
                "x.txt",
                "常州市2023年法治政府建设情况报告\n一、主要举措\n全年新收行政复议案件300件。\n",
            ),
            report(
                "a.txt",
                "张家港市2022年法治政府建设情况报告\n一、主要举措\n全年新收行政复议案件100件。\n",
            ),
            report(
                "d.txt",
                "张家港市司法局2023年法治政府建设情况报告\n一、主要举措\n全年新收行政复议案件9件。\n",
            ),
        ];
        let places = crate::corpus::places::series(&reports);
        let names: Vec<(&str, Vec<usize>)> = places
            .iter()
            .map(|p| (p.name.as_str(), p.reports.clone()))
            .collect();
        assert_eq!(
            names,
            [
                ("張家港市", vec![2, 0]),
                ("常州市", vec![1]),
                ("张家港市司法局", vec![3])
            ]
        );
        let zjg: Vec<&Report> = places[0].reports.iter().map(|&i| &reports[i]).collect();
        let rows = rows(&zjg, Catalogue::builtin(), None);
        let row = rows
            .iter()
            .find(|r| r.indicator == "reconsideration_received")
            .expect("行政复议收案数 in both years");
        assert!(row.cells.iter().all(Option::is_some));
        assert_eq!(row.changes, [None, Some(20.0)]);
        let d = row.differences[1].as_ref().unwrap();
        assert_eq!(d.shown, "+20 件");
        assert_eq!(signed(20.0), "+20");
        assert_eq!(signed(-3.25), "−3.2");
        assert_eq!(signed(0.0), "±0");
    }

    #[test]
    fn two_files_of_one_year_are_one_year_the_first_chosen() {
        let mut ys = years([None, Some(2022), Some(2023), Some(2023), None]);
        let shown: Vec<(String, Vec<usize>)> =
            ys.iter().map(|y| (y.name(), y.reports.clone())).collect();
        assert_eq!(
            shown,
            [
                ("undated".to_owned(), vec![0, 4]),
                ("2022".to_owned(), vec![1]),
                ("2023".to_owned(), vec![2, 3])
            ]
        );
        assert_eq!(ys[2].report(), 2);
        assert_eq!(ys[2].others().collect::<Vec<_>>(), [3]);
        ys[2].choose_next();
        assert_eq!(
            (ys[2].report(), ys[2].others().collect::<Vec<_>>()),
            (3, vec![2])
        );
        ys[2].choose_next();
        assert_eq!(ys[2].report(), 2);
    }
}
