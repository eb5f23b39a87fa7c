"""facts reads a text with a pattern only where a cheap search finds what every match of it holds: that
search never hides a match, and what is read is what the patterns alone read."""

from __future__ import annotations

import unicodedata

import texts_at_hand
from hypothesis import given, settings
from hypothesis import strategies as st

from resdiff import facts
from resdiff import lang as lang_module
from resdiff.lang import DATE_ZH, DATE_ZH_RANGE, DATES, ORDINALS, ROMAN, ZH_MYRIAD, ZH_MYRIADS

PRECHECKED = [p for p, _ in DATES if isinstance(p, lang_module._Prechecked)]  # searched where a cheap search finds
GATED_ORDINALS = {k: w.pattern for k, w in ORDINALS.items() if isinstance(w.pattern, lang_module._Prechecked)}

NUMBERS = ["2020", "12", "7", "5.5", "1"]
WORDS = ["年", "月", "日", "至", "万", "亿", "section", "Annex", "PART", "chapter", "annexe", "anexo", "раздел", "第",
         "附件", "I", "iv", "X", "lc", "ı", "K", "ſection", "x", "first", "FİRST", "fırst", "Seventy-Sixth", "ninetieth",
         "ſeventeenth", "septuagésimo", "SEXTO", "décima", "Decimotercero", "premier", "Soixante-seizième", "TIERS",
         "seconde", "sixtH", "twelfth-", "quinto", "Fİfth", "\u0307", "December", "mayo", "1992", "31"]
SPACES = ["", " ", "\u3000", "\n", "  ", "\u2003", ", "]
texts = st.lists(st.tuples(st.sampled_from(NUMBERS + WORDS), st.sampled_from(SPACES)).map("".join),
                 max_size=10).map("".join)


@settings(max_examples=500)
@given(texts)
def test_a_cheap_search_finds_what_every_match_holds(text):
    for gated in PRECHECKED + list(GATED_ORDINALS.values()):
        assert gated.needed.search(text) or not gated.pattern.search(text)
    assert facts._ROMAN_PLACE.search(text) or not ROMAN.search(text)
    assert any(k in text for k in ZH_MYRIADS) or not ZH_MYRIAD.search(text)


@settings(max_examples=300)
@given(texts, st.sampled_from(["zh", "en", "fr", "es"]))
def test_what_is_read_is_what_the_patterns_alone_read(monkeypatch_text, lang):
    """The same facts and places as with every gate open."""
    _assert_read_as_ungated(monkeypatch_text, lang)


def _assert_read_as_ungated(text: str, lang: str) -> None:
    """The facts of the text, and their places, are those read with every gate open."""
    got_where: dict = {}
    got = facts._read(text, lang, got_where)
    saved = lang_module._Prechecked.admits, facts._ROMAN_PLACE
    try:  # every gate open: each prechecked pattern searched whatever the text holds
        lang_module._Prechecked.admits = lambda self, t: True
        facts._ROMAN_PLACE = facts.re.compile("")
        all_where: dict = {}
        assert got == facts._read(text, lang, all_where) and got_where == all_where, (lang, text[:80])
    finally:
        lang_module._Prechecked.admits, facts._ROMAN_PLACE = saved


def test_every_date_pattern_is_searched_behind_its_gate():
    assert {gated.pattern for gated in PRECHECKED} == {DATE_ZH, DATE_ZH_RANGE, lang_module.DATE_EN_US,
                                                       lang_module.DATE_WORDS, lang_module.DATE_WORDS_RANGE}
    assert facts._read("del 23 de marzo al 30 de junio de 2021", "es").dates == {"2021-03-23/2021-06-30": 1}
    assert facts._read("2020 年 12 月 7 日至 9 日", "zh").dates == {"2020-12-07/2020-12-09": 1}
    assert facts._read("2020年12月7日", "zh").dates == {"2020-12-07": 1}
    assert facts._read("1.5 万", "zh").numbers == {"15000": 1} and facts._read("2 亿", "zh").numbers == {"200000000": 1}
    assert facts._read("see annex IV and section\u3000iii", "en").ordinals == {4: 1, 3: 1}


# --- the same matches at the same places, on every text at hand and on made-up ones ----------------

# every paragraph and line of the texts at hand, as facts reads them (NFKC)
TEXTS_AT_HAND = [piece for _, text in texts_at_hand.texts()
                 for piece in texts_at_hand.pieces(unicodedata.normalize("NFKC", text))]
# A day no digit precedes, written as the date patterns wrote it before they started with the digit
_OLD_DAY = r"(?<!\d)(\d{1,2})"


# A month's name as the date patterns wrote it before the words before a slash were taken whole and the
# month names' first letters looked ahead for
_OLD_MONTH_WORD = r"(?:de\s*)?(?:[^\d/\n]{1,20}/)?(%s)"


def _as_before(pattern):
    import re

    from resdiff import lang

    source = pattern.pattern if isinstance(pattern, re.Pattern) else pattern._args[0]
    assert source.startswith(lang._DAY_ALONE) and lang._MONTH_WORD in source
    source = source.replace(lang._MONTH_WORD, _OLD_MONTH_WORD % lang._MONTH_ALT)
    return re.compile(_OLD_DAY + source[len(lang._DAY_ALONE):], re.IGNORECASE)


def _matches(pattern, text):
    return [(m.span(), m.groups()) for m in pattern.finditer(text)]


def _made_up_pieces() -> list[str]:
    from resdiff import lang

    zh = [c for c in DATE_ZH_RANGE.pattern if ord(c) > 0x7f]  # the characters of a Chinese date and range
    words = [*lang._EN_UNITS, *lang._EN_TENS, *lang._FR_ORD, *lang._ES_ORD, *lang._RU_TENS, *lang._AR_UNITS,
             *(w for ws in lang.MONTHS.values() for w in ws), *(w for ws in lang._ROMAN_AFTER.values() for w in ws),
             *lang.ZH_NUMERAL, lang.ZH_ORDINAL_PREFIX, *zh, "to", "and", "au", "del", "al", "de", "er", "th", "-",
             "/", "1er", "1o", "1.º", "Section", "ANNEX", "civil", "ill"]
    return words + ["I", "iv", "XII", "lc", "mcm", "7", "12", "31", "2020", "1994", "123", "0"]


made_up = st.lists(st.tuples(st.sampled_from(_made_up_pieces()), st.sampled_from(SPACES + [",", "."])).map("".join),
                   max_size=14).map("".join)


def test_the_day_patterns_find_what_they_found_in_every_text_at_hand():
    from resdiff.lang import DATE_WORDS, DATE_WORDS_RANGE

    for pattern in (DATE_WORDS, DATE_WORDS_RANGE):
        before = _as_before(pattern)
        for text in TEXTS_AT_HAND:
            assert _matches(pattern, text) == _matches(before, text), text


@settings(max_examples=1500)
@given(made_up)
def test_the_day_patterns_find_what_they_found_in_made_up_texts(text):
    from resdiff.lang import DATE_WORDS, DATE_WORDS_RANGE

    for pattern in (DATE_WORDS, DATE_WORDS_RANGE):
        assert _matches(pattern, text) == _matches(_as_before(pattern), text)
    assert facts._ROMAN_PLACE.search(text) or not ROMAN.search(text)
    for gated in PRECHECKED:
        assert gated.needed.search(text) or not gated.pattern.search(text)


def test_a_month_name_starts_with_a_letter_its_lookahead_lets_through_in_any_case():
    import re
    import sys

    from resdiff import lang

    everything = "".join(chr(c) for c in range(sys.maxunicode + 1) if not 0xD800 <= c < 0xE000)
    initials = re.compile(lang._initials(lang._MONTH_INDEX), re.IGNORECASE)
    for first in {name[0] for name in lang._MONTH_INDEX}:
        for c in re.findall(re.escape(first), everything, re.IGNORECASE):
            assert initials.match(c), (first, c)


def test_a_list_of_years_is_no_month_first_date_and_a_month_first_date_is_read():
    (gated, _), = [d for d in DATES if getattr(d[0], "pattern", None) is lang_module.DATE_EN_US]
    assert not gated.needed.search("the years 1992, 1993 and 1994")
    assert facts._read("on December 7, 2020", "en").dates == {"2020-12-07": 1}
    assert facts._read("and on\nMay\t12,  1999", "en").dates == {"1999-05-12": 1}


def test_the_gates_hide_no_fact_of_any_text_at_hand():
    """Every text at hand read in each language with the gates, and with each gate open: the same facts at
    the same places."""
    for text in TEXTS_AT_HAND:
        assert facts._ROMAN_PLACE.search(text) or not ROMAN.search(text), text
        for lang in ("en", "zh", "es", "fr"):
            _assert_read_as_ungated(text, lang)


def test_a_roman_numeral_after_its_word_is_read_and_a_word_of_roman_letters_is_not_one():
    assert facts._read("civil society, see section XII.\nPart iv", "en").ordinals == {12: 1, 4: 1}
    assert facts._read("in the civil part\tC", "en").ordinals == {100: 1}
    assert facts._read("the 7th and 5 April 1994, 12 to 14 May 2020", "en").dates == {
        "1994-04-05": 1, "2020-05-12/2020-05-14": 1}
    assert facts._read("the 15 April 1994 or 115 April 1994", "en").dates == {"1994-04-15": 1}


# --- the ordinal words' gates: what every ordinal word holds, in any case ---------------------------

def test_every_ordinal_word_holds_what_its_gate_looks_for():
    from resdiff import lang

    assert set(GATED_ORDINALS) == {"en", "es", "fr"}
    words = {"en": [*lang._EN_UNITS, *lang._EN_TENTHS], "fr": list(lang._FR_ORD),
             "es": [*lang._ES_ORD, *lang._ES_TENS]}  # each match holds one of these whole, in some case
    for code, gated in GATED_ORDINALS.items():
        assert all(k == k.lower() for k in gated.needed.words)
        for word in words[code]:
            assert any(k in word.lower() for k in gated.needed.words), (code, word)


def test_a_letter_read_in_any_case_is_lower_cased_to_itself_or_lets_the_text_through():
    """What IGNORECASE takes for a letter of a gate's words is that letter lower-cased, or one of the few
    characters that let a text through the gate whatever its words (a dotless i, a long s)."""
    import re
    import sys

    words = {k for gated in GATED_ORDINALS.values() for k in gated.needed.words} - set(lang_module._AnyWord.ODD)
    letters = {c for k in words for c in k}
    everything = "".join(chr(c) for c in range(sys.maxunicode + 1) if not 0xD800 <= c < 0xE000)
    odd = set()
    for letter in letters:
        odd |= {c for c in re.findall(re.escape(letter), everything, re.IGNORECASE) if c.lower() != letter}
    assert odd and all(any(k in c.lower() for k in lang_module._AnyWord.ODD) for c in odd)
    for c in odd:
        assert ORDINALS["en"].pattern.needed.search(f"no word here {c}")


def test_an_ordinal_word_in_any_case_is_read_through_its_gate():
    assert facts._read("the FIRST and the Seventy-Sixth session, the third", "en").ordinals == {1: 1, 76: 1, 3: 1}
    assert facts._read("septuagésimo SEXTO período, la Décima", "es").ordinals == {76: 1, 10: 1}
    assert facts._read("soixante-seizième session, PREMIÈRE", "fr").ordinals == {76: 1, 1: 1}
    assert facts._read("the seventy-sixth session", "es").ordinals == {}


# --- the numbers' pattern, its first digit taken before its two ways part ---------------------------

_OLD_NUMBER = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?(?![\d,])|\d+(?:\.\d+)?"
_OLD_NUMBER_COMMA = r"(?<!\d)\d{1,3}(?:[.\u00a0\u202f ]\d{3})+(?:,\d+)?(?![\d])|\d+(?:,\d+)?"
number_texts = st.lists(st.sampled_from(["1", "12", "123", "1234", "0", "7", ",", ".", "\u00a0", "\u202f", " ", "a",
                                         "٣", "\n"]), max_size=16).map("".join)


def _same_numbers(text: str) -> None:
    import re

    from resdiff.lang import NUMBER, NUMBER_COMMA

    for new, old in ((NUMBER, _OLD_NUMBER), (NUMBER_COMMA, _OLD_NUMBER_COMMA)):
        assert _matches(new, text) == _matches(re.compile(old), text), text


def test_the_number_patterns_find_what_they_found_in_every_text_at_hand():
    from resdiff.lang import NUMBER

    assert NUMBER.pattern != _OLD_NUMBER
    for text in TEXTS_AT_HAND:
        _same_numbers(text)


@settings(max_examples=1500)
@given(number_texts)
def test_the_number_patterns_find_what_they_found_in_made_up_texts(text):
    _same_numbers(text)
