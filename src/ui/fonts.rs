//! The bundled font (Vazirmatn 33.0.3, OFL: assets/fonts/OFL.txt), installed
//! first in egui's proportional family with egui's own fonts behind it as
//! fallback, and text measurement with it for the layout engine — in the
//! window and headless (`daftar layout`) alike.

use std::sync::Arc;

use egui::epaint::text::{
    FontData, FontDefinitions, FontFamily, FontId, Fonts, FontsView, TextOptions,
};

use crate::layout::Measure;

const REGULAR: &[u8] = crate::layout::FONT_REGULAR;
const BOLD: &[u8] = crate::layout::FONT_BOLD;

/// The bold family's name.
pub const BOLD_FAMILY: &str = "bold";

/// egui's font definitions with Vazirmatn first.
pub fn definitions() -> FontDefinitions {
    let mut defs = FontDefinitions::default();
    defs.font_data
        .insert("vazirmatn".into(), Arc::new(FontData::from_static(REGULAR)));
    defs.font_data.insert(
        "vazirmatn-bold".into(),
        Arc::new(FontData::from_static(BOLD)),
    );
    let proportional = defs.families.entry(FontFamily::Proportional).or_default();
    proportional.insert(0, "vazirmatn".into());
    let mut bold = vec!["vazirmatn-bold".to_string()];
    bold.extend(proportional.iter().cloned());
    defs.families
        .insert(FontFamily::Name(BOLD_FAMILY.into()), bold);
    defs.families
        .entry(FontFamily::Monospace)
        .or_default()
        .push("vazirmatn".into());
    defs
}

/// The bold font of a size.
pub fn bold(size: f32) -> FontId {
    FontId::new(size, FontFamily::Name(BOLD_FAMILY.into()))
}

/// Widths measured with egui's own text layout (harfrust shaping).
pub struct EguiMeasure<'a, 'f> {
    pub fonts: &'a mut FontsView<'f>,
    pub font: FontId,
}

impl Measure for EguiMeasure<'_, '_> {
    fn width(&mut self, text: &str) -> f32 {
        self.fonts
            .layout_no_wrap(text.to_string(), self.font.clone(), egui::Color32::WHITE)
            .size()
            .x
    }
}

/// Lays out paragraphs with the bundled font outside any window, exactly
/// as the reader does (pixels per point 1).
pub fn headless_layouts(
    paragraphs: &[&str],
    width: f32,
    font_size: f32,
) -> Vec<crate::layout::ParagraphLayout> {
    let mut fonts = Fonts::new(TextOptions::default(), definitions());
    let mut view = fonts.with_pixels_per_point(1.0);
    let mut m = EguiMeasure {
        fonts: &mut view,
        font: FontId::proportional(font_size),
    };
    paragraphs
        .iter()
        .map(|p| crate::layout::layout_paragraph(p, width, &mut m))
        .collect()
}
