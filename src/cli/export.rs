//! `daftar export FOLDER --what passages|statements|hits|articles --format
//! csv|xlsx|jsonl|ron|md|brat|qdpx|webanno --out PATH [--query Q] [--tag T]
//! [--annotator A] [--left SPEC [--right SPEC]] [--force] [--base-url URL]
//! [--positions codepoints|utf16] [--json]`.
//!
//! `--query` keeps the articles matching a search (for hits: the matches
//! themselves); `--tag` a tag and the tags nested under it; `--left` and
//! `--right` together export a comparison, `--left` alone the statements
//! of that side. Annotations are read without taking the annotation lock,
//! so an open window may keep annotating.

use std::collections::HashSet;
use std::io::Write;
use std::path::Path;
use std::sync::atomic::AtomicUsize;

use serde_json::json;

use crate::annotate::{AnnotationStore, TagSchema};
use crate::export::{Builder, Format, What, write_with};
use crate::extract::compare::Side;

/// What to export and how, as given on the command line.
pub struct Args<'a> {
    pub what: &'a str,
    pub format: &'a str,
    pub out: &'a Path,
    pub query: Option<&'a str>,
    pub tag: Option<&'a str>,
    pub annotator: Option<&'a str>,
    pub left: Option<&'a str>,
    pub right: Option<&'a str>,
    pub force: bool,
    /// Web Annotation: the texts' base URL.
    pub base_url: Option<&'a str>,
    /// `codepoints` or `utf16`.
    pub positions: &'a str,
    pub json: bool,
}

pub fn run(folder: &Path, args: &Args, out: &mut dyn Write) -> anyhow::Result<()> {
    let what = What::parse(args.what).ok_or_else(|| {
        anyhow::anyhow!(
            "--what {}: one of passages, statements, hits, articles",
            args.what
        )
    })?;
    let format = Format::parse(args.format).ok_or_else(|| {
        anyhow::anyhow!(
            "--format {}: one of csv, xlsx, jsonl, ron, md, brat, qdpx, webanno",
            args.format
        )
    })?;
    anyhow::ensure!(
        matches!(args.positions, "codepoints" | "utf16"),
        "--positions {}: codepoints or utf16",
        args.positions
    );
    anyhow::ensure!(
        args.positions != "utf16" || matches!(format, Format::Csv | Format::Xlsx | Format::Jsonl),
        "--positions utf16 is for csv, xlsx and jsonl: {} counts code points",
        format.as_str()
    );
    anyhow::ensure!(
        args.right.is_none() || args.left.is_some(),
        "--right needs --left"
    );
    anyhow::ensure!(
        what == What::Statements || (args.left.is_none() && args.right.is_none()),
        "--left and --right are for --what statements"
    );
    anyhow::ensure!(
        what == What::Passages || (args.tag.is_none() && args.annotator.is_none()),
        "--tag and --annotator are for --what passages"
    );
    let (g, articles) = super::load_analysed(folder)?;
    // Timed from here: loading is what `daftar inspect` measures.
    let started = std::time::Instant::now();
    let results = match args.query {
        Some(q) => Some(super::search::search_all(folder, q)?),
        None => None,
    };
    let matching: Option<HashSet<&str>> = results
        .as_ref()
        .map(|r| r.hits.iter().map(|h| h.path.as_str()).collect());
    let admits = |path: &str| matching.as_ref().is_none_or(|m| m.contains(path));
    let b = Builder {
        articles: &articles,
        gazetteer: &g,
    };
    let mut said = Vec::new();
    if let Some(q) = args.query {
        said.push(format!("in articles matching «{q}»"));
    }
    let sel = match what {
        What::Passages => {
            let schema = TagSchema::read_only(folder)?;
            let mut data = AnnotationStore::read_only(folder)?;
            // Where each passage is in the files as they are now.
            let texts: std::collections::HashMap<&str, &crate::corpus::Text> = articles
                .iter()
                .map(|a| (a.path.as_str(), &a.text))
                .collect();
            data.reanchor(|p| texts.get(p).map(|t| t.get()));
            let family = args.tag.map(|t| schema.family(t));
            if let Some(t) = args.tag {
                anyhow::ensure!(
                    schema.tags.iter().any(|x| x.name == t)
                        || data.passages.iter().any(|p| p.tags.iter().any(|x| x == t)),
                    "--tag {t}: no such tag"
                );
                said.insert(0, format!("tagged {t}"));
            }
            if let Some(a) = args.annotator {
                said.push(format!("by {a}"));
            }
            let keep = |p: &crate::annotate::Passage| {
                admits(&p.path)
                    && family
                        .as_ref()
                        .is_none_or(|f| p.tags.iter().any(|t| f.contains(t)))
                    && args.annotator.is_none_or(|a| p.annotator == a)
            };
            b.passages(
                &data.passages,
                &schema,
                keep,
                &crate::export::describe("passages", &said),
            )
        }
        What::Statements => {
            let side =
                |s: &str, name: &str| Side::parse(s).map_err(|e| anyhow::anyhow!("--{name}: {e}"));
            match (args.left, args.right) {
                (Some(l), Some(r)) => {
                    let (ls, rs) = (side(l, "left")?, side(r, "right")?);
                    let mut c =
                        crate::workspace::compare::compare_now(g.clone(), &articles, ls, rs)
                            .comparison;
                    let keep = |r: &(usize, usize)| admits(&articles[r.0].path);
                    c.pairs.retain(|p| keep(&p.left) && keep(&p.right));
                    c.left_unpaired.retain(keep);
                    c.right_unpaired.retain(keep);
                    said.insert(0, format!("{l} compared with {r}"));
                    b.comparison(&c, &crate::export::describe("statements", &said))
                }
                (Some(l), None) => {
                    let s = side(l, "left")?;
                    said.insert(0, l.to_string());
                    b.statements(
                        &statement_refs(&articles, |a, st| admits(&a.path) && s.admits(&g, a, st)),
                        &crate::export::describe("statements", &said),
                    )
                }
                _ => b.statements(
                    &statement_refs(&articles, |a, _| admits(&a.path)),
                    &crate::export::describe("statements", &said),
                ),
            }
        }
        What::Hits => {
            let (Some(q), Some(r)) = (args.query, &results) else {
                anyhow::bail!("--what hits needs --query");
            };
            b.hits(r, q, &format!("every match of «{q}»"))
        }
        What::Articles => {
            let keep: Vec<usize> = (0..articles.len())
                .filter(|&i| admits(&articles[i].path))
                .collect();
            b.articles(&keep, &crate::export::describe("articles", &said))
        }
    };
    let progress = AtomicUsize::new(0);
    let opts = crate::export::WriteOptions {
        base_url: args.base_url.map(str::to_string),
        utf16: args.positions == "utf16",
    };
    let done = write_with(&sel, format, args.out, args.force, &progress, &opts)?;
    if args.json {
        writeln!(
            out,
            "{}",
            json!({
                "kind": "exported",
                "path": done.path,
                "what": what.as_str(),
                "format": format.as_str(),
                "items": done.items,
                "sources": done.sources,
                "left_out": done.left_out,
                "seconds": (started.elapsed().as_secs_f64() * 1000.0).round() / 1000.0,
            })
        )?;
    } else {
        writeln!(
            out,
            "wrote {} {} from {} articles to {}",
            done.items,
            what.as_str(),
            done.sources,
            done.path.display()
        )?;
        if done.left_out > 0 {
            writeln!(
                out,
                "left out {} orphaned passages (their text changed; fix them in the passages view)",
                done.left_out
            )?;
        }
    }
    Ok(())
}

/// «passages tagged X in articles matching «Q»».
/// Every statement admitted, in article order.
pub fn statement_refs(
    articles: &[crate::corpus::Article],
    keep: impl Fn(&crate::corpus::Article, &crate::extract::Statement) -> bool,
) -> Vec<(usize, usize)> {
    articles
        .iter()
        .enumerate()
        .flat_map(|(ai, a)| {
            a.statements()
                .enumerate()
                .filter(|(_, s)| keep(a, s))
                .map(move |(si, _)| (ai, si))
                .collect::<Vec<_>>()
        })
        .collect()
}
