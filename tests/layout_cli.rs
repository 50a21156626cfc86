//! `daftar layout` as a user runs it: the JSON shape, runs in visual order
//! that cover every character once, lines within the width, and the same
//! order as FriBidi on an unwrapped line.

use std::io::Write;
use std::process::{Command, Stdio};

use serde_json::Value;

fn layout(input: &str, args: &[&str]) -> Vec<Value> {
    let mut child = Command::new(env!("CARGO_BIN_EXE_daftar"))
        .arg("layout")
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("daftar runs");
    child
        .stdin
        .take()
        .unwrap()
        .write_all(input.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success());
    String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

#[test]
fn json_lines_cover_every_character_once_within_the_width() {
    let text = "گفت: 27 فروردين 1397 ساعت 11:23 در BRICS و «ولادیمیر پوتین» (رئیس‌جمهور روسیه) ۱۴۰۳/۰۹/۰۲\nThe meeting in Kazan lasted 3 hours.\n";
    let rows = layout(text, &["--json", "--width", "220"]);
    for (p, para) in text.lines().enumerate() {
        let lines: Vec<&Value> = rows.iter().filter(|r| r["paragraph"] == p).collect();
        assert!(lines.len() > 1, "paragraph {p} wraps at 220 px");
        let mut covered = vec![0usize; para.chars().count()];
        for line in &lines {
            assert!(line["width"].as_f64().unwrap() <= 220.0);
            assert_eq!(line["direction"], if p == 0 { "rtl" } else { "ltr" });
            let mut last_x = f64::MIN;
            for run in line["runs"].as_array().unwrap() {
                let x = run["x"].as_f64().unwrap();
                assert!(x >= last_x, "runs listed left to right");
                last_x = x;
                for c in run["start"].as_u64().unwrap()..run["end"].as_u64().unwrap() {
                    covered[c as usize] += 1;
                }
            }
        }
        assert!(
            covered.iter().all(|&n| n == 1),
            "paragraph {p}: {covered:?}"
        );
    }
}

#[test]
fn unwrapped_line_has_fribidi_order() {
    // FriBidi 1.0.8, `fribidi --wrtl --nobreak --novisual --vtol`: the first
    // fixture line (tests/data/bidi_vtol_fribidi.txt, line 3).
    let line = "گفت: 27 فروردين 1397 ساعت 11:23 در BRICS";
    let vtol: Vec<usize> = include_str!("data/bidi_vtol_fribidi.txt")
        .lines()
        .nth(2)
        .unwrap()
        .split_whitespace()
        .map(|n| n.parse().unwrap())
        .collect();
    let rows = layout(line, &["--json", "--width", "2000"]);
    assert_eq!(rows.len(), 1);
    let mut order = Vec::new();
    for run in rows[0]["runs"].as_array().unwrap() {
        let (s, e) = (
            run["start"].as_u64().unwrap() as usize,
            run["end"].as_u64().unwrap() as usize,
        );
        if run["dir"] == "ltr" {
            order.extend(s..e);
        } else {
            order.extend((s..e).rev());
        }
    }
    assert_eq!(order, vtol);
}
