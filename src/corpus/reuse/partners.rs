//! One report's view of a corpus' reuse: the reports it shares passages
//! with, each with the passages described from this report's side. What
//! a reader asks of a report it has open: where else its text appears.

use super::many::Reuse;
use super::{align, described, Folded, Shared};
use crate::report::Report;

/// A group's first shows at most this many of its members as partners:
/// near copies say one thing, and each costs an alignment.
pub(crate) const MAX_MEMBERS_SHOWN: usize = 32;

/// A report `doc` shares passages with.
#[derive(Debug, Clone, PartialEq)]
pub struct Partner {
    pub doc: usize,
    /// The passages, `doc`'s report as A.
    pub shared: Shared,
}

impl Reuse {
    /// The reports `doc` shares passages with, most shared first; `report`
    /// gives a doc's report (the source's reports, by the doc's number).
    pub(crate) fn partners<'a>(
        &self,
        doc: usize,
        report: impl Fn(usize) -> Option<&'a Report>,
    ) -> Vec<Partner> {
        let Some(this) = report(doc) else {
            return Vec::new();
        };
        let mine = Folded::of(this, &self.stock);
        let mut out: Vec<Partner> = self
            .linked(doc)
            .into_iter()
            .filter_map(|other| {
                let shared = self.shared_folded(doc, &mine, this, other, report(other)?)?;
                (!shared.passages.is_empty()).then_some(Partner { doc: other, shared })
            })
            .collect();
        out.sort_by(|x, y| {
            y.shared
                .a_share
                .total_cmp(&x.shared.a_share)
                .then(x.doc.cmp(&y.doc))
        });
        out
    }

    /// What reports `a` and `b` share, `a` as A: their pair's passages,
    /// or, for a group's first and a member, the two aligned now.
    pub fn shared(&self, a: usize, ra: &Report, b: usize, rb: &Report) -> Option<Shared> {
        let fa = Folded::of(ra, &self.stock);
        self.shared_folded(a, &fa, ra, b, rb)
    }

    fn shared_folded(
        &self,
        a: usize,
        fa: &Folded,
        ra: &Report,
        b: usize,
        rb: &Report,
    ) -> Option<Shared> {
        let fb = self.folded(b, rb)?;
        if !self.same_text(a, fa) {
            return None;
        }
        let found = match self.pair_of(a, b) {
            Some(found) => found,
            None if self.one_group(a, b) => align::align(fa, &fb, self.min_chars),
            None => return None,
        };
        Some(described(ra, rb, fa, &fb, &found))
    }

    /// The reports `doc` is linked with: the pairs it is in, and its
    /// group's first (or, for the first, its first members).
    fn linked(&self, doc: usize) -> Vec<usize> {
        let mut out: Vec<usize> = self
            .pairs
            .iter()
            .filter_map(|p| match (p.a == doc, p.b == doc) {
                (true, _) => Some(p.b),
                (_, true) => Some(p.a),
                _ => None,
            })
            .collect();
        if let Some(c) = self.docs.get(doc).and_then(|d| d.cluster) {
            let members = &self.clusters[c].members;
            match members[0].doc == doc {
                true => out.extend(members[1..].iter().take(MAX_MEMBERS_SHOWN).map(|m| m.doc)),
                false => out.push(members[0].doc),
            }
        }
        out
    }

    /// The passages of the pair of `a` and `b`, `a`'s side first.
    fn pair_of(&self, a: usize, b: usize) -> Option<Vec<align::Alignment>> {
        self.pairs.iter().find_map(|p| match (p.a, p.b) {
            (x, y) if (x, y) == (a, b) => Some(p.found.clone()),
            (x, y) if (x, y) == (b, a) => Some(p.found.iter().map(|al| al.swapped()).collect()),
            _ => None,
        })
    }

    fn one_group(&self, a: usize, b: usize) -> bool {
        let group = |d: usize| self.docs.get(d).and_then(|x| x.cluster);
        group(a).is_some() && group(a) == group(b)
    }
}

#[cfg(test)]
mod tests {
    use super::super::{reuse, Loaded};
    use crate::corpus::Library;
    use crate::report::{Depth, Report, TextEncoding};

    fn bundled(name: &str) -> String {
        let lib = Library::bundled_to(Depth::Outline);
        let r = lib.reports.iter().find(|r| r.file.contains(name));
        r.map(|r| r.text.clone()).unwrap_or_default()
    }

    #[test]
    fn a_report_sees_its_next_year_and_its_near_copies() {
        let yixing = bundled("yixing");
        let mianyang = bundled("mianyang");
        let mut texts = vec![
            yixing.clone(),
            yixing.replace("2024", "2025").replace("12345", "12346"),
        ];
        for place in ["德阳", "广元", "遂宁", "内江", "乐山"] {
            texts.push(mianyang.replace("绵阳", place));
        }
        let reports: Vec<Report> = texts
            .into_iter()
            .enumerate()
            .map(|(i, t)| {
                Report::parse_to(&format!("r{i}.txt"), t, TextEncoding::Utf8, Depth::Outline)
            })
            .collect();
        let r = reuse(&Loaded(&reports), 40);
        let get = |d: usize| reports.get(r.docs[d].source);
        let next = r.partners(0, get);
        assert_eq!(next.len(), 1, "{next:?}");
        assert_eq!(next[0].doc, 1);
        assert!(next[0].shared.a_share > 0.9);
        let p = &next[0].shared.passages[0];
        assert!(!p.a_spans.is_empty() && !p.b_spans.is_empty());
        let first = r.clusters[0].members[0].doc;
        let of_member = r.partners(6, get);
        assert_eq!(of_member.iter().map(|p| p.doc).collect::<Vec<_>>(), [first]);
        assert_eq!(r.partners(first, get).len(), 4);
        let both = r.shared(6, &reports[6], first, &reports[first]).unwrap();
        assert!(both.a_share > 0.9, "{}", both.a_share);
    }
}
