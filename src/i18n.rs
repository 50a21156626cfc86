//! The window's words in English and Persian: every message the window
//! shows is looked up here by id in a Project Fluent catalogue
//! (`assets/i18n/en.ftl`, `assets/i18n/fa.ftl`, compiled in), with numbers
//! in Persian digits when the user wants them.
//!
//! The language is per thread (the window's thread; each test its own), so
//! two windows in one process — the tests — never see each other's choice.
//! Fluent's bidi isolation marks are off: the layout module runs the bidi
//! algorithm on whole messages, and egui would draw the marks as boxes.

use std::cell::Cell;
use std::sync::OnceLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use serde::{Deserialize, Serialize};

/// A language of the interface.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
pub enum Lang {
    #[default]
    En,
    Fa,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::En, Lang::Fa];

    /// The language's name in itself (for the language menu).
    pub fn native_name(self) -> &'static str {
        match self {
            Lang::En => "English",
            Lang::Fa => "فارسی",
        }
    }

    /// Whether the interface reads right to left (mirrored layout).
    pub fn rtl(self) -> bool {
        self == Lang::Fa
    }

    /// The system's language: Persian when the locale says so
    /// (`fa`, `fa_IR`, `fa-AF` …), else English.
    pub fn of_system() -> Lang {
        // (Asked once: the settings ask every frame.)
        static SYSTEM: OnceLock<Lang> = OnceLock::new();
        *SYSTEM.get_or_init(|| match sys_locale::get_locale() {
            Some(l) if l.to_ascii_lowercase().starts_with("fa") => Lang::Fa,
            _ => Lang::En,
        })
    }
}

const EN: &str = include_str!("../assets/i18n/en.ftl");
const FA: &str = include_str!("../assets/i18n/fa.ftl");

thread_local! {
    static LANG: Cell<Lang> = const { Cell::new(Lang::En) };
    static PERSIAN_DIGITS: Cell<bool> = const { Cell::new(false) };
}

/// Sets this thread's interface language and digits.
pub fn set(lang: Lang, persian_digits: bool) {
    LANG.with(|l| l.set(lang));
    PERSIAN_DIGITS.with(|d| d.set(persian_digits));
}

/// This thread's interface language.
pub fn lang() -> Lang {
    LANG.with(Cell::get)
}

/// Whether numbers are shown in Persian digits.
pub fn persian_digits() -> bool {
    PERSIAN_DIGITS.with(Cell::get)
}

/// `s` with its ASCII digits as Persian digits when the user wants them
/// (and a decimal point between digits as the Persian «٫»).
pub fn digits(s: &str) -> String {
    if !persian_digits() {
        return s.to_string();
    }
    let chars: Vec<char> = s.chars().collect();
    chars
        .iter()
        .enumerate()
        .map(|(i, &c)| match c {
            '0'..='9' => char::from_u32('۰' as u32 + (c as u32 - '0' as u32)).unwrap_or(c),
            '.' if i > 0
                && chars[i - 1].is_ascii_digit()
                && chars.get(i + 1).is_some_and(char::is_ascii_digit) =>
            {
                '٫'
            }
            _ => c,
        })
        .collect()
}

/// A number as the interface writes it.
pub fn num(n: impl std::fmt::Display) -> String {
    digits(&n.to_string())
}

fn bundle(lang: Lang) -> &'static FluentBundle<FluentResource> {
    static BUNDLES: OnceLock<[FluentBundle<FluentResource>; 2]> = OnceLock::new();
    let all = BUNDLES.get_or_init(|| {
        [(Lang::En, EN, "en"), (Lang::Fa, FA, "fa")].map(|(_, src, tag)| {
            let id: unic_langid::LanguageIdentifier = tag.parse().unwrap_or_default();
            let mut b = FluentBundle::new_concurrent(vec![id]);
            b.set_use_isolating(false);
            b.set_formatter(Some(format_number));
            // (A faulty entry is reported by the catalogue test; the rest loads.)
            let res = FluentResource::try_new(src.to_string()).unwrap_or_else(|(r, _)| r);
            let _ = b.add_resource(res);
            b
        })
    });
    match lang {
        Lang::En => &all[0],
        Lang::Fa => &all[1],
    }
}

fn format_number<M>(v: &FluentValue, _: &M) -> Option<String> {
    match v {
        FluentValue::Number(n) => Some(digits(&n.as_string())),
        _ => None,
    }
}

/// An argument of a message.
pub enum Arg<'a> {
    Num(f64),
    Str(&'a str),
}

macro_rules! number_arg {
    ($($t:ty),*) => {$(
        impl From<$t> for Arg<'_> {
            fn from(n: $t) -> Self {
                Arg::Num(n as f64)
            }
        }
    )*};
}
number_arg!(usize, u64, i64, i32, u32);

impl<'a> From<&'a str> for Arg<'a> {
    fn from(s: &'a str) -> Self {
        Arg::Str(s)
    }
}
impl<'a> From<&'a String> for Arg<'a> {
    fn from(s: &'a String) -> Self {
        Arg::Str(s)
    }
}

/// The message `id` in `lang`, with `args`; the English one when the
/// language lacks it, the id itself when neither has it (the catalogue
/// test keeps that from happening).
pub fn message_in(lang: Lang, id: &str, args: &[(&str, Arg)]) -> String {
    let fargs = (!args.is_empty()).then(|| {
        let mut a = FluentArgs::new();
        for (k, v) in args {
            match v {
                Arg::Num(n) => a.set(*k, FluentValue::from(*n)),
                Arg::Str(s) => a.set(*k, FluentValue::from(*s)),
            }
        }
        a
    });
    for l in [lang, Lang::En] {
        let b = bundle(l);
        if let Some(p) = b.get_message(id).and_then(|m| m.value()) {
            let mut errors = Vec::new();
            return b
                .format_pattern(p, fargs.as_ref(), &mut errors)
                .into_owned();
        }
    }
    id.to_string()
}

/// The message `id` in this thread's language.
pub fn tr(id: &str) -> String {
    message_in(lang(), id, &[])
}

/// The message `id` with arguments, in this thread's language.
pub fn tr_with(id: &str, args: &[(&str, Arg)]) -> String {
    message_in(lang(), id, args)
}

/// `tr!("id")` or `tr!("id", n = count, name = text)`.
#[macro_export]
macro_rules! tr {
    ($id:literal) => {
        $crate::i18n::tr($id)
    };
    ($id:literal, $($k:ident = $v:expr),+ $(,)?) => {
        $crate::i18n::tr_with($id, &[$((stringify!($k), $crate::i18n::Arg::from($v))),+])
    };
}

/// Every message id of a language's catalogue (for the catalogue test).
pub fn ids(lang: Lang) -> Vec<String> {
    let src = match lang {
        Lang::En => EN,
        Lang::Fa => FA,
    };
    match FluentResource::try_new(src.to_string()) {
        Ok(r) => r
            .entries()
            .filter_map(|e| match e {
                fluent_syntax::ast::Entry::Message(m) => Some(m.id.name.to_string()),
                _ => None,
            })
            .collect(),
        Err(_) => Vec::new(),
    }
}

/// Why a catalogue does not parse, if it does not.
pub fn parse_errors(lang: Lang) -> Vec<String> {
    let src = match lang {
        Lang::En => EN,
        Lang::Fa => FA,
    };
    match FluentResource::try_new(src.to_string()) {
        Ok(_) => Vec::new(),
        Err((_, errors)) => errors.iter().map(|e| format!("{e:?}")).collect(),
    }
}

/// A message from daftar's core to the user — why a file was not read,
/// what reading it found wrong — as a catalogue id and its arguments. It
/// reads in English wherever text is written (the command line, its
/// JSON, logs: `Display`) and in the interface's language in the window
/// ([`Notice::shown`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Notice {
    id: &'static str,
    args: Vec<(&'static str, NoticeArg)>,
}

#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum NoticeArg {
    /// A count or size (written in the reader's digits).
    Num(u64),
    /// Text, quoted as it is (a path, a query, an error).
    Text(String),
}

impl Notice {
    pub fn new(id: &'static str) -> Notice {
        Notice {
            id,
            args: Vec::new(),
        }
    }

    /// With a text argument, quoted as it is.
    pub fn with(mut self, key: &'static str, value: impl ToString) -> Notice {
        self.args.push((key, NoticeArg::Text(value.to_string())));
        self
    }

    /// With a number argument (written in the reader's digits).
    pub fn num(mut self, key: &'static str, value: impl TryInto<u64>) -> Notice {
        let n = value.try_into().unwrap_or(u64::MAX);
        self.args.push((key, NoticeArg::Num(n)));
        self
    }

    pub fn id(&self) -> &'static str {
        self.id
    }

    /// Its arguments, by name.
    pub fn args(&self) -> &[(&'static str, NoticeArg)] {
        &self.args
    }

    /// A notice kept on disk (the stored analysis), with its id and
    /// argument names given back as the program's own.
    pub fn from_parts(id: &'static str, args: Vec<(&'static str, NoticeArg)>) -> Notice {
        Notice { id, args }
    }

    /// The message in `lang`.
    pub fn in_lang(&self, lang: Lang) -> String {
        let args: Vec<(&str, Arg)> = self
            .args
            .iter()
            .map(|(k, v)| match v {
                NoticeArg::Num(n) => (*k, Arg::Num(*n as f64)),
                NoticeArg::Text(t) => (*k, Arg::Str(t)),
            })
            .collect();
        message_in(lang, self.id, &args)
    }

    /// The message in the window's language.
    pub fn shown(&self) -> String {
        self.in_lang(lang())
    }
}

impl std::fmt::Display for Notice {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // (Latin digits whatever the window shows: this is the text the
        // command line and files get.)
        let digits = PERSIAN_DIGITS.with(|d| d.replace(false));
        let text = self.in_lang(Lang::En);
        PERSIAN_DIGITS.with(|d| d.set(digits));
        f.write_str(&text)
    }
}

impl Serialize for Notice {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.to_string())
    }
}
