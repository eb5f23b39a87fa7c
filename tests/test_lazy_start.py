"""A cold diff of the bundled Chinese pair compiles none of the patterns that are built on first use only
to spare start-up: a stray use (or an eager construction come back) costs milliseconds silently, and the
output would not show it. The answers of the shortcuts themselves are tested against the patterns (see
test_segment and test_cheap_patterns)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OLD = ROOT / "samples" / "illustrative" / "ILLUSTRATIVE-A-RES-74-62.zh.txt"
NEW = ROOT / "samples" / "A-RES-75-62.zh.txt"
LAZY = ["resdiff.segment._SEGMENTED"]


def _compiled_after_diff() -> dict[str, bool]:
    code = ("import atexit, importlib, json, sys\n"
            f"names = {LAZY!r}\n"
            "def report():\n"
            "    ready = {n: getattr(importlib.import_module(n.rsplit('.', 1)[0]), n.rsplit('.', 1)[1]).ready\n"
            "             for n in names}\n"
            "    sys.__stderr__.write('\\nREADY ' + json.dumps(ready) + '\\n')\n"
            "atexit.register(report)\n"
            "sys.argv = ['resdiff', *sys.argv[1:]]\n"
            "from resdiff.entry import main\n"
            "main()\n")
    r = subprocess.run([sys.executable, "-c", code, "diff", str(OLD), str(NEW), "--format", "json"],
                       capture_output=True, text=True, cwd=ROOT)
    assert r.returncode == 1 and json.loads(r.stdout)["changes"], r.stderr  # the diff ran, and found changes
    line = [ln for ln in r.stderr.splitlines() if ln.startswith("READY ")]
    assert line, r.stderr
    return json.loads(line[-1][6:])


def test_a_chinese_diff_compiles_no_lazy_pattern():
    assert _compiled_after_diff() == dict.fromkeys(LAZY, False)
