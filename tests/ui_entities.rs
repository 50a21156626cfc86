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

#[test]
fn the_timeline_counts_an_entity_chosen_while_a_folder_streams_in() {
    // Enough files that the window takes them in over many frames; every
    // third names Tehran.
    let dir = tempfile::tempdir().expect("a temp dir");
    for i in 0..3000 {
        let path = dir.path().join(format!("{:02}/{i}.txt", i % 30));
        std::fs::create_dir_all(path.parent().expect("a folder")).expect("made");
        let place = if i % 3 == 0 {
            "تهران"
        } else {
            "شهری دور"
        };
        let day = i % 28 + 1;
        let text = format!(
            "گزارش {i}\nتاریخ انتشار: ۱۴۰۳/۰۵/{day:02}\nخبرنگار ما از {place} گزارش داد که باران آمد.\n"
        );
        std::fs::write(&path, text).expect("written");
    }
    // Read once; then reopened from the stored analysis, which changes
    // nothing (the first reading's discovery counts everything again at
    // its end).
    drop(common::window(dir.path()));
    let app = DaftarApp::new(
        daftar::ui::app::Settings {
            annotator_asked: true,
            language: Some(daftar::i18n::Lang::En),
            ..Default::default()
        },
        Some(dir.path().to_path_buf()),
    );
    let mut h = Harness::builder()
        .with_size(egui::vec2(1280.0, 820.0))
        .with_max_steps(16)
        .build_ui_state(|ui, app: &mut DaftarApp| app.show(ui), app);
    h.step();
    let tehran = EntityRef::Known(
        h.state()
            .ws
            .entities
            .gazetteer
            .find("تهران")
            .expect("Tehran is known"),
    );
    h.state_mut().ws.select_entity(Some(tehran));
    // Frames while the articles come in: the overlay counts as they do.
    let mut frames_while_loading = 0;
    while h.state().ws.is_loading() {
        h.step();
        let naming = h
            .state()
            .ws
            .articles
            .iter()
            .filter(|a| a.mentions_entity(&tehran))
            .count();
        if naming > 0 {
            frames_while_loading += 1;
            h.get_by_label_contains(&format!("({naming} matching)"));
        }
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    common::settle(&mut h);
    assert!(frames_while_loading > 2, "{frames_while_loading} frames");
    assert_eq!(h.state().ws.articles.len(), 3000);
    assert!(
        h.state().ws.articles.iter().all(|a| a.date.is_some()),
        "dated, so drawn on the timeline"
    );
    assert_eq!(h.state().ws.entities.selected, Some(tehran));
    h.get_by_label_contains("(1000 matching)");
}
