//! Headless commands (`daftar inspect`, …): how users script daftar and how
//! its behaviour is checked. Field names of the JSON output are a contract.

pub mod bench;
pub mod compare;
pub mod entities;
pub mod export;
pub mod gen_corpus;
pub mod inspect;
pub mod json;
pub mod layout;
pub mod search;
pub mod tag;
pub mod timeline;

/// Every article of `folder`, with entities and statements found by the
/// corpus's gazetteer (bundled plus its `.daftar/entities.ron`).
pub fn load_analysed(
    folder: &std::path::Path,
) -> anyhow::Result<(
    std::sync::Arc<crate::extract::Gazetteer>,
    Vec<crate::corpus::Article>,
)> {
    let (g, note) = crate::extract::Gazetteer::for_corpus(folder);
    if let Some(note) = note {
        eprintln!("daftar: {note}; using the bundled gazetteer only");
    }
    let g = std::sync::Arc::new(g);
    let opts = crate::corpus::LoadOptions {
        analyse: Some(crate::extract::analyser(g.clone())),
        ..Default::default()
    };
    let mut articles = Vec::new();
    let mut problems = Vec::new();
    // Unchanged files come from the stored analysis, unread.
    let (summary, reopened, store) = crate::store::load(folder, &opts, |e| match e {
        crate::corpus::LoadEvent::Article(a) => articles.push(*a),
        crate::corpus::LoadEvent::Problem(p) => problems.push(p),
        crate::corpus::LoadEvent::Scanned { .. } => {}
    })?;
    if summary.read > 0 || reopened.removed > 0 {
        crate::extract::discover_in(&g, &mut articles);
        if let Err(e) = store.save(&articles, &problems) {
            eprintln!("daftar: cannot store the analysis: {e}");
        }
    }
    Ok((g, articles))
}
