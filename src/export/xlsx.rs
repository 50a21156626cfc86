//! A spreadsheet (`.xlsx`) of the same rows as CSV and JSON Lines, made to
//! open right in LibreOffice and Excel as they are: the sheet right to
//! left, Persian as written (no import dialog, no encoding to choose),
//! dates as text in both calendars (a spreadsheet's own date would turn
//! 1403-07-27 into a Gregorian day), `orphaned` as a word, positions and
//! scores as numbers, the header bold and frozen, columns wide enough to
//! read. CSV stays for scripts.

use rust_xlsxwriter::{Format, Workbook, XlsxError};

use super::tabular::{COLUMNS, Row, each_row};
use super::{ExportError, Selection};

/// What a cell holds at most, in UTF-16 units (Excel's limit).
pub const CELL_LIMIT: usize = 32_767;

/// Rows a sheet holds, the header's among them (Excel's limit).
pub const ROW_LIMIT: usize = 1_048_576;

/// What ends a text cut to fit a cell.
pub const CUT: &str = " […]";

/// `s` cut to fit a cell, ending with [`CUT`] when cut (an article's whole
/// text can be longer; CSV and JSON Lines keep it whole).
pub fn fitted(s: &str) -> std::borrow::Cow<'_, str> {
    if s.encode_utf16().count() <= CELL_LIMIT {
        return std::borrow::Cow::Borrowed(s);
    }
    let room = CELL_LIMIT - CUT.encode_utf16().count();
    let mut units = 0;
    let end = s
        .char_indices()
        .find(|(_, c)| {
            units += c.len_utf16();
            units > room
        })
        .map_or(s.len(), |(i, _)| i);
    std::borrow::Cow::Owned(format!("{}{CUT}", &s[..end]))
}

fn err(e: XlsxError) -> ExportError {
    ExportError::Other(format!("xlsx: {e}"))
}

/// A column's width in characters.
fn width(column: &str) -> f64 {
    match column {
        "text" => 60.0,
        "title" | "note" => 40.0,
        "before" | "after" => 32.0,
        "path" | "tags" | "speaker" | "outlet" => 24.0,
        "id" | "start" | "end" | "pair" | "side" => 8.0,
        _ => 14.0,
    }
}

/// The cells of one row, in [`COLUMNS`] order: text, or a number.
enum Cell {
    Text(String),
    Number(f64),
}

fn cells(r: &Row) -> Vec<Cell> {
    let record = r.record();
    COLUMNS
        .iter()
        .zip(record)
        .map(|(column, value)| match *column {
            "start" | "end" | "pair" | "similarity" => match value.parse::<f64>() {
                Ok(n) => Cell::Number(n),
                Err(_) => Cell::Text(value),
            },
            "orphaned" => Cell::Text(if r.orphaned { "yes" } else { "no" }.into()),
            _ => Cell::Text(value),
        })
        .collect()
}

/// The workbook's bytes.
pub fn xlsx(sel: &Selection) -> Result<Vec<u8>, ExportError> {
    if sel.items.len() >= ROW_LIMIT {
        return Err(ExportError::Refused(format!(
            "{} rows do not fit a sheet ({} at most): export CSV or JSON Lines, or fewer {}",
            sel.items.len(),
            ROW_LIMIT - 1,
            sel.what.as_str()
        )));
    }
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    sheet.set_name(sel.what.as_str()).map_err(err)?;
    sheet.set_right_to_left(true);
    let head = Format::new().set_bold();
    let text = Format::new().set_text_wrap();
    for (c, column) in COLUMNS.iter().enumerate() {
        let c = c as u16;
        sheet
            .write_string_with_format(0, c, *column, &head)
            .map_err(err)?;
        sheet.set_column_width(c, width(column)).map_err(err)?;
    }
    sheet.set_freeze_panes(1, 0).map_err(err)?;
    for (n, row) in each_row(sel).enumerate() {
        let r = n as u32 + 1;
        for (c, cell) in cells(&row).into_iter().enumerate() {
            let c = c as u16;
            match cell {
                Cell::Number(x) => sheet.write_number(r, c, x).map(|_| ()),
                Cell::Text(s) if s.is_empty() => Ok(()),
                Cell::Text(s) if COLUMNS[c as usize] == "text" => sheet
                    .write_string_with_format(r, c, fitted(&s), &text)
                    .map(|_| ()),
                Cell::Text(s) => sheet.write_string(r, c, fitted(&s)).map(|_| ()),
            }
            .map_err(err)?;
        }
    }
    book.save_to_buffer().map_err(err)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_text_longer_than_a_cell_is_cut_to_fit_and_says_so() {
        let short = "متن کوتاه";
        assert_eq!(fitted(short), short);
        // Persian letters and emoji (two units each) past the limit.
        let long = "خبر 🏆 ".repeat(CELL_LIMIT / 4);
        let cut = fitted(&long);
        assert!(cut.encode_utf16().count() <= CELL_LIMIT);
        assert!(cut.ends_with(CUT));
        assert!(long.starts_with(cut.trim_end_matches(CUT)));
        let mut book = Workbook::new();
        let sheet = book.add_worksheet();
        sheet.write_string(0, 0, cut.as_ref()).unwrap();
        assert!(
            sheet.write_string(1, 0, long.as_str()).is_err(),
            "the limit is real"
        );
    }
}
