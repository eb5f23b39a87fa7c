"""The shortcuts that keep comparing long texts cheap give what the plain computations give, on real texts and on
generated ones that reach every branch."""

from __future__ import annotations

import math
import random
from collections import Counter
from pathlib import Path

import pytest

from resdiff import align
from resdiff.normalize import fold

ROOT = Path(__file__).resolve().parent.parent
CORPUS = Path("/work/shared/corpus/real")


def _plain_features(key: str) -> Counter:
    """The features as the definition says: every run of _runs, an ideograph run cut into its bigrams."""
    out: Counter = Counter()
    for run in align._runs(key):
        if align._FIRST <= run[0] <= align._LAST and len(run) > 1:
            out.update(run[k:k + 2] for k in range(len(run) - 1))
        else:
            out[run] += 1
    return out


def _real_keys() -> list[str]:
    import resdiff

    files = [ROOT / "samples/A-RES-75-62.zh.txt", ROOT / "tests/data/A-RES-75-62.en.unofficial.txt"]
    files += sorted(CORPUS.glob("*.txt"))[:6] if CORPUS.is_dir() else []
    keys = []
    for f in files:
        doc = resdiff.parse_text(f.read_text(encoding="utf-8"))
        keys += [fold(p.text) for p in doc.paragraphs] + [fold(n.text) for n in doc.footnotes]
    return keys


# Hangul (inside the ideographs' span of code points, no ideograph), each range's edges, the compatibility
# ideographs that are no word character, an astral ideograph, Latin, digits, punctuation and spaces
ALPHABET = list("中文集束弹药和地雷，、。 aBé1_-") + ["\u3400", "\u4dbf", "\u9fff", "\uac00", "\uac01", "\uf900",
                                                   "\ufa6d", "\U00020000", "\u4dc0"]
RARE = ["\ufa6e", "\ufa6f", "\ufada", "\ufaff"]  # a text with one of these takes the whole alternation


def _generated_keys(count: int, seed: int) -> list[str]:
    rnd = random.Random(seed)
    words = ["".join(rnd.choice(RARE if rnd.random() < 0.02 else ALPHABET) for _ in range(rnd.randint(1, 6)))
             for _ in range(40)]
    # texts made of a few recurring pieces, so that a word comes back in later texts (and from the cache)
    return [fold("".join(rnd.choice(words) for _ in range(rnd.randint(0, 12)))) for _ in range(count)]


@pytest.mark.parametrize("cache_size", [align.WORD_CACHE, 3])
def test_features_with_the_word_cache_are_the_plain_features_in_the_same_order(monkeypatch, cache_size):
    monkeypatch.setattr(align, "WORD_CACHE", cache_size)  # 3: emptied again and again along the way
    cache: dict = {}
    keys = _real_keys() + _generated_keys(4000, 7)
    for key in keys:
        plain = _plain_features(key)
        for got in (align.features(key, cache), align.features(key)):
            assert list(got.items()) == list(plain.items()), repr(key)  # the order sums the weights alike
        assert align.distinct_features(key, cache) == set(plain), repr(key)
        assert align.distinct_features(key) == set(plain), repr(key)


def test_the_word_cache_stays_within_its_bound(monkeypatch):
    monkeypatch.setattr(align, "WORD_CACHE", 5)
    cache: dict = {}
    held = []
    for key in _generated_keys(2000, 5):  # at most 12 words a text
        align.distinct_features(key, cache)
        held.append(len(cache))
    assert max(held) <= 5 + 12 and min(held[100:]) < 5 + 12


def test_the_scorer_weighs_every_feature_as_the_plain_document_frequencies_say():
    keys = _real_keys()[:400] + _generated_keys(600, 11)
    keys += keys[:50]  # identical twins count twice
    rnd = random.Random(2)
    keep = sorted(rnd.sample(range(len(keys)), len(keys) // 5))
    scorer = align.Scorer(keys, keep=keep)
    df: Counter = Counter()
    for key in keys:
        df.update(set(_plain_features(key)))
    assert scorer.idf == {g: math.log(1 + len(keys) / c) for g, c in df.items()}
    for i in range(0, len(keys), 7):
        assert list(scorer.feat(i).items()) == list(_plain_features(keys[i]).items())


def _plain_clauses(text: str) -> list[str]:
    """tokenize.clauses as a walk over every character."""
    from resdiff import tokenize

    out, depth, start, n, i = [], [], 0, len(text), 0
    while i < n:
        ch = text[i]
        if ch in tokenize._OPENERS and not (ch == "‘" and depth and depth[-1] == "’"):
            depth.append(tokenize._OPENERS[ch])
        elif depth and ch == depth[-1]:
            depth.pop()
        elif ch in tokenize._CLOSERS:
            pass
        elif not depth and (ch in tokenize._WIDE_STOPS
                            or (ch in tokenize._NARROW_STOPS and tokenize._narrow_stop(text, i))):
            j = i + 1
            while j < n and text[j].isspace():
                j += 1
            out.append(text[start:j])
            start = i = j
            continue
        i += 1
    if start < n:
        out.append(text[start:])
    return out


def test_clauses_are_cut_where_a_walk_over_every_character_cuts_them():
    import resdiff
    from resdiff import tokenize

    texts = []
    for f in [ROOT / "samples/A-RES-75-62.zh.txt", ROOT / "tests/data/A-RES-75-62.en.unofficial.txt",
              *(sorted(CORPUS.glob("*.txt"))[:6] if CORPUS.is_dir() else [])]:
        texts += [p.text for p in resdiff.parse_text(f.read_text(encoding="utf-8")).paragraphs]
    marks = sorted({*tokenize._OPENERS, *tokenize._CLOSERS, *tokenize._WIDE_STOPS, *tokenize._NARROW_STOPS})
    pool = marks + list("ab A.J 1,5 e.g. 中文 \u3000\n\t") + ["e.g.", "Mr.", " ", "  "]
    rnd = random.Random(4)
    texts += ["".join(rnd.choice(pool) for _ in range(rnd.randint(0, 30))) for _ in range(20_000)]
    assert len(texts) > 20_100
    for text in texts:
        assert tokenize.clauses(text) == _plain_clauses(text), repr(text)


def test_the_pairs_kept_in_order_of_a_long_text_with_a_few_moves_as_tuples_find_them():
    """Most pairs of a long text come after every pair before them (the query's shortcut): a few moved, and
    equal weights (ties, where the shortcut must not be taken) or distinct ones."""
    import zlib

    from test_long_inputs import _in_order_by_tuples

    rnd = random.Random(6)
    for case in range(300):
        n = rnd.randint(1, 120)
        news = list(range(n + rnd.randint(0, 5)))
        for _ in range(rnd.randint(0, 4)):  # a paragraph moved a few places on
            k = rnd.randrange(len(news))
            news.insert(min(len(news), k + rnd.randint(1, 9)), news.pop(k))
        olds = sorted(rnd.sample(range(n + 3), n))
        pair = dict(zip(olds, news[:n], strict=True))
        lengths = [rnd.choice([5, 80, 80, 2_000_000]) for _ in range(n + 10)]

        def weight(i, j, lengths=lengths, case=case):
            return (lengths[i] + lengths[j], zlib.crc32(f"{i}/{j}".encode())) if case % 3 else (1, 1)

        assert align._in_order(pair, weight) == _in_order_by_tuples(pair, weight)
        assert align._in_order(pair) == _in_order_by_tuples(pair, lambda i, j: (0, 0))


def _compared_pairs() -> list[tuple[str, str]]:
    """Pairs of texts to compare: a series of versions, one PDF's text by two extractors, synthetic pairs (a few
    paragraphs edited, moved, added and deleted; every one rewritten) and odd made-up ones."""
    import sys

    sys.path.insert(0, str(ROOT / "bench"))
    from synth import synthetic_pair

    series = sorted((ROOT / "samples/illustrative").glob("*.zh.txt")) + [ROOT / "samples/A-RES-75-62.zh.txt"]
    pairs = [(a.read_text(encoding="utf-8"), b.read_text(encoding="utf-8"))
             for a, b in zip(series, series[1:], strict=False)]
    extracted = CORPUS / "extracted"
    for stem in ("A-RES-48-246.en", "A-RES-73-6.en", "A-RES-48-246.es"):
        texts = [extracted / f"{stem}.{tool}.txt" for tool in ("pdfplumber", "pypdf", "pdftotext")]
        if all(t.is_file() for t in texts):
            pairs += [(texts[0].read_text(encoding="utf-8"), texts[k].read_text(encoding="utf-8")) for k in (1, 2)]
    pairs += [synthetic_pair(1000), synthetic_pair(120, rewritten=True)]
    # spacing beside ideographs, full-width forms, soft hyphens and dashes: the comparison form is shorter
    from layout import Para, Spec, render, seed_spec

    base = seed_spec()
    odd = [Para("PP", "回顾 其 以往 各项决议 ，"), Para("OP", "各国 应当 ＡＢＣ 采取措施\u00ad，包括 non\u2013intervention 。"),
           Para("OP", "欢迎 A／RES／75／62 号决议 。"),
           Para("OP", "Decides to remain seized of the matter ."),
           Para("OP", "各国应当采取一切必要措施，保护平民，并确保人道主义援助畅通无阻，同时尊重国际人道主义法。")]
    edited = [odd[0], Para("OP", "各国应当ＡＢＣ采取 措施，包括non-intervention。"), odd[3],
              Para("OP", "欢迎A/RES/75/62号决议，并 注意到 报告。"), Para("OP", "各国应当采取一切必要措施，保护平民，"),
              Para("OP", "并确保人道主义援助畅通无阻，同时尊重国际人道主义法。")]  # the last split in two
    pairs.append((render(Spec(base.header, odd, base.closing)), render(Spec(base.header, edited, base.closing))))
    return pairs


def test_a_paragraph_pairs_similarity_from_its_comparison_forms_is_the_one_its_ops_give(monkeypatch):
    import resdiff
    from resdiff import comparison, diff

    given = []

    def held(ops, *keys):
        got = diff.similarity(ops, *keys)
        assert got == diff.similarity(ops), keys  # the plain path folds the texts the ops rebuild
        given.append(bool(keys))
        return got

    monkeypatch.setattr(comparison, "similarity", held)
    for a, b in _compared_pairs():
        resdiff.compare(resdiff.parse_text(a), resdiff.parse_text(b))
    assert sum(given) > 60 and not all(given)  # paragraph pairs; a split paragraph has none


def test_each_pair_of_paragraphs_is_weighed_once_an_alignment(monkeypatch):
    """The pairs kept in order are chosen twice an alignment (among the identical twins, then among all pairs):
    the same weights both times, a pair's found once."""
    import sys

    sys.path.insert(0, str(ROOT / "bench"))
    from synth import synthetic_pair

    import resdiff

    a, b = (resdiff.parse_text(t) for t in synthetic_pair(400))  # every paragraph numbered: no two texts alike
    weighed: Counter = Counter()
    plain = align._weight

    def counted(x, y):
        weighed[x, y] += 1
        return plain(x, y)

    monkeypatch.setattr(align, "_weight", counted)
    groups = align.align([fold(p.text) for p in a.paragraphs], [fold(p.text) for p in b.paragraphs])
    assert len(weighed) > 390 and max(weighed.values()) == 1
    assert sum(g.moved for g in groups) >= 2
