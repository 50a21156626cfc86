//! The JSON shapes shared by the commands: article fields with Unicode
//! character offsets (code points, end exclusive) into the decoded text.

use std::ops::Range;

use serde::Serialize;

use crate::corpus::Article;
use crate::dates::{ArticleDate, Provenance};
use crate::extract::{EntityKind, EntityName, Gazetteer, StatementKind, by_entity, role_of};
use crate::text::CharIndex;

#[derive(Debug, Serialize)]
pub struct CharRange {
    pub start: usize,
    pub end: usize,
}

impl CharRange {
    pub fn of(idx: &CharIndex, r: &Range<usize>) -> CharRange {
        CharRange {
            start: idx.char_of_byte(r.start),
            end: idx.char_of_byte(r.end),
        }
    }
}

#[derive(Debug, Serialize)]
pub struct Bounds {
    pub from: String,
    pub to: String,
}

#[derive(Debug, Serialize)]
pub struct DateJson {
    pub gregorian: String,
    pub jalali: String,
    pub provenance: Provenance,
    pub confidence: f32,
    pub text: String,
    pub start: Option<usize>,
    pub end: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub bounds: Option<Bounds>,
}

impl DateJson {
    pub fn of(idx: &CharIndex, d: &ArticleDate) -> DateJson {
        DateJson {
            gregorian: d.day.to_string(),
            jalali: d.day.jalali().to_string(),
            provenance: d.provenance,
            confidence: (d.confidence * 100.0).round() / 100.0,
            text: d.text.clone(),
            start: d.range.as_ref().map(|r| idx.char_of_byte(r.start)),
            end: d.range.as_ref().map(|r| idx.char_of_byte(r.end)),
            bounds: d.bounds.map(|(from, to)| Bounds {
                from: from.to_string(),
                to: to.to_string(),
            }),
        }
    }
}

/// One `{"kind":"article",…}` line of `daftar inspect --json`.
#[derive(Debug, Serialize)]
pub struct ArticleJson<'a> {
    pub kind: &'static str,
    pub path: &'a str,
    pub id: &'a str,
    pub encoding: &'a str,
    pub title: String,
    pub source: Option<&'a str>,
    pub tags: &'a [String],
    pub site_id: Option<&'a str>,
    pub date: Option<DateJson>,
    pub title_range: Option<CharRange>,
    pub kicker_range: Option<CharRange>,
    pub lead_range: Option<CharRange>,
    pub paragraphs: Vec<CharRange>,
    pub warnings: &'a [crate::i18n::Notice],
    pub entities: Vec<EntityJson>,
    pub statements: Vec<StatementJson>,
    pub content_hash: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub text: Option<std::sync::Arc<str>>,
}

/// One entity of an article, with its mentions.
#[derive(Debug, Serialize)]
pub struct EntityJson {
    pub name: String,
    pub kind: EntityKind,
    pub candidate: bool,
    /// The role it was introduced with in the article.
    pub role: Option<String>,
    pub mentions: Vec<MentionJson>,
}

#[derive(Debug, Serialize)]
pub struct MentionJson {
    pub start: usize,
    pub end: usize,
    pub text: String,
}

impl EntityJson {
    /// `a`'s entities in order of first mention.
    pub fn all(g: &Gazetteer, a: &Article, idx: &CharIndex) -> Vec<EntityJson> {
        by_entity(g, a.mentions())
            .into_iter()
            .map(|(e, ms)| EntityJson {
                name: e.name,
                kind: e.kind,
                candidate: e.candidate,
                role: ms.iter().find_map(|m| m.role.map(|r| r.to_string())),
                mentions: ms
                    .into_iter()
                    .map(|m| {
                        let r = m.range();
                        MentionJson {
                            start: idx.char_of_byte(r.start),
                            end: idx.char_of_byte(r.end),
                            text: a.text().get(r).unwrap_or_default().to_string(),
                        }
                    })
                    .collect(),
            })
            .collect()
    }
}

/// One statement of an article.
#[derive(Debug, Serialize)]
pub struct StatementJson {
    pub speaker: Option<String>,
    /// The speaker's role in the article («رئیس‌کل بانک مرکزی»).
    pub role: Option<String>,
    pub mention: Option<String>,
    pub cue: String,
    pub kind: StatementKind,
    pub start: usize,
    pub end: usize,
    pub text: String,
}

impl StatementJson {
    pub fn all(g: &Gazetteer, a: &Article, idx: &CharIndex) -> Vec<StatementJson> {
        let get = |r: &Range<usize>| a.text().get(r.clone()).unwrap_or_default().to_string();
        a.statements()
            .map(|s| StatementJson {
                speaker: s.speaker.as_ref().map(|e| EntityName::of(g, e).name),
                role: s
                    .speaker
                    .as_ref()
                    .and_then(|e| role_of(a.mentions(), e))
                    .map(str::to_string),
                mention: s.mention().as_ref().map(get),
                cue: get(&s.cue()),
                kind: s.kind,
                start: idx.char_of_byte(s.range().start),
                end: idx.char_of_byte(s.range().end),
                text: get(&s.range()),
            })
            .collect()
    }
}

impl<'a> ArticleJson<'a> {
    /// `g` names the entities of the article's mentions.
    pub fn of(a: &'a Article, with_text: bool, g: &Gazetteer) -> ArticleJson<'a> {
        let idx = CharIndex::new(&a.text());
        let range = |r: &Option<Range<usize>>| r.as_ref().map(|r| CharRange::of(&idx, r));
        ArticleJson {
            kind: "article",
            path: &a.path,
            id: &a.id,
            encoding: &a.encoding,
            title: a.display_title(),
            source: a.source.as_deref(),
            tags: &a.tags,
            site_id: a.site_id.as_deref(),
            date: a.date.as_ref().map(|d| DateJson::of(&idx, d)),
            title_range: range(&a.title),
            kicker_range: range(&a.kicker),
            lead_range: range(&a.lead),
            paragraphs: a
                .paragraphs
                .iter()
                .map(|r| CharRange::of(&idx, r))
                .collect(),
            warnings: &a.warnings,
            entities: EntityJson::all(g, a, &idx),
            statements: StatementJson::all(g, a, &idx),
            content_hash: a.content_hash.hex(),
            text: with_text.then(|| a.text()),
        }
    }
}
