//! Drawing a frame: menus, the side panels, the central view, the status
//! bar, the tag palette and the keys for annotating.

use super::*;

impl DaftarApp {
    /// One frame: take background news, draw, apply what panels asked.
    pub fn show(&mut self, ui: &mut egui::Ui) {
        self.logic(ui.ctx());
        self.draw(ui);
    }

    /// Draws the window and applies what its panels asked.
    pub fn draw(&mut self, ui: &mut egui::Ui) {
        let ctx = ui.ctx().clone();
        crate::i18n::set(self.settings.lang(), self.settings.digits());
        let rtl = self.settings.lang().rtl();
        let mut cmds = std::mem::take(&mut self.cmds);

        // Ctrl+F: to the search box, wherever the keyboard was.
        if ctx.input_mut(|i| i.consume_key(egui::Modifiers::COMMAND, egui::Key::F)) {
            self.search.focus = true;
        }
        self.annotation_keys(&ctx, &mut cmds);

        // A folder dropped on the window opens it.
        let dropped: Vec<PathBuf> = ctx.input(|i| {
            i.raw
                .dropped_files
                .iter()
                .map(|f| f.path().to_path_buf())
                .collect()
        });
        if let Some(dir) = dropped.into_iter().find(|p| p.is_dir()) {
            cmds.push(Command::Open(dir));
        }

        // In Persian the window mirrors: menus from the right, the list
        // and search at the left, the entities at the right, text aligned
        // right (crate::ui::mirrored).
        egui::Panel::top("menu").show(ui, |ui| {
            egui::MenuBar::new().ui(ui, |ui| {
                if rtl {
                    ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                        self.menu_ui(ui, &mut cmds)
                    });
                } else {
                    self.menu_ui(ui, &mut cmds);
                }
            });
        });
        egui::Panel::bottom("status").show(ui, |ui| {
            crate::ui::mirrored(ui, |ui| status_ui(ui, &self.ws, &mut self.cache, &mut cmds))
        });
        // Two ids: the expanded strip keeps the height it was dragged to
        // while the collapsed one is a single row.
        let timeline = if self.timeline.collapsed {
            egui::Panel::bottom("timeline-collapsed").resizable(false)
        } else {
            egui::Panel::bottom("timeline")
                .resizable(true)
                .default_size(150.0)
                .size_range(100.0..=400.0)
        };
        timeline.show(ui, |ui| {
            crate::ui::mirrored(ui, |ui| {
                self.timeline
                    .ui(ui, &self.ws, &self.settings, &mut self.cache, &mut cmds)
            })
        });
        let side = |id: &'static str, right: bool| {
            if right != rtl {
                egui::Panel::right(id)
            } else {
                egui::Panel::left(id)
            }
        };
        side("articles", true)
            .resizable(true)
            .default_size(360.0)
            .show(ui, |ui| {
                crate::ui::mirrored(ui, |ui| {
                    let searching = self
                        .search
                        .query_ui(ui, &self.ws, &mut self.cache, &mut cmds);
                    ui.separator();
                    if searching {
                        self.search.results_ui(
                            ui,
                            &self.ws,
                            self.selected,
                            &self.settings,
                            &mut self.cache,
                            &mut cmds,
                        );
                    } else {
                        self.list.ui(
                            ui,
                            &self.ws,
                            self.selected,
                            &self.settings,
                            &mut self.cache,
                            &mut cmds,
                        );
                    }
                })
            });
        let passage = self
            .selected
            .and_then(|i| self.ws.articles.get(i))
            .and_then(|a| self.reader.selected_text(a));
        side("entities", false)
            .resizable(true)
            .default_size(230.0)
            .size_range(160.0..=480.0)
            .show(ui, |ui| {
                crate::ui::mirrored(ui, |ui| {
                    self.entities
                        .ui(ui, &self.ws, passage.as_deref(), &mut self.cache, &mut cmds)
                })
            });
        egui::CentralPanel::default().show(ui, |ui| {
            crate::ui::mirrored(ui, |ui| {
                // (Wrapped: in a narrow window the buttons take two lines
                // rather than widen the panel under the side panels.)
                crate::ui::row_wrapped(ui, |ui| {
                    // (Tighter than egui's default: six views and four
                    // actions fit a 1280-point window on one line.)
                    ui.spacing_mut().item_spacing.x = 5.0;
                    ui.spacing_mut().button_padding.x = 3.0;
                    ui.selectable_value(&mut self.view, View::Reader, tr!("app-view-reader"));
                    ui.selectable_value(
                        &mut self.view,
                        View::Concordance,
                        tr!("app-view-concordance"),
                    );
                    ui.selectable_value(
                        &mut self.view,
                        View::Statements,
                        tr!("app-view-statements"),
                    );
                    ui.selectable_value(&mut self.view, View::Compare, tr!("app-view-compare"));
                    ui.selectable_value(&mut self.view, View::Passages, tr!("app-view-passages"));
                    ui.selectable_value(
                        &mut self.view,
                        View::Statistics,
                        tr!("app-view-statistics"),
                    );
                    if self.view == View::Reader
                        && self.selected.is_some()
                        && ui
                            .button(tr!("app-tag"))
                            .on_hover_text(tr!("app-tag-tip"))
                            .clicked()
                    {
                        self.palette_target = None;
                        self.palette = Some(String::new());
                    }
                    if ui
                        .button(tr!("app-export"))
                        .on_hover_text(tr!("app-export-tip"))
                        .clicked()
                    {
                        use crate::ui::panels::export::Kind;
                        cmds.push(Command::OpenExport(match self.view {
                            View::Passages => Kind::Passages,
                            View::Statements => Kind::Statements,
                            View::Compare => Kind::Comparison,
                            View::Concordance => Kind::Hits,
                            View::Reader | View::Statistics => Kind::Articles,
                        }));
                    }
                    let ann = &self.ws.annotations;
                    if ui
                        .add_enabled(ann.can_undo(), egui::Button::new(tr!("app-undo")))
                        .on_hover_text(tr!("shortcuts-key-undo"))
                        .clicked()
                    {
                        cmds.push(Command::Undo);
                    }
                    if ui
                        .add_enabled(ann.can_redo(), egui::Button::new(tr!("app-redo")))
                        .on_hover_text(tr!("shortcuts-key-redo"))
                        .clicked()
                    {
                        cmds.push(Command::Redo);
                    }
                });
                self.palette_ui(ui, &mut cmds);
                self.fixing_ui(ui, &mut cmds);
                let sides = self.compare.sides_text();
                let shown = self.compare.comparison().map(|c| (c, sides));
                self.export.ui(ui, &self.ws, &mut self.cache, shown);
                ui.separator();
                match self.view {
                    View::Concordance => {
                        self.kwic.ui(ui, &self.ws, &mut self.cache, &mut cmds);
                        return;
                    }
                    View::Statements => {
                        self.statements.ui(
                            ui,
                            &self.ws,
                            &self.settings,
                            &mut self.cache,
                            &mut cmds,
                        );
                        return;
                    }
                    View::Compare => {
                        self.compare
                            .ui(ui, &self.ws, &self.settings, &mut self.cache, &mut cmds);
                        return;
                    }
                    View::Passages => {
                        self.passages
                            .ui(ui, &self.ws, &self.settings, &mut self.cache, &mut cmds);
                        return;
                    }
                    View::Statistics => {
                        self.stats
                            .ui(ui, &self.ws, &self.settings, &mut self.cache, &mut cmds);
                        return;
                    }
                    View::Reader => {}
                }
                match self.selected.and_then(|i| self.ws.articles.get(i)) {
                    Some(article) => {
                        // The selected entity's mentions are marked.
                        let marks = self.ws.entities.selected.as_ref().map_or(Vec::new(), |e| {
                            article
                                .mentions()
                                .filter(|m| &m.entity == e)
                                .map(|m| m.range())
                                .collect()
                        });
                        self.reader.entity_marks = marks;
                        // Tagged passages, in their tags' colours.
                        let key = (article.id.clone(), self.ws.annotations.generation);
                        if self.marks_for.as_ref().map(|m| (&m.0, m.1)) != Some((&key.0, key.1)) {
                            let ci = crate::text::CharIndex::new(&article.text());
                            let marks = self
                                .ws
                                .annotations
                                .passages()
                                .iter()
                                .filter(|p| p.path == article.path && !p.orphaned)
                                .map(|p| {
                                    let colour = p.tags.first().map_or(egui::Color32::GRAY, |t| {
                                        crate::ui::panels::passages::tag_colour(&self.ws, t)
                                    });
                                    (ci.byte_of_char(p.start)..ci.byte_of_char(p.end), colour)
                                })
                                .collect();
                            self.marks_for = Some((key.0, key.1, marks));
                        }
                        self.reader.passage_marks =
                            self.marks_for.as_ref().map_or(Vec::new(), |m| m.2.clone());
                        self.reader.ui(ui, article, &self.settings, &mut self.cache);
                        if let (Some((line, verdict)), Some(i)) =
                            (self.reader.correction.take(), self.selected)
                        {
                            cmds.push(Command::CorrectLine(i, line, verdict));
                        }
                    }
                    None => {
                        ui.centered_and_justified(|ui| {
                            weak(
                                ui,
                                if self.ws.articles.is_empty() {
                                    tr!("app-no-folder")
                                } else {
                                    tr!("app-choose-article")
                                },
                            );
                        });
                    }
                }
            })
        });
        self.problems_window(&ctx);
        self.annotator_window(&ctx);
        self.shortcuts_window(&ctx);
        self.open_dialog(&ctx, &mut cmds);
        self.interrupted_dialog(&ctx, &mut cmds);

        for c in cmds {
            self.apply(c);
        }
    }

    /// Ctrl+Z / Ctrl+Shift+Z, and a tag's key (1–9) on the reader's
    /// selection, when no text field has the keyboard.
    pub(super) fn annotation_keys(&mut self, ctx: &egui::Context, cmds: &mut Vec<Command>) {
        if ctx.memory(|m| m.focused().is_some()) {
            return;
        }
        let (undo, redo) = ctx.input_mut(|i| {
            let redo = i.consume_key(
                egui::Modifiers::COMMAND | egui::Modifiers::SHIFT,
                egui::Key::Z,
            );
            let undo = i.consume_key(egui::Modifiers::COMMAND, egui::Key::Z);
            (undo, redo)
        });
        if redo {
            cmds.push(Command::Redo);
        } else if undo {
            cmds.push(Command::Undo);
        }
        if self.view != View::Reader || self.reader.selected_range().is_none_or(|r| r.is_empty()) {
            return;
        }
        let keys = [
            (egui::Key::Num1, '1'),
            (egui::Key::Num2, '2'),
            (egui::Key::Num3, '3'),
            (egui::Key::Num4, '4'),
            (egui::Key::Num5, '5'),
            (egui::Key::Num6, '6'),
            (egui::Key::Num7, '7'),
            (egui::Key::Num8, '8'),
            (egui::Key::Num9, '9'),
        ];
        for (key, c) in keys {
            if ctx.input_mut(|i| i.consume_key(egui::Modifiers::NONE, key))
                && let Some(t) = self
                    .ws
                    .annotations
                    .schema
                    .tags
                    .iter()
                    .find(|t| t.key == Some(c))
            {
                cmds.push(Command::TagSelection(t.name.clone()));
            }
        }
    }

    /// While an orphaned passage is being fixed: what it said, and a
    /// button that anchors it at the reader's selection.
    pub(super) fn fixing_ui(&mut self, ui: &mut egui::Ui, cmds: &mut Vec<Command>) {
        let Some(id) = self.fixing else {
            return;
        };
        let Some(p) = self.ws.annotations.passages().iter().find(|p| p.id == id) else {
            self.fixing = None;
            return;
        };
        let here = self.selected.filter(|&i| {
            self.view == View::Reader && self.ws.articles.get(i).is_some_and(|a| a.path == p.path)
        });
        // The quote through the RTL widget: egui alone would reverse it.
        let quote = p.quote.clone();
        crate::ui::row_wrapped(ui, |ui| {
            let warn = ui.visuals().warn_fg_color;
            colored(ui, warn, tr!("app-fixing", id = id));
            let selection = self.reader.selected_range().filter(|r| !r.is_empty());
            if let (Some(i), Some(r)) = (here, selection.clone()) {
                if ui.button(tr!("app-anchor-here")).clicked() {
                    cmds.push(Command::AnchorPassage(id, i, r));
                }
            } else {
                ui.add_enabled(false, egui::Button::new(tr!("app-anchor-here")));
            }
            if ui.button(tr!("app-cancel")).clicked() {
                self.fixing = None;
            }
        });
        RtlText::new(&quote, egui::FontId::proportional(14.0))
            .width(ui.available_width())
            .max_lines(2)
            .color(ui.visuals().weak_text_color())
            .show(ui, &mut self.cache);
    }

    /// The tag palette: type to filter the tags, Enter or a click tags the
    /// selection; a new name makes a new tag.
    pub(super) fn palette_ui(&mut self, ui: &mut egui::Ui, cmds: &mut Vec<Command>) {
        let Some(filter) = &mut self.palette else {
            return;
        };
        let mut close = false;
        egui::Window::new(tr!("tag-palette-title"))
            .collapsible(false)
            .resizable(false)
            .show(ui.ctx(), |ui| {
                crate::ui::mirrored(ui, |ui| {
                    if let Some(n) = self
                        .palette_target
                        .as_ref()
                        .map(Vec::len)
                        .filter(|&n| n > 1)
                    {
                        weak(ui, tr!("tag-palette-many", n = n));
                    }
                    let tag_label = ui.label(tr!("tag-palette-tag"));
                    let hint = tr!("tag-palette-hint");
                    let edit = ui.add(BidiEdit::singleline(filter).hint_text(&hint));
                    let edit = edit.labelled_by(tag_label.id);
                    edit.request_focus();
                    let want = crate::text::search_key(filter.trim());
                    let tags: Vec<(String, Option<char>)> = self
                        .ws
                        .annotations
                        .schema
                        .tags
                        .iter()
                        .filter(|t| {
                            want.is_empty() || crate::text::search_key(&t.name).contains(&want)
                        })
                        .map(|t| (t.name.clone(), t.key))
                        .collect();
                    let enter = ui.input(|i| i.key_pressed(egui::Key::Enter));
                    for (name, key) in &tags {
                        let text = match key {
                            Some(k) => format!("{name}  ({})", crate::i18n::digits(&k.to_string())),
                            None => name.clone(),
                        };
                        if crate::ui::widgets::rtl_text::rtl_button(ui, &mut self.cache, &text)
                            .clicked()
                        {
                            cmds.push(Command::TagSelection(name.clone()));
                        }
                    }
                    let typed = filter.trim().to_string();
                    let exists = self
                        .ws
                        .annotations
                        .schema
                        .tags
                        .iter()
                        .any(|t| t.name == typed);
                    if !typed.is_empty()
                        && !exists
                        && crate::ui::widgets::rtl_text::rtl_button(
                            ui,
                            &mut self.cache,
                            &tr!("tag-palette-new", name = &typed),
                        )
                        .clicked()
                    {
                        cmds.push(Command::TagSelection(typed.clone()));
                    }
                    if enter {
                        if let Some((name, _)) = tags.first() {
                            cmds.push(Command::TagSelection(name.clone()));
                        } else if !typed.is_empty() {
                            cmds.push(Command::TagSelection(typed));
                        }
                    }
                    if ui.button(tr!("app-cancel")).clicked()
                        || ui.input(|i| i.key_pressed(egui::Key::Escape))
                    {
                        close = true;
                    }
                })
            });
        if close {
            self.palette = None;
            self.palette_target = None;
        }
    }

    pub(super) fn menu_ui(&mut self, ui: &mut egui::Ui, cmds: &mut Vec<Command>) {
        ui.menu_button(tr!("menu-file"), |ui| {
            if ui.button(tr!("menu-open-folder")).clicked() {
                self.dialog.open = true;
                self.dialog.path = self
                    .settings
                    .last_folder
                    .as_ref()
                    .map(|p| p.display().to_string())
                    .unwrap_or_default();
            }
            ui.menu_button(tr!("menu-open-recent"), |ui| {
                if self.settings.recent.is_empty() {
                    ui.weak(tr!("menu-nothing-yet"));
                }
                // Each folder through the RTL widget: «پیکره آزمون» in
                // order, not its letters backwards.
                let font = egui::FontId::proportional(14.0);
                let h = crate::ui::widgets::rtl_text::line_height(ui, &font) + 4.0;
                for f in self.settings.recent.clone() {
                    let path = f.display().to_string();
                    let (rect, resp) =
                        crate::ui::panels::article_list::list_row(ui, 360.0, h, false);
                    resp.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, &path));
                    crate::ui::widgets::rtl_text::drawn_by_layout(ui.ctx(), resp.id);
                    let mut child = ui.new_child(
                        egui::UiBuilder::new().max_rect(rect.shrink2(egui::vec2(4.0, 2.0))),
                    );
                    RtlText::new(&path, font.clone())
                        .width(rect.width() - 8.0)
                        .max_lines(1)
                        .inner()
                        .show(&mut child, &mut self.cache);
                    if resp.clicked() {
                        cmds.push(Command::Open(f));
                        ui.close();
                    }
                }
            });
            if ui.button(tr!("app-export")).clicked() {
                cmds.push(Command::OpenExport(
                    crate::ui::panels::export::Kind::Passages,
                ));
                ui.close();
            }
            ui.separator();
            if ui.button(tr!("menu-quit")).clicked() {
                ui.ctx().send_viewport_cmd(egui::ViewportCommand::Close);
            }
        });
        ui.menu_button(tr!("menu-view"), |ui| {
            crate::ui::row(ui, |ui| {
                ui.label(tr!("menu-text-size"));
                if ui.button("-").clicked() {
                    self.settings.text_size = (self.settings.text_size - 1.0).max(10.0);
                }
                label(
                    ui,
                    crate::i18n::digits(&format!("{:.0}", self.settings.text_size)),
                );
                if ui.button("+").clicked() {
                    self.settings.text_size = (self.settings.text_size + 1.0).min(40.0);
                }
            });
            ui.separator();
            if ui
                .radio(!self.settings.dark, tr!("menu-light-theme"))
                .clicked()
            {
                self.settings.dark = false;
                ui.ctx().set_theme(egui::Theme::Light);
            }
            if ui
                .radio(self.settings.dark, tr!("menu-dark-theme"))
                .clicked()
            {
                self.settings.dark = true;
                ui.ctx().set_theme(egui::Theme::Dark);
            }
            ui.separator();
            ui.radio_value(
                &mut self.settings.calendar,
                CalendarKind::Jalali,
                tr!("menu-jalali-dates"),
            );
            ui.radio_value(
                &mut self.settings.calendar,
                CalendarKind::Gregorian,
                tr!("menu-gregorian-dates"),
            );
            ui.separator();
            ui.menu_button(tr!("menu-language"), |ui| {
                for lang in crate::i18n::Lang::ALL {
                    let on = self.settings.lang() == lang;
                    if ui.radio(on, lang.native_name()).clicked() {
                        self.settings.language = Some(lang);
                        // Digits follow the language unless chosen.
                        self.settings.persian_digits = None;
                        crate::i18n::set(lang, self.settings.digits());
                        ui.close();
                    }
                }
            });
            let mut digits = self.settings.digits();
            if ui
                .checkbox(&mut digits, tr!("menu-persian-digits"))
                .changed()
            {
                self.settings.persian_digits = Some(digits);
            }
            ui.separator();
            crate::ui::row(ui, |ui| {
                let l = ui.label(tr!("menu-annotator"));
                let edit = ui
                    .add(BidiEdit::singleline(&mut self.settings.annotator).desired_width(140.0))
                    .labelled_by(l.id)
                    .on_hover_text(tr!("menu-annotator-tip"));
                // (Named here: the first tag need not ask.)
                if edit.changed() {
                    self.settings.annotator_asked = true;
                }
            });
        });
        ui.menu_button(tr!("menu-help"), |ui| {
            if ui.button(tr!("menu-shortcuts")).clicked() {
                self.show_shortcuts = true;
                ui.close();
            }
        });
    }
}
