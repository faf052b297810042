"""The HTML report: escaped, self-contained, and rendered by a real browser."""

from __future__ import annotations

import datetime as dt
import itertools
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
            # every place of every finding in the list links to its highlight in the copy
            links = page.locator("aside ul.places li a")
            assert links.count() == page.locator("aside ul.places li").count() >= 3
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


# ---------------------------------------------------------------- issue 15: a page an editor
# reads at a glance

WRONG_DAY = "It opened on Thursday, 29 May 2024, the council said.\n"


def _page(root, tmp_path, *extra: str) -> str:
    (tmp_path / "wrong-day.txt").write_text(WRONG_DAY, encoding="utf-8")
    report = checker.check_paths([root / SEED, tmp_path / "wrong-day.txt",
                                  root / "tests" / "data" / "clean.txt", *extra])
    return to_html(report)


def test_every_place_of_a_finding_is_listed_with_its_label_and_linked(root, tmp_path):
    page = _page(root, tmp_path)
    item = re.search(r'<li id="f\d+-\d+">(?:(?!</li></ul>).)*?event-time-conflict.*?</li></ul>',
                     page).group()
    places = re.findall(r'<li><a href="#(m[\d-]+)">line (\d+)</a> <q class="words">([^<]*)</q>'
                        r"([^<]*)</li>", item)
    assert [(line, words, label) for _, line, words, label in places] == \
        [("22", "Thursday", ""), ("6", "Wednesday", " · first given here")]
    for ident, *_ in places:  # each link lands on a highlight of those words
        assert len(re.findall(f'id="{ident}"', page)) == 1
    assert re.search(r'<mark class="related" id="m\d+-\d+-1" title="first given here', page)
    fix = re.search(r'<div class="fix">(.*?)</div>', page).group(1)
    assert fix == "Did you mean <q>Wednesday</q> at line 1? the weekday that fits the date"


def test_many_files_open_with_contents_findings_first_and_clean_files_closed(root, tmp_path):
    page = _page(root, tmp_path, tmp_path / "missing.txt")
    contents = re.search(r'<nav class="contents">(.*?)</nav>', page).group(1)
    listed = re.findall(r'<li class="(\w+)"><a href="#(file\d+)">([^<]*)</a> · ([^<]*)</li>',
                        contents)
    assert [(cls, name.rsplit("/", 1)[-1], count) for cls, _, name, count in listed] == [
        ("found", "kim-jong-un-leaves-beijing.txt", "2 findings"),
        ("found", "wrong-day.txt", "1 finding"),
        ("found", "missing.txt", "could not be checked"),
        ("clean", "clean.txt", "no findings")]
    # the sections follow the contents; files with findings open, the clean one closed
    sections = re.findall(r'<details class="file" id="(file\d+)"( open)?>', page)
    assert [ident for ident, _ in sections] == [ident for _, ident, _, _ in listed]
    assert [bool(opened) for _, opened in sections] == [True, True, True, False]
    single = to_html(checker.check_paths([root / "tests" / "data" / "clean.txt"]))
    assert '<nav class="contents">' not in single and " open>" in single


def test_the_axis_keeps_the_story_days_apart_beside_an_old_year():
    from checker.model import Dated
    from checker.report.page import _x, axis

    pub = dt.date(2024, 5, 29)
    days = [Dated(dt.date(2024, 5, d), dt.date(2024, 5, d), "w", "when", day=True)
            for d in (27, 29, 30)]
    old = [Dated(dt.date(2011, 1, 1), dt.date(2011, 12, 31), "2011", "2011"),
           Dated(dt.date(2018, 6, 1), dt.date(2018, 6, 30), "June 2018", "June 2018")]
    segments = axis(days + old, pub)
    xs = [_x(segments, m.first) for m in days]
    assert min(b - a for a, b in itertools.pairwise(xs)) >= 60  # of 1000: apart, not piled up
    assert [s.focus for s in segments] == [False, True]
    assert _x(segments, dt.date(2011, 1, 1)) < _x(segments, dt.date(2018, 6, 1)) < xs[0]
    # a plan years ahead is drawn after the days, compressed too
    ahead = Dated(dt.date(2030, 1, 1), dt.date(2030, 12, 31), "2030", "2030")
    segments = axis([*days, *old, ahead], pub)
    assert [s.focus for s in segments] == [False, True, False]
    xs = [_x(segments, m.first) for m in days]
    assert min(b - a for a, b in itertools.pairwise(xs)) >= 50
    assert xs[-1] < _x(segments, ahead.first) < _x(segments, ahead.last) <= 960
    # one linear scale when the dates are close together
    (only,) = axis(days, pub)
    assert not only.focus
    # a single old year alone is drawn on one scale too
    (alone,) = axis(old[:1], pub)
    assert alone.first == dt.date(2011, 1, 1) and alone.last == pub


def test_the_page_in_the_browser_shows_places_suggestion_and_a_readable_timeline(root,
                                                                                 tmp_path):
    """Laid out by Debian's chromium through Playwright: the two places of a finding and the
    suggestion are visible in the list; the list stays in view while a long copy scrolls;
    the days around publication are drawn apart although 2011 is on the axis; no label
    leaves the drawing."""
    browser = shutil.which("chromium") or shutil.which("chromium-browser")
    if browser is None:
        if os.environ.get("CI") == "true":
            pytest.fail("chromium is missing: CI must run the browser test")
        pytest.skip("Debian's chromium is not installed (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    long_story = tmp_path / "long.txt"
    long_story.write_text("Published 29 May 2024\n\n" + "The council met again and talked "
                          "at length about the budget for the coming year.\n\n" * 60
                          + "It opened on Thursday, 29 May 2024.\n", encoding="utf-8")
    page_file = tmp_path / "report.html"
    page_file.write_text(_page(root, tmp_path, long_story), encoding="utf-8")
    artefacts = root / "tests" / "artifacts"
    artefacts.mkdir(exist_ok=True)
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=browser, args=CHROMIUM_FLAGS)
        try:
            page = chromium.new_page(viewport={"width": 1280, "height": 900})
            page.goto(page_file.as_uri())
            conflict = page.locator("aside li", has_text="event-time-conflict").first
            places = conflict.locator("ul.places li")
            assert places.count() == 2
            assert places.nth(0).inner_text().startswith("line 22")
            assert places.nth(1).inner_text() == "line 6 Wednesday · first given here"
            for i in range(2):
                target = places.nth(i).locator("a").get_attribute("href")
                mark = page.locator(target)
                assert mark.is_visible() and mark.bounding_box()["width"] > 0
            fix = page.locator(".fix").first
            assert fix.is_visible() and "Did you mean Wednesday" in \
                fix.inner_text().replace("“", "").replace("”", "")
            # the clean file is closed: its copy is not shown
            clean = page.locator("details.file", has_text="clean.txt")
            assert clean.locator(".copy").is_hidden()
            # the timeline: Monday 27, Wednesday 29 and Thursday 30 May apart
            svg = page.locator("details.file").first.locator(".timeline svg")
            box = svg.bounding_box()
            xs = {}
            for circle in svg.locator("circle.moment").all():
                title = circle.locator("title").text_content()
                xs[title.split(" · ")[1]] = circle.bounding_box()["x"]
            near = [xs["Monday 27 May 2024"], xs["Wednesday 29 May 2024"],
                    xs["Thursday 30 May 2024"]]
            assert near[0] + 40 < near[1] + 20 < near[2], xs
            assert svg.locator("rect.moment").count() == 1  # 2011, a year: a bar
            for label in svg.locator("text").all():
                lb = label.bounding_box()
                assert box["x"] - 1 <= lb["x"] and lb["x"] + lb["width"] <= \
                    box["x"] + box["width"] + 1, label.text_content()
            page.screenshot(path=str(artefacts / "html-report-findings.png"), full_page=True)
            # the findings list stays in view while the long copy scrolls
            section = page.locator("details.file", has_text="long.txt")
            finding = section.locator(".copy mark.error")
            finding.scroll_into_view_if_needed()
            aside = section.locator("aside.findings").bounding_box()
            assert 0 <= aside["y"] < 900 and aside["height"] > 0
            assert section.locator("aside li").first.is_visible()
            assert page.evaluate("window.scrollY") > 2000  # the page did scroll that far
        finally:
            chromium.close()
