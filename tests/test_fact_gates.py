"""facts reads a text with a pattern only where a cheap search finds what every match of it holds: that
search never hides a match, and what is read is what the patterns alone read."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from resdiff import facts
from resdiff.lang import DATE_ZH, DATE_ZH_RANGE, ROMAN, ZH_MYRIAD, ZH_MYRIADS

NUMBERS = ["2020", "12", "7", "5.5", "1"]
WORDS = ["年", "月", "日", "至", "万", "亿", "section", "Annex", "PART", "chapter", "annexe", "anexo", "раздел", "第",
         "附件", "I", "iv", "X", "lc", "ı", "K", "ſection", "x"]
SPACES = ["", " ", "\u3000", "\n", "  ", "\u2003"]
texts = st.lists(st.tuples(st.sampled_from(NUMBERS + WORDS), st.sampled_from(SPACES)).map("".join),
                 max_size=10).map("".join)


@settings(max_examples=500)
@given(texts)
def test_a_cheap_search_finds_what_every_match_holds(text):
    for pattern, needed in facts._NEEDS.items():
        assert needed.search(text) or not pattern.search(text)
    assert facts._ROMAN_PLACE.search(text) or not ROMAN.search(text)
    assert any(k in text for k in ZH_MYRIADS) or not ZH_MYRIAD.search(text)


@settings(max_examples=300)
@given(texts, st.sampled_from(["zh", "en", "fr"]))
def test_what_is_read_is_what_the_patterns_alone_read(monkeypatch_text, lang):
    """The same facts and places as with every gate open."""
    got_where: dict = {}
    got = facts._read(monkeypatch_text, lang, got_where)
    saved = facts._NEEDS, facts._ROMAN_PLACE
    try:
        facts._NEEDS, facts._ROMAN_PLACE = {}, facts.re.compile("")
        all_where: dict = {}
        assert got == facts._read(monkeypatch_text, lang, all_where) and got_where == all_where
    finally:
        facts._NEEDS, facts._ROMAN_PLACE = saved


def test_the_gated_patterns_are_the_chinese_dates():
    assert set(facts._NEEDS) == {DATE_ZH, DATE_ZH_RANGE}
    assert facts._read("2020 年 12 月 7 日至 9 日", "zh").dates == {"2020-12-07/2020-12-09": 1}
    assert facts._read("2020年12月7日", "zh").dates == {"2020-12-07": 1}
    assert facts._read("1.5 万", "zh").numbers == {"15000": 1} and facts._read("2 亿", "zh").numbers == {"200000000": 1}
    assert facts._read("see annex IV and section\u3000iii", "en").ordinals == {4: 1, 3: 1}
