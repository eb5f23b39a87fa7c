"""The shortcuts that keep long inputs fast give what the full tests give."""

from __future__ import annotations

import pytest

from resdiff import layout

# What follows a furniture line's first character: a symbol, a page number, a job number, a barcode, a link.
TAILS = ["/RES/75/62", "/75/62", "age 3", "ágina 3", "0-16878 (E)", "0-16878 (E) 021118", "8/9 23-21227", "21118",
         "1817962*", "ttp://x.org", "ww.un.org", " 2 -", "...", "C) 18-17962", "/C.3/78/L.41 *2321227*", ""]


@pytest.mark.parametrize("tail", TAILS)
def test_a_line_is_furniture_whatever_it_opens_with_as_the_patterns_say(tail):
    for code in [*range(0x3000), 0x212A, 0x2160, 0xFF10, 0xFF21, 0x1D7CE, 0x4E00]:
        line = chr(code) + tail
        assert layout.is_plain_furniture(line) == layout._plain_furniture(line), repr(line)


def test_every_page_word_and_organ_the_tables_hold_opens_a_furniture_line():
    """The first-character test reads the same tables as the patterns: a page word or organ added to them
    (a language's own "Page") is furniture at once, never passed off as a line of text."""
    from resdiff import lang

    lines = [variant for w in lang.PAGE_WORD.values() for variant in (f"{w} 3", f"{w.upper()} 3", f"{w.lower()} 3")]
    for line in [*lines, *(f"{o}/RES/75/62" for o in lang.ORGAN_LETTERS)]:
        assert layout._plain_furniture(line), line
        assert layout.is_plain_furniture(line), line


def test_the_comparison_form_normalises_as_nfkc_does():
    import random
    import unicodedata

    from resdiff import normalize

    # full-width forms, the ASCII they stand for, combining marks that compose with either, compatibility
    # characters of other kinds (a ligature, a superscript, a Hangul jamo pair, an ideograph and its
    # compatibility twin), and the ideographic space
    alphabet = [chr(c) for c in (0xFF01, 0xFF0C, 0xFF21, 0xFF41, 0xFF5E, 0xFF5F, 0xFF00, 0x41, 0x61, 0x2C,
                                 0x301, 0x308, 0x327, 0xFB01, 0xB2, 0x1100, 0x1161, 0x4E00, 0xF900, 0x3000,
                                 0x20, 0x3001, 0xE9, 0x65)]
    rnd = random.Random(11)
    texts = ["", "plain", chr(0xFF21) + chr(0x301), chr(0xFF41) + chr(0x308) + chr(0x327)]
    texts += ["".join(rnd.choice(alphabet) for _ in range(rnd.randint(1, 12))) for _ in range(20_000)]
    for text in texts:
        assert normalize.nfkc(text) == unicodedata.normalize("NFKC", text), repr(text)


def _in_order_by_tuples(pair, weight):
    """The pairs kept in order, the most and among them the heaviest, found with tuples: what
    align._in_order finds with its packed numbers."""
    items = sorted(pair.items())
    size = max(j for _, j in items) + 2
    tree = [(0, 0, 0, -1)] * (size + 1)
    back = [-1] * len(items)
    best_all = (0, 0, 0, -1)
    for k, (i, j) in enumerate(items):
        prev, x = (0, 0, 0, -1), j
        while x > 0:
            prev, x = max(prev, tree[x]), x - (x & -x)
        w, tie = weight(i, j)
        cur = (prev[0] + 1, prev[1] + w, prev[2] + tie, k)
        back[k], best_all, x = prev[3], max(best_all, cur), j + 1
        while x <= size:
            if cur[:3] > tree[x][:3]:
                tree[x] = cur
            x += x & -x
    keep, k = set(), best_all[3]
    while k >= 0:
        keep.add(items[k][0])
        k = back[k]
    return keep


def test_the_paragraphs_kept_in_order_are_the_most_and_heaviest():
    import random
    import zlib

    from resdiff.align import _in_order

    rnd = random.Random(5)
    for _ in range(400):
        n = rnd.randint(1, 60)
        news = rnd.sample(range(n + rnd.randint(0, 5)), n)
        pair = dict(zip(rnd.sample(range(n + 3), n), news, strict=True))
        lengths = [rnd.choice([5, 5, 80, 2_000_000]) for _ in range(n + 10)]

        def weight(i, j, lengths=lengths):
            return lengths[i] + lengths[j], zlib.crc32(f"{i}/{j}".encode())

        assert _in_order(pair, weight) == _in_order_by_tuples(pair, weight)
        assert _in_order(pair) == _in_order_by_tuples(pair, lambda i, j: (0, 0))


def test_a_hyphenated_compound_is_found_as_the_whole_vocabulary_finds_it():
    import random

    from resdiff import parse

    rnd = random.Random(3)
    pieces = ["post", "-", "conflict", "\n", " ", "\u00ad", "20", "-16878", "a", "\t", "\r", "\u2028", "x-", "-y"]
    texts = ["", "-", "post-\nwar", "post-conflict", "decision-\n", "decision- \n making", "a-b-", "20-16878 (C)"]
    texts += ["".join(rnd.choice(pieces) for _ in range(rnd.randint(1, 16))) for _ in range(20_000)]
    for text in texts:
        whole = parse._vocabulary(text, size=rnd.choice([1, 4, 1 << 16]))
        assert parse._has_compound(text) == any("-" in w for w in whole), repr(text)
        assert sorted(parse._Vocabulary(text).compounds()) == sorted(w for w in whole if "-" in w), repr(text)


def test_parsing_and_comparing_run_no_cycle_collection_and_leave_the_collector_as_found():
    import gc
    from pathlib import Path

    import resdiff

    text = (Path(__file__).parent.parent / "samples/A-RES-75-62.zh.txt").read_text(encoding="utf-8")
    passes = []

    def count(phase, info):  # a pass of the collector while a text is parsed or two are compared
        import sys

        frame = sys._getframe(1)
        while frame is not None:
            if frame.f_code.co_name in ("read_text", "_parse_lines", "_compare"):
                passes.append(frame.f_code.co_name)
                return
            frame = frame.f_back

    gc.callbacks.append(count)
    try:
        threshold = gc.get_threshold()
        gc.set_threshold(1)  # a pass at every allocation, were the collector running
        try:
            resdiff.compare(resdiff.parse_text(text), resdiff.parse_text(text.replace("集束", "集束 ")))
        finally:
            gc.set_threshold(*threshold)
        assert passes == [] and gc.isenabled()
        gc.disable()
        try:
            resdiff.parse_text(text)
            assert not gc.isenabled()
        finally:
            gc.enable()
    finally:
        gc.callbacks.remove(count)


def test_the_comparison_form_joins_white_space_as_the_pattern_did():
    import re

    from resdiff.normalize import fold

    spaces = re.compile(r"\s")
    for code in range(0x110000):
        c = chr(code)
        assert (spaces.fullmatch(c) is not None) == (len(f"a{c}b".split()) == 2) == (f"{c}a{c}".strip() == "a"), hex(code)
    for text in ["", " ", "a  b", "\ta\u00a0\u2028b\u3000", "x\u0085y ", "\x1c\x1d\x1e\x1fz"]:
        assert fold(text) == re.sub(r"\s+", " ", fold(text)).strip()


def test_threads_that_parse_at_once_leave_the_collector_running():
    """Two threads whose parses overlap: the one that ends first must not turn the collector back on under
    the other, nor the other leave it off for good."""
    import gc
    import threading

    from resdiff.normalize import collection_paused

    first_in, second_in, first_out = threading.Event(), threading.Event(), threading.Event()
    seen = {}

    def first():
        with collection_paused():
            first_in.set()
            second_in.wait(5)
        first_out.set()

    def second():
        first_in.wait(5)
        with collection_paused():
            second_in.set()
            first_out.wait(5)
            seen["inside, after the first left"] = gc.isenabled()

    assert gc.isenabled()
    threads = [threading.Thread(target=first), threading.Thread(target=second)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(10)
    assert seen == {"inside, after the first left": False}
    assert gc.isenabled()


def test_parsing_in_a_fresh_process_does_not_import_threading():
    """The collector's pause is guarded by a lock that needs no threading module (a millisecond of every
    start); a parse still pauses and restores the collector."""
    import subprocess
    import sys

    code = ("import gc, sys, resdiff\n"
            "resdiff.parse_text(open(sys.argv[1], encoding='utf-8').read())\n"
            "print('threading' in sys.modules, gc.isenabled())")
    sample = __import__("pathlib").Path(__file__).resolve().parent.parent / "samples" / "A-RES-75-62.zh.txt"
    out = subprocess.run([sys.executable, "-c", code, str(sample)], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "True"]
