"""Imports go one way: the core is a library without typer or rich; files are opened only by the modules
whose work it is; every module imports only the layers below its own, and a renderer only the model and
the text layers below it (docs/architecture.md draws them)."""

from __future__ import annotations

import ast
import re
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
            assert rel in ("cli.py", "options.py"), rel
        if "rich" in mods:
            assert rel in ("cli.py", "console_env.py") or rel.startswith("render/terminal"), rel


def test_only_the_reading_and_writing_modules_open_files():
    """open() is called only where reading or writing files is the module's work: documents (load), outputs
    (output), the word index (segment), downloads (fetch), the configuration and baselines (config), a
    session's parsed documents in its scratch folder (session). This
    looks for open( alone: listing a folder (documents) or stat-ing the cache (cli) is not opening."""
    for path in PKG.rglob("*.py"):
        rel = path.relative_to(PKG).as_posix()
        # documents, outputs, caches, the configuration file (and baselines)
        if rel in ("load.py", "output.py", "segment.py", "fetch.py", "config.py", "session.py"):
            continue
        if rel == "isolate.py":  # its own size, in /proc/self/statm, for the reading child's memory limit
            continue
        if rel == "cache.py":  # what the user cache keeps to save work (the helps typer printed, where PDFium is)
            continue
        src = path.read_text("utf-8")
        assert "open(" not in src.replace("tk.initialize", ""), rel


def test_ctypes_is_imported_by_the_pdfium_binding_alone():
    """A wrong ctypes declaration is a crash, not an exception: every foreign call goes through one
    module, whose declarations a test holds against pypdfium2's (tests/test_pdfium.py)."""
    users = sorted(path.relative_to(PKG).as_posix() for path in PKG.rglob("*.py") if "ctypes" in _imports(path))
    assert users == ["pdfium.py"]


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
    {"errors", "model", "notation", "blocks", "workers"},  # the errors; documents and diffs; script
    # ranges and the symbol grammar; typed lines; a process pool that survives its workers
    {"results", "cache"},  # the results of check, session, series, blame and carry; the user cache
    {"normalize", "lang", "segment", "markdown_reader", "help_cache", "pdfium"},  # text passes; what each UN
    # language writes; the Chinese word index; typer's help kept in the user cache and printed again without typer;
    # PDFium's C API (and the reading child's one call of the C library)
    {"layout", "facts", "tokenize", "routine", "selfcheck", "isolate"},  # layouts, facts, tokens, routine labels; a
    # child process under limits
    {"parse", "pdf", "diff", "output", "align"},  # text -> Document; PDF -> text; clause diff; files; alignment
    {"fetch", "comparison"},  # downloads into the cache; two Documents -> DocumentDiff
    {"load"},  # bytes -> text -> Document
    {"documents"},  # paths, folders, standard input and symbols -> the documents a command names
    {"config"},  # the rules and their severities, the configuration file, baselines
    {"check", "series"},  # translation checks; series and blame
    {"carry", "session"},  # drafts from last year's translation; a session of checks
    {"render"},  # every output format
    {"console_env"},  # the terminal a command runs in: streams, colour, pager, width, progress
    {"options", "commands"},  # what commands share: help drawing, choices, options and arguments, language
    # checks; what parse and diff do with their arguments, read by cli (typer) or entry (a plain line)
    {"cli"},  # the command line: arguments -> library call -> renderer -> exit status
    {"entry"},  # the console script's first step: --version answered before typer is imported
    {"__main__"},  # python -m resdiff
]
# Beneath them all, at -1: the exit statuses, which import nothing and which every command's result answers
# (a diff's in model as well); the frozen records the model, the results and the typed lines are made of.
BASE = {"status", "records"}
LAYER = {name: -1 for name in BASE} | {name: k for k, names in enumerate(LAYERS) for name in names}
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
    assert violations({"model.py": "import resdiff.cli\n"}) == ["model.py imports cli (layer 14, its own is 0)"]
    assert violations({"newthing.py": ""}) == ["newthing.py: in no layer (add it to LAYERS and docs/architecture.md)"]
    assert violations({"model.py": "from .status import ExitStatus\n"}) == []
    assert violations({"status.py": "from .errors import ResdiffError\n"}) == [
        "status.py imports errors (layer 0, its own is -1)"]
    assert violations({"parse.py": "from .notation import RES_SYMBOL\n"}) == [
        "parse.py imports notation (above lang, the symbol grammar and scripts are read through lang, the one "
        "home of language knowledge)"]
    assert violations({"cache.py": "from .notation import CACHE_SYMBOL\n"}) == []
    # the other spellings of an import
    assert violations({"parse.py": "from resdiff import check\n"}) == ["parse.py imports check (layer 9, its own is 4)"]
    assert violations({"parse.py": "import importlib\nm = importlib.import_module('resdiff.cli')\n"}) == [
        "parse.py imports cli (layer 14, its own is 4)"]
    assert violations({"model.py": "from importlib import import_module\nm = import_module('.series', 'resdiff')\n"}) == [
        "model.py imports series (layer 9, its own is 0)"]
    assert violations({"render/json_.py": "from ..cli import app\n"}) == [
        "render/json_.py imports cli (layer 14; a renderer imports only layers 0-2 and render/)"]
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


# --- no private part of a dependency ---------------------------------------------------------------

CLI_LIBRARIES = ("typer", "click")


def private_uses(source: str) -> list[str]:
    """Private modules or attributes of typer or click that `source` reaches: an import of `typer._x`,
    `from typer import _x`, `name._x` where `name` was imported from them, a class of theirs changed from
    outside (`TyperArgument.x = ...`), and classes found by walking their bases (`__mro__`) or compared
    by name (`type(e).__name__ == "..."`)."""
    bad = []
    bound = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            for a in node.names:
                if a.name.split(".")[0] in CLI_LIBRARIES:
                    bound.add(a.asname or a.name.split(".")[0])
                    bad += [f"import {a.name}"] if any(p.startswith("_") for p in a.name.split(".")) else []
        elif isinstance(node, ast.ImportFrom) and node.module and node.module.split(".")[0] in CLI_LIBRARIES:
            if any(p.startswith("_") for p in node.module.split(".")):
                bad.append(f"from {node.module} import ...")
            for a in node.names:
                bound.add(a.asname or a.name)
                if a.name.startswith("_"):
                    bad.append(f"from {node.module} import {a.name}")
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and node.value.id in bound:
            if node.attr.startswith("_") and not (node.attr.startswith("__") and node.attr.endswith("__")):
                bad.append(f"{node.value.id}.{node.attr}")
            if isinstance(node.ctx, ast.Store):
                bad.append(f"{node.value.id}.{node.attr} = ... (a class of theirs changed)")
        elif isinstance(node, ast.Attribute) and node.attr == "__mro__":
            bad.append("__mro__ (a class found by walking bases)")
        elif (isinstance(node, ast.Compare) and any(isinstance(x, ast.Attribute) and x.attr == "__name__"
                                                    for x in [node.left, *node.comparators])
              and any(isinstance(x, ast.Constant) and isinstance(x.value, str) for x in [node.left, *node.comparators])):
            bad.append("__name__ == '...' (a class found by name)")
    return bad


def test_no_private_part_of_typer_or_click():
    found = {p.relative_to(PKG).as_posix(): private_uses(p.read_text("utf-8")) for p in PKG.rglob("*.py")}
    assert {rel: uses for rel, uses in found.items() if uses} == {}


def test_the_private_check_finds_each_kind():
    assert private_uses("from typer._completion_classes import completion_init\n") == [
        "from typer._completion_classes import ..."]
    assert private_uses("import typer._completion_shared\n") == ["import typer._completion_shared"]
    assert private_uses("import typer\napp.registered_commands = typer._x\n") == ["typer._x"]
    assert private_uses("from typer.core import TyperArgument\nTyperArgument.make_metavar = f\n") == [
        "TyperArgument.make_metavar = ... (a class of theirs changed)"]
    assert private_uses("import typer\nu = next(c for c in typer.BadParameter.__mro__ if c.__name__ == 'UsageError')\n"
                        ) == ["__mro__ (a class found by walking bases)", "__name__ == '...' (a class found by name)"]
    assert private_uses("import typer\nfrom typer.completion import get_completion_script\ntyper.Exit(2)\n") == []


def test_importing_a_submodule_never_hides_a_name_of_the_package():
    """resdiff.compare is a function; a submodule of that name would replace it the moment it is imported."""
    import resdiff

    assert [n for n in resdiff.__all__ if (PKG / f"{n}.py").exists() or (PKG / n).is_dir()] == []


# --- each language has one home ------------------------------------------------------------------

# What each language writes lives in lang (and the scripts and the symbol grammar in notation, below it): no
# other module holds a Chinese, Arabic or Cyrillic character, not even in a comment. Chinese: CJK radicals,
# symbols and punctuation, kana and bopomofo, enclosed and compatibility characters, the ideographs, vertical,
# compatibility and small forms, full- and half-width forms; Arabic with its supplements and presentation
# forms; Cyrillic with its extensions.
LANGUAGE_HOMES = ("lang.py", "notation.py")
SCRIPT_CHARACTER = re.compile(
    "[\u2e80-\u2fff\u3000-\u303f\u3040-\u30ff\u3100-\u312f\u3190-\u31ff\u3200-\u33ff\u3400-\u4dbf\u4e00-\u9fff"
    "\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef\U00020000-\U0003ffff"
    "\u0600-\u06ff\u0750-\u077f\u0870-\u089f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff"
    "\u0400-\u052f\u1c80-\u1c8f\u2de0-\u2dff\ua640-\ua69f]")
# an escape as a string or a regular expression reads it: \u3001, \U00020000, \N{IDEOGRAPHIC COMMA}
_ESCAPE = re.compile(r"\\(?:u([0-9a-fA-F]{4})|U([0-9a-fA-F]{8})|N\{([^}]+)\})")


def _script_characters(text: str) -> list[str]:
    """The Chinese, Arabic and Cyrillic characters of `text`, but for invisible format controls (the byte-order
    mark, the Arabic letter mark): they belong to no script's writing, and the modules that strip them
    (control characters, decoding) name them."""
    import unicodedata

    return [c for c in SCRIPT_CHARACTER.findall(text) if unicodedata.category(c) != "Cf"]


def _unescaped(value: str) -> str:
    r"""The characters that the escapes written in `value` stand for: a raw string's r"\u3001", which a regular
    expression reads as the character."""
    import unicodedata

    out = []
    for m in _ESCAPE.finditer(value):
        try:
            out.append(unicodedata.lookup(m.group(3)) if m.group(3) else chr(int(m.group(1) or m.group(2), 16)))
        except (KeyError, ValueError):
            continue
    return "".join(out)


def script_literals(source: str) -> list[str]:
    r"""'line: characters' for each line of `source` that holds a Chinese, Arabic or Cyrillic character: in the
    text as written (comments and docstrings included), or in the value of a string constant that starts on
    that line (an escape, "\u3001", or a regular expression's escape in a raw string, r"\u3001")."""
    import unicodedata

    found: dict[int, list[str]] = {}
    for n, line in enumerate(source.splitlines(), 1):
        found.setdefault(n, []).extend(_script_characters(line))
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            shown = ast.get_source_segment(source, node) or ""
            hidden = [c for c in _script_characters(node.value + _unescaped(node.value)) if c not in shown]
            found.setdefault(node.lineno, []).extend(hidden)
    return [f"{n}: " + ", ".join(f"U+{ord(c):04X} {unicodedata.name(c, '')}".rstrip() for c in dict.fromkeys(cs))
            for n, cs in sorted(found.items()) if cs]


def test_no_chinese_arabic_or_cyrillic_character_outside_lang_and_notation():
    """A module asks lang for a language's marks, words and patterns (CLAUSE_ENDS, JOINING_WORDS, OPENING, ...);
    its comments say them in words or name lang's table. Data files (resdiff/data) are no code."""
    found = [f"{rel}:{hit}" for path in sorted(PKG.rglob("*.py"))
             if (rel := path.relative_to(PKG).as_posix()) not in LANGUAGE_HOMES and not rel.startswith("data/")
             for hit in script_literals(path.read_text("utf-8"))]
    assert found == []


def test_the_script_check_finds_each_form_of_a_character():
    assert script_literals('x = "a"\n_LEADS = {"和", "and"}\n') == ["2: U+548C CJK UNIFIED IDEOGRAPH-548C"]
    assert script_literals("x = 1  # the full-width comma, as in ，\n") == ["1: U+FF0C FULLWIDTH COMMA"]
    assert script_literals('x = 1\ny = "\\u3001"\n') == ["2: U+3001 IDEOGRAPHIC COMMA"]
    assert script_literals('P = re.compile(r"[\\u0621-\\u064a]")\n') == [
        "1: U+0621 ARABIC LETTER HAMZA, U+064A ARABIC LETTER YEH"]
    assert script_literals('S = "\\N{CYRILLIC SMALL LETTER A}"\n') == ["1: U+0430 CYRILLIC SMALL LETTER A"]
    assert script_literals('def f():\n    """Opens\n    Да."""\n') == [
        "3: U+0414 CYRILLIC CAPITAL LETTER DE, U+0430 CYRILLIC SMALL LETTER A"]
    # Latin typography, superscripts and invisible format controls are no language's own
    assert script_literals('Q = "«»“”⁰¹"\nB = "\\ufeff\\u061c"\n') == []


# --- short code ------------------------------------------------------------------------------------

MAX_FUNCTION_LINES = 80
MAX_CLI_LINES = 500
# modules whose long functions are being rewritten by other engineers now; this list only shrinks
BEING_REFACTORED_BY_OTHERS: set[str] = set()  # empty: every module keeps to the limit


def long_functions(source: str, limit: int = MAX_FUNCTION_LINES) -> list[str]:
    return [f"{node.name} ({node.end_lineno - node.lineno + 1} lines)" for node in ast.walk(ast.parse(source))
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef) and node.end_lineno - node.lineno + 1 > limit]


def test_no_function_over_80_lines():
    found = {p.relative_to(PKG).as_posix(): long_functions(p.read_text("utf-8")) for p in PKG.rglob("*.py")}
    assert {rel: f for rel, f in found.items() if f and rel not in BEING_REFACTORED_BY_OTHERS} == {}
    assert long_functions("def f():\n" + "    x = 1\n" * 80) == ["f (81 lines)"]


def test_the_command_line_stays_wiring():
    assert len((PKG / "cli.py").read_text("utf-8").splitlines()) < MAX_CLI_LINES


# --- code of our own -------------------------------------------------------------------------------

REPO = PKG.parent
MARKED = re.compile(r"(?i:\b(copied|adapted|ported|borrowed|lifted|taken verbatim) from\b|\bport of\b)"
                    r"|(?i:\btaken from) (https?://|[A-Z][\w.-]*\b|[\w.-]+ \d+\.\d+)")


def _our_text_files() -> list[Path]:
    tracked = subprocess.run(["git", "ls-files"], cwd=REPO, capture_output=True, text=True)
    names = tracked.stdout.split() if tracked.returncode == 0 else []
    files = [REPO / n for n in names] or [*PKG.rglob("*.py"), *(REPO / "tests").glob("*.py"), *REPO.glob("*.md")]
    return [f for f in files if f.suffix in (".py", ".md", ".toml", ".txt", ".cfg", "") and f.is_file()
            and "golden" not in f.parts and "data" not in f.parts]


def test_no_code_marked_as_copied_from_another_project():
    found = [f"{f.relative_to(REPO)}:{n}: {line.strip()}" for f in _our_text_files()
             for n, line in enumerate(f.read_text("utf-8", "replace").splitlines(), 1)
             if MARKED.search(line) and f.name != "test_architecture.py"]
    assert found == []
    assert MARKED.search("# jieba's DAG and route, copied from jieba 0.42.1")
    assert MARKED.search("a port of difflib's matcher") and MARKED.search("taken from typer 0.28.0")
    assert not MARKED.search("a symbol is taken from the cache, in support of the convention")


# the packages resdiff runs on (typer's own copy of click included), whose code must not be found in ours
DEPENDENCIES = ("jieba", "typer", "rich", "diff_match_patch", "pypdfium2", "charset_normalizer")
WINDOW = 6  # consecutive statements, names, strings and numbers blanked: the same code under other names


def _shapes(source: str) -> list[str]:
    """Each logical line of `source` as the shape of its tokens: names, strings and numbers blanked."""
    import io
    import keyword
    import tokenize

    lines: dict[int, list[str]] = {}
    skip = {tokenize.COMMENT, tokenize.NL, tokenize.NEWLINE, tokenize.INDENT, tokenize.DEDENT, tokenize.ENCODING,
            tokenize.ENDMARKER}
    try:
        for t in tokenize.generate_tokens(io.StringIO(source).readline):
            if t.type not in skip:
                shape = {tokenize.STRING: "S", tokenize.NUMBER: "0"}.get(t.type, t.string)
                if t.type == tokenize.NAME and not keyword.iskeyword(t.string):
                    shape = "N"
                lines.setdefault(t.start[0], []).append(shape)
    except (tokenize.TokenError, SyntaxError):
        return []
    return [" ".join(v) for _, v in sorted(lines.items())]


def _windows(source: str):
    """Runs of WINDOW lines substantial enough to be told apart: 60 characters of shape, at least WINDOW - 1
    different lines (a table of look-alike lines is no algorithm), no imports."""
    shapes = _shapes(source)
    for k in range(len(shapes) - WINDOW + 1):
        run = shapes[k:k + WINDOW]
        if sum(map(len, run)) >= 60 and len(set(run)) >= WINDOW - 1 and not any(
                s.startswith(("import ", "from ")) for s in run):
            yield "\n".join(run)


def copied_code(ours: dict[str, str], theirs: dict[str, str]) -> list[str]:
    """Where a run of our lines has the shape of a run of a dependency's."""
    seen = {w: name for name, src in theirs.items() for w in _windows(src)}
    return [f"{rel} has the code of {seen[w]}" for rel, src in ours.items() for w in _windows(src) if w in seen][:5]


def _dependency_sources() -> dict[str, str]:
    import importlib.util

    out = {}
    for name in DEPENDENCIES:
        spec = importlib.util.find_spec(name)
        for folder in (spec.submodule_search_locations or []) if spec else []:
            for p in Path(folder).rglob("*.py"):
                if p.stat().st_size < 300_000:  # generated bindings and probability tables are no algorithm
                    out[f"{name}/{p.relative_to(folder).as_posix()}"] = p.read_text("utf-8", "replace")
    return out


def test_no_code_found_in_a_dependency():
    theirs = _dependency_sources()
    assert "jieba/__init__.py" in theirs
    ours = {p.relative_to(REPO).as_posix(): p.read_text("utf-8")
            for folder in (PKG, REPO / "tests", REPO / "bench") for p in folder.rglob("*.py")}
    assert copied_code(ours, theirs) == []
    # the check finds jieba's route walk under other names
    jieba = theirs["jieba/__init__.py"]
    start = jieba.index("        x = 0\n        buf = ''")
    renamed = jieba[start:start + 600].replace("buf", "pending").replace("l_word", "word").replace("'", '"')
    assert copied_code({"planted.py": "def walk():\n" + renamed}, theirs)


# --- the README is the manual ----------------------------------------------------------------------

def test_the_readme_is_the_manual_and_opens_with_its_two_commands():
    """At most 350 lines, opening with two commands: set up and run the main job on the samples, set up
    and run the whole test suite (the one .ci/run runs in a fresh clone)."""
    text = (REPO / "README.md").read_text("utf-8")
    assert len(text.splitlines()) <= 350
    first = text.split("```sh\n", 1)[1].split("```", 1)[0].splitlines()
    assert text.index("```sh") < text.index("\n## ")
    assert len(first) == 2 and "resdiff diff samples/" in first[0] and first[1].endswith("-m pytest -q")
    for heading in ("## Install", "## Commands", "## Formats", "## Exit codes", "## Inputs"):
        assert f"\n{heading}\n" in text, heading


def test_findings_are_built_from_named_fields_only():
    """A finding names each field it is given: a positional one (which field is the fourth?) is refused."""
    import inspect

    import pytest

    from resdiff.results import DocumentFinding, Finding

    for kind in (Finding, DocumentFinding):
        params = inspect.signature(kind).parameters.values()
        assert all(p.kind is p.KEYWORD_ONLY for p in params), kind.__name__
        with pytest.raises(TypeError):
            kind(*["x"] * len(params))
