//! Calendar arithmetic: a day on one axis, seen in the Jalali (Solar Hijri),
//! Gregorian or lunar Hijri calendar. Conversion is ICU4X's `icu_calendar`
//! (the 33-year arithmetic rule, as jdatetime uses); this module only gives
//! it the shapes the rest of daftar needs.

use std::fmt;

use icu_calendar::cal::{Hijri, Persian};
use icu_calendar::types::RataDie;
use icu_calendar::{Date, Gregorian, Iso};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// The calendars daftar reads and shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum CalendarKind {
    Jalali,
    Gregorian,
    /// Lunar Hijri (Umm al-Qura); dates in it are ±1 day by nature.
    Hijri,
}

/// A year, month and day in some calendar.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Ymd {
    pub year: i32,
    pub month: u8,
    pub day: u8,
}

impl fmt::Display for Ymd {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

/// One day, calendar-free (a fixed day number, ICU's rata die).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Day(i64);

/// Persian week days, Saturday first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Weekday {
    Saturday,
    Sunday,
    Monday,
    Tuesday,
    Wednesday,
    Thursday,
    Friday,
}

impl Weekday {
    /// Index in the Persian week: Saturday 0 … Friday 6.
    pub fn index(self) -> u8 {
        self as u8
    }

    pub fn persian_name(self) -> &'static str {
        [
            "شنبه",
            "یکشنبه",
            "دوشنبه",
            "سه‌شنبه",
            "چهارشنبه",
            "پنجشنبه",
            "جمعه",
        ][self.index() as usize]
    }
}

impl Day {
    pub fn from_gregorian(year: i32, month: u8, day: u8) -> Option<Day> {
        Date::try_new_gregorian(year, month, day)
            .ok()
            .map(|d| Day(d.to_rata_die().to_i64_date()))
    }

    pub fn from_jalali(year: i32, month: u8, day: u8) -> Option<Day> {
        Date::try_new_persian(year, month, day)
            .ok()
            .map(|d| Day(d.to_rata_die().to_i64_date()))
    }

    pub fn from_hijri(year: i32, month: u8, day: u8) -> Option<Day> {
        Date::try_new_hijri_with_calendar(year, month, day, Hijri::new_umm_al_qura())
            .ok()
            .map(|d| Day(d.to_rata_die().to_i64_date()))
    }

    pub fn from_ymd(calendar: CalendarKind, ymd: Ymd) -> Option<Day> {
        match calendar {
            CalendarKind::Jalali => Day::from_jalali(ymd.year, ymd.month, ymd.day),
            CalendarKind::Gregorian => Day::from_gregorian(ymd.year, ymd.month, ymd.day),
            CalendarKind::Hijri => Day::from_hijri(ymd.year, ymd.month, ymd.day),
        }
    }

    /// Days since 1970-01-01 (negative before), for storage and fast fields.
    pub fn unix_days(self) -> i64 {
        self.0 - UNIX_EPOCH_RD
    }

    pub fn from_unix_days(days: i64) -> Day {
        Day(days + UNIX_EPOCH_RD)
    }

    fn iso(self) -> Date<Iso> {
        Date::from_rata_die(RataDie::new(self.0), Iso)
    }

    pub fn gregorian(self) -> Ymd {
        let d = self.iso().to_calendar(Gregorian);
        Ymd {
            year: d.year().extended_year(),
            month: d.month().ordinal,
            day: d.day_of_month().0,
        }
    }

    pub fn jalali(self) -> Ymd {
        let d = self.iso().to_calendar(Persian);
        Ymd {
            year: d.year().extended_year(),
            month: d.month().ordinal,
            day: d.day_of_month().0,
        }
    }

    pub fn in_calendar(self, calendar: CalendarKind) -> Ymd {
        match calendar {
            CalendarKind::Jalali => self.jalali(),
            CalendarKind::Gregorian => self.gregorian(),
            CalendarKind::Hijri => {
                let d = self.iso().to_calendar(Hijri::new_umm_al_qura());
                Ymd {
                    year: d.year().extended_year(),
                    month: d.month().ordinal,
                    day: d.day_of_month().0,
                }
            }
        }
    }

    pub fn weekday(self) -> Weekday {
        // Rata die 1 (0001-01-01) is a Monday; Saturday is index 0.
        const BY_REM: [Weekday; 7] = [
            Weekday::Sunday,
            Weekday::Monday,
            Weekday::Tuesday,
            Weekday::Wednesday,
            Weekday::Thursday,
            Weekday::Friday,
            Weekday::Saturday,
        ];
        BY_REM[self.0.rem_euclid(7) as usize]
    }

    pub fn add_days(self, n: i64) -> Day {
        Day(self.0 + n)
    }

    pub fn days_until(self, later: Day) -> i64 {
        later.0 - self.0
    }

    /// Parses `YYYY-MM-DD` (Gregorian).
    pub fn parse_iso(s: &str) -> Option<Day> {
        let mut parts = s.trim().splitn(3, '-');
        let y = parts.next()?.parse().ok()?;
        let m = parts.next()?.parse().ok()?;
        let d = parts.next()?.get(..2)?.parse().ok()?;
        Day::from_gregorian(y, m, d)
    }

    /// Today, from the system clock (UTC).
    pub fn today() -> Day {
        let secs = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_secs() as i64);
        Day::from_unix_days(secs.div_euclid(86_400))
    }
}

/// Rata die of 1970-01-01.
const UNIX_EPOCH_RD: i64 = 719_163;

impl fmt::Display for Day {
    /// ISO Gregorian, `2024-11-22`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.gregorian().fmt(f)
    }
}

impl Serialize for Day {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Day {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        Day::parse_iso(&s).ok_or_else(|| serde::de::Error::custom(format!("not a date: {s}")))
    }
}

/// Days in a Jalali month (Esfand has 30 in a leap year).
pub fn jalali_month_len(year: i32, month: u8) -> u8 {
    match month {
        1..=6 => 31,
        7..=11 => 30,
        _ => {
            if Day::from_jalali(year, 12, 30).is_some() {
                30
            } else {
                29
            }
        }
    }
}

/// Jalali month names as shown to readers.
pub const JALALI_MONTH_NAMES: [&str; 12] = [
    "فروردین",
    "اردیبهشت",
    "خرداد",
    "تیر",
    "مرداد",
    "شهریور",
    "مهر",
    "آبان",
    "آذر",
    "دی",
    "بهمن",
    "اسفند",
];

/// ASCII digits written as Persian digits (۰–۹).
pub fn persian_digits(s: &str) -> String {
    digits_in(s, '\u{06F0}')
}

/// ASCII digits written in the digit set whose zero is `zero`
/// (U+06F0 Persian, U+0660 Arabic-Indic).
pub fn digits_in(s: &str, zero: char) -> String {
    s.chars()
        .map(|c| match c {
            '0'..='9' => char::from_u32(zero as u32 + (c as u32 - '0' as u32)).unwrap_or(c),
            c => c,
        })
        .collect()
}

impl Day {
    /// `جمعه ۲ آذر ۱۴۰۳`
    pub fn jalali_long(self) -> String {
        let j = self.jalali();
        let month = JALALI_MONTH_NAMES[(j.month.clamp(1, 12) - 1) as usize];
        persian_digits(&format!(
            "{} {} {} {}",
            self.weekday().persian_name(),
            j.day,
            month,
            j.year
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Nowruz (1 Farvardin) in Gregorian for every Jalali year 1300–1500,
    /// generated once with jdatetime 5.x (`jdatetime.date(y,1,1).togregorian()`),
    /// one `year month day` triple per line. Together with the fixed month
    /// lengths (6×31, 5×30, Esfand 29/30 = days until next Nowruz) it pins
    /// down every day of those 201 years.
    const NOWRUZ: &str = include_str!("../../tests/data/nowruz_1300_1501.txt");

    #[test]
    fn every_day_1300_to_1500_matches_jdatetime() {
        let rows: Vec<(i32, Day)> = NOWRUZ
            .lines()
            .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
            .map(|l| {
                let f: Vec<i32> = l.split_whitespace().map(|x| x.parse().unwrap()).collect();
                (
                    f[0],
                    Day::from_gregorian(f[1], f[2] as u8, f[3] as u8).unwrap(),
                )
            })
            .collect();
        assert_eq!(rows.len(), 202, "table covers 1300..=1501");
        let mut checked = 0;
        for w in rows.windows(2) {
            let (year, nowruz) = w[0];
            let year_len = nowruz.days_until(w[1].1);
            assert!(year_len == 365 || year_len == 366, "{year}: {year_len}");
            let mut day = nowruz;
            for month in 1..=12u8 {
                let len = match month {
                    1..=6 => 31,
                    7..=11 => 30,
                    _ => (year_len - 336) as u8,
                };
                assert_eq!(jalali_month_len(year, month), len, "{year}-{month}");
                for d in 1..=len {
                    let ymd = Ymd {
                        year,
                        month,
                        day: d,
                    };
                    assert_eq!(Day::from_jalali(year, month, d), Some(day), "{ymd}");
                    assert_eq!(day.jalali(), ymd, "back from {day}");
                    day = day.add_days(1);
                    checked += 1;
                }
            }
            assert_eq!(day, w[1].1, "year {year} ends the day before next Nowruz");
        }
        assert!(checked > 73_000);
    }

    #[test]
    fn seed_dates_and_weekdays() {
        // PERSIAN.md §3
        let cases = [
            ((1397, 1, 27), "2018-04-16", Weekday::Monday),
            ((1403, 9, 2), "2024-11-22", Weekday::Friday),
            ((1404, 6, 10), "2025-09-01", Weekday::Monday),
            ((1399, 12, 30), "2021-03-20", Weekday::Saturday),
        ];
        for ((y, m, d), greg, wd) in cases {
            let day = Day::from_jalali(y, m, d).expect("valid");
            assert_eq!(day.to_string(), greg);
            assert_eq!(day.weekday(), wd, "{greg}");
        }
        assert_eq!(
            Day::from_jalali(1403, 12, 30),
            Some(Day::parse_iso("2025-03-20").unwrap())
        );
        assert_eq!(Day::from_jalali(1402, 12, 30), None, "1402 is not leap");
        assert_eq!(Day::from_jalali(1403, 7, 31), None, "Mehr has 30 days");
    }

    #[test]
    fn unix_days_round_trip() {
        let d = Day::parse_iso("1970-01-01").unwrap();
        assert_eq!(d.unix_days(), 0);
        assert_eq!(d.weekday(), Weekday::Thursday);
        assert_eq!(Day::from_unix_days(20_000).unix_days(), 20_000);
    }

    #[test]
    fn hijri_qamari_is_within_a_day() {
        // 1 Ramadan 1445 began on 2024-03-11 (Umm al-Qura).
        let d = Day::from_hijri(1445, 9, 1).expect("valid");
        let expected = Day::parse_iso("2024-03-11").unwrap();
        assert!(d.days_until(expected).abs() <= 1, "{d}");
    }
}
