"""The checks QA tools have, in `check`: a glossary (TBX and CSV) and term-mismatch; one source sentence,
one translation (in a document and across a session); the target language's punctuation and spacing; the
user's own rules in the TOML configuration."""

from __future__ import annotations

import json

import pytest
from layout import EN_FIXTURE, SEED
from runcli import invoke

from resdiff import parse_text
from resdiff.check import check_pair, punctuation_findings
from resdiff.config import Config, make_config, read_glossary
from resdiff.errors import InputError, UsageError
from resdiff.model import Paragraph
from resdiff.session import check_session

EN_TEXT, ZH_TEXT = EN_FIXTURE.read_text("utf-8"), SEED.read_text("utf-8")
EN, ZH = parse_text(EN_TEXT), parse_text(ZH_TEXT)
# terms the bundled pair uses, as a terminology database has them
TERMS = [("Convention on Cluster Munitions", "集束弹药公约"), ("cluster munitions", "集束弹药"),
         ("States parties", "缔约国"), ("Secretary-General", "秘书长"), ("Dubrovnik Action Plan", "杜布罗夫尼克行动计划")]

TBX_BASIC = """<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE martif SYSTEM "TBXBasiccoreStructV02.dtd">
<martif type="TBX-Basic" xml:lang="en">
  <martifHeader><fileDesc><sourceDesc><p>UNTERM export</p></sourceDesc></fileDesc></martifHeader>
  <text><body>
{entries}
  </body></text>
</martif>
"""
ENTRY_BASIC = """    <termEntry id="t{k}">
      <descrip type="subjectField">disarmament</descrip>
      <langSet xml:lang="en"><tig><term>{en}</term><termNote type="partOfSpeech">noun</termNote></tig></langSet>
      <langSet xml:lang="fr"><tig><term>terme {k}</term></tig></langSet>
      <langSet xml:lang="zh"><tig><term>{zh}</term></tig></langSet>
    </termEntry>"""
TBX_V3 = """<?xml version="1.0" encoding="UTF-8"?>
<tbx type="TBX-Basic" style="dca" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2">
  <tbxHeader><fileDesc><sourceDesc><p>termbase</p></sourceDesc></fileDesc></tbxHeader>
  <text><body>
{entries}
  </body></text>
</tbx>
"""
ENTRY_V3 = """    <conceptEntry id="c{k}">
      <langSec xml:lang="en"><termSec><term>{en}</term></termSec></langSec>
      <langSec xml:lang="zh-CN"><termSec><term>{zh}</term></termSec></langSec>
    </conceptEntry>"""


@pytest.fixture(params=["tbx-basic", "tbx-v3", "csv-codes", "csv-names"])
def glossary(request, tmp_path):
    kind = request.param
    if kind == "tbx-basic":
        path = tmp_path / "unterm.tbx"
        path.write_text(TBX_BASIC.format(entries="\n".join(ENTRY_BASIC.format(k=k, en=en, zh=zh)
                                                           for k, (en, zh) in enumerate(TERMS))), encoding="utf-8")
    elif kind == "tbx-v3":
        path = tmp_path / "termbase.tbx"
        path.write_text(TBX_V3.format(entries="\n".join(ENTRY_V3.format(k=k, en=en, zh=zh)
                                                        for k, (en, zh) in enumerate(TERMS))), encoding="utf-8")
    elif kind == "csv-codes":
        path = tmp_path / "terms.csv"
        path.write_text("en,zh,fr\n" + "".join(f'"{en}",{zh},\n' for en, zh in TERMS), encoding="utf-8")
    else:  # a spreadsheet's export: language names, semicolons, synonyms in one cell
        path = tmp_path / "terms.csv"
        path.write_text("English;Chinese\n" + "".join(f"{en};{zh}|{zh}（同义）\n" for en, zh in TERMS), encoding="utf-8")
    return path


def test_a_glossary_reads_every_entry(glossary):
    entries = read_glossary(str(glossary))
    assert [(e["en"][0], e["zh"][0]) for e in entries] == TERMS


def test_the_clean_pair_gives_no_term_finding(glossary):
    r = invoke(["check", EN_FIXTURE, SEED, "--glossary", glossary, "-f", "json", "--fail-on", "note"], 0)
    assert json.loads(r.stdout)["findings"] == []


def test_a_planted_term_slip_is_found_naming_both_terms(glossary, tmp_path):
    slip = tmp_path / "zh.txt"  # the translator wrote 条约 (treaty) for 公约 (convention) in OP1
    text = ZH_TEXT.replace("敦促所有尚未参加《集束弹药公约》", "敦促所有尚未加入《集束弹药条约》")
    assert text != ZH_TEXT
    slip.write_text(text, encoding="utf-8")
    r = invoke(["check", EN_FIXTURE, slip, "--glossary", glossary, "-f", "json"], 0)  # a warning: exit 0
    (f,) = json.loads(r.stdout)["findings"]
    assert (f["rule"], f["severity"], f["source"], f["target"]) == ("term-mismatch", "warning", "OP1", "OP1")
    assert "“Convention on Cluster Munitions”" in f["message"] and "“集束弹药公约”" in f["message"]
    assert "集束弹药条约" in f["target_excerpt"]
    invoke(["check", EN_FIXTURE, slip, "--glossary", glossary, "--fail-on", "warning"], 1)


def test_a_glossary_term_is_found_in_its_inflected_forms():
    entries = ({"en": ("Member State",), "es": ("Estado Miembro",)},)
    a = Paragraph("OP1", "operative", "Urges all Member States to pay", number="1")
    b_ok = Paragraph("OP1", "operative", "Insta a todos los Estados Miembros a pagar", number="1")
    b_bad = Paragraph("OP1", "operative", "Insta a todos los países a pagar", number="1")
    from resdiff.check import _term_findings

    assert _term_findings([(a, b_ok)], entries, "en", "es") == []
    (f,) = _term_findings([(a, b_bad)], entries, "en", "es")
    assert "“Member States” is “Estado Miembro” in Spanish" in f.message


def test_a_glossary_that_declares_entities_is_refused(tmp_path):
    bomb = tmp_path / "bomb.tbx"
    bomb.write_text('<?xml version="1.0"?>\n<!DOCTYPE martif [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]>\n'
                    "<martif><text><body><termEntry><langSet xml:lang=\"en\"><tig><term>&b;</term></tig></langSet>"
                    "</termEntry></body></text></martif>\n", encoding="utf-8")
    r = invoke(["check", EN_FIXTURE, SEED, "--glossary", bomb], 2)
    assert r.stderr.count("\n") == 1 and "declares XML entities" in r.stderr and str(bomb) in r.stderr
    bad = tmp_path / "bad.csv"
    bad.write_text("term,translation\na,b\n", encoding="utf-8")
    with pytest.raises(InputError, match="header row naming two languages"):
        read_glossary(str(bad))
    broken = tmp_path / "broken.tbx"
    broken.write_text("<martif><text>", encoding="utf-8")
    r = invoke(["check", EN_FIXTURE, SEED, "--glossary", broken], 2)
    assert "not valid TBX XML" in r.stderr


def test_a_glossary_named_in_the_configuration(tmp_path, monkeypatch):
    (tmp_path / "terms.csv").write_text("en,zh\nConvention on Cluster Munitions,集束弹药公约\n", encoding="utf-8")
    (tmp_path / ".resdiff.toml").write_text('glossary = "terms.csv"\n', encoding="utf-8")
    slip = tmp_path / "zh.txt"
    slip.write_text(ZH_TEXT.replace("敦促所有尚未参加《集束弹药公约》", "敦促所有尚未加入《集束弹药条约》"), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    r = invoke(["check", EN_FIXTURE, slip, "-f", "json"], 0)
    assert [f["rule"] for f in json.loads(r.stdout)["findings"]] == ["term-mismatch"]


# --- consistency ----------------------------------------------------------------------------------------

def _with(doc, pid: str, text: str):
    return doc.replace(paragraphs=tuple(p.replace(text=text) if p.id == pid else p for p in doc.paragraphs))


def test_one_source_paragraph_translated_two_ways_in_a_document():
    en = _with(EN, "PP7", EN.paragraph("PP2").text)  # the source repeats PP2 as PP7
    zh_same = _with(ZH, "PP7", ZH.paragraph("PP2").text)
    assert check_pair(en, zh_same).findings == ()
    zh_other = _with(ZH, "PP7", ZH.paragraph("PP2").text.replace("决心", "决意"))
    (f,) = check_pair(en, zh_other).findings
    assert (f.rule, f.source, f.target, f.severity) == ("inconsistent-translation", "PP7", "PP7", "warning")
    assert f.message == "the same source sentence is translated otherwise in PP2"


def test_one_source_sentence_translated_two_ways_across_a_session(tmp_path):
    en, zh = tmp_path / "en", tmp_path / "zh"
    en.mkdir()
    zh.mkdir()
    assert "请秘书长继续召开《集束弹药公约》缔约国会议" in ZH_TEXT
    for k in (62, 63):
        (en / f"A-RES-75-{k}.en.txt").write_text(EN_TEXT.replace("75/62", f"75/{k}"), encoding="utf-8")
        z = ZH_TEXT.replace("75/62", f"75/{k}")
        if k == 63:  # OP9 "Requests the Secretary-General to continue to convene…": 召开 -> 召集
            z = z.replace("继续召开", "继续召集")
            assert z != ZH_TEXT.replace("75/62", "75/63")
        (zh / f"A-RES-75-{k}.zh.txt").write_text(z, encoding="utf-8")
    session = check_session(str(en), str(zh), jobs=1)
    assert session.results[0].findings == ()
    (f,) = session.results[1].findings
    assert (f.rule, f.source, f.target) == ("inconsistent-translation", "OP9", "OP9")
    assert f.message == "the same source sentence is translated otherwise in A/RES/75/62 OP9"
    out = invoke(["check", en, zh, "--color", "never", "--width", "200"], 0).stdout  # warnings: exit 0
    assert "inconsistent-translation" in out and "A/RES/75/62 OP9" in out


# --- punctuation and spacing, each rule in its language ---------------------------------------------------------

def _punct(text: str, lang: str) -> list[tuple[str, str]]:
    a = Paragraph("PP1", "preambular", "source")
    return [(f.rule, f.target_value) for f in punctuation_findings(a, Paragraph("PP1", "preambular", text), lang)]


@pytest.mark.parametrize(("lang", "text", "expected"), [
    ("fr", "Rappelant sa résolution 74/62 ; notant aussi : la suite", []),
    ("fr", "Rappelant sa résolution 74/62; notant", [("punctuation-spacing", ";")]),
    ("fr", "ce qui suit: la Convention", [("punctuation-spacing", ":")]),
    ("fr", "Quelle suite ? Aucune !", []),
    ("fr", "Quelle suite? Aucune", [("punctuation-spacing", "?")]),
    ("fr", "intitulé « Application de la Convention »", []),
    ("fr", "intitulé «Application de la Convention»", [("punctuation-spacing", "«")]),
    ("fr", "voir https://undocs.org/fr/A/75/399 à 10:30", []),
    ("zh", "注意到已有 123 个国家加入《集束弹药公约》，其中 110 个为缔约国；", []),
    ("zh", "[根据第一委员会的报告(A/75/399，第 96 段)通过]", []),
    ("zh", "注意到已有 123 个国家加入《集束弹药公约》,其中 110 个为缔约国", [("punctuation-form", ",")]),
    ("zh", "请秘书长提交报告;", [("punctuation-form", ";")]),
    ("zh", "请秘书长 提交报告。", [("ideograph-spacing", " ")]),
    ("ar", "إن الجمعية العامة، إذ تشير إلى قرارها؛", []),
    ("ar", "إن الجمعية العامة, إذ تشير", [("punctuation-form", ",")]),
    ("ar", "هل انضمت الدول?", [("punctuation-form", "?")]),
    ("es", "¿Cuántos Estados? Ciento veintitrés. ¡Bien!", []),
    ("es", "Cuántos Estados? Ciento veintitrés", [("inverted-mark", "?")]),
    ("es", "Decide que sí!", [("inverted-mark", "!")]),
    ("en", "Requests the Secretary-General to report", []),
    ("en", "Requests the  Secretary-General to report", [("double-space", "  ")]),
    ("en", "Requests the the Secretary-General", [("doubled-word", "the the")]),
    ("en", "Notes that that report", []),
    ("fr", "Prie le le Secrétaire général", [("doubled-word", "le le")]),
    ("ru", "просит просит Генерального секретаря", [("doubled-word", "просит просит")]),
])
def test_each_punctuation_rule_in_its_language(lang, text, expected):
    assert _punct(text, lang) == expected


def test_one_finding_a_paragraph_and_rule_with_the_count():
    a = Paragraph("PP1", "preambular", "x")
    (f,) = punctuation_findings(a, Paragraph("PP1", "preambular", "请秘书长,提交报告,并且,继续"), "zh")
    assert f.message.endswith("(3 times in this paragraph)") and "“，”" in f.message


def test_a_chinese_slip_reaches_the_report(tmp_path):
    zh = tmp_path / "zh.txt"
    zh.write_text(ZH_TEXT.replace("其中 110 个为缔约国，13 个", "其中 110 个为缔约国,13 个"), encoding="utf-8")
    data = json.loads(invoke(["check", EN_FIXTURE, zh, "-f", "json"], 0).stdout)
    assert [(f["rule"], f["severity"], f["target"]) for f in data["findings"]] == [
        ("punctuation-form", "warning", "PP12")]


# --- the user's own rules ---------------------------------------------------------------------------------------

def test_a_user_rule_forbids_a_form(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / ".resdiff.toml").write_text(
        '[[rules]]\nid = "treaty-not-convention"\npattern = "集束弹药条约"\n'
        'message = "the Convention is 公约, never 条约"\nseverity = "error"\n'
        '[[rules]]\nid = "sg"\nsource = "Secretary-General"\ntarget = "秘书长"\n'
        'message = "Secretary-General is rendered 秘书长"\n', encoding="utf-8")
    invoke(["check", EN_FIXTURE, SEED], 0)  # the clean pair: nothing
    slip = tmp_path / "zh.txt"
    slip.write_text(ZH_TEXT.replace("敦促所有尚未参加《集束弹药公约》", "敦促所有尚未加入《集束弹药条约》")
                    .replace("请秘书长继续召开", "请秘书处继续召开"), encoding="utf-8")
    data = json.loads(invoke(["check", EN_FIXTURE, slip, "-f", "json"], 1).stdout)
    found = [(f["rule"], f["severity"], f["target"], f["message"]) for f in data["findings"] if f["rule"] == "user-rule"]
    assert ("user-rule", "error", "OP1", "treaty-not-convention: the Convention is 公约, never 条约") in found
    assert ("user-rule", "warning", "OP9", "sg: Secretary-General is rendered 秘书长") in found


@pytest.mark.parametrize(("rules", "message"), [
    ([{"pattern": "(unclosed", "message": "m"}], "pattern is not a valid regular expression"),
    ([{"pattern": "x"}], "a rule needs a message"),
    ([{"source": "x", "message": "m"}], "give either pattern, or source and target"),
    ([{"pattern": "x", "message": "m", "severity": "fatal"}], "unknown severity 'fatal'"),
    ([{"pattern": "x", "message": "m", "colour": "red"}], "unknown key 'colour'"),
    ("not a list", "rules must be a list of tables"),
])
def test_a_wrong_user_rule_is_one_clear_error(rules, message):
    with pytest.raises(UsageError, match=message):
        make_config({"rules": rules})


def test_a_wrong_rule_in_the_file_exits_2(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / ".resdiff.toml").write_text('[[rules]]\npattern = "(x"\nmessage = "m"\n', encoding="utf-8")
    r = invoke(["check", EN_FIXTURE, SEED], 2)
    assert r.stderr.count("\n") == 1 and "not a valid regular expression" in r.stderr


def test_config_rules_reach_the_library():
    cfg = make_config({"rules": [{"pattern": "缔约国", "message": "m", "in": "target", "language": "en"}]})
    assert check_pair(EN, ZH, cfg).findings == ()  # the rule is for English texts only
    cfg = cfg.replace(rules=(cfg.rules[0].replace(language="zh"),))
    assert {f.rule for f in check_pair(EN, ZH, cfg).findings} == {"user-rule"}
    assert isinstance(cfg, Config)


def test_spacing_rules_leave_a_pdf_alone():
    """In a PDF the spaces are read from the gaps between glyphs: a thin no-break space before ';' may read
    as none, so the rules on spaces never judge a PDF; the others do."""
    a = Paragraph("PP1", "preambular", "x")
    b = Paragraph("PP1", "preambular", "Rappelant sa résolution; notant  aussi le le rapport")
    assert {f.rule for f in punctuation_findings(a, b, "fr")} == {"punctuation-spacing", "double-space",
                                                                   "doubled-word"}
    assert {f.rule for f in punctuation_findings(a, b, "fr", spacing=False)} == {"doubled-word"}
    zh = ZH.replace(source_kind="pdf", paragraphs=tuple(
        p.replace(text=p.text.replace("请秘书长", "请秘书 长,")) if p.id == "OP9" else p for p in ZH.paragraphs))
    assert [f.rule for f in check_pair(EN, zh).findings] == ["punctuation-form"]
