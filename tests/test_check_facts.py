"""The facts of a resolution outside its paragraphs compared across languages: the agenda item (its number
and letter, whatever words each language puts around it), session, meeting, the committee report or draft
symbol, the recorded vote, the title's numbers, and each footnote's symbols and dates."""

from __future__ import annotations

import pytest
from layout import EN_FIXTURE, SEED, render, seed_spec

from resdiff import parse_text
from resdiff.check import agenda_item, check_pair

EN = parse_text(EN_FIXTURE.read_text("utf-8"))
ZH = parse_text(SEED.read_text("utf-8"))


def _meta(doc, **fields):
    return doc.replace(metadata=doc.metadata.replace(**fields))


@pytest.mark.parametrize(("value", "item"), [("40 de l'ordre du jour", "40"), ("40", "40"), ("165 del programa", "165"),
                                             ("103(ll)", "103 (ll)"), ("103 (ll)", "103 (ll)"), ("119 (b)", "119 (b)"),
                                             ("103 ll) de l’ordre du jour", "103 (ll)"), ("103 ll) del programa", "103 (ll)"),
                                             (None, None)])
def test_the_agenda_item_is_its_number_and_letter(value, item):
    assert agenda_item(value) == item


def test_an_agenda_item_in_words_of_its_own_agrees_and_another_number_does_not():
    fr = _meta(ZH, language="fr", agenda_item="103 (ll) de l'ordre du jour")
    # the French "item 103 (ll) of the agenda" is the English "103 (ll)": no finding
    assert [f for f in check_pair(EN, ZH.replace(metadata=ZH.metadata.replace(agenda_item="103(ll)"))).findings] == []
    assert fr.metadata.agenda_item.startswith("103")
    zh = parse_text(SEED.read_text("utf-8").replace("议程项目 103(ll)", "议程项目 104(ll)"))
    (f,) = check_pair(EN, zh).findings
    assert (f.rule, f.source, f.target) == ("metadata-mismatch", "metadata", "metadata")
    assert f.message == "agenda item 103 (ll) in source, 104 (ll) in target"


@pytest.mark.parametrize(("field", "value", "message"), [
    ("session", 76, "session 75 in source, 76 in target"),
    ("meeting", 38, "meeting 37 in source, 38 in target"),
    ("report", "A/75/398", "report A/75/399 in source, A/75/398 in target"),
    ("adopted", "2020-12-08", "adopted 2020-12-07 in source, 2020-12-08 in target"),
])
def test_masthead_and_closing_facts(field, value, message):
    from resdiff.config import Config

    zh = _meta(ZH, **{field: value})
    findings = check_pair(EN, zh, Config(force=True)).findings
    assert [(f.rule, f.message) for f in findings] == [("metadata-mismatch", message)]


def test_the_closing_meeting_read_from_the_text():
    zh = parse_text(SEED.read_text("utf-8").replace("第 37 次全体会议", "第 38 次全体会议"))
    assert [f.message for f in check_pair(EN, zh).findings] == ["meeting 37 in source, 38 in target"]


def test_the_recorded_vote_where_present():
    en = EN.replace(other=(*EN.other, "Adopted by a recorded vote of 141 to 5, with 35 abstentions"))
    zh_same = ZH.replace(other=(*ZH.other, "以 141 票赞成、5 票反对、35 票弃权获得通过"))
    zh_other = ZH.replace(other=(*ZH.other, "以 141 票赞成、5 票反对、36 票弃权获得通过"))
    assert check_pair(en, zh_same).findings == ()
    (f,) = check_pair(en, zh_other).findings
    assert f.message == "vote (in favour-against-abstentions) 141-5-35 in source, 141-5-36 in target"
    assert check_pair(en, ZH).findings == ()  # a vote on one side only: nothing to compare


def test_each_footnotes_symbols_and_dates():
    zh = seed_spec()
    pp1 = zh.paras[zh.index("PP", 15)]
    pp1.notes[0] = pp1.notes[0].replace("2015", "2016")
    found = [(f.rule, f.source, f.target, f.message) for f in check_pair(EN, parse_text(render(zh))).findings]
    assert len(found) == 1 and found[0][:3] == ("footnote-mismatch", "FN3", "FN3")
    assert "2015" in found[0][3] and "2016" in found[0][3]


def test_a_footnotes_date():
    en = EN.replace(footnotes=(EN.footnotes[0].replace(text="Adopted on 5 December 2016 (A/71/L.1)."),))
    zh_ok = ZH.replace(footnotes=(ZH.footnotes[0].replace(text="2016 年 12 月 5 日通过(A/71/L.1)。"),))
    zh_bad = ZH.replace(footnotes=(ZH.footnotes[0].replace(text="2016 年 12 月 6 日通过(A/71/L.2)。"),))
    assert not [f for f in check_pair(en, zh_ok).findings if f.source == en.footnotes[0].id]
    found = sorted(f.message for f in check_pair(en, zh_bad).findings if f.source == en.footnotes[0].id)
    assert found == [f"footnote {en.footnotes[0].marker}: date 2016-12-05 in source, 2016-12-06 in target",
                     f"footnote {en.footnotes[0].marker}: symbol A/71/L.1 in source, A/71/L.2 in target"]


@pytest.mark.parametrize("split", ["quarante-\nneuvième", "quarante-neuvième"])
def test_a_french_ordinal_split_at_its_hyphen_is_no_false_alarm(split):
    """The issue's 1993 case: the French "quarante-neuvième", its hyphen at a line end, once read as
    "quaranteneuvième" and reported as an ordinal-mismatch against the English "forty-ninth"."""
    from layout import render
    from test_languages import EN as EN_SPEC
    from test_languages import SPECS

    en = render(EN_SPEC).replace("seventy-sixth", "forty-ninth")
    fr = render(SPECS["fr"]).replace("soixante-seizième", split, 1)
    assert check_pair(parse_text(en), parse_text(fr)).findings == ()
    wrong = render(SPECS["fr"]).replace("soixante-seizième", split.replace("neuvième", "huitième"), 1)
    (f,) = check_pair(parse_text(en), parse_text(wrong)).findings
    assert f.rule == "ordinal-mismatch" and "49 in source, 48 in target" in f.message
