"""What must be identical across the language versions of one resolution, read out of a text:
document symbols, dates and date ranges, ordinals and numerals, numbers.

Symbols are masked before dates and dates before numbers, so that 75/62 never reads as a date and
2020 年 12 月 7 日 never as three numbers. Chinese numerals count only in numeric contexts
(第七十六届, 十周年, 附件一), never in words such as 一致."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field

from .lang import (
    AR_MONTH_ORDINALS,
    AR_ORDINAL,
    DATE_EN_US,
    DATE_WORDS,
    DATE_WORDS_RANGE,
    DATE_ZH,
    DATE_ZH_RANGE,
    ES_ORDINAL,
    FR_ORDINAL,
    LOOSE_SYMBOL,
    RU_ORDINAL,
    SHORT_SYMBOL,
    ZH_NUMERAL,
    ar_ordinal,
    en_ordinal,
    es_ordinal,
    fr_ordinal,
    iso_date,
    month_number,
    ru_ordinal,
    zh_numeral,
)

SYMBOL = re.compile(rf"(?<![\w/])(?:{LOOSE_SYMBOL}|{SHORT_SYMBOL})(?![\w/])")
ZH_ORDINAL = re.compile(rf"第\s*([{ZH_NUMERAL}]+)|([{ZH_NUMERAL}]+)\s*周年|附件\s*([{ZH_NUMERAL}]+)")
EN_ORDINAL = re.compile(r"\b((?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)-)?(first|second|third|fourth|"
                        r"fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|"
                        r"sixteenth|seventeenth|eighteenth|nineteenth|twentieth|thirtieth|fortieth|fiftieth|"
                        r"sixtieth|seventieth|eightieth|ninetieth)\b", re.IGNORECASE)
ROMAN = re.compile(r"\b(?:section|annex|part|chapter|annexe|partie|anexo|sección|раздел|приложение)\s+"
                   r"([IVXLC]+)\b", re.IGNORECASE)
# Numbers as each language writes them: 1,383,000.5 (English, Chinese); 1.383.000,5 or 1 383 000,5
# (Spanish, French, Russian, Arabic); 138.3万 (Chinese). All read as the same value.
NUMBER = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?(?![\d,])|\d+(?:\.\d+)?")
NUMBER_COMMA = re.compile(r"(?<!\d)\d{1,3}(?:[.\u00a0\u202f ]\d{3})+(?:,\d+)?(?![\d])|\d+(?:,\d+)?")
ZH_MYRIAD = re.compile(r"(\d+(?:\.\d+)?)\s*(万|亿)")
_ARABIC_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹٫٬", "01234567890123456789,.")
DECIMAL_COMMA = {"es", "fr", "ru", "ar"}
_ROMAN_VALUES = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}
ORDINAL_LANGS = {"zh", "en", "fr", "es", "ru", "ar"}  # languages whose ordinal words are read


def roman(text: str) -> int:
    total = 0
    for k, ch in enumerate(text.upper()):
        v = _ROMAN_VALUES[ch]
        nxt = _ROMAN_VALUES.get(text.upper()[k + 1], 0) if k + 1 < len(text) else 0
        total += -v if v < nxt else v
    return total


@dataclass
class Facts:
    symbols: Counter = field(default_factory=Counter)
    dates: Counter = field(default_factory=Counter)
    ordinals: Counter = field(default_factory=Counter)
    numbers: Counter = field(default_factory=Counter)

    KINDS = ("symbols", "dates", "ordinals", "numbers")

    def empty(self) -> bool:
        return not any(getattr(self, k) for k in self.KINDS)



Spans = dict  # (kind, value) -> [(start, end)] in the text: where each fact was read


def _mask(pattern: re.Pattern, text: str, found: list[re.Match]) -> str:
    def sub(m: re.Match) -> str:
        found.append(m)
        return " " * len(m.group(0))

    return pattern.sub(sub, text)


def extract(text: str, lang: str, spans: Spans | None = None) -> Facts:
    """Symbols, dates (ISO, ranges as start/end), ordinals and numbers of a text, as multisets; with
    `spans`, where each was read."""
    text = unicodedata.normalize("NFKC", text)
    out = Facts()

    def add(kind: str, value, m: re.Match | None = None, span: tuple[int, int] | None = None) -> None:
        getattr(out, kind)[value] += 1
        if spans is not None:
            spans.setdefault((kind, value), []).append(span or (m.start(), m.end()))

    found: list[re.Match] = []
    text = _mask(SYMBOL, text, found)
    for m in found:
        add("symbols", m.group(0), m)
    # dates: ranges first, then single dates; only days of the calendar ("45 December 2020" stays numbers)
    def dates(pattern: re.Pattern, value) -> None:
        nonlocal text
        for m in list(pattern.finditer(text)):
            iso = value(m)
            if iso and all(iso.split("/")):
                add("dates", iso, m)
                text = text[: m.start()] + " " * (m.end() - m.start()) + text[m.end():]

    def zh_range(m: re.Match) -> str | None:
        y, mo, d, y2, mo2, d2 = m.groups()
        a, b = iso_date(y, mo, d), iso_date(y2 or y, mo2 or mo, d2)
        return f"{a}/{b}" if a and b else None

    def words_range(m: re.Match) -> str | None:
        d, mo, d2, mo2, y = m.groups()
        a, b = iso_date(y, month_number(mo or mo2), d), iso_date(y, month_number(mo2), d2)
        return f"{a}/{b}" if a and b else None

    dates(DATE_ZH_RANGE, zh_range)
    dates(DATE_ZH, lambda m: iso_date(*m.groups()))
    dates(DATE_WORDS_RANGE, words_range)
    dates(DATE_WORDS, lambda m: iso_date(m.group(3), month_number(m.group(2)), m.group(1)))
    dates(DATE_EN_US, lambda m: iso_date(m.group(3), month_number(m.group(1)), m.group(2)))
    found = []
    if lang == "zh":
        text = _mask(ZH_ORDINAL, text, found)
        for m in found:
            value = zh_numeral(next(g for g in m.groups() if g))
            if value is not None:
                add("ordinals", value, m)
    elif lang == "en":
        text = _mask(EN_ORDINAL, text, found)
        for m in found:
            value = en_ordinal((m.group(1) or "") + m.group(2))
            if value is not None:
                add("ordinals", value, m)
    elif lang == "fr":
        text = _mask(FR_ORDINAL, text, found)
        for m in found:
            add("ordinals", fr_ordinal(m.group(1), m.group(2)), m)
    elif lang == "es":
        text = _mask(ES_ORDINAL, text, found)
        for m in found:
            add("ordinals", es_ordinal(*m.groups()), m)
    elif lang == "ru":
        text = _mask(RU_ORDINAL, text, found)
        for m in found:
            add("ordinals", ru_ordinal(m.group(1), m.group(2)), m)
    elif lang == "ar":
        text = _mask(AR_MONTH_ORDINALS, text, [])
        text = _mask(AR_ORDINAL, text, found)
        for m in found:
            add("ordinals", ar_ordinal(*m.groups()), m)
    found = []
    text = _mask(ROMAN, text, found)
    for m in found:
        add("ordinals", roman(m.group(1)), m)
    for value, span in _numbers(text, lang):
        add("numbers", value, span=span)
    return out


def _value(digits: str, fraction: str = "") -> str:
    fraction = fraction.rstrip("0")
    return f"{int(digits)}.{fraction}" if fraction else str(int(digits))


def _numbers(text: str, lang: str) -> list[tuple[str, tuple[int, int]]]:
    """Each number of a text as its value ("1383000", "2.5"), whatever the language's separators, with
    where it stands."""
    out = []
    if lang == "zh":
        found: list[re.Match] = []
        text = _mask(ZH_MYRIAD, text, found)
        for m in found:
            whole, _, frac = m.group(1).partition(".")
            scale = 4 if m.group(2) == "万" else 8
            digits = (whole + frac.ljust(scale, "0")[:scale]) if len(frac) <= scale else whole + frac
            out.append((str(int(digits)), m.span()))
    if lang == "ar":
        text = text.translate(_ARABIC_DIGITS)
    if lang in DECIMAL_COMMA:
        for m in NUMBER_COMMA.finditer(text):
            whole, _, frac = m.group(0).partition(",")
            out.append((_value(re.sub(r"\D", "", whole), frac), m.span()))
        return out
    for m in NUMBER.finditer(text):
        whole, _, frac = m.group(0).replace(",", "").partition(".")
        out.append((_value(whole, frac), m.span()))
    return out
