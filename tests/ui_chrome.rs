//! Page chrome in the window (issue 15): a page of a new site shows its
//! headline in the list and reader; «Show page chrome» shows what was left
//! out; a line marked as chrome, or as the title, is corrected on every
//! page of the site at once, kept in `.daftar/chrome.ron` and applied again
//! when the folder is opened next.

use daftar::corpus::corrections::MARKED_CHROME;
use egui::Role;
use egui_kittest::kittest::Queryable;

use crate::common;

const SITE: &str = "رادیو دشت";
const SHARE: &str =
    "این خبر را با دوستان خود در میان بگذارید و ما را در شبکه‌های اجتماعی دنبال کنید.";

fn headline(n: usize) -> String {
    [
        "برداشت زعفران در روستای بیدک آغاز شد",
        "بازگشایی جاده کوهستانی سرخه پس از برف",
    ][n]
        .to_string()
}

fn paragraph(n: usize, k: usize) -> String {
    format!(
        "{} به گفته دهیار روستا امسال کار با کمک دستگاه‌های تازه زودتر از سال گذشته انجام می‌شود و مردم روستا از نتیجه آن راضی هستند و منتظر روزهای بهتر نیز هستند.",
        [
            "کشاورزان روستای بیدک از صبح امروز کار خود را آغاز کردند و",
            "راهداران از صبح دیروز مسیر کوهستانی را بازگشایی کردند و"
        ][n]
            .to_string()
            + if k == 0 { "" } else { " سپس" }
    )
}

/// Two pages of a site daftar never saw, in its own folder: two pages are
/// too few for the corpus to tell their shared sharing sentence, so the
/// reading keeps it in the body until the user marks it.
fn site() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("radio-dasht");
    std::fs::create_dir_all(&folder).unwrap();
    for n in 0..2 {
        let page = format!(
            "{SITE}\n{}\n۱۴۰۳/۰۸/{:02}\n{}\n{}\n{SHARE}\n",
            headline(n),
            n + 10,
            paragraph(n, 0),
            paragraph(n, 1)
        );
        std::fs::write(folder.join(format!("{n}.txt")), page).unwrap();
    }
    dir
}

fn body(app: &daftar::ui::app::DaftarApp, path: &str) -> Vec<String> {
    let a = &app.ws.articles[app.ws.article_index(path).unwrap()];
    a.paragraphs
        .iter()
        .map(|r| a.text()[r.clone()].to_string())
        .collect()
}

#[test]
fn a_line_marked_as_chrome_leaves_every_page_of_its_site_and_stays_marked() {
    let corpus = site();
    let mut h = common::window(corpus.path());
    // The headline of a new site is the list's and the reader's title.
    h.get_by_role_and_label(Role::Button, &headline(0)).click();
    h.run();
    assert_eq!(h.state().ws.articles.len(), 2);
    assert!(body(h.state(), "radio-dasht/0.txt").contains(&SHARE.to_string()));
    assert!(
        h.query_by_label(SITE).is_none(),
        "chrome is hidden at first"
    );

    h.get_by_role_and_label(Role::CheckBox, "Show page chrome")
        .click();
    h.run();
    h.run();
    assert!(
        h.query_by_label(SITE).is_some(),
        "the site's name is shown, greyed, with page chrome"
    );

    h.get_by_label(SHARE).click_secondary();
    h.run();
    h.get_by_role_and_label(Role::Button, "Page chrome (leave it out)")
        .click();
    // (A correction starts background work — entity counts, the index —
    // that repaints: step, then wait for it.)
    h.step();
    common::settle(&mut h);
    let app = h.state();
    for path in ["radio-dasht/0.txt", "radio-dasht/1.txt"] {
        let b = body(app, path);
        assert_eq!(b.len(), 2, "{path}: {b:#?}");
        assert!(!b.contains(&SHARE.to_string()), "{path}");
        let a = &app.ws.articles[app.ws.article_index(path).unwrap()];
        assert!(
            a.left_out
                .iter()
                .any(|(r, why)| &a.text()[r.clone()] == SHARE && *why == MARKED_CHROME)
        );
    }
    assert!(
        app.reader
            .note
            .as_deref()
            .is_some_and(|n| n.contains("2 articles")),
        "{:?}",
        app.reader.note
    );
    let saved = daftar::corpus::corrections::Corrections::read(corpus.path()).unwrap();
    assert!(
        saved
            .rules()
            .iter()
            .any(|r| r.line == SHARE && r.site == "radio-dasht"),
        "{saved:?}"
    );

    // A line of the body marked as the title is this article's title only.
    let first = paragraph(0, 0);
    h.get_by_label(&first).click_secondary();
    h.run();
    h.get_by_role_and_label(Role::Button, "The title (of this article)")
        .click();
    h.step();
    common::settle(&mut h);
    let app = h.state();
    let a = &app.ws.articles[app.ws.article_index("radio-dasht/0.txt").unwrap()];
    assert_eq!(
        a.title.clone().map(|r| a.text()[r].to_string()),
        Some(first.clone())
    );
    let b = &app.ws.articles[app.ws.article_index("radio-dasht/1.txt").unwrap()];
    assert_eq!(
        b.title.clone().map(|r| b.text()[r].to_string()),
        Some(headline(1))
    );
    drop(h);

    // Opened again, the folder is read with the corrections.
    let h = common::window(corpus.path());
    let app = h.state();
    assert!(!body(app, "radio-dasht/1.txt").contains(&SHARE.to_string()));
    let a = &app.ws.articles[app.ws.article_index("radio-dasht/0.txt").unwrap()];
    assert_eq!(
        a.title.clone().map(|r| a.text()[r].to_string()),
        Some(first.clone())
    );
}
