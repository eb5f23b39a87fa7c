"""The fast segmenter gives jieba's tokens exactly (jieba stays the reference)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from layout import EN_FIXTURE, SEED, examples

from resdiff import segment
from resdiff.segment import fast_tokenizer, reference_tokenizer

SEED_TEXT = SEED.read_text("utf-8")


def _both(text: str) -> tuple[list[str], list[str]]:
    fast = fast_tokenizer()
    assert fast is not None, "the segmenter cache could not be built"
    return list(fast.cut(text)), list(reference_tokenizer().cut(text, HMM=False))


def test_same_tokens_on_the_seed_and_the_english_fixture():
    for text in (SEED_TEXT, EN_FIXTURE.read_text("utf-8")):
        fast, ref = _both(text)
        assert fast == ref


@settings(max_examples=examples(200), deadline=None)
@given(st.text(alphabet=st.sampled_from(list(SEED_TEXT[:2000])) | st.characters(), max_size=120))
def test_same_tokens_on_any_text(text):
    fast, ref = _both(text)
    assert fast == ref


# jieba's words that hold ASCII letters, digits or the other characters it segments (+ # & . _ % -),
# and short runs of those characters: where a lone letter or digit joins its neighbours and a word that
# begins with one does not
MIXED = ["AT&T", "B超", "C#", "c++", "T恤", "A股", "AA制", "IC卡", "IP地址", "K歌之王", "PH值", "X光线", "U盘",
         "A", "B", "a", "x", "7", "20", "&", "+", "#", ".", "_", "%", "-", " ", "\r\n", "\n", "，"]


def test_same_tokens_where_letters_meet_words():
    for text in ("xB超声波", "AB超", "7T恤衫", "AT&Tx", "c++和C#语言", "U盘IC卡A", "abc X光线 2020年 IP地址1",
                 "a.b_c%d-e+f#g&h", "PH值7.5", "AA制B"):
        fast, ref = _both(text)
        assert fast == ref, text


@settings(max_examples=examples(200), deadline=None)
@given(st.lists(st.sampled_from(MIXED) | st.sampled_from(list(SEED_TEXT[:400])), max_size=30).map("".join))
def test_same_tokens_on_mixed_scripts(text):
    fast, ref = _both(text)
    assert fast == ref


def test_a_text_is_looked_up_in_a_few_queries():
    """One query a word length, not one a fragment: each query costs more than its look-up in SQLite."""
    text = SEED_TEXT[:3000]
    fast = segment.Segmenter(segment._Freq(segment.current_cache_file()))
    queries = []
    fast.prefetch.__self__.db.set_trace_callback(queries.append)
    words = list(fast.cut(text))
    assert words == list(reference_tokenizer().cut(text, HMM=False))
    fragments = len(fast.prefetch.__self__.memo)
    assert fragments > 500 and len(queries) < 30


def test_un_terms_stay_whole():
    words = segment.cut("敦促所有缔约国执行杜布罗夫尼克行动计划并援助集束弹药受害者")
    assert "缔约国" in words and "杜布罗夫尼克行动计划" in words and "集束弹药" in words


def test_reference_path_is_used_when_asked(monkeypatch):
    monkeypatch.setenv("RESDIFF_SEGMENTER", "jieba")
    assert segment.cut("集束弹药公约") == list(reference_tokenizer().cut("集束弹药公约", HMM=False))


def test_unwritable_cache_falls_back_to_jieba(monkeypatch, tmp_path):
    blocked = tmp_path / "file"
    blocked.write_text("not a folder")
    monkeypatch.setenv("RESDIFF_CACHE_DIR", str(blocked / "cache"))
    fast_tokenizer.cache_clear()
    try:
        assert fast_tokenizer() is None
        assert segment.cut("缔约国会议") == list(reference_tokenizer().cut("缔约国会议", HMM=False))
    finally:
        fast_tokenizer.cache_clear()
