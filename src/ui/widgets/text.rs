//! Labels, buttons and tooltips for the interface's own words (from the
//! message catalogue, `crate::i18n`): egui's own widget when egui draws the
//! text right (English, or Persian words alone), the RTL widget when it
//! would not (Persian with digits or Latin: «۱۲ مقاله», «برچسب BRICS»).
//! Panels call these instead of `ui.label` and friends for any text that
//! is translated or holds data.
//!
//! They share one layout cache kept in egui's memory, so a panel needs no
//! cache of its own to show a message.

use std::sync::{Arc, Mutex};

use egui::{Color32, FontId, Id, Response, Ui};

use crate::ui::widgets::rtl_text::{
    LayoutCache, RtlText, egui_draws_right, natural_width, rtl_button, rtl_tooltip,
};

#[derive(Clone, Default)]
struct Shared(Arc<Mutex<LayoutCache>>);

/// Runs `f` with the window's shared layout cache.
pub fn with_cache<R>(ctx: &egui::Context, f: impl FnOnce(&mut LayoutCache) -> R) -> R {
    let shared = ctx.data_mut(|d| {
        d.get_temp_mut_or_default::<Shared>(Id::NULL.with("daftar-shared-layout-cache"))
            .clone()
    });
    let mut cache = shared.0.lock().unwrap_or_else(|e| e.into_inner());
    f(&mut cache)
}

/// `text` through egui's `plain` widget when egui draws it right — and,
/// holding Persian, fits on one line (egui wraps a Persian line end
/// first) — else through the RTL widget in `color` and `size`, as wide as
/// the text and wrapped when there is less room.
fn either(
    ui: &mut Ui,
    text: &str,
    plain: impl FnOnce(&mut Ui, &str) -> Response,
    color: Color32,
    size: f32,
) -> Response {
    let persian = text.chars().any(|c| ('\u{0600}'..='\u{06FF}').contains(&c));
    // (English and Latin-only texts go straight to egui: nothing to measure.)
    if !persian && egui_draws_right(text) {
        return plain(ui, text);
    }
    let font = FontId::proportional(size);
    with_cache(&ui.ctx().clone(), |cache| {
        let natural = natural_width(ui, cache, text, &font);
        let room = ui.available_width().max(40.0);
        if egui_draws_right(text) && natural <= room {
            plain(ui, text)
        } else {
            // (Slack: the paragraph is laid out again at this width.)
            RtlText::new(text, font)
                .width((natural + 16.0).min(room))
                .color(color)
                .show(ui, cache)
                .response
        }
    })
}

/// A label.
pub fn label(ui: &mut Ui, text: impl AsRef<str>) -> Response {
    let c = ui.visuals().text_color();
    either(ui, text.as_ref(), |ui, t| ui.label(t), c, 14.0)
}

/// A label in the weak (grey) colour.
pub fn weak(ui: &mut Ui, text: impl AsRef<str>) -> Response {
    let c = ui.visuals().weak_text_color();
    either(ui, text.as_ref(), |ui, t| ui.weak(t), c, 14.0)
}

/// A label in the strong colour.
pub fn strong(ui: &mut Ui, text: impl AsRef<str>) -> Response {
    let c = ui.visuals().strong_text_color();
    either(ui, text.as_ref(), |ui, t| ui.strong(t), c, 14.0)
}

/// A label in a colour (warnings, errors).
pub fn colored(ui: &mut Ui, color: Color32, text: impl AsRef<str>) -> Response {
    either(
        ui,
        text.as_ref(),
        |ui, t| ui.colored_label(color, t),
        color,
        14.0,
    )
}

/// A button.
pub fn button(ui: &mut Ui, text: impl AsRef<str>) -> Response {
    let text = text.as_ref();
    if egui_draws_right(text) {
        ui.button(text)
    } else {
        with_cache(&ui.ctx().clone(), |cache| rtl_button(ui, cache, text))
    }
}

/// A tooltip on `resp`.
pub fn tooltip(resp: Response, text: impl AsRef<str>) -> Response {
    let text = text.as_ref();
    if egui_draws_right(text) {
        resp.on_hover_text(text)
    } else {
        let ctx = resp.ctx.clone();
        resp.on_hover_ui(|ui| with_cache(&ctx, |cache| rtl_tooltip(ui, cache, text)))
    }
}
