//! Bringing the index up to date with a folder: new and changed files are
//! read and (re)indexed, deleted ones removed, unchanged ones — same size
//! and modification time as the manifest says — not even opened. Commits
//! every [`COMMIT_EVERY`] articles, so a kill loses at most one batch.

use std::collections::HashSet;
use std::path::Path;
use std::sync::Arc;
use std::sync::atomic::Ordering;
use std::time::Instant;

use serde::Serialize;
use tantivy::{IndexWriter, TantivyDocument, Term};

use super::manifest::{FileState, MANIFEST_VERSION, Manifest, stat};
use super::{Fields, IndexError, SearchIndex};
use crate::corpus::loader::{Entry, check_folder, load_entries, scan_with_folders};
use crate::corpus::{Article, LoadEvent, LoadOptions, Problem};
use crate::text::search_key;

/// Articles per commit.
pub const COMMIT_EVERY: usize = 10_000;

/// Writer memory (tantivy splits it between its threads).
const WRITER_BYTES: usize = 64 * 1024 * 1024;

/// What an update did.
#[derive(Debug, Clone, Default, Serialize)]
pub struct UpdateReport {
    pub added: usize,
    pub updated: usize,
    pub removed: usize,
    pub unchanged: usize,
    #[serde(skip)]
    pub problems: Vec<Problem>,
    pub seconds: f64,
    pub index_bytes: u64,
    pub cancelled: bool,
    /// Why the index was rebuilt from scratch, if it was.
    pub rebuilt: Option<String>,
}

/// Progress of an update.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum UpdateProgress {
    /// The folder was scanned: `to_read` of `total` files need reading.
    Scanned { total: usize, to_read: usize },
    /// Files read so far.
    Read { done: usize, to_read: usize },
}

/// A provenance as stored in the `prov` fast field.
pub fn provenance_code(p: crate::dates::Provenance) -> u64 {
    use crate::dates::Provenance::*;
    match p {
        Header => 0,
        Body => 1,
        Inferred => 2,
        File => 3,
    }
}

/// The provenance of a `prov` value.
pub fn provenance_of(code: u64) -> Option<crate::dates::Provenance> {
    use crate::dates::Provenance::*;
    [Header, Body, Inferred, File].get(code as usize).copied()
}

/// The tantivy document of an article.
pub fn document(a: &Article, f: &Fields) -> TantivyDocument {
    let mut doc = TantivyDocument::default();
    doc.add_text(f.id, &a.id);
    doc.add_text(f.path, &a.path);
    doc.add_text(f.title, a.display_title());
    let text = a.text();
    let body: Vec<&str> = a.paragraphs.iter().map(|r| &text[r.clone()]).collect();
    doc.add_text(f.body, body.join("\n"));
    doc.add_text(f.text, &*text);
    let ranges = serde_json::json!({
        "title": a.title.as_ref().map(|r| [r.start, r.end]),
        "paragraphs": a.paragraphs.iter().map(|r| [r.start, r.end]).collect::<Vec<_>>(),
    });
    doc.add_text(f.ranges, ranges.to_string());
    if let Some(s) = &a.source {
        doc.add_text(f.source, search_key(s));
        doc.add_text(f.source_shown, s);
    }
    for t in &a.tags {
        doc.add_text(f.tags, search_key(t));
    }
    if let Some(d) = &a.date {
        doc.add_i64(f.day, d.day.unix_days());
        let j = d.day.jalali();
        doc.add_u64(f.jalali_ym, (j.year as u64) * 100 + j.month as u64);
        doc.add_text(f.provenance, format!("{:?}", d.provenance).to_lowercase());
        doc.add_u64(f.prov, provenance_code(d.provenance));
    }
    doc
}

struct Run<'a> {
    idx: &'a SearchIndex,
    writer: IndexWriter,
    manifest: Manifest,
    since_commit: usize,
    report: UpdateReport,
    /// Something to commit: documents or the manifest changed (an
    /// unchanged folder writes nothing).
    dirty: bool,
    /// Committed at least once: the reader must see it.
    committed: bool,
}

impl<'a> Run<'a> {
    /// A writer on `idx` and its manifest; without a manifest, what the
    /// index holds is unknown, and it starts afresh.
    fn start(idx: &'a SearchIndex, rebuilt: Option<String>) -> Result<Run<'a>, IndexError> {
        let writer: IndexWriter = idx.index.writer(WRITER_BYTES)?;
        let (manifest, fresh) = match Manifest::read(&idx.manifest_path()) {
            Some(m) => (m, false),
            None => {
                writer.delete_all_documents()?;
                let m = Manifest {
                    version: MANIFEST_VERSION,
                    ..Default::default()
                };
                (m, true)
            }
        };
        Ok(Run {
            idx,
            writer,
            manifest,
            since_commit: 0,
            report: UpdateReport {
                rebuilt,
                ..Default::default()
            },
            dirty: fresh,
            committed: false,
        })
    }

    /// Takes out of the index and the manifest every file not in `seen`.
    fn remove_all_but(&mut self, seen: &HashSet<&str>) {
        let gone: Vec<String> = self
            .manifest
            .files
            .keys()
            .filter(|k| !seen.contains(k.as_str()))
            .cloned()
            .collect();
        for rel in gone {
            if let Some(state) = self.manifest.files.remove(&rel) {
                self.delete(&state.id);
                self.report.removed += 1;
            }
        }
    }

    fn delete(&mut self, id: &str) {
        self.dirty = true;
        self.writer
            .delete_term(Term::from_field_text(self.idx.fields.id, id));
    }

    fn commit(&mut self) -> Result<(), IndexError> {
        self.dirty = false;
        self.committed = true;
        self.writer.commit()?;
        let path = self.idx.manifest_path();
        self.manifest
            .write(&path)
            .map_err(|source| IndexError::Io { source, path })?;
        self.since_commit = 0;
        Ok(())
    }
}

/// Whether `idx` lists exactly `files` (relative path, size and time), as
/// a load that looked at every file found them: then an update would read
/// nothing, and the folder need not be scanned again.
pub fn lists_exactly(idx: &SearchIndex, files: &[(&str, (u64, i128))]) -> bool {
    let mut sorted = files.to_vec();
    sorted.sort_unstable_by(|a, b| a.0.cmp(b.0));
    super::manifest::lists_exactly(&idx.manifest_path(), &sorted)
}

/// Updates `idx` from `folder`.
pub fn update_index(
    folder: &Path,
    idx: &mut SearchIndex,
    opts: &LoadOptions,
    progress: impl FnMut(UpdateProgress),
) -> Result<UpdateReport, IndexError> {
    update_in_batches(folder, idx, opts, COMMIT_EVERY, progress)
}

/// [`update_index`], committing every `batch` articles.
fn update_in_batches(
    folder: &Path,
    idx: &mut SearchIndex,
    opts: &LoadOptions,
    batch: usize,
    mut progress: impl FnMut(UpdateProgress),
) -> Result<UpdateReport, IndexError> {
    let started = Instant::now();
    check_folder(folder)?;
    let rebuilt = idx.rebuilt.take();
    let idx: &SearchIndex = idx;
    let mut run = Run::start(idx, rebuilt)?;

    let scanned_at = std::time::SystemTime::now();
    let (entries, folders) = scan_with_folders(folder, &opts.cancel);
    let mut seen: HashSet<&str> = HashSet::new();
    let mut to_read: Vec<Entry> = Vec::new();
    for e in &entries {
        match e {
            Entry::File { path, rel } => {
                seen.insert(rel);
                let unchanged = match (run.manifest.files.get(rel), stat(path)) {
                    (Some(state), Some((size, mtime))) => {
                        state.size == size && state.mtime == mtime
                    }
                    _ => false,
                };
                if unchanged {
                    run.report.unchanged += 1;
                } else {
                    to_read.push(e.clone());
                }
            }
            Entry::Problem(p) => {
                seen.insert(&p.path);
                to_read.push(e.clone());
            }
        }
    }
    if !opts.cancel.load(Ordering::Relaxed) {
        run.remove_all_but(&seen);
    }
    // The stamp says the index lists every file: not while it is being
    // changed (a run that stops half way leaves none).
    let files_to_read = to_read.iter().any(|e| matches!(e, Entry::File { .. }));
    if files_to_read || run.report.removed > 0 {
        let _ = std::fs::remove_file(run.idx.dir.join(super::folders::FILE));
    }
    let to_read_count = to_read
        .iter()
        .filter(|e| matches!(e, Entry::File { .. }))
        .count();
    progress(UpdateProgress::Scanned {
        total: entries.len(),
        to_read: to_read_count,
    });

    let mut done = 0usize;
    let mut failure: Option<IndexError> = None;
    // Changed pages are read with the corpus's recurring lines, as the
    // load read them.
    let mut opts = opts.clone();
    if opts.outlets.is_none() {
        opts.outlets = Some(Arc::new(
            crate::corpus::outlets::Outlets::for_corpus(folder).0,
        ));
    }
    // The user's corrections of page chrome: the index holds what the
    // window shows.
    if opts.corrections.is_none() {
        let c = crate::corpus::corrections::Corrections::read(folder).unwrap_or_default();
        opts.corrections = Some(Arc::new(c));
    }
    if opts.lines.is_none() && !to_read.is_empty() {
        use crate::corpus::boilerplate::LineTable;
        let table = LineTable::read(folder).unwrap_or_else(|| {
            let learned = crate::corpus::loader::learn_lines(&entries, &opts);
            // Derived data: a folder daftar cannot write to learns it
            // again; a cancelled run keeps nothing half learned.
            if !opts.cancel.load(Ordering::Relaxed) {
                let _ = learned.write(folder);
            }
            learned
        });
        opts.lines = Some(Arc::new(table));
    }
    let summary = load_entries(&to_read, &opts, |ev| {
        if failure.is_some() {
            return;
        }
        match ev {
            LoadEvent::Article(a) => {
                done += 1;
                // The size and time from before the file was read: a change
                // while it was read differs from them and is read next time.
                let (size, mtime) = if a.mtime != 0 {
                    (a.size, a.mtime)
                } else {
                    stat(&folder.join(&a.path)).unwrap_or((a.size, 0))
                };
                let state = FileState {
                    size,
                    mtime,
                    hash: a.content_hash.hex(),
                    id: a.id.clone(),
                };
                match run.manifest.files.get(&a.path) {
                    Some(old) if old.hash == state.hash => run.report.unchanged += 1,
                    old => {
                        if old.is_some() {
                            run.report.updated += 1;
                        } else {
                            run.report.added += 1;
                        }
                        run.delete(&a.id);
                        if let Err(e) = run.writer.add_document(document(&a, &run.idx.fields)) {
                            failure = Some(e.into());
                            return;
                        }
                        run.since_commit += 1;
                    }
                }
                if run.manifest.files.get(&a.path) != Some(&state) {
                    run.dirty = true;
                }
                run.manifest.files.insert(a.path.clone(), state);
                if run.since_commit >= batch
                    && let Err(e) = run.commit()
                {
                    failure = Some(e);
                }
                if done.is_multiple_of(256) {
                    progress(UpdateProgress::Read {
                        done,
                        to_read: to_read_count,
                    });
                }
            }
            LoadEvent::Problem(p) => {
                // A file that was an article and now is not leaves the index.
                if let Some(old) = run.manifest.files.remove(&p.path) {
                    run.delete(&old.id);
                    run.report.removed += 1;
                }
                run.report.problems.push(p);
            }
            LoadEvent::Scanned { .. } => {}
        }
    });
    if let Some(e) = failure {
        return Err(e);
    }
    progress(UpdateProgress::Read {
        done,
        to_read: to_read_count,
    });
    if run.dirty {
        run.commit()?;
    }
    // (Also after the last of the periodic commits, which left nothing
    // dirty: a run of exactly 10,000 files found nothing once.)
    if run.committed {
        run.idx.reader.reload()?;
    }
    run.report.cancelled = summary.cancelled || opts.cancel.load(Ordering::Relaxed);
    let problems = std::mem::take(&mut run.report.problems);
    run.finish(Some((folders, scanned_at)), &problems, started)?;
    run.report.problems = problems;
    Ok(run.report)
}

impl Run<'_> {
    /// Writes what a search process checks instead of every file (see
    /// `folders`) once the index lists everything the scan met, and the
    /// report's figures.
    fn finish(
        &mut self,
        scan: Option<(Vec<(String, i128)>, std::time::SystemTime)>,
        problems: &[Problem],
        started: Instant,
    ) -> Result<(), IndexError> {
        let path = self.idx.dir.join(super::folders::FILE);
        let trusted = scan.filter(|(folders, scanned_at)| {
            super::folders::trustworthy(folders, *scanned_at)
                && !problems.iter().any(|p| {
                    // A link or a file that could not be read may come right
                    // without any folder changing: every search checks them.
                    matches!(
                        p.reason.id(),
                        "problem-broken-link" | "problem-cannot-read" | "problem-link-loop"
                    )
                })
        });
        match trusted {
            Some((folders, _)) if !self.report.cancelled => {
                let now = super::folders::Folders::new(folders);
                if super::folders::Folders::read(&path).as_ref() != Some(&now) {
                    now.write(&path)
                        .map_err(|source| IndexError::Io { source, path })?;
                }
            }
            _ => {
                let _ = std::fs::remove_file(&path);
            }
        }
        self.report.seconds = started.elapsed().as_secs_f64();
        self.report.index_bytes = self.idx.disk_bytes();
        Ok(())
    }
}

/// What a load met besides its articles, for [`update_from_articles`].
pub struct Loaded<'a> {
    pub problems: &'a [Problem],
    /// Every folder with its time, and when the scan began (`None`: the
    /// search process's stamp is not written).
    pub scan: Option<(Vec<(String, i128)>, std::time::SystemTime)>,
}

/// Brings `idx` up to date with the articles a load has just given (read,
/// or taken from the stored analysis): the index holds the window's
/// reading, and no file is read again — a first open reads each file once.
/// Articles of another size, time or content than the manifest says are
/// (re)indexed, the manifest's other files removed.
pub fn update_from_articles(
    idx: &mut SearchIndex,
    articles: &[Article],
    loaded: Loaded,
    cancel: &std::sync::atomic::AtomicBool,
    mut progress: impl FnMut(UpdateProgress),
) -> Result<UpdateReport, IndexError> {
    let started = Instant::now();
    let rebuilt = idx.rebuilt.take();
    let idx: &SearchIndex = idx;
    let mut run = Run::start(idx, rebuilt)?;
    let seen: HashSet<&str> = articles.iter().map(|a| a.path.as_str()).collect();
    run.remove_all_but(&seen);
    // An article the index lacks, or holds of other content or id, is
    // (re)indexed; one only touched (a time alone) is not.
    let stale = |old: Option<&FileState>, a: &Article, hash: &str| {
        old.is_none_or(|o| o.hash != hash || o.id != a.id)
    };
    let to_read = articles
        .iter()
        .filter(|a| stale(run.manifest.files.get(&a.path), a, &a.content_hash.hex()))
        .count();
    progress(UpdateProgress::Scanned {
        total: articles.len(),
        to_read,
    });
    if to_read > 0 || run.report.removed > 0 {
        let _ = std::fs::remove_file(run.idx.dir.join(super::folders::FILE));
    }
    let mut done = 0;
    for a in articles {
        if cancel.load(Ordering::Relaxed) {
            run.report.cancelled = true;
            break;
        }
        let state = FileState {
            size: a.size,
            mtime: a.mtime,
            hash: a.content_hash.hex(),
            id: a.id.clone(),
        };
        let old = run.manifest.files.get(&a.path);
        if old == Some(&state) {
            run.report.unchanged += 1;
            continue;
        }
        match old {
            old if !stale(old, a, &state.hash) => run.report.unchanged += 1,
            old => {
                if let Some(o) = old {
                    run.report.updated += 1;
                    let id = o.id.clone();
                    run.delete(&id);
                } else {
                    run.report.added += 1;
                }
                run.delete(&a.id);
                run.writer.add_document(document(a, &run.idx.fields))?;
                run.since_commit += 1;
                done += 1;
                if done % 256 == 0 {
                    progress(UpdateProgress::Read { done, to_read });
                }
            }
        }
        run.dirty = true;
        run.manifest.files.insert(a.path.clone(), state);
        if run.since_commit >= COMMIT_EVERY {
            run.commit()?;
        }
    }
    progress(UpdateProgress::Read { done, to_read });
    if run.dirty {
        run.commit()?;
    }
    if run.committed {
        run.idx.reader.reload()?;
    }
    run.finish(loaded.scan, loaded.problems, started)?;
    Ok(run.report)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A folder of `n` short articles, `a0.txt` …
    fn corpus_of(n: usize) -> tempfile::TempDir {
        let corpus = tempfile::tempdir().unwrap();
        for i in 0..n {
            std::fs::write(
                corpus.path().join(format!("a{i}.txt")),
                format!("عنوان {i}\nمتن خبر {i} درباره بازار\n"),
            )
            .unwrap();
        }
        corpus
    }

    #[test]
    fn an_index_whose_last_batch_ends_the_run_is_searchable() {
        let corpus = corpus_of(4);
        let dir = tempfile::tempdir().unwrap();
        let mut idx = SearchIndex::open_or_create(dir.path()).unwrap();
        // Two batches of two: the run ends on a periodic commit.
        let r =
            update_in_batches(corpus.path(), &mut idx, &LoadOptions::default(), 2, |_| {}).unwrap();
        assert_eq!(r.added, 4);
        assert_eq!(idx.num_docs(), 4, "the reader sees the last batch");
    }

    #[test]
    fn an_index_lists_exactly_the_files_it_was_brought_up_to_date_with() {
        let corpus = corpus_of(3);
        let dir = tempfile::tempdir().unwrap();
        let mut idx = SearchIndex::open_or_create(dir.path()).unwrap();
        update_index(corpus.path(), &mut idx, &LoadOptions::default(), |_| {}).unwrap();
        let stamps = || -> Vec<(String, (u64, i128))> {
            (0..3)
                .map(|i| {
                    let name = format!("a{i}.txt");
                    let st = stat(&corpus.path().join(&name)).unwrap();
                    (name, st)
                })
                .collect()
        };
        let given = |v: &[(String, (u64, i128))]| -> Vec<(String, (u64, i128))> { v.to_vec() };
        let check = |v: &[(String, (u64, i128))]| {
            let refs: Vec<(&str, (u64, i128))> = v.iter().map(|(p, s)| (p.as_str(), *s)).collect();
            lists_exactly(&idx, &refs)
        };
        assert!(check(&stamps()));
        // In any order.
        let mut reversed = given(&stamps());
        reversed.reverse();
        assert!(check(&reversed));
        // One file fewer, or one of another size or time: not current.
        assert!(!check(&stamps()[..2]));
        let mut other = stamps();
        other[1].1.0 += 1;
        assert!(!check(&other));
        let mut later = stamps();
        later[2].1.1 += 1;
        assert!(!check(&later));
        let mut more = stamps();
        more.push(("a9.txt".into(), (10, 0)));
        assert!(!check(&more));
        // A manifest cut short is no listing.
        let m = idx.manifest_path();
        let bytes = std::fs::read(&m).unwrap();
        std::fs::write(&m, &bytes[..bytes.len() - 3]).unwrap();
        assert!(!check(&stamps()));
    }
}
