//! Headless commands (`daftar inspect`, …): how users script daftar and how
//! its behaviour is checked. Field names of the JSON output are a contract.

pub mod bench;
pub mod compare;
pub mod entities;
pub mod gen_corpus;
pub mod inspect;
pub mod json;
pub mod layout;
pub mod search;
pub mod tag;
pub mod timeline;
