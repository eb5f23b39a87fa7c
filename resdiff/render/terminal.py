"""Terminal views built from rich renderables (never markup: drafts contain [brackets])."""

from __future__ import annotations

import re

from rich.cells import cell_len
from rich.console import Console, ConsoleOptions, Group, RenderableType, RenderResult
from rich.measure import Measurement
from rich.table import Table
from rich.text import Text
from rich.theme import Theme

from ..model import DELETE, DELETED, EQUAL, INSERT, INSERTED, MODIFIED, Change, Document, DocumentDiff
from ..normalize import fold, is_wide, strip_controls

THEME = Theme({
    "resdiff.delete": "red strike",
    "resdiff.insert": "green underline",
    "resdiff.id": "bold cyan",
    "resdiff.kind.modified": "yellow",
    "resdiff.kind.inserted": "green",
    "resdiff.kind.deleted": "red",
    "resdiff.kind.unchanged": "dim",
    "resdiff.moved": "magenta",
    "resdiff.dim": "dim",
    "resdiff.title": "bold",
    "resdiff.footnote": "cyan",
})


def make_console(file=None, *, width: int | None = None, color: bool | None = None) -> Console:
    """A console for our views; color None means: decide from the terminal and NO_COLOR."""
    kw: dict = {"theme": THEME, "file": file, "width": width, "highlight": False, "emoji": False,
                "soft_wrap": False}
    if color is False:
        kw.update(color_system=None, no_color=True)
    elif color is True:
        kw.update(color_system="truecolor", force_terminal=True)
    return Console(**kw)


def _clean(text: str) -> str:
    return strip_controls(text)


_NO_LINE_START = set("，。、；：？！）》」』”’,.;:?!)]}%")
_NO_LINE_END = set("（《「『“‘([{")


def break_points(plain: str) -> list[bool]:
    """ok[i]: a line may break before plain[i]. Between ideographs anywhere (never before closing
    or after opening punctuation), after spaces, never inside a Latin word or a number."""
    ok = [False] * (len(plain) + 1)
    for i in range(1, len(plain)):
        a, b = plain[i - 1], plain[i]
        if b in _NO_LINE_START or a in _NO_LINE_END:
            continue
        if a.isspace() and not b.isspace():
            ok[i] = True
        elif (is_wide(a) or is_wide(b)) and not a.isspace() and not b.isspace():
            ok[i] = True
    return ok


def wrap_lines(text: Text, width: int) -> list[Text]:
    """Greedy wrap in display cells, wide characters counted as two."""
    plain = text.plain
    ok = break_points(plain)
    lines: list[Text] = []
    start, used, last_ok = 0, 0, None
    i = 0
    while i < len(plain):
        ch = plain[i]
        if ch == "\n":
            lines.append(text[start:i])
            start, used, last_ok = i + 1, 0, None
            i += 1
            continue
        w = cell_len(ch)
        if used + w > width and i > start:
            cut = last_ok if last_ok is not None and last_ok > start else i
            line = text[start:cut]
            line.rstrip()
            lines.append(line)
            start = cut
            while start < len(plain) and plain[start] == " ":
                start += 1
            used = cell_len(plain[start:i])
            last_ok = None
            i = max(i, start)
            continue
        if ok[i]:
            last_ok = i
        used += w
        i += 1
    lines.append(text[start:])
    return lines


class Wrapped:
    """Text wrapped for CJK and Latin alike, with an optional first-line label and hanging indent."""

    def __init__(self, text: Text, *, indent: int = 0, label: Text | None = None):
        self.text, self.indent, self.label = text, indent, label

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        width = max(8, options.max_width - self.indent)
        for k, line in enumerate(wrap_lines(self.text, width)):
            head = Text(" " * self.indent)
            if k == 0 and self.label is not None:
                head = self.label.copy()
                head.pad_right(self.indent - head.cell_len)
            yield Text.assemble(head, line, no_wrap=True, overflow="ignore")

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        return Measurement(min(options.max_width, 8), options.max_width)


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
        if trail and after and not is_wide(after) and not after.isspace():
            add(EQUAL, " ")
    return out


def redline(ops, *, markers: bool) -> Text:
    """Deletions struck through, insertions underlined; with markers [-…-] {+…+} where colour is off."""
    t = Text()
    for op, s in display_ops(ops):
        s = _clean(s)
        if op == EQUAL:
            t.append(s)
        elif op == DELETE:
            t.append(f"[-{s}-]" if markers else s, style="resdiff.delete")
        else:
            t.append(f"{{+{s}+}}" if markers else s, style="resdiff.insert")
    return t


def _ids(c: Change) -> Text:
    t = Text(style="resdiff.id")
    old, new = " + ".join(c.old), " + ".join(c.new)
    if c.old and c.new and old != new:
        t.append(f"{old} → {new}")
    else:
        t.append(old or new)
    return t


def _heading(c: Change) -> Text:
    t = _ids(c)
    t.append("  ")
    label = c.kind
    if c.old and c.new and len(c.old) < len(c.new):
        label += ", split"
    elif c.old and c.new and len(c.old) > len(c.new):
        label += ", merged"
    t.append(label, style=f"resdiff.kind.{c.kind}")
    if c.moved:
        t.append("  moved", style="resdiff.moved")
    if c.renumbered and len(c.old) == len(c.new):
        t.append("  renumbered", style="resdiff.dim")
    if c.similarity is not None:
        t.append(f"  similarity {c.similarity:.2f}", style="resdiff.dim")
    return t


def _body(c: Change, markers: bool) -> Text:
    if c.kind == MODIFIED:
        return redline(c.ops, markers=markers)
    if c.kind == INSERTED:
        return redline([(INSERT, c.new_text)], markers=markers)
    if c.kind == DELETED:
        return redline([(DELETE, c.old_text)], markers=markers)
    return Text(_clean(c.new_text), style="resdiff.dim")


def _side(doc: Document) -> Text:
    m = doc.metadata
    t = Text(m.symbol or "(no symbol)", style="resdiff.title")
    bits = [b for b in (m.language, f"adopted {m.adopted}" if m.adopted else None) if b]
    t.append(f" ({', '.join(bits)})" if bits else "")
    t.append(f"  {_clean(doc.source)}", style="resdiff.dim")
    return t


def legend(markers: bool) -> Text:
    t = Text("legend: ", style="resdiff.dim")
    t.append("[-deleted-]" if markers else "deleted", style="resdiff.delete")
    t.append(" ")
    t.append("{+inserted+}" if markers else "inserted", style="resdiff.insert")
    t.append("  moved", style="resdiff.moved")
    t.append("  OP9 → OP8 = renumbered", style="resdiff.dim")
    return t


def _collapsed(run: list[Change]) -> Text:
    renum = [c for c in run if c.renumbered]
    t = Text(f"⋯ {len(run)} unchanged paragraph{'s' if len(run) > 1 else ''} ", style="resdiff.dim")
    first, last = run[0].new[0], run[-1].new[-1]
    t.append(f"({first}–{last})" if first != last else f"({first})", style="resdiff.dim")
    if renum:
        t.append(", renumbered: " + ", ".join(renumbering(renum)), style="resdiff.dim")
    return t


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


def diff_view(result: DocumentDiff, *, markers: bool, context: int = 0) -> RenderableType:
    """The inline redline: changed paragraphs in full, unchanged runs collapsed with a count."""
    parts: list[RenderableType] = [
        Text.assemble(("old  ", "resdiff.dim"), _side(result.old)),
        Text.assemble(("new  ", "resdiff.dim"), _side(result.new)),
        legend(markers),
        Text(""),
    ]
    paras = [c for c in result.changes if not c.is_footnote]
    notes = [c for c in result.changes if c.is_footnote]
    show = {k for k, c in enumerate(paras) if c.is_change}
    near = {k + d for k in show for d in range(-context, context + 1)}
    run: list[Change] = []
    for k, c in enumerate(paras):
        if k in show or k in near:
            if run:
                parts.append(_collapsed(run))
                run = []
            parts.append(_heading(c))
            parts += [Wrapped(_body(c, markers), indent=2), Text("")]
        else:
            run.append(c)
    if run:
        parts.append(_collapsed(run))
    if notes:
        parts.append(Text(""))
        parts.append(Text("Footnotes", style="resdiff.title"))
        for c in notes:
            parts.append(_heading(c))
            parts += [Wrapped(_body(c, markers), indent=2), Text("")]
    parts.append(Text(""))
    parts.append(summary_line(result))
    return Group(*parts)


def summary_line(result: DocumentDiff) -> Text:
    s = result.stats()
    n = sum(1 for c in result.changes if not c.is_footnote)
    t = Text(f"{n} paragraph entries: ", style="resdiff.title")
    t.append(f"{s['unchanged']} unchanged, ", style="resdiff.dim")
    t.append(f"{s['modified']} modified", style="resdiff.kind.modified")
    t.append(", ")
    t.append(f"{s['inserted']} inserted", style="resdiff.kind.inserted")
    t.append(", ")
    t.append(f"{s['deleted']} deleted", style="resdiff.kind.deleted")
    t.append(", ")
    t.append(f"{s['moved']} moved", style="resdiff.moved")
    fn = sum(1 for c in result.changes if c.is_footnote)
    if fn:
        t.append(f" (of which {fn} footnote{'s' if fn > 1 else ''})", style="resdiff.dim")
    return t


def document_view(doc: Document) -> RenderableType:
    m = doc.metadata
    meta = Table.grid(padding=(0, 2))
    meta.add_column(style="resdiff.dim")
    meta.add_column()
    rows = [("symbol", m.symbol), ("session", m.session), ("language", m.language), ("title", m.title),
            ("adopted", m.adopted), ("distributed", m.distributed), ("agenda item", m.agenda_item),
            ("report", m.report and f"{m.report}" + (f", para. {m.report_paragraph}" if m.report_paragraph
                                                      else "")),
            ("meeting", m.meeting), ("source", doc.source)]
    for k, v in rows:
        if v is not None:
            meta.add_row(k, Text(_clean(str(v))))
    parts: list[RenderableType] = [meta, Text("")]
    for p in doc.paragraphs:
        t = Text(_clean(p.text))
        for mk in p.footnotes:
            t.append(f" [{mk}]", style="resdiff.footnote")
        parts.append(Wrapped(t, indent=8, label=Text(p.id, style="resdiff.id")))
    if doc.footnotes:
        parts += [Text(""), Text("Footnotes", style="resdiff.title")]
        for f in doc.footnotes:
            label = Text(f.marker, style="resdiff.footnote")
            parts.append(Wrapped(Text(_clean(f.text)), indent=8, label=label))
    pp = sum(p.kind == "preambular" for p in doc.paragraphs)
    parts += [Text(""), Text(f"{pp} preambular, {len(doc.paragraphs) - pp} operative paragraphs, "
                             f"{len(doc.footnotes)} footnotes", style="resdiff.dim")]
    return Group(*parts)
