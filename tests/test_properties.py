"""What must always hold, over random edits of 75/62: the ops rebuild both texts, every paragraph
is in exactly one change, A->B mirrors B->A, tokens rebuild their text."""

from __future__ import annotations

import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from layout import Para, examples, render, seed_spec

from resdiff import compare, parse_text
from resdiff.diff import diff_texts
from resdiff.render.json_ import render_diff
from resdiff.tokenize import clauses, tokens

BASE = seed_spec()
BASE_TEXT = render(BASE)
BASE_DOC = parse_text(BASE_TEXT)
WORDS = ["集束弹药", "缔约国", "2021", "审查会议", "第十一次", "，", "欢迎", "74/62", "A/76/1", "并", "《公约》"]


@st.composite
def variants(draw):
    s = BASE.copy()
    for _ in range(draw(st.integers(1, 6))):
        what = draw(st.sampled_from(["reword", "delete", "insert", "move"]))
        k = draw(st.integers(0, len(s.paras) - 1))
        p = s.paras[k]
        if what == "reword":
            plain = p.text.replace("\x00", "")
            a = draw(st.integers(0, len(plain)))
            b = draw(st.integers(a, min(len(plain), a + 12)))
            p.text = p.text[:a] + draw(st.sampled_from(WORDS)) + p.text[b:] if "\x00" not in p.text else \
                p.text + draw(st.sampled_from(WORDS))
            p.text = p.text if p.text.strip() else "新的"
        elif what == "delete" and len(s.paras) > 3 and not p.notes:
            del s.paras[k]
        elif what == "insert":
            text = "".join(draw(st.lists(st.sampled_from(WORDS), min_size=2, max_size=8))) + "，"
            s.paras.insert(k, Para(p.kind, text))
        elif what == "move" and not p.notes:
            q = s.paras.pop(k)
            s.paras.insert(draw(st.integers(0, len(s.paras))), q)
    # keep preambular before operative, as a resolution has them
    s.paras.sort(key=lambda p: p.kind == "OP")
    return render(s, width=draw(st.integers(20, 90)), spaced=draw(st.booleans()))


def _rebuild(ops, side):
    skip = "insert" if side == "old" else "delete"
    return "".join(t for op, t in ops if op != skip)


@settings(max_examples=examples(30), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(variants())
def test_diff_invariants(text):
    new = parse_text(text)
    result = compare(BASE_DOC, new)
    data = json.loads(render_diff(result))
    old_text = {p.id: p.text for p in BASE_DOC.paragraphs} | {f.id: f.text for f in BASE_DOC.footnotes}
    new_text = {p.id: p.text for p in new.paragraphs} | {f.id: f.text for f in new.footnotes}
    seen_old, seen_new = [], []
    for c in data["changes"]:
        seen_old += c["old"]
        seen_new += c["new"]
        if c["kind"] == "modified":
            assert _rebuild(c["ops"], "old") == "\n".join(old_text[i] for i in c["old"])
            assert _rebuild(c["ops"], "new") == "\n".join(new_text[i] for i in c["new"])
    paras_old = [x for x in seen_old if not x.startswith("FN")]
    paras_new = [x for x in seen_new if not x.startswith("FN")]
    assert sorted(paras_old) == sorted(p.id for p in BASE_DOC.paragraphs)
    assert sorted(paras_new) == sorted(p.id for p in new.paragraphs)
    # mirrored
    back = compare(new, BASE_DOC)
    flip = {"inserted": "deleted", "deleted": "inserted"}
    forward = {(flip.get(c.kind, c.kind), c.new, c.old, c.moved) for c in result.changes}
    assert forward == {(c.kind, c.old, c.new, c.moved) for c in back.changes}


@settings(max_examples=examples(200), deadline=None)
@given(st.text(alphabet=st.sampled_from(list("集束弹药公约缔约国第十一次 ，。；：《》“”12/3ab.,;\n A")), max_size=80),
       st.text(alphabet=st.sampled_from(list("集束弹药公约缔约国第十一次 ，。；：《》“”12/3ab.,;\n A")), max_size=80))
def test_ops_rebuild_any_pair(a, b):
    ops = diff_texts(a, b)
    assert _rebuild(ops, "old") == a and _rebuild(ops, "new") == b


@given(st.text(max_size=200))
def test_tokens_and_clauses_are_lossless(text):
    assert "".join(tokens(text)) == text
    assert "".join(clauses(text)) == text


def test_every_seed_paragraph_tokenizes_losslessly():
    for p in BASE_DOC.paragraphs:
        assert "".join(tokens(p.text)) == p.text
