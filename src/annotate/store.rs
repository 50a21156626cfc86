//! The annotators' work on disk: `<corpus>/.daftar/annotations.ron`, one
//! file per corpus (DESIGN.md "Data on disk").
//!
//! - Versioned RON with defaults, so older and newer files still load.
//! - Every save is atomic: a temporary file in the same folder, fsync,
//!   then rename over the old one; the previous version is kept as
//!   `annotations.ron.bak` first. A crash leaves the old or the new file,
//!   never half of one; a file that no longer parses is set aside (never
//!   deleted) and the backup is used.
//! - One writer at a time: the store holds an OS lock on
//!   `annotations.lock` for as long as it is open (released by the kernel
//!   even when the process is killed); a second daftar is told who holds it.
//! - Each passage is anchored by article id and path, character range and
//!   the quoted text with some context (W3C TextQuoteSelector). When an
//!   article changes, [`AnnotationStore::reanchor`] finds the quote again;
//!   a passage that cannot be found is kept and marked orphaned.

use std::fs::{File, OpenOptions};
use std::io::Write;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

/// Bumped when the file's shape changes incompatibly.
pub const STORE_VERSION: u32 = 1;
/// Characters of context kept on each side of a quote.
pub const CONTEXT_CHARS: usize = 32;

/// One tagged passage. Offsets are character (code point) offsets into the
/// article's decoded text, end exclusive.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Passage {
    pub id: u64,
    /// The article's id (from its path).
    pub article: String,
    pub path: String,
    /// The path's bytes in hex when the file's name is not UTF-8 (`path`
    /// then shows U+FFFD in their place): how the file is found again.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub raw_path: Option<String>,
    pub start: usize,
    pub end: usize,
    /// The passage's text when it was tagged.
    pub quote: String,
    /// Up to [`CONTEXT_CHARS`] characters before and after it.
    pub prefix: String,
    pub suffix: String,
    /// Tag names.
    pub tags: Vec<String>,
    pub note: String,
    pub annotator: String,
    /// When it was tagged (UTC, `YYYY-MM-DDTHH:MM:SSZ`).
    pub created: String,
    /// The quote is no longer in the article (edited or deleted): kept for
    /// the annotator to fix.
    pub orphaned: bool,
}

/// The whole file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Annotations {
    pub version: u32,
    pub next_id: u64,
    pub passages: Vec<Passage>,
}

impl Default for Annotations {
    fn default() -> Self {
        Annotations {
            version: STORE_VERSION,
            next_id: 1,
            passages: Vec::new(),
        }
    }
}

/// Where a new passage goes: an article's id, path and decoded text, and
/// a character range of that text.
pub struct Anchor<'a> {
    pub article: &'a str,
    pub path: &'a str,
    pub text: &'a str,
    pub start: usize,
    pub end: usize,
}

impl Passage {
    /// Anchors the passage at a range of an article's text: quote and
    /// context from the text, no longer orphaned. A range outside the text
    /// is refused and changes nothing.
    pub fn anchor_to(&mut self, at: Anchor) -> Result<(), StoreError> {
        let (start, end) = (at.start, at.end);
        let chars: Vec<char> = at.text.chars().collect();
        if start >= end || end > chars.len() {
            return Err(StoreError::Invalid(format!(
                "the range {start}..{end} is not inside the article ({} characters)",
                chars.len()
            )));
        }
        self.article = at.article.to_string();
        self.path = at.path.to_string();
        self.start = start;
        self.end = end;
        self.quote = chars[start..end].iter().collect();
        self.prefix = chars[start.saturating_sub(CONTEXT_CHARS)..start]
            .iter()
            .collect();
        self.suffix = chars[end..(end + CONTEXT_CHARS).min(chars.len())]
            .iter()
            .collect();
        self.orphaned = false;
        Ok(())
    }
}

impl Annotations {
    /// Makes ids unique and `next_id` larger than every id, whatever the
    /// file said (`next_id: 0`, a hand edit, a merge of two files).
    /// Returns a note when a duplicate id had to be renumbered.
    pub fn fix_ids(&mut self) -> Option<String> {
        let mut seen = std::collections::HashSet::new();
        let mut next = self
            .passages
            .iter()
            .map(|p| p.id)
            .max()
            .unwrap_or(0)
            .max(self.next_id.saturating_sub(1))
            + 1;
        let mut renumbered = 0;
        for p in &mut self.passages {
            if p.id == 0 || !seen.insert(p.id) {
                p.id = next;
                seen.insert(next);
                next += 1;
                renumbered += 1;
            }
        }
        self.next_id = next;
        (renumbered > 0)
            .then(|| format!("{renumbered} passage(s) had a duplicate id and were renumbered"))
    }

    /// Adds a passage, its quote and context taken from the text; returns
    /// its id. A range outside the text is refused.
    pub fn add(
        &mut self,
        at: Anchor,
        tags: Vec<String>,
        note: String,
        annotator: String,
    ) -> Result<u64, StoreError> {
        let id = self.next_id.max(1);
        let mut p = Passage {
            id,
            article: String::new(),
            path: String::new(),
            raw_path: None,
            start: 0,
            end: 0,
            quote: String::new(),
            prefix: String::new(),
            suffix: String::new(),
            tags,
            note,
            annotator,
            created: now_utc(),
            orphaned: false,
        };
        p.anchor_to(at)?;
        self.next_id = id + 1;
        self.passages.push(p);
        Ok(id)
    }
}

/// Why the store cannot be used.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("another daftar (process {holder}) is annotating this corpus; close it first: {path}")]
    Locked { holder: String, path: PathBuf },
    #[error("cannot read or write the annotations: {source}: {path}")]
    Io {
        source: std::io::Error,
        path: PathBuf,
    },
    #[error("the annotations file was written by a newer daftar (version {0}); not touched")]
    Newer(u32),
    #[error("{0}")]
    Invalid(String),
    /// Neither the file nor its backup reads: nothing is written until
    /// the user repairs or moves them.
    #[error("the annotations cannot be used: {0}")]
    Unusable(String),
    /// A file is there but cannot be opened (permissions …): maybe good,
    /// so it is never offered to be set aside.
    #[error("the annotations cannot be read: {0}")]
    Unreadable(String),
}

impl From<crate::disk::UserFileError> for StoreError {
    fn from(e: crate::disk::UserFileError) -> Self {
        match e {
            crate::disk::UserFileError::Broken(m) => StoreError::Unusable(m),
            crate::disk::UserFileError::Unreadable(m) => StoreError::Unreadable(m),
        }
    }
}

fn io(path: &Path) -> impl FnOnce(std::io::Error) -> StoreError + '_ {
    move |source| StoreError::Io {
        source,
        path: path.to_path_buf(),
    }
}

/// Writes `bytes` to `path` atomically after writing `previous` (the
/// version `path` held, known to parse) to `backup`, atomically too. The
/// backup is only ever written from a version that was read or written
/// whole, so a file damaged on disk never replaces a good backup.
pub fn write_with_backup(
    path: &Path,
    backup: Option<(&Path, &[u8])>,
    bytes: &[u8],
) -> std::io::Result<()> {
    if let Some((b, previous)) = backup
        && previous != bytes
    {
        crate::disk::write_atomic(b, previous)?;
    }
    crate::disk::write_atomic(path, bytes)
}

/// The open store of one corpus (holding its lock).
#[derive(Debug)]
pub struct AnnotationStore {
    root: PathBuf,
    _lock: File,
    pub data: Annotations,
    /// The bytes of the file as last read or written (it parsed): what
    /// the next save keeps as the backup.
    last_good: Option<Vec<u8>>,
    /// The file's size and modification time when last read or written.
    last_stamp: Option<(u64, std::time::SystemTime)>,
    /// What happened on opening (a broken file set aside …).
    pub notes: Vec<String>,
}

impl AnnotationStore {
    pub fn dir(root: &Path) -> PathBuf {
        root.join(".daftar")
    }

    pub fn path(root: &Path) -> PathBuf {
        Self::dir(root).join("annotations.ron")
    }

    fn backup(root: &Path) -> PathBuf {
        Self::dir(root).join("annotations.ron.bak")
    }

    /// Opens (or starts) the corpus's annotations, taking the lock.
    pub fn open(root: &Path) -> Result<AnnotationStore, StoreError> {
        let dir = Self::dir(root);
        std::fs::create_dir_all(&dir).map_err(io(&dir))?;
        let lock_path = dir.join("annotations.lock");
        let mut lock = OpenOptions::new()
            .create(true)
            .truncate(false)
            .read(true)
            .write(true)
            .open(&lock_path)
            .map_err(io(&lock_path))?;
        match lock.try_lock() {
            Ok(()) => {}
            Err(std::fs::TryLockError::WouldBlock) => {
                let holder = std::fs::read_to_string(&lock_path)
                    .map(|s| s.trim().to_string())
                    .unwrap_or_default();
                return Err(StoreError::Locked {
                    holder: if holder.is_empty() {
                        "?".into()
                    } else {
                        holder
                    },
                    path: lock_path,
                });
            }
            Err(std::fs::TryLockError::Error(e)) => return Err(io(&lock_path)(e)),
        }
        let _ = lock.set_len(0);
        let _ = write!(lock, "{}", std::process::id());
        let mut notes = Vec::new();
        let (data, last_good) = Self::read(root, &mut notes)?;
        Ok(AnnotationStore {
            root: root.to_path_buf(),
            _lock: lock,
            data,
            last_good,
            last_stamp: stamp(&Self::path(root)),
            notes,
        })
    }

    /// Reads the file; a broken one is set aside and the backup used. When
    /// neither reads, nothing is moved and the error says so (see
    /// [`crate::disk::read_with_backup`]).
    fn read(
        root: &Path,
        notes: &mut Vec<String>,
    ) -> Result<(Annotations, Option<Vec<u8>>), StoreError> {
        let read = crate::disk::read_with_backup::<Annotations>(
            &Self::path(root),
            &Self::backup(root),
            notes,
        )
        .map_err(StoreError::from)?;
        let (mut data, bytes) = match read {
            Some((d, b)) => (d, Some(b)),
            None => (Annotations::default(), None),
        };
        if data.version > STORE_VERSION {
            return Err(StoreError::Newer(data.version));
        }
        if let Some(n) = data.fix_ids() {
            notes.push(n);
        }
        Ok((data, bytes))
    }

    /// Writes the store (atomically, the previous version kept).
    pub fn save(&mut self) -> Result<(), StoreError> {
        let path = Self::path(&self.root);
        let header = "// daftar annotations: tagged passages of this corpus. Written by daftar;\n\
                      // the previous version is in annotations.ron.bak.\n";
        let body = ron::ser::to_string_pretty(&self.data, ron::ser::PrettyConfig::default())
            .map_err(|e| StoreError::Invalid(e.to_string()))?;
        let bytes = format!("{header}{body}\n").into_bytes();
        let backup = Self::backup(&self.root);
        // The file changed on disk since it was read (a hand edit, a sync
        // tool): that version becomes the backup when it reads, and is set
        // aside when it does not — never lost, never the backup.
        // (Its size and time tell; the file is read only when they moved.)
        let changed = stamp(&path) != self.last_stamp;
        let on_disk = changed.then(|| std::fs::read(&path).ok()).flatten();
        if let Some(disk) = on_disk
            && self.last_good.as_deref() != Some(&disk[..])
        {
            match crate::disk::read_ron::<Annotations>(&path) {
                crate::disk::RonFile::Good(_, b) => self.last_good = Some(b),
                crate::disk::RonFile::Broken(_) => {
                    crate::disk::set_aside(&path).map_err(io(&path))?;
                }
                _ => {}
            }
        }
        write_with_backup(
            &path,
            self.last_good.as_deref().map(|b| (backup.as_path(), b)),
            &bytes,
        )
        .map_err(io(&path))?;
        self.last_good = Some(bytes);
        self.last_stamp = stamp(&path);
        Ok(())
    }

    /// Adds a passage of `text` (the article's decoded text) and saves.
    /// Returns its id.
    #[allow(clippy::too_many_arguments)]
    pub fn tag(
        &mut self,
        article: &str,
        path: &str,
        text: &str,
        start: usize,
        end: usize,
        tags: Vec<String>,
        note: String,
        annotator: String,
    ) -> Result<u64, StoreError> {
        let id = self.add(article, path, text, start, end, tags, note, annotator)?;
        self.save()?;
        Ok(id)
    }

    /// Adds a passage without saving (for many at once; call
    /// [`Self::save`] after).
    #[allow(clippy::too_many_arguments)]
    pub fn add(
        &mut self,
        article: &str,
        path: &str,
        text: &str,
        start: usize,
        end: usize,
        tags: Vec<String>,
        note: String,
        annotator: String,
    ) -> Result<u64, StoreError> {
        self.data.add(
            Anchor {
                article,
                path,
                text,
                start,
                end,
            },
            tags,
            note,
            annotator,
        )
    }

    /// Finds every passage again in the current texts (see
    /// [`Annotations::reanchor`]); the caller saves.
    pub fn reanchor(&mut self, text_of: impl Fn(&str) -> Option<std::sync::Arc<str>>) -> bool {
        self.data.reanchor(text_of)
    }

    /// [`Self::reanchor`], leaving alone the passages of the articles
    /// `unknown` names (their text cannot be read now: not a reason to
    /// orphan them).
    pub fn reanchor_known(
        &mut self,
        text_of: impl Fn(&str) -> Option<std::sync::Arc<str>>,
        unknown: impl Fn(&str) -> bool,
    ) -> bool {
        self.data.reanchor_known(text_of, unknown)
    }

    /// The annotations as saved, without taking the lock or writing
    /// anything (for exports and listings while a window annotates, and
    /// for read-only folders): the file, else its backup; none yet is
    /// empty; neither readable is an error.
    pub fn read_only(root: &Path) -> Result<Annotations, StoreError> {
        let mut data: Annotations =
            crate::disk::read_either(&Self::path(root), &Self::backup(root))
                .map_err(StoreError::from)?
                .unwrap_or_default();
        if data.version > STORE_VERSION {
            return Err(StoreError::Newer(data.version));
        }
        data.fix_ids();
        Ok(data)
    }
}

impl Annotations {
    /// Finds every passage again in the current texts (`text_of(path)`,
    /// `None` when the article is gone). Returns whether anything moved or
    /// changed state (the caller saves).
    pub fn reanchor(&mut self, text_of: impl Fn(&str) -> Option<std::sync::Arc<str>>) -> bool {
        self.reanchor_known(text_of, |_| false)
    }

    /// [`Self::reanchor`], leaving alone the passages of the articles
    /// `unknown` names.
    pub fn reanchor_known(
        &mut self,
        text_of: impl Fn(&str) -> Option<std::sync::Arc<str>>,
        unknown: impl Fn(&str) -> bool,
    ) -> bool {
        let mut changed = false;
        for p in &mut self.passages {
            if unknown(&p.path) {
                continue;
            }
            let found = text_of(&p.path).and_then(|t| find_quote(&t, p));
            match found {
                Some((s, e)) => {
                    if (s, e, false) != (p.start, p.end, p.orphaned) {
                        (p.start, p.end, p.orphaned) = (s, e, false);
                        changed = true;
                    }
                }
                None => {
                    if !p.orphaned {
                        p.orphaned = true;
                        changed = true;
                    }
                }
            }
        }
        changed
    }
}

/// A file's size and modification time (`None`: not there).
fn stamp(path: &Path) -> Option<(u64, std::time::SystemTime)> {
    let m = std::fs::metadata(path).ok()?;
    Some((m.len(), m.modified().ok()?))
}

/// Where `p`'s quote is in `text` now: in place, or the occurrence whose
/// context agrees most (then the nearest to the old place).
fn find_quote(text: &str, p: &Passage) -> Option<(usize, usize)> {
    if p.quote.is_empty() {
        return None;
    }
    let chars: Vec<char> = text.chars().collect();
    let q: Vec<char> = p.quote.chars().collect();
    let at = |s: usize| chars.get(s..s + q.len()) == Some(&q[..]);
    if at(p.start) {
        return Some((p.start, p.end));
    }
    let pre: Vec<char> = p.prefix.chars().collect();
    let suf: Vec<char> = p.suffix.chars().collect();
    let score = |s: usize| {
        let before = pre
            .iter()
            .rev()
            .zip(chars[..s].iter().rev())
            .take_while(|(a, b)| a == b)
            .count();
        let after = suf
            .iter()
            .zip(chars[s + q.len()..].iter())
            .take_while(|(a, b)| a == b)
            .count();
        before + after
    };
    (0..=chars.len().saturating_sub(q.len()))
        .filter(|&s| at(s))
        .max_by_key(|&s| (score(s), std::cmp::Reverse(s.abs_diff(p.start))))
        .map(|s| (s, s + q.len()))
}

/// The time now, UTC, as `YYYY-MM-DDTHH:MM:SSZ`.
pub fn now_utc() -> String {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs()) as i64;
    let day = crate::dates::Day::from_unix_days(secs.div_euclid(86_400));
    let t = secs.rem_euclid(86_400);
    format!(
        "{day}T{:02}:{:02}:{:02}Z",
        t / 3600,
        (t % 3600) / 60,
        t % 60
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_second_store_on_the_same_corpus_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let first = AnnotationStore::open(dir.path()).unwrap();
        let err = AnnotationStore::open(dir.path()).unwrap_err();
        assert!(matches!(err, StoreError::Locked { .. }), "{err}");
        assert!(err.to_string().contains(&std::process::id().to_string()));
        drop(first);
        AnnotationStore::open(dir.path()).expect("free again");
    }

    #[test]
    fn saves_keep_the_previous_version_and_a_broken_file_is_set_aside() {
        let dir = tempfile::tempdir().unwrap();
        let text = "یک متن کوتاه برای آزمایش برچسب";
        {
            let mut s = AnnotationStore::open(dir.path()).unwrap();
            s.tag(
                "a",
                "a.txt",
                text,
                0,
                2,
                vec!["x".into()],
                String::new(),
                "n".into(),
            )
            .unwrap();
            s.tag(
                "a",
                "a.txt",
                text,
                3,
                6,
                vec!["y".into()],
                String::new(),
                "n".into(),
            )
            .unwrap();
        }
        let bak = std::fs::read_to_string(dir.path().join(".daftar/annotations.ron.bak")).unwrap();
        let old: Annotations = ron::from_str(&bak).unwrap();
        assert_eq!(old.passages.len(), 1, "the backup is the version before");
        std::fs::write(AnnotationStore::path(dir.path()), "(passages: [ broken").unwrap();
        let s = AnnotationStore::open(dir.path()).unwrap();
        assert_eq!(s.data.passages.len(), 1, "the backup is used");
        assert_eq!(s.notes.len(), 1);
        let aside = std::fs::read_dir(dir.path().join(".daftar"))
            .unwrap()
            .flatten()
            .any(|e| {
                e.file_name()
                    .to_string_lossy()
                    .starts_with("annotations.ron.broken-")
            });
        assert!(aside, "the broken file is kept");
    }

    #[test]
    fn a_version_written_on_disk_by_someone_else_becomes_the_backup() {
        let dir = tempfile::tempdir().unwrap();
        let text = "یک متن کوتاه برای آزمایش برچسب";
        let tag = |s: &mut AnnotationStore, from: usize, name: &str| {
            s.tag(
                "a",
                "a.txt",
                text,
                from,
                from + 2,
                vec![name.into()],
                String::new(),
                "n".into(),
            )
            .unwrap();
        };
        let mut s = AnnotationStore::open(dir.path()).unwrap();
        tag(&mut s, 0, "x");
        // A hand edit (or a sync tool) while the store is open.
        let mut edited = s.data.clone();
        edited.passages[0].note = "ویرایش دستی".into();
        let bytes = ron::ser::to_string(&edited).unwrap();
        std::fs::write(AnnotationStore::path(dir.path()), &bytes).unwrap();
        tag(&mut s, 3, "y");
        let bak = std::fs::read_to_string(dir.path().join(".daftar/annotations.ron.bak")).unwrap();
        assert!(
            bak.contains("ویرایش دستی"),
            "the edit is kept as the backup"
        );
        // A broken one is set aside, not made the backup.
        std::fs::write(AnnotationStore::path(dir.path()), "(passages: [").unwrap();
        tag(&mut s, 6, "z");
        let bak = std::fs::read_to_string(dir.path().join(".daftar/annotations.ron.bak")).unwrap();
        assert!(ron::from_str::<Annotations>(&bak).is_ok());
        let aside = std::fs::read_dir(dir.path().join(".daftar"))
            .unwrap()
            .flatten()
            .any(|e| e.file_name().to_string_lossy().contains(".broken-"));
        assert!(aside);
    }

    #[test]
    fn a_file_that_cannot_be_opened_is_not_called_broken() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(AnnotationStore::path(dir.path())).unwrap();
        let e = AnnotationStore::open(dir.path()).unwrap_err();
        assert!(matches!(e, StoreError::Unreadable(_)), "{e}");
    }

    #[test]
    fn ranges_outside_the_article_are_refused() {
        let dir = tempfile::tempdir().unwrap();
        let mut s = AnnotationStore::open(dir.path()).unwrap();
        let e = s.tag(
            "a",
            "a.txt",
            "متن",
            2,
            9,
            vec![],
            String::new(),
            String::new(),
        );
        assert!(e.unwrap_err().to_string().contains("not inside"));
    }
}
