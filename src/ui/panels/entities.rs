//! The entity sidebar: people, places and organisations of the articles in
//! the current filter (time range, search), with article and mention
//! counts, a variant-insensitive filter box and sorting; a click selects an
//! entity (the list narrows to it, the reader marks it, the timeline shows
//! it over time) and shows what co-occurs with it. Curation (rename, kind,
//! alias, merge, not an entity, add from the reader's selection) pushes
//! commands; counts are computed on a worker thread.

use crate::ui::widgets::bidi_edit::BidiEdit;

use egui::{FontId, Ui};

use crate::dates::Day;
use crate::extract::gazetteer::joined_key;
use crate::extract::{Edit, EntityKind, EntityRef, EntityRow, EntitySummary, Evidence, Findings};
use crate::jobs::Latest;
use crate::tr;
use crate::ui::state::Command;
use crate::ui::widgets::rtl_text::{LayoutCache, RtlText, natural_width};
use crate::ui::widgets::text::{colored, strong, weak};
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

/// How often the sidebar counts again while a folder loads.
const COUNT_WHILE_LOADING_EVERY: std::time::Duration = std::time::Duration::from_secs(5);

#[derive(Default)]
pub struct EntityPanel {
    summary: Latest<SummaryKey, EntitySummary>,
    /// When counting last started while a folder loads (the counts of a
    /// growing corpus are taken again every few seconds, not per batch).
    counted_while_loading: Option<std::time::Instant>,
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

/// A kind's heading in the list («People»).
fn kind_label(k: EntityKind) -> String {
    match k {
        EntityKind::Person => tr!("entities-kind-people"),
        EntityKind::Place => tr!("entities-kind-places"),
        EntityKind::Org => tr!("entities-kind-orgs"),
    }
}

/// A kind as the window names one entity of it («person»; in English the
/// same word as `EntityKind::as_str`, which stays the files' and CLI's).
fn kind_name(k: EntityKind) -> String {
    match k {
        EntityKind::Person => tr!("entities-kind-person"),
        EntityKind::Place => tr!("entities-kind-place"),
        EntityKind::Org => tr!("entities-kind-org"),
    }
}

/// What introduced a candidate, in words («honorific»).
fn evidence_name(e: Evidence) -> String {
    match e {
        Evidence::Honorific => tr!("entities-evidence-honorific"),
        Evidence::Role => tr!("entities-evidence-role"),
        Evidence::Says => tr!("entities-evidence-says"),
        Evidence::FamilyName => tr!("entities-evidence-family-name"),
        Evidence::HeadNoun => tr!("entities-evidence-head-noun"),
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
            ents.selected,
        );
        let ctx = ui.ctx().clone();
        let wait = ws.is_loading()
            && self.summary.current().is_some()
            && self
                .counted_while_loading
                .is_some_and(|t| t.elapsed() < COUNT_WHILE_LOADING_EVERY);
        if ws.is_loading() && !wait && !self.summary.is_busy() {
            self.counted_while_loading = Some(std::time::Instant::now());
        }
        if !wait {
            self.summary.get(
                &key,
                || {
                    // The articles in the filter (range, search), not the
                    // entity selection itself.
                    let range = ws.range;
                    let sets: Vec<Findings> = ws
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
                        .map(|a| a.found.clone())
                        .collect();
                    let g = ents.gazetteer.clone();
                    let selected = ents.selected;
                    move || EntitySummary::of_findings(&g, &sets, selected.as_ref(), 8)
                },
                crate::ui::job_done(&ctx, ws),
            );
        }
        let summary = self.summary.current().map(|(_, s)| s);

        crate::ui::row(ui, |ui| {
            ui.strong(tr!("entities-title"));
            if let Some(s) = summary {
                weak(
                    ui,
                    tr!("entities-count", n = s.rows.len(), articles = s.articles),
                );
            }
            if self.summary.is_busy() || ents.is_rematching() {
                // A word, not a spinner: no repaint every frame while a
                // worker counts (it wakes the window when done).
                ui.weak(tr!("entities-counting-busy"));
            } else if let Some(e) = self.summary.failure() {
                let c = ui.visuals().error_fg_color;
                colored(ui, c, tr!("entities-counting-failed", error = e));
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
                if ui
                    .selectable_label(self.by_name, tr!("entities-sort-name"))
                    .clicked()
                {
                    self.by_name = true;
                }
                if ui
                    .selectable_label(!self.by_name, tr!("entities-sort-count"))
                    .on_hover_text(tr!("entities-sort-count-tip"))
                    .clicked()
                {
                    self.by_name = false;
                }
                let hint = tr!("entities-filter-hint");
                ui.add(
                    BidiEdit::singleline(&mut self.filter)
                        .hint_text(&hint)
                        .desired_width(ui.available_width()),
                );
            },
        );
        if let Some(note) = &ents.note {
            ui.colored_label(ui.visuals().warn_fg_color, note);
        }
        let Some(summary) = summary else {
            ui.weak(tr!("entities-counting"));
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
                crate::ui::row(ui, |ui| {
                    // A candidate says what introduced it.
                    let evidence = row.filter(|r| !r.evidence.is_empty()).map(|r| {
                        let kinds: Vec<String> =
                            r.evidence.iter().map(|e| evidence_name(*e)).collect();
                        kinds.join(tr!("entities-list-separator").as_str())
                    });
                    let kind = kind_name(name.kind);
                    let what = match (name.candidate, &evidence) {
                        (false, _) => kind,
                        (true, None) => tr!("entities-kind-candidate", kind = &kind),
                        (true, Some(ev)) => tr!(
                            "entities-kind-candidate-evidence",
                            kind = &kind,
                            evidence = ev
                        ),
                    };
                    weak(ui, what);
                    if let Some(r) = row {
                        weak(
                            ui,
                            tr!(
                                "entities-articles-mentions",
                                articles = r.articles,
                                mentions = r.mentions
                            ),
                        );
                    }
                    if ui.small_button(tr!("entities-clear")).clicked() {
                        cmds.push(Command::SelectEntity(None));
                    }
                });
                self.curation
                    .ui(ui, &name.name, name.kind, name.candidate, cmds);
            }
            if !summary.co_occurring.is_empty() {
                ui.weak(tr!("entities-most-often-with"));
                for &(i, n) in &summary.co_occurring {
                    let r = &summary.rows[i];
                    let resp = crate::ui::row(ui, |ui| {
                        weak(ui, crate::i18n::num(n));
                        RtlText::new(&r.name.name, FontId::proportional(size))
                            .width(ui.available_width())
                            .sense(egui::Sense::click())
                            .show(ui, cache)
                            .response
                    })
                    .inner;
                    if resp.clicked() {
                        cmds.push(Command::SelectEntity(Some(r.entity)));
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
            crate::ui::row(ui, |ui| {
                ui.weak(tr!("entities-selected"));
                RtlText::new(text, FontId::proportional(size))
                    .width(ui.available_width())
                    .show(ui, cache);
            });
            // Wrapped, so the panel never widens when a selection appears.
            crate::ui::row_wrapped(ui, |ui| {
                let add_kind = &mut self.curation.add_kind;
                egui::ComboBox::new("add-kind", tr!("entities-new-kind"))
                    .selected_text(kind_name(*add_kind))
                    .show_ui(ui, |ui| {
                        for k in EntityKind::ALL {
                            ui.selectable_value(add_kind, k, kind_name(k));
                        }
                    });
                if ui.button(tr!("entities-add")).clicked() {
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
                rows.sort_by_cached_key(|&i| crate::text::sort_key(&summary.rows[i].name.name));
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
                            let head = tr!("entities-group", kind = &kind_label(*k), n = *n);
                            ui.add_sized([ui.available_width(), row_h], |ui: &mut Ui| {
                                strong(ui, &head)
                            });
                        }
                        Line::Row(i) => {
                            let r = &summary.rows[*i];
                            let selected = ents.selected.as_ref() == Some(&r.entity);
                            let resp = entity_row(ui, r, selected, row_h, size, cache);
                            if resp.clicked() {
                                cmds.push(Command::SelectEntity((!selected).then_some(r.entity)));
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
        crate::ui::row(ui, |ui| {
            let mut k = kind;
            egui::ComboBox::new("entity-kind", tr!("entities-kind"))
                .selected_text(kind_name(k))
                .show_ui(ui, |ui| {
                    for option in EntityKind::ALL {
                        ui.selectable_value(&mut k, option, kind_name(option));
                    }
                });
            if k != kind || (candidate && ui.button(tr!("entities-confirm")).clicked()) {
                cmds.push(Command::Curate(Edit::Kind {
                    entity: name.to_string(),
                    kind: k,
                }));
            }
            if ui.button(tr!("entities-not-entity")).clicked() {
                cmds.push(Command::Curate(Edit::NotEntity {
                    name: name.to_string(),
                }));
            }
        });
        let label = ui.weak(tr!("entities-edit-label"));
        ui.add(BidiEdit::singleline(&mut self.edit_text).desired_width(ui.available_width()))
            .labelled_by(label.id);
        let text = self.edit_text.trim().to_string();
        ui.add_enabled_ui(!text.is_empty(), |ui| {
            crate::ui::row(ui, |ui| {
                let mut edit = None;
                if ui.button(tr!("entities-add-alias")).clicked() {
                    edit = Some(Edit::Alias {
                        entity: name.to_string(),
                        alias: text.clone(),
                    });
                }
                if ui.button(tr!("entities-rename")).clicked() {
                    edit = Some(Edit::Rename {
                        from: name.to_string(),
                        to: text.clone(),
                    });
                }
                if ui.button(tr!("entities-merge-into")).clicked() {
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
    let mut who = match &r.role {
        Some(role) => format!("{} — {role}", r.name.name),
        None => r.name.name.clone(),
    };
    if r.name.candidate {
        who = tr!("entities-row-candidate", name = &who);
    }
    let label = tr!(
        "entities-row-label",
        name = &who,
        articles = r.articles,
        mentions = r.mentions
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
    // (Through the layout module: egui would reverse Persian digits.)
    let counts = crate::ui::widgets::rtl_text::paint_line(
        ui,
        ui.painter(),
        cache,
        rect.left_center() + egui::vec2(4.0, 0.0),
        egui::Align2::LEFT_CENTER,
        // (A comma in Persian: a middle dot reads as the Persian zero.)
        &crate::tr!(
            "entities-counts",
            articles = r.articles,
            mentions = r.mentions
        ),
        &FontId::proportional(size * 0.8),
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
