"""An ordinal written in digits ("76th", "76e", "76.º", "76-й") is the ordinal its words are ("seventy-sixth",
"soixante-seizième"): a correct pair that writes it one way and the other passes `check`, where its digits
were a number on one side and its words an ordinal on the other (an ordinal and a number finding)."""

from __future__ import annotations

import pytest
from layout import Para, Spec, render
from test_languages import EN, SPECS

from resdiff import parse_text
from resdiff.check import check_pair
from resdiff.facts import extract


def _with(spec: Spec, old: str, new: str) -> Spec:
    return Spec(spec.header, [Para(p.kind, p.text.replace(old, new), list(p.notes)) for p in spec.paras],
                list(spec.closing), spec.lang)


@pytest.mark.parametrize("lang, words, digits", [
    ("fr", "soixante-seizième", "76e"), ("fr", "soixante-seizième", "76ème"), ("fr", "soixante-seizième", "76\u1d49"),
    ("es", "septuagésimo sexto", "76.º"), ("es", "septuagésimo sexto", "76º"),
    ("ru", "семьдесят шестой", "76-й"), ("ru", "семьдесят шестой", "76\u2011й")])
def test_an_ordinal_in_digits_against_its_words(lang, words, digits):
    target = parse_text(render(_with(SPECS[lang], words, digits)))
    assert check_pair(parse_text(render(EN)), target).findings == ()
    assert check_pair(parse_text(render(_with(EN, "seventy-sixth", "76th"))), target).findings == ()
    # another session is still found
    (f,) = check_pair(parse_text(render(_with(EN, "seventy-sixth", "77th"))), target).findings
    assert (f.rule, f.source) == ("ordinal-mismatch", "OP2")


@pytest.mark.parametrize("text, lang, ordinals, numbers", [
    ("the 1st and 2nd items of its 76th session", "en", {1: 1, 2: 1, 76: 1}, {}),
    ("a 1.5th share, item A76th, 3 units", "en", {}, {"1.5": 1, "76": 1, "3": 1}),  # no ordinal inside others
    ("la 1re fois, le 1er mars 2020", "fr", {1: 1}, {}),  # the first of March is a date's day, not an ordinal
    ("párrafo 5 a), la 2.a vez", "es", {2: 1}, {"5": 1}),  # a sub-paragraph's letter after a space is none
    ("3-го и 5-я", "ru", {3: 1, 5: 1}, {}),
])
def test_what_is_an_ordinal_in_digits_and_what_is_not(text, lang, ordinals, numbers):
    facts = extract(text, lang)
    assert dict(facts.ordinals) == ordinals and dict(facts.numbers) == numbers


@pytest.mark.parametrize("surface, old, new, lang, written", [
    ("76th", 76, 77, "en", "77th"), ("20th", 20, 21, "en", "21st"), ("1st", 1, 2, "en", "2nd"),
    ("12th", 12, 13, "en", "13th"), ("22nd", 22, 23, "en", "23rd"), ("110TH", 110, 111, "en", "111TH"),
    ("76e", 76, 77, "fr", "77e"), ("92ª", 92, 93, "es", "93ª"), ("76.º", 76, 77, "es", "77.º"),
    ("76-й", 76, 77, "ru", "77-й"), ("1re", 1, 2, "fr", None), ("2e", 2, 1, "fr", None)])
def test_carry_writes_an_ordinal_in_digits_as_the_target_did(surface, old, new, lang, written):
    from resdiff.lang import write_ordinal

    assert write_ordinal(surface, old, new, lang)[0] == written
