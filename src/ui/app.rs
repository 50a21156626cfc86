//! The application shell: menu, article list, reader, status bar, the
//! open-folder dialog (rfd, with a typed path for machines without a
//! desktop portal) and drag-and-drop of a folder. Panels push commands;
//! only [`DaftarApp::apply`] changes state.

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

/// What the keyboard does (Help › Keyboard shortcuts): keys and what
/// they do, in the interface's language.
pub fn shortcuts() -> Vec<(String, String)> {
    vec![
        (tr!("shortcuts-key-search"), tr!("shortcuts-search")),
        (
            tr!("shortcuts-key-tag", first = 1usize, last = 9usize),
            tr!("shortcuts-tag"),
        ),
        (tr!("shortcuts-key-undo"), tr!("shortcuts-undo")),
        (tr!("shortcuts-key-redo"), tr!("shortcuts-redo")),
        (tr!("shortcuts-key-enter"), tr!("shortcuts-enter")),
        (tr!("shortcuts-key-escape"), tr!("shortcuts-escape")),
        (
            tr!("shortcuts-key-double-click"),
            tr!("shortcuts-double-click"),
        ),
    ]
}

pub struct DaftarApp {
    pub ws: Workspace,
    pub settings: Settings,
    pub selected: Option<usize>,
    pub reader: ReaderPanel,
    list: ArticleListPanel,
    pub search: SearchPanel,
    kwic: KwicPanel,
    pub timeline: TimelinePanel,
    pub entities: EntityPanel,
    pub statements: StatementsPanel,
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
            .set_waker(Arc::new(move || repaint.request_repaint()));
        self.ready = true;
    }

    pub fn apply(&mut self, cmd: Command) {
        match cmd {
            Command::Open(folder) => {
                self.selected = None;
                self.interrupted = None;
                self.end_load_note();
                if let Some(dir) = &self.load_markers {
                    let _ = std::fs::create_dir_all(dir);
                    let m = load_marker(dir, &folder);
                    let note = format!("{}\n{}\n", folder.display(), std::process::id());
                    if crate::disk::write_atomic(&m, note.as_bytes()).is_ok() {
                        self.live_marker = Some(m);
                    }
                }
                self.ws.open(&folder);
                self.settings.recent.retain(|f| f != &folder);
                self.settings.recent.insert(0, folder.clone());
                self.settings.recent.truncate(8);
                self.settings.last_folder = Some(folder);
            }
            Command::Select(i) => {
                self.selected = Some(i);
                self.show_hits(i, 0);
            }
            Command::Search(q) => {
                self.search.query = q.clone();
                self.ws.run_search(&q);
            }
            Command::SetRange(r) => self.ws.set_range(r),
            Command::SelectEntity(e) => self.ws.select_entity(e),
            // The first tag asks who is tagging; it is applied once they
            // say.
            Command::TagSelection(tag) if !self.settings.annotator_asked => {
                // (No name found: the field starts empty, not «unknown».)
                if self.settings.annotator == "unknown" {
                    self.settings.annotator.clear();
                }
                self.tag_waiting = Some(tag);
                self.palette = None;
            }
            Command::TagSelection(tag) => {
                let targets = match self.palette_target.take() {
                    Some(t) => t,
                    None => self
                        .selected
                        .and_then(|i| {
                            let a = self.ws.articles.get(i)?;
                            // No selection: the whole article.
                            let r = self
                                .reader
                                .selected_range()
                                .filter(|r| !r.is_empty())
                                .unwrap_or(0..a.text.len());
                            Some(vec![(i, r)])
                        })
                        .unwrap_or_default(),
                };
                let targets: Vec<_> = targets
                    .into_iter()
                    .filter_map(|(i, r)| Some((self.ws.articles.get(i)?, r)))
                    .collect();
                let r = if targets.is_empty() {
                    Err(tr!("app-note-no-target"))
                } else {
                    self.ws
                        .annotations
                        .tag_all(&targets, &tag, &self.settings.annotator)
                        .map(|_| ())
                };
                self.ws.annotations.note = r.err();
                self.palette = None;
            }
            Command::TagPassage(targets) => {
                self.palette_target = Some(targets);
                self.palette = Some(String::new());
            }
            Command::SetTags(id, tags) => {
                self.ws.annotations.note = self.ws.annotations.set_tags(id, &tags).err()
            }
            Command::FixPassage(id) => {
                let at = self.ws.annotations.passages().iter().find(|p| p.id == id);
                if let Some(i) = at.and_then(|p| self.ws.article_index(&p.path)) {
                    self.selected = Some(i);
                    self.view = View::Reader;
                    self.reader.selection = None;
                    self.fixing = Some(id);
                }
            }
            Command::AnchorPassage(id, i, range) => {
                let r = match self.ws.articles.get(i) {
                    Some(a) => self.ws.annotations.anchor_passage(id, a, range),
                    None => Err(tr!("app-note-article-gone")),
                };
                if r.is_ok() {
                    self.fixing = None;
                }
                self.ws.annotations.note = r.err();
            }
            Command::Undo => self.ws.annotations.note = self.ws.annotations.undo().err(),
            Command::StartAnnotationsAnew => {
                if let Err(e) = self.ws.annotations.start_anew() {
                    self.ws.annotations.note = Some(e);
                } else {
                    self.ws.annotations.reanchor(&self.ws.articles);
                }
            }
            Command::Redo => self.ws.annotations.note = self.ws.annotations.redo().err(),
            Command::SetNote(id, note) => {
                self.ws.annotations.note = self.ws.annotations.set_note(id, &note).err()
            }
            Command::EditTags(edit) => {
                self.ws.annotations.note = self.ws.annotations.edit_tags(&edit).err()
            }
            Command::OpenExport(kind) => self.export.open_for(kind),
            Command::RemovePassage(id) => {
                self.ws.annotations.note = self.ws.annotations.remove(id).err()
            }
            Command::OpenPassage(i, range) => {
                if let Some(a) = self.ws.articles.get(i) {
                    self.selected = Some(i);
                    self.view = View::Reader;
                    // Marked like a match, and scrolled to.
                    let id = a.id.clone();
                    self.reader.set_hits(&id, vec![range.clone()], 0);
                    self.reader.selection = Some((range.start, range.end));
                }
            }
            Command::CorrectLine(i, line, verdict) => {
                use crate::corpus::corrections::Verdict;
                let what = match verdict {
                    Verdict::Chrome => tr!("app-verdict-chrome"),
                    Verdict::Body => tr!("app-verdict-body"),
                    Verdict::Title => tr!("app-verdict-title"),
                };
                self.reader.note = Some(match self.ws.correct_line(i, line, verdict) {
                    Ok(n) => tr!("app-marked", what = &what, n = n),
                    Err(e) => e,
                });
            }
            Command::Curate(edit) => {
                if let Err(e) = self.ws.curate(edit) {
                    self.ws.entities.note = Some(e);
                }
            }
            Command::OpenHit(i, n) => {
                self.selected = Some(i);
                self.view = View::Reader;
                self.show_hits(i, n);
            }
            Command::Sort(k) => self.ws.sort_by(k),
            Command::CancelLoad => self.ws.cancel(),
            Command::ToggleProblems => self.show_problems = !self.show_problems,
        }
    }

    /// The concordance lines last shown.
    pub fn kwic_lines(&self) -> &[crate::ui::panels::kwic::KwicLine] {
        &self.kwic.lines
    }

    /// Gives the reader the current search's matches in article `i`.
    fn show_hits(&mut self, i: usize, current: usize) {
        let Some(article) = self.ws.articles.get(i) else {
            return;
        };
        let hits = match &self.ws.search.results {
            Some(Ok(r)) => r
                .hits
                .iter()
                .find(|h| h.path == article.path)
                .map(|h| h.matches.clone())
                .unwrap_or_default(),
            _ => Vec::new(),
        };
        self.reader.set_hits(&article.id, hits, current);
    }

    /// One frame: take background news, draw, apply what panels asked.
    pub fn show(&mut self, ui: &mut egui::Ui) {
        let ctx = ui.ctx().clone();
        crate::i18n::set(self.settings.lang(), self.settings.digits());
        let rtl = self.settings.lang().rtl();
        if !self.ready {
            self.setup(&ctx);
        }
        self.ws.poll(Duration::from_millis(4));
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
        let mut cmds = std::mem::take(&mut self.cmds);

        // Ctrl+F: to the search box, wherever the keyboard was.
        if ctx.input_mut(|i| i.consume_key(egui::Modifiers::COMMAND, egui::Key::F)) {
            self.search.focus = true;
        }
        self.annotation_keys(&ctx, &mut cmds);

        // A folder dropped on the window opens it.
        let dropped: Vec<PathBuf> = ctx.input(|i| {
            i.raw
                .dropped_files
                .iter()
                .map(|f| f.path().to_path_buf())
                .collect()
        });
        if let Some(dir) = dropped.into_iter().find(|p| p.is_dir()) {
            cmds.push(Command::Open(dir));
        }

        // In Persian the window mirrors: menus from the right, the list
        // and search at the left, the entities at the right, text aligned
        // right (crate::ui::mirrored).
        egui::Panel::top("menu").show(ui, |ui| {
            egui::MenuBar::new().ui(ui, |ui| {
                if rtl {
                    ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                        self.menu_ui(ui, &mut cmds)
                    });
                } else {
                    self.menu_ui(ui, &mut cmds);
                }
            });
        });
        egui::Panel::bottom("status").show(ui, |ui| {
            crate::ui::mirrored(ui, |ui| status_ui(ui, &self.ws, &mut self.cache, &mut cmds))
        });
        // Two ids: the expanded strip keeps the height it was dragged to
        // while the collapsed one is a single row.
        let timeline = if self.timeline.collapsed {
            egui::Panel::bottom("timeline-collapsed").resizable(false)
        } else {
            egui::Panel::bottom("timeline")
                .resizable(true)
                .default_size(150.0)
                .size_range(100.0..=400.0)
        };
        timeline.show(ui, |ui| {
            crate::ui::mirrored(ui, |ui| {
                self.timeline
                    .ui(ui, &self.ws, &self.settings, &mut self.cache, &mut cmds)
            })
        });
        let side = |id: &'static str, right: bool| {
            if right != rtl {
                egui::Panel::right(id)
            } else {
                egui::Panel::left(id)
            }
        };
        side("articles", true)
            .resizable(true)
            .default_size(360.0)
            .show(ui, |ui| {
                crate::ui::mirrored(ui, |ui| {
                    let searching = self
                        .search
                        .query_ui(ui, &self.ws, &mut self.cache, &mut cmds);
                    ui.separator();
                    if searching {
                        self.search.results_ui(
                            ui,
                            &self.ws,
                            self.selected,
                            &self.settings,
                            &mut self.cache,
                            &mut cmds,
                        );
                    } else {
                        self.list.ui(
                            ui,
                            &self.ws,
                            self.selected,
                            &self.settings,
                            &mut self.cache,
                            &mut cmds,
                        );
                    }
                })
            });
        let passage = self
            .selected
            .and_then(|i| self.ws.articles.get(i))
            .and_then(|a| self.reader.selected_text(a));
        side("entities", false)
            .resizable(true)
            .default_size(230.0)
            .size_range(160.0..=480.0)
            .show(ui, |ui| {
                crate::ui::mirrored(ui, |ui| {
                    self.entities
                        .ui(ui, &self.ws, passage.as_deref(), &mut self.cache, &mut cmds)
                })
            });
        egui::CentralPanel::default().show(ui, |ui| {
            crate::ui::mirrored(ui, |ui| {
                crate::ui::row(ui, |ui| {
                    ui.selectable_value(&mut self.view, View::Reader, tr!("app-view-reader"));
                    ui.selectable_value(
                        &mut self.view,
                        View::Concordance,
                        tr!("app-view-concordance"),
                    );
                    ui.selectable_value(
                        &mut self.view,
                        View::Statements,
                        tr!("app-view-statements"),
                    );
                    ui.selectable_value(&mut self.view, View::Compare, tr!("app-view-compare"));
                    ui.selectable_value(&mut self.view, View::Passages, tr!("app-view-passages"));
                    if self.view == View::Reader
                        && self.selected.is_some()
                        && ui
                            .button(tr!("app-tag"))
                            .on_hover_text(tr!("app-tag-tip"))
                            .clicked()
                    {
                        self.palette_target = None;
                        self.palette = Some(String::new());
                    }
                    if ui
                        .button(tr!("app-export"))
                        .on_hover_text(tr!("app-export-tip"))
                        .clicked()
                    {
                        use crate::ui::panels::export::Kind;
                        cmds.push(Command::OpenExport(match self.view {
                            View::Passages => Kind::Passages,
                            View::Statements => Kind::Statements,
                            View::Compare => Kind::Comparison,
                            View::Concordance => Kind::Hits,
                            View::Reader => Kind::Articles,
                        }));
                    }
                    let ann = &self.ws.annotations;
                    if ui
                        .add_enabled(ann.can_undo(), egui::Button::new(tr!("app-undo")))
                        .on_hover_text(tr!("shortcuts-key-undo"))
                        .clicked()
                    {
                        cmds.push(Command::Undo);
                    }
                    if ui
                        .add_enabled(ann.can_redo(), egui::Button::new(tr!("app-redo")))
                        .on_hover_text(tr!("shortcuts-key-redo"))
                        .clicked()
                    {
                        cmds.push(Command::Redo);
                    }
                });
                self.palette_ui(ui, &mut cmds);
                self.fixing_ui(ui, &mut cmds);
                let sides = self.compare.sides_text();
                let shown = self.compare.comparison().map(|c| (c, sides));
                self.export.ui(ui, &self.ws, &mut self.cache, shown);
                ui.separator();
                match self.view {
                    View::Concordance => {
                        self.kwic.ui(ui, &self.ws, &mut self.cache, &mut cmds);
                        return;
                    }
                    View::Statements => {
                        self.statements.ui(
                            ui,
                            &self.ws,
                            &self.settings,
                            &mut self.cache,
                            &mut cmds,
                        );
                        return;
                    }
                    View::Compare => {
                        self.compare
                            .ui(ui, &self.ws, &self.settings, &mut self.cache, &mut cmds);
                        return;
                    }
                    View::Passages => {
                        self.passages
                            .ui(ui, &self.ws, &self.settings, &mut self.cache, &mut cmds);
                        return;
                    }
                    View::Reader => {}
                }
                match self.selected.and_then(|i| self.ws.articles.get(i)) {
                    Some(article) => {
                        // The selected entity's mentions are marked.
                        let marks = self.ws.entities.selected.as_ref().map_or(Vec::new(), |e| {
                            article
                                .mentions
                                .iter()
                                .filter(|m| &m.entity == e)
                                .map(|m| m.range())
                                .collect()
                        });
                        self.reader.entity_marks = marks;
                        // Tagged passages, in their tags' colours.
                        let key = (article.id.clone(), self.ws.annotations.generation);
                        if self.marks_for.as_ref().map(|m| (&m.0, m.1)) != Some((&key.0, key.1)) {
                            let ci = crate::text::CharIndex::new(&article.text());
                            let marks = self
                                .ws
                                .annotations
                                .passages()
                                .iter()
                                .filter(|p| p.path == article.path && !p.orphaned)
                                .map(|p| {
                                    let colour = p.tags.first().map_or(egui::Color32::GRAY, |t| {
                                        crate::ui::panels::passages::tag_colour(&self.ws, t)
                                    });
                                    (ci.byte_of_char(p.start)..ci.byte_of_char(p.end), colour)
                                })
                                .collect();
                            self.marks_for = Some((key.0, key.1, marks));
                        }
                        self.reader.passage_marks =
                            self.marks_for.as_ref().map_or(Vec::new(), |m| m.2.clone());
                        self.reader.ui(ui, article, &self.settings, &mut self.cache);
                        if let (Some((line, verdict)), Some(i)) =
                            (self.reader.correction.take(), self.selected)
                        {
                            cmds.push(Command::CorrectLine(i, line, verdict));
                        }
                    }
                    None => {
                        ui.centered_and_justified(|ui| {
                            weak(
                                ui,
                                if self.ws.articles.is_empty() {
                                    tr!("app-no-folder")
                                } else {
                                    tr!("app-choose-article")
                                },
                            );
                        });
                    }
                }
            })
        });
        self.problems_window(&ctx);
        self.annotator_window(&ctx);
        self.shortcuts_window(&ctx);
        self.open_dialog(&ctx, &mut cmds);
        self.interrupted_dialog(&ctx, &mut cmds);

        for c in cmds {
            self.apply(c);
        }
    }

    /// Ctrl+Z / Ctrl+Shift+Z, and a tag's key (1–9) on the reader's
    /// selection, when no text field has the keyboard.
    fn annotation_keys(&mut self, ctx: &egui::Context, cmds: &mut Vec<Command>) {
        if ctx.memory(|m| m.focused().is_some()) {
            return;
        }
        let (undo, redo) = ctx.input_mut(|i| {
            let redo = i.consume_key(
                egui::Modifiers::COMMAND | egui::Modifiers::SHIFT,
                egui::Key::Z,
            );
            let undo = i.consume_key(egui::Modifiers::COMMAND, egui::Key::Z);
            (undo, redo)
        });
        if redo {
            cmds.push(Command::Redo);
        } else if undo {
            cmds.push(Command::Undo);
        }
        if self.view != View::Reader || self.reader.selected_range().is_none_or(|r| r.is_empty()) {
            return;
        }
        let keys = [
            (egui::Key::Num1, '1'),
            (egui::Key::Num2, '2'),
            (egui::Key::Num3, '3'),
            (egui::Key::Num4, '4'),
            (egui::Key::Num5, '5'),
            (egui::Key::Num6, '6'),
            (egui::Key::Num7, '7'),
            (egui::Key::Num8, '8'),
            (egui::Key::Num9, '9'),
        ];
        for (key, c) in keys {
            if ctx.input_mut(|i| i.consume_key(egui::Modifiers::NONE, key))
                && let Some(t) = self
                    .ws
                    .annotations
                    .schema
                    .tags
                    .iter()
                    .find(|t| t.key == Some(c))
            {
                cmds.push(Command::TagSelection(t.name.clone()));
            }
        }
    }

    /// While an orphaned passage is being fixed: what it said, and a
    /// button that anchors it at the reader's selection.
    fn fixing_ui(&mut self, ui: &mut egui::Ui, cmds: &mut Vec<Command>) {
        let Some(id) = self.fixing else {
            return;
        };
        let Some(p) = self.ws.annotations.passages().iter().find(|p| p.id == id) else {
            self.fixing = None;
            return;
        };
        let here = self.selected.filter(|&i| {
            self.view == View::Reader && self.ws.articles.get(i).is_some_and(|a| a.path == p.path)
        });
        // The quote through the RTL widget: egui alone would reverse it.
        let quote = p.quote.clone();
        crate::ui::row_wrapped(ui, |ui| {
            let warn = ui.visuals().warn_fg_color;
            colored(ui, warn, tr!("app-fixing", id = id));
            let selection = self.reader.selected_range().filter(|r| !r.is_empty());
            if let (Some(i), Some(r)) = (here, selection.clone()) {
                if ui.button(tr!("app-anchor-here")).clicked() {
                    cmds.push(Command::AnchorPassage(id, i, r));
                }
            } else {
                ui.add_enabled(false, egui::Button::new(tr!("app-anchor-here")));
            }
            if ui.button(tr!("app-cancel")).clicked() {
                self.fixing = None;
            }
        });
        RtlText::new(&quote, egui::FontId::proportional(14.0))
            .width(ui.available_width())
            .max_lines(2)
            .color(ui.visuals().weak_text_color())
            .show(ui, &mut self.cache);
    }

    /// The tag palette: type to filter the tags, Enter or a click tags the
    /// selection; a new name makes a new tag.
    fn palette_ui(&mut self, ui: &mut egui::Ui, cmds: &mut Vec<Command>) {
        let Some(filter) = &mut self.palette else {
            return;
        };
        let mut close = false;
        egui::Window::new(tr!("tag-palette-title"))
            .collapsible(false)
            .resizable(false)
            .show(ui.ctx(), |ui| {
                crate::ui::mirrored(ui, |ui| {
                    if let Some(n) = self
                        .palette_target
                        .as_ref()
                        .map(Vec::len)
                        .filter(|&n| n > 1)
                    {
                        weak(ui, tr!("tag-palette-many", n = n));
                    }
                    let tag_label = ui.label(tr!("tag-palette-tag"));
                    let hint = tr!("tag-palette-hint");
                    let edit = ui.add(BidiEdit::singleline(filter).hint_text(&hint));
                    let edit = edit.labelled_by(tag_label.id);
                    edit.request_focus();
                    let want = crate::text::search_key(filter.trim());
                    let tags: Vec<(String, Option<char>)> = self
                        .ws
                        .annotations
                        .schema
                        .tags
                        .iter()
                        .filter(|t| {
                            want.is_empty() || crate::text::search_key(&t.name).contains(&want)
                        })
                        .map(|t| (t.name.clone(), t.key))
                        .collect();
                    let enter = ui.input(|i| i.key_pressed(egui::Key::Enter));
                    for (name, key) in &tags {
                        let text = match key {
                            Some(k) => format!("{name}  ({})", crate::i18n::digits(&k.to_string())),
                            None => name.clone(),
                        };
                        if crate::ui::widgets::rtl_text::rtl_button(ui, &mut self.cache, &text)
                            .clicked()
                        {
                            cmds.push(Command::TagSelection(name.clone()));
                        }
                    }
                    let typed = filter.trim().to_string();
                    let exists = self
                        .ws
                        .annotations
                        .schema
                        .tags
                        .iter()
                        .any(|t| t.name == typed);
                    if !typed.is_empty()
                        && !exists
                        && crate::ui::widgets::rtl_text::rtl_button(
                            ui,
                            &mut self.cache,
                            &tr!("tag-palette-new", name = &typed),
                        )
                        .clicked()
                    {
                        cmds.push(Command::TagSelection(typed.clone()));
                    }
                    if enter {
                        if let Some((name, _)) = tags.first() {
                            cmds.push(Command::TagSelection(name.clone()));
                        } else if !typed.is_empty() {
                            cmds.push(Command::TagSelection(typed));
                        }
                    }
                    if ui.button(tr!("app-cancel")).clicked()
                        || ui.input(|i| i.key_pressed(egui::Key::Escape))
                    {
                        close = true;
                    }
                })
            });
        if close {
            self.palette = None;
            self.palette_target = None;
        }
    }

    fn menu_ui(&mut self, ui: &mut egui::Ui, cmds: &mut Vec<Command>) {
        ui.menu_button(tr!("menu-file"), |ui| {
            if ui.button(tr!("menu-open-folder")).clicked() {
                self.dialog.open = true;
                self.dialog.path = self
                    .settings
                    .last_folder
                    .as_ref()
                    .map(|p| p.display().to_string())
                    .unwrap_or_default();
            }
            ui.menu_button(tr!("menu-open-recent"), |ui| {
                if self.settings.recent.is_empty() {
                    ui.weak(tr!("menu-nothing-yet"));
                }
                // Each folder through the RTL widget: «پیکره آزمون» in
                // order, not its letters backwards.
                let font = egui::FontId::proportional(14.0);
                let h = crate::ui::widgets::rtl_text::line_height(ui, &font) + 4.0;
                for f in self.settings.recent.clone() {
                    let path = f.display().to_string();
                    let (rect, resp) =
                        crate::ui::panels::article_list::list_row(ui, 360.0, h, false);
                    resp.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, &path));
                    crate::ui::widgets::rtl_text::drawn_by_layout(ui.ctx(), resp.id);
                    let mut child = ui.new_child(
                        egui::UiBuilder::new().max_rect(rect.shrink2(egui::vec2(4.0, 2.0))),
                    );
                    RtlText::new(&path, font.clone())
                        .width(rect.width() - 8.0)
                        .max_lines(1)
                        .inner()
                        .show(&mut child, &mut self.cache);
                    if resp.clicked() {
                        cmds.push(Command::Open(f));
                        ui.close();
                    }
                }
            });
            if ui.button(tr!("app-export")).clicked() {
                cmds.push(Command::OpenExport(
                    crate::ui::panels::export::Kind::Passages,
                ));
                ui.close();
            }
            ui.separator();
            if ui.button(tr!("menu-quit")).clicked() {
                ui.ctx().send_viewport_cmd(egui::ViewportCommand::Close);
            }
        });
        ui.menu_button(tr!("menu-view"), |ui| {
            crate::ui::row(ui, |ui| {
                ui.label(tr!("menu-text-size"));
                if ui.button("-").clicked() {
                    self.settings.text_size = (self.settings.text_size - 1.0).max(10.0);
                }
                label(
                    ui,
                    crate::i18n::digits(&format!("{:.0}", self.settings.text_size)),
                );
                if ui.button("+").clicked() {
                    self.settings.text_size = (self.settings.text_size + 1.0).min(40.0);
                }
            });
            ui.separator();
            if ui
                .radio(!self.settings.dark, tr!("menu-light-theme"))
                .clicked()
            {
                self.settings.dark = false;
                ui.ctx().set_theme(egui::Theme::Light);
            }
            if ui
                .radio(self.settings.dark, tr!("menu-dark-theme"))
                .clicked()
            {
                self.settings.dark = true;
                ui.ctx().set_theme(egui::Theme::Dark);
            }
            ui.separator();
            ui.radio_value(
                &mut self.settings.calendar,
                CalendarKind::Jalali,
                tr!("menu-jalali-dates"),
            );
            ui.radio_value(
                &mut self.settings.calendar,
                CalendarKind::Gregorian,
                tr!("menu-gregorian-dates"),
            );
            ui.separator();
            ui.menu_button(tr!("menu-language"), |ui| {
                for lang in crate::i18n::Lang::ALL {
                    let on = self.settings.lang() == lang;
                    if ui.radio(on, lang.native_name()).clicked() {
                        self.settings.language = Some(lang);
                        // Digits follow the language unless chosen.
                        self.settings.persian_digits = None;
                        crate::i18n::set(lang, self.settings.digits());
                        ui.close();
                    }
                }
            });
            let mut digits = self.settings.digits();
            if ui
                .checkbox(&mut digits, tr!("menu-persian-digits"))
                .changed()
            {
                self.settings.persian_digits = Some(digits);
            }
            ui.separator();
            crate::ui::row(ui, |ui| {
                let l = ui.label(tr!("menu-annotator"));
                let edit = ui
                    .add(BidiEdit::singleline(&mut self.settings.annotator).desired_width(140.0))
                    .labelled_by(l.id)
                    .on_hover_text(tr!("menu-annotator-tip"));
                // (Named here: the first tag need not ask.)
                if edit.changed() {
                    self.settings.annotator_asked = true;
                }
            });
        });
        ui.menu_button(tr!("menu-help"), |ui| {
            if ui.button(tr!("menu-shortcuts")).clicked() {
                self.show_shortcuts = true;
                ui.close();
            }
        });
    }

    /// Asked on the first tag: who is tagging (remembered, and in View).
    fn annotator_window(&mut self, ctx: &egui::Context) {
        let Some(tag) = self.tag_waiting.clone() else {
            return;
        };
        let mut done = false;
        let mut cancel = false;
        egui::Window::new(tr!("annotator-title"))
            .collapsible(false)
            .resizable(false)
            .show(ctx, |ui| {
                crate::ui::mirrored(ui, |ui| {
                    ui.label(tr!("annotator-explain"));
                    let l = ui.label(tr!("annotator-name"));
                    let edit = ui.add(
                        BidiEdit::singleline(&mut self.settings.annotator).desired_width(200.0),
                    );
                    let edit = edit.labelled_by(l.id);
                    // (The keyboard goes to the name when the box opens.)
                    if !self.tag_waiting_shown {
                        self.tag_waiting_shown = true;
                        edit.request_focus();
                    }
                    let enter = edit.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
                    crate::ui::row(ui, |ui| {
                        let named = !self.settings.annotator.trim().is_empty();
                        done = (ui
                            .add_enabled(named, egui::Button::new(tr!("annotator-tag")))
                            .clicked()
                            || enter)
                            && named;
                        cancel = ui.button(tr!("app-cancel")).clicked();
                    });
                })
            });
        if done {
            self.settings.annotator = self.settings.annotator.trim().to_string();
            self.settings.annotator_asked = true;
            self.tag_waiting = None;
            self.tag_waiting_shown = false;
            self.cmds.push(Command::TagSelection(tag));
            ctx.request_repaint();
        } else if cancel {
            self.tag_waiting = None;
            self.tag_waiting_shown = false;
            self.palette_target = None;
        }
    }

    /// Help › Keyboard shortcuts.
    fn shortcuts_window(&mut self, ctx: &egui::Context) {
        let mut open = self.show_shortcuts;
        egui::Window::new(tr!("shortcuts-title"))
            .open(&mut open)
            .resizable(false)
            .show(ctx, |ui| {
                crate::ui::mirrored(ui, |ui| {
                    egui::Grid::new("shortcuts").striped(true).show(ui, |ui| {
                        for (keys, what) in shortcuts() {
                            strong(ui, keys);
                            label(ui, what);
                            ui.end_row();
                        }
                    });
                })
            });
        self.show_shortcuts = open;
    }

    fn problems_window(&mut self, ctx: &egui::Context) {
        let mut open = self.show_problems;
        egui::Window::new(tr!("problems-title"))
            .id(egui::Id::NULL.with("problems-window"))
            .open(&mut open)
            .default_size([600.0, 300.0])
            .show(ctx, |ui| {
                crate::ui::mirrored(ui, |ui| {
                    // Through the RTL widget: a Persian file name read in
                    // order («پیکره آزمون/خبر.txt», not its letters backwards).
                    let (problems, cache) = (&self.ws.problems, &mut self.cache);
                    egui::ScrollArea::vertical().show(ui, |ui| {
                        let width = ui.available_width();
                        for p in problems {
                            RtlText::new(&p.path, crate::ui::fonts::bold(14.0))
                                .width(width)
                                .show(ui, cache);
                            RtlText::new(&p.reason.shown(), egui::FontId::proportional(13.0))
                                .color(ui.visuals().weak_text_color())
                                .width(width)
                                .show(ui, cache);
                            ui.add_space(4.0);
                        }
                    });
                })
            });
        self.show_problems = open;
    }

    /// At start, the last folder's load had not finished: say so and let
    /// the user choose, instead of reopening it (and hanging) blindly.
    fn interrupted_dialog(&mut self, ctx: &egui::Context, cmds: &mut Vec<Command>) {
        let Some(folder) = self.interrupted.clone() else {
            return;
        };
        egui::Window::new(tr!("dialog-interrupted-title"))
            .collapsible(false)
            .resizable(false)
            .anchor(egui::Align2::CENTER_CENTER, egui::Vec2::ZERO)
            .show(ctx, |ui| {
                crate::ui::mirrored(ui, |ui| {
                    label(ui, tr!("dialog-interrupted-explain"));
                    ui.monospace(folder.display().to_string());
                    label(ui, tr!("dialog-interrupted-not-reopened"));
                    crate::ui::row(ui, |ui| {
                        if ui.button(tr!("dialog-open-again")).clicked() {
                            cmds.push(Command::Open(folder.clone()));
                        }
                        if ui.button(tr!("dialog-open-another")).clicked() {
                            self.interrupted = None;
                            self.dialog.open = true;
                        }
                        if ui.button(tr!("dialog-not-now")).clicked() {
                            self.interrupted = None;
                        }
                    });
                })
            });
    }

    fn open_dialog(&mut self, ctx: &egui::Context, cmds: &mut Vec<Command>) {
        if let Some(rx) = &self.dialog.browsing
            && let Ok(picked) = rx.try_recv()
        {
            self.dialog.browsing = None;
            match picked {
                Some(p) => self.dialog.path = p.display().to_string(),
                None => self.dialog.note = Some(tr!("dialog-no-folder-chosen")),
            }
        }
        if !self.dialog.open {
            return;
        }
        let mut open = true;
        egui::Window::new(tr!("dialog-open-title"))
            .open(&mut open)
            .collapsible(false)
            .show(ctx, |ui| {
                crate::ui::mirrored(ui, |ui| {
                    let l = ui.label(tr!("dialog-folder-label"));
                    let edit = ui
                        .add(BidiEdit::singleline(&mut self.dialog.path).desired_width(420.0))
                        .labelled_by(l.id);
                    let enter = edit.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
                    crate::ui::row(ui, |ui| {
                        if ui
                            .add_enabled(
                                self.dialog.browsing.is_none(),
                                egui::Button::new(tr!("dialog-browse")),
                            )
                            .clicked()
                        {
                            let (tx, rx) = channel();
                            let repaint = ui.ctx().clone();
                            let started = std::thread::Builder::new()
                                .name("daftar-file-dialog".into())
                                .spawn(move || {
                                    let _ = tx.send(rfd::FileDialog::new().pick_folder());
                                    repaint.request_repaint();
                                });
                            if started.is_ok() {
                                self.dialog.browsing = Some(rx);
                            }
                        }
                        if ui.button(tr!("dialog-open")).clicked() || enter {
                            let path = PathBuf::from(self.dialog.path.trim());
                            if path.is_dir() {
                                cmds.push(Command::Open(path));
                                self.dialog.open = false;
                                self.dialog.note = None;
                            } else {
                                let shown = path.display().to_string();
                                self.dialog.note = Some(tr!("dialog-not-a-folder", path = &shown));
                            }
                        }
                    });
                    if let Some(n) = &self.dialog.note {
                        let warn = ui.visuals().warn_fg_color;
                        colored(ui, warn, n);
                    }
                })
            });
        if !open {
            self.dialog.open = false;
        }
    }
}

/// eframe's side: persistence and the frame loop.
pub struct EframeApp(pub DaftarApp);

impl eframe::App for EframeApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        self.0.show(ui);
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, SETTINGS_KEY, &self.0.settings);
    }

    fn on_exit(&mut self) {
        self.0.end_load_note();
    }
}
