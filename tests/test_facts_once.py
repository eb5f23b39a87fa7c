"""A paragraph's facts are read once per language, however many steps of a check ask for them: the
structural pairing (where the paragraph counts differ), the pair's checks, change parity."""

from __future__ import annotations

from collections import Counter

import pytest
from layout import EN_FIXTURE, SEED

from resdiff import facts
from resdiff.check import check_pair, check_parity
from resdiff.documents import load_document


@pytest.fixture
def reads(monkeypatch):
    seen: Counter = Counter()
    read = facts._read

    def counting(text, lang, spans=None):
        seen[(text, lang)] += 1
        return read(text, lang, spans)

    monkeypatch.setattr(facts, "_read", counting)
    monkeypatch.setattr(facts, "_seen", {})
    return seen


def test_a_check_reads_each_paragraph_once(reads):
    en, zh = load_document(str(EN_FIXTURE)), load_document(str(SEED))
    zh = zh.replace(paragraphs=tuple(p for p in zh.paragraphs if p.id != "PP3"))  # pairs by alignment
    result = check_pair(en, zh)
    assert any(p.how == "alignment" for p in result.pairs)
    assert reads and max(reads.values()) == 1
    texts = {(p.text, en.language) for p in en.paragraphs} | {(p.text, zh.language) for p in zh.paragraphs}
    assert texts <= set(reads)


def test_the_facts_handed_out_are_copies(reads):
    text = "On 7 December 2020, 123 States (A/75/399) …"
    a = facts.extract(text, "en")
    a.numbers["123"] += 5
    spans: dict = {}
    b = facts.extract(text, "en", spans)
    assert b.numbers["123"] == 1 and reads[(text, "en")] == 1
    assert spans[("numbers", "123")] and spans[("dates", "2020-12-07")]


def test_change_parity_reads_the_new_versions_once(reads):
    """The new versions' paragraphs are read for the pair's checks and again for what each change inserted
    and deleted: once."""
    en, zh = load_document(str(EN_FIXTURE)), load_document(str(SEED))

    def edited(doc, old, new):
        return doc.replace(paragraphs=tuple(p.replace(text=p.text.replace(old, new)) if p.id == "PP12" else p
                                             for p in doc.paragraphs))

    en2, zh2 = edited(en, "123", "125"), edited(zh, "123", "125")
    assert en2.paragraph("PP12").text != en.paragraph("PP12").text
    result = check_parity(en, zh, en2, zh2)
    assert not [f for f in result.findings if f.rule.startswith("change")]
    assert reads[(en2.paragraph("PP12").text, "en")] == 1 and reads[(zh2.paragraph("PP12").text, "zh")] == 1
    assert max(reads.values()) == 1


def test_a_pairs_translation_units_are_worked_out_once_for_its_check_and_its_session(monkeypatch):
    """The pair's own consistency check and what its session reads of it (session_units) ask for the same
    units: the second ask reads nothing again, and gets what the first got."""
    from resdiff import check
    from resdiff.check import session_units, translation_units

    src, tgt = load_document(str(EN_FIXTURE)), load_document(str(EN_FIXTURE))
    worked = []
    real = check._units
    monkeypatch.setattr(check, "_units", lambda pairs: worked.append(1) or real(pairs))
    result = check_pair(src, tgt)
    units = session_units(result)
    assert len(worked) == 1 and units
    assert units == [(s, t, (a.id, a.line, a.page), (b.id, b.line, b.page))
                     for s, t, a, b in real([(a, b) for a, b in zip(src.paragraphs, tgt.paragraphs, strict=True)])]
    translation_units([(tgt.paragraphs[0], src.paragraphs[0])])  # other pairs: worked out
    assert len(worked) == 2


def test_the_units_kept_for_a_pair_never_answer_another_pair_checked_at_once_in_another_thread():
    """A Dask worker runs several threads: each pair gets its own translation units, however the threads
    interleave (a switch every microsecond makes a wrong answer likely where the kept answer is read twice)."""
    import sys
    import threading

    from resdiff.check import translation_units
    from resdiff.model import OPERATIVE, Paragraph

    def pair(tag: str) -> list:
        return [(Paragraph("OP1", OPERATIVE, f"The General Assembly {tag} decides to continue the consideration of "
                                             "this item. It asks the Secretary-General to report."),
                 Paragraph("OP1", OPERATIVE, f"Die Generalversammlung {tag} beschliesst, die Behandlung fortzusetzen. "
                                             "Sie ersucht den Generalsekretaer um Bericht."))]

    pairs = [pair("alpha"), pair("beta")]
    wanted = [[u[:2] for u in translation_units(p)] for p in pairs]
    assert all(wanted) and wanted[0] != wanted[1]
    wrong: list = []

    def ask(k: int) -> None:
        for _ in range(5000):
            if [u[:2] for u in translation_units(pairs[k])] != wanted[k]:
                wrong.append(k)

    interval = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)
    try:
        threads = [threading.Thread(target=ask, args=(k,)) for k in (0, 1)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
    finally:
        sys.setswitchinterval(interval)
    assert not wrong
