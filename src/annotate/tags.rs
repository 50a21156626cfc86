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

    fn backup(root: &Path) -> PathBuf {
        root.join(".daftar").join("tags.ron.bak")
    }

    /// The corpus's tags (none yet: empty). A file that no longer reads is
    /// set aside and its backup used; when neither reads, an error (and
    /// nothing is written over them).
    pub fn load(root: &Path) -> Result<TagSchema, StoreError> {
        let mut notes = Vec::new();
        crate::disk::read_with_backup::<TagSchema>(
            &Self::path(root),
            &Self::backup(root),
            &mut notes,
        )
        .map(|r| r.map(|(t, _)| t).unwrap_or_default())
        .map_err(StoreError::from)
    }

    /// The corpus's tags without moving or writing anything (for readers
    /// that hold no lock: exports, a second window).
    pub fn read_only(root: &Path) -> Result<TagSchema, StoreError> {
        crate::disk::read_either::<TagSchema>(&Self::path(root), &Self::backup(root))
            .map(Option::unwrap_or_default)
            .map_err(StoreError::from)
    }

    pub fn save(&self, root: &Path) -> Result<(), StoreError> {
        let path = Self::path(root);
        let body = ron::ser::to_string_pretty(self, ron::ser::PrettyConfig::default())
            .map_err(|e| StoreError::Invalid(e.to_string()))?;
        // Only a version that reads becomes the backup.
        let previous = match crate::disk::read_ron::<TagSchema>(&path) {
            crate::disk::RonFile::Good(_, bytes) => Some(bytes),
            _ => None,
        };
        let backup = Self::backup(root);
        write_with_backup(
            &path,
            previous.as_deref().map(|b| (backup.as_path(), b)),
            body.as_bytes(),
        )
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

/// Changes to the tag schema, applied to the tags and to the passages that
/// carry them together.
#[derive(Debug, Clone, PartialEq)]
pub enum TagEdit {
    Rename {
        from: String,
        to: String,
    },
    Recolour {
        tag: String,
        colour: [u8; 3],
    },
    /// Nest under `parent` (None: top level). A tag cannot be nested under
    /// itself or its own descendants.
    Nest {
        tag: String,
        parent: Option<String>,
    },
    /// `from`'s passages get `into`; `from` is removed.
    Merge {
        from: String,
        into: String,
    },
    /// Remove the tag; its passages move to `move_to`, or lose it (they are
    /// kept, untagged).
    Delete {
        tag: String,
        move_to: Option<String>,
    },
}

impl TagSchema {
    /// Applies `edit` to the schema and the passages. Errors say why it
    /// cannot be done; nothing changes then.
    pub fn apply(&mut self, data: &mut super::Annotations, edit: &TagEdit) -> Result<(), String> {
        let exists = |s: &TagSchema, n: &str| s.tags.iter().any(|t| t.name == n);
        let retag = |data: &mut super::Annotations, from: &str, to: Option<&str>| {
            for p in &mut data.passages {
                if p.tags.iter().any(|t| t == from) {
                    p.tags.retain(|t| t != from);
                    if let Some(to) = to
                        && !p.tags.iter().any(|t| t == to)
                    {
                        p.tags.push(to.to_string());
                    }
                }
            }
        };
        match edit {
            TagEdit::Rename { from, to } => {
                let to = to.trim();
                if to.is_empty() || exists(self, to) {
                    return Err(format!("a tag «{to}» exists already (merge instead)"));
                }
                if !exists(self, from) {
                    return Err(format!("no tag «{from}»"));
                }
                for t in &mut self.tags {
                    if &t.name == from {
                        t.name = to.to_string();
                    }
                    if t.parent.as_deref() == Some(from.as_str()) {
                        t.parent = Some(to.to_string());
                    }
                }
                retag(data, from, Some(to));
            }
            TagEdit::Recolour { tag, colour } => {
                let t = self
                    .tags
                    .iter_mut()
                    .find(|t| &t.name == tag)
                    .ok_or_else(|| format!("no tag «{tag}»"))?;
                t.colour = *colour;
            }
            TagEdit::Nest { tag, parent } => {
                if let Some(p) = parent {
                    // Walk up from the new parent: the tag must not be there.
                    let mut at = Some(p.clone());
                    while let Some(name) = at {
                        if &name == tag {
                            return Err(format!("«{tag}» cannot be nested under itself"));
                        }
                        at = self
                            .tags
                            .iter()
                            .find(|t| t.name == name)
                            .and_then(|t| t.parent.clone());
                    }
                    if !exists(self, p) {
                        return Err(format!("no tag «{p}»"));
                    }
                }
                let t = self
                    .tags
                    .iter_mut()
                    .find(|t| &t.name == tag)
                    .ok_or_else(|| format!("no tag «{tag}»"))?;
                t.parent = parent.clone();
            }
            TagEdit::Merge { from, into } => {
                if from == into || !exists(self, from) || !exists(self, into) {
                    return Err(format!("cannot merge «{from}» into «{into}»"));
                }
                retag(data, from, Some(into));
                self.remove(from, Some(into));
            }
            TagEdit::Delete { tag, move_to } => {
                if !exists(self, tag) {
                    return Err(format!("no tag «{tag}»"));
                }
                if let Some(m) = move_to
                    && (m == tag || !exists(self, m))
                {
                    return Err(format!("cannot move the passages to «{m}»"));
                }
                retag(data, tag, move_to.as_deref());
                self.remove(tag, None);
            }
        }
        Ok(())
    }

    /// Removes `name`; its children move to `new_parent` (or its parent).
    fn remove(&mut self, name: &str, new_parent: Option<&str>) {
        let parent = self
            .tags
            .iter()
            .find(|t| t.name == name)
            .and_then(|t| t.parent.clone());
        self.tags.retain(|t| t.name != name);
        for t in &mut self.tags {
            if t.parent.as_deref() == Some(name) {
                t.parent = new_parent.map(str::to_string).or_else(|| parent.clone());
            }
        }
    }

    /// How many of `passages` carry `tag`.
    /// `name` and every tag nested under it (what "passages of a tag"
    /// means).
    pub fn family(&self, name: &str) -> Vec<String> {
        let mut out = vec![name.to_string()];
        let mut n = 0;
        while n < out.len() && out.len() <= self.tags.len() + 1 {
            let parent = out[n].clone();
            for t in &self.tags {
                if t.parent.as_deref() == Some(parent.as_str()) && !out.contains(&t.name) {
                    out.push(t.name.clone());
                }
            }
            n += 1;
        }
        out
    }

    pub fn uses(passages: &[super::Passage], tag: &str) -> usize {
        passages
            .iter()
            .filter(|p| p.tags.iter().any(|t| t == tag))
            .count()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::annotate::{Annotations, Passage};

    fn setup() -> (TagSchema, Annotations) {
        let mut s = TagSchema::default();
        for n in ["الف", "ب", "ج"] {
            s.ensure(n);
        }
        let mut a = Annotations::default();
        for (id, tags) in [(1, vec!["الف"]), (2, vec!["ب"]), (3, vec!["الف", "ب"])] {
            a.passages.push(Passage {
                id,
                tags: tags.into_iter().map(String::from).collect(),
                ..Default::default()
            });
        }
        (s, a)
    }

    #[test]
    fn rename_merge_delete_and_nest_keep_passages_consistent() {
        let (mut s, mut a) = setup();
        assert_eq!(
            s.tags.iter().map(|t| t.key).collect::<Vec<_>>(),
            [Some('1'), Some('2'), Some('3')]
        );
        s.apply(
            &mut a,
            &TagEdit::Rename {
                from: "الف".into(),
                to: "د".into(),
            },
        )
        .unwrap();
        assert_eq!(a.passages[0].tags, ["د"]);
        assert!(
            s.apply(
                &mut a,
                &TagEdit::Rename {
                    from: "د".into(),
                    to: "ب".into()
                }
            )
            .is_err()
        );
        s.apply(
            &mut a,
            &TagEdit::Nest {
                tag: "ج".into(),
                parent: Some("ب".into()),
            },
        )
        .unwrap();
        let cycle = s.apply(
            &mut a,
            &TagEdit::Nest {
                tag: "ب".into(),
                parent: Some("ج".into()),
            },
        );
        assert!(cycle.is_err(), "no cycles");
        s.apply(
            &mut a,
            &TagEdit::Merge {
                from: "د".into(),
                into: "ب".into(),
            },
        )
        .unwrap();
        assert_eq!(a.passages[0].tags, ["ب"]);
        assert_eq!(a.passages[2].tags, ["ب"], "no tag twice");
        assert_eq!(TagSchema::uses(&a.passages, "ب"), 3);
        // Deleting a used tag moves its passages, or leaves them untagged.
        s.apply(
            &mut a,
            &TagEdit::Delete {
                tag: "ب".into(),
                move_to: Some("ج".into()),
            },
        )
        .unwrap();
        assert!(a.passages.iter().all(|p| p.tags == ["ج"]));
        assert_eq!(
            s.tags.iter().find(|t| t.name == "ج").unwrap().parent,
            None,
            "child moved up"
        );
        s.apply(
            &mut a,
            &TagEdit::Delete {
                tag: "ج".into(),
                move_to: None,
            },
        )
        .unwrap();
        assert_eq!(a.passages.len(), 3, "passages are never dropped");
        assert!(a.passages.iter().all(|p| p.tags.is_empty()));
    }
}
