"""What a reviser sees (issue #14): excerpts that never cut a token, legends that list only what the
output holds, one vocabulary of change kinds, blame that names routine updates, help that reads like
a manual, --pager/--color/NO_COLOR on every command, --steps in every format, the HTML at a phone's
width and a desktop's. The golden files of these views are tests/test_golden.py's (ux-*).
"""

from __future__ import annotations

import json
import os
import re

import pytest
from edited import write_edited
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from layout import ROOT, en_spec, examples, render, seed_spec
from runcli import invoke as _invoke

from resdiff import compare, parse_text
from resdiff.console_env import ConsoleEnv
from resdiff.model import DELETE, MODIFIED
from resdiff.render.terminal.diff import excerpt
from resdiff.render.terminal.layout import ELIDED, excerpt_items, fit_items
from resdiff.tokenize import tokens

OLD = str(ROOT / "samples/illustrative/ILLUSTRATIVE-A-RES-74-62.zh.txt")
NEW = str(ROOT / "samples/A-RES-75-62.zh.txt")
COMMANDS = ("parse", "diff", "series", "blame", "fetch", "check", "carry", "completion", "cache")


def _diff(old, new, *extra):
    return _invoke(["diff", old, new, "--no-pager", "--color", "never", *extra], 1).stdout


def test_routine_pp1_never_cuts_a_symbol():
    for width in ("80", "120", "200"):
        for view in ("inline", "summary"):
            out = _diff(OLD, NEW, "--width", width, "--view", view)
            assert not re.search(r"(?<![\d/])\d/\d\d(?!\d)", out), out  # never 4/62 for 74/62
            assert "… 约》" not in out and not re.search(r"…\s*[^《\s]*》", out)


def test_legend_lists_only_what_the_output_holds(tmp_path, monkeypatch):
    out = _diff(OLD, NEW, "--width", "120")
    legend = next(line for line in out.splitlines() if line.startswith("legend:"))
    assert "PP13 → PP14 = renumbered" in legend and "OP9 → OP8" not in out
    write_edited(tmp_path)
    monkeypatch.chdir(tmp_path)
    out = _diff("base.txt", "plain.txt", "--width", "120")
    legend = next(line for line in out.splitlines() if line.startswith("legend:"))
    assert "= renumbered" not in out and "renumbered:" not in out
    assert "moved" not in legend and "routine" not in legend
    for fmt in ("markdown", "html"):
        text = _invoke(["diff", "base.txt", "plain.txt", "-f", fmt], 1).stdout
        legend = next(line for line in text.splitlines() if "Legend" in line)
        assert "renumbered" not in legend and "moved" not in legend and "routine" not in legend


def test_one_vocabulary_in_totals():
    out = _diff(OLD, NEW, "--width", "200")
    assert ("30 paragraph entries: 25 unchanged; 2 substantive (1 modified, 1 inserted, 0 deleted); 3 routine; "
            "0 editorial; 0 moved, 6 renumbered") in out
    r = _invoke(["series", str(ROOT / "samples"), "--no-pager", "--color", "never", "--width", "200"], 1)
    lines = r.stdout.splitlines()
    header = next(k for k, line in enumerate(lines) if line.strip().startswith("paragraph"))
    columns = {}
    for line in lines[header + 2:]:
        cells = line.split()
        if cells and cells[0] in ("new", "modified", "routine", "gone"):
            columns[cells[0]] = [int(x) for x in cells[1:]]
    # a column counts a lineage once: a routine update is not also 'modified'
    body = "\n".join(lines[header + 2:])
    assert body.count("✎ modified") == sum(columns["modified"])
    assert body.count("~ routine") == sum(columns["routine"])
    assert "changed" not in r.stdout.split("paragraph")[1]


def test_json_stats_add_the_vocabulary():
    data = json.loads(_invoke(["diff", OLD, NEW, "-f", "json"], 1).stdout)
    assert data["stats"]["renumbered"] == 6 and data["stats"]["routine"] == 3
    assert data["stats"]["modified"] == 4  # the contract's: every modification, routine ones included


def test_blame_says_when_the_last_change_was_routine():
    r = _invoke(["blame", str(ROOT / "samples"), "--no-pager", "--color", "never", "--width", "120"], 0)
    pp1 = next(line for line in r.stdout.splitlines() if line.startswith("PP1 "))
    assert re.search(r"last changed 75/62 \(routine; wording from \d+/\d+\)", pp1), pp1
    data = json.loads(_invoke(["blame", str(ROOT / "samples"), "-f", "json"], 0).stdout)
    first = data["paragraphs"][0]
    assert first["routine"] is True and first["changed"] == "A/RES/75/62" and first["wording"] != first["changed"]


def test_summary_uses_the_width_and_leaves_no_trailing_space(tmp_path, monkeypatch):
    write_edited(tmp_path)
    monkeypatch.chdir(tmp_path)
    wide = _diff("base.txt", "long.txt", "--view", "summary", "--width", "200")
    narrow = _diff("base.txt", "long.txt", "--view", "summary", "--width", "80")
    assert "所作的努力" in wide and "所作的努力" not in narrow
    for out in (wide, narrow, _diff(OLD, NEW, "--view", "summary", "--width", "80")):
        assert all(line == line.rstrip() for line in out.splitlines())
        for line in out.splitlines():  # markers never broken
            assert line.count("[-") == line.count("-]") and line.count("{+") == line.count("+}"), line
    assert "renumbered: PP13–PP18→PP14–PP19" in _diff(OLD, NEW, "--view", "summary", "--width", "80")


def test_split_marks_where_the_second_paragraph_begins(tmp_path, monkeypatch):
    write_edited(tmp_path)
    monkeypatch.chdir(tmp_path)
    out = _diff("base.txt", "split.txt", "--width", "100")
    assert re.search(r"^\s+\{\+¶ OP9\+\}", out, re.MULTILINE), out


# --- the property: no excerpt cuts a token of the document's own tokenizer -------------------------

def _bounds(text: str) -> set[int]:
    out, pos = {0}, 0
    for t in tokens(text):
        pos += len(t)
        out.add(pos)
    return out


def _check_cuts(c, items) -> None:
    for k, (op, _s, _pos) in enumerate(items):
        if op != ELIDED:
            continue
        for n, at_end in ((k - 1, True), (k + 1, False)):
            if 0 <= n < len(items) and items[n][0] != ELIDED:
                nop, ns, npos = items[n]
                text = c.old_text if nop == DELETE else c.new_text
                cut = npos + len(ns) if at_end else npos
                assert text[npos:npos + len(ns)] == ns
                assert cut in _bounds(text), (text[max(0, cut - 8):cut], text[cut:cut + 8])
                for m in re.finditer(r"《[^《》]*》|“[^“”]*”", text):
                    assert not m.start() < cut < m.end(), m.group(0)


_SPECS = {"zh": seed_spec(), "en": en_spec()}


@settings(max_examples=examples(25), deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.too_slow])
@given(lang=st.sampled_from(["zh", "en"]), data=st.data())
def test_no_excerpt_cuts_a_token(lang, data):
    spec = _SPECS[lang]
    new = spec.copy()
    for _ in range(data.draw(st.integers(1, 4))):
        k = data.draw(st.integers(0, len(new.paras) - 1))
        text = new.paras[k].text
        words = tokens(text)
        i = data.draw(st.integers(0, len(words)))
        j = data.draw(st.integers(i, min(len(words), i + 3)))
        piece = data.draw(st.sampled_from(["2021", "75/62", "新的", "additional", "《公约》", ""]))
        new.paras[k].text = "".join(words[:i]) + piece + "".join(words[j:])
    result = compare(parse_text(render(spec)), parse_text(render(new)))
    for c in result.changes:
        if c.kind != MODIFIED:
            continue
        for around in (0, 6, 12, 24):
            items = excerpt_items(c, around)
            _check_cuts(c, items)
            for room in (16, 30, 52, 100):
                _check_cuts(c, fit_items(items, c.old_text, c.new_text, room, markers=True))
                shown = excerpt(c, True, room, around).plain
                assert shown.count("[-") == shown.count("-]") and shown.count("{+") == shown.count("+}")


# --- every command: --pager/--no-pager, --color, NO_COLOR -----------------------------------------

def _args(command: str, tmp) -> tuple[list[str], int]:
    """A command's arguments, and its exit status (the two versions of diff and series differ)."""
    en = str(ROOT / "tests/data/A-RES-75-62.en.unofficial.txt")
    return {"parse": (["parse", NEW], 0), "diff": (["diff", OLD, NEW], 1),
            "series": (["series", str(ROOT / "samples")], 1), "blame": (["blame", str(ROOT / "samples")], 0),
            "check": (["check", en, NEW], 0), "carry": (["carry", en, en, NEW], 0)}[command]


@pytest.mark.parametrize("command", ["parse", "diff", "series", "blame", "check", "carry"])
def test_every_command_takes_pager_and_color(command, tmp_path):
    pages = []
    env = ConsoleEnv(pager=pages.append)  # the process's streams, a pager that keeps what it is given
    base, status = _args(command, tmp_path)
    r = _invoke([*base, "--no-pager", "--color", "always"], status, env={"NO_COLOR": "1"}, obj=env)
    if command != "carry":  # carry's report has no colour to give
        assert "\x1b[" in r.stdout, "--color always wins over NO_COLOR"
    assert not pages
    r = _invoke([*base, "--no-pager"], status, env={"NO_COLOR": "1"}, obj=env)
    assert "\x1b[" not in r.stdout
    r = _invoke([*base, "--no-pager", "--color", "never"], status, obj=env)
    assert "\x1b[" not in r.stdout
    r = _invoke([*base, "--pager", "--color", "never"], status, obj=env)
    assert pages and pages[0].strip() and r.stdout == ""


# --- help ----------------------------------------------------------------------------------------

_PYTHON_TYPES = re.compile(r"<(str|int|float|bool|path)\b|list\[|tuple\[|Usage:.*\{\w+\}|int range|float range|<\w+,")


@pytest.mark.parametrize("command", ["", *COMMANDS])
@pytest.mark.parametrize("columns", ["60", "80", "120", "200"])
def test_help_reads_like_a_manual(command, columns):
    r = _invoke([*([command] if command else []), "--help"], 0, env={"COLUMNS": columns})
    text = r.stdout
    assert not _PYTHON_TYPES.search(text), _PYTHON_TYPES.search(text).group(0)
    assert "..." not in text.replace("FILE...", "").replace("SYMBOL...", "").replace("[ARGS]...", ""), text
    if command:
        assert "Examples:" in text and f"resdiff {command} " in text.split("Examples:")[1]
        for line in text.splitlines():
            m = re.match(r"\s+(-\w, )?--[\w-]+( [A-Z_ ]+)?\s*$", line)
            assert not m or "--help" in line or _has_help_below(text, line), f"option without help: {line}"
    else:
        for name in COMMANDS:
            assert re.search(rf"^\s+{name}\s+\S", text, re.MULTILINE)


def _has_help_below(text: str, line: str) -> bool:
    lines = text.splitlines()
    k = lines.index(line)
    return k + 1 < len(lines) and lines[k + 1].startswith(" " * 20)


def test_every_format_option_has_help():
    for command in ("parse", "diff", "series", "blame", "check", "carry"):
        text = _invoke([command, "--help"], 0, env={"COLUMNS": "200"}).stdout
        line = next(x for x in text.splitlines() if x.lstrip().startswith("-f, --format"))
        assert "Output format:" in line, line


def test_a_bad_value_is_plainly_said(capsys):
    from resdiff.cli import main

    with pytest.raises(SystemExit) as e:
        import sys

        sys.argv = ["resdiff", "diff", OLD, NEW, "--view", "sbs"]
        main()
    assert e.value.code == 2
    err = capsys.readouterr().err
    assert "Value error" not in err and "'sbs' is not one of 'inline', 'side-by-side', 'summary'" in err


@pytest.mark.parametrize("shell", ["bash", "zsh", "fish"])
def test_shell_completion(shell, monkeypatch):
    r = _invoke(["completion", shell], 0)
    assert "_RESDIFF_COMPLETE" in r.stdout
    import subprocess
    import sys

    env = {**os.environ, "_RESDIFF_COMPLETE": f"complete_{shell}", "COMP_WORDS": "resdiff diff --vi",
           "COMP_CWORD": "2", "_TYPER_COMPLETE_ARGS": "resdiff diff --vi", "_TYPER_COMPLETE_FISH_ACTION": "get-args"}
    out = subprocess.run([sys.executable, "-c", "from resdiff.cli import app; app(prog_name='resdiff')"],
                         env=env, capture_output=True, text=True).stdout
    assert "--view" in out


# --- --steps in every format -----------------------------------------------------------------------

def test_steps_in_markdown_and_html():
    for fmt in ("markdown", "html"):
        without = _invoke(["series", str(ROOT / "samples"), "-f", fmt], 1).stdout
        with_steps = _invoke(["series", str(ROOT / "samples"), "-f", fmt, "--steps"], 1).stdout
        assert "74/62 → 75/62" in with_steps and "74/62 → 75/62" not in without
        assert ("<del>" in with_steps and "<ins>" in with_steps) and "<ins>" not in without


# --- the HTML report at a phone's width and a desktop's ---------------------------------------------

def test_html_in_chromium_at_phone_and_desktop_width(tmp_path):
    from test_views import ARTIFACTS, _browser

    report = tmp_path / "report.html"
    _invoke(["diff", OLD, NEW, "-f", "html", "-o", str(report)], 1)
    browser = _browser()
    try:
        ARTIFACTS.mkdir(exist_ok=True)
        for width, name in ((400, "phone"), (1280, "desktop")):
            browser.set_window_size(width, 900)
            browser.get(report.as_uri())
            browser.execute_script("document.getElementById('show-sbs').click()")
            scroll = browser.execute_script("return document.documentElement.scrollWidth")
            inner = browser.execute_script("return document.documentElement.clientWidth")
            assert scroll <= inner, f"horizontal scroll at {width}px: {scroll} > {inner}"
            old, new = (browser.execute_script(f"var r = document.querySelector('#c4 .{s}').getBoundingClientRect();"
                                               "return [r.left, r.top, r.width];") for s in ("old", "new"))
            if name == "desktop":  # side by side, each column readable
                assert new[0] > old[0] + old[2] - 1 and old[2] > 400 and abs(old[1] - new[1]) < 2
            else:  # stacked on the phone
                assert new[1] > old[1] and old[2] > 300
            browser.save_screenshot(str(ARTIFACTS / f"report-{name}.png"))
    finally:
        browser.quit()
