#!/usr/bin/env python3
"""Writes places.ron: Persian country, continent and city names from CLDR
(through Babel, Unicode License v3), as the bundled gazetteer's place list.

Run once by a maintainer (`pip install babel`, then
`python3 cldr_places.py > places.ron`); daftar reads only the RON file.
News forms that CLDR lacks (آمریکا, انگلیس …) are added as aliases here;
names that are also common words, or that mean something else in Persian
news, are left out (see SKIP)."""

from babel import Locale

fa = Locale("fa")

# Territory codes that are not places (organisations, currency zones, unknown).
NOT_PLACES = {"EU", "EZ", "UN", "ZZ", "QO", "XA", "XB", "419", "001"}
# Territories whose Persian name is also a common word: مالی ("financial").
AMBIGUOUS = {"ML"}
# Canonical news form and aliases for some territories.
NEWS = {
    "US": ("آمریکا", ["امریکا", "ایالات متحده", "ایالات متحده آمریکا", "ایالات متحده امریکا"]),
    "GB": ("انگلیس", ["انگلستان", "بریتانیا", "پادشاهی متحد", "بریتانیای کبیر"]),
    "RU": ("روسیه", ["فدراسیون روسیه"]),
    "PS": ("فلسطین", ["سرزمین‌های فلسطینی"]),
    "AE": ("امارات", ["امارات متحده عربی"]),
    "KR": ("کره جنوبی", []),
    "KP": ("کره شمالی", []),
    "SA": ("عربستان", ["عربستان سعودی"]),
    "CN": ("چین", ["جمهوری خلق چین"]),
    "NL": ("هلند", []),
    "CZ": ("جمهوری چک", ["چک"]),
    "019": ("قاره آمریکا", []),
}
# City names from time zones that are common words, ambiguous, or kept as
# something else (شانگهای: the Shanghai Cooperation Organisation in Iranian
# news; الجزیره: the TV channel as often as the city; عَمان folds to Oman).
SKIP = {
    "پرت", "نوم", "تول", "چوک", "ترول", "کیسی", "ویک", "بایا", "بلم", "شووا",
    "خوود", "کاین", "پانپی", "موریس", "کانتون", "کریسمس", "کوکوس", "دیلی",
    "ایستر", "افاته", "فارو", "ماهه", "روترا", "شهر نامشخص", "قناری",
    "الجزیره", "شانگهای", "عَمان", "پالمر", "اورال", "لیندمن", "ماریگات",
    "کرستون", "دیویس", "ماوسون", "وستوک", "سنت جان", "نورفولک", "والیس",
    "بلان‐سابلون", "گامبیر", "کوسرای", "کاتامارکا", "سنتارم", "بوگنویل",
    "دوشنبه",  # Dushanbe, and Monday
}


def ron(s):
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def main():
    seen = set()
    rows = []

    def add(name, aliases, note):
        key = name.replace("\u200c", "").replace("ٔ", "")
        if key in seen:
            return
        seen.add(key)
        rows.append((name, aliases, note))

    for code, name in sorted(fa.territories.items()):
        if code in NOT_PLACES or code in AMBIGUOUS:
            continue
        name = name.replace("ٔ", "")  # هٔ → ه: the news form
        if code in NEWS:
            canon, aliases = NEWS[code]
            # (CLDR's «امریکا» for the continent is the US in the news.)
            if canon != name and name not in aliases and code != "019":
                aliases = aliases + [name]
            add(canon, aliases, code)
        else:
            add(name, [], code)
    for tz, d in sorted(fa.time_zones.items()):
        city = d.get("city")
        if not city or city in SKIP or "،" in city:
            continue
        add(city.replace("ٔ", ""), [], tz)
    print("// Places: CLDR territory and time-zone city names in Persian (Unicode")
    print("// License v3, through Babel), written by cldr_places.py. Edit that")
    print("// script, not this file; hand-picked places are in entities.ron.")
    print("[")
    for name, aliases, note in rows:
        al = ", ".join(ron(a) for a in aliases)
        print(f"    (name: {ron(name)}, kind: place, aliases: [{al}]), // {note}")
    print("]")


main()
