"""Run by Debian's python3 (which has LibreOffice's `uno`), not by the tests' interpreter: open a .docx in a
headless LibreOffice Writer, do what a reviser does with its tracked changes, save the result as text.

    python3 tests/lo_revisions.py IN.docx OUTDIR AUTHOR

In one LibreOffice, three times from the file as given: Edit > Track Changes > Accept All (OUTDIR/accept.txt),
Reject All (reject.txt), and each change of one reviewer accepted, as Manage Changes filtered by author then
Accept All does (author.txt). It prints, as JSON, for each: the authors of the tracked changes left and the
document's bookmarks."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
import time

import uno  # noqa: F401  (Debian's python3-uno)
from com.sun.star.beans import PropertyValue
from com.sun.star.connection import NoConnectException


def _prop(name, value):
    p = PropertyValue()
    p.Name, p.Value = name, value
    return p


def main() -> None:
    src, outdir, author = sys.argv[1:4]
    profile = tempfile.mkdtemp(prefix="resdiff-lo-")
    copy = os.path.join(profile, "in.docx")  # no lock file next to the caller's
    shutil.copyfile(src, copy)
    pipe = f"resdiff{os.getpid()}"
    proc = subprocess.Popen(["soffice", "--headless", "--invisible", "--nologo", "--norestore", "--nodefault",
                             f"-env:UserInstallation=file://{profile}", f"--accept=pipe,name={pipe};urp;"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    desktop = None
    try:
        local = uno.getComponentContext()
        resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
        deadline = time.monotonic() + 120
        while True:
            try:
                ctx = resolver.resolve(f"uno:pipe,name={pipe};urp;StarOffice.ComponentContext")
                break
            except NoConnectException:
                if time.monotonic() > deadline or proc.poll() is not None:
                    raise
                time.sleep(0.3)
        smgr = ctx.ServiceManager
        desktop = smgr.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
        dispatcher = smgr.createInstanceWithContext("com.sun.star.frame.DispatchHelper", ctx)
        report = {}
        for action in ("accept", "reject", "author"):
            doc = desktop.loadComponentFromURL(uno.systemPathToFileUrl(copy), "_blank", 0, (_prop("Hidden", True),))
            if doc is None:
                raise SystemExit(f"LibreOffice could not open {src}")
            frame = doc.getCurrentController().getFrame()
            if action == "accept":
                dispatcher.executeDispatch(frame, ".uno:AcceptAllTrackedChanges", "", 0, ())
            elif action == "reject":
                dispatcher.executeDispatch(frame, ".uno:RejectAllTrackedChanges", "", 0, ())
            else:
                _accept_author(doc, frame, dispatcher, author)
            report[action] = {"authors": sorted({r.getPropertyValue("RedlineAuthor") for r in _redlines(doc)}),
                              "bookmarks": list(doc.getBookmarks().getElementNames())}
            out = os.path.join(os.path.abspath(outdir), f"{action}.txt")
            doc.storeToURL(uno.systemPathToFileUrl(out),
                           (_prop("FilterName", "Text (encoded)"), _prop("FilterOptions", "UTF8,LF,,,")))
            doc.close(True)
        print(json.dumps(report))
    finally:
        if desktop is not None:
            try:
                desktop.terminate()
            except Exception:
                pass
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()
        shutil.rmtree(profile, ignore_errors=True)


def _accept_author(doc, frame, dispatcher, author: str) -> None:
    """Each tracked change of one author selected and accepted, one after the other."""
    controller = doc.getCurrentController()
    while True:
        mine = [r for r in _redlines(doc) if r.getPropertyValue("RedlineAuthor") == author]
        if not mine:
            return
        r = mine[0]
        cursor = doc.getText().createTextCursorByRange(r.getPropertyValue("RedlineStart"))
        cursor.gotoRange(r.getPropertyValue("RedlineEnd"), True)
        controller.select(cursor)
        before = len(_redlines(doc))
        dispatcher.executeDispatch(frame, ".uno:AcceptTrackedChange", "", 0, ())
        if len(_redlines(doc)) >= before:
            raise SystemExit(f"could not accept a change by {author}")


def _redlines(doc):
    e = doc.getRedlines().createEnumeration()
    out = []
    while e.hasMoreElements():
        out.append(e.nextElement())
    return out


if __name__ == "__main__":
    main()
