//! `daftar stats FOLDER words|ngrams|collocates|keyness|dispersion …`:
//! the Statistics view's tables — the same job the window runs on a
//! worker ([`crate::workspace::stats::job`]), run now — one JSON object per
//! line (a contract: the field names are issue 20's), ending with a
//! summary of the words and articles counted and the milliseconds the
//! counting took. The formulas are [`crate::stats::measures`]'s.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Instant;

use serde_json::json;

use crate::dates::CalendarKind;
use crate::extract::compare::Side;
use crate::stats::Words;
use crate::stats::part::SideSpec;
use crate::workspace::stats::{Answer, Ask};

/// What every table shares: the articles counted and how rows print.
#[derive(Debug, Clone, Default)]
pub struct Scope<'a> {
    /// Only articles matching this search.
    pub query: Option<&'a str>,
    /// Only this side (SPEC as for `compare`).
    pub within: Option<&'a str>,
    /// At most this many rows (all by default with --json, 50 without).
    pub limit: Option<usize>,
    pub json: bool,
    /// The dispersion plot saved here too, as PNG and as SVG.
    pub png: Option<PathBuf>,
    pub svg: Option<PathBuf>,
}

/// Rounded for printing (a contract of numbers, not of float noise).
fn r(x: f64) -> f64 {
    if x.is_finite() {
        (x * 1e4).round() / 1e4
    } else {
        0.0
    }
}

pub fn run(folder: &Path, ask: Ask, scope: &Scope, out: &mut dyn Write) -> anyhow::Result<()> {
    // What can be wrong with the question is said before the folder opens.
    let narrow = match scope.within {
        Some(s) => Some(Side::parse(s).map_err(|e| anyhow::anyhow!("--in: {e}"))?),
        None => None,
    };
    match &ask {
        Ask::Keyness { left, right, .. } => {
            SideSpec::parse(left).map_err(|e| anyhow::anyhow!("--left: {e}"))?;
            SideSpec::parse(right).map_err(|e| anyhow::anyhow!("--right: {e}"))?;
        }
        Ask::Ngrams { n, .. } => {
            anyhow::ensure!((2..=5).contains(n), "--n: n-grams are of 2 to 5 words")
        }
        _ => {}
    }
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
    if let Some(n) = note {
        eprintln!("daftar: {n}");
    }
    let within: Vec<usize> = (0..articles.len())
        .filter(|&i| {
            matching
                .as_ref()
                .is_none_or(|m| m.contains(&articles[i].path))
        })
        .collect();
    let (words, articles) = (Arc::new(words), Arc::new(articles));
    // Timed from here: loading and tokenising are the session's.
    let started = Instant::now();
    let job = crate::workspace::stats::job(
        ask.clone(),
        words.clone(),
        articles.clone(),
        g,
        within,
        narrow,
    );
    let answer = job().map_err(anyhow::Error::msg)?;
    let ms = started.elapsed().as_secs_f64() * 1000.0;
    let limit = scope
        .limit
        .unwrap_or(if scope.json { usize::MAX } else { 50 });
    let mut line = |v: serde_json::Value, text: String| -> std::io::Result<()> {
        if scope.json {
            writeln!(out, "{v}")
        } else {
            writeln!(out, "{text}")
        }
    };
    let w = &words;
    let (tokens, counted) = match &answer {
        Answer::Words(rows, t) => {
            for x in rows.iter().take(limit) {
                line(
                    json!({"kind": "word", "key": w.key(x.id), "form": w.form(x.id),
                        "freq": x.freq, "docs": x.docs, "per_million": r(x.per_million),
                        "dispersion": r(x.dispersion)}),
                    format!(
                        "{:>9} {:>7} {:>10.1} {:>6.3}  {}",
                        x.freq,
                        x.docs,
                        x.per_million,
                        x.dispersion,
                        w.form(x.id)
                    ),
                )?;
            }
            (t.tokens, t.articles)
        }
        Answer::Ngrams(rows, tokens, articles) => {
            for g in rows.iter().take(limit) {
                let key: Vec<&str> = g.ids.iter().map(|&i| w.key(i)).collect();
                let form: Vec<&str> = g.ids.iter().map(|&i| w.form(i)).collect();
                line(
                    json!({"kind": "ngram", "key": key.join(" "), "form": form.join(" "),
                        "freq": g.freq, "docs": g.docs}),
                    format!("{:>9} {:>7}  {}", g.freq, g.docs, form.join(" ")),
                )?;
            }
            (*tokens, *articles)
        }
        Answer::Collocates(c) => {
            for x in c.rows.iter().take(limit) {
                line(
                    json!({"kind": "collocate", "key": w.key(x.id), "form": w.form(x.id),
                        "freq": x.freq, "log_dice": r(x.log_dice), "mi": r(x.mi), "t": r(x.t), "ll": r(x.ll)}),
                    format!(
                        "{:>7} {:>7.2} {:>7.2} {:>7.2} {:>9.2}  {}",
                        x.freq,
                        x.log_dice,
                        x.mi,
                        x.t,
                        x.ll,
                        w.form(x.id)
                    ),
                )?;
            }
            (c.tokens, c.articles)
        }
        Answer::Keyness(k) => {
            let positive = k.rows.iter().filter(|x| x.left).take(limit);
            let negative = k.rows.iter().filter(|x| !x.left).take(limit);
            for x in positive.chain(negative) {
                line(
                    json!({"kind": "keyword", "key": w.key(x.id), "form": w.form(x.id),
                        "left_freq": x.left_freq, "right_freq": x.right_freq,
                        "ll": r(x.ll), "log_ratio": r(x.log_ratio)}),
                    format!(
                        "{:>7} {:>7} {:>9.2} {:>6.2}  {}",
                        x.left_freq,
                        x.right_freq,
                        x.ll,
                        x.log_ratio,
                        w.form(x.id)
                    ),
                )?;
            }
            (k.left.tokens + k.right.tokens, k.articles)
        }
        Answer::Dispersion(terms) => {
            let calendar = match &ask {
                Ask::Dispersion { calendar, .. } => *calendar,
                _ => CalendarKind::Jalali,
            };
            for (term, d) in terms {
                dispersion(&articles, d, term, calendar, &mut line)?;
            }
            save_plot(terms, calendar, scope)?;
            terms
                .first()
                .map_or((0, 0), |(_, d)| (d.tokens, d.order.len()))
        }
    };
    line(
        json!({"kind": "summary", "tokens": tokens, "articles": counted, "ms": (ms * 10.0).round() / 10.0}),
        format!("{tokens} words in {counted} articles, {ms:.0} ms"),
    )?;
    Ok(())
}

/// A term's dispersion line (its hits' characters found in their texts).
fn dispersion(
    articles: &[crate::corpus::Article],
    d: &crate::stats::Dispersion,
    query: &str,
    calendar: CalendarKind,
    line: &mut dyn FnMut(serde_json::Value, String) -> std::io::Result<()>,
) -> anyhow::Result<()> {
    let located = crate::stats::count::locate(
        articles,
        &d.hits
            .iter()
            .map(|h| (h.article, h.words.clone()))
            .collect::<Vec<_>>(),
    );
    let mut hits = Vec::with_capacity(d.hits.len());
    let mut index: Option<(usize, crate::text::CharIndex)> = None;
    for (h, range) in d.hits.iter().zip(&located) {
        let a = &articles[h.article];
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
    let month = |p: &crate::stats::count::Period| {
        let y = p.start.in_calendar(calendar);
        format!("{:04}-{:02}", y.year, y.month)
    };
    let per_period: Vec<serde_json::Value> = d
        .periods
        .iter()
        .map(|p| json!({"period": month(p), "freq": p.freq, "per_million": r(p.per_million)}))
        .collect();
    let key: Vec<String> = crate::text::tokenize::tokenize(query)
        .into_iter()
        .map(|t| t.key)
        .collect();
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
    Ok(())
}

/// The terms' plot saved where asked (`--png`, `--svg`).
fn save_plot(
    terms: &[(String, crate::stats::Dispersion)],
    calendar: CalendarKind,
    scope: &Scope,
) -> anyhow::Result<()> {
    let plot = crate::stats::chart::DispersionPlot::of(terms, calendar);
    if let Some(p) = &scope.png {
        let bytes = plot.png(2.0).map_err(anyhow::Error::msg)?;
        crate::disk::write_atomic(p, &bytes)
            .map_err(|e| anyhow::anyhow!("{}: {e}", p.display()))?;
    }
    if let Some(p) = &scope.svg {
        let text = plot.svg().map_err(anyhow::Error::msg)?;
        crate::disk::write_atomic(p, text.as_bytes())
            .map_err(|e| anyhow::anyhow!("{}: {e}", p.display()))?;
    }
    Ok(())
}
