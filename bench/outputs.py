"""Every command's output in every format, on the bundled samples and the real corpus, written to a folder:
the before/after comparison a refactoring or a speed change must pass (run on demand, never in CI).

    python bench/outputs.py OUT            # one file per command line, its bytes and exit status
    diff -r OUT-before OUT-after           # nothing may differ

Each command runs as a user runs it (a fresh `python -m resdiff`, no colour unless asked, a fixed
width, a private cache), from the repository's root; where an output names the root or the temporary
folder absolutely, they are written <ROOT> and <TMP>. Documents of ../shared/corpus/real are used where
that folder is present."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
REAL = ROOT.parent / "shared" / "corpus" / "real"
S = "samples/illustrative/ILLUSTRATIVE-A-RES-"
SERIES = [f"{S}{n}.zh.txt" for n in ("63-71", "70-54", "71-45", "72-54", "73-54", "74-62")] + ["samples/A-RES-75-62.zh.txt"]
OLD, NEW = SERIES[-2], SERIES[-1]
EN = "tests/data/A-RES-75-62.en.unofficial.txt"


def commands(tmp: Path) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for view in ("inline", "side-by-side", "summary"):
        out[f"diff-{view}.txt"] = ["diff", OLD, NEW, "--view", view, "--width", "100", "--color", "never"]
    out["diff-inline.ansi"] = ["diff", OLD, NEW, "--width", "80", "--color", "always"]
    out["diff-context.txt"] = ["diff", OLD, NEW, "--width", "72", "--color", "never", "-C", "1", "--show-routine"]
    for fmt in ("json", "markdown", "html"):
        out[f"diff.{fmt}"] = ["diff", OLD, NEW, "--format", fmt]
    out["parse.txt"] = ["parse", NEW, "--width", "100", "--color", "never"]
    out["parse.json"] = ["parse", NEW, "--format", "json"]
    for fmt in ("terminal", "json", "markdown", "html"):
        out[f"series.{fmt}"] = ["series", *SERIES, "--format", fmt, "--steps", "--width", "100", "--color", "never"]
    out["blame.txt"] = ["blame", *SERIES, "--width", "100", "--color", "never"]
    out["blame.json"] = ["blame", *SERIES, "--format", "json"]
    for fmt in ("terminal", "json", "junit", "github", "sarif", "html"):
        out[f"check.{fmt}"] = ["check", EN, OLD, "--force", "--format", fmt, "--fail-on", "note", "--width", "100",
                               "--color", "never"]
    for fmt in ("terminal", "json", "draft", "xliff", "tmx"):
        out[f"carry.{fmt}"] = ["carry", OLD, NEW, EN, "--format", fmt]
    if REAL.is_dir():
        real = sorted(p for p in REAL.iterdir() if p.suffix in (".pdf", ".txt") and p.name != "README.md")
        real += sorted(p for p in (REAL / "extracted").iterdir() if p.name != "README.md")
        for p in real:
            out[f"real-parse-{p.name}.json"] = ["parse", str(p), "--format", "json"]
            out[f"real-parse-{p.name}.txt"] = ["parse", str(p), "--width", "100", "--color", "never"]
        for stem in ("A-RES-48-246.en", "A-RES-73-6.en", "A-RES-73-7.en"):
            for ext in ("pdfminer.txt", "extracted/pdftotext.txt", "extracted/pymupdf4llm.md"):
                folder, _, suffix = ext.rpartition("/")
                other = REAL / folder / f"{stem}.{suffix}"
                out[f"real-diff-{stem}-{suffix}.json"] = ["diff", str(REAL / f"{stem}.pdf"), str(other), "--format",
                                                          "json"]
        pair = [str(REAL / "A-RES-48-246.en.pdf"), str(REAL / "A-RES-48-246.es.pdf")]
        for fmt in ("terminal", "json", "sarif"):
            out[f"real-check-48-246.{fmt}"] = ["check", *pair, "--format", fmt, "--fail-on", "note", "--width",
                                               "100", "--color", "never"]
        src, tgt = tmp / "en", tmp / "es"
        src.mkdir()
        tgt.mkdir()
        for p in REAL.glob("*.en.p*"):
            os.symlink(p, src / p.name)
        for p in REAL.glob("*.es.p*"):
            os.symlink(p, tgt / p.name)
        for fmt in ("terminal", "json", "junit", "github", "sarif", "html"):
            out[f"real-session.{fmt}"] = ["check", str(src), str(tgt), "--format", fmt, "--fail-on", "note",
                                          "--jobs", "1", "--width", "100", "--color", "never"]
    return out


def main() -> int:
    if len(sys.argv) != 2:
        print(__doc__.split("\n\n")[1], file=sys.stderr)
        return 2
    dest = Path(sys.argv[1]).resolve()
    dest.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as t:
        tmp = Path(t)
        env = dict(os.environ, HOME=str(tmp), XDG_CACHE_HOME=str(ROOT / ".bench-cache"), COLUMNS="100",
                   NO_COLOR="", TERM="dumb", PYTHONHASHSEED="0")
        env.pop("NO_COLOR")

        def one(item: tuple[str, list[str]]) -> None:
            name, args = item
            r = subprocess.run([sys.executable, "-m", "resdiff", *args], cwd=ROOT, env=env, capture_output=True,
                               stdin=subprocess.DEVNULL)
            data = r.stdout.replace(str(ROOT).encode(), b"<ROOT>").replace(str(tmp).encode(), b"<TMP>")
            (dest / name).write_bytes(data + f"\n--- exit {r.returncode}\n".encode())

        with ThreadPoolExecutor(2) as pool:
            list(pool.map(one, commands(tmp).items()))
    print(f"{len(list(dest.iterdir()))} outputs in {dest}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
