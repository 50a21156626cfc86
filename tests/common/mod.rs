//! Helpers shared by the integration tests (each test file uses some).
#![allow(dead_code)]

use std::path::Path;
use std::time::{Duration, Instant};

use daftar::ui::app::{DaftarApp, Settings};
use egui::{Event, Modifiers, PointerButton, Pos2};
use egui_kittest::Harness;

/// Copies a folder tree.
pub fn copy_dir(from: &Path, to: &Path) {
    for e in std::fs::read_dir(from).unwrap().flatten() {
        let target = to.join(e.file_name());
        if e.path().is_dir() {
            std::fs::create_dir_all(&target).unwrap();
            copy_dir(&e.path(), &target);
        } else {
            std::fs::copy(e.path(), &target).unwrap();
        }
    }
}

/// A copy of the sample corpus: daftar writes its index into the folder's
/// `.daftar/`, which must not land in the repository.
pub fn sample_copy() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    copy_dir(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/sample-corpus"),
        dir.path(),
    );
    dir
}

/// The window on `folder`, once loading and indexing are done.
pub fn window(folder: &Path) -> Harness<'static, DaftarApp> {
    // (The annotator already named: the first tag of a new user asks,
    // tested on its own in ui_annotate. English whatever this machine's
    // language: the tests find widgets by their English names.)
    window_with(
        folder,
        Settings {
            annotator_asked: true,
            language: Some(daftar::i18n::Lang::En),
            ..Settings::default()
        },
    )
}

/// The window on `folder` with these settings.
pub fn window_with(folder: &Path, settings: Settings) -> Harness<'static, DaftarApp> {
    let app = DaftarApp::new(settings, Some(folder.to_path_buf()));
    // (A scroll to a search hit animates for a few frames: `run` waits
    // for it.)
    let mut h = Harness::builder()
        .with_size(egui::vec2(1280.0, 820.0))
        .with_max_steps(16)
        .build_ui_state(|ui, app: &mut DaftarApp| app.show(ui), app);
    settle(&mut h);
    h
}

/// Steps the window until no background work is left (loading, indexing,
/// searching, entity matching and counting, comparing, exporting).
pub fn settle(h: &mut Harness<'static, DaftarApp>) {
    let started = Instant::now();
    let busy = |h: &Harness<'static, DaftarApp>| {
        let app = h.state();
        app.ws.is_busy()
            || app.entities.is_counting()
            || app.compare.is_busy()
            || app.export.is_busy()
            || app.stats.is_busy()
    };
    // Quiet for a few frames in a row: a frame may start new work.
    let mut quiet = 0;
    while quiet < 3 {
        assert!(
            started.elapsed() < Duration::from_secs(60),
            "background work takes too long"
        );
        h.step();
        quiet = if busy(h) { 0 } else { quiet + 1 };
        std::thread::sleep(Duration::from_millis(10));
    }
    h.run();
}

/// kittest does not advance egui's clock: give each event a time of its
/// own so clicks far apart in time are not taken for a triple click.
pub fn tick(h: &mut Harness<'static, DaftarApp>, seconds: f64) {
    let now = h.ctx.input(|i| i.time) + seconds;
    h.input_mut().time = Some(now);
}

pub fn press(h: &mut Harness<'static, DaftarApp>, pos: Pos2, pressed: bool) {
    tick(h, 0.05);
    h.input_mut().events.push(Event::PointerButton {
        pos,
        button: PointerButton::Primary,
        pressed,
        modifiers: Modifiers::default(),
    });
    h.step();
}

pub fn move_to(h: &mut Harness<'static, DaftarApp>, pos: Pos2) {
    tick(h, 0.02);
    h.input_mut().events.push(Event::PointerMoved(pos));
    h.step();
}

/// Drags with the left button from `from` to `to`.
pub fn drag(h: &mut Harness<'static, DaftarApp>, from: Pos2, to: Pos2) {
    move_to(h, from);
    press(h, from, true);
    for i in 1..=5 {
        move_to(h, from + (to - from) * (i as f32 / 5.0));
    }
    press(h, to, false);
}

/// Runs `daftar ARGS[0] FOLDER ARGS[1..]`.
pub fn daftar(args: &[&str], folder: &Path) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_daftar"))
        .args(&args[..1])
        .arg(folder)
        .args(&args[1..])
        .output()
        .expect("daftar runs")
}

/// Runs `daftar ARGS[0] FOLDER ARGS[1..]` and asserts it succeeded.
pub fn daftar_ok(args: &[&str], folder: &Path) {
    let out = daftar(args, folder);
    assert!(
        out.status.success(),
        "daftar {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// Runs `daftar ARGS[0] FOLDER ARGS[1..]`, asserts it succeeded, and
/// parses each line of its output as JSON.
pub fn json_lines(args: &[&str], folder: &Path) -> Vec<serde_json::Value> {
    parse_lines(&daftar(args, folder))
}

/// Asserts a finished daftar succeeded and parses each line of its
/// output as JSON.
pub fn parse_lines(out: &std::process::Output) -> Vec<serde_json::Value> {
    assert!(
        out.status.success(),
        "stderr: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout.clone())
        .expect("UTF-8 output")
        .lines()
        .map(|l| serde_json::from_str(l).expect("each line is JSON"))
        .collect()
}

/// Drags in the reader over the start of body paragraph `i` of the open
/// article (from the right end of its first line, `fraction` of its width
/// to the left) and returns the selected byte range.
pub fn select_in_paragraph(
    h: &mut Harness<'static, DaftarApp>,
    i: usize,
    fraction: f32,
) -> std::ops::Range<usize> {
    use egui_kittest::kittest::Queryable;
    let para = {
        let app = h.state();
        let a = &app.ws.articles[app.selected.expect("an open article")];
        a.text()[a.paragraphs[i].clone()].to_string()
    };
    let rect = h.get_by_label(&para).rect();
    let y = rect.top() + 10.0;
    tick(h, 1.0);
    drag(
        h,
        Pos2::new(rect.right() - 1.0, y),
        Pos2::new(rect.right() - rect.width() * fraction, y),
    );
    settle(h);
    h.state().reader.selected_range().expect("a selection")
}

/// Fails when the window shows text that egui's own widgets draw
/// backwards (Persian with digits or Latin, see `egui_draws_right`) through
/// a widget other than daftar's RTL label, button or field. `place` says
/// which view was looked at.
pub fn assert_persian_drawn_right(h: &Harness<'static, DaftarApp>, place: &str) {
    use daftar::ui::widgets::rtl_text::{drawn_by_layout_ids, egui_draws_right};
    use egui_kittest::kittest::{By, NodeT, Queryable};
    let ok: std::collections::HashSet<_> = drawn_by_layout_ids(&h.ctx)
        .iter()
        .map(|id| id.accesskit_id())
        .collect();
    let mut bad = Vec::new();
    for node in h.query_all(By::new().include_labels()) {
        let n = node.accesskit_node();
        for text in [n.label(), n.value()].into_iter().flatten() {
            if !egui_draws_right(&text) && !ok.contains(&n.locate().0) {
                bad.push(format!("{:?}: {text}", n.role()));
            }
        }
    }
    assert!(
        bad.is_empty(),
        "{place}: egui draws these backwards: {bad:#?}"
    );
}
