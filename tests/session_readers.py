"""Readers that session tests hand the workers in place of resdiff.session.read_document (module level,
so that a worker process imports them by name): one that counts every load, and one that behaves as a
hostile document would, chosen by the file's name: `abort-*` kills its worker with SIGABRT, `kill-*`
with SIGKILL, `exit-*` exits it, `hang-*` never returns, `bomb-*` reads fine but kills the worker that
later checks it (SIGABRT when its parsed form is loaded there), `orphan-*` kills the fork server the
workers come from (the pool is lost under it), then takes a while. Each attempt is written down first."""

from __future__ import annotations

import os
import resource
import signal
import time

from resdiff.session import read_document

LOADS = "RESDIFF_TEST_LOADS"  # the file each load is written to, a line a load


def counting(path: str, language: str | None):
    with open(os.environ[LOADS], "a", encoding="utf-8") as f:
        f.write(f"{os.getpid()}\t{path}\n")
    return read_document(path, language)


class _Bomb:
    def __reduce__(self):  # loaded (in the worker that checks the pair): SIGABRT
        return os.abort, ()


def _no_core() -> None:
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))


def hostile(path: str, language: str | None):
    name = os.path.basename(path)
    if LOADS in os.environ and not name.startswith(("bomb-",)):
        with open(os.environ[LOADS], "a", encoding="utf-8") as f:
            f.write(f"{os.getpid()}\t{path}\n")
    if name.startswith("abort-"):
        _no_core()
        os.abort()
    if name.startswith("kill-"):
        os.kill(os.getpid(), signal.SIGKILL)
    if name.startswith("exit-"):
        os._exit(3)
    if name.startswith("orphan-"):
        os.kill(os.getppid(), signal.SIGKILL)
        time.sleep(2)
    if name.startswith("hang-"):
        time.sleep(3600)
    doc = read_document(path, language)
    if name.startswith("bomb-"):
        _no_core()
        return doc.replace(other=(*doc.other, _Bomb()))
    return doc


def session_folders(root):
    """Four resolutions in English and Chinese (75/62 under four symbols; in 75/63 the Chinese has a
    wrong number), an English text with no Chinese counterpart, and a Chinese file that is no resolution."""
    from layout import EN_FIXTURE, SEED

    en, zh = root / "en", root / "zh"
    en.mkdir()
    zh.mkdir()
    en_text, zh_text = EN_FIXTURE.read_text("utf-8"), SEED.read_text("utf-8")
    for k in (62, 63, 64, 65):
        (en / f"A-RES-75-{k}.en.txt").write_text(en_text.replace("75/62", f"75/{k}"), encoding="utf-8")
        z = zh_text.replace("75/62", f"75/{k}")
        if k == 63:
            z = z.replace("已有 123 个国家", "已有 124 个国家")
        (zh / f"A-RES-75-{k}.zh.txt").write_text(z, encoding="utf-8")
    (en / "A-RES-75-66.en.txt").write_text(en_text.replace("75/62", "75/66"), encoding="utf-8")
    (zh / "notes.txt").write_text("这不是决议。\n", encoding="utf-8")
    return en, zh
