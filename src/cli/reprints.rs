//! `daftar reprints FOLDER [--json]`: which articles share passages. Per
//! story `{"kind":"cluster","id","first","members":[{"path","date",
//! "source","shared_chars"}]}`, then per aligned pair `{"kind":"pair",
//! "left","right","passages":[{"left":{"start","end"},"right":{…}}],
//! "changed_words"}`, and `{"kind":"summary","clusters","pairs","seconds"}`
//! (character offsets, as everywhere else).

use std::io::Write;
use std::path::Path;
use std::time::Instant;

use serde_json::json;

use crate::reprints::cluster::{changed_words, clusters};
use crate::reprints::detect::{Options, Pair, pairs};
use crate::text::CharIndex;

/// Words two articles must share to be a reprint of one another.
pub const MIN_SHARED: usize = 25;

pub fn run(folder: &Path, as_json: bool, out: &mut dyn Write) -> anyhow::Result<()> {
    let (_, articles) = super::load_analysed(folder)?;
    let words = super::words_of(folder, &articles);
    let started = Instant::now();
    let ids_of = |i: usize, buf: &mut Vec<u32>| words.ids_into(&articles[i].path, buf);
    let found: Vec<Pair> = pairs(articles.len(), &ids_of, &Options::default(), MIN_SHARED);
    let stories = clusters(&articles, &found);
    // Characters of word ranges, article by article.
    let chars = |i: usize, ranges: &[std::ops::Range<usize>]| -> Vec<(usize, usize)> {
        let asked: Vec<(usize, std::ops::Range<usize>)> =
            ranges.iter().map(|r| (i, r.clone())).collect();
        let bytes = crate::stats::count::locate(&articles, &asked);
        let idx = CharIndex::new(&articles[i].text());
        bytes
            .iter()
            .map(|b| (idx.char_of_byte(b.start), idx.char_of_byte(b.end)))
            .collect()
    };
    for (n, c) in stories.iter().enumerate() {
        let first = c.first();
        let members: Vec<serde_json::Value> = c
            .members
            .iter()
            .map(|&m| {
                let a = &articles[m];
                // What it shares with the first publication (or, for the
                // first, with its closest reprint).
                let shared = found
                    .iter()
                    .filter(|p| {
                        (p.left == m || p.right == m)
                            && (m == first || p.left == first || p.right == first)
                    })
                    .map(|p| {
                        let side: Vec<_> = p
                            .passages
                            .iter()
                            .map(|x| {
                                if p.left == m {
                                    x.left.clone()
                                } else {
                                    x.right.clone()
                                }
                            })
                            .collect();
                        chars(m, &side).iter().map(|(s, e)| e - s).sum::<usize>()
                    })
                    .max()
                    .unwrap_or(0);
                json!({
                    "path": a.path,
                    "date": a.date.as_ref().map(|d| d.day.to_string()),
                    "source": a.source,
                    "shared_chars": shared,
                })
            })
            .collect();
        let line = json!({"kind": "cluster", "id": n + 1, "first": articles[first].path, "members": members});
        if as_json {
            writeln!(out, "{line}")?;
        } else {
            writeln!(
                out,
                "story {}: {} articles, first {}",
                n + 1,
                c.members.len(),
                articles[first].path
            )?;
            for &m in &c.members[1..] {
                writeln!(out, "    {}", articles[m].path)?;
            }
        }
    }
    let (mut a_ids, mut b_ids) = (Vec::new(), Vec::new());
    for p in &found {
        words.ids_into(&articles[p.left].path, &mut a_ids);
        words.ids_into(&articles[p.right].path, &mut b_ids);
        let ranges: Vec<_> = p
            .passages
            .iter()
            .map(|x| (x.left.clone(), x.right.clone()))
            .collect();
        let changed = changed_words(&a_ids, &b_ids, &ranges);
        let left = chars(
            p.left,
            &p.passages
                .iter()
                .map(|x| x.left.clone())
                .collect::<Vec<_>>(),
        );
        let right = chars(
            p.right,
            &p.passages
                .iter()
                .map(|x| x.right.clone())
                .collect::<Vec<_>>(),
        );
        let passages: Vec<serde_json::Value> = left
            .iter()
            .zip(&right)
            .map(|(l, r)| json!({"left": {"start": l.0, "end": l.1}, "right": {"start": r.0, "end": r.1}}))
            .collect();
        if as_json {
            let line = json!({"kind": "pair", "left": articles[p.left].path, "right": articles[p.right].path,
                "passages": passages, "changed_words": changed});
            writeln!(out, "{line}")?;
        } else {
            writeln!(
                out,
                "{} ~ {}: {} passages, {} words shared, {} changed",
                articles[p.left].path,
                articles[p.right].path,
                p.passages.len(),
                p.shared,
                changed
            )?;
        }
    }
    let seconds = started.elapsed().as_secs_f64();
    let summary = json!({"kind": "summary", "clusters": stories.len(), "pairs": found.len(),
        "seconds": (seconds * 1000.0).round() / 1000.0});
    if as_json {
        writeln!(out, "{summary}")?;
    } else {
        writeln!(
            out,
            "{} stories, {} pairs, {seconds:.2} s",
            stories.len(),
            found.len()
        )?;
    }
    Ok(())
}
