"""Text layouts told apart and brought to the one the parser reads.

The parser reads the layout of a PDF text extractor that keeps indentation (the bundled Chinese
75/62): a paragraph starts on an indented line, the footnote block of a page follows a separator
line, page furniture stands on lines of its own. Text from anywhere else marks no paragraph by
indenting: pdfminer's text of an official PDF (boxes that split and merge paragraphs, scrambled
justified lines, running heads mid-paragraph), a viewer's or a library's hard-wrapped copy, web
text (a paragraph a line), typed or mailed text. `to_indented` finds where each paragraph starts
from what the text itself says (operative numbers, the words that open a preambular paragraph,
punctuation that closes one) and indents that line; nothing is dropped, nothing invented.
"""

from __future__ import annotations

import re
from collections import Counter

from . import lang as L

# --- page furniture: never content -------------------------------------------------
JOB = re.compile(rf"^{L.JOB_NUMBER}\s*(?:\(([A-Z])\))?(?:\s+\d+(?:/\d+)?)*$")
JOB_PAGE = re.compile(rf"^\d+/\d+\s+{L.JOB_NUMBER}(?:\s*\([A-Z]\))?$")
BARCODE = re.compile(r"^\*\d{5,}\*$")
URL = re.compile(r"^(?:https?://|www\.)\S+$")
SEPARATOR = re.compile(r"^[_\u2014\u2015\u2500-]{5,}$")
PAGE_NO = re.compile(rf"^(?:\d{{1,3}}/\d{{1,3}}|-\s*\d{{1,3}}\s*-|{L.PAGE}|/\.\.\.|/…)$", re.IGNORECASE)
# A line that is only a document symbol: the running head of every page after the first.
SYMBOL_LINE = re.compile(rf"^{L.UN_SYMBOL}$")
# The note on a draft's list of sponsors ("* Any changes to the list of sponsors …"): not a footnote.
SPONSOR_NOTE = re.compile(r"^\*\s+\S")

OP_NUMBER = re.compile(r"^(\d{1,5})\s*(?:[.．]|\s[-–](?=\s))\s*")  # "1. " and, in Arabic, "1 - "
_OP_ALONE = re.compile(r"^\d{1,5}\s*[.．]$")
SUB_LETTER = re.compile(r"^[(（]([a-z]{1,2}|[ivx]{1,5})[)）]\s*")
# A paragraph ends with a comma, semicolon, colon or full stop, perhaps followed by a closing quote
# and a footnote marker ("Development,2", "Bodies, 5", "Questions, 2/").
PARAGRAPH_END = re.compile(r"[，,；;。.:：][\"”’»)]?\s*(?:\d{1,3}/?|[¹²³⁰-⁹]+)?\s*$")
_TAG = re.compile(r"</?[ib]>")


def is_plain_furniture(s: str) -> bool:
    """Job numbers, barcodes, link targets, page numbers, '/...', a running head that is a symbol."""
    return bool(JOB.match(s) or JOB_PAGE.match(s) or BARCODE.match(s) or URL.match(s) or PAGE_NO.match(s)
                or SYMBOL_LINE.match(s))


def is_indented(lines: list[str]) -> bool:
    """True for the extractor layout that indents each paragraph's first line (two such lines at least
    after the opening 'The General Assembly,')."""
    start = next((k for k, s in enumerate(lines) if L.OPENING.match(s.strip())), 0)
    return sum(1 for s in lines[start + 1:] if s[:1].isspace() and s.strip()) >= 2


def to_indented(text: str) -> list[tuple[int, str]]:
    """The lines of the text in the indented layout (each paragraph's first line starts with a space),
    with their 1-based line numbers in the text; blank lines left out."""
    lines = text.split("\n")
    if is_indented(lines):
        return [(k + 1, s) for k, s in enumerate(lines) if s.strip()]
    opening = next((k for k, s in enumerate(lines) if L.OPENING.match(s.strip())), None)
    start = 0 if opening is None else opening + 1
    head = [(k + 1, s.strip()) for k, s in enumerate(lines[:start]) if s.strip()]
    body = lines[start:]
    if not re.search(f"[{L.HAN_SPAN}]", text):
        body = _mend_words(body, text)
    out = _indent_blocks(body) if _blocks_are_paragraphs(body) else _indent_by_grammar(body)
    return head + [(start + k + 1, s) for k, s in out]


# --- pdfminer artefacts in Latin script ------------------------------------------------------

_SPACED_HYPHEN = re.compile(r"(?<=[^\W\d_]) -(?=[^\W\d_])")


def _mend_words(body: list[str], text: str) -> list[str]:
    """Undo what justification does to extracted Latin text: runs of spaces, 'seventy -fifth', a
    hyphen spaced off at a line end ('post -'), and a word split by a space ('Confere nce') where the
    document writes the whole word elsewhere and one of the halves is no word of it."""
    words = Counter(re.findall(r"[^\W\d_]+", text))
    english = L.detect_language(text) == "en"

    def no_word(a: str, b: str) -> bool:  # every occurrence of `a` is this split one
        return words[a] <= len(re.findall(rf"(?<![^\W\d_]){a}\s+{b}(?![^\W\d_])", text))

    def mend(line: str) -> str:
        parts = re.split(r"([^\W\d_]+)", line)  # words at odd indices
        k = 1
        while k + 2 < len(parts):
            a, gap, b = parts[k], parts[k + 1], parts[k + 2]
            if gap == " " and not b[0].isupper() and (
                    (words[a + b] and (no_word(a, b) or no_word(b, a)))
                    or (english and _letter_alone(a, b) and (no_word(a, b) if len(b) == 1 else no_word(b, a)))):
                parts[k : k + 3] = [a + b]
                continue
            k += 2
        return "".join(parts)

    out = []
    for raw in body:
        s = re.sub(r"(?<=\S) {2,}(?=\S)", " ", raw.strip())
        s = _SPACED_HYPHEN.sub("-", s)
        if s.endswith(" -") and s[-3:-2].isalpha():
            s = s[:-2] + "-"
        out.append(mend(s))
    return out


def _letter_alone(a: str, b: str) -> bool:
    """'peopl e', 'h umankind': in English no word is one letter but 'a' and 'I'."""
    return (len(b) == 1 and b not in "aI" and a.isalpha() and len(a) > 2) or \
        (len(a) == 1 and a not in "aAI" and a.islower() and len(b) > 2)


# --- where paragraphs start ------------------------------------------------------------------


def _blocks(body: list[str]) -> list[list[int]]:
    blocks: list[list[int]] = [[]]
    for k, s in enumerate(body):
        if s.strip():
            blocks[-1].append(k)
        elif blocks[-1]:
            blocks.append([])
    return [b for b in blocks if b]


def _blocks_are_paragraphs(body: list[str]) -> bool:
    """Web text, typed or mailed text: blank lines between paragraphs and nowhere else, and no page
    furniture (a PDF extractor's text has both furniture and blank lines inside paragraphs)."""
    blocks = _blocks(body)
    if len(blocks) < 2 or any(is_plain_furniture(s.strip()) for s in body):
        return False
    ends = sum(bool(PARAGRAPH_END.search(_TAG.sub("", body[b[-1]]))) for b in blocks)
    return ends >= 0.9 * len(blocks)


def _indent_blocks(body: list[str]) -> list[tuple[int, str]]:
    out = []
    for b in _blocks(body):
        for k in b:
            s = body[k].strip()
            first = k == b[0] or OP_NUMBER.match(s) or SUB_LETTER.match(s)
            out.append((k, (" " + s) if first else s))
    return out


def _is_opener(s: str, op_seen: bool, prev_end: bool = True, wide: bool = False) -> bool:
    """An operative number, a lettered sub-paragraph, or a preambular opening after a paragraph's end
    (in Chinese, whose openers are not told by their form, any line after a paragraph's end)."""
    return bool(OP_NUMBER.match(s) or (op_seen and SUB_LETTER.match(s))
                or (not op_seen and prev_end and (wide or L.opens_preamble(s))))


def _short(s: str) -> bool:
    return len(s.split()) <= 4 and not PARAGRAPH_END.search(s)


def _indent_by_grammar(body: list[str]) -> list[tuple[int, str]]:
    """Hard-wrapped text (pdfminer's text of a PDF, a library export, a viewer's copy): a paragraph
    starts at an operative number, at a lettered sub-paragraph, or, before the operative part, at a
    line that opens with a preambular word ('Recalling', 'Deeply concerned', 'Teniendo presente')
    after a line that ends as a paragraph does. pdfminer sometimes emits the words of one justified
    line as separate short boxes in another order ('the' / 'that' / 'Convinced'): the box that opens
    the paragraph is then moved before them."""
    kinds = []  # "blank", "furniture", "note", "content"
    in_notes = False
    note_open = False
    pending = 0
    for s in (x.strip() for x in body):
        if not s:
            kinds.append("blank")
        elif SEPARATOR.match(s):
            in_notes, note_open, pending = True, False, 0
            kinds.append("furniture")
        elif is_plain_furniture(s) or SPONSOR_NOTE.match(s):
            in_notes = False
            kinds.append("furniture")
        elif in_notes and (re.match(r"^\d{1,3}/?(?:\s+\S|$)", s) or note_open or pending):
            if re.match(r"^\d{1,3}/?$", s):
                pending += 1  # a marker on a line of its own: its text follows the other markers
            elif re.search(r"[.。]$", s) and pending:
                pending -= 1
            note_open = not re.search(r"[.。]$", s)
            kinds.append("note")
        else:
            in_notes = False
            kinds.append("content")
    notes = _notes(body, kinds)

    content = [k for k, kind in enumerate(kinds) if kind == "content"]
    order: list[int] = []
    starts: set[int] = set()
    joined_op: set[int] = set()  # "2." on its own line, joined to the line of its text
    prev_end, op_seen = True, False
    wide = any(re.search(f"[{L.HAN_SPAN}]", s) for s in body)
    quotes = 0
    i = 0
    while i < len(content):
        k = content[i]
        s = body[k].strip()
        if _OP_ALONE.match(s) and i + 1 < len(content):
            # "2." on a line of its own: its text follows, perhaps after a scrambled fragment
            op_seen = True
            j = _scrambled_opener(body, content, i + 1, op_seen, capital_only=True)
            if j is not None:
                content.insert(i + 1, content.pop(j))
            starts.add(k)
            joined_op.add(k)
            order += [k, content[i + 1]]
            prev_end = bool(PARAGRAPH_END.search(body[content[i + 1]]))
            i += 2
            continue
        if (_is_opener(s, op_seen, prev_end, wide) and (quotes <= 0 or OP_NUMBER.match(s))) or not order:
            op_seen = op_seen or bool(OP_NUMBER.match(s))
            starts.add(k)
            quotes = 0
        elif prev_end and quotes <= 0:
            j = _scrambled_opener(body, content, i, op_seen)
            if j is not None:
                content.insert(i, content.pop(j))
                continue
        order.append(k)
        # a stray box of a scrambled line after a paragraph's end ("the 2030 Agenda") keeps it ended
        prev_end = bool(PARAGRAPH_END.search(s)) or (prev_end and _short(s) and _alone(body, k))
        quotes += s.count("“") - s.count("”")  # a quoted title may hold a comma and a capital word
        i += 1

    # Emit: content in its (mended) order at the places content stood; furniture and notes in place.
    out: list[tuple[int, str]] = []
    it = iter(order)
    skip = False
    for k, kind in enumerate(kinds):
        if kind == "content":
            if skip:
                skip = False
                continue
            c = next(it)
            s = body[c].strip()
            if c in joined_op:
                nxt = next(it)
                out.append((c, f" {s} {body[nxt].strip()}"))
                skip = True
            else:
                out.append((c, (" " + s) if c in starts else s))
        elif kind == "note":
            if k in notes:
                out.append((k, notes[k]))
        elif kind == "furniture":
            out.append((k, body[k].strip()))
    return out


def _scrambled_opener(body: list[str], content: list[int], i: int, op_seen: bool,
                      capital_only: bool = False) -> int | None:
    """Index in `content` of a line within the next few that opens a paragraph, where every line
    before it is a short fragment of its own (pdfminer's boxes of one justified line)."""
    for j in range(i, min(i + 7, len(content))):
        s = body[content[j]].strip()
        if j > i and capital_only and s[:1].isupper():
            return j
        if j > i and not capital_only and _is_opener(s, op_seen):
            return j if len(s.split()) <= 4 and _alone(body, content[j]) else None
        if not _short(s) and not (capital_only and j == i and s[:1].islower()):
            return None
        if not capital_only and not _alone(body, content[j]):
            return None
    return None


def _alone(body: list[str], k: int) -> bool:
    return (k == 0 or not body[k - 1].strip()) and (k + 1 >= len(body) or not body[k + 1].strip())


def _notes(body: list[str], kinds: list[str]) -> dict[int, str]:
    """Footnote lines as the parser reads them ("1 text"); markers that stand on lines of their own
    before their texts (1990s layout: '1/', '2/', then the two texts) are paired with them."""
    out: dict[int, str] = {}
    k = 0
    while k < len(kinds):
        if kinds[k] != "note":
            k += 1
            continue
        end = next((j for j in range(k, len(kinds)) if kinds[j] not in ("note", "blank")), len(kinds))
        run = [j for j in range(k, end) if kinds[j] == "note"]
        alone = [j for j in run if re.match(r"^\d{1,3}/?$", body[j].strip())]
        rest = [j for j in run if j not in alone]
        if alone and len(rest) >= len(alone) and run[: len(alone)] == alone:
            for a, t in zip(alone, rest, strict=False):
                out[a] = f"{body[a].strip()} {body[t].strip()}"
            for t in rest[len(alone):]:
                out[t] = body[t].strip()
        else:
            for j in run:
                out[j] = body[j].strip()
        k = end
    return out
