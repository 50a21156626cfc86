//! Running a parsed query: every spelling of each word (search keys,
//! synonyms, the word's plural/ezafe/comparative forms, a compound written
//! as one word or two), with exact forms ranked first, and the offsets of
//! every match in the article's decoded text.
//!
//! Suffix forms come from the index's own vocabulary: for a query word w
//! the terms w+ها, w+های, w+ان, w+ات, w+ی, w+تر, w+ترین … that exist in the
//! index are added. This is the light stemmer of PERSIAN.md §2 turned
//! around — a form is related to w only when w itself is a known word —
//! and it never shortens a word, so a name is never stemmed into another
//! (ایران never becomes ایر).

use std::collections::{HashMap, HashSet};
use std::ops::{Bound, Range};
use std::path::Path;
use std::time::Instant;

use tantivy::collector::{Count, TopDocs};
use tantivy::query::{
    AllQuery, BooleanQuery, BoostQuery, Occur, PhraseQuery, Query, RangeQuery, TermQuery,
};
use tantivy::schema::{Field, IndexRecordOption, Value};
use tantivy::{Searcher, TantivyDocument, Term};

use super::query::{Item, ParsedQuery};
use super::{IndexError, SearchIndex};
use crate::dates::Day;
use crate::text::search_key;
use crate::text::tokenize::tokenize;

/// Suffixes whose forms a word also finds (search keys: no ZWNJ).
const SUFFIXES: &[&str] = &[
    "ها",
    "های",
    "هایی",
    "هایش",
    "هایشان",
    "ان",
    "ات",
    "ی",
    "ای",
    "یی",
    "تر",
    "ترین",
    "هاست",
];

/// Prefix queries expand to at most this many terms.
const MAX_PREFIX_TERMS: usize = 256;

/// Spelling groups that the search key does not fold.
#[derive(Debug, Clone, Default)]
pub struct Synonyms {
    by_key: HashMap<String, Vec<String>>,
    /// Names that are never a suffixed form of another word.
    names: HashSet<String>,
}

const SYNONYMS_RON: &str = include_str!("../../assets/search/synonyms.ron");
const NAMES_RON: &str = include_str!("../../assets/search/names.ron");

impl Synonyms {
    /// The bundled table plus the corpus's own `.daftar/synonyms.ron`.
    /// A malformed user file is reported and skipped.
    pub fn load(corpus: Option<&Path>) -> (Synonyms, Vec<String>) {
        let mut groups: Vec<Vec<String>> = ron::from_str(SYNONYMS_RON).unwrap_or_default();
        let mut warnings = Vec::new();
        if let Some(dir) = corpus {
            let path = dir.join(".daftar").join("synonyms.ron");
            if let Ok(text) = std::fs::read_to_string(&path) {
                match ron::from_str::<Vec<Vec<String>>>(&text) {
                    Ok(g) => groups.extend(g),
                    Err(e) => warnings.push(format!("{}: not read ({e})", path.display())),
                }
            }
        }
        let mut by_key: HashMap<String, Vec<String>> = HashMap::new();
        for g in groups {
            let keys: Vec<String> = g.iter().map(|w| search_key(w)).collect();
            for k in &keys {
                let entry = by_key.entry(k.clone()).or_default();
                for other in &keys {
                    if other != k && !entry.contains(other) {
                        entry.push(other.clone());
                    }
                }
            }
        }
        let mut names: HashSet<String> = ron::from_str::<Vec<String>>(NAMES_RON)
            .unwrap_or_default()
            .iter()
            .map(|n| search_key(n))
            .collect();
        for term in crate::dates::EraClues::bundled().terms {
            for n in std::iter::once(&term.name).chain(&term.aliases) {
                names.extend(n.split_whitespace().map(search_key));
            }
        }
        (Synonyms { by_key, names }, warnings)
    }

    /// Whether `key` is a name (never a form of a shorter word).
    pub fn is_name(&self, key: &str) -> bool {
        self.names.contains(key)
    }

    pub fn of(&self, key: &str) -> &[String] {
        self.by_key.get(key).map_or(&[], |v| v.as_slice())
    }
}

/// A matching article's day and where the day came from (timelines).
pub type DatedDoc = (Option<Day>, Option<crate::dates::Provenance>);

/// A search hit.
#[derive(Debug, Clone)]
pub struct Hit {
    pub path: String,
    pub id: String,
    pub score: f32,
    pub title: String,
    pub day: Option<Day>,
    pub source: Option<String>,
    /// The article's decoded text.
    pub text: String,
    /// Byte ranges of the matches in `text`, in order.
    pub matches: Vec<Range<usize>>,
}

#[derive(Debug, Clone, Default)]
pub struct SearchResults {
    pub total: usize,
    pub hits: Vec<Hit>,
    pub millis: f64,
}

/// What to highlight: single keys and key sequences.
#[derive(Debug, Default)]
struct MatchSpec {
    singles: HashSet<String>,
    sequences: Vec<Vec<String>>,
}

struct Builder<'a> {
    searcher: &'a Searcher,
    title: Field,
    body: Field,
    synonyms: &'a Synonyms,
    spec: MatchSpec,
}

impl Builder<'_> {
    fn exists(&self, key: &str) -> bool {
        self.searcher.segment_readers().iter().any(|seg| {
            [self.body, self.title].iter().any(|f| {
                seg.inverted_index(*f)
                    .ok()
                    .and_then(|ii| ii.terms().get(key.as_bytes()).ok().flatten())
                    .is_some()
            })
        })
    }

    /// Terms of the body/title vocabulary starting with `prefix`.
    fn terms_with_prefix(&self, prefix: &str, limit: usize) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        let mut end = prefix.as_bytes().to_vec();
        end.push(0xFF);
        for seg in self.searcher.segment_readers() {
            for f in [self.body, self.title] {
                let Ok(ii) = seg.inverted_index(f) else {
                    continue;
                };
                let Ok(mut stream) = ii
                    .terms()
                    .range()
                    .ge(prefix.as_bytes())
                    .lt(&end)
                    .into_stream()
                else {
                    continue;
                };
                while stream.advance() && out.len() < limit {
                    if let Ok(t) = std::str::from_utf8(stream.key())
                        && !out.iter().any(|o| o == t)
                    {
                        out.push(t.to_string());
                    }
                }
            }
        }
        out
    }

    fn term(&self, field: Field, key: &str, boost: f32) -> Box<dyn Query> {
        let q: Box<dyn Query> = Box::new(TermQuery::new(
            Term::from_field_text(field, key),
            IndexRecordOption::WithFreqs,
        ));
        if boost == 1.0 {
            q
        } else {
            Box::new(BoostQuery::new(q, boost))
        }
    }

    fn phrase(&self, keys: &[String], boost: f32) -> Box<dyn Query> {
        let mut alts: Vec<(Occur, Box<dyn Query>)> = Vec::new();
        for (field, b) in [(self.body, boost), (self.title, boost * 1.5)] {
            let terms: Vec<Term> = keys
                .iter()
                .map(|k| Term::from_field_text(field, k))
                .collect();
            alts.push((
                Occur::Should,
                Box::new(BoostQuery::new(Box::new(PhraseQuery::new(terms)), b)),
            ));
        }
        Box::new(BooleanQuery::new(alts))
    }

    /// Every spelling of one word, exact forms boosted.
    fn word(&mut self, key: &str) -> Box<dyn Query> {
        let mut alts: Vec<(Occur, Box<dyn Query>)> = Vec::new();
        let mut exact: Vec<String> = vec![key.to_string()];
        exact.extend(self.synonyms.of(key).iter().cloned());
        let mut forms: Vec<String> = Vec::new();
        for base in &exact {
            for s in SUFFIXES {
                let form = format!("{base}{s}");
                if !exact.contains(&form)
                    && !forms.contains(&form)
                    && !self.synonyms.is_name(&form)
                    && self.exists(&form)
                {
                    forms.push(form);
                }
            }
        }
        for k in &exact {
            alts.push((Occur::Should, self.term(self.title, k, 3.0)));
            alts.push((Occur::Should, self.term(self.body, k, 2.0)));
            self.spec.singles.insert(k.clone());
        }
        for k in &forms {
            alts.push((Occur::Should, self.term(self.title, k, 1.5)));
            alts.push((Occur::Should, self.term(self.body, k, 1.0)));
            self.spec.singles.insert(k.clone());
        }
        // A compound written as one word also finds it written as two
        // (رئیسجمهور → رئیس جمهور, گفتوگو → گفت وگو).
        // Only words of a real compound's length are split: a pasted
        // "word" of thousands of letters would cost two dictionary
        // lookups per letter.
        for k in exact.iter().filter(|k| k.chars().count() <= 40) {
            let bounds: Vec<usize> = k.char_indices().map(|(i, _)| i).skip(2).collect();
            // Every split but the last leaves two letters or more after it.
            let last = bounds.len().saturating_sub(1);
            for &i in &bounds[..last] {
                let (a, b) = k.split_at(i);
                if self.exists(a) && self.exists(b) {
                    let seq = vec![a.to_string(), b.to_string()];
                    alts.push((Occur::Should, self.phrase(&seq, 2.0)));
                    self.spec.sequences.push(seq);
                }
            }
        }
        Box::new(BooleanQuery::new(alts))
    }

    fn item(&mut self, item: &Item) -> Box<dyn Query> {
        match item {
            Item::Words(keys) if keys.len() == 1 => self.word(&keys[0]),
            Item::Words(keys) => {
                let mut alts: Vec<(Occur, Box<dyn Query>)> =
                    vec![(Occur::Should, self.phrase(keys, 2.0))];
                self.spec.sequences.push(keys.clone());
                // «گفت وگو» also finds گفت‌وگو / گفتوگو.
                let joined: String = keys.concat();
                if self.exists(&joined) {
                    alts.push((Occur::Should, self.word(&joined)));
                }
                Box::new(BooleanQuery::new(alts))
            }
            Item::Prefix(p) => {
                let terms = self.terms_with_prefix(p, MAX_PREFIX_TERMS);
                let mut alts: Vec<(Occur, Box<dyn Query>)> = Vec::new();
                for t in &terms {
                    alts.push((Occur::Should, self.term(self.title, t, 1.5)));
                    alts.push((Occur::Should, self.term(self.body, t, 1.0)));
                    self.spec.singles.insert(t.clone());
                }
                if alts.is_empty() {
                    // Matches nothing, but keeps the query's meaning.
                    alts.push((Occur::Should, self.term(self.body, p, 1.0)));
                }
                Box::new(BooleanQuery::new(alts))
            }
        }
    }
}

fn single_key(group: &[Item]) -> Option<&str> {
    match group {
        [Item::Words(k)] if k.len() == 1 => Some(&k[0]),
        _ => None,
    }
}

impl SearchIndex {
    /// Runs `q`, returning the best `limit` hits with their matches.
    pub fn search(
        &self,
        q: &ParsedQuery,
        limit: usize,
        synonyms: &Synonyms,
    ) -> Result<SearchResults, IndexError> {
        self.search_with(q, limit, synonyms, true)
    }

    /// As [`Self::search`]; without `matches` the hits carry no text and no
    /// match offsets (counting and ranking only).
    pub fn search_with(
        &self,
        q: &ParsedQuery,
        limit: usize,
        synonyms: &Synonyms,
        matches: bool,
    ) -> Result<SearchResults, IndexError> {
        let started = Instant::now();
        let searcher = self.reader.searcher();
        let (query, spec) = self.build_query(&searcher, q, synonyms);
        let (top, total) = searcher.search(
            &query,
            &(TopDocs::with_limit(limit.max(1)).order_by_score(), Count),
        )?;
        self.collect_hits(&searcher, top, total, limit, matches, &spec, started)
    }

    /// Path, publication day and its provenance of every article matching
    /// `q` (`None` for undated ones), read from fast fields: for timelines
    /// and entity counts.
    pub fn matching_days(
        &self,
        q: &ParsedQuery,
        synonyms: &Synonyms,
    ) -> Result<Vec<(String, DatedDoc)>, IndexError> {
        let searcher = self.reader.searcher();
        let (query, _) = self.build_query(&searcher, q, synonyms);
        let docs = searcher.search(&query, &tantivy::collector::DocSetCollector)?;
        let mut columns = Vec::new();
        for seg in searcher.segment_readers() {
            let ff = seg.fast_fields();
            columns.push((
                ff.i64("day").ok(),
                ff.u64("prov").ok(),
                ff.str("path").ok().flatten(),
            ));
        }
        let mut path = String::new();
        Ok(docs
            .into_iter()
            .map(|addr| {
                let Some((day, prov, paths)) = columns.get(addr.segment_ord as usize) else {
                    return (String::new(), (None, None));
                };
                let day = day
                    .as_ref()
                    .and_then(|c| c.first(addr.doc_id))
                    .map(Day::from_unix_days);
                let prov = prov
                    .as_ref()
                    .and_then(|c| c.first(addr.doc_id))
                    .and_then(super::update::provenance_of);
                path.clear();
                if let Some(col) = paths
                    && let Some(ord) = col.term_ords(addr.doc_id).next()
                {
                    let _ = col.ord_to_str(ord, &mut path);
                }
                (path.clone(), (day, prov.filter(|_| day.is_some())))
            })
            .collect())
    }

    fn build_query(
        &self,
        searcher: &Searcher,
        q: &ParsedQuery,
        synonyms: &Synonyms,
    ) -> (BooleanQuery, MatchSpec) {
        let f = self.fields;
        let mut b = Builder {
            searcher,
            title: f.title,
            body: f.body,
            synonyms,
            spec: MatchSpec::default(),
        };
        let mut clauses: Vec<(Occur, Box<dyn Query>)> = Vec::new();
        let mut i = 0;
        while i < q.must.len() {
            // Two words typed apart that the corpus writes as one
            // (رئیس جمهور → رئیسجمهور): either form matches.
            if let (Some(a), Some(c)) = (
                single_key(&q.must[i]),
                q.must.get(i + 1).and_then(|g| single_key(g)),
            ) {
                let joined = format!("{a}{c}");
                if b.exists(&joined) {
                    let both: Box<dyn Query> = Box::new(BooleanQuery::new(vec![
                        (Occur::Must, b.word(a)),
                        (Occur::Must, b.word(c)),
                    ]));
                    let one = b.word(&joined);
                    clauses.push((
                        Occur::Must,
                        Box::new(BooleanQuery::new(vec![
                            (Occur::Should, both),
                            (Occur::Should, one),
                        ])),
                    ));
                    i += 2;
                    continue;
                }
            }
            let alts: Vec<(Occur, Box<dyn Query>)> = q.must[i]
                .iter()
                .map(|it| (Occur::Should, b.item(it)))
                .collect();
            clauses.push((Occur::Must, Box::new(BooleanQuery::new(alts))));
            i += 1;
        }
        let spec = std::mem::take(&mut b.spec);
        for item in &q.must_not {
            clauses.push((Occur::MustNot, b.item(item)));
        }
        if let Some((from, to)) = q.date {
            let bound = |d: Option<Day>| match d {
                Some(d) => Bound::Included(Term::from_field_i64(f.day, d.unix_days())),
                None => Bound::Unbounded,
            };
            clauses.push((
                Occur::Must,
                Box::new(RangeQuery::new(bound(from), bound(to))),
            ));
        }
        if !q.sources.is_empty() {
            let alts = q
                .sources
                .iter()
                .map(|s| (Occur::Should, b.term(f.source, s, 1.0)))
                .collect();
            clauses.push((Occur::Must, Box::new(BooleanQuery::new(alts))));
        }
        for t in &q.tags {
            clauses.push((Occur::Must, b.term(f.tags, t, 1.0)));
        }
        for (from, to) in &q.not_dates {
            let bound = |d: &Option<Day>| match d {
                Some(d) => Bound::Included(Term::from_field_i64(f.day, d.unix_days())),
                None => Bound::Unbounded,
            };
            clauses.push((
                Occur::MustNot,
                Box::new(RangeQuery::new(bound(from), bound(to))),
            ));
        }
        for s in &q.not_sources {
            clauses.push((Occur::MustNot, b.term(f.source, s, 1.0)));
        }
        for t in &q.not_tags {
            clauses.push((Occur::MustNot, b.term(f.tags, t, 1.0)));
        }
        if !clauses.iter().any(|(o, _)| *o == Occur::Must) {
            clauses.push((Occur::Must, Box::new(AllQuery)));
        }
        (BooleanQuery::new(clauses), spec)
    }

    #[allow(clippy::too_many_arguments)]
    fn collect_hits(
        &self,
        searcher: &Searcher,
        top: Vec<(f32, tantivy::DocAddress)>,
        total: usize,
        limit: usize,
        matches: bool,
        spec: &MatchSpec,
        started: Instant,
    ) -> Result<SearchResults, IndexError> {
        let f = self.fields;
        let mut hits = Vec::with_capacity(top.len());
        for (score, addr) in top.into_iter().take(limit) {
            if !matches {
                hits.push(Hit {
                    path: String::new(),
                    id: String::new(),
                    score,
                    title: String::new(),
                    day: None,
                    source: None,
                    text: String::new(),
                    matches: Vec::new(),
                });
                continue;
            }
            let doc: TantivyDocument = searcher.doc(addr)?;
            let get = |field: Field| {
                doc.get_first(field)
                    .and_then(|v| v.as_str())
                    .map(str::to_string)
            };
            let text = get(f.text).unwrap_or_default();
            let ranges = get(f.ranges).unwrap_or_default();
            let found = find_matches(&text, &ranges, spec);
            hits.push(Hit {
                path: get(f.path).unwrap_or_default(),
                id: get(f.id).unwrap_or_default(),
                score,
                title: get(f.title).unwrap_or_default(),
                day: doc
                    .get_first(f.day)
                    .and_then(|v| v.as_i64())
                    .map(Day::from_unix_days),
                source: get(f.source_shown),
                text,
                matches: found,
            });
        }
        Ok(SearchResults {
            total,
            hits,
            millis: started.elapsed().as_secs_f64() * 1000.0,
        })
    }
}

/// The matches of `spec` in the title and paragraphs of an article.
fn find_matches(text: &str, ranges_json: &str, spec: &MatchSpec) -> Vec<Range<usize>> {
    let v: serde_json::Value = serde_json::from_str(ranges_json).unwrap_or_default();
    let pair = |p: &serde_json::Value| -> Option<Range<usize>> {
        let s = p.get(0)?.as_u64()? as usize;
        let e = p.get(1)?.as_u64()? as usize;
        (s <= e && e <= text.len() && text.is_char_boundary(s) && text.is_char_boundary(e))
            .then_some(s..e)
    };
    let mut parts: Vec<Range<usize>> = Vec::new();
    if let Some(t) = v.get("title").and_then(pair) {
        parts.push(t);
    }
    if let Some(ps) = v.get("paragraphs").and_then(|p| p.as_array()) {
        parts.extend(ps.iter().filter_map(pair));
    }
    let mut out: Vec<Range<usize>> = Vec::new();
    for part in parts {
        let tokens = tokenize(&text[part.clone()]);
        for (i, t) in tokens.iter().enumerate() {
            if spec.singles.contains(&t.key) {
                out.push(part.start + t.range.start..part.start + t.range.end);
            }
            for seq in &spec.sequences {
                let n = seq.len();
                if i + n <= tokens.len()
                    && tokens[i..i + n].iter().zip(seq).all(|(t, k)| &t.key == k)
                    && tokens[i + n - 1].position == t.position + n - 1
                {
                    out.push(part.start + t.range.start..part.start + tokens[i + n - 1].range.end);
                }
            }
        }
    }
    out.sort_by_key(|r| (r.start, std::cmp::Reverse(r.end)));
    let mut merged: Vec<Range<usize>> = Vec::new();
    for r in out {
        match merged.last_mut() {
            Some(last) if r.start < last.end => last.end = last.end.max(r.end),
            _ => merged.push(r),
        }
    }
    merged
}
