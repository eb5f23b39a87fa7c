"""PDFium's C API, as resdiff calls it: the one module of the package that uses ctypes.

The library is the one pypdfium2 ships and loads: importing its raw API (`pypdfium2_raw`, documented
as `pypdfium2.raw`) finds and loads it; each function resdiff calls is then given a prototype of our
own (`ctypes.PYFUNCTYPE`, result and argument types declared) at the address pypdfium2 resolved. Why
our own prototypes and not pypdfium2's function objects, with the measurements: docs/performance.md.
A test holds each declaration here against pypdfium2's own (tests/test_pdfium.py).

That import declares all of PDFium's 470 functions: some 7 ms of CPU, a seventh of the reading child's for a
5-page PDF. So the file it loaded is kept in the user cache (asked of the dynamic linker, `dladdr`), with the
stamps of pypdfium2's files, and a later process whose pypdfium2 is the same loads that very file itself,
without the import (`_kept_library`): only a file listed in pypdfium2's own folder is ever kept or loaded so.

Two calls here are the C library's, not PDFium's: that `dladdr`, and the reading child's prctl
(die_with_parent).

Handles (document, page, text page, page object, font) are plain addresses (`c_void_p`, given back as
int or None), so that a page object serves as a cache key as it is.
"""

from __future__ import annotations

import ctypes
import math
import os
import sys
from itertools import chain, compress, repeat
from operator import mul, ne, not_, or_, sub
from types import ModuleType, SimpleNamespace

from .errors import InputError


class FS_RECTF(ctypes.Structure):  # noqa: N801 (PDFium's names)
    _fields_ = [("left", ctypes.c_float), ("top", ctypes.c_float), ("right", ctypes.c_float),
                ("bottom", ctypes.c_float)]


class FPDF_LIBRARY_CONFIG(ctypes.Structure):  # noqa: N801
    _fields_ = [("version", ctypes.c_int), ("m_pUserFontPaths", ctypes.POINTER(ctypes.c_char_p)),
                ("m_pIsolate", ctypes.c_void_p), ("m_v8EmbedderSlot", ctypes.c_uint)]


_P, _I, _F, _U = ctypes.c_void_p, ctypes.c_int, ctypes.c_float, ctypes.c_uint

# name: (result, *arguments), as in PDFium's public headers (fpdfview.h, fpdf_text.h, fpdf_edit.h)
SIGNATURES: dict[str, tuple] = {
    "FPDF_InitLibraryWithConfig": (None, ctypes.POINTER(FPDF_LIBRARY_CONFIG)),
    "FPDF_LoadMemDocument64": (_P, _P, ctypes.c_size_t, ctypes.c_char_p),
    "FPDF_GetLastError": (ctypes.c_ulong,),
    "FPDF_GetSecurityHandlerRevision": (_I, _P),
    "FPDF_GetPageCount": (_I, _P),
    "FPDF_LoadPage": (_P, _P, _I),
    "FPDF_GetPageHeightF": (_F, _P),
    "FPDF_ClosePage": (None, _P),
    "FPDFPage_CountObjects": (_I, _P),
    "FPDFPage_GetObject": (_P, _P, _I),
    "FPDFPageObj_GetType": (_I, _P),
    "FPDFFormObj_CountObjects": (_I, _P),
    "FPDFFormObj_GetObject": (_P, _P, ctypes.c_ulong),
    "FPDF_CloseDocument": (None, _P),
    "FPDF_VIEWERREF_GetName": (ctypes.c_ulong, _P, ctypes.c_char_p, ctypes.c_char_p, ctypes.c_ulong),
    "FPDFText_LoadPage": (_P, _P),
    "FPDFText_ClosePage": (None, _P),
    "FPDFText_CountChars": (_I, _P),
    "FPDFText_GetText": (_I, _P, _I, _I, _P),
    "FPDFText_GetUnicode": (_U, _P, _I),
    "FPDFText_IsGenerated": (_I, _P, _I),
    # the box: an FS_RECTF*, given as the address of a slot of the thread's box buffer (Page.loose_boxes)
    "FPDFText_GetLooseCharBox": (_I, _P, _I, _P),
    "FPDFText_GetTextObject": (_P, _P, _I),
    "FPDFTextObj_GetFont": (_P, _P),
    # out-parameters given as addresses (float*, FS_MATRIX*, unsigned int*): of a slot each, for the text objects
    # of a page asked at once (TextObject.describe)
    "FPDFTextObj_GetFontSize": (_I, _P, _P),
    "FPDFTextObj_GetTextRenderMode": (_I, _P),
    "FPDFPageObj_GetMatrix": (_I, _P, _P),
    "FPDFPageObj_GetFillColor": (_I, _P, _P, _P, _P, _P),
    "FPDFPageObj_GetStrokeColor": (_I, _P, _P, _P, _P, _P),
    "FPDFFont_GetDescent": (_I, _P, _F, ctypes.POINTER(_F)),
}

ERR_PASSWORD = 4  # FPDF_ERR_PASSWORD: a password is required, or the one given is wrong
RENDER_INVISIBLE, RENDER_CLIP = 3, 7  # FPDF_TEXTRENDERMODE_INVISIBLE, _CLIP: text that paints nothing
RENDER_STROKES = (1, 5)  # _STROKE, _STROKE_CLIP: text painted with its stroke colour only
PAGEOBJ_TEXT, PAGEOBJ_FORM = 1, 5

_LIB: SimpleNamespace | None = None


class _OnFirstUse(ModuleType):
    """A stand-in for a module not imported yet, in sys.modules and its package under the module's name: its
    first attribute asked imports the module, which it then is (its attributes, as the module's own)."""

    def __getattr__(self, attr: str):
        if attr.startswith("__"):  # what the import system asks of any module (__path__, ...): not a use
            raise AttributeError(attr)
        name = self.__name__
        if sys.modules.get(name) is self:
            del sys.modules[name]
        __import__(name)  # the real one, in sys.modules and its package
        module = sys.modules[name]
        self.__dict__.update(module.__dict__)
        self.__class__ = ModuleType
        return getattr(module, attr)


def _import_raw():
    """pypdfium2's raw API. Its loader imports ctypes.util, which imports subprocess, shutil and tempfile (a
    third of the import's cost, in every process that reads a PDF), to search the system for PDFium where
    pypdfium2 has none of its own: ctypes.util is imported at its first use instead (_OnFirstUse). A stand-in
    the import did not use is taken away after it, so that any later `import ctypes.util` is the real one
    (find_spec, inspect, mock.patch and threads see the module itself)."""
    if "ctypes.util" in sys.modules:
        import pypdfium2_raw

        return pypdfium2_raw
    sys.modules["ctypes.util"] = ctypes.util = stand_in = _OnFirstUse("ctypes.util")
    try:
        import pypdfium2_raw
    finally:
        if sys.modules.get("ctypes.util") is stand_in:
            del sys.modules["ctypes.util"]
        if vars(ctypes).get("util") is stand_in:
            del ctypes.util
    return pypdfium2_raw


def library() -> SimpleNamespace:
    """The functions above, loaded once a process, PDFium initialised (as pypdfium2 itself does it;
    a second initialisation, by pypdfium2 in the same process, is a no-op in PDFium)."""
    global _LIB
    if _LIB is None:
        found = _open_library()
        lib = SimpleNamespace()
        prototypes: dict[tuple, type] = {}  # one a signature: each PYFUNCTYPE makes a class (some 70 µs)
        for name, signature in SIGNATURES.items():
            address = ctypes.cast(getattr(found, name), ctypes.c_void_p).value
            # PYFUNCTYPE: a call keeps the interpreter lock (nothing here runs in threads; releasing
            # and taking it again costs more than the call itself for the per-character functions)
            if signature not in prototypes:
                prototypes[signature] = ctypes.PYFUNCTYPE(*signature)
            setattr(lib, name, prototypes[signature](address))
        lib.FPDF_InitLibraryWithConfig(ctypes.byref(FPDF_LIBRARY_CONFIG(2, None, None, 0)))
        _LIB = lib
    return _LIB


# --- the library pypdfium2 loads, kept ---------------------------------------------------------------

_KEPT_FORMAT = 1  # what a kept record holds; another layout of it is not read


def _open_library():
    """PDFium's functions, as attributes: pypdfium2's raw API where this process has imported it already; else the
    file pypdfium2 loaded in an earlier process, where it is kept and pypdfium2's files have not changed since (a
    ctypes.CDLL of it); else pypdfium2's raw API, imported (and the file it loaded then kept)."""
    if "pypdfium2_raw" in sys.modules:  # one PDFium a process: the one pypdfium2 has loaded
        return sys.modules["pypdfium2_raw"]
    from importlib.machinery import PathFinder

    try:
        spec = PathFinder.find_spec("pypdfium2_raw")
        folder = list(spec.submodule_search_locations or [None])[0] if spec else None
    except (ImportError, ValueError):
        folder = None
    record = _kept_path(folder) if folder is not None else None
    if record is not None:
        kept = _kept_library(record, folder)
        if kept is not None:
            return kept
    try:
        pypdfium2_raw = _import_raw()
    except ImportError as e:
        raise InputError("reading PDF needs pypdfium2, which is not installed", hint="pip install pypdfium2") from e
    if record is not None:
        _keep_library(record, folder, pypdfium2_raw)
    return pypdfium2_raw


def _kept_folder() -> str | None:
    """Where the records are (`<cache>/pdfium`); None where the cache is given as a relative path (RESDIFF_CACHE_DIR
    unexpanded, say), which reading a PDF never writes into the current folder."""
    from .cache import cache_folder

    top = cache_folder()
    return os.path.join(top, "pdfium") if os.path.isabs(top) else None


def _kept_path(folder: str) -> str | None:
    """The record of the library pypdfium2 at `folder` loads: one a pypdfium2 install (several venvs may share a
    user cache), named by its folder (cache.key_name)."""
    from .cache import key_name

    records = _kept_folder()
    return os.path.join(records, key_name(os.fsencode(folder))) if records else None


def _kept_library(record: str, folder: str):
    """The library kept for the pypdfium2 at `folder`, loaded (ctypes.CDLL), where the record is whole, names a
    file listed in that folder, every file of the folder has the stamp (modification time, size) it had when
    pypdfium2 loaded it, and the file has every function the reader calls; else None."""
    import marshal

    from .cache import file_stamps, kept_file

    try:
        form, kept_folder, stamps, name = marshal.loads(kept_file(record))
        # the name one of the folder's files (by their stamps, as they are now: nothing outside the folder)
        if form != _KEPT_FORMAT or kept_folder != folder or name not in {s[0] for s in stamps} \
                or stamps != file_stamps(folder):
            return None
        found = ctypes.CDLL(os.path.join(folder, name))
        for function in SIGNATURES:  # each looked up once (the CDLL keeps it): every one there, or none used
            getattr(found, function)
        return found
    except Exception:  # noqa: BLE001 (no record, a damaged one, a file gone: pypdfium2 loads it, as without one)
        return None


def _keep_library(record: str, folder: str, pypdfium2_raw) -> bool:
    """The file pypdfium2 loaded (asked of the dynamic linker by the address of one of its functions) kept for the
    pypdfium2 at `folder`, with the stamps of that folder's files: only where it lies in that very folder. The
    records of pypdfium2 installs that are gone (a venv removed) are removed with it."""
    import marshal

    from .cache import file_stamps, keep_file

    try:
        where = library_file(ctypes.cast(pypdfium2_raw.FPDF_InitLibraryWithConfig, ctypes.c_void_p).value)
        if where is None:
            return False
        where = os.path.realpath(where)
        if os.path.dirname(where) != os.path.realpath(folder):  # pypdfium2 loaded a PDFium of elsewhere
            return False
        kept = keep_file(record, marshal.dumps((_KEPT_FORMAT, folder, file_stamps(folder), os.path.basename(where))))
        _forget_gone(os.path.dirname(record))
        return kept
    except Exception:  # noqa: BLE001 (nothing is kept; the next process imports pypdfium2 again)
        return False


def _forget_gone(records: str) -> None:
    """The records of pypdfium2 installs whose folder is gone (a venv removed) removed."""
    import marshal

    from .cache import forget, kept_file, kept_in

    gone = set()
    for name, _ in kept_in(records):
        try:
            if not name.endswith(".tmp") and not os.path.isdir(marshal.loads(kept_file(f"{records}/{name}"))[1]):
                gone.add(name)
        except Exception:  # noqa: BLE001 (a record of another format, or damaged: left as it is)
            pass
    forget(records, names=gone)


def kept_listing() -> str:
    """`resdiff cache`'s line on the kept PDFium locations."""
    from .cache import kept_in

    records = _kept_folder()
    n = sum(not name.endswith(".tmp") for name, _ in kept_in(records)) if records else 0
    return f"  pdfium/  {n} PDFium location{'s' if n != 1 else ''} kept (one a pypdfium2 install)"


def forget_kept() -> str:
    """`resdiff cache --clear`: the kept PDFium locations removed (pypdfium2 is imported, and each kept again,
    by the next PDF read)."""
    from .cache import cache_folder, forget

    records = _kept_folder()
    gone = forget(records) if records else 0
    shown = records or os.path.join(cache_folder(), "pdfium")
    return f"removed {gone} file{'s' if gone != 1 else ''} of kept PDFium locations from {shown}"


# --- what the reader asks, in Python values ------------------------------------------------------


class Document:
    """An open PDF; `close()` (or `with`) frees it. PDFium reads from `data` for as long as it is open (a
    `const void*`, never written: it is given the bytes' own buffer, no copy), so they live as long as the
    document."""

    def __init__(self, data: bytes, password: bytes | None = None):
        self.lib = lib = library()
        # (bytes() of bytes is the object itself); also searched for a /Direction PDFium's API gives no name of
        self._data = data = data if type(data) is bytes else bytes(memoryview(data))  # a buffer only, never a size
        self.handle = lib.FPDF_LoadMemDocument64(data, len(data), password)
        self.error = 0 if self.handle else lib.FPDF_GetLastError()
        self._r2l: bool | None = None

    def __enter__(self) -> Document:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        if self.handle:
            self.lib.FPDF_CloseDocument(self.handle)
            self.handle = None

    @property
    def needs_password(self) -> bool:
        return self.error == ERR_PASSWORD

    @property
    def security_revision(self) -> int:
        """The standard security handler's revision, -1 where the document is not encrypted (a PDF
        with an empty user password is encrypted and opened, as every viewer opens it)."""
        return self.lib.FPDF_GetSecurityHandlerRevision(self.handle)

    def page_count(self) -> int:
        return self.lib.FPDF_GetPageCount(self.handle)

    @property
    def right_to_left(self) -> bool:
        """Whether the document asks to be read right to left (/ViewerPreferences /Direction /R2L): PDFium's
        text pages then lay each line out from its right end. PDFium's API gives the entry where it is a name;
        one it does not give (a reference to a name, a string) is taken to ask it where the file spells
        '/Direction' (not inside a compressed object stream, which only PDFium reads)."""
        if self._r2l is None:
            name = ctypes.create_string_buffer(8)
            got = self.lib.FPDF_VIEWERREF_GetName(self.handle, b"Direction", name, len(name))
            self._r2l = name.value == b"R2L" if 0 < got <= len(name) else b"/Direction" in self._data
        return self._r2l


class Page:
    """A loaded page and its text page."""

    def __init__(self, doc: Document, index: int):
        self.lib = lib = doc.lib
        self.doc = doc
        self.handle = lib.FPDF_LoadPage(doc.handle, index)
        self.text = lib.FPDFText_LoadPage(self.handle) if self.handle else None

    def close(self) -> None:
        if self.text:
            self.lib.FPDFText_ClosePage(self.text)
        if self.handle:
            self.lib.FPDF_ClosePage(self.handle)
        self.handle = self.text = None

    def height(self) -> float:
        return self.lib.FPDF_GetPageHeightF(self.handle)

    def codes(self) -> list[int]:
        """The UTF-16 code units of the page's characters, one a character index (a character outside
        the BMP reads as a surrogate here; `unicode(i)` gives it whole)."""
        n = self.lib.FPDFText_CountChars(self.text)
        if n <= 0:
            return []
        raw = ctypes.create_string_buffer(2 * n + 2)
        self.lib.FPDFText_GetText(self.text, 0, n, raw)
        return memoryview(raw.raw[: 2 * n]).cast("H").tolist()

    def unicode(self, i: int) -> int:
        return self.lib.FPDFText_GetUnicode(self.text, i)

    def char_objects(self, n: int, codes: list[int] | set[int] | None = None) -> list[int | None]:
        """The text object of each of the first n characters (None: a character PDFium made itself).

        Given the page's `codes` (those of `codes()`, in any order and each as often as you like: a set of them
        will do), asked by stretches where PDFium laid the page out object by object (see
        in_object_order): every _STRIDE-th character is asked, and a stretch between two asked characters of
        one text object is that object's throughout; the characters of the other stretches (where an object
        ends, or PDFium put a space or line break of its own) are asked one by one."""
        get = self.lib.FPDFText_GetTextObject
        handle = ctypes.c_void_p(self.text)
        args = _index_args(range(n))
        if n <= _STRIDE or codes is None or not self.in_object_order(codes):
            return list(map(get, repeat(handle, n), args))
        ends = [*range(0, n - 1, _STRIDE), n - 1]
        got = list(map(get, repeat(handle, len(ends)), map(args.__getitem__, ends)))
        keys = list(chain.from_iterable(map(repeat, got, map(sub, ends[1:], ends))))  # each stretch its first's
        keys.append(got[-1])
        unsure = compress(zip(ends, ends[1:], strict=False), map(or_, map(ne, got, got[1:]), map(not_, got)))
        for lo, hi in unsure:  # a stretch at a time: its characters asked in one map, written in one slice
            keys[lo + 1:hi] = map(get, repeat(handle, hi - lo - 1), args[lo + 1:hi])
        return keys

    def in_object_order(self, codes: list[int] | set[int]) -> bool:
        """Whether PDFium's text page holds each text object's characters together, as it reads them: it does
        unless it reorders a line, which it does for a document read right to left, or for a line with a
        right-to-left character (bidirectional class R or AL: Hebrew to NKo and the Arabic extensions, their
        presentation forms, the right-to-left mark; a surrogate may be one, outside the BMP). The forms
        between those presentation forms (U+FE00-FE6F: variation selectors, vertical and small forms that a
        Chinese text sets) are not right to left."""
        return not (self.doc.right_to_left or any(0x590 <= u <= 0x8FF or 0xFB1D <= u <= 0xFDFF or 0xFE70 <= u <= 0xFEFF
                                                  or 0xD800 <= u < 0xE000 or u == 0x200F for u in set(codes)))

    def generated(self, indices: list[int]) -> list[int]:
        """Whether each of these characters is one PDFium made itself (a space or line break it inferred)."""
        handle = ctypes.c_void_p(self.text)
        return list(map(self.lib.FPDFText_IsGenerated, repeat(handle, len(indices)), _index_args(indices)))

    def loose_boxes(self, indices: list[int]) -> list[float]:
        """The loose box of each of these characters (ascending indices), four floats each (left, top,
        right, bottom): from the font's descent to its ascent, from the glyph's origin to its advance."""
        out: list[float] = []
        for floats in self._boxes(_index_args(indices)):
            out += floats.tolist()
        return out

    def loose_sides(self, indices: list[int] | None = None, *,
                    where: list | None = None) -> tuple[list[float], list[float], list[float]]:
        """The left, right and bottom sides of the loose boxes of these characters (see loose_boxes), a
        list each: what the reader uses of a box, read out of PDFium's floats without the tops. The characters:
        `indices` (ascending), or those `where` holds true (one value a character, from the page's first: a
        bool, or the character's text object, None where it is left out)."""
        lefts: list[float] = []
        rights: list[float] = []
        bottoms: list[float] = []
        for floats in self._boxes(_index_args(indices) if where is None else _index_args_where(where)):
            lefts += floats[0::4].tolist()
            rights += floats[2::4].tolist()
            bottoms += floats[3::4].tolist()
        return lefts, rights, bottoms

    def _boxes(self, args: list):
        """The loose boxes of these characters (_index_args), a buffer of them at a time: a view of its floats,
        four a box."""
        handle, box = ctypes.c_void_p(self.text), self.lib.FPDFText_GetLooseCharBox
        buf, slots = scratch = _take_box_slots()
        try:
            floats, size = memoryview(buf).cast("B").cast("f"), len(slots)  # a buffer is as long as it was made
            for at in range(0, len(args), size):
                part = args[at: at + size]
                if not all(map(box, repeat(handle, len(part)), part, slots)):  # only for an index off the page
                    raise InputError("PDFium gave no box for a character of a page")
                yield floats[: 4 * len(part)]
        finally:
            _FREE_SLOTS.append(scratch)

    def text_objects(self, *, depth: int = 4, limit: int = 10_000) -> list[int]:
        """The page's text objects, those inside its forms too (forms `depth` deep, `limit` objects
        visited at most): what the page draws as text, even where PDFium's text page has no character
        of it (it leaves out text of font size 0)."""
        lib, out, seen = self.lib, [], 0
        todo = [(lib.FPDFPage_GetObject(self.handle, i), 0) for i in range(min(lib.FPDFPage_CountObjects(self.handle),
                                                                              limit))]
        while todo and seen < limit:
            obj, level = todo.pop()
            seen += 1
            kind = lib.FPDFPageObj_GetType(obj) if obj else 0
            if kind == PAGEOBJ_TEXT:
                out.append(obj)
            elif kind == PAGEOBJ_FORM and level < depth:
                n = min(lib.FPDFFormObj_CountObjects(obj), limit - seen)
                todo += [(lib.FPDFFormObj_GetObject(obj, i), level + 1) for i in range(max(n, 0))]
        return out


class TextObject:
    """What the reader asks of the text object (one run of one font) a character belongs to."""

    def __init__(self, lib: SimpleNamespace):
        self.lib = lib
        self._descent = ctypes.c_float()

    def describe(self, objs: list[int], memo: dict) -> tuple[list[float], list[float], list[bool]]:
        """The size, the descent and the invisibility of each of a page's text objects, in three lists:
        - size: the size operand times the vertical scale of the object's matrix (the operand may be 1 with the
          size in the matrix, as Acrobat Distiller wrote it in 1994);
        - descent: the font's, at that size (`memo`: those asked already on this page, by font and size: a
          page's hundred text objects share a few fonts, and a font's handle is not kept past its page);
        - invisible: text that paints nothing a reader sees: render mode 3 or 7, or painted (filled, or
          stroked only) in white or fully transparent, the colour of a page's white background.
        Each PDFium function is asked of all the objects in one map(), each call writing into a slot of its
        own, where asking object by object costs some ten calls of Python an object."""
        lib, n = self.lib, len(objs)
        if not n:
            return [], [], []
        fsize, usize = ctypes.sizeof(_F), ctypes.sizeof(_U)
        sizes, matrices, rgba = (_F * n)(), (_F * (6 * n))(), (_U * (4 * n))()
        at = ctypes.addressof(sizes)
        list(map(lib.FPDFTextObj_GetFontSize, objs, range(at, at + n * fsize, fsize)))
        at = ctypes.addressof(matrices)
        list(map(lib.FPDFPageObj_GetMatrix, objs, range(at, at + 6 * n * fsize, 6 * fsize)))
        m = matrices[:]  # a, b, c, d, e, f of each
        size = list(map(mul, map(abs, sizes[:]), map(math.hypot, m[2::6], m[3::6])))
        descents = []
        for font, s in zip(map(lib.FPDFTextObj_GetFont, objs), size, strict=True):
            descent = memo.get((font, s))
            if descent is None:
                lib.FPDFFont_GetDescent(font, s, self._descent)
                descent = memo[font, s] = self._descent.value
            descents.append(descent)
        modes = list(map(lib.FPDFTextObj_GetTextRenderMode, objs))
        fill, stroke, at = lib.FPDFPageObj_GetFillColor, lib.FPDFPageObj_GetStrokeColor, ctypes.addressof(rgba)
        got = [(stroke if mode in RENDER_STROKES else fill)(obj, a, a + usize, a + 2 * usize, a + 3 * usize)
               for mode, obj, a in zip(modes, objs, range(at, at + 4 * n * usize, 4 * usize), strict=True)]
        c = rgba[:]
        hidden = [mode in (RENDER_INVISIBLE, RENDER_CLIP) or bool(ok and (a == 0 or min(r, g, b) >= 250))
                  for mode, ok, r, g, b, a in zip(modes, got, c[0::4], c[1::4], c[2::4], c[3::4], strict=True)]
        return size, descents, hidden


# --- the per-character calls --------------------------------------------------------------------
# Some 10,000 calls a page, so they are driven by map() over ready-made ctypes arguments: no Python loop
# around a call, and no int converted to a C int or a pointer at each call (ctypes' own conversion of
# an int costs about as much as the call itself).

_MAX_INDEX = 1 << 16  # character indices kept as ready C ints; a longer page passes plain ints (same calls)
_INDICES: list[ctypes.c_int] = []  # ctypes.c_int(i) at i, made once a process and never changed
_CHUNK = 4096  # boxes read into the buffer at a time
_STRIDE = 8  # where a page's characters come object by object, its text objects are asked at every 8th (char_objects)
# box buffers not in use, each with the addresses of its slots: one is taken by a reader (a thread) for a page,
# and given back after it (list.pop and append are atomic; no threading module: half a millisecond of a reading child)
_FREE_SLOTS: list[tuple[ctypes.Array, list[ctypes.c_void_p]]] = []


def _index_args(indices: list[int] | range) -> list:
    """The indices (ascending) as ready C ints (plain ints past _MAX_INDEX)."""
    global _INDICES
    top = indices[-1] + 1 if len(indices) else 0
    if top > _MAX_INDEX:
        return list(indices)
    if len(_INDICES) < top:  # a new list, swapped in whole: a reader in another thread sees either one
        _INDICES = _INDICES + list(map(ctypes.c_int, range(len(_INDICES), top)))
    if isinstance(indices, range) and indices.start == 0 and indices.step == 1:
        return _INDICES[:top]
    return list(map(_INDICES.__getitem__, indices))


def _index_args_where(where: list) -> list:
    """_index_args of the indices where `where` holds true, picked in C (no list of the indices made first)."""
    return list(compress(_index_args(range(len(where))), where))


def _take_box_slots() -> tuple[ctypes.Array, list[ctypes.c_void_p]]:
    """A buffer of _CHUNK boxes (four floats each: left, top, right, bottom, as FS_RECTF) and each slot's address,
    this caller's until it gives it back to _FREE_SLOTS: one that is free, or a new one."""
    try:
        return _FREE_SLOTS.pop()
    except IndexError:
        buf = (ctypes.c_float * (4 * _CHUNK))()
        base, size = ctypes.addressof(buf), ctypes.sizeof(FS_RECTF)
        return buf, list(map(ctypes.c_void_p, range(base, base + size * _CHUNK, size)))


# --- the two calls outside PDFium: the C library's ----------------------------------------------------------

_PR_SET_PDEATHSIG = 1  # Linux's prctl option


class _DlInfo(ctypes.Structure):  # dlfcn.h's Dl_info
    _fields_ = [("dli_fname", ctypes.c_char_p), ("dli_fbase", ctypes.c_void_p), ("dli_sname", ctypes.c_char_p),
                ("dli_saddr", ctypes.c_void_p)]


def _c_function(name: str, result, *arguments):
    """The C library's function of that name, declared (result, arguments), or None where this process has none
    (Windows, another C library)."""
    try:
        function = getattr(ctypes.CDLL(None, use_errno=True), name)
    except (OSError, AttributeError, TypeError):
        return None
    function.argtypes, function.restype = list(arguments), result
    return function


def library_file(address: int) -> str | None:
    """The shared library file a function at `address` belongs to (`dladdr`, Linux and macOS); None where it
    cannot be asked or is not known."""
    dladdr = _c_function("dladdr", ctypes.c_int, ctypes.c_void_p, ctypes.POINTER(_DlInfo))
    info = _DlInfo()
    if dladdr is None or not dladdr(address, ctypes.byref(info)) or not info.dli_fname:
        return None
    return os.fsdecode(info.dli_fname)


def die_with_parent(signal_number: int) -> bool:
    """prctl(PR_SET_PDEATHSIG, signal_number) (Linux): this process gets the signal when the thread that forked it
    ends (isolate's reading child, killed with the process it reads for). False where it cannot be asked."""
    if not sys.platform.startswith("linux"):
        return False
    prctl = _c_function("prctl", ctypes.c_int, ctypes.c_int, *[ctypes.c_ulong] * 4)
    return prctl is not None and prctl(_PR_SET_PDEATHSIG, signal_number, 0, 0, 0) == 0
