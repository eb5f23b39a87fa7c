"""Routine updates: the changes every annual text gets, told apart from substantive ones.

A modification is routine when every piece it deletes or inserts is made only of
- numbers (123, 2020, in ASCII or full-width digits) and document symbols (74/62, A/75/399),
- dates: day, month names and years in any of the six languages (12 December 2019, and the Chinese year,
  month and day each with its character),
- ordinals and numerals (seventy-sixth, and the Chinese numerals of sessions and anniversaries),
- the words that join a list of recalled resolutions, counts and dates ("and", "of", "resolution", "et",
  "y" and their Chinese, Russian and Arabic counterparts) and punctuation.
The rule is the same in every language; only the vocabulary of each language differs (lang: LIST_GLUE,
NUMBER_WORDS, MONTHS).
"""

from __future__ import annotations

import re
import unicodedata

from .lang import DASHES, EDITORIAL_FORMS, LIST_GLUE, MONTHS, NUMBER_WORDS, ROUTINE_SYMBOL, ZH_NUMERAL
from .model import DELETE, EQUAL, INSERT

_SYMBOL = re.compile(ROUTINE_SYMBOL)
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")


def _vocabulary_words(lang: str) -> set[str]:
    words = set(LIST_GLUE.get(lang, [])) | set(LIST_GLUE["en"])
    for names in (*NUMBER_WORDS.values(), *MONTHS.values()):
        words |= set(names)
    return words


def _vocabulary(lang: str) -> re.Pattern:
    alt = "|".join(sorted((re.escape(w) for w in _vocabulary_words(lang)), key=len, reverse=True))
    if lang == "zh":
        return re.compile(f"(?:{alt}|[{ZH_NUMERAL}])", re.IGNORECASE)
    return re.compile(rf"(?<![^\W\d_])(?:{alt})(?![^\W\d_])", re.IGNORECASE)


_CACHE: dict[str, re.Pattern] = {}
_CASELESS: dict[int, set[str]] = {}  # the zh vocabulary's words written without letter case, by length


def _drop_caseless_words(text: str) -> str:
    """_vocabulary("zh").sub(" ", text) for a text without letter case, where the pattern can only find the
    words (and numerals) written as they are: the same words, leftmost and longest first, looked up instead
    of matched by a pattern of 150 words that takes milliseconds to compile."""
    if not _CASELESS:
        for w in _vocabulary_words("zh"):
            if w.lower() == w == w.upper():
                _CASELESS.setdefault(len(w), set()).add(w)
    lengths = sorted(_CASELESS, reverse=True)
    out: list[str] = []
    i, n = 0, len(text)
    while i < n:
        size = next((k for k in lengths if text[i:i + k] in _CASELESS[k]), 0)
        if size or text[i] in ZH_NUMERAL:
            out.append(" ")
            i += size or 1
        else:
            out.append(text[i])
            i += 1
    return "".join(out)


def leftover(text: str, lang: str) -> str:
    """What remains of a changed piece once the routine material is taken out."""
    text = unicodedata.normalize("NFKC", text)
    text = _SYMBOL.sub(" ", text)
    text = _NUMBER.sub(" ", text)
    if lang == "zh" and text.lower() == text == text.upper():
        text = _drop_caseless_words(text)
    else:
        if lang not in _CACHE:
            _CACHE[lang] = _vocabulary(lang)
        text = _CACHE[lang].sub(" ", text)
    return re.sub(r"[\W_]+", "", text)


def is_routine(ops, lang: str) -> bool:
    """True when a modification changes only numbers, symbols, dates, ordinals and list glue."""
    pieces = [s for op, s in ops if op != EQUAL]
    return bool(pieces) and all(not leftover(s, lang) for s in pieces)


# --- editorial corrections ------------------------------------------------------------------------------
# A changed region is editorial when the old and the new piece read the same once letter case, the form
# of hyphens, dashes, quotes and apostrophes, spacing and the width of punctuation (the full-width comma
# against the ASCII one) are set aside: "States parties" -> "States Parties", "non-governmental" with a
# non-breaking hyphen (U+2011), ' -> ’, "…" -> “…” or « … », the ideographic full stop -> the full-width one

# every hyphen and dash (and the soft hyphen) is dropped with the spaces: "co-operation" = "cooperation",
# "2019–2020" = "2019-2020", "décision-cadre" = "décision‑cadre"; each quote's form read as one (lang)
_EDITORIAL_MAP = str.maketrans({**{c: None for c in DASHES}, **EDITORIAL_FORMS})
_SPACE = re.compile(r"\s+")


def editorial_key(text: str) -> str:
    """What an editorial correction leaves the same: the text without case, dash and hyphen, quote-form,
    width and spacing differences."""
    text = unicodedata.normalize("NFKC", text).translate(_EDITORIAL_MAP)
    return _SPACE.sub("", text).casefold()


def is_editorial(old: str, new: str) -> bool:
    """True when a changed region (its deleted and its inserted text) is an editorial correction."""
    return old != new and editorial_key(old) == editorial_key(new)


def region_kinds(ops, lang: str) -> list[str]:
    """The kind of each op: "" for equal text; for each run of changed ops between equal ones, "editorial"
    (is_editorial), "routine" (only numbers, symbols, dates, ordinals and list glue) or "substantive"."""
    out: list[str] = []
    k = 0
    while k < len(ops):
        if ops[k][0] == EQUAL:
            out.append("")
            k += 1
            continue
        j = k
        while j < len(ops) and ops[j][0] != EQUAL:
            j += 1
        run = ops[k:j]
        old = "".join(s for op, s in run if op == DELETE)
        new = "".join(s for op, s in run if op == INSERT)
        if is_editorial(old, new):
            kind = "editorial"
        elif all(not leftover(s, lang) for _, s in run):
            kind = "routine"
        else:
            kind = "substantive"
        out += [kind] * (j - k)
        k = j
    return out
