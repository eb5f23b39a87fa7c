"""Two different resolutions (issue #23): `diff` of versions whose titles differ and of which little aligns
says so on stderr, naming both titles, and exits 2 unless --force; and a pair of paragraphs that keep too
little of their text is never shown as a modification."""

from __future__ import annotations

import json

import pytest
from layout import ROOT
from test_editorial import EN
from typer.testing import CliRunner

from resdiff import compare, parse_text
from resdiff.cli import app
from resdiff.comparison import MIN_SIMILARITY, unrelated
from resdiff.model import MODIFIED

REAL = ROOT.parent / "shared" / "corpus" / "real"  # as tests/test_real.py finds it
SIX, SEVEN = REAL / "A-RES-73-6.en.pdf", REAL / "A-RES-73-7.en.pdf"

OTHER = """ United Nations   A/RES/73/9

General Assembly

Distr.: General
26 November 2018

Seventy-third session
Agenda item 30

 Resolution adopted by the General Assembly on 20 November 2018

 73/9. Cooperation between the United Nations and the Inter-Parliamentary Union

 The General Assembly,

 Welcoming the annual parliamentary hearing held at United Nations Headquarters in February,

 Noting the growing contribution of parliaments to the work of the Organization on climate and health,

 Mindful that national budgets are adopted by parliaments and that their scrutiny matters,

 1. Encourages the Secretariat to strengthen its exchanges with parliamentarians on every agenda item;

 2. Requests the Secretary-General to report at its seventy-fifth session on the progress made;

 3. Decides to include in the provisional agenda of its seventy-fifth session a sub-item on interaction.
"""


def _invoke(*args):
    return CliRunner().invoke(app, ["diff", *map(str, args)])


def test_two_different_resolutions_are_refused_naming_both_titles(tmp_path):
    (tmp_path / "icc.txt").write_text(EN, "utf-8")
    (tmp_path / "ipu.txt").write_text(OTHER, "utf-8")
    r = _invoke(tmp_path / "icc.txt", tmp_path / "ipu.txt", "-f", "json")
    assert r.exit_code == 2 and r.stdout == ""
    errors = [ln for ln in r.stderr.splitlines() if ln.startswith("resdiff: error:")]
    assert len(errors) == 1 and "Traceback" not in r.stderr  # (parse warnings on these small texts aside)
    line = errors[0]
    assert "“Report of the International Criminal Court”" in line
    assert "“Cooperation between the United Nations and the Inter-Parliamentary Union”" in line
    assert "--force" in line
    forced = _invoke(tmp_path / "icc.txt", tmp_path / "ipu.txt", "-f", "json", "--force")
    assert forced.exit_code == 1
    modified = [c for c in json.loads(forced.stdout)["changes"] if c["kind"] == "modified"]
    assert [c["new"] for c in modified] == [["OP3"]]  # the agenda formula, the one thing they share
    assert all(c["similarity"] >= 0.35 for c in modified)


def test_a_retitled_revision_that_still_aligns_is_compared(tmp_path):
    new = EN.replace("73/7. Report of the International Criminal Court",
                     "73/7. Report of the International Criminal Court for 2017/18")
    assert unrelated(compare(parse_text(EN), parse_text(new))) is None
    case_only = EN.replace("73/7. Report of the International Criminal Court",
                           "73/7. Report of the international criminal court")
    assert unrelated(compare(parse_text(EN), parse_text(case_only))) is None


def test_a_version_recalled_by_the_newer_one_is_compared():
    """The bundled 63/71 is on the Convention itself, 75/62 on its implementation, and recalls 63/71."""
    r = _invoke(ROOT / "samples/illustrative/ILLUSTRATIVE-A-RES-63-71.zh.txt", ROOT / "samples/A-RES-75-62.zh.txt",
                "-f", "json")
    assert r.exit_code == 1, r.output


@pytest.mark.skipif(not SIX.exists(), reason="the real corpus (../shared/corpus/real) is absent")
def test_real_73_6_against_73_7():
    r = _invoke(SIX, SEVEN, "--color", "never")
    assert r.exit_code == 2 and r.stdout == ""
    assert "Report of the International Criminal Court" in r.stderr and "Outer Space" in r.stderr
    forced = _invoke(SIX, SEVEN, "-f", "json", "--force")
    assert forced.exit_code == 1
    data = json.loads(forced.stdout)
    # OP10 of 73/6 against OP3 of 73/7 keeps 0.245 of its text: deleted and inserted, not modified
    assert MIN_SIMILARITY == 0.35
    assert all(c["similarity"] >= 0.35 for c in data["changes"] if c["kind"] == MODIFIED)
    assert {"kind": "deleted", "old": ["OP10"]}.items() <= next(c for c in data["changes"]
                                                              if c["old"] == ["OP10"]).items()
    assert data["stats"]["unchanged"] == 0
