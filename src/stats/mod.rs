//! Corpus statistics on search keys (issue 20): word lists, n-grams,
//! collocations, keyness and dispersion, as corpus linguists' tools count
//! them — but with every spelling of a word counted as the one word a
//! Persian reader sees («گفت‌وگو», «گفتوگو» and «گفت و گو» is two words
//! either way). One code path for the window's Statistics view (on a
//! worker) and `daftar stats`.
//!
//! - [`words`]: the corpus as numbered words (stored, updated per article);
//! - [`part`]: what is counted: the current filter, or a side as
//!   `compare` describes it (outlet, period, a speaker's statements);
//! - [`count`]: the tables;
//! - [`measures`]: the published formulas;
//! - [`stopwords`]: the documented Persian stop-word list;
//! - [`chart`]: the dispersion plot as SVG and PNG.

pub mod chart;
pub mod count;
pub mod measures;
pub mod part;
pub mod stopwords;
pub mod words;

pub use count::{Collocate, Dispersion, Keyword, Ngram, WordRow};
pub use part::Part;
pub use words::Words;
