//! Statements set side by side: two sides, each chosen by speaker, time
//! range and/or outlet, their statements aligned by topic, a ledger of
//! speakers × articles, and word-level diffs of near-identical statements.
//!
//! **Similarity.** Each statement is reduced to its *terms*: the search
//! keys of its words of three letters or more that are not function words
//! or reporting verbs, plus the entities it mentions (each counted as one
//! term). A term's weight is its inverse document frequency over the
//! statements of both sides, `ln(1 + N / n_t)`. The similarity of two
//! statements is the weighted Jaccard index of their term sets:
//! `Σ w(shared) / Σ w(either)`, from 0 (nothing shared) to 1 (the same
//! terms). Pairs are formed greedily, best first, each statement in at
//! most one pair, and only above [`MIN_SIMILARITY`]; what is left is listed
//! as unpaired. A pair whose words (all of them, in order) agree for at
//! least [`REWORDED`] of their length — `2 × equal / (len₁ + len₂)` over a
//! Myers diff of the search keys — is one statement reworded or reprinted:
//! its word-level diff is given.

use std::collections::{HashMap, HashSet};
use std::ops::Range;

use super::entities::EntityRef;
use super::gazetteer::{Gazetteer, joined_key};
use super::statements::Statement;
use crate::corpus::Article;
use crate::dates::Day;
use crate::index::query::parse_day_bound;
use crate::text::tokenize::tokenize;

/// Each side keeps at most this many statements (the newest): pairing is
/// quadratic.
pub const MAX_PER_SIDE: usize = 3000;
/// Pairs below this similarity are not shown as pairs.
pub const MIN_SIMILARITY: f64 = 0.1;
/// From this share of equal words on, a pair gets a word-level diff.
pub const REWORDED: f64 = 0.6;

/// One side of a comparison. Empty fields do not restrict.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Side {
    /// Any name of the speaker; several separated by `|`.
    pub speaker: Option<String>,
    pub from: Option<Day>,
    pub to: Option<Day>,
    /// The outlet, as the articles name it.
    pub source: Option<String>,
}

/// Why a side's description is not understood.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum SpecError {
    #[error("«{0}» is not key=value (keys: speaker, from, to, source)")]
    NotKeyValue(String),
    #[error("unknown key «{0}» (keys: speaker, from, to, source)")]
    UnknownKey(String),
    #[error("«{0}» is not a date (1403-01-01, 1403-05, 1403, 2024-11-21)")]
    BadDate(String),
}

impl Side {
    /// Parses `speaker=پوتین,from=1397-01-01,to=1399-12-29,source=ایرنا`
    /// (any subset; Jalali or Gregorian dates, told apart by the year;
    /// `speaker=روحانی|پزشکیان` for either).
    pub fn parse(spec: &str) -> Result<Side, SpecError> {
        let mut side = Side::default();
        for part in spec
            .split([',', '،'])
            .map(str::trim)
            .filter(|p| !p.is_empty())
        {
            let (k, v) = part
                .split_once('=')
                .ok_or_else(|| SpecError::NotKeyValue(part.to_string()))?;
            let v = v.trim();
            match k.trim() {
                "speaker" => side.speaker = Some(v.to_string()),
                "source" => side.source = Some(v.to_string()),
                "from" => {
                    side.from = Some(
                        parse_day_bound(v, false).ok_or_else(|| SpecError::BadDate(v.into()))?,
                    )
                }
                "to" => {
                    side.to =
                        Some(parse_day_bound(v, true).ok_or_else(|| SpecError::BadDate(v.into()))?)
                }
                other => return Err(SpecError::UnknownKey(other.to_string())),
            }
        }
        Ok(side)
    }

    /// Whether statement `s` of article `a` belongs to this side.
    pub fn admits(&self, g: &Gazetteer, a: &Article, s: &Statement) -> bool {
        if let Some(want) = &self.speaker {
            let Some(sp) = &s.speaker else { return false };
            // «روحانی|پزشکیان»: any of them.
            let ok = want
                .split('|')
                .map(str::trim)
                .any(|want| match (g.find(want), sp) {
                    (Some(e), EntityRef::Known(k)) => e == *k,
                    // A candidate by its whole name or its surname.
                    (_, EntityRef::Candidate(n)) => {
                        let w = joined_key(want);
                        let surname = n.split_whitespace().last().unwrap_or("");
                        joined_key(n) == w || joined_key(surname) == w
                    }
                    _ => false,
                });
            if !ok {
                return false;
            }
        }
        self.admits_article(a)
    }

    /// Whether article `a` is in this side's period and outlet (the
    /// speaker aside).
    pub fn admits_article(&self, a: &Article) -> bool {
        let day = a.date.as_ref().map(|d| d.day);
        if self.from.is_some() || self.to.is_some() {
            let Some(d) = day else { return false };
            if self.from.is_some_and(|f| d < f) || self.to.is_some_and(|t| d > t) {
                return false;
            }
        }
        if let Some(src) = &self.source {
            let Some(have) = &a.source else { return false };
            if joined_key(have) != joined_key(src) {
                return false;
            }
        }
        true
    }
}

/// Byte ranges of the words that differ: (in the left statement, in the
/// right one).
pub type WordDiff = (Vec<Range<usize>>, Vec<Range<usize>>);

/// A statement with where it comes from: (article index, statement index).
pub type StatementRef = (usize, usize);

/// Two statements set side by side.
#[derive(Debug, Clone, PartialEq)]
pub struct Pair {
    pub left: StatementRef,
    pub right: StatementRef,
    pub similarity: f64,
    /// Shared terms (search keys; entities by name).
    pub shared: Vec<String>,
    /// Byte ranges (in each article's text) of the shared words.
    pub left_shared: Vec<Range<usize>>,
    pub right_shared: Vec<Range<usize>>,
    /// For reworded pairs: byte ranges of the words that differ.
    pub diff: Option<WordDiff>,
}

/// The comparison of two sides.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Comparison {
    pub left: Vec<StatementRef>,
    pub right: Vec<StatementRef>,
    /// Best first.
    pub pairs: Vec<Pair>,
    pub left_unpaired: Vec<StatementRef>,
    pub right_unpaired: Vec<StatementRef>,
}

/// Words that carry no topic (search keys).
#[rustfmt::skip]
const STOP: &[&str] = &[
    "این", "ان", "که", "را", "با", "از", "به", "در", "برای", "تا", "بر", "هم", "نیز", "یک",
    "دو", "است", "بود", "شد", "شده", "کرد", "کرده", "کند", "کنند", "میکند", "میکنند", "دارد",
    "دارند", "باید", "خواهد", "هیچ", "همه", "هر", "های", "ها", "اما", "ولی", "اگر", "چون",
    "زیرا", "بسیار", "خود", "ما", "شما", "انها", "وی", "او", "ایشان", "نیست", "بین", "میان",
    "درباره", "روی", "پیش", "بیش", "کشور", "کشورهای", "دولت", "گفت", "افزود", "اظهار",
    "داشت", "تصریح", "تاکید", "همچنین", "چنین", "چنانکه", "اینکه", "انکه", "بوده", "باشد",
    "باشیم", "هستند", "هستیم", "میشود", "شود", "سوی", "دیگر", "برخی", "زمینه", "سطح",
    "امسال", "سال", "نسبت", "بیشتر", "کمتر", "روز", "امروز", "اکنون", "هنوز",
];

/// A statement's weighted terms: word keys and entities, with where the
/// words stand in the article.
struct Terms {
    set: HashSet<String>,
    at: HashMap<String, Vec<Range<usize>>>,
}

fn terms(g: &Gazetteer, a: &Article, s: &Statement) -> Terms {
    let mut set = HashSet::new();
    let mut at: HashMap<String, Vec<Range<usize>>> = HashMap::new();
    let text = &a.text()[s.range()];
    for t in tokenize(text) {
        if t.key.chars().count() < 3
            || STOP.contains(&t.key.as_str())
            || t.key.chars().all(|c| c.is_ascii_digit())
        {
            continue;
        }
        let r = s.range().start + t.range.start..s.range().start + t.range.end;
        at.entry(t.key.clone()).or_default().push(r);
        set.insert(t.key);
    }
    for m in a
        .mentions()
        .filter(|m| m.start as usize >= s.range().start && (m.end as usize) <= s.range().end)
    {
        let name = format!("@{}", super::EntityName::of(g, &m.entity).name);
        at.entry(name.clone()).or_default().push(m.range());
        set.insert(name);
    }
    Terms { set, at }
}

/// Compares the statements of `articles` that fall on each side.
pub fn compare(g: &Gazetteer, articles: &[Article], left: &Side, right: &Side) -> Comparison {
    let pick = |side: &Side| -> Vec<StatementRef> {
        let mut v = Vec::new();
        for (ai, a) in articles.iter().enumerate() {
            for (si, s) in a.statements().enumerate() {
                if side.admits(g, a, &s) {
                    v.push((ai, si));
                }
            }
        }
        // Oldest first; the newest MAX_PER_SIDE.
        v.sort_by_key(|&(ai, si)| (articles[ai].date.as_ref().map(|d| d.day), ai, si));
        if v.len() > MAX_PER_SIDE {
            v.drain(..v.len() - MAX_PER_SIDE);
        }
        v
    };
    let l = pick(left);
    let r = pick(right);
    // (Every reference is to a statement there.)
    let st = |(ai, si): StatementRef| articles[ai].statement(si).unwrap_or_default();
    let lt: Vec<Terms> = l
        .iter()
        .map(|&x| terms(g, &articles[x.0], &st(x)))
        .collect();
    let rt: Vec<Terms> = r
        .iter()
        .map(|&x| terms(g, &articles[x.0], &st(x)))
        .collect();
    // Inverse document frequency over both sides.
    let n = (lt.len() + rt.len()).max(1) as f64;
    let mut df: HashMap<&str, usize> = HashMap::new();
    for t in lt.iter().chain(&rt) {
        for k in &t.set {
            *df.entry(k.as_str()).or_default() += 1;
        }
    }
    let w = |k: &str| (1.0 + n / df.get(k).copied().unwrap_or(1) as f64).ln();
    let mut candidates: Vec<(f64, usize, usize)> = Vec::new();
    for (i, a) in lt.iter().enumerate() {
        for (j, b) in rt.iter().enumerate() {
            // The same statement on both sides (overlapping specs) is no pair.
            if l[i] == r[j] {
                continue;
            }
            let shared: f64 = a.set.intersection(&b.set).map(|k| w(k)).sum();
            if shared == 0.0 {
                continue;
            }
            let all: f64 = a.set.union(&b.set).map(|k| w(k)).sum();
            let sim = shared / all;
            if sim >= MIN_SIMILARITY {
                candidates.push((sim, i, j));
            }
        }
    }
    candidates.sort_by(|x, y| y.0.total_cmp(&x.0).then(x.1.cmp(&y.1)).then(x.2.cmp(&y.2)));
    let mut used_l = vec![false; l.len()];
    let mut used_r = vec![false; r.len()];
    let mut pairs = Vec::new();
    for (sim, i, j) in candidates {
        if used_l[i] || used_r[j] {
            continue;
        }
        used_l[i] = true;
        used_r[j] = true;
        let mut shared: Vec<&String> = lt[i].set.intersection(&rt[j].set).collect();
        shared.sort_by(|a, b| w(b).total_cmp(&w(a)).then(a.cmp(b)));
        let ranges = |t: &Terms| -> Vec<Range<usize>> {
            let mut v: Vec<Range<usize>> = shared.iter().flat_map(|k| t.at[*k].clone()).collect();
            v.sort_by_key(|r| r.start);
            v
        };
        let (ratio, changed) =
            word_diff(&articles[l[i].0], &st(l[i]), &articles[r[j].0], &st(r[j]));
        let diff = (ratio >= REWORDED).then_some(changed);
        pairs.push(Pair {
            left: l[i],
            right: r[j],
            similarity: sim,
            shared: display_terms(&shared, &articles[l[i].0], &lt[i]),
            left_shared: ranges(&lt[i]),
            right_shared: ranges(&rt[j]),
            diff,
        });
    }
    Comparison {
        left_unpaired: l
            .iter()
            .zip(&used_l)
            .filter(|(_, u)| !**u)
            .map(|(x, _)| *x)
            .collect(),
        right_unpaired: r
            .iter()
            .zip(&used_r)
            .filter(|(_, u)| !**u)
            .map(|(x, _)| *x)
            .collect(),
        left: l,
        right: r,
        pairs,
    }
}

/// Shared terms as a reader wants them: entities by name, words as the
/// left statement writes them, each once (a place named as an entity and
/// as a word is one term).
fn display_terms(shared: &[&String], a: &Article, t: &Terms) -> Vec<String> {
    let mut seen: HashSet<String> = HashSet::new();
    let mut out = Vec::new();
    // Entities first: their names are the best labels.
    let (entities, words): (Vec<&&String>, Vec<&&String>) =
        shared.iter().partition(|k| k.starts_with('@'));
    for k in entities {
        let name = k.trim_start_matches('@');
        if seen.insert(joined_key(name)) {
            out.push(name.to_string());
        }
    }
    let text = a.text();
    for k in words {
        if seen.insert((**k).clone()) {
            let shown = t.at[*k]
                .first()
                .and_then(|r| text.get(r.clone()))
                .unwrap_or(k.as_str());
            out.push(shown.to_string());
        }
    }
    out
}

/// The share of words two statements have in common, in order, and the
/// byte ranges of the words that differ.
pub fn word_diff(a: &Article, sa: &Statement, b: &Article, sb: &Statement) -> (f64, WordDiff) {
    let ta = tokenize(&a.text()[sa.range()]);
    let tb = tokenize(&b.text()[sb.range()]);
    let ka: Vec<&str> = ta.iter().map(|t| t.key.as_str()).collect();
    let kb: Vec<&str> = tb.iter().map(|t| t.key.as_str()).collect();
    let mut da = Vec::new();
    let mut db = Vec::new();
    let mut equal = 0;
    for op in similar::capture_diff_slices(similar::Algorithm::Myers, &ka, &kb) {
        let (tag, ra, rb) = op.as_tag_tuple();
        if tag == similar::DiffTag::Equal {
            equal += ra.len();
            continue;
        }
        da.extend(
            ta[ra]
                .iter()
                .map(|t| sa.range().start + t.range.start..sa.range().start + t.range.end),
        );
        db.extend(
            tb[rb]
                .iter()
                .map(|t| sb.range().start + t.range.start..sb.range().start + t.range.end),
        );
    }
    let ratio = 2.0 * equal as f64 / (ka.len() + kb.len()).max(1) as f64;
    (ratio, (da, db))
}

/// Speakers × articles: for the statements of a comparison, each
/// speaker's statements in each article (articles oldest first).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Ledger {
    pub speakers: Vec<Option<EntityRef>>,
    pub articles: Vec<usize>,
    /// `cells[speaker][article]`: statement refs.
    pub cells: Vec<Vec<Vec<StatementRef>>>,
}

impl Ledger {
    pub fn of(articles: &[Article], refs: &[StatementRef]) -> Ledger {
        let mut speakers: Vec<Option<EntityRef>> = Vec::new();
        let mut arts: Vec<usize> = Vec::new();
        for &(ai, si) in refs {
            let sp = articles[ai].statement(si).and_then(|s| s.speaker);
            if !speakers.contains(&sp) {
                speakers.push(sp);
            }
            if !arts.contains(&ai) {
                arts.push(ai);
            }
        }
        arts.sort_by_key(|&ai| (articles[ai].date.as_ref().map(|d| d.day), ai));
        let mut cells = vec![vec![Vec::new(); arts.len()]; speakers.len()];
        for &(ai, si) in refs {
            let sp = articles[ai].statement(si).and_then(|s| s.speaker);
            let row = speakers.iter().position(|s| *s == sp).unwrap_or(0);
            let col = arts.iter().position(|&a| a == ai).unwrap_or(0);
            cells[row][col].push((ai, si));
        }
        Ledger {
            speakers,
            articles: arts,
            cells,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dates::{ArticleDate, Provenance};
    use crate::extract::analyse;

    fn article(path: &str, text: &str, day: &str, source: &str, g: &Gazetteer) -> Article {
        let mut a = Article::from_text(path, text);
        a.source = Some(source.to_string());
        a.date = Some(ArticleDate {
            day: Day::parse_iso(day).unwrap(),
            provenance: Provenance::Header,
            confidence: 1.0,
            text: String::new(),
            range: None,
            bounds: None,
        });
        analyse(g, &a).apply(&mut a);
        a
    }

    #[test]
    fn specs_parse_and_say_what_is_wrong() {
        let s = Side::parse("speaker=پوتین,from=1397-01-01,to=1399-12-29,source=ایرنا").unwrap();
        assert_eq!(s.speaker.as_deref(), Some("پوتین"));
        assert_eq!(s.from, Day::parse_iso("2018-03-21"));
        assert_eq!(s.to, Day::parse_iso("2021-03-19"));
        assert_eq!(Side::parse("").unwrap(), Side::default());
        assert!(matches!(
            Side::parse("who=x"),
            Err(SpecError::UnknownKey(_))
        ));
        assert!(matches!(
            Side::parse("from=1397-13-01"),
            Err(SpecError::BadDate(_))
        ));
        assert!(matches!(
            Side::parse("پوتین"),
            Err(SpecError::NotKeyValue(_))
        ));
    }

    #[test]
    fn statements_pair_by_topic_and_reprints_get_a_diff() {
        let g = Gazetteer::bundled();
        let arts = vec![
            article(
                "a.txt",
                "لاوروف در نشست خبری گفت: تحریم‌های یکجانبه علیه ایران غیرقانونی است.\nلاوروف افزود: گندم بیشتری به مصر صادر می‌شود.",
                "2024-01-10",
                "ایرنا",
                &g,
            ),
            article(
                "b.txt",
                "عراقچی در پاسخ گفت: تحریم‌های یکجانبه علیه ایران هیچ پایه قانونی ندارد.\nعراقچی افزود: نمایشگاه کتاب تهران به زودی برگزار می‌شود.",
                "2024-11-02",
                "تسنیم",
                &g,
            ),
            article(
                "c.txt",
                "لاوروف در نشست خبری گفت: تحریم‌های یکجانبه علیه ایران کاملا غیرقانونی است.",
                "2024-01-11",
                "تسنیم",
                &g,
            ),
        ];
        let left = Side::parse("speaker=لاوروف,source=ایرنا").unwrap();
        let right = Side::parse("speaker=عراقچی").unwrap();
        let c = compare(&g, &arts, &left, &right);
        assert_eq!((c.left.len(), c.right.len()), (2, 2));
        assert_eq!(c.pairs.len(), 1, "only the sanctions statements pair");
        let p = &c.pairs[0];
        assert_eq!((p.left, p.right), ((0, 0), (1, 0)));
        assert!(p.shared.iter().any(|s| s == "ایران"), "{:?}", p.shared);
        assert!(p.shared.iter().any(|s| s == "تحریم‌های"), "{:?}", p.shared);
        for r in &p.left_shared {
            assert!(arts[0].statement(0).expect("a statement").range().start <= r.start);
        }
        assert!(p.diff.is_none(), "not a reprint");
        assert_eq!(c.left_unpaired, [(0, 1)]);
        assert_eq!(c.right_unpaired, [(1, 1)]);

        // The same quote in two outlets: a reprint, the changed word shown.
        let left = Side::parse("speaker=لاوروف,source=ایرنا").unwrap();
        let right = Side::parse("speaker=لاوروف,source=تسنیم").unwrap();
        let c = compare(&g, &arts, &left, &right);
        let p = &c.pairs[0];
        assert_eq!((p.left, p.right), ((0, 0), (2, 0)));
        let (l, r) = p.diff.as_ref().expect("a reprint has a diff");
        assert!(l.is_empty());
        let t2 = arts[2].text();
        let words: Vec<&str> = r.iter().map(|x| &t2[x.clone()]).collect();
        assert_eq!(words, ["کاملا"]);
    }

    #[test]
    fn the_ledger_puts_each_statement_under_its_speaker_and_article() {
        let g = Gazetteer::bundled();
        let arts = vec![
            article(
                "a.txt",
                "لاوروف گفت: الف بود.\nعراقچی گفت: ب بود.",
                "2024-05-01",
                "ایرنا",
                &g,
            ),
            article("b.txt", "لاوروف گفت: ج بود.", "2024-01-01", "ایرنا", &g),
        ];
        let refs = [(0, 0), (0, 1), (1, 0)];
        let l = Ledger::of(&arts, &refs);
        assert_eq!(l.articles, [1, 0], "oldest first");
        assert_eq!(l.speakers.len(), 2);
        assert_eq!(l.cells[0][0], [(1, 0)]);
        assert_eq!(l.cells[0][1], [(0, 0)]);
        assert!(l.cells[1][0].is_empty());
        assert_eq!(l.cells[1][1], [(0, 1)]);
    }
}
