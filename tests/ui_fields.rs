//! The window's text fields with Persian mixed with Latin and digits:
//! typed, moved through, selected across a direction boundary, deleted,
//! pasted and undone — checking the text the field stores and where its
//! caret is drawn (the caret rectangle the window reports to the input
//! method).

use egui::{Key, Modifiers, Role};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

use crate::common;
use daftar::ui::app::DaftarApp;

fn key(h: &mut Harness<'static, DaftarApp>, m: Modifiers, k: Key) {
    h.key_press_modifiers(m, k);
    h.run_steps(2);
}

/// The caret's x on screen, as reported to the input method.
fn caret_x(h: &Harness<'static, DaftarApp>) -> f32 {
    h.output()
        .platform_output
        .ime
        .as_ref()
        .expect("a focused field reports its caret")
        .cursor_rect
        .left()
}

/// The passages as saved.
fn passages(dir: &std::path::Path) -> Vec<daftar::annotate::Passage> {
    let text = std::fs::read_to_string(dir.join(".daftar/annotations.ron")).unwrap();
    ron::from_str::<daftar::annotate::Annotations>(&text)
        .unwrap()
        .passages
}

/// The sample corpus with an article open and the tag box asking for a
/// tag (of the whole article).
fn tag_box_open() -> (tempfile::TempDir, Harness<'static, DaftarApp>) {
    let corpus = common::sample_copy();
    let mut h = common::window(corpus.path());
    h.get_by_role_and_label(Role::Button, "گفت‌وگوی تلفنی وزیران خارجه ایران و روسیه")
        .click();
    common::settle(&mut h);
    h.get_by_label("Tag…").click();
    common::settle(&mut h);
    (corpus, h)
}

fn search_field(h: &mut Harness<'static, DaftarApp>) -> egui::Rect {
    h.get_by_role_and_label(Role::TextInput, "Search").rect()
}

#[test]
fn a_mixed_query_is_edited_in_logical_order_across_a_direction_boundary() {
    let corpus = common::sample_copy();
    let mut h = common::window(corpus.path());
    h.get_by_role_and_label(Role::TextInput, "Search").click();
    h.run();
    h.get_by_role_and_label(Role::TextInput, "Search")
        .type_text("اجلاس BRICS 1403");
    h.run_steps(2);
    assert_eq!(h.state().search.query, "اجلاس BRICS 1403");
    let field = search_field(&mut h);

    // Home is the logical start: the right end of a right-to-left field.
    key(&mut h, Modifiers::NONE, Key::Home);
    let start = caret_x(&h);
    assert!(
        start > field.center().x,
        "the start of «اجلاس» is at the right: {start} in {field:?}"
    );
    // Left moves forward in reading order (leftwards in Persian).
    key(&mut h, Modifiers::NONE, Key::ArrowLeft);
    let one = caret_x(&h);
    assert!(
        one < start,
        "one letter on is further left: {one} < {start}"
    );
    // End: after 1403, which reads left to right at the left of «BRICS».
    key(&mut h, Modifiers::NONE, Key::End);
    let end = caret_x(&h);
    assert!(end < one, "{end} < {one}");

    // Ctrl+Backspace takes the number; Backspace the space.
    key(&mut h, Modifiers::CTRL, Key::Backspace);
    key(&mut h, Modifiers::NONE, Key::Backspace);
    assert_eq!(h.state().search.query, "اجلاس BRICS");
    // Shift+Right goes back in reading order: over «BRICS», the space
    // and into the Persian word — one selection across the boundary.
    for _ in 0..7 {
        key(&mut h, Modifiers::SHIFT, Key::ArrowRight);
    }
    key(&mut h, Modifiers::NONE, Key::Delete);
    assert_eq!(h.state().search.query, "اجلا");

    // A paste goes in at the caret, in logical order.
    h.event(egui::Event::Paste("س ۱۴۰۳ BRICS".into()));
    h.run_steps(2);
    assert_eq!(h.state().search.query, "اجلاس ۱۴۰۳ BRICS");
    // The query was searched as typed: the workspace has it.
    common::settle(&mut h);
    assert_eq!(h.state().ws.search.query, "اجلاس ۱۴۰۳ BRICS");

    // Undo inside the field: the paste, then the deletion.
    key(&mut h, Modifiers::COMMAND, Key::Z);
    assert_eq!(h.state().search.query, "اجلا");
    key(&mut h, Modifiers::COMMAND, Key::Z);
    assert_eq!(h.state().search.query, "اجلاس BRICS");
    key(&mut h, Modifiers::COMMAND | Modifiers::SHIFT, Key::Z);
    assert_eq!(h.state().search.query, "اجلا");
}

#[test]
fn a_persian_tag_name_with_digits_is_typed_corrected_and_kept() {
    let (corpus, mut h) = tag_box_open();
    h.get_by_role_and_label(Role::TextInput, "Tag")
        .type_text("موضع روسیه ۱۴۰۲");
    h.run_steps(2);
    // The last digit is wrong: back over it, type the right one.
    key(&mut h, Modifiers::NONE, Key::Backspace);
    h.get_by_role_and_label(Role::TextInput, "Tag")
        .type_text("۳");
    h.run_steps(2);
    // Ctrl+Left (back a word, in a right-to-left line Ctrl+Right) and the
    // caret stands before the number: a word typed there goes before it.
    key(&mut h, Modifiers::CTRL, Key::ArrowRight);
    h.get_by_role_and_label(Role::TextInput, "Tag")
        .type_text("سال ");
    common::settle(&mut h);
    let name = "موضع روسیه سال ۱۴۰۳";
    h.get_by_label(&format!("New tag: {name}")).click();
    common::settle(&mut h);
    let app = h.state();
    assert!(
        app.ws
            .annotations
            .schema
            .tags
            .iter()
            .any(|t| t.name == name),
        "{:?}",
        app.ws.annotations.schema.tags
    );
    assert_eq!(passages(corpus.path())[0].tags, [name]);
}

#[test]
fn a_note_of_two_lines_is_edited_with_the_arrows_and_saved() {
    let (corpus, mut h) = tag_box_open();
    h.get_by_role_and_label(Role::TextInput, "Tag")
        .type_text("یادداشت");
    common::settle(&mut h);
    h.get_by_label("New tag: یادداشت").click();
    common::settle(&mut h);
    // Choose the passage (it opens in the reader), back to its note.
    h.get_by_label("Passages").click();
    common::settle(&mut h);
    let quote = passages(corpus.path())[0].quote.clone();
    h.get_by_role_and_label(Role::Button, &quote).click();
    common::settle(&mut h);
    h.get_by_label("Passages").click();
    common::settle(&mut h);
    let note = |h: &mut Harness<'static, DaftarApp>| {
        h.get_by_role_and_label(Role::MultilineTextInput, "Note:")
            .click();
        h.run();
    };
    note(&mut h);
    h.get_by_role_and_label(Role::MultilineTextInput, "Note:")
        .type_text("نظر اول");
    h.run_steps(2);
    key(&mut h, Modifiers::NONE, Key::Enter);
    h.get_by_role_and_label(Role::MultilineTextInput, "Note:")
        .type_text("BRICS 1403");
    h.run_steps(2);
    // Up to the first line, End of that line, and go on writing there.
    key(&mut h, Modifiers::NONE, Key::ArrowUp);
    key(&mut h, Modifiers::NONE, Key::End);
    h.get_by_role_and_label(Role::MultilineTextInput, "Note:")
        .type_text(" و دوم");
    h.run_steps(2);
    // Select the second line from its end back to its start and cut it.
    key(&mut h, Modifiers::COMMAND, Key::End);
    key(&mut h, Modifiers::SHIFT, Key::Home);
    h.event(egui::Event::Cut);
    h.run_steps(2);
    h.get_by_label("Save note").click();
    common::settle(&mut h);
    assert_eq!(passages(corpus.path())[0].note, "نظر اول و دوم\n");
}

#[test]
fn a_composition_a_click_and_keys_in_one_frame_never_break_the_field() {
    let corpus = common::sample_copy();
    let mut h = common::window(corpus.path());
    h.get_by_role_and_label(Role::TextInput, "Search").click();
    h.run();
    h.get_by_role_and_label(Role::TextInput, "Search")
        .type_text("سلام");
    h.run_steps(2);
    // An input method composes at the start; a click lands inside the
    // composed text: the caret goes where it is written, nothing breaks.
    key(&mut h, Modifiers::NONE, Key::Home);
    h.event(egui::Event::Ime(egui::ImeEvent::Preedit {
        text: "^".into(),
        active_range_chars: None,
    }));
    h.run_steps(2);
    let field = search_field(&mut h);
    for x in [0.2, 0.5, 0.8, 0.95] {
        let at = egui::pos2(field.left() + field.width() * x, field.center().y);
        common::tick(&mut h, 1.0);
        common::press(&mut h, at, true);
        common::press(&mut h, at, false);
        h.run_steps(2);
    }
    assert_eq!(h.state().search.query, "سلام");
    // Typing and arrows in the same frame.
    h.event(egui::Event::Text("ب".into()));
    for k in [Key::ArrowDown, Key::ArrowUp, Key::ArrowLeft, Key::Backspace] {
        h.event(egui::Event::Key {
            key: k,
            physical_key: None,
            pressed: true,
            repeat: false,
            modifiers: Modifiers::NONE,
        });
    }
    h.run_steps(2);
    assert_eq!(h.state().search.query.chars().count(), 4);
}

#[test]
fn undo_never_brings_back_a_text_the_program_replaced() {
    let corpus = common::sample_copy();
    let mut h = common::window(corpus.path());
    h.get_by_role_and_label(Role::TextInput, "Search").click();
    h.run();
    h.get_by_role_and_label(Role::TextInput, "Search")
        .type_text("ایران");
    h.run_steps(2);
    // The program puts another text there (as choosing another passage
    // puts its note in the note field).
    h.state_mut().search.query = "روسیه".into();
    h.run_steps(2);
    key(&mut h, Modifiers::COMMAND, Key::Z);
    assert_eq!(h.state().search.query, "روسیه");
    // What is typed now goes at the end of the new text.
    h.get_by_role_and_label(Role::TextInput, "Search")
        .type_text(" و");
    h.run_steps(2);
    assert_eq!(h.state().search.query, "روسیه و");
}
