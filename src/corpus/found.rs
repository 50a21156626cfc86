//! What extraction finds in an article and the article keeps — its entity
//! mentions and statements — as types only. They live here, with the
//! article, so that reading a corpus needs nothing of extraction;
//! [`crate::extract`] finds them (and re-exports these types).

use std::ops::Range;
use std::sync::Arc;

/// What an entity is.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    serde::Serialize,
    serde::Deserialize,
    Default,
)]
#[serde(rename_all = "lowercase")]
pub enum EntityKind {
    #[default]
    Person,
    Place,
    Org,
}

impl EntityKind {
    pub const ALL: [EntityKind; 3] = [EntityKind::Person, EntityKind::Place, EntityKind::Org];

    pub fn as_str(self) -> &'static str {
        match self {
            EntityKind::Person => "person",
            EntityKind::Place => "place",
            EntityKind::Org => "org",
        }
    }
}

/// A name as written in an article (a candidate's, a named body's, a
/// role): kept once for the life of the process however many mentions
/// carry it, and carried as one pointer (a hundred thousand articles have
/// three million mentions, a few thousand names).
#[derive(Clone, Copy)]
pub struct Name(&'static &'static str);

static NAMES: std::sync::Mutex<Option<rustc_hash::FxHashMap<&'static str, &'static &'static str>>> =
    std::sync::Mutex::new(None);

thread_local! {
    /// The names this thread has seen (the store is read on several
    /// threads: not one lock per mention).
    static SEEN: std::cell::RefCell<rustc_hash::FxHashMap<&'static str, &'static &'static str>> =
        std::cell::RefCell::new(Default::default());
}

impl Name {
    pub fn new(name: &str) -> Name {
        if let Some(n) = SEEN.with(|s| s.borrow().get(name).copied()) {
            return Name(n);
        }
        let n = Self::kept(name);
        SEEN.with(|s| s.borrow_mut().insert(n.0, n.0));
        n
    }

    /// `name` from the process's names, added when new.
    fn kept(name: &str) -> Name {
        let leak = |n: &str| -> &'static &'static str {
            Box::leak(Box::new(&*Box::leak(n.to_string().into_boxed_str())))
        };
        let Ok(mut names) = NAMES.lock() else {
            // (Poisoned by a panic elsewhere while inserting: still right.)
            return Name(leak(name));
        };
        let names = names.get_or_insert_with(Default::default);
        if let Some(n) = names.get(name) {
            return Name(n);
        }
        let n = leak(name);
        names.insert(n, n);
        Name(n)
    }

    pub fn as_str(&self) -> &'static str {
        self.0
    }
}

impl std::ops::Deref for Name {
    type Target = str;
    fn deref(&self) -> &str {
        self.0
    }
}

impl AsRef<str> for Name {
    fn as_ref(&self) -> &str {
        self.0
    }
}

impl std::borrow::Borrow<str> for Name {
    fn borrow(&self) -> &str {
        self.0
    }
}

impl From<&str> for Name {
    fn from(n: &str) -> Name {
        Name::new(n)
    }
}

impl From<&String> for Name {
    fn from(n: &String) -> Name {
        Name::new(n)
    }
}

impl From<String> for Name {
    fn from(n: String) -> Name {
        Name::new(&n)
    }
}

impl PartialEq for Name {
    fn eq(&self, other: &Name) -> bool {
        // (Interned: the same text is the same pointer.)
        std::ptr::eq(self.0, other.0) || self.0 == other.0
    }
}

impl Eq for Name {}

impl PartialOrd for Name {
    fn partial_cmp(&self, other: &Name) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Name {
    fn cmp(&self, other: &Name) -> std::cmp::Ordering {
        self.0.cmp(other.0)
    }
}

impl std::hash::Hash for Name {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.0.hash(state)
    }
}

impl std::fmt::Debug for Name {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        std::fmt::Debug::fmt(self.0, f)
    }
}

impl std::fmt::Display for Name {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.0)
    }
}

impl serde::Serialize for Name {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.0)
    }
}

impl<'de> serde::Deserialize<'de> for Name {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Name, D::Error> {
        let s: std::borrow::Cow<'de, str> = serde::Deserialize::deserialize(d)?;
        Ok(Name::new(&s))
    }
}

/// Who a mention names. Candidates and named bodies are one entity
/// whatever their spacing: «امیر قلعه‌نویی», «امیر قلعهنویی» and «امیر
/// قلعه نویی» compare and hash equal (letters are already Persian, see
/// [`name_text`]).
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub enum EntityRef {
    /// Entity number `.0` of the gazetteer.
    Known(u32),
    /// A candidate person, by the name as first written.
    Candidate(Name),
    /// A candidate organisation or place found by its head noun («سازمان
    /// غذا و دارو», «رودخانه کارون»), by the name as first written.
    Named(Name, EntityKind),
}

/// A name's characters without spaces and zero-width joiners.
fn spacing_free(n: &str) -> impl Iterator<Item = char> + '_ {
    n.chars()
        .filter(|c| !matches!(c, ' ' | '\u{200C}' | '\u{200D}' | '\u{00A0}'))
}

impl PartialEq for EntityRef {
    fn eq(&self, other: &EntityRef) -> bool {
        match (self, other) {
            (EntityRef::Known(a), EntityRef::Known(b)) => a == b,
            (EntityRef::Candidate(a), EntityRef::Candidate(b)) => {
                spacing_free(a).eq(spacing_free(b))
            }
            (EntityRef::Named(a, ka), EntityRef::Named(b, kb)) => {
                ka == kb && spacing_free(a).eq(spacing_free(b))
            }
            _ => false,
        }
    }
}

impl Eq for EntityRef {}

impl std::hash::Hash for EntityRef {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        std::mem::discriminant(self).hash(state);
        match self {
            EntityRef::Known(e) => e.hash(state),
            EntityRef::Candidate(n) => spacing_free(n).for_each(|c| c.hash(state)),
            EntityRef::Named(n, k) => {
                k.hash(state);
                spacing_free(n).for_each(|c| c.hash(state));
            }
        }
    }
}

/// How the mention names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Via {
    Name,
    /// An office title, resolved to its holder.
    Title,
    /// Introduced by a cue (candidates), or by a head noun (bodies and
    /// places).
    Cue(Evidence),
}

/// What introduces a candidate: why daftar takes it for a name.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
pub enum Evidence {
    /// «آقای X», «دکتر X».
    Honorific,
    /// A role in apposition, «X، سرمربی …» or «رئیس‌کل …، X،».
    Role,
    /// A verb of saying right after the name, «X گفت».
    Says,
    /// A given name and a family name of the list or shape.
    FamilyName,
    /// A head noun, «سازمان …», «رودخانه …».
    HeadNoun,
}

impl Evidence {
    pub fn as_str(self) -> &'static str {
        match self {
            Evidence::Honorific => "honorific",
            Evidence::Role => "role",
            Evidence::Says => "says",
            Evidence::FamilyName => "family name",
            Evidence::HeadNoun => "head noun",
        }
    }
}

/// One mention: byte range in the article's text.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Mention {
    pub entity: EntityRef,
    pub start: u32,
    pub end: u32,
    pub via: Via,
    /// The role a candidate was introduced with, as written («رئیس‌کل
    /// بانک مرکزی» for «صالحی‌نیا، رئیس‌کل بانک مرکزی، …»): on the
    /// introduction and on the later mentions by that role.
    pub role: Option<Name>,
}

impl Mention {
    pub fn range(&self) -> Range<usize> {
        self.start as usize..self.end as usize
    }
}

/// Quoted or reported.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum StatementKind {
    Direct,
    Indirect,
}

/// One statement; ranges are byte ranges into the article's text (kept
/// as `u32`: a hundred thousand articles have over a million statements;
/// the methods give them as `usize` ranges).
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Statement {
    pub speaker: Option<EntityRef>,
    /// Where the speaker is named (the subject, «وی», a title …).
    pub mention: Option<Range<u32>>,
    pub cue: Range<u32>,
    pub kind: StatementKind,
    /// What was said.
    pub range: Range<u32>,
}

/// A byte range of a text as kept (texts are under 4 GiB: files over
/// [`crate::corpus::loader`]'s size limit are not read).
pub fn narrow(r: Range<usize>) -> Range<u32> {
    r.start as u32..r.end as u32
}

fn wide(r: &Range<u32>) -> Range<usize> {
    r.start as usize..r.end as usize
}

impl Statement {
    /// What was said.
    pub fn range(&self) -> Range<usize> {
        wide(&self.range)
    }

    /// The verb of saying.
    pub fn cue(&self) -> Range<usize> {
        wide(&self.cue)
    }

    /// Where the speaker is named.
    pub fn mention(&self) -> Option<Range<usize>> {
        self.mention.as_ref().map(wide)
    }
}

/// What an article's own reading found, kept beside what discovery across
/// the corpus made of it: discovery is done again from this whenever the
/// corpus changes, so a name whose introducing article is gone is
/// withdrawn from the others.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Own {
    pub mentions: Arc<[Mention]>,
    pub statements: Arc<[Statement]>,
    pub unconfirmed: Arc<[(u32, u32)]>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_name_is_kept_once_and_read_back_as_the_same() {
        let a = Name::new(&String::from("سازمان غذا و دارو"));
        let b = Name::from(String::from("سازمان غذا و دارو"));
        assert!(std::ptr::eq(a.as_str(), b.as_str()));
        assert_eq!(&*a, "سازمان غذا و دارو");
        // (As the store writes and reads it: a string.)
        let bytes = postcard::to_allocvec(&Some(a)).expect("written");
        let back: Option<Name> = postcard::from_bytes(&bytes).expect("read");
        assert!(std::ptr::eq(back.expect("a name").as_str(), a.as_str()));
        assert_ne!(Name::new("سازمان غذا"), a);
        // (A mention is small: a hundred thousand articles hold three
        // million of them.)
        assert!(std::mem::size_of::<Mention>() <= 40);
        assert!(std::mem::size_of::<Statement>() <= 48);
    }
}
