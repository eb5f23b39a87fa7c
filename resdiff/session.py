"""A whole session at once: the documents of two folders (or of a manifest) paired by their symbol and
checked pair by pair in a process pool.

`check_one` is the unit of work: two paths in, one CheckResult (or the input error) out. A pool of
processes on one machine maps it here; on a cluster, Dask's `client.map(check_one, …)` or Ray's
`ray.remote(check_one)` would map the same function, with no scheduler of ours.

`check_paths` is what `resdiff check` asks: a session for two folders or a manifest, else one pair.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from .check import Refusal, check_documents, check_parity, consistency_across, refuse_same_file, same_file
from .config import Config
from .documents import files_in, load_document, steps
from .errors import ResdiffError, UsageError
from .load import decode, read_bytes
from .model import Document
from .results import ERROR, CheckResult, DocumentFinding, Finding, SessionResult


def read_manifest(path: str) -> list[tuple[str, str]]:
    """A manifest: one pair a line, 'SOURCE<TAB>TARGET' (or two fields split by whitespace); '#' comments.
    Relative paths are read from the manifest's folder."""
    base = Path(path).parent
    pairs = []
    for n, line in enumerate(decode(read_bytes(path), path).splitlines(), 1):  # a file, never a symbol
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        parts = line.split("\t") if "\t" in line else line.split()
        if len(parts) != 2:
            raise UsageError(f"line {n}: expected 'SOURCE<TAB>TARGET', got {len(parts)} fields", source=path)
        pairs.append(tuple(str(base / p) if not os.path.isabs(p) else p for p in parts))
    if not pairs:
        raise UsageError("the manifest lists no pair", source=path)
    return pairs


def _load(job: tuple[str, str | None]) -> tuple[str, Document | None, str | None]:
    path, language = job
    try:
        return path, load_document(path, language=language), None
    except ResdiffError as e:
        return path, None, str(e)


def check_one(job: tuple[str, str, Config, str | None, str | None]
              ) -> tuple[CheckResult | None, tuple[str, str] | None]:
    """The unit of work: read two versions of one resolution and check them, or say which could not be
    read and why."""
    source, target, config, sl, tl = job
    if same_file(source, target):  # a folder given as its own counterpart, a symlink into the other
        return None, (target, f"paired with itself ({source})", "document-self-pair")
    _, a, err_a = _load((source, sl))
    if a is None:
        return None, (source, err_a or "unreadable")
    _, b, err_b = _load((target, tl))
    if b is None:
        return None, (target, err_b or "unreadable")
    try:
        return check_documents(a, b, config, (sl, tl)), None
    except Refusal as e:  # a pair of one language, two resolutions: a finding of its own
        return None, (e.source or target, e.message, e.rule)


def _pool_map(fn: Callable, jobs: list, workers: int, step: Callable[[str], None]) -> list:
    """fn over jobs in order: in this process for one worker, else in a pool of processes."""
    out = []
    if workers <= 1 or len(jobs) < 2:
        for job in jobs:
            step(str(job[0]))
            out.append(fn(job))
        return out
    with ProcessPoolExecutor(max_workers=workers) as pool:
        for job, res in zip(jobs, pool.map(fn, jobs, chunksize=max(1, len(jobs) // (workers * 8))), strict=True):
            step(str(job[0]))
            out.append(res)
    return out


def check_session(source: str | None = None, target: str | None = None, *, manifest: str | None = None,
                  config: Config | None = None, jobs: int | None = None, source_lang: str | None = None,
                  target_lang: str | None = None, progress: Callable[[int], Iterable] | None = None
                  ) -> SessionResult:
    """Check every pair of documents: those listed in a manifest, or those of two folders with the
    same symbol. `progress(total)` may give a step(description) callback (a progress bar)."""
    config = config or Config()
    workers = jobs or os.cpu_count() or 1
    out = SessionResult()
    if manifest:
        pairs = read_manifest(manifest)
    else:
        src_files, tgt_files = files_in(source), files_in(target)
        loads = [(p, source_lang) for p in src_files] + [(p, target_lang) for p in tgt_files]
        with steps(progress, len(loads)) as step:
            loaded = _pool_map(_load, loads, workers, step)
        by_symbol: list[dict[str, str]] = [{}, {}]
        for k, (path, doc, err) in enumerate(loaded):
            side = 0 if k < len(src_files) else 1
            if doc is None:
                out.findings.append(DocumentFinding("document-unreadable", ERROR, path, err or "unreadable"))
                continue
            symbol = doc.metadata.symbol or Path(path).stem
            if symbol in by_symbol[side]:
                out.findings.append(DocumentFinding("document-duplicate", ERROR, path,
                                                    f"{symbol} is also {by_symbol[side][symbol]}", symbol))
                continue
            by_symbol[side][symbol] = path
        pairs = []
        for symbol in sorted(set(by_symbol[0]) | set(by_symbol[1])):
            a, b = by_symbol[0].get(symbol), by_symbol[1].get(symbol)
            if a and b:
                pairs.append((a, b))
            elif a:
                out.findings.append(DocumentFinding("document-missing", ERROR, a,
                                                    f"{symbol} has no counterpart in {target}", symbol))
            else:
                out.findings.append(DocumentFinding("document-extra", ERROR, b,
                                                    f"{symbol} has no counterpart in {source}", symbol))
    checks = [(a, b, config, source_lang, target_lang) for a, b in pairs]
    with steps(progress, len(checks)) as step:
        done = _pool_map(check_one, checks, workers, step)
    for result, failure in done:
        if result is None:
            rule = failure[2] if len(failure) > 2 else "document-unreadable"
            out.findings.append(DocumentFinding(rule, ERROR, failure[0], failure[1]))
        else:
            out.results.append(result)
    out.results = consistency_across(out.results, config)  # one source sentence, one translation, session-wide
    return out


def check_paths(source: str | None, target: str | None, *, manifest: str | None = None,
                previous: tuple[str, str] | None = None, config: Config | None = None, jobs: int | None = None,
                source_lang: str | None = None, target_lang: str | None = None,
                warn: Callable[[str], None] | None = None, progress: Callable[[int], Iterable] | None = None
                ) -> tuple[CheckResult | SessionResult, tuple[str, ...]]:
    """What `resdiff check` is given: two folders or a manifest (a session), or two files, with their
    previous versions for change parity. Returns the result and every file read (which an output must
    never replace)."""
    if manifest or (source and target and os.path.isdir(source) and os.path.isdir(target)):
        if previous:
            raise UsageError("--previous checks one pair; give two files, not folders or a manifest")
        session = check_session(source, target, manifest=manifest, config=config, jobs=jobs,
                                source_lang=source_lang, target_lang=target_lang, progress=progress)
        inputs = tuple(x for x in (source, target, manifest) if x)
        return session, inputs + tuple(p for r in session.results for p in (r.source.source, r.target.source))
    if not (source and target):
        raise UsageError("give SOURCE and TARGET (two files, or two folders), or --manifest FILE")
    refuse_same_file(source, target)
    src = load_document(source, language=source_lang, warn=warn)
    tgt = load_document(target, language=target_lang, warn=warn)
    if previous:
        result = check_parity(load_document(previous[0], language=source_lang, warn=warn),
                              load_document(previous[1], language=target_lang, warn=warn), src, tgt, config,
                              given=(source_lang, target_lang))
    else:
        result = check_documents(src, tgt, config, (source_lang, target_lang))
    for note in result.notes:
        if warn:
            warn(note)
    return result, (source, target, *(previous or ()))


def findings_of(result: CheckResult | SessionResult) -> list[Finding]:
    """The paragraph findings of a pair, or of every pair of a session: what a baseline records."""
    if isinstance(result, SessionResult):
        return [f for r in result.results for f in r.findings]
    return list(result.findings)
