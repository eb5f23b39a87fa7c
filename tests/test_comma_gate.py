"""The month-first date ("December 7, 2020") is searched only in a text its gate lets through, and the gate is
searched from the comma every such date holds: the search skips to each comma where a gate that opened
with the digit before it was tried at every digit of every paragraph. It still lets through every text the
date pattern reads a date in."""

from __future__ import annotations

import unicodedata

import texts_at_hand
from hypothesis import given, settings
from hypothesis import strategies as st

from resdiff import facts
from resdiff import lang as L

(GATED, _), = [d for d in L.DATES if getattr(d[0], "pattern", None) is L.DATE_EN_US]
PIECES = ["December", "may", "7", "12", "123", "2020", "1994", ",", ", ", ",  ", " ", "\n", "\t", "\u3000", "x", "a1",
          "\u0663", "\uff17"]


def test_the_gate_is_searched_from_the_comma():
    assert GATED.needed.pattern.startswith(",")
    assert facts._read("adopted on December 7, 2020 and May 12,  1999", "en").dates == {
        "2020-12-07": 1, "1999-05-12": 1}
    assert not GATED.admits("the years 1992, 1993 and 1994") and GATED.admits("on May 1, 2000")


def test_the_gate_lets_through_every_text_at_hand_with_a_month_first_date():
    for _, text in texts_at_hand.texts():
        for piece in texts_at_hand.pieces(unicodedata.normalize("NFKC", text)):
            assert GATED.admits(piece) or not L.DATE_EN_US.search(piece), piece[:80]


@settings(max_examples=1500)
@given(st.lists(st.sampled_from(PIECES), max_size=12).map("".join))
def test_the_gate_lets_through_every_made_up_text_with_a_month_first_date(text):
    assert GATED.admits(text) or not L.DATE_EN_US.search(text)
