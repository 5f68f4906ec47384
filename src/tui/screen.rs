//! What a screen gives back to the app after an action: stay, go back, or
//! open another screen. A screen names the screen it opens as a route, and
//! the app builds it, so that no screen needs to know another's type.

use crate::report::Hit;

/// What a screen asks of the app after an action.
#[derive(Debug, Clone, PartialEq)]
pub enum Transition {
    Stay,
    /// Close this screen: the one below shows as it was.
    Back,
    /// Open another screen on top.
    Open(Route),
}

/// A screen to open, by what it shows.
#[derive(Debug, Clone, PartialEq)]
pub enum Route {
    /// A report at a section, a span highlighted.
    Reading {
        report: usize,
        section: usize,
        span: Option<Hit>,
    },
    /// Every report against the main indicators, report `at` selected.
    /// The corpus table of `shown` (the reports the list's filter keeps,
    /// in library order), report `at` selected.
    Corpus {
        at: Option<usize>,
        shown: Vec<usize>,
    },
    /// Report `a` against report `b`.
    Compare { a: usize, b: usize },
    /// The figures that could fill a report's cell of an indicator.
    Candidates { report: usize, indicator: String },
    /// The years of a report's place.
    Years { report: usize },
    /// Report `a`'s plans against report `b`.
    Followup { a: usize, b: usize },
    /// Where else a section's text appears.
    Shared { report: usize, section: usize },
    /// The pairs of loaded reports that share passages.
    Reuse,
    /// Search across every loaded report.
    Finder,
    /// Reports `a` and `b` face to face at their `passage`th shared
    /// passage, at its `anchor`th run.
    SharedFacing {
        a: usize,
        b: usize,
        passage: usize,
        anchor: usize,
    },
}
