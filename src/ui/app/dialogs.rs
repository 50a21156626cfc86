//! The app's windows and dialogs: who is annotating, keyboard shortcuts,
//! problems, an interrupted load, opening a folder.

use super::*;

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

impl DaftarApp {
    /// Asked on the first tag: who is tagging (remembered, and in View).
    pub(super) fn annotator_window(&mut self, ctx: &egui::Context) {
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
    pub(super) fn shortcuts_window(&mut self, ctx: &egui::Context) {
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

    pub(super) fn problems_window(&mut self, ctx: &egui::Context) {
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
    pub(super) fn interrupted_dialog(&mut self, ctx: &egui::Context, cmds: &mut Vec<Command>) {
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

    pub(super) fn open_dialog(&mut self, ctx: &egui::Context, cmds: &mut Vec<Command>) {
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
