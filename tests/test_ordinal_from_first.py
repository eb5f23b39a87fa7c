"""English ordinal words are searched from their first letter (a class the search skips to), where the
pattern opened with \\b and was tried at every place of a paragraph: the same words at the same places, read
as the same numbers, in every text at hand and in made-up ones."""

from __future__ import annotations

import re
import sys
import unicodedata

import texts_at_hand
from hypothesis import given, settings
from hypothesis import strategies as st

from resdiff import facts
from resdiff import lang as L

PIECES = ["first", "First", "FIRST", "seventy", "Seventy", "-", "\u2010", "\u2011", "fifth", "sixth", "ſixth", "ſeventy",
          "fifteenth", "fortieth", "ninety", "twelfth", "tenth", "the", "x", "_", "5", " ", "\n", ".", "\u0130", "teenth"]


# the plain search: the same words, opening with \b, tried at every place of a text
PLAIN = re.compile(rf"\b((?:{'|'.join(L._EN_TENS)})[-\u2010\u2011])?({'|'.join([*L._EN_UNITS, *L._EN_TENTHS])})\b",
                   re.IGNORECASE)


def _read_plain(text: str) -> list:
    return [(m.span(), L.en_ordinal((m.group(1) or "") + m.group(2))) for m in PLAIN.finditer(text)]


def _read(text: str) -> list:
    gated = L.ORDINALS["en"]
    return [(m.span(), gated.read(m)) for m in gated.pattern.pattern.finditer(text)]


def test_english_ordinals_are_searched_from_their_first_letter():
    assert L.ORDINALS["en"].pattern.pattern is L.EN_ORDINAL_FROM_FIRST
    assert facts._read("the Seventy\u2011fifth session, its 37th and twentieth meetings", "en").ordinals == {
        75: 1, 20: 1}


def test_the_first_letter_class_holds_every_letter_ignorecase_takes_for_one():
    pattern = L.EN_ORDINAL_FROM_FIRST.pattern
    first = re.compile(pattern[:pattern.index("]") + 2])
    everything = "".join(chr(c) for c in range(sys.maxunicode + 1) if not 0xD800 <= c < 0xE000)
    assert set(first.findall(everything)) == set(re.findall(f"[{L._EN_FIRSTS}]", everything, re.IGNORECASE))


def test_every_text_at_hand_reads_the_same_ordinals():
    for _, text in texts_at_hand.texts():
        for piece in texts_at_hand.pieces(unicodedata.normalize("NFKC", text)):
            assert _read(piece) == _read_plain(piece), piece[:80]


@settings(max_examples=2000)
@given(st.lists(st.sampled_from(PIECES), max_size=14).map("".join))
def test_made_up_texts_read_the_same_ordinals(text):
    assert _read(text) == _read_plain(text)
