"""The ways a real French, Spanish or Russian text writes its closing meeting and its dates, which a correct
translation must pass `check` with: "92.ª sesión plenaria" (the RAE's spelling), "37‑е" with a Word file's
non-breaking hyphen, "37ème" or a raised "e" an extractor set apart, "1 er mars", "1° de marzo", "2-го декабря".
Each was read as an operative paragraph of its own, or glued onto the last one, and failed a correct pair."""

from __future__ import annotations

import pytest
from layout import Para, Spec, render
from test_languages import EN, SPECS

from resdiff import parse_text
from resdiff.check import check_pair


def _with(lang: str, closing: str | None = None, old: str = "", new: str = "") -> Spec:
    spec = SPECS[lang]
    paras = [Para(p.kind, p.text.replace(old, new) if old else p.text, list(p.notes)) for p in spec.paras]
    return Spec(spec.header, paras, [closing, *spec.closing[1:]] if closing else list(spec.closing), lang)


@pytest.mark.parametrize("lang, closing", [
    ("es", "37.ª sesión plenaria"), ("es", "37.a sesión plenaria"),
    ("fr", "37ème séance plénière"), ("fr", "37 e séance plénière"), ("fr", "37\u1d49 séance plénière"),
    ("ru", "37\u2011е пленарное заседание"), ("ru", "37\u2010е пленарное заседание"),
    ("ru", "37–е пленарное заседание")])
def test_a_closing_meeting_in_each_way_it_is_written(lang, closing):
    doc = parse_text(render(_with(lang, closing)))
    assert doc.metadata.meeting == 37
    assert [p.id for p in doc.paragraphs if p.id.startswith("OP")] == ["OP1", "OP2"]
    assert not any("plen" in p.text for p in doc.paragraphs)  # no closing glued onto the last paragraph
    assert check_pair(parse_text(render(EN)), doc).findings == ()


@pytest.mark.parametrize("lang, old, new", [
    ("fr", "2 décembre 2008", "1 er décembre 2008"), ("fr", "2 décembre 2008", "1\ner décembre 2008"),
    ("fr", "2 décembre 2008", "1er décembre 2008"),
    ("es", "2 de diciembre de 2008", "1° de diciembre de 2008"), ("es", "2 de diciembre de 2008", "1.° de diciembre de 2008"),
    ("ru", "2 декабря 2008 года", "1-го декабря 2008 года"), ("ru", "2 декабря 2008 года", "1\u2011го декабря 2008 года")])
def test_a_day_in_each_way_it_is_written(lang, old, new):
    """The English counterpart says 1 December 2008: the date agrees, and the day is no number of its own."""
    english = Spec(EN.header, [Para(p.kind, p.text.replace("2 December 2008", "1 December 2008"), list(p.notes))
                               for p in EN.paras], list(EN.closing), "en")
    target = parse_text(render(_with(lang, old=old, new=new)))
    assert check_pair(parse_text(render(english)), target).findings == ()
    # and a day that differs is still found
    (f,) = check_pair(parse_text(render(EN)), target).findings
    assert (f.rule, f.source) == ("date-mismatch", "PP1")
