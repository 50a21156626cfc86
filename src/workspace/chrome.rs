//! The user's corrections of page chrome, in the open corpus: a line
//! marked in the reader becomes a rule for its site (see
//! [`crate::corpus::corrections`]), applied at once to every loaded
//! article of that site from memory; their mentions and statements are
//! found again, and the search index re-reads those files, in the
//! background.

use std::ops::Range;

use super::{IndexState, Workspace};
use crate::corpus::corrections::{Rule, Verdict, site_of};

impl Workspace {
    /// Marks the line `line` (a byte range of a line of article `index`)
    /// as chrome, article text or the title, saves the rule and applies it
    /// to every article of the site. Returns how many articles changed.
    pub fn correct_line(
        &mut self,
        index: usize,
        line: Range<usize>,
        verdict: Verdict,
    ) -> Result<usize, String> {
        let Some(folder) = self.folder.clone() else {
            return Err(crate::i18n::Notice::new("note-no-folder").shown());
        };
        if self.is_loading() {
            return Err(crate::i18n::Notice::new("note-wait-for-load").shown());
        }
        if let Some(why) = &self.chrome_note {
            return Err(crate::i18n::Notice::new("note-corrections-not-saved")
                .with("error", why)
                .shown());
        }
        let a = self
            .articles
            .get(index)
            .ok_or_else(|| "no such article".to_string())?;
        let text = a
            .text()
            .get(line.clone())
            .ok_or_else(|| "no such line".to_string())?
            .trim()
            .to_string();
        if text.is_empty() {
            return Err("an empty line cannot be marked".into());
        }
        let site = site_of(&a.path).to_string();
        let rule = Rule {
            site: site.clone(),
            line: text,
            verdict,
            article: (verdict == Verdict::Title).then(|| a.path.clone()),
        };
        self.corrections
            .add(&folder, rule)
            .map_err(|e| format!("cannot save the correction: {e}"))?;
        // (The rules are part of what the stored analysis was made with.)
        self.store_dirty = true;
        self.lists_changed.push("chrome.ron");
        let mut changed: Vec<String> = Vec::new();
        for a in std::sync::Arc::make_mut(&mut self.articles)
            .iter_mut()
            .filter(|a| site_of(&a.path) == site)
        {
            if self.corrections.apply(a) {
                changed.push(a.path.clone());
            }
        }
        if changed.is_empty() {
            // No article read otherwise: they reflect the new rule as
            // they are.
            if let Some(s) = &self.store {
                s.list_applied("chrome.ron");
            }
            return Ok(0);
        }
        self.articles_generation += 1;
        self.resort();
        self.annotations.reanchor(&self.articles);
        // Mentions and statements are found again off the window's thread,
        // as after a curation edit.
        let set = self.article_set();
        let wake = self.waker();
        self.entities.rematch(&self.articles, set, wake);
        // The index holds what was read before: the indexing job reads
        // those files again (the window already shows the corrected
        // articles).
        self.forget_in_index.extend(changed.iter().cloned());
        if matches!(self.index_state, IndexState::Building { .. }) {
            self.reindex_pending = true;
        } else {
            self.start_indexing();
        }
        Ok(changed.len())
    }
}
