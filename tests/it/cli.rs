//! The CLI as a script sees it: output, exit codes, and one-line errors for
//! bad input.

use std::io::Write;
use std::path::Path;
use std::process::{Command, Output, Stdio};

use crate::common::{bin, gold, gold_names, shared_dir};
use serde_json::Value;

fn run(args: &[&str]) -> Output {
    Command::new(bin())
        .args(args)
        // The machine's own catalogues and library stay out of the tests.
        .env("XDG_CONFIG_HOME", crate::common::empty_dir())
        .env("XDG_DATA_HOME", crate::common::empty_dir())
        .stdin(Stdio::null())
        .output()
        .expect("run binary")
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn report_path(name: &str) -> String {
    shared_dir()
        .join("reports")
        .join(format!("{name}.txt"))
        .display()
        .to_string()
}

/// Exit 2, and exactly one line on stderr that names the file and says
/// what is wrong.
fn assert_one_line_error(o: &Output, file: &str, problem: &str) {
    let err = stderr(o);
    assert_eq!(o.status.code(), Some(2), "exit code; stderr: {err}");
    assert_eq!(err.lines().count(), 1, "one line: {err}");
    assert!(err.contains(file), "names {file}: {err}");
    assert!(err.contains(problem), "says {problem}: {err}");
    assert!(!err.contains("panicked"), "{err}");
}

#[test]
fn outline_json_has_the_documented_shape() {
    let o = run(&["outline", &report_path("hongze-2023"), "--json"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let v: Value = serde_json::from_slice(&o.stdout).unwrap();
    for key in [
        "issuer",
        "place",
        "year",
        "published",
        "title",
        "source",
        "script",
    ] {
        assert!(v["meta"].get(key).is_some(), "meta.{key}");
    }
    assert_eq!(v["headings"], gold("hongze-2023")["headings"]);
    let item = &v["items"].as_array().unwrap();
    assert!(item.is_empty() || item[0].get("text_start").is_some());
    assert!(v["file"].as_str().unwrap().ends_with("hongze-2023.txt"));
}

#[test]
fn outline_text_is_an_indented_tree() {
    let o = run(&["outline", &report_path("zhangjiagang-2023")]);
    let out = String::from_utf8(o.stdout).unwrap();
    assert!(out.contains("\n   L3  一、黨政主要負責人"), "{out}");
    assert!(out.contains("\n   L8    (一)堅持黨的全面領導"), "{out}");
    assert!(out.contains("\n   L9      1.加強統籌部署"), "{out}");
}

#[test]
fn check_json_matches_gold_parts() {
    let paths: Vec<String> = gold_names().iter().map(|n| report_path(n)).collect();
    let mut args = vec!["check", "--json"];
    args.extend(paths.iter().map(String::as_str));
    let o = run(&args);
    assert!(o.status.success(), "{}", stderr(&o));
    let rows: Vec<Value> = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(rows.len(), paths.len());
    for (row, name) in rows.iter().zip(gold_names()) {
        let g = gold(&name);
        for part in ["measures", "shortcomings", "leader_duty", "next_year"] {
            assert_eq!(row["parts"][part], g["parts"][part], "{name} {part}");
        }
        assert!(row.get("published_on_time").is_some());
    }
}

#[test]
fn check_says_the_level_the_date_and_where_the_date_came_from() {
    let o = run(&[
        "check",
        "--json",
        &report_path("hongze-2023"),
        &report_path("changzhou-2024"),
    ]);
    let rows: Vec<Value> = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(rows[0]["level"], "county");
    assert_eq!(rows[0]["published"], "2024-01-25");
    assert_eq!(rows[0]["date_source"], "metadata");
    assert_eq!(rows[0]["on_time"], "yes");
    // The Changzhou page keeps no date: unknown, never a guess.
    assert_eq!(rows[1]["level"], "city");
    assert_eq!(rows[1]["published"], Value::Null);
    assert_eq!(rows[1]["published_on_time"], Value::Null);
    assert_eq!(rows[1]["on_time"], "date unknown");
    let o = run(&["check", &report_path("changzhou-2024")]);
    let out = String::from_utf8(o.stdout).unwrap();
    assert!(
        out.lines().nth(1).unwrap().contains("date unknown"),
        "{out}"
    );
}

#[test]
fn check_text_table_lines_up() {
    let o = run(&["check", &shared_dir().join("reports").display().to_string()]);
    let out = String::from_utf8(o.stdout).unwrap();
    assert_eq!(out.lines().count(), 6, "{out}");
    let col = |l: &str| {
        lawgov_tui::text::width(&l[..l.find("section").or_else(|| l.find("measures")).unwrap()])
    };
    let first = col(out.lines().next().unwrap());
    for l in out.lines() {
        assert_eq!(col(l), first, "columns line up by display width:\n{out}");
    }
}

#[test]
fn missing_path() {
    let o = run(&["outline", "no-such-report.txt"]);
    assert_one_line_error(&o, "no-such-report.txt", "no such file");
    let o = run(&["check", "no-such-dir/"]);
    assert_one_line_error(&o, "no-such-dir", "no such file");
}

#[test]
fn folder_without_reports() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("notes.md"), "# not a report").unwrap();
    let o = run(&["check", dir.path().to_str().unwrap()]);
    assert_one_line_error(&o, &dir.path().display().to_string(), "no reports");
}

fn bad_file(name: &str, bytes: &[u8], problem: &str) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(name);
    std::fs::write(&path, bytes).unwrap();
    let o = run(&["outline", path.to_str().unwrap()]);
    assert_one_line_error(&o, name, problem);
    assert!(o.stdout.is_empty());
}

#[test]
fn empty_file() {
    bad_file("empty.txt", b"", "empty");
}

#[test]
fn png_file() {
    let mut png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".to_vec();
    png.extend(std::iter::repeat_n(0u8, 200));
    bad_file("picture.txt", &png, "PNG");
}

#[test]
fn undecodable_bytes() {
    bad_file(
        "garbage.txt",
        &[0x81, 0x20, 0xFF, 0xFE, 0x80, 0x30, 0x81, 0x20],
        "encoding",
    );
}

#[test]
fn control_characters_and_escapes() {
    bad_file(
        "escapes.txt",
        "\u{1b}[2J\u{1b}[31m\u{7}\u{1b}]0;x\u{7}"
            .repeat(100)
            .as_bytes(),
        "control characters",
    );
}

#[test]
fn fifty_megabytes_on_one_line() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("huge.txt");
    let mut f = std::fs::File::create(&path).unwrap();
    let chunk = "法治政府建设".repeat(1000);
    while f.metadata().unwrap().len() < 50 * 1024 * 1024 {
        f.write_all(chunk.as_bytes()).unwrap();
    }
    drop(f);
    let o = run(&["outline", path.to_str().unwrap()]);
    assert_one_line_error(&o, "huge.txt", "too large");
    // One unit for the size and the limit.
    let err = stderr(&o);
    assert!(
        err.contains("MiB; the limit is 32 MiB") && !err.contains(" MB"),
        "{err}"
    );
}

#[test]
fn a_long_line_under_the_limit_is_read() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("long.txt");
    let line = format!("一、标题\n{}。\n", "法治政府建设,".repeat(400_000));
    std::fs::write(&path, line).unwrap();
    let o = run(&["outline", path.to_str().unwrap(), "--json"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let v: Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["headings"][0]["title"], "标题");
}

#[test]
fn escapes_inside_a_report_never_reach_stdout() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("evil.txt");
    let text = "一、标题\u{1b}[31m红\u{1b}]0;title\u{7}\n正文正文正文正文正文正文正文正文正文正文正文正文。\n";
    std::fs::write(&path, text).unwrap();
    let o = run(&["outline", path.to_str().unwrap()]);
    assert!(o.status.success());
    assert!(
        !o.stdout.contains(&0x1b) && !o.stdout.contains(&0x07),
        "{:?}",
        String::from_utf8_lossy(&o.stdout)
    );
    let json = run(&["outline", path.to_str().unwrap(), "--json"]);
    assert!(
        !json.stdout.contains(&0x1b),
        "JSON escapes control characters"
    );
}

#[test]
fn folder_skips_bad_files_with_a_warning() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(report_path("yixing-2024"), dir.path().join("yixing.txt")).unwrap();
    std::fs::write(dir.path().join("broken.txt"), b"").unwrap();
    std::fs::write(dir.path().join("image.png"), b"\x89PNG").unwrap();
    let o = run(&["check", dir.path().to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(out.contains("宜兴市 2024"), "{out}");
    let err = stderr(&o);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(
        err.contains("warning") && err.contains("broken.txt") && err.contains("empty"),
        "{err}"
    );
}

fn encoded_like_utf8(bytes: Vec<u8>) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("encoded.txt");
    std::fs::write(&path, bytes).unwrap();
    let ours = run(&["outline", path.to_str().unwrap(), "--json"]);
    assert!(ours.status.success(), "{}", stderr(&ours));
    let utf8 = run(&["outline", &report_path("zhangjiagang-2023"), "--json"]);
    let a: Value = serde_json::from_slice(&ours.stdout).unwrap();
    let b: Value = serde_json::from_slice(&utf8.stdout).unwrap();
    assert_eq!(a["headings"], b["headings"]);
    assert_eq!(a["meta"], b["meta"]);
}

#[test]
fn gbk_and_utf16_files_read_like_utf8() {
    let text = std::fs::read_to_string(report_path("zhangjiagang-2023")).unwrap();
    let (gbk, _, lossy) = encoding_rs::GB18030.encode(&text);
    assert!(!lossy);
    encoded_like_utf8(gbk.into_owned());
    let mut utf16 = vec![0xFF, 0xFE];
    utf16.extend(text.encode_utf16().flat_map(|u| u.to_le_bytes()));
    encoded_like_utf8(utf16);
    let crlf = text.replace('\n', "\r\n");
    encoded_like_utf8([b"\xEF\xBB\xBF".as_slice(), crlf.as_bytes()].concat());
}

#[test]
fn html_pages_are_read_as_text() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("page.html");
    let text = std::fs::read_to_string(report_path("hongze-2023")).unwrap();
    let body: String = text
        .lines()
        .map(|l| format!("<p>{}</p>\n", l.replace('&', "&amp;")))
        .collect();
    std::fs::write(
        &path,
        format!("<html><head><title>x</title></head><body>{body}</body></html>"),
    )
    .unwrap();
    let o = run(&["outline", path.to_str().unwrap(), "--json"]);
    let v: Value = serde_json::from_slice(&o.stdout).unwrap();
    let titles: Vec<&Value> = v["headings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| &h["title"])
        .collect();
    let g = gold("hongze-2023");
    let gold_titles: Vec<&Value> = g["headings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| &h["title"])
        .collect();
    assert_eq!(titles, gold_titles);
}

#[test]
fn help_and_version() {
    let o = run(&["--help"]);
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(
        out.contains("Examples:") && out.contains("library folder"),
        "{out}"
    );
    assert!(out.contains("lawgov-tui/reports") || out.contains("no data folder"));
    let v = run(&["--version"]);
    assert!(String::from_utf8_lossy(&v.stdout).starts_with("lawgov-tui "));
}

#[test]
fn tui_with_only_bad_paths_exits_2() {
    let o = run(&["no-such-folder"]);
    assert_one_line_error(&o, "no-such-folder", "no such file");
}

#[test]
fn closed_pipe_is_not_a_panic() {
    let mut child = Command::new(bin())
        .args(["outline", &report_path("changzhou-2024")])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take());
    let o = child.wait_with_output().unwrap();
    assert!(!stderr(&o).contains("panicked"), "{}", stderr(&o));
}

#[test]
fn input_files_are_only_read() {
    let p = report_path("mianyang-2024");
    let before = std::fs::metadata(&p).unwrap().modified().unwrap();
    run(&["outline", &p]);
    run(&["check", &p]);
    assert_eq!(
        std::fs::metadata(Path::new(&p))
            .unwrap()
            .modified()
            .unwrap(),
        before
    );
}

#[test]
fn figures_json_has_the_documented_shape() {
    let o = run(&["figures", &report_path("mianyang-2024"), "--json"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let v: Value = serde_json::from_slice(&o.stdout).unwrap();
    let rows = v.as_array().unwrap();
    let gold_count = gold("mianyang-2024")["figures"].as_array().unwrap().len();
    assert!(
        rows.len().abs_diff(gold_count) <= gold_count / 20,
        "{} figures, gold {gold_count}",
        rows.len()
    );
    let keys: Vec<&str> = rows[0]
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    assert_eq!(
        keys,
        [
            "file",
            "raw",
            "value",
            "unit",
            "qualifier",
            "kind",
            "sign",
            "label",
            "indicator",
            "section",
            "line",
            "col"
        ]
    );
    let money = rows
        .iter()
        .find(|r| r["raw"] == "5276万元")
        .expect("5276万元");
    assert_eq!(money["value"], 52760000);
    assert_eq!(money["unit"], "元");
    assert_eq!(money["kind"], "money");
    let change = rows
        .iter()
        .find(|r| r["raw"] == "146.57%")
        .expect("146.57%");
    assert_eq!(change["sign"], "+");
    assert_eq!(change["value"], 146.57);
}

#[test]
fn figures_csv_has_a_header_and_one_row_per_figure() {
    let path = report_path("changzhou-2024");
    let json: Value = serde_json::from_slice(&run(&["figures", &path, "--json"]).stdout).unwrap();
    let o = run(&["figures", &path, "--csv"]);
    assert!(o.status.success());
    let mut reader = csv::Reader::from_reader(&o.stdout[..]);
    let header: Vec<String> = reader
        .headers()
        .unwrap()
        .iter()
        .map(str::to_owned)
        .collect();
    assert_eq!(header[0], "file");
    assert_eq!(header.len(), 12);
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), json.as_array().unwrap().len());
    // Units are normalised to Simplified even in a Traditional report.
    assert!(rows.iter().any(|r| &r[3] == "个"));
    assert!(!rows.iter().any(|r| &r[3] == "個"));
}

#[test]
fn figures_filter_by_indicator() {
    let dir = shared_dir().join("reports").display().to_string();
    let o = run(&[
        "figures",
        &dir,
        "--json",
        "--indicator",
        "leader_court_rate",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let rows: Vec<Value> = serde_json::from_slice(&o.stdout).unwrap();
    assert!(rows.len() >= 3, "{} rows", rows.len());
    assert!(rows
        .iter()
        .all(|r| r["indicator"] == "leader_court_rate" && r["unit"] == "%"));
    let o = run(&["figures", &dir, "--indicator", "no_such_thing"]);
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains("unknown indicator \"no_such_thing\""), "{err}");
}

#[test]
fn figures_of_a_bad_file_is_a_one_line_error() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("blank.txt");
    std::fs::write(&path, "   \n").unwrap();
    let o = run(&["figures", path.to_str().unwrap()]);
    assert_one_line_error(&o, "blank.txt", "empty");
}

#[test]
fn diff_json_has_the_documented_shape() {
    let (a, b) = (report_path("yixing-2024"), report_path("mianyang-2024"));
    let o = run(&["diff", &a, &b, "--json"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let text = String::from_utf8(o.stdout).unwrap();
    assert!(!text.contains('\u{1b}'), "never colours in JSON");
    let v: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(v["a"]["place"], "宜兴市");
    assert_eq!(v["b"]["year"], 2024);
    let pairs = v["pairs"].as_array().unwrap();
    assert!(pairs.len() >= 8);
    for p in pairs {
        for key in ["topic", "score", "a_section", "b_section", "mode", "spans"] {
            assert!(p.get(key).is_some(), "pair has {key}: {p}");
        }
        assert!(["diff", "phrases", "alone"].contains(&p["mode"].as_str().unwrap()));
    }
    let paired = pairs.iter().find(|p| p["mode"] == "phrases").unwrap();
    assert!(paired["a_section"]["title"].is_string() && paired["score"].as_f64().unwrap() > 0.0);
    let span = &paired["spans"][0];
    assert!(span["side"].is_string() && span["start"].is_u64() && span["len"].is_u64());
    let figures = v["figures"].as_array().unwrap();
    assert!(figures
        .iter()
        .any(|f| !f["a"].is_null() && !f["b"].is_null()));
    assert!(figures.iter().all(|f| f["indicator"].is_string()));
}

#[test]
fn diff_piped_uses_plain_markers_and_figures_table() {
    let (a, b) = (
        report_path("changzhou-2024"),
        report_path("zhangjiagang-2023"),
    );
    let o = run(&["diff", &a, &b]);
    assert!(o.status.success(), "{}", stderr(&o));
    let text = String::from_utf8(o.stdout).unwrap();
    assert!(!text.contains('\u{1b}'), "no colours when piped");
    assert!(
        text.contains("[=") && text.contains("=]"),
        "shared phrases marked"
    );
    assert!(text.contains("only in B") || text.contains("only in A"));
    let o = run(&["diff", &a, &b, "--figures"]);
    let text = String::from_utf8(o.stdout).unwrap();
    assert!(
        text.lines()
            .any(|l| l.starts_with("indicator") && l.contains("B − A")),
        "{text}"
    );
}

#[test]
fn diff_with_a_time_limit_says_what_it_cut() {
    let (a, b) = (report_path("yixing-2024"), report_path("mianyang-2024"));
    let o = run(&["diff", &a, &b, "--json"]);
    let v: Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["degraded"]["alignment"], false, "no limit: nothing cut");
    let o = run(&["diff", &a, &b, "--json", "--time-limit", "0"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let v: Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["degraded"]["alignment"], true);
    let modes: Vec<&str> = v["pairs"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["mode"].as_str().unwrap())
        .collect();
    assert!(modes.contains(&"unmarked"), "{modes:?}");
    let o = run(&["diff", &a, &b, "--time-limit", "0"]);
    let text = String::from_utf8(o.stdout).unwrap();
    assert!(
        text.lines()
            .any(|l| l.starts_with("note: comparison cut short")),
        "{text}"
    );
}

#[test]
fn diff_of_a_missing_file_is_a_one_line_error() {
    let a = report_path("yixing-2024");
    let o = run(&["diff", &a, "/no/such/report.txt"]);
    assert_one_line_error(&o, "/no/such/report.txt", "");
}

#[test]
fn table_json_has_a_cell_or_null_for_every_indicator() {
    let paths = [report_path("hongze-2023"), report_path("mianyang-2024")];
    let o = run(&["table", &paths[0], &paths[1], "--json"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let v: Value = serde_json::from_slice(&o.stdout).unwrap();
    let rows = v.as_array().unwrap();
    assert_eq!(rows.len(), 2);
    let ids = lawgov_tui::figures::Catalogue::builtin().indicators.len();
    for row in rows {
        for key in ["file", "place", "year", "cells"] {
            assert!(row.get(key).is_some(), "{key}");
        }
        assert_eq!(row["cells"].as_object().unwrap().len(), ids);
    }
    let cell = &rows[0]["cells"]["reconsideration_received"];
    assert_eq!(cell["value"], 48);
    assert_eq!(cell["raw"], "48件");
    assert_eq!(cell["line"], 47);
    for key in ["unit", "qualifier", "label", "section", "col", "chosen"] {
        assert!(cell.get(key).is_some(), "{key}");
    }
    assert!(rows[0]["cells"]["petitions"].is_null());
    // Money in 元, plain.
    assert_eq!(rows[0]["cells"]["lenient_penalty_amount"]["value"], 8191000);
}

#[test]
fn table_csv_is_wide_or_long() {
    let path = report_path("yixing-2024");
    let o = run(&["table", &path, "--csv"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let text = String::from_utf8(o.stdout).unwrap();
    let mut rows = csv::Reader::from_reader(text.as_bytes());
    let header: Vec<String> = rows.headers().unwrap().iter().map(str::to_owned).collect();
    assert_eq!(&header[..3], ["file", "place", "year"]);
    let record = rows.records().next().unwrap().unwrap();
    let at = |id: &str| header.iter().position(|h| h == id).unwrap();
    assert_eq!(&record[at("lenient_penalty_amount")], "67980000");
    assert_eq!(&record[at("petitions")], "");
    let o = run(&["table", &path, "--csv", "--long"]);
    let text = String::from_utf8(o.stdout).unwrap();
    let mut rows = csv::Reader::from_reader(text.as_bytes());
    let header: Vec<String> = rows.headers().unwrap().iter().map(str::to_owned).collect();
    for col in [
        "file",
        "indicator",
        "value",
        "unit",
        "qualifier",
        "raw",
        "line",
        "chosen",
    ] {
        assert!(header.iter().any(|h| h == col), "{col}");
    }
    assert!(rows.records().count() >= 20);
}

/// A spreadsheet runs a cell that starts with =, +, - or @ as a formula:
/// text from a report never does.
#[test]
fn csv_cells_from_the_text_are_never_formulas() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("=evil.txt");
    std::fs::write(
        &path,
        "一、情况\n@SUM(A1)办理行政复议案件12件。\n+HYPERLINK(\"x\")受理案件3件。\n",
    )
    .unwrap();
    let p = path.display().to_string();
    for args in [
        vec!["figures", &p, "--csv"],
        vec!["table", &p, "--csv", "--long"],
        vec!["table", &p, "--csv"],
    ] {
        let o = run(&args);
        assert!(o.status.success(), "{}", stderr(&o));
        let text = String::from_utf8(o.stdout).unwrap();
        let mut rows = csv::Reader::from_reader(text.as_bytes());
        for record in rows.records() {
            for field in record.unwrap().iter() {
                let live = field.starts_with(['=', '+', '@'])
                    || (field.starts_with('-') && field.parse::<f64>().is_err());
                assert!(!live, "{args:?}: {field}");
            }
        }
    }
}

/// Runs the binary with `config` as its config folder, and fails the test
/// if it has not ended within 20 s: a hang is a failure, not a stuck test.
fn run_bounded(args: &[&str], config: &Path) -> Output {
    let mut child = Command::new(bin())
        .args(args)
        .env("XDG_CONFIG_HOME", config)
        .env("XDG_DATA_HOME", crate::common::empty_dir())
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run binary");
    let start = std::time::Instant::now();
    while child.try_wait().expect("wait").is_none() {
        if start.elapsed() > std::time::Duration::from_secs(20) {
            let _ = child.kill();
            panic!("hangs: lawgov-tui {}", args.join(" "));
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    child.wait_with_output().expect("output")
}

#[cfg(unix)]
#[test]
fn fifos_devices_and_link_loops_are_refused_never_waited_on() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("x.txt");
    assert!(Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .unwrap()
        .success());
    let lp = dir.path().join("loop.txt");
    std::os::unix::fs::symlink(&lp, &lp).unwrap();
    std::fs::copy(report_path("hongze-2023"), dir.path().join("h.txt")).unwrap();
    let none = crate::common::empty_dir();
    let f = fifo.to_str().unwrap();
    assert_one_line_error(
        &run_bounded(&["outline", f], &none),
        f,
        "not a regular file (a FIFO)",
    );
    assert_one_line_error(
        &run_bounded(&["figures", "/dev/zero"], &none),
        "/dev/zero",
        "not a regular file (a device)",
    );
    let l = lp.to_str().unwrap();
    assert_one_line_error(&run_bounded(&["check", l], &none), l, "link loop");
    // In a folder: the others are read, these two said once each.
    let o = run_bounded(&["check", dir.path().to_str().unwrap()], &none);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(String::from_utf8_lossy(&o.stdout).contains("洪泽区 2023"));
    let err = stderr(&o);
    assert!(err.contains("x.txt: not a regular file (a FIFO)"), "{err}");
    assert!(err.contains("loop.txt: a link loop"), "{err}");
    // As the user's catalogue: a warning, and the built-in one.
    let config = tempfile::tempdir().unwrap();
    let own = config.path().join("lawgov-tui");
    std::fs::create_dir_all(&own).unwrap();
    assert!(Command::new("mkfifo")
        .arg(own.join("indicators.toml"))
        .status()
        .unwrap()
        .success());
    // (figures reads the catalogues; check starts without them.)
    let o = run_bounded(&["figures", &report_path("hongze-2023")], config.path());
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stderr(&o).contains("indicators.toml: not a regular file (a FIFO)"));
    let o = run_bounded(&["check", &report_path("hongze-2023")], config.path());
    assert!(o.status.success() && o.stderr.is_empty(), "{}", stderr(&o));
}

#[cfg(unix)]
#[test]
fn escape_sequences_in_file_names_never_reach_the_terminal() {
    let dir = tempfile::tempdir().unwrap();
    // A name that would set the terminal's title, and one that clears it.
    let title = dir.path().join("\u{1b}]0;pwned\u{7}.txt");
    let clear = dir.path().join("\u{1b}[2J一.txt");
    std::fs::write(&title, "").unwrap();
    std::fs::write(&clear, "一、总体情况\n全年办结案件120件。\n").unwrap();
    let d = dir.path().to_str().unwrap();
    let o = run(&["figures", d, "--csv"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let err = stderr(&o);
    let out = String::from_utf8(o.stdout).unwrap();
    for text in [&err, &out] {
        assert!(
            !text.contains('\u{1b}') && !text.contains('\u{7}'),
            "{text:?}"
        );
    }
    assert!(err.contains("␛]0;pwned␇.txt: empty file"), "{err}");
    assert!(out.contains("␛[2J一.txt"), "{out}");
}

#[test]
fn json_escapes_what_a_terminal_would_act_on() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("r.txt");
    // U+009B opens an escape sequence on many terminals; U+202E turns text
    // around.
    std::fs::write(&file, "一、总体\u{9b}2J情况\n全年办结\u{202e}案件120件。\n").unwrap();
    let f = file.to_str().unwrap();
    for args in [vec!["outline", f, "--json"], vec!["figures", f, "--json"]] {
        let o = run(&args);
        assert!(o.status.success(), "{}", stderr(&o));
        let out = String::from_utf8(o.stdout).unwrap();
        assert!(
            !out.contains('\u{9b}') && !out.contains('\u{202e}'),
            "{out}"
        );
        let v: Value = serde_json::from_str(&out).expect("still JSON");
        assert!(
            v.to_string().contains('\u{9b}') || out.contains("\\u202e"),
            "{out}"
        );
    }
    let o = run(&["outline", f, "--json"]);
    let out = String::from_utf8(o.stdout).unwrap();
    assert!(out.contains("总体\\u009b2J情况"), "{out}");
}

/// `followup --json`: each promise with its line, column, kind and the
/// paragraph it belongs to, its status, score and evidence; the targets a
/// figure was stated for say both figures; `--time-limit 0` checks none
/// and says so.
#[test]
fn followup_json_has_the_documented_shape() {
    let national = |y: u32| {
        shared_dir()
            .join(format!("national/gwr-{y}.txt"))
            .display()
            .to_string()
    };
    let (a, b) = (national(2021), national(2022));
    let o = run(&["followup", &a, &b, "--json", "--force"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let v: Value = serde_json::from_slice(&o.stdout).unwrap();
    let paragraphs = v["paragraphs"].as_array().expect("paragraphs");
    assert!(!paragraphs.is_empty());
    for key in ["line", "col", "title", "text"] {
        assert!(paragraphs[0].get(key).is_some(), "paragraphs[].{key}");
    }
    let promises = v["promises"].as_array().expect("promises");
    for p in promises {
        for key in [
            "text",
            "line",
            "col",
            "kind",
            "paragraph",
            "status",
            "score",
            "evidence",
        ] {
            assert!(p.get(key).is_some(), "promises[].{key}");
        }
        let i = p["paragraph"]["index"].as_u64().expect("index") as usize;
        assert_eq!(p["paragraph"]["line"], paragraphs[i]["line"]);
        for e in p["evidence"].as_array().expect("evidence") {
            for key in ["text", "line", "col", "score"] {
                assert!(e.get(key).is_some(), "evidence[].{key}");
            }
        }
    }
    let gdp = promises
        .iter()
        .find(|p| p["text"] == "国内生产总值增长6%以上")
        .expect("the GDP target");
    assert_eq!(gdp["kind"], "target");
    assert_eq!(
        (gdp["line"].as_u64(), gdp["col"].as_u64()),
        (Some(122), Some(82))
    );
    assert_eq!(gdp["stated"]["stated"], "8.1%");
    assert_eq!(gdp["stated"]["outcome"], "met");
    assert_eq!(v["unchecked"], 0);
    let o = run(&["followup", &a, &b, "--json", "--force", "--time-limit", "0"]);
    let v: Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["unchecked"].as_u64(), Some(promises.len() as u64));
    let o = run(&["followup", &a, &b, "--force", "--time-limit", "0"]);
    assert!(String::from_utf8_lossy(&o.stdout).contains("not checked"));
}
