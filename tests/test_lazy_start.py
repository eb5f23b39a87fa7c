"""Start-up spared: a cold diff of the bundled Chinese pair compiles none of the patterns that are built on
first use (a stray use, or an eager construction come back, costs milliseconds silently, and the output
would not show it), and the cheaper patterns answer as the classes they replace, compiled here."""

from __future__ import annotations

import json
import random
import re
import subprocess
import sys
from pathlib import Path

import pytest

from resdiff import align, tokenize
from resdiff.lang import IDEOGRAPHS
from resdiff.notation import utf8_run
from resdiff.segment import cut

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


def test_importing_the_reading_modules_compiles_none_of_their_lazy_patterns():
    """A module-level use of a lazy pattern (a table holding its bound `match`) compiles it at import."""
    code = ("import importlib, pkgutil, resdiff\nfrom resdiff.notation import lazy_pattern\n"
            "mods = [importlib.import_module(f'resdiff.{m.name}') for m in pkgutil.iter_modules(resdiff.__path__)\n"
            "        if m.name not in ('__main__', 'cli')]\n"
            "print(len(mods), *(f'{m.__name__}.{n}' for m in mods for n, v in vars(m).items()\n"
            "                   if isinstance(v, lazy_pattern) and v.ready))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT)
    count, *ready = out.stdout.split()
    assert int(count) > 20 and ready == [], out.stdout


# characters at the edges of the ideographs' ranges and between them, surrogates, and other scripts
EDGES = ["\u33ff", "\u3400", "\u3401", "\u343f", "\u3440", "\u4dbf", "\u4dc0", "\u4dff", "\u4e00", "\u4e3f",
         "\u4e40", "\u4eff", "\u4f00", "\u9fd5", "\u9fff", "\ua000", "\ud7a3", "\ud800", "\udfff", "\ue000",
         "\uf8ff", "\uf900", "\ufa6e", "\ufaff", "\ufb00", "\uff0c", "\uffff", "\U00020000", "\u0800", "\u07ff",
         "a", "B", "7", " ", "_", "/", "A/RES/75/62", "\u00e9", "\u0416", "\u0627", "\u3002", "\u3000"]


def _texts(seed: int, count: int):
    rnd = random.Random(seed)
    for _ in range(count):
        yield "".join(rnd.choice(EDGES) for _k in range(rnd.randint(0, 12)))


@pytest.mark.parametrize("ranges", [IDEOGRAPHS, "\u4e00-\u9fd5", "\u0800-\uffff", "\u3401-\u4e3f\ue000-\ue000"])
def test_a_utf8_run_finds_what_the_class_finds(ranges):
    cls, run = re.compile(f"[{ranges}]+"), re.compile(utf8_run(ranges))
    for text in _texts(3, 20_000):
        data = text.encode("utf-8", "surrogatepass")
        found = [(len(data[:m.start()].decode("utf-8", "surrogatepass")), m.group().decode("utf-8", "surrogatepass"))
                 for m in run.finditer(data)]
        assert found == [(m.start(), m.group()) for m in cls.finditer(text)], repr(text)


def test_tokens_as_the_class_of_ideographs_cuts_them():
    runs = re.compile(f"[{IDEOGRAPHS}]+")

    def reference(text: str) -> list[str]:
        out, pos = [], 0
        for m in runs.finditer(text):
            out.extend(tokenize._TOKEN.findall(text, pos, m.start()))
            out.extend(cut(m.group()) if len(m.group()) > 1 else [m.group()])
            pos = m.end()
        return out + tokenize._TOKEN.findall(text, pos)

    for text in _texts(4, 3_000):
        assert tokenize.tokens(text) == reference(text), repr(text)


def test_grams_as_the_class_of_ideographs_or_words_finds_them():
    reference = re.compile(rf"[{IDEOGRAPHS}]+|[^\W_]+")
    for text in _texts(5, 20_000):
        assert align._GRAMS.findall(text) == reference.findall(text), repr(text)
