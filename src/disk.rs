//! daftar's own files on disk (annotations, tags, curation, the index
//! manifest): written atomically, read back with a clear verdict, and a
//! file that no longer reads set aside under a name of its own — never
//! overwritten, never taken for "missing". The annotators' work depends
//! on these few functions, so they live in one place.

use std::io::Write;
use std::path::{Path, PathBuf};

use serde::de::DeserializeOwned;

/// Writes `bytes` to `path` atomically: a temporary file in the same
/// folder, fsync, rename, then the folder synced. On any failure (a full
/// disk, a read-only folder) the temporary file is removed and `path` is
/// as it was.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    write_atomic_parts(path, &[bytes])
}

/// [`write_atomic`] of `parts` one after the other (a large file made of
/// pieces, without joining them in memory first).
pub fn write_atomic_parts(path: &Path, parts: &[&[u8]]) -> std::io::Result<()> {
    write_atomic_with(path, |f| {
        // (Buffered: many small pieces are not many system calls.)
        let mut w = std::io::BufWriter::new(f);
        for p in parts {
            w.write_all(p)?;
        }
        w.flush()
    })
}

/// [`write_atomic`] of what `write` writes into the new file (which it
/// may seek in: a file written as it is made, never whole in memory).
pub fn write_atomic_with(
    path: &Path,
    write: impl FnOnce(&mut std::fs::File) -> std::io::Result<()>,
) -> std::io::Result<()> {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    let name = path
        .file_name()
        .map_or("file".into(), |n| n.to_string_lossy().into_owned());
    // Removed when dropped, so every early return below cleans up.
    let prefix = format!(".{name}.");
    let mut b = tempfile::Builder::new();
    b.prefix(&prefix).suffix(".tmp");
    // The file keeps its permissions (a corpus shared by a team stays
    // readable by it); a new one gets the usual ones, not tempfile's
    // owner-only default.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        // Read and write for all, less the umask (as File::create).
        b.permissions(std::fs::Permissions::from_mode(0o666));
    }
    let mut tmp = b.tempfile_in(dir)?;
    // A file rewritten keeps its own permissions exactly (set on the open
    // file, which the umask does not touch).
    if let Ok(m) = std::fs::metadata(path) {
        tmp.as_file().set_permissions(m.permissions())?;
    }
    write(tmp.as_file_mut())?;
    tmp.as_file().sync_all()?;
    tmp.persist(path).map_err(|e| e.error)?;
    if let Ok(d) = std::fs::File::open(dir) {
        let _ = d.sync_all();
    }
    Ok(())
}

/// Reads exactly `buf.len()` bytes at `offset` of `f`, without moving a
/// shared cursor (threads read one file at once).
#[cfg(unix)]
pub fn read_exact_at(f: &std::fs::File, buf: &mut [u8], offset: u64) -> std::io::Result<()> {
    std::os::unix::fs::FileExt::read_exact_at(f, buf, offset)
}

/// [`read_exact_at`] on Windows.
#[cfg(windows)]
pub fn read_exact_at(
    f: &std::fs::File,
    mut buf: &mut [u8],
    mut offset: u64,
) -> std::io::Result<()> {
    use std::os::windows::fs::FileExt;
    while !buf.is_empty() {
        match f.seek_read(buf, offset)? {
            0 => return Err(std::io::ErrorKind::UnexpectedEof.into()),
            n => {
                buf = &mut buf[n..];
                offset += n as u64;
            }
        }
    }
    Ok(())
}

/// Moves a broken file out of the way as `NAME.broken-<seconds>` (with
/// `-2`, `-3` … when that exists already: two breakages in one second keep
/// both). Returns where it went.
pub fn set_aside(path: &Path) -> std::io::Result<PathBuf> {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    let name = path
        .file_name()
        .map_or("file".into(), |n| n.to_string_lossy().into_owned());
    let dir = path.parent().unwrap_or(Path::new("."));
    for n in 1u32.. {
        let aside = if n == 1 {
            dir.join(format!("{name}.broken-{secs}"))
        } else {
            dir.join(format!("{name}.broken-{secs}-{n}"))
        };
        // A hard link fails when the name is taken, where a rename would
        // silently replace an earlier broken file.
        match std::fs::hard_link(path, &aside) {
            Ok(()) => {
                std::fs::remove_file(path)?;
                return Ok(aside);
            }
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => continue,
            // No hard links here (some network or FAT folders): a rename
            // after checking the name is free.
            Err(_) if !aside.exists() => {
                std::fs::rename(path, &aside)?;
                return Ok(aside);
            }
            Err(e) => return Err(e),
        }
    }
    unreachable!("u32 names run out")
}

/// What reading one RON file found.
#[derive(Debug)]
pub enum RonFile<T> {
    /// No such file.
    Missing,
    /// Parsed; with the bytes it held (a known-good version to back up).
    Good(T, Vec<u8>),
    /// It is there but does not parse (bad bytes, not UTF-8, cut short,
    /// empty): why.
    Broken(String),
    /// It cannot be read at all (permissions, a folder in its place).
    Unreadable(std::io::Error),
}

/// Reads and parses a RON file.
pub fn read_ron<T: DeserializeOwned>(path: &Path) -> RonFile<T> {
    let bytes = match std::fs::read(path) {
        Ok(b) => b,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return RonFile::Missing,
        Err(e) => return RonFile::Unreadable(e),
    };
    let text = match std::str::from_utf8(&bytes) {
        Ok(t) => t,
        Err(e) => {
            return RonFile::Broken(format!(
                "not UTF-8 text (a bad byte at {})",
                e.valid_up_to()
            ));
        }
    };
    if text.trim().is_empty() {
        return RonFile::Broken("empty".into());
    }
    match ron::from_str::<T>(text) {
        Ok(v) => RonFile::Good(v, bytes),
        Err(e) => RonFile::Broken(e.to_string()),
    }
}

/// Why a user file and its backup cannot be used.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum UserFileError {
    /// They are there but do not parse: the user may set them aside.
    #[error("{0}")]
    Broken(String),
    /// One cannot be opened (permissions, a folder in its place): it may
    /// be good, so nothing offers to move it.
    #[error("{0}")]
    Unreadable(String),
}

/// A user file and its backup, read together: the file when it parses,
/// else (setting a broken file aside) the backup. `Ok(None)` when neither
/// exists yet. When the file is broken and no backup parses — or the file
/// is missing and its backup broken — nothing is moved and the error names
/// both: the caller must not write over them.
pub fn read_with_backup<T: DeserializeOwned>(
    path: &Path,
    backup: &Path,
    notes: &mut Vec<String>,
) -> Result<Option<(T, Vec<u8>)>, UserFileError> {
    use UserFileError::{Broken, Unreadable};
    let name = |p: &Path| p.display().to_string();
    match read_ron::<T>(path) {
        RonFile::Good(v, b) => Ok(Some((v, b))),
        RonFile::Unreadable(e) => Err(Unreadable(format!("cannot read {}: {e}", name(path)))),
        RonFile::Missing => match read_ron::<T>(backup) {
            RonFile::Missing => Ok(None),
            RonFile::Good(v, b) => {
                notes.push(format!(
                    "{} was missing; restored from its backup",
                    name(path)
                ));
                Ok(Some((v, b)))
            }
            RonFile::Broken(why) => Err(Broken(format!(
                "{} is missing and its backup {} does not read ({why}); \
                 both are left as they are: repair or remove the backup",
                name(path),
                name(backup)
            ))),
            RonFile::Unreadable(e) => Err(Unreadable(format!("cannot read {}: {e}", name(backup)))),
        },
        RonFile::Broken(why) => match read_ron::<T>(backup) {
            RonFile::Good(v, b) => {
                let aside = set_aside(path).map_err(|e| {
                    Unreadable(format!("cannot set aside the broken {}: {e}", name(path)))
                })?;
                notes.push(format!(
                    "{} could not be read ({why}); it is kept as {} and its backup is used",
                    name(path),
                    aside.display()
                ));
                Ok(Some((v, b)))
            }
            RonFile::Missing => Err(Broken(format!(
                "{} does not read ({why}) and has no backup; it is left as it is: \
                 repair it, or move it away to start anew",
                name(path)
            ))),
            RonFile::Broken(why2) => Err(Broken(format!(
                "{} does not read ({why}) and neither does its backup {} ({why2}); \
                 both are left as they are: repair one, or move both away to start anew",
                name(path),
                name(backup)
            ))),
            RonFile::Unreadable(e) => Err(Unreadable(format!(
                "{} does not read ({why}) and its backup cannot be read: {e}",
                name(path)
            ))),
        },
    }
}

/// A user file, else its backup, read without moving or writing anything
/// (for readers that hold no lock: listings, exports, a second window).
/// `Ok(None)` when neither exists.
pub fn read_either<T: DeserializeOwned>(
    path: &Path,
    backup: &Path,
) -> Result<Option<T>, UserFileError> {
    let name = |p: &Path| p.display().to_string();
    let why = |f: &RonFile<T>| match f {
        RonFile::Broken(w) => w.clone(),
        _ => "missing".into(),
    };
    match read_ron::<T>(path) {
        RonFile::Good(v, _) => Ok(Some(v)),
        RonFile::Unreadable(e) => Err(UserFileError::Unreadable(format!(
            "cannot read {}: {e}",
            name(path)
        ))),
        first => match read_ron::<T>(backup) {
            RonFile::Good(v, _) => Ok(Some(v)),
            RonFile::Missing if matches!(first, RonFile::Missing) => Ok(None),
            RonFile::Unreadable(e) => Err(UserFileError::Unreadable(format!(
                "cannot read {}: {e}",
                name(backup)
            ))),
            second => Err(UserFileError::Broken(format!(
                "neither {} ({}) nor its backup {} ({}) can be read",
                name(path),
                why(&first),
                name(backup),
                why(&second)
            ))),
        },
    }
}

/// The folder of daftar's derived data `name` (`index`, `analysis`) for
/// `corpus`: its `.daftar/NAME`, or, when the corpus folder cannot be
/// written to, the user's cache folder keyed by the corpus's real path
/// (`.` in two corpora is two folders).
pub fn derived_dir(corpus: &Path, name: &str) -> PathBuf {
    let inside = corpus.join(".daftar").join(name);
    // (Only in a folder that is there — a mistyped path must not come into
    // being as an empty corpus — and not marked read-only: the
    // administrator, who may write anywhere, writes there no more than
    // anyone else.)
    let open = std::fs::metadata(corpus).is_ok_and(|m| m.is_dir() && !m.permissions().readonly());
    if open && std::fs::create_dir_all(&inside).is_ok() && is_writable(&inside) {
        return inside;
    }
    let real = corpus
        .canonicalize()
        .unwrap_or_else(|_| corpus.to_path_buf());
    let key = blake3::hash(real.to_string_lossy().as_bytes()).to_hex();
    // (The index's cache folder kept its first name.)
    let group = if name == "index" { "indexes" } else { name };
    dirs::cache_dir()
        .unwrap_or_else(std::env::temp_dir)
        .join("daftar")
        .join(group)
        .join(&key[..16])
}

fn is_writable(dir: &Path) -> bool {
    let probe = dir.join(".write-probe");
    let ok = std::fs::write(&probe, b"").is_ok();
    let _ = std::fs::remove_file(&probe);
    ok
}

/// A file's size and modification time (nanoseconds since the epoch): how
/// daftar tells a file changed without reading it.
pub fn stamp(path: &Path) -> Option<(u64, i128)> {
    let meta = std::fs::metadata(path).ok()?;
    let mtime = meta
        .modified()
        .ok()?
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos() as i128);
    Some((meta.len(), mtime))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_mistyped_corpus_path_is_not_made() {
        let dir = tempfile::tempdir().unwrap();
        let typo = dir.path().join("corpsu");
        let _ = derived_dir(&typo, "analysis");
        assert!(
            !typo.exists(),
            "asking where derived data goes made the folder"
        );
        std::fs::create_dir(&typo).unwrap();
        assert_eq!(
            derived_dir(&typo, "analysis"),
            typo.join(".daftar").join("analysis")
        );
    }

    #[test]
    fn a_corpus_marked_read_only_is_not_written_into_even_by_root() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let corpus = dir.path().join("archive");
        std::fs::create_dir(&corpus).unwrap();
        std::fs::set_permissions(&corpus, std::fs::Permissions::from_mode(0o555)).unwrap();
        let d = derived_dir(&corpus, "analysis");
        assert!(!d.starts_with(&corpus), "{}", d.display());
        assert!(!corpus.join(".daftar").exists());
        std::fs::set_permissions(&corpus, std::fs::Permissions::from_mode(0o755)).unwrap();
    }

    #[test]
    fn a_failed_write_leaves_no_temporary_file_and_the_old_content() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.ron");
        write_atomic(&path, b"(x: 1)").unwrap();
        // A folder where the file should go: the rename fails.
        let blocked = dir.path().join("sub");
        std::fs::create_dir(&blocked).unwrap();
        std::fs::create_dir(blocked.join("b.ron")).unwrap();
        assert!(write_atomic(&blocked.join("b.ron"), b"(x: 2)").is_err());
        let left: Vec<_> = std::fs::read_dir(&blocked).unwrap().flatten().collect();
        assert_eq!(left.len(), 1, "only the folder, no temporary file");
        assert_eq!(std::fs::read(&path).unwrap(), b"(x: 1)");
    }

    #[cfg(unix)]
    #[test]
    fn a_rewritten_file_keeps_its_permissions_and_a_new_one_is_not_owner_only() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.ron");
        write_atomic(&path, b"1").unwrap();
        let mode = std::fs::metadata(&path).unwrap().permissions().mode() & 0o777;
        assert_ne!(
            mode & 0o044,
            0,
            "readable by others, as File::create makes it: {mode:o}"
        );
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o640)).unwrap();
        write_atomic(&path, b"2").unwrap();
        let mode = std::fs::metadata(&path).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o640);
    }

    #[test]
    fn two_breakages_in_one_second_are_both_kept() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("annotations.ron");
        std::fs::write(&path, "first").unwrap();
        let a = set_aside(&path).unwrap();
        std::fs::write(&path, "second").unwrap();
        let b = set_aside(&path).unwrap();
        assert_ne!(a, b);
        assert_eq!(std::fs::read_to_string(a).unwrap(), "first");
        assert_eq!(std::fs::read_to_string(b).unwrap(), "second");
        assert!(!path.exists());
    }

    #[test]
    fn bad_bytes_and_empty_files_are_broken_not_missing() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("x.ron");
        std::fs::write(&path, b"(a: \xFF)").unwrap();
        assert!(matches!(read_ron::<ron::Value>(&path), RonFile::Broken(_)));
        std::fs::write(&path, b"").unwrap();
        assert!(matches!(read_ron::<ron::Value>(&path), RonFile::Broken(_)));
        std::fs::remove_file(&path).unwrap();
        assert!(matches!(read_ron::<ron::Value>(&path), RonFile::Missing));
    }
}
