//! The rules, sentence by sentence, in forms the bundled reports do not
//! use.

use crate::figures::extract::line;

/// (raw, indicator) of each figure of a sentence.
fn read(sentence: &str) -> Vec<(String, Option<String>)> {
    line(sentence)
        .into_iter()
        .map(|f| (f.raw, f.indicator))
        .collect()
}

fn is(sentence: &str, raw: &str, want: Option<&str>) {
    let figures = read(sentence);
    let got = figures
        .iter()
        .find(|(r, _)| r == raw)
        .unwrap_or_else(|| panic!("{raw} not found in {sentence}: {figures:?}"));
    assert_eq!(got.1.as_deref(), want, "{raw} in {sentence}");
}

#[test]
fn the_unit_must_fit_the_quantity() {
    // The leaders' study is no event for the public.
    is(
        "健全理论学习中心组学习机制,以集体学习等形式开展学习宣传活动9场次。",
        "9场次",
        None,
    );
    let s = "全年开展32个主题的法治宣传活动1200余场。";
    is(s, "32个", None);
    is(s, "1200余场", Some("publicity_events"));
    let s = "举办行政执法人员培训班5期,培训执法人员1350人次。";
    is(s, "5期", Some("enforcement_trainings"));
    is(s, "1350人次", Some("enforcement_staff_trained"));
    is(
        "新建法律援助工作站45个,办理法律援助案件2100件。",
        "45个",
        None,
    );
    is(
        "新建法律援助工作站45个,办理法律援助案件2100件。",
        "2100件",
        Some("legal_aid_cases"),
    );
    is("报送包容审慎监管典型案例3篇。", "3篇", None);
    is(
        "整合组建综合行政执法队伍12支。",
        "12支",
        Some("enforcement_teams"),
    );
}

#[test]
fn the_verb_must_fit_the_quantity() {
    is("全县开展矛盾纠纷排查620次。", "620次", None);
    is("全年排查矛盾纠纷3400件。", "3400件", None);
    // One channel's disputes (a lawsuit's, by settlement) are not the
    // area's disputes resolved.
    is(
        "府院联动,通过行政和解等方式化解涉案纠纷57件。",
        "57件",
        None,
    );
    is(
        "加强复议、诉讼风险研判,通过行政和解等方式化解涉案纠纷57件。",
        "57件",
        None,
    );
    is(
        "全年排查化解矛盾纠纷3180件,调解成功率98.6%。",
        "3180件",
        Some("disputes_resolved"),
    );
    is(
        "全年排查化解矛盾纠纷3180件,调解成功率98.6%。",
        "98.6%",
        Some("mediation_success_rate"),
    );
    is(
        "全区各级人民调解组织受理纠纷4120件,调解成功4090件。",
        "4120件",
        Some("mediation_cases"),
    );
    is("960余项政务服务事项实现网上可查。", "960余项", None);
    is(
        "860项政务服务事项实现全程网办。",
        "860项",
        Some("online_services"),
    );
    let s = "完成规范性文件清理86件,其中废止12件、修改9件。";
    is(s, "86件", Some("normative_docs_cleanup"));
    is(s, "12件", None);
    is(s, "9件", None);
    is("审核区政府规范性文件14件。", "14件", None);
    is(
        "出台区政府规范性文件14件。",
        "14件",
        Some("normative_docs_made"),
    );
}

#[test]
fn the_scope_is_the_government_as_a_whole() {
    is(
        "全县19个乡镇(街道)完成重大事项合法性审查320余件。",
        "320余件",
        None,
    );
    let s = "全年化解矛盾纠纷5210件,其中通过线上平台化解1260件。";
    is(s, "5210件", Some("disputes_resolved"));
    is(s, "1260件", None);
    is("近三年年均受理行政复议案件300余件。", "300余件", None);
    is("执法投诉量月均下降6.5%。", "6.5%", None);
}

#[test]
fn the_reconsideration_indicators_take_the_government_as_reviewer() {
    is("县政府行政复议案件被纠错率为0。", "0", None);
    is(
        "全年行政复议纠错率为12.5%。",
        "12.5%",
        Some("reconsideration_correction_rate"),
    );
    let s = "全年共收到行政复议申请96件,审结88件,其中调解和解11件,纠错率14.8%。";
    is(s, "96件", Some("reconsideration_received"));
    is(s, "88件", Some("reconsideration_closed"));
    is(s, "11件", Some("mediation_in_reconsideration"));
    is(s, "14.8%", Some("reconsideration_correction_rate"));
}

#[test]
fn values_said_respectively_and_in_either_script() {
    let s = "全县刑事、治安案件持续下降,立案数分别下降12%、8.5%。";
    is(s, "12%", Some("criminal_cases_change"));
    is(s, "8.5%", Some("public_order_change"));
    is(
        "受理行政複議案件96件。",
        "96件",
        Some("reconsideration_received"),
    );
    is(
        "行政機關負責人出庭應訴率達100%。",
        "100%",
        Some("leader_court_rate"),
    );
}

#[test]
fn a_share_is_of_the_figure_before_it() {
    let s = "全县审批事项网上办理412项,占比81.2%,企业事项205项,占比49.8%。";
    is(s, "412项", Some("online_services"));
    is(s, "81.2%", Some("online_service_rate"));
    is(s, "49.8%", None);
}

#[test]
fn a_named_rate_is_its_sentences_after_a_part() {
    let s = "全年收到行政复议申请860件,审结812件,其中撤销、变更等纠错97件,纠错率11.3%。";
    is(s, "11.3%", Some("reconsideration_correction_rate"));
    is(s, "860件", Some("reconsideration_received"));
}

#[test]
fn a_change_of_a_stock_is_not_the_stock() {
    let s = "精简行政许可事项140项,取消证明事项16项。";
    is(s, "140项", None);
    is(s, "16项", Some("certificates_reduced"));
    is(
        "现区级保留的行政许可事项218项。",
        "218项",
        Some("admin_approvals"),
    );
    is("梳理调整市、县两级行政许可事项348项。", "348项", None);
    is("向园区下放行政许可事项35项。", "35项", None);
    // The time saved over many matters is no time limit; the limit
    // reached is.
    is("累计压缩办理时限900余个工作日。", "900余个工作日", None);
    is(
        "办理时限压缩至2小时内。",
        "2小时内",
        Some("processing_time"),
    );
}

#[test]
fn the_next_item_of_a_list_takes_the_lists_verb() {
    let s = "现区级保留的政务服务事项515项,行政许可事项218项,公共服务等其他事项297项。";
    is(s, "515项", None);
    is(s, "218项", Some("admin_approvals"));
    is(s, "297项", None);
    // A cut stays a cut down the list.
    is("精简政务服务事项40项,行政许可事项12项。", "12项", None);
    // An item with a verb of its own keeps it.
    is("保留政务服务事项515项,取消行政许可事项18项。", "18项", None);
}

#[test]
fn a_short_name_said_again_is_the_long_one() {
    let s = "制定并公布年度重大行政决策事项目录,20件决策事项依法完成备案。";
    is(s, "20件", Some("major_decisions"));
    // No longer name before it: nothing to echo.
    is("20件决策事项依法完成备案。", "20件", None);
}

#[test]
fn a_percentage_of_a_noun_is_a_share() {
    let s = "市区两级98%以上事项实现网上办理,90%以上事项实现“一门”集中进驻。";
    is(s, "98%以上", Some("online_service_rate"));
    is(s, "90%以上", None);
    is(
        "全市政务服务事项“一网通办”率达87.13%,掌上执法率达99.92%。",
        "87.13%",
        Some("online_service_rate"),
    );
    is(
        "全市政務服務事項“一網通辦”率達87.13%。",
        "87.13%",
        Some("online_service_rate"),
    );
    is(
        "全市政务服务事项“一网通办”率达87.13%,掌上执法率达99.92%。",
        "99.92%",
        None,
    );
}

#[test]
fn lectures_for_officials_are_no_publicity() {
    is(
        "抓牢“关键少数”,落实中心组学法制度,举办法治讲座(培训、报告会)3530余场。",
        "3530余场",
        None,
    );
    is(
        "深入开展“八五”普法,举办法治讲座320场,开展法治宣传活动1200余场。",
        "320场",
        Some("publicity_events"),
    );
    is(
        "深入开展“八五”普法,举办法治讲座320场,开展法治宣传活动1200余场。",
        "1200余场",
        Some("publicity_events"),
    );
}

#[test]
fn the_new_rules_read_every_form() {
    is(
        "全市95%的政务服务事项实现网上办理。",
        "95%",
        Some("online_service_rate"),
    );
    is("全市一网通办率达95%。", "95%", Some("online_service_rate"));
    is("精簡行政許可事項140項。", "140項", None);
    is(
        "制定並公布年度重大行政決策事項目錄,20件決策事項依法完成備案。",
        "20件",
        Some("major_decisions"),
    );
    is(
        "现区级保留的政务服务事项５１５项，行政许可事项２１８项。",
        "２１８项",
        Some("admin_approvals"),
    );
}

#[test]
fn some_bodies_figure_is_not_the_areas() {
    is("有关部门制定行政规范性文件12件。", "12件", None);
    is("部分乡镇化解矛盾纠纷310件。", "310件", None);
    is(
        "全市制定行政规范性文件12件。",
        "12件",
        Some("normative_docs_made"),
    );
}

#[test]
fn a_count_with_its_own_verb_takes_the_sentences_subject() {
    let s = "全年共收到行政复议申请1234件,依法受理1100件,经审查,审结1050件。";
    is(s, "1050件", Some("reconsideration_closed"));
}

#[test]
fn the_new_rules_stay_within_their_reach() {
    // 调处率 (the share taken up) is not the success rate.
    is("矛盾纠纷调处率达98%。", "98%", None);
    // A list's next item names its own subject: policy documents are no
    // normative documents.
    is("清理规范性文件300件,政策性文件120件。", "120件", None);
    // What was cut for enterprises is itself the relief.
    is(
        "为企业减负降低成本3000万元。",
        "3000万元",
        Some("business_burden_relief"),
    );
    // The lectures of a 普法 sentence are publicity; a lone lecture count
    // says nothing of its audience.
    is("举办法治讲座120场。", "120场", None);
}

#[test]
fn an_item_with_a_verb_of_its_own_keeps_it() {
    let s = "撤销执法队伍26支,保留60支,精简队伍数量30.2%。";
    is(s, "60支", Some("enforcement_teams"));
    let s = "审结42件,其中终止14件,撤销5件,驳回5件,确认违法1件,调解结案1件。";
    is(s, "1件", None);
    let s = "新收行政复议案件48件,审结42件,其中撤销5件,驳回5件,调解结案2件。";
    is(s, "2件", Some("mediation_in_reconsideration"));
}
