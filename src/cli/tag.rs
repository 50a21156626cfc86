//! `daftar tag` and `daftar tags`: tagging passages from scripts, and
//! listing every tagged passage (re-anchored to the current files). Both
//! take the corpus's annotation lock, so they never write over a window
//! that is annotating the same corpus.

use std::collections::HashMap;
use std::io::Write;
use std::path::Path;
use std::sync::Arc;

use serde_json::json;

use crate::annotate::{AnnotationStore, TagSchema};
use crate::corpus::loader::{DEFAULT_MAX_FILE_BYTES, load_file};
use crate::dates::EraClues;
use crate::text::CharIndex;

/// What to tag: a range of one article, or every match of a query.
pub enum Target<'a> {
    Range {
        path: &'a str,
        start: usize,
        end: usize,
    },
    Query(&'a str),
}

/// The annotator's name: given, else `$DAFTAR_ANNOTATOR`, else `$USER`.
pub fn annotator(given: Option<&str>) -> String {
    given
        .map(str::to_string)
        .or_else(|| std::env::var("DAFTAR_ANNOTATOR").ok())
        .or_else(|| std::env::var("USER").ok())
        .unwrap_or_else(|| "unknown".into())
}

pub fn run_tag(
    folder: &Path,
    target: Target,
    tag: &str,
    note: &str,
    annotator_name: Option<&str>,
    as_json: bool,
    out: &mut dyn Write,
) -> anyhow::Result<()> {
    anyhow::ensure!(!tag.trim().is_empty(), "the tag name is empty");
    anyhow::ensure!(folder.is_dir(), "not a folder: {}", folder.display());
    let mut store = AnnotationStore::open(folder)?;
    for n in &store.notes {
        eprintln!("daftar: {n}");
    }
    let mut schema = TagSchema::load(folder)?;
    if schema.ensure(tag.trim()) {
        schema.save(folder)?;
    }
    let who = annotator(annotator_name);
    let mut added: Vec<(u64, String, usize, usize, String)> = Vec::new();
    match target {
        Target::Range { path, start, end } => {
            let rel = path.trim_start_matches("./");
            let a = load_file(
                &folder.join(rel),
                rel,
                DEFAULT_MAX_FILE_BYTES,
                &EraClues::bundled(),
            )
            .map_err(|e| anyhow::anyhow!("{rel}: {e}"))?;
            let id = store.tag(
                &a.id,
                &a.path,
                &a.text,
                start,
                end,
                vec![tag.trim().to_string()],
                note.to_string(),
                who,
            )?;
            let text: String = a.text.chars().skip(start).take(end - start).collect();
            added.push((id, a.path.clone(), start, end, text));
        }
        Target::Query(q) => {
            let res = super::search::search_all(folder, q)?;
            for h in &res.hits {
                let ci = CharIndex::new(&h.text);
                for m in &h.matches {
                    let (s, e) = (ci.char_of_byte(m.start), ci.char_of_byte(m.end));
                    let id = store.add(
                        &h.id,
                        &h.path,
                        &h.text,
                        s,
                        e,
                        vec![tag.trim().to_string()],
                        note.to_string(),
                        who.clone(),
                    )?;
                    added.push((id, h.path.clone(), s, e, h.text[m.clone()].to_string()));
                }
            }
            store.save()?;
        }
    }
    for (id, path, start, end, text) in &added {
        if as_json {
            let line = json!({"kind": "tagged", "id": id, "path": path, "start": start, "end": end, "text": text, "tag": tag.trim()});
            writeln!(out, "{line}")?;
        } else {
            writeln!(out, "#{id} {path} {start}..{end} «{text}» → {}", tag.trim())?;
        }
    }
    if as_json {
        writeln!(out, "{}", json!({"kind": "summary", "tagged": added.len()}))?;
    }
    Ok(())
}

pub fn run_tags(folder: &Path, as_json: bool, out: &mut dyn Write) -> anyhow::Result<()> {
    anyhow::ensure!(folder.is_dir(), "not a folder: {}", folder.display());
    let mut store = AnnotationStore::open(folder)?;
    for n in &store.notes {
        eprintln!("daftar: {n}");
    }
    // Re-find every passage in the files as they are now.
    let clues = EraClues::bundled();
    let mut texts: HashMap<String, Option<Arc<str>>> = HashMap::new();
    for p in &store.data.passages {
        texts.entry(p.path.clone()).or_insert_with(|| {
            load_file(
                &folder.join(&p.path),
                &p.path,
                DEFAULT_MAX_FILE_BYTES,
                &clues,
            )
            .ok()
            .map(|a| a.text)
        });
    }
    if store.reanchor(|path| texts.get(path).cloned().flatten()) {
        store.save()?;
    }
    for p in &store.data.passages {
        if as_json {
            let line = json!({
                "kind": "passage",
                "id": p.id,
                "path": p.path,
                "start": p.start,
                "end": p.end,
                "text": p.quote,
                "tags": p.tags,
                "note": p.note,
                "annotator": p.annotator,
                "time": p.created,
                "orphaned": p.orphaned,
            });
            writeln!(out, "{line}")?;
        } else {
            writeln!(
                out,
                "#{} {} {}..{}{} [{}] «{}» {}",
                p.id,
                p.path,
                p.start,
                p.end,
                if p.orphaned { " ORPHANED" } else { "" },
                p.tags.join(", "),
                p.quote,
                p.note
            )?;
        }
    }
    Ok(())
}
