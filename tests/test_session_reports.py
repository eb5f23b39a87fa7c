"""A session's workers send back only what its report reads of each pair's documents: every report is the
one the whole documents give, a paragraph named only by the session-wide consistency check included."""

from __future__ import annotations

import pytest
import session_readers
from layout import EN_FIXTURE, SEED
from runcli import invoke

from resdiff.render.formats import render
from resdiff.session import check_session


@pytest.fixture(scope="module")
def folders(tmp_path_factory):
    """The session of test_session (a wrong number in 75/63, a document missing, one unreadable), and
    75/67, whose Chinese translates OP9 otherwise than 75/62 does (a finding of the whole session)."""
    en, zh = session_readers.session_folders(tmp_path_factory.mktemp("reports"))
    (en / "A-RES-75-67.en.txt").write_text(EN_FIXTURE.read_text("utf-8").replace("75/62", "75/67"), encoding="utf-8")
    z = SEED.read_text("utf-8").replace("75/62", "75/67")
    assert "继续召开" in z
    (zh / "A-RES-75-67.zh.txt").write_text(z.replace("继续召开", "继续召集"), encoding="utf-8")
    return en, zh


@pytest.mark.parametrize("fmt", ["json", "junit", "github", "sarif", "html"])
def test_every_report_of_a_session_is_the_one_whole_documents_give(folders, fmt):
    en, zh = folders
    whole = check_session(str(en), str(zh), jobs=2)
    cut = check_session(str(en), str(zh), jobs=2, whole=False)
    assert sum(len(r.source.paragraphs) for r in cut.results) < sum(len(r.source.paragraphs) for r in whole.results)
    assert render("check", fmt, cut, fail_on="error") == render("check", fmt, whole, fail_on="error")


@pytest.mark.parametrize("executor", ["processes", "dask"])
def test_the_workers_draw_their_pairs_json_entries_and_the_main_process_only_those_the_session_changed(
        folders, monkeypatch, executor):
    """With -f json, each pair's entry of the report is drawn by the worker that checked it (the process
    writing the report draws only those the session-wide check changed: 75/67, which translates OP9
    otherwise than 75/62), and the report is the one drawn whole in this process, byte for byte; another
    fail_on than the entries were drawn with draws them all again."""
    if executor == "dask":
        pytest.importorskip("distributed")
    from resdiff.render import json_

    en, zh = folders
    session = check_session(str(en), str(zh), jobs=2, whole=False, executor=executor,
                            draw=json_.SessionEntries("warning"))
    drawn_here = []
    check_dict = json_.check_dict
    monkeypatch.setattr(json_, "check_dict", lambda r, fail_on: drawn_here.append(r.source.metadata.symbol)
                        or check_dict(r, fail_on))
    report = render("check", "json", session, fail_on="warning")
    assert drawn_here == ["A/RES/75/67"]
    # each entry is written from the text that came from its worker, not a copy (a large session's report
    # holds its entries once, as the report drawn here held its parts)
    assert json_.session_dict(session, "warning")["documents"][0] is session.drawn[1][0][1]
    plain = check_session(str(en), str(zh), jobs=2, whole=False)
    assert plain.drawn == () and report == render("check", "json", plain, fail_on="warning")
    assert session == plain and repr(session) == repr(plain)  # what was drawn is no part of the result
    # results changed or replaced since they were drawn: each entry is the one of the result it stands for
    for cut in (session.replace(results=session.results[2:]), plain.replace(results=plain.results[2:])):
        assert render("check", "json", cut, fail_on="warning") == render(
            "check", "json", plain.replace(results=plain.results[2:]), fail_on="warning")
    session.results.reverse()
    plain.results.reverse()
    assert render("check", "json", session, fail_on="warning") == render("check", "json", plain, fail_on="warning")
    drawn_here.clear()
    assert render("check", "json", session, fail_on="error") == render("check", "json", plain, fail_on="error")
    assert len(drawn_here) == 2 * len(session.results)


def test_check_of_two_folders_as_json_leaves_the_entries_to_its_workers(folders, monkeypatch):
    """`resdiff check DIR DIR -f json`: the process writing the report draws only the entry the session-wide
    check changed (75/67's), the workers every other; other formats are drawn whole in this process."""
    from resdiff.render import json_

    en, zh = folders
    drawn_here = []
    check_dict = json_.check_dict
    monkeypatch.setattr(json_, "check_dict", lambda r, fail_on: drawn_here.append(r.source.metadata.symbol)
                        or check_dict(r, fail_on))
    report = invoke(["check", en, zh, "-f", "json", "--jobs", "2"], 1).stdout
    assert drawn_here == ["A/RES/75/67"] and report.count('"symbol": "A/RES/75/') >= 5


def test_the_html_report_shows_a_paragraph_only_the_session_wide_check_names(folders):
    en, zh = folders
    page = invoke(["check", en, zh, "-f", "html"], 1).stdout
    assert "the same source sentence is translated otherwise in A/RES/75/62 OP9" in page
    # 75/67 is the fifth pair: its OP9 in both languages, in full, among the paragraphs its findings name
    assert '<div id="d5-s-OP9">' in page and '<div id="d5-t-OP9">' in page


def test_on_dask_too_the_html_report_is_the_process_pools(folders, tmp_path):
    pytest.importorskip("distributed")
    en, zh = folders
    pool, dask = tmp_path / "pool.html", tmp_path / "dask.html"
    invoke(["check", en, zh, "-f", "html", "--jobs", "2", "-o", pool], 1)
    invoke(["check", en, zh, "-f", "html", "--executor", "dask", "--jobs", "2", "-o", dask], 1)
    assert '<div id="d5-t-OP9">' in dask.read_text("utf-8")
    assert dask.read_bytes() == pool.read_bytes()


def test_a_document_kept_in_the_scratch_folder_comes_back_as_it_was_read(tmp_path):
    from resdiff.session import _store_document, _stored, read_document

    doc = read_document(str(EN_FIXTURE), None)
    assert doc.footnotes and any(p.footnotes for p in doc.paragraphs)
    first, second = _store_document(doc, str(tmp_path)), _store_document(doc, str(tmp_path))
    assert _stored(first) == doc and _stored(second) == doc
    assert first[0] == second[0] and len(list(tmp_path.iterdir())) == 1  # one file a worker, not one a document


def test_a_worker_unpickles_the_sessions_configuration_once_for_all_its_pairs(tmp_path, monkeypatch):
    import pickle

    from resdiff import session
    from resdiff.config import Config

    doc = session.read_document(str(EN_FIXTURE), None)
    target = session.read_document(str(SEED), None)
    kept = session._store_document(doc, str(tmp_path)), session._store_document(target, str(tmp_path))
    config = Config(glossary=({"en": ("Member States",), "zh": ("会员国",)},))
    (tmp_path / "config.pickle").write_bytes(pickle.dumps(config))
    seen = []
    monkeypatch.setattr(session, "check_pair_of", lambda a, b, cfg, given: seen.append(cfg) or session.Refused("r", "p", "m"))
    monkeypatch.setattr(session, "_config", {})
    job = (*kept, str(tmp_path / "config.pickle"), (None, None), False, None)
    session._check_task(job)
    session._check_task(job)
    assert seen[0] == config and seen[1] is seen[0]  # one object: a glossary's index is built once, too


def test_a_kept_document_is_made_again_without_a_call_a_paragraph(tmp_path, monkeypatch):
    """Unpickling a record calls its __init__; a kept document's paragraphs are set column by column."""
    from resdiff.model import Paragraph
    from resdiff.session import _store_document, _stored, read_document

    doc = read_document(str(EN_FIXTURE), None)
    where = _store_document(doc, str(tmp_path))
    made = []
    monkeypatch.setattr(Paragraph, "__post_init__", lambda self: made.append(self))
    again = _stored(where)
    assert again == doc and type(again.paragraphs[0]) is Paragraph
    assert made == []


def test_the_documents_of_a_scratch_file_are_read_with_the_file_opened_once(tmp_path, monkeypatch):
    import builtins
    import os

    from resdiff import session

    doc = session.read_document(str(EN_FIXTURE), None)
    kept = [session._store_document(doc, str(tmp_path)) for _ in range(3)]
    opened = []
    real_open, real_os_open = builtins.open, os.open
    monkeypatch.setattr(builtins, "open", lambda *a, **k: opened.append(a[0]) or real_open(*a, **k))
    monkeypatch.setattr(os, "open", lambda *a, **k: opened.append(a[0]) or real_os_open(*a, **k))
    try:
        assert all(session._stored(w) == doc for w in kept + kept)
    finally:
        session._forget_stored()
    assert opened == [kept[0][0]]
