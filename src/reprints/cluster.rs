//! Pairs grouped into stories: articles sharing passages are one cluster
//! (single link), its first publication the earliest of its members by
//! date — a date read in the header or the body before an estimate, an
//! estimate before a file's time — and each pair's changed words counted
//! by a word diff of its passages.

use std::ops::Range;

use crate::corpus::Article;
use crate::dates::Provenance;

use super::detect::Pair;

/// A story and its members (corpus indices), first publication first.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cluster {
    pub members: Vec<usize>,
}

impl Cluster {
    pub fn first(&self) -> usize {
        self.members[0]
    }
}

/// How much an article's date is trusted for "who published first".
fn trust(a: &Article) -> u8 {
    match a.date.as_ref().map(|d| d.provenance) {
        Some(Provenance::Header | Provenance::Body) => 0,
        Some(Provenance::Inferred) => 1,
        Some(Provenance::File) => 2,
        None => 3,
    }
}

/// The clusters of `pairs`, largest first; each one's members by when
/// they were published (trusted dates first), the first its first.
pub fn clusters(articles: &[Article], pairs: &[Pair]) -> Vec<Cluster> {
    let mut parent: std::collections::HashMap<usize, usize> = Default::default();
    fn find(p: &mut std::collections::HashMap<usize, usize>, x: usize) -> usize {
        let mut r = x;
        while let Some(&up) = p.get(&r).filter(|&&u| u != r) {
            r = up;
        }
        // Path halving is not needed at these sizes: flatten once.
        let mut y = x;
        while let Some(&up) = p.get(&y).filter(|&&u| u != y) {
            p.insert(y, r);
            y = up;
        }
        r
    }
    for p in pairs {
        parent.entry(p.left).or_insert(p.left);
        parent.entry(p.right).or_insert(p.right);
        let (a, b) = (find(&mut parent, p.left), find(&mut parent, p.right));
        if a != b {
            parent.insert(a.max(b), a.min(b));
        }
    }
    let mut groups: std::collections::BTreeMap<usize, Vec<usize>> = Default::default();
    let keys: Vec<usize> = parent.keys().copied().collect();
    for x in keys {
        let r = find(&mut parent, x);
        groups.entry(r).or_default().push(x);
    }
    let mut out: Vec<Cluster> = groups
        .into_values()
        .map(|mut members| {
            members.sort_by_key(|&i| {
                let a = &articles[i];
                (trust(a), a.date.as_ref().map(|d| d.day), a.path.clone())
            });
            Cluster { members }
        })
        .collect();
    out.sort_by(|a, b| {
        b.members
            .len()
            .cmp(&a.members.len())
            .then(a.members[0].cmp(&b.members[0]))
    });
    out
}

/// Words that differ between the two sides of a pair's passages (a word
/// diff of each passage's ids).
pub fn changed_words(
    left: &[u32],
    right: &[u32],
    passages: &[(Range<usize>, Range<usize>)],
) -> usize {
    passages
        .iter()
        .map(|(l, r)| {
            let (Some(a), Some(b)) = (left.get(l.clone()), right.get(r.clone())) else {
                return 0;
            };
            similar::capture_diff_slices(similar::Algorithm::Myers, a, b)
                .iter()
                .map(|op| {
                    let (tag, x, y) = op.as_tag_tuple();
                    if tag == similar::DiffTag::Equal {
                        0
                    } else {
                        x.len() + y.len()
                    }
                })
                .sum::<usize>()
        })
        .sum()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dates::ArticleDate;

    fn pair(left: usize, right: usize) -> Pair {
        Pair {
            left,
            right,
            passages: Vec::new(),
            shared: 30,
        }
    }

    #[test]
    fn single_link_clusters_with_the_first_trusted_publication_first() {
        let mut a: Vec<Article> = (0..5)
            .map(|i| Article::from_text(&format!("{i}.txt"), "متن"))
            .collect();
        a[0].date = Some(ArticleDate::on("2024-03-10", Provenance::Inferred));
        a[1].date = Some(ArticleDate::on("2024-03-12", Provenance::Header));
        a[2].date = Some(ArticleDate::on("2024-03-11", Provenance::Body));
        a[3].date = Some(ArticleDate::on("2024-03-01", Provenance::Header));
        // 0–1 and 1–2: one story (single link); 3–4 another.
        let c = clusters(&a, &[pair(0, 1), pair(1, 2), pair(3, 4)]);
        assert_eq!(c.len(), 2);
        // An estimate (0, the earliest day) does not beat a date read in
        // the text: 2 (body, 11 March) published first.
        assert_eq!(c[0].members, vec![2, 1, 0]);
        assert_eq!(c[1].members, vec![3, 4], "undated last");
    }

    #[test]
    fn changed_words_count_both_sides() {
        // «a b c d» against «a x c d e»: b→x (2) and e added (1).
        assert_eq!(
            changed_words(&[1, 2, 3, 4], &[1, 9, 3, 4, 5], &[(0..4, 0..5)]),
            3
        );
        assert_eq!(changed_words(&[1, 2], &[1, 2], &[(0..2, 0..2)]), 0);
    }
}
