//! A hostile folder, built on the fly: every kind of file and path that
//! broke a load or lost an annotation before (issue 14), each with the
//! behaviour a user is owed — the rest of the folder loads, the bad item
//! gets a reason, the annotators' work survives. Growth that used to be
//! quadratic is checked as a ratio between two sizes, never against a
//! wall clock.

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

use crate::common::{self, daftar, json_lines};
use daftar::corpus::loader::article_from_bytes;
use daftar::dates::EraClues;
use daftar::layout::{Measure, layout_paragraph};
use serde_json::Value;

/// An interview: questions «س:» ending in «؟» followed by more text, the
/// line that crashed the statement finder.
const INTERVIEW: &str = "گفت‌وگو با مدیر یک کتابفروشی در کرمان\n\
کرمان - ۱۲ آبان ۱۴۰۲\n\
س: وضعیت فروش کتاب در شهر شما چگونه است؟ شنیده‌ایم که مشتریان کمتر شده‌اند.\n\
ج: فروش در ماه‌های اخیر کم شده اما کتاب‌های کودک هنوز خریدار دارند.\n\
س: ناشران چه می‌گویند؟ آیا قیمت کاغذ دوباره بالا رفته است؟\n\
ج: یکی از ناشران به من گفت: «کاغذ گران‌تر شده و چاپ دوم را عقب انداخته‌ایم.»\n";

const ORDINARY: &str = "بارش برف در گردنه‌های شمالی\n\
تهران - ۳ دی ۱۴۰۳\n\
مدیر راهداری استان گفت که جاده‌ها باز است و رانندگان باید زنجیر چرخ همراه داشته باشند.\n";

/// Runs `cmd`, reading its output as it comes (a full pipe would stop
/// it), and fails the test if it has not finished within `limit`: it
/// hangs.
fn run_with_timeout(cmd: Command, limit: Duration) -> Output {
    run_with_input(cmd, None, limit)
}

fn run_with_input(mut cmd: Command, input: Option<Vec<u8>>, limit: Duration) -> Output {
    cmd.stdout(Stdio::piped()).stderr(Stdio::piped());
    if input.is_some() {
        cmd.stdin(Stdio::piped());
    }
    let shown = format!("{cmd:?}");
    let mut child = cmd.spawn().expect("daftar starts");
    if let (Some(bytes), Some(mut stdin)) = (input, child.stdin.take()) {
        std::thread::spawn(move || {
            use std::io::Write;
            let _ = stdin.write_all(&bytes);
        });
    }
    let pid = child.id();
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let _ = tx.send(child.wait_with_output());
    });
    match rx.recv_timeout(limit) {
        Ok(out) => out.expect("output"),
        Err(_) => {
            let _ = Command::new("kill").arg("-9").arg(pid.to_string()).status();
            panic!("{shown} did not finish in {limit:?}: it hangs");
        }
    }
}

fn daftar_cmd(args: &[&str]) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_daftar"));
    c.args(args);
    c
}

fn mkfifo(path: &Path) -> bool {
    Command::new("mkfifo")
        .arg(path)
        .status()
        .is_ok_and(|s| s.success())
}

/// The hostile folder: good articles among files that must each become a
/// problem with a reason.
fn hostile_folder() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::write(d.join("interview.txt"), INTERVIEW).unwrap();
    std::fs::write(d.join("ordinary.txt"), ORDINARY).unwrap();
    // UTF-32 with its mark, little-endian.
    let utf32: Vec<u8> = [0xFF, 0xFE, 0, 0]
        .into_iter()
        .chain(ORDINARY.chars().flat_map(|c| (c as u32).to_le_bytes()))
        .collect();
    std::fs::write(d.join("utf32.txt"), utf32).unwrap();
    std::fs::write(d.join("empty.txt"), "").unwrap();
    let junk: Vec<u8> = (0..50_000u32).map(|i| (i * 7919 % 251) as u8).collect();
    std::fs::write(d.join("binary.txt"), junk).unwrap();
    // 100,000 nested elements: refused at once, not parsed for a minute.
    let deep = format!(
        "<html><body>{}خبر{}</body></html>",
        "<div>".repeat(100_000),
        "</div>".repeat(100_000)
    );
    std::fs::write(d.join("deep.html"), deep).unwrap();
    // One 2 MB line without a space, and a 2 MB line of words.
    std::fs::write(d.join("longword.txt"), "ب".repeat(1_000_000)).unwrap();
    std::fs::write(d.join("longline.txt"), "کلمه‌ای بلند ۱۴۰۳ ".repeat(60_000)).unwrap();
    std::fs::create_dir(d.join("folder.txt")).unwrap();
    mkfifo(&d.join("pipe.txt"));
    #[cfg(unix)]
    {
        use std::os::unix::ffi::OsStrExt;
        std::os::unix::fs::symlink("/dev/zero", d.join("zero.txt")).unwrap();
        std::os::unix::fs::symlink(d.join("missing"), d.join("broken.txt")).unwrap();
        std::os::unix::fs::symlink(d, d.join("loop")).unwrap();
        let name = std::ffi::OsStr::from_bytes(b"caf\xe9-latin1.txt");
        std::fs::write(d.join(name), ORDINARY).unwrap();
    }
    dir
}

#[test]
fn a_hostile_folder_loads_every_good_file_and_gives_every_bad_one_a_reason() {
    let dir = hostile_folder();
    let out = run_with_timeout(
        daftar_cmd(&["inspect", dir.path().to_str().unwrap(), "--json"]),
        Duration::from_secs(120),
    );
    let rows = common::parse_lines(&out);
    let find = |path: &str| {
        rows.iter()
            .find(|r| r["path"] == path)
            .unwrap_or_else(|| panic!("{path} is not reported"))
    };
    // The interview loads, with its answer's quotation as a statement.
    let interview = find("interview.txt");
    assert_eq!(interview["kind"], "article");
    assert!(
        interview["statements"]
            .as_array()
            .is_some_and(|s| !s.is_empty()),
        "{interview}"
    );
    assert_eq!(find("ordinary.txt")["kind"], "article");
    let utf32 = find("utf32.txt");
    assert_eq!(utf32["encoding"], "utf-32le");
    assert_eq!(utf32["title"], "بارش برف در گردنه‌های شمالی");
    for (path, reason) in [
        ("empty.txt", "empty"),
        ("binary.txt", "binary"),
        ("deep.html", "nested"),
        ("zero.txt", "not a regular file"),
        ("broken.txt", "broken symbolic link"),
    ] {
        let r = find(path);
        assert_eq!(r["kind"], "problem", "{path}: {r}");
        assert!(
            r["reason"].as_str().unwrap().contains(reason),
            "{path}: {r}"
        );
    }
    if dir.path().join("pipe.txt").exists() {
        assert_eq!(find("pipe.txt")["kind"], "problem");
    }
    // The long ones load (and are laid out linearly elsewhere).
    assert_eq!(find("longword.txt")["kind"], "article");
    assert_eq!(find("longline.txt")["kind"], "article");
    #[cfg(unix)]
    assert_eq!(find("caf\u{FFFD}-latin1.txt")["kind"], "article");
}

/// Best of three runs of `f`, in seconds.
fn best_of_three(mut f: impl FnMut()) -> f64 {
    (0..3)
        .map(|_| {
            let t = Instant::now();
            f();
            t.elapsed().as_secs_f64()
        })
        .fold(f64::MAX, f64::min)
}

/// Work that is linear takes about 4× as long for 4× the input; the
/// quadratic code it replaces took 16×.
fn assert_near_linear(what: &str, small: f64, big: f64) {
    let ratio = big / small.max(1e-6);
    eprintln!("{what}: 4× the input, {ratio:.1}× the time ({small:.4} s → {big:.4} s)");
    assert!(
        ratio < 9.0,
        "{what}: 4× the input took {ratio:.1}× the time ({small:.4} s → {big:.4} s)"
    );
}

#[test]
fn deep_html_long_words_and_long_lines_cost_linear_time() {
    let clues = EraClues::bundled();
    let gazetteer = daftar::extract::Gazetteer::bundled();
    // Reading, structure, dates, then entities and statements.
    let load = |bytes: &[u8], html: bool| {
        if let Ok(a) = article_from_bytes("x", bytes, html, None, &clues) {
            drop(daftar::extract::analyse(&gazetteer, &a));
        }
    };
    // (what, make an input of size n, n, html): each at n and 4n.
    type Make = fn(usize) -> Vec<u8>;
    let cases: [(&str, Make, usize, bool); 8] = [
        (
            "HTML nested as deep as allowed, many times over",
            |n| {
                let block = format!("{}خبر{}", "<div>".repeat(500), "</div>".repeat(500));
                block.repeat(n / 500).into_bytes()
            },
            25_000,
            true,
        ),
        (
            "a long word through structure, dates, entities and statements",
            |n| format!("عنوان\n{}", "ب".repeat(n)).into_bytes(),
            50_000,
            false,
        ),
        (
            "a long line through structure, dates, entities and statements",
            |n| format!("عنوان\n{}", "وزیر گفت: «بله» ".repeat(n)).into_bytes(),
            5_000,
            false,
        ),
        (
            "a long line of dates",
            |n| format!("عنوان\n{}", "در ۲۷ مهر ۱۴۰۳ گفت ".repeat(n)).into_bytes(),
            2_000,
            false,
        ),
        (
            "many short lines, the headline and article at the end",
            |n| {
                let mut page: String = (0..n).map(|i| format!("خبر کوتاه شماره {i}\n")).collect();
                page.push_str("سرانجام عنوان اصلی خبر در پایین صفحه آمد\n");
                page.push_str(&"این جمله بلند متن اصلی خبر است و ادامه دارد ".repeat(4));
                page.into_bytes()
            },
            5_000,
            false,
        ),
        (
            "a gallery of captioned photos",
            |n| {
                let figures = "<figure><img src=x><figcaption>عکس از آرشیو</figcaption></figure>";
                format!("<h1>عنوان</h1>{}<p>متن</p>", figures.repeat(n)).into_bytes()
            },
            5_000,
            true,
        ),
        (
            "an interview of many answers",
            |n| {
                let qa = "س: نظر شما چیست؟\nج: دکتر کاظمی، مدیر سازمان، گفت که کار ادامه دارد.\n";
                format!("گفت‌وگو با دکتر علی کاظمی\n{}", qa.repeat(n)).into_bytes()
            },
            2_000,
            false,
        ),
        (
            "a page of photo credits",
            |n| format!("عنوان\n{}", "© عکاس خبرگزاری\nعکس بعدی از شهر\n".repeat(n)).into_bytes(),
            5_000,
            false,
        ),
    ];
    for (what, make, n, html) in cases {
        let (a, b) = (make(n), make(4 * n));
        assert_near_linear(
            what,
            best_of_three(|| load(&a, html)),
            best_of_three(|| load(&b, html)),
        );
    }

    struct Widths;
    impl Measure for Widths {
        fn width(&mut self, t: &str) -> f32 {
            t.chars().count() as f32 * 8.0
        }
    }
    let (a, b) = ("ب".repeat(50_000), "ب".repeat(200_000));
    assert_near_linear(
        "laying out a long word",
        best_of_three(|| drop(layout_paragraph(&a, 600.0, &mut Widths))),
        best_of_three(|| drop(layout_paragraph(&b, 600.0, &mut Widths))),
    );
    let (a, b) = ("کلمه word ".repeat(5_000), "کلمه word ".repeat(20_000));
    assert_near_linear(
        "laying out a long line",
        best_of_three(|| drop(layout_paragraph(&a, 600.0, &mut Widths))),
        best_of_three(|| drop(layout_paragraph(&b, 600.0, &mut Widths))),
    );
}

#[test]
fn daftar_layout_finishes_on_a_two_megabyte_word() {
    let input = "ب".repeat(1_000_000).into_bytes();
    let out = run_with_input(
        daftar_cmd(&["layout", "--json", "-"]),
        Some(input),
        Duration::from_secs(300),
    );
    let lines = common::parse_lines(&out);
    let laid: u64 = lines
        .iter()
        .flat_map(|l| l["runs"].as_array().unwrap())
        .map(|r| r["end"].as_u64().unwrap() - r["start"].as_u64().unwrap())
        .sum();
    assert_eq!(laid, 1_000_000, "every character on a line");
}

// ---- annotations ----------------------------------------------------------

fn corpus() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.txt"), ORDINARY).unwrap();
    dir
}

fn tag(dir: &Path, start: usize, end: usize, name: &str) -> Output {
    daftar(
        &[
            "tag",
            "--path",
            "a.txt",
            "--start",
            &start.to_string(),
            "--end",
            &end.to_string(),
            "--tag",
            name,
            "--json",
        ],
        dir,
    )
}

fn passages(dir: &Path) -> Vec<Value> {
    json_lines(&["tags", "--json"], dir)
}

fn ann(dir: &Path) -> PathBuf {
    dir.join(".daftar/annotations.ron")
}

fn broken_files(dir: &Path) -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(dir.join(".daftar"))
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains(".broken-"))
        .collect();
    v.sort();
    v
}

#[test]
fn a_bad_byte_in_the_annotations_is_set_aside_and_never_replaces_the_backup() {
    let dir = corpus();
    let d = dir.path();
    assert!(tag(d, 0, 4, "نخست").status.success());
    assert!(tag(d, 5, 8, "دوم").status.success());
    // The file gets one bad byte; the backup holds the first passage.
    let mut bytes = std::fs::read(ann(d)).unwrap();
    let at = bytes.len() / 2;
    bytes[at] = 0xFF;
    std::fs::write(ann(d), &bytes).unwrap();
    let out = tag(d, 9, 12, "سوم");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("could not be read"), "{stderr}");
    assert_eq!(broken_files(d).len(), 1, "the broken file is kept aside");
    let tags: Vec<String> = passages(d)
        .iter()
        .map(|p| p["tags"][0].as_str().unwrap().to_string())
        .collect();
    assert_eq!(
        tags,
        ["نخست", "سوم"],
        "the backup's passage and the new one"
    );
    // The backup is still a version that reads, with the first passage.
    let bak = std::fs::read_to_string(d.join(".daftar/annotations.ron.bak")).unwrap();
    assert!(bak.contains("نخست"));
}

#[test]
fn both_files_broken_is_an_error_that_names_them_and_moves_nothing() {
    let dir = corpus();
    let d = dir.path();
    assert!(tag(d, 0, 4, "نخست").status.success());
    assert!(tag(d, 5, 8, "دوم").status.success());
    std::fs::write(ann(d), b"\x00\x01 junk").unwrap();
    std::fs::write(d.join(".daftar/annotations.ron.bak"), b"(passages: [").unwrap();
    let out = daftar(&["tags", "--json"], d);
    assert!(!out.status.success(), "listing must fail");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("annotations.ron") && err.contains("annotations.ron.bak"),
        "{err}"
    );
    let out = tag(d, 9, 12, "سوم");
    assert!(!out.status.success());
    assert_eq!(std::fs::read(ann(d)).unwrap(), b"\x00\x01 junk");
    assert!(broken_files(d).is_empty(), "nothing moved");
}

#[test]
fn exporting_reads_a_broken_tag_file_s_backup_and_moves_nothing() {
    let dir = corpus();
    let d = dir.path();
    assert!(tag(d, 0, 4, "نخست").status.success());
    assert!(tag(d, 5, 8, "دوم").status.success());
    std::fs::write(d.join(".daftar/tags.ron"), b"(tags: [ \xFF").unwrap();
    let out_dir = tempfile::tempdir().unwrap();
    let target = out_dir.path().join("p.csv");
    let res = daftar(
        &[
            "export",
            "--what",
            "passages",
            "--format",
            "csv",
            "--out",
            target.to_str().unwrap(),
        ],
        d,
    );
    assert!(
        res.status.success(),
        "{}",
        String::from_utf8_lossy(&res.stderr)
    );
    assert_eq!(
        std::fs::read(d.join(".daftar/tags.ron")).unwrap(),
        b"(tags: [ \xFF",
        "a reader moves nothing"
    );
    assert!(broken_files(d).is_empty());
}

#[test]
fn a_zero_next_id_never_gives_a_duplicate_id() {
    let dir = corpus();
    let d = dir.path();
    assert!(tag(d, 0, 4, "نخست").status.success());
    let text = std::fs::read_to_string(ann(d)).unwrap();
    let edited = text.replace("next_id: 2", "next_id: 0");
    assert_ne!(text, edited);
    std::fs::write(ann(d), edited).unwrap();
    assert!(tag(d, 5, 8, "دوم").status.success());
    let ids: Vec<u64> = passages(d)
        .iter()
        .map(|p| p["id"].as_u64().unwrap())
        .collect();
    assert_eq!(ids.len(), 2);
    assert_ne!(ids[0], ids[1]);
}

#[test]
fn listing_passages_takes_no_lock_and_writes_nothing() {
    let dir = corpus();
    let d = dir.path();
    assert!(tag(d, 0, 4, "نخست").status.success());
    std::fs::remove_file(d.join(".daftar/annotations.lock")).unwrap();
    let before = std::fs::read(ann(d)).unwrap();
    assert_eq!(passages(d).len(), 1);
    assert!(
        !d.join(".daftar/annotations.lock").exists(),
        "no lock file: a read-only corpus can be listed"
    );
    assert_eq!(std::fs::read(ann(d)).unwrap(), before);
}

/// A small RAM disk (root only: skipped with a note elsewhere).
struct SmallDisk(PathBuf);

impl SmallDisk {
    fn mount(kib: u32) -> Option<SmallDisk> {
        let dir = tempfile::tempdir().ok()?.keep();
        let ok = Command::new("mount")
            .args(["-t", "tmpfs", "-o", &format!("size={kib}k"), "tmpfs"])
            .arg(&dir)
            .stderr(Stdio::null())
            .status()
            .is_ok_and(|s| s.success());
        if !ok {
            let _ = std::fs::remove_dir_all(&dir);
            eprintln!("skipped: cannot mount a tmpfs here (not root)");
            return None;
        }
        Some(SmallDisk(dir))
    }
}

impl Drop for SmallDisk {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg(&self.0).status();
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

#[test]
fn a_full_disk_leaves_no_temporary_files_and_tagging_works_again_once_space_is_freed() {
    let Some(disk) = SmallDisk::mount(256) else {
        return;
    };
    let d = disk.0.join("corpus");
    std::fs::create_dir(&d).unwrap();
    std::fs::write(d.join("a.txt"), ORDINARY).unwrap();
    assert!(tag(&d, 0, 4, "نخست").status.success());
    // Fill the disk to the last byte.
    let filler = disk.0.join("filler");
    {
        use std::io::Write;
        let mut f = std::fs::File::create(&filler).unwrap();
        let block = vec![0u8; 4096];
        while f.write_all(&block).is_ok() {}
        let _ = f.write_all(&[0u8; 1]);
        let _ = f.sync_all();
    }
    // The tag exists already: the annotations file itself is what cannot
    // be written.
    for _ in 0..3 {
        let out = tag(&d, 5, 8, "نخست");
        assert!(!out.status.success(), "no space: the tag fails");
    }
    let leftovers: Vec<String> = std::fs::read_dir(d.join(".daftar"))
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains("tmp"))
        .collect();
    assert!(leftovers.is_empty(), "temporary files left: {leftovers:?}");
    std::fs::remove_file(&filler).unwrap();
    let out = tag(&d, 5, 8, "نخست");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(passages(&d).len(), 2, "nothing lost");
}

// ---- paths ---------------------------------------------------------------

#[test]
fn tag_paths_outside_the_corpus_pipes_and_devices_are_refused_promptly() {
    let dir = corpus();
    let d = dir.path();
    let outside = tempfile::tempdir().unwrap();
    std::fs::write(outside.path().join("secret.txt"), "متن بیرونی").unwrap();
    #[cfg(unix)]
    {
        std::os::unix::fs::symlink("/dev/zero", d.join("zero.txt")).unwrap();
        std::os::unix::fs::symlink(outside.path().join("secret.txt"), d.join("link.txt")).unwrap();
    }
    let fifo = mkfifo(&d.join("pipe.txt"));
    let secret = outside.path().join("secret.txt");
    let mut cases: Vec<String> = vec![
        secret.display().to_string(),
        "../../../../../../etc/passwd".into(),
        "/etc/passwd".into(),
        "zero.txt".into(),
        "link.txt".into(),
        ".daftar/annotations.ron".into(),
    ];
    if fifo {
        cases.push("pipe.txt".into());
    }
    for path in &cases {
        let out = run_with_timeout(
            daftar_cmd(&[
                "tag",
                d.to_str().unwrap(),
                "--path",
                path,
                "--start",
                "0",
                "--end",
                "2",
                "--tag",
                "x",
            ]),
            Duration::from_secs(60),
        );
        assert!(!out.status.success(), "{path} was tagged");
        assert!(!out.stderr.is_empty(), "{path}: no reason given");
    }
    // Nothing was stored — not even the tag's name — and the lock is free
    // for the next tagger.
    assert!(
        !d.join(".daftar/tags.ron").exists(),
        "a refused tag was saved"
    );
    assert!(tag(d, 0, 4, "نخست").status.success());
    assert_eq!(passages(d).len(), 1);
}

#[cfg(unix)]
#[test]
fn a_file_whose_name_is_not_utf8_is_tagged_and_found_again() {
    use std::os::unix::ffi::OsStrExt;
    let dir = corpus();
    let d = dir.path();
    let name = std::ffi::OsStr::from_bytes(b"gozaresh-\xe9.txt");
    std::fs::write(d.join(name), ORDINARY).unwrap();
    // The name's bytes as they are, not as UTF-8.
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_daftar"));
    cmd.arg("tag").arg(d).arg("--path").arg(name);
    cmd.args(["--start", "0", "--end", "4", "--tag", "نام", "--json"]);
    common::parse_lines(&cmd.output().unwrap());
    let p = passages(d);
    assert_eq!(p.len(), 1);
    assert_eq!(p[0]["orphaned"], false, "found again by its real name");
    assert_eq!(p[0]["text"], "بارش");
    // Tagged in the window, which knows the file by the name it shows
    // (U+FFFD for the bad byte): found again too.
    {
        let shown = "gozaresh-\u{FFFD}.txt";
        let mut store = daftar::annotate::AnnotationStore::open(d).unwrap();
        let text = std::fs::read_to_string(d.join(name)).unwrap();
        store
            .tag(
                &daftar::corpus::loader::article_id(shown),
                shown,
                &text,
                5,
                8,
                vec!["پنجره".into()],
                String::new(),
                "a".into(),
            )
            .unwrap();
    }
    let p = passages(d);
    assert_eq!(p.len(), 2);
    assert_eq!(p[1]["orphaned"], false, "{}", p[1]);
    assert_eq!(p[1]["text"], "برف");
}

#[test]
fn export_force_replaces_only_regular_files() {
    let dir = common::sample_copy();
    let d = dir.path();
    let out_dir = tempfile::tempdir().unwrap();
    let target = out_dir.path().join("real.csv");
    std::fs::write(&target, "keep me").unwrap();
    let mut refused: Vec<PathBuf> = Vec::new();
    #[cfg(unix)]
    {
        let link = out_dir.path().join("link.csv");
        std::os::unix::fs::symlink(&target, &link).unwrap();
        refused.push(link);
    }
    let fifo = out_dir.path().join("pipe.csv");
    if mkfifo(&fifo) {
        refused.push(fifo);
    }
    refused.push(out_dir.path().to_path_buf()); // a folder, for a CSV
    for path in &refused {
        let out = run_with_timeout(
            daftar_cmd(&[
                "export",
                d.to_str().unwrap(),
                "--what",
                "articles",
                "--format",
                "csv",
                "--out",
                path.to_str().unwrap(),
                "--force",
            ]),
            Duration::from_secs(120),
        );
        assert!(!out.status.success(), "{} was replaced", path.display());
        assert!(
            String::from_utf8_lossy(&out.stderr).contains("only replaces a regular file"),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    assert_eq!(std::fs::read_to_string(&target).unwrap(), "keep me");
    // A regular file is replaced with --force.
    let out = daftar(
        &[
            "export",
            "--what",
            "articles",
            "--format",
            "csv",
            "--out",
            target.to_str().unwrap(),
            "--force",
        ],
        d,
    );
    assert!(out.status.success());
    assert_ne!(std::fs::read_to_string(&target).unwrap(), "keep me");
}

#[test]
fn a_failed_folder_export_leaves_no_partial_folder() {
    let Some(disk) = SmallDisk::mount(16) else {
        return;
    };
    let dir = common::sample_copy();
    for (format, out) in [("brat", "brat-out"), ("webanno", "anno.jsonld")] {
        let target = disk.0.join(out);
        let res = daftar(
            &[
                "export",
                "--what",
                "articles",
                "--format",
                format,
                "--out",
                target.to_str().unwrap(),
            ],
            dir.path(),
        );
        assert!(!res.status.success(), "{format}: 16 KiB cannot hold it");
        let left: Vec<String> = std::fs::read_dir(&disk.0)
            .unwrap()
            .flatten()
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .collect();
        assert!(left.is_empty(), "{format} left {left:?}");
    }
}

// ---- derived data and queries ---------------------------------------------

fn index_files(d: &Path) -> Vec<PathBuf> {
    std::fs::read_dir(d.join(".daftar/index"))
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .filter(|p| {
            p.extension()
                .is_some_and(|x| matches!(x.to_str(), Some("idx" | "store" | "term" | "pos")))
        })
        .collect()
}

#[test]
fn a_damaged_index_is_rebuilt_with_a_notice_never_a_raw_error() {
    type Damage = fn(&Path);
    let damages: [(&str, Damage); 3] = [
        ("truncated", |p| {
            let b = std::fs::read(p).unwrap();
            std::fs::write(p, &b[..b.len() / 2]).unwrap();
        }),
        ("deleted", |p| std::fs::remove_file(p).unwrap()),
        ("bit-flipped", |p| {
            let mut b = std::fs::read(p).unwrap();
            let i = b.len() / 3;
            b[i] ^= 0x10;
            std::fs::write(p, b).unwrap();
        }),
    ];
    for (how, damage) in damages {
        let dir = common::sample_copy();
        let d = dir.path();
        let before = json_lines(&["search", "لاوروف", "--json"], d);
        let files = index_files(d);
        assert!(!files.is_empty());
        for f in &files {
            damage(f);
        }
        for args in [
            vec!["search", "لاوروف", "--json"],
            vec!["timeline", "--query", "لاوروف", "--json"],
            vec!["index", "--json"],
        ] {
            let out = daftar(&args, d);
            assert!(
                out.status.success(),
                "{how}, {args:?}: {}",
                String::from_utf8_lossy(&out.stderr)
            );
            let err = String::from_utf8_lossy(&out.stderr);
            assert!(!err.contains("search index: "), "{how}: raw error {err}");
        }
        let after = json_lines(&["search", "لاوروف", "--json"], d);
        assert_eq!(before.len(), after.len(), "{how}: the same hits again");
    }
}

#[test]
fn negated_filters_exclude_and_an_empty_filter_says_what_is_missing() {
    let dir = common::sample_copy();
    let d = dir.path();
    let hits = |q: &str| -> Vec<Value> {
        json_lines(&["search", q, "--json", "--limit", "100"], d)
            .into_iter()
            .filter(|r| r["kind"] == "hit")
            .collect()
    };
    let all = hits("ایران");
    let source = all
        .iter()
        .find_map(|h| h["source"].as_str().map(str::to_string))
        .expect("a hit with a source");
    let without = hits(&format!("ایران -source:{source}"));
    assert!(without.len() < all.len());
    assert!(without.iter().all(|h| h["source"] != source.as_str()));
    let dated = hits("ایران date:1403");
    let not_dated = hits("ایران -date:1403");
    assert_eq!(dated.len() + not_dated.len(), all.len());
    for q in ["ایران source:", "ایران -tag:", "date:"] {
        let out = daftar(&["search", q, "--json"], d);
        assert!(!out.status.success(), "{q}");
        assert!(
            String::from_utf8_lossy(&out.stderr).contains("needs a value"),
            "{q}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
}
