//! Comparing reports: all ten pairs of the bundled reports, a report
//! against an edited version of itself, and the character diff against an
//! exact longest common subsequence.

use crate::common::{gold_names, report};
use lawgov_tui::compare::{self, marks, topics, Comparison, Mark, Mode, Span};
use lawgov_tui::report::TextEncoding;
use lawgov_tui::text::script;
use lawgov_tui::Report;

/// Compares with time enough for everything: what these tests check must
/// not depend on how fast the machine is (the time budget has its own
/// test, with none at all).
fn run(a: &Report, b: &Report) -> Comparison {
    within(a, b, std::time::Duration::from_secs(60))
}

fn within(a: &Report, b: &Report, budget: std::time::Duration) -> Comparison {
    compare::compare_within(
        a,
        b,
        topics::TopicCatalogue::builtin(),
        lawgov_tui::figures::Catalogue::builtin(),
        None,
        budget,
    )
}

fn chars(s: &str) -> Vec<char> {
    s.chars().collect()
}

/// Spans are in bounds, in order and never overlap.
fn check_spans(text: &str, spans: &[Span], what: &str) {
    let n = text.chars().count();
    let mut end = 0;
    for s in spans {
        assert!(
            s.len > 0 && s.start >= end && s.start + s.len <= n,
            "{what}: {s:?} (text {n} chars)"
        );
        end = s.start + s.len;
    }
}

fn key_of(text: &str, s: &Span) -> String {
    script::key(
        &chars(text)[s.start..s.start + s.len]
            .iter()
            .collect::<String>(),
    )
}

/// A shared run joins phrases (4 characters or more) and key terms (2 or
/// more) that the other text has: every character of it lies in such a
/// piece.
fn made_of_shared_pieces(run: &str, other: &str) -> bool {
    let c = chars(run);
    let mut covered = vec![false; c.len()];
    for len in 2..=8.min(c.len()) {
        for s in 0..=c.len() - len {
            let piece: String = c[s..s + len].iter().collect();
            if other.contains(&piece) {
                covered[s..s + len].iter_mut().for_each(|x| *x = true);
            }
        }
    }
    covered.iter().all(|&x| x)
}

#[test]
fn all_ten_pairs_align_every_section_once_and_mark_true_spans() {
    let names = gold_names();
    let reports: Vec<Report> = names.iter().map(|n| report(n)).collect();
    let mut pairs = 0;
    for i in 0..reports.len() {
        for j in i + 1..reports.len() {
            let (a, b) = (&reports[i], &reports[j]);
            let what = format!("{} vs {}", names[i], names[j]);
            let c = run(a, b);
            pairs += 1;
            // Every section of both reports, exactly once.
            let mut seen_a: Vec<usize> = c.pairs.iter().flat_map(|p| p.a_sections()).collect();
            let mut seen_b: Vec<usize> = c.pairs.iter().flat_map(|p| p.b_sections()).collect();
            seen_a.sort();
            seen_b.sort();
            assert_eq!(
                seen_a,
                (0..a.sections().len()).collect::<Vec<_>>(),
                "{what}"
            );
            assert_eq!(
                seen_b,
                (0..b.sections().len()).collect::<Vec<_>>(),
                "{what}"
            );
            // A heading alone that only heads its subsections is said to
            // be one, never "only in" its report.
            for p in &c.pairs {
                let bare = match (p.a, p.b) {
                    (Some(x), None) => a.heading_only(x),
                    (None, Some(y)) => b.heading_only(y),
                    _ => false,
                };
                assert_eq!(p.outline, bare, "{what}");
                assert_eq!(
                    p.summary().contains("only in"),
                    p.a.is_none() != p.b.is_none() && !bare,
                    "{what}"
                );
            }
            // A's sections in reading order.
            let order: Vec<usize> = c.pairs.iter().filter_map(|p| p.a).collect();
            assert!(order.windows(2).all(|w| w[0] < w[1]), "{what}");
            // Two cities: no character diff, shared phrases instead.
            assert!(c.share < marks::CLOSE_SHARE, "{what}: {}", c.share);
            let paired = c
                .pairs
                .iter()
                .filter(|p| p.a.is_some() && p.b.is_some())
                .count();
            assert!(
                paired * 3 >= a.sections().len().min(b.sections().len()),
                "{what}: only {paired} pairs"
            );
            for p in &c.pairs {
                match (p.a, p.b) {
                    (Some(_), Some(_)) => {
                        assert!(
                            p.score >= compare::align::MIN_SCORE && p.topic.is_some(),
                            "{what}"
                        );
                        // Between two cities only a reused passage gets a
                        // character diff.
                        if p.marked.mode == Mode::Diff {
                            assert!(
                                p.marked.share >= marks::PAIR_CLOSE_SHARE,
                                "{what}: {}",
                                p.a_text
                            );
                            let same = |text: &str, spans: &[Span]| -> String {
                                spans
                                    .iter()
                                    .filter(|s| s.mark == Mark::Same)
                                    .map(|s| key_of(text, s))
                                    .collect()
                            };
                            assert_eq!(same(&p.a_text, &p.marked.a), same(&p.b_text, &p.marked.b));
                        }
                    }
                    _ => assert_eq!(p.marked.mode, Mode::Alone),
                }
                if p.marked.mode == Mode::Diff {
                    continue;
                }
                check_spans(&p.a_text, &p.marked.a, &what);
                check_spans(&p.b_text, &p.marked.b, &what);
                let (ka, kb) = (script::key(&p.a_text), script::key(&p.b_text));
                for (text, spans, other) in
                    [(&p.a_text, &p.marked.a, &kb), (&p.b_text, &p.marked.b, &ka)]
                {
                    for s in spans {
                        let k = key_of(text, s);
                        match s.mark {
                            Mark::Shared => assert!(
                                made_of_shared_pieces(&k, other),
                                "{what}: {k} is not made of what the other text says"
                            ),
                            Mark::Only => {
                                assert!(!other.contains(&k), "{what}: {k} is in the other text")
                            }
                            Mark::Same => panic!("{what}: no diff between two cities"),
                        }
                    }
                }
            }
            // The same every time.
            let again = run(a, b);
            let ids = |c: &Comparison| {
                c.pairs
                    .iter()
                    .map(|p| (p.a, p.b, p.topic))
                    .collect::<Vec<_>>()
            };
            assert_eq!(ids(&c), ids(&again), "{what}");
        }
    }
    assert_eq!(pairs, 10);
}

#[test]
fn out_of_time_every_section_still_shows_and_the_cuts_are_flagged() {
    let names = gold_names();
    let (a, b) = (report(&names[0]), report(&names[1]));
    let c = within(&a, &b, std::time::Duration::ZERO);
    let mut seen_a: Vec<usize> = c.pairs.iter().flat_map(|p| p.a_sections()).collect();
    let mut seen_b: Vec<usize> = c.pairs.iter().flat_map(|p| p.b_sections()).collect();
    seen_a.sort();
    seen_b.sort();
    assert_eq!(seen_a, (0..a.sections().len()).collect::<Vec<_>>());
    assert_eq!(seen_b, (0..b.sections().len()).collect::<Vec<_>>());
    assert!(c.degraded.alignment && c.degraded.marks, "{:?}", c.degraded);
    let note = c.degraded.note().expect("a note for the user");
    assert!(note.contains("position and headings"), "{note}");
    for p in &c.pairs {
        match (p.a, p.b) {
            (Some(_), Some(_)) => {
                assert_eq!(p.marked.mode, Mode::Unmarked);
                assert!(p.marked.a.is_empty() && p.marked.b.is_empty());
                assert!(p.score >= compare::align::MIN_SCORE);
            }
            _ => assert_eq!(p.marked.mode, Mode::Alone),
        }
    }
    // The fallback still pairs the reports' parts by topic and order.
    let paired = c
        .pairs
        .iter()
        .filter(|p| p.a.is_some() && p.b.is_some())
        .count();
    assert!(paired > 0, "nothing paired");
    // With time enough nothing is cut.
    assert_eq!(run(&a, &b).degraded, compare::Degraded::default());
}

/// The level-1 section a report gives to shortcomings or next year's plans.
fn part_sections(r: &Report) -> Vec<usize> {
    (0..r.sections().len())
        .filter(|&s| {
            let t = script::key(&r.sections()[s].title);
            r.sections()[s].level == 1 && (t.contains("不足") || t.contains("安排"))
        })
        .collect()
}

#[test]
fn the_required_parts_pair_with_each_other() {
    let names = gold_names();
    let reports: Vec<Report> = names.iter().map(|n| report(n)).collect();
    let mut checked = 0;
    for i in 0..reports.len() {
        for j in 0..reports.len() {
            if i == j {
                continue;
            }
            let (a, b) = (&reports[i], &reports[j]);
            // One-to-one pairing: each of A's parts can find a partner
            // only when B has as many.
            if part_sections(b).len() < part_sections(a).len() {
                continue;
            }
            let c = run(a, b);
            // Such a section, or the sections inside one whose text is
            // all in its subsections.
            let within: Vec<usize> = part_sections(a)
                .into_iter()
                .flat_map(|s| match a.heading_only(s) {
                    true => (s + 1..a.subtree_end(s)).collect::<Vec<_>>(),
                    false => vec![s],
                })
                .collect();
            for s in within {
                let p = c
                    .pairs
                    .iter()
                    .find(|p| p.a_sections().any(|x| x == s))
                    .unwrap();
                if p.b.is_none() {
                    continue;
                }
                // The partner is such a section, or one inside it (when
                // its text is all in its subsections).
                let partner =
                    p.b.map(|x| {
                        std::iter::once(x)
                            .chain(b.ancestors(x))
                            .map(|y| script::key(&b.sections()[y].title))
                            .collect::<Vec<_>>()
                            .join(" › ")
                    })
                    .unwrap_or_default();
                assert!(
                    partner.contains("不足")
                        || partner.contains("安排")
                        || partner.contains("问题"),
                    "{} {} ↔ {} {partner:?}",
                    names[i],
                    a.sections()[s].title,
                    names[j]
                );
                checked += 1;
            }
        }
    }
    // changzhou and zhangjiagang have both parts, mianyang one section for
    // the two: six checks.
    assert!(checked >= 6, "{checked}");
}

#[test]
fn figures_face_to_face_cover_both_reports() {
    let (a, b) = (report("yixing-2024"), report("mianyang-2024"));
    let c = run(&a, &b);
    let stated = |r: &Report| {
        let mut ids: Vec<String> = r
            .figures()
            .iter()
            .filter_map(|f| f.indicator.clone())
            .collect();
        ids.sort();
        ids.dedup();
        ids
    };
    let mut want = stated(&a);
    want.extend(stated(&b));
    want.sort();
    want.dedup();
    let mut got: Vec<String> = c.figures.iter().map(|f| f.indicator.clone()).collect();
    got.sort();
    assert_eq!(got, want);
    let both = c
        .figures
        .iter()
        .find(|f| f.indicator == "reconsideration_received")
        .expect("both state it");
    assert_eq!(both.a.as_ref().unwrap().shown, "256 件");
    assert_eq!(both.b.as_ref().unwrap().shown, "1,472 件");
    assert_eq!(
        both.difference.as_ref().map(|d| d.shown.as_str()),
        Some("+1,216 件")
    );
    // Each pair's table lists only what its two sections state.
    for p in &c.pairs {
        for f in &p.figures {
            let in_section = |r: &Report, s: Option<usize>, line: usize| {
                r.figures()
                    .iter()
                    .any(|x| Some(x.section) == s && x.line == line)
            };
            if let Some(x) = &f.a {
                assert!(in_section(&a, p.a, x.line));
            }
            if let Some(x) = &f.b {
                assert!(in_section(&b, p.b, x.line));
            }
        }
    }
}

/// hongze-2023 edited as next year's draft would be: a number changed, a
/// sentence cut, a sentence added, a heading reworded, two subsections
/// swapped.
fn edited(text: &str) -> String {
    let lines: Vec<&str> = text.lines().collect();
    let mut out: Vec<String> = lines.iter().map(|l| l.to_string()).collect();
    let find = |needle: &str| lines.iter().position(|l| l.contains(needle)).expect(needle);
    let i = find("高标准建设政务服务体系");
    out[i] = out[i].replacen(
        "。",
        "。全年新增政务服务事项一百二十项,群众满意度持续提升。",
        1,
    );
    let j = find("高效办理行政复议案件");
    let cut = out[j].find('。').map(|k| k + '。'.len_utf8()).unwrap();
    let rest = out[j][cut..].to_owned();
    let first_sentence_end = rest.find('。').map(|k| cut + k + '。'.len_utf8()).unwrap();
    out[j].replace_range(cut..first_sentence_end, "");
    let h = find("(三)聚力全面提升");
    out[h] = out[h].replace("聚力全面提升", "聚力全面提升法治能力");
    let (x, y) = (
        find("7.大力提升行政执法水平"),
        find("8.严格规范行政执法行为"),
    );
    out.swap(x, y);
    out.join("\n")
}

#[test]
fn two_versions_of_one_report_get_a_character_diff() {
    let path = crate::common::shared_dir().join("reports/hongze-2023.txt");
    let text = std::fs::read_to_string(path).unwrap();
    let a = Report::parse("hongze-2023.txt", text.clone(), TextEncoding::Utf8);
    let b = Report::parse("hongze-2024-draft.txt", edited(&text), TextEncoding::Utf8);
    let c = run(&a, &b);
    assert!(c.share >= marks::CLOSE_SHARE, "{}", c.share);
    // Every section finds its own version, whatever the order; a heading
    // whose text is all in its subsections stands alone.
    for p in &c.pairs {
        let (Some(x), Some(y)) = (p.a, p.b) else {
            let bare = match (p.a, p.b) {
                (Some(x), None) => a.heading_only(x),
                (None, Some(y)) => b.heading_only(y),
                _ => false,
            };
            assert!(bare, "unpaired: {:?} / {:?}", p.a, p.b);
            continue;
        };
        let (ta, tb) = (&a.sections()[x].title, &b.sections()[y].title);
        assert!(tb.starts_with(ta.as_str()) || ta == tb, "{ta} ↔ {tb}");
        assert_eq!(p.marked.mode, Mode::Diff);
    }
    let only = |side_b: bool| -> String {
        c.pairs
            .iter()
            .flat_map(|p| {
                let (text, spans) = if side_b {
                    (&p.b_text, &p.marked.b)
                } else {
                    (&p.a_text, &p.marked.a)
                };
                spans
                    .iter()
                    .filter(|s| s.mark == Mark::Only)
                    .map(|s| {
                        chars(text)[s.start..s.start + s.len]
                            .iter()
                            .collect::<String>()
                    })
                    .collect::<Vec<_>>()
            })
            .collect()
    };
    let added = only(true);
    assert!(added.contains("全年新增政务服务事项一百二十项"), "{added}");
    assert!(added.contains("法治能力"), "{added}");
    let cut = only(false);
    assert!(
        cut.chars().count() >= 20,
        "the cut sentence is marked: {cut}"
    );
    // Unchanged sections are all the same.
    for p in c.pairs.iter().filter(|p| p.a_text == p.b_text) {
        assert!(
            p.marked.a.iter().all(|s| s.mark == Mark::Same),
            "{}",
            p.a_text
        );
    }
}

/// The length of the longest common subsequence, exactly (O(nm)).
fn lcs(a: &[char], b: &[char]) -> usize {
    let mut prev = vec![0usize; b.len() + 1];
    for &x in a {
        let mut cur = vec![0usize; b.len() + 1];
        for (j, &y) in b.iter().enumerate() {
            cur[j + 1] = if x == y {
                prev[j] + 1
            } else {
                prev[j + 1].max(cur[j])
            };
        }
        prev = cur;
    }
    prev[b.len()]
}

/// A deterministic edit of a text: about three in `rate` characters start
/// an edit (a run deleted, a few characters inserted, one replaced).
fn mutate(text: &[char], seed: u64, rate: u64) -> Vec<char> {
    let mut x = seed;
    let mut next = move || {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        x
    };
    let mut out = Vec::new();
    let mut i = 0;
    while i < text.len() {
        match next() % rate {
            0 => i += (next() % 12) as usize,
            1 => out.extend("新增的内容".chars().take((next() % 5 + 1) as usize)),
            2 => {
                out.push('改');
                i += 1;
            }
            _ => {
                out.push(text[i]);
                i += 1;
            }
        }
    }
    out
}

#[test]
fn the_character_diff_finds_at_least_90_percent_of_the_lcs() {
    let r = report("yixing-2024");
    let mut checked = 0;
    let mut worst = 1.0f64;
    for s in 0..r.sections().len() {
        let a: Vec<char> = r.section_text(s, false).chars().take(1500).collect();
        if a.len() < 100 {
            continue;
        }
        for rate in [40, 12, 6] {
            let b = mutate(&a, 0x9E37_79B9 + s as u64, rate);
            let (ta, tb): (String, String) = (a.iter().collect(), b.iter().collect());
            let m = marks::mark(
                &ta,
                &tb,
                topics::TopicCatalogue::builtin(),
                lawgov_tui::text::stock::Stock::builtin(),
                compare::Want::Diff,
                std::time::Instant::now() + std::time::Duration::from_secs(60),
            );
            assert_eq!(m.mode, Mode::Diff);
            let same = |text: &[char], spans: &[Span]| -> Vec<char> {
                spans
                    .iter()
                    .filter(|s| s.mark == Mark::Same)
                    .flat_map(|s| text[s.start..s.start + s.len].iter().copied())
                    .collect()
            };
            let (sa, sb) = (same(&a, &m.a), same(&b, &m.b));
            assert_eq!(
                sa, sb,
                "what both sides call the same is a common subsequence"
            );
            let exact = lcs(&a, &b);
            let found = sa.len() as f64 / exact as f64;
            assert!(
                found >= 0.9,
                "section {s}: {} of {exact} = {found:.3}",
                sa.len()
            );
            worst = worst.min(found);
            checked += 1;
        }
    }
    println!("diff vs exact LCS on {checked} edited sections: worst {worst:.3}");
    assert!(checked >= 15, "{checked}");
}

/// Over the ten pairs, both ways round and with no time at all (every
/// section paired by the fallback): a pair never sets one part of a
/// report against another (a plan against a result), and a heading whose
/// text is all in its subsections never fills a side alone.
#[test]
fn pairs_stay_within_a_part_and_never_hold_a_bare_heading() {
    use lawgov_tui::report::Part;
    let names = gold_names();
    let reports: Vec<Report> = names.iter().map(|n| report(n)).collect();
    let mut paired = 0;
    for i in 0..reports.len() {
        for j in 0..reports.len() {
            if i == j {
                continue;
            }
            let (a, b) = (&reports[i], &reports[j]);
            let (pa, pb) = (a.section_parts(), b.section_parts());
            for budget in [
                std::time::Duration::from_secs(60),
                std::time::Duration::ZERO,
            ] {
                for p in &within(a, b, budget).pairs {
                    let (Some(x), Some(y)) = (p.a, p.b) else {
                        continue;
                    };
                    paired += 1;
                    let what = format!(
                        "{} {} ({:?}) ↔ {} {} ({:?})",
                        names[i],
                        a.sections()[x].title,
                        pa[x],
                        names[j],
                        b.sections()[y].title,
                        pb[y]
                    );
                    assert!(pa[x].pairs_with(pb[y]), "across parts: {what}");
                    assert!(
                        !a.heading_only(x) && !b.heading_only(y),
                        "a bare heading: {what}"
                    );
                    assert!(pa[x] != Part::Opening || pb[y] == Part::Opening, "{what}");
                }
            }
        }
    }
    assert!(paired > 100, "{paired}");
}

/// What the phrases mode marks as shared says something particular to
/// the two reports: never a year or a number, never a phrase of the
/// genre's stock list (whole or in part), never a run shorter than a
/// phrase; and the share in a pair's header is the share it marks.
#[test]
fn shared_marks_are_distinctive_and_the_header_says_their_share() {
    let stock: Vec<String> = include_str!("../../assets/stock-phrases.txt")
        .lines()
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(str::to_owned)
        .collect();
    let names = gold_names();
    let reports: Vec<Report> = names.iter().map(|n| report(n)).collect();
    let mut marked = 0;
    for i in 0..reports.len() {
        for j in i + 1..reports.len() {
            let c = run(&reports[i], &reports[j]);
            for p in c.pairs.iter().filter(|p| p.marked.mode == Mode::Phrases) {
                let mut shared = 0;
                for (text, spans) in [(&p.a_text, &p.marked.a), (&p.b_text, &p.marked.b)] {
                    for s in spans.iter().filter(|s| s.mark == Mark::Shared) {
                        let run = key_of(text, s);
                        shared += s.len;
                        marked += 1;
                        assert!(s.len >= 4, "too short to be a phrase: {run}");
                        assert!(!run.chars().any(|c| c.is_ascii_digit()), "a number: {run}");
                        for phrase in &stock {
                            assert!(!run.contains(phrase.as_str()), "stock {phrase} in {run}");
                        }
                    }
                }
                // "Only in A" never marks a term the other side uses, in
                // either script.
                for (text, spans, other) in [
                    (&p.a_text, &p.marked.a, &p.b_text),
                    (&p.b_text, &p.marked.b, &p.a_text),
                ] {
                    let other = script::key(other);
                    for s in spans.iter().filter(|s| s.mark == Mark::Only) {
                        let term = key_of(text, s);
                        assert!(
                            !other.contains(&term),
                            "{term} marked only, the other says it"
                        );
                    }
                }
                let total = p.a_text.chars().count() + p.b_text.chars().count();
                let share = shared as f32 / total as f32;
                assert!(
                    (p.marked.share - share).abs() < 1e-4,
                    "{} vs {share}",
                    p.marked.share
                );
            }
        }
    }
    assert!(marked > 0, "some phrase is still shared");
}

/// Sections on one topic stand together, however many each report gives
/// it: groupings judged by reading the reports, for three pairs. Each is
/// (A's section titles, B's), by the start of their titles.
#[test]
fn a_topics_sections_stand_together_as_judged_by_reading() {
    let judged: [(&str, &str, &[&str], &[&str]); 6] = [
        (
            "changzhou-2024",
            "zhangjiagang-2023",
            &["加強矛盾糾紛多元化解"],
            &["加強矛調中心建設", "做優做實行政復議", "深化人民調解工作"],
        ),
        (
            "changzhou-2024",
            "zhangjiagang-2023",
            &["存在的不足和原因"],
            &[
                "法治政府建設體制機制有待加強",
                "行政執法規范化水平",
                "行政訴訟案件",
            ],
        ),
        (
            "yixing-2024",
            "hongze-2023",
            &["政府职能依法全面履行"],
            &[
                "高标准建设政务服务体系",
                "不断优化行政审批服务流程",
                "持续推进政务服务信息化建设",
            ],
        ),
        (
            "yixing-2024",
            "hongze-2023",
            &["依法科学民主决策稳步推进"],
            &[
                "重大行政决策程序严格执行",
                "公职律师和法律顾问制度",
                "合法性审查工作",
            ],
        ),
        (
            "yixing-2024",
            "hongze-2023",
            &["社会矛盾纠纷化解积极有效"],
            &[
                "高效办理行政复议案件",
                "认真做好行政应诉工作",
                "有效化解社会矛盾纠纷",
            ],
        ),
        (
            "mianyang-2024",
            "changzhou-2024",
            &["加强执法监督"],
            &["深化行政執法體制改革", "持續推進行政執法規范化建設"],
        ),
    ];
    for (a_name, b_name, want_a, want_b) in judged {
        let (a, b) = (report(a_name), report(b_name));
        let c = run(&a, &b);
        let titles = |r: &Report, first: Option<usize>, more: &[usize]| -> Vec<String> {
            first
                .into_iter()
                .chain(more.iter().copied())
                .map(|s| script::key(&r.sections()[s].title))
                .collect()
        };
        let holds = |got: &[String], want: &[&str]| {
            got.len() == want.len()
                && want
                    .iter()
                    .all(|w| got.iter().any(|g| g.starts_with(&script::key(w))))
        };
        let found = c.pairs.iter().any(|p| {
            holds(&titles(&a, p.a, &p.a_more), want_a) && holds(&titles(&b, p.b, &p.b_more), want_b)
        });
        assert!(found, "{a_name} {want_a:?} against {b_name} {want_b:?}");
    }
}
