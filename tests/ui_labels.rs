//! No Persian that egui would draw backwards reaches one of egui's own
//! widgets: every view of the window is walked (its AccessKit tree) with
//! texts that mix Persian with digits and Latin — a query, a tag name, a
//! file name, titles, speakers — and each such text must have been drawn
//! by daftar's RTL label, button or field.

use egui::Role;
use egui_kittest::kittest::Queryable;

use crate::common::{self, assert_persian_drawn_right};

#[test]
fn every_view_draws_mixed_persian_through_the_layout_module() {
    let corpus = common::sample_copy();
    // A file whose name and title mix Persian, digits and Latin, and one
    // that cannot be read (the problems window names it).
    std::fs::write(
        corpus.path().join("خبر ۱۴۰۳ BRICS.txt"),
        "اجلاس BRICS در سال 1403\nنشست سران BRICS روز ۲۷ مهر ۱۴۰۳ برگزار شد.",
    )
    .unwrap();
    std::fs::write(
        corpus.path().join("پرونده ۲ خراب.txt"),
        [0u8, 159, 146, 0, 7, 1],
    )
    .unwrap();
    let mut h = common::window(corpus.path());
    assert_persian_drawn_right(&h, "the article list");

    h.get_by_role_and_label(Role::Button, "اجلاس BRICS در سال 1403")
        .click();
    common::settle(&mut h);
    assert_persian_drawn_right(&h, "the reader");

    h.get_by_role_and_label(Role::TextInput, "Search").click();
    h.run();
    h.get_by_role_and_label(Role::TextInput, "Search")
        .type_text("BRICS 1403");
    common::settle(&mut h);
    assert_persian_drawn_right(&h, "search results");

    // The statistics of the search's articles: n-grams mix Persian, Latin
    // and digits («اجلاس BRICS», «1403 برگزار»).
    h.get_by_label("Statistics").click();
    common::settle(&mut h);
    assert_persian_drawn_right(&h, "the word list");
    h.get_by_label("N-grams").click();
    h.state_mut().stats.min_freq = 1;
    common::settle(&mut h);
    assert!(
        h.state().stats.rows().iter().any(|r| r.contains("BRICS")),
        "{:?}",
        h.state().stats.rows()
    );
    assert_persian_drawn_right(&h, "the n-grams");
    h.get_by_label("Reader").click();
    common::settle(&mut h);

    h.get_by_label("Tag…").click();
    common::settle(&mut h);
    h.get_by_role_and_label(Role::TextInput, "Tag")
        .type_text("موضع روسیه 1403");
    common::settle(&mut h);
    assert_persian_drawn_right(&h, "the tag palette");
    h.get_by_label("New tag: موضع روسیه 1403").click();
    common::settle(&mut h);

    h.get_by_label("Passages").click();
    common::settle(&mut h);
    assert_persian_drawn_right(&h, "passages");

    h.get_by_label("Tags (1)").click();
    common::settle(&mut h);
    assert_persian_drawn_right(&h, "the tag manager");
    // (The merge list names the other tags.)
    h.get_by_label("Rename").click();
    common::settle(&mut h);
    assert_persian_drawn_right(&h, "renaming a tag");

    h.get_by_label("Statements").click();
    common::settle(&mut h);
    assert_persian_drawn_right(&h, "statements");
    crate::ui_statements::compare_lavrov_and_araghchi(&mut h);
    common::settle(&mut h);
    assert_persian_drawn_right(&h, "the comparison");
    h.get_by_label("Ledger").click();
    common::settle(&mut h);
    assert_persian_drawn_right(&h, "the ledger");

    h.get_by_label("Passages").click();
    common::settle(&mut h);
    h.get_by_label("Export…").click();
    common::settle(&mut h);
    h.get_by_role_and_label(Role::ComboBox, "Tag").click();
    common::settle(&mut h);
    assert_persian_drawn_right(&h, "the export dialog's tag list");
    h.get_by_role_and_label(Role::Button, "موضع روسیه 1403")
        .click();
    common::settle(&mut h);
    assert_persian_drawn_right(&h, "the export dialog");

    h.get_by_label("1 problem").click();
    common::settle(&mut h);
    assert_persian_drawn_right(&h, "the problems window");
}

/// The grep half of the check: no line of the window's code hands a
/// literal that egui would draw backwards to one of egui's own text
/// widgets (texts that arrive at run time are caught by the walk above).
#[test]
fn no_mixed_persian_literal_is_given_to_a_plain_egui_widget() {
    use daftar::ui::widgets::rtl_text::egui_draws_right;
    const PLAIN: &[&str] = &[
        ".label(",
        ".button(",
        ".small_button(",
        ".heading(",
        ".weak(",
        ".strong(",
        ".monospace(",
        "colored_label(",
        "selectable_label(",
        "selectable_value(",
        "radio_value(",
        ".checkbox(",
        "menu_button(",
        "on_hover_text",
        "selected_text(",
        "Window::new(",
        "ComboBox::",
    ];
    let mut bad = Vec::new();
    let mut stack = vec![std::path::PathBuf::from("src/ui")];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
                continue;
            }
            let text = std::fs::read_to_string(&path).unwrap();
            for (n, line) in text.lines().enumerate() {
                let code = line.split("//").next().unwrap_or("");
                if !PLAIN.iter().any(|p| code.contains(p)) {
                    continue;
                }
                // Every string literal on the line.
                for (i, lit) in code.split('"').enumerate() {
                    if i % 2 == 1 && !egui_draws_right(lit) {
                        bad.push(format!("{}:{}: {}", path.display(), n + 1, line.trim()));
                    }
                }
            }
        }
    }
    assert!(bad.is_empty(), "{bad:#?}");
}

#[test]
fn the_rule_for_egui_text_matches_what_egui_was_seen_to_draw() {
    use daftar::ui::widgets::rtl_text::egui_draws_right;
    // RENDERING.md: Persian alone is joined and in order; digits and Latin
    // inside Persian are reversed; Persian inside English is unjoined.
    assert!(egui_draws_right("ولادیمیر پوتین"));
    assert!(egui_draws_right("Open recent"));
    assert!(egui_draws_right("«گفت‌وگو»: نقل قول"));
    assert!(!egui_draws_right("گفت: 27 فروردين 1397"));
    assert!(!egui_draws_right("سال ۱۴۰۳"));
    assert!(!egui_draws_right("BRICS اجلاس"));
    assert!(!egui_draws_right("Folder: پیکره آزمون"));
}
