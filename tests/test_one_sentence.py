"""A paragraph whose comparison form holds no sentence end before a space (nor a wide one) is one sentence,
known without the split's pattern: every text's sentences are those the pattern splits, in every text at
hand and in made-up ones."""

from __future__ import annotations

from unittest import mock

import texts_at_hand
from hypothesis import given, settings
from hypothesis import strategies as st

from resdiff import check
from resdiff.normalize import fold

PIECES = ["Decides", "that", "a", " ", "  ", "\n", "\t", "\u00a0", "\u3000", ".", ";", "!", "?", "\u061b", "\u3002",
          ":", ",", "No.", "3", "\uff0e", "\uff1b", "\u5e74", "\u2028"]


def _sentences_of(text: str) -> list[str]:
    return check._folded(text)[1]


def test_a_paragraph_without_an_inner_sentence_end_is_one_sentence_unsplit():
    with mock.patch.object(check, "_sentences", side_effect=AssertionError("split")):
        assert _sentences_of("Requests the  Secretary-General to report;\n") == [
            "Requests the Secretary-General to report;"]
        assert _sentences_of(" \n ") == []
    assert _sentences_of("One. Two;  three\u3002four") == ["One.", "Two;", "three\u3002", "four"]


def test_every_text_at_hand_splits_as_the_pattern_splits_it():
    for _, text in texts_at_hand.texts():
        for piece in texts_at_hand.pieces(text):
            assert _sentences_of(piece) == check._sentences(fold(piece)), piece[:80]


@settings(max_examples=2000)
@given(st.lists(st.sampled_from(PIECES), max_size=16).map("".join))
def test_made_up_texts_split_as_the_pattern_splits_them(text):
    assert _sentences_of(text) == check._sentences(fold(text))
