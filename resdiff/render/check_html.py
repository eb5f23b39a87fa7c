"""The HTML report of `check`, for one pair and for a whole session: one self-contained page (no network,
no script) that translators read. Findings grouped by document and by rule, each with its paragraph ids
linking to the paragraphs (both texts in full, below), where a reviewer finds them (line, or page and line,
or paragraph), and both excerpts with the words concerned highlighted. All document text is escaped."""

from __future__ import annotations

from ..lang import RIGHT_TO_LEFT
from ..results import DOCUMENT_RULES, PAIR, RULES, SEVERITY_ORDER, CheckResult, Finding, SessionResult
from .html import escape

_CSS = """
:root { --err: #b3261e; --warn: #8a5a00; --note: #245f8f; --mark: #ffe08a; --dim: #5f5f5f; }
body { font: 16px/1.6 "Noto Serif CJK SC", "Noto Naskh Arabic", "Source Han Serif SC", serif; margin: 0 auto;
       max-width: 76rem; padding: 1rem 1.5rem 4rem; color: #1a1a1a; }
h1 { font-size: 1.4rem; } h2 { font-size: 1.2rem; border-bottom: 2px solid #ddd; margin-top: 2rem; }
h3 { font-size: 1rem; font-family: sans-serif; margin: 1.2rem 0 .4rem; }
table { border-collapse: collapse; font-family: sans-serif; font-size: .9rem; max-width: 100%; }
td, th { border: 1px solid #ddd; padding: .2rem .6rem; text-align: left; vertical-align: top; }
.verdict { font-family: sans-serif; font-weight: bold; }
.verdict.failed { color: var(--err); } .verdict.passed { color: #1d6b35; }
.finding { border-left: 4px solid #ccc; padding: .3rem .8rem; margin: .6rem 0; scroll-margin-top: 1rem; }
.finding.error { border-color: var(--err); } .finding.warning { border-color: var(--warn); }
.finding.note { border-color: var(--note); }
.sev { font: bold .8rem sans-serif; text-transform: uppercase; margin-right: .5rem; }
.sev.error { color: var(--err); } .sev.warning { color: var(--warn); } .sev.note { color: var(--note); }
.where, .rule-help, .dim { color: var(--dim); font-family: sans-serif; font-size: .85rem; }
.excerpts { display: grid; grid-template-columns: 1fr 1fr; gap: 1rem; margin: .3rem 0; }
.excerpts > div, .para > div { min-width: 0; }
.label { font: .75rem sans-serif; color: var(--dim); display: block; }
mark { background: var(--mark); color: inherit; padding: 0 .1em; border-radius: 2px; }
.para { display: grid; grid-template-columns: 1fr 1fr; gap: 1rem; border-top: 1px solid #eee; padding: .5rem 0; }
.para :target { outline: 3px solid #1e6fd9; outline-offset: 2px; }
a.pid { font-family: sans-serif; font-weight: bold; }
p, td { overflow-wrap: anywhere; }
[dir="rtl"] { text-align: right; }
@media (max-width: 40rem) { .excerpts, .para { grid-template-columns: 1fr; gap: .2rem; } }
@media print { .finding { break-inside: avoid; }
               mark { print-color-adjust: exact; -webkit-print-color-adjust: exact; } }
"""


def _page(title: str, body: str) -> str:
    return (f'<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">\n<title>{escape(title)}</title>\n'
            f"<style>{_CSS}</style>\n</head>\n<body>\n{body}\n</body>\n</html>\n")


def _slug(text: str) -> str:
    return "".join(c if c.isalnum() else "-" for c in text)


def _highlight(excerpt: str, mark: str | None) -> str:
    """The excerpt escaped, the first occurrence of `mark` in it highlighted."""
    if mark:
        k = excerpt.find(mark)
        if k >= 0:
            return (escape(excerpt[:k]) + f"<mark>{escape(mark)}</mark>" + escape(excerpt[k + len(mark):]))
    return escape(excerpt)


def _dir(lang: str) -> str:
    return f' lang="{lang}" dir="rtl"' if lang in RIGHT_TO_LEFT else f' lang="{lang}"'


def _counts(findings) -> str:
    n = {sev: sum(f.severity == sev for f in findings) for sev in ("error", "warning", "note")}
    return ", ".join(f"{v} {k}{'' if v == 1 else 's'}" for k, v in n.items())


class _Doc:
    """One pair's part of a page: its anchors are prefixed so that a session's pairs never collide."""

    def __init__(self, result: CheckResult, prefix: str):
        self.r, self.prefix = result, prefix

    def anchor(self, side: str, pid: str) -> str:
        return f"{self.prefix}-{side[0]}-{_slug(pid)}"

    def link(self, side: str, pid: str | None) -> str:
        if pid is None:
            return "—"
        if pid == "metadata":
            return '<span class="pid">metadata</span>'
        return f'<a class="pid" href="#{self.anchor(side, pid)}">{escape(pid)}</a>'

    def where(self, f: Finding) -> str:
        bits = []
        for side in ("source", "target"):
            pid = getattr(f, side)
            loc = self.r.where(f, side) if pid else ""
            bits.append(f"{side}: {loc}" if loc else "")
        bits = [b for b in bits if b]
        return f'<span class="where">({escape("; ".join(bits))})</span>' if bits else ""

    def finding(self, f: Finding, n: int) -> str:
        langs = (self.r.source.language, self.r.target.language)
        excerpts = "".join(
            f'<div><span class="label">{side}</span><span{_dir(lang)}>{_highlight(ex, mark)}</span></div>'
            if ex else f'<div><span class="label">{side}</span><span class="dim">—</span></div>'
            for side, ex, mark, lang in (("source", f.source_excerpt, f.source_mark, langs[0]),
                                         ("target", f.target_excerpt, f.target_mark, langs[1])))
        return (f'<div class="finding {f.severity}" id="{self.prefix}-f{n}">'
                f'<span class="sev {f.severity}">{f.severity}</span>'
                f'{self.link("source", f.source)} ↔ {self.link("target", f.target)} '
                f"{self.where(f)}<br>{escape(f.message)}"
                f'<div class="excerpts">{excerpts}</div></div>')

    def by_rule(self) -> str:
        """The findings grouped by rule, in the order of the rule table."""
        order = list(RULES)
        groups: dict[str, list[Finding]] = {}
        for f in sorted(self.r.findings, key=lambda f: order.index(f.rule)):
            groups.setdefault(f.rule, []).append(f)
        out, n = [], 0
        for rule, fs in groups.items():
            items = []
            for f in fs:
                n += 1
                items.append(self.finding(f, n))
            out.append(f'<section class="rule" id="{self.prefix}-rule-{rule}">'
                       f"<h3>{escape(rule)} <span class=\"dim\">({len(fs)})</span></h3>"
                       f'<p class="rule-help">{escape(RULES[rule][1])}</p>{"".join(items)}</section>')
        return "".join(out) or '<p class="dim">No finding.</p>'

    def paragraphs(self) -> str:
        """The paired paragraphs and footnotes a finding names, both texts in full, each with its anchor."""
        named = {(f.source, f.target) for f in self.r.findings}
        ids_s = {s for s, _ in named if s} | {p.source for p in self.r.pairs if (p.source, p.target) in named}
        ids_t = {t for _, t in named if t}
        rows = []
        items_s = {p.id: p for p in (*self.r.source.paragraphs, *self.r.source.footnotes)}
        items_t = {p.id: p for p in (*self.r.target.paragraphs, *self.r.target.footnotes)}
        seen = set()
        for s, t in [(p.source, p.target) for p in self.r.pairs] + [(k, k) for k in items_s if k.startswith("FN")] + [
                (None, k) for k in items_t if k.startswith("FN")]:
            if (s in ids_s or t in ids_t) and (s, t) not in seen:
                seen.add((s, t))
                cells = []
                for side, pid, items, lang in (("source", s, items_s, self.r.source.language),
                                               ("target", t, items_t, self.r.target.language)):
                    item = items.get(pid) if pid else None
                    if item is None:
                        cells.append("<div></div>")
                        continue
                    cells.append(f'<div id="{self.anchor(side, pid)}"><span class="label">{side} '
                                 f"{escape(pid)}</span><span{_dir(lang)}>{escape(item.text)}</span></div>")
                rows.append(f'<div class="para">{"".join(cells)}</div>')
        return "".join(rows)


def _head(result: CheckResult, fail_on: str) -> str:
    failed = result.failed(fail_on)
    rows = "".join(f"<tr><th>{side}</th><td>{escape(doc.metadata.symbol or '(no symbol)')}</td>"
                   f"<td>{escape(doc.language)}</td><td>{escape(doc.source)}</td></tr>"
                   for side, doc in (("source", result.source), ("target", result.target)))
    notes = "".join(f'<p class="where">warning: {escape(n)}</p>' for n in result.notes)
    return (f'<table class="documents">{rows}</table>{notes}'
            f'<p class="verdict {"failed" if failed else "passed"}">{"FAILED" if failed else "PASSED"}: '
            f"{_counts(result.findings)} (failing on {escape(fail_on)} and above)</p>")


def _summary(result: CheckResult, prefix: str) -> str:
    """How many findings each rule has, linked to its group."""
    rules = [r for r in RULES if any(f.rule == r for f in result.findings)]
    if not rules:
        return ""
    cells = "".join(f'<tr><td><a href="#{prefix}-rule-{r}">{escape(r)}</a></td>'
                    f"<td>{sum(f.rule == r for f in result.findings)}</td></tr>" for r in rules)
    return f'<table class="summary"><tr><th>rule</th><th>findings</th></tr>{cells}</table>'


def render_check_html(result: SessionResult, fail_on: str = "error") -> str:
    """The report of a check: a pair of files on a page of its own, a session (two folders, a manifest) with
    a table of its pairs first."""
    return _pair_page(result.pair, fail_on) if result.asked == PAIR else _session_page(result, fail_on)


def _pair_page(result: CheckResult, fail_on: str) -> str:
    """One pair: the documents and verdict, the findings by rule, the paragraphs they name."""
    doc = _Doc(result, "d1")
    title = f"resdiff check {result.source.metadata.symbol or ''} {result.source.language} → {result.target.language}"
    body = (f"<h1>{escape(title)}</h1>{_head(result, fail_on)}{_summary(result, 'd1')}"
            f'<h2 id="findings">Findings</h2>{doc.by_rule()}'
            f'<h2 id="paragraphs">Paragraphs</h2>{doc.paragraphs() or "<p class=dim>None named.</p>"}')
    return _page(title, body)


def _session_page(session: SessionResult, fail_on: str) -> str:
    """A session: a table of the pairs (each linked to its part), then each pair's findings by rule and
    the paragraphs they name, then the findings on documents (missing, unreadable, …)."""
    failed = session.failed(fail_on)
    rows, parts = [], []
    for k, r in enumerate(session.results, 1):
        prefix = f"d{k}"
        bad = r.failed(fail_on)
        name = r.source.metadata.symbol or r.source.source
        rows.append(f'<tr><td><a href="#{prefix}">{escape(name)}</a></td>'
                    f"<td>{escape(r.source.language)} → {escape(r.target.language)}</td>"
                    f'<td class="verdict {"failed" if bad else "passed"}">{"FAILED" if bad else "passed"}</td>'
                    f"<td>{_counts(r.findings)}</td></tr>")
        doc = _Doc(r, prefix)
        parts.append(f'<section class="document" id="{prefix}"><h2>{escape(name)} '
                     f'<span class="dim">{escape(r.source.source)} ↔ {escape(r.target.source)}</span></h2>'
                     f"{_head(r, fail_on)}{_summary(r, prefix)}{doc.by_rule()}"
                     f"<h3>Paragraphs</h3>{doc.paragraphs() or '<p class=dim>None named.</p>'}</section>")
    docs = ""
    if session.findings:
        order = list(DOCUMENT_RULES)
        items = "".join(
            f'<div class="finding {f.severity}"><span class="sev {f.severity}">{f.severity}</span>'
            f"<b>{escape(f.rule)}</b> {escape(f.message)} <span class=\"where\">{escape(f.path)}</span></div>"
            for f in sorted(session.findings, key=lambda f: (order.index(f.rule) if f.rule in order else 99, f.path)))
        docs = f'<section id="documents"><h2>Documents</h2>{items}</section>'
    n_failed = sum(r.failed(fail_on) for r in session.results)
    level = SEVERITY_ORDER[fail_on]
    n_doc = sum(SEVERITY_ORDER[f.severity] >= level for f in session.findings)
    head = (f'<p class="verdict {"failed" if failed else "passed"}">{"FAILED" if failed else "PASSED"}: '
            f"{len(session.results)} pairs checked, {n_failed} failed; {n_doc} document findings "
            f"(failing on {escape(fail_on)} and above)</p>")
    table = (f'<table class="pairs"><tr><th>document</th><th>languages</th><th>verdict</th><th>findings</th></tr>'
             f'{"".join(rows)}</table>') if rows else ""
    return _page("resdiff check: session", f"<h1>resdiff check: session</h1>{head}{table}{docs}{''.join(parts)}")
