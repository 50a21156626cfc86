//! The Persian analyzer as a tantivy tokenizer: [`crate::text::tokenize`]
//! (search keys, original byte offsets, paragraph gaps). Registered under
//! [`ANALYZER`] every time an index is opened.

use tantivy::tokenizer::{TextAnalyzer, Token, TokenStream, Tokenizer};

use crate::text::tokenize::tokenize;

/// The analyzer's name in the schema. Bump the version when its output
/// changes: an index made with another version is rebuilt.
pub const ANALYZER: &str = "daftar_fa_v1";

#[derive(Clone, Default)]
pub struct PersianTokenizer;

pub struct PersianTokenStream {
    tokens: Vec<Token>,
    next: usize,
}

impl Tokenizer for PersianTokenizer {
    type TokenStream<'a> = PersianTokenStream;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> PersianTokenStream {
        let tokens = tokenize(text)
            .into_iter()
            .map(|t| Token {
                offset_from: t.range.start,
                offset_to: t.range.end,
                position: t.position,
                text: t.key,
                position_length: 1,
            })
            .collect();
        PersianTokenStream { tokens, next: 0 }
    }
}

impl TokenStream for PersianTokenStream {
    fn advance(&mut self) -> bool {
        self.next += 1;
        self.next <= self.tokens.len()
    }

    fn token(&self) -> &Token {
        &self.tokens[self
            .next
            .saturating_sub(1)
            .min(self.tokens.len().saturating_sub(1))]
    }

    fn token_mut(&mut self) -> &mut Token {
        let i = self
            .next
            .saturating_sub(1)
            .min(self.tokens.len().saturating_sub(1));
        &mut self.tokens[i]
    }
}

/// The analyzer to register.
pub fn analyzer() -> TextAnalyzer {
    TextAnalyzer::from(PersianTokenizer)
}
