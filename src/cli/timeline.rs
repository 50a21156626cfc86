//! `daftar timeline FOLDER [--by day|week|month|year] [--calendar
//! jalali|gregorian] [--query Q] [--json]`: the corpus (or the articles a
//! query matches) counted over time, with the same aggregation as the
//! window's timeline.

use std::io::Write;
use std::path::Path;

use serde_json::json;

use crate::dates::{CalendarKind, Day};
use crate::index::parse_query;
use crate::index::query::ParsedQuery;
use crate::index::search::Synonyms;
use crate::timeline::{BucketSize, aggregate};

fn shown(d: Day, cal: CalendarKind) -> String {
    d.in_calendar(cal).to_string()
}

pub fn run(
    folder: &Path,
    by: BucketSize,
    calendar: CalendarKind,
    query: Option<&str>,
    as_json: bool,
    out: &mut dyn Write,
) -> anyhow::Result<()> {
    let parsed = match query {
        Some(q) => parse_query(q)?,
        None => ParsedQuery::default(),
    };
    let (synonyms, _) = Synonyms::load(Some(folder));
    let days = super::search::with_index(folder, |idx| idx.matching_days(&parsed, &synonyms))?;
    let t = aggregate(days.into_iter().map(|(_, d)| d), by, calendar);
    for b in &t.buckets {
        if as_json {
            writeln!(
                out,
                "{}",
                json!({
                    "kind": "bucket",
                    "start": shown(b.start, calendar),
                    "end": shown(b.end, calendar),
                    "gregorian_start": b.start.to_string(),
                    "count": b.count,
                    "by_provenance": b.by_provenance,
                })
            )?;
        } else {
            let bar = "#".repeat(b.count.min(60));
            writeln!(
                out,
                "{} … {}  {:>6}  {bar}",
                shown(b.start, calendar),
                shown(b.end, calendar),
                b.count
            )?;
        }
    }
    let total: usize = t.buckets.iter().map(|b| b.count).sum();
    if as_json {
        writeln!(out, "{}", json!({"kind": "undated", "count": t.undated}))?;
        writeln!(
            out,
            "{}",
            json!({"kind": "summary", "buckets": t.buckets.len(), "dated": total, "undated": t.undated})
        )?;
    } else {
        writeln!(out, "{total} dated, {} undated", t.undated)?;
    }
    Ok(())
}
