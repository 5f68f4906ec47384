//! Which part of a report each section is in (spec §3): the opening, the
//! year's work (its measures and results, and the leaders' duty),
//! shortcomings, next year's plans, or shortcomings and plans in one
//! section. Comparing pairs sections within one part only, so that a
//! plan is never set against a result.

use serde::Serialize;

use crate::report::{BlockKind, PartStatus, SectionKind};
use crate::Report;

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
    pub fn rank(self) -> u8 {
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

/// The part of each section of a report.
pub fn of_sections(r: &Report) -> Vec<Part> {
    let parts = &r.parts.parts;
    let section = |p: &crate::report::Part| p.section.filter(|_| p.status == PartStatus::Section);
    let (short, next) = (section(&parts.shortcomings), section(&parts.next_year));
    let own = |s: usize| -> Option<Part> {
        if r.sections[s].kind == SectionKind::Preamble {
            return Some(Part::Opening);
        }
        match (Some(s) == short, Some(s) == next) {
            (true, true) => Some(Part::ShortcomingsAndPlans),
            (true, false) => Some(Part::Shortcomings),
            (false, true) => Some(Part::Plans),
            _ => None,
        }
    };
    (0..r.sections.len())
        .map(|s| {
            std::iter::once(s)
                .chain(r.ancestors(s))
                .find_map(own)
                .unwrap_or(Part::Work)
        })
        .collect()
}

/// Whether a section is a heading whose text is all in its subsections:
/// it never fills one side of a pair alone.
pub fn heading_only(r: &Report, s: usize) -> bool {
    r.sections[s].kind == SectionKind::Heading
        && r.children(s).next().is_some()
        && r.section_blocks(s, false)
            .all(|b| r.blocks[b].kind == BlockKind::Heading)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::TextEncoding;

    #[test]
    fn sections_know_their_part() {
        let text = "2024年,全市法治政府建设取得新成效,现将有关情况报告如下。\n\
                    一、主要举措和成效\n(一)深化改革。全年办结案件12件。\n\
                    二、存在的不足\n执法规范化水平有待提升。\n\
                    三、2025年工作安排\n(一)深化改革。推进示范创建。\n";
        let r = Report::parse("r.txt", text.into(), TextEncoding::Utf8);
        let parts = of_sections(&r);
        use Part::*;
        assert_eq!(parts, [Opening, Work, Work, Shortcomings, Plans, Plans]);
        assert!(heading_only(&r, 1) && !heading_only(&r, 2));
        assert!(ShortcomingsAndPlans.pairs_with(Plans) && !Work.pairs_with(Plans));
    }
}
