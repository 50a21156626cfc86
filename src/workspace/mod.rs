//! The open corpus: its articles, its problems and the background job that
//! loads them. No egui here: the window reads this state and asks for
//! changes; a waker closure (the window's repaint) is called whenever the
//! background job has news.

use crate::i18n::Notice;
use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{Receiver, channel};
use std::sync::{Arc, RwLock};
use std::time::{Duration, Instant};

pub mod annotations;
mod chrome;
pub mod compare;
pub mod entities;
pub mod export;
pub mod filter;
pub mod session;
pub mod stats;
pub mod stats_table;

pub use filter::Filter;

use crate::corpus::{Article, LoadEvent, LoadOptions, LoadSummary, Problem};
use crate::dates::Day;
use crate::index::search::{DatedDoc, SearchResults, Synonyms};
use crate::index::{
    SearchBackend, SearchIndex, UpdateProgress, index_dir, parse_query, update_index,
};
use crate::store::{Reopened, Store};

/// What watches the open folder (debounced).
type Watcher = notify_debouncer_mini::Debouncer<notify_debouncer_mini::notify::RecommendedWatcher>;

/// Called from background threads when there is something new to show.
pub type Waker = Arc<dyn Fn() + Send + Sync>;

/// Where a load stands.
#[derive(Debug, Clone, PartialEq)]
pub enum LoadState {
    Idle,
    Loading { done: usize, total: Option<usize> },
    Done(LoadSummary),
    Failed(String),
}

enum Msg {
    Event(LoadEvent),
    /// Articles loaded, in batches (a reopen gives 100,000 in a second:
    /// one message each would take the window many frames to take in).
    Articles(Vec<Article>),
    Finished(Result<(LoadSummary, Reopened, Arc<Store>), String>),
    /// The stored analysis was saved (or why not).
    Saved(Result<(), String>),
    Index(UpdateProgress),
    IndexReady(Result<(Arc<dyn SearchBackend>, IndexNote), String>),
    Searched(u64, Result<SearchResults, String>),
    /// Every article matching a search (without the range): days, paths.
    Matching(u64, Arc<Vec<DatedDoc>>, Arc<HashSet<String>>),
    /// Files changed on disk (from the folder watcher).
    Changed(Vec<PathBuf>),
    /// The folder is watched (or why not).
    Watching(Result<Watcher, Notice>),
}

/// What bringing the index up to date did (the window words it).
#[derive(Debug, Clone, PartialEq)]
pub struct IndexNote {
    pub added: usize,
    pub updated: usize,
    pub removed: usize,
    pub unchanged: usize,
    /// Why the index was built anew, if it was.
    pub rebuilt: Option<String>,
}

/// Articles sent to the window at a time while a folder loads, and the
/// longest a read article waits to be sent.
const BATCH: usize = 512;
const BATCH_EVERY: Duration = Duration::from_millis(100);

/// How long a frame may spend taking in articles while a folder loads.
const LOADING_BUDGET: Duration = Duration::from_millis(30);

/// How often background work asks the window to show its progress.
pub const PROGRESS_EVERY: Duration = Duration::from_millis(500);

/// Where the search index stands.
#[derive(Debug, Clone, PartialEq)]
pub enum IndexState {
    None,
    Building {
        done: usize,
        to_read: usize,
    },
    /// Ready, with what the update did.
    Ready(IndexNote),
    Failed(String),
}

/// The current search.
#[derive(Debug, Default)]
pub struct SearchState {
    pub query: String,
    /// Bumped by every new query; replies for older ones are dropped.
    pub generation: u64,
    pub running: bool,
    pub results: Option<Result<SearchResults, String>>,
    /// Day and provenance of every matching article, ignoring the time
    /// range (the timeline draws them over the whole corpus), with the
    /// generation of the search they belong to.
    pub hit_days: Option<(u64, Arc<Vec<DatedDoc>>)>,
    /// Paths of every matching article, ignoring the time range.
    pub hit_paths: Option<Arc<HashSet<String>>>,
}

/// How the article list is sorted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize, Default)]
pub enum SortKey {
    #[default]
    Date,
    Title,
    Source,
}

/// The corpus being browsed.
pub struct Workspace {
    pub folder: Option<PathBuf>,
    /// (Shared with a save running on a worker: a change while it runs
    /// copies them, never a save copying them each time.)
    pub articles: Arc<Vec<Article>>,
    pub problems: Vec<Problem>,
    pub state: LoadState,
    /// Article indices in display order.
    pub order: Vec<usize>,
    pub sort: SortKey,
    pub sort_descending: bool,
    pub index_state: IndexState,
    pub search: SearchState,
    index: Option<Arc<dyn SearchBackend>>,
    /// When the running index update started (for its rate and ETA).
    pub index_started: Option<Instant>,
    synonyms: Arc<Synonyms>,
    /// Path → article index.
    by_path: rustc_hash::FxHashMap<String, usize>,
    /// Bumped whenever articles are replaced or removed (indices move).
    pub articles_generation: u64,
    /// The time range everything is limited to (timeline brush), inclusive.
    pub range: Option<(Day, Day)>,
    /// Watches the folder while it is open; changes reload those files and
    /// update the index.
    watcher: Option<Watcher>,
    /// Watching was asked for (it is set up on a worker).
    watch_started: bool,
    /// The corpus's folders (relative): the watcher reports a folder that
    /// is only opened — by a listing, a backup, daftar's own scan — as it
    /// reports one made or moved in, and only one not known is new.
    folders: std::collections::HashSet<String>,
    /// Folders that appeared before the watcher was ready: watched when
    /// it is.
    watch_later: Vec<PathBuf>,
    pub watch_note: Option<String>,
    /// Size and time of files that are no article when last read (the
    /// watcher's reports of a mere read are told apart by them).
    problem_stamps: std::collections::HashMap<String, (u64, i128)>,
    /// Gazetteer, selected entity and curation.
    pub entities: entities::EntityState,
    /// Tagged passages, tags, undo.
    pub annotations: annotations::AnnotationState,
    reindex_pending: bool,
    /// The index starts once discovery has put its names in.
    index_after_discovery: bool,
    rx: Option<Receiver<Msg>>,
    tx: Option<std::sync::mpsc::Sender<Msg>>,
    cancel: Arc<AtomicBool>,
    /// Shared so that a job started before the window existed still
    /// wakes it once the window sets its waker.
    waker: Arc<RwLock<Waker>>,
    order_dirty: bool,
    /// The user's corrections of page chrome (`.daftar/chrome.ron`).
    pub corrections: crate::corpus::corrections::Corrections,
    /// Why corrections cannot be saved (their file does not read).
    pub chrome_note: Option<String>,
    /// Files the next indexing job reads again though unchanged on disk
    /// (their reading was corrected).
    forget_in_index: Vec<String>,
    /// The corpus's stored analysis (once loaded): where texts live, and
    /// what is saved when the articles change.
    store: Option<Arc<Store>>,
    /// What the load took from the store.
    pub reopened: Option<Reopened>,
    /// The articles changed since the store was last saved.
    store_dirty: bool,
    saving: bool,
    /// When the list was last sorted, and how long that took.
    sorted_at: Instant,
    sort_took: Duration,
    /// Lists a curation or correction saved here; the store takes them as
    /// they are once the articles are matched again.
    lists_changed: Vec<&'static str>,
    /// Why the analysis could not be stored (the next open reads the
    /// files again).
    pub store_note: Option<String>,
}

impl Workspace {
    pub fn new(waker: Waker) -> Self {
        Workspace {
            folder: None,
            articles: Arc::default(),
            problems: Vec::new(),
            state: LoadState::Idle,
            order: Vec::new(),
            sort: SortKey::Date,
            sort_descending: true,
            index_state: IndexState::None,
            search: SearchState::default(),
            index: None,
            index_started: None,
            synonyms: Arc::new(Synonyms::default()),
            by_path: Default::default(),
            articles_generation: 0,
            range: None,
            watcher: None,
            watch_started: false,
            folders: Default::default(),
            watch_later: Vec::new(),
            watch_note: None,
            problem_stamps: std::collections::HashMap::new(),
            entities: entities::EntityState::default(),
            annotations: annotations::AnnotationState::default(),
            reindex_pending: false,
            index_after_discovery: false,
            rx: None,
            tx: None,
            cancel: Arc::new(AtomicBool::new(false)),
            waker: Arc::new(RwLock::new(waker)),
            order_dirty: false,
            corrections: Default::default(),
            chrome_note: None,
            forget_in_index: Vec::new(),
            store: None,
            reopened: None,
            store_dirty: false,
            saving: false,
            sorted_at: Instant::now(),
            sort_took: Duration::ZERO,
            lists_changed: Vec::new(),
            store_note: None,
        }
    }

    /// Starts loading `folder` on a background thread, replacing the
    /// current corpus (a running load is cancelled).
    pub fn open(&mut self, folder: &Path) {
        self.cancel.store(true, Ordering::Relaxed);
        self.cancel = Arc::new(AtomicBool::new(false));
        self.folder = Some(folder.to_path_buf());
        self.articles = Arc::default();
        self.problems.clear();
        self.problem_stamps.clear();
        self.order.clear();
        self.by_path.clear();
        self.index = None;
        self.index_state = IndexState::None;
        self.watcher = None;
        self.watch_started = false;
        self.folders.clear();
        self.watch_later.clear();
        self.watch_note = None;
        self.reindex_pending = false;
        self.index_after_discovery = false;
        self.forget_in_index.clear();
        self.store = None;
        self.reopened = None;
        self.store_dirty = false;
        self.saving = false;
        self.lists_changed.clear();
        self.store_note = None;
        self.articles_generation += 1;
        self.search = SearchState::default();
        self.synonyms = Arc::new(Synonyms::load(Some(folder)).0);
        self.entities = entities::EntityState::for_folder(folder);
        (self.corrections, self.chrome_note) =
            match crate::corpus::corrections::Corrections::read(folder) {
                Ok(c) => (c, None),
                Err(e) => (Default::default(), Some(e.to_string())),
            };
        // The old corpus's lock is released before the new one is taken.
        self.annotations = annotations::AnnotationState::default();
        self.annotations = annotations::AnnotationState::open(folder);
        self.state = LoadState::Loading {
            done: 0,
            total: None,
        };
        let (tx, rx) = channel();
        self.rx = Some(rx);
        self.tx = Some(tx.clone());
        let opts = LoadOptions {
            cancel: self.cancel.clone(),
            analyse: Some(crate::extract::analyser(self.entities.gazetteer.clone())),
            corrections: Some(Arc::new(self.corrections.clone())),
            ..Default::default()
        };
        let slot = self.waker.clone();
        let waker = move || {
            if let Ok(w) = slot.read() {
                w()
            }
        };
        let root = folder.to_path_buf();
        let spawned = std::thread::Builder::new()
            .name("daftar-load".into())
            .spawn(move || {
                // A panic outside the per-file isolation still ends the
                // load with a message, never a window waiting forever.
                let mut batch: Vec<Article> = Vec::new();
                let mut last_sent = Instant::now();
                let result = crate::jobs::caught(|| {
                    let r = crate::store::load(&root, &opts, |ev| {
                        match ev {
                            LoadEvent::Article(a) => batch.push(*a),
                            other => {
                                let _ = tx.send(Msg::Event(other));
                            }
                        }
                        if batch.len() >= BATCH || last_sent.elapsed() > BATCH_EVERY {
                            let _ = tx.send(Msg::Articles(std::mem::take(&mut batch)));
                            last_sent = Instant::now();
                        }
                        // (No wake for progress: the window, busy, looks
                        // twice a second; each frame drawn without a GPU
                        // is drawn on the CPU the load needs.)
                    });
                    let _ = tx.send(Msg::Articles(std::mem::take(&mut batch)));
                    r.map(|(summary, reopened, store)| (summary, reopened, Arc::new(store)))
                        .map_err(|e| e.to_string())
                });
                let _ = tx.send(Msg::Finished(result));
                waker();
            });
        if let Err(e) = spawned {
            self.state = LoadState::Failed(format!("cannot start the loading thread: {e}"));
        }
    }

    /// Sets what background jobs call when they have news.
    pub fn set_waker(&mut self, waker: Waker) {
        if let Ok(mut w) = self.waker.write() {
            *w = waker;
        }
    }

    /// Stops the running load; what was loaded stays.
    pub fn cancel(&self) {
        self.cancel.store(true, Ordering::Relaxed);
    }

    pub fn is_loading(&self) -> bool {
        matches!(self.state, LoadState::Loading { .. })
    }

    /// Calls the window's waker (from any thread).
    fn waker(&self) -> impl Fn() + Send + 'static {
        let slot = self.waker.clone();
        move || {
            if let Ok(w) = slot.read() {
                w()
            }
        }
    }

    /// The current filter: time range, search (when a query is typed) and
    /// selected entity.
    pub fn filter(&self) -> Filter {
        Filter {
            range: self.range,
            hits: self
                .search
                .hit_paths
                .clone()
                .filter(|_| !self.search.query.trim().is_empty())
                .map(|h| (self.search.generation, h)),
            entity: self.entities.selected,
        }
    }

    /// A search of the current query (with the time range) for every
    /// match, to run on a worker: what exporting hits needs.
    pub fn full_search(
        &self,
    ) -> Result<impl FnOnce() -> Result<SearchResults, String> + Send + 'static, String> {
        // (Worded in the window's language: this runs on its thread.)
        let query = self.search.query.trim();
        if query.is_empty() {
            return Err(Notice::new("search-error-type-first").shown());
        }
        let mut parsed = parse_query(query).map_err(|e| e.notice().shown())?;
        if let Some((from, to)) = self.range {
            let (qf, qt) = parsed.date.unwrap_or((None, None));
            parsed.date = Some((
                Some(qf.map_or(from, |d| d.max(from))),
                Some(qt.map_or(to, |d| d.min(to))),
            ));
        }
        let idx = self
            .index
            .clone()
            .ok_or_else(|| Notice::new("search-error-index-not-ready").shown())?;
        let synonyms = self.synonyms.clone();
        let limit = match &self.search.results {
            Some(Ok(r)) => r.total.max(1),
            _ => return Err(Notice::new("search-error-not-finished").shown()),
        };
        Ok(move || {
            idx.search(&parsed, limit, &synonyms)
                .map_err(|e| e.to_string())
        })
    }

    /// The current article set: (generation, count).
    pub fn article_set(&self) -> (u64, usize) {
        (self.articles_generation, self.articles.len())
    }

    /// Takes what the background job sent, for at most `budget`; true
    /// when the budget ran out (more may be waiting).
    pub fn poll(&mut self, budget: Duration) -> bool {
        let started = Instant::now();
        // (A folder streaming in is taken in by the batch, a few frames a
        // second: four milliseconds a frame took a reopen of 100,000
        // articles three seconds to take in.)
        let budget = if self.is_loading() {
            budget.max(LOADING_BUDGET)
        } else {
            budget
        };
        let set = self.article_set();
        let wake = self.waker();
        if self.entities.poll(&mut self.articles, set, wake) {
            self.order_dirty = true;
            self.store_dirty = true;
            // A curation or correction made here is in every article now.
            if !self.entities.is_rematching()
                && let Some(s) = &self.store
            {
                for name in std::mem::take(&mut self.lists_changed) {
                    s.list_applied(name);
                }
            }
        }
        if self.index_after_discovery && !self.entities.is_rematching() {
            self.index_after_discovery = false;
            self.start_indexing();
        }
        while started.elapsed() < budget {
            let Some(Ok(msg)) = self.rx.as_ref().map(|rx| rx.try_recv()) else {
                break;
            };
            let msg = match msg {
                Msg::Index(p) => {
                    let (done, to_read) = match p {
                        UpdateProgress::Scanned { to_read, .. } => (0, to_read),
                        UpdateProgress::Read { done, to_read } => (done, to_read),
                    };
                    self.index_state = IndexState::Building { done, to_read };
                    continue;
                }
                Msg::IndexReady(r) => {
                    match r {
                        Ok((idx, note)) => {
                            self.index = Some(idx);
                            self.index_state = IndexState::Ready(note);
                            self.start_watching();
                            if std::mem::take(&mut self.reindex_pending) {
                                self.start_indexing();
                            }
                            if !self.search.query.is_empty() {
                                let q = self.search.query.clone();
                                self.run_search(&q);
                            }
                        }
                        Err(e) => self.index_state = IndexState::Failed(e),
                    }
                    continue;
                }
                Msg::Changed(paths) => {
                    self.apply_changes(paths);
                    continue;
                }
                Msg::Watching(r) => {
                    match r {
                        Ok(mut w) => {
                            use notify_debouncer_mini::notify::RecursiveMode;
                            for p in std::mem::take(&mut self.watch_later) {
                                if let Err(e) = w.watcher().watch(&p, RecursiveMode::Recursive) {
                                    self.watch_note = Some(
                                        Notice::new("note-not-watching").with("error", e).shown(),
                                    );
                                }
                            }
                            self.watcher = Some(w);
                        }
                        Err(why) => self.watch_note = Some(why.shown()),
                    }
                    continue;
                }
                Msg::Saved(r) => {
                    self.saving = false;
                    let kept = self.store.as_ref().and_then(|s| s.note.clone());
                    self.store_note = r.err().or(kept);
                    continue;
                }
                Msg::Searched(generation, r) => {
                    if generation == self.search.generation {
                        self.search.running = false;
                        self.search.results = Some(r);
                    }
                    continue;
                }
                Msg::Matching(generation, days, paths) => {
                    if generation == self.search.generation {
                        self.search.hit_days = Some((generation, days));
                        self.search.hit_paths = Some(paths);
                    }
                    continue;
                }
                m => m,
            };
            match msg {
                Msg::Event(LoadEvent::Scanned { total }) => {
                    if let LoadState::Loading { total: t, .. } = &mut self.state {
                        *t = Some(total);
                    }
                    // (Room for them all at once: a list grown by doubling
                    // holds two copies of its articles while it moves.)
                    Arc::make_mut(&mut self.articles).reserve(total);
                    self.by_path.reserve(total);
                }
                // (The loading thread sends articles in batches.)
                Msg::Event(LoadEvent::Article(a)) => self.take_in(vec![*a]),
                Msg::Articles(batch) => self.take_in(batch),
                Msg::Event(LoadEvent::Problem(p)) => {
                    self.problems.push(p);
                    self.bump(1);
                }
                Msg::Finished(r) => match r {
                    Ok((summary, reopened, store)) => {
                        // Anything read again or gone: the names articles
                        // introduce are found across the corpus again, and
                        // the store is saved after.
                        let changed = summary.read > 0 || reopened.removed > 0;
                        self.store_note = store.note.clone();
                        self.store = Some(store);
                        self.reopened = Some(reopened);
                        self.store_dirty = changed && !summary.cancelled;
                        let whole = !summary.cancelled;
                        self.state = LoadState::Done(summary);
                        self.annotations.reanchor(&self.articles);
                        // The index is fed these articles and reads no
                        // file: the folder is watched at once. (After a
                        // load stopped half way the index reads the
                        // folder, and watching waits for it: each file it
                        // opened would be reported.)
                        if whole {
                            self.start_watching();
                        }
                        if changed {
                            let (set, wake) = (self.article_set(), self.waker());
                            self.entities.discover(&self.articles, set, wake);
                            // The index waits for the names found across
                            // the corpus: holding the articles meanwhile,
                            // it would have them all copied when those
                            // names are put in.
                            self.index_after_discovery = true;
                            self.index_state = IndexState::Building {
                                done: 0,
                                to_read: 0,
                            };
                        } else {
                            self.start_indexing();
                        }
                    }
                    Err(e) => self.state = LoadState::Failed(e),
                },
                Msg::Index(_)
                | Msg::IndexReady(_)
                | Msg::Searched(..)
                | Msg::Matching(..)
                | Msg::Changed(_)
                | Msg::Watching(_)
                | Msg::Saved(_) => {}
            }
        }
        // (The budget ran out: news may be waiting.)
        let more = started.elapsed() >= budget;
        // (While a folder streams in, the list is sorted twice a second,
        // not for every batch: 200 sorts of a growing 100,000.)
        // (And no more often than four times as long as the last sort
        // took: sorting a growing million twice a second took the window's
        // thread most of a reopen.)
        let sort_every = PROGRESS_EVERY.max(self.sort_took * 4);
        if self.order_dirty && (!self.is_loading() || self.sorted_at.elapsed() > sort_every) {
            self.resort();
        }
        self.save_when_idle();
        more
    }

    /// Saves the stored analysis on a worker once the articles changed
    /// and nothing else is running (a load, discovery, matching).
    fn save_when_idle(&mut self) {
        if !self.store_dirty
            || self.saving
            || self.is_loading()
            || self.entities.is_rematching()
            || !matches!(self.state, LoadState::Done(ref s) if !s.cancelled)
        {
            return;
        }
        let (Some(store), Some(tx)) = (self.store.clone(), self.tx.clone()) else {
            return;
        };
        self.store_dirty = false;
        self.saving = true;
        // (The articles shared, not copied; with the lists they were
        // analysed with, taken now.)
        let articles = self.articles.clone();
        let problems = self.problems.clone();
        let analysed_with = store.analysed_with();
        let wake = self.waker();
        let spawned = std::thread::Builder::new()
            .name("daftar-store".into())
            .spawn(move || {
                let r = crate::jobs::caught(|| {
                    store
                        .save(&articles, &problems, analysed_with)
                        .map_err(|e| format!("cannot store the analysis: {e}"))
                });
                // (Let go before the window hears of it: a change it
                // makes then must not copy them.)
                drop(articles);
                drop(problems);
                let _ = tx.send(Msg::Saved(r));
                wake();
            });
        if spawned.is_err() {
            self.saving = false;
        }
    }

    /// The stored analysis of the open folder, once it has loaded.
    pub fn store(&self) -> Option<&Arc<Store>> {
        self.store.as_ref()
    }

    /// Adds a batch of a loading folder's articles to the list.
    fn take_in(&mut self, batch: Vec<Article>) {
        let n = batch.len();
        let articles = Arc::make_mut(&mut self.articles);
        for a in batch {
            self.by_path.insert(a.path.clone(), articles.len());
            articles.push(a);
        }
        self.bump(n);
        self.order_dirty = true;
    }

    /// Counts `n` more files taken in while a folder loads.
    fn bump(&mut self, n: usize) {
        if let LoadState::Loading { done, .. } = &mut self.state {
            *done += n;
        }
    }

    /// Builds or updates the folder's index on a background thread.
    fn start_indexing(&mut self) {
        let (Some(folder), Some(tx)) = (self.folder.clone(), self.tx.clone()) else {
            return;
        };
        self.index_state = IndexState::Building {
            done: 0,
            to_read: 0,
        };
        self.index_started = Some(Instant::now());
        if self.cancel.load(Ordering::Relaxed) {
            // A stopped run does not stop the next one (a file changed).
            self.cancel = Arc::new(AtomicBool::new(false));
        }
        let cancel = self.cancel.clone();
        let waker = self.waker.clone();
        let wake = move || {
            if let Ok(w) = waker.read() {
                w()
            }
        };
        let forget = std::mem::take(&mut self.forget_in_index);
        // The articles as the load (and the watcher since) gave them: the
        // index is checked against them and fed from them, no file read
        // again. (Shared, not copied; a change while the index is built
        // copies the list once.) After a load that stopped half way, the
        // folder is read.
        // (The scan's folder times vouch for the index only for the load's
        // own articles: after a change, a search process checks every file
        // once.)
        let fresh_load = self.index.is_none() && forget.is_empty();
        let loaded = match &self.state {
            LoadState::Done(s) if !s.cancelled => Some((
                self.articles.clone(),
                self.problems.clone(),
                s.scanned_at
                    .filter(|_| fresh_load)
                    .map(|at| (s.folders.clone(), at)),
            )),
            _ => None,
        };
        let spawned = std::thread::Builder::new()
            .name("daftar-index".into())
            .spawn(move || {
                // (The manifest is read and written here, not on the
                // window's thread.)
                crate::index::forget_files(&folder, &forget);
                let result = crate::jobs::caught(|| {
                    (|| -> Result<(Arc<dyn SearchBackend>, IndexNote), crate::index::IndexError> {
                        let mut idx = SearchIndex::open_or_create(&index_dir(&folder))?;
                        let current = match &loaded {
                            Some((a, _, _)) if idx.rebuilt.is_none() && forget.is_empty() => {
                                let files: Vec<(&str, (u64, i128))> = a
                                    .iter()
                                    .map(|a| (a.path.as_str(), (a.size, a.mtime)))
                                    .collect();
                                crate::index::update::lists_exactly(&idx, &files)
                                    .then_some(files.len())
                            }
                            _ => None,
                        };
                        if let Some(unchanged) = current {
                            let note = IndexNote {
                                added: 0,
                                updated: 0,
                                removed: 0,
                                unchanged,
                                rebuilt: None,
                            };
                            return Ok((Arc::new(idx) as Arc<dyn SearchBackend>, note));
                        }
                        // (Progress is not woken for: the window, busy,
                        // looks twice a second.)
                        let progress = |p| {
                            let _ = tx.send(Msg::Index(p));
                        };
                        let report = match loaded {
                            Some((articles, problems, scan)) => {
                                crate::index::update::update_from_articles(
                                    &mut idx,
                                    &articles,
                                    crate::index::update::Loaded {
                                        problems: &problems,
                                        scan,
                                    },
                                    &cancel,
                                    progress,
                                )?
                            }
                            None => {
                                let opts = LoadOptions {
                                    cancel,
                                    ..Default::default()
                                };
                                update_index(&folder, &mut idx, &opts, progress)?
                            }
                        };
                        let note = IndexNote {
                            added: report.added,
                            updated: report.updated,
                            removed: report.removed,
                            unchanged: report.unchanged,
                            rebuilt: report.rebuilt.as_ref().map(|r| r.to_string()),
                        };
                        Ok((Arc::new(idx) as Arc<dyn SearchBackend>, note))
                    })()
                    .map_err(|e| e.to_string())
                });
                let _ = tx.send(Msg::IndexReady(result));
                wake();
            });
        if let Err(e) = spawned {
            self.index_state = IndexState::Failed(format!("cannot start the indexing thread: {e}"));
        }
    }

    /// Watches the folder (debounced); changed files come back as
    /// [`Msg::Changed`].
    fn start_watching(&mut self) {
        let (Some(folder), Some(tx)) = (self.folder.clone(), self.tx.clone()) else {
            return;
        };
        if self.watch_started {
            return;
        }
        self.watch_started = true;
        // The folders the load met, each watched alone: watching the root
        // recursively looks at every file (a million `stat`s at a million
        // articles) to find the folders among them.
        let folders = match &self.state {
            LoadState::Done(s) if !s.cancelled && !s.folders.is_empty() => Some(s.folders.clone()),
            _ => None,
        };
        self.folders = folders
            .iter()
            .flatten()
            .map(|(rel, _)| rel.clone())
            .collect();
        let waker = self.waker.clone();
        let root = folder.clone();
        let reply = tx.clone();
        let wake = self.waker();
        // (On a worker: a watch for each of thousands of folders, or a
        // walk of the whole tree, is time the window must not freeze for.)
        let spawned = std::thread::Builder::new()
            .name("daftar-watch".into())
            .spawn(move || {
                let made = notify_debouncer_mini::new_debouncer(
                    Duration::from_millis(800),
                    move |res: notify_debouncer_mini::DebounceEventResult| {
                        if let Ok(events) = res {
                            // Article files and folders only: the watcher reports
                            // every open too, and daftar's own reading of
                            // `.daftar/` must not come back as a change.
                            let paths: Vec<PathBuf> = events
                                .into_iter()
                                .map(|e| e.path)
                                .filter(|p| is_article_path(&root, p) || may_be_folder(&root, p))
                                .collect();
                            if paths.is_empty() {
                                return;
                            }
                            let _ = tx.send(Msg::Changed(paths));
                            if let Ok(w) = waker.read() {
                                w()
                            }
                        }
                    },
                );
                // (A panic in the watcher's setup is said, never a window
                // waiting for it for good.)
                let watching = crate::jobs::caught(|| {
                    Ok(match made {
                        Ok(mut d) => match watch_folders(&mut d, &folder, folders.as_deref()) {
                            Ok(()) => {
                                // What changed between the scan and the
                                // watches (a first open watches only once
                                // its index is made): each folder whose
                                // time moved is looked through again.
                                let moved = folders_moved(&folder, folders.as_deref());
                                if !moved.is_empty() {
                                    let _ = reply.send(Msg::Changed(moved));
                                }
                                Ok(d)
                            }
                            Err(e) => Err(Notice::new("note-not-watching").with("error", e)),
                        },
                        Err(e) => Err(Notice::new("note-not-watching").with("error", e)),
                    })
                })
                .unwrap_or_else(|e| Err(Notice::new("note-not-watching").with("error", e)));
                let _ = reply.send(Msg::Watching(watching));
                wake();
            });
        if let Err(e) = spawned {
            self.watch_note = Some(Notice::new("note-not-watching").with("error", e).shown());
        }
    }

    /// The watcher's paths with its folders turned into their articles: a
    /// folder that appeared (made, or moved in whole: its files are not
    /// reported one by one) is watched from now on and its article files
    /// are changes; a folder gone takes the articles under it along.
    fn folders_changed(&mut self, root: &Path, paths: Vec<PathBuf>) -> Vec<PathBuf> {
        let mut out = Vec::with_capacity(paths.len());
        for p in paths {
            if is_article_path(root, &p) || !may_be_folder(root, &p) {
                out.push(p);
                continue;
            }
            let Some(rel) = relative_path(root, &p) else {
                continue;
            };
            let known = self.folders.contains(&rel);
            if p.is_dir() {
                // (A folder known is only one that was opened: the
                // changes in it come as its files.)
                if known {
                    continue;
                }
                let never = AtomicBool::new(false);
                let (entries, subfolders) = crate::corpus::loader::scan_with_folders(&p, &never);
                for (sub, _) in subfolders {
                    let whole = if sub.is_empty() {
                        rel.clone()
                    } else {
                        format!("{rel}/{sub}")
                    };
                    self.folders.insert(whole);
                }
                match &mut self.watcher {
                    Some(w) => {
                        use notify_debouncer_mini::notify::RecursiveMode;
                        if let Err(e) = w.watcher().watch(&p, RecursiveMode::Recursive) {
                            self.watch_note =
                                Some(Notice::new("note-not-watching").with("error", e).shown());
                        }
                    }
                    None => self.watch_later.push(p.clone()),
                }
                out.extend(entries.into_iter().filter_map(|e| match e {
                    crate::corpus::loader::Entry::File { path, .. } => Some(path),
                    crate::corpus::loader::Entry::Problem(_) => None,
                }));
            } else if known && !p.exists() {
                let under = format!("{rel}/");
                self.folders.retain(|f| *f != rel && !f.starts_with(&under));
                let articles = self.articles.iter().map(|a| a.path.as_str());
                let problems = self.problems.iter().map(|p| p.path.as_str());
                out.extend(
                    articles
                        .chain(problems)
                        .filter(|a| a.starts_with(&under))
                        .map(|a| root.join(a)),
                );
            }
        }
        out
    }

    /// Reloads changed files, drops deleted ones, and updates the index.
    fn apply_changes(&mut self, paths: Vec<PathBuf>) {
        use crate::corpus::loader::{DEFAULT_MAX_FILE_BYTES, load_article_in};
        let Some(folder) = self.folder.clone() else {
            return;
        };
        // What really changed: a file gone, new, or of another size or
        // time than the article read from it (the watcher also reports a
        // file that was only opened — by the index, or by this reload).
        let mut todo: Vec<(PathBuf, String)> = Vec::new();
        let mut met: std::collections::HashSet<String> = std::collections::HashSet::new();
        for p in self.folders_changed(&folder, paths) {
            if !is_article_path(&folder, &p) {
                continue;
            }
            let Some(rel) = relative_path(&folder, &p) else {
                continue;
            };
            let now = crate::index::manifest::stat(&p);
            let known = self
                .by_path
                .get(&rel)
                .and_then(|&i| self.articles.get(i))
                .map(|a| (a.size, a.mtime));
            let problem = self.problems.iter().any(|pr| pr.path == rel);
            if now.is_some() && now == known && !problem {
                continue;
            }
            // (A file that is no article, read again only when it changes.)
            if problem && now.is_some() && self.problem_stamps.get(&rel) == now.as_ref() {
                continue;
            }
            if now.is_none() && known.is_none() && !problem {
                continue;
            }
            if met.insert(rel.clone()) {
                todo.push((p, rel));
            }
        }
        if todo.is_empty() {
            return;
        }
        let clues = crate::dates::EraClues::bundled();
        // A changed page is read with its corpus's recurring lines, as the
        // load read it.
        let lines = crate::corpus::boilerplate::LineTable::read(&folder);
        let (outlets, _) = crate::corpus::outlets::Outlets::for_corpus(&folder);
        let corrections =
            crate::corpus::corrections::Corrections::read(&folder).unwrap_or_default();
        let mut changed = false;
        let mut gone: std::collections::HashSet<String> = std::collections::HashSet::new();
        for (p, rel) in todo {
            self.problems.retain(|pr| pr.path != rel);
            let loaded = if p.is_file() {
                Some(
                    load_article_in(
                        &p,
                        &rel,
                        DEFAULT_MAX_FILE_BYTES,
                        &clues,
                        Some(&*crate::extract::analyser(self.entities.gazetteer.clone())),
                        &crate::corpus::loader::Reading {
                            lines: lines
                                .as_ref()
                                .map(|t| t as &dyn crate::corpus::boilerplate::LineCounts),
                            outlets: Some(&outlets),
                            corrections: Some(&corrections),
                        },
                    )
                    .map(|l| *l.article),
                )
            } else {
                None
            };
            // (Articles that go are taken out after the loop: removing one
            // now would move the others under `by_path`.)
            // (Its text into the store's text file: not held in memory.)
            let loaded = loaded.map(|r| {
                r.map(|mut a| {
                    if let Some(t) = self.store.as_ref().and_then(|s| s.texts())
                        && let Ok(text) = t.put(a.text())
                    {
                        a.text = text;
                    }
                    a
                })
            });
            match (loaded, self.by_path.get(&rel).copied()) {
                (Some(Ok(a)), Some(i)) => Arc::make_mut(&mut self.articles)[i] = a,
                (Some(Ok(a)), None) => {
                    self.by_path.insert(rel.clone(), self.articles.len());
                    Arc::make_mut(&mut self.articles).push(a);
                }
                (Some(Err(reason)), existing) => {
                    // Its size and time as read: the next report of the
                    // same is a mere read.
                    if let Some(t) = crate::index::manifest::stat(&p) {
                        self.problem_stamps.insert(rel.clone(), t);
                    }
                    self.problems.push(Problem {
                        path: rel.clone(),
                        reason,
                    });
                    if existing.is_some() {
                        gone.insert(rel.clone());
                    }
                }
                (None, Some(_)) => {
                    gone.insert(rel.clone());
                }
                (None, None) => {}
            }
            changed = true;
        }
        if !changed {
            return;
        }
        if !gone.is_empty() {
            Arc::make_mut(&mut self.articles).retain(|a| !gone.contains(&a.path));
        }
        self.by_path = self
            .articles
            .iter()
            .enumerate()
            .map(|(i, a)| (a.path.clone(), i))
            .collect();
        self.articles_generation += 1;
        self.store_dirty = true;
        self.resort();
        self.annotations.reanchor(&self.articles);
        // Names the changed files introduce, in the others (a rematch in
        // progress starts again for the new set and does this itself).
        if !self.entities.is_rematching() {
            let (set, wake) = (self.article_set(), self.waker());
            self.entities.discover(&self.articles, set, wake);
        }
        if self.index_after_discovery {
            // (It has not started: it will take these too.)
        } else if matches!(self.index_state, IndexState::Building { .. }) {
            self.reindex_pending = true;
        } else {
            self.start_indexing();
        }
    }

    /// Starts a search; its results arrive through [`Self::poll`]. An empty
    /// query clears the results.
    pub fn run_search(&mut self, query: &str) {
        self.search.generation += 1;
        self.search.query = query.to_string();
        if query.trim().is_empty() {
            self.search.results = None;
            self.search.hit_days = None;
            self.search.hit_paths = None;
            self.search.running = false;
            return;
        }
        let (unranged, parsed) = match parse_query(query) {
            Ok(mut p) => {
                let unranged = p.clone();
                // The timeline's range narrows the search too.
                if let Some((from, to)) = self.range {
                    let (qf, qt) = p.date.unwrap_or((None, None));
                    p.date = Some((
                        Some(qf.map_or(from, |d| d.max(from))),
                        Some(qt.map_or(to, |d| d.min(to))),
                    ));
                }
                (unranged, p)
            }
            Err(e) => {
                // (Worded now, in the window's language: this runs on its thread.)
                self.search.results = Some(Err(e.notice().shown()));
                self.search.hit_days = None;
                self.search.hit_paths = None;
                self.search.running = false;
                return;
            }
        };
        let (Some(idx), Some(tx)) = (self.index.clone(), self.tx.clone()) else {
            // Runs when the index is ready.
            self.search.running = true;
            return;
        };
        self.search.running = true;
        let generation = self.search.generation;
        let synonyms = self.synonyms.clone();
        let waker = self.waker.clone();
        let _ = std::thread::Builder::new()
            .name("daftar-search".into())
            .spawn(move || {
                let r = crate::jobs::caught(|| {
                    idx.search(&parsed, 500, &synonyms)
                        .map_err(|e| e.to_string())
                });
                let _ = tx.send(Msg::Searched(generation, r));
                if let Ok(w) = waker.read() {
                    w()
                }
                // Then the hits over time, for the timeline.
                if let Ok(docs) = idx.matching_days(&unranged, &synonyms) {
                    let (paths, days): (HashSet<String>, Vec<DatedDoc>) = docs.into_iter().unzip();
                    let _ = tx.send(Msg::Matching(generation, Arc::new(days), Arc::new(paths)));
                    if let Ok(w) = waker.read() {
                        w()
                    }
                }
            });
    }

    /// Articles read per second by the running index update, and the
    /// seconds it still needs.
    pub fn index_rate(&self) -> Option<(f64, f64)> {
        let IndexState::Building { done, to_read } = self.index_state else {
            return None;
        };
        let secs = self.index_started?.elapsed().as_secs_f64();
        if done == 0 || secs <= 0.0 {
            return None;
        }
        let rate = done as f64 / secs;
        Some((rate, to_read.saturating_sub(done) as f64 / rate))
    }

    /// The loaded article at `path`.
    pub fn article_index(&self, path: &str) -> Option<usize> {
        self.by_path.get(path).copied()
    }

    /// Limits the list and searches to a time range (or lifts the limit).
    pub fn set_range(&mut self, range: Option<(Day, Day)>) {
        self.range = range;
        self.resort();
        if !self.search.query.is_empty() {
            let q = self.search.query.clone();
            self.run_search(&q);
        }
    }

    /// Limits the list to articles mentioning `entity` (or lifts it).
    pub fn select_entity(&mut self, entity: Option<crate::extract::EntityRef>) {
        self.entities.selected = entity;
        self.resort();
    }

    /// Saves a curation edit in the corpus's entity file and matches the
    /// articles again in the background (not while a folder loads).
    pub fn curate(&mut self, edit: crate::extract::Edit) -> Result<(), String> {
        let Some(folder) = self.folder.clone() else {
            return Err("no folder is open".into());
        };
        if self.is_loading() {
            return Err("wait until the folder has loaded".into());
        }
        let set = self.article_set();
        let wake = self.waker();
        self.entities
            .curate(&folder, edit, &self.articles, set, wake)?;
        self.lists_changed.push("entities.ron");
        Ok(())
    }

    /// Sorts the list by `key`; the same key again flips the direction.
    pub fn sort_by(&mut self, key: SortKey) {
        if self.sort == key {
            self.sort_descending = !self.sort_descending;
        } else {
            self.sort = key;
            self.sort_descending = key == SortKey::Date;
        }
        self.resort();
    }

    fn resort(&mut self) {
        self.order_dirty = false;
        self.sorted_at = Instant::now();
        self.resort_now();
        self.sort_took = self.sorted_at.elapsed();
    }

    fn resort_now(&mut self) {
        let a = &self.articles;
        let range = self.range;
        let entity = self.entities.selected.as_ref();
        let mut order: Vec<usize> = (0..a.len())
            .filter(|&i| match range {
                // A time range keeps the articles dated inside it.
                Some((from, to)) => a[i]
                    .date
                    .as_ref()
                    .is_some_and(|d| d.day >= from && d.day <= to),
                None => true,
            })
            .filter(|&i| entity.is_none_or(|e| a[i].mentions_entity(e)))
            .collect();
        // (Sorted by keys side by side that borrow from the articles: two
        // million comparisons fetching two articles each from all over
        // memory, or keys with the path cloned, cost a reopen of 100,000
        // articles tenths of a second.)
        fn by<'a, K: Ord>(order: &mut Vec<usize>, key: impl Fn(usize) -> (K, &'a str)) {
            let mut keyed: Vec<(K, &str, usize)> = order
                .iter()
                .map(|&i| {
                    let (k, path) = key(i);
                    (k, path, i)
                })
                .collect();
            keyed.sort_unstable();
            *order = keyed.into_iter().map(|(_, _, i)| i).collect();
        }
        match self.sort {
            SortKey::Date => by(&mut order, |i| {
                (a[i].date.as_ref().map(|d| d.day), a[i].path.as_str())
            }),
            SortKey::Title => by(&mut order, |i| (&*a[i].sort_title, a[i].path.as_str())),
            // (Outlets in the alphabet's order too: a few dozen names.)
            SortKey::Source => by(&mut order, |i| {
                let outlet = a[i].source.as_deref().unwrap_or_default();
                (crate::text::sort_key(outlet), a[i].path.as_str())
            }),
        }
        if self.sort_descending {
            order.reverse();
        }
        self.order = order;
    }

    /// Waits until the running load is done (for tests and the CLI).
    pub fn wait(&mut self, timeout: Duration) -> bool {
        let started = Instant::now();
        while self.is_busy() && started.elapsed() < timeout {
            self.poll(Duration::from_millis(50));
            std::thread::sleep(Duration::from_millis(5));
        }
        !self.is_loading()
    }

    /// Whether anything runs in the background.
    pub fn is_busy(&self) -> bool {
        self.is_loading()
            || matches!(self.index_state, IndexState::Building { .. })
            || self.search.running
            || self.entities.is_rematching()
            || self.saving
            || (self.watch_started && self.watcher.is_none() && self.watch_note.is_none())
            || (self.store_dirty && matches!(self.state, LoadState::Done(ref s) if !s.cancelled))
    }
}

/// The entries (files and folders) of each of `folders` whose time is not
/// the scan's any more: what changed there before it was watched.
fn folders_moved(root: &Path, folders: Option<&[(String, i128)]>) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for (rel, then) in folders.into_iter().flatten() {
        let path = if rel.is_empty() {
            root.to_path_buf()
        } else {
            root.join(rel)
        };
        let now = std::fs::metadata(&path)
            .ok()
            .and_then(|m| m.modified().ok())
            .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
            .map_or(0, |d| d.as_nanos() as i128);
        if now == *then {
            continue;
        }
        match std::fs::read_dir(&path) {
            Ok(entries) => out.extend(entries.flatten().map(|e| e.path())),
            // (Gone: its parent changed too, and says so.)
            Err(_) => out.push(path),
        }
    }
    out
}

/// `path` relative to `root`, `/`-separated, as the corpus names it.
fn relative_path(root: &Path, path: &Path) -> Option<String> {
    let rel = path.strip_prefix(root).ok()?;
    Some(
        rel.components()
            .map(|c| c.as_os_str().to_string_lossy())
            .collect::<Vec<_>>()
            .join("/"),
    )
}

/// Whether `path` may be a folder of the corpus (or was: a folder gone
/// cannot be looked at): not hidden, and not named like an article.
fn may_be_folder(root: &Path, path: &Path) -> bool {
    path.strip_prefix(root).is_ok_and(|rel| {
        !rel.as_os_str().is_empty()
            && !rel
                .components()
                .any(|c| c.as_os_str().to_string_lossy().starts_with('.'))
    }) && !is_article_path(root, path)
}

/// Watches `root`'s `folders` (relative paths) one by one, or, without
/// them, `root` and everything under it.
fn watch_folders(
    d: &mut Watcher,
    root: &Path,
    folders: Option<&[(String, i128)]>,
) -> notify_debouncer_mini::notify::Result<()> {
    use notify_debouncer_mini::notify::RecursiveMode;
    let Some(folders) = folders else {
        return d.watcher().watch(root, RecursiveMode::Recursive);
    };
    for (rel, _) in folders {
        let path = if rel.is_empty() {
            root.to_path_buf()
        } else {
            root.join(rel)
        };
        match d.watcher().watch(&path, RecursiveMode::NonRecursive) {
            Ok(()) => {}
            // (Gone since the load: its parent reports it.)
            Err(_) if !rel.is_empty() && !path.is_dir() => {}
            Err(e) => return Err(e),
        }
    }
    Ok(())
}

/// Whether `path` (under `root`) is an article file of the corpus: not
/// hidden (nor in daftar's `.daftar/`), with an article's extension.
fn is_article_path(root: &Path, path: &Path) -> bool {
    let Ok(rel) = path.strip_prefix(root) else {
        return false;
    };
    let hidden = rel
        .components()
        .any(|c| c.as_os_str().to_string_lossy().starts_with('.'));
    !hidden
        && path.extension().is_some_and(|x| {
            crate::corpus::loader::ARTICLE_EXTENSIONS
                .contains(&x.to_string_lossy().to_ascii_lowercase().as_str())
        })
}
