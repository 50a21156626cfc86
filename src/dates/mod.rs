//! Dates: calendars, dates written in text, and each article's publication
//! date with where it came from (PERSIAN.md §3). A date is never silently
//! invented: header, body, inferred and file-time dates are told apart.

pub mod calendar;
pub mod clues;
pub mod find;

use std::ops::Range;

use serde::Serialize;

pub use calendar::{CalendarKind, Day, Weekday, Ymd, jalali_month_len};
pub use clues::{EraClues, OfficeTerm};
pub use find::{FoundDate, find_dates, find_dates_folded};

/// Where an article's date came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Provenance {
    /// The dateline or meta block before the body.
    Header,
    /// A date written in the body text.
    Body,
    /// Estimated from partial dates, office holders or topics.
    Inferred,
    /// The file's modification time: last resort.
    File,
}

/// An article's publication date.
#[derive(Debug, Clone, PartialEq, Serialize, serde::Deserialize)]
pub struct ArticleDate {
    pub day: Day,
    pub provenance: Provenance,
    /// 0..1, how sure daftar is.
    pub confidence: f32,
    /// The text it was read or inferred from.
    pub text: String,
    /// Byte range of that text in the article, if it is in the article.
    pub range: Option<Range<usize>>,
    /// For inferred dates: the span the article must lie in.
    pub bounds: Option<(Day, Day)>,
}

#[cfg(test)]
impl ArticleDate {
    /// A date of `provenance` on ISO day `iso`, nothing more (tests).
    pub fn on(iso: &str, provenance: Provenance) -> ArticleDate {
        ArticleDate {
            day: Day::parse_iso(iso).expect("an ISO day"),
            provenance,
            confidence: 1.0,
            text: String::new(),
            range: None,
            bounds: None,
        }
    }
}

/// What an article offers for dating it.
#[derive(Debug, Default)]
pub struct DateEvidence<'a> {
    /// The whole decoded text.
    pub text: &'a str,
    /// Dates found before the body (dateline), ranges into `text`.
    pub header: Vec<FoundDate>,
    /// Dates found in body paragraphs (title and lead included).
    pub body: Vec<FoundDate>,
    /// A machine-readable date from the page's metadata (HTML meta tags).
    pub meta: Option<(Day, String)>,
    /// The search key of title and body, for inference.
    pub key: String,
    /// The file's modification day.
    pub mtime: Option<Day>,
}

/// Chooses the publication date: header, then body (the latest explicit
/// date), then an estimate, then the file time. Returns warnings too.
pub fn publication_date(
    ev: &DateEvidence,
    clues: &EraClues,
) -> (Option<ArticleDate>, Vec<crate::i18n::Notice>) {
    let mut warnings: Vec<crate::i18n::Notice> = ev
        .header
        .iter()
        .chain(&ev.body)
        .filter_map(FoundDate::weekday_conflict)
        .collect();
    let snippet = |f: &FoundDate| ev.text.get(f.range.clone()).unwrap_or("").to_string();
    // Dates after the file was written (or after today) are announcements
    // of future events, not the publication date.
    let latest_possible = ev.mtime.unwrap_or_else(Day::today).max(Day::today());

    if let Some((day, text)) = &ev.meta {
        return (
            Some(ArticleDate {
                day: *day,
                provenance: Provenance::Header,
                confidence: 0.95,
                text: text.clone(),
                range: None,
                bounds: None,
            }),
            warnings,
        );
    }
    if let Some(f) = ev.header.iter().find(|f| f.day.is_some()) {
        let day = f.day.unwrap_or_else(Day::today);
        let confidence = if f.time.is_some() || f.weekday.is_some() {
            0.95
        } else {
            0.9
        };
        return (
            Some(ArticleDate {
                day,
                provenance: Provenance::Header,
                confidence,
                text: snippet(f),
                range: Some(f.range.clone()),
                bounds: None,
            }),
            warnings,
        );
    }
    let explicit: Vec<&FoundDate> = ev
        .body
        .iter()
        .filter(|f| f.day.is_some_and(|d| d <= latest_possible))
        .collect();
    if let Some(f) = explicit.iter().max_by_key(|f| f.day) {
        let distinct = explicit.iter().filter(|g| g.day != f.day).count();
        return (
            Some(ArticleDate {
                day: f.day.unwrap_or_else(Day::today),
                provenance: Provenance::Body,
                confidence: if distinct == 0 { 0.75 } else { 0.6 },
                text: snippet(f),
                range: Some(f.range.clone()),
                bounds: None,
            }),
            warnings,
        );
    }
    if let Some(estimate) = clues.estimate(ev, latest_possible) {
        return (Some(estimate), warnings);
    }
    if let Some(day) = ev.mtime {
        warnings.push(crate::i18n::Notice::new("warning-file-time"));
        return (
            Some(ArticleDate {
                day,
                provenance: Provenance::File,
                confidence: 0.1,
                text: String::new(),
                range: None,
                bounds: None,
            }),
            warnings,
        );
    }
    warnings.push(crate::i18n::Notice::new("warning-no-date"));
    (None, warnings)
}
