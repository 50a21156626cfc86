//! An article's mentions, statements and unconfirmed names, packed into
//! one shared buffer of variable-length numbers. A hundred thousand
//! articles have three million mentions and over a million statements:
//! as structs they took 1.3 kB per article, the largest part of an open
//! corpus; packed they take about a third of that, and are unpacked where
//! they are used (a count, a filter, the rows on screen) at a few
//! nanoseconds each.
//!
//! Names are packed as their numbers in the process's table
//! ([`super::found::Name`]): a buffer means nothing to another process.
//! The store writes what it unpacks to ([`Findings`] serialises as the
//! three lists, names as text).

use std::ops::Range;
use std::sync::Arc;

use super::found::{EntityKind, EntityRef, Evidence, Mention, Name, Statement, StatementKind, Via};

/// An article's mentions (in text order), statements and unconfirmed
/// names (byte ranges), packed. Cloning shares the buffer.
#[derive(Clone, PartialEq, Eq)]
pub struct Findings(Arc<[u8]>);

impl Default for Findings {
    fn default() -> Findings {
        Findings::new(&[], &[], &[])
    }
}

impl Findings {
    pub fn new(
        mentions: &[Mention],
        statements: &[Statement],
        unconfirmed: &[(u32, u32)],
    ) -> Findings {
        let mut m = Vec::with_capacity(mentions.len() * 8);
        let mut prev = 0u32;
        for x in mentions {
            put_delta(&mut m, prev, x.start);
            put_delta(&mut m, x.start, x.end);
            prev = x.start;
            put_entity(&mut m, &x.entity);
            put(
                &mut m,
                (u64::from(via_code(x.via)) << 1) | u64::from(x.role.is_some()),
            );
            if let Some(r) = x.role {
                put(&mut m, u64::from(r.number()));
            }
        }
        let mut s = Vec::with_capacity(statements.len() * 16);
        for x in statements {
            let flags = u64::from(x.speaker.is_some())
                | (u64::from(x.mention.is_some()) << 1)
                | (u64::from(x.kind == StatementKind::Indirect) << 2);
            put(&mut s, flags);
            if let Some(e) = &x.speaker {
                put_entity(&mut s, e);
            }
            if let Some(r) = &x.mention {
                put_range(&mut s, r);
            }
            put_range(&mut s, &x.cue);
            put_range(&mut s, &x.range);
        }
        let mut u = Vec::with_capacity(unconfirmed.len() * 4);
        for &(start, end) in unconfirmed {
            put_range(&mut u, &(start..end));
        }
        let mut all = Vec::with_capacity(m.len() + s.len() + u.len() + 12);
        for n in [
            mentions.len(),
            m.len(),
            statements.len(),
            s.len(),
            unconfirmed.len(),
        ] {
            put(&mut all, n as u64);
        }
        all.extend_from_slice(&m);
        all.extend_from_slice(&s);
        all.extend_from_slice(&u);
        Findings(all.into())
    }

    /// The counts and where each part's bytes start: (mentions,
    /// statements, unconfirmed) as (count, byte range).
    fn parts(&self) -> [(usize, Range<usize>); 3] {
        let mut r = Reader { b: &self.0, at: 0 };
        let mut n = [0usize; 5];
        for x in &mut n {
            *x = r.get().unwrap_or(0) as usize;
        }
        let m = r.at..r.at.saturating_add(n[1]).min(self.0.len());
        let s = m.end..m.end.saturating_add(n[3]).min(self.0.len());
        let u = s.end..self.0.len();
        [(n[0], m), (n[2], s), (n[4], u)]
    }

    pub fn mentions(&self) -> Mentions<'_> {
        let (left, r) = self.parts()[0].clone();
        Mentions {
            r: Reader {
                b: &self.0[r],
                at: 0,
            },
            left,
            prev: 0,
        }
    }

    pub fn statements(&self) -> Statements<'_> {
        let (left, r) = self.parts()[1].clone();
        Statements {
            r: Reader {
                b: &self.0[r],
                at: 0,
            },
            left,
        }
    }

    /// Statement `i` (statements are referred to by article and place).
    pub fn statement(&self, i: usize) -> Option<Statement> {
        self.statements().nth(i)
    }

    pub fn unconfirmed(&self) -> Unconfirmed<'_> {
        let (left, r) = self.parts()[2].clone();
        Unconfirmed {
            r: Reader {
                b: &self.0[r],
                at: 0,
            },
            left,
        }
    }

    /// The buffer's size in bytes.
    pub fn bytes(&self) -> usize {
        self.0.len()
    }
}

impl std::fmt::Debug for Findings {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Findings")
            .field("mentions", &self.mentions().collect::<Vec<_>>())
            .field("statements", &self.statements().collect::<Vec<_>>())
            .field("unconfirmed", &self.unconfirmed().collect::<Vec<_>>())
            .finish()
    }
}

/// What is stored: the three lists (names as text).
#[derive(serde::Serialize, serde::Deserialize)]
struct Lists {
    mentions: Vec<Mention>,
    statements: Vec<Statement>,
    unconfirmed: Vec<(u32, u32)>,
}

impl serde::Serialize for Findings {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        Lists {
            mentions: self.mentions().collect(),
            statements: self.statements().collect(),
            unconfirmed: self.unconfirmed().collect(),
        }
        .serialize(s)
    }
}

impl<'de> serde::Deserialize<'de> for Findings {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Findings, D::Error> {
        let l = Lists::deserialize(d)?;
        Ok(Findings::new(&l.mentions, &l.statements, &l.unconfirmed))
    }
}

/// The mentions, unpacked one by one.
pub struct Mentions<'a> {
    r: Reader<'a>,
    left: usize,
    prev: u32,
}

impl Iterator for Mentions<'_> {
    type Item = Mention;
    fn next(&mut self) -> Option<Mention> {
        let (r, prev) = (&mut self.r, &mut self.prev);
        step(&mut self.left, || {
            let start = r.delta(*prev)?;
            let end = r.delta(start)?;
            let entity = r.entity()?;
            let v = r.get()?;
            let via = via_of(u8::try_from(v >> 1).ok()?)?;
            let role = if v & 1 == 1 {
                Some(Name::from_number(u32::try_from(r.get()?).ok()?)?)
            } else {
                None
            };
            *prev = start;
            Some(Mention {
                entity,
                start,
                end,
                via,
                role,
            })
        })
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        (0, Some(self.left))
    }
}

/// The statements, unpacked one by one.
pub struct Statements<'a> {
    r: Reader<'a>,
    left: usize,
}

impl Iterator for Statements<'_> {
    type Item = Statement;
    fn next(&mut self) -> Option<Statement> {
        let r = &mut self.r;
        step(&mut self.left, || {
            let flags = r.get()?;
            let speaker = if flags & 1 == 1 {
                Some(r.entity()?)
            } else {
                None
            };
            let mention = if flags & 2 == 2 {
                Some(r.range()?)
            } else {
                None
            };
            let cue = r.range()?;
            let range = r.range()?;
            let kind = if flags & 4 == 4 {
                StatementKind::Indirect
            } else {
                StatementKind::Direct
            };
            Some(Statement {
                speaker,
                mention,
                cue,
                kind,
                range,
            })
        })
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        (0, Some(self.left))
    }
}

/// The unconfirmed names' byte ranges, unpacked one by one.
pub struct Unconfirmed<'a> {
    r: Reader<'a>,
    left: usize,
}

impl Iterator for Unconfirmed<'_> {
    type Item = (u32, u32);
    fn next(&mut self) -> Option<(u32, u32)> {
        let r = &mut self.r;
        step(&mut self.left, || r.range().map(|r| (r.start, r.end)))
    }
}

/// One more of `left` items, read by `read`: none once they are all read,
/// nor after a buffer that ends too soon.
fn step<T>(left: &mut usize, read: impl FnOnce() -> Option<T>) -> Option<T> {
    if *left == 0 {
        return None;
    }
    *left -= 1;
    let x = read();
    if x.is_none() {
        *left = 0;
    }
    x
}

/// Appends `v` as LEB128: seven bits a byte, low first.
fn put(out: &mut Vec<u8>, mut v: u64) {
    while v >= 0x80 {
        out.push((v as u8) | 0x80);
        v >>= 7;
    }
    out.push(v as u8);
}

/// `to` as its distance from `from`, zigzagged (either way).
fn put_delta(out: &mut Vec<u8>, from: u32, to: u32) {
    let d = i64::from(to) - i64::from(from);
    put(out, ((d << 1) ^ (d >> 63)) as u64);
}

fn put_range(out: &mut Vec<u8>, r: &Range<u32>) {
    put(out, u64::from(r.start));
    put_delta(out, r.start, r.end);
}

/// An entity as one number: its kind of reference in the low two bits,
/// a named body's kind in the next two.
fn put_entity(out: &mut Vec<u8>, e: &EntityRef) {
    let v = match e {
        EntityRef::Known(i) => u64::from(*i) << 2,
        EntityRef::Candidate(n) => (u64::from(n.number()) << 2) | 1,
        EntityRef::Named(n, k) => {
            let kind = match k {
                EntityKind::Person => 0,
                EntityKind::Place => 1,
                EntityKind::Org => 2,
            };
            (u64::from(n.number()) << 4) | (kind << 2) | 2
        }
    };
    put(out, v);
}

const EVIDENCE: [Evidence; 5] = [
    Evidence::Honorific,
    Evidence::Role,
    Evidence::Says,
    Evidence::FamilyName,
    Evidence::HeadNoun,
];

fn via_code(v: Via) -> u8 {
    match v {
        Via::Name => 0,
        Via::Title => 1,
        Via::Cue(e) => 2 + EVIDENCE.iter().position(|x| *x == e).unwrap_or(0) as u8,
    }
}

fn via_of(c: u8) -> Option<Via> {
    match c {
        0 => Some(Via::Name),
        1 => Some(Via::Title),
        c => EVIDENCE.get(usize::from(c) - 2).map(|e| Via::Cue(*e)),
    }
}

/// Reads numbers back; `None` past the end (a buffer is only ever made
/// by [`Findings::new`], but nothing here panics on one cut short).
struct Reader<'a> {
    b: &'a [u8],
    at: usize,
}

impl Reader<'_> {
    fn get(&mut self) -> Option<u64> {
        let mut v = 0u64;
        let mut shift = 0;
        loop {
            let byte = *self.b.get(self.at)?;
            self.at += 1;
            v |= u64::from(byte & 0x7f).checked_shl(shift)?;
            if byte < 0x80 {
                return Some(v);
            }
            shift += 7;
            if shift > 63 {
                return None;
            }
        }
    }

    fn delta(&mut self, from: u32) -> Option<u32> {
        let z = self.get()?;
        let d = ((z >> 1) as i64) ^ -((z & 1) as i64);
        u32::try_from(i64::from(from) + d).ok()
    }

    fn range(&mut self) -> Option<Range<u32>> {
        let start = u32::try_from(self.get()?).ok()?;
        Some(start..self.delta(start)?)
    }

    fn entity(&mut self) -> Option<EntityRef> {
        let v = self.get()?;
        let name = |n: u64| Name::from_number(u32::try_from(n).ok()?);
        Some(match v & 3 {
            0 => EntityRef::Known(u32::try_from(v >> 2).ok()?),
            1 => EntityRef::Candidate(name(v >> 2)?),
            2 => {
                let kind = *EntityKind::ALL.get(((v >> 2) & 3) as usize)?;
                EntityRef::Named(name(v >> 4)?, kind)
            }
            _ => return None,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mention(entity: EntityRef, start: u32, end: u32, via: Via, role: Option<&str>) -> Mention {
        Mention {
            entity,
            start,
            end,
            via,
            role: role.map(Name::new),
        }
    }

    #[test]
    fn findings_read_back_as_they_were_given() {
        let sadr = Name::new("مریم صدرزاده");
        let body = Name::new("سازمان حفاظت محیط زیست");
        let mentions = vec![
            mention(EntityRef::Known(0), 0, 10, Via::Name, None),
            mention(EntityRef::Known(70_000), 12, 40, Via::Title, None),
            mention(
                EntityRef::Candidate(sadr),
                41,
                66,
                Via::Cue(Evidence::Role),
                Some("معاون وزیر"),
            ),
            mention(
                EntityRef::Named(body, EntityKind::Org),
                300_000,
                300_040,
                Via::Cue(Evidence::HeadNoun),
                None,
            ),
            // (Out of order, and long: still as given.)
            mention(
                EntityRef::Named(body, EntityKind::Place),
                5,
                4_000_000,
                Via::Name,
                None,
            ),
        ];
        let statements = vec![
            Statement {
                speaker: Some(EntityRef::Candidate(sadr)),
                mention: Some(41..66),
                cue: 70..74,
                kind: StatementKind::Indirect,
                range: 75..200,
            },
            Statement {
                speaker: None,
                mention: None,
                cue: 1_000_000..1_000_008,
                kind: StatementKind::Direct,
                range: 900_000..999_999,
            },
        ];
        let unconfirmed = vec![(3, 9), (4_000_000, 4_000_020)];
        let f = Findings::new(&mentions, &statements, &unconfirmed);
        assert_eq!(f.mentions().collect::<Vec<_>>(), mentions);
        assert_eq!(f.statements().collect::<Vec<_>>(), statements);
        assert_eq!(f.statement(1), Some(statements[1].clone()));
        assert_eq!(f.statement(2), None);
        assert_eq!(f.unconfirmed().collect::<Vec<_>>(), unconfirmed);
        // Smaller than the structs: what the packing is for.
        let structs = mentions.len() * std::mem::size_of::<Mention>()
            + statements.len() * std::mem::size_of::<Statement>()
            + unconfirmed.len() * 8;
        assert!(f.bytes() * 2 < structs, "{} bytes", f.bytes());
        // As the store writes and reads it.
        let bytes = postcard::to_allocvec(&f).expect("written");
        let back: Findings = postcard::from_bytes(&bytes).expect("read");
        assert_eq!(back, f);
        let none = Findings::default();
        assert_eq!(none.mentions().count() + none.statements().count(), 0);
    }

    #[test]
    fn a_buffer_cut_short_gives_what_it_has_and_stops() {
        let m: Vec<Mention> = (0..50)
            .map(|i| mention(EntityRef::Known(i), i * 10, i * 10 + 5, Via::Name, None))
            .collect();
        let f = Findings::new(&m, &[], &[]);
        for cut in 0..f.bytes() {
            let short = Findings(f.0[..cut].into());
            let got: Vec<Mention> = short.mentions().collect();
            assert!(got.len() <= m.len());
            assert_eq!(got[..], m[..got.len()]);
            assert_eq!(short.statements().count(), 0);
        }
    }
}
