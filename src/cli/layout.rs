//! `daftar layout [--width PX] [--font-size PX] [--json] [FILE|-]`: lays out
//! UTF-8 text (one paragraph per line) exactly as the reader does — same
//! font, same bidi and line breaking — and prints each visual line. For
//! tests and for users' bug reports about rendering.

use std::io::{Read, Write};
use std::path::Path;

use anyhow::Context;
use serde::Serialize;

use crate::layout::{Dir, ParagraphLayout};
use crate::text::CharIndex;

#[derive(Serialize)]
struct RunJson {
    dir: Dir,
    start: usize,
    end: usize,
    x: f32,
    w: f32,
}

#[derive(Serialize)]
struct LineJson {
    paragraph: usize,
    line: usize,
    direction: Dir,
    width: f32,
    runs: Vec<RunJson>,
}

fn round(v: f32) -> f32 {
    (v * 100.0).round() / 100.0
}

/// Reads the input: a file, or standard input for `-` or none.
pub fn read_input(file: Option<&Path>) -> anyhow::Result<String> {
    let bytes = match file {
        Some(p) if p.as_os_str() != "-" => {
            std::fs::read(p).with_context(|| format!("cannot read {}", p.display()))?
        }
        _ => {
            let mut buf = Vec::new();
            std::io::stdin()
                .read_to_end(&mut buf)
                .context("cannot read standard input")?;
            buf
        }
    };
    String::from_utf8(bytes).map_err(|e| {
        anyhow::anyhow!(
            "the input is not UTF-8 (byte {})",
            e.utf8_error().valid_up_to()
        )
    })
}

/// Lays out `text` and writes the lines. `layouts` does the measuring (the
/// window's fonts); it is given the paragraphs.
pub fn run(
    text: &str,
    json: bool,
    layouts: impl FnOnce(&[&str]) -> Vec<ParagraphLayout>,
    out: &mut dyn Write,
    timing: bool,
) -> anyhow::Result<()> {
    let paragraphs: Vec<&str> = text.lines().collect();
    let started = std::time::Instant::now();
    let laid = layouts(&paragraphs);
    let elapsed = started.elapsed();
    for (p, (para, layout)) in paragraphs.iter().zip(&laid).enumerate() {
        let idx = CharIndex::new(para);
        for (l, line) in layout.lines.iter().enumerate() {
            if json {
                let row = LineJson {
                    paragraph: p,
                    line: l,
                    direction: layout.dir,
                    width: round(line.width),
                    runs: line
                        .runs
                        .iter()
                        .map(|r| RunJson {
                            dir: r.dir,
                            start: idx.char_of_byte(r.start),
                            end: idx.char_of_byte(r.end),
                            x: round(r.x),
                            w: round(r.w),
                        })
                        .collect(),
                };
                writeln!(out, "{}", serde_json::to_string(&row)?)?;
            } else {
                // The line in visual order, left to right, as characters
                // would sit on screen (RTL runs reversed).
                let visual: String = line
                    .runs
                    .iter()
                    .map(|r| match r.dir {
                        Dir::Ltr => para[r.start..r.end].to_string(),
                        Dir::Rtl => para[r.start..r.end].chars().rev().collect(),
                    })
                    .collect();
                writeln!(out, "{p}:{l} {:>7.1}px  {}", line.width, visual.trim_end())?;
            }
        }
    }
    if timing {
        let lines: usize = laid.iter().map(|l| l.lines.len()).sum();
        eprintln!(
            "laid out {} paragraphs ({} bytes) into {} lines in {:.2} ms",
            paragraphs.len(),
            text.len(),
            lines,
            elapsed.as_secs_f64() * 1000.0
        );
    }
    Ok(())
}
