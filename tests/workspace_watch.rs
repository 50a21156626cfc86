//! The open folder is watched: a file added, edited or deleted while
//! daftar runs shows up in the article list and in search without
//! reopening the folder.

use std::sync::Arc;
use std::time::{Duration, Instant};

use daftar::workspace::{IndexState, Workspace};

fn settle(ws: &mut Workspace, until: impl Fn(&Workspace) -> bool) {
    let started = Instant::now();
    while !until(ws) || ws.is_busy() {
        assert!(started.elapsed() < Duration::from_secs(30), "timed out");
        ws.poll(Duration::from_millis(20));
        std::thread::sleep(Duration::from_millis(20));
    }
}

fn search_paths(ws: &mut Workspace, q: &str) -> Vec<String> {
    ws.run_search(q);
    settle(ws, |w| w.search.results.is_some());
    let mut p: Vec<String> = match &ws.search.results {
        Some(Ok(r)) => r.hits.iter().map(|h| h.path.clone()).collect(),
        other => panic!("{other:?}"),
    };
    p.sort();
    p
}

#[test]
fn changes_on_disk_reach_the_list_and_the_index() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.txt"), "عنوان اول\nمتن نخست درباره نفت\n").unwrap();
    let mut ws = Workspace::new(Arc::new(|| {}));
    ws.open(dir.path());
    settle(&mut ws, |w| matches!(w.index_state, IndexState::Ready(_)));
    assert_eq!(ws.articles.len(), 1);

    std::fs::write(
        dir.path().join("b.txt"),
        "عنوان دوم\nمتن تازه درباره زعفران\n",
    )
    .unwrap();
    settle(&mut ws, |w| w.articles.len() == 2);
    assert_eq!(search_paths(&mut ws, "زعفران"), ["b.txt"]);

    std::fs::write(
        dir.path().join("a.txt"),
        "عنوان اول\nمتن ویرایش‌شده درباره پسته\n",
    )
    .unwrap();
    settle(&mut ws, |w| {
        w.articles.iter().any(|a| a.text().contains("پسته"))
    });
    assert_eq!(search_paths(&mut ws, "پسته"), ["a.txt"]);
    assert!(search_paths(&mut ws, "نفت").is_empty());

    std::fs::remove_file(dir.path().join("b.txt")).unwrap();
    settle(&mut ws, |w| w.articles.len() == 1);
    assert!(search_paths(&mut ws, "زعفران").is_empty());
}

/// The names one file introduces are found in the others once the folder
/// has loaded, and in a file added later.
#[test]
fn a_name_one_file_introduces_is_found_in_the_others() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("a.txt"),
        "نشست شورا\nدکتر مهتاب سپیدار امروز در نشست شورا درباره بودجه سخن گفت.\n",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("b.txt"),
        "جلسه دیروز\nمهتاب سپیدار در جلسه دیروز نبود.\n",
    )
    .unwrap();
    let names_in = |ws: &Workspace, path: &str| -> Vec<String> {
        let g = &ws.entities.gazetteer;
        ws.articles
            .iter()
            .filter(|a| a.path == path)
            .flat_map(|a| a.mentions())
            .map(|m| daftar::extract::EntityName::of(g, &m.entity).name)
            .collect()
    };
    let mut ws = Workspace::new(Arc::new(|| {}));
    ws.open(dir.path());
    settle(&mut ws, |w| {
        matches!(w.index_state, IndexState::Ready(_)) && !w.entities.is_rematching()
    });
    assert_eq!(names_in(&ws, "b.txt"), ["مهتاب سپیدار"]);
    std::fs::write(
        dir.path().join("c.txt"),
        "خبر تازه\nمهتاب سپیدار فردا به شورا بازمی‌گردد.\n",
    )
    .unwrap();
    settle(&mut ws, |w| {
        !w.entities.is_rematching() && !names_in(w, "c.txt").is_empty()
    });
    assert_eq!(names_in(&ws, "c.txt"), ["مهتاب سپیدار"]);
}

/// The watcher also reports files that were only opened (by the index, by
/// daftar's own tables, by another program): those are not read again,
/// and the folder goes quiet — no reload loop that keeps the window busy.
#[test]
fn a_file_only_read_is_not_loaded_again() {
    let dir = tempfile::tempdir().unwrap();
    for i in 0..3 {
        std::fs::write(
            dir.path().join(format!("a{i}.txt")),
            format!("عنوان {i}\nمتن خبر شماره {i} درباره بازار\n"),
        )
        .unwrap();
    }
    let mut ws = Workspace::new(Arc::new(|| {}));
    ws.open(dir.path());
    settle(&mut ws, |w| matches!(w.index_state, IndexState::Ready(_)));
    // Let the watcher report what the load and the index opened.
    for _ in 0..3 {
        std::thread::sleep(Duration::from_millis(1000));
        ws.poll(Duration::from_millis(20));
    }
    settle(&mut ws, |_| true);
    let generation = ws.articles_generation;
    // Another program reads every file, and daftar's tables are read.
    for i in 0..3 {
        let _ = std::fs::read(dir.path().join(format!("a{i}.txt"))).unwrap();
    }
    let _ = std::fs::read(dir.path().join(".daftar/lines.bin"));
    for _ in 0..3 {
        std::thread::sleep(Duration::from_millis(1000));
        ws.poll(Duration::from_millis(20));
    }
    settle(&mut ws, |_| true);
    assert_eq!(
        ws.articles_generation, generation,
        "reading files changed nothing"
    );
    assert!(!ws.is_busy(), "the folder is quiet");
    // A real change is still seen.
    std::fs::write(
        dir.path().join("a1.txt"),
        "عنوان تازه\nمتن دیگر درباره زعفران\n",
    )
    .unwrap();
    settle(&mut ws, |w| {
        w.articles.iter().any(|a| a.text().contains("زعفران"))
    });
}

/// One report that both removes an article and changes another (a `git
/// pull`, a sync) replaces the right one.
#[test]
fn a_removal_and_an_edit_reported_together_replace_the_right_articles() {
    let dir = tempfile::tempdir().unwrap();
    for i in 0..4 {
        std::fs::write(
            dir.path().join(format!("a{i}.txt")),
            format!("عنوان {i}\nمتن خبر شماره {i}\n"),
        )
        .unwrap();
    }
    let mut ws = Workspace::new(Arc::new(|| {}));
    ws.open(dir.path());
    settle(&mut ws, |w| matches!(w.index_state, IndexState::Ready(_)));
    std::fs::remove_file(dir.path().join("a0.txt")).unwrap();
    std::fs::write(
        dir.path().join("a3.txt"),
        "عنوان سوم\nمتن تازه درباره زعفران\n",
    )
    .unwrap();
    settle(&mut ws, |w| {
        w.articles.len() == 3 && w.articles.iter().any(|a| a.text().contains("زعفران"))
    });
    let mut seen: Vec<(String, bool)> = ws
        .articles
        .iter()
        .map(|a| (a.path.clone(), a.text().contains("زعفران")))
        .collect();
    seen.sort();
    assert_eq!(
        seen,
        [
            ("a1.txt".to_string(), false),
            ("a2.txt".to_string(), false),
            ("a3.txt".to_string(), true)
        ]
    );
}

/// Each folder is watched (not the tree as one, which looks at every
/// file): a file in a subfolder, a folder made later, a folder moved in
/// whole (its files are not reported one by one) and a folder moved out
/// all reach the list.
#[test]
fn folders_made_moved_in_and_moved_out_reach_the_list() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("corpus");
    std::fs::create_dir_all(root.join("1403/07")).unwrap();
    std::fs::write(
        root.join("1403/07/a.txt"),
        "عنوان اول\nمتن نخست درباره نفت\n",
    )
    .unwrap();
    let mut ws = Workspace::new(Arc::new(|| {}));
    ws.open(&root);
    settle(&mut ws, |w| matches!(w.index_state, IndexState::Ready(_)));
    let paths = |ws: &Workspace| -> Vec<String> {
        let mut p: Vec<String> = ws.articles.iter().map(|a| a.path.clone()).collect();
        p.sort();
        p
    };
    assert_eq!(paths(&ws), ["1403/07/a.txt"]);

    // An edit two folders down.
    std::fs::write(
        root.join("1403/07/a.txt"),
        "عنوان اول\nمتن تازه درباره پسته\n",
    )
    .unwrap();
    settle(&mut ws, |w| {
        w.articles.iter().any(|a| a.text().contains("پسته"))
    });

    // A folder made now, and a file put in it after.
    std::fs::create_dir(root.join("1403/08")).unwrap();
    std::thread::sleep(Duration::from_millis(1500));
    ws.poll(Duration::from_millis(20));
    std::fs::write(
        root.join("1403/08/b.txt"),
        "عنوان دوم\nمتن دوم درباره زعفران\n",
    )
    .unwrap();
    settle(&mut ws, |w| w.articles.len() == 2);

    // A folder of two articles moved in whole.
    let outside = dir.path().join("elsewhere");
    std::fs::create_dir_all(outside.join("1403/09")).unwrap();
    std::fs::write(
        outside.join("1403/09/c.txt"),
        "عنوان سوم\nمتن سوم درباره گندم\n",
    )
    .unwrap();
    std::fs::write(
        outside.join("1403/09/d.txt"),
        "عنوان چهارم\nمتن چهارم درباره جو\n",
    )
    .unwrap();
    std::fs::rename(outside.join("1403/09"), root.join("1403/09")).unwrap();
    settle(&mut ws, |w| w.articles.len() == 4);
    assert_eq!(
        paths(&ws),
        [
            "1403/07/a.txt",
            "1403/08/b.txt",
            "1403/09/c.txt",
            "1403/09/d.txt"
        ]
    );
    assert_eq!(search_paths(&mut ws, "گندم"), ["1403/09/c.txt"]);

    // And moved out again: its articles go.
    std::fs::rename(root.join("1403/09"), outside.join("gone")).unwrap();
    settle(&mut ws, |w| w.articles.len() == 2);
    assert_eq!(paths(&ws), ["1403/07/a.txt", "1403/08/b.txt"]);
    assert!(search_paths(&mut ws, "گندم").is_empty());
}
