//! A bug met in one input costs that input, never the folder or the
//! session: a panic while reading a file becomes that file's error, with
//! its message, and prints nothing (the caller says it once, in one line).

use std::cell::{Cell, RefCell};
use std::panic::{self, AssertUnwindSafe};
use std::sync::Once;

thread_local! {
    static CATCHING: Cell<bool> = const { Cell::new(false) };
    static MESSAGE: RefCell<Option<String>> = const { RefCell::new(None) };
}

/// Runs `f`; a panic in it is returned as its message.
pub fn catch<T>(f: impl FnOnce() -> T) -> Result<T, String> {
    install_hook();
    let was = CATCHING.with(|c| c.replace(true));
    let result = panic::catch_unwind(AssertUnwindSafe(f));
    CATCHING.with(|c| c.set(was));
    result.map_err(|_| {
        MESSAGE
            .with(|m| m.borrow_mut().take())
            .unwrap_or_else(|| "unknown".to_owned())
    })
}

/// Whether a panic now would be caught by [`catch`]: hooks that restore
/// the terminal leave it alone then.
pub(crate) fn catching() -> bool {
    CATCHING.with(Cell::get)
}

/// Keeps the message of a caught panic instead of printing it; other
/// panics go to the hook that was there before.
fn install_hook() {
    static ONCE: Once = Once::new();
    ONCE.call_once(|| {
        let previous = panic::take_hook();
        panic::set_hook(Box::new(move |info| {
            if !catching() {
                return previous(info);
            }
            let what = info
                .payload()
                .downcast_ref::<&str>()
                .map(|s| (*s).to_owned())
                .or_else(|| info.payload().downcast_ref::<String>().cloned())
                .unwrap_or_default();
            let place = info
                .location()
                .map_or_else(String::new, |l| format!(" at {}:{}", l.file(), l.line()));
            MESSAGE.with(|m| *m.borrow_mut() = Some(format!("{what}{place}")));
        }));
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_panic_is_its_message() {
        let err =
            catch(|| -> u32 { panic!("slice index starts at 10 but ends at 7") }).unwrap_err();
        assert!(
            err.starts_with("slice index starts at 10 but ends at 7 at src/"),
            "{err}"
        );
        assert_eq!(catch(|| 7), Ok(7));
        assert!(!catching());
    }
}
