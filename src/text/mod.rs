//! Persian text primitives shared by every layer: the search-key folding of
//! PERSIAN.md §2 (so that every spelling of a word meets) and conversions
//! between byte offsets (what Rust slices use) and character offsets (what
//! leaves the program: CLI JSON, exports).

pub mod fold;
pub mod offsets;
pub mod tokenize;

pub use fold::{Folded, fold_char, search_key, word_positions};
pub use offsets::CharIndex;
