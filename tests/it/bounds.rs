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
