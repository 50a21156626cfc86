//! Two sides' statements set side by side (who said what): one code path
//! for the window, which runs it on a worker for the comparison view, and
//! `daftar compare`, which runs it at once and prints it.

use std::sync::Arc;

use crate::corpus::Article;
use crate::extract::Gazetteer;
use crate::extract::compare::{Comparison, Ledger, Side, StatementRef, compare};

/// A comparison and its ledger, statement refs in the corpus's article
/// indices.
pub struct Compared {
    pub comparison: Comparison,
    pub ledger: Ledger,
}

/// Takes from `articles` those with a statement on either side (their
/// texts and analysis shared, not copied) and gives the work that compares
/// them, to run on a worker.
pub fn comparison_job(
    g: Arc<Gazetteer>,
    articles: &[Article],
    left: Side,
    right: Side,
) -> impl FnOnce() -> Compared + Send + 'static {
    let mut map = Vec::new();
    let mut sub: Vec<Article> = Vec::new();
    for (i, a) in articles.iter().enumerate() {
        if a.statements()
            .any(|s| left.admits(&g, a, &s) || right.admits(&g, a, &s))
        {
            map.push(i);
            sub.push(Article {
                warnings: Vec::new(),
                tags: Vec::new(),
                paragraphs: Vec::new(),
                ..a.clone()
            });
        }
    }
    move || {
        let mut c = compare(&g, &sub, &left, &right);
        let mut ledger = Ledger::of(
            &sub,
            &c.left.iter().chain(&c.right).copied().collect::<Vec<_>>(),
        );
        // Back to the corpus's article indices.
        let fix = |r: &mut StatementRef| r.0 = map[r.0];
        c.left.iter_mut().for_each(fix);
        c.right.iter_mut().for_each(fix);
        c.left_unpaired.iter_mut().for_each(fix);
        c.right_unpaired.iter_mut().for_each(fix);
        for p in &mut c.pairs {
            fix(&mut p.left);
            fix(&mut p.right);
        }
        ledger.articles.iter_mut().for_each(|a| *a = map[*a]);
        for row in &mut ledger.cells {
            for cell in row {
                cell.iter_mut().for_each(fix);
            }
        }
        Compared {
            comparison: c,
            ledger,
        }
    }
}

/// [`comparison_job`], run now.
pub fn compare_now(g: Arc<Gazetteer>, articles: &[Article], left: Side, right: Side) -> Compared {
    comparison_job(g, articles, left, right)()
}
