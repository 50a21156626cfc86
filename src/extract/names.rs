//! What a word is, for telling names from prose (issue 16): Persian and
//! foreign given names, family names, Persian's common words with their
//! parts of speech, and verb forms. The lists are generated from
//! openly licensed packages by `assets/gazetteer/names/generate.py`
//! (sources and licences in each file's header), except the foreign
//! given names and the popular given names, written for daftar.
//! Everything is keyed by [`joined_key`](super::gazetteer::joined_key),
//! the search keys of a name's words run together, as the gazetteer is, so
//! «محمدحسین», «محمد حسین» and «محمدحسين» are one given name.

use std::sync::LazyLock;

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use super::gazetteer::joined_key as key;

const GIVEN: &str = include_str!("../../assets/gazetteer/names/given_names.txt");
const FOREIGN_GIVEN: &str = include_str!("../../assets/gazetteer/names/foreign_given_names.txt");
const SURNAMES: &str = include_str!("../../assets/gazetteer/names/surnames.txt");
const COMMON: &str = include_str!("../../assets/gazetteer/names/common_words.txt");
const VERB_STEMS: &str = include_str!("../../assets/gazetteer/names/verb_stems.txt");

/// How sure a given name is a name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Given {
    /// A name and no common word («محمدحسین», «ژیلا», «ایگناسیو»).
    Name,
    /// Also a common word («آسوده», «شهلا», «آهو»): a name only with
    /// more evidence. (Names far more often words, «روز», «بهار», are
    /// left out of the list.)
    Word,
}

/// Parts of speech a common word can have (Hazm's tags, grouped).
#[derive(Debug, Clone, Copy, Default)]
struct Tags {
    /// Preposition, conjunction, determiner, pronoun, postposition; or
    /// number, classifier, interjection and no noun.
    closed: bool,
    /// An adverb.
    adverb: bool,
    /// A noun or adjective.
    noun: bool,
}

impl Tags {
    /// A function word, or an adverb that is no noun: never (part of) a
    /// name.
    fn never_a_name(&self) -> bool {
        self.closed || (self.adverb && !self.noun)
    }
}

/// Verb stems whose verbs are light verbs («اعلام کرد», «برگزار شد»):
/// the word before one is the verb's nominal part, not a name's last
/// word. (Not «داشت»: «ملی ندارد» is mostly «has no».)
const LIGHT: &[&str] = &[
    "کرد",
    "شد",
    "داد",
    "گرفت",
    "زد",
    "نمود",
    "یافت",
    "ساخت",
    "اورد",
    "رساند",
    "کشید",
    "خورد",
    "گشت",
    "گردید",
];

/// Preverbs before a continuous verb («برمی‌گردد», «درمی‌آید»).
const PREVERBS: &[&str] = &["بر", "در", "باز", "فرا", "فرو", "وا"];

/// Words that are verbs whatever the stem list says: copulas and
/// auxiliaries.
const COPULAS: &[&str] = &[
    "است",
    "نیست",
    "هست",
    "هستند",
    "هستیم",
    "هستم",
    "نیستند",
    "بود",
    "بودند",
    "باشد",
    "باشند",
    "نباشد",
    "خواهد",
    "خواهند",
    "نخواهد",
    "نخواهند",
    "اند",
    "ایم",
];

pub struct Lexicon {
    given: HashMap<String, Given>,
    surnames: HashSet<String>,
    common: HashMap<String, Tags>,
    /// Verb form → whether its verb is a light verb.
    verbs: HashMap<String, bool>,
    /// Past stems of verbs that are not light («زیست», «گذشت»).
    bare_past: HashSet<String>,
}

/// The lexicon, read once.
pub static LEXICON: LazyLock<Lexicon> = LazyLock::new(Lexicon::load);

/// The data lines of a list (no header comments, no blanks).
fn lines(text: &str) -> impl Iterator<Item = &str> {
    text.lines()
        .map(str::trim_end)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

impl Lexicon {
    fn load() -> Lexicon {
        let mut common: HashMap<String, Tags> = HashMap::default();
        for l in lines(COMMON) {
            let Some((word, tags)) = l.split_once('\t') else {
                continue;
            };
            let mut t = Tags::default();
            let mut minor = false;
            for tag in tags.split(',') {
                match tag {
                    "P" | "CONJ" | "DET" | "PRO" | "POSTP" => t.closed = true,
                    "NUM" | "CL" | "INT" | "PS" | "PR" => minor = true,
                    "ADV" => t.adverb = true,
                    "N" | "AJ" | "AJC" | "PL" | "RES" => t.noun = true,
                    _ => {}
                }
            }
            // (Hazm tags «منصوره» N,NUM: a number word only when no noun.)
            t.closed |= minor && !t.noun;
            common.insert(key(word), t);
        }
        // Letters fold: «آین» is «این» by its key. A name whose key is a
        // function word or adverb is none.
        let closed = |k: &str| common.get(k).is_some_and(Tags::never_a_name);
        let mut given = HashMap::default();
        for l in lines(GIVEN) {
            let (name, word) = match l.split_once('\t') {
                Some((n, _)) => (n, true),
                None => (l, false),
            };
            let k = key(name);
            if !closed(&k) {
                given.insert(k, if word { Given::Word } else { Given::Name });
            }
        }
        // (Written for daftar without Persian words among them: Hazm's
        // nouns hold many foreign names, «جیمز» among them.)
        for l in lines(FOREIGN_GIVEN) {
            given.entry(key(l)).or_insert(Given::Name);
        }
        let surnames = lines(SURNAMES).map(key).filter(|k| !closed(k)).collect();
        let mut verbs = HashMap::default();
        let mut bare_past = HashSet::default();
        for l in lines(VERB_STEMS) {
            let Some((past, present)) = l.split_once('#') else {
                continue;
            };
            // («آخت#آهنج یا آهاز»: the first form.)
            let past = key(past.split_whitespace().next().unwrap_or(""));
            let present = key(present.split_whitespace().next().unwrap_or(""));
            let light = LIGHT.contains(&past.as_str());
            if !light {
                bare_past.insert(past.clone());
            }
            // The bare past stem is a noun as often as a verb («شکست»,
            // «زیست», «برد»): a verb only when it is no common noun.
            let bare_is_noun = common.get(&past).is_some_and(|t| t.noun);
            for form in verb_forms(&past, &present) {
                if form == past && bare_is_noun && !light {
                    continue;
                }
                let e = verbs.entry(form).or_insert(false);
                *e |= light;
            }
        }
        for c in COPULAS {
            verbs.entry(key(c)).or_insert(false);
        }
        Lexicon {
            given,
            surnames,
            common,
            verbs,
            bare_past,
        }
    }

    /// A past stem of a verb that is not light: a verb at a clause's end,
    /// a noun inside a name («محیط زیست»).
    pub fn is_bare_past(&self, key: &str) -> bool {
        self.bare_past.contains(key)
    }

    /// Whether a word (a token key) is a given name, and how sure.
    pub fn given(&self, key: &str) -> Option<Given> {
        self.given.get(key).copied()
    }

    /// A family name of the list.
    pub fn is_surname(&self, key: &str) -> bool {
        self.surnames.contains(key)
    }

    /// A verb form («می‌گوید», «شدند», «رسانده‌اند», «است»).
    pub fn is_verb(&self, key: &str) -> bool {
        self.verbs.contains_key(key)
            // After a preverb: «برمی‌دارد», «درمی‌آید».
            || PREVERBS.iter().any(|p| {
                key.strip_prefix(p)
                    .is_some_and(|rest| rest.starts_with("می") && self.verbs.contains_key(rest))
            })
    }

    /// A form of a light verb («کرد», «شده», «می‌دهند»).
    pub fn is_light_verb(&self, key: &str) -> bool {
        self.verbs.get(key).copied().unwrap_or(false)
    }

    /// A function word, number word or adverb: never part of a name.
    pub fn is_closed(&self, key: &str) -> bool {
        self.common.get(key).is_some_and(Tags::never_a_name)
    }

    /// A word with «است» joined to it after a vowel («آسیاست», «اوست»,
    /// «زیباست»): a clause's verb, never a name's word.
    pub fn has_copula(&self, key: &str) -> bool {
        key.strip_suffix("ست").is_some_and(|base| {
            base.ends_with(['ا', 'و'])
                && base.chars().count() >= 2
                && !self.common.contains_key(key)
                && self.is_common(base)
        })
    }

    /// A noun or adjective of Persian that is no function word or adverb
    /// («متهم», «بیماران» through [`Self::is_common`]'s endings are not).
    pub fn is_noun(&self, key: &str) -> bool {
        self.common
            .get(key)
            .is_some_and(|t| t.noun && !t.closed && !t.adverb)
    }

    /// A common word of Persian as it stands («بانکی», «مرکزی»).
    pub fn is_word(&self, key: &str) -> bool {
        self.common.contains_key(key)
    }

    /// A common word of Persian, or an inflection of one («بازیکنان»,
    /// «کتاب‌های», «شهرها»): a word outside is likely a name.
    pub fn is_common(&self, key: &str) -> bool {
        if self.common.contains_key(key) || self.verbs.contains_key(key) {
            return true;
        }
        [
            "های", "ها", "ان", "ات", "ی", "یی", "ای", "ش", "اش", "شان", "مان", "تان",
        ]
        .iter()
        .filter_map(|s| key.strip_suffix(s))
        .any(|base| base.chars().count() >= 2 && self.common.contains_key(base))
    }
}

/// Every inflected form of one verb (keys, ZWNJ gone): past and present,
/// negative, continuous, perfect.
fn verb_forms(past: &str, present: &str) -> Vec<String> {
    const PERSONS: &[&str] = &["م", "ی", "یم", "ید", "ند"];
    const PERFECT: &[&str] = &["", "ام", "ای", "است", "ایم", "اید", "اند"];
    let mut out = Vec::new();
    if !past.is_empty() {
        for pre in ["", "ن", "می", "نمی"] {
            out.push(format!("{pre}{past}"));
            for p in PERSONS {
                out.push(format!("{pre}{past}{p}"));
            }
        }
        for pre in ["", "ن", "می"] {
            for p in PERFECT {
                out.push(format!("{pre}{past}ه{p}"));
            }
        }
    }
    if !present.is_empty() {
        // After «ب» and «ن» an alef-initial stem takes a «ی» («بیاید»).
        let joined = |pre: &str| {
            if present.starts_with('ا') && matches!(pre, "ب" | "ن") {
                format!("{pre}ی{present}")
            } else {
                format!("{pre}{present}")
            }
        };
        for pre in ["می", "نمی", "ب", "ن"] {
            for p in ["د", "م", "ی", "یم", "ید", "ند"] {
                out.push(format!("{}{p}", joined(pre)));
            }
        }
        // The bare subjunctive and the auxiliaries («دارد», «تواند»,
        // «باشد»); only the third persons, which no noun shares often.
        for p in ["د", "ند"] {
            out.push(format!("{present}{p}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn given_names_compounds_and_words() {
        let l = &*LEXICON;
        for n in ["محمدحسین", "محمد حسین", "فاطمه", "سپیده", "كاوه", "جیمز"]
        {
            assert_eq!(l.given(&key(n)), Some(Given::Name), "{n}");
        }
        // Given names that are also words need more evidence; words far
        // more common than the name are none.
        assert_eq!(l.given(&key("آسوده")), Some(Given::Word));
        for w in ["روز", "دلیل", "بهار"] {
            assert!(l.given(&key(w)).is_none(), "{w}");
        }
        // Function words and verbs are never given names.
        for w in ["از", "گفت", "امروز", "برای"] {
            assert!(l.given(&key(w)).is_none(), "{w}");
        }
    }

    #[test]
    fn verbs_light_verbs_and_common_words() {
        let l = &*LEXICON;
        for v in [
            "گفت",
            "می‌گوید",
            "شدند",
            "رسانده‌اند",
            "نمی‌کنیم",
            "است",
            "بیاید",
        ] {
            assert!(l.is_verb(&key(v)), "{v}");
        }
        for v in ["کرد", "شده", "می‌دهند", "گرفت"] {
            assert!(l.is_light_verb(&key(v)), "{v}");
        }
        assert!(!l.is_light_verb(&key("گفت")));
        for w in ["بازیکنان", "کتاب‌های", "شهرها", "اقتصادی", "امروز"]
        {
            assert!(l.is_common(&key(w)), "{w}");
        }
        for w in ["شاه‌محمدی‌نژاد", "اوسترهاوت", "قلی‌پور"] {
            assert!(!l.is_common(&key(w)), "{w}");
        }
        for w in ["درباره", "از", "همچنین"] {
            assert!(l.is_closed(&key(w)), "{w}");
        }
    }
}
