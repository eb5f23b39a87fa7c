"""Imports go one way: the core is a library without typer or rich; files are opened only by the modules
whose work it is; every module imports only the layers below its own, and a renderer only the model and
the text layers below it (docs/architecture.md draws them)."""

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
            assert rel in ("cli.py", "console_env.py") or rel.startswith("render/terminal"), rel


def test_only_the_reading_and_writing_modules_open_files():
    """open() is called only where reading or writing files is the module's work: documents (load), outputs
    (output), the word index (segment), downloads (fetch), the configuration and baselines (config). This
    looks for open( alone: listing a folder (documents) or stat-ing the cache (cli) is not opening."""
    for path in PKG.rglob("*.py"):
        rel = path.relative_to(PKG).as_posix()
        # documents, outputs, caches, the configuration file (and baselines)
        if rel in ("load.py", "output.py", "segment.py", "fetch.py", "config.py"):
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


# The layers, lowest first (docs/architecture.md). A module may import only modules of lower layers; the
# modules of render/ may also import one another. The package root only re-exports (lazily) and gives
# __version__, which every layer may read.
LAYERS = [
    {"errors", "model", "notation", "status"},  # the errors; documents and diffs; script ranges and the symbol
    # grammar; exit statuses
    {"results", "cache"},  # the results of check, session, series, blame and carry; the user cache
    {"normalize", "lang", "segment"},  # text passes; what each UN language writes; the Chinese word index
    {"layout", "facts", "tokenize", "routine"},  # layouts, facts, tokens, routine labels
    {"parse", "pdf", "diff", "output", "align"},  # text -> Document; PDF -> text; clause diff; files; alignment
    {"fetch", "comparison"},  # downloads into the cache; two Documents -> DocumentDiff
    {"load"},  # bytes -> text -> Document
    {"documents"},  # paths, folders, standard input and symbols -> the documents a command names
    {"config"},  # the rules and their severities, the configuration file, baselines
    {"check", "series"},  # translation checks; series and blame
    {"carry", "session"},  # drafts from last year's translation; a session of checks
    {"render"},  # every output format
    {"console_env"},  # the terminal a command runs in: streams, colour, pager, width, progress
    {"cli"},  # the command line: arguments -> library call -> renderer -> exit status
    {"entry"},  # the console script's first step: --version answered before typer is imported
    {"__main__"},  # python -m resdiff
]
LAYER = {name: k for k, names in enumerate(LAYERS) for name in names}
# A renderer reads a result and never computes one: the modules of render/ import the model and errors,
# the cache, normalize and lang (layers 0-2) and one another, nothing else. The terminal layout alone also
# reads the tokenizer, to wrap and cut an excerpt between the words of the document (jieba's, for Chinese).
RENDER_MAY_IMPORT = set().union(*LAYERS[:3]) | {"render"}
RENDER_ALSO = {"render/terminal/layout.py": {"tokenize"}}


def _targets(rel: str, source: str) -> set[str]:
    """The resdiff modules a module imports (first component under the package), __version__ aside."""
    parts = rel[:-3].split("/")
    out = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.ImportFrom) and node.level:
            base = parts[: len(parts) - node.level]
            if node.module:
                out.add(".".join(base + node.module.split("."))[:])
            else:
                out |= {".".join(base + [a.name]) for a in node.names if a.name != "__version__"}
        elif isinstance(node, ast.ImportFrom) and node.module == "resdiff":  # from resdiff import check
            out |= {a.name for a in node.names if a.name != "__version__"}
        elif isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("resdiff."):
            out.add(node.module[len("resdiff."):])
        elif isinstance(node, ast.Import):
            out |= {a.name[len("resdiff."):] for a in node.names if a.name.startswith("resdiff.")}
        elif (isinstance(node, ast.Call) and getattr(node.func, "attr", getattr(node.func, "id", None))
              in ("import_module", "__import__") and node.args and isinstance(node.args[0], ast.Constant)
              and isinstance(node.args[0].value, str)):  # importlib.import_module("resdiff.cli") or (".cli", …)
            name = node.args[0].value
            if name.startswith("resdiff."):
                out.add(name[len("resdiff."):])
            elif name.startswith("."):
                level = len(name) - len(name.lstrip("."))
                out.add(".".join(parts[: len(parts) - level] + [name[level:]]))
    return {t.split(".")[0] for t in out if t}


def violations(files: dict[str, str]) -> list[str]:
    """Upward or sideways imports among `files` (relative path -> source)."""
    bad = []
    for rel, source in files.items():
        if rel == "__init__.py":
            continue
        own = rel.split("/")[0] if "/" in rel else rel[:-3]
        if own not in LAYER:
            bad.append(f"{rel}: in no layer (add it to LAYERS and docs/architecture.md)")
            continue
        for target in _targets(rel, source):
            if target == "notation" and (own == "render" or LAYER[own] > LAYER["lang"]):
                bad.append(f"{rel} imports notation (above lang, the symbol grammar and scripts are read "
                           "through lang, the one home of language knowledge)")
                continue
            if own == "render":
                if target not in RENDER_MAY_IMPORT | RENDER_ALSO.get(rel, set()):
                    bad.append(f"{rel} imports {target} (layer {LAYER.get(target)}; a renderer imports only "
                               "layers 0-2 and render/)")
                continue
            if target not in LAYER or LAYER[target] >= LAYER[own]:
                bad.append(f"{rel} imports {target} (layer {LAYER.get(target)}, its own is {LAYER[own]})")
    return bad


def test_imports_go_down_the_layers_only():
    files = {p.relative_to(PKG).as_posix(): p.read_text("utf-8") for p in PKG.rglob("*.py")}
    assert violations(files) == []


def test_the_layer_check_fails_on_an_upward_import():
    assert violations({"parse.py": "from .check import check_pair\n"}) == [
        "parse.py imports check (layer 9, its own is 4)"]
    assert violations({"normalize.py": "from . import lang\n"}) == ["normalize.py imports lang (layer 2, its own is 2)"]
    assert violations({"model.py": "import resdiff.cli\n"}) == ["model.py imports cli (layer 13, its own is 0)"]
    assert violations({"newthing.py": ""}) == ["newthing.py: in no layer (add it to LAYERS and docs/architecture.md)"]
    assert violations({"parse.py": "from .notation import RES_SYMBOL\n"}) == [
        "parse.py imports notation (above lang, the symbol grammar and scripts are read through lang, the one "
        "home of language knowledge)"]
    assert violations({"cache.py": "from .notation import CACHE_SYMBOL\n"}) == []
    # the other spellings of an import
    assert violations({"parse.py": "from resdiff import check\n"}) == ["parse.py imports check (layer 9, its own is 4)"]
    assert violations({"parse.py": "import importlib\nm = importlib.import_module('resdiff.cli')\n"}) == [
        "parse.py imports cli (layer 13, its own is 4)"]
    assert violations({"model.py": "from importlib import import_module\nm = import_module('.series', 'resdiff')\n"}) == [
        "model.py imports series (layer 9, its own is 0)"]
    assert violations({"render/json_.py": "from ..cli import app\n"}) == [
        "render/json_.py imports cli (layer 13; a renderer imports only layers 0-2 and render/)"]
    assert violations({"render/json_.py": "from .common import x\nfrom .. import __version__\n"}) == []


def test_a_renderer_imports_only_the_model_and_the_text_layers():
    """A stage below render (check, series, carry, the tokenizer) is still no renderer's import."""
    assert violations({"render/cat.py": "from ..align import pair_paragraphs\n"}) == [
        "render/cat.py imports align (layer 4; a renderer imports only layers 0-2 and render/)"]
    assert violations({"render/terminal/check.py": "from ...results import Finding\nfrom ...session import x\n"}) == [
        "render/terminal/check.py imports session (layer 10; a renderer imports only layers 0-2 and render/)"]
    assert violations({"render/common.py": "def f():\n    from ..tokenize import tokens\n"}) == [
        "render/common.py imports tokenize (layer 3; a renderer imports only layers 0-2 and render/)"]
    assert violations({"render/terminal/layout.py": "from ...tokenize import tokens\nfrom ..common import x\n"
                                                    "from ...normalize import fold\nfrom ...lang import y\n"
                                                    "from ...cache import z\nfrom ...errors import e\n"}) == []
    assert violations({"render/terminal/diff.py": "from .layout import Wrapped\nfrom ..json_ import x\n"}) == []
