"""A PDF whose font is neither embedded nor measured in the file (no /Widths) is measured with the
machine's font of that name, as PDF viewers do: with PDFium's built-in substitute, the gap between two
words set apart by position can shrink to nothing and the words run together."""

from __future__ import annotations

from pathlib import Path

import hostile
import pytest

from resdiff import pdf

FONT_FILES = [p for p in Path("/usr/share/fonts").rglob("LiberationSerif-Regular.ttf")] \
    if Path("/usr/share/fonts").is_dir() else []


@pytest.mark.skipif(not FONT_FILES, reason="the machine has no Liberation Serif for PDFium to find")
def test_a_font_the_pdf_neither_embeds_nor_measures_is_the_machines(monkeypatch):
    monkeypatch.setattr(hostile, "FONT", b"<< /Type /Font /Subtype /TrueType /BaseFont /LiberationSerif"
                                         b" /Encoding /WinAnsiEncoding >>")
    content = hostile.stream(b"BT /F1 11 Tf 1 0 0 1 72 760 Tm (Hello) Tj 1 0 0 1 99.00 760 Tm (world again) Tj "
                             b"1 0 0 1 72 744 Tm (The General Assembly, recalling) Tj ET")
    first = pdf._read(hostile.pages_pdf([content]), "fonts.pdf").pages[0][0]
    assert first.text == "Hello world again"
