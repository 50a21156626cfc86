//! HTML pages → plain text, one block element per line, with a real HTML
//! parser (`scraper`, html5ever underneath). Navigation, headers' menus,
//! footers, asides, scripts and forms are dropped here: they are page chrome
//! by markup. The plain text is what daftar calls the article's decoded
//! text; all offsets refer to it.

use scraper::{ElementRef, Html, Node, Selector};

/// Text and metadata taken from an HTML page.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct HtmlText {
    pub text: String,
    /// `article:published_time`, `<time datetime>` or similar, as written.
    pub published: Option<String>,
}

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
    let mut lines: Vec<String> = Vec::new();
    let mut current = String::new();
    // Depth-first with an explicit stack: deeply nested pages must not
    // overflow the thread's stack. `None` marks the end of a block element.
    let mut stack: Vec<Option<ego_tree::NodeRef<'_, Node>>> = vec![Some(*doc.root_element())];
    while let Some(item) = stack.pop() {
        let Some(node) = item else {
            flush(&mut current, &mut lines);
            continue;
        };
        match node.value() {
            Node::Text(t) => push_text(&mut current, t),
            Node::Element(e) => {
                let name = e.name();
                if SKIP.contains(&name) {
                    continue;
                }
                let block = BLOCK.contains(&name);
                if block {
                    flush(&mut current, &mut lines);
                    stack.push(None);
                }
                let children: Vec<_> = node.children().collect();
                stack.extend(children.into_iter().rev().map(Some));
            }
            _ => {}
        }
    }
    flush(&mut current, &mut lines);
    Ok(HtmlText {
        text: lines.join("\n"),
        published: published_time(&doc),
    })
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

fn flush(current: &mut String, lines: &mut Vec<String>) {
    let line = current.trim();
    if !line.is_empty() {
        lines.push(line.to_string());
    }
    current.clear();
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
