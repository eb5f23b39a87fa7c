"""Where pypdfium2's PDFium library is, kept in the user cache (resdiff/pdfium.py): a process that reads a PDF
after another loads the very file pypdfium2 loaded, without importing pypdfium2 (whose 470 declarations are a
fifth of a small PDF's reading), and reads the same; a record that no longer matches pypdfium2's files, or names
a file outside its folder, is not trusted."""

from __future__ import annotations

import marshal
import os
import subprocess
import sys
from pathlib import Path

import hostile
import pytest

pytest.importorskip("pypdfium2_raw")

from resdiff import pdfium  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent

# a process that reads a PDF into lines, in itself, and says whether it imported pypdfium2, which file its
# PDFium functions are in, and the lines
_READ = """
import ctypes, sys
from resdiff import pdf, pdfium
lines = pdf._read(open(sys.argv[1], "rb").read(), "t.pdf").pages
where = pdfium.library_file(ctypes.cast(pdfium.library().FPDF_LoadPage, ctypes.c_void_p).value)
print("pypdfium2_raw" in sys.modules)
print(where)
print(repr([[ln.text for ln in page] for page in lines]))
"""


@pytest.fixture
def sample(tmp_path) -> Path:
    content = hostile.stream(b"BT /F1 11 Tf 1 0 0 1 72 760 Tm (The General Assembly,) Tj "
                             b"1 0 0 1 90 744 Tm (1. Welcomes the report;) Tj ET")
    path = tmp_path / "t.pdf"
    path.write_bytes(hostile.pages_pdf([content]))
    return path


def _read(sample: Path, cache: Path) -> tuple[bool, str, str]:
    r = subprocess.run([sys.executable, "-c", _READ, str(sample)], capture_output=True, text=True, cwd=ROOT,
                       env={**os.environ, "RESDIFF_CACHE_DIR": str(cache)})
    assert r.returncode == 0, r.stderr[-2000:]
    imported, where, lines = r.stdout.splitlines()
    return imported == "True", where, lines


def _records(cache: Path) -> list[Path]:
    folder = cache / "pdfium"
    return sorted(folder.iterdir()) if folder.is_dir() else []


def _pypdfium2s_file() -> str:
    import ctypes

    import pypdfium2_raw

    return pdfium.library_file(ctypes.cast(pypdfium2_raw.FPDF_LoadPage, ctypes.c_void_p).value)


def test_a_later_process_loads_the_file_pypdfium2_loaded_without_importing_it(sample, tmp_path):
    cache = tmp_path / "cache"
    first = _read(sample, cache)
    assert first[0] is True  # nothing kept yet: pypdfium2 finds and loads PDFium
    assert len(_records(cache)) == 1
    second = _read(sample, cache)
    assert second[0] is False  # loaded from where it was kept
    assert second[1] == first[1] == _pypdfium2s_file()  # the very file pypdfium2 loads
    assert second[2] == first[2] and "Welcomes the report" in second[2]


def test_a_record_pypdfium2s_files_no_longer_match_is_not_trusted_and_is_made_again(sample, tmp_path):
    cache = tmp_path / "cache"
    _read(sample, cache)
    [record] = _records(cache)
    form, folder, stamps, name = marshal.loads(record.read_bytes())
    # as if pypdfium2 had been installed again since (a file of its folder changed)
    changed = [(path, mtime + 1, size) if path == name else (path, mtime, size) for path, mtime, size in stamps]
    record.write_bytes(marshal.dumps((form, folder, changed, name)))
    assert _read(sample, cache)[0] is True
    assert marshal.loads(record.read_bytes())[2] == stamps  # kept again, as it now is
    assert _read(sample, cache)[0] is False


def _a_library_elsewhere() -> str:
    """A shared library that loads and is not PDFium: ctypes' own extension module."""
    import _ctypes

    return _ctypes.__file__


@pytest.mark.parametrize("name", ["elsewhere, by a relative path", "elsewhere, by its full path", "..", "", 7])
def test_a_record_naming_a_file_outside_pypdfium2s_folder_is_never_loaded(sample, tmp_path, name):
    """Not even PDFium itself, copied elsewhere: only a file of pypdfium2's own folder is loaded from a record."""
    import shutil

    cache = tmp_path / "cache"
    _read(sample, cache)
    [record] = _records(cache)
    form, folder, stamps, _ = marshal.loads(record.read_bytes())
    elsewhere = tmp_path / "elsewhere" / os.path.basename(_pypdfium2s_file())
    elsewhere.parent.mkdir()
    shutil.copy(_pypdfium2s_file(), elsewhere)
    if name == "elsewhere, by a relative path":
        name = os.path.relpath(elsewhere, folder)
    elif name == "elsewhere, by its full path":
        name = str(elsewhere)
    record.write_bytes(marshal.dumps((form, folder, stamps, name)))
    imported, where, lines = _read(sample, cache)
    assert imported is True and where == _pypdfium2s_file()


def test_a_record_naming_a_library_that_is_not_pdfium_is_not_used(sample, tmp_path):
    """A pypdfium2 (here one of the test's own, first on the path, which loads the real PDFium) whose folder holds
    another shared library, kept by mistake: it lacks the reader's functions, and pypdfium2 is imported."""
    import shutil

    fake = tmp_path / "site" / "pypdfium2_raw"
    fake.mkdir(parents=True)
    (fake / "__init__.py").write_text(f"import ctypes\n_lib = ctypes.CDLL({_pypdfium2s_file()!r})\n"
                                      "def __getattr__(name):\n    return getattr(_lib, name)\n")
    shutil.copy(_a_library_elsewhere(), fake / "other.so")
    from resdiff.cache import file_stamps

    cache = tmp_path / "cache"
    os.environ["RESDIFF_CACHE_DIR"] = str(cache)
    try:
        record = Path(pdfium._kept_path(str(fake)))
    finally:
        del os.environ["RESDIFF_CACHE_DIR"]
    record.parent.mkdir(parents=True)
    record.write_bytes(marshal.dumps((1, str(fake), file_stamps(str(fake)), "other.so")))
    r = subprocess.run([sys.executable, "-c", _READ, str(sample)], capture_output=True, text=True, cwd=ROOT,
                       env={**os.environ, "RESDIFF_CACHE_DIR": str(cache),
                            "PYTHONPATH": os.pathsep.join([str(fake.parent), str(ROOT)])})
    assert r.returncode == 0, r.stderr[-2000:]
    imported, where, lines = r.stdout.splitlines()
    assert imported == "True" and where == _pypdfium2s_file() and "Welcomes the report" in lines


@pytest.mark.parametrize("damage", [b"", b"not marshal", marshal.dumps((1, 2)), marshal.dumps(None)])
def test_a_damaged_record_reads_as_none(sample, tmp_path, damage):
    cache = tmp_path / "cache"
    first = _read(sample, cache)
    [record] = _records(cache)
    record.write_bytes(damage)
    again = _read(sample, cache)
    assert again[0] is True and again[2] == first[2]
    assert _read(sample, cache)[0] is False  # the record was made whole again


def test_a_cache_that_cannot_be_written_keeps_nothing_and_reads_as_ever(sample, tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("")
    cache = blocker / "cache"  # under a file: no folder can be made there
    first, second = _read(sample, cache), _read(sample, cache)
    assert first[0] is True and second[0] is True
    assert first[2] == second[2] and "General Assembly" in first[2]


def test_the_cache_command_lists_and_clears_what_is_kept(sample, tmp_path):
    cache = tmp_path / "cache"
    _read(sample, cache)
    env = {**os.environ, "RESDIFF_CACHE_DIR": str(cache)}

    def resdiff(*args: str) -> str:
        r = subprocess.run([sys.executable, "-m", "resdiff", "cache", *args], capture_output=True, text=True,
                           cwd=ROOT, env=env)
        assert r.returncode == 0, r.stderr
        return r.stdout

    assert "kept for 1 pypdfium2 install" in resdiff()
    assert "removed 1 file of kept PDFium locations" in resdiff("--clear")
    assert _records(cache) == []
    assert "kept for 0 pypdfium2 installs" in resdiff()
    assert _read(sample, cache)[0] is True
