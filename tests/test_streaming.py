"""Long outputs (a JSON diff or parse of 100,000 paragraphs) are written as they are made, never held
whole: the same bytes as the whole text, atomically into -o's file, in pieces onto standard output."""

from __future__ import annotations

import io
import json
import os
import tracemalloc
from dataclasses import replace

import pytest
from layout import SEED, render, seed_spec

from resdiff import compare, load_document, parse_text
from resdiff.console_env import ConsoleEnv
from resdiff.render import json_
from resdiff.render.formats import render as render_as


class _Stdout(io.StringIO):
    """A standard output with its byte buffer, as sys.stdout has: a file, or memory."""

    def __init__(self, buffer=None) -> None:
        super().__init__()
        self.buffer = io.BytesIO() if buffer is None else buffer


@pytest.fixture(scope="module")
def long_diff():
    spec = seed_spec()
    spec.paras = [replace(p, text=f"{k}{p.text}") for k in range(40) for p in spec.paras]  # 1,400 paragraphs
    old = parse_text(render(spec))
    for p in spec.paras:  # each one modified: the JSON has its text, its ops and its clauses
        p.text += "1"
    return compare(old, parse_text(render(spec)))


def test_json_in_pieces_is_the_whole_json_byte_for_byte(long_diff):
    doc = load_document(str(SEED))
    assert "".join(json_.stream_diff(long_diff)) == json_.render_diff(long_diff)
    assert "".join(json_.stream_document(doc)) == json_.render_document(doc)
    same = compare(doc, doc)
    assert "".join(json_.stream_diff(same)) == json_.render_diff(same)


@pytest.mark.parametrize("value", [[], [{}], [[], {"a": "b\nc\u2028"}], [{"x": [1, 2.5, None, True]}]])
def test_pieces_of_any_nesting_are_what_json_dumps_writes(value):
    obj = {"list": json_._Items(iter(value)), "empty": json_._Items(iter([])), "whole": value, "none": {},
           "text\n": "é"}
    expected = json.dumps({**obj, "list": value, "empty": []}, ensure_ascii=False, indent=2) + "\n"
    assert "".join(json_._pieces(obj)) == expected


def test_a_json_diff_to_a_file_and_to_stdout_is_written_without_the_whole_text(long_diff, tmp_path):
    whole = json_.render_diff(long_diff)
    out, piped = tmp_path / "diff.json", tmp_path / "stdout"
    env = ConsoleEnv(_Stdout(piped.open("wb")), io.StringIO())
    env.emit(render_as("diff", "json", long_diff), output=str(tmp_path / "first.json"))  # what it imports
    for output in (str(out), None):
        tracemalloc.start()
        try:
            env.emit(render_as("diff", "json", long_diff), output=output)
            peak = tracemalloc.get_traced_memory()[1]
        finally:
            tracemalloc.stop()
        assert peak < len(whole) / 2  # the whole text would take two bytes a character, its UTF-8 three
    assert out.read_text("utf-8") == whole
    env.stdout.buffer.close()
    assert piped.read_text("utf-8") == whole


def test_a_failure_while_writing_pieces_leaves_the_old_file_whole(tmp_path):
    out = tmp_path / "diff.json"
    out.write_text("the previous run's output", "utf-8")

    def pieces():
        yield "{" * 100_000
        raise RuntimeError("a renderer's bug")

    with pytest.raises(RuntimeError):
        ConsoleEnv(_Stdout(), io.StringIO()).emit(pieces(), output=str(out))
    assert out.read_text("utf-8") == "the previous run's output"
    assert os.listdir(tmp_path) == ["diff.json"]  # no temporary file left behind


def test_pieces_never_go_over_an_input(tmp_path):
    path = tmp_path / "old.txt"
    path.write_text("text", "utf-8")
    with pytest.raises(Exception, match="refusing to overwrite an input"):
        ConsoleEnv(_Stdout(), io.StringIO()).emit(iter(["{}\n"]), output=str(path), inputs=(str(path),))
    assert path.read_text("utf-8") == "text"


@pytest.mark.parametrize("moved", [False, True])
@pytest.mark.parametrize("ids", [(("PP1",), ("PP1",)), (("OP3", "OP4"), ("OP3#2", 'OP"\u4e00\\')), (("FN1",), ("FN2",))])
def test_an_unchanged_paragraph_written_straight_is_what_the_encoder_writes(ids, moved):
    from resdiff.model import UNCHANGED, Change

    change = Change(UNCHANGED, *ids, moved=moved, old_text="x", new_text="x")
    assert json_._change_json(change) == json_._ENCODER.encode(json_._change(change))
