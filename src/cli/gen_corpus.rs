//! `daftar gen-corpus --articles N --out DIR [--seed S]`: a synthetic corpus
//! for benchmarks, made from the bundled sample corpus's sentences with
//! varied dates, names and numbers, mixed spellings (ZWNJ stripped, Arabic
//! yeh and kaf, three digit sets), page chrome and encodings (UTF-8,
//! Windows-1256, UTF-16). Reproducible: the same seed gives the same files.

use std::path::Path;

use anyhow::Context;

use crate::corpus::decode::decode;
use crate::corpus::structure::analyse;
use crate::dates::Day;

const NAMES: &[&str] = &[
    "مسعود پزشکیان",
    "ولادیمیر پوتین",
    "عباس عراقچی",
    "سرگئی لاوروف",
    "محمدباقر قالیباف",
    "حسن روحانی",
    "ابراهیم رئیسی",
    "رجب طیب اردوغان",
    "شی جین‌پینگ",
    "آنتونیو گوترش",
];
const SOURCES: &[&str] = &[
    "ایرنا",
    "ایسنا",
    "تسنیم",
    "فارس",
    "مهر",
    "خبرگزاری تقریب",
    "شانا",
    "همشهری",
];
const CHROME_TOP: &[&str] = &[
    "لینک‌های قابلیت دسترسی",
    "صفحه اصلی | سیاسی | اقتصادی | بین‌الملل",
    "خبر فوری",
];

fn sentences() -> Vec<String> {
    let mut out = Vec::new();
    let dir = crate::corpus::sample::embedded_files();
    for (name, bytes) in dir {
        let Ok(d) = decode(bytes) else { continue };
        let text = if name.ends_with(".html") {
            match crate::corpus::html::html_to_text(&d.text) {
                Ok(h) => h.text,
                Err(_) => continue,
            }
        } else {
            d.text
        };
        let st = analyse(&text);
        for p in &st.paragraphs {
            for s in text[p.clone()].split_inclusive(['.', '؟', '!']) {
                let s = s.trim();
                if s.split_whitespace().count() >= 5
                    && s.chars().any(|c| ('\u{0600}'..='\u{06FF}').contains(&c))
                {
                    out.push(s.to_string());
                }
            }
        }
    }
    out
}

fn persian_digits(s: &str) -> String {
    crate::dates::calendar::persian_digits(s)
}

fn arabic_digits(s: &str) -> String {
    s.chars()
        .map(|c| {
            if c.is_ascii_digit() {
                char::from_u32(0x0660 + (c as u32 - 48)).unwrap_or(c)
            } else {
                c
            }
        })
        .collect()
}

/// Writes `n` articles under `out`.
pub fn generate(n: usize, out: &Path, seed: u64) -> anyhow::Result<u64> {
    let pool = sentences();
    anyhow::ensure!(!pool.is_empty(), "the sample corpus has no sentences");
    let mut rng = fastrand::Rng::with_seed(seed);
    let start = Day::from_gregorian(2016, 1, 1).context("date")?;
    let mut bytes_written = 0u64;
    for i in 0..n {
        let dir = out.join(format!("{:03}", i / 1000));
        std::fs::create_dir_all(&dir)
            .with_context(|| format!("cannot create {}", dir.display()))?;
        let day = start.add_days(rng.i64(0..3600));
        let j = day.jalali();
        let mut lines: Vec<String> = Vec::new();
        if rng.u8(0..10) == 0 {
            lines.extend(CHROME_TOP.iter().map(|s| s.to_string()));
        }
        // Words of two sentences: a headline of its own, as a real
        // archive's are (one sentence's start would recur on dozens of
        // pages, which is what a site's chrome does).
        // (Without a sentence's «به گزارش X،» opening: a headline names no
        // agency.)
        let a = pool[rng.usize(0..pool.len())].as_str();
        let b = pool[rng.usize(0..pool.len())].as_str();
        let strip = |s: &str| -> String {
            match s.strip_prefix("به گزارش").and_then(|r| r.split_once('،')) {
                Some((_, rest)) => rest.trim_start().to_string(),
                None => s.to_string(),
            }
        };
        let (a, b) = (strip(a), strip(b));
        let title: Vec<&str> = a
            .split_whitespace()
            .take(5)
            .chain(b.split_whitespace().skip(1).take(5))
            .collect();
        lines.push(title.join(" ").trim_end_matches(['.', '،']).to_string());
        match rng.u8(0..20) {
            0 => {} // undated
            1..=8 => lines.push(persian_digits(&format!(
                "{} {} {} {} ساعت {:02}:{:02}",
                day.weekday().persian_name(),
                j.day,
                crate::dates::calendar::JALALI_MONTH_NAMES[(j.month - 1) as usize],
                j.year,
                rng.u8(0..24),
                rng.u8(0..60)
            ))),
            9..=14 => lines.push(format!("{}/{:02}/{:02}", j.year, j.month, j.day)),
            _ => lines.push(persian_digits(&format!("{}", day.gregorian()))),
        }
        let source = SOURCES[rng.usize(0..SOURCES.len())];
        let paras = rng.usize(3..9);
        for p in 0..paras {
            let mut para = String::new();
            if p == 0 {
                para.push_str(&format!("به گزارش {source}، "));
            }
            for _ in 0..rng.usize(2..5) {
                let mut s = pool[rng.usize(0..pool.len())].clone();
                if rng.u8(0..4) == 0 {
                    s = format!("{} گفت: {}", NAMES[rng.usize(0..NAMES.len())], s);
                }
                if rng.u8(0..5) == 0 {
                    s.push_str(&format!(
                        " این رقم {} درصد بود.",
                        persian_digits(&rng.u32(1..100).to_string())
                    ));
                }
                para.push_str(&s);
                para.push(' ');
            }
            lines.push(para.trim_end().to_string());
        }
        if rng.u8(0..4) == 0 {
            lines.push(format!("کد خبر: {}", rng.u32(100_000..999_999)));
        }
        let mut text = lines.join("\n\n");
        text.push('\n');
        // Spellings: ZWNJ stripped, Arabic letters, other digit sets.
        let style = rng.u8(0..10);
        if style < 3 {
            text = text.replace('\u{200C}', "");
        }
        if style == 3 {
            text = text.replace('ی', "ي").replace('ک', "ك");
        }
        if style == 4 {
            text = arabic_digits(&text);
        }
        let encoded: Vec<u8> = match rng.u8(0..40) {
            0 | 1 => {
                // Windows-1256 has neither U+06CC nor Persian digits.
                let t: String = text
                    .replace('ی', "ي")
                    .chars()
                    .map(|c| match c {
                        '\u{06F0}'..='\u{06F9}' => {
                            char::from_u32(c as u32 - 0x06F0 + 48).unwrap_or(c)
                        }
                        c => c,
                    })
                    .collect();
                encoding_rs::WINDOWS_1256.encode(&t).0.into_owned()
            }
            2 => {
                let mut b = vec![0xFF, 0xFE];
                for u in text.encode_utf16() {
                    b.extend(u.to_le_bytes());
                }
                b
            }
            _ => text.into_bytes(),
        };
        let path = dir.join(format!("{i:07}.txt"));
        std::fs::write(&path, &encoded)
            .with_context(|| format!("cannot write {}", path.display()))?;
        bytes_written += encoded.len() as u64;
    }
    Ok(bytes_written)
}
