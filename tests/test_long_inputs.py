"""The shortcuts that keep long inputs fast give what the full tests give."""

from __future__ import annotations

import pytest

from resdiff import layout

# What follows a furniture line's first character: a symbol, a page number, a job number, a barcode, a link.
TAILS = ["/RES/75/62", "/75/62", "age 3", "ágina 3", "0-16878 (E)", "0-16878 (E) 021118", "8/9 23-21227", "21118",
         "1817962*", "ttp://x.org", "ww.un.org", " 2 -", "...", "C) 18-17962", "/C.3/78/L.41 *2321227*", ""]


@pytest.mark.parametrize("tail", TAILS)
def test_a_line_is_furniture_whatever_it_opens_with_as_the_patterns_say(tail):
    for code in [*range(0x3000), 0x212A, 0x2160, 0xFF10, 0xFF21, 0x1D7CE, 0x4E00]:
        line = chr(code) + tail
        assert layout.is_plain_furniture(line) == layout._plain_furniture(line), repr(line)
