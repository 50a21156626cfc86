//! The reader: title, dateline with where the date came from, source,
//! tags and the body paragraphs (page chrome hidden), drawn right to left
//! with the RTL widget. Only the paragraphs in view are laid out; the rest
//! take an estimated height until they scroll into view. A drag selects a
//! logical range across paragraphs, a double click selects a word, Ctrl+C
//! copies the logical text, Ctrl+A selects the paragraph.

use crate::ui::widgets::rtl_text::rtl_tooltip;
use std::collections::HashMap;
use std::ops::Range;

use egui::{Color32, Event, FontId, Key, Modifiers, Pos2, Sense, Ui};

use crate::corpus::Article;
use crate::corpus::corrections::Verdict;
use crate::dates::{CalendarKind, Provenance};
use crate::ui::fonts;
use crate::ui::state::Settings;
use crate::ui::widgets::rtl_text::{
    LayoutCache, RtlResponse, RtlText, Span, SpanStyle, line_height,
};
use crate::ui::widgets::text::{label, tooltip};

#[derive(Default)]
pub struct ReaderPanel {
    /// (anchor, cursor), byte offsets into the article text.
    pub selection: Option<(usize, usize)>,
    dragging: bool,
    article_id: Option<String>,
    /// Laid-out heights of paragraphs by (index, width bits, text size bits).
    heights: HashMap<(usize, u32, u32), f32>,
    /// Search matches in this article (byte ranges), and the one in focus.
    pub hits: Vec<Range<usize>>,
    /// Mentions of the selected entity (underlined).
    pub entity_marks: Vec<Range<usize>>,
    /// Tagged passages and their tags' colours (tinted and underlined;
    /// overlapping ones add up).
    pub passage_marks: Vec<(Range<usize>, Color32)>,
    pub current_hit: usize,
    scroll_to_hit: bool,
    /// The article's paragraphs as drawn (over-long ones in pieces), for
    /// the article and reading of this key.
    blocks: Option<(BlocksKey, std::sync::Arc<[Block]>)>,
    drawn_bytes: usize,
    /// Show the lines left out of the body (page chrome, datelines),
    /// greyed, with the reason on hover.
    pub show_chrome: bool,
    /// A line the user marked (its byte range) and what they said it is;
    /// the app takes it and saves the correction.
    pub correction: Option<(Range<usize>, Verdict)>,
    /// What the last correction did, shown above the article.
    pub note: Option<String>,
}

/// What the drawn blocks were made from: they change when the article's
/// reading changes (a correction), not only its file.
type BlocksKey = (
    crate::corpus::ContentHash,
    bool,
    usize,
    usize,
    Option<Range<usize>>,
    u32,
);

/// One piece of text as drawn: a paragraph or a piece of a long one, the
/// whole line it belongs to, and for a line left out of the body, why.
#[derive(Debug, Clone, PartialEq)]
pub struct Block {
    pub range: Range<usize>,
    pub line: Range<usize>,
    pub left_out: Option<&'static str>,
}

/// Where a right-clicked line stands now.
#[derive(Clone, Copy, PartialEq)]
enum Place {
    Title,
    Body,
    LeftOut,
}

/// The right-click menu of a line: what the user says it is, offered as
/// what it is not now.
fn correction_menu(ui: &mut Ui, place: Place) -> Option<Verdict> {
    let mut chosen = None;
    ui.label(crate::tr!("reader-line-is"));
    if place != Place::LeftOut && ui.button(crate::tr!("reader-mark-chrome")).clicked() {
        chosen = Some(Verdict::Chrome);
    }
    if place != Place::Body && ui.button(crate::tr!("reader-mark-body")).clicked() {
        chosen = Some(Verdict::Body);
    }
    if place != Place::Title && ui.button(crate::tr!("reader-mark-title")).clicked() {
        chosen = Some(Verdict::Title);
    }
    if chosen.is_some() {
        ui.close();
    }
    chosen
}

pub use super::article_list::MAX_TITLE_CHARS;

/// Bytes of text laid out as one block at most: a longer paragraph (a
/// scraped file with no line breaks, a 20 MB "word") is drawn in pieces
/// cut at a space where there is one, so the reader lays out and keeps in
/// memory only the pieces in view, and a frame stays short.
pub const MAX_BLOCK_BYTES: usize = 8 * 1024;

/// `para` cut into pieces of at most about [`MAX_BLOCK_BYTES`], at the
/// last space before each limit (else at a character boundary).
pub fn split_block(text: &str, para: Range<usize>) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = para.start;
    while para.end - start > MAX_BLOCK_BYTES {
        let limit = text.floor_char_boundary(start + MAX_BLOCK_BYTES);
        let cut = text[start..limit]
            .rfind(' ')
            .map(|i| start + i + 1)
            .filter(|&c| c > start + MAX_BLOCK_BYTES / 2)
            .unwrap_or(limit);
        let cut = if cut <= start {
            text.ceil_char_boundary(start + 1)
        } else {
            cut
        };
        out.push(start..cut);
        start = cut;
    }
    out.push(start..para.end);
    out
}

impl ReaderPanel {
    /// The article's blocks as drawn, computed once per article and
    /// reading: the body paragraphs, and with «Show page chrome» the lines
    /// left out, in text order.
    fn blocks(&mut self, article: &Article) -> std::sync::Arc<[Block]> {
        let key: BlocksKey = (
            article.content_hash,
            self.show_chrome,
            article.paragraphs.len(),
            article.left_out.len(),
            article.title.clone(),
            article.corrected,
        );
        if let Some((k, b)) = &self.blocks
            && *k == key
        {
            return b.clone();
        }
        let mut lines: Vec<(Range<usize>, Option<&'static str>)> = article
            .paragraphs
            .iter()
            .map(|p| (p.clone(), None))
            .collect();
        if self.show_chrome {
            lines.extend(
                article
                    .left_out
                    .iter()
                    .map(|(r, why)| (r.clone(), Some(*why))),
            );
            lines.sort_by_key(|(r, _)| r.start);
        }
        let b: std::sync::Arc<[Block]> = lines
            .into_iter()
            .flat_map(|(line, left_out)| {
                split_block(&article.text(), line.clone())
                    .into_iter()
                    .map(move |range| Block {
                        range,
                        line: line.clone(),
                        left_out,
                    })
            })
            .collect();
        self.blocks = Some((key, b.clone()));
        self.heights.clear();
        b
    }

    /// The selected byte range, if any.
    pub fn selected_range(&self) -> Option<Range<usize>> {
        let (a, c) = self.selection?;
        let r = a.min(c)..a.max(c);
        (!r.is_empty()).then_some(r)
    }

    /// Shows `article_id` with these search matches, scrolled to `current`.
    pub fn set_hits(&mut self, article_id: &str, hits: Vec<Range<usize>>, current: usize) {
        if self.article_id.as_deref() != Some(article_id) {
            self.article_id = Some(article_id.to_string());
            self.selection = None;
            self.dragging = false;
            self.heights.clear();
        }
        self.current_hit = current.min(hits.len().saturating_sub(1));
        self.hits = hits;
        self.scroll_to_hit = !self.hits.is_empty();
    }

    /// Bytes of body text drawn in the last frame: what is in view, not
    /// the whole article.
    pub fn drawn_bytes(&self) -> usize {
        self.drawn_bytes
    }

    /// How many paragraphs have been laid out so far (the rest wait until
    /// they scroll into view).
    pub fn laid_out_paragraphs(&self) -> usize {
        self.heights.len()
    }

    /// The selected text, as it stands in the file (logical order).
    pub fn selected_text(&self, article: &Article) -> Option<String> {
        article
            .text()
            .get(self.selected_range()?)
            .map(str::to_string)
    }

    pub fn ui(
        &mut self,
        ui: &mut Ui,
        article: &Article,
        settings: &Settings,
        cache: &mut LayoutCache,
    ) {
        if self.article_id.as_deref() != Some(&article.id) {
            self.article_id = Some(article.id.clone());
            self.selection = None;
            self.dragging = false;
            self.heights.clear();
            self.hits.clear();
            self.note = None;
        }
        let size = settings.text_size;
        crate::ui::row(ui, |ui| {
            let hidden = article.left_out.len();
            let resp = ui.checkbox(&mut self.show_chrome, crate::tr!("reader-show-chrome"));
            tooltip(resp, crate::tr!("reader-show-chrome-tip", n = hidden));
            if let Some(note) = &self.note {
                crate::ui::widgets::text::weak(ui, note);
            }
        });
        if !self.hits.is_empty() {
            crate::ui::row(ui, |ui| {
                label(
                    ui,
                    crate::tr!(
                        "reader-match-of",
                        n = self.current_hit + 1,
                        total = self.hits.len()
                    ),
                );
                if ui.button(crate::tr!("reader-previous-match")).clicked() {
                    self.current_hit = (self.current_hit + self.hits.len() - 1) % self.hits.len();
                    self.scroll_to_hit = true;
                }
                if ui.button(crate::tr!("reader-next-match")).clicked() {
                    self.current_hit = (self.current_hit + 1) % self.hits.len();
                    self.scroll_to_hit = true;
                }
            });
            ui.separator();
        }
        let hit_bg = hit_color(ui);
        let current_bg = ui.visuals().selection.bg_fill.gamma_multiply(1.2);
        let mark_line = ui.visuals().hyperlink_color;
        let mark_bg = mark_line.gamma_multiply(0.12);
        let target_para = if self.scroll_to_hit {
            let blocks = self.blocks(article);
            self.hits
                .get(self.current_hit)
                .and_then(|h| blocks.iter().position(|p| h.start < p.range.end))
        } else {
            None
        };
        let body_font = FontId::proportional(size);
        let lh = line_height(ui, &body_font);
        let weak = ui.visuals().weak_text_color();

        // A solid scroll bar beside the text, not floating over it: RTL
        // lines start at the right edge, where a selection begins, and a
        // floating bar there takes the press and jumps the page.
        ui.spacing_mut().scroll = egui::style::ScrollStyle::solid();
        // The text's width from the panel, not from inside the scroll area:
        // a vertical scroll area widens to its content and never narrows
        // again, so a panel that shrank would clip the lines' right ends.
        let bar = {
            let s = &ui.spacing().scroll;
            s.bar_width + s.bar_inner_margin + s.bar_outer_margin
        };
        let width = (ui.available_width() - bar - 4.0).max(100.0);
        // Each article its own scroll position: a new one opens at its
        // title, one read before where it was left.
        egui::ScrollArea::vertical()
            .id_salt(("reader", &article.id))
            .auto_shrink([false, false])
            .show_viewport(ui, |ui, viewport| {
                ui.spacing_mut().item_spacing.y = lh * 0.45;
                let top = ui.min_rect().top();
                if let Some(r) = &article.kicker {
                    RtlText::new(&article.text()[r.clone()], FontId::proportional(size * 0.9))
                        .color(weak)
                        .width(width)
                        .show(ui, cache);
                }
                let title_spans: Vec<Span> = match &article.title {
                    Some(t) => {
                        let inside = |r: &&Range<usize>| r.start >= t.start && r.end <= t.end;
                        let hits = self.hits.iter().filter(inside).map(|h| Span {
                            range: h.start - t.start..h.end - t.start,
                            style: SpanStyle {
                                background: Some(hit_bg),
                                underline: None,
                            },
                        });
                        let marks = self.entity_marks.iter().filter(inside).map(|m| Span {
                            range: m.start - t.start..m.end - t.start,
                            style: SpanStyle {
                                background: Some(mark_bg),
                                underline: Some(mark_line),
                            },
                        });
                        hits.chain(marks).collect()
                    }
                    None => Vec::new(),
                };
                let title = article.short_title(MAX_TITLE_CHARS);
                // Marks only in the part of the title that is shown (not
                // across the cut into «…»).
                let kept = article.title.as_ref().map_or(0, |r| {
                    let t = &article.text()[r.clone()];
                    t.char_indices()
                        .nth(MAX_TITLE_CHARS)
                        .map_or(t.len(), |(i, _)| i)
                });
                let title_spans: Vec<Span> = title_spans
                    .into_iter()
                    .filter(|s| s.range.end <= kept)
                    .collect();
                let title_resp = RtlText::new(&title, fonts::bold(size * 1.45))
                    .width(width)
                    .spans(&title_spans)
                    .sense(Sense::click())
                    .show(ui, cache);
                if let Some(t) = &article.title {
                    title_resp.response.context_menu(|ui| {
                        if let Some(v) = correction_menu(ui, Place::Title) {
                            self.correction = Some((t.clone(), v));
                        }
                    });
                }
                for line in meta_lines(article, settings.calendar) {
                    RtlText::new(&line, FontId::proportional(size * 0.8))
                        .color(weak)
                        .width(width)
                        .show(ui, cache);
                }
                // What reading the file found wrong («3 invalid byte
                // sequence(s) in windows-1256 replaced by U+FFFD»), under
                // the dateline, where a reader wonders about a «�».
                let warn = ui.visuals().warn_fg_color;
                for w in &article.warnings {
                    RtlText::new(&w.shown(), FontId::proportional(size * 0.75))
                        .color(warn)
                        .width(width)
                        .show(ui, cache);
                }
                ui.separator();

                let selection = self.selected_range();
                let mut shown: Vec<(RtlResponse, Range<usize>)> = Vec::new();
                let key_w = width.to_bits();
                let key_s = size.to_bits();
                let blocks = self.blocks(article);
                self.drawn_bytes = 0;
                for (i, block) in blocks.iter().enumerate() {
                    let para = &block.range;
                    let y = ui.cursor().top() - top;
                    // From the byte length (Persian letters take two): no
                    // scan of every block not yet laid out, every frame.
                    let estimate = || {
                        let chars = para.len() as f32 / 1.8;
                        (chars * size * 0.48 / width).ceil().max(1.0) * lh
                    };
                    let h = self
                        .heights
                        .get(&(i, key_w, key_s))
                        .copied()
                        .unwrap_or_else(estimate);
                    if y + h < viewport.min.y - lh || y > viewport.max.y + lh {
                        let (_, rect) = ui.allocate_space(egui::vec2(width, h));
                        if target_para == Some(i) {
                            ui.scroll_to_rect(rect, Some(egui::Align::Center));
                        }
                        continue;
                    }
                    let text = &article.text()[para.clone()];
                    self.drawn_bytes += text.len();
                    let sel = selection.as_ref().and_then(|s| {
                        let a = s.start.max(para.start);
                        let b = s.end.min(para.end);
                        (a < b).then(|| a - para.start..b - para.start)
                    });
                    let mut spans: Vec<Span> = self
                        .hits
                        .iter()
                        .enumerate()
                        .filter(|(_, h)| h.start < para.end && h.end > para.start)
                        .map(|(n, h)| Span {
                            range: h.start.max(para.start) - para.start
                                ..h.end.min(para.end) - para.start,
                            style: SpanStyle {
                                background: Some(if n == self.current_hit {
                                    current_bg
                                } else {
                                    hit_bg
                                }),
                                underline: None,
                            },
                        })
                        .collect();
                    spans.extend(
                        self.passage_marks
                            .iter()
                            .filter(|(m, _)| m.start < para.end && m.end > para.start)
                            .map(|(m, c)| Span {
                                range: m.start.max(para.start) - para.start
                                    ..m.end.min(para.end) - para.start,
                                style: SpanStyle {
                                    background: Some(c.gamma_multiply(0.3)),
                                    underline: Some(*c),
                                },
                            }),
                    );
                    spans.extend(
                        self.entity_marks
                            .iter()
                            .filter(|m| m.start < para.end && m.end > para.start)
                            .map(|m| Span {
                                range: m.start.max(para.start) - para.start
                                    ..m.end.min(para.end) - para.start,
                                style: SpanStyle {
                                    background: Some(mark_bg),
                                    underline: Some(mark_line),
                                },
                            }),
                    );
                    let mut rtl = RtlText::new(text, body_font.clone())
                        .width(width)
                        .spans(&spans)
                        .selection(sel)
                        .sense(Sense::click_and_drag());
                    if block.left_out.is_some() {
                        rtl = rtl.color(weak.gamma_multiply(0.8));
                    }
                    let resp = rtl.show(ui, cache);
                    self.heights
                        .insert((i, key_w, key_s), resp.response.rect.height());
                    let r = match block.left_out {
                        Some(why) => resp.response.clone().on_hover_ui(|ui| {
                            rtl_tooltip(ui, cache, &crate::tr!("reader-left-out", why = why))
                        }),
                        None => resp.response.clone(),
                    };
                    r.context_menu(|ui| {
                        let place = if block.left_out.is_some() {
                            Place::LeftOut
                        } else {
                            Place::Body
                        };
                        if let Some(v) = correction_menu(ui, place) {
                            self.correction = Some((block.line.clone(), v));
                        }
                    });
                    shown.push((resp, para.clone()));
                }
                self.handle_pointer(ui, article, &body_font, &shown);
            });
        if target_para.is_some() {
            self.scroll_to_hit = false;
        }
        self.handle_keys(ui, article);
    }

    fn handle_pointer(
        &mut self,
        ui: &Ui,
        article: &Article,
        font: &FontId,
        shown: &[(RtlResponse, Range<usize>)],
    ) {
        let offset_at = |pos: Pos2| -> Option<usize> {
            // The paragraph under the pointer, else the nearest by height.
            let (resp, para) = shown.iter().min_by(|(a, _), (b, _)| {
                let da = a.response.rect.distance_to_pos(pos);
                let db = b.response.rect.distance_to_pos(pos);
                da.total_cmp(&db)
            })?;
            let text = &article.text()[para.clone()];
            Some(para.start + resp.offset_at(ui, text, font, pos))
        };
        for (resp, para) in shown {
            let r = &resp.response;
            if r.double_clicked() {
                if let Some(at) = r.interact_pointer_pos().and_then(offset_at) {
                    let w = word_at(&article.text(), at, para.clone());
                    self.selection = Some((w.start, w.end));
                }
                self.dragging = false;
                return;
            }
            if r.drag_started() {
                let origin = ui
                    .input(|i| i.pointer.press_origin())
                    .or(r.interact_pointer_pos());
                if let Some(at) = origin.and_then(offset_at) {
                    self.selection = Some((at, at));
                    self.dragging = true;
                }
            } else if r.clicked() {
                self.selection = None;
            }
        }
        if self.dragging {
            if ui.input(|i| i.pointer.primary_down()) {
                if let (Some(pos), Some((anchor, _))) =
                    (ui.input(|i| i.pointer.latest_pos()), self.selection)
                    && let Some(at) = offset_at(pos)
                {
                    self.selection = Some((anchor, at));
                }
            } else {
                self.dragging = false;
            }
        }
    }

    /// Ctrl+A and Ctrl+C act on the reader only when no widget has the
    /// keyboard: typed in the search box or the tag box they belong to
    /// that field (selecting or copying its text), never to the article.
    fn handle_keys(&mut self, ui: &Ui, article: &Article) {
        if crate::ui::typing(ui.ctx()) {
            return;
        }
        if ui.input_mut(|i| i.consume_key(Modifiers::COMMAND, Key::A)) {
            let at = self.selection.map_or(0, |(_, c)| c);
            if let Some(p) = article
                .paragraphs
                .iter()
                .find(|p| at < p.end)
                .or(article.paragraphs.first())
            {
                self.selection = Some((p.start, p.end));
            }
        }
        let copy = ui.input(|i| {
            i.events.iter().any(|e| matches!(e, Event::Copy))
                || (i.modifiers.command && i.key_pressed(Key::C))
        });
        if copy && let Some(t) = self.selected_text(article) {
            ui.ctx().copy_text(t.to_string());
        }
    }
}

/// The word around byte offset `at` (letters, digits, ZWNJ and marks).
fn word_at(text: &str, at: usize, within: Range<usize>) -> Range<usize> {
    let is_word = |c: char| {
        c.is_alphanumeric() || matches!(c, '\u{200C}' | '\u{064B}'..='\u{065F}' | '\u{0670}')
    };
    let mut start = at.min(within.end);
    while start > within.start {
        let Some(c) = text[..start].chars().next_back() else {
            break;
        };
        if !is_word(c) {
            break;
        }
        start -= c.len_utf8();
    }
    let mut end = at.max(start);
    while end < within.end {
        let Some(c) = text[end..].chars().next() else {
            break;
        };
        if !is_word(c) {
            break;
        }
        end += c.len_utf8();
    }
    start..end
}

/// Dateline, source and tags, as short lines.
fn meta_lines(a: &Article, calendar: CalendarKind) -> Vec<String> {
    let mut out = Vec::new();
    if let Some(d) = &a.date {
        // (An estimate has no weekday: «~۱۴۰۳/۰۷/۱۸», not a day the page
        // named.)
        let shown = match (calendar, d.provenance) {
            (_, Provenance::Inferred) => format!(
                "~{}",
                crate::ui::panels::article_list::list_date(d.day, calendar)
            ),
            (CalendarKind::Gregorian, _) => d.day.to_string(),
            _ => d.day.jalali_long(),
        };
        let from = match d.provenance {
            Provenance::Header => "از سرصفحه",
            Provenance::Body => "از متن خبر",
            Provenance::Inferred => "تخمینی",
            Provenance::File => "زمان فایل",
        };
        out.push(format!("{shown} ({from})"));
    }
    if let Some(s) = &a.source {
        out.push(format!("منبع: {s}"));
    }
    if !a.tags.is_empty() {
        out.push(format!("برچسب‌ها: {}", a.tags.join("، ")));
    }
    out
}

/// A colour for spans that is readable on both themes.
pub fn hit_color(ui: &Ui) -> Color32 {
    if ui.visuals().dark_mode {
        Color32::from_rgb(120, 90, 0)
    } else {
        Color32::from_rgb(255, 230, 120)
    }
}

#[cfg(test)]
mod tests {
    use super::word_at;

    #[test]
    fn an_estimated_date_has_no_weekday() {
        use crate::dates::{ArticleDate, CalendarKind, Provenance};
        let mut a = crate::corpus::Article::from_text("a.txt", "متن");
        let date = |p| ArticleDate::on("2024-10-09", p);
        a.date = Some(date(Provenance::Inferred));
        assert_eq!(
            super::meta_lines(&a, CalendarKind::Jalali)[0],
            "~۱۴۰۳/۰۷/۱۸ (تخمینی)"
        );
        a.date = Some(date(Provenance::Header));
        assert!(super::meta_lines(&a, CalendarKind::Jalali)[0].contains("چهارشنبه"));
    }

    #[test]
    fn words_keep_their_zwnj() {
        let t = "او می‌گوید که";
        let at = t.find("گوید").unwrap();
        assert_eq!(&t[word_at(t, at, 0..t.len())], "می‌گوید");
    }
}
