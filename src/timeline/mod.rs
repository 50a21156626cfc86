//! The corpus on a time axis: articles counted per day, week, month or
//! year in the Jalali or the Gregorian calendar, with the counts split by
//! where each date came from (header, body, inferred, file time) and the
//! undated ones apart. One aggregation serves the timeline panel and
//! `daftar timeline`. Jalali weeks start on Saturday, Gregorian (ISO) weeks
//! on Monday.

use std::collections::{BTreeMap, HashMap};

use serde::Serialize;

use crate::dates::{CalendarKind, Day, Provenance, Ymd};

pub mod background;

/// Bucket size.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, clap::ValueEnum)]
#[serde(rename_all = "lowercase")]
pub enum BucketSize {
    Day,
    Week,
    Month,
    Year,
}

/// Counts by provenance.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct ByProvenance {
    pub header: usize,
    pub body: usize,
    pub inferred: usize,
    pub file: usize,
}

impl ByProvenance {
    fn add(&mut self, p: Option<Provenance>) {
        match p {
            Some(Provenance::Header) | None => self.header += 1,
            Some(Provenance::Body) => self.body += 1,
            Some(Provenance::Inferred) => self.inferred += 1,
            Some(Provenance::File) => self.file += 1,
        }
    }
}

/// One bucket: days `start..=end`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Bucket {
    pub start: Day,
    pub end: Day,
    pub count: usize,
    pub by_provenance: ByProvenance,
}

/// A histogram: consecutive buckets from the first dated article's to the
/// last one's (empty ones included), and the undated count.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Timeline {
    pub buckets: Vec<Bucket>,
    pub undated: usize,
}

/// The first day of the bucket holding `day`.
pub fn bucket_start(day: Day, size: BucketSize, cal: CalendarKind) -> Day {
    match size {
        BucketSize::Day => day,
        BucketSize::Week => {
            let idx = day.weekday().index() as i64; // Saturday 0
            let from_start = match cal {
                CalendarKind::Jalali => idx,
                _ => (idx + 5) % 7, // Monday 0
            };
            day.add_days(-from_start)
        }
        BucketSize::Month => {
            let y = day.in_calendar(cal);
            Day::from_ymd(cal, Ymd { day: 1, ..y }).unwrap_or(day)
        }
        BucketSize::Year => {
            let y = day.in_calendar(cal);
            Day::from_ymd(
                cal,
                Ymd {
                    year: y.year,
                    month: 1,
                    day: 1,
                },
            )
            .unwrap_or(day)
        }
    }
}

/// The first day of the next bucket.
pub fn next_bucket(start: Day, size: BucketSize, cal: CalendarKind) -> Day {
    match size {
        BucketSize::Day => start.add_days(1),
        BucketSize::Week => start.add_days(7),
        BucketSize::Month => {
            let y = start.in_calendar(cal);
            let (year, month) = if y.month == 12 {
                (y.year + 1, 1)
            } else {
                (y.year, y.month + 1)
            };
            Day::from_ymd(
                cal,
                Ymd {
                    year,
                    month,
                    day: 1,
                },
            )
            .unwrap_or(start.add_days(31))
        }
        BucketSize::Year => {
            let y = start.in_calendar(cal);
            Day::from_ymd(
                cal,
                Ymd {
                    year: y.year + 1,
                    month: 1,
                    day: 1,
                },
            )
            .unwrap_or(start.add_days(366))
        }
    }
}

/// Counts `items` (day, provenance) into buckets.
pub fn aggregate(
    items: impl IntoIterator<Item = (Option<Day>, Option<Provenance>)>,
    size: BucketSize,
    cal: CalendarKind,
) -> Timeline {
    aggregate_tagged(items.into_iter().map(|(d, p)| (d, p, ())), size, cal).0
}

/// As [`aggregate`], and also counts each item's tag (e.g. its source) per
/// bucket: the second value holds one map per bucket.
pub fn aggregate_tagged<T: Ord + Copy>(
    items: impl IntoIterator<Item = (Option<Day>, Option<Provenance>, T)>,
    size: BucketSize,
    cal: CalendarKind,
) -> (Timeline, Vec<BTreeMap<T, usize>>) {
    let mut counts: BTreeMap<Day, (ByProvenance, BTreeMap<T, usize>)> = Default::default();
    // Many articles share a day; the calendar arithmetic is done once a day.
    let mut starts: HashMap<Day, Day> = HashMap::new();
    let mut undated = 0;
    for (day, prov, tag) in items {
        match day {
            Some(d) => {
                let start = *starts
                    .entry(d)
                    .or_insert_with(|| bucket_start(d, size, cal));
                let e = counts.entry(start).or_default();
                e.0.add(prov);
                *e.1.entry(tag).or_default() += 1;
            }
            None => undated += 1,
        }
    }
    let mut buckets = Vec::new();
    let mut tags = Vec::new();
    if let (Some(&first), Some(&last)) = (counts.keys().next(), counts.keys().next_back()) {
        let mut start = first;
        while start <= last {
            let next = next_bucket(start, size, cal);
            let (by, t) = counts.remove(&start).unwrap_or_default();
            buckets.push(Bucket {
                start,
                end: next.add_days(-1),
                count: by.header + by.body + by.inferred + by.file,
                by_provenance: by,
            });
            tags.push(t);
            start = next;
        }
    }
    (Timeline { buckets, undated }, tags)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn j(y: i32, m: u8, d: u8) -> Day {
        Day::from_jalali(y, m, d).unwrap()
    }

    #[test]
    fn jalali_months_have_their_lengths_and_esfand_its_leap_day() {
        let t = aggregate(
            [(Some(j(1403, 1, 5)), None), (Some(j(1403, 12, 30)), None)],
            BucketSize::Month,
            CalendarKind::Jalali,
        );
        assert_eq!(t.buckets.len(), 12);
        let lens: Vec<i64> = t
            .buckets
            .iter()
            .map(|b| b.start.days_until(b.end) + 1)
            .collect();
        assert_eq!(
            lens,
            [31, 31, 31, 31, 31, 31, 30, 30, 30, 30, 30, 30],
            "1403 is leap: Esfand 30"
        );
        let t = aggregate(
            [(Some(j(1402, 12, 29)), None)],
            BucketSize::Month,
            CalendarKind::Jalali,
        );
        assert_eq!(
            t.buckets[0].start.days_until(t.buckets[0].end) + 1,
            29,
            "1402 is not leap"
        );
        let t = aggregate(
            [(Some(j(1399, 12, 30)), None)],
            BucketSize::Month,
            CalendarKind::Jalali,
        );
        assert_eq!(t.buckets[0].end, j(1399, 12, 30), "1399 is leap");
    }

    #[test]
    fn years_turn_at_nowruz_in_jalali_and_january_in_gregorian() {
        let before = j(1402, 12, 29); // 2024-03-19
        let nowruz = j(1403, 1, 1); // 2024-03-20
        let t = aggregate(
            [(Some(before), None), (Some(nowruz), None)],
            BucketSize::Year,
            CalendarKind::Jalali,
        );
        assert_eq!(t.buckets.len(), 2);
        assert_eq!(t.buckets[1].start, nowruz);
        assert_eq!(t.buckets[0].end, before);
        let t = aggregate(
            [(Some(before), None), (Some(nowruz), None)],
            BucketSize::Year,
            CalendarKind::Gregorian,
        );
        assert_eq!(t.buckets.len(), 1, "both in 2024");
        assert_eq!(t.buckets[0].start.to_string(), "2024-01-01");
        assert_eq!(t.buckets[0].count, 2);
    }

    #[test]
    fn weeks_start_on_saturday_in_jalali_and_monday_in_gregorian() {
        let friday = Day::parse_iso("2024-11-22").unwrap();
        let jw = bucket_start(friday, BucketSize::Week, CalendarKind::Jalali);
        assert_eq!(jw.to_string(), "2024-11-16");
        assert_eq!(jw.weekday(), crate::dates::Weekday::Saturday);
        let gw = bucket_start(friday, BucketSize::Week, CalendarKind::Gregorian);
        assert_eq!(gw.to_string(), "2024-11-18");
        assert_eq!(gw.weekday(), crate::dates::Weekday::Monday);
    }

    #[test]
    fn provenance_and_undated_are_counted_apart() {
        let d = j(1403, 9, 2);
        let t = aggregate(
            [
                (Some(d), Some(Provenance::Header)),
                (Some(d), Some(Provenance::Inferred)),
                (Some(d.add_days(2)), Some(Provenance::File)),
                (None, None),
            ],
            BucketSize::Day,
            CalendarKind::Jalali,
        );
        assert_eq!(t.buckets.len(), 3, "the empty day between is a bucket too");
        assert_eq!(
            t.buckets[0].by_provenance,
            ByProvenance {
                header: 1,
                inferred: 1,
                ..Default::default()
            }
        );
        assert_eq!(t.buckets[1].count, 0);
        assert_eq!(t.buckets[2].by_provenance.file, 1);
        assert_eq!(t.undated, 1);
    }
}
