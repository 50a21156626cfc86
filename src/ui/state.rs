//! The window's view state, apart from the corpus (which the workspace
//! holds): what it remembers between runs ([`Settings`]), what the central
//! panel shows ([`View`]) and what panels ask of the app ([`Command`]).
//! Panels read these and push commands; only the app applies them.

use std::path::PathBuf;

use serde::{Deserialize, Serialize};

use crate::dates::CalendarKind;
use crate::workspace::SortKey;

/// What the window remembers between runs.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    pub last_folder: Option<PathBuf>,
    pub recent: Vec<PathBuf>,
    pub text_size: f32,
    pub dark: bool,
    pub calendar: CalendarKind,
    /// Recorded with every tagged passage.
    pub annotator: String,
    /// Whether the user said who they are (asked on the first tag).
    pub annotator_asked: bool,
    /// The interface's language (None: the system's).
    pub language: Option<crate::i18n::Lang>,
    /// Numbers in Persian digits (None: in a Persian interface).
    pub persian_digits: Option<bool>,
}

impl Settings {
    /// The interface's language.
    pub fn lang(&self) -> crate::i18n::Lang {
        self.language.unwrap_or_else(crate::i18n::Lang::of_system)
    }

    /// Whether numbers show in Persian digits.
    pub fn digits(&self) -> bool {
        self.persian_digits.unwrap_or(self.lang().rtl())
    }
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            last_folder: None,
            recent: Vec::new(),
            text_size: 17.0,
            dark: false,
            calendar: CalendarKind::Jalali,
            annotator: crate::annotate::annotator(None),
            annotator_asked: false,
            language: None,
            persian_digits: None,
        }
    }
}

/// Changes asked for by panels.
#[derive(Debug, Clone, PartialEq)]
pub enum Command {
    Open(PathBuf),
    Select(usize),
    Sort(SortKey),
    CancelLoad,
    ToggleProblems,
    /// Run a search (empty: clear it).
    Search(String),
    /// Open article `.0` at its match number `.1`.
    OpenHit(usize, usize),
    /// Limit the list and searches to a time range (None: lift it).
    SetRange(Option<(crate::dates::Day, crate::dates::Day)>),
    /// Follow an entity in the list, reader and timeline (None: stop).
    SelectEntity(Option<crate::extract::EntityRef>),
    /// Save a correction to the corpus's entities.
    Curate(crate::extract::Edit),
    /// Open article `.0` in the reader at a passage (byte range), marked.
    OpenPassage(usize, std::ops::Range<usize>),
    /// Tag the palette's target (the reader's selection, the whole article
    /// without one, or a passage it was opened for) with this tag.
    TagSelection(String),
    /// Open the tag palette for passages (article, byte range): a
    /// statement, a search hit, a KWIC line or its sentence.
    TagPassage(Vec<(usize, std::ops::Range<usize>)>),
    /// Replace a passage's tags.
    SetTags(u64, Vec<String>),
    /// Open an orphaned passage's article to anchor it anew.
    FixPassage(u64),
    /// Anchor a passage at a range (bytes) of article `.1`.
    AnchorPassage(u64, usize, std::ops::Range<usize>),
    Undo,
    Redo,
    /// Set unreadable annotation files aside and start an empty store.
    StartAnnotationsAnew,
    /// Set a passage's note.
    SetNote(u64, String),
    /// Rename, recolour, nest, merge or delete a tag.
    EditTags(crate::annotate::TagEdit),
    RemovePassage(u64),
    /// Show these passages in the concordance, in groups (a heading each:
    /// a keyword's two sides): (article, the keyword's bytes, a collocate's
    /// bytes). From the Statistics view.
    ShowConcordance(String, Vec<(String, Vec<ConcordanceLine>)>),
    /// Open the Export dialog for this kind of selection.
    OpenExport(crate::ui::panels::export::Kind),
    /// Mark a line (byte range) of article `.0` as page chrome, article
    /// text or its title: a rule for every page of its site.
    CorrectLine(
        usize,
        std::ops::Range<usize>,
        crate::corpus::corrections::Verdict,
    ),
}

/// A passage for the concordance: (article, keyword bytes, other bytes).
pub type ConcordanceLine = (
    usize,
    std::ops::Range<usize>,
    Option<std::ops::Range<usize>>,
);

/// What the central panel shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum View {
    #[default]
    Reader,
    Concordance,
    Statements,
    Compare,
    Passages,
    Statistics,
}
