//! A corpus's own entities and the annotators' corrections, kept in
//! `<corpus>/.daftar/entities.ron`: entities added by hand (they replace a
//! bundled one of the same name) and an ordered list of edits (alias,
//! rename, kind, merge, not-an-entity). The file is small, readable and
//! editable by hand; it is written atomically (temporary file, fsync,
//! rename), so a crash leaves the old or the new version, never half.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::corpus::found::EntityKind;

/// An entity as written in a gazetteer file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EntityDef {
    pub name: String,
    pub kind: EntityKind,
    #[serde(default)]
    pub aliases: Vec<String>,
}

/// One correction, applied in order on top of the bundled gazetteer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Edit {
    /// A new entity (from a selected passage), or more aliases for one.
    Add {
        name: String,
        kind: EntityKind,
        #[serde(default)]
        aliases: Vec<String>,
    },
    /// Another name of `entity`.
    Alias { entity: String, alias: String },
    /// `from` is called `to` from now on (the old name stays an alias).
    Rename { from: String, to: String },
    /// `entity` is of another kind.
    Kind { entity: String, kind: EntityKind },
    /// `from` is the same as `into`.
    Merge { from: String, into: String },
    /// `name` is not an entity (a candidate, or a bundled false friend).
    NotEntity { name: String },
}

/// The corpus's `entities.ron`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct UserEntities {
    pub entities: Vec<EntityDef>,
    pub edits: Vec<Edit>,
}

/// Why the corpus's entity file could not be used.
#[derive(Debug, thiserror::Error)]
pub enum CurationError {
    #[error("cannot read {path}: {source}")]
    Read {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{path} is not a valid entity file: {message}")]
    Parse { path: PathBuf, message: String },
    #[error("cannot save {path}: {source}")]
    Write {
        path: PathBuf,
        source: std::io::Error,
    },
}

impl UserEntities {
    /// Where a corpus keeps its entity file.
    pub fn path(root: &Path) -> PathBuf {
        root.join(".daftar").join("entities.ron")
    }

    /// The corpus's file; none yet is an empty one.
    pub fn load(root: &Path) -> Result<UserEntities, CurationError> {
        let path = Self::path(root);
        let text = match std::fs::read_to_string(&path) {
            Ok(t) => t,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                return Ok(UserEntities::default());
            }
            Err(source) => return Err(CurationError::Read { path, source }),
        };
        ron::from_str(&text).map_err(|e| CurationError::Parse {
            path,
            message: e.to_string(),
        })
    }

    /// Writes the file atomically.
    pub fn save(&self, root: &Path) -> Result<(), CurationError> {
        let path = Self::path(root);
        let write = || -> std::io::Result<()> {
            if let Some(dir) = path.parent() {
                std::fs::create_dir_all(dir)?;
            }
            let header = "// daftar: this corpus's entities and entity corrections.\n\
                          // Edits apply in order on top of the bundled gazetteer.\n";
            let body = ron::ser::to_string_pretty(self, ron::ser::PrettyConfig::default())
                .map_err(std::io::Error::other)?;
            crate::disk::write_atomic(&path, format!("{header}{body}\n").as_bytes())
        };
        write().map_err(|source| CurationError::Write {
            path: path.clone(),
            source,
        })
    }

    /// Adds `edit` and saves: the edit is on disk when this returns.
    pub fn record(&mut self, root: &Path, edit: Edit) -> Result<(), CurationError> {
        self.edits.push(edit);
        if let Err(e) = self.save(root) {
            self.edits.pop();
            return Err(e);
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn edits_round_trip_through_the_file() {
        let dir = tempfile::tempdir().unwrap();
        let mut u = UserEntities::load(dir.path()).unwrap();
        assert_eq!(u, UserEntities::default(), "no file yet: nothing");
        u.record(
            dir.path(),
            Edit::Merge {
                from: "آقای کاظمی".into(),
                into: "رضا کاظمی".into(),
            },
        )
        .unwrap();
        u.record(
            dir.path(),
            Edit::NotEntity {
                name: "آقای".into(),
            },
        )
        .unwrap();
        assert_eq!(UserEntities::load(dir.path()).unwrap(), u);
        std::fs::write(UserEntities::path(dir.path()), "(edits: [Oops])").unwrap();
        let err = UserEntities::load(dir.path()).unwrap_err().to_string();
        assert!(err.contains("entities.ron"), "{err}");
    }
}
