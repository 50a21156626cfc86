//! Entity mentions in an article (PERSIAN.md §5): gazetteer names matched
//! on the search key, longest first, so every spelling matches and رئیسی
//! is never رئیس; titles («رئیس‌جمهور روسیه», a bare «رئیس‌جمهور») resolved
//! to the office holder on the article's date; and candidate people, not
//! in the gazetteer, proposed from honorifics («آقای X», «دکتر X») and
//! apposition («X، سخنگوی …»), marked as candidates.

// (FxHash: these maps are asked about every word of every article.)
use rustc_hash::FxHashMap as HashMap;
use std::ops::Range;

use super::gazetteer::{EntityKind, Gazetteer, Surface, joined_key};
use super::names::{Given, LEXICON};
use crate::dates::Day;
use crate::text::tokenize::{Token, tokenize};

pub use crate::corpus::found::{EntityRef, Evidence, Mention, Name, Via};

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
    extract_all(g, text, day).0
}

/// [`extract`], and the names that look like a person's but lack the
/// evidence in this article (byte ranges): [`super::discover`] confirms
/// them when another article of the corpus introduces the same name.
pub fn extract_all(g: &Gazetteer, text: &str, day: Option<Day>) -> (Vec<Mention>, Vec<(u32, u32)>) {
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
        let first = tokens[i].key.as_str();
        if !g.is_prefix(first) {
            return None;
        }
        // One word, then more, joined in a string built only then.
        let mut best = g.surface(first).map(|s| (i, s));
        let mut acc = String::new();
        for j in i + 1..=last.min(i + g.max_words - 1).min(tokens.len() - 1) {
            if !joins(&tokens[j - 1], &tokens[j]) {
                break;
            }
            if acc.is_empty() {
                acc.push_str(first);
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
            // «وزیر خارجه بولیوی»: an office of another country, whose
            // holder the gazetteer does not know (its own countries'
            // titles are surfaces of their own, «رئیس‌جمهور روسیه»).
            Surface::Title(_)
                if j + 1 < tokens.len()
                    && joins(&tokens[j], &tokens[j + 1])
                    && matches!(longest_at(j + 1, tokens.len() - 1), Some((_, Surface::Entity(p)))
                        if g.entities[p as usize].kind == EntityKind::Place
                            && !g.is_iranian(p)) =>
            {
                (None, Via::Title)
            }
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
        // (After a head noun of a body or place the name is found with
        // its head, «بیمارستان امام خمینی», and the person's mention
        // goes into it.)
        let named_after = i > 0
            && PLACE_HEADS.contains(&tokens[i - 1].key.as_str())
            && !HEADS.contains_key(tokens[i - 1].key.as_str())
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
                role: None,
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
                            role: None,
                        });
                        k = end + 1;
                    }
                    _ => k += 1,
                }
            }
        }
        i = j + 1;
    }
    report_sources(g, text, &tokens, &mut covered, &joins, &mut out);
    bodies_and_places(g, text, &tokens, &mut covered, &joins, &mut out);
    shortened_names(g, &mut out);
    let mut unconfirmed = Vec::new();
    candidates(
        g,
        text,
        &tokens,
        &mut covered,
        &joins,
        &mut out,
        &mut unconfirmed,
    );
    latin_names(text, &tokens, &mut covered, &mut out);
    out.sort_by_key(|m| (m.start, m.end));
    // (Not those whose words another mention took after all.)
    let unconfirmed = unconfirmed
        .into_iter()
        .filter(|r| !covered[r.clone()].iter().any(|&c| c))
        .map(|r| {
            (
                tokens[r.start].range.start as u32,
                tokens[r.end - 1].range.end as u32,
            )
        })
        .collect();
    (out, unconfirmed)
}

/// «صندوق بین‌المللی پول (IMF)»: a Latin name in parentheses right after a
/// mention is another name of what it names, and names it wherever else
/// the article writes it («IMF پیش‌بینی کرد»).
fn latin_names(text: &str, tokens: &[Token], covered: &mut [bool], out: &mut Vec<Mention>) {
    let latin = |t: &Token| {
        let w = &text[t.range.clone()];
        w.len() >= 2
            && w.bytes().all(|b| b.is_ascii_alphanumeric())
            && w.bytes().next().is_some_and(|b| b.is_ascii_uppercase())
    };
    // Mentions by where they end (built when a Latin word in parentheses
    // is first seen).
    let mut by_end: Option<HashMap<u32, usize>> = None;
    let mut names: HashMap<&str, EntityRef> = HashMap::default();
    for (k, t) in tokens.iter().enumerate() {
        if covered[k] || !latin(t) || !text[t.range.end..].trim_start().starts_with(')') {
            continue;
        }
        let Some(before) = text[..t.range.start].trim_end().strip_suffix('(') else {
            continue;
        };
        let end = before.trim_end().len() as u32;
        let by_end =
            by_end.get_or_insert_with(|| out.iter().enumerate().map(|(i, m)| (m.end, i)).collect());
        let Some(&i) = by_end.get(&end) else {
            continue;
        };
        let entity = out[i].entity;
        names.entry(&text[t.range.clone()]).or_insert(entity);
    }
    if names.is_empty() {
        return;
    }
    for (k, t) in tokens.iter().enumerate() {
        if covered[k] {
            continue;
        }
        let word = &text[t.range.clone()];
        if let Some(entity) = names.get(word) {
            covered[k] = true;
            out.push(Mention {
                entity: *entity,
                start: t.range.start as u32,
                end: t.range.end as u32,
                via: Via::Name,
                role: None,
            });
        }
    }
}

/// «به گزارش مهر، …», «به نقل از آذرخبر»: the outlet a report cites is an
/// organisation, even when its name is also a place («فارس») or a word
/// («مهر», «میزان»): a known outlet (`assets/gazetteer/outlets.ron`) of
/// up to three words, or one word that is no Persian word, before a comma.
fn report_sources(
    g: &Gazetteer,
    text: &str,
    tokens: &[Token],
    covered: &mut [bool],
    joins: &dyn Fn(&Token, &Token) -> bool,
    out: &mut Vec<Mention>,
) {
    let lex = &*LEXICON;
    let key = |k: usize| tokens.get(k).map_or("", |t| t.key.as_str());
    let known_kind = |e: u32| g.entities.get(e as usize).map(|x| x.kind);
    // The gazetteer's mentions are in text order here; the outlets found
    // replace those they cover, all at once at the end (so the order
    // holds while looking, and a line of thousands of citations costs no
    // more per citation).
    let mut dead = vec![false; out.len()];
    let mut outlets_found: Vec<Mention> = Vec::new();
    for k in 2..tokens.len() {
        // «به گزارش X»، «به نقل از X»، either with «خبرنگار» before X; «به
        // خبرنگار X گفت»، «در گفت‌وگو با X»: only a known outlet there.
        let reporter = usize::from(key(k - 1) == "خبرنگار");
        let at = |back: usize| k.checked_sub(back + reporter).map_or("", key);
        let cited = (at(2) == "به" && at(1) == "گزارش")
            || (at(3) == "به" && at(2) == "نقل" && at(1) == "از");
        let talked_to =
            (reporter == 1 && key(k - 2) == "به") || (key(k - 1) == "با" && key(k - 2) == "گفتوگو");
        if !cited && !talked_to {
            continue;
        }
        let outlets = &crate::corpus::outlets::BUNDLED;
        let known = (1..=3).rev().find(|&n| {
            k + n <= tokens.len()
                && (k + 1..k + n).all(|x| joins(&tokens[x - 1], &tokens[x]))
                && outlets.knows(&name_text(text, tokens, &(k..k + n)))
        });
        let n = known.unwrap_or(1);
        let start = tokens[k].range.start as u32;
        let end = tokens[k + n - 1].range.end as u32;
        // The gazetteer's mentions there (a name is a few words: a few
        // before the outlet's end at most).
        let upto = dead.len().min(out.partition_point(|m| m.start < end));
        let there: Vec<usize> = (upto.saturating_sub(8)..upto)
            .filter(|&x| out[x].end > start && !dead[x])
            .collect();
        let kinds: Vec<Option<EntityKind>> = there
            .iter()
            .map(|&x| match out[x].entity {
                EntityRef::Known(e) => known_kind(e),
                _ => None,
            })
            .collect();
        // (A known organisation there already is the outlet.)
        if kinds.contains(&Some(EntityKind::Org)) {
            continue;
        }
        let comma_after = text[tokens[k + n - 1].range.end..]
            .trim_start()
            .starts_with(['،', ',']);
        // A place or person the gazetteer knows there is the outlet only
        // where a report cites it, with its comma («به گزارش ایران، …»),
        // not «آماده گفت‌وگو با ایران».
        if !(there.is_empty() || (cited && comma_after)) {
            continue;
        }
        // An outlet no list knows: one word, no Persian word, cited with
        // its comma, where the gazetteer knows nothing.
        let unknown = cited
            && there.is_empty()
            && comma_after
            && is_name_word(&tokens[k])
            && !lex.is_common(key(k))
            && !is_role(key(k))
            && lex.given(key(k)).is_none();
        if known.is_none() && !unknown {
            continue;
        }
        there.iter().for_each(|&x| dead[x] = true);
        let name = outlets.canonical(&name_text(text, tokens, &(k..k + n)));
        let entity = match g.surface(&joined_key(&name)) {
            Some(Surface::Entity(e)) if known_kind(e) == Some(EntityKind::Org) => {
                EntityRef::Known(e)
            }
            _ => EntityRef::Named(Name::from(name), EntityKind::Org),
        };
        covered[k..k + n].iter_mut().for_each(|c| *c = true);
        outlets_found.push(Mention {
            entity,
            start,
            end,
            via: Via::Name,
            role: None,
        });
    }
    if outlets_found.is_empty() {
        return;
    }
    let mut at = 0;
    out.retain(|_| {
        at += 1;
        !dead[at - 1]
    });
    out.extend(outlets_found);
    out.sort_by_key(|m| (m.start, m.end));
}

/// Head nouns of organisations, as written: the name runs on after them.
// (Not «هیئت», «شبکه», «کارخانه», «اتاق»: «هیئت مدیره», «شبکه برق»,
// «کارخانه داروسازی» are kinds of body far more often than names.)
const ORG_HEADS: &[&str] = &[
    "سازمان",
    "وزارت",
    "بانک",
    "شرکت",
    "دانشگاه",
    "دانشکده",
    "خبرگزاری",
    "روزنامه",
    "کمیسیون",
    "کمیته",
    "باشگاه",
    "انجمن",
    "ستاد",
    "شورای",
    "اتحادیه",
    "صندوق",
    "مرکز",
    "پژوهشگاه",
    "پژوهشکده",
    "فرهنگستان",
    "بیمارستان",
    "استانداری",
    "فرمانداری",
    "شهرداری",
    "اداره",
    "دادگستری",
    "دادسرای",
    "دادگاه",
    "پلیس",
    "کانون",
    "فدراسیون",
    "کنفدراسیون",
    "موسسه",
    "بنیاد",
    "نشر",
    "انتشارات",
    "تیم",
    "جهاد",
    "کتابخانه",
    "لیگ",
    "حزب",
    "پالایشگاه",
    "نیروگاه",
    "گارد",
    "مجمع",
    "آکادمی",
    "آموزشگاه",
    "مدرسه",
    "دبیرستان",
    "هنرستان",
    "موزه",
    "هلدینگ",
    "قرارگاه",
    "سندیکا",
];

/// Head nouns of places, as written: a name of a few words after them.
const PLACE_NAME_HEADS: &[&str] = &[
    "استان",
    "شهرستان",
    "شهر",
    "روستای",
    "روستا",
    // (Not «بخش»: in news prose it is «part» far more often than a
    // district: «بخش بزرگی از …».)
    "رودخانه",
    "رود",
    "دریاچه",
    "تالاب",
    "جزیره",
    "کوه",
    "سد",
    "دشت",
    "کویر",
    "جنگل",
    "آبشار",
    "غار",
    "خلیج",
    "تنگه",
    "خیابان",
    "میدان",
    "بلوار",
    "بزرگراه",
    "اتوبان",
    "جاده",
    "کوچه",
    "کوی",
    "محله",
    "شهرک",
    "پارک",
    "ورزشگاه",
    "فرودگاه",
    "بندر",
    "ایستگاه",
    "نمایشگاه",
    "سالن",
    "تالار",
    "مصلای",
    "مصلی",
    "حسینیه",
    "مسجد",
    "حرم",
    "آرامگاه",
    "برج",
    "کاخ",
];

/// Every head noun and what it heads.
static HEADS: std::sync::LazyLock<rustc_hash::FxHashMap<String, EntityKind>> =
    std::sync::LazyLock::new(|| {
        ORG_HEADS
            .iter()
            .map(|h| (joined_key(h), EntityKind::Org))
            .chain(
                PLACE_NAME_HEADS
                    .iter()
                    .map(|h| (joined_key(h), EntityKind::Place)),
            )
            .collect()
    });

/// Place heads after which only a proper name follows.
const ADMIN_HEADS: &[&str] = &["استان", "شهرستان", "شهر", "روستای", "روستا"];

/// Words of time: no part of a name («کمیسیون هفته گذشته …»).
pub(crate) const TIME_WORDS: &[&str] = &[
    "هفته",
    "روز",
    "ماه",
    "سال",
    "امسال",
    "امروز",
    "دیروز",
    "فردا",
    "شب",
    "صبح",
    "عصر",
    "پارسال",
    "شامگاه",
    "بامداد",
    "ظهر",
    "شنبه",
    "یکشنبه",
    "دوشنبه",
    "سهشنبه",
    "چهارشنبه",
    "پنجشنبه",
    "جمعه",
    "اینده",
    "گذشته",
    "هیچگاه",
    "همواره",
    "همیشه",
    "هرگز",
    "تاکنون",
    "سپس",
    "اخیرا",
];

/// Directions that end a place's name («پارس جنوبی», «خراسان شمالی»).
const DIRECTIONS: &[&str] = &["شمالی", "جنوبی", "شرقی", "غربی", "مرکزی", "بزرگ"];

/// Words after a head noun that make it no name («مرکز استان», «شهر
/// ما», «سالن شماره ۲», «سالن اصلی»).
const NOT_A_NAME_AFTER_HEAD: &[&str] = &[
    "استان",
    "کشور",
    "شهر",
    "ما",
    "خود",
    "مذکور",
    "یادشده",
    "شماره",
    "اصلی",
    "جدید",
    "فعلی",
    "قبلی",
];

/// A word that can be (part of) a name: Persian letters, two or more, no
/// function word, verb, role or honorific.
fn is_name_word(t: &Token) -> bool {
    t.key
        .chars()
        .all(|c| ('\u{0621}'..='\u{06FF}').contains(&c))
        && t.key.chars().count() >= 2
        && !NOT_NAMES.contains(&t.key.as_str())
        && !HONORIFICS.contains(&t.key.as_str())
        && !is_role(&t.key)
        && !LEXICON.is_closed(&t.key)
        && !LEXICON.is_verb(&t.key)
        && !LEXICON.has_copula(&t.key)
}

/// Role heads, as written: «X، سرمربی …», «رئیس‌کل بانک مرکزی، X، …».
const ROLES: &[&str] = &[
    "رئیس",
    "رئیس‌کل",
    "رئیس‌جمهور",
    "وزیر",
    "سخنگوی",
    "سخنگو",
    "معاون",
    "دبیر",
    "دبیرکل",
    "نماینده",
    "نمایندگان",
    "سفیر",
    "فرمانده",
    "مدیرعامل",
    "مدیرکل",
    "مدیر",
    "مدیرمسئول",
    "سرپرست",
    "قائم‌مقام",
    "جانشین",
    "استاندار",
    "فرماندار",
    "شهردار",
    "بخشدار",
    "دهیار",
    "عضو",
    "اعضای",
    "مشاور",
    "کارشناس",
    "تحلیلگر",
    "استاد",
    "استادیار",
    "دانشیار",
    "پژوهشگر",
    "محقق",
    "مربی",
    "سرمربی",
    "بازیکن",
    "مهاجم",
    "هافبک",
    "مدافع",
    "دروازه‌بان",
    "کاپیتان",
    "ناشر",
    "نویسنده",
    "شاعر",
    "مترجم",
    "کارگردان",
    "بازیگر",
    "خواننده",
    "دادستان",
    "قاضی",
    "بازپرس",
    "وکیل",
    "رهبر",
    "نخست‌وزیر",
    "سردبیر",
    "خبرنگار",
    "فعال",
    "مسئول",
    "متخصص",
    "پزشک",
    "پرستار",
    "بنیانگذار",
    "مؤسس",
    "مالک",
    "رئیسه",
    "مجری",
    "هماهنگ‌کننده",
    "کارفرما",
    "صاحب",
    "معلم",
    "دانشجوی",
    "قهرمان",
    "نایب‌رئیس",
    "سرکنسول",
    "کنسول",
    "وزیران",
    "کاردار",
    "فرستاده",
];

/// Role heads by key.
static ROLE_KEYS: std::sync::LazyLock<rustc_hash::FxHashSet<String>> =
    std::sync::LazyLock::new(|| ROLES.iter().map(|r| joined_key(r)).collect());

pub(crate) fn is_role(key: &str) -> bool {
    ROLE_KEYS.contains(key)
}

/// Words before a given name that belong to the name («سید محمد …»).
const NAME_PREFIXES: &[&str] = &["سید", "سیده", "میر"];

/// Words after a given name that belong to it («فاطمه سادات …»).
const NAME_SUFFIXES: &[&str] = &["سادات", "السادات", "بیگم"];

/// The end of a family name written apart from it («رنجبر نیا»).
const SURNAME_PIECES: &[&str] = &["نیا", "زاده", "پور", "فر", "راد", "نژاد", "نسب", "وند"];

/// Verbs of saying right after a name: a cue that it is a person's.
const SAYS: &[&str] = &[
    "گفت",
    "افزود",
    "اظهار",
    "تاکید",
    "تصریح",
    "نوشت",
    "خاطرنشان",
    "یاداور",
    "توضیح",
    "معتقد",
    "میگوید",
    "گفته",
    "افزوده",
    "پاسخ",
    "اعلام",
];

/// Organisations and places by their head noun: the head, then name words
/// up to a verb, a function word, a role or punctuation (nine words at
/// most for a body; «و» inside a name when a name word follows: «غذا و
/// دارو»; a listed comma: «وزارت صنعت، معدن و تجارت»). A known name
/// inside is part of the name («دانشگاه علوم پزشکی مشهد», «بیمارستان
/// امام خمینی»), not a mention of its own. After a province, county or
/// city word only a proper name follows («استان تخصیص» is no place).
fn bodies_and_places(
    g: &Gazetteer,
    text: &str,
    tokens: &[Token],
    covered: &mut [bool],
    joins: &dyn Fn(&Token, &Token) -> bool,
    out: &mut Vec<Mention>,
) {
    let lex = &*LEXICON;
    let head_of = |x: usize| HEADS.get(tokens.get(x)?.key.as_str()).copied();
    // The gazetteer's mentions, in text order: looked up by halves, and
    // those a body's name takes in are dropped at the end (a line of
    // thousands of bodies costs no more per body).
    let base = out.len();
    let mut dead = vec![false; base];
    // A name word, not the nominal half of a compound verb («… برگزار
    // کرد», «… ثبت شده») nor a word of time («کمیسیون هفته …»).
    // (A future's «خواهد» and «دارد» end a compound verb too: «…
    // بررسی خواهد شد», «… قرار دارد».)
    let verb_after = |x: usize| {
        tokens.get(x + 1).is_some_and(|n| {
            joins(&tokens[x], n)
                && (lex.is_light_verb(&n.key)
                    || FUTURE.contains(&n.key.as_str())
                    || HAVE.contains(&n.key.as_str()))
        })
    };
    // A past stem before a name word or a word no verb ends a clause
    // before («نیز», «را») is a noun («سازمان حفاظت محیط زیست استان …»,
    // «… محیط زیست نیز»); a verb of saying never is.
    let stem_in_name = |x: usize| {
        let t = &tokens[x];
        lex.is_bare_past(&t.key)
            && !SAYS.contains(&t.key.as_str())
            && tokens.get(x + 1).is_some_and(|n| {
                joins(t, n)
                    && ((is_name_word(n) && !verb_after(x + 1))
                        || matches!(n.key.as_str(), "نیز" | "را" | "هم" | "همچنین"))
            })
    };
    let wordy_at = |x: usize| {
        let t = &tokens[x];
        (is_name_word(t) || stem_in_name(x))
            && !TIME_WORDS.contains(&t.key.as_str())
            && !verb_after(x)
    };
    // «صنعت، معدن و تجارت»: a comma before one or two name words, «و»
    // and a name word.
    let listed_comma = |x: usize| {
        text[tokens[x - 1].range.end..tokens[x].range.start].trim() == "،"
            && (x + 1..(x + 3).min(tokens.len())).any(|v| {
                tokens[v].key == "و"
                    && v + 1 < tokens.len()
                    && (x..v).all(|w| wordy_at(w) && (w == x || joins(&tokens[w - 1], &tokens[w])))
                    && joins(&tokens[v - 1], &tokens[v])
                    && joins(&tokens[v], &tokens[v + 1])
                    && wordy_at(v + 1)
            })
    };
    let mut k = 0;
    while k < tokens.len() {
        // Most words head nothing: one map lookup decides.
        let Some(kind) = head_of(k) else {
            k += 1;
            continue;
        };
        if covered[k] {
            k += 1;
            continue;
        }
        // «این استان», «همین بیمارستان»: a body named before.
        if k > 0 && DEMONSTRATIVES.contains(&tokens[k - 1].key.as_str()) {
            k += 1;
            continue;
        }
        // «مرکز استان …»: the head and its common noun are no name, and
        // the noun heads none either; but «دادگستری استان اصفهان» is the
        // province's court.
        if let Some(n) = tokens.get(k + 1)
            && NOT_A_NAME_AFTER_HEAD.contains(&n.key.as_str())
        {
            let of_a_place = matches!(n.key.as_str(), "استان" | "شهر" | "شهرستان")
                && tokens[k].key != "مرکز"
                && k + 2 < tokens.len()
                && covered[k + 2]
                && joins(n, &tokens[k + 2]);
            if !of_a_place {
                k += 2;
                continue;
            }
        }
        // «تالار کتابخانه مرکزی تبریز»: a hall of a body is named by the
        // body.
        if kind == EntityKind::Place && head_of(k + 1) == Some(EntityKind::Org) && !covered[k + 1] {
            k += 1;
            continue;
        }
        // A name with a person's in it («بیمارستان امام خمینی», «بیمارستان
        // شهید هاشمی‌نژاد») ends before the city it is in: «… تهران»
        // locates it; other names keep their city («دانشگاه علوم پزشکی
        // مشهد», «ورزشگاه تختی اهواز»).
        let mut personal = false;
        let admin = ADMIN_HEADS.contains(&tokens[k].key.as_str());
        let max = match (kind, admin) {
            (EntityKind::Org, _) => 9,
            (_, true) => 2,
            _ => 4,
        };
        let mut end = k + 1;
        while end < tokens.len() && end - k <= max {
            let joined = joins(&tokens[end - 1], &tokens[end]);
            if !(joined || (kind == EntityKind::Org && end > k + 1 && listed_comma(end))) {
                break;
            }
            let t = &tokens[end];
            if covered[end] {
                // A known name inside («… استان خراسان جنوبی», «بیمارستان
                // امام خمینی»): all its words belong to this name. A
                // province or city word takes only a place.
                let from = out[..base].partition_point(|m| (m.start as usize) < t.range.start);
                let Some(known) = out[from..base]
                    .iter()
                    .take_while(|m| m.start as usize == t.range.start)
                    .find(|m| matches!(m.entity, EntityRef::Known(_)) && m.via == Via::Name)
                else {
                    break;
                };
                let known_end = known.end as usize;
                let place = matches!(known.entity, EntityRef::Known(e)
                    if g.entities[e as usize].kind == EntityKind::Place);
                if place && personal && !admin && end > k + 1 {
                    break;
                }
                personal |= matches!(known.entity, EntityRef::Known(e)
                    if g.entities[e as usize].kind == EntityKind::Person);
                while end < tokens.len() && tokens[end].range.end <= known_end {
                    end += 1;
                }
                // A place ends the name («… آذربایجان شرقی»), with a
                // direction after it («… تهران بزرگ»).
                if admin || place {
                    if place
                        && !admin
                        && end < tokens.len()
                        && !covered[end]
                        && joins(&tokens[end - 1], &tokens[end])
                        && DIRECTIONS.contains(&tokens[end].key.as_str())
                    {
                        end += 1;
                    }
                    break;
                }
                continue;
            }
            // «بیمارستان شهید هاشمی‌نژاد», «اداره کل …»: an honorific
            // before a name, «کل» after the head.
            let next_wordy = end + 1 < tokens.len()
                && joins(t, &tokens[end + 1])
                && (wordy_at(end + 1) || covered[end + 1]);
            if !admin
                && next_wordy
                && (HONORIFICS.contains(&t.key.as_str())
                    || t.key == "امام"
                    || (t.key == "کل" && end == k + 1))
            {
                personal |= t.key != "کل";
                end += 1;
                continue;
            }
            let and = t.key == "و"
                && end - k <= 4
                && tokens.get(end + 1).is_some_and(|n| {
                    wordy_at(end + 1)
                        && HEADS.get(n.key.as_str()) != Some(&EntityKind::Org)
                        && joins(t, n)
                        && !covered[end + 1]
                });
            // (A name word is no verb: «… رسانده», «… می‌آمدند» end it.)
            if !(wordy_at(end) || and) || (head_of(end) == Some(EntityKind::Org) && end > k + 1) {
                break;
            }
            // A province's or city's name is no word of Persian («استان
            // تخصیص»); a street's or a field's no derived adjective
            // («میدان نفتی»); a second word of a place only a direction
            // or another name.
            if kind == EntityKind::Place && !and {
                let derived = lex.is_common(&t.key)
                    && !lex.is_word(&t.key)
                    && t.key.ends_with('ی')
                    && !lex.is_surname(&t.key)
                    && lex.given(&t.key).is_none();
                let fits = if admin {
                    !lex.is_common(&t.key) || (end == k + 2 && DIRECTIONS.contains(&t.key.as_str()))
                } else {
                    !derived || (end > k + 1 && DIRECTIONS.contains(&t.key.as_str()))
                };
                if !fits {
                    break;
                }
            }
            end += 1;
        }
        while end > k + 1 && matches!(tokens[end - 1].key.as_str(), "و" | "کل") {
            end -= 1;
        }
        if end == k + 1 {
            k += 1;
            continue;
        }
        // «روزنامه اسپانیایی ال‌پائیس», «دانشگاه‌ ایرانی و ترکیه‌ای»: a
        // head and a nationality describe; the name is a proper name
        // after them, or there is none.
        let mut start = k;
        if kind == EntityKind::Org && nationality(g, &tokens[k + 1].key) {
            let proper = end > k + 2 && !lex.is_common(&tokens[k + 2].key);
            k += 2;
            if !proper {
                continue;
            }
            start = k;
        }
        let (start_b, end_b) = (
            tokens[start].range.start as u32,
            tokens[end - 1].range.end as u32,
        );
        // Known names inside it are part of this one.
        let from = out[..base].partition_point(|m| m.start < start_b);
        for x in from..base {
            if out[x].start >= end_b {
                break;
            }
            if out[x].end <= end_b {
                dead[x] = true;
            }
        }
        covered[start..end].iter_mut().for_each(|c| *c = true);
        out.push(Mention {
            entity: EntityRef::Named(Name::from(name_text(text, tokens, &(start..end))), kind),
            start: start_b,
            end: end_b,
            via: Via::Cue(Evidence::HeadNoun),
            role: None,
        });
        k = end;
    }
    if dead.contains(&true) {
        let mut at = 0;
        out.retain(|_| {
            at += 1;
            at > base || !dead[at - 1]
        });
    }
}

/// Forms of «داشتن» after the noun of a compound verb («قرار دارد»).
/// The future's auxiliary («… بررسی خواهد شد»).
const FUTURE: &[&str] = &[
    "خواهد",
    "خواهند",
    "خواهم",
    "خواهی",
    "خواهیم",
    "خواهید",
    "نخواهد",
    "نخواهند",
];

// (Not «ندارد»: «… جز برداشت از صندوق توسعه ملی ندارد» has a name before
// it as often as a verb's noun.)
const HAVE: &[&str] = &["دارد", "دارند", "داشت", "داشتند"];

/// Words before a head noun that point back to a body already named.
const DEMONSTRATIVES: &[&str] = &["این", "ان", "همین", "همان", "هر"];

/// «کمیسیون برنامه و بودجه» after «کمیسیون برنامه و بودجه مجلس»: a body's
/// or place's name that the article also writes with a known place or
/// body after it names that one.
fn shortened_names(g: &Gazetteer, out: &mut [Mention]) {
    let named: Vec<(usize, &Name, EntityKind)> = out
        .iter()
        .enumerate()
        .filter_map(|(i, m)| match &m.entity {
            EntityRef::Named(n, k) => Some((i, n, *k)),
            _ => None,
        })
        .collect();
    // (A few per article; a text of thousands is left as it is.)
    if named.len() < 2 || named.len() > 200 {
        return;
    }
    let mut longer: Vec<(usize, EntityRef)> = Vec::new();
    for &(i, short, kind) in &named {
        let full = named.iter().find(|&&(_, long, k)| {
            k == kind
                && long.len() > short.len()
                && long
                    .strip_prefix(&**short)
                    .and_then(|rest| rest.strip_prefix(' '))
                    .is_some_and(|rest| {
                        matches!(g.surface(&joined_key(rest)), Some(Surface::Entity(e))
                            if matches!(g.entities[e as usize].kind, EntityKind::Place | EntityKind::Org))
                    })
        });
        if let Some(&(_, long, k)) = full {
            longer.push((i, EntityRef::Named(*long, k)));
        }
    }
    for (i, e) in longer {
        out[i].entity = e;
    }
}

/// A nationality or origin adjective: a known place and «ی», «یی» or «ای»
/// («ایرانی», «اسپانیایی», «ترکیه‌ای»), or «خارجی», «داخلی» (not «اجرایی»,
/// «هواپیمایی»: no place).
fn nationality(g: &Gazetteer, key: &str) -> bool {
    if matches!(
        key,
        "خارجی" | "داخلی" | "بینالمللی" | "محلی" | "دولتی" | "خصوصی"
    ) {
        return true;
    }
    ["یی", "ای", "ی"].iter().any(|s| {
        key.strip_suffix(s).is_some_and(|base| {
            matches!(g.surface(base), Some(Surface::Entity(e))
                if g.entities[e as usize].kind == EntityKind::Place)
        })
    })
}

/// Candidate people from given names, honorifics and appositions, then
/// their later bare mentions (the surname alone, the role alone).
///
/// A person is a given name and one or two more words when the evidence
/// holds: a given name of the lexicon that is no common word, and a
/// family name (of the list, shaped like one, or no Persian word at all)
/// or a cue (an honorific before; a role in apposition, before or after;
/// a verb of saying right after). A given name alone is no one.
fn candidates(
    g: &Gazetteer,
    text: &str,
    tokens: &[Token],
    covered: &mut [bool],
    joins: &dyn Fn(&Token, &Token) -> bool,
    out: &mut Vec<Mention>,
    unconfirmed: &mut Vec<Range<usize>>,
) {
    let lex = &*LEXICON;
    let comma_between =
        |a: usize, b: usize| text[tokens[a].range.end..tokens[b].range.start].trim() == "،";
    let linked = |a: usize| a + 1 < tokens.len() && joins(&tokens[a], &tokens[a + 1]);
    // A name word that is not the nominal half of a compound verb
    // («برگزار می‌شود», «ثبت شده»).
    let nameish = |k: usize, covered: &[bool]| {
        !covered[k]
            && is_name_word(&tokens[k])
            && !(linked(k) && lex.is_light_verb(&tokens[k + 1].key))
    };
    // A name ending here looks like a family name.
    let family_shaped = |k: usize| {
        let key = tokens[k].key.as_str();
        // (Of the list, no Persian word, or shaped like one and no word of
        // its own; the lone «ی» ending is every relational adjective's:
        // «کریمی» is on the list, «بانکی» is not.)
        lex.is_surname(key)
            || !lex.is_common(key)
            || (surname_shaped(key) && !key.ends_with('ی') && !lex.is_word(key))
    };
    // With a role in apposition, the shape alone will do («نیلوفری،
    // سخنگوی …»).
    let cued_family = |k: usize| {
        let key = tokens[k].key.as_str();
        family_shaped(k) || (surname_shaped(key) && !lex.is_word(key))
    };
    // The person whose name starts at `k`: given names (with «سید»,
    // «سادات»), then one family-name word, two when the second is the
    // split-off end of the first («رنجبر نیا»). Gives the name's words
    // and whether its given name is sure and its family name looks like
    // one.
    let person_at = |k: usize, covered: &[bool]| -> Option<(Range<usize>, bool, bool)> {
        let mut g_end = k;
        let mut sure = false;
        let mut any = false;
        while g_end < tokens.len()
            && g_end - k < 4
            && !covered[g_end]
            && (g_end == k || joins(&tokens[g_end - 1], &tokens[g_end]))
        {
            let key = tokens[g_end].key.as_str();
            if (g_end == k && NAME_PREFIXES.contains(&key)) || (any && NAME_SUFFIXES.contains(&key))
            {
                g_end += 1;
                continue;
            }
            match lex.given(key) {
                Some(Given::Name) => sure = true,
                Some(Given::Word) => {}
                None => break,
            }
            any = true;
            g_end += 1;
        }
        if !any {
            return None;
        }
        // The family name; when none follows, the last of several given
        // names is it («محمد حسین» then a verb).
        let mut s = g_end;
        if !(s < tokens.len() && joins(&tokens[s - 1], &tokens[s]) && nameish(s, covered)) {
            if g_end - k >= 2 && lex.given(&tokens[g_end - 1].key).is_some() {
                s = g_end - 1;
            } else {
                return None;
            }
        }
        let mut end = s + 1;
        if end < tokens.len()
            && joins(&tokens[end - 1], &tokens[end])
            && !covered[end]
            && SURNAME_PIECES.contains(&tokens[end].key.as_str())
        {
            end += 1;
        }
        Some((k..end, sure, family_shaped(end - 1)))
    };
    // A cue around a name at `r`: a role in apposition after it («X،
    // سرمربی …»), a verb of saying right after it.
    let cue_after = |r: &Range<usize>| {
        let Some(next) = tokens.get(r.end) else {
            return false;
        };
        (comma_between(r.end - 1, r.end) && is_role(&next.key))
            || (joins(&tokens[r.end - 1], next) && SAYS.contains(&next.key.as_str()))
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
    // Named after a person: «سالن همایش شهید مطهری», «بیمارستان امام
    // خمینی».
    let named_after =
        |k: usize| (k.saturating_sub(2)..k).any(|x| PLACE_HEADS.contains(&tokens[x].key.as_str()));
    // Name words after an honorific: a given name and more, or a word
    // that looks like a family name («آقای کاظمی»).
    let after_honorific = |k: usize, covered: &[bool]| -> Option<Range<usize>> {
        if k >= tokens.len() || !nameish(k, covered) {
            return None;
        }
        if let Some((r, _, _)) = person_at(k, covered) {
            return Some(r);
        }
        let mut end = k + 1;
        while end < tokens.len()
            && end - k < 3
            && joins(&tokens[end - 1], &tokens[end])
            && nameish(end, covered)
        {
            end += 1;
        }
        // One word that is a given name, or looks like no family name,
        // is a word («آقای محمد», «استاد اقتصاد»).
        let one = end == k + 1;
        (!(one && (lex.given(&tokens[k].key).is_some() || !family_shaped(k)))).then_some(k..end)
    };
    // A role phrase from its head at `x`: up to a comma or a verb or
    // function word («مدیر بیمارستان امام رضا»; «و» inside: «کمیسیون
    // برنامه و بودجه»), seven words at most.
    let role_from = |x: usize| -> Range<usize> {
        let mut end = x + 1;
        while end < tokens.len()
            && end - x < 7
            && joins(&tokens[end - 1], &tokens[end])
            && (tokens[end].key == "و"
                || is_role(&tokens[end].key)
                || (!NOT_NAMES.contains(&tokens[end].key.as_str())
                    && !lex.is_closed(&tokens[end].key)))
            && !lex.is_verb(&tokens[end].key)
        {
            end += 1;
        }
        while end > x + 1 && tokens[end - 1].key == "و" {
            end -= 1;
        }
        x..end
    };
    // The role in apposition after a name («X، سرمربی ملوان، …»).
    let role_after = |r: &Range<usize>| -> Option<Range<usize>> {
        let next = tokens.get(r.end)?;
        (comma_between(r.end - 1, r.end) && is_role(&next.key))
            .then(|| role_from(r.end))
            .filter(|r| r.len() >= 2)
    };
    let mut found: Vec<Introduced> = Vec::new();
    let mut k = 0;
    while k < tokens.len() {
        if covered[k] {
            k += 1;
            continue;
        }
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
                && let Some(r) = after_honorific(n, covered)
            {
                if !is_outlet(&r) && !named_after(k) {
                    let role = role_after(&r);
                    let name = name_text(text, tokens, &r);
                    found.push((r.clone(), name, role, Evidence::Honorific));
                }
                k = r.end;
                continue;
            }
        }
        // «رئیس‌کل بانک مرکزی، محمدحسین صالحی‌نیا، …»: a role, a comma,
        // a name, a comma.
        // (The role's words run up to the comma unbroken: «… پاسخ داد.
        // سرمربی تیم ملی، X» starts at «سرمربی».)
        let role_before = (k >= 1 && comma_between(k - 1, k))
            .then(|| {
                let mut from = k - 1;
                while from > k.saturating_sub(7) && joins(&tokens[from - 1], &tokens[from]) {
                    from -= 1;
                }
                (from..k).find(|&x| is_role(&tokens[x].key))
            })
            .flatten();
        if let Some(head) = role_before {
            let r = match person_at(k, covered) {
                Some((r, ..)) => Some(r),
                None => {
                    let mut end = k;
                    while end < tokens.len()
                        && end - k < 3
                        && (end == k || joins(&tokens[end - 1], &tokens[end]))
                        && nameish(end, covered)
                    {
                        end += 1;
                    }
                    (end > k && cued_family(end - 1)).then_some(k..end)
                }
            };
            if let Some(r) = r
                && tokens
                    .get(r.end)
                    .is_some_and(|_| comma_between(r.end - 1, r.end))
                && !is_outlet(&r)
            {
                let role = Some(head..k).filter(|r| r.len() >= 2);
                let name = name_text(text, tokens, &r);
                found.push((r.clone(), name, role, Evidence::Role));
                k = r.end;
                continue;
            }
        }
        // A given name and a family name, with the evidence.
        if let Some((r, sure, family)) = person_at(k, covered) {
            let cue = cue_after(&r);
            // A given name that is also a word («شهلا», «آسوده») with a
            // family name of the list or of a family name's shape that is
            // no Persian word, or with a cue.
            let last = tokens[r.end - 1].key.as_str();
            let weak_but_named = ((lex.is_surname(last) || surname_shaped(last))
                && !lex.is_common(last))
                || (family && cue);
            // A common word with an ending («تیمش», «کتاب‌ها») is no family
            // name, whatever follows («مهاجم جوان تیمش افزود»).
            let inflected = lex.is_common(last)
                && !lex.is_word(last)
                && !lex.is_surname(last)
                && !surname_shaped(last);
            if ((sure && (family || cue)) || weak_but_named)
                && !inflected
                && !is_outlet(&r)
                && !named_after(k)
            {
                let role = role_after(&r);
                let evidence = if role.is_some() {
                    Evidence::Role
                } else if cue {
                    Evidence::Says
                } else {
                    Evidence::FamilyName
                };
                let name = name_text(text, tokens, &r);
                found.push((r.clone(), name, role, evidence));
                k = r.end;
                continue;
            }
            // Shaped like a name without the evidence here: another
            // article may give it.
            if (sure || family)
                && !is_outlet(&r)
                && !named_after(k)
                && unconfirmed.len() < 64
                && unconfirmed.last().is_none_or(|u| u.end <= r.start)
            {
                unconfirmed.push(r.clone());
            }
        }
        // «نیلوفری، سخنگوی …»: a family name alone, a comma, a role.
        if let Some(next) = tokens.get(k + 1)
            && is_role(&next.key)
            && comma_between(k, k + 1)
            && nameish(k, covered)
            && lex.given(key).is_none()
            && cued_family(k)
            && !is_outlet(&(k..k + 1))
        {
            let r = k..k + 1;
            let role = Some(role_from(k + 1)).filter(|r| r.len() >= 2);
            let name = name_text(text, tokens, &r);
            found.push((r.clone(), name, role, Evidence::Role));
        }
        k += 1;
    }
    // Names a user rejected are dropped; one candidate per joined key.
    let mut by_key: HashMap<String, Name> = HashMap::default();
    let mut surnames: HashMap<String, Name> = HashMap::default();
    // Role phrases (their words' keys) → who was introduced with them.
    let mut roles: Vec<RoleUse> = Vec::new();
    for (r, name, role, evidence) in found {
        let key: String = tokens[r.clone()].iter().map(|t| t.key.as_str()).collect();
        if g.is_rejected(&key) || g.surface(&key).is_some() {
            continue;
        }
        // (A name is kept for the process once it passed the lists.)
        let name = *by_key.entry(key).or_insert_with(|| Name::from(name));
        let role = role.map(|role| {
            let keys: Vec<&str> = tokens[role.clone()]
                .iter()
                .map(|t| t.key.as_str())
                .collect();
            let written: Name = Name::from(name_text(text, tokens, &role));
            // (A few dozen roles at most: each is looked for over the
            // rest of the article.)
            if roles.len() < 32 && !roles.iter().any(|(k, ..)| *k == keys) {
                roles.push((keys, name, role.start, written));
            }
            written
        });
        if let Some(last) = tokens.get(r.end - 1) {
            surnames.entry(last.key.clone()).or_insert(name);
        }
        covered[r.clone()].iter_mut().for_each(|c| *c = true);
        out.push(Mention {
            entity: EntityRef::Candidate(name),
            start: tokens[r.start].range.start as u32,
            end: tokens[r.end - 1].range.end as u32,
            via: Via::Cue(evidence),
            role,
        });
    }
    // The role alone, later on («رئیس‌کل بانک مرکزی افزود»): the person
    // introduced with it.
    // (Anywhere in the article: a headline names the role before the
    // text introduces the person.)
    for (keys, name, introduced_at, role) in &roles {
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
                    entity: EntityRef::Candidate(*name),
                    start: tokens[k].range.start as u32,
                    end: tokens[k + keys.len() - 1].range.end as u32,
                    via: Via::Title,
                    role: Some(*role),
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
                entity: EntityRef::Candidate(*name),
                start: t.range.start as u32,
                end: t.range.end as u32,
                via: Via::Name,
                role: None,
            });
        }
    }
}

/// A role phrase's word keys, who was introduced with it, where (its
/// first word), and the phrase as written.
type RoleUse<'t> = (Vec<&'t str>, Name, usize, Name);

/// A candidate's name words, the name, the role it was introduced with,
/// and what introduced it.
type Introduced = (Range<usize>, String, Option<Range<usize>>, Evidence);

/// Endings of Persian surnames (search keys, ZWNJ gone): supporting
/// evidence that a word is a family name.
const SURNAME_ENDINGS: &[&str] = &[
    "نیا", "زاده", "پور", "فر", "راد", "نژاد", "نسب", "یان", "لو", "وند", "ی", "پناه", "مهر",
];

fn surname_shaped(key: &str) -> bool {
    key.chars().count() >= 4 && SURNAME_ENDINGS.iter().any(|e| key.ends_with(e))
}

/// A name's text as [`name_text`] gives it, from its bytes in `text`.
pub(crate) fn name_of(text: &str) -> String {
    let tokens = tokenize(text);
    if tokens.is_empty() {
        return String::new();
    }
    name_text(text, &tokens, &(0..tokens.len()))
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
        extract(g, &a.text(), a.date.as_ref().map(|d| d.day))
            .iter()
            .map(|m| {
                let e = EntityName::of(g, &m.entity);
                (e.name, e.candidate, a.text()[m.range()].to_string())
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
            extract(&g, &a.text(), a.date.as_ref().map(|d| d.day))
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
        let roles: Vec<String> = extract(&g, &a.text(), None)
            .iter()
            .filter(|m| m.via == Via::Title)
            .map(|m| EntityName::of(&g, &m.entity).name)
            .collect();
        assert_eq!(
            roles, ["محمدحسین صالحی‌نیا"; 2],
            "the headline and the later role"
        );
        // The role is kept with the introduction and the later mentions,
        // in Persian letters, and the sidebar's row shows it.
        let text = a.text();
        let ms = extract(&g, &text, None);
        let with_role: Vec<(&str, Option<&str>)> = ms
            .iter()
            .filter(|m| matches!(m.entity, EntityRef::Candidate(_)))
            .map(|m| (&text[m.range()], m.role.as_deref()))
            .collect();
        assert_eq!(
            with_role,
            [
                ("رئیس‌کل بانک مرکزی", Some("رئیس‌کل بانک مرکزی")),
                ("محمدحسین صالحی‌نیا", Some("رئیس‌کل بانک مرکزی")),
                ("رئیس‌کل بانک مرکزی", Some("رئیس‌کل بانک مرکزی")),
            ]
        );
        let summary = crate::extract::EntitySummary::of(&g, [ms.iter().copied()], None, 0);
        let row = summary
            .rows
            .iter()
            .find(|r| r.name.name == "محمدحسین صالحی‌نیا")
            .expect("a row for the governor");
        assert_eq!(row.role.as_deref(), Some("رئیس‌کل بانک مرکزی"));
        assert_eq!(row.evidence, [Evidence::Role], "what introduced him");
        // Evidence from several articles adds up.
        let a1 = extract(
            &g,
            "دکتر مهتاب سپیدار آمد. نرگس طاهرخانی گفت که می‌آید.",
            None,
        );
        let a2 = extract(
            &g,
            "مهتاب سپیدار، سخنگوی شورا، گفت که طرح ادامه دارد.",
            None,
        );
        let summary = crate::extract::EntitySummary::of(
            &g,
            [a1.iter().copied(), a2.iter().copied()],
            None,
            0,
        );
        assert_eq!(summary.rows[0].name.name, "مهتاب سپیدار");
        assert_eq!(
            summary.rows[0].evidence,
            [Evidence::Honorific, Evidence::Role]
        );
        let ms = extract(&g, "سرمربی ملوان، علی ياري‌پور، گفت که تیم آماده است.", None);
        assert_eq!(
            crate::extract::role_of(
                ms.iter().copied(),
                &EntityRef::Candidate("علی یاری‌پور".into())
            ),
            Some("سرمربی ملوان"),
            "the role before the name, Arabic yeh read as Persian"
        );
        // A hall named after a person is a place, no mention of him.
        let f = found(
            &g,
            &article("مراسم در حسینیه امام خمینی برگزار شد.", Some("2024-06-01")),
        );
        assert_eq!(
            f,
            [(
                "حسینیه امام خمینی".to_string(),
                true,
                "حسینیه امام خمینی".to_string()
            )]
        );
    }

    #[test]
    fn one_candidate_whatever_its_spacing() {
        use std::collections::HashSet;
        let refs = [
            EntityRef::Candidate("امیر قلعه‌نویی".into()),
            EntityRef::Candidate("امیر قلعهنویی".into()),
            EntityRef::Candidate("امیر قلعه نویی".into()),
        ];
        let set: HashSet<&EntityRef> = refs.iter().collect();
        assert_eq!(set.len(), 1, "one person in a set: {set:?}");
        assert_ne!(
            refs[0],
            EntityRef::Named("امیر قلعه‌نویی".into(), EntityKind::Org)
        );
        assert_ne!(refs[0], EntityRef::Candidate("امیر قلعه‌نوی".into()));
    }

    #[test]
    fn organisations_and_places_by_their_head_noun() {
        let g = Gazetteer::bundled();
        let a = article(
            "سازمان غذا و دارو اعلام کرد که دانشگاه علوم پزشکی مشهد و رودخانه قره‌سو \
             را بررسی می‌کند؛ مرکز استان آرام است و شرکت در جلسه آزاد است و دریاچه رسانده شد. \
             سالن شماره ۲ پر بود و شرکت ایرانی آمد.",
            Some("2024-06-01"),
        );
        let named: Vec<(String, EntityKind)> = extract(&g, &a.text(), None)
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
    fn outlets_cited_are_organisations_even_when_their_name_is_a_place() {
        let g = Gazetteer::bundled();
        let named = |text: &str| -> Vec<(String, EntityKind, String)> {
            let a = article(text, Some("2024-06-01"));
            extract(&g, &a.text(), None)
                .iter()
                .map(|m| {
                    let e = EntityName::of(&g, &m.entity);
                    (e.name, e.kind, a.text()[m.range()].to_string())
                })
                .collect()
        };
        let f = named("به گزارش فارس، باران آمد. به گزارش خبرنگار مهر، برف آمد.");
        assert_eq!(f.len(), 2, "{f:?}");
        assert!(f.iter().all(|x| x.1 == EntityKind::Org), "{f:?}");
        assert_eq!((f[0].2.as_str(), f[1].2.as_str()), ("فارس", "مهر"));
        // An outlet no list knows, one word that is no Persian word.
        let f = named("به نقل از کاسپین‌نیوز، بازار آرام بود.");
        assert_eq!(f[0].1, EntityKind::Org, "{f:?}");
        // Outlets found one after another keep the places after them; a
        // place talked with is a place.
        let f = named(
            "به نقل از کاسپین‌نیوز، الف. به نقل از آذرخبر، ب. به گزارش عصر ایران، باران در تهران آمد.",
        );
        assert!(
            f.iter().any(|x| x.2 == "تهران" && x.1 == EntityKind::Place),
            "{f:?}"
        );
        let f = named("آمریکا آماده گفت‌وگو با ایران است.");
        assert!(f.iter().all(|x| x.1 == EntityKind::Place), "{f:?}");
        // Elsewhere «فارس» is the province.
        let f = named("باران در استان فارس بارید.");
        assert_eq!(f[0].1, EntityKind::Place, "{f:?}");
    }

    #[test]
    fn a_latin_name_in_parentheses_is_another_name_of_the_mention_before() {
        let g = Gazetteer::bundled();
        let a = article(
            "انجمن ملی فناوری آب (NWTA) گزارش داد. به گفته NWTA مصرف کم شد و RAM گران شد.",
            Some("2024-06-01"),
        );
        let f: Vec<(String, String)> = extract(&g, &a.text(), None)
            .iter()
            .map(|m| {
                (
                    EntityName::of(&g, &m.entity).name,
                    a.text()[m.range()].to_string(),
                )
            })
            .collect();
        assert_eq!(
            f,
            [
                (
                    "انجمن ملی فناوری آب".to_string(),
                    "انجمن ملی فناوری آب".to_string()
                ),
                ("انجمن ملی فناوری آب".to_string(), "NWTA".to_string()),
                ("انجمن ملی فناوری آب".to_string(), "NWTA".to_string()),
            ],
            "a Latin word tied to nothing is no name"
        );
    }

    #[test]
    fn where_a_bodys_name_ends() {
        let g = Gazetteer::bundled();
        let named = |text: &str| -> Vec<String> {
            let a = article(text, Some("2024-06-01"));
            extract(&g, &a.text(), None)
                .iter()
                .map(|m| EntityName::of(&g, &m.entity).name)
                .collect()
        };
        // A past stem inside a name is a noun; «این استان» names no new
        // place; a verb's noun after a name is no part of it.
        assert_eq!(
            named("سازمان حفاظت محیط زیست نیز در این استان بیانیه داد."),
            ["سازمان حفاظت محیط زیست"]
        );
        assert_eq!(
            named("نتیجه در استانداری بررسی خواهد شد و تیم در صدر لیگ برتر قرار دارد."),
            ["لیگ برتر"]
        );
        // A hospital named after someone ends before its city; other
        // names keep it.
        assert_eq!(
            named("بیمار به بیمارستان امام خمینی تهران و خیابان فردوسی شیراز رفت."),
            ["بیمارستان امام خمینی", "تهران", "خیابان فردوسی شیراز"]
        );
        assert_eq!(
            named("شرکت توزیع نیروی برق تهران بزرگ خبر داد."),
            ["شرکت توزیع نیروی برق تهران بزرگ"]
        );
        // A hall of a library is named by the library; a province's court.
        assert_eq!(
            named("مراسم در تالار کتابخانه مرکزی تبریز بود و دادگستری استان اصفهان حکم داد."),
            ["کتابخانه مرکزی تبریز", "دادگستری استان اصفهان"]
        );
        // The name written short later is the same body; «… آسیاست» is a
        // verb.
        assert_eq!(
            named("کمیسیون برنامه و بودجه مجلس جلسه داشت. کمیسیون برنامه و بودجه بیانیه داد."),
            ["کمیسیون برنامه و بودجه مجلس"; 2]
        );
        assert_eq!(
            named("هدف ما قهرمانی آسیاست و تیم آسیاست."),
            Vec::<String>::new()
        );
        // «هواپیمایی» is no nationality.
        assert_eq!(
            named("سازمان هواپیمایی کشوری اعلام کرد."),
            ["سازمان هواپیمایی کشوری"]
        );
        // Another country's minister is not Iran's.
        assert_eq!(
            named("وزیر خارجه بولیوی به تهران آمد."),
            ["بولیوی", "تهران"]
        );
        // An Iranian place after a title is where the holder goes.
        let a = article(
            "رئیس‌جمهور تهران را به مقصد نیویورک ترک کرد.",
            Some("2025-06-01"),
        );
        let f: Vec<String> = extract(&g, &a.text(), a.date.as_ref().map(|d| d.day))
            .iter()
            .map(|m| EntityName::of(&g, &m.entity).name)
            .collect();
        assert_eq!(f[0], "مسعود پزشکیان", "{f:?}");
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
        assert_eq!(
            f,
            ["فرودگاه امام خمینی", "روح‌الله خمینی"],
            "the airport is a place, not the man"
        );
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
