//! Whether two reports are one place's consecutive years, the pair a
//! follow-up is made for; any two may be followed up, with a note.

use crate::report::place;
use crate::report::Report;

/// Why `b` is not the next year of `a`'s place, naming each report as
/// `name` gives it; None when it is.
pub fn not_consecutive(a: &Report, b: &Report, name: impl Fn(&Report) -> String) -> Option<String> {
    let (ma, mb) = (&a.meta, &b.meta);
    let same_place = match (&ma.place, &mb.place) {
        (Some(pa), Some(pb)) => place::same_place(pa, pb),
        _ => false,
    };
    if !same_place {
        return Some(format!(
            "{} and {} are not reports of one place ({} and {})",
            name(a),
            name(b),
            ma.place.as_deref().unwrap_or("place unknown"),
            mb.place.as_deref().unwrap_or("place unknown"),
        ));
    }
    match (ma.year, mb.year) {
        (Some(ya), Some(yb)) if yb == ya + 1 => None,
        (ya, yb) => Some(format!(
            "{} ({}) is not the year after {} ({})",
            name(b),
            yb.map_or("year unknown".to_owned(), |y| y.to_string()),
            name(a),
            ya.map_or("year unknown".to_owned(), |y| y.to_string()),
        )),
    }
}
