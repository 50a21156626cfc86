//! Statements and the comparison view, driven through AccessKit: choosing
//! two speakers fills both columns; clicking a cell opens the passage in
//! the reader; the statements view lists who said what.

use egui::Role;
use egui_kittest::kittest::Queryable;

use crate::common;

/// Compare › Lavrov on the left, Araghchi on the right, until compared.
pub fn compare_lavrov_and_araghchi(
    h: &mut egui_kittest::Harness<'static, daftar::ui::app::DaftarApp>,
) {
    h.get_by_label("Compare").click();
    common::settle(h);
    for (combo, name) in [
        ("Left speaker", "سرگئی لاوروف"),
        ("Right speaker", "عباس عراقچی"),
    ] {
        h.get_by_role_and_label(Role::ComboBox, combo).click();
        h.run();
        h.get_by_role_and_label(Role::Button, name).click();
        common::settle(h);
    }
    let started = std::time::Instant::now();
    while h.state().compare.is_busy() || h.state().compare.comparison().is_none() {
        assert!(started.elapsed().as_secs() < 30);
        h.step();
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
}

#[test]
fn choosing_two_speakers_fills_both_columns_and_a_cell_opens_the_passage() {
    let corpus = common::sample_copy();
    let mut h = common::window(corpus.path());
    compare_lavrov_and_araghchi(&mut h);
    common::settle(&mut h);
    let app = h.state();
    let c = app.compare.comparison().expect("compared");
    assert!(
        !c.left.is_empty() && !c.right.is_empty(),
        "both columns filled"
    );
    let speaker = |r: (usize, usize)| {
        let s = app.ws.articles[r.0].statement(r.1).expect("a statement");
        s.speaker
            .as_ref()
            .map(|e| daftar::extract::EntityName::of(&app.ws.entities.gazetteer, e).name)
    };
    assert!(
        c.left
            .iter()
            .all(|&r| speaker(r).as_deref() == Some("سرگئی لاوروف"))
    );
    assert!(
        c.right
            .iter()
            .all(|&r| speaker(r).as_deref() == Some("عباس عراقچی"))
    );

    // Click the first right-hand statement: the reader opens on it.
    let r = c.right[0];
    let text = {
        let a = &app.ws.articles[r.0];
        a.text()[a.statement(r.1).expect("a statement").range()].to_string()
    };
    let range = app.ws.articles[r.0]
        .statement(r.1)
        .expect("a statement")
        .range();
    h.get_by_role_and_label(Role::Button, &text).click();
    common::settle(&mut h);
    let app = h.state();
    assert_eq!(app.selected, Some(r.0));
    assert_eq!(app.view, daftar::ui::app::View::Reader);
    assert_eq!(app.reader.selection, Some((range.start, range.end)));
    assert_eq!(app.reader.hits, [range]);
}

#[test]
fn the_statements_view_lists_who_said_what() {
    let corpus = common::sample_copy();
    let mut h = common::window(corpus.path());
    h.get_by_label("Statements").click();
    common::settle(&mut h);
    let total: usize = h
        .state()
        .ws
        .articles
        .iter()
        .map(|a| a.statements().count())
        .sum();
    assert_eq!(h.state().statements.count(), total);
    // Selecting a speaker narrows the list to their statements.
    h.get_by_label_contains("سرگئی لاوروف: ").click();
    common::settle(&mut h);
    let n = h.state().statements.count();
    assert!(n >= 1 && n < total, "{n} of {total}");
}

/// The ledger reads right to left: the speakers' column at the right, the
/// first article's column next to it, the view opened at the right end.
#[test]
fn the_ledger_runs_right_to_left() {
    let corpus = common::sample_copy();
    let mut h = common::window(corpus.path());
    compare_lavrov_and_araghchi(&mut h);
    h.get_by_label("Ledger").click();
    common::settle(&mut h);
    // A speaker's name and a statement of theirs in the grid.
    let name = h
        .get_all_by_role_and_label(Role::Label, "سرگئی لاوروف")
        .map(|n| n.rect())
        .max_by(|a, b| a.right().total_cmp(&b.right()))
        .expect("the speaker's row");
    let (stmt, window) = {
        let app = h.state();
        let c = app.compare.comparison().expect("compared");
        let r = c.left[0];
        let a = &app.ws.articles[r.0];
        (
            a.text()[a.statement(r.1).expect("a statement").range()].to_string(),
            1280.0,
        )
    };
    // (The cell and its text carry the statement's words.)
    let cell = h
        .get_all_by_label(&stmt)
        .map(|n| n.rect())
        .next()
        .expect("the statement's cell");
    assert!(
        name.left() > cell.right(),
        "the speaker {name:?} right of the statement {cell:?}"
    );
    assert!(
        name.right() <= window,
        "the speakers' column is in view: {name:?}"
    );
}
