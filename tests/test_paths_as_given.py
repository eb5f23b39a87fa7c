"""A session names its files as pathlib would (a folder's files, a manifest's relative paths, a file's stem
as its symbol where it names none), without importing pathlib: documents.path_parts and its users agree
with pathlib.PurePosixPath on every path."""

from __future__ import annotations

import os
from pathlib import PurePosixPath

import pytest
from hypothesis import given
from hypothesis import strategies as st

from resdiff.documents import files_in, path_as_given
from resdiff.session import read_manifest, stem_of

paths = st.text(alphabet="/.a-", max_size=12)


@given(paths)
def test_a_path_is_written_as_pathlib_writes_it(path):
    assert path_as_given(path) == str(PurePosixPath(path))


@given(paths)
def test_a_files_stem_is_pathlibs(path):
    assert stem_of(path) == PurePosixPath(path).stem


@pytest.mark.parametrize("manifest", ["m.tsv", "./m.tsv", "sub/m.tsv", "sub//./m.tsv", "./sub/../sub/m.tsv", "ABS"])
@pytest.mark.parametrize("entry", ["a.txt", "./a.txt", "x//./a.txt", "../sub/a.txt", "."])
def test_a_manifests_relative_path_is_read_from_its_folder_as_pathlib_joins_it(tmp_path, monkeypatch, manifest, entry):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "sub").mkdir()
    manifest = str(tmp_path / "sub" / "m.tsv") if manifest == "ABS" else manifest
    with open(manifest, "w", encoding="utf-8") as f:
        f.write(f"{entry}\t/abs/b.txt\n")
    assert read_manifest(manifest) == [(str(PurePosixPath(manifest).parent / entry), "/abs/b.txt")]


def test_a_folders_files_are_named_from_the_folder_as_pathlib_writes_it(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    os.makedirs("en/x")
    open("en/A-RES-75-62.en.txt", "w").close()
    for folder in ("en", "./en/", "en//", "en/x/..", "./en/./"):
        assert files_in(folder) == [str(PurePosixPath(folder) / "A-RES-75-62.en.txt")]
