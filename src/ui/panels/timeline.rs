//! The timeline strip: the articles as a histogram over time, bucketed by
//! day, week, month or year as the zoom requires, in the chosen calendar.
//! Where each date came from is visible (header solid, body lighter,
//! estimated hatched, file time hollow); undated articles have their own
//! bin. Scroll to zoom around the pointer, drag with the right button to
//! pan, double-click to fit; drag with the left button to limit the list
//! and searches to a range (a click takes one bucket); the range shows as a
//! chip to clear it. While a search is active its hits are drawn over the
//! whole corpus (lighter, behind). The histograms are computed off the UI
//! thread ([`crate::timeline::background`]); this panel only draws them.

use crate::ui::widgets::rtl_text::{LayoutCache, natural_width, paint_line, rtl_tooltip};
use crate::ui::widgets::text::{button, colored, weak};
use egui::{PointerButton, Pos2, Rect, Sense, Stroke, Ui};

use std::sync::Arc;

use crate::dates::{CalendarKind, Day};
use crate::index::search::DatedDoc;
use crate::timeline::background::{Aggregator, HistogramKey};
use crate::timeline::{Bucket, BucketSize, Timeline};
use crate::ui::state::{Command, Settings};
use crate::workspace::Workspace;

#[derive(Default)]
pub struct TimelinePanel {
    /// Visible span in days since 1970 (fractional while zooming).
    view: Option<(f64, f64)>,
    brush_from: Option<f64>,
    histograms: Aggregator,
    /// Only the header row is shown.
    pub collapsed: bool,
    /// Bucket size and number of columns drawn in the last frame.
    drawn: Option<(BucketSize, usize)>,
    /// The selected entity's articles over time, once per selection.
    entity_overlay: Option<Overlay>,
    /// What the entity overlay counted: (entity, entity generation,
    /// articles generation) and how many articles.
    entity_counted: Option<((crate::extract::EntityRef, u64, u64), usize)>,
    /// When the articles were last taken in.
    synced_at: Option<std::time::Instant>,
}

/// What is drawn over the corpus: the articles mentioning the selected
/// entity, else those a search matches.
#[derive(Clone)]
struct Overlay {
    key: u64,
    docs: Arc<Vec<DatedDoc>>,
    entity: bool,
}

impl TimelinePanel {
    fn overlay_of(&mut self, ws: &Workspace) -> Option<Overlay> {
        if let Some(e) = &ws.entities.selected {
            use std::hash::{Hash, Hasher};
            let set = ws.article_set();
            let of = (*e, ws.entities.generation, set.0);
            let mut h = std::collections::hash_map::DefaultHasher::new();
            (e, ws.entities.generation, set).hash(&mut h);
            // High bit set: never a search generation.
            let key = h.finish() | 1 << 63;
            // (Only the articles added since are looked at while a folder
            // streams in: a million articles' mentions are unpacked once,
            // not every frame.)
            let from = match (&self.entity_overlay, &self.entity_counted) {
                (Some(_), Some((o, n))) if *o == of && *n <= set.1 => *n,
                _ => 0,
            };
            if self.entity_overlay.as_ref().map(|o| o.key) != Some(key) {
                let new = ws.articles[from..]
                    .iter()
                    .filter(|a| a.mentions_entity(e))
                    .map(|a| {
                        (
                            a.date.as_ref().map(|d| d.day),
                            a.date.as_ref().map(|d| d.provenance),
                        )
                    });
                let docs = match self.entity_overlay.take().filter(|_| from > 0) {
                    Some(mut o) => {
                        Arc::make_mut(&mut o.docs).extend(new);
                        o.docs
                    }
                    None => Arc::new(new.collect()),
                };
                self.entity_overlay = Some(Overlay {
                    key,
                    docs,
                    entity: true,
                });
                self.entity_counted = Some((of, set.1));
            }
            return self.entity_overlay.clone();
        }
        if ws.search.query.trim().is_empty() {
            return None;
        }
        let (generation, docs) = ws.search.hit_days.as_ref()?;
        Some(Overlay {
            key: *generation,
            docs: docs.clone(),
            entity: false,
        })
    }
}

fn size_for(px_per_day: f64) -> BucketSize {
    if px_per_day >= 8.0 {
        BucketSize::Day
    } else if px_per_day >= 1.2 {
        BucketSize::Week
    } else if px_per_day >= 0.15 {
        BucketSize::Month
    } else {
        BucketSize::Year
    }
}

/// A day in the chosen calendar, in the interface's digits (drawn through
/// the layout module: egui would reverse a run of Persian digits).
fn label(day: Day, cal: CalendarKind) -> String {
    crate::i18n::digits(&day.in_calendar(cal).to_string())
}

/// A month's name on the axis: Persian for Jalali, short English for
/// Gregorian.
fn month_name(month: u8, cal: CalendarKind) -> &'static str {
    const GREGORIAN: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    let i = (month.clamp(1, 12) - 1) as usize;
    match cal {
        CalendarKind::Jalali => crate::dates::calendar::JALALI_MONTH_NAMES[i],
        _ => GREGORIAN[i],
    }
}

impl TimelinePanel {
    /// Bucket size and number of columns drawn in the last frame.
    pub fn drawn(&self) -> Option<(BucketSize, usize)> {
        self.drawn
    }

    pub fn ui(
        &mut self,
        ui: &mut Ui,
        ws: &Workspace,
        settings: &Settings,
        cache: &mut LayoutCache,
        cmds: &mut Vec<Command>,
    ) {
        let cal = settings.calendar;
        // While a folder streams in, the bars catch up twice a second: a
        // histogram per batch, each asking for the next frame, drew the
        // window a dozen times a second on the CPU the load needs.
        let catch_up = !ws.is_loading()
            || self
                .synced_at
                .is_none_or(|t| t.elapsed() > crate::workspace::PROGRESS_EVERY);
        let set = if catch_up {
            self.synced_at = Some(std::time::Instant::now());
            self.histograms.sync(ws.articles_generation, &ws.articles)
        } else {
            self.histograms.synced()
        };
        let overlay = self.overlay_of(ws);
        crate::ui::row(ui, |ui| {
            let toggle = if self.collapsed {
                crate::tr!("timeline-show")
            } else {
                crate::tr!("timeline-hide")
            };
            if ui.small_button(toggle).clicked() {
                self.collapsed = !self.collapsed;
            }
            ui.label(crate::tr!("timeline-title"));
            if let Some(o) = &overlay {
                let text = if o.entity {
                    crate::tr!("timeline-overlay-entity", n = o.docs.len())
                } else {
                    crate::tr!("timeline-overlay-search", n = o.docs.len())
                };
                weak(ui, text);
            } else {
                ui.weak(crate::tr!("timeline-legend"));
            }
            if let Some((from, to)) = ws.range
                && button(
                    ui,
                    crate::tr!(
                        "timeline-clear-range",
                        from = &label(from, cal),
                        to = &label(to, cal)
                    ),
                )
                .clicked()
            {
                cmds.push(Command::SetRange(None));
            }
        });
        if self.collapsed {
            return;
        }
        let Some((lo, hi)) = self.histograms.span() else {
            ui.weak(crate::tr!("timeline-no-dates"));
            return;
        };
        let extent = (lo.unix_days() as f64 - 15.0, hi.unix_days() as f64 + 16.0);
        let width = ui.available_width();
        let height = (ui.available_height() - 4.0).max(60.0);
        let (rect, resp) =
            ui.allocate_exact_size(egui::vec2(width, height), Sense::click_and_drag());
        resp.widget_info(|| {
            egui::WidgetInfo::labeled(egui::Role::Image, true, crate::tr!("timeline-histogram"))
        });
        let bars = Rect::from_min_max(rect.min, Pos2::new(rect.max.x - 70.0, rect.max.y - 18.0));
        let (mut v0, mut v1) = self.view.unwrap_or(extent);
        if resp.double_clicked() {
            (v0, v1) = extent;
        }
        let px_per_day = bars.width() as f64 / (v1 - v0).max(1.0);
        let day_at = |x: f32| v0 + (x - bars.left()) as f64 / px_per_day;

        // Zoom around the pointer, pan with the right button.
        if resp.hovered() {
            let scroll = ui.input(|i| i.smooth_scroll_delta.y) as f64;
            if scroll != 0.0
                && let Some(p) = resp.hover_pos()
            {
                let at = day_at(p.x);
                let f = (-scroll * 0.003).exp();
                v0 = at - (at - v0) * f;
                v1 = at + (v1 - at) * f;
            }
        }
        if resp.dragged_by(PointerButton::Secondary) {
            let dd = -resp.drag_delta().x as f64 / px_per_day;
            v0 += dd;
            v1 += dd;
        }
        if v1 - v0 < 7.0 {
            let mid = (v0 + v1) / 2.0;
            (v0, v1) = (mid - 3.5, mid + 3.5);
        }
        self.view = Some((v0, v1));
        let px_per_day = bars.width() as f64 / (v1 - v0);
        let x_of = |d: f64| bars.left() + ((d - v0) * px_per_day) as f32;
        let size = size_for(px_per_day);

        let key = HistogramKey {
            articles: set,
            overlay: overlay.as_ref().map_or(0, |o| o.key),
            size,
            cal,
        };
        let ctx = ui.ctx().clone();
        let Some(hist) =
            self.histograms
                .get(key, overlay.map(|o| o.docs), crate::ui::job_done(&ctx, ws))
        else {
            if let Some(e) = self.histograms.failure() {
                // Said, not waited on (a label in the strip's middle,
                // through the RTL widget: the reason may be Latin).
                let text = crate::tr!("timeline-count-failed", error = e);
                let c = ui.visuals().error_fg_color;
                ui.scope_builder(
                    egui::UiBuilder::new().max_rect(rect).layout(
                        egui::Layout::centered_and_justified(egui::Direction::TopDown),
                    ),
                    |ui| colored(ui, c, &text),
                );
                return;
            }
            // (The job wakes the window when it is done: no frames meanwhile,
            // each drawn on the CPU the job needs.)
            return;
        };
        // An older histogram (another bucket size) is drawn until the new
        // one is ready: its buckets are still on the right days.
        let tl = &hist.corpus;

        let painter = ui.painter_at(rect);
        let visuals = ui.visuals();
        let base = visuals.selection.stroke.color;
        painter.rect_filled(bars, 2.0, visuals.extreme_bg_color);
        let visible = |t: &'_ Timeline| -> Vec<Bucket> {
            t.buckets
                .iter()
                .filter(|b| {
                    (b.end.unix_days() + 1) as f64 >= v0 && (b.start.unix_days() as f64) <= v1
                })
                .cloned()
                .collect()
        };
        let corpus = visible(tl);
        let max = corpus
            .iter()
            .map(|b| b.count)
            .max()
            .unwrap_or(1)
            .max(tl.undated)
            .max(1) as f32;
        let unit = (bars.height() - 4.0) / max;
        let column = |b: &Bucket| {
            let x0 = x_of(b.start.unix_days() as f64).max(bars.left());
            let x1 = (x_of((b.end.unix_days() + 1) as f64) - 1.0).min(bars.right());
            (x1 > x0).then_some((x0, x1))
        };
        self.drawn = Some((hist.key.size, corpus.len()));
        match &hist.overlay {
            Some(hits) => {
                // The corpus lighter behind, the hits in front.
                for b in &corpus {
                    if let Some((x0, x1)) = column(b) {
                        let r = Rect::from_min_max(
                            Pos2::new(x0, bars.bottom() - b.count as f32 * unit),
                            Pos2::new(x1, bars.bottom()),
                        );
                        painter.rect_filled(r, 0.0, base.gamma_multiply(0.18));
                    }
                }
                for b in visible(hits) {
                    if let Some((x0, x1)) = column(&b) {
                        draw_stack(&painter, x0, x1, bars.bottom(), unit, &b, base);
                    }
                }
            }
            None => {
                for b in &corpus {
                    if let Some((x0, x1)) = column(b) {
                        draw_stack(&painter, x0, x1, bars.bottom(), unit, b, base);
                    }
                }
            }
        }
        // Month names along the axis when months are wide enough (a month
        // name alone is one Persian word, which egui draws correctly; the
        // year's first month is labelled with the year instead).
        // The earliest year starts left of the bars (a corpus from the
        // middle of a year, or of one month): its label stands at the left
        // edge, before the month names.
        let first_year =
            crate::timeline::bucket_start(Day::from_unix_days(v0 as i64), BucketSize::Year, cal);
        let lead_year = (x_of(first_year.unix_days() as f64) < bars.left()).then(|| {
            let next = crate::timeline::next_bucket(first_year, BucketSize::Year, cal);
            let room = x_of(next.unix_days() as f64) - bars.left();
            (crate::i18n::num(first_year.in_calendar(cal).year), room)
        });
        let axis_font = egui::FontId::proportional(11.0);
        // (Drawn when it fits before the next year's line.)
        let lead_room = lead_year.as_ref().map_or(f32::INFINITY, |(text, _)| {
            natural_width(ui, cache, text, &axis_font) + 6.0
        });
        if let Some((text, room)) = &lead_year
            && *room >= lead_room
        {
            paint_line(
                ui,
                &painter,
                cache,
                Pos2::new(bars.left() + 2.0, rect.bottom() - 2.0),
                egui::Align2::LEFT_BOTTOM,
                text,
                &axis_font,
                visuals.text_color(),
            );
        }
        if px_per_day * 29.0 >= 20.0 {
            let mut month = crate::timeline::bucket_start(
                Day::from_unix_days(v0 as i64),
                BucketSize::Month,
                cal,
            );
            // Right edge of the last label drawn: names never overlap.
            let mut free_from = match &lead_year {
                Some((_, room)) if *room >= lead_room => bars.left() + lead_room,
                _ => f32::MIN,
            };
            while (month.unix_days() as f64) <= v1 {
                let x = x_of(month.unix_days() as f64);
                let m = month.in_calendar(cal).month;
                if x >= bars.left() {
                    painter.line_segment(
                        [
                            Pos2::new(x, bars.bottom()),
                            Pos2::new(x, bars.bottom() + 4.0),
                        ],
                        Stroke::new(1.0, visuals.weak_text_color()),
                    );
                }
                // The year's first month: the year label stands there.
                let year_room = if m == 1 { 34.0 } else { 0.0 };
                if x >= bars.left() && x + year_room >= free_from && m != 1 {
                    let g = painter.layout_no_wrap(
                        month_name(m, cal).to_string(),
                        egui::FontId::proportional(11.0),
                        visuals.weak_text_color(),
                    );
                    // A name may run into the next month, not into the
                    // next year's label or past the histogram.
                    let next = crate::timeline::next_bucket(month, BucketSize::Month, cal);
                    let room = (x_of(next.unix_days() as f64) - x).max(0.0);
                    let room = if m == 12 { room } else { room * 2.0 };
                    let fits = g.size().x + 6.0 <= room && x + g.size().x + 6.0 <= bars.right();
                    if fits {
                        let w = g.size().x;
                        painter.galley(
                            Pos2::new(x + 3.0, rect.bottom() - 2.0 - g.size().y),
                            g,
                            visuals.weak_text_color(),
                        );
                        free_from = x + 3.0 + w + 6.0;
                    }
                } else if m == 1 {
                    free_from = x + year_room;
                }
                month = crate::timeline::next_bucket(month, BucketSize::Month, cal);
            }
        }
        // Year boundaries and labels.
        let mut year =
            crate::timeline::bucket_start(Day::from_unix_days(v0 as i64), BucketSize::Year, cal);
        while (year.unix_days() as f64) <= v1 {
            let x = x_of(year.unix_days() as f64);
            if x >= bars.left() {
                painter.line_segment(
                    [Pos2::new(x, bars.top()), Pos2::new(x, rect.bottom())],
                    Stroke::new(1.0, visuals.weak_text_color()),
                );
                // Through the layout module: egui would reverse a run of
                // Persian digits.
                let text = crate::i18n::num(year.in_calendar(cal).year);
                paint_line(
                    ui,
                    &painter,
                    cache,
                    Pos2::new(x + 3.0, rect.bottom() - 2.0),
                    egui::Align2::LEFT_BOTTOM,
                    &text,
                    &axis_font,
                    visuals.text_color(),
                );
            }
            year = crate::timeline::next_bucket(year, BucketSize::Year, cal);
        }
        // Undated bin.
        let ub = Rect::from_min_max(
            Pos2::new(
                rect.right() - 60.0,
                bars.bottom() - tl.undated as f32 * unit,
            ),
            Pos2::new(rect.right() - 10.0, bars.bottom()),
        );
        painter.rect_stroke(
            ub,
            0.0,
            Stroke::new(1.0, visuals.weak_text_color()),
            egui::StrokeKind::Inside,
        );
        paint_line(
            ui,
            &painter,
            cache,
            Pos2::new(rect.right() - 35.0, rect.bottom() - 2.0),
            egui::Align2::CENTER_BOTTOM,
            &crate::tr!("timeline-undated", n = tl.undated),
            &egui::FontId::proportional(10.0),
            visuals.text_color(),
        );
        // The active range.
        if let Some((from, to)) = ws.range {
            let r = Rect::from_min_max(
                Pos2::new(x_of(from.unix_days() as f64), bars.top()),
                Pos2::new(x_of((to.unix_days() + 1) as f64), bars.bottom()),
            );
            painter.rect_filled(
                r.intersect(bars),
                0.0,
                visuals.selection.bg_fill.gamma_multiply(0.35),
            );
        }

        // Brush with the left button; a click takes one bucket.
        let bucket_at = |d: f64| {
            let start =
                crate::timeline::bucket_start(Day::from_unix_days(d.floor() as i64), size, cal);
            (
                start,
                crate::timeline::next_bucket(start, size, cal).add_days(-1),
            )
        };
        if resp.drag_started_by(PointerButton::Primary) {
            self.brush_from = ui
                .input(|i| i.pointer.press_origin())
                .map(|p| v0 + (p.x - bars.left()) as f64 / px_per_day);
        }
        if let (Some(from), Some(p)) = (self.brush_from, resp.interact_pointer_pos()) {
            let to = v0 + (p.x - bars.left()) as f64 / px_per_day;
            let r = Rect::from_min_max(
                Pos2::new(x_of(from.min(to)), bars.top()),
                Pos2::new(x_of(from.max(to)), bars.bottom()),
            );
            painter.rect_filled(
                r.intersect(bars),
                0.0,
                visuals.selection.bg_fill.gamma_multiply(0.5),
            );
            if resp.drag_stopped() {
                let (a, _) = bucket_at(from.min(to));
                let (_, b) = bucket_at(from.max(to));
                cmds.push(Command::SetRange(Some((a, b))));
                self.brush_from = None;
            }
        }
        if !resp.dragged() && !resp.drag_stopped() {
            self.brush_from = None;
        }
        if resp.clicked()
            && let Some(p) = resp.interact_pointer_pos()
        {
            cmds.push(Command::SetRange(Some(bucket_at(
                v0 + (p.x - bars.left()) as f64 / px_per_day,
            ))));
        }
        if let Some(p) = resp.hover_pos()
            && bars.contains(p)
        {
            let (start, end) = bucket_at(v0 + (p.x - bars.left()) as f64 / px_per_day);
            let i = hist
                .bucket_at(start)
                .filter(|&i| hist.corpus.buckets[i].start == start);
            let n = i.map_or(0, |i| hist.corpus.buckets[i].count);
            let sources: Vec<String> = i
                .map(|i| hist.sources_of(i))
                .unwrap_or_default()
                .into_iter()
                .map(|(s, c)| crate::tr!("timeline-tip-source", source = s, n = c))
                .collect();
            // (At the pointer: the histogram is as wide as the window, and
            // a tooltip placed by the widget stood far from the bar.)
            let sep = crate::tr!("timeline-tip-sources-sep");
            let tip = crate::tr!(
                "timeline-tip",
                jalali_from = &label(start, CalendarKind::Jalali),
                jalali_to = &label(end, CalendarKind::Jalali),
                from = &start.to_string(),
                to = &end.to_string(),
                n = n,
                sources = &sources.join(sep.as_str())
            );
            resp.on_hover_ui_at_pointer(|ui| rtl_tooltip(ui, cache, &tip));
        }
    }
}

/// One bucket's column: header-dated articles solid, body-dated lighter,
/// estimated hatched, file-time hollow, stacked from the bottom. A bucket
/// with articles is at least 2 px high, so a single hit stays visible.
fn draw_stack(
    painter: &egui::Painter,
    x0: f32,
    x1: f32,
    bottom: f32,
    unit: f32,
    b: &Bucket,
    base: egui::Color32,
) {
    let mut y = bottom;
    let p = b.by_provenance;
    let unit = if b.count > 0 {
        unit.max(2.0 / b.count as f32)
    } else {
        unit
    };
    for (n, kind) in [(p.header, 0), (p.body, 1), (p.inferred, 2), (p.file, 3)] {
        if n == 0 {
            continue;
        }
        let h = n as f32 * unit;
        let r = Rect::from_min_max(Pos2::new(x0, y - h), Pos2::new(x1, y));
        match kind {
            0 => {
                painter.rect_filled(r, 0.0, base);
            }
            1 => {
                painter.rect_filled(r, 0.0, base.gamma_multiply(0.55));
            }
            2 => {
                painter.rect_stroke(r, 0.0, Stroke::new(1.0, base), egui::StrokeKind::Inside);
                let mut x = r.left();
                while x < r.right() {
                    painter.line_segment(
                        [
                            Pos2::new(x, r.bottom()),
                            Pos2::new(
                                (x + r.height()).min(r.right()),
                                r.bottom() - (r.right() - x).min(r.height()),
                            ),
                        ],
                        Stroke::new(1.0, base),
                    );
                    x += 4.0;
                }
            }
            _ => {
                painter.rect_stroke(r, 0.0, Stroke::new(1.0, base), egui::StrokeKind::Inside);
            }
        }
        y -= h;
    }
}
