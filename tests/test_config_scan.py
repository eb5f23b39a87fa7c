"""A pyproject.toml found in the working folder is handed to the TOML parser only where it may configure
resdiff: whichever way TOML lets a [tool.resdiff] table be written, it is honoured; a project file that
only names resdiff elsewhere (its name, a script, a comment, a string) configures nothing, as before."""

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
    assert not _may_hold_our_table(text.encode("utf-8"))
    monkeypatch.chdir(tmp_path)
    Path("pyproject.toml").write_text(text, encoding="utf-8")
    assert load_config() == load_config(str(Path("pyproject.toml")))


def test_a_project_file_that_configures_no_resdiff_is_not_parsed(tmp_path):
    (tmp_path / "pyproject.toml").write_bytes((ROOT / "pyproject.toml").read_bytes())
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
