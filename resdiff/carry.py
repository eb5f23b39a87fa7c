"""Next year's translation from last year's: carry the old target over the source's changes.

carry(old_source, new_source, old_target) gives a draft of the new target, one entry per paragraph of
the new source, in order:
- `carried`: the source paragraph did not change (perhaps renumbered or moved): the old target's
  paragraph, word for word;
- `updated`: the source changed only by routine updates (numbers, dates, symbols, session ordinals, a
  recalled resolution added at the end of its list): the old target's paragraph with the same updates
  made as the target writes them, each listed;
- `translate`: inserted or reworded in the source, or an update that cannot be made with certainty
  (the reason says which); the old target's text where there was one.
Nothing is guessed: an update is kept only when the updated target then has exactly the numbers,
dates, symbols and ordinals of the new source.
"""

from __future__ import annotations

import re

from .align import pair_paragraphs
from .comparison import compare
from .errors import UsageError
from .facts import ORDINAL_LANGS, Facts, extract
from .lang import MEETING_LINE, MONTHS, find_date, month_number
from .model import DELETED, INSERTED, UNCHANGED, Document, Paragraph
from .results import CARRIED, TRANSLATE, UPDATED, Carried, CarriedNote, CarryResult, Pair, Update


def carry(old_source: Document, new_source: Document, old_target: Document) -> CarryResult:
    if old_source.language != new_source.language:
        raise UsageError(f"the two sources are in different languages ({old_source.language}, "
                         f"{new_source.language})")
    diff = compare(old_source, new_source)
    pairs = pair_paragraphs(old_source, old_target)
    to_target = {a.id: b for a, b, _ in pairs if a and b}
    by_new: dict[str, object] = {}
    deleted = []
    for c in diff.changes:
        if c.is_footnote:
            continue
        for pid in c.new:
            by_new[pid] = c
        if c.kind == DELETED:
            deleted += [to_target[pid].id for pid in c.old if pid in to_target]
    lt = old_target.language
    out = []
    for p in new_source.paragraphs:
        c = by_new[p.id]
        target = [to_target.get(pid) for pid in c.old]
        prefix = _prefix(p, old_target)
        base = {"id": p.id, "source_text": p.text, "prefix": prefix}
        if c.kind == INSERTED:
            out.append(Carried(status=TRANSLATE, text="", reason="inserted in the source", **base))
            continue
        if len(c.old) != 1 or len(c.new) != 1:
            out.append(Carried(status=TRANSLATE, text="\n".join(t.text for t in target if t),
                               reason="split or merged in the source", source_ops=c.ops, **base))
            continue
        t = target[0]
        if t is None:
            out.append(Carried(status=TRANSLATE, text="", reason=f"{c.old[0]} has no counterpart in the old target",
                               **base))
            continue
        old_p = old_source.paragraph(c.old[0])
        if len(old_p.footnotes) != len(p.footnotes) or len(t.marks) != len(p.footnotes):
            out.append(Carried(status=TRANSLATE, text=t.text, from_id=t.id, source_ops=c.ops,
                               reason="its footnote references changed in the source", **base))
            continue
        base.update(footnotes=p.footnotes)
        if c.kind == UNCHANGED:
            out.append(Carried(status=CARRIED, text=t.text, from_id=t.id, marks=t.marks, **base))
            continue
        if not c.routine:  # a modification (unchanged, inserted and split ones are handled above)
            out.append(Carried(status=TRANSLATE, text=t.text, from_id=t.id, reason="reworded in the source",
                               source_ops=c.ops, **base))
            continue
        text, updates, why, edits = update_paragraph(old_p.text, p.text, t.text, old_source.language,
                                                     new_source.language, lt)
        if why:
            out.append(Carried(status=TRANSLATE, text=t.text, from_id=t.id, reason=why, source_ops=c.ops, **base))
        else:
            marks = tuple(m + sum(len(rep) - (b - a) for a, b, rep in edits if b <= m) for m in t.marks)
            out.append(Carried(status=UPDATED, text=text, from_id=t.id, updates=tuple(updates), marks=marks,
                               **base))
    return CarryResult(old_source, new_source, old_target, tuple(out), tuple(deleted),
                       _metadata(new_source, old_target), _notes(old_source, new_source, old_target),
                       tuple(Pair(a and a.id, b and b.id, how) for a, b, how in pairs),
                       _closing(old_target, new_source))


def _notes(old_source: Document, new_source: Document, old_target: Document) -> tuple[CarriedNote, ...]:
    """Each footnote of the new source: the old target's where the old source had the same footnote."""
    from .normalize import fold

    old_by_text = {fold(f.text): f.marker for f in old_source.footnotes}
    target = {f.marker: f for f in old_target.footnotes}
    out = []
    for f in new_source.footnotes:
        m = old_by_text.get(fold(f.text))
        t = target.get(m) if m else None
        out.append(CarriedNote(f.marker, CARRIED if t else TRANSLATE, t.text if t else "", f.text, m if t else None))
    return tuple(out)


def _prefix(p: Paragraph, old_target: Document) -> str:
    if not p.prefix:
        return ""
    arabic = any(re.match(r"\d+\s+-", q.prefix) for q in old_target.paragraphs if q.prefix)
    if p.letter:
        return f"({p.letter}) "
    return f"{p.number} - " if arabic else f"{p.number}. "


def _metadata(new_source: Document, old_target: Document) -> dict:
    """What the new target's masthead can say: the new source's symbol, session and dates (language-free
    facts); the title stays the old target's until a translator looks (None where not known)."""
    ns, ot = new_source.metadata, old_target.metadata
    return {"symbol": ns.symbol, "session": ns.session, "language": ot.language, "title": ot.title,
            "adopted": ns.adopted, "distributed": None, "meeting": ns.meeting}


def _closing(old: Document, new_source: Document) -> tuple[str, ...]:
    """The old target's closing (meeting and date, in its order) with the new source's meeting and date;
    nothing where they are not known yet (a draft resolution): the translator adds them."""
    new = new_source.metadata
    other = [s.strip() for s in old.other]
    k = next((i for i in range(len(other) - 1, -1, -1) if MEETING_LINE.match(other[i])), None)
    if k is None or not new.meeting or not new.adopted or not old.metadata.adopted:
        return ()
    meeting = re.sub(r"\d+", str(new.meeting), other[k], count=1)
    j = k + 1 if k + 1 < len(other) and find_date(other[k + 1]) else k - 1
    if j < 0 or not find_date(other[j]):
        return ()
    date = write_date(other[j], old.metadata.adopted, new.adopted, old.language)
    if date is None:
        return ()
    return (meeting, date) if j > k else (date, meeting)


# --- routine updates, made as the target writes them ---------------------------------------------


def _facts(text: str, lang: str) -> tuple[Facts, dict]:
    spans: dict = {}
    return extract(text, lang, spans), spans


def _same_facts(a: Facts, b: Facts, ordinals: bool) -> bool:
    return all(getattr(a, k) == getattr(b, k) for k in Facts.KINDS if k != "ordinals" or ordinals)


def update_paragraph(old_src: str, new_src: str, target: str, ls: str, ls_new: str, lt: str
                     ) -> tuple[str, list[Update], str | None, list[tuple[int, int, str]]]:
    """The target paragraph with the source's routine updates made, the updates, and the edits made
    (start, end, replacement); or the target unchanged and the reason why not (third item)."""
    ordinals = ls in ORDINAL_LANGS and lt in ORDINAL_LANGS
    fa, sa = _facts(old_src, ls)
    fb, sb = _facts(new_src, ls_new)
    ft, st = _facts(target, lt)
    if not _same_facts(fa, ft, ordinals):
        return target, [], "the old target's numbers, dates or symbols differ from the old source's", []
    edits: list[tuple[int, int, str]] = []  # (start, end, replacement) in the target
    updates: list[Update] = []
    kinds = ("symbols", "dates", "numbers") + (("ordinals",) if ordinals else ())
    added_all = {k: getattr(fb, k) - getattr(fa, k) for k in kinds}
    removed_all = {k: getattr(fa, k) - getattr(fb, k) for k in kinds}
    recalled = (not any(removed_all.values()) and sum(added_all["symbols"].values()) == 1
                and sum(added_all["dates"].values()) == 1 and not added_all["numbers"]
                and not added_all.get("ordinals"))
    if recalled:
        sym, date = next(iter(added_all["symbols"])), next(iter(added_all["dates"]))
        made = _add_recalled(target, st, lt, sym, date)
        if isinstance(made, str):
            return target, [], made, []
        start, end, text = made[1:]
        edits.append((start, end, text))
        (a, b), = sb[("symbols", sym)]
        (c, d), = sb[("dates", date)]
        updates.append(Update(target[start:end], text, "recalled", "", new_src[min(a, c):max(b, d)]))
    else:
        for kind in kinds:
            removed, added = removed_all[kind], added_all[kind]
            if not removed and not added:
                continue
            olds = sorted(removed.elements(), key=lambda v: sa[(kind, v)][0][0])
            news = sorted(added.elements(), key=lambda v: sb[(kind, v)][0][0])
            if len(olds) != len(news):
                what = ", ".join(map(str, olds + news))
                return target, [], f"{_NAMES[kind]} added or removed in the source ({what})", []
            for old, new in zip(olds, news, strict=True):
                spans = st.get((kind, old), [])
                if len(spans) != 1 or getattr(ft, kind)[old] != 1:
                    return target, [], f"{old} stands {len(spans)} times in the target paragraph", []
                (a, b), = spans
                surface = target[a:b]
                written = _write(kind, surface, old, new, lt)
                if written is None:
                    return target, [], f"cannot write the {_NAMES[kind]} {new} in {lt} with certainty", []
                edits.append((a, b, written))
                (c, d), (e, f) = sa[(kind, old)][0], sb[(kind, new)][0]
                updates.append(Update(surface, written, kind[:-1], old_src[c:d], new_src[e:f]))
    text = target
    for a, b, rep in sorted(edits, reverse=True):
        text = text[:a] + rep + text[b:]
    if not _same_facts(extract(text, lt), fb, ordinals):
        return target, [], "the updated target would not have the new source's numbers, dates and symbols", []
    return text, updates, None, edits


_NAMES = {"symbols": "symbol", "dates": "date", "numbers": "number", "ordinals": "ordinal"}


def _write(kind: str, surface: str, old, new, lang: str) -> str | None:
    if kind == "symbols":
        return surface.replace(str(old), str(new)) if str(old) in surface else None
    if kind == "numbers":
        digits = re.sub(r"\D", "", surface)
        if digits == surface:
            return str(new)
        sep = next((c for c in surface if not c.isdigit()), None)
        if sep is None or "." in str(new):
            return None
        groups = f"{int(new):,}".replace(",", sep)
        return groups
    if kind == "dates":
        if "/" in str(old) or "/" in str(new):
            return None  # a date range: left to the translator
        return write_date(surface, str(old), str(new), lang)
    if kind == "ordinals":
        return _write_ordinal(surface, int(old), int(new), lang)
    return None


_AR_MONTHS = ["كانون الثاني/يناير", "شباط/فبراير", "آذار/مارس", "نيسان/أبريل", "أيار/مايو", "حزيران/يونيه",
              "تموز/يوليه", "آب/أغسطس", "أيلول/سبتمبر", "تشرين الأول/أكتوبر", "تشرين الثاني/نوفمبر",
              "كانون الأول/ديسمبر"]


def write_date(surface: str, old: str, new: str, lang: str) -> str | None:
    """The new date written as the target wrote the old one: day, month and year put in place."""
    (y0, m0, d0), (y1, m1, d1) = (map(int, old.split("-")), map(int, new.split("-")))
    if lang == "zh":
        m = re.fullmatch(r"(\d{4})(\s*)年(\s*)(\d{1,2})(\s*)月(\s*)(\d{1,2})(\s*)日", surface)
        if not m:
            return None
        g = m.groups()
        return f"{y1}{g[1]}年{g[2]}{m1}{g[4]}月{g[5]}{d1}{g[7]}日"
    out = re.sub(rf"(?<!\d){y0}(?!\d)", str(y1), surface, count=1)
    out = re.sub(rf"(?<!\d){d0}(?!\d)", str(d1), out, count=1)
    if m0 != m1:
        if lang == "ar":
            for name in _AR_MONTHS:
                if name in out:
                    out = out.replace(name, _AR_MONTHS[m1 - 1])
                    break
            else:
                return None
        else:
            names = MONTHS.get(lang)
            if not names:
                return None
            word = next((w for w in re.findall(r"[^\W\d_]+", out) if _month(w) == m0), None)
            if word is None:
                return None
            rep = names[m1 - 1]
            out = out.replace(word, rep.capitalize() if word[0].isupper() else rep, 1)
    return out


def _month(word: str) -> int | None:
    try:
        return month_number(word)
    except KeyError:
        return None


_ZH_DIGITS = "〇一二三四五六七八九"


def zh_number(n: int) -> str:
    """七十七, 十一, 一百零三 (as session and anniversary ordinals are written)."""
    if n < 10:
        return _ZH_DIGITS[n]
    if n < 20:
        return "十" + (_ZH_DIGITS[n % 10] if n % 10 else "")
    if n < 100:
        return _ZH_DIGITS[n // 10] + "十" + (_ZH_DIGITS[n % 10] if n % 10 else "")
    rest = n % 100
    head = _ZH_DIGITS[n // 100] + "百"
    if not rest:
        return head
    return head + ("零" + _ZH_DIGITS[rest] if rest < 10 else ("一" + zh_number(rest) if rest < 20 else zh_number(rest)))


_EN_ORD_UNITS = ["", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
                 "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth",
                 "eighteenth", "nineteenth"]
_EN_TENS_CARD = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
_EN_TENS_ORD = ["", "", "twentieth", "thirtieth", "fortieth", "fiftieth", "sixtieth", "seventieth", "eightieth",
                "ninetieth"]


def en_ordinal_words(n: int) -> str | None:
    if n < 20:
        return _EN_ORD_UNITS[n] or None
    if n < 100:
        return _EN_TENS_ORD[n // 10] if n % 10 == 0 else f"{_EN_TENS_CARD[n // 10]}-{_EN_ORD_UNITS[n % 10]}"
    return None


def _write_ordinal(surface: str, old: int, new: int, lang: str) -> str | None:
    if lang == "zh":
        old_zh, new_zh = zh_number(old), zh_number(new)
        return surface.replace(old_zh, new_zh, 1) if old_zh in surface else None
    if lang == "en":
        a, b = en_ordinal_words(old), en_ordinal_words(new)
        if not a or not b or a not in surface.lower():
            return None
        k = surface.lower().index(a)
        rep = b.capitalize() if surface[k].isupper() else b
        return surface[:k] + rep + surface[k + len(a):]
    return None  # French, Spanish, Russian and Arabic ordinals agree in gender and case: a translator's call


def _add_recalled(target: str, spans: dict, lang: str, symbol: str, date: str):
    """A recalled resolution added at the end of a list ("… 73/54 of 5 December 2018 and 74/62 of 12
    December 2019"): the target's own last item copied with the new symbol and date, joined as the
    target joins its items. Returns ("\\0", start, end, text) to replace, or the reason it cannot."""
    syms = sorted((s, v) for (k, v), ss in spans.items() if k == "symbols" for s in ss)
    dates = sorted((s, v) for (k, v), ss in spans.items() if k == "dates" for s in ss)
    items = []
    for (a, b), _ in syms:
        near = [(s, v) for s, v in dates if abs(s[0] - b) < 20 or abs(a - s[1]) < 20]
        if not near:
            continue
        (c, d), v = min(near, key=lambda x: min(abs(x[0][0] - b), abs(a - x[0][1])))
        items.append((min(a, c), max(b, d), target[a:b], v))
    items.sort()
    if len(items) < 3:
        return "the target's list of recalled resolutions is too short to follow its pattern"
    glues = [target[items[k][1]:items[k + 1][0]] for k in range(len(items) - 1)]
    mid, last = glues[-2], glues[-1]
    if mid == last or len(mid) > 12 or len(last) > 12:
        return "the target does not join its recalled resolutions as a list ('A, B and C')"
    a, b, sym_old, date_old = items[-1]
    item = target[a:b].replace(sym_old, symbol)
    m = next(((s, e) for (s, e), v in dates if v == date_old and a <= s < b), None)
    if m is None:
        return "the target's last recalled resolution has no date"
    date_surface = target[m[0]:m[1]]
    new_date = write_date(date_surface, date_old, date, lang) if "/" not in date_old else None
    if new_date is None:
        return f"cannot write the date {date} as the target does"
    item = item.replace(date_surface, new_date)
    start = items[-2][1]
    text = mid + target[a:b] + last + item
    return ("\0", start, b, text)
