//! Reading a scraped page's structure: which lines are page chrome
//! (navigation, share bars, tag lines, «کد خبر», related-news lists,
//! copyright), which is the title, the kicker above it, the lead, the body
//! paragraphs; and the page's metadata (source outlet, tags, site id).
//!
//! The body is a list of ranges into the decoded text, never a rewritten
//! copy (PERSIAN.md §1). Lines are classified on their search key, so the
//! patterns hold for every letter variant and with or without ZWNJ.

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

use super::boilerplate::{LineCounts, line_hash};
use super::chrome_model::{Features, MODEL};
use crate::dates::{FoundDate, find_dates_folded};
use crate::text::Folded;

/// What a line of the page is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LineKind {
    /// Article text (or title, kicker, lead: decided later).
    Text,
    /// A line that is mostly a date: the dateline.
    Dateline,
    /// Page chrome; the reason names the pattern.
    Chrome(&'static str),
}

/// The structure of one article's text. All ranges are byte ranges into it.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Structure {
    pub title: Option<Range<usize>>,
    /// The line above the headline that introduces it (روتیتر).
    pub kicker: Option<Range<usize>>,
    pub lead: Option<Range<usize>>,
    pub paragraphs: Vec<Range<usize>>,
    pub source: Option<String>,
    pub tags: Vec<String>,
    pub site_id: Option<String>,
    /// Dates on dateline lines.
    pub header_dates: Vec<FoundDate>,
    /// Dates inside title, kicker and paragraphs.
    pub body_dates: Vec<FoundDate>,
    /// Lines left out of the body, with the reason: page chrome, and the
    /// datelines («dateline»).
    pub chrome: Vec<(Range<usize>, &'static str)>,
    /// [`line_hash`] of every line, in order (for the corpus's table of
    /// recurring lines).
    pub line_hashes: Vec<u64>,
}

struct Line {
    range: Range<usize>,
    folded: Folded,
    words: usize,
    kind: LineKind,
    dates: Vec<FoundDate>,
}

/// What a line is trimmed of (spaces, ZWNJ, direction marks, BOM): the
/// HTML reader trims its lines the same way, so its hints' offsets are
/// the lines' starts here.
pub(crate) fn is_trim(c: char) -> bool {
    c.is_whitespace() || matches!(c, '\u{200C}' | '\u{200E}' | '\u{200F}' | '\u{FEFF}')
}

/// Trimmed non-empty lines of `text`, Markdown heading marks left out.
fn lines(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    for piece in text.split_inclusive('\n') {
        let end = start + piece.len();
        let trimmed_start = piece.len() - piece.trim_start_matches(is_trim).len();
        let mut s = start + trimmed_start;
        let e = start + piece.trim_end_matches(is_trim).len();
        if s < e {
            let line = &text[s..e];
            let hashes = line.len() - line.trim_start_matches('#').len();
            if hashes > 0 && hashes <= 6 && line[hashes..].starts_with(' ') {
                s += hashes + 1;
            }
            if s < e {
                out.push(s..e);
            }
        }
        start = end;
    }
    out
}

/// Single phrases that make up navigation menus, breaking-news labels and
/// share bars (search keys).
const NAV: &[&str] = &[
    "صفحه اصلی",
    "خانه",
    "سیاسی",
    "اقتصادی",
    "اجتماعی",
    "فرهنگی",
    "ورزشی",
    "بین الملل",
    "بینالملل",
    "جهان",
    "استانها",
    "ویدیو",
    "فیلم",
    "عکس",
    "چندرسانهای",
    "پادکست",
    "ارتباط با ما",
    "درباره ما",
    "تماس با ما",
    "جستجو",
    "منو",
    "ورود",
    "عضویت",
    "خبر فوری",
    "فوری",
    "اخبار",
    "لینکهای قابلیت دسترسی",
    "پرش به محتوای اصلی",
    "پرش به جستجو",
    "بازگشت به بالا",
    "نسخه چاپی",
    "چاپ",
    "ارسال",
    "اشتراک گذاری",
    "اشتراکگذاری",
    "کپی لینک",
    "لینک کوتاه",
    "تلگرام",
    "واتساپ",
    "توییتر",
    "فیسبوک",
    "اینستاگرام",
    "لینکدین",
    "ایتا",
    "بله",
    "روبیکا",
    "telegram",
    "whatsapp",
    "twitter",
    "facebook",
    "instagram",
    "linkedin",
    "print",
    "share",
    "email",
    "rss",
    "xs",
    "sm",
    "md",
    "lg",
    "xl",
    "نظرات",
    "ارسال نظر",
    "دیدگاه",
    "بیشتر",
    "صفحه نخست",
    "مطالب",
    "آرشیو",
    "ارشیو",
    "پربازدید",
    "پربحث",
    "تازهها",
    "skip to main content",
    "menu",
    "home",
    "search",
];

const SHARE: &[&str] = &[
    "تلگرام",
    "واتساپ",
    "توییتر",
    "فیسبوک",
    "لینکدین",
    "ایتا",
    "telegram",
    "whatsapp",
    "twitter",
    "facebook",
    "linkedin",
    "اشتراک",
    "کپی لینک",
    "لینک کوتاه",
];

/// Line starts (search keys) of metadata lines: not body.
const META_PREFIXES: &[&str] = &[
    "زمان مطالعه",
    "مدت زمان مطالعه",
    "تعداد بازدید",
    "بازدید",
    "تعداد نظرات",
    "نظرات",
    "ارسال نظر",
    "نویسنده",
    "خبرنگار",
    "عکاس",
    "مترجم",
    "ترجمه",
    "سرویس",
    "تاریخ انتشار",
    "انتشار",
    "بروزرسانی",
    "به روز رسانی",
    "اخرین بروزرسانی",
    "ارسال به دوستان",
    "انتهای پیام",
    "انتهای خبر",
    "/انتهای پیام",
    "نسخه چاپی",
    "منبع",
    "source",
    "by ",
    "published",
    "updated",
];

const RELATED_PREFIXES: &[&str] = &[
    "اخبار مرتبط",
    "خبرهای مرتبط",
    "مطالب مرتبط",
    "مطالب پیشنهادی",
    "مطالب مشابه",
    "بیشتر بخوانید",
    "پیشنهاد ما",
    "پربازدیدترین",
    "پربحثترین",
    "پربحث ترین",
    "اخرین اخبار",
    "related",
    "read more",
    "more stories",
];

const COPYRIGHT_PREFIXES: &[&str] = &[
    "کلیه حقوق",
    "تمامی حقوق",
    "همه حقوق",
    "حقوق این",
    "کلیه ی حقوق",
    "copyright",
    "all rights reserved",
];

const TAG_PREFIXES: &[&str] = &[
    "برچسبها",
    "برچسب ها",
    "برچسب",
    "تگها",
    "تگ ها",
    "کلیدواژهها",
    "کلیدواژه ها",
    "کلید واژه ها",
    "کلمات کلیدی",
    "موضوعات",
    "tags",
];

static SITE_ID: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:کد|شناسه)\s*(?:خبر|مطلب|گزارش)\s*[:：]?\s*([0-9]+)\s*$|^(?:news|article) id\s*[:：]?\s*([0-9]+)\s*$")
        .expect("valid")
});
/// A site id opening a line, and what follows it.
static SITE_ID_FIRST: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:کد|شناسه)\s*(?:خبر|مطلب|گزارش)\s*[:：]?\s*([0-9]+)\s+(\S.*)$").expect("valid")
});
/// Openings of an author's note («درباره نویسنده: …»).
const AUTHOR_NOTES: &[&str] = &[
    "درباره نویسنده",
    "درباره نگارنده",
    "درباره نویسندگان",
    "about the author",
];
static MD_LINK: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\[([^\]]*)\]\(([^)]*)\)|\[[0-9]+\]").expect("valid"));
static REPORT_OF: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(?:\S+\s+)?(?:به گزارش|به نقل از)\s+(?P<src>.+?)(?:\s*[،,:؛]|\s+به نقل|\s+و به نقل|\s+از\s|\s+در\s|$)",
    )
    .expect("valid")
});
/// An agency dateline: «شیراز - ایرنا - …» (city, outlet, then the date or
/// the text).
static AGENCY_DATELINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?P<city>[^-–—|:،0-9۰-۹٠-٩]{2,30}?)\s*[-–—]\s*(?P<src>[^-–—|:،0-9۰-۹٠-٩]{2,30}?)\s*[-–—]")
        .expect("valid")
});

fn starts_with_word(key: &str, prefix: &str) -> bool {
    key.strip_prefix(prefix)
        .is_some_and(|rest| rest.chars().next().is_none_or(|c| !c.is_alphanumeric()))
}

fn word_count(key: &str) -> usize {
    // Persian letters and digits without the general Unicode lookup.
    let wordy = |c: char| match c as u32 {
        0x0621..=0x063A | 0x0641..=0x064A | 0x0660..=0x0669 | 0x066E..=0x06D3 | 0x06F0..=0x06F9 => {
            true
        }
        0x0600..=0x06FF => false,
        _ => c.is_alphanumeric(),
    };
    key.split_whitespace()
        .filter(|w| w.chars().any(wordy))
        .count()
}

fn classify(key: &str, words: usize, dates: &[FoundDate], folded: &Folded) -> LineKind {
    let k = key.trim_matches(|c: char| !c.is_alphanumeric() && c != '©');
    if SITE_ID.is_match(key.trim()) {
        return LineKind::Chrome("site id");
    }
    // The id with a byline or section after it on one line («کد خبر: ۴۱۸۲۳۳
    // گزارش: مهتاب قربانی», «کد خبر: ۴۲۱۵۶۰ سرویس حوادث»).
    if let Some(c) = SITE_ID_FIRST.captures(key.trim())
        && c.get(2).is_some_and(|rest| word_count(rest.as_str()) <= 6)
    {
        return LineKind::Chrome("site id");
    }
    // An author's note after the article.
    if words <= 60 && AUTHOR_NOTES.iter().any(|p| starts_with_word(k, p)) {
        return LineKind::Chrome("about the author");
    }
    if TAG_PREFIXES.iter().any(|p| starts_with_word(k, p)) && key.contains(':') {
        return LineKind::Chrome("tags");
    }
    if key.contains('©') || COPYRIGHT_PREFIXES.iter().any(|p| k.starts_with(p)) {
        return LineKind::Chrome("copyright");
    }
    if words <= 25 && ((key.contains("حقوق") && key.contains("محفوظ")) || key.contains("ذکر منبع"))
    {
        return LineKind::Chrome("copyright");
    }
    // (A long line is no dateline: the check maps each date back into the
    // line, which on a line of thousands of dates would cost their square.)
    if !dates.is_empty() && words <= 40 && key.len() <= 4096 {
        // Words left when the dates are taken out: a dateline has at most a
        // two-word label («تاریخ انتشار:»); a city before a time is part of
        // the date match. «گفت: ۲۷ فروردین ۱۳۹۷ در BRICS» is a sentence.
        let mut rest = String::new();
        let mut last = 0;
        for d in dates {
            let kr = key_range(folded, &d.range);
            rest.push_str(&key[last..kr.start]);
            rest.push(' ');
            last = kr.end;
        }
        rest.push_str(&key[last..]);
        // «یکشنبه ۲۲ مهر ۱۴۰۳ | کد خبر: ۸۸۱۲۳ | نویسنده: …»: a date among
        // labelled metadata is a dateline too.
        // So is an agency's «کرمانشاه - صدای زاگرس - ۲ دی ۱۴۰۳»: short
        // pieces between dashes.
        let labelled = || {
            rest.split(SEGMENT_SEPARATORS)
                .all(|seg| word_count(seg) <= 2 || is_metadata_segment(seg.trim()))
                || (rest.contains(['-', '–', '—'])
                    && rest
                        .split(['-', '–', '—', '|'])
                        .all(|seg| word_count(seg) <= 3))
        };
        if word_count(&rest) <= 2 || labelled() {
            return LineKind::Dateline;
        }
    }
    if RELATED_PREFIXES.iter().any(|p| starts_with_word(k, p)) && words <= 25 {
        return LineKind::Chrome("related");
    }
    // (With or without their count: «۱ دیدگاه», «نظرات (۳)».)
    let uncounted = k.trim_start_matches(|c: char| c.is_numeric() || c.is_whitespace());
    if words <= 5
        && COMMENT_HEADINGS
            .iter()
            .any(|p| starts_with_word(uncounted, p))
    {
        return LineKind::Chrome("comments");
    }
    // A byline or a reading-time line, alone or among other labelled
    // segments («یادداشت / نوشته: …»); a question is an interview's line
    // («خبرنگار: … چیست؟»), not metadata.
    if words <= 12
        && !ends_with_any(key, &['؟', '?', '.'])
        && (META_PREFIXES.iter().any(|p| starts_with_word(k, p))
            || key
                .split(SEGMENT_SEPARATORS)
                .any(|seg| is_metadata_segment(seg.trim())))
    {
        return LineKind::Chrome("metadata");
    }
    if words <= 6 && is_metadata_segment(k) {
        return LineKind::Chrome("metadata");
    }
    // «عکس: …», «تصویر: …»: a photo's caption or credit.
    if words <= 30
        && ["عکس", "تصویر", "photo"]
            .iter()
            .any(|p| starts_with_word(k, p) && k[p.len()..].trim_start().starts_with(':'))
    {
        return LineKind::Chrome("photo caption");
    }
    // «یادداشت | نام نویسنده، سمت»: a section label before a byline.
    if words <= 12 {
        let mut segs = key.split(SEGMENT_SEPARATORS);
        if let (Some(first), Some(_)) = (segs.next(), segs.next())
            && SECTION_LABELS.contains(&first.trim())
        {
            return LineKind::Chrome("metadata");
        }
    }
    // Credit lines: «با استفاده از گزارش‌های ایرنا و …؛ س.ن»
    if words <= 20 && k.starts_with("با استفاده از گزارش") {
        return LineKind::Chrome("credits");
    }
    let without_links = MD_LINK.replace_all(key, " ");
    if without_links.len() < key.len() && word_count(&without_links) <= 1 {
        return LineKind::Chrome("links");
    }
    if words == 0 {
        return LineKind::Chrome("no words");
    }
    if words <= 12 {
        let segments: Vec<&str> = key
            .split([
                '|', '•', '·', '›', '»', '«', '/', '-', '–', '—', ',', '،', '\t',
            ])
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .collect();
        if !segments.is_empty() && segments.iter().all(|s| NAV.contains(s)) {
            return LineKind::Chrome("navigation");
        }
        if NAV.contains(&k) {
            return LineKind::Chrome("navigation");
        }
        let share = SHARE.iter().filter(|s| key.contains(*s)).count();
        if share >= 2 || starts_with_word(k, "اشتراک") || starts_with_word(k, "share") {
            return LineKind::Chrome("share bar");
        }
    }
    LineKind::Text
}

/// The key range of an original range of the folded line (linear scan;
/// lines are short).
fn key_range(folded: &Folded, original: &Range<usize>) -> Range<usize> {
    let mut start = None;
    let mut end = 0;
    for i in 0..folded.key.len() {
        if !folded.key.is_char_boundary(i) {
            continue;
        }
        let o = folded.original_offset(i);
        if o >= original.start && o < original.end {
            start.get_or_insert(i);
            end = i + folded.key[i..].chars().next().map_or(1, char::len_utf8);
        }
    }
    match start {
        Some(s) => s..end,
        None => 0..0,
    }
}

/// What separates the segments of a header line («… | کد خبر: … | …»).
const SEGMENT_SEPARATORS: &[char] = &['|', '·', '•', '▪', '/'];

/// A labelled piece of metadata: a site id, or a byline or reading-time
/// label with its value («نوشته: …», «زمان مطالعه: ۳ دقیقه»).
fn is_metadata_segment(seg: &str) -> bool {
    SITE_ID.is_match(seg)
        || (seg.contains(':')
            && word_count(seg) <= 8
            && META_PREFIXES
                .iter()
                .chain(BYLINE_LABELS)
                .any(|p| starts_with_word(seg, p)))
        // «یادداشت: کاوه صدری»: a section's name before a name (three
        // words at most: «تحلیل: چرا دلار گران شد» is a headline).
        || SECTION_LABELS.iter().any(|p| {
            seg.strip_prefix(p)
                .and_then(|rest| rest.trim_start().strip_prefix(':'))
                .is_some_and(|name| (1..=3).contains(&word_count(name)))
        })
}

/// Labels of a byline that are words of a sentence too, so they count only
/// before a colon («گزارش: گروه خبر», not «گزارش بانک مرکزی …»).
const BYLINE_LABELS: &[&str] = &[
    "گزارش",
    "نوشته",
    "به قلم",
    "تنظیم",
    "گفتگو",
    "گفت وگو",
    "گفتوگو",
];

/// Names of a page's section that stand before a byline.
const SECTION_LABELS: &[&str] = &[
    "یادداشت",
    "گزارش",
    "گفتگو",
    "گفت وگو",
    "گفتوگو",
    "مصاحبه",
    "تحلیل",
    "سرمقاله",
    "ستون",
    "نقد",
];

/// Headings of a comment section.
const COMMENT_HEADINGS: &[&str] = &[
    "نظرات",
    "نظر شما",
    "ارسال نظر",
    "دیدگاه",
    "دیدگاه شما",
    "دیدگاهها",
    "دیدگاه ها",
    "comments",
];

/// A menu, breadcrumb or link bar by its shape, whatever its words: three
/// or more short items (four words at most, no sentence inside) between
/// separators (`|`, `›`, `»`, `/`, `·`, `▪`, `•`, `—`, or ` - `). A
/// headline with one dash or a sentence with a slash has fewer items or
/// longer ones; a dateline «تهران - ایرنا - ۲۷ مهر» is taken as a dateline
/// before this is asked.
fn is_menu_shaped(key: &str) -> bool {
    let items: Vec<&str> = key
        .split(['|', '›', '»', '/', '·', '▪', '•', '◦', '—', '–', '\t'])
        .flat_map(|s| s.split(" - "))
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .collect();
    items.len() >= 3
        && items
            .iter()
            .all(|s| word_count(s) <= 4 && !s.ends_with(['.', '؟', '?', '!', ':', '،']))
}

fn ends_with_any(key: &str, ends: &[char]) -> bool {
    key.trim_end().ends_with(ends)
}

/// What is known about a page beyond its text: how often its lines recur
/// in the corpus, and what its HTML markup says.
#[derive(Default)]
pub struct PageContext<'a> {
    /// How many files of the corpus hold each line (none: the page is read
    /// alone).
    pub lines: Option<&'a dyn LineCounts>,
    pub hints: PageHints,
}

/// What a page's markup says about it (HTML pages; empty for text files).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct PageHints {
    /// Headline candidates, best first: JSON-LD `headline`, `og:title`,
    /// `<h1>`, `<title>`. The first that a line of the text holds is the
    /// title.
    pub titles: Vec<String>,
    /// The site's own names: `og:site_name`, the JSON-LD publisher, the
    /// part of `<title>` that is not the headline.
    pub site_names: Vec<String>,
    /// Start offsets (into the text) of lines that are mostly link text.
    pub link_lines: Vec<usize>,
    /// Start offsets of photo captions (`<figcaption>`).
    pub caption_lines: Vec<usize>,
}

/// The byte ranges of a text's lines as the reading sees them (trimmed,
/// non-empty, heading marks left out): the ranges of paragraphs, title
/// and chrome.
pub fn line_ranges(text: &str) -> Vec<Range<usize>> {
    lines(text)
}

/// [`line_hash`] of each line of a text, as [`analyse_with`] counts them
/// (for learning a corpus's recurring lines without analysing it).
pub fn line_hashes(text: &str) -> Vec<u64> {
    lines(text)
        .into_iter()
        .map(|r| line_hash(&crate::text::search_key(&text[r])))
        .collect()
}

/// Fewest files a line must recur in to be taken as a site's chrome: a
/// sentence quoted by two outlets stays text.
pub const MIN_RECURRING_FILES: u32 = 3;

/// Words from which a line is a long paragraph (the article's anchor).
const ANCHOR_WORDS: usize = 20;

/// Analyses an article's decoded text, read alone.
pub fn analyse(text: &str) -> Structure {
    analyse_with(text, &PageContext::default())
}

/// Analyses an article's decoded text with what is known of its corpus
/// and markup.
pub fn analyse_with(text: &str, cx: &PageContext<'_>) -> Structure {
    let mut lines: Vec<Line> = lines(text)
        .into_iter()
        .map(|range| {
            let folded = Folded::new(&text[range.clone()]);
            let words = word_count(&folded.key);
            let mut dates = find_dates_folded(&folded);
            let kind = classify(&folded.key, words, &dates, &folded);
            for d in &mut dates {
                d.range = d.range.start + range.start..d.range.end + range.start;
            }
            Line {
                range,
                folded,
                words,
                kind,
                dates,
            }
        })
        .collect();

    let mut st = Structure {
        line_hashes: lines.iter().map(|l| line_hash(&l.folded.key)).collect(),
        ..Structure::default()
    };
    // Runs: a related-news heading takes the short lines after it; a tag
    // line takes the link-only lines after it.
    let mut in_related = false;
    let mut in_tags = false;
    for line in &mut lines {
        match line.kind {
            // A heading opens a list; a ticker line («آخرین اخبار: …»
            // with its items on the line) does not.
            LineKind::Chrome("related") => {
                in_related = line.words <= 4;
                in_tags = false;
            }
            LineKind::Chrome("tags") => {
                in_tags = true;
                in_related = false;
                st.tags.extend(parse_tags(&text[line.range.clone()]));
            }
            LineKind::Chrome("links") if in_tags => {
                st.tags.extend(parse_tags(&text[line.range.clone()]));
                line.kind = LineKind::Chrome("tags");
            }
            LineKind::Chrome("site id") => {
                let key = line.folded.key.trim();
                let caps = SITE_ID
                    .captures(key)
                    .or_else(|| SITE_ID_FIRST.captures(key));
                st.site_id = caps
                    .and_then(|c| c.get(1).or_else(|| c.get(2)))
                    .map(|m| m.as_str().to_string());
            }
            LineKind::Text if in_related => {
                // Related headlines are often questions; a full stop ends
                // the list.
                if line.words <= 20 && !ends_with_any(&line.folded.key, &['.', '!']) {
                    line.kind = LineKind::Chrome("related");
                } else {
                    in_related = false;
                }
            }
            LineKind::Text => in_tags = false,
            _ => {}
        }
    }

    let captions: std::collections::HashSet<usize> =
        cx.hints.caption_lines.iter().copied().collect();
    for line in &mut lines {
        if line.kind == LineKind::Text && captions.contains(&line.range.start) {
            line.kind = LineKind::Chrome("photo caption");
        }
    }
    let signs = ChromeSigns::of(&lines, &st.line_hashes, cx);
    let key_of = |i: usize| lines[i].folded.key.as_str();
    let is_text = |i: usize| lines[i].kind == LineKind::Text;
    // Long paragraphs that are the page's own: the article is among them.
    let mut anchors: Vec<usize> = (0..lines.len())
        .filter(|&i| is_text(i) && lines[i].words >= ANCHOR_WORDS && !signs.sure(i))
        .collect();
    // The article ends where a comments or related-news section begins: a
    // long comment below it is no paragraph of the article.
    if let Some(&first) = anchors.first()
        && let Some(end) = (first..lines.len())
            .find(|&i| matches!(lines[i].kind, LineKind::Chrome("comments" | "related")))
    {
        anchors.retain(|&i| i < end);
    }
    let text_lines: Vec<usize> = (0..lines.len()).filter(|&i| is_text(i)).collect();

    // Title: the markup's headline when a line holds it; else the
    // headline-shaped line nearest above the first long paragraph (a
    // site's name, menus and "most read" lists above it are farther up,
    // and carry signs of chrome); else among the first four text lines.
    let is_kicker_shape =
        |i: usize| lines[i].words <= 20 && ends_with_any(key_of(i), &[':', '؛', ';']);
    let headline_shaped = |i: usize| {
        (2..=30).contains(&lines[i].words)
            && !ends_with_any(key_of(i), &[':', '؛', ';', '.', '…', '،'])
            && !signs.sure(i)
    };
    // A line printed twice in a row is a photo caption, not a headline.
    let doubled = |n: usize| {
        let k = key_of(text_lines[n]);
        (n > 0 && key_of(text_lines[n - 1]) == k)
            || text_lines.get(n + 1).is_some_and(|&j| key_of(j) == k)
    };
    let from_markup = cx.hints.titles.iter().find_map(|t| {
        let want = crate::text::search_key(t);
        let want = want.trim();
        (!want.is_empty())
            .then(|| {
                text_lines
                    .iter()
                    .copied()
                    .find(|&i| key_of(i).trim() == want)
            })
            .flatten()
    });
    let above_body = anchors.first().and_then(|&first| {
        let p = text_lines.partition_point(|&i| i < first);
        // The line just above the article may recur: a popular article's
        // headline is in other pages' «most read» lists.
        let just_above = |n: usize| {
            let i = text_lines[n];
            n + 1 == p
                && (2..=30).contains(&lines[i].words)
                && !ends_with_any(key_of(i), &[':', '؛', ';', '.', '…', '،'])
                && !signs.site_name[i]
                && !signs.links[i]
                && !signs.weak(i)
        };
        (0..p)
            .rev()
            .take(4)
            .find(|&n| (headline_shaped(text_lines[n]) || just_above(n)) && !doubled(n))
            .map(|n| text_lines[n])
    });
    let window: Vec<usize> = text_lines
        .iter()
        .copied()
        .filter(|&i| !signs.sure(i))
        .take(4)
        .collect();
    // The last text line of each key, for «does the body repeat it» in one
    // lookup (a title may now stand far down a long page).
    let last_of: std::collections::HashMap<&str, usize> =
        text_lines.iter().map(|&j| (key_of(j), j)).collect();
    let repeated_later = |i: usize| last_of.get(key_of(i)).is_some_and(|&j| j > i);
    let title = from_markup
        .or(above_body)
        .or_else(|| window.iter().copied().find(|&i| headline_shaped(i)))
        .or_else(|| {
            window.iter().copied().find(|&i| {
                (2..=30).contains(&lines[i].words)
                    && ends_with_any(key_of(i), &['.'])
                    && !repeated_later(i)
            })
        })
        .or_else(|| window.iter().copied().find(|&i| is_kicker_shape(i)));
    // Kicker: the line just above the title when it introduces it (ends
    // with a colon, or a short line with no full stop and no sign of
    // chrome); failing that, a colon line just below it («در گفت‌وگو با
    // …:»).
    let kicker = title.and_then(|t| {
        let above = t.checked_sub(1).filter(|&i| {
            is_text(i)
                && !signs.sure(i)
                && (is_kicker_shape(i)
                    // (Not a masthead: a site's name is short and opens
                    // the page.)
                    || (i > 0
                        && (4..=15).contains(&lines[i].words)
                        && !ends_with_any(key_of(i), &['.', '!', '؟', '?', '…'])
                        && !signs.weak(i)))
        });
        let pos = text_lines.iter().position(|&i| i == t)?;
        // Below: a colon line, or a short line with no full stop right
        // under the headline with the article still to come (a sub-headline;
        // a lead is a sentence).
        let below = text_lines.get(pos + 1).copied().filter(|&i| {
            !signs.sure(i)
                && (is_kicker_shape(i)
                    || (i == t + 1
                        && (4..=15).contains(&lines[i].words)
                        && !ends_with_any(key_of(i), &['.', '!', '؟', '?', '…', '»'])
                        && !signs.weak(i)
                        && anchors.first().is_some_and(|&a| a > i)))
        });
        above.or(below)
    });

    // The model decides every other text line, top to bottom (a line in
    // the tail after the article knows whether chrome came before it).
    let title_key = title.map(|t| key_of(t).trim().to_string());
    let quotes_title = |i: usize| {
        title_key
            .as_deref()
            .is_some_and(|t| !t.is_empty() && Some(i) != title && key_of(i).contains(t))
    };
    // A citation that repeats the headline is no paragraph of the article.
    let anchors: Vec<usize> = anchors.into_iter().filter(|&i| !quotes_title(i)).collect();
    let first_anchor = anchors.first().copied();
    let last_anchor = anchors.last().copied();
    let list_run = list_runs(&lines, title, kicker);
    let mut tail_chrome = false;
    let mut tail_section = false;
    let mut decided: Vec<(usize, &'static str)> = Vec::new();
    for i in 0..lines.len() {
        if Some(i) == title || Some(i) == kicker {
            continue;
        }
        let after_body = last_anchor.is_some_and(|l| i > l);
        if !is_text(i) {
            if after_body && let LineKind::Chrome(reason) = lines[i].kind {
                tail_chrome = true;
                tail_section |= matches!(reason, "related" | "comments");
            }
            continue;
        }
        let key = key_of(i);
        let words = lines[i].words;
        let f = Features {
            recurs: signs.recurs[i],
            site_name: signs.site_name[i],
            menu_shape: signs.menu_shape[i],
            chrome_words: signs.chrome_words[i],
            links: signs.links[i],
            above_headline: title.is_some_and(|t| i < t),
            after_body,
            after_chrome_tail: after_body && tail_chrome,
            // (A page with no long paragraph is a short item, its lines
            // no list.)
            list_run: list_run[i] && first_anchor.is_some(),
            after_section: after_body && tail_section,
            quotes_title: quotes_title(i),
            short: words <= 3,
            no_stop: !ends_with_any(key, &['.', '!', '؟', '?', '»', ')', '…']),
            few_function_words: (5..25).contains(&words) && MODEL.function_share(key) < 0.08,
            between_paragraphs: first_anchor.is_some_and(|a| i > a)
                && last_anchor.is_some_and(|a| i < a),
            // (A question after the article is a headline in a list.)
            sentence: words >= 8 && ends_with_any(key, &['.', '!']),
            // (Length is evidence of the article's own text only on a line
            // that does not recur on the site's other pages.)
            long: words >= 25 && !signs.recurs[i],
        };
        if let Some(reason) = MODEL.decide(&f) {
            decided.push((i, reason));
            if after_body {
                tail_chrome = true;
            }
        }
    }
    for (i, reason) in decided {
        lines[i].kind = LineKind::Chrome(reason);
    }
    let key_of = |i: usize| lines[i].folded.key.as_str();
    let is_text = |i: usize| lines[i].kind == LineKind::Text;

    for line in &lines {
        match line.kind {
            LineKind::Chrome(reason) => st.chrome.push((line.range.clone(), reason)),
            LineKind::Dateline if starts_with_word(line.folded.key.trim_start(), "امروز") => {
                st.chrome
                    .push((line.range.clone(), "today's date (the site's calendar)"))
            }
            LineKind::Dateline => st.chrome.push((line.range.clone(), "dateline")),
            LineKind::Text => {}
        }
    }
    // Datelines: those below the headline are the article's; one above it
    // is a site's «today» line, used only when the article has none.
    // A line that gives «today's» date («امروز: یکشنبه ۳۰ دی») is a
    // site's calendar, never the article's date.
    let datelines: Vec<usize> = (0..lines.len())
        .filter(|&i| {
            lines[i].kind == LineKind::Dateline
                && !starts_with_word(lines[i].folded.key.trim_start(), "امروز")
        })
        .collect();
    let below_title: Vec<usize> = datelines
        .iter()
        .copied()
        .filter(|&i| title.is_none_or(|t| i > t))
        .collect();
    for i in if below_title.is_empty() {
        datelines
    } else {
        below_title
    } {
        st.header_dates.extend(lines[i].dates.iter().cloned());
    }

    let text_lines: Vec<usize> = (0..lines.len()).filter(|&i| is_text(i)).collect();
    st.title = title.map(|i| lines[i].range.clone());
    st.kicker = kicker.map(|i| lines[i].range.clone());

    // Body: every text line but title and kicker, header lines that the body
    // repeats (a lead printed twice), and a line printed twice in a row
    // (photo captions).
    let first_after_title = title.map_or(0, |t| t + 1);
    let last_of: std::collections::HashMap<&str, usize> =
        text_lines.iter().map(|&j| (key_of(j), j)).collect();
    let repeated_later = |i: usize| last_of.get(key_of(i)).is_some_and(|&j| j > i);
    let mut previous_key: Option<&str> = None;
    let mut lead: Option<usize> = None;
    for (n, &i) in text_lines.iter().enumerate() {
        let key = key_of(i);
        let dup_of_previous = previous_key == Some(key);
        previous_key = Some(key);
        if Some(i) == title || Some(i) == kicker || dup_of_previous {
            continue;
        }
        if i < first_after_title && repeated_later(i) {
            continue;
        }
        let caption = text_lines
            .get(n + 1)
            .is_some_and(|&j| j == i + 1 && key_of(j) == key);
        if lead.is_none() && !caption && lines[i].words <= 80 {
            lead = Some(i);
        }
        st.paragraphs.push(lines[i].range.clone());
    }
    st.lead = lead.map(|i| lines[i].range.clone());
    for &i in title.iter().chain(kicker.iter()) {
        st.body_dates.extend(lines[i].dates.iter().cloned());
    }
    let in_body: std::collections::HashSet<usize> = st.paragraphs.iter().map(|r| r.start).collect();
    for line in &lines {
        if line.kind == LineKind::Text && in_body.contains(&line.range.start) {
            st.body_dates.extend(line.dates.iter().cloned());
        }
    }
    st.body_dates.sort_by_key(|d| d.range.start);

    st.source = source_of(text, &lines, &st.paragraphs);
    st
}

/// Signs of chrome that do not depend on the headline: recurrence in the
/// corpus, the site's name, link text, runs of short lines.
struct ChromeSigns {
    recurs: Vec<bool>,
    site_name: Vec<bool>,
    links: Vec<bool>,
    menu_shape: Vec<bool>,
    chrome_words: Vec<bool>,
}

impl ChromeSigns {
    fn of(lines: &[Line], hashes: &[u64], cx: &PageContext<'_>) -> ChromeSigns {
        let n = lines.len();
        let counts: Vec<u32> = match cx.lines {
            Some(t) => hashes.iter().map(|&h| t.files_with(h)).collect(),
            None => vec![0; n],
        };
        // The article's own text recurs as often as the article does (once,
        // or in each reprint): a line recurring on more pages than that is
        // the site's.
        // Its own text: its paragraphs (lines of fifteen words or more),
        // else its sentences (eight or more), else all its text lines; a
        // page whose every line recurs as often (a copy) gives no line away.
        let text: Vec<usize> = (0..n)
            .filter(|&i| lines[i].kind == LineKind::Text)
            .collect();
        let longer = |min: usize| -> Vec<usize> {
            text.iter()
                .copied()
                .filter(|&i| lines[i].words >= min)
                .collect()
        };
        // Paragraph-long lines first: a short article among many recurring
        // list items and tickers is still told by its paragraphs.
        let (paragraphs, sentences) = (longer(15), longer(8));
        let own = [&paragraphs, &sentences]
            .into_iter()
            .find(|l| !l.is_empty())
            .unwrap_or(&text);
        // The median count by words: long paragraphs weigh more than a
        // site's short sentences, however many of those there are.
        let mut own: Vec<(u32, usize)> = own
            .iter()
            .map(|&i| (counts[i].max(1), lines[i].words))
            .collect();
        own.sort_unstable();
        let half = own.iter().map(|o| o.1).sum::<usize>().div_ceil(2);
        let mut seen = 0;
        let typical = own
            .iter()
            .find(|o| {
                seen += o.1;
                seen >= half
            })
            .map_or(1, |o| o.0);
        let recurs: Vec<bool> = (0..n)
            .map(|i| counts[i] >= MIN_RECURRING_FILES && counts[i] > typical)
            .collect();

        // The site's names: from the markup, and from the copyright line
        // (a short line that the copyright line repeats is the name).
        let mut names: Vec<String> = cx
            .hints
            .site_names
            .iter()
            .map(|s| crate::text::search_key(s).trim().to_string())
            .filter(|s| !s.is_empty())
            .collect();
        // (A few short ones: a page of photo credits «© …» is no footer.)
        let copyright: Vec<&str> = lines
            .iter()
            .filter(|l| l.kind == LineKind::Chrome("copyright") && l.words <= 25)
            .map(|l| l.folded.key.as_str())
            .take(4)
            .collect();
        let site_name: Vec<bool> = (0..n)
            .map(|i| {
                let l = &lines[i];
                if l.kind != LineKind::Text || l.words > 10 {
                    return false;
                }
                let key = l.folded.key.trim();
                let in_copyright = l.words >= 2
                    && copyright
                        .iter()
                        .any(|c| contains_words(c, key) && c.trim() != key);
                // The name alone, or opening the line before a separator
                // («کرمانشاه امروز - پایگاه خبری استان»): an outlet named
                // with a common word («ایران») opens sentences too.
                let named = |s: &String| {
                    key.strip_prefix(s.as_str()).is_some_and(|rest| {
                        let rest = rest.trim_start();
                        rest.is_empty()
                            || rest.starts_with(['-', '|', ':', '–', '—', '·', '»', '/'])
                    })
                };
                in_copyright || names.iter().any(named)
            })
            .collect();
        names.clear();

        let link_set: std::collections::HashSet<usize> =
            cx.hints.link_lines.iter().copied().collect();
        let links: Vec<bool> = lines
            .iter()
            .map(|l| link_set.contains(&l.range.start))
            .collect();

        let text_only = |f: fn(&str) -> bool| -> Vec<bool> {
            lines
                .iter()
                .map(|l| l.kind == LineKind::Text && f(&l.folded.key))
                .collect()
        };
        ChromeSigns {
            recurs,
            site_name,
            links,
            menu_shape: text_only(is_menu_shaped),
            chrome_words: text_only(|k| MODEL.all_chrome_words(k)),
        }
    }

    /// A sign that alone makes a line chrome.
    fn sure(&self, i: usize) -> bool {
        self.recurs[i] || self.site_name[i] || self.links[i]
    }

    /// A sign that makes a short line no kicker.
    fn weak(&self, i: usize) -> bool {
        self.menu_shape[i] || self.chrome_words[i]
    }
}

/// Lines in a run of three or more short text lines without a full stop
/// (a list of links); the title and kicker end a run, and a line printed
/// twice in a row (a photo caption) counts once.
fn list_runs(lines: &[Line], title: Option<usize>, kicker: Option<usize>) -> Vec<bool> {
    let n = lines.len();
    let listy = |i: usize| {
        let l = &lines[i];
        Some(i) != title
            && Some(i) != kicker
            && l.kind == LineKind::Text
            && l.words <= 15
            && !ends_with_any(&l.folded.key, &['.', '!', ':', '؛'])
    };
    let mut out = vec![false; n];
    let mut start = 0;
    while start < n {
        if !listy(start) {
            start += 1;
            continue;
        }
        let mut end = start;
        let mut distinct = 0;
        while end < n && listy(end) {
            if end == start || lines[end].folded.key != lines[end - 1].folded.key {
                distinct += 1;
            }
            end += 1;
        }
        if distinct >= 3 {
            out[start..end].iter_mut().for_each(|b| *b = true);
        }
        start = end;
    }
    out
}

/// Whether `haystack` holds `needle` as whole words.
fn contains_words(haystack: &str, needle: &str) -> bool {
    haystack.match_indices(needle).any(|(at, _)| {
        let before = haystack[..at].chars().next_back();
        let after = haystack[at + needle.len()..].chars().next();
        before.is_none_or(|c| !c.is_alphanumeric()) && after.is_none_or(|c| !c.is_alphanumeric())
    })
}

/// The outlet: «به گزارش X» at the start of one of the first paragraphs,
/// else a «منبع: X» line.
fn source_of(text: &str, lines: &[Line], paragraphs: &[Range<usize>]) -> Option<String> {
    let starts: std::collections::HashSet<usize> =
        paragraphs.iter().take(8).map(|p| p.start).collect();
    for line in lines
        .iter()
        .filter(|l| starts.contains(&l.range.start))
        .take(4)
    {
        if let Some(caps) = REPORT_OF.captures(&line.folded.key) {
            let m = caps.name("src")?;
            let r = line.folded.original_range(m.range());
            let raw = &text[line.range.start + r.start..line.range.start + r.end];
            if let Some(name) = clean_source(raw) {
                return Some(name);
            }
        }
    }
    // «شیراز - ایرنا - ۱۲ دی ۱۴۰۳» on the dateline or opening the text.
    let first_paragraphs = lines
        .iter()
        .filter(|l| paragraphs.first() == Some(&l.range) || l.kind == LineKind::Dateline);
    for line in first_paragraphs {
        // A dateline's segments each («نویسنده: … | تهران - ایرنا - …»).
        let key = line.folded.key.as_str();
        for seg in key.split(SEGMENT_SEPARATORS) {
            // (Separators are one to three bytes: the offset from the
            // slice itself.)
            let seg_start = seg.as_ptr() as usize - key.as_ptr() as usize;
            let trimmed = seg.trim_start();
            let Some(caps) = AGENCY_DATELINE.captures(trimmed) else {
                continue;
            };
            let (Some(city), Some(src)) = (caps.name("city"), caps.name("src")) else {
                continue;
            };
            if word_count(city.as_str()) > 2 || !(1..=3).contains(&word_count(src.as_str())) {
                continue;
            }
            // «شیراز - ایرنا - ۱۲ دی»: a known outlet, or a date after it;
            // «جهرمی - سخنگوی دولت - گفت» names a person's office.
            let offset = seg_start + (seg.len() - trimmed.len());
            let end = offset + caps.get(0).map_or(0, |m| m.end());
            let after = key[end..].trim_start();
            let end_in_text = line.range.start + line.folded.original_offset(end);
            let dated = after.starts_with(|c: char| c.is_numeric())
                || line
                    .dates
                    .iter()
                    .any(|d| d.range.start >= end_in_text && d.range.start <= end_in_text + 40);
            if !dated && !super::outlets::BUNDLED.knows(src.as_str()) {
                continue;
            }
            let r = line
                .folded
                .original_range(offset + src.start()..offset + src.end());
            let raw = &text[line.range.start + r.start..line.range.start + r.end];
            if let Some(name) = clean_source(raw) {
                return Some(name);
            }
        }
    }
    lines.iter().find_map(|l| {
        let key = l.folded.key.as_str();
        if !starts_with_word(key, "منبع") {
            return None;
        }
        let colon = key.find([':', '：'])?;
        let r = l.folded.original_range(colon + 1..key.len());
        clean_source(&text[l.range.start + r.start..l.range.start + r.end])
    })
}

/// Drops the generic words before an outlet's name («خبرگزاری», «خبرنگار
/// سیاسی»), keeping the name as written.
fn clean_source(raw: &str) -> Option<String> {
    const GENERIC: &[&str] = &[
        "خبرگزاری",
        "خبرنگار",
        "پایگاه خبری",
        "پایگاه اطلاع رسانی",
        "روزنامه",
        "سایت",
        "شبکه",
        "گروه",
        "سرویس",
        "سیاسی",
        "اقتصادی",
        "بین الملل",
        "بینالملل",
        "اجتماعی",
        "فرهنگی",
        "ورزشی",
        "پارلمانی",
        "دیپلماسی",
        "خبری",
        "باشگاه خبرنگاران",
    ];
    // «خبرگزاری کتاب ایران (ایبنا)»: the short name in brackets.
    if let (Some(open), Some(close)) = (raw.find('('), raw.rfind(')'))
        && open < close
    {
        let inner = raw[open + 1..close].trim();
        if (1..=2).contains(&inner.split_whitespace().count()) {
            return Some(inner.to_string());
        }
    }
    // A press office is where a statement came from, not a news outlet.
    if crate::text::search_key(raw)
        .trim_start()
        .starts_with("روابط عمومی")
    {
        return None;
    }
    let mut s = raw.trim();
    loop {
        let before = s;
        for g in GENERIC {
            let key = crate::text::search_key(s);
            if starts_with_word(&key, g) && !key[g.len()..].trim().is_empty() {
                // Skip as many original words as the generic phrase has.
                let n = g.split_whitespace().count();
                s = s
                    .splitn(n + 1, char::is_whitespace)
                    .nth(n)
                    .unwrap_or("")
                    .trim();
            }
        }
        if s == before {
            break;
        }
    }
    let words: Vec<&str> = s.split_whitespace().take(5).collect();
    let name = words.join(" ");
    (!name.is_empty()).then_some(name)
}

/// Tags from a tag line: Markdown link texts, or a list split on commas.
fn parse_tags(line: &str) -> Vec<String> {
    let body = match line.find([':', '：']) {
        Some(i) if MD_LINK.find(line).is_none_or(|m| m.start() > i) => {
            crate::text::after_char(line, i)
        }
        _ => line,
    };
    let links: Vec<String> = MD_LINK
        .captures_iter(body)
        .filter_map(|c| c.get(1))
        .map(|m| m.as_str().trim().to_string())
        .filter(|t| !t.is_empty())
        .collect();
    if !links.is_empty() {
        return links;
    }
    body.split(['،', ',', '|', '#', '؛'])
        .map(|t| t.trim().to_string())
        .filter(|t| !t.is_empty() && t.chars().count() <= 60)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_headline_is_the_line_just_above_the_article_not_the_site_name() {
        let page = "پایگاه خبری دشت و کوه\n\
                    نگاهی به روستاهای ایران\n\
                    پربازدیدها\n\
                    بازگشایی جاده کوهستانی پس از بارش برف\n\
                    برداشت زعفران در روستاهای جنوبی آغاز شد\n\
                    ۱۴۰۳/۰۸/۱۲ - ۰۹:۴۵\n\
                    کشاورزان روستاهای جنوبی استان از صبح امروز برداشت زعفران را آغاز کردند و به گفته یکی از آنان محصول امسال به دلیل بارش‌های پاییزی بیشتر از سال گذشته است و قیمت آن نیز در بازار محلی ثابت مانده است.\n";
        let st = analyse(page);
        let title = &page[st.title.clone().unwrap()];
        assert_eq!(title, "برداشت زعفران در روستاهای جنوبی آغاز شد");
    }

    #[test]
    fn menus_are_told_by_their_shape_not_their_words() {
        let key = |t: &str| crate::text::search_key(t);
        // Items no word list holds, between all kinds of separators.
        for menu in [
            "پژوهش ▪ تحلیل ▪ همایش‌ها ▪ گزارش‌های آماری ▪ English",
            "درباره ما | تماس با ما | تبلیغات | حریم خصوصی",
            "خانه › طلا و ارز › بازار ارز",
            "گالری - پادکست - ویژه‌نامه نوروز - بایگانی",
        ] {
            assert!(is_menu_shaped(&key(menu)), "{menu}");
        }
        for text in [
            "کرمانشاه - استاندار از پروژه‌های نیمه‌تمام بازدید کرد",
            "نرخ تورم نقطه به نقطه / ماهانه به ۳۲ درصد رسید و کارشناسان نسبت به ادامه آن هشدار دادند.",
            "صادرات | واردات",
            "وزیر گفت: واردات کالا / صادرات خدمات / تراز تجاری همه بهتر شده‌اند و ادامه می‌یابند.",
        ] {
            assert!(!is_menu_shaped(&key(text)), "{text}");
        }
    }

    fn texts<'a>(text: &'a str, ranges: &[Range<usize>]) -> Vec<&'a str> {
        ranges.iter().map(|r| &text[r.clone()]).collect()
    }

    #[test]
    fn chrome_lines_are_recognised() {
        let cases = [
            ("لینک‌های قابلیت دسترسی", "navigation"),
            ("خبر فوری", "navigation"),
            ("XS", "navigation"),
            ("صفحه اصلی | سیاسی | اقتصادی", "navigation"),
            ("اشتراک‌گذاری: تلگرام واتساپ", "share bar"),
            ("برچسب‌ها: [تهران](#) [1]", "tags"),
            ("كد خبر: ۴۵۶۷۸۹", "site id"),
            ("کد مطلب: 324871", "site id"),
            ("© ۱۴۰۳ کلیه حقوق این سایت محفوظ است", "copyright"),
            ("اخبار مرتبط", "related"),
            ("[بازگشایی مدارس](https://example.org/a) [2]", "links"),
            ("انتهای پیام", "metadata"),
            ("یادداشت: کاوه صدری", "metadata"),
            ("یادداشت | حمید میرحسینی، پژوهشگر", "metadata"),
            ("کد خبر: ۴۱۸۲۳۳ گزارش: مهتاب قربانی", "site id"),
            ("۱ دیدگاه", "comments"),
            ("عکس: نمایی از سد در روز آبگیری", "photo caption"),
            ("زمان مطالعه: ۳ دقیقه", "metadata"),
        ];
        for line in [
            "تاریخ انتشار: ۱۴۰۳/۰۹/۰۲ - ۱۸:۰۱",
            "جمعه ۲ آذر ۱۴۰۳ تهران ۱۸:۰۱",
            // A city and an outlet of two words between dashes.
            "اراک - صدای مرکزی - ۱۴ بهمن ۱۴۰۲",
        ] {
            let folded = Folded::new(line);
            let dates = find_dates_folded(&folded);
            let words = word_count(&folded.key);
            assert_eq!(
                classify(&folded.key, words, &dates, &folded),
                LineKind::Dateline,
                "{line}"
            );
        }
        for (line, reason) in cases {
            let folded = Folded::new(line);
            let words = word_count(&folded.key);
            let dates = find_dates_folded(&folded);
            assert_eq!(
                classify(&folded.key, words, &dates, &folded),
                LineKind::Chrome(reason),
                "{line}"
            );
        }
        for line in [
            "گفت: 27 فروردين 1397 ساعت 11:23 در BRICS",
            "وزیر خارجه گفت: مذاکرات ادامه دارد.",
            "تهران",
            "بازدید وزیر از نمایشگاه کتاب تهران با حضور ناشران خارجی برگزار شد و ادامه دارد",
            "تحلیل: چرا دلار دوباره گران شد",
            "خبرنگار: شما چند سال است که در این کارگاه کار می‌کنید؟",
        ] {
            let folded = Folded::new(line);
            let words = word_count(&folded.key);
            let dates = find_dates_folded(&folded);
            assert_eq!(
                classify(&folded.key, words, &dates, &folded),
                LineKind::Text,
                "{line}"
            );
        }
    }

    #[test]
    fn title_kicker_lead_body_and_metadata() {
        let text = "\
لینک‌های قابلیت دسترسی
خبر فوری
وزیر نیرو در سفر به اصفهان:
بارش‌های پاییزی سطح سدهای کشور را بالا برد
یکشنبه ۴ آذر ۱۴۰۳ ساعت ۰۹:۱۵
به گزارش خبرگزاری ایرنا، وزیر نیرو امروز در جمع خبرنگاران گفت که ذخایر سدها افزایش یافته است.
وی افزود: مصرف آب باید کاهش یابد.
عکس سد زاینده‌رود
عکس سد زاینده‌رود
اخبار مرتبط
کاهش مصرف برق در تابستان
برچسب‌ها: [آب](#) [1]
[سد](#) [2]
کد خبر: ۹۸۷۶۵
© کلیه حقوق محفوظ است";
        let st = analyse(text);
        assert_eq!(
            st.title.clone().map(|r| &text[r]),
            Some("بارش‌های پاییزی سطح سدهای کشور را بالا برد")
        );
        assert_eq!(
            st.kicker.clone().map(|r| &text[r]),
            Some("وزیر نیرو در سفر به اصفهان:")
        );
        assert_eq!(
            texts(text, &st.paragraphs),
            vec![
                "به گزارش خبرگزاری ایرنا، وزیر نیرو امروز در جمع خبرنگاران گفت که ذخایر سدها افزایش یافته است.",
                "وی افزود: مصرف آب باید کاهش یابد.",
                "عکس سد زاینده‌رود",
            ]
        );
        assert_eq!(
            st.lead.clone().map(|r| &text[r]),
            Some(&text[st.paragraphs[0].clone()])
        );
        assert_eq!(st.source.as_deref(), Some("ایرنا"));
        assert_eq!(st.tags, vec!["آب", "سد"]);
        assert_eq!(st.site_id.as_deref(), Some("98765"));
        assert_eq!(st.header_dates.len(), 1);
        assert_eq!(
            st.header_dates[0].day.map(|d| d.to_string()).as_deref(),
            Some("2024-11-24")
        );
    }

    #[test]
    fn lead_printed_twice_is_kept_once() {
        let text = "خلاصه خبر در یک جمله که تکرار می‌شود.\nعنوان خبر اینجاست\nخلاصه خبر در یک جمله که تکرار می‌شود.\nمتن اصلی خبر.";
        let st = analyse(text);
        assert_eq!(
            st.title.clone().map(|r| &text[r]),
            Some("عنوان خبر اینجاست")
        );
        assert_eq!(
            texts(text, &st.paragraphs),
            vec!["خلاصه خبر در یک جمله که تکرار می‌شود.", "متن اصلی خبر."]
        );
        assert_eq!(st.paragraphs[0].start, text.rfind("خلاصه").unwrap());
    }

    #[test]
    fn sub_headline_below_the_title_is_a_kicker() {
        let text = "وزیر آموزش و پرورش گفت مدارس از شنبه باز می‌شوند و امتحانات حضوری است.\nدر گفت‌وگو با خبرنگاران:\nوزیر آموزش و پرورش امروز در جمع خبرنگاران درباره بازگشایی مدارس در سراسر کشور و برنامه امتحانات پایان سال توضیح داد و گفت که همه مدارس از شنبه باز می‌شوند.";
        let st = analyse(text);
        assert_eq!(
            st.kicker.clone().map(|r| &text[r]),
            Some("در گفت‌وگو با خبرنگاران:")
        );
        assert_eq!(st.paragraphs.len(), 1);
        assert!(text[st.paragraphs[0].clone()].starts_with("وزیر آموزش و پرورش امروز"));
    }

    #[test]
    fn source_forms() {
        for (para, source) in [
            ("به گزارش تسنیم، جلسه برگزار شد.", "تسنیم"),
            ("به گزارش خبرنگار سیاسی ایرنا، جلسه برگزار شد.", "ایرنا"),
            (
                "به گزارش اسپادانا خبر و به نقل از ایسنا، جلسه برگزار شد.",
                "اسپادانا خبر",
            ),
            (
                "به گزارش خبرگزاری فارس به نقل از روابط عمومی، جلسه برگزار شد.",
                "فارس",
            ),
        ] {
            let text = format!("عنوان کوتاه خبر\n{para}");
            assert_eq!(analyse(&text).source.as_deref(), Some(source), "{para}");
        }
    }
}
