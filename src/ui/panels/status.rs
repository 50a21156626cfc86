//! The status bar: loading progress with cancel, then the load report
//! (articles, problems — click to list each problem and its reason).

use crate::ui::widgets::rtl_text::rtl_tooltip;
use egui::Ui;

use crate::ui::state::Command;
use crate::ui::widgets::text::{button, colored, label, weak};
use crate::workspace::{LoadState, Workspace};

pub fn status_ui(
    ui: &mut Ui,
    ws: &Workspace,
    cache: &mut crate::ui::widgets::rtl_text::LayoutCache,
    cmds: &mut Vec<Command>,
) {
    crate::ui::row(ui, |ui| {
        match &ws.state {
            LoadState::Idle => {
                ui.label(crate::tr!("status-no-folder"));
            }
            LoadState::Loading { done, total } => {
                crate::ui::widgets::busy::busy(ui);
                match total {
                    Some(t) if *t > 0 => {
                        ui.add(
                            egui::ProgressBar::new(*done as f32 / *t as f32).desired_width(200.0),
                        );
                        weak(
                            ui,
                            crate::tr!("status-files-progress", done = *done, total = *t),
                        );
                    }
                    _ => {
                        ui.label(crate::tr!("status-scanning"));
                    }
                }
                if ui.button(crate::tr!("status-cancel")).clicked() {
                    cmds.push(Command::CancelLoad);
                }
            }
            LoadState::Done(s) => {
                let secs = crate::i18n::digits(&format!("{:.2}", s.seconds));
                let stored = ws.reopened.as_ref().is_some_and(|r| r.stored > 0);
                let text = if s.cancelled {
                    crate::tr!("status-loaded-cancelled", n = s.articles, secs = &secs)
                } else if stored {
                    crate::tr!(
                        "status-loaded-stored",
                        n = s.articles,
                        secs = &secs,
                        read = s.read
                    )
                } else {
                    crate::tr!("status-loaded", n = s.articles, secs = &secs)
                };
                label(ui, text);
            }
            LoadState::Failed(e) => {
                let c = ui.visuals().error_fg_color;
                colored(ui, c, e);
            }
        }
        if !ws.problems.is_empty() {
            ui.separator();
            let text = crate::tr!("status-problems", n = ws.problems.len());
            // A link where egui draws the words right; with Persian digits
            // a button through the RTL widget.
            let resp = if crate::ui::widgets::rtl_text::egui_draws_right(&text) {
                ui.link(text)
            } else {
                button(ui, &text)
            };
            if resp.clicked() {
                cmds.push(Command::ToggleProblems);
            }
        }
        match &ws.index_state {
            crate::workspace::IndexState::Ready(note) => {
                ui.separator();
                let mut text = crate::tr!(
                    "status-index-report",
                    added = note.added,
                    updated = note.updated,
                    removed = note.removed,
                    unchanged = note.unchanged
                );
                if let Some(why) = &note.rebuilt {
                    text = format!("{why}; {text}");
                }
                weak(ui, text);
            }
            crate::workspace::IndexState::Building { done, to_read } if *to_read > 0 => {
                ui.separator();
                ui.add(egui::ProgressBar::new(*done as f32 / *to_read as f32).desired_width(160.0));
                weak(
                    ui,
                    crate::tr!("status-indexing", done = *done, total = *to_read),
                );
                if let Some((rate, eta)) = ws.index_rate() {
                    let rate = crate::i18n::digits(&format!("{rate:.0}"));
                    let eta = crate::i18n::digits(&format!("{eta:.0}"));
                    weak(
                        ui,
                        crate::tr!("status-index-rate", rate = &rate, eta = &eta),
                    );
                }
                if ui.button(crate::tr!("status-stop-indexing")).clicked() {
                    cmds.push(Command::CancelLoad);
                }
            }
            crate::workspace::IndexState::Failed(e) => {
                ui.separator();
                let c = ui.visuals().error_fg_color;
                colored(ui, c, crate::tr!("status-index-failed", error = e));
            }
            _ => {}
        }
        if ws.annotations.unusable() {
            ui.separator();
            let why = ws.annotations.note.clone().unwrap_or_default();
            ui.colored_label(
                ui.visuals().error_fg_color,
                crate::tr!("status-annotations-unreadable"),
            )
            .on_hover_ui(|ui| rtl_tooltip(ui, cache, &why));
            if ui
                .button(crate::tr!("status-start-annotations-anew"))
                .on_hover_ui(|ui| rtl_tooltip(ui, cache, &why))
                .clicked()
            {
                cmds.push(Command::StartAnnotationsAnew);
            }
        }
        if let Some(n) = &ws.watch_note {
            ui.separator();
            weak(ui, n);
        }
        if let Some(why) = &ws.store_note {
            // (Said, with the reason on hover: nothing is lost, but the
            // next open reads every file again.)
            ui.separator();
            let c = ui.visuals().warn_fg_color;
            ui.colored_label(c, crate::tr!("status-store-not-saved"))
                .on_hover_ui(|ui| rtl_tooltip(ui, cache, why));
        }
        // The folder through the RTL widget: «/tmp/پیکره آزمون», not its
        // Persian letters backwards; as wide as it is.
        if let Some(f) = &ws.folder {
            ui.separator();
            let path = f.display().to_string();
            crate::ui::widgets::rtl_text::fitted(
                ui,
                cache,
                &path,
                egui::FontId::proportional(13.0),
            )
            .color(ui.visuals().weak_text_color())
            .show(ui, cache);
        }
    });
}
