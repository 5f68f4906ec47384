//! `lawgov-tui followup A B [--json] [--force] [--time-limit MS]`: each
//! commitment of report A's plans against report B of the next year, and
//! the shortcomings B repeats.

use std::io::{self, Write};

use serde_json::json;

use lawgov_tui::followup::{Followup, Passage, Promise, Status};
use lawgov_tui::text::{self, printable};
use lawgov_tui::Report;

/// Why two reports are not one place's consecutive years, if they are not.
pub fn not_consecutive(a: &Report, b: &Report) -> Option<String> {
    lawgov_tui::followup::not_consecutive(a, b, |r| r.file.clone())
}

pub fn print(
    out: &mut impl Write,
    a: &Report,
    b: &Report,
    f: &Followup,
    json: bool,
) -> io::Result<()> {
    if json {
        return super::write_json(out, &to_json(a, b, f));
    }
    let (k, n) = f.reported();
    writeln!(
        out,
        "{} → {}: {k} of {n} promises reported, in {} paragraphs",
        printable(&a.label()),
        printable(&b.label()),
        f.paragraphs.len()
    )?;
    if f.unchecked > 0 {
        writeln!(
            out,
            "time limit: {} of {n} promises not checked (marked ?)",
            f.unchecked
        )?;
    }
    let mut paragraph = None;
    for p in &f.promises {
        if paragraph != Some(p.paragraph) {
            paragraph = Some(p.paragraph);
            print_paragraph(out, a, f, p.paragraph)?;
        }
        print_promise(out, a, b, p)?;
    }
    print_shortcomings(out, a, b, f)
}

fn print_paragraph(out: &mut impl Write, a: &Report, f: &Followup, i: usize) -> io::Result<()> {
    let Some(para) = f.paragraphs.get(i) else {
        return Ok(());
    };
    let title = para.title.as_deref().unwrap_or(para.at.text.as_str());
    writeln!(
        out,
        "¶ L{:<5} {}",
        a.file_line(para.at.line),
        printable(&text::truncate(&one_line(title), 70))
    )
}

fn mark(s: Status) -> &'static str {
    match s {
        Status::Reported => "✓",
        Status::NotFound => "✗",
        Status::Unchecked => "?",
    }
}

fn print_promise(out: &mut impl Write, a: &Report, b: &Report, p: &Promise) -> io::Result<()> {
    let stated = p.stated.as_ref().map_or(String::new(), |s| {
        format!(" [{} → {}: {}]", s.set, s.stated, s.outcome.name())
    });
    writeln!(
        out,
        "  {} L{:<5} {}{}",
        mark(p.status),
        a.file_line(p.plan.line),
        printable(&text::truncate(&one_line(&p.plan.text), 64)),
        printable(&stated)
    )?;
    for e in &p.evidence {
        writeln!(
            out,
            "      {:.2} L{:<5} {}",
            e.score,
            b.file_line(e.passage.line),
            printable(&text::truncate(&one_line(&e.passage.text), 60))
        )?;
    }
    Ok(())
}

fn print_shortcomings(
    out: &mut impl Write,
    a: &Report,
    b: &Report,
    f: &Followup,
) -> io::Result<()> {
    let s = &f.shortcomings;
    writeln!(
        out,
        "shortcomings: {:.0}% of {}'s repeated from {}",
        s.share * 100.0,
        printable(&b.label()),
        printable(&a.label())
    )?;
    for r in &s.repeated {
        writeln!(
            out,
            "  L{:<5} = L{:<5} {}",
            b.file_line(r.b.line),
            a.file_line(r.a.line),
            printable(&text::truncate(&r.b.text, 66))
        )?;
    }
    Ok(())
}

fn one_line(s: &str) -> String {
    s.replace('\n', " ")
}

fn side(r: &Report) -> serde_json::Value {
    json!({"file": r.file, "place": r.meta.place, "year": r.meta.year})
}

/// A passage of report `r`, where its file has it.
fn at(r: &Report, p: &Passage) -> serde_json::Value {
    let (line, col) = r.file_position(p.line, p.col);
    json!({"text": p.text, "line": line, "col": col})
}

fn promise_json(a: &Report, b: &Report, f: &Followup, p: &Promise) -> serde_json::Value {
    let evidence: Vec<_> = p
        .evidence
        .iter()
        .map(|e| {
            let mut v = at(b, &e.passage);
            v["score"] = round(e.score).into();
            v
        })
        .collect();
    let para = f.paragraphs.get(p.paragraph);
    let plan = at(a, &p.plan);
    json!({
        "text": p.plan.text,
        "line": plan["line"],
        "col": plan["col"],
        "kind": p.kind,
        "paragraph": {
            "index": p.paragraph,
            "line": para.map(|x| a.file_line(x.at.line)),
            "title": para.and_then(|x| x.title.as_deref()),
        },
        "status": p.status,
        "score": round(p.score),
        "evidence": evidence,
        "stated": p.stated,
    })
}

pub fn to_json(a: &Report, b: &Report, f: &Followup) -> serde_json::Value {
    let paragraphs: Vec<_> = f
        .paragraphs
        .iter()
        .map(|x| {
            let mut v = at(a, &x.at);
            v["title"] = json!(x.title);
            v
        })
        .collect();
    let promises: Vec<_> = f
        .promises
        .iter()
        .map(|p| promise_json(a, b, f, p))
        .collect();
    let s = &f.shortcomings;
    let repeated: Vec<_> = s
        .repeated
        .iter()
        .map(|r| {
            json!({"text": r.b.text, "a_line": a.file_line(r.a.line),
                   "b_line": b.file_line(r.b.line), "a": at(a, &r.a)})
        })
        .collect();
    json!({
        "a": side(a),
        "b": side(b),
        "paragraphs": paragraphs,
        "promises": promises,
        "unchecked": f.unchecked,
        "shortcomings": {
            "share": round(s.share),
            "found": {"a": s.found[0], "b": s.found[1]},
            "repeated": repeated,
        },
    })
}

fn round(x: f32) -> f64 {
    (f64::from(x) * 1000.0).round() / 1000.0
}
