//! `daftar compare FOLDER --left SPEC --right SPEC [--json]`: the
//! statements of two sides (speaker, time range, outlet) aligned by topic,
//! best pairs first, then the unpaired ones of each side. See
//! [`crate::extract::compare`] for the similarity.

use std::io::Write;
use std::path::Path;

use serde_json::{Value, json};

use crate::corpus::Article;
use crate::extract::compare::{Side, StatementRef};
use crate::extract::{EntityName, Gazetteer, role_of};
use crate::text::CharIndex;

/// A statement as JSON, with its article's path, date and outlet.
fn statement_json(g: &Gazetteer, articles: &[Article], (ai, si): StatementRef) -> Value {
    let a = &articles[ai];
    let Some(s) = a.statement(si) else {
        return Value::Null;
    };
    let idx = CharIndex::new(&a.text());
    let get = |r: &std::ops::Range<usize>| a.text().get(r.clone()).unwrap_or_default().to_string();
    json!({
        "path": a.path,
        "date": a.date.as_ref().map(|d| d.day.jalali().to_string()),
        "gregorian": a.date.as_ref().map(|d| d.day.to_string()),
        "source": a.source,
        "speaker": s.speaker.as_ref().map(|e| EntityName::of(g, e).name),
        "role": s.speaker.as_ref().and_then(|e| role_of(a.mentions(), e)),
        "mention": s.mention().as_ref().map(get),
        "cue": get(&s.cue()),
        "kind": s.kind,
        "start": idx.char_of_byte(s.range().start),
        "end": idx.char_of_byte(s.range().end),
        "text": get(&s.range()),
    })
}

fn ranges_json(a: &Article, ranges: &[std::ops::Range<usize>]) -> Value {
    let idx = CharIndex::new(&a.text());
    Value::Array(
        ranges
            .iter()
            .map(|r| {
                json!({
                    "start": idx.char_of_byte(r.start),
                    "end": idx.char_of_byte(r.end),
                    "text": a.text().get(r.clone()).unwrap_or_default(),
                })
            })
            .collect(),
    )
}

pub fn run(
    folder: &Path,
    left: &str,
    right: &str,
    as_json: bool,
    out: &mut dyn Write,
) -> anyhow::Result<()> {
    let left = Side::parse(left).map_err(|e| anyhow::anyhow!("--left: {e}"))?;
    let right = Side::parse(right).map_err(|e| anyhow::anyhow!("--right: {e}"))?;
    let (g, articles) = super::load_analysed(folder)?;
    // The window's comparison, run now.
    let c = crate::workspace::compare::compare_now(g.clone(), &articles, left, right).comparison;
    let short = |r: StatementRef| {
        let a = &articles[r.0];
        let Some(s) = a.statement(r.1) else {
            return String::new();
        };
        let who = s
            .speaker
            .as_ref()
            .map_or("?".to_string(), |e| EntityName::of(&g, e).name);
        let date = a
            .date
            .as_ref()
            .map_or("-".into(), |d| d.day.jalali().to_string());
        let text: String = a.text()[s.range()].chars().take(70).collect();
        format!("[{date} {}] {who}: {text}", a.path)
    };
    for p in &c.pairs {
        if as_json {
            let diff = p.diff.as_ref().map(|(l, r)| {
                json!({
                    "left": ranges_json(&articles[p.left.0], l),
                    "right": ranges_json(&articles[p.right.0], r),
                })
            });
            let line = json!({
                "kind": "pair",
                "similarity": (p.similarity * 1000.0).round() / 1000.0,
                "shared": p.shared,
                "left": statement_json(&g, &articles, p.left),
                "right": statement_json(&g, &articles, p.right),
                "diff": diff,
            });
            writeln!(out, "{line}")?;
        } else {
            writeln!(
                out,
                "{:.2}  {}\n      {}\n      shared: {}",
                p.similarity,
                short(p.left),
                short(p.right),
                p.shared.join("، ")
            )?;
        }
    }
    for (side, list) in [("left", &c.left_unpaired), ("right", &c.right_unpaired)] {
        for &r in list {
            if as_json {
                let line = json!({"kind": "unpaired", "side": side, "statement": statement_json(&g, &articles, r)});
                writeln!(out, "{line}")?;
            } else {
                writeln!(out, "{side} only  {}", short(r))?;
            }
        }
    }
    let summary = json!({
        "kind": "summary",
        "left": c.left.len(),
        "right": c.right.len(),
        "pairs": c.pairs.len(),
    });
    if as_json {
        writeln!(out, "{summary}")?;
    } else {
        writeln!(
            out,
            "{} left, {} right, {} pairs",
            c.left.len(),
            c.right.len(),
            c.pairs.len()
        )?;
    }
    Ok(())
}
