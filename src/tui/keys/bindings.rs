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

/// The keys of a field typed into: Enter (`enter`, its status-bar word
/// `enter_hint`), Esc and Ctrl-C (`leave`, `leave_hint`), Backspace.
const fn text_field(
    enter: &'static str,
    enter_hint: &'static str,
    leave: &'static str,
    leave_hint: &'static str,
) -> [Binding; 4] {
    [
        key(&[Enter], Action::SearchConfirm, enter, Some(enter_hint)),
        key(&[Esc], Action::Back, leave, Some(leave_hint)),
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
            help: leave,
            hint: None,
        },
    ]
}

/// A group of bindings, where `rows(…)`, `pages(…)` and `ends(…)` stand
/// for the navigation keys every list shares (↑/k ↓/j, PgDn/Space PgUp,
/// Home/g End/G), each with the words of its place: the keys and actions
/// are written here once, the words where they differ.
macro_rules! group {
    (@ [$($done:expr,)*]) => { &[$($done,)*] };
    (@ [$($done:expr,)*] rows($prev:expr, $next:expr, $hint:expr), $($rest:tt)*) => {
        group!(@ [$($done,)*
            key(&[Up, Char('k')], Action::Up, $prev, None),
            key(&[Down, Char('j')], Action::Down, $next, $hint),] $($rest)*)
    };
    (@ [$($done:expr,)*] pages($down:expr, $up:expr), $($rest:tt)*) => {
        group!(@ [$($done,)*
            key(&[PageDown, Char(' ')], Action::PageDown, $down, None),
            key(&[PageUp], Action::PageUp, $up, None),] $($rest)*)
    };
    (@ [$($done:expr,)*] ends($first:expr, $last:expr), $($rest:tt)*) => {
        group!(@ [$($done,)*
            key(&[Home, Char('g')], Action::Top, $first, None),
            key(&[End, Char('G')], Action::Bottom, $last, None),] $($rest)*)
    };
    (@ [$($done:expr,)*] $one:expr, $($rest:tt)*) => {
        group!(@ [$($done,)* $one,] $($rest)*)
    };
    ($($t:tt)*) => { group!(@ [] $($t)*) };
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
pub(super) const READING: &[Binding] = group![
    key(&[Tab], Action::FocusNext, "next pane", Some("pane")),
    key(&[BackTab], Action::FocusPrev, "previous pane", None),
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
    key(
        &[Char('f')],
        Action::Followup,
        "follow-up: the marked report's (A) plans against the selected one (B), \
         any two; with none marked, the selected report's against its next year",
        None,
    ),
    key(
        &[Char('r')],
        Action::Shared,
        "where else the section's text appears: the loaded reports that share its passages",
        Some("shared"),
    ),
    key(
        &[Char('s')],
        Action::Find,
        "search across every loaded report: a phrase or a regular expression (繁/简 match each other)",
        Some("search all"),
    ),
    key(
        &[Char('u')],
        Action::ReuseList,
        "reuse: the pairs of loaded reports that share passages, most shared first",
        None,
    ),
];

/// The keys of the panes that show the selected report (all but the
/// list, where the same keys move and filter the list).
pub(super) const IN_REPORT: &[Binding] = group![
    pages("page the text down", "page the text up"),
    key(
        &[Char('/')],
        Action::SearchStart,
        "search the report (繁/简 match each other)",
        Some("search"),
    ),
];

/// Every screen's: the selection, with where it stands, to the clipboard.
pub(super) const COPY: &[Binding] = &[key(
    &[Char('Y')],
    Action::Copy,
    "copy what is selected, with where it stands (place, year, title, section, line, file), to the clipboard",
    Some("copy"),
)];

pub(super) const BACK: &[Binding] = &[key(
    &[Esc],
    Action::Back,
    "back to the screen before",
    Some("back"),
)];

pub(super) const REPORTS: &[Binding] = group![
    rows("previous report", "next report", Some("report")),
    pages("a page of reports down", "a page of reports up"),
    ends("first report", "last report"),
    key(
        &[Right, Char('l'), Enter],
        Action::Open,
        "go to the report's sections",
        Some("sections"),
    ),
    key(
        &[Char('/')],
        Action::Filter,
        "filter the list as you type: place, province, level, year, title, file (繁/简 match each other)",
        Some("filter"),
    ),
];

pub(super) const TREE: &[Binding] = group![
    rows("previous section", "next section", Some("section")),
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
    ends("first section", "last section"),
];

pub(super) const READER: &[Binding] = group![
    rows("scroll up a line", "scroll down a line", Some("scroll")),
    key(
        &[Left, Char('h')],
        Action::Left,
        "back to the section tree",
        Some("tree"),
    ),
    ends("top of the text", "end of the text"),
];

pub(super) const FIGURES: &[Binding] = group![
    rows("previous figure", "next figure", Some("figure")),
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
    ends("first figure", "last figure"),
];

pub(super) const CORPUS: &[Binding] = group![
    rows("previous report", "next report", Some("report")),
    pages("a page of reports down", "a page of reports up"),
    key(&[Left, Char('h')], Action::Left, "previous indicator", None),
    key(
        &[Right, Char('l')],
        Action::Right,
        "next indicator",
        Some("indicator"),
    ),
    ends("first report", "last report"),
    key(
        &[Char('s')],
        Action::Sort,
        "sort by the indicator: largest first, smallest first, unsorted",
        Some("sort"),
    ),
    key(
        &[Enter],
        Action::Open,
        "read the cell's sentence (an empty cell: the figures that could fill it)",
        Some("read"),
    ),
    key(
        &[Char('e')],
        Action::Choose,
        "choose the cell's figure among every figure of its kind and unit, or none",
        Some("choose"),
    ),
    key(
        &[Char('v')],
        Action::Columns,
        "choose the columns: every indicator of the catalogue, checked or not, with how many reports state it",
        Some("columns"),
    ),
    key(
        &[Char('x')],
        Action::Export,
        "export the table as shown (its rows in order, its columns) to a CSV file in the current folder",
        Some("export"),
    ),
    key(
        &[Char('a')],
        Action::AllColumns,
        "columns: every indicator of the catalogue (change indicators too), or the main ones",
        Some("all"),
    ),
    key(
        &[Char('z')],
        Action::HideEmpty,
        "hide the columns no report fills (again: show them)",
        None,
    ),
    key(
        &[Char('c'), Esc],
        Action::Back,
        "back to the screen before",
        Some("back"),
    ),
];

/// The column chooser: Space checks, so it pages with PgDn alone.
pub(super) const COLUMNS: &[Binding] =
    group![
    rows("previous indicator", "next indicator", Some("indicator")),
    key(
        &[Char(' ')],
        Action::Toggle,
        "check the indicator (a column of the table), or uncheck it",
        Some("check"),
    ),
    key(
        &[Enter],
        Action::Open,
        "apply: the table shows the checked indicators, for the rest of the session",
        Some("apply"),
    ),
    key(&[Esc], Action::Back, "cancel: the table as it was", Some("cancel")),
    key(
        &[Char('/')],
        Action::Filter,
        "filter the indicators as you type: name, id, main/change/other (繁/简 match each other)",
        Some("filter"),
    ),
    key(&[Char('a')], Action::AllColumns, "check every indicator", Some("all")),
    key(&[Char('n')], Action::NoColumns, "check none", Some("none")),
    key(
        &[Char('m')],
        Action::MainColumns,
        "check the main indicators only, as the view opens",
        Some("main"),
    ),
    key(&[PageDown], Action::PageDown, "a page of indicators down", None),
    key(&[PageUp], Action::PageUp, "a page of indicators up", None),
    ends("first indicator", "last indicator"),
];

/// Typing the column chooser's filter: the list follows each key.
pub(super) const COLUMNS_FIELD: &[Binding] = &text_field(
    "keep the filter and check indicators in the list",
    "keep",
    "clear the filter",
    "clear",
);

pub(super) const CANDIDATES: &[Binding] = group![
    rows("previous figure", "next figure", Some("figure")),
    pages("page down", "page up"),
    ends("first row", "last row"),
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

pub(super) const YEARS: &[Binding] = group![
    rows("previous indicator", "next indicator", Some("indicator")),
    key(&[Left, Char('h')], Action::Left, "the year before", None),
    key(
        &[Right, Char('l')],
        Action::Right,
        "the year after",
        Some("year"),
    ),
    pages("page down", "page up"),
    ends("first indicator", "last indicator"),
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
        &[Char('e')],
        Action::Choose,
        "a year of two files or more: read it from its next file",
        None,
    ),
    key(
        &[Char('y'), Esc],
        Action::Back,
        "back to the screen before",
        Some("back"),
    ),
];

pub(super) const FOLLOWUP: &[Binding] = group![
    rows(
        "previous commitment or paragraph (or passage, on the evidence side)",
        "next commitment or paragraph (or passage, on the evidence side)",
        Some("plan")
    ),
    pages("page down the plans", "page up the plans"),
    ends("first plan", "last plan"),
    key(
        &[Tab, BackTab],
        Action::FocusNext,
        "the plans, or the passages that report on the selected commitment",
        Some("side"),
    ),
    key(
        &[Enter],
        Action::Open,
        "read the commitment or paragraph, or the selected passage, in its report",
        Some("read"),
    ),
    key(
        &[Char('f'), Esc],
        Action::Back,
        "back to the screen before",
        Some("back"),
    ),
];

pub(super) const COMPARE: &[Binding] = group![
    rows(
        "previous pair of sections",
        "next pair of sections",
        Some("pair")
    ),
    pages(
        "scroll both sides down a page",
        "scroll both sides up a page"
    ),
    ends("first pair", "last pair"),
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

pub(super) const COMPARE_FIGURES: &[Binding] = group![
    rows("previous indicator", "next indicator", Some("row")),
    pages("next page of indicators", "previous page of indicators"),
    ends("first indicator", "last indicator"),
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

pub(super) const REUSE_LIST: &[Binding] = group![
    rows("previous row", "next row", Some("row")),
    pages("page down", "page up"),
    ends("first row", "last row"),
    key(
        &[Enter],
        Action::Open,
        "the two reports face to face at their shared passage",
        Some("face to face"),
    ),
    key(
        &[Esc, Char('r'), Char('u')],
        Action::Back,
        "back to the screen before",
        Some("back"),
    ),
];

pub(super) const FACING: &[Binding] = group![
    rows(
        "scroll both sides up",
        "scroll both sides down",
        Some("scroll")
    ),
    pages("page both sides down", "page both sides up"),
    key(
        &[Left, Char('h')],
        Action::Left,
        "the previous shared passage",
        None,
    ),
    key(
        &[Right, Char('l')],
        Action::Right,
        "the next shared passage",
        Some("passage"),
    ),
    key(
        &[Tab, BackTab],
        Action::FocusNext,
        "the other side (Enter reads the focused side)",
        Some("side"),
    ),
    key(
        &[Enter],
        Action::Open,
        "read the focused side's passage in its report",
        Some("read"),
    ),
    key(
        &[Esc],
        Action::Back,
        "back to the screen before",
        Some("back")
    ),
];

pub(super) const HELP: &[Binding] = group![
    rows("scroll up", "scroll down", Some("scroll")),
    pages("page down", "page up"),
    ends("top", "end"),
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

pub(super) const SEARCH_FIELD: &[Binding] = &text_field("search", "search", "cancel", "cancel");

/// Typing a cell's value by hand: keys are text.
pub(super) const VALUE_FIELD: &[Binding] = &text_field(
    "keep the value: a number, then a unit (else the indicator's), then your note",
    "keep",
    "cancel",
    "cancel",
);

/// Typing the report list's filter: the list follows each key.
pub(super) const FILTER_FIELD: &[Binding] =
    &text_field("keep the filter", "keep", "clear the filter", "clear");

pub(super) const FINDER: &[Binding] = group![
    rows("previous row", "next row", Some("hit")),
    pages("a page of hits down", "a page of hits up"),
    ends("first hit", "last hit"),
    key(
        &[Enter],
        Action::Open,
        "read the hit in its report (Esc there comes back here)",
        Some("read"),
    ),
    key(
        &[Char('/')],
        Action::SearchStart,
        "change the search",
        Some("change"),
    ),
    Binding {
        keys: &[Char('r')],
        ctrl: true,
        action: Action::RegexToggle,
        help: "a literal phrase or a regular expression: search again the other way",
        hint: Some("phrase/regex"),
    },
    key(
        &[Char('s'), Esc],
        Action::Back,
        "back to the screen before",
        Some("back"),
    ),
];

/// Typing a search across every loaded report: a typed field's keys, and
/// Ctrl-R between a phrase and a regular expression.
pub(super) const FINDER_FIELD: &[Binding] = &{
    let [enter, esc, backspace, ctrl_c] = text_field(
        "search every loaded report",
        "search",
        "close the field (with nothing found yet, the screen)",
        "cancel",
    );
    [
        enter,
        esc,
        backspace,
        Binding {
            keys: &[Char('r')],
            ctrl: true,
            action: Action::RegexToggle,
            help: "a literal phrase or a regular expression",
            hint: Some("phrase/regex"),
        },
        ctrl_c,
    ]
};
