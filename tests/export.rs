//! Exports, read back by independent parsers: every passage's offsets
//! select exactly its text in the exported text (brat, REFI-QDA, Web
//! Annotation), CSV parses with a CSV reader to the same rows as JSON
//! Lines, JSON Lines and RON parse back to the same data, and the `.qdpx`
//! project validates against the REFI-QDA schema.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use daftar::export::Selection;
use daftar::export::brat::type_name;
use daftar::export::tabular::{COLUMNS, Row, rows};
use serde_json::Value;

use crate::common;

/// The sample corpus with passages: two tags (one nested), a note with
/// CSV's special characters, a passage over a line break, every match of a
/// query, and one orphaned by an edit.
fn tagged_corpus() -> tempfile::TempDir {
    let dir = common::sample_copy();
    let d = dir.path();
    std::fs::create_dir_all(d.join(".daftar")).unwrap();
    std::fs::write(
        d.join(".daftar/tags.ron"),
        r#"(version: 1, tags: [(name: "دیپلماسی", colour: (40, 120, 200)), (name: "نقل قول", colour: (200, 80, 40), parent: Some("دیپلماسی"))])"#,
    )
    .unwrap();
    let tag = |args: &[&str]| common::daftar_ok(&[&["tag"], args].concat(), d);
    tag(&["--query", "لاوروف", "--tag", "نقل قول"]);
    let note = "یادداشت، با \"نقل\" و\nخط دوم; آخر";
    // The title, its line break and the date line under it.
    tag(&[
        "--path",
        "politics/03_fm_call.txt",
        "--start",
        "10",
        "--end",
        "60",
        "--tag",
        "دیپلماسی",
        "--note",
        note,
    ]);
    tag(&[
        "--path",
        "society/01_dam_reserves.txt",
        "--start",
        "0",
        "--end",
        "12",
        "--tag",
        "آمار",
    ]);
    // An edit orphans the dam passage.
    let dam = d.join("society/01_dam_reserves.txt");
    let text = std::fs::read_to_string(&dam).unwrap();
    let quote = passages(d)
        .into_values()
        .find(|p| p["path"] == "society/01_dam_reserves.txt")
        .unwrap()["text"]
        .as_str()
        .unwrap()
        .to_string();
    assert!(text.contains(&quote));
    std::fs::write(&dam, text.replace(&quote, "متن دیگری")).unwrap();
    dir
}

/// Every passage as `daftar tags --json` gives it, by (path, start).
fn passages(d: &Path) -> HashMap<(String, u64), Value> {
    common::json_lines(&["tags", "--json"], d)
        .into_iter()
        .filter(|v| v["kind"] == "passage")
        .map(|v| {
            (
                (
                    v["path"].as_str().unwrap().to_string(),
                    v["start"].as_u64().unwrap(),
                ),
                v,
            )
        })
        .collect()
}

/// Article texts as `daftar inspect --with-text` decodes them.
fn texts(d: &Path) -> HashMap<String, String> {
    common::json_lines(&["inspect", "--json", "--with-text"], d)
        .into_iter()
        .filter(|v| v["kind"] == "article")
        .map(|v| {
            (
                v["path"].as_str().unwrap().to_string(),
                v["text"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

/// A passage's tags as `daftar tags --json` gives them.
fn tags_of(p: &Value) -> Vec<&str> {
    p["tags"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t.as_str().unwrap())
        .collect()
}

fn export(d: &Path, args: &[&str]) {
    common::daftar_ok(&[&["export"], args].concat(), d);
}

/// The tagged corpus's passages exported as `format` to `name` in a
/// folder of their own: (corpus, that folder, the export's path).
fn exported(format: &str, name: &str) -> (tempfile::TempDir, tempfile::TempDir, PathBuf) {
    let corpus = tagged_corpus();
    let out = tempfile::tempdir().unwrap();
    let path = out.path().join(name);
    let p = path.display().to_string();
    export(
        corpus.path(),
        &["--what", "passages", "--format", format, "--out", &p],
    );
    (corpus, out, path)
}

fn json_str(s: &str) -> Value {
    Value::String(s.to_string())
}

fn chars(s: &str, start: usize, end: usize) -> String {
    s.chars().skip(start).take(end - start).collect()
}

#[test]
fn csv_jsonl_and_ron_read_back_to_the_same_rows() {
    let corpus = tagged_corpus();
    let d = corpus.path();
    let out = tempfile::tempdir().unwrap();
    let o = |name: &str| out.path().join(name).display().to_string();
    for (format, name) in [("csv", "p.csv"), ("jsonl", "p.jsonl"), ("ron", "p.ron")] {
        export(
            d,
            &["--what", "passages", "--format", format, "--out", &o(name)],
        );
    }
    let tagged = passages(d);
    let texts = texts(d);

    // JSON Lines: one row per passage, as `daftar tags` lists them.
    let jsonl: Vec<Row> = std::fs::read_to_string(o("p.jsonl"))
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(jsonl.len(), tagged.len());
    for r in &jsonl {
        let p = &tagged[&(r.path.clone(), r.start as u64)];
        assert_eq!(r.text, p["text"].as_str().unwrap());
        assert_eq!(r.end as u64, p["end"].as_u64().unwrap());
        assert_eq!(r.note, p["note"].as_str().unwrap());
        assert_eq!(r.orphaned, p["orphaned"].as_bool().unwrap());
        let tags: Vec<&str> = tags_of(p);
        assert_eq!(r.tags, tags);
        if !r.orphaned {
            assert_eq!(
                chars(&texts[&r.path], r.start, r.end),
                r.text,
                "offsets select the text"
            );
        }
    }
    assert!(
        jsonl.iter().any(|r| r.orphaned),
        "the edited article's passage is kept, orphaned"
    );
    assert!(
        jsonl.iter().any(|r| r.text.contains('\n')),
        "a passage over a line break"
    );

    // RON: the whole selection, texts included; its rows are the JSON lines.
    let ron_text = std::fs::read_to_string(o("p.ron")).unwrap();
    let sel: Selection = ron::from_str(&ron_text).unwrap();
    assert_eq!(rows(&sel), jsonl);
    for s in &sel.sources {
        assert_eq!(
            s.text, texts[&s.path],
            "the source text is the decoded article"
        );
    }
    let codes: Vec<(&str, Option<&str>)> = sel
        .codes
        .iter()
        .map(|c| (c.name.as_str(), c.parent.as_deref()))
        .collect();
    assert!(codes.contains(&("نقل قول", Some("دیپلماسی"))), "{codes:?}");

    // CSV: a byte-order mark, the header, then the same rows.
    let bytes = std::fs::read(o("p.csv")).unwrap();
    assert!(bytes.starts_with("\u{FEFF}".as_bytes()), "UTF-8 with BOM");
    let mut reader = csv::Reader::from_reader(&bytes[3..]);
    let header: Vec<String> = reader.headers().unwrap().iter().map(String::from).collect();
    assert_eq!(header, COLUMNS);
    let records: Vec<Vec<String>> = reader
        .records()
        .map(|r| r.unwrap().iter().map(String::from).collect())
        .collect();
    let expected: Vec<Vec<String>> = jsonl.iter().map(Row::record).collect();
    assert_eq!(records, expected);
    let note = COLUMNS.iter().position(|c| *c == "note").unwrap();
    let note_cell = records
        .iter()
        .find(|r| r[note].contains('\n'))
        .expect("the note with a line break");
    assert_eq!(note_cell[note], "یادداشت، با \"نقل\" و\nخط دوم; آخر");
}

#[test]
fn brat_spans_select_their_text() {
    let (corpus, _out, dir) = exported("brat", "brat");
    let d = corpus.path();
    let tagged = passages(d);
    let texts = texts(d);
    let listing = std::fs::read_to_string(dir.join("sources.tsv")).unwrap();
    let mut spans = 0;
    let mut types: Vec<String> = Vec::new();
    for line in listing.lines().skip(1) {
        let cols: Vec<&str> = line.split('\t').collect();
        let txt = std::fs::read_to_string(dir.join(cols[0])).unwrap();
        assert_eq!(txt, texts[cols[1]], "the .txt is the decoded article");
        let ann = std::fs::read_to_string(dir.join(cols[0].replace(".txt", ".ann"))).unwrap();
        for l in ann.lines().filter(|l| l.starts_with('T')) {
            let parts: Vec<&str> = l.split('\t').collect();
            let (ty, offsets) = parts[1].split_once(' ').unwrap();
            let frags: Vec<(usize, usize)> = offsets
                .split(';')
                .map(|f| {
                    let (s, e) = f.split_once(' ').unwrap();
                    (s.parse().unwrap(), e.parse().unwrap())
                })
                .collect();
            let pieces: Vec<String> = frags.iter().map(|&(s, e)| chars(&txt, s, e)).collect();
            assert_eq!(pieces.join(" "), parts[2], "{l}");
            // The whole span is the tagged passage.
            let (start, end) = (frags[0].0, frags[frags.len() - 1].1);
            let p = &tagged[&(cols[1].to_string(), start as u64)];
            assert_eq!(chars(&txt, start, end), p["text"].as_str().unwrap());
            assert!(
                p["tags"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .any(|t| type_name(t.as_str().unwrap()) == ty)
            );
            types.push(ty.to_string());
            spans += 1;
        }
        if ann.contains("AnnotatorNotes") {
            assert!(ann.contains("یادداشت، با \"نقل\" و خط دوم; آخر"), "{ann}");
        }
    }
    let anchored: usize = tagged
        .values()
        .filter(|p| p["orphaned"] == false)
        .map(|p| p["tags"].as_array().unwrap().len().max(1))
        .sum();
    assert_eq!(
        spans, anchored,
        "every anchored passage, a span per tag, no orphan"
    );
    let conf = std::fs::read_to_string(dir.join("annotation.conf")).unwrap();
    let (parent, child) = (type_name("دیپلماسی"), type_name("نقل قول"));
    assert!(
        conf.contains(&format!("{parent}\n\t{child}\n")),
        "nested tag indented: {conf}"
    );
    // As strict parsers read it: every type ASCII, and declared.
    let declared: Vec<&str> = conf
        .split("[relations]")
        .next()
        .unwrap()
        .lines()
        .skip(1)
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    for ty in &types {
        assert!(
            ty.chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-'),
            "{ty}"
        );
        assert!(declared.contains(&ty.as_str()), "{ty} not in {declared:?}");
    }
    // The Persian names are the labels brat shows.
    let visual = std::fs::read_to_string(dir.join("visual.conf")).unwrap();
    assert!(visual.contains(&format!("{child} | نقل قول\n")), "{visual}");
}

/// Validates an XML file against an XSD with xmllint.
fn validate(xml: &Path, xsd: &Path) {
    let out = std::process::Command::new("xmllint")
        .args(["--noout", "--schema"])
        .arg(xsd)
        .arg(xml)
        .output()
        .expect("xmllint is needed to check the REFI-QDA export: install libxml2-utils");
    assert!(
        out.status.success(),
        "project.qde does not validate: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn qdpx_validates_and_its_selections_select_their_text() {
    let (corpus, out, file) = exported("qdpx", "p.qdpx");
    let d = corpus.path();
    let tagged = passages(d);
    let mut zip = zip::ZipArchive::new(std::fs::File::open(&file).unwrap()).unwrap();
    let read = |zip: &mut zip::ZipArchive<std::fs::File>, name: &str| {
        let mut s = String::new();
        std::io::Read::read_to_string(&mut zip.by_name(name).unwrap(), &mut s).unwrap();
        s
    };
    let qde = read(&mut zip, "project.qde");
    let qde_path = out.path().join("project.qde");
    std::fs::write(&qde_path, &qde).unwrap();
    validate(
        &qde_path,
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/refi-qda/Project.xsd"),
    );

    // Walk the XML: codes by GUID, each text source's selections.
    use quick_xml::events::Event;
    let mut reader = quick_xml::Reader::from_str(&qde);
    let attr = |e: &quick_xml::events::BytesStart, k: &str| {
        e.try_get_attribute(k).unwrap().map(|a| {
            a.normalized_value(quick_xml::XmlVersion::Implicit1_0)
                .unwrap()
                .to_string()
        })
    };
    let mut codes: HashMap<String, String> = HashMap::new();
    let mut source_text = String::new();
    let mut selections: Vec<(usize, usize, String, Vec<String>)> = Vec::new();
    // The Description inside each selection (where QualCoder reads a
    // selection's memo), by selection.
    let (mut in_selection, mut in_description) = (false, false);
    let mut described: Vec<(usize, String)> = Vec::new();
    loop {
        match reader.read_event().unwrap() {
            Event::End(e) if e.name().as_ref() == "PlainTextSelection" => in_selection = false,
            Event::End(e) if e.name().as_ref() == "Description" => in_description = false,
            Event::Text(t) if in_selection && in_description => {
                // (Pieces between entity references.)
                let text = t.xml_content(quick_xml::XmlVersion::Implicit1_0);
                match described.last_mut() {
                    Some((n, d)) if *n == selections.len() - 1 => d.push_str(&text),
                    _ => described.push((selections.len() - 1, text.to_string())),
                }
            }
            Event::Start(e) if in_selection && e.name().as_ref() == "Description" => {
                in_description = true;
            }
            Event::Start(e) | Event::Empty(e) => match e.name().as_ref() {
                "Code" => {
                    codes.insert(attr(&e, "guid").unwrap(), attr(&e, "name").unwrap());
                }
                "TextSource" => {
                    let path = attr(&e, "plainTextPath").unwrap();
                    let name = path.strip_prefix("internal://").unwrap();
                    source_text = read(&mut zip, &format!("sources/{name}"));
                }
                "PlainTextSelection" => {
                    in_selection = true;
                    let s: usize = attr(&e, "startPosition").unwrap().parse().unwrap();
                    let en: usize = attr(&e, "endPosition").unwrap().parse().unwrap();
                    selections.push((s, en, chars(&source_text, s, en), Vec::new()));
                }
                "CodeRef" => {
                    let code = attr(&e, "targetGUID").unwrap();
                    selections.last_mut().unwrap().3.push(codes[&code].clone());
                }
                _ => {}
            },
            Event::Eof => break,
            _ => {}
        }
    }
    let anchored: Vec<&Value> = tagged.values().filter(|p| p["orphaned"] == false).collect();
    assert_eq!(selections.len(), anchored.len());
    for (s, e, text, coded) in &selections {
        let p = anchored
            .iter()
            .find(|p| {
                p["start"] == *s as u64 && p["end"] == *e as u64 && p["text"] == text.as_str()
            })
            .unwrap_or_else(|| panic!("no passage selects «{text}» at {s}..{e}"));
        let tags: Vec<&str> = tags_of(p);
        assert_eq!(coded, &tags);
    }
    // The note is inside its selection, where QualCoder reads it.
    let noted: Vec<&(usize, String)> = described
        .iter()
        .filter(|(_, d)| d.contains("یادداشت، با") && d.contains("خط دوم; آخر"))
        .collect();
    assert_eq!(noted.len(), 1, "{described:?}");
    let (n, _) = noted[0];
    assert!(anchored.iter().any(|p| {
        p["start"] == selections[*n].0 as u64
            && p["note"]
                .as_str()
                .is_some_and(|note| note.contains("خط دوم"))
    }));
    assert!(
        qde.contains(
            "<PlainTextContent>یادداشت، با &quot;نقل&quot; و\nخط دوم; آخر</PlainTextContent>"
        ) || qde
            .contains("<PlainTextContent>یادداشت، با \"نقل\" و\nخط دوم; آخر</PlainTextContent>"),
        "the note"
    );
}

#[test]
fn web_annotation_selectors_select_their_text() {
    let (corpus, out, file) = exported("webanno", "p.jsonld");
    let d = corpus.path();
    let tagged = passages(d);
    let doc: Value = serde_json::from_str(&std::fs::read_to_string(&file).unwrap()).unwrap();
    assert_eq!(doc["@context"], "http://www.w3.org/ns/anno.jsonld");
    assert_eq!(doc["type"], "AnnotationCollection");
    // The page has an id of its own and says what it is part of.
    let page = &doc["first"];
    assert_eq!(page["type"], "AnnotationPage");
    assert!(
        page["id"]
            .as_str()
            .is_some_and(|id| id.starts_with("urn:uuid:"))
    );
    assert_ne!(page["id"], doc["id"]);
    assert_eq!(page["partOf"], doc["id"]);
    let items = doc["first"]["items"].as_array().unwrap();
    assert_eq!(
        items.len(),
        tagged.values().filter(|p| p["orphaned"] == false).count()
    );
    for a in items {
        assert_eq!(a["type"], "Annotation");
        let target = &a["target"];
        // Persian articles and tags say so.
        assert_eq!(
            (&target["language"], &target["textDirection"]),
            (&json_str("fa"), &json_str("rtl"))
        );
        for b in a["body"].as_array().unwrap() {
            assert_eq!(b["textDirection"], "rtl", "{b}");
        }
        let text =
            std::fs::read_to_string(out.path().join(target["source"].as_str().unwrap())).unwrap();
        let sel = target["selector"].as_array().unwrap();
        let quote = sel
            .iter()
            .find(|s| s["type"] == "TextQuoteSelector")
            .unwrap();
        let pos = sel
            .iter()
            .find(|s| s["type"] == "TextPositionSelector")
            .unwrap();
        let (s, e) = (
            pos["start"].as_u64().unwrap() as usize,
            pos["end"].as_u64().unwrap() as usize,
        );
        let exact = quote["exact"].as_str().unwrap();
        assert_eq!(chars(&text, s, e), exact);
        let prefix = quote["prefix"].as_str().unwrap();
        assert_eq!(chars(&text, s - prefix.chars().count(), s), prefix);
        let suffix = quote["suffix"].as_str().unwrap();
        assert_eq!(chars(&text, e, e + suffix.chars().count()), suffix);
        let tags: Vec<&str> = a["body"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|b| b["purpose"] == "tagging")
            .map(|b| b["value"].as_str().unwrap())
            .collect();
        let p = tagged
            .values()
            .find(|p| p["text"] == exact && p["start"] == s as u64)
            .unwrap();
        let want: Vec<&str> = tags_of(p);
        assert_eq!(tags, want);
    }
}

#[test]
fn statements_hits_and_articles_export_and_nothing_is_overwritten() {
    let corpus = common::sample_copy();
    let d = corpus.path();
    let out = tempfile::tempdir().unwrap();
    let o = |name: &str| out.path().join(name).display().to_string();
    let texts = texts(d);
    let read_jsonl = |name: &str| -> Vec<Row> {
        std::fs::read_to_string(o(name))
            .unwrap()
            .lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect()
    };

    // A comparison of two outlets' reports: both sides of every pair.
    export(
        d,
        &[
            "--what",
            "statements",
            "--format",
            "jsonl",
            "--out",
            &o("c.jsonl"),
            "--left",
            "source=ایرنا",
            "--right",
            "source=تسنیم",
        ],
    );
    let rows = read_jsonl("c.jsonl");
    assert!(rows.iter().any(|r| r.pair.is_some()), "some pairs");
    for r in &rows {
        assert_eq!(chars(&texts[&r.path], r.start, r.end), r.text);
        assert!(r.speech.is_some());
        if let Some(n) = r.pair {
            let sides: Vec<_> = rows
                .iter()
                .filter(|x| x.pair == Some(n))
                .map(|x| x.side.clone().unwrap())
                .collect();
            assert_eq!(sides, ["left", "right"]);
        }
    }

    // Every match of a search, each selecting a spelling of the word.
    export(
        d,
        &[
            "--what",
            "hits",
            "--query",
            "لاوروف",
            "--format",
            "jsonl",
            "--out",
            &o("h.jsonl"),
        ],
    );
    let hits = read_jsonl("h.jsonl");
    assert_eq!(hits.len(), 4);
    for r in &hits {
        assert_eq!(chars(&texts[&r.path], r.start, r.end), "لاوروف");
    }

    // Articles with their metadata.
    let a = o("a.csv");
    let args = ["--what", "articles", "--format", "csv", "--out", a.as_str()];
    export(d, &args);
    let bytes = std::fs::read(&a).unwrap();
    let n = csv::Reader::from_reader(&bytes[3..]).records().count();
    assert_eq!(n, texts.len());

    // An existing file is refused, then replaced with --force.
    let again = common::daftar(&[&["export"][..], &args].concat(), d);
    assert!(!again.status.success());
    assert!(String::from_utf8_lossy(&again.stderr).contains("exists"));
    assert_eq!(std::fs::read(&a).unwrap(), bytes, "untouched");
    export(d, &[&args[..], &["--force"]].concat());
    // Bad requests get a reason.
    let bad = common::daftar(
        &[
            "export",
            "--what",
            "hits",
            "--format",
            "csv",
            "--out",
            &o("x.csv"),
        ],
        d,
    );
    assert!(String::from_utf8_lossy(&bad.stderr).contains("needs --query"));
    let bad = common::daftar(
        &[
            "export",
            "--what",
            "passages",
            "--format",
            "xls",
            "--out",
            &o("x.xls"),
        ],
        d,
    );
    assert!(String::from_utf8_lossy(&bad.stderr).contains("--format xls"));
}

/// An article saved with CRLF line ends and one with an emoji: every
/// export's texts have `\n` ends, and positions are code points of that
/// text — a passage over a line break and one after the emoji select
/// their words.
#[test]
fn crlf_articles_export_with_newlines_and_positions_count_code_points() {
    let corpus = tempfile::tempdir().unwrap();
    let d = corpus.path();
    let crlf = "گزارش بازار\r\nقیمت طلا امروز کاهش یافت.\r\nبازار ارز آرام بود.\r\n";
    std::fs::write(d.join("crlf.txt"), crlf).unwrap();
    let emoji = "خبر ورزشی\nتیم ملی 🏆 قهرمان شد و هواداران شادی کردند.\n";
    std::fs::write(d.join("emoji.txt"), emoji).unwrap();
    let decoded = texts(d);
    let at = |text: &str, word: &str| text[..text.find(word).unwrap()].chars().count();
    // Over the line break: «یافت.» … «بازار ارز».
    let t = &decoded["crlf.txt"];
    let (s, e) = (at(t, "یافت"), at(t, " آرام"));
    let tag = |path: &str, s: usize, e: usize, tag: &str| {
        let (s, e) = (s.to_string(), e.to_string());
        common::daftar_ok(
            &[
                "tag", "--path", path, "--start", &s, "--end", &e, "--tag", tag,
            ],
            d,
        );
    };
    tag("crlf.txt", s, e, "اقتصاد");
    // A line selected to its end, its `\r` with it.
    tag("crlf.txt", 0, at(t, "\n"), "عنوان");
    let t = &decoded["emoji.txt"];
    tag("emoji.txt", at(t, "قهرمان"), at(t, " شد"), "ورزش");
    let out = tempfile::tempdir().unwrap();
    let run = |format: &str, name: &str| -> PathBuf {
        let path = out.path().join(name);
        let p = path.display().to_string();
        export(d, &["--what", "passages", "--format", format, "--out", &p]);
        path
    };
    // JSON Lines: texts and positions.
    let jsonl = std::fs::read_to_string(run("jsonl", "p.jsonl")).unwrap();
    assert!(!jsonl.contains("\\r"), "{jsonl}");
    let mut seen = Vec::new();
    for line in jsonl.lines() {
        let v: Value = serde_json::from_str(line).unwrap();
        if v["kind"] != "passage" {
            continue;
        }
        seen.push(v["text"].as_str().unwrap().to_string());
    }
    seen.sort();
    assert_eq!(seen, ["قهرمان", "گزارش بازار", "یافت.\nبازار ارز"]);
    // brat: the .txt has `\n` ends, and each span selects its words.
    let brat = run("brat", "brat");
    let mut spans = 0;
    for e in std::fs::read_dir(&brat).unwrap().flatten() {
        let p = e.path();
        if p.extension().is_some_and(|x| x == "ann") {
            let txt = std::fs::read_to_string(p.with_extension("txt")).unwrap();
            assert!(!txt.contains('\r'));
            let ann = std::fs::read_to_string(&p).unwrap();
            for l in ann.lines().filter(|l| l.starts_with('T')) {
                let parts: Vec<&str> = l.split('\t').collect();
                let nums: Vec<usize> = parts[1]
                    .split([' ', ';'])
                    .skip(1)
                    .map(|n| n.parse().unwrap())
                    .collect();
                let whole = chars(&txt, nums[0], nums[nums.len() - 1]);
                assert!(
                    ["قهرمان", "گزارش بازار", "یافت.\nبازار ارز"].contains(&whole.as_str()),
                    "{l}"
                );
                spans += 1;
            }
        }
    }
    assert_eq!(spans, 3, "none taken for an orphan");
    // CSV cells, RON, Markdown, and the Web Annotation texts: no `\r` in
    // any text (CSV's own record ends aside).
    let csv = run("csv", "p.csv");
    let mut reader = csv::Reader::from_path(&csv).unwrap();
    for r in reader.records() {
        assert!(r.unwrap().iter().all(|cell| !cell.contains('\r')));
    }
    for (format, name) in [("ron", "p.ron"), ("md", "p.md"), ("webanno", "p.jsonld")] {
        let text = std::fs::read_to_string(run(format, name)).unwrap();
        assert!(!text.contains('\r') && !text.contains("\\r"), "{format}");
    }
    for e in std::fs::read_dir(out.path()).unwrap().flatten() {
        if e.path().is_dir() && e.file_name() != "brat" {
            for f in std::fs::read_dir(e.path()).unwrap().flatten() {
                let text = std::fs::read_to_string(f.path()).unwrap();
                assert!(!text.contains('\r'), "{}", f.path().display());
            }
        }
    }
}

/// Statements in REFI-QDA: every selection is coded — by its speaker, or
/// «unnamed source» — since coding tools drop a selection without a code.
#[test]
fn every_statement_selection_in_refi_qda_is_coded() {
    let corpus = common::sample_copy();
    let d = corpus.path();
    let out = tempfile::tempdir().unwrap();
    let file = out.path().join("s.qdpx");
    export(
        d,
        &[
            "--what",
            "statements",
            "--format",
            "qdpx",
            "--out",
            &file.display().to_string(),
        ],
    );
    let mut zip = zip::ZipArchive::new(std::fs::File::open(&file).unwrap()).unwrap();
    let mut qde = String::new();
    std::io::Read::read_to_string(&mut zip.by_name("project.qde").unwrap(), &mut qde).unwrap();
    let selections: Vec<&str> = qde.split("<PlainTextSelection ").skip(1).collect();
    assert!(selections.len() > 3, "the sample has statements");
    for s in &selections {
        let own = s.split("</PlainTextSelection>").next().unwrap();
        assert!(own.contains("<CodeRef "), "an uncoded selection: {own}");
    }
    let unnamed = common::json_lines(&["inspect", "--json"], d)
        .iter()
        .filter(|v| v["kind"] == "article")
        .flat_map(|v| v["statements"].as_array().cloned().unwrap_or_default())
        .any(|s| s["speaker"].is_null() || s["speaker"] == "unnamed");
    assert_eq!(qde.contains("name=\"unnamed source\""), unnamed);
}

/// The spreadsheet, read back as a spreadsheet program reads it: Persian
/// intact, the Jalali date a text (not a date a program would convert),
/// `orphaned` a word, positions numbers, the sheet right to left with
/// its header frozen.
#[test]
fn the_xlsx_opens_right_to_left_with_persian_and_jalali_dates_as_text() {
    use calamine::{Data, Reader, Xlsx, open_workbook};
    let (corpus, _out, file) = exported("xlsx", "p.xlsx");
    let tagged = passages(corpus.path());
    let mut book: Xlsx<_> = open_workbook(&file).unwrap();
    let sheet = book.worksheet_range("passages").unwrap();
    let rows: Vec<&[Data]> = sheet.rows().collect();
    let header: Vec<String> = rows[0].iter().map(|c| c.to_string()).collect();
    assert_eq!(header, COLUMNS);
    let col = |name: &str| COLUMNS.iter().position(|c| *c == name).unwrap();
    assert_eq!(rows.len() - 1, tagged.len());
    let mut jalali = 0;
    for r in &rows[1..] {
        let (start, text) = (&r[col("start")], r[col("text")].to_string());
        let Data::Float(start) = start else {
            panic!("start is a number: {start:?}")
        };
        let p = tagged
            .values()
            .find(|p| p["text"] == text.as_str() && p["start"] == *start as u64)
            .unwrap_or_else(|| panic!("no passage «{text}» at {start}"));
        let orphaned = if p["orphaned"] == true { "yes" } else { "no" };
        assert_eq!(r[col("orphaned")], Data::String(orphaned.into()));
        if let Data::String(d) = &r[col("date_jalali")] {
            assert!(d.starts_with("14"), "{d}");
            jalali += 1;
        } else {
            assert_eq!(
                r[col("date_jalali")],
                Data::Empty,
                "a date cell: {:?}",
                r[col("date_jalali")]
            );
        }
    }
    assert!(jalali > 0, "dated passages");
    let mut zip = zip::ZipArchive::new(std::fs::File::open(&file).unwrap()).unwrap();
    let mut xml = String::new();
    std::io::Read::read_to_string(
        &mut zip.by_name("xl/worksheets/sheet1.xml").unwrap(),
        &mut xml,
    )
    .unwrap();
    assert!(xml.contains("rightToLeft=\"1\""), "{xml}");
    assert!(xml.contains("state=\"frozen\""), "{xml}");
}

/// `--base-url`: each Web Annotation target names its text absolutely,
/// where the texts folder will be served.
#[test]
fn web_annotation_sources_are_absolute_under_a_base_url() {
    let corpus = tagged_corpus();
    let out = tempfile::tempdir().unwrap();
    let file = out.path().join("p.jsonld");
    export(
        corpus.path(),
        &[
            "--what",
            "passages",
            "--format",
            "webanno",
            "--out",
            &file.display().to_string(),
            "--base-url",
            "https://example.org/corpus/",
        ],
    );
    let doc: Value = serde_json::from_str(&std::fs::read_to_string(&file).unwrap()).unwrap();
    let items = doc["first"]["items"].as_array().unwrap();
    assert!(!items.is_empty());
    for a in items {
        let source = a["target"]["source"].as_str().unwrap();
        let name = source
            .strip_prefix("https://example.org/corpus/p-texts/")
            .unwrap_or_else(|| panic!("{source}"));
        assert!(out.path().join("p-texts").join(name).is_file(), "{source}");
    }
}

/// `--positions utf16`: after an emoji (two UTF-16 units, one code point)
/// CSV and JSON Lines count as JavaScript and Excel do; the formats whose
/// standards count code points refuse it.
#[test]
fn positions_in_utf16_units_for_the_tools_that_count_them() {
    let corpus = tempfile::tempdir().unwrap();
    let d = corpus.path();
    let text = "خبر ورزشی\nتیم ملی 🏆 قهرمان شد.\n";
    std::fs::write(d.join("emoji.txt"), text).unwrap();
    let decoded = &texts(d)["emoji.txt"];
    let before = &decoded[..decoded.find("قهرمان").unwrap()];
    let (s, e) = (
        before.chars().count(),
        before.chars().count() + "قهرمان".chars().count(),
    );
    let (ss, es) = (s.to_string(), e.to_string());
    common::daftar_ok(
        &[
            "tag",
            "--path",
            "emoji.txt",
            "--start",
            &ss,
            "--end",
            &es,
            "--tag",
            "ورزش",
        ],
        d,
    );
    let out = tempfile::tempdir().unwrap();
    let start_in = |positions: &str| -> u64 {
        let file = out.path().join(format!("{positions}.jsonl"));
        let f = file.display().to_string();
        export(
            d,
            &[
                "--what",
                "passages",
                "--format",
                "jsonl",
                "--out",
                &f,
                "--positions",
                positions,
            ],
        );
        let row: Value = serde_json::from_str(
            std::fs::read_to_string(&file)
                .unwrap()
                .lines()
                .next()
                .unwrap(),
        )
        .unwrap();
        assert_eq!(row["text"], "قهرمان");
        row["start"].as_u64().unwrap()
    };
    assert_eq!(start_in("codepoints"), s as u64);
    let utf16 = before.encode_utf16().count() as u64;
    assert_eq!(utf16, s as u64 + 1, "the emoji is two units");
    assert_eq!(start_in("utf16"), utf16);
    let refused = common::daftar(
        &[
            "export",
            "--what",
            "passages",
            "--format",
            "brat",
            "--out",
            &out.path().join("b").display().to_string(),
            "--positions",
            "utf16",
        ],
        d,
    );
    assert!(!refused.status.success());
    assert!(String::from_utf8_lossy(&refused.stderr).contains("code points"));
}
