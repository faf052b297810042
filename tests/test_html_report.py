"""The HTML report: escaped, self-contained, and rendered by a real browser."""

from __future__ import annotations

import os
import re
import shutil

import pytest
from typer.testing import CliRunner

import checker
from checker.cli import app
from checker.report.page import to_html

runner = CliRunner()
SEED = "seeds/kim-jong-un-leaves-beijing.txt"
# Chromium as the probe of this machine kind runs it: no network, no first-run work.
CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                  "--no-first-run", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync", "--hide-scrollbars"]


def test_article_text_is_always_escaped():
    text = ("<script>alert(1)</script> It opened on Thursday, 29 May 2024. "
            "\"><img src=x onerror=alert(2)>\n")
    page = to_html(checker.check_text(text, path="<b>evil</b>.txt"))
    assert "<script>alert(1)" not in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "<img" not in page and "<b>evil" not in page
    assert re.findall(r"<script", page) == []  # the page carries no script at all


def test_self_contained():
    page = to_html(checker.check_file(SEED))
    assert not re.search(r"""(?:src|href)\s*=\s*["']?(?:https?:)?//""", page)
    assert "@import" not in page and "url(" not in page
    assert "default-src 'none'" in page


def _chromium() -> str | None:
    return shutil.which("chromium") or shutil.which("chromium-browser")


def test_rendered_in_headless_chromium(root, monkeypatch, tmp_path):
    """The page as a desk editor's browser lays it out, read from its DOM through Playwright
    driving Debian's chromium (never a downloaded browser build)."""
    browser = _chromium()
    if browser is None:
        if os.environ.get("CI") == "true":
            pytest.fail("chromium is missing: CI must run the browser test "
                        "(.ci/run installs it: apt-get install chromium)")
        pytest.skip("Debian's chromium is not installed (apt-get install chromium); "
                    "CI runs this test")
    from playwright.sync_api import sync_playwright

    monkeypatch.chdir(root)
    page_file = tmp_path / "report.html"
    result = runner.invoke(app, ["check", SEED, "--facts", "seeds/facts.toml", "-f", "html",
                                 "-o", str(page_file)])
    assert result.exit_code == 1
    artefacts = root / "tests" / "artifacts"
    artefacts.mkdir(exist_ok=True)
    shot = artefacts / "html-report.png"
    shot.unlink(missing_ok=True)
    requests: list[str] = []
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=browser, args=CHROMIUM_FLAGS)
        try:
            page = chromium.new_page(viewport={"width": 1280, "height": 1600})
            page.on("request", lambda request: requests.append(request.url))
            page.goto(page_file.as_uri())
            marks = page.locator("mark.warning")
            assert marks.count() == 3
            for i in range(marks.count()):
                box = marks.nth(i).bounding_box()
                assert box and box["width"] > 0 and box["height"] > 0  # laid out, visible
                assert marks.nth(i).evaluate("e => getComputedStyle(e).backgroundColor") == \
                    "rgb(255, 229, 138)"
                assert "warning " in marks.nth(i).get_attribute("title")  # the hover text
            # every finding in the list links to its highlight in the copy
            links = page.locator("aside li a")
            assert links.count() == page.locator("aside li").count() >= 3
            for i in range(links.count()):
                target = links.nth(i).get_attribute("href")
                assert page.locator(target).count() == 1, target
            # the timeline: six moments inside the drawing, the publication date in red
            svg = page.locator(".timeline svg").first.bounding_box()
            moments = page.locator(".timeline .moment")
            assert moments.count() == 6
            for i in range(moments.count()):
                box = moments.nth(i).bounding_box()
                assert box and svg["x"] <= box["x"] <= svg["x"] + svg["width"]
                assert svg["y"] <= box["y"] <= svg["y"] + svg["height"]
            publication = page.locator(".timeline line.publication")
            assert publication.count() == 1 and publication.bounding_box()["height"] > 0
            assert publication.evaluate("e => getComputedStyle(e).stroke") == "rgb(204, 0, 0)"
            page.screenshot(path=str(shot), full_page=True)  # left for a person to look at
        finally:
            chromium.close()
    assert requests == [page_file.as_uri()]  # the page asked for nothing else
    assert shot.stat().st_size > 10_000
