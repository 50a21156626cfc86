//! The statements view: who said what in the articles of the current
//! filter (time range, search, selected entity as speaker), grouped by
//! speaker, each with date, outlet and text; a click opens the reader at
//! the passage, highlighted.

use egui::{FontId, Ui};

use crate::extract::EntityName;
use crate::tr;
use crate::ui::panels::article_list::article_date;
use crate::ui::state::{Command, Settings};
use crate::ui::widgets::rtl_text::{LayoutCache, RtlText, line_height};
use crate::ui::widgets::text::weak;
use crate::workspace::Workspace;

/// (article, statement) indices.
type Ref = (usize, usize);

/// One line of the list.
enum Line {
    /// A speaker's name (none: the unnamed) and statements.
    Speaker(Option<String>, usize),
    Statement(Ref),
}

#[derive(Default)]
pub struct StatementsPanel {
    /// The list, for (article set, gazetteer generation, range, search
    /// generation, selected entity).
    cache: Option<(Key, Vec<Line>)>,
}

type Key = ((u64, usize), u64, crate::workspace::filter::FilterKey);

impl StatementsPanel {
    /// The statements listed, in list order: (article, statement).
    pub fn listed(&self) -> Vec<(usize, usize)> {
        self.cache.as_ref().map_or(Vec::new(), |(_, l)| {
            l.iter()
                .filter_map(|x| match x {
                    Line::Statement(r) => Some(*r),
                    Line::Speaker(..) => None,
                })
                .collect()
        })
    }

    /// Statements listed (for tests).
    pub fn count(&self) -> usize {
        self.cache.as_ref().map_or(0, |(_, l)| {
            l.iter().filter(|x| matches!(x, Line::Statement(_))).count()
        })
    }

    fn lines(&mut self, ws: &Workspace) -> &[Line] {
        let filter = ws.filter();
        let key: Key = (ws.article_set(), ws.entities.generation, filter.key());
        if self.cache.as_ref().map(|c| &c.0) != Some(&key) {
            let g = &ws.entities.gazetteer;
            let selected = filter.entity.as_ref();
            let mut by_speaker: std::collections::BTreeMap<Option<String>, Vec<Ref>> =
                Default::default();
            for (ai, a) in ws.articles.iter().enumerate() {
                // The entity means "spoken by" here, not "named in".
                if !filter.in_range_and_search(a) {
                    continue;
                }
                for (si, s) in a.statements().enumerate() {
                    if selected.is_some_and(|e| s.speaker.as_ref() != Some(e)) {
                        continue;
                    }
                    let name = s.speaker.as_ref().map(|e| EntityName::of(g, e).name);
                    by_speaker.entry(name).or_default().push((ai, si));
                }
            }
            // Most statements first; each speaker's oldest first.
            let mut groups: Vec<(Option<String>, Vec<Ref>)> = by_speaker.into_iter().collect();
            groups.sort_by(|a, b| b.1.len().cmp(&a.1.len()).then(a.0.cmp(&b.0)));
            let mut lines = Vec::new();
            for (name, mut refs) in groups {
                refs.sort_by_key(|&(ai, si)| {
                    (ws.articles[ai].date.as_ref().map(|d| d.day), ai, si)
                });
                lines.push(Line::Speaker(name, refs.len()));
                lines.extend(refs.into_iter().map(Line::Statement));
            }
            self.cache = Some((key, lines));
        }
        self.cache.as_ref().map_or(&[], |c| &c.1[..])
    }

    pub fn ui(
        &mut self,
        ui: &mut Ui,
        ws: &Workspace,
        settings: &Settings,
        cache: &mut LayoutCache,
        cmds: &mut Vec<Command>,
    ) {
        let lines = self.lines(ws);
        if lines.is_empty() {
            ui.weak(tr!("statements-none"));
            return;
        }
        let size = settings.text_size * 0.9;
        let font = FontId::proportional(size);
        let meta = FontId::proportional(size * 0.75);
        let row_h = 2.0 * line_height(ui, &font) + line_height(ui, &meta) + 10.0;
        egui::ScrollArea::vertical()
            .id_salt("statements")
            .auto_shrink([false, false])
            .show_rows(ui, row_h, lines.len(), |ui, range| {
                for line in &lines[range] {
                    match line {
                        Line::Speaker(name, n) => {
                            let (rect, _) = ui.allocate_exact_size(
                                egui::vec2(ui.available_width(), row_h),
                                egui::Sense::hover(),
                            );
                            let mut child = ui.new_child(
                                egui::UiBuilder::new()
                                    .max_rect(rect.shrink(4.0))
                                    .layout(egui::Layout::top_down(egui::Align::Max)),
                            );
                            child.add_space(row_h * 0.3);
                            crate::ui::row(&mut child, |ui| {
                                weak(ui, tr!("statements-count", n = *n));
                                let name =
                                    name.clone().unwrap_or_else(|| tr!("statements-unnamed"));
                                RtlText::new(&name, crate::ui::fonts::bold(size * 1.1))
                                    .width(ui.available_width())
                                    .show(ui, cache);
                            });
                        }
                        Line::Statement((ai, si)) => {
                            let a = &ws.articles[*ai];
                            let s = a.statement(*si).unwrap_or_default();
                            let (rect, resp) = ui.allocate_exact_size(
                                egui::vec2(ui.available_width(), row_h),
                                egui::Sense::click(),
                            );
                            let text = &a.text()[s.range()];
                            resp.widget_info(|| {
                                egui::WidgetInfo::labeled(egui::Role::Button, true, text)
                            });
                            crate::ui::widgets::rtl_text::drawn_by_layout(ui.ctx(), resp.id);
                            if resp.hovered() {
                                ui.painter().rect_filled(
                                    rect,
                                    2.0,
                                    ui.visuals().widgets.hovered.weak_bg_fill,
                                );
                            }
                            let date = a
                                .date
                                .as_ref()
                                .map_or_else(String::new, |d| article_date(d, settings.calendar));
                            // Date, outlet and the speaker's role there.
                            let role = s
                                .speaker
                                .as_ref()
                                .and_then(|e| crate::extract::role_of(a.mentions(), e));
                            let line = [Some(date.as_str()), a.source.as_deref(), role]
                                .into_iter()
                                .flatten()
                                .filter(|x| !x.is_empty())
                                .collect::<Vec<_>>()
                                .join(" · ");
                            let mut child = ui.new_child(
                                egui::UiBuilder::new().max_rect(rect.shrink2(egui::vec2(8.0, 3.0))),
                            );
                            child.spacing_mut().item_spacing.y = 0.0;
                            let w = child.available_width();
                            RtlText::new(&line, meta.clone())
                                .color(child.visuals().weak_text_color())
                                .width(w)
                                .max_lines(1)
                                .show(&mut child, cache);
                            RtlText::new(text, font.clone())
                                .width(w)
                                .max_lines(2)
                                .show(&mut child, cache);
                            if resp.clicked() {
                                cmds.push(Command::OpenPassage(*ai, s.range()));
                            }
                            resp.context_menu(|ui| {
                                if ui.button(tr!("statements-tag-this")).clicked() {
                                    cmds.push(Command::TagPassage(vec![(*ai, s.range())]));
                                    ui.close();
                                }
                            });
                        }
                    }
                }
            });
    }
}
