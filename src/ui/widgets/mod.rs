//! Reusable widgets. `rtl_text` draws every piece of article text and
//! every label that can hold Persian; `bidi_edit` is every text field.

pub mod bidi_edit;
pub mod busy;
pub mod rtl_combo;
pub mod rtl_text;
pub mod text;
