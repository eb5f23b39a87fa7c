"""Chinese word segmentation: jieba's dictionary and algorithm (HMM off), two ways.

- the reference: jieba itself (a `jieba.Tokenizer` with our UN terms added);
- the fast path: the same algorithm (jieba's DAG and route, copied from jieba 0.42.1) over the same
  dictionary kept in an SQLite file in the user cache, so that a run looks up only the words its
  changed clauses need instead of loading jieba's 600,000 entries (0.7 s, 60 MB) every time.
tests/test_segment.py proves the two give the same tokens; RESDIFF_SEGMENTER=jieba forces the
reference; the fast path falls back to it when the cache cannot be written.
"""

from __future__ import annotations

import importlib.util
import logging
import os
import re
import sqlite3
import tempfile
import zlib
from functools import lru_cache
from importlib import resources
from math import log
from pathlib import Path

UN_TERM_FREQ = 100000
_FORMAT = "1"

# jieba 0.42.1, jieba/__init__.py
_re_eng = re.compile("[a-zA-Z0-9]", re.U)
_re_han = re.compile("([\u4E00-\u9FD5a-zA-Z0-9+#&\\._%\\-]+)", re.U)
_re_skip = re.compile("(\r\n|\\s)", re.U)


def un_terms() -> list[str]:
    text = resources.files("resdiff").joinpath("data/un_terms.txt").read_text("utf-8")
    return [t.strip() for t in text.splitlines() if t.strip() and not t.startswith("#")]


class _Freq:
    """jieba's FREQ mapping and total, read lazily from SQLite."""

    def __init__(self, path: Path):
        self.db = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
        self.total = int(self.db.execute("SELECT v FROM meta WHERE k = 'total'").fetchone()[0])
        self.memo: dict[str, int | None] = {}

    def get(self, word: str) -> int | None:
        try:
            return self.memo[word]
        except KeyError:
            row = self.db.execute("SELECT f FROM freq WHERE w = ?", (word,)).fetchone()
            f = self.memo[word] = row[0] if row else None
            return f


class FastTokenizer:
    """jieba.Tokenizer.cut(sentence, HMM=False), over a _Freq."""

    def __init__(self, freq: _Freq):
        self.freq = freq
        self.logtotal = log(freq.total)

    def _dag(self, sentence: str) -> dict[int, list[int]]:
        get = self.freq.get
        dag = {}
        n = len(sentence)
        for k in range(n):
            tmplist = []
            i = k
            frag = sentence[k]
            f = get(frag)
            while i < n and f is not None:
                if f:
                    tmplist.append(i)
                i += 1
                frag = sentence[k : i + 1]
                f = get(frag) if i < n else None
            if not tmplist:
                tmplist.append(k)
            dag[k] = tmplist
        return dag

    def _cut_dag_no_hmm(self, sentence: str):
        dag = self._dag(sentence)
        get = self.freq.get
        n = len(sentence)
        route = {n: (0, 0)}
        for idx in range(n - 1, -1, -1):
            route[idx] = max((log(get(sentence[idx : x + 1]) or 1) - self.logtotal + route[x + 1][0], x)
                             for x in dag[idx])
        x = 0
        buf = ""
        while x < n:
            y = route[x][1] + 1
            word = sentence[x:y]
            if _re_eng.match(word) and len(word) == 1:
                buf += word
                x = y
            else:
                if buf:
                    yield buf
                    buf = ""
                yield word
                x = y
        if buf:
            yield buf

    def cut(self, sentence: str):
        for blk in _re_han.split(sentence):
            if not blk:
                continue
            if _re_han.match(blk):
                yield from self._cut_dag_no_hmm(blk)
            else:
                for x in _re_skip.split(blk):
                    if _re_skip.match(x):
                        yield x
                    else:
                        yield from x


def _cache_dir() -> Path:
    base = os.environ.get("RESDIFF_CACHE_DIR") or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache"), "resdiff")
    return Path(base)


def _jieba_dict() -> Path:
    spec = importlib.util.find_spec("jieba")
    if spec is None or not spec.submodule_search_locations:
        raise FileNotFoundError("jieba is not installed")
    return Path(spec.submodule_search_locations[0]) / "dict.txt"


def _build(target: Path, dict_path: Path, terms: list[str]) -> None:
    """The FREQ table and total exactly as jieba's gen_pfdict and add_word make them."""
    freq: dict[str, int] = {}
    total = 0
    with open(dict_path, "rb") as fh:
        for line in fh:
            word, f = line.strip().decode("utf-8").split(" ")[:2]
            freq[word] = int(f)
            total += int(f)
            for ch in range(len(word)):
                freq.setdefault(word[: ch + 1], 0)
    for word in terms:
        freq[word] = UN_TERM_FREQ
        total += UN_TERM_FREQ
        for ch in range(len(word)):
            freq.setdefault(word[: ch + 1], 0)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".segment-", suffix=".sqlite3", dir=target.parent)
    os.close(fd)
    try:
        db = sqlite3.connect(tmp)
        db.execute("CREATE TABLE freq (w TEXT PRIMARY KEY, f INTEGER NOT NULL) WITHOUT ROWID")
        db.execute("CREATE TABLE meta (k TEXT PRIMARY KEY, v TEXT NOT NULL)")
        db.executemany("INSERT INTO freq VALUES (?, ?)", freq.items())
        db.execute("INSERT INTO meta VALUES ('total', ?)", (str(total),))
        db.commit()
        db.close()
        os.replace(tmp, target)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)


def _cache_file(dict_path: Path, terms: list[str]) -> Path:
    st = dict_path.stat()
    # zlib, not hashlib: importing OpenSSL costs a CLI 0.1 s at start-up, and this is only a cache key
    key = f"{_FORMAT}|{st.st_size}|{st.st_mtime_ns}|{'|'.join(terms)}".encode()
    return _cache_dir() / f"jieba-{zlib.crc32(key):08x}{zlib.adler32(key):08x}.sqlite3"


@lru_cache(maxsize=1)
def reference_tokenizer():
    import jieba

    jieba.setLogLevel(logging.WARNING)
    tk = jieba.Tokenizer()
    tk.initialize()
    for term in un_terms():
        tk.add_word(term, freq=UN_TERM_FREQ)
    return tk


@lru_cache(maxsize=1)
def fast_tokenizer() -> FastTokenizer | None:
    try:
        terms = un_terms()
        dict_path = _jieba_dict()
        path = _cache_file(dict_path, terms)
        if not path.exists():
            _build(path, dict_path, terms)
        return FastTokenizer(_Freq(path))
    except (OSError, sqlite3.Error, ValueError):
        return None


def cut(sentence: str) -> list[str]:
    """jieba's words for a sentence, HMM off: deterministic, no invented words."""
    if os.environ.get("RESDIFF_SEGMENTER") != "jieba":
        fast = fast_tokenizer()
        if fast is not None:
            return list(fast.cut(sentence))
    return list(reference_tokenizer().cut(sentence, HMM=False))
