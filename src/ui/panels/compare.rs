//! The comparison view: two sides, each a speaker, a time range and/or an
//! outlet; their statements aligned row by row by topic with the shared
//! words highlighted in both cells (and, for reprints, the changed words
//! underlined), the unpaired ones below; or a ledger of speakers ×
//! articles. Every cell opens its passage in the reader. The pairing runs
//! on a worker thread (see [`crate::extract::compare`]).

use crate::ui::widgets::bidi_edit::BidiEdit;
use crate::ui::widgets::rtl_combo::{rtl_combo, rtl_selectable};
use std::ops::Range;

use egui::{Color32, FontId, Ui};

use crate::extract::compare::{Comparison, Ledger, Side, StatementRef};
use crate::extract::{EntityName, EntityRef};
use crate::index::query::parse_day_bound;
use crate::jobs::Latest;
use crate::tr;
use crate::ui::panels::article_list::article_date;
use crate::ui::state::{Command, Settings};
use crate::ui::widgets::rtl_text::{LayoutCache, RtlText, Span, SpanStyle, line_height};
use crate::ui::widgets::text::{colored, tooltip, weak};
use crate::workspace::Workspace;
use crate::workspace::compare::Compared;

/// What the user typed for one side.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SideForm {
    pub speaker: String,
    pub from: String,
    pub to: String,
    pub source: String,
}

impl SideForm {
    /// A form filled from a `daftar compare` SPEC
    /// (`speaker=…,from=…,to=…,source=…`); unknown keys are ignored.
    pub fn from_spec(spec: &str) -> SideForm {
        let mut f = SideForm::default();
        for part in spec.split([',', '،']) {
            if let Some((k, v)) = part.split_once('=') {
                let v = v.trim().to_string();
                match k.trim() {
                    "speaker" => f.speaker = v,
                    "from" => f.from = v,
                    "to" => f.to = v,
                    "source" => f.source = v,
                    _ => {}
                }
            }
        }
        f
    }

    /// The side as a `daftar compare` SPEC.
    pub fn spec(&self) -> String {
        [
            ("speaker", &self.speaker),
            ("from", &self.from),
            ("to", &self.to),
            ("source", &self.source),
        ]
        .iter()
        .filter(|(_, v)| !v.trim().is_empty())
        .map(|(k, v)| format!("{k}={}", v.trim()))
        .collect::<Vec<_>>()
        .join(",")
    }

    fn side(&self) -> Result<Side, String> {
        let day = |s: &str, end: bool| -> Result<Option<crate::dates::Day>, String> {
            let s = s.trim();
            if s.is_empty() {
                return Ok(None);
            }
            parse_day_bound(s, end).map(Some).ok_or_else(|| {
                let d = crate::i18n::digits;
                tr!(
                    "compare-not-a-date",
                    text = s,
                    a = &d("1403-01-01"),
                    b = &d("1403"),
                    c = &d("2024-11")
                )
            })
        };
        let opt = |s: &str| Some(s.trim().to_string()).filter(|s| !s.is_empty());
        Ok(Side {
            speaker: opt(&self.speaker),
            from: day(&self.from, false)?,
            to: day(&self.to, true)?,
            source: opt(&self.source),
        })
    }
}

/// The article set and the gazetteer generation.
type SetKey = ((u64, usize), u64);
type Key = ((u64, usize), u64, SideForm, SideForm);

#[derive(Default)]
pub struct ComparePanel {
    pub left: SideForm,
    pub right: SideForm,
    /// The two sides as a ledger (a grid by speaker) rather than aligned.
    pub ledger: bool,
    job: Latest<Key, Compared>,
    /// Speakers by number of statements, per (article set, gazetteer).
    speakers: Option<(SetKey, Vec<(String, usize)>)>,
}

impl ComparePanel {
    /// The comparison shown (for tests).
    pub fn comparison(&self) -> Option<&Comparison> {
        self.job.current().map(|(_, r)| &r.comparison)
    }

    pub fn is_busy(&self) -> bool {
        self.job.is_busy()
    }

    /// «LEFT compared with RIGHT», as SPECs.
    pub fn sides_text(&self) -> String {
        format!("{} compared with {}", self.left.spec(), self.right.spec())
    }

    pub fn ui(
        &mut self,
        ui: &mut Ui,
        ws: &Workspace,
        settings: &Settings,
        cache: &mut LayoutCache,
        cmds: &mut Vec<Command>,
    ) {
        let set: SetKey = (ws.article_set(), ws.entities.generation);
        if self.speakers.as_ref().map(|s| s.0) != Some(set) {
            self.speakers = Some((set, speakers(ws)));
        }
        let speakers = self.speakers.as_ref().map_or(&[][..], |s| &s.1[..]);
        let mut errors = Vec::new();
        // (The first side reads first: at the right in Persian.)
        let rtl = crate::i18n::lang().rtl();
        ui.columns(2, |cols| {
            if rtl {
                cols.reverse();
            }
            for (col, (form, left)) in cols
                .iter_mut()
                .zip([(&mut self.left, true), (&mut self.right, false)])
            {
                side_form(col, cache, form, left, speakers);
                if let Err(e) = form.side() {
                    errors.push(e);
                }
            }
        });
        crate::ui::row(ui, |ui| {
            ui.selectable_value(&mut self.ledger, false, tr!("compare-aligned"));
            ui.selectable_value(&mut self.ledger, true, tr!("compare-ledger"));
            if self.job.is_busy() {
                // A word, not a spinner: no repaint every frame while a
                // worker counts (it wakes the window when done).
                ui.weak(tr!("compare-comparing-busy"));
            } else if let Some(e) = self.job.failure() {
                let c = ui.visuals().error_fg_color;
                colored(ui, c, tr!("compare-failed", error = e));
            }
        });
        for e in &errors {
            let c = ui.visuals().error_fg_color;
            colored(ui, c, e);
        }
        if !errors.is_empty() {
            return;
        }
        let (Ok(left), Ok(right)) = (self.left.side(), self.right.side()) else {
            return;
        };
        if left == Side::default() && right == Side::default() {
            ui.weak(tr!("compare-choose"));
            return;
        }
        let key: Key = (set.0, set.1, self.left.clone(), self.right.clone());
        let ctx = ui.ctx().clone();
        self.job.get(
            &key,
            || {
                crate::workspace::compare::comparison_job(
                    ws.entities.gazetteer.clone(),
                    &ws.articles,
                    left,
                    right,
                )
            },
            crate::ui::job_done(&ctx, ws),
        );
        let Some((shown_key, result)) = self.job.current() else {
            ui.weak(tr!("compare-comparing"));
            return;
        };
        if shown_key.0 != set.0 || shown_key.1 != set.1 {
            ui.weak(tr!("compare-comparing"));
            return;
        }
        ui.separator();
        let style = CellStyle::new(ui, settings);
        if self.ledger {
            ledger_ui(ui, ws, &result.ledger, &style, settings, cache, cmds);
        } else {
            aligned_ui(ui, ws, &result.comparison, &style, settings, cache, cmds);
        }
    }
}

/// Speakers of the corpus's statements, most statements first.
fn speakers(ws: &Workspace) -> Vec<(String, usize)> {
    let g = &ws.entities.gazetteer;
    let mut counts: std::collections::HashMap<EntityRef, usize> = Default::default();
    for a in ws.articles.iter() {
        for s in a.statements() {
            if let Some(e) = s.speaker {
                *counts.entry(e).or_default() += 1;
            }
        }
    }
    let mut v: Vec<(String, usize)> = counts
        .into_iter()
        .map(|(e, n)| (EntityName::of(g, &e).name, n))
        .collect();
    v.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    v
}

/// One side's form: the left one when `left`.
fn side_form(
    ui: &mut Ui,
    cache: &mut LayoutCache,
    form: &mut SideForm,
    left: bool,
    speakers: &[(String, usize)],
) {
    // (The combo's id, not shown.)
    let id = if left { "Left" } else { "Right" };
    let (title, speaker) = if left {
        (tr!("compare-left-side"), tr!("compare-left-speaker"))
    } else {
        (tr!("compare-right-side"), tr!("compare-right-speaker"))
    };
    ui.strong(title);
    let anyone = tr!("compare-anyone");
    let chosen = if form.speaker.is_empty() {
        anyone.clone()
    } else {
        form.speaker.clone()
    };
    let width = ui.available_width() * 0.6;
    rtl_combo(
        ui,
        cache,
        format!("{id}-speaker"),
        &speaker,
        &chosen,
        width,
        |ui, cache| {
            if rtl_selectable(ui, cache, form.speaker.is_empty(), &anyone).clicked() {
                form.speaker.clear();
            }
            for (name, n) in speakers.iter().take(60) {
                let item = rtl_selectable(ui, cache, form.speaker == *name, name);
                if tooltip(item, tr!("compare-speaker-statements", n = *n)).clicked() {
                    form.speaker = name.clone();
                }
            }
        },
    );
    let d = crate::i18n::digits;
    let from_hint = tr!("compare-from-hint", date = &d("1397-01-01"));
    let to_hint = tr!("compare-to-hint", date = &d("1399-12-29"));
    crate::ui::row(ui, |ui| {
        // Three fields and their names in the column's width (wider, they
        // widened the panel and pushed the right column out of sight).
        let width_each = ((ui.available_width() - 150.0) / 3.0).clamp(40.0, 110.0);
        for (field, hint, name) in [
            (&mut form.from, from_hint, tr!("compare-from")),
            (&mut form.to, to_hint, tr!("compare-to")),
            (
                &mut form.source,
                tr!("compare-outlet"),
                tr!("compare-outlet"),
            ),
        ] {
            let l = ui.weak(name);
            ui.add(
                BidiEdit::singleline(field)
                    .hint_text(&hint)
                    .desired_width(width_each),
            )
            .labelled_by(l.id);
        }
    });
}

/// Colours of cells.
struct CellStyle {
    shared: Color32,
    changed: Color32,
    font: FontId,
    meta: FontId,
    lines: usize,
}

impl CellStyle {
    fn new(ui: &Ui, settings: &Settings) -> CellStyle {
        CellStyle {
            shared: crate::ui::panels::reader::hit_color(ui),
            changed: ui.visuals().error_fg_color,
            font: FontId::proportional(settings.text_size * 0.85),
            meta: FontId::proportional(settings.text_size * 0.7),
            lines: 4,
        }
    }

    fn height(&self, ui: &Ui) -> f32 {
        line_height(ui, &self.meta) + self.lines as f32 * line_height(ui, &self.font) + 10.0
    }
}

/// One statement in a cell: date, outlet and speaker, then the text with
/// `shared` words highlighted and `changed` ones underlined. Returns
/// whether it was clicked.
#[allow(clippy::too_many_arguments)]
fn cell(
    ui: &mut Ui,
    ws: &Workspace,
    r: StatementRef,
    shared: &[Range<usize>],
    changed: &[Range<usize>],
    style: &CellStyle,
    settings: &Settings,
    cache: &mut LayoutCache,
) -> bool {
    let a = &ws.articles[r.0];
    let s = a.statement(r.1).unwrap_or_default();
    let h = style.height(ui);
    let (rect, resp) =
        ui.allocate_exact_size(egui::vec2(ui.available_width(), h), egui::Sense::click());
    let text = &a.text()[s.range()];
    resp.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, text));
    crate::ui::widgets::rtl_text::drawn_by_layout(ui.ctx(), resp.id);
    ui.painter().rect_stroke(
        rect,
        3.0,
        egui::Stroke::new(1.0, ui.visuals().widgets.noninteractive.bg_stroke.color),
        egui::StrokeKind::Inside,
    );
    if resp.hovered() {
        ui.painter()
            .rect_filled(rect, 3.0, ui.visuals().widgets.hovered.weak_bg_fill);
    }
    let g = &ws.entities.gazetteer;
    let who = s
        .speaker
        .as_ref()
        .map_or_else(String::new, |e| EntityName::of(g, e).name);
    let date = a
        .date
        .as_ref()
        .map_or_else(String::new, |d| article_date(d, settings.calendar));
    let meta = [
        who.as_str(),
        date.as_str(),
        a.source.as_deref().unwrap_or(""),
    ]
    .into_iter()
    .filter(|x| !x.is_empty())
    .collect::<Vec<_>>()
    .join(" · ");
    let said = s.range();
    let rel = |x: &Range<usize>| {
        (x.start >= said.start && x.end <= said.end)
            .then(|| x.start - said.start..x.end - said.start)
    };
    let mut spans: Vec<Span> = shared
        .iter()
        .filter_map(rel)
        .map(|range| Span {
            range,
            style: SpanStyle {
                background: Some(style.shared),
                underline: None,
            },
        })
        .collect();
    spans.extend(changed.iter().filter_map(rel).map(|range| Span {
        range,
        style: SpanStyle {
            background: None,
            underline: Some(style.changed),
        },
    }));
    let mut child =
        ui.new_child(egui::UiBuilder::new().max_rect(rect.shrink2(egui::vec2(8.0, 4.0))));
    child.spacing_mut().item_spacing.y = 0.0;
    let w = child.available_width();
    RtlText::new(&meta, style.meta.clone())
        .color(child.visuals().weak_text_color())
        .width(w)
        .max_lines(1)
        .show(&mut child, cache);
    RtlText::new(text, style.font.clone())
        .width(w)
        .max_lines(style.lines)
        .spans(&spans)
        .show(&mut child, cache);
    resp.clicked()
}

/// One row of the aligned view.
enum Row {
    Pair(usize),
    Heading(String),
    /// Unpaired statements, one per column (not related to each other).
    Alone(Option<StatementRef>, Option<StatementRef>),
}

fn aligned_ui(
    ui: &mut Ui,
    ws: &Workspace,
    c: &Comparison,
    style: &CellStyle,
    settings: &Settings,
    cache: &mut LayoutCache,
    cmds: &mut Vec<Command>,
) {
    weak(
        ui,
        tr!(
            "compare-summary",
            left = c.left.len(),
            right = c.right.len(),
            pairs = c.pairs.len()
        ),
    );
    let mut rows: Vec<Row> = (0..c.pairs.len()).map(Row::Pair).collect();
    if !c.left_unpaired.is_empty() || !c.right_unpaired.is_empty() {
        rows.push(Row::Heading(tr!("compare-unpaired")));
        let n = c.left_unpaired.len().max(c.right_unpaired.len());
        for i in 0..n {
            rows.push(Row::Alone(
                c.left_unpaired.get(i).copied(),
                c.right_unpaired.get(i).copied(),
            ));
        }
    }
    let h = style.height(ui) + 6.0;
    egui::ScrollArea::vertical()
        .id_salt("compare-rows")
        .auto_shrink([false, false])
        .show_rows(ui, h, rows.len(), |ui, range| {
            for row in &rows[range] {
                let mut open = None;
                ui.columns(2, |cols| {
                    if crate::i18n::lang().rtl() {
                        cols.reverse();
                    }
                    match row {
                        Row::Pair(i) => {
                            let p = &c.pairs[*i];
                            let (dl, dr) = p
                                .diff
                                .as_ref()
                                .map_or((&[][..], &[][..]), |(l, r)| (&l[..], &r[..]));
                            if cell(
                                &mut cols[0],
                                ws,
                                p.left,
                                &p.left_shared,
                                dl,
                                style,
                                settings,
                                cache,
                            ) {
                                open = Some(p.left);
                            }
                            if cell(
                                &mut cols[1],
                                ws,
                                p.right,
                                &p.right_shared,
                                dr,
                                style,
                                settings,
                                cache,
                            ) {
                                open = Some(p.right);
                            }
                        }
                        Row::Heading(t) => {
                            cols[0].add_space(h - 30.0);
                            cols[0].strong(t.as_str());
                        }
                        Row::Alone(l, r) => {
                            for (col, side) in cols.iter_mut().zip([l, r]) {
                                if let Some(x) = side
                                    && cell(col, ws, *x, &[], &[], style, settings, cache)
                                {
                                    open = Some(*x);
                                }
                            }
                        }
                    }
                });
                if let Some((ai, si)) = open {
                    let range = ws.articles[ai].statement(si).unwrap_or_default().range();
                    cmds.push(Command::OpenPassage(ai, range));
                }
            }
        });
}

fn ledger_ui(
    ui: &mut Ui,
    ws: &Workspace,
    l: &Ledger,
    style: &CellStyle,
    settings: &Settings,
    cache: &mut LayoutCache,
    cmds: &mut Vec<Command>,
) {
    let g = &ws.entities.gazetteer;
    let col_w = 240.0;
    // Right to left, as the page reads: the speakers' column at the right
    // edge, the articles from the right in their order, and the view
    // opening at the right end.
    egui::ScrollArea::both()
        .id_salt("ledger")
        .stick_to_right(true)
        .auto_shrink([false, false])
        .show(ui, |ui| {
            // (From the left inside: a right-aligned layout, as the mirrored
            // Persian window has, would put the grid past an unbounded width.)
            ui.with_layout(egui::Layout::top_down(egui::Align::Min), |ui| {
                egui::Grid::new("ledger-grid")
                    .min_col_width(col_w)
                    .max_col_width(col_w)
                    .spacing([6.0, 6.0])
                    .show(ui, |ui| {
                        for &ai in l.articles.iter().rev() {
                            let a = &ws.articles[ai];
                            let head = format!(
                                "{} · {}",
                                a.date.as_ref().map_or_else(String::new, |d| article_date(
                                    d,
                                    settings.calendar
                                )),
                                a.source.as_deref().unwrap_or("")
                            );
                            RtlText::new(&head, style.meta.clone())
                                .width(col_w)
                                .show(ui, cache);
                        }
                        ui.label("");
                        ui.end_row();
                        for (row, sp) in l.speakers.iter().enumerate() {
                            for cell_refs in l.cells[row].iter().rev() {
                                ui.vertical(|ui| {
                                    ui.set_width(col_w);
                                    for &r in cell_refs {
                                        if cell(ui, ws, r, &[], &[], style, settings, cache) {
                                            let range = ws.articles[r.0]
                                                .statement(r.1)
                                                .unwrap_or_default()
                                                .range();
                                            cmds.push(Command::OpenPassage(r.0, range));
                                        }
                                    }
                                });
                            }
                            let name = sp.as_ref().map_or_else(
                                || tr!("compare-unnamed"),
                                |e| EntityName::of(g, e).name,
                            );
                            RtlText::new(&name, crate::ui::fonts::bold(style.font.size))
                                .width(col_w)
                                .show(ui, cache);
                            ui.end_row();
                        }
                    });
            });
        });
}
