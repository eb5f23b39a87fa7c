"""Small edited versions of 75/62, written as a PDF text extractor would give them, for the views that
need a particular kind of change: a split, a change with no renumbering, a long Chinese insertion.
Illustrative texts, never official."""

from __future__ import annotations

from pathlib import Path

from layout import Para, render, seed_spec

LONG_INSERTION = ("又回顾《关于禁止使用、储存、生产和转让杀伤人员地雷及销毁此种地雷的公约》缔约国第四次审查会议的成果，"
                  "以及各缔约国为执行《奥斯陆行动计划》所作的努力，")


def write_edited(folder: Path) -> None:
    """base.txt (75/62 as the layout writer renders it), split.txt (an operative paragraph cut in two),
    plain.txt (one word changed, nothing renumbered) and long.txt (a long preambular paragraph added)."""
    spec = seed_spec()
    split = spec.copy()
    k = split.index("OP", 8)
    text = split.paras[k].text
    cut = text.index("，", len(text) // 2) + 1
    split.paras[k:k + 1] = [Para("OP", text[:cut].rstrip("，") + "。"), Para("OP", text[cut:])]
    plain = spec.copy()
    j = plain.index("OP", 3)
    plain.paras[j].text = plain.paras[j].text.replace("严重", "极为严重", 1)
    long = spec.copy()
    long.paras.insert(long.index("PP", 5), Para("PP", LONG_INSERTION))
    for name, s in (("base", spec), ("split", split), ("plain", plain), ("long", long)):
        (folder / f"{name}.txt").write_text(render(s), "utf-8")
