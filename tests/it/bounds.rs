//! Every step linear or bounded: inputs that made a command hang, walk
//! the whole file system or run out of memory end, quickly, with what can
//! be read and a message for the rest.

use crate::common::{run_within, shared_dir};

/// A folder holding a link to `/` is read without walking the file
/// system: the link is not followed out of the folder named.
#[cfg(unix)]
#[test]
fn a_link_to_the_root_is_not_walked() {
    let dir = tempfile::tempdir().unwrap();
    std::os::unix::fs::symlink("/", dir.path().join("root")).unwrap();
    std::os::unix::fs::symlink("/proc/self", dir.path().join("self")).unwrap();
    std::fs::copy(
        shared_dir().join("reports/hongze-2023.txt"),
        dir.path().join("h.txt"),
    )
    .unwrap();
    let d = dir.path().to_str().unwrap();
    let o = run_within(20, &["check", d, "--json"]);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let checks: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(checks.as_array().map(Vec::len), Some(1), "{checks}");
}

/// A page whose full stops were lost: one sentence of `bytes` bytes,
/// clauses joined by commas, clause `i` stating `i % 997 + 3` 件.
fn one_long_sentence(bytes: usize) -> (String, usize) {
    let mut text = String::with_capacity(bytes + 64);
    let mut clauses = 0;
    while text.len() < bytes {
        text.push_str(&format!("全市受理行政复议案件{}件，", clauses % 997 + 3));
        clauses += 1;
    }
    (text, clauses)
}

/// Reading figures is linear in the text whatever its punctuation: a
/// 1 MB sentence without 。 is read in seconds, and every clause's figure
/// is found, in order, with its value.
#[test]
fn a_sentence_of_a_megabyte_without_full_stops_is_read() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("long.txt");
    let (text, clauses) = one_long_sentence(1024 * 1024);
    std::fs::write(&path, format!("某市2023年法治政府建设情况报告\n{text}\n")).unwrap();
    let o = run_within(60, &["figures", "--json", path.to_str().unwrap()]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let figures: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let values: Vec<i64> = figures
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["unit"] == "件")
        .filter_map(|f| f["value"].as_i64())
        .collect();
    let expected: Vec<i64> = (0..clauses).map(|i| (i % 997 + 3) as i64).collect();
    assert_eq!(values.len(), expected.len());
    assert!(
        values == expected,
        "the figures are the clauses' own, in order"
    );
}

/// UTF-16 saved without a byte-order mark is read as UTF-16 (in either
/// byte order), not refused as a binary file.
#[test]
fn utf16_without_a_byte_order_mark_is_read() {
    let dir = tempfile::tempdir().unwrap();
    let source = shared_dir().join("reports/hongze-2023.txt");
    let text = std::fs::read_to_string(&source).unwrap();
    let want = run_within(20, &["outline", "--json", source.to_str().unwrap()]);
    assert!(want.status.success());
    let outline = |o: &std::process::Output| {
        let mut v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
        // The outline's own record of the encoding and file differ.
        for key in ["file", "encoding"] {
            v.as_object_mut().unwrap().remove(key);
        }
        v
    };
    for (name, bytes) in [
        (
            "le.txt",
            text.encode_utf16()
                .flat_map(u16::to_le_bytes)
                .collect::<Vec<u8>>(),
        ),
        (
            "be.txt",
            text.encode_utf16().flat_map(u16::to_be_bytes).collect(),
        ),
    ] {
        let path = dir.path().join(name);
        std::fs::write(&path, bytes).unwrap();
        let o = run_within(20, &["outline", "--json", path.to_str().unwrap()]);
        let err = String::from_utf8_lossy(&o.stderr);
        assert!(o.status.success(), "{name}: {err}");
        assert_eq!(outline(&o), outline(&want), "{name}");
    }
}

/// `--time-limit` covers the whole command, reading the files included:
/// two large reports with a small limit end, and stderr says which
/// figures were cut and where.
#[test]
fn the_time_limit_covers_reading_the_files() {
    let dir = tempfile::tempdir().unwrap();
    let text = std::fs::read_to_string(shared_dir().join("reports/hongze-2023.txt")).unwrap();
    let big = text.repeat(12 * 1024 * 1024 / text.len());
    let (a, b) = (dir.path().join("a.txt"), dir.path().join("b.txt"));
    std::fs::write(&a, &big).unwrap();
    std::fs::write(&b, &big).unwrap();
    let (a, b) = (a.to_str().unwrap(), b.to_str().unwrap());
    for args in [vec!["diff"], vec!["followup", "--force"]] {
        let command = args[0];
        let args = [args, vec![a, b, "--time-limit", "300"]].concat();
        let o = run_within(120, &args);
        let err = String::from_utf8_lossy(&o.stderr);
        assert!(o.status.success(), "{command}: {err}");
        assert!(
            err.lines()
                .any(|l| l.contains("time limit") && l.contains("a.txt") && l.contains("line")),
            "{command} says what was cut: {err}"
        );
    }
}

/// `--time-limit` bounds reading itself, not only figures and the
/// comparison: two 31 MB reports of one sentence each (no line to stop
/// at) with a limit of 1 ms end, each file's cut said on one line of
/// stderr, and the output is valid and holds only what was read.
#[test]
fn the_time_limit_cuts_the_text_of_one_sentence_files() {
    let dir = tempfile::tempdir().unwrap();
    let (text, _) = one_long_sentence(31 * 1024 * 1024);
    let (a, b) = (dir.path().join("a.txt"), dir.path().join("b.txt"));
    std::fs::write(&a, &text).unwrap();
    std::fs::write(&b, text.replace("件，", "件；")).unwrap();
    let (a, b) = (a.to_str().unwrap(), b.to_str().unwrap());
    let chars = text.chars().count();
    for args in [vec!["diff"], vec!["followup", "--force"]] {
        let command = args[0];
        let args = [args, vec![a, b, "--json", "--time-limit", "1"]].concat();
        let o = run_within(120, &args);
        let err = String::from_utf8_lossy(&o.stderr);
        assert!(o.status.success(), "{command}: {err}");
        let json: serde_json::Value = serde_json::from_slice(&o.stdout)
            .unwrap_or_else(|e| panic!("{command}: output is not JSON: {e}"));
        let mut read = Vec::new();
        for file in ["a.txt", "b.txt"] {
            let said: Vec<&str> = err
                .lines()
                .filter(|l| l.contains("time limit") && l.contains(file))
                .collect();
            assert_eq!(said.len(), 1, "{command}: one line for {file}: {err}");
            let counts: Vec<usize> = said[0]
                .split_once("read only the first ")
                .unwrap_or_else(|| panic!("{command}: {file}: {err}"))
                .1
                .split(|c: char| !c.is_ascii_digit())
                .filter_map(|n| n.parse().ok())
                .take(2)
                .collect();
            assert_eq!(counts.get(1), Some(&chars), "{command}: {}", said[0]);
            assert!(counts[0] > 0 && counts[0] < chars, "{}", said[0]);
            read.push(counts[0]);
        }
        if command == "diff" {
            // What the comparison shows of A is the beginning A read.
            let shown = json["pairs"][0]["a_text"].as_str().unwrap_or_default();
            assert!(
                !shown.is_empty() && shown.chars().count() <= read[0],
                "{json}"
            );
            assert!(text.starts_with(shown), "{command}: A's text as written");
        }
    }
}

/// Follow-up reads a review of one long sentence in time linear in it:
/// each of its clauses was cut from the paragraph's start, so 2 MB took
/// minutes in a debug build. A's plan is found at the end of B's
/// sentence, where the file has it.
#[test]
fn follow_up_of_a_review_of_one_long_sentence_ends() {
    let dir = tempfile::tempdir().unwrap();
    let (text, _) = one_long_sentence(2 * 1024 * 1024);
    let (a, b) = (dir.path().join("a.txt"), dir.path().join("b.txt"));
    std::fs::write(
        &a,
        "某市2023年法治政府建设情况报告\n一、主要工作\n全年依法行政，成效明显。\n\
         二、2024年工作安排\n推进府院联动机制建设。\n",
    )
    .unwrap();
    let line = format!("{text}府院联动机制建设全面推进。");
    let review = format!("某市2024年法治政府建设情况报告\n一、主要工作\n{line}\n");
    std::fs::write(&b, review).unwrap();
    let (a, b) = (a.to_str().unwrap(), b.to_str().unwrap());
    let o = run_within(60, &["followup", "--force", "--json", a, b]);
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(o.status.success(), "{err}");
    let json: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let promise = &json["promises"][0];
    assert_eq!(promise["status"], "reported", "{promise}");
    let evidence = &promise["evidence"][0];
    let said = evidence["text"].as_str().unwrap_or_default();
    assert!(said.ends_with("府院联动机制建设全面推进"), "{evidence}");
    assert_eq!(evidence["line"], 3, "{evidence}");
    let col = evidence["col"].as_u64().unwrap_or_default() as usize;
    let at: String = line.chars().skip(col).collect();
    assert!(at.starts_with(said), "the file's own column: {evidence}");
}

/// A folder, or a subfolder, that cannot be read says permission denied,
/// naming it, rather than "holds no reports" or nothing at all.
#[cfg(unix)]
#[test]
fn an_unreadable_folder_says_permission_denied() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let (top, sub) = (dir.path().join("top"), dir.path().join("lib/sub"));
    std::fs::create_dir_all(&top).unwrap();
    std::fs::create_dir_all(&sub).unwrap();
    std::fs::copy(
        shared_dir().join("reports/hongze-2023.txt"),
        dir.path().join("lib/h.txt"),
    )
    .unwrap();
    for d in [&top, &sub] {
        std::fs::set_permissions(d, std::fs::Permissions::from_mode(0o000)).unwrap();
    }
    let run = |p: &std::path::Path| run_within(20, &["check", p.to_str().unwrap()]);
    let (o_top, o_sub) = (run(&top), run(&dir.path().join("lib")));
    for d in [&top, &sub] {
        std::fs::set_permissions(d, std::fs::Permissions::from_mode(0o700)).unwrap();
    }
    // Root reads every folder: chmod denies nothing to assert on.
    if unsafe { libc::geteuid() } == 0 {
        return;
    }
    for (o, name) in [(o_top, "top"), (o_sub, "sub")] {
        let err = String::from_utf8_lossy(&o.stderr).to_lowercase();
        assert!(
            err.lines()
                .any(|l| l.contains(name) && l.contains("permission denied")),
            "{name}: {err}"
        );
    }
}
