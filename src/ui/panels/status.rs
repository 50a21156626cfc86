//! The status bar: loading progress with cancel, then the load report
//! (articles, problems — click to list each problem and its reason).

use crate::ui::widgets::rtl_text::rtl_tooltip;
use egui::Ui;

use crate::ui::app::Command;
use crate::workspace::{LoadState, Workspace};

pub fn status_ui(
    ui: &mut Ui,
    ws: &Workspace,
    cache: &mut crate::ui::widgets::rtl_text::LayoutCache,
    cmds: &mut Vec<Command>,
) {
    ui.horizontal(|ui| {
        match &ws.state {
            LoadState::Idle => {
                ui.label("No folder open");
            }
            LoadState::Loading { done, total } => {
                ui.spinner();
                match total {
                    Some(t) if *t > 0 => {
                        ui.add(
                            egui::ProgressBar::new(*done as f32 / *t as f32)
                                .desired_width(200.0)
                                .text(format!("{done} / {t} files")),
                        );
                    }
                    _ => {
                        ui.label("Scanning the folder…");
                    }
                }
                if ui.button("Cancel").clicked() {
                    cmds.push(Command::CancelLoad);
                }
            }
            LoadState::Done(s) => {
                ui.label(format!(
                    "{} articles loaded in {:.2} s{}",
                    s.articles,
                    s.seconds,
                    if s.cancelled { " (cancelled)" } else { "" }
                ));
            }
            LoadState::Failed(e) => {
                ui.colored_label(ui.visuals().error_fg_color, e);
            }
        }
        if !ws.problems.is_empty() {
            ui.separator();
            let text = format!(
                "{} problem{}",
                ws.problems.len(),
                if ws.problems.len() == 1 { "" } else { "s" }
            );
            if ui.link(text).clicked() {
                cmds.push(Command::ToggleProblems);
            }
        }
        match &ws.index_state {
            crate::workspace::IndexState::Ready(note) => {
                ui.separator();
                ui.weak(note);
            }
            crate::workspace::IndexState::Building { done, to_read } if *to_read > 0 => {
                ui.separator();
                ui.add(
                    egui::ProgressBar::new(*done as f32 / *to_read as f32)
                        .desired_width(160.0)
                        .text(format!("indexing {done} / {to_read}")),
                );
                if let Some((rate, eta)) = ws.index_rate() {
                    ui.weak(format!("{rate:.0} articles/s, {eta:.0} s left"));
                }
                if ui.button("Stop indexing").clicked() {
                    cmds.push(Command::CancelLoad);
                }
            }
            crate::workspace::IndexState::Failed(e) => {
                ui.separator();
                ui.colored_label(ui.visuals().error_fg_color, format!("search index: {e}"));
            }
            _ => {}
        }
        if ws.annotations.unusable() {
            ui.separator();
            let why = ws.annotations.note.clone().unwrap_or_default();
            ui.colored_label(
                ui.visuals().error_fg_color,
                "Annotations cannot be read: read-only",
            )
            .on_hover_ui(|ui| rtl_tooltip(ui, cache, &why));
            if ui
                .button("Set the broken files aside and start anew")
                .on_hover_ui(|ui| rtl_tooltip(ui, cache, &why))
                .clicked()
            {
                cmds.push(Command::StartAnnotationsAnew);
            }
        }
        if let Some(n) = &ws.watch_note {
            ui.separator();
            ui.weak(n);
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
