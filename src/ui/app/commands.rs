//! Applying what panels asked: the one place the app's state changes.

use super::*;

impl DaftarApp {
    pub fn apply(&mut self, cmd: Command) {
        match cmd {
            Command::Open(folder) => {
                self.selected = None;
                self.interrupted = None;
                self.end_load_note();
                if let Some(dir) = &self.load_markers {
                    let _ = std::fs::create_dir_all(dir);
                    let m = load_marker(dir, &folder);
                    let note = format!("{}\n{}\n", folder.display(), std::process::id());
                    if crate::disk::write_atomic(&m, note.as_bytes()).is_ok() {
                        self.live_marker = Some(m);
                    }
                }
                self.ws.open(&folder);
                self.settings.recent.retain(|f| f != &folder);
                self.settings.recent.insert(0, folder.clone());
                self.settings.recent.truncate(8);
                self.settings.last_folder = Some(folder);
            }
            Command::Select(i) => {
                self.selected = Some(i);
                self.show_hits(i, 0);
            }
            Command::Search(q) => {
                self.search.query = q.clone();
                self.ws.run_search(&q);
            }
            Command::SetRange(r) => self.ws.set_range(r),
            Command::SelectEntity(e) => self.ws.select_entity(e),
            // The first tag asks who is tagging; it is applied once they
            // say.
            Command::TagSelection(tag) if !self.settings.annotator_asked => {
                // (No name found: the field starts empty, not «unknown».)
                if self.settings.annotator == "unknown" {
                    self.settings.annotator.clear();
                }
                self.tag_waiting = Some(tag);
                self.palette = None;
            }
            Command::TagSelection(tag) => {
                let targets = match self.palette_target.take() {
                    Some(t) => t,
                    None => self
                        .selected
                        .and_then(|i| {
                            let a = self.ws.articles.get(i)?;
                            // No selection: the whole article.
                            let r = self
                                .reader
                                .selected_range()
                                .filter(|r| !r.is_empty())
                                .unwrap_or(0..a.text.len());
                            Some(vec![(i, r)])
                        })
                        .unwrap_or_default(),
                };
                let targets: Vec<_> = targets
                    .into_iter()
                    .filter_map(|(i, r)| Some((self.ws.articles.get(i)?, r)))
                    .collect();
                let r = if targets.is_empty() {
                    Err(tr!("app-note-no-target"))
                } else {
                    self.ws
                        .annotations
                        .tag_all(&targets, &tag, &self.settings.annotator)
                        .map(|_| ())
                };
                self.ws.annotations.note = r.err();
                self.palette = None;
            }
            Command::TagPassage(targets) => {
                self.palette_target = Some(targets);
                self.palette = Some(String::new());
            }
            Command::SetTags(id, tags) => {
                self.ws.annotations.note = self.ws.annotations.set_tags(id, &tags).err()
            }
            Command::FixPassage(id) => {
                let at = self.ws.annotations.passages().iter().find(|p| p.id == id);
                if let Some(i) = at.and_then(|p| self.ws.article_index(&p.path)) {
                    self.selected = Some(i);
                    self.view = View::Reader;
                    self.reader.selection = None;
                    self.fixing = Some(id);
                }
            }
            Command::AnchorPassage(id, i, range) => {
                let r = match self.ws.articles.get(i) {
                    Some(a) => self.ws.annotations.anchor_passage(id, a, range),
                    None => Err(tr!("app-note-article-gone")),
                };
                if r.is_ok() {
                    self.fixing = None;
                }
                self.ws.annotations.note = r.err();
            }
            Command::Undo => self.ws.annotations.note = self.ws.annotations.undo().err(),
            Command::StartAnnotationsAnew => {
                if let Err(e) = self.ws.annotations.start_anew() {
                    self.ws.annotations.note = Some(e);
                } else {
                    self.ws.annotations.reanchor(&self.ws.articles);
                }
            }
            Command::Redo => self.ws.annotations.note = self.ws.annotations.redo().err(),
            Command::SetNote(id, note) => {
                self.ws.annotations.note = self.ws.annotations.set_note(id, &note).err()
            }
            Command::EditTags(edit) => {
                self.ws.annotations.note = self.ws.annotations.edit_tags(&edit).err()
            }
            Command::OpenExport(kind) => self.export.open_for(kind),
            Command::ShowConcordance(title, groups) => {
                use crate::ui::panels::kwic::{Pinned, kwic_line};
                let groups = groups
                    .into_iter()
                    .map(|(head, lines)| {
                        let lines = lines
                            .into_iter()
                            .filter_map(|(i, range, _)| {
                                let a = self.ws.articles.get(i)?;
                                let text = a.text();
                                text.get(range.clone())?;
                                Some(kwic_line(&a.path, &text, range, 0))
                            })
                            .collect();
                        (head, lines)
                    })
                    .collect();
                self.kwic.pinned = Some(Pinned { title, groups });
                self.view = View::Concordance;
            }
            Command::RemovePassage(id) => {
                self.ws.annotations.note = self.ws.annotations.remove(id).err()
            }
            Command::OpenPassage(i, range) => {
                if let Some(a) = self.ws.articles.get(i) {
                    self.selected = Some(i);
                    self.view = View::Reader;
                    // Marked like a match, and scrolled to.
                    let id = a.id.clone();
                    self.reader.set_hits(&id, vec![range.clone()], 0);
                    self.reader.selection = Some((range.start, range.end));
                }
            }
            Command::CorrectLine(i, line, verdict) => {
                use crate::corpus::corrections::Verdict;
                let what = match verdict {
                    Verdict::Chrome => tr!("app-verdict-chrome"),
                    Verdict::Body => tr!("app-verdict-body"),
                    Verdict::Title => tr!("app-verdict-title"),
                };
                self.reader.note = Some(match self.ws.correct_line(i, line, verdict) {
                    Ok(n) => tr!("app-marked", what = &what, n = n),
                    Err(e) => e,
                });
            }
            Command::Curate(edit) => {
                if let Err(e) = self.ws.curate(edit) {
                    self.ws.entities.note = Some(e);
                }
            }
            Command::OpenHit(i, n) => {
                self.selected = Some(i);
                self.view = View::Reader;
                self.show_hits(i, n);
            }
            Command::Sort(k) => self.ws.sort_by(k),
            Command::CancelLoad => self.ws.cancel(),
            Command::ToggleProblems => self.show_problems = !self.show_problems,
        }
    }

    /// The concordance lines last shown.
    pub fn kwic_lines(&self) -> &[crate::ui::panels::kwic::KwicLine] {
        &self.kwic.lines
    }

    /// Gives the reader the current search's matches in article `i`.
    pub(super) fn show_hits(&mut self, i: usize, current: usize) {
        let Some(article) = self.ws.articles.get(i) else {
            return;
        };
        let hits = match &self.ws.search.results {
            Some(Ok(r)) => r
                .hits
                .iter()
                .find(|h| h.path == article.path)
                .map(|h| h.matches.clone())
                .unwrap_or_default(),
            _ => Vec::new(),
        };
        self.reader.set_hits(&article.id, hits, current);
    }
}
