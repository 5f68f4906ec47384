//! What the user asked for, independent of the key or mouse event that
//! asked: screens take these in `update`.

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    Up,
    Down,
    /// Collapse, or go to the parent, or to the pane on the left.
    Left,
    /// Expand, or go to the pane on the right.
    Right,
    PageUp,
    PageDown,
    Top,
    Bottom,
    FocusNext,
    FocusPrev,
    Open,
    /// Leave what is open: a search field, help, a screen.
    Back,
    SearchStart,
    /// Filter the report list as the user types.
    Filter,
    /// Search across every loaded report (or, in that screen, go back).
    Find,
    /// A literal phrase or a regular expression.
    RegexToggle,
    SearchNext,
    SearchPrev,
    Help,
    Quit,
    /// Figures pane: the selected section's figures, or the whole report's.
    FiguresScope,
    /// Open the corpus view (or, in it, go back).
    Corpus,
    /// Mark the selected report as A for comparing.
    Mark,
    /// Open the compare view (marked report against the selected one), or,
    /// in it, go back.
    Compare,
    /// Compare view: the figures face to face, or the text.
    CompareFigures,
    /// Corpus view: sort by the selected column.
    Sort,
    /// Choose the figure of a table cell among those that could be it.
    Choose,
    /// Read the selected figure in its sentence.
    Read,
    /// Open the years of the selected report's place (or, in it, go back).
    Years,
    /// Years screen: the selected year's plans against the next year's
    /// report (or, in the follow-up, go back).
    Followup,
    /// Copy what is selected, with where it stands, to the clipboard.
    Copy,
    /// Corpus view: the table as shown to a CSV file in the current folder.
    Export,
    /// Corpus view: every indicator of the catalogue as columns, or the
    /// main ones.
    AllColumns,
    /// Corpus view: hide the columns no report fills, or show them.
    HideEmpty,
    /// Corpus view: choose the indicators shown as columns.
    Columns,
    /// The column chooser: check the selected indicator, or uncheck it.
    Toggle,
    /// The column chooser: uncheck every indicator.
    NoColumns,
    /// The column chooser: check the main indicators only.
    MainColumns,
    /// Where else the selected section's text appears (or, in that list,
    /// go back).
    Shared,
    /// The pairs of loaded reports that share passages (or, in that list,
    /// go back).
    ReuseList,
    /// Typing into the search field.
    SearchInput(char),
    SearchBackspace,
    SearchConfirm,
    Resize(u16, u16),
    Click {
        col: u16,
        row: u16,
    },
    Wheel {
        col: u16,
        row: u16,
        down: bool,
    },
}
