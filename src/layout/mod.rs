//! Paragraph layout for Persian mixed with numbers and Latin: the Unicode
//! bidi algorithm (UAX #9, `unicode-bidi`), line breaking at UAX #14
//! opportunities (`unicode-linebreak`), and each line reordered into visual
//! runs placed right to left (or left to right for an LTR paragraph).
//!
//! Why our own layout: egui 0.37 shapes Arabic script (harfrust) but has no
//! bidi, so a wrapped Persian paragraph shows its end first and numbers and
//! Latin inside Persian read backwards (RENDERING.md). We break lines and
//! reorder runs here and hand egui one short, single-direction piece at a
//! time — a piece egui is known to shape correctly. The other route in
//! RENDERING.md (shaping with cosmic-text/parley and drawing glyphs from an
//! atlas of our own) would replace egui's text rendering wholesale; per-run
//! galleys keep egui's fonts, colours and accessibility, at the cost of
//! caret positions measured per prefix, which is exact enough for
//! selecting words and characters.
//!
//! This module knows nothing of egui: widths come through [`Measure`], so
//! the same code serves the reader, `daftar layout` and the tests.

pub mod edit;

/// The bundled font (Vazirmatn, OFL: `assets/fonts/`): the window draws
/// with it, and so do the pictures daftar saves.
pub const FONT_REGULAR: &[u8] = include_bytes!("../../assets/fonts/Vazirmatn-Regular.ttf");
pub const FONT_BOLD: &[u8] = include_bytes!("../../assets/fonts/Vazirmatn-Bold.ttf");

use std::ops::Range;

use serde::Serialize;
use unicode_bidi::{BidiClass, Level, ParagraphBidiInfo, bidi_class};
use unicode_linebreak::{BreakOpportunity, linebreaks};

/// Measures the drawn width of a piece of text (as it will be given to the
/// renderer: see [`Piece::display`]).
pub trait Measure {
    fn width(&mut self, text: &str) -> f32;
}

/// Reading direction.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Dir {
    Ltr,
    Rtl,
}

/// A stretch of one run drawn as one unit. Byte offsets into the paragraph.
#[derive(Debug, Clone, PartialEq)]
pub struct Piece {
    pub start: usize,
    pub end: usize,
    /// How the piece reads on screen.
    pub dir: Dir,
    /// The text to hand the renderer. egui guesses a run's direction from
    /// its script, so a run of Persian digits in a left-to-right position is
    /// given reversed (harfrust reverses it back), and a right-to-left run
    /// of punctuation only is given reversed and mirrored (nothing else
    /// would mirror it).
    pub display: String,
    pub x: f32,
    pub w: f32,
}

impl Piece {
    /// The x position of the caret before byte offset `at` inside this
    /// piece, measuring the logical prefix.
    pub fn caret_x(&self, text: &str, at: usize, m: &mut dyn Measure) -> f32 {
        if self.w == 0.0 {
            return self.x;
        }
        let mut at = at.clamp(self.start, self.end).min(text.len());
        while !text.is_char_boundary(at) {
            at -= 1;
        }
        let prefix = if at <= self.start {
            0.0
        } else if at == self.end {
            self.w
        } else {
            m.width(&text[self.start..at]).min(self.w)
        };
        match self.dir {
            Dir::Ltr => self.x + prefix,
            Dir::Rtl => self.x + self.w - prefix,
        }
    }
}

/// A bidi level run, in visual order within its line.
#[derive(Debug, Clone, PartialEq)]
pub struct Run {
    pub dir: Dir,
    pub start: usize,
    pub end: usize,
    pub x: f32,
    pub w: f32,
    pub pieces: Vec<Piece>,
}

/// One visual line.
#[derive(Debug, Clone, PartialEq)]
pub struct Line {
    pub start: usize,
    pub end: usize,
    /// Drawn width (trailing spaces hang and do not count).
    pub width: f32,
    /// Runs in visual order, left to right.
    pub runs: Vec<Run>,
}

/// A laid-out paragraph. `x` values are from the paragraph's left edge,
/// with right-to-left paragraphs aligned right within `max_width`.
#[derive(Debug, Clone, PartialEq)]
pub struct ParagraphLayout {
    pub dir: Dir,
    pub max_width: f32,
    pub lines: Vec<Line>,
}

/// Paragraph direction from the first strong character (UAX #9 P2–P3);
/// right to left when there is none, as in a Persian program.
pub fn base_direction(text: &str) -> Dir {
    for c in text.chars() {
        match bidi_class(c) {
            BidiClass::L => return Dir::Ltr,
            BidiClass::R | BidiClass::AL => return Dir::Rtl,
            _ => {}
        }
    }
    Dir::Rtl
}

/// Characters of the Arabic script blocks (letters, both Arabic digit sets,
/// ٪ ٫ ٬): egui shapes any text starting with them right to left.
fn arabic_script(c: char) -> bool {
    matches!(c as u32, 0x0600..=0x06FF | 0x0750..=0x077F | 0x08A0..=0x08FF | 0xFB50..=0xFDFF | 0xFE70..=0xFEFF)
}

fn is_neutral(c: char) -> bool {
    use BidiClass::*;
    matches!(
        bidi_class(c),
        WS | ON | CS | ES | BN | NSM | S | B | LRE | RLE | PDF | LRO | RLO | LRI | RLI | FSI | PDI
    ) || (bidi_class(c) == ET && !arabic_script(c))
}

fn is_strong_rtl(c: char) -> bool {
    matches!(bidi_class(c), BidiClass::R | BidiClass::AL)
}

fn mirrored(c: char) -> char {
    unicode_bidi_mirroring::get_mirrored(c).unwrap_or(c)
}

/// The pieces of one run, in visual order, not yet placed.
fn pieces_of(text: &str, run: Range<usize>, dir: Dir) -> Vec<Piece> {
    let s = &text[run.clone()];
    match dir {
        Dir::Rtl => {
            let display = if s.chars().any(is_strong_rtl) {
                s.to_string()
            } else {
                s.chars().rev().map(mirrored).collect()
            };
            vec![Piece {
                start: run.start,
                end: run.end,
                dir,
                display,
                x: 0.0,
                w: 0.0,
            }]
        }
        Dir::Ltr => {
            // Split where Arabic-script characters (Persian digits) meet
            // Latin ones; neutrals join the chunk they follow (leading ones
            // the chunk after them).
            let mut chunks: Vec<(Range<usize>, Option<bool>)> = Vec::new();
            for (i, c) in s.char_indices() {
                let abs = run.start + i;
                let kind = (!is_neutral(c)).then(|| arabic_script(c));
                match chunks.last_mut() {
                    Some((r, k)) if kind.is_none() || *k == kind || k.is_none() => {
                        r.end = abs + c.len_utf8();
                        if k.is_none() {
                            *k = kind;
                        }
                    }
                    _ => chunks.push((abs..abs + c.len_utf8(), kind)),
                }
            }
            chunks
                .into_iter()
                .map(|(r, arabic)| {
                    let t = &text[r.clone()];
                    let display = if arabic == Some(true) {
                        t.chars().rev().collect()
                    } else {
                        t.to_string()
                    };
                    Piece {
                        start: r.start,
                        end: r.end,
                        dir: Dir::Ltr,
                        display,
                        x: 0.0,
                        w: 0.0,
                    }
                })
                .collect()
        }
    }
}

fn trim_end_ws(text: &str, r: Range<usize>) -> usize {
    r.start + text[r].trim_end_matches(char::is_whitespace).len()
}

/// Lays out one paragraph (no newlines inside; a newline is treated as a
/// space) within `max_width`.
pub fn layout_paragraph(text: &str, max_width: f32, m: &mut dyn Measure) -> ParagraphLayout {
    let dir = base_direction(text);
    let level = match dir {
        Dir::Rtl => Level::rtl(),
        Dir::Ltr => Level::ltr(),
    };
    let bidi = ParagraphBidiInfo::new(text, Some(level));
    let max_width = max_width.max(1.0);

    // Segments between break opportunities, each with its trailing spaces.
    let mut bounds: Vec<usize> = vec![0];
    for (i, op) in linebreaks(text) {
        if i > 0 && i <= text.len() && (op == BreakOpportunity::Allowed || i == text.len()) {
            bounds.push(i);
        }
    }
    if *bounds.last().unwrap_or(&0) != text.len() {
        bounds.push(text.len());
    }
    let seg_width = |m: &mut dyn Measure, r: Range<usize>| -> f32 {
        let end = trim_end_ws(text, r.clone());
        if end > r.start {
            m.width(&text[r.start..end])
        } else {
            0.0
        }
    };
    // A segment of more bytes than this has more characters than the line
    // has points: it is broken between characters without being measured
    // whole, so a 200,000-character "word" costs what its lines cost.
    let long_bytes = 4 * (max_width as usize).max(64);
    let mut char_widths = CharWidths::default();
    let space = m.width(" ");

    let mut lines: Vec<Line> = Vec::new();
    if text.is_empty() {
        lines.push(Line {
            start: 0,
            end: 0,
            width: 0.0,
            runs: Vec::new(),
        });
    }
    let mut pos = 0; // the current line's start
    let mut i = 0; // the first bound after `pos`
    while pos < text.len() {
        while i + 1 < bounds.len() && bounds[i] <= pos {
            i += 1;
        }
        let first_end = bounds[i];
        let too_long = |r: Range<usize>| r.len() > long_bytes;
        // Greedy: as many segments as fit by their summed widths…
        let mut j = i;
        let mut line = None;
        if !too_long(pos..first_end) {
            let mut w = seg_width(m, pos..first_end);
            while j + 1 < bounds.len() && !too_long(bounds[j]..bounds[j + 1]) {
                let next = seg_width(m, bounds[j]..bounds[j + 1]);
                if w + space + next > max_width {
                    break;
                }
                w += space + next;
                j += 1;
            }
            // …then measured for real, backing off while the line is too wide.
            let mut l = build_line(text, &bidi, pos..bounds[j], m);
            while l.width > max_width && j > i {
                j -= 1;
                l = build_line(text, &bidi, pos..bounds[j], m);
            }
            if l.width <= max_width {
                line = Some(l);
            }
        }
        let line = match line {
            Some(l) => {
                pos = bounds[j];
                l
            }
            None => {
                // One word wider than the line: break it between characters.
                let cut = fit_prefix(text, pos..first_end, max_width, m, &mut char_widths);
                let l = build_line(text, &bidi, pos..cut, m);
                pos = cut;
                l
            }
        };
        lines.push(line);
    }

    for line in &mut lines {
        let offset = match dir {
            Dir::Rtl => (max_width - line.width).max(0.0),
            Dir::Ltr => 0.0,
        };
        for run in &mut line.runs {
            run.x += offset;
            for p in &mut run.pieces {
                p.x += offset;
            }
        }
    }
    ParagraphLayout {
        dir,
        max_width,
        lines,
    }
}

/// Widths of single characters, measured once each.
#[derive(Default)]
struct CharWidths(std::collections::HashMap<char, f32>);

impl CharWidths {
    fn of(&mut self, c: char, m: &mut dyn Measure) -> f32 {
        *self.0.entry(c).or_insert_with(|| {
            let mut b = [0u8; 4];
            m.width(c.encode_utf8(&mut b))
        })
    }
}

/// The end of the longest start of `word` that fits in `max_width` (at
/// least one character). Estimated from the characters' own widths, then
/// measured as drawn and shortened while too wide: the work is that of the
/// line, not of the whole word.
fn fit_prefix(
    text: &str,
    word: Range<usize>,
    max_width: f32,
    m: &mut dyn Measure,
    widths: &mut CharWidths,
) -> usize {
    let mut est = word.start;
    let mut sum = 0.0;
    for (k, c) in text[word.clone()].char_indices() {
        sum += widths.of(c, m);
        if est > word.start && sum > max_width {
            break;
        }
        est = word.start + k + c.len_utf8();
    }
    // Joined letters are drawn narrower (or wider) than alone: the
    // longest start that fits as drawn is searched by halves among up to
    // four times the estimate's characters (one character always goes).
    // Every try measures about a line, so the work stays that of the line.
    let estimated = text[word.start..est].chars().count();
    let ends: Vec<usize> = text[word.clone()]
        .char_indices()
        .take(estimated * 4)
        .map(|(k, c)| word.start + k + c.len_utf8())
        .collect();
    let (mut lo, mut hi) = (0, ends.len() - 1); // ends[lo] fits or is the first
    if m.width(&text[word.start..ends[(estimated - 1).min(hi)]]) <= max_width {
        lo = (estimated - 1).min(hi);
    } else {
        hi = (estimated - 1).min(hi);
    }
    while lo < hi {
        let mid = (lo + hi).div_ceil(2);
        if m.width(&text[word.start..ends[mid]]) <= max_width {
            lo = mid;
        } else {
            hi = mid - 1;
        }
    }
    ends[lo]
}

/// The levels (indexed from `range.start`) and level runs of one line.
/// `ParagraphBidiInfo::visual_runs` copies the levels of the whole
/// paragraph for every line — quadratic on a long paragraph — so the rules
/// it applies (UAX #9 L1, L2) are run on the line's own slice instead.
fn line_runs(bidi: &ParagraphBidiInfo, range: Range<usize>) -> (Vec<Level>, Vec<Range<usize>>) {
    let line = ParagraphBidiInfo {
        text: &bidi.text[range.clone()],
        original_classes: bidi.original_classes[range.clone()].to_vec(),
        levels: bidi.levels[range.clone()].to_vec(),
        paragraph_level: bidi.paragraph_level,
        is_pure_ltr: bidi.is_pure_ltr,
    };
    let (levels, runs) = line.visual_runs(0..range.len());
    let runs = runs
        .into_iter()
        .map(|r| r.start + range.start..r.end + range.start)
        .collect();
    (levels, runs)
}

fn build_line(
    text: &str,
    bidi: &ParagraphBidiInfo,
    range: Range<usize>,
    m: &mut dyn Measure,
) -> Line {
    if range.is_empty() {
        return Line {
            start: range.start,
            end: range.end,
            width: 0.0,
            runs: Vec::new(),
        };
    }
    let base = range.start;
    let (levels, level_runs) = line_runs(bidi, range.clone());
    let hang_from = trim_end_ws(text, range.clone());
    let mut runs: Vec<Run> = Vec::new();
    for r in level_runs {
        let dir = if levels[r.start - base].is_rtl() {
            Dir::Rtl
        } else {
            Dir::Ltr
        };
        // Trailing spaces of the line hang: split them off with no width.
        let mut parts = vec![(r.start..r.end.min(hang_from).max(r.start), false)];
        if r.end > hang_from {
            parts.push((hang_from.max(r.start)..r.end, true));
        }
        parts.retain(|(p, _)| !p.is_empty());
        if dir == Dir::Rtl {
            parts.reverse();
        }
        for (p, hangs) in parts {
            let mut pieces = pieces_of(text, p.clone(), dir);
            for piece in &mut pieces {
                piece.w = if hangs { 0.0 } else { m.width(&piece.display) };
            }
            runs.push(Run {
                dir,
                start: p.start,
                end: p.end,
                x: 0.0,
                w: pieces.iter().map(|p| p.w).sum(),
                pieces,
            });
        }
    }
    let mut x = 0.0;
    for run in &mut runs {
        run.x = x;
        let mut px = x;
        for p in &mut run.pieces {
            p.x = px;
            px += p.w;
        }
        x += run.w;
    }
    Line {
        start: range.start,
        end: range.end,
        width: x,
        runs,
    }
}

impl Line {
    /// The x extents (left, right) that the bytes `range` of `text` take
    /// on this line: one per piece they touch (a range across a direction
    /// boundary is several boxes). For selections and highlights.
    pub fn extents(
        &self,
        text: &str,
        range: &Range<usize>,
        m: &mut dyn Measure,
    ) -> Vec<(f32, f32)> {
        let mut out = Vec::new();
        if range.end <= self.start || range.start >= self.end {
            return out;
        }
        for p in self.runs.iter().flat_map(|r| &r.pieces) {
            let a = range.start.max(p.start);
            let b = range.end.min(p.end);
            if a >= b || p.w == 0.0 {
                continue;
            }
            let xa = p.caret_x(text, a, m);
            let xb = p.caret_x(text, b, m);
            out.push((xa.min(xb), xa.max(xb)));
        }
        out
    }
}

impl ParagraphLayout {
    /// Byte offsets of the paragraph in visual order, left to right, line
    /// by line: what a reader's eye meets.
    pub fn visual_order(&self, text: &str) -> Vec<Vec<usize>> {
        self.lines
            .iter()
            .map(|line| {
                let mut out = Vec::new();
                for run in &line.runs {
                    let chars: Vec<usize> = text[run.start..run.end]
                        .char_indices()
                        .map(|(i, _)| run.start + i)
                        .collect();
                    match run.dir {
                        Dir::Ltr => out.extend(chars),
                        Dir::Rtl => out.extend(chars.into_iter().rev()),
                    }
                }
                out
            })
            .collect()
    }

    /// The x position of the caret before byte offset `at` (a char
    /// boundary) on line `line`, measuring the piece's prefix.
    pub fn caret_x(&self, text: &str, line: usize, at: usize, m: &mut dyn Measure) -> Option<f32> {
        let line = self.lines.get(line)?;
        for run in &line.runs {
            for p in &run.pieces {
                if at < p.start || at > p.end {
                    continue;
                }
                return Some(p.caret_x(text, at, m));
            }
        }
        None
    }

    /// The byte offset nearest to `x` on line `line` (pointer → text).
    pub fn offset_at(&self, text: &str, line: usize, x: f32, m: &mut dyn Measure) -> usize {
        let Some(l) = self.lines.get(line) else {
            return text.len();
        };
        let pieces: Vec<&Piece> = l
            .runs
            .iter()
            .flat_map(|r| &r.pieces)
            .filter(|p| p.w > 0.0)
            .collect();
        let Some(piece) = pieces
            .iter()
            .find(|p| x >= p.x && x < p.x + p.w)
            .or_else(|| {
                // Beyond the ends: the visually nearest piece.
                if pieces.first().is_some_and(|p| x < p.x) {
                    pieces.first()
                } else {
                    pieces.last()
                }
            })
        else {
            return l.start;
        };
        let mut best = (f32::MAX, piece.start);
        let boundaries = text[piece.start..piece.end]
            .char_indices()
            .map(|(i, _)| piece.start + i)
            .chain(std::iter::once(piece.end));
        for b in boundaries {
            if let Some(cx) = self.caret_x(text, line, b, m) {
                let d = (cx - x).abs();
                if d < best.0 {
                    best = (d, b);
                }
            }
        }
        best.1
    }

    /// Which line holds byte offset `at`.
    pub fn line_of(&self, at: usize) -> usize {
        self.lines
            .iter()
            .position(|l| at < l.end)
            .unwrap_or(self.lines.len().saturating_sub(1))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every character is 10 px wide, a space 5 px.
    struct Fixed;
    impl Measure for Fixed {
        fn width(&mut self, text: &str) -> f32 {
            text.chars()
                .map(|c| if c == ' ' { 5.0 } else { 10.0 })
                .sum()
        }
    }

    #[test]
    fn digits_and_latin_read_left_to_right_inside_persian() {
        let text = "گفت: 27 فروردين 1397 در BRICS";
        let l = layout_paragraph(text, 10_000.0, &mut Fixed);
        assert_eq!(l.dir, Dir::Rtl);
        assert_eq!(l.lines.len(), 1);
        let runs: Vec<(&str, Dir)> = l.lines[0]
            .runs
            .iter()
            .filter(|r| r.w > 0.0)
            .map(|r| (&text[r.start..r.end], r.dir))
            .collect();
        // Visual order left to right: BRICS, then «در», 1397, «فروردين», 27, «گفت:».
        assert_eq!(runs.first(), Some(&("BRICS", Dir::Ltr)));
        assert!(runs.contains(&("1397", Dir::Ltr)));
        assert!(runs.contains(&("27", Dir::Ltr)));
        assert!(l.lines[0].width <= 10_000.0);
        // Right aligned.
        let last = l.lines[0].runs.last().unwrap();
        assert!((last.x + last.w - 10_000.0).abs() < 0.01);
    }

    #[test]
    fn persian_digits_and_neutral_rtl_runs_are_prepared_for_egui() {
        let text = "سال ۱۴۰۳ شد";
        let l = layout_paragraph(text, 10_000.0, &mut Fixed);
        let digits = l.lines[0]
            .runs
            .iter()
            .flat_map(|r| &r.pieces)
            .find(|p| &text[p.start..p.end] == "۱۴۰۳")
            .unwrap();
        assert_eq!(
            digits.display, "۳۰۴۱",
            "reversed: harfrust shapes it right to left"
        );
        let p = pieces_of("(«", 0..3, Dir::Rtl);
        assert_eq!(p[0].display, "»)", "neutral RTL run reversed and mirrored");
    }

    #[test]
    fn wrapping_keeps_every_character_once_and_lines_within_width() {
        let text = "رئیس‌جمهور روز دوشنبه ۱۰ شهریور ۱۴۰۴ در نشست سازمان همکاری شانگهای (SCO) در شهر تیانجین گفت که همکاری‌ها ادامه دارد.";
        for width in [60.0, 150.0, 333.0, 800.0] {
            let l = layout_paragraph(text, width, &mut Fixed);
            let mut seen: Vec<usize> = l.visual_order(text).concat();
            seen.sort();
            let all: Vec<usize> = text.char_indices().map(|(i, _)| i).collect();
            assert_eq!(seen, all, "width {width}");
            for line in &l.lines {
                assert!(line.width <= width + 0.01, "line {} > {width}", line.width);
            }
        }
    }

    /// Fixed widths, counting the characters measured: the work done.
    #[derive(Default)]
    struct Counting(usize);
    impl Measure for Counting {
        fn width(&mut self, text: &str) -> f32 {
            self.0 += text.chars().count();
            Fixed.width(text)
        }
    }

    fn cost(text: &str) -> usize {
        let mut m = Counting::default();
        let l = layout_paragraph(text, 300.0, &mut m);
        let laid: usize = l.lines.iter().map(|l| l.end - l.start).sum();
        assert_eq!(laid, text.len(), "every byte on one line");
        m.0
    }

    #[test]
    fn layout_work_grows_linearly_with_word_and_paragraph_length() {
        for unit in ["ب", "a", "۱"] {
            let (small, big) = (unit.repeat(20_000), unit.repeat(40_000));
            let (a, b) = (cost(&small), cost(&big));
            assert!(
                b <= a * 5 / 2,
                "a word of {unit} x2 costs x{:.2}",
                b as f64 / a as f64
            );
        }
        let words = |n: usize| "کلمه word ۱۴۰۳ ".repeat(n);
        let (a, b) = (cost(&words(5_000)), cost(&words(10_000)));
        assert!(
            b <= a * 5 / 2,
            "a paragraph x2 costs x{:.2}",
            b as f64 / a as f64
        );
    }

    #[test]
    fn a_word_longer_than_the_line_is_broken_within_the_width() {
        let text = format!("سلام {} پایان", "ب".repeat(100));
        let l = layout_paragraph(&text, 95.0, &mut Fixed);
        assert!(l.lines.len() >= 10);
        for line in &l.lines {
            assert!(line.width <= 95.0 + 0.01, "{}", line.width);
        }
        let mut seen: Vec<usize> = l.visual_order(&text).concat();
        seen.sort();
        assert_eq!(
            seen,
            text.char_indices().map(|(i, _)| i).collect::<Vec<_>>()
        );
    }

    #[test]
    fn english_paragraph_is_ltr() {
        let l = layout_paragraph("He said «سلام» today.", 1000.0, &mut Fixed);
        assert_eq!(l.dir, Dir::Ltr);
        assert_eq!(l.lines[0].runs[0].x, 0.0);
    }

    #[test]
    fn pointer_maps_back_to_offsets() {
        let text = "سلام دنیا";
        let l = layout_paragraph(text, 1000.0, &mut Fixed);
        // The rightmost end is the logical start.
        assert_eq!(l.offset_at(text, 0, 999.0, &mut Fixed), 0);
        assert_eq!(l.offset_at(text, 0, 0.0, &mut Fixed), text.len());
        let x = l.caret_x(text, 0, "سلام".len(), &mut Fixed).unwrap();
        assert!((x - (1000.0 - 40.0)).abs() < 0.01, "{x}");
    }
}
