"""The passes that read the wide scripts (the comparison form's spaces beside ideographs, the choice of
spacing digits apart from ideographs) give what the regular expressions over notation's WIDE class give,
on every input: the expressions are the reference here, compiled by the test, never by a short command."""

from __future__ import annotations

import random
import re
import unicodedata

import pytest

from resdiff import normalize
from resdiff.normalize import fold, spaces_digits
from resdiff.notation import IDEOGRAPHIC_SPACE, WIDE

FIRST_WIDE = min(WIDE[0::3])
BEFORE_FIRST = chr(ord(FIRST_WIDE) - 1)
SPACE_NEAR_WIDE = re.compile(f"(?<=[{WIDE}])\\s+|\\s+(?=[{WIDE}])")
SPACED = re.compile(f"[{WIDE}] [0-9]|[0-9] [{WIDE}]")
TIGHT = re.compile(f"[{WIDE}][0-9]|[0-9][{WIDE}]")
# the edges of the wide ranges, characters just outside them, astral ones and lone surrogates, every kind
# of space (the ideographic one is both wide and a space), digits and letters
ALPHABET = sorted({*(c for k in range(0, len(WIDE), 3) for c in (WIDE[k], WIDE[k + 2])),
                   *(chr(ord(WIDE[k]) - 1) for k in range(0, len(WIDE), 3)),
                   *(chr(ord(WIDE[k + 2]) + 1) for k in range(0, len(WIDE), 3)),
                   " ", "  ", "\t", "\n", "\u00a0", "\u2000", IDEOGRAPHIC_SPACE, "0", "9", "/", "\uff10",
                   "a", "é", "\u0416", "\u0628", "\U00020000", "\U0010ffff", chr(0xD800), chr(0xDFFF), "\u00ad",
                   "\u2010", "\u2013"})


def reference_fold(text: str) -> str:
    if re.search(r"\s", text) and max(text) >= FIRST_WIDE:
        text = SPACE_NEAR_WIDE.sub("", text)
    text = text.translate({0x2010: "-", 0x2011: "-", 0xAD: None})
    text = re.sub(r"(?<=[^\W\d_])\u2013(?=[^\W\d_])", "-", text)
    return re.sub(r"\s+", " ", unicodedata.normalize("NFKC", text)).strip()


def samples(count: int, longest: int, seed: int) -> list[str]:
    rnd = random.Random(seed)
    return ["".join(rnd.choice(ALPHABET) for _ in range(rnd.randint(0, longest))) for _ in range(count)]


EDGES = ["", " ", IDEOGRAPHIC_SPACE, f"a{IDEOGRAPHIC_SPACE}b", f"a {IDEOGRAPHIC_SPACE}  b",
         f"a{IDEOGRAPHIC_SPACE}{IDEOGRAPHIC_SPACE} b", f"a {IDEOGRAPHIC_SPACE} {IDEOGRAPHIC_SPACE} b",
         f"{FIRST_WIDE} a", f"{BEFORE_FIRST} a", f"a {FIRST_WIDE}", f"a {BEFORE_FIRST}", "a \uffef", "a \ufff0",
         "a \U00020000 b", f"a {chr(0xD800)} b", "第 75/62 号 决议", "2020 年 12 月 7 日", "A/RES/75/62 号",
         f"x {IDEOGRAPHIC_SPACE}\t{IDEOGRAPHIC_SPACE} y\u3001z"]


@pytest.mark.parametrize("budget", [10**9, 0], ids=["loop", "compiled"])
def test_comparison_form_drops_spaces_beside_wide_characters_as_the_pattern_does(monkeypatch, budget):
    monkeypatch.setattr(normalize, "_LOOP_BUDGET", [budget])
    for text in EDGES + samples(20_000, 12, seed=budget % 7):
        assert fold(text) == reference_fold(text), repr(text)


def test_a_long_command_compiles_the_pattern_once_the_loop_has_read_its_budget(monkeypatch):
    monkeypatch.setattr(normalize, "_LOOP_BUDGET", [30])
    texts = samples(200, 40, seed=3)
    assert [fold(t) for t in texts] == [reference_fold(t) for t in texts]
    assert normalize._LOOP_BUDGET[0] <= 0


def test_wide_character_found_at_the_first_wide_code_point_and_above():
    for text, wide in [("", False), ("plain ASCII", False), (BEFORE_FIRST * 3, False), ("é\u0416\u0628", False),
                       (FIRST_WIDE, True), ("a" + FIRST_WIDE, True), ("\uffff", True), ("\U0010ffff", True),
                       (chr(0xD800), True), (chr(0xDFFF), True), ("a\u3000", True)]:
        assert normalize._has_wide(text) is wide, repr(text)
    for text in samples(5_000, 6, seed=5):
        assert normalize._has_wide(text) == (bool(text) and max(text) >= FIRST_WIDE), repr(text)


def test_digits_spaced_from_ideographs_counted_as_the_patterns_count():
    digits = ["第 75 号", "第75号", "75 号 1中2", "1 中 2 中 3", "1中2中3", "中1中", "中 1 中", "1 中2", "中12 中",
              "9\uff10 中", f"1{IDEOGRAPHIC_SPACE}中", f"{IDEOGRAPHIC_SPACE}1", f"1 {IDEOGRAPHIC_SPACE}", "", "1", "中",
              f"1 {FIRST_WIDE}", f"1 {BEFORE_FIRST}", f"{WIDE[-1]}1", f"{chr(ord(WIDE[-1]) + 1)}1"]
    rnd = random.Random(7)
    small = ["1", "23", " ", "中", FIRST_WIDE, BEFORE_FIRST, IDEOGRAPHIC_SPACE, "a", "\U00020000"]
    digits += ["".join(rnd.choice(small) for _ in range(rnd.randint(0, 14))) for _ in range(20_000)]
    for text in digits:
        assert spaces_digits(text) == (len(SPACED.findall(text)) > len(TIGHT.findall(text))), repr(text)
        assert normalize._digit_counts(text) == (len(SPACED.findall(text)), len(TIGHT.findall(text))), repr(text)


def test_the_ideographic_space_is_the_only_wide_space():
    """The comparison form's loop reads a run of spaces as the pattern does on this ground."""
    assert [c for c in map(chr, range(0x110000)) if c.isspace() and normalize.is_wide(c)] == [IDEOGRAPHIC_SPACE]
