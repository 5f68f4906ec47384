//! What every screen reads and may change: the session. Screens depend on
//! this and on [`super::screen`], never on the app that stacks them.

use std::rc::Rc;
use std::time::Duration;

use ratatui::layout::Rect;

use crate::catalogues::Catalogues;
use crate::corpus::cells::{self, TableCell};
use crate::corpus::places::{self, Series};
use crate::corpus::reuse::{self, Loaded, Partner, Reuse};
use crate::corpus::{Choices, Library, Progress, Tables};

/// What every screen reads, and may change: the reports, the catalogues,
/// the user's choices of table cells, the report marked A, the screen's
/// size and the status line.
pub struct Session {
    pub library: Library,
    pub catalogues: Catalogues,
    pub choices: Choices,
    /// The report marked as A for comparing.
    pub marked: Option<usize>,
    /// How long a comparison may take (see [`crate::compare::BUDGET`]).
    pub compare_budget: Duration,
    /// How long a follow-up may take: q and Ctrl-C end the program while
    /// it works, so it may take longer than a comparison, never forever.
    pub followup_budget: Duration,
    /// The screen less its status line.
    pub body: Rect,
    /// A message for the user, shown over the line above the keys until
    /// the next key or until it fades.
    pub message: Option<String>,
    /// When the message was given.
    pub message_at: Option<std::time::Instant>,
    /// The genre's stock phrases as the loaded reports write them, read
    /// at the first comparison.
    pub stock: std::cell::OnceCell<crate::text::stock::Stock>,
    /// Each report's table cells, computed once.
    pub tables: Tables,
    /// Each place's reports by year, grouped once.
    pub series: std::cell::OnceCell<Vec<Series>>,
    /// What the loaded reports share, found once when first asked.
    pub reuse: std::cell::OnceCell<Reuse>,
    /// The last report's partners in that reuse.
    pub partners: std::cell::RefCell<Option<(usize, Rc<Vec<Partner>>)>>,
    /// How far the background load has come, while it runs.
    pub loading: Option<Progress>,
    /// Where the corpus view exports to: the current folder, except in
    /// the unit tests, whose keys would otherwise write into the source
    /// tree.
    pub export_dir: Option<std::path::PathBuf>,
    /// The corpus view's columns as the user last chose them, for the
    /// rest of the session (none: the main indicators).
    pub columns: Option<super::columns::Picked>,
    /// The indicator catalogue a report let go of its figures reads them
    /// again with.
    reread: std::sync::Arc<crate::figures::Catalogue>,
}

/// Up to this many loaded reports, reuse is found as a report is first
/// read (about a tenth of a second for 100 in a release build), so that
/// the reader marks shared passages at once; more wait for the user to
/// ask (`r` or `u`), so that a large library's first frame never waits.
pub(crate) const REUSE_AT_ONCE: usize = 100;

/// How many reports may hold their outline and figures read again before
/// those no screen shows are let go (about 30 KB each).
pub(crate) const HEAVY_AT_MOST: usize = 64;

impl Session {
    /// A session over `library`, with nothing computed yet.
    pub fn new(library: Library, catalogues: Catalogues, choices: Choices) -> Session {
        Session {
            tables: Tables::new(library.reports.len()),
            reread: std::sync::Arc::new(catalogues.indicators.clone()),
            library,
            catalogues,
            choices,
            marked: None,
            compare_budget: crate::compare::BUDGET,
            followup_budget: Duration::from_secs(10),
            body: Rect::default(),
            message: None,
            message_at: None,
            stock: std::cell::OnceCell::new(),
            series: std::cell::OnceCell::new(),
            reuse: std::cell::OnceCell::new(),
            partners: std::cell::RefCell::new(None),
            loading: None,
            export_dir: cfg!(test).then(|| std::env::temp_dir().join("lawgov-tui-test-exports")),
            columns: None,
        }
    }

    /// Gives the user a message.
    pub fn say(&mut self, message: impl Into<String>) {
        self.message = Some(message.into());
        self.message_at = Some(std::time::Instant::now());
    }

    /// Clears a message shown longer than `after`; whether one was.
    pub(crate) fn fade(&mut self, after: Duration) -> bool {
        let old = self.message_at.is_some_and(|t| t.elapsed() >= after);
        if old {
            self.message = None;
            self.message_at = None;
        }
        old
    }

    /// Report `i`'s table cells (the headline, or the user's choice).
    pub fn cells(&self, i: usize) -> &[TableCell] {
        match self.library.reports.get(i) {
            Some(r) => self
                .tables
                .of(i, r, &self.catalogues.indicators, &self.choices),
            None => &[],
        }
    }

    /// Report `i`'s cell of an indicator.
    pub fn cell(&self, i: usize, indicator: &str) -> Option<&TableCell> {
        self.cells(i).iter().find(|c| c.indicator == indicator)
    }

    /// Each place's reports by year, in the order the places first appear.
    pub fn series(&self) -> &[Series] {
        self.series
            .get_or_init(|| places::series(&self.library.reports))
    }

    /// What the loaded reports share (passages of [`reuse::MIN_CHARS`] or
    /// more), found when first asked.
    pub fn reuse(&self) -> &Reuse {
        self.reuse
            .get_or_init(|| reuse::reuse(&Loaded(&self.library.reports), reuse::MIN_CHARS))
    }

    /// The reuse, when it is found or cheap enough to find now.
    pub(crate) fn reuse_if_quick(&self) -> Option<&Reuse> {
        let quick = self.library.reports.len() <= REUSE_AT_ONCE;
        (quick || self.reuse.get().is_some()).then(|| self.reuse())
    }

    /// The reports `report` shares passages with, most shared first.
    pub(crate) fn partners(&self, report: usize) -> Rc<Vec<Partner>> {
        if let Some((r, p)) = self.partners.borrow().as_ref() {
            if *r == report {
                return Rc::clone(p);
            }
        }
        let (reports, reuse) = (&self.library.reports, self.reuse());
        let of = |d: usize| reuse.docs.get(d).and_then(|x| reports.get(x.source));
        // Every loaded report is read, so a doc's number is its report's.
        let found = Rc::new(reuse.partners(report, of));
        *self.partners.borrow_mut() = Some((report, Rc::clone(&found)));
        found
    }

    /// After reports were added at the end of the list: what depends on
    /// every report is found again when next asked. Reuse and the stock
    /// phrases wait for [`Session::reordered`], at the load's end: found
    /// over part of a library they are only less complete, and finding
    /// them again after each batch would cost more than the load.
    pub fn appended(&mut self) {
        self.tables.grow(self.library.reports.len());
        self.series = std::cell::OnceCell::new();
    }

    /// Report `i`'s table cells from the rule's `rule`, read in the
    /// background before the report let go of its figures: the user's
    /// choices applied, the report read again only where it has one.
    pub(crate) fn take_cells(&mut self, i: usize, rule: Vec<TableCell>) {
        let cells = match self.choices.is_empty() {
            true => rule,
            false => match self.library.reports.get(i) {
                Some(r) => cells::with_choices(rule, r, &self.catalogues.indicators, &self.choices),
                None => return,
            },
        };
        self.tables.set(i, cells);
        if let Some(r) = self.library.reports.get_mut(i).filter(|r| r.is_heavy()) {
            r.lighten(&self.reread);
        }
    }

    /// Lets go of the outlines and figures read again for reports no
    /// screen shows any more, once more than [`HEAVY_AT_MOST`] are held:
    /// reading report after report leaves the library as light as it
    /// loaded. `keep` are the reports still shown.
    pub(crate) fn let_go(&mut self, keep: &[usize]) {
        let reports = &mut self.library.reports;
        if reports.iter().filter(|r| r.is_heavy()).count() <= HEAVY_AT_MOST {
            return;
        }
        for (i, r) in reports.iter_mut().enumerate() {
            if r.is_heavy() && !keep.contains(&i) {
                r.lighten(&self.reread);
            }
        }
    }

    /// After the reports were reordered (report `j` now is report
    /// `moved[j]` before): the cells move with them; nothing else computed
    /// by index holds.
    pub fn reordered(&mut self, moved: &[usize]) {
        self.tables.permute(moved);
        self.series = std::cell::OnceCell::new();
        self.stock = std::cell::OnceCell::new();
        self.reuse = std::cell::OnceCell::new();
        *self.partners.borrow_mut() = None;
    }

    /// The stock phrases: the built-in list and what at least half of a
    /// sample of the loaded reports write.
    pub fn stock(&self) -> &crate::text::stock::Stock {
        self.stock.get_or_init(|| {
            use crate::text::stock;
            let reports = &self.library.reports;
            let texts: Vec<String> = stock::sample(reports.len())
                .map(|i| {
                    let body = reports[i].body_text();
                    crate::text::take_chars(&body, stock::SAMPLE_CHARS).to_owned()
                })
                .collect();
            stock::Stock::of(texts.iter().map(String::as_str))
        })
    }
}
