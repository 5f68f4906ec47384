//! Helpers shared by the integration tests.
#![allow(dead_code)]

use std::path::{Path, PathBuf};

/// The reports, gold and fixtures the tests read: `tests/shared` in this
/// repository (a copy of the team's shared folder, so that a clone alone
/// tests), or `$LAWGOV_SHARED` to test against another copy.
pub fn shared_dir() -> PathBuf {
    let dir = std::env::var_os("LAWGOV_SHARED")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/shared"));
    assert!(
        dir.join("gold").is_dir(),
        "gold annotations not found at {}; restore tests/shared or set LAWGOV_SHARED",
        dir.display()
    );
    dir
}

/// The names of the gold-annotated reports.
pub fn gold_names() -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(shared_dir().join("gold"))
        .expect("gold dir")
        .filter_map(|e| e.ok())
        .filter_map(|e| {
            e.file_name()
                .to_str()?
                .strip_suffix(".gold.json")
                .map(str::to_owned)
        })
        .collect();
    names.sort();
    names
}

pub fn gold(name: &str) -> serde_json::Value {
    let path = shared_dir().join("gold").join(format!("{name}.gold.json"));
    serde_json::from_str(&std::fs::read_to_string(&path).expect("read gold")).expect("gold json")
}

pub fn report(name: &str) -> lawgov_tui::Report {
    let path = shared_dir().join("reports").join(format!("{name}.txt"));
    lawgov_tui::Report::open(&path).expect("open report")
}

/// The built binary.
pub fn bin() -> PathBuf {
    PathBuf::from(env!("CARGO_BIN_EXE_lawgov-tui"))
}

/// A folder that holds nothing, for config and data folders in tests;
/// under the build's own scratch folder, so that runs leave nothing in
/// the system's temporary folder.
pub fn empty_dir() -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("empty-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    dir
}

/// Runs the binary with empty config and data folders, and fails the test
/// if it has not ended within `secs` seconds: a hang is a failure, not a
/// stuck test.
pub fn run_within(secs: u64, args: &[&str]) -> std::process::Output {
    run_within_config(secs, args, &empty_dir())
}

/// [`run_within`] with the config folder (XDG_CONFIG_HOME) `config`: the
/// user's catalogues are read from `config/lawgov-tui`.
pub fn run_within_config(
    secs: u64,
    args: &[&str],
    config: &std::path::Path,
) -> std::process::Output {
    use std::process::{Command, Stdio};
    use std::time::{Duration, Instant};
    let child = Command::new(bin())
        .args(args)
        .env("XDG_CONFIG_HOME", config)
        .env("XDG_DATA_HOME", empty_dir())
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run binary");
    let start = Instant::now();
    let pid = child.id();
    // Read while waiting: a child that fills a pipe would wait forever.
    let out = std::thread::spawn(move || child.wait_with_output());
    while !out.is_finished() {
        if start.elapsed() > Duration::from_secs(secs) {
            // A hung child would outlive the test and hold a core.
            let _ = Command::new("kill").arg("-9").arg(pid.to_string()).status();
            panic!("hangs: lawgov-tui {}", args.join(" "));
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    out.join().expect("thread").expect("output")
}

/// The binary run on `args` with empty config and data folders, which
/// must succeed: its output.
pub fn run_ok(args: &[&str]) -> std::process::Output {
    let o = std::process::Command::new(bin())
        .args(args)
        .env("XDG_CONFIG_HOME", empty_dir())
        .env("XDG_DATA_HOME", empty_dir())
        .stdin(std::process::Stdio::null())
        .output()
        .expect("run binary");
    assert!(
        o.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&o.stderr)
    );
    o
}
