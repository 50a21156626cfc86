//! Annotation: tagged passages (with notes, annotator and time) and the
//! tag schema, kept in the corpus's `.daftar/` folder so that nothing an
//! annotator does is ever lost ([`store`], [`tags`]).

pub mod store;
pub mod tags;

pub use store::{Anchor, AnnotationStore, Annotations, Passage, StoreError};
pub use tags::{Tag, TagEdit, TagSchema};

/// The annotator's name: given, else `$DAFTAR_ANNOTATOR`, else `$USER`.
pub fn annotator(given: Option<&str>) -> String {
    given
        .map(str::to_string)
        .or_else(|| std::env::var("DAFTAR_ANNOTATOR").ok())
        .or_else(|| std::env::var("USER").ok())
        .unwrap_or_else(|| "unknown".into())
}
