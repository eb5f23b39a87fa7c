"""One pair of texts -> clause and token operations (diff-match-patch, deterministic)."""

from __future__ import annotations

import re
from functools import lru_cache

from diff_match_patch import diff_match_patch

from .lang import CLAUSE_ENDS, JOINING_WORDS, LIST_SEPARATORS, is_ideograph
from .model import DELETE, EQUAL, INSERT
from .normalize import fold
from .tokenize import clauses, tokens

Op = tuple[str, str]
_DMP_OPS = {0: EQUAL, -1: DELETE, 1: INSERT}


def _dmp() -> diff_match_patch:
    d = diff_match_patch()
    d.Diff_Timeout = 0  # the default 1 s silently degrades to "delete all, insert all"
    return d


_DMP = _dmp()
# Clauses and tokens recur (the clauses two versions share, a word in every changed region): each distinct one
# is folded once. Whole texts are folded as they come, seldom twice; so is a long clause (a paragraph with no
# clause mark is one), so that what the cache keeps alive is bounded in size, not in entries only.
_fold_short = lru_cache(maxsize=1 << 14)(fold)
_LONG = 400


def _fold(text: str) -> str:
    return fold(text) if len(text) > _LONG else _fold_short(text)


def _ideographs_only(text: str) -> bool:
    return bool(text) and all(map(is_ideograph, text))


class _Codec:
    """Maps units (clauses or tokens) to single characters for diff-match-patch.

    Codes start at U+0100 so that no unit becomes a newline or other character that
    diff-match-patch's clean-up treats as a boundary; surrogates are skipped.
    """

    def __init__(self) -> None:
        self.codes: dict[str, str] = {}

    def encode(self, keys: list[str]) -> str:
        out = []
        for k in keys:
            c = self.codes.get(k)
            if c is None:
                n = 0x100 + len(self.codes)
                if n >= 0xD800:
                    n += 0x800
                c = self.codes[k] = chr(n)
            out.append(c)
        return "".join(out)


def _raw_diff(a: str, b: str) -> list[tuple[str, int]]:
    """diff-match-patch on unit-coded strings, exact; the clean-up is ours (_trivial, _shift_edits),
    weighted by the units' real characters rather than by code points."""
    return [(_DMP_OPS[op], len(text)) for op, text in _DMP.diff_main(a, b, False)]


ClauseRegion = tuple[str, tuple[str, ...], tuple[str, ...]]  # kind, old clauses, new clauses


def diff_texts(old: str, new: str) -> list[Op]:
    """Operations whose equal+delete pieces give `old` and equal+insert pieces give `new`.

    Clauses are aligned first, so that words only match inside clauses that changed;
    then tokens (jieba words, numbers and symbols whole); then characters inside a
    replaced Chinese word (the tenth time -> the eleventh inserts the one ideograph for "one").
    """
    return diff_clauses(old, new)[0]


def diff_clauses(old: str, new: str) -> tuple[list[Op], list[ClauseRegion]]:
    """The operations, and the clauses that changed: each region between unchanged clauses as
    ("modified" | "inserted" | "deleted", old clauses, new clauses)."""
    if old == new:
        return ([(EQUAL, old)] if old else []), []
    ca, cb = clauses(old), clauses(new)
    codec = _Codec()
    sa, sb = codec.encode(list(map(_fold, ca))), codec.encode(list(map(_fold, cb)))
    ops: list[Op] = []
    regions: list[ClauseRegion] = []
    ia = ib = 0
    pend_a: list[str] = []
    pend_b: list[str] = []

    def flush() -> None:
        if pend_a or pend_b:
            ops.extend(diff_tokens("".join(pend_a), "".join(pend_b)))
            kind = "modified" if pend_a and pend_b else ("deleted" if pend_a else "inserted")
            regions.append((kind, tuple(pend_a), tuple(pend_b)))
            pend_a.clear()
            pend_b.clear()

    for op, n in _raw_diff(sa, sb):
        if op == EQUAL:
            flush()
            for x, y in zip(ca[ia : ia + n], cb[ib : ib + n], strict=True):
                ops.extend(_layout_ops(x, y))
            ia, ib = ia + n, ib + n
        elif op == DELETE:
            pend_a.extend(ca[ia : ia + n])
            ia += n
        else:
            pend_b.extend(cb[ib : ib + n])
            ib += n
    flush()
    return _merge(ops), regions


def _units(text: str) -> tuple[list[str], list[str]]:
    """Tokens as diff units: whitespace rides on the token before it (it is never a change by
    itself, and a word diff that matches spaces pairs the wrong words)."""
    disp: list[str] = []
    for t in tokens(text):
        if t.isspace() and disp:
            disp[-1] += t
        elif disp and disp[-1].isspace():
            disp[-1] += t  # leading whitespace joins the first token
        else:
            disp.append(t)
    return disp, [_fold(u) or u for u in disp]


# Bound on the token diff of one changed region (old tokens x new tokens). diff-match-patch in exact
# mode costs O(N*D); a region beyond this (a whole long paragraph rewritten, 1,500 tokens by 1,500)
# is shown as replaced whole instead of taking minutes. Unchanged clauses around it are still kept.
MAX_REGION = 1500 * 1500


def diff_tokens(old: str, new: str) -> list[Op]:
    if not old:
        return [(INSERT, new)] if new else []
    if not new:
        return [(DELETE, old)]
    da, ka = _units(old)
    db, kb = _units(new)
    if len(da) * len(db) > MAX_REGION:
        return _replace(old, new)
    codec = _Codec()
    runs: list[tuple[str, list[str], list[str]]] = []  # (op, old units, new units)
    ia = ib = 0
    for op, n in _raw_diff(codec.encode(ka), codec.encode(kb)):
        if op == EQUAL:
            runs.append((EQUAL, da[ia : ia + n], db[ib : ib + n]))
            ia, ib = ia + n, ib + n
        elif op == DELETE:
            runs.append((DELETE, da[ia : ia + n], []))
            ia += n
        else:
            runs.append((INSERT, [], db[ib : ib + n]))
            ib += n
    _shift_edits(runs)
    ops: list[Op] = []
    dels: list[str] = []
    ins: list[str] = []
    for k, (op, a, b) in enumerate(runs):
        if op == EQUAL and not (0 < k < len(runs) - 1 and _trivial(a)):
            ops.extend(_replace("".join(dels), "".join(ins)))
            dels, ins = [], []
            for x, y in zip(a, b, strict=True):
                ops.extend(_layout_ops(x, y))
        else:
            dels.extend(a)
            ins.extend(b)
    ops.extend(_replace("".join(dels), "".join(ins)))
    return ops


_LEADS = {*(w for words in JOINING_WORDS.values() for w in words), *LIST_SEPARATORS}
_CLAUSE_END = tuple(CLAUSE_ENDS)


def _edit_score(units: list[str], before: str) -> int:
    """How well an inserted or deleted run sits: it should open with a conjunction or list
    separator and close a clause, as a reviser would cut it."""
    first, last = _fold(units[0]), _fold(units[-1])
    return (2 * (first in _LEADS or first[:1] in LIST_SEPARATORS) + last.endswith(_CLAUSE_END)
            + _fold(before).endswith(_CLAUSE_END))


def _shift_edits(runs: list[tuple[str, list[str], list[str]]]) -> None:
    """Slide each pure insertion or deletion along the equal units around it (the text is the same
    wherever it sits) to the place that reads best: where a Chinese list of resolutions grows by one, the
    insertion opens with "and" after the counter that closes the symbol before it and ends on the new
    symbol's own counter, rather than one unit earlier (opening on that counter, ending before its own)."""
    for k in range(1, len(runs) - 1):
        op, a, b = runs[k]
        if op == EQUAL or runs[k - 1][0] != EQUAL or runs[k + 1][0] != EQUAL:
            continue
        side = 1 if op == DELETE else 2
        pa, pb = runs[k - 1][1], runs[k - 1][2]
        na, nb = runs[k + 1][1], runs[k + 1][2]
        prev_eq = pa if side == 1 else pb
        next_eq = na if side == 1 else nb
        edit = a if side == 1 else b
        best, best_score = 0, _edit_score(edit, prev_eq[-1] if prev_eq else "")
        # sliding right by `shift` keeps the text when the first `shift` units after the edit repeat its own
        for shift in range(1, min(len(edit), len(next_eq), 10) + 1):
            if _fold(next_eq[shift - 1]) != _fold(edit[shift - 1]):
                break
            sc = _edit_score(edit[shift:] + next_eq[:shift], edit[shift - 1])
            if sc > best_score:
                best, best_score = shift, sc
        if best:
            n = best
            other_prev = pb if side == 1 else pa
            other_next = nb if side == 1 else na
            new_edit = edit[n:] + next_eq[:n]
            prev_eq.extend(edit[:n])
            other_prev.extend(other_next[:n])
            del next_eq[:n]
            del other_next[:n]
            runs[k] = (op, new_edit, []) if side == 1 else (op, [], new_edit)


_PUNCT_OR_SPACE = re.compile(r"^[\s\W_]*$")


def _trivial(units: list[str]) -> bool:
    """Semantic clean-up by characters: an equality of one character, or of punctuation and
    space only, between two changes is folded into them (as a reviser would mark it)."""
    text = fold("".join(units))
    return len(text) <= 1 or bool(_PUNCT_OR_SPACE.match(text))


def _replace(d: str, i: str) -> list[Op]:
    """A replaced span; inside a Chinese word the change is shown by character."""
    lead = len(d) - len(d.lstrip())
    if d and i and lead and d[:lead] == i[:lead]:
        return [(EQUAL, d[:lead])] + _replace(d[lead:], i[lead:])
    trail = len(d) - len(d.rstrip())
    if d and i and trail and d[-trail:] == i[-trail:] and len(i) > trail and len(d) > trail:
        return _replace(d[:-trail], i[:-trail]) + [(EQUAL, d[-trail:])]
    if d and i and len(d) <= 40 and len(i) <= 40 and _ideographs_only(d.strip()) and _ideographs_only(i.strip()):
        diffs = _DMP.diff_main(d, i, False)
        _DMP.diff_cleanupSemantic(diffs)
        same = sum(len(t) for op, t in diffs if op == 0)
        if 2 * same >= max(len(d), len(i)):
            return [(_DMP_OPS[op], t) for op, t in diffs]
    out: list[Op] = []
    if d:
        out.append((DELETE, d))
    if i:
        out.append((INSERT, i))
    return out


def _layout_ops(x: str, y: str) -> list[Op]:
    """Two pieces equal in comparison form; any difference of layout kept exact but minimal."""
    if x == y:
        return [(EQUAL, x)]
    p = 0
    while p < min(len(x), len(y)) and x[p] == y[p]:
        p += 1
    s = 0
    while s < min(len(x), len(y)) - p and x[-1 - s] == y[-1 - s]:
        s += 1
    out: list[Op] = [(EQUAL, x[:p])] if p else []
    if x[p : len(x) - s]:
        out.append((DELETE, x[p : len(x) - s]))
    if y[p : len(y) - s]:
        out.append((INSERT, y[p : len(y) - s]))
    if s:
        out.append((EQUAL, x[len(x) - s :]))
    return out


def _merge(ops: list[Op]) -> list[Op]:
    """Adjacent operations of one kind joined; within a change, deletions before insertions."""
    out: list[Op] = []
    for op, text in ops:
        if not text:
            continue
        if out and out[-1][0] == op:
            out[-1] = (op, out[-1][1] + text)
        elif op == DELETE and out and out[-1][0] == INSERT:
            # keep "delete, insert" order inside one change
            j = len(out) - 1
            if j > 0 and out[j - 1][0] == DELETE:
                out[j - 1] = (DELETE, out[j - 1][1] + text)
            else:
                out.insert(j, (DELETE, text))
        else:
            out.append((op, text))
    return out


def similarity(ops: list[Op], old_key: str | None = None, new_key: str | None = None) -> float:
    """Share of text (in comparison form) kept: 2 * kept / (old + new). old_key and new_key: the comparison
    forms of the two texts the ops rebuild, where the caller has them already (not folded again)."""
    same = sum(len(fold(t)) for op, t in ops if op == EQUAL)
    old = len(fold("".join(t for op, t in ops if op != INSERT)) if old_key is None else old_key)
    new = len(fold("".join(t for op, t in ops if op != DELETE)) if new_key is None else new_key)
    return 1.0 if old + new == 0 else round(2 * same / (old + new), 3)
