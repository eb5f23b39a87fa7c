"""The benchmark measures against a baseline a user's install would give: an interpreter whose every start
runs an install's import hook (setuptools' default editable finder) is refused, a plain one is taken."""

from __future__ import annotations

import subprocess
import sys
import sysconfig
import venv
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

import measure  # noqa: E402


def _venv(where: Path) -> tuple[str, Path]:
    venv.create(where, with_pip=False)
    python = where / "bin" / "python"
    purelib = sysconfig.get_path("purelib", vars={"base": str(where), "platbase": str(where)})
    return str(python), Path(purelib)


@pytest.mark.skipif(sys.platform == "win32", reason="a POSIX venv layout")
def test_an_interpreter_with_an_editable_finder_is_refused(tmp_path):
    plain, _ = _venv(tmp_path / "plain")
    hooked, site = _venv(tmp_path / "hooked")
    # what `pip install -e .` writes by default: a finder module, and a .pth line importing it
    (site / "__editable___demo_0_1_finder.py").write_text("def install():\n    pass\n", encoding="utf-8")
    (site / "__editable__.demo-0.1.pth").write_text(
        "import __editable___demo_0_1_finder; __editable___demo_0_1_finder.install()\n", encoding="utf-8")
    # compat mode writes a plain path instead: no hook
    (Path(_venv(tmp_path / "compat")[1]) / "__editable__.demo-0.1.pth").write_text(str(ROOT) + "\n", encoding="utf-8")

    assert measure.startup_hooks(plain) == []
    assert measure.startup_hooks(str(tmp_path / "compat" / "bin" / "python")) == []
    assert measure.startup_hooks(hooked) == ["__editable___demo_0_1_finder"]

    refused = subprocess.run([sys.executable, "-c", f"import sys; sys.path.insert(0, {str(ROOT / 'bench')!r}); "
                              f"import measure; measure.require_plain_start({hooked!r})"],
                             capture_output=True, text=True)
    assert refused.returncode == 1
    assert "__editable___demo_0_1_finder" in refused.stderr and "editable_mode=compat" in refused.stderr
    taken = subprocess.run([sys.executable, "-c", f"import sys; sys.path.insert(0, {str(ROOT / 'bench')!r}); "
                            f"import measure; measure.require_plain_start({plain!r})"], capture_output=True, text=True)
    assert taken.returncode == 0, taken.stderr


def test_a_commands_peak_memory_is_its_own_not_the_benchmarks():
    """Linux keeps in a process's peak the memory of the one it was started from; the 100,000-paragraph
    run is started after the benchmark has held such a pair, so it is measured from a small launcher."""
    held = bytearray(300 * 1024 * 1024)
    held[::4096] = b"\1" * len(held[::4096])  # touched: resident
    small = measure.run_alone([sys.executable, "-c", "pass"])
    big = measure.run_alone([sys.executable, "-c", "x = bytearray(100 * 1024 * 1024); x[::4096] = b'1' * len(x[::4096])"])
    assert small.status == big.status == 0
    assert small.rss < 60 * 1024 * 1024, small.rss / 2**20
    assert 100 * 1024 * 1024 < big.rss < 200 * 1024 * 1024, big.rss / 2**20
    assert big.cpu > 0
    del held
