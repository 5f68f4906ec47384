//! Traditional → Simplified against OpenCC's own answers.

mod common;

use common::shared_dir;
use lawgov_tui::script;

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

#[test]
fn full_conversion_equals_opencc() {
    for name in ["changzhou-2024", "zhangjiagang-2023"] {
        let src = std::fs::read_to_string(shared_dir().join("reports").join(format!("{name}.txt")))
            .unwrap();
        let oracle = std::fs::read_to_string(
            shared_dir()
                .join("oracle")
                .join(format!("{name}.opencc-t2s.txt")),
        )
        .unwrap();
        let ours = script::to_simplified(&src);
        assert_eq!(ours.chars().count(), oracle.chars().count(), "{name}");
        let bad: Vec<_> = diff_chars(&ours, &oracle)
            .into_iter()
            .filter(|&(_, o, e)| !acceptable(o, e))
            .collect();
        assert!(bad.is_empty(), "{name}: {bad:?}");
    }
}

/// The position-keeping fold may differ from OpenCC's phrase rules only in
/// a handful of characters.
#[test]
fn fold_is_close_to_opencc() {
    for name in ["changzhou-2024", "zhangjiagang-2023"] {
        let src = std::fs::read_to_string(shared_dir().join("reports").join(format!("{name}.txt")))
            .unwrap();
        let oracle = std::fs::read_to_string(
            shared_dir()
                .join("oracle")
                .join(format!("{name}.opencc-t2s.txt")),
        )
        .unwrap();
        let ours = script::fold(&src);
        assert_eq!(ours.chars().count(), src.chars().count());
        let bad: Vec<_> = diff_chars(&ours, &oracle)
            .into_iter()
            .filter(|&(_, o, e)| !acceptable(o, e))
            .collect();
        assert!(bad.len() <= 5, "{name}: {bad:?}");
    }
}
