"""A whole session at once: the documents of two folders (or of a manifest), each read and parsed once,
paired by the symbol read from it, and checked pair by pair, on a pool of local processes or on Dask.

Two functions are the work, whatever runs them: `read_document(path, language)` (one document) and
`check_pair_of(source, target, config, given)` (one pair). The local engine runs them in worker processes
that keep the parsed documents on their side (in a scratch folder, never sent through this process) and
send back only each document's symbol, then each pair's result; the Dask engine runs the same two
functions on a cluster, where the documents stay in the workers' memory and a pair's task is sent to
them. A document that cannot be read, or whose worker dies or runs past the time limit, becomes a
`document-unreadable` finding; the rest of the session runs and its report is written.

`check_paths` is what `resdiff check` asks: a session for two folders or a manifest, else a session of one pair.
"""

from __future__ import annotations

import math
import os
import pickle
import shutil
import tempfile
from collections import namedtuple
from collections.abc import Callable, Iterable, Iterator
from contextlib import ExitStack
from pathlib import Path

from .check import Refusal, check_documents, check_parity, consistency_across, refuse_same_file, same_file
from .config import Config
from .documents import NO_DOCUMENTS, files_in, load_document, steps
from .errors import ResdiffError, UsageError
from .load import STDIN, decode, display_name, read_bytes
from .model import Document, Paragraph
from .normalize import collection_paused
from .records import from_rows, rows
from .results import ERROR, PAIR, CheckResult, DocumentFinding, SessionResult

SUSPECT = "it may be malformed or hostile"  # what a finding says of a document whose worker failed on it
SCRATCH = "resdiff-session-"  # a session's scratch folder, in the temporary folder: SCRATCH + PID-XXXXXXXX
TIME_LIMIT = 300.0  # seconds a worker may spend on one document or one pair before it is stopped
EXECUTORS = ("processes", "dask")
DASK_MISSING = "--executor dask needs Dask's distributed scheduler: pip install 'resdiff[dask]'"
# what a local worker runs, imported once by the fork server the workers come from (the reading and the
# aligning: this module's main process, gathering results, imports neither)
WORKER_MODULES = ("resdiff.session", "resdiff.parse", "resdiff.markdown_reader", "resdiff.align")


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


# --- how many workers -------------------------------------------------------------------------------

def usable_cpus() -> int:
    """The CPUs this process may run on: its affinity mask, bounded by a cgroup's CPU quota (a container's
    --cpus) where one is set."""
    try:
        n = len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        n = os.cpu_count() or 1
    try:
        quota, period = Path("/sys/fs/cgroup/cpu.max").read_text().split()[:2]
        if quota != "max":
            n = min(n, math.ceil(int(quota) / int(period)))
    except (OSError, ValueError):
        pass
    return max(1, n)


def worker_count(jobs: int | None, documents: int, note: Callable[[str], None] | None = None) -> int:
    """--jobs, or the usable CPUs by default; never more than those CPUs (said in a note) nor than the
    documents there are to read."""
    cpus = usable_cpus()
    n = cpus if jobs is None else jobs
    if n > cpus:
        if note:
            note(f"--jobs {jobs} is more than the {cpus} CPU{'s' if cpus > 1 else ''} this process may use: "
                 f"{cpus} worker{'s' if cpus > 1 else ''}")
        n = cpus
    return max(1, min(n, documents))


# --- the work: one document, one pair -----------------------------------------------------------------

class Unreadable(namedtuple("Unreadable", "message")):
    """A document that could not be read, and why (one line, naming the file). (A tuple, not a @dataclass,
    whose import is a tenth of a session's start, in its main process and fork server alike.)"""

    __slots__ = ()


def read_document(path: str, language: str | None) -> Document:
    """One document of a session, read and parsed (the per-document function)."""
    return load_document(path, language=language)


def read_or_say(path: str, language: str | None, reader: Callable | None = None) -> Document | Unreadable:
    """The per-document step as a worker runs it: the document, or why it could not be read."""
    try:
        return (reader or read_document)(path, language)
    except ResdiffError as e:
        return Unreadable(str(e))


def symbol_of(read: Document | Unreadable, path: str) -> tuple[str | None, str | None]:
    """What pairing needs of a document: its symbol (the file name's stem where it names none), or why it
    could not be read."""
    if isinstance(read, Unreadable):
        return None, read.message
    return read.metadata.symbol or Path(path).stem, None


class Refused(namedtuple("Refused", "rule path message")):
    """A pair that must not be checked (two texts in one language, two resolutions): its document finding."""

    __slots__ = ()


def check_pair_of(source: Document, target: Document, config: Config,
                  given: tuple[str | None, str | None] = (None, None)) -> CheckResult | Refused:
    """One pair of a session, checked (the per-pair function), or refused with the finding it becomes."""
    try:
        return check_documents(source, target, config, given)
    except Refusal as e:
        return Refused(e.rule, e.source or target.source, e.message)


def shown(result: CheckResult) -> tuple[set[str], set[str]]:
    """The paragraph ids of each side that a report of a pair shows: those its findings name, with the
    paragraphs they are paired with."""
    ids_s = {f.source for f in result.findings if f.source}
    ids_t = {f.target for f in result.findings if f.target}
    named_s, named_t = set(ids_s), set(ids_t)
    for p in result.pairs:
        if p.source in named_s or p.target in named_t:
            ids_s.add(p.source)
            ids_t.add(p.target)
    return ids_s, ids_t


def reported(result: CheckResult) -> CheckResult:
    """A pair's result with only what a report of it reads of its documents: their metadata, file and kind,
    their footnotes, and the paragraphs it shows (`shown`). Sent back from a worker in place of the whole
    documents, which the process writing the report would only unpickle to read a few paragraphs of."""
    ids_s, ids_t = shown(result)

    def cut(doc: Document, ids: set[str]) -> Document:
        return doc.replace(paragraphs=tuple(p for p in doc.paragraphs if p.id in ids), other=(), warnings=())

    return result.replace(source=cut(result.source, ids_s), target=cut(result.target, ids_t))


def _checked(source: Document, target: Document, config: Config, given: tuple[str | None, str | None],
             whole: bool = True, draw: Callable[[CheckResult], str] | None = None) -> tuple | Refused:
    """The per-pair function as an engine runs it: the result (its documents whole, or as `reported` cuts
    them) with what the session-wide consistency check reads of it (check.session_units), so that the main
    process reads no paragraph of it again, and its part of the report where `draw` is given (None if not)."""
    from .check import session_units

    got = check_pair_of(source, target, config, given)
    if isinstance(got, Refused):
        return got
    return got if whole else reported(got), session_units(got), draw(got) if draw else None


# --- the engines: where the two functions run ----------------------------------------------------------

_kept: dict = {}  # a worker's: the folder it keeps documents in -> its own file there, open for appending


def _flat(doc: Document) -> tuple[Document, tuple[tuple, ...]]:
    """A document as the scratch folder keeps it: its paragraphs as tuples of their fields (records.rows),
    which pickle and unpickle as plain tuples, where a record is unpickled by a call of its __init__ each."""
    return doc.replace(paragraphs=()), rows(Paragraph, doc.paragraphs)


def _whole(kept: tuple[Document, tuple[tuple, ...]]) -> Document:
    """The document `_flat` kept, its paragraphs made again column by column (records.from_rows)."""
    doc, kept_rows = kept
    return doc.replace(paragraphs=tuple(from_rows(Paragraph, kept_rows)))


def _store_document(doc: Document, folder: str) -> tuple[str, int, int]:
    """The document pickled onto the end of this worker's own file in `folder`: where it stands (the file,
    the offset, the size). One file a worker, not one a document: creating a file costs the file system
    some 50 times what writing ten kilobytes to an open one does."""
    f = _kept.get(folder)
    if f is None:
        for other in _kept.values():
            other.close()
        _kept.clear()
        f = _kept[folder] = open(os.path.join(folder, f"{os.getpid()}.pickles"), "ab")
    data = pickle.dumps(_flat(doc), protocol=pickle.HIGHEST_PROTOCOL)
    offset = f.tell()
    f.write(data)
    f.flush()  # read by another worker, or by the main process
    return f.name, offset, len(data)


def _read_task(job: tuple) -> tuple[str | None, str | None, tuple[str, int, int] | None]:
    """A local worker's per-document task: read, keep the document in the scratch folder, return its symbol
    (or why it could not be read) and where it is kept."""
    reader, path, language, folder = job
    read = read_or_say(path, language, reader)
    where = None if isinstance(read, Unreadable) else _store_document(read, folder)
    return (*symbol_of(read, path), where)


_read_from: dict[str, int] = {}  # a process's: each scratch file it has read documents from, open


def _stored(where: tuple[str, int, int]) -> Document:
    """A document kept in the scratch folder, read with one call on its file, opened once a process (a
    pair's two documents are read from the files of at most two workers, pair after pair)."""
    path, offset, size = where
    fd = _read_from.get(path)
    if fd is None:
        if _read_from and os.path.dirname(next(iter(_read_from))) != os.path.dirname(path):
            _forget_stored()  # another session's folder
        fd = _read_from[path] = os.open(path, os.O_RDONLY)
    return _whole(pickle.loads(os.pread(fd, size, offset)))


def _forget_stored() -> None:
    for fd in _read_from.values():
        os.close(fd)
    _read_from.clear()


_config: dict[str, Config] = {}  # a worker's: the configuration of its session, by where it is stored


def _config_at(store: str) -> Config:
    """The session's configuration, unpickled once in each worker: a glossary or baseline of thousands of
    entries sent and unpickled with every pair would cost more than the check (and a glossary's index,
    built once a configuration, would be built again every pair)."""
    if store not in _config:
        _config.clear()
        with open(store, "rb") as f:
            _config[store] = pickle.load(f)
    return _config[store]


def _check_task(job: tuple) -> CheckResult:
    """A local worker's per-pair task: the two documents and the configuration from the scratch folder,
    checked."""
    store_a, store_b, config, given, whole, draw = job
    return _checked(_stored(store_a), _stored(store_b), _config_at(config), given, whole, draw)


class _Processes:
    """Local worker processes (workers.Pool): the parsed documents kept in a scratch folder. This process runs
    no cyclic garbage collection from the pool's start to its close (normalize.collection_paused): each
    result unpickled adds thousands of objects, none in a cycle, and the collector would go over all those
    kept so far again and again, in the one process whose work no worker shares."""

    def __init__(self, workers: int, time_limit: float | None, reader: Callable | None) -> None:
        from .output import hold, remove_stale
        from .workers import Pool

        self.pool = Pool(workers, time_limit=time_limit, preload=list(WORKER_MODULES))
        self.reader = reader
        remove_stale(tempfile.gettempdir(), SCRATCH, "", folders=True)  # those of sessions killed
        self.scratch = tempfile.mkdtemp(prefix=f"{SCRATCH}{os.getpid()}-")
        self._held = hold(self.scratch)  # no other run's sweep removes it while this one lives
        self._paused = ExitStack()
        self._paused.enter_context(collection_paused())

    def close(self, failed: bool = False) -> None:
        try:
            self.pool.close(kill=failed)
        finally:
            _forget_stored()
            os.close(self._held)
            shutil.rmtree(self.scratch, ignore_errors=True)
            self._paused.close()

    def read(self, docs: list[tuple[str, str | None]]) -> Iterator[tuple[int, object]]:
        from .workers import Failed

        self.kept: dict[int, tuple[str, int, int]] = {}  # each document read: where its worker kept it
        jobs = [(self.reader, path, lang, self.scratch) for path, lang in docs]
        for k, got in self.pool.map_unordered(_read_task, jobs):
            if isinstance(got, Failed):
                yield k, _judged(got)
                continue
            symbol, why, self.kept[k] = got
            yield k, (symbol, why)

    def check(self, pairs: list[tuple[int, int]], config: Config, given,
              whole: bool = True, draw: Callable | None = None) -> Iterator[tuple[int, object]]:
        from .workers import Failed

        store = os.path.join(self.scratch, "config.pickle")
        with open(store, "wb") as f:
            pickle.dump(config, f, protocol=pickle.HIGHEST_PROTOCOL)
        jobs = [(self.kept[a], self.kept[b], store, given, whole, draw) for a, b in pairs]
        for i, got in self.pool.map_unordered(_check_task, jobs):
            yield i, _judged(got) if isinstance(got, Failed) else got

    def document(self, k: int) -> Document:
        """A document read, whole (kept in the scratch folder until the session ends)."""
        return _stored(self.kept[k])


class _Dask:
    """A Dask cluster (distributed): a local one of `workers` processes, or the one `scheduler` names. The
    parsed documents stay in the workers' memory (futures) and a pair's task goes where they are; a task
    whose worker is lost is run again once (the local cluster's allowed-failures), then given up."""

    def __init__(self, workers: int, scheduler: str | None, reader: Callable | None) -> None:
        try:
            import dask
            import distributed
        except ImportError:
            raise UsageError(DASK_MISSING) from None
        self.distributed = distributed
        self.reader = reader
        self.cluster = None
        if scheduler:
            try:
                self.client = distributed.Client(scheduler, timeout=30)
            except (OSError, TimeoutError, ValueError) as e:
                raise ResdiffError(f"cannot reach the Dask scheduler: {e}", source=scheduler) from None
        else:
            # a task whose worker dies is run again once; a worker is given one task at a time, so that
            # a task that kills its worker takes no other task with it
            with dask.config.set({"distributed.scheduler.allowed-failures": 1,
                                  "distributed.scheduler.worker-saturation": 1.0}):
                self.cluster = distributed.LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                                                        dashboard_address=None, silence_logs=50)
                self.client = distributed.Client(self.cluster)
        # the collector stays on here: the Dask client's event loop in this process leaves cycles behind
        # (frames, tracebacks, futures), some 30 KB a pair, which only it frees
        self.docs: list = []

    def close(self, failed: bool = False) -> None:
        self.docs = []
        try:
            self.client.close()
        finally:
            if self.cluster is not None:
                self.cluster.close()

    def _as_completed(self, futures: list) -> Iterator[tuple[int, object]]:
        where = {f.key: k for k, f in enumerate(futures)}
        for f in self.distributed.as_completed(futures):
            try:  # a result lost with its worker since it finished is computed again, and waited for
                value = f.result()
            except self.distributed.KilledWorker:
                value = f"its worker was lost, and again on a second try; {SUSPECT}"
            except Exception as e:
                value = f"resdiff failed on it ({type(e).__name__}: {e}); {SUSPECT}"
            yield where[f.key], value

    def read(self, docs: list[tuple[str, str | None]]) -> Iterator[tuple[int, object]]:
        submit = self.client.submit
        self.docs = [submit(read_or_say, path, lang, self.reader, pure=False) for path, lang in docs]
        symbols = [submit(symbol_of, f, path, pure=False) for f, (path, _) in zip(self.docs, docs, strict=True)]
        yield from self._as_completed(symbols)

    def check(self, pairs: list[tuple[int, int]], config: Config, given,
              whole: bool = True, draw: Callable | None = None) -> Iterator[tuple[int, object]]:
        wanted = {k for pair in pairs for k in pair}
        self.docs = [f if k in wanted else None for k, f in enumerate(self.docs)]  # the others are let go
        config = self.client.scatter(config, broadcast=True)  # sent to each worker once, not with every pair
        checks = [self.client.submit(_checked, self.docs[a], self.docs[b], config, given, whole, draw, pure=False)
                  for a, b in pairs]
        yield from self._as_completed(checks)

    def document(self, k: int) -> Document:
        """A document read, whole (held by the cluster until the session ends)."""
        return self.docs[k].result()


def _engine(executor: str, workers: int, time_limit: float | None, reader: Callable | None,
            scheduler: str | None):
    if executor == "dask":
        return _Dask(workers, scheduler, reader)
    if executor != "processes":
        raise UsageError(f"unknown executor {executor!r}: {' or '.join(EXECUTORS)}")
    return _Processes(workers, time_limit, reader)


def _judged(failed) -> str:
    """Why a local worker's task failed, as a finding says it: the document suspected (a fork server killed
    under it is told as its worker's status 255, which the pool cannot tell apart from a worker's own)."""
    return f"{failed.cause}; {SUSPECT}"


# --- a session ----------------------------------------------------------------------------------------

def check_session(source: str | None = None, target: str | None = None, *, manifest: str | None = None,
                  config: Config | None = None, jobs: int | None = None, source_lang: str | None = None,
                  target_lang: str | None = None, progress: Callable[[int], Iterable] | None = None,
                  executor: str = "processes", scheduler: str | None = None,
                  time_limit: float | None = TIME_LIMIT, note: Callable[[str], None] | None = None,
                  reader: Callable[[str, str | None], Document] | None = None, whole: bool = True,
                  draw: Callable[[CheckResult], str] | None = None) -> SessionResult:
    """Check every pair of documents: those listed in a manifest, or those of two folders with the same
    symbol. Each document is read once, in a worker (`jobs` of them, by default one per usable CPU);
    `executor` "dask" runs the same work on a Dask cluster (a local one, or `scheduler`'s). A worker
    that dies or runs past `time_limit` seconds on a document or pair makes that document a
    `document-unreadable` finding. `progress(total)` may give a step(description) callback (a progress
    bar); `note` hears what the session decided for the user (fewer workers than asked); `reader` replaces
    read_document (a module-level function: workers import it by name). `whole` False: each result's
    documents hold only what a report of it reads (`reported`), the rest never sent from the workers. `draw`
    (a module-level callable, sent by name): what draws a result's part of the report, run by the worker that
    checks it (SessionResult.drawn), where the main process would draw every part in turn."""
    config = config or Config()
    reader = reader or read_document
    out = SessionResult()
    if manifest:
        listed = read_manifest(manifest)
        order = list(dict.fromkeys((p, lang) for pair in listed for p, lang in zip(pair, (source_lang, target_lang),
                                                                                    strict=True)))
        docs = order
    else:
        (src_files, src_other), (tgt_files, tgt_other) = files_in(source), files_in(target)
        out.findings.extend(DocumentFinding(rule="document-unreadable", severity=ERROR, path=e.source, message=str(e))
                            for e in (*src_other, *tgt_other))
        docs = [(p, source_lang) for p in src_files] + [(p, target_lang) for p in tgt_files]
    if not docs:
        return out
    workers = worker_count(jobs, len(docs), note)
    engine = _engine(executor, workers, time_limit, reader, scheduler)
    failed = True
    try:
        read: list[tuple[str | None, str | None]] = [(None, None)] * len(docs)
        with steps(progress, len(docs)) as step:
            for k, got in engine.read(docs):
                step(f"reading {os.path.basename(docs[k][0])}")
                if isinstance(got, str):
                    got = (None, f"{display_name(docs[k][0])}: reading it failed: {got}")
                read[k] = got
        if manifest:
            pairs = _pair_listed(listed, docs, read, (source_lang, target_lang), out)
        else:
            pairs = _pair_by_symbol(docs, read, len(src_files), source, target, out)
        symbols = {k: read[k][0] for pair in pairs for k in pair}
        lost: list[tuple[int, DocumentFinding]] = []
        for i, (a, b) in enumerate(pairs):  # a folder given as its own counterpart, a symlink into the other
            if same_file(docs[a][0], docs[b][0]):
                lost.append((i, DocumentFinding(rule="document-self-pair", severity=ERROR, path=docs[b][0],
                                                message=f"paired with itself ({docs[a][0]})", symbol=symbols[b])))
        selfpairs = {i for i, _ in lost}
        checked = [i for i in range(len(pairs)) if i not in selfpairs]
        done: list[tuple | None] = [None] * len(pairs)  # each result with its units and its drawing
        with steps(progress, len(checked)) as step:
            for j, got in engine.check([pairs[i] for i in checked], config, (source_lang, target_lang), whole, draw):
                i = checked[j]
                a, b = pairs[i]
                step(f"checking {os.path.basename(docs[a][0])}")
                if isinstance(got, Refused | str):
                    lost.append((i, _pair_lost(got, docs[a][0], docs[b][0], symbols[a], symbols[b])))
                else:
                    done[i] = got
        kept = [(i, d) for i, d in enumerate(done) if d is not None]
        out.findings.extend(f for _, f in sorted(lost, key=lambda x: x[0]))
        _across(out, kept, config, draw)
        for k, (i, _) in enumerate(kept):  # a finding added here may name a paragraph a worker left out
            if not whole and out.results[k] is not kept[k][1][0]:
                a, b = pairs[i]
                out.results[k] = out.results[k].replace(source=engine.document(a), target=engine.document(b))
        failed = False
    finally:
        engine.close(failed)
    return out


def _pair_lost(got: Refused | str, source: str, target: str, symbol: str | None,
               target_symbol: str | None) -> DocumentFinding:
    """The finding of a pair refused (with the symbol of the document it names: the target's, mostly), or
    whose check failed (`got` says why)."""
    if isinstance(got, Refused):
        return DocumentFinding(rule=got.rule, severity=ERROR, path=got.path, message=got.message,
                               symbol=symbol if got.path == display_name(source) else target_symbol)
    return DocumentFinding(rule="document-unreadable", severity=ERROR, path=source, symbol=symbol,
                           message=f"{display_name(source)}: checking it against {display_name(target)} failed: {got}")


def _across(out: SessionResult, kept: list[tuple[int, tuple]], config: Config, draw: Callable | None) -> None:
    """The session's results, each with the findings of one source sentence translated two ways in two
    documents (check.consistency_across, on the units each worker sent), and what each worker drew of its
    result where it still holds (a result the session-wide check changed is drawn again, as it is now)."""
    given = [r for _, (r, _, _) in kept]
    out.results = consistency_across(given, config, [units for _, (_, units, _) in kept])
    if draw:
        now = zip(out.results, given, (d for _, (_, _, d) in kept), strict=True)
        out.drawn = (draw, tuple((r, d) for r, g, d in now if r is g))


def _pair_listed(listed: list[tuple[str, str]], docs: list[tuple[str, str | None]],
                 read: list[tuple[str | None, str | None]], langs: tuple[str | None, str | None],
                 out: SessionResult) -> list[tuple[int, int]]:
    """The pairs a manifest lists, as indexes of the documents read; an unreadable one a finding, once."""
    index = {doc: k for k, doc in enumerate(docs)}
    pairs, seen = [], set()
    for a, b in listed:
        ka, kb = index[(a, langs[0])], index[(b, langs[1])]
        bad = [k for k in (ka, kb) if read[k][0] is None]
        for k in bad:
            if k not in seen:
                seen.add(k)
                out.findings.append(DocumentFinding(rule="document-unreadable", severity=ERROR, path=docs[k][0],
                                                    message=read[k][1] or "unreadable"))
        if not bad:
            pairs.append((ka, kb))
    return pairs


def _pair_by_symbol(docs: list[tuple[str, str | None]], read: list[tuple[str | None, str | None]], n_source: int,
                    source: str | None, target: str | None, out: SessionResult) -> list[tuple[int, int]]:
    """The pairs of two folders, by the symbols their workers read (the first file in name order where
    two of one folder share one); every other document a finding."""
    by_symbol: list[dict[str, int]] = [{}, {}]
    for k, (symbol, err) in enumerate(read):
        path, side = docs[k][0], 0 if k < n_source else 1
        if symbol is None:
            out.findings.append(DocumentFinding(rule="document-unreadable", severity=ERROR, path=path,
                                                message=err or "unreadable"))
            continue
        if symbol in by_symbol[side]:
            out.findings.append(DocumentFinding(rule="document-duplicate", severity=ERROR, path=path, symbol=symbol,
                                                message=f"{symbol} is also {docs[by_symbol[side][symbol]][0]}"))
            continue
        by_symbol[side][symbol] = k
    pairs = []
    for symbol in sorted(set(by_symbol[0]) | set(by_symbol[1])):
        a, b = by_symbol[0].get(symbol), by_symbol[1].get(symbol)
        if a is not None and b is not None:
            pairs.append((a, b))
        elif a is not None:
            out.findings.append(DocumentFinding(rule="document-missing", severity=ERROR, path=docs[a][0], symbol=symbol,
                                                message=f"{symbol} has no counterpart in {target}"))
        else:
            out.findings.append(DocumentFinding(rule="document-extra", severity=ERROR, path=docs[b][0], symbol=symbol,
                                                message=f"{symbol} has no counterpart in {source}"))
    return pairs


def _not_a_folder(source: str, target: str) -> UsageError:
    """A folder and something else: what is wrong is the other one (a folder checks against a folder)."""
    folder, other = (source, target) if os.path.isdir(source) else (target, source)
    if other == STDIN:
        what = "standard input is one document, not a folder"
    elif not os.path.exists(other):
        what = "no such folder"
    else:
        what = "is a file, not a folder" if os.path.isfile(other) else "is not a folder"
    return UsageError(what, hint=f"{display_name(folder)} is a folder: give two folders, or two files", source=other)


def check_paths(source: str | None, target: str | None, *, manifest: str | None = None,
                previous: tuple[str, str] | None = None, config: Config | None = None, jobs: int | None = None,
                source_lang: str | None = None, target_lang: str | None = None,
                warn: Callable[[str], None] | None = None, progress: Callable[[int], Iterable] | None = None,
                executor: str = "processes", scheduler: str | None = None, time_limit: float | None = TIME_LIMIT,
                note: Callable[[str], None] | None = None,
                draw: Callable[[CheckResult], str] | None = None) -> tuple[SessionResult, tuple[str, ...]]:
    """What `resdiff check` is given: two folders or a manifest (a session), or two files, with their
    previous versions for change parity (a session of that one pair, checked here: no worker is worth
    starting for it, and a pair that cannot be checked is an error, not a finding). Returns the result and
    every file read (which an output must never replace). `draw`: as check_session's, for a session."""
    if manifest or (source and target and os.path.isdir(source) and os.path.isdir(target)):
        if previous:
            raise UsageError("--previous checks one pair; give two files, not folders or a manifest")
        session = check_session(source, target, manifest=manifest, config=config, jobs=jobs,
                                source_lang=source_lang, target_lang=target_lang, progress=progress,
                                executor=executor, scheduler=scheduler, time_limit=time_limit, note=note,
                                whole=False, draw=draw)  # a report reads only what `reported` keeps
        if not (manifest or session.results or session.findings):  # neither folder holds a document
            raise UsageError(f"{NO_DOCUMENTS} in {source} nor in {target}")
        inputs = tuple(x for x in (source, target, manifest) if x)
        return session, inputs + tuple(p for r in session.results for p in (r.source.source, r.target.source))
    if source and target and os.path.isdir(source) != os.path.isdir(target):
        raise _not_a_folder(source, target)
    if executor != "processes" or scheduler:
        raise UsageError("--executor and --scheduler run a session; give two folders or --manifest")
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
    return SessionResult([result], asked=PAIR), (source, target, *(previous or ()))
