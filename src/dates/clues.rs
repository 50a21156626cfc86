//! Estimating when an undated article was written: partial dates (۱۰ شهریور)
//! given a year by context, office holders named with their office (پزشکیان
//! as رئیس‌جمهور ⇒ after 2024-07-28), and topic words (کرونا ⇒ after 2019).
//! The data lives in RON under `assets/` so it can be read and extended.

use std::collections::BTreeMap;

use serde::Deserialize;

use super::{ArticleDate, DateEvidence, Day, Provenance};
use crate::text::{search_key, word_positions};

/// One person's term in one office.
#[derive(Debug, Clone, Deserialize)]
pub struct OfficeTerm {
    pub name: String,
    #[serde(default)]
    pub aliases: Vec<String>,
    /// Office identifier, e.g. `iran-president`.
    pub office: String,
    /// Forms that name the office in text.
    #[serde(default)]
    pub titles: Vec<String>,
    pub from: Day,
    pub to: Option<Day>,
}

/// Words bounding an article's date (a topic that did not exist before).
#[derive(Debug, Clone, Deserialize)]
pub struct TopicClue {
    pub terms: Vec<String>,
    pub from: Day,
    pub to: Option<Day>,
    #[serde(default)]
    pub note: String,
}

/// The data behind date estimates.
#[derive(Debug, Clone, Default)]
pub struct EraClues {
    pub terms: Vec<OfficeTerm>,
    pub topics: Vec<TopicClue>,
}

const OFFICE_HOLDERS_RON: &str = include_str!("../../assets/gazetteer/office_holders.ron");
const ERA_CLUES_RON: &str = include_str!("../../assets/dates/era_clues.ron");

impl EraClues {
    /// The bundled data. It is compiled in and tested, so a parse failure
    /// is a build defect.
    pub fn bundled() -> EraClues {
        EraClues {
            terms: ron::from_str(OFFICE_HOLDERS_RON).expect("bundled office_holders.ron parses"),
            topics: ron::from_str(ERA_CLUES_RON).expect("bundled era_clues.ron parses"),
        }
    }

    /// An estimate from the evidence, or `None` when nothing bounds it.
    pub fn estimate(&self, ev: &DateEvidence, latest: Day) -> Option<ArticleDate> {
        let key = ev.key.as_str();
        let compact: String = key.chars().filter(|c| !c.is_whitespace()).collect();
        let mut bounds = (Day::from_gregorian(1900, 1, 1)?, latest);
        let mut reasons: Vec<String> = Vec::new();
        let mut first_clue: Option<String> = None;

        // Office holders: per office, the most-named holder whose office is
        // named too bounds the date to their term(s).
        let mut by_office: BTreeMap<&str, BTreeMap<&str, (usize, Vec<&OfficeTerm>)>> =
            BTreeMap::new();
        for term in &self.terms {
            let titled = term
                .titles
                .iter()
                .any(|t| compact.contains(&search_key(t).replace(' ', "")));
            if !titled {
                continue;
            }
            let count: usize = std::iter::once(&term.name)
                .chain(&term.aliases)
                .map(|n| word_positions(key, &search_key(n)).count())
                .max()
                .unwrap_or(0);
            if count > 0 {
                let entry = by_office
                    .entry(&term.office)
                    .or_default()
                    .entry(&term.name)
                    .or_insert((count, Vec::new()));
                entry.1.push(term);
            }
        }
        for holders in by_office.values() {
            let Some((name, (_, terms))) = holders
                .iter()
                .max_by_key(|(_, (count, terms))| (*count, terms.iter().map(|t| t.from).max()))
            else {
                continue;
            };
            // A holder with several terms: the latest one that fits.
            let fitting = terms.iter().rev().find_map(|t| {
                let to = t.to.unwrap_or(latest);
                let lo = bounds.0.max(t.from);
                let hi = bounds.1.min(to);
                (lo < hi).then_some((lo, hi))
            });
            if let Some(b) = fitting {
                bounds = b;
                reasons.push(format!("{name} in office"));
                first_clue.get_or_insert_with(|| name.to_string());
            }
        }
        for topic in &self.topics {
            let hit = topic
                .terms
                .iter()
                .find(|t| word_positions(key, &search_key(t)).next().is_some());
            if let Some(term) = hit {
                let lo = bounds.0.max(topic.from);
                let hi = bounds.1.min(topic.to.unwrap_or(latest));
                if lo < hi {
                    bounds = (lo, hi);
                    reasons.push(format!("«{term}» ({})", topic.note));
                    first_clue.get_or_insert_with(|| term.clone());
                }
            }
        }

        // A partial date (day and month) inside the bounds pins the day.
        for f in ev.body.iter().filter(|f| f.year.is_none()) {
            let years = bounds.0.jalali().year..=bounds.1.jalali().year;
            let fits = years.rev().find_map(|y| {
                let ymd = super::Ymd {
                    year: y,
                    month: f.month,
                    day: f.day_of_month,
                };
                Day::from_ymd(f.calendar, ymd).filter(|d| *d >= bounds.0 && *d <= bounds.1)
            });
            if let Some(day) = fits {
                return Some(ArticleDate {
                    day,
                    provenance: Provenance::Inferred,
                    confidence: if reasons.is_empty() { 0.35 } else { 0.5 },
                    text: ev.text.get(f.range.clone()).unwrap_or("").to_string(),
                    range: Some(f.range.clone()),
                    bounds: Some(bounds),
                });
            }
        }

        let clue = first_clue?;
        let mid = bounds.0.add_days(bounds.0.days_until(bounds.1) / 2);
        let range = ev.text.find(&clue).map(|start| start..start + clue.len());
        Some(ArticleDate {
            day: mid,
            provenance: Provenance::Inferred,
            confidence: if reasons.len() > 1 { 0.3 } else { 0.2 },
            text: reasons.join("; "),
            range,
            bounds: Some(bounds),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dates::find_dates;

    fn evidence(text: &str) -> DateEvidence<'_> {
        DateEvidence {
            text,
            body: find_dates(text),
            key: search_key(text),
            ..Default::default()
        }
    }

    #[test]
    fn bundled_data_parses() {
        let clues = EraClues::bundled();
        assert!(clues.terms.len() > 10);
        assert!(!clues.topics.is_empty());
    }

    #[test]
    fn president_named_with_title_bounds_the_date() {
        let clues = EraClues::bundled();
        let latest = Day::parse_iso("2026-01-01").unwrap();
        let text = "رئیس‌جمهور در دیدار با وزیران گفت که پزشکیان پیگیر است.";
        let est = clues.estimate(&evidence(text), latest).expect("estimate");
        let (lo, hi) = est.bounds.expect("bounds");
        assert_eq!(lo.to_string(), "2024-07-28");
        assert_eq!(hi, latest);
        assert_eq!(est.provenance, Provenance::Inferred);

        // Rouhani as president and the pandemic: 2020 to mid-2021.
        let text = "رئيس جمهور روحانی درباره ویروس کرونا سخن گفت.";
        let est = clues.estimate(&evidence(text), latest).expect("estimate");
        let (lo, hi) = est.bounds.expect("bounds");
        assert_eq!(
            (lo.to_string(), hi.to_string()),
            ("2019-12-31".into(), "2021-08-03".into())
        );
    }

    #[test]
    fn a_name_without_its_office_is_no_clue() {
        let clues = EraClues::bundled();
        let latest = Day::parse_iso("2026-01-01").unwrap();
        // «روحانی» here is "cleric"; no president is named.
        let text = "یک روحانی در مسجد سخنرانی کرد.";
        assert!(clues.estimate(&evidence(text), latest).is_none());
    }

    #[test]
    fn partial_date_takes_its_year_from_the_bounds() {
        let clues = EraClues::bundled();
        let latest = Day::parse_iso("2026-01-01").unwrap();
        let text = "رئیس جمهور پزشکیان روز ۱۰ شهریور به پکن رفت.";
        let est = clues.estimate(&evidence(text), latest).expect("estimate");
        // 10 Shahrivar 1404 = 2025-09-01 (1403's fell before his term? no:
        // 1403-06-10 = 2024-08-31 is in term too; the latest fitting wins).
        assert_eq!(est.day.to_string(), "2025-09-01");
        assert_eq!(est.text, "۱۰ شهریور");
    }
}
