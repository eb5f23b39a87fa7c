"""A sentence is held to one translation from its fifth word on, counted without splitting the rest of it:
the same sentences as counting every word, in every text at hand and in made-up ones."""

from __future__ import annotations

import texts_at_hand
from hypothesis import given
from hypothesis import strategies as st

from resdiff import check


def _as_counted_whole(key: str) -> bool:
    return len(key.split()) >= 5 or (len(key) >= 15 and " " not in key.strip())


def test_a_long_sentence_is_counted_to_its_fifth_word_only():
    long = "Decides to remain seized of the matter " * 50
    assert check._long_enough(long) and not check._long_enough("one two three four")
    assert check._long_enough(" one two\tthree\u3000four five ") and not check._long_enough("  one two three four  ")
    assert check._long_enough("\u5e74" * 15) and not check._long_enough("\u5e74" * 14)
    split = str.split
    calls = []

    class Counted(str):
        def split(self, *args):
            calls.append(args)
            return split(self, *args)

    check._long_enough(Counted(long))
    assert calls == [(None, 4)]


def test_every_line_at_hand_is_long_enough_as_counted_whole():
    for _, text in texts_at_hand.texts():
        for piece in texts_at_hand.pieces(text):
            for key in (piece, *piece.split(". ")):
                assert check._long_enough(key) == _as_counted_whole(key), key[:80]


@given(st.text(alphabet=" \t\n\u00a0\u3000ab\u5e74", max_size=40))
def test_made_up_sentences_are_long_enough_as_counted_whole(key):
    assert check._long_enough(key) == _as_counted_whole(key)
