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

/// Extracts the readable text of an HTML document.
pub fn html_to_text(html: &str) -> HtmlText {
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
    HtmlText {
        text: lines.join("\n"),
        published: published_time(&doc),
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
        let t = html_to_text(html);
        assert_eq!(t.text, "عنوان خبر\nپاراگراف اول با می‌کند.\nدوم\nسوم");
        assert_eq!(t.published.as_deref(), Some("2024-11-22T10:00:00+03:30"));
    }

    #[test]
    fn deep_nesting_does_not_overflow() {
        let html = format!("{}متن{}", "<div>".repeat(50_000), "</div>".repeat(50_000));
        assert!(html_to_text(&html).text.contains("متن"));
    }
}
