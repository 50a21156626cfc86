//! The window's panels. Each owns its view state, reads the workspace and
//! pushes [`crate::ui::state::Command`]s; only the app applies them.

pub mod article_list;
pub mod compare;
pub mod entities;
pub mod export;
pub mod kwic;
pub mod passages;
pub mod reader;
pub mod search;
pub mod statements;
pub mod stats;
pub mod status;
pub mod timeline;
