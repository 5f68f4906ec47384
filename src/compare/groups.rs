//! Topic against topic: one report may write three sections on disputes
//! where the other writes one. After sections are paired one to one, a
//! section left alone joins the pair of its part whose topic is its own,
//! on its own side, so that all the sections on a topic stand together.
//! Close reports (one government's two years, a draft and its final) keep
//! section against section: their sections are versions of each other.

use super::align::Aligned;
use super::topics::Scored;
use crate::report::Part;

/// Sections of A against sections of B (either side may be empty), with
/// the topic and the score of the pair they grew from.
#[derive(Debug, Clone, PartialEq)]
pub struct Group {
    pub a: Vec<usize>,
    pub b: Vec<usize>,
    pub topic: Option<usize>,
    pub score: f32,
}

/// What each side knows of its sections: topics, parts, and which may
/// join a group (a heading whose text is all in its subsections may not).
pub(crate) struct SideSections<'a> {
    pub topics: &'a [Vec<Scored>],
    pub parts: &'a [Part],
    pub may_join: &'a dyn Fn(usize) -> bool,
}

/// The first pair of a part: a report's shortcomings are one account,
/// whatever topics its sections touch, and stand against the other's.
fn part_pair(
    groups: &[Group],
    joined: &[bool],
    side: &SideSections,
    on_a: bool,
    part: Part,
) -> Option<usize> {
    (0..groups.len()).find(|&t| {
        let own = if on_a { &groups[t].a } else { &groups[t].b };
        let other = if on_a { &groups[t].b } else { &groups[t].a };
        !joined[t] && !other.is_empty() && own.first().is_some_and(|&s| side.parts[s] == part)
    })
}

/// The rows of a comparison, lone sections gathered into the pair of their
/// topic (unless `close`).
pub(crate) fn gather(
    aligned: Vec<Aligned>,
    a: &SideSections,
    b: &SideSections,
    close: bool,
) -> Vec<Group> {
    let mut groups: Vec<Group> = aligned
        .into_iter()
        .map(|x| Group {
            a: x.a.into_iter().collect(),
            b: x.b.into_iter().collect(),
            topic: x.topic,
            score: x.score,
        })
        .collect();
    if close {
        return groups;
    }
    let mut joined = vec![false; groups.len()];
    for g in 0..groups.len() {
        let (lone, on_a) = match (groups[g].a.as_slice(), groups[g].b.as_slice()) {
            ([s], []) => (*s, true),
            ([], [s]) => (*s, false),
            _ => continue,
        };
        let side = if on_a { a } else { b };
        let Some(topic) = side.topics[lone].first().map(|t| t.topic) else {
            continue;
        };
        if !(side.may_join)(lone) {
            continue;
        }
        let part = side.parts[lone];
        // The pair on that topic in that part whose section on this side
        // is nearest in the report.
        let target = (0..groups.len())
            .filter(|&t| !joined[t] && !groups[t].a.is_empty() && !groups[t].b.is_empty())
            .filter(|&t| groups[t].topic == Some(topic))
            .filter_map(|t| {
                let own = if on_a { &groups[t].a } else { &groups[t].b };
                let first = *own.first()?;
                (side.parts[first] == part).then_some((first.abs_diff(lone), t))
            })
            .min()
            .map(|(_, t)| t)
            .or_else(|| {
                (part == Part::Shortcomings)
                    .then(|| part_pair(&groups, &joined, side, on_a, part))
                    .flatten()
            });
        if let Some(t) = target {
            let own = if on_a {
                &mut groups[t].a
            } else {
                &mut groups[t].b
            };
            own.push(lone);
            own.sort_unstable();
            joined[g] = true;
        }
    }
    let mut kept: Vec<Group> = groups
        .into_iter()
        .zip(joined)
        .filter(|(_, j)| !j)
        .map(|(g, _)| g)
        .collect();
    // A group stands where its first section of A does (one that gathered
    // an earlier section moves up to it); B's lone sections stay after the
    // row they followed.
    let mut key = 0;
    let keys: Vec<usize> = kept
        .iter()
        .map(|g| {
            if let Some(&first) = g.a.first() {
                key = first;
            }
            key
        })
        .collect();
    let mut order: Vec<usize> = (0..kept.len()).collect();
    order.sort_by_key(|&i| keys[i]);
    let mut slots: Vec<Option<Group>> = kept.drain(..).map(Some).collect();
    order.into_iter().filter_map(|i| slots[i].take()).collect()
}
