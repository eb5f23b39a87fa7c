"""The text reader's shortcuts say what its plain passes say: every text read into the same lines when blank
rows are read too, the indentation of a row read only where its row has text, the digits beside ideographs
counted as the patterns count them, and lines joined as the rules of the script say. Over every text bundled
and in the shared corpus (every extractor's text, where this machine has it) and texts made here."""

from __future__ import annotations

import random
import re

import pytest
import texts_at_hand

from resdiff import layout, normalize
from resdiff.layout import read_text
from resdiff.normalize import join_lines
from resdiff.notation import WIDE

PIECES = ["The General Assembly,", "大会，", "  Recalling its resolution 70/1,", "continued text of it,", "",
          " ", "\t", "\u3000", "  ", "\f", "\f\f", "_______", "---------", "1 See A/75/1.", "2", "2/",
          "  3 Ibid.", "Official Records, Supplement No. 49", "20-16878 (E) 181220", "*2016878*", "Page 2",
          "A/RES/75/62", "* Any changes to the list", "1. Decides", "  (a) To", "the text goes on.",
          "\u00a0No-break", "２. 决定", "四十五、", "http://un.org"]


def _made_texts() -> list[str]:
    """Blank and white rows, form feeds, rules, footnotes and their markers alone, furniture, in any order."""
    rnd = random.Random(25)
    return ["\n".join(rnd.choice(PIECES) for _ in range(rnd.randint(0, 60))) for _ in range(400)]


TEXTS = texts_at_hand.texts()
MADE = _made_texts()
ALL = [text for _, text in TEXTS] + MADE


def _fields(lines):
    return [(x.text, x.line, x.page, x.starts, x.role, x.marker) for x in lines]


def _read_all(markdown):
    return [_fields(read_text(text, markdown=markdown)) for text in ALL]


@pytest.mark.parametrize("markdown", [None, False])
def test_every_text_read_into_the_same_lines_when_every_row_is_read(markdown, monkeypatch):
    assert len(TEXTS) > 4
    fast = _read_all(markdown)
    monkeypatch.setattr(layout, "_rows_with_text", lambda stripped: range(len(stripped)))  # blank rows read too
    plain = _read_all(markdown)
    assert len(fast) == len(plain) > 400 and sum(map(len, fast)) > 10_000
    for got, want in zip(fast, plain, strict=True):
        assert got == want


def _zones_of_every_text():
    out = []
    for text in ALL:
        rows, page = [], 1
        for n, raw in enumerate(text.split("\n"), 1):
            page += raw.count("\f")
            rows.append((n, raw.replace("\f", ""), page))
        for paged in (False, True):
            kinds, notes = layout.footnote_zones(rows, paged=paged)
            out.append((kinds, {k: _fields([x]) for k, x in notes.items()}))
    return out


def test_footnote_blocks_read_as_when_every_row_is_read(monkeypatch):
    fast = _zones_of_every_text()
    monkeypatch.setattr(layout, "_rows_with_text", lambda stripped: range(len(stripped)))
    plain = _zones_of_every_text()
    assert any(layout.ZONE in kinds for kinds, _ in fast) and any(notes for _, notes in fast)
    assert fast == plain


def test_indentation_reads_the_raw_line_of_a_row_only_where_its_row_has_text():
    """read_text gives the indented pass the text's own lines, where the text of a row that is no content
    is blanked: a blanked row's raw line is never read."""
    rnd = random.Random(7)
    for text in ALL:
        raws = text.replace("\f", "\n").split("\n")
        rows = [(k + 1, raw, k // 30 + 1) for k, raw in enumerate(raws)]
        kept = [raw.strip() if rnd.random() < 0.7 else "" for raw in raws]
        blanked = [raw if s else "" for raw, s in zip(raws, kept, strict=True)]
        assert layout._indent_by_margin(raws, rows, kept) == layout._indent_by_margin(blanked, rows, kept)


SPACED = re.compile(f"[{WIDE}] [0-9]|[0-9] [{WIDE}]")
TIGHT = re.compile(f"[{WIDE}][0-9]|[0-9][{WIDE}]")
# digits and what stands beside them: spaces (the ideographic one among them), ideographs, wide punctuation,
# full-width digits, characters just outside the wide ranges, beyond the BMP, a lone surrogate, ASCII
ODD_CHARACTERS = ["1", "23", "0", " ", "  ", "\u3000", "年", "，", "１", "\u2e7f", "\u2e80", "\uffef", "\ufff0",
                  "\U00020000", "\ud800", "—", "a", "-", "\n", "\t", "\u00a0", "?", "x"]


def _odd_strings() -> list[str]:
    rnd = random.Random(62)
    made = ["".join(rnd.choice(ODD_CHARACTERS) for _ in range(rnd.randint(0, 24))) for _ in range(20_000)]
    return ["", "1", "年 1", "1 年", "年1", "1年", "年 5 年", "5 年 6", "年5年", "年 12 年 3 年", "? 1 ?"] + made


def test_digits_beside_ideographs_counted_as_the_patterns_count_in_odd_strings():
    for s in _odd_strings():
        assert normalize._digit_counts(s) == (len(SPACED.findall(s)), len(TIGHT.findall(s))), repr(s)
        assert normalize.spaces_digits(s) == (len(SPACED.findall(s)) > len(TIGHT.findall(s)))


@pytest.mark.parametrize(("first", "second", "wide_spacing", "joined"), [
    ("决定", "各国", False, "决定各国"),  # ideographs: no space
    ("决定", "各国", True, "决定各国"),
    ("第", "75 号", True, "第 75 号"),  # an ASCII digit meeting an ideograph: the text's spacing
    ("第", "75 号", False, "第75 号"),
    ("第 75", "号", True, "第 75 号"),
    ("大会，", "75", True, "大会，75"),  # wide punctuation is no ideograph
    ("A/RES/", "75/62", False, "A/RES/75/62"),  # a symbol broken after its slash
    ("1-", "2", False, "1-2"),
    ("1/", "决定", True, "1/决定"),  # an ideograph after a slash: no space, and not joined as a symbol
    ("1/", "１", True, "1/１"),  # a full-width digit is wide
    ("-", "（a）", False, "-（a）"),
    ("－", "5", True, "－5"),  # the full-width hyphen is wide, no ideograph
    ("决定", "the", True, "决定 the"),  # so does an ASCII letter
    ("the", "决定", True, "the 决定"),
    ("决定", "the", False, "决定the"),
    ("the", "end", False, "the end"),
    ("1/", "(a)", False, "1/ (a)"),
])
def test_lines_joined_as_the_script_requires(first, second, wide_spacing, joined):
    assert join_lines([first, second], wide_spacing=wide_spacing) == joined
