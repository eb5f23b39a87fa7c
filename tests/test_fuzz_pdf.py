"""Fuzzing the structure of PDFs (issue #26): forms nested and drawing themselves, streams compressed,
cut and mislabelled, fonts of every size and render mode, colours, encryption with and without a
password, and bytes changed anywhere. Every PDF is read as resdiff reads it (in the reading child,
under limits); the only outcomes are the text or a clean InputError; nothing hangs.

RESDIFF_FUZZ_FACTOR=N runs it N times longer (tests/layout.py's examples)."""

from __future__ import annotations

import os
import resource
import time

import hostile
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from layout import examples

from resdiff import InputError, isolate
from resdiff.pdf import pdf_text, read_pdf

LINES = ["The General Assembly,", "Recalling its resolution 74/62,", "1. Urges all States;", "(a) To act;", "",
         "\u00e9t\u00e9 \u00e0 Gen\u00e8ve", "\\(", ")", "1/ A/48/803.", "\u2014" * 12]


@st.composite
def text_run(draw) -> bytes:
    """One BT ... ET: a font size (0, negative, huge, fractional), a render mode, a colour, a matrix."""
    size = draw(st.sampled_from(["11", "0", "-9", "1e30", "0.0001", "6.5", "1", "NaN", "99999"]))
    mode = draw(st.integers(0, 8))
    colour = draw(st.sampled_from([b"", b"1 1 1 rg", b"0 0 0 rg", b"1 1 1 RG", b"0.5 g", b"/Pattern cs"]))
    scale = draw(st.sampled_from([b"1 0 0 1", b"0 1 -1 0", b"0 0 0 0", b"1e20 0 0 1e20", b"-1 0 0 -1"]))
    x, y = draw(st.integers(-100, 700)), draw(st.integers(-100, 900))
    lines = draw(st.lists(st.sampled_from(LINES), min_size=1, max_size=4))
    ops = [b"BT /F1 " + size.encode() + b" Tf %d Tr " % mode + colour]
    for k, line in enumerate(lines):
        esc = line.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)").encode("cp1252", "replace")
        ops.append(scale + b" %d %d Tm (%s) Tj" % (x, y - 14 * k, esc))
    return b" ".join(ops) + b" ET"


@st.composite
def pdf_bytes(draw) -> bytes:
    kind = draw(st.sampled_from(["pages", "pages", "forms", "encrypted", "zero"]))
    if kind == "zero":
        data = hostile.zero_pages()
    elif kind == "encrypted":
        data = hostile.encrypted(draw(st.sampled_from(["", "secret"])),
                                 spell_key=draw(st.sampled_from([b"/Encrypt", b"/Encr#79pt", b"/Encrypx"])))
    else:
        n_forms = draw(st.integers(0, 5)) if kind == "forms" else 0
        forms = []
        for _ in range(n_forms):
            fanout = draw(st.integers(0, 4))
            target = draw(st.integers(4, 4 + n_forms - 1))  # any form, itself included
            body = draw(text_run()) + b" q " + b"/Y Do " * fanout + b"Q"
            forms.append(hostile.form(body, more={"Y": target}))
        contents = []
        for _ in range(draw(st.integers(1, 3))):
            body = b" ".join(draw(st.lists(text_run(), min_size=1, max_size=3)))
            if n_forms:
                body += b" /X1 Do" * draw(st.integers(1, 3))
            contents.append(hostile.stream(body, flate=draw(st.booleans())))
        data = hostile.pages_pdf(contents, xobjects=forms, shared=draw(st.booleans()))
    for _ in range(draw(st.integers(0, 3))):  # damage: a byte, a cut, a length that lies
        what = draw(st.sampled_from(["byte", "cut", "length", "none"]))
        if what == "byte" and data:
            k = draw(st.integers(0, len(data) - 1))
            data = data[:k] + bytes([draw(st.integers(0, 255))]) + data[k + 1:]
        elif what == "cut":
            data = data[: draw(st.integers(8, len(data)))]
        elif what == "length":
            data = data.replace(b"/Length ", b"/Length 9", 1)
    return data


@pytest.fixture(scope="module", autouse=True)
def limits():
    """Each PDF under a small limit (the fuzzer's PDFs are small), the test process capped as well."""
    before = resource.getrlimit(resource.RLIMIT_AS)
    cap = 3 << 30
    resource.setrlimit(resource.RLIMIT_AS, (cap if before[1] == resource.RLIM_INFINITY else min(cap, before[1]),
                                            before[1]))
    isolate.set_limits(memory=256 << 20, cpu=5)
    yield
    os.environ.pop(isolate.MEMORY_ENV, None)
    os.environ.pop(isolate.TIMEOUT_ENV, None)
    resource.setrlimit(resource.RLIMIT_AS, before)


COUNT = {"read": 0, "refused": 0, "seconds": 0.0}
WHY: dict[str, int] = {}  # refusals by what they say (file name and figures left out)


@settings(max_examples=examples(30), deadline=None, derandomize=False,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(pdf_bytes())
def test_pdf_structure_is_text_or_a_clean_error(data):
    t = time.monotonic()
    try:
        reading = read_pdf(data, "fuzz.pdf")
        text = pdf_text(data, "fuzz.pdf")
        assert isinstance(text, str) and "\ud800" not in text
        assert reading.invisible >= 0 and reading.unusable >= 0
        COUNT["read"] += 1
    except InputError as e:
        line = str(e)
        assert "\n" not in line and len(line) <= 500
        COUNT["refused"] += 1
        why = "".join("N" if c.isdigit() else c for c in e.message.split("(")[0]).strip()
        WHY[why] = WHY.get(why, 0) + 1
    took = time.monotonic() - t
    COUNT["seconds"] += took
    assert took < 30  # the wall deadline is 10 s (twice the 5 s of CPU), and a fork


def test_report_the_fuzz_count():
    """Prints what the fuzzer ran (pytest -s shows it), for the README's note of the long run."""
    print(f"\nPDF structure fuzz: {COUNT['read'] + COUNT['refused']} PDFs, {COUNT['read']} read, "
          f"{COUNT['refused']} refused, {COUNT['seconds']:.1f} s")
    for why, n in sorted(WHY.items(), key=lambda kv: -kv[1]):
        print(f"  {n:6}  {why}")
