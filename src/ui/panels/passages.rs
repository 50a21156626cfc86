//! The passages view: every tagged passage, grouped by tag (orphaned ones
//! apart), with its text, article, date, annotator and note; a click opens
//! it in the reader and shows its note for editing.

use crate::ui::widgets::bidi_edit::BidiEdit;
use crate::ui::widgets::rtl_combo::{rtl_combo, rtl_selectable};
use egui::{Color32, FontId, Ui};

use crate::annotate::Passage;
use crate::tr;
use crate::ui::panels::article_list::article_date;
use crate::ui::state::{Command, Settings};
use crate::ui::widgets::rtl_text::{LayoutCache, RtlText, line_height};
use crate::ui::widgets::text::{button, colored, strong, weak};
use crate::workspace::Workspace;

#[derive(Default)]
pub struct PassagesPanel {
    /// The passage whose note is being edited, and the text typed.
    editing: Option<(u64, String)>,
    /// The tag manager's state.
    manager: TagManager,
    /// The grouped list, for its key.
    lines: Option<(LinesKey, (Vec<Line>, usize))>,
}

/// The tag manager: one row per tag (nested ones indented) with colour,
/// key, uses, parent, rename, merge and delete (which asks first when the
/// tag is used, and can move its passages to another tag).
#[derive(Default)]
struct TagManager {
    /// The tag being renamed and the new name typed.
    renaming: Option<(String, String)>,
    /// The tag being deleted and where its passages go.
    deleting: Option<(String, Option<String>)>,
}

impl TagManager {
    fn ui(
        &mut self,
        ui: &mut Ui,
        ws: &Workspace,
        cache: &mut LayoutCache,
        cmds: &mut Vec<Command>,
    ) {
        use crate::annotate::{TagEdit, TagSchema};
        let ann = &ws.annotations;
        let names: Vec<String> = ann.schema.tags.iter().map(|t| t.name.clone()).collect();
        let passages = ann.passages();
        // Parents before children, children indented.
        let depth = |name: &str| {
            let mut d = 0;
            let mut at = ann
                .schema
                .tags
                .iter()
                .find(|t| t.name == name)
                .and_then(|t| t.parent.clone());
            while let Some(p) = at {
                d += 1;
                if d > 16 {
                    break;
                }
                at = ann
                    .schema
                    .tags
                    .iter()
                    .find(|t| t.name == p)
                    .and_then(|t| t.parent.clone());
            }
            d
        };
        for t in &ann.schema.tags {
            let uses = TagSchema::uses(passages, &t.name);
            // Wrapped: the row is wider than a narrow reader column.
            crate::ui::row_wrapped(ui, |ui| {
                ui.add_space(16.0 * depth(&t.name) as f32);
                let mut c = t.colour;
                if ui.color_edit_button_srgb(&mut c).changed() {
                    cmds.push(Command::EditTags(TagEdit::Recolour {
                        tag: t.name.clone(),
                        colour: c,
                    }));
                }
                crate::ui::widgets::rtl_text::fitted(
                    ui,
                    cache,
                    &t.name,
                    egui::FontId::proportional(14.0),
                )
                .show(ui, cache);
                let uses_text = match t.key {
                    Some(k) => tr!(
                        "passages-tag-key-uses",
                        key = &crate::i18n::digits(&k.to_string()),
                        n = uses
                    ),
                    None => tr!("passages-tag-uses", n = uses),
                };
                weak(ui, uses_text);
                let top = tr!("passages-parent-top");
                let parent = t.parent.clone().unwrap_or_else(|| top.clone());
                rtl_combo(
                    ui,
                    cache,
                    ("parent", &t.name),
                    &tr!("passages-parent-in"),
                    &parent,
                    120.0,
                    |ui, cache| {
                        if rtl_selectable(ui, cache, t.parent.is_none(), &top).clicked() {
                            cmds.push(Command::EditTags(TagEdit::Nest {
                                tag: t.name.clone(),
                                parent: None,
                            }));
                        }
                        for n in names.iter().filter(|n| **n != t.name) {
                            if rtl_selectable(ui, cache, t.parent.as_ref() == Some(n), n).clicked()
                            {
                                cmds.push(Command::EditTags(TagEdit::Nest {
                                    tag: t.name.clone(),
                                    parent: Some(n.clone()),
                                }));
                            }
                        }
                    },
                );
                rtl_combo(
                    ui,
                    cache,
                    ("merge", &t.name),
                    &tr!("passages-merge-into"),
                    "…",
                    60.0,
                    |ui, cache| {
                        for n in names.iter().filter(|n| **n != t.name) {
                            if rtl_selectable(ui, cache, false, n).clicked() {
                                cmds.push(Command::EditTags(TagEdit::Merge {
                                    from: t.name.clone(),
                                    into: n.clone(),
                                }));
                            }
                        }
                    },
                );
                if ui.small_button(tr!("passages-rename")).clicked() {
                    self.renaming = Some((t.name.clone(), t.name.clone()));
                }
                if ui.small_button(tr!("passages-delete")).clicked() {
                    if uses == 0 {
                        cmds.push(Command::EditTags(TagEdit::Delete {
                            tag: t.name.clone(),
                            move_to: None,
                        }));
                    } else {
                        self.deleting = Some((t.name.clone(), None));
                    }
                }
            });
        }
        if let Some((from, to)) = &mut self.renaming {
            let mut done = false;
            // The tag's name through the RTL widget: inside an egui label
            // Persian would come out unjoined and reversed.
            crate::ui::row_wrapped(ui, |ui| {
                ui.label(tr!("passages-renaming"));
                RtlText::new(from, egui::FontId::proportional(14.0)).show(ui, cache);
            });
            crate::ui::row_wrapped(ui, |ui| {
                let l = ui.label(tr!("passages-new-name"));
                ui.add(BidiEdit::singleline(to)).labelled_by(l.id);
                if ui.button(tr!("passages-rename-tag")).clicked() {
                    cmds.push(Command::EditTags(TagEdit::Rename {
                        from: from.clone(),
                        to: to.clone(),
                    }));
                    done = true;
                }
                if ui.button(tr!("passages-cancel")).clicked() {
                    done = true;
                }
            });
            if done {
                self.renaming = None;
            }
        }
        if let Some((tag, move_to)) = &mut self.deleting {
            let mut done = false;
            let uses = TagSchema::uses(passages, tag);
            crate::ui::row_wrapped(ui, |ui| {
                RtlText::new(tag, egui::FontId::proportional(14.0)).show(ui, cache);
                let warn = ui.visuals().warn_fg_color;
                colored(ui, warn, tr!("passages-delete-uses", n = uses));
                let untagged = tr!("passages-delete-keep-untagged");
                egui::ComboBox::new("delete-move", "")
                    .selected_text(move_to.clone().unwrap_or_else(|| untagged.clone()))
                    .show_ui(ui, |ui| {
                        ui.selectable_value(move_to, None, untagged.as_str());
                        for n in names.iter().filter(|n| *n != tag) {
                            ui.selectable_value(move_to, Some(n.clone()), n);
                        }
                    });
                if ui.button(tr!("passages-delete-tag")).clicked() {
                    cmds.push(Command::EditTags(TagEdit::Delete {
                        tag: tag.clone(),
                        move_to: move_to.clone(),
                    }));
                    done = true;
                }
                if ui.button(tr!("passages-cancel")).clicked() {
                    done = true;
                }
            });
            if done {
                self.deleting = None;
            }
        }
    }
}

/// A tag's colour.
pub fn tag_colour(ws: &Workspace, tag: &str) -> Color32 {
    let c = ws
        .annotations
        .schema
        .tags
        .iter()
        .find(|t| t.name == tag)
        .map_or([0xE0, 0xA0, 0x30], |t| t.colour);
    Color32::from_rgb(c[0], c[1], c[2])
}

/// A group of the list: a tag's passages, the untagged or the orphans.
enum Group {
    Tag(String),
    Untagged,
    Orphaned,
}

impl Group {
    /// The group's heading (a tag's name as it is).
    fn title(&self) -> String {
        match self {
            Group::Tag(name) => name.clone(),
            Group::Untagged => tr!("passages-untagged"),
            Group::Orphaned => tr!("passages-orphaned-group"),
        }
    }
}

enum Line {
    Heading(Group, usize, Option<Color32>),
    /// A passage, by its index in the store.
    Passage(usize),
}

type LinesKey = (u64, (u64, usize), crate::workspace::filter::FilterKey);

/// The list: passages of articles in the current filter grouped by tag (a
/// passage with two tags is under both), untagged and orphans last; and
/// how many passages the filter left out.
fn group(ws: &Workspace) -> (Vec<Line>, usize) {
    let ann = &ws.annotations;
    let passages = ann.passages();
    let filter = ws.filter();
    // An orphan whose article is gone is always shown: it needs fixing.
    let shown: Vec<usize> = (0..passages.len())
        .filter(|&n| {
            ws.article_index(&passages[n].path)
                .is_none_or(|i| filter.admits(&ws.articles[i]))
        })
        .collect();
    let hidden = passages.len() - shown.len();
    let mut lines = Vec::new();
    let mut names: Vec<&str> = ann.schema.tags.iter().map(|t| t.name.as_str()).collect();
    for &n in &shown {
        for t in &passages[n].tags {
            if !names.contains(&t.as_str()) {
                names.push(t);
            }
        }
    }
    let push = |lines: &mut Vec<Line>, name: Group, colour, members: Vec<usize>| {
        if !members.is_empty() {
            lines.push(Line::Heading(name, members.len(), colour));
            lines.extend(members.into_iter().map(Line::Passage));
        }
    };
    for name in names {
        let members = shown
            .iter()
            .copied()
            .filter(|&n| !passages[n].orphaned && passages[n].tags.iter().any(|t| t == name))
            .collect();
        push(
            &mut lines,
            Group::Tag(name.to_string()),
            Some(tag_colour(ws, name)),
            members,
        );
    }
    let untagged = shown
        .iter()
        .copied()
        .filter(|&n| !passages[n].orphaned && passages[n].tags.is_empty())
        .collect();
    push(&mut lines, Group::Untagged, None, untagged);
    let orphans = shown
        .iter()
        .copied()
        .filter(|&n| passages[n].orphaned)
        .collect();
    push(&mut lines, Group::Orphaned, None, orphans);
    (lines, hidden)
}

impl PassagesPanel {
    /// Passages listed (a passage under two tags counts twice), for tests.
    pub fn listed(&self) -> usize {
        self.lines.as_ref().map_or(0, |(_, (l, _))| {
            l.iter().filter(|x| matches!(x, Line::Passage(_))).count()
        })
    }

    pub fn ui(
        &mut self,
        ui: &mut Ui,
        ws: &Workspace,
        settings: &Settings,
        cache: &mut LayoutCache,
        cmds: &mut Vec<Command>,
    ) {
        let ann = &ws.annotations;
        if let Some(n) = &ann.note {
            ui.colored_label(ui.visuals().warn_fg_color, n);
        }
        if !ann.schema.tags.is_empty() {
            // A collapsing header of our own: egui's would draw the count
            // in a Persian title backwards («برچسب‌ها (۳)»).
            let title = tr!("passages-tags", n = ann.schema.tags.len());
            let id = ui.make_persistent_id("tag-manager");
            let mut state = egui::collapsing_header::CollapsingState::load_with_default_open(
                ui.ctx(),
                id,
                false,
            );
            let header = crate::ui::row(ui, |ui| {
                state.show_toggle_button(ui, egui::collapsing_header::paint_default_icon);
                if button(ui, &title).clicked() {
                    state.toggle(ui);
                }
            });
            state.show_body_indented(&header.response, ui, |ui| {
                self.manager.ui(ui, ws, cache, cmds)
            });
        }
        let passages = ann.passages();
        if passages.is_empty() {
            weak(ui, tr!("passages-empty", first = 1usize, last = 9usize));
            return;
        }
        // The chosen passage: note, tags, fix or remove.
        if let Some((id, text)) = &mut self.editing
            && let Some(p) = passages.iter().find(|p| p.id == *id)
        {
            editor_ui(ui, ws, p, text, cache, cmds);
            ui.separator();
        }
        let key: LinesKey = (ann.generation, ws.article_set(), ws.filter().key());
        if self.lines.as_ref().map(|(k, _)| k) != Some(&key) {
            self.lines = Some((key, group(ws)));
        }
        let Some((_, (lines, hidden))) = &self.lines else {
            return;
        };
        if *hidden > 0 {
            weak(
                ui,
                tr!(
                    "passages-in-filter",
                    shown = passages.len() - hidden,
                    total = passages.len()
                ),
            );
        }
        let size = settings.text_size * 0.9;
        let font = FontId::proportional(size);
        let meta = FontId::proportional(size * 0.75);
        let row_h = 2.0 * line_height(ui, &font) + line_height(ui, &meta) + 10.0;
        let mut editing = None;
        egui::ScrollArea::vertical()
            .id_salt("passages")
            .auto_shrink([false, false])
            .show_rows(ui, row_h, lines.len(), |ui, range| {
                for line in &lines[range] {
                    match line {
                        Line::Heading(group, n, colour) => {
                            let name = group.title();
                            let (rect, _) = ui.allocate_exact_size(
                                egui::vec2(ui.available_width(), row_h),
                                egui::Sense::hover(),
                            );
                            let mut child = ui.new_child(
                                egui::UiBuilder::new()
                                    .max_rect(rect.shrink(4.0))
                                    .layout(egui::Layout::right_to_left(egui::Align::Max)),
                            );
                            if let Some(c) = colour {
                                let (sw, _) = child.allocate_exact_size(
                                    egui::vec2(12.0, 12.0),
                                    egui::Sense::hover(),
                                );
                                child.painter().rect_filled(sw, 2.0, *c);
                            }
                            RtlText::new(&name, crate::ui::fonts::bold(size))
                                .width(child.available_width() - 60.0)
                                .show(&mut child, cache);
                            weak(&mut child, crate::i18n::num(*n));
                        }
                        Line::Passage(n) => {
                            let Some(p) = passages.get(*n) else {
                                continue;
                            };
                            let (rect, resp) = ui.allocate_exact_size(
                                egui::vec2(ui.available_width(), row_h),
                                egui::Sense::click(),
                            );
                            resp.widget_info(|| {
                                egui::WidgetInfo::labeled(egui::Role::Button, true, &p.quote)
                            });
                            crate::ui::widgets::rtl_text::drawn_by_layout(ui.ctx(), resp.id);
                            let chosen = self.editing.as_ref().is_some_and(|e| e.0 == p.id);
                            if chosen {
                                ui.painter()
                                    .rect_filled(rect, 2.0, ui.visuals().selection.bg_fill);
                            } else if resp.hovered() {
                                ui.painter().rect_filled(
                                    rect,
                                    2.0,
                                    ui.visuals().widgets.hovered.weak_bg_fill,
                                );
                            }
                            let idx = ws.article_index(&p.path);
                            let date = idx
                                .and_then(|i| ws.articles[i].date.as_ref())
                                .map_or_else(String::new, |d| article_date(d, settings.calendar));
                            let mut meta_line = format!("{} · {date} · {}", p.path, p.annotator);
                            if !p.note.is_empty() {
                                meta_line.push_str(&format!(" · {}", p.note));
                            }
                            let mut child = ui.new_child(
                                egui::UiBuilder::new().max_rect(rect.shrink2(egui::vec2(8.0, 3.0))),
                            );
                            child.spacing_mut().item_spacing.y = 0.0;
                            let w = child.available_width();
                            RtlText::new(&meta_line, meta.clone())
                                .color(child.visuals().weak_text_color())
                                .width(w)
                                .max_lines(1)
                                .show(&mut child, cache);
                            // One paragraph in the list: a passage over a
                            // line break would show only its first line's end.
                            let quote = p.quote.replace('\n', " ¶ ");
                            RtlText::new(&quote, font.clone())
                                .width(w)
                                .max_lines(2)
                                .show(&mut child, cache);
                            if resp.clicked() {
                                editing = Some((p.id, p.note.clone()));
                                if let Some(i) = idx
                                    && !p.orphaned
                                {
                                    let ci = crate::text::CharIndex::new(&ws.articles[i].text());
                                    let range = ci.byte_of_char(p.start)..ci.byte_of_char(p.end);
                                    cmds.push(Command::OpenPassage(i, range));
                                }
                            }
                        }
                    }
                }
            });
        if editing.is_some() {
            self.editing = editing;
        }
    }
}

/// The chosen passage: what it is, its tags (click to add or take off),
/// its note, and fix (orphans) or remove.
fn editor_ui(
    ui: &mut Ui,
    ws: &Workspace,
    p: &Passage,
    note: &mut String,
    cache: &mut LayoutCache,
    cmds: &mut Vec<Command>,
) {
    crate::ui::row(ui, |ui| {
        strong(ui, tr!("passages-passage-title", id = p.id));
        if p.orphaned {
            ui.colored_label(ui.visuals().warn_fg_color, tr!("passages-orphaned"));
        }
    });
    // Names and annotators may be Persian: through the RTL widget.
    let meta = format!("{} · {} · {}", p.path, p.annotator, p.created);
    RtlText::new(&meta, FontId::proportional(12.0))
        .width(ui.available_width())
        .max_lines(1)
        .color(ui.visuals().weak_text_color())
        .show(ui, cache);
    crate::ui::row_wrapped(ui, |ui| {
        ui.label(tr!("passages-tags-label"));
        for t in &ws.annotations.schema.tags {
            let on = p.tags.contains(&t.name);
            let resp = ui
                .selectable_label(on, &t.name)
                .on_hover_text(tr!("passages-tag-toggle-tip"));
            if resp.clicked() {
                let mut tags = p.tags.clone();
                if on {
                    tags.retain(|x| x != &t.name);
                } else {
                    tags.push(t.name.clone());
                }
                cmds.push(Command::SetTags(p.id, tags));
            }
        }
    });
    let label = ui.weak(tr!("passages-note"));
    ui.add(
        BidiEdit::multiline(note)
            .desired_rows(2)
            .desired_width(f32::INFINITY),
    )
    .labelled_by(label.id);
    crate::ui::row(ui, |ui| {
        if ui.button(tr!("passages-save-note")).clicked() {
            cmds.push(Command::SetNote(p.id, note.clone()));
        }
        if p.orphaned
            && ws.article_index(&p.path).is_some()
            && ui
                .button(tr!("passages-anchor-anew"))
                .on_hover_text(tr!("passages-anchor-anew-tip"))
                .clicked()
        {
            cmds.push(Command::FixPassage(p.id));
        }
        if ui.button(tr!("passages-remove")).clicked() {
            cmds.push(Command::RemovePassage(p.id));
        }
    });
}
