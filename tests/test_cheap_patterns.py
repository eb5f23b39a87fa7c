"""Patterns rewritten to cost less to compile, or compiled only when a command needs them, answer as the
patterns they replace on every input: those are the reference here, compiled by the test."""

from __future__ import annotations

import random
import re

import pytest
import texts_at_hand

from resdiff import align, layout, load, tokenize
from resdiff.errors import printable
from resdiff.lang import HAN_SPAN, IDEOGRAPHS, utf8_span
from resdiff.options import pdf_size

# the characters a decoded text is refused for when many: controls but tab, newline, carriage return and
# form feed; private use; the replacement character
IMPLAUSIBLE = re.compile("[\x00-\x08\x0b\x0e-\x1f\ue000-\uf8ff\ufffd]")


def reference_plausible(text: str) -> bool:
    return bool(text) and len(IMPLAUSIBLE.findall(text)) <= max(16, len(text) // 1000)


def test_implausible_characters_counted_at_the_edges_of_their_ranges():
    edges = ["\x00", "\x08", "\t", "\n", "\x0b", "\x0c", "\r", "\x0e", "\x1f", " ", "\x7f", "\x80", "\udfff",
             "\ue000", "\uefff", "\uf000", "\uf8ff", "\uf900", "\ufffc", "\ufffd", "\ufffe", "\uffff",
             "\U000f0000", "\U0010fffd", chr(0xD800), "a", "\u4e2d"]
    rnd = random.Random(11)
    for _ in range(20_000):
        text = "".join(rnd.choice(edges) for _k in range(rnd.randint(0, 40)))
        assert load._plausible(text) == reference_plausible(text), repr(text)
    for c in edges:
        for n in (16, 17):
            assert load._plausible(c * n + "a" * 100) == reference_plausible(c * n + "a" * 100), (repr(c), n)


def test_implausible_characters_are_each_counted_once_in_any_text():
    edges = ["\x00", "\x08", "\t", "\n", "\x0b", "\x0c", "\r", "\x0e", "\x1b", "\x1f", " ", "\x7f", "\x80",
             "\udfff", "\ue000", "\uefff", "\uf000", "\uf8ff", "\uf900", "\uff0c", "\ufffc", "\ufffd",
             "\ufffe", "\uffff", "\U000f0000", chr(0xD800), "a", "\u4e2d", "\u00ef", "\u00ee"]
    rnd = random.Random(12)
    texts = ["".join(rnd.choice(edges) for _k in range(rnd.randint(0, 60))) for _ in range(20_000)]
    texts += [chr(c) * 3 for c in range(0xD000, 0x10000)]  # every character whose UTF-8 opens with ED, EE or EF
    texts += [text for _, text in texts_at_hand.texts()]
    for text in texts:
        assert load.implausible_count(text.encode("utf-8", "surrogatepass")) == len(IMPLAUSIBLE.findall(text)), \
            repr(text[:80])


def test_a_file_name_shows_each_control_character_escaped_and_ascii_text_as_it_is():
    for o in range(128):
        c = chr(o)
        shown = printable(f"a{c}b.txt")
        if o < 0x20 or o == 0x7F:
            assert shown == "a" + {"\n": "\\n", "\r": "\\r", "\t": "\\t"}.get(c, f"\\x{o:02x}") + "b.txt"
        else:
            assert shown == f"a{c}b.txt"
    assert printable("") == ""
    assert printable("résolution\u202e.txt") == "résolution\\u202e.txt"
    assert printable("x\udc80") == "x\\x80"


def test_a_line_of_furniture_pieces_is_read_as_before():
    piece = layout._PIECE
    reference = re.compile(rf"^(?:{piece})(?:\s*(?:{piece}))*$", re.IGNORECASE)
    pieces = ["18-17962", "(E)", "(e)", "021118", "*1817962*", "2/5", "A/C.3/78/L.41", "a/res/75/62", "Page 3",
              "página 2", "/...", "/…", " ", "  ", "\t", "\n", "x", "1", "/", "\u017f", "\u212a", ""]
    rnd = random.Random(5)
    lines = ["", " ", "\n", " 18-17962", "18-17962 ", "18-17962\n", "18-17962 (E) 021118 *1817962*",
             "*2321227*A/C.3/78/L.41", "8/9 23-21227", "70/1 71/2"]
    lines += ["".join(rnd.choice(pieces) for _ in range(rnd.randint(0, 6))) for _ in range(30_000)]
    for line in lines:
        assert bool(layout._FURNITURE_RUN.match(line)) == bool(reference.match(line)), repr(line)


def test_no_pdf_memory_limit_reads_as_none_and_a_given_one_as_bytes():
    assert pdf_size(None) is None
    assert pdf_size("512M") == 512 << 20


SPANS = [(IDEOGRAPHS[0], IDEOGRAPHS[-1]), (HAN_SPAN[0], HAN_SPAN[-1]), ("\u0800", "\uffff"), ("\u4e00", "\u4e00"),
         ("\ud7ff", "\ue000")]


def test_a_span_of_characters_found_in_utf8_where_the_class_finds_one():
    astral = [0x10000, 0x20000, 0x10FFFF]
    for first, last in SPANS:
        found = utf8_span(first, last)
        for o in [*range(0x10000), *astral]:
            c = chr(o)
            assert (found.search(c.encode("utf-8", "surrogatepass")) is not None) == (first <= c <= last), hex(o)
        rnd = random.Random(ord(first))
        edges = [first, last, chr(ord(first) - 1), chr(ord(last) + 1), "a", "é", "\U00020000", chr(0xDC80)]
        for _ in range(2_000):
            text = "".join(rnd.choice(edges) for _k in range(rnd.randint(0, 8)))
            assert len(found.findall(text.encode("utf-8", "surrogatepass"))) == len(
                re.findall(f"[{first}-{last}]", text)), repr(text)
    for first, last in [("a", "\u4e00"), ("\u4e00", "\U00020000"), ("\u9fff", "\u4e00")]:
        with pytest.raises(ValueError):
            utf8_span(first, last)


# texts in and around the ideographs' span: Hangul (inside the span, not an ideograph), the edges of each
# range of ideographs, an unassigned compatibility ideograph (no letter), astral ideographs
AROUND_IDEOGRAPHS = ["", "Adopts the resolution 75/62, décision-cadre.", "Принимает", "تعتمد", "\u33ff\u3400",
                     "\u4dbf\u4dc0\u4e00", "\u9fff\ua000", "\uf8ff\uf900\ufa6e\ufaff\ufb00", "\uac00\uac01 a",
                     "\U00020000\U00020001", "a\u4e2d\u6587b 12 c", "\u4e2d-\u6587 x_y"]


def test_words_and_tokens_of_a_text_without_ideographs_as_with_the_ideographs_pattern():
    grams = re.compile(rf"[{IDEOGRAPHS}]+|[^\W_]+")
    rnd = random.Random(3)
    pool = [c for t in AROUND_IDEOGRAPHS for c in t] + [" ", "-", "_"]
    texts = AROUND_IDEOGRAPHS + ["".join(rnd.choice(pool) for _k in range(rnd.randint(0, 12))) for _ in range(5_000)]
    for text in texts:
        assert align._runs(text) == grams.findall(text.lower()), repr(text)
    ideograph_run = re.compile(f"[{IDEOGRAPHS}]+")
    for text in AROUND_IDEOGRAPHS:
        expected, pos = [], 0
        for m in ideograph_run.finditer(text):
            expected += tokenize._TOKEN.findall(text, pos, m.start()) + list(tokenize.segment_ideographs(m.group()))
            pos = m.end()
        expected += tokenize._TOKEN.findall(text, pos) if pos < len(text) else []
        assert tokenize.tokens(text) == expected, repr(text)


def test_a_layout_finds_a_chinese_text_by_the_span_of_its_ideographs():
    for text in AROUND_IDEOGRAPHS + ["\u3400", "\u9fff", "\u33ff", "\ua000", "x\n\u4e2d"]:
        assert layout._has_han(text) == (re.search(f"[{HAN_SPAN}]", text) is not None), repr(text)
