"""Text of a resolution (as a PDF extractor gives it) -> Document."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from . import lang as L
from .errors import NotAResolution
from .model import OPERATIVE, PREAMBULAR, Document, Footnote, Metadata, Paragraph
from .normalize import IDEOGRAPH, is_wide, join_lines, spaces_digits

# --- page furniture: never content ------------------------------------------------
_JOB = re.compile(r"^\d{2}-\d{5}\s*(?:\(([A-Z])\))?(?:\s+\d+(?:/\d+)?)*$")
_JOB_PAGE = re.compile(r"^\d+/\d+\s+\d{2}-\d{5}(?:\s*\([A-Z]\))?$")
_BARCODE = re.compile(r"^\*\d{5,}\*$")
_URL = re.compile(r"^(?:https?://|www\.)\S+$")
_SEPARATOR = re.compile(r"^[_\u2014\u2015\u2500-]{5,}$")
_PAGE_NO = re.compile(r"^(?:\d{1,3}/\d{1,3}|-\s*\d{1,3}\s*-)$")
_SYMBOL = re.compile(r"\bA/RES/\d+/\d+[A-Z]?\b")
_DISTR = re.compile(r"^(?:Distr\.?:?\s*\w+|Distr\.)", re.IGNORECASE)

# --- the formulas that frame a resolution, in the six languages --------------------
_OPENING = re.compile(
    r"^(?:大会|The General Assembly|L[’']Assemblée générale|La Asamblea General|"
    r"Генеральная Ассамблея|(?:إن )?الجمعية العامة)\s*[，,،]$"
)
_TITLE = re.compile(r"^(\d{1,3})/(\d{1,4})\s*(?:[.．]|\s[-–]\s)\s*(\S.*)?$")  # Arabic: "75/62 - …"
_SESSION = re.compile(
    r"^(?:第(?P<zh>[〇零一二两三四五六七八九十百千]+)届会议|(?P<en>[\w-]+)\s+session|"
    r".*(?:período de sesiones|сессия|الدورة).*)$",
    re.IGNORECASE,
)
_AGENDA = re.compile(
    r"^(?:议程项目|Agenda item|Point|Tema|Пункт(?: повестки дня)?|البند)\s*(?P<item>\S.*)$",
    re.IGNORECASE,
)
_REPORT = re.compile(r"\((A/\d+/[\w./-]*\w)")
_REPORT_PARA = re.compile(r"第\s*(\d+)\s*段|(?:para|párr|par|пункт|الفقرة)\.?\s*(\d+)", re.IGNORECASE)
_MEETING = re.compile(
    r"^(?:第\s*(\d+)\s*次全体会议|(\d+)(?:st|nd|rd|th|e|ª|a|-?е|-?я)?\s*"
    r"(?:plenary meeting|séance plénière|sesión plenaria|пленарное заседание)|"
    r"الجلسة العامة\s*(\d+))$",
    re.IGNORECASE,
)

# --- paragraph numbering ----------------------------------------------------------
_OP_NUMBER = re.compile(r"^(\d{1,4})\s*(?:[.．]|\s[-–](?=\s))\s*")  # "1. " and, in Arabic, "1 - "
_SUB_LETTER = re.compile(r"^[(（]([a-z]{1,2}|[ivx]{1,5})[)）]\s*")
_FOOTNOTE_LINE = re.compile(r"^(\d{1,3})\s+(\S.*)$")
_FOOTNOTE_END = re.compile(r"[。.．]$")

# A number followed by one of these is content (2020 年, 123 个, 第 7 条), never a marker.
_ZH_UNITS = set("年月日号號个個卷段条條次届屆名项項国國%％点點时時分秒岁歲周週倍亿億万萬千百十份页頁章节節款类類")  # noqa: E501
# After these a marker may follow a space (PDF extraction spaces a superscript after Chinese punctuation).
_SPACED_MARKER_AFTER = set("》」』”），、；：")


@dataclass
class _Raw:
    lines: list[str] = field(default_factory=list)
    line: int = 0


def parse_text(text: str, *, source: str = "<text>", language: str | None = None) -> Document:
    """Parse the extracted text of one resolution into a Document."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\x0c", "\n").lstrip("\ufeff")
    text = _restore_indentation(text)
    lines = [(n, raw.rstrip()) for n, raw in enumerate(text.split("\n"), 1) if raw.strip()]
    lang = language or _language(text, lines)

    opening = next((i for i, (_, s) in enumerate(lines) if _OPENING.match(s.strip())), None)
    title_at = next(
        (i for i, (_, s) in enumerate(lines[: opening if opening is not None else len(lines)])
         if _TITLE.match(s.strip())),
        None,
    )
    if opening is None and title_at is None:
        raise NotAResolution(
            "no resolution found: neither a title line such as '75/62. …' nor the opening "
            "'The General Assembly,'",
            source=source,
        )
    if opening is None:
        opening = title_at
    header_end = title_at if title_at is not None else opening
    meta = _metadata(lines[:header_end], lang)
    title = None
    if title_at is not None:
        m = _TITLE.match(lines[title_at][1].strip())
        title_lines = [m.group(3) or ""] + [s for _, s in lines[title_at + 1 : opening]]
        title = join_lines(title_lines) or None
        if meta.get("symbol") is None:
            meta["symbol"] = f"A/RES/{m.group(1)}/{m.group(2)}"
    meta["title"] = title

    other = [s.strip() for _, s in lines[: opening + 1]]
    body = lines[opening + 1 :]
    body, closing, closing_lines = _split_closing(body)
    meta.update(closing)
    furniture = _furniture_test(meta.get("symbol"), title)
    raws, notes, dropped = _split_body(body, furniture)
    other += dropped + closing_lines
    wide_spacing = lang == "zh" and spaces_digits(text)
    # words as the document writes them, hyphenated compounds included, minus those broken at a line end
    vocabulary = frozenset(re.findall(r"[^\W\d_]+(?:-[^\W\d_]+)*(?![-\u00ad]\s*$)", text, re.MULTILINE))
    paragraphs = _paragraphs(raws, wide_spacing, vocabulary)
    footnotes = tuple(
        Footnote(marker=m, text=join_lines(ls, wide_spacing=wide_spacing, vocabulary=vocabulary), line=n)
        for m, ls, n in notes
    )
    paragraphs = _attach_markers(paragraphs, [f.marker for f in footnotes], lang)
    if not paragraphs:
        raise NotAResolution("no preambular or operative paragraph found", source=source)

    if meta.get("session") is None and meta.get("symbol"):
        m = re.match(r"A/RES/(\d+)/", meta["symbol"])
        meta["session"] = int(m.group(1)) if m else None
    metadata = Metadata(language=lang, **meta)
    return Document(metadata=metadata, paragraphs=tuple(paragraphs), footnotes=footnotes, source=source,
                    other=tuple(other))


_PARAGRAPH_END = re.compile(r"[，,；;。.:：]\s*\d{0,3}\s*$")  # a footnote marker may follow


def _restore_indentation(text: str) -> str:
    """A text not from a PDF extractor (typed, pasted from Word, mailed) marks no paragraph by indenting:
    then a paragraph is a block between blank lines, or each line when every block is one line, or, in
    one unbroken block, a line after one that ends as a paragraph does."""
    lines = text.split("\n")
    if any(line[:1].isspace() and line.strip() for line in lines):
        return text
    blocks: list[list[int]] = [[]]
    for k, line in enumerate(lines):
        if line.strip():
            blocks[-1].append(k)
        elif blocks[-1]:
            blocks.append([])
    blocks = [b for b in blocks if b]
    if len(blocks) > 1:
        starts = {b[0] for b in blocks}
    else:
        starts = {k for k in blocks[0] if k == blocks[0][0] or _PARAGRAPH_END.search(lines[k - 1])
                  or _OP_NUMBER.match(lines[k])} if blocks else set()
    return "\n".join(" " + line if k in starts else line for k, line in enumerate(lines))


def _language(text: str, lines: list[tuple[int, str]]) -> str:
    for _, s in lines[:40]:
        m = _JOB.match(s.strip())
        if m and m.group(1) in L.JOB_LETTERS:
            return L.JOB_LETTERS[m.group(1)]
    return L.detect_language(text) or "en"


def _metadata(header: list[tuple[int, str]], lang: str) -> dict:
    meta: dict = {}
    session_at = None
    agenda_at = None
    adopted_at = None
    for i, (_, raw) in enumerate(header):
        s = raw.strip()
        sym = _SYMBOL.search(s)
        if sym and "symbol" not in meta:
            meta["symbol"] = sym.group(0)
            continue
        if _JOB.match(s):
            meta["job_number"] = s.split("  ")[0].strip()
            continue
        if _BARCODE.match(s) or _DISTR.match(s):
            continue
        m = _SESSION.match(s)
        if m and session_at is None:
            session_at = i
            if m.group("zh"):
                meta["session"] = L.zh_numeral(m.group("zh"))
            elif m.group("en"):
                meta["session"] = L.en_ordinal(m.group("en"))
            continue
        m = _AGENDA.match(s)
        if m and agenda_at is None:
            agenda_at = i
            meta["agenda_item"] = m.group("item").strip()
            continue
        if s.startswith(("[", "［")):
            r = _REPORT.search(s)
            if r:
                meta["report"] = r.group(1)
            p = _REPORT_PARA.search(s)
            if p:
                meta["report_paragraph"] = p.group(1) or p.group(2)
            continue
        date = L.find_date(s)
        if date:
            if session_at is None and agenda_at is None:
                meta.setdefault("distributed", date)
            elif adopted_at is None:
                meta["adopted"] = date
                adopted_at = i
            continue
        if agenda_at is not None and adopted_at is None and i > agenda_at:
            prev = meta.get("agenda_title")
            meta["agenda_title"] = join_lines([prev, s]) if prev else s
    return meta


def _split_closing(body: list[tuple[int, str]]) -> tuple[list[tuple[int, str]], dict, list[str]]:
    """The closing date and plenary meeting after the last operative paragraph."""
    # last lines, or just before a footnote block that a DOCX or HTML export puts at the end
    for k in range(len(body) - 1, max(len(body) - 16, -1), -1):
        m = _MEETING.match(body[k][1].strip())
        if m:
            out = {"meeting": int(next(g for g in m.groups() if g))}
            cut = k
            if k > 0 and L.find_date(body[k - 1][1]) and len(body[k - 1][1].strip()) < 40:
                cut = k - 1
            return body[:cut] + body[k + 1 :], out, [s.strip() for _, s in body[cut : k + 1]]
    return body, {}, []


def _furniture_test(symbol: str | None, title: str | None):
    """Page furniture: job numbers, barcodes, link targets, page numbers, running headers. A line that is
    just the title is a running header only next to other furniture (a body line may wrap to the title)."""
    headers = set()
    if symbol:
        headers.add(symbol)
        if title:
            headers |= {(symbol + title).replace(" ", ""), (title + symbol).replace(" ", "")}
    title_only = title.replace(" ", "") if title else None

    def plain(s: str) -> bool:
        return bool(_JOB.match(s) or _JOB_PAGE.match(s) or _BARCODE.match(s) or _URL.match(s)
                    or _PAGE_NO.match(s) or s.replace(" ", "") in headers)

    def is_furniture(s: str, before: str = "", after: str = "") -> bool:
        if plain(s):
            return True
        return s.replace(" ", "") == title_only and (plain(before) or plain(after))

    return is_furniture


def _split_body(body, is_furniture):
    """Body lines -> raw paragraphs and footnotes; footnote blocks may interrupt a paragraph."""
    raws: list[_Raw] = []
    notes: list[tuple[str, list[str], int]] = []
    dropped: list[str] = []
    in_notes = False
    saw_url = False
    for k, (n, raw) in enumerate(body):
        s = raw.strip()
        indented = raw[:1].isspace()
        before = body[k - 1][1].strip() if k else ""
        after = body[k + 1][1].strip() if k + 1 < len(body) else ""
        if _SEPARATOR.match(s):
            in_notes, saw_url = True, False
            dropped.append(s)
            continue
        if _URL.match(s):
            saw_url = True
            dropped.append(s)
            continue
        if is_furniture(s, before, after):
            dropped.append(s)
            continue
        if in_notes:
            m = _FOOTNOTE_LINE.match(s)
            expected = int(notes[-1][0]) + 1 if notes else None
            if m and (expected is None or int(m.group(1)) == expected) and not saw_url:
                notes.append((str(int(m.group(1))), [m.group(2)], n))
                continue
            if notes and not indented and not saw_url and not _FOOTNOTE_END.search(notes[-1][1][-1]):
                notes[-1][1].append(s)
                continue
            in_notes = False
        if indented or not raws:
            raws.append(_Raw([s], n))
        else:
            raws[-1].lines.append(s)
    return raws, notes, dropped


def _paragraphs(raws: list[_Raw], wide_spacing: bool, vocabulary: frozenset[str] = frozenset()) -> list[Paragraph]:
    out: list[Paragraph] = []
    pp = 0
    op_number: str | None = None
    sub_letter: str | None = None
    seen: set[str] = set()

    def add(pid: str, **kw) -> None:
        base, k = pid, 2
        while pid in seen:  # a numbering error in the text: keep ids unique
            pid, k = f"{base}#{k}", k + 1
        seen.add(pid)
        out.append(Paragraph(id=pid, **kw))

    for r in raws:
        text = join_lines(r.lines, wide_spacing=wide_spacing, vocabulary=vocabulary)
        m = _OP_NUMBER.match(text)
        if m:
            op_number, sub_letter = m.group(1), None
            add(f"OP{op_number}", kind=OPERATIVE, number=op_number, text=text[m.end():], line=r.line,
                prefix=m.group(0))
            continue
        m = _SUB_LETTER.match(text)
        if m and op_number is not None:
            letter = m.group(1)
            # (i), (ii) … inside a lettered sub-paragraph are its own sub-items, unless the label is
            # simply the next letter: (i) after (h), (v) after (u), (x) after (w)
            roman = (sub_letter is not None and re.fullmatch(r"[ivx]+", letter) is not None
                     and letter != chr(ord(sub_letter[-1]) + 1))
            if roman:
                pid = f"OP{op_number}({sub_letter})({letter})"
                add(pid, kind=OPERATIVE, number=op_number, letter=f"{sub_letter}({letter})",
                    text=text[m.end():], line=r.line, prefix=m.group(0))
            else:
                sub_letter = letter
                add(f"OP{op_number}({letter})", kind=OPERATIVE, number=op_number, letter=letter,
                    text=text[m.end():], line=r.line, prefix=m.group(0))
            continue
        if op_number is None:
            pp += 1
            add(f"PP{pp}", kind=PREAMBULAR, text=text, line=r.line)
        else:
            # An unnumbered block after the operative part continues the paragraph before it.
            joined = join_lines([out[-1].text, text], wide_spacing=wide_spacing, vocabulary=vocabulary)
            out[-1] = replace(out[-1], text=joined)
    return out


def _attach_markers(paragraphs: list[Paragraph], markers: list[str], lang: str) -> list[Paragraph]:
    """Move footnote markers (bare numbers left by superscripts) from the text to `footnotes`.

    Markers are numbered in reading order, so the next one expected is looked for; the two after it
    too, so that one marker lost in a text does not stop the later ones being found.
    """
    out = []
    k = 0
    for p in paragraphs:
        text, cited, marks = p.text, [], []
        pos = 0
        while k < len(markers):
            hits = [(hit, j) for j in range(k, min(k + 3, len(markers)))
                    if (hit := _find_marker(text, markers[j], pos, lang)) is not None]
            if not hits:
                break
            (start, end), j = min(hits)
            text = text[:start] + text[end:]
            pos = start
            cited.append(markers[j])
            marks.append(start)
            k = j + 1
        out.append(replace(p, text=text, footnotes=tuple(cited), marks=tuple(marks)) if cited else p)
    return out


def _find_marker(text: str, marker: str, pos: int, lang: str = "") -> tuple[int, int] | None:
    """Span to delete for the first occurrence of `marker` used as a superscript, or None."""
    if lang == "ar":  # Arabic texts set the marker in brackets: "العنقودية(2)"
        m = re.compile(rf"\s?\({re.escape(marker)}\)").search(text, pos)
        if m:
            return m.start(), m.end()
    digits = "".join(f"[{d}{chr(ord(d) + 0xFEE0)}]" for d in marker)  # ASCII or full-width
    for m in re.compile(rf"(?<![\d/.\-_]){digits}(?![\d/\-_]|[.,]\d)").finditer(text, pos):
        start, end = m.start(), m.end()
        before = text[:start]
        prev = before.rstrip()[-1:] if before.rstrip() else ""
        spaced_before = before[-1:].isspace()
        after = text[end:]
        nxt = after.lstrip()[:1]
        if not prev:
            continue  # a paragraph never opens with a marker
        if prev == "第" or nxt in _ZH_UNITS:
            continue
        if nxt.isdigit() and spaced_before:
            continue  # "2 000": a number, unless the marker sits on the word before it ("Munitions,1 110")
        if prev in "([（【〔" or (after[:1] and after[:1] in ")]）】〕"):
            continue  # "(1)", "alert(1)": an enumeration or code, not a superscript
        if spaced_before and prev not in _SPACED_MARKER_AFTER:
            continue  # "已有 123 个", "resolution 63/71": content set off by a space
        if after[:1].isalpha() and not is_wide(after[:1]):
            continue  # "1st", "3rd"
        # Chinese: the marker's own space goes too ("》，5 确定" -> "》，确定").
        if is_wide(prev) or IDEOGRAPH.match(nxt or " "):
            while end < len(text) and text[end].isspace() and (is_wide(nxt) or not nxt):
                end += 1
            while start > 0 and text[start - 1].isspace():
                start -= 1
        return start, end
    return None
