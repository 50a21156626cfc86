//! The stored analysis: every article as daftar last read it — metadata,
//! structure ranges, date and its provenance, mentions, statements,
//! warnings — and every file that is no article with its reason, so that
//! reopening a folder reads only the files that changed (issue 18). Texts
//! are kept apart in an append-only text file ([`crate::corpus::texts`])
//! and read when asked for.
//!
//! Derived data, in `.daftar/analysis/` (or the user's cache folder for a
//! read-only corpus): `records.bin` is written atomically, with a version,
//! a fingerprint of what the analysis depends on besides each file's bytes
//! (daftar's own build, the corpus's entity list, outlet names and
//! corrections) and a checksum; missing, of another fingerprint or damaged,
//! it is ignored and the files are read again. One process writes at a
//! time (`store.lock`); another daftar meanwhile reads it and keeps what
//! it reads again in memory.
//!
//! The format is postcard (serde, varints; figures in docs/SCALING.md), in
//! chunks of articles written as they are made, the index of them at the
//! end with each file's size and time: a reopen reads the index, and each
//! chunk only when the load reaches its first article (the next ones on
//! the other core meanwhile), so the records are never whole in memory
//! and the stored articles are never all held twice.

use std::fs::File;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};

use serde::{Deserialize, Serialize};

use crate::corpus::loader::Known;
use crate::corpus::{
    Article, LoadError, LoadEvent, LoadOptions, LoadSummary, Problem, TextFile, TextRef,
};
use crate::disk::read_exact_at;
use crate::i18n::Notice;

/// Bumped whenever what is stored changes shape.
pub const STORE_VERSION: u32 = 5;
const MAGIC: &[u8; 8] = b"daftarST";
const RECORDS: &str = "records.bin";
/// Magic, version, fingerprint, checksum.
const HEAD: usize = 8 + 4 + 32 + 32;
const LOCK: &str = "store.lock";

/// A text file with more dead bytes than this share (texts of files since
/// changed) is started anew: the next open reads every file again.
const MAX_DEAD_SHARE: f64 = 0.5;

/// The folder of the stored analysis of `corpus` (`DAFTAR_STORE_DIR`
/// puts it elsewhere: `daftar bench` keeps the corpus's own untouched).
pub fn dir(corpus: &Path) -> PathBuf {
    if let Some(d) = std::env::var_os("DAFTAR_STORE_DIR") {
        return PathBuf::from(d);
    }
    crate::disk::derived_dir(corpus, "analysis")
}

/// The corpus's lists the analysis depends on besides each file's bytes
/// (and this build of daftar: another may read differently).
const LISTS: [&str; 3] = ["entities.ron", "outlets.ron", "chrome.ron"];

/// A hash of each list as the articles were analysed with it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Lists([[u8; 32]; 3]);

impl Lists {
    /// The lists as they are on disk now.
    fn of(corpus: &Path) -> Lists {
        Lists(LISTS.map(|name| list_hash(corpus, name)))
    }

    /// This build of daftar with these lists.
    fn fingerprint(&self) -> [u8; 32] {
        let mut h = blake3::Hasher::new();
        h.update(&STORE_VERSION.to_le_bytes());
        if let Some((len, mtime)) = std::env::current_exe()
            .ok()
            .and_then(|p| crate::disk::stamp(&p))
        {
            h.update(&len.to_le_bytes());
            h.update(&mtime.to_le_bytes());
        }
        for part in &self.0 {
            h.update(part);
        }
        h.finalize().into()
    }
}

fn list_hash(corpus: &Path, name: &str) -> [u8; 32] {
    let mut h = blake3::Hasher::new();
    h.update(name.as_bytes());
    match std::fs::read(corpus.join(".daftar").join(name)) {
        Ok(bytes) => h.update(&(bytes.len() as u64).to_le_bytes()).update(&bytes),
        Err(_) => h.update(b"none"),
    };
    h.finalize().into()
}

/// What `records.bin` holds: its index, and where each chunk of
/// articles is in the file (read when asked for).
struct Records {
    file: File,
    index: Index,
    /// Each chunk's start and length, in the order of `index.chunks`.
    spans: Vec<(u64, u64)>,
}

/// The end of the records: the text file, the problems, and each chunk of
/// articles before it (chunks are written as they are made); its own
/// length follows it.
#[derive(Serialize, Deserialize)]
struct Index {
    texts: String,
    problems: Vec<StoredProblem>,
    chunks: Vec<ChunkHead>,
}

/// A chunk of articles as the index has it: its length, the bytes its
/// articles' texts take in the text file, and each article's file with
/// the size and time it had.
#[derive(Serialize, Deserialize)]
struct ChunkHead {
    len: u64,
    text_bytes: u64,
    files: Vec<(String, u64, i128)>,
}

/// How recent a file's time may be and still vouch for what was read.
const RACY: std::time::Duration = std::time::Duration::from_secs(3);

/// Articles per chunk of the records (a few in unit tests, so that their
/// corpora have several).
const CHUNK_ARTICLES: usize = if cfg!(test) { 3 } else { 4096 };

#[derive(Serialize, Deserialize)]
struct StoredProblem {
    path: String,
    size: u64,
    mtime: i128,
    #[serde(with = "crate::corpus::statics::notice")]
    reason: Notice,
}

/// The stored analysis of one corpus, open for a load and the saves after.
pub struct Store {
    root: PathBuf,
    dir: PathBuf,
    /// Held while this process may write the store.
    lock: Option<File>,
    /// Where texts read are put and stored ones come from (none: texts
    /// stay in memory).
    texts: Option<Arc<TextFile>>,
    /// One save at a time.
    saving: Mutex<()>,
    /// The lists the articles were analysed with: taken when the store
    /// was opened (a list edited by hand since must not vouch for them),
    /// one taken again by [`Store::list_applied`].
    lists: Mutex<Lists>,
    /// Why this process will not save the store (its texts could not be
    /// written).
    pub note: Option<String>,
}

/// Articles and problems of the records (with the size and time the
/// file had), taken as the load asks for them.
struct Kept {
    /// (Only read while a load asks: no lock for the threads that stat
    /// files in parallel to fight over.)
    files: rustc_hash::FxHashMap<String, KeptFile>,
    /// The records, and each chunk's place in them.
    file: File,
    spans: Vec<(u64, u64)>,
    texts: Option<Arc<TextFile>>,
    /// The stored articles by chunk: read when the load reaches the
    /// chunk's first article (the next chunk meanwhile, on another
    /// thread), let go once all of its articles are taken (the load takes
    /// them in about the order they were stored).
    chunks: Vec<Mutex<Chunk>>,
    /// (For reading the next chunk on another thread.)
    me: std::sync::Weak<Kept>,
    taken: AtomicUsize,
    /// Files there, unchanged (whether or not the load went on to take
    /// them: a cancelled load removed nothing).
    vouched: AtomicUsize,
    /// Files there, but changed: read again.
    changed: AtomicUsize,
}

/// A chunk of stored articles.
enum Chunk {
    Unread,
    /// Its articles not yet taken, how many those are, and whether none
    /// was taken yet.
    Read {
        articles: Vec<Option<Article>>,
        left: usize,
        fresh: bool,
    },
    /// All taken, or unreadable (its files are read again).
    Done,
}

/// Chunks read ahead of the load: one per core while it takes from
/// another.
const READ_AHEAD: usize = 2;

/// A file's size and time as read, and what it gave: an article (chunk
/// and place in it), or why it is none.
type KeptFile = ((u64, i128), Result<(u32, u32), Notice>);

impl Kept {
    /// Chunk `c`'s articles, each where the index says it is (one that
    /// is not is left out: its file is read again).
    fn read_chunk(&self, c: usize) -> Chunk {
        let Some(&(at, n)) = self.spans.get(c) else {
            return Chunk::Done;
        };
        let mut bytes = vec![0u8; n as usize];
        if read_exact_at(&self.file, &mut bytes, at).is_err() {
            return Chunk::Done;
        }
        let Ok(list) = postcard::from_bytes::<Vec<(TextRef, Article)>>(&bytes) else {
            return Chunk::Done;
        };
        drop(bytes);
        let articles: Vec<Option<Article>> = list
            .into_iter()
            .enumerate()
            .map(|(i, (at, mut a))| {
                let placed = matches!(self.files.get(&a.path), Some((_, Ok(p))) if *p == (c as u32, i as u32));
                placed.then(|| {
                    if let Some(t) = &self.texts {
                        a.text = t.text(at);
                    }
                    a
                })
            })
            .collect();
        let left = articles.iter().flatten().count();
        Chunk::Read {
            articles,
            left,
            fresh: true,
        }
    }

    /// Reads the chunks after `c` that the load reaches next on other
    /// threads, unless they are read or being read.
    fn read_ahead(&self, c: usize) {
        for c in c..(c + READ_AHEAD).min(self.chunks.len()) {
            let Some(me) = self.me.upgrade() else {
                return;
            };
            rayon::spawn(move || {
                if let Ok(mut chunk) = me.chunks[c].try_lock()
                    && matches!(*chunk, Chunk::Unread)
                {
                    *chunk = me.read_chunk(c);
                }
            });
        }
    }
}

impl Known for Kept {
    fn knows(&self, rel: &str, stamp: (u64, i128)) -> bool {
        match self.files.get(rel) {
            Some((s, _)) if *s == stamp => {
                self.vouched.fetch_add(1, Ordering::Relaxed);
                true
            }
            Some(_) => {
                self.changed.fetch_add(1, Ordering::Relaxed);
                false
            }
            None => false,
        }
    }

    fn take(&self, rel: &str) -> Option<Result<Article, Notice>> {
        let taken = match &self.files.get(rel)?.1 {
            Err(reason) => Err(reason.clone()),
            Ok((c, i)) => {
                let (c, i) = (*c as usize, *i as usize);
                let mut chunk = self.chunks.get(c)?.lock().ok()?;
                if matches!(*chunk, Chunk::Unread) {
                    *chunk = self.read_chunk(c);
                }
                let Chunk::Read {
                    articles,
                    left,
                    fresh,
                } = &mut *chunk
                else {
                    return None;
                };
                // (The first article taken of a chunk: the next one is
                // read meanwhile.)
                if std::mem::take(fresh) {
                    self.read_ahead(c + 1);
                }
                let article = articles.get_mut(i)?.take()?;
                *left -= 1;
                if *left == 0 {
                    *chunk = Chunk::Done;
                }
                Ok(article)
            }
        };
        self.taken.fetch_add(1, Ordering::Relaxed);
        Some(taken)
    }
}

/// What a load with the store did besides loading.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Reopened {
    /// Files taken from the store, not read.
    pub stored: usize,
    /// Files the store had that are gone.
    pub removed: usize,
    /// Why the stored analysis was not used, when it was there.
    pub not_used: Option<String>,
}

/// Loads `root` as [`crate::corpus::load_folder`] does, taking from the
/// store every file that did not change and putting the texts of those
/// read into its text file. The articles' analysis is as the store had
/// it; the caller runs corpus-wide discovery when anything changed
/// ([`Reopened`], `summary.read`) and saves with [`Store::save`].
pub fn load(
    root: &Path,
    opts: &LoadOptions,
    sink: impl FnMut(LoadEvent),
) -> Result<(LoadSummary, Reopened, Store), LoadError> {
    load_at(&dir(root), root, LockWait::Briefly, opts, sink)
}

/// Whether to wait for the store's lock.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LockWait {
    /// A few seconds: the window reopening a folder whose last session's
    /// save may still be finishing.
    Briefly,
    /// Not at all: a command beside a window that has the corpus open
    /// goes on at once, reading only.
    No,
}

/// [`load`] with the store in `dir` (`daftar bench` keeps the corpus's
/// own untouched).
pub fn load_at(
    dir: &Path,
    root: &Path,
    wait: LockWait,
    opts: &LoadOptions,
    mut sink: impl FnMut(LoadEvent),
) -> Result<(LoadSummary, Reopened, Store), LoadError> {
    crate::corpus::loader::check_folder(root)?;
    let (mut store, records, not_used) = Store::open(dir, root, wait);
    let kept = records.map(|r| {
        let Records { file, index, spans } = r;
        let mut files = rustc_hash::FxHashMap::default();
        files.reserve(
            index.chunks.iter().map(|c| c.files.len()).sum::<usize>() + index.problems.len(),
        );
        for (c, head) in index.chunks.iter().enumerate() {
            for (i, (path, size, mtime)) in head.files.iter().enumerate() {
                // (A path stored twice keeps its last article.)
                files.insert(path.clone(), ((*size, *mtime), Ok((c as u32, i as u32))));
            }
        }
        for p in index.problems {
            files.insert(p.path, ((p.size, p.mtime), Err(p.reason)));
        }
        let kept = Arc::new_cyclic(|me| Kept {
            files,
            file,
            chunks: spans.iter().map(|_| Mutex::new(Chunk::Unread)).collect(),
            spans,
            texts: store.texts.clone(),
            me: me.clone(),
            taken: AtomicUsize::new(0),
            vouched: AtomicUsize::new(0),
            changed: AtomicUsize::new(0),
        });
        // (The first chunk is read while the files are looked at.)
        kept.read_ahead(0);
        kept
    });
    let mut opts = opts.clone();
    opts.known = kept.clone().map(|k| k as Arc<dyn Known>);
    // What is stored is analysed: never articles without their entities.
    if opts.analyse.is_none() {
        let g = crate::extract::Gazetteer::for_corpus(root).0;
        opts.analyse = Some(crate::extract::analyser(Arc::new(g)));
    }
    let texts = store.texts.clone();
    let mut put_failed = None;
    let summary = crate::corpus::load_folder(root, &opts, |ev| match ev {
        LoadEvent::Article(mut a) => {
            if let Some(t) = &texts
                && put_failed.is_none()
                && a.text.stored_in(t).is_none()
            {
                match t.put(a.text()) {
                    Ok(text) => a.text = text,
                    // (A full disk: the text stays in memory, and the
                    // store is not written.)
                    Err(e) => put_failed = Some(format!("cannot keep the texts: {e}")),
                }
            }
            sink(LoadEvent::Article(a))
        }
        other => sink(other),
    })?;
    if put_failed.is_some() {
        store.texts = None;
        store.note = put_failed;
    }
    // (The threads that read chunks kept a table of the names they read:
    // let go.)
    if kept.is_some() {
        rayon::broadcast(|_| crate::corpus::found::forget_seen());
        crate::corpus::found::forget_seen();
    }
    let stored = kept.as_ref().map_or(0, |k| k.taken.load(Ordering::Relaxed));
    // Gone: what the store had that this load did not take nor read
    // again (deleted, or no longer listed: a folder that cannot be read,
    // a file become a link or a pipe). Problems of other kinds of file
    // are not stored, so they are not counted.
    // (A cancelled load did not look at every file: none is said gone.)
    let removed = kept.as_ref().filter(|_| !summary.cancelled).map_or(0, |k| {
        let left = k
            .files
            .len()
            .saturating_sub(k.vouched.load(Ordering::Relaxed));
        left.saturating_sub(k.changed.load(Ordering::Relaxed))
    });
    let reopened = Reopened {
        stored,
        removed,
        not_used,
    };
    Ok((summary, reopened, store))
}

impl Store {
    /// The store of `root` and its records when they can be used, or why
    /// they cannot.
    fn open(dir: &Path, root: &Path, wait: LockWait) -> (Store, Option<Records>, Option<String>) {
        let dir = dir.to_path_buf();
        let lock = std::fs::create_dir_all(&dir)
            .ok()
            .and_then(|()| {
                std::fs::OpenOptions::new()
                    .create(true)
                    .truncate(false)
                    .write(true)
                    .open(dir.join(LOCK))
                    .ok()
            })
            .filter(|f| {
                // (A save of this corpus's last session may still be
                // finishing: its lock is waited for a few seconds.)
                let tries = if wait == LockWait::Briefly { 50 } else { 1 };
                for _ in 0..tries {
                    match f.try_lock() {
                        Ok(()) => return true,
                        Err(std::fs::TryLockError::WouldBlock) => {}
                        // (No locks here: reading only, at once.)
                        Err(std::fs::TryLockError::Error(_)) => return false,
                    }
                    if tries > 1 {
                        std::thread::sleep(std::time::Duration::from_millis(100));
                    }
                }
                false
            });
        let mut store = Store {
            root: root.to_path_buf(),
            dir,
            lock,
            texts: None,
            saving: Mutex::new(()),
            lists: Mutex::new(Lists::of(root)),
            note: None,
        };
        let mut why = None;
        let now = store.analysed_with();
        let records = match store.read(&now.fingerprint()) {
            Ok(r) => r,
            Err(e) => {
                why = Some(e);
                None
            }
        };
        // The records' text file (appended to when this process writes),
        // or a new one.
        let texts = match &records {
            Some(r) => {
                let path = store.dir.join(&r.index.texts);
                if store.lock.is_some() {
                    TextFile::open(&path)
                } else {
                    TextFile::open_read_only(&path)
                }
                .ok()
            }
            None => store.new_texts(),
        };
        let records = match (texts.as_ref(), records) {
            (Some(t), Some(r)) if store.lock.is_some() => {
                let live: u64 = r.index.chunks.iter().map(|c| c.text_bytes).sum();
                if (t.len() as f64) * (1.0 - MAX_DEAD_SHARE) > live as f64 {
                    why = Some("its texts are mostly of old versions".into());
                    store.texts = store.new_texts();
                    return (store, None, why);
                }
                Some(r)
            }
            (Some(_), r) => r,
            (None, Some(_)) => {
                why = Some("its text file cannot be read".into());
                store.texts = store.new_texts();
                return (store, None, why);
            }
            (None, None) => None,
        };
        // (Only the lock holder may remove what it found damaged.)
        if store.lock.is_some()
            && let Some(t) = &texts
        {
            t.on_damage_remove(&store.dir.join(RECORDS));
        }
        store.texts = texts;
        (store, records, why)
    }

    /// A new, empty text file (none without the lock, or when it cannot
    /// be made: texts then stay in memory).
    fn new_texts(&self) -> Option<Arc<TextFile>> {
        self.lock.as_ref()?;
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_nanos());
        TextFile::create(&self.dir.join(format!("texts-{nanos}.bin"))).ok()
    }

    /// The records, when they are of this version and fingerprint and
    /// whole; `Ok(None)` when there are none.
    fn read(&self, fingerprint: &[u8; 32]) -> Result<Option<Records>, String> {
        let path = self.dir.join(RECORDS);
        let file = match File::open(&path) {
            Ok(f) => f,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
            Err(e) => return Err(format!("cannot read {}: {e}", path.display())),
        };
        let cannot = |e: std::io::Error| format!("cannot read {}: {e}", path.display());
        let len = file.metadata().map_err(cannot)?.len();
        let mut head = [0u8; HEAD];
        if len < HEAD as u64 || read_exact_at(&file, &mut head, 0).is_err() || &head[..8] != MAGIC {
            return Err("not a daftar store".into());
        }
        let version = u32::from_le_bytes([head[8], head[9], head[10], head[11]]);
        if version != STORE_VERSION {
            return Err(format!("made by store version {version}"));
        }
        if &head[12..44] != fingerprint {
            return Err("made by another daftar, or with other lists".into());
        }
        // The checksum first, streamed (the records are never all in
        // memory as bytes: a million articles' are about a gigabyte); then
        // the chunks, each read and decoded on its own (the file is the
        // one opened, whatever replaces it meanwhile).
        let mut sum = blake3::Hasher::new();
        let mut at = HEAD as u64;
        let mut buf = vec![0u8; 1 << 20];
        while at < len {
            let n = (len - at).min(buf.len() as u64) as usize;
            read_exact_at(&file, &mut buf[..n], at).map_err(cannot)?;
            sum.update(&buf[..n]);
            at += n as u64;
        }
        drop(buf);
        if sum.finalize().as_bytes() != &head[44..76] {
            return Err("damaged (its checksum differs)".into());
        }
        let (index, spans) = Self::index(&file, HEAD as u64, len)?;
        Ok(Some(Records { file, index, spans }))
    }

    /// The index of a payload (from `start` to `end` of `file`) whose
    /// checksum was right, and where its chunks are.
    fn index(file: &File, start: u64, end: u64) -> Result<(Index, Vec<(u64, u64)>), String> {
        let damaged = |e: &dyn std::fmt::Display| format!("damaged ({e})");
        let cut = || damaged(&"cut short");
        let part = |at: u64, n: u64| -> Result<Vec<u8>, String> {
            let last = at.checked_add(n).filter(|&e| e <= end).ok_or_else(cut)?;
            let mut bytes = vec![0u8; usize::try_from(last - at).map_err(|e| damaged(&e))?];
            read_exact_at(file, &mut bytes, at).map_err(|e| damaged(&e))?;
            Ok(bytes)
        };
        let tail = end.checked_sub(8).filter(|&t| t >= start).ok_or_else(cut)?;
        let len_bytes = part(tail, 8)?;
        let len = u64::from_le_bytes(len_bytes.try_into().map_err(|_| cut())?);
        let index_at = tail
            .checked_sub(len)
            .filter(|&t| t >= start)
            .ok_or_else(cut)?;
        let index: Index = postcard::from_bytes(&part(index_at, len)?).map_err(|e| damaged(&e))?;
        let mut spans = Vec::with_capacity(index.chunks.len());
        let mut at = start;
        for n in index.chunks.iter().map(|c| c.len) {
            spans.push((at, n));
            at = at
                .checked_add(n)
                .filter(|&a| a <= index_at)
                .ok_or_else(|| damaged(&"a chunk's length"))?;
        }
        if at != index_at {
            return Err(damaged(&"chunks and index disagree"));
        }
        Ok((index, spans))
    }

    /// The articles now reflect the corpus's list `name` as it is on disk
    /// (a curation or correction made here was applied to them all); the
    /// other lists stay as they were read.
    pub fn list_applied(&self, name: &str) {
        if let (Some(i), Ok(mut l)) = (LISTS.iter().position(|n| *n == name), self.lists.lock()) {
            l.0[i] = list_hash(&self.root, name);
        }
    }

    /// The lists the articles are analysed with now (taken with the
    /// articles a save is given).
    pub fn analysed_with(&self) -> Lists {
        self.lists.lock().map(|l| *l).unwrap_or(Lists([[0; 32]; 3]))
    }

    /// Whether this process writes the store (another daftar may hold it).
    pub fn writable(&self) -> bool {
        self.lock.is_some() && self.texts.is_some()
    }

    /// The text file texts read from now on go to (none: they stay in
    /// memory).
    pub fn texts(&self) -> Option<&Arc<TextFile>> {
        self.texts.as_ref().filter(|_| self.lock.is_some())
    }

    /// Saves the corpus's articles and problems as they are now
    /// (atomically; texts not yet in the text file are put there). Does
    /// nothing for a process without the lock. A text file found damaged
    /// is dropped with the records: the next open reads every file.
    pub fn save(
        &self,
        articles: &[Article],
        problems: &[Problem],
        analysed_with: Lists,
    ) -> std::io::Result<()> {
        let (Some(texts), Some(_)) = (&self.texts, &self.lock) else {
            return Ok(());
        };
        let _one = self.saving.lock();
        let records = self.dir.join(RECORDS);
        if texts.damaged() {
            let _ = std::fs::remove_file(&records);
            return Err(std::io::Error::other(
                "the stored texts are damaged: the files will be read again",
            ));
        }
        // A file changed within a clock tick or two of now could change
        // again without its time moving (coarse file times, a scraper
        // still writing): its stamp is not kept, so the next open reads it
        // again (git's «racy» rule).
        let racy_since = std::time::SystemTime::now()
            .checked_sub(RACY)
            .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
            .map_or(i128::MAX, |d| d.as_nanos() as i128);
        let mut refs: Vec<TextRef> = Vec::with_capacity(articles.len());
        for a in articles {
            refs.push(match a.text.stored_in(texts) {
                Some(at) => at,
                None => texts
                    .put(a.text())?
                    .stored_in(texts)
                    .ok_or_else(|| std::io::Error::other("a text put is not in its file"))?,
            });
        }
        let racy: Vec<Article> = articles
            .iter()
            .filter(|a| a.mtime >= racy_since)
            .map(|a| Article {
                mtime: i128::MIN,
                ..a.clone()
            })
            .collect();
        let mut racy_ones = racy.iter();
        // (References, never copies: a copy of every article was the
        // largest thing in memory while a first open was saved.)
        let out: Vec<(TextRef, &Article)> = refs
            .into_iter()
            .zip(articles)
            .map(|(at, a)| match a.mtime >= racy_since {
                true => (at, racy_ones.next().unwrap_or(a)),
                false => (at, a),
            })
            .collect();
        // Files that are no article, for their bytes (not for being of
        // another kind, nor for a read that failed: those are looked at
        // again every time).
        let problems: Vec<StoredProblem> = problems
            .iter()
            .filter(|p| !p.path.starts_with(".daftar/"))
            .filter(|p| crate::corpus::loader::has_article_extension(Path::new(&p.path)))
            .filter(|p| !matches!(p.reason.id(), "problem-cannot-read" | "problem-too-large"))
            .filter_map(|p| {
                let (size, mtime) = crate::disk::stamp(&self.root.join(&p.path))?;
                if mtime >= racy_since {
                    return None;
                }
                Some(StoredProblem {
                    path: p.path.clone(),
                    size,
                    mtime,
                    reason: p.reason.clone(),
                })
            })
            .collect();
        let name = texts
            .path()
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        // The header (with the checksum of all after it) first, written
        // last; the chunks of articles, serialised two at a time in
        // parallel and written as they are made; the index of them, and
        // its length, at the end.
        use rayon::prelude::*;
        // The texts on disk before the records that point into them.
        texts.sync()?;
        crate::disk::write_atomic_with(&records, |f| {
            use std::io::{Seek, Write};
            let mut w = std::io::BufWriter::new(f);
            w.write_all(&[0u8; HEAD])?;
            let mut sum = blake3::Hasher::new();
            let mut heads = Vec::with_capacity(out.len().div_ceil(CHUNK_ARTICLES));
            for group in out.chunks(2 * CHUNK_ARTICLES) {
                let made: Vec<(Vec<u8>, ChunkHead)> = group
                    .par_chunks(CHUNK_ARTICLES)
                    .map(|chunk| {
                        let bytes = postcard::to_stdvec(chunk)?;
                        let head = ChunkHead {
                            len: bytes.len() as u64,
                            text_bytes: chunk.iter().map(|(at, _)| u64::from(at.stored)).sum(),
                            files: chunk
                                .iter()
                                .map(|(_, a)| (a.path.clone(), a.size, a.mtime))
                                .collect(),
                        };
                        Ok((bytes, head))
                    })
                    .collect::<Result<_, postcard::Error>>()
                    .map_err(std::io::Error::other)?;
                for (c, head) in made {
                    sum.update(&c);
                    w.write_all(&c)?;
                    heads.push(head);
                }
            }
            let index = postcard::to_stdvec(&Index {
                texts: name.clone(),
                problems,
                chunks: heads,
            })
            .map_err(std::io::Error::other)?;
            let index_len = (index.len() as u64).to_le_bytes();
            sum.update(&index).update(&index_len);
            w.write_all(&index)?;
            w.write_all(&index_len)?;
            let mut head = Vec::with_capacity(HEAD);
            head.extend_from_slice(MAGIC);
            head.extend_from_slice(&STORE_VERSION.to_le_bytes());
            head.extend_from_slice(&analysed_with.fingerprint());
            head.extend_from_slice(sum.finalize().as_bytes());
            let f = w.into_inner().map_err(|e| e.into_error())?;
            f.seek(std::io::SeekFrom::Start(0))?;
            f.write_all(&head)?;
            Ok(())
        })?;
        // (A text found damaged while this was written: the records just
        // written point into it too.)
        if texts.damaged() {
            let _ = std::fs::remove_file(&records);
        }
        // Older text files no record points into any more.
        if let Ok(rd) = std::fs::read_dir(&self.dir) {
            for e in rd.flatten() {
                let n = e.file_name().to_string_lossy().into_owned();
                if n.starts_with("texts-") && n.ends_with(".bin") && n != name {
                    let _ = std::fs::remove_file(e.path());
                }
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::workspace::session::Session;

    /// A corpus of `n` articles written an hour ago (older than the
    /// racy window: the store vouches for them).
    fn corpus(n: usize) -> tempfile::TempDir {
        let dir = tempfile::tempdir().expect("a temp dir");
        for i in 0..n {
            let path = dir.path().join(format!("{:02}/{i}.txt", i % 3));
            std::fs::create_dir_all(path.parent().expect("a folder")).expect("made");
            let text =
                format!("گزارش شماره {i}\nخبرنگار ما از شهر شماره {i} گزارش داد که باران آمد.\n");
            std::fs::write(&path, text).expect("written");
            std::fs::File::options()
                .write(true)
                .open(&path)
                .and_then(|f| {
                    f.set_modified(
                        std::time::SystemTime::now() - std::time::Duration::from_secs(3600),
                    )
                })
                .expect("aged");
        }
        dir
    }

    fn seen(s: &Session) -> Vec<(String, String, String)> {
        let mut v: Vec<_> = s
            .articles
            .iter()
            .map(|a| {
                let json = serde_json::to_string(a).expect("an article as JSON");
                (a.path.clone(), json, a.text().to_string())
            })
            .collect();
        v.sort();
        v
    }

    #[test]
    fn records_of_several_chunks_hand_out_each_article_once() {
        let dir = corpus(11);
        let store = tempfile::tempdir().expect("a temp dir");
        let first = Session::open_with(dir.path(), store.path()).expect("opened");
        assert_eq!(first.summary.read, 11);
        let before = seen(&first);
        drop(first);
        // Four chunks of three (the last of two), each article once.
        let again = Session::open_with(dir.path(), store.path()).expect("reopened");
        assert_eq!(again.summary.read, 0, "nothing read again");
        assert_eq!(again.reopened.stored, 11);
        assert_eq!(again.reopened.removed, 0);
        assert_eq!(
            seen(&again),
            before,
            "the same articles, texts and analysis"
        );
        drop(again);
        // A file gone, one changed: read and counted apart.
        std::fs::remove_file(dir.path().join("01/4.txt")).expect("removed");
        std::fs::write(dir.path().join("02/5.txt"), "خبری دیگر\nمتنی تازه.\n").expect("written");
        let changed = Session::open_with(dir.path(), store.path()).expect("reopened");
        assert_eq!(changed.summary.read, 1);
        assert_eq!(changed.reopened.stored, 9);
        assert_eq!(changed.reopened.removed, 1);
        assert_eq!(changed.articles.len(), 10);
    }

    #[test]
    fn a_chunk_that_cannot_be_read_has_its_files_read_again_and_no_other() {
        let dir = corpus(7);
        let store = tempfile::tempdir().expect("a temp dir");
        let first = Session::open_with(dir.path(), store.path()).expect("opened");
        let before = seen(&first);
        drop(first);
        // The second chunk's bytes spoilt, the checksum made right again:
        // only a reading of that chunk can tell.
        let path = store.path().join(RECORDS);
        let mut bytes = std::fs::read(&path).expect("the records");
        let file = File::open(&path).expect("the records");
        let (index, spans) =
            Store::index(&file, HEAD as u64, bytes.len() as u64).expect("an index");
        assert_eq!(spans.len(), 3, "chunks of three, three and one");
        let (at, n) = spans[1];
        bytes[at as usize..(at + n) as usize].fill(0xff);
        let sum = *blake3::hash(&bytes[HEAD..]).as_bytes();
        bytes[44..76].copy_from_slice(&sum);
        std::fs::write(&path, &bytes).expect("written");
        let again = Session::open_with(dir.path(), store.path()).expect("reopened");
        assert_eq!(again.summary.read, index.chunks[1].files.len());
        assert_eq!(again.reopened.stored, 4);
        assert_eq!(again.reopened.removed, 0);
        assert_eq!(seen(&again), before, "the same articles all the same");
    }

    #[test]
    fn a_cancelled_reopen_says_nothing_is_gone() {
        let dir = corpus(7);
        let store = tempfile::tempdir().expect("a temp dir");
        drop(Session::open_with(dir.path(), store.path()).expect("opened"));
        let opts = LoadOptions::default();
        opts.cancel.store(true, Ordering::Relaxed);
        let (summary, reopened, _) =
            load_at(store.path(), dir.path(), LockWait::No, &opts, |_| {}).expect("loaded");
        assert!(summary.cancelled);
        assert_eq!(reopened.removed, 0);
    }

    #[test]
    fn records_with_a_right_checksum_but_wrong_lengths_are_read_past() {
        let dir = corpus(2);
        let store = tempfile::tempdir().expect("a temp dir");
        let index = |chunks: Vec<u64>| {
            postcard::to_stdvec(&Index {
                texts: "texts-1.bin".into(),
                problems: Vec::new(),
                chunks: chunks
                    .into_iter()
                    .map(|len| ChunkHead {
                        len,
                        text_bytes: 0,
                        files: Vec::new(),
                    })
                    .collect(),
            })
            .expect("an index")
        };
        let with_len = |mut body: Vec<u8>, len: u64| {
            body.extend_from_slice(&len.to_le_bytes());
            body
        };
        let idx = index(vec![u64::MAX]);
        let n = idx.len() as u64;
        let big = index(vec![5]);
        let big_n = big.len() as u64;
        let payloads: Vec<Vec<u8>> = vec![
            // A chunk longer than the file.
            with_len(idx, n),
            // An index longer than the file.
            with_len(vec![1, 2, 3], 1 << 40),
            // Chunks that end before the index starts.
            with_len([vec![0u8; 10], big].concat(), big_n),
            // Nothing but a length.
            with_len(Vec::new(), 0),
        ];
        for payload in payloads {
            let mut head = Vec::new();
            head.extend_from_slice(MAGIC);
            head.extend_from_slice(&STORE_VERSION.to_le_bytes());
            head.extend_from_slice(&Lists::of(dir.path()).fingerprint());
            head.extend_from_slice(blake3::hash(&payload).as_bytes());
            std::fs::write(store.path().join(RECORDS), [head, payload].concat()).expect("written");
            let (_, records, why) = Store::open(store.path(), dir.path(), LockWait::No);
            assert!(records.is_none());
            assert!(
                why.as_deref().is_some_and(|w| w.contains("damaged")),
                "{why:?}"
            );
        }
    }
}
