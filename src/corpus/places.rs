//! Which reports are of one place: the same place in either script, with
//! or without its city (南京市鼓楼区 and 鼓楼区), and the government's
//! reports apart from each department's.

use std::collections::HashMap;

use crate::report::{place, Level};
use crate::report::{Meta, Report};
use crate::text::script;

/// For each report, the first report of its place (itself when it names
/// no place, or is the first). Reports are of one place when
/// [`place::same_place`] says so; only reports whose most specific units
/// agree are compared.
pub(crate) fn place_groups(reports: &[Report]) -> Vec<usize> {
    let metas: Vec<&Meta> = reports.iter().map(|r| &r.meta).collect();
    place_groups_of(&metas)
}

/// [`place_groups`] from the reports' metadata alone.
pub(crate) fn place_groups_of(metas: &[&Meta]) -> Vec<usize> {
    let mut by_key: HashMap<String, Vec<usize>> = HashMap::new();
    let place = |i: usize| metas[i].place.as_deref().unwrap_or("");
    (0..metas.len())
        .map(|i| {
            let key = place::place_key(place(i));
            if key.is_empty() {
                return i;
            }
            let firsts = by_key.entry(key).or_default();
            match firsts
                .iter()
                .find(|&&f| place::same_place(place(i), place(f)))
            {
                Some(&f) => f,
                None => {
                    firsts.push(i);
                    i
                }
            }
        })
        .collect()
}

/// For each report, the first report of its writer: its place's
/// government, or one department of it (a department's reports stand
/// apart from the government's, each department's from the others').
pub(crate) fn writers(metas: &[&Meta]) -> Vec<usize> {
    let groups = place_groups_of(metas);
    let mut firsts: HashMap<(usize, Option<String>), usize> = HashMap::new();
    (0..metas.len())
        .map(|i| *firsts.entry((groups[i], department(metas[i]))).or_insert(i))
        .collect()
}

/// A department's name as a key, for a department's report.
fn department(meta: &Meta) -> Option<String> {
    (meta.level == Some(Level::Department))
        .then(|| meta.issuer.as_deref().map(script::key))
        .flatten()
}

/// The reports of one writer of one place, by year (then file).
#[derive(Debug, Clone, PartialEq)]
pub struct Series {
    /// The place as its first report writes it, or a department's name.
    pub name: String,
    /// Indices into the reports, oldest first.
    pub reports: Vec<usize>,
}

impl Series {
    /// The years, as the reports give them.
    pub fn years<'a>(&'a self, reports: &'a [Report]) -> impl Iterator<Item = Option<i32>> + 'a {
        self.reports.iter().map(|&r| reports[r].meta.year)
    }
}

/// Every place's reports, in the order the places first appear. A report
/// that names no place stands alone.
pub fn series(reports: &[Report]) -> Vec<Series> {
    let metas: Vec<&Meta> = reports.iter().map(|r| &r.meta).collect();
    let writer = writers(&metas);
    let mut out: Vec<(usize, Series)> = Vec::new();
    for i in 0..reports.len() {
        match out.iter_mut().find(|(w, _)| *w == writer[i]) {
            Some((_, p)) => p.reports.push(i),
            None => {
                let r = &reports[i];
                let name = match department(&r.meta) {
                    Some(_) => r.meta.issuer.clone(),
                    None => r.meta.place.clone(),
                };
                let series = Series {
                    name: name.unwrap_or_else(|| r.label()),
                    reports: vec![i],
                };
                out.push((writer[i], series));
            }
        }
    }
    out.into_iter()
        .map(|(_, mut p)| {
            p.reports
                .sort_by_key(|&r| (reports[r].meta.year, reports[r].file.clone()));
            p
        })
        .collect()
}

/// The place report `report` belongs to.
pub(crate) fn series_of(series: &[Series], report: usize) -> Option<&Series> {
    series.iter().find(|p| p.reports.contains(&report))
}
