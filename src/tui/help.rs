//! The help popup's model: the keys of the place help was opened from,
//! then those of the screen's other panes, each with what it does there,
//! wrapped to the popup's width; and the scroll over those lines. Built
//! from the key table, so help never drifts from the keys.

use ratatui::layout::Rect;

use super::action::Action;
use super::keys::{self, KeyPlace, Scope};
use super::layout::{inner_height, inner_width};
use super::list::Cursor;
use crate::text;

/// The cells the key column takes.
pub(crate) const KEY_CELLS: usize = 14;
/// The popup's widest.
const MAX_WIDTH: u16 = 84;

#[derive(Debug, Clone, PartialEq)]
pub enum HelpLine {
    Heading(String),
    /// A key column (empty on a continued description) and its text.
    Key(String, String),
    Note(String),
    Blank,
}

#[derive(Debug, Clone)]
pub struct Help {
    pub place: KeyPlace,
    pub lines: Vec<HelpLine>,
    pub cursor: Cursor,
    /// The popup's area on screen.
    pub area: Rect,
}

impl Help {
    pub fn new(place: KeyPlace, screen: Rect) -> Help {
        let mut h = Help {
            place,
            lines: Vec::new(),
            cursor: Cursor::default(),
            area: Rect::default(),
        };
        h.resize(screen);
        h
    }

    pub(crate) fn resize(&mut self, screen: Rect) {
        let w = screen.width.saturating_sub(4).min(MAX_WIDTH);
        let h = screen.height.saturating_sub(2);
        self.area = Rect::new(
            screen.x + (screen.width - w) / 2,
            screen.y + (screen.height - h) / 2,
            w,
            h,
        );
        // The last column is the scroll bar's.
        self.lines = lines(self.place, inner_width(self.area).saturating_sub(1));
        self.cursor.set_height(inner_height(self.area));
        self.cursor.set_len(self.lines.len());
        self.cursor.scroll(0);
    }

    pub fn update(&mut self, action: Action) {
        self.cursor.apply_scroll(action);
    }
}

/// The panes of the screen a place is on, the place's own first.
fn screen_places(place: KeyPlace) -> Vec<KeyPlace> {
    let same: &[Scope] = match place.scope {
        Scope::Reports | Scope::Tree | Scope::Reader | Scope::Figures => {
            &[Scope::Reports, Scope::Tree, Scope::Reader, Scope::Figures]
        }
        Scope::Compare | Scope::CompareFigures => &[Scope::Compare, Scope::CompareFigures],
        Scope::Corpus
        | Scope::Candidates
        | Scope::Years
        | Scope::Followup
        | Scope::ReuseList
        | Scope::SharedFacing
        | Scope::Help
        | Scope::SearchField
        | Scope::ValueField
        | Scope::FilterField
        | Scope::Finder
        | Scope::FinderField
        | Scope::Columns
        | Scope::ColumnsField => &[],
    };
    let others = same
        .iter()
        .filter(|&&s| s != place.scope)
        .map(|&scope| KeyPlace {
            scope,
            nested: place.nested,
        });
    std::iter::once(place).chain(others).collect()
}

/// Help's lines at `width` cells: the place's keys, then what the
/// screen's other panes add to them.
/// What a report's badge in the list says, in words.
const BADGE: [&str; 2] = [
    "The badge after a report: its four required parts (measures, shortcomings, the leaders' duty, next year's plans), each ● a section of its own, ◐ only mentioned, ○ missing;",
    "then ✓ published by 31 March of the next year, ✗ later, ? date unknown.",
];

pub fn lines(place: KeyPlace, width: usize) -> Vec<HelpLine> {
    let mut out = Vec::new();
    let here = keys::table(place);
    for (i, p) in screen_places(place).into_iter().enumerate() {
        let table: Vec<_> = match i {
            0 => here.clone(),
            _ => keys::table(p)
                .into_iter()
                .filter(|b| !here.iter().any(|h| std::ptr::eq(*h, *b)))
                .collect(),
        };
        if i > 0 {
            out.push(HelpLine::Blank);
        }
        let heading = if i == 0 {
            format!("Keys here: {}", p.scope.title())
        } else {
            format!("{} (besides the keys above)", p.scope.title())
        };
        out.push(HelpLine::Heading(heading));
        for b in table {
            let mut rows = text::wrap(b.help, width.saturating_sub(KEY_CELLS).max(8)).into_iter();
            let first = rows.next().map_or("", |r| &b.help[r.bytes]);
            out.push(HelpLine::Key(b.label(), first.to_owned()));
            out.extend(rows.map(|r| HelpLine::Key(String::new(), b.help[r.bytes].to_owned())));
        }
    }
    out.push(HelpLine::Blank);
    let reading = matches!(
        place.scope,
        Scope::Reports | Scope::Tree | Scope::Reader | Scope::Figures
    );
    let badge = reading.then_some(BADGE).into_iter().flatten();
    for note in badge.chain([
        "Mouse: the wheel scrolls the pane under it; a click selects.",
        "Help: ↑↓ PgUp PgDn scroll · Esc or ? closes · q quits.",
    ]) {
        for r in text::wrap(note, width.max(8)) {
            out.push(HelpLine::Note(note[r.bytes].trim_start().to_owned()));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every key of the place's table shows, and no description is cut:
    /// what wraps is all there.
    #[test]
    fn help_lists_every_key_whole() {
        for scope in Scope::ALL {
            let place = KeyPlace {
                scope,
                nested: true,
            };
            for width in [40, 76, 156] {
                let lines = lines(place, width);
                let text: String = lines
                    .iter()
                    .map(|l| match l {
                        HelpLine::Key(_, t) => t.clone(),
                        _ => String::new(),
                    })
                    .collect();
                for b in keys::table(place) {
                    assert!(
                        lines
                            .iter()
                            .any(|l| matches!(l, HelpLine::Key(k, _) if *k == b.label())),
                        "{scope:?}: {}",
                        b.label()
                    );
                    assert!(text.contains(b.help), "{scope:?} at {width}: {}", b.help);
                }
                for l in &lines {
                    if let HelpLine::Key(_, t) | HelpLine::Note(t) = l {
                        assert!(text::width(t) <= width, "{t}");
                    }
                }
            }
        }
    }
}
