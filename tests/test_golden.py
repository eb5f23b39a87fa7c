"""Golden files: every command's output on the bundled samples, byte for byte.

Each expected output in tests/golden/ has its command beside it, in NAME.args: `#` comment lines, the
command line (`resdiff ARGS`, in shell quoting) and the exit status (`exit N`). Every command runs in a
fresh working folder holding copies of samples/ and tests/data/ and the edited versions of
tests/edited.py, named by relative paths, with a fixed width where a view is drawn: the output depends
neither on where the repository is cloned nor on the terminal or the environment of the test run. Only
machine formats that name files absolutely (SARIF URIs, JUnit) see the working folder, written <ROOT>.

A new case is a new NAME.args; refresh the expected outputs on purpose only, with
RESDIFF_UPDATE_GOLDEN=1 python -m pytest tests/test_golden.py
"""

from __future__ import annotations

import os
import re
import shlex
import shutil
from pathlib import Path

import pytest
from edited import write_edited
from layout import ROOT
from runcli import invoke

from resdiff.console_env import ConsoleEnv

GOLDEN = ROOT / "tests" / "golden"
CASES = sorted(p.name.removesuffix(".args") for p in GOLDEN.glob("*.args"))
# what the user's shell may have set that a view would read; a golden run sees none of it
CLEARED = {name: None for name in ("NO_COLOR", "FORCE_COLOR", "COLUMNS", "LINES", "TERM", "PAGER",
                                   "RESDIFF_PAGER", "RESDIFF_SEGMENTER", "RESDIFF_OFFLINE")}


def read_case(name: str) -> tuple[list[str], int]:
    """The arguments and the exit status stored in NAME.args."""
    lines = [ln for ln in (GOLDEN / f"{name}.args").read_text("utf-8").splitlines()
             if ln.strip() and not ln.startswith("#")]
    command, status = lines
    program, *args = shlex.split(command)
    assert program == "resdiff" and status.startswith("exit "), f"{name}.args: 'resdiff ARGS' then 'exit N'"
    return args, int(status.removeprefix("exit "))


@pytest.fixture(scope="module")
def workdir(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("golden")
    shutil.copytree(ROOT / "samples", folder / "samples")
    shutil.copytree(ROOT / "tests" / "data", folder / "tests" / "data")
    write_edited(folder)
    return folder


def _stable(text: str, folder: Path) -> str:
    """The working folder, where a machine format names a file absolutely, written as <ROOT>."""
    return text.replace(folder.as_uri(), "file://<ROOT>").replace(str(folder), "<ROOT>")


def test_every_expected_output_has_its_command():
    outputs = {p.name for p in GOLDEN.iterdir() if not p.name.endswith(".args")}
    assert outputs == set(CASES) and len(CASES) >= 30


@pytest.mark.parametrize("name", CASES)
def test_golden(name, workdir, monkeypatch):
    args, status = read_case(name)
    monkeypatch.chdir(workdir)
    env = ConsoleEnv(environ={}, size=(80, 24))  # not a terminal; the size only where no --width is given
    out = _stable(invoke(args, status, env=CLEARED, obj=env).stdout, workdir)
    path = GOLDEN / name
    if os.environ.get("RESDIFF_UPDATE_GOLDEN"):
        path.write_text(out, encoding="utf-8")
    assert out == path.read_text(encoding="utf-8")
    if not name.endswith(".ansi"):
        assert not re.search(r"\x1b\[", out)
