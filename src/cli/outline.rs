//! `lawgov-tui outline FILE [--json]`.

use std::io::{self, Write};
use std::path::PathBuf;

use serde_json::json;

use lawgov_tui::report::{Depth, SectionKind};
use lawgov_tui::text::printable;
use lawgov_tui::Report;

use super::stream;

/// Each report's outline, a report at a time: text outlines one after
/// another, a blank line between; JSON one pretty object for one report,
/// one object a line (JSON lines) when the paths name more.
pub fn print_each(
    out: &mut impl Write,
    paths: &[PathBuf],
    as_json: bool,
) -> Result<(), super::UserError> {
    let many = paths.len() > 1 || paths.iter().any(|p| p.is_dir());
    let mut first = true;
    stream::each_report(paths, Depth::Sections, |r| {
        let gap = !std::mem::replace(&mut first, false);
        match (as_json, many) {
            (true, true) => {
                let line = serde_json::to_string(&to_json(r)).map_err(io::Error::other)?;
                writeln!(out, "{}", super::json_safe(&line))
            }
            (true, false) => super::write_json(out, &to_json(r)),
            (false, _) => {
                if gap {
                    writeln!(out)?;
                }
                print(out, r, false)
            }
        }
    })
}

pub fn print(out: &mut impl Write, r: &Report, as_json: bool) -> io::Result<()> {
    if as_json {
        super::write_json(out, &to_json(r))?;
        return Ok(());
    }
    let m = &r.meta;
    let title = m.title.clone().unwrap_or_else(|| r.label());
    writeln!(out, "{}", printable(&title))?;
    let from = |source: Option<&str>| source.map_or_else(String::new, |s| format!(" ({s})"));
    let facts = [
        m.issuer.clone(),
        m.level.map(|l| l.name().to_owned()),
        m.year.map(|y| format!("{y}年")),
        m.published
            .as_ref()
            .map(|p| format!("published {p}{}", from(m.sources.published))),
        m.source.as_ref().map(|s| format!("source {s}")),
        Some(m.script.name().to_owned()),
    ];
    let facts: Vec<String> = facts.into_iter().flatten().collect();
    writeln!(out, "{}", printable(&facts.join(" · ")))?;
    for (i, s) in r.sections().iter().enumerate() {
        let indent = "  ".repeat(s.depth);
        let head = match s.kind {
            SectionKind::Heading => r.heading_label(i),
            _ => format!("[{}]", s.title),
        };
        writeln!(
            out,
            "{:>5}  {indent}{}",
            format!("L{}", r.file_line(s.line)),
            printable(&head)
        )?;
        for item in &r.items()[r.items_of(i)] {
            let text = format!("{} {}", item.marker, item.label);
            writeln!(
                out,
                "{:>5}  {indent}  · {}",
                format!("L{}", r.file_line(item.line)),
                printable(&text)
            )?;
        }
    }
    Ok(())
}

pub fn to_json(r: &Report) -> serde_json::Value {
    let items: Vec<_> = r
        .items()
        .iter()
        .map(|i| json!({"marker": i.marker, "line": r.file_line(i.line), "text_start": i.text_start}))
        .collect();
    // Lines as the file counts them (a wrapped page's lines are read
    // joined, a one-line page's taken apart).
    let headings: Vec<_> = r
        .headings()
        .iter()
        .enumerate()
        .map(|(i, h)| {
            let mut v = serde_json::to_value(h).unwrap_or_default();
            v["line"] = r.heading_file_position(i).0.into();
            v
        })
        .collect();
    json!({
        "file": r.file,
        "meta": r.meta,
        "headings": headings,
        "items": items,
    })
}
