"""What every view shares, with no dependency on rich: which entries to show, how changes read."""

from __future__ import annotations

import re

from ..model import DELETE, EQUAL, INSERT, Change, DocumentDiff
from ..normalize import fold, is_wide


def display_ops(ops) -> list[tuple[str, str]]:
    """Ops as a reader should see them: spacing, wrapping and width differences shown as equal,
    and the spaces at the edges of a change kept outside it (dropped next to Chinese, where they
    are the extractor's, not the text's)."""
    merged: list[tuple[str, str]] = []
    ops = list(ops)
    k = 0
    while k < len(ops):
        op, s = ops[k]
        if op == DELETE and k + 1 < len(ops) and ops[k + 1][0] == INSERT and fold(s) == fold(ops[k + 1][1]):
            op, s = EQUAL, ops[k + 1][1]
            k += 1
        elif op in (DELETE, INSERT) and not fold(s):
            op = EQUAL if op == INSERT else None
        k += 1
        if op is not None:
            merged.append((op, s))
    out: list[tuple[str, str]] = []

    def add(op: str, s: str) -> None:
        if not s:
            return
        if out and out[-1][0] == op:
            out[-1] = (op, out[-1][1] + s)
        else:
            out.append((op, s))

    def outside(k: int, step: int) -> str:
        while 0 <= k < len(merged) and merged[k][0] != EQUAL:
            k += step
        if 0 <= k < len(merged):
            return merged[k][1][:1] if step > 0 else merged[k][1][-1:]
        return ""

    for k, (op, s) in enumerate(merged):
        if op == EQUAL:
            add(op, s)
            continue
        core = s.strip()
        lead, trail = s[: len(s) - len(s.lstrip())], s[len(s.rstrip()) :]
        before = out[-1][1][-1:] if out and out[-1][0] == EQUAL else outside(k - 1, -1)
        if lead and not is_wide(before) and not before.isspace() and before:
            add(EQUAL, " ")
        add(op, core)
        after = outside(k + 1, 1)
        replaced = op == DELETE and k + 1 < len(merged) and merged[k + 1][0] == INSERT
        if trail and after and not replaced and not is_wide(after) and not after.isspace():
            add(EQUAL, " ")
    return out


def _split_id(pid: str) -> tuple[str, int] | None:
    m = re.fullmatch(r"(PP|OP)(\d+)", pid)
    return (m.group(1), int(m.group(2))) if m else None


def renumbering(changes: list[Change]) -> list[str]:
    """'PP13–PP18→PP14–PP19' for runs shifted alike, 'OP3(a)→OP2(a)' otherwise."""
    out: list[str] = []
    run: list[tuple[str, int, int]] = []

    def flush() -> None:
        if run:
            (k, a, b), (_, a2, b2) = run[0], run[-1]
            out.append(f"{k}{a}→{k}{b}" if len(run) == 1 else f"{k}{a}–{k}{a2}→{k}{b}–{k}{b2}")
            run.clear()

    for c in changes:
        o, n = _split_id(c.old[0]), _split_id(c.new[0])
        if o and n and o[0] == n[0]:
            if run and run[-1][0] == o[0] and run[-1][1] + 1 == o[1] and run[-1][2] + 1 == n[1]:
                run.append((o[0], o[1], n[1]))
                continue
            flush()
            run.append((o[0], o[1], n[1]))
        else:
            flush()
            out.append(f"{c.old[0]}→{c.new[0]}")
    flush()
    return out


def shown(result: DocumentDiff, context: int) -> list[Change | list[Change]]:
    """Paragraph entries to show (changes and their context) and runs of unchanged ones to collapse."""
    paras = [c for c in result.changes if not c.is_footnote]
    # distance to the nearest change, in two passes: memory and time linear in the paragraphs, whatever
    # --context says (a set of every index within reach made --context 999999999 allocate gigabytes)
    far = len(paras) + 1
    dist = [far] * len(paras)
    last = -far
    for k, c in enumerate(paras):
        if c.is_change:
            last = k
        dist[k] = k - last
    last = 2 * far
    for k in range(len(paras) - 1, -1, -1):
        if paras[k].is_change:
            last = k
        dist[k] = min(dist[k], last - k)
    near = {k for k in range(len(paras)) if dist[k] <= context}
    out: list[Change | list[Change]] = []
    run: list[Change] = []
    for k, c in enumerate(paras):
        if k in near:
            if run:
                out.append(run)
                run = []
            out.append(c)
        else:
            run.append(c)
    if run:
        out.append(run)
    return out



def label(c: Change) -> str:
    """"modified, split", "modified, routine", "inserted", "unchanged" …"""
    out = c.kind + (", routine" if c.routine else "")
    if c.old and c.new and len(c.old) < len(c.new):
        out += ", split"
    elif c.old and c.new and len(c.old) > len(c.new):
        out += ", merged"
    return out


def heading_bits(c: Change) -> list[str]:
    """What a change's heading says after its ids, in every view: kind, moved, renumbered, similarity."""
    bits = [label(c)]
    if c.moved:
        bits.append("moved")
    if c.renumbered and len(c.old) == len(c.new):
        bits.append("renumbered")
    if c.similarity is not None:
        bits.append(f"similarity {c.similarity:.2f}")
    return bits


def ids(c: Change) -> str:
    old, new = " + ".join(c.old), " + ".join(c.new)
    return f"{old} → {new}" if c.old and c.new and old != new else (old or new)


def collapsed(run: list[Change]) -> str:
    renum = [c for c in run if c.renumbered]
    first, last = run[0].new[0], run[-1].new[-1]
    t = f"⋯ {len(run)} unchanged paragraph{'s' if len(run) > 1 else ''} "
    t += f"({first}–{last})" if first != last else f"({first})"
    if renum:
        t += ", renumbered: " + ", ".join(renumbering(renum))
    return t


def totals(result: DocumentDiff) -> str:
    s = result.stats()
    n = sum(1 for c in result.changes if not c.is_footnote)
    fn = sum(1 for c in result.changes if c.is_footnote)
    out = (f"{n} paragraph entries: {s['unchanged']} unchanged, {s['modified']} modified, "
           f"{s['inserted']} inserted, {s['deleted']} deleted, {s['moved']} moved")
    if s["routine"]:
        out += f"; {s['routine']} routine"
    if fn:
        out += f" (of which {fn} footnote{'s' if fn > 1 else ''})"
    return out
