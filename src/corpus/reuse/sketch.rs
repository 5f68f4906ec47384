//! What a report keeps of its text for finding its partners among many:
//! winnowed fingerprints (MOSS's winnowing over n-grams of symbols) and a
//! one-permutation MinHash signature of them.
//!
//! Winnowing keeps, of every [`WINDOW`] consecutive n-grams, the one with
//! the least hash, so two texts that share a run of
//! `WINDOW + GRAM - 1` symbols share a fingerprint whatever else they
//! hold, and about 2/(WINDOW+1) of the n-grams are kept. N-grams that lie
//! wholly in stock phrases are never kept: a pair that shares only those
//! shares nothing worth a look.

use std::collections::VecDeque;

use super::folded::Folded;

/// Symbols in an n-gram: eight Han characters are about four words,
/// rarely shared by chance beyond the genre's stock.
pub(crate) const GRAM: usize = 8;
/// N-grams in a winnowing window: a shared run of 17 symbols always
/// leaves a fingerprint, a passage of 40 three, each half of a passage of
/// 50 cut by a changed name one.
pub(crate) const WINDOW: usize = 10;
/// Bins of the signature; [`BAND`] of them make one key of the index.
pub(crate) const BINS: usize = 64;
pub(crate) const BAND: usize = 4;
/// An empty bin (a report with few fingerprints).
const EMPTY: u32 = u32::MAX;

/// A 64-bit hash of every n-gram of `n` symbols, by start: polynomial and
/// rolling, so each costs O(1).
pub(crate) fn grams(syms: &[u16], n: usize) -> impl Iterator<Item = (usize, u64)> + '_ {
    const BASE: u64 = 0x0000_0100_0000_01b3;
    let top = (1..n).fold(1u64, |p, _| p.wrapping_mul(BASE));
    let mut hash = 0u64;
    syms.iter().enumerate().filter_map(move |(i, &s)| {
        hash = hash.wrapping_mul(BASE).wrapping_add(u64::from(s) + 1);
        let start = (i + 1).checked_sub(n)?;
        let out = (start, mix(hash));
        hash = hash.wrapping_sub((u64::from(syms[start]) + 1).wrapping_mul(top));
        Some(out)
    })
}

/// A finaliser (splitmix64's): the low bits of a polynomial hash follow
/// its last symbols too closely to pick minima by.
pub(crate) fn mix(mut x: u64) -> u64 {
    x ^= x >> 30;
    x = x.wrapping_mul(0xbf58_476d_1ce4_e5b9);
    x ^= x >> 27;
    x = x.wrapping_mul(0x94d0_49bb_1331_11eb);
    x ^ (x >> 31)
}

/// The winnowed fingerprints of a text, as 32-bit hashes, sorted and
/// without repeats.
pub(crate) fn fingerprints(f: &Folded) -> Vec<u32> {
    let mut stock_run = 0usize;
    let mut window: VecDeque<(usize, u64)> = VecDeque::new();
    let mut out = Vec::new();
    let mut last = usize::MAX;
    for (start, hash) in grams(&f.syms, GRAM) {
        // A gram wholly in stock phrases never wins a window.
        if start == 0 {
            stock_run = (0..GRAM - 1).filter(|&i| f.stock.get(i)).count();
        } else {
            stock_run -= usize::from(f.stock.get(start - 1));
        }
        stock_run += usize::from(f.stock.get(start + GRAM - 1));
        let hash = if stock_run == GRAM { u64::MAX } else { hash };
        // The rightmost least hash of the window, as the paper keeps it.
        while window.back().is_some_and(|&(_, h)| h >= hash) {
            window.pop_back();
        }
        window.push_back((start, hash));
        while window.front().is_some_and(|&(s, _)| s + WINDOW <= start) {
            window.pop_front();
        }
        if start + 1 < WINDOW {
            continue;
        }
        if let Some(&(at, h)) = window.front() {
            if at != last && h != u64::MAX {
                out.push((h >> 32) as u32);
                last = at;
            }
        }
    }
    out.sort_unstable();
    out.dedup();
    out
}

/// A MinHash signature of a set of fingerprints with one hash each
/// (one-permutation hashing): the set is cut into [`BINS`] by a hash's top
/// bits, and each bin keeps its least value.
pub(crate) type Signature = [u32; BINS];

pub fn signature(fps: &[u32]) -> Signature {
    let mut sig = [EMPTY; BINS];
    for &fp in fps {
        let h = mix(u64::from(fp) ^ 0x5851_f42d_4c95_7f2d);
        let bin = (h >> 58) as usize;
        let value = (h as u32).min(EMPTY - 1);
        sig[bin] = sig[bin].min(value);
    }
    sig
}

/// The estimated resemblance (Jaccard) of the two sets: the share of the
/// bins either fills that hold one value in both.
pub(crate) fn likeness(a: &Signature, b: &Signature) -> f32 {
    let (mut same, mut filled) = (0, 0);
    for (x, y) in a.iter().zip(b) {
        if *x != EMPTY || *y != EMPTY {
            filled += 1;
            same += usize::from(x == y);
        }
    }
    match filled {
        0 => 0.0,
        n => same as f32 / n as f32,
    }
}

/// The keys a signature is filed under, one per band of [`BAND`] bins
/// (none for a band with an empty bin: too few fingerprints to tell).
pub(crate) fn band_keys(sig: &Signature) -> impl Iterator<Item = u64> + '_ {
    sig.chunks(BAND).enumerate().filter_map(|(band, bins)| {
        if bins.contains(&EMPTY) {
            return None;
        }
        let key = bins.iter().fold(band as u64, |h, &b| mix(h ^ u64::from(b)));
        Some(key)
    })
}

#[cfg(test)]
mod tests {
    use super::super::folded::Bits;
    use super::*;

    fn folded(text: &str) -> Folded {
        Folded::plain(text)
    }

    const TEXT: &str = "全面推行行政执法公示制度执法全过程记录制度重大执法决定法制审核制度推动执法信息化建设开展执法案卷评查";

    #[test]
    fn rolling_hashes_are_the_grams_hashes() {
        let syms: Vec<u16> = TEXT.chars().map(|c| c as u16).collect();
        let rolled: Vec<u64> = grams(&syms, 5).map(|(_, h)| h).collect();
        for (i, h) in rolled.iter().enumerate() {
            let fresh = grams(&syms[i..i + 5], 5).next().unwrap().1;
            assert_eq!(*h, fresh, "{i}");
        }
        assert_eq!(rolled.len(), syms.len() - 4);
    }

    #[test]
    fn a_shared_run_leaves_a_shared_fingerprint() {
        let run: String = TEXT.chars().take(WINDOW + GRAM - 1).collect();
        let a = folded(&format!("甲乙丙丁戊己庚辛壬癸{run}子丑寅卯"));
        let b = folded(&format!("天地玄黄宇宙洪荒{run}日月盈昃"));
        let (fa, fb) = (fingerprints(&a), fingerprints(&b));
        assert!(fa.iter().any(|h| fb.binary_search(h).is_ok()));
    }

    #[test]
    fn stock_grams_leave_no_fingerprint() {
        let mut f = folded(TEXT);
        f.stock = Bits::from(&vec![true; f.len()]);
        assert!(fingerprints(&f).is_empty());
    }

    #[test]
    fn near_copies_look_alike_and_others_do_not() {
        let text: String = TEXT.repeat(8);
        let sig = |t: &str| signature(&fingerprints(&folded(t)));
        let edited = text.replacen("公示", "公开", 2);
        assert!(likeness(&sig(&text), &sig(&edited)) > 0.6);
        let other = "深化行政复议体制改革发挥行政复议化解行政争议主渠道作用".repeat(6);
        assert!(likeness(&sig(&text), &sig(&other)) < 0.2);
        assert_eq!(likeness(&sig(""), &sig("")), 0.0);
    }
}
