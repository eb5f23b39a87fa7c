"""diff folds each distinct clause or token once (they recur); a long one is folded as it comes, so that a
long-lived process diffing documents of long unpunctuated paragraphs keeps no megabytes of them alive."""

from resdiff import diff
from resdiff.normalize import fold


def test_a_long_clause_is_folded_as_it_comes_and_a_short_one_once():
    diff._fold_short.cache_clear()
    long = " ".join(f"Ｗord{k}" for k in range(300))  # a paragraph with no clause mark: one clause
    assert diff._fold(long) == fold(long) != long
    assert diff._fold_short.cache_info().currsize == 0
    for _ in range(3):
        assert diff._fold("Ｓhort,") == fold("Ｓhort,")
    info = diff._fold_short.cache_info()
    assert (info.currsize, info.misses, info.hits) == (1, 1, 2)
