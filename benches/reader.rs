//! Reader speed, measured (not asserted): layout time of a 4 KB and a 1 MB
//! article with the bundled font, and frame times while scrolling the 1 MB
//! article in the real app shell (headless, through egui_kittest).
//!
//! Run: `cargo bench --bench reader`

use std::time::{Duration, Instant};

use daftar::ui::app::{DaftarApp, Settings};
use egui_kittest::Harness;

fn article(bytes: usize) -> String {
    let paras = [
        "رئیس‌جمهور روز دوشنبه ۱۰ شهریور ۱۴۰۴ در نشست سران سازمان همکاری شانگهای (SCO) گفت که همکاری‌های اقتصادی دو کشور ۱۸ درصد رشد کرده است.",
        "به گزارش ایرنا، وزیر خارجه در گفت‌وگو با خبرنگاران افزود: «ما از هر ابتکار دیپلماتیک برای کاهش تنش حمایت می‌کنیم» و این موضع را در 27 فروردين 1397 نیز اعلام کرده بودیم.",
        "The delegation met at 11:23 in Kazan, where BRICS ministers discussed a payment system worth $1.2 billion.",
        "قیمت هر سکه تمام بهار آزادی امروز با ۲ درصد کاهش به ۵۴ میلیون تومان رسید و نرخ دلار در بازار آزاد ۵۸٬۲۰۰ تومان بود.",
    ];
    let mut out = String::from("عنوان آزمایشی برای سنجش سرعت\n");
    let mut i = 0;
    while out.len() < bytes {
        out.push_str(paras[i % paras.len()]);
        out.push('\n');
        i += 1;
    }
    out
}

fn percentile(v: &mut [f64], p: f64) -> f64 {
    v.sort_by(|a, b| a.total_cmp(b));
    v[((v.len() - 1) as f64 * p).round() as usize]
}

fn main() {
    for (name, size) in [("4 KB", 4 * 1024), ("1 MB", 1024 * 1024)] {
        let text = article(size);
        let paras: Vec<&str> = text.lines().collect();
        let mut times = Vec::new();
        for _ in 0..5 {
            let t = Instant::now();
            let l = daftar::ui::fonts::headless_layouts(&paras, 700.0, 17.0);
            times.push(t.elapsed().as_secs_f64() * 1000.0);
            assert_eq!(l.len(), paras.len());
        }
        println!(
            "layout, whole {name} article ({} paragraphs), 700 pt wide: median {:.1} ms",
            paras.len(),
            percentile(&mut times, 0.5)
        );
    }

    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(dir.path().join("big.txt"), article(1024 * 1024)).expect("write");
    let mut app = DaftarApp::new(Settings::default(), Some(dir.path().to_path_buf()));
    app.open_article = Some("big.txt".into());
    let mut h = Harness::builder()
        .with_size(egui::vec2(1280.0, 820.0))
        .build_ui_state(|ui, app: &mut DaftarApp| app.show(ui), app);
    let started = Instant::now();
    while h.state().ws.is_loading() || h.state().selected.is_none() {
        assert!(started.elapsed() < Duration::from_secs(60));
        h.step();
        std::thread::sleep(Duration::from_millis(5));
    }
    let t = Instant::now();
    h.step();
    println!(
        "first frame of the 1 MB article: {:.1} ms",
        t.elapsed().as_secs_f64() * 1000.0
    );
    h.input_mut()
        .events
        .push(egui::Event::PointerMoved(egui::pos2(400.0, 400.0)));
    h.step();
    let mut frames = Vec::new();
    for _ in 0..600 {
        h.input_mut().events.push(egui::Event::MouseWheel {
            unit: egui::MouseWheelUnit::Point,
            delta: egui::vec2(0.0, -120.0),
            modifiers: egui::Modifiers::default(),
            phase: egui::TouchPhase::Move,
            source: egui::MouseWheelSource::Wheel,
        });
        let t = Instant::now();
        h.step();
        frames.push(t.elapsed().as_secs_f64() * 1000.0);
    }
    let max = frames.iter().cloned().fold(0.0, f64::max);
    println!(
        "paragraphs laid out after scrolling: {} of {}",
        h.state().reader.laid_out_paragraphs(),
        h.state().ws.articles[0].paragraphs.len()
    );
    println!(
        "scrolling the 1 MB article, {} frames: p50 {:.2} ms, p95 {:.2} ms, max {:.2} ms (CPU only, no GPU upload)",
        frames.len(),
        percentile(&mut frames.clone(), 0.5),
        percentile(&mut frames, 0.95),
        max
    );
}
