"""fetch against a local HTTP server on 127.0.0.1 started by the tests: success, 404, 500 then success,
a stalled server, a truncated body, an answer that is not a PDF, redirects, and the cache."""

from __future__ import annotations

import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

import pytest
from layout import render, seed_spec, write_pdf
from runcli import invoke

from resdiff import InputError, UsageError
from resdiff.fetch import cache_path, fetch, normalize_symbol


@pytest.fixture(scope="module")
def pdf_bytes(tmp_path_factory):
    return write_pdf(render(seed_spec()), tmp_path_factory.mktemp("pdf") / "75-62.pdf").read_bytes()


class Server:
    def __init__(self, pdf: bytes):
        self.pdf = pdf
        self.hits: dict[str, int] = {}
        server = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def do_GET(self):  # noqa: N802
                case = urlsplit(self.path).path.strip("/")
                server.hits[case] = server.hits.get(case, 0) + 1
                query = parse_qs(urlsplit(self.path).query)
                server.last_query = query
                if case == "ok":
                    self._send(200, server.pdf, "application/pdf")
                elif case == "missing":
                    self._send(404, b"not found", "text/plain")
                elif case == "flaky":
                    if server.hits[case] == 1:
                        self._send(500, b"oops", "text/plain")
                    else:
                        self._send(200, server.pdf, "application/pdf")
                elif case == "down":
                    self._send(503, b"down", "text/plain")
                elif case == "stall":
                    time.sleep(1.5)
                    self._send(200, server.pdf, "application/pdf")
                elif case == "truncated":
                    self.send_response(200)
                    self.send_header("Content-Type", "application/pdf")
                    self.send_header("Content-Length", str(len(server.pdf)))
                    self.end_headers()
                    self.wfile.write(server.pdf[: len(server.pdf) // 2])
                    self.wfile.flush()
                    self.close_connection = True
                elif case == "html":
                    self._send(200, b"<!DOCTYPE html><html><body>Sign in</body></html>", "text/html")
                elif case == "redirect-ftp":
                    self.send_response(302)
                    self.send_header("Location", "ftp://127.0.0.1/x.pdf")
                    self.end_headers()
                elif case == "redirect-ok":
                    self.send_response(302)
                    self.send_header("Location", "/ok")
                    self.end_headers()
                else:
                    self._send(400, b"?", "text/plain")

            def _send(self, code, body, kind):
                try:
                    self.send_response(code)
                    self.send_header("Content-Type", kind)
                    self.send_header("Content-Length", str(len(body)))
                    self.end_headers()
                    self.wfile.write(body)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the client gave up (the stalled case)

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.port = self.httpd.server_address[1]
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    def url(self, case: str) -> str:
        return f"http://127.0.0.1:{self.port}/{case}?s={{symbol}}&l={{lang}}&t=pdf"


@pytest.fixture(scope="module")
def server(pdf_bytes):
    s = Server(pdf_bytes)
    yield s
    s.httpd.shutdown()


def _fetch(server, case, folder, **kw):
    return fetch("75/62", "zh", url_template=server.url(case), folder=folder, backoff=0.01, **kw)


def test_success_then_cache(server, tmp_path, pdf_bytes):
    path = _fetch(server, "ok", tmp_path)
    assert path == tmp_path / "A_RES_75_62.zh.pdf" and path.read_bytes() == pdf_bytes
    assert server.last_query == {"s": ["A/RES/75/62"], "l": ["zh"], "t": ["pdf"]}
    hits = server.hits["ok"]
    assert _fetch(server, "ok", tmp_path, offline=True) == path  # from the cache, no request
    assert _fetch(server, "ok", tmp_path) == path and server.hits["ok"] == hits


def test_not_found(server, tmp_path):
    with pytest.raises(InputError, match="not found.*404"):
        _fetch(server, "missing", tmp_path)
    assert list(tmp_path.iterdir()) == []


def test_server_error_then_success_on_retry(server, tmp_path, pdf_bytes):
    assert _fetch(server, "flaky", tmp_path).read_bytes() == pdf_bytes
    assert server.hits["flaky"] == 2


def test_server_down_gives_up_after_the_retries(server, tmp_path):
    with pytest.raises(InputError, match="after 3 attempts.*HTTP 503"):
        _fetch(server, "down", tmp_path, retries=2)
    assert server.hits["down"] == 3 and list(tmp_path.iterdir()) == []


def test_stalled_server_times_out(server, tmp_path):
    t = time.perf_counter()
    with pytest.raises(InputError, match="timed out"):
        _fetch(server, "stall", tmp_path, timeout=0.3, retries=1)
    assert time.perf_counter() - t < 5 and list(tmp_path.iterdir()) == []


def test_truncated_body_never_reaches_the_cache(server, tmp_path):
    with pytest.raises(InputError, match="truncated|failed"):
        _fetch(server, "truncated", tmp_path, retries=1)
    assert list(tmp_path.iterdir()) == []


def test_an_answer_that_is_not_a_pdf(server, tmp_path):
    with pytest.raises(InputError, match="not a PDF.*text/html"):
        _fetch(server, "html", tmp_path)
    assert list(tmp_path.iterdir()) == []


def test_redirects(server, tmp_path, pdf_bytes):
    assert _fetch(server, "redirect-ok", tmp_path).read_bytes() == pdf_bytes
    with pytest.raises(InputError, match="refused a redirect to ftp"):
        _fetch(server, "redirect-ftp", tmp_path / "other")


def test_corrupt_cache_entry_is_replaced(server, tmp_path, pdf_bytes):
    broken = cache_path("75/62", "zh", tmp_path)
    broken.write_bytes(pdf_bytes[:1000])
    with pytest.raises(InputError, match="not in the cache"):
        _fetch(server, "ok", tmp_path, offline=True)
    broken.write_bytes(pdf_bytes[:1000])
    assert _fetch(server, "ok", tmp_path).read_bytes() == pdf_bytes


def test_only_https_or_this_machine():
    with pytest.raises(UsageError, match="only https"):
        fetch("75/62", "zh", url_template="http://example.org/{symbol}", offline=False, retries=0)
    with pytest.raises(UsageError, match="only https"):
        fetch("75/62", "zh", url_template="file:///etc/{symbol}", retries=0)


@pytest.mark.parametrize("bad", ["A/RES/../../x", "../../etc/passwd", "75/62/../..", "A/RES/75/62; rm -rf /",
                                 "", "hello"])
def test_symbols_cannot_escape_the_cache(bad, tmp_path):
    with pytest.raises(UsageError):
        cache_path(bad, "zh", tmp_path)


def test_symbol_forms():
    assert normalize_symbol("75/62") == "A/RES/75/62" == normalize_symbol("a/res/75/62")


def test_cli_fetch_and_symbols_as_files(server, tmp_path, monkeypatch):
    monkeypatch.setenv("RESDIFF_CACHE_DIR", str(tmp_path))
    monkeypatch.setenv("RESDIFF_FETCH_URL", server.url("ok"))
    r = invoke(["fetch", "75/62", "A/RES/74/62", "--lang", "zh"], 0)
    assert r.stdout.splitlines() == [str(tmp_path / "documents" / "A_RES_75_62.zh.pdf"),
                                     str(tmp_path / "documents" / "A_RES_74_62.zh.pdf")]
    monkeypatch.setenv("RESDIFF_OFFLINE", "1")
    invoke(["diff", "A/RES/74/62", "75/62", "--lang", "zh", "-f", "json"], 0)  # the server gave the same text for both
    r = invoke(["diff", "73/54", "75/62", "--lang", "zh"], 2)
    assert "not in the cache" in r.stderr
    r = invoke(["diff", "73/54", "75/62"], 2)
    assert "give --lang" in r.stderr


def test_cli_fetch_failure_is_exit_2(server, tmp_path, monkeypatch):
    monkeypatch.setenv("RESDIFF_CACHE_DIR", str(tmp_path))
    r = invoke(["fetch", "75/62", "--lang", "zh", "--url-template", server.url("missing")], 2)
    assert "HTTP 404" in r.stderr and len(r.stderr.strip().splitlines()) == 1
