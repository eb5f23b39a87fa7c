"""What every view shares, with no dependency on rich: which entries to show, how changes read."""

from __future__ import annotations

import re

from ..model import (
    DELETE,
    DELETED,
    EDITORIAL,
    EQUAL,
    INSERT,
    INSERTED,
    MODIFIED,
    ROUTINE,
    SUBSTANTIVE,
    Change,
    DocumentDiff,
)
from ..normalize import fold, is_wide, punctuation_widths


def fold_ops(ops) -> list[tuple[str, str, int]]:
    """Ops with spacing, wrapping and width differences folded into equal text, each with its offset:
    in the new text for equal and inserted text, in the old text for deleted text."""
    return [(op, s, pos) for op, s, pos, _ in _fold([(op, s, "") for op, s in ops])]


def _same_to_reader(a: str, b: str) -> bool:
    """Equal in comparison form and to the eye: the width of punctuation (a full-width comma against an
    ASCII one) is an editorial correction a reader sees; spacing and the width of letters and digits are no
    change."""
    return fold(a) == fold(b) and punctuation_widths(a) == punctuation_widths(b)


def _fold(ops) -> list[tuple[str, str, int, str]]:
    """fold_ops over (op, text, kind) triples: the kind rides along, and pieces merge only within one kind."""
    merged: list[tuple[str, str, int, str]] = []
    ops = list(ops)
    a = b = 0  # offsets in the old and the new text
    k = 0
    while k < len(ops):
        op, s, kind = ops[k]
        k += 1
        if (op == DELETE and k < len(ops) and ops[k][0] == INSERT and ops[k][2] == kind
                and _same_to_reader(s, ops[k][1])):
            t = ops[k][1]
            item = (EQUAL, t, b, "")
            a, b, k = a + len(s), b + len(t), k + 1
        elif op in (DELETE, INSERT) and "\n" in s:  # a paragraph break (split or merge) stays a change
            for part in re.split(r"(\n)", s):
                if part:
                    _add_item(merged, (op, part, a if op == DELETE else b, kind) if part == "\n" or fold(part)
                              else ((EQUAL, part, b, "") if op == INSERT else None))
                    a, b = (a + len(part), b) if op == DELETE else (a, b + len(part))
            continue
        elif op == DELETE:
            item = (DELETE, s, a, kind) if fold(s) else None
            a += len(s)
        elif op == INSERT:
            item = (INSERT, s, b, kind) if fold(s) else (EQUAL, s, b, "")
            b += len(s)
        else:
            item = (EQUAL, s, b, "")
            a, b = a + len(s), b + len(s)
        _add_item(merged, item)
    return merged


def _add_item(merged: list, item) -> None:
    if item is None:
        return
    if (merged and merged[-1][0] == item[0] and merged[-1][3] == item[3]
            and merged[-1][2] + len(merged[-1][1]) == item[2]):
        merged[-1] = (item[0], merged[-1][1] + item[1], merged[-1][2], item[3])
    else:
        merged.append(item)


def space_edges(merged) -> list[tuple[str, str]]:
    """The spaces at the edges of a change kept outside it (dropped next to Chinese, where they are the
    extractor's, not the text's). Ops other than equal, delete and insert (an elision) pass through."""
    return [(op, s) for op, s, _ in _space_edges([(m[0], m[1], "") for m in merged])]


def _space_edges(merged: list[tuple[str, str, str]]) -> list[tuple[str, str, str]]:
    out: list[tuple[str, str, str]] = []

    def add(op: str, s: str, kind: str = "") -> None:
        if not s:
            return
        if out and out[-1][0] == op and out[-1][2] == kind and op in (EQUAL, DELETE, INSERT):
            out[-1] = (op, out[-1][1] + s, kind)
        else:
            out.append((op, s, kind))

    def outside(k: int, step: int) -> str:
        while 0 <= k < len(merged) and merged[k][0] in (DELETE, INSERT):
            k += step
        if 0 <= k < len(merged) and merged[k][0] == EQUAL:
            return merged[k][1][:1] if step > 0 else merged[k][1][-1:]
        return ""

    for k, (op, s, kind) in enumerate(merged):
        if op not in (DELETE, INSERT):
            add(op, s, kind)
            continue
        core = s.strip(" \t\r\f\v") if "\n" in s else s.strip()  # a paragraph break is kept
        lead, trail = s[: len(s) - len(s.lstrip())], s[len(s.rstrip()) :]
        before = out[-1][1][-1:] if out and out[-1][0] == EQUAL else outside(k - 1, -1)
        if lead and not is_wide(before) and not before.isspace() and before:
            add(EQUAL, " ")
        add(op, core, kind)
        after = outside(k + 1, 1)
        replaced = op == DELETE and k + 1 < len(merged) and merged[k + 1][0] == INSERT
        if trail and after and not replaced and not is_wide(after) and not after.isspace():
            add(EQUAL, " ")
    return out


def display_ops(ops) -> list[tuple[str, str]]:
    """Ops as a reader should see them: spacing, wrapping and width differences shown as equal,
    and the spaces at the edges of a change kept outside it."""
    return space_edges(fold_ops(ops))


_SUPERSCRIPT = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")


def marker_text(marker: str) -> str:
    """A footnote marker as a reader sees it in running text: ¹², or [a] where it is no number."""
    return marker.translate(_SUPERSCRIPT) if marker.isdigit() else f"[{marker}]"


def _with_markers(c: Change, *, markers: bool = True) -> list[tuple[str, str, str]]:
    """The ops of a modification as (op, text, kind), each moved footnote marker shown deleted where it
    stood and inserted where it stands now (an editorial change: the marker's place)."""
    kinds = c.op_kinds or tuple("" if op == EQUAL else (ROUTINE if c.routine else SUBSTANTIVE) for op, _ in c.ops)
    items = [(op, s, k, False) for (op, s), k in zip(c.ops, kinds, strict=True)]
    for marker, old_at, new_at in c.marker_moves if markers else ():
        for side, at in ((DELETE, old_at), (INSERT, new_at)):
            items = _splice(items, side, at, (side, marker_text(marker), EDITORIAL, True))
    return [(op, s, k) for op, s, k, _ in items]


def _splice(items, side: str, at: int, piece) -> list:
    """`piece` put into the ops at offset `at` of the old text (side DELETE) or of the new one (INSERT)."""
    pos = 0
    for k, (op, s, kind, spliced) in enumerate(items):
        if spliced or op not in (EQUAL, side):
            continue
        if pos <= at < pos + len(s) or (at == pos + len(s) and k == len(items) - 1):
            cut = at - pos
            head, tail = (op, s[:cut], kind, False), (op, s[cut:], kind, False)
            return items[:k] + [x for x in (head, piece, tail) if x[1] or x is piece] + items[k + 1:]
        pos += len(s)
    return items + [piece]


def marked_ops(c: Change, *, hide_editorial: bool = False) -> list[tuple[str, str, str]]:
    """A modification's ops as a reader should see them (display_ops), each with the kind of the region it
    belongs to ("" for equal text, else routine, editorial or substantive) and moved footnote markers in
    place; with hide_editorial, editorial corrections shown as the new text alone."""
    items = _with_markers(c, markers=not hide_editorial)
    if hide_editorial:  # accepted: the new text alone
        items = [(EQUAL, s, "") if k == EDITORIAL else (op, s, k) for op, s, k in items
                 if not (k == EDITORIAL and op == DELETE)]
    return _space_edges([(op, s, kind) for op, s, _, kind in _fold(items)])


def has_editorial_parts(c: Change) -> bool:
    """A change that shows an editorial correction: an editorial paragraph, or editorial parts of another."""
    return c.kind == MODIFIED and (EDITORIAL in c.op_kinds or bool(c.marker_moves))


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


def shown(result: DocumentDiff, context: int, *, hide_editorial: bool = False) -> list[Change | list[Change]]:
    """Paragraph entries to show (changes and their context) and runs of unchanged ones to collapse; with
    hide_editorial, editorial corrections are left in those runs."""
    paras = [c for c in result.changes if not c.is_footnote]
    if hide_editorial:
        return _shown(paras, context, lambda c: c.is_change and not c.counts_as_editorial)
    return _shown(paras, context, lambda c: c.is_change)


def _shown(paras: list[Change], context: int, is_shown) -> list[Change | list[Change]]:
    # distance to the nearest change, in two passes: memory and time linear in the paragraphs, whatever
    # --context says (a set of every index within reach made --context 999999999 allocate gigabytes)
    far = len(paras) + 1
    dist = [far] * len(paras)
    last = -far
    for k, c in enumerate(paras):
        if is_shown(c):
            last = k
        dist[k] = k - last
    last = 2 * far
    for k in range(len(paras) - 1, -1, -1):
        if is_shown(paras[k]):
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
    # a routine update is called routine in every view, an editorial correction editorial
    out = "routine" if c.routine else ("editorial" if c.editorial else c.kind)
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
    hidden = sum(c.is_change for c in run)  # editorial corrections hidden (--hide-editorial)
    if hidden:
        t = t.replace(" unchanged paragraph", " paragraph", 1) + f", {hidden} of them editorial (hidden)"
    if renum:
        t += ", renumbered: " + ", ".join(renumbering(renum))
    return t


def counts(result: DocumentDiff) -> dict[str, int]:
    """The one vocabulary of every view: an entry is unchanged, or a change that is routine (a
    modification of numbers, dates, symbols, ordinals only, in place) or substantive (anything else:
    reworded, inserted, deleted, moved); renumbered, split and merged say more about an entry."""
    stats = result.stats()  # moved, renumbered, split and merged: counted as the model counts them
    out = {"entries": len(result.changes), "unchanged": 0, "substantive": 0, "routine": 0, "editorial": 0,
           "modified": 0,
           "inserted": 0, "deleted": 0, **{k: stats[k] for k in ("moved", "renumbered", "split", "merged")},
           "footnotes": 0}
    for c in result.changes:
        out["footnotes"] += c.is_footnote
        if not c.is_change:
            out["unchanged"] += 1
        elif c.counts_as_routine:
            out["routine"] += 1
        elif c.counts_as_editorial:
            out["editorial"] += 1
        else:
            out["substantive"] += 1
            if c.kind in ("modified", "inserted", "deleted"):
                out[c.kind] += 1
    return out


def totals(result: DocumentDiff) -> str:
    """'30 paragraph entries: 25 unchanged; 2 substantive (1 modified, 1 inserted, 0 deleted); 3 routine;
    0 editorial; 0 moved, 13 renumbered': every count of every format says the same thing."""
    n = counts(result)
    out = (f"{n['entries']} paragraph entries: {n['unchanged']} unchanged; {n['substantive']} substantive "
           f"({n['modified']} modified, {n['inserted']} inserted, {n['deleted']} deleted); {n['routine']} routine; "
           f"{n['editorial']} editorial; "
           f"{n['moved']} moved, {n['renumbered']} renumbered")
    for k in ("split", "merged"):
        if n[k]:
            out += f", {n[k]} {k}"
    if n["footnotes"]:
        out += f" (of which {n['footnotes']} footnote{'s' if n['footnotes'] > 1 else ''})"
    return out


def legend_keys(result: DocumentDiff, *, show_routine: bool = True, hide_editorial: bool = False) -> list[str]:
    """What the output contains, for a legend that lists nothing else: 'deleted', 'inserted', 'moved',
    'routine', 'editorial', 'split' (a paragraph break ¶), and 'renumbered' with an example taken from the
    diff."""
    keys: list[str] = []
    shown_changes = [c for c in result.changes if c.is_change and (show_routine or not c.counts_as_routine)
                     and not (hide_editorial and c.counts_as_editorial)]
    ops = {op for c in shown_changes if c.kind == MODIFIED
           for op, _, kind in marked_ops(c, hide_editorial=hide_editorial) if kind != EDITORIAL}
    if any(c.kind == DELETED for c in shown_changes) or DELETE in ops or any(c.routine for c in result.changes):
        keys.append("deleted")
    if any(c.kind == INSERTED for c in shown_changes) or INSERT in ops or any(c.routine for c in result.changes):
        keys.append("inserted")
    if any(c.moved for c in result.changes):
        keys.append("moved")
    if any(c.routine for c in result.changes):
        keys.append("routine")
    if not hide_editorial and any(has_editorial_parts(c) for c in result.changes):
        keys.append("editorial")
    if any(c.is_split or c.is_merged for c in result.changes):
        keys.append("split")
    renum = [c for c in result.changes if c.renumbered_one_to_one]
    if renum:
        keys.append(f"renumbered:{renum[0].old[0]} → {renum[0].new[0]}")
    return keys


LEGEND_TEXT = {"moved": "moved (changed place among its neighbours)",
               "routine": "routine = only numbers, dates, symbols",
               "editorial": "editorial = only case, hyphens, dashes, quotes, spacing, footnote-marker places",
               "split": "¶ paragraph break (split or merged)"}
