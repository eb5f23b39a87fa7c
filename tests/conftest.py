import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import os  # noqa: E402

import pytest  # noqa: E402
from hypothesis import settings  # noqa: E402

# In CI the generated cases are the same on every run: a landing never depends on a lucky draw.
# Locally they vary, and RESDIFF_FUZZ_FACTOR=N (tests/layout.py) asks for N times more of them.
settings.register_profile("ci", derandomize=True)
if os.environ.get("CI"):
    settings.load_profile("ci")


@pytest.fixture
def glyph_tuples_only(monkeypatch):
    """A switch: once called, every PDF page's lines are made from glyph tuples (pdf._page_lines), none from the
    columns (pdf._column_lines' own route): the route the columns are held to."""
    def switch() -> None:
        from resdiff import pdf

        monkeypatch.setattr(pdf, "_column_lines",
                            lambda columns, scripts_rtl: pdf._page_lines(pdf._glyphs(columns), scripts_rtl))

    return switch
