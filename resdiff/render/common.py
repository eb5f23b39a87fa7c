"""What every view shares, with no dependency on rich: which entries to show, how changes read."""

from __future__ import annotations

import re

from ..model import DELETE, DELETED, EQUAL, INSERT, INSERTED, Change, DocumentDiff
from ..normalize import fold, is_wide


def fold_ops(ops) -> list[tuple[str, str, int]]:
    """Ops with spacing, wrapping and width differences folded into equal text, each with its offset:
    in the new text for equal and inserted text, in the old text for deleted text."""
    merged: list[tuple[str, str, int]] = []
    ops = list(ops)
    a = b = 0  # offsets in the old and the new text
    k = 0
    while k < len(ops):
        op, s = ops[k]
        k += 1
        if op == DELETE and k < len(ops) and ops[k][0] == INSERT and fold(s) == fold(ops[k][1]):
            t = ops[k][1]
            item = (EQUAL, t, b)
            a, b, k = a + len(s), b + len(t), k + 1
        elif op in (DELETE, INSERT) and "\n" in s:  # a paragraph break (split or merge) stays a change
            for part in re.split(r"(\n)", s):
                if part:
                    _add_item(merged, (op, part, a if op == DELETE else b) if part == "\n" or fold(part)
                              else ((EQUAL, part, b) if op == INSERT else None))
                    a, b = (a + len(part), b) if op == DELETE else (a, b + len(part))
            continue
        elif op == DELETE:
            item = (DELETE, s, a) if fold(s) else None
            a += len(s)
        elif op == INSERT:
            item = (INSERT if fold(s) else EQUAL, s, b)
            b += len(s)
        else:
            item = (EQUAL, s, b)
            a, b = a + len(s), b + len(s)
        _add_item(merged, item)
    return merged


def _add_item(merged: list, item) -> None:
    if item is None:
        return
    if merged and merged[-1][0] == item[0] and merged[-1][2] + len(merged[-1][1]) == item[2]:
        merged[-1] = (item[0], merged[-1][1] + item[1], merged[-1][2])
    else:
        merged.append(item)


def space_edges(merged) -> list[tuple[str, str]]:
    """The spaces at the edges of a change kept outside it (dropped next to Chinese, where they are the
    extractor's, not the text's). Ops other than equal, delete and insert (an elision) pass through."""
    merged = [(m[0], m[1]) for m in merged]
    out: list[tuple[str, str]] = []

    def add(op: str, s: str) -> None:
        if not s:
            return
        if out and out[-1][0] == op and op in (EQUAL, DELETE, INSERT):
            out[-1] = (op, out[-1][1] + s)
        else:
            out.append((op, s))

    def outside(k: int, step: int) -> str:
        while 0 <= k < len(merged) and merged[k][0] in (DELETE, INSERT):
            k += step
        if 0 <= k < len(merged) and merged[k][0] == EQUAL:
            return merged[k][1][:1] if step > 0 else merged[k][1][-1:]
        return ""

    for k, (op, s) in enumerate(merged):
        if op not in (DELETE, INSERT):
            add(op, s)
            continue
        core = s.strip(" \t\r\f\v") if "\n" in s else s.strip()  # a paragraph break is kept
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


def display_ops(ops) -> list[tuple[str, str]]:
    """Ops as a reader should see them: spacing, wrapping and width differences shown as equal,
    and the spaces at the edges of a change kept outside it."""
    return space_edges(fold_ops(ops))


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
    """"modified, split", "routine", "inserted", "unchanged" …"""
    out = "routine" if c.routine else c.kind  # a routine update is called routine in every view
    if c.is_split:
        out += ", split"
    elif c.is_merged:
        out += ", merged"
    return out


def heading_bits(c: Change) -> list[str]:
    """What a change's heading says after its ids, in every view: kind, moved, renumbered, similarity."""
    bits = [label(c)]
    if c.moved:
        bits.append("moved")
    if c.renumbered_one_to_one:
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


def counts(result: DocumentDiff) -> dict[str, int]:
    """The one vocabulary of every view: an entry is unchanged, or a change that is routine (a
    modification of numbers, dates, symbols, ordinals only, in place) or substantive (anything else:
    reworded, inserted, deleted, moved); renumbered, split and merged say more about an entry."""
    stats = result.stats()  # moved, renumbered, split and merged: counted as the model counts them
    out = {"entries": len(result.changes), "unchanged": 0, "substantive": 0, "routine": 0, "modified": 0,
           "inserted": 0, "deleted": 0, **{k: stats[k] for k in ("moved", "renumbered", "split", "merged")},
           "footnotes": 0}
    for c in result.changes:
        out["footnotes"] += c.is_footnote
        if not c.is_change:
            out["unchanged"] += 1
        elif c.counts_as_routine:
            out["routine"] += 1
        else:
            out["substantive"] += 1
            if c.kind in ("modified", "inserted", "deleted"):
                out[c.kind] += 1
    return out


def totals(result: DocumentDiff) -> str:
    """'30 paragraph entries: 25 unchanged; 2 substantive (1 modified, 1 inserted, 0 deleted); 3 routine;
    0 moved, 13 renumbered': every count of every format says the same thing."""
    n = counts(result)
    out = (f"{n['entries']} paragraph entries: {n['unchanged']} unchanged; {n['substantive']} substantive "
           f"({n['modified']} modified, {n['inserted']} inserted, {n['deleted']} deleted); {n['routine']} routine; "
           f"{n['moved']} moved, {n['renumbered']} renumbered")
    for k in ("split", "merged"):
        if n[k]:
            out += f", {n[k]} {k}"
    if n["footnotes"]:
        out += f" (of which {n['footnotes']} footnote{'s' if n['footnotes'] > 1 else ''})"
    return out


def legend_keys(result: DocumentDiff, *, show_routine: bool = True) -> list[str]:
    """What the output contains, for a legend that lists nothing else: 'deleted', 'inserted', 'moved',
    'routine', 'split' (a paragraph break ¶), and 'renumbered' with an example taken from the diff."""
    keys: list[str] = []
    shown_changes = [c for c in result.changes if c.is_change and (show_routine or not c.counts_as_routine)]
    ops = {op for c in shown_changes for op, s in display_ops(c.ops)} if shown_changes else set()
    if any(c.kind == DELETED for c in shown_changes) or DELETE in ops or any(c.routine for c in result.changes):
        keys.append("deleted")
    if any(c.kind == INSERTED for c in shown_changes) or INSERT in ops or any(c.routine for c in result.changes):
        keys.append("inserted")
    if any(c.moved for c in result.changes):
        keys.append("moved")
    if any(c.routine for c in result.changes):
        keys.append("routine")
    if any(c.is_split or c.is_merged for c in result.changes):
        keys.append("split")
    renum = [c for c in result.changes if c.renumbered_one_to_one]
    if renum:
        keys.append(f"renumbered:{renum[0].old[0]} → {renum[0].new[0]}")
    return keys


LEGEND_TEXT = {"moved": "moved (changed place among its neighbours)",
               "routine": "routine = only numbers, dates, symbols",
               "split": "¶ paragraph break (split or merged)"}
