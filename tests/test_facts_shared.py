"""What the pair check reads of a text's facts without a copy (facts.shared) is what extract gives: the
same facts and the same places, and a second ask reads nothing again."""

from __future__ import annotations

from layout import EN_FIXTURE

from resdiff import facts
from resdiff.documents import load_document


def test_shared_facts_are_those_extract_gives(monkeypatch):
    monkeypatch.setattr(facts, "_seen", {})
    doc = load_document(str(EN_FIXTURE))
    texts = [p.text for p in doc.paragraphs if any(c.isdigit() for c in p.text)]
    assert texts
    for text in texts:
        spans: dict = {}
        copied = facts.extract(text, "en", spans)
        got, where = facts.shared(text, "en")
        assert (got, where) == (copied, spans)
        assert facts.shared(text, "en")[0] is got  # remembered, not read again
