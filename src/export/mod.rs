//! Exports: what a researcher selected — tagged passages, statements (of
//! the current filter or a comparison), search hits, or articles — handed
//! to a spreadsheet, a notebook, a paper or another annotation tool.
//!
//! One neutral model, [`Selection`] (the articles' texts as daftar decoded
//! them, and items anchored in them by character offsets), is built from
//! the corpus ([`build`]), then written by one module per format. No egui
//! here: the dialog is `ui/panels/export.rs`, the command `cli/export.rs`.
//!
//! Offsets are Unicode code points into the exported text, end exclusive
//! (as Python's `str`, brat, REFI-QDA and Web Annotation count); texts are
//! written with `\n` line endings, as daftar holds them.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

use serde::{Deserialize, Serialize};

pub mod brat;
pub mod build;
pub mod markdown;
pub mod qdpx;
pub mod tabular;
pub mod webanno;
pub mod xlsx;

pub use build::Builder;

/// Bumped when the RON layout changes (2: an item's `tags`, `before` and
/// `after`, named as in the other formats; files of 1 still read).
pub const EXPORT_VERSION: u32 = 2;

/// What is exported.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum What {
    /// Tagged passages.
    #[default]
    Passages,
    /// Statements (who said what), or the two sides of a comparison.
    Statements,
    /// Every match of a search (the concordance's lines).
    Hits,
    /// Articles with their metadata and text.
    Articles,
}

impl What {
    pub const ALL: [What; 4] = [What::Passages, What::Statements, What::Hits, What::Articles];

    pub fn as_str(self) -> &'static str {
        match self {
            What::Passages => "passages",
            What::Statements => "statements",
            What::Hits => "hits",
            What::Articles => "articles",
        }
    }

    pub fn parse(s: &str) -> Option<What> {
        What::ALL.into_iter().find(|w| w.as_str() == s)
    }
}

/// How it is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
pub enum Format {
    #[default]
    Csv,
    Jsonl,
    Ron,
    Markdown,
    Brat,
    Qdpx,
    WebAnno,
    Xlsx,
}

impl Format {
    pub const ALL: [Format; 8] = [
        Format::Csv,
        Format::Xlsx,
        Format::Jsonl,
        Format::Ron,
        Format::Markdown,
        Format::Brat,
        Format::Qdpx,
        Format::WebAnno,
    ];

    /// The name on the command line.
    pub fn as_str(self) -> &'static str {
        match self {
            Format::Csv => "csv",
            Format::Jsonl => "jsonl",
            Format::Ron => "ron",
            Format::Markdown => "md",
            Format::Brat => "brat",
            Format::Qdpx => "qdpx",
            Format::WebAnno => "webanno",
            Format::Xlsx => "xlsx",
        }
    }

    pub fn parse(s: &str) -> Option<Format> {
        Format::ALL.into_iter().find(|f| f.as_str() == s)
    }

    /// What the dialog calls it.
    pub fn label(self) -> &'static str {
        match self {
            Format::Csv => "CSV (spreadsheets)",
            Format::Jsonl => "JSON Lines",
            Format::Ron => "RON",
            Format::Markdown => "Markdown report",
            Format::Brat => "brat standoff (folder)",
            Format::Qdpx => "REFI-QDA project (.qdpx)",
            Format::WebAnno => "W3C Web Annotation (JSON-LD)",
            Format::Xlsx => "Spreadsheet (.xlsx)",
        }
    }

    /// The file name extension (none: a folder).
    pub fn extension(self) -> Option<&'static str> {
        match self {
            Format::Csv => Some("csv"),
            Format::Jsonl => Some("jsonl"),
            Format::Ron => Some("ron"),
            Format::Markdown => Some("md"),
            Format::Brat => None,
            Format::Qdpx => Some("qdpx"),
            Format::WebAnno => Some("jsonld"),
            Format::Xlsx => Some("xlsx"),
        }
    }
}

/// An article as exported: where it is, its metadata and its text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Source {
    /// Path relative to the corpus, `/`-separated.
    pub path: String,
    /// daftar's stable id of the article.
    pub id: String,
    pub title: String,
    /// Gregorian, ISO `2024-11-22`.
    pub date: Option<String>,
    /// Jalali, `1403-09-02`.
    pub date_jalali: Option<String>,
    /// `estimated` or `file time` when the date is not one the page gives
    /// (absent otherwise).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date_note: Option<String>,
    /// The outlet (news agency, paper).
    pub outlet: Option<String>,
    /// The text as daftar decoded it, `\n` line endings.
    pub text: String,
}

/// One exported item, anchored in its source's text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[serde(default)]
pub struct Item {
    /// `passage`, `statement`, `hit` or `article`.
    pub kind: String,
    /// Unique in the export: `p12` (passage 12), `s3` …
    pub id: String,
    /// The source's path.
    pub path: String,
    /// Code points into the source's text, end exclusive.
    pub start: usize,
    pub end: usize,
    /// The characters `start..end` of the source's text.
    pub text: String,
    /// Up to 32 characters before and after (for quote selectors).
    #[serde(rename = "before", alias = "prefix")]
    pub prefix: String,
    #[serde(rename = "after", alias = "suffix")]
    pub suffix: String,
    /// Tags (passages), or the speaker (statements), or the query (hits):
    /// the codes of the codebook.
    #[serde(rename = "tags", alias = "codes")]
    pub codes: Vec<String>,
    pub note: String,
    pub annotator: String,
    /// UTC, `2026-11-22T08:00:00Z`.
    pub created: String,
    /// Statements: who said it, and direct or indirect speech.
    pub speaker: Option<String>,
    pub speech: Option<String>,
    /// Comparisons: `left` or `right`, the pair's number (best first) and
    /// its similarity.
    pub side: Option<String>,
    pub pair: Option<usize>,
    pub similarity: Option<f64>,
    /// A passage whose text changed in its file: its offsets no longer
    /// select its text, so positional formats leave it out.
    pub orphaned: bool,
}

/// A code of the codebook (a tag), nested by `parent`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Code {
    pub name: String,
    /// `#rrggbb`.
    pub colour: String,
    pub description: String,
    pub parent: Option<String>,
}

/// What is exported, whole.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Selection {
    pub version: u32,
    pub what: What,
    /// In words: «passages tagged X in 1403, …».
    pub description: String,
    /// When exported (UTC).
    pub exported: String,
    pub codes: Vec<Code>,
    pub sources: Vec<Source>,
    pub items: Vec<Item>,
}

impl Selection {
    /// Sources by path.
    pub fn sources_by_path(&self) -> std::collections::HashMap<&str, &Source> {
        self.sources.iter().map(|s| (s.path.as_str(), s)).collect()
    }

    /// Items whose offsets select their text (orphans left out), grouped by
    /// source, in source order: what positional formats write.
    pub fn anchored_by_source(&self) -> Vec<(&Source, Vec<&Item>)> {
        let mut by_path: std::collections::HashMap<&str, Vec<&Item>> = Default::default();
        for i in self.items.iter().filter(|i| !i.orphaned) {
            by_path.entry(i.path.as_str()).or_default().push(i);
        }
        self.sources
            .iter()
            .map(|s| (s, by_path.remove(s.path.as_str()).unwrap_or_default()))
            .collect()
    }

    pub fn orphans(&self) -> usize {
        self.items.iter().filter(|i| i.orphaned).count()
    }
}

/// Why an export failed.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    #[error("{0}")]
    Refused(String),
    #[error("{0} exists; choose another name or allow overwriting")]
    Exists(PathBuf),
    #[error("nothing to export: {0}")]
    Empty(String),
    #[error("cannot write {path}: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{0}")]
    Other(String),
}

pub(crate) fn io_err(path: &Path) -> impl Fn(std::io::Error) -> ExportError + '_ {
    move |source| ExportError::Io {
        path: path.to_path_buf(),
        source,
    }
}

/// «passages tagged X, by A» from what the export was limited to (empty
/// parts ignored); «all passages» when nothing.
pub fn describe(what: &str, said: &[String]) -> String {
    let said: Vec<&str> = said
        .iter()
        .map(String::as_str)
        .filter(|s| !s.is_empty())
        .collect();
    if said.is_empty() {
        format!("all {what}")
    } else {
        format!("{what} {}", said.join(", "))
    }
}

/// What was written.
#[derive(Debug, Clone, PartialEq)]
pub struct Written {
    pub path: PathBuf,
    pub items: usize,
    pub sources: usize,
    /// Orphaned passages a positional format left out.
    pub left_out: usize,
}

/// Writes `sel` as `format` to `out` (a folder for brat, else a file).
/// An existing `out` is refused unless `overwrite`; files are written
/// whole to a temporary name and renamed, so a failed export leaves no
/// half file. `progress` counts the sources written.
pub fn write(
    sel: &Selection,
    format: Format,
    out: &Path,
    overwrite: bool,
    progress: &AtomicUsize,
) -> Result<Written, ExportError> {
    write_with(
        sel,
        format,
        out,
        overwrite,
        progress,
        &WriteOptions::default(),
    )
}

/// How a format is written, besides the selection.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct WriteOptions {
    /// Web Annotation: where the texts will be served (targets' `source`
    /// absolute, not relative to the file).
    pub base_url: Option<String>,
    /// CSV, xlsx and JSON Lines: positions in UTF-16 code units (as
    /// JavaScript and Excel count), not code points.
    pub utf16: bool,
}

impl Selection {
    /// The selection with its items' positions in UTF-16 code units of
    /// their sources' texts (an orphan's, which select nothing, as they
    /// were).
    pub fn in_utf16(&self) -> Selection {
        let mut sel = self.clone();
        let units: std::collections::HashMap<&str, Vec<usize>> = self
            .sources
            .iter()
            .map(|s| {
                // Units before each code point, and at the end.
                let mut at = Vec::with_capacity(s.text.len() + 1);
                let mut n = 0;
                for c in s.text.chars() {
                    at.push(n);
                    n += c.len_utf16();
                }
                at.push(n);
                (s.path.as_str(), at)
            })
            .collect();
        for i in sel.items.iter_mut().filter(|i| !i.orphaned) {
            if let Some(at) = units.get(i.path.as_str()) {
                let last = at.len() - 1;
                i.start = at[i.start.min(last)];
                i.end = at[i.end.min(last)];
            }
        }
        sel
    }
}

/// [`write`], with options.
pub fn write_with(
    sel: &Selection,
    format: Format,
    out: &Path,
    overwrite: bool,
    progress: &AtomicUsize,
    opts: &WriteOptions,
) -> Result<Written, ExportError> {
    if opts.utf16 && !matches!(format, Format::Csv | Format::Xlsx | Format::Jsonl) {
        return Err(ExportError::Refused(format!(
            "UTF-16 positions are for csv, xlsx and jsonl: {} counts code points",
            format.as_str()
        )));
    }
    let converted;
    let sel = if opts.utf16 {
        converted = sel.in_utf16();
        &converted
    } else {
        sel
    };
    if sel.items.is_empty() && sel.what != What::Articles {
        return Err(ExportError::Empty(format!(
            "no {} in this selection",
            sel.what.as_str()
        )));
    }
    let exists = match format {
        // An empty folder is fine for brat.
        Format::Brat => out.read_dir().is_ok_and(|mut d| d.next().is_some()),
        _ => out.exists(),
    };
    if exists && !overwrite {
        return Err(ExportError::Exists(out.to_path_buf()));
    }
    let folder = format == Format::Brat;
    refuse_unless_replaceable(out, folder)?;
    if format == Format::WebAnno {
        let texts = out
            .parent()
            .unwrap_or(Path::new("."))
            .join(webanno::texts_dir_name(out));
        refuse_unless_replaceable(&texts, true)?;
    }
    if let Some(parent) = out.parent().filter(|p| !p.as_os_str().is_empty()) {
        std::fs::create_dir_all(parent).map_err(io_err(parent))?;
    }
    let positional = matches!(format, Format::Brat | Format::Qdpx | Format::WebAnno);
    match format {
        Format::Csv => file(out, |w| tabular::csv(sel, w))?,
        Format::Xlsx => file(out, |w| {
            std::io::Write::write_all(w, &xlsx::xlsx(sel)?)
                .map_err(|e| ExportError::Other(e.to_string()))
        })?,
        Format::Jsonl => file(out, |w| tabular::jsonl(sel, w))?,
        Format::Ron => file(out, |w| tabular::ron(sel, w))?,
        Format::Markdown => file(out, |w| markdown::write(sel, w))?,
        Format::Qdpx => file(out, |w| qdpx::write(sel, w, progress))?,
        Format::Brat => brat::write(sel, out, progress)?,
        Format::WebAnno => webanno::write(sel, out, opts.base_url.as_deref(), progress)?,
    }
    progress.store(sel.sources.len(), Ordering::Relaxed);
    Ok(Written {
        path: out.to_path_buf(),
        items: sel.items.len() - if positional { sel.orphans() } else { 0 },
        sources: sel.sources.len(),
        left_out: if positional { sel.orphans() } else { 0 },
    })
}

/// An existing export target may be replaced only when it is what the
/// export writes: a regular file (or, for folder exports, a folder). A
/// symbolic link, a device, a pipe or a socket is refused: `--force` must
/// never write through a link or replace a system file.
fn refuse_unless_replaceable(out: &Path, folder: bool) -> Result<(), ExportError> {
    let Ok(meta) = std::fs::symlink_metadata(out) else {
        return Ok(()); // nothing there
    };
    let t = meta.file_type();
    // A link to a folder is where a folder export may go (data folders
    // often are links); writing through a link to a file would replace
    // what it points at.
    if folder && t.is_symlink() && out.is_dir() {
        return Ok(());
    }
    let what = if t.is_symlink() {
        "a symbolic link"
    } else if t.is_dir() && !folder {
        "a folder"
    } else if t.is_file() && folder {
        "a file, not a folder"
    } else if t.is_dir() || t.is_file() {
        return Ok(());
    } else {
        "a device, pipe or socket"
    };
    Err(ExportError::Refused(format!(
        "{} is {what}: daftar only replaces a regular file it could have written",
        out.display()
    )))
}

/// What a folder export has written so far: removed again when the export
/// fails, so a failure leaves no partial folder.
#[derive(Default)]
pub(crate) struct Partial {
    files: Vec<std::path::PathBuf>,
    dir: Option<std::path::PathBuf>,
    done: bool,
}

impl Partial {
    /// Creates `dir` (remembering it when it is new).
    pub(crate) fn folder(&mut self, dir: &Path) -> Result<(), ExportError> {
        if !dir.exists() {
            std::fs::create_dir_all(dir).map_err(io_err(dir))?;
            self.dir = Some(dir.to_path_buf());
        }
        Ok(())
    }

    /// Writes one text file of a folder export (brat, Web Annotation
    /// texts) straight to its place: a folder of thousands of files is not
    /// one atomic write anyway, and a temporary file and rename for each
    /// would take minutes at 100,000 articles.
    pub(crate) fn text_file(&mut self, path: &Path, body: &str) -> Result<(), ExportError> {
        // Only what this export creates is removed on failure; a file that
        // was there before (an earlier export replaced with --force) stays.
        if std::fs::symlink_metadata(path).is_err() {
            self.files.push(path.to_path_buf());
        }
        std::fs::write(path, body).map_err(io_err(path))
    }

    /// The export succeeded: keep everything.
    pub(crate) fn keep(mut self) {
        self.done = true;
    }
}

impl Drop for Partial {
    fn drop(&mut self) {
        if self.done {
            return;
        }
        for f in &self.files {
            let _ = std::fs::remove_file(f);
        }
        if let Some(d) = &self.dir {
            let _ = std::fs::remove_dir_all(d);
        }
    }
}

/// Writes a file through `f`, atomically (temporary file in the same
/// folder, then renamed over `path`) and flushed to disk.
pub(crate) fn file(
    path: &Path,
    f: impl FnOnce(&mut std::io::BufWriter<&mut std::fs::File>) -> Result<(), ExportError>,
) -> Result<(), ExportError> {
    write_via_temp(path, f)
}

/// The temporary file is made readable like any other file the user
/// writes (tempfile's default is owner-only), then renamed over `path`.
fn write_via_temp(
    path: &Path,
    f: impl FnOnce(&mut std::io::BufWriter<&mut std::fs::File>) -> Result<(), ExportError>,
) -> Result<(), ExportError> {
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let mut b = tempfile::Builder::new();
    b.prefix(".daftar-export");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        b.permissions(std::fs::Permissions::from_mode(0o666));
    }
    let mut tmp = b.tempfile_in(dir).map_err(io_err(dir))?;
    {
        let mut w = std::io::BufWriter::new(tmp.as_file_mut());
        f(&mut w)?;
        std::io::Write::flush(&mut w).map_err(io_err(path))?;
    }
    tmp.as_file().sync_all().map_err(io_err(path))?;
    tmp.persist(path).map_err(|e| ExportError::Io {
        path: path.to_path_buf(),
        source: e.error,
    })?;
    Ok(())
}

/// A file name made from an article's path: folders joined by `__`, the
/// extension dropped, characters file systems or tools dislike replaced.
pub(crate) fn flat_name(path: &str) -> String {
    let stem = match path.rsplit_once('.') {
        Some((s, ext)) if !ext.contains('/') && !s.is_empty() => s,
        _ => path,
    };
    stem.replace('/', "__")
        .chars()
        .map(|c| {
            if c.is_control() || matches!(c, '\\' | ':' | '*' | '?' | '"' | '<' | '>' | '|') {
                '_'
            } else {
                c
            }
        })
        .collect()
}

/// A distinct file name per source (in source order), from [`flat_name`];
/// two paths that flatten alike get a number.
pub(crate) fn file_names(sel: &Selection) -> Vec<String> {
    let mut names: Vec<String> = Vec::with_capacity(sel.sources.len());
    let mut taken = std::collections::HashSet::new();
    for (n, s) in sel.sources.iter().enumerate() {
        let mut name = flat_name(&s.path);
        if !taken.insert(name.clone()) {
            name = format!("{name}_{n}");
            taken.insert(name.clone());
        }
        names.push(name);
    }
    names
}

/// Characters XML 1.0 cannot hold, dropped from names and notes.
pub(crate) fn xml_safe(s: &str) -> String {
    s.chars()
        .filter(|&c| matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn flat_names_keep_folders_apart_and_drop_unsafe_characters() {
        assert_eq!(flat_name("politics/03_fm_call.txt"), "politics__03_fm_call");
        assert_eq!(flat_name("a/b:c?.html"), "a__b_c_");
        assert_eq!(flat_name("no_extension"), "no_extension");
        assert_eq!(flat_name("dir.v2/file"), "dir.v2__file");
    }

    #[test]
    fn ron_names_an_items_fields_as_the_other_formats_and_reads_the_old_names() {
        let item = Item {
            kind: "passage".into(),
            text: "متن".into(),
            prefix: "پیش".into(),
            suffix: "پس".into(),
            codes: vec!["برچسب".into()],
            ..Item::default()
        };
        let written = ron::to_string(&item).unwrap();
        for name in ["tags:", "before:", "after:"] {
            assert!(written.contains(name), "{written}");
        }
        for old in ["codes:", "prefix:", "suffix:"] {
            assert!(!written.contains(old), "{written}");
        }
        let old: Item =
            ron::from_str(r#"(kind: "passage", prefix: "پیش", suffix: "پس", codes: ["برچسب"])"#)
                .unwrap();
        assert_eq!(
            (old.prefix, old.suffix, old.codes),
            (item.prefix, item.suffix, item.codes)
        );
    }

    #[test]
    fn xml_safe_drops_what_xml_cannot_hold() {
        assert_eq!(xml_safe("a\u{0}b\u{1}c\td\u{FFFE}"), "abc\td");
        assert_eq!(xml_safe("گفت‌وگو"), "گفت‌وگو");
    }
}
