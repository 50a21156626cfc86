//! The bundled sample corpus (original texts in `assets/sample-corpus/`),
//! embedded in the binary so `daftar` opens something useful anywhere. It
//! is written once to the user's cache folder, because everything else in
//! daftar (index, annotations) works on a folder.

use std::path::PathBuf;

use include_dir::{Dir, include_dir};

static SAMPLE: Dir<'_> = include_dir!("$CARGO_MANIFEST_DIR/assets/sample-corpus");

/// The embedded files: (relative path, bytes).
pub fn embedded_files() -> Vec<(String, &'static [u8])> {
    let mut out = Vec::new();
    let mut stack = vec![&SAMPLE];
    while let Some(dir) = stack.pop() {
        for f in dir.files() {
            out.push((f.path().to_string_lossy().replace('\\', "/"), f.contents()));
        }
        stack.extend(dir.dirs());
    }
    out.sort_by(|a, b| a.0.cmp(&b.0));
    out
}

/// The folder holding the sample corpus, written on first use.
pub fn sample_corpus_dir() -> std::io::Result<PathBuf> {
    let mut hasher = blake3::Hasher::new();
    for (path, bytes) in embedded_files() {
        hasher.update(path.as_bytes());
        hasher.update(bytes);
    }
    let version = &hasher.finalize().to_hex()[..12];
    let base = dirs::cache_dir()
        .unwrap_or_else(std::env::temp_dir)
        .join("daftar");
    let dir = base.join(format!("sample-corpus-{version}"));
    if dir.is_dir() {
        return Ok(dir);
    }
    std::fs::create_dir_all(&base)?;
    // Write into a fresh folder, then rename: a half-written sample corpus
    // is never mistaken for a whole one.
    let tmp = base.join(format!(".sample-corpus-{version}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&tmp);
    std::fs::create_dir_all(&tmp)?;
    SAMPLE.extract(&tmp)?;
    match std::fs::rename(&tmp, &dir) {
        Ok(()) => Ok(dir),
        Err(_) if dir.is_dir() => {
            let _ = std::fs::remove_dir_all(&tmp);
            Ok(dir)
        }
        Err(e) => Err(e),
    }
}
