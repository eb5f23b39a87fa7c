"""Text of a resolution (as a PDF extractor gives it) -> Document."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from functools import lru_cache, partial
from itertools import chain

from . import lang as L
from .blocks import FOOTNOTE, FURNITURE, SEPARATOR, UNKNOWN, Line
from .errors import NotAResolution
from .layout import (
    BARCODE,
    JOB,
    OP_NUMBER,
    SPONSOR_NOTE,
    SUB_LETTER,
    SYMBOL_LINE,
    is_plain_furniture,
    may_be_numbered,
    may_open_furniture,
    read_text,
)
from .markdown_reader import is_markdown
from .model import (
    ANNEX,
    OPERATIVE,
    PREAMBULAR,
    Document,
    Footnote,
    Metadata,
    Paragraph,
    ParseWarning,
    unique_id,
)
from .normalize import is_wide, join_lines, line_ends, spaces_digits
from .selfcheck import self_check

_SYMBOL = re.compile(rf"\b{L.RES_SYMBOL}")
_RES_SESSION = L.lazy_pattern(L.RES_SESSION)
_TAG = re.compile(r"</?[ib]>")
_COLONS, _SQUARE_OPENERS = tuple(L.COLONS), tuple(L.SQUARE_OPENERS)
_COLON = re.compile(rf"[{L.COLONS}]")
_SUPERSCRIPT = L.lazy_pattern(f"[{L.SUPERSCRIPTS}]")
_COLON_NEAR_END = re.compile(rf"[{L.COLONS}]\s*\S{{0,3}}$")  # a colon, then at most a footnote marker
# the formulas that frame a resolution are lang's (ADOPTION, DRAFT, SESSION, AGENDA, ANNEX_HEADING, …)
_TITLE = re.compile(rf"^{L.TITLE_NUMBER}\s*(?:[{L.NUMBER_POINTS}]|\s[-–]\s)\s*(\S.*)?$")  # Arabic: "75/62 - …"
_REPORT = re.compile(rf"\(({L.REPORT_SYMBOL})")

# --- paragraph numbering ----------------------------------------------------------

# Words and abbreviations after which a number is content ("article 4", "No. 3"), never a marker
_NUMBERING_WORDS = {w for words in L.NUMBERING_WORDS.values() for w in words}
_ABBREVIATION_BEFORE = L.lazy_pattern(rf"(?:{'|'.join(L.NUMBERING_ABBREVIATIONS)})\.\s+$")
_GLUED_AFTER = tuple(f"{a}." for a in L.GLUED_ABBREVIATIONS)  # "No.3": a number glued to these is content
# After these a marker may follow a space (PDF extraction spaces a superscript after Chinese punctuation).
_SPACED_MARKER_AFTER = set(L.MARKER_SPACED_AFTER)


class _Raw:
    __slots__ = ("lines", "line", "page", "adopting")

    def __init__(self, lines: list[str], line: int = 0, page: int | None = None, adopting: bool = False) -> None:
        self.lines = lines
        self.line = line
        self.page = page
        self.adopting = adopting  # adopts the text printed after it: operative, numbered or not


def parse_text(text: str, *, source: str = "<text>", language: str | None = None,
               source_kind: str | None = None) -> Document:
    """Parse the text of one resolution, as any extractor or pipeline wrote it, into a Document
    (`source_kind` "markdown", "html" or "text" where the caller knows it; else Markdown is told)."""
    from .normalize import collection_paused

    text = line_ends(text).lstrip("\ufeff")
    kind = source_kind or ("markdown" if is_markdown(text) else "text")
    with collection_paused():  # reading the lines too; the parse below pauses it once more, which costs nothing
        return parse_lines(read_text(text, markdown=kind == "markdown"), text=text.replace("\x0c", "\n"),
                           source=source, language=language, source_kind=kind)


def parse_lines(typed: list[Line], *, text: str, source: str = "<text>", language: str | None = None,
                source_kind: str = "text", said: tuple[ParseWarning, ...] = ()) -> Document:
    """The one structure recogniser: typed lines from any reader -> a Document. `text` is the whole text
    as read (for the language, the document's own vocabulary and its size); `said`, what the reader
    left out or replaced, joins the self-checks' warnings."""
    from .normalize import collection_paused

    with collection_paused():
        return _parse_lines(typed, text=text, source=source, language=language, source_kind=source_kind,
                            said=said)


def _parse_lines(typed: list[Line], *, text: str, source: str, language: str | None, source_kind: str,
                 said: tuple[ParseWarning, ...]) -> Document:
    tags: list[str] = []
    lines = [x if "<" not in x.text else _untagged(x, tags) for x in typed]
    lines = [x for x in lines if x.text.strip() or x.role == FOOTNOTE]
    lang = language or _language(text, lines)

    opening, meta = _head(lines, source)
    title = meta["title"]
    other = [x.text.strip() for x in lines[: opening + 1]] + tags
    body = lines[opening + 1 :]
    body, annexes = _split_annexes(body)
    masthead_adopted = meta.get("adopted") is not None and meta.get("distributed") is not None
    body, closing, closing_lines, after = _split_closing(body)
    if closing.get("adopted") and meta.get("adopted") is None and not meta.get("draft"):
        meta["adopted"] = closing["adopted"]
    meta["meeting"] = closing.get("meeting")
    meta.pop("draft", None)
    furniture = _furniture_test(meta.get("symbol"), title)
    raws, notes, dropped, slash = _split_body(body, furniture)
    other += dropped + closing_lines
    after = [x.text.strip() for k, x in enumerate(after) if not furniture(x.text.strip(), after, k)]
    other += after
    join = _joiner(text, lang)
    raws, adopted = _split_adopted(raws, join)
    paragraphs = _paragraphs(raws, join)
    if adopted:
        paragraphs += _paragraphs(adopted, join, annex="")
    for heading, label, annex_lines in annexes:
        other.append(heading)
        a_raws, a_notes, a_dropped, a_slash = _split_body(annex_lines, furniture)
        paragraphs += _paragraphs(a_raws, join, annex=label)
        notes += a_notes
        other += a_dropped
        slash = slash or a_slash
    footnotes = tuple(
        Footnote(marker=m, text=join(ls), line=n, page=pg)
        for m, ls, n, pg in notes
    )
    markers = [f.marker for f in footnotes] or _glued_markers(paragraphs, lang)
    # "77/228" cited on its own: evidence for "77/2285" (read only where a marker may be glued to a number)
    numbers = Counter(_CITED_NUMBER.findall(text)) if markers and lang not in L.MARKERS_NOT_GLUED else Counter()
    paragraphs = _attach_markers(paragraphs, markers, lang, slash=slash, numbers=numbers)
    if not paragraphs:
        raise NotAResolution("no preambular or operative paragraph found", source=source)

    if meta.get("session") is None and meta.get("symbol"):
        m = _RES_SESSION.match(meta["symbol"])
        meta["session"] = int(m.group(1)) if m and m.group(1) else None
    metadata = Metadata(language=lang, **meta)
    return Document(metadata=metadata, paragraphs=tuple(paragraphs), footnotes=footnotes, source=source,
                    other=tuple(other), source_kind=source_kind,
                    warnings=said + self_check(paragraphs, list(footnotes), metadata, size=len(text),
                                               closing_found=bool(closing), after_closing=after,
                                               masthead=masthead_adopted))


def _head(lines: list[Line], source: str) -> tuple[int, dict]:
    """Where the resolution opens ("The General Assembly,", or its title line), and the masthead's
    metadata with the title; NotAResolution where neither is found, or where several resolutions open."""
    openings = [i for i, x in enumerate(lines) if x.role == UNKNOWN and L.OPENING.match(x.text.strip())]
    opening = openings[0] if openings else None
    title_at = next((i for i, x in enumerate(lines[: opening if opening is not None else len(lines)])
                     if _TITLE.match(x.text.strip())), None)
    if opening is None and title_at is None:
        raise NotAResolution("no resolution found: neither a title line such as '75/62. …' nor the opening "
                             "'The General Assembly,'", source=source)
    if len(openings) > 1:
        titles = [m.group(1) + "/" + m.group(2) for x in lines if (m := _TITLE.match(x.text.strip()))]
        which = f" ({', '.join(titles)})" if len(titles) > 1 else ""
        raise NotAResolution(f"the text holds {len(openings)} resolutions{which}, each opening with "
                             "'The General Assembly,'; give one resolution a file", source=source)
    if opening is None:
        opening = title_at
    meta = _metadata(lines[: title_at if title_at is not None else opening])
    title = meta.pop("title", None)
    if title_at is not None:
        m = _TITLE.match(lines[title_at].text.strip())
        title_lines = [m.group(3) or ""] + [x.text for x in lines[title_at + 1 : opening] if x.role == UNKNOWN]
        title = join_lines(title_lines) or None
        if meta.get("symbol") is None:
            meta["symbol"] = f"A/RES/{m.group(1)}/{m.group(2)}"
    meta["title"] = title
    return opening, meta


def _joiner(text: str, lang: str) -> Callable[[list[str]], str]:
    """How the lines of a paragraph are joined in this document: its script's spacing, its own words
    (hyphenated compounds it writes elsewhere), its language's compounds, hyphens an extractor dropped."""
    wide_spacing = lang == "zh" and spaces_digits(text)
    vocabulary = _Vocabulary(text)
    return partial(_join_and_mend, mend=_rehyphenation(text, lang, vocabulary),
                   join=partial(join_lines, wide_spacing=wide_spacing, vocabulary=vocabulary,
                                compounds=L.compound_first_words(lang), suspending=L.suspending_words(lang)))


def _vocabulary(text: str, size: int = 1 << 16) -> frozenset[str]:
    """The words as the document writes them, hyphenated compounds included, minus those broken at a line
    end. Read in pieces of `size` characters, each ending after a line break (no word, nor the look past
    its end for a line end, reads across one): the list of every word of a 100,000-paragraph text is
    never made whole."""
    word = re.compile(_VOCABULARY_WORD, re.MULTILINE)

    def pieces():
        start = 0
        while start < len(text):
            end = text.find("\n", start + size)
            end = len(text) if end < 0 else end + 1
            yield word.findall(text, start, end)
            start = end

    return frozenset(chain.from_iterable(pieces()))


_VOCABULARY_WORD = r"[^\W\d_]+(?:-[^\W\d_]+)*(?![-\u00ad]\s*$)"  # a word, compounds whole, not broken at a line end


class _Vocabulary:
    """_vocabulary(text), read from the text when first asked for: a text that never breaks a line at a
    hyphen before a lower-case letter and writes no hyphenated compound (a Chinese text) never needs it."""

    def __init__(self, text: str):
        self._text, self._words, self._hyphenated = text, None, None

    def __contains__(self, word: str) -> bool:
        return word in self.words()

    def words(self) -> frozenset[str]:
        if self._words is None:
            self._words = _vocabulary(self._text)
        return self._words

    def compounds(self) -> list[str]:
        """The words written with a hyphen, in the vocabulary's order."""
        if self._words is None and not _has_compound(self._text):
            return []
        return [h for h in self.words() if "-" in h]

    def read(self) -> bool:
        return self._words is not None

    def hyphenated(self) -> set[str]:
        """The words written with a hyphen, as a set: the vocabulary is not read for them."""
        if self._hyphenated is None:
            self._hyphenated = (set(_hyphenated_words(self._text)) if self._words is None
                                else {h for h in self._words if "-" in h})
        return self._hyphenated


def _has_compound(text: str) -> bool:
    """Whether a word of _vocabulary(text) holds a hyphen."""
    return next(_hyphenated_words(text), None) is not None


def _hyphenated_words(text: str):
    """The words of _vocabulary(text) that hold a hyphen, read on the lines that hold one: no word, nor the
    look past its end for a line end, reads across a line break."""
    word = re.compile(_VOCABULARY_WORD, re.MULTILINE)
    at = text.find("-")
    while at >= 0:
        end = text.find("\n", at)
        end = len(text) if end < 0 else end
        yield from (w for w in word.findall(text, text.rfind("\n", 0, at) + 1, end) if "-" in w)
        at = text.find("-", end)


def _split_annexes(body: list[Line]) -> tuple[list[Line], list[tuple[str, str, list[Line]]]]:
    """A resolution may adopt an annexed declaration or programme of action: after the closing, an
    'Annex' heading, then the annex's own (numbered) paragraphs. Each annex is read apart."""
    starts = []
    op_seen = False
    for k, x in enumerate(body):
        if x.role != UNKNOWN:
            continue
        s = x.text.strip()
        op_seen = op_seen or (may_be_numbered(s) and bool(OP_NUMBER.match(s)))
        if op_seen and L.ANNEX_HEADING.match(s):
            starts.append(k)
    if not starts:
        return body, []
    annexes = []
    for a, b in zip(starts, starts[1:] + [len(body)], strict=True):
        heading = body[a].text.strip()
        label = L.ANNEX_HEADING.match(heading).group(1) or ""
        annexes.append((heading, label, body[a + 1 : b]))
    return body[: starts[0]], annexes


def _untagged(x: Line, tags: list[str]) -> Line:
    """Web text may keep its <i> and <b> tags; they are kept aside, not read as text."""
    if "<" not in x.text:
        return x
    tags.extend(_TAG.findall(x.text))
    return Line(_TAG.sub("", x.text), x.line, x.page, starts=x.starts, role=x.role, marker=x.marker)


def _language(text: str, lines: list[Line]) -> str:
    for x in lines[:40]:
        m = JOB.match(x.text.strip())
        if m and m.group(1) in L.JOB_LETTERS:
            return L.JOB_LETTERS[m.group(1)]
    return L.detect_language(text) or "en"


# The masthead lines read by their form, in this order: the first line of each kind gives the field; page
# furniture (None) is passed over.
_MASTHEAD = (
    ("symbol", lambda s: _SYMBOL.search(s) or SYMBOL_LINE.match(s), lambda m: m.group(0)),
    (None, lambda s: JOB.match(s) or BARCODE.match(s) or (L.DISTRIBUTION.match(s) and not L.find_date(s)), None),
    ("session", lambda s: L.SESSION.match(s), L.session_number),  # (lambdas: the patterns compile on first use)
    ("agenda_item", lambda s: L.AGENDA.match(s), lambda m: m.group("item").strip()),
)


def _masthead_pieces(s: str) -> list[str]:
    """A masthead line that a pipeline ran together ("Seventy-third session Agenda item 30", "Distr.:
    General 31 October 2018") as the lines the page had."""
    m = L.AGENDA_WITHIN.search(s)
    if m and m.start() > 0:
        return [s[: m.start()].strip(), s[m.start():].strip()]
    return [s]


def _metadata(header: list[Line]) -> dict:
    meta: dict = {}
    adoption_at = None
    # the masthead as printed: a symbol or job line is furniture too; front matter and the like never decide
    header = [x for x in header if x.role == UNKNOWN or (x.role == FURNITURE and is_plain_furniture(x.text))]
    texts = [p for x in header for p in _masthead_pieces(x.text.strip())]
    draft_at = next((i for i, s in enumerate(texts) if L.DRAFT.search(s)), None)
    if draft_at is not None:
        meta["draft"] = True
        title = join_lines(texts[draft_at + 1:])
        if title:
            meta["title"] = title
    for i, s in enumerate(texts):
        if draft_at is not None and i > draft_at:
            break
        hit = next(((name, read, m) for name, form, read in _MASTHEAD if name not in meta and (m := form(s))), None)
        if hit:
            name, read, m = hit
            if name:
                meta[name] = read(m)
            continue
        if s.startswith(_SQUARE_OPENERS):
            r = _REPORT.search(s)
            if r:
                meta["report"] = r.group(1)
            p = L.REPORT_PARAGRAPH.search(s)
            if p:
                meta["report_paragraph"] = p.group(1) or p.group(2)
            continue
        date = L.find_date(s)
        if L.ADOPTION.search(s):
            adoption_at = i
            if date:
                meta["adopted"] = date
            continue
        if date and adoption_at == i - 1 and "adopted" not in meta:
            meta["adopted"] = date  # "Resolution adopted by the General Assembly on" / "26 October 2018"
            continue
        if date and len(s) < 40 and adoption_at is None and "agenda_item" not in meta:
            meta.setdefault("distributed", date)
            continue
    if draft_at is not None:
        meta["sponsors"] = join_lines(texts[_sponsors_start(texts, draft_at):draft_at + 1])
    if "symbol" not in meta:
        meta.update(_symbol_beside(texts))
    return meta


_SYMBOL_AT_END = L.lazy_pattern(rf"\s({L.UN_SYMBOL})$")
_SYMBOL_TAIL = L.lazy_pattern(rf"(?:^|\s)(/(?:RES/)?{L.AFTER_SYMBOL_ORGAN})$")


def _symbol_beside(texts: list[str]) -> dict:
    """The symbol set beside the organ's name on one line ("United Nations  A/ES-11/L.7"), or with its
    large first letter on a line of its own ("A" … "United Nations /ES-11/L.7", as pdfplumber reads it)."""
    for s in texts:
        if s.startswith(("[", "(")):
            continue
        m = _SYMBOL_AT_END.search(s)
        if m:
            return {"symbol": m.group(1)}
    organ = next((s for s in texts if s in ("A", "S", "E")), None)
    for s in texts:
        m = _SYMBOL_TAIL.search(s) if organ else None
        if m:
            return {"symbol": organ + m.group(1)}
    return {}


def _sponsors_start(texts: list[str], draft_at: int) -> int:
    """First line of a draft's list of sponsors, which ends in ':* draft resolution': going back while
    the list goes on (a line ending with a comma or 'and', or a line that continues in lower case)."""
    k = draft_at
    while k > 0:
        prev, cur = texts[k - 1], texts[k]
        if prev.endswith((",", *(f" {w}" for w in L.LIST_AND.values()))) or cur[:1].islower():
            k -= 1
        else:
            break
    return k


def _split_closing(body: list[Line]) -> tuple[list[Line], dict, list[str], list[Line]]:
    """The closing after the last operative paragraph: the plenary meeting and the date, in either
    order (Chinese puts the date first; English, French, Spanish, Russian and Arabic the meeting), on
    two lines or, as a pipeline may run them together, on one."""
    # last lines, or just before a footnote block that a DOCX or HTML export puts at the end
    texts = [k for k in range(len(body)) if body[k].role == UNKNOWN]
    for pos in range(len(texts) - 1, max(len(texts) - 16, -1), -1):
        k = texts[pos]
        line = body[k].text.strip()
        run_together = None
        m = L.MEETING_LINE.match(line) or (run_together := L.MEETING_AND_DATE.match(line))
        if m:
            out: dict = {"meeting": int(next(g for g in m.groups()[:3] if g))}
            first = last = k
            if run_together:
                out["adopted"] = L.find_date(line)
            else:
                nxt = texts[pos + 1] if pos + 1 < len(texts) else None
                prv = texts[pos - 1] if pos > 0 else None
                if nxt is not None and _is_closing_date(body[nxt].text):
                    last = nxt
                elif prv is not None and _is_closing_date(body[prv].text):
                    first = prv
                if first != last:
                    out["adopted"] = L.find_date(body[first if first != k else last].text)
            closing = sorted({first, k, last})
            rest = [body[j] for j in range(first, last + 1) if j not in closing]
            after = [x for x in body[last + 1 :] if x.role == UNKNOWN]
            kept = [x for x in body[last + 1 :] if x.role != UNKNOWN]
            return body[:first] + rest + kept, out, [body[j].text.strip() for j in closing], after
    return body, {}, [], []


def _is_closing_date(line: str) -> bool:
    return bool(L.find_date(line)) and len(line.strip()) < 40


def _furniture_test(symbol: str | None, title: str | None):
    """Page furniture: job numbers, barcodes, link targets, page numbers, running headers. A line that is
    just the title is a running header only next to other furniture (a body line may wrap to the title)."""
    headers = set()
    if symbol:
        headers.add(symbol)
        if title:
            headers |= {(symbol + title).replace(" ", ""), (title + symbol).replace(" ", "")}
    title_only = title.replace(" ", "") if title else None

    firsts = {h[:1] for h in headers}  # what a line that is a header opens with (a stripped line: no space)
    # What a line that is furniture may open with besides what layout's plain furniture may: a header's
    # first character, a sponsor note's star, the title's; a space, after which the first character of the
    # line without spaces is another. Any other line is no furniture (most lines of a text).
    opens = firsts | {"*", " "} | ({title_only[:1]} if title_only is not None else set())
    may_open: dict[str, bool] = {}  # by first character: a handful of them in any text

    def plain(s: str) -> bool:
        return bool(is_plain_furniture(s) or (s[:1] == "*" and SPONSOR_NOTE.match(s))
                    or (s[:1] in firsts and s.replace(" ", "") in headers))

    def is_furniture(s: str, lines: list[Line], k: int) -> bool:
        """Whether `s`, the text of lines[k], is furniture (its neighbours read only when it is the title)."""
        head = s[:1]
        may = may_open.get(head)
        if may is None:
            may = may_open[head] = head in opens or may_open_furniture(head)
        if not may:
            return False
        if plain(s):
            return True
        if s.replace(" ", "") != title_only:
            return False
        before = lines[k - 1].text.strip() if k else ""
        after = lines[k + 1].text.strip() if k + 1 < len(lines) else ""
        return plain(before) or plain(after)

    return is_furniture


def _split_body(body: list[Line], is_furniture):
    """Body lines -> raw paragraphs and footnotes; footnote blocks may interrupt a paragraph. The
    readers have told footnotes, furniture and rules apart; what they left unknown is paragraph text,
    unless it is a running head (the title, the symbol) that only the masthead reveals."""
    raws: list[_Raw] = []
    notes: list[tuple[str, list[str], int, int | None]] = []
    dropped: list[str] = []
    slash = False  # the 1990s layout's "1/" markers
    for k, x in enumerate(body):
        s = x.text.strip()
        if x.role in (SEPARATOR, FURNITURE):
            dropped.append(s)
            continue
        if x.role == FOOTNOTE:
            if x.marker is not None:
                slash = slash or x.marker.endswith("/")
                notes.append((str(int(x.marker.rstrip("/"))), [s] if s else [], x.line, x.page))
            elif notes:
                notes[-1][1].append(s)
            else:
                dropped.append(s)
            continue
        if is_furniture(s, body, k):  # a link target among them
            dropped.append(s)
            continue
        if x.starts or not raws:
            raws.append(_Raw([s], x.line, x.page))
        else:
            raws[-1].lines.append(s)
    return raws, notes, dropped, slash


def _join_and_mend(lines: list[str], *, join: Callable[[list[str]], str], mend: dict[str, str]) -> str:
    text = join(lines)
    # a word is mended only where a word of `mend` stands in the text: a few searches for them cost less
    # than a call back for each long word of every paragraph
    if not mend or (len(mend) <= 32 and not any(w in text for w in mend)):
        return text
    return _WORD.sub(lambda m: mend.get(m.group(0), m.group(0)), text)


_WORD = L.lazy_pattern(r"(?<![\w-])[^\W\d_]{6,}(?![\w-])")


def _rehyphenation(text: str, lang: str, vocabulary: _Vocabulary) -> dict[str, str]:
    """Hyphens an extractor dropped at a line end ("SecretaryGeneral", "twentyfirst"), put back where
    the evidence is plain: a numeral the language always hyphenates, or a compound the document writes
    with its hyphen elsewhere while the joined form stands nowhere else."""
    numerals = L.hyphenated_numerals(lang)
    if numerals and _BROKEN_WORD.search(text):
        vocabulary.words()  # the paragraphs' lines joined will read it (a word broken at a line end): read now
    if not numerals and not vocabulary.hyphenated():  # (the compounds the document writes with their hyphens)
        return {}  # nothing to put back (a Chinese text): its words are not counted
    # A word _WORD finds is a word of the vocabulary too, unless a soft hyphen ends its line: where no
    # numeral and no compound's joined form is one, none is counted and the words are not counted. A word
    # of the vocabulary stands in the text: where it is not read yet, it is read only for one that does.
    standing = partial(_standing_in, text) if not vocabulary.read() else lambda words: words
    if "\u00ad" not in text and not any(w in vocabulary for w in standing(numerals)) and not any(
            j in vocabulary for j in standing({h.replace("-", "") for h in vocabulary.hyphenated()})):
        return {}
    compounds = vocabulary.compounds()  # (in the vocabulary's order: the last of two alike joined is kept)
    words = Counter(_WORD.findall(text))
    mend = {w: h for w, h in numerals.items() if words[w]}
    for h in compounds:
        if words[joined := h.replace("-", "")] == 1:
            mend[joined] = h
    return mend


def _standing_in(text: str, words):
    """The `words` that stand in `text`, those opening alike looked for by their opening first (a numeral's
    tens: "twenty", "trente"); all of them where they open in many ways (each opening a search of the text)."""
    by_opening: dict[str, list[str]] = {}
    for w in words:
        by_opening.setdefault(w[:5], []).append(w)
    if len(by_opening) > 16:
        return words
    return (w for opening, alike in by_opening.items() if opening in text for w in alike if w in text)


_BROKEN_WORD = L.lazy_pattern(r"[-\u00ad]\n\s*[a-z]")  # a line that ends in a hyphen, the next in lower case


def _split_adopted(raws: list[_Raw], join: Callable[[list[str]], str]) -> tuple[list[_Raw], list[_Raw]]:
    """A text adopted inline ("Adopts the following political declaration:" and the declaration itself,
    with no 'Annex' heading): the adopting paragraph is operative, the adopted text (its title, chapeau
    and numbered paragraphs) is annexed. Where the adopting paragraph is numbered n and the resolution's
    own numbering resumes with n + 1 after the adopted text, the operative part resumes there."""
    for i, r in enumerate(raws):
        for j in range(len(r.lines)):
            if not _COLON.search(r.lines[j]) or (  # a line with no colon neither ends with one nor has one near its end
                    not r.lines[j].rstrip().endswith(_COLONS) and not _COLON_NEAR_END.search(r.lines[j])):
                continue
            head = join(r.lines[: j + 1])
            number = OP_NUMBER.match(head)
            if not L.ADOPTS_FOLLOWING.match(head[number.end():] if number else head):
                continue
            tail = ([_Raw(r.lines[j + 1:], r.line, r.page)] if r.lines[j + 1:] else []) + raws[i + 1:]
            if not tail or SUB_LETTER.match(tail[0].lines[0]):
                return raws, []  # its own lettered sub-paragraphs follow: what it adopts is in it, not after it
            end = len(tail)
            if number:
                resume = int(number.group(1)) + 1
                seen = 0  # the adopted text's own numbering
                for k, t in enumerate(tail):
                    m = OP_NUMBER.match(t.lines[0])
                    if m and int(m.group(1)) == resume and seen + 1 != resume:  # not the adopted text's own
                        end = k
                        break
                    if m:
                        seen = int(m.group(1))
            adopting = _Raw(r.lines[: j + 1], r.line, r.page, adopting=True)
            return raws[:i] + [adopting] + tail[end:], tail[:end]
    return raws, []


def _paragraphs(raws: list[_Raw], join: Callable[[list[str]], str],
                annex: str | None = None) -> list[Paragraph]:
    """Raw paragraphs -> PP1…, OP1, OP1(a)…; in an annex (label "" or "II"), AN.1, AN.1(a), and AN.u1
    for its unnumbered paragraphs (title, headings, an unnumbered text), ANII.1 in annex II."""
    if annex is not None:
        return _annex_paragraphs(raws, join, f"AN{annex}.")
    out: list[Paragraph] = []
    pp = 0
    op_number: str | None = None
    sub_letter: str | None = None
    seen: set[str] = set()  # where the text numbers two paragraphs alike (a numbering error): OP3, OP3#2 …

    def add(pid: str, **kw) -> None:
        out.append(Paragraph(id=unique_id(pid, seen, "#"), **kw))

    for r in raws:
        text = join(r.lines)
        numbered = may_be_numbered(text)
        m = numbered and OP_NUMBER.match(text)
        if m:
            op_number, sub_letter = m.group(1), None
            add(f"OP{op_number}", kind=OPERATIVE, number=op_number, text=text[m.end():], line=r.line, page=r.page,
                prefix=m.group(0))
            continue
        m = numbered and SUB_LETTER.match(text)
        if m and op_number is not None:
            letter = m.group(1)
            # (i), (ii) … inside a lettered sub-paragraph are its own sub-items, unless the label is
            # simply the next letter: (i) after (h), (v) after (u), (x) after (w)
            roman = (sub_letter is not None and re.fullmatch(r"[ivx]+", letter) is not None
                     and letter != chr(ord(sub_letter[-1]) + 1))
            if roman:
                pid = f"OP{op_number}({sub_letter})({letter})"
                add(pid, kind=OPERATIVE, number=op_number, letter=f"{sub_letter}({letter})",
                    text=text[m.end():], line=r.line, page=r.page, prefix=m.group(0))
            else:
                sub_letter = letter
                add(f"OP{op_number}({letter})", kind=OPERATIVE, number=op_number, letter=letter,
                    text=text[m.end():], line=r.line, page=r.page, prefix=m.group(0))
            continue
        if r.adopting:  # an unnumbered paragraph that adopts the text printed after it
            ops = sum(p.kind == OPERATIVE and p.letter is None for p in out)
            add(f"OP{ops + 1}", kind=OPERATIVE, text=text, line=r.line, page=r.page)
            op_number, sub_letter = str(ops + 1), None
            continue
        if op_number is None:
            pp += 1
            add(f"PP{pp}", kind=PREAMBULAR, text=text, line=r.line, page=r.page)
        else:
            # An unnumbered block after the operative part continues the paragraph before it.
            joined = join([out[-1].text, text])
            out[-1] = out[-1].replace(text=joined)
    return out


def _annex_paragraphs(raws: list[_Raw], join: Callable[[list[str]], str], prefix: str) -> list[Paragraph]:
    out: list[Paragraph] = []
    seen: set[str] = set()
    number: str | None = None
    unnumbered = 0
    for r in raws:
        text = join(r.lines)
        numbered = may_be_numbered(text)
        m = numbered and OP_NUMBER.match(text)
        sub = numbered and SUB_LETTER.match(text)
        if m:
            number = m.group(1)
            pid, letter = f"{prefix}{number}", None
        elif sub and number is not None:
            pid, letter = f"{prefix}{number}({sub.group(1)})", sub.group(1)
            m = sub
        else:
            unnumbered += 1
            pid, letter = f"{prefix}u{unnumbered}", None
        out.append(Paragraph(id=unique_id(pid, seen, "#"), kind=ANNEX, text=text[m.end():] if m else text,
                             line=r.line, page=r.page, number=number if m else None, letter=letter,
                             prefix=m.group(0) if m else ""))
    return out


def _glued_markers(paragraphs: list[Paragraph], lang: str) -> list[str]:
    """Where the footnote bodies were stripped (a library's text export), the markers still stand in the
    text glued to a word or its punctuation ("Action,1", "Declaration7"): numbers so glued that count
    1, 2, 3 … in reading order are taken for them."""
    if lang in L.MARKERS_NOT_GLUED:
        return []
    expected = 1
    for p in paragraphs:
        for m in re.finditer(r"(?<=[^\W\d_]|[,;.:”’)])(\d{1,3})(?![\w/]|[.,]\d)", p.text):
            if int(m.group(1)) == expected and not p.text[: m.start()].endswith(_GLUED_AFTER):
                expected += 1
    return [str(k) for k in range(1, expected)] if expected > 2 else []


def _attach_markers(paragraphs: list[Paragraph], markers: list[str], lang: str, *,
                    slash: bool = False, numbers: Counter | None = None) -> list[Paragraph]:
    """Move footnote markers (bare numbers left by superscripts) from the text to `footnotes`.

    Markers are numbered in reading order, so the next one expected is looked for; the two after it
    too, so that one marker lost in a text does not stop the later ones being found. A superscript
    digit (¹, ², as a PDF's geometry gives a raised 6.5 pt digit) is always a marker; in the 1990s
    layout (``slash``) markers are written "1/".
    """
    out = []
    k = 0
    # Every form _find_marker takes a marker in (superscript, full-width or ASCII digits, each one
    # character) read as ASCII digits: where the marker does not stand in that reading at or after `pos`,
    # it is not in the text, and its patterns are not tried (most paragraphs hold no marker).
    as_ascii = {**L.FROM_SUPERSCRIPT, **{ord(L.digit_forms(d)[1]): d for d in "0123456789"}}
    other_digit = re.compile(f"[{re.escape(''.join(map(chr, as_ascii)))}]")  # searched first: translating costs more
    plain = all(m.isascii() and m.isdigit() for m in markers)
    for p in paragraphs:
        text, cited, marks = p.text, [], []
        pos = 0
        while k < len(markers):
            digits = text if text.isascii() or not other_digit.search(text) else text.translate(as_ascii)
            hits = [(hit, j) for j in range(k, min(k + 3, len(markers)))
                    if (not plain or digits.find(markers[j], pos) >= 0)
                    and (hit := _find_marker(text, markers[j], pos, lang, slash, numbers)) is not None]
            if not hits:
                break
            (start, end), j = min(hits)
            text = text[:start] + text[end:]
            pos = start
            cited.append(markers[j])
            marks.append(start)
            k = j + 1
        text, cited, marks = _repeated_markers(text, cited, marks, markers[:k], lang, slash)
        out.append(p.replace(text=text, footnotes=tuple(cited), marks=tuple(marks)) if cited else p)
    return out


@lru_cache(maxsize=64)
def _repeated_forms(seen: tuple[str, ...], slash: bool, glued: bool) -> tuple[re.Pattern, re.Pattern | None]:
    """_repeated_markers' pattern for the markers seen (made once for each run of them), and where its
    matches start when they are runs of digits (None where it is an alternation of the markers)."""
    if all(m.isascii() and m.isdigit() for m in seen):
        # a whole run of digits, kept below only where it is a marker seen: what the alternation of the
        # markers finds (each stands between non-digits), without trying every marker at every position
        alt = "[0-9]+"
    else:
        alt = "|".join(sorted({re.escape(m) for m in seen}, key=len, reverse=True))
    sup = "".join(sorted({d.translate(L.TO_SUPERSCRIPT) for m in seen for d in m}))
    forms = [rf"\s?[{sup}]+"]
    if slash:  # the document writes its markers "2/": a bare number is never one
        forms.append(rf"\s?{_SLASH_BEFORE}(?:{alt})/{_SLASH_AFTER}")
    elif glued:
        forms.append(rf"(?<=[a-z][,;]|[a-z]{{2}})(?:{alt})(?=[\s,;.:]|$)")
        forms.append(rf"(?<=[a-z],) (?:{alt})(?= [a-z])")  # "the Court, 1 and calls upon"
        forms.append(rf"(?<=\w,)(?:{alt})$")  # "… priorities of UNISPACE+50,1" ending a paragraph
    return re.compile("|".join(forms)), (_repeated_starts(sup, slash, glued) if alt == "[0-9]+" else None)


def _repeated_markers(text: str, cited: list[str], marks: list[int], seen: list[str], lang: str,
                      slash: bool) -> tuple[str, list[str], list[int]]:
    """A footnote cited again later ("… Goals2 for", "oral report; 2/"): only where the marker cannot be
    content — a superscript digit, the 1990s "2/", or a number glued to a word in Latin script."""
    if not seen:
        return text, cited, marks
    # what is taken out is a marker seen, read as ASCII digits (a superscript run translated): a paragraph
    # where none stands needs no pattern, nor one with no superscript where no form of bare digits applies
    # (markers are digits: _split_body writes each as str(int(...)); a marker of letters would need the
    # patterns below even there)
    raised = not text.isascii() and _SUPERSCRIPT.search(text) is not None
    digits = text.translate(L.FROM_SUPERSCRIPT) if raised else text
    if not (raised or slash or lang not in L.MARKERS_NOT_GLUED) or not any(m in digits for m in set(seen)):
        return text, cited, marks
    pattern, starts = _repeated_forms(tuple(seen), slash, lang not in L.MARKERS_NOT_GLUED)
    pairs = list(zip(marks, cited, strict=True))
    found = list(_matches(pattern, text, 0, starts, before=True)) if starts else list(pattern.finditer(text))
    for m in reversed(found):
        value = m.group(0).strip().rstrip("/").translate(L.FROM_SUPERSCRIPT)
        if value not in seen:
            continue
        start, end = m.start(), m.end()
        text = text[:start] + text[end:]
        pairs = [(pos - (end - start) if pos > start else pos, mk) for pos, mk in pairs] + [(start, value)]
    pairs.sort(key=lambda x: x[0])
    return text, [mk for _, mk in pairs], [pos for pos, _ in pairs]


def _repeated_starts(sup: str, slash: bool, glued: bool) -> re.Pattern:
    """Where a match of _repeated_markers' forms (its markers a run of digits) starts, or one character
    later (after a space): a superscript digit of `sup`, or a number's first digit after what the form of
    bare digits admits before it: no digit, slash or underscore ("2/"), a small letter, comma, semicolon or
    space (a number glued to a word); most digits of a text are in numbers and tried no more."""
    after = r"(?<![\d/_])" if slash else r"(?<=[a-z,; ])" if glued else None
    return re.compile(f"[{sup}]" + (f"|{after}[0-9]" if after else ""))


def _matches(pattern: re.Pattern, text: str, pos: int, starts: re.Pattern, *, before: bool = False):
    """What pattern.finditer(text, pos) finds, for a pattern whose every match (never empty) starts where
    `starts` matches or, with `before`, one character earlier (a space before a marker): the pattern is
    tried at those places only. Tried at every position, as a search does when a pattern opens with a
    look-behind or an optional space, the markers' patterns cost a third of reading a text."""
    while (d := starts.search(text, pos)) is not None:
        q = d.start()
        m = (before and q > pos and pattern.match(text, q - 1)) or pattern.match(text, q)
        if m:
            yield m
            pos = m.end()
        else:
            pos = q + 1


# a "1/" marker is never part of a number or a symbol (digits and slashes either side); a letter may touch it
_SLASH_BEFORE, _SLASH_AFTER = r"(?<![\d/_])", r"(?![\d/_])"


def _find_marker(text: str, marker: str, pos: int, lang: str = "", slash: bool = False,
                 numbers: Counter | None = None) -> tuple[int, int] | None:
    """Span to delete for the first occurrence of `marker` used as a superscript, or None."""
    f = _marker_forms(marker)
    m = next(_matches(f.raised, text, pos, f.raised_start, before=True), None)
    if m and (m.start() == 0 or text[m.start() - 1] not in "⁰¹²³⁴⁵⁶⁷⁸⁹"):
        return (m.start() + (text[m.start()].isspace() and not is_wide(text[m.end():m.end() + 1]))), m.end()
    if slash:  # "Haiti 1/ and": the 1990s marker, on the baseline (on a word too, where spaces were lost)
        m = next(_matches(f.slashed, text, pos, f.slashed_start, before=True), None)
        return (m.start(), m.end()) if m else None
    if lang in L.MARKERS_BRACKETED:  # "word(2)", as Arabic texts set a marker
        m = f.bracketed.search(text, pos)
        if m:
            return m.start(), m.end()
    for m in _matches(f.bare, text, pos, f.bare_start):
        start, end = m.start(), m.end()
        before = text[:start]
        prev = before.rstrip()[-1:] if before.rstrip() else ""
        spaced_before = before[-1:].isspace()
        after = text[end:]
        nxt = after.lstrip()[:1]
        if not prev:
            continue  # a paragraph never opens with a marker
        if prev == L.ZH_ORDINAL_PREFIX or nxt in L.ZH_COUNTERS:
            continue
        if nxt.isdigit() and spaced_before:
            continue  # "2 000": a number, unless the marker sits on the word before it ("Munitions,1 110")
        if prev in L.BRACKET_OPENERS or (after[:1] and after[:1] in L.BRACKET_CLOSERS):
            continue  # "(1)", "alert(1)": an enumeration or code, not a superscript
        if spaced_before and prev not in _SPACED_MARKER_AFTER and not _spaced_latin_marker(before, after):
            continue  # a number set off by a space after a word or an ideograph: content
        if after[:1].isalpha() and not is_wide(after[:1]):
            continue  # "1st", "3rd"
        # Chinese: the marker's own space goes too ("5 " after a closing title mark and a full-width comma).
        if is_wide(prev) or L.is_ideograph(nxt):
            while end < len(text) and text[end].isspace() and (is_wide(nxt) or not nxt):
                end += 1
            while start > 0 and text[start - 1].isspace():
                start -= 1
        elif spaced_before:
            start -= 1  # "Agreement 4 requires" -> "Agreement requires"
        return start, end
    if lang not in L.MARKERS_NOT_GLUED:  # "Reduction 2015–20303 and": the marker glued to the end of a year range
        # (the range ends five characters before the marker at the latest: where the gate finds none from
        # there, the pattern, tried at each of the marker's first digits, finds none either)
        m = None if _absent(f.after_range, text, max(0, pos - 5)) else next(
            _matches(f.after_range_marker, text, pos, f.first), None)
        if m:
            return m.start(), m.end()
        return _glued_to_a_number(text, marker, pos, numbers or Counter())
    return None


class _MarkerForms:
    """The patterns _find_marker and _glued_to_a_number look for one marker with, made once a marker and each
    compiled on first use: a document's language and marker style ask only some of them (a Chinese text none
    of the glued forms, only a 1990s text the slashed ones)."""

    def __init__(self, marker: str) -> None:
        sup, mark = re.escape(marker.translate(L.TO_SUPERSCRIPT)), re.escape(marker)
        self.raised, self.raised_start = L.lazy_pattern(rf"\s?{sup}(?![⁰-⁹¹²³])"), L.lazy_pattern(sup)
        self.slashed = L.lazy_pattern(rf"\s?{_SLASH_BEFORE}{mark}/{_SLASH_AFTER}")
        self.slashed_start = L.lazy_pattern(re.escape(f"{marker}/"))
        self.bracketed = L.lazy_pattern(rf"\s?\({mark}\)")
        digits = "".join(f"[{L.digit_forms(d)}]" for d in marker)  # ASCII or full-width
        self.first = L.lazy_pattern(digits[: digits.index("]") + 1])  # where a match can start: its first digit
        self.bare = L.lazy_pattern(rf"(?<![\d/.\-_]){digits}(?![\d/\-_]|[.,]\d)")
        self.bare_start = _not_after(r"[\d/.\-_]", digits[: digits.index("]") + 1])
        self.after_range_marker = L.lazy_pattern(rf"(?<=\d{{4}}[–-](?:19|20)\d\d){digits}(?!\d)")
        self.after_range = L.lazy_pattern(rf"[–-](?:19|20)\d\d{digits}")  # what that pattern's match stands in
        self.year = L.lazy_pattern(rf"(?<![\d/.,])((?:19|20)\d\d)({mark})(?![\d/]|[.,]\d)")
        self.after_year = L.lazy_pattern(rf"(?:19|20)\d\d{mark}")  # what a match of `year` holds
        self.symbol = L.lazy_pattern(rf"(?<![\d/])(\d{{1,4}}/\d{{1,4}})({mark})(?![\d/]|[.,]\d)")
        self.after_symbol = L.lazy_pattern(rf"/\d{{1,4}}{mark}")  # what a match of `symbol` holds


_marker_forms = lru_cache(maxsize=512)(_MarkerForms)  # markers are few: 1, 2, 3 … in every document


def _not_after(before: str, first: str) -> re.Pattern:
    """Where a pattern opening with (?<!before)first can match: `first` not after `before` (each one
    character), with the look-behind after it, a search that skips to `first` (a number's first digit, not
    each of its digits)."""
    return L.lazy_pattern(rf"{first}(?<!{before}{first})")


def _absent(gate: re.Pattern, text: str, pos: int) -> bool:
    """Whether `gate`, a part of what a marker's pattern matches, stands nowhere in `text` from `pos`: one
    search, where the pattern would be tried at every digit (a paragraph citing many numbers has dozens)."""
    return gate.search(text, pos) is None


_CENTURY = L.lazy_pattern("19|20")  # where a year can start
_NUMBER_START = _not_after(r"[\d/]", r"\d")  # where "(?<![\d/])\d…" can match
# "(?<![\d/])\d{1,4}/..." with its look-behind after the first digit: a search that skips to a digit
_CITED_NUMBER = L.lazy_pattern(r"\d(?<![\d/]\d)\d{0,3}/\d{1,4}(?![\d/])")


def _glued_to_a_number(text: str, marker: str, pos: int, numbers: Counter) -> tuple[int, int] | None:
    """A marker an extractor glued to the number before it, told by evidence: "12 February 20139 in"
    (no year has five digits: 2013 and note 9), "resolution 77/2285" where the document cites 77/228
    on its own elsewhere and never 77/2285. Without such evidence the text is kept as it stands."""
    f = _marker_forms(marker)
    year = None if _absent(f.after_year, text, pos) else next(_matches(f.year, text, pos, _CENTURY), None)
    if year:
        return year.start(2), year.end(2)
    if not numbers or "/" not in text or _absent(f.after_symbol, text, pos):
        return None  # no number cited on its own, or none here: nothing to tell a glued marker by
    for m in _matches(f.symbol, text, pos, _NUMBER_START):
        if numbers[m.group(1)] and numbers[m.group(0)] <= 1:  # cited on its own, and glued only here
            return m.start(2), m.end(2)
    return None


def _spaced_latin_marker(before: str, after: str) -> bool:
    """A superscript that a text extractor set off by spaces in Latin script ("Disabilities, 1 to",
    "Paris Agreement 4 requires", "of 12 August 1949 2 and"): a number after a word or punctuation that
    does not number things, followed by a word in lower case, punctuation or the end."""
    # both searches end at the end of `before`: its last hundred characters decide (a search of a whole
    # paragraph's beginning, tried at each of its positions, cost a tenth of a millisecond a number)
    before = before[max(0, len(before.rstrip()) - 100):]
    word = re.search(r"([^\W\d_]+|\d{4}|[,;:)\"”’])\s+$", before)
    if not word or word.group(1).lower().rstrip(".") in _NUMBERING_WORDS:
        return False
    if _ABBREVIATION_BEFORE.search(before):
        return False
    nxt = re.match(r"\s*(\S)", after)
    return not nxt or nxt.group(1).islower() or nxt.group(1) in ",;:.)”’\""
