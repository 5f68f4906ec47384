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
    r.headings()
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
        .figures()
        .iter()
        .map(|f| format!("{}{}", f.value, f.unit))
        .collect();
    for figure in ["1472件", "146.57%", "5250件"] {
        assert!(stated.iter().any(|s| s == figure), "{figure} in {stated:?}");
    }
}

/// `check` on a folder holding one broken file and one good PDF: the good
/// one is reported, the broken one skipped with a one-line warning that
/// names it and says what is wrong, and the run succeeds.
fn folder_with_broken(broken: &str, problem: &str) {
    let dir = tempfile::tempdir().unwrap();
    let name = Path::new(broken).file_name().unwrap();
    std::fs::write(dir.path().join(name), fixture(broken)).unwrap();
    std::fs::write(
        dir.path().join("yixing.pdf"),
        fixture("formats/yixing-2024.pdf"),
    )
    .unwrap();
    let o = std::process::Command::new(crate::common::bin())
        .args(["check", dir.path().to_str().unwrap()])
        .env("XDG_CONFIG_HOME", crate::common::empty_dir())
        .env("XDG_DATA_HOME", crate::common::empty_dir())
        .stdin(std::process::Stdio::null())
        .output()
        .expect("run binary");
    let err = String::from_utf8_lossy(&o.stderr);
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(o.status.success(), "{broken}: {err}");
    assert!(out.contains("宜兴市 2024"), "{broken}: {out}");
    assert_eq!(err.lines().count(), 1, "{broken}: {err}");
    let name = name.to_str().unwrap();
    assert!(
        err.contains("warning") && err.contains(name) && err.contains(problem),
        "{broken}: {err}"
    );
    assert!(!err.contains("panicked"), "{err}");
}

#[test]
fn a_truncated_pdf_is_skipped_and_the_folder_read() {
    folder_with_broken("broken/truncated.pdf", "damaged or truncated PDF");
}

#[test]
fn an_encrypted_pdf_is_skipped_and_the_folder_read() {
    folder_with_broken("broken/encrypted.pdf", "encrypted PDF: it needs a password");
}

#[test]
fn a_scanned_pdf_is_skipped_and_the_folder_read() {
    folder_with_broken(
        "broken/scanned.pdf",
        "no text layer: a scanned PDF needs OCR first",
    );
}

#[test]
fn a_zip_that_is_not_word_is_skipped_and_the_folder_read() {
    folder_with_broken("broken/badzip.docx", "a zip archive, not a Word document");
    folder_with_broken("broken/notazip.docx", "named .docx but not a Word document");
}

#[test]
fn old_office_files_name_the_conversion_and_the_folder_is_read() {
    let hint = "soffice --headless --convert-to docx";
    folder_with_broken("broken/old.doc", hint);
    folder_with_broken("broken/report.rtf", hint);
}

/// A page as real sites write one: a commented-out paragraph with a figure,
/// named and numeric entities, attributes holding `>`, a hidden block.
const PAGE: &str = concat!(
    "<!DOCTYPE html><html><head>CHARSET",
    "<meta name=\"ArticleTitle\" content=\"東城區2022年法治政府建設年度情況報告\">",
    "<meta name=\"PubDate\" content=\"2023-03-28 10:02\">",
    "<title>東城區2022年法治政府建設年度情況報告_政務公開</title></head><body>",
    "<div class=\"nav\" data-x=\"a > b\"><a href=\"/\" title=\"首頁 > 公開\">首頁</a></div>",
    "<h1>東城區2022年法治政府建設年度情況報告</h1>",
    "<!-- <p>全年辦結行政復議案件999件。</p> -->",
    "<p>&ensp;&ensp;2022年，東城區堅持依法行政&mdash;&mdash;全面推進法治政府建設。</p>",
    "<h2>一、主要舉措和成效</h2>",
    "<p onclick=\"if (a > b) go()\">&emsp;全年辦結行政復議案件&#49;&#x32;0件，行政機關負責人出庭應訴率達到100&#37;。</p>",
    "<div style=\"display:none\"><p>隱藏的888件。</p></div>",
    "<h2>二、存在的不足</h2><p>基層執法力量仍需加強。</p>",
    "</body></html>",
);

fn page_report(bytes: &[u8]) -> Report {
    Report::from_bytes("dongcheng.html", bytes).expect("page reads")
}

/// What a reader must get from [`PAGE`] in any encoding.
fn assert_reads_as_a_browser_shows(r: &Report) {
    let values: Vec<String> = r
        .figures()
        .iter()
        .map(|f| format!("{}{}", f.value, f.unit))
        .collect();
    assert!(values.contains(&"120件".to_owned()), "{values:?}");
    assert!(values.contains(&"100%".to_owned()), "{values:?}");
    assert!(
        !values
            .iter()
            .any(|v| v.starts_with("999") || v.starts_with("888")),
        "{values:?}"
    );
    let text = lawgov_tui::text::script::to_simplified(&r.body_text());
    assert!(text.contains("依法行政——全面推进"), "{text}");
    assert!(!text.contains("go()") && !text.contains("a > b"), "{text}");
    assert_eq!(r.meta.year, Some(2022));
    assert_eq!(r.meta.published.as_deref(), Some("2023-03-28"));
    let headings: Vec<&str> = r.headings().iter().map(|h| h.marker.as_str()).collect();
    assert_eq!(headings, ["一、", "二、"]);
}

#[test]
fn a_real_page_reads_as_a_browser_shows_it() {
    let utf8 = PAGE.replace("CHARSET", "<meta charset=\"utf-8\">");
    assert_reads_as_a_browser_shows(&page_report(utf8.as_bytes()));
}

#[test]
fn a_big5_page_reads_declared_or_not() {
    for charset in ["<meta charset=\"big5\">", ""] {
        let page = PAGE.replace("CHARSET", charset);
        let (bytes, _, bad) = encoding_rs::BIG5.encode(&page);
        assert!(!bad);
        let r = page_report(&bytes);
        assert_eq!(r.encoding.name(), "Big5", "{charset}");
        assert_reads_as_a_browser_shows(&r);
    }
}

#[test]
fn a_page_is_read_in_the_charset_its_meta_names() {
    let page = PAGE.replace(
        "CHARSET",
        "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=gb2312\">",
    );
    let page = lawgov_tui::text::script::to_simplified(&page);
    let (bytes, _, bad) = encoding_rs::GBK.encode(&page);
    assert!(!bad);
    let r = page_report(&bytes);
    assert_eq!(r.encoding.name(), "GB18030");
    assert_reads_as_a_browser_shows(&r);
}

#[test]
fn bytes_of_no_chinese_encoding_say_so() {
    let err = Report::from_bytes("odd.html", &[0x81, 0x20, 0xFF, 0xFE, 0x80, 0x81, 0x20])
        .unwrap_err()
        .to_string();
    assert!(err.starts_with("encoding cannot be told"), "{err}");
}
