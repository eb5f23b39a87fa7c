"""Issue #26: PDFs read as a careful viewer reads them. Encryption is asked of PDFium, not searched for
in the bytes; invisible text is left out and counted; zero pages and unusable font sizes have their
own messages; a hostile PDF (a form drawing itself, forms nested 12 deep, a stream bomb) is read in a
child process under a memory limit and deadlines, and becomes exit 2 and one line. Every PDF here is
built by tests/hostile.py; every memory test runs under a limit (resource.RLIMIT_AS)."""

from __future__ import annotations

import json

import hostile
import pytest
from test_reliability import cli, one_error_line


def write(tmp_path, name: str, data: bytes):
    path = tmp_path / name
    path.write_bytes(data)
    return path


def paragraphs(r) -> list[str]:
    assert r.returncode == 0, r.stderr
    return [p["text"] for p in json.loads(r.stdout)["paragraphs"]]


# --- encryption: asked of PDFium ------------------------------------------------------------------

def test_a_pdf_whose_text_says_encrypt_is_read(tmp_path):
    path = write(tmp_path, "notes.pdf", hostile.encrypt_in_text())
    texts = paragraphs(cli("parse", path, "--format", "json"))
    assert any("Notes that /Encrypt is a key of the trailer dictionary" in t for t in texts)


def test_an_encrypted_pdf_spelling_its_key_with_an_escape_is_refused(tmp_path):
    path = write(tmp_path, "locked.pdf", hostile.encrypted("secret", spell_key=b"/Encr#79pt"))
    r = cli("parse", path)
    assert r.returncode == 2
    one_error_line(r, str(path), "encrypted", "password")


@pytest.mark.parametrize("key", [b"/Encrypt", b"/Encr#79pt"])
def test_an_empty_user_password_is_opened_as_any_viewer_opens_it(tmp_path, key):
    path = write(tmp_path, "open.pdf", hostile.encrypted("", spell_key=key))
    texts = paragraphs(cli("parse", path, "--format", "json"))
    assert texts == ["Recalling its resolution 74/62 of 12 December 2019,", "Urges all States to comply;"]


# --- invisible text ----------------------------------------------------------------------------------

def test_invisible_and_white_text_is_left_out_and_counted(tmp_path):
    from resdiff.pdf import read_pdf

    data = hostile.invisible_text()
    reading = read_pdf(data, "hidden.pdf")
    assert reading.invisible == len("HIDDENINVISIBLEMODETHREE") + len("HIDDENWHITEONWHITE")
    path = write(tmp_path, "hidden.pdf", data)
    r = cli("parse", path, "--format", "json")
    assert "HIDDEN" not in r.stdout.decode("utf-8")
    assert paragraphs(r) == ["Recalling its resolution 74/62 of 12 December 2019,", "Urges all States to comply;"]


def test_a_page_of_only_invisible_text_is_an_ocr_layer_and_is_read():
    from resdiff.pdf import read_pdf

    ocr = hostile.pages_pdf([hostile.stream(hostile.text_ops(prefix=b"3 Tr"))])
    reading = read_pdf(ocr, "scan.pdf")
    assert reading.invisible == 0
    assert "Urges all States" in "".join(ln.text for ln in reading.pages[0])


# --- their own messages ------------------------------------------------------------------------------

def test_zero_pages_is_said_so(tmp_path):
    path = write(tmp_path, "empty.pdf", hostile.zero_pages())
    r = cli("parse", path)
    assert r.returncode == 2
    line = one_error_line(r, str(path), "no pages")
    assert "scanned" not in line


def test_font_size_zero_is_said_so(tmp_path):
    path = write(tmp_path, "tiny.pdf", hostile.font_size_zero())
    r = cli("parse", path)
    assert r.returncode == 2
    line = one_error_line(r, str(path), "font size")
    assert "scanned" not in line
