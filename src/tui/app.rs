//! The TUI's state: what the screens share (the session), the stack of
//! screens, and help. `update` routes an action to help or to the screen
//! on top and carries out the transition it returns; nothing here draws
//! or reads the terminal, so every transition is testable as a plain
//! function.

use ratatui::layout::Rect;

use crate::catalogues::Catalogues;
use crate::corpus::loading::Read;
use crate::corpus::Choices;
use crate::corpus::Library;
use crate::report::Report;

use super::action::Action;
use super::help::Help;
use super::keys::KeyPlace;
use super::layout;
use super::reading::Reading;
use super::screen::Transition;
use super::session::Session;
use super::stack::Screen;

/// Screens deeper than this drop the oldest above the reading screen:
/// going back and forth between views must not grow without end.
const MAX_SCREENS: usize = 16;

pub struct App {
    pub session: Session,
    /// Never empty: the reading screen is at the bottom.
    pub stack: Vec<Screen>,
    pub help: Option<Help>,
    /// The terminal, as the TUI uses it, and whether it is too small.
    pub screen: Rect,
    pub too_small: bool,
    pub quit: bool,
    /// Text copied, for the loop to send to the terminal's clipboard.
    pub clipboard: Option<String>,
}

/// What to say of `k` files that gave no report.
pub(crate) fn skipped_message(k: usize) -> Option<String> {
    (k > 0)
        .then(|| format!("skipped {k} file(s) that are not readable reports: see the reports pane"))
}

impl App {
    pub fn new(library: Library, catalogues: Catalogues, width: u16, height: u16) -> App {
        App::with_choices(library, catalogues, Choices::default(), width, height)
    }

    /// [`App::new`] with the user's choices of table cells (kept where
    /// they were loaded from).
    pub(crate) fn with_choices(
        library: Library,
        catalogues: Catalogues,
        choices: Choices,
        width: u16,
        height: u16,
    ) -> App {
        let message = skipped_message(library.skipped.len());
        let (screen, too_small) = layout::screen(width, height);
        let mut session = Session::new(library, catalogues, choices);
        session.body = layout::body(screen);
        session.message = message;
        let reading = Screen::Reading(Box::new(Reading::new(&session)));
        App {
            session,
            stack: vec![reading],
            help: None,
            screen,
            too_small,
            quit: false,
            clipboard: None,
        }
    }

    /// The screen the keys go to.
    pub fn top(&self) -> &Screen {
        self.stack
            .last()
            .expect("the reading screen is never closed")
    }

    /// Where keys go now: help, or the top screen's focused pane.
    pub fn place(&self) -> KeyPlace {
        match &self.help {
            Some(h) => KeyPlace {
                scope: super::keys::Scope::Help,
                nested: h.place.nested,
            },
            None => self.screen_place(),
        }
    }

    fn screen_place(&self) -> KeyPlace {
        KeyPlace {
            scope: self.top().scope(),
            nested: self.stack.len() > 1,
        }
    }

    /// Text pasted in one piece (the terminal's bracketed paste): it goes
    /// into the field being typed, never read as keys.
    pub fn paste(&mut self, text: &str) {
        if self.help.is_none() {
            self.session.message = None;
            let top = self.stack.last_mut().expect("never empty");
            top.paste(text, &mut self.session);
        }
    }

    pub fn update(&mut self, action: Action) {
        if let Action::Resize(w, h) = action {
            return self.resize(w, h);
        }
        if !matches!(action, Action::Wheel { .. } | Action::Click { .. }) {
            self.session.message = None;
        }
        if let Some(help) = self.help.as_mut() {
            match action {
                Action::Quit => self.quit = true,
                Action::Back | Action::Help => self.help = None,
                other => help.update(other),
            }
            return;
        }
        match action {
            Action::Quit => return self.quit = true,
            Action::Help => return self.open_help(),
            Action::Copy => return self.copy(),
            _ => {}
        }
        let top = self.stack.last_mut().expect("never empty");
        match top.update(action, &mut self.session) {
            Transition::Stay => {}
            Transition::Back if self.stack.len() > 1 => {
                self.stack.pop();
                let below = self.stack.last_mut().expect("never empty");
                below.resume(&self.session);
            }
            Transition::Back => {}
            Transition::Open(route) => {
                let screen = Screen::open(route, &self.session);
                if self.stack.len() >= MAX_SCREENS {
                    self.stack.remove(1);
                }
                self.stack.push(screen);
            }
        }
        // Only the reading screen open: what other screens read is let go.
        if let [Screen::Reading(root)] = self.stack.as_slice() {
            let keep = [Some(root.report_index()), self.session.marked];
            let keep: Vec<usize> = keep.into_iter().flatten().collect();
            self.session.let_go(&keep);
        }
    }

    fn copy(&mut self) {
        match self.top().copy(&self.session) {
            Some(text) => {
                self.session
                    .say(format!("copied: {}", super::copy::preview(&text)));
                self.clipboard = Some(text);
            }
            None => self.session.say("nothing selected to copy"),
        }
    }

    fn open_help(&mut self) {
        let place = self.screen_place();
        self.help = Some(Help::new(place, self.screen));
    }

    fn resize(&mut self, w: u16, h: u16) {
        (self.screen, self.too_small) = layout::screen(w, h);
        self.session.body = layout::body(self.screen);
        for s in &mut self.stack {
            s.resize(&self.session, self.session.body);
        }
        if let Some(help) = self.help.as_mut() {
            help.resize(self.screen);
        }
    }

    /// Takes in reports read in the background. They are added at the
    /// end of the list, so that no report a screen holds moves.
    pub(crate) fn take_in(&mut self, reads: Vec<Read>) {
        let lib = &mut self.session.library;
        let mut cells = Vec::new();
        for read in reads {
            match read.result {
                Ok(r) => {
                    lib.reports.push(r);
                    cells.push(read.cells);
                }
                Err(skipped) => lib.skipped.push(skipped),
            }
        }
        self.session.appended();
        let first = self.session.library.reports.len() - cells.len();
        for (i, cells) in (first..).zip(cells) {
            self.session.take_cells(i, cells);
        }
        for screen in &mut self.stack {
            if let Screen::Reading(r) = screen {
                r.grow(&self.session);
            }
        }
    }

    /// At a load's end, the list as a load at once gives it: in `order`,
    /// then grouped by place. Screens over the list hold reports by their
    /// place in it, so this waits until the report list's screen alone is
    /// open; whether it was done. The selected report, its section, the
    /// focus and the report marked A stay.
    pub fn settle(&mut self, order: impl Fn(&Report) -> usize) -> bool {
        let [Screen::Reading(root)] = self.stack.as_slice() else {
            return false;
        };
        if self.help.is_some() {
            return false;
        }
        let reports = &self.session.library.reports;
        let file_of = |i: usize| reports.get(i).map(|r| r.file.clone());
        let selected = file_of(root.report_index());
        let marked = self.session.marked.and_then(file_of);
        let (section, focus) = (root.text.section.unwrap_or(0), root.focus);
        let filter = root.filter.clone();
        let lib = &mut self.session.library;
        let moved = lib.settle(order);
        self.session.reordered(&moved);
        let index_of = |file: Option<String>| {
            file.and_then(|f| {
                self.session
                    .library
                    .reports
                    .iter()
                    .position(|r| r.file == f)
            })
        };
        self.session.marked = index_of(marked);
        let mut root = match index_of(selected) {
            Some(i) => Reading::at(&self.session, i, section, None),
            None => Reading::new(&self.session),
        };
        root.focus = focus;
        root.filter = filter;
        root.grow(&self.session);
        self.stack = vec![Screen::Reading(Box::new(root))];
        true
    }

    /// The reading screen on top, if the top is one (tests and benches).
    pub fn reading(&self) -> Option<&Reading> {
        match self.top() {
            Screen::Reading(r) => Some(r),
            _ => None,
        }
    }
}
