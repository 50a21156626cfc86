//! The corpus's folders and their modification times when the index was
//! last brought up to date (`folders.json` beside the manifest), so that a
//! search process can tell in one `stat` per folder — not one per file —
//! that the index still lists every file: adding, removing or renaming a
//! file changes its folder's time. An article edited in place does not:
//! `daftar index`, the window (which watches the folder) and `daftar
//! search --fresh` check every file.

use std::path::Path;

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Folders {
    version: u32,
    /// Relative path (`""` for the corpus root) and modification time in
    /// nanoseconds.
    folders: Vec<(String, i128)>,
}

const VERSION: u32 = 1;

/// How close to a scan a folder's time may be and still be trusted: a
/// folder changed during the scan (its files listed before the change, its
/// time read after) or within a clock tick of it (FAT keeps 2 s) could hide
/// a file the index lacks.
const RACY: std::time::Duration = std::time::Duration::from_secs(3);

/// Whether the folder times of a scan begun at `scanned_at` can vouch for
/// the index: none of them changed within [`RACY`] of the scan (else the
/// next search checks every file, and a later update writes the stamp).
pub fn trustworthy(folders: &[(String, i128)], scanned_at: std::time::SystemTime) -> bool {
    let limit = scanned_at
        .checked_sub(RACY)
        .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
        .map_or(0, |d| d.as_nanos() as i128);
    folders.iter().all(|(_, t)| *t < limit)
}
pub const FILE: &str = "folders.json";

fn mtime(path: &Path) -> Option<i128> {
    let t = std::fs::metadata(path).ok()?.modified().ok()?;
    Some(
        t.duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_nanos() as i128),
    )
}

impl Folders {
    pub fn new(folders: Vec<(String, i128)>) -> Folders {
        Folders {
            version: VERSION,
            folders,
        }
    }

    /// `None` when missing, unreadable or of another version.
    pub fn read(path: &Path) -> Option<Folders> {
        let f: Folders = serde_json::from_slice(&std::fs::read(path).ok()?).ok()?;
        (f.version == VERSION).then_some(f)
    }

    pub fn write(&self, path: &Path) -> std::io::Result<()> {
        crate::disk::write_atomic(
            path,
            &serde_json::to_vec(self).map_err(std::io::Error::other)?,
        )
    }

    /// Whether every folder of `root` listed here is there with the same
    /// time (a new folder changes its parent's).
    pub fn unchanged(&self, root: &Path) -> bool {
        !self.folders.is_empty()
            && self.folders.iter().all(|(rel, t)| {
                let p = if rel.is_empty() {
                    root.to_path_buf()
                } else {
                    root.join(rel)
                };
                mtime(&p) == Some(*t)
            })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folders_changed_around_a_scan_do_not_vouch_for_it() {
        let now = std::time::SystemTime::now();
        let ns = |t: std::time::SystemTime| {
            t.duration_since(std::time::UNIX_EPOCH).unwrap().as_nanos() as i128
        };
        let old = ns(now - std::time::Duration::from_secs(60));
        assert!(trustworthy(&[("".into(), old)], now));
        let during = ns(now + std::time::Duration::from_millis(5));
        assert!(!trustworthy(&[("".into(), old), ("a".into(), during)], now));
        let just_before = ns(now - std::time::Duration::from_secs(1));
        assert!(!trustworthy(&[("a".into(), just_before)], now));
    }

    #[test]
    fn a_file_added_or_removed_changes_its_folder() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("sub")).unwrap();
        std::fs::write(dir.path().join("sub/a.txt"), "متن").unwrap();
        let never = std::sync::atomic::AtomicBool::new(false);
        let (_, folders) = crate::corpus::loader::scan_with_folders(dir.path(), &never);
        let f = Folders::new(folders);
        assert!(f.unchanged(dir.path()));
        // (Folder times have a clock's resolution: a moment later.)
        std::thread::sleep(std::time::Duration::from_millis(20));
        std::fs::write(dir.path().join("sub/b.txt"), "متن دیگر").unwrap();
        assert!(!f.unchanged(dir.path()), "a new file is seen");
        let (_, folders) = crate::corpus::loader::scan_with_folders(dir.path(), &never);
        let f = Folders::new(folders);
        std::thread::sleep(std::time::Duration::from_millis(20));
        std::fs::remove_file(dir.path().join("sub/a.txt")).unwrap();
        assert!(!f.unchanged(dir.path()), "a removed file is seen");
    }
}
