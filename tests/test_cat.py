"""The carried draft as XLIFF 2.0 and last year's pair as a TMX 1.4 memory (resdiff/render/cat.py):
valid against the OASIS core schema and the LISA DTD, read back by translate-toolkit (an independent
reader), escaped, and the same bytes on every run."""

from __future__ import annotations

import dataclasses
import os
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from resdiff import load_document, parse_text
from resdiff.align import pair_paragraphs
from resdiff.carry import carry
from resdiff.render.cat import render_tmx, render_xliff, xliff_id
from resdiff.results import CARRIED, TRANSLATE, UPDATED

ROOT = Path(__file__).resolve().parent.parent
SCHEMAS = ROOT / "tests" / ".schemas"
EN = ROOT / "tests" / "data" / "A-RES-75-62.en.unofficial.txt"
ZH = ROOT / "samples" / "A-RES-75-62.zh.txt"
NS = {"x": "urn:oasis:names:tc:xliff:document:2.0"}
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def _new_source(en: str) -> str:
    new = en.replace("and 74/62 of 12 December 2019", "74/62 of 12 December 2019 and 75/62 of 7 December 2020")
    new = new.replace("123 States", "124 States").replace("seventy-sixth", "seventy-seventh")
    new = new.replace("75/62", "76/99")
    # a reworded paragraph: to translate, with last year's text in a note
    return new.replace("Deploring recent cases of the use", "Deploring in the strongest terms all cases of the use")


@pytest.fixture(scope="module")
def result():
    en = EN.read_text("utf-8")
    return carry(parse_text(en), parse_text(_new_source(en)), load_document(str(ZH)))


def _schema(name: str) -> Path:
    path = SCHEMAS / name
    if not path.exists():
        if os.environ.get("CI"):
            pytest.fail(f"tests/.schemas/{name} missing: .ci/fetch-schemas must run first")
        pytest.skip(f"run .ci/fetch-schemas to get tests/.schemas/{name}")
    return path


def _text(el) -> str:
    """An element's text with XLIFF's <cp hex/> read back as the character."""
    out = [el.text or ""]
    for child in el:
        assert child.tag == "{urn:oasis:names:tc:xliff:document:2.0}cp"
        out.append(chr(int(child.get("hex"), 16)) + (child.tail or ""))
    return "".join(out)


def test_the_fixture_has_every_status(result):
    assert {p.status for p in result.paragraphs} == {CARRIED, UPDATED, TRANSLATE}


def test_xliff_validates_against_the_oasis_core_schema(result):
    from lxml import etree

    schema = etree.XMLSchema(etree.parse(str(_schema("xliff-2.0/xliff_core_2.0.xsd"))))
    schema.assertValid(etree.fromstring(render_xliff(result).encode("utf-8")))
    # and with characters XML cannot carry, written as <cp/>, and ids that need mapping
    schema.assertValid(etree.fromstring(render_xliff(_hostile(result)).encode("utf-8")))


def test_tmx_validates_against_the_tmx14_dtd(result):
    from lxml import etree

    dtd = etree.DTD(str(_schema("tmx14.dtd")))
    for r in (result, _hostile(result)):
        doc = etree.fromstring(render_tmx(r).encode("utf-8"))
        assert dtd.validate(doc), dtd.error_log.filter_from_errors()


def test_xliff_reads_back_through_translate_toolkit(result):
    from translate.storage.xliff2 import Xliff2File

    out = render_xliff(result)
    store = Xliff2File.parsestring(out.encode("utf-8"))
    assert store.getsourcelanguage() == "en" and store.gettargetlanguage() == "zh"
    units = store.units
    assert [u.getid() for u in units] == [xliff_id(p.id) for p in result.paragraphs]
    for u, p in zip(units, result.paragraphs, strict=True):
        assert u.source == p.source_text
        state = u.xmlelement.get("state")
        if p.status == TRANSLATE:
            assert u.get_target_dom() is None and state == "initial" and not u.istranslated()
        else:
            assert u.target == p.text and u.istranslated()
            assert state == {"carried": "reviewed", "updated": "translated"}[p.status]


def test_xliff_units_names_and_notes(result):
    root = ET.fromstring(render_xliff(result))
    assert root.get("srcLang") == result.new_source.language == "en"
    assert root.get("trgLang") == result.old_target.language == "zh"
    (file_el,) = root.findall("x:file", NS)
    assert file_el.get("original") == "A/RES/76/99"
    units = file_el.findall("x:unit", NS)
    assert [u.get("name") for u in units] == [p.id for p in result.paragraphs]
    for u, p in zip(units, result.paragraphs, strict=True):
        assert [c.tag.split("}")[1] for c in u] == ["notes", "segment"]
        notes = {}
        for n in u.findall("x:notes/x:note", NS):
            notes.setdefault(n.get("category"), []).append(n.text)
        assert notes["resdiff-status"][0].startswith(p.status + ":")
        if p.reason:
            assert p.reason in notes["resdiff-status"][0]
        assert len(notes.get("resdiff-update", [])) == len(p.updates)
        for text, up in zip(notes.get("resdiff-update", []), p.updates, strict=True):
            assert up.old in text and up.new in text and up.kind in text
            assert (up.source_new or up.source_old) in text
        if p.status == TRANSLATE:
            assert notes.get("resdiff-old-target") == ([p.text] if p.text else None)
        if p.prefix:
            assert notes["resdiff-number"] == [p.prefix.strip()]
    reworded = next(p for p in result.paragraphs if p.reason == "reworded in the source")
    u = units[[p.id for p in result.paragraphs].index(reworded.id)]
    change = u.find("x:notes/x:note[@category='resdiff-source-change']", NS).text
    assert "{+in the strongest terms all+}" in change and "[-recent-]" in change
    # the updated PP12: 123 → 124 in the target, following the source's 123 → 124
    pp12 = units[[p.id for p in result.paragraphs].index("PP12")]
    (upd,) = pp12.findall("x:notes/x:note[@category='resdiff-update']", NS)
    assert upd.text == "number: “123” → “124” (the source “123” → “124”)"


def test_ids_are_nmtokens_and_unique():
    assert xliff_id("PP12") == "PP12"
    assert xliff_id("OP3(a)") == "OP3_a"
    assert xliff_id("OP3(a)(ii)") == "OP3_a_ii"
    assert xliff_id("AN1.u1#2") == "AN1.u1-2"
    assert xliff_id("AN Приложение.3") == "AN" + "-" * 11 + ".3"


def _hostile(result):
    """The result with a carried paragraph and a translate paragraph full of markup characters,
    characters XML 1.0 cannot carry, and ids that need mapping (two of them alike once mapped)."""
    nasty = 'a < b && c > d "quoted" \'single\' ]]> \x01bell\x07 tab\tline\nnext \x1f \ufffe end'
    ps = list(result.paragraphs)
    i = next(k for k, p in enumerate(ps) if p.status == CARRIED)
    j = next(k for k, p in enumerate(ps) if p.status == TRANSLATE)
    ps[i] = dataclasses.replace(ps[i], id="OP3(a)", source_text=nasty, text="目标 " + nasty)
    ps[j] = dataclasses.replace(ps[j], id="OP3_a", text="旧 " + nasty, reason="reworded <&> \x02")
    old_source = result.old_source
    op = list(old_source.paragraphs)
    op[0] = dataclasses.replace(op[0], text=nasty)
    ot = list(result.old_target.paragraphs)
    ot[0] = dataclasses.replace(ot[0], text="旧 " + nasty)
    return dataclasses.replace(result, paragraphs=tuple(ps),
                               old_source=dataclasses.replace(old_source, paragraphs=tuple(op)),
                               old_target=dataclasses.replace(result.old_target, paragraphs=tuple(ot)))


def test_xliff_escapes_markup_and_keeps_what_xml_cannot_carry(result):
    r = _hostile(result)
    out = render_xliff(r)
    assert "\x01" not in out and "\x07" not in out and "\ufffe" not in out
    assert "&lt;" in out and "&amp;&amp;" in out
    root = ET.fromstring(out)
    units = root.findall("x:file/x:unit", NS)
    ids = [u.get("id") for u in units]
    assert len(set(ids)) == len(ids) and "OP3_a" in ids and "OP3_a.2" in ids
    for u, p in zip(units, r.paragraphs, strict=True):
        assert u.get("name") == p.id
        assert _text(u.find("x:segment/x:source", NS)) == p.source_text
        target = u.find("x:segment/x:target", NS)
        assert (target is None) if p.status == TRANSLATE else (_text(target) == p.text)
    bad = next(u for u in units if u.get("name") == "OP3(a)")
    assert [c.get("hex") for c in bad.find("x:segment/x:source", NS)] == ["0001", "0007", "001F", "FFFE"]
    translate = next(u for u in units if u.get("name") == "OP3_a")
    status = translate.find("x:notes/x:note[@category='resdiff-status']", NS).text
    assert status == "translate: reworded <&> [U+0002]"
    old = translate.find("x:notes/x:note[@category='resdiff-old-target']", NS).text
    assert old.startswith("旧 a < b && c > d \"quoted\" 'single' ]]> [U+0001]bell[U+0007] tab\tline\nnext")


def test_tmx_is_last_years_aligned_pair(result):
    from translate.storage.tmx import tmxfile

    out = render_tmx(result)
    pairs = [(a, b) for a, b, _ in pair_paragraphs(result.old_source, result.old_target)
             if a and b and a.text.strip() and b.text.strip()]
    assert len(pairs) >= 20
    root = ET.fromstring(out)
    header = root.find("header")
    assert header.get("srclang") == "en" and header.get("segtype") == "paragraph"
    tus = root.findall("body/tu")
    assert [tu.get("tuid") for tu in tus] == [a.id for a, _ in pairs]
    assert [tu.find("prop[@type='x-target-id']").text for tu in tus] == [b.id for _, b in pairs]
    for tu, (a, b) in zip(tus, pairs, strict=True):
        assert [(v.get(XML_LANG), v.find("seg").text) for v in tu.findall("tuv")] == [("en", a.text), ("zh", b.text)]
    store = tmxfile.parsestring(out.encode("utf-8"))
    assert [(u.source, u.target) for u in store.units] == [(a.text, b.text) for a, b in pairs]
    assert store.translate(pairs[0][0].text, "en", "zh") == pairs[0][1].text


def test_tmx_escapes_and_drops_what_xml_cannot_carry(result):
    out = render_tmx(_hostile(result))
    assert "\x01" not in out and "\ufffe" not in out
    first = ET.fromstring(out).find("body/tu")
    src, tgt = (v.find("seg").text for v in first.findall("tuv"))
    assert src == 'a < b && c > d "quoted" \'single\' ]]> bell tab\tline\nnext   end'
    assert tgt == "旧 " + src


_RENDER = """
import sys
from resdiff import load_document, parse_text
from resdiff.carry import carry
from resdiff.render.cat import render_tmx, render_xliff
sys.path.insert(0, {tests!r})
from test_cat import EN, ZH, _new_source
en = EN.read_text("utf-8")
r = carry(parse_text(en), parse_text(_new_source(en)), load_document(str(ZH)))
sys.stdout.buffer.write((render_xliff(r) + render_tmx(r)).encode("utf-8"))
"""


def test_the_same_bytes_on_every_run(result):
    assert render_xliff(result) == render_xliff(result) and render_tmx(result) == render_tmx(result)
    code = _RENDER.format(tests=str(ROOT / "tests"))
    runs = [subprocess.run([sys.executable, "-c", code], capture_output=True, check=True,
                           env={**os.environ, "PYTHONHASHSEED": seed}).stdout for seed in ("1", "2")]
    assert runs[0] == runs[1] == (render_xliff(result) + render_tmx(result)).encode("utf-8")
