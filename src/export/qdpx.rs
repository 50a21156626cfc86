//! REFI-QDA (`.qdpx`): a zip of `project.qde` (QDA-XML 1.0, namespace
//! `urn:QDA-XML:project:1.0`) and `sources/<guid>.txt`, which MAXQDA,
//! ATLAS.ti, NVivo and QualCoder import. Annotators become users, the tag
//! hierarchy the codebook, articles text sources, passages plain-text
//! selections (code-point positions) coded with their tags, and notes
//! notes. GUIDs are derived from what they stand for, so exporting the
//! same passages twice gives the same GUIDs.

use std::collections::HashMap;
use std::io::{Seek, Write};
use std::sync::atomic::{AtomicUsize, Ordering};

use quick_xml::Writer;
use quick_xml::events::{BytesDecl, BytesText, Event};

use super::{Code, ExportError, Selection, xml_safe};

/// The QDA-XML namespace.
pub const NAMESPACE: &str = "urn:QDA-XML:project:1.0";

/// A GUID (UUID version 4 layout) from BLAKE3 of `kind` and `key`.
pub fn guid(kind: &str, key: &str) -> String {
    let h = blake3::hash(format!("daftar:{kind}:{key}").as_bytes());
    let mut b = [0u8; 16];
    b.copy_from_slice(&h.as_bytes()[..16]);
    b[6] = (b[6] & 0x0f) | 0x40;
    b[8] = (b[8] & 0x3f) | 0x80;
    let x: String = b.iter().map(|v| format!("{v:02x}")).collect();
    format!(
        "{}-{}-{}-{}-{}",
        &x[0..8],
        &x[8..12],
        &x[12..16],
        &x[16..20],
        &x[20..32]
    )
}

/// `xsd:dateTime` of an item's creation, or the export's time.
fn when<'a>(created: &'a str, fallback: &'a str) -> &'a str {
    let ok = created.len() == 20
        && created.as_bytes()[10] == b'T'
        && created.ends_with('Z')
        && created[..4].bytes().all(|b| b.is_ascii_digit());
    if ok { created } else { fallback }
}

fn xml_err(e: std::io::Error) -> ExportError {
    ExportError::Other(format!("project.qde: {e}"))
}

/// The project file.
pub fn project(sel: &Selection) -> Result<String, ExportError> {
    let mut w = Writer::new_with_indent(Vec::new(), b' ', 1);
    w.write_event(Event::Decl(BytesDecl::new("1.0", Some("utf-8"), None)))
        .map_err(xml_err)?;
    // Users: the annotators, or daftar itself.
    let mut users: Vec<String> = Vec::new();
    for i in &sel.items {
        if !i.annotator.is_empty() && !users.contains(&i.annotator) {
            users.push(i.annotator.clone());
        }
    }
    if users.is_empty() {
        users.push("daftar".into());
    }
    let user = |name: &str| guid("user", name);
    let default_user = user(&users[0]);
    let code_guid: HashMap<&str, String> = sel
        .codes
        .iter()
        .map(|c| (c.name.as_str(), guid("code", &c.name)))
        .collect();
    let exported = sel.exported.as_str();
    let name = xml_safe(&format!("daftar: {}", sel.description));
    w.create_element("Project")
        .with_attribute(("xmlns", NAMESPACE))
        .with_attribute(("name", name.as_str()))
        .with_attribute(("origin", concat!("daftar ", env!("CARGO_PKG_VERSION"))))
        .with_attribute(("creatingUserGUID", default_user.as_str()))
        .with_attribute(("creationDateTime", exported))
        .write_inner_content(|w| {
            w.create_element("Users").write_inner_content(|w| {
                for u in &users {
                    let name = xml_safe(u);
                    w.create_element("User")
                        .with_attribute(("guid", user(u).as_str()))
                        .with_attribute(("name", name.as_str()))
                        .write_empty()?;
                }
                Ok(())
            })?;
            if !sel.codes.is_empty() {
                w.create_element("CodeBook").write_inner_content(|w| {
                    w.create_element("Codes")
                        .write_inner_content(|w| codes(w, &sel.codes, None, &code_guid, 0))?;
                    Ok(())
                })?;
            }
            let mut notes: Vec<(String, String, String, String)> = Vec::new();
            if !sel.sources.is_empty() {
                w.create_element("Sources").write_inner_content(|w| {
                    for (source, items) in sel.anchored_by_source() {
                        let sg = guid("source", &source.path);
                        let title = xml_safe(&source.title);
                        let path = format!("internal://{sg}.txt");
                        w.create_element("TextSource")
                            .with_attribute(("guid", sg.as_str()))
                            .with_attribute(("name", title.as_str()))
                            .with_attribute(("plainTextPath", path.as_str()))
                            .with_attribute(("creationDateTime", exported))
                            .write_inner_content(|w| {
                                let about = [
                                    Some(source.path.clone()),
                                    source.date_jalali.clone(),
                                    source.date.clone(),
                                    source.outlet.clone(),
                                ];
                                let about: Vec<String> = about.into_iter().flatten().collect();
                                w.create_element("Description").write_text_content(
                                    BytesText::new(&xml_safe(&about.join(" · "))),
                                )?;
                                for i in items {
                                    let ig =
                                        guid("selection", &format!("{}:{}", source.path, i.id));
                                    let by = if i.annotator.is_empty() {
                                        default_user.clone()
                                    } else {
                                        user(&i.annotator)
                                    };
                                    let at = when(&i.created, exported);
                                    let name: String =
                                        xml_safe(&i.text.chars().take(60).collect::<String>());
                                    let (start, end) = (i.start.to_string(), i.end.to_string());
                                    w.create_element("PlainTextSelection")
                                        .with_attribute(("guid", ig.as_str()))
                                        .with_attribute(("name", name.as_str()))
                                        .with_attribute(("startPosition", start.as_str()))
                                        .with_attribute(("endPosition", end.as_str()))
                                        .with_attribute(("creatingUser", by.as_str()))
                                        .with_attribute(("creationDateTime", at))
                                        .write_inner_content(|w| {
                                            // The speaker and the note, where
                                            // QualCoder reads a selection's
                                            // memo (the note is a Note too).
                                            let mut about = Vec::new();
                                            if let Some(sp) = &i.speaker {
                                                let speech =
                                                    i.speech.as_deref().unwrap_or_default();
                                                about.push(format!("{sp} ({speech})"));
                                            }
                                            if !i.note.is_empty() {
                                                about.push(i.note.clone());
                                            }
                                            if !about.is_empty() {
                                                w.create_element("Description")
                                                    .write_text_content(BytesText::new(
                                                        &xml_safe(&about.join("\n")),
                                                    ))?;
                                            }
                                            for c in &i.codes {
                                                let Some(cg) = code_guid.get(c.as_str()) else {
                                                    continue;
                                                };
                                                let kg = guid("coding", &format!("{ig}:{c}"));
                                                w.create_element("Coding")
                                                    .with_attribute(("guid", kg.as_str()))
                                                    .with_attribute(("creatingUser", by.as_str()))
                                                    .with_attribute(("creationDateTime", at))
                                                    .write_inner_content(|w| {
                                                        w.create_element("CodeRef")
                                                            .with_attribute((
                                                                "targetGUID",
                                                                cg.as_str(),
                                                            ))
                                                            .write_empty()?;
                                                        Ok(())
                                                    })?;
                                            }
                                            if !i.note.is_empty() {
                                                let ng = guid("note", &ig);
                                                w.create_element("NoteRef")
                                                    .with_attribute(("targetGUID", ng.as_str()))
                                                    .write_empty()?;
                                                notes.push((
                                                    ng,
                                                    by.clone(),
                                                    at.to_string(),
                                                    i.note.clone(),
                                                ));
                                            }
                                            Ok(())
                                        })?;
                                }
                                Ok(())
                            })?;
                    }
                    Ok(())
                })?;
            }
            if !notes.is_empty() {
                w.create_element("Notes").write_inner_content(|w| {
                    for (ng, by, at, text) in &notes {
                        let text = xml_safe(text);
                        let name: String = text.chars().take(60).collect();
                        w.create_element("Note")
                            .with_attribute(("guid", ng.as_str()))
                            .with_attribute(("name", name.as_str()))
                            .with_attribute(("creatingUser", by.as_str()))
                            .with_attribute(("creationDateTime", at.as_str()))
                            .write_inner_content(|w| {
                                w.create_element("PlainTextContent")
                                    .write_text_content(BytesText::new(&text))?;
                                Ok(())
                            })?;
                    }
                    Ok(())
                })?;
            }
            Ok(())
        })
        .map_err(xml_err)?;
    String::from_utf8(w.into_inner()).map_err(|e| ExportError::Other(e.to_string()))
}

/// Codes under `parent`, nested (codes whose parent is missing are top).
fn codes<W: Write>(
    w: &mut Writer<W>,
    all: &[Code],
    parent: Option<&str>,
    ids: &HashMap<&str, String>,
    depth: usize,
) -> std::io::Result<()> {
    fn top<'a>(c: &'a Code, all: &[Code]) -> Option<&'a str> {
        c.parent
            .as_deref()
            .filter(|p| all.iter().any(|x| x.name == *p))
    }
    for c in all.iter().filter(|c| top(c, all) == parent) {
        let name = xml_safe(&c.name);
        let colour = if c.colour.len() == 7 {
            c.colour.as_str()
        } else {
            "#e0a030"
        };
        w.create_element("Code")
            .with_attribute(("guid", ids[c.name.as_str()].as_str()))
            .with_attribute(("name", name.as_str()))
            .with_attribute(("isCodable", "true"))
            .with_attribute(("color", colour))
            .write_inner_content(|w| {
                if !c.description.is_empty() {
                    w.create_element("Description")
                        .write_text_content(BytesText::new(&xml_safe(&c.description)))?;
                }
                if depth < 16 {
                    codes(w, all, Some(&c.name), ids, depth + 1)?;
                }
                Ok(())
            })?;
    }
    Ok(())
}

/// The `.qdpx`: `project.qde` and the sources' texts.
pub fn write<W: Write + Seek>(
    sel: &Selection,
    out: W,
    progress: &AtomicUsize,
) -> Result<(), ExportError> {
    let zip_err = |e: zip::result::ZipError| ExportError::Other(format!("qdpx: {e}"));
    let io = |e: std::io::Error| ExportError::Other(format!("qdpx: {e}"));
    let mut z = zip::ZipWriter::new(out);
    let opts = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    z.start_file("project.qde", opts).map_err(zip_err)?;
    z.write_all(project(sel)?.as_bytes()).map_err(io)?;
    for (n, s) in sel.sources.iter().enumerate() {
        let name = format!("sources/{}.txt", guid("source", &s.path));
        z.start_file(name, opts).map_err(zip_err)?;
        z.write_all(s.text.as_bytes()).map_err(io)?;
        progress.store(n + 1, Ordering::Relaxed);
    }
    z.finish().map_err(zip_err)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn guids_are_stable_version_4_layout_and_distinct() {
        let a = guid("code", "نقل قول");
        assert_eq!(a, guid("code", "نقل قول"));
        assert_ne!(a, guid("code", "نقل‌قول"));
        let parts: Vec<&str> = a.split('-').collect();
        assert_eq!(
            parts.iter().map(|p| p.len()).collect::<Vec<_>>(),
            [8, 4, 4, 4, 12]
        );
        assert!(parts[2].starts_with('4'));
        assert!(matches!(parts[3].as_bytes()[0], b'8' | b'9' | b'a' | b'b'));
    }

    #[test]
    fn creation_times_fall_back_when_not_xsd_date_times() {
        assert_eq!(when("2026-11-22T08:00:00Z", "x"), "2026-11-22T08:00:00Z");
        assert_eq!(when("", "2026-01-01T00:00:00Z"), "2026-01-01T00:00:00Z");
        assert_eq!(when("yesterday", "f"), "f");
    }
}
