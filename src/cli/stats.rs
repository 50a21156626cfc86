//! `daftar stats FOLDER words|ngrams|collocates|keyness|dispersion …`:
//! the Statistics view's tables, one JSON object per line (a contract:
//! the field names are issue 20's), ending with a summary of the words
//! and articles counted and the milliseconds the counting took. The
//! formulas are [`crate::stats::measures`]'s.

use std::io::Write;
use std::path::Path;
use std::time::Instant;

use serde_json::json;

use crate::corpus::Article;
use crate::dates::CalendarKind;
use crate::extract::compare::Side;
use crate::stats::Words;
use crate::stats::count::{self, WordOptions};
use crate::stats::part::{Part, SideSpec};

/// Which table, with its own settings.
#[derive(Debug, Clone)]
pub enum Table {
    Words {
        no_stop_words: bool,
        min_freq: u64,
    },
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
        /// Also save the plot here as PNG, and as SVG.
        png: Option<std::path::PathBuf>,
        svg: Option<std::path::PathBuf>,
    },
}

/// What every table shares: the articles counted and how rows print.
#[derive(Debug, Clone, Default)]
pub struct Scope<'a> {
    /// Only articles matching this search.
    pub query: Option<&'a str>,
    /// Only this side (SPEC as for `compare`).
    pub within: Option<&'a str>,
    /// At most this many rows (all by default with --json, 50 without).
    pub limit: Option<usize>,
    pub calendar: Option<CalendarKind>,
    pub json: bool,
}

/// Rounded for printing (a contract of numbers, not of float noise).
fn r(x: f64) -> f64 {
    if x.is_finite() {
        (x * 1e4).round() / 1e4
    } else {
        0.0
    }
}

pub fn run(folder: &Path, table: &Table, scope: &Scope, out: &mut dyn Write) -> anyhow::Result<()> {
    let within_side = match scope.within {
        Some(s) => Some(Side::parse(s).map_err(|e| anyhow::anyhow!("--in: {e}"))?),
        None => None,
    };
    let sides = match table {
        Table::Keyness { left, right, .. } => Some((
            SideSpec::parse(left).map_err(|e| anyhow::anyhow!("--left: {e}"))?,
            SideSpec::parse(right).map_err(|e| anyhow::anyhow!("--right: {e}"))?,
        )),
        _ => None,
    };
    let (g, articles) = super::load_analysed(folder)?;
    let matching: Option<std::collections::HashSet<String>> = match scope.query {
        Some(q) => Some(
            super::search::search_all(folder, q)?
                .hits
                .into_iter()
                .map(|h| h.path)
                .collect(),
        ),
        None => None,
    };
    let cancel = std::sync::atomic::AtomicBool::new(false);
    let readings = crate::stats::words::Reading::all(&articles);
    let (words, note) = Words::open(&Words::dir(folder), &readings, &|_, _| {}, &cancel);
    drop(readings);
    let docs = crate::stats::count::Docs::of(&articles);
    if let Some(n) = note {
        eprintln!("daftar: {n}");
    }
    // Timed from here: loading and tokenising are the session's.
    let started = Instant::now();
    let within: Vec<usize> = (0..articles.len())
        .filter(|&i| {
            matching
                .as_ref()
                .is_none_or(|m| m.contains(&articles[i].path))
        })
        .collect();
    let part = match &within_side {
        Some(side) => Part::of_side(&g, &articles, &within, side),
        None => Part::whole(within.iter().copied()),
    };
    let limit = scope
        .limit
        .unwrap_or(if scope.json { usize::MAX } else { 50 });
    let calendar = scope.calendar.unwrap_or(CalendarKind::Jalali);
    let mut line = |v: serde_json::Value, text: String| -> std::io::Result<()> {
        if scope.json {
            writeln!(out, "{v}")
        } else {
            writeln!(out, "{text}")
        }
    };
    let (tokens, counted) = match table {
        Table::Words {
            no_stop_words,
            min_freq,
        } => {
            let opt = WordOptions {
                no_stop_words: *no_stop_words,
                min_freq: *min_freq,
                containing: None,
            };
            let (rows, t) = count::word_list(&words, &docs, &part, &opt);
            for w in rows.iter().take(limit) {
                line(
                    json!({"kind": "word", "key": words.key(w.id), "form": words.form(w.id),
                        "freq": w.freq, "docs": w.docs, "per_million": r(w.per_million),
                        "dispersion": r(w.dispersion)}),
                    format!(
                        "{:>9} {:>7} {:>10.1} {:>6.3}  {}",
                        w.freq,
                        w.docs,
                        w.per_million,
                        w.dispersion,
                        words.form(w.id)
                    ),
                )?;
            }
            (t.tokens, t.articles)
        }
        Table::Ngrams {
            n,
            min_freq,
            min_docs,
        } => {
            anyhow::ensure!((2..=5).contains(n), "--n: n-grams are of 2 to 5 words");
            let (rows, tokens) = count::ngrams(&words, &docs, &part, *n, *min_freq, *min_docs);
            for g in rows.iter().take(limit) {
                let key: Vec<&str> = g.ids.iter().map(|&i| words.key(i)).collect();
                let form: Vec<&str> = g.ids.iter().map(|&i| words.form(i)).collect();
                line(
                    json!({"kind": "ngram", "key": key.join(" "), "form": form.join(" "),
                        "freq": g.freq, "docs": g.docs}),
                    format!("{:>9} {:>7}  {}", g.freq, g.docs, form.join(" ")),
                )?;
            }
            (tokens, part.articles())
        }
        Table::Collocates {
            query,
            left,
            right,
            min_freq,
        } => {
            let node = count::query_ids(&words, query).map_err(anyhow::Error::msg)?;
            let c = count::collocates(&words, &docs, &part, &node, *left, *right, *min_freq);
            if c.node_freq == 0 {
                eprintln!("daftar: «{query}» does not occur in the articles counted");
            }
            for x in c.rows.iter().take(limit) {
                line(
                    json!({"kind": "collocate", "key": words.key(x.id), "form": words.form(x.id),
                        "freq": x.freq, "log_dice": r(x.log_dice), "mi": r(x.mi), "t": r(x.t), "ll": r(x.ll)}),
                    format!(
                        "{:>7} {:>7.2} {:>7.2} {:>7.2} {:>9.2}  {}",
                        x.freq,
                        x.log_dice,
                        x.mi,
                        x.t,
                        x.ll,
                        words.form(x.id)
                    ),
                )?;
            }
            (c.tokens, c.articles)
        }
        Table::Keyness { min_freq, .. } => {
            let Some((ls, rs)) = &sides else {
                unreachable!("sides parsed above")
            };
            let len_of = |i: usize| words.of(&articles[i].path).map_or(0, <[u32]>::len);
            let (left, right) =
                key_parts(&g, &articles, &within, ls, rs, within_side.as_ref(), len_of);
            anyhow::ensure!(!left.spans.is_empty(), "--left: no article is on this side");
            anyhow::ensure!(
                !right.spans.is_empty(),
                "--right: no article is on this side"
            );
            let k = count::keyness(&words, &docs, &left, &right, *min_freq);
            let positive = k.rows.iter().filter(|x| x.log_ratio > 0.0).take(limit);
            let negative = k.rows.iter().filter(|x| x.log_ratio <= 0.0).take(limit);
            for x in positive.chain(negative) {
                line(
                    json!({"kind": "keyword", "key": words.key(x.id), "form": words.form(x.id),
                        "left_freq": x.left_freq, "right_freq": x.right_freq,
                        "ll": r(x.ll), "log_ratio": r(x.log_ratio)}),
                    format!(
                        "{:>7} {:>7} {:>9.2} {:>6.2}  {}",
                        x.left_freq,
                        x.right_freq,
                        x.ll,
                        x.log_ratio,
                        words.form(x.id)
                    ),
                )?;
            }
            (
                k.left.tokens + k.right.tokens,
                k.left.articles + k.right.articles,
            )
        }
        Table::Dispersion { query, png, svg } => {
            let node = count::query_ids(&words, query).map_err(anyhow::Error::msg)?;
            let d = count::dispersion(&words, &docs, &part, &node, calendar);
            let located = count::locate(
                &articles,
                &d.hits
                    .iter()
                    .map(|h| (h.article, h.words.clone()))
                    .collect::<Vec<_>>(),
            );
            let mut hits = Vec::with_capacity(d.hits.len());
            let mut index: Option<(usize, crate::text::CharIndex)> = None;
            for (h, range) in d.hits.iter().zip(&located) {
                let a: &Article = &articles[h.article];
                if index.as_ref().is_none_or(|x| x.0 != h.article) {
                    index = Some((h.article, crate::text::CharIndex::new(&a.text())));
                }
                let Some((_, idx)) = &index else { continue };
                hits.push(json!({
                    "path": a.path,
                    "date": a.date.as_ref().map(|x| x.day.in_calendar(calendar).to_string()),
                    "start": idx.char_of_byte(range.start),
                    "end": idx.char_of_byte(range.end),
                }));
            }
            let month = |p: &count::Period| {
                let y = p.start.in_calendar(calendar);
                format!("{:04}-{:02}", y.year, y.month)
            };
            let per_period: Vec<serde_json::Value> = d
                .periods
                .iter()
                .map(|p| json!({"period": month(p), "freq": p.freq, "per_million": r(p.per_million)}))
                .collect();
            let key: Vec<&str> = node.iter().map(|&i| words.key(i)).collect();
            let mut text = format!(
                "{} hits in {} articles, DP {:.3}\n",
                d.hits.len(),
                d.order.len(),
                d.dp
            );
            for p in &d.periods {
                text.push_str(&format!(
                    "{}  {:>6} {:>10.1}\n",
                    month(p),
                    p.freq,
                    p.per_million
                ));
            }
            line(
                json!({"kind": "dispersion", "key": key.join(" "), "hits": hits, "per_period": per_period}),
                text.trim_end().to_string(),
            )?;
            let plot = crate::stats::chart::DispersionPlot::of(&d, query, calendar);
            if let Some(p) = png {
                let bytes = plot.png(2.0).map_err(anyhow::Error::msg)?;
                crate::disk::write_atomic(p, &bytes)
                    .map_err(|e| anyhow::anyhow!("{}: {e}", p.display()))?;
            }
            if let Some(p) = svg {
                let text = plot.svg().map_err(anyhow::Error::msg)?;
                crate::disk::write_atomic(p, text.as_bytes())
                    .map_err(|e| anyhow::anyhow!("{}: {e}", p.display()))?;
            }
            (d.tokens, d.order.len())
        }
    };
    let ms = started.elapsed().as_secs_f64() * 1000.0;
    line(
        json!({"kind": "summary", "tokens": tokens, "articles": counted, "ms": (ms * 10.0).round() / 10.0}),
        format!("{tokens} words in {counted} articles, {ms:.0} ms"),
    )?;
    Ok(())
}

/// Keyness's two parts, each within the scope (`--in` narrows both).
fn key_parts(
    g: &crate::extract::Gazetteer,
    articles: &[Article],
    within: &[usize],
    left: &SideSpec,
    right: &SideSpec,
    scope: Option<&Side>,
    len_of: impl Fn(usize) -> usize + Copy,
) -> (Part, Part) {
    let within: Vec<usize> = match scope {
        Some(s) => within
            .iter()
            .copied()
            .filter(|&i| s.admits_article(&articles[i]))
            .collect(),
        None => within.to_vec(),
    };
    let concrete = |s: &SideSpec| !matches!(s, SideSpec::Rest);
    if concrete(left) || !concrete(right) {
        let l = Part::of_spec(g, articles, &within, left, None, len_of);
        let r = Part::of_spec(g, articles, &within, right, Some(&l), len_of);
        (l, r)
    } else {
        let r = Part::of_spec(g, articles, &within, right, None, len_of);
        let l = Part::of_spec(g, articles, &within, left, Some(&r), len_of);
        (l, r)
    }
}
