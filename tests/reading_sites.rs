//! The evaluation set for reading pages of sites daftar never saw
//! (issue 15): `tests/data/sites/<site>/`, 42 original pages in 12 site
//! layouts, each with a gold file (see `tests/data/sites/README.md`). A
//! third of the layouts is held out of tuning and reported apart.
//!
//! This checks that the gold agrees with its pages (so the set stays
//! usable), asserts issue 15's thresholds on the whole set read as one
//! corpus, and prints the figures, tuned and held-out apart, read as a
//! corpus and page by page: `cargo test --test integration reading_sites
//! -- --nocapture` (`DAFTAR_SITES_VERBOSE=1` lists every miss).

use std::path::{Path, PathBuf};

use daftar::corpus::Article;
use daftar::corpus::loader::load_file;
use daftar::corpus::{LoadEvent, LoadOptions, load_folder};
use daftar::dates::EraClues;
use serde::Deserialize;

/// Layouts kept out of tuning.
pub const HELD_OUT: &[&str] = &[
    "khabar-fori",
    "rooznameh-sobh",
    "tabriz-news",
    "eghtesad-daneshgah",
];

/// Layouts written after the line model was built, by a writer who did
/// not see the code, and never tuned on: the figures on them are what a
/// new site gets.
pub const FRESH: &[&str] = &["payam-fars", "nasim-gilan", "kavir-nameh", "naghsh-khabar"];

/// A third fresh set, measured once the reading was finished (titles 93 %,
/// precision 96 % as a corpus at first contact), then looked at: two of
/// its misses were classes of their own (a section label before a byline,
/// a sub-headline below the headline).
pub const FRESH3: &[&str] = &[
    "zagros-online",
    "khazar-times",
    "shahr-ketab",
    "eqtesad-kerman",
];

/// A fourth fresh set, measured once at the end and never tuned on.
pub const FRESH4: &[&str] = &[
    "sahel-news",
    "golestan-rooz",
    "pajoohesh-online",
    "varzesh-shomal",
];

/// A second fresh set, written once the first had been looked at.
pub const FRESH2: &[&str] = &[
    "sepehr-daily",
    "bandar-press",
    "alborz-sport",
    "andishe-mag",
];

#[derive(Debug, Deserialize)]
pub struct Words {
    pub first: String,
    pub last: String,
}

#[derive(Debug, Deserialize)]
pub struct Gold {
    pub site: String,
    pub title: String,
    pub kicker: Option<String>,
    pub lead: Option<String>,
    pub paragraphs: Vec<Words>,
    pub dateline: Option<String>,
    pub date: Option<String>,
    pub source: Option<String>,
}

/// Every page and its gold, in path order.
pub fn pages() -> Vec<(PathBuf, Gold)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/sites");
    let mut out = Vec::new();
    let mut sites: Vec<PathBuf> = std::fs::read_dir(&root)
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.is_dir())
        .collect();
    sites.sort();
    for site in sites {
        let mut files: Vec<PathBuf> = std::fs::read_dir(&site)
            .unwrap()
            .flatten()
            .map(|e| e.path())
            .filter(|p| {
                p.extension()
                    .is_some_and(|x| x == "txt" || x == "html" || x == "htm")
            })
            .collect();
        files.sort();
        for page in files {
            let gold_path = page.with_extension("gold.json");
            let text = std::fs::read_to_string(&gold_path)
                .unwrap_or_else(|e| panic!("{}: {e}", gold_path.display()));
            let gold: Gold = serde_json::from_str(&text)
                .unwrap_or_else(|e| panic!("{}: {e}", gold_path.display()));
            out.push((page, gold));
        }
    }
    out
}

fn first_last(s: &str) -> Option<(&str, &str)> {
    let mut w = s.split_whitespace();
    let first = w.next()?;
    Some((first, w.next_back().unwrap_or(first)))
}

#[test]
fn the_gold_agrees_with_its_pages() {
    let pages = pages();
    assert!(pages.len() >= 40, "{} pages", pages.len());
    let sites: std::collections::BTreeSet<&str> =
        pages.iter().map(|(_, g)| g.site.as_str()).collect();
    assert!(sites.len() >= 12, "{} layouts", sites.len());
    for held in HELD_OUT {
        assert!(sites.contains(held), "held-out layout {held} is missing");
    }
    for (page, gold) in &pages {
        let shown = page.display();
        let raw = std::fs::read_to_string(page).unwrap();
        assert_eq!(
            page.parent().and_then(|p| p.file_name()).unwrap(),
            gold.site.as_str(),
            "{shown}: site"
        );
        let strings = [Some(&gold.title), gold.kicker.as_ref(), gold.lead.as_ref()]
            .into_iter()
            .chain([gold.dateline.as_ref()])
            .flatten();
        for s in strings {
            assert!(
                raw.contains(s.as_str()),
                "{shown}: «{s}» is not in the page"
            );
        }
        assert!(!gold.paragraphs.is_empty(), "{shown}: no paragraphs");
        for p in &gold.paragraphs {
            assert!(
                raw.contains(&p.first) && raw.contains(&p.last),
                "{shown}: «{} … {}» is not in the page",
                p.first,
                p.last
            );
        }
        if let Some(d) = &gold.date {
            assert!(
                daftar::dates::Day::parse_iso(d).is_some(),
                "{shown}: date {d}"
            );
        }
        if let Some(lead) = &gold.lead {
            let (f, l) = first_last(lead).unwrap();
            assert_eq!(
                (f, l),
                (
                    gold.paragraphs[0].first.as_str(),
                    gold.paragraphs[0].last.as_str()
                ),
                "{shown}: the lead is the first paragraph"
            );
        }
    }
}

/// The day daftar reads in the page itself (header or body), as the gold
/// gives it; an estimate or the file's time is no reading.
fn read_day(a: &Article) -> Option<String> {
    a.date
        .as_ref()
        .filter(|d| {
            matches!(
                d.provenance,
                daftar::dates::Provenance::Header | daftar::dates::Provenance::Body
            )
        })
        .map(|d| d.day.to_string())
}

/// What daftar reads in one page, against its gold.
#[derive(Debug, Default, Clone, Copy)]
pub struct Score {
    pub pages: usize,
    pub titles: usize,
    /// Body paragraphs daftar gives, and those that are gold paragraphs.
    pub given: usize,
    pub right: usize,
    /// Gold paragraphs, and those daftar gives.
    pub gold: usize,
    pub found: usize,
    pub sources: usize,
    pub dates: usize,
}

impl Score {
    pub fn add(&mut self, a: &Article, g: &Gold) {
        let text = &*a.text();
        self.pages += 1;
        if a.title.as_ref().map(|r| text[r.clone()].trim()) == Some(g.title.trim()) {
            self.titles += 1;
        }
        let matches = |r: &std::ops::Range<usize>, w: &Words| {
            first_last(&text[r.clone()]) == Some((w.first.as_str(), w.last.as_str()))
        };
        self.given += a.paragraphs.len();
        self.right += a
            .paragraphs
            .iter()
            .filter(|r| g.paragraphs.iter().any(|w| matches(r, w)))
            .count();
        self.gold += g.paragraphs.len();
        self.found += g
            .paragraphs
            .iter()
            .filter(|w| a.paragraphs.iter().any(|r| matches(r, w)))
            .count();
        if a.source.as_deref() == g.source.as_deref() {
            self.sources += 1;
        }
        let day = read_day(a);
        if day.as_deref() == g.date.as_deref() {
            self.dates += 1;
        }
    }

    pub fn merge(&mut self, o: &Score) {
        self.pages += o.pages;
        self.titles += o.titles;
        self.given += o.given;
        self.right += o.right;
        self.gold += o.gold;
        self.found += o.found;
        self.sources += o.sources;
        self.dates += o.dates;
    }

    pub fn line(&self) -> String {
        let pct = |a: usize, b: usize| 100.0 * a as f64 / b.max(1) as f64;
        format!(
            "{} pages: titles {:.0} %, paragraphs without chrome {:.0} % (precision), \
             paragraphs kept {:.0} % (recall), sources {:.0} %, dates {:.0} %",
            self.pages,
            pct(self.titles, self.pages),
            pct(self.right, self.given),
            pct(self.found, self.gold),
            pct(self.sources, self.pages),
            pct(self.dates, self.pages),
        )
    }
}

/// What daftar got wrong on one page (with `DAFTAR_SITES_VERBOSE=1`).
fn explain_misses(page: &Path, a: &Article, g: &Gold) {
    let text = &*a.text();
    let title = a.title.as_ref().map(|r| text[r.clone()].trim());
    let mut out = Vec::new();
    if title != Some(g.title.trim()) {
        out.push(format!("  title: {title:?} (gold «{}»)", g.title));
    }
    let matches = |r: &std::ops::Range<usize>, w: &Words| {
        first_last(&text[r.clone()]) == Some((w.first.as_str(), w.last.as_str()))
    };
    for r in &a.paragraphs {
        if !g.paragraphs.iter().any(|w| matches(r, w)) {
            out.push(format!("  chrome kept: «{}»", &text[r.clone()]));
        }
    }
    for w in &g.paragraphs {
        if !a.paragraphs.iter().any(|r| matches(r, w)) {
            out.push(format!("  lost: «{} … {}»", w.first, w.last));
        }
    }
    if a.source.as_deref() != g.source.as_deref() {
        out.push(format!("  source: {:?} (gold {:?})", a.source, g.source));
    }
    let day = read_day(a);
    if day.as_deref() != g.date.as_deref() {
        out.push(format!(
            "  date: {:?} (gold {:?})",
            a.date.as_ref().map(|d| (d.day.to_string(), d.provenance)),
            g.date
        ));
    }
    if !out.is_empty() {
        eprintln!("{}\n{}", page.display(), out.join("\n"));
    }
}

/// The set read as a researcher's archive: every page loaded from one
/// folder (a temporary copy, so the corpus's table of recurring lines is
/// not written into the repository), by path relative to `sites/`.
fn read_as_corpus() -> std::collections::HashMap<String, Article> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/sites");
    let dir = tempfile::tempdir().unwrap();
    for (page, _) in pages() {
        let rel = page.strip_prefix(&root).unwrap();
        let to = dir.path().join(rel);
        std::fs::create_dir_all(to.parent().unwrap()).unwrap();
        std::fs::copy(&page, &to).unwrap();
    }
    let mut out = std::collections::HashMap::new();
    let summary = load_folder(dir.path(), &LoadOptions::default(), |ev| {
        if let LoadEvent::Article(a) = ev {
            out.insert(a.path.clone(), *a);
        }
    })
    .unwrap();
    assert_eq!(summary.problems, 0);
    out
}

#[test]
fn figures_on_pages_of_unseen_sites_tuned_and_held_out_apart() {
    let clues = EraClues::bundled();
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/sites");
    let corpus = read_as_corpus();
    let verbose = std::env::var_os("DAFTAR_SITES_VERBOSE").is_some();
    let mut scores = [Score::default(); 6];
    let mut alone_scores = [Score::default(); 6];
    for (page, gold) in pages() {
        let rel = page
            .strip_prefix(&root)
            .unwrap()
            .to_string_lossy()
            .into_owned();
        let alone = load_file(&page, &rel, u64::MAX, &clues)
            .unwrap_or_else(|e| panic!("{}: not read: {e}", page.display()));
        let a = corpus
            .get(&rel)
            .unwrap_or_else(|| panic!("{rel} was not loaded with its corpus"));
        if verbose {
            explain_misses(&page, a, &gold);
        }
        let group = if FRESH4.contains(&gold.site.as_str()) {
            5
        } else if FRESH3.contains(&gold.site.as_str()) {
            4
        } else if FRESH2.contains(&gold.site.as_str()) {
            3
        } else if FRESH.contains(&gold.site.as_str()) {
            2
        } else if HELD_OUT.contains(&gold.site.as_str()) {
            1
        } else {
            0
        };
        scores[group].add(a, &gold);
        alone_scores[group].add(&alone, &gold);
    }
    let names = [
        "tuned layouts:    ",
        "held-out layouts: ",
        "fresh layouts:    ",
        "fresh layouts, 2: ",
        "fresh layouts, 3: ",
        "fresh layouts, 4: ",
    ];
    eprintln!("read as one corpus:");
    for (name, s) in names.iter().zip(&scores) {
        eprintln!("  {name} {}", s.line());
    }
    eprintln!("each page read alone (no other page of its site):");
    for (name, s) in names.iter().zip(&alone_scores) {
        eprintln!("  {name} {}", s.line());
    }
    let [tuned, held, fresh, fresh2, fresh3, fresh4] = scores;
    let mut all = tuned;
    all.merge(&held);
    all.merge(&fresh);
    all.merge(&fresh2);
    all.merge(&fresh3);
    all.merge(&fresh4);
    eprintln!("the whole set, as one corpus: {}", all.line());
    assert_eq!(all.pages, pages().len());
    // Issue 15's thresholds, on the whole set read as a corpus.
    let pct = |a: usize, b: usize| 100.0 * a as f64 / b.max(1) as f64;
    assert!(pct(all.titles, all.pages) >= 95.0, "titles: {}", all.line());
    assert!(
        pct(all.right, all.given) >= 95.0,
        "precision: {}",
        all.line()
    );
    assert!(pct(all.found, all.gold) >= 98.0, "recall: {}", all.line());
    assert!(
        pct(all.sources, all.pages) >= 90.0,
        "sources: {}",
        all.line()
    );
    assert!(pct(all.dates, all.pages) >= 95.0, "dates: {}", all.line());
}

/// A page of an invented provincial site: its header and footer are
/// sentences (so no line shape gives them away), its body is its own.
fn site_page(n: usize, headline: &str, body: &[String]) -> String {
    format!(
        "دیده‌بان دشت\n\
         ما هر روز تازه‌ترین خبرهای دشت و کوهستان را با دقت برای شما می‌نویسیم.\n\
         خبر شماره {n} از بخش روستاها و کشاورزی منطقه\n\
         {headline}\n\
         ۱۴۰۳/۰۸/{:02}\n\
         {}\n\
         همه نوشته‌های این پایگاه با ذکر نام نویسنده و پیوند به آن قابل بازنشر هستند.\n",
        n + 1,
        body.join("\n")
    )
}

fn own_paragraph(topic: &str, n: usize) -> String {
    format!(
        "کشاورزان روستای {topic} در هفته {n} پاییز برداشت محصول را با کمک دستگاه‌های تازه آغاز کردند و به گفته دهیار روستا امسال محصول بیشتری از سال گذشته به بازار محلی می‌رسد و قیمت آن نیز پایین‌تر است."
    )
}

#[test]
fn a_sites_recurring_lines_are_chrome_and_reprints_and_shared_quotes_keep_their_text() {
    let dir = tempfile::tempdir().unwrap();
    let quote = "سخنگوی استانداری گفت که آب شرب همه روستاهای بخش مرکزی تا پایان سال از شبکه سراسری تامین می‌شود و هیچ روستایی بی‌آب نمی‌ماند.";
    let topics = ["بیدک", "سرخه", "کلات", "ورزنه", "نیاسر"];
    for (n, topic) in topics.iter().enumerate() {
        let mut body = vec![own_paragraph(topic, n)];
        if n < 2 {
            // Two pages quote the same sentence: it stays text.
            body.push(quote.to_string());
        }
        body.push(own_paragraph(&format!("{topic} پایین"), n + 10));
        std::fs::write(
            dir.path().join(format!("dasht-{n}.txt")),
            site_page(n, &format!("برداشت محصول در روستای {topic} آغاز شد"), &body),
        )
        .unwrap();
    }
    // One article reprinted by three other sites, each with a header line
    // of its own.
    let reprint = [
        "سد مخزنی کوهرنگ پس از دو سال خشکسالی دوباره لبریز شد",
        "به گزارش ایرنا، مدیر آب منطقه‌ای استان امروز گفت که حجم آب پشت سد مخزنی کوهرنگ پس از بارش‌های هفته گذشته به بیشترین اندازه در دو سال اخیر رسیده و دریچه‌های سرریز باز شده است.",
        "وی افزود که کشاورزان پایین‌دست باید تا پایان هفته از ورود به حریم رودخانه خودداری کنند زیرا حجم آب رهاشده در روزهای آینده بیشتر خواهد شد و خطر سیلاب وجود دارد.",
    ];
    for (n, site) in ["صدای کوهستان", "نامه شهر", "خبرنامه زاینده"]
        .iter()
        .enumerate()
    {
        std::fs::write(
            dir.path().join(format!("reprint-{n}.txt")),
            format!("{site}\n{}\n", reprint.join("\n")),
        )
        .unwrap();
    }
    let mut read = std::collections::HashMap::new();
    load_folder(dir.path(), &LoadOptions::default(), |ev| {
        if let LoadEvent::Article(a) = ev {
            read.insert(a.path.clone(), *a);
        }
    })
    .unwrap();
    let paragraphs = |a: &Article| -> Vec<String> {
        a.paragraphs
            .iter()
            .map(|r| a.text()[r.clone()].to_string())
            .collect()
    };
    for n in 0..topics.len() {
        let a = &read[&format!("dasht-{n}.txt")];
        let body = paragraphs(a);
        assert!(
            body.iter()
                .all(|p| !p.contains("برای شما می‌نویسیم") && !p.contains("قابل بازنشر")),
            "the site's sentences recur on all its pages: chrome\n{body:#?}"
        );
        assert_eq!(body.len(), if n < 2 { 3 } else { 2 }, "{body:#?}");
        assert!(body[0].contains(topics[n]));
        assert_eq!(
            a.title.as_ref().map(|r| a.text()[r.clone()].to_string()),
            Some(format!("برداشت محصول در روستای {} آغاز شد", topics[n]))
        );
        if n < 2 {
            assert_eq!(body[1], quote, "a sentence two pages quote stays text");
        }
        // Read alone, the same page keeps the site's sentences: it is the
        // corpus that tells them.
        let alone = load_file(
            &dir.path().join(&a.path),
            &a.path,
            u64::MAX,
            &EraClues::bundled(),
        )
        .unwrap();
        assert!(
            paragraphs(&alone)
                .iter()
                .any(|p| p.contains("برای شما می‌نویسیم"))
        );
    }
    for n in 0..3 {
        let a = &read[&format!("reprint-{n}.txt")];
        assert_eq!(
            a.title.as_ref().map(|r| a.text()[r.clone()].to_string()),
            Some(reprint[0].to_string()),
            "a reprint keeps its headline"
        );
        assert_eq!(paragraphs(a), reprint[1..], "a reprint keeps its text");
        assert_eq!(a.source.as_deref(), Some("ایرنا"));
    }
    // The table is kept for the next load and for files read one by one.
    let kept = daftar::corpus::boilerplate::LineTable::read(dir.path()).unwrap();
    assert_eq!(kept.files, 8);
    assert!(kept.recurring() >= 3);
}
