"""The word index in the user cache: its name, its build, stale files, `resdiff cache`."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from resdiff import segment

ROOT = Path(__file__).resolve().parent.parent


def _fake_jieba(folder: Path, version: str = "0.42.1") -> Path:
    pkg = folder / "jieba"
    pkg.mkdir(parents=True)
    (pkg / "__init__.py").write_text(f"__version__ = '{version}'\n", encoding="utf-8")
    (pkg / "dict.txt").write_text("集束 30 n\n集束弹药 20 n\n弹药 50 n\n公约 80 n\n缔约国 90 n\n", encoding="utf-8")
    return pkg / "dict.txt"


def test_the_name_survives_a_reinstall_but_not_a_new_version(tmp_path, monkeypatch):
    monkeypatch.setenv("RESDIFF_CACHE_DIR", str(tmp_path / "cache"))
    a, b = _fake_jieba(tmp_path / "venv1"), _fake_jieba(tmp_path / "venv2")
    os.utime(b, (1, 1))  # installed at another time, in another place
    c = _fake_jieba(tmp_path / "venv3", version="0.43.0")
    terms = segment.un_terms()
    assert segment._cache_file(a, terms) == segment._cache_file(b, terms)
    assert segment._cache_file(a, terms) != segment._cache_file(c, terms)
    assert segment._cache_file(a, terms) != segment._cache_file(a, terms + ["新词"])


def test_prefixes_are_implied_and_stale_files_go(tmp_path, monkeypatch):
    monkeypatch.setenv("RESDIFF_CACHE_DIR", str(tmp_path / "cache"))
    d = _fake_jieba(tmp_path / "venv")
    stale = tmp_path / "cache" / "jieba-00000000deadbeef.sqlite3"
    stale.parent.mkdir()
    stale.write_bytes(b"an older version's index")
    target = segment._cache_file(d, ["缔约国会议"])
    segment._build(target, d, ["缔约国会议"])
    assert segment.cache_files(target.parent) == [target]  # the stale file was removed
    freq = segment._Freq(target)
    # as jieba's gen_pfdict and add_word: words, zero for prefixes, None otherwise
    assert [freq.get(w) for w in ("集束", "集", "集束弹", "弹药", "弹", "缔约国会议", "缔约国会", "药", "公约国")] == \
        [30, 0, 0, 50, 0, 100000, 0, None, None]
    assert freq.total == 30 + 20 + 50 + 80 + 90 + 100000
    many = segment._Freq(target)  # the same answers looked up in one query for many words
    words = ["集束", "集", "集束弹", "弹药", "弹", "缔约国会议", "缔约国会", "药", "公约国", "集束"]
    many.prefetch(words)
    assert many.memo == {w: freq.get(w) for w in words}


def test_no_notice_when_stderr_is_not_a_terminal(tmp_path):
    env = {**os.environ, "RESDIFF_CACHE_DIR": str(tmp_path)}
    r = subprocess.run([sys.executable, "-m", "resdiff", "diff", "samples/illustrative/ILLUSTRATIVE-A-RES-74-62.zh.txt",
                        "samples/A-RES-75-62.zh.txt", "--format", "json"], capture_output=True, text=True, cwd=ROOT,
                       env=env)
    assert r.returncode == 1 and r.stderr == ""
    assert [p.name[:6] for p in segment.cache_files(tmp_path)] == ["jieba-"]


def test_cache_command_shows_and_clears(tmp_path):
    env = {**os.environ, "RESDIFF_CACHE_DIR": str(tmp_path)}
    (tmp_path / "jieba-00000000deadbeef.sqlite3").write_bytes(b"x" * 2048)

    def run(*args):
        return subprocess.run([sys.executable, "-m", "resdiff", "cache", *args], capture_output=True, text=True,
                              cwd=ROOT, env=env)

    info = run("--info")
    assert info.returncode == 0 and str(tmp_path) in info.stdout and "stale" in info.stdout
    assert "not built yet" in info.stdout
    cleared = run("--clear")
    assert cleared.returncode == 0 and "removed 1 file" in cleared.stdout
    assert segment.cache_files(tmp_path) == []


def test_cache_command_counts_and_clears_the_kept_helps(tmp_path):
    """A help typer printed is kept in the cache (help_cache); `resdiff cache` says so and --clear removes it,
    so that the next help is rendered by typer again."""
    env = {"PATH": "/usr/bin:/bin", "RESDIFF_CACHE_DIR": str(tmp_path)}  # the same situation, whoever runs it

    def run(*args):
        return subprocess.run([sys.executable, "-m", "resdiff", *args], capture_output=True, text=True, cwd=ROOT,
                              env=env)

    assert "help/  0 helps kept" in run("cache").stdout
    (tmp_path / "help").mkdir()
    (tmp_path / "help" / "0123456789abcdef.4567.tmp").write_bytes(b"x")  # a write a killed run left half done
    assert "help/  0 helps kept" in run("cache").stdout
    assert run("--help").returncode == 0 and run("parse", "--help").returncode == 0
    assert "help/  2 helps kept" in run("cache").stdout
    cleared = run("cache", "--clear")
    assert cleared.returncode == 0 and "removed 3 files of kept helps" in cleared.stdout
    assert not any((tmp_path / "help").iterdir())
    assert "help/  0 helps kept" in run("cache").stdout
