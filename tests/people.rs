//! The evaluation set for people, organisations, places and statements no
//! gazetteer holds (issue 16): `tests/data/people/`, original articles
//! about invented people, each with a gold file (entities with kind and
//! every alias as written; statements with their speaker or «unnamed» and
//! their first words). Articles numbered 11 and up in each series are held
//! out of tuning and reported apart.
//!
//! This checks that the gold agrees with its articles and prints the
//! figures daftar reaches, read as one corpus: `cargo test --test
//! integration people -- --nocapture` (`DAFTAR_PEOPLE_VERBOSE=1` lists
//! every miss). Issue 16's thresholds are asserted on the whole set:
//! entity recall and precision 90 %, statements with the right speaker
//! 85 %, no unnamed source given a name, no outlet taken for a person.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use daftar::corpus::{Article, LoadEvent, LoadOptions, load_folder};
use daftar::extract::gazetteer::joined_key;
use daftar::extract::{EntityKind, EntityName, Gazetteer};
use serde::Deserialize;

#[derive(Debug, Deserialize)]
pub struct GoldEntity {
    pub name: String,
    pub kind: String,
    pub aliases: Vec<String>,
}

#[derive(Debug, Deserialize)]
pub struct GoldStatement {
    pub speaker: String,
    pub first: String,
}

#[derive(Debug, Deserialize)]
pub struct Gold {
    pub topic: String,
    pub outlet: String,
    pub entities: Vec<GoldEntity>,
    pub statements: Vec<GoldStatement>,
}

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/people")
}

/// Every article and its gold, by file name.
pub fn articles() -> Vec<(String, String, Gold)> {
    let Ok(dir) = std::fs::read_dir(root()) else {
        return Vec::new();
    };
    let mut names: Vec<PathBuf> = dir
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    names.sort();
    names
        .into_iter()
        .map(|p| {
            let text = std::fs::read_to_string(&p).unwrap();
            let gold_path = p.with_extension("gold.json");
            let gold: Gold = serde_json::from_str(
                &std::fs::read_to_string(&gold_path)
                    .unwrap_or_else(|e| panic!("{}: {e}", gold_path.display())),
            )
            .unwrap_or_else(|e| panic!("{}: {e}", gold_path.display()));
            let name = p.file_name().unwrap().to_string_lossy().into_owned();
            (name, text, gold)
        })
        .collect()
}

/// Held out of tuning: number 11 and up in each series («a11-…», «b14-…»).
pub fn held_out(name: &str) -> bool {
    name.get(1..3)
        .and_then(|n| n.parse::<u32>().ok())
        .is_some_and(|n| n >= 11)
}

#[test]
fn the_gold_agrees_with_its_articles() {
    let set = articles();
    let topics: std::collections::BTreeSet<&str> = set.iter().map(|a| a.2.topic.as_str()).collect();
    let outlets: std::collections::BTreeSet<&str> =
        set.iter().map(|a| a.2.outlet.as_str()).collect();
    if set.len() >= 30 {
        assert!(topics.len() >= 8, "{topics:?}");
        assert!(outlets.len() >= 3, "{outlets:?}");
    }
    for (name, text, gold) in &set {
        for e in &gold.entities {
            assert!(
                matches!(e.kind.as_str(), "person" | "org" | "place"),
                "{name}: kind {}",
                e.kind
            );
            for a in &e.aliases {
                assert!(
                    text.contains(a.as_str()),
                    "{name}: alias «{a}» is not in the text"
                );
            }
        }
        for s in &gold.statements {
            assert!(
                text.contains(s.first.as_str()),
                "{name}: statement «{}» is not in the text",
                s.first
            );
            assert!(
                s.speaker == "unnamed" || gold.entities.iter().any(|e| e.name == s.speaker),
                "{name}: speaker {} is no entity of the article",
                s.speaker
            );
        }
    }
}

/// A joined key without a leading generic place word.
fn place_key(key: &str) -> &str {
    for head in ["شهرستان", "استان", "شهر"] {
        if let Some(rest) = key.strip_prefix(head)
            && !rest.is_empty()
        {
            return rest;
        }
    }
    key
}

/// Token keys of a text (letters folded, ZWNJ and spacing aside).
fn keys(s: &str) -> Vec<String> {
    daftar::text::tokenize::tokenize(s)
        .into_iter()
        .map(|t| t.key)
        .collect()
}

#[derive(Debug, Default, Clone, Copy)]
struct Score {
    articles: usize,
    gold_entities: usize,
    found_gold_entities: usize,
    found_entities: usize,
    right_found_entities: usize,
    statements: usize,
    right_speakers: usize,
    unnamed: usize,
    unnamed_given_a_name: usize,
    outlets_as_people: usize,
}

impl Score {
    fn merge(&mut self, o: &Score) {
        self.articles += o.articles;
        self.gold_entities += o.gold_entities;
        self.found_gold_entities += o.found_gold_entities;
        self.found_entities += o.found_entities;
        self.right_found_entities += o.right_found_entities;
        self.statements += o.statements;
        self.right_speakers += o.right_speakers;
        self.unnamed += o.unnamed;
        self.unnamed_given_a_name += o.unnamed_given_a_name;
        self.outlets_as_people += o.outlets_as_people;
    }

    fn line(&self) -> String {
        let pct = |a: usize, b: usize| 100.0 * a as f64 / b.max(1) as f64;
        format!(
            "{} articles: entities found {:.0} % (recall, {} of {}), right {:.0} % (precision, {} of {}); \
             statements with the right speaker {:.0} % ({} of {}); unnamed given a name {} of {}; outlets as people {}",
            self.articles,
            pct(self.found_gold_entities, self.gold_entities),
            self.found_gold_entities,
            self.gold_entities,
            pct(self.right_found_entities, self.found_entities),
            self.right_found_entities,
            self.found_entities,
            pct(self.right_speakers, self.statements),
            self.right_speakers,
            self.statements,
            self.unnamed_given_a_name,
            self.unnamed,
            self.outlets_as_people,
        )
    }

    fn add(&mut self, name: &str, a: &Article, gold: &Gold, g: &Gazetteer, verbose: bool) {
        self.articles += 1;
        let mut misses: Vec<String> = Vec::new();
        // Each gold entity by the joined keys of its names.
        let gold_keys: Vec<Vec<String>> = gold
            .entities
            .iter()
            .map(|e| {
                std::iter::once(&e.name)
                    .chain(&e.aliases)
                    .map(|n| joined_key(n))
                    .collect::<Vec<String>>()
            })
            .collect();
        // Each entity found, with the keys of its name and of every form
        // the article writes it in (its aliases there).
        let found: Vec<(EntityName, Vec<String>)> = daftar::extract::by_entity(g, a.mentions())
            .into_iter()
            .map(|(n, ms)| {
                let mut forms: Vec<String> = std::iter::once(joined_key(&n.name))
                    .chain(ms.iter().map(|m| joined_key(&a.text()[m.range()])))
                    .collect();
                forms.sort();
                forms.dedup();
                (n, forms)
            })
            .collect();
        let forms_of = |r: &daftar::extract::EntityRef| -> Vec<String> {
            let n = EntityName::of(g, r);
            std::iter::once(joined_key(&n.name))
                .chain(
                    a.mentions()
                        .filter(|m| &m.entity == r)
                        .map(|m| joined_key(&a.text()[m.range()])),
                )
                .collect()
        };
        // «استان خوزستان» and «خوزستان», «شهر تبریز» and «تبریز» name one
        // place.
        let matches = |forms: &[String], k: &[String]| {
            forms
                .iter()
                .any(|f| k.iter().any(|g| place_key(g) == place_key(f)))
        };
        for (e, k) in gold.entities.iter().zip(&gold_keys) {
            self.gold_entities += 1;
            if found.iter().any(|(_, f)| matches(f, k)) {
                self.found_gold_entities += 1;
            } else {
                misses.push(format!("  missed {} «{}»", e.kind, e.name));
            }
        }
        for (n, f) in &found {
            self.found_entities += 1;
            if gold_keys.iter().any(|k| matches(f, k)) {
                self.right_found_entities += 1;
            } else {
                misses.push(format!("  not in the gold: {:?} «{}»", n.kind, n.name));
            }
            if n.kind == EntityKind::Person && daftar::corpus::outlets::BUNDLED.knows(&n.name) {
                self.outlets_as_people += 1;
            }
        }
        // A statement is found when its text opens with the gold's first
        // words (within its first fifteen words).
        for s in &gold.statements {
            self.statements += 1;
            let want = keys(&s.first);
            let hit = a.statements().find(|st| {
                let got = keys(&a.text()[st.range()]);
                got.windows(want.len().max(1))
                    .take(15)
                    .any(|w| w == want.as_slice())
            });
            let speaker = hit
                .as_ref()
                .and_then(|st| st.speaker.as_ref())
                .map(|r| (EntityName::of(g, r), forms_of(r)));
            let right = match (s.speaker.as_str(), &speaker) {
                ("unnamed", None) => hit.is_some(),
                ("unnamed", Some(_)) => false,
                (who, Some(n)) => gold
                    .entities
                    .iter()
                    .zip(&gold_keys)
                    .any(|(e, k)| e.name == who && matches(&n.1, k)),
                (_, None) => false,
            };
            if s.speaker == "unnamed" {
                self.unnamed += 1;
                if speaker.is_some() {
                    self.unnamed_given_a_name += 1;
                }
            }
            if right {
                self.right_speakers += 1;
            } else {
                misses.push(format!(
                    "  statement «{}»: {} (gold {})",
                    s.first,
                    match (&hit, &speaker) {
                        (None, _) => "not found".to_string(),
                        (Some(_), None) => "no speaker".to_string(),
                        (Some(_), Some(n)) => format!("«{}»", n.0.name),
                    },
                    s.speaker
                ));
            }
        }
        if verbose && !misses.is_empty() {
            eprintln!("{name}\n{}", misses.join("\n"));
        }
    }
}

#[test]
fn figures_on_people_no_list_knows_tuned_and_held_out_apart() {
    let set = articles();
    if set.is_empty() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    for (name, text, _) in &set {
        std::fs::write(dir.path().join(name), text).unwrap();
    }
    let g = std::sync::Arc::new(Gazetteer::bundled());
    let opts = LoadOptions {
        analyse: Some(daftar::extract::analyser(g.clone())),
        ..Default::default()
    };
    let mut loaded: Vec<Article> = Vec::new();
    load_folder(dir.path(), &opts, |ev| {
        if let LoadEvent::Article(a) = ev {
            loaded.push(*a);
        }
    })
    .unwrap();
    // As the window and the commands read a corpus: names one article
    // introduces are found in the others.
    daftar::extract::discover_in(&g, &mut loaded);
    let read: HashMap<String, Article> = loaded.into_iter().map(|a| (a.path.clone(), a)).collect();
    let verbose = std::env::var_os("DAFTAR_PEOPLE_VERBOSE").is_some();
    let (mut tuned, mut held) = (Score::default(), Score::default());
    for (name, _, gold) in &set {
        let a = read
            .get(name)
            .unwrap_or_else(|| panic!("{name} was not loaded"));
        if held_out(name) {
            held.add(name, a, gold, &g, verbose);
        } else {
            tuned.add(name, a, gold, &g, verbose);
        }
    }
    eprintln!("tuned:    {}", tuned.line());
    eprintln!("held out: {}", held.line());
    assert_eq!(tuned.articles + held.articles, set.len());
    // Issue 16's thresholds, on the whole set (the held-out third is
    // reported apart above).
    let mut all = tuned;
    all.merge(&held);
    eprintln!("all:      {}", all.line());
    let pct = |a: usize, b: usize| 100.0 * a as f64 / b.max(1) as f64;
    let recall = pct(all.found_gold_entities, all.gold_entities);
    let precision = pct(all.right_found_entities, all.found_entities);
    let speakers = pct(all.right_speakers, all.statements);
    assert!(recall >= 90.0, "entity recall {recall:.1} %");
    assert!(precision >= 90.0, "entity precision {precision:.1} %");
    assert!(speakers >= 85.0, "right speakers {speakers:.1} %");
    assert_eq!(all.outlets_as_people, 0, "an outlet taken for a person");
    assert_eq!(all.unnamed_given_a_name, 0, "unnamed sources given a name");
}
