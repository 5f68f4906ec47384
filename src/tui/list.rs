//! One cursor for every list, table and scrolled text of the TUI: which
//! row is selected, which row is at the top, how many rows there are and
//! how many show. Lists move the selection and the view follows; texts
//! (the reader, help) only scroll.

use std::ops::Range;

use super::action::Action;

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Cursor {
    selected: usize,
    offset: usize,
    len: usize,
    height: usize,
}

impl Cursor {
    pub fn new(len: usize, height: usize) -> Cursor {
        let mut c = Cursor::default();
        c.set_height(height);
        c.set_len(len);
        c
    }

    pub fn selected(&self) -> usize {
        self.selected
    }

    pub fn offset(&self) -> usize {
        self.offset
    }

    pub fn len(&self) -> usize {
        self.len
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    pub fn height(&self) -> usize {
        self.height
    }

    /// The rows on screen.
    pub fn visible(&self) -> Range<usize> {
        self.offset..(self.offset + self.height).min(self.len)
    }

    /// The list changed length: the selection and the view stay inside.
    pub(crate) fn set_len(&mut self, len: usize) {
        self.len = len;
        self.selected = self.selected.min(len.saturating_sub(1));
        self.follow();
    }

    /// The pane changed height: the selection stays on screen.
    pub(crate) fn set_height(&mut self, height: usize) {
        self.height = height.max(1);
        self.follow();
    }

    /// Selects row `i` (clamped).
    pub fn select(&mut self, i: usize) {
        self.selected = i.min(self.len.saturating_sub(1));
        self.follow();
    }

    pub fn step(&mut self, delta: isize) {
        self.select(self.selected.saturating_add_signed(delta))
    }

    /// A page: the rows on screen less one, so a line of context stays.
    pub fn page(&self) -> isize {
        self.height.saturating_sub(1).max(1) as isize
    }

    /// The last offset that still fills the screen.
    pub(crate) fn max_offset(&self) -> usize {
        self.len.saturating_sub(self.height)
    }

    /// Moves the selection as a list's keys ask (a row, a page, either
    /// end, the wheel); false when the action is none of them.
    pub fn apply(&mut self, action: Action) -> bool {
        match action {
            Action::Up => self.step(-1),
            Action::Down => self.step(1),
            Action::PageUp => self.step(-self.page()),
            Action::PageDown => self.step(self.page()),
            Action::Top => self.select(0),
            Action::Bottom => self.select(usize::MAX),
            Action::Wheel { down, .. } => self.step(if down { 1 } else { -1 }),
            _ => return false,
        }
        true
    }

    /// The same keys for a text, which scrolls (the wheel three rows).
    pub(crate) fn apply_scroll(&mut self, action: Action) -> bool {
        match action {
            Action::Up => self.scroll(-1),
            Action::Down => self.scroll(1),
            Action::PageUp => self.scroll(-self.page()),
            Action::PageDown => self.scroll(self.page()),
            Action::Top => self.scroll_to(0),
            Action::Bottom => self.scroll_to(usize::MAX),
            Action::Wheel { down, .. } => self.scroll(if down { 3 } else { -3 }),
            _ => return false,
        }
        true
    }

    /// Scrolls the view (texts); the selection is not moved.
    pub(crate) fn scroll(&mut self, delta: isize) {
        self.offset = self
            .offset
            .saturating_add_signed(delta)
            .min(self.max_offset());
    }

    /// Scrolls so that row `i` stands `from_top` rows below the top.
    pub(crate) fn reveal(&mut self, i: usize, from_top: usize) {
        self.offset = i.saturating_sub(from_top).min(self.max_offset());
    }

    pub(crate) fn scroll_to(&mut self, offset: usize) {
        self.offset = offset.min(self.max_offset());
    }

    /// The row under screen row `r` of the pane, if there is one.
    pub(crate) fn row_at(&self, r: usize) -> Option<usize> {
        let i = self.offset + r;
        (r < self.height && i < self.len).then_some(i)
    }

    /// Keeps the selected row inside the view, and the view inside the
    /// list.
    fn follow(&mut self) {
        if self.selected < self.offset {
            self.offset = self.selected;
        } else if self.selected >= self.offset + self.height {
            self.offset = self.selected + 1 - self.height;
        }
        self.offset = self.offset.min(self.max_offset());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_view_follows_the_selection() {
        let mut c = Cursor::new(10, 3);
        assert_eq!(c.visible(), 0..3);
        c.step(4);
        assert_eq!((c.selected(), c.visible()), (4, 2..5));
        c.select(99);
        assert_eq!((c.selected(), c.visible()), (9, 7..10));
        c.step(-8);
        assert_eq!((c.selected(), c.visible()), (1, 1..4));
        c.set_len(2);
        assert_eq!((c.selected(), c.visible()), (1, 0..2));
        c.set_len(0);
        c.step(1);
        assert_eq!((c.selected(), c.visible()), (0, 0..0));
    }

    #[test]
    fn texts_scroll_within_their_length() {
        let mut c = Cursor::new(10, 4);
        c.scroll(100);
        assert_eq!(c.offset(), 6);
        c.scroll(-2);
        assert_eq!(c.offset(), 4);
        c.reveal(9, 1);
        assert_eq!(c.offset(), 6);
        assert_eq!(c.row_at(3), Some(9));
        assert_eq!(c.row_at(4), None);
        c.set_height(20);
        assert_eq!(c.offset(), 0, "a taller pane shows it all");
    }
}
