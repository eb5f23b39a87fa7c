"""Issue #17: never destroy, never crash, never hang. Each test here failed before its fix.

Device and FIFO nodes are made with mknod inside tmp_path only (the tests run as root in CI)."""

from __future__ import annotations

import json
import os
import shlex
import signal
import stat
import subprocess
import sys
import threading
import time

import pytest
from layout import EN_FIXTURE, SEED
from rawhttp import RawServer

ROOT = SEED.parent.parent


def _sh(word) -> str:
    """A path as one word of a shell command line, whatever folder the repository was cloned into."""
    return shlex.quote(os.fsdecode(word))


def cli(*args, env=None, cwd=None, input=None, timeout=120):
    """The console script as a process (main(): the exit status users and CI see)."""
    full = {**os.environ, **(env or {})}
    return subprocess.run([sys.executable, "-c", "from resdiff.cli import main; main()", *map(os.fsdecode, args)],
                          capture_output=True, env=full, cwd=cwd, input=input, timeout=timeout)


def one_error_line(r, *needles: str) -> str:
    err = r.stderr.decode("utf-8")
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert "Traceback" not in err and "\x1b" not in err
    for n in needles:
        assert n in lines[0], lines[0]
    return lines[0]


def node(path, kind: str, minor: int = 3):
    """A character device (1, minor: 3 is null, 7 is full) or a FIFO, made here and nowhere else."""
    if kind == "fifo":
        os.mkfifo(path)
    else:
        if os.geteuid() != 0:
            pytest.skip("mknod of a device needs root")
        os.mknod(path, 0o666 | stat.S_IFCHR, os.makedev(1, minor))
    return path


# --- 1. -o onto a special file --------------------------------------------------------------

def test_output_to_a_character_device_writes_to_it_and_keeps_it(tmp_path):
    dev = node(tmp_path / "null", "chr")
    r = cli("diff", SEED, SEED, "--format", "json", "-o", dev)
    assert r.returncode == 0, r.stderr
    assert stat.S_ISCHR(os.lstat(dev).st_mode) and os.stat(dev).st_rdev == os.makedev(1, 3)
    assert [f for f in os.listdir(tmp_path)] == ["null"]


def test_output_to_a_full_device_is_exit_2_and_the_device_stays(tmp_path):
    dev = node(tmp_path / "full", "chr", minor=7)
    r = cli("diff", SEED, SEED, "--format", "json", "-o", dev)
    assert r.returncode == 2
    one_error_line(r, str(dev), "no space left on device")
    assert stat.S_ISCHR(os.lstat(dev).st_mode)


def _drain_fifo(path, got: list, seconds: float = 60) -> None:
    """Read a FIFO until its writer is done, without ever blocking (no test may hang)."""
    import select

    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    data, end = b"", time.monotonic() + seconds
    try:
        while time.monotonic() < end:
            if select.select([fd], [], [], 0.1)[0]:
                chunk = os.read(fd, 65536)
                if chunk:
                    data += chunk
                elif data:
                    break
                else:
                    time.sleep(0.05)  # no writer yet
    finally:
        os.close(fd)
        got.append(data)


def test_output_to_a_fifo_is_written_to_its_reader(tmp_path):
    fifo = node(tmp_path / "pipe", "fifo")
    got: list[bytes] = []
    reader = threading.Thread(target=_drain_fifo, args=(fifo, got, 30), daemon=True)
    reader.start()
    r = cli("diff", SEED, SEED, "--format", "json", "-o", fifo)
    reader.join(40)
    assert r.returncode == 0, r.stderr
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)
    assert json.loads(got[0])["stats"]["unchanged"] == 30


def test_output_to_dev_stdout_goes_to_stdout_in_its_mode(tmp_path):
    log = tmp_path / "log.txt"
    log.write_text("earlier line\n")
    with open(log, "ab") as fh:
        r = subprocess.run([sys.executable, "-m", "resdiff", "diff", SEED, SEED, "--format", "json",
                            "-o", "/dev/stdout"], stdout=fh, stderr=subprocess.PIPE)
    assert r.returncode == 0, r.stderr
    text = log.read_text("utf-8")
    assert text.startswith("earlier line\n{") and json.loads(text.split("\n", 1)[1])["schema_version"] == 1
    r = subprocess.run(f"{_sh(sys.executable)} -m resdiff diff {_sh(SEED)} {_sh(SEED)} --format json -o /dev/stdout | cat",
                       shell=True, capture_output=True)
    assert r.returncode == 0 and json.loads(r.stdout)["schema_version"] == 1


def test_output_through_a_symlink_writes_the_target_and_keeps_the_link(tmp_path):
    (tmp_path / "real").mkdir()
    target = tmp_path / "real" / "out.json"
    target.write_text("old")
    os.chmod(target, 0o640)
    link = tmp_path / "link.json"
    link.symlink_to(target)
    r = cli("diff", SEED, SEED, "--format", "json", "-o", link)
    assert r.returncode == 0, r.stderr
    assert link.is_symlink() and os.readlink(link) == str(target)
    assert json.loads(target.read_text("utf-8"))["schema_version"] == 1
    assert stat.S_IMODE(os.stat(target).st_mode) == 0o640  # the mode it had, as cp and rsync keep it


def test_a_new_output_file_gets_the_umask_mode_not_0600(tmp_path):
    out = tmp_path / "new.json"
    r = subprocess.run(f"umask 022; {_sh(sys.executable)} -m resdiff diff {_sh(SEED)} {_sh(SEED)} --format json -o {_sh(out)}",
                       shell=True, capture_output=True)
    assert r.returncode == 0, r.stderr
    assert stat.S_IMODE(os.stat(out).st_mode) == 0o644


# --- 2. inputs are never overwritten ----------------------------------------------------------

@pytest.fixture
def folder(tmp_path):
    d = tmp_path / "versions"
    d.mkdir()
    for f in ("ILLUSTRATIVE-A-RES-73-54.zh.txt", "ILLUSTRATIVE-A-RES-74-62.zh.txt"):
        (d / f).write_bytes((ROOT / "samples" / "illustrative" / f).read_bytes())
    (d / "A-RES-75-62.zh.txt").write_bytes(SEED.read_bytes())
    return d


def test_series_output_onto_a_file_of_the_input_folder_is_refused(folder):
    victim = folder / "A-RES-75-62.zh.txt"
    for cmd in ("series", "blame"):
        r = cli(cmd, folder, "-o", victim)
        assert r.returncode == 2
        one_error_line(r, "refusing to overwrite an input file")
        assert victim.read_bytes() == SEED.read_bytes()


def test_series_output_as_a_new_document_in_the_input_folder_is_refused(folder):
    r = cli("series", folder, "-o", folder / "timeline.txt")
    assert r.returncode == 2
    one_error_line(r, "input folder")
    assert not (folder / "timeline.txt").exists()
    r = cli("series", folder, "--format", "json", "-o", folder / "timeline.json")  # not read as a version
    assert r.returncode == 1, r.stderr


def test_output_onto_a_hard_link_of_an_input_is_refused(tmp_path):
    copy = tmp_path / "copy.txt"
    copy.write_bytes(SEED.read_bytes())
    twin = tmp_path / "twin.txt"
    os.link(copy, twin)
    r = cli("diff", copy, SEED, "-o", twin)
    assert r.returncode == 2
    one_error_line(r, "refusing to overwrite an input file")
    assert copy.read_bytes() == SEED.read_bytes()


def test_output_onto_the_cached_pdf_of_a_symbol_input_is_refused(tmp_path):
    from layout import render, seed_spec, write_pdf

    cache = tmp_path / "cache"
    (cache / "documents").mkdir(parents=True)
    pdf = write_pdf(render(seed_spec()), cache / "documents" / "A_RES_75_62.zh.pdf")
    before = pdf.read_bytes()
    r = cli("diff", "75/62", SEED, "--lang", "zh", "-o", pdf, env={"RESDIFF_CACHE_DIR": str(cache),
                                                                     "RESDIFF_OFFLINE": "1"})
    assert r.returncode == 2, r.stderr
    one_error_line(r, "refusing to overwrite an input file")
    assert pdf.read_bytes() == before


# --- 5. output errors and exit statuses ---------------------------------------------------------

def test_output_to_a_directory_is_exit_2(tmp_path):
    r = cli("diff", SEED, SEED, "-o", tmp_path)
    assert r.returncode == 2
    one_error_line(r, str(tmp_path), "is a directory")


def test_output_into_a_read_only_folder_is_exit_2(tmp_path):
    ro = tmp_path / "ro"
    ro.mkdir()
    os.chmod(ro, 0o555)
    try:
        # root ignores the mode: a read-only file system would be needed; /proc refuses even root
        target = ro / "out.json" if os.geteuid() != 0 else "/proc/resdiff-out.json"
        r = cli("diff", SEED, SEED, "--format", "json", "-o", target)
        assert r.returncode == 2
        one_error_line(r, str(target))
    finally:
        os.chmod(ro, 0o755)
    assert os.listdir(ro) == []


def test_output_into_proc_is_exit_2():
    r = cli("diff", SEED, SEED, "--format", "json", "-o", "/proc/self/status")
    assert r.returncode == 2
    one_error_line(r, "/proc/self/status")


def test_reader_closing_the_pipe_early_is_not_exit_1():
    """Identical inputs exit 0; a reader that goes away early makes the output incomplete: exit 2, one line."""
    for fmt in ("terminal", "json"):
        r = subprocess.run(f"{_sh(sys.executable)} -m resdiff diff {_sh(SEED)} {_sh(SEED)} --format {fmt} | (exec 0<&-; sleep 0.2)"
                           "; echo status=${PIPESTATUS[0]}", shell=True, capture_output=True, executable="/bin/bash")
        assert b"status=2" in r.stdout, (r.stdout, r.stderr)
        one_error_line(r, "standard output", "cut short")


@pytest.mark.parametrize("encoding", ["ascii:strict", "latin-1:strict"])
def test_a_narrow_stdout_encoding(encoding):
    env = {"PYTHONIOENCODING": encoding}
    r = cli("parse", SEED, "--format", "json", env=env)  # JSON is UTF-8 whatever the locale
    assert r.returncode == 0, r.stderr
    assert json.loads(r.stdout.decode("utf-8"))["title"] == "《集束弹药公约》的执行情况"
    r = cli("parse", SEED, "--color", "never", env=env)  # the terminal view cannot be shown: say so
    assert r.returncode == 2
    one_error_line(r, "standard output", "PYTHONIOENCODING")


def test_an_unexpected_exception_exits_70_with_one_line():
    code = ("import importlib\nc = importlib.import_module('resdiff.comparison')\n"
            "def boom(*a, **k):\n    raise KeyError('surprise')\n"
            "c.compare = boom\n"
            "from resdiff.cli import main; main()")
    r = subprocess.run([sys.executable, "-c", code, "diff", str(SEED), str(SEED)], capture_output=True)
    assert r.returncode == 70
    one_error_line(r, "unexpected KeyError", "--debug")
    r = subprocess.run([sys.executable, "-c", code, "--debug", "diff", str(SEED), str(SEED)], capture_output=True)
    assert r.returncode not in (0, 1, 2) and b"Traceback" in r.stderr


# --- 7. temporary files --------------------------------------------------------------------------

def test_temporary_files_of_a_killed_run_are_removed_by_the_next(tmp_path):
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    stale = tmp_path / f".resdiff-{dead.pid}-abc123.tmp"
    stale.write_text("half a report")
    mine = tmp_path / ".resdiff-notes.txt"  # not ours by name: kept
    mine.write_text("x")
    r = cli("diff", SEED, SEED, "--format", "json", "-o", tmp_path / "out.json")
    assert r.returncode == 0
    assert sorted(os.listdir(tmp_path)) == [".resdiff-notes.txt", "out.json"]


def test_sigterm_while_writing_leaves_no_temporary_file(tmp_path):
    code = ("import os, sys, time\n"
            "import resdiff.output as o\n"
            "def slow(fd):\n    print('writing', file=sys.stderr, flush=True); time.sleep(60)\n"
            "o.os.fsync = slow\n"
            "from resdiff.cli import main; main()")
    out = tmp_path / "out.json"
    p = subprocess.Popen([sys.executable, "-c", code, "diff", str(SEED), str(SEED), "--format", "json", "-o",
                          str(out)], stderr=subprocess.PIPE)
    assert p.stderr.readline().strip() == b"writing"
    assert any(n.startswith(".resdiff-") for n in os.listdir(tmp_path))
    p.send_signal(signal.SIGTERM)
    assert p.wait(30) == 128 + signal.SIGTERM
    assert os.listdir(tmp_path) == []


def test_en_fixture_still_diffs_to_a_file(tmp_path):
    r = cli("diff", EN_FIXTURE, EN_FIXTURE, "--format", "json", "-o", tmp_path / "out.json")
    assert r.returncode == 0 and json.loads((tmp_path / "out.json").read_text("utf-8"))["stats"]["unchanged"] > 0


# --- 6. nothing from the input reaches the terminal as an escape ----------------------------------

HOSTILE = "\x1b]0;owned\x07\x1b[31m\u2066\u2067\u2068\u2069\u061c\u202e"
UNSAFE = ["\x1b", "\x07", "\u2066", "\u2067", "\u2068", "\u2069", "\u061c", "\u202e", "\ufffe", "\uffff"]


def _hostile_versions(d):
    d.mkdir()
    for src, name in ((ROOT / "samples" / "illustrative" / "ILLUSTRATIVE-A-RES-74-62.zh.txt", "a.zh.txt"),
                      (SEED, "b.zh.txt")):
        text = src.read_text("utf-8").replace("62. 《集束弹药公约》的执行情况", f"62. 《集束弹药公约》{HOSTILE}的执行情况")
        if name == "b.zh.txt":  # a changed paragraph, shown by every diff view
            text = text.replace("敦促所有", f"敦促{HOSTILE}\ufffe所有", 1)
        (d / name).write_text(text, encoding="utf-8")
    return d


@pytest.mark.parametrize("args", [
    ["series", "{d}", "--color", "always"],
    ["series", "{d}", "--color", "never", "--steps"],
    ["series", "{d}/b.zh.txt", "{d}/a.zh.txt", "--format", "markdown"],
    ["blame", "{d}", "--color", "always"],
    ["diff", "{d}/a.zh.txt", "{d}/b.zh.txt", "--color", "always"],
    ["diff", "{d}/a.zh.txt", "{d}/b.zh.txt", "--view", "side-by-side", "--color", "never"],
    ["diff", "{d}/a.zh.txt", "{d}/b.zh.txt", "--view", "summary"],
    ["diff", "{d}/a.zh.txt", "{d}/b.zh.txt", "--format", "markdown"],
    ["diff", "{d}/a.zh.txt", "{d}/b.zh.txt", "--format", "html"],
    ["parse", "{d}/b.zh.txt", "--color", "always"],
])
def test_no_escape_or_bidi_control_from_the_input_in_any_view(tmp_path, args):
    d = _hostile_versions(tmp_path / "v")
    r = cli(*[a.format(d=d) for a in args])
    assert r.returncode in (0, 1), r.stderr
    out = r.stdout.decode("utf-8")
    assert "执行情况" in out or "PP1" in out
    found = [hex(ord(c)) for c in UNSAFE if c in out and not (c == "\x1b" and "always" in args)]
    assert not found, found
    if "always" in args:  # colour escapes are resdiff's own: SGR only, never an OSC title or a bell
        import re

        assert not re.search(r"\x1b[^\[]|\x1b\[[0-9;]*[^0-9;m]", out)


def test_title_and_notes_of_a_series_are_cleaned(tmp_path):
    d = _hostile_versions(tmp_path / "v")
    (d / "a.zh.txt").rename(d / f"a{HOSTILE}.zh.txt")
    r = cli("series", d, "--color", "never")
    out = r.stdout.decode("utf-8")
    assert r.returncode == 1 and "versions of" in out
    assert not [c for c in UNSAFE if c in out]


def test_junit_stays_well_formed_with_noncharacters(tmp_path):
    from xml.etree import ElementTree

    d = _hostile_versions(tmp_path / "v")
    target = d / "b\ufffe\uffff.zh.txt"
    (d / "b.zh.txt").rename(target)
    for fmt in ("junit", "sarif", "json", "github", "terminal"):
        r = cli("check", EN_FIXTURE, target, "--format", fmt, "--color", "never")
        assert r.returncode in (0, 1), r.stderr
        out = r.stdout.decode("utf-8")
        if fmt == "junit":
            ElementTree.fromstring(r.stdout)
        if fmt != "json" and fmt != "sarif":
            assert not [c for c in UNSAFE if c in out], fmt


@pytest.mark.parametrize("name", ["new\nline.txt", "esc\x1b[2Jape.txt", "bidi\u202eoc.txt", "tab\there.txt"])
def test_error_lines_are_one_line_without_escapes(tmp_path, name):
    r = cli("parse", tmp_path / name)
    assert r.returncode == 2
    line = one_error_line(r, "no such file")
    assert not [c for c in UNSAFE + ["\t"] if c in line]
    bad = tmp_path / name
    bad.write_text("Just a note.\n")
    r = cli("diff", SEED, bad)
    assert r.returncode == 2
    one_error_line(r, "no resolution found")


def test_a_title_in_an_error_line_is_cleaned(tmp_path):
    d = tmp_path / "v"
    d.mkdir()
    (d / "a.zh.txt").write_bytes(SEED.read_bytes())
    other = SEED.read_text("utf-8").replace("75/62. 《集束弹药公约》的执行情况",
                                            f"75/63. 《禁止杀伤人员地雷公约》\n\x1b[31m{HOSTILE}的执行情况")
    (d / "b.zh.txt").write_text(other.replace("A/RES/75/62", "A/RES/75/63"), encoding="utf-8")
    r = cli("series", d)
    assert r.returncode == 2
    line = one_error_line(r)
    assert not [c for c in UNSAFE if c in line]


NON_UTF8 = os.fsdecode(b"A-RES-75-62-\xff\xfe.zh.txt")


def test_a_file_name_that_is_not_utf8(tmp_path):
    f = tmp_path / NON_UTF8
    f.write_bytes(SEED.read_bytes())
    for fmt in ("json", "terminal"):
        r = cli("diff", f, SEED, "--format", fmt)
        assert r.returncode == 0, r.stderr
        r.stdout.decode("utf-8")  # strict: valid UTF-8
    assert json.loads(cli("diff", f, SEED, "--format", "json").stdout)["old"]["source"].endswith(
        "A-RES-75-62-\\xff\\xfe.zh.txt")
    for fmt in ("sarif", "json", "junit"):
        r = cli("check", EN_FIXTURE, f, "--format", fmt)
        assert r.returncode in (0, 1), r.stderr
        r.stdout.decode("utf-8")
    out = tmp_path / os.fsdecode(b"out-\xff.json")
    r = cli("diff", f, SEED, "--format", "json", "-o", out)
    assert r.returncode == 0, r.stderr
    json.loads(out.read_bytes().decode("utf-8"))
    r = cli("parse", tmp_path / os.fsdecode(b"missing-\xff.txt"))
    assert r.returncode == 2
    one_error_line(r, "missing-\\xff.txt", "no such file")


# --- 4 and 5: DOCX structure, --context, configuration, symbolic links ---------------------------

W_NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def make_docx(body: str, notes: str | None = None, *, compression=None) -> bytes:
    import io
    import zipfile

    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compression=compression or zipfile.ZIP_DEFLATED) as z:
        z.writestr("word/document.xml", f"<w:document {W_NS}><w:body>{body}</w:body></w:document>")
        if notes is not None:
            z.writestr("word/footnotes.xml", f"<w:footnotes {W_NS}>{notes}</w:footnotes>")
    return buf.getvalue()


def test_nested_docx_paragraphs_are_linear(tmp_path):
    """60 nested paragraphs with a footnote reference each (4 kB) took 14 s: each reference was counted
    once per enclosing paragraph."""
    from resdiff import load_document

    n = 60
    body = ("<w:p><w:r><w:t>The General Assembly,</w:t></w:r></w:p>"
            + '<w:p><w:r><w:t>Recalling 74/62</w:t><w:footnoteReference w:id="1"/><w:t>,</w:t></w:r>' * n
            + "</w:p>" * n)
    notes = '<w:footnote w:id="1"><w:p><w:r><w:t>A/74/1.</w:t></w:r></w:p></w:footnote>'
    f = tmp_path / "nested.docx"
    f.write_bytes(make_docx(body, notes))
    t = time.monotonic()
    doc = load_document(str(f))
    assert time.monotonic() - t < 5
    assert len(doc.footnotes) == n and sum(p.text.count("Recalling 74/62") for p in doc.paragraphs) == n


def test_docx_with_an_unknown_compression_method_or_encryption(tmp_path):
    import zipfile

    data = bytearray(make_docx("<w:p><w:r><w:t>The General Assembly,</w:t></w:r></w:p>",
                               compression=zipfile.ZIP_STORED))
    unknown = tmp_path / "method.docx"  # compression method 99 (AES) in the local and central headers
    d = bytearray(data)
    for sig, off in ((b"PK\x03\x04", 8), (b"PK\x01\x02", 10)):
        k = d.find(sig)
        while k >= 0:
            d[k + off:k + off + 2] = (99).to_bytes(2, "little")
            k = d.find(sig, k + 4)
    unknown.write_bytes(bytes(d))
    encrypted = tmp_path / "locked.docx"  # the encryption flag (bit 0) set
    d = bytearray(data)
    for sig, off in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):
        k = d.find(sig)
        while k >= 0:
            d[k + off] |= 1
            k = d.find(sig, k + 4)
    encrypted.write_bytes(bytes(d))
    for f, message in ((unknown, "compression method"), (encrypted, "encrypted")):
        r = cli("parse", f)
        assert r.returncode == 2
        one_error_line(r, str(f), message)


def test_context_does_not_allocate_memory_in_proportion_to_its_value(tmp_path):
    variant = tmp_path / "v.txt"
    variant.write_text(SEED.read_text("utf-8").replace("敦促所有", "敦促全体", 1), encoding="utf-8")
    code = ("import resource, sys\n"
            "resource.setrlimit(resource.RLIMIT_AS, (1 << 30, 1 << 30))\n"
            "from resdiff.cli import main; main()")
    r = subprocess.run([sys.executable, "-c", code, "diff", str(SEED), str(variant), "--context", "999999999",
                        "--format", "markdown"], capture_output=True, timeout=120)
    assert r.returncode == 1, r.stderr[-500:]
    assert b"PP1" in r.stdout or "敦促".encode() in r.stdout


@pytest.mark.parametrize("toml", [
    'disable = "ordinal-mismatch"',
    "disable = [3]",
    "fail-on = 3",
    'severity = "warning"',
    "severity = { metadata-mismatch = 2 }",
    "accept = 3",
    "accept = [3]",
    "accept = [{ rule = \"number-mismatch\", source = 12 }]",
    "resdiff = 3",
])
def test_a_config_value_of_the_wrong_type_is_exit_2(tmp_path, toml):
    cfg = tmp_path / "pyproject.toml"
    cfg.write_text(f"[tool]\n{toml}\n" if toml.startswith("resdiff") else f"[tool.resdiff]\n{toml}\n")
    r = cli("check", EN_FIXTURE, SEED, "--config", cfg)
    assert r.returncode == 2, r.stderr
    one_error_line(r, str(cfg))


def test_a_symlink_loop_is_not_called_missing(tmp_path):
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.symlink_to(b)
    b.symlink_to(a)
    r = cli("parse", a)
    assert r.returncode == 2
    one_error_line(r, str(a), "symbolic link loop")
    dangling = tmp_path / "d.txt"
    dangling.symlink_to(tmp_path / "gone.txt")
    r = cli("parse", dangling)
    assert r.returncode == 2
    one_error_line(r, "no such file", "gone.txt")


# --- 4, 5, 7: HTTP framing, deadlines, the cache ----------------------------------------------------



@pytest.fixture(scope="module")
def pdf_bytes(tmp_path_factory):
    from layout import render, seed_spec, write_pdf

    return write_pdf(render(seed_spec()), tmp_path_factory.mktemp("pdf") / "75-62.pdf").read_bytes()


def _framed(head: bytes, body: bytes = b""):
    return lambda conn, request: conn.sendall(head + body)


MALFORMED = {
    "bad status line": (_framed(b"HTTX/1.1 200 OK\r\n\r\n"), "not valid HTTP"),
    "Content-Length abc": (_framed(b"HTTP/1.1 200 OK\r\nContent-Type: application/pdf\r\nContent-Length: abc\r\n\r\n",
                                   b"%PDF-1.4\n%%EOF\n"), "Content-Length"),
    "a header line of 100 kB": (_framed(b"HTTP/1.1 200 OK\r\nX-Big: " + b"a" * 100_000 + b"\r\n\r\n"), "not valid HTTP"),
    "200 headers": (_framed(b"HTTP/1.1 200 OK\r\n" + b"X-A: b\r\n" * 200 + b"\r\n"), "not valid HTTP"),
    "a status line without end": (_framed(b"HTTP/1.1 200 " + b"O" * 100_000), "not valid HTTP"),
    "a redirect to a malformed address": (_framed(b"HTTP/1.1 302 Found\r\nLocation: http://[::1\r\n\r\n"),
                                          "malformed address"),  # found by the HTTP fuzzer (ValueError)
}


@pytest.mark.parametrize("case", list(MALFORMED))
def test_malformed_http_is_a_clean_input_error(tmp_path, case):
    from resdiff import InputError
    from resdiff.fetch import fetch

    answer, message = MALFORMED[case]
    srv = RawServer(answer)
    try:
        with pytest.raises(InputError, match=message):
            fetch("75/62", "zh", url_template=srv.url(), folder=tmp_path, retries=1, backoff=0.01, timeout=5)
        r = cli("fetch", "75/62", "--lang", "zh", "--retries", "0", "--url-template", srv.url(),
                env={"RESDIFF_CACHE_DIR": str(tmp_path / "c")})
        assert r.returncode == 2
        one_error_line(r, "75/62")
    finally:
        srv.close()
    assert not list(tmp_path.rglob("*.pdf"))


def test_a_server_that_drips_is_bounded_by_a_deadline(tmp_path, pdf_bytes):
    from resdiff import InputError
    from resdiff.fetch import fetch

    def drip(conn, request):
        conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: application/pdf\r\nContent-Length: "
                     + str(len(pdf_bytes)).encode() + b"\r\n\r\n")
        for b in pdf_bytes[:200]:
            conn.sendall(bytes([b]))
            time.sleep(0.1)

    srv = RawServer(drip)
    t = time.monotonic()
    try:
        with pytest.raises(InputError, match="in all"):
            fetch("75/62", "zh", url_template=srv.url(), folder=tmp_path, retries=0, timeout=0.5)
    finally:
        srv.close()
    assert time.monotonic() - t < 6  # 3 x --timeout, not 200 bytes x 0.1 s
    assert not list(tmp_path.iterdir())


def test_a_redirect_loop_is_called_one(tmp_path):
    from resdiff import InputError
    from resdiff.fetch import fetch

    srv = RawServer(_framed(b"HTTP/1.1 302 Found\r\nLocation: /again\r\nContent-Length: 0\r\n\r\n"))
    try:
        with pytest.raises(InputError, match="redirect loop"):
            fetch("75/62", "zh", url_template=srv.url(), folder=tmp_path, retries=0)
    finally:
        srv.close()


def _ok(pdf: bytes):
    return _framed(b"HTTP/1.1 200 OK\r\nContent-Type: application/pdf\r\nContent-Length: "
                   + str(len(pdf)).encode() + b"\r\n\r\n", pdf)


@pytest.mark.parametrize("make", ["a file", "under a file", "in /proc"])
def test_a_cache_folder_that_cannot_be_written_is_exit_2(tmp_path, pdf_bytes, make):
    srv = RawServer(_ok(pdf_bytes))
    blocker = tmp_path / "blocker"
    blocker.write_text("not a folder")
    cache = {"a file": blocker, "under a file": blocker / "sub", "in /proc": "/proc/self/resdiff-cache"}[make]
    try:
        r = cli("fetch", "75/62", "--lang", "zh", "--url-template", srv.url(), env={"RESDIFF_CACHE_DIR": str(cache)})
    finally:
        srv.close()
    assert r.returncode == 2
    one_error_line(r, "cannot write the cache")
    assert blocker.read_text() == "not a folder"


def test_concurrent_fetches_meeting_a_damaged_entry(tmp_path, pdf_bytes):
    """Rounds of eight threads that start together on a damaged entry: every call gives a whole PDF
    (one of them removing the entry made the others fail with FileNotFoundError)."""
    from resdiff.fetch import cache_path, fetch

    srv = RawServer(_ok(pdf_bytes))
    path = cache_path("75/62", "zh", tmp_path)
    errors: list[str] = []
    try:
        for _ in range(40):
            path.write_bytes(pdf_bytes[:500])
            barrier = threading.Barrier(8)

            def work(barrier=barrier):
                barrier.wait()
                try:
                    assert fetch("75/62", "zh", url_template=srv.url(), folder=tmp_path, retries=2,
                                 backoff=0.01).read_bytes() == pdf_bytes
                except BaseException as e:  # noqa: BLE001 - any exception at all is the failure
                    errors.append(repr(e))

            workers = [threading.Thread(target=work) for _ in range(8)]
            for w in workers:
                w.start()
            for w in workers:
                w.join(60)
    finally:
        srv.close()
    assert not errors, (len(errors), errors[:3])
    assert not [n for n in os.listdir(tmp_path) if n.startswith(".")]


def test_a_symbol_of_2000_components(tmp_path):
    long = "A/" * 2000 + "75/62"
    nowhere = {"RESDIFF_FETCH_URL": "http://127.0.0.1:9/{symbol}"}  # never the internet, even if it fetched
    r = cli("fetch", long, "--lang", "zh", "--retries", "0", env={"RESDIFF_CACHE_DIR": str(tmp_path), **nowhere})
    assert r.returncode == 2
    one_error_line(r, "not a document symbol")
    r = cli("diff", long, SEED, "--lang", "zh", env={"RESDIFF_CACHE_DIR": str(tmp_path), "RESDIFF_OFFLINE": "1"})
    assert r.returncode == 2
    one_error_line(r, "no such file")


def test_temporary_cache_files_of_a_killed_fetch_are_removed(tmp_path, pdf_bytes):
    from resdiff.fetch import fetch

    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    (tmp_path / f".resdiff-{dead.pid}-x1.tmp").write_bytes(pdf_bytes[:100])
    srv = RawServer(_ok(pdf_bytes))
    try:
        fetch("75/62", "zh", url_template=srv.url(), folder=tmp_path)
    finally:
        srv.close()
    assert os.listdir(tmp_path) == ["A_RES_75_62.zh.pdf"]


# --- 7: the segmenter's caches ---------------------------------------------------------------------

@pytest.fixture
def changed_zh(tmp_path):
    v = tmp_path / "v.zh.txt"
    v.write_text(SEED.read_text("utf-8").replace("敦促所有", "敦促全体", 1), encoding="utf-8")
    return v


def test_a_segmenter_cache_with_a_missing_table(tmp_path, changed_zh):
    import sqlite3

    from resdiff.segment import _cache_file, _jieba_dict, un_terms

    cache = tmp_path / "cache"
    env = {"RESDIFF_CACHE_DIR": str(cache)}
    path = _cache_file(_jieba_dict(), un_terms()).name
    cache.mkdir()
    db = sqlite3.connect(cache / path)
    db.execute("CREATE TABLE meta (k TEXT PRIMARY KEY, v TEXT NOT NULL)")
    db.execute("INSERT INTO meta VALUES ('total', '60101967')")
    db.commit()
    db.close()
    r = cli("diff", SEED, changed_zh, "--color", "never", env=env)
    assert r.returncode == 1, r.stderr.decode()[-800:]
    assert "敦促[-所有-]{+全体+}".encode() in r.stdout and r.stderr == b""


def test_jieba_prints_no_traceback_when_it_cannot_write_its_cache(tmp_path, changed_zh):
    tmp = tmp_path / "tmp"
    (tmp / "jieba.cache").mkdir(parents=True)  # jieba's cache file cannot be written there
    env = {"HOME": "/proc/nonexistent", "XDG_CACHE_HOME": "", "RESDIFF_CACHE_DIR": "", "TMPDIR": str(tmp)}
    r = cli("diff", SEED, changed_zh, "--color", "never", env=env)
    assert r.returncode == 1, r.stderr.decode()[-800:]
    assert b"Traceback" not in r.stderr and r.stderr == b"", r.stderr.decode()[-800:]


def test_a_redirect_with_a_huge_content_length_is_not_read(tmp_path, pdf_bytes):
    """Found by the HTTP fuzzer: urllib read the body of a redirect whole, allocating what its
    Content-Length said (100 GB: MemoryError)."""
    from resdiff.fetch import fetch

    def answer(conn, request):
        if request.startswith(b"GET /again"):
            _ok(pdf_bytes)(conn, request)
        else:
            conn.sendall(b"HTTP/1.1 302 Found\r\nLocation: /again\r\nContent-Length: 99999999999\r\n\r\nxx")

    srv = RawServer(answer)
    try:
        path = fetch("75/62", "zh", url_template=srv.url(), folder=tmp_path, retries=0, timeout=5)
    finally:
        srv.close()
    assert path.read_bytes() == pdf_bytes


# --- issue #26, 4 and 6: every error exits 2; output any reader accepts ------------------------------

ZH_OLD = ROOT / "samples" / "illustrative" / "ILLUSTRATIVE-A-RES-74-62.zh.txt"


def _check(*extra, **kw):
    return cli("check", EN_FIXTURE, SEED, *extra, **kw)


def test_a_config_nested_50000_deep_is_exit_2(tmp_path):
    cfg = tmp_path / "deep.toml"
    cfg.write_text("disable = " + "[" * 50000 + "]" * 50000 + "\n")
    r = _check("--config", cfg)
    assert r.returncode == 2
    one_error_line(r, str(cfg), "nested too deeply")


@pytest.mark.parametrize("body", ['{"fingerprints": ' + "[" * 50000 + "]" * 50000 + "}", "[" * 50000 + "]" * 50000],
                         ids=["in-the-list", "the-whole-file"])
def test_a_baseline_nested_50000_deep_is_exit_2(tmp_path, body):
    base = tmp_path / "deep.json"
    base.write_text(body)
    r = _check("--baseline", base)
    assert r.returncode == 2
    one_error_line(r, str(base), "nested too deeply" if body.startswith("{") else "not a resdiff baseline")


def test_a_manifest_of_deeply_nested_paths_is_a_clean_result(tmp_path):
    manifest = tmp_path / "pairs.tsv"
    manifest.write_text("a/" * 50000 + "x.txt\t" + "[" * 50000 + "\n")
    r = cli("check", "--manifest", manifest, "--format", "json")
    assert r.returncode in (1, 2), r.stderr
    assert "Traceback" not in r.stderr.decode() and "unexpected" not in r.stderr.decode()
    for finding in json.loads(r.stdout)["findings"] if r.returncode == 1 else []:
        assert len(finding["message"]) <= 500


@pytest.mark.parametrize("body", ['{"fingerprints": "abc"}', '{"fingerprints": [1, 2]}', '{"fingerprints": null}',
                                  '["abc"]', '"fingerprints"'])
def test_a_baseline_of_the_wrong_types_is_exit_2(tmp_path, body):
    base = tmp_path / "base.json"
    base.write_text(body)
    r = _check("--baseline", base)
    assert r.returncode == 2
    one_error_line(r, str(base), "not a resdiff baseline")


def test_a_config_over_its_size_limit_is_refused_without_being_read(tmp_path):
    cfg = tmp_path / "big.toml"
    with open(cfg, "wb") as fh:
        fh.write(b"# a comment\n")
        fh.truncate(100 << 20)  # 100 MB, sparse: the test machine never holds it
    r = _check("--config", cfg)
    assert r.returncode == 2
    one_error_line(r, str(cfg), "over the limit of 1 MiB")


def test_a_baseline_over_its_size_limit_is_refused(tmp_path):
    base = tmp_path / "big.json"
    base.write_text('{"fingerprints": [' + ", ".join(['"0123456789abcdef"'] * 1_000_000) + "]}")
    r = _check("--baseline", base)
    assert r.returncode == 2
    one_error_line(r, str(base), "over the limit of 16 MiB")


@pytest.mark.parametrize("option", ["--config", "--baseline"])
def test_a_fifo_as_config_or_baseline_is_refused_not_waited_on(tmp_path, option):
    fifo = node(tmp_path / "pipe", "fifo")
    r = _check(option, fifo, timeout=30)
    assert r.returncode == 2
    one_error_line(r, str(fifo), "not a regular file")


def test_a_fifo_where_the_word_index_belongs_is_refused_in_one_line(tmp_path):
    env = {"RESDIFF_CACHE_DIR": str(tmp_path / "cache")}
    where = subprocess.run([sys.executable, "-c", "from resdiff.segment import current_cache_file as f; print(f())"],
                           capture_output=True, text=True, env={**os.environ, **env}, check=True).stdout.strip()
    os.makedirs(os.path.dirname(where))
    node(where, "fifo")
    r = cli("diff", ZH_OLD, SEED, "--format", "json", env=env, timeout=30)
    assert r.returncode == 2
    one_error_line(r, where, "not a regular file", "word index")
    assert stat.S_ISFIFO(os.lstat(where).st_mode)  # refused, not replaced: the user says what it is


def _stops_on_sigterm(args, env=None) -> float:
    p = subprocess.Popen([sys.executable, "-m", "resdiff", *map(os.fsdecode, args)], stdout=subprocess.PIPE,
                         stderr=subprocess.PIPE, env={**os.environ, **(env or {})}, start_new_session=True)
    try:
        time.sleep(1.5)  # waiting by now (on the FIFO, the reading child, ...)
        assert p.poll() is None, p.communicate()
        t = time.monotonic()
        p.send_signal(signal.SIGTERM)
        p.communicate(timeout=10)
        took = time.monotonic() - t
        assert p.returncode == 128 + signal.SIGTERM
    finally:
        if p.poll() is None:
            os.killpg(p.pid, signal.SIGKILL)
            p.wait()
    time.sleep(0.2)
    try:  # nothing of the run is left: the reading child went with it
        os.killpg(p.pid, 0)
        left = True
    except ProcessLookupError:
        left = False
    assert not left
    return took


@pytest.mark.parametrize("command", ["parse", "diff", "check"])
def test_sigterm_stops_a_command_waiting_on_an_input_fifo_within_a_second(tmp_path, command):
    fifo = node(tmp_path / "in.txt", "fifo")
    args = [command, fifo] + ([] if command == "parse" else [SEED])
    assert _stops_on_sigterm(args) < 1.0


def test_sigterm_stops_a_diff_waiting_on_the_word_index_within_a_second(tmp_path):
    """The word index in a FIFO: refused now; before, SQLite waited for a writer and SIGTERM could not
    stop it."""
    env = {"RESDIFF_CACHE_DIR": str(tmp_path / "cache")}
    where = subprocess.run([sys.executable, "-c", "from resdiff.segment import current_cache_file as f; print(f())"],
                           capture_output=True, text=True, env={**os.environ, **env}, check=True).stdout.strip()
    os.makedirs(os.path.dirname(where))
    node(where, "fifo")
    p = subprocess.Popen([sys.executable, "-m", "resdiff", "diff", ZH_OLD, SEED], stdout=subprocess.PIPE,
                         stderr=subprocess.PIPE, env={**os.environ, **env}, start_new_session=True)
    try:
        p.communicate(timeout=20)  # it ends by itself
    except subprocess.TimeoutExpired:
        p.send_signal(signal.SIGTERM)
        try:
            p.communicate(timeout=1)
        except subprocess.TimeoutExpired:
            pass
        pytest.fail("the diff waited on the word index (and SIGTERM did not stop it)" if p.poll() is None
                    else "the diff waited on the word index")
    finally:
        if p.poll() is None:
            os.killpg(p.pid, signal.SIGKILL)
            p.wait()
    assert p.returncode == 2


def test_sigterm_stops_parse_while_the_reading_child_works(tmp_path):
    import hostile

    pdf = tmp_path / "x.pdf"
    pdf.write_bytes(hostile.self_drawing_form())
    assert _stops_on_sigterm(["parse", pdf, "--pdf-memory", "1G"]) < 1.0


def test_no_lone_surrogate_reaches_any_output(tmp_path):
    import hostile

    pdf = tmp_path / "font.pdf"
    pdf.write_bytes(hostile.surrogate_font())
    for args in (["--format", "json"], ["--format", "json", "-o", tmp_path / "out.json"], []):
        r = cli("parse", pdf, *args)
        assert r.returncode == 0, r.stderr
        out = (tmp_path / "out.json").read_bytes() if "-o" in args else r.stdout
        text = out.decode("utf-8")  # strict: a surrogate encoded in UTF-8 would fail here
        assert "\\ud800" not in text and "\ud800" not in text
        assert "comply with \ufffd" in (json.loads(text)["paragraphs"][-1]["text"] if args else text)


def test_the_pdf_reader_counts_what_it_replaced():
    import hostile

    from resdiff.pdf import read_pdf

    reading = read_pdf(hostile.surrogate_font(), "font.pdf")
    assert reading.replaced == 1


def test_an_error_line_is_cut_at_its_stated_length(tmp_path):
    deep = tmp_path / ("a" * 200) / ("b" * 200) / ("c" * 200)
    missing = str(deep) + "/" + "x" * 3000 + ".txt"
    r = cli("parse", missing)
    assert r.returncode == 2
    line = one_error_line(r, str(tmp_path)[:40], "no such file")
    assert len(line) <= len("resdiff: error: ") + 500 and " … " in line


def test_a_wrapped_paragraph_of_20000_lines_copies_its_text_a_bounded_number_of_times(monkeypatch):
    """The terminal view of a change inside a huge paragraph: rich copies a Text whole at each slice;
    the wrap must not slice once a line (47 s for 20,000 lines)."""
    from rich.text import Text

    from resdiff.render.terminal import layout

    text = Text(" ".join(f"clause{k}" for k in range(160_000)))  # 20,000 lines of 80 columns
    text.stylize("red", 700_000, 700_050)
    copied = [0]
    divide = Text.divide

    def counted(self, offsets):
        copied[0] += len(self.plain)
        assert copied[0] <= 3 * len(text.plain), "the text is copied once a line"
        return divide(self, offsets)

    monkeypatch.setattr(Text, "divide", counted)
    lines = layout.wrap_lines(text, 80)
    assert len(lines) > 18_000
    assert "".join(ln.plain + " " for ln in lines).split() == text.plain.split()
    assert any(ln.spans for ln in lines)
