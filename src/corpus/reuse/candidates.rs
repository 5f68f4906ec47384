//! Which reports to compare: those that share fingerprints, found from an
//! inverted index (fingerprint → reports), never by comparing every pair.
//!
//! A fingerprint shared by very many reports is the genre's, not one
//! writer's borrowing: it is no evidence, and leaving it out bounds the
//! work, which is the sum over fingerprints of the squares of their
//! reports. Each report keeps its [`MAX_PARTNERS`] partners that share
//! the most.

use rayon::prelude::*;

/// Fingerprints a pair must share to be compared: a passage of 40
/// symbols leaves three.
pub(crate) const MIN_SHARED: u32 = 2;
/// The most partners a report is compared with (those it shares most
/// fingerprints with): bounds the pairs to a multiple of the reports.
pub(crate) const MAX_PARTNERS: usize = 32;
/// A fingerprint in more reports than this (or than half of them) is the
/// genre's.
pub(crate) const MAX_REPORTS: usize = 64;

/// A pair to compare: reports `a` < `b`, and the fingerprints they share.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CandidatePair {
    pub a: u32,
    pub b: u32,
    pub shared: u32,
}

/// The pairs to compare among reports with these fingerprints (each
/// list sorted, without repeats), by `a` then most shared first.
pub fn candidates(fps: &[Vec<u32>]) -> Vec<CandidatePair> {
    let n = fps.len();
    let max_reports = MAX_REPORTS.min(n / 2).max(2);
    let index = Index::of(fps, max_reports);
    (0..n)
        .into_par_iter()
        .map_init(
            || (vec![0u32; n], Vec::new()),
            |(count, touched), a| index.partners(a as u32, count, touched),
        )
        .flatten_iter()
        .collect()
}

/// For each kept fingerprint, its reports; for each report, its kept
/// fingerprints: both as flat lists with offsets.
struct Index {
    holders: Vec<u32>,
    holder_starts: Vec<usize>,
    held: Vec<u32>,
    held_starts: Vec<usize>,
}

impl Index {
    fn of(fps: &[Vec<u32>], max_reports: usize) -> Index {
        let mut postings: Vec<(u32, u32)> = Vec::with_capacity(fps.iter().map(Vec::len).sum());
        for (r, list) in fps.iter().enumerate() {
            postings.extend(list.iter().map(|&h| (h, r as u32)));
        }
        postings.par_sort_unstable();
        let (mut holders, mut holder_starts) = (Vec::new(), vec![0]);
        let mut by_report: Vec<(u32, u32)> = Vec::new();
        for run in postings.chunk_by(|x, y| x.0 == y.0) {
            if run.len() < 2 || run.len() > max_reports {
                continue;
            }
            let id = (holder_starts.len() - 1) as u32;
            holders.extend(run.iter().map(|&(_, r)| r));
            holder_starts.push(holders.len());
            by_report.extend(run.iter().map(|&(_, r)| (r, id)));
        }
        drop(postings);
        by_report.par_sort_unstable();
        let mut held_starts = vec![0; fps.len() + 1];
        for &(r, _) in &by_report {
            held_starts[r as usize + 1] += 1;
        }
        for i in 0..fps.len() {
            held_starts[i + 1] += held_starts[i];
        }
        Index {
            holders,
            holder_starts,
            held: by_report.into_iter().map(|(_, id)| id).collect(),
            held_starts,
        }
    }

    /// Report `a`'s partners after it, most shared first; `count` is all
    /// zeros before and after.
    fn partners(&self, a: u32, count: &mut [u32], touched: &mut Vec<u32>) -> Vec<CandidatePair> {
        let ai = a as usize;
        for &fp in &self.held[self.held_starts[ai]..self.held_starts[ai + 1]] {
            let fp = fp as usize;
            for &b in &self.holders[self.holder_starts[fp]..self.holder_starts[fp + 1]] {
                if b > a {
                    if count[b as usize] == 0 {
                        touched.push(b);
                    }
                    count[b as usize] += 1;
                }
            }
        }
        let mut out: Vec<CandidatePair> = touched
            .iter()
            .filter(|&&b| count[b as usize] >= MIN_SHARED)
            .map(|&b| CandidatePair {
                a,
                b,
                shared: count[b as usize],
            })
            .collect();
        for &b in touched.iter() {
            count[b as usize] = 0;
        }
        touched.clear();
        out.sort_by_key(|c| (std::cmp::Reverse(c.shared), c.b));
        out.truncate(MAX_PARTNERS);
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pairs_come_from_shared_fingerprints_only() {
        let mut fps = vec![
            vec![1, 2, 3, 10],
            vec![2, 3, 4, 11],
            vec![3, 5, 6, 12],
            vec![7, 8, 9],
            vec![13],
            vec![14],
        ];
        // 100 is in four of six reports: the genre's, no evidence.
        for f in fps.iter_mut().take(4) {
            f.push(100);
        }
        let got = candidates(&fps);
        assert_eq!(
            got,
            vec![CandidatePair {
                a: 0,
                b: 1,
                shared: 2
            }]
        );
    }

    #[test]
    fn partners_are_bounded() {
        let fps: Vec<Vec<u32>> = (0..200u32).map(|i| vec![1, 2, 3, 1000 + i]).collect();
        // Fingerprints in every report are dropped: nothing left to pair.
        assert!(candidates(&fps).is_empty());
        let fps: Vec<Vec<u32>> = (0..200u32).map(|i| vec![i / 40, 10 + i / 40]).collect();
        let got = candidates(&fps);
        let most = (0..200u32)
            .map(|a| got.iter().filter(|c| c.a == a).count())
            .max();
        assert_eq!(most, Some(MAX_PARTNERS));
    }
}
