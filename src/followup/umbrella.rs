//! Umbrella terms a reader knows: a plan names one part of a programme
//! and the review the programme (or the other way round), in words the
//! two do not share. Each entry is an umbrella term and the words that
//! fall under it, gathered from the development years only (the national
//! work reports of 2018-2023, the district's of 2014-2017, and the hand
//! judgement of the 2021 plans); a text that names the umbrella is read
//! as naming what falls under it too. Parts are not read as naming their
//! umbrella, so that two parts of one programme never pass for each other
//! (新型基础设施 is not 新型城镇化, though both are 两新一重).

/// An umbrella term and what falls under it, as keys.
const TABLE: [(&str, &[&str]); 10] = [
    ("常态化防控", &["外防输入", "内防反弹"]),
    ("两新一重", &["新型基础设施", "新型城镇化", "重大工程"]),
    ("降准", &["流动性"]),
    ("可再生能源", &["新能源", "风电", "光伏"]),
    ("农业面源污染", &["化肥农药减量", "畜禽养殖废弃物"]),
    ("文化事业", &["新闻出版", "广播影视", "文学艺术"]),
    ("技术改造", &["智能化改造", "数字化改造"]),
    ("多层次资本市场", &["证券交易所", "期货交易所"]),
    ("稳岗", &["不裁员少裁员"]),
    ("减税降费", &["减税举措", "减税政策"]),
];

/// `key` with what falls under each umbrella it names added after it
/// (apart, so that no character pair runs across them).
pub(crate) fn expand(key: &str) -> String {
    let mut out = key.to_owned();
    for (umbrella, parts) in TABLE {
        if key.contains(umbrella) {
            for w in parts {
                out.push('|');
                out.push_str(w);
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn an_umbrella_reads_as_its_parts_and_not_the_other_way() {
        let e = super::expand("推动化肥农药减量增效，加强农业面源污染治理");
        assert!(e.ends_with("|化肥农药减量|畜禽养殖废弃物"), "{e}");
        assert_eq!(super::expand("新型城镇化扎实推进"), "新型城镇化扎实推进");
    }
}
