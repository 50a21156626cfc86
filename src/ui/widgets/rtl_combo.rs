//! A drop-down list whose chosen text and items can hold Persian (tag
//! names, annotators, speakers): egui's `ComboBox` draws them with its
//! own text, which has no bidi («موضع روسیه 1403» would read «… 3041»).
//! The button and every item draw their text through [`RtlText`]; the
//! list opens as egui's own pop-up.

use std::hash::Hash;

use egui::{FontId, Popup, PopupCloseBehavior, Response, Role, Sense, Ui, Vec2, WidgetInfo};

use crate::ui::widgets::rtl_text::{LayoutCache, RtlText, drawn_by_layout, line_height, text_box};

/// The list's button (showing `selected`) and `label` beside it; `items`
/// fills the open list, usually with [`rtl_selectable`]. Returns what
/// `items` returned when the list was open.
pub fn rtl_combo<R>(
    ui: &mut Ui,
    cache: &mut LayoutCache,
    id_salt: impl Hash + std::fmt::Debug,
    label: &str,
    selected: &str,
    width: f32,
    items: impl FnOnce(&mut Ui, &mut LayoutCache) -> R,
) -> Option<R> {
    let id = ui.make_persistent_id(id_salt);
    let font = FontId::proportional(14.0);
    let pad = ui.spacing().button_padding;
    let height = line_height(ui, &font) + 2.0 * pad.y;
    let response = crate::ui::row(ui, |ui| {
        let (rect, _) = ui.allocate_exact_size(Vec2::new(width, height), Sense::hover());
        let resp = ui.interact(rect, id, Sense::click());
        let open = Popup::is_id_open(ui.ctx(), id.with("popup"));
        if ui.is_rect_visible(rect) {
            let visuals = if open {
                ui.visuals().widgets.open
            } else {
                *ui.style().interact(&resp)
            };
            ui.painter().rect(
                rect,
                visuals.corner_radius,
                visuals.weak_bg_fill,
                visuals.bg_stroke,
                egui::StrokeKind::Inside,
            );
            // The arrow at the far end from where the interface reads.
            let arrow_w = 14.0;
            let inside = rect.shrink2(pad);
            let rtl = crate::i18n::lang().rtl();
            let (arrow_x, text_rect) = if rtl {
                (
                    inside.left() + arrow_w / 2.0,
                    inside.with_min_x(inside.left() + arrow_w),
                )
            } else {
                (
                    inside.right() - arrow_w / 2.0,
                    inside.with_max_x(inside.right() - arrow_w),
                )
            };
            let arrow = egui::Rect::from_center_size(
                egui::pos2(arrow_x, rect.center().y),
                Vec2::splat(8.0),
            );
            ui.painter().add(egui::Shape::convex_polygon(
                vec![arrow.left_top(), arrow.right_top(), arrow.center_bottom()],
                visuals.fg_stroke.color,
                egui::Stroke::NONE,
            ));
            let mut child = ui.new_child(egui::UiBuilder::new().max_rect(text_rect));
            RtlText::new(selected, font.clone())
                .color(visuals.text_color())
                .width(text_rect.width())
                .max_lines(1)
                .inner()
                .show(&mut child, cache);
        }
        let l = ui.label(label);
        let text = selected.to_string();
        resp.widget_info(|| {
            let mut info = WidgetInfo::new(Role::ComboBox);
            info.enabled = ui.is_enabled();
            info.current_text_value = Some(text.clone());
            info
        });
        drawn_by_layout(ui.ctx(), id);
        resp.labelled_by(l.id)
    })
    .inner;
    Popup::menu(&response)
        .id(id.with("popup"))
        .width(response.rect.width())
        .close_behavior(PopupCloseBehavior::CloseOnClick)
        .show(|ui| {
            ui.set_min_width(ui.available_width());
            egui::ScrollArea::vertical()
                .max_height(240.0)
                .show(ui, |ui| items(ui, cache))
                .inner
        })
        .map(|r| r.inner)
}

/// One item of a list (a row as wide as the list), its text through
/// [`RtlText`]; highlighted when chosen.
pub fn rtl_selectable(
    ui: &mut Ui,
    cache: &mut LayoutCache,
    selected: bool,
    text: &str,
) -> Response {
    let width = ui.available_width();
    text_box(ui, cache, text, width, Some(selected))
}
