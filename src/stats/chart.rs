//! The dispersion plot as a picture to keep: a barcode strip (one mark
//! per hit, the articles in date order along the axis, as AntConc's Plot)
//! over bars of the term's frequency per million words, month by month.
//! Built as SVG; labels go through resvg (HarfBuzz shaping, the Unicode
//! bidi algorithm) with the bundled Vazirmatn, so Persian is joined and
//! in reading order; the saved SVG has its text as outlines, so it looks
//! the same wherever it is opened, and the PNG is that SVG drawn.

use std::fmt::Write;
use std::sync::Arc;

use resvg::{tiny_skia, usvg};

/// What the plot shows, its words already in the reader's language.
#[derive(Debug, Clone, Default)]
pub struct DispersionPlot {
    pub title: String,
    /// Under the strip («articles in date order»).
    pub strip_label: String,
    /// Beside the bars («per million words»).
    pub bars_label: String,
    /// Articles along the strip.
    pub articles: usize,
    /// Each hit's place on the strip, in articles (0..articles).
    pub marks: Vec<f64>,
    /// Each month: its label, per million words.
    pub periods: Vec<(String, f64)>,
    /// The highest bar's value, as written («1,234.5»).
    pub max_label: String,
    /// The labels read right to left (a Persian interface).
    pub rtl: bool,
}

const W: f64 = 960.0;
const H: f64 = 440.0;
const MARGIN: f64 = 56.0;
const FONT: &str = "Vazirmatn";

fn esc(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// A label at (x, y); `anchor` as SVG's text-anchor, taken from the left.
/// usvg lays every text out in a left-to-right paragraph, so a Persian
/// label is isolated as right-to-left (RLI … PDI): its words and numbers
/// then read in order («۱۳ خبر», not «خبر ۱۳»).
fn text(out: &mut String, x: f64, y: f64, size: f64, anchor: &str, s: &str, rtl: bool) {
    let rtl = rtl || crate::layout::base_direction(s) == crate::layout::Dir::Rtl;
    let s = if rtl {
        format!("\u{2067}{s}\u{2069}")
    } else {
        s.to_string()
    };
    let _ = writeln!(
        out,
        r##"<text x="{x:.1}" y="{y:.1}" font-family="{FONT}" font-size="{size}" text-anchor="{anchor}" fill="#222">{}</text>"##,
        esc(&s)
    );
}

impl DispersionPlot {
    /// The plot of a term's dispersion, worded in the interface's
    /// language (months named in a Persian one).
    pub fn of(
        d: &super::Dispersion,
        term: &str,
        calendar: crate::dates::CalendarKind,
    ) -> DispersionPlot {
        use crate::tr;
        let rank: std::collections::HashMap<usize, usize> =
            d.order.iter().enumerate().map(|(k, &a)| (a, k)).collect();
        // Each hit in its article's slot, the article's hits spread across it.
        let mut marks = Vec::with_capacity(d.hits.len());
        let mut k = 0;
        while k < d.hits.len() {
            let a = d.hits[k].article;
            let n = d.hits[k..].iter().take_while(|h| h.article == a).count();
            let slot = rank.get(&a).copied().unwrap_or(0) as f64;
            marks.extend((0..n).map(|i| slot + (i as f64 + 0.5) / n as f64));
            k += n;
        }
        let rtl = crate::i18n::lang().rtl();
        let month = |p: &super::count::Period| {
            let y = p.start.in_calendar(calendar);
            let name = match calendar {
                crate::dates::CalendarKind::Jalali if rtl => {
                    crate::dates::calendar::JALALI_MONTH_NAMES[(y.month.clamp(1, 12) - 1) as usize]
                        .to_string()
                }
                _ => format!("{:04}-{:02}", y.year, y.month),
            };
            if rtl {
                crate::i18n::digits(&format!("{name} {}", y.year))
            } else {
                name
            }
        };
        let max = d.periods.iter().map(|p| p.per_million).fold(0.0, f64::max);
        DispersionPlot {
            title: tr!(
                "stats-plot-title",
                term = term.trim(),
                hits = d.hits.len() as i64
            ),
            strip_label: tr!("stats-plot-strip", articles = d.order.len() as i64),
            bars_label: tr!("stats-plot-bars"),
            articles: d.order.len(),
            marks,
            periods: d
                .periods
                .iter()
                .map(|p| (month(p), p.per_million))
                .collect(),
            max_label: crate::i18n::digits(&format!("{max:.0}")),
            rtl,
        }
    }

    /// The plot as SVG with live text (for drawing; see [`Self::svg`]).
    pub fn source(&self) -> String {
        let mut s = String::new();
        let _ = writeln!(
            s,
            r#"<svg xmlns="http://www.w3.org/2000/svg" width="{W}" height="{H}" viewBox="0 0 {W} {H}">"#
        );
        let _ = writeln!(s, r##"<rect width="{W}" height="{H}" fill="#ffffff"/>"##);
        let (left, right) = (MARGIN, W - MARGIN);
        let width = right - left;
        // Title at the reading side.
        if self.rtl {
            text(&mut s, right, 34.0, 20.0, "end", &self.title, true);
        } else {
            text(&mut s, left, 34.0, 20.0, "start", &self.title, false);
        }
        // The strip.
        let (top, bottom) = (56.0, 116.0);
        let _ = writeln!(
            s,
            r##"<rect x="{left}" y="{top}" width="{width}" height="{}" fill="#f1f3f6" stroke="#9aa4b1"/>"##,
            bottom - top
        );
        let n = self.articles.max(1) as f64;
        let mut path = String::new();
        for m in &self.marks {
            let x = left + width * (m / n).clamp(0.0, 1.0);
            let _ = write!(path, "M{x:.2} {top}V{bottom}");
        }
        if !path.is_empty() {
            let _ = writeln!(
                s,
                r##"<path d="{path}" stroke="#1f4e79" stroke-width="1" fill="none"/>"##
            );
        }
        text(
            &mut s,
            W / 2.0,
            bottom + 22.0,
            13.0,
            "middle",
            &self.strip_label,
            self.rtl,
        );
        // The bars.
        let (btop, bbottom) = (176.0, H - 64.0);
        let _ = writeln!(
            s,
            r##"<path d="M{left} {btop}V{bbottom}H{right}" stroke="#9aa4b1" fill="none"/>"##
        );
        let max = self.periods.iter().map(|p| p.1).fold(0.0, f64::max);
        let k = self.periods.len().max(1) as f64;
        let slot = width / k;
        for (i, (_, v)) in self.periods.iter().enumerate() {
            let h = if max > 0.0 {
                (bbottom - btop) * v / max
            } else {
                0.0
            };
            let x = left + slot * i as f64 + slot * 0.1;
            let _ = writeln!(
                s,
                r##"<rect x="{x:.2}" y="{:.2}" width="{:.2}" height="{h:.2}" fill="#4a7fb0"/>"##,
                bbottom - h,
                (slot * 0.8).max(0.5)
            );
        }
        // Month labels, as many as fit.
        let every = ((self.periods.len() as f64 * 90.0 / width).ceil() as usize).max(1);
        for (i, (label, _)) in self.periods.iter().enumerate().step_by(every) {
            let x = left + slot * (i as f64 + 0.5);
            text(&mut s, x, bbottom + 20.0, 12.0, "middle", label, self.rtl);
        }
        text(
            &mut s,
            left - 6.0,
            btop + 4.0,
            12.0,
            "end",
            &self.max_label,
            false,
        );
        text(
            &mut s,
            W / 2.0,
            H - 16.0,
            13.0,
            "middle",
            &self.bars_label,
            self.rtl,
        );
        s.push_str("</svg>\n");
        s
    }

    fn tree(&self) -> Result<usvg::Tree, String> {
        let mut db = usvg::fontdb::Database::new();
        db.load_font_data(crate::layout::FONT_REGULAR.to_vec());
        let opt = usvg::Options {
            fontdb: Arc::new(db),
            font_family: FONT.into(),
            ..Default::default()
        };
        usvg::Tree::from_str(&self.source(), &opt).map_err(|e| format!("cannot draw the plot: {e}"))
    }

    /// The plot as SVG, its text as outlines.
    pub fn svg(&self) -> Result<String, String> {
        Ok(self.tree()?.to_string(&usvg::WriteOptions::default()))
    }

    /// The plot as PNG, at `scale` (2: for print).
    pub fn png(&self, scale: f32) -> Result<Vec<u8>, String> {
        let tree = self.tree()?;
        let size = tree.size();
        let (w, h) = (
            (size.width() * scale).ceil() as u32,
            (size.height() * scale).ceil() as u32,
        );
        let mut pixmap =
            tiny_skia::Pixmap::new(w.max(1), h.max(1)).ok_or("cannot draw the plot: too large")?;
        resvg::render(
            &tree,
            tiny_skia::Transform::from_scale(scale, scale),
            &mut pixmap.as_mut(),
        );
        pixmap
            .encode_png()
            .map_err(|e| format!("cannot write the PNG: {e}"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plot() -> DispersionPlot {
        DispersionPlot {
            title: "پراکندگی «تحریم» در ۱۲ خبر".into(),
            strip_label: "خبرها به ترتیب تاریخ".into(),
            bars_label: "در هر میلیون واژه".into(),
            articles: 12,
            marks: vec![0.5, 3.2, 3.4, 11.9],
            periods: vec![
                ("فروردین ۱۴۰۳".into(), 120.0),
                ("اردیبهشت ۱۴۰۳".into(), 40.0),
            ],
            max_label: "120".into(),
            rtl: true,
        }
    }

    #[test]
    fn the_svg_has_a_mark_per_hit_and_its_text_as_outlines() {
        let p = plot();
        let src = p.source();
        assert_eq!(
            src.split("<path d=\"")
                .nth(1)
                .unwrap()
                .split('"')
                .next()
                .unwrap()
                .matches('M')
                .count(),
            4
        );
        assert!(
            src.contains('\u{2067}'),
            "Persian labels are isolated right to left"
        );
        let svg = p.svg().unwrap();
        assert!(!svg.contains("<text"), "text is drawn as outlines");
        assert!(svg.contains("<path"));
    }

    #[test]
    fn the_png_is_a_picture_of_the_plot() {
        let png = plot().png(1.0).unwrap();
        assert_eq!(&png[1..4], b"PNG");
        let w = u32::from_be_bytes([png[16], png[17], png[18], png[19]]);
        assert_eq!(w, W as u32);
    }
}
