//! `daftar inspect FOLDER [--json] [--with-text]`: what daftar makes of a
//! folder — each article's title, date (with provenance), source, body
//! ranges and warnings, and each file it could not load, with the reason.

use std::io::Write;
use std::path::Path;

use serde_json::json;

use super::json::ArticleJson;
use crate::corpus::LoadOptions;

/// Runs `inspect`, writing to `out`: the corpus session, opened as the
/// window opens it (unchanged files from the stored analysis, names an
/// article introduces found in the others), so what it prints is what the
/// window shows. Errors only when the folder itself cannot be read (or
/// `out` fails).
pub fn run(
    folder: &Path,
    as_json: bool,
    with_text: bool,
    out: &mut dyn Write,
) -> anyhow::Result<()> {
    let s = crate::workspace::session::Session::open(folder)?;
    if let Some(note) = &s.entities_note {
        eprintln!("daftar: {note}; using the bundled gazetteer only");
    }
    if let Some(note) = &s.store_note {
        eprintln!("daftar: {note}");
    }
    match write(&s, as_json, with_text, out) {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        r => Ok(r?),
    }
}

fn write(
    s: &crate::workspace::session::Session,
    as_json: bool,
    with_text: bool,
    out: &mut dyn Write,
) -> std::io::Result<()> {
    if !as_json {
        writeln!(
            out,
            "{:<40}  {:<10}  {:<10}  {:<9}  {:<16}  title",
            "path", "jalali", "gregorian", "from", "source"
        )?;
    }
    for a in &s.articles {
        if as_json {
            let line = serde_json::to_string(&ArticleJson::of(a, with_text, &s.gazetteer))
                .unwrap_or_else(|e| {
                    json!({"kind": "problem", "path": a.path, "reason": e.to_string()}).to_string()
                });
            writeln!(out, "{line}")?;
            continue;
        }
        let (jalali, greg, prov) = match &a.date {
            Some(d) => (
                d.day.jalali().to_string(),
                d.day.to_string(),
                format!("{:?}", d.provenance).to_lowercase(),
            ),
            None => ("-".into(), "-".into(), "-".into()),
        };
        let mut title = a.display_title();
        if title.chars().count() > 60 {
            title = title.chars().take(59).collect::<String>() + "…";
        }
        writeln!(
            out,
            "{:<40}  {:<10}  {:<10}  {:<9}  {:<16}  {}",
            a.path,
            jalali,
            greg,
            prov,
            a.source.as_deref().unwrap_or("-"),
            title
        )?;
        for w in &a.warnings {
            writeln!(out, "    warning: {w}")?;
        }
    }
    let summary = &s.summary;
    if as_json {
        for p in &s.problems {
            let line = json!({"kind": "problem", "path": p.path, "reason": p.reason});
            writeln!(out, "{line}")?;
        }
        let line = json!({
            "kind": "summary",
            "articles": summary.articles,
            "problems": summary.problems,
            "seconds": (summary.seconds * 1000.0).round() / 1000.0,
        });
        writeln!(out, "{line}")?;
    } else {
        if !s.problems.is_empty() {
            writeln!(out, "\nproblems:")?;
            for p in &s.problems {
                writeln!(out, "  {}: {}", p.path, p.reason)?;
            }
        }
        writeln!(
            out,
            "\n{} articles, {} problems, {:.2} s",
            summary.articles, summary.problems, summary.seconds
        )?;
    }
    Ok(())
}

/// What each line of a page is, and why: `daftar inspect FOLDER --explain
/// FILE`. The page is read as a load reads it, with the corpus's
/// recurring lines (kept by the last load, or learned now).
pub fn explain(
    folder: &Path,
    file: &Path,
    as_json: bool,
    out: &mut dyn Write,
) -> anyhow::Result<()> {
    use crate::corpus::boilerplate::{LineCounts, LineTable};
    use crate::corpus::loader::{
        DEFAULT_MAX_FILE_BYTES, check_folder, learn_lines, load_file_in, resolve_in_corpus, scan,
    };
    check_folder(folder)?;
    // FILE as the shell gives it (from the working folder) or relative to
    // FOLDER.
    let given = if file.is_relative() && !folder.join(file).exists() && file.exists() {
        std::path::absolute(file)?
    } else {
        file.to_path_buf()
    };
    let (path, rel) = resolve_in_corpus(folder, &given).map_err(anyhow::Error::msg)?;
    let table = LineTable::read(folder).unwrap_or_else(|| {
        let entries = scan(folder, &std::sync::atomic::AtomicBool::new(false));
        learn_lines(&entries, &LoadOptions::default())
    });
    let clues = crate::dates::EraClues::bundled();
    let (outlets, _) = crate::corpus::outlets::Outlets::for_corpus(folder);
    let corrections = crate::corpus::corrections::Corrections::read(folder).unwrap_or_default();
    let reading = crate::corpus::loader::Reading {
        lines: Some(&table as &dyn LineCounts),
        outlets: Some(&outlets),
        corrections: Some(&corrections),
    };
    let loaded = load_file_in(&path, &rel, DEFAULT_MAX_FILE_BYTES, &clues, &reading)
        .map_err(|reason| anyhow::anyhow!("{rel}: {reason}"))?;
    let a = &loaded.article;
    for (n, (range, class, reason)) in line_classes(a).into_iter().enumerate() {
        let text = &a.text()[range];
        if as_json {
            let line = json!({
                "line": n + 1,
                "class": class,
                "reason": reason,
                "text": text,
            });
            writeln!(out, "{line}")?;
        } else {
            let why = if reason.is_empty() {
                String::new()
            } else {
                format!(" ({reason})")
            };
            writeln!(out, "{:>4}  {class:<8}{why}\n      {text}", n + 1)?;
        }
    }
    Ok(())
}

/// Every non-empty line of an article with its class (`title`, `kicker`,
/// `lead`, `body`, `dateline`, `chrome`) and, for lines left out, why.
pub fn line_classes(
    a: &crate::corpus::Article,
) -> Vec<(std::ops::Range<usize>, &'static str, &'static str)> {
    let mut out = Vec::new();
    let mut at = 0;
    for piece in a.text().split_inclusive('\n') {
        let start = at;
        at += piece.len();
        let range = start..start + piece.trim_end_matches(['\n', '\r']).len();
        if a.text()[range.clone()].trim().is_empty() {
            continue;
        }
        let inside = |r: &std::ops::Range<usize>| r.start >= range.start && r.end <= range.end;
        // Paragraphs and left-out lines are in text order: the first at or
        // after this line's start is the one to look at.
        let para = a.paragraphs.partition_point(|p| p.start < range.start);
        let out_at = a.left_out.partition_point(|(r, _)| r.start < range.start);
        let (class, reason) = if a.title.as_ref().is_some_and(inside) {
            ("title", "")
        } else if a.kicker.as_ref().is_some_and(inside) {
            ("kicker", "")
        } else if a.lead.as_ref().is_some_and(inside) {
            ("lead", "")
        } else if a.paragraphs.get(para).is_some_and(inside) {
            ("body", "")
        } else if let Some((_, why)) = a.left_out.get(out_at).filter(|(r, _)| inside(r)) {
            if *why == "dateline" {
                ("dateline", "")
            } else {
                ("chrome", *why)
            }
        } else {
            // A line printed twice in a row, or a header line the body
            // repeats: kept once.
            ("chrome", "repeated")
        };
        out.push((range, class, reason));
    }
    out
}
