//! `daftar tag` and `daftar tags`: tagging passages from scripts, and
//! listing every tagged passage (re-anchored to the current files).
//! Tagging takes the corpus's annotation lock, so it never writes over a
//! window that is annotating the same corpus; listing only reads.

use std::collections::HashMap;
use std::io::Write;
use std::path::Path;
use std::sync::Arc;

use serde_json::json;

use crate::annotate::AnnotationStore;
use crate::corpus::loader::{
    DEFAULT_MAX_FILE_BYTES, from_raw_rel, load_article, raw_rel, resolve_in_corpus,
};
use crate::dates::EraClues;
use crate::text::CharIndex;
use crate::workspace::annotations::{AnnotationState, ToTag};

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
    // The window's own annotations: the same lock, the same check for a
    // passage tagged before, saved the same way.
    let mut state = AnnotationState::open(folder);
    if !state.writable() {
        anyhow::bail!(
            "{}",
            state
                .note
                .clone()
                .unwrap_or_else(|| "the annotations cannot be written".into())
        );
    }
    if let Some(n) = &state.note {
        eprintln!("daftar: {n}");
    }
    let who = crate::annotate::annotator(annotator_name);
    let tagged = match target {
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
            let text = a.text();
            let passage = ToTag {
                article: &a.id,
                path: &a.path,
                raw_path: file.strip_prefix(folder).ok().and_then(raw_rel),
                text: &text,
                start,
                end,
            };
            state.tag_passages(&[passage], tag, note, &who)
        }
        Target::Query(q) => {
            let res = super::search::search_all(folder, q)?;
            let mut passages = Vec::new();
            for h in &res.hits {
                let ci = CharIndex::new(&h.text);
                for m in &h.matches {
                    passages.push(ToTag {
                        article: &h.id,
                        path: &h.path,
                        raw_path: None,
                        text: &h.text,
                        start: ci.char_of_byte(m.start),
                        end: ci.char_of_byte(m.end),
                    });
                }
            }
            state.tag_passages(&passages, tag, note, &who)
        }
    }
    .map_err(|e| anyhow::anyhow!(e))?;
    for t in &tagged {
        let (id, path, start, end, text) = (t.id, &t.path, t.start, t.end, &t.quote);
        if as_json {
            let line = json!({"kind": "tagged", "id": id, "path": path, "start": start, "end": end, "text": text, "tag": tag.trim()});
            writeln!(out, "{line}")?;
        } else {
            writeln!(out, "#{id} {path} {start}..{end} «{text}» → {}", tag.trim())?;
        }
    }
    if as_json {
        writeln!(
            out,
            "{}",
            json!({"kind": "summary", "tagged": tagged.len()})
        )?;
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
