"""Translation checks: two language versions of one resolution, paired by structure, compared on
what must be identical across languages. Findings, never opinions on wording."""

from __future__ import annotations

import functools
import re
import unicodedata
from collections import Counter

from .config import Config
from .errors import UsageError
from .facts import ORDINAL_LANGS, Facts, extract, shared
from .lang import (
    AGENDA_NUMBER,
    AR_LATIN_MARK,
    AR_OWN_MARKS,
    DOUBLE_SPACE,
    DOUBLED_OK,
    DOUBLED_WORD,
    ES_INVERTED,
    ES_SENTENCE_END,
    FR_GUILLEMETS,
    FR_NO_SPACE,
    FR_SPACE_BEFORE,
    LANGUAGE_NAMES,
    SENTENCE_ENDS,
    TERM_PREFIX,
    VOTE_PATTERNS,
    WIDE_SENTENCE_ENDS,
    ZH_FULL_WIDTH,
    ZH_HALF_WIDTH,
    ZH_SPACED,
    detect_language,
    lazy_pattern,
)
from .model import DELETED, INSERTED, MODIFIED, OPERATIVE, PREAMBULAR, Document, Paragraph
from .normalize import fold, is_wide
from .results import RULES, CheckResult, Finding, Pair

_FACT_RULES = {"numbers": "number-mismatch", "dates": "date-mismatch", "symbols": "symbol-mismatch",
               "ordinals": "ordinal-mismatch"}
_FACT_NAMES = {"numbers": "number", "dates": "date", "symbols": "symbol", "ordinals": "ordinal"}


# --- a misconfigured run: refused, never passed -----------------------------------------

class Refusal(UsageError):
    """A pair that must not be checked: a text and itself, two texts in one language, two different
    resolutions. `rule` is the document finding it becomes in a session."""

    def __init__(self, message: str, *, rule: str, source: str | None = None, hint: str | None = None):
        super().__init__(message, source=source, hint=hint)
        self.rule = rule


def _name(lang: str) -> str:
    return f"{LANGUAGE_NAMES.get(lang, lang)} ({lang})"


def text_language(doc: Document) -> str | None:
    """The language the document's own words are in (its paragraphs, not the masthead, which a Chinese
    or Arabic document writes partly in English), whatever a --lang option said."""
    words = "\n".join(p.text for p in doc.paragraphs) or "\n".join(doc.other)
    return detect_language(words)


def language_note(doc: Document, given: str | None, option: str) -> str | None:
    """A warning where a language option contradicts the text it names, naming both languages."""
    if given is None:
        return None
    read = text_language(doc)
    if read is None or read == given:
        return None
    return f"{option} {given} says {LANGUAGE_NAMES.get(given, given)}, but the text reads as {_name(read)}"


def same_file(a: str, b: str) -> bool:
    """Two paths (symlinks, hard links, ./x and x) naming one file."""
    import os

    try:
        return a not in ("-", "") and os.path.samefile(a, b)
    except OSError:
        return False


def refuse_same_file(source: str, target: str) -> None:
    if same_file(source, target):
        raise Refusal("SOURCE and TARGET are the same file: check compares a text with its translation",
                      rule="document-self-pair", source=target)


def refuse_mismatch(source: Document, target: Document, config: Config) -> None:
    """Refuse two texts in one language, and (unless --force) two different resolutions: different
    symbols, sessions, or numbers, dates and symbols in their titles."""
    if source.language == target.language:
        raise Refusal(f"both texts are in {_name(source.language)}: check compares a text with its translation",
                      rule="document-self-pair", source=target.source,
                      hint="to compare two versions of one language, use resdiff diff")
    if config.force:
        return
    ms, mt = source.metadata, target.metadata
    why = None
    if ms.symbol and mt.symbol and ms.symbol != mt.symbol:
        why = f"{ms.symbol} in source, {mt.symbol} in target"
    elif ms.session and mt.session and ms.session != mt.session:
        why = f"session {ms.session} in source, {mt.session} in target"
    else:
        ts, tt = _title_values(source), _title_values(target)
        if ts and tt and ts != tt:
            why = f"the titles differ: {ms.title!r} in source, {mt.title!r} in target"
    if why:
        raise Refusal(f"different documents: {why}", rule="document-mismatch", source=target.source,
                      hint="give --force to check them anyway")


def check_documents(source: Document, target: Document, config: Config | None = None,
                    given: tuple[str | None, str | None] = (None, None)) -> CheckResult:
    """What `resdiff check` runs on a pair: the language options (`given`) held against each text, a
    misconfigured pair refused, then the check. A language option the text contradicts is a note of the
    result (a Refusal under config.strict)."""
    config = config or Config()
    notes = []
    for doc, lang, option in ((source, given[0], "--source-lang"), (target, given[1], "--target-lang")):
        note = language_note(doc, lang, option)
        if note and config.strict:
            raise Refusal(note, rule="document-language", source=doc.source, hint="--strict makes this an error")
        if note:
            notes.append(f"{doc.source}: {note}")
    refuse_mismatch(source, target, config)
    result = check_pair(source, target, config)
    return result.replace(notes=tuple(notes)) if notes else result


# --- the checks -------------------------------------------------------------------------

class _Spot:
    """Where a finding stands that is no paragraph: the metadata (the masthead, or the closing)."""

    def __init__(self, id: str, line: int = 0, page: int | None = None):
        self.id, self.line, self.page = id, line, page


def _finding(rule: str, a, b, message: str, *, severity: str | None = None, **fields) -> Finding:
    """A finding on `a` (of the source) and `b` (of the target): paragraphs, footnotes or spots, or None;
    each one's id, line and page go into it, the rule's default severity unless another is given."""
    return Finding(rule=rule, severity=severity or RULES[rule][0], message=message,
                   source=a.id if a is not None else None, target=b.id if b is not None else None,
                   source_line=a.line if a is not None else 0, target_line=b.line if b is not None else 0,
                   source_page=a.page if a is not None else None, target_page=b.page if b is not None else None,
                   **fields)


def _values(c: Counter) -> str:
    return ", ".join(str(v) for v in sorted(c.elements(), key=str)) or "none"


def excerpt(text: str, start: int, end: int, room: int = 30) -> str:
    """A few words of `text` around [start, end), cut between words (never inside a word, a number or a
    symbol, unless no break is within reach), with an ellipsis where it was cut."""
    start, end = max(0, min(start, len(text))), max(0, min(end, len(text)))
    a, b = max(0, start - room), min(len(text), end + room)

    def inside(k: int) -> bool:  # a cut at k would split a token
        return 0 < k < len(text) and not text[k - 1].isspace() and not text[k].isspace() and not (
            is_wide(text[k - 1]) and is_wide(text[k]))

    a0, b0 = a, b
    while a > 0 and inside(a) and start - a < room + 20:
        a -= 1
    if inside(a):
        a = a0  # no break within reach (a text whose spaces were lost): cut where the room ends
    while b < len(text) and inside(b) and b - end < room + 20:
        b += 1
    if inside(b):
        b = b0
    return ("…" if a > 0 else "") + text[a:b].strip() + ("…" if b < len(text) else "")


def _near(text: str, spans: list[tuple[int, int]] | None, other: tuple[int, int] | None, other_len: int) -> str:
    """The excerpt around a value where the text has it, else where the other text has it (the same share of
    the way through), since paired paragraphs say the same thing in the same order."""
    if spans:
        return excerpt(text, *spans[0])
    if other is None or not text:
        return excerpt(text, 0, 0, room=60)
    k = round(other[0] * len(text) / max(other_len, 1))
    return excerpt(text, k, k)


def _fact_findings(a: Facts, b: Facts, pa, pb, la: str, lb: str, where: str = "",
                   texts: tuple[str, str] = ("", ""), spans: tuple[dict, dict] = ({}, {}), rule: str | None = None
                   ) -> list[Finding]:
    """A finding for each kind of fact whose values differ between two paired texts (`pa`, `pb`: the
    paragraphs or footnotes they are, or None; their ids and locations go into the finding)."""
    out = []
    for kind in Facts.KINDS:
        if kind == "ordinals" and not (la in ORDINAL_LANGS and lb in ORDINAL_LANGS):
            continue  # ordinal words are read only in the languages lang.ORDINALS has
        x, y = getattr(a, kind), getattr(b, kind)
        if not dict.__eq__(x, y):  # as Counter's ==, which is slower, since no count of facts is 0
            only_s, only_t = x - y, y - x
            first_s = next(iter(sorted(only_s, key=lambda v: spans[0].get((kind, v), [(0, 0)])[0])), None)
            first_t = next(iter(sorted(only_t, key=lambda v: spans[1].get((kind, v), [(0, 0)])[0])), None)
            span_s = spans[0].get((kind, first_s)) if first_s is not None else None
            span_t = spans[1].get((kind, first_t)) if first_t is not None else None
            ex_s = _near(texts[0], span_s, span_t[0] if span_t else None, len(texts[1])) if texts[0] else None
            ex_t = _near(texts[1], span_t, span_s[0] if span_s else None, len(texts[0])) if texts[1] else None
            out.append(_finding(rule or _FACT_RULES[kind], pa, pb,
                                f"{where}{_FACT_NAMES[kind]} {_values(only_s)} in source, {_values(only_t)} in target",
                                source_value=_values(only_s), target_value=_values(only_t),
                                source_excerpt=ex_s, target_excerpt=ex_t,
                                source_mark=_mark(texts[0], span_s), target_mark=_mark(texts[1], span_t)))
    return out


def _mark(text: str, spans: list[tuple[int, int]] | None) -> str | None:
    """The words of a text at the first of its spans, as written (what a report highlights)."""
    if not spans or not text:
        return None
    a, b = spans[0]
    return text[a:b].strip() or None


def _opening(p: Paragraph | None) -> str | None:
    return excerpt(p.text, 0, 0, room=60) if p is not None else None


def _delta(old: str, new: str, lang: str) -> tuple[Facts, Facts]:
    """Facts a change inserted and deleted: those of the new text the old lacks, and the other way."""
    a, b = extract(old, lang), extract(new, lang)
    ins, dele = Facts(), Facts()
    for k in Facts.KINDS:
        setattr(ins, k, getattr(b, k) - getattr(a, k))
        setattr(dele, k, getattr(a, k) - getattr(b, k))
    return ins, dele


def _marker_excerpts(a: Paragraph, b: Paragraph) -> tuple[str, str, str | None, str | None]:
    """Around the first marker cited on one side and not on the other (or at the same place in the other),
    and the word each marker is attached to (what a report highlights)."""
    extra_a = [k for k, m in enumerate(a.footnotes) if m not in b.footnotes]
    extra_b = [k for k, m in enumerate(b.footnotes) if m not in a.footnotes]
    pa = [(a.marks[k], a.marks[k]) for k in extra_a[:1] if k < len(a.marks)]
    pb = [(b.marks[k], b.marks[k]) for k in extra_b[:1] if k < len(b.marks)]

    def word_before(text: str, spans: list) -> str | None:
        if not spans:
            return None
        m = re.search(r"(\S+?)[\s,;:.]*$", text[: spans[0][0]])
        return m.group(1) if m else None

    return (_near(a.text, pa, pb[0] if pb else None, len(b.text)),
            _near(b.text, pb, pa[0] if pa else None, len(a.text)), word_before(a.text, pa), word_before(b.text, pb))


def _numbering(doc: Document) -> list[str]:
    nums = [int(p.number) for p in doc.paragraphs if p.kind == OPERATIVE and p.letter is None and p.number]
    problems = []
    dup = sorted(n for n, c in Counter(nums).items() if c > 1)
    if dup:
        problems.append(f"duplicate {', '.join(map(str, dup))}")
    missing = sorted(set(range(1, max(nums, default=0) + 1)) - set(nums))
    if missing:
        problems.append(f"missing {', '.join(map(str, missing))}")
    return problems


def _metadata_spots(doc: Document) -> tuple[_Spot, _Spot]:
    """Where the masthead (symbol, session, agenda item, report) and the closing (adoption, meeting) stand."""
    paged = doc.source_kind == "pdf" or any(p.page for p in doc.paragraphs)
    last = doc.paragraphs[-1] if doc.paragraphs else None
    head = _Spot("metadata", 1, 1 if paged else None)
    # the closing follows the last paragraph, on its page; its own line is not kept, so none is claimed
    closing = _Spot("metadata", 0, last.page if last and paged else None)
    return head, closing


_CLOSING = {"adopted", "meeting", "vote (in favour-against-abstentions)"}


def agenda_item(value: str | None) -> str | None:
    """The agenda item as its number and letter: "40 de l'ordre du jour" and "40" are item 40, "103(ll)"
    and "103 (ll)" item 103 (ll)."""
    m = AGENDA_NUMBER.search(value or "")
    if not m:
        return None
    return f"{m.group(1)} ({m.group(2).lower()})" if m.group(2) else m.group(1)


def vote(doc: Document) -> str | None:
    """The recorded vote the document gives (in favour, against, abstentions), outside its paragraphs: in
    the masthead or closing lines or a footnote."""
    pattern = VOTE_PATTERNS.get(doc.language)
    if pattern is None:
        return None
    for text in (*doc.other, *(f.text for f in doc.footnotes)):
        m = pattern.search(text)
        if m:
            return "-".join(m.groups())
    return None


def _title_values(doc: Document) -> Counter:
    """The numbers, dates and symbols of a title (its ordinal words, such as "first", each language may
    write otherwise)."""
    facts = extract(doc.metadata.title or "", doc.language)
    return facts.symbols + facts.dates + facts.numbers


def _metadata_findings(source: Document, target: Document) -> list[Finding]:
    """The masthead and closing compared: symbol (the draft's too), session, agenda item, committee report,
    the report's paragraph, adoption date, plenary meeting, the recorded vote, and the title's numbers,
    dates and symbols."""
    found = []
    (hs, cs), (ht, ct) = _metadata_spots(source), _metadata_spots(target)
    ms, mt = source.metadata, target.metadata
    values = [(name, getattr(ms, name), getattr(mt, name))
              for name in ("symbol", "session", "adopted", "report", "report_paragraph", "meeting")]
    values.append(("agenda item", agenda_item(ms.agenda_item), agenda_item(mt.agenda_item)))
    values.append(("vote (in favour-against-abstentions)", vote(source), vote(target)))
    ts, tt = _title_values(source), _title_values(target)
    if ms.title and mt.title and ts != tt:
        values.append(("title", _values(ts - tt), _values(tt - ts)))
    for name, a, b in values:
        if a is not None and b is not None and a != b:
            at_s, at_t = (cs, ct) if name in _CLOSING else (hs, ht)
            found.append(_finding("metadata-mismatch", at_s, at_t, f"{name.replace('_', ' ')} {a} in source, "
                                  f"{b} in target", source_value=str(a), target_value=str(b)))
    return found


# --- the checks QA tools have: glossary, consistency, punctuation and spacing, the user's rules -------

_SENTENCE_SPLIT = lazy_pattern(rf"(?<=[{re.escape(SENTENCE_ENDS)}])\s+|(?<=[{re.escape(WIDE_SENTENCE_ENDS)}])(?=\S)")
# the same splits in a text without a wide sentence end, starting with the space (as a character class, which
# the search skips to, where a lookbehind first is tried at every place): most texts
_SPACE_SPLIT = lazy_pattern(rf"\s(?<=[{re.escape(SENTENCE_ENDS)}]\s)\s*")


@functools.lru_cache(maxsize=65536)
def _term_pattern(term: str, lang: str) -> re.Pattern | None:
    """A glossary term as it may stand in a text of its language: whole words, each with the endings of
    its plural, gender or case (Estado Miembro / Estados Miembros, État Membre / États Membres), spaces or
    hyphens between them; a Chinese term as written, spaces aside."""
    term = unicodedata.normalize("NFKC", term).strip()
    if not term:
        return None
    if lang == "zh":
        return re.compile(r"\s*".join(re.escape(c) for c in term if not c.isspace()))
    parts = []
    for word in re.split(r"[\s\u00a0-]+", term):
        letters = word.rstrip(".")
        if len(letters) > 5 and letters.isalpha():
            parts.append(re.escape(letters[:-2]) + r"\w{0,4}")
        elif letters.isalpha():
            parts.append(re.escape(letters) + r"\w{0,3}")
        else:
            parts.append(re.escape(word))
    prefix = TERM_PREFIX.get(lang, "")
    gap = "[\\s\u00a0-]+"
    return re.compile(rf"(?<!\w){prefix}{gap.join(parts)}(?!\w)", re.IGNORECASE)


def _probe(term: str) -> str:
    """What a text must hold for a term to be in it at all (a cheap test before any pattern): its first
    characters, lower case; in a language written with spaces, the start of a word of the text."""
    words = unicodedata.normalize("NFKC", term).lower().split()
    return words[0][:4] if words else ""


_INDEXES: dict = {}  # (id of a glossary, source language, target language) -> (the glossary, its index)


def _glossary_index(glossary, la: str, lb: str) -> tuple[dict[str, list], list]:
    """The entries with both languages, by the probe of each source term (the words' starts a text must
    have); in Chinese, whose words no space sets apart, a list to scan. Built once a glossary and pair of
    languages; the patterns are compiled only where a probe matched."""
    key = (id(glossary), la, lb)
    cached = _INDEXES.get(key)
    if cached is not None and cached[0] is glossary:
        return cached[1]
    by_probe: dict[str, list] = {}
    scan: list = []
    for entry in glossary:
        src, tgt = entry.get(la, ()), entry.get(lb, ())
        if not (src and tgt):
            continue
        for term in src:
            probe = _probe(term)
            if probe and la != "zh":
                by_probe.setdefault(probe, []).append((term, tgt))
            elif probe:
                scan.append((probe, term, tgt))
    if len(_INDEXES) > 8:
        _INDEXES.clear()
    _INDEXES[key] = (glossary, (by_probe, scan))
    return by_probe, scan


def _term_findings(pairs, glossary, la: str, lb: str) -> list[Finding]:
    by_probe, scan = _glossary_index(glossary, la, lb)
    found = []
    for a, b in pairs:
        ta, tb = unicodedata.normalize("NFKC", a.text), unicodedata.normalize("NFKC", b.text)
        low = ta.lower()
        if by_probe:
            starts = {w[:4] for w in re.findall(r"\w+", low)}
            candidates = [c for start in starts for c in by_probe.get(start, ())]
        else:
            candidates = []
        candidates += [(term, tgt) for probe, term, tgt in scan if probe in low]
        seen_targets = set()
        for term, tgt in candidates:
            if tgt in seen_targets:
                continue
            pattern = _term_pattern(term, la)
            hit = pattern.search(ta) if pattern else None
            if hit is None:
                continue
            seen_targets.add(tgt)
            if any(p.search(tb) for p in (_term_pattern(t, lb) for t in tgt) if p):
                continue
            said = " or ".join(f"“{t}”" for t in tgt)
            found.append(_finding("term-mismatch", a, b, f"glossary: “{hit.group(0)}” is {said} in "
                                  f"{LANGUAGE_NAMES.get(lb, lb)}; not found in the target",
                                  source_value=hit.group(0), target_value=tgt[0], source_mark=hit.group(0),
                                  source_excerpt=excerpt(ta, hit.start(), hit.end()),
                                  target_excerpt=_near(tb, None, hit.span(), len(ta))))
    return found


def _sentences(folded: str) -> list[str]:
    """A paragraph's sentences, from its comparison form: split after each sentence end (and the space
    after it). An abbreviation ("No. 3") may split a sentence, alike wherever the same words stand."""
    wide = any(c in folded for c in WIDE_SENTENCE_ENDS)
    return [x for x in (_SENTENCE_SPLIT if wide else _SPACE_SPLIT).split(folded) if x.strip()]


def _long_enough(key: str) -> bool:
    """A sentence worth holding to one translation: five words, or fifteen characters written without
    spaces (Chinese)."""
    # (split no further than the fifth word: its count is all that is asked)
    return len(key.split(None, 4)) >= 5 or (len(key) >= 15 and " " not in key.strip())


_FOLDED: dict = {}  # id of a text -> (the text, its comparison form, its sentences): the last texts read
# Where a comparison form splits, whose white space is single spaces: after a sentence end and its space, or
# after a wide end. A form with none of them is one sentence, found with a few substring tests, where the
# split's pattern tries each of its spaces.
_SPLITS_AT = tuple(f"{c} " for c in SENTENCE_ENDS) + tuple(WIDE_SENTENCE_ENDS)


def _folded(text: str) -> tuple[str, list[str]]:
    """A text's comparison form and its sentences, worked out once however often they are asked for (by the
    pair's own consistency check, then for the session's), kept by identity as facts keeps what it reads."""
    hit = _FOLDED.get(id(text))
    if hit is None or hit[0] is not text:
        folded = fold(text)
        whole = not any(c in folded for c in _SPLITS_AT)
        hit = _FOLDED[id(text)] = (text, folded, ([folded] if folded else []) if whole else _sentences(folded))
        if len(_FOLDED) > 1024:
            _FOLDED.pop(next(iter(_FOLDED), None), None)  # (another thread may have taken it out first)
    return hit[1], hit[2]


_UNITS: list = []  # [(the pairs, their units)]: the last asked (a pair's check, then what its session reads)


def translation_units(pairs) -> list[tuple[str, str, object, object]]:
    """(source sentence, its translation, source item, target item): whole paired paragraphs, and their
    sentences where both split into the same number of them. The same pairs asked again (the same
    paragraphs, by identity) are answered from the last answer, read once: threads of a Dask worker
    check pairs at once, and an answer is only ever given for the pairs it was worked out from."""
    pairs = list(pairs)
    last = _UNITS[0] if _UNITS else None
    if last and len(last[0]) == len(pairs) and all(
            x is a and y is b for (x, y), (a, b) in zip(last[0], pairs, strict=True)):
        return list(last[1])
    units = _units(pairs)
    _UNITS[:] = [(pairs, units)]
    return list(units)


def _units(pairs: list) -> list[tuple[str, str, object, object]]:
    units = []
    for a, b in pairs:
        (sa, xa), (sb, xb) = _folded(a.text), _folded(b.text)
        units.append((sa, sb, a, b))
        if len(xa) == len(xb) > 1:
            units += [(x, y, a, b) for x, y in zip(xa, xb, strict=True)]
    return [u for u in units if _long_enough(u[0])]


def consistency_findings(units, seen: dict, where: str = "", *, others_only: bool = False,
                         spots: bool = False) -> list[Finding]:
    """The same source sentence translated two ways: each unit against the first translation `seen` of its
    source (filled as it goes; a session passes one `seen` from document to document, `where` naming
    each). `others_only`: only against a first translation in another document. `spots`: each unit's
    paragraphs are given as session_units gives them, (id, line, page)."""
    found = []
    for src, tgt, a, b in units:
        first = seen.setdefault(src, (tgt, a[0], b[0], where) if spots else (tgt, a.id, b.id, where))
        if first[0] == tgt or (others_only and first[3] == where):
            continue
        other = f"{first[3]} {first[2]}" if first[3] != where else first[2]
        if spots:
            a, b = _Spot(*a), _Spot(*b)
        found.append(_finding("inconsistent-translation", a, b,
                              f"the same source sentence is translated otherwise in {other}",
                              source_value=src, target_value=tgt,
                              source_excerpt=excerpt(src, 0, 0, room=60), target_excerpt=excerpt(tgt, 0, 0, room=60)))
    return found


def _once(rule: str, a, b, matches: list[re.Match], text: str, message: str) -> list[Finding]:
    """One finding for a rule in one paragraph: at its first match, the others counted."""
    if not matches:
        return []
    m = matches[0]
    more = f" ({len(matches)} times in this paragraph)" if len(matches) > 1 else ""
    return [_finding(rule, a, b, message + more, target_value=m.group(0), target_mark=m.group(0),
                     target_excerpt=excerpt(text, m.start(), m.end()))]


def _inverted(text: str, mark: str, opening: str) -> list[re.Match]:
    """Each Spanish ? or ! whose sentence has no opening ¿ or ¡ before it."""
    out = []
    for m in re.finditer(re.escape(mark), text) if mark in text else ():
        start = max(text.rfind(c, 0, m.start()) for c in ES_SENTENCE_END + "?!")
        if opening not in text[start + 1:m.start()]:
            out.append(m)
    return out


# the punctuation of another script in a language that has its own: the pattern, its own marks, the form named
_FOREIGN_MARKS = {"zh": (ZH_HALF_WIDTH, ZH_FULL_WIDTH, "half-width"), "ar": (AR_LATIN_MARK, AR_OWN_MARKS, "Latin")}


def punctuation_findings(a, b, lang: str, spacing: bool = True) -> list[Finding]:
    """The target text's punctuation and spacing as its language writes them (warnings). `spacing` False:
    the spaces of the text are a reading of glyph gaps (a PDF), not characters anyone typed, so the rules
    on spaces are left out (a thin no-break space before ';' may read as none)."""
    t = b.text
    found = []
    if lang == "fr" and spacing:
        ms = list(FR_NO_SPACE.finditer(t))  # (each of these searched only where its marks are: lang.Holding)
        found += _once("punctuation-spacing", a, b, ms, t, f"no space before “{ms[0].group(0)}” (French sets "
                       f"{' '.join(FR_SPACE_BEFORE)} after a no-break space)" if ms else "")
        ms = list(FR_GUILLEMETS.finditer(t))
        found += _once("punctuation-spacing", a, b, ms, t, "no space inside « » (French sets a no-break space "
                       "after « and before »)")
    if lang in _FOREIGN_MARKS:  # an ASCII comma beside Chinese text, which writes a full-width one; Arabic its own
        pattern, own, form = _FOREIGN_MARKS[lang]
        name = LANGUAGE_NAMES[lang]
        ms = list(pattern.finditer(t))
        if ms:
            mark = (ms[0].group(1) or ms[0].group(2))
            found += _once("punctuation-form", a, b, ms, t, f"{form} “{mark}” in {name} text ({name} writes "
                           f"“{own[mark]}”)")
    if lang == "zh" and spacing:
        found += _once("ideograph-spacing", a, b, list(ZH_SPACED.finditer(t)), t,
                       "a space between two Chinese characters")
    if lang == "es":
        for mark, opening in ES_INVERTED.items():
            found += _once("inverted-mark", a, b, _inverted(t, mark, opening), t,
                           f"“{mark}” with no opening “{opening}” (Spanish opens with it)")
    if spacing:
        found += _once("double-space", a, b, list(DOUBLE_SPACE.finditer(t)), t, "two spaces in a row")
    if lang != "zh":
        ok = DOUBLED_OK.get(lang, set())
        ms = [m for m in DOUBLED_WORD.finditer(t) if m.group(1).lower() not in ok]
        found += _once("doubled-word", a, b, ms, t, f"“{ms[0].group(1)}” twice in a row" if ms else "")
    return found


def _rule_match(pattern: str, text: str) -> re.Match | None:
    return re.search(pattern, text)


def user_rule_findings(pairs, rules, la: str, lb: str) -> list[Finding]:
    """The user's own rules ([[tool.resdiff.rules]]) on each pair of paragraphs."""
    found = []
    for a, b in pairs:
        for r in rules:
            if r.pattern:
                sides = [("source", a, la), ("target", b, lb)]
                for side, item, lang in sides:
                    if r.where not in (side, "both") or (r.language and r.language != lang):
                        continue
                    m = _rule_match(r.pattern, item.text)
                    if m:
                        ex = excerpt(item.text, m.start(), m.end())
                        found.append(_finding("user-rule", a, b, f"{r.id}: {r.message}", severity=r.severity,
                                              **{f"{side}_value": m.group(0), f"{side}_excerpt": ex,
                                                 f"{side}_mark": m.group(0)}))
            elif (not r.language or r.language == lb):
                m = _rule_match(r.source, a.text)
                if m and not _rule_match(r.target, b.text):
                    found.append(_finding("user-rule", a, b, f"{r.id}: {r.message}", severity=r.severity,
                                          source_value=m.group(0), source_mark=m.group(0),
                                          source_excerpt=excerpt(a.text, m.start(), m.end()),
                                          target_excerpt=_near(b.text, None, m.span(), len(a.text))))
    return found


def qa_findings(source: Document, target: Document, pairs, config: Config) -> list[Finding]:
    """What QA tools check beyond the facts: glossary terms, one translation for one source sentence,
    the target language's punctuation and spacing, the user's own rules; on paired paragraphs and
    footnotes."""
    la, lb = source.language, target.language
    notes_t = {f.marker: f for f in target.footnotes}
    both = [(a, b) for a, b, _ in pairs if a is not None and b is not None]
    both += [(f, notes_t[f.marker]) for f in source.footnotes if f.marker in notes_t]
    found = []
    if config.glossary:
        found += _term_findings(both, config.glossary, la, lb)
    found += consistency_findings(translation_units([(a, b) for a, b, _ in pairs if a and b]), {})
    spacing = target.source_kind != "pdf"
    for a, b in both:
        found += punctuation_findings(a, b, lb, spacing)
    if config.rules:
        found += user_rule_findings(both, config.rules, la, lb)
    return found


def _paired_paragraphs(r: CheckResult) -> tuple[dict, dict, list]:
    ps, pt = {p.id: p for p in r.source.paragraphs}, {p.id: p for p in r.target.paragraphs}
    return ps, pt, [(ps[p.source], pt[p.target]) for p in r.pairs if p.source in ps and p.target in pt]


def session_units(result: CheckResult) -> list[tuple[str, str, tuple, tuple]]:
    """What the session-wide consistency check reads of a pair (consistency_across): its translation units,
    each with where its paragraphs stand (id, line, page) in place of the paragraphs. Worked out where the
    pair is checked, and sent with its result, so that the process that gathers a session's results needs
    no paragraph of it."""
    return [(s, t, (a.id, a.line, a.page), (b.id, b.line, b.page))
            for s, t, a, b in translation_units(_paired_paragraphs(result)[2])]


def consistency_across(results: list[CheckResult], config: Config | None = None,
                       units: list[list | None] | None = None) -> list[CheckResult]:
    """A session's results with the findings of one source sentence translated two ways in different
    documents (each in the later one, naming the first; within one document, its own check reports them).
    `units`: each result's session_units where they were worked out already (None where not)."""
    config = config or Config()
    seen: dict = {}
    out = []
    for k, r in enumerate(results):
        given = units[k] if units else None
        mine = translation_units(_paired_paragraphs(r)[2]) if given is None else given
        name = r.source.metadata.symbol or r.source.source
        found = consistency_findings(mine, seen, name, others_only=True, spots=given is not None)
        flagged = {(f.source, f.target) for f in r.findings}
        kept = tuple(x for f in found if (f.source, f.target) not in flagged and (x := config.applies(f)) is not None)
        out.append(r.replace(findings=r.findings + kept) if kept else r)
    return out


def _words_run_together(doc: Document) -> bool:
    return any(w.code == "no-word-spaces" for w in doc.warnings)


def check_pair(source: Document, target: Document, config: Config | None = None) -> CheckResult:
    # imported here: a session's main process, which gathers the results, never aligns (its workers'
    # fork server imports the aligner once for them)
    from .align import pair_paragraphs

    config = config or Config()
    la, lb = source.language, target.language
    found: list[Finding] = _metadata_findings(source, target)
    ns, nt = _numbering(source), _numbering(target)
    if ns and ns == nt:
        found.append(_finding("numbering-error", None, None, f"operative numbering: {'; '.join(ns)} "
                              "(in both versions)", source_value="; ".join(ns), target_value="; ".join(nt)))
    n_pp = (sum(p.kind == PREAMBULAR for p in source.paragraphs), sum(p.kind == PREAMBULAR for p in target.paragraphs))
    n_op = (sum(p.kind == OPERATIVE for p in source.paragraphs), sum(p.kind == OPERATIVE for p in target.paragraphs))

    def positions(doc: Document) -> dict[str, str]:
        tops = [p for p in doc.paragraphs if p.kind == OPERATIVE and p.letter is None]
        return {p.id: str(k) for k, p in enumerate(tops, 1)}

    pos_s, pos_t = positions(source), positions(target)
    # a text whose words run together (the parser's no-word-spaces) cannot be read for facts: its structure
    # and footnotes are checked, its numbers, dates, symbols and spacing are not (the warning says so)
    readable = not (_words_run_together(source) or _words_run_together(target))
    pairs = pair_paragraphs(source, target)
    for a, b, _how in pairs:
        if b is None:
            counts = n_pp if a.kind == PREAMBULAR else n_op
            found.append(_finding("paragraph-missing", a, None,
                                  f"{a.id} has no counterpart in the target ({counts[0]} {a.kind} paragraphs in "
                                  f"source, {counts[1]} in target)", source_value=a.id, source_excerpt=_opening(a)))
            continue
        if a is None:
            counts = n_pp if b.kind == PREAMBULAR else n_op
            found.append(_finding("paragraph-extra", None, b,
                                  f"{b.id} has no counterpart in the source ({counts[0]} {b.kind} paragraphs in "
                                  f"source, {counts[1]} in target)", target_value=b.id, target_excerpt=_opening(b)))
            continue
        # numbers that differ only because a paragraph is missing before them are not a second fault
        if a.kind == OPERATIVE and a.number != b.number and a.letter is None and b.letter is None and (
                a.number != pos_s.get(a.id) or b.number != pos_t.get(b.id)):
            found.append(_finding("operative-number-mismatch", a, b,
                                  f"operative paragraph numbered {a.number} in source, {b.number} in target",
                                  source_value=a.number, target_value=b.number,
                                  source_excerpt=_opening(a), target_excerpt=_opening(b)))
        if a.letter != b.letter:
            found.append(_finding("subparagraph-mismatch", a, b,
                                  f"sub-paragraph ({a.letter}) in source, ({b.letter}) in target",
                                  source_value=a.letter, target_value=b.letter))
        if readable:
            (fa, sa), (fb, sb) = shared(a.text, la), shared(b.text, lb)  # read only, never changed
            found += _fact_findings(fa, fb, a, b, la, lb, texts=(a.text, b.text), spans=(sa, sb))
        if a.footnotes != b.footnotes:
            ex_s, ex_t, mark_s, mark_t = _marker_excerpts(a, b)
            found.append(_finding("footnote-marker-mismatch", a, b,
                                  f"footnote markers {', '.join(a.footnotes) or 'none'} in source, "
                                  f"{', '.join(b.footnotes) or 'none'} in target",
                                  source_value=",".join(a.footnotes), target_value=",".join(b.footnotes),
                                  source_excerpt=ex_s, target_excerpt=ex_t, source_mark=mark_s, target_mark=mark_t))
    notes_t = {f.marker: f for f in target.footnotes}
    for f in source.footnotes:
        g = notes_t.pop(f.marker, None)
        if g is None:
            found.append(_finding("footnote-mismatch", f, None, f"footnote {f.marker} is missing in target",
                                  source_value=f.marker))
            continue
        if not readable:
            continue
        (fa, sa), (fb, sb) = shared(f.text, la), shared(g.text, lb)
        # a footnote's facts are that rule's, whatever the kind
        found += _fact_findings(fa, fb, f, g, la, lb, where=f"footnote {f.marker}: ", texts=(f.text, g.text),
                                spans=(sa, sb), rule="footnote-mismatch")
    for g in notes_t.values():
        found.append(_finding("footnote-mismatch", None, g, f"footnote {g.marker} is not in source",
                              target_value=g.marker))
    found += qa_findings(source, target, pairs, config) if readable else []
    # a pair whose translation differs for a reason already reported is no second, vaguer finding
    flagged = {(f.source, f.target) for f in found if f.rule != "inconsistent-translation"}
    found = [f for f in found if f.rule != "inconsistent-translation" or (f.source, f.target) not in flagged]
    kept = [x for f in found if (x := config.applies(f)) is not None]
    return CheckResult(source, target, tuple(kept), tuple(Pair(a and a.id, b and b.id, how) for a, b, how in pairs))


def check_parity(old_source: Document, old_target: Document, source: Document, target: Document,
                 config: Config | None = None, given: tuple[str | None, str | None] = (None, None)) -> CheckResult:
    """The pair check of the new versions, plus change parity: a paragraph changed between the two
    versions in one language must have changed in the other, with the same numbers, dates, symbols."""
    from .align import pair_paragraphs
    from .comparison import compare

    config = config or Config()
    base = check_documents(source, target, config, given)
    ds, dt = compare(old_source, source), compare(old_target, target)
    pairs = {p.source: p.target for p in base.pairs if p.source and p.target}
    back = {v: k for k, v in pairs.items()}
    old_pairs = {a.id: b.id for a, b, _ in pair_paragraphs(old_source, old_target) if a and b}
    para_s = {p.id: p for p in source.paragraphs}
    para_t = {p.id: p for p in target.paragraphs}
    old_s = {p.id: p for p in old_source.paragraphs}
    old_t = {p.id: p for p in old_target.paragraphs}

    def changes(d):
        out = {}
        for c in d.changes:
            if c.is_footnote:
                continue
            if c.kind in (MODIFIED, INSERTED):
                for pid in c.new:
                    out[pid] = c
            elif c.kind == DELETED:
                for pid in c.old:
                    out[("old", pid)] = c
        return out

    cs, ct = changes(ds), changes(dt)
    old_back: dict[str, str] = {}
    for sid, tid in old_pairs.items():
        old_back.setdefault(tid, sid)
    found: list[Finding] = []
    # each side's changes against the other side's; a finding names the source's paragraph first
    for mine, theirs, partner, old_partner, here, there in ((cs, ct, pairs, old_pairs, "source", "target"),
                                                           (ct, cs, back, old_back, "target", "source")):
        def ordered(x, y, here=here):  # (source's, target's)
            return (x, y) if here == "source" else (y, x)

        for key, c in mine.items():
            if isinstance(key, tuple):  # deleted: its old partner must be deleted too
                other = old_partner.get(key[1])
                if other is not None and ("old", other) not in theirs:
                    gone, kept = (old_s, old_t) if here == "source" else (old_t, old_s)
                    a, b = ordered(gone[key[1]], kept[other])
                    sv, tv = ordered("deleted", "kept")
                    found.append(_finding("change-parity", a, b, f"{key[1]} was deleted in {here} but {other} "
                                          f"is still in {there} (lines of the previous versions)",
                                          source_value=sv, target_value=tv))
                continue
            other = partner.get(key)
            if other is None:
                continue
            pid, tid = ordered(key, other)
            pa, pb = para_s.get(pid), para_t.get(tid)
            if other not in theirs:
                sv, tv = ordered(c.kind, "unchanged")
                found.append(_finding("change-parity", pa, pb,
                                      f"{key} was {c.kind} in {here} but {other} is unchanged in {there}",
                                      source_value=sv, target_value=tv))
            elif here == "source" and c.kind == MODIFIED and theirs[other].kind == MODIFIED:
                # what the change added and removed, read on the whole paragraphs: a diff may cut inside a
                # number word (the Chinese seventy-sixth -> seventy-seventh inserts only the ideograph for
                # seven), where no fact can be read from the pieces
                ins_s, del_s = _delta(c.old_text, c.new_text, source.language)
                ins_t, del_t = _delta(theirs[other].old_text, theirs[other].new_text, target.language)
                found += _fact_findings(ins_s, ins_t, pa, pb, source.language, target.language,
                                        where="inserted ", rule="change-fact-mismatch")
                found += _fact_findings(del_s, del_t, pa, pb, source.language, target.language,
                                        where="deleted ", rule="change-fact-mismatch")
    kept = [x for f in found if (x := config.applies(f)) is not None]
    return base.replace(findings=base.findings + tuple(kept))
