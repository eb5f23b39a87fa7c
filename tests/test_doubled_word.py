"""A word written twice is found with the word and the spaces after it taken whole (never given back a letter
at a time): the same matches at the same places as the pattern that gave them back, in every text at hand
and in made-up ones."""

from __future__ import annotations

import re

import texts_at_hand
from hypothesis import given, settings
from hypothesis import strategies as st

from resdiff import check
from resdiff import lang as L

# the pattern as it was written before it took the word and the spaces whole
GIVING_BACK = re.compile(r"(?<![\w-])([^\W\d_]{2,})\s+(\1)(?![\w-])", re.IGNORECASE)
PIECES = ["the", "The", "THE", "th", "e", "them", "a", "el", " ", "  ", "\t", "\n", "\u00a0", "\u3000", "-", "_", "(",
          ")", ",", ".", "7", "\u0130s", "is", "\u00e9t\u00e9", "\u00c9T\u00c9", "\u017f", "s", "\u212a", "k"]


def _found(pattern, text: str) -> list:
    return [(m.span(), m.groups()) for m in pattern.finditer(text)]


def test_the_pattern_takes_the_word_whole():
    assert "{2,}+" in L.DOUBLED_WORD.pattern and r"\s++" in L.DOUBLED_WORD.pattern
    para = type("P", (), {"id": "p1", "line": 1, "page": None})
    a, b = para(), para()
    a.text, b.text = "x", "Decides that the THE  report, (el el) the theme"
    found = [f for f in check.punctuation_findings(a, b, "en") if f.rule == "doubled-word"]
    assert [(f.target_value, f.message) for f in found] == [
        ("the THE", "“the” twice in a row (2 times in this paragraph)")]


def test_every_text_at_hand_gives_the_same_doubled_words():
    for _, text in texts_at_hand.texts():
        for piece in texts_at_hand.pieces(text):
            assert _found(L.DOUBLED_WORD, piece) == _found(GIVING_BACK, piece), piece[:80]


@settings(max_examples=2000)
@given(st.lists(st.sampled_from(PIECES), max_size=16).map("".join))
def test_made_up_texts_give_the_same_doubled_words(text):
    assert _found(L.DOUBLED_WORD, text) == _found(GIVING_BACK, text)
