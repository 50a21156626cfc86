//! The application shell: its state and the frame's logic. Drawing is in
//! [`draw`] (menus, panels, the tag palette), the windows and dialogs in
//! [`dialogs`], applying the panels' commands in [`commands`]. Panels push
//! commands; only [`DaftarApp::apply`] changes state.

mod commands;
mod dialogs;
mod draw;

use crate::ui::widgets::bidi_edit::BidiEdit;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::mpsc::{Receiver, channel};
use std::time::Duration;

use crate::dates::CalendarKind;
use crate::tr;
use crate::ui::panels::article_list::ArticleListPanel;
use crate::ui::panels::compare::ComparePanel;
use crate::ui::panels::entities::EntityPanel;
use crate::ui::panels::kwic::KwicPanel;
use crate::ui::panels::passages::PassagesPanel;
use crate::ui::panels::reader::ReaderPanel;
use crate::ui::panels::search::SearchPanel;
use crate::ui::panels::statements::StatementsPanel;
use crate::ui::panels::stats::StatsPanel;
use crate::ui::panels::status::status_ui;
use crate::ui::panels::timeline::TimelinePanel;
use crate::ui::widgets::rtl_text::{LayoutCache, RtlText};
use crate::ui::widgets::text::{colored, label, strong, weak};
use crate::workspace::Workspace;

pub use super::state::{Command, Settings, View};

/// The typed-path open dialog, with a Browse… button that asks the
/// desktop's file chooser on a thread of its own.
#[derive(Default)]
struct OpenDialog {
    open: bool,
    path: String,
    browsing: Option<Receiver<Option<PathBuf>>>,
    note: Option<String>,
}

pub use dialogs::shortcuts;

pub struct DaftarApp {
    pub ws: Workspace,
    pub settings: Settings,
    pub selected: Option<usize>,
    pub reader: ReaderPanel,
    list: ArticleListPanel,
    pub search: SearchPanel,
    pub kwic: KwicPanel,
    pub timeline: TimelinePanel,
    pub entities: EntityPanel,
    pub statements: StatementsPanel,
    pub stats: StatsPanel,
    pub compare: ComparePanel,
    pub passages: PassagesPanel,
    pub export: crate::ui::panels::export::ExportDialog,
    /// The tag palette's filter text (None: closed).
    palette: Option<String>,
    /// What the palette tags: a passage of an article (a statement …);
    /// None: the reader's selection, or the whole article without one.
    palette_target: Option<Vec<(usize, std::ops::Range<usize>)>>,
    /// A tag waiting for the user to say who is tagging (the first one),
    /// and whether its box has been shown.
    tag_waiting: Option<String>,
    tag_waiting_shown: bool,
    /// The orphaned passage being anchored anew in the reader.
    fixing: Option<u64>,
    /// Passage marks of the article in the reader: (article, generation).
    marks_for: Option<(String, u64, PassageMarks)>,
    pub view: View,
    cache: LayoutCache,
    dialog: OpenDialog,
    pub show_problems: bool,
    show_shortcuts: bool,
    cmds: Vec<Command>,
    ready: bool,
    /// An article (relative path) to select once it has loaded.
    pub open_article: Option<String>,
    /// An entity (any of its names) to select once the folder has loaded.
    pub open_entity: Option<String>,
    /// The search generation whose matches the reader shows.
    hits_for: u64,
    /// Path of the selected article, to find it again when the article
    /// list changes under it (files edited or deleted while open).
    selected_path: Option<String>,
    articles_seen: u64,
    /// Where the folder being loaded is noted until its load ends (the
    /// real window only): found at the next start, it means the load did
    /// not finish (a crash, a hang, a kill).
    pub load_markers: Option<PathBuf>,
    /// The note of the load running.
    live_marker: Option<PathBuf>,
    /// A folder whose last load did not finish, not reopened: the window
    /// asks what to do.
    pub interrupted: Option<PathBuf>,
}

/// Where unfinished loads are noted: one file per folder, so two windows
/// on two folders do not take each other's notes.
pub fn load_markers_dir() -> PathBuf {
    dirs::cache_dir()
        .unwrap_or_else(std::env::temp_dir)
        .join("daftar")
        .join("loading")
}

/// The note of a load of `folder` in `dir`.
pub fn load_marker(dir: &Path, folder: &Path) -> PathBuf {
    let hash = blake3::hash(folder.as_os_str().as_encoded_bytes());
    dir.join(format!("{}.txt", &hash.to_hex()[..16]))
}

/// What the window opens at start: the folder given on the command line,
/// else the last folder — unless its last load never finished, which is
/// returned apart (the window asks instead of hanging again). `(None,
/// None)`: nothing to reopen (the caller opens the sample corpus).
pub fn startup_folder(
    given: Option<PathBuf>,
    last: Option<PathBuf>,
    unfinished: Option<PathBuf>,
) -> (Option<PathBuf>, Option<PathBuf>) {
    match (given, last) {
        (Some(f), _) => (Some(f), None),
        (None, Some(l)) if unfinished.as_ref() == Some(&l) => (None, Some(l)),
        (None, l) => (l, None),
    }
}

/// `folder` if a load of it was noted in `dir` and never ended.
pub fn unfinished_load(dir: &Path, folder: &Path) -> Option<PathBuf> {
    load_marker(dir, folder)
        .exists()
        .then(|| folder.to_path_buf())
}

pub const SETTINGS_KEY: &str = "daftar-settings";

/// Byte ranges of tagged passages and their tags' colours.
type PassageMarks = Vec<(std::ops::Range<usize>, egui::Color32)>;

impl DaftarApp {
    /// The running load's note is removed: it ended, or the window closes
    /// while it runs (a chosen stop, not a crash).
    pub fn end_load_note(&mut self) {
        if let Some(m) = self.live_marker.take() {
            let _ = std::fs::remove_file(m);
        }
    }

    /// A window on `folder` that notes each load in the folder `markers`
    /// until it ends (see [`unfinished_load`]).
    pub fn with_load_markers(
        settings: Settings,
        folder: Option<PathBuf>,
        markers: PathBuf,
    ) -> Self {
        let mut app = Self::new(settings, None);
        app.load_markers = Some(markers);
        if let Some(f) = folder {
            app.apply(Command::Open(f));
        }
        app
    }

    /// A window on `folder` (loading starts at once, off the UI thread).
    pub fn new(settings: Settings, folder: Option<PathBuf>) -> Self {
        let mut app = DaftarApp {
            ws: Workspace::new(Arc::new(|| {})),
            settings,
            selected: None,
            reader: ReaderPanel::default(),
            list: ArticleListPanel,
            search: SearchPanel::default(),
            kwic: KwicPanel::default(),
            timeline: TimelinePanel::default(),
            entities: EntityPanel::default(),
            statements: StatementsPanel::default(),
            stats: StatsPanel::default(),
            compare: ComparePanel::default(),
            passages: PassagesPanel::default(),
            export: Default::default(),
            palette: None,
            palette_target: None,
            tag_waiting: None,
            tag_waiting_shown: false,
            fixing: None,
            marks_for: None,
            view: View::Reader,
            cache: LayoutCache::default(),
            dialog: OpenDialog::default(),
            show_problems: false,
            show_shortcuts: false,
            cmds: Vec::new(),
            ready: false,
            open_article: None,
            open_entity: None,
            hits_for: 0,
            selected_path: None,
            articles_seen: 0,
            load_markers: None,
            live_marker: None,
            interrupted: None,
        };
        if let Some(f) = folder {
            app.apply(Command::Open(f));
        }
        app
    }

    /// First frame: the bundled font, the theme, and background jobs that
    /// wake the window.
    fn setup(&mut self, ctx: &egui::Context) {
        ctx.set_fonts(crate::ui::fonts::definitions());
        ctx.set_theme(if self.settings.dark {
            egui::Theme::Dark
        } else {
            egui::Theme::Light
        });
        let repaint = ctx.clone();
        self.ws
            .set_waker(Arc::new(move || crate::ui::next_frame(&repaint)));
        self.ready = true;
    }

    /// Takes background news and keeps the selection and hits in step
    /// with them: everything of a frame but drawing (eframe calls it
    /// before each frame, and while the window is hidden).
    pub fn logic(&mut self, ctx: &egui::Context) {
        crate::i18n::set(self.settings.lang(), self.settings.digits());
        if !self.ready {
            self.setup(ctx);
        }
        // News left when the frame's time for it ran out (a reopen's
        // articles come faster than a frame takes them): the next frame
        // at once, not after the progress interval.
        if self.ws.poll(Duration::from_millis(4)) {
            crate::ui::next_frame(ctx);
        }
        if self.live_marker.is_some() && !self.ws.is_loading() {
            // Finished, failed or cancelled: the load ended.
            self.end_load_note();
        }
        if let Some(want) = &self.open_article
            && let Some(i) = self.ws.articles.iter().position(|a| &a.path == want)
        {
            self.selected = Some(i);
            self.open_article = None;
            self.hits_for = 0;
        }
        if !self.ws.is_loading()
            && let Some(name) = self.open_entity.take()
        {
            let g = &self.ws.entities.gazetteer;
            let e = g
                .find(&name)
                .map(crate::extract::EntityRef::Known)
                .unwrap_or_else(|| crate::extract::EntityRef::Candidate(name.as_str().into()));
            self.ws.select_entity(Some(e));
        }
        // The list changed under the selection: find the article again.
        if self.articles_seen != self.ws.articles_generation {
            self.articles_seen = self.ws.articles_generation;
            self.selected = self
                .selected_path
                .as_deref()
                .and_then(|p| self.ws.article_index(p));
            if let Some(i) = self.selected {
                self.show_hits(i, 0);
            }
        }
        self.selected_path = self
            .selected
            .and_then(|i| self.ws.articles.get(i))
            .map(|a| a.path.clone());
        // New results: the open article shows its matches.
        if self.ws.search.results.is_some() && self.hits_for != self.ws.search.generation {
            self.hits_for = self.ws.search.generation;
            if let Some(i) = self.selected {
                self.show_hits(i, 0);
            }
        }
        if self.ws.is_busy() {
            ctx.request_repaint_after(crate::workspace::PROGRESS_EVERY);
        }
    }
}

/// eframe's side: persistence and the frame loop.
pub struct EframeApp(pub DaftarApp);

impl eframe::App for EframeApp {
    fn logic(&mut self, ctx: &egui::Context, _frame: &mut eframe::Frame) {
        self.0.logic(ctx);
    }

    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        self.0.draw(ui);
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, SETTINGS_KEY, &self.0.settings);
    }

    fn on_exit(&mut self) {
        self.0.end_load_note();
    }
}
