//! daftar: an offline corpus browser for Persian news.
//!
//! Layers point one way: `ui → {corpus, dates, text}`; nothing outside
//! `ui` (and `main.rs`) names egui or eframe, so everything but drawing is
//! testable without a window. The `cli` module holds the headless
//! commands, whose JSON output is a contract.

pub mod annotate;
pub mod cli;
pub mod corpus;
pub mod dates;
pub mod disk;
pub mod export;
pub mod extract;
pub mod i18n;
pub mod index;
pub mod jobs;
pub mod layout;
pub mod reprints;
pub mod stats;
pub mod store;
pub mod text;
pub mod timeline;
pub mod ui;
pub mod workspace;
