"""Golden files for every command's machine and terminal output on the bundled samples, at a fixed width.

These files were written before the architecture change (#13) and have not been regenerated since: a
passing run shows that the JSON of `diff`, `series`, `blame` and `check`, and each `check` format, are
byte-identical before and after it. Refresh on purpose only, with
RESDIFF_UPDATE_GOLDEN=1 python -m pytest tests/test_golden.py
"""

from __future__ import annotations

import os
import re

import pytest
from layout import ROOT
from typer.testing import CliRunner

from resdiff.cli import app

GOLDEN = ROOT / "tests" / "golden"
ZH = "samples/A-RES-75-62.zh.txt"
OLD_ZH = "samples/illustrative/ILLUSTRATIVE-A-RES-74-62.zh.txt"
EN = "tests/data/A-RES-75-62.en.unofficial.txt"
SERIES = [f"samples/illustrative/ILLUSTRATIVE-A-RES-{s}.zh.txt"
          for s in ("63-71", "70-54", "71-45", "72-54", "73-54", "74-62")] + [ZH]
FIXED = ["--width", "100", "--color", "never"]

# name -> (arguments, the exit status a user sees)
CASES = {
    "series.json": (["series", *SERIES, "--format", "json"], 1),
    "series.txt": (["series", *SERIES, *FIXED], 1),
    "blame.json": (["blame", *SERIES, "--format", "json"], 0),
    "blame.txt": (["blame", *SERIES, *FIXED], 0),
    "check.json": (["check", EN, OLD_ZH, "--force", "--format", "json", "--fail-on", "note"], 1),
    "check.txt": (["check", EN, OLD_ZH, "--force", *FIXED, "--fail-on", "note"], 1),
    "check.junit.xml": (["check", EN, OLD_ZH, "--force", "--format", "junit", "--fail-on", "note"], 1),
    "check.github.txt": (["check", EN, OLD_ZH, "--force", "--format", "github", "--fail-on", "note"], 1),
    "check.sarif.json": (["check", EN, OLD_ZH, "--force", "--format", "sarif", "--fail-on", "note"], 1),
    # last year's English as the source, this year's Chinese as last year's translation: a draft of
    # carried, updated and to-translate paragraphs
    "carry.json": (["carry", OLD_ZH, ZH, EN, "--format", "json"], 0),
}


def _stable(name: str, text: str) -> str:
    """What changes from machine to machine (absolute paths in SARIF and JUnit) is written as <ROOT>."""
    return text.replace(ROOT.as_uri(), "file://<ROOT>").replace(str(ROOT), "<ROOT>")


@pytest.mark.parametrize("name", sorted(CASES))
def test_golden(name, monkeypatch):
    args, status = CASES[name]
    monkeypatch.chdir(ROOT)
    r = CliRunner().invoke(app, args)
    assert r.exit_code == status, r.output
    out = _stable(name, r.stdout)
    path = GOLDEN / name
    if os.environ.get("RESDIFF_UPDATE_GOLDEN"):
        path.write_text(out, encoding="utf-8")
    assert path.exists(), f"no golden file {name}: run with RESDIFF_UPDATE_GOLDEN=1"
    assert out == path.read_text(encoding="utf-8")
    assert not re.search(r"\x1b\[", out)
