//! The query language: words (all must match), `"phrases"`, `OR` between
//! two items, `-word` to exclude, `prefix*`, and filters
//! `date:1403-01-01..1403-06-31` (Jalali or Gregorian, told apart by the
//! year; `date:1403`, `date:1403-06`, open ends `date:..2020-01-01`),
//! `source:ایرنا`, `tag:تحریم`. A malformed query is an error that says
//! what is wrong, never an empty result.

use crate::dates::{CalendarKind, Day, Ymd, jalali_month_len};
use crate::i18n::Notice;
use crate::text::search_key;
use crate::text::tokenize::tokenize;

/// One searchable item: a sequence of search keys (one key: a word; more:
/// a phrase), or a prefix.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Item {
    Words(Vec<String>),
    Prefix(String),
}

/// Items joined by OR.
pub type Group = Vec<Item>;

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ParsedQuery {
    /// Every group must match.
    pub must: Vec<Group>,
    /// No item here may match.
    pub must_not: Vec<Item>,
    /// Inclusive day range.
    pub date: Option<(Option<Day>, Option<Day>)>,
    /// Search keys of accepted sources (any).
    pub sources: Vec<String>,
    /// Search keys of required tags (all).
    pub tags: Vec<String>,
    /// `-date:…`: day ranges excluded.
    pub not_dates: Vec<(Option<Day>, Option<Day>)>,
    /// `-source:…`: sources excluded.
    pub not_sources: Vec<String>,
    /// `-tag:…`: tags excluded.
    pub not_tags: Vec<String>,
}

/// Why a query cannot be searched (worded by the catalogue: English on
/// the command line, the window's language in the window).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum QueryError {
    Empty,
    UnclosedQuote,
    DanglingOr,
    NothingToSearch(String),
    UnknownFilter(String),
    BadDate(String),
    OnlyExclusions,
    EmptyFilter(String, &'static str),
}

impl QueryError {
    /// The reason, for the user.
    pub fn notice(&self) -> Notice {
        match self {
            QueryError::Empty => Notice::new("search-error-empty"),
            QueryError::UnclosedQuote => Notice::new("search-error-unclosed-quote"),
            QueryError::DanglingOr => Notice::new("search-error-dangling-or"),
            QueryError::NothingToSearch(t) => Notice::new("search-error-nothing").with("text", t),
            QueryError::UnknownFilter(n) => {
                Notice::new("search-error-unknown-filter").with("name", n)
            }
            QueryError::BadDate(v) => Notice::new("search-error-bad-date").with("value", v),
            QueryError::OnlyExclusions => Notice::new("search-error-only-exclusions"),
            QueryError::EmptyFilter(n, example) => Notice::new("search-error-empty-filter")
                .with("name", n)
                .with("example", example),
        }
    }
}

impl std::fmt::Display for QueryError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.notice().fmt(f)
    }
}

impl std::error::Error for QueryError {}

#[derive(Debug, Clone, PartialEq)]
enum Lexeme {
    Text {
        text: String,
        quoted: bool,
        negated: bool,
    },
    Or,
}

fn lex(q: &str) -> Result<Vec<Lexeme>, QueryError> {
    let mut out = Vec::new();
    let mut chars = q.chars().peekable();
    while let Some(&c) = chars.peek() {
        if c.is_whitespace() {
            chars.next();
            continue;
        }
        let mut negated = false;
        if c == '-' {
            negated = true;
            chars.next();
        }
        let mut text = String::new();
        let mut quoted = false;
        if matches!(chars.peek(), Some('"' | '«' | '“')) {
            let close = match chars.next() {
                Some('«') => '»',
                Some('“') => '”',
                _ => '"',
            };
            quoted = true;
            let mut closed = false;
            for c in chars.by_ref() {
                if c == close {
                    closed = true;
                    break;
                }
                text.push(c);
            }
            if !closed {
                return Err(QueryError::UnclosedQuote);
            }
        } else {
            while let Some(&c) = chars.peek() {
                if c.is_whitespace() {
                    break;
                }
                chars.next();
                text.push(c);
                // filter:"quoted value"
                if c == ':' && matches!(chars.peek(), Some('"')) {
                    chars.next();
                    let mut closed = false;
                    for c in chars.by_ref() {
                        if c == '"' {
                            closed = true;
                            break;
                        }
                        text.push(c);
                    }
                    if !closed {
                        return Err(QueryError::UnclosedQuote);
                    }
                }
            }
        }
        if !quoted && !negated && text == "OR" {
            out.push(Lexeme::Or);
        } else {
            out.push(Lexeme::Text {
                text,
                quoted,
                negated,
            });
        }
    }
    Ok(out)
}

/// A word or phrase as search keys.
fn item_of(text: &str, quoted: bool) -> Result<Item, QueryError> {
    if !quoted && let Some(stem) = text.strip_suffix('*') {
        let key = search_key(stem);
        let keys: Vec<String> = tokenize(stem).into_iter().map(|t| t.key).collect();
        if keys.len() == 1 && !key.is_empty() {
            return Ok(Item::Prefix(keys[0].clone()));
        }
        return Err(QueryError::NothingToSearch(text.to_string()));
    }
    let keys: Vec<String> = tokenize(text).into_iter().map(|t| t.key).collect();
    if keys.is_empty() {
        return Err(QueryError::NothingToSearch(text.to_string()));
    }
    Ok(Item::Words(keys))
}

/// Parses one date of a `date:` value (also used by comparison specs):
/// `1403`, `1403-05`, `1403-05-10` or Gregorian `2024-…`, told apart by
/// the year; a year or month alone is its first day, or with `end` its
/// last.
pub fn parse_day_bound(s: &str, end: bool) -> Option<Day> {
    let key = search_key(s);
    let parts: Vec<&str> = key.split(['-', '/']).collect();
    let nums: Vec<i32> = parts
        .iter()
        .map(|p| p.parse().ok())
        .collect::<Option<_>>()?;
    let year = *nums.first()?;
    let calendar = if year < 1700 {
        CalendarKind::Jalali
    } else {
        CalendarKind::Gregorian
    };
    let month_len = |y: i32, m: u8| match calendar {
        CalendarKind::Jalali => jalali_month_len(y, m),
        _ => (28..=31u8)
            .rev()
            .find(|d| Day::from_gregorian(y, m, *d).is_some())
            .unwrap_or(28),
    };
    let (m, d) = match nums.len() {
        1 => (if end { 12 } else { 1 }, None),
        2 => (u8::try_from(nums[1]).ok()?, None),
        3 => (
            u8::try_from(nums[1]).ok()?,
            Some(u8::try_from(nums[2]).ok()?),
        ),
        _ => return None,
    };
    if !(1..=12).contains(&m) {
        return None;
    }
    let d = d.unwrap_or(if end { month_len(year, m) } else { 1 });
    Day::from_ymd(
        calendar,
        Ymd {
            year,
            month: m,
            day: d,
        },
    )
}

fn parse_date(value: &str) -> Result<(Option<Day>, Option<Day>), QueryError> {
    let bad = || QueryError::BadDate(value.to_string());
    match value.split_once("..") {
        Some((a, b)) => {
            let from = if a.is_empty() {
                None
            } else {
                Some(parse_day_bound(a, false).ok_or_else(bad)?)
            };
            let to = if b.is_empty() {
                None
            } else {
                Some(parse_day_bound(b, true).ok_or_else(bad)?)
            };
            if from.is_none() && to.is_none() {
                return Err(bad());
            }
            Ok((from, to))
        }
        None => Ok((
            Some(parse_day_bound(value, false).ok_or_else(bad)?),
            Some(parse_day_bound(value, true).ok_or_else(bad)?),
        )),
    }
}

/// Parses a query.
pub fn parse_query(q: &str) -> Result<ParsedQuery, QueryError> {
    let lexemes = lex(q)?;
    if lexemes.is_empty() {
        return Err(QueryError::Empty);
    }
    let mut out = ParsedQuery::default();
    let mut pending_or = false;
    for (i, lx) in lexemes.iter().enumerate() {
        match lx {
            Lexeme::Or => {
                let prev_ok = matches!(
                    lexemes.get(i.wrapping_sub(1)),
                    Some(Lexeme::Text { negated: false, .. })
                ) && !out.must.is_empty();
                let next_ok = matches!(
                    lexemes.get(i + 1),
                    Some(Lexeme::Text { negated: false, .. })
                );
                if !prev_ok || !next_ok || pending_or {
                    return Err(QueryError::DanglingOr);
                }
                pending_or = true;
            }
            Lexeme::Text {
                text,
                quoted,
                negated,
            } => {
                if !quoted && let Some((name, value)) = text.split_once(':') {
                    let is_filter =
                        !name.is_empty() && name.chars().all(|c| c.is_ascii_alphabetic());
                    if is_filter {
                        if pending_or {
                            return Err(QueryError::DanglingOr);
                        }
                        let lower = name.to_ascii_lowercase();
                        let example = match lower.as_str() {
                            "date" => "date:1403-01-01..1403-06-31",
                            "source" => "source:ایرنا",
                            "tag" => "tag:تحریم",
                            _ => return Err(QueryError::UnknownFilter(name.to_string())),
                        };
                        let value = value.trim();
                        if search_key(value).trim().is_empty() {
                            return Err(QueryError::EmptyFilter(lower, example));
                        }
                        match (lower.as_str(), *negated) {
                            ("date", false) => out.date = Some(parse_date(value)?),
                            ("date", true) => out.not_dates.push(parse_date(value)?),
                            ("source", false) => out.sources.push(search_key(value)),
                            ("source", true) => out.not_sources.push(search_key(value)),
                            ("tag", false) => out.tags.push(search_key(value)),
                            _ => out.not_tags.push(search_key(value)),
                        }
                        continue;
                    }
                }
                let item = item_of(text, *quoted)?;
                if *negated {
                    out.must_not.push(item);
                } else if pending_or {
                    if let Some(last) = out.must.last_mut() {
                        last.push(item);
                    }
                    pending_or = false;
                } else {
                    out.must.push(vec![item]);
                }
            }
        }
    }
    if pending_or {
        return Err(QueryError::DanglingOr);
    }
    if out.must.is_empty() && out.date.is_none() && out.sources.is_empty() && out.tags.is_empty() {
        let excludes = !out.must_not.is_empty()
            || !out.not_dates.is_empty()
            || !out.not_sources.is_empty()
            || !out.not_tags.is_empty();
        return Err(if !excludes {
            QueryError::Empty
        } else {
            QueryError::OnlyExclusions
        });
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn w(s: &str) -> Item {
        Item::Words(vec![s.to_string()])
    }

    #[test]
    fn words_phrases_or_not_prefix() {
        let q = parse_query("كشور \"گفت‌وگو تلفنی\" ایران OR روسیه -آمریکا تحریم*").unwrap();
        assert_eq!(q.must[0], vec![w("کشور")]);
        assert_eq!(
            q.must[1],
            vec![Item::Words(vec!["گفتوگو".into(), "تلفنی".into()])]
        );
        assert_eq!(q.must[2], vec![w("ایران"), w("روسیه")]);
        assert_eq!(q.must[3], vec![Item::Prefix("تحریم".into())]);
        assert_eq!(q.must_not, vec![w("امریکا")]);
    }

    #[test]
    fn filters() {
        let q = parse_query("پوتین date:1403-01-01..1403-06-31 source:ایرنا tag:\"بازار ارز\"")
            .unwrap();
        let (from, to) = q.date.unwrap();
        assert_eq!(from.unwrap().to_string(), "2024-03-20");
        assert_eq!(to.unwrap().to_string(), "2024-09-21");
        assert_eq!(q.sources, vec!["ایرنا"]);
        assert_eq!(q.tags, vec!["بازار ارز"]);
        let q = parse_query("date:1399").unwrap();
        assert_eq!(
            q.date.unwrap().1.unwrap().to_string(),
            "2021-03-20",
            "Esfand 1399 has 30 days"
        );
        let q = parse_query("date:2024-02").unwrap();
        assert_eq!(q.date.unwrap().1.unwrap().to_string(), "2024-02-29");
        let q = parse_query("date:..۱۴۰۰-۰۱-۰۱").unwrap();
        assert_eq!(q.date.unwrap().0, None);
    }

    #[test]
    fn negated_filters_are_kept_apart() {
        let q = parse_query("ایران -source:ایرنا -date:1403 -tag:\"بازار ارز\"").unwrap();
        assert!(q.sources.is_empty() && q.tags.is_empty() && q.date.is_none());
        assert_eq!(q.not_sources, vec!["ایرنا"]);
        assert_eq!(q.not_tags, vec!["بازار ارز"]);
        assert_eq!(q.not_dates.len(), 1);
        assert_eq!(q.not_dates[0].0.unwrap().to_string(), "2024-03-20");
    }

    #[test]
    fn malformed_queries_say_why() {
        let cases = [
            ("", QueryError::Empty),
            ("   ", QueryError::Empty),
            ("\"گفت و گو", QueryError::UnclosedQuote),
            ("OR ایران", QueryError::DanglingOr),
            ("ایران OR", QueryError::DanglingOr),
            ("-ایران", QueryError::OnlyExclusions),
            ("date:1403-13-01", QueryError::BadDate("1403-13-01".into())),
            ("date:..", QueryError::BadDate("..".into())),
            ("author:x", QueryError::UnknownFilter("author".into())),
            (
                "ایران source:",
                QueryError::EmptyFilter("source".into(), "source:ایرنا"),
            ),
            (
                "ایران -tag:",
                QueryError::EmptyFilter("tag".into(), "tag:تحریم"),
            ),
            (
                "date: ایران",
                QueryError::EmptyFilter("date".into(), "date:1403-01-01..1403-06-31"),
            ),
            ("-source:ایرنا", QueryError::OnlyExclusions),
            ("«»", QueryError::NothingToSearch(String::new())),
            ("؟!", QueryError::NothingToSearch("؟!".into())),
        ];
        for (q, err) in cases {
            assert_eq!(parse_query(q), Err(err), "{q}");
        }
    }
}
