"""`diff --format pdf` (issue #23): a redline PDF printed by a real headless Chromium, read back with
pypdfium2: every paragraph id, the inserted and deleted words, the legend, the summary and "page N of M";
Chinese, Arabic and Cyrillic text with its fonts embedded (poppler's pdffonts). Without Chromium the tests
skip outside CI (.ci/run installs it)."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess

import pypdfium2 as pdfium
import pytest
from layout import ROOT
from typer.testing import CliRunner

from resdiff import compare
from resdiff.cli import app
from resdiff.model import OPERATIVE, PREAMBULAR, Document, Metadata, Paragraph
from resdiff.render.pdf import render_diff

OLD_ZH = ROOT / "samples" / "illustrative" / "ILLUSTRATIVE-A-RES-74-62.zh.txt"
NEW_ZH = ROOT / "samples" / "A-RES-75-62.zh.txt"


@pytest.fixture(autouse=True)
def _chromium():
    if not (shutil.which("chromium") or shutil.which("chromium-browser")):
        if os.environ.get("CI"):
            pytest.fail("chromium must be installed in CI (.ci/run installs it)")
        pytest.skip("chromium not installed (apt-get install chromium)")


def _pages(data: bytes) -> list[str]:
    pdf = pdfium.PdfDocument(data)
    try:
        return [pdf[k].get_textpage().get_text_range() for k in range(len(pdf))]
    finally:
        pdf.close()


def _squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text)


def test_the_redline_of_the_bundled_pair_reads_back(tmp_path):
    out = tmp_path / "redline.pdf"
    r = CliRunner().invoke(app, ["diff", str(OLD_ZH), str(NEW_ZH), "-f", "pdf", "-o", str(out)])
    assert r.exit_code == 1, r.output
    pages = _pages(out.read_bytes())
    assert len(pages) > 1
    text = _squeeze("".join(pages))
    for k, page in enumerate(pages, 1):
        assert f"page {k} of {len(pages)}" in page
        assert "resdiff: A/RES/74/62 → A/RES/75/62" in page
    data = json.loads(CliRunner().invoke(app, ["diff", str(OLD_ZH), str(NEW_ZH), "-f", "json"]).stdout)
    for c in data["changes"]:
        for pid in c["new"] or c["old"]:
            assert pid in text  # every paragraph, changed or not: the whole text is printed
        for op, piece in c.get("ops", []):
            if op != "equal" and piece.strip():
                assert _squeeze(piece) in text, (op, piece)
    assert "Legend:" in text and "Summary" in text and _squeeze("3 routine; 0 editorial") in text
    assert _squeeze("个国家加入《集束弹药公约》，其中") in text  # Chinese, as text


def _doc(language: str, texts: list[str]) -> Document:
    paras = tuple(Paragraph(f"OP{k}", OPERATIVE if k else PREAMBULAR, t, number=str(k), prefix=f"{k}. ")
                  for k, t in enumerate(texts, 1))
    return Document(Metadata(symbol="A/RES/75/1", language=language), paras, source_kind="pdf")


def _fonts(data: bytes, tmp_path) -> list[str]:
    path = tmp_path / "f.pdf"
    path.write_bytes(data)
    if not shutil.which("pdffonts"):
        pytest.skip("poppler-utils not installed")
    rows = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True).stdout.splitlines()[2:]
    return rows


@pytest.mark.parametrize(("lang", "old", "new", "inserted"), [
    ("ar", "تقرر أن تواصل النظر في المسألة", "تقرر أن تواصل النظر في هذه المسألة في دورتها", "دورتها"),
    ("ru", "постановляет продолжить рассмотрение этого вопроса", "постановляет продолжить рассмотрение этого вопроса "
     "на своей следующей сессии", "следующей"),
])
def test_arabic_and_cyrillic_print_with_embedded_fonts(lang, old, new, inserted, tmp_path):
    data = render_diff(compare(_doc(lang, ["نص ثابت" if lang == "ar" else "неизменный текст", old]),
                               _doc(lang, ["نص ثابت" if lang == "ar" else "неизменный текст", new])), context=9)
    text = "".join(_pages(data))
    # PDFium gives some right-to-left words in the order the glyphs stand on the page (a human looked at
    # the page rendered with pdftoppm: it reads right to left, shaped)
    assert (inserted in text or inserted[::-1] in text) and "OP2" in text
    fonts = _fonts(data, tmp_path)
    assert fonts and all(" yes " in row for row in fonts)  # every font embedded


def test_pdf_pages_show_where_the_paragraph_stood():
    from resdiff.render.html import render_diff as html

    old = _doc("en", ["Recalling its resolution 72/3,", "Decides to remain seized of the matter;"])
    new = _doc("en", ["Recalling its resolution 73/7,", "Decides to remain actively seized of the matter;"])
    new = new.replace(paragraphs=tuple(p.replace(page=k + 1) for k, p in enumerate(new.paragraphs)))
    page = html(compare(old, new))
    assert '<span class="page">(p. 2)</span>' in page
