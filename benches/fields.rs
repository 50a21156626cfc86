//! Text field speed, measured (not asserted): frame times of one bidi
//! field (`BidiEdit`) while typing into and moving through a mixed
//! Persian/Latin/digit text — a one-line query of 300 characters and a
//! note of 4,000 — headless through egui_kittest.
//!
//! Run: `cargo bench --bench fields`

use std::time::Instant;

use daftar::ui::widgets::bidi_edit::BidiEdit;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

const SENTENCE: &str =
    "وزیر خارجه در نشست BRICS روز ۲۷ مهر 1403 گفت همکاری‌ها ۱۸ درصد رشد کرده است. ";

fn percentile(v: &mut [f64], p: f64) -> f64 {
    v.sort_by(|a, b| a.total_cmp(b));
    v[((v.len() - 1) as f64 * p).round() as usize]
}

fn measure(name: &str, chars: usize, multiline: bool) {
    let mut text = String::new();
    while text.chars().count() < chars {
        text.push_str(SENTENCE);
        if multiline && text.chars().count() % 800 < SENTENCE.chars().count() {
            text.push('\n');
        }
    }
    // (The bundled font first: the field is drawn from the next frame.)
    let mut h = Harness::builder()
        .with_size(egui::vec2(900.0, 700.0))
        .build_ui_state(
            move |ui, (s, ready): &mut (String, bool)| {
                if !*ready {
                    ui.ctx().set_fonts(daftar::ui::fonts::definitions());
                    *ready = true;
                    return;
                }
                let edit = if multiline {
                    BidiEdit::multiline(s).desired_width(800.0)
                } else {
                    BidiEdit::singleline(s).desired_width(800.0)
                };
                let l = ui.label("field");
                ui.add(edit).labelled_by(l.id);
            },
            (text, false),
        );
    h.run();
    let role = if multiline {
        egui::Role::MultilineTextInput
    } else {
        egui::Role::TextInput
    };
    h.get_by_role_and_label(role, "field").click();
    h.run();
    let before = h.state().0.chars().count();
    let mut typing = Vec::new();
    let mut moving = Vec::new();
    for i in 0..200 {
        let event = if i % 2 == 0 {
            egui::Event::Text("ب".into())
        } else {
            egui::Event::Key {
                key: egui::Key::ArrowRight,
                physical_key: None,
                pressed: true,
                repeat: false,
                modifiers: egui::Modifiers::NONE,
            }
        };
        h.input_mut().events.push(event);
        let t = Instant::now();
        h.step();
        let ms = t.elapsed().as_secs_f64() * 1000.0;
        if i % 2 == 0 {
            typing.push(ms)
        } else {
            moving.push(ms)
        }
    }
    assert_eq!(
        h.state().0.chars().count(),
        before + 100,
        "the field had the keyboard"
    );
    println!(
        "{name}: frame while typing median {:.2} ms, p95 {:.2} ms; while moving the caret median {:.2} ms, p95 {:.2} ms",
        percentile(&mut typing, 0.5),
        percentile(&mut typing, 0.95),
        percentile(&mut moving, 0.5),
        percentile(&mut moving, 0.95),
    );
}

fn main() {
    measure("one-line field, 300 characters", 300, false);
    measure("note, 4,000 characters", 4_000, true);
}
