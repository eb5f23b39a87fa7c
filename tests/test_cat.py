"""The carried draft as XLIFF 2.0 and last year's pair as a TMX 1.4 memory (resdiff/render/cat.py):
valid against the OASIS core schema and the LISA DTD, read back by translate-toolkit (an independent
reader), escaped, and the same bytes on every run."""

from __future__ import annotations

import html
import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from resdiff import load_document, parse_text
from resdiff.carry import carry
from resdiff.render.cat import render_tmx, render_xliff, xliff_id
from resdiff.render.cat import units as cat_units
from resdiff.results import CARRIED, TRANSLATE, UPDATED

ROOT = Path(__file__).resolve().parent.parent
SCHEMAS = ROOT / "tests" / ".schemas"
EN = ROOT / "tests" / "data" / "A-RES-75-62.en.unofficial.txt"
ZH = ROOT / "samples" / "A-RES-75-62.zh.txt"
NS = {"x": "urn:oasis:names:tc:xliff:document:2.0"}
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
EN_DOC = parse_text(EN.read_text("utf-8"))
ZH_DOC = load_document(str(ZH))


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


@pytest.mark.parametrize("case", ["en-zh", "zh-en", "en-es"])
def test_every_case_validates_and_keeps_its_tags(case):
    """Chinese to English and the official English and Spanish 48/246 too: XLIFF valid against the core
    schema with its matches, TMX against the DTD, the tags as given."""
    from lxml import etree

    result, source_tag, target_tag = _carry_case(case)
    xliff = etree.fromstring(render_xliff(result).encode("utf-8"))
    etree.XMLSchema(etree.parse(str(_schema("xliff-2.0/xliff_core_2.0.xsd")))).assertValid(xliff)
    assert (xliff.get("srcLang"), xliff.get("trgLang")) == (source_tag, target_tag)
    tmx = etree.fromstring(render_tmx(result, today=TODAY).encode("utf-8"))
    dtd = etree.DTD(str(_schema("tmx14.dtd")))
    assert dtd.validate(tmx), dtd.error_log.filter_from_errors()
    states = xliff.xpath("//x:segment/@subState", namespaces=NS)
    assert {"resdiff:carried", "resdiff:updated", "resdiff:translate"} <= set(states)


def test_tmx_validates_against_the_tmx14_dtd(result):
    from lxml import etree

    dtd = etree.DTD(str(_schema("tmx14.dtd")))
    for r in (result, _hostile(result)):
        for segmentation in ("paragraph", "sentence"):
            doc = etree.fromstring(render_tmx(r, segmentation).encode("utf-8"))
            assert dtd.validate(doc), dtd.error_log.filter_from_errors()
        doc = etree.fromstring(render_tmx(r).encode("utf-8"))
        assert dtd.validate(doc), dtd.error_log.filter_from_errors()


def test_xliff_reads_back_through_translate_toolkit(result):
    from translate.storage.xliff2 import Xliff2File

    out = render_xliff(result)
    store = Xliff2File.parsestring(out.encode("utf-8"))
    assert store.getsourcelanguage() == "en" and store.gettargetlanguage() == "zh"
    units = store.units
    every = cat_units(result)
    assert [u.getid() for u in units] == [f"{xliff_id(p.id)}::s1" for p in every]
    for u, p in zip(units, every, strict=True):
        assert u.source == p.source_text
        state = u.xmlelement.get("state")
        if p.status == TRANSLATE:
            assert u.get_target_dom() is None and state == "initial" and not u.istranslated()
        else:
            assert u.target == p.text and u.istranslated()
            assert state == {"carried": "final", "updated": "translated"}[p.status]


def _unit(root, name):
    (u,) = root.xpath("//x:unit[@name=$n]", namespaces=NS, n=name)
    return u


def test_xliff_read_back_with_xpath_units_states_matches_and_notes(result):
    """What a CAT tool acts on, read back with lxml's XPath (not the code that wrote it): carried units
    final, locked and marked carried; updated ones translated with every update in a note; the reworded
    one with last year's translation as a translation candidate, its similarity and origin, and the source
    change as a note; masthead, title, closing and footnotes as units of their own."""
    from lxml import etree

    root = etree.fromstring(render_xliff(result).encode("utf-8"))
    ns = {**NS, "mtc": "urn:oasis:names:tc:xliff:matches:2.0"}
    by_status = {s: [p.id for p in result.paragraphs if p.status == s] for s in (CARRIED, UPDATED, TRANSLATE)}
    assert len(by_status[CARRIED]) >= 20
    for pid in by_status[CARRIED]:
        u = _unit(root, pid)
        seg = u.find("x:segment", NS)
        assert (u.get("translate"), seg.get("state"), seg.get("subState")) == ("no", "final", "resdiff:carried")
    for pid in by_status[UPDATED]:
        u = _unit(root, pid)
        seg = u.find("x:segment", NS)
        assert u.get("translate") is None and (seg.get("state"), seg.get("subState")) == ("translated",
                                                                                          "resdiff:updated")
        assert u.xpath("x:notes/x:note[@category='resdiff-update']", namespaces=NS)
    pp12 = _unit(root, "PP12")
    (upd,) = pp12.xpath("x:notes/x:note[@category='resdiff-update']/text()", namespaces=NS)
    assert upd == "number: “123” → “124” (the source “123” → “124”)"
    assert "124 个国家" in pp12.findtext("x:segment/x:target", namespaces=NS)
    # the reworded paragraph: no target, last year's translation offered as a match
    pp3 = _unit(root, "PP3")
    assert pp3.find("x:segment/x:target", NS) is None
    assert pp3.find("x:segment", NS).get("state") == "initial"
    (match,) = pp3.xpath("mtc:matches/mtc:match", namespaces=ns)
    assert match.get("ref") == "#" + pp3.find("x:segment", NS).get("id")
    assert match.get("origin") == "A/RES/75/62 PP3" and match.get("type") == "tm"
    assert 80 < float(match.get("similarity")) < 100
    assert match.findtext("x:source", namespaces=NS) == EN_DOC.paragraph("PP3").text
    assert match.findtext("x:target", namespaces=NS) == ZH_DOC.paragraph("PP3").text
    (change,) = pp3.xpath("x:notes/x:note[@category='resdiff-source-change']/text()", namespaces=NS)
    assert "[-recent-]{+in the strongest terms all+}" in change
    # only the reworded paragraph has a match; a carried one none
    assert len(root.xpath("//mtc:match", namespaces=ns)) == 1
    # masthead, title, closing and footnotes: units of their own, typed, in document order
    names = root.xpath("//x:unit/@name", namespaces=NS)
    assert names[:6] == ["session", "agenda-item", "agenda-title", "adoption", "report", "title"]
    assert names[-7:] == ["meeting", "date", "FN1", "FN2", "FN3", "FN4", "FN5"]
    title = _unit(root, "title")
    assert title.get("type") == "resdiff:title"
    assert title.findtext("x:segment/x:target", namespaces=NS) == "76/99. 《集束弹药公约》的执行情况"
    assert _unit(root, "FN1").get("type") == "resdiff:footnote"
    assert _unit(root, "FN1").findtext("x:segment/x:target", namespaces=NS) == ZH_DOC.footnotes[0].text
    assert _unit(root, "session").findtext("x:segment/x:target", namespaces=NS) == "第七十五届会议"


def test_xliff_units_names_and_notes(result):
    root = ET.fromstring(render_xliff(result))
    assert root.get("srcLang") == result.new_source.language == "en"
    assert root.get("trgLang") == result.old_target.language == "zh"
    (file_el,) = root.findall("x:file", NS)
    assert file_el.get("original") == "A/RES/76/99"
    units = file_el.findall("x:unit", NS)
    every = cat_units(result)
    assert [u.get("name") for u in units] == [p.id for p in every]
    for u, p in zip(units, every, strict=True):
        assert [c.tag.split("}")[1] for c in u][-2:] == ["notes", "segment"]
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
        if p.prefix:
            assert notes["resdiff-number"] == [p.prefix.strip()]


def test_language_tags_are_kept_as_given():
    en = EN.read_text("utf-8")
    r = carry(parse_text(en), parse_text(_new_source(en)), load_document(str(ZH)), source_tag="en-GB",
              target_tag="zh-CN")
    root = ET.fromstring(render_xliff(r))
    assert (root.get("srcLang"), root.get("trgLang")) == ("en-GB", "zh-CN")
    tmx = ET.fromstring(render_tmx(r))
    assert tmx.find("header").get("srclang") == "en-GB"
    assert {v.get(XML_LANG) for v in tmx.iter("tuv")} == {"en-GB", "zh-CN"}


def test_ids_are_nmtokens_and_unique():
    assert xliff_id("PP12") == "PP12"
    assert xliff_id("OP3(a)") == "OP3_a"
    assert xliff_id("OP3(a)(ii)") == "OP3_a_ii"
    assert xliff_id("AN1.u1#2") == "AN1.u1-2"
    assert xliff_id("AN Приложение.3") == "AN" + "-" * 11 + ".3"


def nasty_text() -> str:
    return 'a < b && c > d "quoted" \'single\' ]]> \x01bell\x07 tab\tline\nnext \x1f \ufffe end'


def _hostile(result):
    """The result with a carried paragraph and a translate paragraph full of markup characters,
    characters XML 1.0 cannot carry, and ids that need mapping (two of them alike once mapped)."""
    nasty = nasty_text()
    ps = list(result.paragraphs)
    i = next(k for k, p in enumerate(ps) if p.status == CARRIED)
    j = next(k for k, p in enumerate(ps) if p.status == TRANSLATE)
    ps[i] = ps[i].replace(id="OP3(a)", source_text=nasty, text="目标 " + nasty)
    ps[j] = ps[j].replace(id="OP3_a", text="旧 " + nasty, reason="reworded <&> \x02")
    old_source = result.old_source
    op = list(old_source.paragraphs)
    op[0] = op[0].replace(text=nasty)
    ot = list(result.old_target.paragraphs)
    ot[0] = ot[0].replace(text="旧 " + nasty)
    return result.replace(paragraphs=tuple(ps),
                          old_source=old_source.replace(paragraphs=tuple(op)),
                          old_target=result.old_target.replace(paragraphs=tuple(ot)))


def test_xliff_escapes_markup_and_keeps_what_xml_cannot_carry(result):
    r = _hostile(result)
    out = render_xliff(r)
    assert "\x01" not in out and "\x07" not in out and "\ufffe" not in out
    assert "&lt;" in out and "&amp;&amp;" in out
    root = ET.fromstring(out)
    units = root.findall("x:file/x:unit", NS)
    ids = [u.get("id") for u in units]
    assert len(set(ids)) == len(ids) and "OP3_a" in ids and "OP3_a.2" in ids
    for u, p in zip(units, cat_units(r), strict=True):
        assert u.get("name") == p.id
        assert _text(u.find("x:segment/x:source", NS)) == p.source_text
        target = u.find("x:segment/x:target", NS)
        assert (target is None) if p.status == TRANSLATE else (_text(target) == p.text)
    bad = next(u for u in units if u.get("name") == "OP3(a)")
    assert [c.get("hex") for c in bad.find("x:segment/x:source", NS)] == ["0001", "0007", "001F", "FFFE"]
    translate = next(u for u in units if u.get("name") == "OP3_a")
    status = translate.find("x:notes/x:note[@category='resdiff-status']", NS).text
    assert status == "translate: reworded <&> [U+0002]"
    old = translate.find("{urn:oasis:names:tc:xliff:matches:2.0}matches/{urn:oasis:names:tc:xliff:matches:2.0}match"
                         "/x:target", NS)
    assert _text(old) == "旧 " + nasty_text()


TODAY = "2021-01-05"
MEMOQ_CONTEXT = re.compile(r"<seg>(.*)</seg>", re.S)


def _props(tu) -> dict[str, str]:
    return {p.get("type"): p.text for p in tu.findall("prop")}


def _context(tu, which: str) -> str | None:
    p = tu.find(f"tuv/prop[@type='x-context-{which}']")
    return None if p is None else html.unescape(MEMOQ_CONTEXT.fullmatch(p.text).group(1))


def test_tmx_holds_the_draft_then_last_years_pairs_it_did_not_carry(result):
    from translate.storage.tmx import tmxfile

    out = render_tmx(result, today=TODAY)
    root = ET.fromstring(out)
    header = root.find("header")
    assert header.get("srclang") == "en" and header.get("segtype") == "paragraph"
    tus = root.findall("body/tu")
    every = [p for p in cat_units(result) if p.status != TRANSLATE]
    draft = [tu for tu in tus if _props(tu)["x-resdiff-status"] != "last-year"]
    last = [tu for tu in tus if _props(tu)["x-resdiff-status"] == "last-year"]
    assert tus == draft + last
    assert [tu.get("tuid") for tu in draft] == [f"A/RES/76/99 {p.id}" for p in every]
    for tu, p in zip(draft, every, strict=True):
        assert [(v.get(XML_LANG), v.find("seg").text) for v in tu.findall("tuv")] == [
            ("en", p.source_text), ("zh", p.text)]
        props = _props(tu)
        assert props["x-document"] == props["x-Document:SingleString"] == "A/RES/76/99"
        assert props["x-paragraph"] == props["x-Paragraph:SingleString"] == p.id
        assert props["x-resdiff-status"] == p.status
        # last year's translation was published on 7 December 2020; resdiff changed the updated ones today
        assert tu.get("creationdate") == "20201207T000000Z" and tu.get("creationid") == "resdiff"
        assert (tu.get("changedate"), tu.get("changeid")) == (
            ("20210105T000000Z", "resdiff") if p.status == UPDATED else (None, None))
    # last year's pairs that the draft did not carry: the reworded PP3, a fuzzy match for the translator
    assert [(tu.get("tuid"), _props(tu)["x-target-id"]) for tu in last] == [("A/RES/75/62 PP3", "PP3")]
    assert [v.find("seg").text for v in last[0].findall("tuv")] == [EN_DOC.paragraph("PP3").text,
                                                                    ZH_DOC.paragraph("PP3").text]
    # an independent reader: the new source's carried and updated paragraphs translate to the draft
    store = tmxfile.parsestring(out.encode("utf-8"))
    pp12 = next(p for p in result.paragraphs if p.id == "PP12")
    assert store.translate(pp12.source_text, "en", "zh") == pp12.text
    assert store.translate(next(p for p in result.paragraphs if p.id == "PP3").source_text, "en", "zh") is None


def test_tmx_context_is_the_neighbouring_source_segments_as_memoq_writes_them(result):
    root = ET.fromstring(render_tmx(result, today=TODAY))
    sources = [p.source_text for p in cat_units(result)]  # the new source in document order, all of it
    for tu in root.findall("body/tu"):
        props = _props(tu)
        if props["x-resdiff-status"] == "last-year":
            continue
        k = [p.id for p in cat_units(result)].index(props["x-paragraph"])
        assert _context(tu, "pre") == (sources[k - 1] if k else None)
        assert _context(tu, "post") == (sources[k + 1] if k + 1 < len(sources) else None)
    # PP2's next segment is the reworded PP3, which has no unit of its own: context all the same
    pp2 = next(tu for tu in root.iter("tu") if _props(tu)["x-paragraph"] == "PP2")
    assert _context(pp2, "post").startswith("Deploring in the strongest terms")
    # last year's pair in last year's context
    (pp3,) = [tu for tu in root.iter("tu") if _props(tu)["x-resdiff-status"] == "last-year"]
    assert _context(pp3, "pre") == EN_DOC.paragraph("PP2").text


def test_tmx_by_sentence(result):
    """Sentence by sentence where both sides have as many sentences (Chinese ends them at 。 and ；, English
    at . and ; before a space but never after "vol." or "No."); else the paragraph whole, said so."""
    from lxml import etree

    ps = list(result.paragraphs)
    i = next(k for k, p in enumerate(ps) if p.status == CARRIED)
    j = next(k for k, p in enumerate(ps) if p.status == CARRIED and k > i)
    ps[i] = ps[i].replace(source_text="Notes the report (vol. 2, No. 3). Decides to act; and calls "
                                                   "upon States to help.", text="注意到报告(第 2 卷第 3 号)。决定采取行动；吁请各国协助。")
    ps[j] = ps[j].replace(source_text="Welcomes the report. Decides to act.", text="欢迎报告并决定采取行动。")
    r = result.replace(paragraphs=tuple(ps))
    out = render_tmx(r, "sentence", today=TODAY)
    assert etree.DTD(str(_schema("tmx14.dtd"))).validate(etree.fromstring(out.encode("utf-8")))
    root = ET.fromstring(out)
    assert root.find("header").get("segtype") == "sentence"
    split = [tu for tu in root.iter("tu") if _props(tu)["x-paragraph"] == ps[i].id]
    assert [[v.find("seg").text for v in tu.findall("tuv")] for tu in split] == [
        ["Notes the report (vol. 2, No. 3).", "注意到报告(第 2 卷第 3 号)。"],
        ["Decides to act;", "决定采取行动；"], ["and calls upon States to help.", "吁请各国协助。"]]
    assert [_props(tu)["x-sentence"] for tu in split] == ["1", "2", "3"]
    assert _context(split[1], "pre") == "Notes the report (vol. 2, No. 3)." and _context(split[1], "post") == (
        "and calls upon States to help.")
    (whole,) = [tu for tu in root.iter("tu") if _props(tu)["x-paragraph"] == ps[j].id]
    assert whole.get("segtype") == "paragraph" and whole.find("tuv/seg").text == "Welcomes the report. Decides to act."


def test_tmx_escapes_and_drops_what_xml_cannot_carry(result):
    out = render_tmx(_hostile(result))
    assert "\x01" not in out and "\ufffe" not in out
    root = ET.fromstring(out)
    (tu,) = [tu for tu in root.iter("tu") if _props(tu)["x-paragraph"] == "OP3(a)"]
    src, tgt = (v.find("seg").text for v in tu.findall("tuv"))
    assert src == 'a < b && c > d "quoted" \'single\' ]]> bell tab\tline\nnext   end'
    assert tgt == "目标 " + src
    # as the unit before's context, the markup escaped once more inside memoQ's <seg>…</seg>, read back whole
    before = next(t for t in root.iter("tu") if (_context(t, "post") or "").startswith("a < b"))
    assert _context(before, "post") == src


_RENDER = """
import sys
from resdiff import load_document, parse_text
from resdiff.carry import carry
from resdiff.render.cat import render_tmx, render_xliff
sys.path.insert(0, {tests!r})
from test_cat import EN, ZH, _new_source
en = EN.read_text("utf-8")
r = carry(parse_text(en), parse_text(_new_source(en)), load_document(str(ZH)))
sys.stdout.buffer.write((render_xliff(r) + render_tmx(r, today="2021-01-05")).encode("utf-8"))
"""


def test_the_same_bytes_on_every_run(result):
    assert render_xliff(result) == render_xliff(result)
    code = _RENDER.format(tests=str(ROOT / "tests"))
    runs = [subprocess.run([sys.executable, "-c", code], capture_output=True, check=True,
                           env={**os.environ, "PYTHONHASHSEED": seed}).stdout for seed in ("1", "2")]
    assert runs[0] == runs[1] == (render_xliff(result) + render_tmx(result, today=TODAY)).encode("utf-8")


# --- proved in a real CAT tool: OmegaT, in console mode ----------------------------------------------

OMEGAT_PROJECT = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<omegat>
  <project version="1.0">
    <source_dir>__DEFAULT__</source_dir>
    <target_dir>__DEFAULT__</target_dir>
    <tm_dir>__DEFAULT__</tm_dir>
    <glossary_dir>__DEFAULT__</glossary_dir>
    <glossary_file>__DEFAULT__</glossary_file>
    <dictionary_dir>__DEFAULT__</dictionary_dir>
    <source_lang>{source}</source_lang>
    <target_lang>{target}</target_lang>
    <sentence_seg>false</sentence_seg>
    <support_default_translations>true</support_default_translations>
    <remove_tags>false</remove_tags>
  </project>
</omegat>
"""


def _omegat() -> str:
    import shutil

    found = shutil.which("omegat")
    if not found:
        if os.environ.get("CI"):
            pytest.fail("omegat missing: .ci/run installs Debian's omegat")
        pytest.skip("OmegaT is not installed (Debian: apt-get install omegat)")
    return found


def _carry_case(case: str):
    """(result, source tag, target tag) of a held-out-style case: English to Chinese, Chinese to English, and
    the official English and Spanish 48/246 with next year's updates."""
    if case == "en-zh":
        en = EN.read_text("utf-8")
        return carry(parse_text(en), parse_text(_new_source(en)), ZH_DOC, target_tag="zh-CN"), "en", "zh-CN"
    if case == "zh-en":
        zh = ZH.read_text("utf-8")
        new = (zh.replace("已有 123 个国家", "已有 125 个国家").replace("第七十六届", "第七十七届")
               .replace("痛惜最近使用集束弹药", "痛惜最近在若干地区使用集束弹药"))
        return carry(ZH_DOC, parse_text(new), EN_DOC, source_tag="zh-CN", target_tag="en-GB"), "zh-CN", "en-GB"
    real = ROOT.parent / "shared" / "corpus" / "real"
    if not (real / "A-RES-48-246.en.pdf").is_file():
        pytest.skip("../shared/corpus/real is absent")
    text = (real / "A-RES-48-246.en.pdfminer.txt").read_text("utf-8")
    new = parse_text(text.replace("5,600 dollars", "5,800 dollars").replace("forty-ninth", "fiftieth"))
    es = load_document(str(real / "A-RES-48-246.es.pdf"))
    return carry(load_document(str(real / "A-RES-48-246.en.pdf")), new, es, target_tag="es-419"), "en", "es-419"


@pytest.mark.parametrize("case", ["en-zh", "zh-en", "en-es"])
def test_omegat_applies_the_memory_to_every_carried_and_updated_paragraph_and_to_no_other(tmp_path, case):
    """An OmegaT project built from the new source (its units read back from the XLIFF with lxml, one a
    paragraph), resdiff's TMX in tm/auto (which OmegaT applies without asking), translated by OmegaT's
    console mode: every carried and updated unit comes out as the draft, every unit to translate stays in
    the source language."""
    from lxml import etree

    omegat = _omegat()
    result, source_tag, target_tag = _carry_case(case)
    root = etree.fromstring(render_xliff(result).encode("utf-8"))
    sources = ["".join(s.itertext()) for s in root.xpath("//x:unit/x:segment/x:source", namespaces=NS)]
    every = cat_units(result)
    assert sources == [p.source_text for p in every]
    assert {p.status for p in every} == {CARRIED, UPDATED, TRANSLATE}
    project = tmp_path / "project"
    for sub in ("source", "target", "tm/auto", "omegat", "glossary", "dictionary"):
        (project / sub).mkdir(parents=True)
    (project / "omegat.project").write_text(OMEGAT_PROJECT.format(source=source_tag, target=target_tag), "utf-8")
    (project / "source" / "new.txt").write_text("\n\n".join(sources) + "\n", "utf-8")
    (project / "tm" / "auto" / "resdiff.tmx").write_text(render_tmx(result), "utf-8")
    run = subprocess.run([omegat, str(project), "--mode=console-translate", f"--config-dir={tmp_path / 'config'}"],
                         capture_output=True, text=True, timeout=600,
                         env={**os.environ, "HOME": str(tmp_path), "LC_ALL": "C.UTF-8"})
    assert run.returncode == 0, run.stdout[-2000:] + run.stderr[-2000:]
    out = (project / "target" / "new.txt").read_text("utf-8").rstrip("\n").split("\n\n")
    assert len(out) == len(every)
    for got, p in zip(out, every, strict=True):
        if p.status == TRANSLATE:
            assert got == p.source_text, (p.id, "a unit to translate came out translated")
        else:
            assert got == p.text.strip(), (p.id, p.status, got)
    updated = [p for p in every if p.status == UPDATED]
    assert updated and all(out[every.index(p)] != p.source_text for p in updated)
