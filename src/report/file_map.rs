//! Where a report's lines stand in the file. A hard-wrapped page is read
//! in logical lines (several file lines joined), a page of one line is
//! taken apart (one file line cut in several): every position a user is
//! shown (a figure's line and column, a heading's line, a citation) is
//! the file's, as `cat -n` and an editor count, so it is mapped back here.

/// Where part of a logical line comes from: from char `col` of the
/// logical line on, the text is the file's line `file_line` (1-based)
/// from its char `file_col` on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Piece {
    pub col: usize,
    pub file_line: usize,
    pub file_col: usize,
}

/// For each logical line (in order), its pieces, by `col`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FileMap {
    pub(super) lines: Vec<Vec<Piece>>,
}

impl FileMap {
    /// Starts the next logical line with a piece of file line `file_line`
    /// from its char `file_col`.
    pub(crate) fn start_line(&mut self, file_line: usize, file_col: usize) {
        self.lines.push(vec![Piece {
            col: 0,
            file_line,
            file_col,
        }]);
    }

    /// Goes on in the current logical line, from its char `col`, with
    /// file line `file_line` from its char `file_col`.
    pub(crate) fn continue_line(&mut self, col: usize, file_line: usize, file_col: usize) {
        if let Some(pieces) = self.lines.last_mut() {
            pieces.push(Piece {
                col,
                file_line,
                file_col,
            });
        }
    }

    /// How many logical lines the map knows.
    pub fn len(&self) -> usize {
        self.lines.len()
    }

    pub fn is_empty(&self) -> bool {
        self.lines.is_empty()
    }

    /// The file line and char column of char `col` of logical line `line`
    /// (both 1-based lines; columns 0-based).
    pub fn position(&self, line: usize, col: usize) -> (usize, usize) {
        let Some(pieces) = self.lines.get(line.wrapping_sub(1)) else {
            return (line, col);
        };
        let at = pieces.partition_point(|p| p.col <= col).saturating_sub(1);
        match pieces.get(at) {
            Some(p) => (p.file_line, p.file_col + (col - p.col)),
            None => (line, col),
        }
    }

    /// This map read through `outer`: when this one maps lines of a text
    /// that is itself mapped to the file by `outer`.
    pub fn through(self, outer: &FileMap) -> FileMap {
        let lines = self
            .lines
            .into_iter()
            .map(|pieces| {
                let mut out: Vec<Piece> = Vec::new();
                for (k, p) in pieces.iter().enumerate() {
                    // The inner piece runs to the next one's start; each
                    // outer piece it crosses starts a piece here.
                    let end = pieces.get(k + 1).map_or(usize::MAX, |n| n.col);
                    let to_end = end.saturating_sub(p.col).saturating_add(p.file_col);
                    let before = out.len();
                    let outer_pieces = outer.lines.get(p.file_line.wrapping_sub(1));
                    for (j, o) in outer_pieces.into_iter().flatten().enumerate() {
                        let o_end = outer_pieces
                            .and_then(|ps| ps.get(j + 1))
                            .map_or(usize::MAX, |n| n.col);
                        let from = p.file_col.max(o.col);
                        if from < to_end.min(o_end) {
                            out.push(Piece {
                                col: p.col + (from - p.file_col),
                                file_line: o.file_line,
                                file_col: o.file_col + (from - o.col),
                            });
                        }
                    }
                    if out.len() == before {
                        let (file_line, file_col) = outer.position(p.file_line, p.file_col);
                        out.push(Piece {
                            col: p.col,
                            file_line,
                            file_col,
                        });
                    }
                }
                out
            })
            .collect();
        FileMap { lines }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_map_to_the_pieces_they_fall_in() {
        // Logical line 1 joins file lines 3 (from char 0) and 4 (from char
        // 2, after two spaces); logical line 2 is file line 6 from char 5.
        let mut m = FileMap::default();
        m.start_line(3, 0);
        m.continue_line(30, 4, 2);
        m.start_line(6, 5);
        assert_eq!(m.position(1, 0), (3, 0));
        assert_eq!(m.position(1, 29), (3, 29));
        assert_eq!(m.position(1, 30), (4, 2));
        assert_eq!(m.position(1, 35), (4, 7));
        assert_eq!(m.position(2, 4), (6, 9));
        assert_eq!(m.position(9, 4), (9, 4), "past the map: unchanged");
    }

    #[test]
    fn a_map_read_through_another_reaches_the_file() {
        // The outer map joins file lines 1 and 2 at char 10; the inner
        // cuts that joined line at char 6 into two lines.
        let mut outer = FileMap::default();
        outer.start_line(1, 0);
        outer.continue_line(10, 2, 0);
        let mut inner = FileMap::default();
        inner.start_line(1, 0);
        inner.start_line(1, 6);
        let m = inner.through(&outer);
        assert_eq!(m.position(1, 3), (1, 3));
        assert_eq!(m.position(2, 0), (1, 6));
        assert_eq!(m.position(2, 4), (2, 0));
        assert_eq!(m.position(2, 6), (2, 2));
    }
}
