//! The desktop window (eframe/egui). This is the only module that names
//! egui or eframe; it reads the corpus through the library and draws it.

pub mod app;
pub mod fonts;
pub mod panels;
pub mod widgets;

use std::path::PathBuf;

/// Opens the window on `folder`; without one, on the last folder (if it
/// still exists) or the bundled sample corpus.
pub fn run(
    folder: Option<PathBuf>,
    article: Option<String>,
    search: Option<String>,
    concordance: bool,
) -> anyhow::Result<()> {
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("daftar")
            .with_inner_size([1280.0, 820.0])
            .with_drag_and_drop(true),
        ..Default::default()
    };
    eframe::run_native(
        "daftar",
        options,
        Box::new(move |cc| {
            let settings: app::Settings = cc
                .storage
                .and_then(|s| eframe::get_value(s, app::SETTINGS_KEY))
                .unwrap_or_default();
            let folder = match folder {
                Some(f) => Some(f),
                None => match settings.last_folder.clone().filter(|f| f.is_dir()) {
                    Some(f) => Some(f),
                    None => Some(crate::corpus::sample::sample_corpus_dir()?),
                },
            };
            let mut app = app::DaftarApp::new(settings, folder);
            app.open_article = article;
            if let Some(q) = search {
                app.apply(app::Command::Search(q));
            }
            if concordance {
                app.view = app::View::Concordance;
            }
            Ok(Box::new(app::EframeApp(app)))
        }),
    )
    .map_err(|e| anyhow::anyhow!("cannot open the window: {e}"))
}
