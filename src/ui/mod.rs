//! The desktop window (eframe/egui). This is the only module that names
//! egui or eframe; it reads the corpus through the library and draws it.

pub mod app;
pub mod fonts;
pub mod panels;
pub mod state;
pub mod widgets;

use std::path::PathBuf;

/// What the window starts with (command-line options, for scripts and
/// screenshots).
#[derive(Debug, Default)]
pub struct Start {
    /// Without one: the last folder (if it still exists) or the bundled
    /// sample corpus.
    pub folder: Option<PathBuf>,
    /// An article (path relative to the folder) to open.
    pub article: Option<String>,
    pub search: Option<String>,
    pub concordance: bool,
    /// The reader shows page chrome, greyed.
    pub show_chrome: bool,
    /// Overrides the remembered calendar.
    pub calendar: Option<crate::dates::CalendarKind>,
    /// An entity (any of its names) to select once loaded.
    pub entity: Option<String>,
    /// Open the comparison view with these sides (`daftar compare` SPECs).
    pub compare: Option<(String, String)>,
    /// Open the problems window (files that are no article, and why).
    pub problems: bool,
    /// The view to start in.
    pub view: Option<app::View>,
    /// The comparison as a ledger.
    pub ledger: bool,
    /// Overrides the remembered (or the system's) language.
    pub lang: Option<crate::i18n::Lang>,
}

/// Opens the window.
pub fn run(start: Start) -> anyhow::Result<()> {
    let Start {
        folder,
        article,
        search,
        concordance,
        show_chrome,
        calendar,
        entity,
        compare,
        problems,
        view,
        ledger,
        lang,
    } = start;
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
            // Drawn on the CPU (no GPU: llvmpipe, lavapipe), each frame
            // takes 45–90 ms of the CPU the background work needs, and a
            // fading scroll bar or an opening section asks for several: no
            // animations there.
            let software = cc.wgpu_render_state.as_ref().is_some_and(|rs| {
                rs.adapter.get_info().device_type == eframe::wgpu::DeviceType::Cpu
            });
            if software {
                cc.egui_ctx.all_styles_mut(|s| s.animation_time = 0.0);
            }
            let mut settings: app::Settings = cc
                .storage
                .and_then(|s| eframe::get_value(s, app::SETTINGS_KEY))
                .unwrap_or_default();
            if let Some(c) = calendar {
                settings.calendar = c;
            }
            if let Some(l) = lang {
                settings.language = Some(l);
                settings.persian_digits = None;
            }
            let markers = app::load_markers_dir();
            let last = settings.last_folder.clone().filter(|f| f.is_dir());
            let unfinished = last
                .as_deref()
                .and_then(|l| app::unfinished_load(&markers, l));
            let (folder, interrupted) = match app::startup_folder(folder, last, unfinished) {
                (Some(f), i) => (Some(f), i),
                (None, Some(i)) => (None, Some(i)),
                (None, None) => (Some(crate::corpus::sample::sample_corpus_dir()?), None),
            };
            let mut app = app::DaftarApp::with_load_markers(settings, folder, markers);
            app.interrupted = interrupted;
            app.open_article = article;
            app.open_entity = entity;
            app.reader.show_chrome = show_chrome;
            app.show_problems = problems;
            if let Some((l, r)) = compare {
                app.compare.left = panels::compare::SideForm::from_spec(&l);
                app.compare.right = panels::compare::SideForm::from_spec(&r);
                app.view = app::View::Compare;
            }
            if let Some(q) = search {
                app.apply(app::Command::Search(q));
            }
            if concordance {
                app.view = app::View::Concordance;
            }
            app.compare.ledger = ledger;
            if let Some(v) = view {
                app.view = v;
            }
            Ok(Box::new(app::EframeApp(app)))
        }),
    )
    .map_err(|e| anyhow::anyhow!("cannot open the window: {e}"))
}

/// Asks for one frame, at once. (`request_repaint` asks egui for two —
/// one to let things settle — and without a GPU each is drawn on the CPU
/// the background work needs; a request with a delay, however short, is
/// one frame.)
pub fn next_frame(ctx: &egui::Context) {
    ctx.request_repaint_after(std::time::Duration::from_millis(1));
}

/// What a view's background job calls when it is done: a frame at once,
/// or — while the workspace is busy (loading, indexing) and the window
/// looks twice a second anyway — with the next of those (without a GPU a
/// frame is drawn on the CPU the work needs: a first open of 100,000
/// articles drew six frames a second, three of them for jobs).
pub fn job_done(
    ctx: &egui::Context,
    ws: &crate::workspace::Workspace,
) -> impl Fn() + Send + 'static {
    let ctx = ctx.clone();
    let busy = ws.is_busy();
    move || {
        if busy {
            ctx.request_repaint_after(crate::workspace::PROGRESS_EVERY);
        } else {
            next_frame(&ctx);
        }
    }
}

/// Whether a text field has the keyboard: then Ctrl+A, Ctrl+C, Ctrl+Z
/// and the tag keys belong to it, not to the reader or the annotations.
pub fn typing(ctx: &egui::Context) -> bool {
    ctx.memory(|m| m.focused())
        .is_some_and(|id| widgets::bidi_edit::is_text_field(ctx, id))
}

/// Lays `add` out top to bottom, aligned to the side the interface reads
/// from: right in Persian (the whole window mirrors), left in English.
pub fn mirrored<R>(ui: &mut egui::Ui, add: impl FnOnce(&mut egui::Ui) -> R) -> R {
    if crate::i18n::lang().rtl() {
        ui.with_layout(egui::Layout::top_down(egui::Align::Max), add)
            .inner
    } else {
        add(ui)
    }
}

/// A row of widgets starting at the side the interface reads from
/// (`ui.horizontal` in English, right to left in Persian).
pub fn row<R>(ui: &mut egui::Ui, add: impl FnOnce(&mut egui::Ui) -> R) -> egui::InnerResponse<R> {
    if crate::i18n::lang().rtl() {
        let h = ui.spacing().interact_size.y;
        ui.allocate_ui_with_layout(
            egui::vec2(ui.available_width(), h),
            egui::Layout::right_to_left(egui::Align::Center),
            add,
        )
    } else {
        ui.horizontal(add)
    }
}

/// A row that wraps onto more lines, starting at the reading side.
pub fn row_wrapped<R>(
    ui: &mut egui::Ui,
    add: impl FnOnce(&mut egui::Ui) -> R,
) -> egui::InnerResponse<R> {
    if crate::i18n::lang().rtl() {
        ui.allocate_ui_with_layout(
            egui::vec2(ui.available_width(), ui.spacing().interact_size.y),
            egui::Layout::right_to_left(egui::Align::Center).with_main_wrap(true),
            add,
        )
    } else {
        ui.horizontal_wrapped(add)
    }
}
