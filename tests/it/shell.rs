//! The shell's conventions: completion scripts that load, and a man page
//! that renders.

use std::process::Command;

use crate::common::run_within;

#[test]
fn bash_completions_load_and_complete_the_subcommands() {
    let o = run_within(20, &["completions", "bash"]);
    assert!(o.status.success());
    let script = String::from_utf8(o.stdout).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("lawgov-tui.bash");
    std::fs::write(&file, &script).unwrap();
    // Loading the script defines the completion; asking it for "ou"
    // offers outline.
    let probe = format!(
        "source '{}'; COMP_WORDS=(lawgov-tui ou); COMP_CWORD=1; COMP_LINE='lawgov-tui ou'; COMP_POINT=13; _lawgov__tui lawgov-tui ou lawgov-tui && printf '%s\\n' \"${{COMPREPLY[@]}}\"",
        file.display()
    );
    let out = Command::new("bash").args(["-c", &probe]).output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let offered = String::from_utf8_lossy(&out.stdout);
    assert!(offered.lines().any(|l| l == "outline"), "{offered}");
    for shell in ["zsh", "fish", "powershell"] {
        let o = run_within(20, &["completions", shell]);
        assert!(o.status.success() && o.stdout.len() > 500, "{shell}");
    }
}

#[test]
fn the_man_page_renders() {
    let o = run_within(20, &["man"]);
    assert!(o.status.success());
    let page = String::from_utf8(o.stdout).unwrap();
    assert!(
        page.starts_with(".ie") || page.contains(".TH lawgov-tui"),
        "{page}"
    );
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("lawgov-tui.1");
    std::fs::write(&file, &page).unwrap();
    // Rendered where man is installed, as on the CI machine.
    if let Ok(out) = Command::new("man")
        .arg("-l")
        .arg(&file)
        .env("MANPAGER", "cat")
        .output()
    {
        let shown = String::from_utf8_lossy(&out.stdout);
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(
            shown.contains("SYNOPSIS") && shown.contains("outline"),
            "{shown}"
        );
    }
}
