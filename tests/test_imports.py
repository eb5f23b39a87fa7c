"""Import budget: each command imports what it uses and nothing heavier. Start-up time is measured by
bench/bench.py, never here; this test only fails when a heavy module appears on a path that does not
need it (a stray top-level import undoes the work silently otherwise)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
OLD = ROOT / "samples" / "illustrative" / "ILLUSTRATIVE-A-RES-74-62.zh.txt"
NEW = ROOT / "samples" / "A-RES-75-62.zh.txt"

# never needed to compare two texts and print JSON
HEAVY = {"typer._adapters", "pydantic", "rich", "jieba", "pypdfium2", "pdfminer", "charset_normalizer",
         "zipfile", "xml.etree", "html.parser", "logging", "tempfile", "importlib.resources",
         "importlib.metadata", "urllib.request", "http.client", "ssl", "hashlib", "email", "json.decoder_",
         "tomllib", "resdiff.check", "resdiff.facts", "resdiff.series", "resdiff.fetch", "resdiff.pdf",
         "resdiff.results",  # the other commands' result classes: 55M instructions to create at start-up
         "resdiff.render.terminal", "resdiff.render.html", "resdiff.render.markdown",
         "resdiff.render.docx", "docx", "lxml", "resdiff.render.pdf"}  # --format docx only: python-docx costs 120-160 ms to import
DIFF_CHAIN = {"resdiff.comparison", "resdiff.align", "resdiff.diff", "resdiff.tokenize", "resdiff.segment",
              "resdiff.routine", "diff_match_patch", "sqlite3"}


def _modules(*args: str, cache: Path) -> set[str]:
    code = ("import atexit, sys\n"
            "atexit.register(lambda: sys.__stderr__.write('\\nMODULES ' + ' '.join(sorted(sys.modules)) + '\\n'))\n"
            "sys.argv = ['resdiff', *sys.argv[1:]]\n"
            "from resdiff.entry import main\n"
            "main()\n")
    r = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, cwd=ROOT,
                       env={"RESDIFF_CACHE_DIR": str(cache), "PATH": "/usr/bin:/bin", "NO_COLOR": "1"})
    line = [ln for ln in r.stderr.splitlines() if ln.startswith("MODULES ")]
    assert line, r.stderr
    return set(line[-1].split()[1:])


def _present(mods: set[str], names: set[str]) -> set[str]:
    return {n for n in names if n in mods or any(m.startswith(n + ".") for m in mods)}


@pytest.fixture(scope="module")
def cache(tmp_path_factory):
    """A user cache with the word index built (the first run ever builds it, and may import more)."""
    path = tmp_path_factory.mktemp("cache")
    first = _modules("diff", str(OLD), str(NEW), "--format", "json", cache=path)
    assert "tempfile" in first and "jieba" not in first
    return path


def test_json_diff_imports_no_heavy_module(cache):
    mods = _modules("diff", str(OLD), str(NEW), "--format", "json", cache=cache)
    assert "resdiff.comparison" in mods  # the probe works
    assert _present(mods, HEAVY) == set()


def test_parse_does_not_load_the_diff_chain(cache):
    mods = _modules("parse", str(NEW), "--format", "json", cache=cache)
    assert "resdiff.parse" in mods
    assert _present(mods, HEAVY | DIFF_CHAIN) == set()


def test_version_imports_neither_typer_nor_the_library(cache):
    mods = _modules("--version", cache=cache)
    assert _present(mods, {"typer", "click", "rich", "resdiff.parse", "resdiff.load", "resdiff.model"}
                    | HEAVY | DIFF_CHAIN) == set()


def test_help_loads_no_command(cache):
    mods = _modules("--help", cache=cache)
    assert "typer" in mods
    assert _present(mods, {"resdiff.parse", "resdiff.load", "resdiff.lang"} | HEAVY | DIFF_CHAIN) == set()


def test_pdfium_is_loaded_only_by_the_reading_child(cache, tmp_path):
    """Reading a PDF loads PDFium (through pypdfium2's raw API) in the reading child alone: resdiff's own
    process holds no ctypes and no PDFium, nor pypdfium2's object layer, nor any rendering or network
    module; nor pickle: the one PDF goes to the child with its fork, its lines come back as marshal writes
    them."""
    from layout import render, seed_spec, write_pdf

    pdf = write_pdf(render(seed_spec()), tmp_path / "p.pdf")
    mods = _modules("parse", str(pdf), "--format", "json", cache=cache)
    assert "resdiff.pdf" in mods and "resdiff.isolate" in mods
    assert _present(mods, {"ctypes", "pypdfium2", "pypdfium2_raw", "resdiff.pdfium", "pdfminer", "rich",
                           "jieba", "pickle"}) == set()


def test_help_lists_every_command():
    r = subprocess.run([sys.executable, "-m", "resdiff", "--help"], capture_output=True, text=True, cwd=ROOT)
    assert r.returncode == 0, r.stderr
    assert all(name in r.stdout for name in ("parse", "diff", "series", "blame", "check", "carry", "cache"))


def test_a_command_given_no_pdf_limit_imports_no_reading_child(cache):
    """--pdf-memory left out: the child process's module (and pickle, which it needs) stays unimported."""
    mods = _modules("diff", str(OLD), str(NEW), "--format", "json", cache=cache)
    assert _present(mods, {"resdiff.isolate", "pickle"}) == set()


def test_loading_pdfium_leaves_ctypes_util_to_its_first_use():
    """pypdfium2's loader imports ctypes.util, and with it subprocess, shutil and tempfile, to search the system
    for a PDFium it does not need to search for: the reading child loads PDFium without them, and ctypes.util
    is then imported as ever by whoever uses it next: the module itself, found by find_spec, patched by mock."""
    pytest.importorskip("pypdfium2_raw")
    code = ("import sys, importlib.util\n"
            "from resdiff import pdfium\n"
            "pdfium.library()\n"
            "print(sorted({'subprocess', 'shutil', 'tempfile', 'ctypes.util'} & set(sys.modules)))\n"
            "print(importlib.util.find_spec('ctypes.util').name)\n"
            "from unittest import mock\n"
            "import ctypes.util\n"
            "from ctypes.util import find_library\n"
            "with mock.patch('ctypes.util.find_library', return_value='patched'):\n"
            "    print(ctypes.util.find_library('c'), sys.modules['ctypes.util'].find_library('c'))\n"
            "print(find_library.__module__, ctypes.util.find_library is find_library, 'subprocess' in sys.modules)\n")
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert r.returncode == 0, r.stderr
    assert r.stdout.splitlines() == ["[]", "ctypes.util", "patched patched", "ctypes.util True True"]
