//! The open corpus's annotations in the window: the store (locked while
//! the folder is open; a second window gets them read-only, with a note),
//! the tag schema, and undo/redo. Every change is saved at once,
//! atomically, before the window draws again.

use std::path::Path;

use crate::annotate::{AnnotationStore, Annotations, Passage, TagSchema};
use crate::corpus::Article;
use crate::text::CharIndex;

/// A passage to tag: an article's text and a range of it in characters.
pub struct ToTag<'a> {
    /// The article's id.
    pub article: &'a str,
    pub path: &'a str,
    /// The path's bytes when it is not UTF-8 ([`crate::corpus::loader::raw_rel`]).
    pub raw_path: Option<String>,
    pub text: &'a str,
    pub start: usize,
    pub end: usize,
}

/// A passage that has the tag now (new, or tagged before).
#[derive(Debug, Clone, PartialEq)]
pub struct Tagged {
    pub id: u64,
    pub path: String,
    pub start: usize,
    pub end: usize,
    pub quote: String,
}

impl Tagged {
    fn of(p: &Passage) -> Tagged {
        Tagged {
            id: p.id,
            path: p.path.clone(),
            start: p.start,
            end: p.end,
            quote: p.quote.clone(),
        }
    }
}

/// How many changes can be undone.
const UNDO_DEPTH: usize = 200;

#[derive(Default)]
pub struct AnnotationState {
    store: Option<AnnotationStore>,
    /// Read-only copy when the store is held by another daftar.
    read_only: Option<Annotations>,
    pub schema: TagSchema,
    /// Why annotating is not possible, or the last save failed.
    pub note: Option<String>,
    /// Earlier states of passages and tags together.
    undo: Vec<(Annotations, TagSchema)>,
    redo: Vec<(Annotations, TagSchema)>,
    /// Bumped by every change (for views that cache).
    pub generation: u64,
    root: Option<std::path::PathBuf>,
    /// The files are there but do not read.
    unusable: bool,
}

impl AnnotationState {
    pub fn open(root: &Path) -> AnnotationState {
        let mut s = AnnotationState {
            root: Some(root.to_path_buf()),
            ..Default::default()
        };
        use crate::annotate::StoreError;
        // The lock first: only its holder may set a broken file aside.
        match AnnotationStore::open(root) {
            Ok(store) => match TagSchema::load(root) {
                Ok(t) => {
                    s.schema = t;
                    if !store.notes.is_empty() {
                        s.note = Some(store.notes.join("; "));
                    }
                    s.store = Some(store);
                }
                Err(e) => {
                    // A tag file that does not read must not be written
                    // over: the annotations stay read-only until the user
                    // acts.
                    s.unusable = matches!(e, StoreError::Unusable(_));
                    s.read_only = Some(store.data.clone());
                    s.note = Some(
                        crate::i18n::Notice::new("note-annotations-read-only")
                            .with("error", e)
                            .shown(),
                    );
                }
            },
            Err(e) => {
                // Show what is there, change nothing.
                s.unusable = matches!(e, StoreError::Unusable(_));
                s.schema = TagSchema::read_only(root).unwrap_or_default();
                s.read_only = AnnotationStore::read_only(root).ok();
                s.note = Some(
                    crate::i18n::Notice::new("note-annotations-read-only")
                        .with("error", e)
                        .shown(),
                );
            }
        }
        s
    }

    /// Whether the annotation files are there but do not read (the note
    /// names them): the window offers [`Self::start_anew`].
    pub fn unusable(&self) -> bool {
        self.unusable
    }

    /// The user's answer to unreadable annotation files: they are set
    /// aside (kept, renamed `….broken-<time>`) and an empty store opened.
    pub fn start_anew(&mut self) -> Result<(), String> {
        let Some(root) = self.root.clone() else {
            return Err("no corpus is open".into());
        };
        let dir = AnnotationStore::dir(&root);
        let mut moved = Vec::new();
        for name in [
            "annotations.ron",
            "annotations.ron.bak",
            "tags.ron",
            "tags.ron.bak",
        ] {
            let p = dir.join(name);
            // Only files that are there and do not parse: one that cannot
            // be opened may be good and is left alone.
            fn broken<T: serde::de::DeserializeOwned>(p: &Path) -> bool {
                matches!(
                    crate::disk::read_ron::<T>(p),
                    crate::disk::RonFile::Broken(_)
                )
            }
            let broken = if name.starts_with("tags") {
                broken::<TagSchema>(&p)
            } else {
                broken::<Annotations>(&p)
            };
            if broken {
                let aside = crate::disk::set_aside(&p).map_err(|e| e.to_string())?;
                moved.push(aside.display().to_string());
            }
        }
        *self = AnnotationState::open(&root);
        if !moved.is_empty() && self.note.is_none() {
            self.note = Some(
                crate::i18n::Notice::new("note-set-aside")
                    .with("paths", moved.join(", "))
                    .shown(),
            );
        }
        Ok(())
    }

    /// Whether changes can be made.
    pub fn writable(&self) -> bool {
        self.store.is_some()
    }

    pub fn passages(&self) -> &[Passage] {
        match (&self.store, &self.read_only) {
            (Some(s), _) => &s.data.passages,
            (None, Some(r)) => &r.passages,
            _ => &[],
        }
    }

    /// Applies a change to passages and tags, saves what changed, and
    /// makes it undoable.
    fn change(&mut self, f: impl FnOnce(&mut Annotations, &mut TagSchema)) -> Result<(), String> {
        let (Some(store), Some(root)) = (&mut self.store, &self.root) else {
            return Err(self
                .note
                .clone()
                .unwrap_or_else(|| "no corpus is open".into()));
        };
        let before = (store.data.clone(), self.schema.clone());
        f(&mut store.data, &mut self.schema);
        if (&store.data, &self.schema) == (&before.0, &before.1) {
            return Ok(());
        }
        let schema_saved = if self.schema != before.1 {
            self.schema.save(root)
        } else {
            Ok(())
        };
        let saved = schema_saved.and_then(|()| {
            if store.data != before.0 {
                store.save()
            } else {
                Ok(())
            }
        });
        if let Err(e) = saved {
            (store.data, self.schema) = before;
            return Err(e.to_string());
        }
        self.undo.push(before);
        if self.undo.len() > UNDO_DEPTH {
            self.undo.remove(0);
        }
        self.redo.clear();
        self.generation += 1;
        Ok(())
    }

    /// Applies a tag-schema edit (rename, recolour, nest, merge, delete)
    /// to the tags and their passages.
    pub fn edit_tags(&mut self, edit: &crate::annotate::TagEdit) -> Result<(), String> {
        let mut result = Ok(());
        self.change(|data, schema| {
            let mut s2 = schema.clone();
            let mut d2 = data.clone();
            match s2.apply(&mut d2, edit) {
                Ok(()) => {
                    *schema = s2;
                    *data = d2;
                }
                Err(e) => result = Err(e),
            }
        })?;
        result
    }

    /// Tags `range` (bytes of `article.text()`) with `tag` (created when new).
    pub fn tag(
        &mut self,
        article: &Article,
        range: std::ops::Range<usize>,
        tag: &str,
        annotator: &str,
    ) -> Result<(), String> {
        self.tag_all(&[(article, range)], tag, annotator)
            .map(|_| ())
    }

    /// Tags several passages (article, byte range) at once, as one undo
    /// step: a search's hits, a statement, a KWIC line. A passage tagged
    /// before gets one more tag instead of a copy. Returns how many
    /// passages were tagged.
    pub fn tag_all(
        &mut self,
        targets: &[(&Article, std::ops::Range<usize>)],
        tag: &str,
        annotator: &str,
    ) -> Result<usize, String> {
        // Character ranges first, so a bad one changes nothing.
        let texts: Vec<std::sync::Arc<str>> = targets.iter().map(|(a, _)| a.text()).collect();
        let mut passages = Vec::with_capacity(targets.len());
        for ((article, range), text) in targets.iter().zip(&texts) {
            let ci = CharIndex::new(text);
            let (s, e) = (ci.char_of_byte(range.start), ci.char_of_byte(range.end));
            if s >= e || e > ci.chars() {
                return Err("select a passage first".to_string());
            }
            passages.push(ToTag {
                article: &article.id,
                path: &article.path,
                raw_path: None,
                text,
                start: s,
                end: e,
            });
        }
        self.tag_passages(&passages, tag, "", annotator)
            .map(|t| t.len())
    }

    /// Tags passages (character offsets) with `tag`, created when new, as
    /// one undo step saved at once: what the window and `daftar tag` both
    /// do. A passage tagged before gets the tag (and the note, beside
    /// its own) instead of a copy; each passage is listed once. Nothing
    /// changes when one is refused.
    pub fn tag_passages(
        &mut self,
        passages: &[ToTag<'_>],
        tag: &str,
        note: &str,
        annotator: &str,
    ) -> Result<Vec<Tagged>, String> {
        let tag = tag.trim();
        if tag.is_empty() {
            return Err("the tag name is empty".into());
        }
        let mut result = Ok(Vec::with_capacity(passages.len()));
        self.change(|data, schema| {
            let before = (data.clone(), schema.clone());
            let mut done = Vec::with_capacity(passages.len());
            let mut failed = None;
            schema.ensure(tag);
            for t in passages {
                if let Some(p) = data.passages.iter_mut().find(|p| {
                    p.path == t.path && p.start == t.start && p.end == t.end && !p.orphaned
                }) {
                    if !p.tags.iter().any(|x| x == tag) {
                        p.tags.push(tag.to_string());
                    }
                    // (A note given again is kept beside the one there, never
                    // instead of it.)
                    if p.note.is_empty() {
                        p.note = note.to_string();
                    } else if !note.is_empty() && !p.note.lines().any(|l| l == note) {
                        p.note = format!("{}\n{note}", p.note);
                    }
                    if !done.iter().any(|t: &Tagged| t.id == p.id) {
                        done.push(Tagged::of(p));
                    }
                    continue;
                }
                let at = crate::annotate::Anchor {
                    article: t.article,
                    path: t.path,
                    text: t.text,
                    start: t.start,
                    end: t.end,
                };
                match data.add(
                    at,
                    vec![tag.to_string()],
                    note.to_string(),
                    annotator.into(),
                ) {
                    Ok(id) => {
                        if let Some(p) = data.passages.iter_mut().find(|p| p.id == id) {
                            p.raw_path = t.raw_path.clone();
                            done.push(Tagged::of(p));
                        }
                    }
                    Err(err) => {
                        failed = Some(err.to_string());
                        break;
                    }
                }
            }
            match failed {
                // (Refused: the data as it was, nothing saved.)
                Some(e) => {
                    (*data, *schema) = before;
                    result = Err(e);
                }
                None => result = Ok(done),
            }
        })?;
        result
    }

    /// Anchors passage `id` at `range` (bytes of `article.text()`): how an
    /// annotator fixes an orphaned passage, by selecting where it now is.
    pub fn anchor_passage(
        &mut self,
        id: u64,
        article: &Article,
        range: std::ops::Range<usize>,
    ) -> Result<(), String> {
        let ci = CharIndex::new(&article.text());
        let (start, end) = (ci.char_of_byte(range.start), ci.char_of_byte(range.end));
        let mut result = Ok(());
        self.change(|d, _| {
            if let Some(p) = d.passages.iter_mut().find(|p| p.id == id) {
                let at = crate::annotate::Anchor {
                    article: &article.id,
                    path: &article.path,
                    text: &article.text(),
                    start,
                    end,
                };
                result = p.anchor_to(at).map_err(|e| e.to_string());
            }
        })?;
        result
    }

    /// Replaces passage `id`'s tags (retagging in the passages view); with
    /// none left it is kept, untagged.
    pub fn set_tags(&mut self, id: u64, tags: &[String]) -> Result<(), String> {
        self.change(|d, schema| {
            for t in tags {
                schema.ensure(t);
            }
            if let Some(p) = d.passages.iter_mut().find(|p| p.id == id) {
                p.tags = tags.to_vec();
            }
        })
    }

    /// Sets passage `id`'s note.
    pub fn set_note(&mut self, id: u64, note: &str) -> Result<(), String> {
        self.change(|d, _| {
            if let Some(p) = d.passages.iter_mut().find(|p| p.id == id) {
                p.note = note.to_string();
            }
        })
    }

    /// Removes passage `id`.
    pub fn remove(&mut self, id: u64) -> Result<(), String> {
        self.change(|d, _| d.passages.retain(|p| p.id != id))
    }

    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }

    /// Undoes the last change (saved at once).
    pub fn undo(&mut self) -> Result<(), String> {
        self.step(true)
    }

    /// Redoes the last undone change (saved at once).
    pub fn redo(&mut self) -> Result<(), String> {
        self.step(false)
    }

    fn step(&mut self, back: bool) -> Result<(), String> {
        let (Some(store), Some(root)) = (&mut self.store, &self.root) else {
            return Ok(());
        };
        let (from, to) = if back {
            (&mut self.undo, &mut self.redo)
        } else {
            (&mut self.redo, &mut self.undo)
        };
        let Some((data, schema)) = from.pop() else {
            return Ok(());
        };
        let now = (
            std::mem::replace(&mut store.data, data),
            std::mem::replace(&mut self.schema, schema),
        );
        if let Err(e) = self.schema.save(root).and_then(|()| store.save()) {
            let state = (
                std::mem::replace(&mut store.data, now.0),
                std::mem::replace(&mut self.schema, now.1),
            );
            from.push(state);
            return Err(e.to_string());
        }
        to.push(now);
        self.generation += 1;
        Ok(())
    }

    /// Finds every passage again in the loaded articles (after a load or
    /// a change on disk); saves when something moved. Not undoable: it
    /// follows the files.
    pub fn reanchor(&mut self, articles: &[Article]) {
        let Some(store) = &mut self.store else { return };
        let by_path: std::collections::HashMap<&str, &crate::corpus::Text> = articles
            .iter()
            .map(|a| (a.path.as_str(), &a.text))
            .collect();
        // The texts of the articles with passages only, read once each; a
        // text that does not read back is no text: its passages stay
        // where they were, not orphaned against blanks.
        let mut texts: std::collections::HashMap<String, Option<std::sync::Arc<str>>> =
            std::collections::HashMap::new();
        for p in &store.data.passages {
            if let Some(t) = by_path.get(p.path.as_str())
                && !texts.contains_key(&p.path)
            {
                texts.insert(p.path.clone(), t.try_get());
            }
        }
        let changed = store.reanchor_known(
            |p| texts.get(p).cloned().flatten(),
            |p| texts.get(p).is_some_and(|t| t.is_none()),
        );
        if changed {
            if let Err(e) = store.save() {
                self.note = Some(e.to_string());
            }
            self.generation += 1;
        }
    }
}
