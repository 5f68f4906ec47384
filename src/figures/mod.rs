//! Figures: the quantities a report states (spec §5), each with its value,
//! unit, qualifier, kind, sign, label, the section it is in and where it
//! is written. Extracted once, when a report is loaded.

mod context;
mod delta;
pub mod difference;
mod extract;
mod found;
pub mod indicators;
mod label;
mod meaning;
mod names;
mod scan;
mod scope;
mod trie;
mod typography;
pub mod units;
mod words;

use serde::Serialize;

use crate::text::numeral::Decimal;

pub use difference::{difference, Bound, Difference};
pub use extract::{extract, extract_until};
pub use indicators::{Catalogue, Indicator};
pub use scan::quantity;

/// What a figure measures.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    Count,
    Money,
    /// A percentage that is a level (…率, 占比).
    Rate,
    /// A percentage stated with a direction word (同比增长, 下降).
    Change,
    Duration,
    /// A multiple (二点五倍).
    Ratio,
}

impl Kind {
    pub fn name(self) -> &'static str {
        match self {
            Kind::Count => "count",
            Kind::Money => "money",
            Kind::Rate => "rate",
            Kind::Change => "change",
            Kind::Duration => "duration",
            Kind::Ratio => "ratio",
        }
    }
}

/// How the text hedges a figure.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Qualifier {
    /// 余, 多, 以上, 数十…
    MoreThan,
    /// 近
    Nearly,
    /// 约, 左右
    About,
    /// 超, 超过, 逾
    Over,
    /// 内, 以内
    Within,
}

impl Qualifier {
    pub fn name(self) -> &'static str {
        match self {
            Qualifier::MoreThan => "more_than",
            Qualifier::Nearly => "nearly",
            Qualifier::About => "about",
            Qualifier::Over => "over",
            Qualifier::Within => "within",
        }
    }

    /// The words that say it, for a value that cannot take a mark
    /// ("fall of more than 3%").
    pub fn words(self) -> &'static str {
        match self {
            Qualifier::MoreThan => "more than",
            Qualifier::Over => "over",
            Qualifier::Nearly => "nearly",
            Qualifier::About => "about",
            Qualifier::Within => "at most",
        }
    }

    /// The short mark shown before a value in tables.
    pub fn mark(self) -> &'static str {
        match self {
            Qualifier::MoreThan | Qualifier::Over => ">",
            Qualifier::Nearly | Qualifier::About => "≈",
            Qualifier::Within => "≤",
        }
    }
}

/// The direction of a change.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sign {
    Up,
    Down,
}

impl Sign {
    /// As JSON writes it: `+` or `-`.
    pub fn symbol(self) -> &'static str {
        match self {
            Sign::Up => "+",
            Sign::Down => "-",
        }
    }

    /// As text and the TUI show it: `+` or the minus sign `−` (U+2212),
    /// the one minus of everything displayed.
    pub fn shown(self) -> &'static str {
        match self {
            Sign::Up => "+",
            Sign::Down => "−",
        }
    }

    /// As a CSV cell: `1` or `-1`, a number (a cell that starts with `+`
    /// or `-` and is no number is a formula to a spreadsheet).
    pub fn csv(self) -> &'static str {
        match self {
            Sign::Up => "1",
            Sign::Down => "-1",
        }
    }

    /// The change it makes: "rise" or "fall".
    pub fn word(self) -> &'static str {
        match self {
            Sign::Up => "rise",
            Sign::Down => "fall",
        }
    }
}

impl Serialize for Sign {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.symbol())
    }
}

/// One figure of a report.
#[derive(Debug, Clone, PartialEq)]
pub struct Figure {
    /// The span as written: number, unit and hedging words.
    pub raw: String,
    /// 万/亿 applied; money in 元; a percentage as the percent number.
    pub value: Decimal,
    /// Normalised to Simplified (個 → 个); `%` for percentages.
    pub unit: &'static str,
    pub qualifier: Option<Qualifier>,
    pub kind: Kind,
    pub sign: Option<Sign>,
    /// What is counted, in the file's own script.
    pub label: String,
    /// The catalogue indicator the figure is, by id.
    pub indicator: Option<String>,
    /// Its own words say it is counted over years (累计, 以来), not the
    /// year's figure.
    pub cumulative: bool,
    /// Its own words give it as the whole area's total (共计, 全市共): a
    /// table takes it over another figure of its paragraph.
    pub total: bool,
    /// Index into `Report::sections`.
    pub section: usize,
    /// 1-based line; `col` and `len` in chars of that line.
    pub line: usize,
    pub col: usize,
    pub len: usize,
}

impl Figure {
    /// The value with its unit and qualifier mark, for tables: "约6798万元"
    /// is shown as "≈6798万元", "3006件" as "3,006 件", "同比下降31.4%" as
    /// "−31.4%"; a hedged change in words, "下降超过3%" as "fall of more
    /// than 3%" (a mark and a sign together, ">−3%", read as a bound on the
    /// wrong side).
    pub fn display_value(&self) -> String {
        shown(self.value, self.unit, self.qualifier, self.sign)
    }
}

/// A value as tables show it, with its hedge and the direction of a
/// change (see [`Figure::display_value`]).
pub fn shown(
    value: Decimal,
    unit: &str,
    qualifier: Option<Qualifier>,
    sign: Option<Sign>,
) -> String {
    let amount = value_with_unit(value, unit);
    match (qualifier, sign) {
        (Some(q), Some(s)) => format!("{} of {} {amount}", s.word(), q.words()),
        (q, s) => format!(
            "{}{}{amount}",
            q.map_or("", |q| q.mark()),
            s.map_or("", |s| s.shown())
        ),
    }
}

/// A value and its unit as a Chinese reader writes money (6798万元,
/// 1.2亿元) and as tables group other numbers (3,006 件, 21.4%).
pub(crate) fn value_with_unit(value: Decimal, unit: &str) -> String {
    if unit.ends_with('元') {
        let (big, name) = match value.to_f64() {
            v if v >= 1e12 => (12, "万亿"),
            v if v >= 1e8 => (8, "亿"),
            v if v >= 1e4 => (4, "万"),
            _ => (0, ""),
        };
        // At most four digits stand before 万 or 亿, so no grouping.
        let shown = value.unshift(big).unwrap_or(value);
        return format!("{shown}{name}{unit}");
    }
    let space = if unit == "%" { "" } else { " " };
    format!("{}{space}{unit}", group_thousands(&value.to_string()))
}

/// 67980000 → 67,980,000 (the decimal part untouched).
pub(crate) fn group_thousands(s: &str) -> String {
    let (int, frac) = s.split_once('.').map_or((s, None), |(i, f)| (i, Some(f)));
    let mut out = String::new();
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    if let Some(f) = frac {
        out.push('.');
        out.push_str(f);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Found by fuzzing: a tail word (是) trimmed off the label left an
    /// item marker (二是) running past the label's end.
    #[test]
    fn an_item_marker_cut_by_the_label_end_is_no_marker() {
        let catalogue = Catalogue::builtin();
        let figures = extract([(1, "LF。二是2%")].into_iter(), |_, _| 0, catalogue);
        assert_eq!(figures.len(), 1);
        assert_eq!(figures[0].raw, "2%");
    }

    #[test]
    fn money_reads_in_wan_and_yi() {
        let money = |s: &str| value_with_unit(crate::text::numeral::parse(s).unwrap().value, "元");
        assert_eq!(money("67980000"), "6798万元");
        assert_eq!(money("8191000"), "819.1万元");
        assert_eq!(money("120000000000"), "1200亿元");
        assert_eq!(money("3500"), "3500元");
        assert_eq!(money("123456789012"), "1234.56789012亿元");
        assert_eq!(money("134900000000000"), "134.9万亿元");
        assert_eq!(money("6000000000000"), "6万亿元");
        assert_eq!(
            value_with_unit(crate::text::numeral::parse("3006").unwrap().value, "件"),
            "3,006 件"
        );
    }

    #[test]
    fn a_change_shows_one_minus_and_a_hedged_one_in_words() {
        let v = |s: &str| crate::text::numeral::parse(s).unwrap().value;
        assert_eq!(shown(v("31.4"), "%", None, Some(Sign::Down)), "−31.4%");
        assert_eq!(shown(v("146.57"), "%", None, Some(Sign::Up)), "+146.57%");
        assert_eq!(
            shown(v("3"), "%", Some(Qualifier::Over), Some(Sign::Down)),
            "fall of over 3%"
        );
        assert_eq!(
            shown(v("3"), "%", Some(Qualifier::MoreThan), Some(Sign::Down)),
            "fall of more than 3%"
        );
        assert_eq!(
            shown(v("20"), "%", Some(Qualifier::MoreThan), Some(Sign::Up)),
            "rise of more than 20%"
        );
        assert_eq!(
            shown(v("3006"), "件", Some(Qualifier::About), None),
            "≈3,006 件"
        );
        let f = &crate::figures::extract::line("信访总量同比下降31.4%。")[0];
        assert_eq!(f.display_value(), "−31.4%");
        assert!(!f.display_value().contains('-'));
    }

    #[test]
    fn values_are_grouped_for_display() {
        assert_eq!(group_thousands("67980000"), "67,980,000");
        assert_eq!(group_thousands("98.63"), "98.63");
        assert_eq!(group_thousands("1234.5"), "1,234.5");
    }
}
