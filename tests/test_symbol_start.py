"""A document symbol is searched from its first character (a capital or a digit), where the pattern opened
with the lookbehind for what may not stand before it and was tried at every place of a paragraph that holds
a slash: the same symbols at the same places, in every text at hand and in made-up ones."""

from __future__ import annotations

import re
import unicodedata

import texts_at_hand
from hypothesis import given, settings
from hypothesis import strategies as st

from resdiff import facts
from resdiff.lang import LOOSE_SYMBOL, SHORT_SYMBOL

LOOKBEHIND_FIRST = re.compile(rf"(?<![\w/])(?:{LOOSE_SYMBOL}|{SHORT_SYMBOL})(?![\w/])")  # as it was written
PIECES = ["A", "RES", "ABCDEFGHI", "C.1", "E", "CN.6", "/", "//", "75", "62", "246B", "1234", "12345", "L.7", "Rev.1",
          "(", ")", "(XXVI)", "a", "x", "_", "-", ".", " ", "\n", "\u00a0", "\u0663", "\uff17", "\uff21", "\u00e9", "\u2160"]


def _found(pattern, text: str) -> list:
    return [m.span() for m in pattern.finditer(text)]


def test_a_symbol_is_searched_from_its_first_character():
    assert facts.SYMBOL.pattern.startswith(r"[A-Z\d]")
    assert facts._read("see A/RES/75/62, (A/71/L.1) and 48/246B; x/A/1 and 2020/21/3", "en").symbols == {
        "A/RES/75/62": 1, "A/71/L.1": 1, "48/246B": 1}


def test_every_text_at_hand_gives_the_same_symbols():
    for _, text in texts_at_hand.texts():
        for piece in texts_at_hand.pieces(text) + texts_at_hand.pieces(unicodedata.normalize("NFKC", text)):
            assert _found(facts.SYMBOL, piece) == _found(LOOKBEHIND_FIRST, piece), piece[:80]


@settings(max_examples=2000)
@given(st.lists(st.sampled_from(PIECES), max_size=14).map("".join))
def test_made_up_texts_give_the_same_symbols(text):
    assert _found(facts.SYMBOL, text) == _found(LOOKBEHIND_FIRST, text)
