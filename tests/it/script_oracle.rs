//! Traditional → Simplified against OpenCC's own answers.

use crate::common::shared_dir;
use lawgov_tui::text::script;

fn diff_chars(a: &str, b: &str) -> Vec<(usize, char, char)> {
    a.chars()
        .zip(b.chars())
        .enumerate()
        .filter(|(_, (x, y))| x != y)
        .map(|(i, (x, y))| (i, x, y))
        .collect()
}

/// OpenCC keeps 著 in 著力/存在著; writing 着 there is also acceptable.
fn acceptable(ours: char, oracle: char) -> bool {
    ours == oracle || (ours == '着' && oracle == '著')
}

/// The source text, OpenCC's answer, ours, and the chars where `convert`
/// differs from OpenCC beyond what is acceptable.
fn compare(
    name: &str,
    convert: fn(&str) -> String,
) -> (String, String, String, Vec<(usize, char, char)>) {
    let read = |dir: &str, file: String| {
        std::fs::read_to_string(shared_dir().join(dir).join(file)).unwrap()
    };
    let src = read("reports", format!("{name}.txt"));
    let oracle = read("oracle", format!("{name}.opencc-t2s.txt"));
    let ours = convert(&src);
    let bad = diff_chars(&ours, &oracle)
        .into_iter()
        .filter(|&(_, o, e)| !acceptable(o, e))
        .collect();
    (src, oracle, ours, bad)
}

#[test]
fn full_conversion_equals_opencc() {
    for name in ["changzhou-2024", "zhangjiagang-2023"] {
        let (_, oracle, ours, bad) = compare(name, script::to_simplified);
        assert_eq!(ours.chars().count(), oracle.chars().count(), "{name}");
        assert!(bad.is_empty(), "{name}: {bad:?}");
    }
}

/// The position-keeping fold may differ from OpenCC's phrase rules only in
/// a handful of characters.
#[test]
fn fold_is_close_to_opencc() {
    for name in ["changzhou-2024", "zhangjiagang-2023"] {
        let (src, _, ours, bad) = compare(name, script::fold);
        assert_eq!(ours.chars().count(), src.chars().count());
        assert!(bad.len() <= 5, "{name}: {bad:?}");
    }
}
