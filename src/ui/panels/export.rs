//! The Export dialog: what (passages of a tag, statements, the comparison,
//! search hits, articles), the format and its options, where (a typed
//! path, or Browse… through the desktop's file chooser on a thread of its
//! own), progress while a worker writes, and the path when done. An
//! existing file is replaced only after asking.

use crate::ui::widgets::bidi_edit::BidiEdit;
use std::path::PathBuf;
use std::sync::atomic::Ordering;
use std::sync::mpsc::{Receiver, channel};

use crate::ui::widgets::rtl_combo::{rtl_combo, rtl_selectable};
use crate::ui::widgets::rtl_text::LayoutCache;
use egui::Ui;

use crate::export::{Format, What};
use crate::extract::compare::Comparison;
use crate::tr;
use crate::ui::widgets::text::{colored, label, weak};
use crate::workspace::Workspace;
use crate::workspace::export::{ExportJob, Scope};

/// What the dialog exports.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Kind {
    #[default]
    Passages,
    Statements,
    Comparison,
    Hits,
    Articles,
}

impl Kind {
    fn label(self) -> String {
        match self {
            Kind::Passages => tr!("export-kind-passages"),
            Kind::Statements => tr!("export-kind-statements"),
            Kind::Comparison => tr!("export-kind-comparison"),
            Kind::Hits => tr!("export-kind-hits"),
            Kind::Articles => tr!("export-kind-articles"),
        }
    }

    fn what(self) -> What {
        match self {
            Kind::Passages => What::Passages,
            Kind::Statements | Kind::Comparison => What::Statements,
            Kind::Hits => What::Hits,
            Kind::Articles => What::Articles,
        }
    }
}

#[derive(Default)]
pub struct ExportDialog {
    pub open: bool,
    pub kind: Kind,
    pub format: Format,
    /// Passages: only this tag (and its nested tags), this annotator.
    pub tag: Option<String>,
    pub annotator: Option<String>,
    pub in_filter: bool,
    pub path: String,
    browsing: Option<Receiver<Option<PathBuf>>>,
    /// The path exists: asking before replacing it.
    asking: bool,
    job: Option<ExportJob>,
    /// The last outcome, for the message.
    pub outcome: Option<Result<String, String>>,
}

/// What was written, as the outcome message counts it («passages»).
fn what_noun(w: What) -> String {
    match w {
        What::Passages => tr!("export-what-passages"),
        What::Statements => tr!("export-what-statements"),
        What::Hits => tr!("export-what-hits"),
        What::Articles => tr!("export-what-articles"),
    }
}

/// A format's name in the window (`Format::label` in English; the names
/// of standards stay as they are).
fn format_label(f: Format) -> String {
    match f {
        Format::Csv => tr!("export-format-csv"),
        Format::Jsonl => tr!("export-format-jsonl"),
        Format::Ron => tr!("export-format-ron"),
        Format::Markdown => tr!("export-format-markdown"),
        Format::Brat => tr!("export-format-brat"),
        Format::Qdpx => tr!("export-format-qdpx"),
        Format::WebAnno => tr!("export-format-webanno", org = "W3C"),
        Format::Xlsx => tr!("export-format-xlsx"),
    }
}

/// The comparison on show, and its two sides in words.
pub type ShownComparison<'a> = Option<(&'a Comparison, String)>;

impl ExportDialog {
    /// Opens the dialog for `kind`, with a file name to start from.
    pub fn open_for(&mut self, kind: Kind) {
        self.open = true;
        self.kind = kind;
        self.asking = false;
        self.outcome = None;
        self.in_filter = true;
        if self.path.trim().is_empty() {
            let dir = dirs::document_dir()
                .or_else(dirs::home_dir)
                .unwrap_or_else(|| PathBuf::from("."));
            self.path = dir.join("daftar-export").display().to_string();
        }
        self.fit_extension();
    }

    /// Whether an export is being written.
    pub fn is_busy(&self) -> bool {
        self.job.is_some()
    }

    /// The path's extension made to fit the format (none for brat's
    /// folder); a name the user typed otherwise stays.
    fn fit_extension(&mut self) {
        let mut p = PathBuf::from(self.path.trim());
        let known = Format::ALL
            .iter()
            .filter_map(|f| f.extension())
            .chain(["webanno"])
            .any(|e| p.extension().is_some_and(|x| x == e));
        if known || p.extension().is_none() {
            match self.format.extension() {
                Some(ext) => p.set_extension(ext),
                None => p.set_extension(""),
            };
            self.path = p.display().to_string();
        }
    }

    fn exists(&self, path: &std::path::Path) -> bool {
        match self.format {
            Format::Brat => path.read_dir().is_ok_and(|mut d| d.next().is_some()),
            _ => path.exists(),
        }
    }

    fn start(&mut self, ws: &Workspace, comparison: &ShownComparison, overwrite: bool) {
        let path = PathBuf::from(self.path.trim());
        let scope = match self.kind {
            Kind::Passages => Scope::Passages {
                tag: self.tag.clone(),
                annotator: self.annotator.clone(),
                in_filter: self.in_filter,
            },
            Kind::Statements => Scope::Statements,
            Kind::Comparison => match comparison {
                Some((c, sides)) => Scope::Comparison((*c).clone(), sides.clone()),
                None => {
                    self.outcome = Some(Err(tr!("export-error-no-comparison")));
                    return;
                }
            },
            Kind::Hits => Scope::Hits,
            Kind::Articles => Scope::Articles {
                in_filter: self.in_filter,
            },
        };
        match ws.start_export(scope, self.format, path, overwrite) {
            Ok(job) => {
                self.job = Some(job);
                self.outcome = None;
            }
            Err(e) => self.outcome = Some(Err(e)),
        }
    }

    /// Takes the worker's outcome, if any.
    fn poll(&mut self) {
        if let Some(r) = self.job.as_ref().and_then(ExportJob::poll) {
            self.job = None;
            self.outcome = Some(r.map(|(w, secs)| {
                let mut m = tr!(
                    "export-wrote",
                    n = w.items,
                    what = &what_noun(self.kind.what()),
                    sources = w.sources,
                    path = &w.path.display().to_string(),
                    secs = &crate::i18n::digits(&format!("{secs:.1}"))
                );
                if w.left_out > 0 {
                    m.push(' ');
                    m.push_str(&tr!("export-left-out", n = w.left_out));
                }
                m
            }));
        }
        if let Some(rx) = &self.browsing
            && let Ok(picked) = rx.try_recv()
        {
            self.browsing = None;
            match picked {
                Some(p) => {
                    self.path = p.display().to_string();
                    self.fit_extension();
                }
                None => self.outcome = Some(Err(tr!("export-no-file-chosen"))),
            }
        }
    }

    pub fn ui(
        &mut self,
        ui: &mut Ui,
        ws: &Workspace,
        cache: &mut LayoutCache,
        comparison: ShownComparison,
    ) {
        self.poll();
        if !self.open {
            return;
        }
        let mut open = true;
        egui::Window::new(tr!("export-title"))
            .id(egui::Id::NULL.with("export-dialog"))
            .open(&mut open)
            .collapsible(false)
            .resizable(false)
            .show(ui.ctx(), |ui| {
                crate::ui::mirrored(ui, |ui| self.form(ui, ws, cache, &comparison))
            });
        if !open {
            self.open = false;
        }
    }

    fn form(
        &mut self,
        ui: &mut Ui,
        ws: &Workspace,
        cache: &mut LayoutCache,
        comparison: &ShownComparison,
    ) {
        let busy = self.job.is_some();
        ui.add_enabled_ui(!busy, |ui| {
            egui::ComboBox::new("export-kind", tr!("export-what"))
                .selected_text(self.kind.label())
                .show_ui(ui, |ui| {
                    for k in [
                        Kind::Passages,
                        Kind::Statements,
                        Kind::Comparison,
                        Kind::Hits,
                        Kind::Articles,
                    ] {
                        ui.selectable_value(&mut self.kind, k, k.label());
                    }
                });
            match self.kind {
                Kind::Passages => {
                    let tags: Vec<String> = ws
                        .annotations
                        .schema
                        .tags
                        .iter()
                        .map(|t| t.name.clone())
                        .collect();
                    let every = tr!("export-every-tag");
                    let every = every.as_str();
                    let chosen = self.tag.clone().unwrap_or_else(|| every.into());
                    rtl_combo(
                        ui,
                        cache,
                        "export-tag",
                        &tr!("export-tag"),
                        &chosen,
                        200.0,
                        |ui, cache| {
                            if rtl_selectable(ui, cache, self.tag.is_none(), every).clicked() {
                                self.tag = None;
                            }
                            for t in tags {
                                let on = self.tag.as_deref() == Some(t.as_str());
                                if rtl_selectable(ui, cache, on, &t).clicked() {
                                    self.tag = Some(t);
                                }
                            }
                        },
                    );
                    let everyone = tr!("export-everyone");
                    let everyone = everyone.as_str();
                    let chosen = self.annotator.clone().unwrap_or_else(|| everyone.into());
                    let annotators = ws.annotations.passages();
                    rtl_combo(
                        ui,
                        cache,
                        "export-annotator",
                        &tr!("export-annotator"),
                        &chosen,
                        200.0,
                        |ui, cache| {
                            // Gathered only while the list is open, not every frame.
                            let mut who: Vec<&str> =
                                annotators.iter().map(|p| p.annotator.as_str()).collect();
                            who.sort_unstable();
                            who.dedup();
                            if rtl_selectable(ui, cache, self.annotator.is_none(), everyone)
                                .clicked()
                            {
                                self.annotator = None;
                            }
                            for a in who {
                                let on = self.annotator.as_deref() == Some(a);
                                if rtl_selectable(ui, cache, on, a).clicked() {
                                    self.annotator = Some(a.to_string());
                                }
                            }
                        },
                    );
                    ui.checkbox(&mut self.in_filter, tr!("export-only-in-filter"));
                }
                Kind::Articles => {
                    ui.checkbox(&mut self.in_filter, tr!("export-only-in-filter"));
                }
                Kind::Comparison if comparison.is_none() => {
                    ui.colored_label(ui.visuals().warn_fg_color, tr!("export-compare-first"));
                }
                Kind::Comparison => {}
                Kind::Hits if ws.search.query.trim().is_empty() => {
                    ui.colored_label(ui.visuals().warn_fg_color, tr!("export-search-first"));
                }
                Kind::Statements | Kind::Hits => {}
            }
            let before = self.format;
            // Through the RTL list: in Persian a format's name mixes
            // Persian and Latin («گزارش Markdown»).
            rtl_combo(
                ui,
                cache,
                "export-format",
                &tr!("export-format"),
                &format_label(self.format),
                220.0,
                |ui, cache| {
                    for f in Format::ALL {
                        if rtl_selectable(ui, cache, self.format == f, &format_label(f)).clicked() {
                            self.format = f;
                        }
                    }
                },
            );
            if self.format != before {
                self.fit_extension();
                self.asking = false;
            }
            weak(
                ui,
                match self.format {
                    Format::Brat => tr!("export-hint-brat"),
                    Format::WebAnno => tr!("export-hint-webanno"),
                    Format::Csv => tr!("export-hint-csv", encoding = "UTF-8"),
                    Format::Xlsx => tr!("export-hint-xlsx"),
                    _ => tr!("export-hint-offsets"),
                },
            );
            crate::ui::row(ui, |ui| {
                let label = ui.label(tr!("export-save-to"));
                let edit = ui
                    .add(BidiEdit::singleline(&mut self.path).desired_width(360.0))
                    .labelled_by(label.id);
                if edit.changed() {
                    self.asking = false;
                }
                if ui
                    .add_enabled(
                        self.browsing.is_none(),
                        egui::Button::new(tr!("export-browse")),
                    )
                    .clicked()
                {
                    let (tx, rx) = channel();
                    let repaint = ui.ctx().clone();
                    let folder = self.format == Format::Brat;
                    let started = std::thread::Builder::new()
                        .name("daftar-file-dialog".into())
                        .spawn(move || {
                            let d = rfd::FileDialog::new();
                            let _ = tx.send(if folder {
                                d.pick_folder()
                            } else {
                                d.save_file()
                            });
                            repaint.request_repaint();
                        });
                    if started.is_ok() {
                        self.browsing = Some(rx);
                    }
                }
            });
        });
        if self.asking {
            crate::ui::row_wrapped(ui, |ui| {
                let warn = ui.visuals().warn_fg_color;
                colored(ui, warn, tr!("export-exists", path = self.path.trim()));
                if ui.button(tr!("export-replace")).clicked() {
                    self.asking = false;
                    self.start(ws, comparison, true);
                }
                if ui.button(tr!("export-keep")).clicked() {
                    self.asking = false;
                }
            });
        }
        crate::ui::row(ui, |ui| {
            if ui
                .add_enabled(
                    !busy && !self.asking,
                    egui::Button::new(tr!("export-button")),
                )
                .clicked()
            {
                let path = PathBuf::from(self.path.trim());
                if self.path.trim().is_empty() {
                    self.outcome = Some(Err(tr!("export-error-no-path")));
                } else if self.exists(&path) {
                    self.asking = true;
                } else {
                    self.start(ws, comparison, false);
                }
            }
            if ui.button(tr!("export-close")).clicked() {
                self.open = false;
            }
        });
        if let Some(job) = &self.job {
            let done = job.progress.load(Ordering::Relaxed);
            weak(ui, tr!("export-progress", done = done, total = job.total));
        }
        match &self.outcome {
            Some(Ok(m)) => {
                label(ui, m);
            }
            Some(Err(e)) => {
                let c = ui.visuals().error_fg_color;
                colored(ui, c, e);
            }
            None => {}
        }
    }
}
