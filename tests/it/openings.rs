//! Report openings written in the forms real pages use (title orders,
//! metadata tables, site clocks, signatures, cut-off last lines, run-in
//! headings, both scripts), each with what a reader would say the report
//! is: its place and level, year, publication date, and headings.

use lawgov_tui::report::{Report, TextEncoding};

struct Expect {
    /// The place's own name, without the province or city the text may
    /// write before it (a name several divisions share keeps its city).
    place: Option<&'static str>,
    level: Option<&'static str>,
    year: Option<i32>,
    published: Option<&'static str>,
    headings: &'static [&'static str],
}

const BODY: &str = "全年办结行政复议案件120件,依法行政工作取得新成效。";

fn check(name: &str, text: &str, want: &Expect) -> Vec<String> {
    let r = Report::parse(name, text.to_owned(), TextEncoding::Utf8);
    check_report(name, &r, want)
}

fn check_report(name: &str, r: &Report, want: &Expect) -> Vec<String> {
    let m = &r.meta;
    let mut wrong = Vec::new();
    let mut differ = |what: &str, got: String, want: String| {
        if got != want {
            wrong.push(format!("{name}: {what} is {got}, not {want}"));
        }
    };
    differ(
        "place",
        format!("{:?}", m.place.as_deref()),
        format!("{:?}", want.place),
    );
    differ(
        "level",
        format!("{:?}", m.level.map(|l| l.name())),
        format!("{:?}", want.level),
    );
    differ("year", format!("{:?}", m.year), format!("{:?}", want.year));
    differ(
        "published",
        format!("{:?}", m.published.as_deref()),
        format!("{:?}", want.published),
    );
    let headings: Vec<String> = r
        .headings()
        .iter()
        .map(|h| format!("{}{}", h.marker, h.title))
        .collect();
    differ(
        "headings",
        format!("{headings:?}"),
        format!("{:?}", want.headings),
    );
    wrong
}

#[test]
fn openings_in_the_forms_real_pages_use() {
    let cases: Vec<(&str, String, Expect)> = vec![
        (
            "title names the city, the first sentence says 我市",
            format!(
                "关于湖州市2024年度法治政府建设工作情况的报告\n\
                 发布时间:2025-02-26 09:30\n\
                 2024年,我市坚持以习近平法治思想为指导,扎实推进法治政府建设,现将有关情况报告如下:\n\
                 一、主要举措和成效\n{BODY}\n二、存在的不足\n{BODY}\n"
            ),
            Expect {
                place: Some("湖州市"),
                level: Some("city"),
                year: Some(2024),
                published: Some("2025-02-26"),
                headings: &["一、主要举措和成效", "二、存在的不足"],
            },
        ),
        (
            "year before the place",
            format!(
                "2023年无锡市法治政府建设情况报告\n来源:无锡市司法局 发布日期:2024-03-08\n\
                 2023年,全市上下认真贯彻落实党中央决策部署,法治政府建设取得新进展。\n\
                 一、2023年工作情况\n{BODY}\n"
            ),
            Expect {
                place: Some("无锡市"),
                level: Some("city"),
                year: Some(2023),
                published: Some("2024-03-08"),
                headings: &["一、2023年工作情况"],
            },
        ),
        (
            "place, then year, then 年度报告",
            format!(
                "温州市2024年法治政府建设年度报告\n发布日期:2025年3月20日\n\
                 今年以来,我市深入学习贯彻习近平法治思想,持续推进依法行政。\n\
                 一、强化组织领导\n{BODY}\n(一)压实责任。{BODY}\n"
            ),
            Expect {
                place: Some("温州市"),
                level: Some("city"),
                year: Some(2024),
                published: Some("2025-03-20"),
                headings: &["一、强化组织领导", "(一)压实责任"],
            },
        ),
        (
            "a district written with its province and city",
            format!(
                "四川省成都市武侯区2022年法治政府建设情况报告\n\
                 2022年,武侯区坚持以法治思维推动发展,法治政府建设迈出新步伐。\n\
                 一、主要工作\n{BODY}\n"
            ),
            Expect {
                place: Some("武侯区"),
                level: Some("county"),
                year: Some(2022),
                published: None,
                headings: &["一、主要工作"],
            },
        ),
        (
            "a district alone, then its year",
            format!(
                "黄陂区2021年法治政府建设工作报告\n成文日期:2022-01-18\n\
                 2021年,我区紧紧围绕法治政府建设目标任务,扎实推进各项工作。\n\
                 一、依法全面履行政府职能\n{BODY}\n"
            ),
            Expect {
                place: Some("黄陂区"),
                level: Some("county"),
                year: Some(2021),
                published: Some("2022-01-18"),
                headings: &["一、依法全面履行政府职能"],
            },
        ),
        (
            "a province's department, 关于 after its name",
            format!(
                "江苏省生态环境厅关于2023年度法治政府建设情况的报告\n公开日期:2024-02-05\n\
                 2023年,省生态环境厅坚持以习近平法治思想为指导,全面推进依法行政。\n\
                 一、主要举措\n{BODY}\n"
            ),
            Expect {
                place: Some("江苏省"),
                level: Some("department"),
                year: Some(2023),
                published: Some("2024-02-05"),
                headings: &["一、主要举措"],
            },
        ),
        (
            "no title; a department is the first sentence's subject",
            format!(
                "2022年,杭州市司法局始终坚持以习近平新时代中国特色社会主义思想为指导,全面推进法治政府建设。\n\
                 一、主要工作\n{BODY}\n"
            ),
            Expect {
                place: Some("杭州市"),
                level: Some("department"),
                year: Some(2022),
                published: None,
                headings: &["一、主要工作"],
            },
        ),
        (
            "a site clock above the page's update time",
            format!(
                "今天是:2023年5月8日 星期一\n首页 > 政务公开 > 法治政府建设\n\
                 嘉兴市2022年法治政府建设年度报告\n更新时间:2023/02/20\n\
                 2022年,我市坚持依法行政,法治政府建设取得积极成效,现报告如下。\n\
                 一、主要成效\n{BODY}\n"
            ),
            Expect {
                place: Some("嘉兴市"),
                level: Some("city"),
                year: Some(2022),
                published: Some("2023-02-20"),
                headings: &["一、主要成效"],
            },
        ),
        (
            "a government's site header with today's date",
            format!(
                "海曙区人民政府 2022年6月1日星期三\n\
                 海曙区2021年度法治政府建设情况报告\n发布日期:2022-03-15\n\
                 2021年,海曙区认真贯彻落实上级决策部署,法治政府建设取得新成效。\n\
                 一、工作成效\n{BODY}\n"
            ),
            Expect {
                place: Some("海曙区"),
                level: Some("county"),
                year: Some(2021),
                published: Some("2022-03-15"),
                headings: &["一、工作成效"],
            },
        ),
        (
            "a page cut off after a committee's name",
            format!(
                "芜湖市2023年法治政府建设情况报告\n发布日期:2024-03-27\n\
                 2023年,我市深入贯彻习近平法治思想,持续推进法治政府建设。\n\
                 一、主要举措\n{BODY}\n二、下一步工作\n{BODY}\n\
                 下一步,我们将在市委全面依法治市委员会\n"
            ),
            Expect {
                place: Some("芜湖市"),
                level: Some("city"),
                year: Some(2023),
                published: Some("2024-03-27"),
                headings: &["一、主要举措", "二、下一步工作"],
            },
        ),
        (
            "an empty 来源 before the date",
            format!(
                "标题:宿迁市宿城区2024年度法治政府建设情况报告\n来源: 发布日期:2025-01-21\n\
                 2024年,宿城区坚持以习近平法治思想为引领,全面推进法治政府建设。\n\
                 一、主要成效\n{BODY}\n"
            ),
            Expect {
                place: Some("宿城区"),
                level: Some("county"),
                year: Some(2024),
                published: Some("2025-01-21"),
                headings: &["一、主要成效"],
            },
        ),
        (
            "a title ending in the page's date",
            format!(
                "合肥市2023年法治政府建设情况报告(2024-03-12)\n\
                 2023年,合肥市坚持以习近平法治思想为指导,法治政府建设取得积极成效。\n\
                 一、主要工作\n{BODY}\n"
            ),
            Expect {
                place: Some("合肥市"),
                level: Some("city"),
                year: Some(2023),
                published: Some("2024-03-12"),
                headings: &["一、主要工作"],
            },
        ),
        (
            "the year only in a heading",
            format!(
                "德清县法治政府建设情况报告\n\
                 今年以来,德清县坚持以习近平法治思想为指导,扎实推进法治政府建设。\n\
                 一、2021年法治政府建设主要举措和成效\n{BODY}\n二、存在的问题\n{BODY}\n"
            ),
            Expect {
                place: Some("德清县"),
                level: Some("county"),
                year: Some(2021),
                published: None,
                headings: &["一、2021年法治政府建设主要举措和成效", "二、存在的问题"],
            },
        ),
        (
            "a signature block: the government's name, then the date",
            format!(
                "2023年,全市上下坚持以习近平法治思想为指导,法治政府建设取得新成效。\n\
                 一、主要举措\n{BODY}\n\n淮安市人民政府\n2024年2月20日\n"
            ),
            Expect {
                place: Some("淮安市"),
                level: Some("city"),
                year: Some(2023),
                published: Some("2024-02-20"),
                headings: &["一、主要举措"],
            },
        ),
        (
            "Traditional script with 發布日期",
            format!(
                "臺州市2023年法治政府建設年度報告\n發布日期:2024-01-30\n\
                 2023年,我市堅持以習近平法治思想為指導,法治政府建設取得新成效。\n\
                 一、主要舉措\n{BODY}\n(一)深化改革。{BODY}\n"
            ),
            Expect {
                place: Some("臺州市"),
                level: Some("city"),
                year: Some(2023),
                published: Some("2024-01-30"),
                headings: &["一、主要舉措", "(一)深化改革"],
            },
        ),
        (
            "a metadata table above a labelled title",
            format!(
                "索引号:11320000/2024-00123\n发布机构:仪征市人民政府\n成文日期:2024-03-01\n\
                 标题:仪征市人民政府关于2023年度法治政府建设情况的报告\n\
                 2023年,在扬州市委、市政府的坚强领导下,我市扎实推进法治政府建设。\n\
                 一、主要举措\n{BODY}\n"
            ),
            Expect {
                place: Some("仪征市"),
                level: Some("city"),
                year: Some(2023),
                published: Some("2024-03-01"),
                headings: &["一、主要举措"],
            },
        ),
        (
            "a page that lost its line breaks",
            format!(
                "鄞州区2024年法治政府建设情况报告\n发布日期:2025-02-14\n\
                 2024年,我区法治政府建设取得积极成效。一.深入学习贯彻习近平法治思想(一)持续深化理论武装。{BODY}\
                 (二)压实法治责任。{BODY}二.依法全面履行政府职能(一)深化改革。{BODY}\n"
            ),
            Expect {
                place: Some("鄞州区"),
                level: Some("county"),
                year: Some(2024),
                published: Some("2025-02-14"),
                headings: &[
                    "一.深入学习贯彻习近平法治思想",
                    "(一)持续深化理论武装",
                    "(二)压实法治责任",
                    "二.依法全面履行政府职能",
                    "(一)深化改革",
                ],
            },
        ),
        (
            "headings as 二. , a numeral and a space, and 【】",
            format!(
                "绍兴市柯桥区2023年法治政府建设情况报告\n\
                 2023年,柯桥区坚持依法行政,法治政府建设取得新成效。\n\
                 一.加强组织领导\n【压实主体责任】{BODY}\n二 强化制度建设\n{BODY}\n三.下一步打算\n{BODY}\n"
            ),
            Expect {
                place: Some("柯桥区"),
                level: Some("county"),
                year: Some(2023),
                published: None,
                headings: &["一.加强组织领导", "【压实主体责任】", "二强化制度建设", "三.下一步打算"],
            },
        ),
        (
            "a menu line above a city department's title",
            format!(
                "首页 | 政务公开 | 法治政府建设年度报告\n\
                 南通市市场监督管理局2023年度法治政府建设工作报告\n\
                 信息来源:市市场监管局  发布时间:2024年03月28日 10:02  浏览次数:123\n字号:[大 中 小]\n\
                 今年以来,我局坚持以习近平法治思想为指导,扎实推进依法行政。\n\
                 一、主要举措\n{BODY}\n"
            ),
            Expect {
                place: Some("南通市"),
                level: Some("department"),
                year: Some(2023),
                published: Some("2024-03-28"),
                headings: &["一、主要举措"],
            },
        ),
        (
            "a province's signature dated in Chinese numerals",
            format!(
                "2023年,全省上下深入贯彻习近平法治思想,法治建设取得新成效。\n\
                 一、主要举措\n{BODY}\n\n浙江省人民政府\n二〇二四年一月二十五日\n"
            ),
            Expect {
                place: Some("浙江省"),
                level: Some("province"),
                year: Some(2023),
                published: Some("2024-01-25"),
                headings: &["一、主要举措"],
            },
        ),
        (
            "a party committee and its government write together",
            format!(
                "中共射阳县委 射阳县人民政府关于2023年度法治建设情况的报告\n\
                 2023年,县委、县政府坚持以习近平法治思想为指导,法治建设取得新成效。\n\
                 一、主要举措\n{BODY}\n"
            ),
            Expect {
                place: Some("射阳县"),
                level: Some("county"),
                year: Some(2023),
                published: None,
                headings: &["一、主要举措"],
            },
        ),
        (
            "a covering title: 关于报送…",
            format!(
                "关于报送如东县2024年度法治政府建设情况的报告\n\
                 2024年,全县上下坚持依法行政,法治政府建设取得新成效。\n\
                 一、主要举措\n{BODY}\n"
            ),
            Expect {
                place: Some("如东县"),
                level: Some("county"),
                year: Some(2024),
                published: None,
                headings: &["一、主要举措"],
            },
        ),
        (
            "a title on two lines, the government's name first",
            format!(
                "连云港市人民政府\n关于2023年度法治政府建设情况的报告\n\
                 2023年,全市上下共同努力,法治政府建设取得新成效。\n\
                 一、主要举措\n{BODY}\n"
            ),
            Expect {
                place: Some("连云港市"),
                level: Some("city"),
                year: Some(2023),
                published: None,
                headings: &["一、主要举措"],
            },
        ),
        (
            "a development zone",
            format!(
                "苏州工业园区2023年法治政府建设情况报告\n发布日期:2024-03-05\n\
                 2023年,园区坚持以习近平法治思想为指导,法治政府建设取得新进展。\n\
                 一、主要成效\n{BODY}\n"
            ),
            Expect {
                place: Some("苏州工业园区"),
                level: Some("zone"),
                year: Some(2023),
                published: Some("2024-03-05"),
                headings: &["一、主要成效"],
            },
        ),
        (
            "an autonomous region",
            format!(
                "广西壮族自治区2022年法治政府建设情况报告\n发布时间:2023-03-29\n\
                 2022年,自治区人民政府坚持以习近平法治思想为指导,法治政府建设取得新成效。\n\
                 一、主要举措\n{BODY}\n"
            ),
            Expect {
                place: Some("广西壮族自治区"),
                level: Some("province"),
                year: Some(2022),
                published: Some("2023-03-29"),
                headings: &["一、主要举措"],
            },
        ),
        (
            "a watermark and bullets from a document site",
            format!(
                "• 泰州市海陵区2023年法治政府建设情况报告\n\
                 2023年,海陵区坚持依法行政 某某文库网 www.moumou-wk.com 专注文档分享 法治政府建设取得新成效。\n\
                 • 一、主要举措\n{BODY}\n"
            ),
            Expect {
                place: Some("海陵区"),
                level: Some("county"),
                year: Some(2023),
                published: None,
                headings: &["一、主要举措"],
            },
        ),
        (
            "a prefecture's administrative office (行政公署)",
            format!(
                "锡林郭勒盟行政公署关于2021年度法治政府建设情况的报告\n\
                 2021年,盟行署深入贯彻落实习近平法治思想。\n\
                 一、2021年法治政府建设主要举措和成效\n{BODY}\n二、存在的问题\n{BODY}\n"
            ),
            Expect {
                place: Some("锡林郭勒盟"),
                level: Some("city"),
                year: Some(2021),
                published: None,
                headings: &["一、2021年法治政府建设主要举措和成效", "二、存在的问题"],
            },
        ),
        (
            "a national bureau's local office, in Traditional script",
            format!(
                "國家稅務總局廣州市稅務局2023年法治政府建設年度報告\n\
                 發布日期:2024年02月28日\n\
                 2023年,國家稅務總局廣州市稅務局深入貫徹習近平法治思想。\n\
                 一、主要舉措和成效\n{BODY}\n"
            ),
            Expect {
                place: Some("廣州市"),
                level: Some("department"),
                year: Some(2023),
                published: Some("2024-02-28"),
                headings: &["一、主要舉措和成效"],
            },
        ),
        (
            "a metadata row: signed on one day, published on another",
            format!(
                "首页 > 政务公开 > 法治政府建设\n\
                 北京市朝阳区人民政府关于2019年法治政府建设工作情况的报告\n\
                 索引号:11N000/2020-00012  发文机关:北京市朝阳区人民政府  成文日期:2020-03-25  发布日期:2020-04-02\n\
                 2019年,在市委、市政府和区委的坚强领导下,区政府扎实推进依法行政。\n\
                 一、推进法治政府建设的主要举措\n{BODY}\n"
            ),
            Expect {
                place: Some("北京市朝阳区"),
                level: Some("county"),
                year: Some(2019),
                published: Some("2020-04-02"),
                headings: &["一、推进法治政府建设的主要举措"],
            },
        ),
        (
            "a street office, with a column tag before the title",
            format!(
                "【法治政府】双塔街道2023年法治政府建设工作报告\n\
                 来源:双塔街道 | 发布日期:2024-01-22 | 浏览:\n\
                 2023年,街道坚持以习近平法治思想为指导。\n\
                 一、主要工作\n{BODY}\n三、2024年工作计划\n{BODY}\n"
            ),
            Expect {
                place: Some("双塔街道"),
                level: Some("township"),
                year: Some(2023),
                published: Some("2024-01-22"),
                headings: &["一、主要工作", "三、2024年工作计划"],
            },
        ),
        (
            "a new area with a people's government is a district",
            format!(
                "上海市浦东新区人民政府2023年法治政府建设情况报告\n\
                 日期:2024-03-28\n\
                 2023年,浦东新区坚持以习近平法治思想为指导。\n\
                 一、2023年推进法治政府建设的主要举措和成效\n{BODY}\n"
            ),
            Expect {
                place: Some("浦东新区"),
                level: Some("county"),
                year: Some(2023),
                published: Some("2024-03-28"),
                headings: &["一、2023年推进法治政府建设的主要举措和成效"],
            },
        ),
        (
            "a party committee and government on the line above 关于…",
            format!(
                "中共宁夏回族自治区委员会 宁夏回族自治区人民政府\n\
                 关于2021年度法治政府建设情况的报告\n\
                 2021年,自治区党委、政府深入学习贯彻习近平法治思想。\n\
                 一、主要举措\n{BODY}\n"
            ),
            Expect {
                place: Some("宁夏回族自治区"),
                level: Some("province"),
                year: Some(2021),
                published: None,
                headings: &["一、主要举措"],
            },
        ),
    ];
    assert!(cases.len() >= 15);
    let department = &cases
        .iter()
        .find(|c| c.0.contains("city department"))
        .unwrap()
        .1;
    let r = Report::parse("d", department.clone(), TextEncoding::Utf8);
    assert_eq!(
        r.label(),
        "南通市市场监督管理局 2023",
        "a department's report is named for it"
    );
    let wrong: Vec<String> = cases
        .iter()
        .flat_map(|(name, text, want)| check(name, text, want))
        .collect();
    assert!(
        wrong.is_empty(),
        "{} wrong:\n{}",
        wrong.len(),
        wrong.join("\n")
    );
}

#[test]
fn a_saved_page_is_read_by_what_its_head_says() {
    let page = format!(
        "<!DOCTYPE html><html><head>\
         <meta http-equiv=\"Content-Type\" content=\"text/html; charset=utf-8\">\
         <meta name=\"SiteName\" content=\"某某县人民政府\">\
         <meta name=\"ArticleTitle\" content=\"关于长兴县2023年度法治政府建设情况的报告\">\
         <meta name=\"PubDate\" content=\"2024-02-29 16:40\">\
         <meta name=\"ContentSource\" content=\"县司法局\">\
         <title>关于长兴县2023年度法治政府建设情况的报告_长兴县人民政府</title></head>\
         <body><div class=\"top\">今天是:2024年5月6日 星期一</div>\
         <div class=\"crumb\">首页 &gt; 政务公开 &gt; 法治政府</div>\
         <h1>关于长兴县2023年度法治政府建设情况的报告</h1>\
         <p>2023年,我县坚持以习近平法治思想为指导,扎实推进法治政府建设,现将有关情况报告如下:</p>\
         <p>一、主要举措</p><p>{BODY}</p><p>二、存在问题</p><p>{BODY}</p></body></html>"
    );
    let r = Report::from_bytes("page.html", page.as_bytes()).unwrap();
    let want = Expect {
        place: Some("长兴县"),
        level: Some("county"),
        year: Some(2023),
        published: Some("2024-02-29"),
        headings: &["一、主要举措", "二、存在问题"],
    };
    let wrong = check_report("page.html", &r, &want);
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
    assert_eq!(r.meta.source.as_deref(), Some("县司法局"));
    assert_eq!(r.meta.sources.published, Some("metadata"));
    // Without its article title, the browser title less the site's name.
    let bare = page.replace("ArticleTitle", "Description");
    let r = Report::from_bytes("page.html", bare.as_bytes()).unwrap();
    assert_eq!(
        r.meta.title.as_deref(),
        Some("关于长兴县2023年度法治政府建设情况的报告")
    );
}
