//! A spinner for background work that turns twice a second: egui's
//! own asks for a frame every frame, and on a machine without a GPU each
//! frame is drawn by the CPU the work itself needs (a third of it while a
//! folder loaded).

use egui::{Response, Sense, Shape, Stroke, Ui, Vec2};

/// Shows the spinner (as tall as a line of text).
pub fn busy(ui: &mut Ui) -> Response {
    let size = ui.spacing().interact_size.y;
    let (rect, response) = ui.allocate_exact_size(Vec2::splat(size), Sense::hover());
    if ui.is_rect_visible(rect) {
        let step = crate::workspace::PROGRESS_EVERY;
        ui.ctx().request_repaint_after(step);
        // A quarter turn per step.
        let t = ui.input(|i| i.time) / step.as_secs_f64();
        let start = (t.floor() * std::f64::consts::FRAC_PI_2) as f32;
        let radius = rect.height() / 2.0 - 2.0;
        let points: Vec<_> = (0..=24)
            .map(|i| {
                let a = start + i as f32 / 24.0 * std::f32::consts::PI * 1.5;
                rect.center() + radius * Vec2::angled(a)
            })
            .collect();
        let color = ui.visuals().strong_text_color();
        ui.painter()
            .add(Shape::line(points, Stroke::new(2.0, color)));
    }
    response
}
