"""A series' timeline as every format draws it (terminal, Markdown, HTML): a lineage's cell in each
version, the legend of the states shown, the totals per version. No dependency on rich."""

from __future__ import annotations

from ..results import CHANGED, GONE, NEW, SAME, Lineage, Series

SYMBOLS = {NEW: "●", SAME: "·", CHANGED: "✎", GONE: "✕", None: ""}


def short(symbol: str | None) -> str:
    return (symbol or "?").replace("A/RES/", "")


# the words of every view for a lineage's state (the JSON keeps the contract's new/same/changed/gone)
WORDS = {NEW: "new", SAME: "same", CHANGED: "modified", GONE: "gone"}
TOTAL_KEYS = ("new", "modified", "routine", "gone")


def cell(state: str | None, routine: bool, first: bool) -> str:
    if state == GONE and not first:
        return ""
    if state == CHANGED and routine:
        return "~ routine"
    return f"{SYMBOLS[state]} {WORDS[state]}" if state else ""


def legend_items(series: Series) -> list[tuple[str, str]]:
    """(symbol and word, state key) for the states the table shows, in a fixed order."""
    seen = {("routine" if s == CHANGED and r else s) for lin in series.lineages
            for s, r in zip(lin.states, lin.routine, strict=True) if s}
    words = {NEW: "● new", SAME: "· same", CHANGED: "✎ modified (substantive)", "routine": "~ routine",
             GONE: "✕ gone"}
    return [(words[k], k) for k in (NEW, SAME, CHANGED, "routine", GONE) if k in seen]


def legend_line(series: Series) -> str:
    return "Legend: " + ", ".join(w for w, _ in legend_items(series)) + "."


def step_totals(series: Series) -> list[dict[str, int]]:
    """Per version: how many lineages are new, modified substantively, updated routinely and gone there
    (each lineage counted once: a routine update is not also counted as modified)."""
    out = []
    for k in range(len(series.versions)):
        t = dict.fromkeys(TOTAL_KEYS, 0)
        for lin in series.lineages:
            s = lin.states[k]
            if s == GONE and k and lin.states[k - 1] == GONE:
                continue
            if s == CHANGED:
                t["routine" if lin.routine[k] else "modified"] += 1
            elif s in (NEW, GONE):
                t[s] += 1
        out.append(t)
    return out


def lineage_label(lin: Lineage) -> str:
    last = next(i for i in reversed(lin.ids) if i is not None)
    return last if lin.ids[-1] is not None else f"{last} (gone)"


def first_gone(lin: Lineage, k: int) -> bool:
    return lin.states[k] == GONE and (k == 0 or lin.states[k - 1] != GONE)
