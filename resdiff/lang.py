"""Language facts for the six UN languages: detection, numerals, dates, formulas."""

from __future__ import annotations

import re

from .model import LANGUAGES
from .notation import (  # noqa: F401 (the symbol grammar and the scripts, read through the language home)
    ARABIC,
    CJK_UNIFIED,
    CYRILLIC,
    HAN_SPAN,
    IDEOGRAPHS,
    LOOSE_SYMBOL,
    NUMBER_PATH,
    REPORT_SYMBOL,
    RES_SYMBOL,
    ROUTINE_SYMBOL,
    SHORT_SYMBOL,
    SYMBOL_TOKEN,
    UN_SYMBOL,
    is_ideograph,
    lazy_pattern,
)

# The letter in a job number ("20-16878 (C)") names the language of the text.
JOB_LETTERS = {"A": "ar", "C": "zh", "E": "en", "F": "fr", "R": "ru", "S": "es"}

_STOPWORDS = {
    "en": {"the", "of", "and", "to", "in", "its", "on", "for", "with", "by", "that", "all"},
    "fr": {"le", "la", "les", "des", "et", "du", "en", "à", "sur", "pour", "dans", "que", "aux"},
    "es": {"el", "la", "los", "las", "y", "del", "en", "que", "para", "con", "por", "su", "sus"},
}


def detect_language(text: str) -> str | None:
    """Tell the six UN languages apart by script, then by frequent words for Latin script."""
    sample = text[:20000]
    counts = {
        "zh": len(re.findall(f"[{CJK_UNIFIED}]", sample)),
        "ar": len(re.findall(f"[{ARABIC}]", sample)),
        "ru": len(re.findall(f"[{CYRILLIC}]", sample)),
        "latin": len(re.findall("[A-Za-zÀ-ÿ]", sample)),
    }
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


def check_language(code: str) -> str:
    code = code.lower().strip()
    if code == "ch":  # the ODS spelling for Chinese
        code = "zh"
    if code not in LANGUAGES:
        raise ValueError(f"unknown language {code!r}; use one of {', '.join(LANGUAGES)}")
    return code


# --- Chinese numerals -------------------------------------------------------------

_ZH_DIGITS = {"〇": 0, "零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5,
              "六": 6, "七": 7, "八": 8, "九": 9}
_ZH_UNITS = {"十": 10, "百": 100, "千": 1000}
ZH_NUMERAL = "〇零一二两三四五六七八九十百千"


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


# --- English ordinals (sessions: "Seventy-fifth session") ---------------------------

_EN_UNITS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6,
             "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11,
             "twelfth": 12, "thirteenth": 13, "fourteenth": 14, "fifteenth": 15,
             "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19}
_EN_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
            "seventy": 70, "eighty": 80, "ninety": 90}
_EN_TENTHS = {"twentieth": 20, "thirtieth": 30, "fortieth": 40, "fiftieth": 50,
              "sixtieth": 60, "seventieth": 70, "eightieth": 80, "ninetieth": 90}


def en_ordinal(text: str) -> int | None:
    """Value of an English ordinal word: 'seventy-fifth' -> 75, '37th' -> 37."""
    t = text.lower().strip()
    m = re.fullmatch(r"(\d+)(?:st|nd|rd|th)", t)
    if m:
        return int(m.group(1))
    if t in _EN_UNITS:
        return _EN_UNITS[t]
    if t in _EN_TENTHS:
        return _EN_TENTHS[t]
    parts = re.split(r"[-\s]", t)
    if len(parts) == 2 and parts[0] in _EN_TENS and parts[1] in _EN_UNITS and _EN_UNITS[parts[1]] < 10:
        return _EN_TENS[parts[0]] + _EN_UNITS[parts[1]]
    return None


# --- Dates ---------------------------------------------------------------------------

MONTHS = {
    "en": ["january", "february", "march", "april", "may", "june", "july", "august",
           "september", "october", "november", "december"],
    "fr": ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
           "septembre", "octobre", "novembre", "décembre"],
    "es": ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto",
           "septiembre", "octubre", "noviembre", "diciembre"],
    "ru": ["января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа",
           "сентября", "октября", "ноября", "декабря"],
    # Arabic UN texts write "كانون الأول/ديسمبر": the second (international) name is matched.
    "ar": ["يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيه", "يوليه", "أغسطس",
           "سبتمبر", "أكتوبر", "نوفمبر", "ديسمبر"],
}
_MONTH_INDEX = {name: i + 1 for names in MONTHS.values() for i, name in enumerate(names)}
_MONTH_ALT = "|".join(sorted(_MONTH_INDEX, key=len, reverse=True))

# One home for dates: the parser's metadata (find_date) and the translation checks (facts) read them
# with these patterns and validate them with iso_date, so the two never disagree.
_Y, _M, _D = r"(\d{4})", r"(\d{1,2})", r"(\d{1,2})"
# "1er mars", "1º de marzo" (NFKC makes º an o)
_FIRST = r"(?:er|º|o|\.º|\.o)?"
# "from 23 March to 30 June", "del 23 de marzo al 30 de junio", "entre el 23 de marzo y el 30 de junio",
# "du 23 mars au 30 juin", "с 23 марта по 30 июня", "on 20 and 21 June"
_TO = r"(?:to|au|al|a|по|-|–|and|et|y|и)(?:\s+(?:el|le|la))?"
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


def find_date(text: str) -> str | None:
    """The first full date written in any of the six languages, as ISO 8601."""
    import unicodedata

    text = unicodedata.normalize("NFKC", text)
    found: list[tuple[int, str]] = []
    for m in DATE_ZH.finditer(text):
        iso = iso_date(m.group(1), m.group(2), m.group(3))
        if iso:
            found.append((m.start(), iso))
    for m in DATE_WORDS.finditer(text):
        iso = iso_date(m.group(3), month_number(m.group(2)), m.group(1))
        if iso:
            found.append((m.start(), iso))
    for m in DATE_EN_US.finditer(text):
        iso = iso_date(m.group(3), month_number(m.group(1)), m.group(2))
        if iso:
            found.append((m.start(), iso))
    return min(found)[1] if found else None


# The plenary meeting of the closing, in the six languages: "37th plenary meeting", "第 37 次全体会议".
MEETING_LINE = re.compile(
    r"^(?:第\s*(\d+)\s*次全体会议|(\d+)(?:st|nd|rd|th|e|ª|a|-?е|-?я)?\s*"
    r"(?:plenary meeting|séance plénière|sesión plenaria|пленарное заседание)|"
    r"الجلسة العامة\s*(\d+))$",
    re.IGNORECASE,
)


# --- French and Spanish ordinals (sessions, meetings, anniversaries) ----------------------------

_FR_ORD = {"unième": 1, "premier": 1, "première": 1, "deuxième": 2, "second": 2, "seconde": 2, "troisième": 3,
           "quatrième": 4, "cinquième": 5, "sixième": 6, "septième": 7, "huitième": 8, "neuvième": 9,
           "dixième": 10, "onzième": 11, "douzième": 12, "treizième": 13, "quatorzième": 14, "quinzième": 15,
           "seizième": 16, "vingtième": 20, "trentième": 30, "quarantième": 40, "cinquantième": 50,
           "soixantième": 60, "centième": 100}
_FR_CARD = {"dix": 10, "vingt": 20, "trente": 30, "quarante": 40, "cinquante": 50, "soixante": 60,
            "quatre-vingt": 80, "quatre-vingts": 80}
FR_ORDINAL = lazy_pattern(
    r"(?<![\w-])((?:(?:quatre-vingts?|vingt|trente|quarante|cinquante|soixante|dix)(?:-| et ))*)"
    rf"({'|'.join(sorted(_FR_ORD, key=len, reverse=True))})(?![\w-])", re.IGNORECASE)


def fr_ordinal(prefix: str, last: str) -> int:
    """soixante-seizième = 60 + 16, quatre-vingt-dix-neuvième = 80 + 10 + 9, vingt et unième = 21."""
    value = _FR_ORD[last.lower()]
    rest = prefix.lower().replace(" et ", "-").replace("quatre-vingts", "quatre-vingt")
    rest = rest.replace("quatre-vingt", "quatrevingt")
    for part in filter(None, rest.split("-")):
        value += 80 if part == "quatrevingt" else _FR_CARD.get(part, 0)
    return value


_ES_ORD = {"primer": 1, "primero": 1, "primera": 1, "segundo": 2, "segunda": 2, "tercer": 3, "tercero": 3,
           "tercera": 3, "cuarto": 4, "cuarta": 4, "quinto": 5, "quinta": 5, "sexto": 6, "sexta": 6,
           "séptimo": 7, "séptima": 7, "octavo": 8, "octava": 8, "noveno": 9, "novena": 9, "décimo": 10,
           "décima": 10, "undécimo": 11, "undécima": 11, "duodécimo": 12, "duodécima": 12}
_ES_TENS = {"vigésim": 20, "trigésim": 30, "cuadragésim": 40, "quincuagésim": 50, "sexagésim": 60,
            "septuagésim": 70, "octogésim": 80, "nonagésim": 90, "centésim": 100, "décim": 10, "decim": 10}
_ES_UNITS = "|".join(sorted(_ES_ORD, key=len, reverse=True))
ES_ORDINAL = lazy_pattern(
    rf"(?<!\w)(?:({'|'.join(_ES_TENS)})[oa](?:\s*({_ES_UNITS}))?|({_ES_UNITS}))(?!\w)", re.IGNORECASE)


def es_ordinal(tens: str | None, unit: str | None, alone: str | None = None) -> int:
    """septuagésimo sexto = 70 + 6, vigésima = 20, decimotercero = 10 + 3, primer = 1."""
    unit = unit or alone
    return (_ES_TENS[tens.lower()] if tens else 0) + (_ES_ORD[unit.lower()] if unit else 0)


# --- The words that open a preambular paragraph ------------------------------------------
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
_NOT_OPENERS = {"united", "limited", "beijing", "nanjing", "kunming", "wellington", "reading", "sterling",
                "king", "spring", "ring", "wing", "bing", "red", "bed", "shed", "ted", "fred", "ed", "ing",
                "thing", "nothing", "something", "anything", "everything", "during", "including", "being",
                "according", "concerning", "regarding", "following", "pending", "bring", "evening", "morning"}
_OPENER_WORD = re.compile(r"([^\W\d_])([^\W\d_]*)")


def opens_preamble(line: str) -> bool:
    """True when a line opens as a preambular paragraph does: 'Recalling', 'Deeply concerned',
    'Teniendo presente', 'Rappelant', 'Ссылаясь', 'وإذ تشير'."""
    s = line.lstrip("<>ib/ ")
    if re.match(r"^و?إذ\s", s):
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
    if word.endswith(("ing", "ando", "iendo", "endo", "ant", "я")):
        return True
    if word.endswith(("ed", "ado", "ada", "ido", "ida", "ée", "é", "és", "ées", "в", "вшись")):
        return not nxt or nxt.group(1)[:1].islower()  # "Convinced that", not "United Nations"
    if word.endswith(("ly", "mente", "ment")) and nxt:  # "Deeply concerned", "Profundamente preocupada"
        return nxt.group(1).islower()
    return False


# --- Russian and Arabic ordinals (declined: every case and gender) -------------------------------

_RU_STEMS = {"перв": 1, "втор": 2, "трет": 3, "четверт": 4, "четвёрт": 4, "пят": 5, "шест": 6, "седьм": 7,
             "восьм": 8, "девят": 9, "десят": 10, "одиннадцат": 11, "двенадцат": 12, "тринадцат": 13,
             "четырнадцат": 14, "пятнадцат": 15, "шестнадцат": 16, "семнадцат": 17, "восемнадцат": 18,
             "девятнадцат": 19, "двадцат": 20, "тридцат": 30, "сороков": 40, "пятидесят": 50, "шестидесят": 60,
             "семидесят": 70, "восьмидесят": 80, "девяност": 90, "сот": 100}
_RU_TENS = {"двадцать": 20, "тридцать": 30, "сорок": 40, "пятьдесят": 50, "шестьдесят": 60, "семьдесят": 70,
            "восемьдесят": 80, "девяносто": 90}
RU_ORDINAL = lazy_pattern(
    rf"(?<![а-яё])(?:({'|'.join(_RU_TENS)})\s+)?({'|'.join(sorted(_RU_STEMS, key=len, reverse=True))})"
    r"(ый|ой|ий|ая|ое|ого|ому|ым|ом|ую|ые|ых|ыми|ьего|ьему|ьей|ьим|ьем|ья|ье|ьи|ьих|ью)(?![а-яё])",
    re.IGNORECASE)


def ru_ordinal(tens: str | None, stem: str) -> int:
    """семьдесят шестой / шестой / шестого / шестую … = 76; третьего = 3."""
    return (_RU_TENS[tens.lower()] if tens else 0) + _RU_STEMS[stem.lower()]


_AR_UNITS = {"الأول": 1, "الأولى": 1, "الحادي": 1, "الحادية": 1, "الثاني": 2, "الثانية": 2, "الثالث": 3,
             "الثالثة": 3, "الرابع": 4, "الرابعة": 4, "الخامس": 5, "الخامسة": 5, "السادس": 6, "السادسة": 6,
             "السابع": 7, "السابعة": 7, "الثامن": 8, "الثامنة": 8, "التاسع": 9, "التاسعة": 9, "العاشر": 10,
             "العاشرة": 10}
_AR_TENS = {"العشرين": 20, "العشرون": 20, "الثلاثين": 30, "الثلاثون": 30, "الأربعين": 40, "الأربعون": 40,
            "الخمسين": 50, "الخمسون": 50, "الستين": 60, "الستون": 60, "السبعين": 70, "السبعون": 70,
            "الثمانين": 80, "الثمانون": 80, "التسعين": 90, "التسعون": 90, "المائة": 100, "المئة": 100}
_AR_UNIT_ALT = "|".join(sorted(_AR_UNITS, key=len, reverse=True))
_AR_TENS_ALT = "|".join(sorted(_AR_TENS, key=len, reverse=True))
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
