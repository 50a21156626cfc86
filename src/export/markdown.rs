//! A Markdown report for a paper or a notebook: the items grouped (by tag,
//! speaker, comparison pair or article), each quoted with its article's
//! title, outlet, date in both calendars and place in the text.

use std::io::Write;

use super::build::by_code;
use super::{ExportError, Item, Selection, Source, What};

fn err(e: std::io::Error) -> ExportError {
    ExportError::Other(e.to_string())
}

/// A blockquote, every line of the text marked.
fn quote(w: &mut dyn Write, text: &str) -> std::io::Result<()> {
    for line in text.trim().lines() {
        writeln!(w, "> {}", line.trim_end())?;
    }
    Ok(())
}

type Sources<'a> = std::collections::HashMap<&'a str, &'a Source>;

fn cite(w: &mut dyn Write, sources: &Sources, i: &Item) -> std::io::Result<()> {
    let mut parts: Vec<String> = Vec::new();
    if let Some(s) = sources.get(i.path.as_str()) {
        parts.push(format!("**{}**", s.title.trim()));
        if let Some(o) = &s.outlet {
            parts.push(o.clone());
        }
        match (&s.date_jalali, &s.date) {
            (Some(j), Some(g)) => parts.push(shown_date(s, j, g)),
            _ => parts.push("undated".into()),
        }
    }
    parts.push(format!("`{}` {}–{}", i.path, i.start, i.end));
    // One paragraph, its lines joined by Markdown's hard line break.
    let mut lines = vec![format!("— {}", parts.join(" · "))];
    if let Some(sp) = &i.speaker {
        let speech = i.speech.as_deref().unwrap_or_default();
        lines.push(format!("Speaker: {sp} ({speech})"));
    }
    if i.kind == "passage" && !i.codes.is_empty() {
        lines.push(format!("Tags: {}", i.codes.join(", ")));
    }
    if !i.note.is_empty() {
        lines.push(format!(
            "Note: *{}*",
            i.note.split_whitespace().collect::<Vec<_>>().join(" ")
        ));
    }
    if !i.annotator.is_empty() {
        lines.push(format!("{} · {}", i.annotator, i.created));
    }
    if i.orphaned {
        lines.push("(orphaned: its article's text changed; the quote is as tagged)".into());
    }
    writeln!(w, "\n{}\n", lines.join("  \n"))
}

pub fn write(sel: &Selection, w: &mut dyn Write) -> Result<(), ExportError> {
    let what = sel.what.as_str();
    writeln!(w, "# daftar: {}\n", sel.description).map_err(err)?;
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
                writeln!(w, "## {}\n", s.title.trim()).map_err(err)?;
                for i in items {
                    if sel.what == What::Articles {
                        let date = match (&s.date_jalali, &s.date) {
                            (Some(j), Some(g)) => shown_date(s, j, g),
                            _ => "undated".to_string(),
                        };
                        writeln!(
                            w,
                            "`{}` · {} · {} · {} characters\n",
                            s.path,
                            s.outlet.as_deref().unwrap_or("no outlet"),
                            date,
                            i.end
                        )
                        .map_err(err)?;
                    } else {
                        let line =
                            format!("{}**{}**{}", i.prefix, i.text, i.suffix).replace('\n', " ");
                        quote(w, &line).map_err(err)?;
                        cite(w, &sources, i).map_err(err)?;
                    }
                }
            }
        }
        What::Passages | What::Statements => {
            let none = if sel.what == What::Passages {
                "Untagged"
            } else {
                "Unnamed speaker"
            };
            for (name, items) in by_code(sel, none) {
                writeln!(w, "## {name} ({})\n", items.len()).map_err(err)?;
                for i in items {
                    quote(w, &i.text).map_err(err)?;
                    cite(w, &sources, i).map_err(err)?;
                }
            }
        }
    }
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
