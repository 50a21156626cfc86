//! The Persian stop words the word list can leave out: the documented,
//! bundled list `assets/stats/stopwords-fa.txt` (its header says what it
//! holds and why), folded to search keys.

use std::collections::HashSet;
use std::sync::LazyLock;

const LIST: &str = include_str!("../../assets/stats/stopwords-fa.txt");

static KEYS: LazyLock<HashSet<String>> = LazyLock::new(|| {
    LIST.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(crate::text::search_key)
        .collect()
});

/// The stop words' search keys.
pub fn keys() -> &'static HashSet<String> {
    &KEYS
}

#[cfg(test)]
mod tests {
    #[test]
    fn every_spelling_of_a_stop_word_is_one() {
        let k = super::keys();
        for w in ["می‌شود", "میشود", "مي‌شود", "آنها", "آن‌ها", "است"]
        {
            assert!(k.contains(&crate::text::search_key(w)), "{w}");
        }
        assert!(
            !k.contains(&crate::text::search_key("گفت")),
            "a reporting verb is content here"
        );
        assert!(!k.contains(&crate::text::search_key("تحریم")));
    }
}
