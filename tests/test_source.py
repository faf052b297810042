"""Reading inputs: decoding, Markdown and HTML stripping, offsets back to the raw file."""

from __future__ import annotations

import pytest

import checker
from checker.source import InputError, decode, read_text


def _raw(article, start, end):
    s, e = article.raw_span(start, end)
    return article.raw[s:e]


def test_html_keeps_only_visible_text_and_maps_offsets_back():
    raw = ("<html><head><title>T</title><style>p{}</style></head><body><article>"
           "<h1>Harrow &amp; Vale</h1><script>var d='31 April';</script>"
           "<p>The run is set for <b>31&nbsp;April</b> next year.</p></article></body></html>")
    article = read_text(raw, path="a.html")
    assert "var d" not in article.text and "p{}" not in article.text
    assert "Harrow & Vale" in article.text
    i = article.text.index("31\xa0April")
    assert _raw(article, i, i + len("31\xa0April")) == "31&nbsp;April"


def test_html_findings_point_at_the_raw_file(tmp_path):
    path = tmp_path / "story.html"
    raw = ('<article><time datetime="2024-10-16">16 October 2024</time>'
           "<p>Caf&eacute; owners said the final run is scheduled for 31 April.</p></article>")
    path.write_text(raw, encoding="utf-8")
    report = checker.check_file(path)
    (fr,) = report.files
    assert fr.publication_date.date.isoformat() == "2024-10-16"
    assert fr.publication_date.source == "html-meta" or fr.publication_date.source == "html-time"
    (f,) = [f for f in fr.findings if f.rule == "impossible-date"]
    s, e = fr.raw_span(f.span.start, f.span.end)
    assert raw[s:e] == "31 April"


def test_markdown_front_matter_gives_the_date_and_offsets_are_the_files():
    raw = "---\ntitle: x\ndate: 2024-04-21\n---\n\n# Head\n\nThe **final** is on Tuesday 8 May.\n"
    article = read_text(raw, path="a.md")
    assert article.metadata_dates == (("front-matter", __import__("datetime").date(2024, 4, 21)),)
    assert len(article.text) == len(raw)
    i = article.text.index("Tuesday 8 May")
    assert raw[i:i + 13] == "Tuesday 8 May"
    assert "title" not in article.text and "**" not in article.text


@pytest.mark.parametrize(("data", "words"), [
    (b"", "empty"),
    (b"   \n\t ", "empty"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
    (b"caf\xe9 on Tuesday", "not UTF-8"),
])
def test_bad_bytes_give_one_line_errors(data, words):
    with pytest.raises(InputError) as exc:
        decode(data, name="x.txt")
    assert words in str(exc.value) and "\n" not in str(exc.value)


def test_boms_are_decoded():
    assert decode("\ufeffhello".encode("utf-8"), name="x") == "hello"
    assert decode("hello".encode("utf-16"), name="x") == "hello"


@pytest.mark.parametrize("kind", ["text", "markdown", "html"])
def test_page_furniture_is_not_copy(kind):
    """'Skip to content' and the like, copied with a story from a web page, on a line of
    their own: blanked, same length; the words in a sentence stay."""
    story = ("Skip to content\n\nIt opened on Thursday, 29 May 2024. Readers may skip to "
             "content they like.\n\nAdvertisement\n\n  Back to top\n")
    raw = story if kind != "html" else "".join(
        f"<p>{line}</p>\n" for line in story.split("\n\n"))
    article = read_text(raw, path=f"story.{ {'text': 'txt', 'markdown': 'md'}.get(kind, kind)}")
    assert "Skip to content" not in article.text and "Advertisement" not in article.text
    assert "Back to top" not in article.text
    assert "Readers may skip to content they like." in article.text
    start = article.text.index("Thursday")
    assert raw[slice(*article.raw_span(start, start + 8))] == "Thursday"
