"""series and blame on the illustrative series (samples/make_illustrative.py). The expected lineages and
attributions come from how the versions were built: every paragraph carries the tag of the 75/62
paragraph it descends from."""

from __future__ import annotations

import importlib.util
import itertools
import json
import random

import pytest
from layout import ROOT, Spec, render, seed_spec
from runcli import invoke

from resdiff import load_document, parse_text
from resdiff.errors import UsageError
from resdiff.normalize import fold
from resdiff.series import blame, build_series
from resdiff.tokenize import clauses

_spec = importlib.util.spec_from_file_location("make_illustrative", ROOT / "samples" / "make_illustrative.py")
builder = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(builder)

SESSIONS = [63, 70, 71, 72, 73, 74, 75]
N = len(SESSIONS)
FILES = [ROOT / "samples" / "illustrative" / f"ILLUSTRATIVE-A-RES-{builder.VERSIONS[s][0].replace('/', '-')}.zh.txt"
         for s in SESSIONS[:-1]] + [ROOT / "samples" / "A-RES-75-62.zh.txt"]


def _specs() -> list[Spec]:
    built = builder.build()
    return [built[s] for s in SESSIONS[:-1]] + [seed_spec()]


def _truth():
    specs = _specs()
    tags = []
    for s in specs:
        for p in s.paras:
            if p.tag not in tags:
                tags.append(p.tag)
    lineages = set()
    for t in tags:
        ids, states, prev = [], [], None
        for s in specs:
            where = {p.tag: (pid, p) for pid, p in zip(s.ids(), s.paras, strict=True)}
            if t in where:
                pid, p = where[t]
                text = fold(p.text.replace("\x00", ""))
                states.append("new" if prev is None else "same" if text == prev else "changed")
                ids.append(pid)
                prev = text
            else:
                states.append("gone" if prev is not None else None)
                ids.append(None)
        lineages.add((tuple(ids), tuple(states)))
    return specs, lineages


@pytest.fixture(scope="module")
def docs():
    return [load_document(str(f)) for f in FILES]


def test_samples_are_what_the_builder_makes():
    for f, spec in zip(FILES[:-1], _specs()[:-1], strict=True):
        spec.header = builder._header(spec, int(f.name.split("-")[3]))
        spec.closing = builder._closing(int(f.name.split("-")[3]))
        assert f.read_text("utf-8") == render(spec, width=38)
        assert f.read_text("utf-8").startswith("ILLUSTRATIVE TEXT - NOT AN OFFICIAL")


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_series_reports_every_lineage_whatever_the_order(docs, seed):
    shuffled = list(docs)
    random.Random(seed).shuffle(shuffled)
    result = build_series(shuffled)
    assert [v.metadata.session for v in result.versions] == SESSIONS
    _, expected = _truth()
    assert {(lin.ids, lin.states) for lin in result.lineages} == expected


def test_lineage_order_follows_the_newest_version(docs):
    result = build_series(docs)
    last = [lin.ids[-1] for lin in result.lineages]
    present = [x for x in last if x is not None]
    assert present == [p.id for p in docs[-1].paragraphs]
    gone = next(k for k, lin in enumerate(result.lineages) if lin.ids[-1] is None and lin.ids[3] == "OP6")
    assert result.lineages[gone].states[3:5] == ("same", "gone") and result.lineages[gone - 1].ids[-1] == "OP5"


def test_blame_attributes_every_paragraph_and_clause(docs):
    specs, _ = _truth()
    result = build_series(list(reversed(docs)))
    got = blame(result)
    newest = specs[-1]
    for para, spec_para in zip(got, newest.paras, strict=True):
        history = []
        for s in specs:
            found = [p for p in s.paras if p.tag == spec_para.tag]
            history.append(fold(found[0].text.replace("\x00", "")) if found else None)
        introduced = next(k for k, h in enumerate(history) if h is not None)
        changed = max([introduced] + [k for k in range(introduced + 1, N) if history[k] != history[k - 1]])
        assert (para.introduced, para.changed) == (introduced, changed), para.id
        for clause in para.clauses:
            text = fold(clause.text)
            origin = N - 1
            while origin > introduced and history[origin - 1] is not None and text in history[origin - 1]:
                origin -= 1
            assert clause.origin == origin, (para.id, clause.text)
        assert "".join(c.text for c in para.clauses) == docs[-1].paragraph(para.id).text


def test_routine_lineages(docs):
    result = build_series(docs)
    by_last = {lin.ids[-1]: lin for lin in result.lineages}
    assert by_last["PP1"].routine[3:] == (True,) * 4  # one more resolution recalled each year
    assert by_last["PP1"].states[2] == "changed" and not by_last["PP1"].routine[2]  # "关于《公约》执行情况的" added
    assert by_last["PP12"].routine[2:] == (True,) * 5  # counts of States
    assert by_last["OP11"].routine[2:] == (True,) * 5  # the next session's ordinal
    assert by_last["PP17"].states[3] == "changed" and not by_last["PP17"].routine[3]  # reworded
    assert by_last["OP8"].states[6] == "changed" and not by_last["OP8"].routine[6]


def test_series_json_contract(monkeypatch):
    monkeypatch.chdir(ROOT)
    r = invoke(["series", *[str(f.relative_to(ROOT)) for f in reversed(FILES)], "-f", "json"], 1)
    data = json.loads(r.stdout)
    assert [v["symbol"] for v in data["versions"]] == ["A/RES/63/71", "A/RES/70/54", "A/RES/71/45", "A/RES/72/54",
                                                       "A/RES/73/54", "A/RES/74/62", "A/RES/75/62"]
    assert data["versions"][0]["adopted"] == "2008-12-02" and data["versions"][0]["language"] == "zh"
    assert any("63/71 has another title" in n for n in data["notes"])
    assert {"ids": [None] * 6 + ["PP13"], "states": [None] * 6 + ["new"],
            "routine": [False] * 7, "moved": [False] * 7} in data["lineages"]
    assert [s["stats"]["deleted"] for s in data["steps"]][2:] == [0, 1, 0, 0]


def test_blame_json_contract(monkeypatch):
    monkeypatch.chdir(ROOT)
    r = invoke(["blame", "samples", "-f", "json"], 0)
    data = json.loads(r.stdout)
    assert data["symbol"] == "A/RES/75/62"
    pp13 = next(p for p in data["paragraphs"] if p["id"] == "PP13")
    assert pp13 == {"id": "PP13", "introduced": "A/RES/75/62", "changed": "A/RES/75/62", "routine": False,
                    "wording": "A/RES/75/62",
                    "clauses": [{"text": c, "from": "A/RES/75/62"} for c in clauses(pp13["clauses"][0]["text"]
                                                                                       + pp13["clauses"][1]["text"])]}
    op8 = next(p for p in data["paragraphs"] if p["id"] == "OP8")
    assert op8["introduced"] == "A/RES/70/54" and op8["changed"] == "A/RES/75/62"
    assert [c["from"] for c in op8["clauses"]] == ["A/RES/75/62", "A/RES/70/54"]


def test_terminal_timeline(monkeypatch):
    monkeypatch.chdir(ROOT)
    r = invoke(["series", "samples", "--color", "never", "--width", "100"], 1)
    lines = r.stdout.splitlines()
    row = next(line for line in lines if line.strip().startswith("OP6 (gone)"))
    assert row.split()[2:] == ["●", "new", "·", "same", "·", "same", "✕", "gone"]
    pp13 = next(line for line in lines if line.strip().startswith("PP13 "))
    assert pp13.split()[1:] == ["●", "new"]
    assert any(line.split()[:2] == ["PP17", "●"] and "✎ modified" in line for line in lines)


def test_steps_adds_each_diff(monkeypatch):
    monkeypatch.chdir(ROOT)
    r = invoke(["series", "samples", "--steps", "--color", "never", "--width", "100"], 1)
    assert r.stdout.count("── A/RES/") == 6 and "[-将于-]" in r.stdout


def test_a_version_with_another_title_heads_the_series_when_recalled(docs):
    head_text = builder._header(_specs()[0], 71)
    spec = _specs()[0]
    spec.header = [line.replace("A/RES/71/45", "A/RES/63/71").replace("71/45. 《集束弹药公约》的执行情况", "63/71. 《集束弹药公约》")
                   .replace("第七十一届会议", "第六十三届会议") for line in head_text]
    spec.paras[0].text = "回顾其以往的有关决议，"
    first = parse_text(render(spec))
    assert first.metadata.symbol == "A/RES/63/71" and first.metadata.title == "《集束弹药公约》"
    result = build_series([docs[2], first, docs[4]])
    assert result.versions[0].metadata.symbol == "A/RES/63/71"
    assert any("63/71 has another title" in n and "recalls it" in n for n in result.notes)


def test_another_subject_is_refused(docs):
    spec = _specs()[3]
    spec.header = [line.replace("《集束弹药公约》的执行情况", "《武器贸易条约》").replace("74/62", "74/40")
                   for line in builder._header(spec, 74)]
    other = parse_text(render(spec))
    with pytest.raises(UsageError, match="not one subject"):
        build_series([other, docs[4]])


def test_mixed_languages_are_refused(docs):
    english = load_document(str(ROOT / "tests" / "data" / "A-RES-75-62.en.unofficial.txt"))
    with pytest.raises(UsageError, match="different languages"):
        build_series([docs[3], english])


def test_cli_series_errors_are_one_line(tmp_path, monkeypatch):
    monkeypatch.chdir(ROOT)
    empty = tmp_path / "empty"
    empty.mkdir()
    r = invoke(["series", str(empty)], 2)
    assert "no resolution files" in r.stderr
    r = invoke(["series", str(FILES[0]), str(FILES[0])], 2)
    assert "given twice" in r.stderr
    r = invoke(["series", str(FILES[0])], 2)
    assert "at least two versions" in r.stderr


def test_every_order_of_three_files_gives_the_same_json(monkeypatch):
    monkeypatch.chdir(ROOT)
    outs = set()
    for perm in itertools.permutations([str(f.relative_to(ROOT)) for f in FILES[2:]]):
        outs.add(invoke(["series", *perm, "-f", "json"], 1).stdout.replace("\\\\", "/"))
    # the sources differ only by where they came from; the versions are ordered the same
    assert len({json.dumps(json.loads(o)["lineages"]) for o in outs}) == 1


def test_series_markdown_and_html(monkeypatch):
    from markdown_it import MarkdownIt

    monkeypatch.chdir(ROOT)
    md = invoke(["series", "samples", "-f", "markdown"], 1).stdout
    html = MarkdownIt("commonmark", {"html": True}).enable("table").render(md)
    assert html.count("<tr>") == 1 + len(build_series([load_document(str(f)) for f in FILES]).lineages) + 4
    assert "✕ gone" in html and "~ routine" in html
    page = invoke(["series", "samples", "-f", "html"], 1).stdout
    gone = sum(1 for lin in build_series([load_document(str(f)) for f in FILES]).lineages if "gone" in lin.states)
    assert page.startswith("<!DOCTYPE html>") and page.count("✕ gone") == 1 + gone  # the legend, one cell each and "<script" not in page


def test_narrow_terminal_keeps_symbols_only(monkeypatch):
    from rich.cells import cell_len

    monkeypatch.chdir(ROOT)
    out = invoke(["series", "samples", "--color", "never", "--width", "80"], 1).stdout
    assert max(cell_len(line) for line in out.splitlines()) <= 80
    row = next(line for line in out.splitlines() if line.strip().startswith("OP8 "))
    assert row.split()[1:] == ["●", "·", "·", "·", "✎", "✎"] and "…" not in out.split("legend")[1]


def test_series_json_steps_carry_their_changes(monkeypatch):
    monkeypatch.chdir(ROOT)
    data = json.loads(invoke(["series", "samples", "-f", "json", "--steps"], 1).stdout)
    last = data["steps"][-1]
    assert (last["old"], last["new"]) == ("A/RES/74/62", "A/RES/75/62")
    assert {"kind": "inserted", "old": [], "new": ["PP13"], "moved": False, "routine": False,
            "editorial": False} in last["changes"]
    plain = json.loads(invoke(["series", "samples", "-f", "json"], 1).stdout)
    assert "changes" not in plain["steps"][-1]
