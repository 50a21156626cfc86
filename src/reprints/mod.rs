//! Reprints across the corpus (issue 21): which articles share passages.
//! Detection works on the articles' word ids ([`crate::stats::Words`]):
//! search keys, so a spelling variant or a ZWNJ does not hide a reprint,
//! and the reading only, so a site's page chrome never counts as reuse.
//!
//! - [`detect`]: candidate pairs from shared rare shingles, then the
//!   shared passages of each pair aligned word by word;
//! - [`cluster`]: pairs grouped into stories, the first publication of
//!   each, and the words each reprint changed.

pub mod cluster;
pub mod detect;
