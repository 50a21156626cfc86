//! `daftar bench FOLDER [--json]`: the corpus session (first open into a
//! fresh stored analysis, and reopen from it: seconds, peak memory, files
//! read), index build time (loading and extraction
//! included), index size, peak memory, reopen time of the unchanged folder,
//! p50/p95 latency of term, phrase, filtered and snippet queries, and the
//! time of a whole `daftar search` process (with `rg -l` beside it when
//! ripgrep is installed). The
//! index is built in a temporary folder: the corpus's own is not touched.

use std::io::Write;
use std::path::Path;
use std::time::Instant;

use serde_json::json;

use crate::corpus::LoadOptions;
use crate::index::search::Synonyms;
use crate::index::{SearchIndex, parse_query, update_index};

/// Peak resident memory of this process (Linux), in MiB.
fn peak_mib() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb / 1024.0)
}

/// Set in the child process that times one opening of the session
/// (its peak memory is then its own, not what an earlier phase left).
const PHASE_ENV: &str = "DAFTAR_BENCH_SESSION";

/// The folder opened as the window opens it (every file read and
/// analysed into a fresh stored analysis, names found across the corpus,
/// the store saved), then reopened from the store — each in a process of
/// its own: seconds, peak MiB and files read of each.
fn session(folder: &Path) -> anyhow::Result<serde_json::Value> {
    let dir = tempfile::Builder::new()
        .prefix("daftar-bench-store")
        .tempdir()?;
    let exe = std::env::current_exe()?;
    let mut phases = Vec::new();
    for _ in ["first_open", "reopen"] {
        let o = std::process::Command::new(&exe)
            .arg("bench")
            .arg(folder)
            .arg("--json")
            .env(PHASE_ENV, dir.path())
            .output()?;
        anyhow::ensure!(
            o.status.success(),
            "the session bench failed: {}",
            String::from_utf8_lossy(&o.stderr)
        );
        let v: serde_json::Value = serde_json::from_slice(&o.stdout)?;
        phases.push(v);
    }
    Ok(json!({
        "articles": phases[0]["articles"],
        "first_open_seconds": phases[0]["seconds"],
        "first_open_peak_mib": phases[0]["peak_mib"],
        "first_open_read_files": phases[0]["read_files"],
        "reopen_seconds": phases[1]["seconds"],
        "reopen_peak_mib": phases[1]["peak_mib"],
        "reopen_read_files": phases[1]["read_files"],
    }))
}

/// One opening of the session with the store in `dir` (the child's work).
fn session_phase(folder: &Path, dir: &Path) -> anyhow::Result<serde_json::Value> {
    let t = Instant::now();
    let s = crate::workspace::session::Session::open_with(folder, dir)?;
    let secs = t.elapsed().as_secs_f64();
    Ok(json!({
        "articles": s.articles.len(),
        "seconds": (secs * 1000.0).round() / 1000.0,
        "peak_mib": peak_mib().unwrap_or(0.0).round(),
        "read_files": s.summary.read,
    }))
}

fn percentiles(mut v: Vec<f64>) -> (f64, f64) {
    v.sort_by(|a, b| a.total_cmp(b));
    let at = |p: f64| (v[((v.len() - 1) as f64 * p).round() as usize] * 100.0).round() / 100.0;
    (at(0.5), at(0.95))
}

/// Words frequent enough to be worth timing: the commonest keys of a few
/// indexed articles' titles and bodies.
fn sample_queries(idx: &SearchIndex, syn: &Synonyms) -> anyhow::Result<(Vec<String>, Vec<String>)> {
    let q = parse_query("date:1300..1500")?;
    let res = idx.search(&q, 50, syn)?;
    let mut words: Vec<String> = Vec::new();
    let mut phrases: Vec<String> = Vec::new();
    for h in &res.hits {
        let toks: Vec<String> = crate::text::tokenize::tokenize(&h.text)
            .into_iter()
            .filter(|t| t.key.chars().count() >= 4)
            .map(|t| h.text[t.range].to_string())
            .collect();
        for w in toks.iter().step_by(37).take(3) {
            words.push(w.clone());
        }
        for pair in toks.windows(2).step_by(53).take(2) {
            phrases.push(format!("\"{} {}\"", pair[0], pair[1]));
        }
    }
    anyhow::ensure!(
        !words.is_empty(),
        "no dated articles to draw query words from"
    );
    Ok((words, phrases))
}

pub fn run(folder: &Path, as_json: bool, out: &mut dyn Write) -> anyhow::Result<()> {
    if let Some(dir) = std::env::var_os(PHASE_ENV) {
        writeln!(out, "{}", session_phase(folder, Path::new(&dir))?)?;
        return Ok(());
    }
    let session = session(folder)?;
    let tmp = tempfile::Builder::new().prefix("daftar-bench").tempdir()?;
    let opts = LoadOptions::default();
    let t = Instant::now();
    let mut idx = SearchIndex::open_or_create(tmp.path())?;
    let report = update_index(folder, &mut idx, &opts, |_| {})?;
    let build_s = t.elapsed().as_secs_f64();
    let articles = idx.num_docs();
    drop(idx);

    let t = Instant::now();
    let mut idx = SearchIndex::open_or_create(tmp.path())?;
    let again = update_index(folder, &mut idx, &opts, |_| {})?;
    let reopen_s = t.elapsed().as_secs_f64();

    let (syn, _) = Synonyms::load(Some(folder));
    let (words, phrases) = sample_queries(&idx, &syn)?;
    let time = |queries: &[String], matches: bool| -> anyhow::Result<(f64, f64)> {
        let mut ms = Vec::new();
        for _round in 0..3 {
            for q in queries {
                let parsed = parse_query(q)?;
                let t = Instant::now();
                idx.search_with(&parsed, 20, &syn, matches)?;
                ms.push(t.elapsed().as_secs_f64() * 1000.0);
            }
        }
        Ok(percentiles(ms))
    };
    let term = time(&words, false)?;
    let phrase = time(&phrases, false)?;
    let filtered: Vec<String> = words
        .iter()
        .map(|w| format!("{w} date:2018..2023"))
        .collect();
    let filt = time(&filtered, false)?;
    let snippet = time(&words, true)?;
    let peak = peak_mib().unwrap_or(0.0);
    drop(idx);

    // A whole `daftar search` process on this index, as a user's script
    // runs it (and ripgrep listing the same word's files, when there).
    let word = words.first().cloned().unwrap_or_default();
    let mut checked = String::new();
    let mut process_ms = Vec::new();
    let exe = std::env::current_exe()?;
    for _ in 0..10 {
        let t = Instant::now();
        let o = std::process::Command::new(&exe)
            .arg("search")
            .arg(folder)
            .arg(&word)
            .arg("--json")
            .env("DAFTAR_INDEX_DIR", tmp.path())
            .output()?;
        process_ms.push(t.elapsed().as_secs_f64() * 1000.0);
        anyhow::ensure!(
            o.status.success(),
            "daftar search failed: {}",
            String::from_utf8_lossy(&o.stderr)
        );
        let last = String::from_utf8_lossy(&o.stdout)
            .lines()
            .last()
            .unwrap_or("")
            .to_string();
        if let Ok(v) = serde_json::from_str::<serde_json::Value>(&last) {
            checked = v["checked"].as_str().unwrap_or("").to_string();
        }
    }
    let process = percentiles(process_ms);
    let mut rg_ms = Vec::new();
    for _ in 0..5 {
        let t = Instant::now();
        match std::process::Command::new("rg")
            .arg("-l")
            .arg(&word)
            .arg(folder)
            .output()
        {
            Ok(_) => rg_ms.push(t.elapsed().as_secs_f64() * 1000.0),
            Err(_) => break,
        }
    }
    let rg = (!rg_ms.is_empty()).then(|| percentiles(rg_ms).0);

    let result = json!({
        "articles": articles,
        "problems": report.problems.len(),
        "session": session,
        "build_seconds": (build_s * 100.0).round() / 100.0,
        "index_mb": (report.index_bytes as f64 / 1e5).round() / 10.0,
        "peak_mib": peak.round(),
        "reopen_seconds": (reopen_s * 1000.0).round() / 1000.0,
        "reopen_read_files": again.added + again.updated,
        "term_ms": {"p50": term.0, "p95": term.1},
        "phrase_ms": {"p50": phrase.0, "p95": phrase.1},
        "filtered_ms": {"p50": filt.0, "p95": filt.1},
        "snippet_ms": {"p50": snippet.0, "p95": snippet.1},
        "search_process_ms": {"p50": process.0, "p95": process.1, "checked": checked},
        "rg_files_ms": rg,
        "queries": {"terms": words.len(), "phrases": phrases.len()},
    });
    if as_json {
        writeln!(out, "{result}")?;
    } else {
        writeln!(out, "{}", serde_json::to_string_pretty(&result)?)?;
    }
    Ok(())
}

/// `daftar bench FOLDER --stats`: the Statistics view's work on the
/// folder (its stored analysis opened as the window opens it): the words
/// counted from nothing into a temporary folder and read back, then the
/// best of three of each table the issue sets a target for — the word
/// list of the whole corpus, the collocates of its commonest content
/// word, keyness of its older half against the newer, and that word's
/// dispersion — with this process's peak memory.
pub fn run_stats(folder: &Path, as_json: bool, out: &mut dyn Write) -> anyhow::Result<()> {
    use crate::stats::count::{self, Docs, WordOptions};
    use crate::stats::part::Part;
    use crate::stats::words::{Reading, Words};
    let (_, articles) = super::load_analysed(folder)?;
    let session_mib = peak_mib();
    let tmp = tempfile::Builder::new()
        .prefix("daftar-bench-words")
        .tempdir()?;
    let cancel = std::sync::atomic::AtomicBool::new(false);
    let readings = Reading::all(&articles);
    let t = Instant::now();
    let (words, _) = Words::open(tmp.path(), &readings, &|_, _| {}, &cancel);
    let build_s = t.elapsed().as_secs_f64();
    drop(words);
    let t = Instant::now();
    let (words, _) = Words::open(tmp.path(), &readings, &|_, _| {}, &cancel);
    let reopen_s = t.elapsed().as_secs_f64();
    drop(readings);
    let docs = Docs::of(&articles);
    let all = Part::whole(0..articles.len());
    let best = |f: &mut dyn FnMut()| {
        (0..3)
            .map(|_| {
                let t = Instant::now();
                f();
                t.elapsed().as_secs_f64() * 1000.0
            })
            .fold(f64::INFINITY, f64::min)
    };
    let mut list = Vec::new();
    let words_ms =
        best(&mut || list = count::word_list(&words, &docs, &all, &WordOptions::default()).0);
    let stop = crate::stats::stopwords::keys();
    let common = list
        .iter()
        .find(|r| {
            !stop.contains(words.key(r.id)) && words.key(r.id).chars().any(char::is_alphabetic)
        })
        .map(|r| (r.id, r.freq))
        .ok_or_else(|| anyhow::anyhow!("no word to measure with"))?;
    let node = [common.0];
    let colloc_ms = best(&mut || {
        count::collocates(&words, &docs, &all, &node, 5, 5, 2);
    });
    let mut by_day: Vec<usize> = (0..articles.len()).collect();
    by_day.sort_by_key(|&i| (docs.days[i], i));
    let (older, newer) = by_day.split_at(by_day.len() / 2);
    let (older, newer) = (Part::whole(older.to_vec()), Part::whole(newer.to_vec()));
    let keyness_ms = best(&mut || {
        count::keyness(&words, &docs, &older, &newer, 3);
    });
    let mut hits = 0;
    let dispersion_ms = best(&mut || {
        hits = count::dispersion(
            &words,
            &docs,
            &all,
            &node,
            crate::dates::CalendarKind::Jalali,
        )
        .hits
        .len();
    });
    let v = json!({
        "articles": articles.len(),
        "word_ids": words.of_all_len(),
        "vocabulary": words.vocabulary(),
        "session_peak_mib": session_mib,
        "words_build_seconds": build_s,
        "words_reopen_seconds": reopen_s,
        "words_bytes": words.heap_bytes(),
        "word_list_ms": words_ms,
        "common_word": words.form(common.0),
        "common_word_freq": common.1,
        "collocates_ms": colloc_ms,
        "keyness_halves_ms": keyness_ms,
        "dispersion_ms": dispersion_ms,
        "dispersion_hits": hits,
        "peak_mib": peak_mib(),
    });
    if as_json {
        writeln!(out, "{v}")?;
    } else {
        writeln!(out, "{}", serde_json::to_string_pretty(&v)?)?;
    }
    Ok(())
}
