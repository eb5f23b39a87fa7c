"""The command line as users and CI see it: output, JSON contract, exit codes, errors."""

from __future__ import annotations

import io
import json
import os
import shlex
import subprocess
import sys

import pytest
from layout import EN_FIXTURE, SEED, render, seed_spec
from runcli import invoke
from typer.testing import CliRunner

from resdiff.cli import app
from resdiff.console_env import ConsoleEnv


def run(*args, status: int, input=None):
    return invoke(args, status, input=input)


@pytest.fixture
def variant(tmp_path):
    spec = seed_spec()
    p = spec.paras[spec.index("PP", 12)]
    p.text = p.text.replace("123", "124")
    del spec.paras[spec.index("OP", 7)]
    path = tmp_path / "illustrative-variant.zh.txt"
    path.write_text(render(spec, width=50), encoding="utf-8")
    return path


def test_parse_json_contract():
    r = run("parse", SEED, "--format", "json", status=0)
    data = json.loads(r.stdout)
    assert (data["symbol"], data["session"], data["language"], data["adopted"]) == (
        "A/RES/75/62", 75, "zh", "2020-12-07")
    assert data["title"] == "《集束弹药公约》的执行情况"
    assert data["paragraphs"][0]["id"] == "PP1" and data["paragraphs"][0]["kind"] == "preambular"
    op = next(p for p in data["paragraphs"] if p["id"] == "OP1")
    assert op["number"] == "1" and op["kind"] == "operative" and op["text"].startswith("敦促所有")
    assert data["footnotes"][0] == {"marker": "1", "text": "联合国，《条约汇编》，第 2515 卷，第 44910 号。",
                                    "line": 144}
    assert next(p for p in data["paragraphs"] if p["id"] == "PP15")["footnotes"] == ["3", "4"]


def test_parse_terminal_view():
    r = run("parse", SEED, "--width", "60", "--color", "never", status=0)
    assert "A/RES/75/62" in r.stdout and "PP19" in r.stdout and "OP11" in r.stdout
    assert "19 preambular, 11 operative paragraphs, 5 footnotes" in r.stdout


def test_diff_identical_exits_0():
    r = run("diff", SEED, SEED, status=0)
    assert "30 unchanged" in r.stdout


def test_diff_rewrapped_copy_exits_0(tmp_path):
    copy = tmp_path / "rewrapped.txt"
    copy.write_text(render(seed_spec(), width=31, spaced=False), encoding="utf-8")
    r = run("diff", SEED, copy, "--format", "json", status=0)
    assert json.loads(r.stdout)["stats"] == {"unchanged": 30, "modified": 0, "inserted": 0, "deleted": 0,
                                              "moved": 0, "routine": 0, "editorial": 0, "renumbered": 0, "split": 0,
                                              "merged": 0}


def test_diff_json_contract(variant):
    r = run("diff", SEED, variant, "--format", "json", status=1)
    data = json.loads(r.stdout)
    assert data["old"]["symbol"] == "A/RES/75/62" and data["new"]["language"] == "zh"
    by_old = {tuple(c["old"]): c for c in data["changes"]}
    pp12 = by_old[("PP12",)]
    assert pp12["kind"] == "modified" and pp12["new"] == ["PP12"] and 0.9 < pp12["similarity"] < 1
    assert ["delete", "123"] in pp12["ops"] and ["insert", "124"] in pp12["ops"]
    assert pp12["routine"] is True  # a count changed, nothing else
    assert by_old[("OP7",)] == {"kind": "deleted", "old": ["OP7"], "new": [], "moved": False, "routine": False,
                                "editorial": False}
    assert by_old[("OP9",)] == {"kind": "unchanged", "old": ["OP9"], "new": ["OP8"], "moved": False,
                                "routine": False, "editorial": False}
    assert pp12["editorial"] is False and pp12["op_kinds"][pp12["ops"].index(["delete", "123"])] == "routine"
    assert data["stats"] == {"unchanged": 28, "modified": 1, "inserted": 0, "deleted": 1, "moved": 0,
                             "routine": 1, "editorial": 0, "renumbered": 4, "split": 0, "merged": 0}
    assert data["substantive"] is True  # a paragraph was deleted
    assert list(data) == ["schema_version", "old", "new", "changes", "stats", "substantive"]


def test_diff_terminal_redline_without_colour(variant):
    r = run("diff", SEED, variant, "--color", "never", "--width", "80", status=1)
    out = r.stdout
    assert "PP12  routine" in out
    assert "[-123-]{+124+}" in out
    assert "OP7  deleted" in out
    assert "renumbered: OP8–OP11→OP7–OP10" in out  # collapsed with the unchanged run
    assert "\x1b[" not in out


def test_diff_terminal_colour_styles(variant):
    r = run("diff", SEED, variant, "--color", "always", "--width", "80", status=1)
    assert "\x1b[9" in r.stdout or ";9m" in r.stdout  # strike-through
    assert "[-123-]" not in r.stdout


def test_every_rendered_line_fits_the_width(variant):
    for width in (40, 57, 80):
        r = run("diff", SEED, variant, "--color", "never", "--width", width, "-C", "2", status=1)
        from rich.cells import cell_len

        assert max(cell_len(line) for line in r.stdout.splitlines()) <= width


def test_output_file_is_written_atomically_and_inputs_protected(variant, tmp_path):
    out = tmp_path / "diff.json"
    r = run("diff", SEED, variant, "--format", "json", "-o", out, status=1)
    assert r.stdout == ""
    assert json.loads(out.read_text("utf-8"))["stats"]["modified"] == 1
    before = variant.read_bytes()
    r = run("diff", SEED, variant, "--format", "json", "-o", variant, status=2)
    assert "refusing to overwrite an input file" in r.stderr
    assert variant.read_bytes() == before


def test_stdin(variant):
    r = run("diff", SEED, "-", "--format", "json", input=variant.read_text("utf-8"), status=1)
    assert json.loads(r.stdout)["new"]["source"] == "<stdin>"


@pytest.mark.parametrize("make, message", [
    (lambda d: d / "missing.txt", "no such file"),
    (lambda d: d, "is a directory"),
    (lambda d: _write(d / "empty.txt", b""), "file is empty"),
    (lambda d: _write(d / "blank.txt", b"  \n\n \t\n"), "only whitespace"),
    (lambda d: _write(d / "image.txt", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4), "binary data"),
    (lambda d: _write(d / "README.md", b"# resdiff\n\nA tool.\n\nInstall with pip.\n"), "no resolution found"),
    (lambda d: _write(d / "noise.txt", bytes((i * 37 + 11) % 256 for i in range(3000))), "binary data"),
    (lambda d: _write(d / "photo.pdf", b"\xff\xd8\xff\xe0" + b"\x00" * 100), "not a PDF"),
    (lambda d: _write(d / "x.docx", b"not a zip at all"), "not a valid zip"),
])
def test_bad_input_one_line_exit_2(tmp_path, make, message):
    path = make(tmp_path)
    for args in (("parse", path), ("diff", SEED, path)):
        r = run(*args, status=2)
        lines = r.stderr.strip().splitlines()
        assert len(lines) == 1 and message in lines[0] and str(path) in lines[0]
        assert "Traceback" not in r.output


def _write(path, data: bytes):
    path.write_bytes(data)
    return path


def test_debug_shows_traceback(tmp_path):
    r = CliRunner().invoke(app, ["--debug", "parse", str(tmp_path / "missing.txt")])
    assert r.exit_code != 0 and isinstance(r.exception, Exception)


def test_bad_language_is_usage_error():
    run("parse", SEED, "--lang", "xx", status=2)


def test_console_script_runs_as_a_process(variant):
    r = subprocess.run([sys.executable, "-m", "resdiff", "diff", str(EN_FIXTURE), str(EN_FIXTURE)],
                       capture_output=True, text=True)
    assert r.returncode == 0, r.stderr
    r = subprocess.run([sys.executable, "-m", "resdiff", "diff", str(SEED), str(variant), "--format", "json"],
                       capture_output=True, text=True)
    assert r.returncode == 1 and json.loads(r.stdout)["stats"]["deleted"] == 1


def test_pdf_errors_are_one_line(tmp_path):
    from layout import write_pdf

    full = write_pdf(render(seed_spec()), tmp_path / "full.pdf")
    cut = _write(tmp_path / "truncated.pdf", full.read_bytes()[:3000])
    for path, message in ((cut, "damaged or truncated PDF"),):
        r = run("parse", path, status=2)
        assert message in r.stderr and str(path) in r.stderr
        assert len(r.stderr.strip().splitlines()) == 1


def test_pdf_parses_through_the_cli(tmp_path):
    from layout import write_pdf

    pdf = write_pdf(render(seed_spec()), tmp_path / "A-RES-75-62.zh.pdf")
    run("diff", SEED, pdf, "--format", "json", status=0)


def test_pager_is_used_when_asked_and_not_on_a_pipe(variant):
    env = {**os.environ, "RESDIFF_PAGER": "sed s/^/paged:/"}
    args = [sys.executable, "-m", "resdiff", "diff", str(SEED), str(variant), "--color", "never"]
    r = subprocess.run(args + ["--pager"], capture_output=True, text=True, env=env)
    assert r.returncode == 1 and r.stdout.startswith("paged:old")
    r = subprocess.run(args, capture_output=True, text=True, env=env)
    assert r.returncode == 1 and r.stdout.startswith("old")


def test_fail_on_substantive(tmp_path):
    spec = seed_spec()
    p = spec.paras[spec.index("PP", 12)]
    p.text = p.text.replace("123", "124")
    routine_only = tmp_path / "routine.txt"
    routine_only.write_text(render(spec), encoding="utf-8")
    run("diff", SEED, routine_only, status=1)
    run("diff", SEED, routine_only, "--fail-on", "substantive", status=0)
    out = run("diff", SEED, routine_only, "--color", "never", "--width", "100", status=1).stdout
    assert "PP12  routine" in out and "[-123-]{+124+}" in out
    full = run("diff", SEED, routine_only, "--color", "never", "--width", "100", "--show-routine", status=1).stdout
    assert "注意到已有 [-123-]{+124+} 个国家" in full


def test_diff_of_two_languages_points_to_check():
    r = run("diff", EN_FIXTURE, SEED, status=2)
    assert "different languages (en, zh)" in r.stderr and "resdiff check" in r.stderr


@pytest.mark.parametrize("args, message", [
    (["diff", "only-one.txt"], "resdiff: error: Missing argument 'NEW'. (see 'resdiff diff --help')"),
    (["diff", "a", "b", "--format", "bogus"], "Invalid value for '--format'"),
    (["frobnicate"], "resdiff: error: No such command 'frobnicate'. (see 'resdiff --help')"),
])
def test_usage_errors_are_one_line_too(args, message):
    r = subprocess.run([sys.executable, "-c", "from resdiff.cli import main; main()", *args],
                       capture_output=True, text=True)
    assert r.returncode == 2 and r.stdout == ""
    assert len(r.stderr.strip().splitlines()) == 1 and message in r.stderr


def test_output_into_a_closed_pipe_is_quiet():
    r = subprocess.run(f"{shlex.quote(sys.executable)} -m resdiff series samples --steps --color never | head -1",
                       shell=True, capture_output=True, text=True, cwd=SEED.parent.parent)
    assert r.stdout.startswith("7 versions") and "Traceback" not in r.stderr


@pytest.mark.parametrize("args", [["diff", "A", "B", "--format", "json"], ["diff", "A", "B"], ["parse", "B"],
                                  ["series", "samples", "--steps"], ["--debug", "diff", "A", "B", "--color", "never"]])
def test_a_standard_output_closed_from_the_start_is_said_in_one_line(args):
    """`resdiff diff A B >&-`: nowhere to write; one line says so (exit 2), where a closed pipe is said
    differently (output cut short)."""
    root = SEED.parent.parent
    names = {"A": "samples/illustrative/ILLUSTRATIVE-A-RES-74-62.zh.txt", "B": "samples/A-RES-75-62.zh.txt"}
    line = " ".join(shlex.quote(names.get(a, a)) for a in args)
    r = subprocess.run(f"{shlex.quote(sys.executable)} -m resdiff {line} >&-", shell=True, capture_output=True,
                       text=True, cwd=root)
    assert r.returncode == 2, r.stderr
    assert r.stderr.splitlines() == ["resdiff: error: standard output: closed when resdiff started (nothing written;"
                                     " give -o FILE instead)"]


def test_a_stream_given_without_saying_whether_it_is_a_terminal_is_asked():
    """A library caller's StringIO is no terminal: no pager, no refusal of a binary format."""
    assert ConsoleEnv(io.StringIO(), io.StringIO()).stdout_is_tty() is False

    class Tty(io.StringIO):
        def isatty(self):
            return True

    assert ConsoleEnv(Tty(), io.StringIO()).stdout_is_tty() is True


def test_a_closed_standard_output_is_no_matter_with_an_output_file(tmp_path):
    root = SEED.parent.parent
    out = tmp_path / "d.json"
    r = subprocess.run(f"{shlex.quote(sys.executable)} -m resdiff diff samples/illustrative/ILLUSTRATIVE-A-RES-74-62.zh.txt"
                       f" samples/A-RES-75-62.zh.txt --format json -o {shlex.quote(str(out))} >&-", shell=True,
                       capture_output=True, text=True, cwd=root)
    assert (r.returncode, r.stderr) == (1, "")  # 1: the two versions differ
    assert json.loads(out.read_text("utf-8"))["changes"]


def test_progress_on_a_terminal():
    """On a real terminal (a pseudo-terminal from util-linux `script`), series shows its progress while it
    compares; it never reaches a pipe."""
    import shutil

    if not shutil.which("script"):
        pytest.skip("util-linux script is not installed")
    root = SEED.parent.parent
    wide = {**os.environ, "COLUMNS": "120"}  # the progress line holds the whole description
    r = subprocess.run(["script", "-qec", f"{shlex.quote(sys.executable)} -m resdiff series samples --no-pager --color never",
                        "/dev/null"], capture_output=True, text=True, cwd=root, env=wide)
    assert "comparing A/RES/74/62 with A/RES/75/62" in r.stdout
    piped = subprocess.run([sys.executable, "-m", "resdiff", "series", "samples"], capture_output=True, text=True,
                           cwd=root)
    assert "comparing" not in piped.stderr


# --- the terminal as the environment says it is (console_env.ConsoleEnv), without a pseudo-terminal ---

def _terminal(*, stdout_tty: bool = True, stderr_tty: bool = True, environ=None, size=(100, 24)):
    """An environment of StringIO streams that say they are (or are not) terminals, and a pager that keeps
    what it is given (env.pages)."""
    env = ConsoleEnv(io.StringIO(), io.StringIO(), stdout_tty=stdout_tty, stderr_tty=stderr_tty,
                     environ={} if environ is None else environ, size=size, pager=lambda text: env.pages.append(text))
    env.pages = []
    return env


def test_a_large_diff_shows_a_spinner_on_a_terminal_only(tmp_path):
    spec = seed_spec()
    spec.paras = spec.paras * 40  # about 120 kB of text a side
    big = tmp_path / "big.txt"
    big.write_text(render(spec), encoding="utf-8")
    for tty in (True, False):
        env = _terminal(stderr_tty=tty)
        invoke(["diff", big, big, "--no-pager"], 0, obj=env)
        assert ("comparing big.txt and big.txt" in env.stderr.getvalue()) is tty


def test_a_long_view_on_a_terminal_is_paged_in_colour(variant, monkeypatch):
    monkeypatch.setenv("TERM", "xterm-256color")  # rich's colour depth
    env = _terminal(size=(100, 8))  # a screen shorter than the view
    invoke(["diff", SEED, variant], 1, obj=env)
    assert env.stdout.getvalue() == "" and len(env.pages) == 1
    assert "\x1b[" in env.pages[0] and "[-123-]" not in env.pages[0]  # colour, not text markers
    short = _terminal(size=(100, 500))  # a screen that holds it: no pager
    invoke(["diff", SEED, variant], 1, obj=short)
    assert not short.pages and "\x1b[" in short.stdout.getvalue()
    no_color = _terminal(environ={"NO_COLOR": "1"}, size=(100, 8))
    invoke(["diff", SEED, variant], 1, obj=no_color)
    assert "\x1b[" not in no_color.pages[0] and "[-123-]{+124+}" in no_color.pages[0]


def test_a_pipe_is_neither_paged_nor_coloured(variant):
    env = _terminal(stdout_tty=False, stderr_tty=False)
    invoke(["diff", SEED, variant], 1, obj=env)
    out = env.stdout.getvalue()
    assert not env.pages and "\x1b[" not in out and "[-123-]{+124+}" in out


def test_series_shows_its_progress_on_a_terminal():
    env = _terminal()
    invoke(["series", SEED.parent, "--no-pager", "--color", "never"], 1, obj=env)
    assert "comparing A/RES/74/62 with A/RES/75/62" in env.stderr.getvalue()
    assert "comparing" not in env.stdout.getvalue()


def test_warnings_and_errors_go_to_the_environments_stderr(tmp_path):
    env = _terminal()
    invoke(["parse", tmp_path / "missing.txt"], 2, obj=env)
    assert env.stderr.getvalue() == f"resdiff: error: {tmp_path / 'missing.txt'}: no such file\n"


def test_each_result_answers_its_own_exit_status(tmp_path):
    """diff and series fail on any change, or on substantive ones only; check on a severity, and never where
    the run recorded its findings as accepted (--write-baseline)."""
    from resdiff import compare, load_document
    from resdiff.results import ERROR, NOTE, PAIR, CheckResult, DocumentFinding, Finding, Series, SessionResult
    from resdiff.status import ExitStatus, killed_by

    spec = seed_spec()
    p = spec.paras[spec.index("PP", 12)]
    p.text = p.text.replace("123", "124")
    (tmp_path / "routine.txt").write_text(render(spec), encoding="utf-8")
    seed, routine = load_document(str(SEED)), load_document(str(tmp_path / "routine.txt"))
    diff = compare(seed, routine)  # one routine update
    assert diff.exit_status("any") == ExitStatus.DIFFERENCES == 1
    assert diff.exit_status("substantive") == ExitStatus.OK == 0
    assert compare(seed, seed).exit_status("any") == ExitStatus.OK
    series = Series(versions=(seed, routine), steps=(diff,), lineages=())
    assert (series.exit_status("any"), series.exit_status("substantive")) == (1, 0)

    note = Finding(rule="doubled-word", severity=NOTE, source=None, target="PP1", message="“the the”")
    check = SessionResult([CheckResult(seed, seed, (note,))], asked=PAIR)
    assert check.exit_status("note") == ExitStatus.DIFFERENCES
    assert check.exit_status("error") == ExitStatus.OK
    assert check.exit_status("note", baseline_written=True) == ExitStatus.OK  # recorded as accepted
    missing = SessionResult(findings=[DocumentFinding(rule="document-missing", severity=ERROR, path="en/75-62.txt", message="no counterpart")])
    assert missing.exit_status("error") == ExitStatus.DIFFERENCES
    with pytest.raises(ValueError):
        diff.exit_status("error")  # a severity is what a check fails on, not a diff
    with pytest.raises(ValueError):
        check.exit_status("substantive")
    assert (ExitStatus.BAD_INPUT, ExitStatus.INTERNAL_ERROR, ExitStatus.INTERRUPTED, killed_by(15)) == (2, 70, 130, 143)


def test_two_runs_in_one_process_share_no_environment(tmp_path):
    """Each run's environment travels in its own context: a run with --debug, held up inside its command
    while a run without it goes from start to end in the same process, still shows its traceback, on its
    own stderr; the other's error is its own one line. A later run without --debug has it off."""
    import contextlib
    import threading

    from resdiff.cli import run as resdiff

    holding, other_done = threading.Event(), threading.Event()

    class Held(ConsoleEnv):
        def busy(self, label, *paths):  # diff calls it before reading its inputs
            holding.set()
            other_done.wait(60)
            return contextlib.nullcontext()

    first, second = Held(io.StringIO(), io.StringIO()), ConsoleEnv(io.StringIO(), io.StringIO())
    status = {}
    held = threading.Thread(target=lambda: status.update(
        first=resdiff(["--debug", "diff", str(tmp_path / "a.txt"), str(tmp_path / "b.txt")], first)))
    held.start()
    assert holding.wait(60)
    status["second"] = resdiff(["diff", str(tmp_path / "c.txt"), str(tmp_path / "d.txt")], second)
    other_done.set()
    held.join(60)
    assert status == {"first": 2, "second": 2}
    assert second.stderr.getvalue() == f"resdiff: error: {tmp_path / 'c.txt'}: no such file\n"
    assert "Traceback" in first.stderr.getvalue() and f"{tmp_path / 'a.txt'}: no such file" in first.stderr.getvalue()

    later = ConsoleEnv(io.StringIO(), io.StringIO())
    assert resdiff(["diff", str(tmp_path / "e.txt"), str(tmp_path / "f.txt")], later) == 2
    assert later.stderr.getvalue() == f"resdiff: error: {tmp_path / 'e.txt'}: no such file\n"


def test_version():
    r = run("--version", status=0)
    assert r.stdout.strip() == "resdiff 0.1.0"


def _whole_command_names() -> set[str]:
    import typer.main

    return set(typer.main.get_command(app).commands)


@pytest.mark.parametrize("name", sorted(_whole_command_names()))
def test_a_command_line_is_read_by_its_command_alone_as_by_the_whole_app(name, monkeypatch):
    """`resdiff NAME ...` is parsed by an app of that one command (typer then builds one command, not
    every one): its help, its usage errors and its exit status are the whole app's, byte for byte."""
    from resdiff import cli

    monkeypatch.setenv("COLUMNS", "100")
    assert name in cli._COMMANDS  # every command of the app has its own
    for args in ([name, "--help"], [name, "--no-such-option"], ["--debug", name, "--help"]):
        whole = CliRunner().invoke(app, args)
        alone = CliRunner().invoke(cli._app_of(name), args)
        assert (alone.exit_code, alone.output) == (whole.exit_code, whole.output), args
        assert whole.output.strip()


def test_help_before_a_command_name_is_the_whole_apps_help():
    out = subprocess.run([sys.executable, "-m", "resdiff", "--help", "diff"], capture_output=True, text=True,
                         env={**os.environ, "COLUMNS": "100"})
    assert out.returncode == 0
    assert all(name in out.stdout for name in ("parse", "series", "check", "carry")), out.stdout
