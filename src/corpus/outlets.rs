//! One name per news outlet (issue 15): «خبرگزاری کتاب ایران» and
//! «ایبنا» are one source for counting, filtering and the timeline. The
//! names live in `assets/gazetteer/outlets.ron`; a corpus adds its own in
//! `.daftar/outlets.ron`.

use std::collections::HashMap;
use std::path::Path;
use std::sync::LazyLock;

use serde::Deserialize;

const OUTLETS_RON: &str = include_str!("../../assets/gazetteer/outlets.ron");

#[derive(Debug, Deserialize)]
struct OutletDef {
    name: String,
    #[serde(default)]
    aliases: Vec<String>,
}

/// Canonical outlet names by the joined key of each of their names.
#[derive(Debug, Default, Clone)]
pub struct Outlets {
    by_key: HashMap<String, String>,
}

/// The bundled outlets.
pub static BUNDLED: LazyLock<Outlets> = LazyLock::new(|| {
    let defs: Vec<OutletDef> = ron::from_str(OUTLETS_RON)
        .unwrap_or_else(|e| panic!("assets/gazetteer/outlets.ron is not valid: {e}"));
    let mut o = Outlets::default();
    o.add(defs);
    o
});

/// The bundled outlets' names: (canonical name, other names).
pub fn bundled_names() -> Vec<(String, Vec<String>)> {
    ron::from_str::<Vec<OutletDef>>(OUTLETS_RON)
        .map(|defs| defs.into_iter().map(|d| (d.name, d.aliases)).collect())
        .unwrap_or_default()
}

/// A name's key: search key with spaces and ZWNJ gone, so «خبر آنلاین» and
/// «خبرآنلاین» are one.
fn key(name: &str) -> String {
    crate::text::search_key(name)
        .chars()
        .filter(|c| c.is_alphanumeric())
        .collect()
}

impl Outlets {
    fn add(&mut self, defs: Vec<OutletDef>) {
        for d in defs {
            for n in std::iter::once(&d.name).chain(&d.aliases) {
                self.by_key.insert(key(n), d.name.clone());
            }
        }
    }

    /// The bundled outlets and those of `.daftar/outlets.ron` in `corpus`;
    /// the note says why the corpus's file was not used.
    pub fn for_corpus(corpus: &Path) -> (Outlets, Option<String>) {
        let mut o = BUNDLED.clone();
        let path = corpus.join(".daftar").join("outlets.ron");
        let note = match std::fs::read_to_string(&path) {
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
            Err(e) => Some(format!("cannot read {}: {e}", path.display())),
            Ok(text) => match ron::from_str::<Vec<OutletDef>>(&text) {
                Ok(defs) => {
                    o.add(defs);
                    None
                }
                Err(e) => Some(format!("{} is not valid: {e}", path.display())),
            },
        };
        (o, note)
    }

    /// Whether `name` is one of the outlets' names.
    pub fn knows(&self, name: &str) -> bool {
        self.by_key.contains_key(&key(name))
    }

    /// The canonical name of an outlet, or the name as given when it is
    /// not known.
    pub fn canonical(&self, name: &str) -> String {
        self.by_key
            .get(&key(name))
            .cloned()
            .unwrap_or_else(|| name.to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_name_of_an_outlet_gives_its_one_name() {
        let o = &*BUNDLED;
        assert_eq!(o.canonical("خبرگزاری کتاب ایران"), "ایبنا");
        assert_eq!(o.canonical("ايبنا"), "ایبنا");
        assert_eq!(o.canonical("خبر آنلاین"), "خبرآنلاین");
        assert_eq!(o.canonical("خبرگزاری جمهوری اسلامی"), "ایرنا");
        assert_eq!(
            o.canonical("دیده‌بان دشت"),
            "دیده‌بان دشت",
            "unknown: as given"
        );
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join(".daftar")).unwrap();
        std::fs::write(
            dir.path().join(".daftar/outlets.ron"),
            r#"[(name: "دیده‌بان دشت", aliases: ["دیدبان دشت"])]"#,
        )
        .unwrap();
        let (mine, note) = Outlets::for_corpus(dir.path());
        assert_eq!(note, None);
        assert_eq!(mine.canonical("دیدبان دشت"), "دیده‌بان دشت");
        std::fs::write(dir.path().join(".daftar/outlets.ron"), "[(").unwrap();
        let (fallback, note) = Outlets::for_corpus(dir.path());
        assert!(note.is_some_and(|n| n.contains("outlets.ron")));
        assert_eq!(fallback.canonical("خبرگزاری کتاب ایران"), "ایبنا");
    }
}
