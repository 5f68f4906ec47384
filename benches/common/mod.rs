//! The corpora the benchmarks read.
#![allow(dead_code)]

use lawgov_tui::text::script;

pub mod generated;

pub const CORPUS_BYTES: usize = 10 * 1024 * 1024;

pub fn bundled_texts() -> Vec<(String, Vec<u8>)> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/data");
    let mut out: Vec<(String, Vec<u8>)> = std::fs::read_dir(dir)
        .expect("data dir")
        .filter_map(|e| e.ok())
        .map(|e| {
            (
                e.file_name().to_string_lossy().into_owned(),
                std::fs::read(e.path()).expect("read"),
            )
        })
        .collect();
    out.sort();
    out
}

/// A 10 MB corpus of report files: each bundled report in its own script
/// and converted to the other, as UTF-8 and as GB18030, with the years
/// shifted so that no two files are the same.
pub fn corpus() -> Vec<(String, Vec<u8>)> {
    let texts: Vec<String> = bundled_texts()
        .into_iter()
        .map(|(_, b)| String::from_utf8(b).expect("utf-8"))
        .collect();
    let mut variants = Vec::new();
    for t in &texts {
        variants.push(t.clone());
        variants.push(script::to_simplified(t));
    }
    let mut out = Vec::new();
    let mut size = 0;
    let mut round = 0;
    while size < CORPUS_BYTES {
        for (i, v) in variants.iter().enumerate() {
            let text = v.replace("2024年", &format!("{}年", 1990 + round % 30));
            let bytes = if (i + round) % 2 == 0 {
                text.into_bytes()
            } else {
                encoding_rs::GB18030.encode(&text).0.into_owned()
            };
            size += bytes.len();
            out.push((format!("v{round}-{i}.txt"), bytes));
        }
        round += 1;
    }
    out
}

/// The corpus as decoded text (what extraction reads).
pub fn corpus_texts() -> Vec<String> {
    corpus()
        .into_iter()
        .map(|(_, bytes)| match String::from_utf8(bytes) {
            Ok(s) => s,
            Err(e) => encoding_rs::GB18030.decode(e.as_bytes()).0.into_owned(),
        })
        .collect()
}
