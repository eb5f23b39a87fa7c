"""Editorial corrections, a kind of their own (issue #23): letter case, hyphen, dash, quote and apostrophe
forms, spacing, the width of punctuation and where a footnote marker stands. Each kind is tested alone in
English, French and Chinese; a paragraph that mixes an editorial and a substantive change stays
substantive with its editorial part still marked; every summary counts them apart; --hide-editorial.

The English and French texts are our own, in the layout of the real 2018 and 2025 resolutions on the
report of the International Criminal Court (where "States parties" became "States Parties")."""

from __future__ import annotations

import json

import pytest
from layout import ROOT
from typer.testing import CliRunner

from resdiff import compare, parse_text
from resdiff.cli import app
from resdiff.model import EDITORIAL, MODIFIED, SUBSTANTIVE, UNCHANGED
from resdiff.routine import is_editorial

EN = """ United Nations   A/RES/73/7

General Assembly

Distr.: General
26 November 2018

Seventy-third session
Agenda item 74

 Resolution adopted by the General Assembly on 20 November 2018

 73/7. Report of the International Criminal Court

 The General Assembly,

 Recalling the Rome Statute of the International Criminal Court,1 which entered into force on 1 July 2002,

 Noting that 123 States parties to the Rome Statute have accepted the jurisdiction of the Court,

 Welcoming the cooperation of non-governmental organizations with the Court,

 1. Welcomes the report of the International Criminal Court for 2017/18;

 2. Calls upon States parties to the Rome Statute to cooperate fully with the Court;

 3. Decides to include in the provisional agenda of its seventy-fourth session the item entitled "Report of the International Criminal Court".

 _______________
 1 United Nations, Treaty Series, vol. 2187, No. 38544.
"""

FR = """ Nations Unies   A/RES/73/7

Assemblée générale

Distr. générale
26 novembre 2018

Soixante-treizième session
Point 74 de l'ordre du jour

 Résolution adoptée par l'Assemblée générale le 20 novembre 2018

 73/7. Rapport de la Cour pénale internationale

 L'Assemblée générale,

 Rappelant le Statut de Rome de la Cour pénale internationale1, entré en vigueur le 1er juillet 2002,

 Notant que 123 États parties au Statut de Rome ont accepté la compétence de la Cour,

 Se félicitant de la coopération des organisations non-gouvernementales avec la Cour et de l'aide apportée,

 1. Accueille avec satisfaction le rapport de la Cour pénale internationale;

 2. Engage les États parties au Statut de Rome à coopérer pleinement avec la Cour;

 3. Décide d'inscrire à l'ordre du jour provisoire de sa soixante-quatorzième session la question intitulée « Rapport de la Cour pénale internationale ».

 _______________
 1 Nations Unies, Recueil des Traités, vol. 2187, no 38544.
"""

ZH = (ROOT / "samples" / "A-RES-75-62.zh.txt").read_text("utf-8")

# (language, text, edit name, old piece, new piece, the paragraph it touches)
EDITS = [
    ("en", EN, "case", "123 States parties", "123 States Parties", "PP2"),
    ("en", EN, "hyphen", "non-governmental", "nongovernmental", "PP3"),
    ("en", EN, "quote", '"Report of the International Criminal Court"',
     "\u201cReport of the International Criminal Court\u201d", "OP3"),
    ("en", EN, "marker", "Court,1 which entered into force on 1 July 2002,",
     "Court, which entered into force on 1 July 2002,1", "PP1"),
    ("fr", FR, "case", "123 États parties", "123 États Parties", "PP2"),
    ("fr", FR, "hyphen", "non-gouvernementales", "non gouvernementales", "PP3"),
    ("fr", FR, "quote", "« Rapport de la Cour pénale internationale »",
     "\u201cRapport de la Cour pénale internationale\u201d", "OP3"),
    ("fr", FR, "apostrophe", "de l'aide apportée", "de l\u2019aide apportée", "PP3"),
    ("fr", FR, "marker", "internationale1, entré en vigueur le 1er juillet 2002,",
     "internationale, entré en vigueur le 1er juillet 2002,1", "PP1"),
    ("zh", ZH, "quote", "题为“裁军挽救生命”的第三节", "题为\"裁军挽救生命\"的第三节", "PP14"),
    ("zh", ZH, "width", "部加入《集束弹药公约》，从而", "部加入《集束弹药公约》,从而", "PP10"),
    ("zh", ZH, "case", "《残疾人权利公约》1", "《残疾人权利公约》1", None),
    ("zh", ZH, "spacing", "又注意到 2020 年是《公约》生效十周年，强调", "又注意到 2020 年是《公约》生效十周年， 强调", None),
    ("zh", ZH, "marker", "《残疾人权利公约》1 \n\n所作的努力，", "《残疾人权利公约》所作的努力，1 \n\n", "PP8"),
]
EDITS = [e for e in EDITS if e[5]]


def _diff(old: str, new: str, lang: str):
    return compare(parse_text(old, language=lang), parse_text(new, language=lang))


def _touched(result):
    return {c.new[0]: c for c in result.changes if c.is_change and not c.is_footnote}


@pytest.mark.parametrize(("lang", "text", "name", "a", "b", "pid"), EDITS,
                         ids=[f"{e[0]}-{e[2]}" for e in EDITS])
def test_one_editorial_edit_is_editorial_alone(lang, text, name, a, b, pid):
    assert a in text
    result = _diff(text, text.replace(a, b, 1), lang)
    changed = _touched(result)
    assert list(changed) == [pid], name
    c = changed[pid]
    assert c.kind == MODIFIED and c.editorial and not c.routine and not c.is_substantive
    assert not result.has_substantive_changes
    assert result.stats()["editorial"] == 1
    # and back: the reverse edit is editorial as well
    back = _touched(_diff(text.replace(a, b, 1), text, lang))
    assert back[pid].editorial


def test_a_paragraph_with_an_editorial_and_a_substantive_change_stays_substantive():
    new = EN.replace("Calls upon States parties to the Rome Statute to cooperate fully",
                     "Calls upon States Parties to the Rome Statute to cooperate fully and promptly")
    c = _touched(_diff(EN, new, "en"))["OP2"]
    assert c.is_substantive and not c.editorial
    kinds = {s: k for (op, s), k in zip(c.ops, c.op_kinds, strict=True) if op != "equal"}
    assert kinds["parties"] == EDITORIAL and kinds["Parties"] == EDITORIAL
    assert SUBSTANTIVE in kinds.values()


def test_a_changed_word_is_never_editorial():
    assert not is_editorial("parties", "party")
    assert not is_editorial("shall", "should")
    assert not is_editorial("，", "、；")
    assert is_editorial("co-operation", "cooperation")
    assert is_editorial("« Rapport »", "“Rapport”")
    assert is_editorial("，", ",")


def test_a_marker_that_stays_after_the_same_words_has_not_moved():
    new = EN.replace("Recalling the Rome Statute", "Recalling also the Rome Statute")
    c = _touched(_diff(EN, new, "en"))["PP1"]
    assert c.is_substantive and c.marker_moves == ()


def test_the_form_of_a_hyphen_is_still_no_change():
    """A non-breaking hyphen (U+2011) or U+2010 for a hyphen-minus is no change at all (normalize.fold, as
    tests/test_inputs.py has it): an extractor's choice, not the editor's."""
    for form in ("\u2011", "\u2010"):
        result = _diff(EN, EN.replace("non-governmental", f"non{form}governmental"), "en")
        assert not result.has_changes


def test_rewrapped_text_is_still_no_change():
    new = EN.replace("have accepted the jurisdiction", "have accepted\nthe jurisdiction")
    result = _diff(EN, new, "en")
    assert all(c.kind == UNCHANGED for c in result.changes)


ICC_2025 = (EN.replace("States parties", "States Parties").replace("non-governmental", "nongovernmental")
            .replace("Welcomes the report", "Welcomes with appreciation the report"))


def _run(tmp_path, *args, status=1):
    (tmp_path / "old.txt").write_text(EN, "utf-8")
    (tmp_path / "new.txt").write_text(ICC_2025, "utf-8")
    r = CliRunner().invoke(app, ["diff", str(tmp_path / "old.txt"), str(tmp_path / "new.txt"), *args])
    assert r.exit_code == status, r.output
    return r.stdout


TOTALS = "1 substantive (1 modified, 0 inserted, 0 deleted); 0 routine; 3 editorial"


def test_every_summary_counts_editorial_apart(tmp_path):
    term = _run(tmp_path, "--color", "never", "--width", "200", "--no-pager")
    assert TOTALS in term
    assert "PP2  editorial" in term and "[~parties~]{~Parties~}" in term and "OP1  modified" in term
    summary = _run(tmp_path, "--color", "never", "--width", "200", "--view", "summary", "--no-pager")
    assert TOTALS in summary and "editorial" in summary.split("what changed")[1]
    md = _run(tmp_path, "-f", "markdown")
    assert TOTALS in md and "| PP2 | PP2 | editorial |" in md and "<i><del>parties</del></i>" in md
    html = _run(tmp_path, "-f", "html")
    assert TOTALS in html and 'class="change modified editorial"' in html
    assert '<del class="editorial" title="editorial">parties</del>' in html
    data = json.loads(_run(tmp_path, "-f", "json"))
    assert data["stats"]["editorial"] == 3 and data["substantive"] is True
    pp2 = next(c for c in data["changes"] if c["new"] == ["PP2"])
    assert pp2["editorial"] is True and pp2["routine"] is False and "editorial" in pp2["op_kinds"]


def test_fail_on_substantive_passes_editorial_only(tmp_path):
    (tmp_path / "old.txt").write_text(EN, "utf-8")
    (tmp_path / "new.txt").write_text(EN.replace("States parties", "States Parties"), "utf-8")
    r = CliRunner().invoke(app, ["diff", str(tmp_path / "old.txt"), str(tmp_path / "new.txt"),
                                 "--fail-on", "substantive", "-f", "json"])
    assert r.exit_code == 0, r.output


def test_hide_editorial(tmp_path):
    term = _run(tmp_path, "--color", "never", "--width", "200", "--no-pager", "--hide-editorial")
    assert "parties" not in term and "3 paragraphs (PP1–PP3), 2 of them editorial (hidden)" in term
    assert "OP1  modified" in term and TOTALS in term  # still counted
    md = _run(tmp_path, "-f", "markdown", "--hide-editorial")
    assert "| PP2 |" not in md and "<del>" not in md and TOTALS in md
    html = _run(tmp_path, "-f", "html", "--hide-editorial")
    assert 'class="editorial"' not in html.split("</style>")[1] and "with appreciation" in html


def test_hide_editorial_keeps_the_substantive_part_of_a_mixed_paragraph(tmp_path):
    (tmp_path / "old.txt").write_text(EN, "utf-8")
    (tmp_path / "new.txt").write_text(EN.replace("Calls upon States parties", "Urges States Parties"), "utf-8")
    r = CliRunner().invoke(app, ["diff", str(tmp_path / "old.txt"), str(tmp_path / "new.txt"), "--color", "never",
                                 "--width", "200", "--hide-editorial", "--no-pager"])
    assert r.exit_code == 1
    assert "[-Calls upon-]{+Urges+} States Parties to" in r.stdout and "parties" not in r.stdout
