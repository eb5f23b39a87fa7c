"""Patterns rewritten to cost less to compile, or compiled only when a command needs them, answer as the
patterns they replace on every input: those are the reference here, compiled by the test."""

from __future__ import annotations

import random
import re

from resdiff import layout, load
from resdiff.errors import printable
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
