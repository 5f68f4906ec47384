//! `lawgov-tui diff A B [--json] [--figures]`: the two reports' sections
//! paired topic with topic, each pair's text marked, and the figures face
//! to face.

use std::io::{self, Write};

use crossterm::style::Stylize;
use serde::Serialize;
use serde_json::{json, Value};

use lawgov_tui::compare::marks::{marked_lines, MarkedLine};
use lawgov_tui::compare::topics::TopicCatalogue as Topics;
use lawgov_tui::compare::{Comparison, Facing, Mark, Pair, Span};
use lawgov_tui::report::Part;
use lawgov_tui::text::printable;
use lawgov_tui::Report;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DiffStyle {
    /// Markers as colours, for a terminal.
    Colour,
    /// Plain markers: [=shared=], [-only in A-], {+only in B+}.
    Plain,
    Json,
}

pub fn print(
    out: &mut impl Write,
    a: &Report,
    b: &Report,
    c: &Comparison,
    topics: &Topics,
    format: DiffStyle,
    figures_only: bool,
) -> io::Result<()> {
    if format == DiffStyle::Json {
        super::write_json(out, &to_json(a, b, c, topics))?;
        return Ok(());
    }
    writeln!(
        out,
        "A: {}  ({})",
        printable(&a.label()),
        printable(&a.file)
    )?;
    writeln!(
        out,
        "B: {}  ({})",
        printable(&b.label()),
        printable(&b.file)
    )?;
    if figures_only {
        return write_figures(out, &c.figures);
    }
    let key = match format {
        DiffStyle::Plain => "marks: [=both say=]  [-only A-]  {+only B+}",
        _ => "marks: shared (bold cyan), only in A (red), only in B (green)",
    };
    writeln!(out, "{key}")?;
    if let Some(note) = c.degraded.note() {
        writeln!(out, "note: {note}")?;
    }
    for (i, p) in c.pairs.iter().enumerate() {
        write_pair(out, i + 1, a, b, p, topics, format)?;
    }
    Ok(())
}

fn heading(r: &Report, s: Option<usize>) -> String {
    s.and_then(|s| Some((r.heading_label(s), r.file_line(r.sections().get(s)?.line))))
        .map_or_else(
            || "(no section on this)".to_owned(),
            |(label, line)| printable(&format!("{label} (line {line})")).into_owned(),
        )
}

fn topic_name(p: &Pair, topics: &Topics) -> String {
    p.topic
        .and_then(|t| topics.topics.get(t))
        .map_or_else(|| "no topic".to_owned(), |t| format!("{} {}", t.id, t.name))
}

fn write_pair(
    out: &mut impl Write,
    n: usize,
    a: &Report,
    b: &Report,
    p: &Pair,
    topics: &Topics,
    format: DiffStyle,
) -> io::Result<()> {
    let how = p.summary();
    writeln!(out, "\n── {n}. {} · {how}", topic_name(p, topics))?;
    writeln!(out, "A {}", heading(a, p.a))?;
    writeln!(out, "B {}", heading(b, p.b))?;
    let sides = [("A", &p.a_text, &p.marked.a), ("B", &p.b_text, &p.marked.b)];
    for ((side, text, spans), titled) in sides.into_iter().zip(p.titled) {
        // The heading is on the line above, with its line number.
        for line in marked_lines(text, spans).iter().skip(usize::from(titled)) {
            writeln!(out, "{side}│ {}", render(line, side == "A", format))?;
        }
    }
    Ok(())
}

/// A line with its marks as colours or plain markers.
fn render(line: &MarkedLine, side_a: bool, format: DiffStyle) -> String {
    let chars: Vec<char> = line.text.chars().collect();
    let mut out = String::new();
    let mut at = 0;
    for (r, mark) in &line.marks {
        out.extend(&chars[at..r.start]);
        let s: String = chars[r.clone()].iter().collect();
        out.push_str(&decorate(&s, *mark, side_a, format));
        at = r.end;
    }
    out.extend(&chars[at..]);
    out
}

fn decorate(s: &str, mark: Mark, side_a: bool, format: DiffStyle) -> String {
    match (mark, format) {
        (Mark::Same, _) => s.to_owned(),
        (Mark::Shared, DiffStyle::Colour) => s.cyan().bold().to_string(),
        (Mark::Only, DiffStyle::Colour) if side_a => s.red().to_string(),
        (Mark::Only, DiffStyle::Colour) => s.green().to_string(),
        (Mark::Shared, _) => format!("[={s}=]"),
        (Mark::Only, _) if side_a => format!("[-{s}-]"),
        (Mark::Only, _) => format!("{{+{s}+}}"),
    }
}

const COLUMNS: [(&str, usize); 4] = [("indicator", 24), ("A", 22), ("B", 22), ("B − A", 0)];

fn write_figures(out: &mut impl Write, rows: &[Facing]) -> io::Result<()> {
    writeln!(
        out,
        "{}",
        super::table_row(&COLUMNS.map(|(h, _)| h.to_owned()), &COLUMNS)
    )?;
    for f in rows {
        let value = |s: &Option<lawgov_tui::compare::facing::Stated>| {
            s.as_ref().map_or_else(
                || "—".to_owned(),
                |s| match s.chosen {
                    true => format!("{}*", s.shown),
                    false => s.shown.clone(),
                },
            )
        };
        let values = [
            f.name.clone(),
            value(&f.a),
            value(&f.b),
            f.difference
                .as_ref()
                .map_or_else(String::new, |d| d.shown.clone()),
        ];
        writeln!(out, "{}", super::table_row(&values, &COLUMNS))?;
    }
    Ok(())
}

#[derive(Serialize)]
struct JsonSpan {
    side: &'static str,
    start: usize,
    len: usize,
    mark: Mark,
    text: String,
}

fn spans(side: &'static str, text: &str, spans: &[Span]) -> Vec<JsonSpan> {
    let chars: Vec<char> = text.chars().collect();
    spans
        .iter()
        .map(|s| JsonSpan {
            side,
            start: s.start,
            len: s.len,
            mark: s.mark,
            text: chars[s.start..s.start + s.len].iter().collect(),
        })
        .collect()
}

/// A side's section, with the part of the report it is in.
fn section_json(r: &Report, parts: &[Part], s: Option<usize>) -> Value {
    s.and_then(|s| Some((r.sections().get(s)?, parts.get(s)?)))
        .map_or(
            Value::Null,
            |(x, part)| json!({"marker": x.marker, "title": x.title, "line": r.file_line(x.line), "part": part}),
        )
}

fn report_json(r: &Report) -> Value {
    json!({"file": r.file, "place": r.meta.place, "year": r.meta.year})
}

fn to_json(a: &Report, b: &Report, c: &Comparison, topics: &Topics) -> Value {
    let (parts_a, parts_b) = (a.section_parts(), b.section_parts());
    let pairs: Vec<Value> = c
        .pairs
        .iter()
        .map(|p| {
            let mut all = spans("a", &p.a_text, &p.marked.a);
            all.extend(spans("b", &p.b_text, &p.marked.b));
            json!({
                "topic": p.topic.and_then(|t| topics.topics.get(t)).map(|t| &t.id),
                "score": (p.score * 1000.0).round() / 1000.0,
                "part": p.part,
                "outline": p.outline,
                "a_section": section_json(a, &parts_a, p.a),
                "b_section": section_json(b, &parts_b, p.b),
                "a_more": p.a_more.iter().map(|&s| section_json(a, &parts_a, Some(s))).collect::<Vec<_>>(),
                "b_more": p.b_more.iter().map(|&s| section_json(b, &parts_b, Some(s))).collect::<Vec<_>>(),
                "mode": p.marked.mode,
                "share": (p.marked.share * 1000.0).round() / 1000.0,
                "a_text": p.a_text,
                "b_text": p.b_text,
                "spans": all,
                "figures": facing_json(a, b, &p.figures),
            })
        })
        .collect();
    json!({
        "a": report_json(a),
        "b": report_json(b),
        "degraded": c.degraded,
        "pairs": pairs,
        "figures": facing_json(a, b, &c.figures),
    })
}

/// Figures face to face, each side's line and column as its file counts
/// them.
fn facing_json(a: &Report, b: &Report, rows: &[Facing]) -> Value {
    let mut v = serde_json::to_value(rows).unwrap_or_default();
    for row in v.as_array_mut().into_iter().flatten() {
        for (side, r) in [("a", a), ("b", b)] {
            let stated = &mut row[side];
            if let (Some(line), Some(col)) = (stated["line"].as_u64(), stated["col"].as_u64()) {
                let (line, col) = r.file_position(line as usize, col as usize);
                stated["line"] = line.into();
                stated["col"] = col.into();
            }
        }
    }
    v
}
