//! Search in a report, blind to script (Traditional 張 finds Simplified 张
//! and back), to full-width forms and to Latin case.

use super::Report;
use crate::text::{self, script};

/// A hit: the block it is in, and its char offset and length there.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hit {
    pub block: usize,
    pub col: usize,
    pub len: usize,
}

/// The matching key of one char: its key (see [`script::key`]), lower
/// case. One char in, one char out, so offsets carry over to the text.
fn key_char(c: char) -> char {
    script::key_char(c).to_ascii_lowercase()
}

impl Report {
    /// Every hit of `query` in the report text, in reading order.
    pub fn find(&self, query: &str) -> Vec<Hit> {
        let needle: Vec<char> = text::trim(query).chars().map(key_char).collect();
        if needle.is_empty() {
            return Vec::new();
        }
        let mut hits = Vec::new();
        for i in 0..self.blocks().len() {
            let hay: Vec<char> = self.block_text(i).chars().map(key_char).collect();
            let mut col = 0;
            while col + needle.len() <= hay.len() {
                if hay[col..col + needle.len()] == needle[..] {
                    hits.push(Hit {
                        block: i,
                        col,
                        len: needle.len(),
                    });
                    col += needle.len();
                } else {
                    col += 1;
                }
            }
        }
        hits
    }
}

#[cfg(test)]
mod tests {
    use crate::report::{Report, TextEncoding};

    #[test]
    fn scripts_match_each_other() {
        let r = Report::parse(
            "t",
            "一、總體情況\n張家港市法治建設。张家港\n".into(),
            TextEncoding::Utf8,
        );
        assert_eq!(r.find("张家港").len(), 2);
        assert_eq!(r.find("張家港").len(), 2);
        assert_eq!(r.find("总体").len(), 1);
        assert!(r.find("  ").is_empty());
        let h = r.find("法治")[0];
        assert_eq!((h.col, h.len), (4, 2));
    }
}
