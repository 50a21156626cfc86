//! The open corpus's entities: its gazetteer (bundled + the corpus's
//! `.daftar/entities.ron`), the selected entity, and curation. An edit is
//! saved at once (atomically), then every article is matched again with
//! the new gazetteer on a worker thread, from the texts already in memory;
//! until that is done the old mentions and the old gazetteer stay in use
//! together, so names and counts always agree. Once a load is done, the
//! names one article introduces are found in the others the same way
//! ([`crate::extract::discover`]).

use std::path::Path;
use std::sync::Arc;
use std::sync::mpsc::{Receiver, TryRecvError, channel};

use rayon::prelude::*;

use crate::corpus::Article;
use crate::extract::{
    Analysis, Edit, EntityName, EntityRef, Found, Gazetteer, UserEntities, analyse, discover,
};

/// Mentions of every article, matched with a new gazetteer.
struct Rematch {
    gazetteer: Arc<Gazetteer>,
    /// The article set it was computed for.
    set: (u64, usize),
    rx: Receiver<Vec<Analysis>>,
}

pub struct EntityState {
    /// The gazetteer the articles' mentions were found with.
    pub gazetteer: Arc<Gazetteer>,
    /// Bumped whenever `gazetteer` (and so the mentions) change.
    pub generation: u64,
    user: UserEntities,
    /// Why the corpus's entity file is not used, or the last save failed.
    pub note: Option<String>,
    /// The entity the list, reader and timeline follow.
    pub selected: Option<EntityRef>,
    rematch: Option<Rematch>,
}

impl Default for EntityState {
    fn default() -> Self {
        EntityState {
            gazetteer: Arc::new(Gazetteer::bundled()),
            generation: 0,
            user: UserEntities::default(),
            note: None,
            selected: None,
            rematch: None,
        }
    }
}

impl EntityState {
    /// The gazetteer of the corpus at `root`.
    pub fn for_folder(root: &Path) -> EntityState {
        let (user, note) = match UserEntities::load(root) {
            Ok(u) => (u, None),
            Err(e) => (
                UserEntities::default(),
                Some(
                    crate::i18n::Notice::new("note-entities-bundled-only")
                        .with("error", e)
                        .shown(),
                ),
            ),
        };
        EntityState {
            gazetteer: Arc::new(Gazetteer::build(&user)),
            user,
            note,
            ..Default::default()
        }
    }

    /// The selected entity's name.
    pub fn selected_name(&self) -> Option<EntityName> {
        self.selected
            .as_ref()
            .map(|e| EntityName::of(&self.gazetteer, e))
    }

    /// Whether curation edits are being applied.
    pub fn is_rematching(&self) -> bool {
        self.rematch.is_some()
    }

    /// Saves `edit` in the corpus's file and starts matching the articles
    /// again. The edit is on disk when this returns `Ok`.
    pub fn curate(
        &mut self,
        root: &Path,
        edit: Edit,
        articles: &[Article],
        set: (u64, usize),
        wake: impl Fn() + Send + 'static,
    ) -> Result<(), String> {
        self.user.record(root, edit).map_err(|e| e.to_string())?;
        self.note = None;
        self.start_rematch(articles, set, wake);
        Ok(())
    }

    /// Finds the names some articles introduce in the others, in the
    /// background (a load is done).
    pub fn discover(
        &mut self,
        articles: &[Article],
        set: (u64, usize),
        wake: impl Fn() + Send + 'static,
    ) {
        let g = self.gazetteer.clone();
        // What discovery reads, shared with the articles (texts, mentions),
        // not copies of them.
        let inputs: Vec<Found> = articles.iter().map(Found::of).collect();
        self.spawn(g, set, "daftar-discovery", wake, move |g| {
            let mut out: Vec<Analysis> = inputs
                .iter()
                .map(|f| Analysis {
                    found: f.found.clone(),
                    own: None,
                })
                .collect();
            discovered(g, &inputs, &mut out);
            out
        });
    }

    /// Runs `work` on a thread of its own; [`Self::poll`] takes what it
    /// gives.
    fn spawn(
        &mut self,
        g: Arc<Gazetteer>,
        set: (u64, usize),
        name: &str,
        wake: impl Fn() + Send + 'static,
        work: impl FnOnce(&Gazetteer) -> Vec<Analysis> + Send + 'static,
    ) {
        let (tx, rx) = channel();
        let worker = g.clone();
        let spawned = std::thread::Builder::new()
            .name(name.into())
            .spawn(move || {
                let _ = tx.send(work(&worker));
                wake();
            });
        if spawned.is_ok() {
            self.rematch = Some(Rematch {
                gazetteer: g,
                set,
                rx,
            });
        }
    }

    /// Matches every article again in the background (their reading
    /// changed: a correction of page chrome).
    pub fn rematch(
        &mut self,
        articles: &[Article],
        set: (u64, usize),
        wake: impl Fn() + Send + 'static,
    ) {
        self.start_rematch(articles, set, wake);
    }

    fn start_rematch(
        &mut self,
        articles: &[Article],
        set: (u64, usize),
        wake: impl Fn() + Send + 'static,
    ) {
        let g = Arc::new(Gazetteer::build(&self.user));
        // The texts are shared, not copied; the rest is small.
        let mut inputs: Vec<Article> = articles
            .iter()
            .map(|a| Article {
                warnings: Vec::new(),
                tags: Vec::new(),
                found: Default::default(),
                own: None,
                ..a.clone()
            })
            .collect();
        self.spawn(g, set, "daftar-entities", wake, move |g| {
            // A panic on one article leaves it without mentions, not every
            // article (and the sidebar waiting forever).
            let mut out: Vec<Analysis> = inputs
                .par_iter()
                .map(|a| {
                    crate::jobs::caught(|| Ok(analyse(g, a))).unwrap_or_else(|_| Analysis::empty())
                })
                .collect();
            // Then the names some articles introduce, in the others.
            for (a, an) in inputs.iter_mut().zip(&out) {
                an.clone().apply(a);
            }
            discovered(g, &inputs, &mut out);
            out
        });
    }

    /// Takes finished matching: the new gazetteer and mentions replace the
    /// old ones when they are for the current articles; otherwise the
    /// articles are matched again. Returns whether anything changed.
    pub fn poll(
        &mut self,
        articles: &mut std::sync::Arc<Vec<Article>>,
        set: (u64, usize),
        wake: impl Fn() + Send + 'static,
    ) -> bool {
        let Some(r) = &self.rematch else {
            return false;
        };
        let mentions = match r.rx.try_recv() {
            Ok(m) => m,
            Err(TryRecvError::Empty) => return false,
            Err(TryRecvError::Disconnected) => {
                self.rematch = None;
                return false;
            }
        };
        if r.set != set || mentions.len() != articles.len() {
            self.start_rematch(articles, set, wake);
            return false;
        }
        let old_name = self.selected_name();
        // (Copied only if a save still holds them.)
        for (a, an) in std::sync::Arc::make_mut(articles).iter_mut().zip(mentions) {
            an.apply(a);
        }
        self.gazetteer = r.gazetteer.clone();
        self.generation += 1;
        self.rematch = None;
        // The selection follows its entity through renames and merges.
        self.selected = old_name.and_then(|n| self.find(&n.name, n.candidate, articles));
        true
    }

    /// The entity called `name` now: a known one by any of its names, else
    /// a candidate some article still mentions.
    fn find(&self, name: &str, candidate: bool, articles: &[Article]) -> Option<EntityRef> {
        if let Some(e) = self.gazetteer.find(name) {
            return Some(EntityRef::Known(e));
        }
        if candidate {
            // A candidate person, organisation or place of that name, in
            // any spacing (see `EntityRef`'s equality).
            let name: crate::corpus::found::Name = name.into();
            let named = |e: &EntityRef| match e {
                EntityRef::Candidate(_) => *e == EntityRef::Candidate(name),
                EntityRef::Named(_, kind) => *e == EntityRef::Named(name, *kind),
                EntityRef::Known(_) => false,
            };
            return articles
                .iter()
                .flat_map(|a| a.mentions())
                .find(|m| named(&m.entity))
                .map(|m| m.entity);
        }
        None
    }
}

/// [`discover`] over `articles` (as analysed), into their analyses `out`.
fn discovered<A: crate::extract::Analysed>(g: &Gazetteer, articles: &[A], out: &mut [Analysis]) {
    // (A panic there leaves the articles as they were.)
    let found = crate::jobs::caught(|| Ok(discover(g, articles)));
    for (i, an) in found.unwrap_or_default() {
        out[i] = an;
    }
}
