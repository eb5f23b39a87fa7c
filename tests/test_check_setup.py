"""`check` refuses a misconfigured run rather than pass it: one text twice, two texts in one language, two
different resolutions (unless --force), a language option the text contradicts (a warning naming both, an
error under --strict); in a session, each of these is a finding of its own."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from layout import EN_FIXTURE, SEED
from runcli import invoke

from resdiff import parse_text
from resdiff.check import Refusal, check_documents
from resdiff.config import Config
from resdiff.session import check_session

EN_TEXT, ZH_TEXT = EN_FIXTURE.read_text("utf-8"), SEED.read_text("utf-8")


def _one_line(stderr: str) -> str:
    lines = stderr.strip().splitlines()
    assert len(lines) == 1, stderr
    assert "Traceback" not in stderr
    return lines[0]


def test_the_same_file_twice_is_refused(tmp_path):
    r = invoke(["check", SEED, SEED], 2)
    assert "same file" in _one_line(r.stderr) and r.stdout == ""
    link = tmp_path / "link.txt"
    os.symlink(SEED, link)  # another name for it: still one file
    r = invoke(["check", SEED, link], 2)
    assert "same file" in _one_line(r.stderr)


def test_two_texts_in_one_language_are_refused(tmp_path):
    copy = tmp_path / "copy.zh.txt"
    copy.write_text(ZH_TEXT, encoding="utf-8")
    out = tmp_path / "report.json"
    r = invoke(["check", SEED, copy, "-f", "json", "-o", out], 2)
    line = _one_line(r.stderr)
    assert "both texts are in Chinese (zh)" in line and "resdiff diff" in line
    assert not out.exists()  # nothing written


def _other_resolution(text: str, symbol: str = "75/63") -> str:
    return text.replace("75/62", symbol)


def test_different_symbols_are_different_documents_unless_forced(tmp_path):
    other = tmp_path / "A-RES-75-63.zh.txt"
    other.write_text(_other_resolution(ZH_TEXT), encoding="utf-8")
    r = invoke(["check", EN_FIXTURE, other], 2)
    line = _one_line(r.stderr)
    assert "different documents: A/RES/75/62 in source, A/RES/75/63 in target" in line and "--force" in line
    r = invoke(["check", EN_FIXTURE, other, "--force", "-f", "json"], 1)  # checked: the symbol differs
    assert [f["rule"] for f in json.loads(r.stdout)["findings"]] == ["metadata-mismatch"]


def test_different_titles_are_different_documents():
    en, zh = parse_text(EN_TEXT), parse_text(ZH_TEXT)
    # no symbols or sessions to compare (a web text), titles that name different years
    en = en.replace(metadata=en.metadata.replace(symbol=None, session=None,
                                      title="International Year of Camelids, 2024"))
    zh = zh.replace(metadata=zh.metadata.replace(symbol=None, session=None, title="2026 年国际妇女农民年"))
    with pytest.raises(Refusal, match="different documents: the titles differ"):
        check_documents(en, zh)
    forced = check_documents(en, zh, Config(force=True)).findings  # --force: checked, the title reported
    assert [(f.rule, f.message) for f in forced] == [("metadata-mismatch", "title 2024 in source, 2026 in target")]
    same = zh.replace(metadata=zh.metadata.replace(title="2024 年国际骆驼年"))
    assert not check_documents(en, same).failed()  # the same year: one document


def test_a_language_option_the_text_contradicts_warns_naming_both():
    r = invoke(["check", EN_FIXTURE, SEED, "--target-lang", "fr"], 1)
    line = _one_line(r.stderr)
    assert line.startswith("resdiff: warning: ") and str(SEED) in line
    assert "--target-lang fr says French, but the text reads as Chinese (zh)" in line
    r = invoke(["check", EN_FIXTURE, SEED, "--target-lang", "fr", "--strict"], 2)
    line = _one_line(r.stderr)
    assert line.startswith("resdiff: error: ") and "--target-lang fr says French" in line and r.stdout == ""
    # an option that agrees with the text: silent
    r = invoke(["check", EN_FIXTURE, SEED, "--source-lang", "en", "--target-lang", "zh", "--strict"], 0)
    assert r.stderr == ""


# --- in a session ------------------------------------------------------------------------------------

@pytest.fixture
def folders(tmp_path):
    en, zh = tmp_path / "en", tmp_path / "zh"
    en.mkdir()
    zh.mkdir()
    for k in (62, 63):
        (en / f"A-RES-75-{k}.en.txt").write_text(EN_TEXT.replace("75/62", f"75/{k}"), encoding="utf-8")
        (zh / f"A-RES-75-{k}.zh.txt").write_text(ZH_TEXT.replace("75/62", f"75/{k}"), encoding="utf-8")
    return en, zh


def test_a_folder_checked_against_itself_fails(folders):
    en, _ = folders
    r = invoke(["check", en, en, "-f", "json"], 1)  # a CI job pointed at the wrong folder is red
    data = json.loads(r.stdout)
    assert data["documents"] == []
    assert [(f["rule"], Path(f["file"]).name, f["symbol"]) for f in data["findings"]] == [
        ("document-self-pair", "A-RES-75-62.en.txt", "A/RES/75/62"),
        ("document-self-pair", "A-RES-75-63.en.txt", "A/RES/75/63")]  # the symbol read, as other findings have
    assert all("paired with itself" in f["message"] for f in data["findings"])


def test_a_folder_of_the_same_language_fails(folders, tmp_path):
    en, _ = folders
    other = tmp_path / "en2"
    other.mkdir()
    for p in en.iterdir():
        (other / p.name).write_bytes(p.read_bytes())
    session = check_session(str(en), str(other), jobs=1)
    assert session.results == [] and session.failed()
    assert [(f.rule, f.symbol) for f in session.findings] == [("document-self-pair", "A/RES/75/62"),
                                                              ("document-self-pair", "A/RES/75/63")]
    assert all("both texts are in English (en)" in f.message for f in session.findings)


def test_a_manifest_pair_of_two_resolutions_is_a_finding(folders, tmp_path):
    en, zh = folders
    manifest = tmp_path / "pairs.tsv"
    manifest.write_text(f"{en}/A-RES-75-62.en.txt\t{zh}/A-RES-75-62.zh.txt\n"
                        f"{en}/A-RES-75-62.en.txt\t{zh}/A-RES-75-63.zh.txt\n", encoding="utf-8")
    data = json.loads(invoke(["check", "--manifest", manifest, "-f", "json"], 1).stdout)
    assert [d["passed"] for d in data["documents"]] == [True]
    (f,) = data["findings"]
    assert f["rule"] == "document-mismatch" and Path(f["file"]).name == "A-RES-75-63.zh.txt"
    assert "A/RES/75/62 in source, A/RES/75/63 in target" in f["message"]
    invoke(["check", "--manifest", manifest, "--force"], 1)  # forced: checked, the symbol differs


def test_a_session_language_option_contradicted(folders):
    en, zh = folders
    session = check_session(str(en), str(zh), jobs=1, target_lang="fr")
    assert [r.notes for r in session.results] != [(), ()]
    assert all("--target-lang fr says French, but the text reads as Chinese (zh)" in r.notes[0]
               for r in session.results)
    strict = check_session(str(en), str(zh), jobs=1, target_lang="fr", config=Config(strict=True))
    assert strict.results == [] and {f.rule for f in strict.findings} == {"document-language"}


def test_strict_makes_a_parse_warning_an_error(tmp_path):
    bad = tmp_path / "zh.txt"  # operative paragraph 5 numbered 6: the parser's own self-check warns
    bad.write_text(ZH_TEXT.replace(" 5. 邀请所有", " 6. 邀请所有"), encoding="utf-8")
    r = invoke(["check", EN_FIXTURE, bad], 1)
    assert "resdiff: warning: " in r.stderr and "op-numbering" in r.stderr
    r = invoke(["check", EN_FIXTURE, bad, "--strict"], 2)
    assert "op-numbering" in _one_line(r.stderr) and r.stdout == ""
