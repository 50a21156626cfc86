//! The message catalogue: every message the window asks for exists in
//! English and Persian, with the same arguments, and Persian messages are
//! Persian; numbers follow the Persian-digits setting.

use std::collections::{BTreeMap, BTreeSet};

use daftar::i18n::{self, Lang};

/// Message id → the variables its text uses, read from a catalogue file.
fn variables(path: &str) -> BTreeMap<String, BTreeSet<String>> {
    let text = std::fs::read_to_string(path).unwrap();
    let var = regex::Regex::new(r"\{\s*\$([a-z_]+)").unwrap();
    let id_line = regex::Regex::new(r"^([a-z][a-z0-9-]*)\s*=").unwrap();
    let mut out: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    let mut current = None;
    for line in text.lines() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        if let Some(c) = id_line.captures(line) {
            current = Some(c[1].to_string());
        }
        if let Some(id) = &current {
            let vars = out.entry(id.clone()).or_default();
            for c in var.captures_iter(line) {
                vars.insert(c[1].to_string());
            }
        }
    }
    out
}

#[test]
fn every_message_is_in_both_languages_with_the_same_arguments() {
    for lang in Lang::ALL {
        assert!(
            i18n::parse_errors(lang).is_empty(),
            "{lang:?}: {:?}",
            i18n::parse_errors(lang)
        );
    }
    let en: Vec<String> = i18n::ids(Lang::En);
    let fa: Vec<String> = i18n::ids(Lang::Fa);
    let en_set: BTreeSet<_> = en.iter().cloned().collect();
    let fa_set: BTreeSet<_> = fa.iter().cloned().collect();
    assert_eq!(en.len(), en_set.len(), "an English id is defined twice");
    assert_eq!(fa.len(), fa_set.len(), "a Persian id is defined twice");
    let missing: Vec<_> = en_set.difference(&fa_set).collect();
    assert!(missing.is_empty(), "not in Persian: {missing:?}");
    let extra: Vec<_> = fa_set.difference(&en_set).collect();
    assert!(extra.is_empty(), "only in Persian: {extra:?}");
    assert!(
        en.len() > 200,
        "the window has more messages than {}",
        en.len()
    );
    let (ve, vf) = (
        variables("assets/i18n/en.ftl"),
        variables("assets/i18n/fa.ftl"),
    );
    for (id, vars) in &ve {
        assert_eq!(Some(vars), vf.get(id), "arguments of {id}");
    }
}

#[test]
fn every_message_the_window_asks_for_exists() {
    let ids: BTreeSet<String> = i18n::ids(Lang::En).into_iter().collect();
    // tr!("id", …) in the window; the core's notices by their ids.
    let call = regex::Regex::new(
        r#"(?:tr!|Notice::new)\(\s*"([a-z0-9-]+)"|"((?:problem|warning|search-error|note)-[a-z0-9-]+)""#,
    )
    .unwrap();
    let mut asked = 0;
    let mut stack = vec![std::path::PathBuf::from("src")];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") && !path.ends_with("i18n.rs") {
                let text = std::fs::read_to_string(&path).unwrap();
                for c in call.captures_iter(&text) {
                    asked += 1;
                    let id = c.get(1).or_else(|| c.get(2)).map_or("", |m| m.as_str());
                    assert!(ids.contains(id), "{}: no message {id}", path.display());
                }
            }
        }
    }
    assert!(asked > 200, "only {asked} messages asked for");
}

#[test]
fn persian_messages_are_in_persian() {
    let persian = |s: &str| s.chars().any(|c| ('\u{0600}'..='\u{06FF}').contains(&c));
    let mut english = Vec::new();
    for id in i18n::ids(Lang::En) {
        let en = i18n::message_in(Lang::En, &id, &[]);
        let fa = i18n::message_in(Lang::Fa, &id, &[]);
        // Words in English must be words in Persian (names such as
        // «English», «CSV» or «RON» may stay as they are).
        let words = en
            .split_whitespace()
            .filter(|w| w.chars().filter(|c| c.is_ascii_lowercase()).count() >= 3)
            .count();
        if words >= 1 && !persian(&fa) && fa != en {
            english.push(format!("{id}: {fa}"));
        }
    }
    assert!(english.is_empty(), "{english:#?}");
}

#[test]
fn numbers_follow_the_persian_digits_setting() {
    i18n::set(Lang::Fa, true);
    assert_eq!(i18n::num(1403), "۱۴۰۳");
    assert_eq!(i18n::digits("12:05"), "۱۲:۰۵");
    assert_eq!(i18n::digits("0.25 s."), "۰٫۲۵ s.");
    // A number inside a message follows the setting too.
    let m = i18n::message_in(Lang::Fa, "status-problems", &[("n", i18n::Arg::Num(12.0))]);
    assert!(m.contains("۱۲") && !m.contains("12"), "{m}");
    i18n::set(Lang::Fa, false);
    assert_eq!(i18n::num(1403), "1403");
    i18n::set(Lang::En, false);
}
