//! Labels, sentence by sentence.
use crate::figures::extract::line;

fn labels(text: &str) -> Vec<String> {
    line(text).into_iter().map(|f| f.label).collect()
}

#[test]
fn label_is_the_clause_before() {
    assert_eq!(labels("全年办理行政复议案件35件。"), ["办理行政复议案件"]);
    assert_eq!(labels("行政复议纠错率为6.8%，"), ["行政复议纠错率"]);
    // A quoted name keeps both its quotes; a quote the label does
    // not close is left out.
    assert_eq!(
        labels("网上可办率达98%,“一网通办”事项1876项。"),
        ["网上可办率", "“一网通办”事项"]
    );
    assert_eq!(labels("推行“一件事”,办件量3200件。"), ["办件量"]);
    // A long label starts at the body that opens it, and a list is
    // never cut after its 、.
    assert_eq!(
        labels("市委常委会会议、市政府常务会议集体学法12次。"),
        ["市委常委会会议、市政府常务会议集体学法"]
    );
    assert_eq!(
        labels("全年审核市政府规章、行政规范性文件、政策措施文件860件。"),
        ["市政府规章、行政规范性文件、政策措施文件"]
    );
}

#[test]
fn label_is_the_noun_after_a_verb() {
    assert_eq!(labels("组织800余名执法人员参加培训"), ["执法人员"]);
    assert_eq!(labels("全年分两期对执法人员开展培训"), ["对执法人员"]);
    assert_eq!(labels("实现6个部门30项高频事项"), ["部门", "高频事项"]);
}

#[test]
fn one_value_several_rates() {
    assert_eq!(
        labels("规范性文件审查率、备案率、合格率均达到100%"),
        ["规范性文件审查率", "规范性文件备案率", "规范性文件合格率"]
    );
}

#[test]
fn values_respectively() {
    assert_eq!(
        labels("刑事、治安警情立案数分别下降28.2%、9.2%"),
        ["刑事警情立案数", "治安警情立案数"]
    );
}

#[test]
fn a_label_ends_on_a_whole_word_and_names_what_was_counted() {
    assert_eq!(labels("完成5件政府規章立、改、廢及后評估。"), ["政府規章"]);
    assert_eq!(labels("粮食产量再上新台阶,达到1.37万亿斤。"), ["粮食产量"]);
    assert_eq!(labels("粮食产量连年稳定在1.3万亿斤以上。"), ["粮食产量"]);
    assert_eq!(labels("行政诉讼败诉率控制在5%以内。"), ["行政诉讼败诉率"]);
    // With no clause before it in its sentence, the figure before lends
    // its label.
    assert_eq!(
        labels("全年受理案件35件。达到12件。"),
        ["受理案件", "受理案件"]
    );
}

#[test]
fn a_count_of_people_names_them_with_a_head() {
    assert_eq!(
        labels("组织全省92.4万名国家工作人员学法考法。"),
        ["国家工作人员"]
    );
    assert_eq!(
        labels("举办讲座3530余场,参加人员17.8万余人次法治教育在党校实现全覆盖。"),
        ["举办讲座", "参加人员"]
    );
    assert_eq!(labels("2个案例入选全省首批实践范例。"), ["案例"]);
}

#[test]
fn a_noun_ends_before_a_quote_it_does_not_close() {
    assert_eq!(
        labels("实现16项证明和67项申请材料“线下当场办、线上半天办”。"),
        ["证明", "申请材料"]
    );
    assert_eq!(
        labels("东城、通州3个区和4个项目分别被命名为示范地区。"),
        ["区", "项目"]
    );
}
