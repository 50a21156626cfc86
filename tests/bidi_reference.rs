//! daftar's visual order against an independent bidi implementation: GNU
//! FriBidi's visual-to-logical maps for 60 mixed lines (Persian with Latin,
//! both digit sets, times, dates, percentages, URLs, brackets, guillemets,
//! ZWNJ), stored once in tests/data (see the header of the .txt file).

use daftar::layout::{Measure, layout_paragraph};

const LINES: &str = include_str!("data/bidi_lines.txt");
const VTOL: &str = include_str!("data/bidi_vtol_fribidi.txt");

/// Characters 10 px wide, spaces 5 px: widths do not change order.
struct Fixed;
impl Measure for Fixed {
    fn width(&mut self, text: &str) -> f32 {
        text.chars()
            .map(|c| if c == ' ' { 5.0 } else { 10.0 })
            .sum()
    }
}

fn char_order(text: &str, byte_order: &[usize]) -> Vec<usize> {
    let starts: Vec<usize> = text.char_indices().map(|(i, _)| i).collect();
    byte_order
        .iter()
        .map(|b| starts.binary_search(b).expect("char boundary"))
        .collect()
}

#[test]
fn visual_order_matches_fribidi_on_every_line() {
    let lines: Vec<&str> = LINES.lines().collect();
    let maps: Vec<Vec<usize>> = VTOL
        .lines()
        .filter(|l| !l.starts_with('#'))
        .map(|l| l.split_whitespace().map(|n| n.parse().unwrap()).collect())
        .collect();
    assert_eq!(lines.len(), maps.len());
    assert!(lines.len() >= 50);
    let mut wrong = Vec::new();
    for (line, expected) in lines.iter().zip(&maps) {
        let layout = layout_paragraph(line, 100_000.0, &mut Fixed);
        assert_eq!(layout.lines.len(), 1, "{line}");
        let got = char_order(line, &layout.visual_order(line)[0]);
        if &got != expected {
            wrong.push(format!(
                "{line}\n  daftar:  {got:?}\n  fribidi: {expected:?}"
            ));
        }
    }
    assert!(
        wrong.is_empty(),
        "{} lines differ:\n{}",
        wrong.len(),
        wrong.join("\n")
    );
}

#[test]
fn wrapped_lines_keep_every_character_once_and_fit() {
    for line in LINES.lines() {
        for width in [60.0, 150.0, 300.0] {
            let layout = layout_paragraph(line, width, &mut Fixed);
            let mut seen = layout.visual_order(line).concat();
            seen.sort_unstable();
            let all: Vec<usize> = line.char_indices().map(|(i, _)| i).collect();
            assert_eq!(seen, all, "«{line}» at {width}");
            for l in &layout.lines {
                assert!(l.width <= width + 1e-3, "«{line}» at {width}: {}", l.width);
                let mut runs_chars = 0;
                for r in &l.runs {
                    runs_chars += line[r.start..r.end].chars().count();
                }
                assert_eq!(runs_chars, line[l.start..l.end].chars().count());
            }
        }
    }
}
