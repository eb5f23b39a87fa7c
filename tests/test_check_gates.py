"""A pair's check reads each text the cheap way and finds what the plain way finds: facts read with the
project's NFKC as with unicodedata's, and the punctuation rules searched only in the texts that hold the
marks they look for give the findings of every rule searched in every text."""

from __future__ import annotations

import unicodedata
from types import SimpleNamespace
from unittest import mock

import texts_at_hand
from hypothesis import given, settings
from hypothesis import strategies as st

from resdiff import check, facts
from resdiff import lang as L

RAW = [piece for _, text in texts_at_hand.texts() for piece in texts_at_hand.pieces(text)]  # as written
PIECES = ["a", "word", "Word", " ", "  ", "   ", "\n", "\u00a0", "\u3000", "\u202f", ",", ";", ":", "?", "!", "«", "»",
          "¿", "¡", ".", "(", ")", "//", "1", "2020", "75/62", "A/RES/75/62", "\uff0c", "\uff1b", "\uff1a", "\uff08",
          "\uff09", "\uff11", "\uff21", "\u00bd", "\u2460", "fi", "\ufb01", "e\u0301", "\u00e9", "\u2126", "\u212b",
          "\u5e74", "\u6708", "\u65e5", "\u7b2c", "\u4e03", "\u5341", "\u0627\u0644", "\u060c", "\u061f", "\u0663",
          "seventy-fifth", "annex", "IV", "December", "el el", "the the"]
made_up = st.lists(st.sampled_from(PIECES), max_size=24).map("".join)


# --- facts: the project's NFKC is unicodedata's -------------------------------------------------

def _reads_alike(text: str, lang: str, plain) -> None:
    """facts._read of `text` gives the same facts, read at the same places, as with `plain` (a mock.patch
    that puts the plain path back) in force."""
    got_where: dict = {}
    got = facts._read(text, lang, got_where)
    with plain:
        plain_where: dict = {}
        assert got == facts._read(text, lang, plain_where) and got_where == plain_where, (lang, text[:80])


def _in_every_text_at_hand(read) -> None:
    for text in RAW:
        for lang in ("ar", "zh", "en", "fr", "ru", "es"):  # each language's own rules (ordinals, months, digits)
            read(text, lang)


def _read_both_ways(text: str, lang: str) -> None:
    _reads_alike(text, lang, mock.patch.object(facts, "nfkc", lambda t: unicodedata.normalize("NFKC", t)))


def test_facts_read_every_text_at_hand_as_with_unicodedata_nfkc():
    assert facts._read("\uff11\uff12\uff0c2020", "zh").numbers == {"12": 1, "2020": 1}
    _in_every_text_at_hand(_read_both_ways)


@settings(max_examples=600)
@given(made_up, st.sampled_from(["en", "zh", "es", "fr", "ar", "ru"]))
def test_facts_read_made_up_texts_as_with_unicodedata_nfkc(text, lang):
    _read_both_ways(text, lang)


# --- punctuation: each rule's pattern searched only where its marks are -------------------------

def _paragraph(text: str, id: str) -> SimpleNamespace:
    return SimpleNamespace(text=text, id=id, line=3, page=None)


def _findings_both_ways(text: str) -> None:
    a = _paragraph("source", "p1")
    b = _paragraph(text, "p1")
    for lang in ("fr", "zh", "ar", "es", "en"):
        for spacing in (True, False):
            got = check.punctuation_findings(a, b, lang, spacing)
            with mock.patch.object(L.Holding, "holds", lambda self, t: True):  # every pattern in every text
                assert got == check.punctuation_findings(a, b, lang, spacing), (lang, spacing, text[:80])


def test_punctuation_rules_find_in_every_text_at_hand_what_they_find_searched_everywhere():
    for text in RAW:
        _findings_both_ways(text)


@settings(max_examples=1000)
@given(made_up)
def test_punctuation_rules_find_in_made_up_texts_what_they_find_searched_everywhere(text):
    _findings_both_ways(text)


def test_each_punctuation_rule_still_finds_its_slip():
    b = _paragraph
    a = b("x", "p1")
    rules = {
        "fr": ("Il dit: oui  non «non»", {"punctuation-spacing", "double-space"}),
        "zh": ("\u5e74, \u6708 \u65e5", {"punctuation-form", "ideograph-spacing"}),
        "ar": ("\u0627\u0644, \u0627\u0644", {"punctuation-form"}),
        "es": ("Por que? Si!", {"inverted-mark"}),
        "en": ("the the end  here", {"doubled-word", "double-space"}),
    }
    for lang, (text, expected) in rules.items():
        assert {f.rule for f in check.punctuation_findings(a, b(text, "p1"), lang)} == expected, lang


# --- facts: the days named with their month searched only where a month's first letter is ----------

MONTH_PIECES = ["7 ", "12 ", "2020", "1994", " to ", " au ", " y ", " de ", "-", "1er ", "/", "\u5e74", "\u7b2c",
                "December", "DECEMBER", "abril", "Août", "enero", "\u0130", "\u0131", "\u017f", "\u1c80", "\u1c82",
                "\u0434\u0435\u043a\u0430\u0431\u0440\u044f", "\u0645\u0627\u0631\u0633", "A/75/62", "(a)", " "]
month_texts = st.lists(st.sampled_from(MONTH_PIECES), max_size=16).map("".join)


_ADMITS = L._Prechecked.admits


def _read_gate_open(text: str, lang: str) -> None:  # the month gate opened, the others as they are
    _reads_alike(text, lang, mock.patch.object(
        L._Prechecked, "admits", lambda self, t: self.needed is L._MONTH_INITIAL or _ADMITS(self, t)))


def test_the_month_gate_hides_no_date_of_any_text_at_hand():
    assert facts._read("del 23 de marzo al 30 de junio de 2021", "es").dates == {"2021-03-23/2021-06-30": 1}
    assert facts._read("\u5e74 7 December 2020", "zh").dates == {"2020-12-07": 1}
    _in_every_text_at_hand(_read_gate_open)


@settings(max_examples=1500)
@given(month_texts, st.sampled_from(["en", "zh", "es", "fr", "ru", "ar"]))
def test_the_month_gate_hides_no_date_of_made_up_texts(text, lang):
    _read_gate_open(text, lang)


def test_every_letter_read_as_a_months_first_letter_in_any_case_opens_the_gate():
    import re
    import sys

    from resdiff.lang import MONTHS

    everything = "".join(chr(c) for c in range(sys.maxunicode + 1) if not 0xD800 <= c < 0xE000)
    for first in {name[0] for names in MONTHS.values() for name in names}:
        for c in re.findall(re.escape(first), everything, re.IGNORECASE):
            assert L._MONTH_INITIAL.search(f"7 {c}"), (first, c)
    assert not L._MONTH_INITIAL.search("2020 \u5e74 12 \u6708 (     ) 75 \u7b2c")
