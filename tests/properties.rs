//! Property tests: random text — Persian and Arabic letters, the three
//! digit sets, Latin, punctuation, «», ZWNJ, bidi controls, «س:»/«ج:»
//! interview lines, reporting verbs, dates, very long lines and words —
//! through every stage a file goes through: decode → structure → dates →
//! entities → statements → tokenizer → query parser → layout. Nothing may
//! panic, and every range produced must lie inside the text on character
//! boundaries.
//!
//! CI runs a bounded number of cases (`PROPTEST_CASES`, default below);
//! the ignored `long_run` runs millions:
//! `PROPTEST_CASES=1000000 cargo test --test integration long_run -- --ignored`.

use std::ops::Range;
use std::sync::OnceLock;

use daftar::corpus::Article;
use daftar::corpus::loader::article_from_bytes;
use daftar::dates::{Day, EraClues};
use daftar::extract::Gazetteer;
use daftar::layout::{Measure, layout_paragraph};
use proptest::prelude::*;
use proptest::test_runner::{Config, TestRunner};

/// Cases per property in an ordinary run.
const CI_CASES: u32 = 400;

fn gazetteer() -> &'static Gazetteer {
    static G: OnceLock<Gazetteer> = OnceLock::new();
    G.get_or_init(Gazetteer::bundled)
}

fn clues() -> &'static EraClues {
    static C: OnceLock<EraClues> = OnceLock::new();
    C.get_or_init(EraClues::bundled)
}

/// Pieces real news text is made of, and the characters that break code
/// that slices by bytes.
const PIECES: &[&str] = &[
    "س: ",
    "ج: ",
    "خبرنگار: ",
    "گفت: «",
    "»",
    "«",
    " گفت ",
    " افزود: ",
    " تصریح کرد که ",
    "وی ",
    "به گزارش ایرنا، ",
    "به گفته یک مقام، ",
    "رئیس‌جمهور ",
    "رئيس جمهور روسیه ",
    "پوتین ",
    "آقای ",
    "دکتر ",
    "، سخنگوی ",
    "تهران ",
    "ایران ",
    "۲۷ مهر ۱۴۰۳ ",
    "27 فروردين 1397 ساعت 11:23 ",
    "١٤٠٣/٠٧/٢٧ ",
    "2024-11-22 ",
    "کد خبر: ۱۲۳۴ ",
    "برچسب‌ها: ",
    "؟",
    "?",
    ".",
    "!",
    "…",
    "：",
    "،",
    "؛",
    ":",
    "\u{200C}",
    "\u{200F}",
    "\u{202B}",
    "\u{202C}",
    "\u{2067}",
    "\u{2069}",
    "\u{FEFF}",
    "ـ",
    "\u{064E}",
    "\n",
    "\n\n",
    "\r\n",
    "\t",
    " ",
    "BRICS ",
    "https://example.org/a?b=1 ",
    "3.5 ",
    "٪",
    "(",
    ")",
    "[",
    "]",
    "#",
    "*",
    "|",
    " › ",
    "🙂",
    "\u{FFFD}",
    "\u{0}",
];

/// One random piece: a listed piece or a random character of the scripts
/// daftar meets.
fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => proptest::sample::select(PIECES).prop_map(str::to_string),
        3 => proptest::char::ranges(vec!['\u{0621}'..='\u{064A}', '\u{067E}'..='\u{06CC}'].into())
            .prop_map(|c| c.to_string()),
        1 => proptest::char::ranges(vec!['0'..='9', '۰'..='۹', '٠'..='٩'].into())
            .prop_map(|c| c.to_string()),
        1 => proptest::char::ranges(vec!['a'..='z', 'A'..='Z'].into()).prop_map(|c| c.to_string()),
        1 => any::<char>().prop_map(|c| c.to_string()),
        // A very long word or line.
        1 => (proptest::sample::select(&["ب", "a", "۱", "\u{200C}", "؟", " "][..]), 100usize..3_000)
            .prop_map(|(u, n)| u.repeat(n)),
    ]
}

fn text() -> impl Strategy<Value = String> {
    proptest::collection::vec(piece(), 0..120).prop_map(|v| v.concat())
}

/// Bytes as files come: the text in UTF-8, UTF-16 or UTF-32 with their
/// marks, cut short, or with random bytes inside.
fn file_bytes() -> impl Strategy<Value = Vec<u8>> {
    (text(), 0u8..6, any::<Vec<u8>>(), any::<usize>()).prop_map(|(t, how, junk, at)| match how {
        0 | 1 => t.into_bytes(),
        2 => [0xFF, 0xFE]
            .into_iter()
            .chain(t.encode_utf16().flat_map(u16::to_le_bytes))
            .collect(),
        3 => [0xFF, 0xFE, 0, 0]
            .into_iter()
            .chain(t.chars().flat_map(|c| (c as u32).to_le_bytes()))
            .collect(),
        4 => {
            let mut b = t.into_bytes();
            b.truncate(at % (b.len() + 1));
            b
        }
        _ => {
            let mut b = t.into_bytes();
            let i = at % (b.len() + 1);
            b.splice(i..i, junk);
            b
        }
    })
}

fn on_boundaries(text: &str, r: &Range<usize>, what: &str) -> Result<(), TestCaseError> {
    prop_assert!(
        r.start <= r.end && r.end <= text.len(),
        "{what} {r:?} outside a text of {} bytes",
        text.len()
    );
    prop_assert!(
        text.is_char_boundary(r.start) && text.is_char_boundary(r.end),
        "{what} {r:?} splits a character"
    );
    Ok(())
}

/// Every range an article carries, after the whole analysis.
fn check_article(a: &Article) -> Result<(), TestCaseError> {
    let t = &*a.text();
    for (r, what) in a
        .title
        .iter()
        .map(|r| (r, "title"))
        .chain(a.kicker.iter().map(|r| (r, "kicker")))
        .chain(a.lead.iter().map(|r| (r, "lead")))
        .chain(a.paragraphs.iter().map(|r| (r, "paragraph")))
    {
        on_boundaries(t, r, what)?;
    }
    if let Some(r) = a.date.as_ref().and_then(|d| d.range.as_ref()) {
        on_boundaries(t, r, "date")?;
    }
    let an = daftar::extract::analyse(gazetteer(), a);
    for m in an.found.mentions() {
        on_boundaries(t, &m.range(), "mention")?;
    }
    for (start, end) in an.found.unconfirmed() {
        on_boundaries(t, &(start as usize..end as usize), "unconfirmed name")?;
    }
    for s in an.found.statements() {
        on_boundaries(t, &s.range(), "statement")?;
        on_boundaries(t, &s.cue(), "cue")?;
        if let Some(m) = &s.mention() {
            on_boundaries(t, m, "speaker mention")?;
        }
    }
    let _ = a.short_title(300);
    Ok(())
}

/// Widths by character, as a font would give them.
struct Widths;
impl Measure for Widths {
    fn width(&mut self, text: &str) -> f32 {
        text.chars()
            .map(|c| match c {
                '\u{200C}' | '\u{064B}'..='\u{065F}' => 0.0,
                ' ' => 4.0,
                c if c.is_ascii() => 7.0,
                _ => 9.0,
            })
            .sum()
    }
}

fn check_layout(text: &str) -> Result<(), TestCaseError> {
    for para in text.split('\n') {
        for width in [40.0, 333.0] {
            let l = layout_paragraph(para, width, &mut Widths);
            for line in &l.lines {
                on_boundaries(para, &(line.start..line.end), "line")?;
                for run in &line.runs {
                    on_boundaries(para, &(run.start..run.end), "run")?;
                    for p in &run.pieces {
                        on_boundaries(para, &(p.start..p.end), "piece")?;
                    }
                }
            }
            let laid: usize = l.lines.iter().map(|l| l.end - l.start).sum();
            prop_assert_eq!(laid, para.len(), "every byte on exactly one line");
        }
    }
    Ok(())
}

fn check_text(t: &str) -> Result<(), TestCaseError> {
    for tok in daftar::text::tokenize::tokenize(t) {
        on_boundaries(t, &tok.range, "token")?;
    }
    // The query parser either parses or says why; it never panics.
    let _ = daftar::index::parse_query(t);
    let _ = daftar::index::parse_query(&format!("date:{t}"));
    let _ = daftar::index::parse_query(&format!("-source:{t} x"));
    let _ = daftar::text::search_key(t);
    check_layout(t)
}

fn run(cases: u32, name: &str, test: impl Fn(&[u8], bool) -> Result<(), TestCaseError>) {
    let cases = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|c| c.parse().ok())
        .unwrap_or(cases);
    let mut runner = TestRunner::new(Config {
        cases,
        failure_persistence: None,
        ..Config::default()
    });
    let result = runner.run(&(file_bytes(), any::<bool>()), |(bytes, html)| {
        test(&bytes, html)
    });
    if let Err(e) = result {
        panic!("{name}: {e}");
    }
    eprintln!("{name}: {cases} cases passed");
}

/// The whole file pipeline, then the text stages on the decoded text.
fn pipeline(bytes: &[u8], html: bool) -> Result<(), TestCaseError> {
    let bytes = if html {
        let body = String::from_utf8_lossy(bytes);
        format!("<html><body><h1>{body}</h1><div><p>{body}</p></div></body></html>").into_bytes()
    } else {
        bytes.to_vec()
    };
    let mtime = Day::from_gregorian(2025, 1, 1);
    match article_from_bytes("p/x.txt", &bytes, html, mtime, clues()) {
        Ok(a) => {
            check_article(&a)?;
            check_text(&a.text())?;
        }
        Err(reason) => prop_assert!(!reason.to_string().is_empty(), "a refusal gives its reason"),
    }
    Ok(())
}

#[test]
fn random_text_never_panics_and_ranges_stay_on_char_boundaries() {
    run(CI_CASES, "pipeline", pipeline);
}

/// Millions of cases: `PROPTEST_CASES=1000000 cargo test --test integration
/// long_run -- --ignored --nocapture`.
#[test]
#[ignore]
fn long_run() {
    run(1_000_000, "pipeline (long run)", pipeline);
}

/// The cases that crashed or hung before, kept as they were found.
#[test]
fn regressions_found_by_hand_and_by_the_properties() {
    let cases = [
        // An interview question: «؟» right before the cue's sentence end.
        "س: وضعیت بازار چگونه است؟ شنیده‌ایم قیمت‌ها بالا رفته.\nج: وزیر گفت: «همه چیز آرام است»",
        // A fullwidth colon in a tag line.
        "عنوان\nبرچسب‌ها： اقتصاد، بازار",
        "؟؟؟ گفت؟. افزود؟",
        // An interview answer after a full-width colon (three bytes).
        "گفت‌وگو با مدیر\nس： بازار چطور است؟\nج： بازار آرام است و ادامه دارد.",
        "گفت‌وگو با یک مدیر\nمحمد کاظمی： بازار این هفته آرام است و ادامه دارد.\nخبرنگار： چرا؟\nمحمد کاظمی： چون عرضه زیاد است.",
    ];
    for c in cases {
        pipeline(c.as_bytes(), false).unwrap();
        pipeline(c.as_bytes(), true).unwrap();
    }
}
