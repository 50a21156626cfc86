//! Timeline histograms computed off the UI thread and kept until their
//! inputs change: the panel asks for the histogram of (article set, overlay,
//! bucket size, calendar) every frame, gets the newest finished one at
//! once, and a worker thread computes the asked one when it differs. Only
//! one job runs at a time; asks made while it runs are coalesced into the
//! next one. Each histogram also knows, per bucket, how many articles each
//! source published, so hovering needs no walk over the articles.

use std::collections::HashMap;
use std::sync::Arc;

use crate::corpus::Article;
use crate::dates::{CalendarKind, Day, Provenance};
use crate::index::search::DatedDoc;
use crate::jobs::Latest;
use crate::timeline::{BucketSize, Timeline, aggregate_tagged};

/// The dates and sources of an article set, copied so the worker needs
/// no access to the articles.
#[derive(Debug, Default, Clone)]
pub struct Snapshot {
    items: Vec<(Option<Day>, Option<Provenance>, u32)>,
    sources: Vec<String>,
    /// First and last dated day.
    pub span: Option<(Day, Day)>,
}

impl Snapshot {
    pub fn of(articles: &[Article]) -> Snapshot {
        let mut s = Snapshot::default();
        s.extend(articles, &mut HashMap::new());
        s
    }

    /// Appends `articles`; `ids` maps source names to their ids.
    fn extend(&mut self, articles: &[Article], ids: &mut HashMap<String, u32>) {
        for a in articles {
            let name = a.source.as_deref().unwrap_or("?");
            let id = match ids.get(name) {
                Some(&id) => id,
                None => {
                    self.sources.push(name.to_string());
                    let id = (self.sources.len() - 1) as u32;
                    ids.insert(name.to_string(), id);
                    id
                }
            };
            let day = a.date.as_ref().map(|d| d.day);
            if let Some(d) = day {
                self.span = Some(self.span.map_or((d, d), |(lo, hi)| (lo.min(d), hi.max(d))));
            }
            self.items
                .push((day, a.date.as_ref().map(|d| d.provenance), id));
        }
    }
}

/// What a histogram was computed from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct HistogramKey {
    /// Identifies the article set: its generation (bumped whenever
    /// articles are replaced or removed) and count.
    pub articles: (u64, usize),
    /// Identifies the overlay (0: none).
    pub overlay: u64,
    pub size: BucketSize,
    pub cal: CalendarKind,
}

/// A computed histogram: the whole corpus, the overlay (search hits or an
/// entity's articles) and the sources per corpus bucket.
#[derive(Debug)]
pub struct Histogram {
    pub key: HistogramKey,
    pub corpus: Timeline,
    pub overlay: Option<Timeline>,
    /// Per corpus bucket: (source id, articles), most first.
    sources: Vec<Vec<(u32, usize)>>,
    snapshot: Arc<Snapshot>,
}

impl Histogram {
    pub fn compute(
        key: HistogramKey,
        snapshot: Arc<Snapshot>,
        overlay: Option<&[DatedDoc]>,
    ) -> Histogram {
        let (corpus, tags) = aggregate_tagged(
            snapshot.items.iter().map(|&(d, p, s)| (d, p, s)),
            key.size,
            key.cal,
        );
        let sources = tags
            .into_iter()
            .map(|m| {
                let mut v: Vec<(u32, usize)> = m.into_iter().collect();
                v.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
                v
            })
            .collect();
        let overlay =
            overlay.map(|docs| crate::timeline::aggregate(docs.iter().copied(), key.size, key.cal));
        Histogram {
            key,
            corpus,
            overlay,
            sources,
            snapshot,
        }
    }

    /// The corpus bucket holding `day`.
    pub fn bucket_at(&self, day: Day) -> Option<usize> {
        let b = &self.corpus.buckets;
        let i = b.partition_point(|x| x.end < day);
        (i < b.len() && b[i].start <= day).then_some(i)
    }

    /// Articles per source in corpus bucket `i`, most first.
    pub fn sources_of(&self, i: usize) -> Vec<(&str, usize)> {
        self.sources.get(i).map_or(Vec::new(), |v| {
            v.iter()
                .map(|&(s, n)| {
                    let name = self.snapshot.sources.get(s as usize);
                    (name.map_or("?", |x| x.as_str()), n)
                })
                .collect()
        })
    }
}

/// Runs histogram jobs on a worker thread, one at a time.
#[derive(Default)]
pub struct Aggregator {
    histograms: Latest<HistogramKey, Histogram>,
    snapshot: Arc<Snapshot>,
    /// The article set the snapshot holds.
    set: (u64, usize),
    source_ids: HashMap<String, u32>,
}

impl Aggregator {
    /// Brings the copy of the articles' dates up to date: articles that
    /// were only appended (a load in progress) are added, any other change
    /// (a new `generation`) copies them all again. Returns the set's key.
    pub fn sync(&mut self, generation: u64, articles: &[Article]) -> (u64, usize) {
        let set = (generation, articles.len());
        if set == self.set {
            return set;
        }
        if generation != self.set.0 || articles.len() < self.set.1 {
            self.snapshot = Arc::new(Snapshot::default());
            self.source_ids.clear();
        }
        let done = self.snapshot.items.len();
        Arc::make_mut(&mut self.snapshot).extend(&articles[done..], &mut self.source_ids);
        self.set = set;
        set
    }

    /// The article set last synced.
    pub fn synced(&self) -> (u64, usize) {
        self.set
    }

    /// The first and last dated day of the synced articles.
    pub fn span(&self) -> Option<(Day, Day)> {
        self.snapshot.span
    }

    /// The newest finished histogram (perhaps of an older key), starting a
    /// job for `key` when none is running and the newest is not of it.
    /// Call [`Self::sync`] first; `wake` is called when the job is done.
    pub fn get(
        &mut self,
        key: HistogramKey,
        overlay: Option<Arc<Vec<DatedDoc>>>,
        wake: impl Fn() + Send + 'static,
    ) -> Option<&Histogram> {
        let snapshot = self.snapshot.clone();
        self.histograms
            .get(
                &key,
                || move || Histogram::compute(key, snapshot, overlay.as_deref().map(|v| &v[..])),
                wake,
            )
            .map(|(_, h)| h)
    }

    /// Whether a job is running.
    pub fn is_busy(&self) -> bool {
        self.histograms.is_busy()
    }

    /// Why the newest histogram could not be counted, if it failed.
    pub fn failure(&self) -> Option<&str> {
        self.histograms.failure()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn article(day: Option<Day>, source: &str) -> Article {
        let mut a = Article::from_text("x.txt", "");
        a.source = Some(source.to_string());
        a.date = day.map(|day| crate::dates::ArticleDate {
            day,
            provenance: Provenance::Header,
            confidence: 1.0,
            text: String::new(),
            range: None,
            bounds: None,
        });
        a
    }

    #[test]
    fn hovering_a_bucket_gives_its_sources_most_first() {
        let d = Day::from_jalali(1403, 9, 2).unwrap();
        let arts = vec![
            article(Some(d), "ایرنا"),
            article(Some(d.add_days(1)), "تسنیم"),
            article(Some(d.add_days(3)), "ایرنا"),
            article(Some(Day::from_jalali(1403, 10, 1).unwrap()), "تسنیم"),
            article(None, "ایسنا"),
        ];
        let key = HistogramKey {
            articles: (1, arts.len()),
            overlay: 0,
            size: BucketSize::Month,
            cal: CalendarKind::Jalali,
        };
        let h = Histogram::compute(key, Arc::new(Snapshot::of(&arts)), None);
        let i = h.bucket_at(d.add_days(10)).unwrap();
        assert_eq!(h.corpus.buckets[i].count, 3);
        assert_eq!(h.sources_of(i), vec![("ایرنا", 2), ("تسنیم", 1)]);
        let j = h
            .bucket_at(Day::from_jalali(1403, 10, 15).unwrap())
            .unwrap();
        assert_eq!(h.sources_of(j), vec![("تسنیم", 1)]);
        assert_eq!(h.corpus.undated, 1);
        assert_eq!(h.bucket_at(Day::from_jalali(1404, 1, 1).unwrap()), None);
    }

    #[test]
    fn the_worker_delivers_the_asked_histogram() {
        let d = Day::from_jalali(1403, 9, 2).unwrap();
        let arts = vec![article(Some(d), "ایرنا"), article(Some(d), "ایرنا")];
        let hits: Arc<Vec<DatedDoc>> = Arc::new(vec![(Some(d), Some(Provenance::Header))]);
        let key = HistogramKey {
            articles: (1, 2),
            overlay: 7,
            size: BucketSize::Day,
            cal: CalendarKind::Gregorian,
        };
        let mut agg = Aggregator::default();
        assert_eq!(agg.sync(1, &arts[..1]), (1, 1));
        assert_eq!(agg.sync(1, &arts), (1, 2), "a growing set is appended to");
        let started = std::time::Instant::now();
        loop {
            let got = agg.get(key, Some(hits.clone()), || {});
            if let Some(h) = got {
                assert_eq!(h.key, key);
                assert_eq!(h.corpus.buckets[0].count, 2);
                assert_eq!(h.overlay.as_ref().unwrap().buckets[0].count, 1);
                break;
            }
            assert!(started.elapsed().as_secs() < 10, "no histogram came");
            std::thread::sleep(std::time::Duration::from_millis(2));
        }
        assert_eq!(agg.span(), Some((d, d)));
    }
}
