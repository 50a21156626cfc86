//! `daftar inspect FOLDER [--json] [--with-text]`: what daftar makes of a
//! folder — each article's title, date (with provenance), source, body
//! ranges and warnings, and each file it could not load, with the reason.

use std::io::Write;
use std::path::Path;
use std::sync::Arc;

use serde_json::json;

use super::json::ArticleJson;
use crate::corpus::{LoadEvent, LoadOptions, load_folder};
use crate::extract::Gazetteer;

/// Runs `inspect`, writing to `out`. Errors only when the folder itself
/// cannot be read (or `out` fails).
pub fn run(
    folder: &Path,
    as_json: bool,
    with_text: bool,
    out: &mut dyn Write,
) -> anyhow::Result<()> {
    let mut problems: Vec<(String, String)> = Vec::new();
    let mut write_err: Option<std::io::Error> = None;
    let mut emit = |line: std::fmt::Arguments| {
        if write_err.is_none()
            && let Err(e) = out.write_fmt(line)
        {
            write_err = Some(e);
        }
    };
    if !as_json {
        emit(format_args!(
            "{:<40}  {:<10}  {:<10}  {:<9}  {:<16}  {}\n",
            "path", "jalali", "gregorian", "from", "source", "title"
        ));
    }
    let (gazetteer, note) = Gazetteer::for_corpus(folder);
    if let Some(note) = note {
        eprintln!("daftar: {note}; using the bundled gazetteer only");
    }
    let gazetteer = Arc::new(gazetteer);
    let opts = LoadOptions {
        gazetteer: Some(gazetteer.clone()),
        ..Default::default()
    };
    let summary = load_folder(folder, &opts, |event| match event {
        LoadEvent::Scanned { .. } => {}
        LoadEvent::Article(a) => {
            if as_json {
                let line = serde_json::to_string(&ArticleJson::of(&a, with_text, &gazetteer))
                    .unwrap_or_else(|e| {
                        json!({"kind": "problem", "path": a.path, "reason": e.to_string()})
                            .to_string()
                    });
                emit(format_args!("{line}\n"));
            } else {
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
                emit(format_args!(
                    "{:<40}  {:<10}  {:<10}  {:<9}  {:<16}  {}\n",
                    a.path,
                    jalali,
                    greg,
                    prov,
                    a.source.as_deref().unwrap_or("-"),
                    title
                ));
                for w in &a.warnings {
                    emit(format_args!("    warning: {w}\n"));
                }
            }
        }
        LoadEvent::Problem(p) => {
            if as_json {
                let line = json!({"kind": "problem", "path": p.path, "reason": p.reason});
                emit(format_args!("{line}\n"));
            } else {
                problems.push((p.path, p.reason));
            }
        }
    })?;
    if as_json {
        let line = json!({
            "kind": "summary",
            "articles": summary.articles,
            "problems": summary.problems,
            "seconds": (summary.seconds * 1000.0).round() / 1000.0,
        });
        emit(format_args!("{line}\n"));
    } else {
        if !problems.is_empty() {
            emit(format_args!("\nproblems:\n"));
            for (path, reason) in &problems {
                emit(format_args!("  {path}: {reason}\n"));
            }
        }
        emit(format_args!(
            "\n{} articles, {} problems, {:.2} s\n",
            summary.articles, summary.problems, summary.seconds
        ));
    }
    match write_err {
        Some(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        Some(e) => Err(e.into()),
        None => Ok(()),
    }
}
