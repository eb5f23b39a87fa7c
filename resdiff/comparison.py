"""compare(old, new) -> DocumentDiff: paragraphs and footnotes aligned, then diffed."""

from __future__ import annotations

import re

from .align import STRUCTURAL, align
from .diff import diff_clauses, similarity
from .model import (
    DELETED,
    EDITORIAL,
    EQUAL,
    INSERT,
    INSERTED,
    MODIFIED,
    SUBSTANTIVE,
    UNCHANGED,
    Change,
    Document,
    DocumentDiff,
)
from .normalize import fold, punctuation_widths
from .routine import editorial_key, is_routine, region_kinds

# A paragraph and its counterpart that keep less of their text than this are shown as one deleted and one
# inserted, never as a modification: the aligner's own floor for a paragraph that kept its place
# (align.STRUCTURAL), read here on the share of text kept (diff.similarity).
MIN_SIMILARITY = STRUCTURAL
# Two versions are of different resolutions when their titles differ and fewer than this share of the
# paragraphs of the longer one have a counterpart (unchanged or modified) in the other.
MIN_ALIGNED = 0.5


def _changes(old_ids, old_texts, new_ids, new_texts, old_kinds=None, new_kinds=None,
             lang="en", old_marks=None, new_marks=None) -> list[Change]:
    old_keys = [fold(t) for t in old_texts]  # the comparison form, computed once for all stages
    new_keys = _folded(new_texts, dict(zip(old_texts, old_keys, strict=True)))
    out = []
    for g in align(old_keys, new_keys, old_kinds, new_kinds):
        o = tuple(map(old_ids.__getitem__, g.old))
        n = tuple(map(new_ids.__getitem__, g.new))
        a = "\n".join(map(old_texts.__getitem__, g.old))
        b = "\n".join(map(new_texts.__getitem__, g.new))
        if not n:
            out.append(Change(DELETED, o, n, old_text=a))
        elif not o:
            out.append(Change(INSERTED, o, n, new_text=b))
        else:
            one = len(g.old) == 1 and len(g.new) == 1 and old_marks is not None
            marks = (old_marks[g.old[0]], new_marks[g.new[0]]) if one else ((), ())
            same = len(o) == len(n) and _spacing_only(old_keys, new_keys, g, a, b)
            if same and (a == b or punctuation_widths(a) == punctuation_widths(b)) and \
                    not _moved_markers(a, b, *marks, None):
                out.append(Change(UNCHANGED, o, n, moved=g.moved, old_text=a, new_text=b))
                continue
            ops, regions = diff_clauses(a, b)
            sim = similarity(ops, *((old_keys[g.old[0]], new_keys[g.new[0]]) if len(o) == len(n) == 1 else ()))
            if len(o) == 1 and len(n) == 1 and sim < MIN_SIMILARITY:
                # too little in common to call it the same paragraph reworded: taken out and another put in
                out += [Change(DELETED, o, (), old_text=a), Change(INSERTED, (), n, new_text=b)]
                continue
            kinds = region_kinds(ops, lang) if len(o) == len(n) else [
                "" if op == EQUAL else SUBSTANTIVE for op, _ in ops]  # a split or a merge is substantive
            moves = _moved_markers(a, b, *marks, ops)
            # quotes and dashes are punctuation, which a routine update may also change: editorial first
            editorial = len(o) == len(n) and all(k in ("", EDITORIAL) for k in kinds)
            routine = not editorial and len(o) == len(n) and is_routine(ops, lang)
            out.append(Change(MODIFIED, o, n, moved=g.moved, similarity=sim, ops=tuple(ops),
                              old_text=a, new_text=b, routine=routine, clauses=tuple(regions),
                              editorial=editorial, op_kinds=tuple(kinds), marker_moves=moves))
    return out


def _folded(texts, known: dict[str, str]) -> list[str]:
    """The comparison form of each text; a text the other version has word for word (most of them) takes
    the form already made for it, neither folded again nor held twice while the versions are aligned."""
    out = []
    for t in texts:
        k = known.get(t)
        out.append(fold(t) if k is None else k)
    return out


def _map_offset(ops, m: int) -> int:
    """An offset of the old text carried to the new one through the ops (inside a deletion: where it was)."""
    a = b = 0
    for op, s in ops:
        if op == INSERT:
            b += len(s)
            continue
        if a <= m <= a + len(s):
            return b + (m - a) if op == EQUAL else b
        a += len(s)
        if op == EQUAL:
            b += len(s)
    return b


def _before(text: str, m: int, n: int = 8) -> str:
    return editorial_key(text[:m])[-n:]


def _moved_markers(a: str, b: str, old_marks, new_marks, ops) -> tuple[tuple[str, int, int], ...]:
    """The footnote markers of a paragraph that stand elsewhere in the new text: the same n-th marker after
    other words (compared in the editorial form, so that a case change next to it is no move). Markers
    added or taken away are the footnotes' own changes, not moves."""
    if not old_marks or len(old_marks) != len(new_marks):
        return ()
    out = []
    for (marker, m), (_, n) in zip(old_marks, new_marks, strict=True):
        if _before(a, m) == _before(b, n):
            continue
        if ops is not None and _map_offset(ops, m) == n:
            continue
        out.append((marker, m, n))
    return tuple(out)


def _spacing_only(old_keys: list[str], new_keys: list[str], g, a: str, b: str) -> bool:
    """The same text but for spacing: line wrapping, and a space an extractor put inside a word or left
    out ("econ omy" in pdfminer's text of a PDF that says "economy"), which the contract calls no change."""
    ka, kb = (old_keys[g.old[0]], new_keys[g.new[0]]) if len(g.old) == 1 else (fold(a), fold(b))
    return ka == kb or ka.replace(" ", "") == kb.replace(" ", "")


def compare(old: Document, new: Document) -> DocumentDiff:
    """Align the paragraphs of two versions and diff each pair; changed footnotes follow."""
    from .normalize import collection_paused

    with collection_paused():
        return _compare(old, new)


def _compare(old: Document, new: Document) -> DocumentDiff:
    changes = _changes(
        [p.id for p in old.paragraphs], [p.text for p in old.paragraphs],
        [p.id for p in new.paragraphs], [p.text for p in new.paragraphs],
        [p.kind for p in old.paragraphs], [p.kind for p in new.paragraphs], lang=new.language,
        old_marks=[tuple(zip(p.footnotes, p.marks, strict=False)) if p.footnotes else () for p in old.paragraphs],
        new_marks=[tuple(zip(p.footnotes, p.marks, strict=False)) if p.footnotes else () for p in new.paragraphs],
    )
    notes = _changes(
        [f.id for f in old.footnotes], [f.text for f in old.footnotes],
        [f.id for f in new.footnotes], [f.text for f in new.footnotes], lang=new.language,
    )
    changes += [c for c in notes if c.kind != UNCHANGED]
    return DocumentDiff(old=old, new=new, changes=tuple(changes))


def unrelated(result: DocumentDiff) -> str | None:
    """Why the two versions look like two different resolutions, or None: their titles differ (in more
    than case, dashes, quotes or spacing) and little of them aligns. `diff` refuses such a pair unless
    told otherwise (--force), as `series` refuses a version of another subject."""
    t_old, t_new = result.old.metadata.title, result.new.metadata.title
    if not t_old or not t_new or editorial_key(t_old) == editorial_key(t_new):
        return None
    if _recalls(result.new, result.old) or _recalls(result.old, result.new):
        return None  # 75/62 recalls 63/71, on the Convention itself: one subject under two titles
    paras = [c for c in result.changes if not c.is_footnote]
    paired = sum(1 for c in paras if c.old and c.new)
    total = max(len(result.old.paragraphs), len(result.new.paragraphs))
    if not total or paired >= MIN_ALIGNED * total:
        return None
    return (f"two different resolutions? “{t_old}” and “{t_new}”: "
            f"{paired} of {total} paragraphs align")


def _recalls(doc: Document, other: Document) -> bool:
    """`doc` cites the other's resolution number (63/71) in its opening paragraphs."""
    m = re.search(r"(\d+)/(\d+)\s*$", other.metadata.symbol or "")
    if not m:
        return False
    pattern = re.compile(rf"(?<![\d/]){m.group(1)}/{m.group(2)}(?![\d/])")
    return any(pattern.search(fold(p.text)) for p in doc.paragraphs[:3])
