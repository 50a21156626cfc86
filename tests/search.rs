//! Search finds every spelling: each variant group matches in both
//! directions (query in one spelling, text in another), phrases stay inside
//! paragraphs, match offsets select the original characters, and an index
//! killed mid-run is whole after the next run.

use crate::common;

use std::path::Path;
use std::process::Command;

use daftar::corpus::LoadOptions;
use daftar::index::search::Synonyms;
use daftar::index::{SearchIndex, index_dir, parse_query, update_index};
use serde_json::Value;

/// Writes one article per sentence; returns the folder.
fn corpus(sentences: &[&str]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for (i, s) in sentences.iter().enumerate() {
        let text = format!("خبر شماره {i}\n۱۴۰۳/۰۹/۰۲\n{s}\n");
        std::fs::write(dir.path().join(format!("a{i:02}.txt")), text).unwrap();
    }
    dir
}

fn index(folder: &Path) -> SearchIndex {
    let mut idx = SearchIndex::open_or_create(&index_dir(folder)).unwrap();
    update_index(folder, &mut idx, &LoadOptions::default(), |_| {}).unwrap();
    idx
}

fn found(idx: &SearchIndex, query: &str) -> Vec<String> {
    let (syn, _) = Synonyms::load(None);
    let res = idx.search(&parse_query(query).unwrap(), 100, &syn).unwrap();
    let mut paths: Vec<String> = res.hits.into_iter().map(|h| h.path).collect();
    paths.sort();
    paths
}

#[test]
fn every_spelling_finds_every_other() {
    // Each group: spellings of one word, each written in one article.
    let groups: &[&[&str]] = &[
        &["گفت‌وگو", "گفتوگو", "گفت وگو", "گفتگو"],
        &["رئیس‌جمهور", "رئيس جمهور", "رئیسجمهور"],
        &["كشور", "کشور"],
        &["۱۴۰۳", "1403", "١٤٠٣"],
        &["مسئول", "مسؤول"],
        &["مُحَمَّد", "محمد", "محـــمد"],
    ];
    for group in groups {
        let sentences: Vec<String> = group
            .iter()
            .map(|w| format!("در این خبر {w} آمده است"))
            .collect();
        let refs: Vec<&str> = sentences.iter().map(String::as_str).collect();
        let dir = corpus(&refs);
        let idx = index(dir.path());
        for query in group.iter() {
            let q = if query.contains(' ') {
                format!("\"{query}\"")
            } else {
                query.to_string()
            };
            assert_eq!(
                found(&idx, &q).len(),
                group.len(),
                "query «{q}» in group {group:?}"
            );
            // Unquoted words typed apart find the joined form too.
            if query.contains(' ') {
                assert_eq!(
                    found(&idx, query).len(),
                    group.len(),
                    "query «{query}» unquoted"
                );
            }
        }
    }
}

#[test]
fn plural_ezafe_and_comparative_forms_but_names_are_not_stemmed() {
    let dir = corpus(&[
        "گسترش همکاری دو کشور",
        "همکاری‌ها ادامه دارد",
        "همکاریهای اقتصادی",
        "تحریم‌های تازه",
        "شرایط بهتر شد",
        "سفر به ایران",
        "پرواز به شهر ایر",
        "دیدار با پزشکیان",
        "مراجعه به پزشک",
        "دولت رئیسی",
        "رئیس مجلس",
    ]);
    let idx = index(dir.path());
    assert_eq!(found(&idx, "همکاری"), ["a00.txt", "a01.txt", "a02.txt"]);
    assert_eq!(found(&idx, "تحریم"), ["a03.txt"]);
    assert_eq!(found(&idx, "به"), found(&idx, "به"), "stable");
    assert_eq!(
        found(&idx, "ایران"),
        ["a05.txt"],
        "ایران must not become ایر"
    );
    assert_eq!(found(&idx, "ایر"), ["a06.txt"], "nor ایر find ایران");
    assert_eq!(
        found(&idx, "پزشک"),
        ["a08.txt"],
        "پزشک does not find پزشکیان"
    );
    assert_eq!(found(&idx, "پزشکیان"), ["a07.txt"]);
    assert_eq!(found(&idx, "رئیس"), ["a10.txt"], "رئیسی ≠ رئیس");
    // Exact forms rank first.
    let (syn, _) = Synonyms::load(None);
    let res = idx
        .search(&parse_query("همکاری").unwrap(), 10, &syn)
        .unwrap();
    assert_eq!(res.hits[0].path, "a00.txt");
}

#[test]
fn phrases_do_not_cross_paragraphs() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("one.txt"),
        "عنوان\nجمله اول با وزیر\nخارجه در جمله دوم\n",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("two.txt"),
        "عنوان\nسخنان وزیر خارجه امروز\n",
    )
    .unwrap();
    let idx = index(dir.path());
    assert_eq!(found(&idx, "\"وزیر خارجه\""), ["two.txt"]);
    assert_eq!(
        found(&idx, "وزیر خارجه"),
        ["one.txt", "two.txt"],
        "as words, both"
    );
}

#[test]
fn filters_and_exclusions() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("a.txt"),
        "عنوان الف\n۱۰ فروردین ۱۴۰۳\nبه گزارش ایرنا، نفت ایران\n",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("b.txt"),
        "عنوان ب\n۱۰ مهر ۱۴۰۲\nبه گزارش تسنیم، نفت روسیه\n",
    )
    .unwrap();
    let idx = index(dir.path());
    assert_eq!(found(&idx, "نفت date:1403"), ["a.txt"]);
    assert_eq!(found(&idx, "نفت date:2023-01-01..2023-12-31"), ["b.txt"]);
    assert_eq!(found(&idx, "نفت source:تسنیم"), ["b.txt"]);
    assert_eq!(found(&idx, "نفت -روسیه"), ["a.txt"]);
    assert_eq!(found(&idx, "ایران OR روسیه"), ["a.txt", "b.txt"]);
}

fn daftar(args: &[&str], folder: &Path) -> Vec<Value> {
    common::json_lines(args, folder)
}

#[test]
fn match_offsets_select_the_original_characters() {
    let sample = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/sample-corpus");
    let dir = tempfile::tempdir().unwrap();
    for e in walk(&sample) {
        let rel = e.strip_prefix(&sample).unwrap();
        let to = dir.path().join(rel);
        std::fs::create_dir_all(to.parent().unwrap()).unwrap();
        std::fs::copy(&e, &to).unwrap();
    }
    let texts: std::collections::HashMap<String, String> =
        daftar(&["inspect", "--json", "--with-text"], dir.path())
            .into_iter()
            .filter(|r| r["kind"] == "article")
            .map(|r| {
                (
                    r["path"].as_str().unwrap().to_string(),
                    r["text"].as_str().unwrap().to_string(),
                )
            })
            .collect();
    let mut checked = 0;
    for q in [
        "ایران",
        "گفتگو",
        "رئيس جمهور",
        "1403",
        "همکاری",
        "\"وزیر خارجه\"",
    ] {
        let rows = daftar(&["search", q, "--json"], dir.path());
        assert_eq!(rows.last().unwrap()["kind"], "summary");
        for hit in rows.iter().filter(|r| r["kind"] == "hit") {
            let text = &texts[hit["path"].as_str().unwrap()];
            let matches = hit["matches"].as_array().unwrap();
            assert!(!matches.is_empty(), "a hit shows where it matched: {hit}");
            for m in matches {
                let (s, e) = (
                    m["start"].as_u64().unwrap() as usize,
                    m["end"].as_u64().unwrap() as usize,
                );
                let original: String = text.chars().skip(s).take(e - s).collect();
                assert_eq!(original, m["text"].as_str().unwrap(), "{q}");
                checked += 1;
            }
        }
    }
    assert!(checked > 10, "{checked}");
}

fn walk(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(dir).unwrap().flatten() {
        let p = e.path();
        if p.is_dir() {
            out.extend(walk(&p))
        } else {
            out.push(p)
        }
    }
    out
}

#[test]
fn malformed_query_is_an_error_with_a_reason() {
    let dir = corpus(&["متن"]);
    let out = Command::new(env!("CARGO_BIN_EXE_daftar"))
        .arg("search")
        .arg(dir.path())
        .arg("\"گفت و")
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("quotation mark is not closed"));
}

#[test]
fn reopening_an_unchanged_folder_reads_nothing_and_changes_are_seen() {
    let dir = corpus(&["الف", "ب", "ج"]);
    let last = |rows: Vec<Value>| rows.last().unwrap().clone();
    let s = last(daftar(&["index", "--json"], dir.path()));
    assert_eq!(
        (s["added"].as_u64(), s["articles"].as_u64()),
        (Some(3), Some(3))
    );
    let s = last(daftar(&["index", "--json"], dir.path()));
    assert_eq!(
        (s["added"].as_u64(), s["unchanged"].as_u64()),
        (Some(0), Some(3))
    );
    std::fs::remove_file(dir.path().join("a00.txt")).unwrap();
    std::thread::sleep(std::time::Duration::from_millis(20));
    std::fs::write(
        dir.path().join("a01.txt"),
        "خبر تازه\n۱۴۰۳/۰۹/۰۳\nمتن دیگر و نو\n",
    )
    .unwrap();
    let s = last(daftar(&["index", "--json"], dir.path()));
    assert_eq!(
        (
            s["removed"].as_u64(),
            s["updated"].as_u64(),
            s["articles"].as_u64()
        ),
        (Some(1), Some(1), Some(2))
    );
    assert_eq!(found(&index(dir.path()), "نو"), ["a01.txt"]);
}

#[test]
fn a_corrupt_index_is_rebuilt() {
    let dir = corpus(&["الف", "ب"]);
    daftar(&["index", "--json"], dir.path());
    let idx_dir = index_dir(dir.path());
    std::fs::write(idx_dir.join("meta.json"), b"{ not json").unwrap();
    let s = daftar(&["index", "--json"], dir.path())
        .last()
        .unwrap()
        .clone();
    assert!(
        s["rebuilt"].as_str().unwrap_or("").contains("rebuilding"),
        "{s}"
    );
    assert_eq!(s["articles"].as_u64(), Some(2));
}

#[cfg(unix)]
#[test]
fn killing_the_indexer_mid_run_leaves_a_correct_index_after_the_next_run() {
    // Enough articles that indexing takes a while in a debug build.
    let dir = tempfile::tempdir().unwrap();
    let body =
        "همکاری ایران و روسیه در زمینه انرژی ادامه دارد و دو کشور گفت‌وگو می‌کنند.\n".repeat(20);
    for i in 0..3000 {
        std::fs::write(
            dir.path().join(format!("n{i:05}.txt")),
            format!("خبر {i}\n۱۴۰۳/۰۹/۰۲\nشناسه{i} {body}"),
        )
        .unwrap();
    }
    for delay_ms in [150u64, 600, 1500] {
        let mut child = Command::new(env!("CARGO_BIN_EXE_daftar"))
            .arg("index")
            .arg(dir.path())
            .arg("--json")
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(std::time::Duration::from_millis(delay_ms));
        let _ = child.kill(); // SIGKILL
        let _ = child.wait();
    }
    let s = daftar(&["index", "--json"], dir.path())
        .last()
        .unwrap()
        .clone();
    assert_eq!(s["articles"].as_u64(), Some(3000), "{s}");
    let idx = index(dir.path());
    assert_eq!(found(&idx, "شناسه1234"), ["n01234.txt"]);
    let (syn, _) = Synonyms::load(None);
    let res = idx
        .search(&parse_query("همکاری").unwrap(), 10, &syn)
        .unwrap();
    assert_eq!(res.total, 3000, "each article exactly once");
}

/// A search process answers from the index when no file was added,
/// removed or renamed (it checks the folders, not every file), sees an
/// added or removed file at once — at the top or deep in a sub-folder —
/// does not trust folders changed around the last update, and finds an
/// article edited in place with `--fresh` (or after `daftar index`).
#[test]
fn a_search_process_checks_folders_not_files_and_sees_every_added_or_removed_file() {
    let dir = corpus(&["نفت خام", "گاز طبیعی"]);
    std::fs::create_dir_all(dir.path().join("۱۴۰۳/مهر")).unwrap();
    std::fs::write(dir.path().join("۱۴۰۳/مهر/c.txt"), "خبر\nبازار سهام\n").unwrap();
    let summary = |rows: &[Value]| rows.last().unwrap()["checked"].clone();
    let paths = |rows: &[Value]| -> Vec<String> {
        let mut p: Vec<String> = rows
            .iter()
            .filter(|r| r["kind"] == "hit")
            .map(|r| r["path"].as_str().unwrap().to_string())
            .collect();
        p.sort();
        p
    };
    // Folders changed moments before an update are not trusted (a file
    // may have come while they were listed): every file is checked again.
    let rows = daftar(&["search", "نفت", "--json"], dir.path());
    assert_eq!(summary(&rows), "files");
    let rows = daftar(&["search", "نفت", "--json"], dir.path());
    assert_eq!(summary(&rows), "files", "folders changed just now");
    // A few seconds on, the update vouches for them; then nothing changed.
    let settle = || std::thread::sleep(std::time::Duration::from_millis(3300));
    settle();
    assert_eq!(
        summary(&daftar(&["search", "نفت", "--json"], dir.path())),
        "files"
    );
    let rows = daftar(&["search", "نفت", "--json"], dir.path());
    assert_eq!(summary(&rows), "folders");
    assert_eq!(paths(&rows), ["a00.txt"]);

    // Added deep in a sub-folder: seen at once.
    std::fs::write(
        dir.path().join("۱۴۰۳/مهر/b.txt"),
        "خبر نفت\nقیمت نفت بالا رفت\n",
    )
    .unwrap();
    let rows = daftar(&["search", "نفت", "--json"], dir.path());
    assert_eq!(summary(&rows), "files");
    assert_eq!(paths(&rows), ["a00.txt", "۱۴۰۳/مهر/b.txt"]);
    // Removed: gone at once.
    std::fs::remove_file(dir.path().join("a00.txt")).unwrap();
    let rows = daftar(&["search", "نفت", "--json"], dir.path());
    assert_eq!(paths(&rows), ["۱۴۰۳/مهر/b.txt"]);
    settle();
    daftar(&["index", "--json"], dir.path());
    assert_eq!(
        summary(&daftar(&["search", "نفت", "--json"], dir.path())),
        "folders"
    );

    // Edited in place (its folder's time stays): --fresh finds it.
    let b = dir.path().join("۱۴۰۳/مهر/b.txt");
    let folder_time = std::fs::metadata(dir.path().join("۱۴۰۳/مهر"))
        .unwrap()
        .modified()
        .unwrap();
    std::fs::OpenOptions::new()
        .write(true)
        .truncate(true)
        .open(&b)
        .and_then(|mut f| std::io::Write::write_all(&mut f, "خبر گاز\nصادرات گاز\n".as_bytes()))
        .unwrap();
    assert_eq!(
        std::fs::metadata(dir.path().join("۱۴۰۳/مهر"))
            .unwrap()
            .modified()
            .unwrap(),
        folder_time,
        "an edit in place leaves the folder's time"
    );
    let rows = daftar(&["search", "نفت", "--json", "--fresh"], dir.path());
    assert_eq!(summary(&rows), "files");
    assert!(paths(&rows).is_empty(), "{rows:?}");
    assert_eq!(
        paths(&daftar(&["search", "صادرات", "--json"], dir.path())),
        ["۱۴۰۳/مهر/b.txt"]
    );
}

/// `daftar bench` times a whole search process on its own index (the
/// corpus's own is not touched), answered from the folders.
#[test]
fn bench_times_a_search_process_without_touching_the_corpus_index() {
    let dir = corpus(&["نفت خام در بازار", "گاز طبیعی در بازار", "بازار سهام"]);
    let out = common::daftar(&["bench", "--json"], dir.path());
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    let p = &v["search_process_ms"];
    assert!(p["p50"].as_f64().is_some_and(|ms| ms > 0.0), "{v}");
    // (Folders written moments ago are not trusted: every file checked —
    // unless the machine took over 3 s to get here.)
    assert!(p["checked"] == "files" || p["checked"] == "folders", "{v}");
    assert!(
        !dir.path().join(".daftar/index").exists(),
        "the corpus's index untouched"
    );
}
