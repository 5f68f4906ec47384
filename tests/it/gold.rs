//! The domain against the hand-checked gold annotations in tests/shared/gold.

use crate::common::{gold, gold_names, report};
use serde_json::{json, Value};

#[test]
fn there_are_gold_reports() {
    assert!(gold_names().len() >= 5, "expected the five gold reports");
}

#[test]
fn meta_matches_gold() {
    for name in gold_names() {
        let r = report(&name);
        let g = gold(&name);
        let ours = serde_json::to_value(&r.meta).unwrap();
        // Every field the gold has, exactly; fields added since (level,
        // sources) are checked by their own tests.
        for (field, want) in g["meta"].as_object().unwrap() {
            assert_eq!(&ours[field], want, "{name}: meta.{field}");
        }
    }
}

#[test]
fn chrome_lines_match_gold() {
    for name in gold_names() {
        let r = report(&name);
        let g: Vec<usize> = serde_json::from_value(gold(&name)["chrome_lines"].clone()).unwrap();
        assert_eq!(r.chrome_lines(), g, "{name}: chrome_lines");
    }
}

#[test]
fn headings_match_gold() {
    for name in gold_names() {
        let r = report(&name);
        let ours = serde_json::to_value(r.headings()).unwrap();
        assert_eq!(ours, gold(&name)["headings"], "{name}: headings");
    }
}

#[test]
fn items_match_gold() {
    for name in gold_names() {
        let r = report(&name);
        let ours: Vec<Value> = r
            .items()
            .iter()
            .map(|i| {
                json!({"marker": i.marker, "line": i.line, "parent_heading_index": i.heading, "text_start": i.text_start})
            })
            .collect();
        assert_eq!(Value::Array(ours), gold(&name)["items"], "{name}: items");
    }
}

/// Status must be equal; evidence must be text of the file and hold the
/// gold evidence or be held by it (gold trims sentences by hand).
#[test]
fn parts_match_gold() {
    for name in gold_names() {
        let r = report(&name);
        let g = &gold(&name)["parts"];
        for (part, ours) in r.parts.parts.named() {
            assert_eq!(ours.status.name(), g[part], "{name}: {part} status");
            let gold_ev = g["evidence"][part].as_str();
            match (ours.evidence.as_deref(), gold_ev) {
                (None, None) => {}
                (Some(o), Some(e)) => {
                    assert!(
                        r.text.contains(o),
                        "{name}: {part} evidence not in file: {o}"
                    );
                    assert!(
                        o.contains(e) || e.contains(o),
                        "{name}: {part} evidence {o:?} vs gold {e:?}"
                    );
                }
                (o, e) => panic!("{name}: {part} evidence {o:?} vs gold {e:?}"),
            }
        }
    }
}

#[test]
fn publication_deadline() {
    for name in gold_names() {
        let r = report(&name);
        let g = gold(&name);
        let expected = match (g["meta"]["published"].as_str(), g["meta"]["year"].as_i64()) {
            (Some(p), Some(y)) => Some(p <= format!("{}-03-31", y + 1).as_str()),
            _ => None,
        };
        assert_eq!(r.parts.published_on_time, expected, "{name}");
    }
}
