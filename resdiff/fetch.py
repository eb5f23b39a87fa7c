"""Official texts from the UN Official Document System, kept in a user cache.

Only https is fetched (plain http only from this machine, for tests and local mirrors), redirects
to another scheme are refused, bodies are size-limited and checked to be whole PDFs, and a file
reaches the cache only through a temporary file and a rename: a failed download leaves nothing.
"""

from __future__ import annotations

import errno
import http.client
import ipaddress
import os
import socket
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path

from .cache import MAX_SYMBOL, cache_dir, cache_path, looks_like_symbol, normalize_symbol  # noqa: F401
from .errors import InputError, ResdiffError, UsageError

DEFAULT_URL = "https://documents.un.org/api/symbol/access?s={symbol}&l={lang}&t=pdf"
MAX_BYTES = 50 * 1024 * 1024
ATTEMPT_DEADLINE = 3  # an attempt lasts at most this many times --timeout in all, however the server drips
def _is_whole_pdf(data: bytes) -> bool:
    return data.startswith(b"%PDF-") and b"%%EOF" in data[-2048:]


def _allowed(url: str) -> bool:
    parts = urllib.parse.urlsplit(url)
    if parts.scheme == "https":
        return True
    if parts.scheme != "http" or not parts.hostname:
        return False
    if parts.hostname == "localhost":
        return True
    try:
        return ipaddress.ip_address(parts.hostname).is_loopback
    except ValueError:
        return False


class _Redirects(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, req, fp, code, msg, headers, newurl):
        # urllib reads the whole body of a redirect before following it: a Content-Length of 100 GB made
        # it allocate that much (MemoryError). The body of a redirect is of no use: close it unread.
        fp.close()
        if not _allowed(newurl):
            raise InputError(f"refused a redirect to {urllib.parse.urlsplit(newurl).scheme or '?'}: {newurl}",
                             source=req.full_url)
        return super().redirect_request(req, fp, code, msg, headers, newurl)

    def http_error_302(self, req, fp, code, msg, headers):
        try:
            return super().http_error_302(req, fp, code, msg, headers)
        except ValueError:  # urllib parsing the Location header: "Invalid IPv6 URL" and the like
            location = str(headers.get("Location", ""))[:80]
            raise InputError(f"refused a redirect to a malformed address: {location!r}", source=req.full_url) from None

    http_error_301 = http_error_303 = http_error_307 = http_error_308 = http_error_302


class _Permanent(Exception):
    pass


class _Deadline:
    """The whole of one attempt is bounded, not only each read: a server that drips a byte a second
    never lets a read time out. When the time is up, the sockets of the attempt are shut down."""

    def __init__(self, seconds: float):
        self.seconds = seconds
        self.expired = False
        self._socks: list[socket.socket] = []
        self._lock = threading.Lock()
        self._timer = threading.Timer(seconds, self._expire)
        self._timer.daemon = True

    def __enter__(self) -> _Deadline:
        self._timer.start()
        return self

    def __exit__(self, *exc) -> None:
        self._timer.cancel()

    def watch(self, sock: socket.socket) -> None:
        with self._lock:
            self._socks.append(sock)
            if self.expired:
                self._shut(sock)

    def _expire(self) -> None:
        with self._lock:
            self.expired = True
            for sock in self._socks:
                self._shut(sock)

    @staticmethod
    def _shut(sock: socket.socket) -> None:
        try:
            sock.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass


def _opener(deadline: _Deadline) -> urllib.request.OpenerDirector:
    import http.client

    class HTTP(http.client.HTTPConnection):
        def connect(self):
            super().connect()
            deadline.watch(self.sock)

    class HTTPS(http.client.HTTPSConnection):
        def connect(self):
            super().connect()
            deadline.watch(self.sock)

    class HTTPHandler(urllib.request.HTTPHandler):
        def http_open(self, req):
            return self.do_open(HTTP, req)

    class HTTPSHandler(urllib.request.HTTPSHandler):
        def https_open(self, req):
            return self.do_open(HTTPS, req, context=self._context)

    return urllib.request.build_opener(HTTPHandler(), HTTPSHandler(), _Redirects())


def _length(value: str | None) -> int | None:
    if value is None:
        return None
    if not value.strip().isdigit():
        raise _Permanent(f"the server's answer is not valid HTTP (Content-Length: {value[:40]!r})")
    return int(value)


def _download(url: str, timeout: float, max_bytes: int, deadline: _Deadline | None = None) -> bytes:
    opener = _opener(deadline) if deadline else urllib.request.build_opener(_Redirects())
    req = urllib.request.Request(url, headers={"User-Agent": "resdiff", "Accept": "application/pdf"})
    with opener.open(req, timeout=timeout) as resp:
        length = _length(resp.headers.get("Content-Length"))
        if length and length > max_bytes:
            raise _Permanent(f"the document is larger than {max_bytes // 1048576} MB")
        chunks, size = [], 0
        while True:
            chunk = resp.read1(65536)
            if not chunk:
                break
            size += len(chunk)
            if size > max_bytes:
                raise _Permanent(f"the document is larger than {max_bytes // 1048576} MB")
            chunks.append(chunk)
        data = b"".join(chunks)
        if deadline and deadline.expired:
            raise TimeoutError("deadline")
        if length is not None and len(data) != length:
            raise ConnectionError(f"truncated body ({len(data)} of {length} bytes)")
        kind = resp.headers.get("Content-Type", "?")
    if not data.startswith(b"%PDF-"):
        raise _Permanent(f"the server's answer is not a PDF ({kind.split(';')[0]})")
    if not _is_whole_pdf(data):
        raise ConnectionError("truncated PDF (no end-of-file marker)")
    return data


def _cached(path: Path, log: Callable[[str], None] | None) -> bool:
    """A whole PDF is in the cache. A damaged entry is left where it is: the download replaces it by an
    atomic rename. Removing it could remove the whole copy another process has just put in its place (a
    race seen with eight concurrent fetches)."""
    try:
        if _is_whole_pdf(path.read_bytes()):
            return True
    except FileNotFoundError:
        return False
    except IsADirectoryError:
        raise InputError("the cache entry is a folder, not a file", hint="remove it", source=str(path)) from None
    except OSError as e:
        if e.errno in (errno.ENOTDIR, errno.ENAMETOOLONG):
            return False
        raise InputError(f"cannot read the cache: {e.strerror or e}", source=str(path)) from None
    if log:
        log(f"{path.name}: the cached copy is damaged; fetching it again")
    return False


def fetch_each(symbols: list[str], lang: str, *, before: Callable[[str], None] | None = None,
               **options) -> Iterator[Path | ResdiffError]:
    """Each symbol's cached PDF in turn (`resdiff fetch`), or the error that kept it from the cache: one
    failure does not stop the others. `before` is told each symbol as its turn comes (a progress line)."""
    for sym in symbols:
        if before:
            before(sym)
        try:
            yield fetch(sym, lang, **options)
        except ResdiffError as e:
            yield e


def fetch_all(symbols: list[str], lang: str, *, found: Callable[[Path], None],
              failed: Callable[[ResdiffError], None], **options) -> bool:
    """`resdiff fetch`: each symbol's cached PDF told to `found`, each error to `failed`, one failure not
    stopping the others. Whether any failed."""
    any_failed = False
    for got in fetch_each(symbols, lang, **options):
        if isinstance(got, ResdiffError):
            failed(got)
            any_failed = True
        else:
            found(got)
    return any_failed


def fetch(symbol: str, lang: str, *, url_template: str | None = None, folder: Path | None = None,
          offline: bool = False, timeout: float = 20.0, retries: int = 3, backoff: float = 0.5,
          max_bytes: int = MAX_BYTES, log: Callable[[str], None] | None = None) -> Path:
    """The cached PDF of a symbol in a language, downloaded first unless it is cached and whole."""
    sym = normalize_symbol(symbol)
    path = cache_path(sym, lang, folder)
    if _cached(path, log):
        return path
    if offline:
        raise InputError(f"not in the cache ({path}) and --offline was given", source=sym)
    template = url_template or os.environ.get("RESDIFF_FETCH_URL") or DEFAULT_URL
    url = template.format(symbol=urllib.parse.quote(sym, safe="/"), lang=urllib.parse.quote(lang))
    if not _allowed(url):
        raise UsageError(f"only https URLs are fetched (or http on this machine): {url}")
    last = "no attempt"
    for attempt in range(retries + 1):
        try:
            with _Deadline(ATTEMPT_DEADLINE * timeout) as deadline:
                try:
                    data = _download(url, timeout, max_bytes, deadline)
                    break
                except (urllib.error.URLError, ConnectionError, TimeoutError, OSError, http.client.HTTPException):
                    if deadline.expired:
                        raise TimeoutError("deadline") from None
                    raise
        except urllib.error.HTTPError as e:
            if e.code == 404:
                raise InputError(f"not found at the Official Document System ({url}: HTTP 404)", source=sym) from None
            if 300 <= e.code < 400:
                raise InputError(f"too many redirects (a redirect loop?) ({url}: HTTP {e.code})", source=sym) from None
            if e.code < 500 and e.code != 429:
                raise InputError(f"the server refused the request ({url}: HTTP {e.code})", source=sym) from None
            last = f"HTTP {e.code}"
        except _Permanent as e:
            raise InputError(f"{e} ({url})", source=sym) from None
        except http.client.HTTPException as e:
            raise InputError(f"the server's answer is not valid HTTP ({_what(e)}) ({url})", source=sym) from None
        except ValueError as e:  # http.client and urllib parsing what the server sent
            raise InputError(f"the server's answer is not valid HTTP ({str(e)[:80]}) ({url})", source=sym) from None
        except (urllib.error.URLError, ConnectionError, TimeoutError, OSError) as e:
            reason = getattr(e, "reason", e)
            if isinstance(reason, http.client.HTTPException):
                raise InputError(f"the server's answer is not valid HTTP ({_what(reason)}) ({url})",
                                 source=sym) from None
            if str(e) == "deadline":
                last = f"took more than {ATTEMPT_DEADLINE * timeout:g} s in all (a server sending too slowly)"
            else:
                last = "timed out" if isinstance(reason, (socket.timeout, TimeoutError)) else str(reason)
        if attempt < retries:
            if log:
                log(f"{sym}: {last}; trying again")
            time.sleep(backoff * 2**attempt)
    else:
        raise InputError(f"download failed after {retries + 1} attempts ({last}): {url}", source=sym)
    _store(path, data)
    return path


def _what(e: Exception) -> str:
    name = {"BadStatusLine": "a bad status line", "LineTooLong": "a header line too long",
            "RemoteDisconnected": "the server closed the connection without an answer",
            "IncompleteRead": "an incomplete body"}.get(type(e).__name__)
    if name is None:
        name = str(e)[:80] or type(e).__name__
    return name


def _store(path: Path, data: bytes) -> None:
    """Into the cache through a temporary file (named as output.py names them, so the stale ones of a
    killed run are removed) and a rename."""
    from .output import TEMP_PREFIX, TEMP_SUFFIX, remove_stale

    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        remove_stale(str(path.parent))
        fd, tmp = tempfile.mkstemp(prefix=f"{TEMP_PREFIX}{os.getpid()}-", suffix=TEMP_SUFFIX, dir=path.parent)
    except OSError as e:
        where = next((str(p) for p in (path.parent, *path.parent.parents) if p.exists() and not p.is_dir()),
                     str(path.parent))
        problem = "not a folder" if where != str(path.parent) or e.errno in (errno.EEXIST, errno.ENOTDIR) \
            else (e.strerror or str(e)).lower()
        raise InputError(f"cannot write the cache: {problem}", hint="set RESDIFF_CACHE_DIR to a writable folder",
                         source=where) from None
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.replace(tmp, path)
    except OSError as e:
        raise InputError(f"cannot write the cache: {(e.strerror or str(e)).lower()}",
                         hint="set RESDIFF_CACHE_DIR to a writable folder", source=str(path)) from None
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)
