"""Hostile and broken input: the only outcomes are a result or a clean input error; parsing never loses or
invents text; a diff always rebuilds both inputs; output is the same whatever PYTHONHASHSEED.

RESDIFF_FUZZ_FACTOR=N runs every property here N times longer (see README, "Long runs")."""

from __future__ import annotations

import os
import subprocess
import sys
import unicodedata
from collections import Counter

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from layout import EN_FIXTURE, ROOT, SEED, examples, render, seed_spec

from resdiff import InputError, ResdiffError, compare, load_document, parse_text
from resdiff.check import check_pair
from resdiff.errors import NotAResolution
from resdiff.load import decode
from resdiff.series import build_series

SEED_TEXT = SEED.read_text("utf-8")
SEED_LINES = SEED_TEXT.split("\n")
def fast(n: int) -> settings:
    return settings(max_examples=examples(n), deadline=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


def _chars(text: str) -> Counter:
    return Counter(c for c in unicodedata.normalize("NFKC", text) if not c.isspace() and c != "\ufeff")


def accounted(doc) -> Counter:
    """Every character the parser kept: paragraphs (with their printed numbers and footnote markers),
    footnotes, and the lines it read as masthead, title, closing or page furniture."""
    out = Counter()
    for p in doc.paragraphs:
        out += _chars(p.prefix + p.text + "".join(p.footnotes))
    for f in doc.footnotes:
        out += _chars(f.marker + f.text)
    for line in doc.other:
        out += _chars(line)
    return out


def assert_nothing_lost_or_invented(text: str, doc) -> None:
    src, out = _chars(text), accounted(doc)
    assert not (out - src), f"invented: {dict(out - src)}"
    lost = src - out
    assert set(lost) <= {"-", "\u00ad"}, f"lost: {dict(lost)}"  # only a hyphen at a line break may go


def test_seed_accounts_for_every_character():
    assert_nothing_lost_or_invented(SEED_TEXT, parse_text(SEED_TEXT))
    text = EN_FIXTURE.read_text("utf-8")
    assert_nothing_lost_or_invented(text, parse_text(text))


@st.composite
def mutated(draw):
    lines = list(SEED_LINES)
    for _ in range(draw(st.integers(0, 8))):
        k = draw(st.integers(0, len(lines) - 1))
        what = draw(st.sampled_from(["drop", "dup", "insert", "swap", "chars", "indent"]))
        if what == "drop":
            del lines[k]
        elif what == "dup":
            lines.insert(k, lines[k])
        elif what == "insert":
            lines.insert(k, draw(st.text(max_size=40)))
        elif what == "swap" and k + 1 < len(lines):
            lines[k], lines[k + 1] = lines[k + 1], lines[k]
        elif what == "chars":
            line = lines[k]
            a = draw(st.integers(0, len(line)))
            lines[k] = line[:a] + draw(st.text(max_size=6)) + line[a + draw(st.integers(0, 4)):]
        elif what == "indent":
            lines[k] = (" " + lines[k]) if not lines[k].startswith(" ") else lines[k].lstrip()
    return "\n".join(lines)


def _parse_or_error(text: str):
    try:
        return parse_text(text)
    except NotAResolution:
        return None


@fast(150)
@given(st.text(max_size=400))
def test_arbitrary_text_parses_or_is_refused(text):
    doc = _parse_or_error(text)
    if doc is not None:
        assert_nothing_lost_or_invented(text, doc)


@fast(120)
@given(mutated())
def test_mutations_of_the_seed_never_lose_or_invent_text(text):
    doc = _parse_or_error(text)
    if doc is not None:
        assert_nothing_lost_or_invented(text, doc)
        assert len({p.id for p in doc.paragraphs}) == len(doc.paragraphs)


@fast(150)
@given(st.binary(max_size=600))
def test_arbitrary_bytes_decode_or_are_refused(data):
    try:
        text = decode(data, "fuzz.bin")
    except InputError as e:
        assert e.source == "fuzz.bin" and "\n" not in str(e)
        return
    doc = _parse_or_error(text)
    if doc is not None:
        assert_nothing_lost_or_invented(text, doc)


@fast(40)
@given(mutated(), mutated())
def test_diff_of_mutations_rebuilds_both_and_covers_every_paragraph(a, b):
    da, db = _parse_or_error(a), _parse_or_error(b)
    if da is None or db is None:
        return
    result = compare(da, db)  # each Change checks that its ops rebuild both texts
    olds = [i for c in result.changes if not c.is_footnote for i in c.old]
    news = [i for c in result.changes if not c.is_footnote for i in c.new]
    assert sorted(olds) == sorted(p.id for p in da.paragraphs)
    assert sorted(news) == sorted(p.id for p in db.paragraphs)


@fast(25)
@given(mutated(), mutated(), mutated())
def test_series_of_mutations_is_a_result_or_a_clean_error(a, b, c):
    docs = [d for d in map(_parse_or_error, (a, b, c)) if d is not None]
    try:
        series = build_series(docs)
    except ResdiffError as e:
        assert "\n" not in str(e)
        return
    for k, version in enumerate(series.versions):
        ids = [lin.ids[k] for lin in series.lineages if lin.ids[k] is not None]
        assert sorted(ids) == sorted(p.id for p in version.paragraphs)


@fast(40)
@given(mutated())
def test_check_of_mutations_is_a_result(text):
    doc = _parse_or_error(text)
    if doc is None:
        return
    english = parse_text(EN_FIXTURE.read_text("utf-8"))
    for result in (check_pair(english, doc), check_pair(doc, english)):
        for f in result.findings:
            assert f.message and "\n" not in f.message


def test_a_long_rewritten_paragraph_is_bounded():
    """Two unrelated 20,000-character paragraphs: replaced whole, in well under the time a full token diff
    would take (seconds, not minutes)."""
    from resdiff.diff import diff_texts

    a = "甲乙丙丁戊己庚辛壬癸" * 2000
    b = "子丑寅卯辰巳午未申酉戌亥" * 1700
    ops = diff_texts(a, b)
    assert ops == [("delete", a), ("insert", b)]


# --- the catalogue of bad inputs (each: one line on stderr, exit 2, nothing written) -------------

def _cli(*args, cwd=None):
    return subprocess.run([sys.executable, "-m", "resdiff", *map(str, args)], capture_output=True, text=True,
                          cwd=cwd or ROOT)


def test_a_200_mb_file_is_refused_without_being_read(tmp_path):
    big = tmp_path / "huge.txt"
    with open(big, "wb") as fh:
        fh.truncate(200 * 1024 * 1024)  # sparse: nothing is written to disk
    r = _cli("parse", big)
    assert r.returncode == 2 and "file is too large (200 MB; the limit is 64 MB)" in r.stderr
    assert len(r.stderr.strip().splitlines()) == 1 and "Traceback" not in r.stderr


def test_unreadable_file_message(monkeypatch, tmp_path):
    import builtins

    path = tmp_path / "locked.txt"
    path.write_text(SEED_TEXT, encoding="utf-8")
    real_open = builtins.open

    def deny(file, *args, **kw):
        if str(file) == str(path):
            raise PermissionError(13, "Permission denied")
        return real_open(file, *args, **kw)

    monkeypatch.setattr(builtins, "open", deny)
    with pytest.raises(InputError, match="permission denied"):
        load_document(str(path))


def test_output_never_replaces_an_input_and_errors_write_nothing(tmp_path):
    copy = tmp_path / "75-62.txt"
    copy.write_text(SEED_TEXT, encoding="utf-8")
    r = _cli("diff", copy, copy, "-o", copy)
    assert r.returncode == 2 and copy.read_text("utf-8") == SEED_TEXT
    out = tmp_path / "out.json"
    r = _cli("diff", copy, tmp_path / "missing.txt", "-f", "json", "-o", out)
    assert r.returncode == 2 and not out.exists()
    assert [p.name for p in tmp_path.iterdir()] == ["75-62.txt"]  # no temporary file left behind


def test_terminal_escapes_in_a_document_are_not_sent_to_the_terminal(tmp_path):
    spec = seed_spec()
    spec.paras[2].text = "痛惜\x1b]2;pwned\x07\x1b[2J最近使用集束弹药，"
    path = tmp_path / "escape.txt"
    path.write_text(render(spec), encoding="utf-8")
    r = _cli("diff", SEED, path, "--color", "always")
    assert "\x1b]2;" not in r.stdout and "\x1b[2J" not in r.stdout and "痛惜" in r.stdout


@pytest.mark.parametrize("command", [["series", "samples", "-f", "json"], ["blame", "samples", "-f", "json"],
                                     ["check", "tests/data/A-RES-75-62.en.unofficial.txt", "samples/A-RES-75-62.zh.txt",
                                      "-f", "sarif"],
                                     ["diff", "samples/illustrative/ILLUSTRATIVE-A-RES-73-54.zh.txt",
                                      "samples/A-RES-75-62.zh.txt", "-f", "html"]])
def test_byte_identical_across_hash_seeds(command):
    outs = {subprocess.run([sys.executable, "-m", "resdiff", *command], capture_output=True, cwd=ROOT,
                           env={**os.environ, "PYTHONHASHSEED": seed}).stdout for seed in ("0", "7", "123456")}
    assert len(outs) == 1 and len(next(iter(outs))) > 100


def test_check_of_very_long_texts_is_bounded():
    """3,000 paragraphs a side with different counts: past the alignment bound they are paired in order,
    the surplus reported, instead of a 1,100 x 1,050 alignment."""
    sys.path.insert(0, str(ROOT / "bench"))
    from synth import synthetic_pair

    a, b = synthetic_pair(3000)
    new = parse_text(b)
    shorter = new.replace(paragraphs=new.paragraphs[:-50])  # 1,100 operative paragraphs against 1,050
    result = check_pair(parse_text(a), shorter)
    missing = [f for f in result.findings if f.rule == "paragraph-missing"]
    assert len(missing) == 50 and missing[-1].source == "OP1100"
