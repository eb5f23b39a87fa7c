"""The serial part of a session, against another checkout's: python bench/serial.py [--base DIR] [--rounds N]
[--pairs N] [--pair-cost].

A session of N text pairs and one official PDF pair (bench/session.py's folders), run on 1 and 2 workers
(`resdiff check SRC TGT -f json --jobs J`, from a folder holding a copy of this checkout's pyproject.toml, as
bench/session.py runs it from the checkout), this checkout's and, with --base, the checkout in DIR (each
put first on PYTHONPATH), round after round alternated. Medians of: the CPU of every
process, the main process's CPU (serial), the fork server's start (an interpreter importing what it
preloads, serial too), and the speed-up two workers allow from CPU time alone (session.allowed_speedup).
The two checkouts' reports must be byte-identical. --pair-cost: also a text pair's CPU inside a one-worker
session of each checkout (session.pair_cost's measure: N pairs less 20, over the difference), alternated."""

from __future__ import annotations

import statistics
import sys
import tempfile
from pathlib import Path

sys.path[:0] = [str(Path(__file__).resolve().parent)]

from measure import PY, ROOT, become_subreaper, require_plain_start, run  # noqa: E402
from session import allowed_speedup, build  # noqa: E402

START = "import importlib, resdiff.session as s\nfor m in s.WORKER_MODULES: importlib.import_module(m)"


def _arg(name: str, default: str | None) -> str | None:
    return sys.argv[sys.argv.index(name) + 1] if name in sys.argv else default


def main() -> None:
    require_plain_start()
    become_subreaper()
    base, rounds, pairs = _arg("--base", None), int(_arg("--rounds", "5")), int(_arg("--pairs", "200"))
    variants = {"this": {"PYTHONPATH": str(ROOT)}, **({"base": {"PYTHONPATH": str(Path(base).resolve())}} if base else {})}
    with tempfile.TemporaryDirectory() as tmp:
        src, tgt = build(Path(tmp), pairs)
        here = Path(tmp, "cwd")
        here.mkdir()
        (here / "pyproject.toml").write_bytes((ROOT / "pyproject.toml").read_bytes())
        got = {(v, j): [] for v in variants for j in (1, 2)}
        starts = {v: [] for v in variants}
        outputs = set()
        for _ in range(rounds):
            for v, env in variants.items():
                for j in (1, 2):
                    r = run([PY, "-m", "resdiff", "check", str(src), str(tgt), "-f", "json", "--jobs", str(j)], env, here)
                    assert r.status in (0, 1), f"{v} --jobs {j}: status {r.status}"
                    outputs.add(r.stdout)
                    got[v, j].append(r)
                starts[v].append(run([PY, "-c", START], env, here).cpu)
    assert len(outputs) == 1, "the reports differ"
    for v in variants:
        one, two = [tuple(statistics.median(getattr(r, k) for r in got[v, j]) for k in ("wall", "cpu", "cpu_main"))
                    for j in (1, 2)]
        start = statistics.median(starts[v])
        print(f"{v}: 1 worker {one[1]:.3f} s CPU (main {one[2]:.3f}), 2 workers {two[1]:.3f} s CPU "
              f"(main {two[2]:.3f}); fork server start {start:.3f} s; two workers allow "
              f"{allowed_speedup(one, two, start):.3f}x (main CPU of each run, 2 workers: "
              f"{' '.join(f'{r.cpu_main:.3f}' for r in got[v, 2])})")
    print("reports byte-identical:", len(outputs) == 1)
    if "--pair-cost" in sys.argv:
        pair_cost(variants, rounds, pairs)


def pair_cost(variants: dict, rounds: int, pairs: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        sizes = {}
        for n in (20, pairs):
            Path(tmp, str(n)).mkdir()
            sizes[n] = build(Path(tmp, str(n)), n, pdfs=False)
        here = Path(tmp, "cwd")
        here.mkdir()
        (here / "pyproject.toml").write_bytes((ROOT / "pyproject.toml").read_bytes())
        cpu = {(v, n): [] for v in variants for n in sizes}
        for _ in range(rounds):
            for v, env in variants.items():
                for n, (src, tgt) in sizes.items():
                    r = run([PY, "-m", "resdiff", "check", str(src), str(tgt), "-f", "json", "--jobs", "1"], env, here)
                    assert r.status in (0, 1), f"{v}, {n} pairs: status {r.status}"
                    cpu[v, n].append(r.cpu)
    for v in variants:
        small, large = (statistics.median(cpu[v, n]) for n in sizes)
        print(f"{v}: a text pair inside a one-worker session {(large - small) / (pairs - 20) * 1000:.2f} ms CPU "
              f"({pairs} pairs {large:.3f} s, 20 pairs {small:.3f} s)")


if __name__ == "__main__":
    main()
