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
    texts = " ".join(paragraphs(cli("parse", path, "--format", "json")))
    assert "Recalling its resolution 74/62 of 12 December 2019," in texts and "Urges all States to comply;" in texts


# --- invisible text ----------------------------------------------------------------------------------

def test_invisible_and_white_text_is_left_out_and_counted(tmp_path):
    from resdiff.pdf import read_pdf

    data = hostile.invisible_text()
    reading = read_pdf(data, "hidden.pdf")
    assert reading.invisible == len("HIDDENINVISIBLEMODETHREE") + len("HIDDENWHITEONWHITE")
    path = write(tmp_path, "hidden.pdf", data)
    r = cli("parse", path, "--format", "json")
    assert "HIDDEN" not in r.stdout.decode("utf-8")
    warning = json.loads(r.stdout)["warnings"][0]  # the exclusion is counted in a warning
    assert warning["code"] == "invisible-text" and warning["message"].startswith("42 characters no reader sees")
    texts = " ".join(paragraphs(r))
    assert "Recalling its resolution 74/62 of 12 December 2019," in texts and "Urges all States to comply;" in texts


def test_transparent_text_and_white_strokes_are_left_out_and_counted(tmp_path):
    """Text filled fully transparent (an alpha of 0 in its graphics state), and text only stroked (render
    mode 1), in white, paints nothing a reader sees: left out and counted, as white fill is; the same text
    stroked in black stays."""
    pytest.importorskip("reportlab")
    from reportlab.pdfgen import canvas

    from resdiff.pdf import read_pdf

    path = tmp_path / "paint.pdf"
    c = canvas.Canvas(str(path), invariant=1)
    c.setFont("Helvetica", 10)
    c.drawString(72, 760, "Recalling its resolution 74/62,")
    c.setFillAlpha(0)
    c.drawString(72, 740, "TRANSPARENT")
    c.setFillAlpha(1)
    for colour, y, words in ((1, 720, "WHITESTROKE"), (0, 700, "Urges all States")):
        t = c.beginText(72, y)
        t.setFont("Helvetica", 10)
        t.setTextRenderMode(1)
        c.setStrokeGray(colour)
        c.setFillGray(0 if colour else 1)  # the fill, unpainted in mode 1, says the opposite
        t.textOut(words)
        c.drawText(t)
    c.save()
    reading = read_pdf(path.read_bytes(), "paint.pdf")
    text = " ".join(line.text for page in reading.pages for line in page)
    assert "TRANSPARENT" not in text and "WHITESTROKE" not in text
    assert "Recalling its resolution 74/62," in text and "Urges all States" in text
    assert reading.invisible == len("TRANSPARENT") + len("WHITESTROKE")


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


# --- read under limits -------------------------------------------------------------------------------

CAP = 3 << 30  # no process of these tests may take more address space than this, whatever resdiff does


def capped(*args, env=None, timeout=120):
    """The console script with its address space capped (the reading child inherits the cap)."""
    import os
    import resource
    import subprocess
    import sys

    def cap():
        resource.setrlimit(resource.RLIMIT_AS, (CAP, CAP))

    return subprocess.run([sys.executable, "-c", "from resdiff.cli import main; main()", *map(os.fsdecode, args)],
                          capture_output=True, env={**os.environ, **(env or {})}, preexec_fn=cap, timeout=timeout)


@pytest.fixture
def bounded():
    """The test process itself capped too, for the tests that read in it (restored after)."""
    import resource

    before = resource.getrlimit(resource.RLIMIT_AS)
    resource.setrlimit(resource.RLIMIT_AS, (min(CAP, before[1]) if before[1] != resource.RLIM_INFINITY else CAP,
                                            before[1]))
    yield
    resource.setrlimit(resource.RLIMIT_AS, before)


@pytest.mark.parametrize("make", [hostile.self_drawing_form, hostile.nested_forms, hostile.flate_bomb],
                         ids=["self-drawing-form", "12-levels-of-10-forms", "flate-bomb-50-pages"])
def test_a_hostile_pdf_is_exit_2_and_one_line_past_the_memory_limit(tmp_path, make):
    path = write(tmp_path, "hostile.pdf", make())
    r = capped("parse", path, "--pdf-memory", "256M")
    assert r.returncode == 2, r.stderr
    one_error_line(r, str(path), "exceeded 256 MiB while reading; it may be malformed or hostile")


def test_the_memory_limit_is_read_from_the_environment(tmp_path):
    path = write(tmp_path, "hostile.pdf", hostile.self_drawing_form())
    r = capped("parse", path, env={"RESDIFF_PDF_MEMORY": "200M"})
    assert r.returncode == 2, r.stderr
    one_error_line(r, str(path), "exceeded 200 MiB while reading")


def test_a_pdf_past_its_deadline_is_exit_2_and_one_line(tmp_path):
    path = write(tmp_path, "slow.pdf", hostile.nested_forms(levels=6, fanout=10))  # 10**5 forms drawn
    r = capped("parse", path, "--pdf-timeout", "0.2", "--pdf-memory", "1G")
    assert r.returncode == 2, r.stderr
    line = one_error_line(r, str(path), "while reading; it may be malformed or hostile")
    assert "took more than 0.2 s of CPU time" in line or "took longer than 0.4 s" in line


def test_the_limits_are_in_the_help():
    r = capped("parse", "--help", env={"COLUMNS": "200"})
    out = r.stdout.decode()
    assert "--pdf-memory" in out and "RESDIFF_PDF_MEMORY" in out
    assert "--pdf-timeout" in out and "RESDIFF_PDF_TIMEOUT" in out


def test_a_limit_that_is_no_size_is_a_usage_error(tmp_path):
    path = write(tmp_path, "plain.pdf", hostile.plain())
    r = capped("parse", path, env={"RESDIFF_PDF_MEMORY": "lots"})
    assert r.returncode == 2
    one_error_line(r, "--pdf-memory", "lots")


@pytest.mark.parametrize("option, value", [("--pdf-timeout", "nan"), ("--pdf-timeout", "inf"),
                                           ("--time-limit", "nan"), ("--time-limit", "1e300")])
def test_a_limit_in_seconds_that_is_no_number_of_seconds_is_a_usage_error(tmp_path, option, value):
    """nan passed every comparison and meant no limit; inf and 1e300 ended a session in a crash report."""
    path = write(tmp_path, "plain.pdf", hostile.plain())
    r = capped("check", path, path, option, value)
    assert r.returncode == 2, r.stderr
    one_error_line(r, option, f"{float(value):g} is no number of seconds")


def test_the_rest_of_the_run_never_notices_and_the_child_is_reused(bounded):
    import resource

    from resdiff import InputError, isolate
    from resdiff.pdf import read_pdf

    isolate.set_limits(memory=256 << 20, cpu=60)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # KiB
    try:
        read_pdf(hostile.plain(), "a.pdf")
        first = isolate._CHILD.pid
        read_pdf(hostile.invisible_text(), "b.pdf")
        assert isolate._CHILD.pid == first  # one child for the documents of a run
        with pytest.raises(InputError, match="exceeded 256 MiB while reading"):
            read_pdf(hostile.self_drawing_form(), "bad.pdf")
        reading = read_pdf(hostile.plain(), "c.pdf")  # a new child takes over
        assert "Urges all States" in "".join(ln.text for ln in reading.pages[0])
        assert isolate._CHILD.pid != first
        assert resource.getrusage(resource.RUSAGE_SELF).ru_maxrss < peak + 100 * 1024  # this process never grew
    finally:
        import os

        os.environ.pop(isolate.MEMORY_ENV, None)
        os.environ.pop(isolate.TIMEOUT_ENV, None)


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_session_survives_a_hostile_pdf_among_good_documents(tmp_path, jobs):
    """Issue #26: among good files, one PDF that would kill PDFium is a document-unreadable finding, the
    other pairs are checked and the report is written, with one worker and with two."""
    import json

    import session_readers

    en, zh = session_readers.session_folders(tmp_path)
    write(en, "A-RES-75-70.en.pdf", hostile.self_drawing_form())
    report = tmp_path / "out.json"
    r = capped("check", en, zh, "--jobs", jobs, "--pdf-memory", "256M", "--format", "json", "-o", report,
               timeout=600)
    assert r.returncode == 1, r.stderr  # findings, not an error
    data = json.loads(report.read_text("utf-8"))
    unreadable = [f for f in data["findings"] if f["rule"] == "document-unreadable"]
    assert any("A-RES-75-70.en.pdf" in f["file"] and "exceeded 256 MiB while reading" in f["message"]
               for f in unreadable), data["findings"]
    assert len(data["documents"]) == 4  # the four good pairs, all checked
