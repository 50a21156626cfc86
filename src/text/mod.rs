//! Persian text primitives shared by every layer: the search-key folding of
//! PERSIAN.md §2 (so that every spelling of a word meets) and conversions
//! between byte offsets (what Rust slices use) and character offsets (what
//! leaves the program: CLI JSON, exports).

pub mod fold;
pub mod offsets;
pub mod tokenize;

pub use fold::{Folded, fold_char, search_key, sort_key, word_positions};
pub use offsets::{CharIndex, after_char, slice};

/// The sentence holding `range` (bytes of `text`): from after the previous
/// full stop, question or exclamation mark (Persian or Latin) or line
/// break, through the next one, without surrounding spaces. What "tag its
/// sentence" tags for a search match.
pub fn sentence_around(text: &str, range: std::ops::Range<usize>) -> std::ops::Range<usize> {
    let ends = |c: char| matches!(c, '.' | '!' | '?' | '؟' | '\n' | '…');
    let from = text.floor_char_boundary(range.start.min(text.len()));
    let to = text.ceil_char_boundary(range.end.clamp(from, text.len()));
    let mut start = text[..from]
        .char_indices()
        .rev()
        .find(|&(_, c)| ends(c))
        .map_or(0, |(i, c)| i + c.len_utf8());
    let mut end = text[to..]
        .char_indices()
        .find(|&(_, c)| ends(c))
        .map_or(text.len(), |(i, c)| {
            to + i + if c == '\n' { 0 } else { c.len_utf8() }
        });
    // No spaces (or a stray closing quote's space) at either edge.
    while start < from && text[start..].starts_with(char::is_whitespace) {
        start += text[start..].chars().next().map_or(1, char::len_utf8);
    }
    while end > to && text[..end].ends_with(char::is_whitespace) {
        end -= text[..end].chars().next_back().map_or(1, char::len_utf8);
    }
    start..end
}

#[cfg(test)]
mod tests {
    use super::sentence_around;

    #[test]
    fn a_matchs_sentence_runs_between_stops_and_lines() {
        let text = "عنوان\nجملهٔ اول تمام شد. سفیر گفت که دیدار مفید بود؟ جملهٔ سوم\nبند بعد";
        let m = text.find("دیدار").unwrap();
        let s = sentence_around(text, m..m + "دیدار".len());
        assert_eq!(&text[s], "سفیر گفت که دیدار مفید بود؟");
        let m = text.find("سوم").unwrap();
        let s = sentence_around(text, m..m + "سوم".len());
        assert_eq!(&text[s], "جملهٔ سوم", "a line break ends the sentence");
        let s = sentence_around(text, 0..2);
        assert_eq!(&text[s], "عنوان");
    }
}
