"""A help printed from the user cache (resdiff/help_cache.py) is typer's own, byte for byte, in every situation
it was kept for; any change of situation (width, terminal, environment, resdiff's code) renders afresh; a
help served from the cache imports no typer; a cache that is corrupt or cannot be written changes nothing the
user sees."""

from __future__ import annotations

import fcntl
import os
import pty
import shutil
import struct
import subprocess
import sys
import termios
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from resdiff import help_cache

ROOT = Path(__file__).resolve().parent.parent
COMMANDS = ("parse", "diff", "series", "blame", "fetch", "check", "carry", "completion", "cache")
HELPS = [[], ["--help"], ["--help", "diff"], ["--debug", "--help"], *([c, "--help"] for c in COMMANDS)]
# resdiff as its console script starts it (the program is named after argv[0]); typer alone, as reference
ENTRY = "import sys\nsys.argv[0] = 'resdiff'\nfrom resdiff.entry import main\nmain()\n"
TYPER = ("import sys\nsys.argv[0] = 'resdiff'\nfrom resdiff.cli import run\nfrom resdiff.console_env import ConsoleEnv\n"
         "sys.exit(run(sys.argv[1:], ConsoleEnv()))\n")
MODULES = ("import atexit, sys\natexit.register(lambda: sys.__stderr__.write("
           "'\\nMODULES ' + ' '.join(sorted(sys.modules)) + '\\n'))\n")


def _run(code: str, args, cache, pythonpath: Path | None = None, **env) -> tuple[int, bytes, bytes]:
    environ = {"PATH": "/usr/bin:/bin", "RESDIFF_CACHE_DIR": str(cache), **env}
    if pythonpath:
        environ["PYTHONPATH"] = str(pythonpath)
    r = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, cwd=pythonpath or ROOT, env=environ)
    return r.returncode, r.stdout, r.stderr


def _typer(args, cache, **env):
    return _run(TYPER, args, cache, **env)


def _resdiff(args, cache, **env):
    return _run(ENTRY, args, cache, **env)


SITUATIONS = [{"COLUMNS": "60"}, {"COLUMNS": "100", "NO_COLOR": "1", "TERM": "dumb"},
              {"COLUMNS": "72", "FORCE_COLOR": "1", "COLORTERM": "truecolor", "TERM": "xterm-256color"}]


@pytest.mark.parametrize("env", SITUATIONS, ids=lambda e: "-".join(f"{k}={v}" for k, v in e.items()))
def test_every_help_from_the_cache_is_typers_own(env, tmp_path):
    """Top-level help, each command's, a bare `resdiff` (the help on stderr, status 2): typer's answer, the
    first time (kept) and the second (from the cache), the same bytes and status."""
    def check(args):
        cache = tmp_path / "-".join(args or ["bare"])
        typer = _typer(args, tmp_path / "unused", **env)
        first, second = _resdiff(args, cache, **env), _resdiff(args, cache, **env)
        assert first == typer and second == typer, args
        assert len(list((cache / "help").iterdir())) == 1, args  # the second was the cache's

    with ThreadPoolExecutor(2) as pool:
        list(pool.map(check, HELPS))


def test_a_help_from_the_cache_imports_no_typer(tmp_path):
    for args in (["--help"], ["diff", "--help"], []):
        first = _run(MODULES + ENTRY, args, tmp_path)[2].decode()
        second = _run(MODULES + ENTRY, args, tmp_path)[2].decode()
        assert "typer" in first.split("MODULES ")[-1].split()  # the probe works
        loaded = set(second.split("MODULES ")[-1].split())
        assert not loaded & {"typer", "click", "rich"}, args
        assert first.split("MODULES ")[0] == second.split("MODULES ")[0]  # what the user saw on stderr


def test_another_width_or_environment_renders_afresh(tmp_path):
    narrow = _resdiff(["diff", "--help"], tmp_path, COLUMNS="60")
    assert _resdiff(["diff", "--help"], tmp_path, COLUMNS="60") == narrow
    wider = _resdiff(["diff", "--help"], tmp_path, COLUMNS="72")
    assert wider == _typer(["diff", "--help"], tmp_path, COLUMNS="72") and wider != narrow
    # a variable no help reads today: kept apart all the same (a new typer may read it)
    _resdiff(["diff", "--help"], tmp_path, COLUMNS="72", SOMETHING="1")
    assert len(list((tmp_path / "help").iterdir())) == 3


def test_the_situation_leaves_out_only_what_changes_from_shell_to_shell(monkeypatch):
    base = help_cache.situation(["--help"])
    for name in ("PWD", "OLDPWD", "SHLVL", "_"):
        monkeypatch.setenv(name, "/elsewhere")
    assert help_cache.situation(["--help"]) == base
    for name, value in (("TERM", "dumb"), ("LANG", "fr_FR.UTF-8"), ("TYPER_USE_RICH", "0"), ("ANYTHING", "1")):
        monkeypatch.setenv(name, value)
        assert help_cache.situation(["--help"]) != base, name
        monkeypatch.undo()
    assert help_cache.situation(["--help", "diff"]) != base
    monkeypatch.setattr(os, "get_terminal_size", lambda fd: os.terminal_size((120, 40)))
    assert help_cache.situation(["--help"]) != base


def _in_terminal(code: str, args, cache, columns: int) -> tuple[int, bytes]:
    """Run with standard output a terminal of `columns` columns (no COLUMNS: the terminal's own size)."""
    main, other = pty.openpty()
    fcntl.ioctl(other, termios.TIOCSWINSZ, struct.pack("HHHH", 24, columns, 0, 0))
    env = {"PATH": "/usr/bin:/bin", "RESDIFF_CACHE_DIR": str(cache)}
    p = subprocess.Popen([sys.executable, "-c", code, *args], stdout=other, stderr=subprocess.DEVNULL, cwd=ROOT,
                         env=env)
    os.close(other)
    out = b""
    while True:
        try:
            chunk = os.read(main, 65536)
        except OSError:  # the terminal closed with the process
            break
        if not chunk:
            break
        out += chunk
    os.close(main)
    return p.wait(), out


def test_a_resized_terminal_renders_afresh(tmp_path):
    for columns in (56, 70, 56):
        typer = _in_terminal(TYPER, ["check", "--help"], tmp_path / "unused", columns)
        assert _in_terminal(ENTRY, ["check", "--help"], tmp_path, columns) == typer
        assert _in_terminal(ENTRY, ["check", "--help"], tmp_path, columns) == typer
    assert len(list((tmp_path / "help").iterdir())) == 2


def test_edited_code_renders_afresh(tmp_path):
    """A changed source file (an editable install, same version): its help, not the one kept before."""
    copy = tmp_path / "src"
    shutil.copytree(ROOT / "resdiff", copy / "resdiff", ignore=shutil.ignore_patterns("__pycache__"))
    where = _run("import sys, resdiff; sys.stdout.write(resdiff.__file__)", [], tmp_path / "cache", copy)[1]
    assert where.decode() == str(copy / "resdiff" / "__init__.py")  # the probe works: the copy runs
    before = _run(ENTRY, ["--help"], tmp_path / "cache", copy)
    assert b"Compare versions of United Nations" in before[1]
    cli = copy / "resdiff" / "cli.py"
    cli.write_text(cli.read_text("utf-8").replace("Compare versions", "Contrast version"), "utf-8")  # same size
    st = cli.stat()
    os.utime(cli, ns=(st.st_atime_ns, st.st_mtime_ns + 10**9))
    after = _run(ENTRY, ["--help"], tmp_path / "cache", copy)
    assert after[1] == before[1].replace(b"Compare versions", b"Contrast version")


def test_a_corrupt_cache_falls_back_to_typer(tmp_path):
    typer = _typer(["--help"], tmp_path / "unused")
    _resdiff(["--help"], tmp_path)
    (kept,) = (tmp_path / "help").iterdir()
    whole = kept.read_bytes()
    import marshal

    key = marshal.loads(whole)[0]
    for bad in (b"", b"\x00garbage", whole[: len(whole) // 2], marshal.dumps(("another key", 0, [(1, "x")])),
                marshal.dumps((key, 0, [(1, b"bytes")])), marshal.dumps((key, "0", [])), marshal.dumps([1, 2])):
        kept.write_bytes(bad)
        assert _resdiff(["--help"], tmp_path) == typer, bad[:20]
        assert kept.read_bytes() == whole  # kept again, whole
    kept.unlink()
    kept.mkdir()  # not even a file
    assert _resdiff(["--help"], tmp_path) == typer


def test_a_cache_that_cannot_be_written_changes_nothing(tmp_path):
    blocked = tmp_path / "a-file"
    blocked.write_text("")
    for args in (["--help"], [], ["fetch", "--help"], ["--no-such-option", "--help"]):
        typer = _typer(args, tmp_path / "unused")
        for _ in range(2):
            assert _resdiff(args, blocked / "cache") == typer, args
    assert blocked.read_text() == ""


def test_a_closed_pipe_is_said_as_typer_says_it(tmp_path):
    def closed(code):
        r, w = os.pipe()
        os.close(r)
        p = subprocess.run([sys.executable, "-c", code, "--help"], stdout=w, stderr=subprocess.PIPE, cwd=ROOT,
                           env={"PATH": "/usr/bin:/bin", "RESDIFF_CACHE_DIR": str(tmp_path)})
        os.close(w)
        return p.returncode, p.stderr

    typer = closed(TYPER)
    _resdiff(["--help"], tmp_path)
    assert closed(ENTRY) == typer


@pytest.mark.parametrize("args, kept", [
    ([], True), (["--help"], True), (["diff", "--help"], True), (["--help", "diff"], True),
    (["--debug", "check", "--help"], True), (["frobnicate", "--help"], True),
    (["-h"], False), (["--version"], False), (["diff"], False), (["--debug"], False),
    (["diff", "-o", "--help", "a", "b"], False),  # --help is -o's value: diff runs and writes a file
    (["diff", "--", "--help"], False), (["diff", "a", "--help"], False), (["--help", "--width", "60"], False),
])
def test_only_a_help_request_is_kept(args, kept):
    assert help_cache.is_help(args, {}) is kept
    assert help_cache.is_help(args, {"_RESDIFF_COMPLETE": "bash_complete"}) is False


def test_the_environment_is_never_written_into_the_cache(tmp_path):
    """The situation holds the whole environment (a token, a password): only a digest of it is kept."""
    _resdiff(["--help"], tmp_path, API_TOKEN="s3cr3t-value-1234")
    (kept,) = (tmp_path / "help").iterdir()
    assert b"s3cr3t-value-1234" not in kept.read_bytes() and b"API_TOKEN" not in kept.read_bytes()
    assert b"s3cr3t-value-1234" not in kept.name.encode()


KEEP_PROBE = ("import sys\nfrom resdiff import help_cache\nargs = ['--help']\nstatus, key = help_cache.answer(args)\n"
              "assert status is None and key\n"
              "sys.exit(help_cache.rendered(args, key, lambda: (sys.stdout.write('Usage: resdiff\\n'), "
              "int(sys.argv[1]))[1]))\n")


def test_only_a_help_that_ended_well_is_kept(tmp_path):
    """A help interrupted while it was written (Ctrl-C: 130) or ended by a failure (70) is not kept: kept, every
    later help would end so, though typer's ends 0."""
    for status in (130, 70, 1):
        assert _run(KEEP_PROBE, [str(status)], tmp_path)[0] == status
        assert not (tmp_path / "help").exists() or not any((tmp_path / "help").iterdir()), status
    assert _run(KEEP_PROBE, ["0"], tmp_path)[0] == 0  # the probe keeps what ended well
    assert len(list((tmp_path / "help").iterdir())) == 1


def test_a_usage_error_is_not_kept(tmp_path):
    """A misspelt command's help is typer's usage error, answered afresh each time: it names what was typed,
    which has no business in a file."""
    for _ in range(2):
        assert _resdiff(["frobnicate", "--help"], tmp_path) == _typer(["frobnicate", "--help"], tmp_path / "unused")
    assert not (tmp_path / "help").exists() or not any((tmp_path / "help").iterdir())


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full (a device every write to fails)")
def test_a_help_that_could_not_be_written_is_not_kept(tmp_path):
    """Output to a full disk fails; the next help in the same situation (output not a terminal) is typer's,
    not the empty answer of the failed one."""
    with open("/dev/full", "wb") as full:
        failed = subprocess.run([sys.executable, "-c", ENTRY, "--help"], stdout=full, stderr=subprocess.PIPE,
                                cwd=ROOT, env={"PATH": "/usr/bin:/bin", "RESDIFF_CACHE_DIR": str(tmp_path)})
    assert failed.returncode != 0
    assert _resdiff(["--help"], tmp_path) == _typer(["--help"], tmp_path / "unused")


def test_another_install_of_typer_is_another_situation(tmp_path, monkeypatch):
    """A typer found elsewhere, or one whose installed version changed, makes its help afresh: the kept one
    could be an older typer's words."""
    from resdiff import help_cache

    base = help_cache.situation(["--help"])
    site = tmp_path / "site"
    (site / "typer").mkdir(parents=True)
    (site / "typer" / "__init__.py").write_text("", "utf-8")
    monkeypatch.syspath_prepend(str(site))
    moved = help_cache.situation(["--help"])
    assert base is not None and moved != base
    (site / "typer-99.0.dist-info").mkdir()
    assert help_cache.situation(["--help"]) != moved


def test_past_the_helps_kept_the_oldest_go_and_nothing_else(tmp_path, monkeypatch):
    """The cache keeps the newest helps (help_cache._KEEP of them): a new one past that removes the oldest, and
    never a file of the folder it did not write."""
    monkeypatch.setenv("RESDIFF_CACHE_DIR", str(tmp_path))
    monkeypatch.setattr(help_cache, "_KEEP", 2)
    folder = tmp_path / "help"
    folder.mkdir()
    (folder / "notes.txt").write_text("mine")
    for n, key in enumerate(["first", "second", "third"]):
        help_cache._keep(key, 0, [(1, f"help {key}\n")])
        os.utime(folder / help_cache._digest(key), ns=(n * 10**9, n * 10**9))  # one after the other, whatever the clock
    kept = sorted(p.name for p in folder.iterdir())
    assert kept == sorted([help_cache._digest("second"), help_cache._digest("third"), "notes.txt"])
