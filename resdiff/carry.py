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
from .lang import (
    ADOPTION,
    AGENDA,
    MEETING_LINE,
    OPENING,
    REPORT_SYMBOL,
    SESSION,
    TITLE_NUMBER,
    find_date,
    write_date,
    write_ordinal,
)
from .model import DELETED, INSERTED, UNCHANGED, Document, Paragraph
from .results import CARRIED, TRANSLATE, UPDATED, Carried, CarriedNote, CarryResult, Pair, Update


def carry(old_source: Document, new_source: Document, old_target: Document, *, source_tag: str | None = None,
          target_tag: str | None = None) -> CarryResult:
    """The draft of the new target (see the module). `source_tag` and `target_tag` are BCP 47 tags as the user
    gave them (zh-CN, es-419), kept for the CAT formats; the documents' languages choose the conventions."""
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
        base.update(similarity=c.similarity, old_source_text=old_p.text)
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
                       _closing(old_target, new_source), _masthead(old_source, new_source, old_target),
                       source_tag, target_tag)


# --- the masthead, title and closing: lines of their own ------------------------------------------

# The lines a translator translates besides the paragraphs, in the order they stand: before the opening
# ("The General Assembly,"), the session, the agenda item and its title, the adoption line, the committee
# report and the resolution's title line; after the last paragraph, the plenary meeting and the date.
HEAD_KINDS = ("session", "agenda-item", "agenda-title", "adoption", "report", "title")
CLOSING_KINDS = ("meeting", "date")


def masthead_lines(doc: Document) -> dict[str, str]:
    """The masthead and closing lines of a document by kind (the first of each kind), as printed."""
    lines = [s.strip() for s in doc.other]
    out: dict[str, str] = {}
    opened = False
    prev = None
    for s in lines:
        if not s:
            continue
        kind = None
        if OPENING.match(s):
            opened = True
        elif not opened:
            if SESSION.match(s) and not AGENDA.match(s):
                kind = "session"
            elif AGENDA.match(s):
                kind = "agenda-item"
            elif ADOPTION.search(s):
                kind = "adoption"
            elif s.startswith("[") and re.search(REPORT_SYMBOL, s):
                kind = "report"
            elif re.match(rf"{TITLE_NUMBER}[A-Z]?\.\s", s):
                kind = "title"
            elif prev == "agenda-item":
                kind = "agenda-title"
        elif MEETING_LINE.match(s):
            kind = "meeting"
        elif find_date(s) and len(s) < 40:
            kind = "date"
        if kind == "title" and doc.metadata.title and len(doc.metadata.title) > len(s.split(" ", 1)[-1]):
            s = f"{s.split(' ', 1)[0]} {doc.metadata.title}"  # a title printed over two lines, whole
        if kind and kind not in out:
            out[kind] = s
        prev = kind
    return out


def _masthead(old_source: Document, new_source: Document, old_target: Document) -> tuple[Carried, ...]:
    """Each masthead, title and closing line of the new source, carried from the old target's line of the same
    kind where the source's did not change, updated where it changed by routine updates only (a session
    ordinal, a date, a meeting number, a symbol), else to translate, with the old target's line."""
    from .normalize import fold

    old, new, target = masthead_lines(old_source), masthead_lines(new_source), masthead_lines(old_target)
    out = []
    for kind in HEAD_KINDS + CLOSING_KINDS:
        if kind not in new:
            continue
        base = {"id": kind, "source_text": new[kind], "kind": kind}
        if kind not in old or kind not in target:
            why = "not in the old target" if kind in old else "not in the old source"
            out.append(Carried(status=TRANSLATE, text=target.get(kind, ""), reason=f"a {kind} line {why}", **base))
            continue
        t = target[kind]
        if fold(old[kind]) == fold(new[kind]):
            out.append(Carried(status=CARRIED, text=t, from_id=kind, **base))
            continue
        text, updates, why, _ = update_paragraph(old[kind], new[kind], t, old_source.language, new_source.language,
                                                 old_target.language)
        base.update(old_source_text=old[kind], from_id=kind)
        if why:
            out.append(Carried(status=TRANSLATE, text=t, reason=why, **base))
        else:
            out.append(Carried(status=UPDATED, text=text, updates=tuple(updates), **base))
    return tuple(out)


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
    # a recalled resolution added to a list: one symbol and one date more, none less (other routine
    # updates, a count of States, may come with it)
    recalled = (not removed_all["symbols"] and not removed_all["dates"] and sum(added_all["symbols"].values()) == 1
                and sum(added_all["dates"].values()) == 1)
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
    for kind in kinds:
        if recalled and kind in ("symbols", "dates"):
            continue
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
            written, why = _write(kind, surface, old, new, lt, target[b:b + 40])
            if written is None:
                return target, [], why or f"cannot write the {_NAMES[kind]} {new} in {lt} with certainty", []
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


def _write(kind: str, surface: str, old, new, lang: str, after: str = "") -> tuple[str | None, str | None]:
    """The new value written as the target wrote the old one, or None and why not (None: the general reason)."""
    if kind == "symbols":
        return (surface.replace(str(old), str(new)), None) if str(old) in surface else (None, None)
    if kind == "numbers":
        digits = re.sub(r"\D", "", surface)
        if digits == surface:
            return str(new), None
        sep = next((c for c in surface if not c.isdigit()), None)
        if sep is None or "." in str(new):
            return None, None
        return f"{int(new):,}".replace(",", sep), None
    if kind == "dates":
        if "/" in str(old) or "/" in str(new):
            return None, None  # a date range: left to the translator
        return write_date(surface, str(old), str(new), lang), None
    if kind == "ordinals":
        return write_ordinal(surface, int(old), int(new), lang, after)
    return None, None


def _add_recalled(target: str, spans: dict, lang: str, symbol: str, date: str):
    """A recalled resolution added at the end of a list ("… 73/54 of 5 December 2018 and 74/62 of 12
    December 2019"): the target's own last item copied with the new symbol and date, joined as the
    target joins its items. Returns ("\\0", start, end, text) to replace, or the reason it cannot."""
    syms = sorted((s, v) for (k, v), ss in spans.items() if k == "symbols" for s in ss)
    dates = sorted((s, v) for (k, v), ss in spans.items() if k == "dates" for s in ss)
    # each symbol with its date: the one just after it ("73/54 du 5 décembre 2018") or just before it
    # (Chinese: "on 5 December 2018, No. 73/54"), as the target writes all of them
    def after(a, b):
        return next(((s, v) for s, v in dates if 0 <= s[0] - b < 20), None)

    def before(a, b):
        return next(((s, v) for s, v in reversed(dates) if 0 <= a - s[1] < 20), None)

    side = after if sum(bool(after(*s)) for s, _ in syms) >= sum(bool(before(*s)) for s, _ in syms) else before
    items = []
    for (a, b), _ in syms:
        near = side(a, b)
        if not near:
            continue
        (c, d), v = near
        items.append((min(a, c), max(b, d), target[a:b], v))
    items.sort()
    if len(items) < 3:
        return "the target's list of recalled resolutions is too short to follow its pattern"
    glues = [target[items[k][1]:items[k + 1][0]] for k in range(len(items) - 1)]
    mid, last = glues[-2], glues[-1]
    # "A, B and C" (the last joined apart) or "A and B and C" (Arabic: every item joined alike)
    if (mid == last and len(set(glues)) != 1) or len(mid) > 12 or len(last) > 12:
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


# --- last year found for you: carry NEW_SOURCE --from DIR -----------------------------------------


def _series_key(doc: Document) -> tuple[str, str]:
    """What a resolution's series is known by across years: its title and its agenda item's title (folded)."""
    from .normalize import fold

    m = doc.metadata
    agenda = masthead_lines(doc).get("agenda-title", "")
    return fold(m.title or ""), fold(agenda)


def last_year(new_source: Document, folder: str, target_language: str | None = None, *, warn=None
              ) -> tuple[Document, Document, str]:
    """Last year's source and target for `new_source` from a folder of earlier versions: the version in the
    source's language of the same series (the same title, or the same agenda item title) with the latest
    session before the new source's, and the version of the same symbol in the target language (the one other
    language the folder holds, or `target_language`). Returns them and a line saying which were chosen;
    raises UsageError where none fits, or where two candidates tie."""
    from .documents import expand, load_document
    from .errors import ResdiffError

    docs = []
    for path in expand([folder]):
        try:
            docs.append(load_document(path, warn=warn))
        except ResdiffError as e:
            if warn:
                warn(f"{path}: {e.message}; left out")
    lang = new_source.language
    title, agenda = _series_key(new_source)
    session = new_source.metadata.session

    def score(doc: Document) -> int:
        t, a = _series_key(doc)
        return 2 * bool(title and t == title) + bool(agenda and a == agenda)

    same = [d for d in docs if d.language == lang and score(d) and d.source != new_source.source
            and (session is None or (d.metadata.session or 0) < session)]
    if not same:
        raise UsageError(f"no earlier version of this resolution ({new_source.metadata.title or 'untitled'}) "
                         f"in {lang} in the folder", source=folder)
    rank = {id(d): (d.metadata.session or 0, score(d)) for d in same}
    best = max(rank.values())
    top = [d for d in same if rank[id(d)] == best]
    if len(top) > 1:
        names = " and ".join(d.source for d in top[:2])
        raise UsageError(f"two earlier versions tie (session {best[0]}, same series): {names}; name last year's "
                         "files yourself", source=folder)
    old_source = top[0]
    symbol = old_source.metadata.symbol
    others = [d for d in docs if d.language != lang and symbol and d.metadata.symbol == symbol
              and (target_language is None or d.language == target_language)]
    languages = sorted({d.language for d in others})
    if not others:
        raise UsageError(f"no translation of {symbol or old_source.source} in the folder"
                         + (f" in {target_language}" if target_language else ""), source=folder)
    if len(languages) > 1:
        raise UsageError(f"{symbol} is there in {', '.join(languages)}: say which with --target-lang", source=folder)
    if len(others) > 1:
        names = " and ".join(d.source for d in others[:2])
        raise UsageError(f"two {languages[0]} versions of {symbol} tie: {names}; name last year's files yourself",
                         source=folder)
    old_target = others[0]
    return old_source, old_target, (f"last year: {old_source.source} ({symbol}, session {best[0]}) and its "
                                    f"{old_target.language} version {old_target.source}")
