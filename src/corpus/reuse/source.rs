//! Where the reports of a corpus come from: the reports in memory (the
//! TUI's library), or files read one at a time, so that a corpus of
//! thousands never holds all its reports at once.

use std::borrow::Cow;
use std::path::PathBuf;

use crate::corpus::library::guarded;
use crate::corpus::{SkipReason, Skipped};
use crate::report::{Depth, Report};

/// A numbered set of reports, each read when asked for.
pub trait Source: Sync {
    fn len(&self) -> usize;

    fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Report `i`, or why it cannot be read.
    fn get(&self, i: usize) -> Result<Cow<'_, Report>, Skipped>;
}

/// Reports in memory (the TUI's library).
pub struct Loaded<'a>(pub &'a [Report]);

impl Source for Loaded<'_> {
    fn len(&self) -> usize {
        self.0.len()
    }

    fn get(&self, i: usize) -> Result<Cow<'_, Report>, Skipped> {
        self.0.get(i).map(Cow::Borrowed).ok_or_else(|| Skipped {
            file: format!("report {i}"),
            reason: SkipReason::Missing,
        })
    }
}

/// Report files, read without their figures (reuse reads the text alone)
/// each time one is asked for.
pub struct Files(pub Vec<PathBuf>);

impl Source for Files {
    fn len(&self) -> usize {
        self.0.len()
    }

    fn get(&self, i: usize) -> Result<Cow<'_, Report>, Skipped> {
        let path = self.0.get(i).ok_or_else(|| Skipped {
            file: format!("file {i}"),
            reason: SkipReason::Missing,
        })?;
        guarded(|| Report::open_to(path, Depth::Outline))
            .map(Cow::Owned)
            .map_err(|e| Skipped {
                file: path.display().to_string(),
                reason: e.into(),
            })
    }
}
