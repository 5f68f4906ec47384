//! Figures face to face: for each indicator either side states, both
//! values, and their difference when the units agree.

use serde::Serialize;

use crate::corpus::cells::{self, TableCell};
use crate::corpus::Choices;
use crate::figures::{difference, Catalogue, Difference, Figure, Kind, Qualifier, Sign};
use crate::report::Report;
use crate::text::numeral::Decimal;

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Facing {
    /// The indicator's id and Chinese name.
    pub indicator: String,
    pub name: String,
    pub a: Option<Stated>,
    pub b: Option<Stated>,
    /// B − A, when both are stated in the same unit.
    pub difference: Option<Difference>,
}

/// A figure as exports and tables give it: a plain number in the base
/// unit (money in 元, a percentage as the percent number) that is never
/// negative, with its unit, hedge, kind and the direction of a change.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Stated {
    pub value: Decimal,
    pub unit: String,
    pub qualifier: Option<Qualifier>,
    pub kind: Kind,
    /// `+` for a rise, `-` for a fall; none for a level.
    pub sign: Option<Sign>,
    /// As tables show it: "≈6798万元", "fall of more than 3%".
    pub shown: String,
    /// As the report writes it.
    pub raw: String,
    pub label: String,
    pub line: usize,
    /// Char offset and length of the figure in its line.
    pub col: usize,
    #[serde(skip)]
    pub len: usize,
    /// The user chose this figure for the report's table.
    pub chosen: bool,
}

impl Stated {
    fn of(f: &Figure) -> Stated {
        Stated {
            value: f.value,
            unit: f.unit.to_string(),
            qualifier: f.qualifier,
            kind: f.kind,
            sign: f.sign,
            shown: f.display_value(),
            raw: f.raw.clone(),
            label: f.label.clone(),
            line: f.line,
            col: f.col,
            len: f.len,
            chosen: false,
        }
    }
}

/// The indicators either list of figures states, in catalogue order, each
/// with the first figure of each side (a report states its headline
/// number first).
pub fn table(a: &[&Figure], b: &[&Figure], catalogue: &Catalogue) -> Vec<Facing> {
    catalogue
        .indicators
        .iter()
        .filter_map(|ind| {
            let fa = a.iter().find(|f| f.indicator.as_deref() == Some(&ind.id));
            let fb = b.iter().find(|f| f.indicator.as_deref() == Some(&ind.id));
            if fa.is_none() && fb.is_none() {
                return None;
            }
            Some(Facing {
                indicator: ind.id.clone(),
                name: ind.name.clone(),
                a: fa.map(|f| Stated::of(f)),
                b: fb.map(|f| Stated::of(f)),
                difference: fa.zip(fb).and_then(|(x, y)| difference(x, y)),
            })
        })
        .collect()
}

/// Two reports' table cells face to face: every indicator either states,
/// in catalogue order, each side the figure its table shows.
pub(crate) fn of_tables(
    a: &Report,
    b: &Report,
    catalogue: &Catalogue,
    choices: Option<&Choices>,
) -> Vec<Facing> {
    let (ca, cb) = (
        cells::cells(a, catalogue, choices),
        cells::cells(b, catalogue, choices),
    );
    of_cells((a, &ca), (b, &cb), catalogue)
}

/// [`of_tables`] from the two reports' cells, where they are kept.
pub(crate) fn of_cells(
    (a, ca): (&Report, &[TableCell]),
    (b, cb): (&Report, &[TableCell]),
    catalogue: &Catalogue,
) -> Vec<Facing> {
    let find = |cells: &[TableCell], r: &'_ Report, id: &str| {
        cells
            .iter()
            .find(|c| c.indicator == id)
            .map(|c| (r.figures()[c.figure].clone(), c.chosen))
    };
    catalogue
        .indicators
        .iter()
        .filter_map(|ind| {
            let fa = find(ca, a, &ind.id);
            let fb = find(cb, b, &ind.id);
            if fa.is_none() && fb.is_none() {
                return None;
            }
            let stated = |x: &(Figure, bool)| Stated {
                chosen: x.1,
                ..Stated::of(&x.0)
            };
            Some(Facing {
                indicator: ind.id.clone(),
                name: ind.name.clone(),
                difference: fa
                    .as_ref()
                    .zip(fb.as_ref())
                    .and_then(|(x, y)| difference(&x.0, &y.0)),
                a: fa.as_ref().map(stated),
                b: fb.as_ref().map(stated),
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::TextEncoding;

    fn report(text: &str) -> Report {
        Report::parse(
            "r.txt",
            format!("一、主要工作\n{text}\n"),
            TextEncoding::Utf8,
        )
    }

    #[test]
    fn figures_face_to_face_carry_plain_numbers_and_their_sign() {
        let a = report("信访总量同比下降31.4%,挽回经济损失819.1万元。");
        let b = report("信访总量同比增长5%,挽回经济损失约5181万元。");
        let rows = of_tables(&a, &b, Catalogue::builtin(), None);
        let row = |id: &str| rows.iter().find(|r| r.indicator == id).unwrap();
        let petitions = row("petitions_change");
        let fall = petitions.a.as_ref().unwrap();
        assert_eq!(
            (fall.value.to_string(), fall.sign),
            ("31.4".into(), Some(Sign::Down))
        );
        assert_eq!(fall.shown, "−31.4%");
        let d = petitions.difference.as_ref().unwrap();
        assert_eq!(
            (d.shown.as_str(), d.sign),
            ("+36.4 个百分点", Some(Sign::Up))
        );
        let losses = row("losses_recovered");
        let json = serde_json::to_value(losses).unwrap();
        assert_eq!(json["a"]["value"], 8191000);
        assert_eq!(json["b"]["qualifier"], "about");
        assert_eq!(json["difference"]["value"], 43619000);
        assert_eq!(json["difference"]["bound"], "about");
        assert_eq!(json["difference"]["sign"], "+");
    }
}
