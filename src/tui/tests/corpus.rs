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
    let figure = c.cells[chosen][c.col].as_ref().unwrap().figure;
    let row = c.rows.selected();
    app.update(Action::Open);
    let r = reading(&app);
    assert_eq!(r.report_index(), chosen);
    assert_eq!(r.focus, Pane::Reader);
    let f = &r.report(&app.session).unwrap().figures[figure];
    assert_eq!(marked_text(&app, r.text.mark.unwrap()), f.raw);
    // Back: the corpus as it was.
    app.update(Action::Back);
    assert_eq!(corpus(&app).rows.selected(), row);
    assert!(corpus(&app).sort.is_some());
    app.update(Action::Corpus);
    assert!(app.reading().is_some(), "c closes the view");
    assert_eq!(app.stack.len(), 1);
}
