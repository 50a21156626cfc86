//! The corpus session without a window: the command line's way into the
//! same flows the window runs on its workers. Opening is the window's
//! open — unchanged files from the stored analysis, the others read and
//! analysed, the names articles introduce found across the corpus, the
//! store saved — as one blocking call that the commands print from.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::corpus::{Article, LoadEvent, LoadOptions, LoadSummary, Problem};
use crate::extract::Gazetteer;
use crate::store::{LockWait, Reopened};

/// An open corpus, every article analysed.
pub struct Session {
    pub root: PathBuf,
    /// The corpus's gazetteer (bundled plus its `.daftar/entities.ron`).
    pub gazetteer: Arc<Gazetteer>,
    pub articles: Vec<Article>,
    pub problems: Vec<Problem>,
    pub summary: LoadSummary,
    pub reopened: Reopened,
    /// Why the corpus's entity file is not used (bundled names only).
    pub entities_note: Option<String>,
    /// Why the analysis could not be stored (the next open reads the files
    /// again).
    pub store_note: Option<String>,
}

impl Session {
    /// Opens `root` with its stored analysis where daftar keeps it.
    pub fn open(root: &Path) -> Result<Session, crate::corpus::LoadError> {
        Self::open_with(root, &crate::store::dir(root))
    }

    /// [`Self::open`] with the stored analysis in `store_dir`.
    pub fn open_with(root: &Path, store_dir: &Path) -> Result<Session, crate::corpus::LoadError> {
        let (g, entities_note) = Gazetteer::for_corpus(root);
        let gazetteer = Arc::new(g);
        let opts = LoadOptions {
            analyse: Some(crate::extract::analyser(gazetteer.clone())),
            ..Default::default()
        };
        let mut articles = Vec::new();
        let mut problems = Vec::new();
        let (summary, reopened, store) =
            crate::store::load_at(store_dir, root, LockWait::No, &opts, |e| match e {
                LoadEvent::Article(a) => articles.push(*a),
                LoadEvent::Problem(p) => problems.push(p),
                LoadEvent::Scanned { total } => articles.reserve(total),
            })?;
        let mut store_note = store.note.clone();
        // Anything read again or gone: names are found across the corpus
        // again and the store saved (as the window does once it is idle).
        if summary.read > 0 || reopened.removed > 0 {
            crate::extract::discover_in(&gazetteer, &mut articles);
            if let Err(e) = store.save(&articles, &problems, store.analysed_with()) {
                store_note = Some(format!("cannot store the analysis: {e}"));
            }
        }
        Ok(Session {
            root: root.to_path_buf(),
            gazetteer,
            articles,
            problems,
            summary,
            reopened,
            entities_note,
            store_note,
        })
    }
}
