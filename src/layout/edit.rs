//! The editing half of a bidi text field: the caret and selection as
//! logical byte offsets, motion by character (grapheme), word (UAX #29:
//! a ZWNJ keeps «می‌کند» one word) and line, insertion and deletion, and
//! undo inside the field. Nothing here knows how the text is drawn: the
//! widget (`ui::widgets::bidi_edit`) maps keys to these steps and draws
//! the caret where [`crate::layout`] puts its offset.
//!
//! Why logical offsets: the stored text is logical (what is searched,
//! tagged and saved), and every bidi editor keeps the caret there and only
//! draws it visually; the arrow keys move forward or back in reading order
//! (left goes forward in a right-to-left paragraph).

use std::ops::Range;

use unicode_segmentation::UnicodeSegmentation;

/// How far a motion or deletion goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    /// One character as a reader sees it (a letter with its marks).
    Char,
    /// To the end (forward) or start (back) of a word.
    Word,
    /// To the end or start of the line (between newlines).
    Line,
    /// To the end or start of the whole text.
    All,
}

#[derive(Debug, Clone, PartialEq)]
struct Snapshot {
    text: String,
    cursor: usize,
    anchor: usize,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Typing,
    Deleting,
    Other,
}

/// At most this many undo steps are kept per field.
const UNDO_LIMIT: usize = 200;

/// The state of one text field.
#[derive(Debug, Clone, Default)]
pub struct Editor {
    /// Where the caret is (a byte offset on a character boundary).
    pub cursor: usize,
    /// The other end of the selection (== `cursor` when nothing is selected).
    pub anchor: usize,
    /// Text an input method is composing at the caret (not yet in the text).
    pub preedit: Option<String>,
    undo: Vec<Snapshot>,
    redo: Vec<Snapshot>,
    last: Option<Kind>,
}

impl Editor {
    /// A field whose caret is at the end of `text`.
    pub fn at_end(text: &str) -> Editor {
        Editor {
            cursor: text.len(),
            anchor: text.len(),
            ..Editor::default()
        }
    }

    /// The text was changed from outside the field (another passage's note
    /// shown, a query set by a click, a path chosen by Browse): its undo
    /// steps belong to the old text and go, the caret goes to the end.
    pub fn replaced(&mut self, text: &str) {
        *self = Editor::at_end(text);
    }

    /// Keeps the caret inside `text` and on character boundaries.
    pub fn clamp(&mut self, text: &str) {
        let fix = |at: usize| {
            let mut at = at.min(text.len());
            while !text.is_char_boundary(at) {
                at -= 1;
            }
            at
        };
        self.cursor = fix(self.cursor);
        self.anchor = fix(self.anchor);
    }

    /// The selected byte range (empty when nothing is selected).
    pub fn selection(&self) -> Range<usize> {
        self.cursor.min(self.anchor)..self.cursor.max(self.anchor)
    }

    pub fn has_selection(&self) -> bool {
        self.cursor != self.anchor
    }

    pub fn selected<'t>(&self, text: &'t str) -> &'t str {
        text.get(self.selection()).unwrap_or("")
    }

    /// Puts the caret at `at`; with `extend` the selection grows to it.
    pub fn move_to(&mut self, at: usize, extend: bool) {
        self.cursor = at;
        if !extend {
            self.anchor = at;
        }
        self.last = None;
    }

    /// Moves the caret forward (in reading order) or back by `step`. A
    /// selection collapses to its end or start when not extended.
    pub fn step(&mut self, text: &str, forward: bool, step: Step, extend: bool) {
        if !extend && self.has_selection() && step == Step::Char {
            let r = self.selection();
            self.move_to(if forward { r.end } else { r.start }, false);
            return;
        }
        let at = target(text, self.cursor, forward, step);
        self.move_to(at, extend);
    }

    pub fn select_all(&mut self, text: &str) {
        self.anchor = 0;
        self.cursor = text.len();
        self.last = None;
    }

    /// Selects the word (or the run of spaces or the sign) at `at`.
    pub fn select_word(&mut self, text: &str, at: usize) {
        let r = word_at(text, at);
        self.anchor = r.start;
        self.cursor = r.end;
        self.last = None;
    }

    /// Types `s` over the selection. Consecutive typing is one undo step
    /// until a space starts a new word.
    pub fn insert(&mut self, text: &mut String, s: &str) {
        if s.is_empty() && !self.has_selection() {
            return;
        }
        let word_break = s.chars().any(char::is_whitespace);
        let kind = if self.has_selection() || word_break {
            Kind::Other
        } else {
            Kind::Typing
        };
        self.remember(text, kind);
        let r = self.selection();
        text.replace_range(r.clone(), s);
        self.cursor = r.start + s.len();
        self.anchor = self.cursor;
    }

    /// Backspace: the selection, or back by `step` (one code point for a
    /// character, so a mark typed last goes first).
    pub fn backspace(&mut self, text: &mut String, step: Step) {
        let r = if self.has_selection() {
            self.selection()
        } else if step == Step::Char {
            let prev = text[..self.cursor]
                .char_indices()
                .next_back()
                .map_or(0, |(i, _)| i);
            prev..self.cursor
        } else {
            target(text, self.cursor, false, step)..self.cursor
        };
        self.delete_range(text, r);
    }

    /// Delete: the selection, or forward by `step`.
    pub fn delete(&mut self, text: &mut String, step: Step) {
        let r = if self.has_selection() {
            self.selection()
        } else {
            self.cursor..target(text, self.cursor, true, step)
        };
        self.delete_range(text, r);
    }

    fn delete_range(&mut self, text: &mut String, r: Range<usize>) {
        if r.is_empty() {
            return;
        }
        self.remember(text, Kind::Deleting);
        text.replace_range(r.clone(), "");
        self.cursor = r.start;
        self.anchor = r.start;
    }

    /// Cuts the selection: its text, to go to the clipboard.
    pub fn cut(&mut self, text: &mut String) -> Option<String> {
        if !self.has_selection() {
            return None;
        }
        let out = self.selected(text).to_string();
        self.remember(text, Kind::Other);
        let r = self.selection();
        text.replace_range(r.clone(), "");
        self.cursor = r.start;
        self.anchor = r.start;
        Some(out)
    }

    /// Pastes `s` over the selection (one undo step).
    pub fn paste(&mut self, text: &mut String, s: &str) {
        self.remember(text, Kind::Other);
        let r = self.selection();
        text.replace_range(r.clone(), s);
        self.cursor = r.start + s.len();
        self.anchor = self.cursor;
    }

    /// Replaces the whole text (an assistive technology setting the value).
    pub fn set_text(&mut self, text: &mut String, s: &str) {
        if text == s {
            return;
        }
        self.remember(text, Kind::Other);
        *text = s.to_string();
        self.cursor = text.len();
        self.anchor = self.cursor;
    }

    fn remember(&mut self, text: &str, kind: Kind) {
        let merge = kind != Kind::Other && self.last == Some(kind);
        if !merge {
            self.undo.push(Snapshot {
                text: text.to_string(),
                cursor: self.cursor,
                anchor: self.anchor,
            });
            if self.undo.len() > UNDO_LIMIT {
                self.undo.remove(0);
            }
        }
        self.redo.clear();
        self.last = Some(kind);
    }

    /// Undoes the last step; false when there is none.
    pub fn undo(&mut self, text: &mut String) -> bool {
        let Some(s) = self.undo.pop() else {
            return false;
        };
        let now = self.restore(text, s);
        self.redo.push(now);
        true
    }

    /// Redoes the last undone step; false when there is none.
    pub fn redo(&mut self, text: &mut String) -> bool {
        let Some(s) = self.redo.pop() else {
            return false;
        };
        let back = self.restore(text, s);
        self.undo.push(back);
        true
    }

    fn restore(&mut self, text: &mut String, s: Snapshot) -> Snapshot {
        let now = Snapshot {
            text: std::mem::replace(text, s.text),
            cursor: self.cursor,
            anchor: self.anchor,
        };
        self.cursor = s.cursor;
        self.anchor = s.anchor;
        self.last = None;
        self.clamp(text);
        now
    }
}

/// Where a motion from `at` ends.
pub fn target(text: &str, at: usize, forward: bool, step: Step) -> usize {
    let at = at.min(text.len());
    match (step, forward) {
        (Step::All, true) => text.len(),
        (Step::All, false) => 0,
        (Step::Line, true) => text[at..].find('\n').map_or(text.len(), |i| at + i),
        (Step::Line, false) => text[..at].rfind('\n').map_or(0, |i| i + 1),
        (Step::Char, true) => text[at..]
            .grapheme_indices(true)
            .nth(1)
            .map_or(text.len(), |(i, _)| at + i),
        (Step::Char, false) => text[..at]
            .grapheme_indices(true)
            .next_back()
            .map_or(0, |(i, _)| i),
        (Step::Word, true) => {
            // The end of the next word after `at`.
            let mut pos = at;
            for (i, w) in text[at..].split_word_bound_indices() {
                pos = at + i + w.len();
                if is_word(w) {
                    break;
                }
            }
            pos
        }
        (Step::Word, false) => {
            let mut pos = 0;
            for (i, w) in text[..at].split_word_bound_indices().rev() {
                pos = i;
                if is_word(w) {
                    break;
                }
            }
            pos
        }
    }
}

/// A UAX #29 segment that is a word (letters or digits), not spaces or a
/// sign.
fn is_word(segment: &str) -> bool {
    segment.chars().any(char::is_alphanumeric)
}

/// The word segment holding `at` (the one before it at a word's end).
pub fn word_at(text: &str, at: usize) -> Range<usize> {
    let at = at.min(text.len());
    let mut before = None;
    for (i, w) in text.split_word_bound_indices() {
        let r = i..i + w.len();
        if r.contains(&at) && (is_word(w) || before.is_none()) {
            return r;
        }
        if r.end == at && is_word(w) {
            before = Some(r.clone());
        }
        if r.start > at {
            break;
        }
    }
    before.unwrap_or(at..at)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn field(text: &str) -> (String, Editor) {
        (text.to_string(), Editor::at_end(text))
    }

    #[test]
    fn words_keep_their_zwnj_and_digits_are_words() {
        let t = "او می\u{200c}گوید 1403 شد";
        assert_eq!(&t[word_at(t, 5)], "می\u{200c}گوید");
        let end = t.len();
        let back = target(t, end, false, Step::Word);
        assert_eq!(&t[back..], "شد");
        let back2 = target(t, back, false, Step::Word);
        assert_eq!(&t[back2..back], "1403 ");
        assert_eq!(target(t, 0, true, Step::Word), "او".len());
    }

    #[test]
    fn a_letter_with_its_mark_is_one_step_but_backspace_takes_the_mark_first() {
        let (mut t, mut e) = field("کتابِ");
        e.step(&t, false, Step::Char, false);
        assert_eq!(&t[e.cursor..], "بِ");
        e.move_to(t.len(), false);
        e.backspace(&mut t, Step::Char);
        assert_eq!(t, "کتاب");
    }

    #[test]
    fn typing_is_one_undo_step_per_word_and_redo_restores_it() {
        let (mut t, mut e) = field("");
        for c in ["س", "ل", "ا", "م", " ", "B", "R"] {
            e.insert(&mut t, c);
        }
        assert_eq!(t, "سلام BR");
        assert!(e.undo(&mut t));
        assert_eq!(t, "سلام ");
        assert!(e.undo(&mut t));
        assert_eq!(t, "سلام");
        assert!(e.undo(&mut t));
        assert_eq!(t, "");
        assert!(!e.undo(&mut t));
        assert!(e.redo(&mut t));
        assert_eq!(t, "سلام");
        assert_eq!(e.cursor, t.len());
    }

    #[test]
    fn a_selection_is_replaced_cut_and_deleted_in_logical_order() {
        let (mut t, mut e) = field("اجلاس BRICS 1403");
        e.move_to(0, false);
        e.step(&t, true, Step::Word, true);
        assert_eq!(e.selected(&t), "اجلاس");
        assert_eq!(e.cut(&mut t).as_deref(), Some("اجلاس"));
        assert_eq!(t, " BRICS 1403");
        e.paste(&mut t, "نشست");
        assert_eq!(t, "نشست BRICS 1403");
        e.move_to(t.len(), false);
        e.backspace(&mut t, Step::Word);
        assert_eq!(t, "نشست BRICS ");
    }

    #[test]
    fn an_outside_change_forgets_the_old_texts_undo_steps() {
        let (mut t, mut e) = field("");
        e.insert(&mut t, "یادداشت الف");
        t = "یادداشت ب".to_string();
        e.replaced(&t);
        assert!(!e.undo(&mut t), "no step of the other text to undo");
        assert_eq!(t, "یادداشت ب");
        assert_eq!(e.cursor, t.len());
    }

    #[test]
    fn an_outside_change_keeps_the_caret_on_a_boundary() {
        let (_, mut e) = field("پیکره");
        let t = "پی".to_string();
        e.clamp(&t);
        assert_eq!(e.cursor, t.len());
        e.cursor = 1;
        e.clamp(&t);
        assert!(t.is_char_boundary(e.cursor));
    }
}
