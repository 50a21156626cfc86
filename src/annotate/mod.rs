//! Annotation: tagged passages (with notes, annotator and time) and the
//! tag schema, kept in the corpus's `.daftar/` folder so that nothing an
//! annotator does is ever lost ([`store`], [`tags`]).

pub mod store;
pub mod tags;

pub use store::{Anchor, AnnotationStore, Annotations, Passage, StoreError};
pub use tags::{Tag, TagEdit, TagSchema};
