//! The headless commands read one report at a time: `outline` takes many
//! files (JSON lines when more than one), and a bad file named among good
//! ones is skipped with a warning, the rest written, the exit status
//! non-zero.

use serde_json::Value;

use crate::common::{run_within, shared_dir};

fn report(name: &str) -> String {
    shared_dir()
        .join("reports")
        .join(format!("{name}.txt"))
        .display()
        .to_string()
}

#[test]
fn outline_of_many_files_writes_one_object_a_line() {
    let (a, b) = (report("hongze-2023"), report("changzhou-2024"));
    let out = run_within(60, &["outline", &a, &b, "--json"]);
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    let objects: Vec<Value> = text
        .lines()
        .map(|l| serde_json::from_str(l).expect("one object a line"))
        .collect();
    assert_eq!(objects.len(), 2);
    assert_eq!(objects[0]["file"], a.as_str());
    assert_eq!(objects[1]["meta"]["place"], "常州市");
    // One file: one pretty object, as before.
    let one = run_within(60, &["outline", &a, "--json"]);
    let v: Value = serde_json::from_slice(&one.stdout).unwrap();
    assert_eq!(v["file"], a.as_str());
}

#[test]
fn a_bad_named_file_among_good_ones_is_skipped_and_said() {
    let (a, b) = (report("hongze-2023"), report("yixing-2024"));
    for cmd in ["check", "figures", "table", "outline"] {
        let out = run_within(60, &[cmd, &a, "no-such-report.txt", &b, "--json"]);
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{cmd}: {err}");
        assert!(
            err.lines()
                .any(|l| l.contains("warning") && l.contains("no-such-report.txt")),
            "{cmd}: {err}"
        );
        let text = String::from_utf8_lossy(&out.stdout);
        assert!(
            text.contains("hongze-2023.txt") && text.contains("yixing-2024.txt"),
            "{cmd}: the rest is written: {text}"
        );
        if cmd != "outline" {
            let v: Value = serde_json::from_str(&text).expect("a whole JSON array");
            assert!(v.is_array(), "{cmd}");
        }
    }
}

#[test]
fn streamed_output_is_the_same_array_as_before() {
    let dir = shared_dir().join("reports").display().to_string();
    for cmd in ["check", "figures", "table"] {
        let out = run_within(120, &[cmd, &dir, "--json"]);
        assert!(out.status.success(), "{cmd}");
        let text = String::from_utf8(out.stdout).unwrap();
        let v: Value = serde_json::from_str(&text).unwrap();
        let rows = v.as_array().unwrap();
        assert!(!rows.is_empty(), "{cmd}");
        // Written whole, the same value prints the same text.
        let whole = serde_json::to_string_pretty(&v).unwrap() + "\n";
        assert_eq!(text, whole, "{cmd}");
    }
}
