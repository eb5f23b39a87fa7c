"""Every JSON report is written as `json.dumps(..., ensure_ascii=False, indent=2)` writes it, whatever the
value holds: rows of findings, text that looks like JSON's own punctuation, nesting of any depth."""

from __future__ import annotations

import enum
import json
from collections import Counter, OrderedDict

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from resdiff.render import json_

scalars = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=True),
                    st.text(), st.sampled_from(["},\n    {", '"}', "[", "{}", "\n", "\u2028", "é"]))
rows = st.lists(st.dictionaries(st.text(max_size=5), scalars, min_size=1, max_size=5), min_size=1)
values = st.recursive(scalars | rows, lambda inner: st.lists(inner, max_size=4)
                      | st.dictionaries(st.text(max_size=5), inner, max_size=4), max_leaves=30)


def standard(value) -> str:
    return json.dumps(value, ensure_ascii=False, indent=2) + "\n"


@settings(max_examples=300)
@given(values)
def test_any_value_is_written_as_the_standard_encoder_writes_it(value):
    assert json_._dump(value) == standard(value)


class Kind(enum.StrEnum):
    RULE = "rule"


@pytest.mark.parametrize("value", [
    {"findings": [{"a": 1}, {"b": [1]}], "rows": [{"x": "},\n      {"}, {"y": None}]},
    {"keys": {3: "one", 2.5: [1], True: {"x": []}, None: 0}},  # keys the standard encoder turns into strings
    {"tuple": (1, (2, 3), {"a": ()}), "enum": Kind.RULE, "nested": [Kind.RULE, {"k": Kind.RULE}]},
    {"ordered": OrderedDict(b=1, a=[2]), "counter": Counter(x=2), "empty": [{}, [], {"a": {}}]},
    [[{"a": 1}], [], [[]], "x"],
])
def test_unusual_values_are_written_as_the_standard_encoder_writes_them(value):
    assert json_._dump(value) == standard(value)


def test_a_session_report_is_what_the_standard_encoder_writes(tmp_path):
    """The rows of a session's report (its documents' pairs and findings) take the encoder's fast way."""
    from resdiff.render.formats import render
    from resdiff.session import check_session

    root = __import__("pathlib").Path(__file__).parent
    src, tgt = tmp_path / "src", tmp_path / "tgt"
    src.mkdir()
    tgt.mkdir()
    (src / "a.en.txt").write_text((root / "data" / "A-RES-75-62.en.unofficial.txt").read_text("utf-8"), "utf-8")
    (tgt / "a.zh.txt").write_text((root.parent / "samples" / "A-RES-75-62.zh.txt").read_text("utf-8")
                                  .replace("11 月 23 日至 27 日", "11 月 24 日至 27 日"), "utf-8")
    session = check_session(str(src), str(tgt), jobs=1)
    text = render("check", "json", session, fail_on="error")
    assert text == standard(json.loads(text))
    assert json.loads(text)["documents"][0]["pairs"] and json.loads(text)["documents"][0]["findings"]
