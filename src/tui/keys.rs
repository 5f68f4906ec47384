//! The one table of key bindings: input handling, the help popup and the
//! status-bar hints all read it, so they cannot drift apart.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::action::Action;
use super::app::Focus;

/// Where a binding works.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    /// Every pane and the corpus view.
    Always,
    /// Every pane of the reading screen.
    Everywhere,
    /// The reports, sections and figures lists.
    Lists,
    Reader,
    Corpus,
    Compare,
}

impl Scope {
    pub fn applies(self, focus: Focus) -> bool {
        match self {
            Scope::Always => true,
            Scope::Everywhere => !matches!(focus, Focus::Corpus | Focus::Compare),
            Scope::Lists => matches!(focus, Focus::Reports | Focus::Tree | Focus::Figures),
            Scope::Reader => focus == Focus::Reader,
            Scope::Corpus => focus == Focus::Corpus,
            Scope::Compare => focus == Focus::Compare,
        }
    }

    /// The heading help shows the scope's keys under.
    pub fn title(self) -> &'static str {
        match self {
            Scope::Always | Scope::Everywhere | Scope::Lists | Scope::Reader => "Reading",
            Scope::Corpus => "Corpus view",
            Scope::Compare => "Compare view",
        }
    }
}

pub struct Binding {
    pub keys: &'static [KeyCode],
    /// How help and the status bar show the keys.
    pub label: &'static str,
    pub action: Action,
    pub help: &'static str,
    pub scope: Scope,
    /// A word for the status bar; None shows it only in help.
    pub hint: Option<&'static str>,
}

const fn bind(
    keys: &'static [KeyCode],
    label: &'static str,
    action: Action,
    help: &'static str,
    scope: Scope,
    hint: Option<&'static str>,
) -> Binding {
    Binding {
        keys,
        label,
        action,
        help,
        scope,
        hint,
    }
}

use KeyCode::*;
use Scope::*;

pub const BINDINGS: &[Binding] = &[
    // The compare view: its Esc closes the view rather than quitting.
    bind(
        &[Up, Char('k')],
        "↑/k",
        Action::Up,
        "previous pair of sections",
        Compare,
        None,
    ),
    bind(
        &[Down, Char('j')],
        "↑↓/jk",
        Action::Down,
        "next pair of sections (figures table: next row)",
        Compare,
        Some("pair"),
    ),
    bind(
        &[PageDown, Char(' ')],
        "PgDn/Space",
        Action::PageDown,
        "scroll both sides down a page",
        Compare,
        Some("page"),
    ),
    bind(
        &[PageUp],
        "PgUp",
        Action::PageUp,
        "scroll both sides up a page",
        Compare,
        None,
    ),
    bind(
        &[Home, Char('g')],
        "Home/g",
        Action::Top,
        "first pair",
        Compare,
        None,
    ),
    bind(
        &[End, Char('G')],
        "End/G",
        Action::Bottom,
        "last pair",
        Compare,
        None,
    ),
    bind(
        &[Tab, BackTab],
        "Tab",
        Action::FocusNext,
        "switch side (narrow screens show one side at a time)",
        Compare,
        Some("side"),
    ),
    bind(
        &[Char('f')],
        "f",
        Action::FiguresScope,
        "figures face to face: every indicator either report states",
        Compare,
        Some("figures"),
    ),
    bind(
        &[Enter],
        "Enter",
        Action::Open,
        "read the focused side's section",
        Compare,
        Some("read"),
    ),
    bind(
        &[Char('d'), Esc],
        "d/Esc",
        Action::Compare,
        "back to reading",
        Compare,
        Some("back"),
    ),
    // The corpus view first: its Esc closes the view rather than quitting.
    bind(
        &[Up, Char('k')],
        "↑/k",
        Action::Up,
        "previous report",
        Corpus,
        None,
    ),
    bind(
        &[Down, Char('j')],
        "↑↓/jk",
        Action::Down,
        "next report",
        Corpus,
        Some("report"),
    ),
    bind(
        &[Left, Char('h')],
        "←/h",
        Action::Left,
        "previous indicator",
        Corpus,
        None,
    ),
    bind(
        &[Right, Char('l')],
        "←→/hl",
        Action::Right,
        "next indicator",
        Corpus,
        Some("indicator"),
    ),
    bind(
        &[Char('s')],
        "s",
        Action::Sort,
        "sort by the indicator: largest first, smallest first, unsorted",
        Corpus,
        Some("sort"),
    ),
    bind(
        &[Enter],
        "Enter",
        Action::Open,
        "read the selected report",
        Corpus,
        Some("open"),
    ),
    bind(
        &[Home, Char('g')],
        "Home/g",
        Action::Top,
        "first report",
        Corpus,
        None,
    ),
    bind(
        &[End, Char('G')],
        "End/G",
        Action::Bottom,
        "last report",
        Corpus,
        None,
    ),
    bind(
        &[Char('c'), Esc],
        "c/Esc",
        Action::Corpus,
        "back to reading",
        Corpus,
        Some("back"),
    ),
    bind(
        &[Up, Char('k')],
        "↑/k",
        Action::Up,
        "move up (reader: scroll)",
        Everywhere,
        None,
    ),
    bind(
        &[Down, Char('j')],
        "↑↓/jk",
        Action::Down,
        "move down (reader: scroll)",
        Everywhere,
        Some("move"),
    ),
    bind(
        &[Left, Char('h')],
        "←/h",
        Action::Left,
        "collapse, go to parent or pane on the left",
        Lists,
        Some("fold"),
    ),
    bind(
        &[Right, Char('l')],
        "→/l",
        Action::Right,
        "expand, or go to pane on the right",
        Lists,
        Some("unfold"),
    ),
    bind(
        &[Left, Char('h')],
        "←/h",
        Action::Left,
        "back to the section tree",
        Reader,
        Some("tree"),
    ),
    bind(
        &[Enter],
        "Enter",
        Action::Open,
        "open the report or section; on a figure, show it in the text",
        Lists,
        Some("open"),
    ),
    bind(
        &[Tab],
        "Tab",
        Action::FocusNext,
        "next pane",
        Everywhere,
        Some("pane"),
    ),
    bind(
        &[BackTab],
        "S-Tab",
        Action::FocusPrev,
        "previous pane",
        Everywhere,
        None,
    ),
    bind(
        &[PageDown, Char(' ')],
        "PgDn/Space",
        Action::PageDown,
        "reader: page down",
        Everywhere,
        Some("page"),
    ),
    bind(
        &[PageUp],
        "PgUp",
        Action::PageUp,
        "reader: page up",
        Everywhere,
        None,
    ),
    bind(
        &[Home, Char('g')],
        "Home/g",
        Action::Top,
        "first row",
        Everywhere,
        None,
    ),
    bind(
        &[End, Char('G')],
        "End/G",
        Action::Bottom,
        "last row",
        Everywhere,
        None,
    ),
    bind(
        &[Char('/')],
        "/",
        Action::SearchStart,
        "search the report (繁/简 match each other)",
        Everywhere,
        Some("search"),
    ),
    bind(
        &[Char('n')],
        "n",
        Action::SearchNext,
        "next search hit",
        Everywhere,
        Some("next hit"),
    ),
    bind(
        &[Char('N')],
        "N",
        Action::SearchPrev,
        "previous search hit",
        Everywhere,
        None,
    ),
    bind(
        &[Char('a')],
        "a",
        Action::FiguresScope,
        "figures pane: the section's figures or the whole report's",
        Everywhere,
        Some("all figures"),
    ),
    bind(
        &[Char('c')],
        "c",
        Action::Corpus,
        "corpus view: every report against the main indicators",
        Everywhere,
        Some("corpus"),
    ),
    bind(
        &[Char('m')],
        "m",
        Action::Mark,
        "mark the selected report as A for comparing (again: unmark)",
        Everywhere,
        Some("mark A"),
    ),
    bind(
        &[Char('d')],
        "d",
        Action::Compare,
        "compare the marked report (A) with the selected one (B)",
        Everywhere,
        Some("compare"),
    ),
    bind(
        &[Char('?')],
        "?",
        Action::Help,
        "this help",
        Always,
        Some("help"),
    ),
    bind(
        &[Char('q'), Esc],
        "q/Esc",
        Action::Quit,
        "quit",
        Always,
        Some("quit"),
    ),
];

/// The action a key asks for in the pane that has focus.
pub fn action_for(key: KeyEvent, focus: Focus) -> Option<Action> {
    if key.modifiers.contains(KeyModifiers::CONTROL) && key.code == Char('c') {
        return Some(Action::Quit);
    }
    BINDINGS
        .iter()
        .filter(|b| b.scope.applies(focus))
        .find(|b| b.keys.contains(&key.code))
        .map(|b| b.action)
}

/// Keys while the search field is open.
pub fn search_action(key: KeyEvent) -> Option<Action> {
    if key.modifiers.contains(KeyModifiers::CONTROL) && key.code == Char('c') {
        return Some(Action::SearchCancel);
    }
    match key.code {
        Enter => Some(Action::SearchConfirm),
        Esc => Some(Action::SearchCancel),
        Backspace => Some(Action::SearchBackspace),
        Char(c) => Some(Action::SearchInput(c)),
        _ => None,
    }
}

/// The bindings to hint at in the status bar for a pane.
pub fn hints(focus: Focus) -> impl Iterator<Item = &'static Binding> {
    BINDINGS
        .iter()
        .filter(move |b| b.hint.is_some() && b.scope.applies(focus))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(code: KeyCode) -> KeyEvent {
        KeyEvent::new(code, KeyModifiers::NONE)
    }

    #[test]
    fn arrows_and_vim_keys_agree() {
        for focus in [Focus::Reports, Focus::Tree, Focus::Reader] {
            assert_eq!(
                action_for(key(Down), focus),
                action_for(key(Char('j')), focus)
            );
            assert_eq!(
                action_for(key(Up), focus),
                action_for(key(Char('k')), focus)
            );
        }
        assert_eq!(action_for(key(Char('q')), Focus::Tree), Some(Action::Quit));
        assert_eq!(action_for(key(Esc), Focus::Reader), Some(Action::Quit));
        assert_eq!(
            action_for(KeyEvent::new(Char('c'), KeyModifiers::CONTROL), Focus::Tree),
            Some(Action::Quit)
        );
        assert_eq!(action_for(key(Char('x')), Focus::Tree), None);
    }

    #[test]
    fn every_binding_has_keys_and_help() {
        for b in BINDINGS {
            assert!(!b.keys.is_empty() && !b.help.is_empty() && !b.label.is_empty());
        }
    }
}
