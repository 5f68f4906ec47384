//! `years` counts a place's year once: two files of one place and year are
//! one year read from the first, the other named beside it; file names
//! reach the terminal only in printable form, JSON keys are years, and
//! CSV numbers are written as the text states them.

use std::path::Path;
use std::process::Output;

use serde_json::Value;

fn years(args: &[&str]) -> Output {
    let mut all = vec!["years"];
    all.extend_from_slice(args);
    crate::common::run_ok(&all)
}

/// A file name a terminal would act on: colour, bell, a right-to-left
/// override and a C1 control sequence introducer.
const HOSTILE: &str = "a\u{1b}[31m\u{7}\u{202e}\u{9b}2J.txt";

const Y2022: &str =
    "某某市2022年法治政府建设情况报告\n一、主要举措\n全市信访总量同比增长0.1%,全年新收行政复议案件100件。\n";
const Y2023: &str =
    "某某市2023年法治政府建设情况报告\n一、主要举措\n全市信访总量同比增长0.3%,全年新收行政复议案件120件。\n";

/// 2022 once and 2023 twice: the hostile name sorts before the plain copy,
/// so it is the file the year is read from.
fn copies(dir: &Path) -> String {
    std::fs::write(dir.join("y2022.txt"), Y2022).unwrap();
    std::fs::write(dir.join(HOSTILE), Y2023).unwrap();
    std::fs::write(dir.join("z-copy.txt"), Y2023).unwrap();
    dir.display().to_string()
}

fn no_controls(out: &str) {
    for c in ['\u{1b}', '\u{7}', '\r', '\u{202e}', '\u{9b}'] {
        assert!(!out.contains(c), "{c:?} reached the output:\n{out}");
    }
}

#[test]
fn two_files_of_one_year_are_one_year_named_safely() {
    let dir = tempfile::tempdir().unwrap();
    let path = copies(dir.path());
    let out = String::from_utf8(years(&[&path]).stdout).unwrap();
    no_controls(&out);
    let head = out.lines().next().unwrap();
    assert!(head.ends_with("· 2022, 2023"), "{head}");
    let header = out.lines().find(|l| l.starts_with("indicator")).unwrap();
    assert_eq!(header.matches("2023").count(), 1, "{header}");
    let also = out.lines().find(|l| l.contains("also:")).unwrap();
    assert!(also.trim_start().starts_with("2023: "), "{also}");
    assert!(
        also.contains("a␛[31m␇"),
        "the hostile name, visible: {also}"
    );
    assert!(also.ends_with("z-copy.txt)"), "{also}");
}

#[test]
fn two_copies_alone_list_one_year() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("one.txt"), Y2023).unwrap();
    std::fs::write(dir.path().join("two.txt"), Y2023).unwrap();
    let out = String::from_utf8(years(&[&dir.path().display().to_string()]).stdout).unwrap();
    assert!(out.lines().next().unwrap().ends_with("· 2023"), "{out}");
    let v: Value =
        serde_json::from_slice(&years(&[&dir.path().display().to_string(), "--json"]).stdout)
            .unwrap();
    assert_eq!(v[0]["years"].as_array().unwrap().len(), 1);
}

#[test]
fn json_keys_are_years_and_the_file_has_its_own_field() {
    let dir = tempfile::tempdir().unwrap();
    let path = copies(dir.path());
    let o = years(&[&path, "--json"]);
    no_controls(&String::from_utf8_lossy(&o.stdout));
    let v: Value = serde_json::from_slice(&o.stdout).unwrap();
    let place = &v[0];
    let cells = place["indicators"]["reconsideration_received"]
        .as_object()
        .unwrap();
    let keys: Vec<&str> = cells.keys().map(String::as_str).collect();
    assert_eq!(keys, ["2022", "2023"]);
    let hostile = dir.path().join(HOSTILE).display().to_string();
    assert_eq!(cells["2023"]["file"], hostile.as_str());
    assert_eq!(cells["2023"]["value"], 120);
    let year = &place["years"][1];
    assert_eq!(year["year"], 2023);
    assert_eq!(year["file"], hostile.as_str());
    let copy = dir.path().join("z-copy.txt").display().to_string();
    assert_eq!(year["others"], serde_json::json!([copy]));
}

#[test]
fn csv_numbers_are_written_as_the_text_states_them() {
    let dir = tempfile::tempdir().unwrap();
    let path = copies(dir.path());
    let o = years(&[&path, "--csv"]);
    let text = String::from_utf8(o.stdout).unwrap();
    no_controls(&text);
    let mut r = csv::Reader::from_reader(text.as_bytes());
    let header: Vec<String> = r.headers().unwrap().iter().map(str::to_owned).collect();
    let at = |c: &str| header.iter().position(|h| h == c).unwrap();
    let rows: Vec<Vec<String>> = r
        .records()
        .map(|x| x.unwrap().iter().map(str::to_owned).collect())
        .collect();
    let petitions: Vec<(&str, &str, &str)> = rows
        .iter()
        .filter(|r| r[at("indicator")] == "petitions_change")
        .map(|r| (&*r[at("year")], &*r[at("value")], &*r[at("change")]))
        .collect();
    // 0.3 − 0.1 in binary floating point is 0.19999999999999998.
    assert_eq!(petitions, [("2022", "0.1", ""), ("2023", "0.3", "0.2")]);
    let years_of_received = rows
        .iter()
        .filter(|r| r[at("indicator")] == "reconsideration_received")
        .count();
    assert_eq!(years_of_received, 2, "2023 once, not once per file");
}
