//! The tag schema (codes) of a corpus: `<corpus>/.daftar/tags.ron`, a
//! hierarchy of tags with name, colour, description and shortcut key.
//! Written atomically like the annotations.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::store::{StoreError, write_with_backup};

/// One tag.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Tag {
    pub name: String,
    /// RGB.
    pub colour: [u8; 3],
    pub description: String,
    /// A key that applies the tag in the reader.
    pub key: Option<char>,
    /// The parent tag's name (for nesting).
    pub parent: Option<String>,
}

impl Default for Tag {
    fn default() -> Self {
        Tag {
            name: String::new(),
            colour: [0xE0, 0xA0, 0x30],
            description: String::new(),
            key: None,
            parent: None,
        }
    }
}

/// The corpus's tags.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct TagSchema {
    pub version: u32,
    pub tags: Vec<Tag>,
}

impl Default for TagSchema {
    fn default() -> Self {
        TagSchema {
            version: 1,
            tags: Vec::new(),
        }
    }
}

/// Colours given to new tags in turn.
const PALETTE: [[u8; 3]; 8] = [
    [0xE0, 0xA0, 0x30],
    [0x4C, 0x9F, 0xD8],
    [0x6B, 0xB8, 0x5A],
    [0xD8, 0x5C, 0x7A],
    [0x9B, 0x7B, 0xD4],
    [0x3C, 0xB4, 0xA8],
    [0xC8, 0x7A, 0x3C],
    [0x8A, 0x8A, 0x8A],
];

impl TagSchema {
    pub fn path(root: &Path) -> PathBuf {
        root.join(".daftar").join("tags.ron")
    }

    /// The corpus's tags (none yet: empty).
    pub fn load(root: &Path) -> Result<TagSchema, StoreError> {
        let path = Self::path(root);
        match std::fs::read_to_string(&path) {
            Ok(t) => ron::from_str(&t).map_err(|e| {
                StoreError::Invalid(format!("{} is not a valid tag file: {e}", path.display()))
            }),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(TagSchema::default()),
            Err(source) => Err(StoreError::Io { source, path }),
        }
    }

    pub fn save(&self, root: &Path) -> Result<(), StoreError> {
        let path = Self::path(root);
        let body = ron::ser::to_string_pretty(self, ron::ser::PrettyConfig::default())
            .map_err(|e| StoreError::Invalid(e.to_string()))?;
        let backup = root.join(".daftar").join("tags.ron.bak");
        write_with_backup(&path, Some(&backup), body.as_bytes())
            .map_err(|source| StoreError::Io { source, path })
    }

    /// The tag called `name`, created (with the next colour and the first
    /// free digit key) when new.
    /// Returns whether it was created.
    pub fn ensure(&mut self, name: &str) -> bool {
        if self.tags.iter().any(|t| t.name == name) {
            return false;
        }
        let colour = PALETTE[self.tags.len() % PALETTE.len()];
        // The first free digit key, 1 to 9.
        let key = ('1'..='9').find(|k| !self.tags.iter().any(|t| t.key == Some(*k)));
        self.tags.push(Tag {
            name: name.to_string(),
            colour,
            key,
            ..Default::default()
        });
        true
    }
}
