//! Finding the passages two articles share, as text-reuse tools do
//! (passim, TextPAIR), inside the corpus's own word ids:
//!
//! 1. every run of [`N`] words of an article (a shingle) is hashed; a
//!    fixed share of the hashes is kept (those divisible by
//!    `Options::sample`: the same shingles in every article), and those
//!    in more than `Options::max_df` articles are dropped (set phrases,
//!    not reuse);
//! 2. two articles sharing at least `Options::min_sampled` kept shingles
//!    are a candidate pair;
//! 3. a candidate pair is aligned: every shingle they share, runs on one
//!    diagonal joined across small gaps (a word changed, added or
//!    dropped), each passage with its word ranges on both sides.

use std::ops::Range;

use rayon::prelude::*;
use rustc_hash::FxHashMap;

use crate::stats::words::BREAK;

/// Words in a shingle.
pub const N: usize = 5;

/// How hard detection looks.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Options {
    /// Keep the shingles whose hash is divisible by this (1: all).
    pub sample: u64,
    /// Shingles in more articles than this are not evidence of reuse.
    pub max_df: usize,
    /// Kept shingles two articles must share to be aligned.
    pub min_sampled: u32,
    /// Words a shared passage has at least.
    pub min_words: usize,
    /// Words that may differ inside one passage (a word swapped, added or
    /// dropped).
    pub gap: usize,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            sample: 4,
            max_df: 64,
            min_sampled: 2,
            min_words: 12,
            gap: 4,
        }
    }
}

/// A passage two articles share: word index ranges in each article's
/// ids (breaks included, as [`crate::stats::Words::ids_into`] gives them).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Passage {
    pub left: Range<usize>,
    pub right: Range<usize>,
}

/// Two articles (corpus indices, `left < right`) and what they share.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pair {
    pub left: usize,
    pub right: usize,
    pub passages: Vec<Passage>,
    /// Words shared (the shorter side of each passage).
    pub shared: usize,
}

fn hash(w: &[u32]) -> u64 {
    // FxHash-style: fast, and the same for the same words everywhere.
    let mut h: u64 = 0;
    for &x in w {
        h = (h.rotate_left(5) ^ u64::from(x)).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
    h
}

/// The shingles of `ids` (none across a break): (hash, start).
fn shingles(ids: &[u32]) -> impl Iterator<Item = (u64, usize)> + '_ {
    ids.windows(N)
        .enumerate()
        .filter(|(_, w)| !w.contains(&BREAK))
        .map(|(i, w)| (hash(w), i))
}

/// Candidate pairs among `count` articles whose ids `ids_of` gives:
/// (left, right, kept shingles shared), left < right.
pub fn candidates(
    count: usize,
    ids_of: &(dyn Fn(usize, &mut Vec<u32>) -> bool + Sync),
    opt: &Options,
) -> Vec<(u32, u32, u32)> {
    let sample = opt.sample.max(1);
    let mut kept: Vec<(u64, u32)> = (0..count)
        .into_par_iter()
        .map_init(Vec::new, |buf, i| {
            if !ids_of(i, buf) {
                return Vec::new();
            }
            let mut h: Vec<u64> = shingles(buf)
                .map(|x| x.0)
                .filter(|h| h % sample == 0)
                .collect();
            h.sort_unstable();
            h.dedup();
            h.into_iter().map(|h| (h, i as u32)).collect::<Vec<_>>()
        })
        .flatten()
        .collect();
    kept.par_sort_unstable();
    let mut pairs: Vec<(u32, u32)> = Vec::new();
    for group in kept.chunk_by(|a, b| a.0 == b.0) {
        if group.len() < 2 || group.len() > opt.max_df {
            continue;
        }
        for (k, a) in group.iter().enumerate() {
            for b in &group[k + 1..] {
                pairs.push((a.1.min(b.1), a.1.max(b.1)));
            }
        }
    }
    drop(kept);
    pairs.par_sort_unstable();
    pairs
        .chunk_by(|a, b| a == b)
        .filter(|g| g.len() as u32 >= opt.min_sampled && g[0].0 != g[0].1)
        .map(|g| (g[0].0, g[0].1, g.len() as u32))
        .collect()
}

/// The passages `a` and `b` share, longest first, none overlapping
/// another on either side.
pub fn align(a: &[u32], b: &[u32], opt: &Options) -> Vec<Passage> {
    let mut at: FxHashMap<u64, Vec<usize>> = FxHashMap::default();
    for (h, i) in shingles(a) {
        at.entry(h).or_default().push(i);
    }
    // Every shared shingle: (left start, right start).
    let mut hits: Vec<(usize, usize)> = Vec::new();
    for (h, j) in shingles(b) {
        if let Some(is) = at.get(&h) {
            // (A phrase repeated many times on one side matches each of
            // its places; a few are enough to align it.)
            hits.extend(is.iter().take(8).map(|&i| (i, j)));
        }
    }
    // Runs: on one diagonal, consecutive shingles (or a few words apart).
    hits.sort_unstable_by_key(|&(i, j)| (i as isize - j as isize, i));
    let mut runs: Vec<Passage> = Vec::new();
    for (i, j) in hits {
        match runs.last_mut() {
            Some(r)
                if r.left.start as isize - r.right.start as isize == i as isize - j as isize
                    && i <= r.left.end + opt.gap =>
            {
                r.left.end = r.left.end.max(i + N);
                r.right.end = r.right.end.max(j + N);
            }
            _ => runs.push(Passage {
                left: i..i + N,
                right: j..j + N,
            }),
        }
    }
    // Runs a few words apart on both sides, on nearby diagonals (words
    // added or dropped), are one passage.
    runs.sort_unstable_by_key(|r| (r.left.start, r.right.start));
    let mut joined: Vec<Passage> = Vec::new();
    for r in runs {
        match joined.iter_mut().rev().take(4).find(|p| {
            r.left.start >= p.left.start
                && r.right.start >= p.right.start
                && r.left.start <= p.left.end + opt.gap
                && r.right.start <= p.right.end + opt.gap
        }) {
            Some(p) => {
                p.left.end = p.left.end.max(r.left.end);
                p.right.end = p.right.end.max(r.right.end);
            }
            None => joined.push(r),
        }
    }
    // Longest first; a passage overlapping a longer one on either side
    // is the same text matched twice (a repeated phrase).
    joined.retain(|p| p.left.len().min(p.right.len()) >= opt.min_words);
    joined.sort_by_key(|p| std::cmp::Reverse(p.left.len().min(p.right.len())));
    let mut out: Vec<Passage> = Vec::new();
    for p in joined {
        let overlaps = |x: &Range<usize>, y: &Range<usize>| x.start < y.end && y.start < x.end;
        if !out
            .iter()
            .any(|q| overlaps(&p.left, &q.left) || overlaps(&p.right, &q.right))
        {
            out.push(p);
        }
    }
    out.sort_by_key(|p| p.left.start);
    out
}

/// Every pair of articles sharing at least `min_shared` words in passages.
pub fn pairs(
    count: usize,
    ids_of: &(dyn Fn(usize, &mut Vec<u32>) -> bool + Sync),
    opt: &Options,
    min_shared: usize,
) -> Vec<Pair> {
    let cands = candidates(count, ids_of, opt);
    cands
        .par_iter()
        .map_init(
            || (Vec::new(), Vec::new()),
            |(a, b), &(l, r, _)| {
                if !ids_of(l as usize, a) || !ids_of(r as usize, b) {
                    return None;
                }
                let passages = align(a, b, opt);
                let shared: usize = passages
                    .iter()
                    .map(|p| p.left.len().min(p.right.len()))
                    .sum();
                (shared >= min_shared).then_some(Pair {
                    left: l as usize,
                    right: r as usize,
                    passages,
                    shared,
                })
            },
        )
        .flatten()
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::Article;
    use crate::stats::words::Words;

    /// An original report, written for this test.
    const STORY: [&str; 4] = [
        "وزیر نیرو روز دوشنبه در نشست خبری اعلام کرد که ذخایر آب سدهای استان تهران نسبت به سال گذشته هفت درصد کاهش یافته و مصرف خانگی باید مدیریت شود",
        "به گفته او بارش‌های پاییزی امسال کمتر از میانگین بلندمدت بوده و شرکت آب منطقه‌ای برنامه کاهش فشار شبکه را در ساعات کم‌مصرف اجرا خواهد کرد",
        "وی افزود مشترکانی که مصرف ماهانه آنها بیش از الگوی تعیین‌شده باشد مشمول تعرفه‌های پلکانی جدید می‌شوند و فهرست آنها منتشر خواهد شد",
        "معاون وزیر نیز گفت طرح انتقال آب از سد طالقان تا پایان سال آینده به بهره‌برداری می‌رسد و بخشی از کمبود پایتخت را جبران می‌کند",
    ];

    fn words(texts: &[String]) -> (Words, Vec<Article>) {
        let articles: Vec<Article> = texts
            .iter()
            .enumerate()
            .map(|(i, t)| Article::from_text(&format!("{i}.txt"), t))
            .collect();
        (Words::of_articles(&articles), articles)
    }

    fn found(texts: &[String]) -> Vec<Pair> {
        let (w, a) = words(texts);
        let ids_of = |i: usize, buf: &mut Vec<u32>| w.ids_into(&a[i].path, buf);
        pairs(
            a.len(),
            &ids_of,
            &Options {
                sample: 1,
                ..Default::default()
            },
            20,
        )
    }

    #[test]
    fn a_reprint_with_changes_is_one_pair_and_a_story_on_the_topic_is_none() {
        let original = STORY.join("\n");
        // Reworded as outlets do: a paragraph dropped, a verb changed
        // («می‌شوند» → «خواهند شد»), spelled with Arabic letters.
        let reprint = [
            STORY[0].replace("می‌شوند", "خواهند شد"),
            STORY[2]
                .replace("می‌شوند", "خواهند شد")
                .replace('ی', "ي")
                .replace('ک', "ك"),
            STORY[3].to_string(),
        ]
        .join("\n");
        // The same topic, other words: not a reprint.
        let other = "بحران کم‌آبی تهران موضوع جلسه شورای شهر بود و اعضای شورا از شرکت آب و فاضلاب خواستند برنامه خود را برای تابستان آینده اعلام کند و درباره سدهای استان گزارش دهد".to_string();
        let pairs = found(&[original.clone(), reprint, other]);
        assert_eq!(pairs.len(), 1, "{pairs:?}");
        let p = &pairs[0];
        assert_eq!((p.left, p.right), (0, 1));
        // The first paragraph, and the last two (adjacent on both sides:
        // one passage across their break); the dropped one is in none.
        assert_eq!(p.passages.len(), 2, "{:?}", p.passages);
        let words = |i: usize| STORY[i].split_whitespace().count();
        assert_eq!(p.passages[0].left, 0..words(0));
        assert_eq!(p.passages[0].right, 0..words(0));
        let dropped = words(0) + 1..words(0) + 1 + words(1);
        assert!(
            p.passages
                .iter()
                .all(|x| x.left.end <= dropped.start || x.left.start >= dropped.end)
        );
        // The changed verb («می‌شوند» → «خواهند شد») is inside the passage,
        // not a cut: one word more on the right.
        assert_eq!(p.passages[1].right.len(), p.passages[1].left.len() + 1);
        assert_eq!(
            p.passages[1].left.end,
            words(0) + words(1) + words(2) + words(3) + 3
        );
    }

    #[test]
    fn a_quote_inside_a_longer_article_is_found_where_it_stands() {
        let quote = STORY[1];
        let longer = format!(
            "در گزارشی دیگر یک کارشناس منابع آب درباره وضعیت پایتخت سخن گفت و چنین توضیح داد {quote} این کارشناس در پایان خواستار صرفه‌جویی شد"
        );
        let (w, _) = words(&[STORY.join("\n"), longer]);
        let (mut l, mut r) = (Vec::new(), Vec::new());
        w.ids_into("0.txt", &mut l);
        w.ids_into("1.txt", &mut r);
        let p = align(&l, &r, &Options::default());
        assert_eq!(p.len(), 1, "{p:?}");
        let n = quote.split_whitespace().count();
        assert_eq!(p[0].left.len(), n);
        assert_eq!(p[0].right.len(), n);
        // On the right it starts after the 16 words of the lead-in.
        assert_eq!(p[0].right.start, 16);
        assert_eq!(l[p[0].left.clone()], r[p[0].right.clone()]);
    }
}
