//! The JSON shapes shared by the commands: article fields with Unicode
//! character offsets (code points, end exclusive) into the decoded text.

use std::ops::Range;

use serde::Serialize;

use crate::corpus::Article;
use crate::dates::{ArticleDate, Provenance};
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
    pub warnings: &'a [String],
    pub entities: Vec<serde_json::Value>,
    pub statements: Vec<serde_json::Value>,
    pub content_hash: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub text: Option<&'a str>,
}

impl<'a> ArticleJson<'a> {
    pub fn of(a: &'a Article, with_text: bool) -> ArticleJson<'a> {
        let idx = CharIndex::new(&a.text);
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
            entities: Vec::new(),
            statements: Vec::new(),
            content_hash: &a.content_hash,
            text: with_text.then_some(a.text.as_str()),
        }
    }
}
