//! `daftar timeline`: the sample corpus counted per month in both
//! calendars, provenance split, and a query's articles only.

use std::path::Path;

use serde_json::Value;

use crate::common;

fn timeline(folder: &Path, args: &[&str]) -> Vec<Value> {
    let mut all = vec!["timeline", "--json"];
    all.extend_from_slice(args);
    common::json_lines(&all, folder)
}

#[test]
fn months_in_both_calendars_with_provenance() {
    let dir = common::sample_copy();
    let rows = timeline(dir.path(), &["--by", "month", "--calendar", "jalali"]);
    let azar = rows
        .iter()
        .find(|r| r["start"] == "1403-09-01")
        .expect("Azar 1403");
    assert_eq!(azar["end"], "1403-09-30");
    assert_eq!(azar["gregorian_start"], "2024-11-21");
    // 01_dam_reserves (header, 12 Azar) and 12_university (body, 2 Azar).
    assert_eq!(azar["count"], 2);
    assert_eq!(
        (
            azar["by_provenance"]["header"].as_u64(),
            azar["by_provenance"]["body"].as_u64()
        ),
        (Some(1), Some(1))
    );
    // Every article is counted once, dated or not (all sample files are
    // articles).
    let files = std::fs::read_dir(dir.path())
        .unwrap()
        .flatten()
        .filter(|e| e.path().is_dir() && !e.file_name().to_string_lossy().starts_with('.'))
        .map(|d| std::fs::read_dir(d.path()).unwrap().count() as u64)
        .sum::<u64>();
    let summary = rows.last().unwrap();
    assert_eq!(
        summary["dated"].as_u64().unwrap() + summary["undated"].as_u64().unwrap(),
        files
    );

    let rows = timeline(dir.path(), &["--by", "month", "--calendar", "gregorian"]);
    let nov = rows
        .iter()
        .find(|r| r["start"] == "2024-11-01")
        .expect("November 2024");
    assert_eq!(
        (nov["end"].as_str(), nov["count"].as_u64()),
        (Some("2024-11-30"), Some(1))
    );

    let rows = timeline(dir.path(), &["--by", "year", "--query", "طلا"]);
    let total: u64 = rows
        .iter()
        .filter(|r| r["kind"] == "bucket")
        .map(|r| r["count"].as_u64().unwrap())
        .sum();
    assert_eq!(total, 1, "only the gold-price article");
}
