//! B − A between two figures of one quantity: the years of one place, or
//! two reports face to face. Figures carry a magnitude and a sign, so a
//! fall of 31.4% and a rise of 5% are 36.4 个百分点 apart; a hedge on
//! either value makes the difference a bound (at least, at most) or
//! approximate.

use serde::Serialize;

use super::{group_thousands, value_with_unit, Figure, Qualifier, Sign};
use crate::text::numeral::Decimal;

/// What the hedges of two values make of their difference.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Bound {
    AtLeast,
    AtMost,
    About,
}

impl Bound {
    pub fn name(self) -> &'static str {
        match self {
            Bound::AtLeast => "at_least",
            Bound::AtMost => "at_most",
            Bound::About => "about",
        }
    }

    fn words(self) -> &'static str {
        match self {
            Bound::AtLeast => "more than ",
            Bound::AtMost => "less than ",
            Bound::About => "≈",
        }
    }
}

/// B − A as exports and tables give it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Difference {
    /// |B − A|, a plain number in `unit`; `sign` says which way.
    pub value: Decimal,
    /// The values' unit, or 个百分点 between two percentages.
    pub unit: String,
    /// `+` when B is more, `-` when less; none when they are equal.
    pub sign: Option<Sign>,
    /// Exact when none.
    pub bound: Option<Bound>,
    /// As shown: "more than +18.6 个百分点", "−4361.9万元", "±0 件".
    pub shown: String,
}

impl Difference {
    /// The signed value, for charts and sorting.
    pub fn to_f64(&self) -> f64 {
        let v = self.value.to_f64();
        match self.sign {
            Some(Sign::Down) => -v,
            _ => v,
        }
    }
}

/// B − A, exact, when the two are of one kind and unit; bounded or about
/// when either value is hedged (多, 约, 以上, 近).
pub fn difference(a: &Figure, b: &Figure) -> Option<Difference> {
    if !super::units::same_quantity(a.unit, b.unit) || a.kind != b.kind {
        return None;
    }
    let (negative, value) = signed_minus(signed(b), signed(a))?;
    let sign = match (negative, value == Decimal::ZERO) {
        (_, true) => None,
        (true, _) => Some(Sign::Down),
        (false, _) => Some(Sign::Up),
    };
    let bound = bound_of(a, b);
    let unit = if a.unit == "%" {
        "个百分点"
    } else {
        a.unit
    };
    let amount = match unit {
        "个百分点" => format!("{} {unit}", group_thousands(&value.to_string())),
        _ => value_with_unit(value, unit),
    };
    let shown = format!(
        "{}{}{amount}",
        bound.map_or("", Bound::words),
        sign.map_or("±", Sign::shown)
    );
    Some(Difference {
        value,
        unit: unit.to_owned(),
        sign,
        bound,
        shown,
    })
}

/// Which way a hedge bounds the signed value: 以上/多/超 say the
/// magnitude is at least the number, 近/以内 at most, 约/左右 either way;
/// for a fall the magnitude's bound is the other bound of the value.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Side {
    Exact,
    AtLeast,
    AtMost,
    Near,
}

fn side(f: &Figure) -> Side {
    let side = match f.qualifier {
        None => Side::Exact,
        Some(Qualifier::MoreThan | Qualifier::Over) => Side::AtLeast,
        Some(Qualifier::Nearly | Qualifier::Within) => Side::AtMost,
        Some(Qualifier::About) => Side::Near,
    };
    match (side, f.sign) {
        (Side::AtLeast, Some(Sign::Down)) => Side::AtMost,
        (Side::AtMost, Some(Sign::Down)) => Side::AtLeast,
        (s, _) => s,
    }
}

/// B at least its value or A at most its own makes B − A at least what
/// the numbers give; the other way round, at most; hedges that pull both
/// ways, or 约, only about.
fn bound_of(a: &Figure, b: &Figure) -> Option<Bound> {
    use Side::*;
    match (side(a), side(b)) {
        (Exact, Exact) => None,
        (Exact | AtMost, AtLeast) | (AtMost, Exact) => Some(Bound::AtLeast),
        (Exact | AtLeast, AtMost) | (AtLeast, Exact) => Some(Bound::AtMost),
        _ => Some(Bound::About),
    }
}

/// A figure's value with its sign: (is it negative, magnitude).
fn signed(f: &Figure) -> (bool, Decimal) {
    (f.sign == Some(Sign::Down), f.value)
}

/// x − y of two signed values, as (is it negative, magnitude); None if it
/// cannot be exact.
fn signed_minus(x: (bool, Decimal), y: (bool, Decimal)) -> Option<(bool, Decimal)> {
    let (mx, my, scale) = common_scale(x.1, y.1)?;
    // x − y = x + (−y).
    let (nx, ny) = (x.0, !y.0);
    let (negative, m) = if nx == ny {
        (nx, mx.checked_add(my)?)
    } else if mx >= my {
        (nx, mx - my)
    } else {
        (ny, my - mx)
    };
    Some((negative && m != 0, Decimal::from_parts(m, scale)?))
}

/// The two mantissas over one scale.
fn common_scale(x: Decimal, y: Decimal) -> Option<(u128, u128, u32)> {
    let (mx, sx) = x.parts();
    let (my, sy) = y.parts();
    let scale = sx.max(sy);
    let mx = mx.checked_mul(10u128.checked_pow(scale - sx)?)?;
    let my = my.checked_mul(10u128.checked_pow(scale - sy)?)?;
    Some((mx, my, scale))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::{Report, TextEncoding};

    fn figure(sentence: &str) -> Figure {
        let text = format!("一、主要工作\n{sentence}\n");
        let r = Report::parse("r.txt", text, TextEncoding::Utf8);
        r.figures().first().cloned().expect("a figure")
    }

    fn shown(a: &str, b: &str) -> String {
        difference(&figure(a), &figure(b)).unwrap().shown
    }

    #[test]
    fn a_hedged_value_makes_the_difference_a_bound() {
        let exact = "行政复议纠错率为21.4%。";
        let at_least = "行政复议纠错率达40%以上。";
        let about = "行政复议纠错率约40%。";
        let nearly = "行政复议纠错率近40%。";
        assert_eq!(shown(exact, at_least), "more than +18.6 个百分点");
        assert_eq!(shown(at_least, exact), "less than −18.6 个百分点");
        assert_eq!(shown(exact, nearly), "less than +18.6 个百分点");
        assert_eq!(shown(nearly, exact), "more than −18.6 个百分点");
        assert_eq!(shown(exact, about), "≈+18.6 个百分点");
        assert_eq!(shown(at_least, nearly), "less than ±0 个百分点");
        assert_eq!(shown(exact, exact), "±0 个百分点");
    }

    #[test]
    fn a_fall_and_a_rise_are_apart_by_both() {
        let fall = "信访总量同比下降31.4%。";
        let rise = "信访总量同比增长5%。";
        let d = difference(&figure(fall), &figure(rise)).unwrap();
        assert_eq!(d.shown, "+36.4 个百分点");
        assert_eq!(
            (d.value.to_string(), d.sign),
            ("36.4".into(), Some(Sign::Up))
        );
        assert_eq!(shown(rise, fall), "−36.4 个百分点");
        // A fall of more than 3% is a value of at most −3.
        assert_eq!(
            shown("信访总量同比下降超过3%。", "信访总量同比下降1%。"),
            "more than +2 个百分点"
        );
    }

    #[test]
    fn money_reads_in_wan() {
        assert_eq!(
            shown("挽回经济损失819.1万元。", "挽回经济损失5181万元。"),
            "+4361.9万元"
        );
    }
}
