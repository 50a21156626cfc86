//! What articles name and say: entity mentions ([`entities`]) found with
//! the gazetteer ([`gazetteer`]) and a corpus's own corrections
//! ([`curation`]). Extraction runs while a folder loads; the mentions stay
//! with each article, so panels and commands count them without reading
//! files again, and a curation edit re-matches the texts in memory.

pub mod curation;
pub mod entities;
pub mod gazetteer;

use std::collections::{BTreeMap, HashMap, HashSet};

pub use curation::{Edit, UserEntities};
pub use entities::{EntityRef, Mention, Via, extract};
pub use gazetteer::{EntityKind, Gazetteer};

use crate::corpus::Article;

/// An entity as shown: its name, kind and whether it is only a candidate.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct EntityName {
    pub name: String,
    pub kind: EntityKind,
    pub candidate: bool,
}

impl EntityName {
    pub fn of(g: &Gazetteer, r: &EntityRef) -> EntityName {
        match r {
            EntityRef::Known(e) => {
                let e = &g.entities[*e as usize];
                EntityName {
                    name: e.name.clone(),
                    kind: e.kind,
                    candidate: false,
                }
            }
            EntityRef::Candidate(n) => EntityName {
                name: n.to_string(),
                kind: EntityKind::Person,
                candidate: true,
            },
        }
    }
}

/// One article's mentions grouped by entity, in order of first mention.
pub fn by_entity<'a>(
    g: &Gazetteer,
    mentions: &'a [Mention],
) -> Vec<(EntityName, Vec<&'a Mention>)> {
    let mut order: Vec<(EntityName, Vec<&Mention>)> = Vec::new();
    let mut at: HashMap<&EntityRef, usize> = HashMap::new();
    for m in mentions {
        let i = *at.entry(&m.entity).or_insert_with(|| {
            order.push((EntityName::of(g, &m.entity), Vec::new()));
            order.len() - 1
        });
        order[i].1.push(m);
    }
    order
}

/// Article and mention counts of one entity over a set of articles.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct EntityCount {
    pub articles: usize,
    pub mentions: usize,
}

/// Counts every entity's articles and mentions over `articles`.
pub fn count<'a>(
    articles: impl IntoIterator<Item = &'a Article>,
) -> HashMap<EntityRef, EntityCount> {
    let mut out: HashMap<EntityRef, EntityCount> = HashMap::new();
    for a in articles {
        let mut seen: HashSet<&EntityRef> = HashSet::new();
        for m in &a.mentions {
            let c = out.entry(m.entity.clone()).or_default();
            c.mentions += 1;
            if seen.insert(&m.entity) {
                c.articles += 1;
            }
        }
    }
    out
}

/// The entities most often in the same articles as `of`, most first.
pub fn co_occurring<'a>(
    articles: impl IntoIterator<Item = &'a Article>,
    of: &EntityRef,
    limit: usize,
) -> Vec<(EntityRef, usize)> {
    let mut counts: HashMap<&EntityRef, usize> = HashMap::new();
    for a in articles {
        if !a.mentions.iter().any(|m| &m.entity == of) {
            continue;
        }
        let others: HashSet<&EntityRef> = a
            .mentions
            .iter()
            .map(|m| &m.entity)
            .filter(|e| *e != of)
            .collect();
        for e in others {
            *counts.entry(e).or_default() += 1;
        }
    }
    let mut v: Vec<(EntityRef, usize)> = counts.into_iter().map(|(e, n)| (e.clone(), n)).collect();
    v.sort_by(|a, b| {
        b.1.cmp(&a.1)
            .then_with(|| format!("{:?}", a.0).cmp(&format!("{:?}", b.0)))
    });
    v.truncate(limit);
    v
}

/// Sorted names per kind, for listings.
pub fn names_by_kind(g: &Gazetteer) -> BTreeMap<EntityKind, Vec<&str>> {
    let mut m: BTreeMap<EntityKind, Vec<&str>> = BTreeMap::new();
    for e in &g.entities {
        m.entry(e.kind).or_default().push(&e.name);
    }
    m
}
