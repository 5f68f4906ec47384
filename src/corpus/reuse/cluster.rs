//! Near copies: reports that are one text with a few words changed (a
//! template filled in by many places, a report filed again under another
//! name). Their pairs would be millions and say one thing, so they are
//! found first, from their signatures alone, and shown as one group.
//!
//! Signatures are filed under each band of their bins (locality-sensitive
//! hashing); a report joins the first report filed under one of its keys
//! when their signatures say the two are near copies, and groups are
//! what these joins connect.

use rustc_hash::FxHashMap as HashMap;

use super::sketch::{band_keys, likeness, Signature};

/// Reports this alike (estimated Jaccard of their fingerprints) are near
/// copies: one template filled in by two places is about 0.85 (each
/// place name breaks the fingerprints around it), a report copied from
/// last year with new figures more; two reports of one genre by two
/// writers below 0.1. The estimate from 64 bins errs by about 0.05.
pub(crate) const NEAR_COPY: f32 = 0.7;
/// Groups of fewer near copies stay pairs, each shown with its passages
/// and the numbers that differ; more are one group.
pub(crate) const MIN_MEMBERS: usize = 5;
/// Two reports whose passages hold this share of each are near copies
/// too, whatever their signatures said (an estimate from 64 bins can miss
/// by a tenth).
pub(crate) const NEAR_SHARE: f32 = 0.8;
/// A report with fewer fingerprints is too short to call a near copy.
const MIN_FINGERPRINTS: usize = 16;

/// The groups of at least [`MIN_MEMBERS`] near copies, each in report
/// order; `sigs[i]` is None for a report too short to tell.
pub(crate) fn near_copies(sigs: &[Option<Signature>]) -> Vec<Vec<usize>> {
    let mut parent: Vec<usize> = (0..sigs.len()).collect();
    let mut filed: HashMap<u64, usize> = HashMap::default();
    for (i, sig) in sigs.iter().enumerate() {
        let Some(sig) = sig else { continue };
        for key in band_keys(sig) {
            match filed.get(&key) {
                Some(&head) => {
                    if sigs[head].is_some_and(|h| likeness(&h, sig) >= NEAR_COPY) {
                        union(&mut parent, head, i);
                    }
                }
                None => {
                    filed.insert(key, i);
                }
            }
        }
    }
    let mut groups: HashMap<usize, Vec<usize>> = HashMap::default();
    for i in 0..sigs.len() {
        let root = find(&mut parent, i);
        groups.entry(root).or_default().push(i);
    }
    let mut out: Vec<Vec<usize>> = groups
        .into_values()
        .filter(|g| g.len() >= MIN_MEMBERS)
        .collect();
    out.sort_by_key(|g| g[0]);
    out
}

/// The groups joined by pairs found to be near copies (`near`): groups of
/// one text that their signatures split, and reports they missed; the
/// joined groups of at least [`MIN_MEMBERS`] among `n` reports, each in
/// report order.
pub(crate) fn merged(groups: &[Vec<usize>], n: usize, near: &[(usize, usize)]) -> Vec<Vec<usize>> {
    let mut parent: Vec<usize> = (0..n).collect();
    for g in groups {
        for &d in &g[1..] {
            union(&mut parent, g[0], d);
        }
    }
    for &(a, b) in near {
        union(&mut parent, a, b);
    }
    let mut out: HashMap<usize, Vec<usize>> = HashMap::default();
    for i in 0..n {
        let root = find(&mut parent, i);
        out.entry(root).or_default().push(i);
    }
    let mut out: Vec<Vec<usize>> = out
        .into_values()
        .filter(|g| g.len() >= MIN_MEMBERS)
        .collect();
    out.sort_by_key(|g| g[0]);
    out
}

/// Whether a report has fingerprints enough to be called a near copy.
pub fn enough(fingerprints: usize) -> bool {
    fingerprints >= MIN_FINGERPRINTS
}

fn find(parent: &mut [usize], mut i: usize) -> usize {
    while parent[i] != i {
        parent[i] = parent[parent[i]];
        i = parent[i];
    }
    i
}

fn union(parent: &mut [usize], a: usize, b: usize) {
    let (ra, rb) = (find(parent, a), find(parent, b));
    // The smaller index is the root: groups keep report order.
    let (lo, hi) = (ra.min(rb), ra.max(rb));
    parent[hi] = lo;
}

#[cfg(test)]
mod tests {
    use super::super::sketch::{signature, BINS};
    use super::*;

    #[test]
    fn many_near_copies_make_one_group_and_few_none() {
        let base: Vec<u32> = (0..400).map(|i| i * 7919).collect();
        let copy = |k: u32| -> Option<Signature> {
            let mut fps = base.clone();
            fps[(k as usize) % 400] = 1_000_000 + k;
            Some(signature(&fps))
        };
        let other = |k: u32| -> Option<Signature> {
            Some(signature(
                &(0..400).map(|i| i * 104_729 + k).collect::<Vec<_>>(),
            ))
        };
        let mut sigs: Vec<Option<Signature>> = (0..6).map(copy).collect();
        sigs.push(other(1));
        sigs.push(None);
        sigs.extend((0..3).map(|k| other(1_000 + k)));
        let groups = near_copies(&sigs);
        assert_eq!(groups, vec![vec![0, 1, 2, 3, 4, 5]]);
        let few: Vec<Option<Signature>> = (0..4).map(copy).collect();
        assert!(near_copies(&few).is_empty());
        assert!(near_copies(&[Some([u32::MAX; BINS])]).is_empty());
    }

    #[test]
    fn pairs_of_near_copies_join_groups() {
        let groups = vec![vec![0, 1, 2, 3, 4], vec![5, 6, 7, 8, 9]];
        let joined = merged(&groups, 12, &[(7, 2), (10, 11)]);
        assert_eq!(joined, vec![(0..10).collect::<Vec<_>>()]);
        let single = merged(&groups, 12, &[(4, 11)]);
        assert_eq!(single, vec![vec![0, 1, 2, 3, 4, 11], vec![5, 6, 7, 8, 9]]);
        assert!(
            merged(&[], 3, &[(0, 1), (1, 2)]).is_empty(),
            "three are pairs"
        );
    }
}
