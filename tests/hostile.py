"""Hostile and unusual PDFs, written here byte by byte (never downloaded): each is a few lines of PDF
objects around one trick. `pdf(objects)` numbers the objects from 1, writes the cross-reference table
and the trailer (object 1 is the catalog).

Test tooling only; none of these is a real document."""

from __future__ import annotations

import zlib

FONT = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"
BODY = ("The General Assembly,", "Recalling its resolution 74/62 of 12 December 2019,",
        "1. Urges all States to comply;")


def stream(content: bytes, extra: bytes = b"", *, flate: bool = False) -> bytes:
    if flate:
        content, extra = zlib.compress(content), extra + b" /Filter /FlateDecode"
    return b"<< /Length %d%s >>\nstream\n%s\nendstream" % (len(content), extra, content)


def pdf(objects: list[bytes], *, trailer: bytes = b"") -> bytes:
    out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for k, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (k, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R%s >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, trailer, xref)
    return bytes(out)


def text_ops(lines=BODY, *, size: float = 11, y: int = 760, prefix: bytes = b"") -> bytes:
    """Text operators writing each line at 72 pt from the left, one line every 16 pt."""
    ops = [b"BT /F1 %s Tf %s" % (str(size).encode(), prefix)]
    for k, line in enumerate(lines):
        esc = line.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
        ops.append(b"1 0 0 1 72 %d Tm (%s) Tj" % (y - 16 * k, esc.encode("cp1252")))
    return b" ".join(ops) + b" ET"


def pages_pdf(contents: list[bytes], *, xobjects: list[bytes] = (), shared: bool = False,
              trailer: bytes = b"") -> bytes:
    """A PDF of one page per content stream (or, `shared`, every page drawing the first stream's
    object), with the font F1 and form XObjects X1, X2, ... (objects 4, 5, ...) in every page's
    resources. Objects: 1 catalog, 2 pages, 3 font, then the forms, then pages and contents."""
    n_forms = len(xobjects)
    first_page = 4 + n_forms
    xo = b" ".join(b"/X%d %d 0 R" % (k + 1, 4 + k) for k in range(n_forms))
    resources = b"<< /Font << /F1 3 0 R >> /XObject << %s >> >>" % xo
    page_objs, content_objs = [], []
    n = len(contents)
    for k in range(n):
        content_ref = first_page + n + (0 if shared else k)
        page_objs.append(b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources %s /Contents %d 0 R >>"
                         % (resources, content_ref))
    content_objs = [contents[0]] if shared else list(contents)
    kids = b" ".join(b"%d 0 R" % (first_page + k) for k in range(n))
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [%s] /Count %d >>" % (kids, n), FONT,
               *xobjects, *page_objs, *content_objs]
    return pdf(objects, trailer=trailer)


def form(content: bytes, *, self_ref: int | None = None, more: dict[str, int] | None = None) -> bytes:
    """A form XObject; its resources name F1 and the forms given (name -> object number)."""
    xo = dict(more or {})
    if self_ref is not None:
        xo["X"] = self_ref
    names = b" ".join(b"/%s %d 0 R" % (k.encode(), v) for k, v in xo.items())
    return stream(content, b" /Type /XObject /Subtype /Form /BBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >>"
                  b" /XObject << %s >> >>" % names)


# --- the PDFs --------------------------------------------------------------------------------------


def plain() -> bytes:
    """A one-page PDF of three lines of text: what every trick below is added to."""
    return pages_pdf([stream(text_ops())])


def self_drawing_form() -> bytes:
    """A form XObject that draws itself twice (itself in its own resources): `/X Do /X Do`."""
    return pages_pdf([stream(text_ops() + b" /X1 Do")], xobjects=[form(b"q /X Do /X Do Q", self_ref=4)])


def nested_forms(levels: int = 12, fanout: int = 10) -> bytes:
    """Form 1 draws form 2 `fanout` times, ..., the last draws a line of text: fanout ** levels draws."""
    forms = []
    for k in range(levels):
        if k == levels - 1:
            forms.append(form(text_ops(("deep",), y=100)))
        else:
            forms.append(form(b"q " + b"/Y Do " * fanout + b"Q", more={"Y": 4 + k + 1}))
    return pages_pdf([stream(text_ops() + b" /X1 Do")], xobjects=forms)


def flate_bomb(decoded_mb: int = 1024, pages: int = 50) -> bytes:
    """One content stream that inflates to `decoded_mb` MB of blanks after a line of text, shared by
    every page (pages all drawing one object). Written fast: one compressed megabyte of blanks, flushed
    whole (it reads the same at any point of the stream), repeated."""
    z = zlib.compressobj(9, zlib.DEFLATED, -15)
    head = text_ops() + b"\n"
    chunk = b" " * (1 << 20)
    first = z.compress(head) + z.flush(zlib.Z_FULL_FLUSH)
    block = z.compress(chunk) + z.flush(zlib.Z_FULL_FLUSH)
    check = zlib.adler32(head)
    for _ in range(decoded_mb):
        check = zlib.adler32(chunk, check)
    body = b"\x78\xda" + first + block * decoded_mb + z.flush() + check.to_bytes(4, "big")
    content = b"<< /Length %d /Filter /FlateDecode >>\nstream\n%s\nendstream" % (len(body), body)
    return pages_pdf([content] * pages, shared=True)


def zero_pages() -> bytes:
    return pdf([b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [] /Count 0 >>"])


def font_size_zero() -> bytes:
    return pages_pdf([stream(text_ops(size=0))])


def encrypt_in_text() -> bytes:
    """Not encrypted, but `/Encrypt` stands in its text, a comment and an unused dictionary."""
    lines = (*BODY, "Notes that /Encrypt is a key of the trailer dictionary")
    content = stream(b"% /Encrypt\n" + text_ops(lines))
    return pages_pdf([content]).replace(b"%%EOF", b"% << /Encrypt 9 0 R >>\n%%EOF")


def invisible_text() -> bytes:
    """The three visible lines, plus a line in render mode 3 and one filled white."""
    hidden = text_ops(("HIDDEN INVISIBLE MODE THREE",), y=600, prefix=b"3 Tr")
    white = text_ops(("HIDDEN WHITE ON WHITE",), y=580, prefix=b"1 1 1 rg")
    return pages_pdf([stream(text_ops() + b" " + hidden + b" " + white)])


def encrypted(user_password: str = "secret", *, spell_key: bytes = b"/Encrypt") -> bytes:
    """A really encrypted PDF (reportlab's standard security handler, RC4), its trailer's key spelled
    `spell_key` (`/Encr#79pt` is the same name to any PDF reader)."""
    import io

    from reportlab.lib import pdfencrypt
    from reportlab.pdfgen import canvas

    buf = io.BytesIO()
    enc = pdfencrypt.StandardEncryption(user_password, ownerPassword="owner-secret", strength=40)
    c = canvas.Canvas(buf, encrypt=enc, invariant=1)
    c.setFont("Helvetica", 11)
    for k, line in enumerate(BODY):
        c.drawString(72, 760 - 16 * k, line)
    c.save()
    data = buf.getvalue()
    head, sep, tail = data.rpartition(b"trailer")  # after every object: no offset moves
    assert sep and b"/Encrypt" in tail
    return head + sep + tail.replace(b"/Encrypt", spell_key)


ALL = {"self-drawing-form": self_drawing_form, "nested-forms": nested_forms, "flate-bomb": flate_bomb,
       "zero-pages": zero_pages, "font-size-zero": font_size_zero}


def surrogate_font() -> bytes:
    """Helvetica whose ToUnicode map turns every 'X' into a lone surrogate (U+D800)."""
    cmap = (b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CMapName /Lone def "
            b"1 begincodespacerange <00> <FF> endcodespacerange 1 beginbfchar <58> <D800> endbfchar "
            b"endcmap CMapName currentdict /CMap defineresource pop end end")
    font = FONT.replace(b" >>", b" /ToUnicode 4 0 R >>")
    lines = (*BODY[:2], "1. Urges all States to comply with X;")
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [5 0 R] /Count 1 >>", font, stream(cmap),
               b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> "
               b"/Contents 6 0 R >>", stream(text_ops(lines))]
    return pdf(objects)
