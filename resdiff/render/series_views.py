"""Series and blame as JSON, Markdown and HTML (no rich here; the terminal views are in terminal.py)."""

from __future__ import annotations

import json
from html import escape as _html

from ..model import CHANGED, GONE, NEW, SAME, BlameParagraph, Series
from ..normalize import strip_controls
from .json_ import SCHEMA_VERSION, diff_dict
from .markdown import escape as md

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


def series_dict(series: Series) -> dict:
    return {
        "schema_version": SCHEMA_VERSION,
        "versions": [{"symbol": v.metadata.symbol, "adopted": v.metadata.adopted, "language": v.metadata.language,
                      "session": v.metadata.session, "source": v.source} for v in series.versions],
        "notes": list(series.notes),
        "lineages": [{"ids": list(lin.ids), "states": list(lin.states), "routine": list(lin.routine),
                      "moved": list(lin.moved)} for lin in series.lineages],
        "steps": [{"old": s.old.metadata.symbol, "new": s.new.metadata.symbol, "stats": s.stats(),
                   "substantive": s.has_substantive_changes} for s in series.steps],
    }


def render_series_json(series: Series, *, steps: bool = False) -> str:
    data = series_dict(series)
    if steps:
        for entry, step in zip(data["steps"], series.steps, strict=True):
            entry["changes"] = diff_dict(step)["changes"]
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


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


def lineage_label(lin) -> str:
    last = next(i for i in reversed(lin.ids) if i is not None)
    return last if lin.ids[-1] is not None else f"{last} (gone)"


def first_gone(lin, k: int) -> bool:
    return lin.states[k] == GONE and (k == 0 or lin.states[k - 1] != GONE)


def render_series_markdown(series: Series, *, steps: bool = False) -> str:
    heads = [short(v.metadata.symbol) for v in series.versions]
    lines = [f"# resdiff series: {md(short(series.versions[0].metadata.symbol))} → "
             f"{md(short(series.versions[-1].metadata.symbol))} ({len(series.versions)} versions)", ""]
    for note in series.notes:
        lines += [f"> {md(note)}", ""]
    lines += [legend_line(series), "",
              "| paragraph | " + " | ".join(md(h) for h in heads) + " |",
              "| --- | " + " | ".join("---" for _ in heads) + " |"]
    for lin in series.lineages:
        cells = [cell(s, r, first_gone(lin, k)) for k, (s, r) in enumerate(zip(lin.states, lin.routine, strict=True))]
        lines.append(f"| {md(lineage_label(lin))} | " + " | ".join(cells) + " |")
    totals = step_totals(series)
    for key in TOTAL_KEYS:
        lines.append(f"| *{key}* | " + " | ".join(str(t[key]) for t in totals) + " |")
    if steps:
        from .common import totals as diff_totals
        from .markdown import changes_markdown

        for step in series.steps:
            lines += ["", f"## {md(short(step.old.metadata.symbol))} → {md(short(step.new.metadata.symbol))}", "",
                      md(diff_totals(step)), "", *changes_markdown(step, level=3)]
    return "\n".join(lines).rstrip("\n") + "\n"


def render_series_html(series: Series, *, steps: bool = False) -> str:
    heads = "".join(f"<th>{_html(short(v.metadata.symbol))}<br><small>{_html(v.metadata.adopted or '')}"
                    "</small></th>" for v in series.versions)
    rows = []
    for lin in series.lineages:
        tds = "".join(f'<td class="{s or "none"}{" routine" if r else ""}">'
                      f"{_html(cell(s, r, first_gone(lin, k)))}</td>"
                      for k, (s, r) in enumerate(zip(lin.states, lin.routine, strict=True)))
        rows.append(f"<tr><th>{_html(lineage_label(lin))}</th>{tds}</tr>")
    totals = step_totals(series)
    for key in TOTAL_KEYS:
        rows.append(f'<tr class="totals"><th>{key}</th>' + "".join(f"<td>{t[key]}</td>" for t in totals) + "</tr>")
    notes = "".join(f"<p class=note>{_html(strip_controls(n))}</p>" for n in series.notes)
    first, last = short(series.versions[0].metadata.symbol), short(series.versions[-1].metadata.symbol)
    title = f"resdiff series: {first} → {last}"
    css = ("body{font:15px/1.5 sans-serif;margin:1rem 2rem}table{border-collapse:collapse}"
           "td,th{border:1px solid #ddd;padding:.15rem .5rem;text-align:left}.new{color:#14612a;background:#dcf5df}"
           ".changed{color:#7a5a00;background:#fff3c4}.routine{opacity:.6}.gone{color:#9b1c1c;background:#ffe3e3}"
           ".same{color:#888}.totals{font-style:italic}.note{color:#555}"
           "del{background:#ffe3e3;color:#9b1c1c}ins{background:#dcf5df;color:#14612a}"
           ".change{border-left:4px solid #ccc;padding:.2rem .8rem;margin:.6rem 0}.change.routine{opacity:.6}"
           ".sbs{display:none}.collapsed{color:#666}p{overflow-wrap:anywhere}"
           "@media (max-width:40rem){body{margin:.5rem}table{display:block;overflow-x:auto}}")
    parts = []
    if steps:
        from .common import totals as diff_totals
        from .html import changes_html

        for n, step in enumerate(series.steps):
            parts.append(f"<h2>{_html(short(step.old.metadata.symbol))} → {_html(short(step.new.metadata.symbol))}"
                         f"</h2><p class=totals>{_html(diff_totals(step))}</p>{changes_html(step, prefix=f's{n}c')}")
    return ("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\">"
            f"<title>{_html(title)}</title><style>{css}</style></head><body><h1>{_html(title)}</h1>{notes}"
            f"<p>{_html(legend_line(series))}</p>"
            f"<table><tr><th>paragraph</th>{heads}</tr>{''.join(rows)}</table>{''.join(parts)}</body></html>\n")


def blame_dict(series: Series, paragraphs: list[BlameParagraph]) -> dict:
    sym = [v.metadata.symbol for v in series.versions]
    return {
        "schema_version": SCHEMA_VERSION,
        "symbol": sym[-1],
        "versions": sym,
        "paragraphs": [{"id": p.id, "introduced": sym[p.introduced], "changed": sym[p.changed],
                        "routine": p.wording != p.changed, "wording": sym[p.wording],
                        "clauses": [{"text": c.text, "from": sym[c.origin]} for c in p.clauses]}
                       for p in paragraphs],
    }


def render_blame_json(series: Series, paragraphs: list[BlameParagraph]) -> str:
    return json.dumps(blame_dict(series, paragraphs), ensure_ascii=False, indent=2) + "\n"
