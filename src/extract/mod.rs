//! What articles name and say: entity mentions ([`entities`]) found with
//! the gazetteer ([`gazetteer`]) and a corpus's own corrections
//! ([`curation`]). Extraction runs while a folder loads; the mentions stay
//! with each article, so panels and commands count them without reading
//! files again, and a curation edit re-matches the texts in memory.

pub mod compare;
pub mod curation;
pub mod entities;
pub mod gazetteer;
pub mod names;
pub mod statements;

use std::collections::HashMap;

use rustc_hash::{FxHashMap, FxHashSet};
use std::sync::Arc;

pub use crate::corpus::findings::Findings;
pub use curation::{Edit, UserEntities};
pub use entities::{EntityRef, Evidence, Mention, Name, Via, extract, extract_all};
pub use gazetteer::{EntityKind, Gazetteer};
pub use statements::{ArticleParts, Statement, StatementKind, statements};

/// What [`analyse`] finds in one article.
#[derive(Debug, Clone, Default)]
pub struct Analysis {
    /// Mentions, statements and unconfirmed names (byte ranges of names
    /// shaped like a person's without the evidence in the article, for
    /// [`discover`]).
    pub found: Findings,
    /// For an analysis [`discover`] made: what the article's own reading
    /// found.
    pub own: Option<Findings>,
}

impl Analysis {
    /// Puts the analysis into its article.
    pub fn apply(self, a: &mut crate::corpus::Article) {
        a.found = self.found;
        a.own = self.own;
    }

    /// An article's analysis as it stands.
    pub fn of(a: &crate::corpus::Article) -> Analysis {
        Analysis {
            found: a.found.clone(),
            own: a.own.clone(),
        }
    }

    /// What an article's own reading found (discovery's part taken back).
    pub fn own_of(a: &crate::corpus::Article) -> Analysis {
        Analysis {
            found: a.own.clone().unwrap_or_else(|| a.found.clone()),
            own: None,
        }
    }

    /// Nothing found (an article whose analysis failed).
    pub fn empty() -> Analysis {
        Analysis::default()
    }
}

/// An article's entity mentions, then its statements (whose speakers
/// are those mentions).
pub fn analyse(g: &Gazetteer, a: &crate::corpus::Article) -> Analysis {
    let (mentions, unconfirmed) =
        entities::extract_all(g, &a.text(), a.date.as_ref().map(|d| d.day));
    let st = statements(g, &a.text(), &mentions, &ArticleParts::of(a));
    Analysis {
        found: Findings::new(&mentions, &st, &unconfirmed),
        own: None,
    }
}

/// What the loader calls on each article it reads: [`analyse`] with `g`.
pub fn analyser(g: Arc<Gazetteer>) -> crate::corpus::loader::Analyser {
    Arc::new(move |a: &mut crate::corpus::Article| analyse(&g, a).apply(a))
}

/// Corpus-level discovery (issue 16): a person one article introduces
/// with evidence (an honorific, a role, a verb of saying, a family name's
/// shape) is known in every article of the corpus that writes the same
/// name in any spelling without it, and there the family name alone names
/// them too, as in the article that introduced them; and a family name
/// some article introduces alone («شهابی، معاون …») is the one person of
/// the corpus whose full name ends in it, when there is one. Gives, for
/// each article it changes, its index and its new analysis.
pub fn discover<A: Analysed>(g: &Gazetteer, articles: &[A]) -> Vec<(usize, Analysis)> {
    use rayon::prelude::*;
    let key = |n: &str| -> String {
        n.chars()
            .filter(|c| !matches!(c, ' ' | '\u{200C}' | '\u{200D}' | '\u{00A0}'))
            .collect()
    };
    // Every name introduced somewhere, by its letters without spacing;
    // the full names by their last word (None: more than one).
    let mut known: HashMap<String, Name> = HashMap::new();
    let mut by_last: HashMap<String, Option<Name>> = HashMap::new();
    for a in articles {
        for m in a.findings().mentions() {
            if let (Via::Cue(_), EntityRef::Candidate(n)) = (m.via, &m.entity)
                && !known.contains_key(&key(n))
            {
                known.insert(key(n), *n);
                if let Some((_, last)) = n.rsplit_once(' ') {
                    by_last
                        .entry(key(last))
                        .and_modify(|f| {
                            if f.as_ref().is_some_and(|f| key(f) != key(n)) {
                                *f = None;
                            }
                        })
                        .or_insert_with(|| Some(*n));
                }
            }
        }
    }
    if known.is_empty() {
        return Vec::new();
    }
    // A lone family name's one full name.
    let full_name = |n: &str| -> Option<&Name> {
        if n.contains(' ') {
            return None;
        }
        by_last.get(&key(n))?.as_ref()
    };
    // Only a family name an article introduces alone with a role
    // («شهابی، معاون …»): «خانم کیانی‌فر» is no «مهرداد کیانی‌فر».
    let lone_with_role = |f: &Findings| -> Vec<Name> {
        f.mentions()
            .filter_map(|m| match (&m.entity, m.via) {
                (EntityRef::Candidate(n), Via::Cue(entities::Evidence::Role))
                    if full_name(n).is_some() =>
                {
                    Some(*n)
                }
                _ => None,
            })
            .collect()
    };
    articles
        .par_iter()
        .enumerate()
        .filter_map(|(i, a)| {
            let own = a.findings();
            let unconfirmed_here: Vec<(u32, u32)> = own.unconfirmed().collect();
            // (The text read only for an article with a name to confirm.)
            let text = (!unconfirmed_here.is_empty()).then(|| a.text());
            let found: Vec<(u32, u32, &Name)> = unconfirmed_here
                .iter()
                .filter_map(|&(s, e)| {
                    let name = entities::name_of(text.as_deref()?.get(s as usize..e as usize)?);
                    known.get(&key(&name)).map(|n| (s, e, n))
                })
                .collect();
            let lone = lone_with_role(&own);
            if found.is_empty() && lone.is_empty() {
                return None;
            }
            let text = text.unwrap_or_else(|| a.text());
            let mut mentions: Vec<Mention> = own.mentions().collect();
            for m in &mut mentions {
                if let EntityRef::Candidate(n) = &m.entity
                    && lone.contains(n)
                    && let Some(full) = full_name(n)
                {
                    m.entity = EntityRef::Candidate(*full);
                }
            }
            let mut surnames: HashMap<String, &Name> = HashMap::new();
            for &(start, end, n) in &found {
                mentions.push(Mention {
                    entity: EntityRef::Candidate(*n),
                    start,
                    end,
                    via: Via::Name,
                    role: None,
                });
                if let Some(last) =
                    crate::text::tokenize::tokenize(&text[start as usize..end as usize]).pop()
                {
                    surnames.insert(last.key, n);
                }
            }
            // The family name alone, where no other mention is (the
            // mentions in text order, swept once along the words).
            mentions.sort_by_key(|m| (m.start, m.end));
            if !surnames.is_empty() {
                let mut alone = Vec::new();
                let mut next = 0;
                let mut reach = 0u32; // the furthest end of mentions passed
                for t in crate::text::tokenize::tokenize(&text) {
                    let (start, end) = (t.range.start as u32, t.range.end as u32);
                    while next < mentions.len() && mentions[next].start < end {
                        reach = reach.max(mentions[next].end);
                        next += 1;
                    }
                    let Some(n) = surnames.get(&t.key) else {
                        continue;
                    };
                    let taken = reach > start || mentions.get(next).is_some_and(|m| m.start < end);
                    if !taken {
                        alone.push(Mention {
                            entity: EntityRef::Candidate(*(*n)),
                            start,
                            end,
                            via: Via::Name,
                            role: None,
                        });
                    }
                }
                mentions.extend(alone);
                mentions.sort_by_key(|m| (m.start, m.end));
            }
            let st = statements(g, &text, &mentions, &a.parts());
            // (Names still unconfirmed wait for a file that introduces
            // them.)
            let unconfirmed: Vec<(u32, u32)> = unconfirmed_here
                .iter()
                .filter(|&&(s, e)| !found.iter().any(|f| f.0 == s && f.1 == e))
                .copied()
                .collect();
            Some((
                i,
                Analysis {
                    found: Findings::new(&mentions, &st, &unconfirmed),
                    own: Some(own),
                },
            ))
        })
        .collect()
}

/// What discovery reads of an article — what its own reading found —:
/// an article itself (whose discovery was taken back, see [`undiscover`]),
/// or a [`Found`] (what the window hands a worker instead of a copy of
/// every article).
pub trait Analysed: Sync {
    fn text(&self) -> Arc<str>;
    /// Its mentions, statements and unconfirmed names.
    fn findings(&self) -> Findings;
    fn parts(&self) -> ArticleParts;
}

impl Analysed for crate::corpus::Article {
    fn text(&self) -> Arc<str> {
        crate::corpus::Article::text(self)
    }
    fn findings(&self) -> Findings {
        self.found.clone()
    }
    fn parts(&self) -> ArticleParts {
        ArticleParts::of(self)
    }
}

/// An article's text, analysis and parts, shared with it (a few hundred
/// bytes where a copy of the article is a few kilobytes).
pub struct Found {
    pub text: crate::corpus::Text,
    pub found: Findings,
    pub parts: ArticleParts,
}

impl Found {
    /// What `a`'s own reading found (discovery's part left out).
    pub fn of(a: &crate::corpus::Article) -> Found {
        Found {
            text: a.text.clone(),
            found: Analysis::own_of(a).found,
            parts: ArticleParts::of(a),
        }
    }
}

impl Analysed for Found {
    fn text(&self) -> Arc<str> {
        self.text.get()
    }
    fn findings(&self) -> Findings {
        self.found.clone()
    }
    fn parts(&self) -> ArticleParts {
        self.parts.clone()
    }
}

/// Takes back what discovery made of each article: every article as its
/// own reading found it.
pub fn undiscover(articles: &mut [crate::corpus::Article]) {
    for a in articles.iter_mut().filter(|a| a.own.is_some()) {
        Analysis::own_of(a).apply(a);
    }
}

/// Applies [`discover`] to a loaded corpus, from scratch: what an earlier
/// discovery added is taken back first (a name whose introducing article
/// is gone is withdrawn).
pub fn discover_in(g: &Gazetteer, articles: &mut [crate::corpus::Article]) {
    undiscover(articles);
    for (i, an) in discover(g, articles) {
        an.apply(&mut articles[i]);
    }
}

impl ArticleParts {
    pub fn of(a: &crate::corpus::Article) -> ArticleParts {
        ArticleParts {
            title: a.title.clone(),
            kicker: a.kicker.clone(),
            lead: a.lead.clone(),
            paragraphs: a.paragraphs.clone(),
        }
    }
}

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
            EntityRef::Known(e) => match g.entities.get(*e as usize) {
                Some(e) => EntityName {
                    name: e.name.clone(),
                    kind: e.kind,
                    candidate: false,
                },
                // Mentions and gazetteer are swapped together, so this is
                // never reached; a wrong name is better than a crash.
                None => EntityName {
                    name: format!("#{e}"),
                    kind: EntityKind::Person,
                    candidate: true,
                },
            },
            EntityRef::Candidate(n) => EntityName {
                name: n.to_string(),
                kind: EntityKind::Person,
                candidate: true,
            },
            EntityRef::Named(n, kind) => EntityName {
                name: n.to_string(),
                kind: *kind,
                candidate: true,
            },
        }
    }
}

/// One article's mentions grouped by entity, in order of first mention.
pub fn by_entity(
    g: &Gazetteer,
    mentions: impl IntoIterator<Item = Mention>,
) -> Vec<(EntityName, Vec<Mention>)> {
    let mut order: Vec<(EntityName, Vec<Mention>)> = Vec::new();
    let mut at: HashMap<EntityRef, usize> = HashMap::new();
    for m in mentions {
        let i = *at.entry(m.entity).or_insert_with(|| {
            order.push((EntityName::of(g, &m.entity), Vec::new()));
            order.len() - 1
        });
        order[i].1.push(m);
    }
    order
}

/// The role `e` was introduced with in an article («رئیس‌کل بانک
/// مرکزی»), if its mentions give one.
pub fn role_of(mentions: impl IntoIterator<Item = Mention>, e: &EntityRef) -> Option<&'static str> {
    mentions
        .into_iter()
        .filter(|m| &m.entity == e)
        .find_map(|m| m.role.map(|r| r.as_str()))
}

/// Whether spelling `a` of an entity is shown before spelling `b`: more
/// zero-width non-joiners, then fewer spaces, then by text.
fn shown_first(a: &EntityRef, b: &EntityRef) -> bool {
    fn text(r: &EntityRef) -> Option<&Name> {
        match r {
            EntityRef::Candidate(n) | EntityRef::Named(n, _) => Some(n),
            EntityRef::Known(_) => None,
        }
    }
    let (Some(a), Some(b)) = (text(a), text(b)) else {
        return false;
    };
    // (Most mentions share one spelling: one interned string.)
    if a == b {
        return false;
    }
    let rank = |n: &str| {
        (
            std::cmp::Reverse(n.matches('\u{200C}').count()),
            n.matches(' ').count(),
        )
    };
    (rank(a), &**a) < (rank(b), &**b)
}

/// One entity's counts over a set of articles.
#[derive(Debug, Clone, PartialEq)]
pub struct EntityRow {
    pub entity: EntityRef,
    pub name: EntityName,
    /// Other names (gazetteer aliases).
    pub aliases: Vec<String>,
    /// The role most articles introduce it with («سرمربی ملوان»).
    pub role: Option<String>,
    /// What introduced a candidate, in any article (none for a known
    /// entity).
    pub evidence: Vec<Evidence>,
    pub articles: usize,
    pub mentions: usize,
}

/// The entities of a set of articles, and those most often in the same
/// articles as a selected one.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct EntitySummary {
    /// Most articles first, then by name.
    pub rows: Vec<EntityRow>,
    /// (row index, shared articles), most first.
    pub co_occurring: Vec<(usize, usize)>,
    /// Articles counted.
    pub articles: usize,
}

impl EntitySummary {
    /// Counts the mentions of each article in `articles`; `selected` gets
    /// its co-occurring entities (at most `co_limit`).
    pub fn of<M: IntoIterator<Item = Mention>>(
        g: &Gazetteer,
        articles: impl IntoIterator<Item = M>,
        selected: Option<&EntityRef>,
        co_limit: usize,
    ) -> EntitySummary {
        let mut t = Tally::default();
        for mentions in articles {
            t.add(mentions, selected);
        }
        t.summary(g, co_limit)
    }

    /// [`Self::of`] the articles' findings, counted on every core (a
    /// million articles have thirty million mentions).
    pub fn of_findings(
        g: &Gazetteer,
        articles: &[Findings],
        selected: Option<&EntityRef>,
        co_limit: usize,
    ) -> EntitySummary {
        use rayon::prelude::*;
        articles
            .par_chunks(4096)
            .map(|part| {
                let mut t = Tally::default();
                for f in part {
                    t.add(f.mentions(), selected);
                }
                t
            })
            .reduce(Tally::default, Tally::merge)
            .summary(g, co_limit)
    }
}

/// Counts of entities over some articles (see [`EntitySummary`]).
#[derive(Default)]
struct Tally {
    /// (articles, mentions, the spelling shown): of one candidate's
    /// spellings the one with zero-width non-joiners where the others
    /// run letters together («قلعه‌نویی», not «قلعهنویی»).
    /// (Fx: an entity's hash feeds its name char by char, which SipHash
    /// made a tenth of a reopen.)
    counts: FxHashMap<EntityRef, (usize, usize, EntityRef)>,
    /// Articles shared with the selected entity.
    co: FxHashMap<EntityRef, usize>,
    /// Each entity's roles, by how many mentions give each, and what
    /// introduced it.
    roles: FxHashMap<EntityRef, HashMap<&'static str, usize>>,
    evidence: FxHashMap<EntityRef, Vec<Evidence>>,
    articles: usize,
    seen: FxHashSet<EntityRef>,
}

impl Tally {
    /// Counts one article's mentions.
    fn add(&mut self, mentions: impl IntoIterator<Item = Mention>, selected: Option<&EntityRef>) {
        self.articles += 1;
        self.seen.clear();
        for m in mentions {
            let c = self.counts.entry(m.entity).or_insert((0, 0, m.entity));
            c.1 += 1;
            if shown_first(&m.entity, &c.2) {
                c.2 = m.entity;
            }
            if self.seen.insert(m.entity) {
                c.0 += 1;
            }
            if let Via::Cue(ev) = m.via {
                let e = self.evidence.entry(m.entity).or_default();
                if !e.contains(&ev) {
                    e.push(ev);
                }
            }
            if let Some(role) = m.role {
                *self
                    .roles
                    .entry(m.entity)
                    .or_default()
                    .entry(role.as_str())
                    .or_default() += 1;
            }
        }
        if let Some(s) = selected
            && self.seen.contains(s)
        {
            for &e in self.seen.iter().filter(|e| *e != s) {
                *self.co.entry(e).or_default() += 1;
            }
        }
    }

    /// Both tallies' counts together.
    fn merge(mut self, other: Tally) -> Tally {
        self.articles += other.articles;
        for (e, (a, m, shown)) in other.counts {
            let c = self.counts.entry(e).or_insert((0, 0, shown));
            c.0 += a;
            c.1 += m;
            if shown_first(&shown, &c.2) {
                c.2 = shown;
            }
        }
        for (e, n) in other.co {
            *self.co.entry(e).or_default() += n;
        }
        for (e, rs) in other.roles {
            let mine = self.roles.entry(e).or_default();
            for (r, n) in rs {
                *mine.entry(r).or_default() += n;
            }
        }
        for (e, evs) in other.evidence {
            let mine = self.evidence.entry(e).or_default();
            for ev in evs {
                if !mine.contains(&ev) {
                    mine.push(ev);
                }
            }
        }
        self
    }

    fn summary(self, g: &Gazetteer, co_limit: usize) -> EntitySummary {
        let Tally {
            counts,
            co,
            roles,
            evidence,
            articles: n,
            ..
        } = self;
        let mut rows: Vec<EntityRow> = counts
            .into_iter()
            .map(|(_, (articles, mentions, e))| EntityRow {
                entity: e,
                name: EntityName::of(g, &e),
                aliases: match e {
                    EntityRef::Known(i) => g
                        .entities
                        .get(i as usize)
                        .map_or(Vec::new(), |x| x.aliases.clone()),
                    EntityRef::Candidate(_) | EntityRef::Named(..) => Vec::new(),
                },
                role: roles.get(&e).and_then(|r| {
                    r.iter()
                        .max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0)))
                        .map(|(r, _)| r.to_string())
                }),
                evidence: evidence.get(&e).cloned().map_or_else(Vec::new, |mut v| {
                    v.sort();
                    v
                }),
                articles,
                mentions,
            })
            .collect();
        // Most articles first; as often named, a known entity, then the
        // candidate with more kinds of evidence.
        let sure = |r: &EntityRow| match r.name.candidate {
            true => r.evidence.len(),
            false => usize::MAX,
        };
        rows.sort_by(|a, b| {
            b.articles
                .cmp(&a.articles)
                .then(sure(b).cmp(&sure(a)))
                .then(b.mentions.cmp(&a.mentions))
                .then_with(|| a.name.cmp(&b.name))
        });
        let at: HashMap<&EntityRef, usize> = rows
            .iter()
            .enumerate()
            .map(|(i, r)| (&r.entity, i))
            .collect();
        let mut co_occurring: Vec<(usize, usize)> = co
            .into_iter()
            .filter_map(|(e, k)| at.get(&e).map(|&i| (i, k)))
            .collect();
        co_occurring.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        co_occurring.truncate(co_limit);
        EntitySummary {
            rows,
            co_occurring,
            articles: n,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::Article;

    fn analysed(g: &Gazetteer, path: &str, text: &str) -> Article {
        let mut a = Article::from_text(path, text);
        analyse(g, &a).apply(&mut a);
        a
    }

    #[test]
    fn counting_on_every_core_gives_what_counting_in_order_gives() {
        let g = Gazetteer::bundled();
        // Ten thousand articles (three parts counted apart), one
        // candidate in three spellings, roles and evidence spread over
        // them.
        let spellings = ["امیر قلعه\u{200C}نویی", "امیر قلعهنویی", "امیر قلعه نویی"];
        let evidence = [Evidence::Honorific, Evidence::Role, Evidence::Says];
        let found: Vec<Findings> = (0..10_000u32)
            .map(|i| {
                let ms: Vec<Mention> = (0..(i % 7))
                    .map(|k| Mention {
                        entity: match k % 3 {
                            0 => EntityRef::Known(i % 40),
                            1 => EntityRef::Candidate(spellings[(i % 3) as usize].into()),
                            _ => EntityRef::Named(
                                format!("سازمان {}", i % 11).as_str().into(),
                                EntityKind::Org,
                            ),
                        },
                        start: k * 10,
                        end: k * 10 + 5,
                        via: if i % 5 == 0 {
                            Via::Cue(evidence[(i % 3) as usize])
                        } else {
                            Via::Name
                        },
                        role: (i % 4 == 0).then(|| format!("نقش {}", i % 3).as_str().into()),
                    })
                    .collect();
                Findings::new(&ms, &[], &[])
            })
            .collect();
        let selected = EntityRef::Known(3);
        let in_order =
            EntitySummary::of(&g, found.iter().map(Findings::mentions), Some(&selected), 8);
        let parallel = EntitySummary::of_findings(&g, &found, Some(&selected), 8);
        assert!(in_order.rows.len() > 40);
        assert!(!in_order.co_occurring.is_empty());
        assert_eq!(parallel, in_order);
    }

    /// (name, text) of each mention.
    fn named(g: &Gazetteer, a: &Article) -> Vec<(String, String)> {
        a.mentions()
            .map(|m| {
                (
                    EntityName::of(g, &m.entity).name,
                    a.text()[m.range()].to_string(),
                )
            })
            .collect()
    }

    #[test]
    fn a_name_one_article_introduces_is_known_in_the_others() {
        let g = Gazetteer::bundled();
        let mut corpus = vec![
            analysed(
                &g,
                "a.txt",
                "دکتر مهتاب سپیدار امروز در نشست شورا درباره بودجه سخن گفت.",
            ),
            // No evidence here: a given name and a word.
            analysed(
                &g,
                "b.txt",
                "مهتاب سپيدار در جلسه دیروز نبود. سپیدار پیش‌تر استعفا کرده بود و گفت که باز نمی‌گردد.",
            ),
            analysed(&g, "c.txt", "مهتاب سپیدار در جلسه دیروز نبود."),
        ];
        assert!(named(&g, &corpus[1]).is_empty(), "alone, b names no one");
        assert_eq!(corpus[1].found.unconfirmed().count(), 1);
        discover_in(&g, &mut corpus);
        // In Arabic letters too; the family name alone then names her,
        // and she speaks.
        assert_eq!(
            named(&g, &corpus[1]),
            [
                ("مهتاب سپیدار".to_string(), "مهتاب سپيدار".to_string()),
                ("مهتاب سپیدار".to_string(), "سپیدار".to_string()),
            ]
        );
        assert_eq!(
            corpus[1]
                .statement(0)
                .and_then(|s| s.speaker)
                .as_ref()
                .map(|e| EntityName::of(&g, e).name),
            Some("مهتاب سپیدار".to_string())
        );
        assert_eq!(named(&g, &corpus[2]).len(), 1);
        // A family name introduced alone is the one full name ending in
        // it.
        let mut corpus = vec![
            analysed(&g, "a.txt", "دکتر مهرداد کیانی‌فر امروز سخن گفت."),
            analysed(&g, "d.txt", "کیانی‌فر، سخنگوی شورا، گفت که طرح ادامه دارد."),
        ];
        assert_eq!(named(&g, &corpus[1])[0].0, "کیانی‌فر");
        discover_in(&g, &mut corpus);
        assert_eq!(named(&g, &corpus[1])[0].0, "مهرداد کیانی‌فر");
        let speaker = corpus[1].statement(0).and_then(|s| s.speaker);
        assert_eq!(
            speaker.map(|e| EntityName::of(&g, &e).name).as_deref(),
            Some("مهرداد کیانی‌فر")
        );
        // Nothing introduces it: nothing is found.
        let mut alone = vec![analysed(&g, "c.txt", "مهتاب سپیدار در جلسه دیروز نبود.")];
        discover_in(&g, &mut alone);
        assert!(named(&g, &alone[0]).is_empty());
    }

    #[test]
    fn a_name_is_withdrawn_when_the_article_that_introduced_it_goes() {
        let g = Gazetteer::bundled();
        let mut corpus = vec![
            analysed(&g, "a.txt", "دکتر مهتاب سپیدار امروز در نشست شورا سخن گفت."),
            analysed(&g, "c.txt", "مهتاب سپیدار در جلسه دیروز نبود."),
        ];
        discover_in(&g, &mut corpus);
        assert_eq!(named(&g, &corpus[1]).len(), 1);
        // As the store keeps it, then the introducing file deleted: the
        // next discovery starts from what c's own reading found.
        let mut rest = vec![corpus.remove(1)];
        discover_in(&g, &mut rest);
        assert!(named(&g, &rest[0]).is_empty(), "{:?}", named(&g, &rest[0]));
        assert_eq!(rest[0].found.unconfirmed().count(), 1, "and it waits again");
        assert!(rest[0].own.is_none());
    }
}
