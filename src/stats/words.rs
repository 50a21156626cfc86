//! The corpus as numbered words: every article's reading (title, kicker,
//! lead and body — never the page chrome it left out) as a sequence of
//! word ids, one id per search key (PERSIAN.md §2), with a break between
//! paragraphs. Every count of the Statistics view runs over these
//! sequences, so a word list of 100,000 articles is a pass over integers,
//! not a hundred thousand texts read and tokenised again.
//!
//! Derived data: `.daftar/stats/words.bin`, written atomically with a
//! version and a checksum; each article's sequence is kept with a stamp
//! of its bytes and reading ranges, so an edited file or a corrected
//! reading is tokenised again and nothing else. Missing, damaged or of
//! another version, the file is rebuilt.

use std::ops::Range;
use std::path::{Path, PathBuf};

use rayon::prelude::*;
use rustc_hash::FxHashMap;
use serde::{Deserialize, Serialize};

use crate::corpus::Article;
use crate::i18n::Notice;
use crate::text::tokenize::tokenize;

/// The id between two paragraphs (n-grams and windows stop there).
pub const BREAK: u32 = u32::MAX;

const MAGIC: &[u8; 8] = b"daftarWD";
const VERSION: u32 = 3;
const FILE: &str = "words.bin";

/// Spellings of one key and how often each was written.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
struct Forms {
    /// Written exactly as the key.
    plain: u32,
    /// Other spellings, commonest first after [`Words::tidy`].
    other: Vec<(Box<str>, u32)>,
}

/// Where an article's words are in [`Words::tokens`]: `len` bytes from
/// `start`, `count` ids (breaks included).
#[derive(Debug, Clone, Copy, Serialize, Deserialize)]
struct Doc {
    stamp: [u8; 16],
    start: u64,
    len: u32,
    count: u32,
}

/// Appends an id as a varint (LEB128 of id + 1; 0 is a break): the
/// commonest words come first in a corpus and get the smallest ids, so
/// most words take one or two bytes, not four (100,000 articles: tens of
/// megabytes, not 160).
fn put(out: &mut Vec<u8>, id: u32) {
    let mut v = if id == BREAK { 0 } else { id as u64 + 1 };
    loop {
        let b = (v & 0x7f) as u8;
        v >>= 7;
        if v == 0 {
            out.push(b);
            return;
        }
        out.push(b | 0x80);
    }
}

/// The ids of varint `bytes` into `out` (cleared first); false if they
/// do not decode.
fn decode(bytes: &[u8], out: &mut Vec<u32>) -> bool {
    out.clear();
    let mut v: u64 = 0;
    let mut shift = 0;
    for &b in bytes {
        v |= u64::from(b & 0x7f) << shift;
        if b & 0x80 == 0 {
            out.push(if v == 0 {
                BREAK
            } else {
                (v - 1).min(u64::from(BREAK) - 1) as u32
            });
            v = 0;
            shift = 0;
        } else {
            shift += 7;
            if shift > 35 {
                return false;
            }
        }
    }
    shift == 0
}

/// The vocabulary and every article's word ids.
#[derive(Default)]
pub struct Words {
    keys: Vec<Box<str>>,
    ids: FxHashMap<Box<str>, u32>,
    forms: Vec<Forms>,
    docs: FxHashMap<String, Doc>,
    /// Every article's ids, as varints ([`put`]).
    tokens: Vec<u8>,
    /// Words of articles changed or removed since the spellings were
    /// counted from nothing: their spellings still count in `forms` (an
    /// article's spellings are not kept apart). Past a tenth of the
    /// corpus, everything is counted again ([`Self::update`]).
    stale: u64,
    /// Whether anything changed since it was read or written.
    dirty: bool,
}

/// What is stored after the magic, version and the head's length (the
/// tokens' bytes follow, then a BLAKE3 of everything before it).
#[derive(Serialize, Deserialize)]
struct Head {
    keys: Vec<Box<str>>,
    forms: Vec<Forms>,
    docs: Vec<(String, Doc)>,
    stale: u64,
    tokens: u64,
}

/// The byte ranges of an article's reading, in text order, none inside
/// another (a lead that is also the first paragraph counts once).
pub fn reading(a: &Article) -> Vec<Range<usize>> {
    let mut parts: Vec<Range<usize>> = [&a.title, &a.kicker, &a.lead]
        .into_iter()
        .flatten()
        .cloned()
        .chain(a.paragraphs.iter().cloned())
        .collect();
    parts.sort_by_key(|r| (r.start, std::cmp::Reverse(r.end)));
    let mut out: Vec<Range<usize>> = Vec::with_capacity(parts.len());
    for r in parts {
        match out.last_mut() {
            Some(last) if r.start < last.end => last.end = last.end.max(r.end),
            _ => out.push(r),
        }
    }
    out
}

/// The words of an article's reading: (byte range in its text, key), and
/// `None` at each paragraph break — the sequence [`Words`] numbers.
pub fn reading_words(a: &Article, text: &str) -> Vec<Option<(Range<usize>, String)>> {
    words_of(&reading(a), text)
}

/// [`reading_words`] of these ranges of `text`.
fn words_of(ranges: &[Range<usize>], text: &str) -> Vec<Option<(Range<usize>, String)>> {
    let mut out = Vec::new();
    for r in ranges.iter().cloned() {
        let Some(part) = text.get(r.clone()) else {
            continue;
        };
        if !out.is_empty() {
            out.push(None);
        }
        let mut last: Option<usize> = None;
        for t in tokenize(part) {
            if last.is_some_and(|p| t.position > p + 1) {
                out.push(None);
            }
            last = Some(t.position);
            out.push(Some((
                r.start + t.range.start..r.start + t.range.end,
                t.key,
            )));
        }
    }
    // No break at the end, none doubled.
    out.dedup_by(|b, a| a.is_none() && b.is_none());
    while out.last().is_some_and(Option::is_none) {
        out.pop();
    }
    out
}

/// What [`Words`] reads of an article: its path, text and reading —
/// cheap to hand to a worker (the text is shared, not copied).
#[derive(Clone)]
pub struct Reading {
    pub path: String,
    pub stamp: [u8; 16],
    pub text: crate::corpus::Text,
    pub ranges: Vec<Range<usize>>,
}

impl Reading {
    pub fn of(a: &Article) -> Reading {
        Reading {
            path: a.path.clone(),
            stamp: stamp(a),
            text: a.text.clone(),
            ranges: reading(a),
        }
    }

    pub fn all(articles: &[Article]) -> Vec<Reading> {
        articles.iter().map(Reading::of).collect()
    }
}

/// What identifies an article's reading: its bytes and its ranges.
fn stamp(a: &Article) -> [u8; 16] {
    let mut h = blake3::Hasher::new();
    h.update(&a.content_hash.bytes());
    for r in reading(a) {
        h.update(&(r.start as u64).to_le_bytes());
        h.update(&(r.end as u64).to_le_bytes());
    }
    let mut s = [0u8; 16];
    s.copy_from_slice(&h.finalize().as_bytes()[..16]);
    s
}

/// One article tokenised, before its keys have ids.
struct Fresh {
    path: String,
    stamp: [u8; 16],
    /// Key, and the spelling when it is not the key itself.
    words: Vec<Option<(String, Option<String>)>>,
}

fn fresh(a: &Reading) -> Fresh {
    let text = a.text.get();
    let words = words_of(&a.ranges, &text)
        .into_iter()
        .map(|w| {
            w.map(|(r, key)| {
                let written = &text[r];
                let form = (written != key).then(|| written.to_string());
                (key, form)
            })
        })
        .collect();
    Fresh {
        path: a.path.clone(),
        stamp: a.stamp,
        words,
    }
}

impl Words {
    /// The folder daftar keeps it in for `corpus`.
    pub fn dir(corpus: &Path) -> PathBuf {
        crate::disk::derived_dir(corpus, "stats")
    }

    /// The stored words of `dir` brought in step with `articles` and
    /// stored again; the note says why something could not be read or
    /// written (counting goes on either way).
    pub fn open(
        dir: &Path,
        articles: &[Reading],
        progress: &(dyn Fn(usize, usize) + Sync),
        cancel: &std::sync::atomic::AtomicBool,
    ) -> (Words, Option<Notice>) {
        let (mut w, mut note) = Words::read(dir);
        w.update(articles, progress, cancel);
        // (Cancelled too: what was counted is kept for next time.)
        if let Err(e) = w.save(dir) {
            note = Some(
                Notice::new("stats-words-unstored")
                    .with("path", dir.display())
                    .with("error", e),
            );
        }
        (w, note)
    }

    /// Reads the stored words of `dir`; missing or of another version
    /// (derived data: counted again without a word), or damaged (counted
    /// again, and said): empty.
    pub fn read(dir: &Path) -> (Words, Option<Notice>) {
        match std::fs::read(dir.join(FILE)) {
            Ok(bytes)
                if bytes.get(..8) == Some(MAGIC)
                    && bytes.get(8..12) != Some(&VERSION.to_le_bytes()[..]) =>
            {
                (Words::default(), None)
            }
            Ok(bytes) => match Self::from_bytes(bytes) {
                Some(w) => (w, None),
                None => (Words::default(), Some(Notice::new("stats-words-damaged"))),
            },
            Err(_) => (Words::default(), None),
        }
    }

    /// The file's bytes as words (the tokens kept in place, not copied).
    fn from_bytes(mut bytes: Vec<u8>) -> Option<Words> {
        let body_end = bytes.len().checked_sub(32)?;
        if bytes.get(..8)? != MAGIC || bytes.get(8..12)? != VERSION.to_le_bytes() {
            return None;
        }
        if blake3::hash(&bytes[..body_end]).as_bytes()[..] != bytes[body_end..] {
            return None;
        }
        let head_len = u64::from_le_bytes(bytes.get(12..20)?.try_into().ok()?) as usize;
        let head_end = 20usize.checked_add(head_len)?;
        let head: Head = postcard::from_bytes(bytes.get(20..head_end)?).ok()?;
        if (body_end.checked_sub(head_end)?) as u64 != head.tokens {
            return None;
        }
        bytes.truncate(body_end);
        bytes.drain(..head_end);
        bytes.shrink_to_fit();
        let tokens = bytes;
        let n = head.keys.len() as u64;
        let mut ids = Vec::new();
        let sound = head.forms.len() as u64 == n
            && head.docs.iter().all(|(_, d)| {
                let (s, e) = (d.start as usize, d.start as usize + d.len as usize);
                tokens.get(s..e).is_some_and(|b| decode(b, &mut ids))
                    && ids.len() == d.count as usize
                    && ids.iter().all(|&t| t == BREAK || u64::from(t) < n)
            });
        if !sound {
            return None;
        }
        let ids = head
            .keys
            .iter()
            .enumerate()
            .map(|(i, k)| (k.clone(), i as u32))
            .collect();
        Some(Words {
            keys: head.keys,
            ids,
            forms: head.forms,
            docs: head.docs.into_iter().collect(),
            tokens,
            stale: head.stale,
            dirty: false,
        })
    }

    /// Writes it to `dir` (atomically, as it goes: never a second copy of
    /// the tokens in memory) if it changed.
    pub fn save(&mut self, dir: &Path) -> std::io::Result<()> {
        use std::io::Write;
        if !self.dirty {
            return Ok(());
        }
        std::fs::create_dir_all(dir)?;
        let head = Head {
            keys: self.keys.clone(),
            forms: self.forms.clone(),
            docs: self.docs.iter().map(|(p, d)| (p.clone(), *d)).collect(),
            stale: self.stale,
            tokens: self.tokens.len() as u64,
        };
        let head = postcard::to_stdvec(&head).map_err(std::io::Error::other)?;
        crate::disk::write_atomic_with(&dir.join(FILE), |f| {
            let mut w = std::io::BufWriter::new(f);
            let mut h = blake3::Hasher::new();
            for part in [
                &MAGIC[..],
                &VERSION.to_le_bytes(),
                &(head.len() as u64).to_le_bytes(),
                &head,
                &self.tokens,
            ] {
                h.update(part);
                w.write_all(part)?;
            }
            w.write_all(h.finalize().as_bytes())?;
            w.flush()
        })?;
        self.dirty = false;
        Ok(())
    }

    /// Brings it in step with `articles`: those new or changed since are
    /// tokenised (in parallel), those gone are dropped. `progress(done,
    /// of)` is called as articles are tokenised; `cancel` stops early
    /// (what was done is kept). Returns how many were tokenised.
    pub fn update(
        &mut self,
        articles: &[Reading],
        progress: &(dyn Fn(usize, usize) + Sync),
        cancel: &std::sync::atomic::AtomicBool,
    ) -> usize {
        use std::sync::atomic::Ordering;
        let live: FxHashMap<&str, [u8; 16]> = articles
            .iter()
            .map(|a| (a.path.as_str(), a.stamp))
            .collect();
        // Words of articles gone or changed: their spellings would stay
        // counted. Past a tenth of the corpus, count everything again.
        let gone: u64 = self
            .docs
            .iter()
            .filter(|(p, d)| live.get(p.as_str()) != Some(&d.stamp))
            .map(|(_, d)| u64::from(d.count))
            .sum();
        let all = self.of_all_len() as u64;
        let mut changed = false;
        if gone > 0 && (self.stale + gone) * 10 > all {
            *self = Words::default();
            changed = true;
        } else {
            self.stale += gone;
        }
        let before = self.docs.len();
        self.docs.retain(|p, _| live.contains_key(p.as_str()));
        changed |= self.docs.len() != before;
        let todo: Vec<&Reading> = articles
            .iter()
            .filter(|a| self.docs.get(&a.path).is_none_or(|d| d.stamp != a.stamp))
            .collect();
        let total = todo.len();
        let done = std::sync::atomic::AtomicUsize::new(0);
        // Room for them at once (a word of Persian prose is about eleven
        // bytes of text and a byte and a half here): growing by doubling
        // held twice the tokens for a moment.
        let text: usize = todo
            .iter()
            .flat_map(|a| a.ranges.iter())
            .map(|r| r.len())
            .sum();
        self.tokens.reserve(text / 6);
        // In chunks: each chunk's keys get ids here, in order, so ids do
        // not depend on the threads' timing.
        for chunk in todo.chunks(512) {
            if cancel.load(Ordering::Relaxed) {
                break;
            }
            let fresh: Vec<Fresh> = chunk
                .par_iter()
                .map(|a| {
                    let f = fresh(a);
                    let d = done.fetch_add(1, Ordering::Relaxed) + 1;
                    if d.is_multiple_of(512) {
                        progress(d, total);
                    }
                    f
                })
                .collect();
            for f in fresh {
                self.add(f);
            }
            changed = true;
        }
        progress(done.load(Ordering::Relaxed), total);
        // Tokens of articles gone or changed: compacted once they are a
        // quarter of the whole.
        let used: u64 = self.docs.values().map(|d| d.len as u64).sum();
        if (self.tokens.len() as u64) > used + used / 4 + 1024 {
            self.compact();
        }
        if changed {
            self.tidy();
            self.dirty = true;
        }
        self.tokens.shrink_to_fit();
        total
    }

    fn id_of(&mut self, key: String) -> u32 {
        if let Some(&id) = self.ids.get(key.as_str()) {
            return id;
        }
        let id = self.keys.len() as u32;
        let key: Box<str> = key.into();
        self.keys.push(key.clone());
        self.ids.insert(key, id);
        self.forms.push(Forms::default());
        id
    }

    fn add(&mut self, f: Fresh) {
        let start = self.tokens.len() as u64;
        let count = f.words.len() as u32;
        for w in f.words {
            match w {
                None => put(&mut self.tokens, BREAK),
                Some((key, form)) => {
                    let id = self.id_of(key);
                    let forms = &mut self.forms[id as usize];
                    match form {
                        None => forms.plain += 1,
                        Some(form) => match forms.other.iter().position(|(f, _)| **f == *form) {
                            Some(k) => forms.other[k].1 += 1,
                            // (A word's rare spellings are many: keep a few.)
                            None if forms.other.len() < 16 => forms.other.push((form.into(), 1)),
                            None => {}
                        },
                    }
                    put(&mut self.tokens, id);
                }
            }
        }
        let len = (self.tokens.len() as u64 - start) as u32;
        self.docs.insert(
            f.path,
            Doc {
                stamp: f.stamp,
                start,
                len,
                count,
            },
        );
    }

    /// Drops the tokens no article points at.
    fn compact(&mut self) {
        let mut docs: Vec<(&String, &mut Doc)> = self.docs.iter_mut().collect();
        docs.sort_by_key(|(_, d)| d.start);
        let mut out = Vec::with_capacity(docs.iter().map(|(_, d)| d.len as usize).sum());
        for (_, d) in docs {
            let s = d.start as usize;
            let start = out.len() as u64;
            out.extend_from_slice(&self.tokens[s..s + d.len as usize]);
            d.start = start;
        }
        self.tokens = out;
    }

    /// Each key's spellings commonest first.
    fn tidy(&mut self) {
        for f in &mut self.forms {
            f.other
                .sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        }
    }

    /// The words of `articles`, counted now (tests).
    #[cfg(test)]
    pub fn of_articles(articles: &[Article]) -> Words {
        let mut w = Words::default();
        let cancel = std::sync::atomic::AtomicBool::new(false);
        w.update(&Reading::all(articles), &|_, _| {}, &cancel);
        w
    }

    /// How many distinct keys it holds.
    pub fn vocabulary(&self) -> usize {
        self.keys.len()
    }

    /// The key of an id.
    pub fn key(&self, id: u32) -> &str {
        self.keys.get(id as usize).map_or("", |k| k)
    }

    /// The id of a key.
    pub fn id(&self, key: &str) -> Option<u32> {
        self.ids.get(key).copied()
    }

    /// The commonest spelling of a key in the texts.
    pub fn form(&self, id: u32) -> &str {
        let Some(f) = self.forms.get(id as usize) else {
            return "";
        };
        match f.other.first() {
            Some((form, n)) if *n > f.plain => form,
            _ => self.key(id),
        }
    }

    /// Every spelling of a key with how often it was written, commonest
    /// first.
    pub fn spellings(&self, id: u32) -> Vec<(String, u32)> {
        let Some(f) = self.forms.get(id as usize) else {
            return Vec::new();
        };
        let mut all: Vec<(String, u32)> =
            f.other.iter().map(|(s, n)| (s.to_string(), *n)).collect();
        if f.plain > 0 {
            all.push((self.key(id).to_string(), f.plain));
        }
        all.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        all
    }

    /// The word ids of the article at `path` (breaks included) into
    /// `out`; false when it has none.
    pub fn ids_into(&self, path: &str, out: &mut Vec<u32>) -> bool {
        let Some(d) = self.docs.get(path) else {
            out.clear();
            return false;
        };
        let s = d.start as usize;
        self.tokens
            .get(s..s + d.len as usize)
            .is_some_and(|b| decode(b, out))
    }

    /// How many ids (breaks included) the article at `path` has.
    pub fn len_of(&self, path: &str) -> usize {
        self.docs.get(path).map_or(0, |d| d.count as usize)
    }

    /// Ids (breaks included) of every article.
    pub fn of_all_len(&self) -> usize {
        self.docs.values().map(|d| d.count as usize).sum()
    }

    /// Memory it holds, roughly (bytes).
    pub fn heap_bytes(&self) -> usize {
        self.tokens.capacity()
            + self.keys.iter().map(|k| k.len() * 2 + 48).sum::<usize>()
            + self.docs.len() * 96
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::AtomicBool;

    fn ids(w: &Words, path: &str) -> Vec<u32> {
        let mut out = Vec::new();
        w.ids_into(path, &mut out);
        out
    }

    fn update(w: &mut Words, a: &[Article]) -> usize {
        w.update(&Reading::all(a), &|_, _| {}, &AtomicBool::new(false))
    }

    #[test]
    fn spellings_meet_in_one_id_and_the_commonest_is_the_form() {
        let a = Article::from_text("a.txt", "رئيس‌جمهور گفت\nرئیس‌جمهور آمد و رئیس‌جمهور رفت");
        let mut w = Words::default();
        assert_eq!(update(&mut w, &[a]), 1);
        let ids = ids(&w, "a.txt");
        let id = w.id("رییسجمهور").unwrap();
        assert_eq!(ids.iter().filter(|&&t| t == id).count(), 3);
        assert_eq!(w.form(id), "رئیس‌جمهور");
        assert_eq!(
            w.spellings(id),
            [("رئیس‌جمهور".to_string(), 2), ("رئيس‌جمهور".to_string(), 1)]
        );
        // One break, between the two lines.
        assert_eq!(ids.iter().filter(|&&t| t == BREAK).count(), 1);
        assert_eq!(ids[2], BREAK);
    }

    #[test]
    fn ids_round_trip_through_varints() {
        let all = [
            0,
            1,
            126,
            127,
            128,
            16_383,
            16_384,
            2_000_000,
            BREAK,
            u32::MAX - 1,
        ];
        let mut bytes = Vec::new();
        for &id in &all {
            put(&mut bytes, id);
        }
        let mut back = Vec::new();
        assert!(decode(&bytes, &mut back));
        assert_eq!(back, all);
        assert_eq!(
            bytes.iter().take_while(|&&b| b & 0x80 == 0).count(),
            3,
            "small ids take a byte"
        );
        assert!(
            !decode(&bytes[..bytes.len() - 1], &mut back),
            "a cut varint is refused"
        );
    }

    #[test]
    fn spellings_of_edited_and_removed_articles_do_not_pile_up() {
        let mut w = Words::default();
        let a = |text: &str| Article::from_text("a.txt", text);
        let b = Article::from_text("b.txt", "رئیس‌جمهور رئیس‌جمهور");
        update(&mut w, &[a("رئيس‌جمهور"), b.clone()]);
        // a.txt rewritten three times with the other spelling: once,
        // not three times.
        for n in ["رئيس‌جمهور آمد", "رئيس‌جمهور رفت", "رئيس‌جمهور ماند"]
        {
            update(&mut w, &[a(n), b.clone()]);
        }
        let id = w.id("رییسجمهور").unwrap();
        assert_eq!(w.form(id), "رئیس‌جمهور", "{:?}", w.spellings(id));
        update(&mut w, &[b]);
        assert_eq!(w.spellings(id), [("رئیس‌جمهور".to_string(), 2)]);
    }

    #[test]
    fn chrome_is_not_counted() {
        let mut a = Article::from_text("a.txt", "خانه | اخبار | ورزش\nمتن خبر اینجاست");
        a.paragraphs.remove(0);
        let mut w = Words::default();
        update(&mut w, &[a]);
        assert!(w.id("اخبار").is_none());
        assert_eq!(ids(&w, "a.txt").len(), 3);
    }

    #[test]
    fn only_changed_articles_are_read_again_and_the_file_round_trips() {
        let dir = tempfile::tempdir().unwrap();
        // Forty articles: one changed, one removed are under a tenth of
        // the words (past that, everything is counted again).
        let mut all: Vec<Article> = (0..40)
            .map(|i| Article::from_text(&format!("{i}.txt"), "یک دو سه"))
            .collect();
        let mut w = Words::default();
        assert_eq!(update(&mut w, &all), 40);
        w.save(dir.path()).unwrap();
        let (mut back, note) = Words::read(dir.path());
        assert!(note.is_none());
        assert_eq!(update(&mut back, &all), 0);
        all[1] = Article::from_text("1.txt", "چهار پنج شش هفت");
        assert_eq!(update(&mut back, &all), 1);
        assert_eq!(ids(&back, "1.txt").len(), 4);
        assert_eq!(back.len_of("1.txt"), 4);
        all.remove(1);
        assert_eq!(update(&mut back, &all), 0);
        assert!(!back.ids_into("1.txt", &mut Vec::new()));
        // Many changed: counted again from nothing (spellings exact again).
        for a in all.iter_mut().take(5) {
            *a = Article::from_text(&a.path, "هشت نه");
        }
        assert_eq!(update(&mut back, &all), 39);
        back.save(dir.path()).unwrap();
        // A damaged file is said and rebuilt, never trusted.
        let path = dir.path().join(FILE);
        let mut bytes = std::fs::read(&path).unwrap();
        let last = bytes.len() - 1;
        bytes[last] ^= 1;
        std::fs::write(&path, bytes).unwrap();
        let (w, note) = Words::read(dir.path());
        assert!(note.is_some(), "damage is said");
        assert_eq!(w.vocabulary(), 0);
        // Another version's file (an older daftar's) is counted again
        // without a word: derived data, not damage.
        let mut other = MAGIC.to_vec();
        other.extend_from_slice(&(VERSION + 1).to_le_bytes());
        std::fs::write(&path, other).unwrap();
        let (w, note) = Words::read(dir.path());
        assert!(note.is_none());
        assert_eq!(w.vocabulary(), 0);
    }
}
