//! The entity sidebar, driven through AccessKit: choosing an entity
//! narrows the article list; merging two entities updates the counts and
//! is saved in the corpus's entities.ron.

use daftar::extract::{EntityRef, EntityRow};
use daftar::ui::app::DaftarApp;
use egui::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

use crate::common;

fn row(h: &Harness<'static, DaftarApp>, name: &str) -> Option<EntityRow> {
    h.state()
        .entities
        .summary()
        .and_then(|s| s.rows.iter().find(|r| r.name.name == name).cloned())
}

fn mentions(h: &Harness<'static, DaftarApp>, i: usize, e: &EntityRef) -> bool {
    h.state().ws.articles[i].mentions_entity(e)
}

#[test]
fn clicking_an_entity_narrows_the_article_list() {
    let corpus = common::sample_copy();
    let mut h = common::window(corpus.path());
    let all = h.state().ws.order.len();
    let tehran = row(&h, "تهران").expect("Tehran is counted");
    assert!(tehran.articles >= 2 && tehran.articles < all);
    h.get_by_label_contains("تهران: ").click();
    common::settle(&mut h);
    let app = h.state();
    assert_eq!(app.ws.entities.selected, Some(tehran.entity));
    assert_eq!(app.ws.order.len(), tehran.articles);
    for &i in &app.ws.order {
        assert!(mentions(&h, i, &tehran.entity));
    }
    // The reader marks its mentions.
    let first = h.state().ws.order[0];
    let title = h.state().ws.articles[first].display_title();
    h.get_by_role_and_label(Role::Button, &title).click();
    common::settle(&mut h);
    assert!(!h.state().reader.entity_marks.is_empty());
    // Clear restores the list.
    h.get_by_label("Clear").click();
    common::settle(&mut h);
    assert_eq!(h.state().ws.order.len(), all);
}

#[test]
fn merging_two_entities_updates_counts_and_is_saved() {
    let corpus = common::sample_copy();
    let mut h = common::window(corpus.path());
    let iran = row(&h, "ایران").unwrap();
    let tehran = row(&h, "تهران").unwrap();
    // Articles naming either.
    let either = (0..h.state().ws.articles.len())
        .filter(|&i| mentions(&h, i, &iran.entity) || mentions(&h, i, &tehran.entity))
        .count();
    assert!(either > iran.articles, "the two do not coincide");

    h.get_by_label_contains("تهران: ").click();
    common::settle(&mut h);
    const FIELD: &str = "Other name, new name or entity to merge into:";
    h.get_by_role_and_label(Role::TextInput, FIELD).click();
    h.run();
    h.get_by_role_and_label(Role::TextInput, FIELD)
        .type_text("ایران");
    h.run();
    h.get_by_label("Merge into").click();
    common::settle(&mut h);

    let merged = row(&h, "ایران").expect("Iran still counted");
    assert_eq!(merged.articles, either);
    assert_eq!(merged.mentions, iran.mentions + tehran.mentions);
    assert!(row(&h, "تهران").is_none(), "Tehran is gone from the list");
    let saved = std::fs::read_to_string(corpus.path().join(".daftar/entities.ron")).unwrap();
    assert!(
        saved.contains("Merge") && saved.contains("تهران"),
        "{saved}"
    );
}
