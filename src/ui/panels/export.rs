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
    fn label(self) -> &'static str {
        match self {
            Kind::Passages => "Tagged passages",
            Kind::Statements => "Statements (current filter)",
            Kind::Comparison => "The comparison",
            Kind::Hits => "Every match of the search",
            Kind::Articles => "Articles with their metadata",
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
                    self.outcome = Some(Err("compare two sides first (Compare view)".into()));
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
                let mut m = format!(
                    "Wrote {} {} from {} articles to {} ({secs:.1} s)",
                    w.items,
                    self.kind.what().as_str(),
                    w.sources,
                    w.path.display()
                );
                if w.left_out > 0 {
                    m.push_str(&format!(
                        " ({} orphaned passages left out: fix them in the Passages view)",
                        w.left_out
                    ));
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
                None => {
                    self.outcome = Some(Err(
                        "No file chosen (or no file chooser on this desktop): type the path."
                            .into(),
                    ))
                }
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
        egui::Window::new("Export")
            .open(&mut open)
            .collapsible(false)
            .resizable(false)
            .show(ui.ctx(), |ui| self.form(ui, ws, cache, &comparison));
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
            egui::ComboBox::new("export-kind", "Export")
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
                    let every = "every tag";
                    let chosen = self.tag.clone().unwrap_or_else(|| every.into());
                    rtl_combo(
                        ui,
                        cache,
                        "export-tag",
                        "Tag",
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
                    let everyone = "everyone";
                    let chosen = self.annotator.clone().unwrap_or_else(|| everyone.into());
                    let annotators = ws.annotations.passages();
                    rtl_combo(
                        ui,
                        cache,
                        "export-annotator",
                        "Annotator",
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
                    ui.checkbox(&mut self.in_filter, "Only articles in the current filter");
                }
                Kind::Articles => {
                    ui.checkbox(&mut self.in_filter, "Only articles in the current filter");
                }
                Kind::Comparison if comparison.is_none() => {
                    ui.colored_label(
                        ui.visuals().warn_fg_color,
                        "Compare two sides first (Compare view).",
                    );
                }
                Kind::Comparison => {}
                Kind::Hits if ws.search.query.trim().is_empty() => {
                    ui.colored_label(ui.visuals().warn_fg_color, "Type a search first.");
                }
                Kind::Statements | Kind::Hits => {}
            }
            let before = self.format;
            egui::ComboBox::new("export-format", "Format")
                .selected_text(self.format.label())
                .show_ui(ui, |ui| {
                    for f in Format::ALL {
                        ui.selectable_value(&mut self.format, f, f.label());
                    }
                });
            if self.format != before {
                self.fit_extension();
                self.asking = false;
            }
            ui.weak(match self.format {
                Format::Brat => {
                    "A folder: a .txt and an .ann per article, annotation.conf, visual.conf."
                }
                Format::WebAnno => "The articles' texts are written beside it, in NAME-texts/.",
                Format::Csv => "UTF-8 with a byte-order mark, for spreadsheet programs.",
                _ => "Offsets count Unicode characters; line breaks are \\n.",
            });
            ui.horizontal(|ui| {
                let label = ui.label("Save to");
                let edit = ui
                    .add(BidiEdit::singleline(&mut self.path).desired_width(360.0))
                    .labelled_by(label.id);
                if edit.changed() {
                    self.asking = false;
                }
                if ui
                    .add_enabled(self.browsing.is_none(), egui::Button::new("Browse…"))
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
            ui.horizontal_wrapped(|ui| {
                ui.colored_label(
                    ui.visuals().warn_fg_color,
                    format!("{} exists. Replace it?", self.path.trim()),
                );
                if ui.button("Replace").clicked() {
                    self.asking = false;
                    self.start(ws, comparison, true);
                }
                if ui.button("Keep it").clicked() {
                    self.asking = false;
                }
            });
        }
        ui.horizontal(|ui| {
            if ui
                .add_enabled(!busy && !self.asking, egui::Button::new("Export"))
                .clicked()
            {
                let path = PathBuf::from(self.path.trim());
                if self.path.trim().is_empty() {
                    self.outcome = Some(Err("type where to save the export".into()));
                } else if self.exists(&path) {
                    self.asking = true;
                } else {
                    self.start(ws, comparison, false);
                }
            }
            if ui.button("Close").clicked() {
                self.open = false;
            }
        });
        if let Some(job) = &self.job {
            let done = job.progress.load(Ordering::Relaxed);
            ui.weak(format!("Exporting… {done} / {} articles", job.total));
        }
        match &self.outcome {
            Some(Ok(m)) => {
                ui.label(m);
            }
            Some(Err(e)) => {
                ui.colored_label(ui.visuals().error_fg_color, e);
            }
            None => {}
        }
    }
}
