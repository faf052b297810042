"""The HTML report: escaped, self-contained, and rendered by a real browser."""

from __future__ import annotations

import re
import shutil
import subprocess

from PIL import Image
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


def test_rendered_in_headless_chromium(root, monkeypatch, tmp_path):
    monkeypatch.chdir(root)
    browser = shutil.which("chromium") or shutil.which("chromium-browser")
    assert browser, "Debian's chromium is needed (.ci/run installs it)"
    page = tmp_path / "report.html"
    result = runner.invoke(app, ["check", SEED, "--facts", "seeds/facts.toml", "-f", "html",
                                 "-o", str(page)])
    assert result.exit_code == 1
    html = page.read_text(encoding="utf-8")
    assert html.count('<mark class="warning"') == 3 and 'class="publication"' in html
    assert html.count('class="moment"') == 6
    artefacts = root / "tests" / "artifacts"
    artefacts.mkdir(exist_ok=True)
    shot = artefacts / "html-report.png"
    shot.unlink(missing_ok=True)
    subprocess.run([browser, *CHROMIUM_FLAGS, f"--user-data-dir={tmp_path / 'profile'}",
                    "--window-size=1280,1600", f"--screenshot={shot}", page.as_uri()],
                   capture_output=True, timeout=120, check=False)
    assert shot.exists(), "chromium wrote no screenshot"
    colours = _colours(shot)
    assert colours[(0xFF, 0xE5, 0x8A)] > 200  # warning highlights in the copy
    assert colours[(0x2A, 0x7A, 0xB8)] > 100  # timeline dots (and the info badge colour)
    assert colours[(0xCC, 0x00, 0x00)] > 50  # the publication date's line


def _colours(path) -> dict[tuple[int, int, int], int]:  # noqa: ANN001
    image = Image.open(path).convert("RGB")
    counts: dict[tuple[int, int, int], int] = {}
    for count, colour in image.getcolors(maxcolors=1 << 20):
        counts[colour] = count
    return _Default(counts)


class _Default(dict):
    def __missing__(self, key):  # noqa: ANN001, ANN204
        return 0
