//! `daftar entities FOLDER [--json]`: every entity the folder's articles
//! mention, with kind, aliases, and article and mention counts, most
//! articles first. Uses the corpus's own `.daftar/entities.ron` on top of
//! the bundled gazetteer. Prints to standard error how fast extraction ran.

use std::io::Write;
use std::path::Path;
use std::time::Instant;

use rayon::prelude::*;
use serde_json::json;

use crate::corpus::{Article, LoadEvent, LoadOptions, load_folder};
use crate::extract::{EntitySummary, Gazetteer, extract_all};

pub fn run(folder: &Path, as_json: bool, out: &mut dyn Write) -> anyhow::Result<()> {
    let (g, note) = Gazetteer::for_corpus(folder);
    if let Some(note) = note {
        eprintln!("daftar: {note}; using the bundled gazetteer only");
    }
    let mut articles: Vec<Article> = Vec::new();
    load_folder(folder, &LoadOptions::default(), |e| {
        if let LoadEvent::Article(a) = e {
            articles.push(*a);
        }
    })?;
    // Extraction timed on its own (loading is measured by `inspect`).
    let t = Instant::now();
    let found: Vec<_> = articles
        .par_iter()
        .map(|a| extract_all(&g, &a.text(), a.date.as_ref().map(|d| d.day)))
        .collect();
    let secs = t.elapsed().as_secs_f64();
    let total: usize = found.iter().map(|f| f.0.len()).sum();
    for (a, (m, u)) in articles.iter_mut().zip(found) {
        a.found = crate::corpus::findings::Findings::new(&m, &[], &u);
    }
    // Then the names some articles introduce, in the others.
    let t = Instant::now();
    crate::extract::discover_in(&g, &mut articles);
    eprintln!(
        "daftar: {total} mentions in {} articles, extracted in {secs:.2} s ({:.0} articles/s on {} threads); names found across articles in {:.2} s",
        articles.len(),
        articles.len() as f64 / secs.max(1e-9),
        rayon::current_num_threads(),
        t.elapsed().as_secs_f64()
    );
    let found: Vec<_> = articles.iter().map(|a| a.found.clone()).collect();
    let summary = EntitySummary::of_findings(&g, &found, None, 0);
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
