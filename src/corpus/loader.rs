//! Scanning a folder and loading its articles: recursive, parallel (rayon),
//! streaming in path order, cancellable, with progress. A bad file never
//! stops a load: it becomes a [`Problem`] with its reason (ripgrep's way).

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Instant, SystemTime};

use rayon::prelude::*;

use super::Article;
use super::boilerplate::{Both, LineCounts, LineTable};
use super::decode::decode;
use super::html::html_to_text;
use super::structure::{PageContext, PageHints, analyse_with};
use crate::dates::{DateEvidence, Day, EraClues, publication_date};
use crate::i18n::Notice;
use crate::text::search_key;

/// Files larger than this are reported, not loaded.
pub const DEFAULT_MAX_FILE_BYTES: u64 = 64 * 1024 * 1024;

/// HTML pages larger than this are reported, not parsed (a parse costs
/// many times the page's size in memory; real pages are well under 1 MiB).
pub const MAX_HTML_BYTES: usize = 16 * 1024 * 1024;

/// Extensions daftar reads.
pub const ARTICLE_EXTENSIONS: &[&str] = &["txt", "md", "html", "htm"];

/// How many files are decoded in parallel before their results are sent
/// on, in path order.
const CHUNK: usize = 256;

#[derive(Clone)]
pub struct LoadOptions {
    pub max_file_bytes: u64,
    /// Set to true to stop loading; what was sent stays valid.
    pub cancel: Arc<AtomicBool>,
    /// What finds each article's entities and statements while loading
    /// (none without): [`crate::extract::analyser`].
    pub analyse: Option<Analyser>,
    /// The corpus's recurring lines as known before this load (the table
    /// kept by the last load, or learned from a sample of the files).
    /// `load_folder` finds it when this is `None`; a load of a few files
    /// without it reads each page alone.
    pub lines: Option<Arc<LineTable>>,
    /// Outlet names (the bundled ones and the corpus's
    /// `.daftar/outlets.ron`); `load_folder` reads them when `None`.
    pub outlets: Option<Arc<super::outlets::Outlets>>,
    /// The user's corrections of page chrome (`.daftar/chrome.ron`);
    /// `load_folder` reads them when `None`.
    pub corrections: Option<Arc<super::corrections::Corrections>>,
    /// Files already read and analysed (the stored analysis): one whose
    /// size and time are as it has them is taken from it, not read.
    pub known: Option<Arc<dyn Known>>,
}

/// Analyses an article just read (its mentions and statements): given by
/// extraction, so that reading needs nothing of it.
pub type Analyser = Arc<dyn Fn(&mut Article) + Send + Sync>;

/// Files read before, as they were: what [`load_folder`] does not read
/// again ([`crate::store`]).
pub trait Known: Send + Sync {
    /// Whether `rel` is known as it is now, with this size and
    /// modification time (nanoseconds); asked once per file, before any
    /// [`Known::take`]. No: the file must be read.
    fn knows(&self, rel: &str, stamp: (u64, i128)) -> bool;
    /// What a file [`Known::knows`] gave: its article, or why it is none
    /// (asked once, as the load reaches it: what is known is handed on,
    /// never all held twice).
    fn take(&self, rel: &str) -> Option<Result<Article, Notice>>;
}

impl std::fmt::Debug for LoadOptions {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("LoadOptions")
            .field("max_file_bytes", &self.max_file_bytes)
            .field("analyse", &self.analyse.is_some())
            .field("known", &self.known.is_some())
            .finish_non_exhaustive()
    }
}

impl Default for LoadOptions {
    fn default() -> Self {
        LoadOptions {
            max_file_bytes: DEFAULT_MAX_FILE_BYTES,
            cancel: Arc::new(AtomicBool::new(false)),
            analyse: None,
            lines: None,
            outlets: None,
            corrections: None,
            known: None,
        }
    }
}

/// A file that was not loaded, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// Path relative to the corpus root, `/`-separated.
    pub path: String,
    pub reason: Notice,
}

/// What a load reports, in path order.
#[derive(Debug)]
pub enum LoadEvent {
    /// The scan is done: this many files will be reported.
    Scanned {
        total: usize,
    },
    Article(Box<Article>),
    Problem(Problem),
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct LoadSummary {
    pub articles: usize,
    pub problems: usize,
    /// Files read (the others came from the stored analysis).
    pub read: usize,
    pub cancelled: bool,
    pub seconds: f64,
    /// Every folder the scan met, relative (`""` for the root), with its
    /// modification time (nanoseconds): what a watcher watches without
    /// looking at every file again, and what the index's folder stamp
    /// keeps.
    pub folders: Vec<(String, i128)>,
    /// When the scan began.
    pub scanned_at: Option<std::time::SystemTime>,
}

/// Why a folder cannot be read at all.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    #[error("no such folder: {0}")]
    NotFound(PathBuf),
    #[error("not a folder: {0}")]
    NotAFolder(PathBuf),
    #[error("cannot read folder: {source}: {path}")]
    Unreadable {
        source: std::io::Error,
        path: PathBuf,
    },
}

/// One item of a scanned folder.
#[derive(Debug, Clone)]
pub enum Entry {
    File { path: PathBuf, rel: String },
    Problem(Problem),
}

fn relative(root: &Path, path: &Path) -> String {
    let rel = path.strip_prefix(root).unwrap_or(path);
    rel.components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}

fn is_hidden(name: &std::ffi::OsStr) -> bool {
    name.to_string_lossy().starts_with('.')
}

/// Lists the folder: article files and problems, sorted by path. Hidden
/// entries (and with them daftar's own `.daftar/`) are skipped.
pub fn scan(root: &Path, cancel: &AtomicBool) -> Vec<Entry> {
    scan_with_folders(root, cancel).0
}

/// [`scan`], with every folder met (relative path, `""` for the root) and
/// its modification time in nanoseconds, taken before its files were
/// listed: a file added while the scan runs changes that time.
pub fn scan_with_folders(root: &Path, cancel: &AtomicBool) -> (Vec<Entry>, Vec<(String, i128)>) {
    let mut out = Vec::new();
    let mut folders = Vec::new();
    let walker = walkdir::WalkDir::new(root)
        .follow_links(true)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || !is_hidden(e.file_name()));
    for item in walker {
        if cancel.load(Ordering::Relaxed) {
            break;
        }
        match item {
            Ok(e) if e.file_type().is_dir() => {
                let mtime = e
                    .metadata()
                    .ok()
                    .and_then(|m| m.modified().ok())
                    .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
                    .map_or(0, |d| d.as_nanos() as i128);
                folders.push((relative(root, e.path()), mtime));
            }
            Ok(e) if !e.file_type().is_file() => out.push(Entry::Problem(Problem {
                path: relative(root, e.path()),
                reason: Notice::new("problem-not-regular"),
            })),
            Ok(e) => {
                let rel = relative(root, e.path());
                let ext = e
                    .path()
                    .extension()
                    .map(|x| x.to_string_lossy().to_ascii_lowercase());
                match ext {
                    Some(x) if ARTICLE_EXTENSIONS.contains(&x.as_str()) => out.push(Entry::File {
                        path: e.path().to_path_buf(),
                        rel,
                    }),
                    _ => out.push(Entry::Problem(Problem {
                        reason: match ext {
                            Some(x) => {
                                Notice::new("problem-not-article-file").with("ext", format!(".{x}"))
                            }
                            None => Notice::new("problem-no-extension"),
                        },
                        path: rel,
                    })),
                }
            }
            Err(err) => {
                let path = err.path().map_or_else(String::new, |p| relative(root, p));
                let reason = if err.loop_ancestor().is_some() {
                    Notice::new("problem-link-loop")
                } else if let Some(io) = err.io_error() {
                    if err
                        .path()
                        .is_some_and(|p| p.symlink_metadata().is_ok() && !p.exists())
                    {
                        Notice::new("problem-broken-link")
                    } else {
                        Notice::new("problem-cannot-read").with("error", io)
                    }
                } else {
                    Notice::new("problem-cannot-read").with("error", &err)
                };
                out.push(Entry::Problem(Problem { path, reason }));
            }
        }
    }
    (out, folders)
}

/// Loads every article under `root`, calling `sink` in path order.
pub fn load_folder(
    root: &Path,
    opts: &LoadOptions,
    mut sink: impl FnMut(LoadEvent),
) -> Result<LoadSummary, LoadError> {
    let started = Instant::now();
    check_folder(root)?;
    let scanned_at = std::time::SystemTime::now();
    let (entries, folders) = scan_with_folders(root, &opts.cancel);
    sink(LoadEvent::Scanned {
        total: entries.len(),
    });
    let known = known_entries(&entries, opts);
    let to_read = entries
        .iter()
        .zip(&known)
        .filter(|(e, k)| matches!(e, Entry::File { .. }) && !**k)
        .count();
    let mut opts = opts.clone();
    // (The corpus's lists are read every time, so a broken one is said
    // every time; only learning its recurring lines waits for a file to
    // read.)
    if opts.outlets.is_none() {
        let (outlets, note) = super::outlets::Outlets::for_corpus(root);
        if let Some(reason) = note {
            sink(LoadEvent::Problem(Problem {
                path: ".daftar/outlets.ron".into(),
                reason: Notice::new("problem-outlets-unusable").with("error", reason),
            }));
        }
        opts.outlets = Some(Arc::new(outlets));
    }
    if opts.corrections.is_none() {
        let corrections = super::corrections::Corrections::read(root).unwrap_or_else(|e| {
            sink(LoadEvent::Problem(Problem {
                path: ".daftar/chrome.ron".into(),
                reason: Notice::new("problem-corrections-unusable").with("error", e),
            }));
            Default::default()
        });
        opts.corrections = Some(Arc::new(corrections));
    }
    if to_read > 0 && opts.lines.is_none() {
        let known = LineTable::read(root).unwrap_or_else(|| learn_lines(&entries, &opts));
        opts.lines = Some(Arc::new(known));
    }
    let (mut summary, learned) = load_and_learn(&entries, known, &opts, sink);
    summary.folders = folders;
    summary.scanned_at = Some(scanned_at);
    // (A table learned from every file: one learned from the few files
    // read again would replace the corpus's with theirs.)
    let all_read = to_read == entries.len();
    if !summary.cancelled && learned.files > 0 && all_read {
        // Derived data: a folder daftar cannot write to learns it again.
        let _ = learned.write(root);
    }
    summary.seconds = started.elapsed().as_secs_f64();
    Ok(summary)
}

/// Whether `opts.known` has each entry as it is now (files are looked
/// at, not read; in parallel).
fn known_entries(entries: &[Entry], opts: &LoadOptions) -> Vec<bool> {
    let Some(known) = opts.known.as_deref() else {
        return vec![false; entries.len()];
    };
    entries
        .par_iter()
        .map(|e| match e {
            Entry::File { path, rel } => {
                crate::disk::stamp(path).is_some_and(|stamp| known.knows(rel, stamp))
            }
            Entry::Problem(_) => false,
        })
        .collect()
}

/// Files read before a load whose corpus has no kept table, to learn its
/// recurring lines: all of a small corpus, an even sample of a large one
/// (a site with one page in a hundred has about twenty in the sample).
pub const LEARN_SAMPLE: usize = 2_000;

/// The recurring lines of a sample of `entries` (read and decoded only,
/// in parallel).
pub fn learn_lines(entries: &[Entry], opts: &LoadOptions) -> LineTable {
    let files: Vec<(&PathBuf, bool)> = entries
        .iter()
        .filter_map(|e| match e {
            Entry::File { path, .. } => Some((path, is_html_path(path))),
            Entry::Problem(_) => None,
        })
        .collect();
    let step = files.len().div_ceil(LEARN_SAMPLE).max(1);
    let hashes: Vec<Vec<u64>> = files
        .par_iter()
        .step_by(step)
        .filter_map(|(path, html)| {
            if opts.cancel.load(Ordering::Relaxed) {
                return None;
            }
            let meta = std::fs::metadata(path).ok()?;
            if !meta.is_file() || meta.len() > opts.max_file_bytes {
                return None;
            }
            let bytes = std::fs::read(path).ok()?;
            let page = crate::jobs::caught(|| Ok(page_text(&bytes, *html)))
                .ok()?
                .ok()?;
            Some(super::structure::line_hashes(&page.text))
        })
        .collect();
    let mut table = LineTable::default();
    for h in &hashes {
        table.add_file(h);
    }
    table
}

/// Whether `path` has an extension daftar reads.
pub fn has_article_extension(path: &Path) -> bool {
    path.extension().is_some_and(|x| {
        ARTICLE_EXTENSIONS.contains(&x.to_string_lossy().to_ascii_lowercase().as_str())
    })
}

fn is_html_path(path: &Path) -> bool {
    path.extension().is_some_and(|x| {
        matches!(
            x.to_string_lossy().to_ascii_lowercase().as_str(),
            "html" | "htm"
        )
    })
}

/// Checks that `root` is a readable folder.
pub fn check_folder(root: &Path) -> Result<(), LoadError> {
    let meta = std::fs::metadata(root).map_err(|source| match source.kind() {
        std::io::ErrorKind::NotFound => LoadError::NotFound(root.to_path_buf()),
        _ => LoadError::Unreadable {
            source,
            path: root.to_path_buf(),
        },
    })?;
    if !meta.is_dir() {
        return Err(LoadError::NotAFolder(root.to_path_buf()));
    }
    std::fs::read_dir(root).map_err(|source| LoadError::Unreadable {
        source,
        path: root.to_path_buf(),
    })?;
    Ok(())
}

/// Loads scanned entries in parallel, calling `sink` in their order.
pub fn load_entries(
    entries: &[Entry],
    opts: &LoadOptions,
    sink: impl FnMut(LoadEvent),
) -> LoadSummary {
    let known = vec![false; entries.len()];
    load_and_learn(entries, known, opts, sink).0
}

/// Loads scanned entries, and counts their lines as it goes: each chunk is
/// read with what the corpus's table (`opts.lines`) and the chunks before
/// it know, so the pages of a site the table missed lose their chrome once
/// a few of them have been read. Returns this load's own table.
fn load_and_learn(
    entries: &[Entry],
    known: Vec<bool>,
    opts: &LoadOptions,
    mut sink: impl FnMut(LoadEvent),
) -> (LoadSummary, LineTable) {
    let started = Instant::now();
    let clues = EraClues::bundled();
    let mut summary = LoadSummary::default();
    let empty = LineTable::default();
    let lines = opts.lines.as_deref().unwrap_or(&empty);
    let mut learned = LineTable::default();
    for (chunk, known) in entries.chunks(CHUNK).zip(known.chunks(CHUNK)) {
        if opts.cancel.load(Ordering::Relaxed) {
            summary.cancelled = true;
            break;
        }
        let counts = Both(lines, &learned);
        // (What is known is taken here, one by one: taking is quick, and
        // the threads would only wait for each other.)
        let kept: Vec<_> = chunk
            .iter()
            .zip(known)
            .map(
                |(entry, &known)| match (entry, known, opts.known.as_deref()) {
                    (Entry::File { rel, .. }, true, Some(k)) => k.take(rel),
                    _ => None,
                },
            )
            .collect();
        let one = |(entry, kept): (&Entry, Option<Result<Article, Notice>>)| match (entry, kept) {
            (Entry::Problem(p), _) => (false, Err(p.clone())),
            (Entry::File { rel, .. }, Some(k)) => (
                false,
                k.map(|article| Loaded {
                    article: Box::new(article),
                    line_hashes: Vec::new(),
                })
                .map_err(|reason| Problem {
                    path: rel.clone(),
                    reason,
                }),
            ),
            (Entry::File { path, rel }, None) => (
                true,
                load_article_in(
                    path,
                    rel,
                    opts.max_file_bytes,
                    &clues,
                    opts.analyse.as_deref(),
                    &Reading {
                        lines: Some(&counts),
                        outlets: opts.outlets.as_deref(),
                        corrections: opts.corrections.as_deref(),
                    },
                )
                .map_err(|reason| Problem {
                    path: rel.clone(),
                    reason,
                }),
            ),
        };
        // (Nothing to read: no thread is asked to help, they may be busy
        // reading the stored analysis ahead.)
        let results: Vec<(bool, Result<Loaded, Problem>)> = match chunk
            .iter()
            .zip(&kept)
            .all(|(e, k)| k.is_some() || matches!(e, Entry::Problem(_)))
        {
            true => chunk.iter().zip(kept).map(one).collect(),
            false => chunk.par_iter().zip(kept).map(one).collect(),
        };
        for (read, r) in results {
            summary.read += usize::from(read);
            match r {
                Ok(loaded) => {
                    summary.articles += 1;
                    if read {
                        learned.add_file(&loaded.line_hashes);
                    }
                    sink(LoadEvent::Article(loaded.article));
                }
                Err(p) => {
                    summary.problems += 1;
                    sink(LoadEvent::Problem(p));
                }
            }
        }
    }
    summary.cancelled |= opts.cancel.load(Ordering::Relaxed);
    summary.seconds = started.elapsed().as_secs_f64();
    (summary, learned)
}

/// An article file named by a user (`daftar tag --path`): accepted only
/// when the loader would load it from this corpus — inside the folder (no
/// `..` out of it, no absolute path elsewhere, no link that leads out), not
/// hidden, a regular file (never a pipe or device, which would block or
/// never end) with an article extension. Returns the file and its path
/// relative to the corpus as the loader names it.
pub fn resolve_in_corpus(root: &Path, given: &Path) -> Result<(PathBuf, String), String> {
    use std::path::Component;
    let shown = given.display();
    let root_real = root
        .canonicalize()
        .map_err(|e| format!("cannot read the corpus folder: {e}"))?;
    // Lexically first: the path as the loader would list it.
    let joined = if given.is_absolute() {
        given.to_path_buf()
    } else {
        root.join(given)
    };
    let base = if given.is_absolute() {
        // An absolute path names the corpus through its real location or
        // as given.
        if joined.starts_with(root) {
            root.to_path_buf()
        } else {
            root_real.clone()
        }
    } else {
        root.to_path_buf()
    };
    let inside = joined
        .strip_prefix(&base)
        .map_err(|_| format!("{shown} is not inside the corpus folder {}", root.display()))?;
    let mut parts: Vec<&std::ffi::OsStr> = Vec::new();
    for c in inside.components() {
        match c {
            Component::Normal(n) => parts.push(n),
            Component::CurDir => {}
            Component::ParentDir => {
                if parts.pop().is_none() {
                    return Err(format!("{shown} leads out of the corpus folder"));
                }
            }
            Component::RootDir | Component::Prefix(_) => {
                return Err(format!("{shown} is not inside the corpus folder"));
            }
        }
    }
    if parts.is_empty() {
        return Err(format!("{shown} names the corpus folder, not a file in it"));
    }
    if parts.iter().any(|p| is_hidden(p)) {
        return Err(format!(
            "{shown} is hidden (a name starting with «.»): daftar does not read it"
        ));
    }
    let rel_path: PathBuf = parts.iter().collect();
    let path = root.join(&rel_path);
    // Then for real: links resolved, the file must still be in the tree.
    let real = path.canonicalize().map_err(|e| format!("{shown}: {e}"))?;
    if !real.starts_with(&root_real) {
        return Err(format!(
            "{shown} is a link that leads out of the corpus folder (to {})",
            real.display()
        ));
    }
    // `metadata` does not open the file, so a pipe cannot block here.
    let meta = std::fs::metadata(&real).map_err(|e| format!("{shown}: {e}"))?;
    if !meta.is_file() {
        return Err(format!(
            "{shown} is not a regular file (a folder, pipe, socket or device): not read"
        ));
    }
    let ext = rel_path
        .extension()
        .map(|x| x.to_string_lossy().to_ascii_lowercase());
    if !ext.is_some_and(|x| ARTICLE_EXTENSIONS.contains(&x.as_str())) {
        return Err(format!(
            "{shown} is not an article file: daftar reads .txt, .md, .html and .htm"
        ));
    }
    Ok((path, relative(root, &root.join(&rel_path))))
}

/// A relative path's bytes in hex when it is not UTF-8 (kept with a
/// passage, so a file with such a name is found again), else `None`.
pub fn raw_rel(rel: &Path) -> Option<String> {
    if rel.to_str().is_some() {
        return None;
    }
    #[cfg(unix)]
    {
        use std::os::unix::ffi::OsStrExt;
        Some(
            rel.as_os_str()
                .as_bytes()
                .iter()
                .map(|b| format!("{b:02x}"))
                .collect(),
        )
    }
    #[cfg(not(unix))]
    {
        None
    }
}

/// The relative path [`raw_rel`] wrote.
pub fn from_raw_rel(hex: &str) -> Option<PathBuf> {
    let bytes: Option<Vec<u8>> = (0..hex.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(hex.get(i..i + 2)?, 16).ok())
        .collect();
    #[cfg(unix)]
    {
        use std::os::unix::ffi::OsStringExt;
        Some(PathBuf::from(std::ffi::OsString::from_vec(bytes?)))
    }
    #[cfg(not(unix))]
    {
        String::from_utf8(bytes?).ok().map(PathBuf::from)
    }
}

/// What a page is read with beyond its own bytes: the corpus's recurring
/// lines, its outlet names and the user's corrections (none: the page is
/// read alone, with the bundled outlet names).
#[derive(Default, Clone, Copy)]
pub struct Reading<'a> {
    pub lines: Option<&'a dyn LineCounts>,
    pub outlets: Option<&'a super::outlets::Outlets>,
    pub corrections: Option<&'a super::corrections::Corrections>,
}

/// An article and the hashes of its lines (for the corpus's table).
#[derive(Debug)]
pub struct Loaded {
    /// (Boxed: it is handed on as it is, never copied.)
    pub article: Box<Article>,
    pub line_hashes: Vec<u64>,
}

/// Loads one file and, with an analyser, finds its entities and
/// statements. A panic anywhere in reading or analysing it becomes the
/// file's problem ("internal error while reading …"), so one file that
/// trips a bug never stops a load.
pub fn load_article(
    path: &Path,
    rel: &str,
    max_bytes: u64,
    clues: &EraClues,
    analyse: Option<&(dyn Fn(&mut Article) + Send + Sync)>,
) -> Result<Article, Notice> {
    load_article_in(path, rel, max_bytes, clues, analyse, &Reading::default()).map(|l| *l.article)
}

/// [`load_article`] with the corpus's recurring lines.
pub fn load_article_in(
    path: &Path,
    rel: &str,
    max_bytes: u64,
    clues: &EraClues,
    analyse: Option<&(dyn Fn(&mut Article) + Send + Sync)>,
    reading: &Reading<'_>,
) -> Result<Loaded, Notice> {
    crate::jobs::caught(|| {
        Ok(
            load_file_in(path, rel, max_bytes, clues, reading).map(|mut loaded| {
                if let Some(analyse) = analyse {
                    analyse(&mut loaded.article);
                }
                loaded
            }),
        )
    })
    .unwrap_or_else(|e| {
        let msg = e.strip_prefix("internal error: ").unwrap_or(&e);
        Err(Notice::new("problem-internal")
            .with("path", rel)
            .with("error", msg))
    })
}

/// Loads one file, read alone; `Err` is the reason it is not an article.
pub fn load_file(
    path: &Path,
    rel: &str,
    max_bytes: u64,
    clues: &EraClues,
) -> Result<Article, Notice> {
    load_file_in(path, rel, max_bytes, clues, &Reading::default()).map(|l| *l.article)
}

/// [`load_file`] with the corpus's recurring lines.
pub fn load_file_in(
    path: &Path,
    rel: &str,
    max_bytes: u64,
    clues: &EraClues,
    reading: &Reading<'_>,
) -> Result<Loaded, Notice> {
    let cannot = |e: std::io::Error| Notice::new("problem-cannot-read").with("error", e);
    let meta = std::fs::metadata(path).map_err(cannot)?;
    if meta.len() > max_bytes {
        return Err(Notice::new("problem-too-large")
            .num("size", meta.len() / (1024 * 1024))
            .num("limit", max_bytes / (1024 * 1024)));
    }
    let bytes = std::fs::read(path).map_err(cannot)?;
    let mtime = meta
        .modified()
        .ok()
        .and_then(|t| t.duration_since(SystemTime::UNIX_EPOCH).ok())
        .map(|d| Day::from_unix_days((d.as_secs() / 86_400) as i64));
    let mut loaded = article_in_corpus(rel, &bytes, is_html_path(path), mtime, clues, reading)?;
    // (The time from before the read: a change during it is seen later.)
    loaded.article.mtime = meta
        .modified()
        .ok()
        .and_then(|t| t.duration_since(SystemTime::UNIX_EPOCH).ok())
        .map_or(0, |d| d.as_nanos() as i128);
    if path.file_name().is_some_and(|n| n.to_str().is_none()) {
        loaded
            .article
            .warnings
            .push(Notice::new("warning-file-name-not-utf8"));
    }
    Ok(loaded)
}

/// A file's text as daftar reads it: decoded, and for HTML the page's
/// text with what its markup says.
struct PageText {
    text: String,
    encoding: String,
    warnings: Vec<Notice>,
    /// The markup's publication time: (day, as written).
    meta_date: Option<(Day, String)>,
    hints: PageHints,
}

fn page_text(bytes: &[u8], is_html: bool) -> Result<PageText, Notice> {
    if bytes.is_empty() {
        return Err(Notice::new("problem-empty"));
    }
    let decoded = decode(bytes).map_err(|e| e.notice())?;
    if is_html && bytes.len() > MAX_HTML_BYTES {
        return Err(Notice::new("problem-html-too-large")
            .num("size", bytes.len() / (1024 * 1024))
            .num("limit", MAX_HTML_BYTES / (1024 * 1024)));
    }
    let (text, meta_date, hints) = if is_html {
        let h = html_to_text(&decoded.text).map_err(|e| match e {
            super::html::HtmlError::TooDeep => {
                Notice::new("problem-html-too-deep").num("depth", super::html::MAX_HTML_DEPTH)
            }
        })?;
        let meta = h.published.as_deref().and_then(|s| {
            let day = Day::parse_iso(s.get(..10)?)?;
            Some((day, s.to_string()))
        });
        (h.text, meta, h.hints)
    } else {
        (decoded.text, None, PageHints::default())
    };
    if text.trim().is_empty() {
        return Err(Notice::new(if is_html {
            "problem-html-no-text"
        } else {
            "problem-whitespace"
        }));
    }
    Ok(PageText {
        text,
        encoding: decoded.encoding,
        warnings: decoded.warnings,
        meta_date,
        hints,
    })
}

/// Builds an article from a file's bytes, read alone.
pub fn article_from_bytes(
    rel: &str,
    bytes: &[u8],
    is_html: bool,
    mtime: Option<Day>,
    clues: &EraClues,
) -> Result<Article, Notice> {
    article_in_corpus(rel, bytes, is_html, mtime, clues, &Reading::default()).map(|l| *l.article)
}

/// Builds an article from a file's bytes with the corpus's recurring lines.
pub fn article_in_corpus(
    rel: &str,
    bytes: &[u8],
    is_html: bool,
    mtime: Option<Day>,
    clues: &EraClues,
    reading: &Reading<'_>,
) -> Result<Loaded, Notice> {
    let page = page_text(bytes, is_html)?;
    let text = page.text;
    let mut warnings = page.warnings;
    let cx = PageContext {
        lines: reading.lines,
        hints: page.hints,
    };
    let st = analyse_with(&text, &cx);
    if st.paragraphs.is_empty() {
        warnings.push(Notice::new("warning-no-article-text"));
    }
    let mut key = String::new();
    for r in st.title.iter().chain(&st.paragraphs) {
        key.push_str(&search_key(&text[r.clone()]));
        key.push('\n');
    }
    let evidence = DateEvidence {
        text: &text,
        header: st.header_dates.clone(),
        body: st.body_dates.clone(),
        meta: page.meta_date,
        key,
        mtime,
    };
    let (date, date_warnings) = publication_date(&evidence, clues);
    warnings.extend(date_warnings);
    let article = Article {
        path: rel.to_string(),
        id: article_id(rel),
        encoding: super::statics::intern(&page.encoding).into(),
        title: st.title,
        kicker: st.kicker,
        lead: st.lead,
        paragraphs: st.paragraphs,
        source: st.source.map(|s| {
            reading
                .outlets
                .unwrap_or(&super::outlets::BUNDLED)
                .canonical(&s)
        }),
        tags: st.tags,
        site_id: st.site_id,
        date,
        left_out: st.chrome,
        corrected: 0,
        warnings,
        content_hash: super::ContentHash::of(bytes),
        size: bytes.len() as u64,
        mtime: 0,
        text: super::Text::here(text),
        found: Default::default(),
        own: None,
        sort_title: Box::default(),
    };
    let mut article = article;
    if let Some(c) = reading.corrections {
        c.apply(&mut article);
    }
    article.set_sort_title();
    Ok(Loaded {
        article: Box::new(article),
        line_hashes: st.line_hashes,
    })
}

/// A stable id from the relative path: 16 hex digits of its BLAKE3.
pub fn article_id(rel: &str) -> String {
    blake3::hash(rel.as_bytes()).to_hex()[..16].to_string()
}
