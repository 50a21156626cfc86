//! The Persian interface: every message from the Persian catalogue, the
//! window mirrored (entities at the right, the list and search at the
//! left), numbers in Persian digits, and — in every view — no text that
//! egui would draw backwards outside the layout module. View › Language
//! switches back to English.

use daftar::i18n::{self, Arg, Lang};
use daftar::ui::app::Settings;
use egui::Role;
use egui_kittest::kittest::{By, NodeT, Queryable};

use crate::common::{self, assert_persian_drawn_right};

fn fa(id: &str) -> String {
    i18n::message_in(Lang::Fa, id, &[])
}

const MIXED_TITLE: &str = "اجلاس BRICS در سال 1403";

#[test]
fn the_persian_interface_mirrors_the_window_and_draws_every_text_right() {
    let corpus = common::sample_copy();
    std::fs::write(
        corpus.path().join("خبر ۱۴۰۳ BRICS.txt"),
        format!("{MIXED_TITLE}\nنشست سران BRICS روز ۲۷ مهر ۱۴۰۳ در کازان برگزار شد."),
    )
    .unwrap();
    std::fs::write(
        corpus.path().join("پرونده ۲ خراب.txt"),
        [0u8, 159, 146, 0, 7, 1],
    )
    .unwrap();
    let mut h = common::window_with(
        corpus.path(),
        Settings {
            annotator_asked: true,
            language: Some(Lang::Fa),
            persian_digits: Some(true),
            ..Settings::default()
        },
    );
    let middle = h.ctx.content_rect().center().x;

    // Persian words, and no English view names.
    h.get_by_label(&fa("app-view-reader"));
    h.get_by_label(&fa("app-view-passages"));
    assert!(h.query_by_label("Passages").is_none());

    // Mirrored: the list at the left, the entities at the right.
    let row = h.get_by_role_and_label(Role::Button, MIXED_TITLE).rect();
    assert!(row.right() < middle, "the list at the left: {row:?}");
    let entity = h
        .query_all(By::new().role(Role::Button))
        .find(|n| {
            n.accesskit_node()
                .label()
                .is_some_and(|l| l.starts_with("عباس عراقچی"))
        })
        .expect("an entity row")
        .rect();
    assert!(entity.left() > middle, "entities at the right: {entity:?}");

    // Numbers in Persian digits: an entity's counts of articles and mentions.
    let counts = h
        .query_all(By::new().role(Role::Button))
        .filter_map(|n| n.accesskit_node().label())
        .find(|l| l.starts_with("عباس عراقچی"))
        .expect("an entity row");
    assert!(counts.contains('۲') && !counts.contains('2'), "{counts}");
    assert_persian_drawn_right(&h, "the article list, in Persian");

    h.get_by_role_and_label(Role::Button, MIXED_TITLE).click();
    common::settle(&mut h);
    assert_persian_drawn_right(&h, "the reader, in Persian");

    h.get_by_role_and_label(Role::TextInput, &fa("search-label"))
        .click();
    h.run();
    h.get_by_role_and_label(Role::TextInput, &fa("search-label"))
        .type_text("BRICS 1403");
    common::settle(&mut h);
    assert_persian_drawn_right(&h, "search, in Persian");

    h.get_by_label(&fa("app-tag")).click();
    common::settle(&mut h);
    h.get_by_role_and_label(Role::TextInput, &fa("tag-palette-tag"))
        .type_text("موضع روسیه 1403");
    common::settle(&mut h);
    assert_persian_drawn_right(&h, "the tag palette, in Persian");
    let new_tag = i18n::message_in(
        Lang::Fa,
        "tag-palette-new",
        &[("name", Arg::Str("موضع روسیه 1403"))],
    );
    h.get_by_label(&new_tag).click();
    common::settle(&mut h);

    h.get_by_label(&fa("app-view-passages")).click();
    common::settle(&mut h);
    assert_persian_drawn_right(&h, "passages, in Persian");

    h.get_by_label(&fa("app-view-statements")).click();
    common::settle(&mut h);
    assert_persian_drawn_right(&h, "statements, in Persian");

    h.get_by_label(&fa("app-view-compare")).click();
    common::settle(&mut h);
    assert_persian_drawn_right(&h, "compare, in Persian");

    let problems = i18n::message_in(Lang::Fa, "status-problems", &[("n", Arg::Num(1.0))]);
    h.get_by_label(&problems).click();
    common::settle(&mut h);
    h.get_by_label("پرونده ۲ خراب.txt");
    // The reason in Persian too.
    h.get_by_label(&i18n::Notice::new("problem-binary-nul").in_lang(Lang::Fa));
    assert_persian_drawn_right(&h, "the problems window, in Persian");

    // View › Language › English: English words, the entities back left.
    h.get_by_label(&fa("menu-view")).click();
    h.run();
    h.get_by_label(&fa("menu-language")).click();
    h.run();
    h.get_by_label("English").click();
    common::settle(&mut h);
    h.get_by_label("Passages");
    assert_eq!(h.state().settings.language, Some(Lang::En));
    // (The search narrows the entities to its articles' ones.)
    let entity = h
        .query_all(By::new().role(Role::Button))
        .find(|n| {
            n.accesskit_node()
                .label()
                .is_some_and(|l| l.ends_with(" mentions"))
        })
        .expect("an entity row")
        .rect();
    assert!(
        entity.right() < middle,
        "entities back at the left: {entity:?}"
    );
}
