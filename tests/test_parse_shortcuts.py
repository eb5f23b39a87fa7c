"""The parser's cheap tests before its patterns say what the patterns alone say: over every line of the
bundled texts, of the shared corpus (every extractor's text, where this machine has it) and of odd lines made
here (full-width digits, no-break spaces, tabs, form feeds, upper case)."""

from __future__ import annotations

import functools
import random
import re
from collections import Counter
from pathlib import Path

import pytest
import texts_at_hand

from resdiff import lang as L
from resdiff import layout, normalize, parse
from resdiff.blocks import FOOTNOTE, Line
from resdiff.layout import OP_NUMBER, SUB_LETTER, URL, is_plain_furniture, read_text
from resdiff.notation import WIDE

TEXTS = texts_at_hand.texts()
ODD = ["", " ", "*", "* Any changes", "*2016878*", "20-16878 (C) 181220", "２０-１６８７８", "１. 决定", "1. Decides",
       "１２．決定", "(a) To", "（ａ）", "(A) TO", "\u00a01. Decides", "\t2. Requests", "\f3. Notes", "http://x.org",
       "HTTP://X.ORG", "WWW.UN.ORG", "www.un.org/a b", "https://", "hTtPs://a", "Page 2", "PAGE 2", "2/5", "- 2 -",
       "/...", "A/RES/75/62", "a/res/75/62", "A/75/L.41", "ſ", "\u0660. قرر", "٣. يقرر", "Recalling:", "决定：",
       "Adopts the following declaration:", "ADOPTS THE FOLLOWING DECLARATION: 1", "Decides :", "Decides: ¹",
       "\u3000第 75 号", "第75号", "９ 号", "\x0c", "Title of it", "TITLE OF IT", "Title  of\u00a0it"]


def _lines() -> list[str]:
    seen = dict.fromkeys(ODD)
    for _, text in TEXTS:
        for raw in text.replace("\r", "\n").split("\n"):
            seen.setdefault(raw)
            seen.setdefault(raw.strip())
            seen.setdefault(raw.upper().strip())
    return list(seen)


LINES = _lines()


def _heads() -> list[tuple[str | None, str | None]]:
    """(symbol, title) of every text that parses, and made ones: none, a title of spaces, one that opens with
    a space, with a star, in upper case."""
    heads = {(None, None), ("A/RES/75/62", None), ("A/RES/75/62", " "), ("A/RES/75/62", " Title of it"),
             ("A/RES/75/62", "*2016878*"), ("A/RES/75/62", "TITLE OF IT"), (None, "Title of it"), ("x", "")}
    for _, text in TEXTS:
        try:
            doc = parse.parse_text(text)
        except Exception:  # noqa: BLE001 (a text that is no resolution still gives its lines below)
            continue
        heads.add((doc.metadata.symbol, doc.metadata.title))
    return sorted(heads, key=repr)


def _furniture_answers(heads) -> list[tuple]:
    out = []
    for symbol, title in heads:
        test = parse._furniture_test(symbol, title)
        lines = [Line(s, k) for k, s in enumerate(LINES + [title or "", (symbol or "") + (title or "")])]
        out += [(symbol, title, s, test(s, lines, k)) for k, x in enumerate(lines) for s in {x.text, x.text.strip()}]
    return out


def test_a_line_is_furniture_as_without_the_first_character_test(monkeypatch):
    heads = _heads()
    assert len(heads) > 12
    fast = _furniture_answers(heads)
    monkeypatch.setattr(parse, "may_open_furniture", lambda first: True)  # every line past the first test
    plain = _furniture_answers(heads)
    assert len(fast) == len(plain) > 1000
    for got, want in zip(fast, plain, strict=True):
        assert got == want, want


def test_a_link_target_is_plain_furniture():
    """The body's test of a link target, before the furniture test, said nothing that test does not."""
    links = [s for s in LINES if URL.match(s)] + [s.strip() for s in LINES if URL.match(s.strip())]
    assert len(links) >= 5
    for s in links:
        assert is_plain_furniture(s), s


def test_a_line_opening_with_no_digit_nor_round_bracket_is_never_numbered():
    # each pattern opens with one class: a digit (\d) or a round opener, whose characters are these
    assert OP_NUMBER.pattern.startswith(r"^(\d{1,5})") and SUB_LETTER.pattern.startswith(f"^[{L.ROUND_OPENERS}]")
    every = "".join(map(chr, range(0x110000)))
    opening = set(re.findall(r"\d", every)) | set(re.findall(f"[{L.ROUND_OPENERS}]", every))
    assert {c for c in every if layout.may_be_numbered(c)} == opening
    assert layout.may_be_numbered("٣. يقرر") and layout.may_be_numbered("") and not layout.may_be_numbered("x")
    for s in LINES:
        assert layout.may_be_numbered(s) or not (OP_NUMBER.match(s) or SUB_LETTER.match(s)), s


def test_a_line_with_no_colon_neither_ends_nor_nearly_ends_with_one():
    for s in LINES:
        if not parse._COLON.search(s):
            assert not s.rstrip().endswith(tuple(L.COLONS)) and not parse._COLON_NEAR_END.search(s), s


SPACED = re.compile(f"[{WIDE}] [0-9]|[0-9] [{WIDE}]")
TIGHT = re.compile(f"[{WIDE}][0-9]|[0-9][{WIDE}]")


def test_digits_beside_ideographs_counted_as_the_patterns_count_in_every_text():
    for name, text in TEXTS:
        assert normalize._digit_counts(text) == (len(SPACED.findall(text)), len(TIGHT.findall(text))), name


def _plain_indent_by_margin(body, body_rows, stripped):
    """layout._indent_by_margin as written without its shortcuts."""
    pages: dict[int, list[int]] = {}
    kept = []
    for k, (raw, s, (_, _, p)) in enumerate(zip(body, stripped, body_rows, strict=True)):
        if s:
            indent = len(raw) - len(raw.lstrip())
            pages.setdefault(p, []).append(indent)
            kept.append((k, s, indent, p))
    margins = {pg: layout._margin(indents) for pg, indents in pages.items()}
    content = []
    for k, s, indent, p in kept:
        if indent > margins[p] or OP_NUMBER.match(s) or SUB_LETTER.match(s):
            s = " " + s
        content.append((k, s))
    return content


def _made_layouts() -> list[list[str]]:
    """Indented lines over pages in any order (a page read again after another), numbered in every form."""
    rnd = random.Random(11)
    pieces = ["1. Decides", "１. 决定", "(a) To", "（b）", "  Recalling", "   the text", "\tTabbed", "\u00a0No-break",
              "٣. يقرر", "continued", "", "  ", "2 - x"]
    return [[rnd.choice(pieces) for _ in range(rnd.randint(0, 30))] for _ in range(300)]


def test_indentation_read_as_without_shortcuts():
    inputs = []
    for _, text in TEXTS:
        raws = text.replace("\f", "\n").split("\n")
        inputs.append((raws, [k // 40 + 1 for k in range(len(raws))]))
    rnd = random.Random(5)
    for raws in _made_layouts():
        inputs.append((raws, [rnd.randint(1, 3) for _ in raws]))
    for raws, pages in inputs:
        rows = [(k + 1, raw, p) for k, (raw, p) in enumerate(zip(raws, pages, strict=True))]
        stripped = [raw.strip() for raw in raws]
        assert layout._indent_by_margin(raws, rows, stripped) == _plain_indent_by_margin(raws, rows, stripped)


@pytest.mark.parametrize("name", [name for name, _ in TEXTS])
def test_every_text_read_into_the_same_lines_with_lines_made_as_records_make_them(name, monkeypatch):
    """Line sets its fields through its slots: the lines read are those object.__setattr__ sets."""
    text = dict(TEXTS)[name]
    got = read_text(text)

    def plain_init(self, text, line, page=None, starts=False, role="unknown", marker=None):
        for field, value in zip(Line.__slots__, (text, line, page, starts, role, marker), strict=True):
            object.__setattr__(self, field, value)

    monkeypatch.setattr(Line, "__init__", plain_init)
    want = read_text(text)
    assert [(x.text, x.line, x.page, x.starts, x.role, x.marker) for x in got] == \
        [(x.text, x.line, x.page, x.starts, x.role, x.marker) for x in want]
    assert Line("1 A.", 3, 2, True, FOOTNOTE, "1").marker == "1"


MARKED = ["Reduction 2015–20303 and", "Reduction 2015-20303", "12 February 20139 in", "resolution 77/2285 of",
          "resolutions 77/228 and 76/1017, 2",
          "76/101 and 75/62 cited", "75/622", "1/ Haiti 1/ and 2/", "２０１５年 3 月", "第 1 号１", "Goals2 for", "Goals²",
          "the Court, 1 and", "UNISPACE+50,1", "word(2) and (1)", "2 000 and Munitions,1 110", "1st and 3rd",
          "《公约》1 所作", "、2 ", "of 12 August 1949 2 and", "No. 3", "article 4 of", "63/71 of 2 December 2008",
          "-2", "_2", ".2", "2.5", "2,5", "22/2/2", "2/22 2", "1990-19911", "2020–2021 1", "A/RES/1/1 1",
          "oral report; 2/ and 12/", "Declaration¹ and ¹²", "Goals2 for the Goals;3", "x\t2 and"]


def _marker_answers():
    """_find_marker over the bundled, corpus and made lines holding a digit: each of the first markers and
    those the line holds, in three languages, with and without the 1990s "1/", from the start, its middle and
    its last digits of the marker."""
    lines = [s for s in LINES if any(c.isdigit() for c in s)] + MARKED
    numbers = Counter(parse._CITED_NUMBER.findall("\n".join(lines)))
    out = []
    for s in lines:
        markers = {"1", "2", "3"} | set(re.findall(r"\d", s)) | set(re.findall(r"\d\d", s)[:3])
        for marker in sorted(markers):
            for lang, slash in (("en", False), ("zh", False), ("ar", False), ("en", "/" in s)):
                for pos in {0, len(s) // 2, max(0, s.rfind(marker))}:
                    out.append(parse._find_marker(s, marker, pos, lang, slash, numbers))
        for lang, slash in (("en", False), ("zh", False), ("en", True)):  # markers cited again
            out.append(parse._repeated_markers(s, [], [], sorted(markers), lang, slash))
    return out


def _documents():
    out = []
    for name, text in TEXTS:
        try:
            doc = parse.parse_text(text)
        except Exception:  # noqa: BLE001 (a text that is no resolution)
            out.append(name)
            continue
        out.append(repr((doc.paragraphs, doc.footnotes, doc.other, doc.warnings)))
    return out


def _gates_opened(monkeypatch):
    """Every gate before a marker's pattern or a numbering pattern open: each pattern tried wherever it may match."""
    monkeypatch.setattr(parse, "_absent", lambda gate, text, pos: False)
    monkeypatch.setattr(parse, "_not_after", lambda before, first: re.compile(first))
    monkeypatch.setattr(parse, "_NUMBER_START", re.compile(r"\d"))
    monkeypatch.setattr(parse, "_marker_forms", functools.lru_cache(maxsize=None)(parse._MarkerForms))
    monkeypatch.setattr(parse, "may_be_numbered", lambda s: True)
    monkeypatch.setattr(parse, "_repeated_starts", lambda sup, slash, glued: re.compile(f"[0-9{sup}]"))
    monkeypatch.setattr(parse, "_repeated_forms", functools.lru_cache(maxsize=None)(parse._repeated_forms.__wrapped__))


def test_markers_found_as_without_the_gates(monkeypatch):
    fast = _marker_answers()
    _gates_opened(monkeypatch)
    plain = _marker_answers()
    assert len(fast) == len(plain) > 10_000 and sum(a is not None for a in plain) > 1000
    for got, want in zip(fast, plain, strict=True):
        assert got == want


def test_every_text_parsed_as_without_the_gates(monkeypatch):
    fast = _documents()
    _gates_opened(monkeypatch)
    assert fast == _documents()


MADE = ["the twentyfirst century and the twenty-first", "Secretary-\nGeneral and the SecretaryGeneral",
        "decision-making\nand decisionmaking", "a well-\nknown and well-known fact-", "quaranteneuvième séance",
        "post-\u00ad\nconflict", "soixante-dix\nsoixantedix", "x-y-z xyz x-yz", "-\n-\n- a-b", "Twentyfirst\r\nforty-two"]


def _rehyphenations():
    texts = [t for _, t in TEXTS] + MADE
    return [parse._rehyphenation(t, lang, parse._Vocabulary(t)) for t in texts for lang in ("en", "fr", "zh", None)]


def test_hyphenated_words_read_on_their_lines_as_the_vocabulary_holds_them():
    for text in [t for _, t in TEXTS] + MADE:
        want = {h for h in parse._vocabulary(text) if "-" in h}
        assert parse._Vocabulary(text).hyphenated() == want
        vocabulary = parse._Vocabulary(text)
        vocabulary.words()  # read first: the words are taken from it
        assert vocabulary.hyphenated() == want


def test_hyphens_put_back_as_without_looking_for_the_words_first(monkeypatch):
    fast = _rehyphenations()
    monkeypatch.setattr(parse, "_standing_in", lambda text, words: list(words))  # every word may stand
    monkeypatch.setattr(parse, "_BROKEN_WORD", re.compile("$^"))  # the vocabulary read first nowhere
    plain = _rehyphenations()
    assert sum(bool(m) for m in plain) >= 10
    assert fast == plain


def test_a_chinese_text_compiles_only_the_marker_forms_it_reads():
    """Each marker's patterns compile on first use: a Chinese text, whose markers are never glued to a word
    nor written "1/", compiles none of those forms (a dozen patterns a marker, milliseconds in each process)."""

    parse._marker_forms.cache_clear()
    doc = parse.parse_text((Path(__file__).resolve().parent.parent / "samples" / "A-RES-75-62.zh.txt").read_text("utf-8"))
    markers = [f.marker for f in doc.footnotes]
    assert markers == ["1", "2", "3", "4", "5"]
    for m in markers:
        forms = parse._marker_forms(m)
        assert forms.bare.ready  # the marker was looked for
        assert not any(p.ready for p in (forms.slashed, forms.bracketed, forms.year, forms.symbol,
                                         forms.after_range_marker)), m
    parse._marker_forms.cache_clear()
