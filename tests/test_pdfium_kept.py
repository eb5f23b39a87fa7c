"""Where pypdfium2's PDFium library is, kept in the user cache (resdiff/pdfium.py): a process that reads a PDF
after another loads the very file pypdfium2 loaded, without importing pypdfium2 (whose 470 declarations cost
some 7 ms, a seventh of the reading child's CPU for a 5-page PDF), and reads the same; a record that no longer matches pypdfium2's files, or names
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


def _fake_pypdfium2(tmp_path: Path, library: str) -> Path:
    """A pypdfium2_raw of the test's own (its folder to put first on the path), which loads `library`."""
    fake = tmp_path / "site" / "pypdfium2_raw"
    fake.mkdir(parents=True)
    (fake / "__init__.py").write_text(f"import ctypes\n_lib = ctypes.CDLL({library!r})\n"
                                      "def __getattr__(name):\n    return getattr(_lib, name)\n")
    return fake


def _read_with(sample: Path, cache: Path, fake: Path) -> tuple[bool, str, str]:
    r = subprocess.run([sys.executable, "-c", _READ, str(sample)], capture_output=True, text=True, cwd=ROOT,
                       env={**os.environ, "RESDIFF_CACHE_DIR": str(cache),
                            "PYTHONPATH": os.pathsep.join([str(fake.parent), str(ROOT)])})
    assert r.returncode == 0, r.stderr[-2000:]
    imported, where, lines = r.stdout.splitlines()
    return imported == "True", where, lines


def test_a_pdfium_pypdfium2_loads_from_elsewhere_is_not_kept(sample, tmp_path):
    """A pypdfium2 that loads a PDFium outside its folder (a system one) while its folder holds a file of the same
    name (left from an earlier install): nothing is kept, and every run loads the PDFium pypdfium2 loads."""
    import shutil

    fake = _fake_pypdfium2(tmp_path, _pypdfium2s_file())
    shutil.copy(_pypdfium2s_file(), fake / os.path.basename(_pypdfium2s_file()))
    cache = tmp_path / "cache"
    for _ in range(2):
        imported, where, lines = _read_with(sample, cache, fake)
        assert imported is True and where == _pypdfium2s_file() and "Welcomes the report" in lines
    assert _records(cache) == []


def test_a_record_naming_a_library_that_is_not_pdfium_is_not_used(sample, tmp_path):
    """A pypdfium2 (here one of the test's own, first on the path, which loads the real PDFium) whose folder holds
    another shared library, kept by mistake: it lacks the reader's functions, and pypdfium2 is imported."""
    import shutil

    from resdiff.cache import file_stamps

    fake = _fake_pypdfium2(tmp_path, _pypdfium2s_file())
    shutil.copy(_a_library_elsewhere(), fake / "other.so")
    cache = tmp_path / "cache"
    records = cache / "pdfium"
    records.mkdir(parents=True)
    (records / _record_name(str(fake))).write_bytes(marshal.dumps((1, str(fake), file_stamps(str(fake)), "other.so")))
    imported, where, lines = _read_with(sample, cache, fake)
    assert imported is True and where == _pypdfium2s_file() and "Welcomes the report" in lines


def _record_name(folder: str) -> str:
    from resdiff.cache import key_name

    return key_name(os.fsencode(folder))


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

    assert "pdfium/  1 PDFium location kept" in resdiff()
    assert "removed 1 file of kept PDFium locations" in resdiff("--clear")
    assert _records(cache) == []
    assert "pdfium/  0 PDFium locations kept" in resdiff()
    assert _read(sample, cache)[0] is True


def test_a_process_that_imported_pypdfium2_reads_with_it_and_leaves_the_cache_alone(sample, tmp_path):
    cache = tmp_path / "cache"
    code = "import pypdfium2_raw\n" + _READ
    r = subprocess.run([sys.executable, "-c", code, str(sample)], capture_output=True, text=True, cwd=ROOT,
                       env={**os.environ, "RESDIFF_CACHE_DIR": str(cache)})
    assert r.returncode == 0, r.stderr[-2000:]
    assert r.stdout.splitlines()[1] == _pypdfium2s_file()
    assert not cache.exists()


def test_a_fifo_or_a_link_where_the_record_goes_is_not_read(sample, tmp_path):
    """Reading a PDF does not wait on a FIFO put where the record goes, nor read a device a link there leads to."""
    cache = tmp_path / "cache"
    _read(sample, cache)
    [record] = _records(cache)
    record.unlink()
    os.mkfifo(record)
    r = subprocess.run([sys.executable, "-c", _READ, str(sample)], capture_output=True, text=True, cwd=ROOT,
                       env={**os.environ, "RESDIFF_CACHE_DIR": str(cache)}, timeout=60)
    assert r.returncode == 0 and r.stdout.splitlines()[0] == "True", r.stderr[-2000:]
    record.unlink()
    record.symlink_to("/dev/zero")
    assert _read(sample, cache)[0] is True


def test_a_relative_cache_folder_keeps_nothing_in_the_current_folder(sample, tmp_path):
    r = subprocess.run([sys.executable, "-c", _READ, str(sample)], capture_output=True, text=True, cwd=tmp_path,
                       env={**os.environ, "RESDIFF_CACHE_DIR": "~/.cache/resdiff", "PYTHONPATH": str(ROOT)})
    assert r.returncode == 0, r.stderr[-2000:]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["t.pdf"]


def test_the_records_of_removed_pypdfium2_installs_go_when_another_is_kept(sample, tmp_path):
    cache = tmp_path / "cache"
    _read(sample, cache)
    [record] = _records(cache)
    gone = record.with_name("0123456789abcdef")
    form, _, stamps, name = marshal.loads(record.read_bytes())
    gone.write_bytes(marshal.dumps((form, str(tmp_path / "a-venv-removed" / "pypdfium2_raw"), stamps, name)))
    foreign = record.with_name("notes.txt")
    foreign.write_text("not the cache's")
    record.unlink()
    _read(sample, cache)  # keeps its own again
    assert sorted(p.name for p in _records(cache)) == sorted([record.name, "notes.txt"])


@pytest.mark.parametrize("folder", ["pdfium", "help"])
def test_clearing_the_cache_removes_only_what_it_kept(tmp_path, folder):
    """`resdiff cache --clear` removes the files it wrote, by their names: not a file of the user's put in its
    folder, and nothing in a folder a link puts in its place."""
    cache = tmp_path / "cache"
    (cache / folder).mkdir(parents=True)
    (cache / folder / "0123456789abcdef").write_bytes(b"kept")
    (cache / folder / "README.md").write_text("mine")
    precious = tmp_path / "precious"
    precious.mkdir()
    (precious / "0123456789abcdef").write_bytes(b"mine too")
    env = {**os.environ, "RESDIFF_CACHE_DIR": str(cache)}

    def clear() -> str:
        r = subprocess.run([sys.executable, "-m", "resdiff", "cache", "--clear"], capture_output=True, text=True,
                           cwd=ROOT, env=env)
        assert r.returncode == 0, r.stderr
        return r.stdout

    clear()
    assert sorted(p.name for p in (cache / folder).iterdir()) == ["README.md"]
    (cache / folder / "README.md").unlink()
    (cache / folder).rmdir()
    (cache / folder).symlink_to(precious)
    clear()
    assert sorted(p.name for p in precious.iterdir()) == ["0123456789abcdef"]
