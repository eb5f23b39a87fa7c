"""Imports go one way: the core is a library without typer or rich; only load reads files."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

PKG = Path(__file__).resolve().parent.parent / "resdiff"


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text("utf-8"))
    out = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            out |= {a.name.split(".")[0] for a in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            out.add(node.module.split(".")[0])
    return out


def test_only_cli_imports_typer_and_only_views_import_rich():
    for path in PKG.rglob("*.py"):
        mods = _imports(path)
        rel = path.relative_to(PKG).as_posix()
        if "typer" in mods:
            assert rel == "cli.py", rel
        if "rich" in mods:
            assert rel in ("cli.py",) or rel.startswith("render/terminal"), rel


def test_only_load_and_output_touch_files():
    for path in PKG.rglob("*.py"):
        rel = path.relative_to(PKG).as_posix()
        if rel in ("load.py", "output.py", "segment.py", "fetch.py"):  # documents, outputs, caches
            continue
        src = path.read_text("utf-8")
        assert "open(" not in src.replace("tk.initialize", ""), rel


def test_library_imports_without_typer_or_rich():
    code = ("import sys; sys.modules['typer'] = None; sys.modules['rich'] = None\n"
            "import resdiff\n"
            "from resdiff.render import json_\n"
            "d = resdiff.load_document(sys.argv[1]); r = resdiff.compare(d, d)\n"
            "assert not r.has_changes and json_.render_diff(r)\n")
    seed = PKG.parent / "samples" / "A-RES-75-62.zh.txt"
    r = subprocess.run([sys.executable, "-c", code, str(seed)], capture_output=True, text=True)
    assert r.returncode == 0, r.stderr
