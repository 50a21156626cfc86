//! Tagging in the window, driven through AccessKit: select a passage, tag
//! it (palette, then a shortcut key), undo, redo, add a note, find the
//! passages in the passages view, rename the tag in the tag manager — all
//! on disk at every step.

use daftar::annotate::Annotations;
use egui::{Pos2, Role};
use egui_kittest::kittest::Queryable;

mod common;

const TITLE: &str = "گفت‌وگوی تلفنی وزیران خارجه ایران و روسیه";

fn on_disk(dir: &std::path::Path) -> Annotations {
    let text = std::fs::read_to_string(dir.join(".daftar/annotations.ron")).unwrap();
    ron::from_str(&text).unwrap()
}

#[test]
fn select_tag_undo_redo_note_and_find_it() {
    let corpus = common::sample_copy();
    let mut h = common::window(corpus.path());
    h.get_by_role_and_label(Role::Button, TITLE).click();
    common::settle(&mut h);
    let paras: Vec<String> = {
        let app = h.state();
        let a = &app.ws.articles[app.selected.unwrap()];
        a.paragraphs
            .iter()
            .map(|p| a.text[p.clone()].to_string())
            .collect()
    };
    // Drag over the start of a paragraph (right end of its first line).
    let select = |h: &mut egui_kittest::Harness<'static, daftar::ui::app::DaftarApp>,
                  para: &str| {
        let rect = h.get_by_label(para).rect();
        let y = rect.top() + 10.0;
        common::tick(h, 1.0);
        common::drag(
            h,
            Pos2::new(rect.right() - 1.0, y),
            Pos2::new(rect.right() - rect.width() * 0.4, y),
        );
        common::settle(h);
    };

    // 1. The palette: a new tag for the first selection.
    select(&mut h, &paras[2]);
    let first = {
        let app = h.state();
        app.reader
            .selected_text(&app.ws.articles[app.selected.unwrap()])
            .unwrap()
            .to_string()
    };
    h.get_by_label("Tag…").click();
    common::settle(&mut h);
    h.get_by_role_and_label(Role::TextInput, "Tag")
        .type_text("همکاری");
    common::settle(&mut h);
    h.get_by_label("New tag: همکاری").click();
    common::settle(&mut h);
    let store = on_disk(corpus.path());
    assert_eq!(store.passages.len(), 1);
    assert_eq!(store.passages[0].quote, first);
    assert_eq!(store.passages[0].tags, ["همکاری"]);

    // 2. The shortcut: the new tag got key 1.
    // The second passage is selected directly (selection by mouse is
    // tested in ui_reader; a second drag in one kittest run is not taken).
    {
        let app = h.state_mut();
        let a = &app.ws.articles[app.selected.unwrap()];
        let p = a.paragraphs[3].clone();
        let n: usize = a.text[p.clone()].chars().take(12).map(char::len_utf8).sum();
        app.reader.selection = Some((p.start, p.start + n));
    }
    common::settle(&mut h);
    let second = {
        let app = h.state();
        app.reader
            .selected_text(&app.ws.articles[app.selected.unwrap()])
            .unwrap()
            .to_string()
    };
    assert_ne!(first, second);
    h.key_press(egui::Key::Num1);
    common::settle(&mut h);
    assert_eq!(
        on_disk(corpus.path()).passages.len(),
        2,
        "tagged by its key"
    );

    // 3. Undo and redo, saved each time.
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    common::settle(&mut h);
    assert_eq!(on_disk(corpus.path()).passages.len(), 1, "undone");
    h.key_press_modifiers(
        egui::Modifiers::COMMAND | egui::Modifiers::SHIFT,
        egui::Key::Z,
    );
    common::settle(&mut h);
    assert_eq!(on_disk(corpus.path()).passages.len(), 2, "redone");

    // 4. The passages view lists it; a note is added there.
    h.get_by_label("Passages").click();
    common::settle(&mut h);
    h.get_by_role_and_label(Role::Button, &first).click();
    common::settle(&mut h);
    assert_eq!(
        h.state().view,
        daftar::ui::app::View::Reader,
        "a click opens it"
    );
    h.get_by_label("Passages").click();
    common::settle(&mut h);
    h.get_by_role_and_label(Role::MultilineTextInput, "Note:")
        .click();
    common::settle(&mut h);
    h.get_by_role_and_label(Role::MultilineTextInput, "Note:")
        .type_text("موضع رسمی");
    common::settle(&mut h);
    h.get_by_label("Save note").click();
    common::settle(&mut h);
    let store = on_disk(corpus.path());
    let p = store.passages.iter().find(|p| p.quote == first).unwrap();
    assert_eq!(p.note, "موضع رسمی");
    assert!(!p.annotator.is_empty() && !p.created.is_empty());

    // 5. The tag manager renames the tag on every passage; undo restores.
    h.get_by_label("Tags (1)").click();
    common::settle(&mut h);
    h.get_by_label("Rename").click();
    common::settle(&mut h);
    let field = "New name for «همکاری»";
    h.get_by_role_and_label(Role::TextInput, field).click();
    common::settle(&mut h);
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    h.get_by_role_and_label(Role::TextInput, field)
        .type_text("همکاری دوجانبه");
    common::settle(&mut h);
    h.get_by_label("Rename tag").click();
    common::settle(&mut h);
    let store = on_disk(corpus.path());
    assert!(
        store.passages.iter().all(|p| p.tags == ["همکاری دوجانبه"]),
        "{:?}",
        store.passages
    );
    let tags = std::fs::read_to_string(corpus.path().join(".daftar/tags.ron")).unwrap();
    assert!(tags.contains("همکاری دوجانبه"));
    h.get_by_label("Undo").click();
    common::settle(&mut h);
    assert!(
        on_disk(corpus.path())
            .passages
            .iter()
            .all(|p| p.tags == ["همکاری"])
    );
}

/// Without a selection Tag… tags the whole article; a statement is tagged
/// from its context menu in the statements view.
#[test]
fn whole_articles_and_statements_are_tagged() {
    let corpus = common::sample_copy();
    let mut h = common::window(corpus.path());
    h.get_by_role_and_label(Role::Button, TITLE).click();
    common::settle(&mut h);
    h.get_by_label("Tag…").click();
    common::settle(&mut h);
    h.get_by_role_and_label(Role::TextInput, "Tag")
        .type_text("خبر کامل");
    common::settle(&mut h);
    h.get_by_label("New tag: خبر کامل").click();
    common::settle(&mut h);
    let text = {
        let app = h.state();
        app.ws.articles[app.selected.unwrap()].text.to_string()
    };
    let store = on_disk(corpus.path());
    assert_eq!(store.passages.len(), 1);
    assert_eq!(
        (store.passages[0].start, store.passages[0].end),
        (0, text.chars().count())
    );

    h.get_by_label("Statements").click();
    common::settle(&mut h);
    let (ai, statement) = {
        let app = h.state();
        let (ai, si) = app.statements.listed()[0];
        let a = &app.ws.articles[ai];
        (ai, a.text[a.statements[si].range.clone()].to_string())
    };
    h.get_by_role_and_label(Role::Button, &statement)
        .click_secondary();
    common::settle(&mut h);
    h.get_by_label("Tag this statement…").click();
    common::settle(&mut h);
    h.get_by_role_and_label(Role::TextInput, "Tag")
        .type_text("گفته");
    common::settle(&mut h);
    h.get_by_label("New tag: گفته").click();
    common::settle(&mut h);
    let store = on_disk(corpus.path());
    let p = store
        .passages
        .iter()
        .find(|p| p.tags == ["گفته"])
        .expect("the statement is tagged");
    assert_eq!(p.quote, statement);
    assert_eq!(p.path, h.state().ws.articles[ai].path);
}
