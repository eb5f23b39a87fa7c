"""Measures the similarity scores the aligner's thresholds are set from (resdiff/align.py).

Two populations, on the Chinese 75/62 text and the English fixture:
- different paragraphs of one resolution (must never pair): every pair of distinct paragraphs;
- a paragraph and its own edited self (must pair): numbers updated, one clause rewritten with
  words taken from elsewhere in the text, a clause added, a clause dropped.
Run: python bench/thresholds.py
"""

from __future__ import annotations

import random
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT)]

from resdiff import load_document  # noqa: E402
from resdiff.align import CONTAINED, MOVED, STRUCTURAL, Scorer  # noqa: E402
from resdiff.normalize import fold  # noqa: E402
from resdiff.tokenize import clauses  # noqa: E402


def edits(text: str, pool: list[str], rnd: random.Random) -> dict[str, str]:
    cl = clauses(text)
    out = {"numbers": re.sub(r"\d+", lambda m: str(int(m.group()) + 1), text)}
    if len(cl) >= 2:
        k = rnd.randrange(len(cl))
        donor = rnd.choice(pool)
        out["clause rewritten"] = "".join(cl[:k] + [donor] + cl[k + 1 :])
        out["clause dropped"] = "".join(cl[:k] + cl[k + 1 :])
    out["clause added"] = text[:-1] + "，" + rnd.choice(pool) if text else text
    return out


def measure(path: Path) -> None:
    doc = load_document(str(path))
    texts = [p.text for p in doc.paragraphs]
    rnd = random.Random(7)
    pool = [c for t in texts for c in clauses(t) if len(c) > 8]
    cross = []
    for i in range(len(texts)):
        for j in range(i + 1, len(texts)):
            s = Scorer([fold(t) for t in texts + [texts[j]]])  # the document frequencies the aligner sees
            cross.append((s.similarity(s.feat(i), s.feat(j)), doc.paragraphs[i].id, doc.paragraphs[j].id))
    own: dict[str, list[tuple[float, str]]] = {}
    for i, t in enumerate(texts):
        for kind, edited in edits(t, [c for c in pool if c not in t], rnd).items():
            s = Scorer([fold(t) for t in texts + [edited]])
            own.setdefault(kind, []).append((s.similarity(s.feat(i), s.feat(len(texts))), doc.paragraphs[i].id))
    cross.sort(reverse=True)
    print(f"\n{path.name}: {len(texts)} paragraphs")
    print(f"  different paragraphs: max {cross[0][0]:.2f} ({cross[0][1]} vs {cross[0][2]}), "
          f"next {cross[1][0]:.2f}, {cross[2][0]:.2f}; median {cross[len(cross) // 2][0]:.2f}")
    for kind, vals in own.items():
        vals.sort()
        print(f"  own self, {kind:17s}: min {vals[0][0]:.2f} ({vals[0][1]}), median {vals[len(vals) // 2][0]:.2f}")
    print("  threshold  different pairs at/above (would pair wrongly)  edited selves below (would not pair)")
    edited = [v for vals in own.values() for v, _ in vals]
    for t in (0.25, 0.30, 0.35, 0.40, 0.45, 0.50, 0.55, 0.60):
        wrong = sum(v >= t for v, _, _ in cross)
        missed = sum(v < t for v in edited)
        print(f"  {t:9.2f}  {wrong:5d} of {len(cross):4d} ({100 * wrong / len(cross):4.1f}%)"
              f"                    {missed:3d} of {len(edited)} ({100 * missed / len(edited):4.1f}%)")
    print(f"  thresholds in use: structural {STRUCTURAL}, moved {MOVED}, contained {CONTAINED}")
    return cross, edited


if __name__ == "__main__":
    measure(ROOT / "samples" / "A-RES-75-62.zh.txt")
    measure(ROOT / "tests" / "data" / "A-RES-75-62.en.unofficial.txt")
