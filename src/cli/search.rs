//! `daftar index FOLDER [--json]` and `daftar search FOLDER QUERY [--limit N]
//! [--json]`: build or update the folder's index, and search it. Offsets in
//! `matches` are character offsets into the decoded text, as `inspect`
//! gives them; `text` is the original characters.

use std::io::Write;
use std::path::Path;

use serde_json::json;

use crate::corpus::LoadOptions;
use crate::index::search::Synonyms;
use crate::index::{IndexError, SearchIndex, UpdateProgress, index_dir, parse_query, update_index};
use crate::text::CharIndex;

/// Opens (or creates) the folder's index and brings it up to date. An
/// index that fails while being updated is damaged derived data: it is
/// thrown away and built anew, once, with a notice.
pub fn open_updated(
    folder: &Path,
    quiet: bool,
) -> anyhow::Result<(SearchIndex, crate::index::UpdateReport)> {
    crate::corpus::loader::check_folder(folder)?;
    match open_updated_once(folder, quiet) {
        Err(e) if !e.is_damage() => Err(e.into()),
        Err(e) => {
            eprintln!("daftar: the search index is damaged ({e}): rebuilding it");
            SearchIndex::discard(&index_dir(folder))?;
            Ok(open_updated_once(folder, quiet)?)
        }
        Ok(r) => Ok(r),
    }
}

fn open_updated_once(
    folder: &Path,
    quiet: bool,
) -> Result<(SearchIndex, crate::index::UpdateReport), IndexError> {
    let mut idx = SearchIndex::open_or_create(&index_dir(folder))?;
    // Quiet commands still say when the index was damaged.
    if let Some(why) = &idx.rebuilt
        && (!quiet || why.starts_with("index damaged"))
    {
        eprintln!("daftar: {why}");
    }
    let report = update_index(folder, &mut idx, &LoadOptions::default(), |p| {
        if !quiet
            && let UpdateProgress::Scanned { total, to_read } = p
            && to_read > 0
        {
            eprintln!("daftar: {to_read} of {total} files to read");
        }
    })?;
    Ok((idx, report))
}

/// Runs `f` on the up-to-date index; when the index fails to read while
/// answering (damage found only then), it is rebuilt and `f` runs again.
pub fn with_index<T>(
    folder: &Path,
    f: impl Fn(&SearchIndex) -> Result<T, IndexError>,
) -> anyhow::Result<T> {
    let (idx, _) = open_updated(folder, true)?;
    match f(&idx) {
        Ok(v) => Ok(v),
        Err(e) if !e.is_damage() => Err(e.into()),
        Err(e) => {
            eprintln!("daftar: the search index failed to read ({e}): rebuilding it");
            drop(idx);
            SearchIndex::discard(&index_dir(folder))?;
            let (idx, _) = open_updated(folder, true)?;
            Ok(f(&idx)?)
        }
    }
}

/// Every article matching `query` (no limit), with its matches.
pub fn search_all(
    folder: &Path,
    query: &str,
) -> anyhow::Result<crate::index::search::SearchResults> {
    let parsed = parse_query(query)?;
    let (syn, _) = Synonyms::load(Some(folder));
    with_index(folder, |idx| {
        let total = idx.search_with(&parsed, 1, &syn, false)?.total;
        idx.search(&parsed, total.max(1), &syn)
    })
}

pub fn run_index(folder: &Path, as_json: bool, out: &mut dyn Write) -> anyhow::Result<()> {
    let (idx, r) = open_updated(folder, as_json)?;
    if as_json {
        for p in &r.problems {
            writeln!(
                out,
                "{}",
                json!({"kind": "problem", "path": p.path, "reason": p.reason})
            )?;
        }
        writeln!(
            out,
            "{}",
            json!({
                "kind": "summary",
                "added": r.added, "updated": r.updated, "removed": r.removed,
                "unchanged": r.unchanged, "problems": r.problems.len(),
                "articles": idx.num_docs(),
                "seconds": (r.seconds * 1000.0).round() / 1000.0,
                "index_bytes": r.index_bytes,
                "rebuilt": r.rebuilt,
                "index": idx.dir,
            })
        )?;
    } else {
        writeln!(
            out,
            "{} added, {} updated, {} removed, {} unchanged, {} problems; {} articles, {:.1} MB in {}; {:.2} s",
            r.added,
            r.updated,
            r.removed,
            r.unchanged,
            r.problems.len(),
            idx.num_docs(),
            r.index_bytes as f64 / 1e6,
            idx.dir.display(),
            r.seconds
        )?;
    }
    Ok(())
}

/// `fresh`: check every file for changes before answering. Without it the
/// index answers at once when the folder's folders are as the last update
/// left them (no file added, removed or renamed; an article edited in
/// place is found by `daftar index`, the window, or `--fresh`).
pub fn run_search(
    folder: &Path,
    query: &str,
    limit: usize,
    fresh: bool,
    as_json: bool,
    out: &mut dyn Write,
) -> anyhow::Result<()> {
    let parsed = parse_query(query)?;
    let (synonyms, warnings) = Synonyms::load(Some(folder));
    for w in warnings {
        eprintln!("daftar: {w}");
    }
    let current = if fresh {
        None
    } else {
        SearchIndex::open_if_current(folder)
    };
    let (res, checked) = match current.map(|idx| idx.search(&parsed, limit, &synonyms)) {
        Some(Ok(res)) => (res, "folders"),
        // Not known current, or it failed to read: the full way (which
        // rebuilds a damaged index).
        _ => (
            with_index(folder, |idx| idx.search(&parsed, limit, &synonyms))?,
            "files",
        ),
    };
    for h in &res.hits {
        let ci = CharIndex::new(&h.text);
        if as_json {
            let matches: Vec<_> = h
                .matches
                .iter()
                .map(|r| json!({"start": ci.char_of_byte(r.start), "end": ci.char_of_byte(r.end), "text": &h.text[r.clone()]}))
                .collect();
            writeln!(
                out,
                "{}",
                json!({
                    "kind": "hit", "path": h.path, "id": h.id,
                    "score": (h.score * 1000.0).round() / 1000.0,
                    "title": h.title, "date": h.day.map(|d| d.to_string()),
                    "source": h.source, "matches": matches,
                })
            )?;
        } else {
            let words: Vec<&str> = h
                .matches
                .iter()
                .take(5)
                .map(|r| &h.text[r.clone()])
                .collect();
            writeln!(
                out,
                "{:<40} {:>10} {:>6.2}  {}  [{}]",
                h.path,
                h.day.map(|d| d.to_string()).unwrap_or_else(|| "-".into()),
                h.score,
                h.title,
                words.join(" · ")
            )?;
        }
    }
    if as_json {
        writeln!(
            out,
            "{}",
            json!({"kind": "summary", "total": res.total, "ms": (res.millis * 100.0).round() / 100.0, "checked": checked})
        )?;
    } else {
        writeln!(out, "{} articles match; {:.1} ms", res.total, res.millis)?;
    }
    Ok(())
}
