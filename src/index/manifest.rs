//! What the index holds, file by file (size, modification time, content
//! hash, article id), so that reopening a folder re-reads only the files
//! that changed. Written atomically after every index commit: a crash
//! leaves the previous manifest, and files it does not list are indexed
//! again (delete-then-add, so never twice).
//!
//! Beside it, `manifest.digest`: a hash of what the manifest lists (path,
//! size, time) and the manifest's own size and time, so that a reopen
//! that found every file as the store had it learns the index is current
//! without reading the manifest (12.6 MB of JSON at 100,000 articles).

use std::collections::BTreeMap;
use std::path::Path;

use serde::{Deserialize, Serialize};

/// One indexed file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FileState {
    pub size: u64,
    /// Modification time, nanoseconds since the epoch.
    pub mtime: i128,
    pub hash: String,
    pub id: String,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Manifest {
    pub version: u32,
    /// By path relative to the corpus root.
    pub files: BTreeMap<String, FileState>,
}

pub const MANIFEST_VERSION: u32 = 1;

impl Manifest {
    /// Reads the manifest; `None` when missing, unreadable or of another
    /// version (the caller then rebuilds).
    pub fn read(path: &Path) -> Option<Manifest> {
        let bytes = std::fs::read(path).ok()?;
        let m: Manifest = serde_json::from_slice(&bytes).ok()?;
        (m.version == MANIFEST_VERSION).then_some(m)
    }

    /// Writes atomically: temp file in the same folder, fsync, rename.
    /// The digest goes first and comes back after: a crash between them
    /// leaves none, and the next check reads the manifest.
    pub fn write(&self, path: &Path) -> std::io::Result<()> {
        let digest = digest_path(path);
        match std::fs::remove_file(&digest) {
            Err(e) if e.kind() != std::io::ErrorKind::NotFound => return Err(e),
            _ => {}
        }
        crate::disk::write_atomic(
            path,
            &serde_json::to_vec(self).map_err(std::io::Error::other)?,
        )?;
        let files: Vec<(&str, (u64, i128))> = self
            .files
            .iter()
            .map(|(p, s)| (p.as_str(), (s.size, s.mtime)))
            .collect();
        // (Best effort: without it, the manifest is read.)
        let _ = write_digest(path, &files);
        Ok(())
    }
}

/// Where the digest of the manifest at `manifest` is kept.
fn digest_path(manifest: &Path) -> std::path::PathBuf {
    manifest.with_extension("digest")
}

/// The digest of `files` (sorted by path) as the manifest at `manifest`
/// is on disk now; `None` when it cannot be looked at.
fn digest_of(manifest: &Path, files: &[(&str, (u64, i128))]) -> Option<[u8; 32]> {
    Some(digest_with(stat(manifest)?, files))
}

/// The digest of `files` for a manifest of this size and time.
fn digest_with((size, mtime): (u64, i128), files: &[(&str, (u64, i128))]) -> [u8; 32] {
    let mut h = blake3::Hasher::new();
    h.update(&MANIFEST_VERSION.to_le_bytes());
    h.update(&size.to_le_bytes()).update(&mtime.to_le_bytes());
    for (path, (size, mtime)) in files {
        h.update(&(path.len() as u64).to_le_bytes())
            .update(path.as_bytes());
        h.update(&size.to_le_bytes()).update(&mtime.to_le_bytes());
    }
    h.finalize().into()
}

fn write_digest(manifest: &Path, files: &[(&str, (u64, i128))]) -> std::io::Result<()> {
    let d = digest_of(manifest, files).ok_or_else(|| std::io::Error::other("no manifest"))?;
    crate::disk::write_atomic(&digest_path(manifest), &d)
}

/// Whether the manifest at `path` lists exactly `files` (relative path,
/// size and time; sorted by path, as the manifest keeps them). Read as a
/// stream: a million files' manifest is over 100 MB of JSON, and was held
/// whole, as bytes and as a map, beside a million articles.
/// The digest, when it is there and matches, answers without the
/// manifest being read; a manifest found to match gets one.
pub fn lists_exactly(path: &Path, files: &[(&str, (u64, i128))]) -> bool {
    if let (Ok(kept), Some(now)) = (std::fs::read(digest_path(path)), digest_of(path, files))
        && kept == now
    {
        return true;
    }
    // (Its size and time before it is read: a manifest written meanwhile
    // by another process gets no digest of what this one read.)
    let before = stat(path);
    let Ok(f) = std::fs::File::open(path) else {
        return false;
    };
    let mut de =
        serde_json::Deserializer::from_reader(std::io::BufReader::with_capacity(1 << 16, f));
    let same = serde::de::DeserializeSeed::deserialize(Whole(files), &mut de).unwrap_or(false);
    let same = same && de.end().is_ok();
    if same
        && let Some(stamp) = before
        && stat(path) == Some(stamp)
    {
        let _ = crate::disk::write_atomic(&digest_path(path), &digest_with(stamp, files));
    }
    same
}

/// The manifest checked against files (see [`lists_exactly`]).
struct Whole<'a>(&'a [(&'a str, (u64, i128))]);

/// Its `files` map checked against them, entry by entry.
struct Files<'a>(&'a [(&'a str, (u64, i128))]);

/// What the check reads of an entry (its hash and id are skipped).
#[derive(Deserialize)]
struct Stamp {
    size: u64,
    mtime: i128,
}

impl<'de> serde::de::DeserializeSeed<'de> for Whole<'_> {
    type Value = bool;
    fn deserialize<D: serde::Deserializer<'de>>(self, d: D) -> Result<bool, D::Error> {
        d.deserialize_map(self)
    }
}

impl<'de> serde::de::Visitor<'de> for Whole<'_> {
    type Value = bool;
    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("a manifest")
    }
    fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<bool, A::Error> {
        let (mut version, mut same) = (None, None);
        while let Some(key) = map.next_key::<String>()? {
            match key.as_str() {
                "version" => version = Some(map.next_value::<u32>()?),
                "files" => same = Some(map.next_value_seed(Files(self.0))?),
                _ => {
                    map.next_value::<serde::de::IgnoredAny>()?;
                }
            }
        }
        Ok(version == Some(MANIFEST_VERSION) && same == Some(true))
    }
}

impl<'de> serde::de::DeserializeSeed<'de> for Files<'_> {
    type Value = bool;
    fn deserialize<D: serde::Deserializer<'de>>(self, d: D) -> Result<bool, D::Error> {
        d.deserialize_map(self)
    }
}

impl<'de> serde::de::Visitor<'de> for Files<'_> {
    type Value = bool;
    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("files by path")
    }
    fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<bool, A::Error> {
        let mut i = 0;
        while let Some(path) = map.next_key::<String>()? {
            let s: Stamp = map.next_value()?;
            // (At the first difference: what is left is not read.)
            if self.0.get(i) != Some(&(path.as_str(), (s.size, s.mtime))) {
                return Ok(false);
            }
            i += 1;
        }
        Ok(i == self.0.len())
    }
}

/// A file's size and modification time, as the manifest keeps them.
pub fn stat(path: &Path) -> Option<(u64, i128)> {
    crate::disk::stamp(path)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn manifest_of(files: &[(&str, (u64, i128))]) -> Manifest {
        Manifest {
            version: MANIFEST_VERSION,
            files: files
                .iter()
                .map(|(p, (size, mtime))| {
                    let state = FileState {
                        size: *size,
                        mtime: *mtime,
                        hash: "h".into(),
                        id: p.to_string(),
                    };
                    (p.to_string(), state)
                })
                .collect(),
        }
    }

    #[test]
    fn the_digest_answers_for_the_manifest_and_only_for_what_it_lists() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("manifest.json");
        let files = [("a/1.txt", (10, 5)), ("b.txt", (20, 7))];
        manifest_of(&files).write(&path).unwrap();
        assert!(lists_exactly(&path, &files));
        // The manifest's bytes spoiled, its size and time kept: the digest
        // answers, so the manifest was not read.
        let modified = std::fs::metadata(&path).unwrap().modified().unwrap();
        let len = std::fs::metadata(&path).unwrap().len() as usize;
        std::fs::write(&path, vec![b'x'; len]).unwrap();
        std::fs::File::options()
            .write(true)
            .open(&path)
            .unwrap()
            .set_modified(modified)
            .unwrap();
        assert!(lists_exactly(&path, &files));
        // Other files: the digest does not match, and the manifest is read.
        assert!(!lists_exactly(&path, &files[..1]));
        assert!(!lists_exactly(
            &path,
            &[("a/1.txt", (10, 5)), ("b.txt", (20, 8))]
        ));
        // A manifest of another size: read, and found wanting.
        std::fs::write(&path, b"{}").unwrap();
        assert!(!lists_exactly(&path, &files));
        // Written again: a digest of the new listing, and none of the old.
        manifest_of(&files[..1]).write(&path).unwrap();
        assert!(lists_exactly(&path, &files[..1]));
        assert!(!lists_exactly(&path, &files));
    }

    #[test]
    fn a_manifest_found_to_match_gets_a_digest() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("manifest.json");
        let files = [("a.txt", (1, 2))];
        manifest_of(&files).write(&path).unwrap();
        std::fs::remove_file(digest_path(&path)).unwrap();
        assert!(lists_exactly(&path, &files));
        assert!(digest_path(&path).exists());
    }
}
