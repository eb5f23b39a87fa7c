"""`resdiff carry`: next year's translation from last year's. From an English 75/62, an edited English
text and the Chinese 75/62 (and the other way round, and on the official 48/246 in English and
Spanish), the draft carries, updates and marks exactly what the edits call for, and invents nothing."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from layout import EN_FIXTURE, SEED, Para, en_spec, render, seed_spec
from runcli import invoke

from resdiff import load_document, parse_text
from resdiff.carry import carry
from resdiff.results import CARRIED, TRANSLATE, UPDATED

REAL = Path(__file__).resolve().parents[1].parent / "shared" / "corpus" / "real"
ZH = parse_text(SEED.read_text("utf-8"))
EN = parse_text(EN_FIXTURE.read_text("utf-8"))


def next_year_en():
    """The English 75/62 edited as a next year's text would be: a count, the session ordinal, one more
    recalled resolution, a preambular paragraph inserted, one reworded, operative paragraph 7 deleted
    (8 to 11 renumbered)."""
    s = en_spec()
    pp1 = s.paras[s.index("PP", 1)]
    pp1.text = pp1.text.replace("73/54 of 5 December 2018 and 74/62 of 12 December 2019",
                                "73/54 of 5 December 2018, 74/62 of 12 December 2019 and 75/62 of 7 December 2020")
    pp12 = s.paras[s.index("PP", 12)]
    pp12.text = pp12.text.replace("123 States", "124 States")
    op11 = s.paras[s.index("OP", 11)]
    op11.text = op11.text.replace("seventy-sixth", "seventy-seventh")
    s.paras[s.index("PP", 3)].text = ("Deploring recent cases of the use of cluster munitions in several regions of "
                                      "the world and the related civilian casualties,")
    s.paras.insert(s.index("PP", 14), Para("PP", "Welcoming the entry into force of the Convention for "
                                                 "several new States parties since its last session,"))
    del s.paras[s.index("OP", 7)]
    return parse_text(render(s, width=88))


def test_english_to_chinese_carries_updates_and_marks_exactly_what_changed():
    new = next_year_en()
    r = carry(EN, new, ZH)
    status = {p.id: p.status for p in r.paragraphs}
    assert [p.id for p in r.paragraphs] == [p.id for p in new.paragraphs]
    assert {k for k, v in status.items() if v == TRANSLATE} == {"PP3", "PP14"}  # reworded, inserted
    assert {k for k, v in status.items() if v == UPDATED} == {"PP1", "PP12", "OP10"}
    by_id = {p.id: p for p in r.paragraphs}
    # untouched paragraphs carried byte for byte, renumbered where the source was
    for p in r.paragraphs:
        if p.status == CARRIED:
            assert p.text == ZH.paragraph(p.from_id).text
    assert [(p.id, p.from_id) for p in r.paragraphs if p.id.startswith("OP")][6:] == [
        ("OP7", "OP8"), ("OP8", "OP9"), ("OP9", "OP10"), ("OP10", "OP11")]
    assert by_id["OP7"].prefix == "7. "
    assert r.deleted == ("OP7",)
    # routine updates made as the Chinese text writes them
    assert by_id["PP12"].text == ZH.paragraph("PP12").text.replace("123 个国家", "124 个国家")
    assert "第七十七届会议" in by_id["OP10"].text and "第七十六" not in by_id["OP10"].text
    assert by_id["PP1"].text.endswith("2018 年 12 月 5 日第 73/54 号、2019 年 12 月 12 日第 74/62 号和 "
                                      "2020 年 12 月 7 日第 75/62 号决议，")
    # every update listed with the source change it follows
    (u,) = by_id["PP12"].updates
    assert (u.old, u.new, u.source_old, u.source_new) == ("123", "124", "123", "124")
    (u,) = by_id["PP1"].updates
    assert u.kind == "recalled" and u.source_new == "75/62 of 7 December 2020"
    # reworded: the old target's text and the source's diff; inserted: nothing to carry
    assert by_id["PP3"].text == ZH.paragraph("PP3").text and by_id["PP3"].reason == "reworded in the source"
    assert by_id["PP3"].source_ops
    assert by_id["PP14"].text == "" and by_id["PP14"].from_id is None


def test_chinese_to_english():
    s = seed_spec()
    s.paras[s.index("PP", 12)].text = s.paras[s.index("PP", 12)].text.replace("已有 123 个国家", "已有 125 个国家")
    op11 = s.paras[s.index("OP", 11)]
    op11.text = op11.text.replace("第七十六届", "第七十七届")
    new = parse_text(render(s, width=70))
    r = carry(ZH, new, EN)
    by_id = {p.id: p for p in r.paragraphs}
    assert {p.id for p in r.paragraphs if p.status != CARRIED} == {"PP12", "OP11"}
    assert "Noting that 125 States have joined" in by_id["PP12"].text
    assert "its seventy-seventh session" in by_id["OP11"].text


@pytest.mark.skipif(not (REAL / "A-RES-48-246.en.pdf").is_file(), reason="../shared/corpus/real is absent")
def test_english_to_spanish_on_the_official_48_246():
    en = load_document(str(REAL / "A-RES-48-246.en.pdf"))
    es = load_document(str(REAL / "A-RES-48-246.es.pdf"))
    text = (REAL / "A-RES-48-246.en.pdfminer.txt").read_text("utf-8")
    new = parse_text(text.replace("5,600 dollars", "5,800 dollars").replace("forty-ninth", "fiftieth"))
    r = carry(en, new, es)
    by_id = {p.id: p for p in r.paragraphs}
    assert {p.id for p in r.paragraphs if p.status == UPDATED} == {"OP8", "OP12"}
    assert "5.800 dólares" in by_id["OP8"].text  # the Spanish thousands separator kept
    # "cuadragésimo noveno período de sesiones" → "quincuagésimo": masculine, as the old ordinal was
    assert "de su quincuagésimo período de sesiones" in by_id["OP12"].text
    assert "cuadragésimo" not in by_id["OP12"].text
    (u,) = by_id["OP12"].updates
    assert (u.kind, u.old, u.new, u.source_old, u.source_new) == (
        "ordinal", "cuadragésimo noveno", "quincuagésimo", "forty-ninth", "fiftieth")
    # the masthead and closing too: the session line (masculine, capitalised) and the meeting number
    nxt = parse_text(text.replace("92nd plenary meeting", "93rd plenary meeting")
                     .replace("Forty-eighth session", "Forty-ninth session"))
    lines = {m.kind: (m.status, m.text) for m in carry(en, nxt, es).masthead}
    assert lines["session"] == (UPDATED, "Cuadragésimo noveno período de sesiones")
    assert lines["meeting"] == (UPDATED, "93ª sesión plenaria")
    assert lines["title"] == (CARRIED, "48/246. Financiación de la Misión de las Naciones Unidas en Haití")


def test_an_update_that_cannot_be_made_with_certainty_is_not_guessed():
    s = en_spec()
    pp12 = s.paras[s.index("PP", 12)]
    pp12.text = pp12.text.replace("123 States", "124 States")
    new = parse_text(render(s))
    # last year's translation said 122 where the English said 123: which number to update is not certain
    target = parse_text(SEED.read_text("utf-8").replace("已有 123 个", "已有 122 个"))
    r = carry(EN, new, target)
    (p,) = [p for p in r.paragraphs if p.id == "PP12"]
    assert p.status == TRANSLATE and "differ from the old source's" in p.reason
    assert p.text == target.paragraph("PP12").text  # the old target's text, for the translator


WORD = re.compile(r"[\u3400-\u9fff]|[^\W_]+")


def _words(text: str) -> set[str]:
    return set(WORD.findall(text))


@settings(max_examples=25, deadline=None, derandomize=True)
@given(st.lists(st.sampled_from(["count", "ordinal", "recalled", "reword", "insert", "delete", "date"]),
                max_size=5, unique=True))
def test_nothing_is_invented(edits):
    """Every word of the draft comes from the old target, from an update listed in the report, or from
    a marked placeholder (a paragraph to translate carries only the old target's words)."""
    s = en_spec()
    if "count" in edits:
        s.paras[s.index("PP", 12)].text = s.paras[s.index("PP", 12)].text.replace("123", "127")
    if "ordinal" in edits:
        op = s.paras[s.index("OP", 11)]
        op.text = op.text.replace("seventy-sixth", "eightieth")
    if "recalled" in edits:
        pp = s.paras[s.index("PP", 1)]
        pp.text = pp.text.replace("73/54 of 5 December 2018 and 74/62 of 12 December 2019",
                                  "73/54 of 5 December 2018, 74/62 of 12 December 2019 and 75/62 of 7 December 2020")
    if "date" in edits:
        op = s.paras[s.index("OP", 8)]
        op.text = op.text.replace("from 23 to 27 November 2020", "from 20 to 24 September 2021")
    if "reword" in edits:
        s.paras[s.index("PP", 2)].text = "Reaffirming its resolve to end the suffering caused by cluster munitions,"
    if "insert" in edits:
        s.paras.insert(s.index("OP", 2), Para("OP", "Welcomes the new States parties;"))
    if "delete" in edits:
        del s.paras[s.index("OP", 5)]
    r = carry(EN, parse_text(render(s)), ZH)
    for p in r.paragraphs:
        allowed = _words(ZH.paragraph(p.from_id).text) if p.from_id else set()
        for u in p.updates:
            allowed |= _words(u.new)
        assert _words(p.text) <= allowed, (p.id, _words(p.text) - allowed)


def _cli(*args, status: int):
    return invoke(args, status)


def test_the_cli_report_json_and_draft(tmp_path):
    new = tmp_path / "en-next.txt"
    s = en_spec()
    s.paras[s.index("PP", 12)].text = s.paras[s.index("PP", 12)].text.replace("123", "124")
    new.write_text(render(s), encoding="utf-8")
    r = _cli("carry", EN_FIXTURE, new, SEED, "-f", "json", status=0)
    data = json.loads(r.stdout)
    (pp12,) = [p for p in data["paragraphs"] if p["id"] == "PP12"]
    assert pp12["status"] == "updated" and pp12["from"] == "PP12" and pp12["updates"][0]["new"] == "124"
    assert data["stats"] == {"carried": 29, "updated": 1, "translate": 0, "deleted": 0}
    report = _cli("carry", EN_FIXTURE, new, SEED, status=0).stdout
    assert "PP12     updated" in report and "number: 123 → 124   (source: 123 → 124)" in report
    draft = tmp_path / "draft.txt"
    _cli("carry", EN_FIXTURE, new, SEED, "-f", "draft", "-o", draft, status=0)
    back = load_document(str(draft))  # the working copy reads back as a resolution
    assert [p.id for p in back.paragraphs] == [p.id for p in ZH.paragraphs]
    assert back.paragraph("PP12").text == ZH.paragraph("PP12").text.replace("123", "124")
    # the footnote references stand where they stood, the footnotes follow
    assert back.paragraph("PP15").footnotes == ("3", "4") and len(back.footnotes) == 5
    # the loop closes: the finished translation checked against the new source and last year's pair
    _cli("check", new, draft, "--previous", EN_FIXTURE, SEED, status=0)
    xliff = _cli("carry", EN_FIXTURE, new, SEED, "-f", "xliff", status=0).stdout
    assert 'srcLang="en" trgLang="zh"' in xliff and '<unit id="PP12" name="PP12">' in xliff
    tmx = _cli("carry", EN_FIXTURE, new, SEED, "-f", "tmx", "--target-lang", "zh-CN", status=0).stdout
    assert 'segtype="paragraph"' in tmx and '<tuv xml:lang="zh-CN">' in tmx
    # every paragraph carried or updated, with the masthead, title, closing and footnote lines
    assert tmx.count("<tu ") == 30 + 8 + 5 and '<prop type="x-paragraph">PP12</prop>' in tmx
    tmx = _cli("carry", EN_FIXTURE, new, SEED, "-f", "tmx", "--tmx-segmentation", "sentence", status=0).stdout
    assert 'segtype="sentence"' in tmx
    r = _cli("carry", EN_FIXTURE, new, SEED, "-f", "tmx", "--target-lang", "zh_CN", status=2)
    assert "--target-lang" in r.stderr and "zh_CN" in r.stderr
    r = _cli("carry", EN_FIXTURE, new, tmp_path / "missing.txt", status=2)
    assert "missing.txt" in r.stderr


# A two-paragraph resolution in five languages: a recalled resolution with its date, a session ordinal
_MINI = {
    "en": ("The General Assembly,", "Recalling its resolution {sym} of {date},",
           "Decides to include in the provisional agenda of its {ord} session the item entitled “Cluster munitions”."),
    "fr": ("L’Assemblée générale,", "Rappelant sa résolution {sym} du {date},",
           "Décide d’inscrire à l’ordre du jour provisoire de sa {ord} session la question intitulée « Armes à "
           "sous-munitions »."),
    "ru": ("Генеральная Ассамблея,", "ссылаясь на свою резолюцию {sym} от {date} года,",
           "постановляет включить в предварительную повестку дня своей {ord} сессии пункт, озаглавленный "
           "«Кассетные боеприпасы»."),
    "ar": ("إن الجمعية العامة،", "إذ تشير إلى قرارها {sym} المؤرخ {date}،",
           "تقرر أن تدرج في جدول الأعمال المؤقت لدورتها {ord} البند المعنون ”الذخائر العنقودية“."),
}
_DEC_2019 = {"en": "12 December 2019", "fr": "12 décembre 2019", "ru": "12 декабря 2019",
             "ar": "12 كانون الأول/ديسمبر 2019"}


def _mini(lang: str, sym: str, date: str, ordinal: str):
    opening, pp, op = _MINI[lang]
    number = "1 - " if lang == "ar" else "1. "
    return parse_text(f"\n {opening}\n\n {pp.format(sym=sym, date=date)}\n\n {number}{op.format(ord=ordinal)}\n")


@pytest.mark.parametrize("lang, old, new", [
    ("fr", "soixante-quatorzième session", "soixante-quinzième session"),
    ("ru", "семьдесят четвертой сессии", "семьдесят пятой сессии"),  # feminine genitive, as the old
    ("ar", "لدورتها الرابعة والسبعين", "لدورتها الخامسة والسبعين"),  # feminine, genitive
])
def test_session_ordinals_dates_and_symbols_updated_in_french_russian_and_arabic(lang, old, new):
    old_en = _mini("en", "74/62", _DEC_2019["en"], "seventy-fourth")
    new_en = _mini("en", "75/62", "7 December 2020", "seventy-fifth")
    target = _mini(lang, "74/62", _DEC_2019[lang], old.rsplit(" ", 1)[0] if lang != "ar" else old.split(" ", 1)[1])
    assert target.language == lang and [p.id for p in target.paragraphs] == ["PP1", "OP1"]
    r = carry(old_en, new_en, target)
    pp1, op1 = r.paragraphs
    assert (pp1.status, op1.status) == (UPDATED, UPDATED)
    assert new in op1.text and old not in op1.text
    assert op1.text == target.paragraph("OP1").text.replace(old, new)
    (u,) = op1.updates
    assert u.kind == "ordinal" and (u.source_old, u.source_new) == ("seventy-fourth", "seventy-fifth")
    date = {"fr": "7 décembre 2020", "ru": "7 декабря 2020", "ar": "7 كانون الأول/ديسمبر 2020"}[lang]
    assert pp1.text == target.paragraph("PP1").text.replace("74/62", "75/62").replace(_DEC_2019[lang], date)


_RECALLED = {  # last year's list of recalled resolutions and count of States, in each language's own style
    "fr": ("L’Assemblée générale,", "Rappelant ses résolutions 72/54 du 4 décembre 2017, 73/54 du 5 décembre 2018 "
           "et 74/62 du 12 décembre 2019, et notant que 123 États ont ratifié,",
           "73/54 du 5 décembre 2018, 74/62 du 12 décembre 2019 et 75/62 du 7 décembre 2020"),
    "es": ("La Asamblea General,", "Recordando sus resoluciones 72/54, de 4 de diciembre de 2017, 73/54, de 5 de "
           "diciembre de 2018, y 74/62, de 12 de diciembre de 2019, y observando que 123 Estados han ratificado,",
           "74/62, de 12 de diciembre de 2019, y 75/62, de 7 de diciembre de 2020"),
    "ru": ("Генеральная Ассамблея,", "ссылаясь на свои резолюции 72/54 от 4 декабря 2017 года, 73/54 от 5 декабря "
           "2018 года и 74/62 от 12 декабря 2019 года и отмечая, что 123 государства ратифицировали,",
           "74/62 от 12 декабря 2019 года и 75/62 от 7 декабря 2020 года"),
    "ar": ("إن الجمعية العامة،", "إذ تشير إلى قراراتها 72/54 المؤرخ 4 كانون الأول/ديسمبر 2017 و 73/54 المؤرخ 5 "
           "كانون الأول/ديسمبر 2018 و 74/62 المؤرخ 12 كانون الأول/ديسمبر 2019، وإذ تلاحظ أن 123 دولة صدقت،",
           "74/62 المؤرخ 12 كانون الأول/ديسمبر 2019 و 75/62 المؤرخ 7 كانون الأول/ديسمبر 2020،"),
}


@pytest.mark.parametrize("lang", sorted(_RECALLED))
def test_a_recalled_resolution_and_a_count_updated_together_in_every_language(lang):
    def doc(opening, pp, number="1. "):
        return parse_text(f"\n {opening}\n\n {pp}\n\n {number}Decides to act.\n")

    old_en = doc("The General Assembly,", "Recalling its resolutions 72/54 of 4 December 2017, 73/54 of 5 December "
                 "2018 and 74/62 of 12 December 2019, and noting that 123 States have ratified,")
    new_en = doc("The General Assembly,", "Recalling its resolutions 72/54 of 4 December 2017, 73/54 of 5 December "
                 "2018, 74/62 of 12 December 2019 and 75/62 of 7 December 2020, and noting that 124 States have "
                 "ratified,")
    opening, pp, expected = _RECALLED[lang]
    target = doc(opening, pp, "1 - " if lang == "ar" else "1. ")
    (pp1, _) = carry(old_en, new_en, target).paragraphs
    assert pp1.status == UPDATED, pp1.reason
    assert expected in pp1.text and "124" in pp1.text and "123" not in pp1.text
    assert [u.kind for u in pp1.updates] == ["recalled", "number"]


@pytest.mark.parametrize("lang, opening, ordinal", [
    ("ar", "الجمعية العامة،", "الرابعة والسبعين"),  # without the particle that usually opens it
    ("ru", "Генеральная Ассамблея ,", "семьдесят четвертой"),  # a space before the comma
])
def test_the_draft_opens_as_last_years_target_does_in_every_form_an_opening_takes(lang, opening, ordinal):
    """The draft copies the old target's opening line as written, in any form the parser reads as the
    opening (lang's OPENING), not only in the commonest spelling of each language."""
    from resdiff.render.draft import render_draft

    en = _mini("en", "74/62", _DEC_2019["en"], "seventy-fourth")
    _, pp, op = _MINI[lang]
    number = "1 - " if lang == "ar" else "1. "
    target = parse_text(f"\n {opening}\n\n {pp.format(sym='74/62', date=_DEC_2019[lang])}\n\n "
                        f"{number}{op.format(ord=ordinal)}\n")
    draft = render_draft(carry(en, en, target))
    assert f"\n {opening}\n" in draft and "⟦opening⟧" not in draft


@pytest.mark.parametrize("lang, old, why", [
    # السبعين, a round ten, has no gender; seventy-first's unit must agree with دورة: not guessed
    ("ar", "السبعين", "gender of the Arabic ordinal cannot be told"),
    # восьмой is masculine nominative or a feminine oblique case; the noun after it is not one the table knows
    ("ru", "семьдесят восьмой очередной", "masculine or feminine"),
])
def test_an_ordinal_whose_grammar_cannot_be_settled_is_left_to_translate(lang, old, why):
    n_old, n_new = {"ar": ("seventieth", "seventy-first"), "ru": ("seventy-eighth", "seventy-ninth")}[lang]
    r = carry(_mini("en", "74/62", _DEC_2019["en"], n_old), _mini("en", "74/62", _DEC_2019["en"], n_new),
              _mini(lang, "74/62", _DEC_2019[lang], old))
    pp1, op1 = r.paragraphs
    assert pp1.status == CARRIED
    assert op1.status == TRANSLATE and why in op1.reason
    assert op1.text == _mini(lang, "74/62", _DEC_2019[lang], old).paragraph("OP1").text  # last year's, untouched


@pytest.mark.parametrize("lang, surface, old, new, after, expected", [
    ("fr", "Soixante-dix-neuvième", 79, 80, " session", "Quatre-vingtième"),
    ("fr", "soixante-dixième", 70, 71, " session", "soixante et onzième"),
    ("es", "septuagésima quinta", 75, 76, " sesión", "septuagésima sexta"),
    ("es", "septuagésimo", 70, 71, " período de sesiones", "septuagésimo primer"),  # before a noun
    ("ru", "семьдесят пятого", 75, 73, " доклада", "семьдесят третьего"),  # a soft stem
    ("ru", "семьдесят шестой", 76, 77, " сессии", "семьдесят седьмой"),
    ("ar", "الخامس والسبعون", 75, 80, "", "الثمانون"),  # masculine, nominative
    ("ar", "العاشرة", 10, 11, "", "الحادية عشرة"),
])
def test_an_ordinal_is_written_in_the_form_of_the_old_one(lang, surface, old, new, after, expected):
    from resdiff.lang import ORDINALS, write_ordinal

    assert write_ordinal(surface, old, new, lang, after) == (expected, None)
    read = ORDINALS[lang]
    m = read.pattern.search(expected)
    assert m and read.read(m) == new  # the reading side reads back what the writing side wrote


@pytest.mark.parametrize("lang, surface, new, expected", [
    ("zh", "2019 年 12 月 12 日", "2020-11-07", "2020 年 11 月 7 日"),
    ("zh", "2019年12月12日", "2020-11-07", "2020年11月7日"),
    ("en", "12 December 2019", "2020-11-07", "7 November 2020"),
    ("es", "12 de diciembre de 2019", "2020-11-07", "7 de noviembre de 2020"),
    ("fr", "12 décembre 2019", "2020-11-07", "7 novembre 2020"),
    ("ru", "12 декабря 2019", "2020-11-07", "7 ноября 2020"),
    ("ar", "12 كانون الأول/ديسمبر 2019", "2020-11-07", "7 تشرين الثاني/نوفمبر 2020"),
])
def test_a_date_is_written_as_the_target_writes_it(lang, surface, new, expected):
    from resdiff.lang import write_date

    assert write_date(surface, "2019-12-12", new, lang) == expected


def _series_folder(tmp_path: Path) -> Path:
    """A folder of earlier versions as the bundled series gives them: the illustrative Chinese 63/71 to 74/62,
    the official Chinese 75/62, and our English rendition of 75/62."""
    folder = tmp_path / "earlier"
    folder.mkdir()
    for f in [*sorted((SEED.parent / "illustrative").glob("*.txt")), SEED, EN_FIXTURE]:
        (folder / f.name).write_bytes(f.read_bytes())
    return folder


def _next_session(text: str, session: str, next_session: str) -> str:
    """Next year's text: the session line, the symbol and title number, and a count of States moved on."""
    return (text.replace(session, next_session).replace("A/RES/75/62", "A/RES/76/99").replace("75/62. ", "76/99. ")
            .replace("123 States", "124 States").replace("已有 123 个", "已有 124 个"))


@pytest.mark.parametrize("direction", ["en-zh", "zh-en"])
def test_last_year_found_in_a_folder_of_the_series(tmp_path, direction):
    folder = _series_folder(tmp_path)
    new = tmp_path / f"A-RES-76-99.{direction[:2]}.txt"
    if direction == "en-zh":
        new.write_text(_next_session(EN_FIXTURE.read_text("utf-8"), "Seventy-fifth session", "Seventy-sixth session"),
                       encoding="utf-8")
        old, target = EN_FIXTURE, SEED
    else:  # the latest Chinese version is chosen (75/62), not the illustrative 74/62 or earlier ones
        new.write_text(_next_session(SEED.read_text("utf-8"), "第七十五届会议", "第七十六届会议"), encoding="utf-8")
        old, target = SEED, EN_FIXTURE
    r = _cli("carry", new, "--from", folder, "-f", "json", status=0)
    chosen = folder / old.name, folder / target.name
    assert r.stderr.strip() == (f"resdiff: last year: {chosen[0]} (A/RES/75/62, session 75) and its "
                                f"{direction[3:]} version {chosen[1]}")
    data = json.loads(r.stdout)
    assert (data["old_source"]["file"], data["old_target"]["file"]) == tuple(map(str, chosen))
    # the same draft as naming the three files
    named = json.loads(_cli("carry", old, new, target, "-f", "json", status=0).stdout)
    assert data["paragraphs"] == named["paragraphs"]
    (pp12,) = [p for p in data["paragraphs"] if p["id"] == "PP12"]
    assert pp12["status"] == "updated" and pp12["updates"][0]["new"] == "124"
    # the working copy's masthead has the new session and symbol, in the target language, and reads back so
    draft = tmp_path / "draft.txt"
    _cli("carry", new, "--from", folder, "-f", "draft", "-o", draft, status=0)
    back = load_document(str(draft))
    assert (back.metadata.session, back.metadata.symbol, back.language) == (76, "A/RES/76/99", direction[3:])
    assert ("第七十六届会议" if direction == "en-zh" else "Seventy-sixth session") in draft.read_text("utf-8")


def test_from_refuses_a_tie_and_a_folder_without_the_series(tmp_path):
    folder = _series_folder(tmp_path)
    new = tmp_path / "A-RES-76-99.en.txt"
    new.write_text(_next_session(EN_FIXTURE.read_text("utf-8"), "Seventy-fifth session", "Seventy-sixth session"),
                   encoding="utf-8")
    # a second English 75/62 (another rendition): which one was last year's cannot be told
    (folder / "another.en.txt").write_text(EN_FIXTURE.read_text("utf-8").replace("123 States", "122 States"),
                                           encoding="utf-8")
    out = tmp_path / "draft.xlf"
    r = _cli("carry", new, "--from", folder, "-f", "xliff", "-o", out, status=2)
    (line,) = r.stderr.strip().splitlines()
    assert "two earlier versions tie (session 75" in line and "another.en.txt" in line and EN_FIXTURE.name in line
    assert not out.exists()
    empty = tmp_path / "empty"
    empty.mkdir()
    (empty / "x.txt").write_text(SEED.read_text("utf-8"), encoding="utf-8")  # Chinese only: no English version
    r = _cli("carry", new, "--from", empty, status=2)
    assert "no earlier version" in r.stderr and len(r.stderr.strip().splitlines()) == 1
    r = _cli("carry", new, EN_FIXTURE, "--from", folder, status=2)  # --from takes this year's text alone
    assert "NEW_SOURCE with --from DIR" in r.stderr
