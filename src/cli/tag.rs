//! `daftar tag` and `daftar tags`: tagging passages from scripts, and
//! listing every tagged passage (re-anchored to the current files).
//! Tagging takes the corpus's annotation lock, so it never writes over a
//! window that is annotating the same corpus; listing only reads.

use std::collections::HashMap;
use std::io::Write;
use std::path::Path;
use std::sync::Arc;

use serde_json::json;

use crate::annotate::{AnnotationStore, TagSchema};
use crate::corpus::loader::{
    DEFAULT_MAX_FILE_BYTES, from_raw_rel, load_article, raw_rel, resolve_in_corpus,
};
use crate::dates::EraClues;
use crate::text::CharIndex;

/// What to tag: a range of one article, or every match of a query.
pub enum Target<'a> {
    Range {
        path: &'a Path,
        start: usize,
        end: usize,
    },
    Query(&'a str),
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
    let who = crate::annotate::annotator(annotator_name);
    let mut added: Vec<(u64, String, usize, usize, String)> = Vec::new();
    match target {
        Target::Range { path, start, end } => {
            let (file, rel) = resolve_in_corpus(folder, path).map_err(|e| anyhow::anyhow!(e))?;
            let a = load_article(
                &file,
                &rel,
                DEFAULT_MAX_FILE_BYTES,
                &EraClues::bundled(),
                None,
            )
            .map_err(|e| anyhow::anyhow!("{rel}: {e}"))?;
            let id = store.add(
                &a.id,
                &a.path,
                &a.text(),
                start,
                end,
                vec![tag.trim().to_string()],
                note.to_string(),
                who,
            )?;
            let raw = file.strip_prefix(folder).ok().and_then(raw_rel);
            if let Some(p) = store.data.passages.iter_mut().find(|p| p.id == id) {
                p.raw_path = raw;
            }
            let text: String = a.text().chars().skip(start).take(end - start).collect();
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
        }
    }
    // Only now that the passages are found is anything written: a refused
    // path or range leaves the tags and the store as they were.
    if schema.ensure(tag.trim()) {
        schema.save(folder)?;
    }
    store.save()?;
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

/// The corpus's article files by the relative name daftar shows.
fn list_files(folder: &Path) -> HashMap<String, std::path::PathBuf> {
    let never = std::sync::atomic::AtomicBool::new(false);
    crate::corpus::loader::scan(folder, &never)
        .into_iter()
        .filter_map(|e| match e {
            crate::corpus::loader::Entry::File { path, rel } => Some((rel, path)),
            crate::corpus::loader::Entry::Problem(_) => None,
        })
        .collect()
}

/// Lists the passages, each found again in its file as it is now. Reads
/// without the lock and writes nothing, so it works on a read-only corpus
/// and beside a window that is annotating.
pub fn run_tags(folder: &Path, as_json: bool, out: &mut dyn Write) -> anyhow::Result<()> {
    anyhow::ensure!(folder.is_dir(), "not a folder: {}", folder.display());
    let mut data = AnnotationStore::read_only(folder)?;
    let clues = EraClues::bundled();
    let mut texts: HashMap<String, Option<Arc<str>>> = HashMap::new();
    // Files as the loader lists them, by the name daftar shows: how a
    // passage tagged in the window on a file whose name is not UTF-8 (its
    // name shown with U+FFFD) is found again. Listed once, when needed.
    let mut listed: Option<HashMap<String, std::path::PathBuf>> = None;
    for p in &data.passages {
        if texts.contains_key(&p.path) {
            continue;
        }
        let rel = match p.raw_path.as_deref().and_then(from_raw_rel) {
            Some(raw) => raw,
            None => std::path::PathBuf::from(&p.path),
        };
        // Only files the loader would load (never a pipe or a path
        // leading out), with its size limit.
        let resolved = resolve_in_corpus(folder, &rel).ok().or_else(|| {
            let files = listed.get_or_insert_with(|| list_files(folder));
            let file = files.get(&p.path)?;
            resolve_in_corpus(folder, file.strip_prefix(folder).ok()?).ok()
        });
        let text = resolved.and_then(|(file, rel)| {
            load_article(&file, &rel, DEFAULT_MAX_FILE_BYTES, &clues, None)
                .ok()
                .map(|a| a.text())
        });
        texts.insert(p.path.clone(), text);
    }
    data.reanchor(|path| texts.get(path).cloned().flatten());
    for p in &data.passages {
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
