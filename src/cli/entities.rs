//! `daftar entities FOLDER [--json]`: every entity the folder's articles
//! mention, with kind, aliases, and article and mention counts, most
//! articles first — the window's sidebar, from the same corpus session
//! (the corpus's own `.daftar/entities.ron` on top of the bundled
//! gazetteer, names an article introduces found in the others). Prints to
//! standard error how many files were read and analysed, and how fast.

use std::io::Write;
use std::path::Path;

use serde_json::json;

use crate::extract::EntitySummary;

pub fn run(folder: &Path, as_json: bool, out: &mut dyn Write) -> anyhow::Result<()> {
    let s = crate::workspace::session::Session::open(folder)?;
    if let Some(note) = &s.entities_note {
        eprintln!("daftar: {note}; using the bundled gazetteer only");
    }
    if let Some(note) = &s.store_note {
        eprintln!("daftar: {note}");
    }
    let found: Vec<_> = s.articles.iter().map(|a| a.found.clone()).collect();
    let total: usize = s.articles.iter().map(|a| a.mentions().count()).sum();
    let secs = s.summary.seconds;
    eprintln!(
        "daftar: {total} mentions in {} articles; opened in {secs:.2} s: {} files read and analysed ({:.0} files/s on {} threads), {} from the stored analysis",
        s.articles.len(),
        s.summary.read,
        s.summary.read as f64 / secs.max(1e-9),
        rayon::current_num_threads(),
        s.reopened.stored,
    );
    let summary = EntitySummary::of_findings(&s.gazetteer, &found, None, 0);
    for r in &summary.rows {
        if as_json {
            let line = json!({
                "name": r.name.name,
                "kind": r.name.kind,
                "candidate": r.name.candidate,
                "aliases": r.aliases,
                "role": r.role,
                "evidence": r.evidence.iter().map(|e| e.as_str()).collect::<Vec<_>>(),
                "articles": r.articles,
                "mentions": r.mentions,
            });
            writeln!(out, "{line}")?;
        } else {
            writeln!(
                out,
                "{:<7} {:>7} {:>8}  {}{}{}",
                r.name.kind.as_str(),
                r.articles,
                r.mentions,
                r.name.name,
                if r.name.candidate { " (candidate)" } else { "" },
                r.role
                    .as_deref()
                    .map_or_else(String::new, |r| format!(" — {r}"))
            )?;
        }
    }
    Ok(())
}
