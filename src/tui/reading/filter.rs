//! The report list's filter: the words typed, while the field is open and
//! after Enter kept them. Which reports they name is the library's
//! [`ListFilter`]'s to say.

use crate::corpus::ListFilter;
use crate::report::Report;

use super::search::MAX_QUERY;

#[derive(Debug, Clone, Default)]
pub struct Filter {
    /// The field is open: keys are text.
    pub editing: bool,
    pub query: String,
}

impl Filter {
    /// Types a char, or deletes one (None).
    pub fn input(&mut self, c: Option<char>) {
        match c {
            Some(c) if !c.is_control() && self.query.chars().count() < MAX_QUERY => {
                self.query.push(c)
            }
            Some(_) => {}
            None => {
                self.query.pop();
            }
        }
    }

    /// Pastes text into the field; whether some was left out.
    pub fn paste(&mut self, text: &str) -> bool {
        let room = MAX_QUERY.saturating_sub(self.query.chars().count());
        let mut chars = text.chars().filter(|c| !c.is_control());
        self.query.extend(chars.by_ref().take(room));
        chars.next().is_some()
    }

    /// The reports listed: every report, or those the words name.
    pub fn rows(&self, reports: &[Report]) -> Vec<usize> {
        let f = ListFilter::new(&self.query);
        match f.is_empty() {
            true => (0..reports.len()).collect(),
            false => f.matching(reports),
        }
    }

    /// Whether a filter is typed or kept.
    pub(crate) fn is_active(&self) -> bool {
        !crate::text::trim(&self.query).is_empty()
    }
}
