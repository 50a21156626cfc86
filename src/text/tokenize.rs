//! Words of Persian text and their search keys, with the original byte
//! offsets of each word (PERSIAN.md §2). tantivy's `SimpleTokenizer` is
//! wrong for Persian: it splits on ZWNJ (می‌کند → می + کند) and keeps
//! harakat and tatweel inside words, so the same word would get different
//! keys. Here a word runs through letters, digits, marks, ZWNJ/ZWJ, tatweel
//! and bidi marks; everything else (spaces, punctuation including `-` and
//! `/`) separates words.
//!
//! Positions jump by [`PARAGRAPH_GAP`] at every line break, so a phrase can
//! never match across two paragraphs.

use std::ops::Range;

use super::search_key;

/// Position jump at a line break (phrases do not cross paragraphs).
pub const PARAGRAPH_GAP: usize = 64;

/// One word of a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    /// The search key.
    pub key: String,
    /// Byte range of the word in the original text.
    pub range: Range<usize>,
    /// Word position (for phrases).
    pub position: usize,
}

fn is_word_char(c: char) -> bool {
    // Fast path: ASCII, and Arabic-script letters and digits (the slow
    // Unicode table lookup dominated extraction time).
    if c.is_ascii() {
        return c.is_ascii_alphanumeric();
    }
    if matches!(c, '\u{0620}'..='\u{064A}' | '\u{0660}'..='\u{0669}' | '\u{066E}'..='\u{06D3}' | '\u{06F0}'..='\u{06FC}')
    {
        return true;
    }
    c.is_alphanumeric()
        || matches!(c as u32,
            0x0300..=0x036F          // combining diacritics (Latin, decomposed)
            | 0x0610..=0x061A        // Arabic signs above/below
            | 0x064B..=0x065F        // harakat
            | 0x0670                 // superscript alef
            | 0x06D6..=0x06ED        // Quranic marks
            | 0x0640                 // tatweel
            | 0x200C..=0x200F        // ZWNJ, ZWJ, LRM, RLM
        )
}

/// The words of `text`, in order.
pub fn tokenize(text: &str) -> Vec<Token> {
    // (About one word in every ten bytes of Persian prose: grown once or
    // twice, not a dozen times.)
    let mut out = Vec::with_capacity(text.len() / 10 + 1);
    let mut position = 0usize;
    let mut start: Option<usize> = None;
    let mut pending_gap = false;
    let mut flush = |start: usize, end: usize, position: &mut usize, pending_gap: &mut bool| {
        let key = search_key(&text[start..end]);
        if key.is_empty() {
            return;
        }
        if *pending_gap && !out.is_empty() {
            *position += PARAGRAPH_GAP;
        }
        *pending_gap = false;
        out.push(Token {
            key,
            range: start..end,
            position: *position,
        });
        *position += 1;
    };
    for (i, c) in text.char_indices() {
        if is_word_char(c) {
            start.get_or_insert(i);
        } else {
            if let Some(s) = start.take() {
                flush(s, i, &mut position, &mut pending_gap);
            }
            if c == '\n' {
                pending_gap = true;
            }
        }
    }
    if let Some(s) = start {
        flush(s, text.len(), &mut position, &mut pending_gap);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys(text: &str) -> Vec<String> {
        tokenize(text).into_iter().map(|t| t.key).collect()
    }

    #[test]
    fn words_keep_zwnj_marks_and_tatweel_inside() {
        assert_eq!(keys("او می‌کند"), ["او", "میکند"]);
        assert_eq!(keys("مُحَمَّد و ایـــران"), ["محمد", "و", "ایران"]);
        assert_eq!(
            keys("تهران-مسکو ۱۴۰۳/۰۹/۰۲"),
            ["تهران", "مسکو", "1403", "09", "02"]
        );
        assert_eq!(keys("«رئيس‌جمهور» گفت:"), ["رییسجمهور", "گفت"]);
        assert_eq!(keys("BRICS، SCO."), ["brics", "sco"]);
    }

    #[test]
    fn ranges_point_at_the_original_characters() {
        let text = "گفت: «گفت‌وگو» در ١٤٠٣";
        for t in tokenize(text) {
            assert_eq!(search_key(&text[t.range.clone()]), t.key);
        }
        assert_eq!(&text[tokenize(text)[1].range.clone()], "گفت‌وگو");
    }

    #[test]
    fn line_breaks_separate_positions() {
        let t = tokenize("الف ب\nج د");
        assert_eq!(t[1].position + 1 + PARAGRAPH_GAP, t[2].position);
    }
}
