//! The widget that draws article text: a paragraph laid out by
//! [`crate::layout`] (bidi, line breaks, visual runs), each piece drawn as
//! its own no-wrap egui galley, with coloured spans (search hits, tags,
//! entity mentions, the selection) across line and run breaks, and pointer
//! positions mapped back to logical offsets.
//!
//! Layouts are cached per (text, width, font, pixels per point); a panel
//! only asks for the paragraphs it shows.

use std::collections::HashMap;
use std::hash::{Hash, Hasher};
use std::ops::Range;
use std::sync::Arc;

use egui::{Color32, FontId, Id, Pos2, Rect, Response, Role, Sense, Stroke, Ui, Vec2, WidgetInfo};

use crate::layout::{ParagraphLayout, layout_paragraph};
use crate::ui::fonts::EguiMeasure;

/// Whether egui's own text (labels, buttons, menus) draws `text` right.
/// egui shapes each run in one direction and has no bidi (RENDERING.md):
/// text with no right-to-left character is fine, and so is text that is
/// one right-to-left run throughout (Persian words, spaces, signs); a
/// digit (Persian or Latin) or a Latin letter among Persian is drawn
/// backwards. Everything else goes through [`RtlText`].
pub fn egui_draws_right(text: &str) -> bool {
    use unicode_bidi::{BidiClass, bidi_class};
    let rtl = text.chars().any(|c| {
        matches!(bidi_class(c), BidiClass::R | BidiClass::AL | BidiClass::AN)
            || ('\u{06F0}'..='\u{06F9}').contains(&c)
    });
    !rtl || text
        .chars()
        .all(|c| !matches!(bidi_class(c), BidiClass::L | BidiClass::EN | BidiClass::AN))
}

/// The widgets whose text the layout module drew this frame (their
/// accessibility ids): a test walks the window's widgets and fails on any
/// text egui would draw wrong that is not among them.
#[derive(Clone, Default)]
struct DrawnByLayout(Arc<std::sync::Mutex<(u64, Vec<Id>)>>);

/// Notes that the widget `id` shows its text through the layout module.
pub fn drawn_by_layout(ctx: &egui::Context, id: Id) {
    let frame = ctx.cumulative_frame_nr();
    let d = ctx.data_mut(|d| d.get_temp_mut_or_default::<DrawnByLayout>(Id::NULL).clone());
    let mut g = d.0.lock().unwrap_or_else(|e| e.into_inner());
    if g.0 != frame {
        *g = (frame, Vec::new());
    }
    g.1.push(id);
}

/// The widgets noted by [`drawn_by_layout`] in the last frame that noted any.
pub fn drawn_by_layout_ids(ctx: &egui::Context) -> Vec<Id> {
    let d = ctx.data_mut(|d| d.get_temp_mut_or_default::<DrawnByLayout>(Id::NULL).clone());
    let g = d.0.lock().unwrap_or_else(|e| e.into_inner());
    g.1.clone()
}

/// How a span is drawn.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct SpanStyle {
    pub background: Option<Color32>,
    pub underline: Option<Color32>,
}

/// A coloured character range (bytes into the widget's text).
#[derive(Debug, Clone, PartialEq)]
pub struct Span {
    pub range: Range<usize>,
    pub style: SpanStyle,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
struct LayoutKey {
    text: u64,
    len: usize,
    width: u32,
    font: u64,
    ppp: u32,
}

/// Paragraph layouts kept between frames.
#[derive(Default)]
pub struct LayoutCache {
    map: HashMap<LayoutKey, Arc<ParagraphLayout>>,
}

/// Above this many entries the cache starts afresh (a few MB).
const CACHE_LIMIT: usize = 4096;

impl LayoutCache {
    pub fn layout(
        &mut self,
        ui: &Ui,
        text: &str,
        width: f32,
        font: &FontId,
    ) -> Arc<ParagraphLayout> {
        let hash = |v: &dyn Fn(&mut std::collections::hash_map::DefaultHasher)| {
            let mut h = std::collections::hash_map::DefaultHasher::new();
            v(&mut h);
            h.finish()
        };
        let key = LayoutKey {
            text: hash(&|h| text.hash(h)),
            len: text.len(),
            width: width.to_bits(),
            font: hash(&|h| font.hash(h)),
            ppp: ui.ctx().pixels_per_point().to_bits(),
        };
        if let Some(l) = self.map.get(&key) {
            return l.clone();
        }
        if self.map.len() > CACHE_LIMIT {
            self.map.clear();
        }
        let layout = Arc::new(ui.fonts_mut(|f| {
            let mut m = EguiMeasure {
                fonts: f,
                font: font.clone(),
            };
            layout_paragraph(text, width, &mut m)
        }));
        self.map.insert(key, layout.clone());
        layout
    }

    pub fn len(&self) -> usize {
        self.map.len()
    }

    pub fn is_empty(&self) -> bool {
        self.map.is_empty()
    }
}

/// A paragraph of article text.
pub struct RtlText<'a> {
    text: &'a str,
    font: FontId,
    color: Option<Color32>,
    spans: &'a [Span],
    selection: Option<Range<usize>>,
    width: Option<f32>,
    max_lines: Option<usize>,
    sense: Sense,
    /// Part of a widget that names itself (a button): no label of its own
    /// for screen readers and tests.
    inner: bool,
    align: Option<egui::Align>,
}

/// What was drawn, for pointer handling.
pub struct RtlResponse {
    pub response: Response,
    pub layout: Arc<ParagraphLayout>,
    pub origin: Pos2,
    pub line_height: f32,
}

impl<'a> RtlText<'a> {
    pub fn new(text: &'a str, font: FontId) -> Self {
        RtlText {
            text,
            font,
            color: None,
            spans: &[],
            selection: None,
            width: None,
            max_lines: None,
            sense: Sense::hover(),
            inner: false,
            align: None,
        }
    }

    /// Align every line left, centre or right, whatever its direction
    /// (concordance cells); by default RTL lines sit right, LTR left.
    pub fn align(mut self, align: egui::Align) -> Self {
        self.align = Some(align);
        self
    }

    pub fn color(mut self, c: Color32) -> Self {
        self.color = Some(c);
        self
    }

    pub fn spans(mut self, spans: &'a [Span]) -> Self {
        self.spans = spans;
        self
    }

    /// The selected byte range (drawn with the selection colour).
    pub fn selection(mut self, sel: Option<Range<usize>>) -> Self {
        self.selection = sel.filter(|r| !r.is_empty());
        self
    }

    pub fn width(mut self, w: f32) -> Self {
        self.width = Some(w);
        self
    }

    /// Show at most this many lines (list rows).
    pub fn max_lines(mut self, n: usize) -> Self {
        self.max_lines = Some(n);
        self
    }

    /// The text of a widget that gives its own accessible label.
    pub fn inner(mut self) -> Self {
        self.inner = true;
        self
    }

    pub fn sense(mut self, sense: Sense) -> Self {
        self.sense = sense;
        self
    }

    /// The height this text will take (for virtualised lists).
    pub fn height(&self, ui: &Ui, cache: &mut LayoutCache) -> f32 {
        let width = self.width.unwrap_or_else(|| ui.available_width());
        let layout = cache.layout(ui, self.text, width, &self.font);
        let lines = self
            .max_lines
            .map_or(layout.lines.len(), |m| layout.lines.len().min(m));
        lines as f32 * line_height(ui, &self.font)
    }

    pub fn show(self, ui: &mut Ui, cache: &mut LayoutCache) -> RtlResponse {
        let width = self.width.unwrap_or_else(|| ui.available_width()).max(10.0);
        let mut layout = cache.layout(ui, self.text, width, &self.font);
        // A text longer than its lines ends in «…» (a word or so earlier,
        // so the mark fits); the label keeps the whole text.
        let elided: Option<String> = match self.max_lines {
            Some(m) if m > 0 && layout.lines.len() > m => {
                let mut cut = layout.lines[m - 1].end.min(self.text.len());
                let mut shown = None;
                for _ in 0..12 {
                    let head = self.text.get(..cut).unwrap_or("").trim_end();
                    let candidate = format!("{head}…");
                    let l = cache.layout(ui, &candidate, width, &self.font);
                    if l.lines.len() <= m || head.is_empty() {
                        layout = l;
                        shown = Some(candidate);
                        break;
                    }
                    cut = head
                        .rfind(' ')
                        .unwrap_or_else(|| head.char_indices().rev().nth(2).map_or(0, |(i, _)| i));
                }
                shown
            }
            _ => None,
        };
        let shown: &str = elided.as_deref().unwrap_or(self.text);
        let lh = line_height(ui, &self.font);
        let lines = self
            .max_lines
            .map_or(layout.lines.len(), |m| layout.lines.len().min(m));
        let (rect, response) =
            ui.allocate_exact_size(Vec2::new(width, lines as f32 * lh), self.sense);
        if !self.inner {
            let text = self.text.to_string();
            response.widget_info(|| WidgetInfo::labeled(Role::Label, true, &text));
            drawn_by_layout(ui.ctx(), response.id);
        }
        let origin = rect.min;
        let align = self.align;
        let dx = move |line: &crate::layout::Line| -> f32 {
            let (Some(first), Some(last)) = (line.runs.first(), line.runs.last()) else {
                return 0.0;
            };
            let (left, right) = (first.x, last.x + last.w);
            match align {
                None => 0.0,
                Some(egui::Align::Min) => -left,
                Some(egui::Align::Max) => width - right,
                Some(egui::Align::Center) => (width - (right - left)) / 2.0 - left,
            }
        };
        if ui.is_rect_visible(rect) {
            let painter = ui.painter_at(rect.expand(2.0));
            let color = self.color.unwrap_or_else(|| ui.visuals().text_color());
            let row_h = ui.fonts_mut(|f| f.row_height(&self.font));
            // Backgrounds first, then text, then underlines.
            let sel_color = ui.visuals().selection.bg_fill;
            // (Ranges past an elided text's end are cut at it.)
            let kept = shown.len()
                - if elided.is_some() {
                    '…'.len_utf8()
                } else {
                    0
                };
            let clip = |r: &Range<usize>| (r.start < kept).then(|| r.start..r.end.min(kept));
            let mut backgrounds: Vec<(Range<usize>, Color32)> = self
                .spans
                .iter()
                .filter_map(|s| Some((clip(&s.range)?, s.style.background?)))
                .collect();
            if let Some(sel) = self.selection.as_ref().and_then(clip) {
                backgrounds.push((sel, sel_color));
            }
            for (range, c) in &backgrounds {
                for (line, x0, x1) in range_boxes(ui, &layout, shown, range, &self.font, lines) {
                    let y = origin.y + line as f32 * lh;
                    painter.rect_filled(
                        Rect::from_min_max(
                            Pos2::new(origin.x + x0, y),
                            Pos2::new(origin.x + x1, y + lh),
                        ),
                        2.0,
                        *c,
                    );
                }
            }
            for (i, line) in layout.lines.iter().take(lines).enumerate() {
                let y = origin.y + i as f32 * lh + (lh - row_h) / 2.0;
                let d = dx(line);
                draw_line(
                    ui,
                    &painter,
                    line,
                    Pos2::new(origin.x + d, y),
                    &self.font,
                    color,
                );
            }
            for s in self.spans.iter() {
                let (Some(c), Some(range)) = (s.style.underline, clip(&s.range)) else {
                    continue;
                };
                for (line, x0, x1) in range_boxes(ui, &layout, shown, &range, &self.font, lines) {
                    let y = origin.y + (line as f32 + 1.0) * lh - 2.0;
                    painter.line_segment(
                        [Pos2::new(origin.x + x0, y), Pos2::new(origin.x + x1, y)],
                        Stroke::new(1.5, c),
                    );
                }
            }
        }
        RtlResponse {
            response,
            layout,
            origin,
            line_height: lh,
        }
    }
}

/// Draws one laid-out line with its left edge at `origin` (the top of the
/// glyphs): each piece as its own egui galley, as the layout placed it.
pub(crate) fn draw_line(
    ui: &Ui,
    painter: &egui::Painter,
    line: &crate::layout::Line,
    origin: Pos2,
    font: &FontId,
    color: Color32,
) {
    for p in line.runs.iter().flat_map(|r| &r.pieces) {
        if p.w == 0.0 || p.display.trim().is_empty() {
            continue;
        }
        let galley = ui.fonts_mut(|f| f.layout_no_wrap(p.display.clone(), font.clone(), color));
        painter.galley(Pos2::new(origin.x + p.x, origin.y), galley, color);
    }
}

/// Line height for a font: the font's row plus room for Persian marks.
pub fn line_height(ui: &Ui, font: &FontId) -> f32 {
    ui.fonts_mut(|f| f.row_height(font)) * 1.35
}

/// The boxes (line, x0, x1) covering a byte range.
fn range_boxes(
    ui: &Ui,
    layout: &ParagraphLayout,
    text: &str,
    range: &Range<usize>,
    font: &FontId,
    max_lines: usize,
) -> Vec<(usize, f32, f32)> {
    let mut out = Vec::new();
    ui.fonts_mut(|f| {
        let mut m = EguiMeasure {
            fonts: f,
            font: font.clone(),
        };
        for (i, line) in layout.lines.iter().enumerate().take(max_lines) {
            for (x0, x1) in line.extents(text, range, &mut m) {
                out.push((i, x0, x1));
            }
        }
    });
    out
}

impl RtlResponse {
    /// The logical byte offset under a screen position (nearest line).
    pub fn offset_at(&self, ui: &Ui, text: &str, font: &FontId, pos: Pos2) -> usize {
        let lines = self.layout.lines.len().max(1);
        let line = (((pos.y - self.origin.y) / self.line_height)
            .floor()
            .max(0.0) as usize)
            .min(lines - 1);
        let x = pos.x - self.origin.x;
        ui.fonts_mut(|f| {
            let mut m = EguiMeasure {
                fonts: f,
                font: font.clone(),
            };
            self.layout.offset_at(text, line, x, &mut m)
        })
    }
}

/// A button whose text may hold Persian, drawn through [`RtlText`] (egui's
/// own buttons lay a Persian word's letters out backwards); as wide as its
/// text, at most the room there is. Its accessible label is the text.
pub fn rtl_button(ui: &mut Ui, cache: &mut LayoutCache, text: &str) -> Response {
    let font = FontId::proportional(14.0);
    let natural = natural_width(ui, cache, text, &font);
    let pad = ui.spacing().button_padding;
    // (Slack: the paragraph is laid out again at this width.)
    let width = (natural + 16.0 + 2.0 * pad.x).min(ui.available_width().max(40.0));
    text_box(ui, cache, text, width, None)
}

/// A clickable box `width` wide with one line of `text` in it, drawn by
/// [`RtlText`]: a button, or (`selected` given) an item of a list, filled
/// when chosen or hovered.
pub(crate) fn text_box(
    ui: &mut Ui,
    cache: &mut LayoutCache,
    text: &str,
    width: f32,
    selected: Option<bool>,
) -> Response {
    let font = FontId::proportional(14.0);
    let pad = ui.spacing().button_padding;
    let height = line_height(ui, &font) + 2.0 * pad.y;
    let (rect, resp) = ui.allocate_exact_size(Vec2::new(width, height), Sense::click());
    resp.widget_info(|| match selected {
        Some(on) => WidgetInfo::selected(Role::Button, ui.is_enabled(), on, text),
        None => WidgetInfo::labeled(Role::Button, ui.is_enabled(), text),
    });
    drawn_by_layout(ui.ctx(), resp.id);
    if ui.is_rect_visible(rect) {
        let visuals = match selected {
            Some(on) => ui.style().interact_selectable(&resp, on),
            None => *ui.style().interact(&resp),
        };
        if selected.is_none_or(|on| on || resp.hovered()) {
            ui.painter()
                .rect_filled(rect, visuals.corner_radius, visuals.weak_bg_fill);
        }
        let mut child = ui.new_child(egui::UiBuilder::new().max_rect(rect.shrink2(pad)));
        RtlText::new(text, font)
            .color(visuals.text_color())
            .width(rect.width() - 2.0 * pad.x)
            .max_lines(1)
            .inner()
            .show(&mut child, cache);
    }
    resp
}

/// One line of `text` through [`RtlText`], as wide as the text (at most
/// the room there is): for rows of egui widgets, where a plain label would
/// lay a Persian word out backwards. Colour it, then show it.
pub fn fitted<'a>(ui: &Ui, cache: &mut LayoutCache, text: &'a str, font: FontId) -> RtlText<'a> {
    let natural = natural_width(ui, cache, text, &font);
    // (Slack: the paragraph is laid out again at this width.)
    let width = (natural + 16.0).min(ui.available_width().max(40.0));
    RtlText::new(text, font).width(width).max_lines(1)
}

/// The inside of a tooltip whose text may hold Persian (a path, a
/// Jalali month, outlets): each line through [`RtlText`]. Use it in
/// `on_hover_ui` instead of `on_hover_text`.
pub fn rtl_tooltip(ui: &mut Ui, cache: &mut LayoutCache, text: &str) {
    let font = FontId::proportional(13.0);
    for line in text.lines() {
        // As wide as the line, wrapped at the tooltip's width.
        let natural = natural_width(ui, cache, line, &font);
        RtlText::new(line, font.clone())
            .width((natural + 16.0).min(ui.available_width().max(40.0)))
            .show(ui, cache);
    }
}

/// Paints one line of `text` at `pos` (anchored as `anchor` says) through
/// the layout module, for text drawn straight onto a chart (the
/// timeline's axis): egui's `painter.text` reverses a run of Persian
/// digits. Returns the rectangle painted.
#[allow(clippy::too_many_arguments)]
pub fn paint_line(
    ui: &Ui,
    painter: &egui::Painter,
    cache: &mut LayoutCache,
    pos: Pos2,
    anchor: egui::Align2,
    text: &str,
    font: &FontId,
    color: Color32,
) -> Rect {
    // Numbers alone in an English interface read left to right (the
    // layout module would take a line without letters for Persian).
    if !crate::i18n::lang().rtl() && egui_draws_right(text) {
        return painter.text(pos, anchor, text, font.clone(), color);
    }
    let layout = cache.layout(ui, text, 10_000.0, font);
    let Some(line) = layout.lines.first() else {
        return Rect::from_min_size(pos, Vec2::ZERO);
    };
    let (Some(first), Some(last)) = (line.runs.first(), line.runs.last()) else {
        return Rect::from_min_size(pos, Vec2::ZERO);
    };
    let (left, right) = (first.x, last.x + last.w);
    let row_h = ui.fonts_mut(|f| f.row_height(font));
    let rect = anchor.anchor_size(pos, Vec2::new(right - left, row_h));
    draw_line(
        ui,
        painter,
        line,
        Pos2::new(rect.left() - left, rect.top()),
        font,
        color,
    );
    rect
}

/// How wide `text` is on one line (its widest line, laid out unwrapped).
pub fn natural_width(ui: &Ui, cache: &mut LayoutCache, text: &str, font: &FontId) -> f32 {
    cache
        .layout(ui, text, 10_000.0, font)
        .lines
        .iter()
        .filter_map(|l| Some(l.runs.last()?.x + l.runs.last()?.w - l.runs.first()?.x))
        .fold(0.0f32, f32::max)
}
