"""fold looks for white space with two tests in C before its pattern: the same comparison form as the pattern
alone gives, for every white-space character beside ideographs, Latin and digits."""

from __future__ import annotations

import re
import sys

from resdiff import normalize
from resdiff.normalize import fold

WHITE = [chr(c) for c in range(sys.maxunicode + 1) if chr(c).isspace()]


def test_every_white_space_character_is_seen_before_the_pattern_looks():
    assert WHITE == [chr(c) for c in range(sys.maxunicode + 1) if re.fullmatch(r"\s", chr(c))]
    for w in WHITE:
        for text in (w, f"集束{w}弹药", f"a{w}b", f"2020{w}年", f"{w}大会，"):
            assert normalize._may_space(text), repr(text)


def test_fold_is_what_the_pattern_alone_gives(monkeypatch):
    texts = [f"{a}{w}{b}" for w in WHITE for a, b in (("集束", "弹药"), ("a", "b"), ("2020", "年"), ("，", "x"))]
    texts += ["就第一二号事项，又注意到 2020 年是《公约》生效十周年，", "集束弹药，", "no space", "", "\x07集束\x08"]
    got = [fold(t) for t in texts]
    monkeypatch.setattr(normalize, "_may_space", lambda text: True)
    assert got == [fold(t) for t in texts]
    assert fold("集束\u3000弹药") == "集束弹药" and fold("2020\u00a0年") == "2020年"


def test_a_text_with_no_white_space_is_never_searched_for_it(monkeypatch):
    """A Chinese paragraph, printable and with no space, is folded without its pattern being tried (the pass
    that cost most of a comparison of a text of ideographs)."""

    class Untouchable:
        def __getattr__(self, name):
            raise AssertionError(f"the white-space pattern was asked {name}")

    text = "就第一二号事项，又注意到二〇二〇年是《公约》生效十周年，"
    plain = fold(text)
    monkeypatch.setattr(normalize, "_SPACES", Untouchable())
    assert fold(text) == plain and " " not in plain
