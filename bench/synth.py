"""Synthetic resolutions of any size for the benchmark: the 75/62 paragraphs repeated (each copy
numbered so that it is unique), and an edited copy: 5% reworded, 1% deleted, 1% inserted, 0.5% moved.
Illustrative test data, never an official text."""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

from layout import Para, Spec, render, seed_spec  # noqa: E402

ORDINALS = "零一二三四五六七八九"


def _tag(k: int) -> str:
    return "".join(ORDINALS[int(d)] for d in str(k))


def synthetic_pair(paragraphs: int, *, rewritten: bool = False) -> tuple[str, str]:
    base = seed_spec()
    pps = [p for p in base.paras if p.kind == "PP"]
    ops = [p for p in base.paras if p.kind == "OP"]
    n_pp = paragraphs * len(pps) // len(base.paras)
    old = []
    for k in range(paragraphs):
        src = pps[k % len(pps)] if k < n_pp else ops[k % len(ops)]
        text = f"就第{_tag(k)}号事项，" + src.text.replace("\x00", "")
        old.append(Para(src.kind, text, tag=k))
    new = [Para(p.kind, p.text, tag=p.tag) for p in old]
    if rewritten:
        for k, p in enumerate(new):
            p.text = f"另据第{_tag(k)}号报告，各方重新拟订了本段的全部案文，措辞与前一版本完全不同，"
    else:
        for k in range(0, paragraphs, 20):
            new[k].text = new[k].text.replace("集束弹药", "集束弹药和地雷", 1) + "并欢迎新的进展，"
        for k in range(paragraphs - 1 - paragraphs % 100, 0, -100):
            del new[k]
        for k in range(50, len(new), 100):
            new.insert(k, Para(new[k].kind, f"又注意到第{_tag(k)}号新增事项的重要性，"))
        for k in range(30, len(new) - 10, 200):
            new.insert(k + 7, new.pop(k))
        new.sort(key=lambda p: p.kind == "OP")
    header, closing = base.header, base.closing
    return (render(Spec(header, old, closing)), render(Spec(header, new, closing)))


if __name__ == "__main__":
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    out = Path(sys.argv[2]) if len(sys.argv) > 2 else Path(".")
    a, b = synthetic_pair(n)
    (out / f"synthetic-{n}-old.txt").write_text(a, encoding="utf-8")
    (out / f"synthetic-{n}-new.txt").write_text(b, encoding="utf-8")
