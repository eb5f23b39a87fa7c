"""PDF redline of `diff`: the HTML view printed by a headless Chromium (the browser the HTML is made for).

What prints is the HTML report's print style: the legend and the summary table on top, each changed
paragraph under its ids (and its PDF page, where the input was one), the inline redline, a footer with
the two symbols and "page N of M" on every page (CSS @page margin boxes). Chromium embeds the fonts it
finds for each script (fontconfig: a Chinese, an Arabic and a Cyrillic font must be installed, as
.ci/run does with fonts-wqy-zenhei and DejaVu).

Chromium rather than WeasyPrint, by measurement (docs/formats.md): on the bundled pair it printed in a
median 3.35 s of wall time and 1.12 s of CPU against WeasyPrint's 5.26 s and 1.78 s, on the busy 2-core
machine; and it prints exactly what a reader's browser shows, from the one HTML view, with no new Python
dependency (WeasyPrint needs Pango, cffi, fontTools and pydyf). Chromium is found as `RESDIFF_CHROMIUM`,
else `chromium`, `chromium-browser`, `google-chrome` on PATH; the page is loaded from a temporary
file, with the network off."""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from ..errors import ResdiffError
from ..model import DocumentDiff
from .html import render_diff as html_diff

_NAMES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
TIMEOUT = 180  # seconds for one print: a 5-page resolution takes 2-4 s on a busy 2-core machine


def chromium() -> str:
    """The browser that prints, or an error saying how to get one."""
    named = os.environ.get("RESDIFF_CHROMIUM")
    if named:
        found = shutil.which(named)
        if not found:
            raise ResdiffError(f"RESDIFF_CHROMIUM names {named}, which is not an executable")
        return found
    for name in _NAMES:
        found = shutil.which(name)
        if found:
            return found
    raise ResdiffError("--format pdf prints with a headless Chromium, and none was found",
                       hint="install chromium (Debian: apt-get install chromium) or set RESDIFF_CHROMIUM")


def render_diff(result: DocumentDiff, *, context: int = 0, hide_editorial: bool = False) -> bytes:
    """The PDF bytes."""
    browser = chromium()
    page = html_diff(result, context=context, hide_editorial=hide_editorial)
    with tempfile.TemporaryDirectory(prefix="resdiff-pdf-") as tmp:
        src, out = Path(tmp, "redline.html"), Path(tmp, "redline.pdf")
        src.write_text(page, encoding="utf-8")
        args = [browser, "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
                "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--disable-extensions", "--proxy-server=127.0.0.1:9",
                f"--user-data-dir={os.path.join(tmp, 'profile')}", f"--print-to-pdf={out}",
                src.as_uri()]
        try:
            done = subprocess.run(args, capture_output=True, timeout=TIMEOUT, stdin=subprocess.DEVNULL)
        except subprocess.TimeoutExpired:
            raise ResdiffError(f"Chromium did not print the redline within {TIMEOUT} s") from None
        if not out.exists() or out.stat().st_size == 0:
            said = done.stderr.decode("utf-8", "replace").strip().splitlines()[-1:] or ["no message"]
            raise ResdiffError(f"Chromium could not print the redline (exit status {done.returncode}: {said[0]})")
        return out.read_bytes()
