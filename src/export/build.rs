//! Builds a [`Selection`] from what daftar holds: the articles, the
//! passages and tags, statements and comparisons, search results. Byte
//! ranges become character offsets here, once.

use std::collections::{BTreeMap, HashMap};

use crate::annotate::{Passage, TagSchema};
use crate::corpus::Article;
use crate::dates::Day;
use crate::extract::compare::{Comparison, StatementRef};
use crate::extract::{EntityName, Gazetteer, StatementKind};
use crate::index::search::SearchResults;
use crate::text::CharIndex;

use super::{Code, EXPORT_VERSION, Item, Selection, Source, What};

/// The code of a statement whose speaker is not named.
pub const UNNAMED: &str = "unnamed source";

/// Characters of context kept on each side of an item.
pub const CONTEXT: usize = 32;

pub struct Builder<'a> {
    pub articles: &'a [Article],
    pub gazetteer: &'a Gazetteer,
}

/// Sources met so far and their character indexes.
#[derive(Default)]
struct Sources {
    list: Vec<Source>,
    at: HashMap<String, (usize, CharIndex, Crlf)>,
}

/// Where an article's `\r\n` line ends lost their `\r` in its exported
/// text (every export writes `\n`, and counts positions in that text).
#[derive(Default)]
struct Crlf {
    /// Bytes of the article's own text where a `\r` was left out.
    dropped: Vec<usize>,
    /// Its own text's character index, when anything was left out.
    own: Option<CharIndex>,
}

impl Crlf {
    /// A byte of the article's text, in the exported text.
    fn byte(&self, b: usize) -> usize {
        b - self.dropped.partition_point(|&d| d < b)
    }
}

/// `text` with `\n` line ends (`\r\n` and a lone `\r` become `\n`), and
/// where the `\r`s of `\r\n` were.
fn normalised(text: &str) -> (String, Crlf) {
    if !text.contains('\r') {
        return (text.to_string(), Crlf::default());
    }
    let mut out = String::with_capacity(text.len());
    let mut dropped = Vec::new();
    let bytes = text.as_bytes();
    let mut from = 0;
    for (i, _) in text.match_indices('\r') {
        out.push_str(&text[from..i]);
        if bytes.get(i + 1) == Some(&b'\n') {
            dropped.push(i);
        } else {
            out.push('\n');
        }
        from = i + 1;
    }
    out.push_str(&text[from..]);
    let own = Some(CharIndex::new(text));
    (out, Crlf { dropped, own })
}

/// `text` as the exports write it (see [`normalised`]).
pub fn with_newlines(text: &str) -> std::borrow::Cow<'_, str> {
    if text.contains('\r') {
        std::borrow::Cow::Owned(normalised(text).0)
    } else {
        std::borrow::Cow::Borrowed(text)
    }
}

impl Sources {
    fn add(
        &mut self,
        path: &str,
        title: String,
        // (The day, and `estimated` or `file time` when the page does not
        // give it.)
        date: Option<(Day, Option<&str>)>,
        outlet: Option<String>,
        id: &str,
        text: &str,
    ) {
        if self.at.contains_key(path) {
            return;
        }
        let (text, crlf) = normalised(text);
        self.at.insert(
            path.to_string(),
            (self.list.len(), CharIndex::new(&text), crlf),
        );
        self.list.push(Source {
            path: path.to_string(),
            id: id.to_string(),
            title,
            date: date.map(|(d, _)| d.to_string()),
            date_jalali: date.map(|(d, _)| d.jalali().to_string()),
            date_note: date.and_then(|(_, n)| n.map(str::to_string)),
            outlet,
            text,
        });
    }

    fn article(&mut self, a: &Article) {
        self.add(
            &a.path,
            a.display_title(),
            a.date.as_ref().map(|d| {
                let note = match d.provenance {
                    crate::dates::Provenance::Inferred => Some("estimated"),
                    crate::dates::Provenance::File => Some("file time"),
                    crate::dates::Provenance::Header | crate::dates::Provenance::Body => None,
                };
                (d.day, note)
            }),
            a.source.clone(),
            &a.id,
            &a.text(),
        );
    }

    /// An item of source `path` over bytes `range` of its article's text.
    fn item(&self, path: &str, range: std::ops::Range<usize>) -> Item {
        let Some((n, ci, crlf)) = self.at.get(path) else {
            return Item::default();
        };
        let range = crlf.byte(range.start)..crlf.byte(range.end);
        let text = &self.list[*n].text;
        let (s, e) = (ci.char_of_byte(range.start), ci.char_of_byte(range.end));
        let before = &text[..range.start.min(text.len())];
        let after = &text[range.end.min(text.len())..];
        let prefix: Vec<char> = before.chars().rev().take(CONTEXT).collect();
        Item {
            path: path.to_string(),
            start: s,
            end: e,
            text: text.get(range.clone()).unwrap_or_default().to_string(),
            prefix: prefix.into_iter().rev().collect(),
            suffix: after.chars().take(CONTEXT).collect(),
            ..Item::default()
        }
    }

    /// An item over characters `start..end` of source `path`'s article
    /// text (as passages are anchored).
    fn item_chars(&self, path: &str, start: usize, end: usize) -> Option<Item> {
        let (_, ci, crlf) = self.at.get(path)?;
        let own = crlf.own.as_ref().unwrap_or(ci);
        (start < end && end <= own.chars())
            .then(|| self.item(path, own.byte_of_char(start)..own.byte_of_char(end)))
    }
}

fn hex([r, g, b]: [u8; 3]) -> String {
    format!("#{r:02x}{g:02x}{b:02x}")
}

fn selection(
    what: What,
    description: &str,
    codes: Vec<Code>,
    sources: Sources,
    items: Vec<Item>,
) -> Selection {
    Selection {
        version: EXPORT_VERSION,
        what,
        description: description.to_string(),
        exported: crate::annotate::store::now_utc(),
        codes,
        sources: sources.list,
        items,
    }
}

/// A flat code per distinct name, in first-seen order.
fn codes_of(items: &[Item], colour: [u8; 3]) -> Vec<Code> {
    let mut seen: Vec<String> = Vec::new();
    let mut met = std::collections::HashSet::new();
    for i in items {
        for c in &i.codes {
            if met.insert(c.as_str()) {
                seen.push(c.clone());
            }
        }
    }
    seen.into_iter()
        .map(|name| Code {
            name,
            colour: hex(colour),
            description: String::new(),
            parent: None,
        })
        .collect()
}

impl Builder<'_> {
    fn by_path(&self) -> HashMap<&str, &Article> {
        self.articles.iter().map(|a| (a.path.as_str(), a)).collect()
    }

    /// Passages kept by `keep`, with the tag hierarchy as codebook. A
    /// passage whose quote no longer stands at its offsets is exported as
    /// orphaned.
    pub fn passages(
        &self,
        passages: &[Passage],
        schema: &TagSchema,
        keep: impl Fn(&Passage) -> bool,
        description: &str,
    ) -> Selection {
        let by_path = self.by_path();
        let mut sources = Sources::default();
        let mut items = Vec::new();
        for p in passages.iter().filter(|p| keep(p)) {
            let article = by_path.get(p.path.as_str());
            if let Some(a) = article {
                sources.article(a);
            }
            // (The quote is compared with the article's own text: a passage
            // that ends between a line's `\r` and its `\n` quotes the `\r`,
            // which the exported text leaves out.)
            let stands = article.is_some_and(|a| {
                let own = a.text();
                let at: String = own
                    .chars()
                    .skip(p.start)
                    .take(p.end.saturating_sub(p.start))
                    .collect();
                at == p.quote
            });
            let anchored = (!p.orphaned && stands)
                .then(|| sources.item_chars(&p.path, p.start, p.end))
                .flatten();
            let mut item = anchored.unwrap_or_else(|| Item {
                path: p.path.clone(),
                start: p.start,
                end: p.end,
                text: with_newlines(&p.quote).into_owned(),
                prefix: with_newlines(&p.prefix).into_owned(),
                suffix: with_newlines(&p.suffix).into_owned(),
                orphaned: true,
                ..Item::default()
            });
            item.kind = "passage".into();
            item.id = format!("p{}", p.id);
            item.codes = p.tags.clone();
            item.note = p.note.clone();
            item.annotator = p.annotator.clone();
            item.created = p.created.clone();
            items.push(item);
        }
        // The whole hierarchy, plus tags used but missing from it.
        let mut codes: Vec<Code> = schema
            .tags
            .iter()
            .map(|t| Code {
                name: t.name.clone(),
                colour: hex(t.colour),
                description: t.description.clone(),
                parent: t.parent.clone(),
            })
            .collect();
        for c in codes_of(&items, [0xE0, 0xA0, 0x30]) {
            if !codes.iter().any(|x| x.name == c.name) {
                codes.push(c);
            }
        }
        selection(What::Passages, description, codes, sources, items)
    }

    fn statement_item(&self, sources: &mut Sources, (ai, si): StatementRef) -> Option<Item> {
        let a = self.articles.get(ai)?;
        let s = a.statement(si)?;
        sources.article(a);
        let speaker = s
            .speaker
            .as_ref()
            .map(|e| EntityName::of(self.gazetteer, e).name);
        let mut item = sources.item(&a.path, s.range());
        item.kind = "statement".into();
        // (A statement nobody is named for is coded all the same: coding
        // tools drop a selection without a code.)
        item.codes = vec![speaker.clone().unwrap_or_else(|| UNNAMED.to_string())];
        item.speaker = speaker;
        item.speech = Some(
            match s.kind {
                StatementKind::Direct => "direct",
                StatementKind::Indirect => "indirect",
            }
            .into(),
        );
        Some(item)
    }

    /// Statements (article index, statement index), in the order given.
    pub fn statements(&self, refs: &[StatementRef], description: &str) -> Selection {
        let mut sources = Sources::default();
        let items: Vec<Item> = refs
            .iter()
            .filter_map(|&r| self.statement_item(&mut sources, r))
            .enumerate()
            .map(|(n, mut i)| {
                i.id = format!("s{}", n + 1);
                i
            })
            .collect();
        let codes = codes_of(&items, [0x4A, 0x90, 0xD0]);
        selection(What::Statements, description, codes, sources, items)
    }

    /// A comparison: the pairs best first (each statement with its side,
    /// pair number and similarity), then the unpaired of each side.
    pub fn comparison(&self, c: &Comparison, description: &str) -> Selection {
        let mut sources = Sources::default();
        let mut items = Vec::new();
        let mut push =
            |r: StatementRef, side: &str, pair: Option<(usize, f64)>, items: &mut Vec<Item>| {
                if let Some(mut i) = self.statement_item(&mut sources, r) {
                    i.id = format!("s{}", items.len() + 1);
                    i.side = Some(side.into());
                    i.pair = pair.map(|p| p.0);
                    i.similarity = pair.map(|p| (p.1 * 1000.0).round() / 1000.0);
                    items.push(i);
                }
            };
        for (n, p) in c.pairs.iter().enumerate() {
            push(p.left, "left", Some((n + 1, p.similarity)), &mut items);
            push(p.right, "right", Some((n + 1, p.similarity)), &mut items);
        }
        for &r in &c.left_unpaired {
            push(r, "left", None, &mut items);
        }
        for &r in &c.right_unpaired {
            push(r, "right", None, &mut items);
        }
        let codes = codes_of(&items, [0x4A, 0x90, 0xD0]);
        selection(What::Statements, description, codes, sources, items)
    }

    /// Every match of the search's hits (the concordance's lines). The
    /// hits carry the text they were matched in, which is what is
    /// exported.
    pub fn hits(&self, results: &SearchResults, query: &str, description: &str) -> Selection {
        let mut sources = Sources::default();
        let mut items = Vec::new();
        let code = format!("search: {}", query.trim());
        for h in &results.hits {
            sources.add(
                &h.path,
                h.title.clone(),
                h.day.map(|d| (d, None)),
                h.source.clone(),
                &h.id,
                &h.text,
            );
            for m in &h.matches {
                let mut i = sources.item(&h.path, m.clone());
                i.kind = "hit".into();
                i.id = format!("h{}", items.len() + 1);
                i.codes = vec![code.clone()];
                items.push(i);
            }
        }
        let codes = codes_of(&items, [0xF0, 0xC0, 0x40]);
        selection(What::Hits, description, codes, sources, items)
    }

    /// Articles (indices), each one item over its whole text.
    pub fn articles(&self, indices: &[usize], description: &str) -> Selection {
        let mut sources = Sources::default();
        let mut items = Vec::new();
        for &n in indices {
            let Some(a) = self.articles.get(n) else {
                continue;
            };
            sources.article(a);
            let mut i = sources.item(&a.path, 0..a.text.len());
            i.kind = "article".into();
            i.id = format!("a{}", items.len() + 1);
            i.prefix.clear();
            i.suffix.clear();
            items.push(i);
        }
        selection(What::Articles, description, Vec::new(), sources, items)
    }
}

/// Items grouped by their first code (or `none`), groups in code order:
/// how the Markdown report arranges them.
pub fn by_code<'a>(sel: &'a Selection, none: &str) -> Vec<(String, Vec<&'a Item>)> {
    let mut groups: BTreeMap<(usize, String), Vec<&Item>> = BTreeMap::new();
    let at: HashMap<&str, usize> = sel
        .codes
        .iter()
        .enumerate()
        .map(|(n, c)| (c.name.as_str(), n))
        .collect();
    let order = |name: &str| at.get(name).copied();
    for i in &sel.items {
        let key = match i.codes.first() {
            Some(c) => (order(c).unwrap_or(usize::MAX - 1), c.clone()),
            None => (usize::MAX, none.to_string()),
        };
        groups.entry(key).or_default().push(i);
    }
    groups
        .into_iter()
        .map(|((_, name), items)| (name, items))
        .collect()
}
