//! The terminal UI: one synchronous loop (draw, read an event, update).

pub mod action;
pub mod app;
mod busy;
pub mod candidates;
pub mod columns;
pub mod compare;
pub mod copy;
pub mod corpus;
pub mod finder;
pub mod followup;
pub mod help;
pub mod keys;
pub mod layout;
pub mod list;
pub mod reading;
pub mod reuse;
pub mod screen;
pub mod session;
mod signals;
pub mod stack;
pub mod ui;
pub mod years;

#[cfg(test)]
mod tests;

use std::collections::HashMap;
use std::io::{self, IsTerminal, Stdout};
use std::path::PathBuf;
use std::sync::mpsc::{self, Receiver, RecvTimeoutError};
use std::sync::Arc;
use std::time::Duration;

use crossterm::event::{
    self, DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture,
    Event, KeyEventKind, MouseButton, MouseEventKind,
};
use crossterm::execute;
use crossterm::terminal::{
    disable_raw_mode, enable_raw_mode, EnterAlternateScreen, LeaveAlternateScreen,
};
use ratatui::backend::CrosstermBackend;
use ratatui::{Terminal, TerminalOptions, Viewport};

use crate::catalogues::Catalogues;
use crate::corpus::library::Named;
use crate::corpus::read_cache::ReadCache;
use crate::corpus::Choices;
use crate::corpus::{Library, Loading, Progress, Walking};
use crate::figures::indicators::Catalogue;
use crate::report::Depth;
use action::Action;
pub use app::App;
use ui::theme::Theme;

/// How a TUI session ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ending {
    /// The user quit.
    Quit,
    /// A signal (SIGTERM, SIGHUP, SIGINT) ended it: the process exits with
    /// 128 + its number, as shells expect.
    Signal(i32),
}

/// Why the TUI could not run.
#[derive(Debug, thiserror::Error)]
pub enum TuiError {
    #[error("cannot listen for signals: {0}")]
    Signals(io::Error),
    #[error("no reports to open")]
    NoReports,
    /// Nothing could be opened: why the first path gave no report.
    #[error("{0}")]
    Skipped(crate::corpus::Skipped),
    #[error("not a terminal; for scripts use a subcommand: outline, check (see --help)")]
    NotATerminal,
    #[error("cannot start the terminal UI: {0}")]
    Start(io::Error),
    #[error("terminal error: {0}")]
    Terminal(io::Error),
}

pub fn run(paths: &[PathBuf], catalogues: Catalogues) -> Result<Ending, TuiError> {
    // Signals are heard from the start: a long load stops between two
    // files, and the terminal is restored whenever they come.
    let signals = signals::Signals::listen(restore).map_err(TuiError::Signals)?;
    let heard = || signals.heard().map(Ending::Signal);
    let mut opening = open_first(paths, &catalogues, &|| heard().is_some());
    if let Some(ending) = heard() {
        return Ok(ending);
    }
    if opening.lib.reports.is_empty() {
        return Err(opening
            .lib
            .skipped
            .into_iter()
            .next()
            .map_or(TuiError::NoReports, TuiError::Skipped));
    }
    if !io::stdout().is_terminal() || !io::stdin().is_terminal() {
        return Err(TuiError::NotATerminal);
    }
    let background = Background::start(&mut opening, &catalogues);
    signals.terminal_in_use();
    let mut terminal = init().map_err(TuiError::Start)?;
    let result = event_loop(&mut terminal, opening.lib, background, catalogues, &signals);
    restore();
    signals.terminal_restored();
    result.map_err(TuiError::Terminal)?;
    Ok(heard().unwrap_or(Ending::Quit))
}

/// What opens before the first frame, and what is left to walk and read
/// after it.
struct Opening {
    lib: Library,
    /// The files and folders the reports come from, as named.
    roots: Vec<PathBuf>,
    rest: Option<Walking>,
    /// The files read before the first frame.
    first: Progress,
    /// What the walk gave before the first frame: the first of the rest
    /// stands after them.
    taken: usize,
}

/// The bundled reports (with the user's library folder left to walk and
/// read), or the files named up to the first that reads, walked only as
/// far as that file: the terminal comes up at once whatever the folder's
/// size, and paths that hold no report at all still end with the first
/// reason before the terminal is taken.
fn open_first(paths: &[PathBuf], catalogues: &Catalogues, stop: &dyn Fn() -> bool) -> Opening {
    let depth = Depth::Full(&catalogues.indicators);
    if paths.is_empty() {
        let lib = Library::bundled_to(depth);
        let user = crate::paths::library_dir().filter(|d| d.is_dir());
        return Opening {
            taken: lib.reports.len(),
            lib,
            rest: user.clone().map(|d| Walking::start(vec![d])),
            roots: user.into_iter().collect(),
            first: Progress::default(),
        };
    }
    let started = std::time::Instant::now();
    let walking = Walking::start(paths.to_vec());
    let mut lib = Library::default();
    let mut first = Progress::default();
    let mut taken = 0;
    while lib.reports.is_empty() {
        let Some(named) = walking.next_until(stop) else {
            break;
        };
        taken += 1;
        match named {
            Named::Skipped(s) => lib.skipped.push(s),
            Named::File(f) => {
                first.bytes += f.metadata().map_or(0, |m| m.len());
                lib.read_file(&f, depth);
                first.files += 1;
            }
        }
    }
    first.read = lib.reports.len();
    first.skipped = first.files - first.read;
    first.elapsed = started.elapsed();
    Opening {
        lib,
        roots: paths.to_vec(),
        rest: Some(walking),
        first,
        taken,
    }
}

/// The reports walked and read after the first frame, and the order a
/// load at once would have given them (the files' order as named and
/// walked).
struct Background {
    /// What the load starts from, until it starts: after the first frame,
    /// which reading on every core would otherwise slow.
    pending: Option<Pending>,
    loading: Option<Loading>,
    first: Progress,
    order: HashMap<String, usize>,
    skipped_before: usize,
    /// Whether any report came in: a load that adds none leaves the list
    /// as it stands.
    grown: bool,
}

/// A load not yet started: the walk left, the catalogue to read with,
/// the place in the walk's order of the first file left, and the paths
/// named (the cache's key).
struct Pending {
    walking: Walking,
    catalogue: Catalogue,
    order: usize,
    roots: Vec<PathBuf>,
}

impl Background {
    fn start(opening: &mut Opening, catalogues: &Catalogues) -> Option<Background> {
        let walking = opening.rest.take()?;
        let files = opening.lib.reports.iter().map(|r| r.file.clone());
        Some(Background {
            order: files.zip(0..).collect(),
            skipped_before: opening.lib.skipped.len(),
            first: opening.first,
            pending: Some(Pending {
                walking,
                catalogue: catalogues.indicators.clone(),
                order: opening.taken,
                roots: std::mem::take(&mut opening.roots),
            }),
            loading: None,
            grown: false,
        })
    }

    /// Starts reading what the walk finds, if not yet started.
    fn begin(&mut self) {
        if let Some(p) = self.pending.take() {
            let roots = p.roots;
            let cache = move |c: &Catalogue| ReadCache::of_user(c).and_then(|r| r.load(&roots));
            self.loading = Some(Loading::start(p.walking, p.order, p.catalogue, cache));
        }
    }

    /// Takes what was read into the app; whether anything changed, and
    /// whether the load is over (read and settled in order).
    fn feed(&mut self, app: &mut App) -> (bool, bool) {
        let Some(loading) = self.loading.as_mut() else {
            return (false, false);
        };
        let reads = loading.take(TAKE_BUDGET);
        let changed = !reads.is_empty();
        for read in &reads {
            if let Ok(r) = &read.result {
                self.order.insert(r.file.clone(), read.order);
                self.grown = true;
            }
        }
        if changed {
            app.take_in(reads);
        }
        let progress = loading.progress().after(self.first);
        if !progress.is_done() {
            app.session.loading = Some(progress);
            return (changed, false);
        }
        app.session.loading = None;
        let order =
            |r: &crate::report::Report| self.order.get(&r.file).copied().unwrap_or(usize::MAX);
        if self.grown && !app.settle(order) {
            return (changed, false);
        }
        let skipped = app.session.library.skipped.len();
        if let Some(message) = app::skipped_message(skipped - self.skipped_before.min(skipped)) {
            app.session.say(message);
        }
        (true, true)
    }
}

/// How long one turn of the loop spends taking in reports read in the
/// background: keys stay answered within a frame while thousands arrive.
const TAKE_BUDGET: Duration = Duration::from_millis(15);

/// How often the loop looks for a signal or a lost terminal when no event
/// comes.
const TICK: Duration = Duration::from_millis(40);

/// How long a message shows when no key clears it.
const MESSAGE_FADES: Duration = Duration::from_secs(8);

fn event_loop(
    terminal: &mut Terminal<CrosstermBackend<Stdout>>,
    lib: Library,
    mut background: Option<Background>,
    catalogues: Catalogues,
    signals: &signals::Signals,
) -> io::Result<()> {
    let stop = || signals.heard().is_some();
    let size = terminal.size()?;
    let (choices, problem) = Choices::of_user();
    let problem = problem.map(|e| format!("{e} (your choices of table cells are not applied)"));
    let mut app = App::with_choices(lib, catalogues, choices, size.width, size.height);
    if let Some(problem) = problem {
        app.session.say(problem);
    }
    let theme = Theme::from_env();
    let busy = Arc::new(busy::Busy::default());
    let input = spawn_input(Arc::clone(&busy), signals.clone());
    // Drawn again only when something happened: an idle screen costs
    // nothing but the tick that listens for signals and a lost terminal.
    let mut changed = true;
    while !app.quit && !stop() {
        if std::mem::take(&mut changed) {
            let _screen = busy.drawing();
            terminal.draw(|f| ui::draw(&app, theme, f))?;
            if let Some(b) = background.as_mut() {
                b.begin();
            }
        }
        match input.recv_timeout(TICK) {
            Ok(event) => {
                changed = true;
                let event = event?;
                if let Event::Resize(w, h) = event {
                    terminal.resize(layout::screen(w, h).0)?;
                }
                if let Event::Paste(text) = &event {
                    app.paste(text);
                } else if let Some(action) = to_action(event, &app) {
                    let q_quits = !matches!(
                        app.place().scope,
                        keys::Scope::SearchField | keys::Scope::ValueField
                    );
                    busy.run(q_quits, || app.update(action));
                }
                if let Some(text) = app.clipboard.take() {
                    use std::io::Write;
                    let mut out = io::stdout().lock();
                    out.write_all(copy::osc52(&text).as_bytes())?;
                    out.flush()?;
                }
            }
            Err(RecvTimeoutError::Timeout) if terminal_gone() => break,
            Err(RecvTimeoutError::Timeout) => changed = app.session.fade(MESSAGE_FADES),
            Err(RecvTimeoutError::Disconnected) => break,
        }
        if let Some(b) = background.as_mut() {
            let (news, over) = b.feed(&mut app);
            changed |= news;
            if over {
                background = None;
            }
        }
    }
    // Freeing a large corpus a report at a time takes seconds (4.4 s at
    // 100,000 reports) with the screen still up; the process ends once
    // the terminal is restored, and the system takes the memory back at
    // once.
    std::mem::forget(app);
    Ok(())
}

/// The user's choices of table cells, kept in the data folder; a file
/// that cannot be read leaves the rule's headlines and a message.
/// Terminal events, read on their own thread. crossterm's `poll` and
/// `read` never return once the tty reads as end of file (a hung-up
/// terminal), so the loop waits on this channel instead and stays free
/// to notice signals and a vanished terminal.
fn spawn_input(busy: Arc<busy::Busy>, signals: signals::Signals) -> Receiver<io::Result<Event>> {
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || loop {
        let event = event::read();
        if let Ok(e) = &event {
            busy.quit_if_busy(e, || {
                restore();
                signals.terminal_restored();
            });
        }
        let failed = event.is_err();
        if tx.send(event).is_err() || failed {
            break;
        }
    });
    rx
}

/// True when the controlling terminal has hung up (its window closed, its
/// tmux session killed) and no signal said so.
#[cfg(unix)]
fn terminal_gone() -> bool {
    std::fs::File::open("/dev/tty").is_err()
}

#[cfg(not(unix))]
fn terminal_gone() -> bool {
    false
}

/// Keys go through the key table of the place the user is in; mouse and
/// resize events map directly.
fn to_action(ev: Event, app: &App) -> Option<Action> {
    match ev {
        Event::Key(k) if k.kind != KeyEventKind::Release => keys::action_for(app.place(), k),
        Event::Mouse(m) => match m.kind {
            MouseEventKind::ScrollDown => Some(Action::Wheel {
                col: m.column,
                row: m.row,
                down: true,
            }),
            MouseEventKind::ScrollUp => Some(Action::Wheel {
                col: m.column,
                row: m.row,
                down: false,
            }),
            MouseEventKind::Down(MouseButton::Left) => Some(Action::Click {
                col: m.column,
                row: m.row,
            }),
            _ => None,
        },
        Event::Resize(w, h) => Some(Action::Resize(w, h)),
        _ => None,
    }
}

/// Raw mode, alternate screen, mouse; a panic restores the terminal
/// before its message is printed.
fn init() -> io::Result<Terminal<CrosstermBackend<Stdout>>> {
    let hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        // A bug caught while reading one file leaves the screen as it is.
        if !crate::guard::catching() {
            restore();
        }
        hook(info);
    }));
    enable_raw_mode()?;
    execute!(
        io::stdout(),
        EnterAlternateScreen,
        EnableMouseCapture,
        EnableBracketedPaste
    )?;
    let (width, height) = crossterm::terminal::size()?;
    // A fixed viewport, capped: ratatui's own buffers are the size of the
    // viewport, and a full-screen one at 9999x9999 would hold 100 million
    // cells.
    let viewport = Viewport::Fixed(layout::screen(width, height).0);
    Terminal::with_options(
        CrosstermBackend::new(io::stdout()),
        TerminalOptions { viewport },
    )
}

fn restore() {
    let _ = disable_raw_mode();
    let _ = execute!(
        io::stdout(),
        DisableMouseCapture,
        DisableBracketedPaste,
        LeaveAlternateScreen,
        crossterm::cursor::Show
    );
}
