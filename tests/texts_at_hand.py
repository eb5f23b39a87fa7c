"""The texts at hand, for the tests that hold a shortcut to its plain path over every real text: the bundled
samples (illustrative ones included), the fixtures of tests/data, and the shared corpus's real texts and
extractors' outputs where this machine has the corpus (beside the clone: ../shared/corpus)."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus"


def files() -> list[Path]:
    """Every text file at hand, in a fixed order: the corpus's Markdown extractions too."""
    out = [*sorted((ROOT / "samples").rglob("*.txt")), *sorted((ROOT / "tests" / "data").glob("*.txt"))]
    if CORPUS.is_dir():
        out += [f for f in sorted(CORPUS.rglob("*")) if f.suffix in (".txt", ".md")]
    return out


def texts() -> list[tuple[str, str]]:
    """Each file's name and text."""
    return [(f.name, f.read_text("utf-8", errors="replace")) for f in files()]


def pieces(text: str) -> list[str]:
    """A text's paragraphs (blocks between blank lines) and its lines, each one that holds any text."""
    return [p for p in text.split("\n\n") if p.strip()] + [line for line in text.splitlines() if line.strip()]
