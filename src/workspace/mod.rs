//! The open corpus: its articles, its problems and the background job that
//! loads them. No egui here: the window reads this state and asks for
//! changes; a waker closure (the window's repaint) is called whenever the
//! background job has news.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{Receiver, channel};
use std::sync::{Arc, RwLock};
use std::time::{Duration, Instant};

use crate::corpus::{Article, LoadEvent, LoadOptions, LoadSummary, Problem, load_folder};

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
    Finished(Result<LoadSummary, String>),
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
    pub articles: Vec<Article>,
    pub problems: Vec<Problem>,
    pub state: LoadState,
    /// Article indices in display order.
    pub order: Vec<usize>,
    pub sort: SortKey,
    pub sort_descending: bool,
    rx: Option<Receiver<Msg>>,
    cancel: Arc<AtomicBool>,
    /// Shared so that a job started before the window existed still
    /// wakes it once the window sets its waker.
    waker: Arc<RwLock<Waker>>,
    order_dirty: bool,
}

impl Workspace {
    pub fn new(waker: Waker) -> Self {
        Workspace {
            folder: None,
            articles: Vec::new(),
            problems: Vec::new(),
            state: LoadState::Idle,
            order: Vec::new(),
            sort: SortKey::Date,
            sort_descending: true,
            rx: None,
            cancel: Arc::new(AtomicBool::new(false)),
            waker: Arc::new(RwLock::new(waker)),
            order_dirty: false,
        }
    }

    /// Starts loading `folder` on a background thread, replacing the
    /// current corpus (a running load is cancelled).
    pub fn open(&mut self, folder: &Path) {
        self.cancel.store(true, Ordering::Relaxed);
        self.cancel = Arc::new(AtomicBool::new(false));
        self.folder = Some(folder.to_path_buf());
        self.articles.clear();
        self.problems.clear();
        self.order.clear();
        self.state = LoadState::Loading {
            done: 0,
            total: None,
        };
        let (tx, rx) = channel();
        self.rx = Some(rx);
        let opts = LoadOptions {
            cancel: self.cancel.clone(),
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
                let mut last_wake = Instant::now();
                let result = load_folder(&root, &opts, |ev| {
                    let _ = tx.send(Msg::Event(ev));
                    if last_wake.elapsed() > Duration::from_millis(30) {
                        waker();
                        last_wake = Instant::now();
                    }
                });
                let _ = tx.send(Msg::Finished(result.map_err(|e| e.to_string())));
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

    /// Takes what the background job sent, for at most `budget`.
    pub fn poll(&mut self, budget: Duration) {
        let started = Instant::now();
        while started.elapsed() < budget {
            let Some(Ok(msg)) = self.rx.as_ref().map(|rx| rx.try_recv()) else {
                break;
            };
            match msg {
                Msg::Event(LoadEvent::Scanned { total }) => {
                    if let LoadState::Loading { total: t, .. } = &mut self.state {
                        *t = Some(total);
                    }
                }
                Msg::Event(LoadEvent::Article(a)) => {
                    self.articles.push(*a);
                    self.order_dirty = true;
                    self.bump();
                }
                Msg::Event(LoadEvent::Problem(p)) => {
                    self.problems.push(p);
                    self.bump();
                }
                Msg::Finished(r) => {
                    self.state = match r {
                        Ok(s) => LoadState::Done(s),
                        Err(e) => LoadState::Failed(e),
                    };
                    self.rx = None;
                    break;
                }
            }
        }
        if self.order_dirty {
            self.resort();
        }
    }

    fn bump(&mut self) {
        if let LoadState::Loading { done, .. } = &mut self.state {
            *done += 1;
        }
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
        let a = &self.articles;
        let mut order: Vec<usize> = (0..a.len()).collect();
        match self.sort {
            SortKey::Date => {
                order.sort_by_key(|&i| (a[i].date.as_ref().map(|d| d.day), a[i].path.clone()))
            }
            SortKey::Title => {
                order.sort_by_cached_key(|&i| crate::text::search_key(&a[i].display_title()))
            }
            SortKey::Source => order.sort_by_cached_key(|&i| {
                (a[i].source.clone().unwrap_or_default(), a[i].path.clone())
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
        while self.is_loading() && started.elapsed() < timeout {
            self.poll(Duration::from_millis(50));
            std::thread::sleep(Duration::from_millis(5));
        }
        !self.is_loading()
    }
}
