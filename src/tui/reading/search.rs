//! The reading screen's search: the field while it is typed, then the
//! hits of the last query and which one is current.

use crate::report::Hit;
use crate::report::Report;

/// The longest query the field takes, in chars: a phrase, a sentence,
/// never a pasted page.
pub(crate) const MAX_QUERY: usize = 200;

#[derive(Debug, Clone, Default)]
pub struct Search {
    /// The field being typed, while it is open.
    pub editing: Option<String>,
    pub query: String,
    pub hits: Vec<Hit>,
    pub current: Option<usize>,
}

impl Search {
    pub fn start(&mut self) {
        self.editing = Some(String::new());
    }

    pub(crate) fn cancel(&mut self) {
        self.editing = None;
    }

    /// Types a char, or deletes one (None).
    pub fn input(&mut self, c: Option<char>) {
        let Some(field) = self.editing.as_mut() else {
            return;
        };
        match c {
            Some(c) if !c.is_control() && field.chars().count() < MAX_QUERY => field.push(c),
            Some(_) => {}
            None => {
                field.pop();
            }
        }
    }

    /// Pastes text into the open field, as one event however long it is:
    /// line ends and control characters are left out, and the field stops
    /// at [`MAX_QUERY`] chars. Whether some of the text was left out.
    pub fn paste(&mut self, text: &str) -> bool {
        let Some(field) = self.editing.as_mut() else {
            return false;
        };
        let room = MAX_QUERY.saturating_sub(field.chars().count());
        let mut chars = text.chars().filter(|c| !c.is_control());
        field.extend(chars.by_ref().take(room));
        chars.next().is_some()
    }

    /// Runs the typed query over a report; the first hit at or after
    /// block `from` becomes current. Returns a message for the status
    /// bar when nothing was found.
    pub(crate) fn confirm(&mut self, report: Option<&Report>, from: usize) -> Option<Hit> {
        let query = self.editing.take()?;
        self.query = query;
        self.hits = report.map(|r| r.find(&self.query)).unwrap_or_default();
        let first = self.hits.iter().position(|h| h.block >= from).unwrap_or(0);
        self.go(first)
    }

    /// The hit `delta` steps from the current one, wrapping round.
    pub fn step(&mut self, delta: isize) -> Option<Hit> {
        let n = self.hits.len() as isize;
        if n == 0 {
            return None;
        }
        let cur = self.current.unwrap_or(0) as isize;
        self.go((cur + delta).rem_euclid(n) as usize)
    }

    fn go(&mut self, i: usize) -> Option<Hit> {
        let hit = *self.hits.get(i)?;
        self.current = Some(i);
        Some(hit)
    }

    /// Forgets the hits (another report is shown).
    pub(crate) fn clear_hits(&mut self) {
        self.hits.clear();
        self.current = None;
    }

    /// "hit 3/12 for “法治”", or why there is none.
    pub fn status(&self) -> String {
        match self.current {
            _ if self.query.is_empty() => "no search: press / to search".into(),
            Some(i) if !self.hits.is_empty() => {
                format!("hit {}/{} for “{}”", i + 1, self.hits.len(), self.query)
            }
            _ => format!("no hits for “{}”", self.query),
        }
    }
}
