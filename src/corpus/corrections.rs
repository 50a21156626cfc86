//! The user's corrections of what is page chrome (issue 15): a line marked
//! as chrome or as article text becomes a rule for its site — every
//! article in the same folder whose line reads the same (digits aside) —
//! and a line marked as the title becomes the title of its article. Kept
//! in `.daftar/chrome.ron`, written atomically with the previous version
//! as a backup (it is the user's work), and applied to loaded articles in
//! memory: a correction changes every page of the site at once, without
//! reading a file again.

use std::collections::HashMap;
use std::ops::Range;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::Article;
use super::boilerplate::line_hash;
use crate::disk::UserFileError;

/// What the user says a line is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Verdict {
    /// Page chrome: left out of the body.
    Chrome,
    /// Article text: a body paragraph.
    Body,
    /// The article's headline.
    Title,
}

/// One correction.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Rule {
    /// The site: the folder of the article it was made on, relative to the
    /// corpus, `/`-separated («» for the corpus folder itself).
    pub site: String,
    /// The line as written where it was marked.
    pub line: String,
    pub verdict: Verdict,
    /// For a title: the article (relative path) it is the title of.
    #[serde(default)]
    pub article: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
struct ChromeFile {
    version: u32,
    #[serde(default)]
    rules: Vec<Rule>,
}

/// Reason shown for a line the user marked as chrome.
pub const MARKED_CHROME: &str = "marked as page chrome (your correction)";
/// Reason shown for a former title the user replaced.
pub const REPLACED_TITLE: &str = "replaced as the title (your correction)";

/// The corrections of one corpus.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Corrections {
    rules: Vec<Rule>,
    /// (site, line hash) → verdict, for chrome and body rules.
    by_line: HashMap<(String, u64), Verdict>,
    /// (article, line hash) of title rules.
    titles: HashMap<String, u64>,
}

/// The site of an article: its folder.
pub fn site_of(path: &str) -> &str {
    path.rfind('/').map_or("", |i| &path[..i])
}

fn hash_of(line: &str) -> u64 {
    line_hash(crate::text::search_key(line).trim())
}

impl Corrections {
    fn from_rules(rules: Vec<Rule>) -> Corrections {
        let mut c = Corrections::default();
        for r in rules {
            c.index(&r);
            c.rules.push(r);
        }
        c
    }

    fn index(&mut self, r: &Rule) {
        let h = hash_of(&r.line);
        match (r.verdict, &r.article) {
            (Verdict::Title, Some(a)) => {
                self.titles.insert(a.clone(), h);
            }
            (Verdict::Title, None) => {}
            (v, _) => {
                self.by_line.insert((r.site.clone(), h), v);
            }
        }
    }

    pub fn path(corpus: &Path) -> PathBuf {
        corpus.join(".daftar").join("chrome.ron")
    }

    fn backup(corpus: &Path) -> PathBuf {
        corpus.join(".daftar").join("chrome.ron.bak")
    }

    /// Reads the corpus's corrections (the backup when the file is
    /// missing or broken), moving and writing nothing.
    pub fn read(corpus: &Path) -> Result<Corrections, UserFileError> {
        let file =
            crate::disk::read_either::<ChromeFile>(&Self::path(corpus), &Self::backup(corpus))?;
        Ok(Self::from_rules(file.map(|f| f.rules).unwrap_or_default()))
    }

    pub fn rules(&self) -> &[Rule] {
        &self.rules
    }

    pub fn is_empty(&self) -> bool {
        self.rules.is_empty()
    }

    /// Adds a rule (replacing one for the same line of the same site, or
    /// the same article's title) and writes the file: the previous one
    /// becomes the backup, the new one is renamed into place.
    pub fn add(&mut self, corpus: &Path, rule: Rule) -> std::io::Result<()> {
        let before = self.clone();
        let result = self.add_unchecked(corpus, rule);
        if result.is_err() {
            *self = before;
        }
        result
    }

    fn add_unchecked(&mut self, corpus: &Path, rule: Rule) -> std::io::Result<()> {
        let h = hash_of(&rule.line);
        self.rules.retain(|r| match (rule.verdict, r.verdict) {
            (Verdict::Title, Verdict::Title) => r.article != rule.article,
            (Verdict::Title, _) | (_, Verdict::Title) => true,
            _ => !(r.site == rule.site && hash_of(&r.line) == h),
        });
        self.rules.push(rule);
        let path = Self::path(corpus);
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir)?;
        }
        if let Ok(old) = std::fs::read(&path) {
            crate::disk::write_atomic(&Self::backup(corpus), &old)?;
        }
        let file = ChromeFile {
            version: 1,
            rules: self.rules.clone(),
        };
        let text = ron::ser::to_string_pretty(&file, ron::ser::PrettyConfig::default())
            .map_err(std::io::Error::other)?;
        crate::disk::write_atomic(&path, text.as_bytes())?;
        // Applied only once it is saved.
        let rules = std::mem::take(&mut self.rules);
        *self = Self::from_rules(rules);
        Ok(())
    }

    /// Applies the rules to an article in place; whether it changed.
    pub fn apply(&self, a: &mut Article) -> bool {
        let changed = self.apply_rules(a);
        if changed {
            // (The title may be another line now.)
            a.set_sort_title();
        }
        changed
    }

    fn apply_rules(&self, a: &mut Article) -> bool {
        if self.rules.is_empty() {
            return false;
        }
        let site = site_of(&a.path).to_string();
        let title_rule = self.titles.get(&a.path).copied();
        let mut changed = false;
        let mut title_done = false;
        for range in super::structure::line_ranges(&a.text()) {
            let h = hash_of(&a.text()[range.clone()]);
            // (The first line that reads so: a title printed twice stays
            // where it was marked first.)
            if !title_done && title_rule == Some(h) {
                title_done = true;
                changed |= set_title(a, range);
                continue;
            }
            match self.by_line.get(&(site.clone(), h)) {
                Some(Verdict::Chrome) => changed |= set_chrome(a, range),
                Some(Verdict::Body) => changed |= set_body(a, range),
                _ => {}
            }
        }
        if changed {
            fix_lead(a);
            a.corrected += 1;
        }
        changed
    }
}

fn take_line(a: &mut Article, range: &Range<usize>) -> bool {
    let mut took = false;
    if a.title.as_ref() == Some(range) {
        a.title = None;
        took = true;
    }
    if a.kicker.as_ref() == Some(range) {
        a.kicker = None;
        took = true;
    }
    let before = a.paragraphs.len() + a.left_out.len();
    a.paragraphs.retain(|p| p != range);
    a.left_out.retain(|(r, _)| r != range);
    took || before != a.paragraphs.len() + a.left_out.len()
}

fn set_chrome(a: &mut Article, range: Range<usize>) -> bool {
    let at = a.left_out.partition_point(|(r, _)| r.start < range.start);
    if a.left_out
        .get(at)
        .is_some_and(|(r, why)| *r == range && *why == MARKED_CHROME)
    {
        return false;
    }
    take_line(a, &range);
    let at = a.left_out.partition_point(|(r, _)| r.start < range.start);
    a.left_out.insert(at, (range, MARKED_CHROME));
    true
}

fn set_body(a: &mut Article, range: Range<usize>) -> bool {
    let at = a.paragraphs.partition_point(|p| p.start < range.start);
    if a.paragraphs.get(at) == Some(&range) {
        return false;
    }
    take_line(a, &range);
    let at = a.paragraphs.partition_point(|p| p.start < range.start);
    a.paragraphs.insert(at, range);
    true
}

fn set_title(a: &mut Article, range: Range<usize>) -> bool {
    if a.title.as_ref() == Some(&range) {
        return false;
    }
    if let Some(old) = a.title.take() {
        let at = a.left_out.partition_point(|(r, _)| r.start < old.start);
        a.left_out.insert(at, (old, REPLACED_TITLE));
    }
    take_line(a, &range);
    a.title = Some(range);
    true
}

/// The lead is the first paragraph when it is lead-sized (as the reading
/// decides it).
fn fix_lead(a: &mut Article) {
    a.lead = a
        .paragraphs
        .first()
        .filter(|p| a.text()[(*p).clone()].split_whitespace().count() <= 80)
        .cloned();
}

#[cfg(test)]
mod tests {
    use super::*;

    fn article(path: &str, text: &str) -> Article {
        let mut a = Article::from_text(path, text);
        // The reading took the first line for the title and the last for
        // chrome.
        let first = a.paragraphs.remove(0);
        a.title = Some(first);
        let last = a.paragraphs.pop().unwrap();
        a.left_out.push((last, "navigation"));
        a
    }

    #[test]
    fn a_correction_is_kept_and_applies_to_every_page_of_its_site_only() {
        let dir = tempfile::tempdir().unwrap();
        let mut c = Corrections::read(dir.path()).unwrap();
        assert!(c.is_empty());
        c.add(
            dir.path(),
            Rule {
                site: "bazar".into(),
                line: "روایت دقیق از اقتصاد ۱۴۰۳".into(),
                verdict: Verdict::Chrome,
                article: None,
            },
        )
        .unwrap();
        c.add(
            dir.path(),
            Rule {
                site: "bazar".into(),
                line: "خانه | بازار".into(),
                verdict: Verdict::Body,
                article: None,
            },
        )
        .unwrap();
        let back = Corrections::read(dir.path()).unwrap();
        assert_eq!(back.rules(), c.rules());
        let text = "عنوان خبر\nروایت دقیق از اقتصاد 1404\nمتن خبر.\nخانه | بازار\n";
        let mut same_site = article("bazar/2.txt", text);
        assert!(back.apply(&mut same_site));
        let same_text = same_site.text();
        let body: Vec<&str> = same_site
            .paragraphs
            .iter()
            .map(|r| &same_text[r.clone()])
            .collect();
        assert_eq!(
            body,
            ["متن خبر.", "خانه | بازار"],
            "digits aside, same line"
        );
        assert_eq!(same_site.left_out.len(), 1);
        assert_eq!(same_site.left_out[0].1, MARKED_CHROME);
        assert!(
            !back.apply(&mut same_site),
            "applying twice changes nothing"
        );
        let mut other_site = article("jahan/1.txt", text);
        assert!(!back.apply(&mut other_site));
        // Marked the other way, the newer rule wins.
        c.add(
            dir.path(),
            Rule {
                site: "bazar".into(),
                line: "روایت دقیق از اقتصاد ۱۴۰۳".into(),
                verdict: Verdict::Body,
                article: None,
            },
        )
        .unwrap();
        assert!(c.apply(&mut same_site));
        assert_eq!(same_site.paragraphs.len(), 3);
        assert!(Corrections::backup(dir.path()).exists());
    }

    #[test]
    fn a_title_correction_names_one_articles_title() {
        let dir = tempfile::tempdir().unwrap();
        let mut c = Corrections::default();
        c.add(
            dir.path(),
            Rule {
                site: "s".into(),
                line: "متن خبر.".into(),
                verdict: Verdict::Title,
                article: Some("s/1.txt".into()),
            },
        )
        .unwrap();
        let text = "نام سایت\nمتن خبر.\nپاراگراف دیگر خبر.\nمنو\n";
        let mut a = article("s/1.txt", text);
        assert!(c.apply(&mut a));
        assert_eq!(
            a.title.clone().map(|r| a.text()[r].to_string()).as_deref(),
            Some("متن خبر.")
        );
        assert!(a.left_out.iter().any(|(_, why)| *why == REPLACED_TITLE));
        // The list sorts it by its new title.
        assert_eq!(&*a.sort_title, crate::text::sort_key("متن خبر.").as_str());
        let mut b = article("s/2.txt", text);
        assert!(!c.apply(&mut b));
    }
}
