//! Lines that recur across the files of one corpus (issue 15): a site's
//! header, menus, «most read» lists and footer are printed on every page it
//! serves, so a folder of one site's pages loses its chrome without a rule
//! written for that site. The table counts, for each line (its search key
//! with digits masked, hashed), how many files hold it. It is learned in
//! the loading pass, kept in `.daftar/lines.bin` for the next load and for
//! files read one at a time (the watcher, `daftar index`), and rebuilt when
//! that file is missing, of another version or damaged — it is derived
//! data. How a count is used (more pages than the article's own text) is
//! decided in [`super::structure`].

use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// How many files hold each line.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct LineTable {
    counts: HashMap<u64, u32>,
    /// Files counted.
    pub files: u64,
}

/// Where a line's count comes from: the table of the last load, this
/// load's own count so far, or both (the larger wins).
pub trait LineCounts: Sync {
    fn files_with(&self, line: u64) -> u32;
}

impl LineCounts for LineTable {
    fn files_with(&self, line: u64) -> u32 {
        self.counts.get(&line).copied().unwrap_or(0)
    }
}

/// Two tables read as one: the larger count of each line.
pub struct Both<'a>(pub &'a LineTable, pub &'a LineTable);

impl LineCounts for Both<'_> {
    fn files_with(&self, line: u64) -> u32 {
        self.0.files_with(line).max(self.1.files_with(line))
    }
}

/// The hash of a line's search key with every digit masked (a date or a
/// visit counter in a recurring header does not make it a new line).
pub fn line_hash(key: &str) -> u64 {
    // Masked into one buffer and hashed at once: a hasher fed char by char
    // cost a tenth of a load.
    let masked: String = key
        .chars()
        // ASCII, Arabic-Indic and Persian digits, without the general
        // Unicode table (it cost a tenth of a load on Persian letters).
        .map(|c| {
            if matches!(c, '0'..='9' | '\u{0660}'..='\u{0669}' | '\u{06F0}'..='\u{06F9}') {
                '0'
            } else {
                c
            }
        })
        .collect();
    let bytes = blake3::hash(masked.as_bytes());
    let mut first = [0u8; 8];
    first.copy_from_slice(&bytes.as_bytes()[..8]);
    u64::from_le_bytes(first)
}

const MAGIC: &[u8; 8] = b"DAFTARLN";
/// Largest table file read back.
const MAX_TABLE_BYTES: u64 = 1 << 30;
/// Bump when [`line_hash`] or the search key changes: the table is rebuilt.
const VERSION: u32 = 1;

impl LineTable {
    /// Counts one file's lines (each distinct line once).
    pub fn add_file(&mut self, lines: &[u64]) {
        self.files += 1;
        let mut seen: Vec<u64> = lines.to_vec();
        seen.sort_unstable();
        seen.dedup();
        for h in seen {
            *self.counts.entry(h).or_insert(0) += 1;
        }
    }

    /// Lines held by at least two files (what is worth keeping on disk).
    pub fn recurring(&self) -> usize {
        self.counts.values().filter(|&&n| n >= 2).count()
    }

    /// Where the table of `corpus` is kept: in its `.daftar/`.
    pub fn path(corpus: &Path) -> PathBuf {
        corpus.join(".daftar").join("lines.bin")
    }

    /// Where it is kept when the corpus folder cannot be written to: the
    /// user's cache folder, by the corpus's path.
    fn cache_path(corpus: &Path) -> PathBuf {
        let key = blake3::hash(corpus.to_string_lossy().as_bytes()).to_hex();
        dirs::cache_dir()
            .unwrap_or_else(std::env::temp_dir)
            .join("daftar")
            .join("lines")
            .join(format!("{}.bin", &key[..16]))
    }

    /// Reads the table kept for `corpus`; `None` when it is missing, of
    /// another version or damaged (it is then learned again).
    pub fn read(corpus: &Path) -> Option<LineTable> {
        [Self::path(corpus), Self::cache_path(corpus)]
            .iter()
            .find_map(|p| {
                // A table is a few megabytes; a huge file there is not one.
                let len = std::fs::metadata(p).ok()?.len();
                if len > MAX_TABLE_BYTES {
                    return None;
                }
                Self::from_bytes(&std::fs::read(p).ok()?)
            })
    }

    /// Keeps the table (lines held by two files or more) for the next
    /// load: in the corpus's `.daftar/`, else in the cache folder.
    pub fn write(&self, corpus: &Path) -> std::io::Result<()> {
        let bytes = self.to_bytes();
        let inside = Self::path(corpus);
        let written = inside
            .parent()
            .map_or(Ok(()), std::fs::create_dir_all)
            .and_then(|()| crate::disk::write_atomic(&inside, &bytes));
        if written.is_ok() {
            return written;
        }
        let cache = Self::cache_path(corpus);
        if let Some(dir) = cache.parent() {
            std::fs::create_dir_all(dir)?;
        }
        crate::disk::write_atomic(&cache, &bytes)
    }

    fn to_bytes(&self) -> Vec<u8> {
        let mut entries: Vec<(u64, u32)> = self
            .counts
            .iter()
            .filter(|(_, n)| **n >= 2)
            .map(|(h, n)| (*h, *n))
            .collect();
        entries.sort_unstable();
        let mut out = Vec::with_capacity(32 + entries.len() * 12 + 32);
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&VERSION.to_le_bytes());
        out.extend_from_slice(&self.files.to_le_bytes());
        out.extend_from_slice(&(entries.len() as u64).to_le_bytes());
        for (h, n) in entries {
            out.extend_from_slice(&h.to_le_bytes());
            out.extend_from_slice(&n.to_le_bytes());
        }
        let sum = blake3::hash(&out);
        out.extend_from_slice(sum.as_bytes());
        out
    }

    fn from_bytes(bytes: &[u8]) -> Option<LineTable> {
        let body_len = bytes.len().checked_sub(32)?;
        let (body, sum) = bytes.split_at(body_len);
        if blake3::hash(body).as_bytes() != sum {
            return None;
        }
        let mut at = 0usize;
        let mut take = |n: usize| -> Option<&[u8]> {
            let s = body.get(at..at + n)?;
            at += n;
            Some(s)
        };
        if take(8)? != MAGIC {
            return None;
        }
        let u32_of = |b: &[u8]| b.try_into().ok().map(u32::from_le_bytes);
        let u64_of = |b: &[u8]| b.try_into().ok().map(u64::from_le_bytes);
        if u32_of(take(4)?)? != VERSION {
            return None;
        }
        let files = u64_of(take(8)?)?;
        let n = u64_of(take(8)?)?;
        let n = usize::try_from(n).ok()?;
        if n.checked_mul(12)? != body.len() - 28 {
            return None;
        }
        let mut counts = HashMap::with_capacity(n);
        for _ in 0..n {
            let h = u64_of(take(8)?)?;
            let c = u32_of(take(4)?)?;
            counts.insert(h, c);
        }
        Some(LineTable { counts, files })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn digits_are_masked_and_each_file_counts_once() {
        let key = crate::text::search_key;
        assert_eq!(
            line_hash(&key("امروز: سه‌شنبه ۱۵ آبان ۱۴۰۳")),
            line_hash(&key("امروز: سه‌شنبه 16 آبان 1404"))
        );
        assert_ne!(line_hash("منوی سایت"), line_hash("منوی صفحه"));
        let mut t = LineTable::default();
        t.add_file(&[1, 1, 2]);
        t.add_file(&[1]);
        assert_eq!((t.files_with(1), t.files_with(2), t.files), (2, 1, 2));
    }

    #[test]
    fn the_kept_table_reads_back_and_a_damaged_one_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let mut t = LineTable::default();
        for _ in 0..3 {
            t.add_file(&[7, 9]);
        }
        t.add_file(&[11]);
        t.write(dir.path()).unwrap();
        let back = LineTable::read(dir.path()).unwrap();
        assert_eq!(back.files_with(7), 3);
        assert_eq!(back.files_with(11), 0, "single lines are not kept");
        assert_eq!(back.files, 4);
        let path = LineTable::path(dir.path());
        let mut bytes = std::fs::read(&path).unwrap();
        bytes[20] ^= 1;
        std::fs::write(&path, &bytes).unwrap();
        assert_eq!(LineTable::read(dir.path()), None);
        std::fs::write(&path, b"short").unwrap();
        assert_eq!(LineTable::read(dir.path()), None);
    }
}
