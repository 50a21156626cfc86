//! The Statistics view's work, off the window's thread: the corpus's
//! numbered words ([`Words`]) read from disk and brought up to date on a
//! worker, with progress and Cancel, whenever the articles change; then
//! each table computed on a worker for the view's current question
//! ([`Ask`]) over the current filter (time range, search, entity).

use std::ops::Range;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::mpsc::{Receiver, TryRecvError, channel};

use crate::corpus::Article;
use crate::dates::CalendarKind;
use crate::extract::Gazetteer;
use crate::stats::count::{self, Collocation, Docs, Keyness, Ngram, Tally, WordOptions, WordRow};
use crate::stats::part::{Part, SideSpec};
use crate::stats::words::Reading;
use crate::stats::{Dispersion, Words};

use super::Workspace;
use super::filter::Filter;

/// A table the view asks for.
#[derive(Debug, Clone, PartialEq)]
pub enum Ask {
    Words(WordOptions),
    Ngrams {
        n: usize,
        min_freq: u64,
        min_docs: u32,
    },
    Collocates {
        query: String,
        left: usize,
        right: usize,
        min_freq: u64,
    },
    Keyness {
        left: String,
        right: String,
        min_freq: u64,
    },
    Dispersion {
        query: String,
        calendar: CalendarKind,
    },
}

/// A table computed.
pub enum Answer {
    Words(Vec<WordRow>, Tally),
    /// The n-grams, the words and the articles they were counted in.
    Ngrams(Vec<Ngram>, u64, usize),
    Collocates(Collocation),
    Keyness(Keyness),
    /// Each term (as typed) and where it occurs.
    Dispersion(Vec<(String, Dispersion)>),
}

/// The terms of a dispersion query: words or phrases separated by
/// commas (Latin or Persian).
pub fn terms(query: &str) -> Vec<String> {
    query
        .split([',', '،'])
        .map(str::trim)
        .filter(|t| !t.is_empty())
        .map(str::to_string)
        .collect()
}

/// The articles a filter admits.
pub fn admitted(articles: &[Article], filter: &Filter) -> Vec<usize> {
    (0..articles.len())
        .filter(|&i| filter.admits(&articles[i]))
        .collect()
}

/// The work computing `ask` over the articles `within` — narrowed to a
/// side (an outlet, a period, a speaker's statements) when one is given —
/// to run on a worker. Errors are worded for the user (a word that never
/// occurs, a side that is not understood).
pub fn job(
    ask: Ask,
    words: Arc<Words>,
    articles: Arc<Vec<Article>>,
    g: Arc<Gazetteer>,
    within: Vec<usize>,
    narrow: Option<crate::extract::compare::Side>,
) -> impl FnOnce() -> Result<Answer, String> + Send + 'static {
    move || {
        crate::jobs::caught(|| {
            let docs = Docs::of(&articles);
            let (within, part) = match &narrow {
                Some(side) => (
                    within
                        .iter()
                        .copied()
                        .filter(|&i| side.admits_article(&articles[i]))
                        .collect(),
                    Part::of_side(&g, &articles, &within, side),
                ),
                None => (within.clone(), Part::whole(within.iter().copied())),
            };
            Ok(match ask {
                Ask::Words(opt) => {
                    let (rows, t) = count::word_list(&words, &docs, &part, &opt);
                    Answer::Words(rows, t)
                }
                Ask::Ngrams {
                    n,
                    min_freq,
                    min_docs,
                } => {
                    let (rows, tokens, counted) =
                        count::ngrams(&words, &docs, &part, n, min_freq, min_docs);
                    Answer::Ngrams(rows, tokens, counted)
                }
                Ask::Collocates {
                    query,
                    left,
                    right,
                    min_freq,
                } => {
                    let node = count::query_ids(&words, &query)?;
                    Answer::Collocates(count::collocates(
                        &words, &docs, &part, &node, left, right, min_freq,
                    ))
                }
                Ask::Keyness {
                    left,
                    right,
                    min_freq,
                } => {
                    let l = SideSpec::parse(&left).map_err(|e| e.to_string())?;
                    let r = SideSpec::parse(&right).map_err(|e| e.to_string())?;
                    let len_of = |i: usize| words.len_of(&docs.paths[i]);
                    let (lp, rp) = sides(&g, &articles, &within, &l, &r, len_of);
                    if lp.spans.is_empty() || rp.spans.is_empty() {
                        return Err("a side has no article: widen it or the filter".into());
                    }
                    Answer::Keyness(count::keyness(&words, &docs, &lp, &rp, min_freq))
                }
                Ask::Dispersion { query, calendar } => {
                    let mut all = Vec::new();
                    for term in terms(&query) {
                        let node = count::query_ids(&words, &term)?;
                        let d = count::dispersion(&words, &docs, &part, &node, calendar);
                        all.push((term, d));
                    }
                    if all.is_empty() {
                        return Err(format!("«{query}» has no word to count"));
                    }
                    Answer::Dispersion(all)
                }
            })
        })
    }
}

/// [`job`] over the articles `filter` admits (found on the worker too).
pub fn job_on(
    ask: Ask,
    words: Arc<Words>,
    articles: Arc<Vec<Article>>,
    g: Arc<Gazetteer>,
    filter: Filter,
) -> impl FnOnce() -> Result<Answer, String> + Send + 'static {
    move || {
        let within = admitted(&articles, &filter);
        job(ask, words, articles, g, within, None)()
    }
}

/// Keyness's two parts; `rest` is what the other side leaves.
pub fn sides(
    g: &Gazetteer,
    articles: &[Article],
    within: &[usize],
    left: &SideSpec,
    right: &SideSpec,
    len_of: impl Fn(usize) -> usize + Copy,
) -> (Part, Part) {
    if matches!(left, SideSpec::Rest) && !matches!(right, SideSpec::Rest) {
        let r = Part::of_spec(g, articles, within, right, None, len_of);
        let l = Part::of_spec(g, articles, within, left, Some(&r), len_of);
        (l, r)
    } else {
        let l = Part::of_spec(g, articles, within, left, None, len_of);
        let r = Part::of_spec(g, articles, within, right, Some(&l), len_of);
        (l, r)
    }
}

/// Where a node and a collocate stand together, as passages to show in
/// the concordance: (article, the node's bytes, the collocate's bytes).
pub fn pair_passages(
    words: &Words,
    articles: &[Article],
    within: &[usize],
    node: &[u32],
    collocate: u32,
    left: usize,
    right: usize,
) -> Vec<(usize, Range<usize>, Range<usize>)> {
    let docs = Docs::of(articles);
    let part = Part::whole(within.iter().copied());
    let found = count::pair_occurrences(words, &docs, &part, node, collocate, (left, right), 2000);
    let mut ask = Vec::with_capacity(found.len() * 2);
    for (a, n, c) in &found {
        ask.push((*a, n.clone()));
        ask.push((*a, *c..*c + 1));
    }
    let bytes = count::locate(articles, &ask);
    found
        .iter()
        .zip(bytes.chunks(2))
        .map(|((a, _, _), b)| (*a, b[0].clone(), b[1].clone()))
        .collect()
}

/// Every occurrence of a term in some articles, as byte ranges.
pub fn term_passages(
    words: &Words,
    articles: &[Article],
    within: &[usize],
    node: &[u32],
    max: usize,
) -> Vec<(usize, Range<usize>)> {
    let mut hits = Vec::new();
    let mut all = Vec::new();
    for &i in within {
        if !words.ids_into(&articles[i].path, &mut all) {
            continue;
        }
        for k in count::occurrences(&all, node) {
            hits.push((i, k..k + node.len()));
            if hits.len() >= max {
                break;
            }
        }
        if hits.len() >= max {
            break;
        }
    }
    let bytes = count::locate(articles, &hits);
    hits.into_iter().map(|(a, _)| a).zip(bytes).collect()
}

/// The words being read on a worker.
struct Running {
    rx: Receiver<(Words, Option<crate::i18n::Notice>)>,
    done: Arc<AtomicUsize>,
    total: Arc<AtomicUsize>,
    cancel: Arc<AtomicBool>,
    set: (u64, usize),
}

/// The corpus's numbered words for the window: built once the load is
/// done, again (only the changed articles tokenised) when the articles
/// change.
#[derive(Default)]
pub struct WordsState {
    current: Option<(Arc<Words>, (u64, usize))>,
    running: Option<Running>,
    /// Why the stored words were counted again, or could not be stored
    /// (they are counted anyway).
    pub note: Option<crate::i18n::Notice>,
    /// The article set whose reading the user cancelled: not started
    /// again for it until asked ([`Self::resume`]).
    paused: Option<(u64, usize)>,
}

impl WordsState {
    /// The words for the workspace's articles, if ready; starts reading
    /// them when they are not (after the load: a load's articles come in
    /// batches).
    pub fn get(&mut self, ws: &Workspace, wake: impl Fn() + Send + 'static) -> Option<Arc<Words>> {
        self.poll();
        let set = ws.article_set();
        let fresh = self.current.as_ref().is_some_and(|c| c.1 == set);
        if !fresh && self.running.is_none() && !ws.is_loading() && self.paused != Some(set) {
            let dir = ws.folder.as_deref().map(Words::dir);
            let articles = ws.articles.clone();
            let done = Arc::new(AtomicUsize::new(0));
            let total = Arc::new(AtomicUsize::new(0));
            let cancel = Arc::new(AtomicBool::new(false));
            let (tx, rx) = channel();
            let (d, t, c) = (done.clone(), total.clone(), cancel.clone());
            let spawned = std::thread::Builder::new()
                .name("daftar-words".into())
                .spawn(move || {
                    let readings = Reading::all(&articles);
                    drop(articles);
                    let progress = |n: usize, of: usize| {
                        d.store(n, Ordering::Relaxed);
                        t.store(of, Ordering::Relaxed);
                    };
                    let out = match &dir {
                        Some(dir) => Words::open(dir, &readings, &progress, &c),
                        None => {
                            let mut w = Words::default();
                            w.update(&readings, &progress, &c);
                            (w, None)
                        }
                    };
                    let _ = tx.send(out);
                    wake();
                });
            if spawned.is_ok() {
                self.running = Some(Running {
                    rx,
                    done,
                    total,
                    cancel,
                    set,
                });
            }
        }
        self.current
            .as_ref()
            .filter(|c| c.1 == set)
            .map(|c| c.0.clone())
    }

    fn poll(&mut self) {
        let Some(r) = &self.running else { return };
        match r.rx.try_recv() {
            Ok((w, note)) => {
                if !r.cancel.load(Ordering::Relaxed) {
                    self.current = Some((Arc::new(w), r.set));
                }
                self.note = note;
                self.running = None;
            }
            Err(TryRecvError::Disconnected) => {
                self.note = Some(crate::i18n::Notice::new("stats-words-failed"));
                self.running = None;
            }
            Err(TryRecvError::Empty) => {}
        }
    }

    /// Articles tokenised so far and to tokenise, while reading.
    pub fn progress(&self) -> Option<(usize, usize)> {
        self.running.as_ref().map(|r| {
            (
                r.done.load(Ordering::Relaxed),
                r.total.load(Ordering::Relaxed),
            )
        })
    }

    pub fn is_busy(&self) -> bool {
        self.running.is_some()
    }

    /// Stops reading (what was read is kept on disk for next time).
    pub fn cancel(&mut self) {
        if let Some(r) = &self.running {
            r.cancel.store(true, Ordering::Relaxed);
            self.paused = Some(r.set);
        }
    }

    /// Whether the user stopped the reading (the view offers to start it).
    pub fn is_paused(&self) -> bool {
        self.paused.is_some() && self.running.is_none()
    }

    /// Starts again after [`Self::cancel`].
    pub fn resume(&mut self) {
        self.paused = None;
    }
}
