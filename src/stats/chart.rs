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

/// One term of the plot.
#[derive(Debug, Clone, Default)]
pub struct Series {
    /// The term and its hits («تحریم (۱۲)»).
    pub label: String,
    /// Each hit's place on the strip, in articles (0..articles).
    pub marks: Vec<f64>,
    /// Per million words, month by month (the plot's months).
    pub values: Vec<f64>,
}

/// What the plot shows, its words already in the reader's language: one
/// strip per term, and each month's bars side by side.
#[derive(Debug, Clone, Default)]
pub struct DispersionPlot {
    pub title: String,
    /// Under the strips («articles in date order»).
    pub strip_label: String,
    /// Beside the bars («per million words»).
    pub bars_label: String,
    /// Articles along the strips.
    pub articles: usize,
    pub series: Vec<Series>,
    /// The months' labels.
    pub months: Vec<String>,
    /// The highest bar's value, as written («1,234.5»).
    pub max_label: String,
    /// The labels read right to left (a Persian interface).
    pub rtl: bool,
}

/// The colours of the terms, in order (then again).
pub const COLOURS: [(u8, u8, u8); 4] =
    [(31, 78, 121), (192, 80, 40), (46, 125, 50), (123, 31, 162)];

fn colour(i: usize) -> String {
    let (r, g, b) = COLOURS[i % COLOURS.len()];
    format!("#{r:02x}{g:02x}{b:02x}")
}

const W: f64 = 960.0;
const STRIP: f64 = 44.0;
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
    /// The plot of terms' dispersion (each with its hits), worded in
    /// the interface's language (months named in a Persian one). The terms
    /// were counted over the same articles.
    pub fn of(
        terms: &[(String, super::Dispersion)],
        calendar: crate::dates::CalendarKind,
    ) -> DispersionPlot {
        use crate::tr;
        let rtl = crate::i18n::lang().rtl();
        let Some((_, first)) = terms.first() else {
            return DispersionPlot::default();
        };
        let rank: std::collections::HashMap<usize, usize> = first
            .order
            .iter()
            .enumerate()
            .map(|(k, &a)| (a, k))
            .collect();
        // Every term's months on one calendar: from the first to the last.
        let months: Vec<crate::dates::Day> = {
            let mut all: Vec<crate::dates::Day> = terms
                .iter()
                .flat_map(|(_, d)| d.periods.iter().map(|p| p.start))
                .collect();
            all.sort();
            all.dedup();
            all
        };
        let series = terms
            .iter()
            .map(|(term, d)| {
                // Each hit in its article's slot, an article's hits spread across it.
                let mut marks = Vec::with_capacity(d.hits.len());
                let mut k = 0;
                while k < d.hits.len() {
                    let a = d.hits[k].article;
                    let n = d.hits[k..].iter().take_while(|h| h.article == a).count();
                    let slot = rank.get(&a).copied().unwrap_or(0) as f64;
                    marks.extend((0..n).map(|i| slot + (i as f64 + 0.5) / n as f64));
                    k += n;
                }
                let by: std::collections::HashMap<crate::dates::Day, f64> =
                    d.periods.iter().map(|p| (p.start, p.per_million)).collect();
                Series {
                    label: crate::i18n::digits(&format!(
                        "{} ({})",
                        term.trim(),
                        crate::i18n::num(d.hits.len())
                    )),
                    marks,
                    values: months
                        .iter()
                        .map(|m| by.get(m).copied().unwrap_or(0.0))
                        .collect(),
                }
            })
            .collect::<Vec<_>>();
        let month = |start: &crate::dates::Day| {
            let y = start.in_calendar(calendar);
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
        let max = series
            .iter()
            .flat_map(|s| s.values.iter().copied())
            .fold(0.0, f64::max);
        let names: Vec<&str> = terms.iter().map(|(t, _)| t.trim()).collect();
        let hits: usize = terms.iter().map(|(_, d)| d.hits.len()).sum();
        DispersionPlot {
            title: tr!(
                "stats-plot-title",
                term = names.join(if rtl { "، " } else { ", " }).as_str(),
                hits = hits as i64
            ),
            strip_label: tr!("stats-plot-strip", articles = first.order.len() as i64),
            bars_label: tr!("stats-plot-bars"),
            articles: first.order.len(),
            series,
            months: months.iter().map(month).collect(),
            max_label: crate::i18n::digits(&format!("{max:.0}")),
            rtl,
        }
    }

    /// The plot's height: a strip per term over the bars.
    fn height(&self) -> f64 {
        56.0 + STRIP * self.series.len().max(1) as f64 + 300.0
    }

    /// The plot as SVG with live text (for drawing; see [`Self::svg`]).
    pub fn source(&self) -> String {
        let h = self.height();
        let mut s = String::new();
        let _ = writeln!(
            s,
            r#"<svg xmlns="http://www.w3.org/2000/svg" width="{W}" height="{h}" viewBox="0 0 {W} {h}">"#
        );
        let _ = writeln!(s, r##"<rect width="{W}" height="{h}" fill="#ffffff"/>"##);
        let (left, right) = (MARGIN + 120.0, W - MARGIN);
        let (left, right) = if self.rtl {
            (MARGIN, W - MARGIN - 120.0)
        } else {
            (left, right)
        };
        let width = right - left;
        // Title at the reading side.
        if self.rtl {
            text(&mut s, W - MARGIN, 34.0, 20.0, "end", &self.title, true);
        } else {
            text(&mut s, MARGIN, 34.0, 20.0, "start", &self.title, false);
        }
        // A strip per term, its label beside it at the reading side.
        let n = self.articles.max(1) as f64;
        let mut top = 56.0;
        for (i, series) in self.series.iter().enumerate() {
            let bottom = top + STRIP - 8.0;
            let _ = writeln!(
                s,
                r##"<rect x="{left}" y="{top}" width="{width}" height="{}" fill="#f1f3f6" stroke="#9aa4b1"/>"##,
                bottom - top
            );
            let mut path = String::new();
            for m in &series.marks {
                let x = left + width * (m / n).clamp(0.0, 1.0);
                let _ = write!(path, "M{x:.2} {top}V{bottom}");
            }
            if !path.is_empty() {
                let _ = writeln!(
                    s,
                    r#"<path d="{path}" stroke="{}" stroke-width="1" fill="none"/>"#,
                    colour(i)
                );
            }
            let y = (top + bottom) / 2.0 + 5.0;
            if self.rtl {
                text(&mut s, right + 8.0, y, 13.0, "start", &series.label, true);
            } else {
                text(&mut s, left - 8.0, y, 13.0, "end", &series.label, false);
            }
            top += STRIP;
        }
        text(
            &mut s,
            (left + right) / 2.0,
            top + 10.0,
            13.0,
            "middle",
            &self.strip_label,
            self.rtl,
        );
        // The bars: each month's terms side by side.
        let (btop, bbottom) = (top + 40.0, h - 64.0);
        let _ = writeln!(
            s,
            r##"<path d="M{left} {btop}V{bbottom}H{right}" stroke="#9aa4b1" fill="none"/>"##
        );
        let max = self
            .series
            .iter()
            .flat_map(|x| x.values.iter().copied())
            .fold(0.0, f64::max);
        let slot = width / self.months.len().max(1) as f64;
        let k = self.series.len().max(1) as f64;
        for (t, series) in self.series.iter().enumerate() {
            for (i, v) in series.values.iter().enumerate() {
                let bh = if max > 0.0 {
                    (bbottom - btop) * v / max
                } else {
                    0.0
                };
                let bw = slot * 0.8 / k;
                let x = left + slot * i as f64 + slot * 0.1 + bw * t as f64;
                let _ = writeln!(
                    s,
                    r#"<rect x="{x:.2}" y="{:.2}" width="{:.2}" height="{bh:.2}" fill="{}"/>"#,
                    bbottom - bh,
                    bw.max(0.5),
                    colour(t)
                );
            }
        }
        // Month labels, as many as fit.
        let every = ((self.months.len() as f64 * 90.0 / width).ceil() as usize).max(1);
        for (i, label) in self.months.iter().enumerate().step_by(every) {
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
            (left + right) / 2.0,
            h - 16.0,
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
            title: "پراکندگی «تحریم»، «برجام»: ۶ بار".into(),
            strip_label: "۱۲ خبر به ترتیب تاریخ".into(),
            bars_label: "در هر میلیون واژه".into(),
            articles: 12,
            series: vec![
                Series {
                    label: "تحریم (۴)".into(),
                    marks: vec![0.5, 3.2, 3.4, 11.9],
                    values: vec![120.0, 40.0],
                },
                Series {
                    label: "برجام (۲)".into(),
                    marks: vec![1.5, 2.5],
                    values: vec![0.0, 80.0],
                },
            ],
            months: vec!["فروردین ۱۴۰۳".into(), "اردیبهشت ۱۴۰۳".into()],
            max_label: "120".into(),
            rtl: true,
        }
    }

    #[test]
    fn the_svg_has_a_mark_per_hit_and_its_text_as_outlines() {
        let p = plot();
        let src = p.source();
        let marks = |k: usize| {
            src.split("<path d=\"")
                .nth(k)
                .unwrap()
                .split('"')
                .next()
                .unwrap()
                .matches('M')
                .count()
        };
        assert_eq!(
            (marks(1), marks(2)),
            (4, 2),
            "a mark per hit, a strip per term"
        );
        assert_eq!(
            src.matches("<rect x=").count(),
            2 + 4,
            "two strips, two months of two bars"
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
        let h = u32::from_be_bytes([png[20], png[21], png[22], png[23]]);
        assert_eq!(h, plot().height() as u32);
    }
}
