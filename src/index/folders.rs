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
