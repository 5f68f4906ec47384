//! `lawgov-tui followup A B [--json] [--force]`: the plans of report A
//! against report B of the next year, and the shortcomings B repeats.

use std::io::{self, Write};

use serde_json::json;

use lawgov_tui::followup::{Followup, Passage, Status};
use lawgov_tui::report::place;
use lawgov_tui::text::{self, printable};
use lawgov_tui::Report;

/// Why two reports are not one place's consecutive years, if they are not.
pub fn not_consecutive(a: &Report, b: &Report) -> Option<String> {
    let (ma, mb) = (&a.meta, &b.meta);
    let same_place = match (&ma.place, &mb.place) {
        (Some(pa), Some(pb)) => place::same_place(pa, pb),
        _ => false,
    };
    if !same_place {
        return Some(format!(
            "{} and {} are not reports of one place ({} and {})",
            a.file,
            b.file,
            ma.place.as_deref().unwrap_or("place unknown"),
            mb.place.as_deref().unwrap_or("place unknown"),
        ));
    }
    match (ma.year, mb.year) {
        (Some(ya), Some(yb)) if yb == ya + 1 => None,
        (ya, yb) => Some(format!(
            "{} ({}) is not the year after {} ({})",
            b.file,
            yb.map_or("year unknown".to_owned(), |y| y.to_string()),
            a.file,
            ya.map_or("year unknown".to_owned(), |y| y.to_string()),
        )),
    }
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
        "{} → {}: {k} of {n} plans reported",
        printable(&a.label()),
        printable(&b.label())
    )?;
    for p in &f.promises {
        let mark = match p.status {
            Status::Reported => "✓",
            Status::NotFound => "✗",
        };
        writeln!(
            out,
            "{mark} L{:<5} {}",
            p.plan.line,
            printable(&text::truncate(&one_line(&p.plan.text), 70))
        )?;
        for e in &p.evidence {
            writeln!(
                out,
                "    {:.2} L{:<5} {}",
                e.score,
                e.passage.line,
                printable(&text::truncate(&e.passage.text, 66))
            )?;
        }
    }
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
            r.b.line,
            r.a.line,
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

fn at(p: &Passage) -> serde_json::Value {
    json!({"text": p.text, "line": p.line})
}

pub fn to_json(a: &Report, b: &Report, f: &Followup) -> serde_json::Value {
    let promises: Vec<_> = f
        .promises
        .iter()
        .map(|p| {
            let evidence: Vec<_> = p
                .evidence
                .iter()
                .map(|e| json!({"text": e.passage.text, "line": e.passage.line, "score": round(e.score)}))
                .collect();
            json!({
                "text": p.plan.text,
                "line": p.plan.line,
                "status": p.status,
                "evidence": evidence,
            })
        })
        .collect();
    let s = &f.shortcomings;
    let repeated: Vec<_> = s
        .repeated
        .iter()
        .map(|r| json!({"text": r.b.text, "a_line": r.a.line, "b_line": r.b.line, "a": at(&r.a)}))
        .collect();
    json!({
        "a": side(a),
        "b": side(b),
        "promises": promises,
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
