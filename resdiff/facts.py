"""What must be identical across the language versions of one resolution, read out of a text:
document symbols, dates and date ranges, ordinals and numerals, numbers.

Symbols are masked before dates and dates before numbers, so that 75/62 never reads as a date and a
Chinese date (year, month and day, each followed by its character) never as three numbers. Chinese
numerals count only in numeric contexts (a session, an anniversary, an annex: lang's ZH_ORDINAL), never
inside a word that holds the ideograph for "one"."""

from __future__ import annotations

import re
from collections import Counter

from .lang import (
    ARABIC_DIGITS,
    DATES,
    DECIMAL_COMMA,
    LOOSE_SYMBOL_AFTER_FIRST,
    NUMBER,
    NUMBER_COMMA,
    ORDINALS,
    ROMAN,
    SHORT_SYMBOL_AFTER_FIRST,
    ZH_MYRIAD,
    ZH_MYRIADS,
    roman,
)
from .normalize import nfkc

# A symbol no word character or slash stands before: its first character (a capital or a digit), then what
# it was not preceded by, then the rest of the loose shape after a capital or of the short one after a digit.
# As (?<![\w/])(?:LOOSE|SHORT) reads it, but tried only at the capitals and digits of a text.
SYMBOL = re.compile(rf"[A-Z\d](?<![\w/].)(?:(?<=[A-Z]){LOOSE_SYMBOL_AFTER_FIRST}|(?<=\d){SHORT_SYMBOL_AFTER_FIRST})"
                    r"(?![\w/])")
ORDINAL_LANGS = set(ORDINALS)  # languages whose ordinal words are read
_DIGIT = re.compile(r"\d")  # what every date and number has (and most paragraphs lack): one search for it
# What every Roman numeral holds, found in one cheap pass where the pattern would try each place of the
# text: the space before it and the word's end after it (a word of Roman letters alone after a space is
# rare in any language: "civil", "ill"), searched under the pattern's own flags so that the same letters
# count. (The dates' own such searches are lang's, with the patterns: lang.DATES.)
_ROMAN_PLACE = re.compile(r"\s[IVXLC]+\b", re.IGNORECASE)


class Facts:
    """What a text holds of each kind, counted. (Not a @dataclass, whose import is a tenth of a session's
    start, in its main process and fork server alike.)"""

    KINDS = ("symbols", "dates", "ordinals", "numbers")
    __slots__ = KINDS

    def __init__(self, symbols: Counter | None = None, dates: Counter | None = None,
                 ordinals: Counter | None = None, numbers: Counter | None = None) -> None:
        self.symbols = Counter() if symbols is None else symbols
        self.dates = Counter() if dates is None else dates
        self.ordinals = Counter() if ordinals is None else ordinals
        self.numbers = Counter() if numbers is None else numbers

    def __eq__(self, other):
        if other.__class__ is self.__class__:
            return all(getattr(self, k) == getattr(other, k) for k in self.KINDS)
        return NotImplemented

    __hash__ = None  # changed in place: no hash, as a dataclass that is not frozen has none

    def __repr__(self) -> str:
        return "Facts(" + ", ".join(f"{k}={getattr(self, k)!r}" for k in self.KINDS) + ")"

    def empty(self) -> bool:
        return not any(getattr(self, k) for k in self.KINDS)


Spans = dict  # (kind, value) -> [(start, end)] in the text: where each fact was read


def _empty() -> Counter:
    """A new empty Counter, made as a dict is: Counter() runs its update for nothing, and a pair reads some
    70 paragraphs' facts, four kinds each, most of them empty."""
    return Counter.__new__(Counter)


def _mask(pattern: re.Pattern, text: str, found: list[re.Match]) -> str:
    def sub(m: re.Match) -> str:
        found.append(m)
        return " " * len(m.group(0))

    return pattern.sub(sub, text)


def _read(text: str, lang: str, spans: Spans | None = None) -> Facts:
    """Symbols, dates (ISO, ranges as start/end), ordinals and numbers of a text, as multisets; with
    `spans`, where each was read."""
    text = nfkc(text)  # NFKC as unicodedata gives it, without its slow full pass over a Chinese text's commas
    out = Facts(_empty(), _empty(), _empty(), _empty())

    def add(kind: str, value, m: re.Match | None = None, span: tuple[int, int] | None = None) -> None:
        getattr(out, kind)[value] += 1
        if spans is not None:
            spans.setdefault((kind, value), []).append(span or (m.start(), m.end()))

    found: list[re.Match] = []
    if "/" in text:  # every symbol has one
        text = _mask(SYMBOL, text, found)
    for m in found:
        value = _balanced(m.group(0))
        add("symbols", value, span=(m.start(), m.start() + len(value)))
    digits = _DIGIT.search(text) is not None
    # dates: ranges first, then single dates; only days of the calendar ("45 December 2020" stays numbers)
    for pattern, read in DATES if digits else ():
        for m in list(pattern.finditer(text)):
            iso = read(m)
            if iso and all(iso.split("/")):
                add("dates", iso, m)
                text = text[: m.start()] + " " * (m.end() - m.start()) + text[m.end():]
    found = []
    words = ORDINALS.get(lang)
    if words is not None:
        if words.not_ordinals is not None:
            text = _mask(words.not_ordinals, text, [])
        text = _mask(words.pattern, text, found)
        for m in found:
            value = words.read(m)
            if value is not None:
                add("ordinals", value, m)
    found = []
    if _ROMAN_PLACE.search(text):
        text = _mask(ROMAN, text, found)
    for m in found:
        add("ordinals", roman(m.group(1)), m)
    for value, span in _numbers(text, lang) if digits else ():
        add("numbers", value, span=span)
    return out


def _balanced(symbol: str) -> str:
    """A symbol without the closing brackets of the text around it: "(A/71/L.1)" cites A/71/L.1, while
    A/RES/2758(XXVI) keeps its own."""
    while symbol.endswith(")") and symbol.count(")") > symbol.count("("):
        symbol = symbol[:-1]
    return symbol


def _value(digits: str, fraction: str = "") -> str:
    fraction = fraction.rstrip("0")
    return f"{int(digits)}.{fraction}" if fraction else str(int(digits))


def _numbers(text: str, lang: str) -> list[tuple[str, tuple[int, int]]]:
    """Each number of a text as its value ("1383000", "2.5"), whatever the language's separators, with
    where it stands."""
    out = []
    if lang == "zh" and any(k in text for k in ZH_MYRIADS):  # each such number is written with one
        found: list[re.Match] = []
        text = _mask(ZH_MYRIAD, text, found)
        for m in found:
            whole, _, frac = m.group(1).partition(".")
            scale = ZH_MYRIADS[m.group(2)]
            digits = (whole + frac.ljust(scale, "0")[:scale]) if len(frac) <= scale else whole + frac
            out.append((str(int(digits)), m.span()))
    if lang == "ar":
        text = text.translate(ARABIC_DIGITS)
    if lang in DECIMAL_COMMA:
        for m in NUMBER_COMMA.finditer(text):
            whole, _, frac = m.group(0).partition(",")
            out.append((_value(whole if whole.isdecimal() else re.sub(r"\D", "", whole), frac), m.span()))
        return out
    for m in NUMBER.finditer(text):
        whole, _, frac = m.group(0).replace(",", "").partition(".")
        out.append((_value(whole, frac), m.span()))
    return out


# A paragraph's facts are read once, whoever asks (the structural pairing, then the checks, then change
# parity): the last texts read are kept, by identity (the same text object of the same paragraph), so that
# equal paragraphs of two documents are each read, and copies are handed out.
_seen: dict = {}


def _remembered(text: str, lang: str) -> tuple[str, Facts, Spans]:
    key = (id(text), lang)
    hit = _seen.get(key)
    if hit is None or hit[0] is not text:
        where: Spans = {}
        hit = _seen[key] = (text, _read(text, lang, where), where)
        if len(_seen) > 1024:
            del _seen[next(iter(_seen))]
    return hit


def shared(text: str, lang: str) -> tuple[Facts, Spans]:
    """What extract reads, with where each fact was read, as remembered: never to be changed (a pair's check
    reads some 70 texts' facts once each, and copying them cost a third as much as reading them)."""
    _, facts, where = _remembered(text, lang)
    return facts, where


def extract(text: str, lang: str, spans: Spans | None = None) -> Facts:
    _, facts, where = _remembered(text, lang)
    if spans is not None:
        for k, v in where.items():
            spans.setdefault(k, []).extend(v)
    return Facts(*(Counter(c) if (c := getattr(facts, k)) else _empty() for k in Facts.KINDS))
