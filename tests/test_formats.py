"""The same resolution as plain text in several encodings, as PDF and as DOCX, parses to the same document."""

from __future__ import annotations

import zipfile

import pytest
from layout import EN_FIXTURE, SEED, en_spec, render, seed_spec, write_docx, write_pdf
from test_parse import _same_parse

from resdiff import InputError, load_document, parse_text
from resdiff.load import decode

SEED_DOC = parse_text(SEED.read_text("utf-8"))
EN_DOC = parse_text(EN_FIXTURE.read_text("utf-8"))


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "gb18030", "gbk"])
def test_encodings_detected_without_being_named(tmp_path, encoding):
    path = tmp_path / f"75-62.{encoding}.txt"
    path.write_bytes(SEED.read_text("utf-8").encode(encoding))
    _same_parse(SEED_DOC, load_document(str(path)))


def test_english_in_latin1_and_cp1252(tmp_path):
    text = EN_FIXTURE.read_text("utf-8").replace("“", '"').replace("”", '"')
    path = tmp_path / "en.txt"
    path.write_bytes(text.encode("cp1252"))
    doc = load_document(str(path))
    assert [p.id for p in doc.paragraphs] == [p.id for p in EN_DOC.paragraphs]


@pytest.mark.parametrize("spec, doc, name", [(seed_spec, SEED_DOC, "zh"), (en_spec, EN_DOC, "en")])
def test_pdf_parses_like_the_text(tmp_path, spec, doc, name):
    path = write_pdf(render(spec(), width=76 if name == "zh" else 100), tmp_path / f"75-62.{name}.pdf")
    _same_parse(doc, load_document(str(path)))


@pytest.mark.parametrize("spec, doc, name", [(seed_spec, SEED_DOC, "zh"), (en_spec, EN_DOC, "en")])
def test_docx_parses_like_the_text(tmp_path, spec, doc, name):
    path = write_docx(spec(), tmp_path / f"75-62.{name}.docx")
    _same_parse(doc, load_document(str(path)))


def test_html(tmp_path):
    spec = seed_spec()
    body = "".join(f"<p>{h.strip()}</p>" for h in spec.header)
    notes, op = [], 0
    for p in spec.paras:
        text = p.text
        for note in p.notes:
            notes.append(note)
            text = text.replace("\x00", f"<sup>{len(notes)}</sup>", 1)
        if p.kind == "OP":
            op += 1
            text = f"{op}. {text}"
        body += f"<p>{text}</p>"
    body += "".join(f"<p>{c}</p>" for c in spec.closing) + "<hr><p>__________________</p>"
    body += "".join(f"<p>{k} {n}</p>" for k, n in enumerate(notes, 1))
    path = tmp_path / "75-62.html"
    path.write_text(f"<!DOCTYPE html><html><head><script>alert(1)</script></head><body>{body}</body></html>",
                    encoding="utf-8")
    _same_parse(SEED_DOC, load_document(str(path)))


def test_truncated_pdf(tmp_path):
    path = write_pdf(render(seed_spec()), tmp_path / "full.pdf")
    cut = tmp_path / "truncated.pdf"
    cut.write_bytes(path.read_bytes()[: len(path.read_bytes()) // 2])
    with pytest.raises(InputError, match="damaged or truncated PDF"):
        load_document(str(cut))


def test_encrypted_pdf(tmp_path):
    from reportlab.lib import pdfencrypt
    from reportlab.pdfgen import canvas

    path = tmp_path / "locked.pdf"
    c = canvas.Canvas(str(path), encrypt=pdfencrypt.StandardEncryption("secret", canPrint=0))
    c.drawString(40, 800, "75/62. Implementation of the Convention on Cluster Munitions")
    c.save()
    with pytest.raises(InputError, match="encrypted"):
        load_document(str(path))


def test_pdf_without_text_layer(tmp_path):
    from reportlab.pdfgen import canvas

    path = tmp_path / "scan.pdf"
    c = canvas.Canvas(str(path))
    c.rect(40, 400, 300, 200, fill=1)  # a "scanned page": drawing, no text
    c.save()
    with pytest.raises(InputError, match="no text layer.*OCR"):
        load_document(str(path))


def test_docx_zip_bomb(tmp_path):
    path = tmp_path / "bomb.docx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("word/document.xml", b"<" + b"a" * (80 * 1024 * 1024) + b"/>")
    assert path.stat().st_size < 1024 * 1024
    with pytest.raises(InputError, match="zip bomb"):
        load_document(str(path))


def test_docx_that_is_not_a_word_file(tmp_path):
    path = tmp_path / "other.docx"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("hello.txt", "hi")
    with pytest.raises(InputError, match="no word/document.xml"):
        load_document(str(path))


def test_undetectable_encoding():
    data = bytes(range(0x80, 0x100)) * 8
    with pytest.raises(InputError, match="cannot tell the text encoding|binary"):
        decode(data, "mystery.txt")


def test_mislabelled_utf8_bom_is_an_error():
    with pytest.raises(InputError, match="starts with a UTF-8 byte-order mark but is not valid UTF-8"):
        decode(b"\xef\xbb\xbf" + "大会".encode("gb18030") + b"\xff\xfe\xfd", "mislabelled.txt")


def test_nul_byte_in_text():
    with pytest.raises(InputError):
        decode("大会，\x00回顾".encode(), "nul.txt")


def test_mixed_line_endings():
    text = SEED.read_text("utf-8")
    lines = text.split("\n")
    mixed = "".join(line + ("\r\n" if k % 3 == 0 else "\r" if k % 3 == 1 else "\n") for k, line in enumerate(lines))
    _same_parse(SEED_DOC, parse_text(mixed))
