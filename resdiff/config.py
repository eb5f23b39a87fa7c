"""Configuration and baselines: the rules a check reports and their severities, the [tool.resdiff]
table (.resdiff.toml or pyproject.toml), --disable, the --fail-on a check falls back on, and the
baseline files of accepted findings (--baseline, --write-baseline)."""

from __future__ import annotations

import os

from .errors import InputError, UsageError
from .records import _Record, _record, _set
from .results import ERROR, RULES, SEVERITY_ORDER, WARNING


@_record  # a record, as the model's are (no @dataclass: its import is a tenth of a session's start)
class UserRule(_Record):
    """A rule of the user's own: a `pattern` that must not occur (in the target, the source or both), or a
    required rendering: where `source` matches a source paragraph, `target` must match its counterpart."""

    id: str
    message: str
    severity: str = WARNING
    pattern: str | None = None
    where: str = "target"  # "target", "source" or "both": the texts `pattern` is looked for in
    source: str | None = None
    target: str | None = None
    language: str | None = None  # only where that text is in this language

    def __init__(self, id: str, message: str, severity: str = WARNING, pattern: str | None = None,
                 where: str = "target", source: str | None = None, target: str | None = None,
                 language: str | None = None) -> None:
        _set(self, "id", id)
        _set(self, "message", message)
        _set(self, "severity", severity)
        _set(self, "pattern", pattern)
        _set(self, "where", where)
        _set(self, "source", source)
        _set(self, "target", target)
        _set(self, "language", language)


@_record
class Config(_Record):
    disabled: frozenset[str] = frozenset()
    severity: dict[str, str]  # rule -> severity (default: none changed)
    accepted: frozenset[str] = frozenset()  # fingerprints (baseline and config)
    accepted_where: tuple[tuple[str, str | None, str | None], ...] = ()  # (rule, source id, target id)
    fail_on: str | None = None
    force: bool = False  # check two documents that seem to be different resolutions (--force)
    strict: bool = False  # a language option the text contradicts is an error, not a warning (--strict)
    glossary: tuple[dict[str, tuple[str, ...]], ...] = ()  # entries: language -> its terms (--glossary)
    rules: tuple[UserRule, ...] = ()  # the user's own rules ([[tool.resdiff.rules]])

    def __init__(self, disabled: frozenset[str] = frozenset(), severity: dict[str, str] | None = None,
                 accepted: frozenset[str] = frozenset(), accepted_where: tuple = (), fail_on: str | None = None,
                 force: bool = False, strict: bool = False, glossary: tuple = (), rules: tuple = ()) -> None:
        _set(self, "disabled", disabled)
        _set(self, "severity", {} if severity is None else severity)
        _set(self, "accepted", accepted)
        _set(self, "accepted_where", accepted_where)
        _set(self, "fail_on", fail_on)
        _set(self, "force", force)
        _set(self, "strict", strict)
        _set(self, "glossary", glossary)
        _set(self, "rules", rules)

    def applies(self, f):
        """A finding (results.Finding) as this configuration reports it: None when switched off or accepted."""
        if f.rule in self.disabled or f.fingerprint in self.accepted:
            return None
        for rule, src, tgt in self.accepted_where:
            if rule == f.rule and src in (None, f.source) and tgt in (None, f.target):
                return None
        sev = self.severity.get(f.rule)
        if sev and sev != f.severity:
            return f.replace(severity=sev)
        return f


def make_config(data: dict | None = None, *, baseline: list[str] | None = None,
                disable: list[str] | None = None, where: str = "config") -> Config:
    """A Config from the [tool.resdiff] table (or .resdiff.toml), a baseline and --disable options."""
    data = data or {}
    disabled = set(data.get("disable", [])) | set(disable or [])
    severity = dict(data.get("severity", {}))
    for rule in disabled | set(severity):
        if rule not in RULES:
            raise UsageError(f"unknown rule {rule!r} (rules: {', '.join(RULES)})", source=where)
    for rule, sev in severity.items():
        if sev not in SEVERITY_ORDER:
            raise UsageError(f"unknown severity {sev!r} for {rule} (error, warning or note)", source=where)
    accepted, accepted_where = set(baseline or []), []
    for entry in data.get("accept", []):
        if isinstance(entry, str):
            accepted.add(entry)
        elif isinstance(entry, dict) and entry.get("rule") in RULES:
            accepted_where.append((entry["rule"], entry.get("source"), entry.get("target")))
        else:
            raise UsageError(f"an accept entry needs a known rule: {entry!r}", source=where)
    fail_on = data.get("fail-on")
    if fail_on is not None and fail_on not in SEVERITY_ORDER:
        raise UsageError(f"fail-on must be error, warning or note, not {fail_on!r}", source=where)
    return Config(frozenset(disabled), severity, frozenset(accepted), tuple(accepted_where), fail_on,
                  rules=user_rules(data, where))



# --- the configuration file ---------------------------------------------------------------

def read_config(path: str | None = None) -> tuple[dict, str]:
    """The [tool.resdiff] table of pyproject.toml, or .resdiff.toml, in this folder (or the file given)."""
    candidates = [path] if path else [".resdiff.toml", "pyproject.toml"]
    for name in candidates:
        if not os.path.exists(name):
            if path:
                raise InputError("no such file", source=name)
            continue
        raw = _read_small(name, CONFIG_LIMIT, "a configuration file")
        if not path and name == "pyproject.toml" and not _may_hold_our_table(raw):
            continue  # another tool's project file: none of ours to read (or to judge)
        import tomllib  # only where there is a file: it imports typing, a tenth of a session's start

        try:
            data = tomllib.loads(raw.decode("utf-8"))
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as e:
            raise InputError(f"not valid TOML ({e})", source=name) from None
        except RecursionError:
            raise InputError("not a configuration: nested too deeply to read", source=name) from None
        if os.path.basename(name) == "pyproject.toml":
            tool = data.get("tool", {})
            table = tool.get("resdiff") if isinstance(tool, dict) else None
            if table is None:
                if path:
                    return {}, name
                continue
            return _config_table(table, name), name
        tool = data.get("tool", {})
        return _config_table(tool.get("resdiff", data) if isinstance(tool, dict) else data, name), name
    return {}, ""


def _may_hold_our_table(raw: bytes) -> bool:
    """Whether a TOML file may define [tool.resdiff]: only where it writes the word, or an escape that could
    make one of its letters (any backslash: \\u, \\U, and whatever escapes a later TOML adds; a bare or
    literal key holds none), or is not in UTF-8 alone (UTF-16 and UTF-32 write a NUL beside each ASCII
    letter: it goes to the parser, which says what is wrong). Spares the TOML parser's import (its regular
    expressions, typing, datetime: about 17 ms of a session's serial part) where pyproject.toml is another
    project's that never names resdiff."""
    return b"resdiff" in raw or b"\\" in raw or b"\x00" in raw


def _config_table(table, name: str) -> dict:
    """The configuration's values checked for their types, so a wrong one is a clear error, not a crash."""
    def bad(key: str, wanted: str, value) -> InputError:
        return InputError(f"{key} must be {wanted}, not {type(value).__name__} {value!r}"[:300], source=name)

    if not isinstance(table, dict):
        raise bad("[tool.resdiff]", "a table", table)
    disable = table.get("disable", [])
    if not isinstance(disable, list) or not all(isinstance(r, str) for r in disable):
        raise bad("disable", "a list of rule names", disable)
    severity = table.get("severity", {})
    if not isinstance(severity, dict) or not all(isinstance(v, str) for v in severity.values()):
        raise bad("severity", "a table of rule = \"error\" | \"warning\" | \"note\"", severity)
    accept = table.get("accept", [])
    if not isinstance(accept, list):
        raise bad("accept", "a list of tables (or fingerprints)", accept)
    for entry in accept:
        if isinstance(entry, dict):
            for key in ("rule", "source", "target"):
                if key in entry and not isinstance(entry[key], str):
                    raise bad(f"accept.{key}", "a string", entry[key])
        elif not isinstance(entry, str):
            raise bad("an accept entry", "a table or a fingerprint", entry)
    fail_on = table.get("fail-on")
    if fail_on is not None and not isinstance(fail_on, str):
        raise bad("fail-on", "\"error\", \"warning\" or \"note\"", fail_on)
    return table


def read_baseline(path: str) -> list[str]:
    """Fingerprints of accepted findings, as written by `resdiff check --write-baseline`."""
    import json

    not_one = "not a resdiff baseline (a JSON object with a 'fingerprints' list of strings)"
    data = _read_small(path, BASELINE_LIMIT, "a baseline")
    try:
        doc = json.loads(data.decode("utf-8"))
    except (ValueError, UnicodeDecodeError):
        raise InputError(not_one, source=path) from None
    except RecursionError:
        raise InputError(f"{not_one}: nested too deeply to read", source=path) from None
    fingerprints = doc.get("fingerprints") if isinstance(doc, dict) else None
    if not isinstance(fingerprints, list) or not all(isinstance(x, str) for x in fingerprints):
        raise InputError(not_one, source=path)
    return fingerprints


CONFIG_LIMIT = 1 << 20  # bytes of a configuration file: a long one is a few kB
BASELINE_LIMIT = 16 << 20  # bytes of a baseline: 25,000 findings of a whole session take 1 MB


def _read_small(path: str, limit: int, what: str) -> bytes:
    """The bytes of a regular file (or of standard input, for -) of at most `limit` bytes. It is
    opened without blocking, so that a FIFO or a device in its place is refused, not waited on."""
    import stat
    import sys

    if path == "-":
        data = sys.stdin.buffer.read(limit + 1)
    else:
        try:
            fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
        except FileNotFoundError:
            raise InputError("no such file", source=path) from None
        except OSError as e:
            raise InputError(f"cannot read: {e.strerror or e}", source=path) from None
        try:
            info = os.fstat(fd)
            if stat.S_ISDIR(info.st_mode):
                raise InputError("is a directory, not a file", source=path)
            if not stat.S_ISREG(info.st_mode):
                raise InputError(f"not a regular file (a FIFO, device or socket); {what} must be a file", source=path)
            if info.st_size > limit:
                raise InputError(f"{what} of {info.st_size:,} bytes, over the limit of {limit >> 20} MiB", source=path)
            with os.fdopen(os.dup(fd), "rb") as fh:
                data = fh.read(limit + 1)
        except OSError as e:
            raise InputError(f"cannot read: {e.strerror or e}", source=path) from None
        finally:
            os.close(fd)
    if len(data) > limit:
        raise InputError(f"{what} of more than {limit >> 20} MiB", source=path)
    return data


def save_baseline(path: str, findings, inputs: tuple[str, ...]) -> str:
    """Record the findings' fingerprints as accepted; returns what to tell the user."""
    import json

    from .output import write_atomic

    fps = sorted({f.fingerprint for f in findings})
    write_atomic(path, json.dumps({"resdiff_baseline": 1, "fingerprints": fps}, indent=2) + "\n", inputs=inputs)
    return (f"wrote {path}: {len(fps)} finding{'' if len(fps) == 1 else 's'} accepted "
            f"(use it with --baseline {path})")


def load_config(path: str | None = None, *, baseline: str | None = None, disable: list[str] | None = None) -> Config:
    """The configuration of a check: the TOML file given (or found here), the baseline's accepted
    findings, the rules --disable switches off."""
    table, where = read_config(path)
    accepted = read_baseline(baseline) if baseline else []
    config = make_config(table, baseline=accepted, disable=disable, where=where or "--disable")
    return config.replace(glossary=config_glossary(table, where)) if table.get("glossary") else config


def config_glossary(table: dict, where: str) -> tuple[dict[str, tuple[str, ...]], ...]:
    """The glossary a configuration names (`glossary = "terms.tbx"`, relative to the configuration file)."""
    name = table.get("glossary")
    if not isinstance(name, str):
        raise InputError(f"glossary must be a file name, not {name!r}"[:300], source=where)
    if not os.path.isabs(name) and where:
        name = os.path.join(os.path.dirname(where) or ".", name)
    return read_glossary(name)


def with_run_options(config: Config, *, force: bool = False, strict: bool = False,
                     glossary: str | None = None) -> Config:
    """The configuration with the options of this run set: --force, --strict, --glossary FILE (its terms
    added to those of the configuration's `glossary`)."""
    terms = config.glossary + (read_glossary(glossary) if glossary else ())
    return config.replace(force=force, strict=strict, glossary=terms)


# --- the user's own rules: [[tool.resdiff.rules]] -----------------------------------------------------

def user_rules(table: dict, where: str = "config") -> tuple[UserRule, ...]:
    """The [[tool.resdiff.rules]] of a configuration, each checked (its patterns compiled, its severity
    known), so that a wrong one is one clear error, never a crash mid-check."""
    import re

    from .model import LANGUAGES

    entries = table.get("rules", [])
    if not isinstance(entries, list) or not all(isinstance(e, dict) for e in entries):
        raise UsageError("rules must be a list of tables ([[tool.resdiff.rules]])", source=where)
    out = []
    for k, e in enumerate(entries, 1):
        name = e.get("id", f"rule {k}")
        unknown = set(e) - {"id", "pattern", "message", "severity", "in", "source", "target", "language"}
        if unknown:
            raise UsageError(f"[[rules]] {name}: unknown key {sorted(unknown)[0]!r} (id, pattern, message, "
                             "severity, in, source, target, language)", source=where)
        for key in ("id", "pattern", "message", "severity", "in", "source", "target", "language"):
            if key in e and not isinstance(e[key], str):
                raise UsageError(f"[[rules]] {name}: {key} must be a string", source=where)
        if not e.get("message"):
            raise UsageError(f"[[rules]] {name}: a rule needs a message", source=where)
        pair = [e.get("source"), e.get("target")]
        if (e.get("pattern") and any(pair)) or (not e.get("pattern") and not all(pair)):
            raise UsageError(f"[[rules]] {name}: give either pattern, or source and target", source=where)
        for key in ("pattern", "source", "target"):
            if e.get(key):
                try:
                    re.compile(e[key])
                except re.error as err:
                    raise UsageError(f"[[rules]] {name}: {key} is not a valid regular expression ({err})",
                                     source=where) from None
        severity = e.get("severity", WARNING)
        if severity not in SEVERITY_ORDER:
            raise UsageError(f"[[rules]] {name}: unknown severity {severity!r} (error, warning or note)",
                             source=where)
        side = e.get("in", "target")
        if side not in ("target", "source", "both"):
            raise UsageError(f"[[rules]] {name}: in must be target, source or both, not {side!r}", source=where)
        if e.get("language") and e["language"] not in LANGUAGES:
            raise UsageError(f"[[rules]] {name}: unknown language {e['language']!r}", source=where)
        out.append(UserRule(id=str(name), message=e["message"], severity=severity, pattern=e.get("pattern"),
                            where=side, source=e.get("source"), target=e.get("target"), language=e.get("language")))
    return tuple(out)


# --- a glossary: TBX (TBX-Basic, ISO 30042) or CSV with a header of languages --------------------------

_LANGUAGE_HEADERS = {"ar": "arabic", "zh": "chinese", "en": "english", "fr": "french", "ru": "russian",
                     "es": "spanish"}


def _header_language(cell: str) -> str | None:
    """A CSV header cell as a language: a code (en, zh-CN, ES), or a name (English, "French term")."""
    import re

    cell = cell.strip().lower()
    m = re.match(r"^([a-z]{2})(?:[-_][a-z]{2,4})?$", cell)
    if m and m.group(1) in _LANGUAGE_HEADERS:
        return m.group(1)
    for code, name in _LANGUAGE_HEADERS.items():
        if cell == name or cell.startswith(name + " ") or cell.startswith(name + "_"):
            return code
    return None


def _terms(cell: str) -> tuple[str, ...]:
    """The terms of one cell: synonyms split by ';' or '|'."""
    import re

    return tuple(t.strip() for t in re.split(r"[;|]", cell) if t.strip())


def _glossary_csv(text: str, path: str) -> tuple[dict[str, tuple[str, ...]], ...]:
    import csv
    import io

    try:
        dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    rows = list(csv.reader(io.StringIO(text), dialect))
    if not rows:
        raise InputError("the glossary is empty", source=path)
    langs = [_header_language(c) for c in rows[0]]
    if sum(lang is not None for lang in langs) < 2:
        raise InputError("a CSV glossary needs a header row naming two languages or more (en, zh, … or "
                         "English, Chinese, …)", source=path)
    out = []
    for row in rows[1:]:
        entry: dict[str, tuple[str, ...]] = {}
        for lang, cell in zip(langs, row, strict=False):
            if lang and cell.strip():
                entry[lang] = entry.get(lang, ()) + _terms(cell)
        if len(entry) >= 2:
            out.append(entry)
    return tuple(out)


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _glossary_tbx(data: bytes, path: str) -> tuple[dict[str, tuple[str, ...]], ...]:
    """TBX: TBX-Basic 2 (martif, termEntry, langSet, tig/ntig) and ISO 30042:2019 (tbx, conceptEntry,
    langSec, termSec), namespaced or not. A document that declares entities is refused unread: nothing
    is expanded (and ElementTree resolves no external entity)."""
    import xml.etree.ElementTree as ET

    if b"<!ENTITY" in data:
        raise InputError("the glossary declares XML entities: refused (entity expansion)", source=path)
    try:
        root = ET.fromstring(data)
    except ET.ParseError as e:
        raise InputError(f"not valid TBX XML ({e})", source=path) from None
    xml_lang = "{http://www.w3.org/XML/1998/namespace}lang"
    out = []
    for node in root.iter():
        if _local(node.tag) not in ("termEntry", "conceptEntry"):
            continue
        entry: dict[str, tuple[str, ...]] = {}
        for lang_set in node:
            if _local(lang_set.tag) not in ("langSet", "langSec"):
                continue
            code = (lang_set.get(xml_lang) or lang_set.get("lang") or "").lower()[:2]
            if code not in _LANGUAGE_HEADERS:
                continue
            terms = tuple((t.text or "").strip() for t in lang_set.iter() if _local(t.tag) == "term")
            entry[code] = entry.get(code, ()) + tuple(t for t in terms if t)
        if len([v for v in entry.values() if v]) >= 2:
            out.append(entry)
    if not out:
        raise InputError("no term entry with two languages found (TBX termEntry or conceptEntry)", source=path)
    return tuple(out)


def read_glossary(path: str) -> tuple[dict[str, tuple[str, ...]], ...]:
    """A glossary's entries, each its terms by language: TBX (what terminology databases export) or CSV
    (a header row of language codes or names, a row an entry, synonyms split by ';')."""
    from .load import decode, read_bytes  # a file (or -), never a document symbol

    data = read_bytes(path)
    head = data[:512].lstrip(b"\xef\xbb\xbf \t\r\n")
    if path.lower().endswith((".tbx", ".xml")) or head.startswith(b"<"):
        return _glossary_tbx(data, path)
    return _glossary_csv(decode(data, path), path)


def fail_level(fail_on: str | None, config: Config) -> str:
    """The severity at or above which a finding fails a check: --fail-on, else the configuration's, else error."""
    return (str(fail_on) if fail_on else None) or config.fail_on or ERROR
