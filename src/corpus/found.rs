//! What extraction finds in an article and the article keeps — its entity
//! mentions and statements — as types only. They live here, with the
//! article, so that reading a corpus needs nothing of extraction;
//! [`crate::extract`] finds them (and re-exports these types).

use std::ops::Range;

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
/// carry it, and carried as its number in the process's table of names
/// (a hundred thousand articles have three million mentions and a few
/// thousand names: a mention is 24 bytes).
#[derive(Clone, Copy, PartialEq, Eq)]
pub struct Name(std::num::NonZeroU32);

/// The names by number: segment `k` holds numbers `2^k .. 2^(k+1)`, made
/// when the first of them is given; read without a lock.
static TABLE: [std::sync::OnceLock<Box<[std::sync::OnceLock<Entry>]>>; 32] =
    [const { std::sync::OnceLock::new() }; 32];

/// A name's text, and the number and hash of its text without spaces and
/// joiners: names of one entity however spaced compare by the number and
/// hash by the hash, without going over their letters.
struct Entry {
    text: &'static str,
    spaceless: u32,
    spaceless_hash: u64,
}

/// The names' numbers by text, and the next number.
static NAMES: std::sync::Mutex<Option<(rustc_hash::FxHashMap<&'static str, Name>, u32)>> =
    std::sync::Mutex::new(None);

thread_local! {
    /// The names this thread has seen (the store is read on several
    /// threads: not one lock per mention).
    static SEEN: std::cell::RefCell<rustc_hash::FxHashMap<&'static str, Name>> =
        std::cell::RefCell::new(Default::default());
}

/// Lets go of this thread's table of the names it has seen (after a
/// store was read on it).
pub fn forget_seen() {
    SEEN.with(|s| *s.borrow_mut() = Default::default());
}

/// Where number `i` (at least 1) is in [`TABLE`].
fn slot(i: u32) -> (usize, usize) {
    let k = 31 - i.leading_zeros();
    (k as usize, (i - (1 << k)) as usize)
}

impl Name {
    pub fn new(name: &str) -> Name {
        if let Some(n) = SEEN.with(|s| s.borrow().get(name).copied()) {
            return n;
        }
        let n = Self::kept(name);
        SEEN.with(|s| s.borrow_mut().insert(n.as_str(), n));
        n
    }

    /// `name` from the process's names, added when new.
    fn kept(name: &str) -> Name {
        // (A panic while the table was held cannot have left it half
        // changed: numbers are given after the text is in place.)
        let mut names = NAMES.lock().unwrap_or_else(|e| e.into_inner());
        let (by_text, next) = names.get_or_insert_with(|| (Default::default(), 1));
        Self::add(by_text, next, name)
    }

    /// [`Self::kept`] with the table held.
    fn add(
        by_text: &mut rustc_hash::FxHashMap<&'static str, Name>,
        next: &mut u32,
        name: &str,
    ) -> Name {
        if let Some(n) = by_text.get(name) {
            return *n;
        }
        let spaceless: String = spacing_free(name).collect();
        let same = spaceless == name;
        let spaceless_number = if same {
            *next
        } else {
            Self::add(by_text, next, &spaceless).0.get()
        };
        let spaceless_hash = {
            use std::hash::{Hash, Hasher};
            let mut h = rustc_hash::FxHasher::default();
            spaceless.hash(&mut h);
            h.finish()
        };
        let text: &'static str = Box::leak(name.to_string().into_boxed_str());
        let (k, at) = slot(*next);
        let segment = TABLE[k].get_or_init(|| {
            (0..1usize << k)
                .map(|_| std::sync::OnceLock::new())
                .collect()
        });
        let _ = segment[at].set(Entry {
            text,
            spaceless: spaceless_number,
            spaceless_hash,
        });
        let n = Name(std::num::NonZeroU32::new(*next).unwrap_or(std::num::NonZeroU32::MIN));
        *next += 1;
        by_text.insert(text, n);
        n
    }

    fn entry(&self) -> Option<&'static Entry> {
        let (k, at) = slot(self.0.get());
        TABLE[k].get().and_then(|s| s.get(at)).and_then(|e| e.get())
    }

    /// The number and hash of the name without spaces and joiners.
    fn spaceless(&self) -> (u32, u64) {
        self.entry()
            .map_or((self.0.get(), 0), |e| (e.spaceless, e.spaceless_hash))
    }

    pub fn as_str(&self) -> &'static str {
        self.entry().map_or("", |e| e.text)
    }

    /// The name's number in this process's table (what
    /// [`super::findings`] packs).
    pub(crate) fn number(&self) -> u32 {
        self.0.get()
    }

    /// The name of number `n`, if this process gave it.
    pub(crate) fn from_number(n: u32) -> Option<Name> {
        let name = Name(std::num::NonZeroU32::new(n)?);
        name.entry().map(|_| name)
    }
}

impl std::ops::Deref for Name {
    type Target = str;
    fn deref(&self) -> &str {
        self.as_str()
    }
}

impl AsRef<str> for Name {
    fn as_ref(&self) -> &str {
        self.as_str()
    }
}

impl std::borrow::Borrow<str> for Name {
    fn borrow(&self) -> &str {
        self.as_str()
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

impl PartialOrd for Name {
    fn partial_cmp(&self, other: &Name) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Name {
    fn cmp(&self, other: &Name) -> std::cmp::Ordering {
        self.as_str().cmp(other.as_str())
    }
}

impl std::hash::Hash for Name {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.as_str().hash(state)
    }
}

impl std::fmt::Debug for Name {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        std::fmt::Debug::fmt(self.as_str(), f)
    }
}

impl std::fmt::Display for Name {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl serde::Serialize for Name {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
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
#[derive(Debug, Clone, Copy, serde::Serialize, serde::Deserialize)]
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
                a.spaceless().0 == b.spaceless().0
            }
            (EntityRef::Named(a, ka), EntityRef::Named(b, kb)) => {
                ka == kb && a.spaceless().0 == b.spaceless().0
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
            EntityRef::Candidate(n) => n.spaceless().1.hash(state),
            EntityRef::Named(n, k) => {
                k.hash(state);
                n.spaceless().1.hash(state);
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
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
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
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum StatementKind {
    #[default]
    Direct,
    Indirect,
}

/// One statement; ranges are byte ranges into the article's text (kept
/// as `u32`: a hundred thousand articles have over a million statements;
/// the methods give them as `usize` ranges).
#[derive(Debug, Clone, PartialEq, Default, serde::Serialize, serde::Deserialize)]
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_name_is_kept_once_and_read_back_as_the_same() {
        let a = Name::new(&String::from("سازمان غذا و دارو"));
        let b = Name::from(String::from("سازمان غذا و دارو"));
        assert_eq!(a, b);
        assert!(std::ptr::eq(a.as_str(), b.as_str()));
        assert_eq!(&*a, "سازمان غذا و دارو");
        // (As the store writes and reads it: a string.)
        let bytes = postcard::to_allocvec(&Some(a)).expect("written");
        let back: Option<Name> = postcard::from_bytes(&bytes).expect("read");
        assert!(std::ptr::eq(back.expect("a name").as_str(), a.as_str()));
        assert_ne!(Name::new("سازمان غذا"), a);
        // One entity however spaced: «امیر قلعه‌نویی», «امیر قلعهنویی»,
        // «امیر قلعه نویی» (a ZWNJ, nothing, a space).
        let spellings = ["امیر قلعه\u{200C}نویی", "امیر قلعهنویی", "امیر قلعه نویی"];
        let refs: Vec<EntityRef> = spellings
            .iter()
            .map(|s| EntityRef::Candidate(Name::new(s)))
            .collect();
        let hash = |e: &EntityRef| {
            use std::hash::{BuildHasher, BuildHasherDefault};
            BuildHasherDefault::<rustc_hash::FxHasher>::default().hash_one(e)
        };
        assert!(
            refs.iter()
                .all(|r| *r == refs[0] && hash(r) == hash(&refs[0]))
        );
        assert_eq!(refs[2], EntityRef::Candidate(Name::new("امیرقلعه‌نویی")));
        assert_ne!(refs[0], EntityRef::Candidate(Name::new("امیر قلعه‌نوی")));
        assert_ne!(
            refs[0],
            EntityRef::Named(Name::new("امیر قلعهنویی"), EntityKind::Org)
        );
        // (A mention is small: a hundred thousand articles hold three
        // million of them.)
        assert!(std::mem::size_of::<Mention>() <= 24);
        assert!(std::mem::size_of::<Statement>() <= 40);
    }

    #[test]
    fn names_given_on_several_threads_read_back_as_written() {
        assert_eq!(slot(1), (0, 0));
        assert_eq!(slot(2), (1, 0));
        assert_eq!(slot(3), (1, 1));
        assert_eq!(slot(4), (2, 0));
        assert_eq!(slot(u32::MAX), (31, (1 << 31) - 1));
        let threads: Vec<_> = (0..4)
            .map(|t| {
                std::thread::spawn(move || {
                    (0..3000)
                        .map(|i| {
                            // (Every thread gives the same names, in its own order.)
                            let text = format!("نام {}", (i * (t + 1)) % 3000);
                            (Name::new(&text), text)
                        })
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        let mut by_text = std::collections::HashMap::new();
        for t in threads {
            for (name, text) in t.join().expect("a thread") {
                assert_eq!(name.as_str(), text);
                assert_eq!(*by_text.entry(text).or_insert(name), name);
            }
        }
        assert_eq!(by_text.len(), 3000);
    }
}
