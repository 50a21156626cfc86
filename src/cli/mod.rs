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
pub mod reprints;
pub mod search;
pub mod stats;
pub mod tag;
pub mod timeline;

/// Every article of `folder`, with entities and statements found by the
/// corpus's gazetteer (bundled plus its `.daftar/entities.ron`): the
/// corpus session, opened as the window opens it.
pub fn load_analysed(
    folder: &std::path::Path,
) -> anyhow::Result<(
    std::sync::Arc<crate::extract::Gazetteer>,
    Vec<crate::corpus::Article>,
)> {
    let s = crate::workspace::session::Session::open(folder)?;
    if let Some(note) = &s.entities_note {
        eprintln!("daftar: {note}; using the bundled gazetteer only");
    }
    if let Some(note) = &s.store_note {
        eprintln!("daftar: {note}");
    }
    Ok((s.gazetteer, s.articles))
}

/// The corpus's numbered words (`crate::stats::Words`), brought up to date
/// with `articles` and stored, as the window's Statistics view does.
pub fn words_of(
    folder: &std::path::Path,
    articles: &[crate::corpus::Article],
) -> crate::stats::Words {
    use crate::stats::{Words, words::Reading};
    let cancel = std::sync::atomic::AtomicBool::new(false);
    let (words, note) = Words::open(
        &Words::dir(folder),
        &Reading::all(articles),
        &|_, _| {},
        &cancel,
    );
    if let Some(n) = note {
        eprintln!("daftar: {n}");
    }
    words
}
