//! Who said what (PERSIAN.md §4): statements found from reporting cues
//! (گفت, افزود, تصریح کرد …) in the headline, lead and paragraphs, each with
//! its speaker, the mention that named the speaker, the cue, whether it is
//! quoted (direct) or reported (indirect), and the range of what was said.
//!
//! - Direct: `CUE: «…»`, `CUE: …` to the end of the paragraph, or — when
//!   nothing follows the colon — the next paragraph.
//! - Indirect: `CUE که …` (or `CUE، …`, `CUE تا …`) to the end of the
//!   sentence; a lead's «X … گفته …» the same way.
//! - Headlines: a kicker «X در …:» over the title, or a title «X: …».
//! - Speaker: the first person named in the sentence before the cue (after
//!   «به گزارش …،» and «به نقل از …»), titles already resolved to the
//!   office holder (see [`super::entities`]); «وی»/«او» or no subject at
//!   all: the previous sentence's subject; «به گفته یک دیپلمات» and other
//!   unnamed sources: no speaker, never the last named person.
//! - Not statements: «تبریک گفت» and other set phrases, «X عنوان کرد و
//!   گفت» (the second cue is the statement), names in guillemets.

use std::ops::Range;

use super::entities::{EntityRef, Mention};
use super::gazetteer::{EntityKind, Gazetteer};
use crate::corpus::found::narrow;
use crate::text::tokenize::{Token, tokenize};

pub use crate::corpus::found::{Statement, StatementKind};

/// Reporting verbs (joined search keys, see [`super::gazetteer::joined_key`]).
const CUES: &[&str] = &[
    "گفت",
    "افزود",
    "ادامهداد",
    "نوشت",
    "تصریحکرد",
    "اظهارداشت",
    "اظهارکرد",
    "خاطرنشانکرد",
    "تاکیدکرد",
    "عنوانکرد",
    "اعلامکرد",
    "توضیحداد",
    "یاداورشد",
    "ابرازامیدواریکرد",
    "اظهارامیدواریکرد",
    "بیانکرد",
    "میگوید",
    "گفتهاست",
    "گفته",
    "افزودهاست",
    "نوشتهاست",
];

/// Words before گفت that make a set phrase, not a report.
const SET_PHRASES: &[&str] = &[
    "تبریک",
    "تسلیت",
    "خوشامد",
    "خیرمقدم",
    "سخن",
    "دروغ",
    "ناسزا",
];

/// Most words a cue has.
const CUE_WORDS: usize = 3;

/// A paragraph-like block of the article.
struct Block {
    range: Range<usize>,
}

/// Finds the statements of an article. `mentions` are its entity mentions
/// (titles already resolved); `title`, `kicker`, `lead` and `paragraphs`
/// its parts.
pub fn statements(
    g: &Gazetteer,
    text: &str,
    mentions: &[Mention],
    parts: &ArticleParts,
) -> Vec<Statement> {
    // Speakers: people, and an organisation that opens its sentence
    // («وزارت نیرو اعلام کرد …», «به گزارش مهر، سازمان غذا و دارو …
    // اعلام کرد»); one named inside a person's role («رئیس‌کل بانک
    // مرکزی، …») or later in the sentence does not speak.
    let opens_sentence = |m: &Mention| {
        let before = text[..m.start as usize].trim_end_matches([' ', '\u{200C}']);
        // «روابط عمومی استانداری … اعلام کرد»: the body's office speaks
        // for it.
        let before = before
            .strip_suffix("روابط عمومی")
            .or_else(|| before.strip_suffix("روابط\u{200C}عمومی"))
            .map_or(before, |b| b.trim_end_matches([' ', '\u{200C}']));
        let ends = ['.', '!', '؟', '?', '\n', '؛'];
        if before.is_empty() || before.ends_with(ends) {
            return true;
        }
        if !before.ends_with('،') {
            return false;
        }
        // After a comma: the clause before it is a report clause («به
        // گزارش مهر، …») or a short opening phrase that names no one («از
        // سوی دیگر، …», «در همین روز، …»).
        // (The clause is short: a few hundred bytes back at most, so a
        // long line costs no more per mention.)
        let from = before.floor_char_boundary(before.len().saturating_sub(300));
        let near = &before[from..];
        let sentence = near
            .char_indices()
            .rev()
            .find(|(_, c)| ends.contains(c))
            .map_or(0, |(i, c)| i + c.len_utf8());
        let clause = near[sentence..].trim_start();
        let clause_at = (from + sentence) as u32;
        clause.starts_with("به گزارش")
            || clause.starts_with("به نقل از")
            || (clause.split_whitespace().count() <= 6
                && !clause[..clause.len() - '،'.len_utf8()].contains(['،', '«'])
                && mentions
                    .get(mentions.partition_point(|o| o.start < clause_at))
                    .is_none_or(|o| o.start >= m.start))
    };
    let persons: Vec<&Mention> = mentions
        .iter()
        .filter(|m| {
            let kind = match &m.entity {
                EntityRef::Known(e) => g.entities.get(*e as usize).map(|x| x.kind),
                EntityRef::Candidate(_) => Some(EntityKind::Person),
                EntityRef::Named(_, k) => Some(*k),
            };
            match kind {
                Some(EntityKind::Person) => true,
                Some(EntityKind::Org) => opens_sentence(m),
                _ => false,
            }
        })
        .collect();
    let mut out = Vec::new();
    let mut last_subject: Option<(EntityRef, Range<usize>)> = None;

    // Headline: «X در …:» over the title, or «X: …» in the title.
    if let Some(title) = &parts.title {
        // The speaker opens the kicker («دکتر روحانی در …:»), at most an
        // honorific before the name; «در گفت‌وگو با X:» names the other side.
        if let Some(k) = &parts.kicker
            && text[k.clone()].trim_end().ends_with(':')
            && let Some(m) = persons
                .iter()
                .find(|m| m.start as usize >= k.start && (m.end as usize) <= k.end)
            && text[k.start..m.start as usize].split_whitespace().count() <= 2
            && !text[k.start..m.start as usize].contains("با")
        {
            let colon = k.start + text[k.clone()].trim_end().len() - 1;
            out.push(Statement {
                speaker: Some(m.entity),
                mention: Some(narrow(m.range())),
                cue: narrow(colon..colon + 1),
                kind: StatementKind::Direct,
                range: narrow(trim(text, title.clone())),
            });
        } else if let Some(colon) = text[title.clone()].find(':') {
            let before = title.start..title.start + colon;
            let words = text[before.clone()].split_whitespace().count();
            if words <= 6
                && let Some(m) = persons
                    .iter()
                    .find(|m| m.start as usize >= before.start && (m.end as usize) <= before.end)
            {
                let at = title.start + colon;
                out.push(Statement {
                    speaker: Some(m.entity),
                    mention: Some(narrow(m.range())),
                    cue: narrow(at..at + 1),
                    kind: StatementKind::Direct,
                    range: narrow(trim(text, at + 1..title.end)),
                });
            }
        }
    }

    let mut blocks: Vec<Block> = Vec::new();
    let mut seen = std::collections::HashSet::new();
    for r in parts
        .title
        .iter()
        .chain(&parts.lead)
        .chain(&parts.paragraphs)
    {
        if seen.insert((r.start, r.end)) {
            blocks.push(Block { range: r.clone() });
        }
    }
    blocks.sort_by_key(|b| b.range.start);

    // A paragraph taken whole as the quote of the one before is not read
    // for cues or subjects of its own.
    let mut quoted_block: Option<usize> = None;
    for (bi, block) in blocks.iter().enumerate() {
        if quoted_block == Some(bi) {
            continue;
        }
        let para = &text[block.range.clone()];
        let tokens = tokenize(para);
        let quotes = quote_spans(para);
        let stops = sentence_stops(para, &quotes);
        let mut sentence_start = 0usize; // byte offset in para
        // How far the text has been scanned for sentence ends (each
        // character once, not once per word).
        let mut scanned = 0usize;
        let mut last_cue_end = 0usize;
        let mut i = 0;
        while i < tokens.len() {
            // A sentence ended before this word: its subject is the one
            // «وی» and subjectless sentences refer to.
            let from = scanned.max(sentence_start);
            scanned = tokens[i].range.start;
            if let Some(end) = last_sentence_end(para, from, tokens[i].range.start, &quotes) {
                let base = block.range.start;
                if let Some(s) =
                    subject(base, para, &tokens, sentence_start, end, &persons, &quotes)
                {
                    last_subject = Some(s);
                }
                sentence_start = end;
            }
            let Some((j, cue_key)) = cue_at(&tokens, i, para) else {
                i += 1;
                continue;
            };
            let cue = tokens[i].range.start..tokens[j].range.end;
            // What is said on the way to this cue is looked for after the
            // one before it («… با بیان اینکه A، گفت که B و افزود که C»
            // says A once).
            let said_from = sentence_start.max(last_cue_end);
            last_cue_end = cue.end;
            i = j + 1;
            if in_quotes(&quotes, cue.start) {
                continue;
            }
            // «تبریک گفت» and the like.
            let first = cue_first_token(&tokens, cue.start);
            if first > 0 && SET_PHRASES.contains(&tokens[first - 1].key.as_str()) {
                continue;
            }
            // «به گفته X، …»: an attribution, the statement follows.
            let attribution = first > 0 && tokens[first - 1].key == "به" && cue_key == "گفته";
            let after = &para[cue.end..];
            let rest = after.trim_start();
            let rest_at = cue.end + (after.len() - rest.len());
            let (kind, range) = if attribution {
                // The source runs to the next comma.
                let Some(comma) = crate::text::slice(rest, 0..4 * SUBJECT_WINDOW * 8).find('،')
                else {
                    continue;
                };
                let start = rest_at + comma + '،'.len_utf8();
                let end = sentence_end(para, start, &stops);
                (StatementKind::Indirect, start..end)
            } else if let Some(r) = rest.strip_prefix(':') {
                let start = rest_at + 1 + (r.len() - r.trim_start().len());
                if start >= para.len() {
                    // Nothing after the colon: the next block is the quote.
                    match blocks.get(bi + 1) {
                        Some(next) => {
                            quoted_block = Some(bi + 1);
                            let range = trim(text, next.range.clone());
                            let st = statement_for(
                                block.range.start,
                                para,
                                &tokens,
                                sentence_start,
                                cue.clone(),
                                &persons,
                                &quotes,
                                &last_subject,
                                attribution,
                                StatementKind::Direct,
                                range,
                            );
                            if let Some(sp) = st.speaker.zip(st.mention()) {
                                last_subject = Some(sp);
                            }
                            push(&mut out, st);
                            continue;
                        }
                        None => continue,
                    }
                }
                let end = if para[start..].starts_with('«') {
                    match quotes
                        .get(quotes.partition_point(|q| q.start < start))
                        .filter(|q| q.start == start)
                    {
                        Some(q) => q.end,
                        None => para.len(),
                    }
                } else {
                    para.len()
                };
                (StatementKind::Direct, start..end)
            } else {
                let mut start = rest_at;
                if rest.starts_with("و ") || rest == "و" {
                    continue; // «… عنوان کرد و گفت: …»: the next cue
                }
                // «CUE که …», «CUE، …»: the statement starts after them.
                if let Some(x) = rest.strip_prefix("که ").or_else(|| rest.strip_prefix('،')) {
                    start += rest.len() - x.trim_start().len();
                }
                let end = sentence_end(para, start, &stops);
                if end <= start {
                    continue;
                }
                (StatementKind::Indirect, start..end)
            };
            let abs = block.range.start + range.start..block.range.start + range.end;
            let range = trim(text, abs);
            if range.is_empty() {
                continue;
            }
            let st = statement_for(
                block.range.start,
                para,
                &tokens,
                sentence_start,
                cue.clone(),
                &persons,
                &quotes,
                &last_subject,
                attribution,
                kind,
                range,
            );
            if let Some(sp) = st.speaker.zip(st.mention()) {
                last_subject = Some(sp);
            }
            if let Some((said_cue, said)) =
                said_on_the_way(para, &tokens, said_from, cue.start, &quotes)
            {
                let base = block.range.start;
                push(
                    &mut out,
                    Statement {
                        speaker: st.speaker,
                        mention: st.mention.clone(),
                        cue: narrow(base + said_cue.start..base + said_cue.end),
                        kind: StatementKind::Indirect,
                        range: narrow(trim(text, base + said.start..base + said.end)),
                    },
                );
            }
            push(&mut out, st);
        }
        let base = block.range.start;
        if let Some(s) = subject(
            base,
            para,
            &tokens,
            sentence_start,
            para.len(),
            &persons,
            &quotes,
        ) {
            last_subject = Some(s);
        }
    }
    interview_answers(text, &persons, parts, &mut out);
    headline_by_role(text, mentions, &persons, parts, &mut out);
    out
}

/// A headline «ROLE: …» that names no one («رئیس‌کل بانک مرکزی: …»,
/// «سرمربی: …»): said by the person the article introduces with that
/// role (all the label's words in their role), else by the first person
/// who speaks in the body — the headline quotes the article's speaker.
fn headline_by_role(
    text: &str,
    mentions: &[Mention],
    persons: &[&Mention],
    parts: &ArticleParts,
    out: &mut Vec<Statement>,
) {
    let Some(title) = &parts.title else {
        return;
    };
    let Some(colon) = text[title.clone()].find(':') else {
        return;
    };
    let at = title.start + colon;
    // («برد … در اهواز؛ سرمربی: …»: the label after a semicolon.)
    let from = text[title.start..at]
        .rfind(['؛', '،'])
        .map_or(title.start, |x| title.start + x + '؛'.len_utf8());
    let label = tokenize(&text[from..at]);
    let said = trim(text, at + 1..title.end);
    let first_is_role = label
        .first()
        .is_some_and(|t| super::entities::is_role(&t.key));
    if !first_is_role
        || label.len() > 6
        || said.is_empty()
        || out
            .iter()
            .any(|s| s.range().start < title.end && s.range().end > title.start)
    {
        return;
    }
    let words: Vec<String> = label.iter().map(|t| t.key.clone()).collect();
    let by_role = mentions.iter().find(|m| {
        m.role.as_deref().is_some_and(|role| {
            let role: Vec<String> = tokenize(role).into_iter().map(|t| t.key).collect();
            words.iter().all(|w| role.contains(w))
        })
    });
    // The fallback: the body's first person to speak, unless the article
    // gives them another role.
    let head = words.first().map_or("", String::as_str);
    let speaker = by_role.map(|m| m.entity).or_else(|| {
        out.iter()
            .filter(|s| s.range().start >= title.end)
            .find_map(|s| {
                let e = s.speaker.as_ref()?;
                let role_fits = super::role_of(mentions.iter().copied(), e)
                    .is_none_or(|role| tokenize(role).first().is_some_and(|t| t.key == head));
                (role_fits && persons.iter().any(|m| &m.entity == e)).then_some(*e)
            })
    });
    if let Some(speaker) = speaker {
        out.push(Statement {
            speaker: Some(speaker),
            mention: None,
            cue: narrow(at..at + 1),
            kind: StatementKind::Direct,
            range: narrow(said),
        });
        out.sort_by_key(|s| s.range().start);
    }
}

/// Interviews: a paragraph «NAME: …» (a person named just before the
/// colon) or «ج: …» is that person's answer, the interviewee's for «ج»;
/// «س:», «خبرنگار:» and the like are questions, not statements.
fn interview_answers(
    text: &str,
    persons: &[&Mention],
    parts: &ArticleParts,
    out: &mut Vec<Statement>,
) {
    // The interviewee: the person named in the title, else the person
    // named most often (found once, when a «ج:» needs it).
    let mut interviewee: Option<Option<EntityRef>> = None;
    let mut find_interviewee = || -> Option<EntityRef> {
        *interviewee.get_or_insert_with(|| {
            if let Some(t) = &parts.title
                && let Some(m) = persons
                    .iter()
                    .find(|m| (m.start as usize) >= t.start && (m.end as usize) <= t.end)
            {
                return Some(m.entity);
            }
            // (count, first mention): ties go to the one named first,
            // so the answer does not depend on a hash order.
            let mut counts: std::collections::HashMap<&EntityRef, (usize, usize)> =
                std::collections::HashMap::new();
            for (i, m) in persons.iter().enumerate() {
                counts.entry(&m.entity).or_insert((0, i)).0 += 1;
            }
            counts
                .into_iter()
                .max_by_key(|(_, (n, first))| (*n, std::cmp::Reverse(*first)))
                .map(|(e, _)| *e)
        })
    };
    let mut answers: Vec<Statement> = Vec::new();
    for p in &parts.paragraphs {
        let para = &text[p.clone()];
        // (The colon's byte offset and the offset after it: the
        // full-width colon is three bytes.)
        let Some((colon, after)) = para
            .char_indices()
            .take(40)
            .find(|(_, c)| matches!(c, ':' | '：'))
            .map(|(i, c)| (i, i + c.len_utf8()))
        else {
            continue;
        };
        let label = para[..colon].trim();
        if label.is_empty() || label.split_whitespace().count() > 3 {
            continue;
        }
        let key = crate::text::search_key(label);
        let (speaker, mention) = match key.as_str() {
            "س" | "سوال" | "پرسش" | "خبرنگار" => continue,
            "ج" | "پاسخ" => match find_interviewee() {
                Some(e) => (e, None),
                None => continue,
            },
            _ => {
                let start = p.start + (para.len() - para.trim_start().len());
                let end = start + label.len();
                match persons
                    .iter()
                    .find(|m| m.start as usize == start && m.end as usize == end)
                {
                    Some(m) => (m.entity, Some(m.range())),
                    None => continue,
                }
            }
        };
        let body = &para[after..];
        let lead = body.len() - body.trim_start().len();
        let range = p.start + after + lead..p.end;
        // (Statements found by their cues are in text order: the one that
        // could overlap is found by halves.)
        let at = out.partition_point(|s| s.range().end <= range.start);
        if range.is_empty() || out.get(at).is_some_and(|s| s.range().start < range.end) {
            continue;
        }
        answers.push(Statement {
            speaker: Some(speaker),
            mention: mention.map(narrow),
            cue: narrow(p.start..p.start + after),
            kind: StatementKind::Direct,
            range: narrow(range),
        });
    }
    if !answers.is_empty() {
        out.extend(answers);
        out.sort_by_key(|s| s.range().start);
    }
}

/// «X با بیان اینکه …، افزود»: what the speaker said on the way to the
/// cue at `cue_start` («با بیان اینکه», «با اشاره به اینکه», «با تأکید بر
/// اینکه», «ضمن اعلام اینکه» …), as (the phrase, what was said) in `para`:
/// from after «اینکه» to the last comma before the cue, or to the cue.
fn said_on_the_way(
    para: &str,
    tokens: &[Token],
    sentence_start: usize,
    cue_start: usize,
    quotes: &[Range<usize>],
) -> Option<(Range<usize>, Range<usize>)> {
    // (Within the words a subject is looked for in, as for the speaker.)
    let hi = tokens.partition_point(|t| t.range.start < cue_start);
    let lo = tokens
        .partition_point(|t| t.range.start < sentence_start)
        .max(hi.saturating_sub(SUBJECT_WINDOW));
    let words = &tokens[lo..hi.max(lo)];
    let key = |i: usize| words.get(i).map_or("", |t| t.key.as_str());
    (0..words.len()).find_map(|i| {
        if !matches!(key(i), "با" | "ضمن") || in_quotes(quotes, words[i].range.start) {
            return None;
        }
        // The verbal noun, with its preposition: «بیان», «اشاره به»,
        // «تاکید بر».
        let mut j = i + 1;
        match key(j) {
            "بیان" | "اعلام" | "یاداوری" | "ابراز" | "توضیح" => j += 1,
            "اشاره" | "تاکید" if matches!(key(j + 1), "به" | "بر") => j += 2,
            _ => return None,
        }
        let said_from = match (key(j), key(j + 1)) {
            ("اینکه", _) => words[j].range.end,
            ("این", "که") => words[j + 1].range.end,
            _ => return None,
        };
        let phrase = words[i].range.start..said_from;
        let before_cue = &para[said_from..cue_start];
        let end = before_cue
            .char_indices()
            .rfind(|&(x, c)| c == '،' && !in_quotes(quotes, said_from + x))
            .map_or(said_from + before_cue.trim_end().len(), |(x, _)| {
                said_from + x
            });
        (end > said_from + 1).then_some((phrase, said_from..end))
    })
}

/// The parts of an article statements are looked for in (byte ranges).
#[derive(Debug, Clone, Default)]
pub struct ArticleParts {
    pub title: Option<Range<usize>>,
    pub kicker: Option<Range<usize>>,
    pub lead: Option<Range<usize>>,
    pub paragraphs: Vec<Range<usize>>,
}

fn push(out: &mut Vec<Statement>, st: Statement) {
    if !st.range.is_empty() {
        out.push(st);
    }
}

/// Words before a cue among which its speaker is looked for.
const SUBJECT_WINDOW: usize = 80;

/// The statement with its speaker resolved.
#[allow(clippy::too_many_arguments)]
fn statement_for(
    base: usize,
    para: &str,
    tokens: &[Token],
    sentence_start: usize,
    cue: Range<usize>,
    persons: &[&Mention],
    quotes: &[Range<usize>],
    last_subject: &Option<(EntityRef, Range<usize>)>,
    attribution: bool,
    kind: StatementKind,
    range: Range<usize>,
) -> Statement {
    let abs_cue = base + cue.start..base + cue.end;
    // The speaker is looked for among the last SUBJECT_WINDOW words before
    // the cue: a real sentence names its subject within them, and a
    // paragraph of megabytes without a full stop is not read again for
    // every cue in it.
    let cue_token = tokens.partition_point(|t| t.range.start < cue.start);
    let sentence_start = tokens
        .get(cue_token.saturating_sub(SUBJECT_WINDOW))
        .map_or(sentence_start, |t| sentence_start.max(t.range.start));
    let (speaker, mention) = if attribution {
        // «به گفته X، …»: X right after the cue, or nobody.
        let after = base + cue.end;
        let near = crate::text::slice(para, cue.end..cue.end + 4 * SUBJECT_WINDOW * 8);
        let comma = near
            .find('،')
            .map_or(base + cue.end + near.len(), |c| base + cue.end + c);
        match persons[persons.partition_point(|m| (m.start as usize) < after)..]
            .iter()
            .take_while(|m| (m.start as usize) < comma)
            .find(|m| (m.end as usize) <= comma)
        {
            Some(m) => (Some(m.entity), Some(m.range())),
            // «به گفته وی، …»: the previous subject.
            None => match (&para[cue.end..comma - base].trim(), last_subject) {
                (&("وی" | "او" | "ایشان"), Some((e, _))) => {
                    let at = para[cue.end..]
                        .find(|c: char| !c.is_whitespace())
                        .unwrap_or(0);
                    let from = base + cue.end + at;
                    (Some(*e), Some(from..comma))
                }
                _ => (None, None),
            },
        }
    } else {
        match subject(
            base,
            para,
            tokens,
            sentence_start,
            cue.start,
            persons,
            quotes,
        ) {
            Some((e, r)) => (Some(e), Some(r)),
            None => match pronoun_or_dropped(para, tokens, sentence_start, cue.start) {
                Some(pron) => match last_subject {
                    Some((e, _)) => (Some(*e), pron.map(|p| base + p.start..base + p.end)),
                    None => (None, None),
                },
                None => (None, None),
            },
        }
    };
    Statement {
        speaker,
        mention: mention.map(narrow),
        cue: narrow(abs_cue),
        kind,
        range: narrow(range),
    }
}

/// The first person named between the sentence start and `until` (bytes
/// in `para`), skipping «به گزارش …،» / «به نقل از …،» clauses and quotes.
#[allow(clippy::too_many_arguments)]
fn subject(
    base: usize,
    para: &str,
    tokens: &[Token],
    sentence_start: usize,
    until: usize,
    persons: &[&Mention],
    quotes: &[Range<usize>],
) -> Option<(EntityRef, Range<usize>)> {
    let mut from = sentence_start;
    // Skip report clauses up to their comma.
    // Tokens and mentions are sorted by start: found by halves, so a long
    // paragraph is not scanned again for every sentence.
    let first = tokens.partition_point(|t| t.range.start < sentence_start);
    tokens.get(first)?;
    let k0 = tokens.get(first).map(|t| t.key.as_str());
    let k1 = tokens.get(first + 1).map(|t| t.key.as_str());
    let report = matches!(
        (k0, k1),
        (Some("به"), Some("گزارش")) | (Some("بر"), Some("اساس")) | (Some("به"), Some("نقل"))
    );
    if report && let Some(c) = para[sentence_start..until].find('،') {
        from = sentence_start + c;
    }
    // «وی …» or «او …» opens the sentence: not a named subject.
    if let Some(t) = tokens.get(tokens.partition_point(|t| t.range.start < from))
        && matches!(t.key.as_str(), "وی" | "او" | "ایشان")
    {
        return None;
    }
    // «X … خوانده و Y گفته …»: a person right after «و» opens a clause of
    // its own, whose subject speaks (the last such clause before the cue).
    let mut clause: Option<&Mention> = None;
    let lo = tokens.partition_point(|t| t.range.start < from);
    let hi = tokens.partition_point(|t| t.range.end <= until);
    for (k, t) in tokens.iter().enumerate().take(hi).skip(lo) {
        if t.key != "و" {
            continue;
        }
        if let Some(next) = tokens.get(k + 1)
            && let Some(m) = persons
                .get(persons.partition_point(|m| (m.start as usize) < base + next.range.start))
                .filter(|m| {
                    m.start as usize == base + next.range.start && (m.end as usize) <= base + until
                })
        {
            clause = Some(m);
        }
    }
    if let Some(m) = clause {
        return Some((m.entity, m.range()));
    }
    persons[persons.partition_point(|m| (m.start as usize) < base + from)..]
        .iter()
        .take_while(|m| (m.start as usize) < base + until)
        .filter(|m| (m.end as usize) <= base + until)
        .find(|m| {
            // A name in guillemets is still a name; skip only names inside
            // a quotation that is itself a statement (long quotes).
            let s = m.start as usize - base;
            !quotes
                .iter()
                .any(|q| q.start < s && s < q.end && q.len() > 80)
        })
        .map(|m| (m.entity, m.range()))
}

/// «وی»/«او» at the sentence start (Some(Some(range))), or no subject at
/// all before the cue (Some(None)): the previous subject speaks. `None`:
/// the sentence has another subject (an unnamed one: «یک دیپلمات», «در
/// حاشیه نشست، یکی از همراهان …», «متهم ردیف اول … گفت»).
fn pronoun_or_dropped(
    para: &str,
    tokens: &[Token],
    sentence_start: usize,
    cue_start: usize,
) -> Option<Option<Range<usize>>> {
    let lo = tokens.partition_point(|t| t.range.start < sentence_start);
    let words: Vec<&Token> = tokens[lo..]
        .iter()
        .take_while(|t| t.range.start < cue_start)
        .filter(|t| t.range.end <= cue_start)
        .collect();
    if let Some(t) = words
        .iter()
        .find(|t| matches!(t.key.as_str(), "وی" | "او" | "ایشان"))
    {
        return Some(Some(t.range.clone()));
    }
    // Unnamed sources.
    const UNNAMED: &[&str] = &[
        "یک",
        "منابع",
        "منبع",
        "برخی",
        "یکی",
        "مقامی",
        "کارشناسان",
        "ناظران",
    ];
    // The sentence's clauses: from its start and after each comma.
    let comma_before =
        |x: usize| x > 0 && para[words[x - 1].range.end..words[x].range.start].contains('،');
    let clauses: Vec<usize> = (0..words.len())
        .filter(|&x| x == 0 || comma_before(x))
        .collect();
    if clauses.iter().any(|&c| {
        words[c..]
            .iter()
            .take(3)
            .any(|t| UNNAMED.contains(&t.key.as_str()))
    }) {
        return None;
    }
    // A noun opens the sentence, or the clause after an opening phrase
    // («در حاشیه …، …»): a subject of its own that names no one. A role
    // («رئیس‌کل بانک مرکزی افزود») is the previous subject's.
    let lex = &*super::names::LEXICON;
    let opening = match words.first() {
        Some(t) if lex.is_closed(&t.key) => clauses.get(1).map(|&c| words[c]),
        first => first.copied(),
    };
    // (A word of time opens no subject: «روز گذشته نیز … افزود».)
    if let Some(t) = opening
        && lex.is_noun(&t.key)
        && !super::entities::is_role(&t.key)
        && !super::entities::TIME_WORDS.contains(&t.key.as_str())
    {
        return None;
    }
    Some(None)
}

/// Every prefix (in characters) of every cue: most words start none, and
/// that is decided with one lookup.
static CUE_PREFIXES: std::sync::LazyLock<std::collections::HashSet<String>> =
    std::sync::LazyLock::new(|| {
        let mut set = std::collections::HashSet::new();
        for c in CUES {
            let mut p = String::new();
            for ch in c.chars() {
                p.push(ch);
                set.insert(p.clone());
            }
        }
        set
    });

/// The cue starting at token `i`: (last token, joined key).
fn cue_at(tokens: &[Token], i: usize, para: &str) -> Option<(usize, String)> {
    if !CUE_PREFIXES.contains(&tokens[i].key) {
        return None;
    }
    let mut acc = String::new();
    let mut best = None;
    for j in i..tokens.len().min(i + CUE_WORDS) {
        if j > i {
            let gap = &para[tokens[j - 1].range.end..tokens[j].range.start];
            if !gap.chars().all(|c| c == ' ' || c == '\u{200C}') {
                break;
            }
        }
        acc.push_str(&tokens[j].key);
        if CUES.contains(&acc.as_str()) {
            best = Some((j, acc.clone()));
        }
    }
    best
}

/// The index of the token starting at byte `at`.
fn cue_first_token(tokens: &[Token], at: usize) -> usize {
    let i = tokens.partition_point(|t| t.range.start < at);
    if tokens.get(i).is_some_and(|t| t.range.start == at) {
        i
    } else {
        0
    }
}

/// Byte ranges of «…» quotations in `para` (to its end when unclosed),
/// guillemets included.
fn quote_spans(para: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut open: Option<usize> = None;
    let mut depth = 0;
    for (i, c) in para.char_indices() {
        match c {
            '«' => {
                if depth == 0 {
                    open = Some(i);
                }
                depth += 1;
            }
            '»' if depth > 0 => {
                depth -= 1;
                if depth == 0
                    && let Some(s) = open.take()
                {
                    out.push(s..i + '»'.len_utf8());
                }
            }
            _ => {}
        }
    }
    if let Some(s) = open {
        out.push(s..para.len());
    }
    out
}

/// Whether `at` is inside a quotation (the spans are sorted and do not
/// overlap: the last one starting before `at` decides).
fn in_quotes(quotes: &[Range<usize>], at: usize) -> bool {
    let i = quotes.partition_point(|q| q.start < at);
    i > 0 && at < quotes[i - 1].end
}

/// The end (after the terminator) of the last sentence ending in
/// `from..to`, outside quotations.
fn last_sentence_end(para: &str, from: usize, to: usize, quotes: &[Range<usize>]) -> Option<usize> {
    let mut last = None;
    for (i, c) in para[from..to].char_indices() {
        let at = from + i;
        if ends_sentence(para, at, c, quotes) {
            last = Some(at + c.len_utf8());
        }
    }
    last
}

/// Whether character `c` at `at` ends a sentence: a full stop outside
/// quotations (not a decimal point), or the closing guillemet of a
/// quotation whose last sentence ends inside it («… است.» یک مقام …).
fn ends_sentence(para: &str, at: usize, c: char, quotes: &[Range<usize>]) -> bool {
    match c {
        '.' | '!' | '؟' | '?' => !in_quotes(quotes, at) && is_sentence_stop(para, at),
        '»' => {
            let i = quotes.partition_point(|q| q.end <= at);
            quotes.get(i).is_some_and(|q| q.end == at + c.len_utf8())
                && para[..at].trim_end().ends_with(['.', '!', '؟', '?'])
        }
        _ => false,
    }
}

/// A full stop, not a decimal point or an abbreviation dot.
fn is_sentence_stop(para: &str, at: usize) -> bool {
    let next = crate::text::after_char(para, at).chars().next();
    let prev = para[..at].chars().next_back();
    !(prev.is_some_and(|c| c.is_ascii_digit()) && next.is_some_and(|c| c.is_ascii_digit()))
}

/// The end of the sentence starting at `from` (before its full stop), or
/// the paragraph's end.
fn sentence_end(para: &str, from: usize, stops: &[usize]) -> usize {
    stops
        .get(stops.partition_point(|&at| at < from))
        .copied()
        .unwrap_or(para.len())
}

/// Where the paragraph's sentences end (their full stops, outside
/// quotations), found once per paragraph: each cue then finds its
/// sentence's end by halves instead of scanning on.
fn sentence_stops(para: &str, quotes: &[Range<usize>]) -> Vec<usize> {
    para.char_indices()
        .filter(|&(at, c)| ends_sentence(para, at, c, quotes))
        .map(|(at, _)| at)
        .collect()
}

/// `r` without surrounding spaces, guillemets and a final full stop.
fn trim(text: &str, r: Range<usize>) -> Range<usize> {
    let s = &text[r.clone()];
    let t = s.trim_start_matches(|c: char| c.is_whitespace() || c == '«');
    let start = r.start + (s.len() - t.len());
    let t2 = t.trim_end_matches(|c: char| c.is_whitespace() || c == '»' || c == '.');
    start..start + t2.len()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dates::Day;
    use crate::extract::{EntityName, extract};

    /// (speaker, kind, text) of each statement in `text` (paragraphs one
    /// per line; `title` is the first line when set).
    fn said(text: &str, title: bool, day: &str) -> Vec<(Option<String>, StatementKind, String)> {
        let g = Gazetteer::bundled();
        let day = Day::parse_iso(day);
        let mentions = extract(&g, text, day);
        let mut paragraphs = Vec::new();
        let mut at = 0;
        for line in text.split_inclusive('\n') {
            let body = line.trim_end_matches('\n');
            if !body.trim().is_empty() {
                paragraphs.push(at..at + body.len());
            }
            at += line.len();
        }
        let parts = ArticleParts {
            title: if title {
                Some(paragraphs.remove(0))
            } else {
                None
            },
            paragraphs,
            ..Default::default()
        };
        statements(&g, text, &mentions, &parts)
            .into_iter()
            .map(|s| {
                (
                    s.speaker.as_ref().map(|e| EntityName::of(&g, e).name),
                    s.kind,
                    text[s.range()].to_string(),
                )
            })
            .collect()
    }

    fn one(speaker: &str, kind: StatementKind, t: &str) -> (Option<String>, StatementKind, String) {
        (Some(speaker.to_string()), kind, t.to_string())
    }

    const D: StatementKind = StatementKind::Direct;
    const I: StatementKind = StatementKind::Indirect;

    #[test]
    fn direct_to_the_end_of_the_paragraph_or_the_closing_guillemet() {
        assert_eq!(
            said(
                "عباس عراقچی در نشست خبری گفت: همکاری دو کشور ادامه دارد.",
                false,
                "2025-02-01"
            ),
            [one("عباس عراقچی", D, "همکاری دو کشور ادامه دارد")]
        );
        assert_eq!(
            said(
                "لاوروف در پایان دیدار گفت: «ما آماده گفت‌وگو هستیم.» او سپس جلسه را ترک کرد.",
                false,
                "2025-02-01"
            ),
            [one("سرگئی لاوروف", D, "ما آماده گفت‌وگو هستیم")]
        );
    }

    #[test]
    fn an_organisation_that_opens_its_sentence_speaks_one_in_a_role_does_not() {
        assert_eq!(
            said(
                "وزارت نیرو در اطلاعیه‌ای اعلام کرد که جدول خاموشی‌ها منتشر می‌شود.",
                false,
                "2025-02-01"
            ),
            [one("وزارت نیرو", I, "جدول خاموشی‌ها منتشر می‌شود")]
        );
        let got = said(
            "رئیس‌کل بانک مرکزی، محمدحسین صالحی‌نیا، اعلام کرد که تورم کم شد.",
            false,
            "2025-02-01",
        );
        assert_eq!(got.len(), 1);
        assert_eq!(got[0].0.as_deref(), Some("محمدحسین صالحی‌نیا"));
    }

    #[test]
    fn an_interviews_answers_are_the_interviewees() {
        let got = said(
            "گفت‌وگو با عباس عراقچی\nس: مذاکرات به کجا رسید؟\nج: گفت‌وگوها ادامه دارد و نتیجه خوبی داشته است.\nخبرنگار: گام بعدی چیست؟\nعراقچی: سفر به مسکو در برنامه است.",
            true,
            "2025-02-01",
        );
        assert_eq!(
            got,
            [
                one(
                    "عباس عراقچی",
                    D,
                    "گفت‌وگوها ادامه دارد و نتیجه خوبی داشته است."
                ),
                one("عباس عراقچی", D, "سفر به مسکو در برنامه است."),
            ],
            "answers, not questions"
        );
    }

    #[test]
    fn a_quote_in_the_next_paragraph() {
        assert_eq!(
            said(
                "پزشکیان در دیدار با سفیر تازه تصریح کرد:\nهمکاری‌های علمی باید گسترش یابد.\nجلسه یک ساعت طول کشید.",
                false,
                "2025-02-01"
            ),
            [one("مسعود پزشکیان", D, "همکاری‌های علمی باید گسترش یابد")]
        );
    }

    #[test]
    fn indirect_with_ke_and_a_leads_gofte() {
        assert_eq!(
            said(
                "قالیباف در جلسه علنی اعلام کرد که بودجه سال آینده تا پایان ماه تصویب می‌شود. نمایندگان نیز حاضر بودند.",
                false,
                "2025-02-01"
            ),
            [one(
                "محمدباقر قالیباف",
                I,
                "بودجه سال آینده تا پایان ماه تصویب می‌شود"
            )]
        );
        assert_eq!(
            said(
                "عراقچی از سفر راضی بوده و پوتین گفته روابط دو کشور رو به گسترش است.",
                false,
                "2025-02-01"
            ),
            [one("ولادیمیر پوتین", I, "روابط دو کشور رو به گسترش است")],
            "the clause after «و» has its own subject"
        );
    }

    #[test]
    fn a_headline_with_a_colon() {
        assert_eq!(
            said(
                "عراقچی: مذاکرات بدون پیش‌شرط ادامه دارد\nمتن خبر.",
                true,
                "2025-02-01"
            ),
            [one("عباس عراقچی", D, "مذاکرات بدون پیش‌شرط ادامه دارد")]
        );
    }

    #[test]
    fn a_headline_role_is_the_person_introduced_with_it() {
        let text = "برنامه تازه آب؛ سخنگوی شورای شهر: بودجه کافی نیست\n\
                    زهره قاسمی‌پور، سخنگوی شورای شهر اراک، روز دوشنبه گفت که طرح ادامه دارد.";
        let got = said(text, true, "2025-02-01");
        assert_eq!(got[0], one("زهره قاسمی‌پور", D, "بودجه کافی نیست"));
        // A label that is no role names no one.
        let text = "تحلیل: بودجه کافی نیست\nزهره قاسمی‌پور، سخنگوی شورا، گفت که طرح ادامه دارد.";
        assert_eq!(said(text, true, "2025-02-01").len(), 1);
    }

    #[test]
    fn what_is_said_on_the_way_to_the_cue_is_the_speakers_too() {
        assert_eq!(
            said(
                "مهرداد کیانی‌فر، مدیرعامل شرکت آب منطقه‌ای یزد، با بیان اینکه ذخایر سدها کم شده است، افزود که جیره‌بندی در کار نیست.",
                false,
                "2025-02-01"
            ),
            [
                one("مهرداد کیانی‌فر", I, "ذخایر سدها کم شده است"),
                one("مهرداد کیانی‌فر", I, "جیره‌بندی در کار نیست")
            ]
        );
        // Said once, whatever cues follow.
        let got = said(
            "مهرداد کیانی‌فر با بیان اینکه آب کم است، گفت که مصرف باید کم شود و افزود که جریمه در کار نیست.",
            false,
            "2025-02-01",
        );
        assert_eq!(got.len(), 3, "{got:?}");
        // «با تأکید بر اینکه» without a comma: up to the cue.
        let got = said(
            "مهرداد کیانی‌فر با تأکید بر اینکه آب گران نمی‌شود گفت: «مصرف باید کم شود.»",
            false,
            "2025-02-01",
        );
        assert_eq!(got[0], one("مهرداد کیانی‌فر", I, "آب گران نمی‌شود"));
        assert_eq!(got[1], one("مهرداد کیانی‌فر", D, "مصرف باید کم شود"));
    }

    #[test]
    fn a_body_after_an_opening_phrase_speaks_and_so_does_this_agency() {
        let got = said(
            "مهرداد کیانی‌فر گفت که آب کم است. از سوی دیگر، وزارت نیرو اعلام کرد که مصرف برق رکورد زد. \
             این وزارتخانه همچنین اعلام کرد که خاموشی در کار نیست. به گفته وی، برق کافی است.",
            false,
            "2025-02-01",
        );
        let speakers: Vec<Option<&str>> = got.iter().map(|s| s.0.as_deref()).collect();
        assert_eq!(
            speakers,
            [
                Some("مهرداد کیانی‌فر"),
                Some("وزارت نیرو"),
                Some("وزارت نیرو"),
                Some("وزارت نیرو")
            ]
        );
    }

    #[test]
    fn a_quotation_that_ends_its_sentence_ends_the_subjects_reach() {
        let got = said(
            "مهرداد کیانی‌فر گفت: «کار تمام شد.» یک مقام آگاه نیز گفت که کار ادامه دارد.",
            false,
            "2025-02-01",
        );
        assert_eq!(
            got,
            [
                one("مهرداد کیانی‌فر", D, "کار تمام شد"),
                (None, I, "کار ادامه دارد".to_string())
            ]
        );
    }

    #[test]
    fn a_subject_of_its_own_that_names_no_one_stays_unnamed() {
        let got = said(
            "مهرداد کیانی‌فر، مدیر بیمارستان، گفت که تخت‌ها کم است. \
             در حاشیه این نشست، یکی از همراهان بیماران به خبرنگار گفت که صف طولانی است. \
             متهم ردیف اول در دفاع از خود گفت که قصد فریب نداشت. \
             مدیر بیمارستان افزود که کار ادامه دارد.",
            false,
            "2025-02-01",
        );
        let speakers: Vec<Option<&str>> = got.iter().map(|s| s.0.as_deref()).collect();
        assert_eq!(
            speakers,
            [Some("مهرداد کیانی‌فر"), None, None, Some("مهرداد کیانی‌فر")]
        );
        // A word of time opens no subject of its own.
        let got = said(
            "مهرداد کیانی‌فر گفت که تخت‌ها کم است. روز گذشته نیز در نشست خبری افزود که کار ادامه دارد.",
            false,
            "2025-02-01",
        );
        assert_eq!(got[1].0.as_deref(), Some("مهرداد کیانی‌فر"));
    }

    #[test]
    fn a_kicker_names_the_speaker_of_the_title() {
        let g = Gazetteer::bundled();
        let text = "دکتر پزشکیان در دیدار با استانداران:\nبرق ادارات باید کم شود\nمتن خبر.";
        let mentions = extract(&g, text, Day::parse_iso("2025-01-01"));
        let line = |n: usize| {
            let start: usize = text.split('\n').take(n).map(|l| l.len() + 1).sum();
            start..start + text.split('\n').nth(n).unwrap().len()
        };
        let parts = ArticleParts {
            kicker: Some(line(0)),
            title: Some(line(1)),
            paragraphs: vec![line(2)],
            ..Default::default()
        };
        let st = statements(&g, text, &mentions, &parts);
        assert_eq!(st.len(), 1);
        assert_eq!(&text[st[0].range()], "برق ادارات باید کم شود");
        assert_eq!(
            st[0].speaker.as_ref().map(|e| EntityName::of(&g, e).name),
            Some("مسعود پزشکیان".to_string())
        );
        // «در گفت‌وگو با X:» names the other side, not the speaker.
        let text = "در گفت‌وگو با پزشکیان:\nبرق ادارات باید کم شود\nمتن.";
        let mentions = extract(&g, text, Day::parse_iso("2025-01-01"));
        let parts = ArticleParts {
            kicker: Some(line(0).start..text.find('\n').unwrap()),
            title: None,
            ..Default::default()
        };
        assert!(statements(&g, text, &mentions, &parts).is_empty());
    }

    #[test]
    fn a_nested_report_belongs_to_the_one_who_reports_it() {
        assert_eq!(
            said(
                "قالیباف در پیامی نوشت که آقای پوتین از گسترش روابط استقبال کرده است.",
                false,
                "2024-11-01"
            ),
            [one(
                "محمدباقر قالیباف",
                I,
                "آقای پوتین از گسترش روابط استقبال کرده است"
            )]
        );
    }

    #[test]
    fn vey_is_the_previous_subject_and_titles_are_the_office_holder() {
        assert_eq!(
            said(
                "لاوروف روز دوشنبه وارد تهران شد. وی در فرودگاه گفت: سفر بعدی به زودی انجام می‌شود.",
                false,
                "2025-02-01"
            ),
            [one("سرگئی لاوروف", D, "سفر بعدی به زودی انجام می‌شود")]
        );
        assert_eq!(
            said(
                "رئیس جمهور روسیه افزود: قرارداد تازه امضا خواهد شد.",
                false,
                "2010-03-01"
            ),
            [one("دمیتری مدودف", D, "قرارداد تازه امضا خواهد شد")]
        );
    }

    #[test]
    fn traps_congratulations_outlets_unnamed_sources_and_guillemets() {
        assert!(said("پزشکیان در پیامی به پوتین تبریک گفت.", false, "2025-02-01").is_empty());
        assert_eq!(
            said(
                "به گزارش ایرنا، عراقچی در این دیدار گفت: گفت‌وگوها سازنده بود.",
                false,
                "2025-02-01"
            ),
            [one("عباس عراقچی", D, "گفت‌وگوها سازنده بود")],
            "the outlet is not the speaker"
        );
        let unnamed = said(
            "عراقچی دیروز به ژنو رفت. به گفته یک دیپلمات اروپایی، مذاکرات متوقف شده است.",
            false,
            "2025-02-01",
        );
        assert_eq!(
            unnamed,
            [(None, I, "مذاکرات متوقف شده است".to_string())],
            "never the last named person"
        );
        assert_eq!(
            said(
                "پزشکیان در تماس با «ولادیمیر پوتین» این حمله را تجاوزکارانه عنوان کرد و گفت: پاسخ داده خواهد شد.",
                false,
                "2025-02-01"
            ),
            [one("مسعود پزشکیان", D, "پاسخ داده خواهد شد")],
            "a name in guillemets is no quote; «عنوان کرد و گفت» is one statement"
        );
    }
}
