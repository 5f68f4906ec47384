//! `lawgov-tui search` on the bundled reports: a phrase in one script
//! finds the other's text, and every hit's line and column point at the
//! hit in the file the user opens (also in a hard-wrapped copy, whose
//! lines the program reads joined).

use std::path::Path;

use serde_json::Value;

use crate::common::{run_within, shared_dir};
use lawgov_tui::text::script;

fn hits(args: &[&str]) -> Vec<Value> {
    let out = run_within(60, args);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout)
        .expect("utf-8")
        .lines()
        .map(|l| serde_json::from_str(l).expect("one JSON object a line"))
        .collect()
}

fn reports() -> String {
    shared_dir().join("reports").display().to_string()
}

fn from(h: &Value, key: &str) -> String {
    h[key].as_str().unwrap_or_default().to_owned()
}

/// The file's text at the hit's line and column starts with the match
/// (or, where the match runs over a file line's end, with its start).
fn assert_points_into_file(h: &Value) {
    let file = from(h, "file");
    let text = std::fs::read_to_string(&file).expect("the bundled reports are UTF-8");
    let lines = lawgov_tui::text::split_lines(&text);
    let (line, col) = (h["line"].as_u64().unwrap(), h["col"].as_u64().unwrap());
    let at: String = lines[line as usize - 1]
        .chars()
        .skip(col as usize)
        .collect();
    let (at, matched) = (script::key(&at), script::key(&from(h, "match")));
    assert!(
        !at.is_empty() && (at.starts_with(&matched) || matched.starts_with(at.trim_end())),
        "{file}:{line}:{col} is {at:?}, not {matched:?}"
    );
}

#[test]
fn each_script_finds_the_other_and_hits_point_into_the_file() {
    let dir = reports();
    // Traditional words, a Simplified report's hits; and the other way.
    let trad = hits(&["search", "行政複議", &dir, "--json"]);
    let simp = hits(&["search", "行政复议", &dir, "--json"]);
    let files = |v: &[Value]| -> Vec<String> {
        let mut f: Vec<String> = v.iter().map(|h| from(h, "file")).collect();
        f.dedup();
        f
    };
    assert!(files(&trad).iter().any(|f| f.ends_with("hongze-2023.txt")));
    assert!(files(&simp)
        .iter()
        .any(|f| f.ends_with("changzhou-2024.txt")));
    assert_eq!(trad.len(), simp.len(), "one phrase, whichever script");
    for h in &trad {
        assert_eq!(script::key(&from(h, "match")), "行政复议");
        assert!(h["year"].is_i64() && !from(h, "place").is_empty());
        assert!(!from(h, "text").chars().any(char::is_control));
        assert_points_into_file(h);
    }
}

#[test]
fn hits_in_a_hard_wrapped_file_point_at_its_own_lines() {
    let dir = std::env::temp_dir().join(format!("lawgov-search-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let source = std::fs::read_to_string(shared_dir().join("reports/hongze-2023.txt")).unwrap();
    // Lines cut at 30 chars, as a PDF's text comes out.
    let mut wrapped = String::new();
    for line in source.lines() {
        let chars: Vec<char> = line.chars().collect();
        for piece in chars.chunks(30) {
            wrapped.extend(piece);
            wrapped.push('\n');
        }
    }
    let file = dir.join("hongze-wrapped.txt");
    std::fs::write(&file, wrapped).unwrap();
    let found = hits(&["search", "行政複議", &file.display().to_string(), "--json"]);
    let whole = hits(&["search", "行政複議", &reports(), "--json"]);
    let in_source = whole
        .iter()
        .filter(|h| from(h, "file").ends_with("hongze-2023.txt"))
        .count();
    assert!(found.len() >= in_source.saturating_sub(2) && !found.is_empty());
    for h in &found {
        assert_points_into_file(h);
    }
    let _ = std::fs::remove_dir_all(Path::new(&dir));
}

#[test]
fn csv_text_and_errors() {
    let dir = reports();
    let out = run_within(
        60,
        &["search", "复议.{0,8}\\d+件", &dir, "--regex", "--csv"],
    );
    assert!(out.status.success());
    let csv = String::from_utf8(out.stdout).unwrap();
    let mut rows = csv::Reader::from_reader(csv.as_bytes());
    let header: Vec<String> = rows.headers().unwrap().iter().map(str::to_owned).collect();
    assert_eq!(
        header,
        ["file", "place", "year", "section", "line", "col", "len", "match", "text"]
    );
    assert!(rows.records().count() > 0);
    // A bad file among good ones: the rest is searched, a warning names
    // it, and the exit status says so.
    let out = run_within(60, &["search", "法治", &dir, "no-such.txt"]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success());
    assert!(
        err.contains("no-such.txt") && err.contains("no such file"),
        "{err}"
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("hongze-2023.txt:"));
    // A pattern that is no regular expression: one line, exit 2.
    let out = run_within(60, &["search", "(", &dir, "--regex"]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(err.lines().count(), 1, "{err}");
}
