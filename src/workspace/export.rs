//! Exports from the window: takes a snapshot of what the dialog asked for
//! (only the articles involved, the passages and tags, the comparison),
//! then builds and writes the export on a worker thread that counts its
//! progress; the window polls. See [`crate::export`] for the formats.

use std::path::PathBuf;
use std::sync::atomic::AtomicUsize;
use std::sync::mpsc::{Receiver, channel};
use std::sync::{Arc, RwLock};

use crate::corpus::Article;
use crate::export::{Builder, Format, Selection, Written};
use crate::extract::compare::Comparison;

use super::Workspace;

/// What to export, from where.
#[derive(Debug, Clone, PartialEq)]
pub enum Scope {
    /// Tagged passages: of a tag (and its nested tags), by an annotator,
    /// in the current filter.
    Passages {
        tag: Option<String>,
        annotator: Option<String>,
        in_filter: bool,
    },
    /// The statements the statements view lists (current filter; the
    /// selected entity as speaker).
    Statements,
    /// A comparison (statement refs into the workspace's articles) and
    /// its two sides in words.
    Comparison(Comparison, String),
    /// Every match of the current search.
    Hits,
    /// Articles with their metadata, in list order.
    Articles { in_filter: bool },
}

/// An export under way.
pub struct ExportJob {
    /// Articles written so far, of `total`.
    pub progress: Arc<AtomicUsize>,
    pub total: usize,
    pub out: PathBuf,
    rx: Receiver<Result<(Written, f64), String>>,
}

impl ExportJob {
    /// The outcome (and the seconds it took), once the worker is done.
    pub fn poll(&self) -> Option<Result<(Written, f64), String>> {
        self.rx.try_recv().ok()
    }
}

/// A job's input: the articles involved (cloned; their texts are shared)
/// and a function that makes the selection from them.
type Make = Box<dyn FnOnce(&Builder) -> Result<Selection, String> + Send>;

impl Workspace {
    /// Starts writing `scope` as `format` to `out` (refused when `out`
    /// exists, unless `overwrite`).
    pub fn start_export(
        &self,
        scope: Scope,
        format: Format,
        out: PathBuf,
        overwrite: bool,
    ) -> Result<ExportJob, String> {
        let g = self.entities.gazetteer.clone();
        let filter = self.filter();
        let (articles, total, make): (Vec<Article>, usize, Make) = match scope {
            Scope::Passages {
                tag,
                annotator,
                in_filter,
            } => {
                let schema = self.annotations.schema.clone();
                let family = tag.as_ref().map(|t| schema.family(t));
                let passages: Vec<_> = self
                    .annotations
                    .passages()
                    .iter()
                    .filter(|p| {
                        family
                            .as_ref()
                            .is_none_or(|f| p.tags.iter().any(|t| f.contains(t)))
                            && annotator.as_ref().is_none_or(|a| &p.annotator == a)
                            && (!in_filter
                                || self
                                    .article_index(&p.path)
                                    .is_none_or(|i| filter.admits(&self.articles[i])))
                    })
                    .cloned()
                    .collect();
                let mut paths: Vec<&str> = passages.iter().map(|p| p.path.as_str()).collect();
                paths.sort_unstable();
                paths.dedup();
                let articles =
                    self.clone_articles(paths.iter().filter_map(|p| self.article_index(p)));
                let mut said = Vec::new();
                if let Some(t) = &tag {
                    said.push(format!("tagged {t}"));
                }
                if let Some(a) = &annotator {
                    said.push(format!("by {a}"));
                }
                if in_filter && !filter.is_empty() {
                    said.push("in the current filter".into());
                }
                let description = crate::export::describe("passages", &said);
                let n = articles.len();
                (
                    articles,
                    n,
                    Box::new(move |b: &Builder| {
                        Ok(b.passages(&passages, &schema, |_| true, &description))
                    }),
                )
            }
            Scope::Statements => {
                let mut refs = Vec::new();
                for (ai, a) in self.articles.iter().enumerate() {
                    if !filter.in_range_and_search(a) {
                        continue;
                    }
                    for (si, s) in a.statements().enumerate() {
                        if filter
                            .entity
                            .as_ref()
                            .is_none_or(|e| s.speaker.as_ref() == Some(e))
                        {
                            refs.push((ai, si));
                        }
                    }
                }
                let (articles, remap) = self.subset(refs.iter().map(|r| r.0));
                let refs: Vec<_> = refs.iter().map(|&(ai, si)| (remap(ai), si)).collect();
                let description = crate::export::describe(
                    "statements",
                    &[if filter.is_empty() {
                        ""
                    } else {
                        "in the current filter"
                    }
                    .to_string()],
                );
                let n = articles.len();
                (
                    articles,
                    n,
                    Box::new(move |b: &Builder| Ok(b.statements(&refs, &description))),
                )
            }
            Scope::Comparison(mut c, sides) => {
                let all = c
                    .pairs
                    .iter()
                    .flat_map(|p| [p.left.0, p.right.0])
                    .chain(c.left_unpaired.iter().map(|r| r.0))
                    .chain(c.right_unpaired.iter().map(|r| r.0))
                    .collect::<Vec<_>>();
                let (articles, remap) = self.subset(all.into_iter());
                for p in &mut c.pairs {
                    p.left.0 = remap(p.left.0);
                    p.right.0 = remap(p.right.0);
                }
                for r in c
                    .left_unpaired
                    .iter_mut()
                    .chain(c.right_unpaired.iter_mut())
                {
                    r.0 = remap(r.0);
                }
                let description = format!("statements {sides}");
                let n = articles.len();
                (
                    articles,
                    n,
                    Box::new(move |b: &Builder| Ok(b.comparison(&c, &description))),
                )
            }
            Scope::Hits => {
                let search = self.full_search()?;
                let query = self.search.query.clone();
                let total = match &self.search.results {
                    Some(Ok(r)) => r.total,
                    _ => 0,
                };
                (
                    Vec::new(),
                    total,
                    Box::new(move |b: &Builder| {
                        let results = search()?;
                        Ok(b.hits(
                            &results,
                            &query,
                            &format!("every match of «{}»", query.trim()),
                        ))
                    }),
                )
            }
            Scope::Articles { in_filter } => {
                let keep = self
                    .order
                    .iter()
                    .copied()
                    .filter(|&i| !in_filter || filter.admits(&self.articles[i]));
                let articles = self.clone_articles(keep);
                let description = if in_filter && !filter.is_empty() {
                    "articles in the current filter".to_string()
                } else {
                    "all articles".to_string()
                };
                let n = articles.len();
                (
                    articles,
                    n,
                    Box::new(move |b: &Builder| {
                        let all: Vec<usize> = (0..b.articles.len()).collect();
                        Ok(b.articles(&all, &description))
                    }),
                )
            }
        };
        let progress = Arc::new(AtomicUsize::new(0));
        let (tx, rx) = channel();
        let waker: Arc<RwLock<super::Waker>> = self.waker.clone();
        let p = progress.clone();
        let target = out.clone();
        std::thread::Builder::new()
            .name("daftar-export".into())
            .spawn(move || {
                let b = Builder {
                    articles: &articles,
                    gazetteer: &g,
                };
                let started = std::time::Instant::now();
                let r = crate::jobs::caught(|| {
                    make(&b).and_then(|sel| {
                        crate::export::write(&sel, format, &target, overwrite, &p)
                            .map_err(|e| e.to_string())
                    })
                });
                let r = r.map(|w| (w, started.elapsed().as_secs_f64()));
                let _ = tx.send(r);
                if let Ok(w) = waker.read() {
                    w()
                }
            })
            .map_err(|e| format!("cannot start the export: {e}"))?;
        Ok(ExportJob {
            progress,
            total,
            out,
            rx,
        })
    }

    fn clone_articles(&self, indices: impl Iterator<Item = usize>) -> Vec<Article> {
        indices
            .filter_map(|i| self.articles.get(i).cloned())
            .collect()
    }

    /// The articles at `indices` (each once, in first-seen order) and a
    /// map from a workspace index to its place among them.
    fn subset(
        &self,
        indices: impl Iterator<Item = usize>,
    ) -> (Vec<Article>, impl Fn(usize) -> usize + Send + 'static) {
        let mut at = std::collections::HashMap::new();
        let mut list = Vec::new();
        for i in indices {
            if let std::collections::hash_map::Entry::Vacant(e) = at.entry(i) {
                e.insert(list.len());
                list.push(i);
            }
        }
        let articles = self.clone_articles(list.into_iter());
        (articles, move |i| at.get(&i).copied().unwrap_or(usize::MAX))
    }
}
