//! The search index: the only user of tantivy. Schema, the Persian
//! analyzer, incremental updates from a folder, the query language and
//! search with match offsets. Behind [`SearchIndex`] so that another engine
//! could serve the same schema later.
//!
//! The index lives in `<corpus>/.daftar/index`, or, when the corpus folder
//! is read-only, in the user's cache folder keyed by the corpus path. It is
//! derived data: missing, corrupt or made by another analyzer version, it
//! is rebuilt.

pub mod analyzer;
pub mod folders;
pub mod manifest;
pub mod query;
pub mod search;
pub mod update;

use std::path::{Path, PathBuf};

use tantivy::schema::{
    FAST, Field, INDEXED, IndexRecordOption, STORED, STRING, Schema, TextFieldIndexing, TextOptions,
};
use tantivy::{Index, IndexReader, ReloadPolicy};

pub use query::{ParsedQuery, QueryError, parse_query};
pub use search::{Hit, SearchResults};
pub use update::{UpdateProgress, UpdateReport, update_index};

/// What the rest of daftar asks of a search engine: the boundary behind
/// which tantivy sits, so that a server engine (OpenSearch, Quickwit)
/// could serve the same schema later.
pub trait SearchBackend: Send + Sync {
    /// The best `limit` hits of `q`, with match offsets.
    fn search(
        &self,
        q: &ParsedQuery,
        limit: usize,
        synonyms: &search::Synonyms,
    ) -> Result<SearchResults, IndexError>;
    /// Path, day and provenance of every article matching `q` (timelines,
    /// entity counts).
    fn matching_days(
        &self,
        q: &ParsedQuery,
        synonyms: &search::Synonyms,
    ) -> Result<Vec<(String, search::DatedDoc)>, IndexError>;
    /// Number of indexed articles.
    fn num_docs(&self) -> u64;
}

impl SearchBackend for SearchIndex {
    fn search(
        &self,
        q: &ParsedQuery,
        limit: usize,
        synonyms: &search::Synonyms,
    ) -> Result<SearchResults, IndexError> {
        SearchIndex::search(self, q, limit, synonyms)
    }

    fn matching_days(
        &self,
        q: &ParsedQuery,
        synonyms: &search::Synonyms,
    ) -> Result<Vec<(String, search::DatedDoc)>, IndexError> {
        SearchIndex::matching_days(self, q, synonyms)
    }

    fn num_docs(&self) -> u64 {
        SearchIndex::num_docs(self)
    }
}

/// Why the index cannot be used.
#[derive(Debug, thiserror::Error)]
pub enum IndexError {
    #[error("search index: {0}")]
    Tantivy(#[from] tantivy::TantivyError),
    #[error("cannot write the index: {source}: {path}")]
    Io {
        source: std::io::Error,
        path: PathBuf,
    },
    #[error(transparent)]
    Query(#[from] QueryError),
    #[error(transparent)]
    Load(#[from] crate::corpus::LoadError),
}

impl IndexError {
    /// Whether the index's own files are damaged (cut short, missing,
    /// altered, unreadable as an index) — derived data to throw away and
    /// rebuild. A busy lock (another daftar indexing), a full disk or a
    /// query or folder error is not: rebuilding would not help, and would
    /// delete a healthy index under another writer.
    pub fn is_damage(&self) -> bool {
        use tantivy::TantivyError as T;
        let io_damage = |e: &std::io::Error| {
            matches!(
                e.kind(),
                std::io::ErrorKind::NotFound
                    | std::io::ErrorKind::UnexpectedEof
                    | std::io::ErrorKind::InvalidData
            )
        };
        match self {
            IndexError::Tantivy(t) => match t {
                T::DataCorruption(_)
                | T::OpenReadError(_)
                | T::OpenDirectoryError(_)
                | T::IncompatibleIndex(_)
                | T::SchemaError(_)
                | T::FieldNotFound(_) => true,
                T::IoError(e) => io_damage(e),
                _ => false,
            },
            IndexError::Io { .. } | IndexError::Query(_) | IndexError::Load(_) => false,
        }
    }
}

/// Bumped whenever the schema changes; an index of another version is
/// rebuilt.
pub const SCHEMA_VERSION: u32 = 3;

/// The fields of the schema.
#[derive(Debug, Clone, Copy)]
pub struct Fields {
    pub id: Field,
    pub path: Field,
    pub title: Field,
    pub body: Field,
    /// The whole decoded text, stored only (match offsets point into it).
    pub text: Field,
    /// JSON: byte ranges of title and paragraphs in `text`.
    pub ranges: Field,
    /// Search key of the source outlet (filter).
    pub source: Field,
    pub source_shown: Field,
    /// Search keys of the tags (filter).
    pub tags: Field,
    /// Publication day, days since 1970-01-01.
    pub day: Field,
    /// Jalali year and month, YYYYMM.
    pub jalali_ym: Field,
    pub provenance: Field,
    /// Provenance as a number (fast field): 0 header, 1 body, 2 inferred, 3 file.
    pub prov: Field,
}

fn schema() -> (Schema, Fields) {
    let mut b = Schema::builder();
    let text_indexing = TextFieldIndexing::default()
        .set_tokenizer(analyzer::ANALYZER)
        .set_index_option(IndexRecordOption::WithFreqsAndPositions);
    let fields = Fields {
        id: b.add_text_field("id", STRING | STORED),
        path: b.add_text_field("path", STRING | STORED | FAST),
        title: b.add_text_field(
            "title",
            TextOptions::default()
                .set_indexing_options(text_indexing.clone())
                .set_stored(),
        ),
        body: b.add_text_field(
            "body",
            TextOptions::default().set_indexing_options(text_indexing),
        ),
        text: b.add_text_field("text", STORED),
        ranges: b.add_text_field("ranges", STORED),
        source: b.add_text_field("source", STRING),
        source_shown: b.add_text_field("source_shown", STORED),
        tags: b.add_text_field("tags", STRING),
        day: b.add_i64_field("day", INDEXED | FAST | STORED),
        jalali_ym: b.add_u64_field("jalali_ym", INDEXED | FAST),
        provenance: b.add_text_field("provenance", STORED),
        prov: b.add_u64_field("prov", FAST),
    };
    (b.build(), fields)
}

/// An open index.
pub struct SearchIndex {
    pub dir: PathBuf,
    pub index: Index,
    pub fields: Fields,
    pub reader: IndexReader,
    /// Set when the index was (re)created on open: missing, corrupt or of
    /// another version. The reason, for a notice.
    pub rebuilt: Option<String>,
}

const VERSION_FILE: &str = "daftar-index-version";

fn version_stamp() -> String {
    format!("schema {SCHEMA_VERSION}, analyzer {}", analyzer::ANALYZER)
}

/// Makes the next index update read these files again (their reading
/// changed: a correction of page chrome), by dropping them from the
/// manifest. Best effort: a manifest that cannot be read or written leaves
/// the index as it is until the files change.
pub fn forget_files(corpus: &Path, paths: &[String]) {
    if paths.is_empty() {
        return;
    }
    let dir = index_dir(corpus);
    // (Files to read again: the index no longer lists everything.)
    let _ = std::fs::remove_file(dir.join(folders::FILE));
    let manifest_path = dir.join("manifest.json");
    if let Some(mut m) = manifest::Manifest::read(&manifest_path) {
        let before = m.files.len();
        for p in paths {
            m.files.remove(p);
        }
        if m.files.len() != before {
            let _ = m.write(&manifest_path);
        }
    }
}

/// Where the index of `corpus` lives.
pub fn index_dir(corpus: &Path) -> PathBuf {
    // Put elsewhere by the user (or by `daftar bench`, which times a
    // search process on an index of its own).
    if let Some(dir) = std::env::var_os("DAFTAR_INDEX_DIR") {
        return PathBuf::from(dir);
    }
    crate::disk::derived_dir(corpus, "index")
}

impl SearchIndex {
    /// Opens the index in `dir`, creating or rebuilding it when needed.
    pub fn open_or_create(dir: &Path) -> Result<SearchIndex, IndexError> {
        let io = |source| IndexError::Io {
            source,
            path: dir.to_path_buf(),
        };
        std::fs::create_dir_all(dir).map_err(io)?;
        let (schema, fields) = schema();
        let stamp = std::fs::read_to_string(dir.join(VERSION_FILE)).unwrap_or_default();
        let mut rebuilt = None;
        let opened = if stamp.trim() != version_stamp() {
            if dir.join("meta.json").exists() {
                rebuilt = Some(format!(
                    "index made by another version ({}): rebuilding",
                    stamp.trim()
                ));
            }
            None
        } else {
            match Self::open_checked(dir, &schema) {
                Ok(opened) => Some(opened),
                Err(why) => {
                    rebuilt = Some(format!("index damaged ({why}): rebuilding"));
                    None
                }
            }
        };
        let (index, reader) = match opened {
            Some(o) => o,
            None => {
                // Derived data: thrown away and made anew from the files.
                Self::wipe(dir)?;
                let index = Index::create_in_dir(dir, schema.clone())?;
                let reader = Self::reader(&index)?;
                (index, reader)
            }
        };
        std::fs::write(dir.join(VERSION_FILE), version_stamp()).map_err(io)?;
        Ok(SearchIndex {
            dir: dir.to_path_buf(),
            index,
            fields,
            reader,
            rebuilt,
        })
    }

    /// The index of `corpus` as it is, for a search process, when the
    /// folder's folders are as the last complete update left them (so the
    /// index lists every file: see `folders`); `None` when that cannot be
    /// told — the caller then brings the index up to date first. Checks
    /// the version and schema, not every file's checksum: a search that
    /// finds a damaged file rebuilds the index (`cli::search::with_index`).
    pub fn open_if_current(corpus: &Path) -> Option<SearchIndex> {
        let dir = index_dir(corpus);
        let stamp = std::fs::read_to_string(dir.join(VERSION_FILE)).ok()?;
        if stamp.trim() != version_stamp() {
            return None;
        }
        if !folders::Folders::read(&dir.join(folders::FILE))?.unchanged(corpus) {
            return None;
        }
        let (schema, fields) = schema();
        let index = Index::open_in_dir(&dir).ok()?;
        if index.schema() != schema {
            return None;
        }
        let reader = Self::reader(&index).ok()?;
        Some(SearchIndex {
            dir,
            index,
            fields,
            reader,
            rebuilt: None,
        })
    }

    /// Opens an existing index and checks it whole: the schema, every
    /// segment file present with its checksum right (tantivy's own
    /// footer checksums), and a reader over it. `Err` says what is wrong.
    fn open_checked(dir: &Path, schema: &Schema) -> Result<(Index, IndexReader), String> {
        let index = Index::open_in_dir(dir).map_err(|e| format!("unreadable: {e}"))?;
        if &index.schema() != schema {
            return Err("its schema differs".into());
        }
        let damaged = index
            .validate_checksum()
            .map_err(|e| format!("a file cannot be read: {e}"))?;
        if !damaged.is_empty() {
            let mut names: Vec<String> = damaged.iter().map(|p| p.display().to_string()).collect();
            names.sort();
            return Err(format!("bad checksum in {}", names.join(", ")));
        }
        let reader = Self::reader(&index).map_err(|e| format!("cannot be searched: {e}"))?;
        // Every segment's files opened once (a file missing or cut short
        // fails here rather than at the first search).
        reader
            .searcher()
            .segment_readers()
            .iter()
            .try_for_each(|r| r.get_store_reader(0).map(|_| ()))
            .map_err(|e| format!("a segment cannot be read: {e}"))?;
        Ok((index, reader))
    }

    fn reader(index: &Index) -> Result<IndexReader, IndexError> {
        index
            .tokenizers()
            .register(analyzer::ANALYZER, analyzer::analyzer());
        Ok(index
            .reader_builder()
            .reload_policy(ReloadPolicy::Manual)
            .try_into()?)
    }

    /// Throws the index in `dir` away (derived data: the next open builds
    /// it anew from the files).
    pub fn discard(dir: &Path) -> Result<(), IndexError> {
        if dir.is_dir() {
            Self::wipe(dir)?;
        }
        Ok(())
    }

    /// Deletes everything in the index folder (derived data only).
    fn wipe(dir: &Path) -> Result<(), IndexError> {
        let entries = std::fs::read_dir(dir).map_err(|source| IndexError::Io {
            source,
            path: dir.to_path_buf(),
        })?;
        for e in entries.flatten() {
            let p = e.path();
            let _ = if p.is_dir() {
                std::fs::remove_dir_all(&p)
            } else {
                std::fs::remove_file(&p)
            };
        }
        Ok(())
    }

    pub fn manifest_path(&self) -> PathBuf {
        self.dir.join("manifest.json")
    }

    /// Bytes the index takes on disk.
    pub fn disk_bytes(&self) -> u64 {
        std::fs::read_dir(&self.dir)
            .map(|rd| {
                rd.flatten()
                    .filter_map(|e| e.metadata().ok())
                    .filter(|m| m.is_file())
                    .map(|m| m.len())
                    .sum()
            })
            .unwrap_or(0)
    }

    /// Number of indexed articles.
    pub fn num_docs(&self) -> u64 {
        self.reader.searcher().num_docs()
    }
}
