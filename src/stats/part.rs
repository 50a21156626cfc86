//! What a table counts: some articles, each whole or only some of its
//! words (a speaker's statements). The window makes one from its current
//! filter; `daftar stats` from `--query` and a side described as for
//! `compare` (`source=…,from=…,to=…,speaker=…`), or `all`, or `rest` (what
//! the other side leaves).

use std::ops::Range;

use crate::corpus::Article;
use crate::extract::Gazetteer;
use crate::extract::compare::Side;

use super::words::reading_words;

/// One article's share of a part.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Span {
    /// Index in the corpus's articles.
    pub article: usize,
    /// Word index ranges in the article's sequence ([`super::Words::of`]);
    /// `None`: all of it.
    pub words: Option<Vec<Range<usize>>>,
}

/// Articles (in corpus order), whole or in part.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Part {
    pub spans: Vec<Span>,
}

/// A side of a keyness comparison, as given.
#[derive(Debug, Clone, PartialEq)]
pub enum SideSpec {
    All,
    Rest,
    Side(Side),
}

impl SideSpec {
    /// `all`, `rest`, or a `compare` side.
    pub fn parse(spec: &str) -> Result<SideSpec, crate::extract::compare::SpecError> {
        match spec.trim() {
            "all" | "همه" => Ok(SideSpec::All),
            "rest" | "بقیه" => Ok(SideSpec::Rest),
            s => Side::parse(s).map(SideSpec::Side),
        }
    }
}

impl Part {
    /// These articles, whole.
    pub fn whole(articles: impl IntoIterator<Item = usize>) -> Part {
        Part {
            spans: articles
                .into_iter()
                .map(|article| Span {
                    article,
                    words: None,
                })
                .collect(),
        }
    }

    /// How many articles it touches.
    pub fn articles(&self) -> usize {
        self.spans.len()
    }

    /// The articles among `within` that `side` admits: whole for a
    /// period or outlet; for a speaker, the words of that speaker's
    /// statements only.
    pub fn of_side(g: &Gazetteer, articles: &[Article], within: &[usize], side: &Side) -> Part {
        let mut spans = Vec::new();
        for &i in within {
            let a = &articles[i];
            if !side.admits_article(a) {
                continue;
            }
            if side.speaker.is_none() {
                spans.push(Span {
                    article: i,
                    words: None,
                });
                continue;
            }
            let ranges: Vec<Range<usize>> = a
                .statements()
                .filter(|s| side.admits(g, a, s))
                .map(|s| s.range())
                .collect();
            if ranges.is_empty() {
                continue;
            }
            let text = a.text();
            let words = reading_words(a, &text);
            let mut in_words: Vec<Range<usize>> = Vec::new();
            for r in &ranges {
                let inside: Vec<usize> = words
                    .iter()
                    .enumerate()
                    .filter_map(|(k, w)| {
                        w.as_ref()
                            .filter(|(wr, _)| wr.start >= r.start && wr.end <= r.end)
                            .map(|_| k)
                    })
                    .collect();
                if let (Some(&s), Some(&e)) = (inside.first(), inside.last()) {
                    in_words.push(s..e + 1);
                }
            }
            if !in_words.is_empty() {
                spans.push(Span {
                    article: i,
                    words: Some(merge(in_words)),
                });
            }
        }
        Part { spans }
    }

    /// What `self` leaves of `within` (whole articles, and the words
    /// around a speaker's statements).
    pub fn rest_of(&self, within: &[usize], len_of: impl Fn(usize) -> usize) -> Part {
        let taken: std::collections::HashMap<usize, &Option<Vec<Range<usize>>>> =
            self.spans.iter().map(|s| (s.article, &s.words)).collect();
        let mut spans = Vec::new();
        for &i in within {
            match taken.get(&i) {
                None => spans.push(Span {
                    article: i,
                    words: None,
                }),
                Some(None) => {}
                Some(Some(ranges)) => {
                    let mut left = Vec::new();
                    let mut at = 0;
                    for r in ranges {
                        if r.start > at {
                            left.push(at..r.start);
                        }
                        at = at.max(r.end);
                    }
                    let len = len_of(i);
                    if at < len {
                        left.push(at..len);
                    }
                    if !left.is_empty() {
                        spans.push(Span {
                            article: i,
                            words: Some(left),
                        });
                    }
                }
            }
        }
        Part { spans }
    }

    /// The part a keyness side gives, `other` being the opposite side's
    /// part (for `rest`).
    pub fn of_spec(
        g: &Gazetteer,
        articles: &[Article],
        within: &[usize],
        spec: &SideSpec,
        other: Option<&Part>,
        len_of: impl Fn(usize) -> usize,
    ) -> Part {
        match spec {
            SideSpec::All => Part::whole(within.iter().copied()),
            SideSpec::Side(s) => Part::of_side(g, articles, within, s),
            SideSpec::Rest => match other {
                Some(o) => o.rest_of(within, len_of),
                None => Part::whole(within.iter().copied()),
            },
        }
    }
}

/// Sorted, overlapping ranges joined.
fn merge(mut r: Vec<Range<usize>>) -> Vec<Range<usize>> {
    r.sort_by_key(|x| x.start);
    let mut out: Vec<Range<usize>> = Vec::new();
    for x in r {
        match out.last_mut() {
            Some(l) if x.start <= l.end => l.end = l.end.max(x.end),
            _ => out.push(x),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rest_is_what_the_other_side_leaves() {
        let side = Part {
            spans: vec![
                Span {
                    article: 0,
                    words: None,
                },
                Span {
                    article: 2,
                    words: Some(std::iter::once(3..5).collect()),
                },
            ],
        };
        let rest = side.rest_of(&[0, 1, 2], |_| 8);
        assert_eq!(
            rest.spans,
            vec![
                Span {
                    article: 1,
                    words: None
                },
                Span {
                    article: 2,
                    words: Some(vec![0..3, 5..8])
                },
            ]
        );
        assert!(matches!(SideSpec::parse("rest"), Ok(SideSpec::Rest)));
        assert!(SideSpec::parse("colour=red").is_err());
    }
}
