"""Configuration and baselines: the rules a check reports and their severities, the [tool.resdiff]
table (.resdiff.toml or pyproject.toml), --disable, the --fail-on a check falls back on, and the
baseline files of accepted findings (--baseline, --write-baseline)."""

from __future__ import annotations

import os
from dataclasses import dataclass, field, replace

from .errors import InputError, UsageError
from .results import ERROR, RULES, SEVERITY_ORDER


@dataclass(frozen=True)
class Config:
    disabled: frozenset[str] = frozenset()
    severity: dict[str, str] = field(default_factory=dict)
    accepted: frozenset[str] = frozenset()  # fingerprints (baseline and config)
    accepted_where: tuple[tuple[str, str | None, str | None], ...] = ()  # (rule, source id, target id)
    fail_on: str | None = None
    force: bool = False  # check two documents that seem to be different resolutions (--force)
    strict: bool = False  # a language option the text contradicts is an error, not a warning (--strict)

    def applies(self, f):
        """A finding (results.Finding) as this configuration reports it: None when switched off or accepted."""
        if f.rule in self.disabled or f.fingerprint in self.accepted:
            return None
        for rule, src, tgt in self.accepted_where:
            if rule == f.rule and src in (None, f.source) and tgt in (None, f.target):
                return None
        sev = self.severity.get(f.rule)
        if sev and sev != f.severity:
            return replace(f, severity=sev)
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
    return Config(frozenset(disabled), severity, frozenset(accepted), tuple(accepted_where), fail_on)



# --- the configuration file ---------------------------------------------------------------

def read_config(path: str | None = None) -> tuple[dict, str]:
    """The [tool.resdiff] table of pyproject.toml, or .resdiff.toml, in this folder (or the file given)."""
    import tomllib

    candidates = [path] if path else [".resdiff.toml", "pyproject.toml"]
    for name in candidates:
        if not os.path.isfile(name):
            if path:
                raise InputError("no such file", source=name)
            continue
        try:
            with open(name, "rb") as fh:
                data = tomllib.load(fh)
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as e:
            raise InputError(f"not valid TOML ({e})", source=name) from None
        except OSError as e:
            raise InputError(f"cannot read: {e.strerror or e}", source=name) from None
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

    from .load import read_bytes  # a file (or -), never a document symbol

    data = read_bytes(path)
    try:
        doc = json.loads(data.decode("utf-8"))
        return [str(x) for x in doc["fingerprints"]]
    except (ValueError, KeyError, TypeError, UnicodeDecodeError):
        raise InputError("not a resdiff baseline (a JSON object with a 'fingerprints' list)", source=path) from None


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
    return make_config(table, baseline=accepted, disable=disable, where=where or "--disable")


def with_run_options(config: Config, *, force: bool = False, strict: bool = False) -> Config:
    """The configuration with the options of this run (--force, --strict) set."""
    return replace(config, force=force, strict=strict)


def fail_level(fail_on: str | None, config: Config) -> str:
    """The severity at or above which a finding fails a check: --fail-on, else the configuration's, else error."""
    return (str(fail_on) if fail_on else None) or config.fail_on or ERROR
