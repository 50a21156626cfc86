//! Corpus statistics (issue 20): the word list against an independent
//! count (Hazm's normaliser and tokenizer, tests/stats_reference.py), the
//! JSON contract of `daftar stats`, and the Statistics view driven through
//! AccessKit — a word to its collocates to the pair's concordance, and
//! keyness of two outlets.

use std::collections::HashMap;

use egui::Role;
use egui_kittest::kittest::Queryable;
use serde_json::Value;

use crate::common;

fn stats(folder: &std::path::Path, args: &[&str]) -> Vec<Value> {
    let mut all = vec!["stats"];
    all.extend_from_slice(args);
    all.push("--json");
    common::json_lines(&all, folder)
}

fn key(s: &str) -> String {
    daftar::text::search_key(s)
}

#[test]
fn the_top_200_words_count_as_hazm_counts_them() {
    // tests/data/stats/sample-hazm.tsv: `daftar inspect --json --with-text`
    // of the sample corpus through tests/stats_reference.py (Hazm 0.9.3).
    let reference: Vec<(String, u64)> = include_str!("data/stats/sample-hazm.tsv")
        .lines()
        .filter_map(|l| {
            let (k, n) = l.split_once('\t')?;
            Some((k.to_string(), n.parse().ok()?))
        })
        .collect();
    assert!(reference.len() > 300, "the reference covers the corpus");
    let dir = common::sample_copy();
    let rows = stats(dir.path(), &["words"]);
    let ours: Vec<(String, u64)> = rows
        .iter()
        .filter(|r| r["kind"] == "word")
        .map(|r| {
            (
                r["key"].as_str().unwrap().to_string(),
                r["freq"].as_u64().unwrap(),
            )
        })
        .collect();
    let theirs: HashMap<&str, u64> = reference.iter().map(|(k, n)| (k.as_str(), *n)).collect();
    let mine: HashMap<&str, u64> = ours.iter().map(|(k, n)| (k.as_str(), *n)).collect();
    // Each side's 200 commonest words have the same count on the other.
    for (k, n) in reference.iter().take(200) {
        assert_eq!(mine.get(k.as_str()), Some(n), "Hazm's «{k}»");
    }
    for (k, n) in ours.iter().take(200) {
        assert_eq!(theirs.get(k.as_str()), Some(n), "daftar's «{k}»");
    }
    // Most frequent first, and the summary counts every word once.
    assert!(ours.windows(2).all(|w| w[0].1 >= w[1].1));
    let summary = rows.last().unwrap();
    assert_eq!(summary["kind"], "summary");
    assert_eq!(
        summary["tokens"].as_u64(),
        Some(ours.iter().map(|x| x.1).sum())
    );
    assert_eq!(summary["articles"].as_u64(), Some(13));
    assert!(summary["ms"].is_number());
    // Every row has the contract's fields; a spelling variant is one word.
    let row = rows
        .iter()
        .find(|r| r["key"] == key("گفت‌وگو"))
        .expect("گفت‌وگو");
    for f in ["form", "freq", "docs", "per_million", "dispersion"] {
        assert!(!row[f].is_null(), "{f}");
    }
    assert_eq!(key(row["form"].as_str().unwrap()), key("گفت‌وگو"));
}

#[test]
fn ngrams_collocates_keyness_and_dispersion_answer_in_their_contract() {
    let dir = common::sample_copy();
    // «امور خارجه» is a bigram of the two foreign-minister articles.
    let grams = stats(dir.path(), &["ngrams", "--n", "2", "--min-freq", "2"]);
    let g = grams
        .iter()
        .find(|r| r["key"] == "امور خارجه")
        .expect("امور خارجه");
    assert_eq!(g["kind"], "ngram");
    assert!(g["freq"].as_u64().unwrap() >= 2 && g["docs"].as_u64().unwrap() >= 2);
    assert!(
        grams
            .iter()
            .filter(|r| r["kind"] == "ngram")
            .all(|r| r["freq"].as_u64().unwrap() >= 2)
    );

    let col = stats(
        dir.path(),
        &["collocates", "عراقچی", "--window", "3", "--min-freq", "1"],
    );
    let abbas = col
        .iter()
        .find(|r| r["key"] == "عباس")
        .expect("«عباس» next to «عراقچی»");
    assert_eq!(abbas["kind"], "collocate");
    for f in ["log_dice", "mi", "t", "ll"] {
        assert!(abbas[f].as_f64().is_some(), "{f}");
    }
    assert!(abbas["log_dice"].as_f64().unwrap() <= 14.0);

    let keys = stats(
        dir.path(),
        &[
            "keyness",
            "--left",
            "source=ایرنا",
            "--right",
            "source=تسنیم",
            "--min-freq",
            "1",
        ],
    );
    let words: Vec<&Value> = keys.iter().filter(|r| r["kind"] == "keyword").collect();
    assert!(
        words
            .iter()
            .any(|r| r["log_ratio"].as_f64().unwrap() > 0.0 && r["right_freq"] == 0)
    );
    assert!(
        words
            .iter()
            .any(|r| r["log_ratio"].as_f64().unwrap() < 0.0 && r["left_freq"] == 0)
    );
    // The left side's keywords first, by log-likelihood.
    let first_negative = words
        .iter()
        .position(|r| r["log_ratio"].as_f64().unwrap() <= 0.0)
        .unwrap();
    assert!(
        words[..first_negative]
            .windows(2)
            .all(|w| w[0]["ll"].as_f64() >= w[1]["ll"].as_f64())
    );
    let bad = common::daftar(
        &["stats", "keyness", "--left", "colour=red", "--right", "all"],
        dir.path(),
    );
    assert!(!bad.status.success());
    assert!(String::from_utf8_lossy(&bad.stderr).contains("colour"));

    let disp = stats(dir.path(), &["dispersion", "گفت"]);
    let d = &disp[0];
    assert_eq!(d["kind"], "dispersion");
    let texts: HashMap<String, String> =
        common::json_lines(&["inspect", "--json", "--with-text"], dir.path())
            .into_iter()
            .filter(|r| r["kind"] == "article")
            .map(|r| {
                (
                    r["path"].as_str().unwrap().to_string(),
                    r["text"].as_str().unwrap().to_string(),
                )
            })
            .collect();
    let hits = d["hits"].as_array().unwrap();
    assert!(hits.len() >= 5);
    for h in hits {
        let text: Vec<char> = texts[h["path"].as_str().unwrap()].chars().collect();
        let (s, e) = (
            h["start"].as_u64().unwrap() as usize,
            h["end"].as_u64().unwrap() as usize,
        );
        let word: String = text[s..e].iter().collect();
        assert_eq!(key(&word), "گفت", "{h}");
    }
    let per: u64 = d["per_period"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["freq"].as_u64().unwrap())
        .sum();
    let dated = hits.iter().filter(|h| !h["date"].is_null()).count() as u64;
    assert_eq!(per, dated, "every dated hit is in a month");
    // Narrowed: a search's articles, one speaker's statements.
    let total = stats(dir.path(), &["words"]).last().unwrap()["tokens"]
        .as_u64()
        .unwrap();
    let searched = stats(dir.path(), &["words", "--query", "عراقچی"]);
    let s = searched.last().unwrap();
    assert_eq!(
        s["articles"].as_u64(),
        Some(2),
        "the two files naming him: {s}"
    );
    let said = stats(dir.path(), &["words", "--in", "speaker=عراقچی"]);
    let quoted = said.last().unwrap()["tokens"].as_u64().unwrap();
    assert!(quoted > 10 && quoted < s["tokens"].as_u64().unwrap() && quoted < total);
    assert!(
        said.iter().all(|r| r["key"] != "گزارش"),
        "«به گزارش» is the outlet's, not the speaker's"
    );
    // Several terms: a line each, over the same articles.
    let two = stats(dir.path(), &["dispersion", "گفت، عراقچی"]);
    let lines: Vec<&Value> = two.iter().filter(|r| r["kind"] == "dispersion").collect();
    assert_eq!(lines.len(), 2);
    assert_eq!(
        (lines[0]["key"].as_str(), lines[1]["key"].as_str()),
        (Some("گفت"), Some("عراقچی"))
    );
    assert_eq!(lines[0]["hits"], d["hits"]);
    let missing = common::daftar(&["stats", "dispersion", "ناموجودترین"], dir.path());
    assert!(
        !missing.status.success(),
        "a word that never occurs is said, not an empty table"
    );
}

#[test]
fn a_word_leads_to_its_collocates_and_a_collocate_to_the_pairs_concordance() {
    let corpus = common::sample_copy();
    let mut h = common::window(corpus.path());
    h.get_by_label("Statistics").click();
    common::settle(&mut h);
    h.get_by_label("Leave out stop words").click();
    common::settle(&mut h);
    assert!(!h.state().stats.rows().is_empty(), "a word list");
    // Typed in any spelling: the list keeps the words holding it.
    h.get_by_role_and_label(Role::TextInput, "Filter").click();
    h.run();
    h.get_by_role_and_label(Role::TextInput, "Filter")
        .type_text("عراقچي");
    common::settle(&mut h);
    let rows = h.state().stats.rows();
    let word = rows
        .iter()
        .find(|w| key(w) == "عراقچی")
        .expect("«عراقچی» is listed")
        .clone();
    h.get_by_role_and_label(Role::Button, &word).click();
    common::settle(&mut h);
    assert_eq!(
        h.state().stats.tab,
        daftar::ui::panels::stats::Tab::Collocates
    );
    let collocates = h.state().stats.rows();
    let abbas = collocates
        .iter()
        .find(|w| key(w) == "عباس")
        .expect("«عباس» collocates")
        .clone();
    h.get_by_role_and_label(Role::Button, &abbas).click();
    common::settle(&mut h);
    let app = h.state();
    assert_eq!(app.view, daftar::ui::app::View::Concordance);
    let pinned = app.kwic.pinned.as_ref().expect("the pair's concordance");
    let lines: Vec<_> = pinned.groups.iter().flat_map(|g| &g.1).collect();
    assert!(!lines.is_empty());
    for l in lines {
        assert_eq!(key(&l.keyword), "عراقچی");
        let around = key(&format!("{} {}", l.before, l.after));
        assert!(
            around.contains("عباس"),
            "{} | {} | {}",
            l.before,
            l.keyword,
            l.after
        );
    }
}

#[test]
fn keyness_of_two_outlets_lists_words_of_each_side() {
    let corpus = common::sample_copy();
    let mut h = common::window(corpus.path());
    h.get_by_label("Statistics").click();
    common::settle(&mut h);
    h.get_by_label("Keyness").click();
    h.state_mut().stats.side_left = "source=ایرنا".into();
    h.state_mut().stats.side_right = "source=تسنیم".into();
    h.state_mut().stats.min_freq = 1;
    common::settle(&mut h);
    let rows = h.state().stats.table_rows();
    assert!(!rows.is_empty());
    assert!(
        rows.iter()
            .any(|r| r["log_ratio"].as_f64().unwrap() > 0.0 && r["right_freq"] == 0),
        "left-side words"
    );
    assert!(
        rows.iter()
            .any(|r| r["log_ratio"].as_f64().unwrap() < 0.0 && r["left_freq"] == 0),
        "right-side words"
    );
    // A keyword's concordance shows it on each side.
    let first = h.state().stats.rows()[0].clone();
    h.get_by_role_and_label(Role::Button, &first).click();
    common::settle(&mut h);
    let pinned = h
        .state()
        .kwic
        .pinned
        .as_ref()
        .expect("the keyword's concordance");
    assert_eq!(pinned.groups.len(), 2);
    assert!(!pinned.groups[0].1.is_empty());
    assert!(
        pinned.groups[0]
            .1
            .iter()
            .all(|l| key(&l.keyword) == key(&first))
    );
}
