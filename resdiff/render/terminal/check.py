"""The terminal views of `check`: one pair's findings grouped by paragraph pair, or a whole session's
verdicts, pair by pair."""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.text import Text

from ...normalize import strip_controls
from ...results import PAIR, SEVERITY_ORDER, CheckResult, Finding, SessionResult
from .layout import Wrapped, document_label

_SEVERITY_STYLE = {"error": "bold red", "warning": "yellow", "note": "cyan"}


_PAIRED = {"number": "paired by number (one text kept the gap where its paragraph is missing)",
           "alignment": "paired by length, punctuation and facts (the counts differ)",
           "unpaired": "no counterpart"}


def _where(result: CheckResult, f: Finding) -> str:
    """Where a reviewer finds the finding on each side: the line of a text file, page and line of a PDF,
    the paragraph number of a DOCX ("—" where that side has nothing)."""
    s = result.where(f, "source") if f.source else ""
    t = result.where(f, "target") if f.target else ""
    return f"  ({s or '—'} / {t or '—'})" if s or t else ""


def _findings(result: CheckResult, limit: int | None = None, indent: int = 0) -> list[RenderableType]:
    """The findings grouped by paragraph pair (ids on top), each with where it is and both excerpts;
    past `limit` findings, one line saying how many more."""
    parts: list[RenderableType] = []
    groups: dict[str, list[Finding]] = {}
    for f in result.findings:
        groups.setdefault(f"{f.source or '—'} ↔ {f.target or '—'}", []).append(f)
    shown = 0
    for key, fs in groups.items():
        if limit is not None and shown >= limit:
            break
        parts.append(Wrapped(Text(key, style="resdiff.id"), indent=indent))
        for f in fs:
            if limit is not None and shown >= limit:
                break
            shown += 1
            line = Text.assemble((f"{f.severity:<8}", _SEVERITY_STYLE[f.severity]), (f"{f.rule}  ", "resdiff.dim"),
                                 strip_controls(f.message))
            line.append(_where(result, f), style="resdiff.dim")
            parts.append(Wrapped(line, indent=indent + 2))
            for side, ex in (("source", f.source_excerpt), ("target", f.target_excerpt)):
                if ex:
                    parts.append(Wrapped(Text.assemble((f"{side}  ", "resdiff.dim"), strip_controls(ex)),
                                         indent=indent + 4))
        parts.append(Text(""))
    hidden = len(result.findings) - shown
    if hidden > 0:
        parts.append(Wrapped(Text(f"… and {hidden} more finding{'' if hidden == 1 else 's'} (--max-findings N "
                                  "shows more)", style="resdiff.dim"), indent=indent))
        parts.append(Text(""))
    return parts


def check_view(result: SessionResult, *, fail_on: str = "error", max_findings: int | None = None) -> RenderableType:
    """A check of two files: the pair's findings, every one unless `max_findings` says; a session (two
    folders, a manifest): its pairs, 20 findings a pair unless `max_findings` says (0: every one)."""
    if result.asked == PAIR:
        return _pair_view(result.pair, fail_on=fail_on, max_findings=max_findings)
    return _session_view(result, fail_on=fail_on, max_findings=20 if max_findings is None else max_findings)


def _pair_view(result: CheckResult, *, fail_on: str, max_findings: int | None) -> RenderableType:
    """Findings grouped by paragraph pair, then a verdict."""
    s, t = result.source, result.target
    parts: list[RenderableType] = [
        Text.assemble(("source  ", "resdiff.dim"), document_label(s)),
        Text.assemble(("target  ", "resdiff.dim"), document_label(t)),
        Text(""),
    ]
    for note in result.notes:  # the run itself: a language option the text contradicts
        parts.append(Wrapped(Text.assemble(("warning  ", "yellow"), strip_controls(note)), indent=9))
    if result.notes:
        parts.append(Text(""))
    uneven = result.uneven_pairs
    if uneven:  # the pairing, where it is not simply the n-th paragraph with the n-th
        parts.append(Text("pairing (where not one to one, in order)", style="resdiff.id"))
        for p in uneven:
            line = Text.assemble((f"{p.source or '—'} ↔ {p.target or '—'}", "resdiff.id"),
                                 (f"  {_PAIRED[p.how]}", "resdiff.dim"))
            parts.append(Wrapped(line, indent=2))
        parts.append(Text(""))
    parts += _findings(result, max_findings or None)
    counts = {sev: sum(f.severity == sev for f in result.findings) for sev in ("error", "warning", "note")}
    verdict = "FAILED" if result.failed(fail_on) else "PASSED"
    summary = Text(f"{verdict}: ", style="bold red" if verdict == "FAILED" else "bold green")
    def n(k: str) -> str:
        return f"{counts[k]} {k}{'' if counts[k] == 1 else 's'}"

    summary.append(f"{n('error')}, {n('warning')}, {n('note')} (failing on {fail_on} and above)")
    parts.append(summary)
    return Group(*parts)


def _session_view(session: SessionResult, *, fail_on: str, max_findings: int | None) -> RenderableType:
    """A whole session: each document pair's verdict line, then its findings with their excerpts (past
    `max_findings` a pair, a line saying how many more), then the documents that could not be paired or
    read, then the summary."""
    parts: list[RenderableType] = []
    for r in session.results:
        counts = {sev: sum(f.severity == sev for f in r.findings) for sev in ("error", "warning", "note")}
        failed = r.failed(fail_on)
        label = Text("FAILED  " if failed else "passed  ", style="bold red" if failed else "green")
        line = Text.assemble((f"{r.source.metadata.symbol or '?'}  ", "resdiff.id"),
                             f"{r.source.language} → {r.target.language}  ",
                             (", ".join(f"{n} {k}{'' if n == 1 else 's'}" for k, n in counts.items() if n)
                              or "no finding", "" if failed else "resdiff.dim"),
                             (f"  {strip_controls(r.source.source)} ↔ {strip_controls(r.target.source)}",
                              "resdiff.dim"))
        parts.append(Wrapped(line, indent=8, label=label))
        for note in r.notes:
            parts.append(Wrapped(Text.assemble(("warning  ", "yellow"), strip_controls(note)), indent=8))
        if r.findings:
            parts += _findings(r, None if not max_findings else max_findings, indent=8)
    for f in session.findings:
        bad = SEVERITY_ORDER[f.severity] >= SEVERITY_ORDER[fail_on]
        label = Text("FAILED  " if bad else f"{f.severity:<8}", style="bold red" if bad else "")
        line = Text.assemble((f"{f.rule}  ", "resdiff.dim"), strip_controls(f.message))
        if f.path not in f.message:
            line.append(f"  {strip_controls(f.path)}", style="resdiff.dim")
        parts.append(Wrapped(line, indent=8, label=label))
    n_failed = sum(r.failed(fail_on) for r in session.results)
    verdict = "FAILED" if session.failed(fail_on) else "PASSED"
    summary = Text(f"{verdict}: ", style="bold red" if verdict == "FAILED" else "bold green")
    pairs = len(session.results)
    summary.append(f"{pairs} pair{'' if pairs == 1 else 's'} checked, {n_failed} failed; {len(session.findings)} "
                   f"document finding{'' if len(session.findings) == 1 else 's'} (failing on {fail_on} and above)")
    parts += [Text(""), summary]
    return Group(*parts)
