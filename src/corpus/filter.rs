//! Which reports a few typed words name: the report list's filter. Each
//! word must stand in the report's place, issuer, province, level, year,
//! title or file name; Traditional and Simplified, full-width and
//! half-width, upper and lower case match each other.

use std::path::Path;

use crate::report::Report;
use crate::text::{self, script};

/// The words of a filter, as keys.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ListFilter {
    words: Vec<String>,
}

impl ListFilter {
    pub fn new(query: &str) -> ListFilter {
        let words = text::trim(query)
            .split(|c: char| c.is_whitespace() || text::normal_char(c) == ' ')
            .filter(|w| !w.is_empty())
            .map(search_key)
            .collect();
        ListFilter { words }
    }

    /// True when no word was typed: every report is shown.
    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }

    /// Whether every word names something of the report.
    pub fn matches(&self, report: &Report) -> bool {
        if self.words.is_empty() {
            return true;
        }
        self.matches_key(&search_key(&about(report)))
    }

    /// Whether every word stands in `key`, a text already made a key by
    /// [`search_key`]: lists other than the reports' (the corpus view's
    /// columns) match as the report list does, their keys built once.
    pub(crate) fn matches_key(&self, key: &str) -> bool {
        self.words.iter().all(|w| key.contains(w.as_str()))
    }

    /// The indices of the reports that match, in order.
    pub(crate) fn matching(&self, reports: &[Report]) -> Vec<usize> {
        (0..reports.len())
            .filter(|&i| self.matches(&reports[i]))
            .collect()
    }
}

/// What a filter reads of a report, one field a line so that no word
/// matches across two fields.
fn about(r: &Report) -> String {
    let m = &r.meta;
    let name = Path::new(&r.file)
        .file_name()
        .map_or_else(|| r.file.clone(), |n| n.to_string_lossy().into_owned());
    let fields = [
        m.place.clone(),
        m.issuer.clone(),
        m.province.clone(),
        m.level.map(|l| l.name().to_owned()),
        m.year.map(|y| y.to_string()),
        m.title.clone(),
        Some(name),
    ];
    fields.into_iter().flatten().collect::<Vec<_>>().join("\n")
}

/// The key text is matched on: script and width folded, ASCII lower case.
pub(crate) fn search_key(s: &str) -> String {
    let mut k = script::key(s);
    k.make_ascii_lowercase();
    k
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::TextEncoding;

    fn report(file: &str, text: &str) -> Report {
        Report::parse(file, text.into(), TextEncoding::Utf8)
    }

    #[test]
    fn words_match_place_year_and_file_in_either_script() {
        let a = report(
            "a/zjg-2023.txt",
            "張家港市人民政府關於2023年法治政府建設情況的報告\n一、總體情況\n法治。\n",
        );
        let b = report(
            "b/wx-2024.TXT",
            "无锡市人民政府关于2024年法治政府建设情况的报告\n一、总体情况\n法治。\n",
        );
        let reports = vec![a, b];
        let f = |q: &str| ListFilter::new(q).matching(&reports);
        assert_eq!(f("张家港"), vec![0], "Simplified finds Traditional");
        assert_eq!(f("無錫"), vec![1], "Traditional finds Simplified");
        assert_eq!(f("２０２４"), vec![1], "full-width digits");
        assert_eq!(
            f("張家港 2024"),
            Vec::<usize>::new(),
            "every word must match"
        );
        assert_eq!(f("wx-2024.txt"), vec![1], "file names, any case");
        assert_eq!(f("city 2023"), vec![0], "level and year");
        assert_eq!(f("  "), vec![0, 1], "no words: every report");
    }
}
