//! A Markdown report for a paper or a notebook: the items grouped (by tag,
//! speaker, comparison pair or article), each quoted with its article's
//! title, outlet, date in both calendars and place in the text.
//!
//! What users wrote (quotes, titles, notes, tags) is escaped, so that a
//! note with `<b>` or `*star*` reads as written; the items stand in one
//! `<div dir="rtl" lang="fa" markdown="1">`, which CommonMark and GitHub
//! (an HTML block ended by a blank line), Pandoc and Python-Markdown's
//! `md_in_html` render as right-to-left Markdown.

use std::io::Write;

use super::build::by_code;
use super::{ExportError, Item, Selection, Source, What};

fn err(e: std::io::Error) -> ExportError {
    ExportError::Other(e.to_string())
}

/// `s` as Markdown text that shows it as written: the characters
/// Markdown reads as markup escaped (`&`, `<`, `>` as HTML entities), and
/// a line that would start a list, a heading or a quote kept a line.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for (n, line) in s.split('\n').enumerate() {
        if n > 0 {
            out.push('\n');
        }
        let body = line.trim_start();
        out.push_str(&line[..line.len() - body.len()]);
        // A list's number: «12.» or «12)».
        let digits = body.len() - body.trim_start_matches(|c: char| c.is_ascii_digit()).len();
        let mut chars = body.char_indices().peekable();
        if digits > 0 && matches!(body[digits..].chars().next(), Some('.' | ')')) {
            out.push_str(&body[..digits]);
            out.push('\\');
            while chars.peek().is_some_and(|&(i, _)| i < digits) {
                chars.next();
            }
        } else if body.starts_with(['-', '+', '=']) {
            out.push('\\');
        }
        for (_, c) in chars {
            match c {
                '&' => out.push_str("&amp;"),
                '<' => out.push_str("&lt;"),
                '>' => out.push_str("&gt;"),
                '\\' | '`' | '*' | '_' | '[' | ']' | '#' | '|' | '~' | '!' => {
                    out.push('\\');
                    out.push(c);
                }
                _ => out.push(c),
            }
        }
    }
    out
}

/// A blockquote, every line of the text marked (its indent dropped: four
/// spaces would make it a code block, where escapes show).
fn quote(w: &mut dyn Write, text: &str) -> std::io::Result<()> {
    for line in text.trim().lines() {
        writeln!(w, "> {}", escape(line.trim()))?;
    }
    Ok(())
}

/// A path as code, or escaped when it holds a backtick (which would end
/// the code span).
fn code(path: &str) -> String {
    if path.contains('`') {
        escape(path)
    } else {
        format!("`{path}`")
    }
}

type Sources<'a> = std::collections::HashMap<&'a str, &'a Source>;

fn cite(w: &mut dyn Write, sources: &Sources, i: &Item) -> std::io::Result<()> {
    let mut parts: Vec<String> = Vec::new();
    if let Some(s) = sources.get(i.path.as_str()) {
        parts.push(format!("**{}**", escape(s.title.trim())));
        if let Some(o) = &s.outlet {
            parts.push(escape(o));
        }
        match (&s.date_jalali, &s.date) {
            (Some(j), Some(g)) => parts.push(shown_date(s, j, g)),
            _ => parts.push("undated".into()),
        }
    }
    parts.push(format!("{} {}–{}", code(&i.path), i.start, i.end));
    // One paragraph, its lines joined by Markdown's hard line break.
    let mut lines = vec![format!("— {}", parts.join(" · "))];
    if let Some(sp) = &i.speaker {
        let speech = i.speech.as_deref().unwrap_or_default();
        lines.push(format!("Speaker: {} ({speech})", escape(sp)));
    }
    if i.kind == "passage" && !i.codes.is_empty() {
        let tags: Vec<String> = i.codes.iter().map(|t| escape(t)).collect();
        lines.push(format!("Tags: {}", tags.join(", ")));
    }
    if !i.note.is_empty() {
        lines.push(format!(
            "Note: *{}*",
            escape(&i.note.split_whitespace().collect::<Vec<_>>().join(" "))
        ));
    }
    if !i.annotator.is_empty() {
        lines.push(format!("{} · {}", escape(&i.annotator), i.created));
    }
    if i.orphaned {
        lines.push("(orphaned: its article's text changed; the quote is as tagged)".into());
    }
    writeln!(w, "\n{}\n", lines.join("  \n"))
}

pub fn write(sel: &Selection, w: &mut dyn Write) -> Result<(), ExportError> {
    let what = sel.what.as_str();
    writeln!(w, "# daftar: {}\n", escape(&sel.description)).map_err(err)?;
    writeln!(
        w,
        "{} {what} from {} articles, exported {} (UTC). Dates in the Jalali and (Gregorian) calendars; \
         positions are Unicode characters into each article's text.\n",
        sel.items.len(),
        sel.sources.len(),
        sel.exported
    )
    .map_err(err)?;
    let compared = sel.items.iter().any(|i| i.side.is_some());
    let sources = sel.sources_by_path();
    writeln!(w, "<div dir=\"rtl\" lang=\"fa\" markdown=\"1\">\n").map_err(err)?;
    match sel.what {
        What::Statements if compared => {
            let mut group = None;
            for i in &sel.items {
                let this = (i.pair, i.pair.is_none().then_some(i.side.as_deref()));
                if group != Some(this) {
                    group = Some(this);
                    match (i.pair, i.similarity) {
                        (Some(n), Some(s)) => writeln!(w, "## Pair {n} (similarity {s})\n"),
                        _ => writeln!(
                            w,
                            "## Unpaired, {} side\n",
                            i.side.as_deref().unwrap_or_default()
                        ),
                    }
                    .map_err(err)?;
                }
                let side = i.side.as_deref().unwrap_or_default();
                writeln!(w, "**{side}**\n").map_err(err)?;
                quote(w, &i.text).map_err(err)?;
                cite(w, &sources, i).map_err(err)?;
            }
        }
        What::Articles | What::Hits => {
            for (s, items) in sel.anchored_by_source() {
                writeln!(w, "## {}\n", escape(s.title.trim())).map_err(err)?;
                for i in items {
                    if sel.what == What::Articles {
                        let date = match (&s.date_jalali, &s.date) {
                            (Some(j), Some(g)) => shown_date(s, j, g),
                            _ => "undated".to_string(),
                        };
                        writeln!(
                            w,
                            "{} · {} · {} · {} characters\n",
                            code(&s.path),
                            s.outlet.as_deref().map_or("no outlet".into(), escape),
                            date,
                            i.end
                        )
                        .map_err(err)?;
                    } else {
                        let line = format!(
                            "{}**{}**{}",
                            escape(&i.prefix),
                            escape(&i.text),
                            escape(&i.suffix)
                        )
                        .replace('\n', " ");
                        writeln!(w, "> {}", line.trim()).map_err(err)?;
                        cite(w, &sources, i).map_err(err)?;
                    }
                }
            }
        }
        What::Passages | What::Statements => {
            // (Every statement has a code: its speaker or «unnamed
            // source».)
            for (name, items) in by_code(sel, "Untagged") {
                writeln!(w, "## {} ({})\n", escape(&name), items.len()).map_err(err)?;
                for i in items {
                    quote(w, &i.text).map_err(err)?;
                    cite(w, &sources, i).map_err(err)?;
                }
            }
        }
    }
    writeln!(w, "</div>").map_err(err)?;
    Ok(())
}

/// A source's date as the report gives it: «1403-09-02 (2024-11-22)», an
/// estimate «~1403-09-02 (2024-11-22, estimated)», a file's time
/// «1403-09-02 (2024-11-22, file time)».
fn shown_date(s: &Source, jalali: &str, gregorian: &str) -> String {
    match s.date_note.as_deref() {
        Some("estimated") => format!("~{jalali} ({gregorian}, estimated)"),
        Some(note) => format!("{jalali} ({gregorian}, {note})"),
        None => format!("{jalali} ({gregorian})"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_estimated_or_file_date_says_so() {
        let mut s = Source {
            path: "a.txt".into(),
            id: "x".into(),
            title: "t".into(),
            date: Some("2024-11-22".into()),
            date_jalali: Some("1403-09-02".into()),
            date_note: None,
            outlet: None,
            text: String::new(),
        };
        assert_eq!(
            shown_date(&s, "1403-09-02", "2024-11-22"),
            "1403-09-02 (2024-11-22)"
        );
        s.date_note = Some("estimated".into());
        assert_eq!(
            shown_date(&s, "1403-09-02", "2024-11-22"),
            "~1403-09-02 (2024-11-22, estimated)"
        );
        s.date_note = Some("file time".into());
        assert_eq!(
            shown_date(&s, "1403-09-02", "2024-11-22"),
            "1403-09-02 (2024-11-22, file time)"
        );
    }
}

#[cfg(test)]
mod rendered {
    use super::*;
    use crate::export::{EXPORT_VERSION, Item, Selection, Source, What};

    fn html(md: &str) -> String {
        let mut out = String::new();
        pulldown_cmark::html::push_html(&mut out, pulldown_cmark::Parser::new(md));
        out
    }

    /// A note, a quote, a title and a tag full of Markdown and HTML: a
    /// CommonMark renderer shows each as written, inside a right-to-left
    /// block.
    #[test]
    fn what_users_wrote_is_shown_as_written_right_to_left() {
        let text = "# نه عنوان\n1. نه فهرست\n- نه فهرست\n\n    *تورفته* و `کد`";
        let sel = Selection {
            version: EXPORT_VERSION,
            what: What::Passages,
            description: "برچسب *ستاره*".into(),
            exported: "2026-12-07T00:00:00Z".into(),
            codes: Vec::new(),
            sources: vec![Source {
                path: "a.txt".into(),
                id: "x".into(),
                title: "عنوان <i>کج</i> [پیوند](http://x)".into(),
                date: None,
                date_jalali: None,
                date_note: None,
                outlet: Some("خبرگزاری_آزمایشی".into()),
                text: text.into(),
            }],
            items: vec![Item {
                kind: "passage".into(),
                id: "p1".into(),
                path: "a.txt".into(),
                start: 0,
                end: text.chars().count(),
                text: text.into(),
                codes: vec!["موضع*ایران".into()],
                note: "یادداشت با <b>درشت</b> و *ستاره* و _زیرخط_ & `کد`".into(),
                ..Item::default()
            }],
        };
        let mut md = Vec::new();
        write(&sel, &mut md).unwrap();
        let md = String::from_utf8(md).unwrap();
        let h = html(&md);
        for shown in [
            "&lt;b&gt;درشت&lt;/b&gt;",
            "*ستاره*",
            "_زیرخط_",
            "`کد`",
            "&amp;",
            "&lt;i&gt;کج&lt;/i&gt; [پیوند](http://x)",
            "خبرگزاری_آزمایشی",
            "موضع*ایران",
            "# نه عنوان",
            "1. نه فهرست",
            "- نه فهرست",
            "*تورفته*",
        ] {
            assert!(
                h.contains(shown),
                "{shown} not shown as written:\n{h}\n{md}"
            );
        }
        // (The note itself is in italics, the path in code: the report's
        // own markup.)
        for markup in [
            "<b>",
            "<i>",
            "<em>ستاره",
            "<a ",
            "<code>کد",
            "<ol>",
            "<ul>",
            "<h1>نه",
            "<pre>",
            "<em>تورفته",
        ] {
            assert!(!h.contains(markup), "{markup} in:\n{h}");
        }
        // The items are Markdown inside a right-to-left block.
        assert!(h.contains("<div dir=\"rtl\" lang=\"fa\""), "{h}");
        assert!(h.contains("<blockquote>"), "{h}");
        assert!(h.trim_end().ends_with("</div>"), "{h}");
    }
}
