//! Finding dates in Persian (and English) news text, per PERSIAN.md §3.
//!
//! Matching runs on the search key of a line ([`Folded`]), so every letter
//! variant (فروردين / فروردین, دي / دی) and digit set (۱۴۰۳ / ١٤٠٣ / 1403) is
//! one pattern, and each match maps back to its original characters.

use std::ops::Range;
use std::sync::LazyLock;

use regex::{Captures, Regex};

use super::calendar::{CalendarKind, Day, Weekday};
use crate::text::Folded;

/// A date written in the text.
#[derive(Debug, Clone, PartialEq)]
pub struct FoundDate {
    pub calendar: CalendarKind,
    /// Year as written; `None` for a partial date (`۱۰ شهریور`).
    pub year: Option<i32>,
    pub month: u8,
    pub day_of_month: u8,
    /// The day, when the year is known.
    pub day: Option<Day>,
    /// The weekday as written, if any.
    pub weekday: Option<Weekday>,
    /// Hour and minute as written, if any.
    pub time: Option<(u8, u8)>,
    /// Byte range in the searched text.
    pub range: Range<usize>,
}

impl FoundDate {
    /// A weekday that contradicts the date, as a warning text.
    pub fn weekday_conflict(&self) -> Option<crate::i18n::Notice> {
        let (written, day) = (self.weekday?, self.day?);
        (written != day.weekday()).then(|| {
            crate::i18n::Notice::new("warning-weekday-conflict")
                .with("written", written.persian_name())
                .with("date", day)
                .with("weekday", day.weekday().persian_name())
        })
    }
}

/// Jalali month names as search keys (آبان → ابان), from the names shown
/// to readers.
static JALALI_MONTHS: LazyLock<Vec<String>> = LazyLock::new(|| {
    super::calendar::JALALI_MONTH_NAMES
        .iter()
        .map(|m| crate::text::search_key(m))
        .collect()
});

/// Gregorian month names as Persian news writes them (search keys), with
/// their month numbers.
const GREGORIAN_MONTHS_FA: [(&str, u8); 17] = [
    ("ژانویه", 1),
    ("فوریه", 2),
    ("مارس", 3),
    ("اوریل", 4),
    ("مه", 5),
    ("می", 5),
    ("ژوین", 6),
    ("ژوییه", 7),
    ("جولای", 7),
    ("اوت", 8),
    ("اگوست", 8),
    ("اگست", 8),
    ("سپتامبر", 9),
    ("اکتبر", 10),
    ("نوامبر", 11),
    ("دسامبر", 12),
    ("ژانویه", 1),
];

const ENGLISH_MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// Lunar Hijri months, search keys with spaces removed.
const HIJRI_MONTHS: [(&str, u8); 17] = [
    ("محرم", 1),
    ("محرمالحرام", 1),
    ("صفر", 2),
    ("ربیعالاول", 3),
    ("ربیعالثانی", 4),
    ("ربیعالاخر", 4),
    ("جمادیالاول", 5),
    ("جمادیالاولی", 5),
    ("جمادیالثانی", 6),
    ("جمادیالثانیه", 6),
    ("جمادیالاخره", 6),
    ("رجب", 7),
    ("شعبان", 8),
    ("رمضان", 9),
    ("شوال", 10),
    ("ذیالقعده", 11),
    ("ذیالحجه", 12),
];

const PERSIAN_WEEKDAYS: [(&str, Weekday); 7] = [
    ("یکشنبه", Weekday::Sunday),
    ("دوشنبه", Weekday::Monday),
    ("سهشنبه", Weekday::Tuesday),
    ("چهارشنبه", Weekday::Wednesday),
    ("پنجشنبه", Weekday::Thursday),
    ("جمعه", Weekday::Friday),
    ("شنبه", Weekday::Saturday),
];

const ENGLISH_WEEKDAYS: [(&str, Weekday); 7] = [
    ("sun", Weekday::Sunday),
    ("mon", Weekday::Monday),
    ("tue", Weekday::Tuesday),
    ("wed", Weekday::Wednesday),
    ("thu", Weekday::Thursday),
    ("fri", Weekday::Friday),
    ("sat", Weekday::Saturday),
];

/// Ordinal day words, 1..=31 (بیست و هفتم = 27).
fn ordinal_days() -> Vec<(String, u8)> {
    let units = [
        "یکم",
        "دوم",
        "سوم",
        "چهارم",
        "پنجم",
        "ششم",
        "هفتم",
        "هشتم",
        "نهم",
    ];
    let teens = [
        "دهم",
        "یازدهم",
        "دوازدهم",
        "سیزدهم",
        "چهاردهم",
        "پانزدهم",
        "شانزدهم",
        "هفدهم",
        "هجدهم",
        "نوزدهم",
    ];
    let mut out: Vec<(String, u8)> = Vec::new();
    for (i, u) in units.iter().enumerate() {
        out.push((u.to_string(), i as u8 + 1));
        out.push((format!("بیست و {u}"), i as u8 + 21));
    }
    out.push(("اول".into(), 1));
    out.push(("هیجدهم".into(), 18));
    for (i, t) in teens.iter().enumerate() {
        out.push((t.to_string(), i as u8 + 10));
    }
    out.push(("بیستم".into(), 20));
    out.push(("سیام".into(), 30));
    out.push(("سی ام".into(), 30));
    out.push(("سی و یکم".into(), 31));
    // Longest first: the regex alternation takes the first that matches.
    out.sort_by_key(|(w, _)| std::cmp::Reverse(w.chars().count()));
    out
}

static ORDINALS: LazyLock<Vec<(String, u8)>> = LazyLock::new(ordinal_days);

fn alternation<'a>(words: impl IntoIterator<Item = &'a str>) -> String {
    let mut words: Vec<&str> = words.into_iter().collect();
    words.sort_by_key(|w| std::cmp::Reverse(w.chars().count()));
    words.dedup();
    words
        .iter()
        .map(|w| regex::escape(w).replace(' ', r"\s+"))
        .collect::<Vec<_>>()
        .join("|")
}

/// A date pattern and a looser copy without word boundaries: regex runs
/// Unicode `\b` only with its slow engines on Persian text, so the loose
/// copy (fast DFA, a superset of matches) finds where a match can be, and
/// the exact one looks only there.
struct DatePattern {
    exact: Regex,
    loose: Regex,
}

/// How many words past a loose match an exact one may reach: a date's
/// words (weekday, day, month, «ماه», «سال», year, a word, «ساعت», time)
/// are fewer than this, however much white space stands between them.
const WORDS_AFTER: usize = 24;

impl DatePattern {
    /// The exact pattern's matches in `key`, as `exact.captures_iter(key)`
    /// finds them. Each starts where a loose match starts or inside one
    /// (the loose copy matches wherever the exact one does, and its
    /// leftmost matches leave none out), so the exact pattern is run on
    /// those stretches alone — a tenth of an article's text or less,
    /// where it ran on the whole of every article with a digit in it.
    fn captures_iter<'h>(&self, key: &'h str) -> Vec<Captures<'h>> {
        let mut stretches: Vec<(usize, usize)> = Vec::new();
        for m in self.loose.find_iter(key) {
            // (Ended before white space, where `\b` reads the same as in
            // the whole text: the stretch is cut where the text is.)
            let end = words_after(key, m.end(), WORDS_AFTER);
            match stretches.last_mut() {
                Some(last) if m.start() <= last.1 => last.1 = last.1.max(end),
                _ => stretches.push((m.start(), end)),
            }
        }
        let mut out = Vec::new();
        for (start, end) in stretches {
            // (The text before the stretch stays in the haystack: `\b` at
            // its start looks at the character before it.)
            let hay = &key[..end];
            let mut at = start;
            while at < end {
                let Some(c) = self.exact.captures_at(hay, at) else {
                    break;
                };
                let Some(m) = c.get(0) else {
                    break;
                };
                at = if m.end() > m.start() {
                    m.end()
                } else {
                    m.end() + hay[m.end()..].chars().next().map_or(1, char::len_utf8)
                };
                out.push(c);
            }
        }
        out
    }
}

/// Where the white space after the `n`th word from `at` begins (or the
/// end of `key`).
fn words_after(key: &str, at: usize, n: usize) -> usize {
    let mut in_word = false;
    let mut words = 0;
    for (i, c) in key[at..].char_indices() {
        if c.is_whitespace() {
            if in_word {
                words += 1;
                if words == n {
                    return at + i;
                }
            }
            in_word = false;
        } else {
            in_word = true;
        }
    }
    key.len()
}

struct Patterns {
    jalali_named: DatePattern,
    gregorian_fa: DatePattern,
    english_dmy: DatePattern,
    english_mdy: DatePattern,
    numeric_ymd: DatePattern,
    numeric_dmy: DatePattern,
    hijri: DatePattern,
}

static PATTERNS: LazyLock<Patterns> = LazyLock::new(|| {
    let weekday = r"(?:شنبه|یک\s?شنبه|دو\s?شنبه|سه\s?شنبه|چهار\s?شنبه|پنج\s?شنبه|جمعه)";
    let wd_prefix = format!(r"(?:\b(?P<wd>{weekday})\s*[،,]?\s*)?");
    let ordinals = alternation(ORDINALS.iter().map(|(w, _)| w.as_str()));
    let daynum = format!(r"(?P<d>[0-9]{{1,2}}|{ordinals})");
    let time = r"(?:\s*[،,\-]?\s*(?:[^\s0-9:،,]{2,12}\s+)?(?:ساعت\s*)?(?P<hh>[0-9]{1,2}):(?P<mm>[0-9]{2})\b)?";
    let jmonths = alternation(JALALI_MONTHS.iter().map(String::as_str).chain(["امرداد"]));
    let gmonths = alternation(GREGORIAN_MONTHS_FA.iter().map(|(w, _)| *w));
    let hmonths = alternation(
        HIJRI_MONTHS
            .iter()
            .map(|(w, _)| *w)
            .chain(["ربیع الاول", "ربیع الثانی", "ربیع الاخر", "جمادی الاول"])
            .chain([
                "جمادی الاولی",
                "جمادی الثانی",
                "جمادی الثانیه",
                "جمادی الاخره",
            ])
            .chain(["ذی القعده", "ذی الحجه", "ذیقعده", "ذیحجه", "محرم الحرام"]),
    );
    let en_months = r"(?P<m>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)";
    let en_wd = r"(?:\b(?P<wd>mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+)?";
    let re = |p: String| DatePattern {
        loose: Regex::new(&p.replace(r"\b", "")).expect("date pattern is valid"),
        exact: Regex::new(&p).expect("date pattern is valid"),
    };
    Patterns {
        jalali_named: re(format!(
            r"{wd_prefix}\b{daynum}\s*(?P<m>{jmonths})(?:\s*ماه)?\b(?:\s*[،,]?\s*(?:سال\s*)?(?P<y>[0-9]{{4}})\b)?{time}"
        )),
        gregorian_fa: re(format!(
            r"{wd_prefix}\b(?P<d>[0-9]{{1,2}})\s*(?P<m>{gmonths})\s*[،,]?\s*(?P<y>[0-9]{{4}})\b{time}"
        )),
        english_dmy: re(format!(
            r"{en_wd}\b(?P<d>[0-9]{{1,2}})(?:st|nd|rd|th)?\s+{en_months}\b\.?,?\s+(?P<y>[0-9]{{4}})\b{time}"
        )),
        english_mdy: re(format!(
            r"{en_wd}\b{en_months}\b\.?\s+(?P<d>[0-9]{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y>[0-9]{{4}})\b{time}"
        )),
        numeric_ymd: re(format!(
            r"{wd_prefix}\b(?P<y>[0-9]{{4}})\s?[/\-.]\s?(?P<m>[0-9]{{1,2}})\s?[/\-.]\s?(?P<d>[0-9]{{1,2}})(?:t[0-9:.+\-z]+|\b){time}"
        )),
        numeric_dmy: re(format!(
            r"{wd_prefix}\b(?P<d>[0-9]{{1,2}})/(?P<m>[0-9]{{1,2}})/(?P<y>1[34][0-9]{{2}})\b{time}"
        )),
        hijri: re(format!(
            r"{wd_prefix}\b{daynum}\s*(?P<m>{hmonths})\s*(?P<y>1[34][0-9]{{2}})\b"
        )),
    }
});

fn squeeze(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

fn day_number(s: &str) -> Option<u8> {
    if let Ok(n) = s.parse::<u8>() {
        return Some(n);
    }
    let s = squeeze(s);
    ORDINALS
        .iter()
        .find(|(w, _)| squeeze(w) == s)
        .map(|(_, n)| *n)
}

fn persian_weekday(s: &str) -> Option<Weekday> {
    let s = squeeze(s);
    PERSIAN_WEEKDAYS
        .iter()
        .find(|(w, _)| *w == s)
        .map(|(_, d)| *d)
}

fn num<T: std::str::FromStr>(caps: &Captures, name: &str) -> Option<T> {
    caps.name(name)?.as_str().parse().ok()
}

fn time_of(caps: &Captures) -> Option<(u8, u8)> {
    let (h, m): (u8, u8) = (num(caps, "hh")?, num(caps, "mm")?);
    (h < 24 && m < 60).then_some((h, m))
}

/// Finds every date in `text`. Invalid ones (31 مهر) are left out.
pub fn find_dates(text: &str) -> Vec<FoundDate> {
    let folded = Folded::new(text);
    find_dates_folded(&folded)
}

/// As [`find_dates`], on an already folded text; ranges are in the original.
pub fn find_dates_folded(folded: &Folded) -> Vec<FoundDate> {
    let key = folded.key.as_str();
    // The patterns use Unicode word boundaries, which regex can only run
    // with its slower engines on Persian text: cheap byte checks first
    // decide which patterns can match at all (most lines have no date).
    let bytes = key.as_bytes();
    let has_digit = bytes.iter().any(u8::is_ascii_digit);
    let has_year = bytes.windows(4).any(|w| w.iter().all(u8::is_ascii_digit));
    let jalali_month = JALALI_MONTHS.iter().any(|m| key.contains(m.as_str()));
    let ordinal = jalali_month && ORDINALS.iter().any(|(w, _)| key.contains(w.as_str()));
    if !has_year && !(jalali_month && (has_digit || ordinal)) {
        return Vec::new();
    }
    let p = &*PATTERNS;
    let mut found: Vec<FoundDate> = Vec::new();
    let push = |found: &mut Vec<FoundDate>,
                caps: &Captures,
                calendar,
                year: Option<i32>,
                month: u8,
                weekday| {
        let Some(d) = caps.name("d").and_then(|m| day_number(m.as_str())) else {
            return;
        };
        let whole = caps.get(0).map_or(0..0, |m| m.range());
        let day = match year {
            Some(y) => match Day::from_ymd(
                calendar,
                super::Ymd {
                    year: y,
                    month,
                    day: d,
                },
            ) {
                Some(day) => Some(day),
                None => return,
            },
            None if (1..=31).contains(&d) => None,
            None => return,
        };
        found.push(FoundDate {
            calendar,
            year,
            month,
            day_of_month: d,
            day,
            weekday,
            time: time_of(caps),
            range: folded.original_range(whole),
        });
    };
    let jalali_iter =
        (jalali_month && (has_digit || ordinal)).then(|| p.jalali_named.captures_iter(key));
    for caps in jalali_iter.into_iter().flatten() {
        let m = caps.name("m").map_or("", |m| m.as_str());
        let month = match m {
            "امرداد" => 5,
            _ => JALALI_MONTHS.iter().position(|x| *x == m).unwrap_or(0) as u8 + 1,
        };
        let year = num::<i32>(&caps, "y").filter(|y| (1200..1600).contains(y));
        let wd = caps.name("wd").and_then(|w| persian_weekday(w.as_str()));
        push(&mut found, &caps, CalendarKind::Jalali, year, month, wd);
    }
    if !has_year {
        return dedup_overlaps(found);
    }
    for caps in p.gregorian_fa.captures_iter(key) {
        let m = caps.name("m").map_or("", |m| m.as_str());
        let Some(&(_, month)) = GREGORIAN_MONTHS_FA.iter().find(|(w, _)| *w == m) else {
            continue;
        };
        let wd = caps.name("wd").and_then(|w| persian_weekday(w.as_str()));
        let year = num::<i32>(&caps, "y").filter(|y| (1800..2200).contains(y));
        if year.is_some() {
            push(&mut found, &caps, CalendarKind::Gregorian, year, month, wd);
        }
    }
    for re in [&p.english_dmy, &p.english_mdy] {
        for caps in re.captures_iter(key) {
            let m = caps.name("m").map_or("", |m| m.as_str());
            let month = ENGLISH_MONTHS
                .iter()
                .position(|x| x.starts_with(&m[..3.min(m.len())]))
                .unwrap_or(0) as u8
                + 1;
            let wd = caps.name("wd").and_then(|w| {
                ENGLISH_WEEKDAYS
                    .iter()
                    .find(|(n, _)| w.as_str().starts_with(n))
                    .map(|(_, d)| *d)
            });
            let year = num::<i32>(&caps, "y").filter(|y| (1800..2200).contains(y));
            if year.is_some() {
                push(&mut found, &caps, CalendarKind::Gregorian, year, month, wd);
            }
        }
    }
    for re in [&p.numeric_ymd, &p.numeric_dmy] {
        for caps in re.captures_iter(key) {
            let (Some(y), Some(month)) = (num::<i32>(&caps, "y"), num::<u8>(&caps, "m")) else {
                continue;
            };
            let calendar = match y {
                1300..=1499 => CalendarKind::Jalali,
                1900..=2199 => CalendarKind::Gregorian,
                _ => continue,
            };
            let wd = caps.name("wd").and_then(|w| persian_weekday(w.as_str()));
            push(&mut found, &caps, calendar, Some(y), month, wd);
        }
    }
    for caps in p.hijri.captures_iter(key) {
        let m = squeeze(caps.name("m").map_or("", |m| m.as_str()));
        let Some(&(_, month)) = HIJRI_MONTHS.iter().find(|(w, _)| *w == m) else {
            continue;
        };
        let wd = caps.name("wd").and_then(|w| persian_weekday(w.as_str()));
        push(
            &mut found,
            &caps,
            CalendarKind::Hijri,
            num(&caps, "y"),
            month,
            wd,
        );
    }
    dedup_overlaps(found)
}

/// Overlaps (a Hijri day name read as Jalali, say): the longest wins.
fn dedup_overlaps(mut found: Vec<FoundDate>) -> Vec<FoundDate> {
    found.sort_by_key(|f| (f.range.start, std::cmp::Reverse(f.range.end)));
    let mut kept: Vec<FoundDate> = Vec::with_capacity(found.len());
    for f in found {
        match kept.last_mut() {
            Some(last) if f.range.start < last.range.end => {
                if f.range.len() > last.range.len() {
                    *last = f;
                }
            }
            _ => kept.push(f),
        }
    }
    kept
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The exact pattern run only where the loose one matched finds what
    /// it finds run on the whole text: dates at the start and the end,
    /// back to back, inside words, after long runs, in every pattern.
    #[test]
    fn looking_only_where_the_loose_pattern_matched_misses_nothing() {
        let filler = "متن خبر درباره بازار و نرخ ارز ".repeat(20);
        let texts = [
            format!("۱۲ مهر ۱۴۰۳ {filler} جمعه ۲ آذر ۱۴۰۳ ساعت ۱۸:۰۱"),
            format!("{filler}۲۵ دی{filler}۱۴۰۲/۱۰/۰۵ و ۱۴۰۲/۱۰/۰۶"),
            "الف۱۲ مهر ۱۴۰۳ و ۱۲مهر۱۴۰۳ و ۱۲ مهرماه سال ۱۴۰۳ - ۱۰:۲۰".to_string(),
            format!("Monday, 3 March 2025 {filler} March 3, 2025 at 10:20 and 3/4/1403"),
            format!("۵ ژانویه ۲۰۲۵ {filler}۱۵ رمضان ۱۴۴۶ و دوم آبان"),
            format!("{}۱۲ مهر ۱۴۰۳", " ".repeat(300)),
            "۱۲ مهر ۱۴۰۳۱۲ مهر ۱۴۰۳ ۱۲ ۱۲ مهر".to_string(),
            // A date that starts inside a longer loose match and runs on
            // through a long stretch of white space to its year.
            format!("۱۲ مهر ۱۴۰۳ ساعت ۱۸:۰۱مهر{}۱۴۰۲", " ".repeat(300)),
        ];
        let p = &*PATTERNS;
        let all = [
            &p.jalali_named,
            &p.gregorian_fa,
            &p.english_dmy,
            &p.english_mdy,
            &p.numeric_ymd,
            &p.numeric_dmy,
            &p.hijri,
        ];
        let spans = |caps: Vec<Captures>| -> Vec<Vec<Option<(usize, usize)>>> {
            caps.iter()
                .map(|c| c.iter().map(|g| g.map(|m| (m.start(), m.end()))).collect())
                .collect()
        };
        let mut found = 0;
        for text in &texts {
            let key = Folded::new(text).key;
            for pat in all {
                let whole = spans(pat.exact.captures_iter(&key).collect());
                found += whole.len();
                assert_eq!(spans(pat.captures_iter(&key)), whole, "{key}");
            }
        }
        assert!(found >= 12, "the texts hold dates: {found}");
    }

    /// (text, expected Gregorian day, expected calendar, expected matched text)
    const CASES: &[(&str, &str, CalendarKind, &str)] = &[
        // Jalali with month names, in every letter variant and digit set.
        (
            "27 فروردين 1397 ساعت 11:23",
            "2018-04-16",
            CalendarKind::Jalali,
            "27 فروردين 1397 ساعت 11:23",
        ),
        (
            "جمعه ۲ آذر ۱۴۰۳ تهران ۱۸:۰۱",
            "2024-11-22",
            CalendarKind::Jalali,
            "جمعه ۲ آذر ۱۴۰۳ تهران ۱۸:۰۱",
        ),
        (
            "شامگاه دوشنبه ۱۰ شهریور ۱۴۰۴، در ادامه",
            "2025-09-01",
            CalendarKind::Jalali,
            "دوشنبه ۱۰ شهریور ۱۴۰۴",
        ),
        (
            "روز ١٥ دي ١٣٩٨ اعلام شد",
            "2020-01-05",
            CalendarKind::Jalali,
            "١٥ دي ١٣٩٨",
        ),
        (
            "در ۵ مرداد ماه ۱۴۰۲",
            "2023-07-27",
            CalendarKind::Jalali,
            "۵ مرداد ماه ۱۴۰۲",
        ),
        (
            "۵ امرداد ۱۴۰۲",
            "2023-07-27",
            CalendarKind::Jalali,
            "۵ امرداد ۱۴۰۲",
        ),
        (
            "بیست و هفتم اسفند ۱۴۰۱",
            "2023-03-18",
            CalendarKind::Jalali,
            "بیست و هفتم اسفند ۱۴۰۱",
        ),
        (
            "اول اردیبهشت سال ۱۴۰۰",
            "2021-04-21",
            CalendarKind::Jalali,
            "اول اردیبهشت سال ۱۴۰۰",
        ),
        (
            "سه‌شنبه ۱۲ تیر ۱۴۰۲",
            "2023-07-03",
            CalendarKind::Jalali,
            "سه‌شنبه ۱۲ تیر ۱۴۰۲",
        ),
        // Numeric, all three digit sets, both orders.
        (
            "تاریخ: 1403/09/02",
            "2024-11-22",
            CalendarKind::Jalali,
            "1403/09/02",
        ),
        ("۱۴۰۳/۹/۲", "2024-11-22", CalendarKind::Jalali, "۱۴۰۳/۹/۲"),
        (
            "١٤٠٣-٠٩-٠٢",
            "2024-11-22",
            CalendarKind::Jalali,
            "١٤٠٣-٠٩-٠٢",
        ),
        (
            "02/09/1403",
            "2024-11-22",
            CalendarKind::Jalali,
            "02/09/1403",
        ),
        (
            "2024-11-22T10:00",
            "2024-11-22",
            CalendarKind::Gregorian,
            "2024-11-22T10:00",
        ),
        // Gregorian in Persian and English.
        (
            "۲۲ نوامبر ۲۰۲۴",
            "2024-11-22",
            CalendarKind::Gregorian,
            "۲۲ نوامبر ۲۰۲۴",
        ),
        (
            "۱۱ ژوئیه ۲۰۲۴",
            "2024-07-11",
            CalendarKind::Gregorian,
            "۱۱ ژوئیه ۲۰۲۴",
        ),
        (
            "۳ آوریل ۲۰۲۰",
            "2020-04-03",
            CalendarKind::Gregorian,
            "۳ آوریل ۲۰۲۰",
        ),
        (
            "Friday, 22 November 2024",
            "2024-11-22",
            CalendarKind::Gregorian,
            "Friday, 22 November 2024",
        ),
        (
            "on July 11, 2024 in",
            "2024-07-11",
            CalendarKind::Gregorian,
            "July 11, 2024",
        ),
        (
            "Sept. 1st 2025",
            "2025-09-01",
            CalendarKind::Gregorian,
            "Sept. 1st 2025",
        ),
        // Lunar Hijri (Umm al-Qura; ±1 day is inherent).
        (
            "۱ رمضان ۱۴۴۵",
            "2024-03-11",
            CalendarKind::Hijri,
            "۱ رمضان ۱۴۴۵",
        ),
        (
            "۱۰ محرم الحرام ۱۴۴۶",
            "2024-07-16",
            CalendarKind::Hijri,
            "۱۰ محرم الحرام ۱۴۴۶",
        ),
    ];

    #[test]
    fn every_format_is_found() {
        for &(text, greg, cal, matched) in CASES {
            let found = find_dates(text);
            assert_eq!(found.len(), 1, "one date in «{text}»: {found:?}");
            let f = &found[0];
            assert_eq!(f.calendar, cal, "{text}");
            let day = f.day.expect("year known");
            let expected = Day::parse_iso(greg).unwrap();
            let tolerance = if cal == CalendarKind::Hijri { 1 } else { 0 };
            assert!(
                day.days_until(expected).abs() <= tolerance,
                "«{text}»: {day} ≠ {greg}"
            );
            assert_eq!(&text[f.range.clone()], matched, "range of «{text}»");
        }
    }

    #[test]
    fn weekday_and_time_are_read() {
        let f = &find_dates("جمعه ۲ آذر ۱۴۰۳ تهران ۱۸:۰۱")[0];
        assert_eq!(f.weekday, Some(Weekday::Friday));
        assert_eq!(f.time, Some((18, 1)));
        assert_eq!(f.weekday_conflict(), None);
        let f = &find_dates("شنبه ۲ آذر ۱۴۰۳")[0];
        assert!(f.weekday_conflict().is_some(), "2 Azar 1403 was a Friday");
    }

    #[test]
    fn partial_dates_have_no_year() {
        let found = find_dates("روز ۱۰ شهریور در پکن");
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].year, None);
        assert_eq!((found[0].month, found[0].day_of_month), (6, 10));
    }

    #[test]
    fn non_dates_are_not_found() {
        for text in [
            "۳۱ مهر ۱۴۰۳",     // Mehr has 30 days
            "۳۰ اسفند ۱۴۰۲",   // 1402 is not leap
            "قیمت ۱۴۰۳ تومان", // a bare number
            "تیر خلاص",         // the word, not the month
            "مهر و موم",
            "کد خبر: 324871",
            "ساعت 11:23",
            "version 1.2.3",
        ] {
            assert!(
                find_dates(text).is_empty(),
                "no date in «{text}»: {:?}",
                find_dates(text)
            );
        }
    }
}
