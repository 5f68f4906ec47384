//! Catalogues are passed in, never read from a global: the library loads
//! the bundled reports the same whatever the machine's config folder
//! holds, and the program warns in one line about a broken user file and
//! goes on with the built-in catalogue.

use std::process::{Command, Stdio};

use crate::common::{bin, run_within_config, shared_dir};
use lawgov_tui::{Catalogues, Library};

fn mappings(lib: &Library) -> Vec<(String, usize, Option<String>)> {
    lib.reports
        .iter()
        .flat_map(|r| {
            r.figures()
                .iter()
                .map(|f| (r.file.clone(), f.line, f.indicator.clone()))
        })
        .collect()
}

/// One test in this binary: it sets the config folder for the process.
#[test]
fn the_config_folder_changes_nothing_the_library_is_not_given() {
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("lawgov-tui");
    std::fs::create_dir_all(&config).unwrap();
    // A catalogue that would map every case count to an indicator of its
    // own, and a broken topics file.
    std::fs::write(
        config.join("indicators.toml"),
        "[[indicator]]\nid = \"mine\"\nname = \"我的\"\naliases = [\"案件\"]\nunit = \"件\"\nkind = \"count\"\n",
    )
    .unwrap();
    std::fs::write(config.join("topics.toml"), "[[topic]]\nid = 3\n").unwrap();
    let before = mappings(&Library::bundled());
    std::env::set_var("XDG_CONFIG_HOME", dir.path());
    let after = mappings(&Library::bundled());
    assert_eq!(
        before, after,
        "the bundled reports load with the built-in catalogue"
    );
    assert!(after.iter().all(|(_, _, id)| id.as_deref() != Some("mine")));

    // The program reads the folder: the user's indicator is used, the
    // broken topics file is one warning line, and the command goes on.
    let (c, errors) = Catalogues::with_user_files();
    assert!(c.indicators.get("mine").is_some());
    assert_eq!(errors.len(), 1);
    let report = shared_dir().join("reports/hongze-2023.txt");
    let o = Command::new(bin())
        .args(["figures", "--indicator", "mine", "--json"])
        .arg(&report)
        .env("XDG_CONFIG_HOME", dir.path())
        .stdin(Stdio::null())
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(o.status.success(), "{err}");
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(
        err.contains("topics.toml") && err.contains("warning"),
        "{err}"
    );
    let figures: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert!(
        !figures.as_array().unwrap().is_empty(),
        "the user's indicator maps figures"
    );
}

/// A user's catalogue written to do harm: an id that would be a live
/// formula in a spreadsheet, names with terminal escapes, keywords of
/// 10,000 chars. The bad entries are refused with one warning line each
/// naming the file and the id; the names that stay reach no output raw.
#[test]
fn a_hostile_user_catalogue_is_refused_entry_by_entry() {
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("lawgov-tui");
    std::fs::create_dir_all(&config).unwrap();
    let long = "法".repeat(10_000);
    std::fs::write(
        config.join("indicators.toml"),
        format!(
            r#"[[indicator]]
id = "=HYPERLINK(\"http://x\")"
name = "formula"
aliases = ["行政复议案件"]
unit = "件"
kind = "count"

[[indicator]]
id = "long_alias"
name = "long"
aliases = ["{long}"]
unit = "件"
kind = "count"

[[indicator]]
id = "reconsideration_received"
name = "=cmd\u001b[31m复议收案\u0007\u202e"
aliases = ["新收行政复议案件", "收到行政复议案件", "受理行政复议案件", "收到行政复议申请", "受理行政复议申请", "行政复议收案"]
about = ["行政复议", "复议"]
cues = ["新收", "收到", "受理", "收案", "办理"]
units = ["件"]
unit = "件"
kind = "count"
main = true
"#
        ),
    )
    .unwrap();
    std::fs::write(
        config.join("topics.toml"),
        format!(
            r#"[[topic]]
id = "Bad Id"
name = "x"
[[topic.keywords]]
weight = 1
terms = ["行政复议"]

[[topic]]
id = "long_term"
name = "long"
[[topic.keywords]]
weight = 1
terms = ["{long}"]

[[topic]]
id = "mine"
name = "\u001b]0;title\u0007复议"
[[topic.keywords]]
weight = 5
terms = ["行政复议"]
"#
        ),
    )
    .unwrap();
    let report = shared_dir().join("reports/hongze-2023.txt");
    let report = report.to_str().unwrap();
    let raw = |bytes: &[u8]| {
        let s = String::from_utf8_lossy(bytes);
        s.chars()
            .any(|c| c == '\u{1b}' || c == '\u{7}' || c == '\u{202e}')
    };
    // figures reads both catalogues: a long word must not slow it.
    let o = run_within_config(20, &["figures", report], dir.path());
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let err = String::from_utf8_lossy(&o.stderr);
    let warnings: Vec<&str> = err.lines().filter(|l| l.contains("warning")).collect();
    assert_eq!(warnings.len(), 4, "{err}");
    for (file, id) in [
        ("indicators.toml", "HYPERLINK"),
        ("indicators.toml", "long_alias"),
        ("topics.toml", "Bad Id"),
        ("topics.toml", "long_term"),
    ] {
        assert!(
            warnings.iter().any(|w| w.contains(file) && w.contains(id)),
            "{file} {id}: {err}"
        );
    }
    let table = run_within_config(60, &["table", report], dir.path());
    assert!(table.status.success());
    assert!(!raw(&table.stdout), "table text is sanitised");
    // The name is shown, its escapes as visible symbols.
    let shown = "␛[31m复议";
    assert!(
        String::from_utf8_lossy(&table.stdout).contains(shown),
        "the user's name is used"
    );
    let csv = run_within_config(60, &["table", "--csv", report], dir.path());
    assert!(csv.status.success());
    assert!(!raw(&csv.stdout));
    let mut reader = csv::Reader::from_reader(csv.stdout.as_slice());
    let header = reader.headers().unwrap().clone();
    assert!(header.iter().any(|h| h == "reconsideration_received"));
    assert!(
        header.iter().all(|h| !h.starts_with(['=', '+', '-', '@'])),
        "{header:?}"
    );
    for args in [
        vec!["diff", report, report],
        vec!["diff", "--figures", report, report],
    ] {
        let o = run_within_config(60, &args, dir.path());
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
        assert!(!raw(&o.stdout), "{args:?} is sanitised");
        let out = String::from_utf8_lossy(&o.stdout);
        assert!(out.contains("复议"), "{args:?} shows the user's names");
    }
    let figures = run_within_config(60, &["diff", "--figures", report, report], dir.path());
    assert!(String::from_utf8_lossy(&figures.stdout).contains(shown));
}
