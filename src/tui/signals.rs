//! Signals end the program at once, whatever it is doing. The loop hears a
//! signal between two events, restores the terminal and returns; when it is
//! busy (a long load, a long computation) and does not, the signals' own
//! thread restores the terminal and exits, so TERM, HUP, INT and QUIT never
//! wait on the work, and none leaves the terminal in raw mode.

use std::io;
use std::sync::atomic::{AtomicU8, AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::Duration;

use signal_hook::consts::{SIGHUP, SIGINT, SIGQUIT, SIGTERM};

/// How long the loop has to answer a signal itself before its thread ends
/// the program: well within the tenth of a second a user notices.
const GRACE: Duration = Duration::from_millis(60);

const NOT_STARTED: u8 = 0;
const IN_USE: u8 = 1;
const RESTORED: u8 = 2;

#[derive(Clone)]
pub(crate) struct Signals {
    heard: Arc<AtomicUsize>,
    terminal: Arc<AtomicU8>,
}

impl Signals {
    /// Listens for TERM, HUP, INT and QUIT from now on.
    pub(crate) fn listen(restore: fn()) -> io::Result<Signals> {
        let s = Signals {
            heard: Arc::new(AtomicUsize::new(0)),
            terminal: Arc::new(AtomicU8::new(NOT_STARTED)),
        };
        let mut incoming = signal_hook::iterator::Signals::new([SIGTERM, SIGHUP, SIGINT, SIGQUIT])?;
        let (heard, terminal) = (Arc::clone(&s.heard), Arc::clone(&s.terminal));
        std::thread::spawn(move || {
            let Some(sig) = incoming.forever().next() else {
                return;
            };
            heard.store(sig as usize, Ordering::SeqCst);
            std::thread::sleep(GRACE);
            if terminal.load(Ordering::SeqCst) == IN_USE {
                restore();
            }
            std::process::exit(128 + sig);
        });
        Ok(s)
    }

    /// The signal heard, if any.
    pub(crate) fn heard(&self) -> Option<i32> {
        match self.heard.load(Ordering::SeqCst) {
            0 => None,
            n => Some(n as i32),
        }
    }

    /// The terminal is in raw mode on the alternate screen from now on.
    pub(crate) fn terminal_in_use(&self) {
        self.terminal.store(IN_USE, Ordering::SeqCst);
    }

    /// The terminal is as it was before the program.
    pub(crate) fn terminal_restored(&self) {
        self.terminal.store(RESTORED, Ordering::SeqCst);
    }
}
