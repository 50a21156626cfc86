//! The timeline strip: the articles as a histogram over time, bucketed by
//! day, week, month or year as the zoom requires, in the chosen calendar.
//! Where each date came from is visible (header solid, body lighter,
//! estimated hatched, file time hollow); undated articles have their own
//! bin. Scroll to zoom around the pointer, drag with the right button to
//! pan, double-click to fit; drag with the left button to limit the list
//! and searches to a range (a click takes one bucket); the range shows as a
//! chip to clear it.

use egui::{PointerButton, Pos2, Rect, Sense, Stroke, Ui};

use crate::dates::{CalendarKind, Day};
use crate::timeline::{BucketSize, Timeline, aggregate};
use crate::ui::app::{Command, Settings};
use crate::workspace::Workspace;

#[derive(Default)]
pub struct TimelinePanel {
    /// Visible span in days since 1970 (fractional while zooming).
    view: Option<(f64, f64)>,
    brush_from: Option<f64>,
    cache: Option<((u64, usize, BucketSize, CalendarKind), Timeline)>,
    /// First and last dated day, for the article set it was computed on.
    extent: Option<(ArticleSetKey, Option<(i64, i64)>)>,
}

/// Identifies an article set: (articles generation, count).
type ArticleSetKey = (u64, usize);

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

/// A day in the chosen calendar, ASCII digits: egui draws these labels
/// itself, and it would reverse a run of Persian digits (RENDERING.md).
fn label(day: Day, cal: CalendarKind) -> String {
    day.in_calendar(cal).to_string()
}

impl TimelinePanel {
    pub fn ui(
        &mut self,
        ui: &mut Ui,
        ws: &Workspace,
        settings: &Settings,
        cmds: &mut Vec<Command>,
    ) {
        let cal = settings.calendar;
        // The dated span, recomputed only when the articles change.
        let ext_key = (ws.articles_generation, ws.articles.len());
        if self.extent.map(|e| e.0) != Some(ext_key) {
            let days = ws
                .articles
                .iter()
                .filter_map(|a| a.date.as_ref())
                .map(|d| d.day.unix_days());
            let span = days.fold(None, |acc: Option<(i64, i64)>, d| {
                Some(acc.map_or((d, d), |(a, b)| (a.min(d), b.max(d))))
            });
            self.extent = Some((ext_key, span));
        }
        let Some((_, Some((lo, hi)))) = self.extent else {
            ui.weak("No dated articles to show on a timeline.");
            return;
        };
        let extent = (lo as f64 - 15.0, hi as f64 + 16.0);
        ui.horizontal(|ui| {
            ui.label("Timeline");
            ui.weak("solid: page header · light: body · hatched: estimated · hollow: file time");
            if let Some((from, to)) = ws.range
                && ui
                    .button(format!(
                        "Clear range {} – {}",
                        label(from, cal),
                        label(to, cal)
                    ))
                    .clicked()
            {
                cmds.push(Command::SetRange(None));
            }
        });
        let width = ui.available_width();
        let (rect, resp) = ui.allocate_exact_size(egui::vec2(width, 90.0), Sense::click_and_drag());
        resp.widget_info(|| {
            egui::WidgetInfo::labeled(egui::Role::Image, true, "Timeline histogram")
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

        let key = (ws.articles_generation, ws.articles.len(), size, cal);
        if self.cache.as_ref().map(|c| &c.0) != Some(&key) {
            let items = ws.articles.iter().map(|a| {
                (
                    a.date.as_ref().map(|d| d.day),
                    a.date.as_ref().map(|d| d.provenance),
                )
            });
            self.cache = Some((key, aggregate(items, size, cal)));
        }
        let Some((_, tl)) = &self.cache else { return };

        let painter = ui.painter_at(rect);
        let visuals = ui.visuals();
        let base = visuals.selection.stroke.color;
        painter.rect_filled(bars, 2.0, visuals.extreme_bg_color);
        let visible: Vec<&crate::timeline::Bucket> = tl
            .buckets
            .iter()
            .filter(|b| (b.end.unix_days() + 1) as f64 >= v0 && (b.start.unix_days() as f64) <= v1)
            .collect();
        let max = visible
            .iter()
            .map(|b| b.count)
            .max()
            .unwrap_or(1)
            .max(tl.undated)
            .max(1) as f32;
        let unit = (bars.height() - 4.0) / max;
        for b in &visible {
            let x0 = x_of(b.start.unix_days() as f64).max(bars.left());
            let x1 = (x_of((b.end.unix_days() + 1) as f64) - 1.0).min(bars.right());
            if x1 <= x0 {
                continue;
            }
            let mut y = bars.bottom();
            let p = b.by_provenance;
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
                        painter.rect_stroke(
                            r,
                            0.0,
                            Stroke::new(1.0, base),
                            egui::StrokeKind::Inside,
                        );
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
                        painter.rect_stroke(
                            r,
                            0.0,
                            Stroke::new(1.0, base),
                            egui::StrokeKind::Inside,
                        );
                    }
                }
                y -= h;
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
                // ASCII digits: egui would reverse a run of Persian ones.
                let text = year.in_calendar(cal).year.to_string();
                painter.text(
                    Pos2::new(x + 3.0, rect.bottom() - 2.0),
                    egui::Align2::LEFT_BOTTOM,
                    text,
                    egui::FontId::proportional(11.0),
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
        painter.text(
            Pos2::new(rect.right() - 35.0, rect.bottom() - 2.0),
            egui::Align2::CENTER_BOTTOM,
            format!("undated {}", tl.undated),
            egui::FontId::proportional(10.0),
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
            let mut by_source: std::collections::BTreeMap<&str, usize> = Default::default();
            let mut n = 0;
            for a in &ws.articles {
                if let Some(d) = &a.date
                    && d.day >= start
                    && d.day <= end
                {
                    n += 1;
                    *by_source
                        .entry(a.source.as_deref().unwrap_or("?"))
                        .or_default() += 1;
                }
            }
            let sources: Vec<String> = by_source.iter().map(|(s, c)| format!("{s}: {c}")).collect();
            resp.on_hover_text(format!(
                "{} – {}\n{} – {}\n{n} articles\n{}",
                label(start, CalendarKind::Jalali),
                label(end, CalendarKind::Jalali),
                start,
                end,
                sources.join(", ")
            ));
        }
    }
}
