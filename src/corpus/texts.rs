//! Where an article's text lives. A text just read is held in memory; a
//! text the corpus's text file holds (see [`crate::store`]) is read from
//! disk when asked for, through one cache with a size bound — so a corpus
//! of 100,000 articles does not hold every text, and a reopen reads none.
//!
//! The text file is append-only: each text is compressed (LZ4) and written
//! at the end, and what refers to it ([`TextRef`]) keeps its place, length
//! and a checksum. A text that does not read back as written (the file
//! damaged or cut short under daftar) is never a panic: the article shows
//! blanks of the same length (every range into it stays valid), and
//! [`TextFile::damaged`] tells the store to read the files again next time.

use std::fs::File;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};

use serde::{Deserialize, Serialize};

/// How many bytes of texts the cache keeps (the texts of the articles
/// being read, compared or exported; a few thousand articles).
pub const CACHE_BYTES: usize = 48 * 1024 * 1024;

/// An article's decoded text.
#[derive(Clone)]
pub struct Text(Repr);

#[derive(Clone)]
enum Repr {
    Here(Arc<str>),
    Stored { file: Arc<TextFile>, at: TextRef },
}

impl Text {
    /// A text held in memory.
    pub fn here(text: impl Into<Arc<str>>) -> Text {
        Text(Repr::Here(text.into()))
    }

    /// The text (from memory, the cache, or the text file).
    pub fn get(&self) -> Arc<str> {
        match &self.0 {
            Repr::Here(t) => t.clone(),
            Repr::Stored { file, at } => file.fetch(*at),
        }
    }

    /// The text, or `None` when it did not read back as written (what
    /// must not be mistaken for the article's text: passages are not
    /// re-anchored against blanks).
    pub fn try_get(&self) -> Option<Arc<str>> {
        match &self.0 {
            Repr::Here(t) => Some(t.clone()),
            Repr::Stored { file, at } => file.fetch_checked(*at),
        }
    }

    /// Its length in bytes (without reading it).
    pub fn len(&self) -> usize {
        match &self.0 {
            Repr::Here(t) => t.len(),
            Repr::Stored { at, .. } => at.len as usize,
        }
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Where it is in `file`, when that is where it lives.
    pub fn stored_in(&self, file: &Arc<TextFile>) -> Option<TextRef> {
        match &self.0 {
            Repr::Stored { file: f, at } if Arc::ptr_eq(f, file) => Some(*at),
            _ => None,
        }
    }
}

impl Default for Text {
    fn default() -> Self {
        Text::here("")
    }
}

impl std::fmt::Debug for Text {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match &self.0 {
            Repr::Here(t) => write!(f, "Text({} bytes in memory)", t.len()),
            Repr::Stored { at, .. } => write!(f, "Text({} bytes at {})", at.len, at.offset),
        }
    }
}

/// A text's place in a text file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct TextRef {
    pub offset: u64,
    /// Compressed length.
    pub stored: u32,
    /// The text's length in bytes.
    pub len: u32,
    /// The first 8 bytes of the text's BLAKE3.
    pub check: u64,
}

fn check_of(text: &str) -> u64 {
    let h = blake3::hash(text.as_bytes());
    let mut b = [0u8; 8];
    b.copy_from_slice(&h.as_bytes()[..8]);
    u64::from_le_bytes(b)
}

/// An append-only file of compressed texts, with the cache in front of it.
pub struct TextFile {
    path: PathBuf,
    reader: File,
    /// The file opened for appending, and its length.
    writer: Mutex<(File, u64)>,
    cache: Mutex<Cache>,
    damaged: AtomicBool,
    read_only: AtomicBool,
    on_damage: Mutex<Option<PathBuf>>,
}

struct Cache {
    lru: lru::LruCache<u64, Arc<str>>,
    bytes: usize,
}

impl TextFile {
    /// A new, empty text file at `path` (one there is replaced).
    pub fn create(path: &Path) -> std::io::Result<Arc<TextFile>> {
        let writer = File::create(path)?;
        Self::with(path, writer, 0)
    }

    /// The text file at `path`, to read and to append to.
    pub fn open(path: &Path) -> std::io::Result<Arc<TextFile>> {
        let writer = std::fs::OpenOptions::new().append(true).open(path)?;
        let len = writer.metadata()?.len();
        Self::with(path, writer, len)
    }

    /// The text file at `path`, to read only (another daftar writes it:
    /// what this one puts stays in memory).
    pub fn open_read_only(path: &Path) -> std::io::Result<Arc<TextFile>> {
        let f = File::open(path)?;
        let len = f.metadata()?.len();
        let t = Self::with(path, f, len)?;
        t.read_only.store(true, Ordering::Relaxed);
        Ok(t)
    }

    fn with(path: &Path, writer: File, len: u64) -> std::io::Result<Arc<TextFile>> {
        Ok(Arc::new(TextFile {
            path: path.to_path_buf(),
            reader: File::open(path)?,
            writer: Mutex::new((writer, len)),
            cache: Mutex::new(Cache {
                lru: lru::LruCache::unbounded(),
                bytes: 0,
            }),
            damaged: AtomicBool::new(false),
            read_only: AtomicBool::new(false),
            on_damage: Mutex::new(None),
        }))
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The file's length in bytes.
    pub fn len(&self) -> u64 {
        self.writer.lock().map_or(0, |w| w.1)
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Whether a text failed to read back as it was written.
    pub fn damaged(&self) -> bool {
        self.damaged.load(Ordering::Relaxed)
    }

    /// Appends `text` and gives it as living here (it stays in the cache,
    /// so the article just read costs no read back).
    pub fn put(self: &Arc<Self>, text: Arc<str>) -> std::io::Result<Text> {
        use std::io::Write;
        if self.read_only.load(Ordering::Relaxed) {
            return Ok(Text::here(text));
        }
        let too_long = || std::io::Error::other("a text of more than 4 GiB");
        let len = u32::try_from(text.len()).map_err(|_| too_long())?;
        let packed = lz4_flex::block::compress(text.as_bytes());
        let stored = u32::try_from(packed.len()).map_err(|_| too_long())?;
        let offset = {
            let mut w = self
                .writer
                .lock()
                .map_err(|_| std::io::Error::other("text file writer poisoned"))?;
            let offset = w.1;
            if let Err(e) = w.0.write_all(&packed) {
                // (Cut back to where the file was whole, and the next text
                // written where this one was to start.)
                use std::io::Seek;
                let _ = w.0.set_len(offset);
                let _ = w.0.seek(std::io::SeekFrom::Start(offset));
                return Err(e);
            }
            w.1 += packed.len() as u64;
            offset
        };
        let at = TextRef {
            offset,
            stored,
            len,
            check: check_of(&text),
        };
        self.remember(offset, text);
        Ok(Text(Repr::Stored {
            file: self.clone(),
            at,
        }))
    }

    /// `at` in this file, as a text (not read until asked for).
    pub fn text(self: &Arc<Self>, at: TextRef) -> Text {
        Text(Repr::Stored {
            file: self.clone(),
            at,
        })
    }

    /// Writes what was appended to the disk (before anything that refers
    /// to it is).
    pub fn sync(&self) -> std::io::Result<()> {
        let w = self
            .writer
            .lock()
            .map_err(|_| std::io::Error::other("text file writer poisoned"))?;
        w.0.sync_data()
    }

    fn remember(&self, offset: u64, text: Arc<str>) {
        let Ok(mut c) = self.cache.lock() else {
            return;
        };
        c.bytes += text.len();
        if let Some(old) = c.lru.put(offset, text) {
            c.bytes -= old.len();
        }
        while c.bytes > CACHE_BYTES && c.lru.len() > 1 {
            match c.lru.pop_lru() {
                Some((_, t)) => c.bytes -= t.len(),
                None => break,
            }
        }
    }

    fn fetch(&self, at: TextRef) -> Arc<str> {
        // Blanks of the same length for a damaged text: every range stays
        // in bounds and on character boundaries.
        self.fetch_checked(at)
            .unwrap_or_else(|| " ".repeat(at.len as usize).into())
    }

    fn fetch_checked(&self, at: TextRef) -> Option<Arc<str>> {
        if let Ok(mut c) = self.cache.lock()
            && let Some(t) = c.lru.get(&at.offset)
            && t.len() == at.len as usize
        {
            return Some(t.clone());
        }
        match self.read(at) {
            Some(t) => {
                let text: Arc<str> = t.into();
                self.remember(at.offset, text.clone());
                Some(text)
            }
            None => {
                self.damaged.store(true, Ordering::Relaxed);
                // What points into this file is not to be trusted again:
                // the next open reads the files.
                if let Ok(Some(records)) = self.on_damage.lock().map(|r| r.clone()) {
                    let _ = std::fs::remove_file(records);
                }
                None
            }
        }
    }

    /// The file to remove when a text is found damaged (the store's
    /// records, which point into this file).
    pub fn on_damage_remove(&self, records: &Path) {
        if let Ok(mut r) = self.on_damage.lock() {
            *r = Some(records.to_path_buf());
        }
    }

    fn read(&self, at: TextRef) -> Option<String> {
        let mut packed = vec![0u8; at.stored as usize];
        crate::disk::read_exact_at(&self.reader, &mut packed, at.offset).ok()?;
        let bytes = lz4_flex::block::decompress(&packed, at.len as usize).ok()?;
        let text = String::from_utf8(bytes).ok()?;
        (text.len() == at.len as usize && check_of(&text) == at.check).then_some(text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_text_reads_back_from_the_file_after_the_cache_forgot_it() {
        let dir = tempfile::tempdir().unwrap();
        let f = TextFile::create(&dir.path().join("texts.bin")).unwrap();
        let a = f.put("سلام دنیا ۱۴۰۳ BRICS".into()).unwrap();
        let b = f.put("دومی".into()).unwrap();
        f.cache.lock().unwrap().lru.clear();
        assert_eq!(&*a.get(), "سلام دنیا ۱۴۰۳ BRICS");
        assert_eq!(&*b.get(), "دومی");
        // Reopened: the same places read the same texts.
        let at = a.stored_in(&f).unwrap();
        let again = TextFile::open(&dir.path().join("texts.bin")).unwrap();
        assert_eq!(&*again.text(at).get(), "سلام دنیا ۱۴۰۳ BRICS");
        assert!(!again.damaged());
    }

    #[test]
    fn a_damaged_text_is_blanks_of_its_length_and_the_file_says_so() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("texts.bin");
        let f = TextFile::create(&path).unwrap();
        let t = f.put("متن یک خبر که خراب می‌شود".into()).unwrap();
        let at = t.stored_in(&f).unwrap();
        drop((t, f));
        let mut bytes = std::fs::read(&path).unwrap();
        let last = bytes.len() - 1;
        bytes[last] ^= 0x55;
        std::fs::write(&path, &bytes).unwrap();
        let f = TextFile::open(&path).unwrap();
        let got = f.text(at).get();
        assert_eq!(got.len(), at.len as usize);
        assert!(got.chars().all(|c| c == ' '));
        assert!(f.damaged());
    }

    #[test]
    fn the_cache_keeps_to_its_bound() {
        let dir = tempfile::tempdir().unwrap();
        let f = TextFile::create(&dir.path().join("texts.bin")).unwrap();
        let big: Arc<str> = "و".repeat(CACHE_BYTES / 8).into();
        for _ in 0..20 {
            f.put(big.clone()).unwrap();
        }
        assert!(f.cache.lock().unwrap().bytes <= CACHE_BYTES);
    }
}
