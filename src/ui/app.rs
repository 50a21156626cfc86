//! The application shell: loads the folder on a background thread and
//! lists what it found. The right-to-left reader comes with its own widget
//! (see the reader issue); until then only Latin-script data is drawn.

use std::path::PathBuf;
use std::sync::mpsc::{Receiver, channel};

use crate::corpus::{LoadEvent, LoadOptions, Problem, load_folder};

struct Row {
    path: String,
    jalali: String,
    gregorian: String,
    provenance: String,
    warnings: usize,
}

enum Msg {
    Event(LoadEvent),
    Done(Result<crate::corpus::LoadSummary, String>),
}

pub struct DaftarApp {
    folder: PathBuf,
    rows: Vec<Row>,
    problems: Vec<Problem>,
    total: usize,
    done: Option<Result<crate::corpus::LoadSummary, String>>,
    rx: Receiver<Msg>,
    opts: LoadOptions,
    show_problems: bool,
}

impl DaftarApp {
    pub fn new(cc: &eframe::CreationContext<'_>, folder: PathBuf) -> Self {
        let (tx, rx) = channel();
        let opts = LoadOptions::default();
        let ctx = cc.egui_ctx.clone();
        let root = folder.clone();
        let thread_opts = opts.clone();
        let spawned = std::thread::Builder::new()
            .name("daftar-load".into())
            .spawn(move || {
                let result = load_folder(&root, &thread_opts, |ev| {
                    let _ = tx.send(Msg::Event(ev));
                    ctx.request_repaint();
                });
                let _ = tx.send(Msg::Done(result.map_err(|e| e.to_string())));
                ctx.request_repaint();
            });
        let done = spawned
            .err()
            .map(|e| Err(format!("cannot start the loading thread: {e}")));
        DaftarApp {
            folder,
            rows: Vec::new(),
            problems: Vec::new(),
            total: 0,
            done,
            rx,
            opts,
            show_problems: false,
        }
    }
}

impl eframe::App for DaftarApp {
    fn logic(&mut self, _ctx: &egui::Context, _frame: &mut eframe::Frame) {
        let budget = std::time::Instant::now();
        while budget.elapsed().as_millis() < 4 {
            match self.rx.try_recv() {
                Ok(Msg::Event(LoadEvent::Scanned { total })) => self.total = total,
                Ok(Msg::Event(LoadEvent::Article(a))) => {
                    let (jalali, gregorian, provenance) = match &a.date {
                        Some(d) => (
                            d.day.jalali().to_string(),
                            d.day.to_string(),
                            format!("{:?}", d.provenance).to_lowercase(),
                        ),
                        None => ("-".into(), "-".into(), "-".into()),
                    };
                    self.rows.push(Row {
                        path: a.path,
                        jalali,
                        gregorian,
                        provenance,
                        warnings: a.warnings.len(),
                    });
                }
                Ok(Msg::Event(LoadEvent::Problem(p))) => self.problems.push(p),
                Ok(Msg::Done(r)) => self.done = Some(r),
                Err(_) => break,
            }
        }
    }

    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        egui::Panel::bottom("status").show(ui, |ui| {
            ui.horizontal(|ui| match &self.done {
                None => {
                    let done = self.rows.len() + self.problems.len();
                    ui.spinner();
                    ui.label(format!("Loading {done} / {} files", self.total));
                    if ui.button("Cancel").clicked() {
                        self.opts
                            .cancel
                            .store(true, std::sync::atomic::Ordering::Relaxed);
                    }
                }
                Some(Ok(s)) => {
                    ui.label(format!(
                        "{} articles in {:.2} s{}",
                        s.articles,
                        s.seconds,
                        if s.cancelled { " (cancelled)" } else { "" }
                    ));
                    if !self.problems.is_empty()
                        && ui
                            .link(format!("{} problems", self.problems.len()))
                            .clicked()
                    {
                        self.show_problems = !self.show_problems;
                    }
                }
                Some(Err(e)) => {
                    ui.colored_label(ui.visuals().error_fg_color, e);
                }
            });
        });
        egui::CentralPanel::default().show(ui, |ui| {
            ui.heading(self.folder.display().to_string());
            if self.show_problems {
                for p in &self.problems {
                    ui.label(format!("{}: {}", p.path, p.reason));
                }
                ui.separator();
            }
            let row_h = ui.text_style_height(&egui::TextStyle::Body);
            egui::ScrollArea::vertical().show_rows(ui, row_h, self.rows.len(), |ui, range| {
                for row in &self.rows[range] {
                    ui.horizontal(|ui| {
                        ui.monospace(format!(
                            "{}  {}  {:<9}  {}",
                            row.jalali, row.gregorian, row.provenance, row.path
                        ));
                        if row.warnings > 0 {
                            ui.weak(format!("{} warnings", row.warnings));
                        }
                    });
                }
            });
        });
    }
}
