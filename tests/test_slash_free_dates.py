"""The dates written with a month's name are searched, in a text that holds no slash, with their patterns
written without the words an Arabic month's name stands after (up to its slash): the same dates at the same
places as the whole patterns find, in every text at hand and in made-up ones, slashes or none."""

from __future__ import annotations

import re
import unicodedata
from unittest import mock

import texts_at_hand
from hypothesis import given, settings
from hypothesis import strategies as st

from resdiff import facts
from resdiff import lang as L

PATTERNS = (L.DATE_WORDS, L.DATE_WORDS_RANGE)
TEXTS = [piece for _, text in texts_at_hand.texts() for piece in texts_at_hand.pieces(unicodedata.normalize("NFKC", text))]
PIECES = ["7", "12", "31", "1er", "1.º", "2020", "1994", " ", "  ", "\n", "/", " / ", "de ", " de ", "to", " to ",
          " al ", " y ", " и ", " по ", "-", "December", "MARZO", "abril", "août", "\u0434\u0435\u043a\u0430\u0431\u0440\u044f",
          "\u0643\u0627\u0646\u0648\u0646 \u0627\u0644\u0623\u0648\u0644/\u062f\u064a\u0633\u0645\u0628\u0631", "x/",
          "A/75/62", "word", ","]


def _spans(pattern, text: str) -> list:
    return [(m.span(), m.groups()) for m in pattern.finditer(text)]


def _whole(pattern) -> re.Pattern:
    return re.compile(pattern.pattern, pattern.flags)


def _same_as_whole(text: str) -> None:
    for pattern in PATTERNS:
        whole = _whole(pattern)
        assert _spans(pattern, text) == _spans(whole, text), text[:80]
        found, found_whole = pattern.search(text), whole.search(text)
        assert (found and found.span()) == (found_whole and found_whole.span()), text[:80]


def test_a_text_without_a_slash_is_searched_without_the_words_before_one():
    with mock.patch.object(L.DATE_WORDS.whole, "finditer", side_effect=AssertionError("the whole pattern")):
        assert facts._read("adopted on 7 December 2020", "en").dates == {"2020-12-07": 1}
    arabic = "\u0641\u064a 7 \u0643\u0627\u0646\u0648\u0646 \u0627\u0644\u0623\u0648\u0644/\u062f\u064a\u0633\u0645\u0628\u0631 2020"
    assert facts._read(arabic, "ar").dates == {"2020-12-07": 1}  # a slash: the whole pattern, the Arabic month


def test_the_dates_of_every_text_at_hand_are_found_as_the_whole_patterns_find_them():
    for text in TEXTS:
        _same_as_whole(text)


@settings(max_examples=1500)
@given(st.lists(st.sampled_from(PIECES), max_size=14).map("".join))
def test_the_dates_of_made_up_texts_are_found_as_the_whole_patterns_find_them(text):
    _same_as_whole(text)
