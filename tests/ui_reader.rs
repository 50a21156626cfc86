//! The window, driven as a user would, through AccessKit (no GPU needed):
//! open the sample corpus, choose an article, select a passage by dragging
//! and by double-clicking; open a folder with a broken file and find it in
//! the problems list.

use std::path::Path;
use std::time::{Duration, Instant};

use daftar::ui::app::DaftarApp;
use egui::{Pos2, Role};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

use crate::common;

fn sample() -> tempfile::TempDir {
    common::sample_copy()
}

fn harness(folder: &Path) -> Harness<'static, DaftarApp> {
    common::window(folder)
}

use common::{move_to, press, tick};

const TITLE: &str = "گفت‌وگوی تلفنی وزیران خارجه ایران و روسیه";

/// Types `q` into the search box, as a user would.
fn type_query(h: &mut Harness<'static, DaftarApp>, q: &str) {
    h.get_by_role_and_label(Role::TextInput, "Search").click();
    h.run();
    h.get_by_role_and_label(Role::TextInput, "Search")
        .type_text(q);
    h.run_steps(2);
}

fn open_fm_call(h: &mut Harness<'static, DaftarApp>) -> String {
    h.get_by_role_and_label(Role::Button, TITLE).click();
    h.run();
    let app = h.state();
    let article = &app.ws.articles[app.selected.expect("an article is selected")];
    assert!(article.path.ends_with("03_fm_call.txt"));
    let para = article.paragraphs[2].clone();
    article.text()[para].to_string()
}

#[test]
fn drag_selects_the_logical_start_of_a_right_to_left_paragraph() {
    let corpus = sample();
    let mut h = harness(corpus.path());
    let para = open_fm_call(&mut h);
    assert!(para.starts_with("وی افزود:"));
    let rect = h.get_by_label(&para).rect();
    // The logical start of an RTL paragraph is at the right end of its
    // first line; dragging leftwards selects its first words.
    let y = rect.top() + 10.0;
    let from = Pos2::new(rect.right() - 1.0, y);
    let to = Pos2::new(rect.right() - rect.width() * 0.3, y);
    move_to(&mut h, from);
    press(&mut h, from, true);
    for i in 1..=5 {
        move_to(&mut h, from + (to - from) * (i as f32 / 5.0));
    }
    press(&mut h, to, false);
    h.run();

    let app = h.state();
    let article = &app.ws.articles[app.selected.unwrap()];
    let selected = app.reader.selected_text(article).expect("a selection");
    assert!(
        para.starts_with(&selected),
        "selection is a logical prefix: «{selected}»"
    );
    let n = selected.chars().count();
    let total = para.chars().count();
    assert!(
        n >= 10 && n < total,
        "about a third of the first line: {n} of {total} chars"
    );
}

#[test]
fn double_click_selects_a_whole_word() {
    let corpus = sample();
    let mut h = harness(corpus.path());
    let para = open_fm_call(&mut h);
    let rect = h.get_by_label(&para).rect();
    let pos = Pos2::new(rect.right() - rect.width() * 0.5, rect.top() + 10.0);
    tick(&mut h, 1.0);
    move_to(&mut h, pos);
    for _ in 0..2 {
        press(&mut h, pos, true);
        press(&mut h, pos, false);
    }
    h.run();
    let app = h.state();
    let article = &app.ws.articles[app.selected.unwrap()];
    let word = app
        .reader
        .selected_text(article)
        .expect("a word is selected");
    assert!(!word.is_empty() && !word.contains(' '), "«{word}»");
    assert!(
        para.split([' ', '،', ':']).any(|w| w == word),
        "«{word}» is one of the paragraph's words"
    );
}

#[test]
fn a_broken_file_shows_in_the_problems_list() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("good.txt"),
        "عنوان خبر\nمتن خبر امروز منتشر شد.",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("broken.txt"),
        [0u8, 159, 146, 150, 0, 0, 7, 1],
    )
    .unwrap();
    let mut h = harness(dir.path());
    assert_eq!(h.state().ws.articles.len(), 1);
    h.get_by_label("1 problem").click();
    h.run();
    h.get_by_label("broken.txt");
    h.get_by_label_contains("binary");
}

#[test]
fn article_list_sorts_by_title() {
    let corpus = sample();
    let mut h = harness(corpus.path());
    h.get_by_label("Title").click();
    h.run();
    let app = h.state();
    let titles: Vec<String> = app
        .ws
        .order
        .iter()
        .map(|&i| daftar::text::search_key(&app.ws.articles[i].display_title()))
        .collect();
    // The first letters in the order of the Persian alphabet (Latin
    // before it): گ after ک and before ل, not after ی as by code point.
    const ALPHABET: &str = "ابپتثجچحخدذرزژسشصضطظعغفقکگلمنوهی";
    let rank = |t: &String| {
        let c = t.chars().next().unwrap_or(' ');
        ALPHABET
            .chars()
            .position(|a| a == c)
            .map_or(if c.is_ascii() { 0 } else { 99 }, |p| p + 1)
    };
    let ranks: Vec<usize> = titles.iter().map(rank).collect();
    assert!(ranks.windows(2).all(|w| w[0] <= w[1]), "{titles:?}");
    let at = |start: &str| titles.iter().position(|t| t.starts_with(start));
    assert!(at("گفت") < at("نمایشگاه"), "{titles:?}");
}

#[test]
fn typing_a_query_lists_hits_and_opens_the_reader_on_them() {
    let corpus = sample();
    let mut h = harness(corpus.path());
    // A spelling different from the article's («گفت‌وگو»).
    type_query(&mut h, "گفتگو");
    let started = Instant::now();
    while h.state().ws.is_busy() {
        assert!(started.elapsed() < Duration::from_secs(30));
        h.step();
        std::thread::sleep(Duration::from_millis(10));
    }
    h.run();
    let total = match &h.state().ws.search.results {
        Some(Ok(r)) => r.total,
        other => panic!("no results: {other:?}"),
    };
    assert!(total >= 1);
    let plural = if total == 1 { "" } else { "s" };
    h.get_by_label_contains(&format!("{total} article{plural} · "));
    h.get_by_role_and_label(Role::Button, TITLE).click();
    h.run();
    let app = h.state();
    let article = &app.ws.articles[app.selected.expect("opened")];
    assert!(article.path.ends_with("03_fm_call.txt"));
    assert!(
        !app.reader.hits.is_empty(),
        "the reader highlights the matches"
    );
    for hit in &app.reader.hits {
        let found = &article.text()[hit.clone()];
        assert!(found.starts_with("گفت‌وگو"), "highlighted «{found}»");
    }
    h.get_by_label_contains("Match 1 of");
    h.get_by_label("Next match").click();
    h.run();
    assert_eq!(
        h.state().reader.current_hit,
        1 % h.state().reader.hits.len()
    );

    // The concordance lists one line per match.
    h.get_by_label("Concordance").click();
    h.run();
    let lines = h.state_mut().kwic_lines().len();
    assert!(lines >= h.state().reader.hits.len(), "{lines}");
}

#[test]
fn brushing_the_timeline_limits_the_list_and_the_chip_clears_it() {
    let corpus = sample();
    let mut h = harness(corpus.path());
    let all = h.state().ws.order.len();
    let rect = h.get_by_label("Timeline histogram").rect();
    let y = rect.center().y;
    let from = Pos2::new(rect.left() + rect.width() * 0.05, y);
    let to = Pos2::new(rect.left() + rect.width() * 0.45, y);
    tick(&mut h, 1.0);
    move_to(&mut h, from);
    press(&mut h, from, true);
    for i in 1..=5 {
        move_to(&mut h, from + (to - from) * (i as f32 / 5.0));
    }
    press(&mut h, to, false);
    move_to(&mut h, Pos2::new(5.0, 300.0));
    common::settle(&mut h);
    let app = h.state();
    let (lo, hi) = app.ws.range.expect("the brush set a range");
    let shown = app.ws.order.len();
    assert!(shown < all && shown > 0, "{shown} of {all}");
    for &i in &app.ws.order {
        let d = app.ws.articles[i].date.as_ref().unwrap().day;
        assert!(d >= lo && d <= hi);
    }
    h.get_by_label_contains("Clear range").click();
    common::settle(&mut h);
    assert_eq!(h.state().ws.range, None);
    assert_eq!(h.state().ws.order.len(), all);
}

#[test]
fn a_search_draws_its_hits_over_time_on_the_timeline() {
    let corpus = sample();
    let mut h = harness(corpus.path());
    h.get_by_role_and_label(Role::TextInput, "Search").click();
    h.run();
    h.get_by_role_and_label(Role::TextInput, "Search")
        .type_text("ایران");
    let started = Instant::now();
    h.run_steps(2);
    while h.state().ws.is_busy() || h.state().ws.search.hit_days.is_none() {
        assert!(started.elapsed() < Duration::from_secs(30));
        h.step();
        std::thread::sleep(Duration::from_millis(10));
    }
    h.run();
    let app = h.state();
    let results = match &app.ws.search.results {
        Some(Ok(r)) => r,
        other => panic!("no results: {other:?}"),
    };
    assert!(results.total >= 2 && results.total < app.ws.articles.len());
    // Every matching article is on the timeline, on its own day.
    let (_, days) = app.ws.search.hit_days.as_ref().unwrap();
    assert_eq!(days.len(), results.total);
    let mut from_hits: Vec<_> = days.iter().map(|d| d.0).collect();
    let mut from_articles: Vec<_> = results
        .hits
        .iter()
        .map(|hit| {
            let i = app.ws.article_index(&hit.path).unwrap();
            app.ws.articles[i].date.as_ref().map(|d| d.day)
        })
        .collect();
    from_hits.sort();
    from_articles.sort();
    assert_eq!(from_hits, from_articles);
    h.get_by_label_contains(&format!(
        "Search hits over time ({} matching)",
        results.total
    ));
}

/// A load that never finished (the window hung or was killed) is noted on
/// disk; at the next start that folder is not reopened blindly: the
/// window says so and the user chooses.
#[test]
fn a_folder_whose_last_load_never_finished_is_not_reopened_blindly() {
    use daftar::ui::app::{Settings, load_marker, startup_folder, unfinished_load};
    let corpus = sample();
    let state = tempfile::tempdir().unwrap();
    let markers = state.path().join("loading");
    let folder = corpus.path();

    // A load noted, then finished: the note is gone.
    let app = DaftarApp::with_load_markers(
        Settings::default(),
        Some(folder.to_path_buf()),
        markers.clone(),
    );
    assert_eq!(unfinished_load(&markers, folder).as_deref(), Some(folder));
    let mut h = Harness::builder()
        .with_size(egui::vec2(1280.0, 820.0))
        .build_ui_state(|ui, app: &mut DaftarApp| app.show(ui), app);
    common::settle(&mut h);
    assert_eq!(unfinished_load(&markers, folder), None, "the load ended");

    // Killed while loading: the note stays, and the next start asks.
    std::fs::write(load_marker(&markers, folder), "killed\n").unwrap();
    let last = Some(folder.to_path_buf());
    let (open, asked) = startup_folder(None, last.clone(), unfinished_load(&markers, folder));
    assert_eq!((open.clone(), asked.clone()), (None, last.clone()));
    assert_eq!(
        startup_folder(Some(folder.into()), last.clone(), last.clone()).0,
        last,
        "a folder named on the command line is opened"
    );
    let other = tempfile::tempdir().unwrap();
    assert_eq!(
        unfinished_load(&markers, other.path()),
        None,
        "another folder's load is not this one's"
    );
    let mut app = DaftarApp::with_load_markers(Settings::default(), open, markers.clone());
    app.interrupted = asked;
    let mut h = Harness::builder()
        .with_size(egui::vec2(1280.0, 820.0))
        .build_ui_state(|ui, app: &mut DaftarApp| app.show(ui), app);
    common::settle(&mut h);
    assert!(h.state().ws.articles.is_empty(), "nothing loaded by itself");
    h.get_by_label("The last load did not finish");
    h.get_by_label("Open it again").click();
    common::settle(&mut h);
    assert!(!h.state().ws.articles.is_empty(), "loaded on request");
    assert!(h.query_by_label("The last load did not finish").is_none());
    assert_eq!(unfinished_load(&markers, folder), None);

    // Closing the window while a load runs is a chosen stop: no note left.
    h.state_mut()
        .apply(daftar::ui::app::Command::Open(folder.to_path_buf()));
    assert!(unfinished_load(&markers, folder).is_some());
    h.state_mut().end_load_note();
    assert_eq!(unfinished_load(&markers, folder), None);
}

/// An article of one 2 MB "word" (a scrape without spaces or line
/// breaks) opens at once: the reader lays out the pieces in view, not the
/// whole paragraph, and the list shows its title cut with «…».
#[test]
fn a_megabyte_paragraph_is_laid_out_only_where_it_is_seen() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("word.txt"),
        format!("{}\n", "ب".repeat(1_000_000)),
    )
    .unwrap();
    let mut h = harness(dir.path());
    let title = {
        let app = h.state();
        app.ws.articles[0].short_title(daftar::ui::panels::reader::MAX_TITLE_CHARS)
    };
    assert!(
        title.ends_with('…') && title.chars().count() <= 301,
        "{title}"
    );
    h.get_by_role_and_label(Role::Button, &title).click();
    common::settle(&mut h);
    let drawn = h.state().reader.drawn_bytes();
    assert!(drawn > 0, "something is shown");
    assert!(
        drawn < 100_000,
        "{drawn} bytes of a 2,000,000-byte paragraph drawn for one screen"
    );
}

#[test]
fn a_new_article_opens_at_its_title() {
    let dir = tempfile::tempdir().unwrap();
    let long: String = (0..80)
        .map(|i| format!("بند شماره {i} از متنی بلند درباره آب و برق و گاز است.\n"))
        .collect();
    let (first, second) = ("عنوان نخستین خبر بلند", "عنوان دومین خبر بلند");
    std::fs::write(dir.path().join("a.txt"), format!("{first}\n{long}")).unwrap();
    std::fs::write(dir.path().join("b.txt"), format!("{second}\n{long}")).unwrap();
    let mut h = harness(dir.path());
    h.get_by_role_and_label(Role::Button, first).click();
    h.run();
    // The reader's title (the list's row, to its right, has the same
    // words).
    let title = |h: &Harness<'static, DaftarApp>, t: &str| {
        h.get_all_by_role_and_label(Role::Label, t)
            .map(|n| n.rect())
            .min_by(|a, b| a.left().total_cmp(&b.left()))
            .expect("the title is shown")
    };
    let top = title(&h, first).top();
    // Scrolled well down the first article.
    let over = title(&h, first).center() + egui::vec2(0.0, 200.0);
    move_to(&mut h, over);
    for _ in 0..10 {
        h.input_mut().events.push(egui::Event::MouseWheel {
            unit: egui::MouseWheelUnit::Point,
            delta: egui::vec2(0.0, -400.0),
            phase: egui::TouchPhase::Move,
            source: egui::MouseWheelSource::Unknown,
            modifiers: egui::Modifiers::default(),
        });
        h.step();
    }
    // (A scroll animates: steps, not a run to rest.)
    for _ in 0..30 {
        tick(&mut h, 0.05);
        h.step();
    }
    assert!(
        title(&h, first).top() < top - 500.0,
        "the first article scrolled: {} from {top}",
        title(&h, first).top()
    );
    h.get_by_role_and_label(Role::Button, second).click();
    for _ in 0..5 {
        tick(&mut h, 0.05);
        h.step();
    }
    assert!(
        (title(&h, second).top() - top).abs() < 2.0,
        "the second opens at its title: {} (the first's was at {top})",
        title(&h, second).top()
    );
}

#[test]
fn ctrl_f_puts_the_keyboard_in_the_search_box_and_help_lists_it() {
    let corpus = sample();
    let mut h = harness(corpus.path());
    open_fm_call(&mut h);
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::F);
    h.run();
    h.input_mut().events.push(egui::Event::Text("لاوروف".into()));
    h.run_steps(8);
    assert_eq!(h.state().search.query, "لاوروف", "typed into the search box");
    common::settle(&mut h);
    assert!(h.state().ws.search.results.is_some(), "and it searched");

    h.get_by_label("Help").click();
    h.run();
    h.get_by_label("Keyboard shortcuts").click();
    h.run();
    assert!(
        h.query_by_label("Ctrl+F").is_some(),
        "the shortcut is listed"
    );
}

#[test]
fn a_files_decoding_trouble_shows_under_its_dateline() {
    let dir = tempfile::tempdir().unwrap();
    let mut bytes = "خبر با بایت خراب\nاین متن فارسی است و یک بایت خراب در میان دارد "
        .as_bytes()
        .to_vec();
    bytes.push(0xFF);
    bytes.extend_from_slice(" و ادامه متن فارسی اینجا است.\n".as_bytes());
    std::fs::write(dir.path().join("a.txt"), bytes).unwrap();
    let mut h = harness(dir.path());
    h.get_by_role_and_label(Role::Button, "خبر با بایت خراب")
        .click();
    h.run();
    let warning = h.state().ws.articles[0]
        .warnings
        .first()
        .map(|w| w.to_string());
    let warning = warning.expect("the file has a decoding warning");
    assert!(
        h.query_by_label(&warning).is_some(),
        "the reader shows «{warning}»"
    );
}

#[test]
fn a_line_too_long_for_its_row_ends_in_an_ellipsis() {
    use daftar::ui::widgets::rtl_text::{LayoutCache, RtlText};
    let long = "عنوانی بسیار بلند درباره نشست وزیران نفت و گاز کشورهای منطقه در تهران و پیامدهای آن برای بازار";
    // (Lines shown, and whether one of them draws «…».)
    let state: (LayoutCache, usize, bool) = (LayoutCache::default(), 0, false);
    let mut h = Harness::builder()
        .with_size(egui::vec2(400.0, 200.0))
        .build_ui_state(
            |ui, (cache, lines, ellipsis): &mut (LayoutCache, usize, bool)| {
                ui.ctx().set_fonts(daftar::ui::fonts::definitions());
                let r = RtlText::new(long, egui::FontId::proportional(15.0))
                    .width(220.0)
                    .max_lines(1)
                    .show(ui, cache);
                *lines = r.layout.lines.len();
                *ellipsis = r
                    .layout
                    .lines
                    .iter()
                    .flat_map(|l| &l.runs)
                    .flat_map(|run| &run.pieces)
                    .any(|p| p.display.contains('…'));
            },
            state,
        );
    h.run();
    assert_eq!(h.state().1, 1, "one line");
    assert!(h.state().2, "it ends in «…»");
    assert!(
        h.query_by_label(long).is_some(),
        "the label keeps the whole text"
    );
}

#[test]
fn a_result_with_a_short_snippet_leaves_the_next_result_below_it() {
    let corpus = sample();
    let mut h = harness(corpus.path());
    type_query(&mut h, "ایران");
    common::settle(&mut h);
    let titles: Vec<String> = match &h.state().ws.search.results {
        Some(Ok(r)) => r.hits.iter().map(|x| x.title.clone()).collect(),
        other => panic!("{other:?}"),
    };
    assert!(titles.len() >= 3, "{titles:?}");
    for pair in titles.windows(2).take(4) {
        let row = h
            .get_all_by_role_and_label(Role::Button, &pair[0])
            .map(|n| n.rect())
            .max_by(|a, b| a.left().total_cmp(&b.left()))
            .expect("a result row");
        let next = h
            .get_all_by_role_and_label(Role::Label, &pair[1])
            .map(|n| n.rect())
            .filter(|r| r.top() > row.top())
            .min_by(|a, b| a.top().total_cmp(&b.top()))
            .expect("the next result's title");
        assert!(
            next.top() >= row.bottom() - 0.5,
            "«{}» starts at {} inside «{}»'s row ending at {}",
            pair[1],
            next.top(),
            pair[0],
            row.bottom()
        );
    }
}

#[test]
fn the_timelines_tooltip_stands_at_the_pointer() {
    let corpus = sample();
    let mut h = harness(corpus.path());
    let chart = h
        .get_by_role_and_label(Role::Image, "Timeline histogram")
        .rect();
    // Over the bars, far right of the chart's left edge.
    let at = Pos2::new(chart.left() + chart.width() * 0.7, chart.center().y);
    for _ in 0..4 {
        move_to(&mut h, at);
        tick(&mut h, 0.5);
        h.step();
    }
    // The tooltip's area (its lines are drawn by the RTL widget).
    let tip = h
        .ctx
        .memory(|m| {
            m.layer_ids()
                .filter(|l| l.order == egui::Order::Tooltip)
                .filter_map(|l| m.area_rect(l.id))
                .next()
        })
        .expect("a tooltip");
    assert!(
        (tip.left() - at.x).abs() < 80.0 && (tip.top() - at.y).abs() < 120.0,
        "the tooltip at {tip:?}, the pointer at {at:?}"
    );
}

#[test]
fn open_recent_lists_a_persian_folder_and_opens_it() {
    let parent = tempfile::tempdir().unwrap();
    let folder = parent.path().join("پیکره آزمون");
    std::fs::create_dir(&folder).unwrap();
    std::fs::write(
        folder.join("a.txt"),
        "خبر پیکره آزمون\nمتنی کوتاه درباره آب و برق و گاز.\n",
    )
    .unwrap();
    let corpus = sample();
    let settings = daftar::ui::app::Settings {
        recent: vec![folder.clone()],
        annotator_asked: true,
        ..Default::default()
    };
    let app = DaftarApp::new(settings, Some(corpus.path().to_path_buf()));
    let mut h = Harness::builder()
        .with_size(egui::vec2(1280.0, 820.0))
        .build_ui_state(|ui, app: &mut DaftarApp| app.show(ui), app);
    common::settle(&mut h);
    h.get_by_label("File").click();
    h.run();
    h.get_by_label("Open recent").hover();
    h.run();
    h.get_by_role_and_label(Role::Button, &folder.display().to_string())
        .click();
    common::settle(&mut h);
    assert_eq!(h.state().ws.folder.as_deref(), Some(folder.as_path()));
    assert_eq!(h.state().ws.articles.len(), 1);
}

#[test]
fn a_malformed_query_says_why_under_the_box() {
    let corpus = sample();
    let mut h = harness(corpus.path());
    type_query(&mut h, "\"اجلاس BRICS");
    common::settle(&mut h);
    assert!(matches!(h.state().ws.search.results, Some(Err(_))));
    assert!(
        h.query_by_label_contains("quotation mark is not closed")
            .is_some(),
        "the reason is shown"
    );
}
