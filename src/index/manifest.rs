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

/// A file's size and modification time, as the manifest keeps them.
pub fn stat(path: &Path) -> Option<(u64, i128)> {
    crate::disk::stamp(path)
}
