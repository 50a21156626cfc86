//! Reusable widgets. `rtl_text` draws every piece of article text and
//! every label that can hold Persian; `bidi_edit` is every text field.

pub mod bidi_edit;
pub mod busy;
pub mod rtl_combo;
pub mod rtl_text;
pub mod text;

/// A clickable row of a list `size` big, filled while hovered: the rows
/// of the concordance, the statistics' tables and the like.
pub fn list_row(ui: &mut egui::Ui, size: egui::Vec2) -> (egui::Rect, egui::Response) {
    let (rect, resp) = ui.allocate_exact_size(size, egui::Sense::click());
    if resp.hovered() {
        ui.painter()
            .rect_filled(rect, 2.0, ui.visuals().widgets.hovered.weak_bg_fill);
    }
    (rect, resp)
}
