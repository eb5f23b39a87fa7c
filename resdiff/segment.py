"""Chinese word segmentation: jieba's dictionary, its words chosen as jieba chooses them (HMM off), two ways.

- the reference: jieba itself (a `jieba.Tokenizer` with our UN terms added);
- the fast path: `Segmenter`, the most probable split of a text into dictionary words, over the same
  dictionary kept in an SQLite file in the user cache, so that a run looks up only the words its
  changed clauses need instead of loading jieba's 600,000 entries (0.7 s, 60 MB) every time.
tests/test_segment.py proves the two give the same tokens; RESDIFF_SEGMENTER=jieba forces the
reference; the fast path falls back to it when the cache cannot be written.

The cache holds jieba's words and frequencies only, no prefix rows: a fragment that is not a word is
a prefix of one exactly when the next word in sorted order starts with it, which is what jieba's
zero-frequency prefix entries record. Its name depends on the format, the jieba version, the
dictionary's size and our terms, never on where or when jieba was installed, so every environment
with the same jieba shares one file; building one removes the files of other versions
(`resdiff cache --info`, `--clear`). Imports are kept to what a run needs: this module is on the
path of every Chinese diff.
"""

from __future__ import annotations

import os
import re
import sqlite3
import sys
from functools import lru_cache
from math import log
from pathlib import Path

from .cache import key_name
from .errors import InputError
from .notation import JIEBA_IDEOGRAPHS, lazy_pattern

UN_TERM_FREQ = 100000
_FORMAT = "2"
_PREFIX = "jieba-"
_BUILDING = ".segment-"
_BATCH = 400  # words a query looks up: under the 999 variables of an SQLite built with its old limit

# The text jieba splits with its dictionary: runs of CJK ideographs (U+4E00-U+9FD5), ASCII letters and
# digits and the characters + # & . _ % -. Elsewhere every character is a token of its own, a CRLF one
# token. Tokens equal to jieba's need the same runs.
_SEGMENTED = lazy_pattern(f"([{JIEBA_IDEOGRAPHS}a-zA-Z0-9+#&._%\\-]+)")  # for a Chinese text's runs only
_JIEBA_FIRST, _JIEBA_LAST = JIEBA_IDEOGRAPHS[0], JIEBA_IDEOGRAPHS[-1]
_SPACE = re.compile("(\r\n|\\s)")
_ASCII_ALNUM = re.compile("[a-zA-Z0-9]")


def un_terms() -> list[str]:
    with open(os.path.join(os.path.dirname(__file__), "data", "un_terms.txt"), encoding="utf-8") as fh:
        text = fh.read()
    return [t.strip() for t in text.splitlines() if t.strip() and not t.startswith("#")]


class _Freq:
    """jieba's FREQ mapping and total, read lazily from SQLite."""

    def __init__(self, path: Path):
        self.db = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
        self.db.execute("PRAGMA mmap_size = 268435456")
        self.total = int(self.db.execute("SELECT v FROM meta WHERE k = 'total'").fetchone()[0])
        self.memo: dict[str, int | None] = {}

    def get(self, word: str) -> int | None:
        """The word's frequency; 0 for a prefix of a word (as jieba's gen_pfdict records it); else None."""
        try:
            return self.memo[word]
        except KeyError:
            row = self.db.execute("SELECT w, f FROM freq WHERE w >= ? ORDER BY w LIMIT 1", (word,)).fetchone()
            if row is None:
                f = None
            elif row[0] == word:
                f = row[1]
            else:
                f = 0 if row[0].startswith(word) else None
            self.memo[word] = f
            return f

    def prefetch(self, words: list[str]) -> None:
        """What get() records for each of these words, in one query for hundreds: a query costs more to
        run than its look-up does inside SQLite."""
        todo = [w for w in dict.fromkeys(words) if w not in self.memo]
        for k in range(0, len(todo), _BATCH):
            chunk = todo[k:k + _BATCH]
            rows = self.db.execute(
                f"WITH q(w) AS (VALUES {','.join(['(?)'] * len(chunk))}) SELECT q.w, freq.w, freq.f FROM q "
                "LEFT JOIN freq ON freq.w = (SELECT w FROM freq WHERE w >= q.w ORDER BY w LIMIT 1)", chunk)
            for word, found, f in rows:
                if found is None:
                    self.memo[word] = None
                elif found == word:
                    self.memo[word] = f
                else:
                    self.memo[word] = 0 if found.startswith(word) else None


class Segmenter:
    """The words of a text as jieba cuts it with HMM off, over a frequency table (a _Freq).

    Each run of segmented characters is split into the sequence of dictionary words whose product of
    probabilities (frequency / total; an unknown single character counts frequency 1) is highest: a
    shortest path, found by dynamic programming from the end of the run backwards. Equal scores go to
    the longer first word. A run of single ASCII letters and digits left between words is one token."""

    def __init__(self, freq: _Freq):
        self.frequency = freq.get
        self.prefetch = freq.prefetch
        self.log_total = log(freq.total)

    def cut(self, text: str):
        if text and _JIEBA_FIRST <= min(text) and max(text) <= _JIEBA_LAST:
            pieces = ["", text, ""]  # what _SEGMENTED.split gives, without compiling its class of ideographs
        else:
            pieces = _SEGMENTED.split(text)
        self._look_up(pieces[1::2])
        for k, piece in enumerate(pieces):
            if not piece:
                continue
            if k % 2:  # split's group: a run _SEGMENTED matches
                yield from self._words(piece)
            else:
                for part in _SPACE.split(piece):
                    if _SPACE.match(part):
                        yield part
                    else:
                        yield from part

    def _look_up(self, runs: list[str]) -> None:
        """The fragments _ends will look up in these runs, one length at a time: a fragment one longer is
        looked up where this one is a word or the beginning of one."""
        frontier = [(run, start) for run in runs for start in range(len(run))]
        size = 1
        while frontier:
            self.prefetch([run[start:start + size] for run, start in frontier])
            frontier = [(run, start) for run, start in frontier
                        if start + size < len(run) and self.frequency(run[start:start + size]) is not None]
            size += 1

    def _ends(self, text: str, start: int) -> list[int]:
        """Where the dictionary words that begin at `start` end (exclusive), shortest first; the next
        character alone when no word begins there. A fragment is looked up only while it is a word or
        the beginning of one."""
        ends = []
        end = start + 1
        known = self.frequency(text[start:end])
        while known is not None:
            if known:
                ends.append(end)
            if end == len(text):
                break
            end += 1
            known = self.frequency(text[start:end])
        return ends or [start + 1]

    def _words(self, text: str):
        n = len(text)
        best = [0.0] * (n + 1)  # best[i]: the log-probability of the best split of text[i:]
        first_end = [n] * (n + 1)  # where the first word of that split ends
        for start in range(n - 1, -1, -1):
            best[start], first_end[start] = max(
                (log(self.frequency(text[start:end]) or 1) - self.log_total + best[end], end)
                for end in self._ends(text, start))
        letters = ""
        start = 0
        while start < n:
            end = first_end[start]
            word = text[start:end]
            if end - start == 1 and _ASCII_ALNUM.match(word):
                letters += word
            else:
                if letters:
                    yield letters
                    letters = ""
                yield word
            start = end
        if letters:
            yield letters


def _cache_dir() -> Path:
    from .cache import cache_root

    return cache_root()


def _jieba_dir() -> Path:
    for entry in sys.path:  # where the import system finds it, without importing importlib.util
        d = os.path.join(entry or ".", "jieba")
        if os.path.isfile(os.path.join(d, "__init__.py")) and os.path.isfile(os.path.join(d, "dict.txt")):
            return Path(d)
    import importlib.util

    spec = importlib.util.find_spec("jieba")
    if spec is None or not spec.submodule_search_locations:
        raise FileNotFoundError("jieba is not installed")
    return Path(spec.submodule_search_locations[0])


def _jieba_dict() -> Path:
    return _jieba_dir() / "dict.txt"


def _jieba_version(jieba_dir: Path) -> str:
    with open(jieba_dir / "__init__.py", encoding="utf-8") as fh:
        m = re.search(r"""^__version__\s*=\s*['"]([^'"]+)['"]""", fh.read(), re.M)
    return m.group(1) if m else "unknown"


def _read_dict(dict_path: Path) -> tuple[dict[str, int], int]:
    """jieba's gen_pfdict without its prefix entries: word -> frequency (a later line wins), and the total."""
    with open(dict_path, "rb") as fh:
        text = fh.read().decode("utf-8")
    toks = text.split()
    if len(toks) == 3 * (text.count("\n") + (not text.endswith("\n"))) and "\r" not in text:
        # every line is "word freq tag": split at C speed
        counts = list(map(int, toks[1::3]))
        return dict(zip(toks[0::3], counts, strict=True)), sum(counts)
    freq: dict[str, int] = {}
    total = 0
    for line in text.splitlines():
        word, f = line.strip().split(" ")[:2]
        freq[word] = int(f)
        total += int(f)
    return freq, total


def _announce(message: str) -> None:
    """One line on stderr, only when a person is watching it (jieba's own notice is similar)."""
    try:
        if sys.stderr is not None and sys.stderr.isatty():
            print(f"resdiff: {message}", file=sys.stderr, flush=True)
    except (OSError, ValueError):
        pass


def _build(target: Path, dict_path: Path, terms: list[str]) -> None:
    """The FREQ table and total exactly as jieba's gen_pfdict and add_word make them (prefixes implied)."""
    _announce(f"building the Chinese word index in {target.parent} (once, about a second)")
    freq, total = _read_dict(dict_path)
    for word in terms:
        freq[word] = UN_TERM_FREQ
        total += UN_TERM_FREQ
    target.parent.mkdir(parents=True, exist_ok=True)
    import tempfile

    fd, tmp = tempfile.mkstemp(prefix=_BUILDING, suffix=".sqlite3", dir=target.parent)
    os.close(fd)
    try:
        db = sqlite3.connect(tmp)
        db.execute("PRAGMA page_size = 16384")  # fewer, larger pages: a fifth faster to build, same lookups
        db.execute("PRAGMA journal_mode = OFF")  # a private file, renamed into place only when complete
        db.execute("PRAGMA synchronous = OFF")
        db.execute("CREATE TABLE freq (w TEXT PRIMARY KEY, f INTEGER NOT NULL) WITHOUT ROWID")
        db.execute("CREATE TABLE meta (k TEXT PRIMARY KEY, v TEXT NOT NULL)")
        db.executemany("INSERT INTO freq VALUES (?, ?)", sorted(freq.items()))  # in key order: appends
        db.execute("INSERT INTO meta VALUES ('total', ?)", (str(total),))
        db.commit()
        db.close()
        os.replace(tmp, target)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)
    remove_stale(keep=target)


def cache_files(directory: Path | None = None) -> list[Path]:
    """The segmenter's files in the cache (and any left by an interrupted build), by name."""
    d = directory or _cache_dir()
    try:
        names = os.listdir(d)
    except OSError:
        return []
    return sorted(d / n for n in names if n.endswith(".sqlite3") and n.startswith((_PREFIX, _BUILDING)))


def remove_stale(keep: Path | None = None) -> list[Path]:
    """Remove the segmenter's files other than `keep` (other jieba versions, formats, term lists; a build
    interrupted over an hour ago). Returns what was removed."""
    import time

    gone = []
    for p in cache_files(keep.parent if keep else None):
        if p == keep:
            continue
        try:
            if p.name.startswith(_BUILDING) and keep and time.time() - p.stat().st_mtime < 3600:
                continue  # another process may be building it right now
            p.unlink()
            gone.append(p)
        except OSError:
            pass
    return gone


def clear() -> str:
    """`resdiff cache --clear`: the word index removed (built again on first use); what was removed."""
    gone = remove_stale()
    return f"removed {len(gone)} file{'s' if len(gone) != 1 else ''} ({megabytes(gone):.1f} MB) from {_cache_dir()}"


def current_cache_file() -> Path:
    """The file this installation uses (it may not exist yet)."""
    return _cache_file(_jieba_dict(), un_terms())


def _cache_file(dict_path: Path, terms: list[str]) -> Path:
    # No path and no modification time: a reinstall of the same jieba (a new venv) finds the same file.
    key = f"{_FORMAT}|{_jieba_version(dict_path.parent)}|{dict_path.stat().st_size}|{'|'.join(terms)}".encode()
    return _cache_dir() / f"{_PREFIX}{key_name(key)}.sqlite3"


@lru_cache(maxsize=1)
def reference_tokenizer():
    import logging

    import jieba

    jieba.setLogLevel(logging.WARNING)
    # jieba logs a traceback of its own when it cannot write its cache (HOME or the temporary folder not
    # writable): resdiff works on without that cache, and its stderr is for resdiff's one-line messages.
    logging.getLogger("jieba").addFilter(lambda record: False)
    tk = jieba.Tokenizer()
    tk.initialize()
    for term in un_terms():
        tk.add_word(term, freq=UN_TERM_FREQ)
    return tk


def _a_regular_file(path: Path) -> bool:
    """Whether the word index is there (False: to be built). Opened without blocking, so that a FIFO,
    a device or a socket in its place is refused in one line, never waited on (SQLite would wait)."""
    import stat

    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except FileNotFoundError:
        return False
    try:
        mode = os.fstat(fd).st_mode
    finally:
        os.close(fd)
    if not stat.S_ISREG(mode):
        raise InputError("not a regular file (a FIFO, device or socket) where the Chinese word index belongs",
                         hint="remove it, or run 'resdiff cache --clear'", source=str(path))
    return True


@lru_cache(maxsize=1)
def fast_tokenizer() -> Segmenter | None:
    try:
        terms = un_terms()
        dict_path = _jieba_dict()
        path = _cache_file(dict_path, terms)
        if not _a_regular_file(path):
            _build(path, dict_path, terms)
        return Segmenter(_Freq(path))
    except (OSError, sqlite3.Error, ValueError):
        return None


def cut(sentence: str) -> list[str]:
    """jieba's words for a sentence, HMM off: deterministic, no invented words."""
    if os.environ.get("RESDIFF_SEGMENTER") != "jieba":
        fast = fast_tokenizer()
        if fast is not None:
            return list(fast.cut(sentence))
    return list(reference_tokenizer().cut(sentence, HMM=False))


def megabytes(paths) -> float:
    """The size of these files in MiB (a file gone meanwhile counts 0)."""
    def size(path) -> int:
        try:
            return path.stat().st_size
        except OSError:
            return 0

    return sum(size(p) for p in paths) / 1048576


def cache_listing(folder: Path | None = None) -> str:
    """What the user cache holds: each file of the Chinese word index and its state, and the documents
    fetched (`resdiff cache`)."""
    folder = folder or _cache_dir()
    try:
        current = current_cache_file()
    except OSError:
        current = None
    lines = [f"cache: {folder}"]
    files = cache_files(folder)
    for p in files:
        state = "in use" if p == current else ("being built" if p.name.startswith(".") else "stale")
        lines.append(f"  {p.name}  {megabytes([p]):.1f} MB  word index, {state}")
    if current is not None and current not in files:
        lines.append(f"  {current.name}  word index, not built yet (built on the first Chinese diff)")
    docs = folder / "documents"
    pdfs = sorted(docs.glob("*.pdf")) if docs.is_dir() else []
    lines.append(f"  documents/  {len(pdfs)} fetched, {megabytes(pdfs):.1f} MB")
    return "\n".join(lines)
