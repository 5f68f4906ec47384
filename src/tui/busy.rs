//! Quitting while the program works. An action may take long (following
//! up two long reports, comparing two large ones); keys typed meanwhile
//! wait in the input thread. A quit key among them (q where q quits, or
//! Ctrl-C) must not wait: the input thread restores the terminal and ends
//! the program at once. The screen's lock keeps that from crossing a
//! frame being drawn.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Mutex, MutexGuard};

use crossterm::event::{Event, KeyCode, KeyEventKind, KeyModifiers};

#[derive(Debug, Default)]
pub(crate) struct Busy {
    working: AtomicBool,
    /// Whether q quits in the place the keys go to (not in a text field).
    q_quits: AtomicBool,
    screen: Mutex<()>,
}

impl Busy {
    /// Runs `work` marked as busy.
    pub fn run<T>(&self, q_quits: bool, work: impl FnOnce() -> T) -> T {
        self.q_quits.store(q_quits, Ordering::SeqCst);
        self.working.store(true, Ordering::SeqCst);
        let out = work();
        self.working.store(false, Ordering::SeqCst);
        out
    }

    /// Held while a frame is drawn.
    pub(crate) fn drawing(&self) -> MutexGuard<'_, ()> {
        self.screen.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// For the input thread: when `event` is a quit key and the program is
    /// busy, restores the terminal and ends the program.
    pub(crate) fn quit_if_busy(&self, event: &Event, restore: impl FnOnce()) {
        if !self.is_quit(event) {
            return;
        }
        let _screen = self.drawing();
        if self.working.load(Ordering::SeqCst) {
            restore();
            std::process::exit(0);
        }
    }

    fn is_quit(&self, event: &Event) -> bool {
        let Event::Key(k) = event else {
            return false;
        };
        let ctrl = k.modifiers.contains(KeyModifiers::CONTROL);
        k.kind != KeyEventKind::Release
            && match k.code {
                KeyCode::Char('c') => ctrl,
                KeyCode::Char('q') => !ctrl && self.q_quits.load(Ordering::SeqCst),
                _ => false,
            }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crossterm::event::KeyEvent;

    #[test]
    fn only_quit_keys_where_they_quit_count() {
        let busy = Busy::default();
        let key = |c, m| Event::Key(KeyEvent::new(KeyCode::Char(c), m));
        busy.q_quits.store(true, Ordering::SeqCst);
        assert!(busy.is_quit(&key('q', KeyModifiers::NONE)));
        assert!(busy.is_quit(&key('c', KeyModifiers::CONTROL)));
        assert!(!busy.is_quit(&key('c', KeyModifiers::NONE)));
        busy.q_quits.store(false, Ordering::SeqCst);
        assert!(
            !busy.is_quit(&key('q', KeyModifiers::NONE)),
            "q is text in a field"
        );
        assert!(busy.is_quit(&key('c', KeyModifiers::CONTROL)));
        // Not busy: nothing happens (the test process goes on).
        busy.quit_if_busy(&key('c', KeyModifiers::CONTROL), || panic!("restored"));
    }
}
