//! The entity sidebar: people, places and organisations of the articles in
//! the current filter (time range, search), with article and mention
//! counts, a variant-insensitive filter box and sorting; a click selects an
//! entity (the list narrows to it, the reader marks it, the timeline shows
//! it over time) and shows what co-occurs with it. Curation (rename, kind,
//! alias, merge, not an entity, add from the reader's selection) pushes
//! commands; counts are computed on a worker thread.

use crate::ui::widgets::bidi_edit::BidiEdit;
use std::sync::Arc;

use egui::{FontId, Ui};

use crate::dates::Day;
use crate::extract::gazetteer::joined_key;
use crate::extract::{Edit, EntityKind, EntityRef, EntityRow, EntitySummary, Mention};
use crate::jobs::Latest;
use crate::ui::app::Command;
use crate::ui::widgets::rtl_text::{LayoutCache, RtlText, natural_width};
use crate::workspace::Workspace;

/// What the counts were computed from: article set, gazetteer generation,
/// time range, search generation (when its matches are known), selection.
type SummaryKey = (
    (u64, usize),
    u64,
    Option<(Day, Day)>,
    Option<u64>,
    Option<EntityRef>,
);

#[derive(Default)]
pub struct EntityPanel {
    summary: Latest<SummaryKey, EntitySummary>,
    filter: String,
    by_name: bool,
    curation: Curation,
}

/// The curation controls' state.
#[derive(Default)]
struct Curation {
    /// The text field (new name, alias, merge target).
    edit_text: String,
    /// Kind for an entity added from the reader's selection.
    add_kind: EntityKind,
}

fn kind_label(k: EntityKind) -> &'static str {
    match k {
        EntityKind::Person => "People",
        EntityKind::Place => "Places",
        EntityKind::Org => "Organisations",
    }
}

/// One line of the list: a kind's header or an entity (row index).
enum Line {
    Header(EntityKind, usize),
    Row(usize),
}

impl EntityPanel {
    /// Whether counts are being computed.
    pub fn is_counting(&self) -> bool {
        self.summary.is_busy()
    }

    /// The counts last computed.
    pub fn summary(&self) -> Option<&EntitySummary> {
        self.summary.current().map(|(_, s)| s)
    }

    pub fn ui(
        &mut self,
        ui: &mut Ui,
        ws: &Workspace,
        selection: Option<&str>,
        cache: &mut LayoutCache,
        cmds: &mut Vec<Command>,
    ) {
        let ents = &ws.entities;
        let hits = ws
            .search
            .hit_paths
            .as_ref()
            .filter(|_| !ws.search.query.trim().is_empty());
        let key: SummaryKey = (
            ws.article_set(),
            ents.generation,
            ws.range,
            hits.map(|_| ws.search.generation),
            ents.selected.clone(),
        );
        let ctx = ui.ctx().clone();
        self.summary.get(
            &key,
            || {
                // The articles in the filter (range, search), not the
                // entity selection itself.
                let range = ws.range;
                let sets: Vec<Arc<[Mention]>> = ws
                    .articles
                    .iter()
                    .filter(|a| match range {
                        Some((from, to)) => a
                            .date
                            .as_ref()
                            .is_some_and(|d| d.day >= from && d.day <= to),
                        None => true,
                    })
                    .filter(|a| hits.is_none_or(|h| h.contains(&a.path)))
                    .map(|a| a.mentions.clone())
                    .collect();
                let g = ents.gazetteer.clone();
                let selected = ents.selected.clone();
                move || EntitySummary::of(&g, sets.iter().map(|m| &m[..]), selected.as_ref(), 8)
            },
            move || ctx.request_repaint(),
        );
        let summary = self.summary.current().map(|(_, s)| s);

        ui.horizontal(|ui| {
            ui.strong("Entities");
            if let Some(s) = summary {
                ui.weak(format!("{} in {} articles", s.rows.len(), s.articles));
            }
            if self.summary.is_busy() || ents.is_rematching() {
                // A word, not a spinner: no repaint every frame while a
                // worker counts (it wakes the window when done).
                ui.weak("counting…");
            } else if let Some(e) = self.summary.failure() {
                ui.colored_label(ui.visuals().error_fg_color, format!("counting failed: {e}"));
            }
        });
        // Sort buttons at the right, the filter box takes what is left (a
        // box sized from the width before the buttons would widen the
        // panel a little every frame).
        let row = egui::vec2(ui.available_width(), ui.spacing().interact_size.y);
        ui.allocate_ui_with_layout(
            row,
            egui::Layout::right_to_left(egui::Align::Center),
            |ui| {
                if ui.selectable_label(self.by_name, "Name").clicked() {
                    self.by_name = true;
                }
                if ui
                    .selectable_label(!self.by_name, "Count")
                    .on_hover_text("Most articles first")
                    .clicked()
                {
                    self.by_name = false;
                }
                ui.add(
                    BidiEdit::singleline(&mut self.filter)
                        .hint_text("Filter names")
                        .desired_width(ui.available_width()),
                );
            },
        );
        if let Some(note) = &ents.note {
            ui.colored_label(ui.visuals().warn_fg_color, note);
        }
        let Some(summary) = summary else {
            ui.weak("Counting…");
            return;
        };
        let size = 15.0;

        // The selected entity: counts, co-occurring ones and curation.
        if let Some(sel) = &ents.selected {
            let row = summary.rows.iter().find(|r| &r.entity == sel);
            ui.separator();
            if let Some(name) = ents.selected_name() {
                RtlText::new(&name.name, crate::ui::fonts::bold(size * 1.1))
                    .width(ui.available_width())
                    .show(ui, cache);
                if let Some(role) = row.and_then(|r| r.role.as_deref()) {
                    RtlText::new(role, FontId::proportional(size * 0.9))
                        .color(ui.visuals().weak_text_color())
                        .width(ui.available_width())
                        .show(ui, cache);
                }
                ui.horizontal(|ui| {
                    // A candidate says what introduced it.
                    let evidence = row
                        .filter(|r| !r.evidence.is_empty())
                        .map(|r| {
                            let kinds: Vec<&str> = r.evidence.iter().map(|e| e.as_str()).collect();
                            format!(" ({})", kinds.join(", "))
                        })
                        .unwrap_or_default();
                    ui.weak(format!(
                        "{}{}",
                        name.kind.as_str(),
                        if name.candidate {
                            format!(", candidate{evidence}")
                        } else {
                            String::new()
                        }
                    ));
                    if let Some(r) = row {
                        ui.weak(format!("{} articles, {} mentions", r.articles, r.mentions));
                    }
                    if ui.small_button("Clear").clicked() {
                        cmds.push(Command::SelectEntity(None));
                    }
                });
                self.curation
                    .ui(ui, &name.name, name.kind, name.candidate, cmds);
            }
            if !summary.co_occurring.is_empty() {
                ui.weak("Most often with:");
                for &(i, n) in &summary.co_occurring {
                    let r = &summary.rows[i];
                    let resp = ui
                        .horizontal(|ui| {
                            ui.weak(format!("{n}"));
                            RtlText::new(&r.name.name, FontId::proportional(size))
                                .width(ui.available_width())
                                .sense(egui::Sense::click())
                                .show(ui, cache)
                                .response
                        })
                        .inner;
                    if resp.clicked() {
                        cmds.push(Command::SelectEntity(Some(r.entity.clone())));
                    }
                }
            }
        }
        // A passage selected in the reader can become an entity.
        if let Some(text) = selection
            .map(str::trim)
            .filter(|t| !t.is_empty() && t.chars().count() <= 60 && !t.contains('\n'))
        {
            ui.separator();
            ui.horizontal(|ui| {
                ui.weak("Selected:");
                RtlText::new(text, FontId::proportional(size))
                    .width(ui.available_width())
                    .show(ui, cache);
            });
            // Wrapped, so the panel never widens when a selection appears.
            ui.horizontal_wrapped(|ui| {
                let add_kind = &mut self.curation.add_kind;
                egui::ComboBox::new("add-kind", "Kind of the new entity")
                    .selected_text(add_kind.as_str())
                    .show_ui(ui, |ui| {
                        for k in EntityKind::ALL {
                            ui.selectable_value(add_kind, k, k.as_str());
                        }
                    });
                if ui.button("Add as entity").clicked() {
                    cmds.push(Command::Curate(Edit::Add {
                        name: text.to_string(),
                        kind: *add_kind,
                        aliases: Vec::new(),
                    }));
                }
            });
        }
        ui.separator();

        // The list, grouped by kind, filtered, virtualised.
        let want = joined_key(&self.filter);
        let matches = |r: &EntityRow| {
            want.is_empty()
                || joined_key(&r.name.name).contains(&want)
                || r.aliases.iter().any(|a| joined_key(a).contains(&want))
        };
        let mut lines: Vec<Line> = Vec::new();
        for kind in EntityKind::ALL {
            let mut rows: Vec<usize> = (0..summary.rows.len())
                .filter(|&i| summary.rows[i].name.kind == kind && matches(&summary.rows[i]))
                .collect();
            if rows.is_empty() {
                continue;
            }
            if self.by_name {
                rows.sort_by_cached_key(|&i| crate::text::search_key(&summary.rows[i].name.name));
            }
            lines.push(Line::Header(kind, rows.len()));
            lines.extend(rows.into_iter().map(Line::Row));
        }
        let row_h = size * 1.9;
        egui::ScrollArea::vertical()
            .auto_shrink([false, false])
            .show_rows(ui, row_h, lines.len(), |ui, range| {
                for line in &lines[range] {
                    match line {
                        Line::Header(k, n) => {
                            ui.add_sized([ui.available_width(), row_h], |ui: &mut Ui| {
                                ui.strong(format!("{} ({n})", kind_label(*k)))
                            });
                        }
                        Line::Row(i) => {
                            let r = &summary.rows[*i];
                            let selected = ents.selected.as_ref() == Some(&r.entity);
                            let resp = entity_row(ui, r, selected, row_h, size, cache);
                            if resp.clicked() {
                                cmds.push(Command::SelectEntity(
                                    (!selected).then(|| r.entity.clone()),
                                ));
                            }
                        }
                    }
                }
            });
    }
}

impl Curation {
    /// Rename, kind, alias, merge, not an entity.
    fn ui(
        &mut self,
        ui: &mut Ui,
        name: &str,
        kind: EntityKind,
        candidate: bool,
        cmds: &mut Vec<Command>,
    ) {
        ui.horizontal(|ui| {
            let mut k = kind;
            egui::ComboBox::new("entity-kind", "Kind")
                .selected_text(k.as_str())
                .show_ui(ui, |ui| {
                    for option in EntityKind::ALL {
                        ui.selectable_value(&mut k, option, option.as_str());
                    }
                });
            if k != kind || (candidate && ui.button("Confirm").clicked()) {
                cmds.push(Command::Curate(Edit::Kind {
                    entity: name.to_string(),
                    kind: k,
                }));
            }
            if ui.button("Not an entity").clicked() {
                cmds.push(Command::Curate(Edit::NotEntity {
                    name: name.to_string(),
                }));
            }
        });
        let label = ui.weak("Other name, new name or entity to merge into:");
        ui.add(BidiEdit::singleline(&mut self.edit_text).desired_width(ui.available_width()))
            .labelled_by(label.id);
        let text = self.edit_text.trim().to_string();
        ui.add_enabled_ui(!text.is_empty(), |ui| {
            ui.horizontal(|ui| {
                let mut edit = None;
                if ui.button("Add alias").clicked() {
                    edit = Some(Edit::Alias {
                        entity: name.to_string(),
                        alias: text.clone(),
                    });
                }
                if ui.button("Rename").clicked() {
                    edit = Some(Edit::Rename {
                        from: name.to_string(),
                        to: text.clone(),
                    });
                }
                if ui.button("Merge into").clicked() {
                    edit = Some(Edit::Merge {
                        from: name.to_string(),
                        into: text.clone(),
                    });
                }
                if let Some(e) = edit {
                    cmds.push(Command::Curate(e));
                    self.edit_text.clear();
                }
            });
        });
    }
}

/// One entity: counts on the left, the name right-aligned.
fn entity_row(
    ui: &mut Ui,
    r: &EntityRow,
    selected: bool,
    row_h: f32,
    size: f32,
    cache: &mut LayoutCache,
) -> egui::Response {
    let (rect, resp) = ui.allocate_exact_size(
        egui::vec2(ui.available_width(), row_h),
        egui::Sense::click(),
    );
    let label = format!(
        "{}{}{}: {} articles, {} mentions",
        r.name.name,
        r.role
            .as_deref()
            .map_or_else(String::new, |role| format!(" — {role}")),
        if r.name.candidate { " (candidate)" } else { "" },
        r.articles,
        r.mentions
    );
    resp.widget_info(|| egui::WidgetInfo::selected(egui::Role::Button, true, selected, &label));
    crate::ui::widgets::rtl_text::drawn_by_layout(ui.ctx(), resp.id);
    if selected {
        ui.painter()
            .rect_filled(rect, 2.0, ui.visuals().selection.bg_fill);
    } else if resp.hovered() {
        ui.painter()
            .rect_filled(rect, 2.0, ui.visuals().widgets.hovered.weak_bg_fill);
    }
    let weak = ui.visuals().weak_text_color();
    let counts = ui.painter().text(
        rect.left_center() + egui::vec2(4.0, 0.0),
        egui::Align2::LEFT_CENTER,
        format!("{} · {}", r.articles, r.mentions),
        FontId::proportional(size * 0.8),
        weak,
    );
    let mut child = ui.new_child(
        egui::UiBuilder::new()
            .max_rect(rect.shrink2(egui::vec2(4.0, 2.0)))
            .layout(egui::Layout::right_to_left(egui::Align::Center)),
    );
    // The name as wide as it is (at most most of the row), then its role,
    // smaller, in what room is left («صالحی‌نیا  رئیس‌کل بانک مرکزی»).
    let font = FontId::proportional(size);
    let max = rect.width() * 0.7;
    let width = match &r.role {
        Some(_) => (natural_width(ui, cache, &r.name.name, &font) + 2.0).min(max),
        None => max,
    };
    let mut name = RtlText::new(&r.name.name, font).width(width).max_lines(1);
    if r.name.candidate {
        name = name.color(weak);
    }
    name.show(&mut child, cache);
    // (Between the counts and the name, with a gap each side.)
    let gap = child.spacing().item_spacing.x + 8.0;
    let room = rect.right() - 4.0 - width - gap - counts.right();
    if let Some(role) = &r.role
        && room > 40.0
    {
        RtlText::new(role, FontId::proportional(size * 0.75))
            .color(weak)
            .width(room)
            .max_lines(1)
            .show(&mut child, cache);
    }
    resp
}
