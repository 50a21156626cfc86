//! Names the program keeps as `&'static str` — notice ids and argument
//! names, why a line was left out — written to the store as text and given
//! back as the program's own when read. Each distinct name is kept once
//! for the life of the process (a few hundred at most: they come from the
//! program, and the store is checksummed).

use std::collections::HashSet;
use std::ops::Range;
use std::sync::Mutex;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::i18n::{Notice, NoticeArg};

static NAMES: Mutex<Option<HashSet<&'static str>>> = Mutex::new(None);

/// `name` as a `&'static str` (the same one every time).
pub fn intern(name: &str) -> &'static str {
    let Ok(mut names) = NAMES.lock() else {
        // (Poisoned: a panic elsewhere while inserting; still correct.)
        return Box::leak(name.to_string().into_boxed_str());
    };
    let names = names.get_or_insert_with(HashSet::new);
    if let Some(n) = names.get(name) {
        return n;
    }
    let n: &'static str = Box::leak(name.to_string().into_boxed_str());
    names.insert(n);
    n
}

/// One name given back as the program's own (an article's encoding).
pub mod name {
    use super::*;
    use std::borrow::Cow;

    pub fn serialize<S: Serializer>(v: &str, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(v)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Cow<'static, str>, D::Error> {
        let v: Cow<'de, str> = Deserialize::deserialize(d)?;
        Ok(Cow::Borrowed(intern(&v)))
    }
}

/// `Vec<(Range<usize>, &'static str)>` (an article's left-out lines).
pub mod pairs {
    use super::*;

    pub fn serialize<S: Serializer>(
        v: &[(Range<usize>, &'static str)],
        s: S,
    ) -> Result<S::Ok, S::Error> {
        v.serialize(s)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(
        d: D,
    ) -> Result<Vec<(Range<usize>, &'static str)>, D::Error> {
        let v: Vec<(Range<usize>, String)> = Vec::deserialize(d)?;
        Ok(v.into_iter().map(|(r, why)| (r, intern(&why))).collect())
    }
}

/// A notice as kept: its id and arguments.
#[derive(Serialize)]
struct NoticeOut<'a> {
    id: &'a str,
    args: Vec<(&'a str, &'a NoticeArg)>,
}

#[derive(Deserialize)]
struct NoticeIn {
    id: String,
    args: Vec<(String, NoticeArg)>,
}

impl NoticeIn {
    fn notice(self) -> Notice {
        Notice::from_parts(
            intern(&self.id),
            self.args
                .into_iter()
                .map(|(k, v)| (intern(&k), v))
                .collect(),
        )
    }
}

fn out(n: &Notice) -> NoticeOut<'_> {
    NoticeOut {
        id: n.id(),
        args: n.args().iter().map(|(k, v)| (*k, v)).collect(),
    }
}

/// One notice (a file's problem).
pub mod notice {
    use super::*;

    pub fn serialize<S: Serializer>(n: &Notice, s: S) -> Result<S::Ok, S::Error> {
        out(n).serialize(s)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Notice, D::Error> {
        Ok(NoticeIn::deserialize(d)?.notice())
    }
}

/// `Vec<Notice>` (an article's warnings).
pub mod notices {
    use super::*;

    pub fn serialize<S: Serializer>(v: &[Notice], s: S) -> Result<S::Ok, S::Error> {
        v.iter().map(out).collect::<Vec<_>>().serialize(s)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<Notice>, D::Error> {
        let v: Vec<NoticeIn> = Vec::deserialize(d)?;
        Ok(v.into_iter().map(NoticeIn::notice).collect())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_name_read_back_is_one_static_string() {
        let a = intern(&String::from("navigation"));
        let b = intern(&String::from("navigation"));
        assert!(std::ptr::eq(a, b));
        assert_eq!(a, "navigation");
    }
}
