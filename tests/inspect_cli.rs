//! `daftar inspect` as users run it: the bundled sample corpus, a folder of
//! broken files, and (when present) the real seed articles.

use crate::common;

use std::path::Path;
use std::process::Command;

use serde_json::Value;

fn daftar() -> Command {
    Command::new(env!("CARGO_BIN_EXE_daftar"))
}

fn inspect(folder: &Path) -> Vec<Value> {
    common::json_lines(&["inspect", "--json", "--with-text"], folder)
}

/// The characters `[start, end)` of `text` (code points).
fn slice(text: &str, r: &Value) -> String {
    let (s, e) = (
        r["start"].as_u64().unwrap() as usize,
        r["end"].as_u64().unwrap() as usize,
    );
    text.chars().skip(s).take(e - s).collect()
}

fn article<'a>(rows: &'a [Value], path_suffix: &str) -> &'a Value {
    rows.iter()
        .find(|r| r["kind"] == "article" && r["path"].as_str().unwrap().ends_with(path_suffix))
        .unwrap_or_else(|| panic!("no article {path_suffix}"))
}

#[test]
fn sample_corpus_loads_with_titles_dates_and_clean_bodies() {
    // A copy: a load keeps the corpus's recurring lines in `.daftar/`.
    let copy = common::sample_copy();
    let rows = inspect(copy.path());
    let summary = rows.last().unwrap();
    assert_eq!(summary["kind"], "summary");
    assert_eq!(summary["problems"], 0, "{rows:?}");
    assert!(summary["articles"].as_u64().unwrap() >= 10);

    for a in rows.iter().filter(|r| r["kind"] == "article") {
        let text = a["text"].as_str().unwrap();
        assert!(!a["date"].is_null(), "{} has a date", a["path"]);
        assert!(
            !a["paragraphs"].as_array().unwrap().is_empty(),
            "{} has a body",
            a["path"]
        );
        if let Some(r) = a.get("title_range").filter(|r| !r.is_null()) {
            assert_eq!(
                slice(text, r),
                a["title"].as_str().unwrap(),
                "title offsets of {}",
                a["path"]
            );
        }
        let d = &a["date"];
        if !d["start"].is_null() {
            assert_eq!(
                slice(text, d),
                d["text"].as_str().unwrap(),
                "date offsets of {}",
                a["path"]
            );
        }
    }

    // Each encoding is reported.
    assert_eq!(
        article(&rows, "05_export_windows1256.txt")["encoding"],
        "windows-1256"
    );
    assert_eq!(
        article(&rows, "06_ramadan_utf16.txt")["encoding"],
        "utf-16le"
    );

    // Heavy chrome: the body is the four news paragraphs and nothing else.
    let a = article(&rows, "04_heavy_chrome.txt");
    let text = a["text"].as_str().unwrap();
    let body: Vec<String> = a["paragraphs"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| slice(text, r))
        .collect();
    assert_eq!(body.len(), 4, "{body:#?}");
    for chrome in [
        "دسترسی",
        "اشتراک",
        "مرتبط",
        "برچسب",
        "کد خبر",
        "حقوق",
        "XS",
        "صفحه اصلی",
        "فوری",
    ] {
        assert!(
            body.iter().all(|p| !p.contains(chrome)),
            "«{chrome}» in the body: {body:#?}"
        );
    }
    assert_eq!(
        a["title"],
        "قیمت طلا در بازار تهران برای سومین روز پیاپی کاهش یافت"
    );
    assert_eq!(a["tags"], serde_json::json!(["طلا", "سکه", "بازار ارز"]));
    assert_eq!(a["site_id"], "782341");
    assert_eq!(a["date"]["gregorian"], "2025-01-15");

    // Date formats and their provenance.
    let expect = [
        ("01_dam_reserves.txt", "2024-12-02", "header"),
        ("02_book_fair.txt", "2023-05-10", "header"),
        ("03_fm_call.txt", "2024-10-18", "header"),
        ("05_export_windows1256.txt", "2023-02-24", "header"),
        ("06_ramadan_utf16.txt", "2024-03-11", "header"),
        ("08_english.txt", "2024-03-03", "header"),
        ("09_earthquake.md", "2023-03-18", "header"),
        ("10_oil_exports.html", "2024-06-05", "header"),
        ("11_football.txt", "2024-09-05", "header"),
        ("12_university.txt", "2024-11-22", "body"),
    ];
    for (file, greg, provenance) in expect {
        let d = &article(&rows, file)["date"];
        assert_eq!(
            (d["gregorian"].as_str(), d["provenance"].as_str()),
            (Some(greg), Some(provenance)),
            "{file}"
        );
    }
    let undated = &article(&rows, "07_undated.txt")["date"];
    assert_eq!(undated["provenance"], "inferred");
    assert!(
        undated["gregorian"].as_str().unwrap() >= "2024-07-28",
        "after Pezeshkian took office"
    );
    assert_eq!(article(&rows, "03_fm_call.txt")["source"], "ایرنا");
    assert_eq!(
        article(&rows, "09_earthquake.md")["title"],
        "زمین‌لرزه ۵٫۲ ریشتری خوی را لرزاند"
    );
}

#[cfg(unix)]
#[test]
fn broken_files_are_problems_and_good_articles_still_load() {
    use std::os::unix::ffi::OsStrExt;

    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let good = "خبر خوب امروز منتشر شد\n۱۴۰۳/۰۹/۰۲\nمتن خبر در اینجا آمده است و ادامه دارد.\n";
    std::fs::write(d.join("good.txt"), good).unwrap();
    std::fs::write(d.join("empty.txt"), "").unwrap();
    std::fs::write(d.join("blank.txt"), " \n\t\n  \n").unwrap();
    std::fs::write(
        d.join("image.txt"),
        [0x89, b'P', b'N', b'G', 0, 0, 0, 13, 1, 2, 3, 0, 0],
    )
    .unwrap();
    std::fs::write(d.join("photo.jpg"), [0xFF, 0xD8, 0xFF]).unwrap();
    std::os::unix::fs::symlink(d.join("missing.txt"), d.join("broken.txt")).unwrap();
    std::fs::create_dir(d.join("sub")).unwrap();
    std::os::unix::fs::symlink(d, d.join("sub/loop")).unwrap();
    let latin1_name = std::ffi::OsStr::from_bytes(b"caf\xe9.txt");
    std::fs::write(d.join(latin1_name), good).unwrap();
    std::fs::create_dir(d.join(".daftar")).unwrap();
    std::fs::write(d.join(".daftar/cache.txt"), "not an article").unwrap();
    let fifo = d.join("pipe.txt");
    assert!(
        Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap()
            .success()
    );

    let rows = inspect(d);
    let problems: Vec<(String, String)> = rows
        .iter()
        .filter(|r| r["kind"] == "problem")
        .map(|r| {
            (
                r["path"].as_str().unwrap().to_string(),
                r["reason"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    let reason = |p: &str| {
        problems
            .iter()
            .find(|(path, _)| path == p)
            .map(|(_, r)| r.as_str())
            .unwrap_or_else(|| panic!("no problem for {p}: {problems:?}"))
    };
    assert!(reason("empty.txt").contains("empty"));
    assert!(reason("blank.txt").contains("whitespace"));
    assert!(reason("image.txt").contains("binary"));
    assert!(reason("photo.jpg").contains("not an article file"));
    assert!(reason("broken.txt").contains("broken symbolic link"));
    assert!(reason("sub/loop").contains("loop"));
    assert!(reason("pipe.txt").contains("not a regular file"));
    assert_eq!(problems.len(), 7, "{problems:?}");

    let articles: Vec<&Value> = rows.iter().filter(|r| r["kind"] == "article").collect();
    assert_eq!(articles.len(), 2, "good.txt and the Latin-1-named copy");
    let odd = article(&rows, "caf\u{FFFD}.txt");
    assert!(odd["warnings"].to_string().contains("not valid UTF-8"));
    assert_eq!(
        article(&rows, "good.txt")["date"]["gregorian"],
        "2024-11-22"
    );
    let summary = rows.last().unwrap();
    assert_eq!(
        (summary["articles"].as_u64(), summary["problems"].as_u64()),
        (Some(2), Some(7))
    );
}

#[test]
fn too_large_files_are_reported_not_loaded() {
    use daftar::corpus::{LoadEvent, LoadOptions, load_folder};
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("big.txt"), "متن ".repeat(2000)).unwrap();
    std::fs::write(dir.path().join("small.txt"), "عنوان\nمتن کوتاه.").unwrap();
    let opts = LoadOptions {
        max_file_bytes: 4096,
        ..Default::default()
    };
    let mut problems = Vec::new();
    let mut articles = 0;
    load_folder(dir.path(), &opts, |e| match e {
        LoadEvent::Problem(p) => problems.push(p),
        LoadEvent::Article(_) => articles += 1,
        LoadEvent::Scanned { .. } => {}
    })
    .unwrap();
    assert_eq!(articles, 1);
    assert_eq!(problems.len(), 1);
    assert!(
        problems[0].reason.to_string().starts_with("too large"),
        "{:?}",
        problems[0]
    );
}

#[test]
fn unreadable_folders_fail_with_a_clear_message() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("a.txt");
    std::fs::write(&file, "x").unwrap();
    for (path, message) in [
        (dir.path().join("nope"), "no such folder"),
        (file, "not a folder"),
    ] {
        let out = daftar()
            .args(["inspect", "--json"])
            .arg(&path)
            .output()
            .unwrap();
        assert!(!out.status.success());
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(
            err.contains(message) && err.contains(&*path.to_string_lossy()),
            "{err}"
        );
    }
}

/// The real articles in ../shared/seeds (CI has them; a lone clone may not).
#[test]
fn seed_articles_titles_dates_and_no_chrome() {
    let seeds = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/seeds");
    if !seeds.is_dir() {
        eprintln!("skipping: {} not present", seeds.display());
        return;
    }
    let rows = inspect(&seeds);
    let a2 = article(&rows, "002_4ebda61dd840b46e.txt");
    assert!(
        a2["title"]
            .as_str()
            .unwrap()
            .starts_with("آمریکا و برخی کشورهای غربی")
    );
    assert_eq!(a2["date"]["jalali"], "1397-01-27");
    assert_eq!(a2["date"]["provenance"], "header");
    let a3 = article(&rows, "003_e8c102b385ddc80d.txt");
    assert!(
        a3["title"]
            .as_str()
            .unwrap()
            .starts_with("پوتین میگوید اطمینان دارد")
    );
    assert_eq!(
        (
            a3["date"]["jalali"].as_str(),
            a3["date"]["provenance"].as_str()
        ),
        (Some("1403-09-02"), Some("header"))
    );
    let a4 = article(&rows, "004_8ef1b0a3631198ab.txt");
    assert_eq!(
        (
            a4["date"]["jalali"].as_str(),
            a4["date"]["provenance"].as_str()
        ),
        (Some("1404-06-10"), Some("body"))
    );
    for f in ["000_2f196067cdaa7cc8.txt", "001_783e3036fd1b3a4b.txt"] {
        assert_eq!(
            article(&rows, f)["date"]["provenance"],
            "inferred",
            "{f}: estimated, not mtime"
        );
    }
    for a in rows.iter().filter(|r| r["kind"] == "article") {
        let text = a["text"].as_str().unwrap();
        for r in a["paragraphs"].as_array().unwrap() {
            let p = slice(text, r);
            for chrome in [
                "برچسب",
                "کد مطلب",
                "دسترسی",
                "خبر فوری",
                "با استفاده از گزارش",
                "](#)",
            ] {
                assert!(
                    !p.contains(chrome),
                    "chrome «{chrome}» in {}: {p}",
                    a["path"]
                );
            }
            assert!(!["XS", "SM", "MD", "LG"].contains(&p.as_str()));
        }
    }
}

#[test]
fn explain_gives_each_line_of_a_page_its_class_and_reason() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("page.txt"),
        "صفحه اصلی | اقتصاد | ورزش | فرهنگ\n\
         بارش برف در گردنه‌های شمالی ادامه دارد\n\
         ۱۴۰۳/۰۹/۱۲\n\
         به گزارش ایرنا، بارش برف در گردنه‌های شمالی کشور از بامداد امروز ادامه دارد و راهداران از رانندگان خواستند بدون زنجیر چرخ به این مسیرها نروند.\n\
         کد خبر: ۱۲۳۴۵\n",
    )
    .unwrap();
    let rows = common::json_lines(&["inspect", "--json", "--explain", "page.txt"], dir.path());
    let classes: Vec<(&str, &str)> = rows
        .iter()
        .map(|r| (r["class"].as_str().unwrap(), r["reason"].as_str().unwrap()))
        .collect();
    assert_eq!(
        classes,
        [
            ("chrome", "navigation"),
            ("title", ""),
            ("dateline", ""),
            ("lead", ""),
            ("chrome", "site id"),
        ]
    );
    assert_eq!(rows[1]["line"], 2);
    assert!(
        rows[3]["text"]
            .as_str()
            .unwrap()
            .starts_with("به گزارش ایرنا")
    );
    // A file outside the folder is refused with a reason.
    let out = common::daftar(&["inspect", "--explain", "/etc/hostname"], dir.path());
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("not inside"));
}
