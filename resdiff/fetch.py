"""Official texts from the UN Official Document System, kept in a user cache.

Only https is fetched (plain http only from this machine, for tests and local mirrors), redirects
to another scheme are refused, bodies are size-limited and checked to be whole PDFs, and a file
reaches the cache only through a temporary file and a rename: a failed download leaves nothing.
"""

from __future__ import annotations

import ipaddress
import os
import re
import socket
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable
from pathlib import Path

from .errors import InputError, UsageError

DEFAULT_URL = "https://documents.un.org/api/symbol/access?s={symbol}&l={lang}&t=pdf"
MAX_BYTES = 50 * 1024 * 1024
_SYMBOL = re.compile(r"^(?:[A-Z]{1,4}(?:\.\d+)?/)*(?:RES/)?\d{1,3}/\d{1,4}[A-Z]?$")
_SHORT = re.compile(r"^\d{1,3}/\d{1,4}[A-Z]?$")


def normalize_symbol(text: str) -> str:
    """'75/62' -> 'A/RES/75/62'; anything that is not a document symbol is refused."""
    s = text.strip().upper()
    if _SHORT.match(s):
        s = f"A/RES/{s}"
    if not _SYMBOL.match(s) or ".." in s:
        raise UsageError(f"not a document symbol: {text!r} (expected e.g. 75/62 or A/RES/75/62)")
    return s


def looks_like_symbol(text: str) -> bool:
    try:
        normalize_symbol(text)
    except UsageError:
        return False
    return True


def cache_dir() -> Path:
    base = os.environ.get("RESDIFF_CACHE_DIR") or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache"), "resdiff")
    return Path(base) / "documents"


def cache_path(symbol: str, lang: str, folder: Path | None = None) -> Path:
    """A file name made only of [A-Z0-9._-] from a validated symbol: it cannot leave the cache."""
    sym = normalize_symbol(symbol)
    name = re.sub(r"[^A-Z0-9.]", "_", sym).strip("._") + f".{lang}.pdf"
    if not re.fullmatch(r"[A-Z0-9][A-Z0-9._]*\.[a-z]{2}\.pdf", name):
        raise UsageError(f"not a document symbol: {symbol!r}")
    folder = folder or cache_dir()
    path = folder / name
    if path.resolve().parent != folder.resolve():
        raise UsageError(f"not a document symbol: {symbol!r}")
    return path


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
        if not _allowed(newurl):
            raise InputError(f"refused a redirect to {urllib.parse.urlsplit(newurl).scheme or '?'}: {newurl}",
                             source=req.full_url)
        return super().redirect_request(req, fp, code, msg, headers, newurl)


class _Permanent(Exception):
    pass


def _download(url: str, timeout: float, max_bytes: int) -> bytes:
    opener = urllib.request.build_opener(_Redirects())
    req = urllib.request.Request(url, headers={"User-Agent": "resdiff", "Accept": "application/pdf"})
    with opener.open(req, timeout=timeout) as resp:
        length = resp.headers.get("Content-Length")
        if length and int(length) > max_bytes:
            raise _Permanent(f"the document is larger than {max_bytes // 1048576} MB")
        chunks, size = [], 0
        while True:
            chunk = resp.read(65536)
            if not chunk:
                break
            size += len(chunk)
            if size > max_bytes:
                raise _Permanent(f"the document is larger than {max_bytes // 1048576} MB")
            chunks.append(chunk)
        data = b"".join(chunks)
        if length and len(data) != int(length):
            raise ConnectionError(f"truncated body ({len(data)} of {length} bytes)")
        kind = resp.headers.get("Content-Type", "?")
    if not data.startswith(b"%PDF-"):
        raise _Permanent(f"the server's answer is not a PDF ({kind.split(';')[0]})")
    if not _is_whole_pdf(data):
        raise ConnectionError("truncated PDF (no end-of-file marker)")
    return data


def fetch(symbol: str, lang: str, *, url_template: str | None = None, folder: Path | None = None,
          offline: bool = False, timeout: float = 20.0, retries: int = 3, backoff: float = 0.5,
          max_bytes: int = MAX_BYTES, log: Callable[[str], None] | None = None) -> Path:
    """The cached PDF of a symbol in a language, downloaded first unless it is cached and whole."""
    sym = normalize_symbol(symbol)
    path = cache_path(sym, lang, folder)
    if path.exists():
        if _is_whole_pdf(path.read_bytes()):
            return path
        if log:
            log(f"{path.name}: the cached copy is damaged; fetching it again")
        path.unlink()
    if offline:
        raise InputError(f"not in the cache ({path}) and --offline was given", source=sym)
    template = url_template or os.environ.get("RESDIFF_FETCH_URL") or DEFAULT_URL
    url = template.format(symbol=urllib.parse.quote(sym, safe="/"), lang=urllib.parse.quote(lang))
    if not _allowed(url):
        raise UsageError(f"only https URLs are fetched (or http on this machine): {url}")
    last = "no attempt"
    for attempt in range(retries + 1):
        try:
            data = _download(url, timeout, max_bytes)
            break
        except urllib.error.HTTPError as e:
            if e.code == 404:
                raise InputError(f"not found at the Official Document System ({url}: HTTP 404)", source=sym) from None
            if e.code < 500 and e.code != 429:
                raise InputError(f"the server refused the request ({url}: HTTP {e.code})", source=sym) from None
            last = f"HTTP {e.code}"
        except _Permanent as e:
            raise InputError(f"{e} ({url})", source=sym) from None
        except (urllib.error.URLError, ConnectionError, TimeoutError, OSError) as e:
            reason = getattr(e, "reason", e)
            last = "timed out" if isinstance(reason, (socket.timeout, TimeoutError)) else str(reason)
        if attempt < retries:
            if log:
                log(f"{sym}: {last}; trying again")
            time.sleep(backoff * 2**attempt)
    else:
        raise InputError(f"download failed after {retries + 1} attempts ({last}): {url}", source=sym)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".part-", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.replace(tmp, path)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)
    return path
