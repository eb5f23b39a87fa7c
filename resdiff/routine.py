"""Routine updates: the changes every annual text gets, told apart from substantive ones.

A modification is routine when every piece it deletes or inserts is made only of
- numbers (123, 2020, ２０２０) and document symbols (74/62, A/75/399),
- dates: day, month names and years in any of the six languages (2019 年 12 月 12 日, 12 December 2019),
- ordinals and numerals (第七十六届, seventy-sixth, 十一周年),
- the words that join a list of recalled resolutions, counts and dates (和, 、, "and", "of",
  "resolution", "et", "y", "и", "و" …) and punctuation.
The rule is the same in every language; only the vocabulary of each language differs (below).
"""

from __future__ import annotations

import re
import unicodedata

from .lang import MONTHS, ROUTINE_SYMBOL, ZH_NUMERAL
from .model import EQUAL

_GLUE = {
    "zh": ["周年", "第", "号", "和", "及", "至", "年", "月", "日", "届", "次", "个", "为", "其中", "决议",
           "会议"],
    "en": ["and", "of", "to", "from", "resolution", "resolutions", "its", "the", "session", "th", "st",
           "nd", "rd", "which", "as", "in"],
    "fr": ["et", "du", "de", "des", "le", "la", "les", "résolution", "résolutions", "au", "session",
           "e", "er", "ème", "en", "dont"],
    "es": ["y", "de", "del", "el", "la", "los", "las", "resolución", "resoluciones", "período",
           "sesiones", "o", "º", "en"],
    "ru": ["и", "от", "года", "г", "резолюция", "резолюции", "резолюций", "сессия", "сессии", "й",
           "в", "из", "них"],
    "ar": ["و", "في", "المؤرخ", "المؤرخة", "القرار", "القرارات", "الدورة", "من"],
}
_NUMBER_WORDS = (
    "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
    "sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred "
    "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth "
    "fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth twentieth thirtieth fortieth "
    "fiftieth sixtieth seventieth eightieth ninetieth hundredth anniversary"
).split()
_SYMBOL = re.compile(ROUTINE_SYMBOL)
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")


def _vocabulary(lang: str) -> re.Pattern:
    words = set(_GLUE.get(lang, [])) | set(_GLUE["en"]) | set(_NUMBER_WORDS)
    for names in MONTHS.values():
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
