//! Entity mentions in an article (PERSIAN.md §5): gazetteer names matched
//! on the search key, longest first, so every spelling matches and رئیسی
//! is never رئیس; titles («رئیس‌جمهور روسیه», a bare «رئیس‌جمهور») resolved
//! to the office holder on the article's date; and candidate people, not
//! in the gazetteer, proposed from honorifics («آقای X», «دکتر X») and
//! apposition («X، سخنگوی …»), marked as candidates.

use std::collections::HashMap;
use std::ops::Range;
use std::sync::Arc;

use super::gazetteer::{EntityKind, Gazetteer, Surface, joined_key};
use crate::dates::Day;
use crate::text::tokenize::{Token, tokenize};

/// Who a mention names.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum EntityRef {
    /// Entity number `.0` of the gazetteer.
    Known(u32),
    /// A candidate person, by the name as first written.
    Candidate(Arc<str>),
    /// A candidate organisation or place found by its head noun («سازمان
    /// غذا و دارو», «رودخانه کارون»), by the name as first written.
    Named(Arc<str>, EntityKind),
}

/// How the mention names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Via {
    Name,
    /// An office title, resolved to its holder.
    Title,
    /// An honorific or apposition cue (candidates).
    Cue,
}

/// One mention: byte range in the article's text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mention {
    pub entity: EntityRef,
    pub start: u32,
    pub end: u32,
    pub via: Via,
}

impl Mention {
    pub fn range(&self) -> Range<usize> {
        self.start as usize..self.end as usize
    }
}

/// Honorifics before a person's name (joined keys).
const HONORIFICS: &[&str] = &[
    "اقای",
    "اقا",
    "خانم",
    "دکتر",
    "مهندس",
    "سردار",
    "سرلشکر",
    "سرتیپ",
    "سرهنگ",
    "دریادار",
    "حجتالاسلام",
    "حجتالاسلاموالمسلمین",
    "والمسلمین",
    "ایتالله",
    "حاج",
    "حاجی",
    "استاد",
    "شهید",
];

/// Nouns that make a person's name the name of a place or building.
const PLACE_HEADS: &[&str] = &[
    "حسینیه",
    "مسجد",
    "حرم",
    "ارامگاه",
    "کوچه",
    "دبیرستان",
    "هنرستان",
    "کتابخانه",
    "جاده",
    "سد",
    "فرودگاه",
    "مصلای",
    "مصلی",
    "خیابان",
    "میدان",
    "بزرگراه",
    "بیمارستان",
    "دانشگاه",
    "ورزشگاه",
    "بندر",
    "شهرک",
    "پارک",
    "مدرسه",
    "بلوار",
    "پل",
    "تالار",
    "سالن",
    "مجتمع",
    "ایستگاه",
    "اتوبان",
];

/// Words that open an apposition after a name: «X، سخنگوی وزارت …».
const APPOSITION_HEADS: &[&str] = &[
    "رییس",
    "وزیر",
    "سخنگوی",
    "سخنگو",
    "معاون",
    "دبیر",
    "دبیرکل",
    "نماینده",
    "سفیر",
    "فرمانده",
    "مدیرعامل",
    "استاندار",
    "عضو",
    "مشاور",
    "نخستوزیر",
    "نخست",
    "رهبر",
    "مدیر",
    "کارشناس",
    "تحلیلگر",
];

/// Common given names: after an honorific, a name that starts with one of
/// these takes the next word too (آقای محمد کاظمی).
const GIVEN_NAMES: &[&str] = &[
    "محمد",
    "علی",
    "حسن",
    "حسین",
    "رضا",
    "مهدی",
    "احمد",
    "محمود",
    "مسعود",
    "مجید",
    "سعید",
    "حمید",
    "ابراهیم",
    "اسماعیل",
    "جواد",
    "عباس",
    "مصطفی",
    "مرتضی",
    "مجتبی",
    "هادی",
    "امیر",
    "کاظم",
    "ناصر",
    "اکبر",
    "اصغر",
    "جعفر",
    "صادق",
    "باقر",
    "یوسف",
    "عبدالله",
    "غلامرضا",
    "غلامحسین",
    "محمدرضا",
    "محمدجواد",
    "محمدباقر",
    "علیرضا",
    "حمیدرضا",
    "سید",
    "فاطمه",
    "زهرا",
    "مریم",
    "معصومه",
    "زینب",
    "سارا",
    "نرگس",
    "لیلا",
    "الهام",
    "شهلا",
    "ولادیمیر",
    "دونالد",
    "جو",
    "سرگیی",
    "دیمیتری",
    "جان",
    "جرج",
    "امانویل",
    "اولاف",
];

/// Words that are never (part of) a candidate name.
const NOT_NAMES: &[&str] = &[
    "و",
    "در",
    "به",
    "از",
    "که",
    "با",
    "این",
    "ان",
    "را",
    "برای",
    "تا",
    "بر",
    "هم",
    "نیز",
    "یک",
    "اما",
    "یا",
    "اگر",
    "چون",
    "پس",
    "نه",
    "هر",
    "همه",
    "خود",
    "وی",
    "او",
    "ما",
    "شما",
    "انها",
    "ایشان",
    "گفت",
    "افزود",
    "گفته",
    "اظهار",
    "تصریح",
    "تاکید",
    "اعلام",
    "نوشت",
    "کرد",
    "است",
    "بود",
    "شد",
    "داشت",
    "دارد",
    "می",
    "های",
    "ها",
    "هستند",
    "نیست",
    "رییس",
    "وزیر",
    "سخنگوی",
    "معاون",
    "جمهور",
    "جمهوری",
    "روز",
    "سال",
    "امروز",
    "دیروز",
    "همچنین",
    "گاهی",
    "گزارش",
    "نقل",
    "اگاه",
    "مقام",
    "منبع",
    "منطقه",
    "یکی",
    "اکنون",
    "هنوز",
    "بیش",
    "کم",
    "چند",
    "عمده",
    "بزرگ",
    "دیگر",
    "نسبت",
    "بدون",
];

/// Finds the entity mentions in an article's `text`, in text order;
/// `day` is its publication day (titles name who held office then).
pub fn extract(g: &Gazetteer, text: &str, day: Option<Day>) -> Vec<Mention> {
    let tokens = tokenize(text);
    let mut out: Vec<Mention> = Vec::new();
    let mut covered = vec![false; tokens.len()];
    // Only spaces (and zero-width joiners) may stand between the words of
    // one name: never punctuation or a line break.
    let joins = |a: &Token, b: &Token| {
        text[a.range.end..b.range.start]
            .chars()
            .all(|c| c == ' ' || c == '\u{200C}' || c == '\u{00A0}')
    };
    // The longest surface starting at word `i`, ending at or before
    // word `last`.
    let longest_at = |i: usize, last: usize| -> Option<(usize, Surface)> {
        // Most words start no name: decided without building a string.
        if !g.is_prefix(&tokens[i].key) {
            return None;
        }
        let mut acc = String::new();
        let mut best = None;
        for j in i..=last.min(i + g.max_words - 1).min(tokens.len() - 1) {
            if j > i && !joins(&tokens[j - 1], &tokens[j]) {
                break;
            }
            acc.push_str(&tokens[j].key);
            if !g.is_prefix(&acc) {
                break;
            }
            if let Some(s) = g.surface(&acc) {
                best = Some((j, s));
            }
        }
        best
    };
    let mut last_person: Vec<u32> = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        let Some((j, surface)) = longest_at(i, tokens.len() - 1) else {
            i += 1;
            continue;
        };
        let (entity, via) = match surface {
            Surface::Entity(e) => (Some(e), Via::Name),
            Surface::Title(o) => {
                let office = &g.offices[o as usize];
                // The holder on the article's date; undated, the last
                // person named who ever held the office.
                let e = day.and_then(|d| office.holder_on(d)).or_else(|| {
                    last_person
                        .iter()
                        .rev()
                        .find(|&&p| office.ever_held_by(p))
                        .copied()
                });
                (e, Via::Title)
            }
        };
        // «فرودگاه امام خمینی», «خیابان ولیعصر»: a place named after a
        // person is no mention of the person.
        let named_after = i > 0
            && PLACE_HEADS.contains(&tokens[i - 1].key.as_str())
            && entity.is_some_and(|e| g.entities[e as usize].kind == EntityKind::Person);
        if named_after {
            covered[i..=j].iter_mut().for_each(|c| *c = true);
            i = j + 1;
            continue;
        }
        if let Some(e) = entity {
            if g.entities[e as usize].kind == EntityKind::Person && via == Via::Name {
                last_person.push(e);
            }
            out.push(Mention {
                entity: EntityRef::Known(e),
                start: tokens[i].range.start as u32,
                end: tokens[j].range.end as u32,
                via,
            });
            covered[i..=j].iter_mut().for_each(|c| *c = true);
        }
        // A title names places and bodies too: «رئیس مجلس شورای اسلامی»
        // mentions the parliament, «رئیس‌جمهور روسیه» Russia.
        if via == Via::Title {
            let mut k = i + 1;
            while k <= j {
                match longest_at(k, j) {
                    Some((end, Surface::Entity(e))) => {
                        out.push(Mention {
                            entity: EntityRef::Known(e),
                            start: tokens[k].range.start as u32,
                            end: tokens[end].range.end as u32,
                            via: Via::Name,
                        });
                        k = end + 1;
                    }
                    _ => k += 1,
                }
            }
        }
        i = j + 1;
    }
    bodies_and_places(text, &tokens, &mut covered, &joins, &mut out);
    candidates(g, text, &tokens, &mut covered, &joins, &mut out);
    out.sort_by_key(|m| (m.start, m.end));
    out
}

/// Head nouns of organisations (joined keys): the name runs on after them.
const ORG_HEADS: &[&str] = &[
    "سازمان",
    "وزارت",
    "بانک",
    "شرکت",
    "دانشگاه",
    "خبرگزاری",
    "روزنامه",
    "کمیسیون",
    "باشگاه",
    "انجمن",
    "ستاد",
    "شورای",
    "اتحادیه",
    "صندوق",
    "مرکز",
    "پژوهشگاه",
    "پژوهشکده",
    "بیمارستان",
    "استانداری",
    "فرمانداری",
    "شهرداری",
    "اداره",
    "دادگستری",
    "دادسرای",
    "پلیس",
    "کانون",
    "فدراسیون",
    "موسسه",
    "بنیاد",
    "نشر",
    "انتشارات",
    "تیم",
    "هیئت",
    "جهاد",
];

/// Head nouns of places: one or two name words after them.
const PLACE_NAME_HEADS: &[&str] = &[
    "استان",
    "شهرستان",
    "شهر",
    "روستای",
    // (Not «بخش»: in news prose it is «part» far more often than a
    // district: «بخش بزرگی از …».)
    "رودخانه",
    "رود",
    "دریاچه",
    "تالاب",
    "جزیره",
    "کوه",
    "سد",
    "خیابان",
    "میدان",
    "بلوار",
    "بزرگراه",
    "محله",
    "ورزشگاه",
    "فرودگاه",
    "بندر",
];

/// Every head noun and what it heads.
static HEADS: std::sync::LazyLock<HashMap<&'static str, EntityKind>> =
    std::sync::LazyLock::new(|| {
        ORG_HEADS
            .iter()
            .map(|h| (*h, EntityKind::Org))
            .chain(PLACE_NAME_HEADS.iter().map(|h| (*h, EntityKind::Place)))
            .collect()
    });

/// Words after a head noun that make it no name («مرکز استان», «شهر
/// ما»).
const NOT_A_NAME_AFTER_HEAD: &[&str] = &["استان", "کشور", "شهر", "ما", "خود", "مذکور", "یادشده"];

/// A word that can be (part of) a name: Persian letters, two or more, no
/// function word, verb or honorific.
fn is_name_word(t: &Token) -> bool {
    t.key
        .chars()
        .all(|c| ('\u{0621}'..='\u{06FF}').contains(&c))
        && t.key.chars().count() >= 2
        && !NOT_NAMES.contains(&t.key.as_str())
        && !HONORIFICS.contains(&t.key.as_str())
}

/// A word shaped like a verb or an adverb, never a name after a head
/// noun: «می‌آمدند», «نمی‌رسد», «رسانده», «شدند».
fn verb_like(key: &str) -> bool {
    key.starts_with("می")
        || key.starts_with("نمی")
        || ["ند", "ید", "یم", "شده", "نده", "ده", "ها", "های"]
            .iter()
            .any(|e| key.ends_with(e) && key.chars().count() > 3)
}

/// Organisations and places by their head noun: the head, then name words
/// up to a verb, a function word, a role or punctuation (six words at
/// most; «و» inside a name when a name word follows: «غذا و دارو»). A
/// known place at the end is part of the name («دانشگاه علوم پزشکی
/// مشهد»), not a mention of its own.
fn bodies_and_places(
    text: &str,
    tokens: &[Token],
    covered: &mut [bool],
    joins: &dyn Fn(&Token, &Token) -> bool,
    out: &mut Vec<Mention>,
) {
    let wordy = |t: &Token| is_name_word(t) && !APPOSITION_HEADS.contains(&t.key.as_str());
    let mut k = 0;
    while k < tokens.len() {
        let key = tokens[k].key.as_str();
        // Most words head nothing: one set lookup decides.
        let Some(&head_kind) = HEADS.get(key) else {
            k += 1;
            continue;
        };
        let (kind, max) = if head_kind == EntityKind::Org {
            (EntityKind::Org, 6)
        } else {
            (EntityKind::Place, 1)
        };
        if covered[k] {
            k += 1;
            continue;
        }
        let mut end = k + 1;
        while end < tokens.len() && end - k <= max && joins(&tokens[end - 1], &tokens[end]) {
            let t = &tokens[end];
            let and = t.key == "و"
                && end - k <= 3
                && tokens.get(end + 1).is_some_and(|n| {
                    wordy(n)
                        && HEADS.get(n.key.as_str()) != Some(&EntityKind::Org)
                        && joins(t, n)
                        && !covered[end + 1]
                });
            if !(wordy(t) || and)
                || HEADS.get(t.key.as_str()) == Some(&EntityKind::Org) && end > k + 1
            {
                break;
            }
            // A place's name is one word and no verb («دریاچه رسانده»);
            // no name runs into a verb.
            if verb_like(&t.key) || (kind == EntityKind::Place && covered[end]) {
                break;
            }
            if covered[end] {
                // A known name inside («… استان خراسان جنوبی»): all its
                // words belong to the organisation's name.
                let Some(known_end) = out
                    .iter()
                    .find(|m| {
                        m.start as usize == t.range.start
                            && matches!(m.entity, EntityRef::Known(_))
                            && m.via == Via::Name
                    })
                    .map(|m| m.end as usize)
                else {
                    break;
                };
                while end < tokens.len() && tokens[end].range.end <= known_end {
                    end += 1;
                }
                continue;
            }
            end += 1;
        }
        // «مرکز استان …»: the head and its common noun are no name, and
        // the noun heads none either.
        if tokens
            .get(k + 1)
            .is_some_and(|n| NOT_A_NAME_AFTER_HEAD.contains(&n.key.as_str()))
        {
            k += 2;
            continue;
        }
        if end == k + 1 || tokens[end - 1].key == "و" {
            k += 1;
            continue;
        }
        let (start_b, end_b) = (
            tokens[k].range.start as u32,
            tokens[end - 1].range.end as u32,
        );
        // Known names inside it are part of this one.
        out.retain(|m| !(m.start >= start_b && m.end <= end_b));
        covered[k..end].iter_mut().for_each(|c| *c = true);
        out.push(Mention {
            entity: EntityRef::Named(Arc::from(name_text(text, tokens, &(k..end))), kind),
            start: start_b,
            end: end_b,
            via: Via::Cue,
        });
        k = end;
    }
}

/// Candidate people from honorifics and appositions, then their later
/// bare mentions (the surname alone).
fn candidates(
    g: &Gazetteer,
    text: &str,
    tokens: &[Token],
    covered: &mut [bool],
    joins: &dyn Fn(&Token, &Token) -> bool,
    out: &mut Vec<Mention>,
) {
    // Name words starting at `k`: one, or two after a given name; a given
    // name alone is no one («آقای محمد» names nobody a reader could find).
    let name_at = |k: usize, covered: &[bool]| -> Option<Range<usize>> {
        let t = tokens.get(k)?;
        if covered[k] || !is_name_word(t) {
            return None;
        }
        // The name goes on while name words follow, joined by a space:
        // «دکتر محمدحسین سلطانی‌فر گفت», «خانم سپیده رنجبر نیا» (three
        // words at most; a role, a verb or a function word ends it).
        let mut end = k + 1;
        while end < tokens.len()
            && end - k < 3
            && !covered[end]
            && joins(&tokens[end - 1], &tokens[end])
            && is_name_word(&tokens[end])
            && !APPOSITION_HEADS.contains(&tokens[end].key.as_str())
        {
            end += 1;
        }
        let lone_given = end == k + 1 && GIVEN_NAMES.contains(&t.key.as_str());
        // One word that is no given name and not shaped like a surname is
        // a word, not a name («استاد اقتصاد»).
        let bare_word = end == k + 1 && !surname_shaped(&t.key);
        (!lone_given && !bare_word).then_some(k..end)
    };
    // «به گزارش مهر، …», «به نقل از ایسنا»: the word after names an
    // outlet, never a person; so does any outlet's name.
    let reports = |k: usize| {
        k >= 1
            && (tokens[k - 1].key == "گزارش"
                || (k >= 2 && tokens[k - 2].key == "نقل" && tokens[k - 1].key == "از"))
    };
    let is_outlet = |r: &Range<usize>| {
        reports(r.start) || crate::corpus::outlets::BUNDLED.knows(&name_text(text, tokens, r))
    };
    // (name words, name, the role it was introduced with)
    let mut found: Vec<Introduced> = Vec::new();
    // A role phrase from its head at `x`: up to a comma or a verb or
    // function word («مدیر بیمارستان امام رضا»; «و» inside: «کمیسیون
    // برنامه و بودجه»), seven words at most.
    let role_from = |x: usize| -> Range<usize> {
        let mut end = x + 1;
        while end < tokens.len()
            && end - x < 7
            && joins(&tokens[end - 1], &tokens[end])
            && (tokens[end].key == "و" || !NOT_NAMES.contains(&tokens[end].key.as_str()))
            && !verb_like(&tokens[end].key)
        {
            end += 1;
        }
        while end > x + 1 && tokens[end - 1].key == "و" {
            end -= 1;
        }
        x..end
    };
    let mut k = 0;
    while k < tokens.len() {
        let key = tokens[k].key.as_str();
        // Honorifics, possibly several («حجت‌الاسلام والمسلمین دکتر X»).
        if HONORIFICS.contains(&key) {
            let mut n = k + 1;
            while n < tokens.len()
                && joins(&tokens[n - 1], &tokens[n])
                && HONORIFICS.contains(&tokens[n].key.as_str())
            {
                n += 1;
            }
            if n < tokens.len()
                && joins(&tokens[n - 1], &tokens[n])
                && let Some(r) = name_at(n, covered)
                && !is_outlet(&r)
            {
                found.push((r.clone(), Arc::from(name_text(text, tokens, &r)), None));
                k = r.end;
                continue;
            }
        }
        // «رئیس‌کل بانک مرکزی، محمدحسین صالحی‌نیا، …»: a role, a comma,
        // one to three name words, a comma; the name is a given name and
        // more, or ends like a surname.
        let role_head = (k >= 1
            && text[tokens[k - 1].range.end..tokens[k].range.start].trim() == "،")
            .then(|| {
                (k.saturating_sub(7)..k).find(|&x| {
                    APPOSITION_HEADS.contains(&tokens[x].key.as_str()) || tokens[x].key == "رییسکل"
                })
            })
            .flatten();
        if let Some(head) = role_head {
            let mut end = k;
            while end < tokens.len()
                && end - k < 3
                && (end == k || joins(&tokens[end - 1], &tokens[end]))
                && !covered[end]
                && is_name_word(&tokens[end])
                && !APPOSITION_HEADS.contains(&tokens[end].key.as_str())
            {
                end += 1;
            }
            let closed = tokens.get(end).is_some_and(|n| {
                end > k && text[tokens[end - 1].range.end..n.range.start].trim() == "،"
            });
            let r = k..end;
            let supported = end > k
                && ((GIVEN_NAMES.contains(&tokens[k].key.as_str()) && end - k >= 2)
                    || surname_shaped(&tokens[end - 1].key));
            if closed && supported && !is_outlet(&r) {
                let role = Some(head..k).filter(|r| r.len() >= 2);
                found.push((r.clone(), Arc::from(name_text(text, tokens, &r)), role));
                k = end;
                continue;
            }
        }
        // «X، سخنگوی …»: one or two name words, a comma, a title word.
        if let Some(next) = tokens.get(k + 1)
            && APPOSITION_HEADS.contains(&next.key.as_str())
            && text[tokens[k].range.end..next.range.start].trim() == "،"
        {
            let end = k + 1;
            // The word before joins the name when it is a given name (any
            // word before a surname-shaped one took «ظرفیت شهابی» for a
            // name: that waits for a lexicon of given names).
            let start = if k >= 1
                && joins(&tokens[k - 1], &tokens[k])
                && !covered[k - 1]
                && GIVEN_NAMES.contains(&tokens[k - 1].key.as_str())
            {
                k - 1
            } else {
                k
            };
            let r = start..end;
            // (A given name alone before the comma is no one.)
            let lone_given = end - start == 1 && GIVEN_NAMES.contains(&tokens[start].key.as_str());
            if (start..end).all(|x| !covered[x] && is_name_word(&tokens[x]))
                && !lone_given
                && !is_outlet(&r)
            {
                let role = Some(role_from(k + 1)).filter(|r| r.len() >= 2);
                found.push((r.clone(), Arc::from(name_text(text, tokens, &r)), role));
            }
        }
        k += 1;
    }
    // Names a user rejected are dropped; one candidate per joined key.
    let mut by_key: HashMap<String, Arc<str>> = HashMap::new();
    let mut surnames: HashMap<String, Arc<str>> = HashMap::new();
    // Role phrases (their words' keys) → who was introduced with them.
    let mut roles: Vec<(Vec<&str>, Arc<str>, usize)> = Vec::new();
    for (r, name, role) in found {
        let key: String = tokens[r.clone()].iter().map(|t| t.key.as_str()).collect();
        if g.is_rejected(&key) || g.surface(&key).is_some() {
            continue;
        }
        let name = by_key.entry(key).or_insert(name).clone();
        if let Some(role) = role {
            let keys: Vec<&str> = tokens[role.clone()]
                .iter()
                .map(|t| t.key.as_str())
                .collect();
            // (A few dozen roles at most: each is looked for over the
            // rest of the article.)
            if roles.len() < 32 && !roles.iter().any(|(k, ..)| *k == keys) {
                roles.push((keys, name.clone(), role.start));
            }
        }
        if let Some(last) = tokens.get(r.end - 1) {
            surnames.entry(last.key.clone()).or_insert(name.clone());
        }
        covered[r.clone()].iter_mut().for_each(|c| *c = true);
        out.push(Mention {
            entity: EntityRef::Candidate(name),
            start: tokens[r.start].range.start as u32,
            end: tokens[r.end - 1].range.end as u32,
            via: Via::Cue,
        });
    }
    // The role alone, later on («رئیس‌کل بانک مرکزی افزود»): the person
    // introduced with it.
    // (Anywhere in the article: a headline names the role before the
    // text introduces the person.)
    for (keys, name, introduced_at) in &roles {
        let mut k = 0;
        while k + keys.len() <= tokens.len() {
            // (Not the apposition itself: it is the introduction.)
            let fits = !covered[k]
                && k != *introduced_at
                && tokens[k..k + keys.len()]
                    .iter()
                    .zip(keys)
                    .all(|(t, key)| t.key == *key)
                && (k + 1..k + keys.len()).all(|x| joins(&tokens[x - 1], &tokens[x]));
            if fits {
                covered[k] = true;
                out.push(Mention {
                    entity: EntityRef::Candidate(name.clone()),
                    start: tokens[k].range.start as u32,
                    end: tokens[k + keys.len() - 1].range.end as u32,
                    via: Via::Title,
                });
                k += keys.len();
            } else {
                k += 1;
            }
        }
    }
    // The surname alone, later on.
    if surnames.is_empty() {
        return;
    }
    for (k, t) in tokens.iter().enumerate() {
        if covered[k] {
            continue;
        }
        if let Some(name) = surnames.get(&t.key)
            && !g.is_rejected(&joined_key(name))
        {
            covered[k] = true;
            out.push(Mention {
                entity: EntityRef::Candidate(name.clone()),
                start: t.range.start as u32,
                end: t.range.end as u32,
                via: Via::Name,
            });
        }
    }
}

/// A candidate's name words, the name, and the role it was introduced
/// with.
type Introduced = (Range<usize>, Arc<str>, Option<Range<usize>>);

/// Endings of Persian surnames (search keys, ZWNJ gone): supporting
/// evidence that a word is a family name.
const SURNAME_ENDINGS: &[&str] = &[
    "نیا", "زاده", "پور", "فر", "راد", "نژاد", "نسب", "یان", "لو", "وند", "ی", "پناه", "مهر",
];

fn surname_shaped(key: &str) -> bool {
    key.chars().count() >= 4 && SURNAME_ENDINGS.iter().any(|e| key.ends_with(e))
}

/// The words of `r` as written, joined by single spaces, in Persian
/// letters: «عليرضا شهابي» and «علیرضا شهابی» are one person, shown the
/// way Persian writes it (U+064A ARABIC YEH → U+06CC FARSI YEH, U+0643
/// ARABIC KAF → U+06A9 KEHEH, U+0649 ALEF MAKSURA → U+06CC).
fn name_text(text: &str, tokens: &[Token], r: &Range<usize>) -> String {
    tokens[r.clone()]
        .iter()
        .map(|t| &text[t.range.clone()])
        .collect::<Vec<_>>()
        .join(" ")
        .chars()
        .map(|c| match c {
            '\u{064A}' | '\u{0649}' => '\u{06CC}',
            '\u{0643}' => '\u{06A9}',
            c => c,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::Article;
    use crate::dates::{ArticleDate, Provenance};
    use crate::extract::{Edit, EntityName, UserEntities};

    fn article(text: &str, day: Option<&str>) -> Article {
        let mut a = Article::from_text("t.txt", text);
        a.date = day.map(|d| ArticleDate {
            day: Day::parse_iso(d).unwrap(),
            provenance: Provenance::Header,
            confidence: 1.0,
            text: String::new(),
            range: None,
            bounds: None,
        });
        a
    }

    /// (name, candidate, text) of each mention.
    fn found(g: &Gazetteer, a: &Article) -> Vec<(String, bool, String)> {
        extract(g, &a.text, a.date.as_ref().map(|d| d.day))
            .iter()
            .map(|m| {
                let e = EntityName::of(g, &m.entity);
                (e.name, e.candidate, a.text[m.range()].to_string())
            })
            .collect()
    }

    fn names(g: &Gazetteer, a: &Article) -> Vec<String> {
        found(g, a).into_iter().map(|f| f.0).collect()
    }

    #[test]
    fn outlets_lone_given_names_and_places_named_after_people_are_no_one() {
        let g = Gazetteer::bundled();
        let people = |text: &str| -> Vec<String> {
            let a = article(text, Some("2024-06-01"));
            extract(&g, &a.text, a.date.as_ref().map(|d| d.day))
                .iter()
                .map(|m| EntityName::of(&g, &m.entity))
                .filter(|e| e.candidate && e.kind == EntityKind::Person)
                .map(|e| e.name)
                .collect()
        };
        // «به گزارش مهر، رئیس …»: the outlet before the comma.
        assert!(people("به گزارش مهر، رئیس سازمان بنادر امروز گفت که کار ادامه دارد.").is_empty());
        assert!(people("به نقل از شانا، معاون وزیر نفت گفت که صادرات بیشتر شد.").is_empty());
        assert!(people("همشهری، سخنگوی شورا را دعوت کرد.").is_empty());
        // A given name alone is no one.
        assert!(people("آقای محمد امروز نیامد و علی، مدیر مدرسه، را دید.").is_empty());
        // The name after an honorific or before an apposition is.
        assert_eq!(
            people("آقای محمد صدری‌فر و علیرضا دشتی، مدیر کارخانه، آمدند."),
            ["محمد صدری‌فر", "علیرضا دشتی"]
        );
        // Arabic and Persian letters: one person, in Persian letters.
        assert_eq!(
            people("دکتر عليرضا شهابي گفت."),
            people("دکتر علیرضا شهابی گفت.")
        );
        assert_eq!(people("دکتر عليرضا شهابي گفت."), ["علیرضا شهابی"]);
        // The role first, the name between commas; a word after an
        // honorific that looks like no name is none.
        assert_eq!(
            people("رئیس‌کل بانک مرکزی، محمدحسین صالحی‌نیا، امروز گفت که تورم کم شد."),
            ["محمدحسین صالحی‌نیا"]
        );
        assert!(
            people("دکتر رستمی‌فر، استاد اقتصاد دانشگاه، گفت.")
                .iter()
                .all(|n| n != "اقتصاد")
        );
        // A role the person was introduced with names them later, and in
        // the headline before.
        let text = "رئیس‌کل بانک مرکزی از سیاست‌ها دفاع کرد\nرئیس‌کل بانک مرکزی، محمدحسین صالحی‌نیا، امروز سخن گفت. رئیس‌کل بانک مرکزی افزود که تورم کم شد.";
        let a = article(text, Some("2024-06-01"));
        let roles: Vec<String> = extract(&g, &a.text, None)
            .iter()
            .filter(|m| m.via == Via::Title)
            .map(|m| EntityName::of(&g, &m.entity).name)
            .collect();
        assert_eq!(
            roles, ["محمدحسین صالحی‌نیا"; 2],
            "the headline and the later role"
        );
        // A hall named after a person mentions no one.
        let f = names(
            &g,
            &article("مراسم در حسینیه امام خمینی برگزار شد.", Some("2024-06-01")),
        );
        assert!(!f.iter().any(|n| n.contains("خمینی")), "{f:?}");
    }

    #[test]
    fn organisations_and_places_by_their_head_noun() {
        let g = Gazetteer::bundled();
        let a = article(
            "سازمان غذا و دارو اعلام کرد که دانشگاه علوم پزشکی مشهد و رودخانه قره‌سو \
             را بررسی می‌کند؛ مرکز استان آرام است و شرکت در جلسه آزاد است و دریاچه رسانده شد.",
            Some("2024-06-01"),
        );
        let named: Vec<(String, EntityKind)> = extract(&g, &a.text, None)
            .iter()
            .map(|m| EntityName::of(&g, &m.entity))
            .filter(|e| e.candidate)
            .map(|e| (e.name, e.kind))
            .collect();
        assert_eq!(
            named,
            [
                ("سازمان غذا و دارو".to_string(), EntityKind::Org),
                ("دانشگاه علوم پزشکی مشهد".to_string(), EntityKind::Org),
                ("رودخانه قره‌سو".to_string(), EntityKind::Place),
            ]
        );
    }

    #[test]
    fn a_bare_title_is_irans_president_on_the_articles_date() {
        let g = Gazetteer::bundled();
        let text = "رئیس‌جمهور امروز در جلسه هیئت دولت از طرح تازه‌ای برای بودجه سخن گفت.";
        for (day, who) in [
            ("2018-06-01", "حسن روحانی"),
            ("2022-06-01", "ابراهیم رئیسی"),
            ("2024-06-10", "محمد مخبر"),
            ("2025-06-01", "مسعود پزشکیان"),
        ] {
            assert_eq!(names(&g, &article(text, Some(day))), [who], "{day}");
        }
        // Every spelling of the title.
        for t in ["رئيس جمهور گفت", "رئیسجمهور گفت", "رئیس جمهوری گفت"]
        {
            assert_eq!(
                names(&g, &article(t, Some("2019-01-01"))),
                ["حسن روحانی"],
                "{t}"
            );
        }
    }

    #[test]
    fn a_title_with_a_country_is_that_countrys_office_holder() {
        let g = Gazetteer::bundled();
        let text = "رئیس جمهور روسیه در سفر به تهران با همتای خود دیدار کرد.";
        let f = found(&g, &article(text, Some("2010-03-01")));
        assert_eq!(f[0].0, "دمیتری مدودف", "Medvedev in 2010");
        assert_eq!(f[0].2, "رئیس جمهور روسیه");
        assert!(f.iter().any(|x| x.0 == "روسیه"), "the title names Russia");
        assert!(f.iter().any(|x| x.0 == "تهران"));
        assert_eq!(
            names(&g, &article(text, Some("2018-03-01")))[0],
            "ولادیمیر پوتین"
        );
        // Undated: the last person named who held the office.
        let text = "پوتین به آنکارا رفت. رئیس جمهور روسیه آنجا سخنرانی کرد.";
        let f = names(&g, &article(text, None));
        assert_eq!(f.iter().filter(|n| *n == "ولادیمیر پوتین").count(), 2);
    }

    #[test]
    fn traps_raisi_is_not_rais_and_shanghai_is_the_organisation() {
        let g = Gazetteer::bundled();
        let f = names(
            &g,
            &article(
                "رئیسی و رئیس هیئت مدیره در نشست شانگهای و در آستانه سفر حاضر بودند.",
                Some("2022-01-01"),
            ),
        );
        assert_eq!(f, ["ابراهیم رئیسی", "سازمان همکاری شانگهای"]);
        let f = names(
            &g,
            &article(
                "هواپیما در فرودگاه امام خمینی نشست و امام خمینی در کتاب‌ها آمده است.",
                None,
            ),
        );
        assert_eq!(f, ["روح‌الله خمینی"], "the airport is not the man");
    }

    #[test]
    fn honorifics_and_appositions_propose_candidates() {
        let g = Gazetteer::bundled();
        let text = "آقای محمد کاظمی دیروز به خبرنگاران توضیح داد. \
                    نیلوفری، سخنگوی انجمن صنفی نانوایان، نیز سخن گفت. \
                    کاظمی افزود که کار ادامه دارد. دکتر پزشکیان هم حاضر بود.";
        let f = found(&g, &article(text, Some("2025-01-01")));
        let c: Vec<(&str, &str)> = f
            .iter()
            .filter(|x| x.1)
            .map(|x| (x.0.as_str(), x.2.as_str()))
            .collect();
        assert_eq!(
            c,
            [
                ("محمد کاظمی", "محمد کاظمی"),
                ("نیلوفری", "نیلوفری"),
                // An organisation by its head noun.
                ("انجمن صنفی نانوایان", "انجمن صنفی نانوایان"),
                ("محمد کاظمی", "کاظمی"),
            ]
        );
        // A known name after an honorific is no candidate.
        assert!(f.iter().any(|x| x.0 == "مسعود پزشکیان" && !x.1));
    }

    #[test]
    fn curation_edits_change_what_is_found() {
        let text = "آقای کاظمی گفت. آقای نیلوفری افزود. سپاه و مجلس بیانیه دادند.";
        let a = article(text, Some("2025-01-01"));
        let user = UserEntities {
            entities: Vec::new(),
            edits: vec![
                Edit::NotEntity {
                    name: "نیلوفری".into(),
                },
                Edit::Kind {
                    entity: "کاظمی".into(),
                    kind: EntityKind::Person,
                },
                Edit::Rename {
                    from: "کاظمی".into(),
                    to: "رضا کاظمی".into(),
                },
                Edit::Merge {
                    from: "سپاه پاسداران".into(),
                    into: "مجلس شورای اسلامی".into(),
                },
            ],
        };
        let g = Gazetteer::build(&user);
        let f = found(&g, &a);
        assert!(f.iter().all(|x| x.0 != "نیلوفری"), "rejected: {f:?}");
        assert!(f.contains(&("رضا کاظمی".into(), false, "کاظمی".into())));
        assert_eq!(
            f.iter().filter(|x| x.0 == "مجلس شورای اسلامی").count(),
            2,
            "merged: {f:?}"
        );
    }
}
