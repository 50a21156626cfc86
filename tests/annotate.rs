//! The annotation store under stress and under edits: SIGKILL during
//! `daftar tag` never loses a tag whose command returned, and edited
//! articles re-anchor their passages or keep them as orphans.

use crate::common;

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::Duration;

use serde_json::Value;

fn daftar() -> Command {
    Command::new(env!("CARGO_BIN_EXE_daftar"))
}

fn tags(folder: &Path) -> Vec<Value> {
    common::json_lines(&["tags", "--json"], folder)
}

const ARTICLE: &str = "گزارش آزمایشی درباره بازار\n\
    پاراگراف نخست از همکاری دو کشور در زمینه انرژی می‌گوید.\n\
    پاراگراف دوم به قیمت طلا و سکه در بازار تهران می‌پردازد.\n\
    پاراگراف سوم از برگزاری نمایشگاه کتاب خبر می‌دهد.\n";

/// 1,000 `daftar tag` calls, a third of them killed at a random moment:
/// the store always parses and holds every tag whose command returned.
#[test]
fn sigkill_during_tagging_never_loses_a_returned_tag() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.txt"), ARTICLE).unwrap();
    let mut rng = fastrand::Rng::with_seed(7);
    let mut returned = Vec::new();
    let mut killed = 0;
    for i in 0..1000 {
        let start = 30 + i % 40;
        let mut child = daftar()
            .args(["tag", "--path", "a.txt", "--tag"])
            .arg(format!("t{i}"))
            .args([
                "--start",
                &start.to_string(),
                "--end",
                &(start + 6).to_string(),
            ])
            .args(["--annotator", "آزمون"])
            .arg(dir.path())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        if rng.u8(0..3) == 0 {
            std::thread::sleep(Duration::from_micros(rng.u64(0..15_000)));
            if child.kill().is_ok() {
                killed += 1;
            }
            let _ = child.wait();
            continue;
        }
        let status = child.wait().unwrap();
        assert!(status.success(), "call {i} failed");
        returned.push(format!("t{i}"));
        if i % 100 == 0 {
            // The store parses at every point, with every returned tag (a
            // range tagged before gets the new tag, not a copy).
            let listed = tags(dir.path());
            for t in &returned {
                assert!(
                    listed.iter().any(|p| p["tags"]
                        .as_array()
                        .is_some_and(|ts| ts.iter().any(|x| x == t.as_str()))),
                    "{t} returned but not listed"
                );
            }
        }
    }
    assert!(killed > 200, "{killed} kills");
    let text = std::fs::read_to_string(dir.path().join(".daftar/annotations.ron")).unwrap();
    let store: daftar::annotate::Annotations = ron::from_str(&text).expect("the store parses");
    for t in &returned {
        assert!(
            store.passages.iter().any(|p| p.tags.contains(t)),
            "{t} returned but is missing"
        );
    }
    // One passage per range tagged: `daftar tag` adds to a passage tagged
    // before, as the window does.
    let mut ranges: Vec<(usize, usize)> = store.passages.iter().map(|p| (p.start, p.end)).collect();
    ranges.sort();
    ranges.dedup();
    assert_eq!(ranges.len(), store.passages.len());
    // Ids stay unique even across kills.
    let mut ids: Vec<u64> = store.passages.iter().map(|p| p.id).collect();
    ids.sort();
    ids.dedup();
    assert_eq!(ids.len(), store.passages.len());
}

/// An article edited under its passages: a paragraph inserted before the
/// first (re-anchored exactly), a word changed inside the second and the
/// third paragraph deleted (both kept, orphaned, with their text).
#[test]
fn edited_articles_re_anchor_or_orphan_their_passages() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("a.txt");
    std::fs::write(&file, ARTICLE).unwrap();
    let chars: Vec<char> = ARTICLE.chars().collect();
    let find = |needle: &str| {
        let n: Vec<char> = needle.chars().collect();
        let s = (0..chars.len())
            .find(|&s| chars[s..].starts_with(&n))
            .unwrap();
        (s, s + n.len())
    };
    let quotes = ["همکاری دو کشور", "قیمت طلا و سکه", "نمایشگاه کتاب"];
    for (q, tag) in quotes.iter().zip(["انرژی", "بازار", "فرهنگ"]) {
        let (s, e) = find(q);
        let out = daftar()
            .args(["tag", "--path", "a.txt", "--tag", tag, "--note", "یادداشت"])
            .args(["--start", &s.to_string(), "--end", &e.to_string()])
            .arg(dir.path())
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    let inserted = "یک پاراگراف تازه که بعدا افزوده شد.\n";
    let edited = ARTICLE
        .replacen("پاراگراف نخست", &format!("{inserted}پاراگراف نخست"), 1)
        .replace("قیمت طلا و سکه", "قیمت طلا و ارز")
        .replace("پاراگراف سوم از برگزاری نمایشگاه کتاب خبر می‌دهد.\n", "");
    std::fs::write(&file, &edited).unwrap();
    let stored = std::fs::read(dir.path().join(".daftar/annotations.ron")).unwrap();

    let rows = tags(dir.path());
    assert_eq!(rows.len(), 3, "nothing is dropped");
    let now: Vec<char> = edited.chars().collect();
    let first = &rows[0];
    assert_eq!(first["orphaned"], false);
    let (s, e) = (
        first["start"].as_u64().unwrap() as usize,
        first["end"].as_u64().unwrap() as usize,
    );
    assert_eq!(
        s,
        find(quotes[0]).0 + inserted.chars().count(),
        "moved by the insert"
    );
    assert_eq!(now[s..e].iter().collect::<String>(), quotes[0]);
    for (row, q) in rows[1..].iter().zip(&quotes[1..]) {
        assert_eq!(row["orphaned"], true, "{row}");
        assert_eq!(row["text"], *q, "kept with its text");
        assert_eq!(row["note"], "یادداشت");
    }
    // Listing only reads (it works on a read-only corpus, beside a window
    // that annotates): the anchors are found anew each time, the file is
    // as the tagging left it, every passage in it.
    assert_eq!(
        std::fs::read(dir.path().join(".daftar/annotations.ron")).unwrap(),
        stored
    );
    // The article file itself was never written by daftar.
    assert_eq!(std::fs::read_to_string(&file).unwrap(), edited);
}

/// `daftar tag --query` tags every match; a second writer is refused.
#[test]
fn tagging_every_match_of_a_query_and_one_writer_at_a_time() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.txt"), ARTICLE).unwrap();
    std::fs::write(
        dir.path().join("b.txt"),
        "خبر دیگر\nبازار کتاب و بازار طلا هر دو آرام بودند.\n",
    )
    .unwrap();
    let out = daftar()
        .args(["tag", "--json", "--query", "بازار", "--tag", "بازار"])
        .arg(dir.path())
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let rows = tags(dir.path());
    assert_eq!(rows.len(), 4, "every match: 2 in a.txt, 2 in b.txt");
    for r in &rows {
        assert_eq!(r["text"], "بازار");
    }
    // While a store is open, daftar tag says who holds it and writes nothing.
    let held = daftar::annotate::AnnotationStore::open(dir.path()).unwrap();
    let out = daftar()
        .args([
            "tag", "--path", "a.txt", "--start", "0", "--end", "4", "--tag", "x",
        ])
        .arg(dir.path())
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("another daftar"));
    drop(held);
    assert_eq!(tags(dir.path()).len(), 4);
}
