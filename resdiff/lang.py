"""What each of the six UN languages writes: the one home of language knowledge.

Scripts and detection, numerals (Chinese, Arabic-Indic, full width, superscript, Roman), ordinals, dates
(one set of patterns, one calendar-validated reader), the formulas that frame a resolution (opening,
adoption, draft, session, agenda item, report, annex, meeting), the words that open a preambular
paragraph, and the small words the parser and the routine-update labels need. Document symbols and script
ranges are written in `notation` (below `cache`) and read here.

Each convention is a table keyed by language, and the patterns are built from the tables: a new month
name, ordinal form, formula or preambular opener is one entry. `parse`, `layout`, `facts`, `routine`,
`align` and the translation checks read them from here.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from functools import cache

from .model import LANGUAGES
from .notation import (  # noqa: F401 (the symbol grammar and the scripts, read through the language home)
    AFTER_SYMBOL_ORGAN,
    ARABIC,
    CJK_TEXT,
    CJK_UNIFIED,
    CYRILLIC,
    FROM_SUPERSCRIPT,
    HAN_SPAN,
    IDEOGRAPH_RUN_UTF8,
    IDEOGRAPH_SPAN_UTF8,
    IDEOGRAPHS,
    JOB_NUMBER,
    LOOSE_SYMBOL,
    LOOSE_SYMBOL_AFTER_FIRST,
    NUMBER_PATH,
    ORGAN_LETTERS,
    REPORT_SYMBOL,
    RES_SESSION,
    RES_SYMBOL,
    RIGHT_TO_LEFT_SCRIPTS,
    ROUTINE_SYMBOL,
    SHORT_SYMBOL,
    SHORT_SYMBOL_AFTER_FIRST,
    SUPERSCRIPTS,
    SYMBOL_TOKEN,
    TITLE_NUMBER,
    TO_SUPERSCRIPT,
    UN_SYMBOL,
    is_ideograph,
    lazy_pattern,
    utf8_span,
)


def _alt(words) -> str:
    """An alternation of words in the order given (duplicates once)."""
    return "|".join(dict.fromkeys(words))


def _longest_first(words) -> str:
    """An alternation that tries the longer of two words sharing a beginning first."""
    return "|".join(sorted(words, key=len, reverse=True))


def _spaces_may_go(phrases) -> list[str]:
    """A formula's words as a monospace page's extraction may give them, run together: "92ndplenarymeeting"."""
    return [p.replace(" ", r"\s*") for p in phrases]


def _all(table: dict) -> list[str]:
    """Every entry of a table of word lists, language after language."""
    return [w for words in table.values() for w in words]


def _initials(words) -> str:
    """A lookahead for the first letters of words, put before their alternation: a place no word starts at
    fails on one test, not on one for each word (what matches is the same)."""
    return f"(?=[{''.join(sorted({w[0] for w in words}))}])"


# --- languages and scripts -------------------------------------------------------------------------

# The letter in a job number ("20-16878 (C)") names the language of the text.
RIGHT_TO_LEFT = frozenset({"ar"})  # the languages written right to left
JOB_LETTERS = {"A": "ar", "C": "zh", "E": "en", "F": "fr", "R": "ru", "S": "es"}

# The script each language is told by (the first wins a tie); Latin-script languages by their words.
_SCRIPTS = {"zh": CJK_UNIFIED, "ar": ARABIC, "ru": CYRILLIC, "latin": "A-Za-zÀ-ÿ"}
_STOPWORDS = {
    "en": {"the", "of", "and", "to", "in", "its", "on", "for", "with", "by", "that", "all"},
    "fr": {"le", "la", "les", "des", "et", "du", "en", "à", "sur", "pour", "dans", "que", "aux"},
    "es": {"el", "la", "los", "las", "y", "del", "en", "que", "para", "con", "por", "su", "sus"},
}

_LOWER_WORD = lazy_pattern(r"[a-zà-ÿ]+")
# Each script's characters counted in UTF-8 by their first bytes, one C pass (a pattern tried at each
# character took milliseconds): A-Za-z and C3 (U+00C0-00FF) Latin, D8-DB Arabic (U+0600-06FF), D0-D3
# Cyrillic (U+0400-04FF), E5-E9 ideographs (U+5000-9FFF); E4 starts U+4000-4FFF, of which only E4 B8-BF
# (U+4E00-4FFF) are the common ideographs.
_SCRIPT_BYTE = bytes(
    ord("l") if (65 <= b <= 90 or 97 <= b <= 122 or b == 0xC3) else ord("a") if 0xD8 <= b <= 0xDB
    else ord("r") if 0xD0 <= b <= 0xD3 else ord("z") if 0xE5 <= b <= 0xE9 else ord("4") if b == 0xE4 else 0
    for b in range(256))


def _script_counts(sample: str) -> dict[str, int]:
    """How many characters of each script of _SCRIPTS the sample holds."""
    raw = sample.encode("utf-8", "surrogatepass")
    tags = raw.translate(_SCRIPT_BYTE)
    zh = tags.count(b"z")
    if b"4" in tags:
        zh += sum(raw.count(bytes((0xE4, second))) for second in range(0xB8, 0xC0))
    return {"zh": zh, "ar": tags.count(b"a"), "ru": tags.count(b"r"), "latin": tags.count(b"l")}


def detect_language(text: str) -> str | None:
    """Tell the six UN languages apart by script, then by frequent words for Latin script."""
    sample = text[:20000]
    counts = _script_counts(sample)
    script = max(counts, key=lambda k: counts[k])
    if counts[script] == 0:
        return None
    # The Chinese masthead and distribution date are in English: ideographs win once present in bulk.
    if counts["zh"] >= 50:
        return "zh"
    if script != "latin":
        return script
    words = Counter(_LOWER_WORD.findall(sample.lower()))
    scores = {lang: sum(words[w] for w in stop) for lang, stop in _STOPWORDS.items()}
    best = max(scores, key=lambda k: (scores[k], k == "en"))
    return best if scores[best] else "en"


# What a message calls each language
LANGUAGE_NAMES = {"ar": "Arabic", "zh": "Chinese", "en": "English", "fr": "French", "ru": "Russian", "es": "Spanish"}


def check_language(code: str) -> str:
    code = code.lower().strip()
    if code == "ch":  # the ODS spelling for Chinese
        code = "zh"
    if code not in LANGUAGES:
        raise ValueError(f"unknown language {code!r}; use one of {', '.join(LANGUAGES)}")
    return code


# --- numerals --------------------------------------------------------------------------------------

_ZH_DIGITS = {"〇": 0, "零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5,
              "六": 6, "七": 7, "八": 8, "九": 9}
_ZH_UNITS = {"十": 10, "百": 100, "千": 1000}
ZH_NUMERAL = "〇零一二两三四五六七八九十百千"
# 万 and 亿 scale the number before them: 138.3万 = 1,383,000 (powers of ten)
ZH_MYRIADS = {"万": 4, "亿": 8}


def zh_numeral(text: str) -> int | None:
    """Value of a Chinese numeral such as 七十五, 十, 一百零三; None if it is not one."""
    if not text or any(c not in _ZH_DIGITS and c not in _ZH_UNITS for c in text):
        return None
    total, digit = 0, None
    for c in text:
        if c in _ZH_DIGITS:
            digit = _ZH_DIGITS[c]
        else:
            total += (1 if digit is None else digit) * _ZH_UNITS[c]
            digit = None
    return total + (digit or 0)


# Arabic-Indic and Eastern Arabic-Indic digits, and the Arabic decimal and thousands separators
ARABIC_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹٫٬", "01234567890123456789,.")
# Superscript digits: footnote markers as a PDF's geometry gives them
_FULL_WIDTH = 0xFEE0  # "７" is "7" moved by this much


def digit_forms(digit: str) -> str:
    """'7' -> '7７': an ASCII digit and its full-width form (Chinese texts write either)."""
    return digit + chr(ord(digit) + _FULL_WIDTH)


# Numbers as each language writes them: 1,383,000.5 (English, Chinese); 1.383.000,5 or 1 383 000,5
# (Spanish, French, Russian, Arabic). All read as the same value.
DECIMAL_COMMA = {"es", "fr", "ru", "ar"}
# A number with its thousands separated, else digits; the first digit taken before the two ways part, so
# that the search skips to the places that hold a digit (a pattern that starts with a character class is
# tried only there, one that starts with an alternation at every place). A digit no digit precedes, as
# (?<!\d)\d reads it: \d(?<!\d\d).
NUMBER = lazy_pattern(r"\d(?:\d{0,2}(?:,\d{3})+(?:\.\d+)?(?![\d,])|\d*(?:\.\d+)?)")
NUMBER_COMMA = lazy_pattern(r"\d(?:(?<!\d\d)\d{0,2}(?:[.\u00a0\u202f ]\d{3})+(?:,\d+)?(?![\d])|\d*(?:,\d+)?)")
ZH_MYRIAD = lazy_pattern(rf"(\d+(?:\.\d+)?)\s*({'|'.join(ZH_MYRIADS)})")

_ROMAN_VALUES = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}
# The words a Roman numeral follows: "section IV", "annexe II", "anexo I", "раздел III"
_ROMAN_AFTER = {
    "en": ["section", "annex", "part", "chapter"],
    "fr": ["annexe", "partie"],
    "es": ["anexo", "sección"],
    "ru": ["раздел", "приложение"],
}
ROMAN = lazy_pattern(rf"\b{_initials(_all(_ROMAN_AFTER))}(?:{_alt(_all(_ROMAN_AFTER))})\s+([IVXLC]+)\b", re.IGNORECASE)


def roman(text: str) -> int:
    total = 0
    for k, ch in enumerate(text.upper()):
        v = _ROMAN_VALUES[ch]
        nxt = _ROMAN_VALUES.get(text.upper()[k + 1], 0) if k + 1 < len(text) else 0
        total += -v if v < nxt else v
    return total


# English number words; with the ordinals below, what a routine update may change in words
_EN_CARDINALS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
                 "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
                 "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19}


# --- ordinals --------------------------------------------------------------------------------------
# Each language's ordinal words, the pattern built from them and a reader to a number; ORDINALS at the
# end says which pattern and reader each language uses in running text.

# English: "Seventy-fifth session", "37th plenary meeting"
_EN_UNITS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6,
             "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11,
             "twelfth": 12, "thirteenth": 13, "fourteenth": 14, "fifteenth": 15,
             "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19}
_EN_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
            "seventy": 70, "eighty": 80, "ninety": 90}
_EN_TENTHS = {"twentieth": 20, "thirtieth": 30, "fortieth": 40, "fiftieth": 50,
              "sixtieth": 60, "seventieth": 70, "eightieth": 80, "ninetieth": 90}
# The letters after a number that make it an ordinal: 37th; 37e, 37ᵉ (a modifier letter), 37ème, and "37 e" where
# an extractor set the raised e apart; 37ª and 92.ª as the RAE writes it (and their a, as NFKC makes them); 37-е
# with any of the hyphens a Russian text sets (a Word file's non-breaking one among them)
_RU_HYPHEN = "[-\u2010\u2011\u2013]?"
ORDINAL_SUFFIXES = {"en": ["st", "nd", "rd", "th"], "fr": ["e", "\u1d49", "ème", r"\se"],
                    "es": ["ª", "a", r"\.ª", r"\.a"], "ru": [f"{_RU_HYPHEN}е", f"{_RU_HYPHEN}я"]}


# English ordinal words ('twentieth', 'seventy-fifth', in any case) searched from their first letter, written
# case by case as IGNORECASE reads it (a long s is an s), then no word character before it, then the rest of
# a word that letter starts: a search skips to such letters, where a pattern opening with \b is tried at
# every place of a text. Its value is read off the whole match.
_EN_FIRSTS = "".join(sorted({w[0] for w in [*_EN_TENS, *_EN_UNITS, *_EN_TENTHS]}))


def _en_after(first: str) -> str:
    tens = [w[1:] for w in _EN_TENS if w[0] == first]
    words = [w[1:] for w in [*_EN_UNITS, *_EN_TENTHS] if w[0] == first]
    ways = [rf"(?:{_alt(tens)})[-\u2010\u2011](?:{_alt([*_EN_UNITS, *_EN_TENTHS])})\b"] if tens else []
    ways += [rf"(?:{_alt(words)})\b"] if words else []
    return rf"(?<={first})(?:{'|'.join(ways)})"


EN_ORDINAL_FROM_FIRST = lazy_pattern(rf"(?-i:[{_EN_FIRSTS}{_EN_FIRSTS.upper()}\u017f])(?<!\w.)"
                                     rf"(?:{'|'.join(_en_after(c) for c in _EN_FIRSTS)})", re.IGNORECASE)


def case_key(word: str) -> str:
    """A word as lang's tables hold it (small letters), whatever letters a pattern under IGNORECASE matched it
    in: lower() alone leaves a dotless i, a long s or a rounded Cyrillic ve apart from their letter (their
    capital's small letter is it), and makes a dotted capital I an i and a combining dot. Every lookup of a
    matched word in a table goes through it (months, ordinals in every language)."""
    return word.replace("\u0130", "i").upper().lower()


def en_ordinal(text: str) -> int | None:
    """Value of an English ordinal word: 'seventy-fifth' -> 75, '37th' -> 37."""
    t = case_key(text).strip()
    m = re.fullmatch(rf"(\d+)(?:{_alt(ORDINAL_SUFFIXES['en'])})", t)
    if m:
        return int(m.group(1))
    if t in _EN_UNITS:
        return _EN_UNITS[t]
    if t in _EN_TENTHS:
        return _EN_TENTHS[t]
    parts = re.split(r"[-\u2010\u2011\s]", t)
    if len(parts) == 2 and parts[0] in _EN_TENS and parts[1] in _EN_UNITS and _EN_UNITS[parts[1]] < 10:
        return _EN_TENS[parts[0]] + _EN_UNITS[parts[1]]
    return None


# Chinese: numerals count as ordinals only where a context makes them one (第七十六届, 十周年, 附件一),
# never in words such as 一致
ZH_ORDINAL = lazy_pattern(rf"第\s*([{ZH_NUMERAL}]+)|([{ZH_NUMERAL}]+)\s*周年|附件\s*([{ZH_NUMERAL}]+)")

# French (sessions, meetings, anniversaries): soixante-seizième, vingt et unième
_FR_ORD = {"unième": 1, "premier": 1, "première": 1, "deuxième": 2, "second": 2, "seconde": 2, "troisième": 3,
           "quatrième": 4, "cinquième": 5, "sixième": 6, "septième": 7, "huitième": 8, "neuvième": 9,
           "dixième": 10, "onzième": 11, "douzième": 12, "treizième": 13, "quatorzième": 14, "quinzième": 15,
           "seizième": 16, "vingtième": 20, "trentième": 30, "quarantième": 40, "cinquantième": 50,
           "soixantième": 60, "quatre-vingtième": 80, "centième": 100}
_FR_CARD = {"dix": 10, "vingt": 20, "trente": 30, "quarante": 40, "cinquante": 50, "soixante": 60,
            "quatre-vingt": 80, "quatre-vingts": 80}
FR_ORDINAL = lazy_pattern(
    rf"(?<![\w-])((?:(?:{_longest_first(_FR_CARD)})(?:[-\u2010\u2011]| et ))*)({_longest_first(_FR_ORD)})(?![\w-])",
    re.IGNORECASE)


def fr_ordinal(prefix: str, last: str) -> int:
    """soixante-seizième = 60 + 16, quatre-vingt-dix-neuvième = 80 + 10 + 9, vingt et unième = 21."""
    value = _FR_ORD[case_key(last)]
    rest = re.sub("[\u2010\u2011]", "-", case_key(prefix)).replace(" et ", "-").replace("quatre-vingts", "quatre-vingt")
    rest = rest.replace("quatre-vingt", "quatrevingt")
    for part in filter(None, rest.split("-")):
        value += 80 if part == "quatrevingt" else _FR_CARD.get(part, 0)
    return value


# Spanish: septuagésimo sexto, vigésima, decimotercero
_ES_ORD = {"primer": 1, "primero": 1, "primera": 1, "segundo": 2, "segunda": 2, "tercer": 3, "tercero": 3,
           "tercera": 3, "cuarto": 4, "cuarta": 4, "quinto": 5, "quinta": 5, "sexto": 6, "sexta": 6,
           "séptimo": 7, "séptima": 7, "octavo": 8, "octava": 8, "noveno": 9, "novena": 9, "décimo": 10,
           "décima": 10, "undécimo": 11, "undécima": 11, "duodécimo": 12, "duodécima": 12}
_ES_TENS = {"vigésim": 20, "trigésim": 30, "cuadragésim": 40, "quincuagésim": 50, "sexagésim": 60,
            "septuagésim": 70, "octogésim": 80, "nonagésim": 90, "centésim": 100, "décim": 10, "decim": 10}
_ES_UNITS = _longest_first(_ES_ORD)
ES_ORDINAL = lazy_pattern(
    rf"(?<!\w)(?:({_alt(_ES_TENS)})[oa](?:\s*({_ES_UNITS}))?|({_ES_UNITS}))(?!\w)", re.IGNORECASE)


def es_ordinal(tens: str | None, unit: str | None, alone: str | None = None) -> int:
    """septuagésimo sexto = 70 + 6, vigésima = 20, decimotercero = 10 + 3, primer = 1."""
    unit = unit or alone
    return (_ES_TENS[case_key(tens)] if tens else 0) + (_ES_ORD[case_key(unit)] if unit else 0)


# Russian, declined (every case and gender): семьдесят шестой, шестого, третьего
_RU_STEMS = {"перв": 1, "втор": 2, "трет": 3, "четверт": 4, "четвёрт": 4, "пят": 5, "шест": 6, "седьм": 7,
             "восьм": 8, "девят": 9, "десят": 10, "одиннадцат": 11, "двенадцат": 12, "тринадцат": 13,
             "четырнадцат": 14, "пятнадцат": 15, "шестнадцат": 16, "семнадцат": 17, "восемнадцат": 18,
             "девятнадцат": 19, "двадцат": 20, "тридцат": 30, "сороков": 40, "пятидесят": 50, "шестидесят": 60,
             "семидесят": 70, "восьмидесят": 80, "девяност": 90, "сот": 100}
_RU_TENS = {"двадцать": 20, "тридцать": 30, "сорок": 40, "пятьдесят": 50, "шестьдесят": 60, "семьдесят": 70,
            "восемьдесят": 80, "девяносто": 90}
_RU_ENDINGS = ["ый", "ой", "ий", "ая", "ое", "ого", "ому", "ым", "ом", "ую", "ые", "ых", "ыми",
               "ьего", "ьему", "ьей", "ьим", "ьем", "ья", "ье", "ьи", "ьих", "ью"]
RU_ORDINAL = lazy_pattern(
    rf"(?<![а-яё])(?:({_alt(_RU_TENS)})\s+)?({_longest_first(_RU_STEMS)})({_alt(_RU_ENDINGS)})(?![а-яё])",
    re.IGNORECASE)


def ru_ordinal(tens: str | None, stem: str) -> int:
    """семьдесят шестой / шестой / шестого / шестую … = 76; третьего = 3."""
    return (_RU_TENS[case_key(tens)] if tens else 0) + _RU_STEMS[case_key(stem)]


# Arabic, both genders: السادسة والسبعين, الحادية عشرة
_AR_UNITS = {"الأول": 1, "الأولى": 1, "الحادي": 1, "الحادية": 1, "الثاني": 2, "الثانية": 2, "الثالث": 3,
             "الثالثة": 3, "الرابع": 4, "الرابعة": 4, "الخامس": 5, "الخامسة": 5, "السادس": 6, "السادسة": 6,
             "السابع": 7, "السابعة": 7, "الثامن": 8, "الثامنة": 8, "التاسع": 9, "التاسعة": 9, "العاشر": 10,
             "العاشرة": 10}
_AR_TENS = {"العشرين": 20, "العشرون": 20, "الثلاثين": 30, "الثلاثون": 30, "الأربعين": 40, "الأربعون": 40,
            "الخمسين": 50, "الخمسون": 50, "الستين": 60, "الستون": 60, "السبعين": 70, "السبعون": 70,
            "الثمانين": 80, "الثمانون": 80, "التسعين": 90, "التسعون": 90, "المائة": 100, "المئة": 100}
_AR_UNIT_ALT = _longest_first(_AR_UNITS)
_AR_TENS_ALT = _longest_first(_AR_TENS)
AR_ORDINAL = lazy_pattern(
    rf"(?<![{ARABIC}])[وبل]?(?:({_AR_UNIT_ALT})(?:\s+(عشرة?)|\s+و({_AR_TENS_ALT}))?|({_AR_TENS_ALT}))"
    rf"(?![{ARABIC}])")
# "كانون الأول/ديسمبر", "تشرين الثاني/نوفمبر": months whose names hold an ordinal word
AR_MONTH_ORDINALS = lazy_pattern(r"(?:كانون|تشرين)\s+(?:الأول|الثاني)")


def ar_ordinal(unit: str | None, teen: str | None, tens: str | None, alone: str | None) -> int:
    """السادسة والسبعين = 76, الحادية عشرة = 11, السبعين = 70, الأولى = 1."""
    if alone:
        return _AR_TENS[alone]
    value = _AR_UNITS[unit]
    if teen:
        return 10 + value
    return value + (_AR_TENS[tens] if tens else 0)


class _Prechecked:
    """A pattern searched only in the texts that hold what each of its matches holds, found by a cheap
    search first: the month-first date tries every month name of five languages at every character, where
    "7, 2020" is seldom in a text at all; a Chinese date tries every place, where a digit before the year
    character is seldom in a text (and never in one of another language); an ordinal word, matched in any
    case (no character class can start the search then), is tried at every word's start, where few texts
    hold one (_AnyWord)."""

    def __init__(self, pattern: re.Pattern, needed) -> None:
        self.pattern, self.needed = pattern, needed

    def admits(self, text: str) -> bool:
        return self.needed.search(text) is not None

    def finditer(self, text: str):
        return self.pattern.finditer(text) if self.admits(text) else iter(())

    def search(self, text: str):
        return self.pattern.search(text) if self.admits(text) else None

    def sub(self, repl, text: str) -> str:
        return self.pattern.sub(repl, text) if self.admits(text) else text


class _AnyWord:
    """A search for any of some lower-case words in a text, in any case, as a pattern written with them under
    IGNORECASE finds them, a few times cheaper: in the text lower-cased. Such a pattern also takes a dotted
    capital I or a dotless i for an i, and a long s for an s, where lower() keeps them apart: a text that
    holds one is let through (lower-cased, the first is an i and a combining dot above)."""

    ODD = ("\u0307", "\u0131", "\u017f")  # what IGNORECASE reads as an ASCII letter and lower() does not, lowered

    def __init__(self, *words: str) -> None:
        self.words = words + self.ODD

    def search(self, text: str) -> bool | None:
        low = text.lower()
        for w in self.words:
            if w in low:
                return True
        return None


class OrdinalWords:
    """How one language writes ordinals in running text: the pattern, its reader (a match -> a number, or
    None), and what must be set aside first because it only looks like one (Arabic month names). A plain
    class: a dataclass is built by exec() at import, at every start of every command."""

    __slots__ = ("pattern", "read", "not_ordinals")

    def __init__(self, pattern: lazy_pattern, read: Callable[[re.Match], int | None],
                 not_ordinals: lazy_pattern | None = None) -> None:
        self.pattern, self.read, self.not_ordinals = pattern, read, not_ordinals


# What every ordinal word of a language holds, in lower case (the words of its table each hold one): looked
# for before its pattern is (lang._Prechecked)
ORDINAL_KEYS = {
    "en": ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
           "eleventh", "twelfth", "teenth", "tieth"),
    "fr": ("ième", "premi", "second"),
    "es": ("ésim", "écim", "decim", "primer", "segund", "tercer", "cuart", "quint", "sext", "séptim", "octav",
           "noven"),
}

ORDINALS = {
    "zh": OrdinalWords(ZH_ORDINAL, lambda m: zh_numeral(next(g for g in m.groups() if g))),
    "en": OrdinalWords(_Prechecked(EN_ORDINAL_FROM_FIRST, _AnyWord(*ORDINAL_KEYS["en"])),
                       lambda m: en_ordinal(m.group(0))),
    "fr": OrdinalWords(_Prechecked(FR_ORDINAL, _AnyWord(*ORDINAL_KEYS["fr"])),
                       lambda m: fr_ordinal(m.group(1), m.group(2))),
    "es": OrdinalWords(_Prechecked(ES_ORDINAL, _AnyWord(*ORDINAL_KEYS["es"])), lambda m: es_ordinal(*m.groups())),
    "ru": OrdinalWords(RU_ORDINAL, lambda m: ru_ordinal(m.group(1), m.group(2))),
    "ar": OrdinalWords(AR_ORDINAL, lambda m: ar_ordinal(*m.groups()), not_ordinals=AR_MONTH_ORDINALS),
}


# --- dates -----------------------------------------------------------------------------------------

MONTHS = {
    "en": "january february march april may june july august september october november december".split(),
    "fr": "janvier février mars avril mai juin juillet août septembre octobre novembre décembre".split(),
    "es": "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre".split(),
    "ru": "января февраля марта апреля мая июня июля августа сентября октября ноября декабря".split(),
    # Arabic UN texts write "كانون الأول/ديسمبر": the second (international) name is matched.
    "ar": "يناير فبراير مارس أبريل مايو يونيه يوليه أغسطس سبتمبر أكتوبر نوفمبر ديسمبر".split(),
}
_MONTH_INDEX = {name: i + 1 for names in MONTHS.values() for i, name in enumerate(names)}
_MONTH_ALT = _longest_first(_MONTH_INDEX)

# How a range of days is written: "from 23 March to 30 June", "on 20 and 21 June" (the words before the
# second day), "del 23 de marzo al 30 de junio", "entre el 23 de marzo y el 30 de junio", "du 23 mars au
# 30 juin", "с 23 марта по 30 июня"; an article may follow the word
_RANGE_TO = {"en": ["to"], "fr": ["au"], "es": ["al", "a"], "ru": ["по"], "any": ["-", "–"]}
_RANGE_AND = {"en": ["and"], "fr": ["et"], "es": ["y"], "ru": ["и"]}
_RANGE_ARTICLES = {"es": ["el"], "fr": ["le", "la"]}
# What may follow a day's number: the first of the month, "1er mars" ("1 er", "1\ner" where an extractor set
# the raised letters apart), "1º de marzo" (NFKC makes º an o; "1°", a degree sign, is the common slip); any day
# in Russian, "2-го декабря"
_FIRST_OF_MONTH = {"fr": ["er", r"\ser"], "es": ["º", "o", r"\.º", r"\.o", "°", r"\.°"], "ru": [f"{_RU_HYPHEN}го"]}

# One home for dates: the parser's metadata (find_date) and the translation checks (facts) read them
# with these patterns and validate them with iso_date, so the two never disagree.
_Y, _M, _D = r"(\d{4})", r"(\d{1,2})", r"(\d{1,2})"
_FIRST = rf"(?:{_alt(_all(_FIRST_OF_MONTH))})?"
_TO = rf"(?:{_alt(_all(_RANGE_TO) + _all(_RANGE_AND))})(?:\s+(?:{_alt(_all(_RANGE_ARTICLES))}))?"
# A day no digit precedes, as (?<!\d)(\d{1,2}) reads it, but starting with the digit: a pattern that starts
# with a character class is searched for at the places that hold one, where a lookbehind first is tried
# at every place of the text
_DAY_ALONE = r"(\d(?<!\d\d)\d?)"
# Arabic: "كانون الأول/ديسمبر". The words before the slash are taken whole (a shorter run of them is never
# followed by the slash, which they cannot hold), and a place no month name starts at fails on one test:
# what a day's digit that begins no date costs is a few steps, not a try of every month at every length.
_MONTH_WORD = rf"(?:de\s*)?(?:[^\d/\n]{{1,20}}+/)?{_initials(_MONTH_INDEX)}({_MONTH_ALT})"
# the same without the words before a slash, which only a text that holds a slash can have
_MONTH_WORD_ALONE = rf"(?:de\s*)?{_initials(_MONTH_INDEX)}({_MONTH_ALT})"


class _SlashOptional(lazy_pattern):
    """A date pattern whose month may stand after words and a slash (Arabic), searched in a text with no slash
    as the same pattern written without them (`alone`): it finds the same there, since those words end on
    the slash, and spares each digit of the text the try of up to twenty characters for one."""

    def __init__(self, pattern: str, alone: str, flags: int = 0):
        super().__init__(pattern, flags)  # what any other use of it reads
        # (apart: a method that __getattr__ gave would be set on the object, over this class's own)
        self.whole, self.alone = lazy_pattern(pattern, flags), lazy_pattern(alone, flags)

    def finditer(self, text: str):
        return (self.whole if "/" in text else self.alone).finditer(text)

    def search(self, text: str):
        return (self.whole if "/" in text else self.alone).search(text)


def _range_of(month: str) -> str:
    return rf"{_DAY_ALONE}{_FIRST}\s*(?:{month}\s+)?{_TO}\s+{_D}{_FIRST}\s+{month}\s+(?:de\s+)?{_Y}"


def _day_of(month: str) -> str:
    return rf"{_DAY_ALONE}{_FIRST}\s*{month}\s*(?:de\s*)?{_Y}"


DATE_ZH_RANGE = lazy_pattern(rf"{_Y}\s*年\s*{_M}\s*月\s*{_D}\s*日\s*至\s*(?:(?:{_Y}\s*年\s*)?{_M}\s*月\s*)?{_D}\s*日")
DATE_ZH = lazy_pattern(rf"{_Y}\s*年\s*{_M}\s*月\s*{_D}\s*日")
DATE_WORDS_RANGE = _SlashOptional(_range_of(_MONTH_WORD), _range_of(_MONTH_WORD_ALONE), re.IGNORECASE)
# the spaces may be lost, as a monospace page's extraction loses them: "5April1994", "5deabrilde1994"
DATE_WORDS = _SlashOptional(_day_of(_MONTH_WORD), _day_of(_MONTH_WORD_ALONE), re.IGNORECASE)
DATE_EN_US = lazy_pattern(rf"({_MONTH_ALT})\s+{_D},\s+{_Y}", re.IGNORECASE)  # read behind _Prechecked


def month_number(name: str) -> int:
    """The month a name the date patterns matched stands for, in any of the letters IGNORECASE takes for its own."""
    return _MONTH_INDEX[case_key(name)]


def iso_date(y: str | int, m: str | int, d: str | int) -> str | None:
    """'2020-12-07', or None where the three do not make a day of the calendar (45 December)."""
    import datetime

    try:
        return datetime.date(int(y), int(m), int(d)).isoformat() if 1900 <= int(y) <= 2200 else None
    except ValueError:
        return None


def _zh_range(m: re.Match) -> str | None:
    y, mo, d, y2, mo2, d2 = m.groups()
    a, b = iso_date(y, mo, d), iso_date(y2 or y, mo2 or mo, d2)
    return f"{a}/{b}" if a and b else None


def _words_range(m: re.Match) -> str | None:
    d, mo, d2, mo2, y = m.groups()
    a, b = iso_date(y, month_number(mo or mo2), d), iso_date(y, month_number(mo2), d2)
    return f"{a}/{b}" if a and b else None


# Every way a date is written, with its reader: a match -> ISO 8601 ("2020-12-07", a range
# "2021-03-23/2021-06-30"), or None where it is no day of the calendar.
class Holding:
    """A pattern searched only in a text that holds one of `needles` (characters, or strings), one of which
    every match holds: `in` is some ten times cheaper than a search that must try each place of a text (each
    digit; every place, for a pattern that opens with a lookbehind)."""

    def __init__(self, needles, pattern: lazy_pattern) -> None:
        self.needles, self.pattern = needles, pattern

    def holds(self, text: str) -> bool:
        return any(n in text for n in self.needles)

    def search(self, text: str):
        return self.pattern.search(text) if self.holds(text) else None

    def finditer(self, text: str):
        return self.pattern.finditer(text) if self.holds(text) else iter(())


# what every Chinese date holds (its year's last digit, then 年)
_ZH_YEAR_AFTER_DIGIT = Holding("年", lazy_pattern(r"\d\s*年"))
_ZH_DAY = (_Prechecked(DATE_ZH, _ZH_YEAR_AFTER_DIGIT),  # 2020 年 12 月 7 日
           lambda m: iso_date(m.group(1), m.group(2), m.group(3)))
# what every date written with its month's name holds: a letter some month's name starts with, in any case (a
# Chinese paragraph, its symbols masked, holds none, where the patterns would try each of its digits)
_MONTH_INITIAL = lazy_pattern(f"[{''.join(sorted({name[0] for names in MONTHS.values() for name in names}))}]",
                              re.IGNORECASE)
_WORDS_DAY = (_Prechecked(DATE_WORDS, _MONTH_INITIAL),  # 7 December 2020
              lambda m: iso_date(m.group(3), month_number(m.group(2)), m.group(1)))
# what every month-first date holds: a day of one or two digits after a space, a comma, a year (a list of
# years, "1992, 1993", does not), searched from the comma: a pattern that opens with one character is
# searched for where that character stands, one that opens with a class (a digit) tried at each place
_US_DAY = (_Prechecked(DATE_EN_US, lazy_pattern(r",(?:(?<=\s\d,)|(?<=\s\d\d,))\s+\d{4}")),  # December 7, 2020
           lambda m: iso_date(m.group(3), month_number(m.group(1)), m.group(2)))
DAYS = (_ZH_DAY, _WORDS_DAY, _US_DAY)  # single days
# days and ranges of days, a script's ranges before its single days (what a range holds is read once)
DATES = ((_Prechecked(DATE_ZH_RANGE, _ZH_YEAR_AFTER_DIGIT), _zh_range), _ZH_DAY,
         (_Prechecked(DATE_WORDS_RANGE, _MONTH_INITIAL), _words_range), _WORDS_DAY, _US_DAY)


def find_date(text: str) -> str | None:
    """The first full date written in any of the six languages, as ISO 8601."""
    import unicodedata

    text = unicodedata.normalize("NFKC", text)
    found = [(m.start(), iso) for pattern, read in DAYS for m in pattern.finditer(text) if (iso := read(m))]
    return min(found)[1] if found else None


# --- the formulas that frame a resolution ----------------------------------------------------------
# Entries are patterns: each language's own words, alternatives in the order written.

# "The General Assembly," opens the resolution. The masthead writes the name alone in Chinese, Russian and
# Arabic ("大会", "Генеральная Ассамблея", "الجمعية العامة"), so there the opening needs its comma; elsewhere the
# comma may be missing where an annexed declaration follows.
THE_ASSEMBLY = {"zh": "大会", "ru": "Генеральная Ассамблея", "ar": "(?:إن )?الجمعية العامة",
                "en": "The General Assembly", "fr": "L[’']Assemblée générale", "es": "La Asamblea General"}
_NAMED_IN_MASTHEAD = {"zh", "ru", "ar"}
OPENING = lazy_pattern(
    rf"^(?:<[ib]>)?(?:(?:{_alt(v for k, v in THE_ASSEMBLY.items() if k in _NAMED_IN_MASTHEAD)})(?:</[ib]>)?\s*"
    rf"[，,،]|(?:{_alt(v for k, v in THE_ASSEMBLY.items() if k not in _NAMED_IN_MASTHEAD)})(?:</[ib]>)?\s*,?)$"
)
ADOPTED_BY_THE_ASSEMBLY = {"en": "Resolution adopted by the General Assembly",
                           "fr": "Résolution adoptée par l.Assemblée générale",
                           "es": "Resoluci[óo]n aprobada por la Asamblea General",
                           "ru": "Резолюция,? принятая Генеральной Ассамблеей",
                           "ar": "قرار اتخذته الجمعية العامة", "zh": "大会决议"}
ADOPTION = lazy_pattern(_alt(ADOPTED_BY_THE_ASSEMBLY.values()), re.IGNORECASE)
DRAFT_RESOLUTION = {"en": "draft resolution", "fr": "projet de résolution", "es": "proyecto de resolución",
                    "ru": "проект резолюции", "ar": "مشروع قرار", "zh": "决议草案"}
DRAFT = lazy_pattern(rf"(?:{_alt(DRAFT_RESOLUTION.values())})\s*$", re.IGNORECASE)
DISTRIBUTION = lazy_pattern(r"^(?:Distr\.?:?\s*\w+|Distr\.)", re.IGNORECASE)  # "Distr.: General", every language

# The session line: where the parser reads its number (a Chinese numeral, an English ordinal), the group
# of that name holds it; elsewhere the words that make a line the session's, and the (emergency) special
# session, whose number the parser does not read, at the start of a line
_SESSION_NUMBERED = {"zh": (rf"第(?P<zh>[{ZH_NUMERAL}]+)届会议", zh_numeral),
                     "en": (r"(?P<en>[\w-]+)\s+session", en_ordinal)}
_SESSION_WORDS = {"es": "período de sesiones", "ru": "сессия", "ar": "الدورة"}
_SPECIAL_SESSION = {"en": [r"\w+ emergency special session", r"\w+ special session"]}
SESSION = lazy_pattern(rf"^(?:{_alt(p for p, _ in _SESSION_NUMBERED.values())}|"
                       rf".*(?:{_alt(_SESSION_WORDS.values())}).*|(?:{_alt(_all(_SPECIAL_SESSION))}).*)$",
                       re.IGNORECASE)


def session_number(m: re.Match) -> int | None:
    """The number of a SESSION line, where the parser reads it."""
    for lang, (_, read) in _SESSION_NUMBERED.items():
        if m.group(lang):
            return read(m.group(lang))
    return None


AGENDA_ITEM = {"zh": "议程项目", "en": "Agenda item", "fr": "Point", "es": "Tema", "ru": "Пункт(?: повестки дня)?",
               "ar": "البند"}
AGENDA = lazy_pattern(rf"^(?:{_alt(_spaces_may_go(AGENDA_ITEM.values()))})\s*(?P<item>\S.*)$", re.IGNORECASE)
# The agenda item run onto the session's line ("Seventy-third session Agenda item 30"), each language's
# words with the number in its place (the French "Point" and Russian "Пункт" alone are common words)
_AGENDA_NUMBERED = {"zh": r"议程项目\s*\d", "en": r"Agenda\s*item\s*\d", "fr": r"Point\s*\d+\s*de\s*l.ordre",
                    "es": r"Tema\s*\d", "ru": r"Пункт\s*\d+\s*повестки", "ar": r"البند\s*\d"}
AGENDA_WITHIN = lazy_pattern(_alt(_AGENDA_NUMBERED.values()))
# The paragraph of a committee report a resolution comes from: "(A/75/399, para. 96)", "第 96 段"
_PARAGRAPH_ABBREVIATION = {"en": "para", "es": "párr", "fr": "par", "ru": "пункт", "ar": "الفقرة"}
REPORT_PARAGRAPH = lazy_pattern(rf"第\s*(\d+)\s*段|(?:{_alt(_PARAGRAPH_ABBREVIATION.values())})\.?\s*(\d+)",
                                re.IGNORECASE)

# A paragraph that adopts a text printed right after it, with no annex heading: "Adopts the following
# political declaration:", then the declaration's title, chapeau and numbered paragraphs
_ADOPTING_VERBS = {"en": ["Adopts", "Approves", "Endorses", "Proclaims", "Welcomes and adopts"],
                   "fr": ["Adopte", "Approuve", "Fait sienne", "Proclame"],
                   "es": ["Aprueba", "Hace suya", "Proclama", "Adopta"],
                   "ru": ["Принимает", "Утверждает", "Одобряет", "Провозглашает"],
                   "ar": ["تعتمد", "تقر", "تؤيد", "تعلن"], "zh": ["通过", "核准", "赞同", "宣布"]}
_FOLLOWING = {"en": ["following", "as follows"], "fr": ["suivante?s?", "ci-après", "comme suit"],
              "es": ["siguientes?", "como sigue"], "ru": [r"следующ\w*"],
              "ar": ["التالية?", "الوارد أدناه"], "zh": ["如下", "以下"]}
_ADOPTED_TEXTS = {"en": ["declaration", "programme", "plan", "principles", "guidelines", "rules", "statute",
                         "charter", "agenda", "strategy", "code", "framework", "outcome", "document", "text",
                         "commitments", "compact", "pact", "resolution", "modalities", "terms of reference"],
                  "fr": ["déclaration", "programme", "plan", "principes", "directives", "règles", "statut",
                         "charte", "stratégie", "code", "cadre", "document", "texte", "engagements", "pacte"],
                  "es": ["declaración", "programa", "plan", "principios", "directrices", "normas", "estatuto",
                         "carta", "estrategia", "código", "marco", "documento", "texto", "compromisos", "pacto"],
                  "ru": ["декларац", "программ", "план", "принцип", "руководящ", "правил", "устав", "хартию",
                         "стратеги", "кодекс", "рамк", "документ", "текст", "обязательств", "пакт"],
                  "ar": ["الإعلان", "برنامج", "خطة", "المبادئ", "المبادئ التوجيهية", "القواعد", "النظام",
                         "الميثاق", "الاستراتيجية", "المدونة", "الإطار", "الوثيقة", "النص", "الالتزامات"],
                  "zh": ["宣言", "纲领", "计划", "原则", "准则", "规则", "规约", "宪章", "战略", "守则", "框架", "文件",
                         "案文", "承诺", "契约"]}
ADOPTS_FOLLOWING = lazy_pattern(
    rf"^(?:{_alt(_all(_ADOPTING_VERBS))})[^:：.;。；]{{0,200}}?(?:"
    rf"(?:{_alt(_all(_FOLLOWING))})[^:：.;。；]{{0,80}}?(?:{_alt(_all(_ADOPTED_TEXTS))})|"
    rf"(?:{_alt(_all(_ADOPTED_TEXTS))})[^:：.;。；]{{0,120}}?(?:{_alt(_all(_FOLLOWING))}))"
    rf"[^:：.;。；]{{0,120}}[:：]\s*[¹²³⁴⁵⁶⁷⁸⁹⁰]*\d{{0,2}}/?$", re.IGNORECASE)

# An annex heading after the closing: "Annex", "ANNEX II", "附件一"
ANNEX_WORD = {"en": "Annex", "fr": "Annexe", "es": "Anexo", "ru": "Приложение", "ar": "المرفق", "zh": "附件"}
ANNEX_HEADING = lazy_pattern(rf"^(?:{_alt(f for w in ANNEX_WORD.values() for f in (w, w.upper()))})"
                             r"(?:\s+([IVXLC]{1,6}|\d{1,2}|[一二三四五六七八九十]{1,3}))?$")

# The plenary meeting of the closing: "37th plenary meeting", "第 37 次全体会议", "الجلسة العامة 37"
PLENARY_MEETING = {"en": "plenary meeting", "fr": "séance plénière", "es": "sesión plenaria",
                   "ru": "пленарное заседание"}
_MEETING = (rf"(?:第\s*(\d+)\s*次全体会议|(\d+)(?:{_alt(_all(ORDINAL_SUFFIXES))})?\s*"
            rf"(?:{_alt(_spaces_may_go(PLENARY_MEETING.values()))})|الجلسة العامة\s*(\d+))")
MEETING_LINE = lazy_pattern(rf"^{_MEETING}$", re.IGNORECASE)
# The meeting and the date run onto one line ("26th plenary meeting 26 October 2018")
MEETING_AND_DATE = lazy_pattern(rf"^{_MEETING}[\s,.;]+\S.{{4,40}}$", re.IGNORECASE)

# A page number as a running foot: "Page 3", "Página 3"
PAGE_WORD = {"en": "Page", "fr": "Page", "es": "Página"}
PAGE = _alt(rf"{w}\s*\d{{1,3}}" for w in PAGE_WORD.values())


# --- the words that open a preambular paragraph ----------------------------------------------------
# Participles, adjectives and adverbs; each language's own forms, and its common openers by name.
_OPENERS = {
    "en": {"mindful", "aware", "conscious", "cognizant", "desirous", "further", "also", "keenly", "fully",
           "deeply", "gravely", "seriously", "firmly", "strongly", "profoundly", "sincerely"},
    "es": {"consciente", "conscientes", "profundamente", "gravemente", "seriamente", "firmemente",
           "plenamente", "deseosa", "resuelta", "convencida", "preocupada", "decidida", "alarmada"},
    "fr": {"consciente", "convaincue", "résolue", "soucieuse", "profondément", "gravement", "vivement",
           "sérieusement", "sachant", "inquiète", "désireuse", "pleinement", "fermement"},
    "ru": {"вновь", "глубоко", "серьезно", "будучи", "особо", "далее", "также", "сознавая"},
}
# "Recalling", "Recordando", "Teniendo", "Rappelant", "Ссылаясь": a paragraph opens with one
_PRESENT_PARTICIPLE = {"en": ["ing"], "es": ["ando", "iendo", "endo"], "fr": ["ant"], "ru": ["я"]}
# "Convinced that", "Convencida de", "Convaincue que", "Признав": one, unless a capital word follows
_PAST_PARTICIPLE = {"en": ["ed"], "es": ["ado", "ada", "ido", "ida"], "fr": ["ée", "é", "és", "ées"],
                    "ru": ["в", "вшись"]}
# "Deeply concerned", "Profundamente preocupada", "Profondément préoccupée": one before a lower-case word
_ADVERB = {"en": ["ly"], "es": ["mente"], "fr": ["ment"]}
_AR_OPENER = lazy_pattern(r"^و?إذ\s")  # "وإذ تشير"
# The chapeau of an adopted declaration: "We, the Heads of State and Government, …"
_CHAPEAU = lazy_pattern(r"^(?:(?:We|Nous|Nosotros|Nosotras|Мы|نحن)\s*[,،]|我们\s*[，,])")
_NOT_OPENERS = {"united", "limited", "beijing", "nanjing", "kunming", "wellington", "reading", "sterling",
                "king", "spring", "ring", "wing", "bing", "red", "bed", "shed", "ted", "fred", "ed", "ing",
                "thing", "nothing", "something", "anything", "everything", "during", "including", "being",
                "according", "concerning", "regarding", "following", "pending", "bring", "evening", "morning"}
_OPENER_WORD = lazy_pattern(r"([^\W\d_])([^\W\d_]*)")


def opens_chapeau(line: str) -> bool:
    """True for the chapeau of an adopted declaration ("We, the Heads of State …"): it opens a paragraph
    wherever it stands, even after a title that ends with no punctuation."""
    return bool(_CHAPEAU.match(line.lstrip()))


def opens_preamble(line: str) -> bool:
    """True when a line opens as a preambular paragraph does: 'Recalling', 'Deeply concerned',
    'Teniendo presente', 'Rappelant', 'Ссылаясь', 'وإذ تشير'."""
    s = line.lstrip("<>ib/ ")
    if _AR_OPENER.match(s) or _CHAPEAU.match(s):
        return True
    m = _OPENER_WORD.match(s)
    if not m or not m.group(1).isupper() or not (m.group(2).islower() or not m.group(2)):
        return False
    word = m.group(0).lower()
    if word in _NOT_OPENERS or len(word) < 4:
        return False
    rest = s[m.end():]
    nxt = re.match(r"\s*([^\W\d_]+)", rest)
    if any(word in words for words in _OPENERS.values()):
        return True
    if word.endswith(tuple(_all(_PRESENT_PARTICIPLE))):
        return True
    if word.endswith(tuple(_all(_PAST_PARTICIPLE))):
        return not nxt or nxt.group(1)[:1].islower()  # "Convinced that", not "United Nations"
    if word.endswith(tuple(_all(_ADVERB))) and nxt:  # "Deeply concerned", "Profundamente preocupada"
        return nxt.group(1).islower()
    return False


# --- hyphens ---------------------------------------------------------------------------------------
# The hyphen-minus, U+2010 HYPHEN and U+2011 NON-BREAKING HYPHEN are one hyphen for the diff and the checks;
# a soft hyphen (U+00AD) only says where a word may break, and is no character of the text.
# A line-end hyphen after one of these words is the compound's own hyphen, not a word broken at the line
# end: "post-" + "conflict", "seventy-" + "fifth", "quarante-" + "neuvième", "soixante-" + "quinze"
COMPOUND_FIRST_WORDS = {
    "en": {"post", "pre", "non", "anti", "co", "self", "well", "cross", "multi", "inter", "sub", "re", "ex", "semi",
           "quasi", "long", "short", "full", "high", "low", "mid", "war", "peace", "military", "gender", "age",
           "country", "state", "cluster", "munition", "follow", "twenty", "thirty", "forty", "fifty", "sixty",
           "seventy", "eighty", "ninety"},
    "fr": {"vingt", "trente", "quarante", "cinquante", "soixante", "quatre", "dix", "non", "post", "anti", "sous",
           "demi", "mi", "ex", "co", "auto", "extra", "contre", "avant", "après", "porte", "grand", "chef", "état",
           "États", "bien", "arc", "rond", "sud", "nord", "est", "ouest", "centre", "outre", "vice", "ci",
           "celle", "celui", "ceux", "elle", "lui", "eux", "là", "à", "peut", "dis", "vis"},
    "es": {"ex", "anti", "pos", "post", "pre", "vice", "sur", "norte", "centro", "franco", "hispano"},
    "ru": {"северо", "юго", "военно", "научно", "социально", "экономически", "финансово", "торгово", "по"},
}
# A line-end hyphen before one of these words is suspended: "gender-" + "and age-sensitive"
SUSPENDING_WORDS = {"en": {"and", "or", "to", "nor"}, "fr": {"et", "ou"}, "es": {"y", "o"}, "ru": {"и", "или"}}


@cache
def hyphenated_numerals(lang: str | None) -> dict[str, str]:
    """Numerals a language writes with a hyphen, keyed by the form an extractor that dropped the hyphen
    at a line end gives: "twentyfirst" -> "twenty-first", "quaranteneuvième" -> "quarante-neuvième"."""
    out: dict[str, str] = {}
    if lang in (None, "en"):
        units = [w for w, v in {**_EN_CARDINALS, **_EN_UNITS}.items() if v < 10]
        out |= {t + u: f"{t}-{u}" for t in _EN_TENS for u in units}
    if lang in (None, "fr"):
        units = ["un", "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf", "onze", "douze", "treize",
                 "quatorze", "quinze", "seize", *[w for w, v in _FR_ORD.items() if v < 20 and "-" not in w]]
        tens = [t for t in _FR_CARD if "-" not in t]
        out |= {t + u: f"{t}-{u}" for t in tens for u in units}
    return out


@cache
def compound_first_words(lang: str | None) -> frozenset[str]:
    """The words after which a line-end hyphen is kept, for a language (every language's where unknown)."""
    tables = [COMPOUND_FIRST_WORDS[lang]] if lang in COMPOUND_FIRST_WORDS else list(COMPOUND_FIRST_WORDS.values())
    return frozenset(w.lower() for t in tables for w in t)


@cache
def suspending_words(lang: str | None) -> frozenset[str]:
    """The words before which a line-end hyphen is suspended, for a language (every language's where unknown)."""
    tables = [SUSPENDING_WORDS[lang]] if lang in SUSPENDING_WORDS else list(SUSPENDING_WORDS.values())
    return frozenset(w for t in tables for w in t)


# --- small words -----------------------------------------------------------------------------------

# "and" ending a line of a list that goes on: a draft's sponsors "Albania, Andorra, … and"
LIST_AND = {"en": "and", "es": "y", "fr": "et"}

# Words after which a number is content, never a footnote marker: "article 4", "paragraphs 3 and 4"
NUMBERING_WORDS = {
    "en": ["article", "articles", "paragraph", "paragraphs", "para", "paras", "resolution", "resolutions",
           "decision", "decisions", "chapter", "section", "annex", "item", "items", "rule", "rules", "principle",
           "goal", "goals", "target", "targets", "protocol", "no", "vol", "page", "pages", "part", "add", "rev",
           "corr", "and", "or", "to", "of", "from", "on", "in", "at", "by", "than", "the", "some", "all", "about",
           "over", "under", "with", "for", "between", "among", "nearly", "almost", "least", "most", "table",
           "figure", "recommendation", "recommendations", "level", "phase", "step", "stage", "session",
           "meeting"],
    "es": ["artículo", "párrafo", "párrafos", "resolución", "resoluciones", "decisión", "capítulo", "sección",
           "anexo", "tema", "y", "de", "del", "el", "la", "los", "las", "en", "a", "con", "por", "entre"],
    "fr": ["paragraphe", "paragraphes", "résolution", "résolutions", "chapitre", "annexe", "point", "et", "des",
           "le", "les", "du", "au", "aux", "sur"],
    "ru": ["пункт", "пункты", "резолюция", "резолюции", "и"],
}
# Abbreviations a number follows as content: "No. 3", "vol. 2", "para. 5"; the first three glued too
NUMBERING_ABBREVIATIONS = ["No", "vol", "para", "p", "pp", "art"]
GLUED_ABBREVIATIONS = ["No", "vol", "para"]
# Chinese: the ordinal prefix; a number after it is content (第 7 条: article 7), never a marker
ZH_ORDINAL_PREFIX = "第"
# Chinese counters: a number followed by one of these is content (2020 年, 123 个, 第 7 条), never a marker
ZH_COUNTERS = set("年月日号號个個卷段条條次届屆名项項国國%％点點时時分秒岁歲周週倍亿億万萬千百十份页頁章节節款类類")  # noqa: E501
# Footnote markers in the text: never told from content in Chinese (no spaces between words), set in
# brackets in Arabic ("العنقودية(2)"); elsewhere a marker may stand glued to a word ("Action,1")
MARKERS_NOT_GLUED = {"zh", "ar"}
MARKERS_BRACKETED = {"ar"}

# List and clause punctuation: a list of ten addressees has ten commas in any language
LIST_PUNCTUATION = ",，、;；:：،؛"

# What joins a list of recalled resolutions, counts and dates: a routine update may change it freely
LIST_GLUE = {
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
# Number words a routine update may change, in every language
NUMBER_WORDS = {"en": [*_EN_CARDINALS, *_EN_TENS, "hundred", *_EN_UNITS, *_EN_TENTHS, "hundredth", "anniversary"]}


# === check: punctuation, spacing and votes as each language writes them (resdiff check) ===========
# What the `check` command's language rules read (check.py, `punctuation_findings`). Each convention is a
# table keyed by language; a rule applies to a target text in the languages its table names.

# The vote a resolution records, where its text gives one: in favour, against, abstentions
VOTE = {
    "en": r"recorded vote of\s+(\d+)\s+to\s+(\d+),?\s+with\s+(\d+)\s+abstentions?",
    "fr": r"par\s+(\d+)\s+voix\s+contre\s+(\d+),?\s+avec\s+(\d+)\s+abstentions?",
    "es": r"por\s+(\d+)\s+votos\s+contra\s+(\d+)\s+y\s+(\d+)\s+abstenciones",
    "ru": r"(\d+)\s+голос\w*\s+против\s+(\d+)\s+при\s+(\d+)\s+воздержавш\w*",
    "zh": r"以\s*(\d+)\s*票赞成、\s*(\d+)\s*票反对、\s*(\d+)\s*票弃权",
    "ar": r"بأغلبية\s+(\d+)\s+صوتا?\s+مقابل\s+(\d+)\s+وامتناع\s+(\d+)",
}
VOTE_PATTERNS = {lang: lazy_pattern(p, re.IGNORECASE) for lang, p in VOTE.items()}

# The agenda item as its number and letter, whatever words follow ("40 de l'ordre du jour", "103(ll)"); French,
# Spanish and Russian write the letter with a closing bracket only ("103 ll)")
AGENDA_NUMBER = lazy_pattern(r"(\d+)\s*(?:\(?\s*([a-z]{1,3})\s*\))?", re.IGNORECASE)

# French: a space (a no-break one in print) before ; : ! ? and inside « »; none is missing. Not inside a
# URL (https://), a time or a ratio (10:30), nor before a closing guillemet already spaced.
FR_SPACE_BEFORE = ";:!?"
FR_NO_SPACE = Holding(FR_SPACE_BEFORE, lazy_pattern(r"(?<=[^\W_])(?!(?<=\d):\d)([;:!?])(?!//)|(?<=[»)])([;:!?])"))
FR_GUILLEMETS = Holding("«»", lazy_pattern(r"«(?=[^\s\u00a0\u202f])|(?<=[^\s\u00a0\u202f])»"))

# Chinese: full-width punctuation next to ideographs (a half-width , ; : ? ! there is a slip; the
# half-width brackets of "(A/75/399，第 96 段)" are the official texts' own), and no space between two
# ideographs.
ZH_FULL_WIDTH = {",": "，", ";": "；", ":": "：", "?": "？", "!": "！"}
ZH_HALF_WIDTH = Holding(",;:?!", lazy_pattern(rf"(?<=[{IDEOGRAPHS}])\s*([,;:?!])|([,;:?!])\s*(?=[{IDEOGRAPHS}])"))
ZH_SPACED = lazy_pattern(rf"(?<=[{IDEOGRAPHS}])[ \u00a0\u3000]+(?=[{IDEOGRAPHS}])")

# Arabic: its own comma, semicolon and question mark next to Arabic letters
AR_OWN_MARKS = {",": "،", ";": "؛", "?": "؟"}
AR_LATIN_MARK = Holding(",;?", lazy_pattern(rf"(?<=[{ARABIC}])\s*([,;?])|([,;?])\s*(?=[{ARABIC}])"))

# Spanish: a question opens with ¿ and an exclamation with ¡, in the same sentence as its closing mark
ES_INVERTED = {"?": "¿", "!": "¡"}
ES_SENTENCE_END = ".;:\n"

# Every language: two spaces in a row inside a text; a word written twice ("the the"), but for the words
# some languages rightly double ("that that", "nous nous")
DOUBLE_SPACE = Holding(("  ",), lazy_pattern(r"(?<=\S)  +(?=\S)"))
# (the word and the spaces after it taken whole: a shorter run of letters, or of spaces, is never followed by
# the spaces, or the word, so what matches is the same, without giving a word back a letter at a time)
DOUBLED_WORD = lazy_pattern(r"(?<![\w-])([^\W\d_]{2,}+)\s++(\1)(?![\w-])", re.IGNORECASE)
DOUBLED_OK = {"en": {"that", "had"}, "fr": {"nous", "vous"}, "es": set(), "ru": set(), "ar": set()}

# Glossary terms: the prefixes a language glues to a word (Arabic: the article and the conjunctions), which
# a term found in a text may carry
TERM_PREFIX = {"ar": "(?:[وفبلك]?(?:ال|لل)?)"}
# Sentence ends: where one sentence of a paragraph stops (consistency is checked sentence by sentence), in
# the comparison form (NFKC: full-width ；！？ are ; ! ?); the wide ones need no space after them
SENTENCE_ENDS = ".;!?؛"
WIDE_SENTENCE_ENDS = "。"
# === end of check's section =========================================================================


# --- language tags (carry) ---------------------------------------------------------------------------
# A BCP 47 tag as the user gives it (zh-CN, es-419, zh-Hans-CN) is kept for the CAT formats; its primary
# language subtag chooses the conventions.
_BCP47 = lazy_pattern(r"[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*")


def language_tag(value: str) -> tuple[str, str]:
    """(the tag as given, the UN language its primary subtag names): 'zh-CN' -> ('zh-CN', 'zh')."""
    tag = value.strip()
    if not _BCP47.fullmatch(tag):
        raise ValueError(f"{value!r} is not a language tag (BCP 47: zh, zh-CN, es-419)")
    primary, _, rest = tag.partition("-")
    lang = check_language(primary)
    if primary.lower() != lang:  # "ch", the ODS spelling, is Chamorro in BCP 47: written as zh
        tag = lang + (f"-{rest}" if rest else "")
    return tag, lang


# --- sentence boundaries (carry's TMX by sentence) --------------------------------------------------
# Where a sentence (or a clause ended by a semicolon, which UN texts use between the parts of a paragraph
# in every language) ends: the punctuation, then what may close it (quotes, brackets). Latin and Cyrillic
# texts end a sentence only before a space and never after an abbreviation that a number or a name
# follows ("No. 3", "vol. 2515", "para. 96", "art. 4"), nor after a single capital (an initial).
_SENTENCE_END = {"zh": "。；！？", "ar": ".؛؟!;", "any": ".;!?"}
_SENTENCE_CLOSERS = "”’»)）」』》\"'"
_ABBREVIATIONS = {
    "en": ["No", "Nos", "no", "nos", "para", "paras", "vol", "vols", "art", "arts", "p", "pp", "Mr", "Mrs", "Ms",
           "Dr", "St", "e.g", "i.e", "etc", "Rev", "Add", "Corr", "cf", "Inc", "Ltd", "Co", "approx", "Vol", "Art"],
    "fr": ["no", "nos", "par", "art", "p", "vol", "M", "Mme", "MM", "Mlle", "Rev", "Add", "Corr", "cf", "etc"],
    "es": ["núm", "No", "párr", "párrs", "art", "arts", "vol", "pág", "págs", "Sr", "Sra", "Sres", "Rev", "Add",
           "Corr", "cf", "etc"],
    "ru": ["г", "гг", "п", "пп", "ст", "т", "см", "напр", "стр", "Rev", "Add", "Corr"],
}


def split_sentences(text: str, lang: str) -> list[str]:
    """The sentences of a paragraph as written (joined again they give the text back exactly): Chinese at
    。；！？, Arabic at . ؛ ؟ !, Latin and Cyrillic scripts at . ; ! ? before a space, abbreviations kept."""
    ends = _SENTENCE_END.get(lang, _SENTENCE_END["any"])
    abbreviations = set(_ABBREVIATIONS.get(lang, [])) | set(_ABBREVIATIONS["en"])
    out, start, i, n = [], 0, 0, len(text)
    while i < n:
        if text[i] not in ends:
            i += 1
            continue
        j = i + 1
        while j < n and text[j] in _SENTENCE_CLOSERS:
            j += 1
        if lang != "zh":
            if j < n and not text[j].isspace():
                i = j
                continue
            if text[i] == ".":
                word = re.search(r"([^\W\d_]+(?:\.[^\W\d_]+)*)$", text[start:i])
                if word and (word.group(1) in abbreviations or (len(word.group(1)) == 1 and word.group(1).isupper())):
                    i = j
                    continue
            while j < n and text[j].isspace():
                j += 1
        if j < n:
            out.append(text[start:j])
            start = j
        i = j
    if start < n:
        out.append(text[start:])
    return out


# --- writing dates and ordinals (carry's routine updates) --------------------------------------------
# The writing side of the conventions read above: a date or an ordinal written anew as the target wrote the
# old one. The ordinal words come from the reading tables (one table serves both directions); where a
# language makes an ordinal agree (French premier/première, Spanish gender and primer/tercer before a
# noun, Russian gender and case, Arabic gender and case), the form is read off the old ordinal as written
# (and, where that leaves two readings, off the noun that follows); where it still cannot be told, the
# writer says why and writes nothing.

# Arabic UN texts give both month names, "كانون الأول/ديسمبر" (the reading table above holds the second)
AR_MONTH_NAMES = ["كانون الثاني/يناير", "شباط/فبراير", "آذار/مارس", "نيسان/أبريل", "أيار/مايو", "حزيران/يونيه",
                  "تموز/يوليه", "آب/أغسطس", "أيلول/سبتمبر", "تشرين الأول/أكتوبر", "تشرين الثاني/نوفمبر",
                  "كانون الأول/ديسمبر"]
_ZH_DATE_SPACED = lazy_pattern(r"(\d{4})(\s*)年(\s*)(\d{1,2})(\s*)月(\s*)(\d{1,2})(\s*)日")


def write_date(surface: str, old: str, new: str, lang: str) -> str | None:
    """The new date (ISO) written as the target wrote the old one: day, month and year put in place,
    spacing and capitals kept; None where the surface is not a date this knows how to rewrite."""
    (y0, m0, d0), (y1, m1, d1) = (map(int, old.split("-")), map(int, new.split("-")))
    if lang == "zh":
        m = _ZH_DATE_SPACED.fullmatch(surface)
        if not m:
            return None
        g = m.groups()
        return f"{y1}{g[1]}年{g[2]}{m1}{g[4]}月{g[5]}{d1}{g[7]}日"
    out = re.sub(rf"(?<!\d){y0}(?!\d)", str(y1), surface, count=1)
    out = re.sub(rf"(?<!\d){d0}(?!\d)", str(d1), out, count=1)
    if m0 == m1:
        return out
    if lang == "ar":
        name = next((n for n in AR_MONTH_NAMES if n in out), None)
        return out.replace(name, AR_MONTH_NAMES[m1 - 1]) if name else None
    names = MONTHS.get(lang)
    word = next((w for w in re.findall(r"[^\W\d_]+", out) if _MONTH_INDEX.get(case_key(w)) == m0), None)
    if not names or word is None:
        return None
    rep = names[m1 - 1]
    return out.replace(word, rep.capitalize() if word[0].isupper() else rep, 1)


def _inverse(table: dict, pick=None) -> dict[int, str]:
    """value -> word of a reading table (the first word of each value, or the one `pick` accepts)."""
    out: dict[int, str] = {}
    for word, value in table.items():
        if value not in out and (pick is None or pick(word)):
            out[value] = word
    return out


_ZH_WRITE = "〇一二三四五六七八九"


def zh_number(n: int) -> str:
    """七十七, 十一, 一百零三 (as session and anniversary ordinals are written)."""
    if n < 10:
        return _ZH_WRITE[n]
    if n < 20:
        return "十" + (_ZH_WRITE[n % 10] if n % 10 else "")
    if n < 100:
        return _ZH_WRITE[n // 10] + "十" + (_ZH_WRITE[n % 10] if n % 10 else "")
    rest, head = n % 100, _ZH_WRITE[n // 100] + "百"
    if not rest:
        return head
    return head + ("零" + _ZH_WRITE[rest] if rest < 10 else ("一" + zh_number(rest) if rest < 20 else zh_number(rest)))


_EN_UNIT_WORDS = _inverse(_EN_UNITS)
_EN_TEN_WORDS = _inverse(_EN_TENS)
_EN_TENTH_WORDS = _inverse(_EN_TENTHS)


def en_ordinal_words(n: int) -> str | None:
    """seventy-sixth, twentieth, eleventh (1-99)."""
    if 0 < n < 20:
        return _EN_UNIT_WORDS[n]
    if 20 <= n < 100:
        return _EN_TENTH_WORDS[n] if n % 10 == 0 else f"{_EN_TEN_WORDS[n - n % 10]}-{_EN_UNIT_WORDS[n % 10]}"
    return None


# French: ordinals do not agree, but for premier/première; 70 and 90 count on from soixante and
# quatre-vingt (soixante-seizième, quatre-vingt-onzième); "et" joins 21 to 71 (vingt et unième, soixante et
# onzième), never 81 or 91
_FR_UNIT_WORDS = _inverse(_FR_ORD, lambda w: w not in ("premier", "première", "second", "seconde"))
_FR_TEN_WORDS = {v: w for w, v in _FR_CARD.items() if w != "quatre-vingts"}


def fr_ordinal_words(n: int) -> str | None:
    """soixante-seizième, vingt et unième, quatre-vingt-dixième (2-99; 1 agrees: premier, première)."""
    if n < 2 or n > 99:
        return None
    if n <= 16 or n in _FR_UNIT_WORDS:
        return _FR_UNIT_WORDS.get(n)
    tens, unit = (n // 10) * 10, n % 10
    if tens in (70, 90):  # soixante-dix-septième, quatre-vingt-onzième
        tens, unit = tens - 10, unit + 10
    head = _FR_TEN_WORDS[tens]
    if unit == 0:
        return ("quatre-vingt" if tens == 80 else head[:-1] if head.endswith("e") else head) + "ième"
    if unit in (1, 11) and tens != 80:
        return f"{head} et {_FR_UNIT_WORDS[unit]}"
    tail = _FR_UNIT_WORDS[unit] if unit <= 16 else f"dix-{_FR_UNIT_WORDS[unit - 10]}"
    return f"{head}-{tail}"


# Spanish: every word agrees in gender (septuagésimo quinto período, septuagésima quinta sesión); primer
# and tercer stand before a masculine noun (quincuagésimo primer período de sesiones)
_ES_TEN_STEMS = _inverse(_ES_TENS, lambda w: w != "decim")
_ES_UNIT_WORDS = _inverse(_ES_ORD, lambda w: w.endswith("o"))


def es_ordinal_words(n: int, feminine: bool, before_noun: bool) -> str | None:
    """septuagésimo sexto / septuagésima sexta, decimotercer(o), vigésimo primer (1-100)."""
    if not 0 < n <= 100:
        return None
    ending = "a" if feminine else "o"

    def unit(k: int) -> str:
        word = _ES_UNIT_WORDS[k]
        if feminine:
            return word[:-1] + "a"
        return word[:-1] if before_noun and k in (1, 3) else word

    if n <= 12:
        return unit(n)
    if n < 20:
        return "decimo" + unit(n - 10)  # decimotercero, decimotercera
    tens = _ES_TEN_STEMS[n - n % 10] + ending
    return tens if n % 10 == 0 else f"{tens} {unit(n % 10)}"


# Russian: the tens as a cardinal, the last word an ordinal that agrees in gender, number and case
# (семьдесят пятой сессии); the ending is read off the old ordinal: a hard stem's ending (пятый, пятой,
# пятого...), or a soft one's (третий, третьей, третьего...); -ой is a masculine nominative on a stressed
# stem (второй, шестой, седьмой, восьмой, сороковой) and a feminine oblique case on any hard stem
_RU_STEM_WORDS = _inverse(_RU_STEMS, lambda w: w != "четвёрт")
_RU_TEN_WORDS = _inverse(_RU_TENS)
_RU_STRESSED = {"втор", "шест", "седьм", "восьм", "сороков"}
_RU_SOFT = {"трет"}
# each hard ending with its soft counterpart
_RU_HARD_SOFT = {"ый": "ий", "ого": "ьего", "ому": "ьему", "ым": "ьим", "ом": "ьем", "ая": "ья", "ую": "ью",
                 "ое": "ье", "ые": "ьи", "ых": "ьих", "ыми": "ьими"}
_RU_FEMININE_OBLIQUE = {"ой": "ьей"}
# nouns an ordinal agrees with in resolutions, by whether they are feminine
_RU_FEMININE_NOUNS = lazy_pattern(r"\s*(?:сесси|годовщин|специальн|чрезвычайн)", re.IGNORECASE)
_RU_MASCULINE_NOUNS = lazy_pattern(r"\s*(?:доклад|период|год|раунд)", re.IGNORECASE)


def ru_ordinal_words(n: int, ending: str, stem: str, after: str = "") -> tuple[str | None, str | None]:
    """(семьдесят шестой, None) for 76 where the old ordinal ended in `ending` on `stem`; (None, reason)
    where the form cannot be told."""
    if not 0 < n < 100 or n == 100:
        return None, f"no Russian ordinal for {n}"
    last = n if n < 20 or n % 10 == 0 else n % 10
    new_stem = _RU_STEM_WORDS.get(last)
    if new_stem is None:
        return None, f"no Russian ordinal for {n}"
    hard = {v: k for k, v in _RU_HARD_SOFT.items()} | {"ьей": "ой", "ий": "ый"}
    base = hard.get(ending, ending)  # the ending as a hard stem writes it
    if base == "ой":
        if stem in _RU_STRESSED:  # второй: masculine nominative, or a feminine oblique case?
            if _RU_FEMININE_NOUNS.match(after):
                slot = "f"
            elif _RU_MASCULINE_NOUNS.match(after):
                slot = "m"
            else:
                return None, f"the Russian ending -{ending} of the old ordinal is masculine or feminine"
        else:  # пятой: only a feminine oblique case (the masculine nominative is пятый)
            slot = "f"
        base = "ый" if slot == "m" else "ой"
    if base == "ый" and new_stem in _RU_STRESSED:
        end = "ой"
    elif new_stem in _RU_SOFT:
        end = _RU_FEMININE_OBLIQUE.get(base) or _RU_HARD_SOFT.get(base, base)
    else:
        end = base
    word = new_stem + end
    tens = "" if last == n else _RU_TEN_WORDS[n - last] + " "
    return tens + word, None


# Arabic: the unit agrees in gender with the noun (الدورة الخامسة والسبعين, the feminine with ة; the
# masculine without: الاجتماع الخامس والسبعين), the tens in case (والسبعين, والسبعون), 1 is الحادي/الحادية in
# a compound and الأول/الأولى alone, 11-19 are الحادي عشر / الحادية عشرة
_AR_MASCULINE_UNITS = _inverse(_AR_UNITS, lambda w: not w.endswith(("ة", "ى")) and w != "الحادي")
_AR_FEMININE_UNITS = _inverse(_AR_UNITS, lambda w: w.endswith(("ة", "ى")) and w != "الحادية")
_AR_TENS_BY_CASE = {"ين": _inverse(_AR_TENS, lambda w: w.endswith("ين")),
                    "ون": _inverse(_AR_TENS, lambda w: w.endswith("ون"))}


def ar_ordinal_words(n: int, feminine: bool | None, case: str | None) -> tuple[str | None, str | None]:
    """(الخامسة والسبعين, None) for 75, feminine, genitive; (None, reason) where gender or case cannot be
    told (the old ordinal a round ten, which has neither)."""
    if not 0 < n < 100:
        return None, f"no Arabic ordinal for {n}"
    unit, tens = n % 10, n - n % 10
    if unit and feminine is None:
        return None, "the gender of the Arabic ordinal cannot be told from the old one (a round ten)"
    if tens >= 20 and case is None:
        return None, "the case of the Arabic tens cannot be told from the old ordinal"
    if n < 10 or n == 10:
        return (_AR_FEMININE_UNITS if feminine else _AR_MASCULINE_UNITS)[n], None
    if n < 20:
        first = ("الحادية" if feminine else "الحادي") if unit == 1 else (
            _AR_FEMININE_UNITS if feminine else _AR_MASCULINE_UNITS)[unit]
        return f"{first} {'عشرة' if feminine else 'عشر'}", None
    ten = _AR_TENS_BY_CASE[case][tens]
    if not unit:
        return ten, None
    first = ("الحادية" if feminine else "الحادي") if unit == 1 else (
        _AR_FEMININE_UNITS if feminine else _AR_MASCULINE_UNITS)[unit]
    return f"{first} و{ten}", None


def write_ordinal(surface: str, old: int, new: int, lang: str, after: str = "") -> tuple[str | None, str | None]:
    """The ordinal `new` written where the target wrote `old` as `surface`, in the same form (capitals,
    gender, case); `after` is the text that follows it (the noun it may agree with). Returns (text, None),
    or (None, the reason it cannot be written with certainty)."""
    cannot = (None, f"cannot write the ordinal {new} in {lang} with certainty")
    low = surface.lower()
    if lang == "zh":
        a, b = zh_number(old), zh_number(new)
        return (surface.replace(a, b, 1), None) if a in surface else cannot
    if lang in ("en", "fr"):
        words = en_ordinal_words if lang == "en" else fr_ordinal_words
        a, b = words(old), words(new)
        if not a or not b or a not in low:
            return (None, "French premier/première agrees in gender: left to the translator") if (
                lang == "fr" and (new == 1 or old == 1)) else cannot
        k = low.index(a)
        return surface[:k] + (b[0].upper() + b[1:] if surface[k].isupper() else b) + surface[k + len(a):], None
    if lang == "es":
        words = low.split()
        if not words or not all(w[-1] in "oa" or w in ("primer", "tercer") or w.endswith(("primer", "tercer"))
                                for w in words):
            return cannot
        feminine = words[-1].endswith("a")
        if any(w.endswith("a") != feminine for w in words if w[-1] in "oa"):
            return cannot
        before_noun = bool(re.match(r"\s+[^\W\d_]", after))
        b = es_ordinal_words(new, feminine, before_noun)
        if b is None:
            return cannot
        return (b[0].upper() + b[1:] if surface[0].isupper() else b), None
    if lang == "ru":
        m = _ru_parts(surface)
        if m is None:
            return cannot
        stem, ending = m
        b, why = ru_ordinal_words(new, ending, stem, after)
        if b is None:
            return None, why
        return (b[0].upper() + b[1:] if surface[0].isupper() else b), None
    if lang == "ar":
        prefix = surface[0] if surface[:1] in "وبل" and surface[1:3] == "ال" else ""
        body = surface[len(prefix):].split()
        unit_word = next((w for w in body if w.lstrip("و") in _AR_UNITS), None)
        tens_word = next((w.lstrip("و") for w in body if w.lstrip("و") in _AR_TENS), None)
        feminine = None if unit_word is None else unit_word.lstrip("و").endswith(("ة", "ى"))
        if unit_word and len(body) > 1 and body[1] in ("عشر", "عشرة"):
            feminine = body[1] == "عشرة"
        case = None if tens_word is None else ("ين" if tens_word.endswith("ين") else "ون")
        if case is None and new >= 20:  # the old had no tens: the case shows only after ال… in the noun phrase
            return None, "the case of the Arabic tens cannot be told from the old ordinal"
        b, why = ar_ordinal_words(new, feminine, case)
        return (prefix + b, None) if b else (None, why)
    return cannot


def _ru_parts(surface: str) -> tuple[str, str] | None:
    """(stem, ending) of the last word of a Russian ordinal: 'семьдесят пятой' -> ('пят', 'ой')."""
    last = case_key(surface.split()[-1])
    for stem in sorted(_RU_STEMS, key=len, reverse=True):
        if last.startswith(stem) and last[len(stem):] in _RU_ENDINGS:
            return stem, last[len(stem):]
    return None


# --- punctuation, brackets and quotes as the scripts write them --------------------------------------
# Chinese texts write full-width forms of the ASCII marks (，；：．（）［］) and marks of their own (the
# ideographic full stop and enumeration comma 。、, the title marks 《》, the corner brackets 「」『』, the
# lenticular and tortoise-shell brackets 【】〔〕); Arabic writes its own comma and semicolon (، ؛). A set
# of marks is a string, read with `in`; those that go inside a character class hold no ], ^, - or backslash

# A full stop: Latin, ideographic, full-width
FULL_STOPS = ".。．"
# The point after an operative paragraph's number ("1.") and a title's symbol ("75/62."): ASCII or full-width
NUMBER_POINTS = ".．"
COLONS = ":："
# Round brackets around a sub-paragraph's letter ("(a)"), ASCII or full-width
ROUND_OPENERS, ROUND_CLOSERS = "(（", ")）"
# The square bracket that opens a report's line in a masthead ("[on the report of …]")
SQUARE_OPENERS = "[［"
# Brackets around an enumeration or a code ("(1)", "【1】"): a number inside is never a footnote marker
BRACKET_OPENERS, BRACKET_CLOSERS = "([（【〔", ")]）】〕"
# The marks a clause or a paragraph ends with: comma, semicolon, full stop, colon (each width, ideographic)
CLAUSE_ENDS = "，,；;。.：:"
# The marks that separate the items of a list: the enumeration comma, the comma and the semicolon
LIST_SEPARATORS = "、，,；;"
# The words that join an added item or clause to what comes before: an inserted or deleted run of a diff reads
# best opening with one, as a reviser would cut it
JOINING_WORDS = {"zh": ["和", "及", "或", "与", "并", "以及"], "en": ["and", "or", "as", "including"]}
# After these a footnote marker may follow a space (a PDF's extraction spaces a superscript after Chinese
# punctuation): closing title marks, corner brackets and quotes, the closing round bracket, the enumeration
# comma, the semicolon and the colon
MARKER_SPACED_AFTER = "》」』”），、；："

# Clauses (tokenize): each opening quote or bracket with its closer (no clause ends inside them); the stops a
# clause ends after: the wide ones always (the enumeration comma, which joins the items of a list, never),
# the narrow ones before a space, an ideograph or the end, and never after an abbreviation
PAIRED_MARKS = {"《": "》", "“": "”", "「": "」", "『": "』", "‘": "’", "(": ")", "（": "）", "«": "»"}
CLAUSE_STOPS_WIDE = "，；：。"
CLAUSE_STOPS_NARROW = ",;:.،؛"
CLAUSE_ABBREVIATIONS = {
    "en": ["para", "paras", "vol", "vols", "No", "Nos", "no", "art", "Art", "arts", "p", "pp", "chap", "sect", "Add",
           "Corr", "Rev", "Suppl", "e.g", "i.e", "etc", "Mr", "Ms", "Mrs", "Dr", "St", "al", "cf", "resp", "approx",
           "Inc", "Ltd", "ibid", "Ibid", "op", "cit"],
    "es": ["párr", "núm", "art"],
    "fr": ["n°"],
    "ru": ["п", "ст", "см"],
}

# Where a line of a terminal may not break (Chinese line-breaking rules, and the ASCII marks alike): before a
# closing mark or a stop, after an opening mark
NO_LINE_START = "，。、；：？！）》」』”’,.;:?!)]}%"
NO_LINE_END = "（《「『“‘([{"
# A title or a quotation set off by title marks, corner brackets or quotes: an excerpt is never cut inside one
QUOTED_TITLE = r"《[^《》]*》|“[^“”]*”|「[^「」]*」|『[^『』]*』|\"[^\"\n]*\""

# Editorial corrections (routine): every hyphen and dash, the soft hyphen included (dropped with the spaces:
# "co-operation" = "cooperation", "2019–2020" = "2019-2020"), and each form of a quote, an apostrophe, a full
# stop and an enumeration comma, as the one it stands for (' -> ’, "…" -> “…”, « … » or corner brackets, the
# ideographic full stop -> the full-width one)
DASHES = "-\u00ad\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d"
EDITORIAL_FORMS = {**dict.fromkeys("'\u2018\u2019\u201a\u201b\u2032\u02bc\uff07", "'"),
                   **dict.fromkeys('"\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb\u300c\u300d\u300e\u300f\uff02', '"'),
                   "\u3002": ".", "\uff61": ".", "\u3001": ",", "\uff64": ","}

# An ordinal as two languages write it, for a message that shows what an ordinal is
ORDINAL_EXAMPLE = {"en": "seventy-sixth", "zh": "第七十六届"}
