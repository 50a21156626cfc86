//! The Statistics view: word list, n-grams, collocates, keyness and the
//! dispersion of a term over the current filter, each computed on a
//! worker ([`crate::workspace::stats`]) and shown as a sortable table (or
//! a plot), savable as CSV, JSON Lines, PNG or SVG. A word leads to its
//! collocates; a collocate or a keyword to its concordance.

use std::path::PathBuf;
use std::sync::Arc;

use egui::{Align, FontId, Sense, Ui};

use crate::jobs::Latest;
use crate::stats::Words;
use crate::stats::chart::DispersionPlot;
use crate::stats::count::WordOptions;
use crate::tr;
use crate::ui::state::{Command, Settings};
use crate::ui::widgets::bidi_edit::BidiEdit;
use crate::ui::widgets::rtl_text::{LayoutCache, RtlText, line_height};
use crate::ui::widgets::text::{button, colored, weak};
use crate::workspace::Workspace;
use crate::workspace::stats::{Answer, Ask, WordsState};
use crate::workspace::stats_table::{Cell, Click, Table, table_csv, table_jsonl, to_table};

/// The view's tabs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Tab {
    #[default]
    Words,
    Ngrams,
    Collocates,
    Keyness,
    Dispersion,
}

type Key = (Ask, (u64, usize), crate::workspace::filter::FilterKey);

/// What the filtered rows were kept for: (the table's key and sort, the filter).
type KeptKey = (Option<(Key, Option<(usize, bool)>)>, String);

/// A table made from an answer: (the answer's key, the sort, the rows).
type Shown = (Key, Option<(usize, bool)>, Table);

pub struct StatsPanel {
    pub tab: Tab,
    pub words: WordsState,
    /// The word list's filter and stop-word switch.
    pub filter: String,
    pub no_stop_words: bool,
    pub n: usize,
    pub min_freq: u64,
    /// N-grams: in at least this many articles (their range).
    pub min_docs: u32,
    pub query: String,
    pub left: usize,
    pub right: usize,
    pub side_left: String,
    pub side_right: String,
    pub term: String,
    /// The column sorted by, and whether descending.
    sort: Option<(usize, bool)>,
    /// Where tables and plots are saved.
    pub save_to: String,
    pub saved: Option<Result<PathBuf, String>>,
    job: Latest<Key, Result<Answer, String>>,
    /// The dispersion plot of the shown answer.
    plot: Option<(Key, DispersionPlot)>,
    /// The rows the word list's filter keeps: (table key, sort, filter).
    kept: Option<(KeptKey, Vec<usize>)>,
    /// A concordance being found for a click (its command when done).
    opening: Option<std::sync::mpsc::Receiver<Command>>,
    /// The shown answer turned into rows: (key it was made for, sort).
    table: Option<Shown>,
}

impl Default for StatsPanel {
    fn default() -> Self {
        let home = dirs::document_dir()
            .or_else(dirs::home_dir)
            .unwrap_or_default();
        StatsPanel {
            tab: Tab::Words,
            words: WordsState::default(),
            filter: String::new(),
            no_stop_words: false,
            n: 2,
            min_freq: 2,
            min_docs: 1,
            query: String::new(),
            left: 5,
            right: 5,
            side_left: String::new(),
            side_right: "rest".into(),
            term: String::new(),
            sort: None,
            save_to: home
                .join("daftar-statistics")
                .to_string_lossy()
                .into_owned(),
            saved: None,
            job: Latest::default(),
            opening: None,
            plot: None,
            kept: None,
            table: None,
        }
    }
}

impl StatsPanel {
    /// Whether a table or the words are being computed.
    pub fn is_busy(&self) -> bool {
        self.words.is_busy() || self.job.is_busy() || self.opening.is_some()
    }

    /// The question the current tab asks (None: not enough typed yet).
    fn ask(&self, settings: &Settings) -> Option<Ask> {
        Some(match self.tab {
            Tab::Words => Ask::Words(WordOptions {
                no_stop_words: self.no_stop_words,
                containing: None,
                min_freq: 1,
            }),
            Tab::Ngrams => Ask::Ngrams {
                n: self.n,
                min_freq: self.min_freq,
                min_docs: self.min_docs,
            },
            Tab::Collocates if !self.query.trim().is_empty() => Ask::Collocates {
                query: self.query.trim().to_string(),
                left: self.left,
                right: self.right,
                min_freq: self.min_freq,
            },
            Tab::Keyness
                if !self.side_left.trim().is_empty() && !self.side_right.trim().is_empty() =>
            {
                Ask::Keyness {
                    left: self.side_left.trim().to_string(),
                    right: self.side_right.trim().to_string(),
                    min_freq: self.min_freq.max(1),
                }
            }
            Tab::Dispersion if !self.term.trim().is_empty() => Ask::Dispersion {
                query: self.term.trim().to_string(),
                calendar: settings.calendar,
            },
            _ => return None,
        })
    }

    /// The table shown as JSON objects (its file's rows; for tests).
    pub fn table_rows(&self) -> Vec<serde_json::Value> {
        self.table.as_ref().map_or(Vec::new(), |t| {
            String::from_utf8(table_jsonl(&t.2))
                .unwrap_or_default()
                .lines()
                .filter_map(|l| serde_json::from_str(l).ok())
                .collect()
        })
    }

    /// Rows of the table shown (for tests): its first cell each.
    pub fn rows(&self) -> Vec<String> {
        self.table.as_ref().map_or(Vec::new(), |t| {
            self.shown(&t.2)
                .into_iter()
                .map(|i| t.2.rows[i].cells[0].shown())
                .collect()
        })
    }

    /// The rows the word list's filter keeps (every row of other tables).
    fn shown(&self, table: &Table) -> Vec<usize> {
        let filter = crate::text::search_key(self.filter.trim());
        (0..table.rows.len())
            .filter(|&i| {
                self.tab != Tab::Words
                    || filter.is_empty()
                    || matches!(&table.rows[i].cells[0], Cell::Text(t) if crate::text::search_key(t).contains(&filter))
            })
            .collect()
    }

    pub fn ui(
        &mut self,
        ui: &mut Ui,
        ws: &Workspace,
        settings: &Settings,
        cache: &mut LayoutCache,
        cmds: &mut Vec<Command>,
    ) {
        crate::ui::row(ui, |ui| {
            for (tab, name) in [
                (Tab::Words, tr!("stats-tab-words")),
                (Tab::Ngrams, tr!("stats-tab-ngrams")),
                (Tab::Collocates, tr!("stats-tab-collocates")),
                (Tab::Keyness, tr!("stats-tab-keyness")),
                (Tab::Dispersion, tr!("stats-tab-dispersion")),
            ] {
                if ui.selectable_value(&mut self.tab, tab, name).clicked() {
                    self.sort = None;
                }
            }
        });
        if let Some(rx) = &self.opening {
            match rx.try_recv() {
                Ok(c) => {
                    cmds.push(c);
                    self.opening = None;
                }
                Err(std::sync::mpsc::TryRecvError::Disconnected) => self.opening = None,
                Err(std::sync::mpsc::TryRecvError::Empty) => {
                    crate::ui::widgets::busy::busy(ui);
                }
            }
        }
        let wake = crate::ui::job_done(ui.ctx(), ws);
        let Some(words) = self.words.get(ws, wake) else {
            self.waiting(ui, ws);
            return;
        };
        if let Some(note) = &self.words.note {
            colored(ui, ui.visuals().warn_fg_color, note.shown());
        }
        self.settings_row(ui);
        ui.separator();
        let Some(ask) = self.ask(settings) else {
            weak(ui, tr!("stats-type-first"));
            return;
        };
        let filter = ws.filter();
        let key: Key = (ask.clone(), ws.article_set(), filter.key());
        let wake = crate::ui::job_done(ui.ctx(), ws);
        let (w, articles, g) = (
            words.clone(),
            ws.articles.clone(),
            ws.entities.gazetteer.clone(),
        );
        self.job.get(
            &key,
            || crate::workspace::stats::job_on(ask, w, articles, g, filter),
            wake,
        );
        if let Some(f) = self.job.failure() {
            colored(ui, ui.visuals().error_fg_color, f);
            return;
        }
        let current = self.job.current();
        let fresh = current.is_some_and(|c| c.0 == key);
        match current {
            None => {
                crate::ui::widgets::busy::busy(ui);
                return;
            }
            Some((k, Err(e))) => {
                if *k == key {
                    colored(ui, ui.visuals().error_fg_color, e);
                    return;
                }
                crate::ui::widgets::busy::busy(ui);
                return;
            }
            Some((k, Ok(answer))) => {
                let made = self
                    .table
                    .as_ref()
                    .is_some_and(|t| t.0 == *k && t.1 == self.sort);
                if !made {
                    let mut table = to_table(answer, &words);
                    if let Some((col, desc)) = self.sort {
                        table.rows.sort_by(|a, b| {
                            let o = a.cells[col].order(&b.cells[col]);
                            if desc { o.reverse() } else { o }
                        });
                    }
                    self.table = Some((k.clone(), self.sort, table));
                }
                if !fresh {
                    crate::ui::widgets::busy::busy(ui);
                }
                if let (Tab::Dispersion, Answer::Dispersion(d)) = (self.tab, answer) {
                    // (Made once per answer: a hundred thousand articles'
                    // marks are not laid out every frame.)
                    if self.plot.as_ref().is_none_or(|p| p.0 != *k) {
                        self.plot = Some((k.clone(), DispersionPlot::of(d, settings.calendar)));
                    }
                    let plot = self.plot.take();
                    if let Some((_, p)) = &plot {
                        draw_plot(ui, p, cache);
                        self.save_row(ui, Some(p));
                    }
                    self.plot = plot;
                    return;
                }
            }
        }
        self.save_row(ui, None);
        self.draw_table(ui, ws, &words, settings, cache);
    }

    /// While the words are read: progress and Cancel (or Count again).
    fn waiting(&mut self, ui: &mut Ui, ws: &Workspace) {
        if ws.is_loading() {
            weak(ui, tr!("stats-after-load"));
            return;
        }
        if self.words.is_paused() {
            if button(ui, tr!("stats-count-again")).clicked() {
                self.words.resume();
            }
            return;
        }
        crate::ui::row(ui, |ui| {
            crate::ui::widgets::busy::busy(ui);
            let (done, total) = self.words.progress().unwrap_or((0, 0));
            weak(
                ui,
                tr!("stats-counting", done = done as i64, total = total as i64),
            );
            if button(ui, tr!("stats-cancel")).clicked() {
                self.words.cancel();
            }
        });
    }

    fn settings_row(&mut self, ui: &mut Ui) {
        crate::ui::row_wrapped(ui, |ui| match self.tab {
            Tab::Words => {
                let l = weak(ui, tr!("stats-filter"));
                ui.add(BidiEdit::singleline(&mut self.filter).desired_width(160.0))
                    .labelled_by(l.id);
                ui.checkbox(&mut self.no_stop_words, tr!("stats-no-stop-words"))
                    .on_hover_text(tr!("stats-no-stop-words-tip"));
            }
            Tab::Ngrams => {
                weak(ui, tr!("stats-n"));
                for n in 2..=5 {
                    ui.selectable_value(&mut self.n, n, crate::i18n::num(n));
                }
                self.min_freq_ui(ui);
                let l = weak(ui, tr!("stats-min-docs"));
                ui.add(egui::DragValue::new(&mut self.min_docs).range(1..=100_000))
                    .labelled_by(l.id);
            }
            Tab::Collocates => {
                let l = weak(ui, tr!("stats-node"));
                ui.add(BidiEdit::singleline(&mut self.query).desired_width(160.0))
                    .labelled_by(l.id);
                let l = weak(ui, tr!("stats-window-before"));
                ui.add(egui::DragValue::new(&mut self.left).range(0..=10))
                    .labelled_by(l.id);
                let l = weak(ui, tr!("stats-window-after"));
                ui.add(egui::DragValue::new(&mut self.right).range(0..=10))
                    .labelled_by(l.id);
                self.min_freq_ui(ui);
            }
            Tab::Keyness => {
                let l = weak(ui, tr!("stats-side-left"));
                ui.add(
                    BidiEdit::singleline(&mut self.side_left)
                        .hint_text("source=ایرنا")
                        .desired_width(180.0),
                )
                .labelled_by(l.id);
                let r = weak(ui, tr!("stats-side-right"));
                ui.add(
                    BidiEdit::singleline(&mut self.side_right)
                        .hint_text("rest")
                        .desired_width(180.0),
                )
                .labelled_by(r.id);
                self.min_freq_ui(ui);
            }
            Tab::Dispersion => {
                let l = weak(ui, tr!("stats-term"));
                ui.add(BidiEdit::singleline(&mut self.term).desired_width(180.0))
                    .labelled_by(l.id);
            }
        });
    }

    fn min_freq_ui(&mut self, ui: &mut Ui) {
        let l = weak(ui, tr!("stats-min-freq"));
        ui.add(egui::DragValue::new(&mut self.min_freq).range(1..=1000))
            .labelled_by(l.id);
    }

    /// Where to save, and the buttons that save the table (or plot).
    fn save_row(&mut self, ui: &mut Ui, plot: Option<&DispersionPlot>) {
        crate::ui::row_wrapped(ui, |ui| {
            let l = weak(ui, tr!("stats-save-to"));
            ui.add(BidiEdit::singleline(&mut self.save_to).desired_width(260.0))
                .labelled_by(l.id);
            let base = PathBuf::from(self.save_to.trim());
            let mut save = |ext: &str, bytes: Result<Vec<u8>, String>| {
                let path = base.with_extension(ext);
                self.saved = Some(bytes.and_then(|b| {
                    crate::disk::write_atomic(&path, &b)
                        .map_err(|e| format!("{}: {e}", path.display()))?;
                    Ok(path)
                }));
            };
            match plot {
                Some(p) => {
                    if ui.button("PNG").clicked() {
                        save("png", p.png(2.0));
                    }
                    if ui.button("SVG").clicked() {
                        save("svg", p.svg().map(String::into_bytes));
                    }
                }
                None => {
                    let table = self.table.as_ref().map(|t| &t.2);
                    if ui.button("CSV").clicked() {
                        save("csv", table.map_or(Err(String::new()), table_csv));
                    }
                    if ui.button("JSON Lines").clicked() {
                        save(
                            "jsonl",
                            table.map_or(Err(String::new()), |t| Ok(table_jsonl(t))),
                        );
                    }
                }
            }
        });
        match &self.saved {
            Some(Ok(p)) => {
                weak(
                    ui,
                    tr!("stats-saved", path = p.display().to_string().as_str()),
                );
            }
            Some(Err(e)) => {
                colored(ui, ui.visuals().error_fg_color, e);
            }
            None => {}
        }
    }

    fn draw_table(
        &mut self,
        ui: &mut Ui,
        ws: &Workspace,
        words: &Arc<Words>,
        settings: &Settings,
        cache: &mut LayoutCache,
    ) {
        let Some((_, _, table)) = &self.table else {
            return;
        };
        weak(ui, &table.summary);
        // (Kept while the table, its order and the filter stay: a
        // vocabulary of hundreds of thousands is not filtered every frame.)
        let kept_for = (
            self.table.as_ref().map(|t| (t.0.clone(), t.1)),
            self.filter.clone(),
        );
        if self.kept.as_ref().is_none_or(|k| k.0 != kept_for) {
            self.kept = Some((kept_for, self.shown(table)));
        }
        let kept = self.kept.take();
        let shown: &[usize] = kept.as_ref().map_or(&[], |k| &k.1);
        let font = FontId::proportional(settings.text_size * 0.85);
        let row_h = line_height(ui, &font) + 6.0;
        let width = ui.available_width();
        let first = (width * 0.34).max(120.0);
        let other = ((width - first) / (table.titles.len().max(2) - 1) as f32).max(50.0);
        let rtl = crate::i18n::lang().rtl();
        // x of column c (mirrored in a Persian interface).
        let col_rect = |rect: egui::Rect, c: usize| {
            let (x, w) = if c == 0 {
                (0.0, first)
            } else {
                (first + other * (c - 1) as f32, other)
            };
            let x = if rtl { rect.width() - x - w } else { x };
            egui::Rect::from_min_size(
                egui::pos2(rect.left() + x, rect.top()),
                egui::vec2(w, rect.height()),
            )
        };
        // Headers: a click sorts by the column (again: the other way).
        let (head, _) = ui.allocate_exact_size(egui::vec2(width, row_h), Sense::hover());
        let mut sort = self.sort;
        for (c, title) in table.titles.iter().enumerate() {
            let r = col_rect(head, c);
            let mark = match sort {
                Some((s, true)) if s == c => " ▼",
                Some((s, false)) if s == c => " ▲",
                _ => "",
            };
            // (Through the layout: «پراکندگی (DP)» mixes scripts.)
            let label = format!("{title}{mark}");
            let resp = ui
                .scope_builder(egui::UiBuilder::new().max_rect(r.shrink(2.0)), |ui| {
                    crate::ui::widgets::rtl_text::rtl_button(ui, cache, &label)
                })
                .inner;
            if resp.clicked() {
                sort = Some((c, !matches!(sort, Some((s, true)) if s == c)));
            }
        }
        let hit = ui.visuals().strong_text_color();
        let mut clicked: Option<Click> = None;
        egui::ScrollArea::vertical()
            .id_salt(("stats", self.tab as u8))
            .auto_shrink([false, false])
            .show_rows(ui, row_h, shown.len(), |ui, range| {
                for &i in &shown[range] {
                    let Some(row) = table.rows.get(i) else {
                        continue;
                    };
                    let (rect, resp) = crate::ui::widgets::list_row(ui, egui::vec2(width, row_h));
                    let word = row.cells[0].shown();
                    resp.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, &word));
                    crate::ui::widgets::rtl_text::drawn_by_layout(ui.ctx(), resp.id);
                    for (c, cell) in row.cells.iter().enumerate() {
                        let r = col_rect(rect, c).shrink2(egui::vec2(6.0, 2.0));
                        ui.scope_builder(egui::UiBuilder::new().max_rect(r), |ui| {
                            let shown = cell.shown();
                            let mut t = RtlText::new(&shown, font.clone())
                                .width(r.width())
                                .max_lines(1);
                            t = if c == 0 {
                                t.color(hit)
                                    .align(if rtl { Align::Max } else { Align::Min })
                            } else {
                                t.align(if rtl { Align::Min } else { Align::Max })
                            };
                            t.show(ui, cache);
                        });
                    }
                    let resp = if row.spellings.is_empty() {
                        resp
                    } else {
                        resp.on_hover_ui(|ui| {
                            crate::ui::widgets::rtl_text::rtl_tooltip(ui, cache, &row.spellings)
                        })
                    };
                    if resp.clicked() {
                        clicked = Some(row.click.clone());
                    }
                }
            });
        self.kept = kept;
        if sort != self.sort {
            self.sort = sort;
        }
        match clicked {
            Some(Click::Collocates(word)) => {
                self.query = word;
                self.tab = Tab::Collocates;
                self.sort = None;
            }
            Some(Click::Pair(c)) => self.pair_concordance(ui.ctx(), ws, words, c),
            Some(Click::Keyword(k)) => self.keyword_concordance(ui.ctx(), ws, words, k),
            _ => {}
        }
    }

    /// The concordance of the node with a collocate, found on a worker.
    fn pair_concordance(
        &mut self,
        ctx: &egui::Context,
        ws: &Workspace,
        words: &Arc<Words>,
        collocate: u32,
    ) {
        let Ok(node) = crate::stats::count::query_ids(words, &self.query) else {
            return;
        };
        let title = tr!(
            "stats-pair-title",
            node = self.query.trim(),
            collocate = words.form(collocate)
        );
        let (words, articles, filter) = (words.clone(), ws.articles.clone(), ws.filter());
        let window = (self.left, self.right);
        self.in_background(ctx, move || {
            let within = crate::workspace::stats::admitted(&articles, &filter);
            let found = crate::workspace::stats::pair_passages(
                &words, &articles, &within, &node, collocate, window.0, window.1,
            );
            let lines = found.into_iter().map(|(a, n, c)| (a, n, Some(c))).collect();
            Command::ShowConcordance(title, vec![(String::new(), lines)])
        });
    }

    /// A keyword's concordance on each side, found on a worker.
    fn keyword_concordance(
        &mut self,
        ctx: &egui::Context,
        ws: &Workspace,
        words: &Arc<Words>,
        id: u32,
    ) {
        let (Ok(l), Ok(r)) = (
            crate::stats::part::SideSpec::parse(&self.side_left),
            crate::stats::part::SideSpec::parse(&self.side_right),
        ) else {
            return;
        };
        let title = tr!("stats-keyword-title", word = words.form(id));
        let heads = (
            self.side_left.trim().to_string(),
            self.side_right.trim().to_string(),
        );
        let (words, articles, filter) = (words.clone(), ws.articles.clone(), ws.filter());
        let g = ws.entities.gazetteer.clone();
        self.in_background(ctx, move || {
            let within = crate::workspace::stats::admitted(&articles, &filter);
            let len_of = |i: usize| words.len_of(&articles[i].path);
            let (lp, rp) = crate::workspace::stats::sides(&g, &articles, &within, &l, &r, len_of);
            let group = |part: &crate::stats::Part| {
                let arts: Vec<usize> = part.spans.iter().map(|s| s.article).collect();
                crate::workspace::stats::term_passages(&words, &articles, &arts, &[id], 1000)
                    .into_iter()
                    .map(|(a, r)| (a, r, None))
                    .collect::<Vec<_>>()
            };
            Command::ShowConcordance(title, vec![(heads.0, group(&lp)), (heads.1, group(&rp))])
        });
    }

    /// Runs `work` on a worker; its command is taken by a later frame.
    fn in_background(
        &mut self,
        ctx: &egui::Context,
        work: impl FnOnce() -> Command + Send + 'static,
    ) {
        let (tx, rx) = std::sync::mpsc::channel();
        let ctx = ctx.clone();
        let spawned = std::thread::Builder::new()
            .name("daftar-concordance".into())
            .spawn(move || {
                if let Ok(c) = std::panic::catch_unwind(std::panic::AssertUnwindSafe(work)) {
                    let _ = tx.send(c);
                }
                crate::ui::next_frame(&ctx);
            });
        if spawned.is_ok() {
            self.opening = Some(rx);
        }
    }
}

/// The plot in the window (the picture the PNG saves, drawn by egui: a
/// strip per term, the months' bars; labels by the layout module).
fn draw_plot(ui: &mut Ui, p: &DispersionPlot, cache: &mut LayoutCache) {
    let width = ui.available_width();
    let strips = p.series.len().max(1) as f32;
    let (rect, resp) =
        ui.allocate_exact_size(egui::vec2(width, 44.0 * strips + 200.0), Sense::hover());
    resp.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Image, true, &p.title));
    let rtl = p.rtl;
    let label_w = 140.0;
    let (left, right) = if rtl {
        (rect.left() + 8.0, rect.right() - label_w)
    } else {
        (rect.left() + label_w, rect.right() - 8.0)
    };
    let painter = ui.painter_at(rect);
    let colour = |i: usize| {
        let (r, g, b) = crate::stats::chart::COLOURS[i % crate::stats::chart::COLOURS.len()];
        egui::Color32::from_rgb(r, g, b)
    };
    let n = p.articles.max(1) as f32;
    let mut top = rect.top() + 8.0;
    for (i, s) in p.series.iter().enumerate() {
        let strip = egui::Rect::from_min_max(egui::pos2(left, top), egui::pos2(right, top + 36.0));
        painter.rect_filled(strip, 2.0, ui.visuals().extreme_bg_color);
        for m in &s.marks {
            let x = strip.left() + strip.width() * (*m as f32 / n).clamp(0.0, 1.0);
            painter.line_segment(
                [egui::pos2(x, strip.top()), egui::pos2(x, strip.bottom())],
                (1.0, colour(i)),
            );
        }
        let label = if rtl {
            egui::Rect::from_min_max(
                egui::pos2(right + 6.0, top),
                egui::pos2(rect.right(), top + 36.0),
            )
        } else {
            egui::Rect::from_min_max(
                egui::pos2(rect.left(), top),
                egui::pos2(left - 6.0, top + 36.0),
            )
        };
        ui.scope_builder(egui::UiBuilder::new().max_rect(label), |ui| {
            RtlText::new(&s.label, FontId::proportional(14.0))
                .width(label.width())
                .max_lines(1)
                .color(colour(i))
                .show(ui, cache);
        });
        top += 44.0;
    }
    let bars = egui::Rect::from_min_max(
        egui::pos2(left, top + 16.0),
        egui::pos2(right, rect.bottom() - 8.0),
    );
    let max = p
        .series
        .iter()
        .flat_map(|s| s.values.iter().copied())
        .fold(0.0, f64::max);
    let slot = bars.width() / p.months.len().max(1) as f32;
    let k = strips;
    for (t, s) in p.series.iter().enumerate() {
        for (i, v) in s.values.iter().enumerate() {
            let h = if max > 0.0 {
                bars.height() * (*v / max) as f32
            } else {
                0.0
            };
            let bw = slot * 0.8 / k;
            let x = bars.left() + slot * i as f32 + slot * 0.1 + bw * t as f32;
            let r = egui::Rect::from_min_max(
                egui::pos2(x, bars.bottom() - h),
                egui::pos2(x + bw.max(0.5), bars.bottom()),
            );
            painter.rect_filled(r, 0.0, colour(t));
        }
    }
    weak(ui, &p.strip_label);
}
