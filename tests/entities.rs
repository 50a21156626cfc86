//! Entities: the gold list of the real seed articles, offsets on the sample
//! corpus, and `daftar entities`.

use crate::common;

use std::path::Path;

use serde_json::Value;

fn inspect(folder: &Path) -> Vec<Value> {
    common::json_lines(&["inspect", "--json", "--with-text"], folder)
        .into_iter()
        .filter(|v| v["kind"] == "article")
        .collect()
}

/// A name compared the way a reader would: spelling variants, ZWNJ and
/// spaces do not matter.
fn key(s: &str) -> String {
    daftar::text::search_key(s)
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect()
}

/// Every non-optional entity of `seeds/gold/entities.tsv` is found in its
/// article with the right kind (by its name, or by what its mentions say).
#[test]
fn seed_gold_entities_are_found_with_their_kind() {
    let seeds = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/seeds");
    if !seeds.is_dir() {
        eprintln!("skipping: {} not present", seeds.display());
        return;
    }
    let rows = inspect(&seeds);
    let gold = std::fs::read_to_string(seeds.join("gold/entities.tsv")).unwrap();
    let mut checked = 0;
    let mut missing = Vec::new();
    for line in gold.lines().skip(1) {
        let cols: Vec<&str> = line.split('\t').collect();
        let (file, kind) = (cols[0], cols[1]);
        let kind = match kind {
            "PER" => "person",
            "LOC" => "place",
            "ORG" => "org",
            _ => continue, // TITLE rows are optional
        };
        if cols.get(4).is_some_and(|n| n.contains("optional")) {
            continue;
        }
        let article = rows
            .iter()
            .find(|r| r["path"].as_str().unwrap().starts_with(file))
            .unwrap_or_else(|| panic!("seed {file} loaded"));
        let found: Vec<(String, &str, Vec<String>)> = article["entities"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| {
                let texts = e["mentions"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|m| key(m["text"].as_str().unwrap()))
                    .collect();
                (
                    key(e["name"].as_str().unwrap()),
                    e["kind"].as_str().unwrap(),
                    texts,
                )
            })
            .collect();
        for name in cols[2].split('|') {
            // «روسیه (فدراسیون روسیه)»: the name before the note.
            let name = name.split('(').next().unwrap().trim();
            let k = key(name);
            checked += 1;
            let hit = found
                .iter()
                .any(|(n, kd, texts)| *kd == kind && (*n == k || texts.contains(&k)));
            if !hit {
                missing.push(format!("{file} {kind} {name}"));
            }
        }
    }
    assert!(checked >= 60, "{checked} gold entities read");
    assert!(missing.is_empty(), "not found: {missing:#?}");
}

/// On the sample corpus, every mention's `text` is the original characters
/// at its offsets, and the names of the bundled gazetteer come out.
#[test]
fn sample_mentions_point_at_their_text() {
    let dir = common::sample_copy();
    let rows = inspect(dir.path());
    let mut mentions = 0;
    let mut names = std::collections::HashSet::new();
    for a in &rows {
        let chars: Vec<char> = a["text"].as_str().unwrap().chars().collect();
        for e in a["entities"].as_array().unwrap() {
            names.insert(e["name"].as_str().unwrap().to_string());
            for m in e["mentions"].as_array().unwrap() {
                let (s, t) = (m["start"].as_u64().unwrap(), m["end"].as_u64().unwrap());
                let at: String = chars[s as usize..t as usize].iter().collect();
                assert_eq!(at, m["text"].as_str().unwrap());
                mentions += 1;
            }
        }
    }
    assert!(mentions > 50, "{mentions}");
    for n in ["ایران", "روسیه", "تهران"] {
        assert!(names.contains(n), "{n} in {names:?}");
    }
}
