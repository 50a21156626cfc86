//! W3C Web Annotation (JSON-LD): one `AnnotationCollection` with every
//! item as an `Annotation` — tags as tagging bodies, notes as commenting
//! bodies, the speaker of a statement as a describing body — targeting
//! its article's text by a `TextQuoteSelector` (exact, prefix, suffix) and
//! a `TextPositionSelector` (code points). The texts are written beside
//! the file, in `<name>-texts/`, and the targets name them relatively.

use std::path::Path;
use std::sync::atomic::{AtomicUsize, Ordering};

use serde_json::{Value, json};

use super::qdpx::guid;
use super::{ExportError, Item, Partial, Selection, file_names, io_err};

/// The folder beside `out` that holds the texts, as named in the targets.
pub fn texts_dir_name(out: &Path) -> String {
    let stem = out
        .file_stem()
        .map_or_else(|| "export".into(), |s| s.to_string_lossy().into_owned());
    format!("{stem}-texts")
}

/// The language and direction of `text` when its first letter says:
/// Persian (Arabic script) is `fa`, right to left; Latin is left to right
/// (its language unsaid); nothing for text without letters.
fn language(text: &str) -> Option<(Option<&'static str>, &'static str)> {
    let c = text.chars().find(|c| c.is_alphabetic())?;
    let arabic_script = matches!(c as u32,
        0x0600..=0x06FF | 0x0750..=0x077F | 0x08A0..=0x08FF | 0xFB50..=0xFDFF | 0xFE70..=0xFEFF);
    Some(if arabic_script {
        (Some("fa"), "rtl")
    } else {
        (None, "ltr")
    })
}

/// `v` with the `language` and `textDirection` of `text`, where known.
fn with_language(mut v: Value, text: &str) -> Value {
    if let Some((lang, dir)) = language(text) {
        if let Some(lang) = lang {
            v["language"] = json!(lang);
        }
        v["textDirection"] = json!(dir);
    }
    v
}

/// `name` as one segment of an IRI: what would end or break it (white
/// space, `%`, `#`, `?` and the characters IRIs leave out) as `%XX`.
fn iri_segment(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    for c in name.chars() {
        if c.is_whitespace()
            || c.is_control()
            || matches!(
                c,
                '%' | '#' | '?' | '"' | '<' | '>' | '\\' | '^' | '`' | '{' | '|' | '}'
            )
        {
            let mut b = [0; 4];
            for byte in c.encode_utf8(&mut b).bytes() {
                out.push_str(&format!("%{byte:02X}"));
            }
        } else {
            out.push(c);
        }
    }
    out
}

fn annotation(item: &Item, source: &str, source_text: &str) -> Value {
    let mut body = Vec::new();
    let motivation = match item.kind.as_str() {
        "passage" => "tagging",
        "statement" => "describing",
        "hit" => "highlighting",
        _ => "identifying",
    };
    if item.kind == "passage" || item.kind == "hit" {
        for c in &item.codes {
            let b = json!({"type": "TextualBody", "purpose": "tagging", "value": c});
            body.push(with_language(b, c));
        }
    }
    if let Some(sp) = &item.speaker {
        let speech = item.speech.as_deref().unwrap_or_default();
        let b = json!({"type": "TextualBody", "purpose": "describing",
            "value": format!("{sp} ({speech})"), "format": "text/plain"});
        body.push(with_language(b, sp));
    }
    if !item.note.is_empty() {
        let b = json!({"type": "TextualBody", "purpose": "commenting",
            "value": item.note, "format": "text/plain"});
        body.push(with_language(b, &item.note));
    }
    let mut a = json!({
        "id": format!("urn:uuid:{}", guid("annotation", &format!("{}:{}", item.path, item.id))),
        "type": "Annotation",
        "motivation": motivation,
        "body": body,
        "target": {
            "source": source,
            "type": "Text",
            "format": "text/plain",
            "selector": [
                {"type": "TextQuoteSelector", "exact": item.text, "prefix": item.prefix, "suffix": item.suffix},
                {"type": "TextPositionSelector", "start": item.start, "end": item.end},
            ],
        },
    });
    a["target"] = with_language(a["target"].take(), source_text);
    if !item.created.is_empty() {
        a["created"] = json!(item.created);
    }
    if !item.annotator.is_empty() {
        a["creator"] = json!({"type": "Person", "nickname": item.annotator});
    }
    a
}

/// Writes the collection, the texts' folder named `texts`: the header,
/// then one annotation per line, streamed (a corpus's every statement is
/// over a million annotations).
pub fn collection(sel: &Selection, texts: &str, w: &mut dyn std::io::Write) -> std::io::Result<()> {
    collection_at(sel, texts, None, w)
}

/// [`collection`], the texts' folder under `base` (a URL) when given.
pub fn collection_at(
    sel: &Selection,
    texts: &str,
    base: Option<&str>,
    w: &mut dyn std::io::Write,
) -> std::io::Result<()> {
    let names = file_names(sel);
    let total: usize = sel.items.iter().filter(|i| !i.orphaned).count();
    let id = format!(
        "urn:uuid:{}",
        guid(
            "collection",
            &format!("{}:{}", sel.description, sel.exported)
        )
    );
    // (The data model: a page MUST have an id, and says what it is part of.)
    let page = json!({
        "id": format!("urn:uuid:{}", guid("page", &id)),
        "type": "AnnotationPage",
        "partOf": id,
        "startIndex": 0,
    });
    let head = json!({
        "@context": "http://www.w3.org/ns/anno.jsonld",
        "id": id,
        "type": "AnnotationCollection",
        "label": sel.description,
        "generator": {"type": "Software", "name": concat!("daftar ", env!("CARGO_PKG_VERSION"))},
        "generated": sel.exported,
        "total": total,
    });
    // The header object without its closing brace, then the page's,
    // then its items.
    let head = serde_json::to_string(&head).map_err(std::io::Error::other)?;
    let page = serde_json::to_string(&page).map_err(std::io::Error::other)?;
    write!(
        w,
        "{},\n\"first\": {}, \"items\": [",
        head.trim_end_matches('}'),
        page.trim_end_matches('}')
    )?;
    let mut first = true;
    for (n, (source, list)) in sel.anchored_by_source().into_iter().enumerate() {
        let file = format!("{}/{}.txt", iri_segment(texts), iri_segment(&names[n]));
        let name = match base {
            Some(b) => format!("{}/{file}", b.trim_end_matches('/')),
            None => file,
        };
        for i in list {
            w.write_all(if first { b"\n" } else { b",\n" })?;
            first = false;
            serde_json::to_writer(&mut *w, &annotation(i, &name, &source.text))
                .map_err(std::io::Error::other)?;
        }
    }
    w.write_all(b"\n]}}\n")
}

pub fn write(
    sel: &Selection,
    out: &Path,
    base: Option<&str>,
    progress: &AtomicUsize,
) -> Result<(), ExportError> {
    let texts = texts_dir_name(out);
    let dir = out.parent().unwrap_or(Path::new(".")).join(&texts);
    let mut partial = Partial::default();
    partial.folder(&dir)?;
    for (n, (s, name)) in sel.sources.iter().zip(file_names(sel)).enumerate() {
        let path = dir.join(format!("{name}.txt"));
        partial.text_file(&path, &s.text)?;
        progress.store(n + 1, Ordering::Relaxed);
    }
    super::file(out, |w| {
        collection_at(sel, &texts, base, w).map_err(io_err(out))
    })?;
    partial.keep();
    Ok(())
}
