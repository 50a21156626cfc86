//! The desktop window (eframe/egui). This is the only module that names
//! egui or eframe; it reads the corpus through the library and draws it.

mod app;

use std::path::PathBuf;

/// Opens the window on `folder`, or on the bundled sample corpus.
pub fn run(folder: Option<PathBuf>) -> anyhow::Result<()> {
    let folder = match folder {
        Some(f) => f,
        None => crate::corpus::sample::sample_corpus_dir()?,
    };
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("daftar")
            .with_inner_size([1200.0, 800.0]),
        ..Default::default()
    };
    eframe::run_native(
        "daftar",
        options,
        Box::new(move |cc| Ok(Box::new(app::DaftarApp::new(cc, folder)))),
    )
    .map_err(|e| anyhow::anyhow!("cannot open the window: {e}"))
}
