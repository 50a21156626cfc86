//! The Statistics view's tables as rows of cells, worded in the
//! interface's language: what the view draws and sorts, and what it saves
//! as CSV and JSON Lines (the file's columns are the command's JSON
//! names). Apart from the panel so that it holds only drawing.

use super::stats::Answer;
use crate::stats::Words;
use crate::tr;

/// A table's rows as text cells, ready to draw, sort and save.
pub struct Table {
    /// Column names for files (the contract's names).
    pub fields: Vec<&'static str>,
    /// Column titles shown.
    pub titles: Vec<String>,
    /// Per row: cells (the first is the word), and what a click does.
    pub rows: Vec<Row>,
    pub summary: String,
}

pub struct Row {
    pub cells: Vec<Cell>,
    /// Spellings of the word (on hover).
    pub spellings: String,
    pub click: Click,
}

#[derive(Clone)]
pub enum Cell {
    Text(String),
    Int(u64),
    Num(f64),
}

impl Cell {
    pub fn shown(&self) -> String {
        match self {
            Cell::Text(s) => s.clone(),
            Cell::Int(n) => crate::i18n::num(n),
            Cell::Num(x) if x.is_finite() => crate::i18n::digits(&format!("{x:.2}")),
            Cell::Num(_) => "–".into(),
        }
    }

    pub fn json(&self) -> serde_json::Value {
        match self {
            Cell::Text(s) => s.clone().into(),
            Cell::Int(n) => (*n).into(),
            Cell::Num(x) if x.is_finite() => ((x * 1e4).round() / 1e4).into(),
            Cell::Num(_) => serde_json::Value::Null,
        }
    }

    pub fn order(&self, other: &Cell) -> std::cmp::Ordering {
        match (self, other) {
            (Cell::Int(a), Cell::Int(b)) => a.cmp(b),
            (Cell::Num(a), Cell::Num(b)) => a.total_cmp(b),
            (a, b) => crate::text::sort_key(&a.shown()).cmp(&crate::text::sort_key(&b.shown())),
        }
    }
}

/// What a click on a row does.
#[derive(Clone)]
pub enum Click {
    /// Show this word's collocates.
    Collocates(String),
    /// The concordance of the node with this collocate (its key).
    Pair(u32),
    /// The concordance of a keyword on each side.
    Keyword(u32),
    None,
}

/// A word's spellings for its tooltip («می‌کند ۱۲ · میکند ۳»).
fn spellings(words: &Words, id: u32) -> String {
    let all = words.spellings(id);
    if all.len() < 2 {
        return String::new();
    }
    all.iter()
        .map(|(s, n)| {
            let hint = unseen(s);
            let hint = if hint.is_empty() {
                String::new()
            } else {
                format!(" ({hint})")
            };
            format!("{s}{hint} {}", crate::i18n::num(n))
        })
        .collect::<Vec<_>>()
        .join(" · ")
}

/// What sets a spelling apart that the font does not show: Arabic yeh
/// (drawn as Persian yeh), invisible marks — named, so «این» and «اين»
/// are not listed as the same word twice.
fn unseen(s: &str) -> String {
    let mut out: Vec<String> = Vec::new();
    let mut note = |t: String| {
        if !out.contains(&t) {
            out.push(t);
        }
    };
    for c in s.chars() {
        match c {
            '\u{064A}' | '\u{0649}' => note(tr!("stats-spelling-arabic-yeh")),
            '\u{200D}'
            | '\u{200E}'
            | '\u{200F}'
            | '\u{061C}'
            | '\u{FEFF}'
            | '\u{202A}'..='\u{202E}'
            | '\u{2066}'..='\u{2069}' => note(tr!("stats-spelling-invisible")),
            _ => {}
        }
    }
    out.join("، ")
}

pub fn to_table(answer: &Answer, words: &Words) -> Table {
    let word = |id: u32| Cell::Text(words.form(id).to_string());
    match answer {
        Answer::Words(rows, t) => Table {
            fields: vec!["form", "freq", "per_million", "docs", "dispersion"],
            titles: vec![
                tr!("stats-col-word"),
                tr!("stats-col-freq"),
                tr!("stats-col-per-million"),
                tr!("stats-col-docs"),
                tr!("stats-col-dp"),
            ],
            rows: rows
                .iter()
                .map(|r| Row {
                    cells: vec![
                        word(r.id),
                        Cell::Int(r.freq),
                        Cell::Num(r.per_million),
                        Cell::Int(r.docs as u64),
                        Cell::Num(r.dispersion),
                    ],
                    spellings: spellings(words, r.id),
                    click: Click::Collocates(words.form(r.id).to_string()),
                })
                .collect(),
            summary: tr!(
                "stats-summary",
                words = t.tokens as i64,
                articles = t.articles as i64,
                types = rows.len() as i64
            ),
        },
        Answer::Ngrams(rows, tokens, _) => Table {
            fields: vec!["form", "freq", "docs"],
            titles: vec![
                tr!("stats-col-ngram"),
                tr!("stats-col-freq"),
                tr!("stats-col-docs"),
            ],
            rows: rows
                .iter()
                .map(|g| Row {
                    cells: vec![
                        Cell::Text(
                            g.ids
                                .iter()
                                .map(|&i| words.form(i))
                                .collect::<Vec<_>>()
                                .join(" "),
                        ),
                        Cell::Int(g.freq),
                        Cell::Int(g.docs as u64),
                    ],
                    spellings: String::new(),
                    click: Click::None,
                })
                .collect(),
            summary: tr!(
                "stats-summary-ngrams",
                words = *tokens as i64,
                n = rows.len() as i64
            ),
        },
        Answer::Collocates(c) => Table {
            fields: vec!["form", "freq", "log_dice", "mi", "t", "ll"],
            titles: vec![
                tr!("stats-col-collocate"),
                tr!("stats-col-freq"),
                "log-Dice".into(),
                "MI".into(),
                "t".into(),
                tr!("stats-col-ll"),
            ],
            rows: c
                .rows
                .iter()
                .map(|x| Row {
                    cells: vec![
                        word(x.id),
                        Cell::Int(x.freq),
                        Cell::Num(x.log_dice),
                        Cell::Num(x.mi),
                        Cell::Num(x.t),
                        Cell::Num(x.ll),
                    ],
                    spellings: spellings(words, x.id),
                    click: Click::Pair(x.id),
                })
                .collect(),
            summary: tr!(
                "stats-summary-collocates",
                node = c.node_freq as i64,
                words = c.tokens as i64
            ),
        },
        Answer::Keyness(k) => Table {
            fields: vec!["form", "left_freq", "right_freq", "ll", "log_ratio"],
            titles: vec![
                tr!("stats-col-word"),
                tr!("stats-col-left"),
                tr!("stats-col-right"),
                tr!("stats-col-ll"),
                tr!("stats-col-log-ratio"),
            ],
            rows: k
                .rows
                .iter()
                .map(|x| Row {
                    cells: vec![
                        word(x.id),
                        Cell::Int(x.left_freq),
                        Cell::Int(x.right_freq),
                        Cell::Num(x.ll),
                        Cell::Num(x.log_ratio),
                    ],
                    spellings: spellings(words, x.id),
                    click: Click::Keyword(x.id),
                })
                .collect(),
            summary: tr!(
                "stats-summary-keyness",
                left = k.left.tokens as i64,
                right = k.right.tokens as i64
            ),
        },
        Answer::Dispersion(d) => Table {
            fields: vec!["period", "freq", "per_million"],
            titles: vec![
                tr!("stats-col-period"),
                tr!("stats-col-freq"),
                tr!("stats-col-per-million"),
            ],
            rows: Vec::new(),
            summary: tr!(
                "stats-summary-dispersion",
                hits = d.iter().map(|x| x.1.hits.len()).sum::<usize>() as i64,
                articles = d.first().map_or(0, |x| x.1.order.len()) as i64
            ),
        },
    }
}

pub fn table_csv(t: &Table) -> Result<Vec<u8>, String> {
    let mut w = csv::Writer::from_writer(Vec::new());
    w.write_record(&t.fields).map_err(|e| e.to_string())?;
    for r in &t.rows {
        let cells: Vec<String> = r
            .cells
            .iter()
            .map(|c| match c {
                Cell::Text(s) => s.clone(),
                c => c.json().to_string(),
            })
            .collect();
        w.write_record(&cells).map_err(|e| e.to_string())?;
    }
    w.into_inner().map_err(|e| e.to_string())
}

pub fn table_jsonl(t: &Table) -> Vec<u8> {
    let mut out = Vec::new();
    for r in &t.rows {
        let obj: serde_json::Map<String, serde_json::Value> = t
            .fields
            .iter()
            .zip(&r.cells)
            .map(|(f, c)| (f.to_string(), c.json()))
            .collect();
        out.extend_from_slice(serde_json::Value::Object(obj).to_string().as_bytes());
        out.push(b'\n');
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_spelling_the_font_draws_alike_is_named() {
        crate::i18n::set(crate::i18n::Lang::En, false);
        assert_eq!(super::unseen("اين"), "Arabic yeh");
        assert_eq!(super::unseen("این"), "");
        assert_eq!(super::unseen("\u{200F}این"), "an invisible mark");
    }
}
