//! Every text field in the window: search, filters, tag names, notes,
//! compare sides, typed paths. egui's own `TextEdit` has no bidi, so
//! «اجلاس BRICS در سال 1403» typed into it reads «3041 سال در SCIRB اجلاس».
//! This field keeps the text and caret logical ([`crate::layout::edit`]),
//! lays each line out with [`crate::layout`] as the reader does, draws the
//! caret where its offset is (after the character before it, so at a
//! direction boundary it stays with what was just typed), and maps the
//! pointer back to offsets.
//!
//! Used like egui's field: `ui.add(BidiEdit::singleline(&mut s))`, with
//! `labelled_by` for its accessible name; a single-line field gives up the
//! keyboard on Enter (`lost_focus`), as egui's does.

use std::sync::{Arc, Mutex};

use egui::{
    Color32, CursorIcon, Event, EventFilter, FontId, Id, ImeEvent, Key, Modifiers, Pos2, Rect,
    Response, Sense, Stroke, Ui, Vec2, Widget, WidgetInfo,
};

use crate::layout::edit::{Editor, Step};
use crate::layout::{Dir, ParagraphLayout, base_direction, layout_paragraph};
use crate::ui::fonts::EguiMeasure;
use crate::ui::widgets::rtl_text::line_height;

/// The state kept between frames, per field (egui's memory holds it; an
/// `Arc` so reading it is cheap).
type Shared = Arc<Mutex<State>>;

#[derive(Default)]
struct State {
    editor: Editor,
    /// How far a single-line field's text is scrolled (points).
    scroll: f32,
    /// The text as the field last left it: another one means the program
    /// changed it (see `Editor::replaced`).
    seen: String,
    /// The hint as shown, for (hint, width): shortened once, not each frame.
    hint: Option<(String, u32, String)>,
}

/// Whether the widget with `id` is one of these fields (then the keyboard
/// belongs to it: see `ui::typing`).
pub fn is_text_field(ctx: &egui::Context, id: Id) -> bool {
    ctx.data(|d| d.get_temp::<Shared>(id).is_some())
}

/// A bidi text field.
pub struct BidiEdit<'t> {
    text: &'t mut String,
    hint: &'t str,
    multiline: bool,
    rows: usize,
    width: Option<f32>,
    font: FontId,
}

impl<'t> BidiEdit<'t> {
    pub fn singleline(text: &'t mut String) -> Self {
        BidiEdit {
            text,
            hint: "",
            multiline: false,
            rows: 1,
            width: None,
            font: FontId::proportional(14.0),
        }
    }

    /// A field of several lines (Enter starts a new line).
    pub fn multiline(text: &'t mut String) -> Self {
        BidiEdit {
            multiline: true,
            rows: 3,
            ..BidiEdit::singleline(text)
        }
    }

    /// Grey text shown while the field is empty.
    pub fn hint_text(mut self, hint: &'t str) -> Self {
        self.hint = hint;
        self
    }

    pub fn desired_width(mut self, w: f32) -> Self {
        self.width = Some(w);
        self
    }

    /// At least this many lines tall (a multi-line field grows with its text).
    pub fn desired_rows(mut self, rows: usize) -> Self {
        self.rows = rows.max(1);
        self
    }

    pub fn font(mut self, font: FontId) -> Self {
        self.font = font;
        self
    }
}

/// A paragraph (between newlines) of what is shown, laid out.
struct Para {
    start: usize,
    end: usize,
    layout: ParagraphLayout,
}

/// What the field shows: the text with any input-method composition at
/// the caret, laid out paragraph by paragraph, each line shifted by `dx`.
struct View {
    shown: String,
    paras: Vec<Para>,
    /// (paragraph, line) of every visual line, top to bottom.
    lines: Vec<(usize, usize)>,
    dx: f32,
    space: f32,
    /// The field's inner width.
    width: f32,
    /// Where an empty line's caret waits: the side the rest of the text
    /// reads from, or the interface's when there is none.
    empty_rtl: bool,
}

impl View {
    fn build(ui: &Ui, shown: String, font: &FontId, wrap: f32) -> View {
        let empty_rtl = if shown.chars().any(|c| !c.is_whitespace()) {
            base_direction(&shown) == Dir::Rtl
        } else {
            crate::i18n::lang().rtl()
        };
        let mut paras = Vec::new();
        let mut start = 0;
        let space = ui.fonts_mut(|f| {
            let mut m = EguiMeasure {
                fonts: f,
                font: font.clone(),
            };
            for piece in shown.split('\n') {
                let end = start + piece.len();
                paras.push(Para {
                    start,
                    end,
                    layout: layout_paragraph(piece, wrap, &mut m),
                });
                start = end + 1;
            }
            crate::layout::Measure::width(&mut m, " ")
        });
        let lines = paras
            .iter()
            .enumerate()
            .flat_map(|(i, p)| (0..p.layout.lines.len().max(1)).map(move |l| (i, l)))
            .collect();
        View {
            shown,
            paras,
            lines,
            dx: 0.0,
            space,
            width: wrap,
            empty_rtl,
        }
    }

    /// The horizontal extent [left, right] of the text's lines.
    fn extent(&self) -> (f32, f32) {
        let mut left = f32::MAX;
        let mut right = f32::MIN;
        for p in &self.paras {
            for l in &p.layout.lines {
                if let (Some(a), Some(b)) = (l.runs.first(), l.runs.last()) {
                    left = left.min(a.x);
                    right = right.max(b.x + b.w);
                }
            }
        }
        if left > right {
            (0.0, 0.0)
        } else {
            (left, right)
        }
    }

    fn para_of(&self, at: usize) -> usize {
        self.paras
            .iter()
            .position(|p| at <= p.end)
            .unwrap_or(self.paras.len().saturating_sub(1))
    }

    /// The visual line and x of the caret at `at` (before `dx`).
    fn caret(&self, ui: &Ui, font: &FontId, at: usize) -> (usize, f32) {
        let mut at = at.min(self.shown.len());
        while !self.shown.is_char_boundary(at) {
            at -= 1;
        }
        let pi = self.para_of(at);
        let Some(p) = self.paras.get(pi) else {
            return (0, 0.0);
        };
        let text = &self.shown[p.start..p.end];
        let local = at.saturating_sub(p.start).min(text.len());
        let lines = &p.layout.lines;
        // With the character before it: the line that ends at `local`
        // holds the caret, unless it is the paragraph's start — or the
        // line ends in a space where it wrapped: then the caret is at the
        // start of the next line, where the next letter will go.
        let mut li = lines
            .iter()
            .position(|l| l.start < local && local <= l.end)
            .unwrap_or(0);
        if lines.get(li).is_some_and(|l| l.end == local)
            && li + 1 < lines.len()
            && text[..local].ends_with(char::is_whitespace)
        {
            li += 1;
        }
        let row = self
            .lines
            .iter()
            .position(|&(a, b)| a == pi && b == li)
            .unwrap_or(0);
        let Some(line) = lines.get(li) else {
            return (row, 0.0);
        };
        let pieces: Vec<_> = line.runs.iter().flat_map(|r| &r.pieces).collect();
        let piece = pieces
            .iter()
            .find(|q| q.start < local && local <= q.end && q.w > 0.0)
            .or_else(|| pieces.iter().find(|q| q.start <= local && local <= q.end));
        // An empty line: the caret waits at the side the interface reads from.
        let empty_x = if !text.is_empty() {
            match p.layout.dir {
                Dir::Rtl => p.layout.max_width,
                Dir::Ltr => 0.0,
            }
        } else if self.empty_rtl {
            self.width - 1.0
        } else {
            1.0
        };
        let mut x = match piece {
            Some(q) => ui.fonts_mut(|f| {
                let mut m = EguiMeasure {
                    fonts: f,
                    font: font.clone(),
                };
                q.caret_x(text, local, &mut m)
            }),
            None => empty_x,
        };
        // Spaces at a line's end hang (no width): the caret after them
        // still moves on, as the next letter will.
        let body_end = line.start + text[line.start..line.end].trim_end().len();
        if local > body_end {
            let n = text[body_end..local].chars().count() as f32;
            x += match p.layout.dir {
                Dir::Rtl => -n * self.space,
                Dir::Ltr => n * self.space,
            };
        }
        (row, x)
    }

    /// The logical offset under the point (`x` before `dx`) on visual line `row`.
    fn offset_at(&self, ui: &Ui, font: &FontId, row: usize, x: f32) -> usize {
        let Some(&(pi, li)) = self.lines.get(row.min(self.lines.len().saturating_sub(1))) else {
            return 0;
        };
        let p = &self.paras[pi];
        let text = &self.shown[p.start..p.end];
        p.start
            + ui.fonts_mut(|f| {
                let mut m = EguiMeasure {
                    fonts: f,
                    font: font.clone(),
                };
                p.layout.offset_at(text, li, x, &mut m)
            })
    }

    /// The direction of the paragraph holding `at` (the arrows follow it).
    fn dir_at(&self, at: usize) -> Dir {
        let p = &self.paras[self.para_of(at)];
        base_direction(&self.shown[p.start..p.end])
    }
}

impl Widget for BidiEdit<'_> {
    fn ui(self, ui: &mut Ui) -> Response {
        let BidiEdit {
            text,
            hint,
            multiline,
            rows,
            width,
            font,
        } = self;
        let id = ui.next_auto_id();
        let shared: Shared = ui.ctx().data_mut(|d| {
            d.get_temp_mut_or_insert_with(id, || {
                Arc::new(Mutex::new(State {
                    editor: Editor::at_end(text),
                    scroll: 0.0,
                    seen: text.clone(),
                    hint: None,
                }))
            })
            .clone()
        });
        let mut state = shared.lock().unwrap_or_else(|e| e.into_inner());
        if state.seen != *text {
            state.editor.replaced(text);
        }
        state.editor.clamp(text);
        let before = text.clone();
        let focused = ui.memory(|m| m.has_focus(id));
        // A composition does not outlive the keyboard.
        if !focused {
            state.editor.preedit = None;
        }

        // An assistive technology sets the whole value.
        let set_value = ui.input(|i| {
            i.accesskit_action_requests(id, egui::accesskit::Action::SetValue)
                .filter_map(|r| match &r.data {
                    Some(egui::accesskit::ActionData::Value(v)) => Some(v.to_string()),
                    _ => None,
                })
                .last()
        });
        if let Some(v) = set_value {
            state.editor.set_text(text, &v);
        }

        let margin = Vec2::new(6.0, 3.0);
        let lh = line_height(ui, &font);
        // (egui's own width for a field when none is asked for.)
        let outer_w = width
            .unwrap_or_else(|| ui.spacing().text_edit_width)
            .min(ui.available_width().max(40.0))
            .max(40.0);
        let inner_w = outer_w - 2.0 * margin.x;
        let wrap = if multiline { inner_w } else { 100_000.0 };

        let mut surrender = false;
        if focused {
            // The arrows stay in the field (up and down too: in one line
            // they go to its start and end); Tab and Escape leave it.
            let filter = EventFilter {
                horizontal_arrows: true,
                vertical_arrows: true,
                tab: false,
                escape: false,
            };
            ui.memory_mut(|m| m.set_focus_lock_filter(id, filter));
            let events = ui.input(|i| i.filtered_events(&filter));
            // (Laid out again after each change: the arrows need the text
            // as it is now.)
            let mut view: Option<View> = None;
            for event in events {
                if view.as_ref().is_none_or(|v| v.shown != *text) {
                    view = Some(View::build(ui, text.clone(), &font, wrap));
                }
                if let Some(v) = &view {
                    surrender |= handle(ui, &mut state.editor, text, &event, multiline, v, &font);
                }
            }
        }

        // What is shown: the text with a composition at the caret.
        let preedit = state.editor.preedit.clone().filter(|p| !p.is_empty());
        let caret_at = state.editor.cursor + preedit.as_ref().map_or(0, String::len);
        let shown = match &preedit {
            Some(p) => {
                let mut s = text.clone();
                s.insert_str(state.editor.cursor, p);
                s
            }
            None => text.clone(),
        };
        let mut view = View::build(ui, shown, &font, wrap);
        view.width = inner_w;
        let rows_shown = if multiline {
            view.lines.len().max(rows)
        } else {
            1
        };
        let size = Vec2::new(outer_w, rows_shown as f32 * lh + 2.0 * margin.y);
        let (_, rect) = ui.allocate_space(size);
        let response = ui.interact(rect, id, Sense::click_and_drag());
        let inner = rect.shrink2(margin);

        // Where the text sits: right-to-left lines at the right edge, a
        // single line longer than the field scrolled to keep the caret seen.
        let (left, right) = view.extent();
        let (_, caret_x) = view.caret(ui, &font, caret_at);
        view.dx = if multiline {
            0.0
        } else if right - left <= inner_w {
            state.scroll = 0.0;
            match view.dir_at(0) {
                Dir::Rtl if !view.shown.is_empty() => inner_w - right,
                Dir::Rtl => 0.0,
                Dir::Ltr => -left,
            }
        } else {
            // Keep the caret inside [0, inner_w] after the shift.
            let mut dx = -left - state.scroll;
            if view.dir_at(0) == Dir::Rtl && state.scroll == 0.0 && !focused {
                dx = inner_w - right;
            }
            if caret_x + dx < 0.0 {
                dx = -caret_x + 4.0;
            } else if caret_x + dx > inner_w {
                dx = inner_w - caret_x - 4.0;
            }
            state.scroll = -left - dx;
            dx
        };

        // The pointer: a press puts the caret (Shift extends), a drag
        // selects, a double-click selects a word.
        let row_of = |p: Pos2| ((p.y - inner.top()) / lh).floor().max(0.0) as usize;
        let pressed_here =
            response.is_pointer_button_down_on() && ui.input(|i| i.pointer.any_pressed());
        if let Some(pos) = response.interact_pointer_pos() {
            let shown_at = view.offset_at(ui, &font, row_of(pos), pos.x - inner.left() - view.dx);
            // Back from what is shown to the text: a press inside a
            // composition lands where it is being written.
            let plen = preedit.as_ref().map_or(0, String::len);
            let c = state.editor.cursor;
            let mut at = if shown_at <= c {
                shown_at
            } else if shown_at <= c + plen {
                c
            } else {
                shown_at - plen
            }
            .min(text.len());
            while !text.is_char_boundary(at) {
                at -= 1;
            }
            if preedit.is_some() {
                // A press ends a composition where it stands (the caret
                // stays; the input method starts afresh).
                if pressed_here {
                    state.editor.preedit = None;
                }
            } else if response.double_clicked() {
                state.editor.select_word(text, at);
            } else if pressed_here {
                let shift = ui.input(|i| i.modifiers.shift);
                state.editor.move_to(at, shift);
            } else if response.dragged() {
                state.editor.move_to(at, true);
            }
        }
        if pressed_here || response.clicked() {
            response.request_focus();
        }
        if response.hovered() {
            ui.ctx().set_cursor_icon(CursorIcon::Text);
        }
        let focused = ui.memory(|m| m.has_focus(id));
        if focused
            && ui.input(|i| i.pointer.any_pressed())
            && !response.hovered()
            && !response.contains_pointer()
        {
            surrender = true;
        }
        if surrender {
            ui.memory_mut(|m| m.surrender_focus(id));
        }

        // The hint, shortened to the field once per hint and width.
        let hint_shown = if view.shown.is_empty() && !hint.is_empty() {
            match &state.hint {
                Some((h, w, shown)) if h == hint && *w == inner_w.to_bits() => shown.clone(),
                _ => {
                    let shown = fit_hint(ui, hint, &font, inner_w);
                    state.hint = Some((hint.to_string(), inner_w.to_bits(), shown.clone()));
                    shown
                }
            }
        } else {
            String::new()
        };
        paint(
            ui,
            &view,
            &state.editor,
            &preedit,
            &hint_shown,
            &font,
            (rect, inner, margin),
            lh,
            focused && !surrender,
        );

        if focused && !surrender {
            let (row, x) = view.caret(ui, &font, caret_at);
            let cx = inner.left() + x + view.dx;
            let top = inner.top() + row as f32 * lh;
            let cursor_rect = Rect::from_min_size(Pos2::new(cx, top), Vec2::new(1.0, lh));
            let to_global = ui
                .ctx()
                .layer_transform_to_global(ui.layer_id())
                .unwrap_or_default();
            ui.output_mut(|o| {
                o.ime = Some(egui::output::IMEOutput {
                    purpose: egui::IMEPurpose::Normal,
                    rect: to_global * rect,
                    cursor_rect: to_global * cursor_rect,
                    should_interrupt_composition: false,
                });
            });
        }

        let mut response = response;
        if *text != before {
            response.mark_changed();
        }
        let hint_s = hint.to_string();
        let now = text.clone();
        state.seen = now.clone();
        response.widget_info(|| WidgetInfo::text_edit(ui.is_enabled(), &before, &now, &hint_s));
        crate::ui::widgets::rtl_text::drawn_by_layout(ui.ctx(), id);
        ui.ctx().accesskit_node_builder(id, |b| {
            b.set_role(if multiline {
                egui::accesskit::Role::MultilineTextInput
            } else {
                egui::accesskit::Role::TextInput
            });
            b.add_action(egui::accesskit::Action::SetValue);
        });
        response
    }
}

/// One input event on a focused field; true when the field gives up the
/// keyboard (Enter in a single line, Escape).
fn handle(
    ui: &Ui,
    ed: &mut Editor,
    text: &mut String,
    event: &Event,
    multiline: bool,
    view: &View,
    font: &FontId,
) -> bool {
    match event {
        Event::Text(s) => {
            let s: String = s
                .chars()
                .filter(|c| !c.is_control() || (multiline && *c == '\n'))
                .collect();
            if !s.is_empty() {
                ed.insert(text, &s);
            }
        }
        Event::Paste(s) => {
            // As typed: line breaks in a note, one space for each in a
            // single line, tabs as spaces, no other control characters.
            let s = s.replace("\r\n", "\n").replace('\r', "\n");
            let s: String = s
                .chars()
                .filter_map(|c| match c {
                    '\n' if multiline => Some('\n'),
                    '\n' | '\t' => Some(' '),
                    c if c.is_control() => None,
                    c => Some(c),
                })
                .collect();
            ed.paste(text, &s);
        }
        Event::Copy if ed.has_selection() => {
            ui.ctx().copy_text(ed.selected(text).to_string());
        }
        Event::Cut => {
            if let Some(s) = ed.cut(text) {
                ui.ctx().copy_text(s);
            }
        }
        Event::Ime(ime) => match ime {
            ImeEvent::Preedit { text: p, .. } => {
                if ed.has_selection() && !p.is_empty() {
                    ed.insert(text, "");
                }
                ed.preedit = Some(p.clone());
            }
            ImeEvent::Commit(s) => {
                ed.preedit = None;
                if !s.is_empty() {
                    ed.insert(text, s);
                }
            }
            _ => {}
        },
        Event::Key {
            key,
            pressed: true,
            modifiers,
            ..
        } => return key_press(ui, ed, text, *key, *modifiers, multiline, view, font),
        _ => {}
    }
    false
}

#[allow(clippy::too_many_arguments)]
fn key_press(
    ui: &Ui,
    ed: &mut Editor,
    text: &mut String,
    key: Key,
    m: Modifiers,
    multiline: bool,
    view: &View,
    font: &FontId,
) -> bool {
    let word = m.ctrl || m.alt;
    let step = if word { Step::Word } else { Step::Char };
    let extend = m.shift;
    match key {
        Key::ArrowLeft | Key::ArrowRight => {
            if m.mac_cmd {
                let forward = key == Key::ArrowRight;
                ed.step(text, forward, Step::Line, extend);
            } else {
                // Logical order, in the paragraph's direction: left goes
                // forward in a right-to-left paragraph.
                let rtl = view.dir_at(ed.cursor.min(view.shown.len())) == Dir::Rtl;
                let forward = (key == Key::ArrowLeft) == rtl;
                ed.step(text, forward, step, extend);
            }
        }
        Key::ArrowUp | Key::ArrowDown if !multiline => {
            ed.step(text, key == Key::ArrowDown, Step::All, extend);
        }
        Key::ArrowUp | Key::ArrowDown => {
            let (row, x) = view.caret(ui, font, ed.cursor);
            let target = if key == Key::ArrowUp {
                row.checked_sub(1)
            } else {
                Some(row + 1).filter(|&r| r < view.lines.len())
            };
            match target {
                Some(r) => {
                    let at = view.offset_at(ui, font, r, x).min(text.len());
                    ed.move_to(at, extend);
                }
                None => ed.step(text, key == Key::ArrowDown, Step::All, extend),
            }
        }
        Key::Home | Key::End => {
            let all = m.command || !multiline;
            ed.step(
                text,
                key == Key::End,
                if all { Step::All } else { Step::Line },
                extend,
            );
        }
        Key::Backspace => ed.backspace(text, step),
        Key::Delete => ed.delete(text, step),
        Key::Enter => {
            if multiline {
                ed.insert(text, "\n");
            } else {
                return true;
            }
        }
        Key::Escape => return true,
        Key::A if m.command => ed.select_all(text),
        Key::Z if m.command && !m.shift => {
            ed.undo(text);
        }
        Key::Z if m.command && m.shift => {
            ed.redo(text);
        }
        Key::Y if m.command => {
            ed.redo(text);
        }
        _ => {}
    }
    false
}

#[allow(clippy::too_many_arguments)]
fn paint(
    ui: &Ui,
    view: &View,
    ed: &Editor,
    preedit: &Option<String>,
    hint: &str,
    font: &FontId,
    (rect, inner, margin): (Rect, Rect, Vec2),
    lh: f32,
    focused: bool,
) {
    if !ui.is_rect_visible(rect) {
        return;
    }
    let visuals = ui.visuals();
    let stroke = if focused {
        visuals.selection.stroke
    } else {
        visuals.widgets.inactive.bg_stroke
    };
    let painter = ui.painter();
    painter.rect(
        rect,
        visuals.widgets.inactive.corner_radius,
        visuals.text_edit_bg_color(),
        stroke,
        egui::StrokeKind::Inside,
    );
    let painter = ui.painter_at(rect.shrink2(margin * 0.5));
    let row_h = ui.fonts_mut(|f| f.row_height(font));
    let origin = inner.left_top() + Vec2::new(view.dx, 0.0);
    let measure_boxes = |range: std::ops::Range<usize>| -> Vec<(usize, f32, f32)> {
        let mut out = Vec::new();
        ui.fonts_mut(|f| {
            let mut m = EguiMeasure {
                fonts: f,
                font: font.clone(),
            };
            for (row, &(pi, li)) in view.lines.iter().enumerate() {
                let p = &view.paras[pi];
                let Some(line) = p.layout.lines.get(li) else {
                    continue;
                };
                let ptext = &view.shown[p.start..p.end];
                // (The range, within the paragraph.)
                let local = range.start.saturating_sub(p.start)..range.end.saturating_sub(p.start);
                for (x0, x1) in line.extents(ptext, &local, &mut m) {
                    out.push((row, x0, x1));
                }
            }
        });
        out
    };
    // The selection behind the text.
    if ed.has_selection() && preedit.is_none() {
        let sel = ed.selection();
        let fill = if focused {
            visuals.selection.bg_fill
        } else {
            visuals.selection.bg_fill.gamma_multiply(0.5)
        };
        for (row, x0, x1) in measure_boxes(sel) {
            let y = origin.y + row as f32 * lh;
            painter.rect_filled(
                Rect::from_min_max(
                    Pos2::new(origin.x + x0, y),
                    Pos2::new(origin.x + x1, y + lh),
                ),
                1.0,
                fill,
            );
        }
    }
    if view.shown.is_empty() {
        // The hint, in the direction of its own words.
        if !hint.is_empty() {
            let hview = View::build(ui, hint.to_string(), font, 100_000.0);
            let (left, right) = hview.extent();
            let dx = match base_direction(hint) {
                Dir::Rtl => inner.width() - right,
                Dir::Ltr => -left,
            };
            draw_lines(
                ui,
                &hview,
                inner.left_top() + Vec2::new(dx, 0.0),
                font,
                visuals.weak_text_color(),
                lh,
                row_h,
                &painter,
            );
        }
    } else {
        draw_lines(
            ui,
            view,
            origin,
            font,
            visuals.text_color(),
            lh,
            row_h,
            &painter,
        );
    }
    // An input method's composition is underlined.
    if let Some(p) = preedit {
        let start = ed.cursor;
        for (row, x0, x1) in measure_boxes(start..start + p.len()) {
            let y = origin.y + (row as f32 + 1.0) * lh - 2.0;
            painter.line_segment(
                [Pos2::new(origin.x + x0, y), Pos2::new(origin.x + x1, y)],
                Stroke::new(1.0, visuals.text_color()),
            );
        }
    }
    if focused {
        let at = ed.cursor + preedit.as_ref().map_or(0, String::len);
        let (row, x) = view.caret(ui, font, at);
        let x = origin.x + x;
        let y = origin.y + row as f32 * lh;
        painter.line_segment(
            [Pos2::new(x, y + 2.0), Pos2::new(x, y + lh - 2.0)],
            Stroke::new(1.5, visuals.text_cursor.stroke.color),
        );
    }
}

/// `hint` as it fits `width`: whole, or words dropped from its end for
/// «…» (the Persian search hint was cut mid-word).
fn fit_hint(ui: &Ui, hint: &str, font: &FontId, width: f32) -> String {
    let mut shown = hint.to_string();
    loop {
        let (left, right) = View::build(ui, shown.clone(), font, 100_000.0).extent();
        let Some(cut) = shown.trim_end_matches('…').trim_end().rfind(' ') else {
            return shown;
        };
        if right - left <= width {
            return shown;
        }
        shown = format!("{}…", shown[..cut].trim_end_matches([',', '،', ' ']));
    }
}

#[allow(clippy::too_many_arguments)]
fn draw_lines(
    ui: &Ui,
    view: &View,
    origin: Pos2,
    font: &FontId,
    color: Color32,
    lh: f32,
    row_h: f32,
    painter: &egui::Painter,
) {
    for (row, &(pi, li)) in view.lines.iter().enumerate() {
        let Some(line) = view.paras[pi].layout.lines.get(li) else {
            continue;
        };
        let y = origin.y + row as f32 * lh + (lh - row_h) / 2.0;
        crate::ui::widgets::rtl_text::draw_line(
            ui,
            painter,
            line,
            Pos2::new(origin.x, y),
            font,
            color,
        );
    }
}
