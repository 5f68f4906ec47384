//! `lawgov-tui reuse` as a script sees it: a report and its next year
//! with new figures (self-reuse, the numbers shown), near copies as one
//! group, the CSV safe for a spreadsheet, and one-line errors.

use std::path::Path;
use std::process::{Command, Output, Stdio};

use serde_json::Value;

use crate::common::{bin, shared_dir};

fn run_in(dir: &Path, args: &[&str]) -> Output {
    Command::new(bin())
        .current_dir(dir)
        .args(args)
        .env("XDG_CONFIG_HOME", crate::common::empty_dir())
        .env("XDG_DATA_HOME", crate::common::empty_dir())
        .stdin(Stdio::null())
        .output()
        .expect("run binary")
}

fn bundled(name: &str) -> String {
    std::fs::read_to_string(shared_dir().join("reports").join(format!("{name}.txt")))
        .expect("bundled report")
}

/// Next year's report written from this year's: the years moved on, and
/// every third number of two or three digits changed.
fn next_year(text: &str) -> String {
    let moved = text.replace("2024", "2025").replace("2023", "2024");
    let mut out = String::new();
    let mut digits = String::new();
    let mut n = 0;
    let mut flush = |digits: &mut String, out: &mut String| {
        if (2..=3).contains(&digits.len()) {
            n += 1;
            if n % 3 == 0 {
                let v: u32 = digits.parse().unwrap_or(0);
                *digits = (v + 7).to_string();
            }
        }
        out.push_str(digits);
        digits.clear();
    };
    for c in moved.chars() {
        if c.is_ascii_digit() {
            digits.push(c);
        } else {
            flush(&mut digits, &mut out);
            out.push(c);
        }
    }
    flush(&mut digits, &mut out);
    out
}

#[test]
fn last_years_report_with_new_figures_is_self_reuse_with_its_numbers() {
    let dir = tempfile::tempdir().unwrap();
    let text = bundled("yixing-2024");
    std::fs::write(dir.path().join("yixing-2024.txt"), &text).unwrap();
    std::fs::write(dir.path().join("yixing-2025.txt"), next_year(&text)).unwrap();
    std::fs::write(dir.path().join("hongze-2023.txt"), bundled("hongze-2023")).unwrap();
    let o = run_in(dir.path(), &["reuse", ".", "--json"]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let v: Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["reports"], 3);
    let pairs = v["pairs"].as_array().unwrap();
    assert_eq!(pairs.len(), 1, "{pairs:#?}");
    let p = &pairs[0];
    assert_eq!(p["relation"], "self-reuse");
    assert!(p["a_share"].as_f64().unwrap() > 0.8, "{}", p["a_share"]);
    let passages = p["passages"].as_array().unwrap();
    let numbers: Vec<&Value> = passages
        .iter()
        .flat_map(|x| x["numbers"].as_array().unwrap())
        .collect();
    assert!(
        numbers.iter().any(|n| n["a"] == "2024" && n["b"] == "2025"),
        "{numbers:?}"
    );
    assert!(numbers.len() >= 10, "{}", numbers.len());
    for x in passages {
        for side in ["a", "b"] {
            for key in ["section", "line", "col", "end_line", "end_col"] {
                assert!(x[side].get(key).is_some(), "{side}.{key}");
            }
        }
        assert!(x["chars"].as_u64().unwrap() >= 40);
    }
    let text = run_in(dir.path(), &["reuse", "."]);
    let out = String::from_utf8_lossy(&text.stdout);
    assert!(
        out.contains("[self-reuse]") && out.contains("2024→2025"),
        "{out}"
    );
}

#[test]
fn near_copies_are_one_group_and_the_csv_is_safe() {
    let dir = tempfile::tempdir().unwrap();
    let text = bundled("mianyang-2024");
    let places = ["德阳", "广元", "遂宁", "内江", "乐山", "南充"];
    let mut args = vec!["reuse", "--csv"];
    let names: Vec<String> = places
        .iter()
        .enumerate()
        .map(|(i, _)| match i {
            0 => "=1+2.txt".to_owned(),
            _ => format!("copy-{i}.txt"),
        })
        .collect();
    for (p, name) in places.iter().zip(&names) {
        std::fs::write(dir.path().join(name), text.replace("绵阳", p)).unwrap();
    }
    args.extend(names.iter().map(String::as_str));
    std::fs::write(dir.path().join("mianyang-2024.txt"), &text).unwrap();
    std::fs::write(dir.path().join("hongze-2023.txt"), bundled("hongze-2023")).unwrap();
    args.extend(["mianyang-2024.txt", "hongze-2023.txt"]);
    let o = run_in(dir.path(), &args);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let mut rd = csv::Reader::from_reader(&o.stdout[..]);
    let header: Vec<String> = rd.headers().unwrap().iter().map(str::to_owned).collect();
    assert_eq!(&header[..2], ["kind", "a_file"]);
    let rows: Vec<csv::StringRecord> = rd.records().map(Result::unwrap).collect();
    let members = rows.iter().filter(|r| &r[0] == "member").count();
    assert_eq!(members, 6, "seven near copies: the first and six members");
    for r in &rows {
        assert!(r.iter().all(|cell| !cell.starts_with('=')), "{r:?}");
    }
    let json_args: Vec<&str> = args
        .iter()
        .map(|a| if *a == "--csv" { "--json" } else { a })
        .collect();
    let v: Value = serde_json::from_slice(&run_in(dir.path(), &json_args).stdout).unwrap();
    let groups = v["groups"].as_array().unwrap();
    assert_eq!(groups.len(), 1);
    assert_eq!(groups[0]["members"].as_array().unwrap().len(), 7);
    // The group shares nothing with hongze: no pair is left.
    assert_eq!(v["pairs"].as_array().unwrap().len(), 0, "{:#?}", v["pairs"]);
    let text_args: Vec<&str> = args.iter().copied().filter(|a| *a != "--csv").collect();
    let out = run_in(dir.path(), &text_args);
    let out = String::from_utf8_lossy(&out.stdout);
    assert!(out.contains("Group 1: 7 near copies"), "{out}");
}

#[test]
fn bad_paths_and_lengths_are_one_line_errors() {
    let dir = tempfile::tempdir().unwrap();
    let o = run_in(dir.path(), &["reuse", "missing.txt"]);
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8_lossy(&o.stderr);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(
        err.contains("missing.txt") && err.contains("no such file"),
        "{err}"
    );
    std::fs::write(dir.path().join("empty.txt"), "").unwrap();
    let o = run_in(dir.path(), &["reuse", "empty.txt"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("empty.txt"));
    let o = run_in(dir.path(), &["reuse", ".", "--min-chars", "3"]);
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn control_characters_never_reach_the_terminal() {
    let dir = tempfile::tempdir().unwrap();
    let text = "一、概况\n全年办理行政复议案件256件\u{9b}\u{1b}[31m，开展执法案卷评查活动覆盖全区各执法部门，推动执法信息化建设取得新进展，全面推行行政执法公示制度。\n";
    std::fs::write(dir.path().join("a.txt"), text).unwrap();
    std::fs::write(dir.path().join("b.txt"), text.replace("256", "300")).unwrap();
    let json = run_in(dir.path(), &["reuse", "a.txt", "b.txt", "--json"]);
    let out = String::from_utf8(json.stdout).unwrap();
    assert!(out.contains("\\u009b") && !out.contains('\u{9b}'), "{out}");
    let v: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["pairs"][0]["passages"][0]["numbers"][0]["b"], "300");
    let plain = run_in(dir.path(), &["reuse", "a.txt", "b.txt"]);
    let out = String::from_utf8(plain.stdout).unwrap();
    assert!(out.contains("256→300"), "{out}");
    assert!(
        !out.chars().any(|c| c == '\u{1b}' || c == '\u{9b}'),
        "{out}"
    );
}
