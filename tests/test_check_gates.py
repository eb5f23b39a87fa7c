"""A pair's check reads each text the cheap way and finds what the plain way finds: facts read with the
project's NFKC as with unicodedata's."""

from __future__ import annotations

import unicodedata
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from resdiff import facts

ROOT = Path(__file__).resolve().parent.parent
CORPUS = Path("/work/shared/corpus/real")


def _raw_texts() -> list[str]:
    """Every paragraph and line of the texts at hand as written (not yet NFKC): tests/data, samples, and the
    shared corpus where this machine has it."""
    files = [*ROOT.glob("tests/data/*.txt"), *ROOT.glob("samples/*.txt"), *ROOT.glob("samples/*/*.txt"),
             *(sorted(CORPUS.rglob("*.txt")) if CORPUS.is_dir() else [])]
    out = []
    for path in files:
        text = path.read_text("utf-8", errors="replace")
        out += [p for p in text.split("\n\n") if p.strip()] + [line for line in text.splitlines() if line.strip()]
    return out


RAW = _raw_texts()
PIECES = ["a", "word", "Word", " ", "  ", "   ", "\n", "\u00a0", "\u3000", "\u202f", ",", ";", ":", "?", "!", "«", "»",
          "¿", "¡", ".", "(", ")", "//", "1", "2020", "75/62", "A/RES/75/62", "\uff0c", "\uff1b", "\uff1a", "\uff08",
          "\uff09", "\uff11", "\uff21", "\u00bd", "\u2460", "fi", "\ufb01", "e\u0301", "\u00e9", "\u2126", "\u212b",
          "\u5e74", "\u6708", "\u65e5", "\u7b2c", "\u4e03", "\u5341", "\u0627\u0644", "\u060c", "\u061f", "\u0663",
          "seventy-fifth", "annex", "IV", "December", "el el", "the the"]
made_up = st.lists(st.sampled_from(PIECES), max_size=24).map("".join)


# --- facts: the project's NFKC is unicodedata's -------------------------------------------------

def _read_both_ways(text: str, lang: str) -> None:
    got_where: dict = {}
    got = facts._read(text, lang, got_where)
    saved = facts.nfkc
    try:
        facts.nfkc = lambda t: unicodedata.normalize("NFKC", t)
        plain_where: dict = {}
        assert got == facts._read(text, lang, plain_where) and got_where == plain_where, (lang, text[:80])
    finally:
        facts.nfkc = saved


def test_facts_read_every_text_at_hand_as_with_unicodedata_nfkc():
    assert facts._read("\uff11\uff12\uff0c2020", "zh").numbers == {"12": 1, "2020": 1}
    for text in RAW:
        for lang in ("en", "zh", "es"):
            _read_both_ways(text, lang)


@settings(max_examples=600)
@given(made_up, st.sampled_from(["en", "zh", "es", "fr", "ar", "ru"]))
def test_facts_read_made_up_texts_as_with_unicodedata_nfkc(text, lang):
    _read_both_ways(text, lang)
