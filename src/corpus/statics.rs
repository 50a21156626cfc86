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

thread_local! {
    /// Names read back while a store is read (one allocation for every
    /// mention of a name, not one each); emptied by [`forget_shared`].
    static SHARED: std::cell::RefCell<HashSet<std::sync::Arc<str>>> =
        std::cell::RefCell::new(HashSet::new());
}

fn share(name: &str) -> std::sync::Arc<str> {
    SHARED.with(|s| {
        let mut s = s.borrow_mut();
        if let Some(n) = s.get(name) {
            return n.clone();
        }
        let n: std::sync::Arc<str> = name.into();
        s.insert(n.clone());
        n
    })
}

/// A name read back, shared with the same name read before on this thread
/// (entity names and roles: thousands of mentions, a few hundred names).
pub fn shared<'de, D: Deserializer<'de>>(d: D) -> Result<std::sync::Arc<str>, D::Error> {
    let s: std::borrow::Cow<'de, str> = serde::Deserialize::deserialize(d)?;
    Ok(share(&s))
}

/// [`shared`] for an optional name.
pub fn shared_opt<'de, D: Deserializer<'de>>(
    d: D,
) -> Result<Option<std::sync::Arc<str>>, D::Error> {
    let s: Option<std::borrow::Cow<'de, str>> = serde::Deserialize::deserialize(d)?;
    Ok(s.map(|s| share(&s)))
}

/// Lets go of the names kept for sharing (a store has been read).
pub fn forget_shared() {
    SHARED.with(|s| s.borrow_mut().clear());
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
