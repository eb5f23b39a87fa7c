"""HTML of `diff` and `series`: one self-contained page, no network. A diff's page has inline and side-by-side
views with a switch, keyboard navigation between changes, the summary on top, print-friendly. All
document text is escaped (html.escape), so a resolution containing <script> shows it, nothing more."""

from __future__ import annotations

from html import escape as _escape

from ..lang import RIGHT_TO_LEFT
from ..model import DELETE, DELETED, EDITORIAL, EQUAL, INSERT, INSERTED, MODIFIED, Change, Document, DocumentDiff
from ..normalize import strip_controls
from ..results import Series
from .common import LEGEND_TEXT, collapsed, heading_bits, ids, label, legend_keys, marked_ops, shown, totals
from .timeline import TOTAL_KEYS, cell, first_gone, legend_line, lineage_label, short, step_totals


def _css_string(text: str) -> str:
    """A CSS string literal: quotes, backslashes and angle brackets escaped (it sits inside <style>)."""
    return '"' + "".join(c if c.isalnum() or c in " :/→.-_" else f"\\{ord(c):x} " for c in strip_controls(text)) + '"'


def escape(text: str) -> str:
    return _escape(strip_controls(text), quote=True).replace("\n", "<br>")


_CSS = """
:root { --del-bg: #ffe3e3; --del-fg: #9b1c1c; --ins-bg: #dcf5df; --ins-fg: #14612a; --dim: #666;
  /* a font for each script of the six languages, whatever the system: Latin and Cyrillic, Chinese, Arabic */
  --text-fonts: "Noto Serif", "Times New Roman", "Liberation Serif", "DejaVu Serif", "Noto Serif CJK SC",
    "Source Han Serif SC", "Songti SC", "SimSun", "Noto Sans CJK SC", "Microsoft YaHei", "PingFang SC",
    "WenQuanYi Zen Hei", "Noto Naskh Arabic", "Amiri", "Traditional Arabic", "Arial", "DejaVu Sans", serif; }
[dir="rtl"] { text-align: right; unicode-bidi: isolate; }
.page { color: var(--dim); font-weight: normal; font-size: .85em; }
body { font: 16px/1.7 var(--text-fonts); margin: 0 auto;
       max-width: 72rem; padding: 1rem 1.5rem 4rem; color: #1a1a1a; }
h1 { font-size: 1.4rem; } h2 { font-size: 1.15rem; border-bottom: 1px solid #ddd; }
h3 { font-size: 1rem; margin: 0 0 .3rem; font-family: sans-serif; }
table { border-collapse: collapse; font-family: sans-serif; font-size: .9rem; }
td, th { border: 1px solid #ddd; padding: .2rem .6rem; text-align: left; vertical-align: top; }
del { background: var(--del-bg); color: var(--del-fg); text-decoration: line-through; }
ins { background: var(--ins-bg); color: var(--ins-fg); text-decoration: underline; }
.legend, .collapsed, .totals { color: var(--dim); font-family: sans-serif; font-size: .9rem; }
.moved { color: #7b2d8b; font-weight: bold; }
.toolbar { position: sticky; top: 0; background: #fff; padding: .4rem 0; border-bottom: 1px solid #eee;
           font-family: sans-serif; font-size: .9rem; z-index: 1; }
.toolbar button { font: inherit; padding: .2rem .7rem; }
.toolbar button[aria-pressed="true"] { background: #333; color: #fff; }
.change { border-left: 4px solid #ccc; padding: .4rem .8rem; margin: .8rem 0; scroll-margin-top: 4rem; }
.change.modified { border-color: #d4a017; } .change.inserted { border-color: #2e8b57; }
.change.deleted { border-color: #c0392b; } .change.unchanged { border-color: #aaa; }
.change.routine { opacity: .6; border-style: dashed; }
.change.editorial { opacity: .6; border-style: dotted; }
del.editorial, ins.editorial { opacity: .55; font-style: italic; }
.change.current { outline: 3px solid #1e6fd9; outline-offset: 2px; }
.sbs { display: grid; grid-template-columns: 1fr 1fr; gap: 1.2rem; }
.sbs > div { min-width: 0; }
p, td { overflow-wrap: anywhere; }
table { max-width: 100%; }
@media (max-width: 40rem) {
  body { padding: .5rem .8rem 3rem; }
  .sbs { grid-template-columns: 1fr; gap: .3rem; }
  .sbs .old { border-bottom: 1px dashed #ccc; }
  .toolbar span { display: none; }
  table { display: block; overflow-x: auto; }
}
#changes.inline .sbs, #changes.side-by-side .inline { display: none; }
@page { size: A4; margin: 16mm 14mm 18mm;
  @bottom-right { content: "page " counter(page) " of " counter(pages); font: 8pt sans-serif; color: #666; } }
@media print {
  body { max-width: none; padding: 0; font-size: 11pt; }
  .toolbar { display: none; }
  #changes .sbs { display: none !important; } #changes .inline { display: block !important; }
  .change { break-inside: avoid; }
  del, ins { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
"""

_JS = """
(function () {
  var changes = Array.prototype.slice.call(document.querySelectorAll('.change'));
  var current = -1;
  function go(i) {
    if (!changes.length) { return; }
    current = (i + changes.length) % changes.length;
    changes.forEach(function (c) { c.classList.remove('current'); });
    var c = changes[current];
    c.classList.add('current');
    c.scrollIntoView({block: 'start'});
    document.body.setAttribute('data-current', c.id);
  }
  function view(name) {
    document.getElementById('changes').className = name;
    document.getElementById('show-inline').setAttribute('aria-pressed', String(name === 'inline'));
    document.getElementById('show-sbs').setAttribute('aria-pressed', String(name === 'side-by-side'));
  }
  document.getElementById('show-inline').onclick = function () { view('inline'); };
  document.getElementById('show-sbs').onclick = function () { view('side-by-side'); };
  document.getElementById('next').onclick = function () { go(current + 1); };
  document.getElementById('prev').onclick = function () { go(current - 1); };
  document.addEventListener('keydown', function (e) {
    if (e.altKey || e.ctrlKey || e.metaKey) { return; }
    if (e.key === 'j' || e.key === 'n') { go(current + 1); }
    else if (e.key === 'k' || e.key === 'p') { go(current - 1); }
    else if (e.key === 'v') {
      view(document.getElementById('changes').className === 'inline' ? 'side-by-side' : 'inline');
    }
  });
})();
"""


def _mark(op: str, s: str, kind: str = "") -> str:
    if op == EQUAL:
        return escape(s)
    tag = "del" if op == DELETE else "ins"
    if kind == EDITORIAL:
        return f'<{tag} class="editorial" title="editorial">{escape(s)}</{tag}>'
    return f"<{tag}>{escape(s)}</{tag}>"


def _inline(c: Change, hide_editorial: bool = False) -> str:
    if c.kind == MODIFIED:
        return "".join(_mark(*x) for x in marked_ops(c, hide_editorial=hide_editorial))
    if c.kind == INSERTED:
        return _mark(INSERT, c.new_text)
    if c.kind == DELETED:
        return _mark(DELETE, c.old_text)
    return escape(c.new_text)


def _sides(c: Change, hide_editorial: bool = False) -> tuple[str, str]:
    if c.kind == MODIFIED:
        shown_ops = marked_ops(c, hide_editorial=hide_editorial)
        return ("".join(_mark(*x) for x in shown_ops if x[0] != INSERT),
                "".join(_mark(*x) for x in shown_ops if x[0] != DELETE))
    if c.kind == INSERTED:
        return "", _mark(INSERT, c.new_text)
    if c.kind == DELETED:
        return _mark(DELETE, c.old_text), ""
    return escape(c.old_text), escape(c.new_text)


def _heading(c: Change, pages: str = "") -> str:
    bits = ['<span class="moved">moved</span>' if b == "moved" else escape(b) for b in heading_bits(c)]
    return f"<h3>{escape(ids(c))} — {', '.join(bits)}{pages}</h3>"


class _Where:
    """Where a paragraph stands in a paged source (a PDF): `page` of the model, shown where not None."""

    def __init__(self, result: DocumentDiff):
        self.old = {p.id: p.page for p in result.old.paragraphs} | {f.id: f.page for f in result.old.footnotes}
        self.new = {p.id: p.page for p in result.new.paragraphs} | {f.id: f.page for f in result.new.footnotes}
        lang = result.new.language
        self.attrs = f' lang="{escape(lang)}"' + (' dir="rtl"' if lang in RIGHT_TO_LEFT else "")

    def pages(self, c: Change) -> str:
        old = [self.old.get(i) for i in c.old if self.old.get(i) is not None]
        new = [self.new.get(i) for i in c.new if self.new.get(i) is not None]
        bits = []
        if old and (not new or old != new):
            bits.append(f"old p. {_span(old)}")
        if new:
            bits.append(f"{'new ' if bits else ''}p. {_span(new)}")
        return f' <span class="page">({escape(", ".join(bits))})</span>' if bits else ""




def _span(pages: list[int]) -> str:
    return str(pages[0]) if min(pages) == max(pages) else f"{min(pages)}–{max(pages)}"


def _section(c: Change, n: int, prefix: str = "c", hide_editorial: bool = False, where: _Where | None = None
             ) -> str:
    left, right = _sides(c, hide_editorial)
    routine = " routine" if c.routine else (" editorial" if c.editorial else "")
    attrs = where.attrs if where else ""
    pages = where.pages(c) if where else ""
    # side by side: old and new of a paragraph in one grid row, so that they stand and scroll together
    return (f'<section class="change {c.kind}{routine}" id="{prefix}{n}">{_heading(c, pages)}'
            f'<div class="inline"><p{attrs}>{_inline(c, hide_editorial)}</p></div>'
            f'<div class="sbs"><div class="old"><p{attrs}>{left}</p></div>'
            f'<div class="new"><p{attrs}>{right}</p></div></div>'
            "</section>")


def _meta_rows(old: Document, new: Document) -> str:
    rows = []
    for name, a, b in (("symbol", old.metadata.symbol, new.metadata.symbol),
                       ("language", old.metadata.language, new.metadata.language),
                       ("adopted", old.metadata.adopted, new.metadata.adopted),
                       ("source", old.source, new.source)):
        rows.append(f"<tr><th>{name}</th><td>{escape(a or '')}</td><td>{escape(b or '')}</td></tr>")
    return "".join(rows)


def legend_html(result: DocumentDiff, hide_editorial: bool = False) -> str:
    """The legend of what this diff contains, nothing else."""
    bits = []
    for key in legend_keys(result, hide_editorial=hide_editorial):
        if key == "deleted":
            bits.append("<del>deleted</del>")
        elif key == "inserted":
            bits.append("<ins>inserted</ins>")
        elif key == "moved":
            bits.append(f'<span class="moved">{escape(LEGEND_TEXT[key])}</span>')
        elif key.startswith("renumbered:"):
            bits.append(f"{escape(key.split(':', 1)[1])}: renumbered")
        elif key == "editorial":
            bits.append(f'{_mark(DELETE, "editorial", EDITORIAL)} {_mark(INSERT, "editorial", EDITORIAL)} '
                        f"({escape(LEGEND_TEXT[key])})")
        else:
            bits.append(escape(LEGEND_TEXT[key]))
    return f'<p class="legend">Legend: {", ".join(bits)}.</p>' if bits else ""


def changes_html(result: DocumentDiff, context: int = 0, prefix: str = "c") -> str:
    """Each shown change of one diff as a section (inline redline and side by side), unchanged runs counted."""
    body = []
    for n, item in enumerate(shown(result, context), 1):
        if isinstance(item, list):
            body.append(f'<p class="collapsed">{escape(collapsed(item))}</p>')
        else:
            body.append(_section(item, n, prefix))
    return "\n".join(body)


def render_diff(result: DocumentDiff, *, context: int = 0, hide_editorial: bool = False) -> str:
    old_sym = result.old.metadata.symbol or "?"
    new_sym = result.new.metadata.symbol or "?"
    title = f"resdiff: {old_sym} → {new_sym}"
    anchors: dict[int, str] = {}
    body: list[str] = []
    n = 0
    where = _Where(result)
    for item in shown(result, context, hide_editorial=hide_editorial):
        if isinstance(item, list):
            body.append(f'<p class="collapsed">{escape(collapsed(item))}</p>')
        else:
            n += 1
            anchors[id(item)] = f"c{n}"
            body.append(_section(item, n, hide_editorial=hide_editorial, where=where))
    notes = [c for c in result.changes if c.is_footnote and not (hide_editorial and c.counts_as_editorial)]
    if notes:
        body.append("<h2>Footnotes</h2>")
        for c in notes:
            n += 1
            anchors[id(c)] = f"c{n}"
            body.append(_section(c, n, hide_editorial=hide_editorial, where=where))
    summary = []
    for c in result.changes:
        if not c.is_change or (hide_editorial and c.counts_as_editorial):
            continue
        kind = escape(label(c)) + (' <span class="moved">moved</span>' if c.moved else "")
        sim = f"{c.similarity:.2f}" if c.similarity is not None else ""
        href = anchors.get(id(c), "")
        summary.append(f'<tr><td><a href="#{href}">{escape(" + ".join(c.old)) or "—"}</a></td>'
                       f'<td>{escape(" + ".join(c.new)) or "—"}</td><td>{kind}</td><td>{sim}</td></tr>')
    lang = escape(result.new.metadata.language or "en")
    return "\n".join([
        "<!DOCTYPE html>",
        f'<html lang="{lang}">',
        '<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{escape(title)}</title><style>{_CSS}@page {{ @bottom-left {{ content: {_css_string(title)}; "
        "font: 8pt sans-serif; color: #666; } }</style></head>",
        "<body>",
        f"<header><h1>{escape(title)}</h1>",
        '<table class="meta"><tr><th></th><th>old</th><th>new</th></tr>',
        f"{_meta_rows(result.old, result.new)}</table>",
        f"{legend_html(result, hide_editorial)}</header>",
        '<nav class="toolbar"><button id="show-inline" aria-pressed="true">Inline</button> '
        '<button id="show-sbs" aria-pressed="false">Side by side</button> '
        '<button id="prev">◀ previous</button> <button id="next">next ▶</button> '
        "<span>keys: j/n next change, k/p previous, v switch view</span></nav>",
        '<section id="summary"><h2>Summary</h2><table><tr><th>old</th><th>new</th><th>change</th>'
        f'<th>similarity</th></tr>{"".join(summary)}</table>',
        f'<p class="totals">{escape(totals(result))}</p></section>',
        '<h2>Changes</h2><main id="changes" class="inline">',
        *body,
        "</main>",
        f"<script>{_JS}</script>",
        "</body></html>",
        "",
    ])


def render_series(series: Series, *, steps: bool = False) -> str:
    heads = "".join(f"<th>{_escape(short(v.metadata.symbol))}<br><small>{_escape(v.metadata.adopted or '')}"
                    "</small></th>" for v in series.versions)
    rows = []
    for lin in series.lineages:
        tds = "".join(f'<td class="{s or "none"}{" routine" if r else ""}">'
                      f"{_escape(cell(s, r, first_gone(lin, k)))}</td>"
                      for k, (s, r) in enumerate(zip(lin.states, lin.routine, strict=True)))
        rows.append(f"<tr><th>{_escape(lineage_label(lin))}</th>{tds}</tr>")
    version_totals = step_totals(series)
    for key in TOTAL_KEYS:
        rows.append(f'<tr class="totals"><th>{key}</th>' + "".join(f"<td>{t[key]}</td>" for t in version_totals)
                    + "</tr>")
    notes = "".join(f"<p class=note>{_escape(strip_controls(n))}</p>" for n in series.notes)
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
        for n, step in enumerate(series.steps):
            parts.append(f"<h2>{_escape(short(step.old.metadata.symbol))} → {_escape(short(step.new.metadata.symbol))}"
                         f"</h2><p class=totals>{_escape(totals(step))}</p>{changes_html(step, prefix=f's{n}c')}")
    return ("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\">"
            f"<title>{_escape(title)}</title><style>{css}</style></head><body><h1>{_escape(title)}</h1>{notes}"
            f"<p>{_escape(legend_line(series))}</p>"
            f"<table><tr><th>paragraph</th>{heads}</tr>{''.join(rows)}</table>{''.join(parts)}</body></html>\n")
