"""The CI formats of `check`, for one pair and for a whole session: JUnit XML, GitHub workflow
annotations, SARIF 2.1.0 (the JSON of every command is in json_.py)."""

from __future__ import annotations

from xml.sax.saxutils import escape as xml_escape
from xml.sax.saxutils import quoteattr

from .. import __version__
from ..lang import ORDINAL_EXAMPLE
from ..normalize import strip_controls
from ..results import DOCUMENT_RULES, ERROR, RULES, SESSION, SEVERITY_ORDER, CheckResult, Finding, SessionResult

DOCS_URL = "https://github.com/resdiff/resdiff/blob/main/README.md"
# What to do about each finding: SARIF's rule help, shown by code-scanning viewers.
RULE_HELP = {
    "paragraph-missing": "The target lacks a paragraph of the source: translate it, or check that the two "
                         "files are the same version.",
    "paragraph-extra": "The target has a paragraph the source lacks: remove it, or check the versions.",
    "operative-number-mismatch": "Renumber the target's operative paragraphs as the source numbers them.",
    "subparagraph-mismatch": "Letter the target's sub-paragraphs as the source letters them.",
    "numbering-error": "Both versions skip or repeat an operative number: correct the numbering in both.",
    "number-mismatch": "A number differs between the paired paragraphs: compare the two excerpts.",
    "date-mismatch": "A date or date range differs between the paired paragraphs.",
    "symbol-mismatch": "A document symbol (A/75/399, 74/62) differs between the paired paragraphs.",
    "ordinal-mismatch": "A session, meeting or anniversary ordinal differs "
                        f"({ORDINAL_EXAMPLE['en']} / {ORDINAL_EXAMPLE['zh']}).",
    "footnote-marker-mismatch": "The paired paragraphs cite different footnotes: place the marker as the "
                                "source does.",
    "footnote-mismatch": "A footnote is missing, or its numbers, dates or symbols differ.",
    "metadata-mismatch": "The symbol, session, adoption date, report or meeting differs in the masthead "
                         "or closing.",
    "change-parity": "A paragraph changed since the previous version in one language only: carry the "
                     "change over.",
    "change-fact-mismatch": "A change since the previous version brought different numbers, dates or "
                            "symbols in the two languages.",
    "term-mismatch": "The glossary renders this source term another way: use the glossary's target term, or "
                     "update the glossary.",
    "inconsistent-translation": "The same source sentence is translated differently elsewhere: use one "
                                "rendering.",
    "punctuation-spacing": "Space the punctuation as the target language does (French: a space before ; : ! ? "
                           "and inside « »; none before , .).",
    "punctuation-form": "Use the target language's own punctuation: Chinese writes the full-width forms of "
                        ", ; : ? ! beside its characters, Arabic its own comma, semicolon and question mark.",
    "ideograph-spacing": "Chinese writes no space between two characters: remove it.",
    "inverted-mark": "Spanish opens a question with ¿ and an exclamation with ¡.",
    "double-space": "Two spaces in a row: one is enough.",
    "doubled-word": "A word repeated (\"the the\"): remove one.",
    "user-rule": "A rule of this project's configuration ([[tool.resdiff.rules]]) matched: see its message.",
}


def _uri(file: str) -> str:
    """A percent-encoded file:// URI (SARIF readers resolve nothing else reliably)."""
    from pathlib import Path

    if file in ("<stdin>", "-"):
        return "stdin"
    return Path(file).resolve().as_uri()


def _clean(text: str | None) -> str:
    return strip_controls(text or "")


def _has_lines(doc, page: int | None) -> bool:
    """Whether a finding's line is a line of the file as given (a text file not paged): a CI viewer can
    then place it. Never for a PDF, a DOCX or HTML, whose lines are only those of resdiff's reading."""
    return page is None and doc.source_kind in ("text", "markdown")


def _side(result: CheckResult, f: Finding) -> str:
    """The side a finding is placed on: the target where it names a paragraph of it, else the source."""
    return "target" if (f.target or not f.source) else "source"


def _where_text(result: CheckResult, f: Finding, side: str) -> str:
    """'OP6, page 3, line 12' (the id, then where a reviewer finds it), or '—'."""
    pid = getattr(f, side)
    if pid is None:
        return "—"
    loc = result.where(f, side)
    return f"{pid}, {loc}" if loc else pid


def _cases(result: CheckResult) -> list[tuple[str, list[Finding]]]:
    """One test case per paired paragraph, footnote and the metadata, with the findings on it."""
    by_key: dict[str, list[Finding]] = {}
    for f in result.findings:
        by_key.setdefault(f"{f.source or '—'} ↔ {f.target or '—'}", []).append(f)
    names = ["metadata ↔ metadata"]
    names += [f"{p.source or '—'} ↔ {p.target or '—'}" for p in result.pairs]
    names += [f"{f.id} ↔ {f.id}" for f in result.source.footnotes]
    names += [k for k in by_key if k not in names]
    return [(n, by_key.get(n, [])) for n in names]


def _suite(result: CheckResult, fail_on: str) -> tuple[list[str], int, int]:
    """One pair's <testsuite>, a test case per paired paragraph, with its numbers of tests and failures."""
    cases = _cases(result)
    failing = [(n, fs) for n, fs in cases if any(SEVERITY_ORDER[f.severity] >= SEVERITY_ORDER[fail_on] for f in fs)]
    suite = f"resdiff check {_clean(result.source.source)} → {_clean(result.target.source)}"
    lines = [f'  <testsuite name={quoteattr(suite)} tests="{len(cases)}" failures="{len(failing)}" errors="0" '
             'skipped="0" time="0">']
    for name, fs in cases:
        lines.append(f'    <testcase classname="resdiff.check" name={quoteattr(name)} time="0">')
        failing_here = [f for f in fs if SEVERITY_ORDER[f.severity] >= SEVERITY_ORDER[fail_on]]
        if failing_here:  # one <failure> a test case (JUnit readers keep only one): the first, all in its text
            first = failing_here[0]
            more = f" (and {len(failing_here) - 1} more)" if len(failing_here) > 1 else ""
            body = "\n".join(f"{f.severity}: {f.rule}: {_clean(f.message)} (source: "
                              f"{_where_text(result, f, 'source')}; target: {_where_text(result, f, 'target')})"
                              + "".join(
                                  f"\n  {side}: {_clean(ex)}" for side, ex in
                                  (("source", f.source_excerpt), ("target", f.target_excerpt)) if ex)
                              for f in failing_here)
            lines.append(f"      <failure type={quoteattr(first.rule)} "
                         f"message={quoteattr(_clean(first.message) + more)}>{xml_escape(body)}</failure>")
        for f in fs:
            if f not in failing_here:  # below --fail-on: reported, not failed
                lines.append(f"      <system-out>{xml_escape(f'{f.severity}: {f.rule}: ' + _clean(f.message))}"
                             "</system-out>")
        lines.append("    </testcase>")
    lines.append("  </testsuite>")
    return lines, len(cases), len(failing)


def render_junit(result: SessionResult, fail_on: str = ERROR) -> str:
    """JUnit XML (the Jenkins/Ant shape CI servers read): a test suite per pair checked, a test case per
    paragraph pair in it; and a suite for the documents themselves (missing, unreadable) where a session
    has findings on them."""
    suites, tests, failures = [], 0, 0
    for r in result.results:
        lines, n, failed = _suite(r, fail_on)
        suites += lines
        tests, failures = tests + n, failures + failed
    cases = [f'    <testcase classname="resdiff.check" name={quoteattr(_clean(f.path))} time="0">\n'
             f"      <failure type={quoteattr(f.rule)} message={quoteattr(_clean(f.message))}>"
             f"{xml_escape(f.rule + ': ' + _clean(f.message))}</failure>\n    </testcase>"
             for f in result.findings]
    out = ['<?xml version="1.0" encoding="UTF-8"?>',
           f'<testsuites name="resdiff check" tests="{tests + len(cases)}" failures="{failures + len(cases)}" '
           'errors="0">']
    out += suites
    if cases:
        out.append(f'  <testsuite name="documents" tests="{len(cases)}" failures="{len(cases)}" errors="0" '
                   'skipped="0" time="0">')
        out += cases
        out.append("  </testsuite>")
    out += ["</testsuites>", ""]
    return "\n".join(out)


def _gh(value: str, prop: bool = False) -> str:
    value = value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    if prop:
        value = value.replace(":", "%3A").replace(",", "%2C")
    return value


def render_github(result: SessionResult, fail_on: str = ERROR) -> str:
    """GitHub Actions workflow commands: one annotation per finding of each pair, then one per finding on
    a whole document. Every finding is annotated whatever --fail-on says (`fail_on` is taken so that every
    check format is called alike); its level says how grave it is."""
    out = [line for r in result.results for line in _annotations(r)]
    for f in result.findings:  # on a whole document: its first line, but none in a PDF or DOCX
        line = "" if f.path.lower().endswith((".pdf", ".docx")) else ",line=1"
        out.append(f"::error file={_gh(f.path, True)}{line},title={_gh(f.rule, True)}::{_gh(_clean(f.message))}")
    return "".join(f"{line}\n" for line in out)


def _annotations(result: CheckResult) -> list[str]:
    """A pair's annotations, on the target file (the source where the target has no paragraph for the
    finding). A text file's annotation carries the line; a PDF's or a DOCX's none (GitHub could only
    misplace it), its title the page and the paragraph."""
    out = []
    for f in result.findings:
        level = {"error": "error", "warning": "warning", "note": "notice"}[f.severity]
        side = _side(result, f)
        doc = getattr(result, side)
        page = getattr(f, f"{side}_page")
        props = f"file={_gh(doc.source, True)}"
        title = f"{f.rule} ({f.source or '—'} ↔ {f.target or '—'})"
        if _has_lines(doc, page):
            props += f",line={getattr(f, f'{side}_line') or 1}"
        else:
            loc = result.where(f, side)
            title = f"{f.rule} ({f.source or '—'} ↔ {f.target or '—'}{', ' + side + ' ' + loc if loc else ''})"
        message = _clean(f.message)
        if f.source and side == "target":
            if _has_lines(result.source, f.source_page):
                message += f" — source: {result.source.source}:{f.source_line or 1} ({f.source})"
            else:
                message += f" — source: {result.source.source} ({_where_text(result, f, 'source')})"
        for label, ex in (("source", f.source_excerpt), ("target", f.target_excerpt)):
            if ex:
                message += f"\n{label}: {_clean(ex)}"
        out.append(f"::{level} {props},title={_gh(title, True)}::{_gh(message)}")
    return out


def render_sarif(result: SessionResult, fail_on: str = ERROR) -> str:
    """SARIF 2.1.0, one run: stable rule ids, each finding of each pair with the target as the primary
    location and the source related; a session adds the rules and findings on whole documents. Every
    finding is a result whatever --fail-on says (`fail_on` is taken so that every check format is called
    alike); its level says how grave it is."""
    rules = [{"id": rid, "name": rid.title().replace("-", ""), "shortDescription": {"text": desc},
              "fullDescription": {"text": f"{desc}. {RULE_HELP[rid]}"},
              "help": {"text": RULE_HELP[rid], "markdown": RULE_HELP[rid]},
              "helpUri": f"{DOCS_URL}#translation-checks-resdiff-check",
              "defaultConfiguration": {"level": sev}} for rid, (sev, desc) in RULES.items()]
    results = [entry for r in result.results for entry in _sarif_results(r)]
    if result.asked == SESSION:
        rules += [{"id": rid, "name": rid.title().replace("-", ""), "shortDescription": {"text": desc},
                   "help": {"text": desc}, "helpUri": f"{DOCS_URL}#a-whole-session-at-once",
                   "defaultConfiguration": {"level": "error"}} for rid, desc in DOCUMENT_RULES.items()]
        ids = [r["id"] for r in rules]
        results += [{"ruleId": f.rule, "ruleIndex": ids.index(f.rule), "level": f.severity,
                     "message": {"text": _clean(f.message)},
                     "locations": [{"physicalLocation": {"artifactLocation": {"uri": _uri(f.path)}}}]}
                    for f in result.findings]
    sarif = {
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{"tool": {"driver": {"name": "resdiff", "version": __version__, "informationUri": DOCS_URL,
                                      "rules": rules}},
                  "results": results}],
    }
    from .json_ import _dump  # what json.dumps with an indent writes, at the C encoder's speed

    return _dump(sarif)


def _sarif_results(result: CheckResult) -> list[dict]:
    """A pair's findings as SARIF results."""
    rule_ids = list(RULES)

    def location(f: Finding, side: str) -> dict:
        """A text file's line as the region; a PDF's page (and line on it) or a DOCX's paragraph number in
        the region's properties, the region itself the whole file (a PDF is binary: SARIF places it by
        bytes); the paragraph id a logical location."""
        doc, line, page = getattr(result, side), getattr(f, f"{side}_line"), getattr(f, f"{side}_page")
        pid = getattr(f, side)
        if _has_lines(doc, page):
            region = {"startLine": max(line, 1)}
        else:
            props = {}
            if page is not None:
                props = {"page": page, "lineOnPage": line} if line else {"page": page}
            elif doc.source_kind == "docx" and line:
                props = {"paragraph": line}
            region = {"charOffset": 0} if doc.source_kind in ("text", "markdown") else {"byteOffset": 0}
            if props:
                region["properties"] = props
        loc = {"physicalLocation": {"artifactLocation": {"uri": _uri(doc.source)}, "region": region}}
        if pid:
            symbol = doc.metadata.symbol
            loc["logicalLocations"] = [{"name": pid, "kind": "member",
                                        **({"fullyQualifiedName": f"{symbol} {pid}"} if symbol else {})}]
        return loc

    results = []
    for f in result.findings:
        primary = location(f, _side(result, f))
        text = _clean(f.message) + "".join(f"\n{side}: {_clean(ex)}" for side, ex in
                                           (("source", f.source_excerpt), ("target", f.target_excerpt)) if ex)
        entry = {"ruleId": f.rule, "ruleIndex": rule_ids.index(f.rule), "level": f.severity,
                 "message": {"text": text}, "locations": [primary],
                 "partialFingerprints": {"resdiff/v1": f.fingerprint}}
        if f.source and _side(result, f) == "target":
            entry["relatedLocations"] = [{"id": 1, **location(f, "source"),
                                          "message": {"text": f"source: {f.source}"}}]
        results.append(entry)
    return results
