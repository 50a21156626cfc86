//! The scored line model that tells page chrome from article text on pages
//! of any site (issue 15). Sure patterns (site id, tags, copyright,
//! datelines) are decided in [`super::structure`]; every other line gets
//! the features here, and the weights that add them up live in
//! `assets/reading/chrome-model.ron`, where each is documented. Keeping the
//! weights in data keeps them out of the code's logic and in one place to
//! read, argue about and change.

use std::collections::HashSet;
use std::sync::LazyLock;

use serde::Deserialize;

const MODEL_RON: &str = include_str!("../../assets/reading/chrome-model.ron");

/// One weight per feature (see the data file for what each means).
#[derive(Debug, Clone, Deserialize)]
pub struct Weights {
    pub recurs: f32,
    pub site_name: f32,
    pub menu_shape: f32,
    pub chrome_words: f32,
    pub links: f32,
    pub above_headline: f32,
    pub after_body: f32,
    pub after_chrome_tail: f32,
    pub after_section: f32,
    pub list_run: f32,
    pub quotes_title: f32,
    pub short: f32,
    pub no_stop: f32,
    pub few_function_words: f32,
    pub between_paragraphs: f32,
    pub sentence: f32,
    pub long: f32,
}

#[derive(Debug, Deserialize)]
struct ModelFile {
    threshold: f32,
    weights: Weights,
    chrome_words: Vec<String>,
    function_words: Vec<String>,
}

/// The model: weights, threshold and the two vocabularies.
#[derive(Debug)]
pub struct ChromeModel {
    pub threshold: f32,
    pub weights: Weights,
    chrome_words: HashSet<String>,
    function_words: HashSet<String>,
}

/// The bundled model. The data file is part of the program and checked by
/// a unit test, so a broken edit fails the build's tests, not a user's load.
pub static MODEL: LazyLock<ChromeModel> = LazyLock::new(|| {
    let file: ModelFile = ron::from_str(MODEL_RON)
        .unwrap_or_else(|e| panic!("assets/reading/chrome-model.ron is not a valid model: {e}"));
    let key = |w: &String| crate::text::search_key(w);
    ChromeModel {
        threshold: file.threshold,
        weights: file.weights,
        chrome_words: file.chrome_words.iter().map(key).collect(),
        function_words: file.function_words.iter().map(key).collect(),
    }
});

/// What the model knows about one line.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Features {
    pub recurs: bool,
    pub site_name: bool,
    pub menu_shape: bool,
    pub chrome_words: bool,
    pub links: bool,
    pub above_headline: bool,
    pub after_body: bool,
    pub after_chrome_tail: bool,
    pub after_section: bool,
    pub list_run: bool,
    pub quotes_title: bool,
    pub short: bool,
    pub no_stop: bool,
    pub few_function_words: bool,
    pub between_paragraphs: bool,
    pub sentence: bool,
    pub long: bool,
}

impl ChromeModel {
    /// Whether every word of a line (search key) is page-furniture
    /// vocabulary. Digits, punctuation and separators are not words.
    pub fn all_chrome_words(&self, key: &str) -> bool {
        let mut any = false;
        for w in words(key) {
            if !self.chrome_words.contains(w) {
                return false;
            }
            any = true;
        }
        any
    }

    /// The share of a line's words that are function words.
    pub fn function_share(&self, key: &str) -> f32 {
        let (mut n, mut f) = (0usize, 0usize);
        for w in words(key) {
            n += 1;
            if self.function_words.contains(w) {
                f += 1;
            }
        }
        if n == 0 { 0.0 } else { f as f32 / n as f32 }
    }

    /// The score and the reason: the feature that adds most.
    pub fn score(&self, f: &Features) -> (f32, &'static str) {
        let w = &self.weights;
        let all = [
            (f.recurs, w.recurs, "recurs on many pages of the corpus"),
            (f.site_name, w.site_name, "the site's name"),
            (f.menu_shape, w.menu_shape, "navigation"),
            (
                f.chrome_words,
                w.chrome_words,
                "menu, account or form words",
            ),
            (f.links, w.links, "links"),
            (f.above_headline, w.above_headline, "above the headline"),
            (f.after_body, w.after_body, "after the article"),
            (
                f.after_chrome_tail,
                w.after_chrome_tail,
                "after the article",
            ),
            (f.after_section, w.after_section, "comments or related news"),
            (f.list_run, w.list_run, "list of links"),
            (f.quotes_title, w.quotes_title, "repeats the headline"),
            (f.short, w.short, "short line"),
            (f.no_stop, w.no_stop, "no sentence"),
            (f.few_function_words, w.few_function_words, "no sentence"),
            (f.between_paragraphs, w.between_paragraphs, ""),
            (f.sentence, w.sentence, ""),
            (f.long, w.long, ""),
        ];
        let mut sum = 0.0;
        let mut best = (0.0f32, "page chrome");
        for (on, weight, reason) in all {
            if on {
                sum += weight;
                if weight > best.0 {
                    best = (weight, reason);
                }
            }
        }
        (sum, best.1)
    }

    /// Whether the features make the line page chrome, and why.
    pub fn decide(&self, f: &Features) -> Option<&'static str> {
        let (score, reason) = self.score(f);
        (score >= self.threshold).then_some(reason)
    }
}

fn words(key: &str) -> impl Iterator<Item = &str> {
    key.split(|c: char| !is_word_char(c)).filter(|w| {
        !w.is_empty()
            && !w
                .chars()
                .all(|c| matches!(c, '0'..='9' | '\u{0660}'..='\u{0669}' | '\u{06F0}'..='\u{06F9}'))
    })
}

/// A letter or digit, with Persian and ASCII decided without the general
/// Unicode tables (this runs on every character of every line).
fn is_word_char(c: char) -> bool {
    match c as u32 {
        0x30..=0x39 | 0x41..=0x5A | 0x61..=0x7A => true,
        0x00..=0x7F => false,
        0x0621..=0x063A | 0x0641..=0x064A | 0x0660..=0x0669 | 0x066E..=0x06D3 | 0x06F0..=0x06F9 => {
            true
        }
        0x0600..=0x06FF => false,
        _ => c.is_alphanumeric(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_bundled_model_reads_and_weighs_body_evidence_against_chrome() {
        let m = &*MODEL;
        assert!(m.threshold > 0.0);
        // One sure sign of chrome is enough; body evidence outweighs the
        // weak signs of a short line.
        let recurring = Features {
            recurs: true,
            ..Default::default()
        };
        assert!(m.decide(&recurring).is_some());
        let short_sentence_in_body = Features {
            short: true,
            no_stop: true,
            between_paragraphs: true,
            ..Default::default()
        };
        assert_eq!(m.decide(&short_sentence_in_body), None);
        let key = crate::text::search_key;
        assert!(m.all_chrome_words(&key("ورود / ثبت‌نام")));
        assert!(m.all_chrome_words(&key("نظرات (۳)")));
        assert!(!m.all_chrome_words(&key("ورود کالا به بازار")));
        assert!(!m.all_chrome_words(&key("۱۲۳")));
        assert!(m.function_share(&key("وزیر گفت که این طرح در مجلس است")) > 0.3);
    }
}
