//! Bytes → text. Real files come as UTF-8 (with or without BOM), UTF-16
//! with BOM, or legacy Windows-1256 (PERSIAN.md §1); truncated downloads
//! carry invalid bytes. A file is never dropped for bad bytes: they become
//! U+FFFD and a warning. Binary files are told apart and refused.

use crate::i18n::Notice;
use encoding_rs::{Encoding, UTF_8, UTF_16BE, UTF_16LE, WINDOWS_1256};

/// The decoded text of a file.
#[derive(Debug, Clone, PartialEq)]
pub struct Decoded {
    pub text: String,
    /// WHATWG name of the encoding used, lowercase (`utf-8`, `windows-1256`…).
    pub encoding: String,
    pub warnings: Vec<Notice>,
}

/// Why bytes could not be taken as text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DecodeError {
    /// NUL bytes and not UTF-16.
    Nul,
    /// Mostly control characters.
    Control,
}

impl DecodeError {
    /// The reason, for the user.
    pub fn notice(&self) -> Notice {
        Notice::new(match self {
            DecodeError::Nul => "problem-binary-nul",
            DecodeError::Control => "problem-binary-control",
        })
    }
}

impl std::fmt::Display for DecodeError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.notice().fmt(f)
    }
}

impl std::error::Error for DecodeError {}

/// Share of U+FFFD above which a file that is not valid UTF-8 is taken to
/// be in a legacy encoding rather than damaged UTF-8.
const DAMAGED_UTF8_MAX_SHARE: f64 = 0.02;

fn label(enc: &'static Encoding) -> String {
    enc.name().to_ascii_lowercase()
}

fn decode_with(enc: &'static Encoding, bytes: &[u8], bom_len: usize) -> Decoded {
    let (text, had_errors) = enc.decode_without_bom_handling(&bytes[bom_len..]);
    let mut warnings = Vec::new();
    if had_errors {
        let bad = text.chars().filter(|&c| c == '\u{FFFD}').count();
        warnings.push(
            Notice::new("warning-invalid-bytes")
                .num("n", bad)
                .with("encoding", label(enc)),
        );
    }
    Decoded {
        text: text.into_owned(),
        encoding: label(enc),
        warnings,
    }
}

/// UTF-32 from its byte-order mark (`FF FE 00 00` little-endian, `00 00
/// FE FF` big-endian). encoding_rs follows the WHATWG standard, which has no
/// UTF-32, and would take `FF FE 00 00` for UTF-16LE (a NUL between every
/// letter); the format itself is four bytes per code point, nothing more.
fn utf32_with_bom(bytes: &[u8]) -> Option<Decoded> {
    let big = match bytes.get(..4)? {
        [0xFF, 0xFE, 0, 0] => false,
        [0, 0, 0xFE, 0xFF] => true,
        _ => return None,
    };
    let body = &bytes[4..];
    let mut text = String::with_capacity(body.len() / 2);
    let mut bad = 0usize;
    for unit in body.chunks(4) {
        let c = <[u8; 4]>::try_from(unit)
            .ok()
            .map(|u| {
                if big {
                    u32::from_be_bytes(u)
                } else {
                    u32::from_le_bytes(u)
                }
            })
            .and_then(char::from_u32);
        match c {
            Some(c) => text.push(c),
            None => {
                bad += 1;
                text.push('\u{FFFD}');
            }
        }
    }
    let encoding = if big { "utf-32be" } else { "utf-32le" };
    let mut warnings = Vec::new();
    if bad > 0 {
        warnings.push(
            Notice::new("warning-invalid-bytes")
                .num("n", bad)
                .with("encoding", encoding),
        );
    }
    Some(Decoded {
        text,
        encoding: encoding.into(),
        warnings,
    })
}

/// Decodes a file's bytes.
pub fn decode(bytes: &[u8]) -> Result<Decoded, DecodeError> {
    // Before encoding_rs's BOM sniffing: a UTF-32LE mark starts with the
    // UTF-16LE one.
    if let Some(d) = utf32_with_bom(bytes) {
        return Ok(d);
    }
    if let Some((enc, bom_len)) = Encoding::for_bom(bytes) {
        return Ok(decode_with(enc, bytes, bom_len));
    }
    if bytes.contains(&0) {
        // UTF-16 without a BOM shows NULs in every other byte for ASCII and
        // 0x06 beside Arabic letters; anything else with NULs is binary.
        return utf16_without_bom(bytes).ok_or(DecodeError::Nul);
    }
    let decoded = match std::str::from_utf8(bytes) {
        Ok(text) => Decoded {
            text: text.to_string(),
            encoding: "utf-8".into(),
            warnings: Vec::new(),
        },
        Err(_) => {
            let lossy = decode_with(UTF_8, bytes, 0);
            let bad = lossy.text.chars().filter(|&c| c == '\u{FFFD}').count();
            let share = bad as f64 / lossy.text.chars().count().max(1) as f64;
            if share <= DAMAGED_UTF8_MAX_SHARE {
                lossy
            } else {
                legacy(bytes)
            }
        }
    };
    if looks_binary(&decoded.text) {
        return Err(DecodeError::Control);
    }
    Ok(decoded)
}

/// A legacy 8-bit encoding: Windows-1256 when it yields Arabic script,
/// otherwise chardetng's guess.
fn legacy(bytes: &[u8]) -> Decoded {
    let (as_1256, _) = WINDOWS_1256.decode_without_bom_handling(bytes);
    let arabic = as_1256
        .chars()
        .filter(|c| ('\u{0600}'..='\u{06FF}').contains(c))
        .count();
    let high = bytes.iter().filter(|b| **b >= 0x80).count();
    let enc = if high > 0 && arabic * 10 >= high * 6 {
        WINDOWS_1256
    } else {
        let mut det = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
        det.feed(bytes, true);
        // UTF-8 was already ruled out above.
        det.guess(None, chardetng::Utf8Detection::Deny)
    };
    let mut d = decode_with(enc, bytes, 0);
    d.warnings
        .push(Notice::new("warning-legacy-encoding").with("encoding", label(enc)));
    d
}

fn utf16_without_bom(bytes: &[u8]) -> Option<Decoded> {
    if bytes.len() < 4 {
        return None;
    }
    // In UTF-16 text the high byte of each unit is nearly always 0x00
    // (ASCII), 0x06 (Arabic script), 0x20 (ZWNJ, dashes) or 0xFB/0xFE
    // (presentation forms); the low bytes vary.
    let share = |start: usize, pred: &dyn Fn(u8) -> bool| {
        let picked: Vec<u8> = bytes.iter().skip(start).step_by(2).copied().collect();
        picked.iter().filter(|b| pred(**b)).count() as f64 / picked.len().max(1) as f64
    };
    let high = |b: u8| matches!(b, 0x00 | 0x06 | 0x20 | 0xFB | 0xFE);
    let nul = |b: u8| b == 0;
    let enc = if share(1, &high) > 0.9 && share(0, &nul) < 0.1 {
        UTF_16LE
    } else if share(0, &high) > 0.9 && share(1, &nul) < 0.1 {
        UTF_16BE
    } else {
        return None;
    };
    let mut d = decode_with(enc, bytes, 0);
    if looks_binary(&d.text) {
        return None;
    }
    d.warnings
        .push(Notice::new("warning-no-bom").with("encoding", label(enc)));
    Some(d)
}

/// More than 10% control characters (other than tab, CR, LF, FF) in the
/// first 64 KiB means this is not text.
fn looks_binary(text: &str) -> bool {
    let mut total = 0usize;
    let mut control = 0usize;
    for c in text.chars().take(65_536) {
        total += 1;
        if c.is_control() && !matches!(c, '\t' | '\n' | '\r' | '\u{0C}') {
            control += 1;
        }
    }
    total > 0 && control * 10 > total
}

#[cfg(test)]
mod tests {
    use super::*;

    const PERSIAN: &str = "رئیس‌جمهور گفت: همکاری ایران و روسیه ادامه دارد. ۱۴۰۳";

    fn utf16(text: &str, big_endian: bool, bom: bool) -> Vec<u8> {
        let mut out = Vec::new();
        if bom {
            out.extend(if big_endian {
                [0xFE, 0xFF]
            } else {
                [0xFF, 0xFE]
            });
        }
        for unit in text.encode_utf16() {
            out.extend(if big_endian {
                unit.to_be_bytes()
            } else {
                unit.to_le_bytes()
            });
        }
        out
    }

    #[test]
    fn every_encoding_is_read() {
        // Windows-1256 has no U+06CC FARSI YEH or ZWNJ-free issues: real
        // files in it use U+064A ARABIC YEH, as this text does.
        let arabic_yeh = "رئيس جمهور گفت: همکاري ايران و روسيه ادامه دارد.";
        let (cp1256, _, unmappable) = WINDOWS_1256.encode(arabic_yeh);
        assert!(!unmappable);
        let mut bom8 = vec![0xEF, 0xBB, 0xBF];
        bom8.extend(PERSIAN.as_bytes());
        let cases: Vec<(&str, Vec<u8>, &str, &str)> = vec![
            ("utf-8", PERSIAN.as_bytes().to_vec(), "utf-8", PERSIAN),
            ("utf-8 bom", bom8, "utf-8", PERSIAN),
            (
                "utf-16le bom",
                utf16(PERSIAN, false, true),
                "utf-16le",
                PERSIAN,
            ),
            (
                "utf-16be bom",
                utf16(PERSIAN, true, true),
                "utf-16be",
                PERSIAN,
            ),
            (
                "utf-16le no bom",
                utf16(PERSIAN, false, false),
                "utf-16le",
                PERSIAN,
            ),
            (
                "windows-1256",
                cp1256.into_owned(),
                "windows-1256",
                arabic_yeh,
            ),
        ];
        for (name, bytes, enc, text) in cases {
            let d = decode(&bytes).unwrap_or_else(|e| panic!("{name}: {e}"));
            assert_eq!(d.encoding, enc, "{name}");
            assert_eq!(d.text, text, "{name}");
        }
    }

    #[test]
    fn utf32_with_a_byte_order_mark_is_not_taken_for_utf16() {
        let le: Vec<u8> = [0xFF, 0xFE, 0, 0]
            .into_iter()
            .chain(PERSIAN.chars().flat_map(|c| (c as u32).to_le_bytes()))
            .collect();
        let be: Vec<u8> = [0, 0, 0xFE, 0xFF]
            .into_iter()
            .chain(PERSIAN.chars().flat_map(|c| (c as u32).to_be_bytes()))
            .collect();
        for (bytes, enc) in [(le, "utf-32le"), (be, "utf-32be")] {
            let d = decode(&bytes).expect("text");
            assert_eq!(d.encoding, enc);
            assert_eq!(d.text, PERSIAN);
            assert!(!d.text.contains('\0'));
        }
    }

    #[test]
    fn damaged_utf8_keeps_its_text_and_warns() {
        let mut bytes = PERSIAN.as_bytes().to_vec();
        bytes.truncate(bytes.len() - 1); // cut inside the last ۳
        bytes.extend(PERSIAN.as_bytes());
        let d = decode(&bytes).expect("still text");
        assert_eq!(d.encoding, "utf-8");
        assert_eq!(d.text.matches('\u{FFFD}').count(), 1);
        assert!(d.text.ends_with(PERSIAN));
        assert!(
            d.warnings[0].to_string().contains("1 invalid"),
            "{:?}",
            d.warnings
        );
    }

    #[test]
    fn binary_is_refused() {
        let png = [
            0x89, b'P', b'N', b'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 1, 2, 3,
        ];
        assert!(decode(&png).is_err());
        let controls: Vec<u8> = (0..200u8).map(|i| i % 8 + 1).collect();
        assert_eq!(decode(&controls), Err(DecodeError::Control));
    }
}
