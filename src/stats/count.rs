//! The tables: word list, n-grams, collocates, keywords and the
//! dispersion of a term, each over a [`Part`] of the corpus's numbered
//! words ([`Words`]). Counting runs on all cores (rayon), each thread with
//! its own tallies, summed at the end; nothing here reads a text but
//! [`Dispersion::locate`], which finds its hits' characters.

use std::ops::Range;

use rayon::prelude::*;
use rustc_hash::FxHashMap;

use super::measures;
use super::part::{Part, Span};
use super::words::{BREAK, Words, reading_words};
use crate::corpus::Article;
use crate::dates::{CalendarKind, Day};

/// What the tables need of the corpus's articles (by index): their paths
/// (to find their words) and days — cheap to hand to a worker.
#[derive(Debug, Clone, Default)]
pub struct Docs {
    pub paths: Vec<String>,
    pub days: Vec<Option<Day>>,
}

impl Docs {
    pub fn of(articles: &[Article]) -> Docs {
        Docs {
            paths: articles.iter().map(|a| a.path.clone()).collect(),
            days: articles
                .iter()
                .map(|a| a.date.as_ref().map(|d| d.day))
                .collect(),
        }
    }

    /// The word ids of article `i`, decoded into `buf`.
    fn words<'a>(&self, words: &Words, i: usize, buf: &'a mut Vec<u32>) -> Option<&'a [u32]> {
        let p = self.paths.get(i)?;
        words.ids_into(p, buf).then_some(&buf[..])
    }
}

/// The word ids of a span's article (decoded into `buf`), each range of it.
fn slices<'a>(words: &Words, docs: &Docs, span: &Span, buf: &'a mut Vec<u32>) -> Vec<&'a [u32]> {
    let Some(all) = docs.words(words, span.article, buf) else {
        return Vec::new();
    };
    match &span.words {
        None => vec![all],
        Some(ranges) => ranges
            .iter()
            .filter_map(|r| all.get(r.start.min(all.len())..r.end.min(all.len())))
            .collect(),
    }
}

/// Words of a part, and per word how often and in how many articles.
pub struct Tally {
    pub freq: Vec<u64>,
    pub docs: Vec<u32>,
    /// Words (breaks aside) in the part.
    pub tokens: u64,
    /// Articles with at least one word.
    pub articles: usize,
}

/// Counts every word of `part`.
pub fn tally(words: &Words, docs: &Docs, part: &Part) -> Tally {
    let v = words.vocabulary();
    let chunk = (part.spans.len() / (4 * rayon::current_num_threads().max(1))).max(256);
    let (freq, df, tokens, n) = part
        .spans
        .par_chunks(chunk)
        .map(|spans| {
            let mut buf = Vec::new();
            let mut freq = vec![0u64; v];
            let mut df = vec![0u32; v];
            let mut last = vec![u32::MAX; v];
            let mut tokens = 0u64;
            let mut n = 0usize;
            for (k, span) in spans.iter().enumerate() {
                let mut any = false;
                for s in slices(words, docs, span, &mut buf) {
                    for &t in s {
                        if t == BREAK {
                            continue;
                        }
                        let t = t as usize;
                        freq[t] += 1;
                        if last[t] != k as u32 {
                            last[t] = k as u32;
                            df[t] += 1;
                        }
                        tokens += 1;
                        any = true;
                    }
                }
                n += any as usize;
            }
            (freq, df, tokens, n)
        })
        .reduce(
            || (vec![0u64; v], vec![0u32; v], 0, 0),
            |mut a, b| {
                a.0.iter_mut().zip(&b.0).for_each(|(x, y)| *x += y);
                a.1.iter_mut().zip(&b.1).for_each(|(x, y)| *x += y);
                (a.0, a.1, a.2 + b.2, a.3 + b.3)
            },
        );
    Tally {
        freq,
        docs: df,
        tokens,
        articles: n,
    }
}

/// Gries' DP of every word across the part's articles (each article a
/// part of the corpus, its share its words' share).
fn dispersions(words: &Words, docs: &Docs, part: &Part, t: &Tally) -> Vec<f64> {
    let v = words.vocabulary();
    let total = t.tokens.max(1) as f64;
    let chunk = (part.spans.len() / (4 * rayon::current_num_threads().max(1))).max(256);
    let (dev, share) = part
        .spans
        .par_chunks(chunk)
        .map(|spans| {
            let mut buf = Vec::new();
            let mut dev = vec![0f64; v];
            let mut share = vec![0f64; v];
            let mut here = vec![0u32; v];
            let mut touched: Vec<u32> = Vec::new();
            for span in spans {
                let mut size = 0u64;
                for s in slices(words, docs, span, &mut buf) {
                    for &w in s {
                        if w == BREAK {
                            continue;
                        }
                        if here[w as usize] == 0 {
                            touched.push(w);
                        }
                        here[w as usize] += 1;
                        size += 1;
                    }
                }
                let s = size as f64 / total;
                for &w in &touched {
                    let w = w as usize;
                    let f = t.freq[w] as f64;
                    dev[w] += (here[w] as f64 / f - s).abs();
                    share[w] += s;
                    here[w] = 0;
                }
                touched.clear();
            }
            (dev, share)
        })
        .reduce(
            || (vec![0f64; v], vec![0f64; v]),
            |mut a, b| {
                a.0.iter_mut().zip(&b.0).for_each(|(x, y)| *x += y);
                a.1.iter_mut().zip(&b.1).for_each(|(x, y)| *x += y);
                a
            },
        );
    // Articles without the word add their whole share: 1 − Σ shares seen.
    dev.iter()
        .zip(&share)
        .map(|(d, s)| (0.5 * (d + (1.0 - s).max(0.0))).clamp(0.0, 1.0))
        .collect()
}

/// A row of the word list.
#[derive(Debug, Clone, PartialEq)]
pub struct WordRow {
    pub id: u32,
    pub freq: u64,
    pub docs: u32,
    pub per_million: f64,
    /// Gries' DP: 0 spread as the articles' sizes, 1 all in one.
    pub dispersion: f64,
}

/// What the word list leaves out.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct WordOptions {
    /// Leave out the stop words ([`super::stopwords`]).
    pub no_stop_words: bool,
    /// Only keys containing this (a search key), if any.
    pub containing: Option<String>,
    pub min_freq: u64,
}

/// The word list, most frequent first (then by key).
pub fn word_list(
    words: &Words,
    docs: &Docs,
    part: &Part,
    opt: &WordOptions,
) -> (Vec<WordRow>, Tally) {
    let t = tally(words, docs, part);
    let dp = dispersions(words, docs, part, &t);
    let per = 1e6 / t.tokens.max(1) as f64;
    let stop = super::stopwords::keys();
    let mut rows: Vec<WordRow> = (0..words.vocabulary())
        .filter(|&i| t.freq[i] > 0 && t.freq[i] >= opt.min_freq)
        .filter(|&i| !opt.no_stop_words || !stop.contains(words.key(i as u32)))
        .filter(|&i| {
            opt.containing
                .as_ref()
                .is_none_or(|c| words.key(i as u32).contains(c.as_str()))
        })
        .map(|i| WordRow {
            id: i as u32,
            freq: t.freq[i],
            docs: t.docs[i],
            per_million: t.freq[i] as f64 * per,
            dispersion: dp[i],
        })
        .collect();
    rows.sort_by(|a, b| {
        b.freq
            .cmp(&a.freq)
            .then_with(|| words.key(a.id).cmp(words.key(b.id)))
    });
    (rows, t)
}

/// A row of the n-gram list.
#[derive(Debug, Clone, PartialEq)]
pub struct Ngram {
    pub ids: Vec<u32>,
    pub freq: u64,
    pub docs: u32,
}

/// n-grams of `n` words (2–5) within paragraphs, at least `min_freq`
/// times and in `min_docs` articles, most frequent first; with the words
/// and the articles (those with words) counted.
pub fn ngrams(
    words: &Words,
    docs: &Docs,
    part: &Part,
    n: usize,
    min_freq: u64,
    min_docs: u32,
) -> (Vec<Ngram>, u64, usize) {
    let n = n.clamp(1, 5);
    type Key = [u32; 5];
    let chunk = (part.spans.len() / (4 * rayon::current_num_threads().max(1))).max(256);
    let (map, tokens, articles) = part
        .spans
        .par_chunks(chunk)
        .map(|spans| {
            let mut buf = Vec::new();
            let mut map: FxHashMap<Key, (u64, u32, u32)> = FxHashMap::default();
            let mut tokens = 0u64;
            let mut articles = 0usize;
            for (k, span) in spans.iter().enumerate() {
                let before = tokens;
                for s in slices(words, docs, span, &mut buf) {
                    tokens += s.iter().filter(|&&t| t != BREAK).count() as u64;
                    for w in s.windows(n) {
                        if w.contains(&BREAK) {
                            continue;
                        }
                        let mut key = [BREAK; 5];
                        key[..n].copy_from_slice(w);
                        let e = map.entry(key).or_insert((0, 0, u32::MAX));
                        e.0 += 1;
                        if e.2 != k as u32 {
                            e.2 = k as u32;
                            e.1 += 1;
                        }
                    }
                }
                articles += (tokens > before) as usize;
            }
            (map, tokens, articles)
        })
        .reduce(
            || (FxHashMap::default(), 0, 0),
            |(a, ta, na), (b, tb, nb)| {
                let (mut big, small) = if a.len() >= b.len() { (a, b) } else { (b, a) };
                for (k, (f, d, _)) in small {
                    let e = big.entry(k).or_insert((0, 0, 0));
                    e.0 += f;
                    e.1 += d;
                }
                (big, ta + tb, na + nb)
            },
        );
    let mut rows: Vec<Ngram> = map
        .into_iter()
        .filter(|(_, (f, d, _))| *f >= min_freq && *d >= min_docs)
        .map(|(k, (freq, docs, _))| Ngram {
            ids: k[..n].to_vec(),
            freq,
            docs,
        })
        .collect();
    rows.sort_by(|a, b| {
        b.freq.cmp(&a.freq).then_with(|| {
            let ka: Vec<&str> = a.ids.iter().map(|&i| words.key(i)).collect();
            let kb: Vec<&str> = b.ids.iter().map(|&i| words.key(i)).collect();
            ka.cmp(&kb)
        })
    });
    (rows, tokens, articles)
}

/// A query as word ids: `None` when a word of it never occurs.
pub fn query_ids(words: &Words, query: &str) -> Result<Vec<u32>, String> {
    let keys: Vec<String> = crate::text::tokenize::tokenize(query)
        .into_iter()
        .map(|t| t.key)
        .collect();
    if keys.is_empty() {
        return Err(format!("«{query}» has no word to count"));
    }
    keys.iter()
        .map(|k| {
            words
                .id(k)
                .ok_or_else(|| format!("«{k}» does not occur in the corpus"))
        })
        .collect()
}

/// Where `node` occurs in `s`: the start of each occurrence (none for an
/// empty node).
pub fn occurrences<'a>(s: &'a [u32], node: &'a [u32]) -> impl Iterator<Item = usize> + 'a {
    let len = if node.is_empty() {
        s.len() + 1
    } else {
        node.len()
    };
    (0..(s.len() + 1).saturating_sub(len))
        .filter(move |&i| s[i] == node[0] && s[i..i + len] == *node)
}

/// A collocate of a node.
#[derive(Debug, Clone, PartialEq)]
pub struct Collocate {
    pub id: u32,
    /// Times within the window of the node.
    pub freq: u64,
    /// Its frequency in the part.
    pub total: u64,
    pub log_dice: f64,
    pub mi: f64,
    pub t: f64,
    pub ll: f64,
}

/// Collocates' table and the node's own count.
pub struct Collocation {
    pub rows: Vec<Collocate>,
    pub node_freq: u64,
    pub tokens: u64,
    pub articles: usize,
}

/// The words within `left` words before and `right` after each
/// occurrence of `node` (a word or a phrase), in its paragraph; those seen
/// at least `min_freq` times, best log-Dice first.
pub fn collocates(
    words: &Words,
    docs: &Docs,
    part: &Part,
    node: &[u32],
    left: usize,
    right: usize,
    min_freq: u64,
) -> Collocation {
    let t = tally(words, docs, part);
    let v = words.vocabulary();
    let chunk = (part.spans.len() / (4 * rayon::current_num_threads().max(1))).max(256);
    let (near, node_freq) = part
        .spans
        .par_chunks(chunk)
        .map(|spans| {
            let mut buf = Vec::new();
            let mut near = vec![0u64; v];
            let mut nodes = 0u64;
            for span in spans {
                for s in slices(words, docs, span, &mut buf) {
                    for i in occurrences(s, node) {
                        nodes += 1;
                        for &w in s[i.saturating_sub(left)..i]
                            .iter()
                            .rev()
                            .take_while(|&&w| w != BREAK)
                        {
                            near[w as usize] += 1;
                        }
                        let after = i + node.len();
                        for &w in s[after..after.saturating_add(right).min(s.len())]
                            .iter()
                            .take_while(|&&w| w != BREAK)
                        {
                            near[w as usize] += 1;
                        }
                    }
                }
            }
            (near, nodes)
        })
        .reduce(
            || (vec![0u64; v], 0),
            |mut a, b| {
                a.0.iter_mut().zip(&b.0).for_each(|(x, y)| *x += y);
                (a.0, a.1 + b.1)
            },
        );
    let n = t.tokens as f64;
    let fx = node_freq as f64;
    let mut rows: Vec<Collocate> = near
        .iter()
        .enumerate()
        .filter(|&(_, &f)| f > 0 && f >= min_freq)
        .map(|(i, &f)| {
            let fy = t.freq[i] as f64;
            let fxy = f as f64;
            Collocate {
                id: i as u32,
                freq: f,
                total: t.freq[i],
                log_dice: measures::log_dice(fxy, fx, fy),
                mi: measures::mi(fxy, fx, fy, n),
                t: measures::t_score(fxy, fx, fy, n),
                ll: measures::association_ll(fxy, fx, fy, n),
            }
        })
        .collect();
    rows.sort_by(|a, b| {
        b.log_dice
            .total_cmp(&a.log_dice)
            .then(b.freq.cmp(&a.freq))
            .then(a.id.cmp(&b.id))
    });
    Collocation {
        rows,
        node_freq,
        tokens: t.tokens,
        articles: t.articles,
    }
}

/// Where a node and a collocate stand together: (article, the node's word
/// range, the collocate's word index) — the concordance of a pair.
pub fn pair_occurrences(
    words: &Words,
    docs: &Docs,
    part: &Part,
    node: &[u32],
    collocate: u32,
    (left, right): (usize, usize),
    max: usize,
) -> Vec<(usize, Range<usize>, usize)> {
    let mut out = Vec::new();
    let mut buf = Vec::new();
    for span in &part.spans {
        let Some(all) = docs.words(words, span.article, &mut buf) else {
            continue;
        };
        let ranges = span
            .words
            .clone()
            .unwrap_or_else(|| std::iter::once(0..all.len()).collect());
        for r in ranges {
            let s = &all[r.start.min(all.len())..r.end.min(all.len())];
            for i in occurrences(s, node) {
                let before = (i.saturating_sub(left)..i)
                    .rev()
                    .take_while(|&k| s[k] != BREAK);
                let after_start = i + node.len();
                let after = (after_start..after_start.saturating_add(right).min(s.len()))
                    .take_while(|&k| s[k] != BREAK);
                if let Some(k) = before.chain(after).find(|&k| s[k] == collocate) {
                    out.push((
                        span.article,
                        r.start + i..r.start + i + node.len(),
                        r.start + k,
                    ));
                    if out.len() >= max {
                        return out;
                    }
                }
            }
        }
    }
    out
}

/// A keyword of one side against the other.
#[derive(Debug, Clone, PartialEq)]
pub struct Keyword {
    pub id: u32,
    pub left_freq: u64,
    pub right_freq: u64,
    pub ll: f64,
    /// Positive: more frequent (relatively) on the left; negative: on
    /// the right (with Hardie's 0.5 for a side without it: the effect
    /// size only).
    pub log_ratio: f64,
    /// Whether it is the left side's keyword: relatively more frequent
    /// there, as observed (a word absent from a small left side is the
    /// large right side's, whatever the 0.5 makes of its ratio).
    pub left: bool,
}

/// The two sides' sizes and their keywords: the left's by
/// log-likelihood, then the right's; a word must occur `min_freq` times
/// on both sides together.
pub struct Keyness {
    pub rows: Vec<Keyword>,
    pub left: Tally,
    pub right: Tally,
    /// Articles with words on either side (once each: a speaker's words
    /// and the rest of the same article are one article).
    pub articles: usize,
}

pub fn keyness(words: &Words, docs: &Docs, left: &Part, right: &Part, min_freq: u64) -> Keyness {
    let (l, r) = rayon::join(|| tally(words, docs, left), || tally(words, docs, right));
    let (c, d) = (l.tokens as f64, r.tokens as f64);
    let mut rows: Vec<Keyword> = (0..words.vocabulary())
        .filter(|&i| l.freq[i] + r.freq[i] >= min_freq.max(1))
        .map(|i| {
            let (a, b) = (l.freq[i] as f64, r.freq[i] as f64);
            Keyword {
                id: i as u32,
                left_freq: l.freq[i],
                right_freq: r.freq[i],
                ll: measures::keyness_ll(a, b, c, d),
                log_ratio: measures::log_ratio(a, b, c, d),
                left: a * d > b * c,
            }
        })
        .collect();
    rows.sort_by(|a, b| {
        b.left
            .cmp(&a.left)
            .then(b.ll.total_cmp(&a.ll))
            .then(a.id.cmp(&b.id))
    });
    let mut seen: Vec<usize> = left
        .spans
        .iter()
        .chain(&right.spans)
        .map(|s| s.article)
        .collect();
    seen.sort_unstable();
    seen.dedup();
    Keyness {
        rows,
        left: l,
        right: r,
        articles: seen.len(),
    }
}

/// A hit of a term: its article and word range there.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit {
    pub article: usize,
    pub words: Range<usize>,
}

/// A period's count of a term.
#[derive(Debug, Clone, PartialEq)]
pub struct Period {
    /// Its first day.
    pub start: Day,
    pub freq: u64,
    /// Words of the part dated in the period.
    pub tokens: u64,
    pub per_million: f64,
}

/// Where a term occurs, article by article in date order (undated last),
/// and its relative frequency month by month.
pub struct Dispersion {
    pub hits: Vec<Hit>,
    pub periods: Vec<Period>,
    /// The part's articles in date order (the plot's x axis).
    pub order: Vec<usize>,
    pub tokens: u64,
    pub dp: f64,
}

pub fn dispersion(
    words: &Words,
    docs: &Docs,
    part: &Part,
    node: &[u32],
    calendar: CalendarKind,
) -> Dispersion {
    let day = |i: usize| docs.days.get(i).copied().flatten();
    let mut spans: Vec<&Span> = part.spans.iter().collect();
    spans.sort_by_key(|s| (day(s.article).is_none(), day(s.article), s.article));
    // Per article: its hits and words.
    let per: Vec<(Vec<Hit>, u64)> = spans
        .par_iter()
        .map_init(Vec::new, |buf, span| {
            let Some(all) = docs.words(words, span.article, buf) else {
                return (Vec::new(), 0);
            };
            let ranges = span
                .words
                .clone()
                .unwrap_or_else(|| std::iter::once(0..all.len()).collect());
            let mut hits = Vec::new();
            let mut size = 0;
            for r in ranges {
                let s = &all[r.start.min(all.len())..r.end.min(all.len())];
                size += s.iter().filter(|&&t| t != BREAK).count() as u64;
                hits.extend(occurrences(s, node).map(|i| Hit {
                    article: span.article,
                    words: r.start + i..r.start + i + node.len(),
                }));
            }
            (hits, size)
        })
        .collect();
    let tokens: u64 = per.iter().map(|p| p.1).sum();
    let f: f64 = per.iter().map(|p| p.0.len() as f64).sum();
    let dp = if f > 0.0 {
        let total = tokens.max(1) as f64;
        0.5 * per
            .iter()
            .map(|(h, n)| (h.len() as f64 / f - *n as f64 / total).abs())
            .sum::<f64>()
    } else {
        1.0
    };
    let mut periods: Vec<Period> = Vec::new();
    for (span, (hits, size)) in spans.iter().zip(&per) {
        let Some(d) = day(span.article) else { continue };
        let start = crate::timeline::bucket_start(d, crate::timeline::BucketSize::Month, calendar);
        match periods.last_mut() {
            Some(p) if p.start == start => {
                p.freq += hits.len() as u64;
                p.tokens += size;
            }
            _ => periods.push(Period {
                start,
                freq: hits.len() as u64,
                tokens: *size,
                per_million: 0.0,
            }),
        }
    }
    for p in &mut periods {
        p.per_million = p.freq as f64 * 1e6 / p.tokens.max(1) as f64;
    }
    // Months without an article are on the calendar too (a gap is news).
    let mut filled: Vec<Period> = Vec::with_capacity(periods.len());
    for p in periods {
        while let Some(last) = filled.last() {
            let next = crate::timeline::next_bucket(
                last.start,
                crate::timeline::BucketSize::Month,
                calendar,
            );
            if next >= p.start {
                break;
            }
            filled.push(Period {
                start: next,
                freq: 0,
                tokens: 0,
                per_million: 0.0,
            });
        }
        filled.push(p);
    }
    let periods = filled;
    Dispersion {
        order: spans.iter().map(|s| s.article).collect(),
        hits: per.into_iter().flat_map(|p| p.0).collect(),
        periods,
        tokens,
        dp,
    }
}

/// The byte ranges in `a`'s text of word ranges of its ids (`None`: a
/// range that does not start and end on a word).
pub fn locate_in(a: &Article, ranges: &[Range<usize>]) -> Vec<Option<Range<usize>>> {
    let text = a.text();
    let words: Vec<Option<Range<usize>>> = reading_words(a, &text)
        .into_iter()
        .map(|x| x.map(|(r, _)| r))
        .collect();
    ranges
        .iter()
        .map(|w| {
            let start = words.get(w.start).cloned().flatten()?;
            let end = words.get(w.end.checked_sub(1)?).cloned().flatten()?;
            Some(start.start..end.end)
        })
        .collect()
}

/// The byte ranges in their articles' texts of word ranges (`hits`, in
/// article order: each article is tokenised once; `0..0` for a range
/// that is not on words).
pub fn locate(articles: &[Article], hits: &[(usize, Range<usize>)]) -> Vec<Range<usize>> {
    let mut out = Vec::with_capacity(hits.len());
    for group in hits.chunk_by(|x, y| x.0 == y.0) {
        let Some(a) = articles.get(group[0].0) else {
            out.extend(group.iter().map(|_| 0..0));
            continue;
        };
        let ranges: Vec<Range<usize>> = group.iter().map(|h| h.1.clone()).collect();
        out.extend(locate_in(a, &ranges).into_iter().map(|r| r.unwrap_or(0..0)));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn corpus(texts: &[&str]) -> (Words, Docs, Vec<Article>) {
        let articles: Vec<Article> = texts
            .iter()
            .enumerate()
            .map(|(i, t)| Article::from_text(&format!("{i}.txt"), t))
            .collect();
        (Words::of_articles(&articles), Docs::of(&articles), articles)
    }

    #[test]
    fn word_list_counts_every_spelling_once_with_its_range_and_dp() {
        let (w, d, _) = corpus(&["گفت‌وگو و گفتوگو ادامه دارد", "گفتگو تمام شد و ادامه ندارد"]);
        let (rows, t) = word_list(&w, &d, &Part::whole(0..2), &WordOptions::default());
        assert_eq!(t.tokens, 11);
        let row = |k: &str| rows.iter().find(|r| w.key(r.id) == k).unwrap().clone();
        assert_eq!(row("گفتوگو").freq, 2, "ZWNJ or not: one word");
        assert_eq!(row("گفتوگو").docs, 1);
        assert_eq!(row("و").freq, 2);
        assert_eq!(row("و").docs, 2);
        // «ادامه» once in each: its shares (1/2, 1/2) against sizes (5/11,
        // 6/11): DP = ½(|0.5−5/11| + |0.5−6/11|) = 1/22.
        assert!((row("ادامه").dispersion - 1.0 / 22.0).abs() < 1e-12);
        // «تمام» only in the second: DP = ½(5/11 + |1 − 6/11|) = 5/11.
        assert!((row("تمام").dispersion - 5.0 / 11.0).abs() < 1e-12);
        assert_eq!(rows[0].freq, 2);
        let stop = word_list(
            &w,
            &d,
            &Part::whole(0..2),
            &WordOptions {
                no_stop_words: true,
                ..Default::default()
            },
        )
        .0;
        assert!(stop.iter().all(|r| w.key(r.id) != "و"));
    }

    #[test]
    fn ngrams_stop_at_paragraphs() {
        let (w, d, _) = corpus(&["الف ب ج\nد الف ب", "الف ب", ""]);
        let (rows, tokens, articles) = ngrams(&w, &d, &Part::whole(0..3), 2, 1, 1);
        assert_eq!((tokens, articles), (8, 2), "the empty article has no words");
        let find = |x: &str, y: &str| {
            rows.iter()
                .find(|r| w.key(r.ids[0]) == x && w.key(r.ids[1]) == y)
                .map(|r| (r.freq, r.docs))
        };
        assert_eq!(find("الف", "ب"), Some((3, 2)));
        assert_eq!(find("ج", "د"), None, "no bigram across a line break");
    }

    #[test]
    fn collocates_in_the_window_and_the_pairs_concordance() {
        let (w, d, a) = corpus(&["وزیر امور خارجه گفت", "وزیر گفت\nخارجه", "امور جاری"]);
        let node = query_ids(&w, "وزیر").unwrap();
        let c = collocates(&w, &d, &Part::whole(0..3), &node, 2, 2, 1);
        assert_eq!(c.node_freq, 2);
        let freq = |k: &str| c.rows.iter().find(|r| w.key(r.id) == k).map(|r| r.freq);
        assert_eq!(freq("امور"), Some(1));
        assert_eq!(
            freq("خارجه"),
            Some(1),
            "the second «خارجه» is past a line break"
        );
        assert_eq!(
            freq("گفت"),
            Some(1),
            "«گفت» is three words after the first «وزیر»: outside ±2"
        );
        let pairs = pair_occurrences(
            &w,
            &d,
            &Part::whole(0..3),
            &node,
            w.id("گفت").unwrap(),
            (2, 2),
            10,
        );
        assert_eq!(pairs, vec![(1, 0..1, 1)]);
        let r = locate(&a, &[(1, 0..1)]);
        assert_eq!(&a[1].text()[r[0].clone()], "وزیر");
        assert!(query_ids(&w, "ناموجود").is_err());
    }

    #[test]
    fn keyness_sides_and_signs() {
        let (w, d, _) = corpus(&["تحریم تحریم تحریم نفت", "صادرات نفت", "صادرات صادرات گندم"]);
        let k = keyness(&w, &d, &Part::whole([0]), &Part::whole([1, 2]), 1);
        assert!(k.rows[0].log_ratio > 0.0);
        assert_eq!(w.key(k.rows[0].id), "تحریم");
        let last_left = k.rows.iter().rposition(|r| r.log_ratio > 0.0).unwrap();
        assert!(k.rows[last_left + 1..].iter().all(|r| r.log_ratio <= 0.0));
        assert_eq!(k.left.tokens, 4);
        assert_eq!(k.right.tokens, 5);
        assert!(k.rows.iter().all(|r| r.left == (r.log_ratio > 0.0)));
        // A small left side: a word absent there is the right side's,
        // though Hardie's 0.5 gives it a positive ratio.
        let right = format!("ج {}", "د ".repeat(29));
        let (w, d, _) = corpus(&["الف ب", &right]);
        let k = keyness(&w, &d, &Part::whole([0]), &Part::whole([1]), 1);
        let j = k.rows.iter().find(|r| w.key(r.id) == "ج").unwrap();
        assert!(j.log_ratio > 0.0 && !j.left, "{j:?}");
        assert!(
            k.rows.iter().position(|r| !r.left).unwrap()
                <= k.rows.iter().position(|r| r.id == j.id).unwrap()
        );
    }

    #[test]
    fn dispersion_orders_by_date_and_counts_per_month() {
        use crate::dates::{ArticleDate, Provenance};
        let (w, _, mut a) = corpus(&["نفت و نفت", "گاز", "نفت"]);
        // 1403-02-01, 1403-01-05 and 1403-01-09 (Jalali).
        for (i, day) in [(0, "2024-04-20"), (1, "2024-03-24"), (2, "2024-03-28")] {
            a[i].date = Some(ArticleDate::on(day, Provenance::Header));
        }
        let d = Docs::of(&a);
        let node = query_ids(&w, "نفت").unwrap();
        let d = dispersion(&w, &d, &Part::whole(0..3), &node, CalendarKind::Jalali);
        assert_eq!(d.order, [1, 2, 0]);
        assert_eq!(d.hits.len(), 3);
        assert_eq!(d.periods.len(), 2, "Farvardin and Ordibehesht");
        assert_eq!((d.periods[0].freq, d.periods[0].tokens), (1, 2));
        assert_eq!((d.periods[1].freq, d.periods[1].tokens), (2, 3));
        assert!((d.periods[1].per_million - 2e6 / 3.0).abs() < 1e-6);
    }
}
