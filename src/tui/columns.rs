//! The corpus table's columns: which indicators of the catalogue it shows,
//! kept for the session, and the chooser that picks them, every indicator
//! in the catalogue's order with a check mark, its group and how many of
//! the table's reports state it.

use ratatui::layout::Rect;

use super::action::Action;
use super::keys::Scope;
use super::layout::{inner_height, inner_width};
use super::list::Cursor;
use crate::corpus::filter::search_key;
use crate::corpus::ListFilter;
use crate::figures::{Catalogue, Indicator, Kind};

/// Which indicators the table shows (one flag per indicator of the
/// catalogue, in its order) and whether the columns no report fills are
/// hidden: what the session keeps between openings of the corpus view.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Picked {
    pub shown: Vec<bool>,
    pub hide_empty: bool,
}

impl Picked {
    /// The main indicators, as the view first opens.
    pub fn main(catalogue: &Catalogue) -> Picked {
        Picked {
            shown: main_of(catalogue),
            hide_empty: false,
        }
    }

    pub fn is_all(&self) -> bool {
        self.shown.iter().all(|&s| s)
    }

    pub fn is_main(&self, catalogue: &Catalogue) -> bool {
        self.shown == main_of(catalogue)
    }

    /// How many indicators are checked.
    pub fn count(&self) -> usize {
        self.shown.iter().filter(|&&s| s).count()
    }
}

fn main_of(catalogue: &Catalogue) -> Vec<bool> {
    catalogue.indicators.iter().map(|i| i.main).collect()
}

/// How the catalogue describes an indicator: a main one (a column from
/// the start), a change against the year before, or another.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Group {
    Main,
    Change,
    Other,
}

impl Group {
    pub fn of(i: &Indicator) -> Group {
        match (i.main, i.kind) {
            (true, _) => Group::Main,
            (false, Kind::Change) => Group::Change,
            (false, _) => Group::Other,
        }
    }

    pub fn word(self) -> &'static str {
        match self {
            Group::Main => "main",
            Group::Change => "change",
            Group::Other => "other",
        }
    }
}

/// The group's column, in cells.
pub const GROUP_CELLS: usize = 6;

/// One indicator of the chooser's list, read once when it opens.
#[derive(Debug, Clone)]
pub struct ChooserRow {
    /// Its name, printable.
    pub name: String,
    pub group: Group,
    /// How many of the table's reports state it.
    pub filled: usize,
    /// Its name, id and group as a filter key.
    key: String,
}

/// What a key in the chooser comes to for the table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    Stay,
    /// Show these indicators (one flag per indicator of the catalogue).
    Apply(Vec<bool>),
    /// Close the chooser: the table as before.
    Cancel,
}

/// The column chooser over the corpus table: the checks the user is
/// making (the table keeps its own until they are applied), the filter
/// and the rows it keeps.
#[derive(Debug, Clone)]
pub struct Chooser {
    /// Every indicator of the catalogue, in its order.
    pub rows: Vec<ChooserRow>,
    pub checked: Vec<bool>,
    main: Vec<bool>,
    /// The filter's words, and whether they are being typed.
    pub query: String,
    pub editing: bool,
    /// The rows the filter keeps (indices into `rows`), and the cursor
    /// over them.
    pub visible: Vec<usize>,
    pub cursor: Cursor,
    /// The table's reports, which the counts are of.
    pub reports: usize,
    /// Where the chooser is drawn, and its columns' widths there.
    pub area: Rect,
    pub name_cells: usize,
    pub count_cells: usize,
    widest_name: usize,
}

/// The filter's length, at most, as the report list's.
const MAX_QUERY: usize = 200;

impl Chooser {
    /// The chooser over `catalogue`, `checked` as the table shows them;
    /// `filled[i]` of `reports` state indicator `i`.
    pub fn new(
        catalogue: &Catalogue,
        checked: Vec<bool>,
        filled: &[usize],
        reports: usize,
    ) -> Chooser {
        let rows: Vec<ChooserRow> = catalogue
            .indicators
            .iter()
            .enumerate()
            .map(|(k, i)| {
                let group = Group::of(i);
                ChooserRow {
                    name: crate::text::printable(&i.name).into_owned(),
                    group,
                    filled: filled.get(k).copied().unwrap_or(0),
                    key: search_key(&format!("{}\n{}\n{}", i.name, i.id, group.word())),
                }
            })
            .collect();
        let widest_name = rows
            .iter()
            .map(|r| crate::text::width(&r.name))
            .max()
            .unwrap_or(0);
        let mut c = Chooser {
            visible: (0..rows.len()).collect(),
            cursor: Cursor::new(rows.len(), 1),
            rows,
            checked,
            main: main_of(catalogue),
            query: String::new(),
            editing: false,
            reports,
            area: Rect::default(),
            name_cells: 0,
            count_cells: 0,
            widest_name,
        };
        // The first checked indicator, where the user most likely goes on.
        c.cursor
            .select(c.checked.iter().position(|&x| x).unwrap_or(0));
        c
    }

    pub fn scope(&self) -> Scope {
        match self.editing {
            true => Scope::ColumnsField,
            false => Scope::Columns,
        }
    }

    /// Over the table, a little in from the screen's edges: the columns
    /// of a row fitted to its width once here, so that a frame computes
    /// nothing.
    pub(crate) fn resize(&mut self, body: Rect) {
        self.count_cells = self.reports.to_string().len().max("reports".len());
        // As wide as the widest row and the title need, no wider: the
        // table stays in sight either side.
        let needed = 2 + 4 + self.widest_name + 1 + GROUP_CELLS + 1 + self.count_cells + 1;
        let width = (body.width.saturating_sub(4) as usize).min(needed.max(60)) as u16;
        let height = body.height.saturating_sub(2);
        self.area = Rect::new(body.x + (body.width - width) / 2, body.y + 1, width, height);
        // A header row over the list.
        self.cursor
            .set_height(inner_height(self.area).saturating_sub(1));
        let room =
            inner_width(self.area).saturating_sub(4 + 1 + GROUP_CELLS + 1 + self.count_cells);
        self.name_cells = self.widest_name.max("indicator".len()).min(room);
    }

    pub fn update(&mut self, action: Action) -> Outcome {
        if self.editing {
            match action {
                Action::SearchInput(c) => self.type_char(Some(c)),
                Action::SearchBackspace => self.type_char(None),
                Action::SearchConfirm => self.editing = false,
                Action::Back => {
                    self.query.clear();
                    self.editing = false;
                    self.refilter();
                }
                _ => {}
            }
            return Outcome::Stay;
        }
        if self.cursor.apply(action) {
            return Outcome::Stay;
        }
        match action {
            Action::Toggle => {
                if let Some(&i) = self.visible.get(self.cursor.selected()) {
                    self.checked[i] = !self.checked[i];
                }
            }
            Action::Filter => self.editing = true,
            Action::AllColumns => self.checked.fill(true),
            Action::NoColumns => self.checked.fill(false),
            Action::MainColumns => self.checked.clone_from(&self.main),
            Action::Open => return Outcome::Apply(self.checked.clone()),
            Action::Back => return Outcome::Cancel,
            _ => {}
        }
        Outcome::Stay
    }

    /// Pasted text, into the filter while it is typed.
    pub fn paste(&mut self, text: &str) {
        if self.editing {
            let room = MAX_QUERY.saturating_sub(self.query.chars().count());
            self.query
                .extend(text.chars().filter(|c| !c.is_control()).take(room));
            self.refilter();
        }
    }

    /// Types a char, or deletes one (None); the list follows.
    fn type_char(&mut self, c: Option<char>) {
        match c {
            Some(c) if !c.is_control() && self.query.chars().count() < MAX_QUERY => {
                self.query.push(c)
            }
            Some(_) => return,
            None => {
                self.query.pop();
            }
        }
        self.refilter();
    }

    /// The rows whose name, id or group hold every word of the filter,
    /// matched as the report list's filter matches (繁/简, full-width and
    /// half-width, any case); the selected indicator stays selected when
    /// it is still listed.
    fn refilter(&mut self) {
        let selected = self.visible.get(self.cursor.selected()).copied();
        let f = ListFilter::new(&self.query);
        self.visible = (0..self.rows.len())
            .filter(|&i| f.matches_key(&self.rows[i].key))
            .collect();
        self.cursor.set_len(self.visible.len());
        let at = selected.and_then(|s| self.visible.iter().position(|&i| i == s));
        self.cursor.select(at.unwrap_or(0));
    }

    /// How many indicators are checked.
    pub fn count(&self) -> usize {
        self.checked.iter().filter(|&&s| s).count()
    }
}
