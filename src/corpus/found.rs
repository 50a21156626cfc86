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

/// Who a mention names. Candidates and named bodies are one entity
/// whatever their spacing: «امیر قلعه‌نویی», «امیر قلعهنویی» and «امیر
/// قلعه نویی» compare and hash equal (letters are already Persian, see
/// [`name_text`]).
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub enum EntityRef {
    /// Entity number `.0` of the gazetteer.
    Known(u32),
    /// A candidate person, by the name as first written.
    Candidate(#[serde(deserialize_with = "super::statics::shared")] Arc<str>),
    /// A candidate organisation or place found by its head noun («سازمان
    /// غذا و دارو», «رودخانه کارون»), by the name as first written.
    Named(
        #[serde(deserialize_with = "super::statics::shared")] Arc<str>,
        EntityKind,
    ),
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
    #[serde(deserialize_with = "super::statics::shared_opt")]
    pub role: Option<Arc<str>>,
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

/// One statement; ranges are byte ranges into the article's text.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Statement {
    pub speaker: Option<EntityRef>,
    /// Where the speaker is named (the subject, «وی», a title …).
    pub mention: Option<Range<usize>>,
    pub cue: Range<usize>,
    pub kind: StatementKind,
    /// What was said.
    pub range: Range<usize>,
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
