//! The stored analysis: reopening a folder reads no article file that did
//! not change, gives the same articles (text, structure, date, mentions,
//! statements, problems) as reading them, reads a changed file alone, and
//! a damaged store is read past, never trusted.

use std::path::Path;
use std::sync::Arc;
use std::time::{Duration, Instant};

use daftar::corpus::Article;
use daftar::workspace::{LoadState, Workspace};

const ARTICLES: &[(&str, &str)] = &[
    (
        "siasat/sad.txt",
        "وزیر نیرو از آغاز ساخت سد تازه خبر داد\n\
         ۱۲ آبان ۱۴۰۳\n\
         علی رضایی، وزیر نیرو، روز دوشنبه گفت: «ساخت سد در استان کرمان از بهار آغاز می‌شود.»\n\
         او افزود که هزینه این طرح از بودجه ملی تامین خواهد شد.\n",
    ),
    (
        "farhang/ketab.txt",
        "بازار کتاب در نمایشگاه تهران\n\
         ناشران از فروش بیشتر کتاب‌های کودک در نمایشگاه امسال خبر دادند.\n\
         مریم احمدی، مدیر یک نشر کوچک، گفت که قیمت کاغذ هنوز بالاست.\n",
    ),
    (
        "havashenasi/baran.txt",
        "باران سیل‌آسا در شمال کشور\n\
         هواشناسی برای سه روز آینده در استان‌های گیلان و مازندران هشدار داد.\n",
    ),
];

/// What a reader sees of an article, to compare two opens.
fn seen(a: &Article) -> String {
    format!(
        "{} | {:?} | {:?} {:?} {:?} | {:?} | {:?} | {:?} | {}",
        a.path,
        &*a.text(),
        a.title,
        a.lead,
        a.paragraphs,
        a.date,
        a.found,
        a.warnings,
        a.display_title()
    )
}

fn open(folder: &Path) -> Workspace {
    let mut ws = Workspace::new(Arc::new(|| {}));
    ws.open(folder);
    let started = Instant::now();
    while ws.is_busy() {
        assert!(started.elapsed() < Duration::from_secs(60), "timed out");
        ws.poll(Duration::from_millis(20));
        std::thread::sleep(Duration::from_millis(10));
    }
    ws
}

fn read(ws: &Workspace) -> usize {
    match &ws.state {
        LoadState::Done(s) => s.read,
        other => panic!("not loaded: {other:?}"),
    }
}

fn snapshot(ws: &Workspace) -> Vec<String> {
    let mut v: Vec<String> = ws.articles.iter().map(seen).collect();
    v.extend(
        ws.problems
            .iter()
            .map(|p| format!("{} | {}", p.path, p.reason)),
    );
    v.sort();
    v
}

/// Writes `bytes` to `path` with a time `ago` in the past (a file
/// written this very second is read again at the next open: its time
/// cannot vouch for it yet).
fn write_aged(path: &Path, bytes: impl AsRef<[u8]>, ago: Duration) {
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, bytes).unwrap();
    std::fs::File::options()
        .write(true)
        .open(path)
        .unwrap()
        .set_modified(std::time::SystemTime::now() - ago)
        .unwrap();
}

const HOUR: Duration = Duration::from_secs(3600);

fn corpus() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for (path, text) in ARTICLES {
        write_aged(&dir.path().join(path), text, HOUR);
    }
    // A file that is no article: its reason is kept too.
    write_aged(
        &dir.path().join("kharab.txt"),
        [0u8, 159, 146, 150, 0, 1, 2],
        HOUR,
    );
    dir
}

/// Gives `siasat/sad.txt` other bytes of the same length («یزدان» for
/// «کرمان») and its old time: only a reading of the file can see it.
fn swap_behind_the_store(dir: &Path) {
    let sad = dir.join("siasat/sad.txt");
    let mtime = std::fs::metadata(&sad).unwrap().modified().unwrap();
    let swapped = ARTICLES[0].1.replace("کرمان", "یزدان");
    assert_eq!(swapped.len(), ARTICLES[0].1.len());
    std::fs::write(&sad, &swapped).unwrap();
    std::fs::File::options()
        .write(true)
        .open(&sad)
        .unwrap()
        .set_modified(mtime)
        .unwrap();
}

/// Every text file of the corpus's stored analysis.
fn text_files(dir: &Path) -> Vec<std::path::PathBuf> {
    std::fs::read_dir(dir.join(".daftar/analysis"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| {
            p.file_name()
                .unwrap()
                .to_string_lossy()
                .starts_with("texts-")
        })
        .collect()
}

/// Every byte of the stored texts changed (a disk that went bad).
fn damage_texts(dir: &Path) {
    for p in text_files(dir) {
        let b: Vec<u8> = std::fs::read(&p)
            .unwrap()
            .iter()
            .map(|x| x ^ 0x21)
            .collect();
        std::fs::write(&p, b).unwrap();
    }
}

#[test]
fn a_reopen_reads_no_unchanged_file_and_a_changed_file_alone() {
    let dir = corpus();
    let first = open(dir.path());
    assert_eq!(read(&first), 4, "the first open reads every file");
    assert_eq!(first.articles.len(), 3);
    assert_eq!(first.problems.len(), 1);
    assert!(
        first
            .articles
            .iter()
            .any(|a| a.statements().next().is_some()),
        "the corpus has statements to keep"
    );
    let before = snapshot(&first);
    drop(first);

    // Nothing changed: nothing read, the same articles.
    let again = open(dir.path());
    assert_eq!(read(&again), 0, "{:?}", again.store_note);
    assert_eq!(again.reopened.as_ref().map(|r| r.stored), Some(4));
    assert_eq!(snapshot(&again), before);
    drop(again);

    // Proof that the files are not read: a file given other bytes of the
    // same length and its old time still shows what was stored.
    swap_behind_the_store(dir.path());
    let unread = open(dir.path());
    assert_eq!(read(&unread), 0);
    assert_eq!(snapshot(&unread), before);
    drop(unread);

    // A file changed on disk is read again, alone.
    let ketab = dir.path().join("farhang/ketab.txt");
    write_aged(
        &ketab,
        format!(
            "{}ناشران جوان هم غرفه‌های خود را برپا کردند.\n",
            ARTICLES[1].1
        ),
        HOUR / 2,
    );
    let changed = open(dir.path());
    assert_eq!(read(&changed), 1);
    let a = &changed.articles[changed.article_index("farhang/ketab.txt").unwrap()];
    assert!(a.text().contains("ناشران جوان"));
    let others: Vec<String> = snapshot(&changed)
        .into_iter()
        .filter(|s| !s.starts_with("farhang/"))
        .collect();
    let was: Vec<String> = before
        .iter()
        .filter(|s| !s.starts_with("farhang/"))
        .cloned()
        .collect();
    assert_eq!(others, was, "the other articles are as they were");
    drop(changed);

    // A file gone is gone from the reopened corpus; the rest unread.
    std::fs::remove_file(dir.path().join("havashenasi/baran.txt")).unwrap();
    let removed = open(dir.path());
    assert_eq!(read(&removed), 0);
    assert_eq!(removed.reopened.as_ref().map(|r| r.removed), Some(1));
    assert_eq!(removed.articles.len(), 2);
    assert!(removed.article_index("havashenasi/baran.txt").is_none());
}

#[test]
fn a_damaged_store_is_read_past_and_made_again() {
    let dir = corpus();
    let before = snapshot(&open(dir.path()));
    let records = dir.path().join(".daftar/analysis/records.bin");
    let mut bytes = std::fs::read(&records).unwrap();
    let at = bytes.len() / 2;
    bytes[at] ^= 0x40;
    std::fs::write(&records, &bytes).unwrap();

    let ws = open(dir.path());
    assert_eq!(read(&ws), 4, "a damaged store is not trusted");
    let not_used = ws.reopened.as_ref().and_then(|r| r.not_used.clone());
    assert!(
        not_used.as_deref().is_some_and(|n| n.contains("damaged")),
        "{not_used:?}"
    );
    assert_eq!(snapshot(&ws), before);
    drop(ws);
    // Saved anew: the next open reads nothing.
    assert_eq!(read(&open(dir.path())), 0);
    // Cut short (its index and length are at the end), or to less than
    // its header: read past too.
    for keep in [9, 70] {
        let bytes = std::fs::read(&records).unwrap();
        let cut = if keep == 9 { bytes.len() - 9 } else { keep };
        std::fs::write(&records, &bytes[..cut]).unwrap();
        let ws = open(dir.path());
        assert_eq!(read(&ws), 4, "a store cut to {cut} bytes is not trusted");
        assert_eq!(snapshot(&ws), before);
        drop(ws);
        assert_eq!(read(&open(dir.path())), 0);
    }

    // Texts damaged under daftar: the article shows blanks (no panic), and
    // the open after that reads the files again.
    damage_texts(dir.path());
    let mut ws = open(dir.path());
    let a = &ws.articles[0];
    let text = a.text();
    assert_eq!(text.len(), a.text.len());
    assert!(text.trim().is_empty(), "damaged text shown as blanks");
    // (A change saves the store, which finds the damage.)
    std::fs::write(
        dir.path().join("new.txt"),
        "خبر تازه\nمتن یک خبر تازه درباره باران.\n",
    )
    .unwrap();
    let started = Instant::now();
    while ws.article_index("new.txt").is_none() || ws.is_busy() {
        assert!(started.elapsed() < Duration::from_secs(30), "timed out");
        ws.poll(Duration::from_millis(20));
        std::thread::sleep(Duration::from_millis(20));
    }
    assert!(
        ws.store_note
            .as_deref()
            .is_some_and(|n| n.contains("damaged")),
        "{:?}",
        ws.store_note
    );
    drop(ws);
    let fresh = open(dir.path());
    assert_eq!(read(&fresh), 5, "every file read again");
    assert!(fresh.articles.iter().all(|a| !a.text().trim().is_empty()));
}

#[test]
fn a_store_whose_text_file_is_gone_is_made_again() {
    let dir = corpus();
    drop(open(dir.path()));
    for p in text_files(dir.path()) {
        std::fs::remove_file(p).unwrap();
    }
    let ws = open(dir.path());
    assert_eq!(read(&ws), 4, "without its texts the store is not used");
    assert!(ws.articles.iter().all(|a| !a.text().trim().is_empty()));
    drop(ws);
    assert_eq!(read(&open(dir.path())), 0, "and it was made again");
}

#[test]
fn a_file_written_this_very_second_is_read_again_next_time() {
    let dir = corpus();
    // Its time cannot vouch for it yet: coarse file times, or a scraper
    // still writing it.
    std::fs::write(
        dir.path().join("taze.txt"),
        "خبر تازه\nمتنی که همین حالا نوشته شد.\n",
    )
    .unwrap();
    drop(open(dir.path()));
    let again = open(dir.path());
    assert_eq!(read(&again), 1, "the fresh file alone is read again");
    assert!(again.article_index("taze.txt").is_some());
}

#[test]
fn a_damaged_text_never_orphans_its_passages() {
    let dir = corpus();
    let mut ws = open(dir.path());
    let i = ws.article_index("siasat/sad.txt").unwrap();
    let text = ws.articles[i].text();
    let at = text.find("کرمان").unwrap();
    let article = ws.articles[i].clone();
    ws.annotations
        .tag(&article, at..at + "کرمان".len(), "مکان", "آزمون")
        .unwrap();
    drop(ws);
    damage_texts(dir.path());
    let ws = open(dir.path());
    let p = &ws.annotations.passages()[0];
    assert!(!p.orphaned, "a passage is not orphaned by a damaged store");
    drop(ws);
    // And the next open reads the files again.
    assert_eq!(read(&open(dir.path())), 4);
}

#[test]
fn a_command_beside_an_open_window_goes_on_and_writes_nothing() {
    let dir = corpus();
    let ws = open(dir.path());
    let records = dir.path().join(".daftar/analysis/records.bin");
    let before = std::fs::metadata(&records).unwrap().modified().unwrap();
    // The window holds the store: the command goes on at once, reading
    // only (its own build reads the files: another fingerprint).
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_daftar"))
        .args(["compare", "--json", "--left", "speaker=علی رضایی"])
        .args(["--right", "speaker=مریم احمدی"])
        .arg(dir.path())
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.contains("\"kind\":\"summary\""), "{stdout}");
    assert!(
        stdout.contains("بودجه ملی") || stdout.contains("کرمان"),
        "{stdout}"
    );
    assert_eq!(
        std::fs::metadata(&records).unwrap().modified().unwrap(),
        before,
        "only the window writes the store"
    );
    drop(ws);
}

/// The paths a search of the open folder finds.
fn found(ws: &mut Workspace, q: &str) -> Vec<String> {
    ws.run_search(q);
    let started = Instant::now();
    while ws.search.results.is_none() || ws.is_busy() {
        assert!(started.elapsed() < Duration::from_secs(60), "timed out");
        ws.poll(Duration::from_millis(20));
        std::thread::sleep(Duration::from_millis(10));
    }
    let mut p: Vec<String> = match &ws.search.results {
        Some(Ok(r)) => r.hits.iter().map(|h| h.path.clone()).collect(),
        other => panic!("{other:?}"),
    };
    p.sort();
    p
}

/// One pass: the index is fed the articles the load gave, never the
/// files read again. Proof: with the index gone and a file's bytes
/// swapped (same length, same time), a reopen takes the article from the
/// stored analysis and the index made again holds it — not the file's
/// new bytes.
#[test]
fn the_index_is_made_from_the_loaded_articles_not_by_reading_the_files_again() {
    let dir = corpus();
    let mut first = open(dir.path());
    assert_eq!(read(&first), 4);
    assert_eq!(found(&mut first, "کرمان"), ["siasat/sad.txt"]);
    drop(first);

    swap_behind_the_store(dir.path());
    std::fs::remove_dir_all(dir.path().join(".daftar/index")).unwrap();

    let mut again = open(dir.path());
    assert_eq!(read(&again), 0);
    assert_eq!(found(&mut again, "کرمان"), ["siasat/sad.txt"]);
    assert!(
        found(&mut again, "یزدان").is_empty(),
        "a file was read again"
    );
    assert_eq!(found(&mut again, "مازندران"), ["havashenasi/baran.txt"]);
}
