//! The bindings of each place, grouped as places share them; `table`
//! in the parent module says which groups make up a place.

use crossterm::event::KeyCode;

use super::Binding;
use crate::tui::action::Action;

const fn key(
    keys: &'static [KeyCode],
    action: Action,
    help: &'static str,
    hint: Option<&'static str>,
) -> Binding {
    Binding {
        keys,
        ctrl: false,
        action,
        help,
        hint,
    }
}

use KeyCode::*;

pub(super) const QUIT: &[Binding] = &[
    key(
        &[Char('?')],
        Action::Help,
        "help: the keys of this place",
        Some("help"),
    ),
    key(&[Char('q')], Action::Quit, "quit lawgov-tui", Some("quit")),
    Binding {
        keys: &[Char('c')],
        ctrl: true,
        action: Action::Quit,
        help: "quit lawgov-tui",
        hint: None,
    },
];

/// Keys every pane of the reading screen shares.
pub(super) const READING: &[Binding] = &[
    key(&[Tab], Action::FocusNext, "next pane", Some("pane")),
    key(&[BackTab], Action::FocusPrev, "previous pane", None),
    key(
        &[PageDown, Char(' ')],
        Action::PageDown,
        "page the text down",
        None,
    ),
    key(&[PageUp], Action::PageUp, "page the text up", None),
    key(
        &[Char('/')],
        Action::SearchStart,
        "search the report (繁/简 match each other)",
        Some("search"),
    ),
    key(&[Char('n')], Action::SearchNext, "next search hit", None),
    key(
        &[Char('N')],
        Action::SearchPrev,
        "previous search hit",
        None,
    ),
    key(
        &[Char('a')],
        Action::FiguresScope,
        "figures pane: the section's figures or the whole report's",
        None,
    ),
    key(
        &[Char('c')],
        Action::Corpus,
        "corpus view: every report against the main indicators",
        Some("corpus"),
    ),
    key(
        &[Char('y')],
        Action::Years,
        "years: the selected report's place across its reports, and its plans followed up",
        Some("years"),
    ),
    key(
        &[Char('m')],
        Action::Mark,
        "mark the selected report as A for comparing (again: unmark)",
        Some("mark A"),
    ),
    key(
        &[Char('d')],
        Action::Compare,
        "compare the marked report (A) with the selected one (B)",
        Some("compare"),
    ),
];

pub(super) const BACK: &[Binding] = &[key(
    &[Esc],
    Action::Back,
    "back to the screen before",
    Some("back"),
)];

pub(super) const REPORTS: &[Binding] = &[
    key(&[Up, Char('k')], Action::Up, "previous report", None),
    key(
        &[Down, Char('j')],
        Action::Down,
        "next report",
        Some("report"),
    ),
    key(&[Home, Char('g')], Action::Top, "first report", None),
    key(&[End, Char('G')], Action::Bottom, "last report", None),
    key(
        &[Right, Char('l'), Enter],
        Action::Open,
        "go to the report's sections",
        Some("sections"),
    ),
];

pub(super) const TREE: &[Binding] = &[
    key(&[Up, Char('k')], Action::Up, "previous section", None),
    key(
        &[Down, Char('j')],
        Action::Down,
        "next section",
        Some("section"),
    ),
    key(
        &[Left, Char('h')],
        Action::Left,
        "fold the section, or go to its parent, or to the reports",
        Some("fold"),
    ),
    key(
        &[Right, Char('l')],
        Action::Right,
        "unfold the section, or go to the text",
        Some("unfold"),
    ),
    key(&[Enter], Action::Open, "read the section", Some("read")),
    key(&[Home, Char('g')], Action::Top, "first section", None),
    key(&[End, Char('G')], Action::Bottom, "last section", None),
];

pub(super) const READER: &[Binding] = &[
    key(&[Up, Char('k')], Action::Up, "scroll up a line", None),
    key(
        &[Down, Char('j')],
        Action::Down,
        "scroll down a line",
        Some("scroll"),
    ),
    key(
        &[Left, Char('h')],
        Action::Left,
        "back to the section tree",
        Some("tree"),
    ),
    key(&[Home, Char('g')], Action::Top, "top of the text", None),
    key(&[End, Char('G')], Action::Bottom, "end of the text", None),
];

pub(super) const FIGURES: &[Binding] = &[
    key(&[Up, Char('k')], Action::Up, "previous figure", None),
    key(
        &[Down, Char('j')],
        Action::Down,
        "next figure",
        Some("figure"),
    ),
    key(
        &[Enter],
        Action::Open,
        "show the figure in its sentence",
        Some("show"),
    ),
    key(
        &[Left, Char('h')],
        Action::Left,
        "back to the section tree",
        None,
    ),
    key(&[Home, Char('g')], Action::Top, "first figure", None),
    key(&[End, Char('G')], Action::Bottom, "last figure", None),
];

pub(super) const CORPUS: &[Binding] = &[
    key(&[Up, Char('k')], Action::Up, "previous report", None),
    key(
        &[Down, Char('j')],
        Action::Down,
        "next report",
        Some("report"),
    ),
    key(&[Left, Char('h')], Action::Left, "previous indicator", None),
    key(
        &[Right, Char('l')],
        Action::Right,
        "next indicator",
        Some("indicator"),
    ),
    key(&[Home, Char('g')], Action::Top, "first report", None),
    key(&[End, Char('G')], Action::Bottom, "last report", None),
    key(
        &[Char('s')],
        Action::Sort,
        "sort by the indicator: largest first, smallest first, unsorted",
        Some("sort"),
    ),
    key(
        &[Enter],
        Action::Open,
        "read the cell's sentence (the report, when the cell is empty)",
        Some("read"),
    ),
    key(
        &[Char('e')],
        Action::Choose,
        "choose the cell's figure among those that could be it, or none",
        Some("choose"),
    ),
    key(
        &[Char('c'), Esc],
        Action::Back,
        "back to the screen before",
        Some("back"),
    ),
];

pub(super) const CANDIDATES: &[Binding] = &[
    key(&[Up, Char('k')], Action::Up, "previous figure", None),
    key(
        &[Down, Char('j')],
        Action::Down,
        "next figure",
        Some("figure"),
    ),
    key(&[PageDown, Char(' ')], Action::PageDown, "page down", None),
    key(&[PageUp], Action::PageUp, "page up", None),
    key(&[Home, Char('g')], Action::Top, "first row", None),
    key(&[End, Char('G')], Action::Bottom, "last row", None),
    key(
        &[Enter],
        Action::Open,
        "choose it for the cell (or no figure, or the rule's again); kept for next time",
        Some("choose"),
    ),
    key(
        &[Char('r')],
        Action::Read,
        "read the figure in the report",
        Some("read"),
    ),
    key(&[Esc], Action::Back, "back, choosing nothing", Some("back")),
];

pub(super) const YEARS: &[Binding] = &[
    key(&[Up, Char('k')], Action::Up, "previous indicator", None),
    key(
        &[Down, Char('j')],
        Action::Down,
        "next indicator",
        Some("indicator"),
    ),
    key(&[Left, Char('h')], Action::Left, "the year before", None),
    key(
        &[Right, Char('l')],
        Action::Right,
        "the year after",
        Some("year"),
    ),
    key(&[PageDown, Char(' ')], Action::PageDown, "page down", None),
    key(&[PageUp], Action::PageUp, "page up", None),
    key(&[Home, Char('g')], Action::Top, "first indicator", None),
    key(&[End, Char('G')], Action::Bottom, "last indicator", None),
    key(
        &[Enter],
        Action::Open,
        "read the cell's sentence (the report, when the cell is empty)",
        Some("read"),
    ),
    key(
        &[Char('f')],
        Action::Followup,
        "follow-up: the selected year's plans against the next year's report",
        Some("follow-up"),
    ),
    key(
        &[Char('y'), Esc],
        Action::Back,
        "back to the screen before",
        Some("back"),
    ),
];

pub(super) const FOLLOWUP: &[Binding] = &[
    key(
        &[Up, Char('k')],
        Action::Up,
        "previous plan (or passage, on the evidence side)",
        None,
    ),
    key(
        &[Down, Char('j')],
        Action::Down,
        "next plan (or passage, on the evidence side)",
        Some("plan"),
    ),
    key(
        &[PageDown, Char(' ')],
        Action::PageDown,
        "page down the plans",
        None,
    ),
    key(&[PageUp], Action::PageUp, "page up the plans", None),
    key(&[Home, Char('g')], Action::Top, "first plan", None),
    key(&[End, Char('G')], Action::Bottom, "last plan", None),
    key(
        &[Tab, BackTab],
        Action::FocusNext,
        "the plans, or the passages that report on the selected plan",
        Some("side"),
    ),
    key(
        &[Enter],
        Action::Open,
        "read the plan, or the selected passage, in its report",
        Some("read"),
    ),
    key(
        &[Char('f'), Esc],
        Action::Back,
        "back to the screen before",
        Some("back"),
    ),
];

pub(super) const COMPARE: &[Binding] = &[
    key(
        &[Up, Char('k')],
        Action::Up,
        "previous pair of sections",
        None,
    ),
    key(
        &[Down, Char('j')],
        Action::Down,
        "next pair of sections",
        Some("pair"),
    ),
    key(
        &[PageDown, Char(' ')],
        Action::PageDown,
        "scroll both sides down a page",
        None,
    ),
    key(
        &[PageUp],
        Action::PageUp,
        "scroll both sides up a page",
        None,
    ),
    key(&[Home, Char('g')], Action::Top, "first pair", None),
    key(&[End, Char('G')], Action::Bottom, "last pair", None),
    key(
        &[Tab, BackTab],
        Action::FocusNext,
        "the other side (narrow screens show one side at a time)",
        Some("side"),
    ),
    key(
        &[Char('f')],
        Action::CompareFigures,
        "figures face to face: every indicator either report states",
        Some("figures"),
    ),
    key(
        &[Enter],
        Action::Open,
        "read the focused side's section",
        Some("read"),
    ),
    key(
        &[Char('d'), Esc],
        Action::Back,
        "back to the screen before",
        Some("back"),
    ),
];

pub(super) const COMPARE_FIGURES: &[Binding] = &[
    key(&[Up, Char('k')], Action::Up, "previous indicator", None),
    key(
        &[Down, Char('j')],
        Action::Down,
        "next indicator",
        Some("row"),
    ),
    key(
        &[PageDown, Char(' ')],
        Action::PageDown,
        "next page of indicators",
        None,
    ),
    key(
        &[PageUp],
        Action::PageUp,
        "previous page of indicators",
        None,
    ),
    key(&[Home, Char('g')], Action::Top, "first indicator", None),
    key(&[End, Char('G')], Action::Bottom, "last indicator", None),
    key(
        &[Tab, BackTab],
        Action::FocusNext,
        "the other side's figure",
        Some("side"),
    ),
    key(
        &[Enter],
        Action::Open,
        "read the focused side's figure in its sentence",
        Some("read"),
    ),
    key(
        &[Char('e')],
        Action::Choose,
        "choose the focused side's figure for this indicator, or none",
        Some("choose"),
    ),
    key(
        &[Char('f')],
        Action::CompareFigures,
        "back to the paired sections",
        Some("text"),
    ),
    key(
        &[Char('d'), Esc],
        Action::Back,
        "back to the screen before",
        Some("back"),
    ),
];

pub(super) const HELP: &[Binding] = &[
    key(&[Up, Char('k')], Action::Up, "scroll up", None),
    key(
        &[Down, Char('j')],
        Action::Down,
        "scroll down",
        Some("scroll"),
    ),
    key(&[PageDown, Char(' ')], Action::PageDown, "page down", None),
    key(&[PageUp], Action::PageUp, "page up", None),
    key(&[Home, Char('g')], Action::Top, "top", None),
    key(&[End, Char('G')], Action::Bottom, "end", None),
    key(&[Esc, Char('?')], Action::Back, "close help", Some("close")),
    key(&[Char('q')], Action::Quit, "quit lawgov-tui", Some("quit")),
    Binding {
        keys: &[Char('c')],
        ctrl: true,
        action: Action::Quit,
        help: "quit lawgov-tui",
        hint: None,
    },
];

pub(super) const SEARCH_FIELD: &[Binding] = &[
    key(&[Enter], Action::SearchConfirm, "search", Some("search")),
    key(&[Esc], Action::Back, "cancel", Some("cancel")),
    key(
        &[Backspace],
        Action::SearchBackspace,
        "delete a character",
        None,
    ),
    Binding {
        keys: &[Char('c')],
        ctrl: true,
        action: Action::Back,
        help: "cancel",
        hint: None,
    },
];
