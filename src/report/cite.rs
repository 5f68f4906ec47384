//! Where a passage of a report stands, as a reader cites it beside what
//! they quote: the government and year, the report's title, the section,
//! the line, and the file.

use super::Report;

impl Report {
    /// "常州市 2024 · 《…》 · 一、… › (二)… · line 12 · data/changzhou-2024.txt":
    /// what is known of the report, the section `section` (if any) and
    /// line `line` (1-based, if any; given as the file counts it), with
    /// file names printable.
    pub(crate) fn citation(&self, section: Option<usize>, line: Option<usize>) -> String {
        let mut parts = vec![self.label()];
        if let Some(title) = self.meta.title.as_deref().filter(|t| !t.is_empty()) {
            parts.push(format!("《{title}》"));
        }
        if let Some(s) = section.filter(|&s| s < self.sections().len()) {
            parts.push(self.heading_path(s));
        }
        if let Some(line) = line {
            parts.push(format!("line {}", self.file_line(line)));
        }
        parts.push(self.file.clone());
        crate::text::printable(&parts.join(" · ")).into_owned()
    }

    /// The sentence of line `line` that holds char `col`, as written.
    pub(crate) fn sentence_text(&self, line: usize, col: usize) -> String {
        let range = self.sentence_at(line, col);
        self.line(line)
            .chars()
            .skip(range.start)
            .take(range.len())
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use crate::report::{Report, TextEncoding};

    #[test]
    fn a_citation_names_the_report_section_line_and_file() {
        let r = Report::parse(
            "data/x.txt",
            "某市2024年法治政府建设情况报告\n一、主要举措\n(一)复议。全年办理行政复议案件120件。\n"
                .into(),
            TextEncoding::Utf8,
        );
        let s = r.sections().len() - 1;
        let c = r.citation(Some(s), Some(3));
        assert!(c.contains("2024"), "{c}");
        assert!(c.contains("一、主要举措 › (一)复议"), "{c}");
        assert!(c.ends_with("line 3 · data/x.txt"), "{c}");
        assert_eq!(r.sentence_text(3, 10), "全年办理行政复议案件120件。");
    }
}
