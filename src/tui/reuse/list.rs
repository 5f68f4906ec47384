//! The list of where text appears elsewhere: for a section, each loaded
//! report that shares its passages (place and year, its section, the
//! share of this section's text); for the loaded reports, the groups of
//! near copies and the pairs that share passages, most shared first, as
//! `lawgov-tui reuse` lists them. Enter opens the two face to face.

use ratatui::layout::Rect;

use crate::corpus::reuse::{Partner, Relation};
use crate::report::Report;

use crate::tui::action::Action;
use crate::tui::keys::Scope;
use crate::tui::layout::inner_height;
use crate::tui::list::Cursor;
use crate::tui::screen::{Route, Transition};
use crate::tui::session::Session;

/// One row: what it says, and the passage Enter opens.
#[derive(Debug, Clone, PartialEq)]
pub struct ReuseRow {
    /// How much is shared: a share, two, or a group's size.
    pub share: String,
    /// The passage's (or the pair's) length in chars.
    pub chars: Option<usize>,
    /// The other report, or the pair.
    pub who: String,
    /// Where in it (a section), or how the two are related.
    pub what: String,
    pub a: usize,
    pub b: usize,
    pub passage: usize,
    /// The run of the passage to stand at.
    pub anchor: usize,
    /// What the list is sorted by, largest first.
    pub rank: f32,
}

#[derive(Debug, Clone)]
pub struct ReuseList {
    pub title: String,
    /// Said when there are no rows.
    pub empty: String,
    pub rows: Vec<ReuseRow>,
    pub cursor: Cursor,
    pub area: Rect,
}

impl ReuseList {
    /// The loaded reports that share passages of `section` of `report`.
    pub(crate) fn of_section(s: &Session, report: usize, section: usize) -> ReuseList {
        let reports = &s.library.reports;
        let r = &reports[report];
        let partners = s.partners(report);
        let mut rows: Vec<ReuseRow> = partners
            .iter()
            .filter_map(|p| section_row(r, section, p, &reports[p.doc], report))
            .collect();
        rows.sort_by(|x, y| y.rank.total_cmp(&x.rank).then(x.b.cmp(&y.b)));
        let title = format!(
            "Where else {} · {} appears",
            r.label(),
            r.heading_label(section)
        );
        ReuseList::new(
            title,
            "No other loaded report shares this section's text (passages of 40 characters or more, beyond the genre's stock phrases).",
            rows,
        )
    }

    /// The groups of near copies and the pairs of the loaded reports.
    pub(crate) fn of_corpus(s: &Session) -> ReuseList {
        let reuse = s.reuse();
        let label = |d: usize| reuse.docs[d].label.clone();
        let source = |d: usize| reuse.docs[d].source;
        let mut rows: Vec<ReuseRow> = Vec::new();
        for (i, c) in reuse.clusters.iter().enumerate() {
            let first = c.members[0].doc;
            let second = c.members.get(1).map_or(first, |m| m.doc);
            rows.push(ReuseRow {
                share: format!("{} copies", c.members.len()),
                chars: None,
                who: format!("group {}: {} and its near copies", i + 1, label(first)),
                what: String::new(),
                a: source(first),
                b: source(second),
                passage: 0,
                anchor: 0,
                rank: 1.0,
            });
        }
        for p in &reuse.pairs {
            rows.push(ReuseRow {
                share: format!("{:>3.0}%/{:.0}%", p.a_share * 100.0, p.b_share * 100.0),
                chars: Some(p.chars),
                who: format!("{} ↔ {}", label(p.a), label(p.b)),
                what: match p.relation {
                    Relation::Other => String::new(),
                    rel => rel.name().to_owned(),
                },
                a: source(p.a),
                b: source(p.b),
                passage: 0,
                anchor: 0,
                rank: p.a_share.max(p.b_share),
            });
        }
        let title = format!(
            "Reuse among {} reports: {} groups of near copies, {} pairs",
            reuse.docs.len(),
            reuse.clusters.len(),
            reuse.pairs.len()
        );
        ReuseList::new(
            title,
            "No two loaded reports share a passage of 40 characters or more beyond the genre's stock phrases.",
            rows,
        )
    }

    fn new(title: String, empty: &str, rows: Vec<ReuseRow>) -> ReuseList {
        ReuseList {
            title,
            empty: empty.to_owned(),
            cursor: Cursor::new(rows.len(), 1),
            rows,
            area: Rect::default(),
        }
    }

    pub fn scope(&self) -> Scope {
        Scope::ReuseList
    }

    pub(crate) fn resize(&mut self, body: Rect) {
        self.area = body;
        // The header row takes one line of the pane.
        self.cursor.set_height(inner_height(body).saturating_sub(1));
    }

    pub fn selected(&self) -> Option<&ReuseRow> {
        self.rows.get(self.cursor.selected())
    }

    /// What `Y` copies: the selected row as it reads.
    pub fn copy(&self) -> Option<String> {
        let r = self.selected()?;
        Some(
            format!("{} {} {}", r.share, r.who, r.what)
                .trim()
                .to_owned(),
        )
    }

    pub fn update(&mut self, action: Action) -> Transition {
        if self.cursor.apply(action) {
            return Transition::Stay;
        }
        match action {
            Action::Open => match self.selected() {
                Some(r) => Transition::Open(Route::SharedFacing {
                    a: r.a,
                    b: r.b,
                    passage: r.passage,
                    anchor: r.anchor,
                }),
                None => Transition::Stay,
            },
            Action::Back | Action::Shared | Action::ReuseList => Transition::Back,
            _ => Transition::Stay,
        }
    }
}

/// The row of one partner for a section: the share of the section's text
/// in passages with it, and its longest passage there.
fn section_row(
    r: &Report,
    section: usize,
    p: &Partner,
    other: &Report,
    report: usize,
) -> Option<ReuseRow> {
    let blocks = r.sections().get(section)?.blocks.clone();
    let total: usize = blocks.clone().map(|b| r.blocks()[b].len).sum();
    let (mut covered, mut best) = (0, None::<(usize, usize)>);
    for (k, x) in p.shared.passages.iter().enumerate() {
        let inside: usize = x
            .a_spans
            .iter()
            .filter(|h| blocks.contains(&h.block))
            .map(|h| h.len)
            .sum();
        covered += inside;
        if inside > 0 && best.is_none_or(|(_, n)| inside > n) {
            best = Some((k, inside));
        }
    }
    let (k, _) = best?;
    let x = &p.shared.passages[k];
    // Where this section's part of the passage stands in the other: the
    // first run that starts in the section.
    let anchor = x
        .anchors
        .iter()
        .position(|a| blocks.contains(&a.a.0))
        .unwrap_or(0);
    let (b_section, b_line) = match x.anchors.get(anchor) {
        Some(a) => other
            .blocks()
            .get(a.b.0)
            .map_or((x.b.section, x.b.line), |b| (b.section, b.line)),
        None => (x.b.section, x.b.line),
    };
    let share = covered.min(total) as f32 / total.max(1) as f32;
    Some(ReuseRow {
        share: format!("{:>3.0}%", share * 100.0),
        chars: Some(x.chars),
        who: other.label(),
        what: format!("{} · line {b_line}", other.heading_label(b_section)),
        a: report,
        b: p.doc,
        passage: k,
        anchor,
        rank: share,
    })
}
