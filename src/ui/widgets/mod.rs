//! Reusable widgets. `rtl_text` draws every piece of article text.

pub mod rtl_text;
