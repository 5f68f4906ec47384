//! Which topic each section of the bundled reports lands in, against a
//! judgement made by hand: for every section, the topics a reader would
//! accept (two where the section plainly covers both).

use crate::common::{gold_names, report};
use lawgov_tui::compare::topics::{self, TopicCatalogue};

/// (report, marker and title as the file starts them, accepted topics).
const BY_HAND: &[(&str, &str, &str)] = &[
    ("changzhou-2024", "前言", "overview"),
    (
        "changzhou-2024",
        "一、深入學習貫徹習近平法治思想,切實加強黨對法治政府",
        "leadership",
    ),
    (
        "changzhou-2024",
        "(一)持續深化習近平法治思想學習宣傳",
        "leadership",
    ),
    (
        "changzhou-2024",
        "(二)不斷加大法治政府建設謀劃推進力度",
        "leadership",
    ),
    (
        "changzhou-2024",
        "(三)全面壓緊壓實法治建設責任",
        "leadership",
    ),
    (
        "changzhou-2024",
        "二、高質量立法制規,推進科學民主依法決策",
        "rules|decisions",
    ),
    ("changzhou-2024", "(一)不斷提升立法質效", "rules"),
    (
        "changzhou-2024",
        "(二)深入推進重大行政決策工作",
        "decisions",
    ),
    ("changzhou-2024", "(三)加強行政規范性文件管理", "rules"),
    (
        "changzhou-2024",
        "三、推動政府職能轉變,打造一流營商環境",
        "functions",
    ),
    ("changzhou-2024", "(一)著力提升政務服務水平", "functions"),
    ("changzhou-2024", "(二)持續優化法治化營商環境", "functions"),
    ("changzhou-2024", "(三)進一步加強知識產權保護", "functions"),
    (
        "changzhou-2024",
        "四、嚴格規范公正文明執法,不斷提升依法行政水平",
        "enforcement",
    ),
    ("changzhou-2024", "(一)深化行政執法體制改革", "enforcement"),
    (
        "changzhou-2024",
        "(二)持續推進行政執法規范化建設",
        "enforcement",
    ),
    (
        "changzhou-2024",
        "(三)完善突發事件應對體制機制",
        "emergencies",
    ),
    (
        "changzhou-2024",
        "五、推進法治社會建設,完善基層綜合治理",
        "society",
    ),
    ("changzhou-2024", "(一)加強法治宣傳教育", "society"),
    ("changzhou-2024", "(二)加強矛盾糾紛多元化解", "disputes"),
    ("changzhou-2024", "(三)提升公共法律服務水平", "society"),
    ("changzhou-2024", "六、存在的不足和原因", "shortcomings"),
    ("changzhou-2024", "七、下一年度的主要安排", "next_year"),
    (
        "changzhou-2024",
        "(一)持續深入學習貫徹習近平法治思想",
        "leadership",
    ),
    (
        "changzhou-2024",
        "(二)持續統籌推進法治政府建設",
        "leadership|next_year",
    ),
    ("changzhou-2024", "(三)持續打造法治化營商環境", "functions"),
    (
        "changzhou-2024",
        "(四)持續強化重大行政決策和規范性文件管理法治化水平",
        "rules|decisions|next_year",
    ),
    (
        "changzhou-2024",
        "(五)持續健全矛盾糾紛預防化解工作體系",
        "disputes",
    ),
    ("changzhou-2024", "(六)持續提升法治督察實效", "leadership"),
    ("hongze-2023", "前言", "overview"),
    (
        "hongze-2023",
        "一、党政主要负责人履行推进法治建设第一责任人职责情况",
        "leadership",
    ),
    ("hongze-2023", "(一)坚持高位推进", "leadership"),
    ("hongze-2023", "(二)狠抓关键环节", "leadership"),
    ("hongze-2023", "(三)聚力全面提升", "leadership"),
    (
        "hongze-2023",
        "二、推进法治政府建设的主要举措和成效",
        "overview",
    ),
    ("hongze-2023", "(一)政务服务效能全面提升", "functions"),
    ("hongze-2023", "1.高标准建设政务服务体系", "functions"),
    ("hongze-2023", "2.不断优化行政审批服务流程", "functions"),
    (
        "hongze-2023",
        "3.持续推进政务服务信息化建设",
        "functions|digital",
    ),
    ("hongze-2023", "(二)依法行政工作制度有效落实", "decisions"),
    ("hongze-2023", "4.重大行政决策程序严格执行", "decisions"),
    (
        "hongze-2023",
        "5.公职律师和法律顾问制度普遍实施",
        "decisions",
    ),
    (
        "hongze-2023",
        "6.合法性审查工作实现区镇村全覆盖",
        "decisions",
    ),
    (
        "hongze-2023",
        "(三)行政执法规范化水平持续提升",
        "enforcement",
    ),
    ("hongze-2023", "7.大力提升行政执法水平", "enforcement"),
    ("hongze-2023", "8.严格规范行政执法行为", "enforcement"),
    ("hongze-2023", "9.推进包容审慎执法监管", "enforcement"),
    ("hongze-2023", "(四)社会矛盾纠纷妥善化解", "disputes"),
    ("hongze-2023", "10.高效办理行政复议案件", "disputes"),
    ("hongze-2023", "11.认真做好行政应诉工作", "disputes"),
    ("hongze-2023", "12.有效化解社会矛盾纠纷", "disputes"),
    ("mianyang-2024", "前言", "overview"),
    (
        "mianyang-2024",
        "一、强化思想引领,切实履行推进法治政府建设工作职责",
        "leadership",
    ),
    (
        "mianyang-2024",
        "二、2024年法治政府建设主要举措和成效",
        "overview",
    ),
    (
        "mianyang-2024",
        "(一)强化数字赋能,持续推进政府职能转变",
        "functions|digital",
    ),
    (
        "mianyang-2024",
        "(二)注重法治引领,优化法治化营商环境",
        "functions",
    ),
    (
        "mianyang-2024",
        "(三)健全决策机制,全力推动依法行政",
        "decisions",
    ),
    (
        "mianyang-2024",
        "(四)加强执法监督,持续提升执法质效",
        "enforcement",
    ),
    (
        "mianyang-2024",
        "(五)聚焦矛盾纠纷化解,维护社会和谐稳定",
        "disputes",
    ),
    (
        "mianyang-2024",
        "三、存在的不足和原因及2025年的主要安排",
        "next_year|shortcomings",
    ),
    ("yixing-2024", "前言", "overview"),
    ("yixing-2024", "一、政府职能依法全面履行", "functions"),
    ("yixing-2024", "二、依法行政制度体系日益完善", "rules"),
    ("yixing-2024", "三、依法科学民主决策稳步推进", "decisions"),
    (
        "yixing-2024",
        "四、严格规范公正文明执法有效落实",
        "enforcement",
    ),
    ("yixing-2024", "五、权力运行监督制约持续强化", "oversight"),
    ("yixing-2024", "六、社会矛盾纠纷化解积极有效", "disputes"),
    (
        "yixing-2024",
        "七、法治政府建设保障措施全面落实",
        "leadership",
    ),
    ("zhangjiagang-2023", "前言", "overview"),
    (
        "zhangjiagang-2023",
        "一、黨政主要負責人履行推進法治建設第一責任人職責,加",
        "leadership",
    ),
    (
        "zhangjiagang-2023",
        "(一)加強法治政府建設統籌部署",
        "leadership",
    ),
    (
        "zhangjiagang-2023",
        "(二)提升“關鍵少數”依法行政能力",
        "leadership",
    ),
    (
        "zhangjiagang-2023",
        "(三)以法治督察推動依法行政工作",
        "leadership",
    ),
    ("zhangjiagang-2023", "二、主要舉措和成效", "overview"),
    (
        "zhangjiagang-2023",
        "(一)堅持黨的全面領導,統籌推進法治政府建設",
        "leadership",
    ),
    ("zhangjiagang-2023", "1.加強統籌部署", "leadership"),
    ("zhangjiagang-2023", "2.開展集中培訓", "leadership"),
    ("zhangjiagang-2023", "3.組織旁聽庭審", "leadership"),
    (
        "zhangjiagang-2023",
        "(二)嚴格規范行政決策,提供高質量制度供給",
        "decisions",
    ),
    ("zhangjiagang-2023", "1.科學編制年度計劃", "decisions"),
    ("zhangjiagang-2023", "2.高效完成審查清理工作", "rules"),
    ("zhangjiagang-2023", "3.加強行政規范性文件管理", "rules"),
    ("zhangjiagang-2023", "4.強化決策跟蹤評估", "decisions"),
    (
        "zhangjiagang-2023",
        "(三)提高行政執法能力,嚴格規范公正文明執法",
        "enforcement",
    ),
    ("zhangjiagang-2023", "1.健全完善制度機制", "enforcement"),
    ("zhangjiagang-2023", "2.全面規范執法行為", "enforcement"),
    (
        "zhangjiagang-2023",
        "(四)營造最優營商環境,持續放大比較優勢",
        "functions",
    ),
    ("zhangjiagang-2023", "1.制定年度重點任務清單", "functions"),
    ("zhangjiagang-2023", "2.增強“一網通辦”改革質效", "functions"),
    (
        "zhangjiagang-2023",
        "3.推進“審管執信”建設工作",
        "functions|enforcement",
    ),
    (
        "zhangjiagang-2023",
        "4.創新涉企服務一體化平臺建設",
        "functions|digital",
    ),
    ("zhangjiagang-2023", "5.依法包容審慎監管", "enforcement"),
    (
        "zhangjiagang-2023",
        "(五)多元化解矛盾糾紛,著力維護和諧穩定",
        "disputes",
    ),
    ("zhangjiagang-2023", "1.加強矛調中心建設", "disputes"),
    ("zhangjiagang-2023", "2.做優做實行政復議", "disputes"),
    ("zhangjiagang-2023", "3.深化人民調解工作", "disputes"),
    (
        "zhangjiagang-2023",
        "(六)加強行政檢查監督,規范行政權力運行",
        "oversight|enforcement",
    ),
    ("zhangjiagang-2023", "1.持續深化執法監督", "enforcement"),
    (
        "zhangjiagang-2023",
        "2.開展專項法治督察",
        "leadership|oversight",
    ),
    ("zhangjiagang-2023", "三、存在不足和原因", "shortcomings"),
    (
        "zhangjiagang-2023",
        "(一)法治政府建設體制機制有待加強",
        "shortcomings|leadership",
    ),
    (
        "zhangjiagang-2023",
        "(二)行政執法規范化水平還有待提升",
        "enforcement|shortcomings",
    ),
    (
        "zhangjiagang-2023",
        "(三)行政訴訟案件“兩降一升”有待持續推進",
        "disputes|shortcomings",
    ),
    (
        "zhangjiagang-2023",
        "四、2024年度推進法治政府建設的主要安排",
        "next_year",
    ),
    (
        "zhangjiagang-2023",
        "(一)深入學習貫徹黨的二十大精神和習近平法治思想",
        "leadership",
    ),
    (
        "zhangjiagang-2023",
        "(二)開展行政執法突出問題專項整治",
        "enforcement",
    ),
    (
        "zhangjiagang-2023",
        "(三)全力做好行政訴訟“兩降一升”工作",
        "disputes",
    ),
];

#[test]
fn sections_land_in_the_topics_a_reader_expects() {
    let c = TopicCatalogue::builtin();
    let (mut judged, mut right) = (0, 0);
    let mut misses = Vec::new();
    for name in gold_names() {
        let r = report(&name);
        let t = topics::of_report(&r, c);
        for (s, sec) in r.sections().iter().enumerate() {
            let heading = format!("{}{}", sec.marker, sec.title);
            let Some((_, _, want)) = BY_HAND
                .iter()
                .find(|(n, h, _)| *n == name && heading.starts_with(h))
            else {
                continue;
            };
            judged += 1;
            let got = t.sections[s]
                .first()
                .map_or("none", |x| c.topics[x.topic].id.as_str());
            if want.split('|').any(|w| w == got) {
                right += 1;
            } else {
                misses.push(format!("{name}: {heading} → {got} (expected {want})"));
            }
        }
    }
    let share = right as f64 / judged as f64;
    println!(
        "topics: {right}/{judged} = {share:.3} right; misses:\n{}",
        misses.join("\n")
    );
    assert!(
        judged >= BY_HAND.len() * 9 / 10,
        "judged only {judged} sections"
    );
    assert!(share >= 0.9, "{share:.3}: {misses:#?}");
}

#[test]
fn every_section_of_a_report_with_topics_gets_one() {
    let c = TopicCatalogue::builtin();
    for name in gold_names() {
        let r = report(&name);
        let t = topics::of_report(&r, c);
        assert_eq!(t.sections.len(), r.sections().len());
        assert_eq!(t.items.len(), r.items().len());
        for (s, scored) in t.sections.iter().enumerate() {
            assert!(
                !scored.is_empty(),
                "{name}: {} has no topic",
                r.sections()[s].title
            );
            let total: f32 = scored.iter().map(|x| x.score).sum();
            assert!(total <= 1.0 + 1e-4 && scored.windows(2).all(|w| w[0].score >= w[1].score));
        }
    }
}
