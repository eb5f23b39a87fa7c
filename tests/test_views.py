"""Views and formats: widths, escaping, CommonMark, determinism, and the HTML report in a real headless
Chromium. The golden files of every view are tests/test_golden.py's."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys

import pytest
from layout import ROOT, Para, render, seed_spec
from rich.cells import cell_len
from runcli import invoke

from resdiff import compare, parse_text
from resdiff.render import html as html_render
from resdiff.render import markdown as md_render

GOLDEN = ROOT / "tests" / "golden"
OLD = "samples/illustrative/ILLUSTRATIVE-A-RES-74-62.zh.txt"
NEW = "samples/A-RES-75-62.zh.txt"
ARTIFACTS = ROOT / "tests" / "artifacts"

def _run(args, monkeypatch, status: int = 1):
    """The output of a command run from the repository (OLD and NEW differ: a diff's status is 1)."""
    monkeypatch.chdir(ROOT)
    return invoke(args, status).stdout


@pytest.mark.parametrize("view", ["inline", "side-by-side", "summary"])
@pytest.mark.parametrize("width", [40, 61, 100, 133])
def test_no_line_exceeds_the_width(view, width, monkeypatch):
    out = _run(["diff", OLD, NEW, "--width", str(width), "--color", "never", "--view", view, "-C", "1"],
               monkeypatch)
    widest = max(cell_len(line) for line in out.splitlines())
    assert widest <= width


def test_side_by_side_columns_hold_old_and_new(monkeypatch):
    out = _run(["diff", OLD, NEW, "--width", "120", "--color", "never", "--view", "side-by-side", "--show-routine"],
               monkeypatch)
    rows = [line for line in out.splitlines() if "│" in line]
    assert any("[-121-]" in r.split("│")[0] and "{+123+}" in r.split("│")[1] for r in rows)
    assert not any("{+" in r.split("│")[0] or "[-" in r.split("│")[1] for r in rows)


def test_summary_lists_each_change_and_totals(monkeypatch):
    out = _run(["diff", OLD, NEW, "--width", "200", "--color", "never", "--view", "summary"], monkeypatch)
    assert re.search(r"PP12\s+PP12\s+routine\s+0\.85\s+… 到已有 \[-121-\]\{\+123\+\}", out)
    assert re.search(r"OP8\s+OP8\s+modified\s+0\.93\s+… 出席\[-将于-\]", out)
    assert re.search(r"—\s+PP13\s+inserted", out)
    assert ("30 paragraph entries: 25 unchanged; 2 substantive (1 modified, 1 inserted, 0 deleted); 3 routine; "
            "0 editorial; 0 moved, 6 renumbered") in out


def test_legend_and_both_versions_on_top_of_every_view(monkeypatch):
    for view in ("inline", "side-by-side", "summary"):
        head = _run(["diff", OLD, NEW, "--color", "never", "--view", view, "--width", "120"],
                    monkeypatch).splitlines()[:4]
        text = "\n".join(head)
        assert "A/RES/74/62 (zh, adopted 2019-12-12)" in text and "A/RES/75/62 (zh, adopted 2020-12-07)" in text
        assert "legend:" in text


HOSTILE = "<script>alert(1)</script> [bold red]x[/bold red] ](javascript:alert(1)) <img src=x onerror=alert(2)> \x1b[31mRED\x1b[0m **b**"


@pytest.fixture(scope="module")
def hostile():
    base = seed_spec()
    spec = base.copy()
    spec.paras.insert(3, Para("PP", f"注意到{HOSTILE}，"))
    return compare(parse_text(render(base)), parse_text(render(spec)))


def test_terminal_shows_hostile_text_literally(hostile):
    import io

    from resdiff.render.terminal.diff import diff_view
    from resdiff.render.terminal.layout import make_console

    buf = io.StringIO()
    make_console(buf, width=200, color=True).print(diff_view(hostile, markers=False))
    out = buf.getvalue()
    assert "[bold red]x[/bold red]" in re.sub(r"\x1b\[[0-9;]*m", "", out)
    assert "\x1b[31mRED" not in out  # the document's own escape sequence was stripped
    assert "<script>alert(1)</script>" in re.sub(r"\x1b\[[0-9;]*m", "", out)


def test_markdown_escapes_and_passes_commonmark(hostile):
    from markdown_it import MarkdownIt

    text = md_render.render_diff(hostile)
    html = MarkdownIt("commonmark", {"html": True}).render(text)
    assert "<script" not in html and "<img" not in html and 'href="javascript' not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "[bold red]x[/bold red]" in html and "\x1b" not in html


def test_markdown_keeps_every_change_visible():
    from markdown_it import MarkdownIt

    from resdiff import load_document
    from resdiff.render.common import display_ops

    result = compare(load_document(str(ROOT / OLD)), load_document(str(ROOT / NEW)))
    html = MarkdownIt("commonmark", {"html": True}).render(md_render.render_diff(result))
    dels = re.findall(r"<del>(.*?)</del>", html)
    ins = re.findall(r"<ins>(.*?)</ins>", html)
    expect_del, expect_ins = [], []
    for c in result.changes:
        if c.kind == "modified":
            expect_del += [s for op, s in display_ops(c.ops) if op == "delete"]
            expect_ins += [s for op, s in display_ops(c.ops) if op == "insert"]
        elif c.kind == "inserted":
            expect_ins.append(c.new_text)
        elif c.kind == "deleted":
            expect_del.append(c.old_text)
    assert dels[1:] == expect_del and ins[1:] == expect_ins  # [0] is the legend


def test_html_escapes_document_text(hostile):
    text = html_render.render_diff(hostile)
    assert text.count("<script>") == 1  # ours, at the end
    assert "<img" not in text and "&lt;img src=x onerror=alert(2)&gt;" in text
    assert "\x1b" not in text
    assert not re.search(r'(src|href)="(https?:)?//', text)  # self-contained: nothing fetched


def test_output_is_identical_across_runs_and_hash_seeds(tmp_path):
    outs = set()
    for seed in ("0", "1", "4242"):
        for fmt in ("json", "markdown", "html", "terminal"):
            r = subprocess.run([sys.executable, "-m", "resdiff", "diff", OLD, NEW, "-f", fmt, "--width", "90",
                                "--color", "never"], cwd=ROOT, capture_output=True,
                               env={**os.environ, "PYTHONHASHSEED": seed})
            assert r.returncode == 1, r.stderr
            outs.add((fmt, r.stdout))
    assert len(outs) == 4


def test_no_color_variable(monkeypatch):
    monkeypatch.setenv("NO_COLOR", "1")
    out = _run(["diff", OLD, NEW, "--width", "100"], monkeypatch)
    assert "\x1b[" not in out and "[-121-]{+123+}" in out


def test_html_file_output(tmp_path, monkeypatch):
    out = tmp_path / "report.html"
    monkeypatch.chdir(ROOT)
    r = invoke(["diff", OLD, NEW, "-f", "html", "-o", str(out)], 1)
    assert r.stdout == ""
    assert out.read_text("utf-8").startswith("<!DOCTYPE html>")


# --- the HTML report in a real browser ---------------------------------------------------

def _browser():
    chrome = shutil.which("chromium") or shutil.which("chromium-browser")
    driver = shutil.which("chromedriver")
    if not (chrome and driver):
        if os.environ.get("CI"):
            pytest.fail("chromium and chromedriver must be installed in CI (.ci/run installs them)")
        pytest.skip("chromium/chromedriver not installed (apt-get install chromium chromium-driver)")
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    opts = webdriver.ChromeOptions()
    opts.binary_location = chrome
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 "--window-size=1200,900"):
        opts.add_argument(flag)
    return webdriver.Chrome(service=Service(executable_path=driver), options=opts)


def test_html_report_in_headless_chromium(tmp_path, monkeypatch):
    from selenium.webdriver.common.by import By

    report = tmp_path / "report.html"
    monkeypatch.chdir(ROOT)
    invoke(["diff", OLD, NEW, "-f", "html", "-o", str(report)], 1)
    browser = _browser()
    try:
        browser.get(report.as_uri())
        changes = browser.find_elements(By.CSS_SELECTOR, ".change")
        assert [c.get_attribute("id") for c in changes] == ["c1", "c2", "c3", "c4", "c5"]
        dels = browser.find_elements(By.CSS_SELECTOR, "#changes .inline del")
        assert "121" in [d.text for d in dels]
        assert "line-through" in dels[0].value_of_css_property("text-decoration")
        ins = browser.find_elements(By.CSS_SELECTOR, "#changes .inline ins")
        assert "underline" in ins[0].value_of_css_property("text-decoration")
        assert ins[0].value_of_css_property("background-color") != dels[0].value_of_css_property("background-color")
        body = browser.find_element(By.TAG_NAME, "body")
        body.send_keys("j")
        assert body.get_attribute("data-current") == "c1"
        body.send_keys("jj")
        assert body.get_attribute("data-current") == "c3"
        assert "current" in browser.find_element(By.ID, "c3").get_attribute("class")
        body.send_keys("k")
        assert body.get_attribute("data-current") == "c2"
        body.send_keys("v")
        assert browser.find_element(By.ID, "changes").get_attribute("class") == "side-by-side"
        assert browser.find_element(By.CSS_SELECTOR, "#c2 .sbs").is_displayed()
        assert not browser.find_element(By.CSS_SELECTOR, "#c2 .inline").is_displayed()
        ARTIFACTS.mkdir(exist_ok=True)
        browser.save_screenshot(str(ARTIFACTS / "report-side-by-side.png"))
        body.send_keys("v")
        browser.save_screenshot(str(ARTIFACTS / "report-inline.png"))
        assert (ARTIFACTS / "report-inline.png").stat().st_size > 10000
    finally:
        browser.quit()


def test_json_golden_is_the_contract():
    data = json.loads((GOLDEN / "diff.json").read_text("utf-8"))
    assert {c["kind"] for c in data["changes"]} <= {"unchanged", "modified", "inserted", "deleted"}


def test_html_arabic_right_to_left_side_by_side_together_in_chromium(tmp_path):
    """Issue #23: Arabic paragraphs right to left, a font for every script, the old and new text of each
    paragraph side by side on one row (they scroll together), and the PDF page of each paragraph."""
    from selenium.webdriver.common.by import By

    from resdiff import compare
    from resdiff.model import OPERATIVE, Document, Metadata, Paragraph
    from resdiff.render.html import render_diff

    def doc(texts):
        return Document(Metadata(symbol="A/RES/75/1", language="ar"),
                        tuple(Paragraph(f"OP{k}", OPERATIVE, t, number=str(k), prefix=f"{k}. ", page=k)
                              for k, t in enumerate(texts, 1)), source_kind="pdf")

    old = doc(["تقرر أن تواصل النظر في المسألة", "تطلب إلى الأمين العام أن يقدم تقريرا"])
    new = doc(["تقرر أن تواصل النظر في هذه المسألة", "تطلب إلى الأمين العام أن يقدم تقريرا شاملا عن تنفيذ هذا القرار"])
    new = new.replace(paragraphs=(new.paragraphs[0], new.paragraphs[1].replace(page=3)))
    report = tmp_path / "ar.html"
    report.write_text(render_diff(compare(old, new)), "utf-8")
    browser = _browser()
    try:
        browser.get(report.as_uri())
        p = browser.find_element(By.CSS_SELECTOR, "#c1 .inline p")
        assert p.value_of_css_property("direction") == "rtl" and p.get_attribute("lang") == "ar"
        fonts = p.value_of_css_property("font-family")
        assert all(f in fonts for f in ("Noto Naskh Arabic", "Noto Serif CJK SC", "DejaVu Serif"))
        assert "(p. 1)" in browser.find_element(By.CSS_SELECTOR, "#c1 h3").text
        assert "(old p. 2, new p. 3)" in browser.find_element(By.CSS_SELECTOR, "#c2 h3").text
        browser.find_element(By.TAG_NAME, "body").send_keys("v")
        for cid in ("c1", "c2"):
            old_col = browser.find_element(By.CSS_SELECTOR, f"#{cid} .sbs .old")
            new_col = browser.find_element(By.CSS_SELECTOR, f"#{cid} .sbs .new")
            assert old_col.rect["y"] == new_col.rect["y"]  # one row: they scroll as one
            assert old_col.rect["x"] != new_col.rect["x"]
        browser.execute_script("window.scrollTo(0, 200)")
        a, b = (browser.find_element(By.CSS_SELECTOR, f"#c2 .sbs .{s}").rect["y"] for s in ("old", "new"))
        assert a == b
    finally:
        browser.quit()
