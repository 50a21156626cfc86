//! Statements: the gold list of the real seed articles (a floor that can
//! only rise), and that no statement comes from chrome.

use crate::common;

use std::path::Path;
use std::process::Command;

use serde_json::Value;

fn inspect(folder: &Path) -> Vec<Value> {
    common::json_lines(&["inspect", "--json"], folder)
        .into_iter()
        .filter(|v| v["kind"] == "article")
        .collect()
}

/// Words as a reader compares them: spelling variants and ZWNJ aside.
fn words(s: &str) -> Vec<String> {
    daftar::text::tokenize::tokenize(s)
        .into_iter()
        .map(|t| t.key)
        .collect()
}

/// At least 38 of the 42 gold statements are found with the right speaker:
/// a found statement matches a gold one when its text starts with the gold
/// row's first words; each found statement answers one gold row.
#[test]
fn seed_gold_statements_with_their_speakers() {
    let seeds = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/seeds");
    if !seeds.is_dir() {
        eprintln!("skipping: {} not present", seeds.display());
        return;
    }
    let rows = inspect(&seeds);
    let gold = std::fs::read_to_string(seeds.join("gold/statements.tsv")).unwrap();
    let mut used: Vec<(String, usize)> = Vec::new();
    let mut found = 0;
    let mut missing = Vec::new();
    let mut total = 0;
    for line in gold.lines().skip(1) {
        let c: Vec<&str> = line.split('\t').collect();
        let (file, id, speaker, first8) = (c[0], c[1], c[2], c[6]);
        total += 1;
        let article = rows
            .iter()
            .find(|r| r["path"].as_str().unwrap().starts_with(file))
            .unwrap();
        let want = words(first8);
        let hit = article["statements"]
            .as_array()
            .unwrap()
            .iter()
            .enumerate()
            .find(|(i, s)| {
                let have = words(s["text"].as_str().unwrap());
                s["speaker"].as_str() == Some(speaker)
                    && have.len() >= want.len()
                    && have[..want.len()] == want[..]
                    && !used.contains(&(file.to_string(), *i))
            })
            .map(|(i, _)| i);
        match hit {
            Some(i) => {
                used.push((file.to_string(), i));
                found += 1;
            }
            None => missing.push(format!("{file} {id} {speaker}: {first8}")),
        }
    }
    assert!(total >= 41, "{total} gold rows read");
    eprintln!("{found} of {total} gold statements found; missing: {missing:#?}");
    assert!(found >= 41, "{found} of {total}; missing: {missing:#?}");
    // Nothing else is taken for a statement from these articles but what
    // a gold speaker says on the way to a cue («X با بیان اینکه …،
    // افزود»), which the gold does not list and issue 16 asks for: said by
    // one of that article's gold speakers.
    let mut others = Vec::new();
    for r in &rows {
        let file = &r["path"].as_str().unwrap()[..3];
        let speakers: Vec<&str> = gold
            .lines()
            .skip(1)
            .map(|l| l.split('\t').collect::<Vec<_>>())
            .filter(|c| c[0] == file)
            .map(|c| c[2])
            .collect();
        for (i, s) in r["statements"].as_array().unwrap().iter().enumerate() {
            if used.contains(&(file.to_string(), i)) {
                continue;
            }
            let on_the_way = s["cue"].as_str().unwrap().starts_with("با ")
                && s["cue"].as_str().unwrap().ends_with("اینکه")
                && s["speaker"]
                    .as_str()
                    .is_some_and(|sp| speakers.contains(&sp));
            if !on_the_way {
                others.push(format!("{file}: {s}"));
            }
        }
    }
    assert!(others.len() <= 1, "not in the gold: {others:#?}");
}

/// `daftar compare` on the seeds: Putin against the Iranian presidents.
#[test]
fn compare_aligns_putin_with_the_iranian_presidents() {
    let seeds = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/seeds");
    if !seeds.is_dir() {
        eprintln!("skipping: {} not present", seeds.display());
        return;
    }
    let out = Command::new(env!("CARGO_BIN_EXE_daftar"))
        .args(["compare", "--json", "--left", "speaker=پوتین"])
        .args(["--right", "speaker=روحانی|پزشکیان"])
        .arg(&seeds)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let lines: Vec<Value> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let pairs: Vec<&Value> = lines.iter().filter(|l| l["kind"] == "pair").collect();
    let summary = lines.last().unwrap();
    assert_eq!(summary["kind"], "summary");
    assert_eq!(summary["pairs"].as_u64().unwrap() as usize, pairs.len());
    assert!(pairs.len() >= 3, "{} pairs", pairs.len());
    let mut last = f64::MAX;
    for p in &pairs {
        assert_eq!(p["left"]["speaker"], "ولادیمیر پوتین");
        let right = p["right"]["speaker"].as_str().unwrap();
        assert!(right == "حسن روحانی" || right == "مسعود پزشکیان", "{right}");
        assert!(!p["shared"].as_array().unwrap().is_empty());
        let sim = p["similarity"].as_f64().unwrap();
        assert!(sim <= last, "best pairs first");
        last = sim;
    }
    let unpaired = lines.iter().filter(|l| l["kind"] == "unpaired").count();
    assert_eq!(
        pairs.len() * 2 + unpaired,
        (summary["left"].as_u64().unwrap() + summary["right"].as_u64().unwrap()) as usize,
        "every statement is in a pair or unpaired"
    );

    let bad = Command::new(env!("CARGO_BIN_EXE_daftar"))
        .args([
            "compare",
            "--left",
            "speaker=پوتین,from=1397-14-01",
            "--right",
            "x",
        ])
        .arg(&seeds)
        .output()
        .unwrap();
    assert!(!bad.status.success());
    assert!(String::from_utf8_lossy(&bad.stderr).contains("not a date"));
}

/// The same call reported by two outlets (sample corpus): the reprinted
/// quotes pair up with a word diff of what the second outlet changed.
#[test]
fn two_outlets_reprinting_a_quote_show_the_changed_words() {
    let dir = tempfile::tempdir().unwrap();
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/sample-corpus/politics");
    for f in ["03_fm_call.txt", "13_fm_call_tasnim.txt"] {
        std::fs::copy(src.join(f), dir.path().join(f)).unwrap();
    }
    let out = Command::new(env!("CARGO_BIN_EXE_daftar"))
        .args([
            "compare",
            "--json",
            "--left",
            "source=ایرنا",
            "--right",
            "source=تسنیم",
        ])
        .arg(dir.path())
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let lines: Vec<Value> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let araghchi = lines
        .iter()
        .find(|l| l["kind"] == "pair" && l["left"]["speaker"] == "عباس عراقچی")
        .expect("Araghchi's quote pairs with its reprint");
    assert_eq!(araghchi["right"]["speaker"], "عباس عراقچی");
    let changed = |side: &str| -> Vec<String> {
        araghchi["diff"][side]
            .as_array()
            .expect("a reprint has a diff")
            .iter()
            .map(|w| w["text"].as_str().unwrap().to_string())
            .collect()
    };
    assert_eq!(changed("left"), ["خواهان", "می‌کند"]);
    assert_eq!(changed("right"), ["به", "دنبال", "خواهد", "کرد"]);
}
