#!/usr/bin/env python3
"""An independent count of a corpus's words, for tests/stats.rs.

Reads `daftar inspect FOLDER --json --with-text` on standard input and
takes from each article what daftar counts: its title, kicker, lead and
paragraphs (character ranges into its text; ranges inside another count
once). Those texts go through Hazm's own normaliser and word tokenizer
(not daftar's), then each token is folded to the search key as
PERSIAN.md §2 defines it, written out here again from the document. Prints
`key<TAB>frequency`, most frequent first.

    pip install hazm==0.9.3   # (or 0.10; only Normalizer and WordTokenizer are used)
    cargo run -- inspect assets/sample-corpus --json --with-text \\
        | python3 tests/stats_reference.py > tests/data/stats/sample-hazm.tsv

(Run on a copy of the folder: inspect keeps its analysis in `.daftar/`.)
"""

import json
import sys
import unicodedata
from collections import Counter

from hazm import Normalizer, WordTokenizer

# PERSIAN.md §2, character by character.
DELETE = set(range(0x064B, 0x0660)) | {0x0670, 0x0640, 0x200C, 0x200D, 0x200E,
                                        0x200F, 0x061C, 0xFEFF}
DELETE |= set(range(0x202A, 0x202F)) | set(range(0x2066, 0x206A))
MAP = {
    "\u064A": "\u06CC", "\u0649": "\u06CC", "\u0626": "\u06CC",
    "\u0643": "\u06A9",
    "\u0629": "\u0647", "\u06C0": "\u0647", "\u06D5": "\u0647", "\u06BE": "\u0647",
    "\u0623": "\u0627", "\u0625": "\u0627", "\u0671": "\u0627", "\u0622": "\u0627",
    "\u0624": "\u0648",
    "\u066B": ".",
}
for i in range(10):
    MAP[chr(0x06F0 + i)] = str(i)
    MAP[chr(0x0660 + i)] = str(i)


def fold(token: str) -> str:
    out = []
    for c in token:
        # Arabic letters are mapped as they are (آ أ ؤ إ ئ ۀ precomposed);
        # everything else is compatibility-decomposed first.
        parts = c if "\u0600" <= c <= "\u06FF" else unicodedata.normalize("NFKD", c)
        for d in parts:
            if ord(d) in DELETE or unicodedata.category(d) == "Mn":
                continue
            out.append(MAP.get(d, d).lower())
    return "".join(out)


def split(key: str):
    """The words of a folded token: runs of letters and digits."""
    word = []
    for c in key + " ":
        if c.isalnum():
            word.append(c)
        elif word:
            yield "".join(word)
            word = []


def reading(article):
    ranges = [article[k] for k in ("title_range", "kicker_range", "lead_range") if article.get(k)]
    ranges += article["paragraphs"]
    ranges = sorted(((r["start"], r["end"]) for r in ranges), key=lambda r: (r[0], -r[1]))
    merged = []
    for s, e in ranges:
        if merged and s < merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], e)
        else:
            merged.append([s, e])
    text = article["text"]
    return [text[s:e] for s, e in merged]


def main():
    # Only what a reader would call the same word: no spacing of affixes
    # (daftar counts the words as written), no emoji or link rewriting.
    normalizer = Normalizer(correct_spacing=False, seperate_mi=False)
    tokenizer = WordTokenizer(join_verb_parts=False, replace_links=False,
                              replace_ids=False, replace_emails=False,
                              replace_numbers=False, replace_hashtags=False,
                              separate_emoji=False)
    counts = Counter()
    for line in sys.stdin:
        row = json.loads(line)
        if row.get("kind") != "article":
            continue
        for part in reading(row):
            for paragraph in part.split("\n"):
                for token in tokenizer.tokenize(normalizer.normalize(paragraph)):
                    # §2: split on punctuation, `-` and `/` included (Hazm
                    # keeps «data-driven» and «Tehran's» whole).
                    for key in split(fold(token)):
                        counts[key] += 1
    for key, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])):
        print(f"{key}\t{n}")


if __name__ == "__main__":
    main()
