"""Alignment and diff on variants of 75/62, one kind of edit each and all at once, both directions.

The expected pairs come from how each variant was built (every paragraph carries the tag of the
original paragraph it descends from), never from the aligner."""

from __future__ import annotations

import pytest
from layout import Para, Spec, render, seed_spec

from resdiff import compare, parse_text
from resdiff.model import DELETE, INSERT

BASE = seed_spec()
BASE_TEXT = render(BASE)


def _p(spec: Spec, pid: str) -> Para:
    return spec.paras[spec.ids().index(pid)]


def _expected(old: Spec, new: Spec, modified: set[str], moved: set[str]) -> set[tuple]:
    """(kind, old ids, new ids, moved) from the tags; `modified`/`moved` name new ids."""
    old_ids, new_ids = old.ids(), new.ids()
    by_tag: dict[int, list[str]] = {}
    for pid, p in zip(new_ids, new.paras, strict=True):
        if p.tag is not None:
            by_tag.setdefault(p.tag, []).append(pid)
    out = set()
    for pid, p in zip(old_ids, old.paras, strict=True):
        got = tuple(by_tag.get(p.tag, ()))
        if not got:
            out.add(("deleted", (pid,), (), False))
        else:
            kind = "modified" if (set(got) & modified or len(got) > 1) else "unchanged"
            out.add((kind, (pid,), got, bool(set(got) & moved)))
    for pid, p in zip(new_ids, new.paras, strict=True):
        if p.tag is None:
            out.add(("inserted", (), (pid,), False))
    return out


def _got(old_text: str, new_text: str, *, footnotes: bool = False) -> set[tuple]:
    result = compare(parse_text(old_text), parse_text(new_text))
    return {(c.kind, c.old, c.new, c.moved) for c in result.changes if c.is_footnote == footnotes}


def _mirror(entries: set[tuple]) -> set[tuple]:
    flip = {"inserted": "deleted", "deleted": "inserted"}
    return {(flip.get(k, k), n, o, m) for k, o, n, m in entries}


# --- the variants --------------------------------------------------------------------

def updated_numbers(s: Spec):
    p = _p(s, "PP12")
    p.text = p.text.replace("123", "124").replace("110", "112").replace("13 个", "12 个")
    return {"PP12"}, set()


def recalled_resolution_added(s: Spec):
    p = _p(s, "PP1")
    p.text = p.text.replace("第 74/62 号决议", "第 74/62 号和 2020 年 12 月 7 日第 75/62 号决议")
    return {"PP1"}, set()


def preambular_inserted(s: Spec):
    k = s.index("PP", 12)
    s.paras.insert(k + 1, Para("PP", "欢迎自上次决议以来又有两个国家批准《公约》，"))
    return set(), set()


def operative_deleted(s: Spec):
    del s.paras[s.index("OP", 7)]
    return set(), set()


def paragraph_moved(s: Spec):
    para = s.paras.pop(s.index("OP", 4))
    s.paras.insert(s.index("OP", 7) + 1, para)
    return set(), {"OP8"}


def paragraph_reworded(s: Spec):
    p = _p(s, "PP18")
    p.text = p.text.replace("同时铭记在实现这一目标方面仍然存在重大挑战", "同时认识到在实现普遍加入这一目标方面仍然存在若干严重挑战")
    return {"PP18"}, set()


def operative_split(s: Spec):
    k = s.index("OP", 8)
    p = s.paras[k]
    first, second = p.text.split("，并参加")
    p.text = first + "；"
    s.paras.insert(k + 1, Para("OP", "鼓励所有缔约国参加" + second, tag=p.tag))
    return {"OP8", "OP9"}, set()


def footnote_edited(s: Spec):
    p = _p(s, "PP15")
    p.notes[0] = p.notes[0].replace("附件一", "附件二")
    return set(), set()


EDITS = [updated_numbers, recalled_resolution_added, preambular_inserted, operative_deleted,
         paragraph_moved, paragraph_reworded, operative_split, footnote_edited]


@pytest.mark.parametrize("edit", EDITS, ids=lambda e: e.__name__)
def test_one_edit_each_both_directions(edit):
    new = BASE.copy()
    modified, moved = edit(new)
    new_text = render(new, width=60)  # re-wrapped too: wrapping is never a change
    expected = _expected(BASE, new, modified, moved)
    got = _got(BASE_TEXT, new_text)
    assert got == expected
    back = _got(new_text, BASE_TEXT)
    assert back == _mirror(expected)
    changed = {e for e in got if e[0] != "unchanged" or e[3]}
    assert len(changed) == (0 if edit is footnote_edited else 1)


def test_footnote_edit_is_reported_as_footnote():
    new = BASE.copy()
    footnote_edited(new)
    assert _got(BASE_TEXT, render(new), footnotes=True) == {("modified", ("FN3",), ("FN3",), False)}


def test_footnote_renumbering_is_not_a_change():
    new = BASE.copy()
    k = new.index("PP", 5)
    new.paras[k].text = new.paras[k].text[:-1] + "\x00，"
    new.paras[k].notes = ["A/75/1，第 10 段。"]
    changes = compare(parse_text(BASE_TEXT), parse_text(render(new))).changes
    fn = {(c.kind, c.old, c.new) for c in changes if c.is_footnote}
    assert fn == {("inserted", (), ("FN1",))}  # old 1-5 are new 2-6 with the same text: not listed


def _by_tag(s: Spec, tag: int) -> int:
    return next(k for k, p in enumerate(s.paras) if p.tag == tag)


def test_all_edits_at_once():
    new = BASE.copy()
    modified_tags = set()
    for edit in (updated_numbers, recalled_resolution_added, paragraph_reworded, footnote_edited):
        modified_tags |= {_p(new, pid).tag for pid in edit(new)[0]}
    op = {n: BASE.paras[BASE.index("OP", n)].tag for n in range(1, 12)}
    # split OP8, move OP4 after OP9, delete OP7, insert a preambular paragraph after PP12
    k = _by_tag(new, op[8])
    first, second = new.paras[k].text.split("，并参加")
    new.paras[k].text = first + "；"
    new.paras.insert(k + 1, Para("OP", "鼓励所有缔约国参加" + second, tag=op[8]))
    modified_tags.add(op[8])
    moved = new.paras.pop(_by_tag(new, op[4]))
    new.paras.insert(_by_tag(new, op[9]) + 1, moved)
    del new.paras[_by_tag(new, op[7])]
    preambular_inserted(new)

    ids = new.ids()
    modified_ids = {pid for pid, p in zip(ids, new.paras, strict=True) if p.tag in modified_tags}
    moved_ids = {pid for pid, p in zip(ids, new.paras, strict=True) if p.tag == op[4]}
    new_text = render(new, width=44, spaced=False)
    expected = _expected(BASE, new, modified_ids, moved_ids)
    assert ("modified", ("OP8",), ("OP6", "OP7"), False) in expected  # the construction is what we think
    assert ("unchanged", ("OP4",), ("OP9",), True) in expected
    assert _got(BASE_TEXT, new_text) == expected
    assert _got(new_text, BASE_TEXT) == _mirror(expected)
    assert _got(BASE_TEXT, new_text, footnotes=True) == {("modified", ("FN3",), ("FN3",), False)}


def test_text_against_itself_and_a_rewrapped_respaced_copy():
    seed = parse_text(BASE_TEXT)
    for text in (BASE_TEXT, render(BASE, width=23, spaced=False), render(BASE, width=90, notes_after=(25, 2))):
        result = compare(seed, parse_text(text))
        assert not result.has_changes
        assert result.stats()["unchanged"] == 30


def test_number_update_ops():
    new = BASE.copy()
    updated_numbers(new)
    result = compare(parse_text(BASE_TEXT), parse_text(render(new)))
    (c,) = [c for c in result.changes if c.kind == "modified"]
    changed = [(op, t) for op, t in c.ops if op in (DELETE, INSERT)]
    assert changed == [(DELETE, "123"), (INSERT, "124"), (DELETE, "110"), (INSERT, "112"),
                       (DELETE, "13"), (INSERT, "12")]


def test_change_inside_a_word_shows_as_that_change():
    from resdiff.diff import diff_texts

    ops = diff_texts("欢迎德国在担任缔约国第十次会议主席期间，", "欢迎德国在担任缔约国第十一次会议主席期间，")
    assert [(op, t) for op, t in ops if op != "equal"] == [(INSERT, "一")]


def test_boilerplate_alone_never_pairs():
    """A paragraph replaced by an unrelated one that shares only the usual words is deleted + inserted."""
    new = BASE.copy()
    k = new.index("PP", 5)
    new.paras[k] = Para("PP", "关切集束弹药公约缔约国会议的财务状况，", tag=None)
    got = _got(BASE_TEXT, render(new))
    assert ("deleted", ("PP5",), (), False) in got and ("inserted", (), ("PP5",), False) in got


@pytest.mark.parametrize("edit, routine", [(updated_numbers, True), (recalled_resolution_added, True),
                                           (paragraph_reworded, False), (operative_split, False)])
def test_routine_updates_are_labelled(edit, routine):
    new = BASE.copy()
    edit(new)
    result = compare(parse_text(BASE_TEXT), parse_text(render(new)))
    (c,) = [c for c in result.changes if c.kind == "modified"]
    assert c.routine is routine
    assert result.has_substantive_changes is not routine


def test_session_ordinal_and_dates_are_routine():
    new = BASE.copy()
    p = new.paras[new.index("OP", 11)]
    p.text = p.text.replace("第七十六届", "第七十七届")
    q = new.paras[new.index("OP", 8)]
    q.text = q.text.replace("2020 年 11 月 23 日至 27 日", "2021 年 9 月 20 日至 21 日")
    result = compare(parse_text(BASE_TEXT), parse_text(render(new)))
    assert [c.routine for c in result.changes if c.kind == "modified"] == [True, True]


def test_changed_clauses_are_reported_as_regions():
    new = BASE.copy()
    p = _p(new, "PP7")
    p.text = p.text.replace("清除遗留在世界各地的残留集束弹药，", "")  # a clause dropped
    q = _p(new, "OP6")
    q.text = q.text[:-1] + "，并欢迎就此提出的新倡议；"  # a clause added at the end
    paragraph_reworded(new)
    result = compare(parse_text(BASE_TEXT), parse_text(render(new)))
    by_id = {c.old: c for c in result.changes if c.kind == "modified"}
    assert by_id[("PP7",)].clauses == (("deleted", ("清除遗留在世界各地的残留集束弹药，",), ()),)
    assert by_id[("OP6",)].clauses == (("modified", ("以处理有关集束弹药的具体安全问题；",),
                                         ("以处理有关集束弹药的具体安全问题，", "并欢迎就此提出的新倡议；")),)
    (kind, old, new_clauses), = by_id[("PP18",)].clauses
    assert kind == "modified" and old == ("同时铭记在实现这一目标方面仍然存在重大挑战，",)
    assert new_clauses == ("同时认识到在实现普遍加入这一目标方面仍然存在若干严重挑战，",)


def test_a_space_inside_a_word_is_spacing_not_a_change():
    """A text extractor may split a word ("econ omy") or glue two: spacing, which the contract says is
    no change; a changed letter still is."""
    from resdiff import compare, parse_text

    base = " 1/1. T\n\n The General Assembly,\n\n 1. Welcomes the space economy and its {};\n"
    a = parse_text(base.format("universality"))
    b = parse_text(base.format("universali ty").replace("economy", "econ omy"))
    c = parse_text(base.format("universalities"))
    assert not compare(a, b).has_changes
    assert [ch.kind for ch in compare(a, c).changes] == ["modified"]


def test_a_paragraph_kept_word_for_word_is_folded_once(monkeypatch):
    import resdiff.comparison as comparison

    spec = seed_spec()
    old = parse_text(render(spec))
    spec.paras[3].text += "1"
    new = parse_text(render(spec))
    folded = []
    real = comparison.fold
    monkeypatch.setattr(comparison, "fold", lambda t: folded.append(t) or real(t))
    result = compare(old, new)
    kept = [t for t in (p.text for p in new.paragraphs) if t in {p.text for p in old.paragraphs}]
    assert len(kept) == len(new.paragraphs) - 1
    assert sum(t in kept for t in folded) == len(kept)  # the old version's, not again for the new one's
    assert [c.kind for c in result.changes if c.is_change] == ["modified"]


def test_paragraphs_and_changes_carry_no_dictionary_and_still_pickle():
    import pickle
    old = parse_text(render(seed_spec()))
    result = compare(old, old)
    for item in (old.paragraphs[0], result.changes[0], *old.footnotes[:1]):
        assert not hasattr(item, "__dict__")  # a 100,000-paragraph document holds as many of each
        assert pickle.loads(pickle.dumps(item)) == item
    assert old.paragraphs[0].replace(text="x").text == "x"
    with pytest.raises(AttributeError):
        old.paragraphs[0].text = "x"
