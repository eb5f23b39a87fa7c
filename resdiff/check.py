"""Translation checks: two language versions of one resolution, paired by structure, compared on
what must be identical across languages. Findings, never opinions on wording."""

from __future__ import annotations

from collections import Counter
from dataclasses import replace

from .align import pair_paragraphs
from .comparison import compare
from .config import Config
from .facts import ORDINAL_LANGS, Facts, extract
from .model import DELETED, INSERTED, MODIFIED, OPERATIVE, PREAMBULAR, Document, Paragraph
from .normalize import is_wide
from .results import ERROR, CheckResult, Finding, Pair

_FACT_RULES = {"numbers": "number-mismatch", "dates": "date-mismatch", "symbols": "symbol-mismatch",
               "ordinals": "ordinal-mismatch"}
_FACT_NAMES = {"numbers": "number", "dates": "date", "symbols": "symbol", "ordinals": "ordinal"}


# --- the checks -------------------------------------------------------------------------

def _values(c: Counter) -> str:
    return ", ".join(str(v) for v in sorted(c.elements(), key=str)) or "none"


def excerpt(text: str, start: int, end: int, room: int = 30) -> str:
    """A few words of `text` around [start, end), cut between words (never inside a word, a number or a
    symbol), with an ellipsis where it was cut."""
    start, end = max(0, min(start, len(text))), max(0, min(end, len(text)))
    a, b = max(0, start - room), min(len(text), end + room)

    def inside(k: int) -> bool:  # a cut at k would split a token
        return 0 < k < len(text) and not text[k - 1].isspace() and not text[k].isspace() and not (
            is_wide(text[k - 1]) and is_wide(text[k]))

    while a > 0 and inside(a) and start - a < room + 20:
        a -= 1
    while a < start and inside(a):
        a += 1
    while b < len(text) and inside(b) and b - end < room + 20:
        b += 1
    while b > end and inside(b):
        b -= 1
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


def _fact_findings(a: Facts, b: Facts, sid: str | None, tid: str | None, sl: int, tl: int, la: str, lb: str,
                   where: str = "", texts: tuple[str, str] = ("", ""), spans: tuple[dict, dict] = ({}, {})
                   ) -> list[Finding]:
    out = []
    for kind in Facts.KINDS:
        if kind == "ordinals" and not (la in ORDINAL_LANGS and lb in ORDINAL_LANGS):
            continue  # ordinal words are read in Chinese and English only
        x, y = getattr(a, kind), getattr(b, kind)
        if x != y:
            only_s, only_t = x - y, y - x
            first_s = next(iter(sorted(only_s, key=lambda v: spans[0].get((kind, v), [(0, 0)])[0])), None)
            first_t = next(iter(sorted(only_t, key=lambda v: spans[1].get((kind, v), [(0, 0)])[0])), None)
            span_s = spans[0].get((kind, first_s)) if first_s is not None else None
            span_t = spans[1].get((kind, first_t)) if first_t is not None else None
            ex_s = _near(texts[0], span_s, span_t[0] if span_t else None, len(texts[1])) if texts[0] else None
            ex_t = _near(texts[1], span_t, span_s[0] if span_s else None, len(texts[0])) if texts[1] else None
            out.append(Finding(_FACT_RULES[kind], ERROR, sid, tid,
                               f"{where}{_FACT_NAMES[kind]} {_values(only_s)} in source, {_values(only_t)} in target",
                               sl, tl, _values(only_s), _values(only_t), ex_s, ex_t))
    return out


def _facts(text: str, lang: str) -> tuple[Facts, dict]:
    spans: dict = {}
    return extract(text, lang, spans), spans


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


def _marker_excerpts(a: Paragraph, b: Paragraph) -> tuple[str, str]:
    """Around the first marker cited on one side and not on the other (or at the same place in the other)."""
    extra_a = [k for k, m in enumerate(a.footnotes) if m not in b.footnotes]
    extra_b = [k for k, m in enumerate(b.footnotes) if m not in a.footnotes]
    pa = [(a.marks[k], a.marks[k]) for k in extra_a[:1] if k < len(a.marks)]
    pb = [(b.marks[k], b.marks[k]) for k in extra_b[:1] if k < len(b.marks)]
    return (_near(a.text, pa, pb[0] if pb else None, len(b.text)),
            _near(b.text, pb, pa[0] if pa else None, len(a.text)))


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


def check_pair(source: Document, target: Document, config: Config | None = None) -> CheckResult:
    config = config or Config()
    la, lb = source.language, target.language
    found: list[Finding] = []
    ms, mt = source.metadata, target.metadata
    for name in ("symbol", "session", "adopted", "report", "report_paragraph", "meeting"):
        a, b = getattr(ms, name), getattr(mt, name)
        if a is not None and b is not None and a != b:
            found.append(Finding("metadata-mismatch", ERROR, "metadata", "metadata",
                                 f"{name.replace('_', ' ')} {a} in source, {b} in target", 1, 1, str(a), str(b)))
    ns, nt = _numbering(source), _numbering(target)
    if ns and ns == nt:
        found.append(Finding("numbering-error", ERROR, None, None, f"operative numbering: {'; '.join(ns)} "
                             "(in both versions)", 0, 0, "; ".join(ns), "; ".join(nt)))
    n_pp = (sum(p.kind == PREAMBULAR for p in source.paragraphs), sum(p.kind == PREAMBULAR for p in target.paragraphs))
    n_op = (sum(p.kind == OPERATIVE for p in source.paragraphs), sum(p.kind == OPERATIVE for p in target.paragraphs))
    def positions(doc: Document) -> dict[str, str]:
        tops = [p for p in doc.paragraphs if p.kind == OPERATIVE and p.letter is None]
        return {p.id: str(k) for k, p in enumerate(tops, 1)}

    pos_s, pos_t = positions(source), positions(target)
    pairs = pair_paragraphs(source, target)
    for a, b, _how in pairs:
        if b is None:
            counts = n_pp if a.kind == PREAMBULAR else n_op
            found.append(Finding("paragraph-missing", ERROR, a.id, None,
                                 f"{a.id} has no counterpart in the target ({counts[0]} {a.kind} paragraphs in "
                                 f"source, {counts[1]} in target)", a.line, 0, a.id, None, _opening(a)))
            continue
        if a is None:
            counts = n_pp if b.kind == PREAMBULAR else n_op
            found.append(Finding("paragraph-extra", ERROR, None, b.id,
                                 f"{b.id} has no counterpart in the source ({counts[0]} {b.kind} paragraphs in "
                                 f"source, {counts[1]} in target)", 0, b.line, None, b.id, None, _opening(b)))
            continue
        # numbers that differ only because a paragraph is missing before them are not a second fault
        if a.kind == OPERATIVE and a.number != b.number and a.letter is None and b.letter is None and (
                a.number != pos_s.get(a.id) or b.number != pos_t.get(b.id)):
            found.append(Finding("operative-number-mismatch", ERROR, a.id, b.id,
                                 f"operative paragraph numbered {a.number} in source, {b.number} in target",
                                 a.line, b.line, a.number, b.number, _opening(a), _opening(b)))
        if a.letter != b.letter:
            found.append(Finding("subparagraph-mismatch", ERROR, a.id, b.id,
                                 f"sub-paragraph ({a.letter}) in source, ({b.letter}) in target", a.line, b.line,
                                 a.letter, b.letter))
        (fa, sa), (fb, sb) = _facts(a.text, la), _facts(b.text, lb)
        found += _fact_findings(fa, fb, a.id, b.id, a.line, b.line, la, lb, texts=(a.text, b.text), spans=(sa, sb))
        if a.footnotes != b.footnotes:
            found.append(Finding("footnote-marker-mismatch", ERROR, a.id, b.id,
                                 f"footnote markers {', '.join(a.footnotes) or 'none'} in source, "
                                 f"{', '.join(b.footnotes) or 'none'} in target", a.line, b.line,
                                 ",".join(a.footnotes), ",".join(b.footnotes), *_marker_excerpts(a, b)))
    notes_t = {f.marker: f for f in target.footnotes}
    for f in source.footnotes:
        g = notes_t.pop(f.marker, None)
        if g is None:
            found.append(Finding("footnote-mismatch", ERROR, f.id, None, f"footnote {f.marker} is missing in target",
                                 f.line, 0, f.marker, None))
            continue
        (fa, sa), (fb, sb) = _facts(f.text, la), _facts(g.text, lb)
        found += [replace(x, rule="footnote-mismatch")  # a footnote's facts are that rule's, whatever the kind
                  for x in _fact_findings(fa, fb, f.id, g.id, f.line, g.line, la, lb, where=f"footnote {f.marker}: ",
                                          texts=(f.text, g.text), spans=(sa, sb))]
    for g in notes_t.values():
        found.append(Finding("footnote-mismatch", ERROR, None, g.id, f"footnote {g.marker} is not in source",
                             0, g.line, None, g.marker))
    kept = [x for f in found if (x := config.applies(f)) is not None]
    return CheckResult(source, target, tuple(kept), tuple(Pair(a and a.id, b and b.id, how) for a, b, how in pairs))


def check_parity(old_source: Document, old_target: Document, source: Document, target: Document,
                 config: Config | None = None) -> CheckResult:
    """The pair check of the new versions, plus change parity: a paragraph changed between the two
    versions in one language must have changed in the other, with the same numbers, dates, symbols."""
    config = config or Config()
    base = check_pair(source, target, config)
    ds, dt = compare(old_source, source), compare(old_target, target)
    pairs = {p.source: p.target for p in base.pairs if p.source and p.target}
    back = {v: k for k, v in pairs.items()}
    old_pairs = {a.id: b.id for a, b, _ in pair_paragraphs(old_source, old_target) if a and b}
    line_s = {p.id: p.line for p in source.paragraphs}
    line_t = {p.id: p.line for p in target.paragraphs}

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
                    found.append(Finding("change-parity", ERROR, *ordered(key[1], other),
                                         f"{key[1]} was deleted in {here} but {other} is still in {there}", 0, 0,
                                         *ordered("deleted", "kept")))
                continue
            other = partner.get(key)
            if other is None:
                continue
            pid, tid = ordered(key, other)
            if other not in theirs:
                found.append(Finding("change-parity", ERROR, pid, tid,
                                     f"{key} was {c.kind} in {here} but {other} is unchanged in {there}",
                                     line_s.get(pid, 0), line_t.get(tid, 0), *ordered(c.kind, "unchanged")))
            elif here == "source" and c.kind == MODIFIED and theirs[other].kind == MODIFIED:
                # what the change added and removed, read on the whole paragraphs: a diff may cut inside a
                # number word (第七十六 → 第七十七 inserts 七), where no fact can be read from the pieces
                ins_s, del_s = _delta(c.old_text, c.new_text, source.language)
                ins_t, del_t = _delta(theirs[other].old_text, theirs[other].new_text, target.language)
                for f in (_fact_findings(ins_s, ins_t, pid, tid, line_s.get(pid, 0), line_t.get(tid, 0),
                                         source.language, target.language, where="inserted ")
                          + _fact_findings(del_s, del_t, pid, tid, line_s.get(pid, 0), line_t.get(tid, 0),
                                           source.language, target.language, where="deleted ")):
                    found.append(replace(f, rule="change-fact-mismatch"))
    kept = [x for f in found if (x := config.applies(f)) is not None]
    return CheckResult(source, target, base.findings + tuple(kept), base.pairs)
