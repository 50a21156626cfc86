#!/usr/bin/env python3
"""Builds daftar's name and word lexicons from two MIT-licensed packages on
PyPI, so they can be rebuilt and checked:

    pip download --no-deps farsi-faker==1.9.0 hazm==0.10.0 -d /tmp/wheels
    python3 assets/gazetteer/names/generate.py /tmp/wheels

Sources and licences (both MIT, notices kept in each output's header):
- farsi-faker 1.9.0 (https://pypi.org/project/farsi-faker/, © 2025 Ali
  Sadeghi Aghili): `data/names.pkl` (7,439 men's, 3,317 women's given
  names, 5,758 family names) and `data/seed_names.py` (curated common ones).
- hazm 0.10.0 (https://pypi.org/project/hazm/, © 2013 Alireza Nourian):
  `data/words.dat` (word, corpus frequency, part-of-speech tags) and
  `data/verbs.dat` (past#present verb stems).

Outputs, beside this script:
- `given_names.txt` (with `given_names_common.txt`, popular names written
  for daftar, always sure names): one given name per line; a name that is also a
  common word of Hazm's lexicon («امید», «بهار») is marked `\tword`, and
  daftar asks more evidence of it.
- `surnames.txt`: family names that are no common word.
- `common_words.txt`: Hazm's words seen at least 1,000 times, with tags:
  a word outside it is likely a name.
- `verb_stems.txt`: past#present stems, for telling verbs from names.
"""

import pickle
import sys
import zipfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ARABIC = str.maketrans({"\u064a": "\u06cc", "\u0643": "\u06a9", "\u0649": "\u06cc"})

FAKER_NOTICE = "farsi-faker 1.9.0 (PyPI), MIT licence, (c) 2025 Ali Sadeghi Aghili"
HAZM_NOTICE = "hazm 0.10.0 (PyPI), MIT licence, (c) 2013 Alireza Nourian"


# Curated given names that are ordinary words of news prose too.
WORD_NAMES = set(
    "آرمان آرزو آیین باران بهار پیام پیروز جوانه دنیا رها ستایش سرور شادی صبا عزیز "
    "قدرت نظام نوید هستی یگانه ایران بابل گیتی حافظ سلطان ولی توفیق معصوم مشتاق دلاور "
    "نامدار فرشته لاله مهتاب مژده نسترن شکوفه ترانه پرستو پگاه آفاق انیس ثمره سحر شیدا "
    "امید جهان‌بخش برات اعظم صابر قاسم".split()
)


def wheel(folder: Path, prefix: str) -> zipfile.ZipFile:
    found = sorted(folder.glob(prefix + "-*.whl"))
    if not found:
        sys.exit(f"no {prefix} wheel in {folder}")
    return zipfile.ZipFile(found[-1])


def clean(name: str) -> str:
    return " ".join(name.translate(ARABIC).split())


def write(path: Path, header: list[str], lines: list[str]) -> None:
    body = "".join(f"# {h}\n" for h in header) + "".join(f"{l}\n" for l in lines)
    path.write_text(body, encoding="utf-8")
    print(f"{path.name}: {len(lines)} lines")


def main() -> None:
    folder = Path(sys.argv[1]) if len(sys.argv) > 1 else Path("/tmp/wheels")
    faker = wheel(folder, "farsi_faker")
    hazm = wheel(folder, "hazm")
    pools = pickle.loads(faker.read("farsi_faker/data/names.pkl"))
    seed_ns: dict = {}
    exec(faker.read("farsi_faker/data/seed_names.py").decode("utf-8"), seed_ns)

    words: dict[str, tuple[int, set[str]]] = {}
    for line in hazm.read("hazm/data/words.dat").decode("utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) >= 3 and parts[2] != "0":
            words[clean(parts[0])] = (int(parts[1]), set(parts[2].split(",")))
    stop = {
        clean(w)
        for w in hazm.read("hazm/data/stopwords.dat").decode("utf-8").split()
    }
    # Never a name: function words and verbs; adverbs, numbers and the
    # like unless also a noun (Hazm tags «منصوره» N,NUM).
    closed = {"P", "CONJ", "DET", "PRO", "POSTP", "V"}
    minor = {"ADV", "NUM", "CL", "INT", "PS", "PR"}

    def usable(n: str) -> bool:
        tags = words[n][1] if n in words else set()
        return (
            len(n.replace(" ", "")) >= 3
            and n not in stop
            and not tags & closed
            and not (tags & minor and "N" not in tags)
        )

    seeds = {clean(n) for n in seed_ns["MALE_NAMES"] + seed_ns["FEMALE_NAMES"]}
    # Popular names written for daftar: sure names (Hazm counts «زهرا» as
    # a frequent noun).
    common_names = {
        clean(l)
        for l in (HERE / "given_names_common.txt").read_text(encoding="utf-8").splitlines()
        if l.strip() and not l.startswith("#")
    }
    seeds |= common_names
    given = sorted(
        {clean(n) for n in pools["male_names"] + pools["female_names"]} | seeds
    )
    given_lines = []
    for n in given:
        if not usable(n) and n not in common_names:
            continue
        # A name that is also a word of Hazm's lexicon is marked, unless it
        # is a curated name that is no ordinary word of news prose; one
        # seen more than a million times is far more often the word
        # («روز», «دلیل», «بهار») and is left out.
        word = n in words and (n not in seeds or n in WORD_NAMES) and n not in common_names
        if word and words[n][0] > 1_000_000:
            continue
        given_lines.append(n + ("\tword" if word else ""))
    write(
        HERE / "given_names.txt",
        [
            "Persian given names (men's and women's), generated by generate.py from",
            FAKER_NOTICE + ";",
            "names that are also common words (" + HAZM_NOTICE + ") marked \\tword.",
        ],
        given_lines,
    )

    seed_last = {clean(n) for n in seed_ns["LAST_NAMES"]}
    last = sorted({clean(n) for n in pools["last_names"]} | seed_last)
    write(
        HERE / "surnames.txt",
        [
            "Persian family names, generated by generate.py from " + FAKER_NOTICE + ";",
            "common words (" + HAZM_NOTICE + ") left out unless curated.",
        ],
        [n for n in last if usable(n) and (n not in words or n in seed_last)],
    )

    common = sorted((w, f, t) for w, (f, t) in words.items() if f >= 1000)
    write(
        HERE / "common_words.txt",
        [
            "Common Persian words with their part-of-speech tags, seen at least 1,000",
            "times, generated by generate.py from " + HAZM_NOTICE + ".",
        ],
        [f"{w}\t{','.join(sorted(t))}" for w, _, t in common],
    )

    stems = [
        clean(l)
        for l in hazm.read("hazm/data/verbs.dat").decode("utf-8").splitlines()
        if "#" in l
    ]
    write(
        HERE / "verb_stems.txt",
        ["Verb stems past#present, generated by generate.py from " + HAZM_NOTICE + "."],
        stems,
    )


if __name__ == "__main__":
    main()
