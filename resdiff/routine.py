"""Routine updates: the changes every annual text gets, told apart from substantive ones.

A modification is routine when every piece it deletes or inserts is made only of
- numbers (123, 2020, ２０２０) and document symbols (74/62, A/75/399),
- dates: day, month names and years in any of the six languages (2019 年 12 月 12 日, 12 December 2019),
- ordinals and numerals (第七十六届, seventy-sixth, 十一周年),
- the words that join a list of recalled resolutions, counts and dates (和, 、, "and", "of",
  "resolution", "et", "y", "и", "و" …) and punctuation.
The rule is the same in every language; only the vocabulary of each language differs (lang: LIST_GLUE,
NUMBER_WORDS, MONTHS).
"""

from __future__ import annotations

import re
import unicodedata

from .lang import LIST_GLUE, MONTHS, NUMBER_WORDS, ROUTINE_SYMBOL, ZH_NUMERAL
from .model import EQUAL

_SYMBOL = re.compile(ROUTINE_SYMBOL)
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")


def _vocabulary(lang: str) -> re.Pattern:
    words = set(LIST_GLUE.get(lang, [])) | set(LIST_GLUE["en"])
    for names in (*NUMBER_WORDS.values(), *MONTHS.values()):
        words |= set(names)
    alt = "|".join(sorted((re.escape(w) for w in words), key=len, reverse=True))
    if lang == "zh":
        return re.compile(f"(?:{alt}|[{ZH_NUMERAL}])", re.IGNORECASE)
    return re.compile(rf"(?<![^\W\d_])(?:{alt})(?![^\W\d_])", re.IGNORECASE)


_CACHE: dict[str, re.Pattern] = {}


def leftover(text: str, lang: str) -> str:
    """What remains of a changed piece once the routine material is taken out."""
    if lang not in _CACHE:
        _CACHE[lang] = _vocabulary(lang)
    text = unicodedata.normalize("NFKC", text)
    text = _SYMBOL.sub(" ", text)
    text = _NUMBER.sub(" ", text)
    text = _CACHE[lang].sub(" ", text)
    return re.sub(r"[\W_]+", "", text)


def is_routine(ops, lang: str) -> bool:
    """True when a modification changes only numbers, symbols, dates, ordinals and list glue."""
    pieces = [s for op, s in ops if op != EQUAL]
    return bool(pieces) and all(not leftover(s, lang) for s in pieces)
