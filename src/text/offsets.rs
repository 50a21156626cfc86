//! Byte ↔ character offsets. Rust slices text by bytes; everything that
//! leaves daftar (CLI JSON, exports) counts Unicode code points, end
//! exclusive, as Python's `str`, brat and W3C Web Annotation do.

/// Byte offsets of every character start of one text.
#[derive(Debug, Clone)]
pub struct CharIndex {
    starts: Vec<u32>,
    len: usize,
}

impl CharIndex {
    pub fn new(text: &str) -> Self {
        CharIndex {
            starts: text.char_indices().map(|(b, _)| b as u32).collect(),
            len: text.len(),
        }
    }

    /// Number of characters.
    pub fn chars(&self) -> usize {
        self.starts.len()
    }

    /// Character offset of a byte offset (a byte inside a character counts
    /// as that character).
    pub fn char_of_byte(&self, byte: usize) -> usize {
        if byte >= self.len {
            return self.starts.len();
        }
        match self.starts.binary_search(&(byte as u32)) {
            Ok(i) => i,
            Err(i) => i.saturating_sub(1),
        }
    }

    /// Byte offset of a character offset (clamped to the end).
    pub fn byte_of_char(&self, ch: usize) -> usize {
        self.starts.get(ch).map_or(self.len, |&b| b as usize)
    }
}

/// `text[range]` with both ends moved to character boundaries (the start
/// back, the end forward) and clamped to the text: for offsets computed by
/// arithmetic, which must never panic inside a multi-byte character such
/// as «؟» or «：».
pub fn slice(text: &str, range: std::ops::Range<usize>) -> &str {
    let start = text.floor_char_boundary(range.start.min(text.len()));
    let end = text.ceil_char_boundary(range.end.clamp(start, text.len()));
    &text[start..end]
}

/// The text after the character that starts at byte `at` (empty at the
/// end): `after("؟x", 0) == "x"`, where `&text[at + 1..]` would panic.
pub fn after_char(text: &str, at: usize) -> &str {
    let at = text.floor_char_boundary(at.min(text.len()));
    let next = text[at..].chars().next().map_or(0, char::len_utf8);
    &text[at + next..]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_mixed_text() {
        let text = "a۱b گفت";
        let idx = CharIndex::new(text);
        assert_eq!(idx.chars(), text.chars().count());
        for (ci, (bi, _)) in text.char_indices().enumerate() {
            assert_eq!(idx.char_of_byte(bi), ci);
            assert_eq!(idx.byte_of_char(ci), bi);
        }
        assert_eq!(idx.char_of_byte(text.len()), text.chars().count());
        assert_eq!(idx.byte_of_char(999), text.len());
    }

    #[test]
    fn slicing_at_computed_offsets_never_splits_a_character() {
        let text = "س: چطور؟ خوب";
        let q = text.find('؟').unwrap();
        assert_eq!(after_char(text, q), " خوب");
        assert_eq!(slice(text, q + 1..q + 2), "؟");
        assert_eq!(slice(text, 0..999), text);
        let (from, to) = (5, 2);
        assert_eq!(slice(text, from..to), "");
        assert_eq!(after_char(text, text.len()), "");
    }
}
