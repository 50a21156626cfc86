//! The Export dialog, driven through AccessKit: the passages of one tag to
//! CSV at a typed path; the file holds exactly those passages; exporting
//! again asks before replacing it.

use egui::Role;
use egui_kittest::kittest::Queryable;

use crate::common;

#[test]
fn passages_of_a_tag_export_to_csv_through_the_dialog() {
    let corpus = common::sample_copy();
    let d = corpus.path();
    let tag = |args: &[&str]| common::daftar_ok(&[&["tag"], args].concat(), d);
    tag(&["--query", "لاوروف", "--tag", "نقل قول"]);
    tag(&[
        "--path",
        "society/01_dam_reserves.txt",
        "--start",
        "0",
        "--end",
        "20",
        "--tag",
        "آمار",
    ]);
    let quoted: Vec<serde_json::Value> = common::json_lines(&["tags", "--json"], d)
        .into_iter()
        .filter(|p| p["tags"][0] == "نقل قول")
        .collect();
    assert_eq!(quoted.len(), 4);

    let out = tempfile::tempdir().unwrap();
    let file = out.path().join("quotes.csv");
    let mut h = common::window(d);
    h.get_by_label("Passages").click();
    common::settle(&mut h);
    h.get_by_label("Export…").click();
    common::settle(&mut h);
    h.get_by_role_and_label(Role::ComboBox, "Tag").click();
    common::settle(&mut h);
    h.get_by_role_and_label(Role::Button, "نقل قول").click();
    common::settle(&mut h);
    let path = h.get_by_role_and_label(Role::TextInput, "Save to");
    path.click();
    h.run();
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    h.get_by_role_and_label(Role::TextInput, "Save to")
        .type_text(&file.display().to_string());
    common::settle(&mut h);
    h.get_by_role_and_label(Role::Button, "Export").click();
    common::settle(&mut h);
    h.get_by_label_contains(&format!(
        "Wrote 4 passages from 2 articles to {} (",
        file.display()
    ));

    // The file: BOM, header, the four passages of that tag and no other.
    let bytes = std::fs::read(&file).expect("the file exists");
    assert!(bytes.starts_with("\u{FEFF}".as_bytes()));
    let mut reader = csv::Reader::from_reader(&bytes[3..]);
    let header: Vec<String> = reader.headers().unwrap().iter().map(String::from).collect();
    let col = |name: &str| header.iter().position(|h| h == name).unwrap();
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), quoted.len());
    for p in &quoted {
        assert!(
            rows.iter()
                .any(|r| r[col("path")] == *p["path"].as_str().unwrap()
                    && r[col("start")].parse::<u64>().ok() == p["start"].as_u64()
                    && r[col("end")].parse::<u64>().ok() == p["end"].as_u64()
                    && r[col("text")] == *p["text"].as_str().unwrap()
                    && r[col("tags")] == *"نقل قول"),
            "{p} is exported"
        );
    }

    // Again: it asks, and "Keep it" leaves the file alone.
    h.get_by_role_and_label(Role::Button, "Export").click();
    common::settle(&mut h);
    h.get_by_label(&format!("{} exists. Replace it?", file.display()));
    h.get_by_label("Keep it").click();
    common::settle(&mut h);
    assert_eq!(std::fs::read(&file).unwrap(), bytes);
}
