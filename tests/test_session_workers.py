"""A session reads each document once, in a worker, and survives any one document: a worker that dies
(SIGABRT, SIGKILL, an exit) or runs past the time limit makes its document a `document-unreadable`
finding naming the cause, and the rest of the session is checked and reported, with one worker or two.
The hostile documents are simulated by a reader (tests/session_readers.py) that the workers run in place
of read_document; real hostile PDFs are tests/test_pdf_*'s."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
import session_readers
from layout import EN_FIXTURE, SEED
from runcli import invoke

import resdiff.session
from resdiff.session import check_session, usable_cpus, worker_count


def _folders(root: Path, symbols: range) -> tuple[Path, Path]:
    en, zh = root / "en", root / "zh"
    en.mkdir()
    zh.mkdir()
    en_text, zh_text = EN_FIXTURE.read_text("utf-8"), SEED.read_text("utf-8")
    for k in symbols:
        (en / f"A-RES-75-{k}.en.txt").write_text(en_text.replace("75/62", f"75/{k}"), encoding="utf-8")
        (zh / f"A-RES-75-{k}.zh.txt").write_text(zh_text.replace("75/62", f"75/{k}"), encoding="utf-8")
    return en, zh


@pytest.fixture
def loads(tmp_path, monkeypatch):
    log = tmp_path / "loads.log"
    monkeypatch.setenv(session_readers.LOADS, str(log))

    def read() -> list[str]:
        return [line.split("\t")[1] for line in log.read_text("utf-8").splitlines()] if log.exists() else []
    return read


@pytest.mark.parametrize("jobs", [1, 2])
def test_a_session_reads_each_document_once(tmp_path, loads, jobs):
    en, zh = _folders(tmp_path, range(62, 67))
    (zh / "notes.txt").write_text("这不是决议。\n", encoding="utf-8")
    session = check_session(str(en), str(zh), jobs=jobs, reader=session_readers.counting)
    assert [r.source.metadata.symbol for r in session.results] == [f"A/RES/75/{k}" for k in range(62, 67)]
    read = loads()
    assert sorted(read) == sorted(str(p) for p in [*en.iterdir(), *zh.iterdir()])  # each file once, no more


def test_a_manifest_reads_a_document_named_twice_once(tmp_path, loads):
    en, zh = _folders(tmp_path, range(62, 63))
    copy = zh / "copy-of-62.zh.txt"
    copy.write_bytes((zh / "A-RES-75-62.zh.txt").read_bytes())
    manifest = tmp_path / "pairs.tsv"
    manifest.write_text(f"{en}/A-RES-75-62.en.txt\t{zh}/A-RES-75-62.zh.txt\n"
                        f"{en}/A-RES-75-62.en.txt\t{copy}\n", encoding="utf-8")
    session = check_session(manifest=str(manifest), jobs=2, reader=session_readers.counting)
    assert [Path(r.target.source).name for r in session.results] == ["A-RES-75-62.zh.txt", "copy-of-62.zh.txt"]
    assert sorted(loads()) == sorted([f"{en}/A-RES-75-62.en.txt", f"{zh}/A-RES-75-62.zh.txt", str(copy)])


def test_the_command_reads_each_document_once(tmp_path, loads, monkeypatch):
    en, zh = _folders(tmp_path, range(62, 65))
    monkeypatch.setattr(resdiff.session, "read_document", session_readers.counting)
    data = json.loads(invoke(["check", en, zh, "-f", "json", "--jobs", "2"], 0).stdout)
    assert len(data["documents"]) == 3
    assert sorted(loads()) == sorted(str(p) for p in [*en.iterdir(), *zh.iterdir()])


def test_jobs_is_bounded_by_the_usable_cpus_and_the_documents():
    cpus = usable_cpus()
    assert cpus <= len(os.sched_getaffinity(0))
    notes: list[str] = []
    assert worker_count(None, 1000, notes.append) == cpus and not notes
    assert worker_count(300, 1000, notes.append) == cpus
    assert notes == [f"--jobs 300 is more than the {cpus} CPU{'s' if cpus > 1 else ''} this process may use: "
                     f"{cpus} worker{'s' if cpus > 1 else ''}"]
    assert worker_count(None, 1) == 1 and worker_count(1, 1000) == 1


def test_too_many_jobs_are_capped_with_a_note(tmp_path):
    en, zh = _folders(tmp_path, range(62, 64))
    r = invoke(["check", en, zh, "--jobs", "300"], 0)
    assert f"--jobs 300 is more than the {usable_cpus()} CPU" in r.stderr
    assert "2 pairs checked" in r.stdout


def test_a_session_starts_a_worker_a_usable_cpu_and_never_more_than_its_documents(tmp_path, monkeypatch):
    import resdiff.workers

    started = []
    start = resdiff.workers._Worker.__init__

    def counting(self, ctx) -> None:
        started.append(self)
        start(self, ctx)

    monkeypatch.setattr(resdiff.workers._Worker, "__init__", counting)
    en, zh = _folders(tmp_path, range(62, 62 + usable_cpus()))  # more documents than CPUs
    assert len(check_session(str(en), str(zh)).results) == usable_cpus()
    assert len(started) == usable_cpus()
    started.clear()
    one, empty = tmp_path / "one", tmp_path / "empty"
    one.mkdir()
    empty.mkdir()
    (one / "A-RES-75-62.en.txt").write_bytes((en / "A-RES-75-62.en.txt").read_bytes())
    session = check_session(str(one), str(empty), jobs=8)
    assert [f.rule for f in session.findings] == ["document-missing"]
    assert len(started) == 1


def test_the_main_process_reads_no_paragraph_of_a_checked_pair_again(tmp_path, monkeypatch):
    """The session-wide consistency check (one source sentence, one translation) reads what each pair's
    worker worked out of it: the process gathering the results folds no paragraph, and still finds the
    sentence translated two ways in two documents."""
    import resdiff.check

    folded = []
    fold = resdiff.check.fold
    monkeypatch.setattr(resdiff.check, "fold", lambda text: folded.append(text) or fold(text))
    en, zh = _folders(tmp_path, range(62, 64))
    other = zh / "A-RES-75-63.zh.txt"
    other.write_text(other.read_text("utf-8").replace("继续召开", "继续召集"), encoding="utf-8")
    for jobs in (1, 2):
        session = check_session(str(en), str(zh), jobs=jobs)
        assert session.results[0].findings == ()
        (f,) = session.results[1].findings
        assert f.message == "the same source sentence is translated otherwise in A/RES/75/62 OP9"
    assert folded == []


def test_the_main_process_of_a_session_imports_no_aligner_nor_parser(tmp_path):
    """What a session does once, in its one main process, is what two workers cannot share: the aligner and
    the parser are the workers' (their fork server imports them once)."""
    import subprocess
    import sys

    en, zh = _folders(tmp_path, range(62, 64))
    code = (f"import sys\nfrom resdiff.session import check_session\ns = check_session({str(en)!r}, {str(zh)!r})\n"
            "print(len(s.results), 'resdiff.align' in sys.modules, 'resdiff.parse' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["2", "False", "False"]


def test_the_main_process_of_a_session_compiles_none_of_the_readers_patterns(tmp_path):
    """The patterns that read a resolution's words (lang), decode its bytes (load) and split its sentences
    (check) are the workers' to compile: the main process, which imports those modules for their names,
    would compile them for nothing, some 9 ms that two workers cannot share."""
    import subprocess
    import sys

    en, zh = _folders(tmp_path, range(62, 64))
    code = ("import re, sys\ncallers = []\ncompile = re.compile\n"
            "def counted(*args):\n"
            "    callers.append(sys._getframe(1).f_code.co_filename)\n"
            "    return compile(*args)\n"
            "re.compile = counted\n"
            f"from resdiff.session import check_session\ns = check_session({str(en)!r}, {str(zh)!r})\n"
            # a lazy pattern is compiled from notation.py, where it is first used: asked of each module's own
            "from resdiff import check, lang, load, notation\n"
            "forced = [n for m in (check, lang, load) for n, v in vars(m).items()\n"
            "          if isinstance(v, notation.lazy_pattern) and v.ready]\n"
            "print(len(s.results), len(callers), *sorted({c.rsplit('/', 1)[-1] for c in callers}), '|', *forced)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split()
    assert out[0] == "2" and int(out[1]) > 0, out  # the session ran, and the hook heard the compiles there are
    files, forced = out[2:out.index("|")], out[out.index("|") + 1:]
    assert not {"lang.py", "load.py", "check.py"} & set(files), out
    assert not forced, forced


def test_the_scratch_folder_of_a_session_killed_is_removed_by_the_next(tmp_path):
    """A session's main process killed (SIGKILL, the OOM killer) cannot remove its scratch folder (the
    parsed documents, megabytes of them): the next session does, its pid being no running process's. The
    folder of a session still running (here, this process's pid) stays."""
    import subprocess
    import sys
    import time

    en, zh = _folders(tmp_path, range(100, 160))
    temp = tmp_path / "temp"
    temp.mkdir()
    env = {**os.environ, "TMPDIR": str(temp)}
    run = [sys.executable, "-m", "resdiff", "check", str(en), str(zh), "--jobs", "1"]
    killed = subprocess.Popen(run, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    while not list(temp.glob("resdiff-session-*/*.pickles")) and killed.poll() is None:
        time.sleep(0.005)  # until its first document is kept there
    killed.kill()
    killed.wait()
    [left] = temp.glob("resdiff-session-*")  # (multiprocessing's own folder, pymp-*, is left there too)
    assert left.name.startswith(f"resdiff-session-{killed.pid}-") and any(left.iterdir())
    running = temp / f"resdiff-session-{os.getpid()}-a1b2c3d4"
    running.mkdir()
    assert subprocess.run(run, env=env, capture_output=True, timeout=120).returncode == 0
    assert list(temp.glob("resdiff-session-*")) == [running]


def test_a_scratch_folder_a_live_run_holds_stays_whatever_its_pid_says(tmp_path):
    """A run in another pid namespace (a container sharing this /tmp) or on another host has a pid this process
    cannot see: its folder is kept while a process holds it (output.hold), and removed once the holder ends."""
    import subprocess
    import sys

    from resdiff.output import remove_stale
    from resdiff.session import SCRATCH

    ended = subprocess.Popen([sys.executable, "-c", "pass"])
    ended.wait()  # reaped: its pid is no process's now
    folder = tmp_path / f"{SCRATCH}{ended.pid}-x1y2"
    folder.mkdir()
    code = ("import os, sys, time\nfrom resdiff.output import hold\nhold(sys.argv[1])\nprint('held', flush=True)\n"
            "time.sleep(120)\n")
    holder = subprocess.Popen([sys.executable, "-c", code, str(folder)], stdout=subprocess.PIPE, text=True,
                              env={**os.environ, "PYTHONPATH": str(Path(resdiff.session.__file__).parent.parent)})
    try:
        assert holder.stdout.readline().strip() == "held"
        remove_stale(str(tmp_path), SCRATCH, "", folders=True)
        assert folder.is_dir()
    finally:
        holder.kill()
        holder.wait()
    remove_stale(str(tmp_path), SCRATCH, "", folders=True)
    assert not folder.exists()


def _live_children() -> set[int]:
    import multiprocessing

    return {p.pid for p in multiprocessing.active_children()}


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_session_survives_a_worker_that_dies_or_hangs(tmp_path, loads, monkeypatch, jobs):
    en, zh = _folders(tmp_path, range(62, 66))
    en_text = EN_FIXTURE.read_text("utf-8")
    for name, k in (("abort", 90), ("kill", 91), ("exit", 92), ("hang", 93)):
        (en / f"{name}-A-RES-75-{k}.en.txt").write_text(en_text.replace("75/62", f"75/{k}"), encoding="utf-8")
    monkeypatch.setattr(resdiff.session, "read_document", session_readers.hostile)
    before = _live_children()
    out = tmp_path / "report.json"
    invoke(["check", en, zh, "-f", "json", "--jobs", jobs, "--time-limit", "2", "-o", out], 1)
    data = json.loads(out.read_text("utf-8"))
    assert [(d["source"]["symbol"], d["passed"]) for d in data["documents"]] == [
        (f"A/RES/75/{k}", True) for k in range(62, 66)]
    unreadable = {Path(f["file"]).name: f["message"] for f in data["findings"] if f["rule"] == "document-unreadable"}
    assert set(unreadable) == {"abort-A-RES-75-90.en.txt", "kill-A-RES-75-91.en.txt", "exit-A-RES-75-92.en.txt",
                               "hang-A-RES-75-93.en.txt"}
    assert "died (SIGABRT)" in unreadable["abort-A-RES-75-90.en.txt"]
    assert "died (SIGKILL)" in unreadable["kill-A-RES-75-91.en.txt"]
    assert "exited with status 3" in unreadable["exit-A-RES-75-92.en.txt"]
    assert "longer than 2 s" in unreadable["hang-A-RES-75-93.en.txt"]
    assert all(m.startswith(str(en)) and "reading it failed" in m for m in unreadable.values())
    assert sorted(Path(p).name for p in loads()) == sorted(p.name for p in [*en.iterdir(), *zh.iterdir()])  # once
    assert _live_children() <= before  # no worker left behind


@pytest.mark.parametrize("jobs", [1, 2])
def test_a_pool_lost_under_a_document_loses_what_it_was_on_and_the_session_runs_on(tmp_path, jobs):
    """The fork server killed while a document is read: that document (and, with two workers, at most the
    other's) is a document-unreadable finding; the session goes on with a new pool and checks the rest."""
    en, zh = _folders(tmp_path, range(62, 66))
    (en / "A-RES-75-63.en.txt").rename(en / "orphan-A-RES-75-63.en.txt")
    session = check_session(str(en), str(zh), jobs=jobs, reader=session_readers.hostile)
    lost = {Path(f.path).name: f.message.split(": ", 1)[1] for f in session.findings
            if f.rule == "document-unreadable"}
    assert "orphan-A-RES-75-63.en.txt" in lost and len(lost) <= jobs
    assert all(m.startswith("reading it failed: its worker process") for m in lost.values())
    checked = [r.source.metadata.symbol for r in session.results]
    assert checked == [f"A/RES/75/{k}" for k in (62, 64, 65) if not any(f"75-{k}." in name for name in lost)]
    assert len(checked) >= 3 - (jobs - 1)


@pytest.mark.parametrize("jobs", [1, 2])
def test_a_worker_that_dies_checking_a_pair_loses_that_pair_only(tmp_path, jobs):
    en, zh = _folders(tmp_path, range(62, 65))
    (en / "A-RES-75-63.en.txt").rename(en / "bomb-A-RES-75-63.en.txt")
    session = check_session(str(en), str(zh), jobs=jobs, reader=session_readers.hostile)
    assert [r.source.metadata.symbol for r in session.results] == ["A/RES/75/62", "A/RES/75/64"]
    [lost] = session.findings
    assert (lost.rule, Path(lost.path).name, lost.symbol) == ("document-unreadable", "bomb-A-RES-75-63.en.txt",
                                                              "A/RES/75/63")
    assert "checking it against" in lost.message and "A-RES-75-63.zh.txt" in lost.message
    assert "died (SIGABRT)" in lost.message


def test_each_pair_of_a_session_reports_as_the_pair_checked_alone(tmp_path):
    """A session keeps of each document what its report names (not its paragraphs): every document's entry
    is the report of `resdiff check A B` on that pair, in every format that has one."""
    en, zh = _folders(tmp_path, range(62, 64))
    z = zh / "A-RES-75-63.zh.txt"
    z.write_text(z.read_text("utf-8").replace("已有 123 个国家", "已有 124 个国家"), encoding="utf-8")
    session = json.loads(invoke(["check", en, zh, "-f", "json"], 1).stdout)
    for entry in session["documents"]:
        alone = json.loads(invoke(["check", entry["source"]["file"], entry["target"]["file"], "-f", "json"],
                                  0 if entry["passed"] else 1).stdout)
        assert entry == alone
    junit = invoke(["check", en, zh, "-f", "junit"], 1).stdout
    alone = invoke(["check", en / "A-RES-75-63.en.txt", z, "-f", "junit"], 1).stdout
    suite = alone[alone.index("  <testsuite "):alone.index("  </testsuite>")]
    assert suite in junit


def test_two_folders_without_a_document_are_a_usage_error_not_a_pass(tmp_path):
    """A CI job whose download failed, or a mistyped folder, must not go green: "PASSED: 0 pairs checked"
    was exit 0. One empty folder against one with documents stays a session (its documents are missing)."""
    a, b = tmp_path / "a", tmp_path / "b"
    a.mkdir()
    b.mkdir()
    (a / "notes.json").write_text("{}")
    out = tmp_path / "report.json"
    r = invoke(["check", str(a), str(b), "-f", "json", "-o", str(out)], 2)
    assert "no resolution files" in r.stderr and str(a) in r.stderr and str(b) in r.stderr
    assert not out.exists()
    (a / "A-RES-75-62.en.txt").write_text(EN_FIXTURE.read_text("utf-8"), encoding="utf-8")
    assert "document-missing" in invoke(["check", str(a), str(b), "-f", "json"], 1).stdout


def test_a_folder_checked_against_no_folder_names_the_other_argument(tmp_path):
    """`check FOLDER MISSING/` said the folder "is a directory, not a file (give a file, or use 'series')":
    the wrong argument, the wrong advice. What is wrong is the other one, in either order (exit 2, one line)."""
    en, _ = _folders(tmp_path, range(62, 63))
    doc = en / "A-RES-75-62.en.txt"
    missing = tmp_path / "missing"
    for args, other, said in (([en, f"{missing}/"], f"{missing}/", "no such folder"),
                              ([missing, en], str(missing), "no such folder"),
                              ([en, doc], str(doc), "is a file, not a folder"),
                              ([doc, en], str(doc), "is a file, not a folder")):
        r = invoke(["check", *args], 2)
        assert r.stderr == f"resdiff: error: {other}: {said} ({en} is a folder: give two folders, or two files)\n"


def test_a_session_says_which_files_named_as_documents_it_cannot_read(tmp_path):
    """A link that leads nowhere or loops, or a FIFO, named as a document in a session's folder: a
    `document-unreadable` finding naming it (not left out, with only its counterpart reported as extra),
    and the session is not held up by the FIFO."""
    en, zh = _folders(tmp_path, range(62, 64))
    (en / "A-RES-75-63.en.txt").unlink()
    (en / "A-RES-75-63.en.txt").symlink_to("elsewhere/A-RES-75-63.en.txt")
    (en / "loop.en.txt").symlink_to("loop.en.txt")
    os.mkfifo(en / "pipe.en.txt")
    data = json.loads(invoke(["check", en, zh, "-f", "json", "--jobs", "1"], 1).stdout)
    assert [(f["rule"], Path(f["file"]).name, f["message"].replace(f"{en}/", "")) for f in data["findings"]] == [
        ("document-unreadable", "A-RES-75-63.en.txt",
         "A-RES-75-63.en.txt: no such file (a symbolic link to the missing elsewhere/A-RES-75-63.en.txt)"),
        ("document-unreadable", "loop.en.txt",
         "loop.en.txt: too many levels of symbolic links (a symbolic link loop)"),
        ("document-unreadable", "pipe.en.txt", "pipe.en.txt: not a regular file (a FIFO, device or socket)"),
        ("document-extra", "A-RES-75-63.zh.txt", f"A/RES/75/63 has no counterpart in {en}")]
