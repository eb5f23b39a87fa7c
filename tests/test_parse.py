"""The parser on the real 75/62 text, re-wrapped copies, an English fixture, PDF and DOCX."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from layout import EN_FIXTURE, SEED, SHARED_SEED, examples, render, seed_spec, spec_of
from runcli import invoke

from resdiff import NotAResolution, load_document, parse_text
from resdiff.layout import JOB
from resdiff.normalize import fold

SEED_TEXT = SEED.read_text("utf-8")


@pytest.fixture(scope="module")
def seed():
    return parse_text(SEED_TEXT, source=str(SEED))


def test_sample_is_the_official_corpus_text():
    if SHARED_SEED.exists():
        assert SEED.read_bytes() == SHARED_SEED.read_bytes()


def test_seed_metadata(seed):
    m = seed.metadata
    assert (m.symbol, m.session, m.language, m.adopted) == ("A/RES/75/62", 75, "zh", "2020-12-07")
    assert m.title == "《集束弹药公约》的执行情况"
    assert m.distributed == "2020-12-15"
    assert m.agenda_item == "103(ll)"
    assert (m.report, m.report_paragraph, m.meeting) == ("A/75/399", "96", 37)
    # the job number line is page furniture, set aside (its letter names the language)
    assert [s for s in seed.other if JOB.match(s)] == ["20-16878 (C)    181220    211220"]


def test_seed_structure(seed):
    kinds = [p.kind for p in seed.paragraphs]
    assert kinds.count("preambular") == 19 and kinds.count("operative") == 11
    assert [p.id for p in seed.paragraphs][18:21] == ["PP19", "OP1", "OP2"]
    assert [p.number for p in seed.paragraphs if p.kind == "operative"] == [str(n) for n in range(1, 12)]
    cited = {p.id: p.footnotes for p in seed.paragraphs if p.footnotes}
    assert cited == {"PP8": ("1",), "PP9": ("2",), "PP15": ("3", "4"), "PP16": ("5",)}
    assert [f.marker for f in seed.footnotes] == ["1", "2", "3", "4", "5"]
    assert seed.footnotes[0].text == "联合国，《条约汇编》，第 2515 卷，第 44910 号。"
    assert seed.footnotes[4].text == "CCM/MSP/2016/9，附件一。"


def test_seed_paragraph_texts(seed):
    p = {x.id: x.text for x in seed.paragraphs}
    assert "集束弹药受害者" in p["PP6"]
    assert p["PP1"].startswith("回顾其关于《集束弹药公约》的 2008 年 12 月 2 日第 63/71 号")
    assert "2019 年 12 月 12 日第 74/62 号决议，" in p["PP1"]  # "第" / "74/62" broken across lines
    # markers gone, numbers that are content kept
    assert "《残疾人权利公约》所作的努力" in p["PP8"]
    assert "《政治宣言》，确定 2030 年" in p["PP16"]
    assert "已有 123 个国家" in p["PP12"] and "13 个为签署国" in p["PP12"]
    assert p["OP4"] == "敦促所有缔约国按照《公约》第 7 条的规定，及时向秘书长提供完整的资料，以便提高透明度和促进遵守《公约》；"
    assert p["OP11"].endswith("的分项。")
    assert p["PP19"].startswith("承认妇女和男子")  # after the footnote block and link targets


def test_no_page_furniture_in_paragraphs(seed):
    for p in seed.paragraphs:
        for junk in ("20-16878", "2016878", "http", "undocs", "____", "A/RES/75/62", "Distr", "\n"):
            assert junk not in p.text, (p.id, junk)
        assert "第 37 次全体会议" not in p.text


def _same_parse(a, b):
    assert [p.id for p in a.paragraphs] == [p.id for p in b.paragraphs]
    for x, y in zip(a.paragraphs, b.paragraphs, strict=True):
        assert fold(x.text) == fold(y.text), x.id
        assert x.footnotes == y.footnotes, x.id
    assert [(f.marker, fold(f.text)) for f in a.footnotes] == [(f.marker, fold(f.text)) for f in b.footnotes]
    assert a.metadata.symbol == b.metadata.symbol and a.metadata.adopted == b.metadata.adopted


@settings(max_examples=examples(25), deadline=None)
@given(width=st.integers(min_value=12, max_value=120), spaced=st.booleans(),
       para=st.integers(min_value=0, max_value=29), line=st.integers(min_value=0, max_value=3),
       urls=st.booleans())
def test_rewrapping_never_changes_the_parse(seed, width, spaced, para, line, urls):
    text = render(seed_spec(), width=width, spaced=spaced, notes_after=(para, line), urls=urls)
    _same_parse(seed, parse_text(text))


def test_full_width_digits_fold_to_the_same_parse(seed):
    _same_parse(seed, parse_text(render(seed_spec(), width=40, spaced=False, fullwidth_digits=True)))


def test_crlf_and_bom(seed):
    _same_parse(seed, parse_text("\ufeff" + SEED_TEXT.replace("\n", "\r\n")))


# --- English, same rules ------------------------------------------------------------

@pytest.fixture(scope="module")
def english():
    return load_document(str(EN_FIXTURE))


def test_english_structure(english):
    m = english.metadata
    assert (m.symbol, m.session, m.language, m.adopted, m.report, m.meeting) == (
        "A/RES/75/62", 75, "en", "2020-12-07", "A/75/399", 37)
    assert m.title == "Implementation of the Convention on Cluster Munitions"
    assert sum(p.kind == "preambular" for p in english.paragraphs) == 19
    assert sum(p.kind == "operative" for p in english.paragraphs) == 11
    cited = {p.id: p.footnotes for p in english.paragraphs if p.footnotes}
    assert cited == {"PP8": ("1",), "PP9": ("2",), "PP15": ("3", "4"), "PP16": ("5",)}


def test_english_markers_told_from_numbers(english):
    p = {x.id: x.text for x in english.paragraphs}
    assert "Persons with Disabilities, to address" in p["PP8"]
    assert "Convention on Cluster Munitions or by other" in p["PP9"]
    assert "Political Declaration and the Dubrovnik Action Plan, adopted" in p["PP15"]
    assert "Noting that 123 States have joined" in p["PP12"] and "and 13 as signatories" in p["PP12"]
    assert "under article 7 of the Convention" in p["OP4"]
    assert "from 7 to 11 September 2015," in p["PP15"]
    assert "gender- and age-sensitive" in p["PP6"] and "post-conflict" in p["PP4"]


@settings(max_examples=examples(15), deadline=None)
@given(width=st.integers(min_value=30, max_value=140), para=st.integers(min_value=0, max_value=29))
def test_english_rewrapping_never_changes_the_parse(english, width, para):
    spec = spec_of(EN_FIXTURE.read_text("utf-8"))
    _same_parse(english, parse_text(render(spec, width=width, notes_after=(para, 1))))


def test_language_override():
    doc = parse_text(SEED_TEXT, language="zh")
    assert doc.metadata.language == "zh"


def test_subparagraphs_get_their_own_ids():
    spec = seed_spec()
    k = spec.index("OP", 3)
    text = render(spec)
    text = text.replace(" 4. 敦促所有缔约国", " (a) 敦促各国；\n\n (b) 请秘书长；\n\n 4. 敦促所有缔约国")
    doc = parse_text(text)
    ids = [p.id for p in doc.paragraphs]
    assert ids[k : k + 4] == ["OP3", "OP3(a)", "OP3(b)", "OP4"]
    assert doc.paragraph("OP3(b)").text == "请秘书长；"


def test_not_a_resolution():
    readme = "# resdiff\n\nA tool that compares resolutions.\n\nInstall it with pip.\n"
    with pytest.raises(NotAResolution):
        parse_text(readme, source="README.md")


def test_numbering_duplicates_keep_ids_unique():
    text = re.sub(r" 5\. 邀请所有", " 4. 邀请所有", SEED_TEXT)
    ids = [p.id for p in parse_text(text).paragraphs]
    assert len(ids) == len(set(ids)) and "OP4#2" in ids


def test_page_break_furniture_inside_a_paragraph(seed):
    """A page break as a full PDF has it: page number, job number, running header with symbol and title."""
    lines = render(seed_spec(), width=40).split("\n")
    k = next(i for i, line in enumerate(lines) if line.startswith("区域和全球") or "区域和全球" in line)
    page = ["2/3", "", "20-16878", "", "A/RES/75/62", "", "《集束弹药公约》的执行情况", ""]
    text = "\n".join(lines[:k] + page + lines[k:])
    _same_parse(seed, parse_text(text))
    assert "2/3" in parse_text(text).other


def test_a_body_line_that_reads_like_the_title_is_kept():
    spec = seed_spec()
    k = spec.index("OP", 11)
    spec.paras[k].text = "决定在大会第七十六届会议临时议程中列入题为“全面彻底裁军”的项目：《集束弹药公约》的执行情况"
    text = render(spec, width=60).replace("项目：《集束弹药公约》的执行情况", "项目：\n\n《集束弹药公约》的执行情况")
    assert parse_text(text).paragraph("OP11").text.endswith("：《集束弹药公约》的执行情况")


def _plain(doc_spec, sep: str, wrap_width: int | None = None) -> str:
    """The same resolution typed or pasted from Word: no indentation, paragraphs as lines or blocks."""
    from layout import FN, wrap

    out = [h.strip() for h in doc_spec.header]
    op, marker, notes = 0, 0, []
    for p in doc_spec.paras:
        text = p.text
        for note in p.notes:
            marker += 1
            text = text.replace(FN, f"{marker}", 1)
            notes.append(f"{marker} {note}")
        if p.kind == "OP":
            op += 1
            text = f"{op}. {text}"
        out.append("\n".join(wrap(text, wrap_width)) if wrap_width else text)
    out += [c.strip() for c in doc_spec.closing] + ["__________________"] + notes
    return sep.join(out) + "\n"


@pytest.mark.parametrize("sep, width", [("\n", None), ("\n\n", None), ("\n\n", 60)])
def test_plain_text_without_indentation(seed, sep, width):
    """One paragraph a line, one a block between blank lines, or hard-wrapped blocks: the same parse."""
    _same_parse(seed, parse_text(_plain(seed_spec(), sep, width)))


def test_lettered_and_roman_sub_paragraphs():
    text = render(seed_spec()).replace(
        " 4. 敦促所有缔约国",
        " (a) 甲；\n\n (i) 子项一；\n\n (ii) 子项二；\n\n (b) 乙；\n\n (c) 丙；\n\n (d) 丁；\n\n (e) 戊；\n\n"
        " (f) 己；\n\n (g) 庚；\n\n (h) 辛；\n\n (i) 壬；\n\n 4. 敦促所有缔约国")
    ids = [p.id for p in parse_text(text).paragraphs]
    k = ids.index("OP3")
    assert ids[k:k + 13] == ["OP3", "OP3(a)", "OP3(a)(i)", "OP3(a)(ii)", "OP3(b)", "OP3(c)", "OP3(d)", "OP3(e)",
                             "OP3(f)", "OP3(g)", "OP3(h)", "OP3(i)", "OP4"]


def test_hyphenated_line_breaks_follow_the_documents_own_words():
    from resdiff.normalize import join_lines

    vocab = frozenset({"decision-making", "implementation"})
    assert join_lines(["in decision-", "making processes"], vocabulary=vocab) == "in decision-making processes"
    assert join_lines(["the implemen-", "tation of"], vocabulary=vocab) == "the implementation of"
    from resdiff import lang as L

    english, french = L.compound_first_words("en"), L.compound_first_words("fr")
    assert join_lines(["its twenty-", "first session"], compounds=english) == "its twenty-first session"
    # French numeral compounds keep their hyphen across a line end (the 1993 French PDF's "quarante-")
    assert join_lines(["à sa quarante-", "neuvième session"], compounds=french) == "à sa quarante-neuvième session"
    assert join_lines(["soixante-", "quinzième"], compounds=french) == "soixante-quinzième"
    assert join_lines(["le règle-", "ment"], compounds=french) == "le règlement"  # a word broken at the end
    spec = spec_of(EN_FIXTURE.read_text("utf-8"))
    k = spec.index("PP", 19)
    text = render(spec, width=100).replace("participation of women and men in decision-making on",
                                           "participation of women and men in decision-\n\nmaking on")
    text = text.replace("ensure their rapid destruction,", "ensure their rapid destruc-\n\ntion,")
    doc = parse_text(text)
    assert "in decision-making on" in doc.paragraphs[k].text
    assert "their rapid destruction," in doc.paragraph("PP5").text


ANNEXED = """ 68/999. Declaration on something

 The General Assembly,

 Recalling its resolution 1/1,

 1. Adopts the Declaration on Something, annexed to the present resolution;

 2. Decides to remain seized of the matter.

 99th plenary meeting
 10 December 2013

Annex

 Declaration on Something

 The Member States,

 1. Declare that this is a declaration;

 2. Affirm that:

 (a) it has sub-paragraphs;

 (b) and two of them.

Annex II

 1. A second annex.
"""


def test_an_annexed_declaration_is_read_apart_from_the_operative_part():
    doc = parse_text(ANNEXED)
    assert [(p.id, p.kind) for p in doc.paragraphs] == [
        ("PP1", "preambular"), ("OP1", "operative"), ("OP2", "operative"),
        ("AN.u1", "annex"), ("AN.u2", "annex"), ("AN.1", "annex"), ("AN.2", "annex"), ("AN.2(a)", "annex"),
        ("AN.2(b)", "annex"), ("ANII.1", "annex")]
    assert doc.paragraph("OP2").text == "Decides to remain seized of the matter."  # the closing is not in it
    assert (doc.metadata.meeting, doc.metadata.adopted) == (99, "2013-12-10")
    assert doc.paragraph("AN.2(a)").text == "it has sub-paragraphs;"


def test_two_resolutions_in_one_text_are_refused():
    with pytest.raises(NotAResolution, match=r"the text holds 2 resolutions \(68/999, 68/999\)"):
        parse_text(ANNEXED + ANNEXED)


def test_a_long_text_with_no_operative_part_says_so():
    text = " 1/1. T\n\n The General Assembly,\n\n" + " Recalling things and more things, " * 200
    (warning,) = parse_text(text).warnings
    assert warning.code == "no-operative" and warning.id is None
    assert warning.message.startswith("no operative paragraph found, and one preambular paragraph holds")
    assert parse_text(SEED.read_text("utf-8")).warnings == ()
    r = invoke(["parse", "-", "--format", "json"], 0, input=text)
    assert "resdiff: warning: <stdin>: no operative paragraph found" in r.stderr


PDFMINER_LIKE = """United Nations
General Assembly
A/RES/73/99
Distr.: General
31 October 2018
Seventy-third session
Agenda item 30
  Resolution adopted by the General Assembly on

26 October 2018

73/99.  Something of  the  kind

The General Assembly,

Recalling  its  resolutions  37/90  of  10 December 1982  and  the  work  of  the
Committee on the Peaceful Uses of Outer Space and its future contribution to the governance of outer space,

the

that

Convinced

fulfilment of

the mandate requires  the  cooperation  of  all  States  and  the  seventy -fifth  session,

Noting with appreciation the work of the Confere nce on the Exploration of Outer Space and of the Conference,
__________________
1  See A/AC.105/1137.
18-17962 (E)    021118
*1817962*
A/RES/73/99
1.
space activities;
Urges all States to support the
2.  Decides to remain seized of the matter.
26th plenary meeting
26 October 2018
"""


def test_text_that_marks_no_paragraph_by_indenting_is_laid_out_by_its_grammar():
    """pdfminer's text of an official PDF: no indentation, justified double spaces, the words of one line
    given as separate boxes in another order, a word split by a space, an operative number alone on a
    line with a fragment before its text, running heads in the middle, the closing meeting then date."""
    doc = parse_text(PDFMINER_LIKE)
    assert [p.id for p in doc.paragraphs] == ["PP1", "PP2", "PP3", "OP1", "OP2"]
    assert doc.paragraph("PP2").text.startswith("Convinced the that fulfilment of the mandate")
    assert "seventy-fifth session" in doc.paragraph("PP2").text and "  " not in doc.paragraph("PP2").text
    assert "the Conference on the Exploration" in doc.paragraph("PP3").text  # "Confere nce" mended
    assert doc.paragraph("OP1").text.startswith("Urges all States to support the space activities;")
    m = doc.metadata
    assert (m.symbol, m.adopted, m.distributed, m.meeting) == ("A/RES/73/99", "2018-10-26", "2018-10-31", 26)
    assert [f.text for f in doc.footnotes] == ["See A/AC.105/1137."]


def _grammar_laid_out(paragraphs: list[str]) -> str:
    """A hard-wrapped text (pdfminer's, a viewer's copy) of the given preambular paragraphs and one
    operative one, laid out by its grammar."""
    head = PDFMINER_LIKE[: PDFMINER_LIKE.index("Recalling")]
    tail = "1.  Decides to remain seized of the matter.\n26th plenary meeting\n26 October 2018\n"
    return head + "".join(p + "\n" for p in paragraphs) + tail


def test_a_letter_split_off_a_word_is_joined_in_english_only():
    """'peopl e' is a word a justified line split in English, where no word is one letter but 'a' and
    'I'; in Spanish 'y' and 'e' are words, so a letter alone is left where it stands."""
    en = parse_text(_grammar_laid_out(["Recalling the right of all peopl e to peace,",
                                       "Noting the report of the Secretary-General,"]))
    assert en.paragraph("PP1").text == "Recalling the right of all people to peace,"
    es = parse_text(_grammar_laid_out(["Recordando el derecho de las naciones unida s a la paz y el desarrollo de los "
                                       "pueblos, y el de las comunidades, de los Estados y de la región,",
                                       "Observando el informe del Secretario General y de los Estados,"]))
    assert es.metadata.language == "es"
    assert "naciones unida s a la paz" in es.paragraph("PP1").text


def test_a_word_split_where_the_document_writes_it_whole_is_joined_each_time():
    """'Confere nce' stands twice, and the document writes 'Conference' elsewhere: both are mended,
    while 'in ter' (neither half a word of the document only split) is left."""
    doc = parse_text(_grammar_laid_out([
        "Recalling the Confere nce of 2018 and the Confere nce of 2019,",
        "Noting the Conference on Outer Space, and the in ter alia clause,"]))
    assert doc.paragraph("PP1").text == "Recalling the Conference of 2018 and the Conference of 2019,"
    assert "the in ter alia clause" in doc.paragraph("PP2").text


def test_a_word_split_after_its_first_letter_is_joined_each_time():
    """'h umankind' twice, where the document writes 'humankind' elsewhere and 'h' is no word of it: the
    split is found where its rarer half stands, and both are mended."""
    doc = parse_text(_grammar_laid_out([
        "Recalling the duty owed to h umankind and the rights of h umankind,",
        "Noting the report on humankind and on the Conference,"]))
    assert doc.paragraph("PP1").text == "Recalling the duty owed to humankind and the rights of humankind,"


def test_a_footnote_cited_again_is_taken_from_the_text_and_numbers_are_not():
    """A marker glued to a word ("Goals2") or raised after a space ("Agenda ²") cites footnote 2 again in a
    later paragraph, and goes with its space; a number that is no marker seen ("Goals17"), a year and a
    symbol stay in the text."""
    text = _grammar_laid_out([
        "Recalling the Sustainable Development Goals,1 adopted in 2015,",
        "Recalling also the 2030 Agenda2 and resolution 70/1,",
        "Noting that the Goals2 and the Goals17 remain, as the Agenda ² says,",
    ]).replace("1.  Decides", "__________________\n1 See resolution 70/1.\n2 See A/70/L.1.\n1.  Decides")
    doc = parse_text(text)
    assert [(p.id, p.footnotes) for p in doc.paragraphs][:3] == [("PP1", ("1",)), ("PP2", ("2",)),
                                                                  ("PP3", ("2", "2"))]
    assert doc.paragraph("PP3").text == "Noting that the Goals and the Goals17 remain, as the Agenda says,"
    assert "the 2030 Agenda and resolution 70/1," in doc.paragraph("PP2").text


def test_a_footnote_cited_again_as_a_superscript_is_taken_where_bare_numbers_never_are_markers():
    """In a language whose markers are never glued to a word (read as Chinese), a raised ² cites footnote 2
    again and leaves the text; the bare "Goals2" is content and stays."""
    text = _grammar_laid_out([
        "Recalling the Sustainable Development Goals,1 adopted in 2015,",
        "Recalling also the 2030 Agenda2 and resolution 70/1,",
        "Noting that the Goals2 remain, as the Agenda² says,",
    ]).replace("1.  Decides", "__________________\n1 See resolution 70/1.\n2 See A/70/L.1.\n1.  Decides")
    doc = parse_text(text, language="zh")
    assert doc.paragraph("PP3").footnotes == ("2",)
    assert doc.paragraph("PP3").text == "Noting that the Goals2 remain, as the Agenda says,"


_WORD_OR_COMPOUND = r"[^\W\d_]+(?:-[^\W\d_]+)*(?![-\u00ad]\s*$)"


@settings(max_examples=examples(300), deadline=None)
@given(st.text(alphabet="ab-\u00ad \n\t1_é", max_size=60), st.integers(1, 8))
def test_the_documents_words_read_in_pieces_are_those_read_whole(text, size):
    from resdiff.parse import _vocabulary

    assert _vocabulary(text, size) == frozenset(re.findall(_WORD_OR_COMPOUND, text, re.MULTILINE))


def test_a_long_documents_words_are_counted_without_listing_them_all():
    import tracemalloc

    from resdiff.parse import _vocabulary

    text = (SEED.read_text("utf-8") + EN_FIXTURE.read_text("utf-8")) * 100  # over a million characters
    _vocabulary(text[:1000])  # what it compiles, before the memory is counted
    peaks = []
    for read in (_vocabulary, lambda t: frozenset(re.findall(_WORD_OR_COMPOUND, t, re.MULTILINE))):
        tracemalloc.start()
        try:
            words = read(text)
            peaks.append(tracemalloc.get_traced_memory()[1])
        finally:
            tracemalloc.stop()
        assert words == frozenset(re.findall(_WORD_OR_COMPOUND, text, re.MULTILINE))
    assert peaks[0] < peaks[1] / 4  # every word of the text listed at once


@pytest.mark.parametrize("gap", ["\t\t\t", "\u00a0\u00a0\u00a0", " \t "])
def test_masthead_columns_set_apart_by_tabs_or_no_break_spaces_are_two_lines(gap):
    """Two masthead columns side by side are two lines whatever white space stands between them."""
    text = EN_FIXTURE.read_text("utf-8").replace("United Nations   A/RES/75/62", f"United Nations{gap}A/RES/75/62")
    doc = parse_text(text)
    assert doc.other[1:3] == ("United Nations", "A/RES/75/62")
