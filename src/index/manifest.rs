//! What the index holds, file by file (size, modification time, content
//! hash, article id), so that reopening a folder re-reads only the files
//! that changed. Written atomically after every index commit: a crash
//! leaves the previous manifest, and files it does not list are indexed
//! again (delete-then-add, so never twice).

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
    pub fn write(&self, path: &Path) -> std::io::Result<()> {
        crate::disk::write_atomic(
            path,
            &serde_json::to_vec(self).map_err(std::io::Error::other)?,
        )
    }
}

/// Whether the manifest at `path` lists exactly `files` (relative path,
/// size and time; sorted by path, as the manifest keeps them). Read as a
/// stream: a million files' manifest is over 100 MB of JSON, and was held
/// whole, as bytes and as a map, beside a million articles.
pub fn lists_exactly(path: &Path, files: &[(&str, (u64, i128))]) -> bool {
    let Ok(f) = std::fs::File::open(path) else {
        return false;
    };
    let mut de =
        serde_json::Deserializer::from_reader(std::io::BufReader::with_capacity(1 << 16, f));
    let same = serde::de::DeserializeSeed::deserialize(Whole(files), &mut de).unwrap_or(false);
    same && de.end().is_ok()
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
