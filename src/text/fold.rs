//! Folding text to its search key, keeping a map back to the original bytes.
//!
//! The key follows PERSIAN.md §2: compatibility decomposition (NFKC, char by
//! char), deletion of harakat, tatweel, ZWNJ/ZWJ, bidi marks and BOM, Arabic
//! letter variants mapped to their Persian forms, all three digit sets mapped
//! to ASCII, Latin lowercased. Folding never rewrites what the user sees: it
//! builds a second string plus a byte map, so a match found in the key can be
//! highlighted in the original text.

use std::ops::Range;

use unicode_normalization::char::decompose_compatible;

/// Maps one character (already compatibility-decomposed) to its key form;
/// `None` deletes it.
pub fn fold_char(c: char) -> Option<char> {
    Some(match c {
        // Harakat U+064B..U+065F, superscript alef U+0670, tatweel U+0640.
        '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{0640}' => return None,
        // ZWNJ, ZWJ, LRM, RLM, ALM, bidi embeddings/overrides/isolates, BOM.
        '\u{200C}' | '\u{200D}' | '\u{200E}' | '\u{200F}' | '\u{061C}' => return None,
        '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{FEFF}' => return None,
        // U+064A ARABIC YEH, U+0649 ALEF MAKSURA, U+0626 YEH WITH HAMZA → U+06CC FARSI YEH
        '\u{064A}' | '\u{0649}' | '\u{0626}' => '\u{06CC}',
        // U+0643 ARABIC KAF → U+06A9 KEHEH
        '\u{0643}' => '\u{06A9}',
        // TEH MARBUTA, HEH WITH YEH ABOVE, AE, HEH DOACHASHMEE → U+0647 HEH
        '\u{0629}' | '\u{06C0}' | '\u{06D5}' | '\u{06BE}' => '\u{0647}',
        // ALEF WITH HAMZA ABOVE/BELOW, WASLA, MADDA → U+0627 ALEF
        '\u{0623}' | '\u{0625}' | '\u{0671}' | '\u{0622}' => '\u{0627}',
        // U+0624 WAW WITH HAMZA ABOVE → U+0648 WAW
        '\u{0624}' => '\u{0648}',
        // Extended Arabic-Indic (Persian) and Arabic-Indic digits → ASCII.
        '\u{06F0}'..='\u{06F9}' => char::from(b'0' + (c as u32 - 0x06F0) as u8),
        '\u{0660}'..='\u{0669}' => char::from(b'0' + (c as u32 - 0x0660) as u8),
        // U+066B ARABIC DECIMAL SEPARATOR → '.'
        '\u{066B}' => '.',
        c if c.is_ascii_uppercase() => c.to_ascii_lowercase(),
        // Only scripts with case need the (slow) case lookup.
        c if !('\u{0600}'..='\u{06FF}').contains(&c) && c.is_uppercase() => {
            c.to_lowercase().next().unwrap_or(c)
        }
        c => c,
    })
}

/// [`fold_char`] for the Arabic block U+0600..U+06FF; `'\0'` deletes.
static ARABIC_FOLD: std::sync::LazyLock<[char; 256]> = std::sync::LazyLock::new(|| {
    let mut t = ['\0'; 256];
    for (i, f) in t.iter_mut().enumerate() {
        if let Some(c) = char::from_u32(0x0600 + i as u32) {
            *f = fold_char(c).unwrap_or('\0');
        }
    }
    t
});

/// Calls `out` with the key characters of one original character.
fn fold_into(c: char, mut out: impl FnMut(char)) {
    if c.is_ascii() {
        out(c.to_ascii_lowercase());
        return;
    }
    // Fast path for the Arabic block and the zero-width and bidi controls:
    // fold_char maps their precomposed letters (آ أ ؤ إ ئ ۀ) directly, which
    // gives the same key as decomposing them first (rare compatibility
    // forms such as U+0675..U+0678 are kept as they are).
    if ('\u{0600}'..='\u{06FF}').contains(&c) {
        // (A table: every letter of every word of a corpus passes here.)
        let f = ARABIC_FOLD[(c as u32 - 0x0600) as usize];
        if f != '\0' {
            out(f);
        }
        return;
    }
    if matches!(c, '\u{200C}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}') {
        if let Some(f) = fold_char(c) {
            out(f);
        }
        return;
    }
    // A precomposed ALEF WITH MADDA decomposes to ALEF + MADDA; the mark is
    // then deleted, which gives the same key as the direct mapping.
    decompose_compatible(c, |d| {
        if let Some(f) = fold_char(d) {
            out(f)
        }
    });
}

/// The search key of a string (no offset map).
pub fn search_key(s: &str) -> String {
    let mut key = String::with_capacity(s.len());
    for c in s.chars() {
        fold_into(c, |f| key.push(f));
    }
    key
}

/// The Persian alphabet in its order, as letters are after folding (آ,
/// أ and إ are ا; ي is ی; ك is ک).
const ALPHABET: &str = "ابپتثجچحخدذرزژسشصضطظعغفقکگلمنوهی";

/// A key that sorts texts as a Persian reader looks them up: the search
/// key with each letter put in the alphabet's order (by code point پ, چ,
/// ژ, ک and گ, outside the Arabic letters' block, come after و and ه).
/// Digits and Latin come before the letters.
pub fn sort_key(s: &str) -> String {
    search_key(s)
        .chars()
        .map(|c| match ALPHABET.chars().position(|a| a == c) {
            Some(i) => char::from_u32(0xE000 + i as u32).unwrap_or(c),
            None => c,
        })
        .collect()
}

/// A folded copy of a text with, for every byte of the key, the original
/// character's byte range.
#[derive(Debug, Clone)]
pub struct Folded {
    /// The search key of the whole text.
    pub key: String,
    /// For each byte of `key`: start and end (bytes) of the original char.
    map: Vec<(u32, u32)>,
    original_len: usize,
}

impl Folded {
    /// Folds `text`. Texts are capped by the loader far below 4 GiB, so
    /// offsets fit in `u32`.
    pub fn new(text: &str) -> Self {
        let mut key = String::with_capacity(text.len());
        let mut map = Vec::with_capacity(text.len());
        for (start, c) in text.char_indices() {
            let end = (start + c.len_utf8()) as u32;
            fold_into(c, |f| {
                key.push(f);
                for _ in 0..f.len_utf8() {
                    map.push((start as u32, end));
                }
            });
        }
        Folded {
            key,
            map,
            original_len: text.len(),
        }
    }

    /// The original byte range covered by a byte range of the key.
    pub fn original_range(&self, key_range: Range<usize>) -> Range<usize> {
        if key_range.start >= self.map.len() {
            return self.original_len..self.original_len;
        }
        let start = self.map[key_range.start].0 as usize;
        if key_range.end <= key_range.start {
            return start..start;
        }
        let last = key_range.end.min(self.map.len()) - 1;
        start..self.map[last].1 as usize
    }

    /// The original byte offset of a key byte offset (for range starts).
    pub fn original_offset(&self, key_offset: usize) -> usize {
        self.map
            .get(key_offset)
            .map_or(self.original_len, |m| m.0 as usize)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn variants_meet_in_one_key() {
        // (written form, expected key) per PERSIAN.md §2
        let cases = [
            ("گفت‌وگو", "گفتوگو"),
            ("رئيس‌جمهور", "رییسجمهور"),
            ("كشور", "کشور"),
            ("۱۴۰۳", "1403"),
            ("١٤٠٣", "1403"),
            ("مسؤول", "مسوول"),
            ("أحمد", "احمد"),
            ("آذر", "اذر"),
            ("خانۀ", "خانه"),
            ("مُحَمَّد", "محمد"),
            ("ایـــران", "ایران"),
            ("BRICS", "brics"),
            ("۲٫۵", "2.5"),
            ("\u{FEFF}سلام\u{200F}", "سلام"),
            // Presentation form LAM-ALEF (U+FEFB) decomposes to lam + alef.
            ("\u{FEFB}", "لا"),
        ];
        for (written, key) in cases {
            assert_eq!(search_key(written), key, "key of {written}");
        }
    }

    #[test]
    fn folded_maps_back_to_original_characters() {
        let text = "ABC گفت‌وگو در ۱۴۰۳";
        let folded = Folded::new(text);
        let pos = folded.key.find("گفتوگو").expect("key contains the word");
        let range = folded.original_range(pos..pos + "گفتوگو".len());
        assert_eq!(&text[range], "گفت‌وگو");
        let pos = folded.key.find("1403").expect("digits folded");
        let range = folded.original_range(pos..pos + 4);
        assert_eq!(&text[range], "۱۴۰۳");
    }
}

/// Byte offsets in `hay` where `needle` stands as whole words (not inside
/// a longer word: رئیسی is not رئیس). Both are search keys.
pub fn word_positions<'a>(hay: &'a str, needle: &'a str) -> impl Iterator<Item = usize> + 'a {
    hay.match_indices(needle).filter_map(move |(i, _)| {
        let before = hay[..i].chars().next_back();
        let after = hay[i + needle.len()..].chars().next();
        let is_word = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
        (!needle.is_empty() && !is_word(before) && !is_word(after)).then_some(i)
    })
}

#[cfg(test)]
mod word_tests {
    use super::*;

    #[test]
    fn whole_words_only() {
        let hay = search_key("رئیسی و رئیس و رئیس‌جمهور");
        let needle = search_key("رئیس");
        assert_eq!(word_positions(&hay, &needle).count(), 1);
        assert_eq!(word_positions(&hay, &search_key("رئيسي")).count(), 1);
    }
}
