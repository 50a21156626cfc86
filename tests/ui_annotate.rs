//! Tagging in the window, driven through AccessKit: select a passage, tag
//! it (palette, then a shortcut key), undo, redo, add a note, find the
//! passages in the passages view, rename the tag in the tag manager — all
//! on disk at every step.

use daftar::annotate::Annotations;
use egui::{Pos2, Role};
use egui_kittest::kittest::Queryable;

use crate::common;

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
            .map(|p| a.text()[p.clone()].to_string())
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

    // 2. The shortcut: the new tag got key 1, on a second selection made
    // by dragging too (the side panel once widened under the first and
    // clipped the reader, so a second drag missed the text).
    select(&mut h, &paras[3]);
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
    let field = "New name";
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
        app.ws.articles[app.selected.unwrap()].text().to_string()
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
        (
            ai,
            a.text()[a.statement(si).expect("a statement").range()].to_string(),
        )
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

/// The search box, then a concordance line's sentence and a result's
/// matches are tagged from their context menus; the matches are one undo
/// step.
#[test]
fn search_hits_and_kwic_lines_are_tagged() {
    let corpus = common::sample_copy();
    let mut h = common::window(corpus.path());
    h.get_by_role_and_label(Role::TextInput, "Search").click();
    h.run();
    h.get_by_role_and_label(Role::TextInput, "Search")
        .type_text("لاوروف");
    common::settle(&mut h);
    h.get_by_label("Concordance").click();
    common::settle(&mut h);
    let line = h.state().kwic_lines()[0].clone();
    let label = format!("{} {} {}", line.before, line.keyword, line.after);
    h.get_by_role_and_label(Role::Button, &label)
        .click_secondary();
    common::settle(&mut h);
    h.get_by_label("Tag its sentence…").click();
    common::settle(&mut h);
    h.get_by_role_and_label(Role::TextInput, "Tag")
        .type_text("لاوروف");
    common::settle(&mut h);
    h.get_by_label("New tag: لاوروف").click();
    common::settle(&mut h);
    let text = {
        let app = h.state();
        app.ws.articles[app.ws.article_index(&line.path).unwrap()]
            .text()
            .to_string()
    };
    let store = on_disk(corpus.path());
    assert_eq!(store.passages.len(), 1);
    let p = &store.passages[0];
    let chars: Vec<char> = text.chars().collect();
    assert_eq!(p.path, line.path);
    assert!(p.quote.contains(&line.keyword), "{p:?}");
    // A whole sentence: a stop or a line break (or the text's edge) on
    // each side, none inside.
    let stops = ['.', '؟', '?', '!', '\n', '…'];
    assert!(!p.quote.contains('\n'));
    assert!(
        p.start == 0
            || chars[..p.start]
                .iter()
                .rev()
                .find(|c| !c.is_whitespace())
                .is_some_and(|c| stops.contains(c))
    );
    assert!(p.end == chars.len() || stops.contains(&chars[p.end - 1]) || chars[p.end] == '\n');
    assert_eq!(
        p.quote.chars().filter(|c| stops.contains(c)).count(),
        usize::from(stops.contains(&chars[p.end - 1])),
        "one sentence: {}",
        p.quote
    );

    // A result's matches, all at once.
    h.get_by_label("Reader").click();
    common::settle(&mut h);
    let (title, n) = {
        let r = h.state().ws.search.results.clone().unwrap().unwrap();
        let hit = r.hits.iter().find(|x| x.path != line.path).unwrap().clone();
        (hit.title.clone(), hit.matches.len())
    };
    assert!(n >= 2, "the test needs an article with several matches");
    h.get_by_role_and_label(Role::Button, &title)
        .click_secondary();
    common::settle(&mut h);
    h.get_by_label(&format!("Tag its {n} matches…")).click();
    common::settle(&mut h);
    h.get_by_label(&format!("{n} passages at once (one undo step)"));
    h.get_by_label("لاوروف  (1)").click();
    common::settle(&mut h);
    let store = on_disk(corpus.path());
    assert_eq!(store.passages.len(), 1 + n);
    assert!(
        store.passages[1..]
            .iter()
            .all(|p| p.quote == "لاوروف" && p.tags == ["لاوروف"]),
        "{:?}",
        store.passages
    );
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    common::settle(&mut h);
    assert_eq!(on_disk(corpus.path()).passages.len(), 1, "one undo step");
}

/// In the passages view: a passage is retagged in place, the list follows
/// the current filter, and an orphan is anchored anew by selecting where
/// its text now is.
#[test]
fn passages_are_retagged_filtered_and_orphans_fixed() {
    let corpus = common::sample_copy();
    let dir = corpus.path();
    let tag = |path: &str, start: &str, end: &str, tag: &str| {
        common::json_lines(
            &[
                "tag", "--json", "--path", path, "--start", start, "--end", end, "--tag", tag,
            ],
            dir,
        )
    };
    tag("politics/03_fm_call.txt", "0", "30", "موضع");
    tag("society/01_dam_reserves.txt", "0", "20", "آمار");
    // The dam article's first words change: its passage is orphaned.
    let dam = dir.join("society/01_dam_reserves.txt");
    let old = std::fs::read_to_string(&dam).unwrap();
    let quote = on_disk(dir).passages[1].quote.clone();
    let changed: String = quote.chars().rev().collect();
    std::fs::write(&dam, old.replacen(&quote, &changed, 1)).unwrap();

    let mut h = common::window(dir);
    h.get_by_label("Passages").click();
    common::settle(&mut h);
    assert_eq!(h.state().passages.listed(), 2);
    assert!(on_disk(dir).passages[1].orphaned);

    // Retag: add the second tag, take off the first.
    let first = on_disk(dir).passages[0].quote.clone();
    h.get_by_role_and_label(Role::Button, &first).click();
    common::settle(&mut h);
    h.get_by_label("Passages").click();
    common::settle(&mut h);
    h.get_by_role_and_label(Role::Button, "آمار").click();
    common::settle(&mut h);
    assert_eq!(on_disk(dir).passages[0].tags, ["موضع", "آمار"]);
    h.get_by_role_and_label(Role::Button, "موضع").click();
    common::settle(&mut h);
    assert_eq!(on_disk(dir).passages[0].tags, ["آمار"]);

    // The current filter: a search matching only the first article.
    h.get_by_role_and_label(Role::TextInput, "Search").click();
    h.run();
    h.get_by_role_and_label(Role::TextInput, "Search")
        .type_text("لاوروف");
    common::settle(&mut h);
    assert_eq!(
        h.state().passages.listed(),
        1,
        "the orphan's article does not match"
    );
    h.get_by_label("1 of 2 passages in the current filter (time range, search, entity)");
    h.get_by_role_and_label(Role::TextInput, "Search").click();
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    h.key_press(egui::Key::Backspace);
    common::settle(&mut h);
    assert_eq!(h.state().passages.listed(), 2);

    // The orphan: open its article, select, anchor.
    h.get_by_role_and_label(Role::Button, &quote).click();
    common::settle(&mut h);
    h.get_by_label("Anchor anew…").click();
    common::settle(&mut h);
    assert_eq!(h.state().view, daftar::ui::app::View::Reader);
    {
        let app = h.state();
        let a = &app.ws.articles[app.selected.unwrap()];
        assert_eq!(a.path, "society/01_dam_reserves.txt");
    }
    common::select_in_paragraph(&mut h, 1, 0.5);
    let selected = {
        let app = h.state();
        app.reader
            .selected_text(&app.ws.articles[app.selected.unwrap()])
            .unwrap()
            .to_string()
    };
    h.get_by_label("Anchor here").click();
    common::settle(&mut h);
    let p = on_disk(dir).passages[1].clone();
    assert!(!p.orphaned);
    assert_eq!(p.quote, selected);
    assert_eq!(p.tags, ["آمار"], "its tags and note stay");
}

/// Shortcuts go to the widget that has the keyboard: Ctrl+A typed in the
/// tag box selects the box's text, not the reader's whole paragraph (the
/// wrong passage was tagged); Ctrl+C in the search box copies the box's
/// text, not the reader's selection.
#[test]
fn shortcuts_typed_in_a_field_stay_in_that_field() {
    let corpus = common::sample_copy();
    let mut h = common::window(corpus.path());
    h.get_by_role_and_label(Role::Button, TITLE).click();
    common::settle(&mut h);
    let selected = common::select_in_paragraph(&mut h, 2, 0.3);
    let para_len = {
        let app = h.state();
        app.ws.articles[app.selected.unwrap()].paragraphs[2].len()
    };
    assert!(selected.len() < para_len, "part of the paragraph");

    // Ctrl+A in the tag box.
    h.get_by_label("Tag…").click();
    common::settle(&mut h);
    h.get_by_role_and_label(Role::TextInput, "Tag")
        .type_text("موضع");
    common::settle(&mut h);
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    common::settle(&mut h);
    assert_eq!(
        h.state().reader.selected_range(),
        Some(selected.clone()),
        "the reader's selection is untouched"
    );
    h.key_press(egui::Key::Escape);
    common::settle(&mut h);

    // Ctrl+C in the search box.
    h.get_by_role_and_label(Role::TextInput, "Search").click();
    common::settle(&mut h);
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::C);
    h.step();
    let copied: Vec<String> = h
        .output()
        .platform_output
        .commands
        .iter()
        .filter_map(|c| match c {
            egui::OutputCommand::CopyText(t) => Some(t.clone()),
            _ => None,
        })
        .collect();
    let reader_text = {
        let app = h.state();
        let a = &app.ws.articles[app.selected.unwrap()];
        a.text()[selected.clone()].to_string()
    };
    assert!(
        !copied.contains(&reader_text),
        "Ctrl+C in the search box copied the reader's selection"
    );
    assert_eq!(h.state().reader.selected_range(), Some(selected));
}

/// When neither the annotations nor their backup read, the window shows
/// them read-only, names the files, writes nothing — and on the user's
/// word sets them aside (kept) and starts anew.
#[test]
fn unreadable_annotations_stay_read_only_until_the_user_sets_them_aside() {
    let corpus = common::sample_copy();
    let dir = corpus.path().join(".daftar");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("annotations.ron"), b"(passages: [ \xFF").unwrap();
    std::fs::write(dir.join("annotations.ron.bak"), b"(version: ").unwrap();
    let mut h = common::window(corpus.path());
    assert!(!h.state().ws.annotations.writable());
    let note = h.state().ws.annotations.note.clone().unwrap_or_default();
    assert!(
        note.contains("annotations.ron") && note.contains("annotations.ron.bak"),
        "{note}"
    );
    h.get_by_label("Annotations cannot be read: read-only");
    assert_eq!(
        std::fs::read(dir.join("annotations.ron")).unwrap(),
        b"(passages: [ \xFF",
        "nothing written over them"
    );
    h.get_by_label("Set the broken files aside and start anew")
        .click();
    common::settle(&mut h);
    assert!(h.state().ws.annotations.writable());
    let aside: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains(".broken-"))
        .collect();
    assert_eq!(aside.len(), 2, "both kept: {aside:?}");
}

/// A new user's first tag asks who is tagging; the name goes with the
/// passage and is not asked again.
#[test]
fn the_first_tag_asks_who_is_tagging() {
    let corpus = common::sample_copy();
    let settings = daftar::ui::app::Settings::default();
    let app = daftar::ui::app::DaftarApp::new(settings, Some(corpus.path().to_path_buf()));
    let mut h = egui_kittest::Harness::builder()
        .with_size(egui::vec2(1280.0, 820.0))
        .build_ui_state(|ui, app: &mut daftar::ui::app::DaftarApp| app.show(ui), app);
    common::settle(&mut h);
    h.get_by_role_and_label(Role::Button, TITLE).click();
    common::settle(&mut h);
    // The whole article, through the palette.
    h.get_by_label("Tag…").click();
    common::settle(&mut h);
    h.get_by_role_and_label(Role::TextInput, "Tag")
        .type_text("نفت");
    common::settle(&mut h);
    h.get_by_label("New tag: نفت").click();
    common::settle(&mut h);
    let stored = corpus.path().join(".daftar/annotations.ron");
    assert!(
        !stored.exists() || on_disk(corpus.path()).passages.is_empty(),
        "not before a name"
    );
    h.get_by_label("Who is tagging?");
    h.state_mut().settings.annotator.clear();
    h.run_steps(2);
    h.get_by_role_and_label(Role::TextInput, "Annotator")
        .type_text("مریم");
    common::settle(&mut h);
    assert_eq!(h.state().settings.annotator, "مریم", "typed");
    h.get_by_role_and_label(Role::Button, "Tag").click();
    common::settle(&mut h);
    let store = on_disk(corpus.path());
    assert_eq!(store.passages.len(), 1, "tagged once named");
    assert_eq!(store.passages[0].annotator, "مریم");
    assert!(h.state().settings.annotator_asked);
    assert!(h.query_by_label("Who is tagging?").is_none());
}
