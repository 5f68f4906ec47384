//! The key table: for each place keys can go (a pane of the reading
//! screen, another screen, help, the search field) the bindings that work
//! there. Input, the help popup and the status bar all read the same
//! table, and no key is bound twice in one place, so the order of the
//! table never decides anything and a key shown is a key that works.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::action::Action;

/// Where keys go.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Scope {
    Reports,
    Tree,
    Reader,
    Figures,
    Corpus,
    Compare,
    /// The compare view's table of figures face to face.
    CompareFigures,
    /// The figures that could fill a table cell, to choose from.
    Candidates,
    /// One place's reports by year.
    Years,
    /// A year's plans against the next year's report.
    Followup,
    /// Where else a section's text appears, or the pairs that share.
    ReuseList,
    /// Two reports face to face at a shared passage.
    SharedFacing,
    Help,
    /// Typing a search: keys are text.
    SearchField,
    /// Typing the report list's filter: keys are text.
    FilterField,
    /// The hits of a search across every loaded report.
    Finder,
    /// Typing that search: keys are text.
    FinderField,
    /// Typing a cell's value by hand: keys are text.
    ValueField,
    /// The corpus view's column chooser.
    Columns,
    /// Typing the column chooser's filter: keys are text.
    ColumnsField,
}

impl Scope {
    pub const ALL: [Scope; 20] = [
        Scope::Reports,
        Scope::Tree,
        Scope::Reader,
        Scope::Figures,
        Scope::Corpus,
        Scope::Compare,
        Scope::CompareFigures,
        Scope::Candidates,
        Scope::Years,
        Scope::Followup,
        Scope::ReuseList,
        Scope::SharedFacing,
        Scope::Help,
        Scope::SearchField,
        Scope::FilterField,
        Scope::Finder,
        Scope::FinderField,
        Scope::ValueField,
        Scope::Columns,
        Scope::ColumnsField,
    ];

    /// The heading help shows over this place's keys.
    pub fn title(self) -> &'static str {
        match self {
            Scope::Reports => "Reading · reports list",
            Scope::Tree => "Reading · section tree",
            Scope::Reader => "Reading · text",
            Scope::Figures => "Reading · figures",
            Scope::Corpus => "Corpus view",
            Scope::Compare => "Compare view",
            Scope::CompareFigures => "Compare view · figures face to face",
            Scope::Candidates => "Choosing a table cell's figure",
            Scope::Years => "Years of one place",
            Scope::Followup => "Follow-up: plans against the next year's report",
            Scope::ReuseList => "Shared passages: where else the text appears",
            Scope::SharedFacing => "Shared passages face to face",
            Scope::Help => "Help",
            Scope::SearchField => "Search field",
            Scope::FilterField => "Filtering the reports list",
            Scope::Finder => "Search across every loaded report",
            Scope::FinderField => "Typing a search across every loaded report",
            Scope::ValueField => "A cell's value typed by hand",
            Scope::Columns => "Corpus view · choosing the columns",
            Scope::ColumnsField => "Filtering the corpus view's columns",
        }
    }

    /// A field being typed: a key no binding takes is text.
    pub(crate) fn is_field(self) -> bool {
        matches!(
            self,
            Scope::SearchField
                | Scope::FilterField
                | Scope::FinderField
                | Scope::ValueField
                | Scope::ColumnsField
        )
    }
}

/// The keys of the place the user is in: its scope, and whether a screen
/// lies below to go back to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct KeyPlace {
    pub scope: Scope,
    pub nested: bool,
}

pub struct Binding {
    pub keys: &'static [KeyCode],
    /// Bound with Ctrl held.
    pub ctrl: bool,
    pub action: Action,
    /// What the key does here, for help.
    pub help: &'static str,
    /// A word for the status bar; None shows it only in help.
    pub hint: Option<&'static str>,
}

mod bindings;

use bindings::*;
use KeyCode::*;

/// The bindings of a place, in the order help and the status bar show
/// them.
pub fn table(place: KeyPlace) -> Vec<&'static Binding> {
    let groups: &[&[Binding]] = match place.scope {
        Scope::Reports => &[REPORTS, READING],
        Scope::Tree => &[TREE, IN_REPORT, READING],
        Scope::Reader => &[READER, IN_REPORT, READING],
        Scope::Figures => &[FIGURES, IN_REPORT, READING],
        Scope::Corpus => &[CORPUS],
        Scope::Compare => &[COMPARE],
        Scope::CompareFigures => &[COMPARE_FIGURES],
        Scope::Candidates => &[CANDIDATES],
        Scope::Years => &[YEARS],
        Scope::Followup => &[FOLLOWUP],
        Scope::ReuseList => &[REUSE_LIST],
        Scope::SharedFacing => &[FACING],
        Scope::Help => return HELP.iter().collect(),
        Scope::SearchField => return SEARCH_FIELD.iter().collect(),
        Scope::FilterField => return FILTER_FIELD.iter().collect(),
        Scope::FinderField => return FINDER_FIELD.iter().collect(),
        Scope::Finder => &[FINDER],
        Scope::ValueField => return VALUE_FIELD.iter().collect(),
        Scope::Columns => &[COLUMNS],
        Scope::ColumnsField => return COLUMNS_FIELD.iter().collect(),
    };
    let reading = matches!(
        place.scope,
        Scope::Reports | Scope::Tree | Scope::Reader | Scope::Figures
    );
    let back: &[Binding] = if reading && place.nested { BACK } else { &[] };
    groups
        .iter()
        .copied()
        .chain([back, COPY, QUIT])
        .flatten()
        .collect()
}

/// The action a key asks for in a place. In the search field, a key no
/// binding takes is text.
pub(crate) fn action_for(place: KeyPlace, k: KeyEvent) -> Option<Action> {
    let ctrl = k.modifiers.contains(KeyModifiers::CONTROL);
    let bound = table(place)
        .into_iter()
        .find(|b| b.ctrl == ctrl && b.keys.contains(&k.code))
        .map(|b| b.action);
    match (bound, place.scope, k.code) {
        (Some(a), _, _) => Some(a),
        (None, scope, Char(c)) if !ctrl && scope.is_field() => Some(Action::SearchInput(c)),
        _ => None,
    }
}

/// How a key is written in help and the status bar.
fn key_name(code: KeyCode) -> String {
    match code {
        Up => "↑".into(),
        Down => "↓".into(),
        Left => "←".into(),
        Right => "→".into(),
        PageUp => "PgUp".into(),
        PageDown => "PgDn".into(),
        Home => "Home".into(),
        End => "End".into(),
        Tab => "Tab".into(),
        BackTab => "S-Tab".into(),
        Enter => "Enter".into(),
        Esc => "Esc".into(),
        Backspace => "Bksp".into(),
        Char(' ') => "Space".into(),
        Char(c) => c.to_string(),
        other => format!("{other:?}"),
    }
}

impl Binding {
    /// The keys as help shows them: "↑/k", "C-c".
    pub fn label(&self) -> String {
        let names: Vec<String> = self.keys.iter().map(|&k| key_name(k)).collect();
        let names = names.join("/");
        if self.ctrl {
            format!("C-{names}")
        } else {
            names
        }
    }

    /// The first key alone, for the status bar: "↓", "Enter".
    pub(crate) fn short_label(&self) -> String {
        let first = self.keys.first().map_or_else(String::new, |&k| key_name(k));
        if self.ctrl {
            format!("C-{first}")
        } else {
            first
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn all_places() -> Vec<KeyPlace> {
        Scope::ALL
            .iter()
            .flat_map(|&scope| [false, true].map(|nested| KeyPlace { scope, nested }))
            .collect()
    }

    /// No key is bound twice in one place, so which binding comes first
    /// never matters.
    #[test]
    fn a_key_means_one_thing_in_each_place() {
        for place in all_places() {
            let mut seen = Vec::new();
            for b in table(place) {
                for &k in b.keys {
                    assert!(!seen.contains(&(k, b.ctrl)), "{place:?}: {k:?} bound twice");
                    seen.push((k, b.ctrl));
                }
                assert!(!b.help.is_empty() && !b.keys.is_empty());
            }
        }
    }

    #[test]
    fn arrows_and_vim_keys_agree_and_esc_never_quits() {
        let k = |c| KeyEvent::new(c, KeyModifiers::NONE);
        for place in all_places() {
            let scope = place.scope;
            if !scope.is_field() {
                assert_eq!(action_for(place, k(Down)), action_for(place, k(Char('j'))));
                assert_eq!(action_for(place, k(Up)), action_for(place, k(Char('k'))));
                assert_eq!(action_for(place, k(Char('q'))), Some(Action::Quit));
            }
            assert_ne!(action_for(place, k(Esc)), Some(Action::Quit), "{place:?}");
            let ctrl_c = KeyEvent::new(Char('c'), KeyModifiers::CONTROL);
            assert!(action_for(place, ctrl_c).is_some(), "{place:?}");
        }
        let base = KeyPlace {
            scope: Scope::Tree,
            nested: false,
        };
        assert_eq!(action_for(base, k(Esc)), None, "nothing to go back to");
        let field = KeyPlace {
            scope: Scope::SearchField,
            nested: false,
        };
        assert_eq!(
            action_for(field, k(Char('q'))),
            Some(Action::SearchInput('q'))
        );
        let value = KeyPlace {
            scope: Scope::ValueField,
            nested: true,
        };
        assert_eq!(
            action_for(value, k(Char('q'))),
            Some(Action::SearchInput('q'))
        );
    }

    #[test]
    fn every_place_shows_help_and_quit_in_its_hints() {
        for place in all_places() {
            let hints: Vec<&str> = table(place).iter().filter_map(|b| b.hint).collect();
            if !place.scope.is_field() {
                assert!(hints.contains(&"help") || place.scope == Scope::Help);
                assert!(hints.contains(&"quit"), "{place:?}");
            }
        }
    }
}
