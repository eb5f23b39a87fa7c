"""Several versions of one resolution as one story: ordering, lineages, blame."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from .comparison import compare
from .errors import UsageError
from .model import DELETE, DELETED, EQUAL, INSERT, INSERTED, MODIFIED, UNCHANGED, Change, Document, DocumentDiff
from .normalize import fold
from .results import CHANGED, GONE, NEW, SAME, BlameClause, BlameParagraph, Lineage, Series
from .tokenize import clauses

Progress = Callable[[str], None]


def _number(doc: Document) -> tuple[int, int] | None:
    m = re.search(r"(\d+)/(\d+)", doc.metadata.symbol or "")
    return (int(m.group(1)), int(m.group(2))) if m else None


def order_versions(docs: list[Document]) -> tuple[list[Document], list[str]]:
    """Oldest first, by session and adoption date from the metadata; the given order as a fallback."""
    notes: list[str] = []
    if len(docs) < 2:
        raise UsageError("a series needs at least two versions")
    langs = {d.language for d in docs}
    if len(langs) > 1:
        listed = ", ".join(f"{d.source} ({d.language})" for d in docs)
        raise UsageError(f"the versions are in different languages: {listed}")
    seen: dict[str, str] = {}
    for d in docs:
        sym = d.metadata.symbol
        if sym and sym in seen:
            raise UsageError(f"{sym} is given twice ({seen[sym]} and {d.source})")
        if sym:
            seen[sym] = d.source
    if all(d.metadata.session is not None for d in docs):
        ordered = sorted(docs, key=lambda d: (d.metadata.session, d.metadata.adopted or "",
                                              _number(d) or (0, 0)))
    else:
        missing = ", ".join(d.source for d in docs if d.metadata.session is None)
        notes.append(f"no session found in {missing}: the versions are taken in the order given")
        ordered = list(docs)
    notes += _check_subject(ordered)
    return ordered, notes


def _check_subject(docs: list[Document]) -> list[str]:
    """One subject: the same title throughout, except a version that a later one recalls (63/71 heads
    the series on the Convention although its title is the Convention's own)."""
    titles = [fold(d.metadata.title or "") for d in docs]
    common = titles[-1]  # the subject is the newest version's
    notes = []
    for k, d in enumerate(docs):
        if titles[k] == common:
            continue
        num = _number(d)
        recalled_by = None
        if num:
            pattern = re.compile(rf"(?<![\d/]){num[0]}/{num[1]}(?![\d/])")
            recalled_by = next((later for later in docs[k + 1 :]
                                if any(pattern.search(fold(p.text)) for p in later.paragraphs[:3])),
                               None)
        if recalled_by is None:
            raise UsageError(
                f"not one subject: {d.source} is titled “{d.metadata.title}”, the others "
                f"“{next(x.metadata.title for x, t in zip(docs, titles, strict=True) if t == common)}”")
        notes.append(f"{d.metadata.symbol} has another title (“{d.metadata.title}”) but "
                     f"{recalled_by.metadata.symbol} recalls it in its opening paragraphs: "
                     "kept in the series")
    return notes


def build_series(docs: list[Document], *, progress: Progress | None = None) -> Series:
    """Order the versions, diff each consecutive pair, chain the pairs into lineages."""
    versions, notes = order_versions(docs)
    steps = []
    for a, b in zip(versions, versions[1:], strict=False):
        if progress:
            progress(f"comparing {a.metadata.symbol or a.source} with {b.metadata.symbol or b.source}")
        steps.append(compare(a, b))
    return Series(tuple(versions), tuple(steps), _lineages(versions, steps), tuple(notes))


def load_series(names: list[str], *, language: str | None = None, warn: Callable[[str], None] | None = None,
                progress=None) -> Series:
    """What `series` and `blame` are given: the versions named (files, folders, symbols) loaded and
    ordered, each consecutive pair compared. `progress(total, label)`, when given, is a context that
    yields a step(description) callable (the console's progress bar)."""
    from .documents import load_all

    if progress is None:
        docs = load_all(names, language=language, warn=warn)
        return build_series(docs)
    docs = load_all(names, language=language, warn=warn, progress=lambda total: progress(total, "loading"))
    with progress(len(docs) - 1, "comparing") as step:
        return build_series(docs, progress=step)


class _Rows:
    """Lineages under construction: one row per lineage, one entry per version so far."""

    def __init__(self) -> None:
        self.rows: list[dict[str, list]] = []

    def start(self, pid: str, k: int) -> int:
        self.rows.append({"ids": [None] * k, "states": [None] * k, "routine": [False] * k,
                          "moved": [False] * k})
        self.add(len(self.rows) - 1, pid, NEW)
        return len(self.rows) - 1

    def add(self, r: int, pid: str | None, state: str | None, routine: bool = False,
            moved: bool = False) -> None:
        row = self.rows[r]
        row["ids"].append(pid)
        row["states"].append(state)
        row["routine"].append(routine)
        row["moved"].append(moved)

    def lineage(self, r: int) -> Lineage:
        row = self.rows[r]
        return Lineage(tuple(row["ids"]), tuple(row["states"]), tuple(row["routine"]), tuple(row["moved"]))


def _reaching(step: DocumentDiff) -> Iterator[tuple[Change, bool]]:
    """The paragraph changes of a step that reach its new version (footnotes and deletions left out),
    each with whether it is an insertion: its paragraphs begin at this version."""
    for c in step.changes:
        if not (c.is_footnote or c.kind == DELETED):
            yield c, c.kind == INSERTED


def _lineages(versions: list[Document], steps: list[DocumentDiff]) -> tuple[Lineage, ...]:
    rows = _Rows()
    alive = {p.id: rows.start(p.id, 0) for p in versions[0].paragraphs}
    order = list(alive.values())
    for k, step in enumerate(steps, 1):
        now: dict[str, int] = {}
        for c, inserted in _reaching(step):
            if inserted:
                now.update({pid: rows.start(pid, k) for pid in c.new})
                continue
            r = alive[c.old[0]]
            rows.add(r, c.new[0], SAME if c.kind == UNCHANGED else CHANGED, c.routine, c.moved)
            now[c.new[0]] = r
            now.update({pid: rows.start(pid, k) for pid in c.new[1:]})  # a split's other parts
        for r, row in enumerate(rows.rows):
            if len(row["ids"]) == k:  # not in this version
                rows.add(r, None, GONE if any(s is not None for s in row["states"]) else None)
        order = _place(order, [now[p.id] for p in versions[k].paragraphs])
        alive = now
    return tuple(rows.lineage(r) for r in order)


def _place(previous: list[int], current: list[int]) -> list[int]:
    """The current order, with lineages no longer present kept after the one they followed."""
    out = list(current)
    placed = set(out)
    for pos, r in enumerate(previous):
        if r in placed:
            continue
        prev = next((previous[q] for q in range(pos - 1, -1, -1) if previous[q] in placed), None)
        out.insert(out.index(prev) + 1 if prev is not None else 0, r)
        placed.add(r)
    return out


# --- blame ---------------------------------------------------------------------------

def _carry(old_origin: list[int], ops, k: int, *, layout_only: bool = False) -> list[int]:
    """Character origins of the new text: kept characters keep theirs, inserted ones are version k;
    a deletion marks the characters on either side (the clause it happened in changed at k).
    With layout_only (an unchanged paragraph re-wrapped or re-spaced) nothing is new."""
    out: list[int] = []
    pos = 0
    touch = False
    for op, s in ops:
        if op == EQUAL:
            got = old_origin[pos : pos + len(s)]
            if touch and got:
                got = [k] + got[1:]
                touch = False
            out += got
            pos += len(s)
        elif op == DELETE:
            pos += len(s)
            if fold(s) and not layout_only:
                touch = True
                if out:
                    out[-1] = k
        elif op == INSERT:
            fresh = fold(s) and not layout_only
            kept = out[-1] if out else (old_origin[pos] if pos < len(old_origin) else k)
            out += [k if fresh else kept] * len(s)
    return out


def blame(series: Series) -> list[BlameParagraph]:
    """The newest version, each paragraph and clause with the version whose wording it carries."""
    from .diff import diff_texts

    origins = {p.id: [0] * len(p.text) for p in series.versions[0].paragraphs}
    for k, step in enumerate(series.steps, 1):
        old_text = {p.id: p.text for p in step.old.paragraphs}
        new_text = {p.id: p.text for p in step.new.paragraphs}
        nxt: dict[str, list[int]] = {}
        for c, inserted in _reaching(step):
            if inserted:
                for pid in c.new:
                    nxt[pid] = [k] * len(new_text[pid])
                continue
            joined: list[int] = []
            for i, pid in enumerate(c.old):
                joined += origins[pid] + ([0] if i < len(c.old) - 1 else [])
            a, b = "\n".join(old_text[i] for i in c.old), "\n".join(new_text[j] for j in c.new)
            if c.kind == MODIFIED:
                carried = _carry(joined, c.ops, k)
            elif a == b:
                carried = joined
            else:
                carried = _carry(joined, diff_texts(a, b), k, layout_only=True)
            _split_into(nxt, c.new, new_text, carried)
        origins = nxt
    lineage_of = {lin.ids[-1]: lin for lin in series.lineages if lin.ids[-1] is not None}
    out = []
    for p in series.versions[-1].paragraphs:
        lin = lineage_of[p.id]
        introduced = next(k for k, s in enumerate(lin.states) if s is not None)
        changed = max([introduced] + [k for k, s in enumerate(lin.states) if s == CHANGED])
        wording = max([introduced] + [k for k, s in enumerate(lin.states) if s == CHANGED and not lin.routine[k]])
        pieces = []
        pos = 0
        for cl in clauses(p.text):
            here = origins[p.id][pos : pos + len(cl)]
            span = [o for o, ch in zip(here, cl, strict=True) if not ch.isspace()]
            pieces.append(BlameClause(cl, max(span) if span else introduced))
            pos += len(cl)
        out.append(BlameParagraph(p.id, introduced, changed, tuple(pieces), wording))
    return out


def _split_into(target: dict[str, list[int]], ids, texts: dict[str, str], joined: list[int]) -> None:
    pos = 0
    for pid in ids:
        n = len(texts[pid])
        target[pid] = joined[pos : pos + n]
        pos += n + 1
