//! Figures face to face: for each indicator either side states, both
//! values, and their difference when the units agree.

use serde::Serialize;

use crate::corpus::cells::{self, TableCell};
use crate::corpus::Choices;
use crate::figures::{group_thousands, Catalogue, Figure, Qualifier};
use crate::report::Report;
use crate::text::numeral::Decimal;

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Facing {
    /// The indicator's id and Chinese name.
    pub indicator: String,
    pub name: String,
    pub a: Option<Stated>,
    pub b: Option<Stated>,
    /// B − A with its unit ("+12 件", "−0.4 个百分点"), when both are stated
    /// in the same unit.
    pub difference: Option<String>,
}

/// A figure as the table shows it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Stated {
    /// As tables show values: "≈67,980,000 元".
    pub value: String,
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
            value: f.display_value(),
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
pub fn of_tables(
    a: &Report,
    b: &Report,
    catalogue: &Catalogue,
    choices: Option<&Choices>,
) -> Vec<Facing> {
    let (ca, cb) = (
        cells::cells(a, catalogue, choices),
        cells::cells(b, catalogue, choices),
    );
    let find = |cells: &[TableCell], r: &'_ Report, id: &str| {
        cells
            .iter()
            .find(|c| c.indicator == id)
            .map(|c| (r.figures[c.figure].clone(), c.chosen))
    };
    catalogue
        .indicators
        .iter()
        .filter_map(|ind| {
            let fa = find(&ca, a, &ind.id);
            let fb = find(&cb, b, &ind.id);
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

/// Which way a hedge bounds its value: 以上/多/超 say the value is at least
/// it, 近/以内 at most, 约/左右 either way.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Bound {
    Exact,
    AtLeast,
    AtMost,
    Near,
}

fn bound(f: &Figure) -> Bound {
    match f.qualifier {
        None => Bound::Exact,
        Some(Qualifier::MoreThan | Qualifier::Over) => Bound::AtLeast,
        Some(Qualifier::Nearly | Qualifier::Within) => Bound::AtMost,
        Some(Qualifier::About) => Bound::Near,
    }
}

/// What B − A can be said to be, given the hedges of both: B at least
/// its value or A at most its own makes the difference at least what the
/// numbers give ("more than +18.6 个百分点" for 21.4% against >40%); the
/// other way round, at most; hedges that pull both ways, or 约, only
/// "about" (≈).
fn hedge_of(a: &Figure, b: &Figure) -> &'static str {
    use Bound::*;
    match (bound(a), bound(b)) {
        (Exact, Exact) => "",
        (Exact | AtMost, AtLeast) | (AtMost, Exact) => "more than ",
        (Exact | AtLeast, AtMost) | (AtLeast, Exact) => "less than ",
        _ => "≈",
    }
}

/// B − A, exact, when the units agree; bounded or about (≈) when either
/// value is hedged (多, 约, 以上, 近).
pub fn difference(a: &Figure, b: &Figure) -> Option<String> {
    if !same_unit(&a.unit, &b.unit) || a.kind != b.kind || a.sign != b.sign {
        return None;
    }
    let (negative, d) = minus(b.value, a.value)?;
    let sign = match (negative, d == Decimal::ZERO) {
        (_, true) => "±",
        (true, _) => "−",
        (false, _) => "+",
    };
    let hedge = hedge_of(a, b);
    let unit = if a.unit == "%" {
        "个百分点"
    } else {
        &a.unit
    };
    Some(format!(
        "{hedge}{sign}{} {unit}",
        group_thousands(&d.to_string())
    ))
}

/// 人 and 名 both count people; other units must be the same.
fn same_unit(a: &str, b: &str) -> bool {
    let people = |u: &str| matches!(u, "人" | "名");
    a == b || (people(a) && people(b))
}

/// x − y as (is it negative, magnitude); None if it cannot be exact.
fn minus(x: Decimal, y: Decimal) -> Option<(bool, Decimal)> {
    let (mx, sx) = x.parts();
    let (my, sy) = y.parts();
    let scale = sx.max(sy);
    let mx = mx.checked_mul(10u128.checked_pow(scale - sx)?)?;
    let my = my.checked_mul(10u128.checked_pow(scale - sy)?)?;
    let (negative, m) = if mx >= my {
        (false, mx - my)
    } else {
        (true, my - mx)
    };
    Some((negative, Decimal::from_parts(m, scale)?))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::TextEncoding;

    fn figure(sentence: &str) -> Figure {
        let text = format!("一、主要工作\n{sentence}\n");
        let r = Report::parse("r.txt", text, TextEncoding::Utf8);
        r.figures.into_iter().next().expect("a figure")
    }

    #[test]
    fn a_hedged_value_makes_the_difference_a_bound() {
        let exact = figure("行政复议纠错率为21.4%。");
        let at_least = figure("行政复议纠错率达40%以上。");
        let about = figure("行政复议纠错率约40%。");
        let nearly = figure("行政复议纠错率近40%。");
        let d = |a: &Figure, b: &Figure| difference(a, b).unwrap();
        assert_eq!(d(&exact, &at_least), "more than +18.6 个百分点");
        assert_eq!(d(&at_least, &exact), "less than −18.6 个百分点");
        assert_eq!(d(&exact, &nearly), "less than +18.6 个百分点");
        assert_eq!(d(&nearly, &exact), "more than −18.6 个百分点");
        assert_eq!(d(&exact, &about), "≈+18.6 个百分点");
        assert_eq!(d(&at_least, &nearly), "less than ±0 个百分点");
        assert_eq!(d(&exact, &exact), "±0 个百分点");
    }
}
