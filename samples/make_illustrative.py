"""Builds samples/illustrative/: six ILLUSTRATIVE earlier versions of resolution 75/62 (63/71, 70/54 … 74/62),
so that with the official 75/62 the bundled series has the seven versions of the real one.

They are NOT official United Nations texts. Each is made by editing the official Chinese text of
A/RES/75/62 (samples/A-RES-75-62.zh.txt) backwards one year at a time, in the way the real series
changes: the recalled resolutions grow by one each year, the counts of States change, a paragraph
is added in one year and reworded in a later one, an operative paragraph is dropped and the rest
renumbered. Every file says so in its first line and in its name.

Run from the repository root:  python samples/make_illustrative.py
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

from layout import Para, Spec, render, seed_spec  # noqa: E402

NOTICE = "ILLUSTRATIVE TEXT - NOT AN OFFICIAL UNITED NATIONS DOCUMENT (built by editing resolution 75/62)"
ZH_SESSION = {63: "六十三", 64: "六十四", 70: "七十", 71: "七十一", 72: "七十二", 73: "七十三", 74: "七十四",
              75: "七十五"}
# symbol, adopted (y, m, d), distributed, report, report paragraph, meeting, job number
VERSIONS = {
    74: ("74/62", (2019, 12, 12), "18 December 2019", "A/74/394", "90", 46, "19-21621 (C)"),
    73: ("73/54", (2018, 12, 5), "13 December 2018", "A/73/505", "88", 45, "18-21134 (C)"),
    72: ("72/54", (2017, 12, 4), "11 December 2017", "A/72/409", "92", 67, "17-21982 (C)"),
    71: ("71/45", (2016, 12, 5), "9 December 2016", "A/71/450", "91", 51, "16-21532 (C)"),
    70: ("70/54", (2015, 12, 7), "11 December 2015", "A/70/460", "87", 67, "15-21811 (C)"),
    63: ("63/71", (2008, 12, 2), "12 January 2009", "A/63/389", "60", 61, "08-48187 (C)"),
}


def _header(spec: Spec, session: int) -> list[str]:
    sym, (y, m, d), distr, report, para, _, job = VERSIONS[session]
    out = [NOTICE]
    for line in spec.header:
        line = (line.replace("A/RES/75/62", f"A/RES/{sym}").replace("15 December 2020", distr)
                .replace("第七十五届会议", f"第{ZH_SESSION[session]}届会议")
                .replace("2020 年 12 月 7 日", f"{y} 年 {m} 月 {d} 日")
                .replace("A/75/399，第 96 段", f"{report}，第 {para} 段")
                .replace("75/62.", f"{sym}.").replace("20-16878 (C)", job).replace("*2016878*", ""))
        if session == 63:  # the 2008 resolution is on the Convention itself: another title
            line = line.replace("《集束弹药公约》的执行情况", "《集束弹药公约》")
        if line.strip():
            out.append(line)
    return out


def _closing(session: int) -> list[str]:
    _, (y, m, d), *_rest = VERSIONS[session]
    return [f"{y} 年 {m} 月 {d} 日", f"第 {VERSIONS[session][5]} 次全体会议"]


def _next_session(spec: Spec, session: int) -> None:
    """The last operative paragraph puts the item on the agenda of the next session."""
    p = spec.paras[-1]
    p.text = re.sub(r"第[一二三四五六七八九十]+届会议", f"第{ZH_SESSION[session + 1]}届会议", p.text)


def _para(spec: Spec, start: str) -> Para:
    return next(p for p in spec.paras if p.text.startswith(start))


RECALLED = [("2015 年 12 月 7 日", "70/54"), ("2016 年 12 月 5 日", "71/45"), ("2017 年 12 月 4 日", "72/54"),
            ("2018 年 12 月 5 日", "73/54"), ("2019 年 12 月 12 日", "74/62")]


def _recall(spec: Spec, session: int) -> None:
    """The first preambular paragraph recalls every earlier resolution of the series."""
    items = [f"{date}第 {sym} 号" for date, sym in RECALLED if int(sym.split("/")[0]) < session]
    if not items:
        spec.paras[0].text = "回顾其关于《集束弹药公约》的 2008 年 12 月 2 日第 63/71 号决议，"
        return
    listed = items[0] if len(items) == 1 else "、".join(items[:-1]) + "和 " + items[-1]
    spec.paras[0].text = f"回顾其关于《集束弹药公约》的 2008 年 12 月 2 日第 63/71 号和关于《公约》执行情况的 {listed}决议，"


def build() -> dict[int, Spec]:
    specs = {}
    s = seed_spec()

    # 74/62: one resolution fewer recalled, other counts, no tenth-anniversary paragraph yet,
    # OP8 announced the review conference without its dates.
    s = s.copy()
    _recall(s, 74)
    _next_session(s, 74)
    _para(s, "注意到已有").text = "注意到已有 121 个国家加入《集束弹药公约》，其中 108 个为缔约国，13 个为签署国，"
    s.paras.remove(_para(s, "又注意到 2020 年"))
    op8 = _para(s, "邀请并鼓励所有感兴趣的国家")
    op8.text = op8.text.replace("出席 2020 年 11 月 23 日至 27 日在瑞士洛桑举行的", "出席将于 2020 年在瑞士举行的")
    specs[74] = s

    # 73/54: the gender paragraph (PP19) is not there yet; counts; OP8 on the ninth meeting.
    s = s.copy()
    _recall(s, 73)
    _next_session(s, 73)
    _para(s, "注意到已有").text = "注意到已有 120 个国家加入《集束弹药公约》，其中 106 个为缔约国，14 个为签署国，"
    s.paras.remove(_para(s, "承认妇女和男子"))
    op8 = _para(s, "邀请并鼓励所有感兴趣的国家")
    op8.text = op8.text.replace("出席将于 2020 年在瑞士举行的公约缔约国第二次审查会议",
                                "出席 2019 年 9 月 2 日至 4 日在日内瓦举行的公约缔约国第九次会议")
    specs[73] = s

    # 72/54: an operative paragraph on article 7 reports, dropped in 73/54 (the rest renumbered).
    s = s.copy()
    _recall(s, 72)
    _next_session(s, 72)
    _para(s, "注意到已有").text = "注意到已有 119 个国家加入《集束弹药公约》，其中 103 个为缔约国，16 个为签署国，"
    k = s.paras.index(_para(s, "邀请所有尚未批准"))
    s.paras.insert(k + 1, Para("OP", "鼓励所有缔约国在第 7 条报告中提供关于受害者援助的详细资料；", tag=100))
    specs[72] = s

    # 71/45: the Germany paragraph worded otherwise (reworded in 72/54).
    s = s.copy()
    _recall(s, 71)
    _next_session(s, 71)
    _para(s, "注意到已有").text = "注意到已有 119 个国家加入《集束弹药公约》，其中 100 个为缔约国，19 个为签署国，"
    de = _para(s, "欢迎德国")
    de.text = "欢迎德国作为缔约国第七次会议主席为推动普遍加入公约所作的努力，包括与公约非缔约国的对话，"
    specs[71] = s

    # 70/54: recalls 63/71 only; the 2016 Political Declaration (PP16) is not there yet.
    s = s.copy()
    _recall(s, 70)
    _next_session(s, 70)
    _para(s, "注意到已有").text = "注意到已有 118 个国家加入《集束弹药公约》，其中 98 个为缔约国，20 个为签署国，"
    s.paras.remove(_para(s, "还表示注意到 2016 年"))
    specs[70] = s

    # 63/71, on the Convention itself (another title): a short text that welcomes its adoption.
    s = s.copy()
    s_last_tag = s.paras[-1].tag
    s.paras = [p for p in s.paras if p.kind == "PP" and p.tag is not None and p.tag in (1, 2, 3, 4)]
    s.paras.insert(0, Para("PP", "欢迎 2008 年 5 月 30 日在都柏林通过《集束弹药公约》，", tag=200))
    s.paras.append(Para("OP", "邀请所有国家尽早签署和批准《公约》；", tag=201))
    # the agenda decision is the ancestor of the last operative paragraph of every later text
    s.paras.append(Para("OP", "决定在大会第六十四届会议临时议程中列入题为“全面彻底裁军”的项目。", tag=s_last_tag))
    specs[63] = s
    return specs


def main() -> None:
    out = ROOT / "samples" / "illustrative"
    out.mkdir(exist_ok=True)
    for session, spec in build().items():
        spec.header = _header(spec, session)
        spec.closing = _closing(session)
        sym = VERSIONS[session][0].replace("/", "-")
        path = out / f"ILLUSTRATIVE-A-RES-{sym}.zh.txt"
        path.write_text(render(spec, width=38), encoding="utf-8")
        print(f"wrote {path.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
