"""The pairs kept in order of a long text, whose tree writes wait for the next query (align._write_through):
the same pairs as the tuples' plain search finds, for long runs in order broken by moves, deletions and ties."""

from __future__ import annotations

import random
import zlib

from test_long_inputs import _in_order_by_tuples

from resdiff import align


def _pairs(rnd: random.Random, n: int) -> dict[int, int]:
    news = list(range(n + rnd.randint(0, 20)))
    for _ in range(rnd.randint(1, 12)):  # paragraphs moved near and far, some of them back to the start
        k = rnd.randrange(len(news))
        to = rnd.choice([0, rnd.randrange(len(news)), min(len(news), k + rnd.randint(1, 40))])
        news.insert(to, news.pop(k))
    olds = sorted(rnd.sample(range(n + 30), n))
    return dict(zip(olds, news[:n], strict=True))


def test_long_runs_in_order_keep_what_the_plain_search_keeps():
    rnd = random.Random(9)
    for case in range(60):
        pair = _pairs(rnd, rnd.randint(200, 1500))
        lengths = [rnd.choice([5, 80, 80, 2_000_000]) for _ in range(max(pair) + max(pair.values()) + 2)]

        def weight(i, j, lengths=lengths, case=case):
            return (lengths[i] + lengths[j], zlib.crc32(f"{i}/{j}".encode())) if case % 3 else (1, 1)

        assert align._in_order(pair, weight) == _in_order_by_tuples(pair, weight), case
        assert align._in_order(pair) == _in_order_by_tuples(pair, lambda i, j: (0, 0)), case


def test_a_pair_moved_to_the_front_after_a_long_run_is_the_one_called_moved():
    n = 3000
    pair = {i: i + 1 for i in range(n)}
    pair[n] = 0  # the last old paragraph now opens the text: the query reads every node the run wrote
    assert align._in_order(pair, lambda i, j: (10, i)) == set(range(n))
    assert align._in_order(pair, lambda i, j: (10, i)) == _in_order_by_tuples(pair, lambda i, j: (10, i))
