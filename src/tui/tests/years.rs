//! The years screen and the follow-up screen: one place's three years
//! (张家港's 2023 report, and a 2022 and a 2024 report written for the
//! tests), a cell read in its sentence, a year's plans followed up.

use super::*;
use crate::report::Report;
use crate::report::TextEncoding;
use crate::tui::followup::{FollowupSide, FollowupView};
use crate::tui::years::Years;

/// The bundled reports and two more years of 张家港.
pub(super) fn three_years(w: u16, h: u16) -> App {
    let mut lib = Library::bundled();
    for (file, text) in [
        (
            "zhangjiagang-2022-short.txt",
            include_str!("../../../tests/fixtures/zhangjiagang-2022-short.txt"),
        ),
        (
            "zhangjiagang-2024-next.txt",
            include_str!("../../../tests/fixtures/zhangjiagang-2024-next.txt"),
        ),
    ] {
        lib.reports
            .push(Report::parse(file, text.to_owned(), TextEncoding::Utf8));
    }
    lib.group_by_place();
    App::new(lib, Catalogues::builtin().clone(), w, h)
}

pub(super) fn years(app: &App) -> &Years {
    match app.top() {
        Screen::Years(y) => y,
        _ => panic!("the years screen is on top"),
    }
}

fn followup(app: &App) -> &FollowupView {
    match app.top() {
        Screen::Followup(f) => f,
        _ => panic!("the follow-up screen is on top"),
    }
}

/// The years of 张家港, its 2023 report's column selected.
pub(super) fn open_years(app: &mut App) {
    select_report_named(app, "zhangjiagang-2023");
    app.update(Action::Years);
}

#[test]
fn a_places_three_years_side_by_side_with_changes() {
    let mut app = three_years(160, 40);
    open_years(&mut app);
    let y = years(&app);
    assert_eq!(y.reports.len(), 3, "2022, 2023 and 2024 of one place");
    assert_eq!(y.col, 1, "the report the user was on");
    let screen = screen_text(&app);
    let flat = squeezed(&screen);
    assert!(flat.contains("Years·張家港市·2022,2023,2024"), "{screen}");
    // 矛盾纠纷化解: 38,210 → 40,775; 2024 states only a lawsuit's
    // disputes settled (化解涉案纠纷86件), which is not the area's figure.
    let row = screen
        .lines()
        .map(squeezed)
        .find(|l| l.contains("矛盾纠纷化解"))
        .unwrap();
    assert!(row.contains("38,210件"), "{row}");
    assert!(row.contains("40,775件+2565—"), "{row}");
    assert!(!row.contains("86件"), "{row}");
}

#[test]
fn enter_reads_the_cell_and_esc_comes_back() {
    let mut app = three_years(160, 40);
    open_years(&mut app);
    let row = years(&app)
        .rows
        .iter()
        .position(|r| r.indicator == "disputes_resolved")
        .expect("矛盾纠纷化解 is a row");
    for _ in 0..row {
        app.update(Action::Down);
    }
    app.update(Action::Open);
    let screen = screen_text(&app);
    assert!(squeezed(&screen).contains("40,775件"), "{screen}");
    app.update(Action::Back);
    assert_eq!(years(&app).cursor.selected(), row, "the same row");
}

#[test]
fn a_years_plans_against_the_next_years_report() {
    let mut app = three_years(160, 40);
    open_years(&mut app);
    app.update(Action::Followup);
    let f = followup(&app);
    let label = |i: usize| app.session.library.reports[i].label();
    assert_eq!(
        (label(f.a), label(f.b)),
        ("張家港市 2023".into(), "張家港市 2024".into())
    );
    // Three plan paragraphs, each split into its commitments; the one on
    // a campaign against enforcement problems has none carried out.
    assert_eq!(f.result.paragraphs.len(), 3);
    let (k, n) = f.result.reported();
    assert!(0 < k && k < n, "{k} of {n}");
    let campaign = f.result.promises.iter().filter(|p| p.paragraph == 1);
    assert!(campaign.clone().count() > 1);
    assert!(campaign
        .clone()
        .all(|p| p.status == crate::followup::Status::NotFound));
    let screen = screen_text(&app);
    let flat = squeezed(&screen);
    assert!(
        flat.contains(&format!("Plansof張家港市2023·{k}/{n}reported")),
        "{screen}"
    );
    assert!(flat.contains("In張家港市2024"), "{screen}");
    assert!(flat.contains("✗聚焦人民群眾反映強烈"), "{screen}");
    assert!(flat.contains("Shortcomings·"), "{screen}");
    // The evidence side: Enter reads the passage in 2024's report.
    app.update(Action::FocusNext);
    assert_eq!(followup(&app).side, FollowupSide::Evidence);
    app.update(Action::Open);
    let r = reading(&app);
    assert_eq!(
        app.session.library.reports[r.report_index()].label(),
        "張家港市 2024"
    );
    assert!(squeezed(&screen_text(&app)).contains("全年落實各級黨委"));
}

#[test]
fn snapshot_years_and_followup_at_100x30_and_200x50() {
    for (w, h) in [(100, 30), (200, 50)] {
        let mut app = three_years(w, h);
        open_years(&mut app);
        insta::assert_snapshot!(format!("years_{w}x{h}"), screen_text(&app));
        app.update(Action::Followup);
        insta::assert_snapshot!(format!("followup_{w}x{h}"), screen_text(&app));
    }
}

/// `f` on the report list: with none marked, the selected year's plans
/// against its place's next year, no note; with a report marked, the
/// marked report's plans against the selected one's, whatever the two
/// are, and a note when they are not one place's consecutive years.
#[test]
fn f_follows_up_the_next_year_or_any_two_marked_reports() {
    let mut app = three_years(160, 40);
    select_report_named(&mut app, "zhangjiagang-2023");
    app.update(Action::Followup);
    let f = followup(&app);
    let label = |app: &App, i: usize| app.session.library.reports[i].label();
    assert_eq!(
        (label(&app, f.a), label(&app, f.b)),
        ("張家港市 2023".into(), "張家港市 2024".into())
    );
    assert_eq!(f.note, None);
    app.update(Action::Back);
    // Two cities: followed up all the same, with a note on both screens.
    select_report_named(&mut app, "yixing-2024");
    app.update(Action::Mark);
    select_report_named(&mut app, "mianyang-2024");
    app.update(Action::Followup);
    let f = followup(&app);
    assert_eq!(
        (label(&app, f.a), label(&app, f.b)),
        ("宜兴市 2024".into(), "绵阳市 2024".into())
    );
    let note = f.note.clone().expect("a note");
    assert!(note.contains("not reports of one place"), "{note}");
    let screen = squeezed(&screen_text(&app));
    assert!(screen.contains("Note:宜兴市2024and绵阳市2024"), "{screen}");
    // The marked report alone is no pair.
    app.update(Action::Back);
    select_report_named(&mut app, "yixing-2024");
    app.update(Action::Followup);
    assert!(matches!(app.top(), Screen::Reading(_)));
    let said = app.session.message.clone().unwrap_or_default();
    assert!(said.contains("other than the marked one"), "{said}");
}

/// The plans list holds each paragraph's heading over its commitments:
/// on a heading the right side shows the paragraph and how many of its
/// commitments are reported, and Enter reads it in its report.
#[test]
fn commitments_are_listed_under_their_paragraph() {
    let mut app = three_years(160, 40);
    open_years(&mut app);
    app.update(Action::Followup);
    let f = followup(&app);
    assert!(matches!(
        f.row(),
        Some(crate::tui::followup::PlanRow::Promise(_))
    ));
    assert!(matches!(
        f.rows[0],
        crate::tui::followup::PlanRow::Paragraph(0)
    ));
    app.update(Action::Up);
    let screen = squeezed(&screen_text(&app));
    assert!(screen.contains("Paragraph,line38:5of6reported"), "{screen}");
    app.update(Action::Open);
    let r = reading(&app);
    assert_eq!(
        app.session.library.reports[r.report_index()].label(),
        "張家港市 2023"
    );
}

/// Past the time allowed the commitments not checked are marked ? and
/// the title says how many.
#[test]
fn commitments_left_at_the_time_limit_are_marked_unchecked() {
    let mut app = three_years(160, 40);
    app.session.followup_budget = std::time::Duration::ZERO;
    open_years(&mut app);
    app.update(Action::Followup);
    let screen = squeezed(&screen_text(&app));
    assert!(screen.contains("·15unchecked"), "{screen}");
    assert!(screen.contains("?把學習貫徹"), "{screen}");
}

/// 张家港's 2023 report loaded twice: one column for 2023, `e` reads it
/// from the other file and says so.
#[test]
fn two_files_of_one_year_are_one_column_and_e_reads_the_other() {
    let mut lib = Library::bundled();
    let zjg = lib
        .reports
        .iter()
        .find(|r| r.file.contains("zhangjiagang-2023"))
        .unwrap()
        .text
        .clone();
    for (file, text) in [
        (
            "zhangjiagang-2022-short.txt",
            include_str!("../../../tests/fixtures/zhangjiagang-2022-short.txt").to_owned(),
        ),
        (
            "zhangjiagang-2024-next.txt",
            include_str!("../../../tests/fixtures/zhangjiagang-2024-next.txt").to_owned(),
        ),
        ("zz-copy-2023.txt", zjg),
    ] {
        lib.reports
            .push(Report::parse(file, text, TextEncoding::Utf8));
    }
    lib.group_by_place();
    let mut app = App::new(lib, Catalogues::builtin().clone(), 160, 40);
    open_years(&mut app);
    let y = years(&app);
    assert_eq!(y.reports.len(), 3, "2022, 2023 and 2024: 2023 once");
    let flat = squeezed(&screen_text(&app));
    assert!(
        flat.contains("2022,2023(2files),2024"),
        "{}",
        screen_text(&app)
    );
    let before = app.session.library.reports[y.reports[1]].file.clone();
    app.update(Action::Choose);
    let y = years(&app);
    let after = app.session.library.reports[y.reports[1]].file.clone();
    assert_ne!(before, after);
    assert_eq!(y.reports.len(), 3);
    assert!(squeezed(&screen_text(&app)).contains("2023isreadfrom"));
}
