"""`diff --format docx` (issue #23): Word with real tracked changes, a reviewer for each kind of change.

The package is read back with python-docx and lxml (authors, languages, bookmarks, footnotes, right to
left); then the document is opened in a real LibreOffice Writer, headless, through UNO (tests/lo_revisions.py,
run by Debian's python3): Accept All must give the new text and Reject All the old one, on the bundled
Chinese pair and on a real English PDF against an edited copy of its own text; accepting only the
reviewer `resdiff: routine` must leave only substantive and editorial changes. Without LibreOffice the
second half is skipped outside CI (.ci/run installs it)."""

from __future__ import annotations

import io
import json
import os
import shutil
import subprocess
import zipfile

import pytest
from layout import ROOT
from lxml import etree
from typer.testing import CliRunner

from resdiff import compare
from resdiff.cli import app
from resdiff.model import OPERATIVE, PREAMBULAR, Document, Metadata, Paragraph
from resdiff.render.docx import render_diff

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
OLD_ZH = ROOT / "samples" / "illustrative" / "ILLUSTRATIVE-A-RES-74-62.zh.txt"
NEW_ZH = ROOT / "samples" / "A-RES-75-62.zh.txt"
REAL = ROOT.parent / "shared" / "corpus" / "real"  # as tests/test_real.py finds it
ICC_PDF = REAL / "A-RES-73-7.en.pdf"
ICC_TEXT = REAL / "A-RES-73-7.en.pdfminer.txt"


def _docx(tmp_path, old, new, *args) -> bytes:
    out = tmp_path / "diff.docx"
    r = CliRunner().invoke(app, ["diff", str(old), str(new), "-f", "docx", "-o", str(out), *args])
    assert r.exit_code == 1, r.output
    assert r.stdout == ""
    return out.read_bytes()


def _part(data: bytes, name: str):
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return etree.fromstring(z.read(name))


def _edited_icc(tmp_path):
    """A real English text (the pdfminer text of the 73/7 PDF) edited as next year's version would be:
    a routine update, an editorial correction (States parties -> States Parties), a substantive one."""
    text = ICC_TEXT.read_text("utf-8")
    for a, b in (("72/3  of  30  October  2017", "73/7  of  29  October  2018"),
                 ("States parties", "States Parties"),
                 ("Welcomes the report of the International Criminal Court for 2017/18",
                  "Welcomes with appreciation the report of the International Criminal Court for 2017/18")):
        assert a in text
        text = text.replace(a, b)
    path = tmp_path / "A-RES-74-6.en.edited.txt"
    path.write_text(text, "utf-8")
    return path


def test_the_package_names_each_reviewer_and_every_paragraph(tmp_path):
    data = _docx(tmp_path, OLD_ZH, NEW_ZH)
    body = _part(data, "word/document.xml")
    authors = {e.get(f"{W}author") for e in body.iter(f"{W}ins", f"{W}del")}
    assert authors == {"resdiff: routine", "resdiff: substantive"}
    runs = list(body.iter(f"{W}r"))
    assert runs and all(r.find(f"{W}rPr/{W}lang").get(f"{W}eastAsia") == "zh-CN" for r in runs)
    marks = {b.get(f"{W}name") for b in body.iter(f"{W}bookmarkStart")}
    assert {f"PP{k}" for k in range(1, 20)} | {f"OP{k}" for k in range(1, 12)} <= marks
    assert "PP14_from_PP13_renumbered" in marks  # where a paragraph came from, a bookmark too
    text = "".join(t.text for t in body.iter(f"{W}t"))
    assert "PP13" not in text and "OP8" not in text  # ids are bookmarks, never text
    notes = _part(data, "word/footnotes.xml")
    assert "《条约汇编》，第 2515 卷，第 44910 号" in "".join(t.text or "" for t in notes.iter(f"{W}t"))
    assert len(list(body.iter(f"{W}footnoteReference"))) >= 5


def test_arabic_runs_and_paragraphs_are_right_to_left():
    def doc(text: str) -> Document:
        return Document(Metadata(symbol="A/RES/75/1", language="ar", title="عنوان"),
                        (Paragraph("PP1", PREAMBULAR, "إن الجمعية العامة،"),
                         Paragraph("OP1", OPERATIVE, text, number="1", prefix="1. ")), source_kind="text")
    data = render_diff(compare(doc("تقرر أن تواصل النظر في المسألة"), doc("تقرر أن تواصل النظر في هذه المسألة")))
    body = _part(data, "word/document.xml")
    paras = [p for p in body.iter(f"{W}p")]
    assert paras and all(p.find(f"{W}pPr/{W}bidi") is not None for p in paras)
    runs = list(body.iter(f"{W}r"))
    assert all(r.find(f"{W}rPr/{W}rtl") is not None for r in runs)
    assert all(r.find(f"{W}rPr/{W}lang").get(f"{W}bidi") == "ar-SA" for r in runs)
    assert [t.text for t in body.iter(f"{W}t") if t.getparent().getparent().tag == f"{W}ins"] == ["هذه "]


def test_editorial_changes_have_their_own_reviewer_and_can_be_hidden(tmp_path):
    from test_editorial import EN

    (tmp_path / "a.txt").write_text(EN, "utf-8")
    (tmp_path / "b.txt").write_text(EN.replace("States parties", "States Parties")
                                    .replace("Welcomes the report", "Welcomes with appreciation the report"), "utf-8")
    body = _part(_docx(tmp_path, tmp_path / "a.txt", tmp_path / "b.txt"), "word/document.xml")
    by_author = {}
    for e in body.iter(f"{W}ins", f"{W}del"):
        by_author.setdefault(e.get(f"{W}author"), []).append("".join(e.itertext()))
    assert sorted(by_author["resdiff: editorial"]) == ["Parties", "Parties", "parties", "parties"]
    assert by_author["resdiff: substantive"] == ["with appreciation "]
    hidden = _part(_docx(tmp_path, tmp_path / "a.txt", tmp_path / "b.txt", "--hide-editorial"), "word/document.xml")
    assert {e.get(f"{W}author") for e in hidden.iter(f"{W}ins", f"{W}del")} == {"resdiff: substantive"}


def test_docx_is_not_written_to_a_terminal_and_names_its_extra():
    from resdiff.console_env import ConsoleEnv

    class Tty(io.StringIO):
        def isatty(self):
            return True

    env = ConsoleEnv(stdout=Tty(), stderr=io.StringIO(), environ={})
    r = CliRunner().invoke(app, ["diff", str(OLD_ZH), str(NEW_ZH), "-f", "docx"], obj=env)
    assert r.exit_code == 2
    assert "-o FILE" in env.stderr.getvalue() and env.stdout.getvalue() == ""


# --- in a real LibreOffice -----------------------------------------------------------------------

def _libreoffice():
    python = "/usr/bin/python3"
    ok = shutil.which("soffice") and os.path.exists(python) and subprocess.run(
        [python, "-c", "import uno"], capture_output=True).returncode == 0
    if not ok:
        if os.environ.get("CI"):
            pytest.fail("LibreOffice Writer and python3-uno must be installed in CI (.ci/run installs them)")
        pytest.skip("LibreOffice not installed (apt-get install libreoffice-writer-nogui)")
    return python


def _in_libreoffice(tmp_path, data: bytes) -> dict:
    python = _libreoffice()
    src = tmp_path / "review.docx"
    src.write_bytes(data)
    out = tmp_path / "lo"
    out.mkdir()
    r = subprocess.run([python, str(ROOT / "tests" / "lo_revisions.py"), str(src), str(out), "resdiff: routine"],
                       capture_output=True, text=True, timeout=600)
    assert r.returncode == 0, r.stderr[-2000:]
    report = json.loads(r.stdout.strip().splitlines()[-1])
    for action in report:
        report[action]["text"] = (out / f"{action}.txt").read_text("utf-8").lstrip("\ufeff").rstrip("\n").split("\n")
    return report


def _lines(doc: Document) -> list[str]:
    """The paragraphs as a word processor writes them out as text: printed number, text, each footnote
    reference as its number where it stands."""
    out = []
    for p in doc.paragraphs:
        text = p.text
        for at, marker in sorted(zip(p.marks, p.footnotes, strict=False), reverse=True):
            text = text[:at] + marker + text[at:]
        out.append(p.prefix + text)
    return out


def _check_in_libreoffice(tmp_path, old_path, new_path):
    from resdiff.documents import load_versions

    old, new = load_versions(str(old_path), str(new_path))
    report = _in_libreoffice(tmp_path, _docx(tmp_path, old_path, new_path))
    assert report["accept"]["text"] == _lines(new)
    assert report["reject"]["text"] == _lines(old)
    assert report["accept"]["authors"] == report["reject"]["authors"] == []
    left = report["author"]["authors"]
    assert left and "resdiff: routine" not in left and set(left) <= {"resdiff: substantive", "resdiff: editorial"}
    assert {p.id for p in new.paragraphs} <= set(report["accept"]["bookmarks"])
    return report


def test_accept_all_and_reject_all_in_libreoffice_on_the_bundled_pair(tmp_path):
    report = _check_in_libreoffice(tmp_path, OLD_ZH, NEW_ZH)
    routine_done = "\n".join(report["author"]["text"])
    assert "2019 年 12 月 12 日第 74/62 号决议" in routine_done  # the routine update made


@pytest.mark.skipif(not ICC_PDF.exists(), reason="the real corpus (../shared/corpus/real) is absent")
def test_accept_all_and_reject_all_in_libreoffice_on_a_real_english_pdf(tmp_path):
    report = _check_in_libreoffice(tmp_path, ICC_PDF, _edited_icc(tmp_path))
    assert set(report["author"]["authors"]) == {"resdiff: substantive", "resdiff: editorial"}
