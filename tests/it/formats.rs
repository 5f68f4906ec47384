//! One reading whatever the wrapper: each bundled report as text, as a
//! web page, as Word and as PDF (the files made by
//! scripts/make-format-fixtures.py) gives the same place, year, date,
//! headings and figures; the 公文 PDF and the styled Word file read as
//! their expected.json says.

use std::path::Path;

use lawgov_tui::report::Report;

use crate::invariance::{differences, read_bytes};

const REPORTS: &[&str] = &[
    "changzhou-2024",
    "hongze-2023",
    "mianyang-2024",
    "yixing-2024",
    "zhangjiagang-2023",
];

fn fixture(rel: &str) -> Vec<u8> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(rel);
    std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// The text as a plain web page: one `<p>` a line.
fn page(text: &str) -> String {
    let mut out =
        String::from("<!DOCTYPE html><html><head><meta charset=\"utf-8\"></head><body>\n");
    for line in text.lines().filter(|l| !l.trim().is_empty()) {
        out.push_str(&format!("<p>{}</p>\n", escape(line)));
    }
    out.push_str("</body></html>\n");
    out
}

#[test]
fn the_four_forms_of_each_report_read_the_same() {
    let mut failures = Vec::new();
    for name in REPORTS {
        let txt_path = format!(
            "{}/tests/shared/reports/{name}.txt",
            env!("CARGO_MANIFEST_DIR")
        );
        let text = std::fs::read_to_string(&txt_path).expect("bundled report");
        let plain = read_bytes(&format!("{name}.txt"), text.as_bytes());
        assert!(
            plain.place.is_some() && !plain.headings.is_empty() && !plain.figures.is_empty(),
            "{name}"
        );
        let forms: [(&str, Vec<u8>); 3] = [
            ("html", page(&text).into_bytes()),
            ("docx", fixture(&format!("formats/{name}.docx"))),
            ("pdf", fixture(&format!("formats/{name}.pdf"))),
        ];
        for (ext, bytes) in forms {
            let other = read_bytes(&format!("{name}.{ext}"), &bytes);
            for d in differences(&plain, &other) {
                failures.push(format!("{name}.{ext}: {d}"));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// A fixture's expected.json.
fn expected(name: &str) -> serde_json::Value {
    serde_json::from_slice(&fixture(&format!("formats/{name}.expected.json"))).expect("json")
}

fn open(rel: &str) -> Report {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(rel);
    Report::open(&path).unwrap_or_else(|e| panic!("{rel}: {e}"))
}

/// The headings as `level marker title`, as expected.json lists them.
fn heading_lines(r: &Report) -> Vec<String> {
    r.headings
        .iter()
        .map(|h| format!("{} {} {}", h.level, h.marker, h.title))
        .collect()
}

fn expected_headings(e: &serde_json::Value) -> Vec<String> {
    e["headings"]
        .as_array()
        .expect("headings")
        .iter()
        .map(|h| {
            format!(
                "{} {} {}",
                h["level"],
                h["marker"].as_str().unwrap(),
                h["title"].as_str().unwrap()
            )
        })
        .collect()
}

#[test]
fn a_gongwen_pdf_reads_with_its_identity_and_headings() {
    let e = expected("gongwen");
    let r = open("formats/gongwen.pdf");
    let m = &r.meta;
    assert_eq!(m.place.as_deref(), e["place"].as_str(), "{m:?}");
    assert_eq!(m.issuer.as_deref(), e["issuer"].as_str(), "{m:?}");
    assert_eq!(m.year, e["year"].as_i64().map(|y| y as i32), "{m:?}");
    assert_eq!(m.published.as_deref(), e["published"].as_str(), "{m:?}");
    assert_eq!(m.title.as_deref(), e["title"].as_str(), "{m:?}");
    assert_eq!(heading_lines(&r), expected_headings(&e));
    // No page number or furniture is report text.
    for n in e["page_numbers"].as_array().unwrap() {
        let n = n.as_str().unwrap();
        assert!(!r.body_text().lines().any(|l| l.trim() == n), "{n}");
    }
}

#[test]
fn a_styled_word_file_reads_with_its_numbered_headings_and_table() {
    let e = expected("styled");
    let r = open("formats/styled.docx");
    let m = &r.meta;
    assert_eq!(m.place.as_deref(), e["place"].as_str(), "{m:?}");
    assert_eq!(m.year, e["year"].as_i64().map(|y| y as i32), "{m:?}");
    assert_eq!(m.title.as_deref(), e["title"].as_str(), "{m:?}");
    assert_eq!(heading_lines(&r), expected_headings(&e));
    let lines: Vec<&str> = (1..=r.lines.len()).map(|n| r.line(n)).collect();
    for row in e["table"].as_array().unwrap() {
        let cells: Vec<&str> = row
            .as_array()
            .unwrap()
            .iter()
            .map(|c| c.as_str().unwrap())
            .collect();
        assert!(
            lines
                .iter()
                .any(|l| l.split('\t').map(str::trim).eq(cells.iter().copied())),
            "row {cells:?} not a line of {lines:#?}"
        );
    }
    let stated: Vec<String> = r
        .figures
        .iter()
        .map(|f| format!("{}{}", f.value, f.unit))
        .collect();
    for figure in ["1472件", "146.57%", "5250件"] {
        assert!(stated.iter().any(|s| s == figure), "{figure} in {stated:?}");
    }
}
