"""A pyproject.toml found in the working folder is handed to the TOML parser only where it may configure
resdiff, that is where it names resdiff or writes an escape that could: whichever way TOML lets a
[tool.resdiff] table be written, it is honoured; a project file that only names resdiff elsewhere (its
name, a script, a comment, a string) configures nothing; one that never names it is not read at all."""

from __future__ import annotations

import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from resdiff.config import _may_hold_our_table, load_config
from resdiff.errors import InputError

ROOT = Path(__file__).resolve().parent.parent

# each defines tool.resdiff with disable = ["symbol-mismatch"]
OURS = [
    '[tool.resdiff]\ndisable = ["symbol-mismatch"]\n',
    '[ "tool" . "resdiff" ]\ndisable = ["symbol-mismatch"]\n',
    "[ 'tool'.'resdiff' ] # ours\ndisable = ['symbol-mismatch']\n",
    'tool = {resdiff = {disable = ["symbol-mismatch"]}}\n',
    'tool.resdiff.disable = ["symbol-mismatch"]\n',
    '[tool]\nresdiff = { disable = ["symbol-mismatch"] }\n',
    '[tool]\nresdiff.disable = ["symbol-mismatch"]\n',
    '[tool]\n"resdiff" . disable = ["symbol-mismatch"]\n',
    '[tool."res\\u0064iff"]\ndisable = ["symbol-mismatch"]\n',
    '[tool]\nx = { y = [\n1], z = 2 }\nresdiff = {disable = ["symbol-mismatch"]}\n',
    '[project]\nname = "resdiff"\n[tool]\ndoc = """\n[project]\n"""\nresdiff = {disable = ["symbol-mismatch"]}\n',
    '[project]\nname = "resdiff"\n[tool]\nx = [\n  [1],\n  [2]\n]\nresdiff = {disable = ["symbol-mismatch"]}\n',
    '[tool.resdiff]\ndisable = ["symbol-mismatch"]\n[[tool.resdiff.rules]]\nid = "r"\npattern = "x"\nmessage = "m"\n',
]
# each names resdiff, none defines tool.resdiff
THEIRS = [
    (ROOT / "pyproject.toml").read_text("utf-8"),
    '[project]\nname = "resdiff"\n[project.scripts]\nresdiff = "resdiff.entry:main"\n',
    '[tool.setuptools.package-data]\nresdiff = ["data/*.txt"]\n[tool.ruff]\nline-length = 120\n',
    '[tool] # resdiff\nx = ["resdiff", # resdiff\n  "[tool.resdiff]"]\n',
    "[a]\nb = '''\n[tool]\nresdiff = 1\n'''\nc = \"x\\\"resdiff\"\n",
    '[tool.x]\nresdiff = {disable = ["symbol-mismatch"]}\n',
]


@pytest.mark.parametrize("text", OURS)
def test_every_way_of_writing_the_table_is_honoured(text, tmp_path, monkeypatch):
    assert "resdiff" in tomllib.loads(text)["tool"]
    monkeypatch.chdir(tmp_path)
    Path("pyproject.toml").write_text(text, encoding="utf-8")
    assert "symbol-mismatch" in load_config().disabled


@pytest.mark.parametrize("text", THEIRS)
def test_a_project_file_that_only_names_resdiff_configures_nothing(text, tmp_path, monkeypatch):
    data = tomllib.loads(text)
    assert "resdiff" not in data.get("tool", {})
    monkeypatch.chdir(tmp_path)
    Path("pyproject.toml").write_text(text, encoding="utf-8")
    assert load_config() == load_config(str(Path("pyproject.toml")))


def test_a_project_file_that_never_names_resdiff_is_not_parsed(tmp_path):
    other = (ROOT / "pyproject.toml").read_text("utf-8").replace("resdiff", "otherpkg")
    (tmp_path / "pyproject.toml").write_text(other, encoding="utf-8")
    code = "import sys\nfrom resdiff.config import load_config\nload_config()\nprint('tomllib' in sys.modules)"
    r = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, capture_output=True, text=True, timeout=60,
                       env={"PYTHONPATH": str(ROOT)})
    assert r.stdout.strip() == "False", r.stderr


@pytest.mark.parametrize("text", ['[tool.resdiff]\ndisable = ["symbol-mismatch"\n', '[tool]\nresdiff = {\n}\n',
                                  '[tool.resdiff\ndisable = []\n', '[project]\nname = "resdiff\n'])
def test_a_broken_file_that_may_configure_resdiff_is_an_error_naming_it(text, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    Path("pyproject.toml").write_text(text, encoding="utf-8")
    with pytest.raises(InputError) as e:
        load_config()
    assert e.value.source == "pyproject.toml" and "not valid TOML" in str(e.value)


@pytest.mark.parametrize("text", ['[project]\nname = "other"\n', '[tool.other]\nx = "\\u0072"\n',
                                  'tool."\\U00000072esdiff".disable = ["symbol-mismatch"]\n'])
def test_whether_a_file_may_configure_resdiff_is_told_by_the_word_or_an_escape(text):
    could = "resdiff" in tomllib.loads(text).get("tool", {}) or "\\u" in text.lower()
    assert _may_hold_our_table(text.encode("utf-8")) is could


def test_a_broken_project_file_that_never_names_resdiff_is_another_tools_to_judge(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    Path("pyproject.toml").write_text('[project]\nname = "other\n[tool.poetry', encoding="utf-8")
    assert not load_config().disabled


@pytest.mark.parametrize("data", ['[tool.resdiff]\ndisable = ["symbol-mismatch"]\n'.encode("utf-16"),
                                  b'[tool]\n"\\x72esdiff" = {disable = ["symbol-mismatch"]}\n'])
def test_a_table_the_parser_may_read_otherwise_goes_to_it(data, tmp_path, monkeypatch):
    """UTF-16 (each ASCII letter beside a NUL) and an escape TOML 1.0 lacks: the parser says what is wrong,
    where the settings would otherwise be dropped without a word."""
    monkeypatch.chdir(tmp_path)
    Path("pyproject.toml").write_bytes(data)
    with pytest.raises(InputError) as e:
        load_config()
    assert e.value.source == "pyproject.toml" and "not valid TOML" in str(e.value)
