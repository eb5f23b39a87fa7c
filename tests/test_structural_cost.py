"""The structural alignment of two language versions (check) weighs each candidate pair by its lengths,
punctuation, footnotes and facts. Its facts term is the share of the facts of both that only one holds;
worked out from each paragraph's facts counted once, it must give the very same float as the multiset
intersection and union of the two texts' Counters, or two pairs that tie could be paired otherwise."""

from __future__ import annotations

import math
from pathlib import Path

import pytest

from resdiff.align import _cost, _Profile, pair_paragraphs
from resdiff.facts import Facts, extract
from resdiff.parse import parse_text

ROOT = Path(__file__).resolve().parent.parent
REAL = ROOT.parent / "shared" / "corpus" / "real"


def _reference(a, la: str, b, lb: str, ratio: float) -> float:
    """The cost as the plain definition reads: Counters intersected and joined."""
    fa, fb = extract(a.text, la), extract(b.text, lb)
    cost = abs(math.log((len(b.text) + 1) / ((len(a.text) + 1) * ratio)))
    pa, pb = _Profile.of(a, la), _Profile.of(b, lb)
    cost += 0.5 * abs(math.log((pb.punct + 1) / (pa.punct + 1)))
    if not (fa.empty() and fb.empty()):
        same = sum((getattr(fa, k) & getattr(fb, k)).total() for k in Facts.KINDS)
        allf = sum((getattr(fa, k) | getattr(fb, k)).total() for k in Facts.KINDS)
        cost += 2.0 * (allf - 2 * same) / allf
    if (a.footnotes or b.footnotes) and len(a.footnotes) == len(b.footnotes):
        cost -= 1.0
    return cost


def _pairs():
    en = ROOT / "tests" / "data" / "A-RES-75-62.en.unofficial.txt"
    out = [(en, ROOT / "samples" / "A-RES-75-62.zh.txt")]
    out += [(en, p) for p in sorted((ROOT / "samples" / "illustrative").glob("*.zh.txt"))]
    if (REAL / "A-RES-48-246.en.pdfminer.txt").is_file():
        out.append((REAL / "A-RES-48-246.en.pdfminer.txt", REAL / "A-RES-48-246.es.pdfminer.txt"))
    return out


@pytest.mark.parametrize("src, tgt", _pairs(), ids=lambda p: p.name)
def test_every_paragraph_pairs_cost_equals_the_counters_definition(src, tgt):
    a = parse_text(src.read_text("utf-8"))
    b = parse_text(tgt.read_text("utf-8"))
    ratio = sum(len(p.text) for p in b.paragraphs) / sum(len(p.text) for p in a.paragraphs)
    costs = 0
    for x in a.paragraphs:
        px = _Profile.of(x, a.language)
        for y in b.paragraphs:
            got = _cost(px, _Profile.of(y, b.language), ratio)
            assert got == _reference(x, a.language, y, b.language, ratio), (x.id, y.id)
            costs += 1
    assert costs == len(a.paragraphs) * len(b.paragraphs) > 100


def test_made_up_facts_weigh_as_their_counters():
    from collections import Counter

    p = _Profile(10, 1, {("numbers", "3"): 2, ("dates", "2020-01-01"): 1}, 3, 0)
    q = _Profile(10, 1, {("numbers", "3"): 1, ("symbols", "A/75/1"): 4}, 5, 0)
    a, b = Counter({"3": 2}), Counter({"3": 1})  # numbers; the rest held by one side only
    same = (a & b).total()
    allf = (a | b).total() + 1 + 4
    assert _cost(p, q, 1.0) == _cost(q, p, 1.0) == 2.0 * (allf - 2 * same) / allf
    empty = _Profile(10, 1, {}, 0, 0)
    assert _cost(empty, empty, 1.0) == 0.0


def test_a_draft_with_a_preambular_paragraph_missing_still_pairs_the_others_with_theirs():
    """Preambular paragraphs have no numbers: the weighed alignment pairs them (the costs above)."""
    en = parse_text((ROOT / "tests" / "data" / "A-RES-75-62.en.unofficial.txt").read_text("utf-8"))
    zh = parse_text((ROOT / "samples" / "A-RES-75-62.zh.txt").read_text("utf-8"))
    pps = [p for p in zh.paragraphs if p.kind == "preambular"]
    assert len(pps) > 5
    for drop in (pps[1], pps[len(pps) // 2], pps[-2]):
        shorter = zh.replace(paragraphs=tuple(p for p in zh.paragraphs if p is not drop))
        pairs = pair_paragraphs(en, shorter)
        assert [a.id for a, b, _ in pairs if b is None] == [drop.id]
        assert all(a.id == b.id for a, b, _ in pairs if a and b)
