"""The shortcuts that spare facts.extract most of its pattern searches read the same facts: a month-first
date searched only where "7, 2020" stands, the first letters of ordinal and section words looked ahead
for, symbols looked for only where a slash is, dates and numbers only where a digit is."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

from resdiff import facts, lang

ROOT = Path(__file__).resolve().parent.parent
TEXTS = [line for p in sorted((ROOT / "samples").rglob("*.txt")) + [ROOT / "tests/data/A-RES-75-62.en.unofficial.txt"]
         for line in p.read_text("utf-8").splitlines()]
EDGES = ["December 7, 2020", "on DECEMBER 7,\u00a02020 and 7, 2020", "septembre 30, 1999", "ſeventy-ſixth ſession",
         "Seventy‑Fifth", "THIRTY-first", "the fifth", "Annex IV", "ANNEXE II", "Sección III", "РАЗДЕЛ II",
         "приложение IV", "chapter xii", "75/62 of 7 December 2020", "A/RES/75/62", "٧٥ و ١٢٣", "２０２０年１２月７日"]


def _plain(pattern: str) -> str:
    return re.sub(r"\(\?=\[[^\]]+\]\)", "", pattern, count=1)


def test_a_lookahead_for_the_first_letters_changes_no_match():
    fast = lang.ROMAN  # (English ordinals are searched from their first letter: test_ordinal_from_first.py)
    plain = re.compile(_plain(fast.pattern), fast.flags)
    assert plain.pattern != fast.pattern
    for text in TEXTS + EDGES:
        text = unicodedata.normalize("NFKC", text)
        assert [m.span() + m.groups() for m in fast.finditer(text)] == [
            m.span() + m.groups() for m in plain.finditer(text)], text


def test_the_month_first_date_is_read_where_it_stands_and_only_there():
    (pattern, read), = [d for d in lang.DAYS if getattr(d[0], "pattern", None) is lang.DATE_EN_US]
    for text in TEXTS + EDGES:
        text = unicodedata.normalize("NFKC", text)
        assert [m.span() for m in pattern.finditer(text)] == [m.span() for m in lang.DATE_EN_US.finditer(text)]
    assert facts.extract("adopted on December 7, 2020, and 7, 2020", "en").dates == {"2020-12-07": 1}


def test_texts_without_a_digit_or_a_slash_read_no_date_number_or_symbol():
    f = facts.extract("Recalling its resolutions on the Convention, and annex IV, the seventy-fifth session", "en")
    assert (f.dates, f.numbers, f.symbols, f.ordinals) == ({}, {}, {}, {4: 1, 75: 1})
    f = facts.extract("Recalling resolution 75/62 of 7 December 2020, 123 States", "en")
    assert (f.symbols, f.dates, f.numbers) == ({"75/62": 1}, {"2020-12-07": 1}, {"123": 1})
