"""`check --format html`: the report translators read, for a pair and for a session, tested in a real
headless Chromium as the diff's HTML is: findings grouped by document and rule, both excerpts with the
words concerned highlighted, paragraph ids linking to the paragraphs; self-contained and escaped."""

from __future__ import annotations

import re

import pytest
from layout import EN_FIXTURE, ROOT, SEED
from runcli import invoke
from test_views import _browser

ARTIFACTS = ROOT / "tests" / "artifacts"
EN_TEXT, ZH_TEXT = EN_FIXTURE.read_text("utf-8"), SEED.read_text("utf-8")


def _faulty(text: str) -> str:
    """Two number slips, a half-width comma and a script in PP12, a wrong date in PP1."""
    return (text.replace("已有 123 个国家", "已有 124 个国家<script>alert('x')</script>")
            .replace("其中 110 个为缔约国，13 个", "其中 111 个为缔约国,13 个")
            .replace("2016 年 12 月 5 日", "2016 年 12 月 6 日"))


@pytest.fixture
def pair(tmp_path):
    zh = tmp_path / "A-RES-75-62.zh.txt"
    zh.write_text(_faulty(ZH_TEXT), encoding="utf-8")
    return zh


def test_the_html_of_a_pair_is_one_self_contained_escaped_page(pair, tmp_path):
    out = tmp_path / "report.html"
    r = invoke(["check", EN_FIXTURE, pair, "-f", "html", "-o", out], 1)
    assert r.stdout == ""
    page = out.read_text("utf-8")
    assert page.startswith("<!DOCTYPE html>")
    assert "<script" not in page and "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in page  # text, never run
    assert not re.search(r"(src|href)=\"(https?:)?//", page)  # nothing fetched from a network


def test_the_pair_report_in_headless_chromium(pair, tmp_path):
    from selenium.webdriver.common.by import By

    report = tmp_path / "report.html"
    invoke(["check", EN_FIXTURE, pair, "-f", "html", "-o", report, "--fail-on", "warning"], 1)
    browser = _browser()
    try:
        browser.get(report.as_uri())
        assert "FAILED" in browser.find_element(By.CSS_SELECTOR, ".verdict").text
        # grouped by rule, in the rule table's order, each group with its count
        groups = [s.get_attribute("id") for s in browser.find_elements(By.CSS_SELECTOR, "section.rule")]
        assert groups == ["d1-rule-number-mismatch", "d1-rule-date-mismatch", "d1-rule-punctuation-form"]
        numbers = browser.find_element(By.ID, "d1-rule-number-mismatch")
        assert "(1)" in numbers.find_element(By.TAG_NAME, "h3").text
        finding = numbers.find_element(By.CSS_SELECTOR, ".finding")
        assert "number 110, 123 in source, 111, 124 in target" in finding.text
        # both excerpts, the values highlighted
        marks = [m.text for m in finding.find_elements(By.TAG_NAME, "mark")]
        assert marks == ["123", "124"]
        mark = finding.find_element(By.TAG_NAME, "mark")
        assert mark.value_of_css_property("background-color") not in ("rgba(0, 0, 0, 0)", "transparent")
        assert "(source: line" in finding.text and "target: line" in finding.text
        # the paragraph id links to both texts in full
        link = finding.find_element(By.CSS_SELECTOR, "a.pid[href='#d1-t-PP12']")
        assert link.text == "PP12"
        link.click()
        assert browser.current_url.endswith("#d1-t-PP12")
        target = browser.find_element(By.ID, "d1-t-PP12")
        assert target.is_displayed() and "已有 124 个国家" in target.text
        assert "Noting that 123 States" in browser.find_element(By.ID, "d1-s-PP12").text
        # the document's own markup is text
        assert "<script>alert('x')</script>" in target.text
        assert browser.find_elements(By.TAG_NAME, "script") == []
        ARTIFACTS.mkdir(exist_ok=True)
        browser.save_screenshot(str(ARTIFACTS / "check-report.png"))
        assert (ARTIFACTS / "check-report.png").stat().st_size > 10000
    finally:
        browser.quit()


def test_the_session_report_in_headless_chromium(tmp_path):
    from selenium.webdriver.common.by import By

    en, zh = tmp_path / "en", tmp_path / "zh"
    en.mkdir()
    zh.mkdir()
    for k in (62, 63):
        (en / f"A-RES-75-{k}.en.txt").write_text(EN_TEXT.replace("75/62", f"75/{k}"), encoding="utf-8")
        z = ZH_TEXT.replace("75/62", f"75/{k}")
        (zh / f"A-RES-75-{k}.zh.txt").write_text(_faulty(z) if k == 63 else z, encoding="utf-8")
    (en / "A-RES-75-66.en.txt").write_text(EN_TEXT.replace("75/62", "75/66"), encoding="utf-8")
    report = tmp_path / "session.html"
    invoke(["check", en, zh, "-f", "html", "-o", report], 1)
    browser = _browser()
    try:
        browser.get(report.as_uri())
        rows = browser.find_elements(By.CSS_SELECTOR, "table.pairs tr")[1:]
        assert [r.find_element(By.TAG_NAME, "a").text for r in rows] == ["A/RES/75/62", "A/RES/75/63"]
        assert [r.find_element(By.CSS_SELECTOR, ".verdict").text for r in rows] == ["passed", "FAILED"]
        # grouped by document, then by rule; anchors of one document never collide with another's
        docs = browser.find_elements(By.CSS_SELECTOR, "section.document")
        assert [d.get_attribute("id") for d in docs] == ["d1", "d2"]
        assert docs[0].find_elements(By.CSS_SELECTOR, ".finding") == []
        assert [s.get_attribute("id") for s in docs[1].find_elements(By.CSS_SELECTOR, "section.rule")] == [
            "d2-rule-number-mismatch", "d2-rule-date-mismatch", "d2-rule-punctuation-form"]
        rows[1].find_element(By.TAG_NAME, "a").click()
        assert browser.current_url.endswith("#d2")
        docs[1].find_element(By.CSS_SELECTOR, "a.pid[href='#d2-t-PP1']").click()
        assert "2016 年 12 月 6 日" in browser.find_element(By.ID, "d2-t-PP1").text
        missing = browser.find_element(By.ID, "documents")
        assert "document-missing" in missing.text and "A-RES-75-66.en.txt" in missing.text
        browser.save_screenshot(str(ARTIFACTS / "check-session-report.png"))
    finally:
        browser.quit()
