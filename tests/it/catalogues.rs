//! Catalogues are passed in, never read from a global: the library loads
//! the bundled reports the same whatever the machine's config folder
//! holds, and the program warns in one line about a broken user file and
//! goes on with the built-in catalogue.

use std::process::{Command, Stdio};

use crate::common::{bin, shared_dir};
use lawgov_tui::{Catalogues, Library};

fn mappings(lib: &Library) -> Vec<(String, usize, Option<String>)> {
    lib.reports
        .iter()
        .flat_map(|r| {
            r.figures
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
