"""The cheaper ways a pair's check reads its texts find what the plain ways found: sentences split where a
sentence end and a space are, numbers' digits kept as written where no separator is among them."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st
from test_fact_gates import TEXTS_AT_HAND

from resdiff import check, facts
from resdiff.normalize import fold

pieces = st.sampled_from(["a", "word", " ", "  ", "\n", "\t", ".", ";", "!", "?", "\u061b", "\u3002", "\u00a0", "x.",
                          "1", "2,5", "1.000", "1 000", "\u202f", "\u0663", ","])
made_up = st.lists(pieces, max_size=20).map("".join)


def _split_as_one_pattern(text: str) -> list[str]:
    return [x for x in check._SENTENCE_SPLIT.split(text) if x.strip()]


def test_sentences_split_as_the_one_pattern_splits_them_in_every_text_at_hand():
    assert check._sentences("One. Two;  three\u3002four") == ["One.", "Two;", "three\u3002", "four"]
    assert check._sentences("One. Two;\nthree") == ["One.", "Two;", "three"]
    for text in TEXTS_AT_HAND:
        folded = fold(text)
        assert check._sentences(folded) == _split_as_one_pattern(folded), text[:80]


@settings(max_examples=1500)
@given(made_up)
def test_sentences_split_as_the_one_pattern_splits_them_in_made_up_texts(text):
    assert check._sentences(text) == _split_as_one_pattern(text)


@settings(max_examples=800)
@given(made_up)
def test_numbers_read_as_with_every_separator_taken_out(text):
    for lang in ("es", "en"):
        expected = []
        pattern = facts.NUMBER_COMMA if lang == "es" else facts.NUMBER
        for m in pattern.finditer(text):
            if lang == "es":
                whole, _, frac = m.group(0).partition(",")
                expected.append((facts._value(re.sub(r"\D", "", whole), frac), m.span()))
            else:
                whole, _, frac = m.group(0).replace(",", "").partition(".")
                expected.append((facts._value(whole, frac), m.span()))
        assert facts._numbers(text, lang) == expected
