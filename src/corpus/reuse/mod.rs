//! Reuse: the passages a report shares with other reports and with its
//! own past (a neighbour's paragraphs, last year's report with the
//! numbers changed), beyond the genre's stock phrases.
//!
//! Two reports are compared on their text as [`folded`] makes it:
//! Simplified keys, letters and Han characters only, every number one
//! symbol, each symbol marked when a stock phrase covers it. [`align`]
//! finds the passages (seeds, runs, chains across small edits), and
//! [`passage`] says where each stands and what differs. Across a corpus,
//! [`many`] finds which reports to compare from fingerprints and groups
//! near copies, so that no two reports are compared unless they share
//! something.

pub mod align;
pub mod candidates;
pub mod cluster;
pub mod folded;
pub mod many;
pub mod partners;
pub mod passage;
pub mod sketch;
pub mod source;

use crate::report::Report;
use crate::text::stock::Stock;

pub use align::Alignment;
pub use folded::Folded;
pub use many::{reuse, Cluster, Doc, Member, Relation, Reuse, ReusePair};
pub use partners::Partner;
pub use passage::{Anchor, Change, SharedPassage, Spot};
pub use source::{Files, Loaded, Source};

/// The shortest passage reported unless asked otherwise, in chars as
/// written (the longer side's).
pub const MIN_CHARS: usize = 40;

/// What two reports share.
#[derive(Debug, Clone, PartialEq)]
pub struct Shared {
    /// The passages, in A's order.
    pub passages: Vec<SharedPassage>,
    /// The share (0-1) of each report's text in the passages.
    pub a_share: f32,
    pub b_share: f32,
}

/// The passages of at least `min_chars` chars two reports share, beyond
/// `stock`.
pub fn between(a: &Report, b: &Report, stock: &Stock, min_chars: usize) -> Shared {
    let (fa, fb) = (Folded::of(a, stock), Folded::of(b, stock));
    let found = align::align(&fa, &fb, min_chars.max(1));
    described(a, b, &fa, &fb, &found)
}

/// The passages `found` between two reports, described.
pub fn described(a: &Report, b: &Report, fa: &Folded, fb: &Folded, found: &[Alignment]) -> Shared {
    let (oa, ob) = (folded::origins(a), folded::origins(b));
    let (sa, sb) = (
        passage::ReportSide::new(a, fa, &oa),
        passage::ReportSide::new(b, fb, &ob),
    );
    let passages = found
        .iter()
        .map(|al| passage::describe(al, sa, sb))
        .collect();
    Shared {
        passages,
        a_share: align::share(found, Alignment::a, fa.len()),
        b_share: align::share(found, Alignment::b, fb.len()),
    }
}
