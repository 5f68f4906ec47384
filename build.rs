//! Compiles every report in `data/` into the binary, so an installed
//! `lawgov-tui` opens them from any directory with no arguments.

use std::{env, fs, path::Path};

fn main() {
    println!("cargo:rerun-if-changed=data");
    let mut names: Vec<String> = fs::read_dir("data")
        .map(|dir| {
            dir.filter_map(|e| e.ok())
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .filter(|n| {
                    [".txt", ".htm", ".html"]
                        .iter()
                        .any(|x| n.to_lowercase().ends_with(x))
                })
                .collect()
        })
        .unwrap_or_default();
    names.sort();
    let root = env::var("CARGO_MANIFEST_DIR").expect("manifest dir");
    let entries: String = names
        .iter()
        .map(|n| {
            let path = Path::new(&root).join("data").join(n);
            format!(
                "    (\"data/{n}\", include_bytes!({:?})),\n",
                path.display().to_string()
            )
        })
        .collect();
    let out = Path::new(&env::var("OUT_DIR").expect("out dir")).join("bundled.rs");
    fs::write(
        out,
        format!("pub static BUNDLED: &[(&str, &[u8])] = &[\n{entries}];\n"),
    )
    .expect("write bundled.rs");
}
