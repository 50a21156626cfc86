//! brat standoff: a folder with one `.txt` (the article's text, `\n` line
//! endings) and one `.ann` per article, tags as entity types (nested tags
//! indented in `annotation.conf`, colours in `visual.conf`), notes as
//! `#` AnnotatorNotes lines, and `sources.tsv` mapping files to articles.
//! A passage over a line break becomes a discontinuous span, one fragment
//! per line, as brat wants.
//!
//! brat takes only `[A-Za-z0-9_-]` in a type's name: a tag named so keeps
//! its name, any other («موضع ایران») becomes `tag_` and eight hex digits of
//! its hash — the same name in every export, a different one for every
//! tag — and `visual.conf` gives it its Persian name as a label.

use std::fmt::Write as _;
use std::path::Path;
use std::sync::atomic::{AtomicUsize, Ordering};

use super::{Code, ExportError, Item, Partial, Selection, file_names};

/// A brat type name for a tag: the tag's own name when brat takes it
/// (ASCII letters first, then letters, digits, `_` and `-`), else `tag_`
/// and the first eight hex digits of the name's hash.
pub fn type_name(code: &str) -> String {
    let code = code.trim();
    if code.is_empty() {
        return "Untagged".into();
    }
    let ascii = code.starts_with(|c: char| c.is_ascii_alphabetic())
        && code
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-');
    if ascii {
        code.to_string()
    } else {
        format!("tag_{}", &blake3::hash(code.as_bytes()).to_hex()[..8])
    }
}

/// A label for brat's `[labels]`: the tag as written, without the `|`
/// that separates labels there.
fn label(code: &str) -> String {
    one_line(code).replace('|', "/")
}

/// Character ranges of `start..end` in `text` cut at line breaks (the
/// breaks left out).
pub fn fragments(text: &str, start: usize, end: usize) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut from = None;
    for (n, c) in text.chars().enumerate().skip(start).take(end - start) {
        match (c == '\n', from) {
            (true, Some(f)) => {
                out.push((f, n));
                from = None;
            }
            (false, None) => from = Some(n),
            _ => {}
        }
    }
    if let Some(f) = from {
        out.push((f, end));
    }
    out
}

/// The types an item is written as.
fn types(item: &Item) -> Vec<String> {
    match item.kind.as_str() {
        "passage" if item.codes.is_empty() => vec!["Untagged".into()],
        "passage" => item.codes.iter().map(|c| type_name(c)).collect(),
        "statement" => vec!["Statement".into()],
        "hit" => vec!["Hit".into()],
        _ => Vec::new(),
    }
}

fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The `.ann` of one source.
pub fn ann(text: &str, items: &[&Item]) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::new();
    let (mut t, mut note) = (0, 0);
    for item in items {
        let frags = fragments(text, item.start, item.end.min(chars.len()));
        if frags.is_empty() {
            continue;
        }
        let spans: Vec<String> = frags.iter().map(|(s, e)| format!("{s} {e}")).collect();
        let words: Vec<String> = frags
            .iter()
            .map(|&(s, e)| chars[s..e].iter().collect())
            .collect();
        let mut first = None;
        for ty in types(item) {
            t += 1;
            first.get_or_insert(t);
            let _ = writeln!(out, "T{t}\t{ty} {}\t{}", spans.join(";"), words.join(" "));
        }
        let mut notes = Vec::new();
        if let Some(sp) = &item.speaker {
            notes.push(format!("speaker: {sp}"));
        }
        if !item.note.is_empty() {
            notes.push(one_line(&item.note));
        }
        if let (Some(first), false) = (first, notes.is_empty()) {
            note += 1;
            let _ = writeln!(
                out,
                "#{note}\tAnnotatorNotes T{first}\t{}",
                notes.join(" · ")
            );
        }
    }
    out
}

/// `annotation.conf`: every type, nested tags indented under their parent.
fn annotation_conf(codes: &[Code], extra: &[String]) -> String {
    let mut out = String::from("[entities]\n");
    fn walk(out: &mut String, codes: &[Code], parent: Option<&str>, depth: usize) {
        if depth > 16 {
            return;
        }
        for c in codes.iter().filter(|c| c.parent.as_deref() == parent) {
            let _ = writeln!(out, "{}{}", "\t".repeat(depth), type_name(&c.name));
            walk(out, codes, Some(&c.name), depth + 1);
        }
    }
    // Codes whose parent is not among them count as top level.
    let tops: Vec<Code> = codes
        .iter()
        .map(|c| Code {
            parent: c
                .parent
                .clone()
                .filter(|p| codes.iter().any(|x| &x.name == p)),
            ..c.clone()
        })
        .collect();
    walk(&mut out, &tops, None, 0);
    for e in extra {
        let _ = writeln!(out, "{e}");
    }
    out.push_str("\n[relations]\n\n[events]\n\n[attributes]\n");
    out
}

pub fn write(sel: &Selection, dir: &Path, progress: &AtomicUsize) -> Result<(), ExportError> {
    let mut partial = Partial::default();
    partial.folder(dir)?;
    let mut listing = String::from("file\tpath\ttitle\tdate\tdate_jalali\toutlet\n");
    let mut used: Vec<String> = Vec::new();
    let names = file_names(sel);
    for (n, (source, items)) in sel.anchored_by_source().into_iter().enumerate() {
        let name = &names[n];
        partial.text_file(&dir.join(format!("{name}.txt")), &source.text)?;
        partial.text_file(&dir.join(format!("{name}.ann")), &ann(&source.text, &items))?;
        for i in &items {
            for t in types(i) {
                if !used.contains(&t) {
                    used.push(t);
                }
            }
        }
        let cell = |s: &str| one_line(s);
        let _ = writeln!(
            listing,
            "{name}.txt\t{}\t{}\t{}\t{}\t{}",
            cell(&source.path),
            cell(&source.title),
            source.date.as_deref().unwrap_or_default(),
            source.date_jalali.as_deref().unwrap_or_default(),
            cell(source.outlet.as_deref().unwrap_or_default()),
        );
        progress.store(n + 1, Ordering::Relaxed);
    }
    let known: Vec<String> = sel.codes.iter().map(|c| type_name(&c.name)).collect();
    // (Eight hex digits: two tags sharing a name is a chance in four
    // billion, and refused rather than merged.)
    for (n, a) in sel.codes.iter().enumerate() {
        if let Some(b) = sel.codes[..n]
            .iter()
            .find(|b| b.name != a.name && type_name(&b.name) == known[n])
        {
            return Err(ExportError::Refused(format!(
                "the tags «{}» and «{}» would share the brat type {}: rename one",
                b.name, a.name, known[n]
            )));
        }
    }
    let extra: Vec<String> = used
        .iter()
        .filter(|t| !known.contains(t))
        .cloned()
        .collect();
    let codes: Vec<Code> = if sel.what == super::What::Passages {
        sel.codes.clone()
    } else {
        Vec::new()
    };
    let mut visual = String::from("[labels]\n");
    for c in &codes {
        let _ = writeln!(visual, "{} | {}", type_name(&c.name), label(&c.name));
    }
    visual.push_str("\n[drawing]\n");
    for c in &codes {
        let _ = writeln!(visual, "{}\tbgColor:{}", type_name(&c.name), c.colour);
    }
    partial.text_file(
        &dir.join("annotation.conf"),
        &annotation_conf(&codes, &extra),
    )?;
    partial.text_file(&dir.join("visual.conf"), &visual)?;
    partial.text_file(&dir.join("sources.tsv"), &listing)?;
    partial.keep();
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_span_over_line_breaks_becomes_one_fragment_per_line() {
        let text = "سطر اول\n\nسطر دوم\nسوم";
        // From «اول» to «سو»: three fragments, the blank line skipped.
        let start = 4;
        let end = text.chars().count() - 1;
        let f = fragments(text, start, end);
        let chars: Vec<char> = text.chars().collect();
        let pieces: Vec<String> = f
            .iter()
            .map(|&(s, e)| chars[s..e].iter().collect())
            .collect();
        assert_eq!(pieces, ["اول", "سطر دوم", "سو"]);
        assert_eq!(fragments(text, 0, 3), [(0, 3)]);
    }

    #[test]
    fn type_names_are_ascii_stable_and_never_shared() {
        let brat = |t: &str| {
            t.starts_with(|c: char| c.is_ascii_alphabetic())
                && t.chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
        };
        let tags = [
            "موضع ایران",
            "موضع_ایران",
            "موضع‌ایران",
            "تماس_تلفنی",
            "a:b=c",
            "\"quoted\"",
            "economy",
            "Econ-2",
        ];
        let names: Vec<String> = tags.iter().map(|t| type_name(t)).collect();
        for n in &names {
            assert!(brat(n), "{n}");
        }
        let mut unique = names.clone();
        unique.sort();
        unique.dedup();
        assert_eq!(unique.len(), tags.len(), "{names:?}");
        assert_eq!(type_name("economy"), "economy", "a name brat takes is kept");
        assert_eq!(
            type_name("موضع ایران"),
            names[0],
            "the same in every export"
        );
        assert_eq!(type_name("  "), "Untagged");
    }
}
