//! The search box and its results: hit count and time, then the matching
//! articles (title, date, source and a snippet with the hits highlighted,
//! all through the RTL widget). Searches run on a background thread as you
//! type; results of an older query are dropped.

use crate::ui::widgets::bidi_edit::BidiEdit;
use std::ops::Range;

use egui::{FontId, Ui};

use crate::index::search::Hit;
use crate::ui::panels::article_list::{list_date, list_row};
use crate::ui::state::{Command, Settings};
use crate::ui::widgets::rtl_text::{LayoutCache, RtlText, Span, SpanStyle, line_height};
use crate::ui::widgets::text::{colored, label, weak};
use crate::workspace::{IndexState, Workspace};

#[derive(Default)]
pub struct SearchPanel {
    pub query: String,
    /// Ctrl+F: the box takes the keyboard on its next frame.
    pub focus: bool,
}

/// A snippet around the first match: (text, match ranges in it).
pub fn snippet(hit: &Hit, around: usize) -> (String, Vec<Range<usize>>) {
    let Some(first) = hit.matches.first() else {
        return (String::new(), Vec::new());
    };
    let text = &hit.text;
    // The paragraph (line) holding the match, cut to `around` chars each side.
    let line_start = text[..first.start].rfind('\n').map_or(0, |i| i + 1);
    let line_end = text[first.end..]
        .find('\n')
        .map_or(text.len(), |i| first.end + i);
    let mut start = first.start;
    for (n, (i, _)) in text[line_start..first.start]
        .char_indices()
        .rev()
        .enumerate()
    {
        start = line_start + i;
        if n >= around {
            break;
        }
    }
    let mut end = first.end;
    for (n, (i, c)) in text[first.end..line_end].char_indices().enumerate() {
        end = first.end + i + c.len_utf8();
        if n >= around {
            break;
        }
    }
    // Whole words at the edges.
    if start > line_start
        && let Some(sp) = text[start..first.start].find(' ')
    {
        start += sp + 1;
    }
    if end < line_end
        && let Some(sp) = text[first.end..end].rfind(' ')
    {
        end = first.end + sp;
    }
    let mut s = String::new();
    if start > line_start {
        s.push_str("… ");
    }
    let base = s.len();
    s.push_str(&text[start..end]);
    if end < line_end {
        s.push_str(" …");
    }
    let ranges = hit
        .matches
        .iter()
        .filter(|m| m.start >= start && m.end <= end)
        .map(|m| m.start - start + base..m.end - start + base)
        .collect();
    (s, ranges)
}

impl SearchPanel {
    /// The search box; returns true while a query is active.
    pub fn query_ui(
        &mut self,
        ui: &mut Ui,
        ws: &Workspace,
        cache: &mut LayoutCache,
        cmds: &mut Vec<Command>,
    ) -> bool {
        crate::ui::row(ui, |ui| {
            let label = ui.label(crate::tr!("search-label"));
            let hint = crate::tr!("search-hint", year = 1403_u32);
            let edit = ui.add(
                BidiEdit::singleline(&mut self.query)
                    .hint_text(&hint)
                    .desired_width(f32::INFINITY)
                    .font(FontId::proportional(15.0)),
            );
            let edit = edit.labelled_by(label.id);
            if std::mem::take(&mut self.focus) {
                edit.request_focus();
            }
            if edit.changed() {
                cmds.push(Command::Search(self.query.clone()));
            }
        });
        match &ws.index_state {
            IndexState::Building { done, to_read } if *to_read > 0 => {
                weak(
                    ui,
                    crate::tr!("search-indexing", done = *done, total = *to_read),
                );
            }
            IndexState::Building { .. } => {
                ui.weak(crate::tr!("search-preparing-index"));
            }
            IndexState::Failed(e) => {
                let c = ui.visuals().error_fg_color;
                colored(ui, c, crate::tr!("search-unavailable", error = e));
            }
            _ => {}
        }
        match &ws.search.results {
            // (The message quotes the query: through the RTL widget.)
            Some(Err(e)) if !self.query.trim().is_empty() => {
                RtlText::new(e, FontId::proportional(13.0))
                    .color(ui.visuals().error_fg_color)
                    .width(ui.available_width())
                    .show(ui, cache);
            }
            Some(Ok(r)) if !self.query.trim().is_empty() => {
                crate::ui::row(ui, |ui| {
                    let ms = crate::i18n::digits(&format!("{:.1}", r.millis));
                    label(ui, crate::tr!("search-results", n = r.total, ms = &ms));
                    if ws.search.running {
                        crate::ui::widgets::busy::busy(ui);
                    }
                    if r.hits.len() < r.total {
                        weak(ui, crate::tr!("search-best-shown", n = r.hits.len()));
                    }
                    if ui
                        .small_button(crate::tr!("search-export-matches"))
                        .on_hover_text(crate::tr!("search-export-matches-tip"))
                        .clicked()
                    {
                        cmds.push(Command::OpenExport(crate::ui::panels::export::Kind::Hits));
                    }
                });
            }
            _ if ws.search.running => {
                crate::ui::widgets::busy::busy(ui);
            }
            _ => {}
        }
        !self.query.trim().is_empty()
    }

    /// The result list.
    pub fn results_ui(
        &mut self,
        ui: &mut Ui,
        ws: &Workspace,
        selected: Option<usize>,
        settings: &Settings,
        cache: &mut LayoutCache,
        cmds: &mut Vec<Command>,
    ) {
        let Some(Ok(results)) = &ws.search.results else {
            return;
        };
        let title_font = FontId::proportional(15.0);
        let meta_font = FontId::proportional(12.5);
        let snip_font = FontId::proportional(13.5);
        let row_h = line_height(ui, &title_font)
            + line_height(ui, &meta_font)
            + 2.0 * line_height(ui, &snip_font)
            + 8.0;
        let hit_bg = crate::ui::panels::reader::hit_color(ui);
        // The selected entity narrows the results too.
        let hits: Vec<&crate::index::search::Hit> = match &ws.entities.selected {
            Some(e) => {
                let shown: Vec<_> = results
                    .hits
                    .iter()
                    .filter(|h| {
                        ws.article_index(&h.path)
                            .is_some_and(|i| ws.articles[i].mentions_entity(e))
                    })
                    .collect();
                weak(
                    ui,
                    crate::tr!(
                        "search-entity-filter",
                        n = shown.len(),
                        total = results.hits.len()
                    ),
                );
                shown
            }
            None => results.hits.iter().collect(),
        };
        egui::ScrollArea::vertical()
            .id_salt("results")
            .auto_shrink([false, false])
            .show_rows(ui, row_h, hits.len(), |ui, rows| {
                for hit in &hits[rows] {
                    let idx = ws.article_index(&hit.path);
                    let width = ui.available_width();
                    let (rect, resp) = list_row(ui, width, row_h, idx.is_some() && selected == idx);
                    let date = hit
                        .day
                        .map_or_else(String::new, |d| list_date(d, settings.calendar));
                    // «N مورد» (N matches), in Persian like the rest of the line.
                    let count = crate::dates::calendar::persian_digits(&format!(
                        "{} مورد",
                        hit.matches.len()
                    ));
                    let meta = match &hit.source {
                        Some(s) => format!("{date} · {s} · {count}"),
                        None => format!("{date} · {count}"),
                    };
                    let (snip, ranges) = snippet(hit, 60);
                    let spans: Vec<Span> = ranges
                        .into_iter()
                        .map(|range| Span {
                            range,
                            style: SpanStyle {
                                background: Some(hit_bg),
                                underline: None,
                            },
                        })
                        .collect();
                    let inner = rect.shrink2(egui::vec2(6.0, 3.0));
                    // (A child, not a scope: a row whose lines are fewer than its
                    // height must not pull the next row up into it.)
                    {
                        let ui = &mut ui.new_child(egui::UiBuilder::new().max_rect(inner));
                        ui.spacing_mut().item_spacing.y = 0.0;
                        RtlText::new(&hit.title, title_font.clone())
                            .width(inner.width())
                            .max_lines(1)
                            .show(ui, cache);
                        RtlText::new(&meta, meta_font.clone())
                            .width(inner.width())
                            .max_lines(1)
                            .color(ui.visuals().weak_text_color())
                            .show(ui, cache);
                        RtlText::new(&snip, snip_font.clone())
                            .width(inner.width())
                            .max_lines(2)
                            .spans(&spans)
                            .show(ui, cache);
                    }
                    resp.widget_info(|| {
                        egui::WidgetInfo::labeled(egui::Role::Button, true, &hit.title)
                    });
                    crate::ui::widgets::rtl_text::drawn_by_layout(ui.ctx(), resp.id);
                    resp.context_menu(|ui| {
                        let whole = std::iter::once(0..hit.text.len()).collect();
                        let this_article = crate::tr!("search-tag-article");
                        let matches = crate::tr!("search-tag-matches", n = hit.matches.len());
                        crate::ui::panels::kwic::tag_menu(
                            ui,
                            ws,
                            &hit.path,
                            &results.hits,
                            &[
                                (this_article.as_str(), whole),
                                (matches.as_str(), hit.matches.clone()),
                            ],
                            cmds,
                        )
                    });
                    if resp.clicked()
                        && let Some(i) = idx
                    {
                        cmds.push(Command::OpenHit(i, 0));
                    }
                }
            });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn snippet_keeps_the_match_and_whole_words() {
        let text = "عنوان\nیک دو سه چهار پنج شش هفت هشت نه ده یازده دوازده\nبعدی";
        let start = text.find("هفت").unwrap();
        let hit = Hit {
            path: String::new(),
            id: String::new(),
            score: 1.0,
            title: String::new(),
            day: None,
            source: None,
            text: text.into(),
            matches: std::iter::once(start..start + "هفت".len()).collect(),
        };
        let (s, r) = snippet(&hit, 8);
        assert_eq!(&s[r[0].clone()], "هفت");
        assert!(!s.contains('\n') && !s.contains("عنوان") && !s.contains("بعدی"));
        assert!(s.starts_with("… ") && s.ends_with(" …"), "{s}");
    }
}
