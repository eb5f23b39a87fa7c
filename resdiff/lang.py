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
from collections.abc import Callable
from dataclasses import dataclass

from .model import LANGUAGES
from .notation import (  # noqa: F401 (the symbol grammar and the scripts, read through the language home)
    ARABIC,
    CJK_UNIFIED,
    CYRILLIC,
    HAN_SPAN,
    IDEOGRAPHS,
    JOB_NUMBER,
    LOOSE_SYMBOL,
    NUMBER_PATH,
    REPORT_SYMBOL,
    RES_SESSION,
    RES_SYMBOL,
    ROUTINE_SYMBOL,
    SHORT_SYMBOL,
    SYMBOL_TOKEN,
    TITLE_NUMBER,
    UN_SYMBOL,
    is_ideograph,
    lazy_pattern,
)


def _alt(words) -> str:
    """An alternation of words in the order given (duplicates once)."""
    return "|".join(dict.fromkeys(words))


def _longest_first(words) -> str:
    """An alternation that tries the longer of two words sharing a beginning first."""
    return "|".join(sorted(words, key=len, reverse=True))


def _all(table: dict) -> list[str]:
    """Every entry of a table of word lists, language after language."""
    return [w for words in table.values() for w in words]


# --- languages and scripts -------------------------------------------------------------------------

# The letter in a job number ("20-16878 (C)") names the language of the text.
JOB_LETTERS = {"A": "ar", "C": "zh", "E": "en", "F": "fr", "R": "ru", "S": "es"}

# The script each language is told by (the first wins a tie); Latin-script languages by their words.
_SCRIPTS = {"zh": CJK_UNIFIED, "ar": ARABIC, "ru": CYRILLIC, "latin": "A-Za-zÀ-ÿ"}
_STOPWORDS = {
    "en": {"the", "of", "and", "to", "in", "its", "on", "for", "with", "by", "that", "all"},
    "fr": {"le", "la", "les", "des", "et", "du", "en", "à", "sur", "pour", "dans", "que", "aux"},
    "es": {"el", "la", "los", "las", "y", "del", "en", "que", "para", "con", "por", "su", "sus"},
}


def detect_language(text: str) -> str | None:
    """Tell the six UN languages apart by script, then by frequent words for Latin script."""
    sample = text[:20000]
    counts = {lang: len(re.findall(f"[{chars}]", sample)) for lang, chars in _SCRIPTS.items()}
    script = max(counts, key=lambda k: counts[k])
    if counts[script] == 0:
        return None
    # The Chinese masthead and distribution date are in English: ideographs win once present in bulk.
    if counts["zh"] >= 50:
        return "zh"
    if script != "latin":
        return script
    words = re.findall(r"[a-zà-ÿ]+", sample.lower())
    scores = {lang: sum(w in stop for w in words) for lang, stop in _STOPWORDS.items()}
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
SUPERSCRIPTS = "⁰¹²³⁴⁵⁶⁷⁸⁹"
TO_SUPERSCRIPT = str.maketrans("0123456789", SUPERSCRIPTS)
FROM_SUPERSCRIPT = str.maketrans(SUPERSCRIPTS, "0123456789")
_FULL_WIDTH = 0xFEE0  # "７" is "7" moved by this much


def digit_forms(digit: str) -> str:
    """'7' -> '7７': an ASCII digit and its full-width form (Chinese texts write either)."""
    return digit + chr(ord(digit) + _FULL_WIDTH)


# Numbers as each language writes them: 1,383,000.5 (English, Chinese); 1.383.000,5 or 1 383 000,5
# (Spanish, French, Russian, Arabic). All read as the same value.
DECIMAL_COMMA = {"es", "fr", "ru", "ar"}
NUMBER = lazy_pattern(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?(?![\d,])|\d+(?:\.\d+)?")
NUMBER_COMMA = lazy_pattern(r"(?<!\d)\d{1,3}(?:[.\u00a0\u202f ]\d{3})+(?:,\d+)?(?![\d])|\d+(?:,\d+)?")
ZH_MYRIAD = lazy_pattern(rf"(\d+(?:\.\d+)?)\s*({'|'.join(ZH_MYRIADS)})")

_ROMAN_VALUES = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}
# The words a Roman numeral follows: "section IV", "annexe II", "anexo I", "раздел III"
_ROMAN_AFTER = {
    "en": ["section", "annex", "part", "chapter"],
    "fr": ["annexe", "partie"],
    "es": ["anexo", "sección"],
    "ru": ["раздел", "приложение"],
}
ROMAN = lazy_pattern(rf"\b(?:{_alt(_all(_ROMAN_AFTER))})\s+([IVXLC]+)\b", re.IGNORECASE)


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
# The letters after a number that make it an ordinal: 37th, 37e, 37ª, 37-е
ORDINAL_SUFFIXES = {"en": ["st", "nd", "rd", "th"], "fr": ["e"], "es": ["ª", "a"], "ru": ["-?е", "-?я"]}
EN_ORDINAL = lazy_pattern(rf"\b((?:{_alt(_EN_TENS)})[-\u2010\u2011])?({_alt([*_EN_UNITS, *_EN_TENTHS])})\b",
                          re.IGNORECASE)


def en_ordinal(text: str) -> int | None:
    """Value of an English ordinal word: 'seventy-fifth' -> 75, '37th' -> 37."""
    t = text.lower().strip()
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
           "soixantième": 60, "centième": 100}
_FR_CARD = {"dix": 10, "vingt": 20, "trente": 30, "quarante": 40, "cinquante": 50, "soixante": 60,
            "quatre-vingt": 80, "quatre-vingts": 80}
FR_ORDINAL = lazy_pattern(
    rf"(?<![\w-])((?:(?:{_longest_first(_FR_CARD)})(?:[-\u2010\u2011]| et ))*)({_longest_first(_FR_ORD)})(?![\w-])",
    re.IGNORECASE)


def fr_ordinal(prefix: str, last: str) -> int:
    """soixante-seizième = 60 + 16, quatre-vingt-dix-neuvième = 80 + 10 + 9, vingt et unième = 21."""
    value = _FR_ORD[last.lower()]
    rest = re.sub("[\u2010\u2011]", "-", prefix.lower()).replace(" et ", "-").replace("quatre-vingts", "quatre-vingt")
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
    return (_ES_TENS[tens.lower()] if tens else 0) + (_ES_ORD[unit.lower()] if unit else 0)


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
    return (_RU_TENS[tens.lower()] if tens else 0) + _RU_STEMS[stem.lower()]


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


@dataclass(frozen=True)
class OrdinalWords:
    """How one language writes ordinals in running text: the pattern, its reader (a match -> a number, or
    None), and what must be set aside first because it only looks like one (Arabic month names)."""

    pattern: lazy_pattern
    read: Callable[[re.Match], int | None]
    not_ordinals: lazy_pattern | None = None


ORDINALS = {
    "zh": OrdinalWords(ZH_ORDINAL, lambda m: zh_numeral(next(g for g in m.groups() if g))),
    "en": OrdinalWords(EN_ORDINAL, lambda m: en_ordinal((m.group(1) or "") + m.group(2))),
    "fr": OrdinalWords(FR_ORDINAL, lambda m: fr_ordinal(m.group(1), m.group(2))),
    "es": OrdinalWords(ES_ORDINAL, lambda m: es_ordinal(*m.groups())),
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
# The first of the month: "1er mars", "1º de marzo" (NFKC makes º an o)
_FIRST_OF_MONTH = {"fr": ["er"], "es": ["º", "o", r"\.º", r"\.o"]}

# One home for dates: the parser's metadata (find_date) and the translation checks (facts) read them
# with these patterns and validate them with iso_date, so the two never disagree.
_Y, _M, _D = r"(\d{4})", r"(\d{1,2})", r"(\d{1,2})"
_FIRST = rf"(?:{_alt(_all(_FIRST_OF_MONTH))})?"
_TO = rf"(?:{_alt(_all(_RANGE_TO) + _all(_RANGE_AND))})(?:\s+(?:{_alt(_all(_RANGE_ARTICLES))}))?"
_MONTH_WORD = rf"(?:de\s+)?(?:[^\d/\n]{{1,20}}/)?({_MONTH_ALT})"  # Arabic: "كانون الأول/ديسمبر"
DATE_ZH_RANGE = lazy_pattern(rf"{_Y}\s*年\s*{_M}\s*月\s*{_D}\s*日\s*至\s*(?:(?:{_Y}\s*年\s*)?{_M}\s*月\s*)?{_D}\s*日")
DATE_ZH = re.compile(rf"{_Y}\s*年\s*{_M}\s*月\s*{_D}\s*日")
DATE_WORDS_RANGE = lazy_pattern(rf"(?<!\d){_D}{_FIRST}\s*(?:{_MONTH_WORD}\s+)?{_TO}\s+{_D}{_FIRST}\s+{_MONTH_WORD}"
                                rf"\s+(?:de\s+)?{_Y}", re.IGNORECASE)
DATE_WORDS = re.compile(rf"(?<!\d){_D}{_FIRST}\s+{_MONTH_WORD}\s+(?:de\s+)?{_Y}", re.IGNORECASE)
DATE_EN_US = re.compile(rf"({_MONTH_ALT})\s+{_D},\s+{_Y}", re.IGNORECASE)


def month_number(name: str) -> int:
    return _MONTH_INDEX[name.lower()]


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
_ZH_DAY = (DATE_ZH, lambda m: iso_date(m.group(1), m.group(2), m.group(3)))  # 2020 年 12 月 7 日
_WORDS_DAY = (DATE_WORDS, lambda m: iso_date(m.group(3), month_number(m.group(2)), m.group(1)))  # 7 December 2020
_US_DAY = (DATE_EN_US, lambda m: iso_date(m.group(3), month_number(m.group(1)), m.group(2)))  # December 7, 2020
DAYS = (_ZH_DAY, _WORDS_DAY, _US_DAY)  # single days
# days and ranges of days, a script's ranges before its single days (what a range holds is read once)
DATES = ((DATE_ZH_RANGE, _zh_range), _ZH_DAY, (DATE_WORDS_RANGE, _words_range), _WORDS_DAY, _US_DAY)


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
OPENING = re.compile(
    rf"^(?:<[ib]>)?(?:(?:{_alt(v for k, v in THE_ASSEMBLY.items() if k in _NAMED_IN_MASTHEAD)})(?:</[ib]>)?\s*"
    rf"[，,،]|(?:{_alt(v for k, v in THE_ASSEMBLY.items() if k not in _NAMED_IN_MASTHEAD)})(?:</[ib]>)?\s*,?)$"
)
ADOPTED_BY_THE_ASSEMBLY = {"en": "Resolution adopted by the General Assembly",
                           "fr": "Résolution adoptée par l.Assemblée générale",
                           "es": "Resoluci[óo]n aprobada por la Asamblea General",
                           "ru": "Резолюция,? принятая Генеральной Ассамблеей",
                           "ar": "قرار اتخذته الجمعية العامة", "zh": "大会决议"}
ADOPTION = re.compile(_alt(ADOPTED_BY_THE_ASSEMBLY.values()), re.IGNORECASE)
DRAFT_RESOLUTION = {"en": "draft resolution", "fr": "projet de résolution", "es": "proyecto de resolución",
                    "ru": "проект резолюции", "ar": "مشروع قرار", "zh": "决议草案"}
DRAFT = re.compile(rf"(?:{_alt(DRAFT_RESOLUTION.values())})\s*$", re.IGNORECASE)
DISTRIBUTION = re.compile(r"^(?:Distr\.?:?\s*\w+|Distr\.)", re.IGNORECASE)  # "Distr.: General", every language

# The session line: where the parser reads its number (a Chinese numeral, an English ordinal), the group
# of that name holds it; elsewhere the words that make a line the session's, and the (emergency) special
# session, whose number the parser does not read, at the start of a line
_SESSION_NUMBERED = {"zh": (rf"第(?P<zh>[{ZH_NUMERAL}]+)届会议", zh_numeral),
                     "en": (r"(?P<en>[\w-]+)\s+session", en_ordinal)}
_SESSION_WORDS = {"es": "período de sesiones", "ru": "сессия", "ar": "الدورة"}
_SPECIAL_SESSION = {"en": [r"\w+ emergency special session", r"\w+ special session"]}
SESSION = re.compile(rf"^(?:{_alt(p for p, _ in _SESSION_NUMBERED.values())}|"
                     rf".*(?:{_alt(_SESSION_WORDS.values())}).*|(?:{_alt(_all(_SPECIAL_SESSION))}).*)$", re.IGNORECASE)


def session_number(m: re.Match) -> int | None:
    """The number of a SESSION line, where the parser reads it."""
    for lang, (_, read) in _SESSION_NUMBERED.items():
        if m.group(lang):
            return read(m.group(lang))
    return None


AGENDA_ITEM = {"zh": "议程项目", "en": "Agenda item", "fr": "Point", "es": "Tema", "ru": "Пункт(?: повестки дня)?",
               "ar": "البند"}
AGENDA = re.compile(rf"^(?:{_alt(AGENDA_ITEM.values())})\s*(?P<item>\S.*)$", re.IGNORECASE)
# The agenda item run onto the session's line ("Seventy-third session Agenda item 30"): only the words that
# cannot open a session line (never the French "Point", a common word)
AGENDA_WITHIN = re.compile(r"(?:Agenda item|Tema|Пункт повестки дня|议程项目)\s*\d")
# The paragraph of a committee report a resolution comes from: "(A/75/399, para. 96)", "第 96 段"
_PARAGRAPH_ABBREVIATION = {"en": "para", "es": "párr", "fr": "par", "ru": "пункт", "ar": "الفقرة"}
REPORT_PARAGRAPH = re.compile(rf"第\s*(\d+)\s*段|(?:{_alt(_PARAGRAPH_ABBREVIATION.values())})\.?\s*(\d+)",
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
ADOPTS_FOLLOWING = re.compile(
    rf"^(?:{_alt(_all(_ADOPTING_VERBS))})[^:：.;。；]{{0,200}}?(?:"
    rf"(?:{_alt(_all(_FOLLOWING))})[^:：.;。；]{{0,80}}?(?:{_alt(_all(_ADOPTED_TEXTS))})|"
    rf"(?:{_alt(_all(_ADOPTED_TEXTS))})[^:：.;。；]{{0,120}}?(?:{_alt(_all(_FOLLOWING))}))"
    rf"[^:：.;。；]{{0,120}}[:：]\s*[¹²³⁴⁵⁶⁷⁸⁹⁰]*\d{{0,2}}/?$", re.IGNORECASE)

# An annex heading after the closing: "Annex", "ANNEX II", "附件一"
ANNEX_WORD = {"en": "Annex", "fr": "Annexe", "es": "Anexo", "ru": "Приложение", "ar": "المرفق", "zh": "附件"}
ANNEX_HEADING = re.compile(rf"^(?:{_alt(f for w in ANNEX_WORD.values() for f in (w, w.upper()))})"
                           r"(?:\s+([IVXLC]{1,6}|\d{1,2}|[一二三四五六七八九十]{1,3}))?$")

# The plenary meeting of the closing: "37th plenary meeting", "第 37 次全体会议", "الجلسة العامة 37"
PLENARY_MEETING = {"en": "plenary meeting", "fr": "séance plénière", "es": "sesión plenaria",
                   "ru": "пленарное заседание"}
MEETING_LINE = re.compile(
    rf"^(?:第\s*(\d+)\s*次全体会议|(\d+)(?:{_alt(_all(ORDINAL_SUFFIXES))})?\s*"
    rf"(?:{_alt(PLENARY_MEETING.values())})|"
    r"الجلسة العامة\s*(\d+))$",
    re.IGNORECASE,
)

# The meeting and the date run onto one line ("26th plenary meeting 26 October 2018")
MEETING_AND_DATE = re.compile(
    rf"^(?:(\d+)(?:{_alt(_all(ORDINAL_SUFFIXES))})?\s*(?:{_alt(PLENARY_MEETING.values())})|"
    r"第\s*(\d+)\s*次全体会议|الجلسة العامة\s*(\d+))[\s,.;]+\S.{4,40}$",
    re.IGNORECASE,
)

# A page number as a running foot: "Page 3", "Página 3"
PAGE_WORD = {"en": "Page", "fr": "Page", "es": "Página"}
PAGE = _alt(rf"{w}\s+\d{{1,3}}" for w in PAGE_WORD.values())


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
_AR_OPENER = re.compile(r"^و?إذ\s")  # "وإذ تشير"
_NOT_OPENERS = {"united", "limited", "beijing", "nanjing", "kunming", "wellington", "reading", "sterling",
                "king", "spring", "ring", "wing", "bing", "red", "bed", "shed", "ted", "fred", "ed", "ing",
                "thing", "nothing", "something", "anything", "everything", "during", "including", "being",
                "according", "concerning", "regarding", "following", "pending", "bring", "evening", "morning"}
_OPENER_WORD = re.compile(r"([^\W\d_])([^\W\d_]*)")


def opens_preamble(line: str) -> bool:
    """True when a line opens as a preambular paragraph does: 'Recalling', 'Deeply concerned',
    'Teniendo presente', 'Rappelant', 'Ссылаясь', 'وإذ تشير'."""
    s = line.lstrip("<>ib/ ")
    if _AR_OPENER.match(s):
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
HYPHEN_FORMS = "\u2010\u2011"
SOFT_HYPHEN = "\u00ad"
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
           "celle", "celui", "ceux", "elle", "lui", "eux", "là", "peut", "c'est", "dis", "vis"},
    "es": {"ex", "anti", "pos", "post", "pre", "vice", "sur", "norte", "centro", "franco", "hispano"},
    "ru": {"северо", "юго", "военно", "научно", "социально", "экономически", "финансово", "торгово", "по"},
}
# A line-end hyphen before one of these words is suspended: "gender-" + "and age-sensitive"
SUSPENDING_WORDS = {"en": {"and", "or", "to", "nor"}, "fr": {"et", "ou"}, "es": {"y", "o"}, "ru": {"и", "или"}}


def compound_first_words(lang: str | None) -> frozenset[str]:
    """The words after which a line-end hyphen is kept, for a language (every language's where unknown)."""
    tables = [COMPOUND_FIRST_WORDS[lang]] if lang in COMPOUND_FIRST_WORDS else list(COMPOUND_FIRST_WORDS.values())
    return frozenset(w.lower() for t in tables for w in t)


def suspending_words(lang: str | None) -> frozenset[str]:
    return frozenset(w for t in SUSPENDING_WORDS.values() for w in t)


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
FR_NO_SPACE = lazy_pattern(r"(?<=[^\W_])([;:!?])(?!//)|(?<=[»)])([;:!?])")
FR_GUILLEMETS = lazy_pattern(r"«(?=[^\s\u00a0\u202f])|(?<=[^\s\u00a0\u202f])»")

# Chinese: full-width punctuation next to ideographs (a half-width , ; : ? ! there is a slip; the
# half-width brackets of "(A/75/399，第 96 段)" are the official texts' own), and no space between two
# ideographs.
ZH_FULL_WIDTH = {",": "，", ";": "；", ":": "：", "?": "？", "!": "！"}
ZH_HALF_WIDTH = lazy_pattern(rf"(?<=[{IDEOGRAPHS}])\s*([,;:?!])|([,;:?!])\s*(?=[{IDEOGRAPHS}])")
ZH_SPACED = lazy_pattern(rf"(?<=[{IDEOGRAPHS}])[ \u00a0\u3000]+(?=[{IDEOGRAPHS}])")

# Arabic: its own comma, semicolon and question mark next to Arabic letters
AR_OWN_MARKS = {",": "،", ";": "؛", "?": "؟"}
AR_LATIN_MARK = lazy_pattern(rf"(?<=[{ARABIC}])\s*([,;?])|([,;?])\s*(?=[{ARABIC}])")

# Spanish: a question opens with ¿ and an exclamation with ¡, in the same sentence as its closing mark
ES_INVERTED = {"?": "¿", "!": "¡"}
ES_SENTENCE_END = ".;:\n"

# Every language: two spaces in a row inside a text; a word written twice ("the the"), but for the words
# some languages rightly double ("that that", "nous nous")
DOUBLE_SPACE = lazy_pattern(r"(?<=\S)  +(?=\S)")
DOUBLED_WORD = lazy_pattern(r"(?<![\w-])([^\W\d_]{2,})\s+(\1)(?![\w-])", re.IGNORECASE)
DOUBLED_OK = {"en": {"that", "had"}, "fr": {"nous", "vous"}, "es": set(), "ru": set(), "ar": set()}

# Glossary terms: the prefixes a language glues to a word (Arabic: the article and the conjunctions), which
# a term found in a text may carry
TERM_PREFIX = {"ar": "(?:[وفبلك]?(?:ال|لل)?)"}
# Sentence ends: where one sentence of a paragraph stops (consistency is checked sentence by sentence), in
# the comparison form (NFKC: full-width ；！？ are ; ! ?); the wide ones need no space after them
SENTENCE_ENDS = ".;!?؛"
WIDE_SENTENCE_ENDS = "。"
# === end of check's section =========================================================================
