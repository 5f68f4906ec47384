use serde::Serialize;

/// The part of a report a section is in (spec §3): the opening, the
/// year's work (its measures and results, and the leaders' duty),
/// shortcomings, next year's plans, or shortcomings and plans in one
/// section. Comparing pairs sections within one part only, so that a plan
/// is never set against a result.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Part {
    Opening,
    Work,
    Shortcomings,
    Plans,
    /// One section on shortcomings and plans (存在的不足…及2025年的主要安排).
    ShortcomingsAndPlans,
}

impl Part {
    pub fn name(self) -> &'static str {
        match self {
            Part::Opening => "opening",
            Part::Work => "the year's work",
            Part::Shortcomings => "shortcomings",
            Part::Plans => "next year's plans",
            Part::ShortcomingsAndPlans => "shortcomings and plans",
        }
    }

    /// Where the part stands in a report: the order compare shows them in.
    pub(crate) fn rank(self) -> u8 {
        match self {
            Part::Opening => 0,
            Part::Work => 1,
            Part::Shortcomings => 2,
            Part::ShortcomingsAndPlans => 3,
            Part::Plans => 4,
        }
    }

    /// Whether sections of these parts may pair: the same part, or a
    /// combined section with either of its halves.
    pub fn pairs_with(self, other: Part) -> bool {
        use Part::*;
        self == other
            || matches!(
                (self, other),
                (ShortcomingsAndPlans, Shortcomings | Plans)
                    | (Shortcomings | Plans, ShortcomingsAndPlans)
            )
    }
}
