"""What a cold command computes at start-up, beyond what it needs: checked by what is built, never by time
(bench/cli_startup.py and bench/bench.py measure the time)."""

from __future__ import annotations

import inspect
import io
import re
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest


def test_the_commands_annotations_are_built_with_the_module_not_evaluated_from_strings():
    """Annotations written as strings (`from __future__ import annotations` in cli.py) are each compiled by
    eval() when the command line is built, at every start."""
    from resdiff import cli

    for name in ("parse", "diff", "check"):
        command = inspect.unwrap(getattr(cli, name))
        assert command.__annotations__ and not any(isinstance(a, str) for a in command.__annotations__.values())


def _caseless_chars() -> str:
    return "".join(c for c in map(chr, range(0x110000)) if not 0xD800 <= ord(c) <= 0xDFFF
                   and c.lower() == c == c.upper())


def test_the_zh_vocabulary_pattern_finds_only_its_own_characters_in_a_text_without_letter_case():
    """Under IGNORECASE a character of the pattern could find another character: in a caseless text, none of
    the vocabulary's does, so a caseless text is read by looking its words up (routine._drop_caseless_words)."""
    import re

    from resdiff import routine
    from resdiff.lang import ZH_NUMERAL

    caseless = _caseless_chars()
    for ch in set("".join(routine._vocabulary_words("zh"))) | set(ZH_NUMERAL):
        found = set(re.findall(re.escape(ch), caseless, re.IGNORECASE))
        assert found == ({ch} if ch in caseless else set()), ch


def test_a_chinese_piece_is_read_as_routine_without_compiling_the_vocabulary_and_as_the_pattern_reads_it():
    import random

    from resdiff import routine
    from resdiff.lang import ZH_NUMERAL

    routine._CACHE.pop("zh", None)
    assert routine.is_routine([("delete", "和 2019 年 12 月 12 日第 74/62 号"), ("insert", "五")], "zh")
    assert not routine.is_routine([("insert", "将于 11 月")], "zh")
    assert "zh" not in routine._CACHE  # the 150-word pattern was never compiled
    words = sorted(routine._vocabulary_words("zh"))
    pool = [*words, *ZH_NUMERAL, "将", "于", " ", "、", "，", "A", "ſ", "ı", "K", "de", "年月", "周", "年"]
    pattern = routine._vocabulary("zh")
    rng = random.Random(7)
    for _ in range(3000):
        text = "".join(rng.choice(pool) for _ in range(rng.randint(0, 8)))
        if text.lower() == text == text.upper():
            assert routine._drop_caseless_words(text) == pattern.sub(" ", text), text
        assert routine.leftover(text, "zh") == re.sub(r"[\W_]+", "", pattern.sub(" ", routine._NUMBER.sub(
            " ", routine._SYMBOL.sub(" ", unicodedata.normalize("NFKC", text))))), text


# --- a plain command line, read without typer (entry.run_plain) ------------------------------------------

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
OLD = SAMPLES / "illustrative" / "ILLUSTRATIVE-A-RES-74-62.zh.txt"
NEW = SAMPLES / "A-RES-75-62.zh.txt"
OTHER = SAMPLES / "illustrative" / "ILLUSTRATIVE-A-RES-63-71.zh.txt"
EN = SAMPLES.parent / "tests" / "data" / "A-RES-75-62.en.unofficial.txt"
ZH = NEW
ZH_EDITED = "ZH_EDITED"  # the Chinese text with a date and a number changed: a check with findings


def _env(environ=None):
    from resdiff.console_env import ConsoleEnv

    return ConsoleEnv(io.StringIO(), io.StringIO(), stdout_tty=False, stderr_tty=False,
                      environ={} if environ is None else environ, size=(100, 40))


def _both(args, tmp_path):
    """What the plain path and typer's give for `args`: (status, stdout, stderr, the -o file) each."""
    from resdiff import cli, entry

    got = []
    edited = tmp_path / "edited.zh.txt"
    edited.write_text(ZH.read_text("utf-8").replace("11 月 23 日", "11 月 24 日").replace("第 74/62 号", "第 74/63 号"),
                      "utf-8")
    session = {"SESSION_SRC": str(tmp_path / "src"), "SESSION_TGT": str(tmp_path / "tgt"), ZH_EDITED: str(edited)}
    if "SESSION_SRC" in args:  # two folders: a session of two pairs
        for side, text in (("src", EN), ("tgt", edited)):
            (tmp_path / side).mkdir()
            for sym in ("75/62", "75/63"):
                (tmp_path / side / f"{sym[3:]}.txt").write_text(text.read_text("utf-8").replace("75/62", sym), "utf-8")
    for way in ("plain", "typer"):
        out = tmp_path / way / "out.html"
        out.parent.mkdir()
        line = [str(out) if a == "OUT" else session.get(a, a) for a in args]
        env = _env()
        status = entry.run_plain(line, env) if way == "plain" else cli.run(line, env)
        assert status is not None, "not read as a plain line"
        said = [s.replace(str(out.parent), "WAY") for s in (env.stdout.getvalue(), env.stderr.getvalue())]
        got.append((int(status), *said, out.read_bytes().replace(str(out.parent).encode(), b"WAY")
                    if out.exists() else None))
    return got


@pytest.mark.parametrize("args", [
    ["diff", OLD, NEW, "--format", "json"],
    ["diff", OLD, NEW],
    ["diff", OLD, NEW, "--color", "never", "--width", "100"],
    ["diff", OLD, NEW, "-f", "markdown", "--context", "2", "--hide-editorial", "--fail-on", "substantive"],
    ["diff", "--view", "summary", OLD, "--show-routine", NEW, "--no-pager", "--strict", "--lang", "zh"],
    ["diff", OLD, NEW, "--view", "side-by-side", "-C", "1", "--color", "always", "--pager"],
    ["diff", OLD, NEW, "--format", "html", "-o", "OUT"],
    ["diff", OLD, OLD, "--format", "json"],
    ["diff", OLD, OTHER],
    ["diff", OLD, OTHER, "--force", "--format", "json"],
    ["diff", OLD, "missing.txt"],
    ["diff", OLD, NEW, "-o", OLD],
    ["parse", NEW, "--format", "json"],
    ["parse", NEW, "--width", "60"],
    ["parse", "missing.txt", "--format", "json"],
    ["check", EN, ZH, "--format", "json"],
    ["check", EN, ZH],
    ["check", EN, ZH_EDITED, "-f", "sarif", "--fail-on", "warning", "--source-lang", "en", "--target-lang", "zh"],
    ["check", EN, ZH_EDITED, "--format", "html", "-o", "OUT", "--max-findings", "1", "--strict", "--force"],
    ["check", EN, ZH_EDITED, "--color", "always", "--width", "80", "--no-pager", "--max-findings", "0"],
    ["check", EN, ZH_EDITED, "-f", "junit", "--glossary", "missing.tbx"],
    ["check", EN, ZH_EDITED, "-f", "github", "--config", "missing.toml"],
    ["check", EN, ZH_EDITED, "-f", "json", "--baseline", "missing.json", "-j", "2"],
    ["check", "SESSION_SRC", "SESSION_TGT", "-f", "json", "--jobs", "1", "--executor", "processes"],
    ["check", "SESSION_SRC", "SESSION_TGT", "--write-baseline", "OUT"],
    ["check", EN, EN],
    ["check", EN, "missing.txt"],
    ["check", "--manifest", "missing.tsv", EN, ZH],
], ids=lambda a: " ".join(Path(str(x)).name for x in a))
def test_a_plain_line_gives_what_typer_gives(args, tmp_path):
    plain, typer_ = _both([str(a) for a in args], tmp_path)
    assert plain == typer_


@pytest.mark.parametrize("args", [
    ["diff", OLD, NEW, "--format=json"], ["diff", OLD, NEW, "--lang", "xx"], ["diff", OLD, NEW, "--width", "19"],
    ["diff", OLD, NEW, "--width", "2O"], ["diff", OLD], ["diff", OLD, NEW, OTHER], ["diff", OLD, NEW, "--help"],
    ["diff", "-", NEW], ["diff", OLD, NEW, "--", "x"], ["diff", OLD, NEW, "--color"], ["diff", OLD, NEW, "-o", "-"],
    ["diff", OLD, NEW, "--format", "JSON"], ["diff", OLD, NEW, "-f", "json", "--format", "json"],
    ["diff", OLD, NEW, "--pager", "--no-pager"], ["diff", OLD, NEW, "-fjson"], ["diff", OLD, NEW, "--context", "-1"],
    ["parse", NEW, "--format", "markdown"], ["parse", NEW, "--view", "summary"], ["--debug", "diff", OLD, NEW],
    ["series", OLD, NEW], ["diff", OLD, NEW, "--pdf-memory", "1G"], [],
    ["check", EN, ZH, "--previous", EN, ZH], ["check", EN, ZH, "--time-limit", "5"], ["check", EN, ZH, "--lang", "zh"],
    ["check", EN, ZH, "--disable", "ordinal-mismatch"], ["check", EN, ZH, "--executor", "dask", "--scheduler", "x"],
    ["check", "--manifest", "pairs.tsv"], ["check", EN], ["check", EN, ZH, "--source-lang", "xx"],
    ["check", EN, ZH, "-f", "markdown"], ["check", EN, ZH, "--jobs", "0"], ["check", EN, ZH, "--pdf-timeout", "3"],
], ids=lambda a: " ".join(Path(str(x)).name for x in a))
def test_any_other_line_is_left_to_typer(args):
    from resdiff.entry import plain_line

    assert plain_line([str(a) for a in args], {}) is None


def test_a_line_is_left_to_typer_where_the_environment_speaks_to_typer():
    from resdiff.entry import plain_line

    line = ["diff", str(OLD), str(NEW)]
    assert plain_line(line, {}) is not None
    for name in ("RESDIFF_PDF_MEMORY", "RESDIFF_PDF_TIMEOUT", "_RESDIFF_COMPLETE"):
        assert plain_line(line, {name: "1"}) is None, name


def test_the_plain_lines_options_are_the_commands_own():
    """entry.PLAIN names, for parse and diff, typer's own parameters, defaults and option names."""
    import typer.main

    from resdiff import cli, entry

    for name, (arguments, defaults, options) in entry.PLAIN.items():
        command = typer.main.get_command(cli._app_of(name)).commands[name]
        read_from_environment = {v for p in command.params for v in ([p.envvar] if isinstance(p.envvar, str)
                                                                      else p.envvar or ())}
        assert read_from_environment <= set(entry._ENVIRONMENT)  # a line is left to typer where one is set
        params = {p.name: p for p in command.params if p.name not in ("pdf_memory", "pdf_timeout")}
        assert list(params) == [*arguments, *defaults] or set(params) == {*arguments, *defaults}
        for p in params.values():
            if p.name in defaults:
                assert p.default == defaults[p.name], p.name
        for flag, option in options.items():
            if option is None:  # left to typer: an option of the command's
                assert any(flag in p.opts + p.secondary_opts for p in params.values()), flag
                continue
            param, takes = option
            p = params[param]
            assert flag in p.opts + p.secondary_opts, flag
            if isinstance(takes, tuple):
                assert tuple(p.type.choices) == takes, flag
            elif type(takes) is bool:
                assert p.is_flag and (flag in p.opts) == takes, flag
            elif isinstance(takes, int):
                assert type(p.type).__name__ == "IntRange" and p.type.min == takes, flag
        named = {o for p in params.values() for o in p.opts + p.secondary_opts if p.name not in arguments}
        assert named == set(options)  # every option of the command is read, or the line left to typer


def test_a_plain_json_diff_imports_no_typer(tmp_path):
    code = ("import atexit, sys\n"
            "atexit.register(lambda: sys.__stderr__.write('\\nMODULES ' + ' '.join(sorted(sys.modules)) + '\\n'))\n"
            "sys.argv = ['resdiff', *sys.argv[1:]]\n"
            "from resdiff.entry import main\n"
            "main()\n")
    r = subprocess.run([sys.executable, "-c", code, "diff", str(OLD), str(NEW), "--format", "json"],
                       capture_output=True, text=True, env={"PATH": "/usr/bin:/bin", "RESDIFF_CACHE_DIR": str(tmp_path)})
    assert r.returncode == 1 and r.stdout.startswith("{")
    modules = r.stderr.rsplit("MODULES ", 1)[1].split()
    assert "resdiff.comparison" in modules and not [m for m in modules if m.split(".")[0] in ("typer", "click")]


def test_a_plain_json_session_check_imports_no_typer(tmp_path):
    """The main process of a session is its serial part: a plain `check` line reads its options without typer,
    and a report in a text format is written without rich (which only a terminal view draws with)."""
    for side, text in (("src", EN), ("tgt", ZH)):
        (tmp_path / side).mkdir()
        (tmp_path / side / "a.txt").write_text(text.read_text("utf-8"), "utf-8")
    code = ("import atexit, sys\n"
            "atexit.register(lambda: sys.__stderr__.write('\\nMODULES ' + ' '.join(sorted(sys.modules)) + '\\n'))\n"
            "sys.argv = ['resdiff', *sys.argv[1:]]\n"
            "from resdiff.entry import main\n"
            "main()\n")
    r = subprocess.run([sys.executable, "-c", code, "check", str(tmp_path / "src"), str(tmp_path / "tgt"), "-f", "json",
                        "--jobs", "1"], capture_output=True, text=True,
                       env={"PATH": "/usr/bin:/bin", "RESDIFF_CACHE_DIR": str(tmp_path)})
    assert r.returncode == 0 and '"passed": true' in r.stdout
    modules = r.stderr.rsplit("MODULES ", 1)[1].split()
    assert "resdiff.session" in modules and not [m for m in modules if m.split(".")[0] in ("typer", "click", "rich")]


def test_a_carried_draft_in_a_text_format_is_written_without_rich(tmp_path):
    """rich tells the terminal's width, which a text format (XLIFF here) never reads: carry, like check,
    asks for it only for a terminal view."""
    code = ("import atexit, sys\n"
            "atexit.register(lambda: sys.__stderr__.write('\\nMODULES ' + ' '.join(sorted(sys.modules)) + '\\n'))\n"
            "sys.argv = ['resdiff', *sys.argv[1:]]\n"
            "from resdiff.entry import main\n"
            "main()\n")
    r = subprocess.run([sys.executable, "-c", code, "carry", str(EN), str(EN), str(ZH), "--format", "xliff"],
                       capture_output=True, text=True, env={"PATH": "/usr/bin:/bin", "RESDIFF_CACHE_DIR": str(tmp_path)})
    assert r.returncode in (0, 1) and "<xliff" in r.stdout, r.stderr[-300:]
    modules = r.stderr.rsplit("MODULES ", 1)[1].split()
    assert "resdiff.carry" in modules and not [m for m in modules if m.split(".")[0] == "rich"]
