"""Paragraph alignment, both kinds: two versions of one text -> groups that belong together (pairs, splits,
merges, moves), by similarity; two language versions of one resolution -> pairs, by structure, number and
a length and facts alignment, never by wording (pair_paragraphs, read by the translation checks)."""

from __future__ import annotations

import math
import re
import zlib
from bisect import bisect_left
from collections import Counter
from itertools import chain
from operator import add

from .lang import IDEOGRAPH_RUN_UTF8, IDEOGRAPH_SPAN_UTF8, IDEOGRAPHS, LIST_PUNCTUATION, lazy_pattern
from .model import ANNEX, OPERATIVE, PREAMBULAR, Document, Paragraph, _Record, _record, _set

# Thresholds on the IDF-weighted similarity below, chosen by measurement (python bench/thresholds.py,
# on the Chinese 75/62 text and the English fixture: 435 pairs of different paragraphs each, and
# about 110 edited selves: numbers updated, a clause rewritten, added or dropped):
# - different paragraphs: median 0.03 (zh) / 0.12 (en); above 0.35 only OP7 vs OP8 (0.50 / 0.60,
#   two long invitations with the same list of addressees) and one zh pair at 0.38;
# - edited selves: median 0.58 to 1.00; below 0.35 only where the rewritten clause was most of the
#   paragraph (2.8% zh, 3.5% en), which a reader would call a new paragraph anyway.
# A paragraph that keeps its place (between the same unchanged neighbours, same kind) pairs from
# STRUCTURAL; one that moved needs MOVED, where no two different paragraphs of zh 75/62 reach.
STRUCTURAL = 0.35
MOVED = 0.55
# A split (merge) half joins its neighbour's group when most of its weight is found in the
# other side's paragraph, and adding it makes the pair more alike.
CONTAINED = 0.65

# A text with no character in the ideographs' span of code points (found in its UTF-8) has no ideograph
# run: _GRAMS finds its words as _WORDS does.
_WORDS = re.compile(r"[^\W_]+")


class _IdeographRunsOrWords:
    """What ``re.compile(rf"[{IDEOGRAPHS}]+|[^\\W_]+").findall`` finds, its ideograph runs found in the text's
    UTF-8 (IDEOGRAPH_RUN_UTF8): that class of 28,000 characters costs milliseconds to compile."""

    @staticmethod
    def findall(text: str) -> list[str]:
        data = text.encode("utf-8", "surrogatepass")
        runs, chars, at = [], 0, 0  # the runs' bounds in characters (an ideograph is 3 bytes)
        for m in IDEOGRAPH_RUN_UTF8.finditer(data):
            chars += len(data[at:m.start()].decode("utf-8", "surrogatepass"))
            runs.append((chars, chars + (m.end() - m.start()) // 3))
            chars, at = runs[-1][1], m.end()
        out: list[str] = []
        pos = k = 0
        while True:  # as the alternation: at the first place either matches, the runs first
            while k < len(runs) and runs[k][1] <= pos:
                k += 1
            start, end = (max(runs[k][0], pos), runs[k][1]) if k < len(runs) else (len(text), len(text))
            word = _WORDS.search(text, pos, start)
            if word is not None:  # a word before the run: it goes on through the ideographs after it
                word = _WORDS.match(text, word.start())
                out.append(word.group())
                pos = word.end()
            elif k < len(runs):
                out.append(text[start:end])
                pos = end
            else:
                return out


_GRAMS = _IdeographRunsOrWords()
# A run from the first ideograph's code point to the last's is cut into bigrams (what _GRAMS finds there
# is ideographs; a word of another script inside that span of code points, Hangul, is cut so too)
_FIRST, _LAST = IDEOGRAPHS[0], IDEOGRAPHS[-1]
# IDEOGRAPHS is extension A, the unified block, the compatibility block (each written first-last): the last
# two's bounds
_UNIFIED_LAST, _COMPAT_FIRST = IDEOGRAPHS[5], IDEOGRAPHS[6]
# the high bytes of their UTF-16 units (each range starts and ends on a multiple of 256), and where the first
# high byte stands in str.encode("utf-16"): after the byte-order mark, in the machine's own order
_IDEOGRAPH_HIGH = bytes(range(ord(_FIRST) >> 8, (ord(_UNIFIED_LAST) >> 8) + 1)) + bytes(
    range(ord(_COMPAT_FIRST) >> 8, (ord(_LAST) >> 8) + 1))
_HIGH_AT = 3 if "\x01".encode("utf-16")[2] else 2  # little-endian: the mark, then 01 00


def _runs(key: str) -> list[str]:
    """_GRAMS.findall(key.lower())."""
    low = key.lower()
    data = low.encode("utf-8", "surrogatepass")
    if not IDEOGRAPH_SPAN_UTF8.search(data):
        return _WORDS.findall(low)
    # U+FA6E, U+FA6F and U+FADA on (all of U+FAC0 on is tested, EF AB) are ideographs to _GRAMS but no word
    # character: a run through one is more than a word's pieces, so such a text takes the whole alternation
    if b"\xef\xab" in data or b"\xef\xa9\xae" in data or b"\xef\xa9\xaf" in data:
        return _GRAMS.findall(low)
    # Otherwise every ideograph is a word character: _GRAMS finds, in each word, the run of ideographs it
    # opens with and then the rest of the word as one (a word goes on through the ideographs after it). The
    # run is the word's leading characters whose UTF-16 unit has an ideograph's high byte (exact for a word
    # character: U+4DC0-U+4DFF are signs, and a character beyond U+FFFF is two units of surrogates).
    out = []
    for w in _WORDS.findall(low):
        out += _pieces(w)
    return out


def _pieces(w: str) -> tuple[str, ...]:
    """What _GRAMS finds in one word of a text with ideographs, none of them U+FA6E, U+FA6F or U+FADA on."""
    high = w.encode("utf-16")[_HIGH_AT::2]  # after the byte-order mark, in this machine's order
    k = len(high) - len(high.lstrip(_IDEOGRAPH_HIGH))
    return (w[:k], w[k:]) if 0 < k < len(w) else (w,)


def _grams(runs) -> list[str]:
    """The features of these runs in order, a feature as often as it occurs."""
    out: list[str] = []
    for run in runs:
        if _FIRST <= run[0] <= _LAST and len(run) > 1:
            out += map(add, run, run[1:])  # the bigrams run[i:i+2]
        else:
            out.append(run)
    return out


# Words whose features are kept for the next text (features and distinct_features given a dict to keep them
# in): a text's words recur in the texts after it, and a Chinese word (a run of ideographs between two
# punctuation marks) costs a string a character to cut into bigrams. Bounded: emptied when this full.
WORD_CACHE = 4096


def _word_grams(low: str, cache: dict[str, tuple[str, ...]] | None):
    """The features of a lower-cased text, as an iterable in order (each as often as it occurs), or None where
    each word is a feature (no ideograph in the text, the common case of the other languages)."""
    data = low.encode("utf-8", "surrogatepass")
    if not IDEOGRAPH_SPAN_UTF8.search(data):
        return None
    if b"\xef\xab" in data or b"\xef\xa9\xae" in data or b"\xef\xa9\xaf" in data:
        return _grams(_GRAMS.findall(low))  # _runs' own exception
    words = _WORDS.findall(low)
    if cache is None:
        return _grams(chain.from_iterable(map(_pieces, words)))
    if len(cache) > WORD_CACHE:
        cache.clear()
    get = cache.get
    out = []
    for w in words:  # a word's features are those of its pieces (_runs), each piece cut alone
        g = get(w)
        if g is None:
            g = cache[w] = tuple(_grams(_pieces(w)))
        out.append(g)
    return chain.from_iterable(out)


def features(key: str, cache: dict[str, tuple[str, ...]] | None = None) -> Counter:
    """Character bigrams of ideograph runs, lower-cased words and numbers elsewhere, of a text in
    comparison form (normalize.fold)."""
    low = key.lower()
    grams = _word_grams(low, cache)
    return Counter(_WORDS.findall(low) if grams is None else grams)


def distinct_features(key: str, cache: dict[str, tuple[str, ...]] | None = None) -> set[str]:
    """The keys of features(key), without counting them (document frequencies need no more)."""
    low = key.lower()
    grams = _word_grams(low, cache)
    return set(_WORDS.findall(low) if grams is None else grams)


class Scorer:
    """IDF-weighted Dice similarity: what many paragraphs share (boilerplate) weighs little.

    The document frequencies count every text, but features are kept only for the texts in `keep`
    (those left unpaired after hash pairing, whose similarities are computed); any other text's are
    computed when asked for and not kept. At 10,000 paragraphs that is most of the memory."""

    def __init__(self, keys: list[str], keep=None):
        self.keys = keys
        keep = range(len(keys)) if keep is None else keep
        self._feats: dict[int, Counter] = {}
        self._words: dict[str, tuple[str, ...]] = {}  # the words' features, for features and distinct_features
        df: Counter = Counter()
        keep = set(keep)
        alike: Counter = Counter()  # the texts not kept, each once: a text and its identical twin count twice
        for i, k in enumerate(keys):
            if i in keep:
                f = self._feats[i] = features(k, self._words)
                df.update(f.keys())
            else:
                alike[k] += 1
        # one count in C over the features of the texts found equally often, each text once (most are found twice,
        # in both versions), then each feature's total times that: a mapping is added key by key in Python
        found: dict[int, list[str]] = {}
        for k, times in alike.items():
            found.setdefault(times, []).append(k)
        for times, texts in found.items():
            once: Counter = Counter()
            once.update(chain.from_iterable(distinct_features(k, self._words) for k in texts))
            for g, c in once.items():
                df[g] += c * times
        n = len(keys) or 1
        self.idf = {g: math.log(1 + n / c) for g, c in df.items()}
        self._masses: dict[int, float] = {}

    def feat(self, i: int) -> Counter:
        f = self._feats.get(i)
        return f if f is not None else features(self.keys[i], self._words)

    def mass_at(self, i: int) -> float:
        m = self._masses.get(i)
        if m is None:
            m = self._masses[i] = self.mass(self.feat(i))
        return m

    def mass(self, f: Counter) -> float:
        return sum(c * self.idf.get(g, 1.0) for g, c in f.items())

    def common(self, a: Counter, b: Counter) -> float:
        if len(a) > len(b):
            a, b = b, a
        return sum(min(c, b[g]) * self.idf.get(g, 1.0) for g, c in a.items() if g in b)

    def similarity(self, a: Counter, b: Counter) -> float:
        total = self.mass(a) + self.mass(b)
        return 2 * self.common(a, b) / total if total else 1.0

    def similarity_at(self, i: int, j: int) -> float:
        """similarity() of the i-th and j-th texts, from their cached masses."""
        total = self.mass_at(i) + self.mass_at(j)
        return 2 * self.common(self.feat(i), self.feat(j)) / total if total else 1.0

    def containment(self, part: Counter, whole: Counter) -> float:
        m = self.mass(part)
        return self.common(part, whole) / m if m else 0.0


@_record
class Group(_Record):
    old: tuple[int, ...]
    new: tuple[int, ...]
    moved: bool = False

    def __init__(self, old: tuple[int, ...], new: tuple[int, ...], moved: bool = False) -> None:
        _set(self, "old", old)
        _set(self, "new", new)
        _set(self, "moved", moved)


def align(old: list[str], new: list[str], old_kinds: list[str] | None = None,
          new_kinds: list[str] | None = None) -> list[Group]:
    """Groups of old and new indices; every index of both sides is in exactly one group. The texts
    are given in comparison form (normalize.fold), as the caller keeps them.

    Structure first: identical texts (in comparison form) pair, then paragraphs standing
    between the same unchanged neighbours pair in order when alike, then what is left pairs
    by similarity wherever it stands (a move). Splits and merges extend a pair with an
    unpaired neighbour. Groups come back in reading order of the new text, deletions
    where the old paragraph stood.
    """
    old_kinds = old_kinds or [""] * len(old)
    new_kinds = new_kinds or [""] * len(new)
    ok, nk = old, new
    pair: dict[int, int] = {}

    # 1. identical text, in order for repeated texts; spacing is no change (a space an extractor put
    # inside a word or lost, as a monospace page loses them all)
    by_key: dict[str, list[int]] = {}
    for j, k in enumerate(nk):
        by_key.setdefault(k.replace(" ", ""), []).append(j)
    for i, k in enumerate(ok):
        js = by_key.get(k.replace(" ", ""))
        if js:
            pair[i] = js.pop(0)

    weight = _weighing(ok, nk)
    if len(pair) == len(old) == len(new):  # every paragraph has its identical twin: nothing to score
        return _order([((i,), (j,)) for i, j in pair.items()], len(old), len(new), weight)

    taken = set(pair.values())
    scorer = Scorer(old + new, keep=[i for i in range(len(old)) if i not in pair]
                    + [len(old) + j for j in range(len(new)) if j not in taken])
    fo = _Feats(scorer, 0)
    fn = _Feats(scorer, len(old))
    sims: dict[tuple[int, int], float] = {}

    def sim(i: int, j: int) -> float:
        s = sims.get((i, j))
        if s is None:
            s = sims[(i, j)] = scorer.similarity_at(i, len(old) + j)
        return s

    # 2. in place: between consecutive anchors, same kind, in order
    anchors = sorted((i, pair[i]) for i in _in_order(pair, weight))
    bounds = [(-1, -1), *anchors, (len(old), len(new))]
    for (i0, j0), (i1, j1) in zip(bounds, bounds[1:], strict=False):
        gi = [i for i in range(i0 + 1, i1) if i not in pair]
        gj = [j for j in range(j0 + 1, j1) if j not in taken]
        for i, j in _monotone(gi, gj, lambda i, j: sim(i, j) if old_kinds[i] == new_kinds[j] else 0.0,
                              STRUCTURAL):
            pair[i] = j
            taken.add(j)

    # 3. anywhere: the best remaining similarity first (a moved paragraph)
    cands = sorted(
        ((sim(i, j), -abs(i - j), i, j)
         for i, j in _candidates(scorer, [i for i in range(len(old)) if i not in pair],
                                 [j for j in range(len(new)) if j not in taken], len(old))),
        reverse=True,
    )
    for s, _, i, j in cands:
        if s < MOVED:
            break
        if i not in pair and j not in taken:
            pair[i] = j
            taken.add(j)

    # 4. splits and merges: an unpaired neighbour contained in the other side's paragraph
    groups = {i: ([i], [j]) for i, j in pair.items()}
    _attach_neighbours(scorer, groups, fo, fn, len(new), {j: i for i, j in pair.items()}, side=1)
    _attach_neighbours(scorer, groups, fn, fo, len(old), {i: i for i in pair}, side=0)

    matched = [(tuple(sorted(a)), tuple(sorted(b))) for a, b in groups.values()]
    return _order(matched, len(old), len(new), weight)


def _weighing(ok: list[str], nk: list[str]):
    """The weight of the i-th old and j-th new text (_weight), for one alignment: the pairs kept in order are
    chosen twice (among the identical twins, then among all pairs), and a pair is weighed once."""
    weights: dict[tuple[int, int], tuple[int, int]] = {}

    def weight(i: int, j: int) -> tuple[int, int]:
        w = weights.get((i, j))
        if w is None:
            w = weights[(i, j)] = _weight(ok[i], nk[j])
        return w

    return weight


def _weight(a: str, b: str) -> tuple[int, int]:
    """Of a pair of texts: longer paragraphs stay put, the shorter one is called moved; then a stable tie-break."""
    return len(a) + len(b), zlib.crc32((min(a, b) + max(a, b)).encode())


class _Feats:
    """One side's features, by index into that side."""

    def __init__(self, scorer: Scorer, offset: int):
        self.scorer, self.offset = scorer, offset

    def __getitem__(self, k: int) -> Counter:
        return self.scorer.feat(self.offset + k)


def _attach_neighbours(scorer: Scorer, groups: dict[int, tuple[list[int], list[int]]], other_feats, own_feats,
                       n: int, owner: dict[int, int], side: int) -> None:
    """Add each unpaired paragraph of one side (side 1: new, a split; 0: old, a merge) to the group of a
    neighbour when the other side's paragraph contains it and is more alike with it than without."""
    for x in range(n):
        if x in owner:
            continue
        for nb in (x - 1, x + 1):
            if nb not in owner:
                continue
            group = groups[owner[nb]]
            if _extends(scorer, [other_feats[k] for k in group[1 - side]],
                        [own_feats[k] for k in sorted(group[side] + [x])], own_feats[x]):
                group[side].append(x)
                owner[x] = owner[nb]
                break


def _extends(scorer: Scorer, other: list[Counter], with_part: list[Counter], part: Counter) -> bool:
    whole = sum(other, Counter())
    if scorer.containment(part, whole) < CONTAINED:
        return False
    without = sum((f for f in with_part if f is not part), Counter())
    return scorer.similarity(whole, sum(with_part, Counter())) > scorer.similarity(whole, without)


# Work bounds, so that a completely rewritten text costs O(n), not O(n^2): a gap of more than
# FULL_GAP cells is aligned within BAND paragraphs of its diagonal; a paragraph left over for step 3
# is scored against at most CANDIDATES others, found through features shared by few paragraphs.
FULL_GAP = 4096
BAND = 12
CANDIDATES = 8
RARE = 64


def _monotone(gi: list[int], gj: list[int], score, threshold: float) -> list[tuple[int, int]]:
    """Order-keeping pairs of gi x gj, each at least `threshold`, maximising the total margin above
    it: one clear pair beats two doubtful ones (a deleted OP7 must not take the place of OP8)."""
    if not gi or not gj:
        return []
    n, m = len(gi), len(gj)
    banded = n * m > FULL_GAP

    def inside(a: int, b: int) -> bool:
        return not banded or abs(a * m - b * n) <= BAND * max(n, m)

    best: dict[tuple[int, int], float] = {}

    def get(a: int, b: int) -> float:
        return best.get((a, b), 0.0)

    gains: dict[tuple[int, int], float] = {}
    for a in range(n - 1, -1, -1):
        lo, hi = (0, m) if not banded else (max(0, (a * m) // n - BAND - 1), min(m, (a * m) // n + BAND + 2))
        for b in range(hi - 1, lo - 1, -1):
            if not inside(a, b):
                continue
            s = score(gi[a], gj[b])
            take = s - threshold + 1e-9 + get(a + 1, b + 1) if s >= threshold else -1.0
            gains[(a, b)] = take
            best[(a, b)] = max(take, get(a + 1, b), get(a, b + 1))
    out, a, b = [], 0, 0
    while a < n and b < m:
        here = get(a, b)
        if (a, b) in gains and gains[(a, b)] >= 0 and here == gains[(a, b)]:
            out.append((gi[a], gj[b]))
            a, b = a + 1, b + 1
        elif here == get(a + 1, b):
            a += 1
        else:
            b += 1
    return out


def _candidates(scorer: Scorer, olds: list[int], news: list[int], offset: int) -> list[tuple[int, int]]:
    """For each left-over old paragraph, the few left-over new ones sharing the most rare weight."""
    postings: dict[str, list[int]] = {}
    for j in news:
        for g in scorer.feat(offset + j):
            postings.setdefault(g, []).append(j)
    out = []
    for i in olds:
        shared: dict[int, float] = {}
        for g in scorer.feat(i):
            js = postings.get(g, ())
            if 0 < len(js) <= RARE:
                w = scorer.idf.get(g, 1.0)
                for j in js:
                    shared[j] = shared.get(j, 0.0) + w
        top = sorted(shared.items(), key=lambda kv: (-kv[1], abs(kv[0] - i)))[:CANDIDATES]
        out += [(i, j) for j, _ in top]
    return out


def _in_order(pair: dict[int, int], weight=None) -> set[int]:
    """Old indices of the pairs kept in order; the others moved.

    The most pairs kept, and among equally many the heaviest (weight is the same seen from either
    side, so that A->B and B->A call the same paragraph moved). A Fenwick tree of running maxima
    keeps it O(n log n).
    """
    items = sorted(pair.items())
    if not items:
        return set()
    size = max(j for _, j in items) + 2
    # each node (count, weight, tie, item index) packed in one int that compares as the tuple would: the
    # index + 1 in the lowest bits, the tie (a sum of CRCs) above it, the weight above that, the count on top
    low, count_at, weight_at = 1 << _TIE_AT, 1 << _COUNT_AT, _WEIGHT_AT
    tree = [0] * (size + 1)
    back: list[int] = [-1] * len(items)
    best_all = 0
    # past every pair so far (most pairs, in a long text), the query finds the node of the best top when one
    # pair alone has it: that pair's own node (among equal tops it would depend on how the tree cuts the range)
    high, best_top, best_cur, tied = -1, -1, 0, False
    # Such a pair's node is above every node written (its top is a new best), so it would be written all the
    # way up its chain: those writes wait until a query reads the tree (_write_through), where the chains of
    # pairs in a row meet after a step or two, instead of climbing log n nodes each.
    waiting: list[tuple[int, int]] = []
    for k, (i, j) in enumerate(items):
        ahead = j > high and not tied
        if ahead:
            prev = best_cur
        else:
            if waiting:
                _write_through(tree, waiting, size)
                waiting.clear()
            prev, x = 0, j  # the query: the best node ending before j
            while x > 0:
                if tree[x] > prev:
                    prev = tree[x]
                x -= x & -x
        w, tie = weight(i, j) if weight else (0, 0)
        cur = (prev >> _TIE_AT << _TIE_AT) + count_at + (w << weight_at) + tie * low + k + 1
        back[k] = (prev & (low - 1)) - 1
        if cur > best_all:
            best_all = cur
        top, x = cur >> _TIE_AT, j + 1
        if j > high:
            high = j
        if top > best_top:
            best_top, best_cur, tied = top, cur, False
        elif top == best_top:
            tied = True
        if ahead:
            waiting.append((x, cur))
            continue
        while x <= size:
            if top > tree[x] >> _TIE_AT:
                tree[x] = cur
            x += x & -x
    keep: set[int] = set()
    k = (best_all & (low - 1)) - 1
    while k >= 0:
        keep.add(items[k][0])
        k = back[k]
    return keep


def _write_through(tree: list[int], waiting: list[tuple[int, int]], size: int) -> None:
    """The writes of _in_order's pairs that each topped every node before them, the latest first: a node the
    latest wrote is above what an earlier one would write there, and so is every node above it (each node's
    chain up is the same whoever reaches it), so an earlier one's climb stops at the first node written."""
    written: set[int] = set()
    for x, cur in reversed(waiting):
        top = cur >> _TIE_AT
        while x <= size and x not in written:
            written.add(x)
            if top > tree[x] >> _TIE_AT:
                tree[x] = cur
            x += x & -x


# the fields of _in_order's packed nodes: wide enough for any count, sum of lengths and sum of CRCs
_TIE_AT, _WEIGHT_AT, _COUNT_AT = 64, 192, 320


def _order(matched: list[tuple[tuple[int, ...], tuple[int, ...]]], n_old: int, n_new: int,
           weight=None) -> list[Group]:
    """The groups of the pairs matched (old indices, new indices) and of the paragraphs left, in reading order."""
    first = {o[0]: n[0] for o, n in matched}
    keep = _in_order(first, weight)
    groups = [Group(o, n, moved=o[0] not in keep) for o, n in matched]
    in_old = {i for g in groups for i in g.old}
    in_new = {j for g in groups for j in g.new}
    groups += [Group((), (j,)) for j in range(n_new) if j not in in_new]
    keyed = [((g.new[0], 0, 0), g) for g in groups]
    # a deletion stands after the new place of the nearest earlier old paragraph kept in order
    stand = {i: g.new[-1] for g in groups if g.old and not g.moved for i in g.old}
    standing = sorted(stand)
    for i in range(n_old):
        if i not in in_old:
            at = bisect_left(standing, i)  # the nearest earlier old paragraph kept in order
            prev = standing[at - 1] if at else None
            keyed.append(((stand[prev] if prev is not None else -1, 1, i), Group((i,), ())))
    return [g for _, g in sorted(keyed, key=lambda kg: kg[0])]


# --- two language versions of one resolution: paired by structure, never by wording -----------------
# (the translation checks and the translation memory read these pairs)

_PUNCT = lazy_pattern(f"[{LIST_PUNCTUATION}]")  # two language versions only (check)


@_record
class _Profile(_Record):
    """What the structural alignment may compare of a paragraph: never its words. `facts`: each fact read
    (kind, value) with its count, those above zero (what a Counter's & and | keep); `total`: their sum."""

    length: int
    punct: int  # list and clause punctuation: a list of ten addressees has ten commas in any language
    facts: dict
    total: int
    notes: int

    def __init__(self, length: int, punct: int, facts: dict, total: int, notes: int) -> None:
        _set(self, "length", length)
        _set(self, "punct", punct)
        _set(self, "facts", facts)
        _set(self, "total", total)
        _set(self, "notes", notes)

    @classmethod
    def of(cls, p: Paragraph, lang: str) -> _Profile:
        from .facts import Facts, shared  # the translation checks only: a diff never loads the facts

        read, _ = shared(p.text, lang)  # as remembered: read here, never changed
        facts = {(k, v): n for k in Facts.KINDS for v, n in getattr(read, k).items() if n > 0}
        return cls(len(p.text), len(_PUNCT.findall(p.text)), facts, sum(facts.values()), len(p.footnotes))


def _cost(a: _Profile, b: _Profile, ratio: float) -> float:
    """Gale-Church-like: log of the length ratio against the texts' overall ratio and of the punctuation
    ratio, then facts: agreeing ones pull a pair together, differing ones apart (the share of the facts of
    both that only one holds: of all counted as a multiset union, those not in the intersection)."""
    cost = abs(math.log((b.length + 1) / ((a.length + 1) * ratio)))
    cost += 0.5 * abs(math.log((b.punct + 1) / (a.punct + 1)))
    if a.total or b.total:
        small, large = (a.facts, b.facts) if len(a.facts) <= len(b.facts) else (b.facts, a.facts)
        same = 0
        for key, n in small.items():
            m = large.get(key)
            if m:
                same += n if n < m else m
        allf = a.total + b.total - same  # the union's count: each fact's larger count
        cost += 2.0 * (allf - 2 * same) / allf
    if (a.notes or b.notes) and a.notes == b.notes:
        cost -= 1.0
    return cost


def _align_kind(src: list[Paragraph], tgt: list[Paragraph], ratio: float, la: str, lb: str):
    """Pairs (index or None) keeping order; by order when the counts agree, else by a length and
    facts alignment with gaps (never by wording)."""
    # how each pair was made, named with the check's results (read here only: a diff never loads them)
    from .results import ALIGNMENT, NUMBER, STRUCTURE, UNPAIRED

    if len(src) == len(tgt):
        return [(i, i, STRUCTURE) for i in range(len(src))]
    nums_s = [p.id for p in src]
    nums_t = [p.id for p in tgt]
    fewer = src if len(src) < len(tgt) else tgt
    gap_kept = bool(fewer) and fewer[0].kind != PREAMBULAR and [p.number for p in fewer if p.letter is None] != [
        str(k) for k in range(1, sum(p.letter is None for p in fewer) + 1)]
    if gap_kept and len(set(nums_s)) == len(src) and len(set(nums_t)) == len(tgt) and (
            set(nums_s) >= set(nums_t) or set(nums_t) >= set(nums_s)):
        # the shorter text kept the numbering gap where its paragraph is missing: pair by number
        where = {pid: j for j, pid in enumerate(nums_t)}
        pairs = [(i, where.get(pid)) for i, pid in enumerate(nums_s)]
        pairs += [(None, j) for j, pid in enumerate(nums_t) if pid not in set(nums_s)]
        pairs.sort(key=lambda p: (p[1] if p[1] is not None else p[0], p[0] is None))
        return [(i, j, NUMBER if i is not None and j is not None else UNPAIRED) for i, j in pairs]
    gap = 1.5
    n, m = len(src), len(tgt)
    if n * m > 250_000:  # far beyond any resolution: pair in order, the surplus unpaired (bounded time)
        k = min(n, m)
        return ([(i, i, ALIGNMENT) for i in range(k)] + [(i, None, UNPAIRED) for i in range(k, n)]
                + [(None, j, UNPAIRED) for j in range(k, m)])
    ps, pt = [_Profile.of(p, la) for p in src], [_Profile.of(p, lb) for p in tgt]
    cost = [[0.0] * (m + 1) for _ in range(n + 1)]
    move = [[""] * (m + 1) for _ in range(n + 1)]
    for i in range(1, n + 1):
        cost[i][0], move[i][0] = i * gap, "s"
    for j in range(1, m + 1):
        cost[0][j], move[0][j] = j * gap, "t"
    for i in range(1, n + 1):
        for j in range(1, m + 1):
            options = [(cost[i - 1][j - 1] + _cost(ps[i - 1], pt[j - 1], ratio), "m"),
                       (cost[i - 1][j] + gap, "s"), (cost[i][j - 1] + gap, "t")]
            cost[i][j], move[i][j] = min(options)
    out = []
    i, j = n, m
    while i or j:
        mv = move[i][j]
        if mv == "m":
            out.append((i - 1, j - 1, ALIGNMENT))
            i, j = i - 1, j - 1
        elif mv == "s":
            out.append((i - 1, None, UNPAIRED))
            i -= 1
        else:
            out.append((None, j - 1, UNPAIRED))
            j -= 1
    return out[::-1]


def pair_paragraphs(source: Document, target: Document) -> list[tuple[Paragraph | None, Paragraph | None, str]]:
    """Preambular with preambular in order, operative with operative (numbers and letters), annex with
    annex; each pair with how it was made."""
    total_s = sum(len(p.text) for p in source.paragraphs) or 1
    total_t = sum(len(p.text) for p in target.paragraphs) or 1
    ratio = total_t / total_s
    out = []
    for kind in (PREAMBULAR, OPERATIVE, ANNEX):
        src = [p for p in source.paragraphs if p.kind == kind]
        tgt = [p for p in target.paragraphs if p.kind == kind]
        for i, j, how in _align_kind(src, tgt, ratio, source.language, target.language):
            out.append((src[i] if i is not None else None, tgt[j] if j is not None else None, how))
    return out
