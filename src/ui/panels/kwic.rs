//! The concordance (KWIC) view: every match of the current search on its
//! own line, keyword in the centre column, the words before it on the
//! reading side (right for Persian) and the words after it on the other,
//! both aligned against the keyword; sortable by the preceding or the
//! following words — the corpus linguist's view. A line opens the reader
//! at that match.

use crate::ui::widgets::rtl_text::rtl_tooltip;
use egui::{Align, FontId, Ui};

use crate::index::search::SearchResults;
use crate::layout::{Dir, base_direction};
use crate::text::search_key;
use crate::ui::state::Command;
use crate::ui::widgets::rtl_text::{LayoutCache, RtlText, line_height};
use crate::ui::widgets::text::button;
use crate::workspace::Workspace;

/// How concordance lines are ordered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum KwicSort {
    /// As the search ranked the articles.
    #[default]
    Rank,
    /// By the words before the keyword, nearest first.
    Before,
    /// By the words after the keyword.
    After,
}

/// One concordance line.
#[derive(Debug, Clone)]
pub struct KwicLine {
    pub path: String,
    /// Which match of its article.
    pub hit: usize,
    pub before: String,
    pub keyword: String,
    pub after: String,
    pub dir: Dir,
    /// The match and its sentence (bytes of the article's text).
    pub range: std::ops::Range<usize>,
    pub sentence: std::ops::Range<usize>,
}

/// Characters of context on each side.
const CONTEXT: usize = 60;

/// The concordance line of a match (bytes `m` of `text`).
pub fn kwic_line(path: &str, text: &str, m: std::ops::Range<usize>, hit: usize) -> KwicLine {
    let line_start = text[..m.start].rfind('\n').map_or(0, |i| i + 1);
    let line_end = text[m.end..].find('\n').map_or(text.len(), |i| m.end + i);
    let before: String = {
        let chars: Vec<char> = text[line_start..m.start].chars().collect();
        chars[chars.len().saturating_sub(CONTEXT)..]
            .iter()
            .collect()
    };
    let after: String = text[m.end..line_end].chars().take(CONTEXT).collect();
    KwicLine {
        path: path.to_string(),
        hit,
        dir: base_direction(&text[line_start..line_end]),
        before,
        keyword: text[m.clone()].to_string(),
        after,
        range: m.clone(),
        sentence: crate::text::sentence_around(text, m),
    }
}

/// Concordance lines of search results, in rank order.
pub fn kwic_lines(results: &SearchResults, max: usize) -> Vec<KwicLine> {
    let mut out = Vec::new();
    for h in &results.hits {
        for (n, m) in h.matches.iter().enumerate() {
            out.push(kwic_line(&h.path, &h.text, m.clone(), n));
            if out.len() >= max {
                return out;
            }
        }
    }
    out
}

/// The last words of `s` within `n` characters.
fn tail_words(s: &str, n: usize) -> String {
    let chars: Vec<char> = s.chars().collect();
    if chars.len() <= n {
        return s.to_string();
    }
    let cut: String = chars[chars.len() - n..].iter().collect();
    match cut.find(' ') {
        Some(i) => cut[i + 1..].to_string(),
        None => cut,
    }
}

/// The first words of `s` within `n` characters.
fn head_words(s: &str, n: usize) -> String {
    if s.chars().count() <= n {
        return s.to_string();
    }
    let cut: String = s.chars().take(n).collect();
    match cut.rfind(' ') {
        Some(i) => cut[..i].to_string(),
        None => cut,
    }
}

/// Sort keys: the context's words outward from the keyword.
fn sort_key(line: &KwicLine, sort: KwicSort) -> String {
    match sort {
        KwicSort::Rank => String::new(),
        KwicSort::Before => {
            let mut words: Vec<String> = line.before.split_whitespace().map(search_key).collect();
            words.reverse();
            words.join(" ")
        }
        KwicSort::After => line
            .after
            .split_whitespace()
            .map(search_key)
            .collect::<Vec<_>>()
            .join(" "),
    }
}

/// A context menu of "tag …" entries for passages (byte ranges) of the
/// article at `path`, shared by the concordance and the search results.
/// The ranges come from the search index's copy of the text; when the
/// article has changed since, the menu says so instead of tagging the
/// wrong characters.
pub fn tag_menu(
    ui: &mut Ui,
    ws: &Workspace,
    path: &str,
    hits: &[crate::index::search::Hit],
    entries: &[(&str, Vec<std::ops::Range<usize>>)],
    cmds: &mut Vec<Command>,
) {
    let Some(i) = ws.article_index(path) else {
        ui.weak(crate::tr!("kwic-article-gone"));
        return;
    };
    let same = hits
        .iter()
        .find(|h| h.path == path)
        .is_some_and(|h| *h.text == *ws.articles[i].text());
    if !same {
        ui.weak(crate::tr!("kwic-article-changed"));
        return;
    }
    // (Through the RTL widget: a label may hold a count, «برچسب‌گذاری ۳ مورد…».)
    for (label, ranges) in entries {
        if button(ui, *label).clicked() {
            cmds.push(Command::TagPassage(
                ranges.iter().map(|r| (i, r.clone())).collect(),
            ));
            ui.close();
        }
    }
}

/// Lines the Statistics view asked for, shown instead of the search's:
/// a title, and groups of lines each under its heading.
pub struct Pinned {
    pub title: String,
    pub groups: Vec<(String, Vec<KwicLine>)>,
}

#[derive(Default)]
pub struct KwicPanel {
    pub pinned: Option<Pinned>,
    pub sort: KwicSort,
    /// (search generation, sort) the lines were made for.
    made_for: Option<(u64, KwicSort)>,
    pub lines: Vec<KwicLine>,
}

impl KwicPanel {
    pub fn ui(
        &mut self,
        ui: &mut Ui,
        ws: &Workspace,
        cache: &mut LayoutCache,
        cmds: &mut Vec<Command>,
    ) {
        if self.pinned.is_some() {
            self.pinned_ui(ui, ws, cache, cmds);
            return;
        }
        let Some(Ok(results)) = &ws.search.results else {
            ui.weak(crate::tr!("kwic-no-search"));
            return;
        };
        crate::ui::row(ui, |ui| {
            ui.label(crate::tr!("kwic-sort"));
            for (sort, name) in [
                (KwicSort::Rank, crate::tr!("kwic-sort-rank")),
                (KwicSort::Before, crate::tr!("kwic-sort-before")),
                (KwicSort::After, crate::tr!("kwic-sort-after")),
            ] {
                ui.selectable_value(&mut self.sort, sort, name);
            }
        });
        if self.made_for != Some((ws.search.generation, self.sort)) {
            let mut lines = kwic_lines(results, 5000);
            if self.sort != KwicSort::Rank {
                lines.sort_by_cached_key(|l| sort_key(l, self.sort));
            }
            self.lines = lines;
            self.made_for = Some((ws.search.generation, self.sort));
        }
        ui.separator();
        let font = FontId::proportional(15.0);
        let row_h = line_height(ui, &font) + 4.0;
        let hit_color = ui.visuals().strong_text_color();
        egui::ScrollArea::vertical()
            .id_salt("kwic")
            .auto_shrink([false, false])
            .show_rows(ui, row_h, self.lines.len(), |ui, rows| {
                for line in &self.lines[rows] {
                    let width = ui.available_width();
                    let (rect, resp) = crate::ui::widgets::list_row(ui, egui::vec2(width, row_h));
                    let key_w = (width * 0.2).max(80.0);
                    let side_w = (width - key_w) / 2.0 - 8.0;
                    // Only as much context as one line of the cell holds,
                    // cut at a word, nearest the keyword.
                    let fit = (side_w / (15.0 * 0.5)) as usize;
                    let before = tail_words(&line.before, fit);
                    let after = head_words(&line.after, fit);
                    // Reading order: for RTL the words before sit right.
                    let (left_text, right_text) = match line.dir {
                        Dir::Rtl => (&after, &before),
                        Dir::Ltr => (&before, &after),
                    };
                    let cell = |x: f32, w: f32| {
                        egui::Rect::from_min_size(
                            egui::pos2(rect.left() + x, rect.top() + 2.0),
                            egui::vec2(w, row_h - 4.0),
                        )
                    };
                    ui.scope_builder(egui::UiBuilder::new().max_rect(cell(0.0, side_w)), |ui| {
                        RtlText::new(left_text, font.clone())
                            .width(side_w)
                            .max_lines(1)
                            .align(Align::Max)
                            .show(ui, cache);
                    });
                    ui.scope_builder(
                        egui::UiBuilder::new().max_rect(cell(side_w + 8.0, key_w)),
                        |ui| {
                            RtlText::new(&line.keyword, crate::ui::fonts::bold(15.0))
                                .width(key_w)
                                .max_lines(1)
                                .align(Align::Center)
                                .color(hit_color)
                                .show(ui, cache);
                        },
                    );
                    ui.scope_builder(
                        egui::UiBuilder::new().max_rect(cell(side_w + key_w + 16.0, side_w)),
                        |ui| {
                            RtlText::new(right_text, font.clone())
                                .width(side_w)
                                .max_lines(1)
                                .align(Align::Min)
                                .show(ui, cache);
                        },
                    );
                    let label = format!("{} {} {}", line.before, line.keyword, line.after);
                    let resp = resp.on_hover_ui(|ui| rtl_tooltip(ui, cache, &line.path));
                    resp.widget_info(|| {
                        egui::WidgetInfo::labeled(egui::Role::Button, true, &label)
                    });
                    crate::ui::widgets::rtl_text::drawn_by_layout(ui.ctx(), resp.id);
                    resp.context_menu(|ui| {
                        let this_match = crate::tr!("kwic-tag-match");
                        let sentence = crate::tr!("kwic-tag-sentence");
                        tag_menu(
                            ui,
                            ws,
                            &line.path,
                            &results.hits,
                            &[
                                (this_match.as_str(), vec![line.range.clone()]),
                                (sentence.as_str(), vec![line.sentence.clone()]),
                            ],
                            cmds,
                        )
                    });
                    if resp.clicked()
                        && let Some(i) = ws.article_index(&line.path)
                    {
                        cmds.push(Command::OpenHit(i, line.hit));
                    }
                }
            });
    }

    /// The Statistics view's lines: a click opens the reader there.
    fn pinned_ui(
        &mut self,
        ui: &mut Ui,
        ws: &Workspace,
        cache: &mut LayoutCache,
        cmds: &mut Vec<Command>,
    ) {
        let Some(p) = &self.pinned else { return };
        let mut back = false;
        crate::ui::row(ui, |ui| {
            RtlText::new(&p.title, crate::ui::fonts::bold(16.0)).show(ui, cache);
            back = button(ui, crate::tr!("kwic-back-to-search")).clicked();
        });
        ui.separator();
        let font = FontId::proportional(15.0);
        let row_h = line_height(ui, &font) + 4.0;
        let rows: Vec<(Option<&str>, Option<&KwicLine>)> = p
            .groups
            .iter()
            .flat_map(|(head, lines)| {
                let head = (!head.is_empty()).then_some((Some(head.as_str()), None));
                head.into_iter()
                    .chain(lines.iter().map(|l| (None, Some(l))))
            })
            .collect();
        if rows.is_empty() {
            ui.weak(crate::tr!("kwic-none"));
        }
        egui::ScrollArea::vertical()
            .id_salt("kwic-pinned")
            .auto_shrink([false, false])
            .show_rows(ui, row_h, rows.len(), |ui, range| {
                for (head, line) in &rows[range] {
                    if let Some(h) = head {
                        let n = p.groups.iter().find(|g| g.0 == *h).map_or(0, |g| g.1.len());
                        RtlText::new(
                            &format!("{h} ({})", crate::i18n::num(n)),
                            crate::ui::fonts::bold(15.0),
                        )
                        .show(ui, cache);
                        continue;
                    }
                    let Some(line) = line else { continue };
                    let width = ui.available_width();
                    let (rect, resp) = crate::ui::widgets::list_row(ui, egui::vec2(width, row_h));
                    let label = format!("{} {} {}", line.before, line.keyword, line.after);
                    ui.scope_builder(
                        egui::UiBuilder::new().max_rect(rect.shrink2(egui::vec2(6.0, 2.0))),
                        |ui| {
                            let fit = (width / (15.0 * 0.5)) as usize / 2;
                            let text = format!(
                                "{} {} {}",
                                tail_words(&line.before, fit),
                                line.keyword,
                                head_words(&line.after, fit)
                            );
                            let kw_start = tail_words(&line.before, fit).len() + 1;
                            let spans = [crate::ui::widgets::rtl_text::Span {
                                range: kw_start..kw_start + line.keyword.len(),
                                style: crate::ui::widgets::rtl_text::SpanStyle {
                                    background: Some(ui.visuals().selection.bg_fill),
                                    underline: None,
                                },
                            }];
                            RtlText::new(&text, font.clone())
                                .width(rect.width() - 12.0)
                                .max_lines(1)
                                .align(Align::Center)
                                .spans(&spans)
                                .show(ui, cache);
                        },
                    );
                    let resp = resp.on_hover_ui(|ui| rtl_tooltip(ui, cache, &line.path));
                    resp.widget_info(|| {
                        egui::WidgetInfo::labeled(egui::Role::Button, true, &label)
                    });
                    crate::ui::widgets::rtl_text::drawn_by_layout(ui.ctx(), resp.id);
                    if resp.clicked()
                        && let Some(i) = ws.article_index(&line.path)
                    {
                        cmds.push(Command::OpenPassage(i, line.range.clone()));
                    }
                }
            });
        if back {
            self.pinned = None;
        }
    }
}
