//! What the user asked for, independent of the key or mouse event that
//! asked: `App::update` takes these.

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
    SearchStart,
    SearchNext,
    SearchPrev,
    Help,
    Quit,
    /// Figures pane: the selected section's figures, or the whole report's.
    FiguresScope,
    /// Open or close the corpus view.
    Corpus,
    /// Mark the selected report as A for comparing.
    Mark,
    /// Open the compare view (marked report against the selected one), or
    /// close it.
    Compare,
    /// Corpus view: sort by the selected column.
    Sort,
    /// Typing into the search field.
    SearchInput(char),
    SearchBackspace,
    SearchConfirm,
    SearchCancel,
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
