//! Timeline speed with a large corpus, measured (not asserted): frame
//! times of the whole window (CPU side, without tessellation and GPU) while
//! the pointer hovers the histogram (tooltip with sources) and while the wheel
//! zooms it through every bucket size, without and with a search drawn over
//! it; and how long a histogram takes to compute in the background.
//!
//! Run: `cargo bench --bench timeline` (generates 100,000 articles in a
//! temporary folder; `DAFTAR_BENCH_ARTICLES=N` for another size,
//! `DAFTAR_BENCH_CORPUS=DIR` to use a folder made before with
//! `daftar gen-corpus`, whose index is then kept between runs).

use std::sync::Arc;
use std::time::{Duration, Instant};

use daftar::dates::CalendarKind;
use daftar::timeline::BucketSize;
use daftar::timeline::background::{Histogram, HistogramKey, Snapshot};
use daftar::ui::app::{DaftarApp, Settings};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

fn percentile(v: &mut [f64], p: f64) -> f64 {
    v.sort_by(|a, b| a.total_cmp(b));
    v[((v.len() - 1) as f64 * p).round() as usize]
}

fn report(what: &str, frames: &mut [f64]) {
    let max = frames.iter().cloned().fold(0.0, f64::max);
    println!(
        "{what}, {} frames: p50 {:.2} ms, p95 {:.2} ms, max {:.2} ms",
        frames.len(),
        percentile(frames, 0.5),
        percentile(frames, 0.95),
        max
    );
}

fn wheel(delta: f32) -> egui::Event {
    egui::Event::MouseWheel {
        unit: egui::MouseWheelUnit::Point,
        delta: egui::vec2(0.0, delta),
        modifiers: egui::Modifiers::default(),
        phase: egui::TouchPhase::Move,
        source: egui::MouseWheelSource::Wheel,
    }
}

/// Frames while hovering at `at`, then while zooming in and out there;
/// `drawn` says what the timeline drew.
fn frames<S>(
    h: &mut Harness<'_, S>,
    at: egui::Pos2,
    what: &str,
    drawn: impl Fn(&S) -> Option<(BucketSize, usize)>,
) {
    h.input_mut().events.push(egui::Event::PointerMoved(at));
    h.step();
    let mut hover = Vec::new();
    for i in 0..200 {
        let x = at.x + (i % 40) as f32 * 3.0;
        h.input_mut()
            .events
            .push(egui::Event::PointerMoved(egui::pos2(x, at.y)));
        let t = Instant::now();
        h.step();
        hover.push(t.elapsed().as_secs_f64() * 1000.0);
    }
    report(&format!("{what}: hovering the histogram"), &mut hover);
    let mut zoom = Vec::new();
    let mut sizes = Vec::new();
    for i in 0..400 {
        // In for 200 frames (years to days), then out again.
        h.input_mut()
            .events
            .push(wheel(if i < 200 { 10.0 } else { -10.0 }));
        let t = Instant::now();
        h.step();
        zoom.push(t.elapsed().as_secs_f64() * 1000.0);
        if let Some(d) = drawn(h.state())
            && sizes.last().map(|l: &(BucketSize, usize)| l.0) != Some(d.0)
        {
            sizes.push(d);
        }
    }
    println!("  bucket sizes drawn while zooming (size, columns): {sizes:?}");
    report(
        &format!("{what}: zooming through all bucket sizes"),
        &mut zoom,
    );
}

fn main() -> anyhow::Result<()> {
    let n: usize = std::env::var("DAFTAR_BENCH_ARTICLES")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(100_000);
    let temp = tempfile::tempdir()?;
    let dir = match std::env::var_os("DAFTAR_BENCH_CORPUS") {
        Some(d) => std::path::PathBuf::from(d),
        None => {
            let t = Instant::now();
            daftar::cli::gen_corpus::generate(n, temp.path(), 1)?;
            println!(
                "generated {n} articles in {:.1} s",
                t.elapsed().as_secs_f64()
            );
            temp.path().to_path_buf()
        }
    };

    let mut app = DaftarApp::new(Settings::default(), Some(dir.clone()));
    app.settings.calendar = CalendarKind::Jalali;
    let mut h = Harness::builder()
        .with_size(egui::vec2(1280.0, 820.0))
        .build_ui_state(|ui, app: &mut DaftarApp| app.show(ui), app);
    let t = Instant::now();
    while h.state().ws.is_busy() {
        h.step();
        std::thread::sleep(Duration::from_millis(20));
    }
    h.step();
    println!(
        "{} articles loaded and indexed in {:.1} s",
        h.state().ws.articles.len(),
        t.elapsed().as_secs_f64()
    );

    // How long the background computes one histogram.
    let articles = &h.state().ws.articles;
    let t = Instant::now();
    let snapshot = Arc::new(Snapshot::of(articles));
    println!(
        "copying dates and sources of {} articles: {:.1} ms",
        articles.len(),
        t.elapsed().as_secs_f64() * 1000.0
    );
    for size in [BucketSize::Day, BucketSize::Month, BucketSize::Year] {
        let key = HistogramKey {
            articles: (0, articles.len()),
            overlay: 0,
            size,
            cal: CalendarKind::Jalali,
        };
        let t = Instant::now();
        let hist = Histogram::compute(key, snapshot.clone(), None);
        println!(
            "histogram by {size:?} ({} buckets), in the background: {:.1} ms",
            hist.corpus.buckets.len(),
            t.elapsed().as_secs_f64() * 1000.0
        );
    }

    let rect = h.get_by_label("Timeline histogram").rect();
    let at = egui::pos2(rect.left() + rect.width() * 0.3, rect.center().y);
    frames(&mut h, at, "whole window", |a| a.timeline.drawn());
    h.state_mut().ws.run_search("ایران");
    while h.state().ws.search.running || h.state().ws.search.hit_days.is_none() {
        h.step();
        std::thread::sleep(Duration::from_millis(10));
    }
    let hits = h
        .state()
        .ws
        .search
        .hit_days
        .as_ref()
        .map_or(0, |d| d.1.len());
    println!("search «ایران» matches {hits} articles");
    frames(&mut h, at, "whole window, hits over the corpus", |a| {
        a.timeline.drawn()
    });

    Ok(())
}
