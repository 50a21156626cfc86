//! `daftar reprints`: an original report, a reprint by another outlet a
//! day later (its own page chrome, a paragraph dropped, a verb changed,
//! Arabic letters) and a report on the same topic in other words: one
//! story, first published by the original, one pair.

use serde_json::Value;

use crate::common;

const TITLE: &str = "کاهش ذخایر آب سدهای تهران";
const PARAGRAPHS: [&str; 4] = [
    "وزیر نیرو روز دوشنبه در نشست خبری اعلام کرد که ذخایر آب سدهای استان تهران نسبت به سال گذشته هفت درصد کاهش یافته و مصرف خانگی باید مدیریت شود.",
    "به گفته او بارش‌های پاییزی امسال کمتر از میانگین بلندمدت بوده و شرکت آب منطقه‌ای برنامه کاهش فشار شبکه را در ساعات کم‌مصرف اجرا خواهد کرد.",
    "وی افزود مشترکانی که مصرف ماهانه آنها بیش از الگوی تعیین‌شده باشد مشمول تعرفه‌های پلکانی جدید می‌شوند و فهرست آنها منتشر خواهد شد.",
    "معاون وزیر نیز گفت طرح انتقال آب از سد طالقان تا پایان سال آینده به بهره‌برداری می‌رسد و بخشی از کمبود پایتخت را جبران می‌کند.",
];

#[test]
fn a_reprint_is_one_story_first_published_by_the_original() {
    let dir = tempfile::tempdir().unwrap();
    let original = format!(
        "{TITLE}\nتهران - ایرنا - ۱۲ آذر ۱۴۰۳\n{}\n",
        PARAGRAPHS.join("\n")
    );
    let reprint = format!(
        "خانه | اخبار | اقتصاد\n{TITLE}\n۱۳ آذر ۱۴۰۳\n{}\n{}\n{}\nمنبع: ایرنا\n",
        PARAGRAPHS[0],
        PARAGRAPHS[2]
            .replace("می‌شوند", "خواهند شد")
            .replace('ی', "ي")
            .replace('ک', "ك"),
        PARAGRAPHS[3],
    );
    let other = format!(
        "شورای شهر و بحران آب\n۱۴ آذر ۱۴۰۳\n{}\n",
        "بحران کم‌آبی تهران موضوع جلسه شورای شهر بود و اعضای شورا از شرکت آب و فاضلاب خواستند برنامه خود را برای تابستان آینده اعلام کند و درباره سدهای استان گزارش دهد."
    );
    std::fs::create_dir_all(dir.path().join("a")).unwrap();
    std::fs::create_dir_all(dir.path().join("b")).unwrap();
    std::fs::write(dir.path().join("b/reprint.txt"), reprint).unwrap();
    std::fs::write(dir.path().join("a/original.txt"), original).unwrap();
    std::fs::write(dir.path().join("a/other.txt"), other).unwrap();
    let rows = common::json_lines(&["reprints", "--json"], dir.path());
    let clusters: Vec<&Value> = rows.iter().filter(|r| r["kind"] == "cluster").collect();
    let pairs: Vec<&Value> = rows.iter().filter(|r| r["kind"] == "pair").collect();
    assert_eq!(clusters.len(), 1, "{rows:?}");
    assert_eq!(clusters[0]["first"], "a/original.txt");
    let members = clusters[0]["members"].as_array().unwrap();
    assert_eq!(members.len(), 2);
    assert_eq!(members[1]["path"], "b/reprint.txt");
    assert!(members[1]["shared_chars"].as_u64().unwrap() > 200);
    assert_eq!(pairs.len(), 1);
    let p = pairs[0];
    // «می‌شوند» → «خواهند شد»: one word out, two in.
    assert_eq!(p["changed_words"].as_u64(), Some(3), "{p}");
    // Each passage's characters are the same words on both sides.
    let texts: std::collections::HashMap<String, String> =
        common::json_lines(&["inspect", "--json", "--with-text"], dir.path())
            .into_iter()
            .filter(|r| r["kind"] == "article")
            .map(|r| {
                (
                    r["path"].as_str().unwrap().to_string(),
                    r["text"].as_str().unwrap().to_string(),
                )
            })
            .collect();
    let cut = |path: &Value, r: &Value| -> String {
        let t: Vec<char> = texts[path.as_str().unwrap()].chars().collect();
        t[r["start"].as_u64().unwrap() as usize..r["end"].as_u64().unwrap() as usize]
            .iter()
            .collect()
    };
    for x in p["passages"].as_array().unwrap() {
        let (l, r) = (cut(&p["left"], &x["left"]), cut(&p["right"], &x["right"]));
        assert!(l.chars().count() > 40, "{l}");
        assert_eq!(
            daftar::text::search_key(&l).split_whitespace().next(),
            daftar::text::search_key(&r).split_whitespace().next(),
            "{l} | {r}"
        );
    }
    let summary = rows.last().unwrap();
    assert_eq!(
        (summary["clusters"].as_u64(), summary["pairs"].as_u64()),
        (Some(1), Some(1))
    );
}
