//! The corpus: a folder of scraped news files turned into clean articles.
//! Scanning and loading ([`loader`]), decoding ([`decode`]), HTML text
//! ([`html`]), page-chrome removal and metadata ([`structure`]), and the
//! bundled sample corpus ([`sample`]).

pub mod boilerplate;
pub mod chrome_model;
pub mod corrections;
pub mod decode;
pub mod findings;
pub mod found;
pub mod html;
pub mod loader;
pub mod outlets;
pub mod sample;
pub mod statics;
pub mod structure;
pub mod texts;

use std::ops::Range;

use crate::dates::ArticleDate;
use serde::{Deserialize, Serialize};

pub use texts::{Text, TextFile, TextRef};

pub use loader::{LoadError, LoadEvent, LoadOptions, LoadSummary, Problem, load_file, load_folder};

/// The first half of the BLAKE3 hash of a file's bytes: written as 32
/// hex digits (in the JSON, the index's manifest and the store), kept as
/// 16 bytes.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct ContentHash([u8; 16]);

impl ContentHash {
    pub fn of(bytes: &[u8]) -> ContentHash {
        let mut h = [0u8; 16];
        h.copy_from_slice(&blake3::hash(bytes).as_bytes()[..16]);
        ContentHash(h)
    }

    /// The 16 bytes.
    pub fn bytes(&self) -> [u8; 16] {
        self.0
    }

    /// The 32 hex digits.
    pub fn hex(&self) -> String {
        self.to_string()
    }
}

impl std::fmt::Display for ContentHash {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.0.iter().try_for_each(|b| write!(f, "{b:02x}"))
    }
}

impl std::fmt::Debug for ContentHash {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        std::fmt::Display::fmt(self, f)
    }
}

impl Serialize for ContentHash {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.hex())
    }
}

impl<'de> Deserialize<'de> for ContentHash {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<ContentHash, D::Error> {
        let s: std::borrow::Cow<'de, str> = Deserialize::deserialize(d)?;
        let mut h = [0u8; 16];
        let bad = || serde::de::Error::custom("not 32 hex digits");
        if s.len() != 32 {
            return Err(bad());
        }
        for (i, b) in h.iter_mut().enumerate() {
            *b = u8::from_str_radix(s.get(2 * i..2 * i + 2).ok_or_else(bad)?, 16)
                .map_err(|_| bad())?;
        }
        Ok(ContentHash(h))
    }
}

/// One article, decoded and read. Ranges are byte ranges into its text.
/// Serialised (without the text, which the store keeps apart) for the
/// stored analysis ([`crate::store`]).
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Article {
    /// Path relative to the corpus root, `/`-separated.
    pub path: String,
    /// Stable id derived from `path`.
    pub id: String,
    /// Encoding the file was decoded from (`utf-8`, `windows-1256`, …).
    /// (One of a few names, kept once: [`statics::intern`].)
    #[serde(with = "crate::corpus::statics::name")]
    pub encoding: std::borrow::Cow<'static, str>,
    /// The decoded text (for HTML: the page's extracted text), in memory
    /// or in the store's text file: [`Article::text`] gives it.
    #[serde(skip)]
    pub text: Text,
    pub title: Option<Range<usize>>,
    pub kicker: Option<Range<usize>>,
    pub lead: Option<Range<usize>>,
    pub paragraphs: Vec<Range<usize>>,
    pub source: Option<String>,
    pub tags: Vec<String>,
    /// The site's own article id («کد خبر»).
    pub site_id: Option<String>,
    pub date: Option<ArticleDate>,
    /// Lines left out of the body (page chrome, datelines), with the
    /// reason, in text order: what «Show page chrome» and `daftar inspect
    /// --explain` show.
    #[serde(with = "crate::corpus::statics::pairs")]
    pub left_out: Vec<(Range<usize>, &'static str)>,
    /// How many times the user's corrections changed this reading (views
    /// that draw it from the ranges above redraw when it moves).
    pub corrected: u32,
    #[serde(with = "crate::corpus::statics::notices")]
    pub warnings: Vec<crate::i18n::Notice>,
    /// BLAKE3 of the file's bytes (its first half).
    pub content_hash: ContentHash,
    /// File size in bytes.
    pub size: u64,
    /// The file's modification time when it was read (nanoseconds since
    /// the epoch; 0 when not read from a file): with `size`, tells a
    /// change from the folder watcher's report of a mere read.
    pub mtime: i128,
    /// Entity mentions (in text order), who said what, and names shaped
    /// like a person's that the article gives no evidence for (confirmed
    /// when another article introduces them, [`crate::extract::discover`]):
    /// filled while loading, packed, shared with background counting.
    pub found: findings::Findings,
    /// What its own reading found, when discovery across the corpus
    /// changed it.
    #[serde(default)]
    pub own: Option<findings::Findings>,
    /// The sort key ([`crate::text::sort_key`]) of the start of its title: what the list sorts by
    /// (without reading a hundred thousand texts back from the store).
    pub sort_title: Box<str>,
}

impl Article {
    /// The article's text (shared: from memory, or read from the store
    /// through its cache).
    pub fn text(&self) -> std::sync::Arc<str> {
        self.text.get()
    }

    /// Its entity mentions, in text order.
    pub fn mentions(&self) -> findings::Mentions<'_> {
        self.found.mentions()
    }

    /// Who said what, in text order.
    pub fn statements(&self) -> findings::Statements<'_> {
        self.found.statements()
    }

    /// Statement `i` of [`Self::statements`].
    pub fn statement(&self, i: usize) -> Option<found::Statement> {
        self.found.statement(i)
    }

    /// Whether it mentions `e`.
    pub fn mentions_entity(&self, e: &found::EntityRef) -> bool {
        self.mentions().any(|m| &m.entity == e)
    }

    /// An article from plain text, one paragraph per line, without a
    /// title, source or date (tests, and text pasted by a user).
    pub fn from_text(path: &str, text: &str) -> Article {
        let mut paragraphs = Vec::new();
        let mut at = 0;
        for line in text.split_inclusive('\n') {
            let body = line.trim_end_matches('\n');
            if !body.trim().is_empty() {
                paragraphs.push(at..at + body.len());
            }
            at += line.len();
        }
        Article {
            path: path.to_string(),
            id: loader::article_id(path),
            encoding: "utf-8".into(),
            text: Text::here(text),
            title: None,
            kicker: None,
            lead: None,
            paragraphs,
            source: None,
            tags: Vec::new(),
            site_id: None,
            date: None,
            left_out: Vec::new(),
            corrected: 0,
            warnings: Vec::new(),
            content_hash: ContentHash::of(text.as_bytes()),
            size: text.len() as u64,
            mtime: 0,
            found: Default::default(),
            own: None,
            sort_title: Box::default(),
        }
        .with_sort_title()
    }

    /// Characters of the title the list sorts by.
    const SORT_TITLE_CHARS: usize = 64;

    /// Sets [`Self::sort_title`] from the title as it is now (after
    /// reading, and after a correction changed the title).
    pub fn set_sort_title(&mut self) {
        self.sort_title = crate::text::sort_key(&self.short_title(Self::SORT_TITLE_CHARS)).into();
    }

    fn with_sort_title(mut self) -> Article {
        self.set_sort_title();
        self
    }

    /// [`Self::display_title`] cut to `max_chars` characters with «…»:
    /// what lists and the reader lay out (a 10-million-character "title"
    /// from a broken file must not be laid out whole, nor copied).
    pub fn short_title(&self, max_chars: usize) -> String {
        let t = self.title_text(Some(max_chars.saturating_mul(4) + 4));
        match t.char_indices().nth(max_chars) {
            Some((at, _)) => format!("{}…", &t[..at]),
            None => t,
        }
    }

    /// The title to show: the headline, else the start of the first
    /// paragraph, else the file name.
    pub fn display_title(&self) -> String {
        self.title_text(None)
    }

    /// The title, read from at most `head` bytes of the headline or the
    /// first paragraph (all of it without a limit).
    fn title_text(&self, head: Option<usize>) -> String {
        let text = self.text();
        let part = |r: &std::ops::Range<usize>| {
            let t = &text[r.clone()];
            match head {
                Some(h) => &t[..t.floor_char_boundary(h)],
                None => t,
            }
        };
        if let Some(r) = &self.title {
            return part(r).to_string();
        }
        if let Some(r) = self.paragraphs.first() {
            let p = part(r);
            let words: Vec<&str> = p.split_whitespace().take(12).collect();
            let mut t = words.join(" ");
            if p.len() < r.len() || p.split_whitespace().nth(12).is_some() {
                t.push('…');
            }
            return t;
        }
        self.path
            .rsplit('/')
            .next()
            .unwrap_or(&self.path)
            .to_string()
    }
}
