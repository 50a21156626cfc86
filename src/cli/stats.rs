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
    let words = super::words_of(folder, &articles);
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
    let w = &words;
    let (tokens, counted) = match &answer {
        Answer::Words(rows, t) => {
            for x in rows.iter().take(limit) {
                emit(
                    out,
                    scope.json,
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
                emit(
                    out,
                    scope.json,
                    json!({"kind": "ngram", "key": key.join(" "), "form": form.join(" "),
                        "freq": g.freq, "docs": g.docs}),
                    format!("{:>9} {:>7}  {}", g.freq, g.docs, form.join(" ")),
                )?;
            }
            (*tokens, *articles)
        }
        Answer::Collocates(c) => {
            for x in c.rows.iter().take(limit) {
                emit(
                    out,
                    scope.json,
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
                emit(
                    out,
                    scope.json,
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
                dispersion(&articles, d, term, calendar, scope.json, out)?;
            }
            save_plot(terms, calendar, scope)?;
            terms
                .first()
                .map_or((0, 0), |(_, d)| (d.tokens, d.order.len()))
        }
    };
    emit(
        out,
        scope.json,
        json!({"kind": "summary", "tokens": tokens, "articles": counted, "ms": (ms * 10.0).round() / 10.0}),
        format!("{tokens} words in {counted} articles, {ms:.0} ms"),
    )?;
    Ok(())
}

/// One line of output: the JSON object, or the text for people.
fn emit(
    out: &mut dyn Write,
    json: bool,
    v: serde_json::Value,
    text: String,
) -> std::io::Result<()> {
    if json {
        writeln!(out, "{v}")
    } else {
        writeln!(out, "{text}")
    }
}

/// A term's dispersion line. Its hits' characters are found in their
/// texts (each article tokenised once, on all cores) and written as they
/// are found: a common word has hundreds of thousands of hits.
fn dispersion(
    articles: &[crate::corpus::Article],
    d: &crate::stats::Dispersion,
    query: &str,
    calendar: CalendarKind,
    json: bool,
    out: &mut dyn Write,
) -> anyhow::Result<()> {
    use rayon::prelude::*;
    let month = |p: &crate::stats::count::Period| {
        let y = p.start.in_calendar(calendar);
        format!("{:04}-{:02}", y.year, y.month)
    };
    if !json {
        writeln!(
            out,
            "{} hits in {} articles, DP {:.3}",
            d.hits.len(),
            d.order.len(),
            d.dp
        )?;
        for p in &d.periods {
            writeln!(out, "{}  {:>6} {:>10.1}", month(p), p.freq, p.per_million)?;
        }
        return Ok(());
    }
    let key: Vec<String> = crate::text::tokenize::tokenize(query)
        .into_iter()
        .map(|t| t.key)
        .collect();
    write!(
        out,
        "{{\"kind\":\"dispersion\",\"key\":{},\"hits\":[",
        serde_json::Value::from(key.join(" "))
    )?;
    // The hits by article (they come in article order).
    let mut groups: Vec<&[crate::stats::count::Hit]> = Vec::new();
    let mut rest = &d.hits[..];
    while let Some(first) = rest.first() {
        let n = rest
            .iter()
            .take_while(|h| h.article == first.article)
            .count();
        groups.push(&rest[..n]);
        rest = &rest[n..];
    }
    let mut first = true;
    for chunk in groups.chunks(2048) {
        let written: Vec<String> = chunk
            .par_iter()
            .map(|hits| {
                let Some(a) = articles.get(hits[0].article) else {
                    return String::new();
                };
                let idx = crate::text::CharIndex::new(&a.text());
                let date = a.date.as_ref().map(|x| x.day.in_calendar(calendar).to_string());
                let ranges: Vec<std::ops::Range<usize>> = hits.iter().map(|h| h.words.clone()).collect();
                let mut s = String::new();
                for r in crate::stats::count::locate_in(a, &ranges).into_iter().flatten() {
                    let v = json!({"path": a.path, "date": date, "start": idx.char_of_byte(r.start), "end": idx.char_of_byte(r.end)});
                    if !s.is_empty() {
                        s.push(',');
                    }
                    s.push_str(&v.to_string());
                }
                s
            })
            .collect();
        for s in written.iter().filter(|s| !s.is_empty()) {
            if !first {
                out.write_all(b",")?;
            }
            out.write_all(s.as_bytes())?;
            first = false;
        }
    }
    let per_period: Vec<serde_json::Value> = d
        .periods
        .iter()
        .map(|p| json!({"period": month(p), "freq": p.freq, "per_million": r(p.per_million)}))
        .collect();
    writeln!(
        out,
        "],\"per_period\":{}}}",
        serde_json::Value::from(per_period)
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
