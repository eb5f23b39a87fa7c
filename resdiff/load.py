"""Bytes -> text -> Document: a file (or standard input) read, decoded (plain text in any encoding,
PDF, DOCX, HTML) and parsed. The only module that reads documents; which files they are (folders,
document symbols) is documents.py's business."""

from __future__ import annotations

import codecs
import errno
import os
import re
import struct
import sys

from . import lang as L
from .errors import InputError, printable
from .model import Document

TYPE_CHECKING = False  # the DOCX reader's lines, named for the type checker only
if TYPE_CHECKING:
    from .blocks import Line

MAX_BYTES = 64 * 1024 * 1024  # a resolution is tens of kB; a 10,000-paragraph synthetic one ~3 MB
MAX_DOCX_XML = 64 * 1024 * 1024  # uncompressed size accepted from a DOCX (zip bombs)
STDIN = "-"


def read_bytes(path: str) -> bytes:
    """The bytes of a file, or of standard input for `-`."""
    if path == STDIN:
        data = sys.stdin.buffer.read(MAX_BYTES + 1)
    else:
        if not os.path.exists(path) and os.path.lexists(path):  # a symbolic link to nothing, or a loop
            raise broken_link(path)
        if not os.path.exists(path):
            raise InputError("no such file", source=path)
        if os.path.isdir(path):
            raise InputError("is a directory, not a file", hint="give a file, or use 'series' for a folder",
                             source=path)
        try:
            size = os.path.getsize(path)
            if size > MAX_BYTES:
                raise InputError(f"file is too large ({size // 1048576} MB; the limit is "
                                 f"{MAX_BYTES // 1048576} MB)", source=path)
            with open(path, "rb") as fh:
                data = fh.read(MAX_BYTES + 1)
        except PermissionError:
            raise InputError("permission denied", source=path) from None
        except OSError as e:
            raise InputError(f"cannot read: {e.strerror or e}", source=path) from None
    if len(data) > MAX_BYTES:
        raise InputError(f"input is larger than {MAX_BYTES // 1048576} MB", source=path)
    return data


def broken_link(path: str) -> InputError:
    """Why a symbolic link names no file: it loops, or what it names is missing."""
    try:
        os.stat(path)
    except OSError as e:
        if e.errno == errno.ELOOP:
            return InputError("too many levels of symbolic links (a symbolic link loop)", source=path)
    return InputError(f"no such file (a symbolic link to the missing {os.readlink(path)})", source=path)


def display_name(path: str) -> str:
    """The name a document goes by in results and messages: printable, valid UTF-8 (a byte of a name
    that is not UTF-8 shown as \\xNN), on one line."""
    return "<stdin>" if path == STDIN else printable(path)


def _container(data: bytes, name: str) -> str:
    """"pdf", "docx" or "text" (plain text in any encoding, HTML, Markdown), by the bytes or the name."""
    if not data.strip():
        raise InputError("file is empty" if not data else "file holds only whitespace", source=name)
    if data[:1024].lstrip().startswith(b"%PDF-") or name.lower().endswith(".pdf"):
        return "pdf"
    if data.startswith(b"PK\x03\x04") or name.lower().endswith(".docx"):
        return "docx"
    return "text"


def _text_of(data: bytes, name: str) -> tuple[str, str]:
    """The text of a text file, and its kind: "html" (its blocks as text), "markdown" or "text"."""
    text = _decode_text(data, name)
    if re.match(r"\s*(<!doctype html|<html)", text[:200], re.IGNORECASE) or name.lower().endswith((".html", ".htm")):
        return _html_text(text), "html"
    from .markdown_reader import is_markdown  # here, as the parser: a session's main process reads no text
    from .normalize import line_ends

    # told on the lines the parser reads: a file with CR or CRLF line ends holds the same Markdown
    return text, "markdown" if is_markdown(line_ends(text)) else "text"


def decode(data: bytes, name: str) -> str:
    """The text of a document in any supported format (a PDF and a DOCX in the indented layout)."""
    container = _container(data, name)
    if container == "pdf":
        return _pdf_text(data, name)
    if container == "docx":
        return _docx_text(data, name)
    return _text_of(data, name)[0]


def parse_bytes(data: bytes, name: str, *, language: str | None = None) -> Document:
    """One resolution from the bytes of its file, `name` being what results and messages call it. Each
    reader hands the parser typed lines; a PDF keeps its pages and the role of each line."""
    # imported here: a session's main process decodes a manifest and names files, and never parses
    from .parse import parse_lines, parse_text

    container = _container(data, name)
    if container == "pdf":
        from .pdf import read_lines

        lines, said = read_lines(data, name)
        text = "\n".join(x.text for x in lines)
        return parse_lines(lines, text=text, source=name, language=language, source_kind="pdf", said=said)
    if container == "docx":
        lines = _docx_lines(data, name)
        text = "\n".join(x.text for x in lines)
        return parse_lines(lines, text=text, source=name, language=language, source_kind="docx")
    text, kind = _text_of(data, name)
    return parse_text(text, source=name, language=language, source_kind=kind)


# --- plain text --------------------------------------------------------------------

_BOMS = [(codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"), (codecs.BOM_UTF8, "utf-8-sig"),
         (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16")]
_IMAGES = {b"\x89PNG": "a PNG image", b"\xff\xd8\xff": "a JPEG image", b"GIF8": "a GIF image",
           b"\x1f\x8b": "gzip data", b"\x7fELF": "a program (ELF)", b"II*\x00": "a TIFF image",
           b"MM\x00*": "a TIFF image"}


# control characters other than tab, newline, carriage return and form feed; private use (U+E000-U+F8FF);
# U+FFFD. Counted in the text's UTF-8, where each is one byte below 20, or opens with EE, EF 80-A3 or EF BF BD:
# a class of the 6,400 private-use characters costs a millisecond and more to compile, these bytes almost nothing.
_CONTROL_BYTES = bytes([*range(0x09), 0x0B, *range(0x0E, 0x20)])
_EF_IMPLAUSIBLE = L.lazy_pattern(rb"\xef(?:[\x80-\xa3]|\xbf\xbd)")  # its literal first byte is searched for


def implausible_count(data: bytes) -> int:
    """How many implausible characters (above) `data`, a text's UTF-8, holds. Their byte sequences cannot
    overlap (none holds a byte that opens another), so each kind is counted apart: the control bytes and EE
    by bytes methods, the EF sequences by a pattern that opens with its literal byte; one pattern of all three
    would be tried at every byte of the text."""
    return (len(data) - len(data.translate(None, _CONTROL_BYTES)) + data.count(b"\xee")
            + len(_EF_IMPLAUSIBLE.findall(data)))


def _plausible(text: str) -> bool:
    """Decoded text looks like language, not mojibake or binary."""
    if not text:
        return False
    bad = implausible_count(text.encode("utf-8", "surrogatepass"))
    return bad <= max(16, len(text) // 1000)  # a few stray control characters (escapes) are text


# every byte but the control characters a text file may not hold many of (escape, tab to carriage return are text)
_NOT_CONTROLS = bytes(b for b in range(256) if not (b < 9 or 13 < b < 32 and b != 27))


def _decode_text(data: bytes, name: str) -> str:
    for bom, enc in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(enc)
            except UnicodeDecodeError:
                label = {"utf-8-sig": "UTF-8", "utf-16": "UTF-16", "utf-32": "UTF-32"}[enc]
                raise InputError(f"text starts with a {label} byte-order mark but is not valid {label}",
                                 source=name) from None
    for magic, what in _IMAGES.items():
        if data.startswith(magic):
            raise InputError(f"binary data ({what}), not a text, PDF or DOCX file", source=name)
    sample = data[:4096]
    if sample.count(b"\x00") > len(sample) // 100:
        # UTF-16 without a BOM: NUL high bytes for ASCII; for CJK, text that decodes cleanly
        for enc in ("utf-16-le", "utf-16-be"):
            try:
                text = data[: len(data) // 2 * 2].decode(enc)
            except UnicodeDecodeError:
                continue
            if _plausible(text) and _mostly_cjk_or_ascii(text):
                return text
        raise InputError("binary data, not a text, PDF or DOCX file", source=name)
    controls = len(sample.translate(None, _NOT_CONTROLS))  # in C: a loop over the bytes costs 0.3 ms a file
    if controls > len(sample) // 50:
        raise InputError("binary data, not a text, PDF or DOCX file", source=name)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        if "\x00" in text:
            raise InputError("the text contains NUL bytes (binary data?)", source=name)
        if _plausible(text):
            return text
        raise InputError("binary data, not a text, PDF or DOCX file", source=name)
    try:
        text = data.decode("gb18030")
        if _plausible(text) and _mostly_cjk_or_ascii(text):
            return text
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data, threshold=0.1).best()
    if best is not None and best.encoding and best.coherence >= 0.2:
        text = str(best)
        if _plausible(text):
            return text
    raise InputError("cannot tell the text encoding", hint="convert it to UTF-8", source=name)


def _mostly_cjk_or_ascii(text: str) -> bool:
    ok = len(re.findall(f"[\\x00-\\x7f{L.CJK_TEXT}]", text))
    return ok / len(text) > 0.97


# --- PDF: read by the geometry of its pages (pdf.py) -----------------------------------

def _pdf_text(data: bytes, name: str) -> str:
    from .pdf import pdf_text

    return pdf_text(data, name)


# --- DOCX (read with the standard library: paragraphs, footnotes, their references) -

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _damaged_zip() -> tuple[type[Exception], ...]:
    """What zipfile, its decompressors and expat raise on a damaged archive (the fuzzer found each of
    them); imported only for a DOCX."""
    import zipfile
    import zlib
    from xml.etree import ElementTree

    return (zipfile.BadZipFile, zipfile.LargeZipFile, ElementTree.ParseError, OSError, EOFError, zlib.error,
            ValueError, OverflowError, struct.error, UnicodeDecodeError, KeyError, IndexError)


def _docx_text(data: bytes, name: str) -> str:
    """The text of a DOCX: a paragraph a line, indented, footnotes after a rule."""
    from .blocks import SEPARATOR

    out = []
    for x in _docx_lines(data, name):
        text = f"{x.marker} {x.text}" if x.marker else x.text
        out.append(text if x.role == SEPARATOR else " " + text)
    return "\n\n".join(line.rstrip() for line in out) + "\n"


def _docx_lines(data: bytes, name: str) -> list[Line]:
    """The typed lines of a DOCX: each paragraph opens one (its number in the document is its `line`);
    the footnotes Word keeps apart, each with its marker, after the body."""
    import zipfile

    from .blocks import FOOTNOTE, SEPARATOR, Line

    try:
        doc, fn_root = _docx_trees(data, name)
    except InputError:
        raise
    except NotImplementedError as e:  # zipfile: an unsupported compression method or zip version
        what = "a compression method" if "compression" in str(e) else "a zip feature"
        raise InputError(f"the DOCX uses {what} resdiff cannot read", hint="save it again from a word processor",
                         source=name) from None
    except RuntimeError as e:  # zipfile: "File ... is encrypted, password required for extraction"
        if "encrypted" not in str(e):
            raise InputError(f"damaged DOCX ({e.__class__.__name__})", source=name) from None
        raise InputError("the DOCX is encrypted", hint="save an unencrypted copy first", source=name) from None
    except _damaged_zip() + (_lzma_error(),) as e:
        if isinstance(e, zipfile.BadZipFile) and doc_is_not_zip(data):
            raise InputError("not a DOCX file (not a valid zip archive)", source=name) from None
        raise InputError(f"damaged DOCX ({e.__class__.__name__})", source=name) from None
    refs: list[str] = []
    lines = [Line(text.strip(), n, starts=True) for n, text in enumerate(_docx_paragraphs(doc, refs), 1)
             if text.strip()]
    if fn_root is not None and refs:
        texts = {}
        for fn in fn_root.findall(f"{_W}footnote"):
            texts.setdefault(fn.get(f"{_W}id"), "".join(_docx_paragraphs(fn, [])).strip())
        lines.append(Line("__________________", 0, role=SEPARATOR))
        lines += [Line(texts.get(ref, ""), 0, starts=True, role=FOOTNOTE, marker=str(k))
                  for k, ref in enumerate(refs, 1)]
    return lines


def doc_is_not_zip(data: bytes) -> bool:
    return b"PK\x05\x06" not in data[-66000:]  # no end-of-central-directory record at all


def _lzma_error() -> type[Exception]:
    try:
        import lzma
    except ImportError:
        return ValueError
    return lzma.LZMAError


def _docx_trees(data: bytes, name: str):
    import io
    import zipfile
    from xml.etree import ElementTree

    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        names = set(zf.namelist())
        if "word/document.xml" not in names:
            raise InputError("not a DOCX file (no word/document.xml in the archive)", source=name)
        total = sum(i.file_size for i in zf.infolist() if i.filename.startswith("word/"))
        if total > MAX_DOCX_XML:
            raise InputError(f"DOCX expands to {total // 1048576} MB, over the {MAX_DOCX_XML // 1048576} MB "
                             "limit (a zip bomb?)", source=name)
        body = _read_member(zf, "word/document.xml", name)
        notes = _read_member(zf, "word/footnotes.xml", name) if "word/footnotes.xml" in names else None
    doc = ElementTree.fromstring(body)
    fn_root = ElementTree.fromstring(notes) if notes else None
    return doc, fn_root


def _read_member(zf, member: str, name: str) -> bytes:
    with zf.open(member) as fh:
        data = fh.read(MAX_DOCX_XML + 1)
    if len(data) > MAX_DOCX_XML:
        raise InputError(f"DOCX member {member} too large (a zip bomb?)", source=name)
    return data


def _docx_paragraphs(root, refs: list[str]) -> list[str]:
    """The text of each w:p under root, in document order, in one pass: a paragraph nested in another
    (a text box) is a paragraph of its own, its text not repeated in the outer one (which made nested
    paragraphs quadratic: each footnote reference counted once per enclosing paragraph)."""
    out: list[list[str]] = []
    stack = [(root, -1)]
    while stack:
        el, cur = stack.pop()
        tag = el.tag
        if tag == f"{_W}p":
            out.append([])
            cur = len(out) - 1
        elif cur >= 0:
            if tag == f"{_W}t" and el.text:
                out[cur].append(el.text)
            elif tag == f"{_W}tab":
                out[cur].append("\t")
            elif tag == f"{_W}footnoteReference":
                refs.append(el.get(f"{_W}id"))
                out[cur].append(str(len(refs)).translate(L.TO_SUPERSCRIPT))  # Word knows it is raised: say so
        stack.extend((child, cur) for child in reversed(el))
    return ["".join(parts) for parts in out]


# --- HTML ----------------------------------------------------------------------------

def _html_text(text: str) -> str:
    from html.parser import HTMLParser

    class _HTMLText(HTMLParser):
        BLOCKS = {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "section", "article"}

        def __init__(self) -> None:
            super().__init__(convert_charrefs=True)
            self.parts: list[str] = []
            self.skip = 0

        def handle_starttag(self, tag, attrs):
            if tag in ("script", "style"):
                self.skip += 1
            elif tag in self.BLOCKS:
                self.parts.append("\n\n ")

        def handle_endtag(self, tag):
            if tag in ("script", "style") and self.skip:
                self.skip -= 1
            elif tag in self.BLOCKS:
                self.parts.append("\n")

        def handle_data(self, data):
            if not self.skip:
                self.parts.append(re.sub(r"\s+", " ", data))

    p = _HTMLText()
    p.feed(text)
    p.close()
    return "".join(p.parts)
