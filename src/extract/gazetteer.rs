//! The names daftar knows: places (CLDR), organisations, outlets and people
//! (`assets/gazetteer/*.ron`), office holders with their titles and terms
//! (`office_holders.ron`), and a corpus's own additions and corrections
//! (`<corpus>/.daftar/entities.ron`, see [`super::curation`]). Every name is
//! indexed by its *joined key*: the search keys of its words run together,
//! so «رئیس جمهور», «رئیس‌جمهور» and «رئيسجمهور» are one surface.

use std::collections::{HashMap, HashSet};
use std::path::Path;

use super::curation::{Edit, UserEntities};
use crate::dates::{Day, OfficeTerm};
use crate::text::tokenize::tokenize;

pub use crate::corpus::found::EntityKind;

pub use super::curation::EntityDef;

/// A known entity.
#[derive(Debug, Clone, PartialEq)]
pub struct Entity {
    pub name: String,
    pub kind: EntityKind,
    pub aliases: Vec<String>,
}

/// What a surface form names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Surface {
    /// Entity number `.0`.
    Entity(u32),
    /// An office's title: the person holding office number `.0`.
    Title(u32),
}

/// One office: its holders' terms (entity, from, to exclusive).
#[derive(Debug, Clone, Default)]
pub struct Office {
    pub id: String,
    pub terms: Vec<(u32, Day, Option<Day>)>,
}

impl Office {
    /// Who held the office on `day`.
    pub fn holder_on(&self, day: Day) -> Option<u32> {
        self.terms
            .iter()
            .find(|(_, from, to)| *from <= day && to.is_none_or(|t| day < t))
            .map(|t| t.0)
    }

    /// Whether entity `e` ever held the office.
    pub fn ever_held_by(&self, e: u32) -> bool {
        self.terms.iter().any(|t| t.0 == e)
    }
}

/// The gazetteer, ready for matching.
#[derive(Debug, Default)]
pub struct Gazetteer {
    pub entities: Vec<Entity>,
    pub offices: Vec<Office>,
    // (FxHash: every word of every article is looked up here while a
    // corpus loads; SipHash's protection against chosen keys buys nothing
    // for a bundled list.)
    surfaces: rustc_hash::FxHashMap<String, Surface>,
    /// Every prefix (in characters) of every surface key: a walk over the
    /// words stops as soon as what it joined is not one.
    prefixes: rustc_hash::FxHashSet<String>,
    /// Joined keys of names a user marked as not an entity.
    rejected: HashSet<String>,
    /// Most words in a surface.
    pub max_words: usize,
    /// Iran and its places (iran_places.ron, and Tehran of CLDR's list).
    iranian: rustc_hash::FxHashSet<u32>,
}

const PLACES_RON: &str = include_str!("../../assets/gazetteer/places.ron");
const ENTITIES_RON: &str = include_str!("../../assets/gazetteer/entities.ron");
const IRAN_PLACES_RON: &str = include_str!("../../assets/gazetteer/iran_places.ron");
const WORLD_PLACES_RON: &str = include_str!("../../assets/gazetteer/world_places.ron");
const OFFICE_HOLDERS_RON: &str = include_str!("../../assets/gazetteer/office_holders.ron");

/// The joined key of a name: its words' search keys run together.
pub fn joined_key(name: &str) -> String {
    tokenize(name).into_iter().map(|t| t.key).collect()
}

impl Gazetteer {
    /// The bundled gazetteer. The data is compiled in and parsed by a
    /// test, so a parse failure is a build defect.
    pub fn bundled() -> Gazetteer {
        Gazetteer::build(&UserEntities::default())
    }

    /// The bundled gazetteer with a corpus's own file applied (a missing
    /// file is no file; a broken one is reported and ignored).
    pub fn for_corpus(root: &Path) -> (Gazetteer, Option<String>) {
        match UserEntities::load(root) {
            Ok(user) => (Gazetteer::build(&user), None),
            Err(e) => (Gazetteer::bundled(), Some(e.to_string())),
        }
    }

    /// The bundled data with `user`'s entities and edits applied in order.
    pub fn build(user: &UserEntities) -> Gazetteer {
        let mut defs: Vec<EntityDef> = Vec::new();
        let places: Vec<EntityDef> = ron::from_str(PLACES_RON).expect("bundled places.ron parses");
        let others: Vec<EntityDef> =
            ron::from_str(ENTITIES_RON).expect("bundled entities.ron parses");
        let terms: Vec<OfficeTerm> =
            ron::from_str(OFFICE_HOLDERS_RON).expect("bundled office_holders.ron parses");
        defs.extend(places);
        defs.extend(others);
        // News outlets are organisations («به گزارش ایرنا»), except those
        // whose name is a common word or another entity (a month, a
        // province, «east», «trust», «choice» …): those are named only
        // where a cue says so.
        const AMBIGUOUS: &[&str] = &[
            "مهر",
            "فارس",
            "ایران",
            "شرق",
            "اعتماد",
            "انتخاب",
            "کیهان",
            "میزان",
            "دانشجو",
            "برنا",
            "همشهری",
            "تاس",
            "آناتولی",
            "AP",
        ];
        for (name, aliases) in crate::corpus::outlets::bundled_names() {
            let taken = |n: &str| {
                defs.iter()
                    .any(|e| e.name == n || e.aliases.iter().any(|a| a == n))
            };
            if AMBIGUOUS.contains(&name.as_str()) || taken(&name) {
                continue;
            }
            let aliases = aliases
                .into_iter()
                .filter(|a| !AMBIGUOUS.contains(&a.as_str()) && !taken(a))
                .collect();
            defs.push(EntityDef {
                name,
                kind: EntityKind::Org,
                aliases,
            });
        }
        // Iran's provinces, counties, cities, rivers and regions, then the
        // foreign places CLDR lacks: those not already there.
        let iran: Vec<EntityDef> =
            ron::from_str(IRAN_PLACES_RON).expect("bundled iran_places.ron parses");
        let world: Vec<EntityDef> =
            ron::from_str(WORLD_PLACES_RON).expect("bundled world_places.ron parses");
        let mut names: HashSet<String> = defs.iter().map(|e| e.name.clone()).collect();
        let mut iranian: HashSet<String> = ["ایران", "تهران"].map(String::from).into();
        iranian.extend(iran.iter().map(|d| d.name.clone()));
        for d in iran.into_iter().chain(world) {
            if names.insert(d.name.clone()) {
                defs.push(d);
            }
        }
        // Office holders are people; one entity per person.
        for t in &terms {
            if !defs.iter().any(|d| d.name == t.name) {
                defs.push(EntityDef {
                    name: t.name.clone(),
                    kind: EntityKind::Person,
                    aliases: t.aliases.clone(),
                });
            }
        }
        // The user's own entities replace bundled ones of the same name.
        for u in &user.entities {
            let k = joined_key(&u.name);
            defs.retain(|d| joined_key(&d.name) != k);
            defs.push(u.clone());
        }
        let mut rejected = HashSet::new();
        // Office terms follow the person through renames and merges.
        let mut term_names: Vec<String> = terms.iter().map(|t| t.name.clone()).collect();
        for edit in &user.edits {
            apply(edit, &mut defs, &mut rejected, &mut term_names);
        }

        let mut g = Gazetteer {
            rejected,
            ..Default::default()
        };
        let mut index_of: HashMap<String, u32> = HashMap::new();
        for d in defs {
            let id = g.entities.len() as u32;
            index_of.insert(joined_key(&d.name), id);
            if iranian.contains(&d.name) {
                g.iranian.insert(id);
            }
            g.entities.push(Entity {
                name: d.name,
                kind: d.kind,
                aliases: d.aliases,
            });
        }
        // Names first (a name beats an alias of another entity), then
        // aliases; the first entity to claim a surface keeps it.
        for (i, e) in g.entities.iter().enumerate() {
            let key = joined_key(&e.name);
            g.surfaces.entry(key).or_insert(Surface::Entity(i as u32));
        }
        for (i, e) in g.entities.iter().enumerate() {
            for a in &e.aliases {
                g.surfaces
                    .entry(joined_key(a))
                    .or_insert(Surface::Entity(i as u32));
            }
        }
        // Offices and their titles (titles never displace a name).
        let mut office_of: HashMap<String, u32> = HashMap::new();
        for (t, name) in terms.iter().zip(&term_names) {
            let Some(&e) = index_of.get(&joined_key(name)) else {
                continue; // the user removed the person
            };
            let o = *office_of.entry(t.office.clone()).or_insert_with(|| {
                g.offices.push(Office {
                    id: t.office.clone(),
                    terms: Vec::new(),
                });
                (g.offices.len() - 1) as u32
            });
            g.offices[o as usize].terms.push((e, t.from, t.to));
            for title in &t.titles {
                g.surfaces
                    .entry(joined_key(title))
                    .or_insert(Surface::Title(o));
            }
        }
        g.surfaces
            .retain(|k, _| !k.is_empty() && !g.rejected.contains(k));
        for k in g.surfaces.keys() {
            let mut p = String::new();
            for c in k.chars() {
                p.push(c);
                g.prefixes.insert(p.clone());
            }
        }
        g.max_words = 8;
        g
    }

    /// What `joined` (a joined key) names.
    pub fn surface(&self, joined: &str) -> Option<Surface> {
        self.surfaces.get(joined).copied()
    }

    /// Whether some surface starts with `joined`.
    pub fn is_prefix(&self, joined: &str) -> bool {
        self.prefixes.contains(joined)
    }

    /// Whether entity `e` is Iran or one of its places.
    pub fn is_iranian(&self, e: u32) -> bool {
        self.iranian.contains(&e)
    }

    /// Whether a user marked `joined` as not an entity.
    pub fn is_rejected(&self, joined: &str) -> bool {
        self.rejected.contains(joined)
    }

    /// The entity named `name` (by name or alias, any spelling).
    pub fn find(&self, name: &str) -> Option<u32> {
        match self.surface(&joined_key(name))? {
            Surface::Entity(e) => Some(e),
            Surface::Title(_) => None,
        }
    }
}

/// Applies one curation edit to the entity definitions.
fn apply(
    edit: &Edit,
    defs: &mut Vec<EntityDef>,
    rejected: &mut HashSet<String>,
    term_names: &mut [String],
) {
    let pos = |defs: &Vec<EntityDef>, name: &str| {
        let k = joined_key(name);
        defs.iter().position(|d| joined_key(&d.name) == k)
    };
    let rename_terms = |term_names: &mut [String], from: &str, to: &str| {
        let k = joined_key(from);
        for n in term_names.iter_mut() {
            if joined_key(n) == k {
                *n = to.to_string();
            }
        }
    };
    match edit {
        Edit::Add {
            name,
            kind,
            aliases,
        } => {
            rejected.remove(&joined_key(name));
            match pos(defs, name) {
                Some(i) => {
                    defs[i].kind = *kind;
                    for a in aliases {
                        if !defs[i].aliases.contains(a) {
                            defs[i].aliases.push(a.clone());
                        }
                    }
                }
                None => defs.push(EntityDef {
                    name: name.clone(),
                    kind: *kind,
                    aliases: aliases.clone(),
                }),
            }
        }
        Edit::Alias { entity, alias } => {
            let i = match pos(defs, entity) {
                Some(i) => i,
                None => {
                    // A candidate becomes a known person.
                    defs.push(EntityDef {
                        name: entity.clone(),
                        kind: EntityKind::Person,
                        aliases: Vec::new(),
                    });
                    defs.len() - 1
                }
            };
            rejected.remove(&joined_key(alias));
            if !defs[i].aliases.contains(alias) {
                defs[i].aliases.push(alias.clone());
            }
        }
        Edit::Rename { from, to } => {
            if let Some(i) = pos(defs, from) {
                let old = std::mem::replace(&mut defs[i].name, to.clone());
                if !defs[i].aliases.contains(&old) {
                    defs[i].aliases.push(old);
                }
                rename_terms(term_names, from, to);
            }
        }
        Edit::Kind { entity, kind } => match pos(defs, entity) {
            Some(i) => defs[i].kind = *kind,
            None => defs.push(EntityDef {
                name: entity.clone(),
                kind: *kind,
                aliases: Vec::new(),
            }),
        },
        Edit::Merge { from, into } => {
            let taken = pos(defs, from).map(|i| defs.remove(i));
            let into_i = match pos(defs, into) {
                Some(i) => i,
                None => {
                    defs.push(EntityDef {
                        name: into.clone(),
                        kind: taken.as_ref().map_or(EntityKind::Person, |t| t.kind),
                        aliases: Vec::new(),
                    });
                    defs.len() - 1
                }
            };
            let mut names = vec![from.clone()];
            if let Some(t) = taken {
                names.push(t.name);
                names.extend(t.aliases);
            }
            for n in names {
                if n != defs[into_i].name && !defs[into_i].aliases.contains(&n) {
                    defs[into_i].aliases.push(n);
                }
            }
            rename_terms(term_names, from, into);
        }
        Edit::NotEntity { name } => {
            if let Some(i) = pos(defs, name) {
                defs.remove(i);
            }
            rejected.insert(joined_key(name));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bundled_data_parses_and_spellings_meet() {
        let g = Gazetteer::bundled();
        assert!(g.entities.len() > 400, "{}", g.entities.len());
        let putin = g.find("پوتین").expect("Putin is known");
        assert_eq!(g.entities[putin as usize].name, "ولادیمیر پوتین");
        assert_eq!(g.find("ولاديمير پوتين"), Some(putin), "Arabic yeh");
        assert_eq!(g.find("آمريكا"), g.find("ایالات متحده"));
        assert!(matches!(
            g.surface(&joined_key("رئیس‌جمهور")),
            Some(Surface::Title(_))
        ));
        assert_eq!(
            g.surface(&joined_key("رئيس جمهور")),
            g.surface(&joined_key("رئیسجمهور"))
        );
        assert_eq!(g.find("رئیس"), None, "a title word is no entity");
        assert_eq!(g.find("آستانه"), None, "ambiguous, left out");
        let sco = g.find("شانگهای").unwrap();
        assert_eq!(g.entities[sco as usize].kind, EntityKind::Org);
    }
}
