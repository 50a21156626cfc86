//! The article list: title (through the RTL widget), date in the chosen
//! calendar and source; sortable; virtualised with `show_rows`, so 100,000
//! rows cost what the visible ones cost.

use crate::ui::widgets::rtl_text::rtl_tooltip;
use egui::{FontId, Sense, Ui};

use crate::dates::CalendarKind;
use crate::ui::state::{Command, Settings};
use crate::ui::widgets::rtl_text::{LayoutCache, RtlText};
use crate::workspace::{SortKey, Workspace};

#[derive(Default)]
pub struct ArticleListPanel;

/// A clickable list row, tinted when selected or hovered.
pub fn list_row(
    ui: &mut Ui,
    width: f32,
    height: f32,
    selected: bool,
) -> (egui::Rect, egui::Response) {
    let (rect, resp) = ui.allocate_exact_size(egui::vec2(width, height), Sense::click());
    let fill = if selected {
        Some(ui.visuals().selection.bg_fill.gamma_multiply(0.6))
    } else if resp.hovered() {
        Some(ui.visuals().widgets.hovered.weak_bg_fill)
    } else {
        None
    };
    if let Some(f) = fill {
        ui.painter().rect_filled(rect, 3.0, f);
    }
    (rect, resp)
}

/// Characters of a title the list and the reader lay out.
pub const MAX_TITLE_CHARS: usize = 300;

/// A day as list rows show it: `1403/09/02` in Persian digits, or ISO.
pub fn list_date(day: crate::dates::Day, calendar: CalendarKind) -> String {
    match calendar {
        CalendarKind::Gregorian => day.to_string(),
        _ => crate::dates::calendar::persian_digits(&day.jalali().to_string().replace('-', "/")),
    }
}

/// An article's date as lists show it: an estimate marked «~… (تخمینی)»,
/// a file's time «… (زمان فایل)», so neither passes for a date the page
/// gives.
pub fn article_date(d: &crate::dates::ArticleDate, calendar: CalendarKind) -> String {
    let day = list_date(d.day, calendar);
    match d.provenance {
        crate::dates::Provenance::Inferred => format!("~{day} (تخمینی)"),
        crate::dates::Provenance::File => format!("{day} (زمان فایل)"),
        crate::dates::Provenance::Header | crate::dates::Provenance::Body => day,
    }
}

impl ArticleListPanel {
    pub fn ui(
        &mut self,
        ui: &mut Ui,
        ws: &Workspace,
        selected: Option<usize>,
        settings: &Settings,
        cache: &mut LayoutCache,
        cmds: &mut Vec<Command>,
    ) {
        // Wrapped: never wider than the list's panel.
        crate::ui::row_wrapped(ui, |ui| {
            ui.label(crate::tr!("list-sort"));
            for (key, name) in [
                (SortKey::Date, crate::tr!("list-sort-date")),
                (SortKey::Title, crate::tr!("list-sort-title")),
                (SortKey::Source, crate::tr!("list-sort-source")),
            ] {
                let text = match (ws.sort == key, ws.sort_descending) {
                    (true, true) => crate::tr!("list-sort-desc", name = &name),
                    (true, false) => crate::tr!("list-sort-asc", name = &name),
                    _ => name,
                };
                if ui.selectable_label(ws.sort == key, text).clicked() {
                    cmds.push(Command::Sort(key));
                }
            }
            if ui
                .small_button(crate::tr!("list-export"))
                .on_hover_text(crate::tr!("list-export-tip"))
                .clicked()
            {
                cmds.push(Command::OpenExport(
                    crate::ui::panels::export::Kind::Articles,
                ));
            }
        });
        ui.separator();
        let title_font = FontId::proportional(15.0);
        let meta_font = FontId::proportional(12.5);
        let row_h = crate::ui::widgets::rtl_text::line_height(ui, &title_font)
            + crate::ui::widgets::rtl_text::line_height(ui, &meta_font)
            + 6.0;
        egui::ScrollArea::vertical()
            .auto_shrink([false, false])
            .show_rows(ui, row_h, ws.order.len(), |ui, rows| {
                for &idx in &ws.order[rows] {
                    let a = &ws.articles[idx];
                    let width = ui.available_width();
                    let (rect, resp) = list_row(ui, width, row_h, selected == Some(idx));
                    let title = a.short_title(MAX_TITLE_CHARS);
                    let date = a
                        .date
                        .as_ref()
                        .map_or_else(String::new, |d| article_date(d, settings.calendar));
                    let meta = match &a.source {
                        Some(s) => format!("{date} · {s}"),
                        None => date,
                    };
                    let inner = rect.shrink2(egui::vec2(6.0, 3.0));
                    // (A child, not a scope: a row whose lines are fewer than its
                    // height must not pull the next row up into it.)
                    {
                        let ui = &mut ui.new_child(egui::UiBuilder::new().max_rect(inner));
                        ui.spacing_mut().item_spacing.y = 0.0;
                        RtlText::new(&title, title_font.clone())
                            .width(inner.width())
                            .max_lines(1)
                            .show(ui, cache);
                        RtlText::new(&meta, meta_font.clone())
                            .width(inner.width())
                            .max_lines(1)
                            .color(ui.visuals().weak_text_color())
                            .show(ui, cache);
                    }
                    let resp = resp.on_hover_ui(|ui| rtl_tooltip(ui, cache, &a.path));
                    resp.widget_info(|| {
                        egui::WidgetInfo::labeled(egui::Role::Button, true, &title)
                    });
                    crate::ui::widgets::rtl_text::drawn_by_layout(ui.ctx(), resp.id);
                    if resp.clicked() {
                        cmds.push(Command::Select(idx));
                    }
                }
            });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dates::{ArticleDate, Provenance};

    fn dated(p: Provenance) -> String {
        let d = ArticleDate::on("2024-10-09", p);
        article_date(&d, CalendarKind::Jalali)
    }

    #[test]
    fn estimated_and_file_dates_do_not_pass_for_the_pages_own() {
        assert_eq!(dated(Provenance::Header), "۱۴۰۳/۰۷/۱۸");
        assert_eq!(dated(Provenance::Body), "۱۴۰۳/۰۷/۱۸");
        assert_eq!(dated(Provenance::Inferred), "~۱۴۰۳/۰۷/۱۸ (تخمینی)");
        assert_eq!(dated(Provenance::File), "۱۴۰۳/۰۷/۱۸ (زمان فایل)");
    }
}
