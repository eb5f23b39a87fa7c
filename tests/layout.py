"""Writes resolutions in the layout a PDF text extractor gives (see shared/docs/resolution-format.md).

Test tooling: it turns a parsed Document (or an edited copy of it) back into extracted-PDF text,
wrapped at any width, with the footnote block wherever a page would end, so that every test goes
through the whole pipeline. Texts it writes are illustrative, never official.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from pathlib import Path

from resdiff import parse_text
from resdiff.model import Document
from resdiff.normalize import is_wide

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "samples" / "A-RES-75-62.zh.txt"
SHARED_SEED = ROOT.parent / "shared" / "corpus" / "A-RES-75-62.zh.txt"
EN_FIXTURE = ROOT / "tests" / "data" / "A-RES-75-62.en.unofficial.txt"
FN = "\x00"  # where a footnote marker goes in a paragraph spec


@dataclass
class Para:
    kind: str  # "PP" or "OP"
    text: str  # with FN where each footnote marker stands
    notes: list[str] = field(default_factory=list)  # footnote texts, in marker order
    tag: int | None = None  # which paragraph of the original this one descends from (tests' ground truth)


@dataclass
class Spec:
    header: list[str]
    paras: list[Para]
    closing: list[str]
    lang: str = "zh"

    def copy(self) -> Spec:
        return Spec(list(self.header), [replace(p, notes=list(p.notes)) for p in self.paras],
                    list(self.closing), self.lang)

    def ids(self) -> list[str]:
        """Paragraph ids as the parser will give them."""
        count = {"PP": 0, "OP": 0}
        out = []
        for p in self.paras:
            count[p.kind] += 1
            out.append(f"{p.kind}{count[p.kind]}")
        return out

    def index(self, kind: str, n: int) -> int:
        """Position of the n-th (1-based) paragraph of a kind."""
        return [k for k, p in enumerate(self.paras) if p.kind == kind][n - 1]


def spec_of(text: str) -> Spec:
    doc = parse_text(text)
    lines = [s for s in text.replace("\r\n", "\n").split("\n") if s.strip()]
    opening = next(k for k, s in enumerate(lines) if re.match(
        r"^\s*(大会|The General Assembly|L’Assemblée générale|La Asamblea General|Генеральная Ассамблея|"
        r"إن الجمعية العامة)[，,،]\s*$", s))
    return Spec(lines[: opening + 1], _paras(doc), [s.strip() for s in lines[-2:]], doc.language)


def _paras(doc: Document) -> list[Para]:
    notes = {f.marker: f.text for f in doc.footnotes}
    out = []
    for k, p in enumerate(doc.paragraphs):
        text = p.text
        for off in reversed(p.marks):
            text = text[:off] + FN + text[off:]
        out.append(Para("OP" if p.kind == "operative" else "PP", text, [notes[m] for m in p.footnotes], tag=k))
    return out


def seed_spec() -> Spec:
    return spec_of(SEED.read_text("utf-8"))


def en_spec() -> Spec:
    return spec_of(EN_FIXTURE.read_text("utf-8"))


def _atoms(text: str) -> list[str]:
    """Units a line may not break inside: one ideograph, or a run of other non-space characters."""
    return re.findall(r"\s+|[\u3400-\u9fff\uff00-\uffef\u3000-\u303f]|[^\s\u3400-\u9fff\uff00-\uffef\u3000-\u303f]+",
                      text)


def wrap(text: str, width: int, first: int = 0) -> list[str]:
    lines, cur, room = [], "", width - first
    for a in _atoms(text):
        if a.isspace():
            if cur:
                cur += " "
            continue
        size = sum(2 if is_wide(c) else 1 for c in a)
        if cur and size + sum(2 if is_wide(c) else 1 for c in cur) > room:
            lines.append(cur.rstrip())
            cur, room = "", width
        cur += a
    if cur.strip():
        lines.append(cur.rstrip())
    return lines


def render(spec: Spec, *, width: int = 76, spaced: bool = True, notes_after: tuple[int, int] | None = None,
           urls: bool = True, fullwidth_digits: bool = False) -> str:
    """Extracted-PDF text: a blank line after every line, paragraph starts indented, footnotes in a block.

    notes_after=(k, n) puts the footnote block after line n of paragraph k (n=0: after the whole paragraph),
    default after the last preambular paragraph but one, where the seed's page ends.
    """
    out: list[str] = []
    for h in spec.header:
        out += [h + " ", ""]
    if notes_after is None:
        notes_after = (max(spec.index("PP", sum(p.kind == "PP" for p in spec.paras)) - 1, 0), 0)
    marker = 0
    block: list[str] = []
    op = 0
    for k, p in enumerate(spec.paras):
        text = p.text
        for note in p.notes:
            marker += 1
            mark = f"{marker} " if (spaced or spec.lang != "zh") else f"{marker}"
            if spec.lang == "ar":
                mark = f"({marker})"
            text = text.replace(FN, mark, 1)
            block.append(f" {marker} {note}")
        text = text.replace(FN, "")
        if spec.lang == "zh" and not spaced:
            text = re.sub(r"(?<=[\u3400-\u9fff]) (?=\d)|(?<=\d) (?=[\u3400-\u9fff])", "", text)
        if fullwidth_digits:
            text = text.translate({ord(c): ord(c) + 0xFEE0 for c in "0123456789"})
        if p.kind == "OP":
            op += 1
            text = f"{op} - {text}" if spec.lang == "ar" else f"{op}. {text}"
        lines = wrap(text, width, first=2)
        lines[0] = " " + lines[0]
        lines[-1] += " "
        at = notes_after[1] if k == notes_after[0] else -1
        for n, line in enumerate(lines, 1):
            out += [line, ""]
            if n == at or (k == notes_after[0] and at == 0 and n == len(lines)):
                out += _note_block(block, spec, urls)
                block = []
    if block:
        out += _note_block(block, spec, urls)
    out += ["", ""]
    for c in spec.closing:
        out += [c + " ", ""]
    return "\n".join(out) + "\n"


def _note_block(block: list[str], spec: Spec, urls: bool) -> list[str]:
    if not block:
        return []
    out = ["__________________ ", ""]
    for b in block:
        out += [b + " ", ""]
    if urls:
        for sym in re.findall(r"CCM/[A-Z]+/\d{4}/\d+", " ".join(block)):
            out.append(f"https://undocs.org/{'ch' if spec.lang == 'zh' else 'en'}/{sym}")
    return out


def examples(n: int) -> int:
    """Hypothesis cases for a property: n in the default run, n x RESDIFF_FUZZ_FACTOR in a long run."""
    import os

    return n * max(1, int(os.environ.get("RESDIFF_FUZZ_FACTOR", "1")))


# --- PDF and DOCX fixtures, made here from the same specs (no binary blobs) -------------------

def write_pdf(text: str, path: Path, *, lines_per_page: int = 40) -> Path:
    """A PDF whose text layer holds the given lines (reportlab's built-in CID font writes Chinese)."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    c = canvas.Canvas(str(path), pagesize=A4, invariant=1)
    c.setFont("STSong-Light", 10)
    lines = [s.rstrip() for s in text.split("\n") if s.strip()]
    y = 800
    for k, line in enumerate(lines):
        if k and k % lines_per_page == 0:
            c.showPage()
            c.setFont("STSong-Light", 10)
            y = 800
        c.drawString(40, y, line)
        y -= 18
    c.save()
    return path


_W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def _esc(s: str) -> str:
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def write_docx(spec: Spec, path: Path) -> Path:
    """A minimal DOCX, as Word stores one: a paragraph per w:p, real footnotes in footnotes.xml."""
    import zipfile

    def para(runs: str) -> str:
        return f"<w:p>{runs}</w:p>"

    def run(text: str) -> str:
        return f'<w:r><w:t xml:space="preserve">{_esc(text)}</w:t></w:r>'

    body, notes = [], []
    for h in spec.header:
        body.append(para(run(h.strip())))
    op = 0
    for p in spec.paras:
        text = p.text
        if p.kind == "OP":
            op += 1
            text = f"{op}. {text}"
        pieces = text.split(FN)
        runs = run(pieces[0])
        for note, piece in zip(p.notes, pieces[1:], strict=True):
            notes.append(note)
            runs += (f'<w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr>'
                     f'<w:footnoteReference w:id="{len(notes)}"/></w:r>') + run(piece)
        body.append(para(runs))
    for c in spec.closing:
        body.append(para(run(c)))
    document = f'<?xml version="1.0" encoding="UTF-8"?><w:document {_W}><w:body>{"".join(body)}</w:body></w:document>'
    fns = "".join(f'<w:footnote w:id="{k}"><w:p>{run(" " + n)}</w:p></w:footnote>' for k, n in enumerate(notes, 1))
    footnotes = (f'<?xml version="1.0" encoding="UTF-8"?><w:footnotes {_W}>'
                 f'<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
                 f"{fns}</w:footnotes>")
    types = ('<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
             'content-types"><Default Extension="xml" ContentType="application/xml"/></Types>')
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", types)
        z.writestr("word/document.xml", document)
        z.writestr("word/footnotes.xml", footnotes)
    return path
