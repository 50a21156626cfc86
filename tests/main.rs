//! daftar's integration tests, linked into one test binary: linking a
//! binary per file took most of CI's time. Each module is one file of
//! `tests/` on one topic; `common` holds what they share.

mod common;

mod annotate;
mod article_list;
mod bidi_reference;
mod catalogue;
mod entities;
mod export;
mod hostile;
mod inspect_cli;
mod layout_cli;
mod people;
mod properties;
mod reading_sites;
mod reprints;
mod search;
mod statements;
mod stats;
mod store;
mod timeline_cli;
mod ui_annotate;
mod ui_chrome;
mod ui_entities;
mod ui_export;
mod ui_fields;
mod ui_labels;
mod ui_persian;
mod ui_reader;
mod ui_statements;
mod workspace_watch;
