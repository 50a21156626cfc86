//! HTML pages → plain text, one block element per line, with a real HTML
//! parser (`scraper`, html5ever underneath). Navigation, headers' menus,
//! footers, asides, scripts and forms are dropped here: they are page chrome
//! by markup. The plain text is what daftar calls the article's decoded
//! text; all offsets refer to it.

use scraper::{ElementRef, Html, Node, Selector};

use super::structure::PageHints;

/// Text and metadata taken from an HTML page.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct HtmlText {
    pub text: String,
    /// JSON-LD `datePublished`, `article:published_time`, `<time
    /// datetime>` or similar, as written.
    pub published: Option<String>,
    /// What the markup says of the page's headline, site and links.
    pub hints: PageHints,
}

/// Longest caption: a longer text next to an image is a paragraph.
const MAX_CAPTION_WORDS: usize = 25;

/// A line is link text when this share of its letters is inside `<a>`.
const LINK_SHARE: f32 = 0.6;

const SKIP: &[&str] = &[
    "script", "style", "noscript", "template", "nav", "footer", "aside", "form", "button", "svg",
    "iframe", "select", "head", "menu",
];

const BLOCK: &[&str] = &[
    "p",
    "div",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "br",
    "tr",
    "article",
    "section",
    "blockquote",
    "figcaption",
    "header",
    "main",
    "ul",
    "ol",
    "table",
    "pre",
    "hr",
    "dd",
    "dt",
    "time",
    "address",
];

/// Deepest element nesting daftar parses. Real news pages nest a few dozen
/// levels; the HTML parser's cost grows with depth × elements (each start
/// tag checks the open elements), so 100,000 nested `<div>` took a minute.
pub const MAX_HTML_DEPTH: usize = 512;

/// Why a page is not parsed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum HtmlError {
    #[error(
        "HTML nested more than {MAX_HTML_DEPTH} elements deep (a broken or hostile page): not read"
    )]
    TooDeep,
}

/// Elements that never hold others (or that the parser closes by itself
/// when the next one starts), so they do not deepen the nesting.
const NOT_NESTING: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr", "p", "li", "dt", "dd", "tr", "td", "th", "option", "!doctype",
];

/// The deepest nesting of elements, by a linear scan of the tags that
/// follows the parser where it matters for depth: an end tag closes only an
/// element that is open (a stray `</x>` closes nothing), and `/>` closes
/// only a void element or one inside `<svg>`/`<math>` (the parser ignores
/// it on `<div/>`). Stops counting once past `limit`, so each end tag
/// searches at most `limit` open elements: linear in the page's size.
fn nesting_depth(html: &str, limit: usize) -> usize {
    let b = html.as_bytes();
    let mut open: Vec<String> = Vec::new();
    let (mut max, mut i) = (0usize, 0usize);
    while let Some(off) = memchr_lt(&b[i..]) {
        i += off + 1;
        if b[i..].starts_with(b"!--") {
            i = find(b, i, b"-->").map_or(b.len(), |e| e + 3);
            continue;
        }
        let closing = b.get(i) == Some(&b'/');
        let start = if closing { i + 1 } else { i };
        let name_len = b[start..]
            .iter()
            .take_while(|c| c.is_ascii_alphanumeric() || **c == b'!' || **c == b'-')
            .count();
        if name_len == 0 {
            continue;
        }
        let name = html[start..start + name_len].to_ascii_lowercase();
        let end = find(b, start, b">").unwrap_or(b.len());
        let self_closing = end > 0 && b.get(end - 1) == Some(&b'/');
        i = end;
        let void = NOT_NESTING.contains(&name.as_str());
        if closing {
            if !void && let Some(at) = open.iter().rposition(|n| *n == name) {
                open.truncate(at);
            }
            continue;
        }
        if matches!(name.as_str(), "script" | "style") {
            // Their content is not markup.
            let close = format!("</{name}");
            i = find_ci(b, i, close.as_bytes()).unwrap_or(b.len());
            continue;
        }
        let foreign = open.iter().any(|n| n == "svg" || n == "math");
        if void || (self_closing && foreign) {
            continue;
        }
        open.push(name);
        max = max.max(open.len());
        if max > limit {
            break;
        }
    }
    max
}

fn memchr_lt(b: &[u8]) -> Option<usize> {
    b.iter().position(|&c| c == b'<')
}

fn find(b: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    b.get(from..)?
        .windows(needle.len())
        .position(|w| w == needle)
        .map(|p| from + p)
}

fn find_ci(b: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    b.get(from..)?
        .windows(needle.len())
        .position(|w| w.eq_ignore_ascii_case(needle))
        .map(|p| from + p)
}

/// Extracts the readable text of an HTML document; a page nested deeper
/// than [`MAX_HTML_DEPTH`] is refused before parsing.
pub fn html_to_text(html: &str) -> Result<HtmlText, HtmlError> {
    if nesting_depth(html, MAX_HTML_DEPTH) > MAX_HTML_DEPTH {
        return Err(HtmlError::TooDeep);
    }
    let doc = Html::parse_document(html);
    let mut out = Lines::default();
    // Depth-first with an explicit stack: deeply nested pages must not
    // overflow the thread's stack.
    let mut stack: Vec<Step<'_>> = vec![Step::Enter(*doc.root_element())];
    while let Some(step) = stack.pop() {
        let node = match step {
            Step::EndBlock => {
                out.flush();
                continue;
            }
            Step::EndLink => {
                out.in_link -= 1;
                continue;
            }
            Step::EndCaption => {
                out.in_caption -= 1;
                continue;
            }
            Step::Enter(node) => node,
        };
        match node.value() {
            Node::Text(t) => out.push_text(t),
            Node::Element(e) => {
                let name = e.name();
                if SKIP.contains(&name) {
                    continue;
                }
                if BLOCK.contains(&name) {
                    out.flush();
                    stack.push(Step::EndBlock);
                }
                if name == "a" {
                    out.in_link += 1;
                    stack.push(Step::EndLink);
                }
                // A caption: `<figcaption>`, or a block that holds an image
                // (its short text is the image's caption).
                // (Only a block of inline content: a block that holds the
                // article's other blocks beside its photo is no caption.)
                let holds_image = || {
                    let child = |f: &dyn Fn(&str) -> bool| {
                        node.children()
                            .any(|c| c.value().as_element().is_some_and(|e| f(e.name())))
                    };
                    child(&|n| matches!(n, "img" | "picture")) && !child(&|n| BLOCK.contains(&n))
                };
                if name == "figcaption" || (BLOCK.contains(&name) && holds_image()) {
                    out.in_caption += 1;
                    stack.push(Step::EndCaption);
                }
                let children: Vec<_> = node.children().collect();
                stack.extend(children.into_iter().rev().map(Step::Enter));
            }
            _ => {}
        }
    }
    out.flush();
    let ld = json_ld_article(&doc);
    let mut hints = page_hints(&doc, ld.as_ref());
    hints.link_lines = out.link_lines;
    hints.caption_lines = out.caption_lines;
    Ok(HtmlText {
        text: out.lines.join("\n"),
        published: ld
            .as_ref()
            .and_then(|a| a.published.clone())
            .or_else(|| published_time(&doc)),
        hints,
    })
}

enum Step<'a> {
    Enter(ego_tree::NodeRef<'a, Node>),
    EndBlock,
    EndLink,
    EndCaption,
}

/// The text lines being built, with how much of each is link text.
#[derive(Default)]
struct Lines {
    lines: Vec<String>,
    current: String,
    /// Letters in the current line, and those inside links.
    letters: usize,
    link_letters: usize,
    in_link: usize,
    /// Inside a `<figcaption>`; whether the current line is.
    in_caption: usize,
    caption: bool,
    /// Byte offset (in the joined text) where the next line starts.
    offset: usize,
    link_lines: Vec<usize>,
    caption_lines: Vec<usize>,
}

impl Lines {
    fn push_text(&mut self, t: &str) {
        let letters = t.chars().filter(|c| c.is_alphanumeric()).count();
        self.letters += letters;
        if self.in_link > 0 {
            self.link_letters += letters;
        }
        self.caption |= self.in_caption > 0 && letters > 0;
        push_text(&mut self.current, t);
    }

    fn flush(&mut self) {
        let line = self.current.trim_matches(super::structure::is_trim);
        if !line.is_empty() {
            if self.letters > 0 && self.link_letters as f32 >= LINK_SHARE * self.letters as f32 {
                self.link_lines.push(self.offset);
            }
            if self.caption && line.split_whitespace().count() <= MAX_CAPTION_WORDS {
                self.caption_lines.push(self.offset);
            }
            self.offset += line.len() + 1;
            self.lines.push(line.to_string());
        }
        self.current.clear();
        self.letters = 0;
        self.link_letters = 0;
        self.caption = false;
    }
}

/// What a JSON-LD `NewsArticle` (or `Article`, `BlogPosting` …) says.
#[derive(Debug, Default)]
struct LdArticle {
    headline: Option<String>,
    published: Option<String>,
    publisher: Option<String>,
}

/// The first article object in the page's JSON-LD blocks (an object, a
/// list, or an `@graph`); malformed blocks are skipped.
fn json_ld_article(doc: &Html) -> Option<LdArticle> {
    let sel = Selector::parse("script[type='application/ld+json']").ok()?;
    for script in doc.select(&sel) {
        let raw: String = script.text().collect();
        let Ok(value) = serde_json::from_str::<serde_json::Value>(raw.trim()) else {
            continue;
        };
        let mut queue = vec![&value];
        while let Some(v) = queue.pop() {
            match v {
                serde_json::Value::Array(items) => queue.extend(items.iter().rev()),
                serde_json::Value::Object(map) => {
                    if let Some(graph) = map.get("@graph") {
                        queue.push(graph);
                    }
                    let is_article = match map.get("@type") {
                        Some(serde_json::Value::String(t)) => is_article_type(t),
                        Some(serde_json::Value::Array(ts)) => {
                            ts.iter().filter_map(|t| t.as_str()).any(is_article_type)
                        }
                        _ => false,
                    };
                    if is_article {
                        let text = |k: &str| {
                            map.get(k)
                                .and_then(|v| v.as_str())
                                .map(|s| s.trim().to_string())
                                .filter(|s| !s.is_empty())
                        };
                        let publisher = match map.get("publisher") {
                            Some(serde_json::Value::Object(p)) => {
                                p.get("name").and_then(|n| n.as_str()).map(str::to_string)
                            }
                            Some(serde_json::Value::String(s)) => Some(s.clone()),
                            _ => None,
                        };
                        return Some(LdArticle {
                            headline: text("headline").or_else(|| text("name")),
                            published: text("datePublished"),
                            publisher,
                        });
                    }
                }
                _ => {}
            }
        }
    }
    None
}

fn is_article_type(t: &str) -> bool {
    t.ends_with("Article") || t == "BlogPosting" || t == "Report"
}

/// Headline candidates (JSON-LD, `og:title`, `<h1>`, in that order) and
/// the site's names (`og:site_name`, the JSON-LD publisher, what
/// `<title>` adds to the headline).
fn page_hints(doc: &Html, ld: Option<&LdArticle>) -> PageHints {
    let meta = |sel: &str| -> Option<String> {
        let sel = Selector::parse(sel).ok()?;
        doc.select(&sel)
            .find_map(|e| e.value().attr("content"))
            .map(|s| s.split_whitespace().collect::<Vec<_>>().join(" "))
            .filter(|s| !s.is_empty())
    };
    let element_text = |sel: &str| -> Option<String> {
        let sel = Selector::parse(sel).ok()?;
        doc.select(&sel)
            .map(|e| e.text().collect::<Vec<_>>().join(" "))
            .map(|s| s.split_whitespace().collect::<Vec<_>>().join(" "))
            .find(|s| !s.is_empty())
    };
    let mut titles: Vec<String> = Vec::new();
    titles.extend(ld.and_then(|a| a.headline.clone()));
    titles.extend(meta("meta[property='og:title']"));
    titles.extend(meta("meta[name='twitter:title']"));
    titles.extend(element_text("h1"));
    let mut site_names: Vec<String> = Vec::new();
    site_names.extend(meta("meta[property='og:site_name']"));
    site_names.extend(meta("meta[name='application-name']"));
    site_names.extend(ld.and_then(|a| a.publisher.clone()));
    if let Some(head) = element_text("title") {
        let mut cut = head.clone();
        for sep in [" - ", " | ", " – ", " — ", " :: "] {
            cut = cut.replace(sep, "\u{1}");
        }
        let parts: Vec<&str> = cut
            .split('\u{1}')
            .map(str::trim)
            .filter(|p| !p.is_empty())
            .collect();
        if parts.len() >= 2 && titles.iter().any(|t| parts.contains(&t.as_str())) {
            site_names.extend(
                parts
                    .iter()
                    .filter(|p| !titles.iter().any(|t| t == *p))
                    .map(|p| p.to_string()),
            );
        } else if parts.len() >= 2 && titles.is_empty() {
            // «Headline | Site» and nothing else: the longest part is the
            // headline, the others the site.
            if let Some(longest) = parts.iter().max_by_key(|p| p.chars().count()) {
                titles.push(longest.to_string());
                site_names.extend(
                    parts
                        .iter()
                        .filter(|p| *p != longest)
                        .map(|p| p.to_string()),
                );
            }
        }
        titles.push(head);
    }
    titles.dedup();
    site_names.dedup();
    PageHints {
        titles,
        site_names,
        ..PageHints::default()
    }
}

fn push_text(current: &mut String, t: &str) {
    for word in t.split(|c: char| c.is_whitespace() && c != '\u{200C}') {
        if word.is_empty() {
            if !current.is_empty() && !current.ends_with(' ') {
                current.push(' ');
            }
            continue;
        }
        current.push_str(word);
        current.push(' ');
    }
    // Keep a trailing space only if the source had one; it is trimmed at
    // flush, and inline elements next to each other keep their spacing.
    if !t.ends_with(char::is_whitespace) && current.ends_with(' ') {
        current.pop();
    }
}

fn published_time(doc: &Html) -> Option<String> {
    let selectors = [
        ("meta[property='article:published_time']", "content"),
        ("meta[name='article:published_time']", "content"),
        ("meta[itemprop='datePublished']", "content"),
        ("meta[name='date']", "content"),
        ("meta[name='DC.date.issued']", "content"),
        ("time[datetime]", "datetime"),
    ];
    selectors.iter().find_map(|(sel, attr)| {
        let sel = Selector::parse(sel).ok()?;
        doc.select(&sel)
            .find_map(|e: ElementRef| e.value().attr(attr))
            .map(|s| s.trim().to_string())
            .filter(|s| !s.is_empty())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blocks_become_lines_and_chrome_elements_go() {
        let html = r#"<html><head><title>x</title>
            <meta property="article:published_time" content="2024-11-22T10:00:00+03:30"></head>
            <body><nav><a href="/">صفحه اصلی</a> | <a>سیاسی</a></nav>
            <h1>عنوان   خبر</h1><p>پاراگراف <b>اول</b> با می‌کند.</p>
            <script>var x = 1;</script><p>دوم<br>سوم</p><footer>کلیه حقوق محفوظ است</footer></body></html>"#;
        let t = html_to_text(html).unwrap();
        assert_eq!(t.text, "عنوان خبر\nپاراگراف اول با می‌کند.\nدوم\nسوم");
        assert_eq!(t.published.as_deref(), Some("2024-11-22T10:00:00+03:30"));
    }

    #[test]
    fn markup_names_the_headline_the_site_captions_and_link_lines() {
        let html = r#"<html><head><title>سایت نمونه | بارش برف در گردنه‌ها</title>
            <meta property="og:site_name" content="سایت نمونه">
            <script type="application/ld+json">{"@context":"https://schema.org","@graph":[
              {"@type":"WebSite","name":"x"},
              {"@type":["NewsArticle"],"headline":"بارش برف در گردنه‌ها",
               "datePublished":"2024-12-01T08:00:00+03:30","publisher":{"name":"نشر نمونه"}}]}
            </script><script type="application/ld+json">{not json</script></head>
            <body><div class="menu"><a href="/">خانه</a> <a href="/a">اقتصاد</a></div>
            <div class="pic"><img src="x.jpg"><span>راننده‌ها در گردنه</span></div>
            <h1>بارش برف در گردنه‌ها</h1>
            <p>متن خبر با <a href="/b">یک پیوند</a> در میان جمله‌ای بلند که بیشتر آن متن است.</p>
            <figure><figcaption>&#x200F;عکس از آرشیو</figcaption></figure></body></html>"#;
        let t = html_to_text(html).unwrap();
        assert_eq!(t.published.as_deref(), Some("2024-12-01T08:00:00+03:30"));
        assert_eq!(
            t.hints.titles.first().map(String::as_str),
            Some("بارش برف در گردنه‌ها")
        );
        for name in ["سایت نمونه", "نشر نمونه"] {
            assert!(
                t.hints.site_names.iter().any(|s| s == name),
                "{:?}",
                t.hints
            );
        }
        let start_of = |line: &str| t.text.find(line).unwrap();
        assert_eq!(t.hints.link_lines, vec![start_of("خانه اقتصاد")]);
        // The caption's line starts after its direction mark, as the
        // structure reader trims it.
        assert_eq!(
            t.hints.caption_lines,
            vec![start_of("راننده‌ها در گردنه"), start_of("عکس از آرشیو")]
        );
        // Only `<title>`: its longest part is the headline, the rest the site.
        let bare = html_to_text(
            "<html><head><title>خبر کوتاه از یک رویداد مهم | سایت</title></head><body><p>x</p></body></html>",
        )
        .unwrap();
        assert_eq!(bare.hints.titles[0], "خبر کوتاه از یک رویداد مهم");
        assert_eq!(bare.hints.site_names, vec!["سایت".to_string()]);
    }

    #[test]
    fn deep_nesting_is_refused_before_parsing_and_ordinary_depth_is_read() {
        let deep = format!("{}متن{}", "<div>".repeat(50_000), "</div>".repeat(50_000));
        assert_eq!(html_to_text(&deep), Err(HtmlError::TooDeep));
        let fine = format!("{}متن{}", "<div>".repeat(400), "</div>".repeat(400));
        assert!(html_to_text(&fine).unwrap().text.contains("متن"));
        // Unclosed paragraphs and list items, void elements, comments and
        // scripts with «<» do not count as nesting.
        let flat = format!(
            "<ul>{}</ul><!-- <div><div> --><script>if (a<b) {{}}</script>{}",
            "<li>بند<br><img src=x>".repeat(5_000),
            "<p>پاراگراف".repeat(5_000)
        );
        assert!(nesting_depth(&flat, MAX_HTML_DEPTH) < 5);
        assert!(html_to_text(&flat).is_ok());
        // What the parser nests anyway: `<div/>` (the slash is ignored on
        // a div) and divs between stray end tags.
        for deep in ["<div/>".repeat(2_000), "<div></x>".repeat(2_000)] {
            assert_eq!(html_to_text(&deep), Err(HtmlError::TooDeep));
        }
        // Icons: self-closing SVG elements do nest nothing.
        let icons = "<svg><path d='M0 0'/><circle r='1'/></svg>".repeat(3_000);
        assert!(nesting_depth(&icons, MAX_HTML_DEPTH) <= 2);
    }
}
