"""Any extraction, one structure: the layouts other extractors and pipelines write (Markdown, pdftotext
with its page breaks and footnote markers set apart, furniture inside paragraphs), a text adopted inline,
hyphens as each language writes them, markers glued to numbers, and the parse's own self-checks.

The texts here are small ones of our own in those layouts; the real extracted texts of
../shared/corpus/real/extracted/ are read where that folder is present."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from resdiff import compare, load_document
from resdiff.parse import parse_text

REAL = Path(__file__).resolve().parents[1].parent / "shared" / "corpus" / "real"
EXTRACTED = REAL / "extracted"
EXPECTED = json.loads((REAL / "expected.json").read_text("utf-8")) if (REAL / "expected.json").is_file() else {}
needs_real = pytest.mark.skipif(not EXTRACTED.is_dir(), reason="../shared/corpus/real/extracted is absent")


def counts(doc) -> dict:
    m = doc.metadata
    return {"pp": sum(p.kind == "preambular" for p in doc.paragraphs),
            "op": sum(p.kind == "operative" and p.letter is None for p in doc.paragraphs),
            "sub": sum(p.letter is not None for p in doc.paragraphs), "footnotes": len(doc.footnotes),
            "symbol": m.symbol, "session": m.session, "language": m.language, "adopted": m.adopted,
            "distributed": m.distributed}


def codes(doc) -> list[str]:
    return [w.code for w in doc.warnings]


# --- Markdown, as a 2025 PDF-to-Markdown pipeline writes a resolution ---------------------------------

MARKDOWN = """A/RES/80/999

# **General Assembly**

Distr.: General 10 December 2025

**Eightieth session** Agenda item 99

## **Resolution adopted by the General Assembly on 8 December 2025**

_[on the report of the Third Committee (A/80/999)]_

### **80/999. Cooperation on something important**

_The General Assembly,_

_Recalling_ its resolution 79/123 of 4 December 2024,[^1]

_Noting_ the report of the Secretary-General,[^2] and noting also the views of Member States,

_Reaffirming_ , in that regard, the principle of non‑intervention,

1. _Welcomes_ the progress made;

25-12345 **2/3**

**A/RES/80/999**

2. _Requests_ the Secretary-General to report to it at its eighty-first session.

_45th plenary meeting 8 December 2025_

---

[^1]: See A/79/PV.45.
[^2]: A/80/301, annex.
"""


def test_markdown_pipeline_output_is_read_as_a_resolution():
    doc = parse_text(MARKDOWN)
    assert counts(doc) == {"pp": 3, "op": 2, "sub": 0, "footnotes": 2, "symbol": "A/RES/80/999", "session": 80,
                           "language": "en", "adopted": "2025-12-08", "distributed": "2025-12-10"}
    assert doc.metadata.agenda_item == "99" and doc.metadata.meeting == 45
    assert [(f.marker, f.text) for f in doc.footnotes] == [("1", "See A/79/PV.45."), ("2", "A/80/301, annex.")]
    assert doc.paragraph("PP1").footnotes == ("1",) and doc.paragraph("PP2").footnotes == ("2",)
    assert doc.paragraph("PP1").text == "Recalling its resolution 79/123 of 4 December 2024,"
    assert doc.paragraph("PP3").text.startswith("Reaffirming, in that regard")  # no "_Reaffirming_ ," space
    # the closing and the footnotes stay out of the last paragraph, the page furniture out of every one
    assert doc.paragraph("OP2").text == "Requests the Secretary-General to report to it at its eighty-first session."
    assert "**" not in "".join(p.text for p in doc.paragraphs) and doc.warnings == ()
    assert doc.source_kind == "markdown"  # told by the text itself, never by a file name


@pytest.mark.parametrize("end", ["\r", "\r\n"])
def test_markdown_with_cr_line_ends_is_read_as_markdown_from_a_file(tmp_path, end):
    """A file is told Markdown or not on the lines the parser reads: one saved with CR (or CRLF) line ends
    was read as plain text, its code fences and [^n] markers kept in its paragraphs and its footnotes lost."""
    # its structural signs all at a line's start (headings, quoted footnotes), as a pipeline writes some
    text = MARKDOWN.replace("---\n\n[^1]: See A/79/PV.45.\n[^2]: A/80/301, annex.\n",
                            "> 1  See A/79/PV.45.\n\n> 2 A/80/301, annex.\n").replace("[^1]", "").replace("[^2]", "")
    f = tmp_path / "resolution.md"
    f.write_bytes(text.replace("\n", end).encode("utf-8"))
    doc = load_document(str(f))
    assert doc.source_kind == "markdown"
    assert counts(doc) == counts(parse_text(text)) and counts(doc)["pp"] == 3
    assert [(x.marker, x.text) for x in doc.footnotes] == [("1", "See A/79/PV.45."), ("2", "A/80/301, annex.")]


def test_front_matter_never_decides():
    front = "---\ntitle: A/RES/12/345\nsymbol: A/RES/12/345\ndate: 1999-01-01\n---\n"
    doc = parse_text(front + MARKDOWN.replace("A/RES/80/999\n", "", 1))
    assert (doc.metadata.symbol, doc.metadata.adopted) == ("A/RES/80/999", "2025-12-08")
    assert counts(doc)["pp"] == 3 and doc.warnings == ()


def test_markdown_quoted_footnotes_and_sup_references():
    text = MARKDOWN.replace("---\n\n[^1]: See A/79/PV.45.\n[^2]: A/80/301, annex.\n",
                            "> 1  See A/79/PV.45.\n\n> 2 A/80/301, annex.\n")
    text = text.replace("[^1]", "<sup>1</sup>").replace("[^2]", "<sup>2</sup>")
    doc = parse_text(text)
    assert [(f.marker, f.text) for f in doc.footnotes] == [("1", "See A/79/PV.45."), ("2", "A/80/301, annex.")]
    assert doc.paragraph("PP2").footnotes == ("2",) and counts(doc)["op"] == 2


def test_a_paragraph_running_across_pages_in_markdown_stays_one():
    text = MARKDOWN.replace("_Noting_ the report of the Secretary-General,[^2] and noting also",
                            "_Noting_ the report of the Secretary-General,[^2] and\n\n18-17962 **2/5**\n\n"
                            "**A/RES/80/999**\n\nnoting also")
    doc = parse_text(text)
    assert counts(doc)["pp"] == 3
    assert doc.paragraph("PP2").text.endswith("and noting also the views of Member States,")


# --- pdftotext: page breaks, footnote markers set apart from their texts, furniture among them -------

PDFTOTEXT = """A/RES/99/2

United Nations

General Assembly

Distr.: General
3 January 2099

Ninety-ninth session
Agenda item 7

Resolution adopted by the General Assembly on
1 January 2099
[without reference to a Main Committee (A/99/L.2)]

99/2.

Something of importance

The General Assembly,
Recalling its resolution 98/1, 1 and the Agenda for
Everything, 2
Noting the report of the Secretary-General 3 and the views of the
__________________
Resolution 98/1.
2
See A/98/5.
1

99-00001 (E) 020199
Resolution 97/4, annex.

*9900001*
3
\x0cA/RES/99/2
Committee on Things,
1. Decides to remain seized of the matter.
2nd plenary meeting
1 January 2099

99-00001

2/2
"""


def test_pdftotext_footnotes_with_markers_apart_and_pages():
    doc = parse_text(PDFTOTEXT)
    assert [(f.marker, f.text) for f in doc.footnotes] == [
        ("1", "Resolution 98/1."), ("2", "See A/98/5."), ("3", "Resolution 97/4, annex.")]
    assert doc.paragraph("PP1").footnotes == ("1", "2")
    assert doc.paragraph("PP2").text == "Noting the report of the Secretary-General and the views of the Committee on " \
                                        "Things,"
    assert counts(doc)["op"] == 1 and doc.metadata.adopted == "2099-01-01" and codes(doc) == []


# --- furniture inside a paragraph (PyMuPDF's text of a draft) ----------------------------------------

def test_job_numbers_barcodes_and_symbol_lines_never_stay_in_a_paragraph():
    text = PDFTOTEXT.replace("Noting the report of the Secretary-General 3 and the views of the",
                             "Noting the report of the Secretary-General 3 and\n*9900001*A/C.3/99/L.2\n"
                             "8/9 99-00001\nthe views of the")
    doc = parse_text(text)
    assert doc.paragraph("PP2").text.startswith("Noting the report of the Secretary-General and the views")
    assert "furniture-in-paragraph" not in codes(doc)


# --- the self-checks ---------------------------------------------------------------------------------

BASE = """ A/RES/99/3

 Distr.: General
 3 January 2099

 Resolution adopted by the General Assembly on 1 January 2099

 99/3. A title

 The General Assembly,

 Recalling its resolution 98/1,¹

 Noting the report,

 1. Decides one thing;

 2. Decides another thing:

 (a) the first;

 (b) the second;

 3. Decides a third thing.

__________________

 1 Resolution 98/1.

 2nd plenary meeting
 1 January 2099
"""


def test_a_clean_text_has_no_warning():
    assert parse_text(BASE).warnings == ()


@pytest.mark.parametrize("edit, code, pid", [
    (("3. Decides a third", "4. Decides a third"), "op-numbering", "OP4"),
    (("2. Decides another", "3. Decides another"), "op-numbering", "OP3"),
    ((" (b) the second", " (c) the second"), "sub-letters", "OP2(c)"),
    (("Noting the report,", "Noting the report,²"), "marker-without-footnote", "PP2"),
    (("Recalling its resolution 98/1,¹", "Recalling its resolution 98/1,"), "footnote-without-marker", "FN1"),
    ((" 2nd plenary meeting\n 1 January 2099\n", ""), "no-closing", None),
    ((" 1 January 2099\n", " 1 January 2099\n\n Something after the closing.\n"), "text-after-closing", None),
    (("Decides one thing;", "Decides one thing 18-17962 (E) here;"), "furniture-in-paragraph", "OP1"),
    (("Noting the report,", "Noting the report, " + "and much more " * 400 + ","), "long-paragraph", "PP2"),
])
def test_each_self_check_fires_on_a_small_case(edit, code, pid):
    doc = parse_text(BASE.replace(*edit))
    hits = [w for w in doc.warnings if w.code == code]
    assert hits and hits[0].id == pid, doc.warnings
    assert hits[0].message and str(hits[0]).endswith(f"[{code}]")


@pytest.mark.parametrize("raised", ["⁰", "²", "³", "⁴", "⁵", "⁶", "⁷", "⁸", "⁹", "¹⁰", "⁴²"])
def test_a_raised_number_with_no_footnote_is_reported_whichever_digit(raised):  # ¹ alone cites footnote 1
    doc = parse_text(BASE.replace("Noting the report,", f"Noting the report,{raised}"))
    hits = [w for w in doc.warnings if w.code == "marker-without-footnote"]
    assert hits and hits[0].id == "PP2", doc.warnings


def test_words_run_together_are_said_to_be():
    text = BASE.replace("Recalling its resolution 98/1,¹", "Recallingitsresolutiononsomethingimportant,¹")
    text = text.replace("Noting the report,", "Notingthereportofthesecretarygeneralonthis,")
    text = text.replace("Decides one thing;", "Decidesonethingofgreatimportanceforall;")
    assert "no-word-spaces" in codes(parse_text(text))


def test_strict_makes_a_warning_an_error(tmp_path):
    bad = tmp_path / "bad.txt"
    bad.write_text(BASE.replace("3. Decides a third", "4. Decides a third"), "utf-8")
    r = subprocess.run([sys.executable, "-m", "resdiff", "parse", str(bad), "--strict"], capture_output=True,
                       text=True)
    assert r.returncode == 2 and r.stdout == "" and "op-numbering" in r.stderr and "Traceback" not in r.stderr
    r = subprocess.run([sys.executable, "-m", "resdiff", "parse", str(bad), "--format", "json"], capture_output=True,
                       text=True)
    assert r.returncode == 0 and "op-numbering" in r.stderr
    assert json.loads(r.stdout)["warnings"][0] == {"code": "op-numbering", "id": "OP4",
                                                  "message": "operative paragraph 4 is after 2: 3 was expected"}


def _real_documents() -> list[Path]:
    if not REAL.is_dir():
        return []
    return sorted(p for p in REAL.glob("*") if p.suffix in (".pdf", ".txt") and "2758" not in p.name)


# the warnings a reader of these real texts would give too
REAL_WARNINGS = {
    "UNDL-453500.en.undltext.txt": ["marker-without-footnote"],  # the export strips the footnote bodies
    "A-RES-48-246.en.pymupdf4llm.md": ["no-word-spaces"],  # set in a monospace font, its spaces lost
    "A-RES-48-246.es.pymupdf4llm.md": ["no-word-spaces"],
}


@needs_real
@pytest.mark.parametrize("path", _real_documents() + sorted(EXTRACTED.glob("A-RES-*")) if EXTRACTED.is_dir() else [],
                         ids=lambda p: p.name)
def test_the_self_checks_stay_silent_on_clean_real_documents(path):
    assert codes(load_document(str(path))) == REAL_WARNINGS.get(path.name, [])


# --- every extractor's text, as its PDF ----------------------------------------------------------------

@needs_real
@pytest.mark.parametrize("path", sorted(EXTRACTED.glob("A-RES-*")) if EXTRACTED.is_dir() else [],
                         ids=lambda p: p.name)
def test_every_extractors_text_parses_as_its_pdf(path):
    stem = ".".join(path.name.split(".")[:2])
    doc = load_document(str(path))
    expected = EXPECTED[stem + ".pdf"]
    assert {k: counts(doc)[k] for k in expected} == expected
    pdf = load_document(str(REAL / (stem + ".pdf")))
    assert [p.id for p in doc.paragraphs] == [p.id for p in pdf.paragraphs]
    # each footnote cited where the PDF cites it; a footnote cited a second time in a spaced-out text
    # ("Development Goals 2 for") cannot be told from a number there and is left in the text
    for p, q in zip(doc.paragraphs, pdf.paragraphs, strict=True):
        assert set(p.footnotes) <= set(q.footnotes), p.id
    assert {m for p in doc.paragraphs for m in p.footnotes} == {f.marker for f in pdf.footnotes}
    # `resdiff diff PDF TEXT`: no substantive change; what differs is editorial at most (a hyphen the
    # extractor dropped at a line end, "post conflict"; routine at most where a footnote cited again
    # stays in the text as a number it cannot be told from)
    result = compare(pdf, doc)
    assert not result.has_substantive_changes, [c for c in result.changes if c.is_substantive]
    for change in result.changes:
        if change.is_change:
            assert (change.editorial or change.routine) and _letters(change.old_text) == _letters(change.new_text)


@needs_real
def test_a_pdf_says_the_page_and_line_of_each_paragraph():
    doc = load_document(str(REAL / "A-RES-73-6.en.pdf"))
    assert doc.source_kind == "pdf"
    assert doc.paragraph("PP1").page == 1 and doc.paragraph("OP14").page == 5
    pages = [p.page for p in doc.paragraphs]
    assert pages == sorted(pages) and set(pages) == {1, 2, 3, 4, 5}
    assert all(1 <= p.line <= 60 for p in doc.paragraphs)  # a line of its page, not of an extraction
    assert [f.page for f in doc.footnotes] == [1, 2, 2, 2, 3, 3]


# --- a text adopted inline ------------------------------------------------------------------------------

INLINE = {
    "en": ("Adopts the following political declaration:", "Political declaration on something",
           "We, Heads of State and Government,", "Reaffirm our commitment;", "Commit to act."),
    "fr": ("Adopte la déclaration politique suivante :", "Déclaration politique sur quelque chose",
           "Nous, chefs d’État et de gouvernement,", "Réaffirmons notre engagement ;", "Nous engageons à agir."),
    "es": ("Aprueba la siguiente declaración política:", "Declaración política sobre algo",
           "Nosotros, Jefes de Estado y de Gobierno,", "Reafirmamos nuestro compromiso;", "Nos comprometemos."),
    "ru": ("Принимает следующую политическую декларацию:", "Политическая декларация о чем-то",
           "Мы, главы государств и правительств,", "вновь подтверждаем нашу приверженность;", "обязуемся действовать."),
    "zh": ("通过以下政治宣言：", "关于某事的政治宣言", "我们，各国国家元首和政府首脑，", "重申我们的承诺；", "承诺采取行动。"),
}
OPENING = {"en": "The General Assembly,", "fr": "L’Assemblée générale,", "es": "La Asamblea General,",
           "ru": "Генеральная Ассамблея,", "zh": "大会，"}


@pytest.mark.parametrize("lang", sorted(INLINE))
def test_a_text_adopted_inline_is_an_annex(lang):
    adopts, title, chapeau, first, second = INLINE[lang]
    text = (f" 99/4. {title}\n\n {OPENING[lang]}\n\n {adopts}\n\n {title}\n\n {chapeau}\n\n"
            f" 1. {first}\n\n 2. {second}\n")
    doc = parse_text(text, language=lang)
    assert [(p.id, p.kind) for p in doc.paragraphs] == [
        ("OP1", "operative"), ("AN.u1", "annex"), ("AN.u2", "annex"), ("AN.1", "annex"), ("AN.2", "annex")]
    assert doc.paragraph("OP1").text == adopts and doc.paragraph("AN.u1").text == title
    assert doc.paragraph("AN.2").text == second


def test_a_numbered_adopting_paragraph_and_the_operative_part_resuming_after_the_adopted_text():
    text = ("99/5. Something\n\nThe General Assembly,\n\nRecalling its resolution 98/5,\n\n"
            "1. Adopts the following programme of action:\n\nProgramme of action on something\n\n"
            "1. States will act;\n\n2. States will report;\n\n2. Decides to review the programme.\n")
    doc = parse_text(text)
    assert [p.id for p in doc.paragraphs] == ["PP1", "OP1", "OP2", "AN.u1", "AN.1", "AN.2"]
    assert doc.paragraph("OP2").text == "Decides to review the programme."
    assert doc.warnings == ()


def test_an_adopted_text_hard_wrapped_by_an_extractor():
    text = ("99/6. Something\nThe General Assembly,\nAdopts the following political declaration:\n"
            "Political declaration of the high-level meeting on\nsomething\n"
            "We, Heads of State and Government, assembled at United Nations\nHeadquarters,\n"
            "1. Reaffirm our commitment to do\nsomething;\n2. Commit to act.\n")
    doc = parse_text(text)
    assert doc.paragraph("OP1").text == "Adopts the following political declaration:"
    assert [p.id for p in doc.paragraphs if p.kind == "annex"][-2:] == ["AN.1", "AN.2"]
    assert all(len(p.text) < 120 for p in doc.paragraphs)


# --- hyphens ---------------------------------------------------------------------------------------------

FRENCH = """ 48/999. Financement de quelque chose

 L’Assemblée générale,

 Rappelant sa décision prise à sa quarante-
neuvième session et le règle-
ment financier,

 1. Décide d’inscrire la question à l’ordre du jour de sa soixante-
quinzième session.
"""


def test_french_numeral_compounds_keep_their_hyphen_across_a_line_end():
    doc = parse_text(FRENCH)
    assert "à sa quarante-neuvième session et le règlement financier," in doc.paragraph("PP1").text
    assert doc.paragraph("OP1").text.endswith("de sa soixante-quinzième session.")


def test_a_compound_broken_at_its_hyphen_keeps_it():
    """"c'est-à-" + "dire" is the compound's hyphen (no French word is broken after "à"); "space-" + "based"
    inside a sentence is the "Space-based" the document writes at the start of another."""
    from resdiff import lang as L
    from resdiff.normalize import join_lines

    assert join_lines(["c'est-à-", "dire la question"], compounds=L.compound_first_words("fr")) == (
        "c'est-à-dire la question")
    assert join_lines(["of space-", "based systems"], vocabulary=frozenset({"Space-based"})) == "of space-based systems"
    assert join_lines(["Space-", "based systems"], vocabulary=frozenset({"space-based"})) == "Space-based systems"
    assert join_lines(["of imple-", "mentation"], vocabulary=frozenset({"Implementation"})) == "of implementation"


def test_hyphen_forms_and_a_soft_hyphen_are_no_change():
    old = parse_text(BASE.replace("Noting the report,", "Noting the report on non-intervention and inter-State "
                                  "cooperation,"))
    for form in ("non\u2011intervention", "non\u2010intervention", "non\u2013intervention"):
        new = parse_text(BASE.replace("Noting the report,", f"Noting the report on {form} and inter\u00ad-State "
                                      "cooperation,".replace("\u00ad-", "-")))
        assert not compare(old, new).has_changes, form
    soft = parse_text(BASE.replace("Noting the report,", "Noting the report on non-intervention and inter-"
                                   "State co\u00adoperation,"))
    assert not compare(old, soft).has_changes and "\u00ad" not in soft.paragraph("PP2").text


# --- markers glued to numbers, read by evidence ----------------------------------------------------------

GLUED = """ 99/7. Something

 The General Assembly,

 Welcoming the statement of 12 February 20139 in which the Council reiterated its call,

 Recalling its resolution 77/2285 and recalling also that resolution 77/228 was adopted by consensus,

 Noting resolution 76/3001,

 1. Decides to remain seized of the matter.

__________________

 9 S/PRST/2013/2.

 10 Resolution 77/228.
"""


def test_markers_glued_to_a_year_or_a_cited_symbol_are_read_by_evidence():
    text = GLUED.replace("9 S/PRST", "1 S/PRST").replace("20139", "20131").replace("77/2285", "77/2282")
    text = text.replace(" 10 Resolution", " 2 Resolution")
    doc = parse_text(text)
    assert doc.paragraph("PP1").text.startswith("Welcoming the statement of 12 February 2013 in which")
    assert doc.paragraph("PP1").footnotes == ("1",) and doc.paragraph("PP2").footnotes == ("2",)
    assert doc.paragraph("PP2").text.startswith("Recalling its resolution 77/228 and recalling")
    # no evidence (76/300 is cited nowhere else): the text is kept as it stands
    assert doc.paragraph("PP3").text == "Noting resolution 76/3001,"
    assert doc.warnings == ()


# --- what other extractors do to a draft's masthead and a footnote -----------------------------------------

DRAFT = """A
United Nations /ES-11/L.99
General Assembly
Distr.: Limited
16 February 2099
Eleventh emergency special session
Agenda item 5
Albania and Andorra:* draft resolution
Something for peace
The General Assembly,
Recalling its resolutions, 1
Welcoming the efforts of the Secretary-General,
1. Calls for a lasting peace;
2. Welcomes the efforts of the SecretaryGeneral, and decides to remain seized of the matter.
__________________
 1 See Official Records of the General Assembly, Seventy-seventh Session, Supplement No. 4
(A/77/4), paras. 189–197.
* Any changes to the list of sponsors will be reflected in the official record of the meeting.
"""


def test_a_symbol_split_from_its_large_first_letter_or_set_beside_the_organ():
    assert parse_text(DRAFT).metadata.symbol == "A/ES-11/L.99"
    beside = DRAFT.replace("A\nUnited Nations /ES-11/L.99", "United Nations  A/ES-11/L.99")
    assert parse_text(beside).metadata.symbol == "A/ES-11/L.99"


def test_a_footnote_runs_on_to_its_next_line_and_the_sponsors_note_is_no_footnote():
    doc = parse_text(DRAFT)
    assert [(f.marker, f.text) for f in doc.footnotes] == [
        ("1", "See Official Records of the General Assembly, Seventy-seventh Session, Supplement No. 4 "
              "(A/77/4), paras. 189–197.")]
    assert counts(doc)["op"] == 2 and doc.warnings == ()
    assert not any("sponsors" in p.text for p in doc.paragraphs)


def test_hyphens_an_extractor_dropped_are_put_back_on_evidence():
    doc = parse_text(DRAFT)
    assert "efforts of the Secretary-General, and decides" in doc.paragraph("OP2").text  # written so elsewhere
    text = DRAFT.replace("Calls for a lasting peace;", "Decides to meet at its seventyfifth session;")
    assert "its seventy-fifth session" in parse_text(text).paragraph("OP1").text  # always hyphenated
    french = FRENCH.replace("quarante-\nneuvième", "quaranteneuvième")
    assert "à sa quarante-neuvième session" in parse_text(french).paragraph("PP1").text
    # a word the document writes joined elsewhere, or never hyphenated, is left alone
    kept = DRAFT.replace("Calls for a lasting peace;", "Calls for cooperation and peacekeeping;")
    assert "cooperation and peacekeeping" in parse_text(kept).paragraph("OP1").text


def _letters(text: str) -> str:
    return re.sub(r"[\W\d_]", "", text)


# --- a monospace page's extraction: every word space lost (pymupdf4llm's code blocks of a 1990s PDF) ----

MONOSPACE = """**UNITED NATIONS**

# **`General Assembly`**

```
Distr.
GENERAL
A/RES/48/999
11May1994
```

```
Forty-eighthsession
Agendaitem99
```

```
48/999.FinancingofsomethinginHaiti
```

## <u>`The General Assembly,`</u>

```
HavingconsideredthereportoftheSecretary-GeneralonHaiti1/andtheoral
reportoftheAdvisoryCommittee,2/
```

```
ReaffirmingArticle17,paragraph2,oftheCharter,
```

```
1/A/48/803.
2/SeeA/C.5/48/SR.59.
```

```
/...
```

```
Page2
```

```
1.Decidestoappropriate1,383,000dollars;
```

```
2.Endorsestherecommendationsinitsoralreport;2/
```

```
92ndplenarymeeting
5April1994
```
"""


def test_a_text_that_lost_its_word_spaces_still_parses_by_its_structure():
    doc = parse_text(MONOSPACE)
    assert counts(doc) == {"pp": 2, "op": 2, "sub": 0, "footnotes": 2, "symbol": "A/RES/48/999", "session": 48,
                           "language": "en", "adopted": "1994-04-05", "distributed": "1994-05-11"}
    assert [(f.marker, f.text) for f in doc.footnotes] == [("1", "A/48/803."), ("2", "SeeA/C.5/48/SR.59.")]
    assert doc.paragraph("PP1").footnotes == ("1", "2") and doc.paragraph("OP2").footnotes == ("2",)
    # the document writes its markers "2/": a number glued to a word is content, never a marker
    assert doc.paragraph("PP2").text == "ReaffirmingArticle17,paragraph2,oftheCharter,"
    assert doc.paragraph("OP1").text == "Decidestoappropriate1,383,000dollars;"
    assert codes(doc) == ["no-word-spaces"]  # still said: its words cannot be read reliably


def test_spacing_alone_is_no_change_even_when_every_space_is_lost():
    spaced = parse_text(MONOSPACE.replace("ReaffirmingArticle17,paragraph2,oftheCharter,",
                                          "Reaffirming Article 17, paragraph 2, of the Charter,"))
    assert not compare(spaced, parse_text(MONOSPACE)).has_changes


def test_a_chinese_adopted_text_hard_wrapped_keeps_its_chapeau_apart():
    text = ("99/8. 某事\n大会，\n通过以下政治宣言：\n关于某事的\n政治宣言\n我们，各国国家元首和政府首脑，\n"
            "1. 重申我们的\n承诺；\n2. 承诺采取行动。\n")
    doc = parse_text(text, language="zh")
    assert [p.id for p in doc.paragraphs] == ["OP1", "AN.u1", "AN.u2", "AN.1", "AN.2"]
    assert doc.paragraph("AN.u1").text == "关于某事的政治宣言"
    assert doc.paragraph("AN.u2").text.startswith("我们，")


def test_a_numbered_paragraph_that_approves_its_own_lettered_items_adopts_no_text():
    text = (" 80/99. Something\n\n The General Assembly,\n\n Recalling its resolution 79/1,\n\n"
            " 1. Decides to convene a meeting;\n\n 2. Approves the following programme of work for the meeting:\n\n"
            " (a) An opening segment;\n\n (b) Two panels;\n\n 3. Requests a report;\n\n 4. Decides to remain seized.\n")
    doc = parse_text(text)
    assert [p.id for p in doc.paragraphs] == ["PP1", "OP1", "OP2", "OP2(a)", "OP2(b)", "OP3", "OP4"]


def test_a_rule_in_web_text_opens_no_footnote_block_without_a_footnote():
    text = ("80/99. Something\n\nThe General Assembly,\n\n----------\n\nRecalling its resolution 79/1,\n\n"
            "Noting the report,\n\n1. Decides to convene a meeting;\n\n2. Decides to remain seized.\n")
    doc = parse_text(text)
    assert [p.id for p in doc.paragraphs] == ["PP1", "PP2", "OP1", "OP2"] and doc.footnotes == ()


def test_a_layout_page_of_one_line_paragraphs_keeps_them_apart():
    page1 = ("                 United Nations              A/RES/80/99\n\n     80/99.      Something\n\n"
             "                      The General Assembly,\n"
             "                      Recalling its resolution 79/1 of 22 September 2024 and its\n"
             "                 resolution 78/5 of 1 October 2023,\n"
             "                      1.    Decides to convene a high-level meeting in 2026 in\n"
             "                 New York;\n"
             "                      2.    Requests the President to hold consultations with\n"
             "                 Member States;\n")
    page2 = ("                      3.    Requests the Secretary-General to report.\n"
             "                      4.    Decides to remain seized of the matter.\n")
    doc = parse_text(page1 + "\f" + page2)
    assert [p.id for p in doc.paragraphs] == ["PP1", "OP1", "OP2", "OP3", "OP4"] and doc.warnings == ()


def test_html_is_told_by_its_text_whatever_the_file_is_called(tmp_path):
    page = ("<!DOCTYPE html><html><body><p>75/1. Something</p><p>The General Assembly,</p>"
            "<p>Recalling its resolution 74/1,</p><p>1. Decides to remain seized of the matter.</p></body></html>")
    path = tmp_path / "download.dat"
    path.write_text(page, encoding="utf-8")
    doc = load_document(str(path))
    assert doc.source_kind == "html" and [p.id for p in doc.paragraphs] == ["PP1", "OP1"]


@pytest.mark.parametrize("line, item", [
    ("**Eightieth session** Agenda item 99", "99"),
    ("**Quatre-vingtième session** Point 99 de l'ordre du jour", "99 de l'ordre du jour"),
    ("**Восьмидесятая сессия** Пункт 99 повестки дня", "99 повестки дня"),
    ("**الدورة الثمانون** البند 99", "99"),
    ("**Eightiethsession**Agendaitem99", "99"),
])
def test_an_agenda_item_run_onto_the_session_line_in_each_language(line, item):
    doc = parse_text(MARKDOWN.replace("**Eightieth session** Agenda item 99", line))
    assert doc.metadata.agenda_item == item


@pytest.mark.parametrize(("text", "markdown"), [
    ("| The General Assembly, |\n\n**Recalling** its resolutions,", True),
    ("```\nThe General Assembly,\n```\n\n_Recalling_ its resolutions,", True),
    ("# Resolution\n\n**Recalling** its resolutions,", True),
    ("The General Assembly,<sup>1</sup>\n\n[^1]: See A/73/1.", True),
    ("The General Assembly,\n\n> 1 See A/73/1.\n\n**Recalling** its resolutions,", True),
    ("**Recalling** its _earlier_ resolutions,", False),  # emphasis alone: a typed text's
    ("| The General Assembly, |\n\nRecalling its resolutions,", False),  # one sign only
    ("Recalling resolution 73/1 of 18-12345 (E) and the ____ rule,", False),
])
def test_markdown_is_told_by_two_signs_one_of_them_structural(text, markdown):
    from resdiff.markdown_reader import is_markdown

    assert is_markdown(text) is markdown


@pytest.mark.parametrize("line, furniture", [
    ("70/1 71/2", False),  # a wrapped citation of short symbols is text
    ("8/9 23-21227", True),  # a page fraction beside a job number
    ("2/5 A/RES/73/6", True),  # beside a running head
    ("*2321227*A/C.3/78/L.41", True),
])
def test_a_run_of_short_symbols_is_text_not_page_furniture(line, furniture):
    from resdiff.layout import is_plain_furniture

    assert is_plain_furniture(line) is furniture
