//! Rows for spreadsheets and notebooks: CSV (UTF-8 with a byte-order mark
//! so spreadsheet programs show Persian; RFC 4180 quoting and CRLF between
//! records; line breaks inside a text stay `\n`), JSON Lines (one row per
//! line), and RON (the whole selection, texts included).

use serde::{Deserialize, Serialize};

use super::{ExportError, Selection};

/// One item with its article's metadata: a CSV record, a JSON line.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Row {
    pub kind: String,
    pub id: String,
    pub path: String,
    pub title: String,
    /// Gregorian, ISO.
    pub date: Option<String>,
    pub date_jalali: Option<String>,
    pub outlet: Option<String>,
    /// Code points into the article's text (as `daftar inspect` and the
    /// RON export give it), end exclusive.
    pub start: usize,
    pub end: usize,
    pub text: String,
    /// Up to 32 characters of context on each side (a concordance line).
    pub before: String,
    pub after: String,
    /// A passage's tags.
    pub tags: Vec<String>,
    pub note: String,
    pub annotator: String,
    pub created: String,
    pub speaker: Option<String>,
    /// `direct` or `indirect` speech.
    pub speech: Option<String>,
    pub side: Option<String>,
    pub pair: Option<usize>,
    pub similarity: Option<f64>,
    pub orphaned: bool,
}

/// The CSV header, in column order.
pub const COLUMNS: [&str; 22] = [
    "kind",
    "id",
    "path",
    "title",
    "date",
    "date_jalali",
    "outlet",
    "start",
    "end",
    "text",
    "before",
    "after",
    "tags",
    "note",
    "annotator",
    "created",
    "speaker",
    "speech",
    "side",
    "pair",
    "similarity",
    "orphaned",
];

/// How tags are joined in one CSV cell.
pub const TAG_SEPARATOR: &str = "; ";

pub fn rows(sel: &Selection) -> Vec<Row> {
    each_row(sel).collect()
}

/// The rows one at a time (a corpus's every statement is over a million).
pub fn each_row(sel: &Selection) -> impl Iterator<Item = Row> + '_ {
    let sources = sel.sources_by_path();
    sel.items.iter().map(move |i| {
        let s = sources.get(i.path.as_str());
        Row {
            kind: i.kind.clone(),
            id: i.id.clone(),
            path: i.path.clone(),
            title: s.map(|s| s.title.clone()).unwrap_or_default(),
            date: s.and_then(|s| s.date.clone()),
            date_jalali: s.and_then(|s| s.date_jalali.clone()),
            outlet: s.and_then(|s| s.outlet.clone()),
            start: i.start,
            end: i.end,
            text: i.text.clone(),
            before: i.prefix.clone(),
            after: i.suffix.clone(),
            tags: if i.kind == "passage" {
                i.codes.clone()
            } else {
                Vec::new()
            },
            note: i.note.clone(),
            annotator: i.annotator.clone(),
            created: i.created.clone(),
            speaker: i.speaker.clone(),
            speech: i.speech.clone(),
            side: i.side.clone(),
            pair: i.pair,
            similarity: i.similarity,
            orphaned: i.orphaned,
        }
    })
}

impl Row {
    /// The CSV record, in [`COLUMNS`] order (empty cells for nothing).
    pub fn record(&self) -> Vec<String> {
        let opt = |o: &Option<String>| o.clone().unwrap_or_default();
        vec![
            self.kind.clone(),
            self.id.clone(),
            self.path.clone(),
            self.title.clone(),
            opt(&self.date),
            opt(&self.date_jalali),
            opt(&self.outlet),
            self.start.to_string(),
            self.end.to_string(),
            self.text.clone(),
            self.before.clone(),
            self.after.clone(),
            self.tags.join(TAG_SEPARATOR),
            self.note.clone(),
            self.annotator.clone(),
            self.created.clone(),
            opt(&self.speaker),
            opt(&self.speech),
            opt(&self.side),
            self.pair.map(|p| p.to_string()).unwrap_or_default(),
            self.similarity.map(|s| s.to_string()).unwrap_or_default(),
            self.orphaned.to_string(),
        ]
    }
}

fn csv_err(e: csv::Error) -> ExportError {
    ExportError::Other(format!("CSV: {e}"))
}

pub fn csv(sel: &Selection, w: &mut dyn std::io::Write) -> Result<(), ExportError> {
    let io = |e: std::io::Error| ExportError::Other(e.to_string());
    w.write_all("\u{FEFF}".as_bytes()).map_err(io)?;
    let mut out = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .quote_style(csv::QuoteStyle::Necessary)
        .from_writer(w);
    out.write_record(COLUMNS).map_err(csv_err)?;
    for r in each_row(sel) {
        out.write_record(r.record()).map_err(csv_err)?;
    }
    out.flush().map_err(io)
}

pub fn jsonl(sel: &Selection, w: &mut dyn std::io::Write) -> Result<(), ExportError> {
    for r in each_row(sel) {
        let line = serde_json::to_string(&r).map_err(|e| ExportError::Other(e.to_string()))?;
        writeln!(w, "{line}").map_err(|e| ExportError::Other(e.to_string()))?;
    }
    Ok(())
}

pub fn ron(sel: &Selection, w: &mut dyn std::io::Write) -> Result<(), ExportError> {
    let other = |e: &dyn std::fmt::Display| ExportError::Other(e.to_string());
    writeln!(
        w,
        "// daftar export ({}); offsets are Unicode code points into each source's text.",
        sel.what.as_str()
    )
    .map_err(|e| other(&e))?;
    // Streamed: the selection can hold every text of the corpus.
    ron::Options::default()
        .to_io_writer_pretty(&mut *w, sel, ron::ser::PrettyConfig::default())
        .map_err(|e| other(&e))?;
    writeln!(w).map_err(|e| other(&e))
}
