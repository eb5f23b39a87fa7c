"""Markdown, as PDF-to-Markdown pipelines write a resolution, -> typed lines.

What such a pipeline does to a resolution: one paragraph a block (blank lines between), `#` headings,
`**bold**`, `_italic_` and `<u>` around the same words, code fences and tables around some of them,
footnote references as `<sup>2</sup>` or `[^2]`, footnote bodies as block quotes (`> 2 Resolution 70/1.`)
where the page had them or as `[^2]: …` definitions (often after a `---` rule) at the end, and page
furniture (job numbers, barcodes, `**2/5**`, the symbol) as blocks of their own. The markup is taken off;
what it said is kept: a block opens a paragraph unless it continues one across a page, a reference is a
superscript, a footnote is a footnote line with its marker.
"""

from __future__ import annotations

import re

from .blocks import FOOTNOTE, FURNITURE, SEPARATOR, UNKNOWN, Line
from .notation import TO_SUPERSCRIPT, lazy_pattern

# Signs of Markdown, each told by a whole line or an unmistakable token
_SIGNS = {
    "heading": lazy_pattern(r"^#{1,6}\s+\S", re.MULTILINE),
    "bold": lazy_pattern(r"\*\*[^*\n]+\*\*"),
    "italic": lazy_pattern(r"(?<![\w*])_[^\W_][^_\n]*_(?!\w)"),
    "sup": lazy_pattern(r"<sup>[^<\n]{1,12}</sup>"),
    "reference": lazy_pattern(r"\[\^\w{1,8}\]"),
    "quote": lazy_pattern(r"^>\s*\d{1,3}/?\s+\S", re.MULTILINE),
    "fence": lazy_pattern(r"^```", re.MULTILINE),
    "table": lazy_pattern(r"^\|.*\|\s*$", re.MULTILINE),
}
_STRUCTURAL = ("heading", "sup", "reference", "quote", "fence", "table")
_SIGN_HOLDS = {"heading": "#", "bold": "**", "italic": "_", "sup": "<sup>", "reference": "[^", "quote": ">",
               "fence": "```", "table": "|"}  # what each sign's matches hold
_FENCE = lazy_pattern(r"^\s*```")
_RULE = lazy_pattern(r"^\s*(?:-{3,}|\*{3,}|_{3,})\s*$")
_DEFINITION = lazy_pattern(r"^\s*\[\^(\w{1,8})\]:\s*(.*)$")
_QUOTED_NOTE = lazy_pattern(r"^>\s*(?:\[\^)?(\d{1,3}/?)(?:\])?(?:\s+|$)(.*)$")
_SLASH_NOTE = lazy_pattern(r"^(\d{1,3}/)\s*([^\W\d_].*)$")  # "1/ A/48/803.", "2/SeeA/C.5/48/SR.59."
_QUOTE = lazy_pattern(r"^>\s?")
_HEADING = lazy_pattern(r"^#{1,6}\s+")
_ITEM = lazy_pattern(r"^[-+]\s+(?=\S)")  # never "* ": a draft's note on its sponsors opens with its star
_TABLE_RULE = lazy_pattern(r"^\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)*\|?$")
_SUP = lazy_pattern(r"<sup>\s*([^<]{1,12}?)\s*</sup>")
_REFERENCE = lazy_pattern(r"\[\^(\w{1,8})\]")
_TAGS = lazy_pattern(r"</?(?:u|b|i|em|strong|span|br|sub)\b[^>]*>", re.IGNORECASE)
_ESCAPE = lazy_pattern(r"\\([\\`*_{}\[\]()#+\-.!|>~])")
_SPACED_PUNCTUATION = lazy_pattern(r"(?<=\S)(\*\*|_|`)\s+(?=[,;:.)])")  # "_Reaffirming_ , in" -> "Reaffirming, in"


def is_markdown(text: str) -> bool:
    """Two kinds of Markdown sign at least, one of them a structural one (a heading, a reference, a
    quoted footnote, a fence or a table): emphasis alone may be a typed text's."""
    # each sign searched for only where the text holds its characters, the structural ones first
    structural = {name for name in _STRUCTURAL if _SIGN_HOLDS[name] in text and _SIGNS[name].search(text)}
    if not structural:
        return False
    kinds = structural | {name for name in ("bold", "italic")
                          if _SIGN_HOLDS[name] in text and _SIGNS[name].search(text)}
    return len(kinds) >= 2


def _superscript(m: re.Match) -> str:
    inner = m.group(1).strip()
    return inner.translate(TO_SUPERSCRIPT) if inner.isdigit() else inner


def clean(s: str) -> str:
    """A line of Markdown as the words it shows: markup off, references as superscript digits."""
    s = _SPACED_PUNCTUATION.sub(r"\1", s)
    s = _SUP.sub(_superscript, s)
    s = _REFERENCE.sub(lambda m: m.group(1).translate(TO_SUPERSCRIPT) if m.group(1).isdigit() else "", s)
    s = _TAGS.sub("", s)
    s = s.replace("**", "").replace("__", "").replace("`", "")
    s = re.sub(r"(?<![\w*])_(?=\S)|(?<=\S)_(?!\w)", "", s)  # _italic_ (never snake_case or a rule)
    if s.lstrip().startswith("|") and s.rstrip().endswith("|"):
        s = " ".join(c.strip() for c in s.strip().strip("|").split("|") if c.strip())
    s = _ESCAPE.sub(r"\1", s)
    return re.sub(r"[ \t]+", " ", s).strip()


def _blocks(rows: list[str]) -> list[list[tuple[int, str, bool]]]:
    """(line number, raw line, inside a fence) for each block: blank lines part blocks, a fence is one."""
    blocks: list[list[tuple[int, str, bool]]] = [[]]
    fenced = False
    for n, raw in enumerate(rows, 1):
        if _FENCE.match(raw):
            if blocks[-1]:
                blocks.append([])
            fenced = not fenced
            continue
        if fenced:
            blocks[-1].append((n, raw, True))
        elif raw.strip():
            blocks[-1].append((n, raw, False))
        elif blocks[-1]:
            blocks.append([])
    return [b for b in blocks if b]


_FRONT_MATTER = lazy_pattern(r"\A(?:---|\+\+\+)[ \t]*\n.*?\n(?:---|\+\+\+|\.\.\.)[ \t]*(?:\n|\Z)", re.DOTALL)


def read_markdown(text: str) -> list[Line]:
    """The typed lines of a Markdown text (see the module's docstring). Front matter (a YAML or TOML block
    at the top) is set aside as furniture: what a pipeline wrote about the file never decides."""
    out: list[Line] = []
    front = _FRONT_MATTER.match(text)
    if front:
        rows = front.group(0).split("\n")
        out += [Line(r.strip(), n, role=FURNITURE) for n, r in enumerate(rows, 1) if r.strip()]
        text = "\n" * (len(rows) - 1) + text[front.end():]
    for block in _blocks(text.split("\n")):
        note = _SLASH_NOTE.match(clean(block[0][1]))
        if note:  # a 1990s footnote, its marker "1/" on the baseline, a block of its own with no rule over it
            out.append(Line(note.group(2), block[0][0], starts=True, role=FOOTNOTE, marker=note.group(1)))
            for n, raw, _ in block[1:]:
                more = _SLASH_NOTE.match(clean(raw))
                if more:  # the next footnote, in the same block
                    out.append(Line(more.group(2), n, starts=True, role=FOOTNOTE, marker=more.group(1)))
                elif clean(raw):
                    out.append(Line(clean(raw), n, role=FOOTNOTE))
            continue
        first = True
        for n, raw, fenced in block:
            if fenced:
                s = clean(raw) if raw.strip() else ""
                if s:
                    out.append(Line(s, n, starts=first))
                    first = False
                continue
            if _TABLE_RULE.match(raw.strip()) and "-" in raw:
                continue
            if _RULE.match(raw):
                out.append(Line("__________", n, role=SEPARATOR))
                first = True
                continue
            d = _DEFINITION.match(raw)
            if d:
                out.append(Line(clean(d.group(2)), n, starts=True, role=FOOTNOTE, marker=d.group(1)))
                first = False
                continue
            q = _QUOTED_NOTE.match(raw)
            if q and q.group(2).strip():
                out.append(Line(clean(q.group(2)), n, starts=True, role=FOOTNOTE, marker=q.group(1)))
                first = False
                continue
            if _QUOTE.match(raw):
                s = clean(_QUOTE.sub("", raw))
                if s:  # a quoted line with no marker: a footnote that runs on from the page before
                    out.append(Line(s, n, role=FOOTNOTE))
                first = False
                continue
            s = clean(_ITEM.sub("", _HEADING.sub("", raw.strip())))
            if not s:
                continue
            if out and out[-1].role == FOOTNOTE and not first:
                out.append(Line(s, n, role=FOOTNOTE))  # a definition's lazy continuation
                continue
            out.append(Line(s, n, starts=first, role=UNKNOWN))
            first = False
    return out
