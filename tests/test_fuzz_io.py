"""Fuzzing what comes from outside the text (issue #17): DOCX structure, HTTP framing against a local
server, and file names. The only outcomes are a result or a clean error (InputError/UsageError, or
exit 2 with one printable line); nothing is left behind; nothing hangs.

RESDIFF_FUZZ_FACTOR=N runs every property here N times longer."""

from __future__ import annotations

import io
import json
import os
import time
import zipfile

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from layout import EN_FIXTURE, examples, render, seed_spec, write_pdf
from rawhttp import RawServer
from typer.testing import CliRunner

from resdiff import InputError, ResdiffError, UsageError
from resdiff.load import decode

W_NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def fast(n: int) -> settings:
    return settings(max_examples=examples(n), deadline=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                           HealthCheck.function_scoped_fixture])


# --- DOCX structure ----------------------------------------------------------------------------------

WORDS = ["The General Assembly,", "Recalling its resolution 74/62,", "1. ", "Urges all States", "；", "《公约》",
         "", " ", "\x1b[31m", "\u2066", "&amp;", "75/62. Title"]


@st.composite
def xml_tree(draw, depth=0):
    """A w: element tree: paragraphs, runs, text, tabs, footnote references, unknown elements, nested
    anyhow (paragraphs inside paragraphs, text outside paragraphs)."""
    kind = draw(st.sampled_from(["p", "r", "t", "tab", "ref", "other", "p", "t"] if depth < 12 else ["t", "tab"]))
    if kind == "t":
        return f"<w:t>{draw(st.sampled_from(WORDS))}</w:t>"
    if kind == "tab":
        return "<w:tab/>"
    if kind == "ref":
        return f'<w:footnoteReference w:id="{draw(st.sampled_from(["1", "2", "x", ""]))}"/>'
    tag = {"p": "w:p", "r": "w:r", "other": draw(st.sampled_from(["w:txbxContent", "w:ins", "w:sdt", "x"]))}[kind]
    children = draw(st.lists(xml_tree(depth + 1), max_size=4))
    return f"<{tag}>{''.join(children)}</{tag}>" if tag != "x" else "".join(children)


@st.composite
def docx_bytes(draw):
    body = "".join(draw(st.lists(xml_tree(), min_size=1, max_size=6)))
    chain = draw(st.integers(0, 300))  # deep nesting: must stay linear
    if chain:
        body = '<w:p><w:r><w:t>Recalling</w:t><w:footnoteReference w:id="1"/></w:r>' * chain + body + "</w:p>" * chain
    notes = draw(st.one_of(st.none(), st.lists(xml_tree(), max_size=3).map(
        lambda xs: "".join(f'<w:footnote w:id="{k}">{x}</w:footnote>' for k, x in enumerate(xs, 1)))))
    if draw(st.booleans()):  # malformed XML
        cut = draw(st.integers(0, len(body)))
        body = body[:cut] + draw(st.sampled_from(["<", "&bogus;", "</w:q>", "\x00", "<w:p"])) + body[cut:]
    buf = io.BytesIO()
    method = draw(st.sampled_from([zipfile.ZIP_DEFLATED, zipfile.ZIP_STORED, zipfile.ZIP_BZIP2, zipfile.ZIP_LZMA]))
    with zipfile.ZipFile(buf, "w", compression=method) as z:
        if draw(st.integers(0, 9)):
            z.writestr("word/document.xml", f"<w:document {W_NS}><w:body>{body}</w:body></w:document>")
        if notes is not None:
            z.writestr("word/footnotes.xml", f"<w:footnotes {W_NS}>{notes}</w:footnotes>")
    data = bytearray(buf.getvalue())
    for _ in range(draw(st.integers(0, 3))):  # zip-level damage: bytes, flags, methods, sizes, truncation
        what = draw(st.sampled_from(["byte", "flag", "method", "truncate"]))
        if what == "truncate":
            data = data[:draw(st.integers(4, len(data)))]
        elif what in ("flag", "method"):
            sig = draw(st.sampled_from([b"PK\x03\x04", b"PK\x01\x02"]))
            k = data.find(sig)
            if k >= 0:
                off = {("flag", b"PK\x03\x04"): 6, ("flag", b"PK\x01\x02"): 8,
                       ("method", b"PK\x03\x04"): 8, ("method", b"PK\x01\x02"): 10}[(what, bytes(sig))]
                if k + off + 2 <= len(data):
                    data[k + off:k + off + 2] = draw(st.integers(0, 0xFFFF)).to_bytes(2, "little")
        elif data:
            k = draw(st.integers(0, len(data) - 1))
            data[k] = draw(st.integers(0, 255))
    return bytes(data)


@fast(150)
@given(docx_bytes())
def test_docx_structure_is_a_result_or_a_clean_error(data):
    t = time.monotonic()
    try:
        text = decode(data, "fuzz.docx")
    except InputError as e:
        assert "\n" not in str(e) and "\x1b" not in str(e)
    else:
        assert isinstance(text, str)
    assert time.monotonic() - t < 10


# --- HTTP framing against a local server ------------------------------------------------------------

@pytest.fixture(scope="module")
def server():
    s = RawServer(lambda conn, request: None)
    yield s
    s.close()


@pytest.fixture(scope="module")
def pdf(tmp_path_factory):
    return write_pdf(render(seed_spec()), tmp_path_factory.mktemp("pdf") / "p.pdf").read_bytes()


@st.composite
def http_answer(draw, pdf: bytes):
    version = draw(st.sampled_from([b"HTTP/1.1", b"HTTP/1.0", b"HTTP/2", b"HTTX/1.1", b"", b"HTTP/1.1\x00"]))
    status = draw(st.sampled_from([b"200 OK", b"200", b"404 Not Found", b"500 Oops", b"302 Found", b"abc",
                                   b"99999999999999999999 X", b"-1 Bad", b"301 Moved"]))
    body = draw(st.sampled_from([pdf, pdf[: len(pdf) // 2], b"", b"<html>sign in</html>", b"%PDF-1.4\n%%EOF\n"]))
    headers = []
    length = draw(st.sampled_from(["right", "none", "abc", "-5", "1e3", "99999999999", "0", "twice", " 12 "]))
    if length == "right":
        headers.append(b"Content-Length: " + str(len(body)).encode())
    elif length == "twice":
        headers += [b"Content-Length: 1", b"Content-Length: " + str(len(body)).encode()]
    elif length != "none":
        headers.append(b"Content-Length: " + length.encode())
    if draw(st.booleans()):
        headers.append(b"Content-Type: " + draw(st.sampled_from([b"application/pdf", b"text/html", b"\xff\xfe"])))
    if draw(st.integers(0, 4)) == 0:  # chunked, sometimes with bad sizes
        headers = [h for h in headers if not h.startswith(b"Content-Length")] + [b"Transfer-Encoding: chunked"]
        size = draw(st.sampled_from([format(len(body), "x").encode(), b"zz", b"-1", b"ffffffffffffffff", b""]))
        body = size + b"\r\n" + body + b"\r\n" + draw(st.sampled_from([b"0\r\n\r\n", b"", b"0\r\n"]))
    if draw(st.integers(0, 3)) == 0:
        headers.append(b"Location: " + draw(st.sampled_from([b"/again", b"ftp://127.0.0.1/x", b"", b"http://[::1"])))
    extra = draw(st.sampled_from([0, 0, 0, 101, 5]))
    headers += [b"X-Fuzz: " + b"a" * draw(st.sampled_from([1, 70_000]))] * extra
    sep = draw(st.sampled_from([b"\r\n", b"\n", b"\r\n"]))
    head = version + b" " + status + sep + sep.join(headers) + (sep if headers else b"") + sep
    cut = draw(st.sampled_from([None, None, None, 0, 5, 40]))
    answer = head + body
    return answer if cut is None else answer[:cut]


@fast(80)
@given(data=st.data())
def test_http_framing_is_a_pdf_or_a_clean_error(server, pdf, tmp_path_factory, data):
    from resdiff.fetch import fetch

    answer = data.draw(http_answer(pdf))
    server.answer = lambda conn, request: conn.sendall(answer)
    folder = tmp_path_factory.mktemp("cache")
    url = server.url()
    t = time.monotonic()
    try:
        path = fetch("75/62", "zh", url_template=url, folder=folder, retries=0, timeout=2)
    except (InputError, UsageError) as e:
        assert "\n" not in str(e)
    else:
        assert path.read_bytes().startswith(b"%PDF-") and b"%%EOF" in path.read_bytes()[-2048:]
    assert time.monotonic() - t < 8  # 3 x --timeout at most per attempt (a redirect loop: several requests)
    assert not [n for n in os.listdir(folder) if n.startswith(".")]
    for f in folder.iterdir():
        assert f.read_bytes().startswith(b"%PDF-")


# --- file names -------------------------------------------------------------------------------------

NAME_BYTES = st.binary(min_size=1, max_size=24).map(lambda b: b.replace(b"/", b"_").replace(b"\x00", b"_"))
TEXT = EN_FIXTURE.read_bytes()
UNSAFE = ["\x1b", "\x07", "\u2066", "\u2069", "\u061c", "\u202e", "\r"]


@fast(60)
@given(name=NAME_BYTES, out=NAME_BYTES, fmt=st.sampled_from(["json", "terminal", "markdown"]),
       exists=st.booleans())
def test_file_names_never_break_output_or_messages(tmp_path_factory, name, out, fmt, exists):
    folder = tmp_path_factory.mktemp("names")
    if name in (b".", b".."):
        name = b"x" + name
    if out in (b".", b"..") or out == name:
        out = b"o" + out
    path = os.path.join(os.fsencode(folder), name + b".txt")
    if exists:
        with open(path, "wb") as fh:
            fh.write(TEXT)
    target = os.path.join(os.fsencode(folder), out + b".out")
    r = CliRunner().invoke(_app(), ["diff", os.fsdecode(path), str(EN_FIXTURE), "--format", fmt, "--color",
                                    "never", "-o", os.fsdecode(target)])
    assert r.exit_code in (0, 2), r.output
    err = r.stderr_bytes.decode("utf-8")
    assert len(err.strip().splitlines()) <= 1 and not [c for c in UNSAFE if c in err]
    if exists:
        assert r.exit_code == 0, err
        written = open(target, "rb").read().decode("utf-8")  # strict: UTF-8
        if fmt == "json":
            json.loads(written)
        assert not [c for c in UNSAFE if c in written]
    else:
        assert r.exit_code == 2 and "no such file" in err and not os.path.exists(target)
    assert sorted(os.listdir(os.fsencode(folder))) == sorted([name + b".txt"] * exists + [out + b".out"] * exists)


def _app():
    from resdiff.cli import app

    return app


def test_the_fuzzers_use_the_clean_error_types():
    assert issubclass(InputError, ResdiffError) and issubclass(UsageError, ResdiffError)
