"""Language facts: detection among the six UN languages, numerals, dates, clause splitting."""

from __future__ import annotations

import pytest

from resdiff.diff import diff_texts
from resdiff.lang import detect_language, en_ordinal, find_date, zh_numeral
from resdiff.render.common import display_ops
from resdiff.tokenize import clauses

SAMPLES = {
    "zh": "大会，回顾其关于《集束弹药公约》的各项决议，重申决心永远终止集束弹药造成的痛苦和伤亡，",
    "en": "The General Assembly, Recalling its resolutions on the Convention on Cluster Munitions and the work of the States parties,",
    "fr": "L’Assemblée générale, Rappelant ses résolutions sur la Convention sur les armes à sous-munitions et les travaux des États parties,",
    "es": "La Asamblea General, Recordando sus resoluciones sobre la Convención sobre Municiones en Racimo y los trabajos de los Estados partes,",
    "ru": "Генеральная Ассамблея, ссылаясь на свои резолюции о Конвенции по кассетным боеприпасам,",
    "ar": "إن الجمعية العامة، إذ تشير إلى قراراتها المتعلقة باتفاقية الذخائر العنقودية،",
}


@pytest.mark.parametrize("lang", sorted(SAMPLES))
def test_detects_each_un_language(lang):
    assert detect_language(SAMPLES[lang]) == lang


def test_chinese_text_with_an_english_masthead_is_chinese():
    assert detect_language("Distr.: General 15 December 2020 " + SAMPLES["zh"] * 3) == "zh"


@pytest.mark.parametrize("text, value", [("七十五", 75), ("十", 10), ("十六", 16), ("一百零三", 103),
                                         ("二十", 20), ("一致", None), ("", None)])
def test_chinese_numerals(text, value):
    assert zh_numeral(text) == value


@pytest.mark.parametrize("text, value", [("Seventy-fifth", 75), ("seventy-sixth", 76), ("tenth", 10),
                                         ("37th", 37), ("twentieth", 20), ("session", None)])
def test_english_ordinals(text, value):
    assert en_ordinal(text) == value


@pytest.mark.parametrize("text, iso", [
    ("2020 年 12 月 7 日大会决议", "2020-12-07"),
    ("２０２０年１２月７日", "2020-12-07"),
    ("Resolution adopted by the General Assembly on 7 December 2020", "2020-12-07"),
    ("Résolution adoptée par l’Assemblée générale le 7 décembre 2020", "2020-12-07"),
    ("Resolución aprobada por la Asamblea General el 7 de diciembre de 2020", "2020-12-07"),
    ("Резолюция, принятая Генеральной Ассамблеей 7 декабря 2020 года", "2020-12-07"),
    ("قرار اتخذته الجمعية العامة في 7 كانون الأول/ديسمبر 2020", "2020-12-07"),
    ("no date at all, 75/62", None),
])
def test_dates_in_six_languages(text, iso):
    assert find_date(text) == iso


def test_chinese_clauses_respect_quotes_and_titles():
    text = "决定在临时议程题为“全面彻底裁军：分项”的项目下，列入《保护我们的共同未来：裁军议程》；并请秘书长，"
    assert clauses(text) == ["决定在临时议程题为“全面彻底裁军：分项”的项目下，", "列入《保护我们的共同未来：裁军议程》；",
                             "并请秘书长，"]


def test_latin_clauses_keep_un_abbreviations():
    text = "Recalling A/75/399, para. 96, and vol. 2515, No. 44910; welcomes e.g. the 2.5 per cent rise."
    assert clauses(text) == ["Recalling A/75/399, ", "para. 96, ", "and vol. 2515, ", "No. 44910; ",
                             "welcomes e.g. the 2.5 per cent rise."]


def test_arabic_clauses():
    assert clauses("إذ تشير إلى قراراتها، وإذ تؤكد؛ تقرر.") == ["إذ تشير إلى قراراتها، ", "وإذ تؤكد؛ ", "تقرر."]


def test_numbers_and_symbols_are_whole_tokens_in_a_diff():
    ops = diff_texts("见 A/74/394 和第 74/62 号决议", "见 A/75/399 和第 75/62 号决议")
    assert [t for op, t in ops if op == "delete"] == ["A/74/394", "74/62"]
    assert [t for op, t in ops if op == "insert"] == ["A/75/399", "75/62"]


def test_layout_only_differences_do_not_show():
    ops = diff_texts("注意到已有 123 个国家，其中 110 个", "注意到已有123个国家，其中 111 个")
    shown = display_ops(ops)
    assert [(op, t) for op, t in shown if op != "equal"] == [("delete", "110"), ("insert", "111")]


def test_spaces_at_change_edges_stay_outside_in_latin_script():
    shown = display_ops([("equal", "resolutions 63/71"), ("delete", " and 70/54"), ("equal", " of 2008")])
    assert "".join(f"[{t}]" if op == "delete" else t for op, t in shown) == "resolutions 63/71 [and 70/54] of 2008"


@pytest.mark.parametrize("text, iso", [("December 7, 2020", "2020-12-07"), ("7 December 2020", "2020-12-07"),
                                       ("7 de diciembre de 2020", "2020-12-07"), ("1º de marzo de 1989", "1989-03-01"),
                                       ("2020 年 12 月 7 日", "2020-12-07"), ("45 December 2020", None),
                                       ("31 February 2021", None)])
def test_the_parser_and_the_checks_read_dates_alike(text, iso):
    """One date reader: the metadata (find_date) and the translation checks (extract) agree, and a day
    that is not in the calendar is no date for either."""
    from resdiff.facts import extract
    from resdiff.lang import find_date

    assert find_date(text) == iso
    assert dict(extract(text, "en" if "December" in text else "es" if "de" in text else "zh").dates) == (
        {iso: 1} if iso else {})


def test_detect_language_counts_each_script_by_its_own_characters():
    """The characters at each script's edges: U+4DFF is no common ideograph, U+4E00 and U+9FFF are;
    U+03FF is Greek, U+04FF Cyrillic; U+05FF stands before Arabic, U+06FF in it; À-ÿ are Latin letters."""
    english = "the resolution of the Assembly and its organs"
    assert detect_language("\u4dff" * 60 + english) == "en"
    assert detect_language("\u4e00" * 30 + "\u9fff" * 30 + english) == "zh"
    assert detect_language("\u03ff" * 60 + english) == "en"
    assert detect_language("\u04ff" * 60 + english) == "ru"
    assert detect_language("\u0500" * 60 + english) == "en"
    assert detect_language("\u05ff" * 60 + english) == "en"
    assert detect_language("\u06ff" * 60 + english) == "ar"
    assert detect_language("\u00c0" * 40 + "\u0410" * 39) == "en"
    assert detect_language("\u00bf" * 40 + "\u0410" * 39) == "ru"
