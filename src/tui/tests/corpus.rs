//! The corpus screen: sorting, the chart, and reading a cell's sentence.

use super::*;
use crate::tui::reading::Pane;

#[test]
fn corpus_view_sorts_and_enter_reads_the_cell_in_its_sentence() {
    let mut app = bundled(160, 48);
    app.update(Action::Corpus);
    let c = corpus(&app);
    assert_eq!(c.order.len(), app.session.library.reports.len());
    let col = c
        .columns
        .iter()
        .position(|col| col.id == "leader_court_rate")
        .expect("a main indicator");
    for _ in 0..col {
        app.update(Action::Right);
    }
    app.update(Action::Sort);
    let values: Vec<Option<f64>> = corpus(&app)
        .column_values()
        .map(|(_, v)| v.map(|v| v.value))
        .collect();
    let known: Vec<f64> = values.iter().flatten().copied().collect();
    assert!(known.len() >= 3, "{values:?}");
    assert!(
        known.windows(2).all(|w| w[0] >= w[1]),
        "largest first: {values:?}"
    );
    assert!(
        values
            .iter()
            .skip_while(|v| v.is_some())
            .all(|v| v.is_none()),
        "missing last"
    );
    let screen = screen_text(&app);
    assert!(squeezed(&screen).contains("负责人出庭应诉"), "{screen}");
    assert!(screen.contains('█'), "a bar chart");
    app.update(Action::Sort);
    let known: Vec<f64> = corpus(&app)
        .column_values()
        .filter_map(|(_, v)| v.map(|v| v.value))
        .collect();
    assert!(known.windows(2).all(|w| w[0] <= w[1]), "smallest first");
    // The first row, which has a figure: Enter shows its sentence, the
    // figure highlighted.
    app.update(Action::Top);
    let c = corpus(&app);
    let chosen = c.order[c.rows.selected()];
    let figure = c.cells[chosen][c.col].as_ref().unwrap().figure.unwrap();
    let row = c.rows.selected();
    app.update(Action::Open);
    let r = reading(&app);
    assert_eq!(r.report_index(), chosen);
    assert_eq!(r.focus, Pane::Reader);
    let f = &r.report(&app.session).unwrap().figures()[figure];
    assert_eq!(marked_text(&app, r.text.mark.unwrap()), f.raw);
    // Back: the corpus as it was.
    app.update(Action::Back);
    assert_eq!(corpus(&app).rows.selected(), row);
    assert!(corpus(&app).sort.is_some());
    app.update(Action::Corpus);
    assert!(app.reading().is_some(), "c closes the view");
    assert_eq!(app.stack.len(), 1);
}

/// A column whose cells come in two units: the chart draws the common one
/// and lists the other without a bar, saying why.
#[test]
fn snapshot_corpus_with_a_mixed_unit_column() {
    use crate::report::TextEncoding;
    let mut lib = Library::bundled();
    lib.reports.push(crate::report::Report::parse(
        "data/test-county-2024.txt",
        "2024年，某某县坚持依法行政，现将有关情况报告如下。\n一、主要举措\n全年组织培训执法人员1200人次，办理行政复议案件36件。\n"
            .into(),
        TextEncoding::Utf8,
    ));
    let mut app = App::new(lib, Catalogues::builtin().clone(), 120, 40);
    app.update(Action::Corpus);
    let col = corpus(&app)
        .columns
        .iter()
        .position(|c| c.id == "enforcement_staff_trained")
        .unwrap();
    for _ in 0..col {
        app.update(Action::Right);
    }
    let screen = screen_text(&app);
    assert!(
        squeezed(&screen).contains("(in人次,notcharted)"),
        "{screen}"
    );
    insta::assert_snapshot!(screen);
}

#[test]
fn choosing_another_figure_changes_the_cell_and_is_kept() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("choices.json");
    let choices = crate::corpus::Choices::load(&path).unwrap();
    let mut app = App::with_choices(
        Library::bundled(),
        Catalogues::builtin().clone(),
        choices,
        120,
        40,
    );
    app.update(Action::Corpus);
    let mianyang = report_named(&app, "mianyang");
    while corpus(&app).selected().unwrap().0 != mianyang {
        app.update(Action::Down);
    }
    let col = corpus(&app)
        .columns
        .iter()
        .position(|c| c.id == "npc_suggestions")
        .unwrap();
    for _ in 0..col {
        app.update(Action::Right);
    }
    let before = corpus(&app).selected().unwrap().1.unwrap().clone();
    app.update(Action::Choose);
    assert!(matches!(app.top(), Screen::Candidates(_)));
    app.update(Action::Down);
    app.update(Action::Open);
    let after = corpus(&app).selected().unwrap().1.unwrap().clone();
    assert_ne!(after.figure, before.figure);
    assert!(after.chosen);
    assert!(app
        .session
        .message
        .as_deref()
        .unwrap()
        .starts_with("chosen"));
    // A new session reads the kept choice.
    let again = crate::corpus::Choices::load(&path).unwrap();
    let mut app = App::with_choices(
        Library::bundled(),
        Catalogues::builtin().clone(),
        again,
        120,
        40,
    );
    app.update(Action::Corpus);
    let c = corpus(&app);
    let cell = c.cells[mianyang][col].as_ref().unwrap();
    assert_eq!((cell.figure, cell.chosen), (after.figure, true));
}

/// Enter on an empty cell says the report states no such figure and lists
/// the figures that could fill it, rather than opening the report at its
/// start.
#[test]
fn enter_on_an_empty_cell_says_so_and_offers_the_candidates() {
    let mut app = bundled(160, 48);
    app.update(Action::Corpus);
    let empty = {
        let c = corpus(&app);
        (0..c.order.len())
            .flat_map(|row| (0..c.columns.len()).map(move |col| (row, col)))
            .find(|&(row, col)| c.cells[c.order[row]][col].is_none())
            .expect("an empty cell among the bundled reports")
    };
    app.update(Action::Top);
    for _ in 0..empty.0 {
        app.update(Action::Down);
    }
    for _ in 0..empty.1 {
        app.update(Action::Right);
    }
    let name = corpus(&app).columns[empty.1].name.clone();
    app.update(Action::Open);
    assert!(matches!(app.top(), Screen::Candidates(_)), "the candidates");
    let message = app.session.message.clone().unwrap();
    assert!(
        message.starts_with(&format!("the report states no {name}")),
        "{message}"
    );
}

/// Cells are computed once per report: drawing the corpus view again,
/// with no input between, computes none.
#[test]
fn drawing_twice_computes_no_cells() {
    let mut app = bundled(160, 48);
    app.update(Action::Corpus);
    let first = screen_text(&app);
    let computed = app.session.tables.computed();
    assert!(computed >= app.session.library.reports.len(), "{computed}");
    let second = screen_text(&app);
    assert_eq!(app.session.tables.computed(), computed);
    assert_eq!(first, second);
    // Rows are numbered in the order shown.
    let row = first
        .lines()
        .find(|l| squeezed(l).contains("張家港市2023"))
        .unwrap();
    let n = row.trim_start_matches(['┃', '│', ' ']);
    assert!(n.chars().next().unwrap().is_ascii_digit(), "{row}");
}

/// `a` shows every indicator of the catalogue (change indicators too),
/// `z` hides the columns no report fills; the sorted column stays sorted.
#[test]
fn all_indicators_as_columns_and_empty_ones_hidden() {
    let mut app = bundled(160, 48);
    app.update(Action::Corpus);
    let main = corpus(&app).columns.len();
    app.update(Action::Sort);
    let sorted = corpus(&app).columns[0].id.clone();
    app.update(Action::AllColumns);
    let all = corpus(&app).columns.len();
    assert_eq!(all, app.session.catalogues.indicators.indicators.len());
    assert!(all > main);
    assert!(corpus(&app)
        .columns
        .iter()
        .any(|c| c.id.ends_with("_change")));
    assert!(squeezed(&screen_text(&app)).contains(&format!("{all}indicators")));
    app.update(Action::HideEmpty);
    let c = corpus(&app);
    assert!(
        c.columns.len() < all,
        "some indicator no bundled report states"
    );
    for (k, col) in c.columns.iter().enumerate() {
        assert!(
            c.cells.iter().any(|row| row[k].is_some()),
            "{} is empty yet shown",
            col.id
        );
    }
    let (k, _) = c.sort.unwrap();
    assert_eq!(
        c.columns[k].id, sorted,
        "still sorted by the same indicator"
    );
    assert!(squeezed(&screen_text(&app)).contains("(emptyhidden)"));
    app.update(Action::HideEmpty);
    assert_eq!(corpus(&app).columns.len(), all);
}

/// Sixty reports more than a screen holds: PgDn moves a page and the rows
/// on screen are numbered from there, End shows the last number.
#[test]
fn paging_the_corpus_table_keeps_row_numbers() {
    use crate::report::TextEncoding;
    let mut lib = Library::bundled();
    for n in 0..60 {
        lib.reports.push(crate::report::Report::parse(
            &format!("gen-{n:02}.txt"),
            format!(
                "测试{n}县2024年法治政府建设情况报告\n一、主要举措\n全年新收行政复议案件{n}件。\n"
            ),
            TextEncoding::Utf8,
        ));
    }
    let total = lib.reports.len();
    let mut app = App::new(lib, Catalogues::builtin().clone(), 120, 40);
    app.update(Action::Corpus);
    let numbers = |app: &App| -> Vec<usize> {
        screen_text(app)
            .lines()
            .filter_map(|l| {
                let l = l.trim_start_matches(['┃', '│', ' ']);
                let digits: String = l.chars().take_while(char::is_ascii_digit).collect();
                digits.parse().ok()
            })
            .collect()
    };
    let first = numbers(&app);
    assert_eq!(first.first(), Some(&1));
    // A page keeps one row of the page before in sight.
    let page = corpus(&app).rows.page() as usize;
    assert_eq!(page + 1, corpus(&app).rows.visible().len());
    assert!(page > 3 && page < total, "{page}");
    app.update(Action::PageDown);
    assert_eq!(corpus(&app).rows.selected(), page);
    assert!(numbers(&app).contains(&(page + 1)), "{:?}", numbers(&app));
    app.update(Action::Bottom);
    assert_eq!(corpus(&app).rows.selected(), total - 1);
    assert!(numbers(&app).contains(&total));
    app.update(Action::PageUp);
    assert_eq!(corpus(&app).rows.selected(), total - 1 - page);
    app.update(Action::Top);
    assert_eq!(corpus(&app).rows.selected(), 0);
}
