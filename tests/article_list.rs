//! The article list's order: by date (newest first) and by title, each tie
//! broken by the file's path, the same key again flipping the direction.

use std::sync::Arc;
use std::time::{Duration, Instant};

use daftar::workspace::{SortKey, Workspace};

fn shown(ws: &Workspace) -> Vec<&str> {
    ws.order
        .iter()
        .map(|&i| ws.articles[i].path.as_str())
        .collect()
}

#[test]
fn the_list_sorts_by_date_and_title_with_ties_by_path() {
    let dir = tempfile::tempdir().unwrap();
    let files = [
        // Two of one day (the path decides), one earlier, one with no day
        // in its text (dated by its file: today).
        (
            "b/yek.txt",
            "پل تازه در اصفهان\n۱۲ آبان ۱۴۰۳\nپل تازه روی رودخانه باز شد.\n",
        ),
        (
            "a/do.txt",
            "آغاز سال تحصیلی\n۱۲ آبان ۱۴۰۳\nمدرسه‌ها از امروز باز شدند.\n",
        ),
        (
            "c/se.txt",
            "بارش برف در البرز\n۱ آبان ۱۴۰۳\nبرف جاده‌های کوهستانی را بست.\n",
        ),
        (
            "d/chahar.txt",
            "تیم ملی والیبال\nتیم ملی برای اردوی تازه آماده شد.\n",
        ),
    ];
    for (path, text) in files {
        let p = dir.path().join(path);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, text).unwrap();
    }
    let mut ws = Workspace::new(Arc::new(|| {}));
    ws.open(dir.path());
    let started = Instant::now();
    while ws.articles.len() < 4 || ws.is_busy() {
        assert!(started.elapsed() < Duration::from_secs(30), "timed out");
        ws.poll(Duration::from_millis(20));
        std::thread::sleep(Duration::from_millis(20));
    }
    // Newest first (the default), the two of one day by path reversed.
    assert_eq!(
        shown(&ws),
        ["d/chahar.txt", "b/yek.txt", "a/do.txt", "c/se.txt"]
    );
    ws.sort_by(SortKey::Date);
    assert_eq!(
        shown(&ws),
        ["c/se.txt", "a/do.txt", "b/yek.txt", "d/chahar.txt"]
    );

    // By title, in Persian alphabetical order (آ, ب, پ, ت), then back.
    ws.sort_by(SortKey::Title);
    assert_eq!(
        shown(&ws),
        ["a/do.txt", "c/se.txt", "b/yek.txt", "d/chahar.txt"]
    );
    ws.sort_by(SortKey::Title);
    assert_eq!(
        shown(&ws),
        ["d/chahar.txt", "b/yek.txt", "c/se.txt", "a/do.txt"]
    );
}
