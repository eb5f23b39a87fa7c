"""compare(old, new) -> DocumentDiff: paragraphs and footnotes aligned, then diffed."""

from __future__ import annotations

from .align import align
from .diff import diff_clauses, similarity
from .model import DELETED, INSERTED, MODIFIED, UNCHANGED, Change, Document, DocumentDiff
from .normalize import fold
from .routine import is_routine


def _changes(old_ids, old_texts, new_ids, new_texts, old_kinds=None, new_kinds=None,
             lang="en") -> list[Change]:
    old_keys = [fold(t) for t in old_texts]  # the comparison form, computed once for all stages
    new_keys = [fold(t) for t in new_texts]
    out = []
    for g in align(old_keys, new_keys, old_kinds, new_kinds):
        o = tuple(old_ids[i] for i in g.old)
        n = tuple(new_ids[j] for j in g.new)
        a = "\n".join(old_texts[i] for i in g.old)
        b = "\n".join(new_texts[j] for j in g.new)
        if not n:
            out.append(Change(DELETED, o, n, old_text=a))
        elif not o:
            out.append(Change(INSERTED, o, n, new_text=b))
        elif len(o) == len(n) and _spacing_only(old_keys, new_keys, g, a, b):
            out.append(Change(UNCHANGED, o, n, moved=g.moved, old_text=a, new_text=b))
        else:
            ops, regions = diff_clauses(a, b)
            routine = len(o) == len(n) and is_routine(ops, lang)
            out.append(Change(MODIFIED, o, n, moved=g.moved, similarity=similarity(ops), ops=tuple(ops),
                              old_text=a, new_text=b, routine=routine, clauses=tuple(regions)))
    return out


def _spacing_only(old_keys: list[str], new_keys: list[str], g, a: str, b: str) -> bool:
    """The same text but for spacing: line wrapping, and a space an extractor put inside a word or left
    out ("econ omy" in pdfminer's text of a PDF that says "economy"), which the contract calls no change."""
    ka, kb = (old_keys[g.old[0]], new_keys[g.new[0]]) if len(g.old) == 1 else (fold(a), fold(b))
    return ka == kb or ka.replace(" ", "") == kb.replace(" ", "")


def compare(old: Document, new: Document) -> DocumentDiff:
    """Align the paragraphs of two versions and diff each pair; changed footnotes follow."""
    changes = _changes(
        [p.id for p in old.paragraphs], [p.text for p in old.paragraphs],
        [p.id for p in new.paragraphs], [p.text for p in new.paragraphs],
        [p.kind for p in old.paragraphs], [p.kind for p in new.paragraphs], lang=new.language,
    )
    notes = _changes(
        [f.id for f in old.footnotes], [f.text for f in old.footnotes],
        [f.id for f in new.footnotes], [f.text for f in new.footnotes], lang=new.language,
    )
    changes += [c for c in notes if c.kind != UNCHANGED]
    return DocumentDiff(old=old, new=new, changes=tuple(changes))
